//! `strata build`: build a Dockerfile on a BuildKit engine. By default our
//! own frontend runs inside the CLI (the engine serves the LLBBridge API on
//! the Control connection); `--frontend dockerfile.v0` or `gateway.v0`
//! hands the build to another frontend, like buildctl.
//!
//! The command runs in four parts, one module each after this one:
//! - this module: the flags and [`prepare`], which validates everything
//!   that needs no engine (the Dockerfile parses, files exist, specs are
//!   well formed) and turns the flags into frontend options;
//! - [`setup`]: connect, stage the outputs, open the session, assemble the
//!   solve request;
//! - [`solve`]: the solve supervisor (solve, status stream, in-process
//!   frontend, signals);
//! - [`finalise`]: the output finaliser (checks on the result, push/save,
//!   outputs moved into place, metadata file).

mod call;
mod fault;
mod finalise;

// `strata build --compose` (src/cli/compose) runs several builds with
// these same parts.
pub(crate) use finalise::{after_export, commit_outputs, render_engine_error};
pub(crate) use setup::cache_entries;
pub(crate) use solve::{FrontendFailure, interrupt_signal, panic_message};
mod hints;
pub mod merge;
mod metadata;
pub mod outputs;
mod remote;
mod setup;
mod solve;
pub mod specs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use sha2::{Digest, Sha256};

