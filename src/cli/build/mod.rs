//! `strata build`: build a Dockerfile on a BuildKit engine. By default our
//! own frontend runs inside the CLI (the engine serves the LLBBridge API on
//! the Control connection); `--frontend dockerfile.v0` or `gateway.v0`
//! hands the build to another frontend, like buildctl.

mod fault;
pub mod merge;
pub mod outputs;
pub mod specs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use sha2::{Digest, Sha256};

use super::diagnostic::Diagnostic;
use super::engine_args::EngineArgs;
use super::inputs::parse_key_values;
use super::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK, engine_exit_code};
use crate::engine::{EngineError, SessionTransport};
use crate::frontend::bridge::BridgeError;
use crate::frontend::build::FrontendError;
use crate::gateway::GatewayBridge;
use crate::progress::{BuildOutcome, ProgressMode, SystemClock, TtyOptions, new_sink};
use crate::proto::control;
use crate::session::auth::DockerAuthConfig;
use crate::session::filesend::OutputTarget;
use crate::session::secrets::SecretSource;
use crate::session::ssh::AgentAccess;
use crate::session::{SessionInfo, builder::SessionBuilder};
use fault::Fault;
use outputs::{Staging, exporter_request, plan_outputs, takes_multiple_exporters};
use specs::{CacheSpec, OutputSpec, SecretSpec, SshSpec};

/// Exit code after an interrupt (128 + SIGINT), as shells report it.
/// Exit codes after a signal, as a shell reports them (128 + signal).
const EXIT_INTERRUPTED: i32 = 130;
const EXIT_TERMINATED: i32 = 143;

/// How long the solve may take to end after the in-process frontend failed
/// and Returned its error (the engine normally ends it at once). A solve
/// still running then is cancelled.
const FRONTEND_FAILURE_GRACE: Duration = Duration::from_secs(5);

/// How the in-process frontend ended without handing a result over.
#[derive(Debug, thiserror::Error)]
pub(crate) enum FrontendFailure {
    /// The build failed; the error was Returned to the engine.
    #[error(transparent)]
    Build(FrontendError),
    #[error("the engine did not serve the frontend bridge for this build: {0}")]
    NotReady(BridgeError),
    #[error("the engine refused the frontend's result: {0}")]
    ReturnRefused(BridgeError),
    /// The frontend task panicked (the panic's message).
    #[error("the frontend stopped unexpectedly: {0}")]
    Died(String),
}

/// Why the build's wait loop ended.
enum LoopEnd {
    /// The solve answered (or its task failed).
    Solved(Result<Result<control::SolveResponse, EngineError>, tokio::task::JoinError>),
    /// Ctrl-C or SIGTERM; the exit code to end with.
    Interrupted(i32),
    /// The frontend failed and the solve did not end in time.
    FrontendFailed,
}

type FrontendTask = tokio::task::JoinHandle<Result<(), FrontendFailure>>;

/// The frontend task's end; never, without a frontend task.
async fn join_frontend(
    task: &mut Option<FrontendTask>,
) -> Result<Result<(), FrontendFailure>, tokio::task::JoinError> {
    match task {
        Some(task) => task.await,
        None => std::future::pending().await,
    }
}

/// A failed task's panic message (or why it did not finish).
pub(crate) fn panic_message(join: tokio::task::JoinError) -> String {
    if !join.is_panic() {
        return join.to_string();
    }
    let payload = join.into_panic();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panicked".into())
}

