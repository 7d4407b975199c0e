//! A buildx user's muscle memory, end to end on every engine at hand: the
//! testbed's Docker Engine (`STRATA_TESTBED`, what CI runs) and any
//! standalone buildkitd named by `STRATA_BUILDKITD_ADDR` (as in
//! `tests/engines_e2e.rs`; e.g. `unix:///work/ext/state/buildkitd.sock`).
//!
//! - `strata build -t app:dev .`, `--push -t REG/app .`, `--load -t app .`;
//! - `--metadata-file` with buildx's keys for every kind of output,
//!   `--iidfile` and `-q`;
//! - `--add-host`, `--ulimit`, `--shm-size` reaching RUN steps;
//! - `SOURCE_DATE_EPOCH`: a `--no-cache` rebuild gives the same digest
//!   where the engine rewrites file timestamps, and a note says once where
//!   it cannot; `--build-arg GIT_COMMIT` wins over the detected commit;
//! - errors that say what to do: a COPY source missing from the context or
//!   excluded by `.dockerignore`, a bad `--mount` printed once.
//!
//! With neither engine every test prints `SKIPPED` (fails under CI, see
//! `tests/common`).

mod common;
use common::{registry, unique};

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
             and/or STRATA_BUILDKITD_ADDR",
        );
    }
    out
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    #[track_caller]
    fn ok(self, what: &str) -> Run {
        assert_eq!(self.code, 0, "{what} failed:\n{}", self.stderr);
        self
    }
}

/// `strata build` on `t` (RUN steps without network: the testbed's Docker
/// has no bridge), with `env` added.
fn build_env(t: &Target, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_strata"))
        .arg("build")
        .args(&t.args)
        .args(["--network", "none", "--progress", "plain"])
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run strata");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn build(t: &Target, args: &[&str]) -> Run {
    build_env(t, args, &[])
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn docker(args: &[&str]) -> String {
    let out = Command::new("docker")
        .args(args)
        .output()
        .expect("docker CLI");
    assert!(
        out.status.success(),
        "docker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn metadata(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

/// The manifest digest the registry serves for `repo:tag`.
fn registry_digest(repo: &str, tag: &str) -> String {
    let out = Command::new("curl")
        .args(["-sSfI", "-H", "Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json"])
        .arg(format!("http://{}/v2/{repo}/manifests/{tag}", registry()))
        .output()
        .expect("curl");
    assert!(out.status.success(), "{repo}:{tag} is not in the registry");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("docker-content-digest")
                .then(|| v.trim().to_string())
        })
        .expect("Docker-Content-Digest header")
}

/// A context whose image holds `/token` with `token`.
fn context(token: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        format!("FROM busybox\nRUN echo {token} > /token\n"),
    )
    .unwrap();
    dir
}

/// `-t`, `--push -t` and `--load -t` as a buildx user types them.
#[test]
fn tag_push_and_load_on_every_engine() {
    for t in targets() {
        let token = unique("bx");
        let ctx = context(&token);
        let tmp = tempfile::tempdir().unwrap();

        // -t alone: loaded on Docker Engine; buildkitd says what to add.
        let dev = format!("strata-bx-app:{token}");
        let run = build(&t, &["-t", &dev, s(ctx.path())]);
        if t.docker {
            run.ok(&format!("-t on {}", t.name));
            let out = docker(&["run", "--rm", "--network", "none", &dev, "cat", "/token"]);
            assert_eq!(out, token, "-t on {}", t.name);
            docker(&["image", "rm", &dev]);
        } else {
            assert_eq!(run.code, 2, "-t alone on {}: {}", t.name, run.stderr);
            assert!(
                run.stderr.contains("--push") && run.stderr.contains("--load"),
                "-t alone on {} should name --push and --load:\n{}",
                t.name,
                run.stderr
            );
        }

        // --push -t REG/app: in the registry, and the metadata names the
        // digest the registry serves.
        let repo = "strata-bx-push";
        let pushed = format!("{}/{repo}:{token}", registry());
        let meta = tmp.path().join("push.json");
        build(
            &t,
            &[
                "--push",
                "-t",
                &pushed,
                "--metadata-file",
                s(&meta),
                s(ctx.path()),
            ],
        )
        .ok(&format!("--push on {}", t.name));
        let m = metadata(&meta);
        assert_eq!(
            m["containerimage.digest"].as_str(),
            Some(registry_digest(repo, &token).as_str()),
            "--push on {}: {m}",
            t.name
        );
        assert_eq!(m["image.name"].as_str(), Some(pushed.as_str()), "{m}");
        if t.docker {
            let _ = Command::new("docker")
                .args(["image", "rm", &pushed])
                .output();
        }

        // --load -t app: runnable in Docker (on buildkitd through docker load
        // into the testbed's Docker).
        if !t.docker && std::env::var_os("STRATA_TESTBED").is_none() {
            eprintln!(
                "--load on {}: no Docker to load into (STRATA_TESTBED unset)",
                t.name
            );
            continue;
        }
        let loaded = format!("strata-bx-load:{token}");
        build(&t, &["--load", "-t", &loaded, s(ctx.path())]).ok(&format!("--load on {}", t.name));
        let out = docker(&["run", "--rm", "--network", "none", &loaded, "cat", "/token"]);
        assert_eq!(out, token, "--load on {}", t.name);
        docker(&["image", "rm", &loaded]);
    }
}

