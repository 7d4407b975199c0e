//! End-to-end tests of `strata history`, `strata why` and the build report
//! against the testbed's engine (`source /var/lib/strata-testbed/env`):
//! builds through `strata build` and through `docker buildx build` with
//! strata's `# syntax=` image show up in the engine's history with the
//! step counts their status streams showed; `why` names what changed; the
//! HTML export renders in headless Chromium; stats give the medians of the
//! builds' own durations.
//!
//! Each test keeps strata's state in its own directory (`STRATA_STATE_DIR`)
//! and names its builds by ref, so other builds on the shared engine do not
//! disturb it.

mod common;
use common::{skip, testbed, unique};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn strata() -> &'static str {
    env!("CARGO_BIN_EXE_strata")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

struct Project {
    dir: tempfile::TempDir,
    state: tempfile::TempDir,
    /// Engine flags (`--addr`, TLS files); empty for the testbed's default.
    engine: Vec<String>,
}

impl Project {
    fn new(files: &[(&str, &str)]) -> Project {
        let dir = tempfile::Builder::new()
            .prefix(&unique("hist-"))
            .tempdir()
            .expect("tempdir");
        for (name, content) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).expect("write");
        }
        Project {
            dir,
            state: tempfile::tempdir().expect("state dir"),
            engine: Vec::new(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn name(&self) -> String {
        self.path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    }

    fn strata(&self, args: &[&str]) -> Output {
        Command::new(strata())
            .args(args)
            .args(&self.engine)
            .env("STRATA_STATE_DIR", self.state.path())
            .current_dir(self.path())
            .output()
            .expect("run strata")
    }

    /// `strata build` with a report; returns (ref, rawjson status lines).
    fn build(&self, extra: &[&str]) -> (String, String) {
        let report = self.state.path().join(format!("{}.json", unique("report")));
        let report_s = report.to_string_lossy().into_owned();
        let mut args = vec![
            "build",
            "--network",
            "host",
            "--progress",
            "rawjson",
            "--report",
            &report_s,
        ];
        args.extend_from_slice(extra);
        args.push(".");
        let out = self.strata(&args);
        assert!(out.status.success(), "strata build failed:\n{}", text(&out));
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).expect("report written")).unwrap();
        assert_eq!(json["schema"], "strata.build-report.v1");
        let build_ref = json["ref"].as_str().expect("ref").to_string();
        (build_ref, String::from_utf8_lossy(&out.stderr).into_owned())
    }

    fn why(&self, build_ref: &str) -> String {
        let out = self.strata(&["why", build_ref]);
        assert!(out.status.success(), "strata why failed:\n{}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn ls_json(&self) -> Vec<serde_json::Value> {
        let out = self.strata(&["history", "ls", "--format", "json"]);
        assert!(out.status.success(), "history ls failed:\n{}", text(&out));
        serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).expect("ls json")
    }
}

/// Distinct vertices and cached vertices in a rawjson status stream.
fn counts_from_rawjson(stream: &str) -> (usize, usize) {
    let mut all = BTreeSet::new();
    let mut cached = BTreeSet::new();
    for line in stream.lines().filter(|l| l.starts_with('{')) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for vx in v["vertexes"].as_array().into_iter().flatten() {
            let d = vx["digest"].as_str().unwrap_or_default().to_string();
            if vx["cached"].as_bool() == Some(true) {
                cached.insert(d.clone());
            }
            all.insert(d);
        }
    }
    (all.len(), cached.len())
}

/// Distinct `#N` steps and `#N CACHED` lines of buildx's plain progress.
fn counts_from_plain(log: &str) -> (usize, usize) {
    let mut all = BTreeSet::new();
    let mut cached = BTreeSet::new();
    for line in log.lines() {
        let Some(rest) = line.strip_prefix('#') else {
            continue;
        };
        let (n, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        // `#0` is buildx's own line ("building with ... instance"), not a vertex.
        if n.parse::<u32>().is_err() || n == "0" {
            continue;
        }
        all.insert(n.to_string());
        if tail == "CACHED" {
            cached.insert(n.to_string());
        }
    }
    (all.len(), cached.len())
}

fn row<'a>(rows: &'a [serde_json::Value], build_ref: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["ref"] == build_ref)
        .unwrap_or_else(|| panic!("build {build_ref} not in history ls"))
}