/// Print a frontend failure; the exit code (2 for a Dockerfile error).
pub(crate) fn render_frontend_failure(failure: FrontendFailure) -> i32 {
    match failure {
        FrontendFailure::Build(FrontendError::Dockerfile {
            filename,
            text,
            error,
        }) => {
            let diag = Diagnostic::from_convert(&error, &filename);
            eprint!("{}", diag.render(Some(&text)));
            EXIT_BAD_INPUT
        }
        other => {
            eprintln!("error: {other}");
            EXIT_BUILD_FAILED
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Build context directory.
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
    /// Stage to build (default: the last one).
    #[arg(long)]
    pub target: Option<String>,
    /// Build-time variable, KEY=VALUE (repeatable; bare KEY reads the environment).
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_args: Vec<String>,
    /// Label for the image, KEY=VALUE (repeatable).
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Target platform(s), comma-separated (e.g. linux/amd64).
    #[arg(long)]
    pub platform: Option<String>,
    /// Do not use the cache for any step.
    #[arg(long)]
    pub no_cache: bool,
    /// Do not use the cache for these stages (repeatable).
    #[arg(long = "no-cache-filter", value_name = "STAGE")]
    pub no_cache_filter: Vec<String>,
    /// Network for RUN steps: default, none or host.
    #[arg(long)]
    pub network: Option<String>,
    /// Output: type=image,name=…[,push=true] | type=docker[,dest=…] | type=oci,dest=… |
    /// type=tar,dest=… | type=local,dest=… | DIR (repeatable).
    #[arg(short = 'o', long = "output", value_name = "SPEC")]
    pub outputs: Vec<String>,
    /// Image name and tag, NAME[:TAG] (repeatable). As buildx's docker driver:
    /// on Docker Engine the image is loaded by default; on buildkitd give
    /// --push (or --load, Docker Engine only).
    #[arg(short = 't', long = "tag", value_name = "NAME[:TAG]")]
    pub tags: Vec<String>,
    /// Push the tagged image to its registry (shorthand for -o type=image,name=TAG,push=true).
    #[arg(long)]
    pub push: bool,
    /// Load the image into Docker Engine (shorthand for -o type=docker,name=TAG).
    #[arg(long)]
    pub load: bool,
    /// Always look up base images in their registry, not the engine's store.
    #[arg(long)]
    pub pull: bool,
    /// Cache source: type=registry,ref=… | type=local,src=… | REF (repeatable).
    #[arg(long = "cache-from", value_name = "SPEC")]
    pub cache_from: Vec<String>,
    /// Cache destination: type=registry,ref=… | type=local,dest=… | type=inline (repeatable).
    #[arg(long = "cache-to", value_name = "SPEC")]
    pub cache_to: Vec<String>,
    /// Write the exporter response (image digest, …) as JSON to this file.
    #[arg(long = "metadata-file", value_name = "FILE")]
    pub metadata_file: Option<PathBuf>,
    /// Progress output: auto, tty, plain, rawjson or quiet.
    #[arg(long, default_value = "auto")]
    pub progress: String,
    /// Extra frontend option, KEY=VALUE (repeatable).
    #[arg(long = "opt", value_name = "KEY=VALUE")]
    pub opts: Vec<String>,
    /// Frontend: strata (built in, default), dockerfile.v0 (the engine's), or
    /// gateway.v0 with --opt source=IMAGE.
    #[arg(long, default_value = "strata")]
    pub frontend: String,
    /// Secret for RUN --mount=type=secret: id=ID,src=FILE | id=ID,env=VAR (repeatable).
    #[arg(long = "secret", value_name = "SPEC")]
    pub secrets: Vec<String>,
    /// SSH agent to forward, read-only (list keys, sign): default | ID=SOCKET
    /// (repeatable). ID=SOCKET,raw=true forwards the socket unfiltered, which
    /// lets RUN steps add, remove and lock the agent's keys.
    #[arg(long = "ssh", value_name = "SPEC")]
    pub ssh: Vec<String>,
    /// Extra local directory for the frontend, NAME=DIR (repeatable).
    #[arg(long = "local", value_name = "NAME=DIR")]
    pub locals: Vec<String>,
    /// Named build context, NAME=VALUE (repeatable): docker-image://REF, a git or
    /// http(s) URL, or a local directory; overrides `FROM NAME` / `COPY --from=NAME`.
    #[arg(long = "build-context", value_name = "NAME=VALUE")]
    pub build_contexts: Vec<String>,
    #[command(flatten)]
    pub passes: super::explain::PassArgs,
    #[command(flatten)]
    pub budgets: super::context::BudgetArgs,
    #[command(flatten)]
    pub report: super::why::ReportArgs,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Everything validated before the engine is contacted.
pub(crate) struct Prepared {
    pub(crate) context: PathBuf,
    pub(crate) dockerfile_dir: PathBuf,
    pub(crate) dockerfile_text: String,
    pub(crate) frontend_attrs: BTreeMap<String, String>,
    pub(crate) outputs: Vec<OutputSpec>,
    pub(crate) cache_from: Vec<CacheSpec>,
    pub(crate) cache_to: Vec<CacheSpec>,
    pub(crate) secrets: Vec<SecretSpec>,
    pub(crate) ssh: Vec<SshSpec>,
    pub(crate) locals: BTreeMap<String, PathBuf>,
    pub(crate) progress: ProgressMode,
    /// Passed to the exporters (`source-date-epoch`, `rewrite-timestamp`).
    pub(crate) source_date_epoch: Option<String>,
    /// Stamp facts still to gather (strata's own frontend only).
    pub(crate) stamp: Option<StampJob>,
}

/// `--build-context NAME=VALUE` → the frontend option key, and the directory to
/// serve as a session local when VALUE is a path (like buildx).
fn build_context_attr(name: &str, value: &str) -> Result<(String, Option<PathBuf>), String> {
    if name.is_empty() || value.is_empty() {
        return Err(format!(
            "--build-context {name}={value}: expected NAME=VALUE"
        ));
    }
    let key = format!("context:{name}");
    let is_source = value.contains("://")
        || value.starts_with("git@")
        || ["local:", "input:", "target:"]
            .iter()
            .any(|p| value.starts_with(p));
    if is_source {
        let ctx = crate::plan::NamedContext::parse(value)
            .map_err(|e| format!("--build-context {name}={value}: {e}"))?;
        match ctx {
            crate::plan::NamedContext::OciLayout { .. } => {
                return Err(format!(
                    "--build-context {name}={value}: oci-layout:// contexts need the client to serve an OCI content store over the session, which strata build does not do yet (docker buildx build --build-context {name}=oci-layout://DIR does; or push the image and use docker-image://REF)"
                ));
            }
            crate::plan::NamedContext::Input(_) => {
                return Err(format!(
                    "--build-context {name}={value}: input: contexts are frontend inputs that only a client building several targets passes (docker buildx bake); strata build has none"
                ));
            }
            _ => {}
        }
        return Ok((key, None));
    }
    let dir = PathBuf::from(value);
    if !dir.is_dir() {
        return Err(format!(
            "--build-context {name}={value}: not a directory (expected a directory, docker-image://REF, or a git/http(s) URL)"
        ));
    }
    Ok((key, Some(dir)))
}

fn bad(message: impl Into<String>) -> Diagnostic {
    Diagnostic::plain(message)
}

pub(crate) fn prepare(args: &BuildArgs) -> Result<Prepared, Box<(Diagnostic, Option<String>)>> {
    let plain = |d: Diagnostic| Box::new((d, None));
    if !args.context.is_dir() {
        let mut d = bad(format!(
            "build context {} is not a directory",
            args.context.display()
        ));
        d.expected = Some("an existing directory".into());
        return Err(plain(d));
    }
    let context = args
        .context
        .canonicalize()
        .map_err(|e| plain(bad(format!("{}: {e}", args.context.display()))))?;
    let df_path = args
        .file
        .clone()
        .unwrap_or_else(|| args.context.join("Dockerfile"));
    let bytes = std::fs::read(&df_path).map_err(|e| {
        plain(bad(format!(
            "cannot read Dockerfile {}: {e}",
            df_path.display()
        )))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        plain(bad(format!(
            "Dockerfile {} is not valid UTF-8",
            df_path.display()
        )))
    })?;
    let df_abs = df_path
        .canonicalize()
        .map_err(|e| plain(bad(format!("{}: {e}", df_path.display()))))?;
    let dockerfile_dir = df_abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("/"));
    let dockerfile_name = df_abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Dockerfile".into());
    if args.frontend == "strata" {
        // Fail fast, with the location, before contacting any engine.
        if let Err(e) = crate::dockerfile::parse(&text) {
            return Err(Box::new((
                Diagnostic::from_syntax(&e, &df_path.display().to_string()),
                Some(text),
            )));
        }
    }

    let mut attrs: BTreeMap<String, String> = BTreeMap::new();
    attrs.insert("filename".into(), dockerfile_name.clone());
    if let Some(t) = &args.target {
        attrs.insert("target".into(), t.clone());
    }
    for (k, v) in parse_key_values(&args.build_args, "--build-arg", true).map_err(plain)? {
        attrs.insert(format!("build-arg:{k}"), v);
    }
    for (k, v) in parse_key_values(&args.labels, "--label", false).map_err(plain)? {
        attrs.insert(format!("label:{k}"), v);
    }
    if let Some(p) = &args.platform {
        for one in p.split(',').filter(|s| !s.is_empty()) {
            crate::plan::platform::Platform::parse(one)
                .map_err(|e| plain(bad(format!("--platform: {e}"))))?;
        }
        attrs.insert("platform".into(), p.clone());
    }
    if args.no_cache {
        attrs.insert("no-cache".into(), String::new());
    } else if !args.no_cache_filter.is_empty() {
        attrs.insert("no-cache".into(), args.no_cache_filter.join(","));
    }
    if let Some(n) = &args.network {
        let mode = match n.as_str() {
            "default" | "sandbox" => "sandbox",
            "host" => "host",
            "none" => "none",
            other => {
                return Err(plain(bad(format!(
                    "--network {other:?}: expected default, none or host"
                ))));
            }
        };
        attrs.insert("force-network-mode".into(), mode.into());
    }
    for (k, v) in args.passes.settings() {
        attrs.insert(format!("strata-{k}"), v);
    }
    attrs.insert(
        "strata-cache-namespace".into(),
        shared_key(&context)[..12].to_string(),
    );
    // With stamping off (flag or directive) nothing needs the facts, and
    // gathering them reads every context file: skip the walk.
    let stamping = args.passes.options(&text).is_ok_and(|o| o.stamp);
    if args.frontend == "strata" {
        source_date_epoch_attr(&mut attrs).map_err(plain)?;
    }
    let stamp = if args.frontend == "strata" && stamping {
        Some(StampJob {
            context: context.clone(),
            dockerfile: df_abs.clone(),
            wants_info: wants_build_info(&attrs, &text),
        })
    } else {
        None
    };
    for (k, v) in parse_key_values(&args.opts, "--opt", false).map_err(plain)? {
        attrs.insert(k, v);
    }
    let source_date_epoch = attrs.get("build-arg:SOURCE_DATE_EPOCH").cloned();
    match args.frontend.as_str() {
        "strata" | "dockerfile.v0" => {}
        "gateway.v0" if attrs.contains_key("source") => {}
        "gateway.v0" => return Err(plain(bad("--frontend gateway.v0 needs --opt source=IMAGE"))),
        other => {
            return Err(plain(bad(format!(
                "--frontend {other:?}: expected strata, dockerfile.v0 or gateway.v0"
            ))));
        }
    }

    let mut outputs = args
        .outputs
        .iter()
        .map(|o| OutputSpec::parse(o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| plain(bad(e)))?;
    outputs
        .extend(specs::tag_outputs(&args.tags, args.push, args.load).map_err(|e| plain(bad(e)))?);
    if args.pull {
        attrs.insert("image-resolve-mode".into(), "pull".into());
    }
    let cache_from = args
        .cache_from
        .iter()
        .map(|c| CacheSpec::parse(c))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| plain(bad(format!("--cache-from: {e}"))))?;
    let cache_to = args
        .cache_to
        .iter()
        .map(|c| CacheSpec::parse(c))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| plain(bad(format!("--cache-to: {e}"))))?;
    let secrets = args
        .secrets
        .iter()
        .map(|s| SecretSpec::parse(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| plain(bad(e)))?;
    for s in &secrets {
        match &s.source {
            specs::SecretSource::File(p) if !p.is_file() => {
                return Err(plain(bad(format!(
                    "--secret id={}: source file {} does not exist",
                    s.id,
                    p.display()
                ))));
            }
            specs::SecretSource::Env(v) if std::env::var_os(v).is_none() => {
                return Err(plain(bad(format!(
                    "--secret id={}: environment variable {v} is not set",
                    s.id
                ))));
            }
            _ => {}
        }
    }
    let ssh = args
        .ssh
        .iter()
        .map(|s| SshSpec::parse(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| plain(bad(e)))?;
    let mut locals = BTreeMap::new();
    for (name, dir) in parse_key_values(&args.locals, "--local", false).map_err(plain)? {
        let p = PathBuf::from(&dir);
        if !p.is_dir() {
            return Err(plain(bad(format!("--local {name}={dir}: not a directory"))));
        }
        locals.insert(name, p);
    }
    for (name, value) in
        parse_key_values(&args.build_contexts, "--build-context", false).map_err(plain)?
    {
        let (key, local) = build_context_attr(&name, &value).map_err(|e| plain(bad(e)))?;
        if let Some(dir) = local {
            locals.insert(name.clone(), dir);
            attrs.insert(key, format!("local:{name}"));
        } else {
            attrs.insert(key, value);
        }
    }
    let progress = args
        .progress
        .parse::<ProgressMode>()
        .map_err(|e| plain(bad(e.to_string())))?;
    Ok(Prepared {
        context,
        dockerfile_dir,
        dockerfile_text: text,
        frontend_attrs: attrs,
        outputs,
        cache_from,
        cache_to,
        secrets,
        ssh,
        locals,
        progress,
        source_date_epoch,
        stamp,
    })
}

/// `SOURCE_DATE_EPOCH` from the environment (a `--build-arg` wins).
pub(crate) fn source_date_epoch_attr(
    attrs: &mut BTreeMap<String, String>,
) -> Result<(), Diagnostic> {
    if !attrs.contains_key("build-arg:SOURCE_DATE_EPOCH")
        && let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH")
        && !epoch.trim().is_empty()
    {
        epoch.trim().parse::<i64>().map_err(|_| {
            bad(format!(
                "SOURCE_DATE_EPOCH={epoch:?} is not a number of seconds"
            ))
        })?;
        attrs.insert(
            "build-arg:SOURCE_DATE_EPOCH".into(),
            epoch.trim().to_string(),
        );
    }
    Ok(())
}

/// Whether the build writes a build-info file (`build-info=` in the
/// directive or `--build-info`): then the stamp facts list every file.
pub(crate) fn wants_build_info(attrs: &BTreeMap<String, String>, text: &str) -> bool {
    let mut directive = crate::plan::passes::PassOptions::default();
    let _ = directive.apply_directive(text);
    directive.build_info.is_some()
        || attrs
            .get("strata-build-info")
            .is_some_and(|v| !v.is_empty() && v != "off")
}

/// Stamp facts only the client can know: git in the context, the context's
/// digest over exactly the files sent, and the time. They take a few git
/// runs and a read of every context file, and only the frontend's last
/// step needs them, so [`run_build`] gathers them while it connects.
#[derive(Debug, Clone)]
pub(crate) struct StampJob {
    pub(crate) context: PathBuf,
    pub(crate) dockerfile: PathBuf,
    pub(crate) wants_info: bool,
}

impl StampJob {
    /// The facts as frontend options (`strata-vcs-*`, `strata-now`,
    /// `strata-context-digest`, `strata-context-files`).
    pub(crate) fn facts(&self) -> Result<Vec<(String, String)>, Diagnostic> {
        let mut out = Vec::new();
        // git and the context's hashes read different things: both at once.
        let (git, context) = std::thread::scope(|s| {
            let git = s.spawn(|| super::vcs::git_facts(&self.context));
            let context = self.context_facts();
            (git.join().unwrap_or_default(), context)
        });
        let mut put = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k.to_string(), v));
            }
        };
        put("strata-vcs-revision", git.revision);
        put("strata-vcs-branch", git.branch);
        put("strata-vcs-source", git.source);
        put("strata-vcs-dirty", git.dirty.map(|d| d.to_string()));
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        put("strata-now", Some(now.to_string()));
        let facts = context?;
        if let Some(line) = facts.warning(&self.context) {
            eprintln!("{line}");
        }
        let (digest, files) = (facts.digest, facts.files);
        out.push(("strata-context-digest".into(), digest));
        // The per-file list goes into the build-info file, when there is one (for `strata verify`).
        if self.wants_info && files.len() <= 20_000 {
            let list: String = files.iter().map(|(p, h)| format!("{h} {p}\n")).collect();
            out.push(("strata-context-files".into(), list));
        }
        Ok(out)
    }

    /// The context's digest and per-file hashes, over the files the engine receives.
    fn context_facts(&self) -> Result<super::vcs::ContextFacts, Diagnostic> {
        let excludes = super::inputs::read_dockerignore(Some(&self.dockerfile), &self.context)?;
        super::vcs::context_facts(&self.context, &excludes).map_err(|e| {
            bad(format!(
                "cannot read the build context {}: {e}",
                self.context.display()
            ))
        })
    }
}

