//! The frontend end to end over a recording bridge.

use super::super::bridge::{
    BridgeCaps, BridgeError, BridgeWarning, DirEntry, FileStat, Forwarded, ImageConfigBytes,
    OciStore, READ_DIR_CAP,
};
use super::super::context_reader::{BridgeContext, read_rounds};
use super::super::inputs::ignore_patterns;
use super::super::{LowerOptions, lower};
use super::*;
use crate::llb::VertexMeta;
use crate::llb::definition::{SourceFile, marshal};
use crate::llb::source::ResolveMode;
use crate::plan::passes::{ContextFiles, PassOptions, run_all_passes};
use crate::proto::pb;
use std::cell::RefCell;

/// Whether a definition loads a directory from the client.
fn loads_a_local(definition: &pb::Definition) -> bool {
    definition
        .def
        .iter()
        .any(|op| String::from_utf8_lossy(op).contains("local://"))
}

/// The platforms a result is keyed by, as strings.
fn result_keys(result: &FrontendResult) -> Vec<String> {
    result
        .platforms
        .iter()
        .map(|p| p.platform.to_string())
        .collect()
}

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
    /// Fail every load of a client directory, as a session without any.
    no_locals: bool,
    /// With `no_locals`: fail when a load is read, not when it is solved.
    lazy: bool,
    /// Modification times (ns) of `files`, where not the Unix epoch.
    mod_times: BTreeMap<String, i64>,
    /// The commit object every Git source resolves to, and the source ops
    /// asked about.
    commit_object: Option<Vec<u8>>,
    git_resolved: RefCell<Vec<pb::SourceOp>>,
    /// What handing the build to another frontend gives (`None`: this
    /// bridge does not hand builds on), and the (source, cmdline) asked.
    forward_answer: Option<Forwarded>,
    forwarded_to: RefCell<Vec<(String, String)>>,
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
            no_locals: false,
            lazy: false,
            mod_times: BTreeMap::new(),
            commit_object: None,
            git_resolved: Default::default(),
            forward_answer: None,
            forwarded_to: Default::default(),
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
        // A source policy that turns every image named `…/policied` into
        // the client's directory `test`.
        if reference.contains("/policied:") {
            return Err(BridgeError::Engine(format!(
                "failed to resolve source metadata for {reference}: ref mutated by policy to non-image: docker-image://{reference} -> local://test"
            )));
        }
        // A registry that lacks every image named `…/nosuchimage`.
        if reference.contains("/nosuchimage:") {
            return Err(BridgeError::Engine(format!(
                "failed to resolve source metadata for {reference}: not found"
            )));
        }
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
        // A client session that serves no directories (a lazy engine says
        // so only when the load is read).
        if self.no_locals && !self.lazy && loads_a_local(&definition) {
            return Err(BridgeError::Engine("no local sources enabled".into()));
        }
        let mut s = self.solved.borrow_mut();
        s.push(definition);
        Ok(format!("ref-{}", s.len()))
    }
    async fn read_dir(&self, _: &str, path: &str) -> Result<Vec<DirEntry>, BridgeError> {
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}/")
        };
        let mut entries: BTreeMap<String, DirEntry> = BTreeMap::new();
        for (file, data) in &self.files {
            let Some(rest) = file.strip_prefix(&prefix) else {
                continue;
            };
            let (name, dir) = match rest.split_once('/') {
                Some((name, _)) => (name, true),
                None => (rest, false),
            };
            entries.insert(
                name.to_string(),
                DirEntry {
                    name: name.to_string(),
                    dir,
                    size: if dir { 0 } else { data.len() as u64 },
                },
            );
        }
        if entries.is_empty() {
            return Err(BridgeError::NotFound(path.to_string()));
        }
        self.listed.borrow_mut().push(path.to_string());
        Ok(entries.into_values().collect())
    }
    async fn stat_file(&self, _: &str, path: &str) -> Result<FileStat, BridgeError> {
        let data = self
            .files
            .get(path)
            .ok_or_else(|| BridgeError::NotFound(path.to_string()))?;
        Ok(FileStat {
            mod_time: self.mod_times.get(path).copied().unwrap_or(0),
            size: data.len() as u64,
        })
    }
    async fn forward(&self, source: &str, cmdline: &str) -> Result<Option<Forwarded>, BridgeError> {
        self.forwarded_to
            .borrow_mut()
            .push((source.to_string(), cmdline.to_string()));
        Ok(self.forward_answer.clone())
    }
    async fn resolve_git_commit(
        &self,
        source: pb::SourceOp,
        _: &str,
    ) -> Result<Option<Vec<u8>>, BridgeError> {
        self.git_resolved.borrow_mut().push(source);
        Ok(self.commit_object.clone())
    }
    async fn read_file(&self, reference: &str, path: &str) -> Result<Vec<u8>, BridgeError> {
        if self.no_locals && self.lazy {
            let solved = self.solved.borrow();
            let loaded = reference
                .strip_prefix("ref-")
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| solved.get(n - 1));
            if loaded.is_some_and(loads_a_local) {
                return Err(BridgeError::Engine("no local sources enabled".into()));
            }
        }
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
        Some(pb::op::Op::Source(s)) if s.identifier == "local://context" => Some(s.attrs.clone()),
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

