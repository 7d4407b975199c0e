//! Tests for the progress renderers: hand-built status streams with a fixed clock.

use std::collections::BTreeMap;
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

fn tty_opts(width: usize) -> TtyOptions {
    TtyOptions {
        width,
        color: false,
        ..TtyOptions::default()
    }
}

#[test]
fn tty_running_frame() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = TtySink::new(Vec::new(), clock.clone(), tty_opts(60));
    run(&mut sink, &clock, &failing_build()[..5]);
    clock.set(at(1234));
    assert_eq!(
        sink.frame(false),
        [
            "[+] Building 1.2s (2/4)",
            " => [internal] load build definition from Dockerfile   0.0s",
            " => => transferring dockerfile: 123B                   0.0s",
            " => CACHED [1/3] FROM docker.io/library/alpine         0.0s",
            " => [2/3] RUN make                                     1.1s",
            " => => # compiling main.c",
            " => => # link",
        ]
    );
}

/// The final frame is drawn even when the throttle would skip it, and the
/// summary follows it once.
#[test]
fn tty_final_frame_and_summary() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = TtySink::new(Vec::new(), clock.clone(), tty_opts(60));
    run(&mut sink, &clock, &failing_build());
    clock.set(at(400));
    sink.finish(&BuildOutcome::Failed(ERR.into())).unwrap();
    sink.finish(&BuildOutcome::Failed(ERR.into())).unwrap();
    sink.update(&announce()).unwrap(); // after finish: folded, not drawn
    let out = String::from_utf8(sink.into_inner()).unwrap();
    // The previous frame (5 lines) is overwritten in place: up 5 rows, each
    // row erased to its end after its text, what is left below erased last.
    let final_frame = out
        .rsplit("\x1b[?25l")
        .next()
        .unwrap()
        .replace("\x1b[K", "");
    let expected = format!(
        "\x1b[5A\r\
[+] Building 0.4s (3/4)
 => [internal] load build definition from Dockerfile   0.0s
 => => transferring dockerfile: 123B                   0.0s
 => CACHED [1/3] FROM docker.io/library/alpine         0.0s
 => ERROR [2/3] RUN make                               0.3s
\x1b[J\x1b[?25h------
 > [2/3] RUN make:
0.050 compiling main.c
0.050 linking app
0.150 make: *** [all] Error 1
------
ERROR: {ERR}
Build failed in 0.4s: 3 steps, 1 cached, 0 executed, 1 failed, 1 not run (+1 internal)
"
    );
    assert_eq!(final_frame, expected);
    assert!(out.contains("\x1b[5A\r[+] Building 0.4s (3/4)\x1b[K\n"));
}

/// tmux (and other terminals with scroll-on-clear) push the screen into the
/// scrollback on an erase from the top-left corner, where a frame as tall as
/// the terminal starts: a redraw must overwrite rows, never erase first.
#[test]
fn tty_redraw_overwrites_rows_in_place() {
    use super::tty::{LineStyle, redraw};
    let frame = vec![
        ("[+] Building 1.0s (1/2)".to_string(), LineStyle::Normal),
        (" => [1/2] RUN make".to_string(), LineStyle::Done),
    ];
    let first = redraw(&frame, 0, true);
    let next = redraw(&frame, 3, true);
    for out in [&first, &next] {
        let body = out.strip_prefix("\x1b[?25l").unwrap();
        let before_header = &body[..body.find("[+]").unwrap()];
        assert!(!before_header.contains("\x1b[J"), "{out:?}");
        assert!(out.ends_with("\x1b[J\x1b[?25h"), "{out:?}");
    }
    assert_eq!(
        next,
        "\x1b[?25l\x1b[3A\r[+] Building 1.0s (1/2)\x1b[K\n\x1b[34m => [1/2] RUN make\x1b[0m\x1b[K\n\x1b[J\x1b[?25h"
    );
}

/// Rows are cut by terminal columns: wide characters count two.
#[test]
fn tty_rows_fit_in_columns_with_wide_characters() {
    let mut state = ProgressState::default();
    let now = super::state::system_nanos(at(0));
    state.apply(
        &vertices(vec![vtx(
            C,
            "[2/3] RUN echo 日本語日本語日本語",
            Some(0),
            None,
        )]),
        now,
    );
    state.apply(
        &logs(vec![log(
            C,
            10,
            "ü 日本語 ✓ 日本語 日本語 日本語 日本語 日本語\n",
        )]),
        now,
    );
    for width in [24, 25, 30, 31] {
        let frame = render_frame(&state, &tty_opts(width), now, false);
        for (l, _) in &frame {
            assert!(super::tty::columns(l) < width, "{width}: {l:?}");
        }
        let run = &frame[1].0;
        assert_eq!(super::tty::columns(run), width - 1, "{width}: {run:?}");
    }
}

#[test]
fn tty_redraws_are_throttled() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = TtySink::new(Vec::new(), clock.clone(), tty_opts(60));
    let draws = |s: &TtySink<Vec<u8>>| {
        String::from_utf8_lossy(s.get_ref())
            .matches("\x1b[J")
            .count()
    };
    sink.update(&announce()).unwrap();
    assert_eq!(draws(&sink), 1);
    clock.set(at(50));
    sink.update(&load_definition()).unwrap();
    sink.tick().unwrap();
    assert_eq!(draws(&sink), 1, "50 ms after the last draw");
    clock.set(at(100));
    sink.tick().unwrap();
    assert_eq!(draws(&sink), 2);
    sink.finish(&BuildOutcome::Success).unwrap();
    assert_eq!(draws(&sink), 3, "final frame drawn regardless of throttle");
}

