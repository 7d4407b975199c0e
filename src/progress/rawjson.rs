//! `--progress=rawjson`: every status message as one line of JSON.
//!
//! The shape is BuildKit's own `client.SolveStatus` JSON, as
//! `buildctl --progress=rawjson` prints it, so tools written for that work
//! on ours:
//!
//! ```json
//! {"vertexes":[{"digest":"sha256:…","name":"[2/3] RUN make","started":"2024-05-01T10:00:00.5Z"}],
//!  "logs":[{"vertex":"sha256:…","stream":1,"data":"aGVsbG8K","timestamp":"2024-05-01T10:00:01Z"}]}
//! ```
//!
//! - Field names are camelCase as in BuildKit; empty fields are left out,
//!   except the ones Go always writes (`id`, `current`, `timestamp` of a
//!   status; `data`, `timestamp` of a log).
//! - Timestamps are RFC 3339 in UTC with up to nine fractional digits
//!   (trailing zeros dropped); a missing required timestamp is Go's zero
//!   time `0001-01-01T00:00:00Z`.
//! - Bytes (`data` of a log, `short`/`detail`/`sourceInfo.data` of a
//!   warning) are standard base64 with padding, as Go encodes `[]byte`;
//!   log output is not always UTF-8.
//! - A warning's `sourceInfo.definition` (an LLB definition) is not written.
//!
//! [`RawStatus`] converts both ways, so the lines can be read back into
//! [`StatusResponse`]s (replays, tests).

use std::io::{self, Write};
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};

use super::state::{self, ProgressState};
use super::summary::{BuildOutcome, BuildSummary};
use super::{Clock, ProgressSink, finish_summary};
use crate::proto::control::{StatusResponse, Vertex, VertexLog, VertexStatus, VertexWarning};
use crate::proto::pb;

fn is_zero(n: &i64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One status message in BuildKit's JSON shape.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RawStatus {
    /// Vertex updates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vertexes: Vec<RawVertex>,
    /// Sub-task progress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<RawVertexStatus>,
    /// Output chunks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub logs: Vec<RawVertexLog>,
    /// Warnings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<RawVertexWarning>,
}

/// A vertex update.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawVertex {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub cached: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error: String,
    #[serde(
        default,
        rename = "progressGroup",
        skip_serializing_if = "Option::is_none"
    )]
    pub progress_group: Option<RawProgressGroup>,
}

/// A progress group.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawProgressGroup {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub weak: bool,
}

/// Sub-task progress.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawVertexStatus {
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vertex: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub total: i64,
    #[serde(default)]
    pub current: i64,
    #[serde(default = "zero_time")]
    pub timestamp: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<String>,
}

/// An output chunk; `data` is base64.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawVertexLog {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vertex: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub stream: i64,
    #[serde(default)]
    pub data: String,
    #[serde(default = "zero_time")]
    pub timestamp: String,
}

/// A warning; byte fields are base64.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawVertexWarning {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vertex: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detail: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(
        default,
        rename = "sourceInfo",
        skip_serializing_if = "Option::is_none"
    )]
    pub source_info: Option<RawSourceInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range: Vec<RawRange>,
}

/// Where a warning points.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawSourceInfo {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub filename: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
}

/// A source range (1-based lines, 0-based characters).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawRange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<RawPosition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<RawPosition>,
}

/// A source position.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RawPosition {
    #[serde(default, skip_serializing_if = "is_zero32")]
    pub line: i32,
    #[serde(default, skip_serializing_if = "is_zero32")]
    pub character: i32,
}

fn is_zero32(n: &i32) -> bool {
    *n == 0
}

const GO_ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn zero_time() -> String {
    GO_ZERO_TIME.to_string()
}

