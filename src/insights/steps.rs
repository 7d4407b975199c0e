//! A build's steps, folded from its status log.
//!
//! BuildKit writes every status batch of a build into one blob
//! (`application/vnd.buildkit.status.v0`): a sequence of `StatusResponse`
//! messages, each preceded by its length as a little-endian u32. The same
//! vertex appears many times (announced, started, completed); folding keeps
//! one [`Step`] per vertex digest.

use std::collections::BTreeMap;

use prost::Message;
use serde::Serialize;

use super::record::timestamp_ms;
use crate::proto::control::StatusResponse;

/// The most log bytes kept per step; a step that printed more keeps its
/// last bytes (where errors are) and says how much was dropped.
pub const MAX_STEP_LOG: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepsError {
    #[error("the build's status log is cut off at byte {0}")]
    Truncated(usize),
    #[error("the build's status log has an undecodable message at byte {0}")]
    Undecodable(usize),
}

/// Decode a status log blob into its messages.
pub fn decode_status_log(blob: &[u8]) -> Result<Vec<StatusResponse>, StepsError> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < blob.len() {
        let Some(head) = blob.get(at..at + 4) else {
            return Err(StepsError::Truncated(at));
        };
        let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let body = blob
            .get(at + 4..at + 4 + len)
            .ok_or(StepsError::Truncated(at))?;
        out.push(StatusResponse::decode(body).map_err(|_| StepsError::Undecodable(at))?);
        at += 4 + len;
    }
    Ok(out)
}

/// The inverse of [`decode_status_log`] (tests and fixtures).
pub fn encode_status_log(messages: &[StatusResponse]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        let body = m.encode_to_vec();
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(&body);
    }
    out
}

/// One vertex of the build.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// 1-based, in start order (vertices that never started come last).
    pub index: usize,
    pub digest: String,
    /// BuildKit's vertex name, e.g. `[build 3/5] RUN npm ci`.
    pub name: String,
    /// The instruction part of the name (`RUN npm ci`).
    pub instruction: String,
    /// `[internal]` vertices (context transfer, metadata loads).
    pub internal: bool,
    pub inputs: Vec<String>,
    pub started_ms: Option<i64>,
    pub completed_ms: Option<i64>,
    pub cached: bool,
    pub error: Option<String>,
    /// Bytes the step moved (sum of its sub-tasks' final progress: layer
    /// downloads, context transfer, exports).
    pub bytes: u64,
    /// The step's output (stdout and stderr interleaved), at most
    /// [`MAX_STEP_LOG`] bytes.
    #[serde(skip)]
    pub log: Vec<u8>,
    /// Log bytes dropped from the front.
    pub log_dropped: usize,
}

impl Step {
    /// Wall time in milliseconds, when it both started and completed.
    pub fn duration_ms(&self) -> Option<i64> {
        Some(self.completed_ms? - self.started_ms?).map(|d| d.max(0))
    }

    /// It ran (not answered from the cache) and finished without error.
    pub fn executed(&self) -> bool {
        !self.cached && self.completed_ms.is_some() && self.error.is_none()
    }
}

/// The instruction of a vertex name: what follows a leading `[...] `.
pub fn instruction_of(name: &str) -> &str {
    if name.starts_with('[')
        && let Some(end) = name.find("] ")
    {
        return &name[end + 2..];
    }
    name
}

