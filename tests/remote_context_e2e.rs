//! End-to-end tests of build contexts that are not a local directory, on
//! the `# syntax=` path (`docker buildx build URL`, `docker buildx build -`)
//! and on `strata build`: a Git repository served over HTTP from this test
//! (dumb HTTP: a bare repository after `git update-server-info`), a tarball
//! or a lone Dockerfile served over HTTP, and a tar on standard input.
//! `SOURCE_DATE_EPOCH` naming such a source (`context`, a named context,
//! a source-only stage) takes the source's time.
//! BuildKit's git and http sources fetch from the engine's network
//! namespace, the host's on the testbed, so 127.0.0.1 servers reach it.
//!
//! Without `STRATA_TESTBED` these tests print why and return; with it every
//! step must work. `STRATA_FRONTEND_IMAGE=REF` skips building the image.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The image under test, built and pushed once per test process under a
/// tag of its own (never the shared `strata:dev`).
fn frontend_image() -> &'static str {
    static IMAGE: OnceLock<String> = OnceLock::new();
    IMAGE.get_or_init(|| {
        if let Ok(image) = std::env::var("STRATA_FRONTEND_IMAGE") {
            return image;
        }
        let image = format!("{}/strata:remote-context-e2e", common::registry());
        let out = Command::new(repo().join("scripts/frontend-image.sh"))
            .args(["--push", &image])
            .current_dir(repo())
            .output()
            .expect("run scripts/frontend-image.sh");
        assert!(
            out.status.success(),
            "scripts/frontend-image.sh failed:\n{}",
            text(&out)
        );
        image
    })
}

/// A loopback HTTP/1.0 file server over `root` (query strings ignored, so
/// git's dumb protocol finds `info/refs`). Serves until the test ends.
fn serve(root: &Path) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, &root);
            });
        }
    });
    base
}

fn answer(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let path = parts.next().unwrap_or("/");
    let rel = path.split('?').next().unwrap_or("").trim_start_matches('/');
    let body = if rel.split('/').any(|p| p == "..") {
        None
    } else {
        std::fs::read(root.join(rel)).ok()
    };
    // A `NAME.last-modified` file beside `NAME` holds its Last-Modified.
    let last_modified = std::fs::read_to_string(root.join(format!("{rel}.last-modified")))
        .map(|date| format!("Last-Modified: {}\r\n", date.trim()))
        .unwrap_or_default();
    let mut out = stream;
    match body {
        Some(body) => {
            write!(
                out,
                "HTTP/1.0 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\n{last_modified}Connection: close\r\n\r\n",
                body.len()
            )?;
            if method != "HEAD" {
                out.write_all(&body)?;
            }
        }
        None => write!(
            out,
            "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )?,
    }
    out.flush()
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("run command");
    assert!(out.status.success(), "{cmd:?} failed:\n{}", text(&out));
    out
}

fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (name, content) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, content).expect("write file");
    }
}

/// The committer time of every commit [`git_repo`] makes.
const GIT_COMMIT_TIME: i64 = 1_700_000_101;

/// A bare repository `repo.git` under a fresh served directory, holding
/// `files` on branch `main` (`object_format`: sha1 or sha256).
fn git_repo(files: &[(&str, &str)], object_format: &str) -> (tempfile::TempDir, String) {
    let served = tempfile::tempdir().expect("tempdir");
    let work = tempfile::tempdir().expect("tempdir");
    write_files(work.path(), files);
    let git = |dir: &Path, args: &[&str]| {
        run(Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(dir));
    };
    git(
        work.path(),
        &["init", "-q", &format!("--object-format={object_format}")],
    );
    git(work.path(), &["add", "-A"]);
    run(Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@t"])
        .args(["commit", "-q", "-m", "context"])
        .env("GIT_AUTHOR_DATE", format!("@{GIT_COMMIT_TIME} +0000"))
        .env("GIT_COMMITTER_DATE", format!("@{GIT_COMMIT_TIME} +0000"))
        .current_dir(work.path()));
    let bare = served.path().join("repo.git");
    git(
        served.path(),
        &[
            "clone",
            "-q",
            "--bare",
            &work.path().display().to_string(),
            &bare.display().to_string(),
        ],
    );
    git(&bare, &["update-server-info"]);
    let base = serve(served.path());
    (served, format!("{base}/repo.git"))
}