#[test]
fn tty_fits_narrow_terminals_and_colours() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut state = ProgressState::default();
    for (ms, m) in &failing_build()[..5] {
        state.apply(m, super::state::system_nanos(at(*ms)));
    }
    let opts = tty_opts(30);
    let frame = render_frame(&state, &opts, super::state::system_nanos(at(500)), false);
    for (l, _) in &frame {
        assert!(l.chars().count() < 30, "{l:?}");
    }
    assert_eq!(frame[1].0, " => [internal] load buil 0.0s");
    // With a height limit, completed rows scroll off first.
    let opts = TtyOptions {
        height: Some(5),
        ..tty_opts(60)
    };
    let lines: Vec<String> =
        render_frame(&state, &opts, super::state::system_nanos(at(500)), false)
            .into_iter()
            .map(|l| l.0)
            .collect();
    assert_eq!(
        lines,
        [
            "[+] Building 0.5s (2/4)",
            " => [2/3] RUN make                                     0.4s",
            " => => # compiling main.c",
            " => => # link",
        ]
    );
    // Colour: completed rows blue, logs faint.
    let mut sink = TtySink::new(
        Vec::new(),
        clock.clone(),
        TtyOptions {
            color: true,
            ..tty_opts(60)
        },
    );
    run(&mut sink, &clock, &failing_build()[..5]);
    clock.set(at(1000));
    sink.tick().unwrap();
    let out = String::from_utf8(sink.into_inner()).unwrap();
    assert!(out.contains("\x1b[34m => CACHED [1/3]"));
    assert!(out.contains("\x1b[2m => => # link\x1b[0m"));
}

