//! One module per package manager: everything the passes know about a tool
//! lives in its module, as a [`ToolSpec`]: how its commands are recognised
//! and what they read (detection), which project files an install reads and
//! creates (layering), and where its downloads go (cache mounts).
//!
//! Adding a tool is its module, a [`Tool`] variant and one line in
//! [`Tool::spec`]. The passes ask the spec rather than naming a tool's
//! files or paths; the exceptions are Cargo's workspace handling in
//! layering (through [`cargo::project`]) and cache-busting's view of which
//! installs are unpinned (`bust`). Tools of one ecosystem share the checks
//! of its project files: `node` (package.json for npm, yarn and pnpm) and
//! `python` (requirements files and pyproject.toml for pip, uv, poetry).

pub mod apt;
pub mod cargo;
pub mod go;
mod node;
pub mod npm;
pub mod pip;
pub mod pnpm;
pub mod poetry;
mod python;
pub mod uv;
pub mod yarn;

use std::collections::BTreeSet;

use super::ContextFiles;
use crate::plan::RunStep;
use crate::proto::pb::CacheSharingOpt;

/// The package managers strata knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    Npm,
    Yarn,
    Pnpm,
    Pip,
    Uv,
    Poetry,
    Apt,
    Cargo,
    Go,
}

impl Tool {
    /// Every tool, in the order the passes handle them (their checks and
    /// the paths they add run in this order, which keeps output stable).
    pub const ALL: [Tool; 9] = [
        Tool::Npm,
        Tool::Yarn,
        Tool::Pnpm,
        Tool::Pip,
        Tool::Uv,
        Tool::Poetry,
        Tool::Apt,
        Tool::Cargo,
        Tool::Go,
    ];

    /// What the passes know about the tool.
    pub fn spec(self) -> &'static ToolSpec {
        match self {
            Tool::Npm => &npm::SPEC,
            Tool::Yarn => &yarn::SPEC,
            Tool::Pnpm => &pnpm::SPEC,
            Tool::Pip => &pip::SPEC,
            Tool::Uv => &uv::SPEC,
            Tool::Poetry => &poetry::SPEC,
            Tool::Apt => &apt::SPEC,
            Tool::Cargo => &cargo::SPEC,
            Tool::Go => &go::SPEC,
        }
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn parse(s: &str) -> Option<Tool> {
        Tool::ALL
            .into_iter()
            .find(|t| t.name() == s.trim().to_ascii_lowercase())
    }

    /// The tool one simple command runs, with what the command does: `cmd`
    /// is the command name (path stripped), `args` the words after it.
    pub fn classify(cmd: &str, args: &[String]) -> Option<(Tool, Effect)> {
        Tool::ALL
            .into_iter()
            .find_map(|t| (t.spec().classify)(cmd, args).map(|e| (t, e)))
    }

    /// The tool a bare word names, for scripts the shell splitter does not
    /// model (any mention of `npm` counts).
    pub fn named_by(word: &str) -> Option<Tool> {
        let base = word.rsplit('/').next().unwrap_or(word);
        Tool::ALL
            .into_iter()
            .find(|t| t.spec().commands.contains(&base))
    }
}

/// What a command does with the files it can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Installs dependencies reading only manifest/lock files (listed, relative to the cwd).
    InstallFromManifests { manifests: Vec<String> },
    /// Reads project sources (builds, tests, installs the project itself).
    ReadsSources { why: String },
    /// Touches no project files (apt, cache cleaning, `echo`, …).
    NoProjectFiles,
    /// Something we do not understand.
    Unknown,
}

/// A cache mount a tool's downloads get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheMount {
    pub target: String,
    /// Names the cache (`strata/<namespace>/<purpose>`) and the explanation.
    pub purpose: &'static str,
    pub sharing: CacheSharingOpt,
}

/// A change a tool needs in a RUN besides its cache mounts, worth explaining.
pub type Note = (&'static str, &'static str);

