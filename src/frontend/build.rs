//! The frontend's whole job, over any [`Bridge`]: read the Dockerfile and
//! `.dockerignore` from the client's locals, resolve base images, plan,
//! lower, solve, and describe the result (image config per platform).

use std::collections::BTreeMap;

use super::bridge::{Bridge, BridgeError};
use super::options::{FrontendOptions, OptionError, parse_options};
use super::{ConvertError, LowerOptions, lower};
use crate::dockerfile::{self, dockerignore};
use crate::llb::definition::{SourceFile, marshal};
use crate::llb::source::{self, LocalOptions};
use crate::llb::{VertexMeta, caps};
use crate::plan::image::ImageConfig;
use crate::plan::passes::{
    ContextFiles, Explanation, MAX_READ_ROUNDS, PassFacts, PassOptions, run_all_passes,
    wanted_context_files,
};
use crate::plan::platform::Platform;
use crate::plan::reference::ImageRef;
use crate::plan::{self, PlanError, ResolvedImage, ResolvedImages};

/// What one platform's build produced.
#[derive(Debug, Clone)]
pub struct PlatformResult {
    pub platform: Platform,
    /// `None` when the result is an empty filesystem (`FROM scratch` only).
    pub reference: Option<String>,
    pub image: ImageConfig,
}

/// The frontend's answer: one result per requested platform.
#[derive(Debug, Clone)]
pub struct FrontendResult {
    pub platforms: Vec<PlatformResult>,
    /// What the smart passes changed (first platform's plan).
    pub explanation: Explanation,
    /// `SOURCE_DATE_EPOCH`, handed to the exporters as `source.date.epoch`.
    pub source_date_epoch: Option<i64>,
    /// Whether several platforms were requested (results keyed by platform).
    pub multi_platform: bool,
}

impl FrontendResult {
    /// Result metadata as BuildKit's exporters read it.
    pub fn metadata(&self) -> BTreeMap<String, Vec<u8>> {
        let mut md = BTreeMap::new();
        if let Some(epoch) = self.source_date_epoch {
            md.insert("source.date.epoch".into(), epoch.to_string().into_bytes());
        }
        if self.multi_platform {
            let mut list = Vec::new();
            for p in &self.platforms {
                let id = p.platform.to_string();
                md.insert(format!("containerimage.config/{id}"), p.image.to_json());
                list.push(serde_json::json!({
                    "id": id,
                    "platform": { "os": p.platform.os, "architecture": p.platform.architecture, "variant": p.platform.variant },
                }));
            }
            md.insert(
                "refs.platforms".into(),
                serde_json::to_vec(&serde_json::json!({ "platforms": list })).unwrap_or_default(),
            );
        } else if let Some(p) = self.platforms.first() {
            md.insert("containerimage.config".into(), p.image.to_json());
        }
        md
    }
}

