//! Why a build ran a step instead of taking it from the cache.
//!
//! The first Dockerfile step that ran is compared with the previous build of
//! the same project and target: its steps (from the engine's status log)
//! and, for `strata build`, the recorded inputs ([`super::inputs`]). The
//! causes are checked from the most to the least certain:
//! `--no-cache`/`--no-cache-filter`, a changed Dockerfile line, a changed
//! base image digest, changed build arguments, changed context files (for
//! COPY/ADD), the cache-ttl bucket or `CACHE_BUST`, and last a pruned cache
//! (the very same op ran before and its inputs did not change). Steps that
//! ran after it and depend on it re-ran because of it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::inputs::{BuildInputs, FileChange, changed_args, changed_files, normalize};
use super::steps::Step;

/// A build as `why` sees it.
#[derive(Debug, Clone, Copy)]
pub struct BuildView<'a> {
    pub build_ref: &'a str,
    pub steps: &'a [Step],
    pub inputs: Option<&'a BuildInputs>,
    /// The engine record's frontend attributes (`build-arg:*`, ...): values
    /// are only compared, never kept or shown.
    pub attrs: Option<&'a BTreeMap<String, String>>,
}

/// One reason the step ran.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Cause {
    /// `--no-cache` was given.
    NoCache,
    /// `--no-cache-filter` named the step's stage.
    NoCacheFilter { stages: Vec<String> },
    /// The step's instruction is new or differs from the previous build.
    DockerfileLine {
        line: Option<u32>,
        instruction: String,
    },
    /// The base image resolved to another digest.
    BaseImage { before: String, now: String },
    /// Build arguments whose value changed (names only).
    BuildArgs { names: Vec<String> },
    /// Context files the COPY/ADD reads changed (paths only).
    ContextFiles {
        files: Vec<(FileChange, String)>,
        more: usize,
    },
    /// The context changed, but which files is unknown (no per-file record).
    ContextChanged,
    /// The cache-ttl time bucket moved on.
    TtlBucket { before: i64, now: i64 },
    /// `CACHE_BUST` changed.
    CacheBust,
    /// The same op ran before with unchanged inputs: its cache was pruned.
    CachePruned,
    /// No earlier build of this project and target to compare with.
    NoPreviousBuild,
    /// Nothing recorded explains it.
    Unknown,
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cause::NoCache => write!(f, "the build ran with --no-cache"),
            Cause::NoCacheFilter { stages } => {
                write!(f, "--no-cache-filter named {}", stages.join(", "))
            }
            Cause::DockerfileLine {
                line: Some(n),
                instruction,
            } => {
                write!(f, "Dockerfile line {n} changed: {instruction}")
            }
            Cause::DockerfileLine {
                line: None,
                instruction,
            } => {
                write!(
                    f,
                    "the Dockerfile instruction is new or changed: {instruction}"
                )
            }
            Cause::BaseImage { before, now } => {
                write!(f, "the base image digest changed: {before} → {now}")
            }
            Cause::BuildArgs { names } => {
                let s = if names.len() == 1 { "" } else { "s" };
                write!(f, "build arg{s} changed: {}", names.join(", "))
            }
            Cause::ContextFiles { files, more } => {
                let list: Vec<String> = files.iter().map(|(c, p)| format!("{p} ({c})")).collect();
                write!(f, "context files changed: {}", list.join(", "))?;
                if *more > 0 {
                    write!(f, " and {more} more")?;
                }
                Ok(())
            }
            Cause::ContextChanged => write!(
                f,
                "the files it copies changed (build with `strata build` to see which)"
            ),
            Cause::TtlBucket { before, now } => {
                write!(f, "the cache-ttl bucket moved on ({before} → {now})")
            }
            Cause::CacheBust => write!(f, "CACHE_BUST changed"),
            Cause::CachePruned => write!(
                f,
                "the same step ran in the previous build with the same inputs: its cache was pruned or evicted"
            ),
            Cause::NoPreviousBuild => {
                write!(
                    f,
                    "no earlier build of this project and target to compare with"
                )
            }
            Cause::Unknown => write!(f, "no recorded input explains it"),
        }
    }
}

