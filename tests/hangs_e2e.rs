//! `strata build` under faults: it must end, non-zero, within a bound
//! instead of waiting forever.
//!
//! - An engine address that accepts connections and never answers (a unix
//!   socket, a TCP port, a Docker socket): exit 3 naming the address. These
//!   need no engine and always run.
//! - The in-process frontend panicking, or the engine refusing its Return:
//!   exit 1 with the frontend's error. These inject the fault through the
//!   debug-build-only `STRATA_FAULT` hook and need the real engine
//!   (`source /var/lib/strata-testbed/env`); without `STRATA_TESTBED`, or in
//!   a release build, they print `SKIPPED` and return.
//!
//! - The engine going silent mid-build (connections open, nothing
//!   answered): HTTP/2 keepalive fails the build within about a minute.
//!
//! The engine dropping the connection mid-build is covered by
//! `build_e2e::engine_disconnect_mid_build_fails_cleanly`.
//!
//! Every run is a child process killed after a bound, so a regression
//! fails the test instead of hanging it.

mod common;
use common::testbed;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long any faulty run may take. Generous for a loaded machine; a hang
/// is what this catches, not slowness.
const BOUND: Duration = Duration::from_secs(30);

/// What a bounded `strata` run left behind.
#[derive(Debug)]
struct Run {
    code: i32,
    stderr: String,
    took: Duration,
}

/// Run `strata ARGS…` with `env`, killing it (and failing the test) if it
/// is still running after `bound`.
fn run_bounded(args: &[&str], env: &[(&str, &str)], bound: Duration) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_strata"));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env_remove("STRATA_FAULT")
        .env_remove("STRATA_TIMEOUT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd.spawn().expect("start strata");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if started.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "strata {args:?} still running after {bound:?}; killed it:\n{}",
                reader.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let took = started.elapsed();
    Run {
        code: status.code().unwrap_or(-1),
        stderr: reader.join().unwrap_or_default(),
        took,
    }
}

fn app(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/apps")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

// ------------------------------------------------------- engines that never answer

/// Read and discard everything a connection sends, never writing a byte:
/// an engine that accepted the connection and then wedged.
fn swallow(mut conn: impl Read + Send + 'static) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while matches!(conn.read(&mut buf), Ok(n) if n > 0) {}
    });
}

/// A unix socket at `path` whose connections are accepted and never answered.
fn silent_unix_listener(path: &Path) {
    let listener = std::os::unix::net::UnixListener::bind(path).expect("bind unix socket");
    std::thread::spawn(move || {
        for conn in listener.incoming().map_while(Result::ok) {
            swallow(conn);
        }
    });
}

/// A TCP port on 127.0.0.1 whose connections are accepted and never answered.
fn silent_tcp_listener() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind tcp");
    let port = listener.local_addr().expect("local addr").port();
    std::thread::spawn(move || {
        for conn in listener.incoming().map_while(Result::ok) {
            swallow(conn);
        }
    });
    port
}

#[track_caller]
fn assert_unreachable(r: &Run, address: &str, within: &str) {
    assert_eq!(
        r.code, 3,
        "expected exit 3 (engine unreachable):\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(address) && r.stderr.contains(&format!("no answer within {within}")),
        "the error should name {address} and the time limit:\n{}",
        r.stderr
    );
}

/// The default time limit (buildctl's 5 s) applies without any flag.
#[test]
fn silent_unix_engine_is_unreachable_within_the_default_timeout() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let socket = tmp.path().join("silent.sock");
    silent_unix_listener(&socket);
    let address = format!("unix://{}", socket.display());
    let r = run_bounded(&["build", "--addr", &address, s(&app("hello"))], &[], BOUND);
    assert_unreachable(&r, &address, "5s");
    assert!(r.took >= Duration::from_secs(5), "gave up early: {r:?}");
}

#[test]
fn silent_tcp_engine_is_unreachable_within_the_timeout_flag() {
    let port = silent_tcp_listener();
    let address = format!("tcp://127.0.0.1:{port}");
    let r = run_bounded(
        &[
            "build",
            "--addr",
            &address,
            "--timeout",
            "2",
            s(&app("hello")),
        ],
        &[],
        BOUND,
    );
    assert_unreachable(&r, &address, "2s");
}

/// A Docker socket that never answers `/version`; the limit comes from the
/// environment.
#[test]
fn silent_docker_socket_is_unreachable_within_strata_timeout() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let socket = tmp.path().join("docker.sock");
    silent_unix_listener(&socket);
    let address = format!("docker://{}", socket.display());
    let r = run_bounded(
        &["build", "--addr", &address, s(&app("hello"))],
        &[("STRATA_TIMEOUT", "1")],
        BOUND,
    );
    assert_unreachable(&r, &address, "1s");
}

// ------------------------------------------------------- in-process frontend faults

/// Build a one-file context with `STRATA_FAULT=fault`, exporting to a
/// directory; the run must fail within the bound and leave no output.
fn build_with_fault(fault: &str) -> Option<Run> {
    if !testbed() {
        return None;
    }
    if !cfg!(debug_assertions) {
        common::skip("STRATA_FAULT is honoured only by debug builds");
        return None;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).expect("mkdir");
    std::fs::write(ctx.join("Dockerfile"), "FROM scratch\nCOPY hello.txt /\n").expect("Dockerfile");
    std::fs::write(ctx.join("hello.txt"), fault).expect("hello.txt");
    let dest = tmp.path().join("out");
    let r = run_bounded(
        &[
            "build",
            "--progress",
            "plain",
            "-o",
            &format!("type=local,dest={}", s(&dest)),
            s(&ctx),
        ],
        &[("STRATA_FAULT", fault)],
        BOUND,
    );
    assert!(
        !dest.join("hello.txt").exists(),
        "a failed build exported its result:\n{}",
        r.stderr
    );
    eprintln!("STRATA_FAULT={fault}: exit {} after {:?}", r.code, r.took);
    Some(r)
}