use super::EXIT_BAD_INPUT;
use super::EXIT_BUILD_FAILED;
use super::diagnostic::Diagnostic;
use super::engine_args::EngineArgs;
use super::inputs::parse_key_values;
use crate::progress::ProgressMode;
use specs::{CacheSpec, OutputSpec, SecretSpec, SshSpec};

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Build context: a directory, `-` (a tar or compressed tar on standard
    /// input, or a lone Dockerfile), a Git URL (`https://host/repo.git#ref:dir`)
    /// or an HTTP(S) URL of a tarball or a Dockerfile.
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile); for a URL or `-`
    /// context, the path inside that context.
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
    /// --push or --load.
    #[arg(short = 't', long = "tag", value_name = "NAME[:TAG]")]
    pub tags: Vec<String>,
    /// Push the tagged image to its registry (shorthand for -o type=image,name=TAG,push=true).
    #[arg(long)]
    pub push: bool,
    /// Load the image into Docker (shorthand for -o type=docker,name=TAG). On
    /// buildkitd the image is exported as a tarball and loaded into the Docker
    /// daemon at DOCKER_HOST (else /var/run/docker.sock), as buildx does.
    #[arg(long)]
    pub load: bool,
    /// Always look up base images in their registry, not the engine's store.
    #[arg(long)]
    pub pull: bool,
    /// Cache source: REF | type=registry,ref=… | type=local,src=… | type=gha | type=s3,… |
    /// type=azblob,… (repeatable).
    #[arg(long = "cache-from", value_name = "SPEC")]
    pub cache_from: Vec<String>,
    /// Cache destination: REF | type=registry,ref=… | type=local,dest=… | type=inline |
    /// type=gha | type=s3,… | type=azblob,… (repeatable).
    #[arg(long = "cache-to", value_name = "SPEC")]
    pub cache_to: Vec<String>,
    /// Write the build's metadata as JSON to this file, with buildx's keys
    /// (containerimage.digest, containerimage.config.digest, image.name,
    /// buildx.build.ref, …).
    #[arg(long = "metadata-file", value_name = "FILE")]
    pub metadata_file: Option<PathBuf>,
    /// Write the image ID (the config digest) to this file.
    #[arg(long = "iidfile", value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Progress output: auto, tty, plain, rawjson or quiet.
    #[arg(long, default_value = "auto")]
    pub progress: String,
    /// Print no progress, only the image ID (if the build makes an image) on stdout.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// What to evaluate: build (the default), check (the build checks),
    /// outline (the target's build args, secrets and ssh ids) or targets (the stages).
    #[arg(long, value_name = "METHOD", default_value = "build")]
    pub call: String,
    /// Shorthand for --call=check.
    #[arg(long)]
    pub check: bool,
    /// Host-to-IP mapping for RUN steps, HOST:IP (repeatable).
    #[arg(long = "add-host", value_name = "HOST:IP")]
    pub add_hosts: Vec<String>,
    /// Size of /dev/shm for RUN steps (e.g. 64m, 1g).
    #[arg(long = "shm-size", value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Resource limit for RUN steps, NAME=SOFT[:HARD] (repeatable), e.g. nofile=1024:2048.
    #[arg(long = "ulimit", value_name = "NAME=SOFT[:HARD]")]
    pub ulimits: Vec<String>,
    /// Extra privileged entitlement: network.host or security.insecure (repeatable;
    /// the engine must allow it too).
    #[arg(long = "allow", value_name = "ENTITLEMENT")]
    pub allow: Vec<String>,
    /// Attestation, as buildx: `type=sbom[,generator=IMAGE][,KEY=VALUE…]`
    /// (provenance is not supported).
    #[arg(long = "attest", value_name = "SPEC", hide_short_help = true)]
    pub attest: Vec<String>,
    /// SBOM attestation: `true`, `false` or `generator=IMAGE[,KEY=VALUE…]`
    /// (shorthand for `--attest type=sbom,…`). Written by local and tar
    /// outputs and BuildKit's image exporters; Docker Engine's image store
    /// keeps none.
    #[arg(long = "sbom", value_name = "BOOL|SPEC", hide_short_help = true)]
    pub sbom: Option<String>,
    /// Not supported: strata's frontend makes no provenance attestation.
    #[arg(long = "provenance", value_name = "BOOL|SPEC", hide_short_help = true)]
    pub provenance: Option<String>,
    /// Not supported: image annotations are not passed to the exporters yet.
    #[arg(long = "annotation", value_name = "KEY=VALUE", hide_short_help = true)]
    pub annotations: Vec<String>,
    /// Not supported: strata's frontend does not set a parent cgroup for RUN steps.
    #[arg(long = "cgroup-parent", value_name = "CGROUP", hide_short_help = true)]
    pub cgroup_parent: Option<String>,
    /// Extra frontend option, KEY=VALUE (repeatable).
    #[arg(long = "opt", value_name = "KEY=VALUE")]
    pub opts: Vec<String>,
    /// Frontend: strata (built in, default), dockerfile.v0 (the engine's), or
    /// gateway.v0 with --opt source=IMAGE.
    #[arg(long, default_value = "strata")]
    pub frontend: String,
    /// Secret for RUN --mount=type=secret: id=ID,src=FILE | id=ID,env=VAR | id=VAR
    /// (the environment variable named like the id) (repeatable).
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
    /// Extra entitlements for the solve (`--network host`, `--allow`).
    pub(crate) entitlements: Vec<String>,
    /// `-q`: print the image ID on stdout at the end.
    pub(crate) quiet: bool,
    /// A context that is not a local directory (kept for the build).
    pub(crate) remote: Option<remote::RemoteContext>,
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
    // `-` or a URL: no local context (see remote.rs).
    let remote = remote::for_arg(&args.context).map_err(plain)?;
    if remote.is_none() && !args.context.is_dir() {
        let mut d = bad(format!(
            "build context {} is not a directory",
            args.context.display()
        ));
        d.expected = Some("an existing directory".into());
        return Err(plain(d));
    }
    let context = match &remote {
        Some(r) => r.context_dir(),
        None => args
            .context
            .canonicalize()
            .map_err(|e| plain(bad(format!("{}: {e}", args.context.display()))))?,
    };
    let df_path = match &remote {
        Some(r) => r.dockerfile_dir().join(remote::dockerfile_name(None)),
        None => args
            .file
            .clone()
            .unwrap_or_else(|| args.context.join("Dockerfile")),
    };
    if let Some(r) = &remote
        && r.dockerfile.is_none()
    {
        // The Dockerfile is in the remote context: the frontend reads it.
        let _ = std::fs::write(&df_path, "");
    }
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
    if args.frontend == "strata" && remote.as_ref().is_none_or(|r| r.dockerfile.is_some()) {
        // Fail fast, with the location, before contacting any engine.
        match crate::dockerfile::parse(&text) {
            Err(e) => {
                return Err(Box::new((
                    Diagnostic::from_syntax(&e, &df_path.display().to_string()),
                    Some(text),
                )));
            }
            Ok(df) => {
                if let Some(d) = bad_run_mount(&df, &df_path.display().to_string()) {
                    return Err(Box::new((d, Some(text))));
                }
            }
        }
    }

    let mut attrs: BTreeMap<String, String> = BTreeMap::new();
    attrs.insert("filename".into(), dockerfile_name.clone());
    if let Some(r) = &remote
        && r.dockerfile.is_none()
    {
        // `-f` names the Dockerfile inside the remote context.
        attrs.insert(
            "filename".into(),
            remote::dockerfile_name(args.file.as_deref()),
        );
        if let Some(url) = &r.url {
            attrs.insert("context".into(), url.clone());
        }
    }
    if let Some(t) = &args.target {
        attrs.insert("target".into(), t.clone());
    }
    for (k, v) in parse_key_values(&args.build_args, "--build-arg", true).map_err(plain)? {
        attrs.insert(format!("build-arg:{k}"), v);
    }
    explicit_revision_attr(&mut attrs);
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
    // The budgets are checked here, on the exported image, with every
    // figure (cli/build/finalise.rs); the frontend checks only a few.
    attrs.insert("strata-budgets".into(), "client".into());
    attrs.insert(
        "strata-cache-namespace".into(),
        shared_key(
            &remote
                .as_ref()
                .map_or(context.clone(), |r| r.namespace_key()),
        )[..12]
            .to_string(),
    );
    // With stamping off (flag or directive) nothing needs the facts, and
    // gathering them reads every context file: skip the walk.
    let stamping = args.passes.options(&text).is_ok_and(|o| o.stamp);
    if args.frontend == "strata" {
        source_date_epoch_attr(&mut attrs).map_err(plain)?;
    }
    let stamp = if args.frontend == "strata" && stamping && remote.is_none() {
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
        .map(|c| CacheSpec::parse_with_env(c, &|var| std::env::var(var).ok()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| plain(bad(format!("--cache-from: {e}"))))?;
    let cache_to = args
        .cache_to
        .iter()
        .map(|c| CacheSpec::parse_with_env(c, &|var| std::env::var(var).ok()))
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
    if args.provenance.is_some() {
        return Err(plain(bad(
            "--provenance is not supported: strata's frontend does not generate provenance \
             attestations; build without it, or with --frontend dockerfile.v0 on an engine \
             that makes them",
        )));
    }
    if let Some(sbom) = sbom_attr(&args.attest, args.sbom.as_deref()).map_err(plain)? {
        attrs.insert("attest:sbom".into(), sbom);
    }
    if !args.annotations.is_empty() {
        return Err(plain(bad(
            "--annotation is not supported yet: strata does not pass annotations to the image \
             exporters; use --label for the image config",
        )));
    }
    if args.cgroup_parent.is_some() {
        return Err(plain(bad(
            "--cgroup-parent is not supported: strata's frontend does not set a parent cgroup \
             for RUN steps",
        )));
    }
    if !args.add_hosts.is_empty() {
        let hosts = args
            .add_hosts
            .iter()
            .map(|h| add_host_entry(h).map_err(|e| plain(bad(e))))
            .collect::<Result<Vec<_>, _>>()?;
        attrs.insert("add-hosts".into(), hosts.join(","));
    }
    if let Some(size) = &args.shm_size {
        attrs.insert("shm-size".into(), size.clone());
    }
    if !args.ulimits.is_empty() {
        for u in &args.ulimits {
            ulimit_entry(u).map_err(|e| plain(bad(e)))?;
        }
        attrs.insert("ulimit".into(), args.ulimits.join(","));
    }
    let mut entitlements = Vec::new();
    // Like buildx: `--network host` asks for the engine's network.host entitlement
    // (without it BuildKit refuses the LLB with "network.host is not allowed").
    if args.network.as_deref() == Some("host") {
        entitlements.push("network.host".to_string());
    }
    for e in &args.allow {
        match e.as_str() {
            "network.host" | "security.insecure" => {
                if !entitlements.contains(e) {
                    entitlements.push(e.clone());
                }
            }
            other => {
                return Err(plain(bad(format!(
                    "--allow {other:?}: expected network.host or security.insecure"
                ))));
            }
        }
    }
    if args.iidfile.is_some() && !outputs.iter().any(OutputSpec::makes_image) {
        return Err(plain(bad(
            "--iidfile needs an output that makes an image (-t, --load, --push, or -o \
             type=image|docker|oci); local and tar outputs have no image ID",
        )));
    }
    let progress = if args.quiet {
        ProgressMode::Quiet
    } else {
        args.progress
            .parse::<ProgressMode>()
            .map_err(|e| plain(bad(e.to_string())))?
    };
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
        entitlements,
        quiet: args.quiet,
        remote,
    })
}