/// A random id in BuildKit's style (25 base-32 characters).
pub fn random_id() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let filled = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .is_ok();
    if !filled {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        bytes = (t ^ (std::process::id() as u128) << 64).to_le_bytes();
    }
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut n = u128::from_le_bytes(bytes);
    (0..25)
        .map(|_| {
            let c = ALPHABET[(n % 32) as usize] as char;
            n /= 32;
            c
        })
        .collect()
}

/// The key that lets the engine reuse a previous transfer of this directory.
pub(crate) fn shared_key(dir: &Path) -> String {
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let mut h = Sha256::new();
    h.update(host.trim().as_bytes());
    h.update(b"\0");
    h.update(dir.as_os_str().as_encoded_bytes());
    hex::encode(&h.finalize()[..16])
}

pub(crate) fn cache_entries(specs: &[CacheSpec]) -> Vec<control::CacheOptionsEntry> {
    specs
        .iter()
        .map(|c| control::CacheOptionsEntry {
            r#type: c.kind.clone(),
            attrs: c.attrs.clone().into_iter().collect(),
        })
        .collect()
}

pub fn run(args: BuildArgs) -> i32 {
    tracing::debug!("build: started");
    if let Err(code) = super::context::before_build(&args) {
        return code;
    }
    let prepared = match prepare(&args) {
        Ok(p) => p,
        Err(failure) => {
            let (diag, source) = *failure;
            eprint!("{}", diag.render(source.as_deref()));
            return EXIT_BAD_INPUT;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return EXIT_BUILD_FAILED;
        }
    };
    let code = runtime.block_on(run_build(&args, prepared));
    tracing::debug!(code, "build: done");
    code
}