/// A build where only the stamp step re-runs: everything else is cached.
fn stamp_rebuild() -> Vec<(u64, StatusResponse)> {
    let names = [
        (A, "[internal] load build definition from Dockerfile"),
        ("sha256:ctx", "[internal] load build context"),
        (B, "[1/4] FROM docker.io/library/alpine"),
        (C, "[2/4] RUN apk add make"),
        (D, "[3/4] COPY . ."),
        ("sha256:stamp", "[4/4] RUN echo stamp > /stamp"),
    ];
    let mut out = vec![(
        0,
        vertices(names.iter().map(|(d, n)| vtx(d, n, None, None)).collect()),
    )];
    out.push((
        0,
        vertices(vec![vtx(names[0].0, names[0].1, Some(0), Some(10))]),
    ));
    out.push((
        10,
        vertices(vec![vtx(names[1].0, names[1].1, Some(10), Some(20))]),
    ));
    for (d, n) in &names[2..5] {
        out.push((20, vertices(vec![cached(vtx(d, n, Some(20), Some(20)))])));
    }
    out.push((
        30,
        vertices(vec![vtx(names[5].0, names[5].1, Some(30), None)]),
    ));
    out.push((1200, logs(vec![log("sha256:stamp", 1200, "stamped\n")])));
    out.push((
        1530,
        vertices(vec![vtx(names[5].0, names[5].1, Some(30), Some(1530))]),
    ));
    out
}

#[test]
fn summary_counts_cached_and_executed() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = QuietSink::new(clock.clone());
    run(&mut sink, &clock, &stamp_rebuild());
    clock.set(at(1600));
    let s = sink.finish(&BuildOutcome::Success).unwrap();
    assert_eq!(
        (
            s.total, s.cached, s.executed, s.errored, s.canceled, s.pending, s.internal
        ),
        (4, 3, 1, 0, 0, 0, 2)
    );
    assert!(s.failed.is_none());
    assert!(s.succeeded());
    assert_eq!(s.duration, Duration::from_millis(1600));
    assert_eq!(
        render_summary(&s, &BuildOutcome::Success),
        "Build finished in 1.6s: 4 steps, 3 cached, 1 executed (+2 internal)\n"
    );
}

#[test]
fn plain_success_with_transfer_and_warning() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = PlainSink::new(Vec::new(), clock.clone());
    let mut msgs = stamp_rebuild();
    // Context transfer progress on the build context vertex: the second
    // update moves < 5 % in 2 ms and is throttled.
    let transfer = |cur: i64, ms: i64, done: bool| VertexStatus {
        id: "transferring context:".into(),
        vertex: "sha256:ctx".into(),
        current: cur,
        total: 0,
        timestamp: ts(ms),
        started: ts(10),
        completed: if done { ts(ms) } else { None },
        ..Default::default()
    };
    let ctx = "[internal] load build context";
    let status = |s: Vec<VertexStatus>| StatusResponse {
        statuses: s,
        ..Default::default()
    };
    msgs.splice(
        2..3,
        [
            (10, vertices(vec![vtx("sha256:ctx", ctx, Some(10), None)])),
            (12, status(vec![transfer(1_000, 12, false)])),
            (14, status(vec![transfer(1_020, 14, false)])),
            (320, status(vec![transfer(1_234_567, 320, true)])),
            (
                330,
                vertices(vec![vtx("sha256:ctx", ctx, Some(10), Some(330))]),
            ),
        ],
    );
    // A lint warning arrives with the (cached) COPY step.
    let copy = msgs
        .iter_mut()
        .find(|(_, m)| {
            m.vertexes
                .iter()
                .any(|v| v.digest == D && v.started.is_some())
        })
        .unwrap();
    copy.1.warnings.push(VertexWarning {
        vertex: D.into(),
        level: 1,
        short: b"JSONArgsRecommended: JSON arguments recommended".to_vec(),
        ..Default::default()
    });
    for (i, (ms, _)) in msgs.iter_mut().enumerate() {
        if i > 6 {
            *ms = (*ms).max(330);
        }
    }
    run(&mut sink, &clock, &msgs);
    clock.set(at(1600));
    sink.finish(&BuildOutcome::Success).unwrap();
    let out = String::from_utf8(sink.into_inner()).unwrap();
    assert_eq!(
        out,
        "\
#1 [internal] load build definition from Dockerfile
#1 DONE 0.0s

#2 [internal] load build context
#2 transferring context: 1.00kB
#2 transferring context: 1.23MB 0.3s done
#2 DONE 0.3s

#3 [1/4] FROM docker.io/library/alpine
#3 CACHED

#4 [2/4] RUN apk add make
#4 CACHED

#5 [3/4] COPY . .
#5 WARN: JSONArgsRecommended: JSON arguments recommended
#5 CACHED

#6 [4/4] RUN echo stamp > /stamp
#6 1.170 stamped
#6 DONE 1.5s

1 warning found:
 - JSONArgsRecommended: JSON arguments recommended
Build finished in 1.6s: 4 steps, 3 cached, 1 executed (+2 internal)
"
    );
}