/// The first `RUN --mount` that cannot parse, located in the Dockerfile:
/// found here, before any engine is contacted, instead of once the
/// frontend plans. Mounts with variables wait for the frontend, which
/// knows their values.
fn bad_run_mount(df: &crate::dockerfile::Dockerfile, file: &str) -> Option<Diagnostic> {
    use crate::dockerfile::ast::Command;
    df.instructions.iter().find_map(|ins| {
        let Command::Run(run) = &ins.command else {
            return None;
        };
        run.mounts
            .iter()
            .filter(|m| !m.value.contains('$'))
            .find_map(|m| {
                let e = crate::dockerfile::mount::parse_mount(&m.value, &mut |v| Ok(v.to_string()))
                    .err()?;
                let mut d = bad(format!("invalid --mount: {}", e.message));
                d.file = Some(file.to_string());
                d.span = Some(m.span);
                d.found = Some(m.value.clone());
                d.expected = e.expected;
                Some(d)
            })
    })
}

/// `--add-host HOST:IP` (buildx's form; `HOST=IP` too) → the frontend's
/// `add-hosts` entry `HOST=IP`. The host is split at the first `:`, so an
/// IPv6 address keeps its colons.
fn add_host_entry(value: &str) -> Result<String, String> {
    let (host, ip) = value
        .split_once('=')
        .or_else(|| value.split_once(':'))
        .filter(|(h, ip)| !h.is_empty() && !ip.is_empty())
        .ok_or_else(|| format!("--add-host {value:?}: expected HOST:IP"))?;
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    // Docker's special `host-gateway` needs the daemon's gateway address, which a build does not have.
    if ip.parse::<std::net::IpAddr>().is_err() {
        return Err(format!(
            "--add-host {value:?}: {ip:?} is not an IP address (host-gateway is not supported in builds)"
        ));
    }
    Ok(format!("{host}={ip}"))
}

