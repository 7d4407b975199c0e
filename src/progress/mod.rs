//! Build progress: BuildKit status messages → tty, plain, rawjson or quiet
//! output, and a final summary.
//!
//! The status stream of a solve is folded into a [`ProgressState`]
//! ([`state`]); renderers implement [`ProgressSink`] and write to any
//! [`std::io::Write`]:
//!
//! | mode | renderer | output |
//! | --- | --- | --- |
//! | `tty` | [`TtySink`] | a redrawn frame, one row per vertex (like `buildctl --progress=tty`) |
//! | `plain` | [`PlainSink`] | `#N …` lines (like `--progress=plain`) |
//! | `rawjson` | [`RawJsonSink`] | one JSON object per status message (like `--progress=rawjson`) |
//! | `quiet` | [`QuietSink`] | nothing |
//!
//! Every sink keeps the folded state, and [`ProgressSink::finish`] returns a
//! [`BuildSummary`] (cached / executed / failed counts) in every mode; tty and
//! plain also print it. Time comes from a [`Clock`] so output is
//! reproducible in tests. Interrupts are the caller's business: it calls
//! `finish(&BuildOutcome::Canceled)`; `finish` may be called any number of
//! times and only the first call writes.

pub mod plain;
pub mod rawjson;
pub mod state;
pub mod summary;
pub mod tty;

use std::io::{self, Write};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::proto::control::StatusResponse;

pub use plain::PlainSink;
pub use rawjson::RawJsonSink;
pub use state::{LogLine, LogStream, ProgressEvent, ProgressState, StatusState, VertexState};
pub use summary::{BuildOutcome, BuildSummary, FailedStep, render_summary};
pub use tty::{TtyOptions, TtySink};

/// A source of "now", injected so renderers are deterministic under test.
pub trait Clock: Send + Sync {
    /// The current local time.
    fn now(&self) -> SystemTime;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock that only moves when told to (tests, replays).
#[derive(Debug)]
pub struct ManualClock(Mutex<SystemTime>);

impl ManualClock {
    /// A clock stopped at `t`.
    pub fn new(t: SystemTime) -> Self {
        ManualClock(Mutex::new(t))
    }

    /// Sets the time.
    pub fn set(&self, t: SystemTime) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = t;
    }

    /// Moves the time forward.
    pub fn advance(&self, d: Duration) {
        let mut g = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *g += d;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> SystemTime {
        (**self).now()
    }
}

/// Something that shows a build's progress.
pub trait ProgressSink {
    /// Takes one status message from the solve's status stream.
    fn update(&mut self, msg: &StatusResponse) -> io::Result<()>;

    /// Lets time-based displays redraw without a new message (call it every
    /// ~100 ms while waiting); a no-op for line-oriented modes.
    fn tick(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// Ends the display, prints the summary where the mode has one, and
    /// returns the counts. Idempotent: later calls write nothing and return
    /// the first call's summary.
    fn finish(&mut self, outcome: &BuildOutcome) -> io::Result<BuildSummary>;

    /// The folded state so far.
    fn state(&self) -> &ProgressState;
}

/// The `--progress` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProgressMode {
    /// tty when stderr is a terminal and `TERM` is not `dumb`, else plain.
    #[default]
    Auto,
    /// Redrawn display.
    Tty,
    /// Line-oriented text.
    Plain,
    /// One JSON object per status message.
    RawJson,
    /// No output during the build.
    Quiet,
}

/// An unknown `--progress` value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid progress mode {0:?}: expected auto, tty, plain, rawjson or quiet")]
pub struct InvalidProgressMode(pub String);

impl FromStr for ProgressMode {
    type Err = InvalidProgressMode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(ProgressMode::Auto),
            "tty" => Ok(ProgressMode::Tty),
            "plain" => Ok(ProgressMode::Plain),
            "rawjson" => Ok(ProgressMode::RawJson),
            "quiet" | "none" => Ok(ProgressMode::Quiet),
            _ => Err(InvalidProgressMode(s.to_string())),
        }
    }
}

