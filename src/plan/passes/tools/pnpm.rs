//! pnpm: a bare `pnpm install` and `pnpm fetch` install from the lock (and
//! package.json); packages live in the content-addressed store.

use super::{CacheMount, Effect, ToolSpec, home, node, positional, shared, sources, subcommand};
use crate::plan::RunStep;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "pnpm",
    commands: &["pnpm"],
    classify,
    project_files: node::PROJECT_FILES,
    unsafe_reason: node::unsafe_reason,
    install_outputs: node::INSTALL_OUTPUTS,
    cache_mounts,
    dependency_store: None,
    offline: super::never_offline,
    after_mounts: super::nothing_after,
};

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    if cmd != "pnpm" {
        return None;
    }
    let sub = subcommand(args);
    Some(match sub {
        "install" | "i" if positional(args).len() == 1 => Effect::InstallFromManifests {
            manifests: node::manifests(&["pnpm-lock.yaml", "pnpm-workspace.yaml", ".pnpmfile.cjs"]),
        },
        "fetch" => Effect::InstallFromManifests {
            manifests: vec![
                "pnpm-lock.yaml".into(),
                "pnpm-workspace.yaml".into(),
                ".npmrc".into(),
            ],
        },
        "store" => Effect::NoProjectFiles,
        _ => sources(&format!("pnpm {sub} runs project scripts")),
    })
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    vec![shared(
        format!("{}/.local/share/pnpm/store", home(run)),
        "pnpm-store",
    )]
}
