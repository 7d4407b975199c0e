//! uv: `uv sync` installs from pyproject.toml and uv.lock (and builds the
//! project when it has a `[build-system]`); `uv pip install` is pip's
//! grammar. Downloads go to `~/.cache/uv`, and installs copy out of the
//! cache (`UV_LINK_MODE=copy`) because a cache mount is another filesystem.

use std::collections::BTreeSet;

use super::{
    CacheMount, Effect, Note, ToolSpec, home, pip, positional, python, shared, sources, subcommand,
};
use crate::plan::RunStep;
use crate::plan::passes::ContextFiles;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "uv",
    commands: &["uv"],
    classify,
    project_files: python::PYPROJECT,
    unsafe_reason,
    install_outputs: python::VENV,
    cache_mounts,
    dependency_store: None,
    offline: super::never_offline,
    after_mounts,
};

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    if cmd != "uv" {
        return None;
    }
    let sub = subcommand(args);
    Some(match sub {
        // Whether `uv sync` also builds the project depends on
        // pyproject.toml's [build-system]; layering checks that.
        "sync" => Effect::InstallFromManifests {
            manifests: vec![
                "pyproject.toml".into(),
                "uv.lock".into(),
                ".python-version".into(),
            ],
        },
        "pip" if positional(args).get(1) == Some(&"install") => pip::effect(&args[1..]),
        "cache" | "venv" => Effect::NoProjectFiles,
        _ => sources(&format!("uv {sub} may read the project")),
    })
}

fn unsafe_reason(manifests: &[String], project_dir: &str, files: &ContextFiles) -> Option<String> {
    if manifests.iter().any(|m| m.ends_with(".txt"))
        && let Some(reason) = python::requirements_reason(manifests, files)
    {
        return Some(reason);
    }
    let py = match python::pyproject(project_dir, files) {
        Ok(py) => py,
        Err(reason) => return Some(reason),
    };
    if py.contains("[tool.uv.workspace]") {
        return Some("uv workspace: member projects are not in the manifest set".into());
    }
    if py.lines().any(|l| l.trim() == "[build-system]") {
        // `uv sync` builds and installs a packaged project from its sources.
        return Some("pyproject.toml has a [build-system], so uv sync installs the project from its sources (add --no-install-project to layer it)".into());
    }
    python::path_dependency_reason(&py)
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    vec![shared(format!("{}/.cache/uv", home(run)), "uv-cache")]
}

fn after_mounts(run: &mut RunStep, _taken: &BTreeSet<String>) -> Option<Note> {
    if !run.env.iter().any(|e| e.starts_with("UV_LINK_MODE=")) {
        run.env.push("UV_LINK_MODE=copy".into());
    }
    None
}