fn source_attrs(def: &pb::Definition, prefix: &str) -> Option<(String, BTreeMap<String, String>)> {
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
fn a_dockerfile_input_builds_without_client_directories() {
    // Upstream's gateway cases: the Dockerfile as the only frontend input,
    // a session serving no directories, two platforms of FROM scratch.
    let mut bridge =
        dockerfile_bridge("FROM scratch\n", &[("platform", "linux/amd64,linux/arm64")]);
    bridge.no_locals = true;
    bridge
        .inputs
        .insert("dockerfile".into(), input_definition());
    let result = block_on(build(&bridge)).expect("builds with no context at all");
    assert_eq!(result.platforms.len(), 2);
    assert!(result.platforms.iter().all(|p| p.reference.is_none()));
    // The same when the engine tells only once the load is read.
    let mut bridge =
        dockerfile_bridge("FROM scratch\n", &[("platform", "linux/amd64,linux/arm64")]);
    bridge.no_locals = true;
    bridge.lazy = true;
    bridge
        .inputs
        .insert("dockerfile".into(), input_definition());
    block_on(build(&bridge)).expect("builds when the failure is lazy");

    // Reading the context then fails at its load, naming why.
    let mut bridge = dockerfile_bridge("FROM scratch\nCOPY . /\n", &[]);
    bridge.no_locals = true;
    bridge
        .inputs
        .insert("dockerfile".into(), input_definition());
    let err = block_on(build(&bridge)).expect_err("the context is needed");
    assert!(
        err.to_string().contains("no local sources enabled"),
        "{err}"
    );

    // Nil inputs are refused with upstream's words.
    let mut bridge = dockerfile_bridge("FROM scratch\n", &[]);
    bridge
        .inputs
        .insert("context".into(), pb::Definition::default());
    bridge
        .inputs
        .insert("dockerfile".into(), pb::Definition::default());
    let err = block_on(build(&bridge)).expect_err("nil inputs");
    assert!(
        err.to_string()
            .contains("invalid nil input definition to definition op"),
        "{err}"
    );
}

#[test]
fn results_are_keyed_by_the_requested_platforms() {
    // Both platforms' stage runs on the build platform: still two results.
    let bridge = dockerfile_bridge(
        "FROM --platform=$BUILDPLATFORM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH > /out\n",
        &[("platform", "linux/amd64,linux/arm64")],
    );
    let result = block_on(build(&bridge)).expect("builds");
    let keys = result_keys(&result);
    assert_eq!(keys, ["linux/amd64", "linux/arm64"]);
    let md = result.metadata();
    assert!(
        md.contains_key("containerimage.config/linux/arm64"),
        "{:?}",
        md.keys()
    );
}

#[test]
fn os_versions_reach_the_build_args_the_image_and_the_result_keys() {
    let bridge = dockerfile_bridge(
        "FROM scratch\nARG TARGETOSVERSION\nARG TARGETPLATFORM\nENV V=$TARGETOSVERSION P=$TARGETPLATFORM\n",
        &[("platform", "windows(1.2.3)/amd64,windows(1.1.0)/amd64")],
    );
    let result = block_on(build(&bridge)).expect("builds");
    let keys = result_keys(&result);
    assert_eq!(keys, ["windows(1.2.3)/amd64", "windows(1.1.0)/amd64"]);
    let image = &result.platforms[1].image;
    assert_eq!(image.os_version, "1.1.0");
    assert!(
        image.config.env.contains(&"V=1.1.0".to_string())
            && image
                .config
                .env
                .contains(&"P=windows(1.1.0)/amd64".to_string()),
        "{:?}",
        image.config.env
    );
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

/// The one-line forms of the warnings the bridge received (taken).
fn warning_shorts(bridge: &RecordingBridge) -> Vec<String> {
    bridge
        .warnings
        .take()
        .into_iter()
        .map(|w| w.short)
        .collect()
}

/// `result.json` of a `frontend.lint` request for `text`.
fn lint_request(text: &str, options: &[(&str, &str)]) -> serde_json::Value {
    let mut options = options.to_vec();
    options.push(("requestid", "frontend.lint"));
    let bridge = dockerfile_bridge(text, &options);
    let md = block_on(subrequest(&bridge, "frontend.lint")).expect("answered");
    serde_json::from_slice(&md["result.json"]).expect("JSON")
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
fn undefined_variables_are_reported_once_with_a_suggestion() {
    // The base image defines PATH; DECLARED is an ARG without a value;
    // RUN's variables are the shell's; ARG defaults and stage-ARG values count.
    let text = "FROM alpine\nENV A=$UNDEFINED_X\nARG DECLARED\nARG WITH=1\nCOPY a$DECLARED /x/$WITH\nWORKDIR /w/$PAHT\nRUN echo $NOT_CHECKED\nLABEL a=$A\n";
    let shorts = |bridge: &RecordingBridge| -> Vec<String> {
        bridge
            .warnings
            .borrow()
            .iter()
            .filter(|w| w.short.starts_with("UndefinedVar"))
            .map(|w| w.short.clone())
            .collect()
    };
    let bridge = dockerfile_bridge(text, &[("platform", "linux/amd64,linux/arm64")]);
    block_on(build(&bridge)).expect("warnings do not fail the build");
    assert_eq!(
        shorts(&bridge),
        vec![
            "UndefinedVar: Usage of undefined variable '$UNDEFINED_X' (line 2)".to_string(),
            "UndefinedVar: Usage of undefined variable '$PAHT' (did you mean $PATH?) (line 6)"
                .to_string(),
        ],
        "once for both platforms"
    );
    let w = bridge.warnings.borrow();
    let w = w.iter().find(|w| w.short.contains("PAHT")).unwrap();
    assert!(w.url.ends_with("/undefined-var/"), "{}", w.url);
    assert_eq!(w.detail[0], "Variables should be defined before their use");

    // Skipped by a # check= comment above the instruction, or for the file.
    let commented = text.replace(
        "WORKDIR /w/$PAHT",
        "# check=skip=UndefinedVar\nWORKDIR /w/$PAHT",
    );
    let bridge = dockerfile_bridge(&commented, &[]);
    block_on(build(&bridge)).expect("builds");
    assert_eq!(shorts(&bridge).len(), 1, "{:?}", shorts(&bridge));
    let bridge = dockerfile_bridge(&format!("# check=skip=UndefinedVar\n{text}"), &[]);
    block_on(build(&bridge)).expect("builds");
    assert!(shorts(&bridge).is_empty());

    // With error=true it fails the build.
    let bridge = dockerfile_bridge(&format!("# check=error=true\n{text}"), &[]);
    let err = block_on(build(&bridge)).expect_err("error=true fails");
    assert!(err.to_string().contains("UndefinedVar"), "{err}");
}

#[test]
fn context_sources_the_dockerignore_excludes_are_reported() {
    let shorts = |ignore: &str, dockerfile: &str| -> Vec<String> {
        let bridge = RecordingBridge::new(
            BTreeMap::new(),
            [
                ("Dockerfile".to_string(), dockerfile.as_bytes().to_vec()),
                (".dockerignore".to_string(), ignore.as_bytes().to_vec()),
            ]
            .into(),
        );
        block_on(build(&bridge)).expect("warnings do not fail the build");
        warning_shorts(&bridge)
            .into_iter()
            .filter(|w| w.starts_with("CopyIgnoredFile"))
            .collect()
    };
    let dockerfile = "FROM alpine\nCOPY ./secret.txt logs/a.log ok.txt /x/\nCOPY --from=alpine secret.txt /y\nADD logs /l\n";
    assert_eq!(
        shorts("secret.txt\nlogs/\n", dockerfile),
        vec![
            "CopyIgnoredFile: Attempting to Copy file \"secret.txt\" that is excluded by .dockerignore (line 2)".to_string(),
            "CopyIgnoredFile: Attempting to Copy file \"logs/a.log\" that is excluded by .dockerignore (line 2)".to_string(),
            "CopyIgnoredFile: Attempting to Add file \"logs\" that is excluded by .dockerignore (line 4)".to_string(),
        ]
    );
    // A re-include makes it undecidable; `.` counts only when all is ignored.
    assert!(shorts("logs/\n!logs/keep\n", dockerfile).is_empty());
    assert!(shorts("logs/\n", "FROM alpine\nCOPY . /\n").is_empty());
    assert_eq!(shorts("*\n", "FROM alpine\nCOPY . /\n").len(), 1);
}

#[test]
fn lint_subrequest_reports_every_check_and_the_error_without_building() {
    let lint_of = |text: &str| -> serde_json::Value {
        let bridge = dockerfile_bridge(text, &[("requestid", "frontend.lint")]);
        let md = block_on(subrequest(&bridge, "frontend.lint")).expect("answered");
        assert!(
            bridge.solved.borrow().iter().all(|d| d.def.len() <= 2),
            "only the Dockerfile and .dockerignore loads are solved"
        );
        let status = String::from_utf8(md["result.statuscode"].clone()).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&md["result.json"]).unwrap();
        assert_eq!(
            status,
            if json["warnings"].as_array().unwrap().is_empty() && json.get("buildError").is_none() {
                "0"
            } else {
                "1"
            }
        );
        json
    };
    let rules = |json: &serde_json::Value| -> Vec<String> {
        json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                format!(
                    "{}@{}",
                    w["ruleName"].as_str().unwrap(),
                    w["location"]["ranges"][0]["start"]["line"]
                )
            })
            .collect()
    };
    // Syntactic checks and the planner's (UndefinedVar needs the base image's env).
    let json = lint_of("FROM alpine AS Bad\nMAINTAINER me\nENV A=$NOPE B=$PATH\n");
    assert_eq!(
        rules(&json),
        [
            "StageNameCasing@1",
            "MaintainerDeprecated@2",
            "UndefinedVar@3"
        ]
    );
    assert!(json.get("buildError").is_none(), "{json}");
    assert_eq!(
        lint_of("FROM alpine\nRUN true\n")["warnings"],
        serde_json::json!([])
    );

    // A parse error: the checks before it, and the error with its line.
    let json = lint_of("FROM scratch AS Bad\nMAINTAINER me\nBADCMD\n");
    assert_eq!(
        rules(&json),
        ["StageNameCasing@1", "MaintainerDeprecated@2"]
    );
    assert_eq!(
        json["buildError"]["message"],
        "dockerfile parse error on line 3: unknown instruction: BADCMD"
    );
    assert_eq!(
        json["buildError"]["location"]["ranges"][0]["start"]["line"],
        3
    );

    // A build of the same file warns before it fails.
    let bridge = dockerfile_bridge("FROM scratch AS Bad\nMAINTAINER me\nBADCMD\n", &[]);
    assert!(matches!(
        block_on(build(&bridge)),
        Err(FrontendError::Dockerfile { .. })
    ));
    let shorts: Vec<String> = bridge
        .warnings
        .take()
        .into_iter()
        .map(|w| w.short)
        .collect();
    assert_eq!(shorts.len(), 2, "{shorts:?}");
    assert!(shorts[1].starts_with("MaintainerDeprecated"), "{shorts:?}");
}