/// Why the frontend failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FrontendError {
    #[error(transparent)]
    Options(#[from] OptionError),
    /// A problem in the Dockerfile; `text` is the Dockerfile for rendering.
    #[error("{error}")]
    Dockerfile {
        filename: String,
        text: String,
        error: ConvertError,
    },
    #[error("failed to read dockerfile: {0}")]
    MissingDockerfile(String),
    #[error("{0}")]
    Bridge(#[from] BridgeError),
    #[error("{0}")]
    Unsupported(String),
    /// A subrequest (`requestid`) that could not be answered.
    #[error(transparent)]
    Subrequest(#[from] super::subrequests::SubrequestError),
    #[error("{0}")]
    Settings(String),
}

/// Read the context files the passes asked for (dockerignored ones read as absent).
async fn read_context_files<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    excludes: &[String],
    wanted: Vec<String>,
) -> Result<ContextFiles, FrontendError> {
    let mut files = ContextFiles::default();
    if wanted.is_empty() {
        return Ok(files);
    }
    let local = LocalOptions {
        session_id: bridge.session_id().map(str::to_string),
        // Its own cached copy: syncing only these files into the context's
        // copy would delete the rest and force a full re-send next time.
        shared_key_hint: Some(format!("{}-strata-manifests", opts.context_local)),
        follow_paths: wanted.clone(),
        exclude_patterns: excludes.to_vec(),
        ..Default::default()
    };
    let out = source::local(
        &opts.context_local,
        &local,
        VertexMeta::named("[internal] load dependency manifests"),
    );
    let reference = bridge.solve(marshal(&Some(out), None).definition).await?;
    for path in wanted {
        let content = read_optional(bridge, &reference, &path).await?;
        files.files.insert(path, content);
    }
    Ok(files)
}

/// `shared_key_hint` names the engine's cached copy of the local: a load that
/// follows only a few paths must not share the full context's copy, or it
/// empties it and the next context load sends every file again (upstream
/// uses `context-.dockerignore` for the ignore file too).
fn local_definition(
    name: &str,
    shared_key_hint: &str,
    session: Option<&str>,
    follow: Vec<String>,
    differ_none: bool,
    display: &str,
) -> crate::proto::pb::Definition {
    let opts = LocalOptions {
        session_id: session.map(str::to_string),
        shared_key_hint: Some(shared_key_hint.to_string()),
        follow_paths: follow,
        differ: differ_none.then(|| "none".to_string()),
        ..Default::default()
    };
    let out = source::local(
        name,
        &opts,
        VertexMeta::named(format!("[internal] {display}")),
    );
    marshal(&Some(out), None).definition
}

async fn read_optional<B: Bridge>(
    bridge: &B,
    reference: &str,
    path: &str,
) -> Result<Option<Vec<u8>>, FrontendError> {
    match bridge.read_file(reference, path).await {
        Ok(data) => Ok(Some(data)),
        Err(BridgeError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Read the Dockerfile and the ignore patterns that apply to the context.
async fn read_inputs<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
) -> Result<(String, Vec<String>), FrontendError> {
    let session = bridge.session_id();
    let filename = opts.filename.clone();
    let ignore_name = format!("{filename}.dockerignore");
    let mut follow = vec![filename.clone(), ignore_name.clone()];
    let lower_name = lowercase_dockerfile(&filename);
    follow.extend(lower_name.clone());
    let def = local_definition(
        &opts.dockerfile_local,
        &opts.dockerfile_local,
        session,
        follow,
        true,
        &format!("load build definition from {filename}"),
    );
    let df_ref = bridge.solve(def).await?;
    let text = match read_optional(bridge, &df_ref, &filename).await? {
        Some(t) => t,
        None => match &lower_name {
            Some(l) => read_optional(bridge, &df_ref, l).await?.ok_or_else(|| {
                FrontendError::MissingDockerfile(format!("{filename}: no such file"))
            })?,
            None => {
                return Err(FrontendError::MissingDockerfile(format!(
                    "{filename}: no such file"
                )));
            }
        },
    };
    let text = String::from_utf8(text)
        .map_err(|_| FrontendError::MissingDockerfile(format!("{filename} is not valid UTF-8")))?;
    let ignore = match read_optional(bridge, &df_ref, &ignore_name).await? {
        Some(bytes) => Some(bytes),
        None => {
            let def = local_definition(
                &opts.context_local,
                &format!("{}-{}", opts.context_local, dockerignore::DEFAULT_NAME),
                session,
                vec![dockerignore::DEFAULT_NAME.to_string()],
                true,
                "load .dockerignore",
            );
            let ctx_ref = bridge.solve(def).await?;
            read_optional(bridge, &ctx_ref, dockerignore::DEFAULT_NAME).await?
        }
    };
    let patterns = ignore
        .map(|b| {
            dockerignore::to_exclude_patterns(&dockerignore::parse(&String::from_utf8_lossy(&b)))
        })
        .unwrap_or_default();
    Ok((text, patterns))
}

/// `Dockerfile` may also be spelled `dockerfile` (moby/moby#10858).
fn lowercase_dockerfile(filename: &str) -> Option<String> {
    let (dir, base) = match filename.rsplit_once('/') {
        Some((d, b)) => (format!("{d}/"), b),
        None => (String::new(), filename),
    };
    (base == "Dockerfile").then(|| format!("{dir}dockerfile"))
}

/// The subrequest the options ask for (`requestid`), if any.
pub fn requested_subrequest(options: &BTreeMap<String, String>) -> Option<&str> {
    options
        .get(super::subrequests::REQUEST_ID_OPTION)
        .map(String::as_str)
        .filter(|r| !r.is_empty())
}

/// Answer a subrequest (`docker buildx build --call=targets|outline`):
/// result metadata only, no solve beyond reading the Dockerfile.
pub async fn subrequest<B: Bridge>(
    bridge: &B,
    request: &str,
) -> Result<BTreeMap<String, Vec<u8>>, FrontendError> {
    let opts = parse_options(bridge.options())?;
    if request == super::subrequests::DESCRIBE {
        let df = dockerfile::Dockerfile {
            directives: Vec::new(),
            escape: '\\',
            instructions: Vec::new(),
        };
        return Ok(super::subrequests::answer(
            request,
            &df,
            "",
            None,
            &BTreeMap::new(),
        )?);
    }
    let (text, _) = read_inputs(bridge, &opts).await?;
    let filename = opts.filename.clone();
    let df = dockerfile::parse(&text).map_err(|e| FrontendError::Dockerfile {
        filename,
        text: text.clone(),
        error: e.into(),
    })?;
    Ok(super::subrequests::answer(
        request,
        &df,
        &text,
        opts.build.target.as_deref(),
        &opts.build.build_args,
    )?)
}

/// Refuse, at the Dockerfile line, features the engine cannot run: never a
/// silent difference in the output.
fn check_engine_caps(
    plan: &plan::BuildPlan,
    engine: &super::bridge::BridgeCaps,
) -> Result<(), PlanError> {
    use crate::llb::file::CopyMode;
    use crate::plan::{CopySource, RunMountPlan, StepOp};
    let need = |cap: &str, feature: &str, span: crate::dockerfile::Span| -> Result<(), PlanError> {
        if engine.supports(cap) {
            Ok(())
        } else {
            Err(PlanError::at(
                span,
                format!(
                    "{feature} needs the BuildKit capability {cap}, which this engine does not have"
                ),
            )
            .expected("a newer BuildKit engine, or a Dockerfile without this feature"))
        }
    };
    for stage in plan.stages.iter().filter(|s| s.reachable) {
        for step in &stage.steps {
            match &step.op {
                StepOp::Copy(c) => {
                    if matches!(c.mode, Some(CopyMode::Symbolic(_))) {
                        need(caps::FILE_COPY_MODE_STRING, "a symbolic --chmod", step.span)?;
                    }
                    if !c.exclude.is_empty() {
                        need(
                            caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS,
                            "--exclude",
                            step.span,
                        )?;
                    }
                    for src in &c.sources {
                        if let CopySource::Fs {
                            include_patterns,
                            required_paths,
                            ..
                        } = src
                        {
                            if !include_patterns.is_empty() {
                                need(
                                    caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS,
                                    "copying with include patterns (--parents, layering)",
                                    step.span,
                                )?;
                            }
                            if !required_paths.is_empty() {
                                need(caps::FILE_COPY_REQUIRED_PATHS, "--parents", step.span)?;
                            }
                        }
                    }
                }
                StepOp::Run(r) => {
                    for m in &r.mounts {
                        match m {
                            RunMountPlan::Secret { env: Some(_), .. } => {
                                need(caps::EXEC_SECRET_ENV, "a secret mount with env=", step.span)?
                            }
                            RunMountPlan::Tmpfs { size, .. } if *size > 0 => need(
                                caps::EXEC_MOUNT_TMPFS_SIZE,
                                "a tmpfs mount with size=",
                                step.span,
                            )?,
                            _ => {}
                        }
                    }
                }
                StepOp::Mkdir { .. } => {}
            }
        }
    }
    Ok(())
}

/// The facts the stamp and bust passes need: the options' facts plus what
/// only the frontend knows (the Dockerfile's digest, the target, its own
/// version). The clock is read here, at the edge, when the client sent no
/// time (`strata-now`, SOURCE_DATE_EPOCH, BUILD_DATE).
pub fn pass_facts(opts: &FrontendOptions, dockerfile: &str, plan: &plan::BuildPlan) -> PassFacts {
    use sha2::Digest;
    let mut stamp = opts.stamp.clone();
    stamp.dockerfile_digest = Some(format!(
        "sha256:{}",
        hex::encode(sha2::Sha256::digest(dockerfile.as_bytes()))
    ));
    stamp.frontend_version = env!("CARGO_PKG_VERSION").to_string();
    stamp.target = opts
        .build
        .target
        .clone()
        .or_else(|| plan.stages[plan.target].declared_name.clone());
    let clock = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    };
    let now = opts.now.unwrap_or_else(clock);
    if stamp.created.is_none() {
        stamp.created = Some(crate::plan::dispatch::epoch_rfc3339(now));
    }
    PassFacts {
        stamp,
        bust: crate::plan::passes::bust::BustFacts {
            now: Some(now),
            cache_bust: opts.cache_bust.clone(),
        },
    }
}

/// Run the Dockerfile frontend.
pub async fn build<B: Bridge>(bridge: &B) -> Result<FrontendResult, FrontendError> {
    let opts = parse_options(bridge.options())?;
    let engine_caps = bridge.caps().await?;
    let (text, ignore_patterns) = read_inputs(bridge, &opts).await?;
    let filename = opts.filename.clone();
    let syntax_error = |error: ConvertError| FrontendError::Dockerfile {
        filename: filename.clone(),
        text: text.clone(),
        error,
    };
    let df = dockerfile::parse(&text).map_err(|e| syntax_error(e.into()))?;
    let mut pass_opts = PassOptions::default();
    pass_opts
        .apply_directive(&text)
        .map_err(|e| FrontendError::Settings(format!("{filename}: # strata: directive: {e}")))?;
    for (k, v) in &opts.pass_overrides {
        pass_opts
            .set(k, v)
            .map_err(|e| FrontendError::Settings(e.to_string()))?;
    }
    let mut explanation = None;

    let build_platform = engine_caps
        .worker_platforms
        .first()
        .cloned()
        .unwrap_or_else(Platform::host);
    let targets: Vec<Option<Platform>> = if opts.platforms.is_empty() {
        vec![None]
    } else {
        opts.platforms.iter().cloned().map(Some).collect()
    };
    let mut resolved = ResolvedImages::default();
    let mut results = Vec::new();
    for target in targets {
        let mut build_opts = opts.build.clone();
        build_opts.build_platform = build_platform.clone();
        build_opts.target_platform = target;
        build_opts.dockerignore = ignore_patterns.clone();
        build_opts.session_id = bridge.session_id().map(str::to_string);
        build_opts.merge_op = engine_caps.supports(caps::MERGE_OP);
        let mut attempts = 0;
        let mut build_plan = loop {
            match plan::plan(&df, &build_opts, &resolved) {
                Ok(p) => break p,
                Err(PlanError::NeedImages(requests)) if attempts < 16 => {
                    attempts += 1;
                    for request in requests {
                        let name = request.reference.to_string();
                        let log = format!("[internal] load metadata for {name}");
                        let got = bridge
                            .resolve_image_config(
                                &name,
                                &request.platform,
                                build_opts.image_resolve_mode,
                                &log,
                            )
                            .await
                            .map_err(|e| {
                                syntax_error(
                                    PlanError::general(format!(
                                        "{}: {e}",
                                        request.reference.familiar()
                                    ))
                                    .into(),
                                )
                            })?;
                        let config = ImageConfig::from_json(&got.config).map_err(|e| {
                            FrontendError::Bridge(BridgeError::Engine(format!(
                                "image config of {name} is not valid JSON: {e}"
                            )))
                        })?;
                        let reference = if got.reference.is_empty() {
                            request.reference.clone()
                        } else {
                            ImageRef::parse(&got.reference)
                                .map(|r| r.with_default_tag())
                                .unwrap_or_else(|_| request.reference.clone())
                        };
                        let digest = got.digest.filter(|d| !d.is_empty());
                        resolved.images.insert(
                            request,
                            Some(ResolvedImage {
                                reference,
                                digest,
                                config,
                            }),
                        );
                    }
                }
                Err(e) => return Err(syntax_error(e.into())),
            }
        };
        // Round after round (Cargo member manifests are named in the root
        // one); each round follows every path wanted so far.
        let mut files = ContextFiles::default();
        for _ in 0..MAX_READ_ROUNDS {
            let wanted = wanted_context_files(&build_plan, &pass_opts, &files);
            if wanted.iter().all(|p| files.known(p)) {
                break;
            }
            files = read_context_files(bridge, &opts, &ignore_patterns, wanted).await?;
        }
        let facts = pass_facts(&opts, &text, &build_plan);
        let explained = run_all_passes(
            &mut build_plan,
            &pass_opts,
            &files,
            &opts.cache_namespace,
            &facts,
        )
        .map_err(|e| FrontendError::Settings(format!("{filename}: {e}")))?;
        // The user's own `--label`s win over stamped facts.
        if !opts.build.labels.is_empty() {
            let labels = build_plan
                .image
                .config
                .labels
                .get_or_insert_with(Default::default);
            labels.extend(opts.build.labels.clone());
        }
        explanation.get_or_insert(explained);
        if !engine_caps.llb.is_empty() {
            check_engine_caps(&build_plan, &engine_caps).map_err(|e| syntax_error(e.into()))?;
        }
        let root = lower(
            &build_plan,
            &LowerOptions {
                resolve_mode: build_opts.image_resolve_mode,
                merge_op: build_opts.merge_op,
            },
        );
        let source = SourceFile {
            filename: filename.clone(),
            data: text.as_bytes().to_vec(),
            language: "Dockerfile".into(),
        };
        let reference = match &root {
            Some(_) => Some(
                bridge
                    .solve(marshal(&root, Some(&source)).definition)
                    .await?,
            ),
            None => None,
        };
        results.push(PlatformResult {
            platform: build_plan.platform.clone(),
            reference,
            image: build_plan.image.clone(),
        });
    }
    Ok(FrontendResult {
        multi_platform: opts.platforms.len() > 1 || opts.build.multi_platform,
        platforms: results,
        explanation: explanation.unwrap_or_default(),
        source_date_epoch: opts.build.source_date_epoch,
    })
}

#[cfg(test)]
mod tests {
    use super::super::bridge::{BridgeCaps, ImageConfigBytes};
    use super::*;
    use crate::llb::source::ResolveMode;
    use crate::proto::pb;
    use std::cell::RefCell;

    /// A bridge that records calls and serves files from memory.
    struct RecordingBridge {
        options: BTreeMap<String, String>,
        files: BTreeMap<String, Vec<u8>>,
        solved: RefCell<Vec<pb::Definition>>,
        resolved: RefCell<Vec<String>>,
    }

    impl Bridge for RecordingBridge {
        fn options(&self) -> &BTreeMap<String, String> {
            &self.options
        }
        fn session_id(&self) -> Option<&str> {
            Some("sess-1")
        }
        async fn caps(&self) -> Result<BridgeCaps, BridgeError> {
            Ok(BridgeCaps {
                llb: ["mergeop".to_string()].into(),
                worker_platforms: vec![Platform::new("linux", "amd64", "")],
                ..Default::default()
            })
        }
        async fn resolve_image_config(
            &self,
            reference: &str,
            _: &Platform,
            _: ResolveMode,
            _: &str,
        ) -> Result<ImageConfigBytes, BridgeError> {
            self.resolved.borrow_mut().push(reference.to_string());
            Ok(ImageConfigBytes {
                reference: reference.to_string(),
                digest: Some(format!("sha256:{}", "b".repeat(64))),
                config: br#"{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"],"WorkingDir":"/w"},"rootfs":{"type":"layers","diff_ids":["sha256:aa"]}}"#.to_vec(),
            })
        }
        async fn solve(&self, definition: pb::Definition) -> Result<String, BridgeError> {
            let mut s = self.solved.borrow_mut();
            s.push(definition);
            Ok(format!("ref-{}", s.len()))
        }
        async fn read_file(&self, _: &str, path: &str) -> Result<Vec<u8>, BridgeError> {
            self.files
                .get(path)
                .cloned()
                .ok_or_else(|| BridgeError::NotFound(path.to_string()))
        }
    }

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime")
            .block_on(f)
    }

    #[test]
    fn builds_through_the_bridge() {
        let bridge = RecordingBridge {
            options: [("build-arg:V".to_string(), "7".to_string())].into(),
            files: [
                (
                    "Dockerfile".to_string(),
                    b"FROM alpine\nARG V\nRUN echo $V\nCOPY . .\n".to_vec(),
                ),
                (".dockerignore".to_string(), b"*.log\n".to_vec()),
            ]
            .into(),
            solved: RefCell::new(Vec::new()),
            resolved: RefCell::new(Vec::new()),
        };
        let result = block_on(build(&bridge)).expect("builds");
        assert_eq!(
            bridge.resolved.borrow().as_slice(),
            ["docker.io/library/alpine:latest"]
        );
        assert_eq!(result.platforms.len(), 1);
        let image = &result.platforms[0].image;
        assert_eq!(image.config.working_dir, "/w");
        let md = result.metadata();
        assert!(md.contains_key("containerimage.config"));
        // dockerfile local, .dockerignore from the context, then the build itself.
        let solved = bridge.solved.borrow();
        assert_eq!(solved.len(), 3);
        let last = solved.last().expect("build definition");
        let ops: Vec<pb::Op> = last
            .def
            .iter()
            .map(|b| prost::Message::decode(b.as_slice()).expect("op"))
            .collect();
        let image_src = ops.iter().find_map(|o| match &o.op {
            Some(pb::op::Op::Source(s)) if s.identifier.starts_with("docker-image://") => {
                Some(s.identifier.clone())
            }
            _ => None,
        });
        assert_eq!(
            image_src,
            Some(format!(
                "docker-image://docker.io/library/alpine:latest@sha256:{}",
                "b".repeat(64)
            ))
        );
        let local = ops.iter().find_map(|o| match &o.op {
            Some(pb::op::Op::Source(s)) if s.identifier == "local://context" => {
                Some(s.attrs.clone())
            }
            _ => None,
        });
        let local = local.expect("context source");
        assert_eq!(local["local.session"], "sess-1");
        assert_eq!(local["local.excludepatterns"], r#"["*.log"]"#);
        assert!(last.source.is_some(), "source map attached");
    }

    fn source_ids(def: &pb::Definition) -> Vec<String> {
        def.def
            .iter()
            .filter_map(|b| match prost::Message::decode(b.as_slice()) {
                Ok(pb::Op {
                    op: Some(pb::op::Op::Source(s)),
                    ..
                }) => Some(s.identifier),
                _ => None,
            })
            .collect()
    }

    fn named_context_bridge(dockerfile: &str, contexts: &[(&str, &str)]) -> RecordingBridge {
        RecordingBridge {
            options: contexts
                .iter()
                .map(|(k, v)| (format!("context:{k}"), v.to_string()))
                .collect(),
            files: [("Dockerfile".to_string(), dockerfile.as_bytes().to_vec())].into(),
            solved: RefCell::new(Vec::new()),
            resolved: RefCell::new(Vec::new()),
        }
    }

    #[test]
    fn named_contexts_replace_bases_and_copy_sources() {
        let bridge = named_context_bridge(
            "FROM base\nCOPY --from=src . /x\nCOPY --from=docker.io/library/alpine:latest /etc/os-release /y\n",
            &[
                ("base", "docker-image://busybox:latest"),
                ("src", "local:src"),
                ("alpine", "https://example.com/f.txt"),
            ],
        );
        let result = block_on(build(&bridge)).expect("builds");
        assert_eq!(
            bridge.resolved.borrow().as_slice(),
            ["docker.io/library/busybox:latest"]
        );
        assert_eq!(
            result.platforms[0].image.config.working_dir, "/w",
            "config of the overriding image"
        );
        let solved = bridge.solved.borrow();
        let ids = source_ids(solved.last().expect("build definition"));
        assert!(
            ids.contains(&format!(
                "docker-image://docker.io/library/busybox:latest@sha256:{}",
                "b".repeat(64)
            )),
            "{ids:?}"
        );
        assert!(ids.contains(&"local://src".to_string()), "{ids:?}");
        assert!(
            ids.contains(&"https://example.com/f.txt".to_string()),
            "{ids:?}"
        );
        assert!(!ids.iter().any(|i| i.contains("alpine")), "{ids:?}");
    }

    #[test]
    fn named_context_replaces_a_whole_stage() {
        let bridge = named_context_bridge(
            "FROM alpine AS deps\nRUN exit 1\nFROM scratch\nCOPY --from=deps / /\n",
            &[("deps", "git@github.com:moby/buildkit.git#v0.12.0")],
        );
        block_on(build(&bridge)).expect("builds");
        assert!(
            bridge.resolved.borrow().is_empty(),
            "the overridden stage's base is not resolved"
        );
        let solved = bridge.solved.borrow();
        let def = solved.last().expect("build definition");
        let ids = source_ids(def);
        assert!(
            ids.iter()
                .any(|i| i.starts_with("git://github.com/moby/buildkit.git#v0.12.0")),
            "{ids:?}"
        );
        let execs = def
            .def
            .iter()
            .filter(|b| {
                matches!(
                    prost::Message::decode(b.as_slice()),
                    Ok(pb::Op {
                        op: Some(pb::op::Op::Exec(_)),
                        ..
                    })
                )
            })
            .count();
        assert_eq!(execs, 0, "the stage's own RUN is skipped");
    }

    #[test]
    fn platform_specific_named_context_wins() {
        let bridge = named_context_bridge(
            "FROM alpine\n",
            &[
                ("alpine", "docker-image://busybox"),
                ("alpine::linux/amd64", "docker-image://debian:bookworm"),
            ],
        );
        let mut bridge = bridge;
        bridge
            .options
            .insert("platform".into(), "linux/amd64".into());
        block_on(build(&bridge)).expect("builds");
        assert_eq!(
            bridge.resolved.borrow().as_slice(),
            ["docker.io/library/debian:bookworm"]
        );
    }

    #[test]
    fn unsupported_named_contexts_name_the_option() {
        for value in [
            "oci-layout://store@sha256:abc",
            "input:foo",
            "target:x",
            "nonsense",
        ] {
            let bridge = named_context_bridge("FROM base\n", &[("base", value)]);
            let err = block_on(build(&bridge)).expect_err(value).to_string();
            assert!(err.contains("context:base"), "{value}: {err}");
        }
    }

    #[test]
    fn stamps_the_image_config_only() {
        let bridge = RecordingBridge {
            options: [
                ("strata-vcs-revision".to_string(), "c0ffee".to_string()),
                (
                    "label:org.opencontainers.image.source".to_string(),
                    "mine".to_string(),
                ),
                (
                    "strata-vcs-source".to_string(),
                    "https://g/r.git".to_string(),
                ),
                ("build-arg:SOURCE_DATE_EPOCH".to_string(), "0".to_string()),
            ]
            .into(),
            files: [(
                "Dockerfile".to_string(),
                b"FROM alpine\nRUN echo hi\n".to_vec(),
            )]
            .into(),
            solved: RefCell::new(Vec::new()),
            resolved: RefCell::new(Vec::new()),
        };
        let result = block_on(build(&bridge)).expect("builds");
        let image = &result.platforms[0].image;
        let labels = image.config.labels.clone().expect("labels");
        assert_eq!(labels["org.opencontainers.image.revision"], "c0ffee");
        assert_eq!(
            labels["org.opencontainers.image.source"], "mine",
            "--label wins"
        );
        assert_eq!(
            labels["dev.strata.dockerfile.digest"],
            format!(
                "sha256:{}",
                hex::encode(<sha2::Sha256 as sha2::Digest>::digest(
                    b"FROM alpine\nRUN echo hi\n"
                ))
            )
        );
        assert_eq!(image.created.as_deref(), Some("1970-01-01T00:00:00Z"));
        // Same LLB as with stamping off.
        let off = RecordingBridge {
            options: [
                ("strata-stamp".to_string(), "off".to_string()),
                ("build-arg:SOURCE_DATE_EPOCH".to_string(), "0".to_string()),
            ]
            .into(),
            files: bridge.files.clone(),
            solved: RefCell::new(Vec::new()),
            resolved: RefCell::new(Vec::new()),
        };
        let plain = block_on(build(&off)).expect("builds");
        assert!(plain.platforms[0].image.config.labels.is_none());
        assert_eq!(
            bridge.solved.borrow().last().map(|d| d.def.clone()),
            off.solved.borrow().last().map(|d| d.def.clone())
        );
    }

    #[test]
    fn dockerfile_errors_carry_the_source() {
        let bridge = RecordingBridge {
            options: BTreeMap::new(),
            files: [("Dockerfile".to_string(), b"FROM alpine\nBOGUS x\n".to_vec())].into(),
            solved: RefCell::new(Vec::new()),
            resolved: RefCell::new(Vec::new()),
        };
        match block_on(build(&bridge)) {
            Err(FrontendError::Dockerfile { filename, text, .. }) => {
                assert_eq!(filename, "Dockerfile");
                assert!(text.contains("BOGUS"));
            }
            other => panic!("expected a Dockerfile error, got {other:?}"),
        }
    }

    #[test]
    fn missing_dockerfile_is_reported() {
        let bridge = RecordingBridge {
            options: BTreeMap::new(),
            files: BTreeMap::new(),
            solved: RefCell::new(Vec::new()),
            resolved: RefCell::new(Vec::new()),
        };
        assert!(matches!(
            block_on(build(&bridge)),
            Err(FrontendError::MissingDockerfile(_))
        ));
    }
}