const DOCKERFILE: &str = "FROM busybox\nARG FLAVOUR=plain\nCOPY src /src\nRUN cat /src/* > /all && echo $FLAVOUR > /flavour\nRUN wc -c /all\n";

#[test]
fn strata_build_appears_with_the_status_streams_counts_and_why_explains_reruns() {
    if !testbed() {
        return;
    }
    let token = unique("tok");
    let p = Project::new(&[
        ("Dockerfile", DOCKERFILE),
        ("src/a.txt", &token),
        ("src/b.txt", "b\n"),
    ]);
    let (first, stream) = p.build(&[]);
    let rows = p.ls_json();
    let r = row(&rows, &first);
    let (total, cached) = counts_from_rawjson(&stream);
    assert_eq!(r["total_steps"], total as u64, "{r}");
    assert_eq!(r["cached_steps"], cached as u64, "{r}");
    assert_eq!(r["name"], p.name());
    assert_eq!(r["status"], "completed");

    // A source edit: the COPY re-runs, and why names the file.
    std::fs::write(p.path().join("src/b.txt"), "edited\n").unwrap();
    let (edited, _) = p.build(&[]);
    let why = p.why(&edited);
    assert!(why.contains(&format!("compared with {first}")), "{why}");
    assert!(why.contains("COPY src /src"), "{why}");
    assert!(why.contains("src/b.txt (modified)"), "{why}");
    assert!(why.contains("re-ran because"), "{why}");
    assert!(
        !why.contains("src/a.txt"),
        "unchanged files are not named:\n{why}"
    );

    // A build arg change: the RUN that uses it re-runs, and why names the arg.
    let (arg, _) = p.build(&["--build-arg", "FLAVOUR=spicy"]);
    let why = p.why(&arg);
    assert!(why.contains("build arg changed: FLAVOUR"), "{why}");
    // The cause names the argument, never its value (the step's own name
    // is the engine's, with the value expanded as the progress showed it).
    let because: Vec<&str> = why.lines().filter(|l| l.contains("because")).collect();
    assert!(because.iter().all(|l| !l.contains("spicy")), "{why}");

    // A no-op rebuild.
    let (noop, _) = p.build(&["--build-arg", "FLAVOUR=spicy"]);
    let why = p.why(&noop);
    assert!(why.contains("nothing re-ran"), "{why}");

    // The state holds no contents or values.
    for entry in std::fs::read_dir(p.state.path().join("builds")).unwrap() {
        let body = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!body.contains(&token) && !body.contains("spicy") && !body.contains("edited"));
    }

    // inspect lists the steps, slowest first on request; logs print a step's output.
    let out = p.strata(&["history", "inspect", &first, "--slowest"]);
    assert!(out.status.success(), "{}", text(&out));
    let inspect = String::from_utf8_lossy(&out.stdout);
    assert!(inspect.contains("RUN wc -c /all"), "{inspect}");
    let out = p.strata(&["history", "inspect", &first, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("inspect json");
    let steps = json["steps"].as_array().unwrap();
    let wc = steps
        .iter()
        .find(|s| s["name"].as_str().unwrap().contains("RUN wc -c"))
        .expect("wc step");
    assert_eq!(wc["line"], 5, "{wc}");
    let index = wc["index"].as_u64().unwrap().to_string();
    let out = p.strata(&["history", "logs", &first, "--step", &index]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("/all"),
        "{}",
        text(&out)
    );

    // REF forms: a prefix resolves, a bad one is bad input.
    let out = p.strata(&["history", "inspect", &first[..12]]);
    assert!(out.status.success(), "{}", text(&out));
    let out = p.strata(&["history", "inspect", "no/such"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = p.strata(&["history", "logs", &first, "--step", "999"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `# syntax=` image: `STRATA_FRONTEND_IMAGE`, else built and pushed
/// as tests/frontend_image_e2e.rs does.
fn frontend_image() -> String {
    if let Ok(image) = std::env::var("STRATA_FRONTEND_IMAGE") {
        return image;
    }
    let image = format!("{}/strata:history-e2e", common::registry());
    let out = Command::new(repo().join("scripts/frontend-image.sh"))
        .args(["--push", &image])
        .current_dir(repo())
        .output()
        .expect("run scripts/frontend-image.sh");
    assert!(
        out.status.success(),
        "frontend-image.sh failed:\n{}",
        text(&out)
    );
    image
}

#[test]
fn buildx_build_through_the_syntax_image_appears_with_its_counts() {
    if !testbed() {
        return;
    }
    let image = frontend_image();
    let token = unique("tok");
    // Steps unlike the other tests' (whose builds, made with other state
    // directories, look unnamed from here): the previous build of this
    // project is found by its steps.
    let dockerfile = "FROM busybox\nARG FLAVOUR=plain\nCOPY src/ /data/\nRUN cp -r /data /copy && echo $FLAVOUR > /f\nRUN ls /copy\n";
    let p = Project::new(&[
        ("Dockerfile", &format!("# syntax={image}\n{dockerfile}")),
        ("src/a.txt", &token),
    ]);
    let buildx = |extra: &[&str]| -> (String, String) {
        let meta = p.state.path().join(format!("{}.json", unique("meta")));
        let out = Command::new("docker")
            .args(["buildx", "build", "--progress=plain", "--network=host"])
            .arg("--metadata-file")
            .arg(&meta)
            .args(extra)
            .arg(p.path())
            .output()
            .expect("run docker buildx build");
        assert!(out.status.success(), "buildx failed:\n{}", text(&out));
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&meta).expect("metadata")).unwrap();
        let build_ref = json["buildx.build.ref"]
            .as_str()
            .and_then(|r| r.rsplit('/').next())
            .expect("buildx.build.ref")
            .to_string();
        (build_ref, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (first, log) = buildx(&[]);
    let rows = p.ls_json();
    let r = row(&rows, &first);
    let (total, cached) = counts_from_plain(&log);
    assert_eq!(r["total_steps"], total as u64, "{r}\n{log}");
    assert_eq!(r["cached_steps"], cached as u64, "{r}\n{log}");

    let (second, _) = buildx(&["--build-arg", "FLAVOUR=sweet"]);
    let why = p.why(&second);
    assert!(why.contains("build arg changed: FLAVOUR"), "{why}");
    assert!(why.contains(&format!("compared with {first}")), "{why}");
}

/// Chromium from Debian (`scripts/testbed.sh up` installs it).
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn html_export_renders_its_timeline_in_headless_chromium() {
    if !testbed() {
        return;
    }
    let Some(browser) = chromium() else {
        skip("chromium is not installed (scripts/testbed.sh up installs it)");
        return;
    };
    let p = Project::new(&[("Dockerfile", DOCKERFILE), ("src/a.txt", &unique("tok"))]);
    let (build_ref, _) = p.build(&[]);
    let page = p.state.path().join("build.html");
    let out = p.strata(&[
        "history",
        "export",
        &build_ref,
        "--html",
        page.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    for external in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(external), "external asset {external}");
    }
    let json: serde_json::Value = serde_json::from_slice(
        &p.strata(&["history", "inspect", &build_ref, "--format", "json"])
            .stdout,
    )
    .unwrap();
    let started = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["started_ms"].is_null())
        .count();

    let profile = tempfile::tempdir().unwrap();
    let chrome = |extra: &[&str]| -> Output {
        Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--virtual-time-budget=2000",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("run chromium")
    };
    // The DOM after the page's script ran.
    let out = chrome(&["--dump-dom"]);
    assert!(out.status.success(), "{}", text(&out));
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("data-ready=\"true\""),
        "the page's script did not run:\n{dom}"
    );
    assert!(
        dom.contains(&format!("data-steps=\"{started}\"")),
        "one bar per started step ({started}):\n{dom}"
    );
    assert!(dom.contains("class=\"step executed"), "{dom}");
    assert!(
        !dom.contains("data-critical=\"0\""),
        "a critical path is marked:\n{dom}"
    );
    assert!(dom.contains("RUN wc -c /all"), "{dom}");
    // And a real rendering.
    let shot = p.state.path().join("shot.png");
    let out = chrome(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1280,900",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let png = std::fs::read(&shot).expect("screenshot written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 10_000,
        "a blank page would be tiny: {} bytes",
        png.len()
    );
}

#[test]
fn stats_give_the_median_of_a_handful_of_builds() {
    if !testbed() {
        return;
    }
    let p = Project::new(&[("Dockerfile", DOCKERFILE), ("src/a.txt", "a")]);
    let mut refs = Vec::new();
    for i in 0..5 {
        std::fs::write(p.path().join("src/a.txt"), unique(&format!("v{i}"))).unwrap();
        refs.push(p.build(&[]).0);
    }
    let rows = p.ls_json();
    let out = p.strata(&[
        "history",
        "ls",
        "--format",
        "json",
        "--filter",
        &format!("name={}", p.name()),
    ]);
    let filtered: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut listed: Vec<&str> = filtered
        .iter()
        .map(|r| r["ref"].as_str().unwrap())
        .collect();
    let mut built: Vec<&str> = refs.iter().map(String::as_str).collect();
    assert_eq!(listed.first(), built.last(), "newest first");
    listed.sort_unstable();
    built.sort_unstable();
    assert_eq!(listed, built);
    let mut durations: Vec<i64> = refs
        .iter()
        .map(|r| row(&rows, r)["duration_ms"].as_i64().unwrap())
        .collect();
    durations.sort_unstable();
    let out = p.strata(&["history", "stats", "--since", "1h", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    let groups: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let g = groups
        .iter()
        .find(|g| g["name"] == p.name())
        .expect("the project's group");
    assert_eq!(g["builds"], 5);
    assert_eq!(g["median_ms"], durations[2], "{g}");
    assert_eq!(g["p95_ms"], durations[4], "{g}");
    assert!(g["median_context_bytes"].as_u64().unwrap() > 0, "{g}");
    let table = p.strata(&["history", "stats", "--since", "1h"]);
    let table = String::from_utf8_lossy(&table.stdout);
    let line = table
        .lines()
        .find(|l| l.starts_with(&p.name()))
        .expect("table row");
    assert_eq!(
        line.chars().filter(|c| ('▁'..='█').contains(c)).count(),
        5,
        "{line}"
    );
}

/// The same questions on a standalone buildkitd named by
/// `STRATA_BUILDKITD_ADDR` (+ `STRATA_BUILDKITD_TLS*`), as
/// tests/engines_e2e.rs takes it; skipped without one (CI has none).
#[test]
fn history_and_why_on_standalone_buildkitd() {
    let Ok(addr) = std::env::var("STRATA_BUILDKITD_ADDR") else {
        eprintln!("SKIPPED: STRATA_BUILDKITD_ADDR names no standalone buildkitd");
        return;
    };
    let mut p = Project::new(&[("Dockerfile", DOCKERFILE), ("src/a.txt", &unique("tok"))]);
    p.engine = vec!["--addr".into(), addr];
    for (var, flag) in [
        ("STRATA_BUILDKITD_TLSCACERT", "--tlscacert"),
        ("STRATA_BUILDKITD_TLSCERT", "--tlscert"),
        ("STRATA_BUILDKITD_TLSKEY", "--tlskey"),
    ] {
        if let Ok(v) = std::env::var(var) {
            p.engine.extend([flag.to_string(), v]);
        }
    }
    let (first, stream) = p.build(&[]);
    let rows = p.ls_json();
    let (total, cached) = counts_from_rawjson(&stream);
    assert_eq!(row(&rows, &first)["total_steps"], total as u64);
    assert_eq!(row(&rows, &first)["cached_steps"], cached as u64);
    std::fs::write(p.path().join("src/a.txt"), unique("edit")).unwrap();
    let (second, _) = p.build(&[]);
    let why = p.why(&second);
    assert!(why.contains("src/a.txt (modified)"), "{why}");
}

/// The report after a rebuild whose install step re-ran says why in one
/// line (the same answer as `strata why`).
#[test]
fn report_says_why_an_install_step_re_ran() {
    if !testbed() {
        return;
    }
    let p = Project::new(&[
        (
            "Dockerfile",
            // `pip install` only in words: busybox has no pip, and the
            // report keys on the command line as users write it.
            "FROM busybox\nCOPY requirements.txt /\nRUN cat /requirements.txt && echo pip install -r requirements.txt\n",
        ),
        ("requirements.txt", &unique("pkg==")),
    ]);
    p.build(&[]);
    std::fs::write(p.path().join("requirements.txt"), unique("pkg==")).unwrap();
    let report = p.state.path().join("again.json");
    let out = p.strata(&[
        "build",
        "--network",
        "host",
        "--progress",
        "plain",
        "--report",
        report.to_str().unwrap(),
        ".",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let why = json["why"]
        .as_str()
        .unwrap_or_else(|| panic!("no why: {json}"));
    assert!(why.contains("requirements.txt (modified)"), "{why}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("  why: {why}")), "{stderr}");
    assert!(json["steps"]["executed"].as_u64().unwrap() >= 2, "{json}");
    assert!(json["context_bytes"].as_u64().unwrap() > 0, "{json}");
}

/// A failed build: `history inspect` shows the error with its Dockerfile
/// line, `history ls` says failed, and the report says so too.
#[test]
fn failed_build_shows_its_error_with_the_line() {
    if !testbed() {
        return;
    }
    let p = Project::new(&[(
        "Dockerfile",
        &format!("FROM busybox\nRUN echo {}\nRUN exit 3\n", unique("ok")),
    )]);
    let report = p.state.path().join("failed.json");
    let out = p.strata(&[
        "build",
        "--network",
        "host",
        "--progress",
        "plain",
        "--report",
        report.to_str().unwrap(),
        ".",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(json["status"], "failed", "{json}");
    let build_ref = json["ref"].as_str().unwrap().to_string();
    assert_eq!(row(&p.ls_json(), &build_ref)["status"], "failed");
    let out = p.strata(&["history", "inspect", &build_ref]);
    assert!(out.status.success(), "{}", text(&out));
    let inspect = String::from_utf8_lossy(&out.stdout);
    assert!(inspect.contains("error at Dockerfile:3: "), "{inspect}");
    assert!(inspect.contains("failed"), "{inspect}");
}

/// Builds running at the same time, sharing one state directory: each
/// gets its own complete record (and so its own `why`).
#[test]
fn concurrent_builds_keep_whole_records() {
    if !testbed() {
        return;
    }
    let p = Project::new(&[("Dockerfile", DOCKERFILE), ("src/a.txt", "a")]);
    let dirs: Vec<tempfile::TempDir> = (0..3)
        .map(|i| {
            let d = tempfile::tempdir().unwrap();
            std::fs::write(d.path().join("Dockerfile"), DOCKERFILE).unwrap();
            std::fs::create_dir(d.path().join("src")).unwrap();
            for f in 0..200 {
                std::fs::write(
                    d.path().join(format!("src/f{f}")),
                    unique(&format!("{i}-{f}")),
                )
                .unwrap();
            }
            d
        })
        .collect();
    let children: Vec<_> = dirs
        .iter()
        .map(|d| {
            Command::new(strata())
                .args(["build", "--network", "host", "--progress", "quiet"])
                .arg(d.path())
                .env("STRATA_STATE_DIR", p.state.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start strata build")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait for strata build");
        assert!(out.status.success(), "{}", text(&out));
    }
    let records: Vec<serde_json::Value> = std::fs::read_dir(p.state.path().join("builds"))
        .unwrap()
        .map(|e| {
            serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).expect("whole JSON")
        })
        .collect();
    assert_eq!(records.len(), 3);
    for r in &records {
        assert_eq!(
            r["context_files"].as_object().unwrap().len(),
            201,
            "{}",
            r["ref"]
        );
    }
}
