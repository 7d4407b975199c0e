//! `strata build --compose FILE [SERVICE…]` and `strata explain --compose
//! FILE [SERVICE…]`: every service of a Compose file that has a `build:`
//! section, built through one engine connection and one session, several
//! solves at a time (see [`run`]).
//!
//! The Compose file itself is read by the pure [`crate::compose`] module;
//! this module reads the files it names (`.env`, `--env-file`), turns each
//! service into the same validated request `strata build` makes (its
//! command line, parsed by `strata build`'s own parser), and runs them.

mod board;
mod run;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::{Args, Parser};

use super::engine_args::EngineArgs;
use super::explain::PassArgs;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::compose::{
    AdditionalContext, BuildRequest, DEFAULT_FILE_NAMES, DockerfileSource, LoadOptions, Network,
    Project, SecretSource,
};

/// `strata build --compose …`.
#[derive(Debug, Parser)]
#[command(
    name = "strata build --compose",
    about = "Build the services of a Compose file: one engine connection, one session, several solves at a time",
    long_about = None
)]
pub struct ComposeBuildArgs {
    /// Compose file, or a directory to look in for compose.yaml, compose.yml,
    /// docker-compose.yaml or docker-compose.yml (as `docker compose` does).
    #[arg(long = "compose", value_name = "FILE")]
    pub compose: PathBuf,
    /// Services to build (default: every service with a build section whose
    /// profiles are active). Services their `service:` contexts name are added.
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
    #[command(flatten)]
    pub project: ProjectArgs,
    /// How many services build at once (default 4: BuildKit schedules the
    /// steps of concurrent solves itself and reports no limit of its own).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..))]
    pub parallel: u16,
    /// Stop every other service's build when one fails (default: the others finish).
    #[arg(long)]
    pub fail_fast: bool,
    /// Push each service's image (its `image:` name and `build.tags`) to its registry.
    #[arg(long)]
    pub push: bool,
    /// Output for every service, with `{service}` replaced by the service's
    /// name (e.g. type=oci,dest=out/{service}.tar); repeatable. Replaces
    /// the default (loading into Docker Engine under the image name);
    /// --push still pushes.
    #[arg(short = 'o', long = "output", value_name = "SPEC")]
    pub outputs: Vec<String>,
    /// Build-time variable for every service, KEY=VALUE (wins over `build.args`).
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_args: Vec<String>,
    /// Network for RUN steps of every service: default, none or host
    /// (wins over `build.network`).
    #[arg(long)]
    pub network: Option<String>,
    /// Do not use the cache for any step.
    #[arg(long)]
    pub no_cache: bool,
    /// Always look up base images in their registry.
    #[arg(long)]
    pub pull: bool,
    /// Progress output: auto, tty (a block per service), plain (lines
    /// prefixed with the service) or quiet.
    #[arg(long, default_value = "auto")]
    pub progress: String,
    #[command(flatten)]
    pub passes: PassArgs,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// `strata build`'s parser, to turn a service into the request `strata
/// build` would make from the same flags.
#[derive(Parser)]
pub(super) struct BuildArgv {
    #[command(flatten)]
    pub args: super::build::BuildArgs,
}

/// `strata explain --compose …`.
#[derive(Debug, Parser)]
#[command(
    name = "strata explain --compose",
    about = "Show what strata's passes change in each service's Dockerfile",
    long_about = None
)]
pub struct ComposeExplainArgs {
    /// Compose file, or a directory to look in (as for `strata build --compose`).
    #[arg(long = "compose", value_name = "FILE")]
    pub compose: PathBuf,
    /// Services to explain (default: all with a build section and active profiles).
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
    #[command(flatten)]
    pub project: ProjectArgs,
    #[arg(long, value_enum, default_value = "text")]
    pub format: super::explain::ExplainFormat,
    #[command(flatten)]
    pub passes: PassArgs,
}

