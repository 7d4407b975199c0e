//! The build plan: what each stage does, with every word expanded and every
//! path resolved, before any LLB exists.
//!
//! [`planner::plan`] turns a syntax tree plus [`BuildOptions`] and the base
//! images' configs into a [`BuildPlan`]. The smart passes rewrite plans;
//! `frontend::lower` turns a plan into LLB. Nothing here does I/O: image
//! configs come in through [`ImageLookup`], and when some are missing the
//! planner says which ([`PlanError::NeedImages`]) so the caller can fetch
//! them and plan again.

pub mod context_digest;
pub(crate) mod dispatch;
pub mod duration;
pub mod envlist;
pub mod epoch;
pub mod gitref;
pub mod image;
pub mod passes;
pub mod planner;
pub mod platform;
pub mod reference;
pub(crate) mod stages;

use std::collections::BTreeMap;

use crate::dockerfile::Span;
use crate::llb::exec::NetworkMode;
use crate::llb::file::CopyMode;
use crate::llb::source::ResolveMode;
use image::ImageConfig;
use platform::Platform;
use reference::ImageRef;

pub use planner::plan;

/// Which stages ignore the cache (`--no-cache`, `--no-cache-filter`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum NoCache {
    #[default]
    Off,
    All,
    Stages(Vec<String>),
}

/// Everything about a build that does not come from the Dockerfile.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub target: Option<String>,
    pub build_args: BTreeMap<String, String>,
    /// Extra labels for the final image.
    pub labels: BTreeMap<String, String>,
    /// `None`: the build platform, and the base image decides (implicit target).
    pub target_platform: Option<Platform>,
    pub build_platform: Platform,
    pub no_cache: NoCache,
    /// `force-network-mode`: the default network of every RUN.
    pub network: NetworkMode,
    pub extra_hosts: Vec<(String, String)>,
    pub hostname: Option<String>,
    pub shm_size: i64,
    pub ulimits: Vec<crate::proto::pb::Ulimit>,
    /// Prefix for cache mount ids (`BUILDKIT_CACHE_MOUNT_NS`).
    pub cache_id_namespace: String,
    pub image_resolve_mode: ResolveMode,
    /// Whether the engine supports merge ops (for `COPY --link`).
    pub merge_op: bool,
    /// Cleaned `.dockerignore` patterns for the build context (with `!`).
    pub dockerignore: Vec<String>,
    /// Local name of the build context (`context`).
    pub context_name: String,
    /// Session that serves locals, when known.
    pub session_id: Option<String>,
    pub source_date_epoch: Option<i64>,
    /// Prefix progress names with the platform (multi-platform builds).
    pub multi_platform: bool,
    /// `context:NAME[::PLATFORM]` overrides, keyed by `NAME` or `NAME::PLATFORM`
    /// (the name as upstream normalises it: `alpine`, not `docker.io/library/alpine:latest`).
    pub named_contexts: BTreeMap<String, NamedContext>,
    /// Image configs of frontend inputs (`input-metadata:NAME`'s
    /// `containerimage.config`), for `input:NAME` contexts.
    pub input_configs: BTreeMap<String, ImageConfig>,
}

/// What a named build context (`context:NAME=VALUE`) replaces a stage or base with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedContext {
    /// `docker-image://REF`: another image, resolved like a FROM.
    Image(String),
    /// `local:NAME`: a directory the client serves as a session local.
    Local(String),
    /// A git repository URL (`git@…`, `https://….git`, `git://…`).
    Git(String),
    /// `http(s)://…`: a single downloaded file named `context`.
    Http(String),
    /// `oci-layout://STORE[:TAG]@DIGEST`: an image in a content store the
    /// client serves through its session (buildx `--build-context
    /// NAME=oci-layout://DIR`). Like upstream the digest is required (buildx
    /// resolves tags on the client); the image is named after the context
    /// (`name`, filled in by the planner) for progress and resolution.
    OciLayout {
        store: String,
        digest: String,
        name: String,
    },
    /// `input:NAME`: the frontend input NAME (another target's result, which
    /// `docker buildx bake` passes for `contexts = { x = "target:y" }`).
    Input(String),
}