/// `--ulimit NAME=SOFT[:HARD]`, checked before the engine is contacted.
fn ulimit_entry(value: &str) -> Result<(), String> {
    let bad = || {
        format!("--ulimit {value:?}: expected NAME=SOFT[:HARD] with numbers, e.g. nofile=1024:2048")
    };
    let (name, limits) = value.split_once('=').ok_or_else(bad)?;
    let (soft, hard) = limits.split_once(':').unwrap_or((limits, limits));
    if name.is_empty() || soft.parse::<i64>().is_err() || hard.parse::<i64>().is_err() {
        return Err(bad());
    }
    Ok(())
}

/// An explicit `--build-arg GIT_COMMIT=…` names the revision: it wins over
/// the commit strata finds in the context's git, which only fills a
/// revision not given (`--opt strata-vcs-revision=…`, applied later, still
/// wins over both). `strata llb`/`explain` apply the same rule.
pub(crate) fn explicit_revision_attr(attrs: &mut BTreeMap<String, String>) {
    if let Some(commit) = attrs
        .get("build-arg:GIT_COMMIT")
        .filter(|c| !c.is_empty())
        .cloned()
    {
        attrs.insert("strata-vcs-revision".into(), commit);
    }
}

/// The `attest:sbom` frontend option from `--attest type=sbom,…` and
/// `--sbom` (which wins), as buildx reads them: `None` when not asked for
/// or disabled (`--sbom=false`, `disabled=true`).
pub(crate) fn sbom_attr(
    attest: &[String],
    sbom: Option<&str>,
) -> Result<Option<String>, Diagnostic> {
    let mut spec = None;
    for a in attest {
        let fields = crate::dockerfile::mount::csv_record(a)
            .map_err(|e| bad(format!("--attest {a:?}: {e}")))?;
        let kind = fields
            .iter()
            .find_map(|f| f.strip_prefix("type="))
            .map(str::to_string);
        match kind.as_deref() {
            Some("sbom") => {
                spec = Some(
                    fields
                        .into_iter()
                        .filter(|f| !f.starts_with("type="))
                        .collect::<Vec<String>>(),
                );
            }
            Some("provenance") => {
                return Err(bad(
                    "--attest type=provenance is not supported: strata's frontend does not \
                     generate provenance attestations",
                ));
            }
            _ => return Err(bad(format!("--attest {a:?}: expected type=sbom"))),
        }
    }
    if let Some(v) = sbom {
        spec = match v.trim() {
            "true" | "1" | "" => Some(Vec::new()),
            "false" | "0" => None,
            // A CSV record itself, as buildx reads it.
            other => Some(
                crate::dockerfile::mount::csv_record(other)
                    .map_err(|e| bad(format!("--sbom {other:?}: {e}")))?,
            ),
        };
    }
    let Some(fields) = spec else {
        return Ok(None);
    };
    if fields.iter().any(|f| f == "disabled=true") {
        return Ok(None);
    }
    // Back into one CSV record, quoting fields that need it.
    let value = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    // Checked here, before connecting, as the frontend will read it.
    let option = BTreeMap::from([("attest:sbom".to_string(), value.clone())]);
    crate::frontend::sbom::parse(&option).map_err(|e| bad(e.to_string()))?;
    Ok(Some(value))
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
    let method = match call::Method::parse(&args.call, args.check) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    if method != call::Method::Build {
        return call::answer(&args, &prepared, &method);
    }
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

/// The build after validation: session setup, then the solve supervisor,
/// then the output finaliser, each in its own module.
async fn run_build(args: &BuildArgs, p: Prepared) -> i32 {
    let started = std::time::Instant::now();
    tracing::debug!("build: prepared");
    // One registration for the whole build: the finaliser's push or save
    // must see a Ctrl-C as much as the solve does.
    let mut interrupt = solve::interrupt_signal();
    let setup = match setup::set_up(args, &p).await {
        Ok(s) => s,
        Err(code) => return code,
    };
    let end = solve::supervise(&setup, p.progress, &mut interrupt).await;
    let code = finalise::finalise(args, &p, &setup, end, &mut interrupt, started).await;
    setup.session.close().await;
    // The post-build report (`--report`), from the engine's build history.
    let hook = (
        &setup.build_id,
        &p.context,
        &p.dockerfile_text,
        &setup.frontend_attrs,
        p.progress,
    );
    super::why::after_build(&setup.engine, args, hook, code).await;
    code
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

    #[test]
    fn add_host_and_ulimit_take_buildx_spelling() {
        assert_eq!(add_host_entry("db:10.0.0.2").unwrap(), "db=10.0.0.2");
        assert_eq!(add_host_entry("db=10.0.0.2").unwrap(), "db=10.0.0.2");
        assert_eq!(add_host_entry("v6:fd00::1").unwrap(), "v6=fd00::1");
        assert!(add_host_entry("db").is_err());
        assert!(
            add_host_entry("gw:host-gateway")
                .unwrap_err()
                .contains("host-gateway")
        );
        assert!(ulimit_entry("nofile=1024:2048").is_ok());
        assert!(ulimit_entry("nproc=512").is_ok());
        assert!(ulimit_entry("nofile=lots").is_err());
        assert!(ulimit_entry("=1").is_err());
    }

    #[test]
    fn literal_bad_mounts_are_found_before_the_engine() {
        let df = |t: &str| crate::dockerfile::parse(t).unwrap();
        let d = bad_run_mount(
            &df(
                "FROM busybox\nRUN --mount=type=cache,target=/c true\nRUN --mount=type=nope true\n",
            ),
            "ctx/Dockerfile",
        )
        .expect("bad mount");
        assert!(d.message.contains("nope"), "{}", d.message);
        assert_eq!(d.span.map(|s| s.start.line), Some(3));
        // A variable decides the mount: the frontend checks it.
        assert!(bad_run_mount(&df("FROM busybox\nRUN --mount=type=$T true\n"), "D").is_none());
    }

    #[test]
    fn sbom_flags_become_the_attest_option() {
        let attr = |attest: &[&str], sbom: Option<&str>| {
            let attest: Vec<String> = attest.iter().map(|a| a.to_string()).collect();
            sbom_attr(&attest, sbom).map_err(|d| d.render(None))
        };
        assert_eq!(attr(&[], None).unwrap(), None);
        assert_eq!(attr(&[], Some("true")).unwrap(), Some(String::new()));
        assert_eq!(attr(&["type=sbom"], Some("false")).unwrap(), None);
        assert_eq!(
            attr(&["type=sbom,generator=reg/scan:1"], None).unwrap(),
            Some("generator=reg/scan:1".into())
        );
        assert_eq!(
            attr(&["type=sbom,\"MODE=a,b\""], None).unwrap(),
            Some("\"MODE=a,b\"".into())
        );
        assert_eq!(
            attr(&[], Some("generator=reg/scan:1,MODE=x")).unwrap(),
            Some("generator=reg/scan:1,MODE=x".into())
        );
        assert_eq!(attr(&["type=sbom,disabled=true"], None).unwrap(), None);
        assert!(
            attr(&["type=provenance"], None)
                .unwrap_err()
                .contains("provenance")
        );
    }
}
