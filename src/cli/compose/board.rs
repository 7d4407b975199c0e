//! Progress grouped by service, and the combined report.
//!
//! tty: a block per service (its status, time, steps done and cached, and
//! the step running now), redrawn in place. plain: each service's progress
//! lines as `strata build --progress plain` prints them, prefixed with the
//! service's name, plus a line when a service starts, waits or ends.
//! quiet: nothing until the report. Each service's status stream is folded
//! by its own sink, so the counts in the report are that service's own.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::run::Ended;
use crate::progress::summary::seconds;
use crate::progress::{
    BuildOutcome, BuildSummary, ProgressMode, ProgressSink, SystemClock, TtyOptions, format_bytes,
    new_sink, render_summary,
};

/// Where a service is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Waiting(String),
    Running(Instant),
    Built(Duration),
    Failed(Duration),
    Canceled(Duration),
    Skipped(String),
}

type Sink = Arc<Mutex<Box<dyn ProgressSink + Send>>>;

struct Row {
    name: String,
    phase: Mutex<Phase>,
    sink: Sink,
}

pub struct Board {
    rows: Arc<Vec<Row>>,
    mode: ProgressMode,
    stop: Arc<AtomicBool>,
    drawer: Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// Writes complete lines to stderr with a prefix, one line per write so
/// concurrent services' lines never interleave mid-line.
struct PrefixWriter {
    prefix: String,
    pending: Vec<u8>,
}

impl Write for PrefixWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        while let Some(i) = self.pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=i).collect();
            let mut out = Vec::with_capacity(self.prefix.len() + line.len());
            out.extend_from_slice(self.prefix.as_bytes());
            out.extend_from_slice(&line);
            std::io::stderr().lock().write_all(&out)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for PrefixWriter {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            self.pending.push(b'\n');
            let _ = self.write(&[]);
        }
    }
}

impl Board {
    pub fn start(names: &[String], mode: ProgressMode) -> Board {
        let width = names.iter().map(String::len).max().unwrap_or(0);
        let rows: Vec<Row> = names
            .iter()
            .map(|n| {
                let sink: Box<dyn ProgressSink + Send> = match mode {
                    ProgressMode::Plain => new_sink(
                        ProgressMode::Plain,
                        PrefixWriter {
                            prefix: format!("{n:<width$} | "),
                            pending: Vec::new(),
                        },
                        Arc::new(SystemClock),
                        TtyOptions::default(),
                    ),
                    _ => new_sink(
                        ProgressMode::Quiet,
                        std::io::sink(),
                        Arc::new(SystemClock),
                        TtyOptions::default(),
                    ),
                };
                Row {
                    name: n.clone(),
                    phase: Mutex::new(Phase::Waiting("waiting".into())),
                    sink: Arc::new(Mutex::new(sink)),
                }
            })
            .collect();
        let board = Board {
            rows: Arc::new(rows),
            mode,
            stop: Arc::new(AtomicBool::new(false)),
            drawer: Mutex::new(None),
        };
        if mode == ProgressMode::Tty {
            let rows = board.rows.clone();
            let stop = board.stop.clone();
            let handle = std::thread::spawn(move || {
                let mut drawn = 0usize;
                loop {
                    let last = stop.load(Ordering::Relaxed);
                    drawn = draw(&rows, drawn, width);
                    if last {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(150));
                }
            });
            *board.drawer.lock().unwrap_or_else(|e| e.into_inner()) = Some(handle);
        }
        board
    }

    pub fn sink(&self, name: &str) -> Sink {
        self.row(name).map(|r| r.sink.clone()).unwrap_or_else(|| {
            Arc::new(Mutex::new(new_sink(
                ProgressMode::Quiet,
                std::io::sink(),
                Arc::new(SystemClock),
                TtyOptions::default(),
            )))
        })
    }

    fn row(&self, name: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.name == name)
    }

    pub fn set(&self, name: &str, phase: Phase) {
        let Some(row) = self.row(name) else { return };
        let mut current = row.phase.lock().unwrap_or_else(|e| e.into_inner());
        if *current == phase {
            return;
        }
        *current = phase.clone();
        if self.mode == ProgressMode::Plain {
            let width = self.rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
            let text = match &phase {
                Phase::Running(_) => "started".to_string(),
                other => phase_text(other),
            };
            eprintln!("{name:<width$} | == {text}");
        }
    }

    /// End the display (the tty block is drawn one last time).
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.drawer.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = h.join();
        }
    }
}

fn phase_text(p: &Phase) -> String {
    match p {
        Phase::Waiting(why) => why.clone(),
        Phase::Running(t) => format!("building {}", seconds(t.elapsed())),
        Phase::Built(d) => format!("built in {}", seconds(*d)),
        Phase::Failed(d) => format!("FAILED after {}", seconds(*d)),
        Phase::Canceled(d) => format!("canceled after {}", seconds(*d)),
        Phase::Skipped(why) => format!("skipped: {why}"),
    }
}

