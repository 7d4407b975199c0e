//! Tests for the progress renderers: hand-built status streams with a fixed clock.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use prost_types::Timestamp;

use super::rawjson::{RawStatus, format_timestamp, parse_timestamp};
use super::tty::render_frame;
use super::*;
use crate::proto::control::{Vertex, VertexLog, VertexStatus, VertexWarning};

const T0: i64 = 1_700_000_000;
const A: &str = "sha256:aaaa";
const B: &str = "sha256:bbbb";
const C: &str = "sha256:cccc";
const D: &str = "sha256:dddd";
const ERR: &str = "process \"/bin/sh -c make\" did not complete successfully: exit code: 2";

fn ts(ms: i64) -> Option<Timestamp> {
    Some(Timestamp {
        seconds: T0 + ms.div_euclid(1000),
        nanos: (ms.rem_euclid(1000) * 1_000_000) as i32,
    })
}

fn at(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(T0 as u64 * 1000 + ms)
}

fn vtx(d: &str, name: &str, started: Option<i64>, completed: Option<i64>) -> Vertex {
    Vertex {
        digest: d.into(),
        name: name.into(),
        started: started.and_then(ts),
        completed: completed.and_then(ts),
        ..Default::default()
    }
}

fn cached(v: Vertex) -> Vertex {
    Vertex { cached: true, ..v }
}

fn failed(v: Vertex, error: &str) -> Vertex {
    Vertex {
        error: error.into(),
        ..v
    }
}

fn log(d: &str, ms: i64, data: &str) -> VertexLog {
    VertexLog {
        vertex: d.into(),
        timestamp: ts(ms),
        stream: 1,
        msg: data.as_bytes().to_vec(),
    }
}

fn vertices(v: Vec<Vertex>) -> StatusResponse {
    StatusResponse {
        vertexes: v,
        ..Default::default()
    }
}

fn logs(l: Vec<VertexLog>) -> StatusResponse {
    StatusResponse {
        logs: l,
        ..Default::default()
    }
}

fn announce() -> StatusResponse {
    vertices(vec![
        vtx(
            A,
            "[internal] load build definition from Dockerfile",
            None,
            None,
        ),
        vtx(B, "[1/3] FROM docker.io/library/alpine", None, None),
        vtx(C, "[2/3] RUN make", None, None),
        vtx(D, "[3/3] COPY . .", None, None),
    ])
}

fn load_definition() -> StatusResponse {
    StatusResponse {
        vertexes: vec![vtx(
            A,
            "[internal] load build definition from Dockerfile",
            Some(0),
            Some(20),
        )],
        statuses: vec![VertexStatus {
            id: "transferring dockerfile:".into(),
            vertex: A.into(),
            current: 123,
            timestamp: ts(20),
            started: ts(0),
            completed: ts(20),
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// A build where `RUN make` fails: (clock ms, message) pairs. Includes a
/// repeated announcement after start, a line split across messages, and a
/// repeated completion.
fn failing_build() -> Vec<(u64, StatusResponse)> {
    vec![
        (0, announce()),
        (0, load_definition()),
        (
            30,
            vertices(vec![cached(vtx(
                B,
                "[1/3] FROM docker.io/library/alpine",
                Some(30),
                Some(30),
            ))]),
        ),
        (
            100,
            vertices(vec![vtx(C, "[2/3] RUN make", Some(100), None)]),
        ),
        (150, logs(vec![log(C, 150, "compiling main.c\nlink")])),
        (200, announce()),
        (
            250,
            logs(vec![log(C, 250, "ing app\nmake: *** [all] Error 1\n")]),
        ),
        (
            400,
            vertices(vec![failed(
                vtx(C, "[2/3] RUN make", Some(100), Some(400)),
                ERR,
            )]),
        ),
        (
            400,
            vertices(vec![failed(
                vtx(C, "[2/3] RUN make", Some(100), Some(400)),
                ERR,
            )]),
        ),
    ]
}

fn run<S: ProgressSink>(sink: &mut S, clock: &ManualClock, msgs: &[(u64, StatusResponse)]) {
    for (ms, m) in msgs {
        clock.set(at(*ms));
        sink.update(m).unwrap();
    }
}

#[test]
fn plain_failing_build() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = PlainSink::new(Vec::new(), clock.clone());
    run(&mut sink, &clock, &failing_build());
    clock.set(at(400));
    let summary = sink.finish(&BuildOutcome::Failed(ERR.into())).unwrap();
    let again = sink.finish(&BuildOutcome::Failed(ERR.into())).unwrap();
    assert_eq!(summary, again);
    let out = String::from_utf8(sink.into_inner()).unwrap();
    let expected = format!(
        "\
#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 123B 0.0s done
#1 DONE 0.0s

#2 [1/3] FROM docker.io/library/alpine
#2 CACHED

#3 [2/3] RUN make
#3 0.050 compiling main.c
#3 0.050 linking app
#3 0.150 make: *** [all] Error 1
#3 ERROR: {ERR}

------
 > [2/3] RUN make:
0.050 compiling main.c
0.050 linking app
0.150 make: *** [all] Error 1
------
ERROR: {ERR}
Build failed in 0.4s: 3 steps, 1 cached, 0 executed, 1 failed, 1 not run (+1 internal)
"
    );
    assert_eq!(out, expected);
    assert_eq!(summary.total, 3);
    assert_eq!(summary.cached, 1);
    assert_eq!(summary.executed, 0);
    assert_eq!(summary.errored, 1);
    assert_eq!(summary.pending, 1);
    assert_eq!(summary.internal, 1);
    assert_eq!(summary.duration, Duration::from_millis(400));
    let f = summary.failed.unwrap();
    assert_eq!(f.name, "[2/3] RUN make");
    assert_eq!(f.error, ERR);
    assert_eq!(f.logs.len(), 3);
}
