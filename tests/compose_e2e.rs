//! `strata build --compose` on the testbed: the three-service project in
//! testdata/compose/shop builds and every image runs; `service:` contexts
//! build first; `.env` and `--env-file` feed interpolation; an unsupported
//! key is refused with its line; a failing service leaves the others built
//! unless `--fail-fast` stops them.
//!
//! Needs the testbed (`source /var/lib/strata-testbed/env`), except the
//! unsupported-key test, which fails before any engine is contacted.

mod common;
use common::{testbed, unique};

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn strata(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_strata"));
    cmd.current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("COMPOSE_PROFILES")
        .env_remove("COMPOSE_PROJECT_NAME");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("run strata")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `docker run --rm IMAGE ARGS…`'s stdout; panics when it fails.
fn docker_run(image: &str, args: &[&str]) -> String {
    let o = Command::new("docker")
        .args(["run", "--rm", "--network", "none", image])
        .args(args)
        .output()
        .expect("run docker");
    assert!(
        o.status.success(),
        "docker run {image} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn image_exists(image: &str) -> bool {
    Command::new("docker")
        .args(["image", "inspect", image])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Removes the images a test made, whatever the test's outcome.
struct Images(Vec<String>);

impl Drop for Images {
    fn drop(&mut self) {
        for i in &self.0 {
            let _ = Command::new("docker")
                .args(["image", "rm", "-f", i])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shop_builds_and_every_image_runs() {
    if !testbed() {
        return;
    }
    let registry = unique("shop-e2e");
    let images = Images(
        ["frontend", "api", "worker"]
            .iter()
            .map(|s| format!("{registry}/{s}:1.4.2"))
            .collect(),
    );
    let o = strata(
        &repo(),
        &[
            "build",
            "--compose",
            "testdata/compose/shop",
            "--progress",
            "plain",
        ],
        &[("SHOP_REGISTRY", &registry)],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    for image in &images.0 {
        assert!(image_exists(image), "{image} missing\n{err}");
    }
    let page = docker_run(&images.0[0], &["cat", "/www/index.html"]);
    assert!(page.contains("shop frontend 1.4.2"), "{page}");
    assert!(page.contains("<strong>Kettle</strong>"), "{page}");
    let api = docker_run(&images.0[1], &["python3", "-m", "app.main", "--check"]);
    assert!(api.contains(r#""version": "1.4.2""#), "{api}");
    let worker = docker_run(&images.0[2], &[]);
    assert!(worker.contains("worker 1.4.2: o-1 -> "), "{worker}");
    // The report names every service with its steps and image size.
    for s in ["frontend", "api", "worker"] {
        assert!(
            err.lines().any(|l| l.starts_with(s) && l.contains("built")),
            "no report line for {s}\n{err}"
        );
    }
    assert!(err.contains("3 services in "), "{err}");
}

/// `app` starts FROM the image `base` builds (`service:base`), which holds
/// this run's token: `app` must build after `base`, from this run's image.
#[test]
fn service_contexts_build_first() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let prefix = unique("cmp-order");
    let token = unique("token");
    write(
        dir.path(),
        "compose.yaml",
        &format!(
            "services:\n  app:\n    image: {prefix}-app\n    build:\n      context: app\n      additional_contexts:\n        base: service:base\n  base:\n    image: {prefix}-base\n    build:\n      context: base\n      args: [TOKEN={token}]\n"
        ),
    );
    write(
        dir.path(),
        "base/Dockerfile",
        "FROM busybox\nARG TOKEN\nRUN sleep 2 && echo \"$TOKEN\" > /token\n",
    );
    write(
        dir.path(),
        "app/Dockerfile",
        "FROM base\nRUN cp /token /app-token\n",
    );
    let _images = Images(vec![format!("{prefix}-app"), format!("{prefix}-base")]);
    let o = strata(
        dir.path(),
        &[
            "build",
            "--compose",
            ".",
            "--progress",
            "plain",
            "--network",
            "none",
        ],
        &[],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in\n{err}"))
    };
    assert!(
        at("app  | == waiting for service:base") < at("base | == built"),
        "{err}"
    );
    assert!(at("base | == built") < at("app  | == started"), "{err}");
    let seen = docker_run(&format!("{prefix}-app"), &["cat", "/app-token"]);
    assert_eq!(seen.trim(), token);
}

#[test]
fn interpolation_reads_dotenv_and_env_file() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let name = unique("cmp-env");
    write(
        dir.path(),
        "compose.yaml",
        "services:\n  svc:\n    image: ${IMAGE_NAME:?IMAGE_NAME is needed}\n    build:\n      context: .\n      args:\n        GREETING: ${GREETING:-unset}\n        LITERAL: $$HOME\n",
    );
    write(
        dir.path(),
        "Dockerfile",
        "FROM busybox\nARG GREETING\nARG LITERAL\nRUN echo \"$GREETING $LITERAL\" > /greeting\n",
    );
    write(
        dir.path(),
        ".env",
        &format!("IMAGE_NAME={name}\nGREETING=hello from .env\n"),
    );
    write(
        dir.path(),
        "other.env",
        &format!("IMAGE_NAME={name}-other\nGREETING=from other.env\n"),
    );
    let _images = Images(vec![name.clone(), format!("{name}-other")]);
    let o = strata(
        dir.path(),
        &[
            "build",
            "--compose",
            "compose.yaml",
            "--progress",
            "quiet",
            "--network",
            "none",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        docker_run(&name, &["cat", "/greeting"]).trim(),
        "hello from .env $HOME"
    );
    // --env-file replaces .env; the environment wins over both.
    let o = strata(
        dir.path(),
        &[
            "build",
            "--compose",
            "compose.yaml",
            "--env-file",
            "other.env",
            "--progress",
            "quiet",
            "--network",
            "none",
        ],
        &[("GREETING", "from the environment")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        docker_run(&format!("{name}-other"), &["cat", "/greeting"]).trim(),
        "from the environment $HOME"
    );
}

#[test]
fn unsupported_key_fails_with_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "docker-compose.yml",
        "services:\n  api:\n    build:\n      context: .\n      isolation: hyperv\n",
    );
    let o = strata(dir.path(), &["build", "--compose", "."], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("docker-compose.yml:5:") && err.contains("`isolation`"),
        "{err}"
    );
    // The same check guards explain.
    let o = strata(dir.path(), &["explain", "--compose", "."], &[]);
    assert_eq!(o.status.code(), Some(2));
}

/// `good` and `slow` build beside `bad`, whose RUN fails at once.
fn failing_project(dir: &Path, prefix: &str, token: &str) {
    write(
        dir,
        "compose.yaml",
        &format!(
            "services:\n  good:\n    image: {prefix}-good\n    build: {{context: good, args: [TOKEN={token}]}}\n  bad:\n    image: {prefix}-bad\n    build: {{context: bad, args: [TOKEN={token}]}}\n  slow:\n    image: {prefix}-slow\n    build: {{context: slow, args: [TOKEN={token}]}}\n"
        ),
    );
    write(
        dir,
        "good/Dockerfile",
        "FROM busybox\nARG TOKEN\nRUN echo ok-$TOKEN > /ok\n",
    );
    write(
        dir,
        "bad/Dockerfile",
        "FROM busybox\nARG TOKEN\nRUN echo $TOKEN && exit 3\n",
    );
    write(
        dir,
        "slow/Dockerfile",
        "FROM busybox\nARG TOKEN\nRUN sleep 8 && echo slow-$TOKEN > /ok\n",
    );
}

#[test]
fn a_failing_service_leaves_the_others_built() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let prefix = unique("cmp-fail");
    failing_project(dir.path(), &prefix, &unique("t"));
    let _images = Images(
        ["good", "bad", "slow"]
            .iter()
            .map(|s| format!("{prefix}-{s}"))
            .collect(),
    );
    let o = strata(
        dir.path(),
        &[
            "build",
            "--compose",
            ".",
            "--progress",
            "plain",
            "--network",
            "none",
            "--parallel",
            "3",
        ],
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(image_exists(&format!("{prefix}-good")), "{err}");
    assert!(image_exists(&format!("{prefix}-slow")), "{err}");
    assert!(!image_exists(&format!("{prefix}-bad")), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("bad ") && l.contains("FAILED")),
        "{err}"
    );
}

#[test]
fn fail_fast_stops_the_others() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let prefix = unique("cmp-ff");
    failing_project(dir.path(), &prefix, &unique("t"));
    let _images = Images(
        ["good", "bad", "slow"]
            .iter()
            .map(|s| format!("{prefix}-{s}"))
            .collect(),
    );
    let o = strata(
        dir.path(),
        &[
            "build",
            "--compose",
            ".",
            "--progress",
            "plain",
            "--network",
            "none",
            "--parallel",
            "3",
            "--fail-fast",
        ],
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    // `slow` sleeps 8 s: the failure of `bad` cancels it long before.
    assert!(!image_exists(&format!("{prefix}-slow")), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("slow ") && l.contains("canceled")),
        "{err}"
    );
}

/// `strata explain --compose` runs each service's passes without an engine.
#[test]
fn explain_shows_each_services_rewrites() {
    let o = strata(
        &repo(),
        &[
            "explain",
            "--compose",
            "testdata/compose/shop/compose.yaml",
            "frontend",
            "api",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let frontend = out.find("== service frontend (").expect("frontend header");
    let api = out.find("== service api (").expect("api header");
    assert!(frontend < api, "{out}");
    assert!(!out.contains("== service worker"), "{out}");
    // The npm install gets its cache mount in the frontend, pip's in the API.
    assert!(out[frontend..api].contains("/root/.npm"), "{out}");
    assert!(out[api..].contains("/root/.cache/pip"), "{out}");
}
