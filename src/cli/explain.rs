//! `strata explain`: what strata's passes change in a Dockerfile, and why —
//! for exactly the plan `strata build` runs with the same flags (the same
//! conversion as `strata llb`, see [`super::conversion`]), each rewrite
//! once, in Dockerfile order.

use super::{out, outln};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::conversion::{Request, convert};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::plan::NoImageConfigs;
use crate::plan::passes::PassOptions;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

/// Pass switches shared by `build`, `llb` and `explain`.
#[derive(Debug, Clone, Args)]
pub struct PassArgs {
    /// Keep installs where the Dockerfile puts them (no dependency-first layering).
    #[arg(long)]
    pub no_layering: bool,
    /// Automatic cache mounts: all (default), off, or a list like npm,apt.
    #[arg(long = "cache-mounts", value_name = "TOOLS")]
    pub cache_mounts: Option<String>,
    /// Re-run unpinned network fetches (apt-get update, curl, git clone, …) at most this old (e.g. 6h, 7d).
    #[arg(long = "cache-ttl", value_name = "DURATION")]
    pub cache_ttl: Option<String>,
    /// Do not stamp labels or the build-info file onto the image.
    #[arg(long)]
    pub no_stamp: bool,
    /// Write the build facts as JSON to this absolute path in the image (a final layer).
    #[arg(long = "build-info", value_name = "PATH")]
    pub build_info: Option<String>,
}

impl PassArgs {
    /// As `key=value` settings, in the order they override the directive.
    pub fn settings(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.no_layering {
            out.push(("layering".to_string(), "off".to_string()));
        }
        if let Some(c) = &self.cache_mounts {
            out.push(("cache-mounts".to_string(), c.clone()));
        }
        if let Some(t) = &self.cache_ttl {
            out.push(("cache-ttl".to_string(), t.clone()));
        }
        if self.no_stamp {
            out.push(("stamp".to_string(), "off".to_string()));
        }
        if let Some(p) = &self.build_info {
            out.push(("build-info".to_string(), p.clone()));
        }
        out
    }

    /// Directive first, then these flags.
    pub fn options(&self, dockerfile: &str) -> Result<PassOptions, String> {
        let mut o = PassOptions::default();
        o.apply_directive(dockerfile)
            .map_err(|e| format!("# strata: directive: {e}"))?;
        for (k, v) in self.settings() {
            o.set(&k, &v).map_err(|e| e.to_string())?;
        }
        Ok(o)
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Explains the plan `strata build` runs for the same flags: every pass, in Dockerfile order, \
each rewrite once. Base images are taken as named (their configs are not fetched)."
)]
pub struct ExplainArgs {
    /// Build context directory (its .dockerignore is applied).
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
    /// Stage to explain, as `strata build --target`: only the passes' rewrites
    /// of that stage and the stages it needs are listed (default: the last stage).
    #[arg(long)]
    pub target: Option<String>,
    /// Build-time variable, KEY=VALUE, as `strata build --build-arg` (repeatable;
    /// bare KEY reads the environment): it can change what the steps run, and
    /// CACHE_BUST=VALUE re-runs unpinned network fetches.
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_args: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    #[command(flatten)]
    pub passes: PassArgs,
}

pub fn run(args: ExplainArgs) -> i32 {
    let request = Request {
        context: &args.context,
        file: args.file.as_deref(),
        target: args.target.as_deref(),
        build_args: &args.build_args,
        platform: None,
        no_cache: false,
        passes: &args.passes,
        upstream: false,
    };
    let explanation = match convert(&request, &NoImageConfigs) {
        Ok(c) => c.explanation,
        Err(failure) => {
            let (diag, source) = *failure;
            eprint!("{}", diag.render(source.as_deref()));
            return EXIT_BAD_INPUT;
        }
    };
    match args.format {
        ExplainFormat::Text => out!("{}", explanation.render()),
        ExplainFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&explanation).unwrap_or_default()
        ),
    }
    EXIT_OK
}
