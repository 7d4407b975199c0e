//! End-to-end tests of the `strata build` CLI against the real engine that
//! `scripts/testbed.sh up` brings up (`source /var/lib/strata-testbed/env`).
//!
//! Tests that need the engine print `SKIPPED` and return when
//! `STRATA_TESTBED` is unset (they fail instead under CI and
//! `scripts/test.sh`, see `tests/common`); when it is set they must reach
//! the engine and fail loudly otherwise. Input errors and the unreachable-engine case need no
//! engine and always run. The apps built live in `testdata/apps/`.

mod common;
use common::{registry, unique};

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

fn app(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/apps")
        .join(name)
}

/// What a `strata` run left behind.
struct Run {
    code: i32,
    stderr: String,
}

impl Run {
    #[track_caller]
    fn ok(self) -> Run {
        assert_eq!(self.code, 0, "strata build failed:\n{}", self.stderr);
        self
    }
}

fn strata_cmd(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_strata"));
    cmd.args(args).stdin(Stdio::null());
    cmd
}

fn run_cmd(mut cmd: Command) -> Run {
    let out = cmd.output().expect("run strata");
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `strata build ARGS…` (network none for RUN steps, as the testbed needs).
fn build(args: &[&str]) -> Run {
    let mut all = vec!["build", "--network", "none", "--progress", "plain"];
    all.extend_from_slice(args);
    run_cmd(strata_cmd(&all))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn tar_list(tar: &Path) -> Vec<String> {
    let out = Command::new("tar")
        .arg("-tf")
        .arg(tar)
        .output()
        .expect("run tar");
    assert!(
        out.status.success(),
        "tar -tf {}: {}",
        tar.display(),
        String::from_utf8_lossy(&out.stderr)
    );
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
        .expect("run tar");
    assert!(
        out.status.success(),
        "tar -xOf {} {member}: {}",
        tar.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn docker(args: &[&str]) -> String {
    let out = Command::new("docker")
        .args(args)
        .output()
        .expect("run the docker CLI");
    assert!(
        out.status.success(),
        "docker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Entries of a directory, sorted (to check for leftovers).
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

// ---------------------------------------------------------------- outputs

/// The same build exported as a local directory and as a tarball: both hold
/// the multi-stage result, and `.dockerignore` (with a `!` re-include)
/// decided what `COPY . .` saw.
#[test]
fn local_and_tar_outputs_hold_the_result() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("out");
    let tar = tmp.path().join("out.tar");
    build(&[
        "-o",
        &format!("type=local,dest={}", s(&dir)),
        "-o",
        &format!("type=tar,dest={}", s(&tar)),
        s(&app("hello")),
    ])
    .ok();

    assert_eq!(
        read(&dir.join("app/greeting.txt")),
        "hello from the builder\n"
    );
    assert_eq!(read(&dir.join("app/src/main.sh")), "echo hello\n");
    assert_eq!(read(&dir.join("app/keep.log")), "kept\n");
    assert!(
        dir.join("bin/busybox").exists() || dir.join("bin/sh").exists(),
        "no busybox in the local output"
    );
    // What `COPY . .` saw in the builder stage.
    let listing = read(&dir.join("app/listing.txt"));
    assert_eq!(
        lines(&listing),
        [
            ".dockerignore",
            "Dockerfile",
            "README.md",
            "keep.log",
            "src"
        ],
        "context after .dockerignore"
    );

    let members = tar_list(&tar);
    for want in [
        "app/greeting.txt",
        "app/listing.txt",
        "app/src/main.sh",
        "app/src/lib.txt",
        "app/keep.log",
    ] {
        assert!(
            members.iter().any(|m| m == want),
            "{want} missing from the tar: {members:?}"
        );
    }
    assert!(
        !members
            .iter()
            .any(|m| m.ends_with("debug.log") || m.ends_with("secret-notes.txt")),
        "ignored files in the tar"
    );
    assert_eq!(
        tar_file(&tar, "app/greeting.txt"),
        "hello from the builder\n"
    );
    assert_eq!(entries(tmp.path()), ["out", "out.tar"], "staging leftovers");
}

/// `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context's `.dockerignore`.
#[test]
fn dockerfile_specific_ignore_file_wins() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("out");
    let ctx = app("ignorefile");
    build(&[
        "-f",
        s(&ctx.join("build.Dockerfile")),
        "-o",
        &format!("type=local,dest={}", s(&dir)),
        s(&ctx),
    ])
    .ok();
    let listing = read(&dir.join("listing.txt"));
    let seen = lines(&listing);
    assert!(
        seen.contains(&"data.txt"),
        ".dockerignore (*.txt) was applied although build.Dockerfile.dockerignore exists: {seen:?}"
    );
    assert!(
        !seen.contains(&"notes.md"),
        "build.Dockerfile.dockerignore was not applied: {seen:?}"
    );
    assert!(seen.contains(&"keep.md"), "{seen:?}");
}

/// `type=docker` loads into the engine's store with the config upstream
/// would write: Cmd, WorkingDir, labels, platform, and the default PATH
/// on a base image (the testbed's imported debian) that has no Env.
#[test]
fn docker_load_writes_the_image_config() {
    if !common::testbed() {
        return;
    }
    let name = format!("strata-e2e-debian:{}", unique("t"));
    build(&[
        "--platform",
        "linux/amd64",
        "--label",
        "org.example.built-by=strata-e2e",
        "-o",
        &format!("type=docker,name={name}"),
        s(&app("debian")),
    ])
    .ok();
    let inspect: serde_json::Value =
        serde_json::from_str(&docker(&["image", "inspect", &name])).expect("inspect json");
    let _ = Command::new("docker").args(["image", "rm", &name]).output();
    let image = &inspect[0];
    let config = &image["Config"];
    assert_eq!(config["Cmd"], serde_json::json!(["./hello.sh"]), "{config}");
    assert_eq!(config["WorkingDir"], "/srv/app", "{config}");
    let env: Vec<&str> = config["Env"]
        .as_array()
        .expect("Env")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        env.contains(&"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        "no default PATH: {env:?}"
    );
    assert_eq!(
        config["Labels"]["org.example.built-by"], "strata-e2e",
        "{config}"
    );
    assert_eq!(image["Os"], "linux");
    assert_eq!(image["Architecture"], "amd64");
}

/// `type=image,push=true` pushes to the registry; the manifest fetched back
/// refers to the config digest that `--metadata-file` reports.
#[test]
fn image_is_pushed_and_metadata_names_it() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let repo = "strata-e2e/hello";
    let tag = unique("t");
    let name = format!("{}/{repo}:{tag}", registry());
    let meta = tmp.path().join("meta.json");
    build(&[
        "-o",
        &format!("type=image,name={name},push=true"),
        "--metadata-file",
        s(&meta),
        s(&app("hello")),
    ])
    .ok();

    let metadata: serde_json::Value = serde_json::from_str(&read(&meta)).expect("metadata json");
    let digest = metadata["containerimage.digest"]
        .as_str()
        .unwrap_or_else(|| panic!("no containerimage.digest: {metadata}"));
    assert!(
        digest.starts_with("sha256:") && digest.len() == 71,
        "{digest}"
    );

    let out = Command::new("curl")
        .args(["-sSf", "-H", "Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"])
        .arg(format!("http://{}/v2/{repo}/manifests/{tag}", registry()))
        .output()
        .expect("run curl");
    assert!(
        out.status.success(),
        "manifest fetch failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest: serde_json::Value = serde_json::from_slice(&out.stdout).expect("manifest json");
    assert_eq!(manifest["schemaVersion"], 2, "{manifest}");
    let config_digest = manifest["config"]["digest"]
        .as_str()
        .expect("config digest");
    let reported = metadata["containerimage.config.digest"]
        .as_str()
        .unwrap_or(digest);
    assert_eq!(
        config_digest, reported,
        "registry manifest and metadata disagree"
    );
    assert!(
        manifest["layers"].as_array().is_some_and(|l| !l.is_empty()),
        "{manifest}"
    );
    let _ = Command::new("docker").args(["image", "rm", &name]).output();
}

/// `type=oci,dest=` and `type=docker,dest=` write loadable tarballs.
#[test]
fn oci_and_docker_tarballs() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let oci = tmp.path().join("image-oci.tar");
    let dock = tmp.path().join("image-docker.tar");
    build(&[
        "-o",
        &format!("type=oci,dest={}", s(&oci)),
        s(&app("hello")),
    ])
    .ok();
    build(&[
        "-o",
        &format!("type=docker,dest={}", s(&dock)),
        s(&app("hello")),
    ])
    .ok();
    let members = tar_list(&oci);
    assert!(members.iter().any(|m| m == "index.json"), "{members:?}");
    assert!(members.iter().any(|m| m == "oci-layout"), "{members:?}");
    assert!(
        members.iter().any(|m| m.starts_with("blobs/sha256/")),
        "{members:?}"
    );
    let index: serde_json::Value =
        serde_json::from_str(&tar_file(&oci, "index.json")).expect("index.json");
    assert!(
        index["manifests"].as_array().is_some_and(|m| !m.is_empty()),
        "{index}"
    );
    assert!(
        tar_list(&dock).iter().any(|m| m == "manifest.json"),
        "docker tarball has no manifest.json"
    );
    assert_eq!(
        entries(tmp.path()),
        ["image-docker.tar", "image-oci.tar"],
        "staging leftovers"
    );
}

/// Every path below `root` (directories end in `/`, symlinks show their
/// target) with each file's content: the whole state of an output directory.
fn snapshot(root: &Path) -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            let md = std::fs::symlink_metadata(&p).unwrap();
            if md.is_dir() {
                out.push((format!("{rel}/"), String::new()));
                walk(root, &p, out);
            } else if md.file_type().is_symlink() {
                let target = std::fs::read_link(&p).unwrap();
                out.push((rel, format!("-> {}", target.display())));
            } else {
                out.push((rel, read(&p)));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn put(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// `-o type=local,dest=DIR` into a directory that holds the user's files:
/// like upstream's local exporter it merges file by file. Files the output
/// has are replaced, the output's new files appear, and everything else,
/// also inside directories the output shares (`src/`), stays.
#[test]
fn local_output_merges_into_an_existing_directory() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let token = unique("merge");
    let ctx = tmp.path().join("ctx");
    put(&ctx.join("Dockerfile"), "FROM scratch\nCOPY tree/ /\n");
    put(&ctx.join("tree/src/main.txt"), &format!("new {token}\n"));
    put(&ctx.join("tree/src/gen/made.txt"), "generated\n");
    put(&ctx.join("tree/top.txt"), "top\n");
    let dest = tmp.path().join("dest");
    put(&dest.join("src/keep.txt"), "the user's\n");
    put(&dest.join("src/main.txt"), "old\n");
    put(&dest.join("other/deep/x"), "x\n");
    build(&["-o", &format!("type=local,dest={}", s(&dest)), s(&ctx)]).ok();

    let got = snapshot(&dest);
    let want: Vec<(String, String)> = [
        ("other/", ""),
        ("other/deep/", ""),
        ("other/deep/x", "x\n"),
        ("src/", ""),
        ("src/gen/", ""),
        ("src/gen/made.txt", "generated\n"),
        ("src/keep.txt", "the user's\n"),
        ("src/main.txt", &format!("new {token}\n")),
        ("top.txt", "top\n"),
    ]
    .iter()
    .map(|(p, c)| (p.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want, "destination after the merge");
    assert_eq!(entries(tmp.path()), ["ctx", "dest"], "staging leftovers");
}

/// A failing step leaves every kind of output as it was: no file output
/// appears, an existing output directory keeps exactly its files, output
/// directories the build would have created are not created, and no
/// temporary names are left anywhere.
#[test]
fn failing_build_leaves_every_output_as_it_was() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = tmp.path().join("ctx");
    put(
        &ctx.join("Dockerfile"),
        &format!(
            "FROM busybox\nRUN echo {} > /made\nRUN false\n",
            unique("fail")
        ),
    );
    let out = tmp.path().join("out");
    put(&out.join("dir/src/keep.txt"), "the user's\n");
    put(&out.join("dir/made"), "old\n");
    let before = snapshot(&out);
    let r = build(&[
        "-o",
        &format!("type=local,dest={}", s(&out.join("dir"))),
        "-o",
        &format!("type=tar,dest={}", s(&out.join("new/sub/out.tar"))),
        "-o",
        &format!("type=oci,dest={}", s(&out.join("oci.tar"))),
        s(&ctx),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(snapshot(&out), before, "a failed build changed the outputs");
}

/// A post-export step failing (the push, done through the Docker API after
/// the solve on Docker Engine) fails the build, and the file output already
/// written for it (`docker save` into the staged name) does not appear.
#[test]
fn failed_push_after_export_leaves_no_file_output() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = tmp.path().join("ctx");
    let token = unique("nopush");
    put(&ctx.join("Dockerfile"), "FROM busybox\nCOPY f /f\n");
    put(&ctx.join("f"), &token);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // Nothing listens on port 1: the push cannot succeed.
    let image = format!("127.0.0.1:1/strata-e2e/nopush:{token}");
    let r = build(&[
        "-o",
        &format!("type=oci,dest={}", s(&out.join("image.tar"))),
        "-o",
        &format!("type=image,name={image},push=true"),
        s(&ctx),
    ]);
    let _ = Command::new("docker")
        .args(["image", "rm", &image])
        .output();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&image),
        "the push is not named:\n{}",
        r.stderr
    );
    assert_eq!(
        entries(&out),
        Vec::<String>::new(),
        "output after a failed push"
    );
}

/// A small tmpfs, unmounted when dropped (also when the test fails).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let unmounted = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !unmounted {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// Each kind of file and directory output on a full disk (a 256 KiB tmpfs,
/// smaller than busybox): the build fails with an error that names the
/// output's path and says the disk is full, and nothing is left on the disk.
#[test]
fn full_disk_names_the_output_and_leaves_nothing() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let Some(full) = Tmpfs::mount(&tmp.path().join("full"), "256k") else {
        common::skip("cannot mount a tmpfs (needs root)");
        return;
    };
    let ctx = tmp.path().join("ctx");
    put(&ctx.join("Dockerfile"), "FROM busybox\nCOPY f /f\n");
    put(&ctx.join("f"), &unique("full"));
    for (kind, name) in [("tar", "out.tar"), ("oci", "oci.tar"), ("local", "dir")] {
        let dest = full.0.join(name);
        let r = build(&["-o", &format!("type={kind},dest={}", s(&dest)), s(&ctx)]);
        assert_eq!(r.code, 1, "type={kind}: {}", r.stderr);
        let last = r
            .stderr
            .lines()
            .rfind(|l| l.starts_with("error:"))
            .unwrap_or_else(|| panic!("type={kind}: no error line:\n{}", r.stderr));
        assert!(
            last.contains(s(&dest)) && last.contains("No space left on device"),
            "type={kind}: the error does not name the output and the cause: {last}"
        );
        assert_eq!(
            entries(&full.0),
            Vec::<String>::new(),
            "type={kind}: left on the full disk"
        );
    }
}

// ---------------------------------------------------------------- secrets

fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// A file secret is readable in `RUN --mount=type=secret` and absent from the result.
#[test]
fn file_secret_is_mounted_and_not_exported() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let value = unique("s3cr3t-value-");
    let src = tmp.path().join("tok.txt");
    std::fs::write(&src, &value).expect("write secret");
    let tar = tmp.path().join("out.tar");
    build(&[
        "--no-cache",
        "--target",
        "file",
        "--secret",
        &format!("id=tok,src={}", s(&src)),
        "-o",
        &format!("type=tar,dest={}", s(&tar)),
        s(&app("secrets")),
    ])
    .ok();
    assert_eq!(
        tar_file(&tar, "tok.sha256").trim(),
        sha256_hex(value.as_bytes())
    );
    assert_eq!(tar_file(&tar, "tok.len").trim(), value.len().to_string());
    let bytes = std::fs::read(&tar).expect("read tar");
    assert!(
        !bytes.windows(value.len()).any(|w| w == value.as_bytes()),
        "the secret's value is in the exported filesystem"
    );
    assert!(
        !tar_list(&tar)
            .iter()
            .any(|m| m.starts_with("run/secrets/tok")),
        "the secret's mount point was exported"
    );
}

/// `env=VAR` reads the secret from strata's environment.
#[test]
fn env_secret_is_mounted() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let value = unique("env-secret-");
    let dir = tmp.path().join("out");
    let mut cmd = strata_cmd(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "--no-cache",
        "--target",
        "env",
        "--secret",
        "id=envtok,env=STRATA_E2E_TOKEN",
        "-o",
        &format!("type=local,dest={}", s(&dir)),
        s(&app("secrets")),
    ]);
    cmd.env("STRATA_E2E_TOKEN", &value);
    run_cmd(cmd).ok();
    assert_eq!(
        read(&dir.join("envtok.sha256")).trim(),
        sha256_hex(value.as_bytes())
    );
}