#[test]
fn rawjson_lines_parse_back() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = RawJsonSink::new(Vec::new(), clock.clone());
    let mut msgs = failing_build();
    msgs.push((
        410,
        StatusResponse {
            statuses: vec![VertexStatus {
                id: "layer".into(),
                vertex: B.into(),
                current: 5,
                total: 10,
                ..Default::default()
            }],
            logs: vec![VertexLog {
                vertex: C.into(),
                timestamp: ts(410),
                stream: 2,
                msg: vec![0xff, 0xfe, b'\n'],
            }],
            warnings: vec![VertexWarning {
                vertex: C.into(),
                level: 1,
                short: b"short".to_vec(),
                detail: vec![b"one".to_vec(), b"two".to_vec()],
                url: "https://docs.docker.com/go/dockerfile/rule/x/".into(),
                info: Some(crate::proto::pb::SourceInfo {
                    filename: "Dockerfile".into(),
                    data: b"FROM alpine\n".to_vec(),
                    definition: None,
                    language: "Dockerfile".into(),
                }),
                ranges: vec![crate::proto::pb::Range {
                    start: Some(crate::proto::pb::Position {
                        line: 1,
                        character: 0,
                    }),
                    end: Some(crate::proto::pb::Position {
                        line: 1,
                        character: 11,
                    }),
                }],
            }],
            ..Default::default()
        },
    ));
    run(&mut sink, &clock, &msgs);
    let s = sink.finish(&BuildOutcome::Failed(ERR.into())).unwrap();
    assert_eq!(s.errored, 1);
    let out = String::from_utf8(sink.into_inner()).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), msgs.len(), "one line per message, no summary");
    for (line, (_, msg)) in lines.iter().zip(&msgs) {
        assert_eq!(&RawStatus::parse_line(line).unwrap(), msg);
    }
    assert_eq!(
        lines[4],
        r#"{"logs":[{"vertex":"sha256:cccc","stream":1,"data":"Y29tcGlsaW5nIG1haW4uYwpsaW5r","timestamp":"2023-11-14T22:13:20.15Z"}]}"#
    );
    assert_eq!(
        lines[2],
        r#"{"vertexes":[{"digest":"sha256:bbbb","name":"[1/3] FROM docker.io/library/alpine","started":"2023-11-14T22:13:20.03Z","completed":"2023-11-14T22:13:20.03Z","cached":true}]}"#
    );
}

#[test]
fn timestamps_round_trip() {
    for (secs, nanos, text) in [
        (0, 0, "1970-01-01T00:00:00Z"),
        (T0, 150_000_000, "2023-11-14T22:13:20.15Z"),
        (951_782_400, 1, "2000-02-29T00:00:00.000000001Z"),
        (-1, 999_999_999, "1969-12-31T23:59:59.999999999Z"),
    ] {
        let t = Timestamp {
            seconds: secs,
            nanos,
        };
        assert_eq!(format_timestamp(&t), text);
        assert_eq!(parse_timestamp(text), Some(t));
    }
    assert_eq!(
        parse_timestamp("2023-11-14T23:13:20.5+01:00"),
        Some(Timestamp {
            seconds: T0,
            nanos: 500_000_000
        })
    );
    assert_eq!(parse_timestamp("2023-11-14 23:13:20Z"), None);
    assert_eq!(parse_timestamp("2023-13-14T23:13:20Z"), None);
}

