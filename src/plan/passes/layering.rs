//! Dependency-first layering: `COPY . <dir>` followed by a dependency
//! install becomes "copy the manifests, install, copy the rest", so a
//! source edit leaves the install layer cached. The final filesystem is
//! the one the naive order gives; whenever that cannot be shown from the
//! manifests, the step is kept as written and the reason recorded.

use super::detect::{Effect, Tool, classify, split_commands};
use super::tools::cargo::BUILD_MANIFESTS as CARGO_BUILD_MANIFESTS;
use super::tools::cargo::project::{
    CargoProject, CargoScan, is_cargo_build, prebuild_script, profile_key, scan as scan_cargo,
};
use super::{ContextFiles, Explanation};
use crate::paths::clean as clean_path;
use crate::plan::image::History;
use crate::plan::{
    Base, BuildPlan, CopySource, CopyStep, FsRef, RunMountPlan, RunStep, StageId, StepOp,
};

/// A `COPY . dir` + install pair worth rewriting, before checking manifests.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub stage: StageId,
    pub copy_index: usize,
    pub kind: CandidateKind,
    /// Context paths the safety checks read.
    pub manifests_to_read: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum CandidateKind {
    /// Install from these context paths (relative to the context root).
    Install {
        tools: Vec<Tool>,
        manifests: Vec<String>,
        project_dir: String,
        /// The RUN compiles the project (`cargo build`): it stays after the
        /// full copy, and a dependency pre-build is the install that moves.
        run_stays: bool,
    },
    /// The RUN reads no project files (apt…): it can simply go first.
    MoveBefore,
    /// Not rewritable; the reason is explained.
    Fallback(String),
}

/// `COPY . <dest>` (whole context, nothing else) → its destination directory.
fn whole_context_copy(copy: &CopyStep) -> Option<String> {
    match copy.sources.as_slice() {
        [
            CopySource::Fs {
                from: FsRef::Context,
                path,
                include_patterns,
                required_paths,
                ..
            },
        ] if path == "/" && include_patterns.is_empty() && required_paths.is_empty() => {
            Some(clean_path(&copy.dest))
        }
        _ => None,
    }
}

fn relative_to(dir: &str, base: &str) -> Option<String> {
    if dir == base {
        return Some(String::new());
    }
    let prefix = if base == "/" {
        "/".to_string()
    } else {
        format!("{base}/")
    };
    dir.strip_prefix(&prefix).map(str::to_string)
}

/// `file` in the project directory `dir`, as a context path (no leading `/`).
pub(crate) fn join_rel(dir: &str, file: &str) -> String {
    let joined = if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    };
    clean_path(&format!("/{joined}"))
        .trim_start_matches('/')
        .to_string()
}

fn analyse(run: &RunStep, dest: &str) -> CandidateKind {
    let script = run.script();
    let Some(commands) = split_commands(&script) else {
        return CandidateKind::Fallback("the RUN command uses shell constructs strata does not analyse (subshells, $(…), here-docs)".into());
    };
    let mut tools = Vec::new();
    let mut manifests = Vec::new();
    let mut installs = 0;
    for words in &commands {
        if words.first().map(String::as_str) == Some("cd") {
            return CandidateKind::Fallback(
                "the RUN changes directory, so the files it reads are not known".into(),
            );
        }
        if is_cargo_build(words) {
            // What follows the build stays in the RUN, after the full copy.
            let Some(project_dir) = relative_to(&clean_path(&run.cwd), dest) else {
                return CandidateKind::Fallback(format!(
                    "the RUN works in {} which is outside the copied directory {dest}",
                    run.cwd
                ));
            };
            return CandidateKind::Install {
                tools: vec![Tool::Cargo],
                manifests: CARGO_BUILD_MANIFESTS
                    .iter()
                    .map(|m| join_rel(&project_dir, m))
                    .collect(),
                project_dir,
                run_stays: true,
            };
        }
        let inv = classify(words);
        match inv.effect {
            Effect::InstallFromManifests { manifests: m } => {
                installs += 1;
                manifests.extend(m);
                tools.extend(inv.tool);
            }
            Effect::ReadsSources { why } => {
                return CandidateKind::Fallback(format!(
                    "build steps chained into the same RUN read the sources: {why}"
                ));
            }
            Effect::Unknown => {
                return CandidateKind::Fallback(format!(
                    "`{}` is not a command strata knows to read only manifests",
                    words.join(" ")
                ));
            }
            Effect::NoProjectFiles => tools.extend(inv.tool),
        }
    }
    if installs == 0 {
        if tools.is_empty() {
            return CandidateKind::Fallback("the RUN installs no dependencies".into());
        }
        let mentions_dest = dest != "/" && script.contains(dest);
        let in_project = relative_to(&clean_path(&run.cwd), dest).is_some();
        return if dest == "/" || mentions_dest || in_project && script.contains("./") {
            CandidateKind::Fallback("the RUN may use the copied files".into())
        } else {
            CandidateKind::MoveBefore
        };
    }
    let Some(project_dir) = relative_to(&clean_path(&run.cwd), dest) else {
        return CandidateKind::Fallback(format!(
            "the RUN works in {} which is outside the copied directory {dest}",
            run.cwd
        ));
    };
    tools.sort();
    tools.dedup();
    let manifests = manifests
        .iter()
        .map(|m| join_rel(&project_dir, m))
        .collect();
    CandidateKind::Install {
        tools,
        manifests,
        project_dir,
        run_stays: false,
    }
}

