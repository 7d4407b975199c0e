//! End-to-end: a build context full of entries a walker can trip on, built
//! by `strata build` on the real engine (`source /var/lib/strata-testbed/env`;
//! without `STRATA_TESTBED` the test prints `SKIPPED` and returns).

mod common;
use common::testbed;

use std::ffi::CString;
use std::io::Read;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// A context with a FIFO, a socket, a symlink to /etc/passwd and a
/// non-UTF-8 file name builds with `COPY . /c` (the default build, which
/// also walks the context for the stamp facts): it finishes, the symlink
/// arrives as a symlink, and the odd entries are named in a warning.
#[test]
fn hostile_context_builds_and_reports() {
    if !testbed() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let ctx = tmp.path().join("ctx");
    std::fs::create_dir(&ctx).unwrap();
    std::fs::write(ctx.join("Dockerfile"), "FROM scratch\nCOPY . /c\n").unwrap();
    std::fs::write(ctx.join("a.txt"), "hello\n").unwrap();
    mkfifo(&ctx.join("fifo"));
    let _sock = std::os::unix::net::UnixListener::bind(ctx.join("sock")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", ctx.join("passwd")).unwrap();
    let latin1 = std::ffi::OsString::from_vec(b"caf\xe9.txt".to_vec());
    std::fs::write(ctx.join(&latin1), "latin-1\n").unwrap();
    let dest = tmp.path().join("out");

    let mut child = Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(["build", "--progress", "plain", "-o"])
        .arg(format!("type=local,dest={}", dest.display()))
        .arg(&ctx)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start strata build");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    // A bound on hanging (a FIFO opened for reading blocks forever), not a
    // speed check.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "strata build did not finish within 180 s:\n{}",
                reader.join().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stderr = reader.join().unwrap();
    assert!(status.success(), "the build failed:\n{stderr}");

    let out = dest.join("c");
    assert_eq!(
        std::fs::read_to_string(out.join("a.txt")).unwrap(),
        "hello\n"
    );
    // The symlink is copied as a symlink: /etc/passwd was never read.
    let md = std::fs::symlink_metadata(out.join("passwd")).unwrap();
    assert!(
        md.file_type().is_symlink(),
        "passwd is not a symlink: {md:?}"
    );
    assert_eq!(
        std::fs::read_link(out.join("passwd")).unwrap(),
        Path::new("/etc/passwd")
    );
    // As with upstream fsutil, the socket travels as an empty regular file.
    let sock = std::fs::symlink_metadata(out.join("sock")).unwrap();
    assert!(sock.is_file() && sock.len() == 0, "sock: {sock:?}");
    // The non-UTF-8 name cannot be sent (see walk.rs) and is left out.
    assert!(!out.join(&latin1).exists());

    // One warning line, naming the odd entries (never their contents).
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning: build context"))
        .unwrap_or_else(|| panic!("no warning about the context:\n{stderr}"));
    for name in [
        "fifo (FIFO, not read)",
        "sock (socket, not read)",
        "caf\\xe9.txt",
    ] {
        assert!(warning.contains(name), "{name} not in: {warning}");
    }
}
