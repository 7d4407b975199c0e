//! The end-of-build report: counts as data, and their text form.

use std::fmt::Write as _;
use std::time::Duration;

use super::state::{LogLine, ProgressState, VertexState};

/// How the build ended, as the caller saw it (the solve call's result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildOutcome {
    /// The solve succeeded.
    Success,
    /// The solve failed with this message.
    Failed(String),
    /// The caller interrupted the build.
    Canceled,
}

/// The step that made the build fail.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedStep {
    /// Vertex digest.
    pub digest: String,
    /// Vertex name, e.g. `[build 3/5] RUN make`.
    pub name: String,
    /// BuildKit's error for the vertex.
    pub error: String,
    /// Its last log lines, oldest first.
    pub logs: Vec<LogLine>,
}

/// What happened in a build, counted over the vertices BuildKit reported.
///
/// Steps are what the vertex names number: every vertex named `[stage N/M] …`
/// with the same `[stage N/M]` is one step, so a step that a rewrite split
/// into parts (`[4/6] COPY . . (dependency manifests)` and
/// `[4/6] COPY . . (rest)`) counts once and the count agrees with the `/M`
/// in the names. Other bracketed vertices (`[strata stamp] …`) are a step
/// each. Everything else (`[internal] …`, exporters) is only counted in
/// [`internal`](Self::internal).
///
/// A step is cached when every part came from the cache: a vertex BuildKit
/// marked cached, or a `FROM` that finished without transferring anything
/// (the image was already there). A part that ran without the cache in any
/// of its runs makes the step executed. Every step is in exactly one bucket:
/// `total == cached + executed + errored + canceled + pending`.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildSummary {
    /// Number of steps (see the type's docs: one per `[stage N/M]`).
    pub total: usize,
    /// Steps answered from the cache.
    pub cached: usize,
    /// Steps that ran and completed without error.
    pub executed: usize,
    /// Steps that failed (not counting cancellations).
    pub errored: usize,
    /// Steps stopped by cancellation.
    pub canceled: usize,
    /// Steps that never completed (not started, or still running at the end).
    pub pending: usize,
    /// Vertices that are no step (`[internal] …`, exporters), whatever their state.
    pub internal: usize,
    /// The first failing step (in start order), if any.
    pub failed: Option<FailedStep>,
    /// Wall time of the build.
    pub duration: Duration,
    /// One line per warning BuildKit reported (e.g. Dockerfile build checks),
    /// in the order the vertices appeared.
    pub warnings: Vec<String>,
}

impl BuildSummary {
    /// Counts the vertices of `state`.
    pub fn from_state(state: &ProgressState, duration: Duration) -> Self {
        let mut s = BuildSummary {
            total: 0,
            cached: 0,
            executed: 0,
            errored: 0,
            canceled: 0,
            pending: 0,
            internal: 0,
            failed: None,
            duration,
            warnings: Vec::new(),
        };
        for v in state.vertices() {
            s.warnings
                .extend(v.warnings.iter().map(|w| w.short.clone()));
        }
        // Steps in order of first appearance, with their parts.
        let mut steps: Vec<(String, Vec<&VertexState>)> = Vec::new();
        for v in state.vertices().filter(|v| v.announced) {
            // A progress group (e.g. the vertices of one `COPY --link`) is
            // the step its name says.
            let name = v.progress_group.as_ref().map_or(&v.name, |g| &g.name);
            let Some(key) = step_key(name) else {
                s.internal += 1;
                continue;
            };
            match steps.iter_mut().find(|(k, _)| k == key) {
                Some((_, parts)) => parts.push(v),
                None => steps.push((key.to_string(), vec![v])),
            }
        }
        for (_, parts) in &steps {
            s.total += 1;
            if parts.iter().any(|v| v.is_errored() && !v.is_canceled()) {
                s.errored += 1;
            } else if parts.iter().any(|v| v.is_canceled()) {
                s.canceled += 1;
            } else if parts.iter().any(|v| !v.is_completed()) {
                s.pending += 1;
            } else if parts.iter().all(|v| from_cache(v)) {
                s.cached += 1;
            } else {
                s.executed += 1;
            }
        }
        // The failing step: first in start order, then any never-started one;
        // internal vertices can fail too (e.g. a bad Dockerfile).
        s.failed = state
            .started()
            .chain(state.vertices().filter(|v| !v.is_started()))
            .find(|v| v.is_errored() && !v.is_canceled())
            .map(|v| FailedStep {
                digest: v.digest.clone(),
                name: v.name.clone(),
                error: v.error.clone(),
                logs: v.logs.iter().cloned().collect(),
            });
        s
    }

