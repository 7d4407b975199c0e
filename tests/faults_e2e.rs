//! Faults a CI runner meets, injected for real: the engine process killed
//! in the middle of a build and started again, a registry that does not
//! answer (for a push and for a base image), and Ctrl-C while the context
//! is still being sent. Each must end promptly with the right exit code, a
//! message naming what failed, and no output left behind; the engine must
//! build the next request normally.
//!
//! The engine-kill test runs a private dockerd of its own (its own data and
//! exec roots under a temporary directory, the testbed's registry as its
//! mirror), so killing it cannot disturb the shared testbed engine that
//! other tests use. Needs the testbed (`source /var/lib/strata-testbed/env`).

mod common;
use common::testbed;
use common::{registry, unique};

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long strata may take to notice a fault and exit (a bound against
/// hangs, not a speed target).
const EXIT_BOUND: Duration = Duration::from_secs(30);

fn strata(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_strata"));
    cmd.args(args).stdin(Stdio::null());
    cmd
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A running `strata` with its stderr read line by line on a thread.
struct Running {
    child: Child,
    lines: Receiver<String>,
    seen: String,
}

impl Running {
    fn spawn(mut cmd: Command) -> Running {
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start strata");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Running {
            child,
            lines,
            seen: String::new(),
        }
    }

    /// Reads stderr until a line contains `needle` (panics after `within`).
    fn wait_for(&mut self, needle: &str, within: Duration) {
        let deadline = Instant::now() + within;
        while !self.seen.contains(needle) {
            match self
                .lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) => {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                }
                Err(_) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    panic!("never saw {needle:?}:\n{}", self.seen);
                }
            }
        }
    }

    /// Waits for exit within `bound` (kills and panics otherwise); returns
    /// the status and everything strata wrote on stderr.
    fn finish(mut self, bound: Duration) -> (ExitStatus, String) {
        let started = Instant::now();
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                break st;
            }
            if started.elapsed() > bound {
                let _ = self.child.kill();
                let _ = self.child.wait();
                while let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                }
                panic!("strata still running after {bound:?}:\n{}", self.seen);
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(1)) {
            self.seen.push_str(&line);
            self.seen.push('\n');
        }
        (status, self.seen)
    }
}

/// A dockerd of the test's own, on its own socket and roots, in its own
/// process group so a kill reaches its containerd too.
struct PrivateDockerd {
    root: PathBuf,
    socket: PathBuf,
    child: Option<Child>,
}

impl PrivateDockerd {
    fn start(root: &Path) -> PrivateDockerd {
        let socket = root.join("docker.sock");
        let mut d = PrivateDockerd {
            root: root.to_path_buf(),
            socket,
            child: None,
        };
        d.launch();
        d
    }

    fn launch(&mut self) {
        let _ = std::fs::remove_file(&self.socket);
        let _ = std::fs::remove_file(self.root.join("dockerd.pid"));
        std::fs::create_dir_all(&self.root).expect("engine root");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.root.join("dockerd.log"))
            .expect("dockerd log");
        let child = Command::new("dockerd")
            .arg("--host")
            .arg(format!("unix://{}", self.socket.display()))
            .args(["--bridge=none", "--iptables=false", "--ip-masq=false"])
            .arg("--data-root")
            .arg(self.root.join("data"))
            .arg("--exec-root")
            .arg(self.root.join("exec"))
            .arg("--pidfile")
            .arg(self.root.join("dockerd.pid"))
            .arg("--registry-mirror")
            .arg(format!("http://{}", registry()))
            .arg("--insecure-registry")
            .arg(registry())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .process_group(0)
            .spawn()
            .expect("start dockerd (is docker.io installed? scripts/testbed.sh up)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            let ok = Command::new("docker")
                .arg("-H")
                .arg(format!("unix://{}", self.socket.display()))
                .arg("version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "private dockerd did not answer within 90 s:\n{}",
                std::fs::read_to_string(self.root.join("dockerd.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn addr(&self) -> String {
        format!("docker://{}", self.socket.display())
    }

    /// SIGKILL to dockerd's whole process group (dockerd, its containerd).
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: kill(2) on the process group this test started.
            unsafe { libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL) };
            let _ = child.wait();
        }
    }

