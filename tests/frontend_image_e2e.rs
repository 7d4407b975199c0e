//! End-to-end tests of strata as a `# syntax=` frontend image, against the
//! testbed (`source /var/lib/strata-testbed/env`): the image is built and
//! pushed with `scripts/frontend-image.sh`, then `docker buildx build` runs
//! Dockerfiles through it.
//!
//! Without `STRATA_TESTBED` these tests print why and return; with it every
//! step must work. `STRATA_FRONTEND_IMAGE=REF` skips building and uses REF.

mod common;
use common::unique;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
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

/// The image under test, built and pushed once per test process.
fn frontend_image() -> &'static str {
    static IMAGE: OnceLock<String> = OnceLock::new();
    IMAGE.get_or_init(|| {
        if let Ok(image) = std::env::var("STRATA_FRONTEND_IMAGE") {
            return image;
        }
        let registry = std::env::var("STRATA_REGISTRY").unwrap_or_else(|_| "127.0.0.1:5000".into());
        let image = format!("{registry}/strata:e2e");
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

/// `docker buildx build` with the testbed's docker and host networking.
fn buildx(dir: &Path, args: &[&str]) -> Output {
    Command::new("docker")
        .args(["buildx", "build", "--progress=plain", "--network=host"])
        .args(args)
        .arg(dir)
        .env("BUILDX_EXPERIMENTAL", "1")
        .output()
        .expect("run docker buildx build")
}

fn context(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).expect("write context file");
    }
    dir
}

