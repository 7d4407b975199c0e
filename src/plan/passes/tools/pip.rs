//! pip (also `python -m pip`): `pip install -r FILE` installs from its
//! requirements files; `pip install NAME` reads no project file; installing
//! `.` or `-e` builds the project. Downloads go to `~/.cache/pip`.

use super::{CacheMount, Effect, ToolSpec, flag_values, home, positional, python, shared, sources};
use crate::plan::RunStep;
use crate::plan::passes::ContextFiles;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "pip",
    commands: &["pip", "pip3"],
    classify,
    project_files: &[],
    unsafe_reason,
    install_outputs: &[],
    cache_mounts,
    dependency_store: None,
    offline: super::never_offline,
    after_mounts: super::nothing_after,
};

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    match cmd {
        "pip" | "pip3" => Some(effect(args)),
        "python" | "python3"
            if args.len() >= 2 && args[0] == "-m" && (args[1] == "pip" || args[1] == "pip3") =>
        {
            Some(effect(&args[2..]))
        }
        _ => None,
    }
}

/// What `pip ARGS` does (also `uv pip ARGS`).
pub(super) fn effect(args: &[String]) -> Effect {
    let pos = positional(args);
    if pos.first() != Some(&"install") {
        return match pos.first() {
            Some(&"cache") | Some(&"download") => Effect::NoProjectFiles,
            _ => sources("pip command may read the project"),
        };
    }
    let reqs: Vec<String> = flag_values(args, &["-r", "--requirement", "-c", "--constraint"])
        .into_iter()
        .map(String::from)
        .collect();
    let local = pos[1..]
        .iter()
        .any(|p| *p == "." || p.starts_with("./") || p.starts_with('/') || p.starts_with("file:"))
        || args.iter().any(|a| a == "-e" || a == "--editable");
    if local {
        return sources("pip installs the project itself (setup.py/pyproject build)");
    }
    if reqs.is_empty() {
        // `pip install flask` installs named packages and reads no project files.
        return Effect::NoProjectFiles;
    }
    Effect::InstallFromManifests { manifests: reqs }
}

fn unsafe_reason(manifests: &[String], _project_dir: &str, files: &ContextFiles) -> Option<String> {
    python::requirements_reason(manifests, files)
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    vec![shared(format!("{}/.cache/pip", home(run)), "pip-cache")]
}
