//! poetry: `poetry install --no-root` installs from pyproject.toml and
//! poetry.lock (without `--no-root` it also installs the project itself).
//! Downloads go to `~/.cache/pypoetry`.

use super::{CacheMount, Effect, ToolSpec, home, python, shared, sources, subcommand};
use crate::plan::RunStep;
use crate::plan::passes::ContextFiles;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "poetry",
    commands: &["poetry"],
    classify,
    project_files: python::PYPROJECT,
    unsafe_reason,
    install_outputs: python::VENV,
    cache_mounts,
    dependency_store: None,
    offline: super::never_offline,
    after_mounts: super::nothing_after,
};

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    if cmd != "poetry" {
        return None;
    }
    let sub = subcommand(args);
    Some(match sub {
        "install"
            if args.iter().any(|a| a == "--no-root")
                && !args.iter().any(|a| a == "--only-root") =>
        {
            Effect::InstallFromManifests {
                manifests: vec![
                    "pyproject.toml".into(),
                    "poetry.lock".into(),
                    "poetry.toml".into(),
                ],
            }
        }
        "install" => sources("poetry install also installs the project itself (use --no-root)"),
        _ => sources(&format!("poetry {sub} may read the project")),
    })
}

fn unsafe_reason(_manifests: &[String], project_dir: &str, files: &ContextFiles) -> Option<String> {
    match python::pyproject(project_dir, files) {
        Ok(py) => python::path_dependency_reason(&py),
        Err(reason) => Some(reason),
    }
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    vec![shared(
        format!("{}/.cache/pypoetry", home(run)),
        "poetry-cache",
    )]
}