/// Files of a `type=tar` export.
fn tar_listing(tar: &Path) -> String {
    let out = Command::new("tar")
        .arg("-tf")
        .arg(tar)
        .output()
        .expect("tar -tf");
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn tar_file(tar: &Path, member: &str) -> String {
    let out = Command::new("tar")
        .arg("-xOf")
        .arg(tar)
        .arg(member)
        .output()
        .expect("tar -xOf");
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn inspect(image: &str, format: &str) -> String {
    let out = Command::new("docker")
        .args(["image", "inspect", "--format", format, image])
        .output()
        .expect("docker image inspect");
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

const BODY: &str = "FROM busybox:latest\n\
    ARG GREETING=hello\n\
    RUN echo \"$GREETING from strata\" > /greeting.txt\n\
    COPY input.txt /input.txt\n\
    ENV STRATA_E2E=1\n\
    WORKDIR /app\n\
    CMD [\"cat\", \"/greeting.txt\"]\n";

/// The build went through the frontend image: the engine resolved it.
fn assert_used_frontend(log: &str, image: &str) {
    assert!(
        log.contains(image),
        "the frontend image {image} does not appear in the build log:\n{log}"
    );
}

fn check_result(dir: &Path, image_name: &str, log: &str) {
    let tar = dir.join("out.tar");
    let files = tar_listing(&tar);
    assert!(
        files
            .lines()
            .any(|l| l.trim_start_matches("./") == "greeting.txt"),
        "greeting.txt missing:\n{files}"
    );
    assert_eq!(tar_file(&tar, "greeting.txt"), "hi from strata\n", "{log}");
    assert_eq!(tar_file(&tar, "input.txt"), "from the context\n");
    assert!(inspect(image_name, "{{json .Config.Env}}").contains("STRATA_E2E=1"));
    assert_eq!(inspect(image_name, "{{.Config.WorkingDir}}"), "/app");
    assert_eq!(
        inspect(image_name, "{{json .Config.Cmd}}"),
        r#"["cat","/greeting.txt"]"#
    );
}

fn build_both_ways(dir: &Path, extra: &[&str]) -> (String, String) {
    let name = unique("strata-fe-e2e-");
    let tar = format!("type=tar,dest={}", dir.join("out.tar").display());
    let mut args: Vec<&str> = extra.to_vec();
    args.extend(["--build-arg", "GREETING=hi", "--output", &tar]);
    let out = buildx(dir, &args);
    assert!(out.status.success(), "tar export failed:\n{}", text(&out));
    let mut args: Vec<&str> = extra.to_vec();
    args.extend(["--build-arg", "GREETING=hi", "-t", &name, "--load"]);
    let loaded = buildx(dir, &args);
    assert!(
        loaded.status.success(),
        "image build failed:\n{}",
        text(&loaded)
    );
    (name, text(&out))
}

#[test]
fn syntax_line_builds_through_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dockerfile = format!("# syntax={image}\n{BODY}");
    let dir = context(&[
        ("Dockerfile", &dockerfile),
        ("input.txt", "from the context\n"),
    ]);
    let (name, log) = build_both_ways(dir.path(), &[]);
    assert_used_frontend(&log, image);
    check_result(dir.path(), &name, &log);
    let _ = Command::new("docker")
        .args(["image", "rm", "-f", &name])
        .output();
}

#[test]
fn buildkit_syntax_build_arg_selects_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dir = context(&[("Dockerfile", BODY), ("input.txt", "from the context\n")]);
    let arg = format!("BUILDKIT_SYNTAX={image}");
    let (name, log) = build_both_ways(dir.path(), &["--build-arg", &arg]);
    assert_used_frontend(&log, image);
    check_result(dir.path(), &name, &log);
    let _ = Command::new("docker")
        .args(["image", "rm", "-f", &name])
        .output();
}

/// `--call=targets` (buildx >= 0.15) or the experimental `--print=targets` (older buildx).
fn subrequest_flag(kind: &str) -> String {
    let help = Command::new("docker")
        .args(["buildx", "build", "--help"])
        .env("BUILDX_EXPERIMENTAL", "1")
        .output()
        .expect("buildx help");
    if String::from_utf8_lossy(&help.stdout).contains("--call") {
        format!("--call={kind}")
    } else {
        format!("--print={kind}")
    }
}

const STAGES: &str = "# VERSION the busybox tag\n\
    ARG VERSION=latest\n\
    # base the shared base stage\n\
    FROM busybox:${VERSION} AS base\n\
    RUN true\n\
    \n\
    # tester runs the tests\n\
    FROM base AS tester\n\
    RUN --mount=type=secret,id=npmrc,required=true true\n\
    \n\
    FROM scratch AS release\n\
    COPY --from=base /bin/busybox /busybox\n";

#[test]
fn targets_and_outline_subrequests() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dir = context(&[("Dockerfile", &format!("# syntax={image}\n{STAGES}"))]);
    let flag = subrequest_flag("targets");
    let out = buildx(dir.path(), &[&flag]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stdout.contains("TARGET"),
        "no targets table:\n{}",
        text(&out)
    );
    assert!(
        stdout.contains("base") && stdout.contains("the shared base stage"),
        "{stdout}"
    );
    assert!(
        stdout.contains("tester") && stdout.contains("runs the tests"),
        "{stdout}"
    );
    assert!(stdout.contains("release (default)"), "{stdout}");

    let flag = subrequest_flag("outline");
    let out = buildx(dir.path(), &[&flag, "--target", "tester"]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stdout.contains("TARGET:") && stdout.contains("tester"),
        "{stdout}"
    );
    assert!(
        stdout.contains("VERSION") && stdout.contains("the busybox tag"),
        "{stdout}"
    );
    assert!(
        stdout.contains("npmrc"),
        "secret missing from the outline:\n{stdout}"
    );
}

#[test]
fn unknown_instruction_fails_naming_the_line() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dir = context(&[(
        "Dockerfile",
        &format!(
            "# syntax={image}\nFROM busybox:latest\nRUN true\nBOGUS this is not an instruction\n"
        ),
    )]);
    let out = buildx(dir.path(), &[]);
    let log = text(&out);
    assert!(!out.status.success(), "the build should fail:\n{log}");
    assert!(
        log.contains("BOGUS"),
        "the error does not name the instruction:\n{log}"
    );
    assert!(
        log.contains("Dockerfile:4"),
        "the error does not name the line:\n{log}"
    );
}

/// `strata build` (the CLI binary of this package) with plain progress.
fn strata_build(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(["build", "--progress", "plain", "--network", "host"])
        .args(args)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run strata build")
}

const CHECKED: &str = "FROM busybox:latest\n\
    MAINTAINER someone <someone@example.com>\n\
    RUN true\n";