/// Fold status messages into steps, in start order.
pub fn fold(messages: &[StatusResponse]) -> Vec<Step> {
    let mut by_digest: BTreeMap<String, Step> = BTreeMap::new();
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    // Sub-task progress: the last `current` per (vertex, status id).
    let mut progress: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut seq = 0;
    for m in messages {
        for v in &m.vertexes {
            let step = by_digest.entry(v.digest.clone()).or_insert_with(|| {
                first_seen.insert(v.digest.clone(), seq);
                seq += 1;
                Step {
                    index: 0,
                    digest: v.digest.clone(),
                    name: String::new(),
                    instruction: String::new(),
                    internal: false,
                    inputs: Vec::new(),
                    started_ms: None,
                    completed_ms: None,
                    cached: false,
                    error: None,
                    bytes: 0,
                    log: Vec::new(),
                    log_dropped: 0,
                }
            });
            if !v.name.is_empty() {
                step.name = v.name.clone();
                step.instruction = instruction_of(&v.name).to_string();
                step.internal = v.name.starts_with("[internal]");
            }
            if !v.inputs.is_empty() {
                step.inputs = v.inputs.clone();
            }
            step.cached |= v.cached;
            if let Some(t) = &v.started {
                let t = timestamp_ms(t);
                step.started_ms = Some(step.started_ms.map_or(t, |s| s.min(t)));
            }
            if let Some(t) = &v.completed {
                let t = timestamp_ms(t);
                step.completed_ms = Some(step.completed_ms.map_or(t, |s| s.max(t)));
            }
            if !v.error.is_empty() {
                step.error = Some(v.error.clone());
            }
        }
        for s in &m.statuses {
            progress.insert((s.vertex.clone(), s.id.clone()), s.current);
        }
        for l in &m.logs {
            if let Some(step) = by_digest.get_mut(&l.vertex) {
                step.log.extend_from_slice(&l.msg);
                if step.log.len() > MAX_STEP_LOG {
                    let cut = step.log.len() - MAX_STEP_LOG;
                    step.log.drain(..cut);
                    step.log_dropped += cut;
                }
            }
        }
    }
    for ((vertex, _), current) in progress {
        if let Some(step) = by_digest.get_mut(&vertex) {
            step.bytes += current.max(0) as u64;
        }
    }
    let mut steps: Vec<Step> = by_digest.into_values().collect();
    steps.sort_by_key(|s| (s.started_ms.is_none(), s.started_ms, first_seen[&s.digest]));
    for (i, s) in steps.iter_mut().enumerate() {
        s.index = i + 1;
    }
    steps
}

/// The chain of steps that decided the build's length: from the step that
/// finished last, back through the input that finished last each time.
/// Returns digests, first step first.
pub fn critical_path(steps: &[Step]) -> Vec<String> {
    let by_digest: BTreeMap<&str, &Step> = steps.iter().map(|s| (s.digest.as_str(), s)).collect();
    let Some(mut at) = steps
        .iter()
        .filter(|s| s.completed_ms.is_some())
        .max_by_key(|s| (s.completed_ms, std::cmp::Reverse(s.index)))
    else {
        return Vec::new();
    };
    let mut path = vec![at.digest.clone()];
    while let Some(prev) = at
        .inputs
        .iter()
        .filter_map(|d| by_digest.get(d.as_str()))
        .filter(|s| s.completed_ms.is_some() && !path.contains(&s.digest))
        .max_by_key(|s| s.completed_ms)
    {
        path.push(prev.digest.clone());
        at = prev;
    }
    path.reverse();
    path
}