pub(crate) fn render_engine_error(e: &EngineError, dockerfile: &str, text: &str) -> String {
    let mut d = Diagnostic::plain(e.to_string());
    if let EngineError::Rpc(rpc) = e {
        d.message = rpc.message.clone();
        if let Some((_, lines)) = rpc.source()
            && let Some((start, end)) = lines.first()
        {
            let (start, end) = ((*start).max(1), *end);
            let end = end.max(start) as u32;
            let start = start as u32;
            d.file = Some(dockerfile.to_string());
            d.span = Some(crate::dockerfile::Span::new(
                crate::dockerfile::Position::new(start, 1),
                crate::dockerfile::Position::new(end, 1),
            ));
        }
    }
    let mut rendered = d.render(Some(text));
    if let Some(hint) = engine_error_hint(&e.to_string()) {
        rendered.push_str(hint);
        rendered.push('\n');
    }
    rendered
}

/// What to do about an engine failure whose cause the engine's own text
/// does not make plain.
fn engine_error_hint(message: &str) -> Option<&'static str> {
    // Docker Engine started without a bridge network (`--bridge=none`, as
    // rootless and CI setups often are) cannot give RUN steps the default
    // network; the host's network works there.
    message.contains("network bridge not found").then_some(
        "hint: this Docker Engine has no bridge network for RUN steps; build with --network host \
         (or --network none if the steps need no network)",
    )
}

