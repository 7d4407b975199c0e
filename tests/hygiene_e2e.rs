//! Context, image and cache hygiene end to end: `strata context` (and
//! `--write`), build budgets (exit 4), `strata inspect --layers` against the
//! image's own manifest, and `strata prune` (cache by policy, images by
//! `--keep`), each checked against what the engine really holds.
//!
//! The analysis tests need no engine; the others need the testbed
//! (`source /var/lib/strata-testbed/env`). Names, cache ids and
//! repositories are unique per run so concurrent builds on the shared
//! engine cannot interfere.

mod common;
use common::{testbed, unique};

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

fn strata(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run strata")
}

fn text(o: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(o)))
}

/// A context with the usual leftovers: node_modules, .git, a log
/// directory, a .env, and the few files the Dockerfile really copies.
fn leftover_context(dir: &Path) {
    let w = |p: &str, bytes: usize| {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, vec![b'x'; bytes]).unwrap();
    };
    w("node_modules/left-pad/index.js", 300_000);
    w("node_modules/left-pad/package.json", 1_000);
    w(".git/objects/pack/pack-1.pack", 50_000);
    w(".git/HEAD", 23);
    w("logs/app.log", 7_000);
    w("logs/old/app.1.log", 3_000);
    std::fs::write(dir.join(".env"), "API_KEY=do-not-print-me\n").unwrap();
    std::fs::write(dir.join("package.json"), "{\"name\":\"demo\"}\n").unwrap();
    w("src/index.js", 400);
    std::fs::write(
        dir.join("Dockerfile"),
        "FROM busybox\n\
         WORKDIR /app\n\
         COPY package.json ./\n\
         RUN if command -v npm >/dev/null; then npm ci; fi\n\
         COPY src/ ./src/\n",
    )
    .unwrap();
}