/// Every `COPY . dir` directly followed by a RUN, with what the RUN does.
/// `files` are the context files read so far: some projects (Cargo
/// workspaces) name further manifests only in the ones already read.
pub fn candidates(plan: &BuildPlan, files: &ContextFiles) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (si, stage) in plan.stages.iter().enumerate().filter(|(_, s)| s.reachable) {
        for i in 0..stage.steps.len().saturating_sub(1) {
            let (StepOp::Copy(copy), StepOp::Run(run)) =
                (&stage.steps[i].op, &stage.steps[i + 1].op)
            else {
                continue;
            };
            let Some(dest) = whole_context_copy(copy) else {
                continue;
            };
            let kind = analyse(run, &dest);
            let mut manifests_to_read = Vec::new();
            if let CandidateKind::Install {
                manifests,
                project_dir,
                tools,
                ..
            } = &kind
            {
                manifests_to_read.extend(manifests.iter().cloned());
                if tools.contains(&Tool::Cargo) {
                    if let CargoScan::Need(more) = scan_cargo(project_dir, files) {
                        manifests_to_read.extend(more);
                    }
                    // Cargo writes this into every target directory: a
                    // context that holds one is not layered with a pre-build.
                    manifests_to_read.push(join_rel(project_dir, TARGET_DIR_MARKER));
                }
                // Every tool's project files, whichever tool installs.
                for extra in Tool::ALL.iter().flat_map(|t| t.spec().project_files) {
                    manifests_to_read.push(join_rel(project_dir, extra));
                }
                manifests_to_read.sort();
                manifests_to_read.dedup();
            }
            out.push(Candidate {
                stage: si,
                copy_index: i,
                kind,
                manifests_to_read,
            });
        }
    }
    out
}

/// Why the install might read more than its manifests, judging from their
/// contents: the first reason any of its tools gives.
fn unsafe_reason(
    tools: &[Tool],
    manifests: &[String],
    project_dir: &str,
    files: &ContextFiles,
) -> Option<String> {
    tools
        .iter()
        .find_map(|t| (t.spec().unsafe_reason)(manifests, project_dir, files))
}

/// Where in a stage's history the layer of `steps[step]` is recorded.
fn history_position(history: &[History], steps_len: usize, step: usize) -> usize {
    let layer_entries: Vec<usize> = history
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.empty_layer)
        .map(|(i, _)| i)
        .collect();
    let own_start = layer_entries.len().saturating_sub(steps_len);
    layer_entries
        .get(own_start + step)
        .copied()
        .unwrap_or(history.len())
}

/// Stages whose image history starts with `stage`'s (FROM that stage, transitively).
fn derived_stages(plan: &BuildPlan, stage: StageId) -> Vec<StageId> {
    let mut out = Vec::new();
    for (i, s) in plan.stages.iter().enumerate() {
        let mut cur = &s.base;
        let mut guard = 0;
        while let Base::Stage(b) = cur {
            if *b == stage {
                out.push(i);
                break;
            }
            cur = &plan.stages[*b].base;
            guard += 1;
            if guard > plan.stages.len() {
                break;
            }
        }
    }
    out
}

/// Apply `edit` to the history of `stage`, stages built on it, and the final image when it is one of them.
fn edit_history(
    plan: &mut BuildPlan,
    stage: StageId,
    position: usize,
    edit: &dyn Fn(&mut Vec<History>, usize),
) {
    let mut affected = vec![stage];
    affected.extend(derived_stages(plan, stage));
    if affected.contains(&plan.target) {
        edit(&mut plan.image.history, position);
    }
    for s in affected {
        edit(&mut plan.stages[s].image.history, position);
    }
}

/// Where cargo marks every target directory it creates.
const TARGET_DIR_MARKER: &str = "target/CACHEDIR.TAG";

/// The stubs of a Cargo project's targets as single-file mounts under `dest`.
fn stub_mounts(project: &CargoProject, dest: &str) -> Vec<RunMountPlan> {
    project
        .stubs
        .iter()
        .map(|stub| RunMountPlan::GeneratedFile {
            target: clean_path(&format!("{dest}/{stub}")),
            data: project.stub_source(stub).as_bytes().to_vec(),
        })
        .collect()
}