#[test]
fn a_multi_line_instruction_is_located_line_by_line() {
    let bridge = dockerfile_bridge("FROM alpine\nRUN echo \\\n  two\n", &[]);
    block_on(build(&bridge)).expect("builds");
    let solved = bridge.solved.borrow();
    let source = solved.last().unwrap().source.clone().expect("a source map");
    let lines: Vec<Vec<(i32, i32)>> = source
        .locations
        .values()
        .flat_map(|l| l.locations.iter())
        .map(|l| {
            l.ranges
                .iter()
                .map(|r| (r.start.unwrap().line, r.end.unwrap().line))
                .collect()
        })
        .collect();
    assert!(
        lines.contains(&vec![(2, 2), (3, 3)]),
        "the RUN on lines 2-3 has one range per line: {lines:?}"
    );
    assert!(
        lines.contains(&vec![(1, 1)]),
        "the base image is located at its FROM: {lines:?}"
    );
    assert_eq!(
        source.infos[0].definition.as_ref(),
        Some(&solved[0]),
        "the source names the Dockerfile's load"
    );
}

#[test]
fn a_base_image_for_another_platform_is_reported() {
    // The bridge serves every image as linux/amd64.
    let shorts = |platform: &str| -> Vec<String> {
        let bridge = dockerfile_bridge("FROM alpine\nRUN true\n", &[("platform", platform)]);
        block_on(build(&bridge)).expect("builds");
        warning_shorts(&bridge)
            .into_iter()
            .filter(|w| w.starts_with("InvalidBaseImagePlatform"))
            .collect()
    };
    assert_eq!(
        shorts("linux/arm64"),
        [
            "InvalidBaseImagePlatform: Base image alpine was pulled with platform \"linux/amd64\", expected \"linux/arm64\" for current build (line 1)"
        ]
    );
    assert!(shorts("linux/amd64").is_empty());
    // As upstream, warnings come from the first platform only.
    assert!(shorts("linux/amd64,linux/arm64").is_empty());
    assert_eq!(shorts("linux/arm64,linux/amd64").len(), 1);
}

