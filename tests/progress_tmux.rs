//! The tty progress display in a real terminal: `strata build` runs inside a
//! detached tmux pane of a fixed size against the testbed engine, and the
//! pane's whole history (scrollback included) is inspected afterwards.
//!
//! A redraw that leaves rows behind (a wrapped row, a frame taller than the
//! terminal, an erase that tmux turns into "scroll the screen into the
//! history") shows up there as a second `[+] Building` header or a step row
//! printed twice. The RUN steps sleep so the display redraws many times, and
//! their logs make running frames taller than the pane (the display must cap
//! them to the terminal's height, like buildx). Two more runs resize the pane
//! while the build runs (200 → 60 and 60 → 200 columns).
//!
//! Needs the engine testbed and tmux (`scripts/testbed.sh up` installs both);
//! skips without them, and fails instead under CI / `scripts/test.sh`.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

/// Rows of every pane: fewer than a running frame with its log lines needs.
const HEIGHT: u16 = 12;

/// How long one build may take in the pane before the test gives up.
const BUILD_LIMIT: Duration = Duration::from_secs(180);

/// A private tmux server (its own socket), killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new() -> Tmux {
        Tmux {
            socket: common::unique("strata-progress-"),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's whole history and screen, wrapped rows joined (`-J`), so
    /// a row that was too wide for the pane comes back as one long line.
    fn history(&self) -> String {
        self.ok(&["capture-pane", "-p", "-J", "-S", "-", "-t", "build"])
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn dockerfile(dir: &Path) {
    // Long log lines with wide characters: a row cut by characters instead
    // of terminal columns would wrap.
    std::fs::write(
        dir.join("Dockerfile"),
        r#"FROM busybox AS base
ARG TOKEN
RUN echo "$TOKEN" > /token && for i in 1 2 3 4 5 6 7 8 9 10; do echo "first step, line $i, longer than a narrow pane is wide: ü 日本語 ✓ and more text after it"; sleep 0.2; done
RUN for i in 1 2 3 4 5 6 7 8; do echo "second step $i"; sleep 0.2; done

FROM busybox
COPY --from=base /token /token
RUN for i in 1 2 3 4 5 6; do echo "third step $i"; sleep 0.2; done
"#,
    )
    .expect("write Dockerfile");
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs a cache-missing `strata build` (default progress: tty in a
/// terminal) in a `width`×[`HEIGHT`] pane, resized to `resize_to` columns
/// once the first step's logs show; returns the pane's history (wrapped
/// rows joined unless the pane was resized) and the raw bytes the build
/// wrote to the terminal.
fn build_in_pane(width: u16, resize_to: Option<u16>) -> (String, Vec<u8>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).expect("mkdir");
    dockerfile(&ctx);
    let ready = tmp.path().join("ready");
    let raw = tmp.path().join("raw");
    let mut script = String::from("#!/bin/sh\n");
    // Start only once the raw output is being recorded.
    script += &format!(
        "while [ ! -e {} ]; do sleep 0.05; done\n",
        shell_quote(&ready.to_string_lossy())
    );
    for var in ["DOCKER_HOST", "BUILDKIT_HOST", "STRATA_TESTBED"] {
        if let Ok(v) = std::env::var(var) {
            script += &format!("export {var}={}\n", shell_quote(&v));
        }
    }
    script += &format!(
        "{} build --network none --build-arg TOKEN={} {}\necho \"EXIT=$?\"\n",
        shell_quote(env!("CARGO_BIN_EXE_strata")),
        common::unique("t"),
        shell_quote(&ctx.to_string_lossy()),
    );
    let script_path = tmp.path().join("build.sh");
    std::fs::write(&script_path, script).expect("write script");

    let tmux = Tmux::new();
    let (w, h) = (width.to_string(), HEIGHT.to_string());
    tmux.ok(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "build",
        "-x",
        &w,
        "-y",
        &h,
        "sh",
        &script_path.to_string_lossy(),
    ]);
    // Keep the pane (and its history) after the build exits.
    tmux.ok(&["set-option", "-t", "build", "remain-on-exit", "on"]);
    tmux.ok(&[
        "pipe-pane",
        "-t",
        "build",
        &format!("cat > {}", shell_quote(&raw.to_string_lossy())),
    ]);
    std::fs::write(&ready, "").expect("write ready");

    let started = Instant::now();
    if let Some(to) = resize_to {
        loop {
            let screen = tmux.ok(&["capture-pane", "-p", "-t", "build"]);
            if screen.contains("=> => # first step") {
                break;
            }
            assert!(
                started.elapsed() < BUILD_LIMIT,
                "no log rows within {BUILD_LIMIT:?}; pane:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        tmux.ok(&["resize-window", "-t", "build", "-x", &to.to_string()]);
    }
    let history = loop {
        // After a resize, rows the terminal itself rewrapped stay marked as
        // wrapped; joining them would glue unrelated rows together.
        let history = if resize_to.is_some() {
            tmux.ok(&["capture-pane", "-p", "-S", "-", "-t", "build"])
        } else {
            tmux.history()
        };
        if history.lines().any(|l| l.starts_with("EXIT=")) {
            break history;
        }
        assert!(
            started.elapsed() < BUILD_LIMIT,
            "the build did not end within {BUILD_LIMIT:?}; pane:\n{history}"
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    drop(tmux);
    let raw = std::fs::read(&raw).unwrap_or_default();
    (history, raw)
}

fn check_width(width: u16) {
    if !common::testbed() {
        return;
    }
    if !tmux_available() {
        common::skip("tmux is not installed (scripts/testbed.sh up installs it)");
        return;
    }
    let (history, raw) = build_in_pane(width, None);
    let show = format!("--- pane history at {width} columns ---\n{history}");
    assert!(history.contains("EXIT=0"), "the build failed\n{show}");

    // Several frames were drawn (a redraw hides the cursor first), so a
    // single header below is not just a build too short to redraw.
    let frames = raw.windows(6).filter(|w| w == b"\x1b[?25l").count();
    assert!(frames >= 5, "only {frames} frames were drawn\n{show}");

    let headers = history
        .lines()
        .filter(|l| l.contains("[+] Building"))
        .count();
    assert_eq!(headers, 1, "frames stacked up in the history\n{show}");
    assert!(
        history
            .lines()
            .any(|l| l.starts_with("[+] Building") && l.ends_with("FINISHED")),
        "no finished frame\n{show}"
    );
    // Frame rows only: the report after the build names the slowest steps.
    for step in ["[base 2/3] RUN", "[base 3/3] RUN", "[stage-1 3/3] RUN"] {
        let rows = history
            .lines()
            .filter(|l| l.starts_with(" => ") && l.contains(step))
            .count();
        assert_eq!(rows, 1, "{step} is shown {rows} times\n{show}");
    }
    // The frame's rows leave the last column free; a joined (wrapped) row
    // would be wider than the pane.
    for line in history
        .lines()
        .filter(|l| l.starts_with("[+]") || l.starts_with(" => "))
    {
        let cols = UnicodeWidthStr::width(line.trim_end());
        assert!(
            cols < usize::from(width),
            "a {cols}-column row in a {width}-column pane: {line:?}\n{show}"
        );
    }
    // Log rows of running steps were shown, and are gone from the final frame.
    assert!(
        String::from_utf8_lossy(&raw).contains("=> => # second step"),
        "no log rows were drawn\n{show}"
    );
    assert!(
        !history.contains("=> => #"),
        "log rows were left behind\n{show}"
    );
}

#[test]
fn tty_display_in_a_60_column_pane() {
    check_width(60);
}

#[test]
fn tty_display_in_an_80_column_pane() {
    check_width(80);
}

#[test]
fn tty_display_in_a_200_column_pane() {
    check_width(200);
}

/// Narrowing the pane while the build runs: the terminal rewraps the frame
/// on screen, and the rows that no longer fit go to the scrollback, out of
/// any program's reach (buildx's display is no different). What the display
/// owes is that every frame drawn after the resize fits the new width and
/// replaces the last one: the history holds that one rewrapped frame and
/// the final frame, not a header per redraw.
#[test]
fn tty_display_follows_a_narrowing_resize() {
    if !common::testbed() {
        return;
    }
    if !tmux_available() {
        common::skip("tmux is not installed (scripts/testbed.sh up installs it)");
        return;
    }
    let (history, raw) = build_in_pane(200, Some(60));
    let show = format!("--- pane history, 200 then 60 columns ---\n{history}");
    assert!(history.contains("EXIT=0"), "the build failed\n{show}");
    let frames = raw.windows(6).filter(|w| w == b"\x1b[?25l").count();
    assert!(frames >= 5, "only {frames} frames were drawn\n{show}");
    let headers = history
        .lines()
        .filter(|l| l.contains("[+] Building"))
        .count();
    assert!(headers <= 2, "{headers} headers: frames stacked up\n{show}");
    let finished = history
        .lines()
        .position(|l| l.starts_with("[+] Building") && l.ends_with("FINISHED"))
        .unwrap_or_else(|| panic!("no finished frame\n{show}"));
    let final_frame: Vec<&str> = history
        .lines()
        .skip(finished)
        .take_while(|l| l.starts_with("[+]") || l.starts_with(" => "))
        .collect();
    for step in ["[base 2/3] RUN", "[base 3/3] RUN", "[stage-1 3/3] RUN"] {
        let rows = final_frame.iter().filter(|l| l.contains(step)).count();
        assert_eq!(rows, 1, "{step} is shown {rows} times\n{show}");
    }
    for line in &final_frame {
        let cols = UnicodeWidthStr::width(line.trim_end());
        assert!(
            cols < 60,
            "a {cols}-column row after the resize: {line:?}\n{show}"
        );
    }
}

/// Widening the pane: nothing is rewrapped, so the history holds exactly one frame.
#[test]
fn tty_display_follows_a_widening_resize() {
    if !common::testbed() {
        return;
    }
    if !tmux_available() {
        common::skip("tmux is not installed (scripts/testbed.sh up installs it)");
        return;
    }
    let (history, _) = build_in_pane(60, Some(200));
    let show = format!("--- pane history, 60 then 200 columns ---\n{history}");
    assert!(history.contains("EXIT=0"), "the build failed\n{show}");
    let headers = history
        .lines()
        .filter(|l| l.contains("[+] Building"))
        .count();
    assert_eq!(headers, 1, "frames stacked up\n{show}");
    assert!(
        history
            .lines()
            .any(|l| l.starts_with(" => [stage-1 3/3] RUN") && l.contains("echo \"third")),
        "the final frame is not drawn at the new width\n{show}"
    );
}