/// Select a step by its `--step` value: the 1-based index, or a digest
/// (prefix) of one.
pub fn find_step<'a>(steps: &'a [Step], given: &str) -> Option<&'a Step> {
    if let Ok(n) = given.parse::<usize>() {
        return steps.iter().find(|s| s.index == n);
    }
    let given = given.strip_prefix("sha256:").unwrap_or(given);
    let mut hits = steps.iter().filter(|s| {
        s.digest
            .strip_prefix("sha256:")
            .unwrap_or(&s.digest)
            .starts_with(given)
    });
    match (hits.next(), hits.next()) {
        (Some(one), None) if !given.is_empty() => Some(one),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::proto::control::{Vertex, VertexLog, VertexStatus};

    pub(crate) fn ts(ms: i64) -> Option<prost_types::Timestamp> {
        Some(prost_types::Timestamp {
            seconds: ms / 1000,
            nanos: ((ms % 1000) * 1_000_000) as i32,
        })
    }

    pub(crate) fn vertex(
        d: &str,
        name: &str,
        inputs: &[&str],
        start: i64,
        end: i64,
        cached: bool,
    ) -> Vertex {
        Vertex {
            digest: d.into(),
            name: name.into(),
            inputs: inputs.iter().map(|s| s.to_string()).collect(),
            cached,
            started: ts(start),
            completed: ts(end),
            ..Default::default()
        }
    }

    /// A small build: FROM (cached) → COPY (ran) → RUN (ran), plus an
    /// internal context load.
    pub(crate) fn sample() -> Vec<StatusResponse> {
        vec![
            StatusResponse {
                vertexes: vec![
                    Vertex {
                        digest: "sha256:ctx".into(),
                        name: "[internal] load build context".into(),
                        started: ts(1000),
                        ..Default::default()
                    },
                    vertex("sha256:from", "[1/3] FROM busybox", &[], 1000, 1100, true),
                ],
                statuses: vec![VertexStatus {
                    id: "transferring".into(),
                    vertex: "sha256:ctx".into(),
                    current: 100,
                    ..Default::default()
                }],
                ..Default::default()
            },
            StatusResponse {
                vertexes: vec![
                    Vertex {
                        digest: "sha256:ctx".into(),
                        name: "[internal] load build context".into(),
                        started: ts(1000),
                        completed: ts(1200),
                        ..Default::default()
                    },
                    vertex(
                        "sha256:copy",
                        "[2/3] COPY . /app",
                        &["sha256:from", "sha256:ctx"],
                        1200,
                        1500,
                        false,
                    ),
                    vertex(
                        "sha256:run",
                        "[3/3] RUN make",
                        &["sha256:copy"],
                        1500,
                        4500,
                        false,
                    ),
                ],
                statuses: vec![VertexStatus {
                    id: "transferring".into(),
                    vertex: "sha256:ctx".into(),
                    current: 2048,
                    ..Default::default()
                }],
                logs: vec![VertexLog {
                    vertex: "sha256:run".into(),
                    stream: 1,
                    msg: b"compiling\n".to_vec(),
                    ..Default::default()
                }],
                ..Default::default()
            },
        ]
    }

    #[test]
    fn log_round_trips_and_rejects_cut_blobs() {
        let blob = encode_status_log(&sample());
        assert_eq!(decode_status_log(&blob).unwrap(), sample());
        assert_eq!(
            decode_status_log(&blob[..blob.len() - 1]),
            Err(StepsError::Truncated(4 + sample()[0].encoded_len()))
        );
        assert!(decode_status_log(&[1, 0]).is_err());
        assert!(decode_status_log(&[]).unwrap().is_empty());
    }

    #[test]
    fn folds_vertices_once_with_times_bytes_and_logs() {
        let steps = fold(&sample());
        let names: Vec<&str> = steps.iter().map(|s| s.instruction.as_str()).collect();
        assert_eq!(
            names,
            [
                "load build context",
                "FROM busybox",
                "COPY . /app",
                "RUN make"
            ]
        );
        let ctx = &steps[0];
        assert!(ctx.internal);
        assert_eq!(ctx.bytes, 2048);
        assert_eq!(ctx.duration_ms(), Some(200));
        assert!(steps[1].cached);
        let run = &steps[3];
        assert!(run.executed());
        assert_eq!(run.duration_ms(), Some(3000));
        assert_eq!(run.log, b"compiling\n");
        assert_eq!(run.index, 4);
    }

    #[test]
    fn critical_path_follows_the_latest_inputs() {
        let steps = fold(&sample());
        assert_eq!(
            critical_path(&steps),
            ["sha256:ctx", "sha256:copy", "sha256:run"]
        );
    }

    #[test]
    fn steps_by_index_or_digest() {
        let steps = fold(&sample());
        assert_eq!(find_step(&steps, "3").unwrap().digest, "sha256:copy");
        assert_eq!(find_step(&steps, "ru").unwrap().digest, "sha256:run");
        assert!(find_step(&steps, "c").is_none(), "ambiguous: ctx, copy");
        assert!(find_step(&steps, "9").is_none());
    }
}