/// `--metadata-file` has buildx's keys for every kind of output, `--iidfile`
/// holds the image ID, and `-q` prints it and nothing else on stdout.
#[test]
fn metadata_file_iidfile_and_quiet_on_every_engine() {
    for t in targets() {
        let token = unique("md");
        let ctx = context(&token);
        let tmp = tempfile::tempdir().unwrap();

        let meta = tmp.path().join("local.json");
        build(
            &t,
            &[
                "-o",
                s(&tmp.path().join("out")),
                "--metadata-file",
                s(&meta),
                s(ctx.path()),
            ],
        )
        .ok(&format!("local on {}", t.name));
        let m = metadata(&meta);
        assert!(
            m["buildx.build.ref"]
                .as_str()
                .is_some_and(|r| r.starts_with("strata/") && r.split('/').count() == 3),
            "a local output's metadata names its build on {}: {m}",
            t.name
        );

        let meta = tmp.path().join("oci.json");
        let iid = tmp.path().join("iid");
        let run = build(
            &t,
            &[
                "-q",
                "-o",
                &format!("type=oci,dest={}", s(&tmp.path().join("o.tar"))),
                "--metadata-file",
                s(&meta),
                "--iidfile",
                s(&iid),
                s(ctx.path()),
            ],
        )
        .ok(&format!("oci on {}", t.name));
        let m = metadata(&meta);
        let config = m["containerimage.config.digest"]
            .as_str()
            .unwrap_or_default();
        assert!(config.starts_with("sha256:"), "{}: {m}", t.name);
        assert!(
            m["containerimage.digest"]
                .as_str()
                .is_some_and(|d| d.starts_with("sha256:")),
            "{}: {m}",
            t.name
        );
        // The digest is the tarball's own manifest (on Docker Engine the
        // tarball comes from `docker save`).
        let index = Command::new("tar")
            .arg("-xOf")
            .arg(tmp.path().join("o.tar"))
            .arg("index.json")
            .output()
            .expect("tar");
        let index: serde_json::Value = serde_json::from_slice(&index.stdout).expect("index.json");
        assert_eq!(
            m["containerimage.digest"], index["manifests"][0]["digest"],
            "{}: {m}",
            t.name
        );
        assert!(
            !m.to_string().contains("strata-export-tmp"),
            "temporary tags leak into the metadata on {}: {m}",
            t.name
        );
        if !t.docker {
            // BuildKit sends the descriptor base64-encoded; buildx writes it as JSON.
            assert!(m["containerimage.descriptor"]["digest"].is_string(), "{m}");
        }
        assert_eq!(std::fs::read_to_string(&iid).unwrap(), config);
        assert_eq!(run.stdout.trim(), config, "-q prints the image ID only");
        assert!(
            !run.stderr.contains("#1 "),
            "-q shows no progress:\n{}",
            run.stderr
        );
    }
}

/// `--add-host`, `--ulimit` and `--shm-size` reach the RUN steps.
#[test]
fn run_options_reach_the_steps_on_every_engine() {
    for t in targets() {
        let tmp = tempfile::tempdir().unwrap();
        let ctx = tmp.path().join("ctx");
        std::fs::create_dir(&ctx).unwrap();
        std::fs::write(
            ctx.join("Dockerfile"),
            format!(
                "FROM busybox AS run\nRUN echo {} && mkdir /r && grep strata-db /etc/hosts > /r/hosts \
                 && ulimit -n > /r/nofile && df -k /dev/shm | tail -1 > /r/shm\n\
                 FROM scratch\nCOPY --from=run /r /\n",
                unique("opts")
            ),
        )
        .unwrap();
        let out = tmp.path().join("out");
        build(
            &t,
            &[
                "--add-host",
                "strata-db:10.1.2.3",
                "--ulimit",
                "nofile=1234:1234",
                "--shm-size",
                "96m",
                "-o",
                s(&out),
                s(&ctx),
            ],
        )
        .ok(&format!("run options on {}", t.name));
        let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
        assert!(
            read("hosts").contains("10.1.2.3"),
            "{}: {}",
            t.name,
            read("hosts")
        );
        assert_eq!(read("nofile").trim(), "1234", "{}", t.name);
        // df -k: the size column of /dev/shm is 96 MiB.
        assert!(
            read("shm").split_whitespace().nth(1) == Some("98304"),
            "{}: {}",
            t.name,
            read("shm")
        );
    }
}