/// The frontend panics before Return: nothing would ever end the solve, so
/// strata cancels it and reports the panic.
#[test]
fn frontend_panic_fails_the_build_promptly() {
    let Some(r) = build_with_fault("frontend-panic") else {
        return;
    };
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("error: the frontend stopped unexpectedly: injected fault"),
        "{}",
        r.stderr
    );
}

/// The engine refuses the frontend's Return (a ref it does not know): the
/// solve would wait forever for a result, so strata cancels it.
#[test]
fn refused_return_fails_the_build_promptly() {
    let Some(r) = build_with_fault("frontend-return-error") else {
        return;
    };
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("error: the engine refused the frontend's result: ")
            && r.stderr.contains("strata-fault-injected-missing-ref"),
        "{}",
        r.stderr
    );
}

// ------------------------------------------------------- an engine that goes silent

/// A unix-socket relay to the testbed's Docker socket that can freeze: from
/// then on it forwards nothing in either direction and closes nothing, like
/// a dockerd that wedged mid-build (the kernel still accepts the bytes).
struct FreezingRelay {
    path: PathBuf,
    frozen: Arc<AtomicBool>,
}

impl FreezingRelay {
    fn start(dir: &Path, upstream: PathBuf) -> FreezingRelay {
        use std::os::unix::net::{UnixListener, UnixStream};
        let path = dir.join("freezing.sock");
        let listener = UnixListener::bind(&path).expect("bind relay socket");
        let frozen = Arc::new(AtomicBool::new(false));
        let flag = frozen.clone();
        std::thread::spawn(move || {
            // Every socket stays open until the test process ends: a frozen
            // engine closes nothing.
            let mut keep: Vec<UnixStream> = Vec::new();
            for client in listener.incoming().map_while(Result::ok) {
                let Ok(engine) = UnixStream::connect(&upstream) else {
                    return;
                };
                keep.push(client.try_clone().expect("clone"));
                keep.push(engine.try_clone().expect("clone"));
                for (mut from, mut to) in [
                    (
                        client.try_clone().expect("clone"),
                        engine.try_clone().expect("clone"),
                    ),
                    (engine, client),
                ] {
                    let flag = flag.clone();
                    std::thread::spawn(move || {
                        let mut buf = [0u8; 16 * 1024];
                        while let Ok(n @ 1..) = from.read(&mut buf) {
                            if !flag.load(Ordering::SeqCst) && to.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                    });
                }
            }
        });
        FreezingRelay { path, frozen }
    }

    fn freeze(&self) {
        self.frozen.store(true, Ordering::SeqCst);
    }
}

/// The engine stops answering while a step runs: keepalive pings go
/// unanswered (30 s of silence, then 20 s for the answer) and strata fails
/// the build, instead of waiting for an engine that will never speak again.
#[test]
fn engine_going_silent_mid_build_fails_the_build() {
    if !testbed() {
        return;
    }
    let docker_host = std::env::var("DOCKER_HOST").expect("testbed DOCKER_HOST");
    let socket = PathBuf::from(docker_host.trim_start_matches("unix://"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let relay = FreezingRelay::start(tmp.path(), socket);
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).expect("mkdir");
    let token = format!(
        "silent{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default()
    );
    std::fs::write(
        ctx.join("Dockerfile"),
        // The output line `TOKEN-2` is distinct from the step's name.
        format!("FROM busybox\nRUN echo {token}-$((1+1)) && sleep 120\n"),
    )
    .expect("Dockerfile");
    let dest = tmp.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_strata"))
        .args([
            "build",
            "--addr",
            &format!("docker://{}", relay.path.display()),
            "--network",
            "none",
            "--progress",
            "plain",
            "-o",
            &format!("type=local,dest={}", s(&dest)),
            s(&ctx),
        ])
        .env_remove("STRATA_FAULT")
        .env_remove("STRATA_TIMEOUT")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start strata build");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !seen.contains(&format!("{token}-2")) {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) => {
                seen.push_str(&line);
                seen.push('\n');
            }
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the step never started:\n{seen}");
            }
        }
    }
    relay.freeze();
    let frozen_at = Instant::now();
    // Keepalive needs 30 s + 20 s; the rest is slack for a loaded machine.
    let bound = Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if frozen_at.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!("strata still waiting {bound:?} after the engine went silent:\n{seen}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let took = frozen_at.elapsed();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(1)) {
        seen.push_str(&line);
        seen.push('\n');
    }
    eprintln!("strata exited {status} {took:?} after the engine went silent");
    for line in seen.lines().filter(|l| l.starts_with("error")) {
        eprintln!("  {line}");
    }
    assert!(
        !status.success(),
        "a build with a silent engine succeeded:\n{seen}"
    );
    assert!(
        seen.lines()
            .any(|l| l.starts_with("error") && l.contains("the engine stopped answering")),
        "no error saying the engine went silent:\n{seen}"
    );
    assert!(!dest.exists(), "a failed build left {}", dest.display());
}