    /// A clean stop: SIGTERM, then SIGKILL after 20 s.
    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: as above; our own process group.
            unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
            let deadline = Instant::now() + Duration::from_secs(20);
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(100));
            }
            unsafe { libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL) };
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateDockerd {
    fn drop(&mut self) {
        self.stop();
        // dockerd bind-mounts its data root onto itself; containers' mounts
        // may linger after a kill. Lazy unmounts so the tempdir can go.
        let data = self.root.join("data");
        if let Ok(mounts) = std::fs::read_to_string("/proc/self/mounts") {
            let mut ours: Vec<&str> = mounts
                .lines()
                .filter_map(|l| l.split_whitespace().nth(1))
                .filter(|m| m.starts_with(self.root.to_str().unwrap_or("\0")))
                .collect();
            ours.sort_by_key(|m| std::cmp::Reverse(m.len()));
            for m in ours {
                let _ = Command::new("umount").arg("-l").arg(m).status();
            }
        }
        let _ = data;
    }
}

fn write_ctx(dir: &Path, dockerfile: &str) -> PathBuf {
    let ctx = dir.join("ctx");
    std::fs::create_dir_all(&ctx).unwrap();
    std::fs::write(ctx.join("Dockerfile"), dockerfile).unwrap();
    ctx
}