#[test]
fn state_handles_out_of_order_and_partial_lines() {
    let mut st = ProgressState::new(2);
    let now = super::state::system_nanos(at(0));
    // A log before its vertex is known: kept on a placeholder.
    st.apply(&logs(vec![log(C, 5, "early\n")]), now);
    assert!(!st.vertex(C).unwrap().announced);
    st.apply(
        &vertices(vec![vtx(C, "[2/3] RUN make", Some(0), None)]),
        now,
    );
    // Partial lines on two streams don't mix.
    let mut err = log(C, 10, "err-a");
    err.stream = 2;
    st.apply(&logs(vec![log(C, 10, "out-a"), err]), now);
    let mut err = log(C, 20, "err-b\n");
    err.stream = 2;
    let ev = st.apply(&logs(vec![log(C, 20, "out-b\r\nthree\n"), err]), now);
    let texts: Vec<&str> = ev
        .iter()
        .filter_map(|e| match e {
            ProgressEvent::Log(_, l) => Some(l.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["out-aout-b", "three", "err-aerr-b"]);
    // Only the last 2 lines are kept.
    let kept: Vec<&str> = st
        .vertex(C)
        .unwrap()
        .logs
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(kept, ["three", "err-aerr-b"]);
    // A stale "running" update after completion does not un-complete it.
    st.apply(
        &vertices(vec![vtx(C, "[2/3] RUN make", Some(0), Some(300))]),
        now,
    );
    let ev = st.apply(
        &vertices(vec![vtx(C, "[2/3] RUN make", Some(0), None)]),
        now,
    );
    assert!(ev.is_empty());
    assert!(st.vertex(C).unwrap().is_completed());
    assert_eq!(
        st.vertex(C).unwrap().duration(0),
        Duration::from_millis(300)
    );
    // A second run (new start) is a new interval; overlapping runs merge.
    let ev = st.apply(
        &vertices(vec![vtx(C, "[2/3] RUN make", Some(200), Some(500))]),
        now,
    );
    assert_eq!(
        ev,
        [
            ProgressEvent::Started(C.into()),
            ProgressEvent::Completed(C.into())
        ]
    );
    assert_eq!(
        st.vertex(C).unwrap().duration(0),
        Duration::from_millis(500)
    );
}

#[test]
fn canceled_build_and_progress_groups() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = TtySink::new(Vec::new(), clock.clone(), tty_opts(60));
    let group = crate::proto::pb::ProgressGroup {
        id: "g1".into(),
        name: "[stage 1/1] COPY --link a b".into(),
        weak: false,
    };
    let in_group = |d: &str, n: &str, s, c| Vertex {
        progress_group: Some(group.clone()),
        ..vtx(d, n, s, c)
    };
    sink.update(&vertices(vec![
        in_group(A, "copy a", Some(0), Some(100)),
        in_group(B, "copy b", Some(50), Some(300)),
        vtx(C, "[2/2] RUN sleep 100", Some(300), None),
    ]))
    .unwrap();
    clock.set(at(900));
    sink.update(&vertices(vec![failed(
        vtx(C, "[2/2] RUN sleep 100", Some(300), Some(900)),
        "rpc error: code = Canceled desc = context canceled",
    )]))
    .unwrap();
    let s = sink.finish(&BuildOutcome::Canceled).unwrap();
    // The group's two vertices are one step, the one its name numbers.
    assert_eq!((s.total, s.executed, s.canceled, s.errored), (2, 1, 1, 0));
    assert!(s.failed.is_none());
    assert_eq!(
        sink.frame(true),
        [
            "[+] Building 0.9s (2/2) FINISHED",
            " => [stage 1/1] COPY --link a b                        0.3s",
            " => CANCELED [2/2] RUN sleep 100                       0.6s",
        ]
    );
    let out = String::from_utf8(sink.into_inner()).unwrap();
    assert!(
        out.ends_with(
            "\x1b[?25hBuild canceled in 0.9s: 2 steps, 0 cached, 1 executed, 1 canceled\n"
        )
    );
}

#[test]
fn modes() {
    assert_eq!(
        "plain".parse::<ProgressMode>().unwrap(),
        ProgressMode::Plain
    );
    assert_eq!(
        "RAWJSON".parse::<ProgressMode>().unwrap(),
        ProgressMode::RawJson
    );
    assert!("fancy".parse::<ProgressMode>().is_err());
    let auto = ProgressMode::Auto;
    assert_eq!(
        auto.resolve(true, Some("xterm-256color")),
        ProgressMode::Tty
    );
    assert_eq!(auto.resolve(true, None), ProgressMode::Tty);
    assert_eq!(auto.resolve(true, Some("dumb")), ProgressMode::Plain);
    assert_eq!(auto.resolve(false, Some("xterm")), ProgressMode::Plain);
    assert_eq!(ProgressMode::Quiet.resolve(true, None), ProgressMode::Quiet);
}

#[test]
fn byte_sizes() {
    assert_eq!(format_bytes(0), "0B");
    assert_eq!(format_bytes(999), "999B");
    assert_eq!(format_bytes(1234), "1.23kB");
    assert_eq!(format_bytes(45_600_000), "45.60MB");
    assert_eq!(format_bytes(3_000_000_000), "3.00GB");
}

/// A recorded `--progress rawjson` stream (`testdata/*.jsonl`).
fn recorded(jsonl: &str) -> Vec<StatusResponse> {
    jsonl
        .lines()
        .map(|l| RawStatus::parse_line(l).expect("recorded status line"))
        .collect()
}

/// Recorded from `strata build --no-cache --progress rawjson` of
/// testdata/apps/python-pip on the testbed (Docker Engine 26): local
/// sources report a zero-length run and then the transfer as a second run,
/// the layering rewrite makes `[4/6] COPY . .` two vertices, apt-get logs
/// a few hundred lines.
const PIP_COLD: &str = include_str!("testdata/python-pip-cold.jsonl");
/// The rebuild right after, everything from the cache.
const PIP_CACHED: &str = include_str!("testdata/python-pip-cached.jsonl");

fn plain_replay(jsonl: &str) -> (String, BuildSummary) {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = PlainSink::new(Vec::new(), clock.clone());
    for m in recorded(jsonl) {
        sink.update(&m).unwrap();
    }
    let s = sink.finish(&BuildOutcome::Success).unwrap();
    (String::from_utf8(sink.into_inner()).unwrap(), s)
}

/// `#N` → name, and the result lines (`#N DONE …`, `#N CACHED`) in order.
fn plain_blocks(out: &str) -> (BTreeMap<u32, String>, Vec<(u32, String)>) {
    let mut names = BTreeMap::new();
    let mut results = Vec::new();
    for line in out.lines() {
        let Some((n, text)) = line.strip_prefix('#').and_then(|r| r.split_once(' ')) else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else { continue };
        if let std::collections::btree_map::Entry::Vacant(e) = names.entry(n) {
            e.insert(text.to_string());
        } else if text == "CACHED" || text.starts_with("DONE") || text.starts_with("ERROR") {
            results.push((n, text.to_string()));
        }
    }
    (names, results)
}

/// Like buildx: every step prints its result once, in the order the steps
/// finished, with its logs in its own block; a step that starts and
/// finishes in one message is not announced first and left with `...`.
#[test]
fn plain_prints_each_step_once_in_order() {
    let (out, summary) = plain_replay(PIP_COLD);
    let (names, results) = plain_blocks(&out);
    let mut seen = BTreeMap::new();
    for (n, _) in &results {
        *seen.entry(*n).or_insert(0) += 1;
    }
    for (n, name) in &names {
        assert_eq!(
            seen.get(n),
            Some(&1),
            "#{n} {name}: results {seen:?}\n{out}"
        );
    }
    let steps: Vec<&str> = results
        .iter()
        .map(|(n, _)| names[n].as_str())
        .filter(|name| !name.starts_with("[internal]"))
        .collect();
    let expected = [
        "[1/6] FROM",
        "[2/6] RUN apt-get",
        "[3/6] WORKDIR",
        "[4/6] COPY . . (dependency manifests)",
        "[5/6] RUN pip install",
        "[4/6] COPY . .",
        "[6/6] RUN python3",
    ];
    assert_eq!(steps.len(), expected.len(), "{steps:?}\n{out}");
    for (step, prefix) in steps.iter().zip(expected) {
        assert!(step.starts_with(prefix), "{steps:?}\n{out}");
    }
    // No step is left with `...`: nothing ran beside them.
    for (n, name) in &names {
        if !name.starts_with("[internal]") {
            assert!(!out.contains(&format!("#{n} ...")), "#{n} {name}\n{out}");
        }
    }
    // apt-get's and pip's logs are in their steps' blocks, each line once.
    let apt = names.iter().find(|(_, v)| v.contains("apt-get")).unwrap().0;
    let apt_block: Vec<&str> = out
        .split("\n\n")
        .filter(|b| b.starts_with(&format!("#{apt} ")))
        .collect();
    assert_eq!(apt_block.len(), 1, "{out}");
    assert!(apt_block[0].lines().count() > 100, "{}", apt_block[0]);
    assert!(
        apt_block[0].ends_with(&format!(
            "#{apt} {}",
            results.iter().find(|r| r.0 == *apt).unwrap().1
        )),
        "{}",
        apt_block[0]
    );
    assert_eq!(
        (summary.total, summary.cached, summary.executed),
        (6, 1, 5),
        "{out}"
    );
    assert!(
        out.ends_with("Build finished in 0.0s: 6 steps, 1 cached, 5 executed (+7 internal)\n"),
        "{out}"
    );
}

/// The rebuild: every step cached, the FROM (an image already there)
/// included, and the split COPY counted once, as the `/6` in the names says.
#[test]
fn fully_cached_rebuild_counts_no_executed_step() {
    let (out, summary) = plain_replay(PIP_CACHED);
    assert_eq!(
        (
            summary.total,
            summary.cached,
            summary.executed,
            summary.pending
        ),
        (6, 6, 0, 0),
        "{out}"
    );
    let (names, results) = plain_blocks(&out);
    assert_eq!(results.len(), names.len(), "{out}");
}

#[test]
fn step_keys() {
    use super::summary::step_key;
    assert_eq!(
        step_key("[4/6] COPY . . (dependency manifests)"),
        Some("[4/6]")
    );
    assert_eq!(step_key("[4/6] COPY . . (rest)"), Some("[4/6]"));
    assert_eq!(step_key("[build 12/30] RUN make"), Some("[build 12/30]"));
    assert_eq!(
        step_key("[strata stamp] /build-info.json"),
        Some("[strata stamp] /build-info.json")
    );
    assert_eq!(step_key("[internal] load build context"), None);
    assert_eq!(step_key("exporting to image"), None);
    assert_eq!(step_key("[a/b] odd"), Some("[a/b] odd"));
}

/// A step BuildKit reports again after it ran (the final solve answering it
/// from the frontend's solve) prints once and counts as executed.
#[test]
fn a_step_reported_again_as_cached_prints_once_and_counts_as_executed() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = PlainSink::new(Vec::new(), clock.clone());
    let msgs = vec![
        (0, vertices(vec![vtx(C, "[2/3] RUN make", Some(0), None)])),
        (10, logs(vec![log(C, 10, "compiling\n")])),
        (
            20,
            vertices(vec![vtx(C, "[2/3] RUN make", Some(0), Some(20))]),
        ),
        (
            30,
            vertices(vec![cached(vtx(C, "[2/3] RUN make", Some(30), None))]),
        ),
        (
            30,
            vertices(vec![cached(vtx(C, "[2/3] RUN make", Some(30), Some(31)))]),
        ),
    ];
    run(&mut sink, &clock, &msgs);
    let s = sink.finish(&BuildOutcome::Success).unwrap();
    let out = String::from_utf8(sink.into_inner()).unwrap();
    assert_eq!(
        out,
        "#1 [2/3] RUN make\n#1 0.010 compiling\n#1 DONE 0.0s\n\nBuild finished in 0.0s: 1 step, 0 cached, 1 executed\n"
    );
    assert_eq!((s.cached, s.executed), (0, 1));
}

