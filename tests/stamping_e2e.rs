//! End-to-end stamping tests through the `strata` CLI against the testbed
//! engine. Without `STRATA_TESTBED` they print why and return; with it they
//! must build, and fail loudly otherwise.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn strata() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_strata"));
    c.env_remove("SOURCE_DATE_EPOCH");
    c
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.email=e2e@strata",
            "-c",
            "user.name=e2e",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?} failed");
}

fn unique() -> String {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos();
    format!("{t:x}-{}", std::process::id())
}

/// A context with a Dockerfile that writes the build-info file.
fn context(dir: &Path) {
    std::fs::write(
        dir.join("Dockerfile"),
        "# strata: build-info=/app/build-info.json\nFROM busybox\nCOPY a.txt /app/a.txt\nRUN --network=none cat /app/a.txt > /app/b.txt\n",
    )
    .expect("write");
    std::fs::write(dir.join("a.txt"), format!("unique {}\n", unique())).expect("write");
    std::fs::write(dir.join(".dockerignore"), ".git\n").expect("write");
}

/// Build to an OCI tar; returns (per-vertex name → cached, metadata JSON).
fn build(
    dir: &Path,
    out: &Path,
    extra: &[&str],
    env: &[(&str, &str)],
) -> (BTreeMap<String, bool>, serde_json::Value) {
    let md = out.with_extension("md.json");
    let mut cmd = strata();
    cmd.args([
        "build",
        "--network",
        "none",
        "--progress",
        "rawjson",
        "--metadata-file",
    ])
    .arg(&md)
    .arg("-o")
    .arg(format!("type=oci,dest={}", out.display()));
    cmd.args(extra).arg(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().expect("strata runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed: {stderr}");
    let vertices = vertices_from_rawjson(&stderr);
    let md: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&md).expect("metadata file")).expect("metadata JSON");
    (vertices, md)
}

/// Step name → whether it was cached, from `--progress rawjson` lines.
fn vertices_from_rawjson(stderr: &str) -> BTreeMap<String, bool> {
    let mut vertices: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for line in stderr.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for vx in v["vertexes"].as_array().into_iter().flatten() {
            let e = vertices
                .entry(vx["digest"].as_str().unwrap_or_default().to_string())
                .or_default();
            e.0 = vx["name"].as_str().unwrap_or_default().to_string();
            e.1 |= vx["cached"].as_bool().unwrap_or(false);
        }
    }
    vertices.into_values().collect()
}

/// Dockerfile steps (`[2/3] COPY …`, `[strata stamp] …`), not internal or FROM vertices.
fn steps(v: &BTreeMap<String, bool>) -> Vec<(&String, bool)> {
    v.iter()
        .filter(|(n, _)| {
            n.starts_with('[') && !n.starts_with("[internal]") && !n.contains("] FROM ")
        })
        .map(|(n, c)| (n, *c))
        .collect()
}

fn inspect(image: &Path) -> serde_json::Value {
    let out = strata()
        .arg("inspect")
        .arg("--json")
        .arg(image)
        .output()
        .expect("inspect runs");
    assert!(
        out.status.success(),
        "inspect failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("inspect JSON")
}

#[test]
fn new_commit_reruns_only_the_stamp_step() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("ctx");
    std::fs::create_dir(&dir).expect("mkdir");
    context(&dir);
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "one"]);
    let (first, _) = build(&dir, &tmp.path().join("one.tar"), &[], &[]);
    let first_steps = steps(&first);
    assert!(
        first_steps.iter().any(|(n, c)| n.contains("RUN") && !c),
        "first build executes the RUN: {first_steps:?}"
    );

    git(&dir, &["commit", "-q", "--allow-empty", "-m", "two"]);
    let (second, _) = build(&dir, &tmp.path().join("two.tar"), &[], &[]);
    let second_steps = steps(&second);
    let executed: Vec<&String> = second_steps
        .iter()
        .filter(|(_, c)| !c)
        .map(|(n, _)| *n)
        .collect();
    let cached = second_steps.iter().filter(|(_, c)| *c).count();
    assert_eq!(
        executed.len(),
        1,
        "only the stamp step runs again: {second_steps:?}"
    );
    assert!(executed[0].starts_with("[strata stamp]"), "{executed:?}");
    assert_eq!(
        cached, 2,
        "COPY and RUN come from the cache: {second_steps:?}"
    );

    let one = inspect(&tmp.path().join("one.tar"));
    let two = inspect(&tmp.path().join("two.tar"));
    let rev = "org.opencontainers.image.revision";
    assert_ne!(
        one["labels"][rev], two["labels"][rev],
        "the revision label follows the commit"
    );
    assert_eq!(
        two["build_info"][rev], two["labels"][rev],
        "the build-info file holds the same facts"
    );
}