/// The answer to "why did this build run steps?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhyReport {
    #[serde(rename = "ref")]
    pub build_ref: String,
    /// The previous build compared with.
    pub previous: Option<String>,
    /// The first Dockerfile step that ran (index, name); none: all cached.
    pub first_ran: Option<(usize, String)>,
    pub causes: Vec<Cause>,
    /// Steps that ran after it because they depend on it (indices).
    pub dependents: Vec<usize>,
    /// Steps that ran on their own account (not depending on the first).
    pub also_ran: Vec<(usize, String)>,
}

/// Most file paths listed per cause; the rest are counted.
const MAX_FILES: usize = 20;

/// Whether a step is a Dockerfile step (`[stage 2/5] RUN ...`), not an
/// internal load, an export or an auth step.
pub fn is_dockerfile_step(s: &Step) -> bool {
    s.name.starts_with('[')
        && !s.internal
        && !s.name.starts_with("[auth]")
        && !s.name.starts_with("[context")
}

fn keyword(instruction: &str) -> String {
    instruction
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
}

/// The stage part of a name: `[build 3/5] RUN x` → `build`.
fn stage_of(name: &str) -> Option<&str> {
    let inner = name.strip_prefix('[')?.split(']').next()?;
    let (stage, _) = inner.rsplit_once(' ')?;
    Some(stage)
}

/// `FROM a@sha256:…` → the digest.
fn from_digest(instruction: &str) -> Option<&str> {
    instruction
        .split_whitespace()
        .find_map(|w| w.split_once("@sha256:").map(|(_, d)| d))
}

/// Why `now` ran steps, against `before` (the previous build of the same
/// project and target, if any). `key` is the state's hashing key, used to
/// find the step's Dockerfile line from the recorded line hashes.
pub fn explain(now: BuildView, before: Option<BuildView>) -> WhyReport {
    // BuildKit rarely marks an image source cached, even when it only
    // checked the image it already had: a FROM ran only if it now names
    // another image or digest than the previous build's FROMs did.
    let before_froms: BTreeSet<String> = before
        .map(|b| {
            b.steps
                .iter()
                .filter(|s| keyword(&s.instruction) == "FROM")
                .map(|s| normalize(&s.instruction))
                .collect()
        })
        .unwrap_or_default();
    let ran: Vec<&Step> = now
        .steps
        .iter()
        .filter(|s| is_dockerfile_step(s) && !s.cached && s.started_ms.is_some())
        .filter(|s| {
            keyword(&s.instruction) != "FROM"
                || (before.is_some() && !before_froms.contains(&normalize(&s.instruction)))
        })
        .collect();
    let mut report = WhyReport {
        build_ref: now.build_ref.to_string(),
        previous: before.map(|b| b.build_ref.to_string()),
        first_ran: None,
        causes: Vec::new(),
        dependents: Vec::new(),
        also_ran: Vec::new(),
    };
    let Some(first) = ran.first().copied() else {
        return report;
    };
    report.first_ran = Some((first.index, first.name.clone()));

    // Dependents: every ran step downstream of the first.
    let mut downstream: BTreeSet<&str> = BTreeSet::from([first.digest.as_str()]);
    let mut changed = true;
    while changed {
        changed = false;
        for s in now.steps {
            if !downstream.contains(s.digest.as_str())
                && s.inputs.iter().any(|i| downstream.contains(i.as_str()))
            {
                downstream.insert(&s.digest);
                changed = true;
            }
        }
    }
    for s in ran.iter().skip(1) {
        if downstream.contains(s.digest.as_str()) {
            report.dependents.push(s.index);
        } else {
            report.also_ran.push((s.index, s.name.clone()));
        }
    }
    report.causes = causes_of(first, now, before);
    report
}