fn suggestion_bytes(report: &serde_json::Value) -> std::collections::BTreeMap<String, u64> {
    report["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["pattern"].as_str().unwrap().to_string(),
                s["bytes"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn context_analysis_finds_each_leftover_and_write_fixes_it() {
    let dir = tempfile::tempdir().unwrap();
    leftover_context(dir.path());
    let out = strata(&["context", "--json", "."], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    let report = json(&out);
    let found = suggestion_bytes(&report);
    assert_eq!(found.get("node_modules"), Some(&301_000), "{found:?}");
    assert_eq!(found.get(".git"), Some(&50_023), "{found:?}");
    assert_eq!(found.get("logs"), Some(&10_000), "{found:?}");
    assert_eq!(found.get(".env"), Some(&24), "{found:?}");
    assert_eq!(report["secrets"][0]["path"], ".env");
    // Not used by any COPY: everything but package.json, src/ and the Dockerfile... which no COPY takes either.
    let unused = report["unused"]["bytes"].as_u64().unwrap();
    assert!(unused >= 301_000 + 50_023 + 10_000 + 24, "{report}");
    // The secret is named, its content never printed.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".env looks like a secret"), "{stderr}");
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr);
    assert!(!all.contains("do-not-print-me"), "{all}");

    let out = strata(&["context", "--write", "."], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    let ignore = std::fs::read_to_string(dir.path().join(".dockerignore")).unwrap();
    for p in ["node_modules", ".git", "logs", ".env"] {
        assert!(
            ignore.lines().any(|l| l == p),
            "{p} missing from:\n{ignore}"
        );
    }
    let after = json(&strata(&["context", "--json", "."], dir.path()));
    assert!(
        after["suggestions"].as_array().unwrap().is_empty(),
        "{after}"
    );
    assert!(after["secrets"].as_array().unwrap().is_empty(), "{after}");
    assert!(after["bytes"].as_u64().unwrap() < 2_000, "{after}");
}

#[test]
fn write_uses_the_dockerfile_specific_ignore_file() {
    let dir = tempfile::tempdir().unwrap();
    leftover_context(dir.path());
    std::fs::rename(
        dir.path().join("Dockerfile"),
        dir.path().join("app.Dockerfile"),
    )
    .unwrap();
    std::fs::write(dir.path().join("app.Dockerfile.dockerignore"), "*.tmp").unwrap();
    let out = strata(
        &["context", "-f", "app.Dockerfile", "--write", "."],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(!dir.path().join(".dockerignore").exists());
    let ignore = std::fs::read_to_string(dir.path().join("app.Dockerfile.dockerignore")).unwrap();
    assert!(ignore.starts_with("*.tmp\n"), "{ignore}");
    assert!(ignore.lines().any(|l| l == "node_modules"), "{ignore}");
}

/// Builds `dir` into an OCI tar at `dest`; returns the process output.
fn build_oci(dir: &Path, dest: &str, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--network", "none", "--progress", "plain", "-o"];
    let out = format!("type=oci,dest={dest}");
    args.push(&out);
    args.extend_from_slice(extra);
    args.push(".");
    strata(&args, dir)
}

fn layer_digests(dir: &Path, tar: &str) -> Vec<String> {
    let out = strata(&["inspect", "--layers", "--json", tar], dir);
    assert!(out.status.success(), "{}", text(&out));
    json(&out)["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["digest"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn write_leaves_the_built_image_unchanged() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    leftover_context(dir.path());
    let before = build_oci(dir.path(), "before.tar", &["--no-stamp"]);
    assert!(before.status.success(), "{}", text(&before));
    let out = strata(&["context", "--write", "."], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    let after = build_oci(dir.path(), "after.tar", &["--no-stamp"]);
    assert!(after.status.success(), "{}", text(&after));
    let (a, b) = (
        layer_digests(dir.path(), "before.tar"),
        layer_digests(dir.path(), "after.tar"),
    );
    assert!(!a.is_empty());
    assert_eq!(a, b, "the ignore file changed the image's layers");
}

const WASTEFUL: &str = "FROM busybox\n\
     RUN head -c 300000 /dev/urandom > /big && echo keep > /keep\n\
     RUN rm /big\n\
     COPY a.txt /a.txt\n";

#[test]
fn budgets_fail_when_exceeded_and_pass_when_not() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Dockerfile"), WASTEFUL).unwrap();
    std::fs::write(dir.path().join("a.txt"), unique("a")).unwrap();

    // Flags: too few layers allowed, and too little waste.
    let out = build_oci(
        dir.path(),
        "out.tar",
        &["--max-layers", "2", "--max-wasted-bytes", "100kB"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("budget max-layers exceeded: 4 (limit 2)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("budget max-wasted-bytes exceeded"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Dockerfile:2"),
        "the biggest layer's line: {stderr}"
    );
    assert!(
        !dir.path().join("out.tar").exists(),
        "no output on a failed budget"
    );

    // The same limits met: the build passes and writes its output.
    let out = build_oci(
        dir.path(),
        "out.tar",
        &[
            "--max-layers",
            "4",
            "--max-wasted-bytes",
            "1MB",
            "--max-build-time",
            "10m",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(dir.path().join("out.tar").exists());

    // strata.toml beside the Dockerfile, with a per-target value.
    std::fs::write(
        dir.path().join("strata.toml"),
        "[budget]\nmax-image-size = \"1MB\"\n\n[target.big.budget]\nmax-image-size = \"50MB\"\n",
    )
    .unwrap();
    let out = build_oci(dir.path(), "toml.tar", &[]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("budget max-image-size exceeded"),
        "{}",
        text(&out)
    );
    std::fs::write(
        dir.path().join("Dockerfile"),
        WASTEFUL.replace("FROM busybox\n", "FROM busybox AS big\n"),
    )
    .unwrap();
    let out = build_oci(dir.path(), "toml.tar", &["--target", "big"]);
    assert!(out.status.success(), "{}", text(&out));
    std::fs::remove_file(dir.path().join("strata.toml")).unwrap();

    // The parser directive.
    std::fs::write(
        dir.path().join("Dockerfile"),
        format!("# strata-budget: max-layers=1\n{WASTEFUL}"),
    )
    .unwrap();
    let out = build_oci(dir.path(), "directive.tar", &[]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out));
    assert!(!dir.path().join("directive.tar").exists());
}

/// The manifest of an OCI tar, read here independently of strata.
fn manifest_layers(tar_path: &Path) -> Vec<(String, u64)> {
    let mut files = std::collections::BTreeMap::new();
    let mut archive = tar::Archive::new(std::fs::File::open(tar_path).unwrap());
    for e in archive.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().to_string_lossy().to_string();
        if name == "index.json" || name.starts_with("blobs/") && e.size() < 1 << 20 {
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            files.insert(name, b);
        }
    }
    let blob = |d: &str| -> serde_json::Value {
        serde_json::from_slice(&files[&format!("blobs/{}", d.replacen(':', "/", 1))]).unwrap()
    };
    let index: serde_json::Value = serde_json::from_slice(&files["index.json"]).unwrap();
    let mut m = blob(index["manifests"][0]["digest"].as_str().unwrap());
    while m.get("manifests").is_some() {
        m = blob(m["manifests"][0]["digest"].as_str().unwrap());
    }
    m["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["digest"].as_str().unwrap().to_string(),
                l["size"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn inspect_layers_figures_match_the_manifest() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Dockerfile"), WASTEFUL).unwrap();
    std::fs::write(dir.path().join("a.txt"), unique("a")).unwrap();
    let out = build_oci(dir.path(), "img.tar", &[]);
    assert!(out.status.success(), "{}", text(&out));
    let manifest = manifest_layers(&dir.path().join("img.tar"));
    let out = strata(&["inspect", "--layers", "--json", "img.tar"], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    let report = json(&out);
    let layers = report["layers"].as_array().unwrap();
    assert_eq!(layers.len(), manifest.len());
    for (l, (digest, size)) in layers.iter().zip(&manifest) {
        assert_eq!(l["digest"].as_str().unwrap(), digest);
        assert_eq!(l["size"].as_u64().unwrap(), *size);
    }
    assert_eq!(
        report["size"].as_u64().unwrap(),
        manifest.iter().map(|(_, s)| s).sum::<u64>()
    );
    // The 300,000 bytes written by line 2 and deleted by line 3 are waste.
    assert_eq!(layers[1]["wasted_bytes"].as_u64().unwrap(), 300_000);
    assert_eq!(layers[1]["line"].as_u64(), Some(2));
    assert_eq!(layers[3]["line"].as_u64(), Some(4));
    assert!(report["efficiency"].as_f64().unwrap() < 1.0);
    // The same figure as a budget.
    let out = strata(
        &[
            "inspect",
            "--layers",
            "--max-wasted-bytes",
            "100kB",
            "img.tar",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(4), "{}", text(&out));
}

#[test]
fn prune_frees_exactly_what_the_dry_run_listed() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ns = unique("hyg");
    std::fs::write(
        dir.path().join("Dockerfile"),
        format!(
            "FROM busybox\n\
             RUN --mount=type=cache,id=strata/{ns}/npm-cache,target=/c head -c 200000 /dev/urandom > /c/x && echo {ns} > /x\n\
             RUN --mount=type=cache,id=strata/{ns}/apt-cache,target=/c head -c 100000 /dev/urandom > /c/y && echo {ns} > /y\n"
        ),
    )
    .unwrap();
    // The commands name the run: BuildKit leaves cache mount ids out of
    // the cache key, so the same command would be a cache hit that makes
    // no cache mount record. The output makes the engine run the steps.
    let out = strata(
        &[
            "build",
            "--network",
            "none",
            "--progress",
            "plain",
            "-o",
            "type=local,dest=out",
            ".",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out));
    let filter = format!("description~={ns}");
    let args = |dry: bool| {
        let mut a = vec![
            "prune",
            "--filter",
            "tool=npm",
            "--filter",
            filter.as_str(),
            "--format",
            "json",
        ];
        if dry {
            a.push("--dry-run");
        }
        a
    };
    let ids = |o: &Output| -> Vec<(String, i64)> {
        let mut v: Vec<(String, i64)> = json(o)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["item"]["id"].as_str().unwrap().to_string(),
                    r["item"]["size"].as_i64().unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let dry = strata(&args(true), dir.path());
    assert!(dry.status.success(), "{}", text(&dry));
    let listed = ids(&dry);
    assert_eq!(listed.len(), 1, "only the npm cache mount: {}", text(&dry));
    assert!(listed[0].1 >= 200_000, "{listed:?}");
    let real = strata(&args(false), dir.path());
    assert!(real.status.success(), "{}", text(&real));
    let freed: Vec<String> = ids(&real).into_iter().map(|(id, _)| id).collect();
    let listed: Vec<String> = listed.into_iter().map(|(id, _)| id).collect();
    assert_eq!(freed, listed, "{}", text(&real));
    // The apt cache mount was not listed and is still there.
    let du = strata(
        &[
            "du", "--filter", "tool=apt", "--filter", &filter, "--format", "json",
        ],
        dir.path(),
    );
    assert!(du.status.success(), "{}", text(&du));
    assert_eq!(json(&du).as_array().unwrap().len(), 1, "{}", text(&du));
    // Clean up our own apt record.
    let out = strata(
        &["prune", "--filter", "tool=apt", "--filter", &filter],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn prune_images_keeps_the_two_newest_tags() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = unique("strata-hygiene-keep-");
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM busybox\nARG N\nRUN echo $N > /n\n",
    )
    .unwrap();
    for n in 1..=3 {
        let tag = format!("{repo}:v{n}");
        let arg = format!("N={n}");
        let out = strata(
            &[
                "build",
                "--network",
                "none",
                "--progress",
                "plain",
                "--build-arg",
                &arg,
                "-t",
                &tag,
                ".",
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{}", text(&out));
        // Image creation times are whole seconds.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let base = [
        "prune",
        "--images",
        "--keep",
        "2",
        "--repository",
        &repo,
        "--format",
        "json",
    ];
    let mut dry_args = base.to_vec();
    dry_args.push("--dry-run");
    let dry = strata(&dry_args, dir.path());
    assert!(dry.status.success(), "{}", text(&dry));
    let listed: Vec<String> = json(&dry)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["item"]["reference"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, vec![format!("{repo}:v1")]);
    let real = strata(&base, dir.path());
    assert!(real.status.success(), "{}", text(&real));
    let left = Command::new("docker")
        .args(["image", "ls", "--format", "{{.Tag}}", &repo])
        .output()
        .expect("docker image ls");
    let mut tags: Vec<String> = String::from_utf8_lossy(&left.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    tags.sort();
    assert_eq!(tags, vec!["v2", "v3"], "{}", text(&left));
    for t in tags {
        let _ = Command::new("docker")
            .args(["rmi", &format!("{repo}:{t}")])
            .output();
    }
}