#[test]
fn build_checks_reach_the_client_as_warnings() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dir = context(&[("Dockerfile", &format!("# syntax={image}\n{CHECKED}"))]);
    let out = buildx(dir.path(), &[]);
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert_used_frontend(&log, image);
    assert!(
        log.contains("MaintainerDeprecated") && log.contains("(line 3)"),
        "buildx shows no MaintainerDeprecated warning:\n{log}"
    );

    // The same frontend inside the CLI, and the image through the CLI.
    let dir = context(&[("Dockerfile", CHECKED)]);
    for extra in [vec![], vec!["--frontend", "gateway.v0", "--opt"]] {
        let source = format!("source={image}");
        let mut args: Vec<&str> = extra.clone();
        if !extra.is_empty() {
            args.push(&source);
        }
        let out = strata_build(dir.path(), &args);
        let log = text(&out);
        assert!(out.status.success(), "{log}");
        assert!(
            log.contains("WARN: MaintainerDeprecated") && log.contains("(line 2)"),
            "strata build {args:?} shows no warning:\n{log}"
        );
        assert!(
            log.contains("1 warning found:\n - MaintainerDeprecated"),
            "the summary does not list the warning:\n{log}"
        );
    }

    // check=error=true turns findings into a failure.
    let dir = context(&[(
        "Dockerfile",
        &format!("# syntax={image}\n# check=error=true\n{CHECKED}"),
    )]);
    let out = buildx(dir.path(), &[]);
    let log = text(&out);
    assert!(
        !out.status.success(),
        "check=error=true should fail:\n{log}"
    );
    assert!(
        log.contains("lint violation found for rules: MaintainerDeprecated"),
        "{log}"
    );
}

/// An OCI layout directory holding one image with /marker, made by `strata build -o type=oci`.
fn oci_layout_with_marker(marker: &str) -> tempfile::TempDir {
    let src = context(&[(
        "Dockerfile",
        &format!("FROM busybox:latest\nRUN echo {marker} > /marker\nENV FROM_LAYOUT=1\n"),
    )]);
    let tar = src.path().join("layout.tar");
    let out = strata_build(
        src.path(),
        &["-o", &format!("type=oci,dest={}", tar.display())],
    );
    assert!(
        out.status.success(),
        "strata build -o type=oci:\n{}",
        text(&out)
    );
    let layout = tempfile::tempdir().expect("tempdir");
    let untar = Command::new("tar")
        .arg("-xf")
        .arg(&tar)
        .arg("-C")
        .arg(layout.path())
        .output()
        .expect("tar -xf");
    assert!(untar.status.success(), "{}", text(&untar));
    assert!(layout.path().join("index.json").is_file());
    layout
}

/// The manifest digest an OCI layout's index.json lists first.
fn layout_digest(layout: &Path) -> String {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("index.json")).expect("read index.json"))
            .expect("index.json is JSON");
    index["manifests"][0]["digest"]
        .as_str()
        .expect("a manifest digest")
        .to_string()
}

/// `--build-context base=oci-layout://DIR@DIGEST`. buildx serves the layout
/// from the client's session; the frontend resolves it with the OCI-layout
/// resolver and loads it with an `oci-layout://` source op. Docker Engine 26's
/// embedded BuildKit has no oci-layout source ("unknown scheme oci-layout",
/// the engine's own Dockerfile frontend fails the same way), so on such an
/// engine this checks that strata asks for exactly what the built-in
/// frontend asks for and fails identically; on an engine with the source it
/// checks the built result.
#[test]
fn oci_layout_build_context() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let layout = oci_layout_with_marker("from-the-layout");
    let digest = layout_digest(layout.path());
    let ctx = format!("base=oci-layout://{}@{digest}", layout.path().display());
    let body = "FROM base\nRUN cp /marker /copied\n";
    let run = |dockerfile: &str| {
        let dir = context(&[("Dockerfile", dockerfile)]);
        let tar = dir.path().join("out.tar");
        let dest = format!("type=tar,dest={}", tar.display());
        let out = buildx(dir.path(), &["--build-context", &ctx, "--output", &dest]);
        let copied = out.status.success().then(|| tar_file(&tar, "copied"));
        (text(&out), copied)
    };
    let (builtin_log, builtin) = run(body);
    let (log, ours) = run(&format!("# syntax={image}\n{body}"));
    assert_used_frontend(&log, image);
    let asked = format!("[context base] load metadata for docker.io/library/base@{digest}");
    assert!(
        log.contains(&asked),
        "strata did not resolve the layout image:\n{log}"
    );
    if builtin.is_none() && builtin_log.contains("unknown scheme oci-layout") {
        eprintln!("NOTE: this engine has no oci-layout source; checking strata fails the same way");
        assert!(log.contains("unknown scheme oci-layout"), "{log}");
        return;
    }
    assert_eq!(
        builtin.as_deref(),
        Some("from-the-layout\n"),
        "{builtin_log}"
    );
    assert_eq!(ours.as_deref(), Some("from-the-layout\n"), "{log}");
}