fn config_of(tar_path: &Path) -> serde_json::Value {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let data = std::fs::read(tar_path).expect("tar");
    let mut archive = tar::Archive::new(data.as_slice());
    for e in archive.entries().expect("entries") {
        let mut e = e.expect("entry");
        let p = e.path().expect("path").to_string_lossy().to_string();
        let mut b = Vec::new();
        e.read_to_end(&mut b).expect("read");
        files.insert(p, b);
    }
    let blob = |d: &str| -> serde_json::Value {
        serde_json::from_slice(&files[&format!("blobs/{}", d.replacen(':', "/", 1))])
            .expect("blob JSON")
    };
    let index: serde_json::Value = serde_json::from_slice(&files["index.json"]).expect("index");
    let mut m = blob(index["manifests"][0]["digest"].as_str().expect("digest"));
    if m.get("manifests").is_some() {
        m = blob(m["manifests"][0]["digest"].as_str().expect("digest"));
    }
    blob(m["config"]["digest"].as_str().expect("config digest"))
}

#[test]
fn source_date_epoch_gives_the_same_config_digest() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("ctx");
    std::fs::create_dir(&dir).expect("mkdir");
    context(&dir);
    let env = [("SOURCE_DATE_EPOCH", "1700000000")];
    let (_, md1) = build(&dir, &tmp.path().join("a.tar"), &[], &env);
    let (_, md2) = build(&dir, &tmp.path().join("b.tar"), &[], &env);
    let key = "containerimage.config.digest";
    assert!(
        md1[key].as_str().is_some_and(|d| d.starts_with("sha256:")),
        "{md1}"
    );
    assert_eq!(
        md1[key], md2[key],
        "same inputs, same SOURCE_DATE_EPOCH: same config digest"
    );
    let cfg = config_of(&tmp.path().join("a.tar"));
    assert_eq!(cfg["created"], "2023-11-14T22:13:20Z");
    assert_eq!(
        cfg["config"]["Labels"]["org.opencontainers.image.created"],
        "2023-11-14T22:13:20Z"
    );
    assert!(
        cfg["history"]
            .as_array()
            .expect("history")
            .iter()
            .filter(|h| h["comment"] == "buildkit.dockerfile.v0"
                || h["comment"] == "strata build-info stamp")
            .all(|h| h["created"] == "2023-11-14T22:13:20Z"),
        "{}",
        cfg["history"]
    );

    // A rebuild without the cache: everything but the layer diff ids is identical
    // (the Docker Engine 26 moby exporter does not clamp file times in layers).
    let (_, md3) = build(&dir, &tmp.path().join("c.tar"), &["--no-cache"], &env);
    assert!(md3[key].is_string());
    let mut a = cfg.clone();
    let mut c = config_of(&tmp.path().join("c.tar"));
    a["rootfs"] = serde_json::Value::Null;
    c["rootfs"] = serde_json::Value::Null;
    assert_eq!(
        a, c,
        "config metadata (created, history, labels) is reproducible without the cache"
    );
}

#[test]
fn verify_up_to_date_then_stale() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("ctx");
    std::fs::create_dir(&dir).expect("mkdir");
    context(&dir);
    let image = tmp.path().join("img.tar");
    build(&dir, &image, &[], &[]);
    let verify = || {
        strata()
            .arg("verify")
            .arg(&image)
            .arg(&dir)
            .output()
            .expect("verify runs")
    };
    let ok = verify();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("up to date"));
    std::fs::write(dir.join("a.txt"), "edited\n").expect("write");
    let stale = verify();
    let text = String::from_utf8_lossy(&stale.stdout);
    assert_eq!(stale.status.code(), Some(1), "{text}");
    assert!(
        text.contains("stale") && text.contains("modified a.txt"),
        "{text}"
    );

    // An image without stamps: exit 2 with a clear message.
    let plain = tmp.path().join("plain");
    std::fs::create_dir(&plain).expect("mkdir");
    std::fs::write(
        plain.join("Dockerfile"),
        "# strata: stamp=off\nFROM busybox\n",
    )
    .expect("write");
    let unstamped = tmp.path().join("plain.tar");
    build(&plain, &unstamped, &[], &[]);
    let out = strata()
        .arg("verify")
        .arg(&unstamped)
        .arg(&plain)
        .output()
        .expect("verify runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no strata build stamps"));
}