/// A local source's zero-length first run does not print a result that its
/// second run (the transfer) would print again, even with another step's
/// result in between; other instant steps print at once.
#[test]
fn plain_local_source_prints_one_result_for_two_runs() {
    let clock = Arc::new(ManualClock::new(at(0)));
    let mut sink = PlainSink::new(Vec::new(), clock.clone());
    let ctx = "[internal] load build context";
    let transfer = |done: bool| StatusResponse {
        statuses: vec![VertexStatus {
            id: "transferring context:".into(),
            vertex: A.into(),
            current: if done { 185 } else { 0 },
            timestamp: ts(if done { 40 } else { 30 }),
            started: ts(30),
            completed: if done { ts(40) } else { None },
            ..Default::default()
        }],
        ..Default::default()
    };
    let msgs = vec![
        (0, vertices(vec![vtx(A, ctx, Some(0), Some(0))])),
        (
            1,
            vertices(vec![vtx(
                B,
                "[internal] preparing generated file",
                Some(1),
                Some(1),
            )]),
        ),
        (
            2,
            vertices(vec![cached(vtx(C, "[1/2] FROM busybox", Some(2), Some(3)))]),
        ),
        (30, vertices(vec![vtx(A, ctx, Some(30), None)])),
        (30, transfer(false)),
        (40, transfer(true)),
        (45, vertices(vec![vtx(A, ctx, Some(30), Some(45))])),
    ];
    run(&mut sink, &clock, &msgs);
    sink.finish(&BuildOutcome::Success).unwrap();
    let out = String::from_utf8(sink.into_inner()).unwrap();
    assert_eq!(
        out,
        "\
#1 [internal] preparing generated file
#1 DONE 0.0s

#2 [1/2] FROM busybox
#2 CACHED

#3 [internal] load build context
#3 transferring context:
#3 transferring context: 185B done
#3 DONE 0.0s

Build finished in 0.0s: 1 step, 1 cached, 0 executed (+2 internal)
"
    );
}