impl NamedContext {
    /// Parse an option value (`docker-image://alpine`, `local:src`, a git or http URL).
    pub fn parse(value: &str) -> Result<NamedContext, String> {
        let value = value.trim();
        let Some((scheme, rest)) = value.split_once(':') else {
            return Err(format!(
                "invalid context specifier {value:?} (expected docker-image://REF, local:NAME, or a git/http(s) URL)"
            ));
        };
        if scheme.starts_with("git@") {
            return match gitref::parse_git_ref(value) {
                Ok(Some(_)) => Ok(NamedContext::Git(value.to_string())),
                Ok(None) => Err(format!("invalid git context {value:?}")),
                Err(e) => Err(format!("invalid git context {value:?}: {e}")),
            };
        }
        match scheme {
            "docker-image" => {
                let r = rest.trim_start_matches("//");
                if r.is_empty() {
                    return Err("docker-image:// needs an image reference".to_string());
                }
                Ok(NamedContext::Image(r.to_string()))
            }
            "local" if !rest.is_empty() => Ok(NamedContext::Local(rest.to_string())),
            "git" | "ssh" => match gitref::parse_git_ref(value) {
                Ok(Some(_)) => Ok(NamedContext::Git(value.to_string())),
                Ok(None) => Err(format!("invalid git context {value:?}")),
                Err(e) => Err(format!("invalid git context {value:?}: {e}")),
            },
            "http" | "https" => {
                if matches!(gitref::parse_git_ref(value), Ok(Some(_))) {
                    Ok(NamedContext::Git(value.to_string()))
                } else {
                    Ok(NamedContext::Http(value.to_string()))
                }
            }
            "oci-layout" => parse_oci_layout(rest.trim_start_matches("//")),
            "input" if !rest.is_empty() => Ok(NamedContext::Input(rest.to_string())),
            other => Err(format!(
                "unsupported context source {other:?} (supported: docker-image://, local:, oci-layout://, input:, git and http(s) URLs)"
            )),
        }
    }
}

/// `STORE[:TAG]@sha256:HEX` (the store id is a reference name, as upstream parses it).
fn parse_oci_layout(spec: &str) -> Result<NamedContext, String> {
    let Some((name_tag, digest)) = spec.split_once('@') else {
        return Err(format!(
            "oci-layout reference {spec:?} has no digest (expected oci-layout://STORE@sha256:…; buildx resolves a directory's tag to its digest)"
        ));
    };
    let hex = digest.strip_prefix("sha256:").unwrap_or("");
    if hex.len() != 64
        || !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(format!(
            "oci-layout reference {spec:?}: {digest:?} is not a sha256 digest"
        ));
    }
    // A tag is what follows the last `:` when no `/` comes after it.
    let store = match name_tag.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => name,
        _ => name_tag,
    };
    let valid = !store.is_empty()
        && store.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        });
    if !valid {
        return Err(format!(
            "oci-layout reference {spec:?}: store name {store:?} is not a valid reference name (lowercase letters, digits, '.', '_', '-', '/')"
        ));
    }
    Ok(NamedContext::OciLayout {
        store: store.to_string(),
        digest: digest.to_string(),
        name: String::new(),
    })
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            target: None,
            build_args: BTreeMap::new(),
            labels: BTreeMap::new(),
            target_platform: None,
            build_platform: Platform::host(),
            no_cache: NoCache::Off,
            network: NetworkMode::Sandbox,
            extra_hosts: Vec::new(),
            hostname: None,
            shm_size: 0,
            ulimits: Vec::new(),
            cache_id_namespace: String::new(),
            image_resolve_mode: ResolveMode::Default,
            merge_op: true,
            dockerignore: Vec::new(),
            context_name: "context".into(),
            session_id: None,
            source_date_epoch: None,
            multi_platform: false,
            named_contexts: BTreeMap::new(),
            input_configs: BTreeMap::new(),
        }
    }
}

/// A base image config as the engine resolved it.
#[derive(Debug, Clone)]
pub struct ResolvedImage {
    /// The canonical reference (may differ from the requested one).
    pub reference: ImageRef,
    /// Manifest digest, pinned into the LLB.
    pub digest: Option<String>,
    pub config: ImageConfig,
}

/// What the caller knows about one image.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // built once per base image
pub enum ImageLookup {
    Found(ResolvedImage),
    /// Use the reference as named, with no config (offline `strata llb`).
    Unresolved,
    /// Not asked yet: the planner reports it in [`PlanError::NeedImages`].
    Missing,
}

/// An image the planner needs the config of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ImageRequest {
    pub reference: ImageRef,
    pub platform: Platform,
    /// For `oci-layout://` contexts: the client's content store holding it.
    pub oci_store: Option<String>,
}

/// Source of base image configs.
pub trait ImageResolver {
    fn lookup(&self, request: &ImageRequest) -> ImageLookup;
}

