//! Automatic cache mounts: package managers' download caches live in
//! BuildKit cache mounts instead of image layers, so a rebuild that must
//! re-run an install reuses everything already downloaded.

use std::collections::BTreeSet;

use super::Explanation;
use super::detect::{Tool, tools_in};
use crate::plan::{BuildPlan, RunMountPlan, RunStep, StepOp};
use crate::proto::pb::CacheSharingOpt;

/// apt's docker-clean hook deletes downloaded packages after every install;
/// for the step it is shadowed by an empty file, and downloads are kept.
const APT_DOCKER_CLEAN: &str = "/etc/apt/apt.conf.d/docker-clean";
const APT_KEEP_DOWNLOADS: &str = "/etc/apt/apt.conf.d/zz-strata-keep-downloads";
const APT_KEEP_DOWNLOADS_CONF: &str = "Binary::apt::APT::Keep-Downloaded-Packages \"true\";\nAPT::Keep-Downloaded-Packages \"true\";\n";

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

/// Cargo's registry and Go's module cache are not only download caches:
/// `cargo fetch` / `go mod download` install into them and later steps
/// build from them. In a cache mount they live outside the install step's
/// layer, so when the engine has dropped the cache (GC, prune) while the
/// install layer stays cached, a later step finds them empty and must
/// download again. That is fine when it can, not when it builds offline.
const OFFLINE_FALLBACK: &str = "a step builds offline from what an earlier step downloaded, and in a cache mount those downloads are not part of that step's cached layer (a pruned cache would leave the offline step without them), so they stay in the layer as written";

/// The mount purpose that holds a tool's installed dependencies (not just downloads).
fn dependency_store(tool: Tool) -> &'static str {
    match tool {
        Tool::Cargo => "cargo-registry",
        Tool::Go => "go-mod",
        _ => "",
    }
}

/// Tools whose dependency store must stay in layers, with the reason:
/// some RUN of the build reads it without network fallback.
fn offline_stores(
    plan: &BuildPlan,
    enabled: &BTreeSet<Tool>,
) -> std::collections::BTreeMap<Tool, String> {
    let mut out = std::collections::BTreeMap::new();
    for stage in plan.stages.iter().filter(|s| s.reachable) {
        for step in &stage.steps {
            let StepOp::Run(run) = &step.op else {
                continue;
            };
            let script = script_of(run);
            let tools = tools_in(&script);
            let env = |k: &str| env_value(&run.env, k).unwrap_or("").to_string();
            if tools.contains(&Tool::Cargo) && enabled.contains(&Tool::Cargo) {
                let flag = ["--offline", "--frozen"]
                    .into_iter()
                    .find(|f| script.split_whitespace().any(|w| w == *f));
                let net_off = matches!(env("CARGO_NET_OFFLINE").as_str(), "true" | "1");
                if let Some(f) = flag {
                    out.entry(Tool::Cargo).or_insert_with(|| {
                        format!("cargo runs with {f} (line {})", step.span.start.line)
                    });
                } else if net_off {
                    out.entry(Tool::Cargo).or_insert_with(|| {
                        format!("CARGO_NET_OFFLINE is set (line {})", step.span.start.line)
                    });
                }
            }
            if tools.contains(&Tool::Go) && enabled.contains(&Tool::Go) {
                let proxy = env("GOPROXY");
                let flags = env("GOFLAGS");
                if proxy.split([',', '|']).any(|p| p == "off") {
                    out.entry(Tool::Go)
                        .or_insert_with(|| format!("GOPROXY=off (line {})", step.span.start.line));
                } else if flags.contains("-mod=vendor") || script.contains("-mod=vendor") {
                    out.entry(Tool::Go).or_insert_with(|| {
                        format!("go builds with -mod=vendor (line {})", step.span.start.line)
                    });
                }
            }
        }
    }
    out
}

