//! Folding BuildKit `StatusResponse` messages into one view of the build.
//!
//! BuildKit streams partial, repeated and sometimes out-of-order updates:
//! a vertex is announced without times, re-sent when it starts, re-sent
//! when it completes; logs arrive in arbitrary chunks that may split a line;
//! a log or status can even arrive before the vertex it belongs to.
//! [`ProgressState::apply`] merges all of that and reports what changed as
//! [`ProgressEvent`]s, which the line-oriented renderers print.
//!
//! Times: every timestamp from the daemon is kept as nanoseconds since the
//! Unix epoch ([`Nanos`]). The daemon's clock may differ from ours, so the
//! starts fix an offset between the two (like upstream's `localTimeDiff`);
//! running durations are measured against our clock shifted by that offset.
//! A start cannot be later than its arrival, so the offset is the smallest
//! "arrival minus start" seen: a vertex another build started long before
//! (BuildKit sends a shared vertex to every build that uses it, with its
//! first start) neither skews the offset nor moves the build's start before
//! our first message.

use std::collections::{BTreeMap, VecDeque};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::proto::control::{StatusResponse, Vertex, VertexLog, VertexStatus, VertexWarning};
use crate::proto::pb;

/// Nanoseconds since the Unix epoch.
pub type Nanos = i128;

/// Default number of complete log lines kept per vertex.
pub const DEFAULT_LOG_LINES: usize = 10;

/// Converts a protobuf timestamp to [`Nanos`].
pub fn timestamp_nanos(ts: &prost_types::Timestamp) -> Nanos {
    i128::from(ts.seconds) * 1_000_000_000 + i128::from(ts.nanos)
}

/// Converts [`Nanos`] back to a protobuf timestamp.
pub fn nanos_timestamp(n: Nanos) -> prost_types::Timestamp {
    let seconds = n.div_euclid(1_000_000_000);
    let nanos = n.rem_euclid(1_000_000_000);
    prost_types::Timestamp {
        seconds: seconds as i64,
        nanos: nanos as i32,
    }
}

/// Converts a local clock reading to [`Nanos`].
pub fn system_nanos(t: SystemTime) -> Nanos {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as Nanos,
        Err(e) => -(e.duration().as_nanos() as Nanos),
    }
}

fn opt_nanos(ts: &Option<prost_types::Timestamp>) -> Option<Nanos> {
    ts.as_ref().map(timestamp_nanos)
}

/// A non-negative span between two [`Nanos`] as a `Duration`.
pub fn span(from: Nanos, to: Nanos) -> Duration {
    Duration::from_nanos(u64::try_from((to - from).max(0)).unwrap_or(u64::MAX))
}

/// Where a log line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogStream {
    /// Stream 1.
    Stdout,
    /// Stream 2.
    Stderr,
    /// Anything else BuildKit sends (the number as given).
    Other(i64),
}

impl LogStream {
    /// From BuildKit's stream number.
    pub fn from_number(n: i64) -> Self {
        match n {
            1 => LogStream::Stdout,
            2 => LogStream::Stderr,
            n => LogStream::Other(n),
        }
    }
}

/// One complete line of a vertex's output (without the newline).
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    /// Which stream the line came from.
    pub stream: LogStream,
    /// The line as UTF-8 (invalid bytes replaced), without `\n` or a trailing `\r`.
    pub text: String,
    /// Daemon time of the chunk that started the line.
    pub timestamp: Nanos,
    /// Seconds since the vertex's most recent start (0 when unknown).
    pub elapsed: Duration,
}

impl LogLine {
    /// Elapsed seconds the way upstream prints them: 3 decimals under 10 s,
    /// 2 under 100 s, else 1.
    pub fn elapsed_label(&self) -> String {
        let s = self.elapsed.as_secs_f64();
        if s < 10.0 {
            format!("{s:.3}")
        } else if s < 100.0 {
            format!("{s:.2}")
        } else {
            format!("{s:.1}")
        }
    }
}

#[derive(Debug, Clone)]
struct PartialLine {
    bytes: Vec<u8>,
    timestamp: Nanos,
    elapsed: Duration,
}