#[test]
fn missing_secret_file_is_bad_input() {
    // Checked before any engine is contacted: runs without the testbed too.
    let r = run_cmd(strata_cmd(&[
        "build",
        "--addr",
        "unix:///nonexistent/strata.sock",
        "--secret",
        "id=tok,src=/nonexistent/strata/tok.txt",
        s(&app("secrets")),
    ]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("id=tok") && r.stderr.contains("/nonexistent/strata/tok.txt"),
        "{}",
        r.stderr
    );
}

#[test]
fn required_secret_not_given_fails_the_build() {
    if !common::testbed() {
        return;
    }
    let r = build(&["--no-cache", "--target", "file", s(&app("secrets"))]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("tok"),
        "the error does not name the secret:\n{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- faults

#[test]
fn missing_context_and_dockerfile_are_bad_input() {
    let r = build(&["/nonexistent/strata/context"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("/nonexistent/strata/context"),
        "{}",
        r.stderr
    );

    let tmp = tempfile::tempdir().expect("tempdir");
    let r = build(&[s(tmp.path())]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("Dockerfile"), "{}", r.stderr);
}

#[test]
fn malformed_dockerfile_names_line_and_column() {
    let r = build(&[s(&app("malformed"))]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("Dockerfile:2:1"),
        "no location:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("FORM busybox"),
        "the line is not shown:\n{}",
        r.stderr
    );
}

/// A failing RUN exits 1, names the step and its Dockerfile line, and
/// leaves no output file and no partial file behind.
#[test]
fn failing_step_leaves_no_output() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let tar = tmp.path().join("out.tar");
    let r = build(&[
        "--no-cache",
        "-o",
        &format!("type=tar,dest={}", s(&tar)),
        s(&app("fail")),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("echo failing on purpose && exit 7"),
        "the step is not named:\n{}",
        r.stderr
    );
    assert!(r.stderr.contains("exit code: 7"), "{}", r.stderr);
    assert!(
        r.stderr.contains("Dockerfile:3"),
        "the Dockerfile line is not named:\n{}",
        r.stderr
    );
    assert!(!tar.exists(), "a failed build left {}", tar.display());
    assert_eq!(
        entries(tmp.path()),
        Vec::<String>::new(),
        "leftovers in the output directory"
    );
}

/// A base image the registry cannot serve is the registry's failure, not the
/// Dockerfile's: exit 1 (not 2), naming the image, the registry and what the
/// engine ran into. Port 1 on loopback has nothing listening; the second
/// image does not exist in the testbed's registry.
#[test]
fn unreachable_registry_fails_the_build_and_names_it() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("Dockerfile"),
        "FROM 127.0.0.1:1/nothing:latest\nRUN true\n",
    )
    .expect("write");
    let r = build(&[s(tmp.path())]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("failed to resolve source metadata for 127.0.0.1:1/nothing:latest from registry 127.0.0.1:1"),
        "the image and registry are not named:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("connection refused"),
        "what failed is not said:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("1 | FROM 127.0.0.1:1/nothing:latest"),
        "the line naming the image is not shown:\n{}",
        r.stderr
    );

    let missing = format!("{}/{}:latest", registry(), unique("strata-missing-"));
    std::fs::write(tmp.path().join("Dockerfile"), format!("FROM {missing}\n")).expect("write");
    let r = build(&[s(tmp.path())]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("from registry {}", registry())) && r.stderr.contains(&missing),
        "the image and registry are not named:\n{}",
        r.stderr
    );
}

/// Without the testbed an engine test skips on a developer's machine but
/// fails under CI and `scripts/test.sh`, so a broken testbed cannot pass
/// silently. Runs one engine test of this very binary in each setting.
#[test]
fn missing_testbed_fails_engine_tests_under_ci() {
    let run = |env: &[(&str, &str)]| {
        let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
        cmd.args(["--exact", "target_and_build_arg", "--nocapture"])
            .env_remove("STRATA_TESTBED")
            .env_remove("STRATA_REQUIRE_ENGINE")
            .env_remove("CI");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run the test binary");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    };
    let (passed, text) = run(&[]);
    assert!(
        passed && text.contains("SKIPPED: STRATA_TESTBED is unset"),
        "{text}"
    );
    let (passed, text) = run(&[("STRATA_REQUIRE_ENGINE", "1")]);
    assert!(
        !passed && text.contains("requires the engine testbed"),
        "{text}"
    );
    let (passed, text) = run(&[("CI", "true")]);
    assert!(
        !passed && text.contains("requires the engine testbed"),
        "{text}"
    );
    let (passed, text) = run(&[("CI", "true"), ("STRATA_REQUIRE_ENGINE", "0")]);
    assert!(passed && text.contains("SKIPPED"), "{text}");
}

#[test]
fn unreachable_engine_lists_what_was_tried() {
    let r = run_cmd(strata_cmd(&[
        "build",
        "--addr",
        "unix:///nonexistent.sock",
        s(&app("hello")),
    ]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains("unix:///nonexistent.sock"),
        "{}",
        r.stderr
    );
    // It says how to name an engine, and where the testbed's settings are.
    assert!(
        r.stderr.contains("hint:") && r.stderr.contains("BUILDKIT_HOST"),
        "{}",
        r.stderr
    );
    let testbed = tempfile::tempdir().unwrap();
    std::fs::write(testbed.path().join("env"), "").unwrap();
    let mut cmd = strata_cmd(&["du", "--addr", "unix:///nonexistent.sock"]);
    cmd.env("STRATA_TESTBED_DIR", testbed.path());
    let r = run_cmd(cmd);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("source {}", testbed.path().join("env").display())),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- build options

/// `--target` stops at a stage; `--build-arg` reaches its ARG.
#[test]
fn target_and_build_arg() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("out");
    build(&[
        "--target",
        "builder",
        "--build-arg",
        "GREETING=bonjour",
        "-o",
        &format!("type=local,dest={}", s(&dir)),
        s(&app("hello")),
    ])
    .ok();
    assert_eq!(
        read(&dir.join("greeting.txt")),
        "bonjour from the builder\n"
    );
    assert!(
        dir.join("src/Dockerfile").exists(),
        "builder stage's /src is missing"
    );
    assert!(
        !dir.join("app").exists(),
        "the app stage was built although --target builder"
    );
}

/// The plain-progress state (`CACHED` or not) of the vertex whose name contains `step`.
fn step_cached(plain: &str, step: &str) -> bool {
    let id = plain
        .lines()
        .find_map(|l| {
            l.strip_prefix('#')
                .and_then(|rest| rest.split_once(' '))
                .filter(|(_, name)| name.contains(step))
                .map(|(id, _)| id.to_string())
        })
        .unwrap_or_else(|| panic!("no vertex {step:?} in the progress:\n{plain}"));
    plain.lines().any(|l| l.trim() == format!("#{id} CACHED"))
}

#[test]
fn no_cache_reruns_steps() {
    if !common::testbed() {
        return;
    }
    let ctx = app("hello");
    let step = "RUN echo \"hello from the builder\"";
    build(&[s(&ctx)]).ok();
    let warm = build(&[s(&ctx)]).ok();
    assert!(
        step_cached(&warm.stderr, step),
        "second build did not use the cache:\n{}",
        warm.stderr
    );
    let cold = build(&["--no-cache", s(&ctx)]).ok();
    assert!(
        !step_cached(&cold.stderr, step),
        "--no-cache build still cached the RUN:\n{}",
        cold.stderr
    );
}

#[test]
fn rawjson_progress_is_json_lines() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let r = run_cmd(strata_cmd(&[
        "build",
        "--network",
        "none",
        "--progress",
        "rawjson",
        "-o",
        &format!("type=local,dest={}", s(&tmp.path().join("out"))),
        s(&app("hello")),
    ]))
    .ok();
    let mut vertexes = 0;
    for line in lines(&r.stderr) {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        vertexes += v["vertexes"].as_array().map_or(0, Vec::len);
    }
    assert!(vertexes > 0, "no vertexes reported:\n{}", r.stderr);
}

/// The engine's own Dockerfile frontend builds the same app to the same files.
#[test]
fn engine_frontend_builds_the_same_app() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let ours = tmp.path().join("ours");
    let theirs = tmp.path().join("theirs");
    build(&[
        "-o",
        &format!("type=local,dest={}", s(&ours)),
        s(&app("hello")),
    ])
    .ok();
    build(&[
        "--frontend",
        "dockerfile.v0",
        "-o",
        &format!("type=local,dest={}", s(&theirs)),
        s(&app("hello")),
    ])
    .ok();
    for f in [
        "app/greeting.txt",
        "app/listing.txt",
        "app/src/main.sh",
        "app/keep.log",
    ] {
        assert_eq!(
            read(&ours.join(f)),
            read(&theirs.join(f)),
            "{f} differs between strata and dockerfile.v0"
        );
    }
}

