//! The same end-to-end checks on every engine at hand:
//!
//! - the testbed's Docker Engine (`STRATA_TESTBED`, from
//!   `source /var/lib/strata-testbed/env`), which is what CI runs;
//! - any standalone buildkitd named by `STRATA_BUILDKITD_ADDR`
//!   (`unix:///…` or `tcp://HOST:PORT`; for TLS also
//!   `STRATA_BUILDKITD_TLSCACERT`, `STRATA_BUILDKITD_TLSCERT`,
//!   `STRATA_BUILDKITD_TLSKEY`). It needs `FROM busybox` to resolve (e.g. a
//!   `[registry."docker.io"] mirrors` entry pointing at the testbed registry)
//!   and, for `push=true`, to reach `STRATA_REGISTRY`. No committed recipe
//!   builds buildkitd, so CI has none: point these tests at one to check it.
//!
//! With neither set every test prints `SKIPPED` and passes (fails under CI,
//! see `tests/common`).

mod common;
use common::{registry, unique};

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

/// One engine and the `strata build` flags that reach it.
struct Target {
    name: String,
    args: Vec<String>,
    docker: bool,
}

fn targets() -> Vec<Target> {
    let mut out = Vec::new();
    if std::env::var_os("STRATA_TESTBED").is_some() {
        let mut args = Vec::new();
        if let Ok(addr) = std::env::var("BUILDKIT_HOST") {
            args = vec!["--addr".to_string(), addr];
        }
        out.push(Target {
            name: "testbed Docker Engine".into(),
            args,
            docker: true,
        });
    }
    if let Ok(addr) = std::env::var("STRATA_BUILDKITD_ADDR") {
        let mut args = vec!["--addr".to_string(), addr.clone()];
        for (var, flag) in [
            ("STRATA_BUILDKITD_TLSCACERT", "--tlscacert"),
            ("STRATA_BUILDKITD_TLSCERT", "--tlscert"),
            ("STRATA_BUILDKITD_TLSKEY", "--tlskey"),
        ] {
            if let Ok(v) = std::env::var(var) {
                args.extend([flag.to_string(), v]);
            }
        }
        out.push(Target {
            name: format!("buildkitd at {addr}"),
            args,
            docker: false,
        });
    }
    if out.is_empty() {
        common::skip(
            "no engine: set STRATA_TESTBED (source /var/lib/strata-testbed/env) \
             and/or STRATA_BUILDKITD_ADDR (+ STRATA_BUILDKITD_TLS* for tcp:// with TLS)",
        );
    }
    out
}

struct Run {
    code: i32,
    stderr: String,
}

