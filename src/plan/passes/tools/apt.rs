//! apt: reads no project file (layering may move it before the source
//! copy). Its package cache and lists go to cache mounts, and the
//! docker-clean hook that would empty the cache after every install is
//! shadowed for the step.

use std::collections::BTreeSet;

use super::{CacheMount, Effect, Note, ToolSpec, locked};
use crate::plan::{RunMountPlan, RunStep};

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "apt",
    commands: &["apt-get", "apt"],
    classify,
    project_files: &[],
    unsafe_reason: super::always_safe,
    install_outputs: &[],
    cache_mounts,
    dependency_store: None,
    offline: super::never_offline,
    after_mounts,
};

/// apt's docker-clean hook deletes downloaded packages after every install;
/// for the step it is shadowed by an empty file, and downloads are kept.
const APT_DOCKER_CLEAN: &str = "/etc/apt/apt.conf.d/docker-clean";
const APT_KEEP_DOWNLOADS: &str = "/etc/apt/apt.conf.d/zz-strata-keep-downloads";
const APT_KEEP_DOWNLOADS_CONF: &str = "Binary::apt::APT::Keep-Downloaded-Packages \"true\";\nAPT::Keep-Downloaded-Packages \"true\";\n";

fn classify(cmd: &str, _args: &[String]) -> Option<Effect> {
    matches!(cmd, "apt-get" | "apt").then_some(Effect::NoProjectFiles)
}

/// Locked: apt itself takes a lock on both directories and fails when
/// another apt holds it.
fn cache_mounts(_run: &RunStep) -> Vec<CacheMount> {
    vec![
        locked("/var/cache/apt".into(), "apt-cache"),
        locked("/var/lib/apt".into(), "apt-lists"),
    ]
}

fn after_mounts(run: &mut RunStep, taken: &BTreeSet<String>) -> Option<Note> {
    if !taken.contains(APT_DOCKER_CLEAN) {
        run.mounts.push(RunMountPlan::GeneratedFile {
            target: APT_DOCKER_CLEAN.into(),
            data: Vec::new(),
        });
        run.mounts.push(RunMountPlan::GeneratedFile {
            target: APT_KEEP_DOWNLOADS.into(),
            data: APT_KEEP_DOWNLOADS_CONF.as_bytes().to_vec(),
        });
    }
    None
}