    /// Whether no step failed.
    pub fn succeeded(&self) -> bool {
        self.errored == 0 && self.failed.is_none()
    }
}

/// The step a vertex belongs to: `[stage N/M]` for a numbered Dockerfile
/// step, the whole name for another bracketed vertex, `None` for
/// `[internal] …` and unbracketed ones (exporters).
pub fn step_key(name: &str) -> Option<&str> {
    if !name.starts_with('[') || name.starts_with("[internal]") {
        return None;
    }
    let label = &name[..=name.find(']')?];
    let inner = &label[1..label.len() - 1];
    let numbered = inner
        .rsplit(' ')
        .next()
        .and_then(|n| n.split_once('/'))
        .is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        });
    Some(if numbered { label } else { name })
}

/// Whether a finished vertex did no work of its own: cached, or a `FROM`
/// (an image source) that transferred nothing, and never ran without the cache otherwise.
fn from_cache(v: &VertexState) -> bool {
    let image_source = v
        .name
        .split_once("] ")
        .is_some_and(|(_, rest)| rest.starts_with("FROM "));
    if image_source {
        return v.cached || (v.statuses.is_empty() && v.logs.is_empty());
    }
    v.cached && !v.ran
}

/// Formats seconds with one decimal, like every upstream timer.
pub fn seconds(d: Duration) -> String {
    format!("{:.1}s", d.as_secs_f64())
}

/// The human report printed after the progress display (tty and plain):
/// the warnings, the failing step with its last log lines, the error, and
/// one line of counts.
///
/// ```text
/// 1 warning found:
///  - MaintainerDeprecated: MAINTAINER is deprecated, use LABEL … instead (line 2)
/// ------
///  > [build 3/5] RUN make:
/// 0.512 cc -o app main.c
/// 0.917 make: *** [all] Error 1
/// ------
/// ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2
/// Build failed in 4.2s: 5 steps, 2 cached, 1 executed, 1 failed, 1 not run (+2 internal)
/// ```
pub fn render_summary(summary: &BuildSummary, outcome: &BuildOutcome) -> String {
    let mut out = String::new();
    if !summary.warnings.is_empty() {
        let n = summary.warnings.len();
        let _ = writeln!(out, "{n} warning{} found:", if n == 1 { "" } else { "s" });
        for w in &summary.warnings {
            let _ = writeln!(out, " - {w}");
        }
    }
    if let Some(f) = &summary.failed {
        out.push_str("------\n");
        let _ = writeln!(out, " > {}:", f.name);
        for l in &f.logs {
            let _ = writeln!(out, "{} {}", l.elapsed_label(), l.text);
        }
        out.push_str("------\n");
    }
    let error = match outcome {
        BuildOutcome::Failed(msg) => Some(msg.as_str()),
        _ => summary.failed.as_ref().map(|f| f.error.as_str()),
    };
    if let Some(e) = error.filter(|e| !e.is_empty()) {
        let _ = writeln!(out, "ERROR: {e}");
    }
    let verb = match outcome {
        BuildOutcome::Success if summary.succeeded() => "finished",
        BuildOutcome::Canceled => "canceled",
        _ => "failed",
    };
    let _ = write!(
        out,
        "Build {verb} in {}: {} step{}, {} cached, {} executed",
        seconds(summary.duration),
        summary.total,
        if summary.total == 1 { "" } else { "s" },
        summary.cached,
        summary.executed,
    );
    if summary.errored > 0 {
        let _ = write!(out, ", {} failed", summary.errored);
    }
    if summary.canceled > 0 {
        let _ = write!(out, ", {} canceled", summary.canceled);
    }
    if summary.pending > 0 {
        let _ = write!(out, ", {} not run", summary.pending);
    }
    if summary.internal > 0 {
        let _ = write!(out, " (+{} internal)", summary.internal);
    }
    out.push('\n');
    out
}