/// `docker buildx build` with the testbed's docker, host networking and a
/// tar export; `context` is a URL or `-`.
fn buildx(context: &str, args: &[&str], tar: &Path, stdin: Option<&Path>) -> Output {
    // Bounded: a build that waits on a context nobody serves must fail the
    // test, not hang it.
    let mut cmd = Command::new("timeout");
    cmd.args([
        "300",
        "docker",
        "buildx",
        "build",
        "--progress=plain",
        "--network=host",
    ])
    .args(args)
    .arg("--output")
    .arg(format!("type=tar,dest={}", tar.display()))
    .arg(context)
    .env("BUILDX_EXPERIMENTAL", "1");
    match stdin {
        Some(f) => cmd.stdin(std::fs::File::open(f).expect("open stdin file")),
        None => cmd.stdin(Stdio::null()),
    };
    cmd.output().expect("run docker buildx build")
}

fn strata_build(context: &str, args: &[&str], tar: &Path, stdin: Option<&Path>) -> Output {
    let mut cmd = Command::new("timeout");
    cmd.arg("300")
        .arg(env!("CARGO_BIN_EXE_strata"))
        .args(["build", "--progress", "plain", "--network", "host"])
        .args(args)
        .arg("-o")
        .arg(format!("type=tar,dest={}", tar.display()))
        .arg(context);
    match stdin {
        Some(f) => cmd.stdin(std::fs::File::open(f).expect("open stdin file")),
        None => cmd.stdin(Stdio::null()),
    };
    cmd.output().expect("run strata build")
}

fn tar_listing(tar: &Path) -> String {
    let out = run(Command::new("tar").arg("-tf").arg(tar));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn tar_file(tar: &Path, member: &str) -> String {
    let out = run(Command::new("tar").arg("-xOf").arg(tar).arg(member));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The files of a git context: a Dockerfile at the root and one in `sub/`
/// (for `#ref:sub`), a `.dockerignore` in both, a file each ignores.
fn git_context_files(syntax: &str) -> Vec<(&'static str, String)> {
    let body = "FROM scratch\nCOPY . /ctx/\n";
    vec![
        ("Dockerfile", format!("{syntax}{body}")),
        (
            "other.Dockerfile",
            format!("{syntax}FROM scratch\nCOPY kept.txt /other/\n"),
        ),
        (".dockerignore", "*.secret\n".into()),
        ("kept.txt", "kept\n".into()),
        ("token.secret", "ignored\n".into()),
        ("sub/Dockerfile", format!("{syntax}{body}")),
        ("sub/.dockerignore", "drop.txt\n".into()),
        ("sub/in-sub.txt", "in sub\n".into()),
        ("sub/drop.txt", "dropped\n".into()),
    ]
}

fn check_git_results(tar_root: &Path, tar_sub: &Path, tar_other: &Path, log: &str) {
    let files = tar_listing(tar_root);
    assert!(files.contains("ctx/kept.txt"), "{files}\n{log}");
    assert!(files.contains("ctx/sub/in-sub.txt"), "{files}\n{log}");
    assert!(
        !files.contains("token.secret"),
        ".dockerignore of the remote context not applied:\n{files}"
    );
    let files = tar_listing(tar_sub);
    assert_eq!(tar_file(tar_sub, "ctx/in-sub.txt"), "in sub\n", "{files}");
    assert!(
        !files.contains("kept.txt"),
        "#main:sub not scoped:\n{files}"
    );
    assert!(
        !files.contains("drop.txt"),
        "sub/.dockerignore not applied:\n{files}"
    );
    assert_eq!(tar_file(tar_other, "other/kept.txt"), "kept\n");
}

fn git_context_through(
    object_format: &str,
    build: impl Fn(&str, &[&str], &Path) -> Output,
    syntax: &str,
) {
    let files = git_context_files(syntax);
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, c)| (*n, c.as_str())).collect();
    let (_served, url) = git_repo(&borrowed, object_format);
    let out_dir = tempfile::tempdir().expect("tempdir");
    let tar_root = out_dir.path().join("root.tar");
    let tar_sub = out_dir.path().join("sub.tar");
    let tar_other = out_dir.path().join("other.tar");
    let out = build(&format!("{url}#main"), &[], &tar_root);
    let mut log = text(&out);
    assert!(out.status.success(), "{log}");
    let out = build(&format!("{url}#main:sub"), &[], &tar_sub);
    log += &text(&out);
    assert!(out.status.success(), "{log}");
    let out = build(&url, &["-f", "other.Dockerfile"], &tar_other);
    log += &text(&out);
    assert!(out.status.success(), "{log}");
    check_git_results(&tar_root, &tar_sub, &tar_other, &log);
}