/// `--ssh default` forwards `$SSH_AUTH_SOCK` to `RUN --mount=type=ssh`.
#[test]
fn ssh_agent_is_forwarded() {
    if !common::testbed() {
        return;
    }
    if Command::new("ssh-agent")
        .arg("-h")
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        common::skip("ssh-agent is not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let sock = tmp.path().join("agent.sock");
    let mut agent = Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&sock)
        .stdout(Stdio::null())
        .spawn()
        .expect("start ssh-agent");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !sock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let dir = tmp.path().join("out");
    let mut cmd = strata_cmd(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "--no-cache",
        "--ssh",
        "default",
        "-o",
        &format!("type=local,dest={}", s(&dir)),
        s(&app("ssh")),
    ]);
    cmd.env("SSH_AUTH_SOCK", &sock);
    let r = run_cmd(cmd);
    let _ = agent.kill();
    let _ = agent.wait();
    let r = r.ok();
    assert!(
        read(&dir.join("ssh.txt")).starts_with("agent at /"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- incremental context

/// Bytes the engine reports for `[internal] load build context` ("transferring context: N"),
/// from `--progress rawjson`. Panics when the vertex or its status is missing.
fn context_bytes(rawjson: &str) -> u64 {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut transferred: BTreeMap<String, u64> = BTreeMap::new();
    // Only the progress lines: strata may add a plain note at the end.
    for line in lines(rawjson).into_iter().filter(|l| l.starts_with('{')) {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        for vx in v["vertexes"].as_array().into_iter().flatten() {
            if let (Some(d), Some(n)) = (vx["digest"].as_str(), vx["name"].as_str()) {
                names.insert(d.to_string(), n.to_string());
            }
        }
        for st in v["statuses"].as_array().into_iter().flatten() {
            let id = st["id"].as_str().unwrap_or_default();
            if !id.starts_with("transferring") {
                continue;
            }
            let (Some(vertex), Some(current)) = (st["vertex"].as_str(), st["current"].as_u64())
            else {
                continue;
            };
            let e = transferred.entry(vertex.to_string()).or_default();
            *e = (*e).max(current);
        }
    }
    let context: Vec<u64> = transferred
        .iter()
        .filter(|(vertex, _)| {
            names
                .get(*vertex)
                .is_some_and(|n| n == "[internal] load build context")
        })
        .map(|(_, bytes)| *bytes)
        .collect();
    assert!(
        !context.is_empty(),
        "no 'transferring context' status on [internal] load build context:\n{rawjson}"
    );
    context.iter().sum()
}

const FILES: usize = 10_000;
const FILE_SIZE: usize = 1024;

/// A 10,000-file context of 1 KiB files (10 MiB of bodies), each file distinct.
fn generate_context(root: &Path) {
    std::fs::write(root.join("Dockerfile"), "FROM busybox\nCOPY . /ctx\n").expect("Dockerfile");
    for d in 0..100 {
        let dir = root.join(format!("d{d:03}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        for f in 0..FILES / 100 {
            let mut body = format!("file {d}/{f}\n").into_bytes();
            body.resize(FILE_SIZE, b'x');
            std::fs::write(dir.join(format!("f{f:03}.txt")), body).expect("write");
        }
    }
}

/// Builds `ctx` with `--progress rawjson`; returns the context bytes the engine reported.
fn context_transfer(ctx: &Path) -> u64 {
    let r = run_cmd(strata_cmd(&[
        "build",
        "--network",
        "none",
        "--progress",
        "rawjson",
        s(ctx),
    ]))
    .ok();
    context_bytes(&r.stderr)
}

/// Bytes of stat metadata an unchanged context may still move: the engine's
/// count includes the stat packets (~33 B a file here, ~330 KB in all);
/// the file bodies would add 10 MiB.
const STAT_BUDGET: u64 = (FILES * 100) as u64;

/// The second build of an unchanged context, started right after the first,
/// sends stat metadata but no file bodies; changing one file sends about that
/// one body. (This caught the `.dockerignore` load sharing the context's
/// cached copy: it emptied it, and every rebuild re-sent the whole context.)
#[test]
fn unchanged_context_is_not_transferred_again() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).expect("mkdir");
    generate_context(&ctx);
    let bodies = (FILES * FILE_SIZE) as u64;
    let first = context_transfer(&ctx);
    let second = context_transfer(&ctx);
    eprintln!(
        "context transfer: first {first} B, unchanged {second} B ({FILES} files, {bodies} B of bodies)"
    );
    assert!(
        first >= bodies,
        "first build transferred {first} B, less than the {bodies} B of file bodies"
    );
    assert!(
        second <= STAT_BUDGET,
        "unchanged context transferred {second} B, more than stat metadata (first build: {first} B)"
    );

    let changed = ctx.join("d042/f007.txt");
    let mut body = b"changed\n".to_vec();
    body.resize(FILE_SIZE * 4, b'y');
    std::fs::write(&changed, &body).expect("change one file");
    let third = context_transfer(&ctx);
    eprintln!("context transfer after changing one file: {third} B");
    assert!(
        third >= body.len() as u64,
        "changed file's body ({} B) was not sent: {third} B",
        body.len()
    );
    assert!(
        third <= STAT_BUDGET + body.len() as u64,
        "one changed file moved {third} B"
    );
}

// ---------------------------------------------------------------- interrupt

/// Processes whose command line contains `needle` (the build's RUN shell).
fn processes_with(needle: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline"))
            && String::from_utf8_lossy(&cmdline).contains(needle)
        {
            found.push(pid);
        }
    }
    found
}