/// A failed write into a staged output (disk full, say) comes back from
/// the engine naming the temporary path; the user chose the destination, so
/// the message names that instead.
fn name_outputs(message: &str, stagings: &[Staging]) -> String {
    stagings.iter().fold(message.to_string(), |m, s| {
        m.replace(&*s.temp.to_string_lossy(), &s.dest.to_string_lossy())
    })
}

async fn run_build(args: &BuildArgs, p: Prepared) -> i32 {
    let started = std::time::Instant::now();
    tracing::debug!("build: prepared");
    // Stamp facts (git, the context's digest) come from the client's disk:
    // gather them while connecting to the engine and opening the session.
    let stamp_task = p.stamp.clone().map(|job| {
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let facts = job.facts();
            tracing::debug!(
                elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
                "build: stamp facts"
            );
            facts
        })
    });
    let df_display = args
        .file
        .clone()
        .unwrap_or_else(|| args.context.join("Dockerfile"))
        .display()
        .to_string();
    let engine = match args.engine.connect().await {
        Ok(e) => e,
        Err(e) => return super::engine_args::report_connect_error(&e),
    };
    tracing::debug!("build: engine connected");
    let build_id = random_id();
    let docker_engine = matches!(
        engine.session_transport(),
        SessionTransport::DockerUpgrade(_)
    ) || engine.docker_version().is_some();
    let planned = match plan_outputs(&p.outputs, docker_engine, &build_id) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let stagings: Vec<Staging> = planned.iter().filter_map(|o| o.staging.clone()).collect();
    let mut created_dirs: Vec<PathBuf> = Vec::new();
    for s in &stagings {
        match s.prepare() {
            Ok(dirs) => created_dirs.extend(dirs),
            Err(e) => {
                eprintln!("error: cannot prepare output {}: {e}", s.dest.display());
                return EXIT_BAD_INPUT;
            }
        }
    }
    // A failed build leaves nothing behind: no partial files, no new empty directories.
    let discard_all = || {
        stagings.iter().for_each(Staging::discard);
        for dir in &created_dirs {
            let _ = std::fs::remove_dir(dir);
        }
    };

    let mut outputs: Vec<(control::Exporter, Option<OutputTarget>)> = planned
        .iter()
        .map(|o| {
            let target = o
                .staging
                .as_ref()
                .filter(|s| s.via_session)
                .map(Staging::target);
            (o.exporter.clone(), target)
        })
        .collect();
    if let Some(epoch) = &p.source_date_epoch {
        for (e, _) in &mut outputs {
            // BuildKit ≥ 0.13 clamps layer file times to the epoch with
            // rewrite-timestamp (image, oci, docker exporters); the Docker
            // Engine's moby exporter takes source-date-epoch for the config.
            e.attrs.insert("source-date-epoch".into(), epoch.clone());
            if matches!(e.r#type.as_str(), "image" | "oci" | "docker") {
                e.attrs.insert("rewrite-timestamp".into(), "true".into());
            }
        }
    }
    let engine_name = match (engine.docker_version(), engine.buildkit_version()) {
        (Some(d), _) => format!("Docker Engine {}", d.version),
        (None, Some(b)) => format!("BuildKit {}", b.version),
        (None, None) => "BuildKit older than 0.11".to_string(),
    };
    let multiple = takes_multiple_exporters(
        engine.buildkit_version().map(|v| v.version.as_str()),
        engine.docker_version().map(|d| d.api_version.as_str()),
    );
    let mut exports = match exporter_request(outputs, multiple, &engine_name) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            discard_all();
            return EXIT_BAD_INPUT;
        }
    };

    // The session: locals, secrets, auth, ssh and output receivers.
    let info = SessionInfo {
        id: random_id(),
        name: p
            .context
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "context".into()),
        shared_key: shared_key(&p.context),
    };
    let mut session = SessionBuilder::new(info.clone())
        .local_dir("context", &p.context)
        .local_dir("dockerfile", &p.dockerfile_dir);
    for (name, dir) in &p.locals {
        session = session.local_dir(name.clone(), dir.clone());
    }
    for s in &p.secrets {
        let source = match &s.source {
            specs::SecretSource::File(f) => SecretSource::File(f.clone()),
            specs::SecretSource::Env(v) => SecretSource::Env(v.clone()),
        };
        session = session.secret(s.id.clone(), source);
    }
    match DockerAuthConfig::load_default() {
        Ok(auth) => session = session.docker_auth(auth),
        Err(e) => tracing::debug!("no registry credentials: {e}"),
    }
    for s in &p.ssh {
        let socket = match s.paths.first() {
            Some(path) => path.clone(),
            None => match std::env::var_os("SSH_AUTH_SOCK") {
                Some(sock) => PathBuf::from(sock),
                None => {
                    eprintln!(
                        "error: --ssh {}: SSH_AUTH_SOCK is not set; give ID=SOCKET",
                        s.id
                    );
                    discard_all();
                    return EXIT_BAD_INPUT;
                }
            },
        };
        let access = if s.raw {
            AgentAccess::Raw
        } else {
            AgentAccess::ReadOnly
        };
        session = session.ssh_with(s.id.clone(), socket, access);
    }
    for (id, target) in std::mem::take(&mut exports.targets) {
        session = session.output(id, target);
    }
    let session_handle = match engine.attach_session(&info, session.build()).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: cannot open a session with the engine: {e}");
            discard_all();
            return engine_exit_code(&e);
        }
    };

    tracing::debug!("build: session attached");
    let mut attrs = p.frontend_attrs.clone();
    if let Some(task) = stamp_task {
        match task.await {
            // `--opt` given for the same key wins, as it did when the facts
            // were gathered before the options were applied.
            Ok(Ok(facts)) => {
                for (k, v) in facts {
                    attrs.entry(k).or_insert(v);
                }
            }
            Ok(Err(diag)) => {
                eprint!("{}", diag.render(None));
                discard_all();
                return EXIT_BAD_INPUT;
            }
            Err(e) => {
                eprintln!("error: gathering the stamp facts failed: {e}");
                discard_all();
                return EXIT_BUILD_FAILED;
            }
        }
    }
    if !p.cache_from.is_empty() {
        let imports: Vec<serde_json::Value> = p
            .cache_from
            .iter()
            .map(|c| serde_json::json!({ "Type": c.kind, "Attrs": c.attrs }))
            .collect();
        attrs.insert(
            "cache-imports".into(),
            serde_json::to_string(&imports).unwrap_or_default(),
        );
    }
    let client_frontend = args.frontend == "strata";
    let request = control::SolveRequest {
        r#ref: build_id.clone(),
        session: info.id.clone(),
        frontend: if client_frontend {
            String::new()
        } else {
            args.frontend.clone()
        },
        frontend_attrs: if client_frontend {
            BTreeMap::new()
        } else {
            attrs.clone()
        },
        exporter_deprecated: exports.exporter_deprecated,
        exporter_attrs_deprecated: exports.exporter_attrs_deprecated,
        exporters: exports.exporters,
        cache: Some(control::CacheOptions {
            imports: cache_entries(&p.cache_from),
            exports: cache_entries(&p.cache_to),
            ..Default::default()
        }),
        // Like buildx: `--network host` asks for the engine's network.host entitlement
        // (without it BuildKit refuses the LLB with "network.host is not allowed").
        entitlements: if args.network.as_deref() == Some("host") {
            vec!["network.host".into()]
        } else {
            Vec::new()
        },
        ..Default::default()
    };

    let mut sink = new_sink(
        p.progress,
        std::io::stderr(),
        Arc::new(SystemClock),
        TtyOptions {
            width: crate::progress::terminal_width(),
            follow_terminal: true,
            ..Default::default()
        },
    );
    let solve_engine = engine.clone();
    let mut solve = tokio::spawn(async move { solve_engine.solve(request).await });
    let (status_tx, mut status_rx) = tokio::sync::mpsc::channel(256);
    let status_engine = engine.clone();
    let status_ref = build_id.clone();
    let status_task = tokio::spawn(async move {
        if let Ok(mut stream) = status_engine.status(&status_ref).await {
            while let Some(Ok(msg)) = stream.next().await {
                if status_tx.send(msg).await.is_err() {
                    break;
                }
            }
        }
    });

    // The client-side frontend runs beside the solve and hands its result back through Return.
    let fault = fault::injected();
    let mut frontend_task = client_frontend.then(|| {
        let bridge = GatewayBridge::new(
            engine.channel(),
            Some(build_id.clone()),
            attrs.clone(),
            Some(info.id.clone()),
        );
        tokio::spawn(async move {
            if let Err(e) = bridge.wait_ready(Duration::from_secs(30)).await {
                return Err(FrontendFailure::NotReady(e));
            }
            tracing::debug!("build: frontend bridge ready");
            match crate::frontend::build::build(&bridge).await {
                Ok(mut result) => {
                    match fault {
                        Some(Fault::FrontendPanic) => {
                            panic!("injected fault (STRATA_FAULT=frontend-panic)")
                        }
                        Some(Fault::FrontendReturnError) => {
                            for p in &mut result.platforms {
                                p.reference = Some(fault::MISSING_REF.into());
                            }
                        }
                        None => {}
                    }
                    bridge
                        .return_result(&result)
                        .await
                        .map_err(FrontendFailure::ReturnRefused)
                }
                Err(e) => {
                    let _ = bridge.return_error(&e.to_string()).await;
                    Err(FrontendFailure::Build(e))
                }
            }
        })
    });

    // The solve ends when the frontend's Return reaches the engine; a
    // frontend that fails without one (a panic, a refused Return, a bridge
    // that never got ready) would leave it waiting forever, so the frontend
    // task is watched as closely as the solve.
    let mut frontend_done = frontend_task.is_none();
    let mut frontend_failure: Option<FrontendFailure> = None;
    let cancel_at = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(cancel_at);
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    let ctrl_c = interrupt_signal();
    tokio::pin!(ctrl_c);
    let loop_end = loop {
        tokio::select! {
            r = &mut solve => break LoopEnd::Solved(r),
            r = join_frontend(&mut frontend_task), if !frontend_done => {
                frontend_done = true;
                let grace = match r {
                    // Delivered: the engine now exports; the solve says how that went.
                    Ok(Ok(())) => continue,
                    // The frontend Returned its error: the engine normally
                    // ends the solve with it at once.
                    Ok(Err(e @ FrontendFailure::Build(_))) => {
                        frontend_failure = Some(e);
                        FRONTEND_FAILURE_GRACE
                    }
                    // No Return reached the engine: nothing will end the solve.
                    Ok(Err(e)) => {
                        frontend_failure = Some(e);
                        Duration::ZERO
                    }
                    Err(join) => {
                        frontend_failure = Some(FrontendFailure::Died(panic_message(join)));
                        Duration::ZERO
                    }
                };
                tracing::debug!("build: frontend failed; solve gets {grace:?} to end");
                cancel_at.as_mut().reset(tokio::time::Instant::now() + grace);
            }
            _ = &mut cancel_at, if frontend_failure.is_some() => break LoopEnd::FrontendFailed,
            Some(msg) = status_rx.recv() => { let _ = sink.update(&msg); }
            _ = ticker.tick() => { let _ = sink.tick(); }
            code = &mut ctrl_c => break LoopEnd::Interrupted(code),
        }
    };
    // Drain the remaining status messages: the engine ends the stream once
    // the job is done, which on a loaded engine can lag the solve's answer
    // by seconds; the deadline only guards against a stream that never ends.
    // After Ctrl-C or a failed frontend the job is still being cancelled:
    // show what arrived, don't wait.
    tracing::debug!("build: solve answered");
    let drain_for = if matches!(loop_end, LoopEnd::Solved(_)) {
        Duration::from_secs(20)
    } else {
        Duration::from_millis(200)
    };
    let drain_deadline = tokio::time::Instant::now() + drain_for;
    while let Ok(Some(msg)) = tokio::time::timeout_at(drain_deadline, status_rx.recv()).await {
        let _ = sink.update(&msg);
    }
    status_task.abort();
    tracing::debug!("build: status drained");

    // The solve answered first: the frontend has already Returned (or
    // failed), so its outcome is at most moments away.
    if let (Some(task), false, LoopEnd::Solved(_)) = (&mut frontend_task, frontend_done, &loop_end)
    {
        match tokio::time::timeout(Duration::from_secs(5), task).await {
            Ok(Ok(Err(e))) => frontend_failure = Some(e),
            Ok(Err(join)) => frontend_failure = Some(FrontendFailure::Died(panic_message(join))),
            Ok(Ok(Ok(()))) | Err(_) => {}
        }
    }
    if let Some(task) = &frontend_task {
        task.abort();
    }

    let code = match loop_end {
        LoopEnd::Interrupted(code) => {
            solve.abort();
            let _ = sink.finish(&BuildOutcome::Canceled);
            eprintln!("build canceled");
            discard_all();
            code
        }
        LoopEnd::FrontendFailed => {
            // Dropping the Control.Solve call makes the engine cancel the job.
            solve.abort();
            discard_all();
            let failure = frontend_failure.expect("set before the loop ends this way");
            let _ = sink.finish(&BuildOutcome::Failed(failure.to_string()));
            render_frontend_failure(failure)
        }
        LoopEnd::Solved(Err(join)) => {
            let _ = sink.finish(&BuildOutcome::Failed(join.to_string()));
            discard_all();
            EXIT_BUILD_FAILED
        }
        LoopEnd::Solved(Ok(Err(e))) => {
            discard_all();
            let _ = sink.finish(&BuildOutcome::Failed(e.to_string()));
            match frontend_failure {
                Some(failure) => render_frontend_failure(failure),
                None => {
                    let rendered = render_engine_error(&e, &df_display, &p.dockerfile_text);
                    eprint!("{}", name_outputs(&rendered, &stagings));
                    engine_exit_code(&e)
                }
            }
        }
        LoopEnd::Solved(Ok(Ok(response))) => {
            let _ = sink.finish(&BuildOutcome::Success);
            // Budgets: after the build, before anything is pushed, saved or moved into place.
            let outcome = super::context::BuildOutcomeFacts {
                args,
                context: &p.context,
                dockerfile_text: &p.dockerfile_text,
                planned: &planned,
                response: &response,
                docker_engine,
                elapsed: started.elapsed(),
            };
            if let Some(code) = tokio::task::block_in_place(|| outcome.check_budgets()) {
                discard_all();
                session_handle.close().await;
                return code;
            }
            // Post-export steps (push, docker save) are part of the build:
            // when one fails, no output appears, not even the finished ones.
            // Ctrl-C must still stop them.
            let exported = tokio::select! {
                r = after_export(&engine, &planned) => r,
                code = &mut ctrl_c => {
                    eprintln!("build canceled");
                    discard_all();
                    session_handle.close().await;
                    return code;
                }
            };
            let code = match exported {
                Err(e) => {
                    eprintln!("error: {e}");
                    discard_all();
                    EXIT_BUILD_FAILED
                }
                Ok(()) => commit_outputs(&stagings, args.metadata_file.as_deref(), &response),
            };
            if p.outputs.is_empty() && p.progress != ProgressMode::RawJson {
                eprintln!("note: no --output given; the result stays in the build cache only");
            }
            code
        }
    };
    session_handle.close().await;
    let hook = (
        &build_id,
        &p.context,
        &p.dockerfile_text,
        &attrs,
        p.progress,
    );
    super::why::after_build(&engine, args, hook, code).await;
    code
}