/// What selects and interpolates the project, as in `docker compose`.
#[derive(Debug, Clone, Args)]
pub struct ProjectArgs {
    /// Variables file for interpolation instead of the project's `.env` (repeatable; later files win).
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_files: Vec<PathBuf>,
    /// Activate a profile (repeatable; `*` for all). Default: $COMPOSE_PROFILES.
    #[arg(long = "profile", value_name = "NAME")]
    pub profiles: Vec<String>,
    /// Project name (default: $COMPOSE_PROJECT_NAME, the file's `name:`, or the directory's name).
    #[arg(short = 'p', long = "project-name", value_name = "NAME")]
    pub project_name: Option<String>,
}

/// When the command line asks for a Compose build or explain, run it and
/// return the exit code; None for every other command line. Compose mode
/// has its own parser because its positional arguments are services, not a
/// context directory.
pub fn intercept(argv: &[String]) -> Option<i32> {
    let command = argv.get(1)?.as_str();
    if !matches!(command, "build" | "explain") {
        return None;
    }
    let compose = argv[2..]
        .iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--compose" || a.starts_with("--compose="));
    if !compose {
        return None;
    }
    let rest = argv[2..].iter().cloned();
    let code = if command == "build" {
        match ComposeBuildArgs::try_parse_from(
            std::iter::once("strata build".to_string()).chain(rest),
        ) {
            Ok(args) => run::run(args),
            Err(e) => return Some(clap_exit(e)),
        }
    } else {
        match ComposeExplainArgs::try_parse_from(
            std::iter::once("strata explain".to_string()).chain(rest),
        ) {
            Ok(args) => explain(args),
            Err(e) => return Some(clap_exit(e)),
        }
    };
    Some(code)
}

fn clap_exit(e: clap::Error) -> i32 {
    let code = if e.use_stderr() {
        EXIT_BAD_INPUT
    } else {
        EXIT_OK
    };
    let _ = e.print();
    code
}

/// The Compose file to read: FILE itself, or the first of Compose's
/// default names in the directory FILE names.
pub fn discover(path: &Path) -> Result<PathBuf, String> {
    if path.is_dir() {
        return DEFAULT_FILE_NAMES
            .iter()
            .map(|n| path.join(n))
            .find(|p| p.is_file())
            .ok_or_else(|| {
                format!(
                    "no Compose file in {}: looked for {}",
                    path.display(),
                    DEFAULT_FILE_NAMES.join(", ")
                )
            });
    }
    if path.is_file() {
        return Ok(path.to_path_buf());
    }
    Err(format!("Compose file {} does not exist", path.display()))
}

/// A loaded project and the file it came from.
pub struct Loaded {
    pub file: PathBuf,
    pub file_name: String,
    pub project: Project,
    pub profiles: Vec<String>,
}

/// Read the Compose file and the variables for interpolation: the
/// environment wins over `--env-file` files (or the project's `.env`).
pub fn load(compose: &Path, p: &ProjectArgs) -> Result<Loaded, String> {
    let file = discover(compose)?;
    let file_name = file.display().to_string();
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read Compose file {file_name}: {e}"))?;
    let abs = file
        .canonicalize()
        .map_err(|e| format!("{file_name}: {e}"))?;
    let project_dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
    let environment: BTreeMap<String, String> = std::env::vars().collect();
    let env_files: Vec<(PathBuf, bool)> = if p.env_files.is_empty() {
        vec![(project_dir.join(".env"), false)]
    } else {
        p.env_files.iter().map(|f| (f.clone(), true)).collect()
    };
    let mut vars: BTreeMap<String, String> = BTreeMap::new();
    for (path, required) in env_files {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => continue,
            Err(e) => return Err(format!("cannot read env file {}: {e}", path.display())),
        };
        let mut known = vars.clone();
        known.extend(environment.clone());
        let entries = crate::compose::dotenv::parse(&text, &known)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        vars.extend(entries);
    }
    vars.extend(environment);
    let project_name = p
        .project_name
        .clone()
        .or_else(|| vars.get("COMPOSE_PROJECT_NAME").cloned())
        .filter(|n| !n.is_empty());
    let project = crate::compose::load(
        &text,
        &LoadOptions {
            file_name: file_name.clone(),
            project_dir,
            vars: vars.clone(),
            project_name,
        },
    )
    .map_err(|e| format!("error: {e}"))?;
    for name in &project.unset_vars {
        eprintln!("warning: the {name:?} variable is not set; defaulting to a blank string");
    }
    let mut profiles = p.profiles.clone();
    if profiles.is_empty()
        && let Some(env) = vars.get("COMPOSE_PROFILES")
    {
        profiles = env
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
    }
    Ok(Loaded {
        file,
        file_name,
        project,
        profiles,
    })
}