/// The engine process dies during a RUN step: strata exits non-zero within
/// the bound, says the engine failed, and leaves no output. A dockerd
/// started again on the same roots builds the next request.
#[test]
fn engine_killed_mid_build_then_restarted() {
    if !testbed() {
        return;
    }
    let tmp = tempfile::Builder::new()
        .prefix("strata-faults")
        .tempdir_in("/tmp")
        .unwrap();
    let mut dockerd = PrivateDockerd::start(&tmp.path().join("engine"));
    let token = unique("killed");
    let ctx = write_ctx(
        tmp.path(),
        // A shell loop rather than one long `sleep`: the step's process
        // carries the token, so the test can end what the dead engine left.
        &format!(
            "FROM busybox\nRUN echo {token}-$((1+1)); i=0; \
             while [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done; echo {token}\n"
        ),
    );
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let tar = out.join("image.tar");
    let mut run = Running::spawn(strata(&[
        "build",
        "--addr",
        &dockerd.addr(),
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=tar,dest={}", tar.display()),
        ctx.to_str().unwrap(),
    ]));
    run.wait_for(&format!("{token}-2"), Duration::from_secs(120));
    dockerd.kill();
    let (status, log) = run.finish(EXIT_BOUND);
    kill_processes_with(&token);
    assert!(
        !status.success(),
        "a build whose engine died succeeded:\n{log}"
    );
    assert_ne!(
        status.code(),
        Some(2),
        "an engine failure blamed on the input:\n{log}"
    );
    assert!(
        log.lines().any(|l| l.starts_with("error")),
        "no error message after the engine died:\n{log}"
    );
    assert_eq!(
        entries(&out),
        Vec::<String>::new(),
        "output left behind:\n{log}"
    );

    // Restarted on the same roots, the engine builds the next request.
    dockerd.launch();
    let ctx2 = write_ctx(
        &tmp.path().join("next"),
        &format!("FROM busybox\nRUN echo {token}-again > /again\n"),
    );
    let dest = tmp.path().join("next-out");
    let out2 = strata(&[
        "build",
        "--addr",
        &dockerd.addr(),
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=local,dest={}", dest.display()),
        ctx2.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(
        out2.status.success(),
        "build after the restart failed:\n{}",
        String::from_utf8_lossy(&out2.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("again")).unwrap().trim(),
        format!("{token}-again")
    );
}

/// SIGKILL to every process whose command line holds `needle` (a killed
/// engine leaves its containers' processes behind).
fn kill_processes_with(needle: &str) {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in dir.filter_map(Result::ok) {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains(needle) && pid != std::process::id() as i32 {
            // SAFETY: kill(2) on a process this test's build started.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }
}

/// A loopback port nothing listens on: a registry that is down.
fn dead_registry() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    drop(l);
    format!("127.0.0.1:{}", addr.port())
}

/// Pushing to a registry that is down: exit 1 (not "bad input"), the
/// registry named in the message.
#[test]
fn registry_down_during_push_is_named() {
    if !testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dead = dead_registry();
    let ctx = write_ctx(
        tmp.path(),
        &format!("FROM busybox\nRUN echo {} > /x\n", unique("push")),
    );
    let out = strata(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=image,name={dead}/strata-faults:push,push=true"),
        ctx.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "push to a dead registry:\n{stderr}"
    );
    assert!(
        stderr.contains(&dead),
        "the message does not name {dead}:\n{stderr}"
    );
}

/// A base image on a registry that is down: exit 1 and the registry named,
/// not a Dockerfile error (exit 2).
#[test]
fn registry_down_during_base_resolution_is_not_bad_input() {
    if !testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dead = dead_registry();
    let ctx = write_ctx(
        tmp.path(),
        &format!("FROM {dead}/strata-faults/base:1\nRUN true\n"),
    );
    let dest = tmp.path().join("out");
    let out = strata(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=local,dest={}", dest.display()),
        ctx.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "base image on a dead registry:\n{stderr}"
    );
    assert!(
        stderr.contains(&dead),
        "the message does not name {dead}:\n{stderr}"
    );
    assert!(!dest.exists(), "output left behind");
}

/// SIGINT while the context is still being sent: strata exits non-zero
/// within the bound and the engine builds the next request normally.
#[test]
fn ctrl_c_during_context_transfer() {
    if !testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // No stamp: its facts walk would read the whole file before the solve.
    let ctx = write_ctx(tmp.path(), "FROM busybox\nCOPY big /big\n");
    // A large sparse file: cheap to create, seconds to send.
    let big = std::fs::File::create(ctx.join("big")).unwrap();
    big.set_len(2 << 30).unwrap();
    let dest = tmp.path().join("out");
    let mut run = Running::spawn(strata(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "--no-cache",
        "--no-stamp",
        "-o",
        &format!("type=local,dest={}", dest.display()),
        ctx.to_str().unwrap(),
    ]));
    run.wait_for("transferring context", Duration::from_secs(60));
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(run.child.id() as libc::pid_t, libc::SIGINT) };
    let (status, log) = run.finish(EXIT_BOUND);
    assert!(!status.success(), "an interrupted build exited 0:\n{log}");
    assert!(
        !log.lines()
            .any(|l| l.contains("load build context") && l.contains("DONE")),
        "the transfer finished before the interrupt; the test proves nothing:\n{log}"
    );
    assert!(!dest.exists(), "an interrupted build left output");

    // The engine builds the next request.
    let ctx2 = write_ctx(
        &tmp.path().join("next"),
        "FROM busybox\nRUN echo ok > /ok\n",
    );
    let dest2 = tmp.path().join("out2");
    let out = strata(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=local,dest={}", dest2.display()),
        ctx2.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "the engine did not build after the interrupt:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// SIGTERM (what a CI runner or `timeout` sends to cancel a job) during a
/// RUN step: strata cancels like Ctrl-C, exits 143 within the bound, and
/// leaves nothing in the output's directory, not even the hidden partial
/// output the default SIGTERM action would leave behind.
#[test]
fn sigterm_cancels_the_build_and_cleans_up() {
    if !testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let token = unique("sigterm");
    let ctx = write_ctx(
        tmp.path(),
        &format!(
            "FROM busybox\nRUN echo {token}-$((1+1)); i=0; \
             while [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; echo {token}\n"
        ),
    );
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut run = Running::spawn(strata(&[
        "build",
        "--network",
        "none",
        "--progress",
        "plain",
        "-o",
        &format!("type=local,dest={}", out.join("dir").display()),
        "-o",
        &format!("type=tar,dest={}", out.join("image.tar").display()),
        ctx.to_str().unwrap(),
    ]));
    run.wait_for(&format!("{token}-2"), Duration::from_secs(120));
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(run.child.id() as libc::pid_t, libc::SIGTERM) };
    let (status, log) = run.finish(EXIT_BOUND);
    kill_processes_with(&token);
    assert_eq!(status.code(), Some(143), "after SIGTERM:\n{log}");
    assert_eq!(
        entries(&out),
        Vec::<String>::new(),
        "a terminated build left output behind:\n{log}"
    );
}