fn causes_of(first: &Step, now: BuildView, before: Option<BuildView>) -> Vec<Cause> {
    let mut causes = Vec::new();
    let inputs = now.inputs;
    if let Some(i) = inputs {
        if i.no_cache {
            causes.push(Cause::NoCache);
        }
        if let Some(stage) = stage_of(&first.name)
            && i.no_cache_filter.iter().any(|f| f == stage)
        {
            causes.push(Cause::NoCacheFilter {
                stages: vec![stage.to_string()],
            });
        }
    }
    let Some(before) = before else {
        causes.push(Cause::NoPreviousBuild);
        return causes;
    };
    let kw = keyword(&first.instruction);
    let before_steps: Vec<&Step> = before
        .steps
        .iter()
        .filter(|s| is_dockerfile_step(s))
        .collect();
    let same_instruction = before_steps
        .iter()
        .any(|s| normalize(&s.instruction) == normalize(&first.instruction));
    if kw == "FROM" {
        let now_digest = from_digest(&first.instruction);
        let before_digest = before_steps
            .iter()
            .filter(|s| keyword(&s.instruction) == "FROM")
            .find_map(|s| from_digest(&s.instruction));
        if let (Some(n), Some(b)) = (now_digest, before_digest)
            && n != b
        {
            causes.push(Cause::BaseImage {
                before: format!("sha256:{}", &b[..b.len().min(12)]),
                now: format!("sha256:{}", &n[..n.len().min(12)]),
            });
        }
    }
    let args = match (inputs, before.inputs) {
        (Some(n), Some(b)) => changed_args(b, n),
        _ => match (now.attrs, before.attrs) {
            (Some(n), Some(b)) => changed_attr_args(b, n),
            _ => Vec::new(),
        },
    };
    // CACHE_BUST has its own cause below.
    let args: Vec<String> = args.into_iter().filter(|a| a != "CACHE_BUST").collect();
    match (inputs, before.inputs) {
        (Some(n), Some(b)) => {
            let old: BTreeSet<&String> = b.dockerfile_lines.values().collect();
            if let Some((line, _)) = n.dockerfile_lines.iter().find(|(_, h)| !old.contains(h)) {
                causes.push(Cause::DockerfileLine {
                    line: Some(*line),
                    instruction: first.instruction.clone(),
                });
            }
        }
        // Names carry expanded build args: a changed name with changed args
        // is the args' doing.
        _ if !same_instruction && kw != "FROM" && args.is_empty() => {
            causes.push(Cause::DockerfileLine {
                line: None,
                instruction: first.instruction.clone(),
            });
        }
        _ => {}
    }
    if !args.is_empty() {
        causes.push(Cause::BuildArgs { names: args });
    }
    if let (Some(n), Some(b)) = (inputs, before.inputs) {
        // Context files matter to a COPY/ADD, or as the only lead left.
        let copies = matches!(kw.as_str(), "COPY" | "ADD")
            || !causes.iter().any(|c| !matches!(c, Cause::NoCache));
        if copies && n.context_digest != b.context_digest {
            let files = changed_files(b, n);
            if files.is_empty() || n.context_files_omitted || b.context_files_omitted {
                causes.push(Cause::ContextChanged);
            } else {
                let more = files.len().saturating_sub(MAX_FILES);
                causes.push(Cause::ContextFiles {
                    files: files.into_iter().take(MAX_FILES).collect(),
                    more,
                });
            }
        }
        if let (Some(x), Some(y)) = (b.ttl_bucket, n.ttl_bucket)
            && x != y
            && kw == "RUN"
        {
            causes.push(Cause::TtlBucket { before: x, now: y });
        }
        if b.cache_bust != n.cache_bust && kw == "RUN" {
            causes.push(Cause::CacheBust);
        }
    } else if matches!(kw.as_str(), "COPY" | "ADD") && same_instruction && causes.is_empty() {
        // The `# syntax=` path records no inputs: the op is unchanged, so
        // what it copies changed (or its cache went away).
        causes.push(Cause::ContextChanged);
    }
    if causes.is_empty() {
        // The very op (same digest) was in the previous build: nothing about
        // it changed, so only a missing cache explains the re-run.
        let ran_before = before.steps.iter().any(|s| s.digest == first.digest);
        causes.push(if ran_before && same_instruction {
            Cause::CachePruned
        } else {
            Cause::Unknown
        });
    }
    causes
}