#[test]
fn dispatch_time_checks_cover_the_dispatched_stages() {
    // Upstream's case: stage b is not needed by the target (c), so a build
    // does not dispatch it and reports nothing there; a lint request
    // without a target dispatches every stage.
    let text = "FROM alpine AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\nENV X=$NOPE\n\nFROM a AS c\nENV ok=1\n";
    let bridge = dockerfile_bridge(text, &[]);
    block_on(build(&bridge)).expect("builds");
    let shorts = warning_shorts(&bridge);
    assert!(shorts.is_empty(), "{shorts:?}");

    let json = lint_request(text, &[]);
    let rules: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["ruleName"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "LegacyKeyValueFormat",
            "LegacyKeyValueFormat",
            "UndefinedVar"
        ]
    );

    // Linting target c only dispatches a and c.
    let json = lint_request(text, &[("target", "c")]);
    assert_eq!(json["warnings"], serde_json::json!([]), "{json}");
}

#[test]
fn an_image_that_cannot_be_resolved_is_located_at_the_instruction_naming_it() {
    for (text, line) in [
        (
            "FROM scratch\nENV foo=bar\nCOPY --from=nosuchimage foo bar\n",
            3,
        ),
        ("FROM alpine\nRUN true\nFROM nosuchimage\n", 3),
    ] {
        let bridge = dockerfile_bridge(text, &[]);
        match block_on(build(&bridge)) {
            Err(FrontendError::ResolveImage { at: Some(at), .. }) => {
                assert_eq!(at.span.start.line, line, "{text}");
                assert_eq!(at.filename, "Dockerfile");
                assert_eq!(at.text, text);
                assert!(at.definition.is_some(), "the Dockerfile's load definition");
            }
            other => panic!("{text}: expected a located resolve error, got {other:?}"),
        }
        // The lint request reports it as the error that stops the build.
        let json = lint_request(text, &[]);
        assert_eq!(
            json["buildError"]["location"]["ranges"][0]["start"]["line"], line,
            "{json}"
        );
    }
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
    let bridge = dockerfile_bridge(text, &[("build-arg:BUILDKIT_DOCKERFILE_CHECK", "skip=all")]);
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
                a.get("local.sharedkeyhint").map(String::as_str) == Some("context-strata-manifests")
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
        let facts = pass_facts(
            &opts,
            &text,
            &build_plan,
            super::super::pipeline::now(&opts),
        );
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
        // The source map carries the Dockerfile's load: the first solve.
        let load = bridge.solved.borrow()[0].clone();
        let source = SourceFile {
            definition: Some(load),
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
        let reader = BridgeContext::new(&bridge, "context", &[], &caps);
        let got = block_on(read_rounds(&reader, &build_plan, &pass_opts)).expect("reads");
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

fn sources_of(def: &pb::Definition) -> Vec<(String, BTreeMap<String, String>)> {
    def.def
        .iter()
        .filter_map(|b| match prost::Message::decode(b.as_slice()) {
            Ok(pb::Op {
                op: Some(pb::op::Op::Source(s)),
                ..
            }) => Some((s.identifier, s.attrs)),
            _ => None,
        })
        .collect()
}

/// Every op of a definition, decoded, as text to search.
fn ops_text(def: &pb::Definition) -> String {
    def.def
        .iter()
        .filter_map(|b| prost::Message::decode(b.as_slice()).ok())
        .map(|op: pb::Op| format!("{op:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn git_context_option_replaces_the_local_context() {
    let mut bridge = RecordingBridge::new(
        [(
            "context".to_string(),
            "https://example.com/r.git#main:sub".to_string(),
        )]
        .into(),
        [
            (
                "Dockerfile".to_string(),
                b"FROM scratch\nCOPY . /x\n".to_vec(),
            ),
            (".dockerignore".to_string(), b"*.secret\n".to_vec()),
        ]
        .into(),
    );
    bridge
        .llb_caps
        .insert(crate::llb::caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS.into());
    block_on(build(&bridge)).expect("builds");
    let solved = bridge.solved.borrow();
    for def in solved.iter() {
        for (id, _) in sources_of(def) {
            assert!(!id.starts_with("local://"), "no local source: {id}");
        }
    }
    let last = solved.last().expect("build");
    let (id, attrs) = source_attrs(last, "git://").expect("git source");
    assert_eq!(id, "git://example.com/r.git#main:sub");
    assert!(attrs.contains_key("git.fullurl"), "{attrs:?}");
    // The remote context's .dockerignore filters what COPY sees.
    assert!(
        ops_text(last).contains("*.secret"),
        "exclude pattern applied"
    );
}

#[test]
fn local_sessionid_options_pick_each_locals_session() {
    let mut bridge = named_context_bridge(
        "FROM scratch\nCOPY a /a\nCOPY --from=src . /x\n",
        &[("src", "local:srcdir")],
    );
    bridge
        .options
        .insert("local-sessionid:context".into(), "sess-ctx".into());
    bridge
        .options
        .insert("local-sessionid:srcdir".into(), "sess-src".into());
    bridge
        .options
        .insert("local-sessionid:dockerfile".into(), "sess-df".into());
    bridge.files.insert("a".into(), b"a".to_vec());
    block_on(build(&bridge)).expect("builds");
    let solved = bridge.solved.borrow();
    let sessions: Vec<(String, String)> = solved
        .iter()
        .flat_map(sources_of)
        .filter(|(id, _)| id.starts_with("local://"))
        .map(|(id, attrs)| (id, attrs.get("local.session").cloned().unwrap_or_default()))
        .collect();
    for (id, session) in &sessions {
        let want = match id.as_str() {
            "local://context" => "sess-ctx",
            "local://srcdir" => "sess-src",
            "local://dockerfile" => "sess-df",
            _ => "sess-1",
        };
        assert_eq!(session, want, "{id}: {sessions:?}");
    }
    assert!(sessions.iter().any(|(id, _)| id == "local://srcdir"));
    assert!(sessions.iter().any(|(id, _)| id == "local://dockerfile"));
}

#[test]
fn docker_image_scratch_context_is_the_empty_image() {
    let bridge = named_context_bridge(
        "FROM base\nENV A=1\n",
        &[("base", "docker-image://scratch")],
    );
    let result = block_on(build(&bridge)).expect("builds");
    assert!(
        bridge.resolved.borrow().is_empty(),
        "nothing pulled: {:?}",
        bridge.resolved.borrow()
    );
    assert!(result.platforms[0].reference.is_none(), "empty result");
}

#[test]
fn multi_platform_input_contexts_give_each_platform_its_input() {
    let mut bridge = named_context_bridge(
        "FROM base\nENV A=1\n",
        &[
            ("base::linux/amd64", "input:base::linux/amd64"),
            ("base::linux/arm64", "input:base::linux/arm64"),
        ],
    );
    bridge
        .options
        .insert("platform".into(), "linux/amd64,linux/arm64".into());
    let input = |dir: &str| {
        let fs = crate::llb::file::FileBuilder::on(None)
            .mkdir(dir, 0o755, true, None, None)
            .build(VertexMeta::named("RUN mkdir"));
        marshal(&fs, None).definition
    };
    bridge
        .inputs
        .insert("base::linux/amd64".into(), input("/amd64-made"));
    bridge
        .inputs
        .insert("base::linux/arm64".into(), input("/arm64-made"));
    let result = block_on(build(&bridge)).expect("builds");
    assert_eq!(result.platforms.len(), 2);
    let solved = bridge.solved.borrow();
    let builds: Vec<String> = solved.iter().rev().take(2).map(ops_text).collect();
    let (arm, amd) = (&builds[0], &builds[1]);
    assert!(
        amd.contains("amd64-made") && !amd.contains("arm64-made"),
        "{amd}"
    );
    assert!(
        arm.contains("arm64-made") && !arm.contains("amd64-made"),
        "{arm}"
    );
}

/// The `SOURCE_DATE_EPOCH` a build ends with, the image's creation time
/// and what the value of the ARG was inside the build (the RUN's args).
fn epoch_build(bridge: &RecordingBridge) -> Result<(Option<i64>, Option<String>, String), String> {
    let result = block_on(build(bridge)).map_err(|e| e.to_string())?;
    let solved = bridge.solved.borrow();
    let ops = solved.last().map(ops_text).unwrap_or_default();
    Ok((
        result.source_date_epoch,
        result.platforms[0].image.created.clone(),
        ops,
    ))
}

#[test]
fn source_date_epoch_from_a_source_only_stage_is_its_archives_newest_file() {
    let dockerfile = "ARG SOURCE_DATE_EPOCH=mysource\n\
FROM scratch AS mysource\n\
ARG FILE=src.tar\n\
ADD http://example.com/${FILE} /\n\
FROM busybox\n\
ARG SOURCE_DATE_EPOCH\n\
RUN echo -n \"$SOURCE_DATE_EPOCH\" >/epoch\n";
    let bridge = RecordingBridge::new(
        BTreeMap::new(),
        [
            ("Dockerfile".to_string(), dockerfile.as_bytes().to_vec()),
            (
                "src.tar".to_string(),
                crate::frontend::epoch::dated_tar(&[("a", 1_700_000_000), ("foo", 1_700_000_402)]),
            ),
        ]
        .into(),
    );
    let (epoch, created, ops) = epoch_build(&bridge).expect("builds");
    assert_eq!(epoch, Some(1_700_000_402));
    assert_eq!(created.as_deref(), Some("2023-11-14T22:20:02Z"));
    assert!(ops.contains("SOURCE_DATE_EPOCH=1700000402"), "{ops}");
    // The stage's download was solved on its own, the stage not built.
    let solved = bridge.solved.borrow();
    let (id, attrs) = solved
        .iter()
        .find_map(|d| source_attrs(d, "http://"))
        .expect("the download");
    assert_eq!(id, "http://example.com/src.tar");
    assert_eq!(attrs["http.filename"], "src.tar");
    assert!(!ops.contains("example.com"), "{ops}");
}

#[test]
fn source_date_epoch_from_a_named_context_prefers_last_modified() {
    let mut bridge = named_context_bridge(
        "ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch\nCOPY Dockerfile .\n",
        &[("mysource", "https://example.com/src.tar")],
    );
    bridge.files.insert(
        "context".into(),
        crate::frontend::epoch::dated_tar(&[("foo", 1_700_003_601)]),
    );
    bridge
        .mod_times
        .insert("context".into(), 1_700_000_601 * 1_000_000_000 + 5);
    let (epoch, _, _) = epoch_build(&bridge).expect("builds");
    assert_eq!(epoch, Some(1_700_000_601));
    // Without Last-Modified the archive decides.
    bridge.mod_times.clear();
    bridge.solved.borrow_mut().clear();
    let (epoch, _, _) = epoch_build(&bridge).expect("builds");
    assert_eq!(epoch, Some(1_700_003_601));
}

#[test]
fn source_date_epoch_from_the_git_context_is_the_committer_time() {
    let mut bridge = RecordingBridge::new(
        [
            (
                "context".to_string(),
                "https://example.com/r.git#main".to_string(),
            ),
            (
                "build-arg:SOURCE_DATE_EPOCH".to_string(),
                "context".to_string(),
            ),
        ]
        .into(),
        [(
            "Dockerfile".to_string(),
            b"FROM scratch\nCOPY Dockerfile /\n".to_vec(),
        )]
        .into(),
    );
    // An engine without the source metadata resolver cannot say.
    let err = epoch_build(&bridge).expect_err("needs the capability");
    assert!(err.contains("source.metaresolver"), "{err}");
    bridge.frontend_caps.insert("source.metaresolver".into());
    bridge.frontend_caps.insert(GATEWAY_WARNINGS_CAP.into());
    bridge.commit_object = Some(
        b"tree abc\nauthor a <a@x> 1 +0000\ncommitter c <c@x> 1700000101 +0100\n\nmsg\n".to_vec(),
    );
    let (epoch, _, _) = epoch_build(&bridge).expect("builds");
    assert_eq!(epoch, Some(1_700_000_101));
    let asked = bridge.git_resolved.borrow();
    assert_eq!(asked[0].identifier, "git://example.com/r.git#main");
    // An engine that answers without the commit: no epoch, and a warning.
    drop(asked);
    bridge.commit_object = None;
    let (epoch, _, _) = epoch_build(&bridge).expect("builds");
    assert_eq!(epoch, None);
    assert!(
        bridge
            .warnings
            .borrow()
            .iter()
            .any(|w| w.short.contains("did not report the Git commit")),
        "warned"
    );
}

#[test]
fn source_date_epoch_of_a_local_context_is_unset() {
    let bridge = RecordingBridge::new(
        [(
            "build-arg:SOURCE_DATE_EPOCH".to_string(),
            "context".to_string(),
        )]
        .into(),
        [(
            "Dockerfile".to_string(),
            b"FROM busybox\nARG SOURCE_DATE_EPOCH\nRUN echo \"[$SOURCE_DATE_EPOCH]\"\n".to_vec(),
        )]
        .into(),
    );
    let (epoch, _, ops) = epoch_build(&bridge).expect("builds");
    assert_eq!(epoch, None);
    assert!(ops.contains("SOURCE_DATE_EPOCH="), "{ops}");
    assert!(!ops.contains("SOURCE_DATE_EPOCH=context"), "{ops}");
}

#[test]
fn source_date_epoch_stages_must_be_source_only() {
    let run = |dockerfile: &str| {
        let bridge = RecordingBridge::new(
            BTreeMap::new(),
            [("Dockerfile".to_string(), dockerfile.as_bytes().to_vec())].into(),
        );
        epoch_build(&bridge).expect_err("refused")
    };
    let err = run(
        "ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch AS mysource\nCOPY Dockerfile /Dockerfile\nFROM scratch\n",
    );
    assert!(
        err.contains("SOURCE_DATE_EPOCH stage does not meet source-only requirements"),
        "{err}"
    );
    let err = run(
        "ARG SOURCE_DATE_EPOCH=mysource\nFROM busybox AS mysource\nADD http://e.com/a.tar /\nFROM scratch\n",
    );
    assert!(err.contains("must use FROM scratch"), "{err}");
    let err = run(
        "ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch AS mysource\nADD local.tar /\nFROM scratch\n",
    );
    assert!(err.contains("single HTTP(S) or Git ADD"), "{err}");
    let err = run(
        "ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch AS mysource\nADD http://e.com/a /\nADD http://e.com/b /\nFROM scratch\n",
    );
    assert!(err.contains("exactly one remote ADD"), "{err}");
    let err = run("ARG SOURCE_DATE_EPOCH=nosuchthing\nFROM scratch\n");
    assert!(
        err.contains("invalid SOURCE_DATE_EPOCH: nosuchthing"),
        "{err}"
    );
}

#[test]
fn a_source_policy_can_turn_a_named_contexts_image_into_a_local() {
    let bridge = named_context_bridge(
        "FROM scratch AS replace\nFROM scratch\nCOPY --from=replace /foo /\n",
        &[("replace", "docker-image://example.com/policied:1")],
    );
    block_on(build(&bridge)).expect("builds");
    let solved = bridge.solved.borrow();
    let (id, _) = source_attrs(solved.last().expect("build"), "local://").expect("a local");
    assert_eq!(id, "local://test");
    // Any other image that cannot be resolved still fails the build.
    let bridge = named_context_bridge(
        "FROM scratch AS replace\nFROM scratch\nCOPY --from=replace /foo /\n",
        &[("replace", "docker-image://example.com/nosuchimage:1")],
    );
    assert!(block_on(build(&bridge)).is_err());
}

#[test]
fn created_is_stamped_only_from_a_clients_time() {
    let build_with = |options: &[(&str, &str)]| {
        let bridge = RecordingBridge::new(
            options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            [(
                "Dockerfile".to_string(),
                b"FROM alpine\nRUN echo hi\n".to_vec(),
            )]
            .into(),
        );
        let image = block_on(build(&bridge)).expect("builds").platforms[0]
            .image
            .clone();
        let label = image
            .config
            .labels
            .as_ref()
            .and_then(|l| l.get("org.opencontainers.image.created").cloned());
        (image.created, label)
    };
    // docker build sends no time: the exporter dates the image, and two
    // builds of the same inputs give the same config.
    assert_eq!(build_with(&[]), (None, None));
    let at = Some("2023-11-14T22:13:20Z".to_string());
    assert_eq!(
        build_with(&[("strata-now", "1700000000")]),
        (at.clone(), at.clone())
    );
    assert_eq!(
        build_with(&[("build-arg:BUILD_DATE", "2023-11-14T22:13:20Z")]),
        (at.clone(), at)
    );
}

#[test]
fn a_syntax_line_naming_a_frontend_hands_the_build_to_it() {
    use crate::proto::{gateway, google_rpc};
    let dockerfile = b"#syntax=foobar\nfrom alpine\n".to_vec();
    let bridge_with = |options: &[(&str, &str)], answer: Option<Forwarded>| {
        let mut b = RecordingBridge::new(
            options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            [("Dockerfile".to_string(), dockerfile.clone())].into(),
        );
        b.forward_answer = answer;
        b
    };
    // The other frontend's result is the build's.
    let theirs = gateway::Result {
        metadata: [("k".to_string(), b"v".to_vec())].into(),
        ..Default::default()
    };
    let bridge = bridge_with(&[], Some(Forwarded::Result(Box::new(theirs.clone()))));
    let result = block_on(build(&bridge)).expect("forwarded");
    assert_eq!(result.forwarded.as_deref(), Some(&theirs));
    assert_eq!(
        bridge.forwarded_to.borrow().as_slice(),
        [("foobar".to_string(), "foobar".to_string())]
    );
    assert!(
        bridge
            .solved
            .borrow()
            .iter()
            .all(|d| !ops_text(d).contains("alpine"))
    );
    // Its failure is shown at the syntax line when it names no line itself.
    let failed = google_rpc::Status {
        code: 2,
        message: "failed to resolve source metadata for docker.io/library/foobar:latest".into(),
        details: Vec::new(),
    };
    let bridge = bridge_with(&[], Some(Forwarded::Failed(Box::new(failed))));
    match block_on(build(&bridge)) {
        Err(FrontendError::Forwarded { status, at }) => {
            assert!(status.message.contains("foobar"));
            let at = at.expect("located");
            assert_eq!(at.span.start.line, 1);
            assert_eq!(at.filename, "Dockerfile");
        }
        other => panic!("{other:?}"),
    }
    // BUILDKIT_SYNTAX wins over the line; `cmdline` (Docker's frontend
    // chose this one already) and a bridge that does not forward build here.
    let bridge = bridge_with(
        &[("build-arg:BUILDKIT_SYNTAX", "other/frontend:1 --flag")],
        Some(Forwarded::Result(Box::default())),
    );
    block_on(build(&bridge)).expect("forwarded");
    assert_eq!(
        bridge.forwarded_to.borrow()[0],
        (
            "other/frontend:1".to_string(),
            "other/frontend:1 --flag".to_string()
        )
    );
    let bridge = bridge_with(
        &[("cmdline", "foobar")],
        Some(Forwarded::Result(Box::default())),
    );
    let result = block_on(build(&bridge)).expect("builds");
    assert!(result.forwarded.is_none());
    assert!(bridge.forwarded_to.borrow().is_empty());
    let bridge = bridge_with(&[], None);
    let result = block_on(build(&bridge)).expect("builds");
    assert!(result.forwarded.is_none());
    assert_eq!(bridge.forwarded_to.borrow().len(), 1);
}