/// Whether a script runs a cargo command that compiles.
fn compiles_with_cargo(script: &str) -> bool {
    let Some(commands) = super::detect::split_commands(script) else {
        return script.contains("cargo build") || script.contains("cargo install");
    };
    commands.iter().any(|c| {
        let inv = super::detect::classify(c);
        inv.tool == Some(Tool::Cargo)
            && inv.words.iter().any(|w| {
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

fn env_value<'a>(env: &'a [String], key: &str) -> Option<&'a str> {
    env.iter()
        .rev()
        .find_map(|e| e.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
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

/// The cache mounts a tool needs: (target, purpose, sharing).
fn mounts_for(tool: Tool, run: &RunStep) -> Vec<(String, &'static str, CacheSharingOpt)> {
    let home = env_value(&run.env, "HOME")
        .unwrap_or("/root")
        .trim_end_matches('/')
        .to_string();
    let shared = CacheSharingOpt::Shared;
    let locked = CacheSharingOpt::Locked;
    match tool {
        Tool::Npm => vec![(format!("{home}/.npm"), "npm-cache", shared)],
        Tool::Yarn => vec![
            (
                "/usr/local/share/.cache/yarn".into(),
                "yarn-classic-cache",
                locked,
            ),
            (
                format!("{home}/.yarn/berry/cache"),
                "yarn-berry-cache",
                locked,
            ),
        ],
        Tool::Pnpm => vec![(
            format!("{home}/.local/share/pnpm/store"),
            "pnpm-store",
            shared,
        )],
        Tool::Pip => vec![(format!("{home}/.cache/pip"), "pip-cache", shared)],
        Tool::Uv => vec![(format!("{home}/.cache/uv"), "uv-cache", shared)],
        Tool::Poetry => vec![(format!("{home}/.cache/pypoetry"), "poetry-cache", shared)],
        Tool::Apt => vec![
            ("/var/cache/apt".into(), "apt-cache", locked),
            ("/var/lib/apt".into(), "apt-lists", locked),
        ],
        Tool::Cargo => {
            let cargo_home = env_value(&run.env, "CARGO_HOME")
                .map(str::to_string)
                .unwrap_or_else(|| format!("{home}/.cargo"));
            let cargo_home = cargo_home.trim_end_matches('/');
            vec![
                (format!("{cargo_home}/registry"), "cargo-registry", shared),
                (format!("{cargo_home}/git"), "cargo-git", shared),
            ]
        }
        Tool::Go => {
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
            vec![
                (gomodcache, "go-mod", shared),
                (gocache, "go-build", shared),
            ]
        }
    }
}

fn script_of(run: &RunStep) -> String {
    match run.args.iter().position(|a| a == "-c") {
        Some(i) if i + 1 < run.args.len() => run.args[i + 1..].join(" "),
        _ => run.args.join(" "),
    }
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
            format!("no {} mount", dependency_store(*tool)),
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
            let tools: Vec<Tool> = tools_in(&script_of(run))
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
                for (target, purpose, sharing) in mounts_for(tool, run) {
                    if offline.contains_key(&tool) && purpose == dependency_store(tool) {
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
                        sharing,
                        from: crate::plan::FsRef::Scratch,
                        source: "/".into(),
                        init: (uid != 0 || gid != 0).then_some((uid, gid, 0o755)),
                        readonly: false,
                    });
                    added.push(target);
                }
                match tool {
                    Tool::Uv if !run.env.iter().any(|e| e.starts_with("UV_LINK_MODE=")) => {
                        run.env.push("UV_LINK_MODE=copy".into())
                    }
                    Tool::Apt if !taken.contains(APT_DOCKER_CLEAN) => {
                        run.mounts.push(RunMountPlan::GeneratedFile {
                            target: APT_DOCKER_CLEAN.into(),
                            data: Vec::new(),
                        });
                        run.mounts.push(RunMountPlan::GeneratedFile {
                            target: APT_KEEP_DOWNLOADS.into(),
                            data: APT_KEEP_DOWNLOADS_CONF.as_bytes().to_vec(),
                        });
                    }
                    Tool::Cargo
                        if compiles_with_cargo(&script_of(run))
                            && !run.mounts.iter().any(|m| {
                                matches!(m, RunMountPlan::Cache { id, .. } if id.contains("/cargo-target/"))
                            }) =>
                    {
                        explain.add(
                            "cache-mounts",
                            &stage_name,
                            span,
                            "no cargo target-dir cache mount",
                            TARGET_DIR_FALLBACK,
                        );
                    }
                    _ => {}
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
        assert_eq!(
            mounts_for(Tool::Cargo, &run)[0].0,
            "/usr/local/cargo/registry"
        );
        assert_eq!(mounts_for(Tool::Go, &run)[0].0, "/go/pkg/mod");
        assert_eq!(mounts_for(Tool::Npm, &run)[0].0, "/root/.npm");
    }
}
