//! `--progress=plain`: one line per event, like `buildctl`/`docker buildx`.
//!
//! ```text
//! #1 [internal] load build definition from Dockerfile
//! #1 transferring dockerfile: 123B done
//! #1 DONE 0.0s
//!
//! #2 [build 2/3] RUN make
//! #2 0.104 cc -o app main.c
//! #2 ...
//!
//! #3 [build 1/3] FROM docker.io/library/alpine:3.20
//! #3 CACHED
//!
//! #2 [build 2/3] RUN make
//! #2 1.212 linking app
//! #2 DONE 1.3s
//! ```
//!
//! Vertices are numbered `#1, #2, …` in the order they first appear in the
//! output. As in buildx's plain printer, one vertex is "current": its name
//! is printed (`#N name`) when output switches to it, and leaving it while
//! it still runs prints `#N ...`. A vertex is named when it has something
//! to print (a log line, a status, its result), or, when no vertex is
//! current after a status message, as the first one still running; so steps
//! that start together and finish from the cache print one block each, not
//! an announcement and a `...` each first.
//!
//! Each vertex's result (`DONE`, `CACHED`, `ERROR`, `CANCELED`) is printed
//! once. BuildKit reports some vertices more than once: a local source
//! (`[internal] load build context`, …) reports a zero-length run and then
//! the transfer as a second run, so the first run's `DONE` waits for the
//! second's; a step reported again after it finished (the final solve
//! answering it from the frontend's solve) prints nothing unless the new
//! run has output of its own or fails.
//!
//! Log lines carry seconds since the vertex started. A line is printed once
//! it is complete (an unfinished line is printed when its vertex completes
//! or the build ends). Transfer statuses are throttled like upstream: a
//! status line is printed when it starts, completes, moves ≥ 5 % of its
//! total, or 5 s after the last print.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

use super::state::{self, Nanos, ProgressEvent, ProgressState, span};
use super::summary::{BuildOutcome, BuildSummary, render_summary};
use super::{Clock, ProgressSink, finish_summary, format_bytes};
use crate::proto::control::StatusResponse;

/// What a vertex's result line said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VertexResult {
    Done,
    Cached,
    Error,
    Canceled,
}

impl VertexResult {
    fn of(v: &super::VertexState) -> Self {
        if v.is_canceled() {
            VertexResult::Canceled
        } else if v.is_errored() {
            VertexResult::Error
        } else if v.cached {
            VertexResult::Cached
        } else {
            VertexResult::Done
        }
    }

    fn is_failure(self) -> bool {
        matches!(self, VertexResult::Error | VertexResult::Canceled)
    }
}

/// A run shorter than this ended as soon as it began.
const INSTANT_RUN: Nanos = 1_000_000;
const MIN_STATUS_DELTA: f64 = 0.05;
const MIN_STATUS_TIME: Duration = Duration::from_secs(5);

/// The plain renderer.
pub struct PlainSink<W: Write> {
    out: W,
    clock: Arc<dyn Clock>,
    state: ProgressState,
    index: HashMap<String, usize>,
    current: Option<String>,
    /// The result line last printed for each vertex.
    results: HashMap<String, VertexResult>,
    /// Vertices that printed output after their last result line.
    output_since_result: HashSet<String>,
    /// Vertices whose result waits (see [`PlainSink::print_result`]).
    held: Vec<String>,
    printed_any: bool,
    last_status: HashMap<(String, String), (i64, Option<Nanos>)>,
    summary: Option<BuildSummary>,
}

impl<W: Write> PlainSink<W> {
    /// A plain renderer writing to `out`.
    pub fn new(out: W, clock: Arc<dyn Clock>) -> Self {
        PlainSink {
            out,
            clock,
            state: ProgressState::default(),
            index: HashMap::new(),
            current: None,
            results: HashMap::new(),
            output_since_result: HashSet::new(),
            held: Vec::new(),
            printed_any: false,
            last_status: HashMap::new(),
            summary: None,
        }
    }

    /// The writer back (e.g. a `Vec<u8>` in tests).
    pub fn into_inner(self) -> W {
        self.out
    }

    fn index_of(&mut self, digest: &str) -> usize {
        let next = self.index.len() + 1;
        *self.index.entry(digest.to_string()).or_insert(next)
    }