/// Progress of one sub-task of a vertex (a layer download, a context transfer).
#[derive(Debug, Clone, PartialEq)]
pub struct StatusState {
    /// BuildKit's status id, e.g. `transferring context:` or a layer digest.
    pub id: String,
    /// Optional name.
    pub name: String,
    /// Units done so far (bytes for transfers).
    pub current: i64,
    /// Units in total, 0 when unknown.
    pub total: i64,
    /// Daemon time of the latest update.
    pub timestamp: Option<Nanos>,
    /// When the sub-task started.
    pub started: Option<Nanos>,
    /// When it completed.
    pub completed: Option<Nanos>,
}

impl StatusState {
    /// How long the sub-task ran: until completion, else until its latest update.
    pub fn duration(&self) -> Option<Duration> {
        let start = self.started?;
        let end = self.completed.or(self.timestamp)?;
        Some(span(start, end))
    }
}

/// A warning BuildKit attached to a vertex (e.g. a Dockerfile lint).
#[derive(Debug, Clone, PartialEq)]
pub struct WarningState {
    /// Severity as BuildKit sends it.
    pub level: i64,
    /// One-line message.
    pub short: String,
    /// Longer explanation, one entry per paragraph.
    pub detail: Vec<String>,
    /// Link to documentation.
    pub url: String,
    /// Source file name, if the warning points into a file.
    pub source_file: Option<String>,
    /// Ranges in that file, as `(start line, start column, end line, end column)`
    /// with 1-based lines and 0-based columns.
    pub ranges: Vec<(i32, i32, i32, i32)>,
}

/// Everything known about one vertex.
#[derive(Debug, Clone, Default)]
pub struct VertexState {
    /// The vertex digest (`sha256:…`).
    pub digest: String,
    /// Display name, e.g. `[build 2/5] RUN make`.
    pub name: String,
    /// Input vertex digests.
    pub inputs: Vec<String>,
    /// Whether BuildKit answered the vertex from its cache.
    pub cached: bool,
    /// Error message; non-empty means the vertex failed (or was canceled).
    pub error: String,
    /// Progress group, if BuildKit groups this vertex with others.
    pub progress_group: Option<pb::ProgressGroup>,
    /// Whether a `Vertex` message named this vertex (false for placeholders
    /// created by logs or statuses that arrived first).
    pub announced: bool,
    /// Start → stop (None while running) of every run of the vertex.
    intervals: BTreeMap<Nanos, Option<Nanos>>,
    /// Sub-task progress in the order the sub-tasks started.
    pub statuses: Vec<StatusState>,
    /// Last complete log lines, oldest first.
    pub logs: VecDeque<LogLine>,
    partial: BTreeMap<LogStream, PartialLine>,
    /// Warnings in arrival order.
    pub warnings: Vec<WarningState>,
    /// Total log bytes received.
    pub log_bytes: u64,
    /// Whether a run of the vertex completed without the cache (BuildKit can
    /// report an executed vertex again later as cached).
    pub ran: bool,
}

impl VertexState {
    /// Whether the vertex has started at least once.
    pub fn is_started(&self) -> bool {
        !self.intervals.is_empty()
    }

    /// Whether the vertex is done: every run has stopped, or it failed.
    pub fn is_completed(&self) -> bool {
        (self.is_started() && self.intervals.values().all(Option::is_some)) || self.is_errored()
    }

    /// Whether the vertex carries an error (including cancellation).
    pub fn is_errored(&self) -> bool {
        !self.error.is_empty()
    }

    /// Whether the error is a cancellation (`… context canceled`).
    pub fn is_canceled(&self) -> bool {
        self.error.ends_with("context canceled")
    }

    /// Whether the vertex is one of BuildKit's bookkeeping steps
    /// (`[internal] load build definition`, …).
    pub fn is_internal(&self) -> bool {
        self.name.starts_with("[internal]")
    }

    /// Start of the most recent run.
    pub fn last_start(&self) -> Option<Nanos> {
        self.intervals.keys().next_back().copied()
    }

    /// Time spent running, with overlapping runs merged; a running interval
    /// counts until `now` (daemon time).
    pub fn duration(&self, now: Nanos) -> Duration {
        merged_duration(self.runs(), now)
    }

    /// Every run as `(start, stop)`; `stop` is `None` while running.
    pub fn runs(&self) -> impl Iterator<Item = (Nanos, Option<Nanos>)> + '_ {
        self.intervals.iter().map(|(&s, &e)| (s, e))
    }

    /// The unfinished line of each stream, if any.
    pub fn partial_lines(&self) -> impl Iterator<Item = LogLine> + '_ {
        self.partial.iter().map(|(stream, p)| LogLine {
            stream: *stream,
            text: line_text(&p.bytes),
            timestamp: p.timestamp,
            elapsed: p.elapsed,
        })
    }
}