/// SIGINT during a long RUN: strata exits non-zero within seconds, the
/// engine stops the step, no output is left, and the engine builds again.
#[test]
fn ctrl_c_cancels_the_build() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).expect("mkdir");
    let nonce = unique("strata-sigint-");
    std::fs::write(
        ctx.join("Dockerfile"),
        format!("FROM busybox\nRUN sleep 30 && echo {nonce}\n"),
    )
    .expect("Dockerfile");
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let tar = out.join("x.tar");
    let mut child = strata_cmd(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=tar,dest={}", s(&tar)),
        s(&ctx),
    ])
    .stderr(Stdio::piped())
    .spawn()
    .expect("start strata");
    let stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
            .join("\n")
    });

    // Wait until the step's shell runs on the engine.
    let deadline = Instant::now() + Duration::from_secs(60);
    while processes_with(&nonce).is_empty() {
        if Instant::now() > deadline || child.try_wait().expect("try_wait").is_some() {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the RUN step never started:\n{}",
                reader.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let signalled = Instant::now();
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) },
        0
    );
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if signalled.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "strata still running 10 s after SIGINT:\n{}",
                reader.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let took = signalled.elapsed();
    let log = reader.join().unwrap_or_default();
    assert!(!status.success(), "interrupted build exited 0:\n{log}");
    eprintln!("strata exited {status} {took:?} after SIGINT");

    // The engine cancels the step: its shell goes away well before `sleep 30` ends.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !processes_with(&nonce).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the RUN step still runs 10 s after strata exited:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        signalled.elapsed() < Duration::from_secs(25),
        "the step was not cancelled; it ran to completion"
    );
    assert_eq!(
        entries(&out),
        Vec::<String>::new(),
        "an interrupted build left output behind"
    );
    // The engine is still usable.
    build(&[s(&app("hello"))]).ok();
}