/// `docker buildx bake` with `contexts = { base = "target:other" }`: buildx
/// builds `other`'s definition and hands it to the frontend as the input
/// `other` (`context:base=input:other`, config in `input-metadata:other`).
/// No RUN steps: bake 0.13 does not apply `network` to its targets and the
/// testbed has no bridge network.
#[test]
fn bake_target_context_arrives_as_an_input() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dir = context(&[
        ("marker", "from-other\n"),
        ("extra", "extra\n"),
        (
            "other.Dockerfile",
            "FROM busybox:latest\nCOPY marker /marker\nWORKDIR /from-other\n",
        ),
        (
            "Dockerfile",
            &format!("# syntax={image}\nFROM base\nWORKDIR sub\nCOPY extra ./extra\n"),
        ),
    ]);
    let tar = dir.path().join("out.tar");
    let hcl = format!(
        "target \"other\" {{\n  dockerfile = \"other.Dockerfile\"\n}}\n\
         target \"main\" {{\n  contexts = {{ base = \"target:other\" }}\n  output = [\"type=tar,dest={}\"]\n}}\n",
        tar.display()
    );
    std::fs::write(dir.path().join("docker-bake.hcl"), hcl).expect("write bake file");
    let out = Command::new("docker")
        .args(["buildx", "bake", "--progress=plain", "main"])
        .current_dir(dir.path())
        .output()
        .expect("run docker buildx bake");
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert_used_frontend(&log, image);
    assert_eq!(tar_file(&tar, "marker"), "from-other\n", "{log}");
    assert_eq!(
        tar_file(&tar, "from-other/sub/extra"),
        "extra\n",
        "the input's image config (WORKDIR /from-other) applies:\n{log}"
    );
}

/// A `local:` named context (a directory given to `--build-context`) applies
/// its own `.dockerignore`, through the image and in the CLI.
#[test]
fn local_named_context_honours_its_dockerignore() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let extra = context(&[
        (".dockerignore", "*.secret\n"),
        ("kept.txt", "kept\n"),
        ("token.secret", "do not send\n"),
    ]);
    let body = "FROM scratch\nCOPY --from=src . /src/\n";
    let ctx = format!("src={}", extra.path().display());
    let dir = context(&[("Dockerfile", &format!("# syntax={image}\n{body}"))]);
    let tar = dir.path().join("out.tar");
    let dest = format!("type=tar,dest={}", tar.display());
    let out = buildx(dir.path(), &["--build-context", &ctx, "--output", &dest]);
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert_used_frontend(&log, image);
    let files = tar_listing(&tar);
    assert!(files.contains("src/kept.txt"), "{files}");
    assert!(
        !files.contains("token.secret"),
        "ignored file was sent:\n{files}"
    );

    let dir = context(&[("Dockerfile", body)]);
    let tar = dir.path().join("out.tar");
    let dest = format!("type=tar,dest={}", tar.display());
    let out = strata_build(dir.path(), &["--build-context", &ctx, "-o", &dest]);
    assert!(out.status.success(), "{}", text(&out));
    let files = tar_listing(&tar);
    assert!(files.contains("src/kept.txt"), "{files}");
    assert!(
        !files.contains("token.secret"),
        "ignored file was sent:\n{files}"
    );
}