/// Resolves on Ctrl-C, or on the SIGTERM a CI runner or `timeout` sends
/// when it cancels a job: both cancel the solve and discard the staged
/// outputs, where the default SIGTERM action would leave the hidden
/// partial outputs behind. Returns the exit code (128 + signal).
pub(crate) async fn interrupt_signal() -> i32 {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => EXIT_INTERRUPTED,
        Some(()) = async {
            match term.as_mut() {
                Some(t) => t.recv().await,
                None => std::future::pending().await,
            }
        } => EXIT_TERMINATED,
    }
}

/// Move every staged output into place, then write the metadata file.
pub(crate) fn commit_outputs(
    stagings: &[Staging],
    metadata_file: Option<&Path>,
    response: &control::SolveResponse,
) -> i32 {
    let mut code = EXIT_OK;
    for s in stagings {
        if let Err(e) = s.commit() {
            eprintln!(
                "error: cannot move output into place at {}: {e}",
                s.dest.display()
            );
            s.discard();
            code = EXIT_BUILD_FAILED;
        }
    }
    if let Some(path) = metadata_file {
        let json = serde_json::to_vec_pretty(&response.exporter_response).unwrap_or_default();
        if let Err(e) = std::fs::write(path, json) {
            eprintln!("error: cannot write metadata file {}: {e}", path.display());
            code = EXIT_BUILD_FAILED;
        }
    }
    code
}

