//! Dependency-first layering: `COPY . <dir>` followed by a dependency
//! install becomes "copy the manifests, install, copy the rest", so a
//! source edit leaves the install layer cached. The final filesystem is
//! the one the naive order gives; whenever that cannot be shown from the
//! manifests, the step is kept as written and the reason recorded.

use super::cargo::{CargoScan, scan as scan_cargo};
use super::detect::{Effect, Tool, classify, split_commands};
use super::{ContextFiles, Explanation};
use crate::llb::file::clean_path;
use crate::plan::image::History;
use crate::plan::{Base, BuildPlan, CopySource, CopyStep, FsRef, RunStep, StageId, StepOp};

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
    },
    /// The RUN reads no project files (apt…): it can simply go first.
    MoveBefore,
    /// Not rewritable; the reason is explained.
    Fallback(String),
}

fn script_of(run: &RunStep) -> String {
    match run.args.iter().position(|a| a == "-c") {
        Some(i) if i + 1 < run.args.len() => run.args[i + 1..].join(" "),
        _ => run.args.join(" "),
    }
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

fn join_rel(dir: &str, file: &str) -> String {
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
    let script = script_of(run);
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
            } = &kind
            {
                manifests_to_read.extend(manifests.iter().cloned());
                if tools.contains(&Tool::Cargo)
                    && let CargoScan::Need(more) = scan_cargo(project_dir, files)
                {
                    manifests_to_read.extend(more);
                }
                for extra in [
                    "package.json",
                    "pyproject.toml",
                    "go.mod",
                    "go.work",
                    "pnpm-workspace.yaml",
                ] {
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

const NODE_INSTALL_SCRIPTS: &[&str] = &[
    "preinstall",
    "install",
    "postinstall",
    "prepare",
    "preprepare",
    "postprepare",
    "prepublish",
];

/// Why the install might read more than its manifests, judging from their contents.
fn unsafe_reason(
    tools: &[Tool],
    manifests: &[String],
    project_dir: &str,
    files: &ContextFiles,
) -> Option<String> {
    let rel = |f: &str| join_rel(project_dir, f);
    let text = |p: &str| {
        files
            .get(p)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    };
    if tools
        .iter()
        .any(|t| matches!(t, Tool::Npm | Tool::Yarn | Tool::Pnpm))
    {
        let Some(pkg) = text(&rel("package.json")) else {
            return Some("package.json was not found in the build context".into());
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&pkg) else {
            return Some("package.json is not valid JSON".into());
        };
        if let Some(scripts) = json.get("scripts").and_then(|s| s.as_object()) {
            let hooks: Vec<&str> = NODE_INSTALL_SCRIPTS
                .iter()
                .copied()
                .filter(|h| scripts.contains_key(*h))
                .collect();
            if !hooks.is_empty() {
                return Some(format!(
                    "package.json has install scripts that may read sources: {}",
                    hooks.join(", ")
                ));
            }
        }
        if json.get("workspaces").is_some() || files.get(&rel("pnpm-workspace.yaml")).is_some() {
            return Some("workspaces: member packages are not all in the manifest set".into());
        }
        for section in [
            "dependencies",
            "devDependencies",
            "optionalDependencies",
            "peerDependencies",
        ] {
            if let Some(deps) = json.get(section).and_then(|d| d.as_object()) {
                for (name, spec) in deps {
                    let s = spec.as_str().unwrap_or("");
                    if ["file:", "link:", "portal:", "workspace:"]
                        .iter()
                        .any(|p| s.starts_with(p))
                        || s.starts_with("./")
                        || s.starts_with("../")
                    {
                        return Some(format!("local path dependency {name} -> {s}"));
                    }
                }
            }
        }
    }
    if tools.contains(&Tool::Pip)
        || tools.contains(&Tool::Uv) && manifests.iter().any(|m| m.ends_with(".txt"))
    {
        for m in manifests.iter().filter(|m| {
            !m.ends_with(".toml") && !m.ends_with(".lock") && !m.ends_with(".python-version")
        }) {
            let Some(req) = text(m) else {
                return Some(format!(
                    "requirements file {m} was not found in the build context"
                ));
            };
            for line in req.lines().map(str::trim) {
                if line.starts_with("-r")
                    || line.starts_with("-c")
                    || line.starts_with("--requirement")
                    || line.starts_with("--constraint")
                {
                    return Some(format!(
                        "{m} includes another file ({line}); strata does not follow nested requirement files yet"
                    ));
                }
                if line.starts_with("-e")
                    || line.starts_with('.')
                    || line.starts_with('/')
                    || line.contains("file:")
                    || line.starts_with("--editable")
                {
                    return Some(format!("{m} installs a local path ({line})"));
                }
            }
        }
    }
    if tools.contains(&Tool::Uv) || tools.contains(&Tool::Poetry) {
        let Some(py) = text(&rel("pyproject.toml")) else {
            return Some("pyproject.toml was not found in the build context".into());
        };
        if tools.contains(&Tool::Uv) {
            if py.contains("[tool.uv.workspace]") {
                return Some("uv workspace: member projects are not in the manifest set".into());
            }
            if py.lines().any(|l| l.trim() == "[build-system]") {
                // `uv sync` builds and installs a packaged project from its sources.
                return Some("pyproject.toml has a [build-system], so uv sync installs the project from its sources (add --no-install-project to layer it)".into());
            }
        }
        if py.contains("path = ") || py.contains("path=") {
            return Some("pyproject.toml has a local path dependency".into());
        }
    }
    if tools.contains(&Tool::Go) {
        if files.get(&rel("go.work")).is_some() {
            return Some("go.work workspace: member modules are not in the manifest set".into());
        }
        let Some(gomod) = text(&rel("go.mod")) else {
            return Some("go.mod was not found in the build context".into());
        };
        if gomod.lines().any(|l| {
            l.contains("=>") && (l.contains("=> ./") || l.contains("=> ../") || l.contains("=> /"))
        }) {
            return Some("go.mod replaces a module with a local directory".into());
        }
    }
    None
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

pub fn apply(plan: &mut BuildPlan, files: &ContextFiles, explain: &mut Explanation) {
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
                mut manifests,
                project_dir,
            } => {
                // Cargo: the manifests are the workspace's, and the crates'
                // target files get empty stubs for the install only.
                let mut stubs = Vec::new();
                if tools.contains(&Tool::Cargo) {
                    match scan_cargo(&project_dir, files) {
                        CargoScan::Ready(project) => {
                            manifests.retain(|m| {
                                !m.ends_with("Cargo.toml") && !m.ends_with("Cargo.lock")
                            });
                            manifests.extend(project.manifests);
                            stubs = project.stubs;
                        }
                        CargoScan::Unsafe(reason) => {
                            explain.add(
                                "layering",
                                &stage_name,
                                copy_span,
                                "kept as written",
                                reason,
                            );
                            continue;
                        }
                        CargoScan::Need(paths) => {
                            explain.add(
                                "layering",
                                &stage_name,
                                copy_span,
                                "kept as written",
                                format!(
                                    "Cargo manifests could not all be read ({})",
                                    paths.join(", ")
                                ),
                            );
                            continue;
                        }
                    }
                }
                if let Some(reason) = unsafe_reason(&tools, &manifests, &project_dir, files) {
                    explain.add(
                        "layering",
                        &stage_name,
                        copy_span,
                        "kept as written",
                        reason,
                    );
                    continue;
                }
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
                // What the install creates in the project must survive the full copy.
                let mut full_copy = copy.clone();
                if tools
                    .iter()
                    .any(|t| matches!(t, Tool::Npm | Tool::Yarn | Tool::Pnpm))
                {
                    full_copy
                        .exclude
                        .push(join_rel(&project_dir, "node_modules"));
                }
                if tools.iter().any(|t| matches!(t, Tool::Uv | Tool::Poetry)) {
                    full_copy.exclude.push(join_rel(&project_dir, ".venv"));
                }
                if tools.contains(&Tool::Cargo) {
                    // Why the final filesystem equals the naive order's:
                    // `cargo fetch` writes the downloaded crates under
                    // $CARGO_HOME (a package-manager cache, excepted), and in
                    // the project at most Cargo.lock (when it is missing or
                    // stale; resolution reads only the manifests, the lock and
                    // cargo config, all in this step's input, never target
                    // sources). The full copy below skips Cargo.lock so the
                    // lock the install left — the context's own, or the one
                    // cargo rewrote exactly as the naive order would — stays.
                    // Every other path the install saw (manifests, and stub
                    // mount points, which BuildKit removes after the step and
                    // which exist only where the context has a real file) is
                    // then overwritten by the full copy with the context's
                    // content and metadata, as in the naive build.
                    full_copy.exclude.push(join_rel(&project_dir, "Cargo.lock"));
                    if let StepOp::Run(run) = &mut stage.steps[c.copy_index + 1].op {
                        let dest = clean_path(&copy.dest);
                        for stub in &stubs {
                            run.mounts.push(crate::plan::RunMountPlan::GeneratedFile {
                                target: clean_path(&format!("{dest}/{stub}")),
                                data: Vec::new(),
                            });
                        }
                    }
                }
                let mut full_step = original.clone();
                full_step.op = StepOp::Copy(full_copy);
                let steps_len = stage.steps.len();
                let pos = history_position(&stage.image.history, steps_len, c.copy_index);
                // manifests, install, then everything else.
                stage.steps[c.copy_index] = manifest_step;
                stage.steps.insert(c.copy_index + 2, full_step);
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
                edit_history(plan, c.stage, pos, &|h, p| {
                    let p = p.min(h.len());
                    h.insert(p, entry.clone());
                    // The original COPY's entry now follows the install's.
                    if p + 2 < h.len() {
                        h.swap(p + 1, p + 2);
                    }
                });
                let tool_names: Vec<&str> = tools.iter().map(|t| t.name()).collect();
                let stubbed = if stubs.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; empty stubs of the crates' targets ({}) are mounted for the install only and never reach a layer",
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
            apply(&mut p, &files(&[("package.json", pkg)]), &mut ex);
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
        let opts = super::super::PassOptions::default();
        let mut rounds = 0;
        let files = super::super::read_context_files_with(&p, &opts, |wanted| {
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
        assert_eq!(rounds, 3, "root manifest, members, target files");
        let mut ex = Explanation::default();
        apply(&mut p, &files, &mut ex);
        let steps = &p.stages[0].steps;
        assert_eq!(
            steps.len(),
            5,
            "mkdir, manifests, fetch, full copy, build: {}",
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
        let StepOp::Run(fetch) = &steps[2].op else {
            panic!("fetch")
        };
        let stubs: Vec<&str> = fetch
            .mounts
            .iter()
            .filter_map(|m| match m {
                crate::plan::RunMountPlan::GeneratedFile { target, data } if data.is_empty() => {
                    Some(target.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            stubs,
            [
                "/app/crates/app/src/main.rs",
                "/app/crates/greet/src/lib.rs"
            ]
        );
        let StepOp::Copy(full) = &steps[3].op else {
            panic!("full copy")
        };
        assert_eq!(full.exclude, vec!["Cargo.lock".to_string()]);
        assert!(ex.render().contains("empty stubs"), "{}", ex.render());
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
        apply(&mut p, &globbed, &mut ex);
        assert_eq!(p.stages[0].steps.len(), 4, "unchanged");
        assert!(ex.render().contains("directory listing"), "{}", ex.render());
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
            &mut ex,
        );
        assert_eq!(p.stages[0].steps.len(), 4, "{}", ex.render());
        let mut p = planned(
            "FROM python\nWORKDIR /srv\nCOPY . /srv\nRUN pip install -r requirements.txt\n",
        );
        let mut ex = Explanation::default();
        apply(&mut p, &files(&[("requirements.txt", "-e .\n")]), &mut ex);
        assert_eq!(p.stages[0].steps.len(), 3);
        assert!(ex.render().contains("local path"));

        let mut p =
            planned("FROM debian\nCOPY . /app\nRUN apt-get update && apt-get install -y curl\n");
        let mut ex = Explanation::default();
        apply(&mut p, &ContextFiles::default(), &mut ex);
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