/// Draw every service's block over the last frame (`drawn` lines); returns
/// the number of lines drawn.
fn draw(rows: &[Row], drawn: usize, width: usize) -> usize {
    let cols = crate::progress::terminal_width().max(40);
    let mut frame = String::new();
    if drawn > 0 {
        frame.push_str(&format!("\x1b[{drawn}A"));
    }
    frame.push_str("\x1b[J");
    let mut lines = 0;
    for row in rows {
        let phase = row.phase.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let (counts, current) = {
            let sink = row.sink.lock().unwrap_or_else(|e| e.into_inner());
            let state = sink.state();
            let s = BuildSummary::from_state(state, Duration::ZERO);
            let current = state
                .started()
                .filter(|v| !v.is_completed() && !v.is_internal())
                .last()
                .map(|v| v.name.clone());
            let done = s.cached + s.executed;
            let counts = if s.total > 0 {
                format!("  {done}/{} steps, {} cached", s.total, s.cached)
            } else {
                String::new()
            };
            (counts, current)
        };
        let mark = match phase {
            Phase::Built(_) => "✔",
            Phase::Failed(_) => "✘",
            Phase::Running(_) => "▶",
            Phase::Canceled(_) | Phase::Skipped(_) => "-",
            Phase::Waiting(_) => "…",
        };
        let head = format!(
            "{mark} {:<width$}  {}{counts}",
            row.name,
            phase_text(&phase)
        );
        frame.push_str(&clip(&head, cols));
        frame.push('\n');
        lines += 1;
        if let (Phase::Running(_), Some(step)) = (&phase, current) {
            frame.push_str(&clip(&format!("    {step}"), cols));
            frame.push('\n');
            lines += 1;
        }
    }
    let _ = std::io::stderr().lock().write_all(frame.as_bytes());
    lines
}

fn clip(s: &str, cols: usize) -> String {
    if s.chars().count() < cols {
        return s.to_string();
    }
    s.chars()
        .take(cols.saturating_sub(2))
        .chain(['…'])
        .collect()
}

/// The combined report: a line per service (result, wall time, steps
/// cached/total, image size), the failures in full, and the total wall time
/// against the sum of the services' times.
pub fn print_report(names: &[String], ended: &[(String, Ended)], total: Duration, plain: bool) {
    let width = names.iter().map(String::len).max().unwrap_or(7).max(7);
    let mut out = String::new();
    for (name, e) in ended {
        if let Ended::Failed {
            summary, message, ..
        } = e
        {
            out.push_str(&format!("── {name} ──\n"));
            if let (Some(s), false) = (summary, plain) {
                out.push_str(&render_summary(s, &BuildOutcome::Failed(String::new())));
            }
            out.push_str(message);
            if !message.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out.push_str(&format!(
        "{:<width$}  {:<8}  {:>7}  {:>14}  {:>10}\n",
        "service", "result", "time", "cached/steps", "image size"
    ));
    let mut sum = Duration::ZERO;
    for (name, e) in ended {
        let (result, wall, steps, size) = match e {
            Ended::Built {
                wall,
                summary,
                size,
            } => ("built", Some(*wall), Some(summary), size.map(format_bytes)),
            Ended::Failed { wall, summary, .. } => ("FAILED", Some(*wall), summary.as_ref(), None),
            Ended::Canceled { wall } => ("canceled", Some(*wall), None, None),
            Ended::Skipped { .. } => ("skipped", None, None, None),
        };
        if let Some(w) = wall {
            sum += w;
        }
        // In a build that succeeded, the steps BuildKit never started were
        // not needed because a later step came from the cache: they count
        // as cached, as `docker build` shows them.
        let built = matches!(e, Ended::Built { .. });
        let steps = steps
            .map(|s| {
                let cached = if built {
                    s.cached + s.pending
                } else {
                    s.cached
                };
                format!("{cached}/{}", s.total)
            })
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "{name:<width$}  {result:<8}  {:>7}  {steps:>14}  {:>10}\n",
            wall.map(seconds).unwrap_or_else(|| "-".into()),
            size.unwrap_or_else(|| "-".into()),
        ));
    }
    let gain = if total.as_secs_f64() > 0.0 {
        sum.as_secs_f64() / total.as_secs_f64()
    } else {
        1.0
    };
    if ended.len() == 1 {
        out.push_str(&format!("1 service in {} wall time\n", seconds(total)));
    } else {
        out.push_str(&format!(
            "{} services in {} wall time; the services' times add up to {} ({gain:.2}x from building them together)\n",
            ended.len(),
            seconds(total),
            seconds(sum),
        ));
    }
    let _ = std::io::stderr().lock().write_all(out.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_writer_keeps_lines_whole() {
        let mut w = PrefixWriter {
            prefix: "api | ".into(),
            pending: Vec::new(),
        };
        w.write_all(b"par").unwrap();
        assert_eq!(w.pending, b"par");
        w.write_all(b"tial\nnext").unwrap();
        assert_eq!(w.pending, b"next");
    }

    #[test]
    fn clip_marks_cut_lines() {
        assert_eq!(clip("short", 80), "short");
        assert_eq!(clip("abcdefghij", 6), "abcd…");
    }
}