/// `--build-context base=docker-image://…` replaces `FROM base`; a directory
/// value is sent as a session local for `COPY --from=src`.
#[test]
fn build_contexts_replace_bases_and_copy_sources() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("ctx");
    let extra = tmp.path().join("somedir");
    std::fs::create_dir_all(&root).expect("ctx");
    std::fs::create_dir_all(extra.join("sub")).expect("somedir");
    std::fs::write(extra.join("sub/hello.txt"), "from the named context\n").expect("hello");
    std::fs::write(
        root.join("Dockerfile"),
        "FROM base\nCOPY --from=src . /x\nRUN cat /x/sub/hello.txt > /x/copied.txt\n",
    )
    .expect("Dockerfile");
    let out = tmp.path().join("out");
    build(&[
        "--build-context",
        "base=docker-image://busybox:latest",
        "--build-context",
        &format!("src={}", s(&extra)),
        "-o",
        &format!("type=local,dest={}", s(&out)),
        s(&root),
    ])
    .ok();
    assert_eq!(
        read(&out.join("x/sub/hello.txt")),
        "from the named context\n"
    );
    assert_eq!(read(&out.join("x/copied.txt")), "from the named context\n");
    assert!(
        out.join("bin/busybox").exists() || out.join("bin/sh").exists(),
        "busybox is the base"
    );
}