/// Every image is taken as named, with no config.
pub struct NoImageConfigs;

impl ImageResolver for NoImageConfigs {
    fn lookup(&self, _: &ImageRequest) -> ImageLookup {
        ImageLookup::Unresolved
    }
}

/// Image configs fetched so far; anything else is [`ImageLookup::Missing`].
#[derive(Debug, Clone, Default)]
pub struct ResolvedImages {
    pub images: BTreeMap<ImageRequest, Option<ResolvedImage>>,
}

impl ImageResolver for ResolvedImages {
    fn lookup(&self, request: &ImageRequest) -> ImageLookup {
        match self.images.get(request) {
            Some(Some(found)) => ImageLookup::Found(found.clone()),
            Some(None) => ImageLookup::Unresolved,
            None => ImageLookup::Missing,
        }
    }
}

/// Why planning stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("{message}")]
    Invalid {
        span: Option<Span>,
        message: String,
        found: Option<String>,
        expected: Option<String>,
    },
    /// Not an error for the user: fetch these configs and plan again.
    #[error("base image configs needed")]
    NeedImages(Vec<(ImageRequest, Option<Span>)>),
}

impl PlanError {
    pub fn at(span: Span, message: impl Into<String>) -> PlanError {
        PlanError::Invalid {
            span: Some(span),
            message: message.into(),
            found: None,
            expected: None,
        }
    }

    pub fn general(message: impl Into<String>) -> PlanError {
        PlanError::Invalid {
            span: None,
            message: message.into(),
            found: None,
            expected: None,
        }
    }

    pub fn expected(self, what: impl Into<String>) -> PlanError {
        match self {
            PlanError::Invalid {
                span,
                message,
                found,
                ..
            } => PlanError::Invalid {
                span,
                message,
                found,
                expected: Some(what.into()),
            },
            other => other,
        }
    }

    pub fn found(self, what: impl Into<String>) -> PlanError {
        match self {
            PlanError::Invalid {
                span,
                message,
                expected,
                ..
            } => PlanError::Invalid {
                span,
                message,
                found: Some(what.into()),
                expected,
            },
            other => other,
        }
    }
}

/// Index of a stage in [`BuildPlan::stages`].
pub type StageId = usize;

/// A whole build.
#[derive(Debug, Clone)]
pub struct BuildPlan {
    pub stages: Vec<Stage>,
    pub target: StageId,
    /// The final image config (the target's, plus labels and platform).
    pub image: ImageConfig,
    pub context: ContextPlan,
    pub platform: Platform,
    pub source_date_epoch: Option<i64>,
    /// Build-check findings of planning (`UndefinedVar`), unfiltered: the
    /// frontend applies the check configuration.
    pub lints: Vec<crate::dockerfile::lint::Lint>,
    /// Named `local:` contexts only read in part (COPY --from, RUN --mount
    /// from=): the paths to send, context-relative. Absent: send it whole.
    pub named_follow_paths: BTreeMap<String, Vec<String>>,
    /// What an SBOM scan of the result also scans
    /// (`BUILDKIT_SBOM_SCAN_CONTEXT`, `BUILDKIT_SBOM_SCAN_STAGE`).
    pub sbom: SbomTargets,
}

/// The extra states an SBOM scanner sees beside the result: the build
/// context when the target's `BUILDKIT_SBOM_SCAN_CONTEXT` holds, and every
/// other stage the target needs whose `BUILDKIT_SBOM_SCAN_STAGE` holds.
/// Those ARGs count only where declared (a build arg sets a declared one),
/// as `true`/`false` or as a comma-separated list of stage names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SbomTargets {
    pub context: bool,
    /// (stage name, stage), in stage order.
    pub stages: Vec<(String, StageId)>,
}