/// Print a load error: messages from [`load`] either start with `error:`
/// or get it.
fn report(message: &str) -> i32 {
    if message.starts_with("error:") {
        eprintln!("{message}");
    } else {
        eprintln!("error: {message}");
    }
    EXIT_BAD_INPUT
}

/// A service's Dockerfile as a path the build and explain parsers take:
/// inline text is written to a private temporary directory that lives as
/// long as the returned guard.
pub struct DockerfileFile {
    pub path: PathBuf,
    _dir: Option<tempfile::TempDir>,
}

pub fn dockerfile_file(b: &BuildRequest) -> Result<DockerfileFile, String> {
    match &b.dockerfile {
        DockerfileSource::Path(p) => Ok(DockerfileFile {
            path: p.clone(),
            _dir: None,
        }),
        DockerfileSource::Inline(text) => {
            let dir = tempfile::Builder::new()
                .prefix("strata-compose-")
                .tempdir()
                .map_err(|e| {
                    format!("service {}: cannot write dockerfile_inline: {e}", b.service)
                })?;
            let path = dir.path().join("Dockerfile");
            std::fs::write(&path, text).map_err(|e| {
                format!("service {}: cannot write dockerfile_inline: {e}", b.service)
            })?;
            Ok(DockerfileFile {
                path,
                _dir: Some(dir),
            })
        }
    }
}

/// Pass switches as the command-line flags `build` and `explain` take.
fn pass_flags(p: &PassArgs) -> Vec<String> {
    let mut v = Vec::new();
    if p.no_layering {
        v.push("--no-layering".into());
    }
    if let Some(c) = &p.cache_mounts {
        v.extend(["--cache-mounts".into(), c.clone()]);
    }
    if let Some(t) = &p.cache_ttl {
        v.extend(["--cache-ttl".into(), t.clone()]);
    }
    if p.no_stamp {
        v.push("--no-stamp".into());
    }
    if let Some(b) = &p.build_info {
        v.extend(["--build-info".into(), b.clone()]);
    }
    v
}

