//! `--progress=plain`: one line per event, like `buildctl`.
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
//! ```
//!
//! Vertices are numbered `#1, #2, …` in the order they first appear in the
//! output. A block starts with `#N name` whenever output switches to another
//! vertex; leaving a vertex that is still running prints `#N ...`. Log lines
//! carry seconds since the vertex started. A line is printed once it is
//! complete (an unfinished line is printed when its vertex completes or the
//! build ends). Transfer statuses are throttled like upstream: a status line
//! is printed when it starts, completes, moves ≥ 5 % of its total, or 5 s
//! after the last print.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

use super::state::{self, Nanos, ProgressEvent, ProgressState, span};
use super::summary::{BuildOutcome, BuildSummary, render_summary};
use super::{Clock, ProgressSink, finish_summary, format_bytes};
use crate::proto::control::StatusResponse;

const MIN_STATUS_DELTA: f64 = 0.05;
const MIN_STATUS_TIME: Duration = Duration::from_secs(5);

/// The plain renderer.
pub struct PlainSink<W: Write> {
    out: W,
    clock: Arc<dyn Clock>,
    state: ProgressState,
    index: HashMap<String, usize>,
    current: Option<String>,
    /// Vertices whose result line is printed (until they start again).
    done: HashSet<String>,
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
            done: HashSet::new(),
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
        match ev {
            ProgressEvent::Started(_) => {
                self.done.remove(&digest);
            }
            ProgressEvent::Completed(_) => {
                self.done.insert(digest.clone());
            }
            _ => {}
        }
        self.print_event_inner(ev)?;
        // Like upstream: once a vertex has printed its result and has no
        // transfer in flight, the next output starts a new block without a
        // `#N ...` line.
        if self.current.as_deref() == Some(digest.as_str())
            && self.done.contains(&digest)
            && self
                .state
                .vertex(&digest)
                .is_some_and(|v| v.statuses.iter().all(|s| s.completed.is_some()))
        {
            self.current = None;
        }
        Ok(())
    }

    fn print_event_inner(&mut self, ev: &ProgressEvent) -> io::Result<()> {
        let digest = ev.digest().to_string();
        // Output for vertices nobody announced (yet) would have no name; it
        // stays in the state and shows up in the summary if it matters.
        if !self.state.vertex(&digest).is_some_and(|v| v.announced) {
            return Ok(());
        }
        match ev {
            ProgressEvent::Started(_) => self.switch_to(&digest),
            ProgressEvent::Log(_, line) => {
                self.switch_to(&digest)?;
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
                let n = self.index_of(&digest);
                writeln!(self.out, "#{n} WARN: {short}")
            }
            ProgressEvent::Status(_, id) => self.print_status(&digest, id),
            ProgressEvent::Completed(_) => {
                self.switch_to(&digest)?;
                let n = self.index_of(&digest);
                let v = self.state.vertex(&digest).expect("checked above");
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
                Ok(())
            }
        }
    }

    fn print_status(&mut self, digest: &str, id: &str) -> io::Result<()> {
        let Some(s) = self
            .state
            .vertex(digest)
            .and_then(|v| v.statuses.iter().find(|s| s.id == id))
            .cloned()
        else {
            return Ok(());
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
                return Ok(());
            }
        }
        if s.completed.is_some() && self.last_status.get(&key) == Some(&(s.current, s.completed)) {
            return Ok(()); // a repeated final update
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
        writeln!(self.out, "{line}")
    }
}

impl<W: Write> ProgressSink for PlainSink<W> {
    fn update(&mut self, msg: &StatusResponse) -> io::Result<()> {
        let now = state::system_nanos(self.clock.now());
        for ev in self.state.apply(msg, now) {
            self.print_event(&ev)?;
        }
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
