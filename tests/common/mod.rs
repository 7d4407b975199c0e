//! What the end-to-end test files share: whether the engine testbed is
//! there, and what to do when it (or another tool a test needs) is not.
//!
//! On a developer's machine a test that needs the engine prints `SKIPPED`
//! and returns, so `cargo test` works without one. Under CI (`CI=true`) and
//! under `scripts/test.sh` (which exports `STRATA_REQUIRE_ENGINE=1`) a skip
//! would count as a pass and hide a broken testbed, so it fails the test
//! instead. `STRATA_REQUIRE_ENGINE=0` turns that off explicitly (what
//! `STRATA_SKIP_ENGINE=1 scripts/test.sh` does).

// Each test binary uses only some of these.
#![allow(dead_code)]

/// Whether a missing engine (or tool) must fail the test rather than skip it.
pub fn engine_required() -> bool {
    match std::env::var("STRATA_REQUIRE_ENGINE").as_deref() {
        Ok("1") | Ok("true") => true,
        Ok("0") | Ok("false") => false,
        _ => std::env::var("CI").is_ok_and(|v| v == "true" || v == "1"),
    }
}

/// A test cannot run here: `SKIPPED: why` locally, a failure where the
/// engine is required. Call it and return.
#[track_caller]
pub fn skip(why: &str) {
    if engine_required() {
        panic!(
            "{why}; this run requires the engine testbed (CI=true or STRATA_REQUIRE_ENGINE=1), so the test fails instead of skipping"
        );
    }
    eprintln!("SKIPPED: {why}");
}

/// Whether the engine testbed is configured (`source
/// /var/lib/strata-testbed/env` sets `STRATA_TESTBED`). When it is not,
/// this skips (or fails, see [`skip`]) and returns false.
#[track_caller]
pub fn testbed() -> bool {
    if std::env::var_os("STRATA_TESTBED").is_some() {
        return true;
    }
    skip(
        "STRATA_TESTBED is unset; run `source /var/lib/strata-testbed/env` to test against the engine",
    );
    false
}

/// The testbed's registry (`STRATA_REGISTRY`, default 127.0.0.1:5000).
pub fn registry() -> String {
    std::env::var("STRATA_REGISTRY").unwrap_or_else(|_| "127.0.0.1:5000".into())
}

/// A string no earlier run used (`PREFIX` + time + pid, hex), for tags,
/// cache-busting tokens and process markers.
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{prefix}{nanos:x}{:x}", std::process::id())
}

/// Runs `cmd`, reads one byte of its stdout and closes it, as `| head -c1`
/// does, then asserts the command ended quietly: exit 0 or SIGPIPE, never
/// a panic.
#[track_caller]
pub fn assert_ends_quietly_when_stdout_closes(mut cmd: std::process::Command, what: &str) {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    let _ = stdout.read(&mut one);
    drop(stdout);
    let mut stderr = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut stderr);
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        status.success() || status.signal() == Some(libc::SIGPIPE),
        "{what}: {status}\n{stderr}"
    );
}