/// One service as `strata build` flags. `images` maps service names to
/// their image names, for `service:NAME` contexts; `outputs` are the
/// output flags already chosen for this service.
pub fn build_argv(
    b: &BuildRequest,
    dockerfile: &Path,
    args: &ComposeBuildArgs,
    images: &BTreeMap<String, String>,
    outputs: &[String],
) -> Vec<String> {
    let mut v: Vec<String> = vec!["strata build".into(), b.context.display().to_string()];
    v.extend(["--file".into(), dockerfile.display().to_string()]);
    if let Some(t) = &b.target {
        v.extend(["--target".into(), t.clone()]);
    }
    for (k, val) in &b.args {
        v.extend(["--build-arg".into(), format!("{k}={val}")]);
    }
    for a in &args.build_args {
        // A bare KEY reads the environment, as `strata build --build-arg` does.
        v.extend(["--build-arg".into(), a.clone()]);
    }
    for (k, val) in &b.labels {
        v.extend(["--label".into(), format!("{k}={val}")]);
    }
    if !b.platforms.is_empty() {
        v.extend(["--platform".into(), b.platforms.join(",")]);
    }
    if b.no_cache || args.no_cache {
        v.push("--no-cache".into());
    }
    if b.pull || args.pull {
        v.push("--pull".into());
    }
    let network = args.network.clone().or(b.network.map(|n| {
        match n {
            Network::Default => "default",
            Network::Host => "host",
            Network::None => "none",
        }
        .to_string()
    }));
    if let Some(n) = network {
        v.extend(["--network".into(), n]);
    }
    for s in &b.secrets {
        let spec = match &s.source {
            SecretSource::File(f) => format!("id={},src={}", s.id, f.display()),
            SecretSource::Env(e) => format!("id={},env={e}", s.id),
        };
        v.extend(["--secret".into(), spec]);
    }
    for s in &b.ssh {
        let spec = match &s.path {
            Some(p) => format!("{}={}", s.id, p.display()),
            None => s.id.clone(),
        };
        v.extend(["--ssh".into(), spec]);
    }
    for c in &b.cache_from {
        v.extend(["--cache-from".into(), c.clone()]);
    }
    for c in &b.cache_to {
        v.extend(["--cache-to".into(), c.clone()]);
    }
    for (name, ctx) in &b.additional_contexts {
        let value = match ctx {
            // The other service's image, which the build order has made
            // (loaded into Docker Engine, or pushed) before this one starts.
            AdditionalContext::Service(s) => format!(
                "docker-image://{}",
                images.get(s).cloned().unwrap_or_default()
            ),
            AdditionalContext::Dir(d) => d.display().to_string(),
            AdditionalContext::Source(s) => s.clone(),
        };
        v.extend(["--build-context".into(), format!("{name}={value}")]);
    }
    if let Some(s) = &b.shm_size {
        v.extend(["--opt".into(), format!("shm-size={s}")]);
    }
    if !b.extra_hosts.is_empty() {
        let hosts: Vec<String> = b
            .extra_hosts
            .iter()
            .map(|(h, ip)| format!("{h}={ip}"))
            .collect();
        v.extend(["--opt".into(), format!("add-hosts={}", hosts.join(","))]);
    }
    v.extend(pass_flags(&args.passes));
    v.extend(outputs.iter().cloned());
    v
}