/// Budgets on the `# syntax=` path: the frontend checks the layer count
/// (planned, and equal to what the exporter writes), the context size and
/// the build time, and says which budgets it cannot check.
#[test]
fn budgets_fail_when_exceeded_and_pass_when_not_through_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    // 300 kB of context the build copies; the base image's layer count is
    // whatever the testbed's busybox has: the limits are set from it.
    let big = "x".repeat(300_000);
    let body = "FROM busybox:latest\nRUN echo a > /a\nCOPY big.txt /big.txt\nWORKDIR /app\n";
    let build = |directive: &str, toml: Option<&str>| {
        let dockerfile = format!("# syntax={image}\n{directive}\n{body}");
        let mut files = vec![
            ("Dockerfile", dockerfile.as_str()),
            ("big.txt", big.as_str()),
        ];
        if let Some(t) = toml {
            files.push(("strata.toml", t));
        }
        let dir = context(&files);
        let name = unique("strata-fe-budget-");
        let out = buildx(dir.path(), &["-t", &name, "--load"]);
        (out, name)
    };

    let (out, name) = build(
        "# strata-budget: max-layers=1000, max-context-size=10MB, max-build-time=1h, max-image-size=1GB",
        None,
    );
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert_used_frontend(&log, image);
    assert!(
        log.contains("max-image-size is not checked by the frontend"),
        "no warning for the budget the frontend cannot check:\n{log}"
    );
    let layers: u64 = inspect(&name, "{{len .RootFS.Layers}}")
        .parse()
        .expect("a layer count");

    // The planned count is the exported image's: a limit of exactly that passes.
    let (out, _) = build(&format!("# strata-budget: max-layers={layers}"), None);
    assert!(out.status.success(), "{}", text(&out));
    let (out, _) = build(&format!("# strata-budget: max-layers={}", layers - 1), None);
    let log = text(&out);
    assert!(
        !out.status.success(),
        "one layer over the budget passed:\n{log}"
    );
    assert!(
        log.contains(&format!(
            "budget max-layers exceeded: {layers} layers planned (limit {})",
            layers - 1
        )) && log.contains("Dockerfile:4 RUN echo a > /a"),
        "{log}"
    );

    // strata.toml beside the Dockerfile, and the context size.
    let (out, _) = build("", Some("[budget]\nmax-context-size = \"100kB\"\n"));
    let log = text(&out);
    assert!(
        !out.status.success(),
        "a 300 kB context passed a 100 kB budget:\n{log}"
    );
    assert!(log.contains("budget max-context-size exceeded"), "{log}");

    // A bad setting names itself.
    let (out, _) = build("# strata-budget: max-layers=many", None);
    let log = text(&out);
    assert!(!out.status.success(), "{log}");
    assert!(log.contains("max-layers") && log.contains("many"), "{log}");
}

/// `docker buildx build --check` (`--print=lint` in the testbed's buildx
/// 0.13) asks the image's `frontend.lint` subrequest: every build check,
/// the planner's included, nothing built.
#[test]
fn check_flag_lints_through_the_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let body = "FROM busybox:latest AS Bad\nMAINTAINER me\nENV A=$NOPE B=$PATH\nRUN true\n";
    let dir = context(&[("Dockerfile", &format!("# syntax={image}\n{body}"))]);
    let out = buildx(dir.path(), &["--print=lint"]);
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    for rule in ["StageNameCasing", "MaintainerDeprecated", "UndefinedVar"] {
        assert!(
            log.contains(&format!("WARNING: {rule} - ")),
            "no {rule}:\n{log}"
        );
    }
    assert!(log.contains("Usage of undefined variable '$NOPE'"), "{log}");
    assert!(
        !log.contains("'$PATH'"),
        "PATH comes from the base image:\n{log}"
    );
    assert!(
        log.contains(" 4 | >>> ENV A=$NOPE B=$PATH"),
        "the line is shown:\n{log}"
    );
    assert!(!log.contains("] RUN true"), "nothing ran:\n{log}");

    let dir = context(&[(
        "Dockerfile",
        &format!("# syntax={image}\nFROM busybox:latest\nRUN true\n"),
    )]);
    let out = buildx(dir.path(), &["--print=lint"]);
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert!(!log.contains("WARNING:"), "{log}");
}

/// A scanner image after upstream's test scanner: one statement named
/// `core` for the result, one named `extra` per extra it is shown.
const SCANNER: &str = "FROM busybox:latest\n\
COPY <<-\"EOF\" /scan.sh\n\
\tset -e\n\
\tprintf '{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":\"https://spdx.dev/Document\",\"predicate\":{\"name\":\"core\"}}' > $BUILDKIT_SCAN_DESTINATION/spdx.json\n\
\tif [ \"${BUILDKIT_SCAN_SOURCE_EXTRAS}\" ]; then\n\
\t\tfor src in \"${BUILDKIT_SCAN_SOURCE_EXTRAS}\"/*; do\n\
\t\t\tprintf '{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":\"https://spdx.dev/Document\",\"predicate\":{\"name\":\"extra %s\"}}' \"$(basename $src)\" > $BUILDKIT_SCAN_DESTINATION/$(basename $src).spdx.json\n\
\t\tdone\n\
\tfi\n\
EOF\n\
CMD sh /scan.sh\n";