    /// Makes `digest` the vertex being printed, writing the block header.
    fn switch_to(&mut self, digest: &str) -> io::Result<()> {
        if self.current.as_deref() == Some(digest) {
            return Ok(());
        }
        if let Some(old) = self.current.take() {
            let n = self.index_of(&old);
            writeln!(self.out, "#{n} ...")?;
        }
        if self.printed_any {
            writeln!(self.out)?;
        }
        self.printed_any = true;
        let n = self.index_of(digest);
        let name = self
            .state
            .vertex(digest)
            .map(|v| v.name.clone())
            .unwrap_or_default();
        writeln!(self.out, "#{n} {name}")?;
        self.current = Some(digest.to_string());
        Ok(())
    }

    fn print_event(&mut self, ev: &ProgressEvent) -> io::Result<()> {
        let digest = ev.digest().to_string();
        // Output for vertices nobody announced (yet) would have no name; it
        // stays in the state and shows up in the summary if it matters.
        if !self.state.vertex(&digest).is_some_and(|v| v.announced) {
            return Ok(());
        }
        match ev {
            ProgressEvent::Started(_) => {
                // A held result is superseded by the new run's. The name is
                // printed with the vertex's first output, or after the
                // message if the vertex is still running then
                // ([`PlainSink::activate_running`]): a step that starts and
                // finishes in one message prints one block.
                self.held.retain(|d| *d != digest);
                Ok(())
            }
            ProgressEvent::Log(_, line) => {
                self.switch_to(&digest)?;
                self.output_since_result.insert(digest.clone());
                let n = self.index_of(&digest);
                writeln!(self.out, "#{n} {} {}", line.elapsed_label(), line.text)
            }
            ProgressEvent::Warning(_, i) => {
                let short = self
                    .state
                    .vertex(&digest)
                    .and_then(|v| v.warnings.get(*i))
                    .map(|w| w.short.clone())
                    .unwrap_or_default();
                self.switch_to(&digest)?;
                self.output_since_result.insert(digest.clone());
                let n = self.index_of(&digest);
                writeln!(self.out, "#{n} WARN: {short}")
            }
            ProgressEvent::Status(_, id) => {
                if self.print_status(&digest, id)? {
                    self.output_since_result.insert(digest.clone());
                }
                Ok(())
            }
            ProgressEvent::Completed(_) => self.print_result(&digest),
        }
    }

    /// Prints the vertex's result line, unless the same result is already
    /// printed and nothing was printed for the vertex since.
    fn print_result(&mut self, digest: &str) -> io::Result<()> {
        let v = self.state.vertex(digest).expect("announced vertex");
        let result = VertexResult::of(v);
        let open_status = v.statuses.iter().any(|s| s.completed.is_none());
        let again = match self.results.get(digest) {
            None => true,
            Some(prev) => {
                self.output_since_result.contains(digest)
                    || (result.is_failure() && *prev != result)
            }
        };
        // BuildKit's local sources (`[internal] load build context`, …)
        // report a zero-length run, then the transfer as a second run, often
        // with other vertices' results in between. The first run's result
        // waits: the second run's is the one printed (or, should none come,
        // it is printed when the build ends).
        let instant = v
            .runs()
            .last()
            .is_some_and(|(a, b)| b.is_some_and(|b| b - a < INSTANT_RUN));
        if again
            && v.name.starts_with("[internal] load ")
            && result == VertexResult::Done
            && instant
            && !self.results.contains_key(digest)
            && !self.output_since_result.contains(digest)
        {
            if !self.held.iter().any(|d| d == digest) {
                self.held.push(digest.to_string());
            }
            if self.current.as_deref() == Some(digest) {
                self.current = None;
            }
            return Ok(());
        }
        if again {
            self.write_result(digest, result)?;
        }
        // Like upstream: once a vertex has printed its result and has no
        // transfer in flight, the next output starts a new block without a
        // `#N ...` line.
        if self.current.as_deref() == Some(digest) && !open_status {
            self.current = None;
        }
        Ok(())
    }