/// `strata build` on `target`; RUN steps get no network (the testbed's
/// Docker Engine has no bridge, and none needs no entitlement anywhere).
fn build(target: &Target, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_strata"))
        .arg("build")
        .args(&target.args)
        .args(["--network", "none", "--progress", "plain"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run strata");
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn tar_list(tar: &Path) -> Vec<String> {
    let out = Command::new("tar")
        .arg("-tf")
        .arg(tar)
        .output()
        .expect("tar");
    assert!(out.status.success(), "tar -tf {}", tar.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim_start_matches("./").to_string())
        .collect()
}

fn tar_file(tar: &Path, member: &str) -> String {
    let out = Command::new("tar")
        .arg("-xOf")
        .arg(tar)
        .arg(member)
        .output()
        .expect("tar");
    assert!(out.status.success(), "tar -xOf {} {member}", tar.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether the registry serves `repo:tag` (an image or an index).
fn registry_has(repo: &str, tag: &str) -> bool {
    Command::new("curl")
        .args([
            "-sSf",
            "-o",
            "/dev/null",
            "-H",
            "Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, \
             application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json",
        ])
        .arg(format!("http://{}/v2/{repo}/manifests/{tag}", registry()))
        .status()
        .expect("run curl")
        .success()
}

/// A context whose image holds `/hello` with `nonce` (no network needed).
fn context(dir: &Path, nonce: &str) {
    std::fs::write(
        dir.join("Dockerfile"),
        format!("FROM busybox\nRUN echo {nonce} > /hello\n"),
    )
    .expect("Dockerfile");
}

/// One `--output` and how to check what it left.
#[derive(Clone, Copy, Debug)]
enum Out {
    Image,
    Push,
    DockerTar,
    Oci,
    Tar,
    Local,
}

impl Out {
    fn spec(self, dir: &Path, repo: &str, tag: &str, i: usize) -> String {
        let name = format!("{}/{repo}:{tag}", registry());
        match self {
            Out::Image => format!("type=image,name={name}"),
            Out::Push => format!("type=image,name={name},push=true"),
            Out::DockerTar => format!("type=docker,dest={}", s(&dir.join(format!("d{i}.tar")))),
            Out::Oci => format!("type=oci,dest={}", s(&dir.join(format!("o{i}.tar")))),
            Out::Tar => format!("type=tar,dest={}", s(&dir.join(format!("t{i}.tar")))),
            Out::Local => format!("type=local,dest={}", s(&dir.join(format!("l{i}")))),
        }
    }

    #[track_caller]
    fn check(self, t: &Target, dir: &Path, repo: &str, tag: &str, i: usize, nonce: &str) {
        let what = format!("{} on {}", self.spec(dir, repo, tag, i), t.name);
        match self {
            Out::Image => {
                if t.docker {
                    let name = format!("{}/{repo}:{tag}", registry());
                    let ok = Command::new("docker")
                        .args(["image", "inspect", &name])
                        .stdout(Stdio::null())
                        .status()
                        .expect("docker CLI")
                        .success();
                    assert!(ok, "{what}: image not in Docker's store");
                    let _ = Command::new("docker").args(["image", "rm", &name]).output();
                }
                // buildkitd keeps an unpushed image only in its own store.
            }
            Out::Push => assert!(registry_has(repo, tag), "{what}: not in the registry"),
            Out::DockerTar => {
                let tar = dir.join(format!("d{i}.tar"));
                assert!(
                    tar_list(&tar).iter().any(|m| m == "manifest.json"),
                    "{what}"
                );
            }
            Out::Oci => {
                let tar = dir.join(format!("o{i}.tar"));
                let members = tar_list(&tar);
                assert!(
                    members.iter().any(|m| m == "oci-layout"),
                    "{what}: {members:?}"
                );
                let index: serde_json::Value =
                    serde_json::from_str(&tar_file(&tar, "index.json")).expect("index.json");
                assert!(
                    index["manifests"].as_array().is_some_and(|m| !m.is_empty()),
                    "{what}: {index}"
                );
            }
            Out::Tar => {
                let tar = dir.join(format!("t{i}.tar"));
                assert_eq!(tar_file(&tar, "hello").trim(), nonce, "{what}");
            }
            Out::Local => {
                let got = std::fs::read_to_string(dir.join(format!("l{i}/hello")))
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_eq!(got.trim(), nonce, "{what}");
            }
        }
    }
}

/// Exactly what `scripts/frontend-image.sh --push … --oci …` asks for: the
/// image is pushed and the OCI tarball written by one build. The file output
/// is the engine's exporter 1; it used to fail with "exporter 1 not found".
#[test]
fn pushed_image_and_oci_tarball_in_one_build() {
    for t in targets() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let nonce = unique("n");
        context(tmp.path(), &nonce);
        let out = tmp.path().join("out");
        std::fs::create_dir(&out).expect("out dir");
        let (repo, tag) = ("strata-e2e/multi-export", unique("t"));
        let specs = [Out::Push, Out::Oci];
        let mut args = Vec::new();
        for (i, o) in specs.iter().enumerate() {
            args.extend(["-o".to_string(), o.spec(&out, repo, &tag, i)]);
        }
        let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
        argv.push(s(tmp.path()));
        let r = build(&t, &argv);
        assert_eq!(r.code, 0, "{}: {}", t.name, r.stderr);
        for (i, o) in specs.iter().enumerate() {
            o.check(&t, &out, repo, &tag, i, &nonce);
        }
        let mut left: Vec<String> = std::fs::read_dir(&out)
            .expect("read out")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["o1.tar"], "{}: staging leftovers", t.name);
    }
}

/// Every output alone, and pairs in both orders of image-like and file
/// outputs, so file outputs sit at exporter ids 0 and 1 and after images.
#[test]
fn every_output_alone_and_in_pairs() {
    use Out::*;
    let combos: &[&[Out]] = &[
        &[Image],
        &[Push],
        &[DockerTar],
        &[Oci],
        &[Tar],
        &[Local],
        &[Image, Tar],
        &[Local, Push],
        &[Tar, Local],
        &[Oci, DockerTar],
        &[Push, Local, Tar],
    ];
    for t in targets() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let nonce = unique("n");
        context(tmp.path(), &nonce);
        for (n, specs) in combos.iter().enumerate() {
            let out = tmp.path().join(format!("out{n}"));
            std::fs::create_dir(&out).expect("out dir");
            let (repo, tag) = ("strata-e2e/outputs", unique("t"));
            let mut args = Vec::new();
            for (i, o) in specs.iter().enumerate() {
                args.extend(["-o".to_string(), o.spec(&out, repo, &tag, i)]);
            }
            let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
            argv.push(s(tmp.path()));
            let r = build(&t, &argv);
            assert_eq!(r.code, 0, "{} with {specs:?}: {}", t.name, r.stderr);
            for (i, o) in specs.iter().enumerate() {
                o.check(&t, &out, repo, &tag, i, &nonce);
            }
        }
    }
}

/// `COPY --chmod=u+x,go-w` is decided by what the engine's file op does,
/// measured with the engine's own frontend on the same engine: where it
/// gives the symbolic mode (BuildKit ≥ 0.17) strata builds the same file
/// mode; where it does not (Docker Engine 26's BuildKit 0.13 leaves the file
/// as it was) strata refuses at the line instead of differing silently.
#[test]
fn symbolic_chmod_matches_the_engines_own_frontend() {
    for t in targets() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let ctx = tmp.path().join("ctx");
        std::fs::create_dir(&ctx).expect("ctx");
        std::fs::write(
            ctx.join("Dockerfile"),
            "FROM busybox\nCOPY --chmod=u+x,go-w run.sh /run.sh\n",
        )
        .expect("Dockerfile");
        let script = ctx.join("run.sh");
        std::fs::write(&script, format!("echo {}\n", unique("n"))).expect("run.sh");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o646)).expect("chmod");

        let upstream = tmp.path().join("upstream");
        let r = build(
            &t,
            &[
                "--frontend",
                "dockerfile.v0",
                "-o",
                &format!("type=local,dest={}", s(&upstream)),
                s(&ctx),
            ],
        );
        let upstream_mode = (r.code == 0)
            .then(|| std::fs::metadata(upstream.join("run.sh")).ok())
            .flatten()
            .map(|m| m.permissions().mode() & 0o7777);

        let ours = tmp.path().join("ours");
        let r = build(
            &t,
            &["-o", &format!("type=local,dest={}", s(&ours)), s(&ctx)],
        );
        if upstream_mode == Some(0o744) {
            assert_eq!(r.code, 0, "{}: {}", t.name, r.stderr);
            let mode = std::fs::metadata(ours.join("run.sh"))
                .expect("run.sh in the output")
                .permissions()
                .mode()
                & 0o7777;
            assert_eq!(mode, 0o744, "{}: u+x,go-w on 0646", t.name);
        } else {
            assert_eq!(
                r.code,
                2,
                "{}: the engine's frontend gave mode {:?}; strata must refuse: {}",
                t.name,
                upstream_mode.map(|m| format!("{m:o}")),
                r.stderr
            );
            assert!(
                r.stderr.contains("symbolic --chmod needs BuildKit 0.17"),
                "{}: {}",
                t.name,
                r.stderr
            );
            assert!(!ours.exists(), "{}: output left by a refused build", t.name);
        }
    }
}