/// Finish outputs the engine cannot produce itself (Docker Engine: push, save).
pub(crate) async fn after_export(
    engine: &crate::engine::Engine,
    planned: &[outputs::PlannedOutput],
) -> Result<(), String> {
    use crate::engine::{Endpoint, docker};
    for out in planned {
        let Some(after) = &out.after else { continue };
        let Endpoint::Docker(socket) = engine.endpoint() else {
            return Err(
                "pushing and saving images afterwards needs a Docker Engine endpoint".into(),
            );
        };
        match after {
            outputs::AfterExport::Push { name } => {
                eprintln!("pushing {name}");
                docker::push_image(socket, name, registry_auth(name).await.as_deref()).await?;
            }
            outputs::AfterExport::Save { name, temporary } => {
                let Some(staging) = &out.staging else {
                    continue;
                };
                // Into the staged name, synced before it may be renamed into place.
                let failed =
                    |e: String| format!("cannot write output {}: {e}", staging.dest.display());
                let mut file = tokio::fs::File::create(&staging.temp)
                    .await
                    .map_err(|e| failed(e.to_string()))?;
                let saved = docker::save_image(socket, name, &mut file).await;
                if *temporary {
                    let _ = docker::remove_image(socket, name).await;
                }
                saved.map_err(failed)?;
                file.sync_all().await.map_err(|e| failed(e.to_string()))?;
            }
        }
    }
    Ok(())
}