    /// Prints the held results in the order they came.
    fn release_held(&mut self) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        for d in held {
            let Some(v) = self.state.vertex(&d) else {
                continue;
            };
            let result = VertexResult::of(v);
            self.write_result(&d, result)?;
            self.current = None;
        }
        Ok(())
    }

    fn write_result(&mut self, digest: &str, result: VertexResult) -> io::Result<()> {
        {
            self.switch_to(digest)?;
            let n = self.index_of(digest);
            let v = self.state.vertex(digest).expect("announced vertex");
            if v.is_canceled() {
                writeln!(self.out, "#{n} CANCELED")?;
            } else if v.is_errored() {
                writeln!(self.out, "#{n} ERROR: {}", v.error)?;
            } else if v.cached {
                writeln!(self.out, "#{n} CACHED")?;
            } else {
                let d = v.duration(0);
                writeln!(self.out, "#{n} DONE {:.1}s", d.as_secs_f64())?;
            }
            self.results.insert(digest.to_string(), result);
            self.output_since_result.remove(digest);
        }
        Ok(())
    }

    /// After a message: when no vertex is current, the first one still
    /// running (in start order) becomes current, so a long silent step is
    /// named while it runs, as buildx does.
    fn activate_running(&mut self) -> io::Result<()> {
        if self.current.is_some() {
            return Ok(());
        }
        let next = self
            .state
            .started()
            .find(|v| {
                v.announced
                    && !v.is_completed()
                    && v.progress_group.is_none()
                    && !self.results.contains_key(&v.digest)
            })
            .map(|v| v.digest.clone());
        match next {
            Some(d) => self.switch_to(&d),
            None => Ok(()),
        }
    }

    /// Prints a status line unless throttled; returns whether it printed.
    fn print_status(&mut self, digest: &str, id: &str) -> io::Result<bool> {
        let Some(s) = self
            .state
            .vertex(digest)
            .and_then(|v| v.statuses.iter().find(|s| s.id == id))
            .cloned()
        else {
            return Ok(false);
        };
        let key = (digest.to_string(), id.to_string());
        if s.completed.is_none()
            && let Some(&(cur, ts)) = self.last_status.get(&key)
        {
            let delta = if s.total > 0 {
                (s.current - cur) as f64 / s.total as f64
            } else {
                0.0
            };
            let waited = match (ts, s.timestamp) {
                (Some(a), Some(b)) => span(a, b),
                _ => Duration::ZERO,
            };
            if delta < MIN_STATUS_DELTA && waited < MIN_STATUS_TIME {
                return Ok(false);
            }
        }
        if s.completed.is_some() && self.last_status.get(&key) == Some(&(s.current, s.completed)) {
            return Ok(false); // a repeated final update
        }
        self.last_status.insert(
            key,
            (
                s.current,
                if s.completed.is_some() {
                    s.completed
                } else {
                    s.timestamp
                },
            ),
        );
        self.switch_to(digest)?;
        let n = self.index_of(digest);
        let mut line = format!("#{n} {}", if s.id.is_empty() { &s.name } else { &s.id });
        if s.total != 0 {
            line += &format!(" {} / {}", format_bytes(s.current), format_bytes(s.total));
        } else if s.current != 0 {
            line += &format!(" {}", format_bytes(s.current));
        }
        if let Some(d) = s.duration()
            && d.as_secs_f64() > 0.01
        {
            line += &format!(" {:.1}s", d.as_secs_f64());
        }
        if s.completed.is_some() {
            line += " done";
        }
        writeln!(self.out, "{line}")?;
        Ok(true)
    }
}

impl<W: Write> ProgressSink for PlainSink<W> {
    fn update(&mut self, msg: &StatusResponse) -> io::Result<()> {
        let now = state::system_nanos(self.clock.now());
        for ev in self.state.apply(msg, now) {
            self.print_event(&ev)?;
        }
        self.activate_running()?;
        self.out.flush()
    }

    fn finish(&mut self, outcome: &BuildOutcome) -> io::Result<BuildSummary> {
        let (summary, flushed) = finish_summary(&mut self.summary, &mut self.state, &*self.clock);
        let Some(flushed) = flushed else {
            return Ok(summary);
        };
        for ev in &flushed {
            self.print_event(ev)?;
        }
        self.release_held()?;
        if self.printed_any {
            writeln!(self.out)?;
        }
        self.out
            .write_all(render_summary(&summary, outcome).as_bytes())?;
        self.out.flush()?;
        Ok(summary)
    }

    fn state(&self) -> &ProgressState {
        &self.state
    }
}
