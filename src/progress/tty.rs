//! `--progress=tty`: a frame redrawn in place, like `buildctl`/`docker buildx`.
//!
//! ```text
//! [+] Building 4.2s (6/7)
//!  => [internal] load build definition from Dockerfile                0.0s
//!  => => transferring dockerfile: 123B                                0.0s
//!  => CACHED [build 1/3] FROM docker.io/library/alpine:3.20           0.0s
//!  => [build 2/3] RUN make                                            3.1s
//!  => => # cc -o app main.c
//!  => => # linking app
//! ```
//!
//! One row per started vertex in start order (`CACHED`, `ERROR`,
//! `CANCELED` prefixes; duration on the right), a row per transfer status
//! (`=> => id bytes`), a row per warning, and the last few log lines of
//! running vertices (`=> => # …`). Vertices of one progress group share a
//! row named after the group. Rows are cut to the terminal's columns (wide
//! characters count two) and leave the last column free, so they never wrap;
//! a running frame is capped to the terminal's height (completed rows scroll
//! off first), like buildx, so moving the cursor up always reaches its first
//! row; only the final frame is drawn whole. Each redraw overwrites the last
//! frame in place ([`redraw`]). Redraws are throttled
//! ([`TtyOptions::min_redraw`]); the final frame is always drawn.
//!
//! [`render_frame`] is the pure part (state + clock reading → lines), so the
//! frame can be tested without a terminal.

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::state::{self, Nanos, ProgressState, VertexState, merged_duration, span};
use super::summary::{BuildOutcome, BuildSummary, render_summary};
use super::{Clock, ProgressSink, finish_summary, format_bytes};
use crate::proto::control::StatusResponse;

/// Knobs for the tty display.
#[derive(Debug, Clone)]
pub struct TtyOptions {
    /// Terminal width in columns.
    pub width: usize,
    /// Terminal height in rows; `None` draws every row.
    pub height: Option<usize>,
    /// Log lines shown under each running vertex.
    pub log_lines: usize,
    /// Minimum time between two redraws.
    pub min_redraw: Duration,
    /// Colour rows with ANSI escapes (done blue, error red, canceled yellow, logs faint).
    pub color: bool,
    /// Word in the header: `[+] Building …`.
    pub phase: String,
    /// Re-read the terminal's size before every redraw (resizes), instead
    /// of keeping `width` and `height`.
    pub follow_terminal: bool,
}

impl Default for TtyOptions {
    fn default() -> Self {
        TtyOptions {
            width: 80,
            height: None,
            log_lines: 6,
            min_redraw: Duration::from_millis(100),
            color: true,
            phase: "Building".to_string(),
            follow_terminal: false,
        }
    }
}

/// How a frame line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// Header and running rows.
    Normal,
    /// Completed rows.
    Done,
    /// Failed rows.
    Error,
    /// Canceled rows and warnings.
    Canceled,
    /// Log lines.
    Log,
}

impl LineStyle {
    fn ansi(self) -> Option<&'static str> {
        match self {
            LineStyle::Normal => None,
            LineStyle::Done => Some("\x1b[34m"),
            LineStyle::Error => Some("\x1b[31m"),
            LineStyle::Canceled => Some("\x1b[33m"),
            LineStyle::Log => Some("\x1b[2m"),
        }
    }
}

/// One row of the display, before it is merged with others.
struct Row<'a> {
    name: String,
    members: Vec<&'a VertexState>,
}

impl Row<'_> {
    fn completed(&self) -> bool {
        self.members
            .iter()
            .filter(|v| v.is_started() || v.is_errored())
            .all(|v| v.is_completed())
    }
}

