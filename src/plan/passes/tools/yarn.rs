//! yarn (classic and berry): `yarn` / `yarn install` install from
//! package.json, the lock and yarn's own config and plugins; downloads go
//! to the classic cache or berry's global cache.

use super::{CacheMount, Effect, ToolSpec, home, locked, node, sources, subcommand};
use crate::plan::RunStep;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "yarn",
    commands: &["yarn"],
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
    if cmd != "yarn" {
        return None;
    }
    let sub = subcommand(args);
    Some(match sub {
        "" | "install" => Effect::InstallFromManifests {
            manifests: vec![
                "package.json".into(),
                "yarn.lock".into(),
                ".yarnrc".into(),
                ".yarnrc.yml".into(),
                ".npmrc".into(),
                ".yarn/releases".into(),
                ".yarn/plugins".into(),
                ".yarn/patches".into(),
            ],
        },
        "cache" => Effect::NoProjectFiles,
        _ => sources(&format!("yarn {sub} runs project scripts")),
    })
}

/// Classic's cache and berry's global cache, each taken by one build at a time.
fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    vec![
        locked("/usr/local/share/.cache/yarn".into(), "yarn-classic-cache"),
        locked(
            format!("{}/.yarn/berry/cache", home(run)),
            "yarn-berry-cache",
        ),
    ]
}
