//! npm: `npm ci` and a bare `npm install` install from package.json and
//! the lock file; downloads go to `~/.npm`.

use super::{CacheMount, Effect, ToolSpec, home, node, positional, shared, sources, subcommand};
use crate::plan::RunStep;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "npm",
    commands: &["npm"],
    classify,
    project_files: node::PROJECT_FILES,
    unsafe_reason: node::unsafe_reason,
    install_outputs: node::INSTALL_OUTPUTS,
    cache_mounts,
    dependency_store: None,
    offline: super::never_offline,
    after_mounts: super::nothing_after,
};

const LOCKS: &[&str] = &["package-lock.json", "npm-shrinkwrap.json"];

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    if cmd != "npm" {
        return None;
    }
    let sub = subcommand(args);
    Some(match sub {
        "ci" | "clean-install" => Effect::InstallFromManifests {
            manifests: node::manifests(LOCKS),
        },
        "install" | "i" | "add" if positional(args).len() == 1 => Effect::InstallFromManifests {
            manifests: node::manifests(LOCKS),
        },
        "install" | "i" | "add" => sources("npm install of named packages rewrites package.json"),
        "cache" => Effect::NoProjectFiles,
        _ => sources(&format!("npm {sub} runs project scripts")),
    })
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    vec![shared(format!("{}/.npm", home(run)), "npm-cache")]
}