/// Everything the passes know about one package manager.
pub struct ToolSpec {
    /// The name in settings (`cache-mounts=npm,apt`) and explanations.
    pub name: &'static str,
    /// Command names that run it (a path before them is ignored).
    pub commands: &'static [&'static str],
    /// Detection: what one invocation does, given its command name and the
    /// words after it; `None` when the command is not this tool.
    pub classify: fn(cmd: &str, args: &[String]) -> Option<Effect>,
    /// Layering: project files (relative to the project directory) its
    /// safety check reads besides the install's manifests.
    pub project_files: &'static [&'static str],
    /// Layering: why an install from these manifests might read more than
    /// them (local path dependencies, install scripts, workspaces), judged
    /// from the files read from the context; `None` when it is safe.
    pub unsafe_reason:
        fn(manifests: &[String], project_dir: &str, files: &ContextFiles) -> Option<String>,
    /// Layering: what the install creates in the project, which the full
    /// copy after it must leave alone (relative to the project directory).
    pub install_outputs: &'static [&'static str],
    /// Cache mounts: where its downloads go for this RUN (its env decides).
    pub cache_mounts: fn(run: &RunStep) -> Vec<CacheMount>,
    /// Cache mounts: the mount purpose that holds installed dependencies,
    /// not just downloads (later steps build from it).
    pub dependency_store: Option<&'static str>,
    /// Cache mounts: why a RUN builds offline from the dependency store
    /// (which then must stay in the layers), if it does.
    pub offline: fn(script: &str, run: &RunStep) -> Option<String>,
    /// Cache mounts: what else the RUN needs once the mounts are added
    /// (`taken`: targets the RUN mounted itself), and what to explain.
    pub after_mounts: fn(run: &mut RunStep, taken: &BTreeSet<String>) -> Option<Note>,
}

/// For tools without a safety check of their own.
pub(super) fn always_safe(_: &[String], _: &str, _: &ContextFiles) -> Option<String> {
    None
}

/// For tools whose downloads are only a cache.
pub(super) fn never_offline(_: &str, _: &RunStep) -> Option<String> {
    None
}

/// For tools that need nothing besides their mounts.
pub(super) fn nothing_after(_: &mut RunStep, _: &BTreeSet<String>) -> Option<Note> {
    None
}

/// Arguments that are not flags.
pub(super) fn positional(args: &[String]) -> Vec<&str> {
    args.iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect()
}

/// The first positional argument (`install` in `npm --silent install`).
pub(super) fn subcommand(args: &[String]) -> &str {
    args.iter()
        .map(String::as_str)
        .find(|a| !a.starts_with('-'))
        .unwrap_or("")
}

/// Values of the flags `names` (`-r x`, `--requirement=x`, `-rx`).
pub(super) fn flag_values<'a>(args: &'a [String], names: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if let Some((k, v)) = a.split_once('=') {
            if names.contains(&k) {
                out.push(v);
            }
        } else if names.contains(&a) {
            if let Some(v) = args.get(i + 1) {
                out.push(v.as_str());
                i += 1;
            }
        } else if let Some(short) = names
            .iter()
            .find(|n| n.len() == 2 && a.starts_with(**n) && a.len() > 2)
        {
            out.push(&a[short.len()..]);
        }
        i += 1;
    }
    out
}

pub(super) fn sources(why: &str) -> Effect {
    Effect::ReadsSources {
        why: why.to_string(),
    }
}

/// The last value of `key` in a RUN's environment.
pub(crate) fn env_value<'a>(env: &'a [String], key: &str) -> Option<&'a str> {
    env.iter()
        .rev()
        .find_map(|e| e.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

/// `$HOME` of a RUN (root's when unset), without a trailing slash.
pub(super) fn home(run: &RunStep) -> String {
    env_value(&run.env, "HOME")
        .unwrap_or("/root")
        .trim_end_matches('/')
        .to_string()
}

/// One cache mount that concurrent builds use at the same time.
pub(super) fn shared(target: String, purpose: &'static str) -> CacheMount {
    CacheMount {
        target,
        purpose,
        sharing: CacheSharingOpt::Shared,
    }
}

/// One cache mount that concurrent builds take turns on (`sharing=locked`).
pub(super) fn locked(target: String, purpose: &'static str) -> CacheMount {
    CacheMount {
        target,
        purpose,
        sharing: CacheSharingOpt::Locked,
    }
}