/// Build arguments that differ between two engine records' attributes.
fn changed_attr_args(
    before: &BTreeMap<String, String>,
    now: &BTreeMap<String, String>,
) -> Vec<String> {
    let args = |m: &BTreeMap<String, String>| -> BTreeMap<String, String> {
        m.iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("build-arg:")?.to_string(), v.clone())))
            .collect()
    };
    let (b, n) = (args(before), args(now));
    let mut names: BTreeSet<String> = BTreeSet::new();
    for (k, v) in &n {
        if b.get(k) != Some(v) {
            names.insert(k.clone());
        }
    }
    for k in b.keys() {
        if !n.contains_key(k) {
            names.insert(k.clone());
        }
    }
    names.into_iter().collect()
}

/// `1,2,3,5` → `1..3, 5`.
pub fn ranges(indices: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < indices.len() {
        let start = indices[i];
        let mut end = start;
        while i + 1 < indices.len() && indices[i + 1] == end + 1 {
            i += 1;
            end = indices[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}..{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

/// The report as lines for a terminal.
pub fn render(report: &WhyReport) -> String {
    let mut out = String::new();
    let Some((index, name)) = &report.first_ran else {
        out.push_str(&format!(
            "build {}: nothing re-ran; every step came from the cache\n",
            report.build_ref
        ));
        return out;
    };
    out.push_str(&format!("build {}", report.build_ref));
    if let Some(p) = &report.previous {
        out.push_str(&format!(" (compared with {p})"));
    }
    out.push_str(&format!(
        "\nstep {index} ran instead of coming from the cache: {name}\n"
    ));
    for c in &report.causes {
        out.push_str(&format!("  because {c}\n"));
    }
    match report.dependents.as_slice() {
        [] => {}
        [one] => out.push_str(&format!("step {one} re-ran because it depends on it\n")),
        many => out.push_str(&format!(
            "steps {} re-ran because they depend on it\n",
            ranges(many)
        )),
    }
    for (i, n) in &report.also_ran {
        out.push_str(&format!(
            "step {i} also ran (not downstream of step {index}): {n}\n"
        ));
    }
    out
}

/// A one-line summary for the post-build report.
pub fn one_line(report: &WhyReport) -> Option<String> {
    let (index, name) = report.first_ran.as_ref()?;
    let cause = report
        .causes
        .first()
        .map(|c| c.to_string())
        .unwrap_or_else(|| "unknown".into());
    Some(format!("step {index} re-ran ({name}) because {cause}"))
}

/// Map `ref → inputs` lookups for a set of records (tests, CLI).
pub type InputsByRef = BTreeMap<String, BuildInputs>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::inputs::tests::facts_inputs;
    use crate::insights::steps::{fold, tests::vertex};
    use crate::proto::control::StatusResponse;

    const DF: &str = "FROM busybox\nCOPY . /app\nRUN make\n";

    /// Steps of a build where `cached` says which of from/copy/run were cached.
    fn steps(copy_cmd: &str, from: &str, cached: [bool; 3]) -> Vec<Step> {
        fold(&[StatusResponse {
            vertexes: vec![
                vertex(
                    "sha256:from",
                    &format!("[1/3] FROM {from}"),
                    &[],
                    0,
                    10,
                    cached[0],
                ),
                vertex(
                    "sha256:copy",
                    &format!("[2/3] {copy_cmd}"),
                    &["sha256:from"],
                    10,
                    20,
                    cached[1],
                ),
                vertex(
                    "sha256:run",
                    "[3/3] RUN make",
                    &["sha256:copy"],
                    20,
                    30,
                    cached[2],
                ),
            ],
            ..Default::default()
        }])
    }

    fn view<'a>(r: &'a str, s: &'a [Step], i: Option<&'a BuildInputs>) -> BuildView<'a> {
        BuildView {
            build_ref: r,
            steps: s,
            inputs: i,
            attrs: None,
        }
    }

    #[test]
    fn edited_file_names_the_path_and_the_dependents() {
        let a_in = facts_inputs("a", &[], &[("src/main.c", "1"), ("README", "1")], DF);
        let b_in = facts_inputs("b", &[], &[("src/main.c", "2"), ("README", "1")], DF);
        let a = steps("COPY . /app", "busybox@sha256:aaa", [false; 3]);
        let b = steps("COPY . /app", "busybox@sha256:aaa", [true, false, false]);
        let r = explain(view("b", &b, Some(&b_in)), Some(view("a", &a, Some(&a_in))));
        assert_eq!(r.first_ran.as_ref().unwrap().0, 2);
        assert_eq!(
            r.causes,
            [Cause::ContextFiles {
                files: vec![(FileChange::Modified, "src/main.c".into())],
                more: 0
            }]
        );
        assert_eq!(r.dependents, [3]);
        let text = render(&r);
        assert!(text.contains("src/main.c (modified)"), "{text}");
        assert!(
            text.contains("step 3 re-ran because it depends on it"),
            "{text}"
        );
    }

    #[test]
    fn changed_arg_and_no_op_and_pruned() {
        let a_in = facts_inputs("a", &[("build-arg:V", "1")], &[], DF);
        let b_in = facts_inputs("b", &[("build-arg:V", "2")], &[], DF);
        let a = steps("COPY . /app", "busybox@sha256:aaa", [false; 3]);
        let b = steps("COPY . /app", "busybox@sha256:aaa", [true, true, false]);
        let r = explain(view("b", &b, Some(&b_in)), Some(view("a", &a, Some(&a_in))));
        assert_eq!(
            r.causes,
            [Cause::BuildArgs {
                names: vec!["V".into()]
            }]
        );

        let all_cached = steps("COPY . /app", "busybox@sha256:aaa", [true; 3]);
        let r = explain(
            view("c", &all_cached, Some(&a_in)),
            Some(view("a", &a, Some(&a_in))),
        );
        assert!(r.first_ran.is_none());
        assert!(render(&r).contains("nothing re-ran"));

        let r = explain(view("d", &b, Some(&a_in)), Some(view("a", &a, Some(&a_in))));
        assert_eq!(r.causes, [Cause::CachePruned]);
    }

    #[test]
    fn dockerfile_line_base_image_and_flags() {
        let df2 = "FROM busybox\nCOPY src /app\nRUN make\n";
        let a_in = facts_inputs("a", &[], &[], DF);
        let b_in = facts_inputs("b", &[("no-cache", "")], &[], df2);
        let a = steps("COPY . /app", "busybox@sha256:aaa", [false; 3]);
        let b = steps("COPY src /app", "busybox@sha256:aaa", [true, false, false]);
        let r = explain(view("b", &b, Some(&b_in)), Some(view("a", &a, Some(&a_in))));
        assert_eq!(
            r.causes,
            [
                Cause::NoCache,
                Cause::DockerfileLine {
                    line: Some(2),
                    instruction: "COPY src /app".into()
                }
            ]
        );
        let c = steps("COPY . /app", "busybox@sha256:bbb", [false; 3]);
        let r = explain(view("c", &c, None), Some(view("a", &a, None)));
        assert!(
            matches!(&r.causes[0], Cause::BaseImage { before, now } if before == "sha256:aaa" && now == "sha256:bbb")
        );
        assert_eq!(r.dependents, [2, 3]);
        let r = explain(view("c", &c, None), None);
        assert_eq!(r.causes, [Cause::NoPreviousBuild]);
    }

    #[test]
    fn engine_attrs_name_changed_args_without_strata_records() {
        let a = steps("COPY . /app", "busybox@sha256:aaa", [false; 3]);
        let b = steps("COPY . /app", "busybox@sha256:aaa", [true, true, false]);
        let before: BTreeMap<String, String> =
            [("build-arg:V".to_string(), "1".to_string())].into();
        let now: BTreeMap<String, String> = [("build-arg:V".to_string(), "2".to_string())].into();
        let r = explain(
            BuildView {
                attrs: Some(&now),
                ..view("b", &b, None)
            },
            Some(BuildView {
                attrs: Some(&before),
                ..view("a", &a, None)
            }),
        );
        assert_eq!(
            r.causes,
            [Cause::BuildArgs {
                names: vec!["V".into()]
            }]
        );
        assert!(
            !format!("{r:?}").contains("\"2\""),
            "values never reach the report"
        );
    }

    #[test]
    fn index_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1..3, 5, 7..8");
        assert_eq!(ranges(&[]), "");
    }
}