/// How the build context local is requested.
#[derive(Debug, Clone, Default)]
pub struct ContextPlan {
    pub name: String,
    pub session_id: Option<String>,
    pub exclude_patterns: Vec<String>,
    /// Only these paths are sent (`None`: the whole context).
    pub follow_paths: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Stage {
    /// Progress name (`build`, `stage-1`), empty for single-stage builds.
    pub name: String,
    /// `AS name`, lower-cased.
    pub declared_name: Option<String>,
    pub base: Base,
    pub platform: Platform,
    pub steps: Vec<Step>,
    /// The stage's image config after its last instruction.
    pub image: ImageConfig,
    /// Whether the target needs this stage.
    pub reachable: bool,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base {
    Scratch,
    /// Normalised reference (pinned by digest when resolved), and the progress name.
    Image {
        reference: String,
        name: String,
        /// Loaded from this client content store (`oci-layout://`), not a registry.
        oci_store: Option<String>,
    },
    Stage(StageId),
    /// A named context that is not an image (`local:`, git, http).
    Context(NamedContext),
}

/// A filesystem a step reads from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsRef {
    Context,
    Stage(StageId),
    Scratch,
}

/// One filesystem-changing step of a stage.
#[derive(Debug, Clone)]
pub struct Step {
    pub op: StepOp,
    /// Progress name, `[build 2/5] RUN make`.
    pub name: String,
    /// The instruction as upstream records it (`com.docker.dockerfile.v1.command`).
    pub command: String,
    pub span: Span,
    pub ignore_cache: bool,
    pub platform: Platform,
}

#[derive(Debug, Clone)]
pub enum StepOp {
    Run(RunStep),
    Copy(CopyStep),
    /// WORKDIR's directory creation.
    Mkdir {
        path: String,
        user: Option<String>,
        timestamp: Option<i64>,
    },
}

#[derive(Debug, Clone)]
pub struct RunStep {
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub cwd: String,
    pub user: String,
    pub network: NetworkMode,
    pub insecure: bool,
    pub mounts: Vec<RunMountPlan>,
    pub proxy_env: Option<crate::proto::pb::ProxyEnv>,
    pub hostname: String,
    pub extra_hosts: Vec<(String, String)>,
    pub ulimits: Vec<crate::proto::pb::Ulimit>,
    pub shm_size: i64,
}

impl BuildPlan {
    /// Whether each stage, in Dockerfile order, is one the target needs.
    pub fn dispatched_stages(&self) -> Vec<bool> {
        self.stages.iter().map(|s| s.reachable).collect()
    }
}

impl RunStep {
    /// The shell script the RUN executes: the words after the shell's `-c`
    /// (`/bin/sh -c "…"`, or a SHELL's own `-c`), else the exec-form words
    /// joined, which is what the passes read to recognise commands.
    pub fn script(&self) -> String {
        match self.args.iter().position(|a| a == "-c") {
            Some(i) if i + 1 < self.args.len() => self.args[i + 1..].join(" "),
            _ => self.args.join(" "),
        }
    }
}

#[derive(Debug, Clone)]
pub enum RunMountPlan {
    Bind {
        target: String,
        from: FsRef,
        source: String,
        readonly: bool,
    },
    Cache {
        target: String,
        id: String,
        sharing: crate::proto::pb::CacheSharingOpt,
        from: FsRef,
        source: String,
        init: Option<(u32, u32, u32)>,
        readonly: bool,
    },
    Tmpfs {
        target: String,
        size: i64,
    },
    Secret {
        target: Option<String>,
        id: String,
        env: Option<String>,
        uid: u32,
        gid: u32,
        mode: u32,
        optional: bool,
    },
    Ssh {
        target: String,
        id: String,
        uid: u32,
        gid: u32,
        mode: u32,
        optional: bool,
    },
    /// An inline script (`RUN <<EOF` with a shebang) mounted read-only at `dir`.
    InlineFile {
        dir: String,
        file: String,
        data: Vec<u8>,
        mode: u32,
    },
    /// A single generated file mounted read-only at `target` for this step
    /// only (strata's apt settings); never part of the image.
    GeneratedFile {
        target: String,
        data: Vec<u8>,
    },
}

#[derive(Debug, Clone)]
pub struct CopyStep {
    pub sources: Vec<CopySource>,
    /// Absolute destination (trailing `/` kept).
    pub dest: String,
    pub owner: Option<String>,
    pub mode: Option<CopyMode>,
    pub link: bool,
    pub exclude: Vec<String>,
    pub timestamp: Option<i64>,
}

#[derive(Debug, Clone)]
pub enum CopySource {
    /// Files from the context or another stage.
    Fs {
        from: FsRef,
        /// Absolute path (may hold wildcards).
        path: String,
        include_patterns: Vec<String>,
        required_paths: Vec<String>,
        unpack: bool,
    },
    Git {
        remote: String,
        reference: Option<String>,
        subdir: Option<String>,
        keep_git_dir: bool,
        checksum: Option<String>,
        skip_submodules: bool,
    },
    Http {
        url: String,
        filename: String,
        checksum: Option<String>,
        unpack: bool,
    },
    /// A heredoc body written to a file called `name`.
    Inline { name: String, data: Vec<u8> },
}
