//! `strata llb` as a user runs it: deterministic bytes across processes,
//! clear errors with exit code 2.

mod common;

use std::process::Command;

fn strata() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strata"))
}

fn golden(name: &str) -> String {
    format!("{}/testdata/golden/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn pb_output_is_byte_identical_across_processes() {
    // `strata llb` stamps like `strata build`: the time is an input.
    let run = || {
        strata()
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .args(["llb", "--format", "pb", &golden("multistage")])
            .output()
            .expect("runs")
    };
    let a = run();
    let b = run();
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn json_and_dot_render() {
    let out = strata()
        .args(["llb", "--format", "dot", &golden("simple")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let dot = String::from_utf8_lossy(&out.stdout);
    assert!(dot.starts_with("digraph llb {"), "{dot}");
    assert!(
        dot.contains("docker-image://docker.io/library/debian:bookworm")
            || dot.contains("FROM docker.io/library/debian:bookworm"),
        "{dot}"
    );
    let out = strata()
        .args(["llb", &golden("simple")])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(v.as_array().is_some_and(|ops| ops.len() >= 4));
}

#[test]
fn malformed_dockerfile_exits_2_with_location() {
    let dir = std::env::temp_dir().join(format!("strata-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    std::fs::write(dir.join("Dockerfile"), "FROM busybox\nFORM debian\n").expect("write");
    let out = strata()
        .args(["llb", dir.to_str().expect("utf8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Dockerfile:2:1"), "{err}");
    assert!(err.contains("FORM debian"), "{err}");
    assert!(err.contains("expected"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_target_and_missing_context_are_clear() {
    let out = strata()
        .args(["llb", "--target", "nope", &golden("multistage")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("target stage \"nope\" could not be found"),
        "{err}"
    );
    assert!(err.contains("build"), "lists the available stages: {err}");
    let out = strata()
        .args(["llb", "/definitely/not/here"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// `strata prune --keep-duration` with a negative, NaN or infinite value once
/// panicked converting days to a `Duration`; it must be a usage error (exit 2)
/// before any engine is contacted (the address is unreachable on purpose, so
/// getting past parsing would show up as exit 3).
#[test]
fn prune_rejects_bad_keep_duration_with_exit_2() {
    for bad in ["-1d", "NaNd", "infd", "-5m", "1e9d", "99999999999d", "d"] {
        let out = strata()
            .arg("prune")
            .arg(format!("--keep-duration={bad}"))
            .env("BUILDKIT_HOST", "unix:///nonexistent/strata-test.sock")
            .env_remove("DOCKER_HOST")
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("--keep-duration"), "{bad}: {stderr}");
        assert!(!stderr.contains("panicked"), "{bad}: {stderr}");
    }
}

/// A reader that goes away (`strata llb | head -c1`) ends strata the way
/// Unix tools end, by SIGPIPE and without a message; Rust's `println!`
/// would panic (exit 101 with a backtrace). The output is far larger than
/// a pipe's buffer, so the write meets the closed pipe whatever the timing.
#[test]
fn closed_stdout_ends_quietly_by_sigpipe() {
    let dir = tempfile::tempdir().unwrap();
    let mut dockerfile = String::from("FROM busybox\n");
    for i in 0..2000 {
        dockerfile.push_str(&format!("RUN echo step {i} > /f{i}\n"));
    }
    std::fs::write(dir.path().join("Dockerfile"), dockerfile).unwrap();
    for args in [
        vec!["llb", "--format", "json"],
        vec!["explain", "--format", "json"],
    ] {
        let mut cmd = strata();
        cmd.args(&args).arg(dir.path());
        common::assert_ends_quietly_when_stdout_closes(cmd, &format!("{args:?}"));
    }
}

fn app(name: &str) -> String {
    format!("{}/testdata/apps/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The explanation as JSON entries: (pass, line, action).
fn explain_entries(args: &[&str]) -> Vec<(String, Option<u64>, String)> {
    let out = strata()
        .arg("explain")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["pass"].as_str().unwrap_or_default().to_string(),
                e["line"].as_u64(),
                e["action"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// A Cargo workspace's build RUN is split by layering (dependency pre-build,
/// then the build) and both halves get the same cache mounts: each rewrite
/// is listed once, and the list follows the Dockerfile's lines.
#[test]
fn explain_lists_each_rewrite_once_in_dockerfile_order() {
    let entries = explain_entries(&[&app("cargo-workspace")]);
    let lines: Vec<u64> = entries.iter().filter_map(|e| e.1).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{entries:?}");
    for (i, e) in entries.iter().enumerate() {
        assert!(!entries[..i].contains(e), "listed twice: {e:?}");
    }
    assert!(
        entries
            .iter()
            .any(|e| e.0 == "layering" && e.2.contains("pre-built")),
        "{entries:?}"
    );
    // Entries without a line (the image's stamps) come last.
    let first_unlined = entries.iter().position(|e| e.1.is_none());
    if let Some(i) = first_unlined {
        assert!(entries[i..].iter().all(|e| e.1.is_none()), "{entries:?}");
    }
}

/// Every flag of `explain` changes what it explains.
#[test]
fn explain_flags_change_the_explanation() {
    let npm = app("node-npm");
    let base = explain_entries(&[&npm]);
    let has =
        |entries: &[(String, Option<u64>, String)], pass: &str| entries.iter().any(|e| e.0 == pass);
    assert!(has(&base, "stamp") && has(&base, "layering") && has(&base, "cache-mounts"));
    assert!(!has(&explain_entries(&[&npm, "--no-stamp"]), "stamp"));
    assert!(!has(&explain_entries(&[&npm, "--no-layering"]), "layering"));
    assert!(!has(
        &explain_entries(&[&npm, "--cache-mounts", "off"]),
        "cache-mounts"
    ));
    let info = explain_entries(&[&npm, "--build-info", "/build-info.json"]);
    assert!(
        info.iter().any(|e| e.2.contains("/build-info.json")),
        "{info:?}"
    );
    let apt = app("apt-heavy");
    assert!(!has(&explain_entries(&[&apt]), "bust"));
    assert!(has(
        &explain_entries(&[&apt, "--build-arg", "CACHE_BUST=1"]),
        "bust"
    ));
    assert!(has(&explain_entries(&[&apt, "--cache-ttl", "6h"]), "bust"));

    let help = strata().args(["explain", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in ["--target <TARGET>", "--build-arg <KEY=VALUE>"] {
        let text = help
            .lines()
            .find_map(|l| l.split_once(flag))
            .map(|(_, rest)| rest.trim())
            .unwrap_or_default();
        assert!(text.len() > 20, "{flag} has help:\n{help}");
    }
}

#[test]
fn windows_stages_run_through_cmd() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM --platform=windows/amd64 scratch AS win\nRUN echo hi\nFROM --platform=linux/amd64 scratch\nRUN echo hi\n",
    )
    .expect("write");
    let out = strata()
        .args(["llb", "--target", "win", dir.path().to_str().expect("utf8")])
        .output()
        .expect("runs");
    let ops = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let compact: String = ops.split_whitespace().collect();
    assert!(compact.contains(r#""cmd","/S","/C","echohi""#), "{ops}");
    let out = strata()
        .args(["llb", dir.path().to_str().expect("utf8")])
        .output()
        .expect("runs");
    let ops = String::from_utf8_lossy(&out.stdout);
    assert!(ops.contains("/bin/sh") && !ops.contains("\"cmd\""), "{ops}");
}