#[test]
fn inspect_reads_docker_engine_images() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("ctx");
    std::fs::create_dir(&dir).expect("mkdir");
    context(&dir);
    let name = format!("strata-stamp-e2e:{}", unique());
    let out = strata()
        .args(["build", "--network", "none", "--progress", "quiet", "-o"])
        .arg(format!("type=image,name={name}"))
        .arg(&dir)
        .output()
        .expect("strata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let inspected = strata()
        .args(["inspect", "--json", &name])
        .output()
        .expect("inspect runs");
    let verified = strata()
        .arg("verify")
        .arg(&name)
        .arg(&dir)
        .output()
        .expect("verify runs");
    let _ = Command::new("docker")
        .args(["image", "rm", "-f", &name])
        .output();
    assert!(
        inspected.status.success(),
        "{}",
        String::from_utf8_lossy(&inspected.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&inspected.stdout).expect("JSON");
    assert!(
        v["labels"]["dev.strata.context.digest"]
            .as_str()
            .is_some_and(|d| d.starts_with("sha256:")),
        "{v}"
    );
    assert!(
        v["build_info"]["dev.strata.context.files"]["a.txt"].is_string(),
        "build-info read from the engine's image: {v}"
    );
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
}

/// strata as a `# syntax=` frontend image under its own tag (so it never
/// races `frontend_image_e2e`'s), built and pushed once per test process by
/// `scripts/frontend-image.sh`. `STRATA_FRONTEND_IMAGE=REF` skips that and uses REF.
fn frontend_image() -> &'static str {
    static IMAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    IMAGE.get_or_init(|| {
        if let Ok(image) = std::env::var("STRATA_FRONTEND_IMAGE") {
            return image;
        }
        let registry = std::env::var("STRATA_REGISTRY").unwrap_or_else(|_| "127.0.0.1:5000".into());
        let image = format!("{registry}/strata:e2e-stamp");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = Command::new(repo.join("scripts/frontend-image.sh"))
            .args(["--push", &image])
            .current_dir(repo)
            .output()
            .expect("run scripts/frontend-image.sh");
        assert!(
            out.status.success(),
            "scripts/frontend-image.sh failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        image
    })
}

/// Per-vertex name → cached, from `docker buildx build --progress=plain`
/// (buildx 0.13 has no rawjson): a vertex's first `#N …` line is its name,
/// `#N CACHED` marks it cached, `#N DONE …` executed.
fn plain_vertices(log: &str) -> BTreeMap<String, bool> {
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut cached: BTreeMap<u32, bool> = BTreeMap::new();
    for line in log.lines() {
        let Some(rest) = line.strip_prefix('#') else {
            continue;
        };
        let Some((n, text)) = rest.split_once(' ') else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else { continue };
        if let std::collections::btree_map::Entry::Vacant(e) = names.entry(n) {
            e.insert(text.to_string());
        } else if text == "CACHED" {
            cached.insert(n, true);
        } else if text.starts_with("DONE") {
            cached.entry(n).or_insert(false);
        }
    }
    // Only vertices that finished (CACHED or DONE) count.
    cached
        .into_iter()
        .map(|(n, c)| (names[&n].clone(), c))
        .collect()
}

/// `docker buildx build --load` through the frontend image, with `GIT_COMMIT`.
fn buildx_with_commit(dir: &Path, tag: &str, commit: &str) -> (BTreeMap<String, bool>, String) {
    let out = Command::new("docker")
        .args([
            "buildx",
            "build",
            "--progress=plain",
            "--network=none",
            "--build-arg",
        ])
        .arg(format!("GIT_COMMIT={commit}"))
        .args(["-t", tag, "--load"])
        .arg(dir)
        .env("BUILDX_EXPERIMENTAL", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run docker buildx build");
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "docker buildx build failed:\n{log}");
    (plain_vertices(&log), log)
}

fn docker_label(tag: &str, key: &str) -> String {
    let format = format!("{{{{index .Config.Labels \"{key}\"}}}}");
    let out = Command::new("docker")
        .args(["image", "inspect", "--format", &format, tag])
        .output()
        .expect("docker image inspect");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn syntax_frontend_new_commit_reruns_only_the_stamp_step() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    std::fs::write(
        dir.join("Dockerfile"),
        format!("# syntax={image}\n# strata: build-info=/build-info.json\nFROM busybox:latest\nCOPY a.txt /a.txt\nRUN cat /a.txt > /b.txt\n"),
    )
    .expect("write");
    std::fs::write(dir.join("a.txt"), format!("unique {}\n", unique())).expect("write");
    let tag = format!("strata-stamp-syntax-e2e:{}", unique());

    let (first, log1) = buildx_with_commit(dir, &tag, "aaa");
    assert!(
        log1.contains(image),
        "the build did not go through {image}:\n{log1}"
    );
    let first_steps = steps(&first);
    assert!(
        first_steps
            .iter()
            .any(|(n, c)| n.contains("RUN cat /a.txt") && !c),
        "first build executes the RUN: {first_steps:?}\n{log1}"
    );
    assert!(
        first_steps
            .iter()
            .any(|(n, c)| n.contains("strata stamp]") && !c),
        "first build writes the stamp: {first_steps:?}\n{log1}"
    );
    let rev1 = docker_label(&tag, "org.opencontainers.image.revision");

    let (second, log2) = buildx_with_commit(dir, &tag, "bbb");
    let second_steps = steps(&second);
    let executed: Vec<&String> = second_steps
        .iter()
        .filter(|(_, c)| !c)
        .map(|(n, _)| *n)
        .collect();
    let cached: Vec<&String> = second_steps
        .iter()
        .filter(|(_, c)| *c)
        .map(|(n, _)| *n)
        .collect();
    let rev2 = docker_label(&tag, "org.opencontainers.image.revision");
    let _ = Command::new("docker")
        .args(["image", "rm", "-f", &tag])
        .output();

    assert_eq!(
        executed.len(),
        1,
        "only the stamp step runs again: {second_steps:?}\n{log2}"
    );
    assert!(
        executed[0].contains("strata stamp]") && executed[0].contains("/build-info.json"),
        "{executed:?}\n{log2}"
    );
    assert_eq!(
        cached.len(),
        2,
        "COPY and RUN come from the cache: {second_steps:?}\n{log2}"
    );
    assert!(
        cached.iter().any(|n| n.contains("RUN cat /a.txt"))
            && cached.iter().any(|n| n.contains("COPY a.txt")),
        "{cached:?}"
    );
    assert_eq!(rev1, "aaa", "GIT_COMMIT stamps the revision label");
    assert_eq!(rev2, "bbb", "the revision label follows the commit");
}

/// Build with host network (apt-get needs Debian's mirror); returns step name → cached.
fn build_host(dir: &Path, out: &Path, extra: &[&str]) -> BTreeMap<String, bool> {
    let output = strata()
        .args(["build", "--network", "host", "--progress", "rawjson", "-o"])
        .arg(format!("type=tar,dest={}", out.display()))
        .args(extra)
        .arg(dir)
        .output()
        .expect("strata runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed: {stderr}");
    vertices_from_rawjson(&stderr)
}

/// CACHE_BUST re-runs the unpinned network fetch (apt-get update) and what
/// follows it, while the same value keeps everything cached.
#[test]
fn cache_bust_reruns_the_unpinned_fetch() {
    if !common::testbed() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("strata-bust-{}", unique()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let nonce = unique();
    std::fs::write(
        dir.join("Dockerfile"),
        format!("FROM debian:bookworm\nRUN apt-get update > /dev/null && echo {nonce} > /fetched\nRUN echo after > /after\n"),
    )
    .expect("write");
    let out = dir.join("out.tar");
    let fetch_step = |v: &BTreeMap<String, bool>| -> bool {
        *v.iter()
            .find(|(n, _)| n.contains("apt-get update"))
            .map(|(_, c)| c)
            .unwrap_or_else(|| panic!("no apt-get step in {v:?}"))
    };
    let first = build_host(&dir, &out, &["--build-arg", "CACHE_BUST=1", "--no-stamp"]);
    assert!(
        !fetch_step(&first),
        "first build must execute the fetch: {first:?}"
    );
    let same = build_host(&dir, &out, &["--build-arg", "CACHE_BUST=1", "--no-stamp"]);
    assert!(
        fetch_step(&same),
        "same CACHE_BUST value keeps the fetch cached: {same:?}"
    );
    let busted = build_host(&dir, &out, &["--build-arg", "CACHE_BUST=2", "--no-stamp"]);
    assert!(
        !fetch_step(&busted),
        "a new CACHE_BUST value re-runs the fetch: {busted:?}"
    );
    let explain = strata()
        .args(["explain"])
        .arg("--build-arg")
        .arg("CACHE_BUST=2")
        .arg(&dir)
        .output()
        .expect("explain runs");
    let text = String::from_utf8_lossy(&explain.stdout);
    assert!(
        text.contains("apt-get update") || text.to_lowercase().contains("bust"),
        "explain lists the busted step: {text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