#[test]
fn unsupported_build_context_is_an_input_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("Dockerfile"), "FROM base\n").expect("Dockerfile");
    let r = build(&[
        "--build-context",
        "base=oci-layout://store@sha256:abc",
        s(tmp.path()),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--build-context base="), "{}", r.stderr);
}

// ------------------------------------------------------------- cache import

/// Ids of the engine's cache records whose description mentions `needle`.
fn cache_records_mentioning(needle: &str) -> Vec<String> {
    let out = strata_cmd(&["du", "--verbose", "--format", "json"])
        .output()
        .expect("run strata du");
    assert!(
        out.status.success(),
        "strata du: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).expect("du json");
    records
        .as_array()
        .expect("du json is a list")
        .iter()
        .filter(|r| {
            r["description"]
                .as_str()
                .is_some_and(|d| d.contains(needle))
        })
        .map(|r| r["id"].as_str().expect("record id").to_string())
        .collect()
}

/// Drops the local cache of the step that mentions `needle`, so only an
/// imported cache can make it CACHED again.
fn forget_step(needle: &str) {
    let ids = cache_records_mentioning(needle);
    assert!(!ids.is_empty(), "no cache record mentions {needle}");
    for id in ids {
        let out = strata_cmd(&["prune", "--filter", &format!("id=={id}")])
            .output()
            .expect("run strata prune");
        assert!(
            out.status.success(),
            "strata prune: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        cache_records_mentioning(needle),
        Vec::<String>::new(),
        "prune left the record"
    );
}

/// `--cache-to type=inline` on a pushed image, then `--cache-from
/// type=registry` on an engine that has lost that step's cache: the step is
/// CACHED only with the import (the build without it re-runs the step).
#[test]
fn inline_cache_is_imported_from_the_registry() {
    if !common::testbed() {
        return;
    }
    let token = unique("inlinecache");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        format!("FROM busybox\nRUN echo {token} > /token\n"),
    )
    .unwrap();
    let image = format!("{}/strata-e2e-cache:{token}", registry());
    let step = format!("RUN echo {token}");
    build(&[
        "-o",
        &format!("type=image,name={image},push=true"),
        "--cache-to",
        "type=inline",
        s(dir.path()),
    ])
    .ok();
    // The image in Docker's store holds the step's layer; drop it so the
    // engine may prune the step's cache record.
    docker(&["rmi", &image]);
    forget_step(&token);

    let out = tempfile::tempdir().unwrap();
    let without = build(&[
        "-o",
        &format!("type=local,dest={}", s(out.path())),
        s(dir.path()),
    ])
    .ok();
    assert!(
        !step_cached(&without.stderr, &step),
        "the step was cached without an import; the test cannot tell imports apart:\n{}",
        without.stderr
    );
    forget_step(&token);

    let with = build(&[
        "--cache-from",
        &format!("type=registry,ref={image}"),
        "-o",
        &format!("type=local,dest={}", s(out.path())),
        s(dir.path()),
    ])
    .ok();
    assert!(
        step_cached(&with.stderr, &step),
        "the step was not taken from the imported cache:\n{}",
        with.stderr
    );
    assert_eq!(read(&out.path().join("token")).trim(), token);
}

// ------------------------------------------------------- engine disconnects

/// A unix-socket relay to the testbed's Docker socket that can cut every
/// connection at once, like an engine that dies mid-build.
struct SocketRelay {
    path: PathBuf,
    live: std::sync::Arc<std::sync::Mutex<Vec<std::os::unix::net::UnixStream>>>,
}

impl SocketRelay {
    fn start(dir: &Path, upstream: PathBuf) -> SocketRelay {
        use std::os::unix::net::{UnixListener, UnixStream};
        let path = dir.join("relay.sock");
        let listener = UnixListener::bind(&path).expect("bind relay socket");
        let live = std::sync::Arc::new(std::sync::Mutex::new(Vec::<UnixStream>::new()));
        let conns = live.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { return };
                let Ok(engine) = UnixStream::connect(&upstream) else {
                    return;
                };
                {
                    let mut l = conns.lock().unwrap();
                    l.push(client.try_clone().unwrap());
                    l.push(engine.try_clone().unwrap());
                }
                for (mut from, mut to) in [
                    (client.try_clone().unwrap(), engine.try_clone().unwrap()),
                    (engine, client),
                ] {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        SocketRelay { path, live }
    }

    fn cut(&self) {
        for s in self.live.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

/// The engine connection drops while a step runs: strata stops promptly
/// with an error (not a hang, not a success), and writes no output.
#[test]
fn engine_disconnect_mid_build_fails_cleanly() {
    if !common::testbed() {
        return;
    }
    let docker_host = std::env::var("DOCKER_HOST").expect("testbed DOCKER_HOST");
    let socket = PathBuf::from(docker_host.trim_start_matches("unix://"));
    let tmp = tempfile::tempdir().unwrap();
    let relay = SocketRelay::start(tmp.path(), socket);
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).unwrap();
    let token = unique("disconnect");
    std::fs::write(
        ctx.join("Dockerfile"),
        // The output line `TOKEN-2` is distinct from the step's name.
        format!("FROM busybox\nRUN echo {token}-$((1+1)) && sleep 60\n"),
    )
    .unwrap();
    let dest = tmp.path().join("out");
    let mut child = strata_cmd(&[
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
    .stderr(Stdio::piped())
    .spawn()
    .expect("start strata build");
    // Wait until the step runs, then cut the engine off.
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !seen.contains(&format!("{token}-2")) {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("the step never started:\n{seen}"));
        seen.push_str(&line);
        seen.push('\n');
    }
    relay.cut();
    let cut_at = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if cut_at.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("strata did not stop within 30 s of the engine disconnecting:\n{seen}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(1)) {
        seen.push_str(&line);
        seen.push('\n');
    }
    assert!(
        !status.success(),
        "a build cut off from its engine succeeded:\n{seen}"
    );
    assert!(
        seen.lines().any(|l| l.starts_with("error")),
        "no error message after the disconnect:\n{seen}"
    );
    assert!(
        !dest.exists(),
        "a disconnected build left {}",
        dest.display()
    );
}

/// `strata du` takes buildx's filter syntax (the help's own example), and
/// survives a reader that goes away after one line (`strata du | head -1`).
#[test]
fn du_takes_buildx_filters_and_a_closed_pipe() {
    if !common::testbed() {
        return;
    }
    build(&[s(&app("hello"))]).ok();
    let out = strata_cmd(&["du", "--filter", "type=regular", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "du --filter type=regular: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).expect("du json");
    assert!(records.is_array() || records.is_object(), "{records}");

    common::assert_ends_quietly_when_stdout_closes(strata_cmd(&["du", "--verbose"]), "du");
}

/// buildx's spelling works as a buildx user types it: `-t` alone loads
/// into Docker Engine (like buildx's docker driver), `--load -t` does the
/// same explicitly, `--push -t REG/app` pushes, and `--push` without a tag
/// says what is missing.
#[test]
fn buildx_tag_load_and_push_flags() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).unwrap();
    let token = unique("tagflags");
    std::fs::write(
        ctx.join("Dockerfile"),
        format!("FROM busybox\nRUN echo {token} > /token\n"),
    )
    .unwrap();

    // The layers, not the image ID: the build stamps (labels with the
    // build time) make two builds' configs differ.
    let layers = "{{json .RootFS.Layers}}";
    let tagged = format!("strata-e2e-tag:{token}");
    build(&["-t", &tagged, s(&ctx)]).ok();
    let loaded_layers = docker(&["image", "inspect", "--format", layers, &tagged]);
    assert!(loaded_layers.contains("sha256:"), "{loaded_layers}");

    let loaded = format!("strata-e2e-load:{token}");
    build(&["--load", "-t", &loaded, "--pull", s(&ctx)]).ok();
    let again = docker(&["image", "inspect", "--format", layers, &loaded]);
    assert_eq!(loaded_layers, again, "the same build, loaded twice");
    for name in [&tagged, &loaded] {
        let _ = Command::new("docker").args(["image", "rm", name]).output();
    }

    let repo = "strata-e2e-push";
    let pushed = format!("{}/{repo}:{token}", registry());
    build(&["--push", "-t", &pushed, s(&ctx)]).ok();
    let out = Command::new("curl")
        .args(["-sSf", "-o", "/dev/null", "-H", "Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"])
        .arg(format!("http://{}/v2/{repo}/manifests/{token}", registry()))
        .output()
        .expect("run curl");
    assert!(
        out.status.success(),
        "{pushed} is not in the registry: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = Command::new("docker")
        .args(["image", "rm", &pushed])
        .output();

    let run = build(&["--push", s(&ctx)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("-t NAME"), "{}", run.stderr);
}

/// The testbed's Docker Engine has no bridge network (as many CI setups):
/// a RUN step on the default network fails, and the error says what works.
#[test]
fn missing_bridge_network_suggests_network_host() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).unwrap();
    std::fs::write(
        ctx.join("Dockerfile"),
        format!("FROM busybox\nRUN echo {}\n", unique("bridge")),
    )
    .unwrap();
    // scripts/testbed.sh starts dockerd with --bridge=none.
    let run = run_cmd(strata_cmd(&["build", "--progress", "plain", s(&ctx)]));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("network bridge not found"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint:") && run.stderr.contains("--network host"),
        "no hint:\n{}",
        run.stderr
    );
}