/// With SOURCE_DATE_EPOCH a `--no-cache` rebuild gives the same image digest
/// where the engine rewrites file timestamps (buildkitd ≥ 0.13); Docker
/// Engine 26 cannot, and the build says so once.
#[test]
fn source_date_epoch_rebuilds_are_reproducible_or_say_why_not() {
    for t in targets() {
        let ctx = context(&unique("sde"));
        let tmp = tempfile::tempdir().unwrap();
        let env = [("SOURCE_DATE_EPOCH", "1700000000")];
        let mut digests = Vec::new();
        let mut notes = Vec::new();
        for (i, extra) in [[].as_slice(), ["--no-cache"].as_slice()]
            .iter()
            .enumerate()
        {
            let meta = tmp.path().join(format!("m{i}.json"));
            let mut args = vec![
                "-o".to_string(),
                format!("type=oci,dest={}", s(&tmp.path().join(format!("o{i}.tar")))),
                "--metadata-file".to_string(),
                s(&meta).to_string(),
            ];
            args.extend(extra.iter().map(|a| a.to_string()));
            args.push(s(ctx.path()).to_string());
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = build_env(&t, &args, &env).ok(&format!("SOURCE_DATE_EPOCH on {}", t.name));
            notes.push(run.stderr.matches("note: SOURCE_DATE_EPOCH").count());
            digests.push(metadata(&meta)["containerimage.digest"].clone());
        }
        if t.docker {
            assert_eq!(notes, [1, 1], "one note per build on {}", t.name);
        } else {
            assert_eq!(notes, [0, 0], "no note on {}", t.name);
            assert_eq!(
                digests[0], digests[1],
                "a --no-cache rebuild changed the digest on {}",
                t.name
            );
        }
    }
}

/// An explicit `--build-arg GIT_COMMIT=…` is the revision label, not the
/// commit strata finds in the context's git.
#[test]
fn explicit_git_commit_wins_over_the_detected_one() {
    let Some(t) = targets().into_iter().find(|t| t.docker) else {
        return;
    };
    let ctx = context(&unique("git"));
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@e",
                "-C",
                s(ctx.path()),
            ])
            .args(args)
            .output()
            .expect("git")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "x"]);
    let image = format!("strata-bx-git:{}", unique("g"));
    let label = "{{index .Config.Labels \"org.opencontainers.image.revision\"}}";
    build(&t, &["-t", &image, s(ctx.path())]).ok("detected commit");
    let detected = docker(&["image", "inspect", "--format", label, &image]);
    assert_eq!(detected.len(), 40, "the detected commit: {detected:?}");
    build(
        &t,
        &[
            "-t",
            &image,
            "--build-arg",
            "GIT_COMMIT=explicit-rev",
            s(ctx.path()),
        ],
    )
    .ok("explicit commit");
    assert_eq!(
        docker(&["image", "inspect", "--format", label, &image]),
        "explicit-rev"
    );
    docker(&["image", "rm", &image]);
}

/// A COPY source missing from the context says whether it is absent or
/// excluded by `.dockerignore` (and which line), once.
#[test]
fn missing_copy_source_says_whether_absent_or_ignored() {
    let Some(t) = targets().into_iter().next() else {
        return;
    };
    let ctx = tempfile::tempdir().unwrap();
    std::fs::write(ctx.path().join("secret.txt"), "s").unwrap();
    std::fs::write(
        ctx.path().join(".dockerignore"),
        "# keep out\n*.log\nsecret.txt\n",
    )
    .unwrap();
    for (source, says) in [
        (
            "absent.txt",
            "\"absent.txt\" is not in the build context".to_string(),
        ),
        ("secret.txt", ".dockerignore line 3".to_string()),
    ] {
        std::fs::write(
            ctx.path().join("Dockerfile"),
            format!("FROM busybox\n# {}\nCOPY {source} /\n", unique("c")),
        )
        .unwrap();
        let run = build(&t, &[s(ctx.path())]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains(&says),
            "should say {says:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains(&format!("{}:3", s(&ctx.path().join("Dockerfile")))),
            "names the Dockerfile line:\n{}",
            run.stderr
        );
        // The engine's checksum text: at most the failing step's own line.
        assert!(
            run.stderr.matches("failed to calculate checksum").count() <= 1,
            "{}",
            run.stderr
        );
    }
}

/// A bad `--mount` is printed once, with the Dockerfile's path as the user
/// gave it: found before the engine is contacted when the mount is
/// literal, and by the frontend when a variable decides it.
#[test]
fn bad_mount_is_reported_once_with_the_dockerfile_path() {
    let Some(t) = targets().into_iter().next() else {
        return;
    };
    for (dockerfile, line) in [
        ("FROM busybox\nRUN --mount=type=bogus,target=/x true\n", 2),
        (
            "FROM busybox\nARG KIND=bogus\nRUN --mount=type=$KIND,target=/x true\n",
            3,
        ),
    ] {
        let ctx = tempfile::tempdir().unwrap();
        std::fs::write(ctx.path().join("Dockerfile"), dockerfile).unwrap();
        let run = build(&t, &[s(ctx.path())]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(
            run.stderr.matches("unsupported mount type").count(),
            1,
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains(&format!("{}:{line}:5", s(&ctx.path().join("Dockerfile")))),
            "{}",
            run.stderr
        );
    }
}
