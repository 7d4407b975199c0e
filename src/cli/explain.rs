//! `strata explain`: what strata's passes would change in a Dockerfile, and why.

use super::{out, outln};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::diagnostic::Diagnostic;
use super::inputs::{parse_key_values, read_dockerfile, read_dockerignore};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::dockerfile::dockerignore;
use crate::plan::passes::bust::BustFacts;
use crate::plan::passes::stamp::StampFacts;
use crate::plan::passes::{
    ContextFiles, PassFacts, PassOptions, read_context_files_with, run_all_passes,
};
use crate::plan::{BuildOptions, NoImageConfigs};

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
pub struct ExplainArgs {
    /// Build context directory.
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
    /// Stage to explain, as `strata build --target` (default: the last one).
    #[arg(long)]
    pub target: Option<String>,
    /// Build-time variable, KEY=VALUE, as `strata build --build-arg` (repeatable).
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_args: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    #[command(flatten)]
    pub passes: PassArgs,
}

/// Read the files the passes want from a local context, honouring .dockerignore.
pub fn read_local_context_files(
    context: &Path,
    wanted: Vec<String>,
    excludes: &[String],
) -> ContextFiles {
    let matcher = dockerignore::Matcher::new(&dockerignore::parse(&excludes.join("\n"))).ok();
    let mut files = ContextFiles::default();
    for path in wanted {
        let ignored = matcher.as_ref().is_some_and(|m| m.is_excluded(&path));
        let safe = !path.split('/').any(|c| c == "..");
        let content = if ignored || !safe {
            None
        } else {
            std::fs::read(context.join(&path)).ok()
        };
        files.files.insert(path, content);
    }
    files
}

pub fn run(args: ExplainArgs) -> i32 {
    let fail = |d: Diagnostic, src: Option<&str>| {
        eprint!("{}", d.render(src));
        EXIT_BAD_INPUT
    };
    if !args.context.is_dir() {
        return fail(
            Diagnostic::plain(format!(
                "build context {} is not a directory",
                args.context.display()
            )),
            None,
        );
    }
    let input = match read_dockerfile(args.file.as_deref(), &args.context) {
        Ok(i) => i,
        Err(d) => return fail(d, None),
    };
    let excludes = match read_dockerignore(input.path.as_deref(), &args.context) {
        Ok(e) => e,
        Err(d) => return fail(d, None),
    };
    let build_args = match parse_key_values(&args.build_args, "--build-arg", true) {
        Ok(b) => b,
        Err(d) => return fail(d, None),
    };
    let pass_opts = match args.passes.options(&input.text) {
        Ok(o) => o,
        Err(e) => {
            return fail(
                Diagnostic::plain(format!("{}: {e}", input.display_name)),
                None,
            );
        }
    };
    let df = match crate::dockerfile::parse(&input.text) {
        Ok(df) => df,
        Err(e) => {
            return fail(
                Diagnostic::from_syntax(&e, &input.display_name),
                Some(&input.text),
            );
        }
    };
    // The time and CACHE_BUST are read here, at the edge, as `strata build` does.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let facts = PassFacts {
        stamp: StampFacts {
            frontend_version: env!("CARGO_PKG_VERSION").to_string(),
            target: args.target.clone(),
            ..Default::default()
        },
        bust: BustFacts {
            now: Some(now),
            cache_bust: build_args
                .get("CACHE_BUST")
                .cloned()
                .filter(|v| !v.is_empty()),
        },
    };
    let opts = BuildOptions {
        target: args.target.clone(),
        build_args,
        dockerignore: excludes.clone(),
        ..Default::default()
    };
    let mut plan = match crate::plan::plan(&df, &opts, &NoImageConfigs) {
        Ok(p) => p,
        Err(e) => {
            return fail(
                Diagnostic::from_plan(&e, &input.display_name),
                Some(&input.text),
            );
        }
    };
    let files = read_context_files_with(&plan, &pass_opts, |wanted| {
        read_local_context_files(&args.context, wanted, &excludes)
    });
    let explanation = match run_all_passes(&mut plan, &pass_opts, &files, "", &facts) {
        Ok(e) => e,
        Err(e) => {
            return fail(
                Diagnostic::plain(format!("{}: {e}", input.display_name)),
                None,
            );
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
