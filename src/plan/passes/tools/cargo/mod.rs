//! cargo: `cargo fetch` installs from the workspace's manifests and lock;
//! other cargo commands compile the sources. The registry and git checkouts
//! under `$CARGO_HOME` go to cache mounts (unless a step builds offline from
//! them); the build's own `target/` never does.
//!
//! What layering needs to know about a Cargo workspace (members, target
//! stubs, the dependency pre-build) is the larger part and lives beside this
//! file in [`project`]: it models Cargo projects, not the command line.

pub mod project;

use std::collections::BTreeSet;

use super::{CacheMount, Effect, Note, ToolSpec, env_value, home, shared, sources, subcommand};
use crate::plan::passes::shell::{split_commands, strip_prefix_words};
use crate::plan::{RunMountPlan, RunStep};

pub(super) const SPEC: ToolSpec = ToolSpec {
    name: "cargo",
    commands: &["cargo"],
    classify,
    // The workspace's files are found by `project::scan`, not listed here.
    project_files: &[],
    unsafe_reason: super::always_safe,
    // `cargo fetch` may rewrite a missing or stale Cargo.lock; the full copy
    // keeps the one the install left (see layering).
    install_outputs: &["Cargo.lock"],
    cache_mounts,
    dependency_store: Some("cargo-registry"),
    offline,
    after_mounts,
};

/// The manifests of a `cargo build` that layering pre-builds (the
/// workspace's other manifests come from [`project::scan`]).
pub const BUILD_MANIFESTS: [&str; 2] = ["Cargo.toml", "Cargo.lock"];

/// Why the build step's own target directory gets no cache mount (the
/// dependency pre-build of layering has one). A cache mount at `target/`
/// would take the build outputs out of the image; building into a cache
/// and copying the outputs out would carry artifacts of earlier builds
/// (cargo never deletes them) into `target/`, and cargo decides freshness
/// of the workspace crates from file mtimes, so a cache filled from other
/// sources can hand back stale binaries. The pre-build avoids both: it
/// prunes to the units of the current build and removes the workspace
/// crates' outputs.
const TARGET_DIR_FALLBACK: &str = "the build step's target/ stays in its layer (its outputs are the image's, and cargo trusts mtimes for the workspace crates); when layering applies, the dependency pre-build before it keeps target/ in a cache mount";

fn classify(cmd: &str, args: &[String]) -> Option<Effect> {
    if cmd != "cargo" {
        return None;
    }
    let sub = subcommand(args);
    Some(match sub {
        "fetch" if args.iter().any(|a| a.starts_with("--manifest-path")) => {
            sources("cargo fetch --manifest-path reads a manifest strata does not locate")
        }
        // Layering also reads the workspace members' manifests and
        // stubs the crates' target files (see `project::scan`).
        "fetch" => Effect::InstallFromManifests {
            manifests: BUILD_MANIFESTS.iter().map(|m| m.to_string()).collect(),
        },
        _ => sources(&format!("cargo {sub} compiles the sources")),
    })
}

fn cache_mounts(run: &RunStep) -> Vec<CacheMount> {
    let cargo_home = env_value(&run.env, "CARGO_HOME")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/.cargo", home(run)));
    let cargo_home = cargo_home.trim_end_matches('/');
    vec![
        shared(format!("{cargo_home}/registry"), "cargo-registry"),
        shared(format!("{cargo_home}/git"), "cargo-git"),
    ]
}

/// Builds that do not download crates: `--offline`, `--frozen` or `CARGO_NET_OFFLINE`.
fn offline(script: &str, run: &RunStep) -> Option<String> {
    if let Some(f) = ["--offline", "--frozen"]
        .into_iter()
        .find(|f| script.split_whitespace().any(|w| w == *f))
    {
        return Some(format!("cargo runs with {f}"));
    }
    matches!(
        env_value(&run.env, "CARGO_NET_OFFLINE").unwrap_or(""),
        "true" | "1"
    )
    .then(|| "CARGO_NET_OFFLINE is set".into())
}

/// A compiling RUN is told why its target/ gets no cache mount.
fn after_mounts(run: &mut RunStep, _taken: &BTreeSet<String>) -> Option<Note> {
    let has_target_cache = run
        .mounts
        .iter()
        .any(|m| matches!(m, RunMountPlan::Cache { id, .. } if id.contains("/cargo-target/")));
    (compiles(&run.script()) && !has_target_cache)
        .then_some(("no cargo target-dir cache mount", TARGET_DIR_FALLBACK))
}

/// Whether a script runs a cargo command that compiles.
fn compiles(script: &str) -> bool {
    let Some(commands) = split_commands(script) else {
        return script.contains("cargo build") || script.contains("cargo install");
    };
    commands.iter().any(|c| {
        let runs_cargo = strip_prefix_words(c)
            .first()
            .is_some_and(|cmd| cmd.rsplit('/').next().unwrap_or(cmd) == "cargo");
        runs_cargo
            && c.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "build"
                        | "b"
                        | "test"
                        | "t"
                        | "run"
                        | "r"
                        | "install"
                        | "check"
                        | "c"
                        | "bench"
                        | "doc"
                        | "rustc"
                )
            })
    })
}
