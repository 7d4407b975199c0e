//! The end-of-build report: counts as data, and their text form.

use std::fmt::Write as _;
use std::time::Duration;

use super::state::{LogLine, ProgressState};

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
/// Steps are the announced vertices whose name does not start with
/// `[internal]`; internal ones are only counted in [`internal`](Self::internal).
/// Every step is in exactly one bucket:
/// `total == cached + executed + errored + canceled + pending`.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildSummary {
    /// Number of steps (non-internal vertices).
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
    /// `[internal]` vertices, whatever their state.
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
        for v in state.vertices().filter(|v| v.announced) {
            if v.is_internal() {
                s.internal += 1;
                continue;
            }
            s.total += 1;
            if v.is_errored() {
                if v.is_canceled() {
                    s.canceled += 1;
                } else {
                    s.errored += 1;
                }
            } else if !v.is_completed() {
                s.pending += 1;
            } else if v.cached {
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
