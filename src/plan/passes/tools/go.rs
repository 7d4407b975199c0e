//! go: `go mod download` installs from go.mod/go.sum (and the workspace
//! files); every other go command reads the sources. The module cache
//! (`GOMODCACHE`) and the build cache (`GOCACHE`) go to cache mounts,
//! except the module cache when a step builds offline from it.

use super::{
    CacheMount, Effect, ToolSpec, env_value, home, positional, shared, sources, subcommand,
};
use crate::plan::RunStep;
use crate::plan::passes::ContextFiles;
use crate::plan::passes::layering::join_rel;

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "go",
    commands: &["go"],
    classify,
    project_files: &["go.mod", "go.work"],
    unsafe_reason,
    install_outputs: &[],
    cache_mounts,
    dependency_store: Some("go-mod"),
    offline,
    after_mounts: super::nothing_after,
};

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    if cmd != "go" {
        return None;
    }
    let sub = subcommand(args);
    Some(match (sub, positional(args).get(1).copied()) {
        ("mod", Some("download")) => Effect::InstallFromManifests {
            manifests: vec![
                "go.mod".into(),
                "go.sum".into(),
                "go.work".into(),
                "go.work.sum".into(),
            ],
        },
        _ => sources(&format!("go {sub} reads the sources")),
    })
}

fn unsafe_reason(_manifests: &[String], project_dir: &str, files: &ContextFiles) -> Option<String> {
    let rel = |f: &str| join_rel(project_dir, f);
    if files.get(&rel("go.work")).is_some() {
        return Some("go.work workspace: member modules are not in the manifest set".into());
    }
    let Some(gomod) = files
        .get(&rel("go.mod"))
        .map(|b| String::from_utf8_lossy(b).into_owned())
    else {
        return Some("go.mod was not found in the build context".into());
    };
    if gomod.lines().any(|l| {
        l.contains("=>") && (l.contains("=> ./") || l.contains("=> ../") || l.contains("=> /"))
    }) {
        return Some("go.mod replaces a module with a local directory".into());
    }
    None
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    let home = home(run);
    let gomodcache = env_value(&run.env, "GOMODCACHE")
        .map(str::to_string)
        .unwrap_or_else(|| {
            let gopath = env_value(&run.env, "GOPATH")
                .map(|p| p.split(':').next().unwrap_or(p).to_string())
                .unwrap_or_else(|| format!("{home}/go"));
            format!("{}/pkg/mod", gopath.trim_end_matches('/'))
        });
    let gocache = env_value(&run.env, "GOCACHE")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{home}/.cache/go-build"));
    vec![shared(gomodcache, "go-mod"), shared(gocache, "go-build")]
}

/// Builds that do not download modules: the proxy is off, or `-mod=vendor`.
fn offline(script: &str, run: &RunStep) -> Option<String> {
    let env = |k: &str| env_value(&run.env, k).unwrap_or("").to_string();
    if env("GOPROXY").split([',', '|']).any(|p| p == "off") {
        Some("GOPROXY=off".into())
    } else if env("GOFLAGS").contains("-mod=vendor") || script.contains("-mod=vendor") {
        Some("go builds with -mod=vendor".into())
    } else {
        None
    }
}