#[test]
fn git_context_through_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let syntax = format!("# syntax={image}\n");
    // SHA-256 repositories need the engine's git source to know them:
    // Docker Engine 26 (BuildKit 0.13) answers "invalid commit sha" already
    // in its own frontend, before this image runs.
    git_context_through("sha1", |c, a, t| buildx(c, a, t, None), &syntax);
}

#[test]
fn git_context_with_strata_build() {
    if !common::testbed() {
        return;
    }
    git_context_through("sha1", |c, a, t| strata_build(c, a, t, None), "");
}

/// A context tarball; `dockerfile` at its root when given.
fn context_tar(dir: &Path, dockerfile: Option<&str>, gzip: bool) -> PathBuf {
    let ctx = dir.join("ctx");
    let mut files = vec![
        (".dockerignore", "*.secret\n"),
        ("kept.txt", "kept\n"),
        ("token.secret", "ignored\n"),
    ];
    if let Some(d) = dockerfile {
        files.push(("Dockerfile", d));
    }
    write_files(&ctx, &files);
    let tar = dir.join(if gzip { "ctx.tar.gz" } else { "ctx.tar" });
    run(Command::new("tar")
        .arg(if gzip { "-czf" } else { "-cf" })
        .arg(&tar)
        .arg("-C")
        .arg(&ctx)
        .arg("."));
    tar
}

fn check_tarball_result(tar: &Path, log: &str) {
    let files = tar_listing(tar);
    assert_eq!(tar_file(tar, "ctx/kept.txt"), "kept\n", "{files}\n{log}");
    assert!(
        !files.contains("token.secret"),
        ".dockerignore of the tarball not applied:\n{files}"
    );
}

fn http_contexts_through(
    build: impl Fn(&str, &Path, Option<&Path>) -> Output,
    syntax: &str,
    stdin: bool,
) {
    let served = tempfile::tempdir().expect("tempdir");
    let body = format!("{syntax}FROM scratch\nCOPY . /ctx/\n");
    context_tar(served.path(), Some(&body), true);
    let plain_tar = context_tar(served.path(), Some(&body), false);
    std::fs::write(
        served.path().join("Dockerfile.remote"),
        format!("{syntax}FROM scratch\nENV FROM_URL=1\nWORKDIR /lone\n"),
    )
    .expect("write");
    let base = serve(served.path());
    let out_dir = tempfile::tempdir().expect("tempdir");

    let tar = out_dir.path().join("tgz.tar");
    let out = build(&format!("{base}/ctx.tar.gz"), &tar, None);
    assert!(out.status.success(), "{}", text(&out));
    check_tarball_result(&tar, &text(&out));

    if stdin {
        let tar = out_dir.path().join("stdin.tar");
        let out = build("-", &tar, Some(&plain_tar));
        assert!(out.status.success(), "{}", text(&out));
        check_tarball_result(&tar, &text(&out));
    }

    // A URL that is the Dockerfile itself: the context is that one file.
    let tar = out_dir.path().join("lone.tar");
    let out = build(&format!("{base}/Dockerfile.remote"), &tar, None);
    assert!(out.status.success(), "{}", text(&out));
    assert!(tar_listing(&tar).contains("lone"), "{}", text(&out));

    // Gone: the error names the URL, the build fails, nothing is written.
    let tar = out_dir.path().join("missing.tar");
    let url = format!("{base}/missing.tar.gz");
    let out = build(&url, &tar, None);
    assert!(!out.status.success(), "{}", text(&out));
    // Through the image, Docker's own frontend fails first (reading the
    // `# syntax=` line), in its words, and buildx leaves its output file;
    // strata build's error names the URL and writes nothing.
    if syntax.is_empty() {
        assert!(text(&out).contains(&url), "{}", text(&out));
        assert!(!tar.exists(), "a failed build left {}", tar.display());
    }
}