/// Stages that ask to be scanned beside the result; `base2` is not built.
const SCANNED: &str = "ARG BUILDKIT_SBOM_SCAN_CONTEXT=true\n\
FROM scratch AS file\n\
ARG BUILDKIT_SBOM_SCAN_STAGE=true\n\
COPY <<EOF /file\n\
data\n\
EOF\n\
FROM scratch AS base\n\
ARG BUILDKIT_SBOM_SCAN_STAGE=true\n\
COPY --from=file /file /foo\n\
FROM scratch AS base2\n\
ARG BUILDKIT_SBOM_SCAN_STAGE=true\n\
RUN non-existent-command-would-fail\n\
FROM base\n\
ARG BUILDKIT_SBOM_SCAN_STAGE=true\n";

/// The SBOM statements a local export holds: file name → predicate name.
fn sbom_statements(dir: &Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .expect("read the output")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .map(|e| {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(e.path()).expect("read")).expect("json");
            (
                e.file_name().to_string_lossy().into_owned(),
                v["predicate"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect()
}

/// The frontend makes the SBOM attestation, so that the build context and
/// the stages that ask for it are scanned beside the result, through the
/// image (the build arg `BUILDKIT_ATTEST_SBOM`: buildx's docker driver
/// refuses `--sbom`) and with `strata build --sbom`. A local export writes
/// the statements next to the files.
#[test]
fn sbom_scans_the_context_and_stages_that_ask() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let scanner = format!("{}/strata-e2e-scanner:{}", common::registry(), unique("s"));
    let dir = context(&[("Dockerfile", SCANNER)]);
    let out = buildx(dir.path(), &["-t", &scanner, "--push"]);
    assert!(out.status.success(), "{}", text(&out));

    let expected: std::collections::BTreeMap<String, String> = [
        ("spdx.json", "core"),
        ("sbom-context.spdx.json", "extra sbom-context"),
        ("sbom-file.spdx.json", "extra sbom-file"),
        ("sbom-base.spdx.json", "extra sbom-base"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let through_image = context(&[("Dockerfile", &format!("# syntax={image}\n{SCANNED}"))]);
    let out_dir = tempfile::tempdir().expect("tempdir");
    let dest = out_dir.path().join("image");
    let arg = format!("BUILDKIT_ATTEST_SBOM=generator={scanner}");
    let out = buildx(
        through_image.path(),
        &[
            "--build-arg",
            &arg,
            "-o",
            &format!("type=local,dest={}", dest.display()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(sbom_statements(&dest), expected, "{}", text(&out));
    assert_eq!(std::fs::read_to_string(dest.join("foo")).unwrap(), "data\n");

    let plain = context(&[("Dockerfile", SCANNED)]);
    let dest = out_dir.path().join("cli");
    let out = strata_build(
        plain.path(),
        &[
            "--sbom",
            &format!("generator={scanner}"),
            "-o",
            &format!("type=local,dest={}", dest.display()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(sbom_statements(&dest), expected, "{}", text(&out));

    // Build args turn the declared ARGs off: the result alone.
    let dest = out_dir.path().join("off");
    let out = strata_build(
        plain.path(),
        &[
            "--attest",
            &format!("type=sbom,generator={scanner}"),
            "--build-arg",
            "BUILDKIT_SBOM_SCAN_STAGE=false",
            "--build-arg",
            "BUILDKIT_SBOM_SCAN_CONTEXT=false",
            "-o",
            &format!("type=local,dest={}", dest.display()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let only_core: std::collections::BTreeMap<String, String> =
        [("spdx.json".to_string(), "core".to_string())].into();
    assert_eq!(sbom_statements(&dest), only_core, "{}", text(&out));

    // Without an SBOM asked for, no statements.
    let dest = out_dir.path().join("none");
    let out = strata_build(
        plain.path(),
        &["-o", &format!("type=local,dest={}", dest.display())],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(sbom_statements(&dest).is_empty(), "{}", text(&out));
}

/// A source policy (buildx's `EXPERIMENTAL_BUILDKIT_SOURCE_POLICY`) that
/// turns a named context's image into a directory of the client: the
/// named context becomes that directory, as upstream.
#[test]
fn source_policy_turns_a_named_context_image_into_a_local() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let main = context(&[(
        "Dockerfile",
        &format!(
            "# syntax={image}\nFROM scratch AS replace\nFROM scratch\nCOPY --from=replace /foo /\n"
        ),
    )]);
    let replacement = context(&[("foo", "from the policy\n")]);
    let policy = context(&[(
        "policy.json",
        r#"{"rules":[{"action":"CONVERT","selector":{"identifier":"docker-image://docker.io/library/alpine:latest"},"updates":{"identifier":"local://test"}}]}"#,
    )]);
    let out_dir = tempfile::tempdir().expect("tempdir");
    let dest = out_dir.path().join("out");
    let out = Command::new("docker")
        .args(["buildx", "build", "--progress=plain", "--network=host"])
        .args([
            "--build-context",
            "replace=docker-image://docker.io/library/alpine:latest",
            "--build-context",
        ])
        .arg(format!("test={}", replacement.path().display()))
        .arg("-o")
        .arg(format!("type=local,dest={}", dest.display()))
        .arg(main.path())
        .env(
            "EXPERIMENTAL_BUILDKIT_SOURCE_POLICY",
            policy.path().join("policy.json"),
        )
        .output()
        .expect("run docker buildx build");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(dest.join("foo")).expect("foo"),
        "from the policy\n"
    );
}

/// As with upstream, a rebuild from cache through `docker build` is the
/// same image: strata's stamps hold no time the client did not give.
#[test]
fn a_cached_rebuild_is_the_same_image() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let dir = context(&[(
        "Dockerfile",
        &format!(
            "# syntax={image}\nFROM busybox:latest\nRUN echo {} > /x\n",
            unique("r")
        ),
    )]);
    let tag = format!("strata-e2e-same:{}", unique("t"));
    let ids: Vec<String> = (0..2)
        .map(|_| {
            let out = buildx(dir.path(), &["--load", "-t", &tag]);
            assert!(out.status.success(), "{}", text(&out));
            // Built a second apart, so a stamped clock would differ.
            std::thread::sleep(std::time::Duration::from_millis(1100));
            inspect(&tag, "{{.Id}}")
        })
        .collect();
    assert_eq!(ids[0], ids[1]);
    let _ = Command::new("docker")
        .args(["image", "rm", "-f", &tag])
        .output();
}

/// Called straight through `gateway.v0` (no `cmdline` from Docker's own
/// frontend), the image hands a build whose `# syntax=` line names a
/// frontend to that frontend, as upstream's image does: a frontend that
/// does not exist fails at line 1, naming it; the image itself builds.
#[test]
fn syntax_line_hands_a_direct_build_to_the_frontend_it_names() {
    if !common::testbed() {
        return;
    }
    let image = frontend_image();
    let out_dir = tempfile::tempdir().expect("tempdir");
    let through = |dir: &Path, dest: &str| {
        strata_build(
            dir,
            &[
                "--frontend",
                "gateway.v0",
                "--opt",
                &format!("source={image}"),
                "-o",
                &format!("type=local,dest={}", out_dir.path().join(dest).display()),
            ],
        )
    };
    let missing = format!("{}/strata-e2e-nosuchfrontend:1", common::registry());
    let bad = context(&[(
        "Dockerfile",
        &format!("#syntax={missing}\nfrom busybox:latest\n"),
    )]);
    let out = through(bad.path(), "bad");
    let log = text(&out);
    assert_eq!(out.status.code(), Some(1), "{log}");
    assert!(log.contains(&missing), "{log}");
    assert!(
        log.contains("Dockerfile:1:1"),
        "not shown at the syntax line:\n{log}"
    );
    assert!(!out_dir.path().join("bad").exists());

    let own = context(&[(
        "Dockerfile",
        &format!("# syntax={image}\nFROM busybox:latest\nRUN echo handed > /handed\n"),
    )]);
    let out = through(own.path(), "own");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.path().join("own/handed")).expect("handed"),
        "handed\n"
    );
}