/// A JSON line that is not a status message.
#[derive(Debug, thiserror::Error)]
pub enum RawJsonError {
    /// Not JSON of the expected shape.
    #[error("invalid rawjson status: {0}")]
    Json(#[from] serde_json::Error),
    /// A bad timestamp.
    #[error("invalid timestamp {0:?}")]
    Timestamp(String),
    /// Bad base64 in a byte field.
    #[error("invalid base64 in {field}: {source}")]
    Base64 {
        /// Which field.
        field: &'static str,
        /// Why.
        source: base64::DecodeError,
    },
}

// --- RFC 3339 ---------------------------------------------------------------

/// Formats a timestamp like Go's `time.RFC3339Nano` in UTC (trailing zeros
/// of the fraction dropped). Years outside 0000–9999, which RFC 3339 cannot
/// spell, clamp to Go's zero time.
pub fn format_timestamp(ts: &prost_types::Timestamp) -> String {
    let nanos = i128::from(ts.seconds) * 1_000_000_000 + i128::from(ts.nanos);
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(zero_time)
}

/// Parses an RFC 3339 timestamp (`Z` or `±hh:mm` offset, optional fraction).
pub fn parse_timestamp(s: &str) -> Option<prost_types::Timestamp> {
    // RFC 3339 allows a space for the `T`; Go's `time.RFC3339` (what
    // writes these) does not, and neither do we.
    if s.as_bytes().get(10) == Some(&b' ') {
        return None;
    }
    let t = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()?;
    Some(prost_types::Timestamp {
        seconds: t.unix_timestamp(),
        nanos: t.nanosecond() as i32,
    })
}

fn ts_out(ts: &Option<prost_types::Timestamp>) -> Option<String> {
    ts.as_ref().map(format_timestamp)
}

fn ts_required(ts: &Option<prost_types::Timestamp>) -> String {
    ts_out(ts).unwrap_or_else(zero_time)
}

fn ts_in(s: &Option<String>) -> Result<Option<prost_types::Timestamp>, RawJsonError> {
    match s.as_deref() {
        None | Some(GO_ZERO_TIME) => Ok(None),
        Some(t) => parse_timestamp(t)
            .map(Some)
            .ok_or_else(|| RawJsonError::Timestamp(t.to_string())),
    }
}

fn b64_in(field: &'static str, s: &str) -> Result<Vec<u8>, RawJsonError> {
    BASE64
        .decode(s)
        .map_err(|source| RawJsonError::Base64 { field, source })
}

impl RawStatus {
    /// The JSON form of a status message.
    pub fn from_proto(msg: &StatusResponse) -> Self {
        RawStatus {
            vertexes: msg
                .vertexes
                .iter()
                .map(|v| RawVertex {
                    digest: v.digest.clone(),
                    inputs: v.inputs.clone(),
                    name: v.name.clone(),
                    started: ts_out(&v.started),
                    completed: ts_out(&v.completed),
                    cached: v.cached,
                    error: v.error.clone(),
                    progress_group: v.progress_group.as_ref().map(|g| RawProgressGroup {
                        id: g.id.clone(),
                        name: g.name.clone(),
                        weak: g.weak,
                    }),
                })
                .collect(),
            statuses: msg
                .statuses
                .iter()
                .map(|s| RawVertexStatus {
                    id: s.id.clone(),
                    vertex: s.vertex.clone(),
                    name: s.name.clone(),
                    total: s.total,
                    current: s.current,
                    timestamp: ts_required(&s.timestamp),
                    started: ts_out(&s.started),
                    completed: ts_out(&s.completed),
                })
                .collect(),
            logs: msg
                .logs
                .iter()
                .map(|l| RawVertexLog {
                    vertex: l.vertex.clone(),
                    stream: l.stream,
                    data: BASE64.encode(&l.msg),
                    timestamp: ts_required(&l.timestamp),
                })
                .collect(),
            warnings: msg
                .warnings
                .iter()
                .map(|w| RawVertexWarning {
                    vertex: w.vertex.clone(),
                    level: w.level,
                    short: if w.short.is_empty() {
                        String::new()
                    } else {
                        BASE64.encode(&w.short)
                    },
                    detail: w.detail.iter().map(|d| BASE64.encode(d)).collect(),
                    url: w.url.clone(),
                    source_info: w.info.as_ref().map(|i| RawSourceInfo {
                        filename: i.filename.clone(),
                        data: if i.data.is_empty() {
                            String::new()
                        } else {
                            BASE64.encode(&i.data)
                        },
                        language: i.language.clone(),
                    }),
                    range: w
                        .ranges
                        .iter()
                        .map(|r| RawRange {
                            start: r.start.as_ref().map(|p| RawPosition {
                                line: p.line,
                                character: p.character,
                            }),
                            end: r.end.as_ref().map(|p| RawPosition {
                                line: p.line,
                                character: p.character,
                            }),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Back to the wire type.
    pub fn to_proto(&self) -> Result<StatusResponse, RawJsonError> {
        let pos = |p: &Option<RawPosition>| {
            p.as_ref().map(|p| pb::Position {
                line: p.line,
                character: p.character,
            })
        };
        Ok(StatusResponse {
            vertexes: self
                .vertexes
                .iter()
                .map(|v| {
                    Ok(Vertex {
                        digest: v.digest.clone(),
                        inputs: v.inputs.clone(),
                        name: v.name.clone(),
                        cached: v.cached,
                        started: ts_in(&v.started)?,
                        completed: ts_in(&v.completed)?,
                        error: v.error.clone(),
                        progress_group: v.progress_group.as_ref().map(|g| pb::ProgressGroup {
                            id: g.id.clone(),
                            name: g.name.clone(),
                            weak: g.weak,
                        }),
                    })
                })
                .collect::<Result<_, RawJsonError>>()?,
            statuses: self
                .statuses
                .iter()
                .map(|s| {
                    Ok(VertexStatus {
                        id: s.id.clone(),
                        vertex: s.vertex.clone(),
                        name: s.name.clone(),
                        current: s.current,
                        total: s.total,
                        timestamp: ts_in(&Some(s.timestamp.clone()))?,
                        started: ts_in(&s.started)?,
                        completed: ts_in(&s.completed)?,
                    })
                })
                .collect::<Result<_, RawJsonError>>()?,
            logs: self
                .logs
                .iter()
                .map(|l| {
                    Ok(VertexLog {
                        vertex: l.vertex.clone(),
                        timestamp: ts_in(&Some(l.timestamp.clone()))?,
                        stream: l.stream,
                        msg: b64_in("data", &l.data)?,
                    })
                })
                .collect::<Result<_, RawJsonError>>()?,
            warnings: self
                .warnings
                .iter()
                .map(|w| {
                    Ok(VertexWarning {
                        vertex: w.vertex.clone(),
                        level: w.level,
                        short: b64_in("short", &w.short)?,
                        detail: w
                            .detail
                            .iter()
                            .map(|d| b64_in("detail", d))
                            .collect::<Result<_, _>>()?,
                        url: w.url.clone(),
                        info: match &w.source_info {
                            Some(i) => Some(pb::SourceInfo {
                                filename: i.filename.clone(),
                                data: b64_in("sourceInfo.data", &i.data)?,
                                definition: None,
                                language: i.language.clone(),
                            }),
                            None => None,
                        },
                        ranges: w
                            .range
                            .iter()
                            .map(|r| pb::Range {
                                start: pos(&r.start),
                                end: pos(&r.end),
                            })
                            .collect(),
                    })
                })
                .collect::<Result<_, RawJsonError>>()?,
        })
    }

    /// One JSON line (without the newline).
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("plain data always serializes")
    }

    /// Parses one JSON line back into a status message.
    pub fn parse_line(line: &str) -> Result<StatusResponse, RawJsonError> {
        serde_json::from_str::<RawStatus>(line)?.to_proto()
    }
}

/// The rawjson renderer: one line per message, nothing at the end.
pub struct RawJsonSink<W: Write> {
    out: W,
    clock: Arc<dyn Clock>,
    state: ProgressState,
    summary: Option<BuildSummary>,
}

impl<W: Write> RawJsonSink<W> {
    /// A rawjson renderer writing to `out`.
    pub fn new(out: W, clock: Arc<dyn Clock>) -> Self {
        RawJsonSink {
            out,
            clock,
            state: ProgressState::default(),
            summary: None,
        }
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> ProgressSink for RawJsonSink<W> {
    fn update(&mut self, msg: &StatusResponse) -> io::Result<()> {
        let now = state::system_nanos(self.clock.now());
        self.state.apply(msg, now);
        let mut line = RawStatus::from_proto(msg).to_line();
        line.push('\n');
        self.out.write_all(line.as_bytes())?;
        self.out.flush()
    }

    fn finish(&mut self, _outcome: &BuildOutcome) -> io::Result<BuildSummary> {
        Ok(finish_summary(&mut self.summary, &mut self.state, &*self.clock).0)
    }

    fn state(&self) -> &ProgressState {
        &self.state
    }
}