/// Which workspace a target-dir cache belongs to: its place in the image
/// and its crates' names, which source edits and new dependencies leave
/// alone, so unrelated projects in one cache namespace do not take turns
/// overwriting one cache (each keeps only its latest build's units).
fn workspace_key(dest: &str, packages: &[String]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(dest.as_bytes());
    for p in packages {
        h.update(b"\0");
        h.update(p.as_bytes());
    }
    h.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The dependency pre-build for the `cargo build` in `steps[build_index]`
/// (None when that step builds nothing with cargo), or why there is none.
///
/// The pre-build runs the user's own `cargo build` words in the build
/// RUN's environment, user and working directory, so cargo compiles the
/// dependencies exactly as the build step would (same profile, features,
/// flags and toolchain) and the build step finds them fresh.
fn prebuild_step(
    steps: &[crate::plan::Step],
    build_index: usize,
    project: &CargoProject,
    project_dir: &str,
    dest: &str,
    files: &ContextFiles,
    target_cache: Option<&str>,
) -> Result<Option<crate::plan::Step>, String> {
    let Some(step) = steps.get(build_index) else {
        return Ok(None);
    };
    let StepOp::Run(run) = &step.op else {
        return Ok(None);
    };
    let Some(commands) = split_commands(&run.script()) else {
        return Ok(None);
    };
    let mut build = None;
    for words in &commands {
        if words.first().map(String::as_str) == Some("cd") {
            return Err("the build RUN changes directory before cargo build".into());
        }
        if is_cargo_build(words) {
            build = Some(words.clone());
            break;
        }
        let inv = classify(words);
        if matches!(inv.effect, Effect::Unknown | Effect::ReadsSources { .. }) {
            return Err(format!(
                "`{}` runs before cargo build in the same RUN and may change what it builds",
                words.join(" ")
            ));
        }
    }
    let Some(build) = build else {
        return Ok(None);
    };
    if relative_to(&clean_path(&run.cwd), dest).as_deref() != Some(project_dir) {
        return Err(format!(
            "cargo build runs in {}, not in the workspace root",
            run.cwd
        ));
    }
    let marker = join_rel(project_dir, TARGET_DIR_MARKER);
    if files.get(&marker).is_some() {
        return Err(format!(
            "the build context holds a cargo target directory ({marker}); list it in .dockerignore to layer the build"
        ));
    }
    for m in &run.mounts {
        match m {
            RunMountPlan::Bind { target, .. } => {
                return Err(format!(
                    "the build RUN bind-mounts {target}, which the pre-build would not see"
                ));
            }
            RunMountPlan::Cache { target, .. } | RunMountPlan::Tmpfs { target, .. }
                if relative_to(&clean_path(target), dest).is_some()
                    || relative_to(dest, &clean_path(target)).is_some() =>
            {
                return Err(format!("the build RUN mounts its own {target}"));
            }
            _ => {}
        }
    }
    // The target-dir cache is shared by root builds only: the mount's
    // owner would otherwise need the image's /etc/passwd.
    let root = matches!(run.user.as_str(), "" | "root" | "0" | "0:0" | "root:root");
    let cached = target_cache.filter(|_| root).and_then(|ns| {
        prebuild_script(&build, &project.packages, Some(TARGET_CACHE_MOUNT))
            .ok()
            .map(|script| (ns, script))
    });
    let mut pre = run.clone();
    let script = match cached {
        Some((ns, script)) => {
            pre.mounts.push(RunMountPlan::Cache {
                target: TARGET_CACHE_MOUNT.into(),
                id: format!(
                    "strata/{}/cargo-target/{}/{}",
                    if ns.is_empty() { "default" } else { ns },
                    workspace_key(dest, &project.packages),
                    profile_key(&build)
                ),
                sharing: crate::proto::pb::CacheSharingOpt::Locked,
                from: FsRef::Scratch,
                source: "/".into(),
                init: None,
                readonly: false,
            });
            script
        }
        None => prebuild_script(&build, &project.packages, None)?,
    };
    pre.args = match run.args.iter().position(|a| a == "-c") {
        Some(i) => run.args[..=i].to_vec(),
        None => vec!["/bin/sh".into(), "-c".into()],
    };
    pre.args.push(script);
    pre.mounts.extend(stub_mounts(project, dest));
    let mut pre_step = step.clone();
    pre_step.op = StepOp::Run(pre);
    pre_step.name = format!("{} (dependency pre-build)", step.name);
    pre_step.command = format!("RUN {}", build.join(" "));
    Ok(Some(pre_step))
}

/// Where the dependency pre-build mounts its cache of cargo's target directory.
const TARGET_CACHE_MOUNT: &str = "/.strata/cargo-target";

/// `target_cache`: the cache namespace when cargo's target directory may be
/// cached for the dependency pre-build (cargo cache mounts are on).
/// What a layered install is made of: its manifests (Cargo's replaced by
/// the workspace's), the Cargo project (stubs, crate names) and the
/// dependency pre-build.
type InstallRewrite = (Vec<String>, Option<CargoProject>, Option<crate::plan::Step>);

/// Whether the install after the COPY at `copy_index` can be layered, or why not. A missing
/// pre-build is a reason only where the RUN itself stays after the copy;
/// elsewhere it is reported in `no_prebuild` and the install is layered.
#[allow(clippy::too_many_arguments)]
fn install_rewrite(
    plan: &BuildPlan,
    (stage, copy_index): (StageId, usize),
    tools: &[Tool],
    mut manifests: Vec<String>,
    project_dir: &str,
    run_stays: bool,
    files: &ContextFiles,
    target_cache: Option<&str>,
    no_prebuild: &mut Option<String>,
) -> Result<InstallRewrite, String> {
    // Cargo: the manifests are the workspace's, and the crates' target
    // files get stubs for the install only.
    let mut cargo_project: Option<CargoProject> = None;
    if tools.contains(&Tool::Cargo) {
        match scan_cargo(project_dir, files) {
            CargoScan::Ready(project) => {
                manifests.retain(|m| !m.ends_with("Cargo.toml") && !m.ends_with("Cargo.lock"));
                manifests.extend(project.manifests.iter().cloned());
                cargo_project = Some(project);
            }
            CargoScan::Unsafe(reason) => return Err(reason),
            CargoScan::Need(paths) => {
                return Err(format!(
                    "Cargo manifests could not all be read ({})",
                    paths.join(", ")
                ));
            }
        }
    }
    if let Some(reason) = unsafe_reason(tools, &manifests, project_dir, files) {
        return Err(reason);
    }
    // Cargo also pre-builds the dependencies when the build RUN allows it;
    // a RUN that *is* the build has nothing else to move.
    let mut prebuild = None;
    if let Some(project) = &cargo_project {
        let steps = &plan.stages[stage].steps;
        let StepOp::Copy(copy) = &steps[copy_index].op else {
            return Err("the source copy is not a COPY".into());
        };
        let build_index = copy_index + if run_stays { 1 } else { 2 };
        let dest = clean_path(&copy.dest);
        match prebuild_step(
            steps,
            build_index,
            project,
            project_dir,
            &dest,
            files,
            target_cache,
        ) {
            Ok(step) => prebuild = step,
            Err(reason) if run_stays => return Err(format!("no dependency pre-build: {reason}")),
            Err(reason) => *no_prebuild = Some(reason),
        }
    }
    if run_stays && prebuild.is_none() {
        return Err(
            "no dependency pre-build: the RUN has no cargo build strata can pre-build".into(),
        );
    }
    Ok((manifests, cargo_project, prebuild))
}

pub fn apply(
    plan: &mut BuildPlan,
    files: &ContextFiles,
    target_cache: Option<&str>,
    explain: &mut Explanation,
) {
    let mut found = candidates(plan, files);
    // Later steps first, so earlier indices stay valid while steps are inserted.
    found.sort_by_key(|c| std::cmp::Reverse((c.stage, c.copy_index)));
    for c in found {
        let stage_name = plan.stages[c.stage].name.clone();
        let copy_span = Some(plan.stages[c.stage].steps[c.copy_index].span);
        match c.kind {
            CandidateKind::Fallback(reason) => {
                explain.add(
                    "layering",
                    &stage_name,
                    copy_span,
                    "kept as written",
                    reason,
                );
            }
            CandidateKind::MoveBefore => {
                let steps_len = plan.stages[c.stage].steps.len();
                let pos =
                    history_position(&plan.stages[c.stage].image.history, steps_len, c.copy_index);
                plan.stages[c.stage]
                    .steps
                    .swap(c.copy_index, c.copy_index + 1);
                edit_history(plan, c.stage, pos, &|h, p| {
                    if p + 1 < h.len() {
                        h.swap(p, p + 1);
                    }
                });
                explain.add("layering", &stage_name, copy_span, "moved the RUN before the source copy", "the RUN reads no project files (e.g. apt-get), so source edits no longer re-run it");
            }
            CandidateKind::Install {
                tools,
                manifests,
                project_dir,
                run_stays,
            } => {
                let mut no_prebuild = None;
                let rewrite = install_rewrite(
                    plan,
                    (c.stage, c.copy_index),
                    &tools,
                    manifests,
                    &project_dir,
                    run_stays,
                    files,
                    target_cache,
                    &mut no_prebuild,
                );
                if let Some(reason) = no_prebuild {
                    explain.add(
                        "layering",
                        &stage_name,
                        copy_span,
                        "no dependency pre-build",
                        reason,
                    );
                }
                let (manifests, cargo_project, prebuild) = match rewrite {
                    Ok(r) => r,
                    Err(reason) => {
                        explain.add(
                            "layering",
                            &stage_name,
                            copy_span,
                            "kept as written",
                            reason,
                        );
                        continue;
                    }
                };
                let stubs: Vec<String> = cargo_project
                    .as_ref()
                    .map(|p| p.stubs.clone())
                    .unwrap_or_default();
                let present: Vec<String> = manifests
                    .iter()
                    .filter(|m| !files.known(m) || files.get(m).is_some())
                    .cloned()
                    .collect();
                let stage = &mut plan.stages[c.stage];
                let original = stage.steps[c.copy_index].clone();
                let StepOp::Copy(copy) = &original.op else {
                    continue;
                };
                let mut manifest_copy = copy.clone();
                manifest_copy.sources = vec![CopySource::Fs {
                    from: FsRef::Context,
                    path: "/".into(),
                    include_patterns: present.clone(),
                    required_paths: Vec::new(),
                    unpack: false,
                }];
                let mut manifest_step = original.clone();
                manifest_step.op = StepOp::Copy(manifest_copy);
                manifest_step.name = format!("{} (dependency manifests)", original.name);
                // What the install creates in the project (each tool's
                // `install_outputs`: node_modules, .venv, Cargo.lock) must
                // survive the full copy.
                let mut full_copy = copy.clone();
                let mut outputs: Vec<String> = Vec::new();
                for out in tools.iter().flat_map(|t| t.spec().install_outputs) {
                    let path = join_rel(&project_dir, out);
                    if !outputs.contains(&path) {
                        outputs.push(path);
                    }
                }
                full_copy.exclude.extend(outputs);
                if tools.contains(&Tool::Cargo) {
                    // Why the final filesystem equals the naive order's:
                    // `cargo fetch` writes the downloaded crates under
                    // $CARGO_HOME (a package-manager cache, excepted), and in
                    // the project at most Cargo.lock (when it is missing or
                    // stale; resolution reads only the manifests, the lock and
                    // cargo config, all in this step's input, never target
                    // sources). The full copy skips Cargo.lock (above) so the
                    // lock the install left — the context's own, or the one
                    // cargo rewrote exactly as the naive order would — stays.
                    // Every other path the install saw (manifests, and stub
                    // mount points, which BuildKit removes after the step and
                    // which exist only where the context has a real file) is
                    // then overwritten by the full copy with the context's
                    // content and metadata, as in the naive build.
                    if let (StepOp::Run(run), false, Some(project)) = (
                        &mut stage.steps[c.copy_index + 1].op,
                        run_stays,
                        &cargo_project,
                    ) {
                        run.mounts
                            .extend(stub_mounts(project, &clean_path(&copy.dest)));
                    }
                }
                let mut full_step = original.clone();
                full_step.op = StepOp::Copy(full_copy);
                // Both parts keep the step's `[N/M]`; the names say which part is which.
                full_step.name = format!("{} (rest)", original.name);
                let steps_len = stage.steps.len();
                let pos = history_position(&stage.image.history, steps_len, c.copy_index);
                // manifests, install (and the dependency pre-build), then everything else.
                stage.steps[c.copy_index] = manifest_step;
                if run_stays {
                    stage.steps.insert(c.copy_index + 1, full_step);
                } else {
                    stage.steps.insert(c.copy_index + 2, full_step);
                }
                if let Some(step) = &prebuild {
                    stage
                        .steps
                        .insert(c.copy_index + if run_stays { 1 } else { 2 }, step.clone());
                }
                let entry = History {
                    created_by: format!(
                        "COPY {} {} # strata: dependency manifests",
                        present.join(" "),
                        copy.dest
                    ),
                    comment: "strata.layering".into(),
                    created: plan.stages[c.stage]
                        .image
                        .history
                        .get(pos)
                        .and_then(|h| h.created.clone()),
                    ..Default::default()
                };
                let prebuild_entry = prebuild.as_ref().map(|step| History {
                    created_by: format!("{} # strata: dependency pre-build", step.command),
                    comment: "strata.layering".into(),
                    created: entry.created.clone(),
                    ..Default::default()
                });
                edit_history(plan, c.stage, pos, &|h, p| {
                    let p = p.min(h.len());
                    h.insert(p, entry.clone());
                    if !run_stays && p + 2 < h.len() {
                        // The original COPY's entry now follows the install's.
                        h.swap(p + 1, p + 2);
                    }
                    if let Some(e) = &prebuild_entry {
                        let at = if run_stays { p + 1 } else { p + 2 };
                        h.insert(at.min(h.len()), e.clone());
                    }
                });
                let tool_names: Vec<&str> = tools.iter().map(|t| t.name()).collect();
                let stubbed = if stubs.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; stubs of the crates' targets ({}) are mounted for the install only and never reach a layer",
                        stubs.join(", ")
                    )
                };
                explain.add(
                    "layering",
                    &stage_name,
                    copy_span,
                    format!("split COPY into manifests first ({}), then the install, then the full copy", present.join(", ")),
                    format!("{} installs read only these files, so source edits keep the install layer cached{stubbed}", tool_names.join("+")),
                );
                if let (Some(step), Some(project)) = (&prebuild, &cargo_project) {
                    let target_cache = match &step.op {
                        StepOp::Run(run) => run.mounts.iter().find_map(|m| match m {
                            RunMountPlan::Cache { id, .. } if id.contains("/cargo-target/") => {
                                Some(id.clone())
                            }
                            _ => None,
                        }),
                        _ => None,
                    };
                    if let Some(id) = target_cache {
                        explain.add(
                            "cache-mounts",
                            &stage_name,
                            Some(step.span),
                            format!("cargo target-dir cache for the dependency pre-build (id {id}, sharing=locked)"),
                            "it seeds target/ before the pre-build and is refreshed after it; units this build did not use are pruned first, so target/ in the layer holds what a build from nothing leaves and the cache stays bounded",
                        );
                    }
                    explain.add(
                        "layering",
                        &stage_name,
                        Some(step.span),
                        format!("pre-built the dependencies: {} against the manifests and stubs", step.command),
                        format!("the workspace crates' own outputs ({}) are removed after it, so a source edit recompiles only them and the build step still compiles them from the real sources", project.packages.join(", ")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::lower::{LowerOptions, lower};
    use crate::plan::{BuildOptions, NoImageConfigs, plan as make_plan};

    fn planned(df: &str) -> BuildPlan {
        let df = crate::dockerfile::parse(df).expect("parses");
        make_plan(&df, &BuildOptions::default(), &NoImageConfigs).expect("plans")
    }

    fn files(pairs: &[(&str, &str)]) -> ContextFiles {
        ContextFiles {
            files: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Some(v.as_bytes().to_vec())))
                .collect(),
        }
    }

    #[test]
    fn npm_install_moves_before_the_source_copy() {
        let mut p = planned(
            "FROM node\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n",
        );
        let before_layers = p.image.history.iter().filter(|h| !h.empty_layer).count();
        let mut ex = Explanation::default();
        apply(
            &mut p,
            &files(&[
                ("package.json", r#"{"dependencies":{"express":"^4"}}"#),
                ("package-lock.json", "{}"),
            ]),
            None,
            &mut ex,
        );
        let steps = &p.stages[0].steps;
        assert_eq!(steps.len(), 4, "mkdir, manifests, install, full copy");
        let StepOp::Copy(first) = &steps[1].op else {
            panic!("manifest copy")
        };
        let CopySource::Fs {
            include_patterns, ..
        } = &first.sources[0]
        else {
            panic!("fs source")
        };
        assert!(include_patterns.contains(&"package.json".to_string()));
        assert!(include_patterns.contains(&"package-lock.json".to_string()));
        assert!(matches!(steps[2].op, StepOp::Run(_)));
        let StepOp::Copy(full) = &steps[3].op else {
            panic!("full copy")
        };
        assert_eq!(full.exclude, vec!["node_modules".to_string()]);
        assert_eq!(
            p.image.history.iter().filter(|h| !h.empty_layer).count(),
            before_layers + 1,
            "one more layer recorded"
        );
        assert!(ex.render().contains("manifests first"), "{}", ex.render());
        // The rewritten plan still lowers.
        assert!(lower(&p, &LowerOptions::default()).is_some());
    }

    #[test]
    fn falls_back_with_reasons() {
        let cases = [
            (
                "RUN npm ci && npm run build",
                r#"{}"#,
                "build steps chained",
            ),
            (
                "RUN npm ci",
                r#"{"scripts":{"postinstall":"node x.js"}}"#,
                "install scripts",
            ),
            ("RUN npm ci", r#"{"workspaces":["pkgs/*"]}"#, "workspaces"),
            (
                "RUN npm ci",
                r#"{"dependencies":{"a":"file:../a"}}"#,
                "local path dependency",
            ),
            ("RUN make deps", r#"{}"#, "not a command strata knows"),
        ];
        for (run, pkg, why) in cases {
            let mut p = planned(&format!("FROM node\nWORKDIR /app\nCOPY . .\n{run}\n"));
            let mut ex = Explanation::default();
            apply(&mut p, &files(&[("package.json", pkg)]), None, &mut ex);
            assert_eq!(p.stages[0].steps.len(), 3, "{run}: unchanged");
            assert!(ex.render().contains(why), "{run}: {}", ex.render());
        }
    }

    #[test]
    fn cargo_fetch_runs_on_manifests_with_target_stubs() {
        let df =
            "FROM debian\nWORKDIR /app\nCOPY . .\nRUN cargo fetch\nRUN cargo build --release\n";
        let mut p = planned(df);
        let context: &[(&str, &str)] = &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"crates/app\", \"crates/greet\"]\n",
            ),
            ("Cargo.lock", "version = 4\n"),
            (
                "crates/app/Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\n[dependencies]\ngreet = { path = \"../greet\" }\n",
            ),
            ("crates/app/src/main.rs", "fn main() {}\n"),
            (
                "crates/greet/Cargo.toml",
                "[package]\nname = \"greet\"\nversion = \"0.1.0\"\n",
            ),
            ("crates/greet/src/lib.rs", "\n"),
        ];
        let (files, rounds) = read_all(&p, context);
        assert_eq!(rounds, 3, "root manifest, members, target files");
        let mut ex = Explanation::default();
        apply(&mut p, &files, None, &mut ex);
        let steps = &p.stages[0].steps;
        assert_eq!(
            steps.len(),
            6,
            "mkdir, manifests, fetch, dependency pre-build, full copy, build: {}",
            ex.render()
        );
        let StepOp::Copy(first) = &steps[1].op else {
            panic!("manifest copy")
        };
        let CopySource::Fs {
            include_patterns, ..
        } = &first.sources[0]
        else {
            panic!("fs source")
        };
        assert_eq!(
            include_patterns,
            &[
                "Cargo.toml",
                "crates/app/Cargo.toml",
                "crates/greet/Cargo.toml",
                "Cargo.lock"
            ]
        );
        let stubs_of = |run: &RunStep| -> Vec<(String, String)> {
            run.mounts
                .iter()
                .filter_map(|m| match m {
                    RunMountPlan::GeneratedFile { target, data } => {
                        Some((target.clone(), String::from_utf8_lossy(data).into_owned()))
                    }
                    _ => None,
                })
                .collect()
        };
        let expected_stubs = vec![
            (
                "/app/crates/app/src/main.rs".to_string(),
                "fn main() {}\n".to_string(),
            ),
            ("/app/crates/greet/src/lib.rs".to_string(), String::new()),
        ];
        let StepOp::Run(fetch) = &steps[2].op else {
            panic!("fetch")
        };
        assert_eq!(stubs_of(fetch), expected_stubs);
        let StepOp::Run(pre) = &steps[3].op else {
            panic!("pre-build")
        };
        assert_eq!(stubs_of(pre), expected_stubs);
        let script = pre.args.last().unwrap();
        assert!(
            script.contains("cargo build --release && cargo clean --release -p app -p greet"),
            "{script}"
        );
        assert!(steps[3].name.ends_with("(dependency pre-build)"));
        let StepOp::Copy(full) = &steps[4].op else {
            panic!("full copy")
        };
        assert_eq!(full.exclude, vec!["Cargo.lock".to_string()]);
        let StepOp::Run(build) = &steps[5].op else {
            panic!("build")
        };
        assert!(
            stubs_of(build).is_empty(),
            "the real build sees the real sources"
        );
        assert!(
            ex.render().contains("pre-built the dependencies"),
            "{}",
            ex.render()
        );
        assert!(lower(&p, &LowerOptions::default()).is_some());

        // A member glob cannot be layered without a directory listing.
        let mut p = planned(df);
        let mut ex = Explanation::default();
        let globbed = ContextFiles {
            files: [
                (
                    "Cargo.toml",
                    Some("[workspace]\nmembers = [\"crates/*\"]\n"),
                ),
                ("Cargo.lock", Some("")),
                ("rust-toolchain.toml", None),
                ("rust-toolchain", None),
                (".cargo/config.toml", None),
                (".cargo/config", None),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.map(|v| v.as_bytes().to_vec())))
            .collect(),
        };
        apply(&mut p, &globbed, None, &mut ex);
        assert_eq!(p.stages[0].steps.len(), 4, "unchanged");
        assert!(ex.render().contains("directory listing"), "{}", ex.render());
    }

    /// Read every wanted context file from `context` (absent when not
    /// listed), as the callers do; also how many read rounds it took.
    fn read_all(p: &BuildPlan, context: &[(&str, &str)]) -> (ContextFiles, usize) {
        let mut rounds = 0;
        let opts = super::super::PassOptions::default();
        let files = super::super::read_context_files_with(p, &opts, |wanted| {
            rounds += 1;
            ContextFiles {
                files: wanted
                    .into_iter()
                    .map(|w| {
                        let v = context
                            .iter()
                            .find(|(k, _)| *k == w)
                            .map(|(_, v)| v.as_bytes().to_vec());
                        (w, v)
                    })
                    .collect(),
            }
        });
        (files, rounds)
    }

    #[test]
    fn a_cargo_build_right_after_the_copy_gets_a_dependency_prebuild() {
        let pkg: &[(&str, &str)] = &[
            (
                "Cargo.toml",
                "[package]\nname = \"svc\"\nversion = \"0.1.0\"\n[dependencies]\nitoa = \"1\"\n",
            ),
            ("Cargo.lock", "version = 4\n"),
            ("src/main.rs", "fn main() {}\n"),
        ];
        let df = "FROM rust\nWORKDIR /app\nCOPY . .\nRUN cargo build --release && cp target/release/svc /usr/local/bin/\n";
        let mut p = planned(df);
        let before_layers = p.image.history.iter().filter(|h| !h.empty_layer).count();
        let (files, _) = read_all(&p, pkg);
        let mut ex = Explanation::default();
        apply(&mut p, &files, None, &mut ex);
        let steps = &p.stages[0].steps;
        assert_eq!(
            steps.len(),
            5,
            "mkdir, manifests, pre-build, full copy, build: {}",
            ex.render()
        );
        assert!(
            matches!(&steps[2].op, StepOp::Run(r) if r.args.last().unwrap().contains("cargo build --release && cargo clean --release -p svc"))
        );
        assert!(
            matches!(&steps[4].op, StepOp::Run(r) if r.args.last().unwrap().starts_with("cargo build --release && cp"))
        );
        let history: Vec<&str> = p
            .image
            .history
            .iter()
            .filter(|h| !h.empty_layer)
            .map(|h| h.created_by.as_str())
            .collect();
        assert_eq!(history.len(), before_layers + 2, "{history:?}");
        assert!(
            history[history.len() - 3].ends_with("# strata: dependency pre-build"),
            "{history:?}"
        );
        assert!(
            history[history.len() - 1].contains("cp target/release/svc"),
            "{history:?}"
        );
        assert!(lower(&p, &LowerOptions::default()).is_some());

        // With cargo cache mounts on, the pre-build keeps target/ in a locked cache keyed by profile/target.
        let mut p = planned(df);
        let (files, _) = read_all(&p, pkg);
        apply(&mut p, &files, Some("proj"), &mut Explanation::default());
        let StepOp::Run(pre) = &p.stages[0].steps[2].op else {
            panic!("pre-build")
        };
        assert!(
            pre.mounts.iter().any(
                |m| matches!(m, RunMountPlan::Cache { id, target, sharing, .. }
            if *id == format!("strata/proj/cargo-target/{}/release/host", workspace_key("/app", &["svc".to_string()]))
                && target == TARGET_CACHE_MOUNT
                && *sharing == crate::proto::pb::CacheSharingOpt::Locked)
            ),
            "{:?}",
            pre.mounts
        );
        assert!(
            pre.args
                .last()
                .unwrap()
                .contains("--message-format=json-render-diagnostics")
        );

        // Kept as written, with the reason.
        let with_target: Vec<(&str, &str)> = pkg
            .iter()
            .copied()
            .chain([("target/CACHEDIR.TAG", "x")])
            .collect();
        for (run, context, why) in [
            (
                "RUN cargo build --release",
                with_target.as_slice(),
                "holds a cargo target directory",
            ),
            ("RUN cargo build --target-dir /out", pkg, "--target-dir"),
            (
                "RUN export X=1 && cargo build",
                pkg,
                "not a command strata knows",
            ),
            (
                "RUN --mount=type=cache,target=/app/target cargo build",
                pkg,
                "mounts its own /app/target",
            ),
            ("RUN cargo build --features $F", pkg, "needs the shell"),
        ] {
            let mut p = planned(&format!("FROM rust\nWORKDIR /app\nCOPY . .\n{run}\n"));
            let (files, _) = read_all(&p, context);
            let mut ex = Explanation::default();
            apply(&mut p, &files, None, &mut ex);
            assert_eq!(p.stages[0].steps.len(), 3, "{run}: unchanged");
            assert!(ex.render().contains(why), "{run}: {}", ex.render());
        }
    }

    #[test]
    fn pip_requirements_and_apt_reorder() {
        let mut p = planned(
            "FROM python\nWORKDIR /srv\nCOPY . /srv\nRUN pip install --no-cache-dir -r requirements.txt\n",
        );
        let mut ex = Explanation::default();
        apply(
            &mut p,
            &files(&[("requirements.txt", "flask==3.0\n")]),
            None,
            &mut ex,
        );
        assert_eq!(p.stages[0].steps.len(), 4, "{}", ex.render());
        let mut p = planned(
            "FROM python\nWORKDIR /srv\nCOPY . /srv\nRUN pip install -r requirements.txt\n",
        );
        let mut ex = Explanation::default();
        apply(
            &mut p,
            &files(&[("requirements.txt", "-e .\n")]),
            None,
            &mut ex,
        );
        assert_eq!(p.stages[0].steps.len(), 3);
        assert!(ex.render().contains("local path"));

        let mut p =
            planned("FROM debian\nCOPY . /app\nRUN apt-get update && apt-get install -y curl\n");
        let mut ex = Explanation::default();
        apply(&mut p, &ContextFiles::default(), None, &mut ex);
        assert!(
            matches!(p.stages[0].steps[0].op, StepOp::Run(_)),
            "apt RUN moved first: {}",
            ex.render()
        );
        let h: Vec<&str> = p
            .image
            .history
            .iter()
            .map(|h| h.created_by.as_str())
            .collect();
        let run_at = h.iter().position(|c| c.starts_with("RUN")).expect("run");
        let copy_at = h.iter().position(|c| c.starts_with("COPY")).expect("copy");
        assert!(run_at < copy_at, "history follows the layers: {h:?}");
    }
}