/// `FROM scratch` alone for two platforms: every platform's result is empty.
/// Each must reach the engine as an empty ref; BuildKit 0.13 (Docker Engine
/// 26) used to crash on the map entry prost left off the wire.
#[test]
fn empty_results_for_several_platforms() {
    for t in targets() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("Dockerfile"), "FROM scratch\n").expect("write");
        let tar = tmp.path().join("out.tar");
        let spec = format!("type=oci,dest={}", s(&tar));
        let r = build(
            &t,
            &[
                "--platform",
                "linux/arm64,linux/amd64",
                "-o",
                &spec,
                s(tmp.path()),
            ],
        );
        assert!(
            !r.stderr.contains("transport error") && !r.stderr.contains("broken pipe"),
            "{}: the connection dropped: {}",
            t.name,
            r.stderr
        );
        if t.docker {
            // Without the containerd image store Docker Engine refuses
            // several platforms in one image; its own frontend does too.
            assert!(
                r.code == 0 || r.stderr.contains("multiple references"),
                "{}: {}",
                t.name,
                r.stderr
            );
            let alive = Command::new("docker")
                .args(["version", "--format", "{{.Server.Version}}"])
                .output()
                .expect("docker");
            assert!(alive.status.success(), "{}: the engine went away", t.name);
        } else {
            assert_eq!(r.code, 0, "{}: {}", t.name, r.stderr);
            let index = tar_file(&tar, "index.json");
            let v: serde_json::Value = serde_json::from_str(&index).expect("index.json");
            let digest = v["manifests"][0]["digest"]
                .as_str()
                .expect("an index entry");
            let blob = format!("blobs/sha256/{}", digest.trim_start_matches("sha256:"));
            let nested: serde_json::Value =
                serde_json::from_str(&tar_file(&tar, &blob)).expect("the image index");
            let mut archs: Vec<&str> = nested["manifests"]
                .as_array()
                .expect("manifests")
                .iter()
                .filter_map(|m| m["platform"]["architecture"].as_str())
                .collect();
            archs.sort();
            assert_eq!(archs, ["amd64", "arm64"], "{}: {nested}", t.name);
        }
    }
}