impl ProgressMode {
    /// Resolves `Auto` from the facts: whether the output is a terminal and
    /// the value of `TERM`. Other modes are returned unchanged.
    pub fn resolve(self, is_terminal: bool, term: Option<&str>) -> ProgressMode {
        match self {
            ProgressMode::Auto if is_terminal && term != Some("dumb") => ProgressMode::Tty,
            ProgressMode::Auto => ProgressMode::Plain,
            m => m,
        }
    }

    /// Resolves `Auto` for output on this process's stderr.
    pub fn resolve_for_stderr(self) -> ProgressMode {
        use std::io::IsTerminal;
        let term = std::env::var("TERM").ok();
        self.resolve(io::stderr().is_terminal(), term.as_deref())
    }
}

/// The size (columns, rows) of the terminal on stderr, where progress goes.
pub fn terminal_size() -> Option<(usize, usize)> {
    let (terminal_size::Width(w), terminal_size::Height(h)) =
        terminal_size::terminal_size_of(io::stderr())?;
    (w > 0 && h > 0).then_some((w as usize, h as usize))
}

/// Terminal width: the terminal's own, else `COLUMNS`, else 80.
pub fn terminal_width() -> usize {
    terminal_size().map(|(w, _)| w).unwrap_or_else(|| {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .filter(|&w: &usize| w > 0)
            .unwrap_or(80)
    })
}

/// Builds the sink for `mode` (`Auto` is resolved for stderr) writing to `out`.
pub fn new_sink<W: Write + Send + 'static>(
    mode: ProgressMode,
    out: W,
    clock: Arc<dyn Clock>,
    tty: TtyOptions,
) -> Box<dyn ProgressSink + Send> {
    match mode.resolve_for_stderr() {
        ProgressMode::Tty => Box::new(TtySink::new(out, clock, tty)),
        ProgressMode::Plain | ProgressMode::Auto => Box::new(PlainSink::new(out, clock)),
        ProgressMode::RawJson => Box::new(RawJsonSink::new(out, clock)),
        ProgressMode::Quiet => Box::new(QuietSink::new(clock)),
    }
}

/// Shows nothing; still folds the stream so the summary is accurate.
pub struct QuietSink {
    state: ProgressState,
    clock: Arc<dyn Clock>,
    summary: Option<BuildSummary>,
}

impl QuietSink {
    /// A quiet sink timed by `clock`.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        QuietSink {
            state: ProgressState::default(),
            clock,
            summary: None,
        }
    }
}

impl ProgressSink for QuietSink {
    fn update(&mut self, msg: &StatusResponse) -> io::Result<()> {
        let now = state::system_nanos(self.clock.now());
        self.state.apply(msg, now);
        Ok(())
    }

    fn finish(&mut self, _outcome: &BuildOutcome) -> io::Result<BuildSummary> {
        Ok(finish_summary(&mut self.summary, &mut self.state, &*self.clock).0)
    }

    fn state(&self) -> &ProgressState {
        &self.state
    }
}

/// Shared `finish` bookkeeping: computes the summary once. Returns it and
/// whether this was the first call, plus the partial-line events flushed.
fn finish_summary(
    slot: &mut Option<BuildSummary>,
    state: &mut ProgressState,
    clock: &dyn Clock,
) -> (BuildSummary, Option<Vec<ProgressEvent>>) {
    if let Some(s) = slot {
        return (s.clone(), None);
    }
    let flushed = state.flush_partial_lines();
    let now = state::system_nanos(clock.now());
    let s = state.summary(state.elapsed(now));
    *slot = Some(s.clone());
    (s, Some(flushed))
}

/// Formats a byte count like upstream (`units.Bytes` with `%.2f`): decimal
/// units, whole bytes under 1000 (`123B`, `1.23kB`, `45.60MB`).
pub fn format_bytes(n: i64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let neg = n < 0;
    let mut v = n.unsigned_abs() as f64;
    if v < 1000.0 {
        return format!("{n}B");
    }
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!("{}{v:.2}{}", if neg { "-" } else { "" }, UNITS[i])
}

#[cfg(test)]
mod tests;
