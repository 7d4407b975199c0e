//! Automatic cache mounts: package managers' download caches live in
//! BuildKit cache mounts instead of image layers, so a rebuild that must
//! re-run an install reuses everything already downloaded. Where each
//! tool's caches are, and what else its RUN needs, is in its module under
//! [`super::tools`] (`cache_mounts`, `dependency_store`, `offline`,
//! `after_mounts`); this pass decides which RUNs get them.

use std::collections::{BTreeMap, BTreeSet};

use super::Explanation;
use super::detect::{Tool, tools_in};
use crate::plan::{BuildPlan, RunMountPlan, StepOp};

/// Cargo's registry and Go's module cache are not only download caches:
/// `cargo fetch` / `go mod download` install into them and later steps
/// build from them. In a cache mount they live outside the install step's
/// layer, so when the engine has dropped the cache (GC, prune) while the
/// install layer stays cached, a later step finds them empty and must
/// download again. That is fine when it can, not when it builds offline.
const OFFLINE_FALLBACK: &str = "a step builds offline from what an earlier step downloaded, and in a cache mount those downloads are not part of that step's cached layer (a pruned cache would leave the offline step without them), so they stay in the layer as written";

/// Tools whose dependency store must stay in layers, with the reason:
/// some RUN of the build reads it without network fallback.
fn offline_stores(plan: &BuildPlan, enabled: &BTreeSet<Tool>) -> BTreeMap<Tool, String> {
    let mut out = BTreeMap::new();
    for stage in plan.stages.iter().filter(|s| s.reachable) {
        for step in &stage.steps {
            let StepOp::Run(run) = &step.op else {
                continue;
            };
            let script = run.script();
            for tool in tools_in(&script)
                .into_iter()
                .filter(|t| enabled.contains(t))
            {
                if let Some(why) = (tool.spec().offline)(&script, run) {
                    out.entry(tool)
                        .or_insert_with(|| format!("{why} (line {})", step.span.start.line));
                }
            }
        }
    }
    out
}

/// The numeric uid/gid of the step's user when we can know it without
/// reading the image's /etc/passwd; `None` for named non-root users.
fn known_ids(user: &str) -> Option<(u32, u32)> {
    let (u, g) = match user.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (user, None),
    };
    let uid = match u {
        "" | "root" => 0,
        n => n.parse().ok()?,
    };
    let gid = match g {
        None => uid,
        Some("root") => 0,
        Some(n) => n.parse().ok()?,
    };
    Some((uid, gid))
}

fn mount_target(m: &RunMountPlan) -> Option<&str> {
    match m {
        RunMountPlan::Bind { target, .. }
        | RunMountPlan::Cache { target, .. }
        | RunMountPlan::Tmpfs { target, .. }
        | RunMountPlan::Ssh { target, .. } => Some(target),
        RunMountPlan::GeneratedFile { target, .. } => Some(target),
        RunMountPlan::Secret { target, .. } => target.as_deref(),
        RunMountPlan::InlineFile { dir, .. } => Some(dir),
    }
}