/// BuildKit sends a vertex shared with another build with that build's
/// start, possibly minutes old: the build's own time and the running
/// timers stay measured from this build's messages.
#[test]
fn a_shared_vertex_started_long_ago_does_not_skew_times() {
    let clock = Arc::new(ManualClock::new(at(200_000)));
    let mut sink = TtySink::new(Vec::new(), clock.clone(), tty_opts(60));
    // Started 140 s before this build's first message, still running.
    sink.update(&vertices(vec![vtx(
        B,
        "[1/2] FROM busybox",
        Some(60_000),
        None,
    )]))
    .unwrap();
    clock.set(at(200_100));
    sink.update(&vertices(vec![vtx(
        C,
        "[2/2] RUN make",
        Some(200_100),
        None,
    )]))
    .unwrap();
    clock.set(at(201_100));
    let frame = sink.frame(false);
    assert!(frame[0].starts_with("[+] Building 1.1s"), "{frame:?}");
    assert!(frame[2].ends_with(" 1.0s"), "{frame:?}");
    let s = sink.finish(&BuildOutcome::Canceled).unwrap();
    assert_eq!(s.duration, Duration::from_millis(1100));

    // The shared vertex arriving after one of this build's own.
    let clock = Arc::new(ManualClock::new(at(200_000)));
    let mut sink = TtySink::new(Vec::new(), clock.clone(), tty_opts(60));
    sink.update(&vertices(vec![vtx(
        C,
        "[2/2] RUN make",
        Some(200_000),
        None,
    )]))
    .unwrap();
    clock.set(at(200_100));
    sink.update(&vertices(vec![vtx(
        B,
        "[1/2] FROM busybox",
        Some(60_000),
        None,
    )]))
    .unwrap();
    clock.set(at(201_000));
    let s = sink.finish(&BuildOutcome::Canceled).unwrap();
    assert_eq!(s.duration, Duration::from_millis(1000));
}
