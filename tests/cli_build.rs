//! `strata build` behaviour that needs no engine: buildx's flag spellings
//! and the suggestions for misspelt ones, `--call`/`--check` (answered in
//! the CLI from the Dockerfile), and flags refused with their reason before
//! any engine is contacted.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn strata(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(args)
        .stdin(Stdio::null())
        // An engine address that cannot answer: nothing here may need one.
        .env("BUILDKIT_HOST", "unix:///nonexistent/strata-cli-build.sock")
        .env_remove("ACTIONS_CACHE_URL")
        .env_remove("ACTIONS_RESULTS_URL")
        .env_remove("ACTIONS_RUNTIME_TOKEN")
        .output()
        .expect("run strata")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn context(dockerfile: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Dockerfile"), dockerfile).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn misspelt_flags_suggest_what_a_buildx_user_meant() {
    for (typed, meant) in [
        ("--tags", "--tag"),
        ("--pussh", "--push"),
        ("--lod", "--load"),
        ("--taget", "--target"),
        ("--no-cach", "--no-cache"),
        ("--build-args", "--build-arg"),
        ("--platfrom", "--platform"),
        ("--metdata-file", "--metadata-file"),
        ("--iid-file", "--iidfile"),
        ("--cache-form", "--cache-from"),
        ("--add-hosts", "--add-host"),
    ] {
        let out = strata(&["build", typed, "x", "."]);
        assert_eq!(out.status.code(), Some(2), "{typed}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("similar argument exists: '{meant}'")),
            "{typed} should suggest {meant}:\n{err}"
        );
    }
}

#[test]
fn call_targets_and_outline_are_answered_without_an_engine() {
    let ctx = context("FROM busybox AS base\nARG FOO=1\nFROM base AS app\nRUN true\n");
    let out = strata(&["build", "--call", "targets", s(ctx.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("base") && stdout.contains("app (default)"),
        "{stdout}"
    );

    let out = strata(&[
        "build",
        "--call=outline,format=json",
        "--target",
        "app",
        s(ctx.path()),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let outline: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json outline");
    assert_eq!(outline["args"][0]["name"], "FOO", "{outline}");
}

#[test]
fn check_prints_the_build_checks_and_fails_on_findings() {
    let ctx = context("FROM busybox as base\nCMD echo hi\n");
    let out = strata(&["build", "--check", s(ctx.path())]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("2 warnings have been found"), "{stdout}");
    assert!(stdout.contains("WARNING: FromAsCasing"), "{stdout}");
    assert!(stdout.contains("WARNING: JSONArgsRecommended"), "{stdout}");
    assert!(stdout.contains("Dockerfile:2"), "{stdout}");

    let clean = context("FROM busybox AS base\nCMD [\"true\"]\n");
    let out = strata(&["build", "--call", "check", s(clean.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("no warnings found"));
}

#[test]
fn flags_strata_cannot_honour_are_refused_with_the_reason() {
    let ctx = context("FROM busybox\n");
    for (args, why) in [
        (vec!["--provenance", "mode=max"], "provenance attestations"),
        (
            vec!["--attest", "type=provenance"],
            "provenance attestations",
        ),
        (vec!["--attest", "type=nonsense"], "expected type=sbom"),
        (
            vec!["--sbom", "generator=Bad Name"],
            "failed to parse sbom scanner",
        ),
        (vec!["--annotation", "a=b"], "annotations"),
        (vec!["--cgroup-parent", "x"], "parent cgroup"),
        (vec!["--cache-to", "type=gha"], "ACTIONS_RUNTIME_TOKEN"),
        (vec!["--cache-from", "type=s3,bucket=b"], "region"),
        (vec!["--add-host", "gw:host-gateway"], "host-gateway"),
        (vec!["--ulimit", "nofile=lots"], "NAME=SOFT[:HARD]"),
        (vec!["--allow", "device"], "network.host"),
        (vec!["-o", "out", "--iidfile", "iid"], "no image ID"),
        (vec!["--call", "sbom"], "expected build, check"),
    ] {
        let mut all = vec!["build"];
        all.extend(&args);
        all.push(s(ctx.path()));
        let out = strata(&all);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(why), "{args:?} should say {why:?}:\n{err}");
    }
}
