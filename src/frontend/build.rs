//! The frontend's whole job, over any [`Bridge`]: read the Dockerfile and
//! `.dockerignore` from the client's locals, resolve base images, plan,
//! lower, solve, and describe the result (image config per platform).

use std::collections::BTreeMap;

use super::bridge::{Bridge, BridgeError, BridgeWarning, OciStore, READ_DIR_CAP, WarningSource};
use super::options::{FrontendOptions, OptionError, parse_options};
use super::{ConvertError, LowerOptions, lower};
use crate::dockerfile::{self, dockerignore, lint};
use crate::llb::definition::{SourceFile, marshal};
use crate::llb::source::{self, LocalOptions};
use crate::llb::{VertexMeta, caps};
use crate::plan::image::ImageConfig;
use crate::plan::passes::{
    ContextFiles, Explanation, MAX_READ_ROUNDS, PassFacts, PassOptions, likely_next_context_files,
    run_all_passes, wanted_context_files,
};
use crate::plan::platform::Platform;
use crate::plan::reference::ImageRef;
use crate::plan::{self, CopySource, PlanError, ResolvedImage, ResolvedImages, StepOp};

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
    /// The engine could not fetch a base image's config: the registry (or
    /// the client's OCI layout store) failed, not the Dockerfile, so this
    /// is a build failure, not bad input.
    #[error(
        "failed to resolve source metadata for {reference} from {source_name}: {}",
        engine_detail(reference, error)
    )]
    ResolveImage {
        /// The image as the Dockerfile's stage resolves it.
        reference: String,
        /// `registry HOST`, or the OCI layout store it was asked from.
        source_name: String,
        error: BridgeError,
    },
    #[error("{0}")]
    Bridge(#[from] BridgeError),
    #[error("{0}")]
    Unsupported(String),
    /// A subrequest (`requestid`) that could not be answered.
    #[error(transparent)]
    Subrequest(#[from] super::subrequests::SubrequestError),
    #[error("{0}")]
    Settings(String),
    /// Build checks failed with `check=error=true`.
    #[error("{0}")]
    Checks(String),
}

/// The engine's words for a failed resolve, without the "failed to resolve
/// source metadata for REF: " that BuildKit already puts in front (our
/// message says it once, with the registry).
fn engine_detail(reference: &str, error: &BridgeError) -> String {
    let text = match error {
        BridgeError::Engine(m) | BridgeError::NotFound(m) => m,
    };
    let prefix = format!("failed to resolve source metadata for {reference}: ");
    text.strip_prefix(&prefix).unwrap_or(text).to_string()
}

/// How many `ReadFile` calls one read round keeps in flight.
const CONCURRENT_READS: usize = 32;

/// Reads the context files the passes ask for (dockerignored ones read as
/// absent) and remembers every answer, so a round (or a later platform)
/// that asks for files already read costs no round trip to the engine.
///
/// Each load follows every path read so far, so the engine's cached copy
/// of these files stays whole, and reads only the paths not read yet, all
/// at once on the one ref. The passes still see exactly the files they
/// asked for ([`ContextReader::files`]), so what is read ahead never
/// changes what they decide.
struct ContextReader<'a, B> {
    bridge: &'a B,
    context_local: &'a str,
    excludes: &'a [String],
    /// List directories first and read only the files that exist (each
    /// read costs the engine a mount, even for a missing file).
    list_dirs: bool,
    read: std::sync::Mutex<BTreeMap<String, Option<Vec<u8>>>>,
}