/// `strata explain --compose`: each service's explanation under a header.
fn explain(args: ComposeExplainArgs) -> i32 {
    use super::outln;
    let loaded = match load(&args.compose, &args.project) {
        Ok(l) => l,
        Err(m) => return report(&m),
    };
    let plan = match loaded
        .project
        .plan(&args.services, &loaded.profiles, &loaded.file_name)
    {
        Ok(p) => p,
        Err(e) => return report(&format!("error: {e}")),
    };
    let mut code = EXIT_OK;
    for (i, b) in plan.iter().enumerate() {
        let df = match dockerfile_file(b) {
            Ok(d) => d,
            Err(m) => return report(&m),
        };
        if i > 0 {
            outln!("");
        }
        outln!("== service {} ({}) ==", b.service, b.context.display());
        let mut argv: Vec<String> = vec![
            "strata explain".into(),
            b.context.display().to_string(),
            "--file".into(),
            df.path.display().to_string(),
        ];
        if let Some(t) = &b.target {
            argv.extend(["--target".into(), t.clone()]);
        }
        for (k, v) in &b.args {
            argv.extend(["--build-arg".into(), format!("{k}={v}")]);
        }
        argv.extend([
            "--format".into(),
            format!("{:?}", args.format).to_lowercase(),
        ]);
        argv.extend(pass_flags(&args.passes));
        #[derive(Parser)]
        struct ExplainArgv {
            #[command(flatten)]
            args: super::explain::ExplainArgs,
        }
        let parsed = match ExplainArgv::try_parse_from(&argv) {
            Ok(p) => p.args,
            Err(e) => {
                eprintln!("error: service {}: {e}", b.service);
                code = EXIT_BAD_INPUT;
                continue;
            }
        };
        let c = super::explain::run(parsed);
        if c != EXIT_OK {
            code = c;
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_prefers_compose_yaml() {
        let dir = tempfile::tempdir().unwrap();
        assert!(discover(dir.path()).unwrap_err().contains("compose.yaml"));
        std::fs::write(dir.path().join("docker-compose.yml"), "services: {}\n").unwrap();
        assert!(
            discover(dir.path())
                .unwrap()
                .ends_with("docker-compose.yml")
        );
        std::fs::write(dir.path().join("compose.yml"), "services: {}\n").unwrap();
        assert!(discover(dir.path()).unwrap().ends_with("compose.yml"));
        std::fs::write(dir.path().join("compose.yaml"), "services: {}\n").unwrap();
        assert!(discover(dir.path()).unwrap().ends_with("compose.yaml"));
        assert!(discover(&dir.path().join("nope.yaml")).is_err());
    }

    /// Every build key becomes a flag `strata build` takes, with the value
    /// it needs; a renamed flag fails here rather than at a user's build.
    #[test]
    fn every_build_key_becomes_a_build_flag() {
        let text = "services:\n  base:\n    build: .\n  api:\n    build:\n      context: .\n      target: t\n      args: {A: '1'}\n      labels: [team=core]\n      platforms: [linux/amd64, linux/arm64]\n      secrets: [tok]\n      ssh: [default]\n      cache_from: [\"type=local,src=/c\"]\n      cache_to: [type=inline]\n      additional_contexts: {b: 'service:base', d: ./d, i: 'docker-image://busybox'}\n      network: host\n      shm_size: 64m\n      extra_hosts: [db=10.0.0.2, 'cache:10.0.0.3']\n      no_cache: true\n      pull: true\nsecrets:\n  tok: {environment: TOKEN}\n";
        let project = crate::compose::load(
            text,
            &LoadOptions {
                file_name: "compose.yaml".into(),
                project_dir: "/p".into(),
                vars: BTreeMap::new(),
                project_name: None,
            },
        )
        .unwrap();
        let b = project.service("api").unwrap().build.clone().unwrap();
        let args =
            ComposeBuildArgs::try_parse_from(["strata build", "--compose", "x", "--no-stamp"])
                .unwrap();
        let images: BTreeMap<String, String> = [("base".to_string(), "p-base".to_string())].into();
        let outputs = vec!["-t".to_string(), "p-api".to_string()];
        let argv = build_argv(&b, Path::new("/p/Dockerfile"), &args, &images, &outputs);
        let parsed = BuildArgv::try_parse_from(&argv).unwrap().args;
        assert_eq!(parsed.context, PathBuf::from("/p"));
        assert_eq!(parsed.file, Some(PathBuf::from("/p/Dockerfile")));
        assert_eq!(parsed.target.as_deref(), Some("t"));
        assert_eq!(parsed.build_args, vec!["A=1"]);
        assert_eq!(parsed.labels, vec!["team=core"]);
        assert_eq!(parsed.platform.as_deref(), Some("linux/amd64,linux/arm64"));
        assert_eq!(parsed.secrets, vec!["id=tok,env=TOKEN"]);
        assert_eq!(parsed.ssh, vec!["default"]);
        assert_eq!(parsed.cache_from, vec!["type=local,src=/c"]);
        assert_eq!(parsed.cache_to, vec!["type=inline"]);
        assert_eq!(
            parsed.build_contexts,
            vec![
                "b=docker-image://p-base",
                "d=/p/d",
                "i=docker-image://busybox"
            ]
        );
        assert_eq!(parsed.network.as_deref(), Some("host"));
        assert_eq!(
            parsed.opts,
            vec!["shm-size=64m", "add-hosts=db=10.0.0.2,cache=10.0.0.3"]
        );
        assert!(parsed.no_cache && parsed.pull && parsed.passes.no_stamp);
        assert_eq!(parsed.tags, vec!["p-api"]);
    }

    #[test]
    fn only_compose_command_lines_are_taken() {
        let argv = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(intercept(&argv("strata build .")), None);
        assert_eq!(intercept(&argv("strata du --compose x")), None);
        assert_eq!(intercept(&argv("strata build -- --compose")), None);
        // A bad flag in compose mode is a usage error (2), not another command.
        assert_eq!(
            intercept(&argv("strata build --compose x --no-such-flag")),
            Some(EXIT_BAD_INPUT)
        );
    }
}
