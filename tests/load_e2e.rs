//! Load on one engine: several `strata build` processes at once, each with
//! its own session and context upload, all sharing one cache mount. Every
//! build must succeed and export its own result (no torn or swapped
//! outputs), and none may wait forever on another's lock.
//!
//! Needs the testbed (`source /var/lib/strata-testbed/env`).

mod common;
use common::testbed;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How many builds run at once: the figure for one CI runner.
const CONCURRENT_BUILDS: usize = 8;
/// A bound on the whole batch, so a deadlock fails the test instead of
/// hanging CI (not a speed target: each build is a few seconds alone).
const BATCH_BOUND: Duration = Duration::from_secs(300);

fn nonce() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{nanos:x}{:x}", std::process::id())
}

fn spawn_build(ctx: &Path, dest: &Path, n: usize, nonce: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(["build", "--network", "none", "--progress", "plain"])
        .arg("--build-arg")
        .arg(format!("N={n}"))
        .arg("--build-arg")
        .arg(format!("NONCE={nonce}"))
        .arg("-o")
        .arg(format!("type=local,dest={}", dest.display()))
        .arg(ctx)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn strata build")
}

#[test]
fn concurrent_builds_sharing_a_cache_mount_all_succeed() {
    if !testbed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ctx = dir.path().join("ctx");
    std::fs::create_dir(&ctx).unwrap();
    // One shared cache id for every build; each build leaves its mark in
    // the cache and copies what it saw, so a build that ran against a torn
    // or foreign cache state still shows its own N in its own output.
    std::fs::write(
        ctx.join("Dockerfile"),
        "FROM busybox AS work\n\
         ARG N\n\
         ARG NONCE\n\
         COPY input.txt /input.txt\n\
         RUN --mount=type=cache,target=/cache,id=strata-load-e2e \
             sh -c 'mkdir -p /cache/$NONCE && echo $N > /cache/$NONCE/$N && \
                    echo built-$N-$(cat /input.txt) > /out && ls /cache/$NONCE > /seen'\n\
         FROM scratch\n\
         COPY --from=work /out /seen /\n",
    )
    .unwrap();
    std::fs::write(ctx.join("input.txt"), "shared-input").unwrap();
    let nonce = nonce();

    let started = Instant::now();
    let mut children: Vec<(usize, Child)> = (0..CONCURRENT_BUILDS)
        .map(|n| {
            let dest = dir.path().join(format!("out{n}"));
            (n, spawn_build(&ctx, &dest, n, &nonce))
        })
        .collect();

    let mut failures = Vec::new();
    for (n, child) in children.iter_mut() {
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for strata") {
                break Some(status);
            }
            if started.elapsed() > BATCH_BOUND {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let mut stderr = String::new();
        if let Some(mut pipe) = child.stderr.take() {
            use std::io::Read;
            let _ = pipe.read_to_string(&mut stderr);
        }
        match status {
            Some(s) if s.success() => {}
            Some(s) => failures.push(format!("build {n} exited with {s}:\n{stderr}")),
            None => failures.push(format!(
                "build {n} still running after {BATCH_BOUND:?}:\n{stderr}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    for n in 0..CONCURRENT_BUILDS {
        let out = dir.path().join(format!("out{n}"));
        let built = std::fs::read_to_string(out.join("out")).unwrap();
        assert_eq!(built.trim(), format!("built-{n}-shared-input"), "build {n}");
        // The shared cache held this build's own mark when it listed it.
        let seen = std::fs::read_to_string(out.join("seen")).unwrap();
        assert!(
            seen.lines().any(|l| l.trim() == n.to_string()),
            "build {n} did not see its own mark in the shared cache: {seen:?}"
        );
    }
    eprintln!(
        "{CONCURRENT_BUILDS} concurrent builds finished in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