/// Total time covered by `runs`, overlapping runs merged; an open run lasts until `now`.
pub fn merged_duration(
    runs: impl IntoIterator<Item = (Nanos, Option<Nanos>)>,
    now: Nanos,
) -> Duration {
    let mut runs: Vec<(Nanos, Nanos)> = runs
        .into_iter()
        .map(|(s, e)| (s, e.unwrap_or(now).max(s)))
        .collect();
    runs.sort_unstable();
    let mut total: Nanos = 0;
    let mut cur: Option<(Nanos, Nanos)> = None;
    for (start, stop) in runs {
        match cur {
            Some((s, e)) if start <= e => cur = Some((s, e.max(stop))),
            Some((s, e)) => {
                total += e - s;
                cur = Some((start, stop));
            }
            None => cur = Some((start, stop)),
        }
    }
    if let Some((s, e)) = cur {
        total += e - s;
    }
    span(0, total)
}

fn line_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// What one [`ProgressState::apply`] changed, in printing order.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgressEvent {
    /// A vertex began a run (first start, or a new run after completing).
    Started(String),
    /// A sub-task's progress changed; carries the status id.
    Status(String, String),
    /// A warning arrived; carries its index in [`VertexState::warnings`].
    Warning(String, usize),
    /// A complete log line (partial lines come out when completed or flushed).
    Log(String, LogLine),
    /// A vertex finished (done, cached, failed or canceled).
    Completed(String),
}

impl ProgressEvent {
    /// The vertex the event is about.
    pub fn digest(&self) -> &str {
        match self {
            ProgressEvent::Started(d)
            | ProgressEvent::Status(d, _)
            | ProgressEvent::Warning(d, _)
            | ProgressEvent::Log(d, _)
            | ProgressEvent::Completed(d) => d,
        }
    }
}

/// The folded state of a build's progress stream.
#[derive(Debug, Clone)]
pub struct ProgressState {
    vertices: BTreeMap<String, VertexState>,
    /// Digests in first-start order.
    started_order: Vec<String>,
    /// Digests in order of first appearance in any message.
    seen_order: Vec<String>,
    log_limit: usize,
    first_start: Option<Nanos>,
    /// Local clock minus daemon clock: the smallest arrival minus start seen.
    clock_offset: Option<Nanos>,
    /// Local time the first message arrived.
    first_message: Option<Nanos>,
}

impl Default for ProgressState {
    fn default() -> Self {
        Self::new(DEFAULT_LOG_LINES)
    }
}

impl ProgressState {
    /// An empty state keeping the last `log_lines` complete lines per vertex.
    pub fn new(log_lines: usize) -> Self {
        ProgressState {
            vertices: BTreeMap::new(),
            started_order: Vec::new(),
            seen_order: Vec::new(),
            log_limit: log_lines.max(1),
            first_start: None,
            clock_offset: None,
            first_message: None,
        }
    }

    /// A vertex by digest.
    pub fn vertex(&self, digest: &str) -> Option<&VertexState> {
        self.vertices.get(digest)
    }