#[test]
fn http_and_stdin_contexts_through_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let syntax = format!("# syntax={image}\n");
    http_contexts_through(|c, t, s| buildx(c, &[], t, s), &syntax, false);
}

/// `docker buildx build - < ctx.tar` through the image. Run by hand it
/// builds (the image's download of the upload is the same vertex as Docker's
/// own frontend's, so the engine reuses it); inside this test harness the
/// buildx run stalls until the timeout, not yet understood.
#[test]
#[ignore = "stalls under the test harness; works when run by hand (see doc)"]
fn stdin_context_through_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let syntax = format!("# syntax={image}\n");
    http_contexts_through(|c, t, s| buildx(c, &[], t, s), &syntax, true);
}

#[test]
fn http_and_stdin_contexts_with_strata_build() {
    if !common::testbed() {
        return;
    }
    http_contexts_through(|c, t, s| strata_build(c, &[], t, s), "", true);
}

/// An unreachable repository fails the build naming the URL.
#[test]
fn unreachable_git_repository_names_the_url() {
    if !common::testbed() {
        return;
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!(
        "http://{}/nothing.git",
        listener.local_addr().expect("addr")
    );
    drop(listener);
    let out_dir = tempfile::tempdir().expect("tempdir");
    let tar = out_dir.path().join("out.tar");
    let out = strata_build(&format!("{url}#main"), &[], &tar, None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains(&url), "{}", text(&out));
    assert!(!tar.exists());
}

/// A build loaded into the engine as `name` (`--load -t`), through the
/// image (`syntax` set) or with `strata build`.
fn load_build(syntax: &str, context: &str, args: &[&str], name: &str) -> Output {
    let mut cmd = Command::new("timeout");
    cmd.arg("300");
    if syntax.is_empty() {
        cmd.arg(env!("CARGO_BIN_EXE_strata")).args([
            "build",
            "--progress",
            "plain",
            "--network",
            "host",
        ]);
    } else {
        cmd.args([
            "docker",
            "buildx",
            "build",
            "--progress=plain",
            "--network=host",
        ])
        .env("BUILDX_EXPERIMENTAL", "1");
    }
    cmd.args(["--load", "-t", name])
        .args(args)
        .arg(context)
        .stdin(Stdio::null());
    cmd.output().expect("run the build")
}

/// The loaded image's creation time and its `epoch` label (the value the
/// Dockerfile's `ARG SOURCE_DATE_EPOCH` had).
fn created_and_epoch_label(name: &str) -> (String, String) {
    let out = run(Command::new("docker").args([
        "image",
        "inspect",
        "--format",
        "{{.Created}}|{{index .Config.Labels \"epoch\"}}",
        name,
    ]));
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let (created, label) = text.split_once('|').expect("created|label");
    (created.to_string(), label.to_string())
}

/// A tar of `files` whose entries all carry `mtime` (Unix seconds).
fn tar_dated(dir: &Path, name: &str, files: &[(&str, &str)], mtime: i64) -> PathBuf {
    let src = dir.join(format!("{name}.d"));
    write_files(&src, files);
    let tar = dir.join(name);
    run(Command::new("tar")
        .arg(format!("--mtime=@{mtime}"))
        .arg("-cf")
        .arg(&tar)
        .arg("-C")
        .arg(&src)
        .arg("."));
    tar
}

fn source_date_epoch_from_sources(syntax: &str) {
    let label = "ARG SOURCE_DATE_EPOCH\nLABEL epoch=$SOURCE_DATE_EPOCH\n";
    let served = tempfile::tempdir().expect("tempdir");
    let base = serve(served.path());
    let tag = common::unique("strata-sde-");
    let check = |out: &Output, name: &str, created: &str, epoch: &str| {
        assert!(out.status.success(), "{name}:\n{}", text(out));
        assert_eq!(
            created_and_epoch_label(&format!("{tag}:{name}")),
            (created.to_string(), epoch.to_string()),
            "{name}:\n{}",
            text(out)
        );
    };

    // `SOURCE_DATE_EPOCH=context` as a build arg with strata build; buildx
    // (0.13) refuses a build arg that is not seconds, so through the image
    // the Dockerfile's meta ARG says it.
    let (from_context, context_arg): (&str, &[&str]) = if syntax.is_empty() {
        ("", &["--build-arg", "SOURCE_DATE_EPOCH=context"])
    } else {
        ("ARG SOURCE_DATE_EPOCH=context\n", &[])
    };

    // `context`, an HTTP tarball without Last-Modified: its newest file.
    let dockerfile = format!("{syntax}{from_context}FROM scratch\n{label}COPY foo /\n");
    tar_dated(
        served.path(),
        "ctx.tar",
        &[("Dockerfile", &dockerfile), ("foo", "bar\n")],
        1_700_000_302,
    );
    let out = load_build(
        syntax,
        &format!("{base}/ctx.tar"),
        context_arg,
        &format!("{tag}:context"),
    );
    check(&out, "context", "2023-11-14T22:18:22Z", "1700000302");

    // A source-only stage whose download has a Last-Modified: that time.
    tar_dated(served.path(), "src.tar", &[("foo", "bar\n")], 1_700_009_999);
    std::fs::write(
        served.path().join("src.tar.last-modified"),
        "Tue, 14 Nov 2023 22:23:21 GMT",
    )
    .expect("write");
    let local = tempfile::tempdir().expect("tempdir");
    write_files(
        local.path(),
        &[(
            "Dockerfile",
            &format!(
                "{syntax}ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch AS mysource\nADD {base}/src.tar /\nFROM scratch\n{label}COPY Dockerfile /\n"
            ),
        )],
    );
    let ctx = local.path().display().to_string();
    let out = load_build(syntax, &ctx, &[], &format!("{tag}:stage"));
    check(&out, "stage", "2023-11-14T22:23:21Z", "1700000601");

    // A named context, an HTTP tarball without Last-Modified.
    tar_dated(
        served.path(),
        "named.tar",
        &[("foo", "bar\n")],
        1_700_000_602,
    );
    let named = tempfile::tempdir().expect("tempdir");
    write_files(
        named.path(),
        &[(
            "Dockerfile",
            &format!(
                "{syntax}ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch\n{label}COPY Dockerfile /\n"
            ),
        )],
    );
    let out = load_build(
        syntax,
        &named.path().display().to_string(),
        &["--build-context", &format!("mysource={base}/named.tar")],
        &format!("{tag}:named"),
    );
    check(&out, "named", "2023-11-14T22:23:22Z", "1700000602");

    // A stage that builds something is not a source: refused, at its FROM.
    write_files(
        local.path(),
        &[(
            "Dockerfile",
            &format!(
                "{syntax}ARG SOURCE_DATE_EPOCH=mysource\nFROM scratch AS mysource\nCOPY Dockerfile /\nFROM scratch\n"
            ),
        )],
    );
    let out = load_build(syntax, &ctx, &[], &format!("{tag}:invalid"));
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("SOURCE_DATE_EPOCH stage does not meet source-only requirements"),
        "{}",
        text(&out)
    );

    // A Git context's commit time, where the engine reports the commit
    // (BuildKit's ResolveSourceMeta with the commit object); an engine
    // that answers without it leaves the epoch unset and says so.
    let (_repo, url) = git_repo(
        &[(
            "Dockerfile",
            &format!("{syntax}{from_context}FROM scratch\n{label}COPY Dockerfile /\n"),
        )],
        "sha1",
    );
    let out = load_build(
        syntax,
        &format!("{url}#main"),
        context_arg,
        &format!("{tag}:git"),
    );
    assert!(out.status.success(), "{}", text(&out));
    let (_, epoch) = created_and_epoch_label(&format!("{tag}:git"));
    if epoch.is_empty() {
        assert!(
            text(&out).contains("did not report the Git commit"),
            "no epoch and no warning:\n{}",
            text(&out)
        );
    } else {
        assert_eq!(epoch, GIT_COMMIT_TIME.to_string(), "{}", text(&out));
    }
    let _ = Command::new("docker")
        .args(["image", "rm", "-f"])
        .args(["context", "stage", "named", "git"].map(|n| format!("{tag}:{n}")))
        .output();
}

#[test]
fn source_date_epoch_from_sources_through_the_image() {
    if !common::testbed() {
        return;
    }
    let syntax = format!("# syntax={}\n", frontend_image());
    source_date_epoch_from_sources(&syntax);
}

#[test]
fn source_date_epoch_from_sources_with_strata_build() {
    if !common::testbed() {
        return;
    }
    source_date_epoch_from_sources("");
}