/// `X-Registry-Auth` for an image's registry from the Docker config (and
/// its credential helpers), if any.
async fn registry_auth(image: &str) -> Option<String> {
    use base64::Engine as _;
    let host = crate::plan::reference::ImageRef::parse(image).ok()?.domain;
    let config = DockerAuthConfig::load_default().ok()?;
    let creds = match crate::session::auth::AuthService::new(config)
        .credentials_for(&host)
        .await
    {
        Ok(c) => c,
        Err(message) => {
            eprintln!("warning: {message}; pushing without credentials");
            return None;
        }
    };
    if creds.username.is_empty() && creds.secret.is_empty() {
        return None;
    }
    let json = serde_json::json!({ "username": creds.username, "password": creds.secret, "serveraddress": host });
    Some(base64::engine::general_purpose::URL_SAFE.encode(json.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_look_like_buildkits() {
        let a = random_id();
        let b = random_id();
        assert_eq!(a.len(), 25);
        assert_ne!(a, b);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        );
    }

    #[test]
    fn build_contexts_the_cli_cannot_serve_are_refused_clearly() {
        let digest = format!("sha256:{}", "a".repeat(64));
        let err = build_context_attr("base", &format!("oci-layout://store@{digest}"))
            .expect_err("no OCI store service");
        assert!(
            err.contains("oci-layout://") && err.contains("docker-image://"),
            "{err}"
        );
        let err = build_context_attr("base", "input:x").expect_err("no inputs");
        assert!(err.contains("bake"), "{err}");
        assert_eq!(
            build_context_attr("base", "docker-image://alpine").expect("image"),
            ("context:base".to_string(), None)
        );
    }
}