    /// Started vertices in the order they first started.
    pub fn started(&self) -> impl Iterator<Item = &VertexState> + '_ {
        self.started_order
            .iter()
            .filter_map(|d| self.vertices.get(d))
    }

    /// All vertices in the order they first appeared in the stream.
    pub fn vertices(&self) -> impl Iterator<Item = &VertexState> + '_ {
        self.seen_order.iter().filter_map(|d| self.vertices.get(d))
    }

    /// Daemon time of the earliest start seen.
    pub fn first_start(&self) -> Option<Nanos> {
        self.first_start
    }

    /// Local time of the build start: the earliest vertex start, moved onto
    /// our clock, but never before our first message arrived.
    pub fn local_start(&self) -> Option<Nanos> {
        let start = self.first_start? + self.clock_offset.unwrap_or(0);
        Some(self.first_message.map_or(start, |m| start.max(m)))
    }

    /// Converts a local clock reading to daemon time.
    pub fn daemon_time(&self, local_now: Nanos) -> Nanos {
        local_now - self.clock_offset.unwrap_or(0)
    }

    /// Wall time since the build started, on our clock.
    pub fn elapsed(&self, local_now: Nanos) -> Duration {
        match self.local_start() {
            Some(start) => span(start, local_now),
            None => Duration::ZERO,
        }
    }

    fn entry(&mut self, digest: &str) -> &mut VertexState {
        if !self.vertices.contains_key(digest) {
            self.seen_order.push(digest.to_string());
            self.vertices.insert(
                digest.to_string(),
                VertexState {
                    digest: digest.to_string(),
                    ..VertexState::default()
                },
            );
        }
        self.vertices.get_mut(digest).expect("inserted above")
    }

    /// Folds one message into the state; `local_now` is our clock's reading
    /// when it arrived. Returns what changed, in the order to print it:
    /// starts, statuses, warnings, logs, then completions (with any
    /// unfinished log line of a completing vertex flushed just before).
    pub fn apply(&mut self, msg: &StatusResponse, local_now: Nanos) -> Vec<ProgressEvent> {
        self.first_message.get_or_insert(local_now);
        let mut events = Vec::new();
        let mut completing: Vec<String> = Vec::new();
        for v in &msg.vertexes {
            self.apply_vertex(v, local_now, &mut events, &mut completing);
        }
        for s in &msg.statuses {
            self.apply_status(s, &mut events);
        }
        for w in &msg.warnings {
            self.apply_warning(w, &mut events);
        }
        for l in &msg.logs {
            self.apply_log(l, &mut events);
        }
        for d in completing {
            // A message can carry a finished run and the next run of the same
            // vertex (BuildKit's local sources do): the vertex is running again.
            if !self.vertices.get(&d).is_some_and(VertexState::is_completed) {
                continue;
            }
            events.extend(self.flush_vertex(&d));
            events.push(ProgressEvent::Completed(d));
        }
        events
    }

    fn apply_vertex(
        &mut self,
        v: &Vertex,
        local_now: Nanos,
        events: &mut Vec<ProgressEvent>,
        completing: &mut Vec<String>,
    ) {
        let started = opt_nanos(&v.started);
        let completed = opt_nanos(&v.completed);
        if let Some(s) = started {
            let offset = local_now - s;
            self.clock_offset = Some(self.clock_offset.map_or(offset, |o| o.min(offset)));
            self.first_start = Some(self.first_start.map_or(s, |f| f.min(s)));
        }
        let vx = self.entry(&v.digest);
        let was_started = vx.is_started();
        let was_completed = vx.is_completed();
        vx.announced = true;
        if !v.name.is_empty() {
            vx.name = v.name.clone();
        }
        if !v.inputs.is_empty() {
            vx.inputs = v.inputs.clone();
        }
        if v.progress_group.is_some() {
            vx.progress_group = v.progress_group.clone();
        }
        // A repeated announcement (no times) must not reset a started vertex.
        if started.is_none() && was_started && v.error.is_empty() {
            return;
        }
        vx.cached = v.cached;
        if completed.is_some() && !v.cached && v.error.is_empty() {
            vx.ran = true;
        }
        if !v.error.is_empty() {
            vx.error = v.error.clone();
        }
        let mut new_run = false;
        if let Some(s) = started {
            match vx.intervals.get_mut(&s) {
                // Never un-complete a run because of a stale message.
                Some(stop) => {
                    if completed.is_some() {
                        *stop = completed;
                    }
                }
                None => {
                    vx.intervals.insert(s, completed);
                    new_run = true;
                }
            }
        }
        let now_completed = vx.is_completed();
        let digest = v.digest.clone();
        if !was_started && vx.is_started() {
            self.started_order.push(digest.clone());
        }
        if new_run || (!was_started && now_completed) {
            events.push(ProgressEvent::Started(digest.clone()));
        }
        if now_completed && (!was_completed || new_run) && !completing.contains(&digest) {
            completing.push(digest);
        }
    }

    fn apply_status(&mut self, s: &VertexStatus, events: &mut Vec<ProgressEvent>) {
        let vx = self.entry(&s.vertex);
        let next = StatusState {
            id: s.id.clone(),
            name: s.name.clone(),
            current: s.current,
            total: s.total,
            timestamp: opt_nanos(&s.timestamp),
            started: opt_nanos(&s.started),
            completed: opt_nanos(&s.completed),
        };
        match vx.statuses.iter_mut().find(|x| x.id == s.id) {
            Some(prev) => {
                // Ignore updates older than what we have.
                if let (Some(old), Some(new)) = (prev.timestamp, next.timestamp)
                    && new < old
                {
                    return;
                }
                let completed = next.completed.or(prev.completed);
                let started = next.started.or(prev.started);
                *prev = StatusState {
                    completed,
                    started,
                    ..next
                };
            }
            None => vx.statuses.push(next),
        }
        events.push(ProgressEvent::Status(s.vertex.clone(), s.id.clone()));
    }

    fn apply_warning(&mut self, w: &VertexWarning, events: &mut Vec<ProgressEvent>) {
        let vx = self.entry(&w.vertex);
        let source_file = w
            .info
            .as_ref()
            .map(|i| i.filename.clone())
            .filter(|f| !f.is_empty());
        let ranges = w
            .ranges
            .iter()
            .map(|r| {
                let (sl, sc) = r.start.as_ref().map_or((0, 0), |p| (p.line, p.character));
                let (el, ec) = r.end.as_ref().map_or((sl, sc), |p| (p.line, p.character));
                (sl, sc, el, ec)
            })
            .collect();
        vx.warnings.push(WarningState {
            level: w.level,
            short: String::from_utf8_lossy(&w.short).into_owned(),
            detail: w
                .detail
                .iter()
                .map(|d| String::from_utf8_lossy(d).into_owned())
                .collect(),
            url: w.url.clone(),
            source_file,
            ranges,
        });
        events.push(ProgressEvent::Warning(
            w.vertex.clone(),
            vx.warnings.len() - 1,
        ));
    }

    fn apply_log(&mut self, l: &VertexLog, events: &mut Vec<ProgressEvent>) {
        let limit = self.log_limit;
        let vx = self.entry(&l.vertex);
        let ts = opt_nanos(&l.timestamp)
            .or_else(|| vx.last_start())
            .unwrap_or(0);
        let elapsed = vx.last_start().map_or(Duration::ZERO, |s| span(s, ts));
        let stream = LogStream::from_number(l.stream);
        vx.log_bytes += l.msg.len() as u64;
        let mut rest: &[u8] = &l.msg;
        while !rest.is_empty() {
            let (chunk, complete) = match rest.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    let c = &rest[..i];
                    rest = &rest[i + 1..];
                    (c, true)
                }
                None => {
                    let c = rest;
                    rest = &[];
                    (c, false)
                }
            };
            let p = vx.partial.entry(stream).or_insert_with(|| PartialLine {
                bytes: Vec::new(),
                timestamp: ts,
                elapsed,
            });
            p.bytes.extend_from_slice(chunk);
            if complete {
                let p = vx.partial.remove(&stream).expect("inserted above");
                let line = LogLine {
                    stream,
                    text: line_text(&p.bytes),
                    timestamp: p.timestamp,
                    elapsed: p.elapsed,
                };
                push_line(&mut vx.logs, line.clone(), limit);
                events.push(ProgressEvent::Log(l.vertex.clone(), line));
            }
        }
    }

    fn flush_vertex(&mut self, digest: &str) -> Vec<ProgressEvent> {
        let limit = self.log_limit;
        let Some(vx) = self.vertices.get_mut(digest) else {
            return Vec::new();
        };
        let lines: Vec<LogLine> = vx.partial_lines().collect();
        vx.partial.clear();
        lines
            .into_iter()
            .map(|line| {
                push_line(&mut vx.logs, line.clone(), limit);
                ProgressEvent::Log(digest.to_string(), line)
            })
            .collect()
    }

    /// Turns every unfinished log line into a complete one (at the end of a
    /// build), returning them as events in vertex start order.
    pub fn flush_partial_lines(&mut self) -> Vec<ProgressEvent> {
        let digests: Vec<String> = self.seen_order.clone();
        digests.iter().flat_map(|d| self.flush_vertex(d)).collect()
    }

    /// Counts for the end-of-build report; `duration` is the wall time to report.
    pub fn summary(&self, duration: Duration) -> super::BuildSummary {
        super::BuildSummary::from_state(self, duration)
    }
}

fn push_line(logs: &mut VecDeque<LogLine>, line: LogLine, limit: usize) {
    logs.push_back(line);
    while logs.len() > limit {
        logs.pop_front();
    }
}