impl<'a, B: Bridge> ContextReader<'a, B> {
    fn new(
        bridge: &'a B,
        context_local: &'a str,
        excludes: &'a [String],
        engine_caps: &super::bridge::BridgeCaps,
    ) -> Self {
        ContextReader {
            bridge,
            context_local,
            excludes,
            list_dirs: engine_caps.frontend.contains(READ_DIR_CAP),
            read: Default::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Option<Vec<u8>>>> {
        self.read.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The files among `wanted`, as one load per round would have returned
    /// them (call [`ContextReader::ensure`] first).
    fn files(&self, wanted: &[String]) -> ContextFiles {
        let read = self.lock();
        ContextFiles {
            files: wanted
                .iter()
                .map(|p| (p.clone(), read.get(p).cloned().flatten()))
                .collect(),
        }
    }

    /// Read whatever of `wanted` (and of the files the passes will likely
    /// ask for next, see [`likely_next_context_files`]) is not read yet: one
    /// load of the context, then every file concurrently.
    async fn ensure(&self, wanted: &[String]) -> Result<(), FrontendError> {
        let (new, follow) = {
            let read = self.lock();
            let mut new: Vec<String> = wanted
                .iter()
                .filter(|p| !read.contains_key(*p))
                .cloned()
                .collect();
            if new.is_empty() {
                return Ok(());
            }
            new.extend(
                likely_next_context_files(&new)
                    .into_iter()
                    .filter(|p| !read.contains_key(p)),
            );
            new.sort();
            new.dedup();
            let follow: std::collections::BTreeSet<String> =
                read.keys().chain(new.iter()).cloned().collect();
            (new, follow.into_iter().collect::<Vec<_>>())
        };
        let local = LocalOptions {
            session_id: self.bridge.session_id().map(str::to_string),
            // Its own cached copy: syncing only these files into the context's
            // copy would delete the rest and force a full re-send next time.
            shared_key_hint: Some(format!("{}-strata-manifests", self.context_local)),
            follow_paths: follow,
            exclude_patterns: self.excludes.to_vec(),
            ..Default::default()
        };
        let out = source::local(
            self.context_local,
            &local,
            VertexMeta::named("[internal] load dependency manifests"),
        );
        let reference = self
            .bridge
            .solve(marshal(&Some(out), None).definition)
            .await?;
        let mut found = BTreeMap::new();
        let to_read = if self.list_dirs {
            self.existing(&reference, &new).await
        } else {
            new.clone()
        };
        for chunk in to_read.chunks(CONCURRENT_READS) {
            let contents = futures_util::future::join_all(
                chunk
                    .iter()
                    .map(|path| read_optional(self.bridge, &reference, path)),
            )
            .await;
            for (path, content) in chunk.iter().zip(contents) {
                found.insert(path.clone(), content?);
            }
        }
        let mut read = self.lock();
        for path in new {
            let content = found.remove(&path).flatten();
            read.insert(path, content);
        }
        Ok(())
    }

    /// Which of `paths` may exist in `reference`: directories holding
    /// several of them are listed (all at once) and only listed names are
    /// kept; a directory that does not exist holds none of them; paths
    /// alone in their directory, or in one that cannot be listed, are kept
    /// (reading them tells) unless the context root's listing shows that
    /// their top directory is missing.
    async fn existing(&self, reference: &str, paths: &[String]) -> Vec<String> {
        let mut by_dir: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
        for path in paths {
            let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            by_dir.entry(dir).or_default().push(path);
        }
        let mut keep: Vec<String> = Vec::new();
        let mut listed: Vec<(&str, Vec<&String>)> = Vec::new();
        for (dir, in_dir) in by_dir {
            if in_dir.len() < 2 {
                keep.extend(in_dir.into_iter().cloned());
            } else {
                listed.push((dir, in_dir));
            }
        }
        let listings = futures_util::future::join_all(
            listed
                .iter()
                .map(|(dir, _)| self.bridge.read_dir(reference, dir)),
        )
        .await;
        let mut root_names: Option<std::collections::BTreeSet<String>> = None;
        for ((dir, in_dir), listing) in listed.into_iter().zip(listings) {
            match listing {
                Ok(names) => {
                    let names: std::collections::BTreeSet<String> = names.into_iter().collect();
                    if dir.is_empty() {
                        root_names = Some(names.clone());
                    }
                    keep.extend(
                        in_dir
                            .into_iter()
                            .filter(|p| names.contains(p.rsplit('/').next().unwrap_or(p)))
                            .cloned(),
                    );
                }
                Err(BridgeError::NotFound(_)) => {}
                Err(e) => {
                    tracing::debug!(error = %e, "listing a context directory failed; reading its files one by one");
                    keep.extend(in_dir.into_iter().cloned());
                }
            }
        }
        if let Some(root) = root_names {
            keep.retain(|p| match p.split_once('/') {
                Some((top, _)) => root.contains(top),
                None => true,
            });
        }
        keep.sort();
        keep
    }

    /// The context files for `plan`, round after round (Cargo member
    /// manifests are named in the root one), exactly as the passes ask.
    async fn files_for(
        &self,
        plan: &plan::BuildPlan,
        pass_opts: &PassOptions,
    ) -> Result<ContextFiles, FrontendError> {
        let mut files = ContextFiles::default();
        for _ in 0..MAX_READ_ROUNDS {
            let wanted = wanted_context_files(plan, pass_opts, &files);
            if wanted.iter().all(|p| files.known(p)) {
                break;
            }
            self.ensure(&wanted).await?;
            files = self.files(&wanted);
        }
        Ok(files)
    }
}

/// Read, while the base images resolve, the context files that a plan made
/// without image configs asks for. Image configs rarely change which files
/// the passes want (a base image's `WORKDIR` or `ONBUILD` can), and the
/// real plan's rounds ([`ContextReader::files_for`]) read whatever this
/// guessed wrong, so a failure here is only logged.
async fn prefetch_context_files<B: Bridge>(
    reader: &ContextReader<'_, B>,
    df: &dockerfile::Dockerfile,
    build_opts: &plan::BuildOptions,
    pass_opts: &PassOptions,
) {
    if !pass_opts.layering {
        return;
    }
    let Ok(provisional) = plan::plan(df, build_opts, &plan::NoImageConfigs) else {
        return;
    };
    if let Err(e) = reader.files_for(&provisional, pass_opts).await {
        tracing::debug!(error = %e, "reading context files ahead failed");
    }
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
) -> crate::llb::Marshaled {
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
    marshal(&Some(out), None)
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

/// The Dockerfile as read through the bridge.
struct DockerfileInput {
    text: String,
    /// `<Dockerfile>.dockerignore`, when the dockerfile local has one.
    own_ignore: Option<Vec<u8>>,
    /// Digest of the source op that loaded the Dockerfile: upstream attaches
    /// Dockerfile warnings to this vertex (`def.Head()` of that load).
    vertex: String,
    /// The definition of that load (sent in warnings' `SourceInfo`).
    definition: crate::proto::pb::Definition,
}

/// Read the Dockerfile and, when the dockerfile local has one,
/// `<Dockerfile>.dockerignore` (both files in one round trip after the load).
async fn read_dockerfile<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
) -> Result<DockerfileInput, FrontendError> {
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
    // The last digest is the terminal op; the one before it the local source.
    let vertex = def
        .digests
        .len()
        .checked_sub(2)
        .map(|i| def.digests[i].clone())
        .unwrap_or_default();
    let definition = def.definition;
    let df_ref = bridge.solve(definition.clone()).await?;
    let (text, own_ignore) = tokio::join!(
        read_optional(bridge, &df_ref, &filename),
        read_optional(bridge, &df_ref, &ignore_name)
    );
    let text = match text? {
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
    Ok(DockerfileInput {
        text,
        own_ignore: own_ignore?,
        vertex,
        definition,
    })
}

/// The context's `.dockerignore`. [`build`] loads it while the Dockerfile
/// loads (both sync a file from the client, the slowest reads of a cached
/// build) and drops it when the Dockerfile has its own ignore file.
async fn read_context_ignore<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
) -> Result<Option<Vec<u8>>, FrontendError> {
    let def = local_definition(
        &opts.context_local,
        &format!("{}-{}", opts.context_local, dockerignore::DEFAULT_NAME),
        bridge.session_id(),
        vec![dockerignore::DEFAULT_NAME.to_string()],
        true,
        "load .dockerignore",
    );
    let ctx_ref = bridge.solve(def.definition).await?;
    read_optional(bridge, &ctx_ref, dockerignore::DEFAULT_NAME).await
}

/// The ignore patterns that apply to the context: the Dockerfile's own
/// ignore file (`own`, from [`read_dockerfile`]) wins, else the context's
/// `.dockerignore` (from [`read_context_ignore`]; its failure counts only
/// when it is used).
fn ignore_patterns(
    own: Option<Vec<u8>>,
    context: Result<Option<Vec<u8>>, FrontendError>,
) -> Result<Vec<String>, FrontendError> {
    let ignore = match own {
        Some(bytes) => Some(bytes),
        None => context?,
    };
    Ok(ignore
        .map(|b| {
            dockerignore::to_exclude_patterns(&dockerignore::parse(&String::from_utf8_lossy(&b)))
        })
        .unwrap_or_default())
}

/// Plan `df` once per entry of `targets` (one per platform), resolving the
/// base images the planner asks for. Each round resolves, concurrently,
/// what every unfinished plan asked for (the planner may ask again once a
/// config is known, e.g. for `FROM` of a stage built on an `ARG`). Each
/// target fails as it would planned alone (on the first image of a round
/// that could not be resolved), and the first target's error wins.
async fn plan_targets<B: Bridge>(
    bridge: &B,
    df: &dockerfile::Dockerfile,
    targets: &[plan::BuildOptions],
    resolved: &mut ResolvedImages,
    syntax_error: &(dyn Fn(ConvertError) -> FrontendError + Sync),
) -> Result<Vec<plan::BuildPlan>, FrontendError> {
    /// Rounds of image requests one plan may take.
    const MAX_ATTEMPTS: usize = 16;
    let mut outcomes: Vec<Option<Result<plan::BuildPlan, FrontendError>>> =
        targets.iter().map(|_| None).collect();
    let mut attempts = vec![0usize; targets.len()];
    loop {
        // What each unfinished target asked for in this round.
        let mut asked: Vec<(usize, Vec<plan::ImageRequest>)> = Vec::new();
        for (i, build_opts) in targets.iter().enumerate() {
            if outcomes[i].is_some() {
                continue;
            }
            match plan::plan(df, build_opts, resolved) {
                Ok(p) => outcomes[i] = Some(Ok(p)),
                Err(PlanError::NeedImages(requests)) if attempts[i] < MAX_ATTEMPTS => {
                    attempts[i] += 1;
                    asked.push((i, requests));
                }
                Err(e) => outcomes[i] = Some(Err(syntax_error(e.into()))),
            }
        }
        if asked.is_empty() {
            return outcomes.into_iter().flatten().collect();
        }
        let mut requests: Vec<&plan::ImageRequest> = Vec::new();
        for r in asked.iter().flat_map(|(_, rs)| rs) {
            if !requests.contains(&r) {
                requests.push(r);
            }
        }
        let mode = targets
            .first()
            .map(|t| t.image_resolve_mode)
            .unwrap_or_default();
        let answers = futures_util::future::join_all(
            requests
                .iter()
                .map(|request| resolve_image(bridge, request, mode)),
        )
        .await;
        let answers: Vec<(plan::ImageRequest, Result<ResolvedImage, FrontendError>)> = requests
            .into_iter()
            .zip(answers)
            .map(|(request, got)| (request.clone(), image_of(request, got)))
            .collect();
        for (i, requests) in &asked {
            // In request order: the first failure is the one reported.
            if let Some(e) = requests.iter().find_map(|r| {
                answers
                    .iter()
                    .find(|(a, _)| a == r)
                    .and_then(|(_, got)| got.as_ref().err())
            }) {
                outcomes[*i] = Some(Err(e.clone()));
            }
        }
        for (request, got) in answers {
            if let Ok(image) = got {
                resolved.images.insert(request, Some(image));
            }
        }
    }
}

/// Ask the engine for one base image's config (a registry image, or one in
/// the client's OCI layout store).
async fn resolve_image<B: Bridge>(
    bridge: &B,
    request: &plan::ImageRequest,
    mode: crate::llb::source::ResolveMode,
) -> Result<super::bridge::ImageConfigBytes, BridgeError> {
    let name = request.reference.to_string();
    match &request.oci_store {
        Some(store_id) => {
            // Named after the context, as upstream does.
            let log = format!(
                "[context {}] load metadata for {name}",
                request
                    .reference
                    .familiar()
                    .split('@')
                    .next()
                    .unwrap_or_default()
            );
            let store = OciStore {
                session_id: bridge.session_id().unwrap_or_default().to_string(),
                store_id: store_id.clone(),
            };
            bridge
                .resolve_oci_layout_config(&name, &request.platform, &store, &log)
                .await
        }
        None => {
            let log = format!("[internal] load metadata for {name}");
            bridge
                .resolve_image_config(&name, &request.platform, mode, &log)
                .await
        }
    }
}

/// The planner's view of an engine's answer for `request`.
fn image_of(
    request: &plan::ImageRequest,
    got: Result<super::bridge::ImageConfigBytes, BridgeError>,
) -> Result<ResolvedImage, FrontendError> {
    let name = request.reference.to_string();
    let got = got.map_err(|error| FrontendError::ResolveImage {
        reference: name.clone(),
        source_name: match &request.oci_store {
            Some(store) => format!("OCI layout store {store} on the client"),
            None => format!("registry {}", request.reference.domain),
        },
        error,
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
    Ok(ResolvedImage {
        reference,
        digest,
        config,
    })
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
    // Outline and targets need the Dockerfile only, not the context's ignore file.
    let text = read_dockerfile(bridge, &opts).await?.text;
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

/// Engines without `file.copy.requiredpaths` cannot check that a
/// `COPY --parents` source without wildcards exists; they ignore the field,
/// which is what upstream's frontend relies on there. Drop the paths (the
/// copy itself is the same) and return the steps' spans, so the user is
/// warned that a missing source copies nothing instead of failing.
fn drop_required_paths(plan: &mut plan::BuildPlan) -> Vec<crate::dockerfile::Span> {
    let mut spans = Vec::new();
    for stage in plan.stages.iter_mut().filter(|s| s.reachable) {
        for step in &mut stage.steps {
            let span = step.span;
            if let StepOp::Copy(c) = &mut step.op {
                let mut dropped = false;
                for src in &mut c.sources {
                    if let CopySource::Fs { required_paths, .. } = src {
                        dropped |= !required_paths.is_empty();
                        required_paths.clear();
                    }
                }
                if dropped {
                    spans.push(span);
                }
            }
        }
    }
    spans
}

async fn warn_required_paths_unchecked<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    input: &DockerfileInput,
    engine_caps: &super::bridge::BridgeCaps,
    spans: &[crate::dockerfile::Span],
) {
    if spans.is_empty() || !can_warn(engine_caps, input) {
        return;
    }
    let warning = dockerfile_warning(
        opts,
        input,
        format!(
            "COPY --parents: this engine lacks {}, so a missing source copies nothing instead of failing the build",
            caps::FILE_COPY_REQUIRED_PATHS
        ),
        vec!["Upgrade BuildKit to have COPY --parents check that its sources exist.".into()],
        String::new(),
        spans.to_vec(),
    );
    if let Err(e) = bridge.warn(warning).await {
        tracing::warn!(error = %e, "the engine did not take a warning");
    }
}

/// Whether the engine's file op honours a symbolic copy mode (`mode_str`,
/// e.g. `u+x,go-w`). BuildKit declares `file.copy.modestring` but, up to its
/// main branch, never registers it, so no engine advertises it; upstream's
/// own frontend sends symbolic modes unchecked. The file op learnt them in
/// BuildKit 0.17, the release that also registered `exec.validexitcode`, so
/// that cap marks an engine that really applies them. An older engine
/// ignores the unknown field and applies mode 0: refusing there keeps the
/// result from silently differing.
fn symbolic_chmod(engine: &super::bridge::BridgeCaps) -> bool {
    engine.supports(caps::FILE_COPY_MODE_STRING) || engine.supports(caps::EXEC_VALID_EXIT_CODE)
}

/// Refuse, at the Dockerfile line, features the engine cannot run: never a
/// silent difference in the output.
fn check_engine_caps(
    plan: &plan::BuildPlan,
    engine: &super::bridge::BridgeCaps,
) -> Result<(), PlanError> {
    use crate::llb::file::CopyMode;
    use crate::plan::RunMountPlan;
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
                    if matches!(c.mode, Some(CopyMode::Symbolic(_))) && !symbolic_chmod(engine) {
                        return Err(PlanError::at(
                            step.span,
                            format!(
                                "a symbolic --chmod needs BuildKit 0.17 or newer (capability {} or {}), \
                                 which this engine does not have: it would apply mode 0000 instead",
                                caps::FILE_COPY_MODE_STRING,
                                caps::EXEC_VALID_EXIT_CODE
                            ),
                        )
                        .expected("an octal --chmod (e.g. --chmod=755), or a newer BuildKit engine"));
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
                            include_patterns, ..
                        } = src
                        {
                            if !include_patterns.is_empty() {
                                need(
                                    caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS,
                                    "copying with include patterns (--parents, layering)",
                                    step.span,
                                )?;
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

/// What named contexts need from the engine before lowering.
#[derive(Debug, Default)]
struct NamedContextInputs {
    /// `input:NAME` contexts' definitions, imported.
    inputs: BTreeMap<String, crate::llb::Fs>,
    /// `.dockerignore` patterns of `local:` contexts.
    local_excludes: BTreeMap<String, Vec<String>>,
}

/// Fetch the frontend inputs that `input:` contexts name (failing clearly
/// when the client passed none by that name), and read each `local:`
/// context's own `.dockerignore`, like upstream.
async fn load_named_contexts<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
) -> Result<NamedContextInputs, FrontendError> {
    use crate::plan::NamedContext;
    let mut out = NamedContextInputs::default();
    let wanted_inputs: Vec<(&String, &String)> = opts
        .build
        .named_contexts
        .iter()
        .filter_map(|(key, c)| match c {
            NamedContext::Input(name) => Some((key, name)),
            _ => None,
        })
        .collect();
    if !wanted_inputs.is_empty() {
        let inputs = bridge.inputs().await?;
        for (key, name) in wanted_inputs {
            let Some(def) = inputs.get(name) else {
                let known: Vec<&str> = inputs.keys().map(String::as_str).collect();
                return Err(FrontendError::Settings(format!(
                    "context:{key}=input:{name}: the client passed no frontend input named {name:?} (inputs: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            };
            let fs = crate::llb::import::definition(def)
                .map_err(|e| FrontendError::Settings(format!("context:{key}=input:{name}: {e}")))?;
            out.inputs.insert(name.clone(), fs);
        }
    }
    let locals: std::collections::BTreeSet<&String> = opts
        .build
        .named_contexts
        .values()
        .filter_map(|c| match c {
            NamedContext::Local(name) => Some(name),
            _ => None,
        })
        .collect();
    // Each local's ignore file is its own load: all at once.
    let ignores = futures_util::future::join_all(
        locals
            .iter()
            .map(|name| read_local_context_ignore(bridge, name)),
    )
    .await;
    for (name, ignore) in locals.into_iter().zip(ignores) {
        if let Some(bytes) = ignore? {
            let patterns = dockerignore::to_exclude_patterns(&dockerignore::parse(
                &String::from_utf8_lossy(&bytes),
            ));
            if !patterns.is_empty() {
                out.local_excludes.insert(name.clone(), patterns);
            }
        }
    }
    Ok(out)
}

/// The `.dockerignore` of the `local:` named context `name`.
async fn read_local_context_ignore<B: Bridge>(
    bridge: &B,
    name: &str,
) -> Result<Option<Vec<u8>>, FrontendError> {
    let def = local_definition(
        name,
        &format!("context:{name}-{}", dockerignore::DEFAULT_NAME),
        bridge.session_id(),
        vec![dockerignore::DEFAULT_NAME.to_string()],
        true,
        &format!("load {} of context {name}", dockerignore::DEFAULT_NAME),
    );
    let reference = bridge.solve(def.definition).await?;
    read_optional(bridge, &reference, dockerignore::DEFAULT_NAME).await
}

/// Which checks run: the `BUILDKIT_DOCKERFILE_CHECK` build-arg replaces the
/// Dockerfile's `# check=` directive, like upstream.
pub fn check_config(
    options: &BTreeMap<String, String>,
    df: &dockerfile::Dockerfile,
) -> Result<lint::CheckConfig, String> {
    let (source, value) = match options.get(CHECK_BUILD_ARG) {
        Some(v) => ("the BUILDKIT_DOCKERFILE_CHECK build-arg", v.as_str()),
        None => match df.directive("check") {
            Some(d) => ("the # check= directive", d.value.as_str()),
            None => return Ok(lint::CheckConfig::default()),
        },
    };
    lint::CheckConfig::parse(value).map_err(|e| format!("{source}: {e}"))
}

/// The build-arg that overrides `# check=`.
pub const CHECK_BUILD_ARG: &str = "build-arg:BUILDKIT_DOCKERFILE_CHECK";

/// Run the build checks (the Dockerfile's text only).
fn run_checks(
    bridge_options: &BTreeMap<String, String>,
    df: &dockerfile::Dockerfile,
    text: &str,
) -> Result<(lint::CheckConfig, Vec<lint::Lint>), FrontendError> {
    let config = check_config(bridge_options, df).map_err(FrontendError::Settings)?;
    let found = lint::check(df, text, &config);
    Ok((config, found))
}

/// Send each build-check finding to the engine as a warning on the vertex
/// that loaded the Dockerfile, in order. A warning the engine refuses is
/// logged, never fatal; engines without the `gateway.warnings` capability
/// get none.
async fn send_check_warnings<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    input: &DockerfileInput,
    engine_caps: &super::bridge::BridgeCaps,
    found: &[lint::Lint],
) {
    if !can_warn(engine_caps, input) {
        return;
    }
    for l in found {
        let warning = dockerfile_warning(
            opts,
            input,
            l.short(),
            vec![l.rule.description().to_string()],
            l.rule.url(),
            vec![l.span],
        );
        if let Err(e) = bridge.warn(warning).await {
            tracing::warn!(error = %e, "the engine did not take a build-check warning");
        }
    }
}

/// The frontend API capability for `Warn`.
pub const GATEWAY_WARNINGS_CAP: &str = "gateway.warnings";

/// Whether warnings can be sent: the engine takes `Warn` (engines that list
/// no frontend caps are assumed to) and there is a load vertex to attach to.
fn can_warn(engine_caps: &super::bridge::BridgeCaps, input: &DockerfileInput) -> bool {
    (engine_caps.frontend.is_empty() || engine_caps.frontend.contains(GATEWAY_WARNINGS_CAP))
        && !input.vertex.is_empty()
}

/// A warning attached to the op that loaded the Dockerfile, with the
/// Dockerfile as its source so clients can print the lines.
fn dockerfile_warning(
    opts: &FrontendOptions,
    input: &DockerfileInput,
    short: String,
    detail: Vec<String>,
    url: String,
    ranges: Vec<crate::dockerfile::Span>,
) -> BridgeWarning {
    BridgeWarning {
        vertex: input.vertex.clone(),
        level: 1,
        short,
        detail,
        url,
        source: Some(WarningSource {
            filename: opts.filename.clone(),
            data: input.text.as_bytes().to_vec(),
            language: "Dockerfile".into(),
            definition: Some(input.definition.clone()),
        }),
        ranges,
    }
}

/// With `check=error=true`, the message that fails the build (checked
/// after planning, so real errors in the Dockerfile are reported first).
fn checks_verdict((config, found): &(lint::CheckConfig, Vec<lint::Lint>)) -> Option<String> {
    if !config.error || found.is_empty() {
        return None;
    }
    let rules: std::collections::BTreeSet<&str> = found.iter().map(|l| l.rule.name()).collect();
    Some(format!(
        "lint violation found for rules: {} (check=error=true)",
        rules.into_iter().collect::<Vec<_>>().join(", ")
    ))
}

/// Run the Dockerfile frontend.
///
/// A cached rebuild is mostly round trips to the engine before the main
/// solve, so the independent ones overlap: the Dockerfile and the context's
/// `.dockerignore` load together; then the build-check warnings, the named
/// contexts, the base images (every platform's at once) and the context
/// files of a provisional plan (see [`prefetch_context_files`]) all at once.
pub async fn build<B: Bridge>(bridge: &B) -> Result<FrontendResult, FrontendError> {
    let opts = parse_options(bridge.options())?;
    let engine_caps = bridge.caps().await?;
    let (input, context_ignore) = tokio::join!(
        read_dockerfile(bridge, &opts),
        read_context_ignore(bridge, &opts)
    );
    let input = input?;
    tracing::debug!("frontend: dockerfile and .dockerignore read");
    let text = input.text.clone();
    let filename = opts.filename.clone();
    let syntax_error = |error: ConvertError| FrontendError::Dockerfile {
        filename: filename.clone(),
        text: text.clone(),
        error,
    };
    let df = dockerfile::parse(&text).map_err(|e| syntax_error(e.into()))?;
    let lints = run_checks(bridge.options(), &df, &text)?;
    let pass_opts = (|| {
        let mut pass_opts = PassOptions::default();
        pass_opts.apply_directive(&text).map_err(|e| {
            FrontendError::Settings(format!("{filename}: # strata: directive: {e}"))
        })?;
        for (k, v) in &opts.pass_overrides {
            pass_opts
                .set(k, v)
                .map_err(|e| FrontendError::Settings(e.to_string()))?;
        }
        Ok::<_, FrontendError>(pass_opts)
    })();
    let ignore_patterns = ignore_patterns(input.own_ignore.clone(), context_ignore);
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
    let no_excludes = Vec::new();
    let excludes = ignore_patterns.as_ref().unwrap_or(&no_excludes);
    let target_opts: Vec<plan::BuildOptions> = targets
        .iter()
        .map(|target| {
            let mut build_opts = opts.build.clone();
            build_opts.build_platform = build_platform.clone();
            build_opts.target_platform = target.clone();
            build_opts.dockerignore = excludes.clone();
            build_opts.session_id = bridge.session_id().map(str::to_string);
            build_opts.merge_op = engine_caps.supports(caps::MERGE_OP);
            build_opts
        })
        .collect();
    let reader = ContextReader::new(bridge, &opts.context_local, excludes, &engine_caps);
    // Settings that fail the build make planning pointless.
    let settled = pass_opts.is_ok() && ignore_patterns.is_ok();
    let (_, contexts, planned, _) = tokio::join!(
        send_check_warnings(bridge, &opts, &input, &engine_caps, &lints.1),
        load_named_contexts(bridge, &opts),
        async {
            if !settled {
                return None;
            }
            let mut resolved = ResolvedImages::default();
            Some(plan_targets(bridge, &df, &target_opts, &mut resolved, &syntax_error).await)
        },
        async {
            if let (Ok(pass_opts), Some(first)) = (&pass_opts, target_opts.first())
                && settled
            {
                prefetch_context_files(&reader, &df, first, pass_opts).await;
            }
        },
    );
    // In the order these were checked when they ran one after the other.
    let contexts = contexts?;
    let pass_opts = pass_opts?;
    if let Err(e) = &ignore_patterns {
        return Err(e.clone());
    }
    let plans = planned.expect("planned once the settings are valid")?;
    tracing::debug!("frontend: planned");
    let mut results = Vec::new();
    for (build_opts, mut build_plan) in target_opts.iter().zip(plans) {
        if let Some(failure) = checks_verdict(&lints) {
            return Err(FrontendError::Checks(failure));
        }
        let files = reader.files_for(&build_plan, &pass_opts).await?;
        tracing::debug!("frontend: context files read");
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
            if !engine_caps.supports(caps::FILE_COPY_REQUIRED_PATHS) {
                let spans = drop_required_paths(&mut build_plan);
                warn_required_paths_unchecked(bridge, &opts, &input, &engine_caps, &spans).await;
            }
            check_engine_caps(&build_plan, &engine_caps).map_err(|e| syntax_error(e.into()))?;
        }
        let root = lower(
            &build_plan,
            &LowerOptions {
                resolve_mode: build_opts.image_resolve_mode,
                merge_op: build_opts.merge_op,
                inputs: contexts.inputs.clone(),
                local_excludes: contexts.local_excludes.clone(),
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
    use super::super::bridge::{BridgeCaps, ImageConfigBytes, OciStore};
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
        warnings: RefCell<Vec<BridgeWarning>>,
        /// Frontend inputs (`input:NAME` contexts).
        inputs: BTreeMap<String, pb::Definition>,
        /// OCI layout resolutions: (reference, store).
        oci_resolved: RefCell<Vec<(String, OciStore)>>,
        /// The engine's LLB capabilities.
        llb_caps: std::collections::BTreeSet<String>,
        /// The engine's frontend API capabilities.
        frontend_caps: std::collections::BTreeSet<String>,
        /// Paths read and directories listed, in order.
        read: RefCell<Vec<String>>,
        listed: RefCell<Vec<String>>,
    }

    impl RecordingBridge {
        fn new(options: BTreeMap<String, String>, files: BTreeMap<String, Vec<u8>>) -> Self {
            RecordingBridge {
                options,
                files,
                solved: RefCell::new(Vec::new()),
                resolved: RefCell::new(Vec::new()),
                warnings: RefCell::new(Vec::new()),
                inputs: BTreeMap::new(),
                oci_resolved: RefCell::new(Vec::new()),
                llb_caps: ["mergeop".to_string()].into(),
                frontend_caps: Default::default(),
                read: Default::default(),
                listed: Default::default(),
            }
        }
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
                llb: self.llb_caps.clone(),
                frontend: self.frontend_caps.clone(),
                worker_platforms: vec![Platform::new("linux", "amd64", "")],
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
        async fn resolve_oci_layout_config(
            &self,
            reference: &str,
            _: &Platform,
            store: &OciStore,
            _: &str,
        ) -> Result<ImageConfigBytes, BridgeError> {
            self.oci_resolved
                .borrow_mut()
                .push((reference.to_string(), store.clone()));
            Ok(ImageConfigBytes {
                reference: reference.to_string(),
                digest: Some(format!("sha256:{}", "c".repeat(64))),
                config: br#"{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/oci"],"WorkingDir":"/oci"},"rootfs":{"type":"layers","diff_ids":["sha256:cc"]}}"#.to_vec(),
            })
        }
        async fn inputs(&self) -> Result<BTreeMap<String, pb::Definition>, BridgeError> {
            Ok(self.inputs.clone())
        }
        async fn warn(&self, warning: BridgeWarning) -> Result<(), BridgeError> {
            self.warnings.borrow_mut().push(warning);
            Ok(())
        }
        async fn solve(&self, definition: pb::Definition) -> Result<String, BridgeError> {
            let mut s = self.solved.borrow_mut();
            s.push(definition);
            Ok(format!("ref-{}", s.len()))
        }
        async fn read_dir(&self, _: &str, path: &str) -> Result<Vec<String>, BridgeError> {
            let prefix = if path.is_empty() {
                String::new()
            } else {
                format!("{path}/")
            };
            let names: std::collections::BTreeSet<String> = self
                .files
                .keys()
                .filter_map(|f| f.strip_prefix(&prefix))
                .map(|rest| rest.split('/').next().unwrap_or_default().to_string())
                .collect();
            if names.is_empty() {
                return Err(BridgeError::NotFound(path.to_string()));
            }
            self.listed.borrow_mut().push(path.to_string());
            Ok(names.into_iter().collect())
        }
        async fn read_file(&self, _: &str, path: &str) -> Result<Vec<u8>, BridgeError> {
            self.read.borrow_mut().push(path.to_string());
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
        let bridge = RecordingBridge::new(
            [("build-arg:V".to_string(), "7".to_string())].into(),
            [
                (
                    "Dockerfile".to_string(),
                    b"FROM alpine\nARG V\nRUN echo $V\nCOPY . .\n".to_vec(),
                ),
                (".dockerignore".to_string(), b"*.log\n".to_vec()),
            ]
            .into(),
        );
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
        RecordingBridge::new(
            contexts
                .iter()
                .map(|(k, v)| (format!("context:{k}"), v.to_string()))
                .collect(),
            [("Dockerfile".to_string(), dockerfile.as_bytes().to_vec())].into(),
        )
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
            "oci-layout://store:tag",
            "oci-layout://Bad@sha256:0000000000000000000000000000000000000000000000000000000000000000",
            "input:",
            "target:x",
            "nonsense",
        ] {
            let bridge = named_context_bridge("FROM base\n", &[("base", value)]);
            let err = block_on(build(&bridge)).expect_err(value).to_string();
            assert!(err.contains("context:base"), "{value}: {err}");
        }
    }

    fn source_attrs(
        def: &pb::Definition,
        prefix: &str,
    ) -> Option<(String, BTreeMap<String, String>)> {
        def.def
            .iter()
            .find_map(|b| match prost::Message::decode(b.as_slice()) {
                Ok(pb::Op {
                    op: Some(pb::op::Op::Source(s)),
                    ..
                }) if s.identifier.starts_with(prefix) => Some((s.identifier, s.attrs)),
                _ => None,
            })
    }

    #[test]
    fn oci_layout_context_resolves_through_the_client_store() {
        let digest = format!("sha256:{}", "d".repeat(64));
        let bridge = named_context_bridge(
            "FROM base\nRUN true\n",
            &[("base", &format!("oci-layout://k3x9store:v1@{digest}"))],
        );
        let result = block_on(build(&bridge)).expect("builds");
        assert!(bridge.resolved.borrow().is_empty(), "not a registry lookup");
        let oci = bridge.oci_resolved.borrow();
        assert_eq!(oci.len(), 1);
        assert_eq!(oci[0].0, format!("docker.io/library/base@{digest}"));
        assert_eq!(
            oci[0].1,
            OciStore {
                session_id: "sess-1".into(),
                store_id: "k3x9store".into()
            }
        );
        assert_eq!(result.platforms[0].image.config.working_dir, "/oci");
        let solved = bridge.solved.borrow();
        let (id, attrs) =
            source_attrs(solved.last().expect("build"), "oci-layout://").expect("oci source");
        assert_eq!(id, format!("oci-layout://docker.io/library/base@{digest}"));
        assert_eq!(attrs["oci.session"], "sess-1");
        assert_eq!(attrs["oci.store"], "k3x9store");
    }

    fn input_definition() -> pb::Definition {
        let base = crate::llb::source::image(
            "docker.io/library/busybox:latest",
            crate::llb::platform("linux", "amd64", ""),
            ResolveMode::Default,
            VertexMeta::named("FROM busybox"),
        );
        let fs = crate::llb::file::FileBuilder::on(Some(base))
            .mkdir("/made-by-other", 0o755, true, None, None)
            .build(VertexMeta::named("RUN mkdir"));
        marshal(&fs, None).definition
    }

    #[test]
    fn input_context_builds_on_the_frontend_input() {
        use base64::Engine as _;
        let config = br#"{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/in"],"WorkingDir":"/from-input"},"rootfs":{"type":"layers","diff_ids":["sha256:ee"]}}"#;
        let metadata = serde_json::json!({
            "containerimage.config": base64::engine::general_purpose::STANDARD.encode(config),
        })
        .to_string();
        let mut bridge = named_context_bridge("FROM base\nRUN true\n", &[("base", "input:other")]);
        bridge
            .options
            .insert("input-metadata:other".into(), metadata);
        let def = input_definition();
        bridge.inputs.insert("other".into(), def.clone());
        let result = block_on(build(&bridge)).expect("builds");
        assert!(bridge.resolved.borrow().is_empty());
        assert_eq!(
            result.platforms[0].image.config.working_dir, "/from-input",
            "the input's image config"
        );
        let solved = bridge.solved.borrow();
        let last = solved.last().expect("build");
        // The input's ops arrive byte for byte (all but its terminal op).
        for op in &def.def[..def.def.len() - 1] {
            assert!(last.def.contains(op), "imported op kept verbatim");
        }

        // An input the client did not pass is a clear error.
        let mut missing = named_context_bridge("FROM base\n", &[("base", "input:nope")]);
        missing.inputs.insert("other".into(), def);
        let err = block_on(build(&missing))
            .expect_err("missing input")
            .to_string();
        assert!(err.contains("input:nope") && err.contains("other"), "{err}");

        let bad = named_context_bridge("FROM base\n", &[("base", "input:other")]);
        let mut bad = bad;
        bad.options
            .insert("input-metadata:other".into(), "{not json".into());
        assert!(block_on(build(&bad)).is_err());
    }

    #[test]
    fn local_named_context_applies_its_dockerignore() {
        let mut bridge = named_context_bridge(
            "FROM alpine\nCOPY --from=src . /x\n",
            &[("src", "local:srcdir")],
        );
        bridge
            .files
            .insert(".dockerignore".into(), b"*.tmp\n!keep.tmp\n".to_vec());
        block_on(build(&bridge)).expect("builds");
        let solved = bridge.solved.borrow();
        let ignore_load = solved
            .iter()
            .find_map(|d| source_attrs(d, "local://srcdir"))
            .expect("the context's .dockerignore is loaded");
        assert_eq!(ignore_load.1["local.followpaths"], r#"[".dockerignore"]"#);
        assert_eq!(
            ignore_load.1["local.sharedkeyhint"],
            "context:srcdir-.dockerignore"
        );
        let (_, attrs) =
            source_attrs(solved.last().expect("build"), "local://srcdir").expect("context source");
        assert_eq!(attrs["local.excludepatterns"], r#"["*.tmp","!keep.tmp"]"#);
        assert_eq!(attrs["local.sharedkeyhint"], "context:srcdir");
    }

    #[test]
    fn stamps_the_image_config_only() {
        let bridge = RecordingBridge::new(
            [
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
            [(
                "Dockerfile".to_string(),
                b"FROM alpine\nRUN echo hi\n".to_vec(),
            )]
            .into(),
        );
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
        let off = RecordingBridge::new(
            [
                ("strata-stamp".to_string(), "off".to_string()),
                ("build-arg:SOURCE_DATE_EPOCH".to_string(), "0".to_string()),
            ]
            .into(),
            bridge.files.clone(),
        );
        let plain = block_on(build(&off)).expect("builds");
        assert!(plain.platforms[0].image.config.labels.is_none());
        assert_eq!(
            bridge.solved.borrow().last().map(|d| d.def.clone()),
            off.solved.borrow().last().map(|d| d.def.clone())
        );
    }

    /// Symbolic `--chmod` goes by what the engine's file op does, not by the
    /// cap no engine advertises; the cap never reaches the op's metadata,
    /// where engines reject it as unknown.
    #[test]
    fn symbolic_chmod_follows_the_engine() {
        let dockerfile = b"FROM alpine\nCOPY --chmod=u+x,go-w run.sh /run.sh\n".to_vec();
        let bridge = |caps: &[&str]| {
            let mut b = RecordingBridge::new(
                BTreeMap::new(),
                [
                    ("Dockerfile".to_string(), dockerfile.clone()),
                    ("run.sh".to_string(), b"echo hi\n".to_vec()),
                ]
                .into(),
            );
            b.llb_caps.extend(caps.iter().map(|c| c.to_string()));
            b
        };
        // BuildKit 0.13 (Docker Engine 26): refused at the line.
        match block_on(build(&bridge(&[]))) {
            Err(e @ FrontendError::Dockerfile { .. }) => {
                assert!(e.to_string().contains("BuildKit 0.17"), "{e}")
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        for caps in [
            &[caps::EXEC_VALID_EXIT_CODE],
            &[caps::FILE_COPY_MODE_STRING],
        ] {
            let b = bridge(caps);
            block_on(build(&b)).expect("builds");
            let solved = b.solved.borrow();
            let def = solved.last().expect("definition");
            let mut mode_strs = Vec::new();
            for raw in &def.def {
                let op = <pb::Op as prost::Message>::decode(raw.as_slice()).expect("op");
                if let Some(pb::op::Op::File(f)) = op.op {
                    for a in f.actions {
                        if let Some(pb::file_action::Action::Copy(c)) = a.action {
                            mode_strs.push(c.mode_str);
                        }
                    }
                }
            }
            assert!(mode_strs.contains(&"u+x,go-w".to_string()), "{mode_strs:?}");
            for md in def.metadata.values() {
                let caps = md.caps.keys().collect::<Vec<_>>();
                assert!(
                    !caps.iter().any(|c| *c == caps::FILE_COPY_MODE_STRING),
                    "{caps:?}"
                );
            }
        }
    }

    #[test]
    fn dockerfile_errors_carry_the_source() {
        let bridge = RecordingBridge::new(
            BTreeMap::new(),
            [("Dockerfile".to_string(), b"FROM alpine\nBOGUS x\n".to_vec())].into(),
        );
        match block_on(build(&bridge)) {
            Err(FrontendError::Dockerfile { filename, text, .. }) => {
                assert_eq!(filename, "Dockerfile");
                assert!(text.contains("BOGUS"));
            }
            other => panic!("expected a Dockerfile error, got {other:?}"),
        }
    }

    fn dockerfile_bridge(text: &str, options: &[(&str, &str)]) -> RecordingBridge {
        RecordingBridge::new(
            options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            [("Dockerfile".to_string(), text.as_bytes().to_vec())].into(),
        )
    }

    #[test]
    fn build_checks_are_sent_as_warnings_on_the_dockerfile_load() {
        let text = "FROM alpine\nMAINTAINER me\nCMD run\n";
        let bridge = dockerfile_bridge(text, &[]);
        block_on(build(&bridge)).expect("warnings do not fail the build");
        let warnings = bridge.warnings.borrow();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let w = &warnings[0];
        assert!(w.short.starts_with("MaintainerDeprecated: "), "{}", w.short);
        assert!(w.short.ends_with("(line 2)"), "{}", w.short);
        assert_eq!(w.level, 1);
        assert!(w.url.ends_with("/maintainer-deprecated/"));
        assert_eq!(w.ranges.len(), 1);
        assert_eq!((w.ranges[0].start.line, w.ranges[0].end.line), (2, 2));
        let source = w.source.as_ref().expect("source info");
        assert_eq!(source.filename, "Dockerfile");
        assert_eq!(source.data, text.as_bytes());
        // Attached to the source op that loaded the Dockerfile (upstream's `def.Head()`).
        let solved = bridge.solved.borrow();
        let load = &solved[0];
        let source_op = load.def[load.def.len() - 2].clone();
        assert_eq!(
            w.vertex,
            crate::llb::definition::digest_of(&source_op),
            "the Dockerfile load's source op"
        );
        assert_eq!(source.definition.as_ref(), Some(load));
        assert!(warnings[1].short.starts_with("JSONArgsRecommended: "));
    }

    #[test]
    fn check_directive_and_build_arg_select_and_fail() {
        let text = "# check=skip=JSONArgsRecommended\nFROM alpine\nMAINTAINER me\nCMD run\n";
        let bridge = dockerfile_bridge(text, &[]);
        block_on(build(&bridge)).expect("builds");
        let rules: Vec<String> = bridge
            .warnings
            .borrow()
            .iter()
            .map(|w| w.short.clone())
            .collect();
        assert_eq!(rules.len(), 1, "{rules:?}");
        assert!(rules[0].starts_with("MaintainerDeprecated"));

        // The build-arg replaces the directive.
        let bridge =
            dockerfile_bridge(text, &[("build-arg:BUILDKIT_DOCKERFILE_CHECK", "skip=all")]);
        block_on(build(&bridge)).expect("builds");
        assert!(bridge.warnings.borrow().is_empty());

        let bridge = dockerfile_bridge("# check=error=true\nFROM alpine\nMAINTAINER me\n", &[]);
        let err = block_on(build(&bridge)).expect_err("error=true fails");
        assert!(matches!(err, FrontendError::Checks(_)), "{err:?}");
        assert!(err.to_string().contains("MaintainerDeprecated"), "{err}");
        assert_eq!(bridge.warnings.borrow().len(), 1, "still warned first");

        let bridge = dockerfile_bridge("# check=colour=red\nFROM alpine\n", &[]);
        let err = block_on(build(&bridge)).expect_err("bad check value");
        assert!(err.to_string().contains("check"), "{err}");
    }

    /// The context files the passes ask for, read from the bridge's files
    /// round by round without the `ContextReader` (the reference it must
    /// match); also the number of rounds.
    fn read_round_by_round(
        bridge: &RecordingBridge,
        build_plan: &plan::BuildPlan,
        pass_opts: &PassOptions,
    ) -> (ContextFiles, usize) {
        let mut rounds = 0;
        let files = crate::plan::passes::read_context_files_with(build_plan, pass_opts, |wanted| {
            rounds += 1;
            ContextFiles {
                files: wanted
                    .into_iter()
                    .map(|p| {
                        let content = bridge.files.get(&p).cloned();
                        (p, content)
                    })
                    .collect(),
            }
        });
        (files, rounds)
    }

    /// The context files of testdata/apps/`app`, as a bridge serves them.
    fn app_bridge(app: &str, options: &[(&str, &str)]) -> RecordingBridge {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/apps")
            .join(app);
        let mut files = BTreeMap::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("app dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    if path.file_name().is_some_and(|n| n != "target") {
                        dirs.push(path);
                    }
                } else {
                    let rel = path.strip_prefix(&root).expect("inside");
                    files.insert(
                        rel.to_string_lossy().into_owned(),
                        std::fs::read(&path).expect("read"),
                    );
                }
            }
        }
        let mut bridge = RecordingBridge::new(
            options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            files,
        );
        bridge.llb_caps.extend([
            caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS.to_string(),
            caps::FILE_COPY_REQUIRED_PATHS.to_string(),
        ]);
        bridge
            .frontend_caps
            .extend([READ_DIR_CAP.to_string(), GATEWAY_WARNINGS_CAP.to_string()]);
        bridge
    }

    /// How many loads of the dependency manifests a bridge saw.
    fn manifest_loads(bridge: &RecordingBridge) -> usize {
        bridge
            .solved
            .borrow()
            .iter()
            .filter(|d| {
                source_attrs(d, "local://context").is_some_and(|(_, a)| {
                    a.get("local.sharedkeyhint").map(String::as_str)
                        == Some("context-strata-manifests")
                })
            })
            .count()
    }

    /// The LLB of every example app is what planning, reading the context
    /// files round by round (one load per round), the passes and lowering
    /// give when run one after the other: overlapping and reading ahead
    /// change only when things happen.
    #[test]
    fn every_app_builds_the_llb_of_the_round_by_round_pipeline() {
        for app in [
            "node-npm",
            "python-pip",
            "python-uv",
            "apt-heavy",
            "go-module",
            "cargo-workspace",
            "example",
        ] {
            let bridge = app_bridge(app, &[("strata-now", "100")]);
            let result = block_on(build(&bridge)).expect("builds");
            if app != "example" {
                assert!(
                    result
                        .explanation
                        .entries
                        .iter()
                        .any(|e| e.pass == "layering" && e.action != "kept as written"),
                    "{app}: layered: {:?}",
                    result.explanation
                );
            }
            let got = bridge.solved.borrow().last().expect("build").clone();

            let opts = parse_options(bridge.options()).expect("options");
            let text = String::from_utf8(bridge.files["Dockerfile"].clone()).expect("utf-8");
            let df = dockerfile::parse(&text).expect("parses");
            let caps = block_on(bridge.caps()).expect("caps");
            let mut build_opts = opts.build.clone();
            build_opts.build_platform = caps.worker_platforms[0].clone();
            build_opts.dockerignore =
                ignore_patterns(None, Ok(bridge.files.get(".dockerignore").cloned()))
                    .expect("patterns");
            build_opts.session_id = Some("sess-1".into());
            build_opts.merge_op = caps.supports(caps::MERGE_OP);
            let resolver = RecordingBridge::new(BTreeMap::new(), BTreeMap::new());
            let mut resolved = ResolvedImages::default();
            let syntax_error = |e: ConvertError| FrontendError::Settings(e.to_string());
            let mut build_plan = block_on(plan_targets(
                &resolver,
                &df,
                std::slice::from_ref(&build_opts),
                &mut resolved,
                &syntax_error,
            ))
            .expect("plans")
            .remove(0);
            let mut pass_opts = PassOptions::default();
            pass_opts.apply_directive(&text).expect("directive");
            let (files, _) = read_round_by_round(&bridge, &build_plan, &pass_opts);
            let facts = pass_facts(&opts, &text, &build_plan);
            run_all_passes(
                &mut build_plan,
                &pass_opts,
                &files,
                &opts.cache_namespace,
                &facts,
            )
            .expect("passes");
            let root = lower(
                &build_plan,
                &LowerOptions {
                    resolve_mode: build_opts.image_resolve_mode,
                    merge_op: build_opts.merge_op,
                    ..Default::default()
                },
            );
            let source = SourceFile {
                filename: "Dockerfile".into(),
                data: text.as_bytes().to_vec(),
                language: "Dockerfile".into(),
            };
            let want = marshal(&root, Some(&source)).definition;
            assert_eq!(got.def, want.def, "{app}: the ops");
            assert_eq!(got, want, "{app}: the definition");
        }
    }

    #[test]
    fn manifests_are_read_in_one_load_beside_the_image_lookup() {
        let bridge = app_bridge("node-npm", &[]);
        block_on(build(&bridge)).expect("builds");
        assert_eq!(manifest_loads(&bridge), 1);
        assert_eq!(bridge.resolved.borrow().len(), 1);
    }

    #[test]
    fn every_platform_shares_the_reads_and_the_lookup_rounds() {
        let bridge = app_bridge("node-npm", &[("platform", "linux/amd64,linux/arm64")]);
        let result = block_on(build(&bridge)).expect("builds");
        assert_eq!(result.platforms.len(), 2);
        assert_eq!(manifest_loads(&bridge), 1, "read once for both platforms");
        assert_eq!(bridge.resolved.borrow().len(), 2, "one lookup per platform");
    }

    /// A Cargo workspace names its members only in the root manifest, and
    /// their targets in theirs: three rounds of reading. Reading each
    /// manifest's default targets with it saves the third load, and the
    /// passes still get exactly the files the round-by-round reading gave.
    #[test]
    fn cargo_workspace_reads_ahead_without_changing_what_the_passes_see() {
        let bridge = app_bridge("cargo-workspace", &[]);
        let text = String::from_utf8(bridge.files["Dockerfile"].clone()).expect("utf-8");
        let df = dockerfile::parse(&text).expect("parses");
        let opts = plan::BuildOptions::default();
        let build_plan = plan::plan(&df, &opts, &plan::NoImageConfigs).expect("plans");
        let pass_opts = PassOptions::default();
        let (expected, rounds) = read_round_by_round(&bridge, &build_plan, &pass_opts);
        assert_eq!(rounds, 3, "root, members, targets");
        for list_dirs in [true, false] {
            let mut bridge = app_bridge("cargo-workspace", &[]);
            if !list_dirs {
                bridge.frontend_caps.remove(READ_DIR_CAP);
            }
            let caps = block_on(bridge.caps()).expect("caps");
            let reader = ContextReader::new(&bridge, "context", &[], &caps);
            let got = block_on(reader.files_for(&build_plan, &pass_opts)).expect("reads");
            assert_eq!(
                got.files, expected.files,
                "listing directories: {list_dirs}"
            );
            assert_eq!(manifest_loads(&bridge), 2);
            let read = bridge.read.borrow();
            if list_dirs {
                assert!(
                    read.iter().all(|p| bridge.files.contains_key(p)),
                    "only existing files are read: {read:?}"
                );
            } else {
                assert!(read.iter().any(|p| !bridge.files.contains_key(p)));
            }
        }

        let bridge = app_bridge("cargo-workspace", &[]);
        block_on(build(&bridge)).expect("builds");
        assert_eq!(manifest_loads(&bridge), 2);
    }

    #[test]
    fn nothing_is_read_ahead_with_layering_off() {
        let bridge = app_bridge("node-npm", &[]);
        let mut text = String::from("# strata: layering=off\n");
        text.push_str(std::str::from_utf8(&bridge.files["Dockerfile"]).expect("utf-8"));
        let mut bridge = bridge;
        bridge.files.insert("Dockerfile".into(), text.into_bytes());
        block_on(build(&bridge)).expect("builds");
        assert_eq!(manifest_loads(&bridge), 0);
    }

    #[test]
    fn the_dockerfiles_own_ignore_file_wins_over_the_context_one() {
        let mut bridge = app_bridge("node-npm", &[]);
        bridge
            .files
            .insert(".dockerignore".into(), b"src\n".to_vec());
        bridge
            .files
            .insert("Dockerfile.dockerignore".into(), b"*.md\n".to_vec());
        block_on(build(&bridge)).expect("builds");
        let solved = bridge.solved.borrow();
        let (_, attrs) =
            source_attrs(solved.last().expect("build"), "local://context").expect("context");
        assert_eq!(attrs["local.excludepatterns"], r#"["*.md"]"#);
    }

    #[test]
    fn missing_dockerfile_is_reported() {
        let bridge = RecordingBridge::new(BTreeMap::new(), BTreeMap::new());
        assert!(matches!(
            block_on(build(&bridge)),
            Err(FrontendError::MissingDockerfile(_))
        ));
    }
}