/// Add cache mounts to every RUN that invokes an enabled tool.
pub fn apply(
    plan: &mut BuildPlan,
    enabled: &BTreeSet<Tool>,
    namespace: &str,
    explain: &mut Explanation,
) {
    let ns = if namespace.is_empty() {
        "default"
    } else {
        namespace
    };
    let offline = offline_stores(plan, enabled);
    for (tool, why) in &offline {
        explain.add(
            "cache-mounts",
            "",
            None,
            format!("no {} mount", tool.spec().dependency_store.unwrap_or("")),
            format!("{why}; {OFFLINE_FALLBACK}"),
        );
    }
    for stage in plan.stages.iter_mut().filter(|s| s.reachable) {
        let stage_name = stage.name.clone();
        for step in &mut stage.steps {
            let span = Some(step.span);
            let StepOp::Run(run) = &mut step.op else {
                continue;
            };
            let tools: Vec<Tool> = tools_in(&run.script())
                .into_iter()
                .filter(|t| enabled.contains(t))
                .collect();
            if tools.is_empty() {
                continue;
            }
            let Some((uid, gid)) = known_ids(&run.user) else {
                explain.add("cache-mounts", &stage_name, span, "kept as written", format!("RUN as user {:?}: its home and ids are unknown without the image's /etc/passwd", run.user));
                continue;
            };
            let taken: BTreeSet<String> = run
                .mounts
                .iter()
                .filter_map(mount_target)
                .map(str::to_string)
                .collect();
            let mut added = Vec::new();
            for tool in tools {
                let spec = tool.spec();
                for mount in (spec.cache_mounts)(run) {
                    let (target, purpose) = (mount.target, mount.purpose);
                    if offline.contains_key(&tool) && Some(purpose) == spec.dependency_store {
                        continue;
                    }
                    if taken.iter().any(|t| {
                        *t == target
                            || target.starts_with(&format!("{t}/"))
                            || t.starts_with(&format!("{target}/"))
                    }) {
                        explain.add(
                            "cache-mounts",
                            &stage_name,
                            span,
                            format!("no {purpose} mount"),
                            format!("the RUN already mounts something at or around {target}"),
                        );
                        continue;
                    }
                    run.mounts.push(RunMountPlan::Cache {
                        target: target.clone(),
                        id: format!("strata/{ns}/{purpose}"),
                        sharing: mount.sharing,
                        from: crate::plan::FsRef::Scratch,
                        source: "/".into(),
                        init: (uid != 0 || gid != 0).then_some((uid, gid, 0o755)),
                        readonly: false,
                    });
                    added.push(target);
                }
                if let Some((action, reason)) = (spec.after_mounts)(run, &taken) {
                    explain.add("cache-mounts", &stage_name, span, action, reason);
                }
            }
            if !added.is_empty() {
                explain.add(
                    "cache-mounts",
                    &stage_name,
                    span,
                    format!("cache mounts at {}", added.join(", ")),
                    "package downloads are kept in BuildKit cache mounts (id strata/<namespace>/<tool>) instead of image layers",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::RunStep;

    #[test]
    fn ids_known_only_for_numeric_or_root() {
        assert_eq!(known_ids(""), Some((0, 0)));
        assert_eq!(known_ids("root"), Some((0, 0)));
        assert_eq!(known_ids("1000:1000"), Some((1000, 1000)));
        assert_eq!(known_ids("1000"), Some((1000, 1000)));
        assert_eq!(known_ids("node"), None);
    }

    fn planned(df: &str) -> BuildPlan {
        let df = crate::dockerfile::parse(df).expect("parses");
        crate::plan::plan(
            &df,
            &crate::plan::BuildOptions::default(),
            &crate::plan::NoImageConfigs,
        )
        .expect("plans")
    }

    fn cache_targets(plan: &BuildPlan, step: usize) -> Vec<String> {
        let StepOp::Run(run) = &plan.stages[0].steps[step].op else {
            panic!("not a RUN")
        };
        run.mounts
            .iter()
            .filter_map(|m| match m {
                RunMountPlan::Cache { target, .. } => Some(target.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn offline_builds_keep_the_dependency_store_in_layers() {
        let all: BTreeSet<Tool> = Tool::ALL.into_iter().collect();
        let mut p = planned("FROM rust\nRUN cargo fetch\nRUN cargo build --release --offline\n");
        let mut ex = Explanation::default();
        apply(&mut p, &all, "", &mut ex);
        assert_eq!(cache_targets(&p, 0), ["/root/.cargo/git"]);
        assert_eq!(cache_targets(&p, 1), ["/root/.cargo/git"]);
        assert!(
            ex.render().contains("cargo runs with --offline"),
            "{}",
            ex.render()
        );

        let mut p = planned("FROM rust\nRUN cargo fetch\nRUN cargo build --release\n");
        apply(&mut p, &all, "", &mut Explanation::default());
        assert_eq!(
            cache_targets(&p, 1),
            ["/root/.cargo/registry", "/root/.cargo/git"]
        );

        let mut p = planned("FROM golang\nENV GOPROXY=off\nRUN go mod download\nRUN go build .\n");
        let mut ex = Explanation::default();
        apply(&mut p, &all, "", &mut ex);
        assert_eq!(cache_targets(&p, 0), ["/root/.cache/go-build"]);
        assert!(ex.render().contains("GOPROXY=off"), "{}", ex.render());
    }

    #[test]
    fn tool_paths_follow_env() {
        let run = RunStep {
            args: vec![],
            env: vec!["CARGO_HOME=/usr/local/cargo".into(), "GOPATH=/go".into()],
            cwd: "/".into(),
            user: String::new(),
            network: Default::default(),
            insecure: false,
            mounts: vec![],
            proxy_env: None,
            hostname: String::new(),
            extra_hosts: vec![],
            ulimits: vec![],
            shm_size: 0,
        };
        let first = |t: Tool| (t.spec().cache_mounts)(&run)[0].target.clone();
        assert_eq!(first(Tool::Cargo), "/usr/local/cargo/registry");
        assert_eq!(first(Tool::Go), "/go/pkg/mod");
        assert_eq!(first(Tool::Npm), "/root/.npm");
    }
}