fn rows(state: &ProgressState) -> Vec<Row<'_>> {
    let mut seen_groups = HashSet::new();
    let mut out = Vec::new();
    for v in state.started() {
        match &v.progress_group {
            Some(g) => {
                if seen_groups.insert(g.id.clone()) {
                    let members = state
                        .started()
                        .filter(|m| m.progress_group.as_ref().is_some_and(|mg| mg.id == g.id))
                        .collect();
                    out.push(Row {
                        name: g.name.clone(),
                        members,
                    });
                }
            }
            None => out.push(Row {
                name: v.name.clone(),
                members: vec![v],
            }),
        }
    }
    out
}

fn clean(s: &str) -> String {
    let s = s.rsplit('\r').next().unwrap_or(s);
    s.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

/// Terminal columns `s` takes: a wide (CJK, emoji) character takes two, and
/// counting characters instead would let such a row wrap and break the redraw.
pub(crate) fn columns(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest prefix of `s` that fits in `n` terminal columns.
fn truncate(s: &str, n: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > n {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// `left` then `right`, padded to exactly `width` columns; `left` is cut to fit.
fn align(left: &str, right: &str, width: usize) -> String {
    let room = width.saturating_sub(columns(right));
    let left = truncate(left, room);
    let pad = room.saturating_sub(columns(&left));
    format!("{left}{}{right}", " ".repeat(pad))
}

fn timer(d: Duration) -> String {
    let secs = d.as_secs_f64();
    format!(" {:.1}s", if secs < 0.05 { 0.0 } else { secs })
}

/// Renders the display for `state` at local time `local_now`. `finished`
/// marks the final frame (`FINISHED` in the header, no height limit).
/// Lines are at most `width - 1` columns (the last column is left free so
/// terminals never wrap).
pub fn render_frame(
    state: &ProgressState,
    opts: &TtyOptions,
    local_now: Nanos,
    finished: bool,
) -> Vec<(String, LineStyle)> {
    let width = opts.width.max(2) - 1;
    let now = state.daemon_time(local_now);
    let rows = rows(state);

    // Header counts: grouped vertices count as their group.
    let mut groups = HashSet::new();
    let (mut total, mut done) = (0usize, 0usize);
    for v in state.vertices().filter(|v| v.announced) {
        if let Some(g) = &v.progress_group
            && !groups.insert(g.id.clone())
        {
            continue;
        }
        total += 1;
        let complete = match &v.progress_group {
            Some(g) => {
                let mut members = state
                    .vertices()
                    .filter(|m| m.progress_group.as_ref().is_some_and(|mg| mg.id == g.id))
                    .filter(|m| m.is_started() || m.is_errored())
                    .peekable();
                members.peek().is_some() && members.all(|m| m.is_completed())
            }
            None => v.is_completed(),
        };
        if complete {
            done += 1;
        }
    }
    let mut header = format!(
        "[+] {} {:.1}s ({done}/{total})",
        opts.phase,
        state.elapsed(local_now).as_secs_f64()
    );
    if finished && total > 0 && done == total {
        header += " FINISHED";
    }

    let mut blocks: Vec<(bool, Vec<(String, LineStyle)>)> = Vec::new();
    for row in &rows {
        let mut lines = Vec::new();
        let completed = row.completed();
        let errored = row.members.iter().find(|v| v.is_errored());
        let canceled = errored.is_some_and(|v| v.is_canceled());
        let mut name = clean(&row.name);
        let mut style = if completed {
            LineStyle::Done
        } else {
            LineStyle::Normal
        };
        if errored.is_some() {
            if canceled {
                name = format!("CANCELED {name}");
                style = LineStyle::Canceled;
            } else {
                name = format!("ERROR {name}");
                style = LineStyle::Error;
            }
        }
        if row.members.iter().all(|v| v.cached) {
            name = format!("CACHED {name}");
        }
        let d = merged_duration(row.members.iter().flat_map(|v| v.runs()), now);
        let t = timer(d);
        let left = width.saturating_sub(4 + t.len());
        if left < 12 {
            continue; // too narrow to show anything useful
        }
        lines.push((align(&format!(" => {name}"), &t, width), style));

        for v in &row.members {
            for s in &v.statuses {
                let mut label = clean(if s.id.is_empty() { &s.name } else { &s.id });
                let bytes = if s.total != 0 {
                    format!("{} / {}", format_bytes(s.current), format_bytes(s.total))
                } else if s.current != 0 {
                    format_bytes(s.current)
                } else {
                    String::new()
                };
                let room = width.saturating_sub(7 + t.len());
                if !bytes.is_empty() && columns(&label) + 1 + bytes.len() <= room {
                    label = format!("{label} {bytes}");
                }
                let d = match (s.started, s.completed) {
                    (Some(a), Some(b)) => span(a, b),
                    (Some(a), None) => span(a, now),
                    _ => Duration::ZERO,
                };
                let st = if s.completed.is_some() {
                    LineStyle::Done
                } else {
                    LineStyle::Normal
                };
                lines.push((align(&format!(" => => {label}"), &timer(d), width), st));
            }
            for w in &v.warnings {
                lines.push((
                    truncate(&format!(" => WARN: {}", clean(&w.short)), width),
                    LineStyle::Canceled,
                ));
            }
        }
        if !completed && opts.log_lines > 0 {
            for v in &row.members {
                let mut logs: Vec<String> = v.logs.iter().map(|l| l.text.clone()).collect();
                logs.extend(v.partial_lines().map(|l| l.text));
                let skip = logs.len().saturating_sub(opts.log_lines);
                for l in &logs[skip..] {
                    lines.push((
                        truncate(&format!(" => => # {}", clean(l)), width),
                        LineStyle::Log,
                    ));
                }
            }
        }
        blocks.push((completed, lines));
    }

    if let (Some(h), false) = (opts.height, finished) {
        let limit = h.saturating_sub(2);
        let mut count: usize = blocks.iter().map(|b| b.1.len()).sum();
        while count > limit {
            match blocks.iter().position(|b| b.0) {
                Some(i) => count -= blocks.remove(i).1.len(),
                None => break,
            }
        }
        let mut lines: Vec<_> = blocks.into_iter().flat_map(|b| b.1).collect();
        let cut = lines.len().saturating_sub(limit);
        lines.drain(..cut);
        blocks = vec![(false, lines)];
    }

    let mut out = vec![(truncate(&header, width), LineStyle::Normal)];
    out.extend(blocks.into_iter().flat_map(|b| b.1));
    out
}

/// Terminal rows that lines of these widths take up at `width` columns: a
/// frame drawn for a wider terminal wraps after a resize, and moving up by
/// its line count alone would leave rows behind (stacked headers).
fn rows_taken(line_widths: &[usize], width: usize) -> usize {
    let width = width.max(1);
    line_widths.iter().map(|&w| w.div_ceil(width).max(1)).sum()
}

/// The bytes that replace a frame taking `rows` terminal rows (ending just
/// above the cursor) with `frame`.
///
/// Like buildx, every row is overwritten in place: up to the old frame's
/// first row, each line followed by erase-to-end-of-line, and only then an
/// erase of what is left below (rows of a taller old frame). Erasing the
/// screen first (`ESC[J` with the cursor at the top-left corner, which is
/// where a frame as tall as the terminal starts) is a "clear screen" to
/// tmux and other terminals with scroll-on-clear: they push the old frame
/// into the scrollback, one stacked `[+] Building` header per redraw.
pub(crate) fn redraw(frame: &[(String, LineStyle)], rows: usize, color: bool) -> String {
    let mut buf = String::from("\x1b[?25l");
    if rows > 0 {
        buf += &format!("\x1b[{rows}A");
    }
    buf.push('\r');
    for (text, style) in frame {
        match style.ansi().filter(|_| color) {
            Some(code) => buf += &format!("{code}{text}\x1b[0m\x1b[K\n"),
            None => buf += &format!("{text}\x1b[K\n"),
        }
    }
    // The cursor is below at least one written row here, never at the top-left.
    buf += "\x1b[J\x1b[?25h";
    buf
}

/// The tty renderer.
pub struct TtySink<W: Write> {
    out: W,
    clock: Arc<dyn Clock>,
    opts: TtyOptions,
    state: ProgressState,
    /// Columns of each line of the last frame, to know how many rows it
    /// takes up once the terminal got narrower and the lines wrapped.
    lines_drawn: Vec<usize>,
    last_draw: Option<Nanos>,
    summary: Option<BuildSummary>,
}

impl<W: Write> TtySink<W> {
    /// A tty renderer writing to `out`.
    pub fn new(out: W, clock: Arc<dyn Clock>, opts: TtyOptions) -> Self {
        TtySink {
            out,
            clock,
            opts,
            state: ProgressState::default(),
            lines_drawn: Vec::new(),
            last_draw: None,
            summary: None,
        }
    }

    /// The writer.
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// The frame as it would be drawn now (without escapes).
    pub fn frame(&self, finished: bool) -> Vec<String> {
        let now = state::system_nanos(self.clock.now());
        render_frame(&self.state, &self.opts, now, finished)
            .into_iter()
            .map(|l| l.0)
            .collect()
    }

    fn draw(&mut self, now: Nanos, finished: bool) -> io::Result<()> {
        if self.opts.follow_terminal
            && let Some((width, height)) = super::terminal_size()
        {
            self.opts.width = width;
            self.opts.height = Some(height);
        }
        let frame = render_frame(&self.state, &self.opts, now, finished);
        let rows = rows_taken(&self.lines_drawn, self.opts.width);
        let buf = redraw(&frame, rows, self.opts.color);
        self.out.write_all(buf.as_bytes())?;
        self.out.flush()?;
        self.lines_drawn = frame.iter().map(|(t, _)| columns(t)).collect();
        self.last_draw = Some(now);
        Ok(())
    }

    fn maybe_draw(&mut self) -> io::Result<()> {
        if self.summary.is_some() {
            return Ok(());
        }
        let now = state::system_nanos(self.clock.now());
        let due = self
            .last_draw
            .is_none_or(|last| span(last, now) >= self.opts.min_redraw);
        if due { self.draw(now, false) } else { Ok(()) }
    }
}

impl<W: Write> ProgressSink for TtySink<W> {
    fn update(&mut self, msg: &StatusResponse) -> io::Result<()> {
        let now = state::system_nanos(self.clock.now());
        self.state.apply(msg, now);
        self.maybe_draw()
    }

    fn tick(&mut self) -> io::Result<()> {
        self.maybe_draw()
    }

    fn finish(&mut self, outcome: &BuildOutcome) -> io::Result<BuildSummary> {
        let (summary, flushed) = finish_summary(&mut self.summary, &mut self.state, &*self.clock);
        if flushed.is_none() {
            return Ok(summary);
        }
        let now = state::system_nanos(self.clock.now());
        self.draw(now, true)?;
        self.out
            .write_all(render_summary(&summary, outcome).as_bytes())?;
        self.out.flush()?;
        Ok(summary)
    }

    fn state(&self) -> &ProgressState {
        &self.state
    }
}

#[cfg(test)]
mod resize_tests {
    use super::rows_taken;

    #[test]
    fn a_frame_drawn_wider_takes_more_rows_after_a_narrowing_resize() {
        // Three lines drawn for a 120-column terminal (119 columns used).
        let drawn = [119, 40, 119];
        assert_eq!(rows_taken(&drawn, 120), 3);
        // At 60 columns the long lines wrap onto two rows each.
        assert_eq!(rows_taken(&drawn, 60), 5);
        // Empty lines still take a row; nothing drawn takes none.
        assert_eq!(rows_taken(&[0, 0], 80), 2);
        assert_eq!(rows_taken(&[], 80), 0);
    }
}
