//! Secrets hygiene, end to end on the real engine: a build that uses a
//! secret file, a forwarded SSH agent, registry credentials from a
//! credential helper and a build arg named like a secret, after which every
//! artifact is searched for the secret bytes: image layers and config, the
//! LLB definition, the metadata file, progress in every mode, debug logs
//! and the errors of failing variants.
//!
//! Needs `source /var/lib/strata-testbed/env` (prints `SKIPPED` otherwise)
//! and OpenSSH's client tools on the host. The build runs the host's own
//! `ssh-add` (with its libcrypto) in the Debian image through a bind
//! mount: the testbed has no network to install openssh-client with apt.

mod common;
use common::testbed;
use common::{registry, unique};

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn write_executable(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// What one `strata` run printed.
struct Output {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Output {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// A secret in the making: every value that must never leave the build.
struct Needles(Vec<(String, Vec<u8>)>);

impl Needles {
    /// The needles found in `haystack`, by name.
    fn found_in(&self, haystack: &[u8]) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(_, n)| haystack.windows(n.len()).any(|w| w == n.as_slice()))
            .map(|(name, _)| name.as_str())
            .collect()
    }

    #[track_caller]
    fn assert_absent(&self, what: &str, haystack: &[u8]) {
        let found = self.found_in(haystack);
        assert!(found.is_empty(), "{what} holds {found:?}");
    }
}

/// The build's surroundings: a context, a secret file, a running ssh-agent
/// with a fresh key, a Docker config whose credential helper answers for
/// the test registry.
struct Fixture {
    tmp: tempfile::TempDir,
    context: PathBuf,
    secret_file: PathBuf,
    secret: String,
    helper_password: String,
    arg_marker: String,
    key_lines: Vec<String>,
    agent: std::process::Child,
    agent_socket: PathBuf,
    bin: PathBuf,
    docker_config: PathBuf,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = self.agent.kill();
        let _ = self.agent.wait();
    }
}

/// The shared library `ldd` says `program` loads for `name`.
fn library_of(program: &Path, name: &str) -> Option<PathBuf> {
    let out = Command::new("ldd").arg(program).output().ok()?;
    String::from_utf8_lossy(&out.stdout).lines().find_map(|l| {
        let (lib, rest) = l.trim().split_once(" => ")?;
        let path = rest.split_whitespace().next()?;
        lib.starts_with(name).then(|| PathBuf::from(path))
    })
}

fn dockerfile(registry: &str) -> String {
    format!(
        r#"FROM {registry}/library/debian:bookworm AS base
ARG API_TOKEN
RUN --mount=type=secret,id=s,required=true \
    --mount=type=ssh,required=true \
    --mount=type=bind,source=tools,target=/opt/ssh \
    sha256sum /run/secrets/s | cut -d' ' -f1 > /secret.sha256 \
 && LD_LIBRARY_PATH=/opt/ssh /opt/ssh/ssh-add -l > /ssh-keys.txt \
 && if LD_LIBRARY_PATH=/opt/ssh /opt/ssh/ssh-add -D; then echo removed; else echo refused; fi > /ssh-remove.txt \
 && echo "token length ${{#API_TOKEN}}" > /arg.txt

FROM base AS fail
RUN --mount=type=secret,id=s,required=true cat /run/secrets/s > /dev/null && exit 3
"#
    )
}

fn fixture() -> Option<Fixture> {
    let ssh_add = Path::new("/usr/bin/ssh-add");
    let libcrypto = library_of(ssh_add, "libcrypto.so");
    let (Some(libcrypto), true) = (libcrypto, Path::new("/usr/bin/ssh-agent").exists()) else {
        common::skip("openssh-client (ssh-agent, ssh-add, ssh-keygen) is not installed");
        return None;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().to_path_buf();

    let context = root.join("context");
    let tools = context.join("tools");
    std::fs::create_dir_all(&tools).expect("mkdir");
    std::fs::copy(ssh_add, tools.join("ssh-add")).expect("copy ssh-add");
    std::fs::copy(&libcrypto, tools.join(libcrypto.file_name().unwrap())).expect("copy libcrypto");
    std::fs::write(context.join("Dockerfile"), dockerfile(&registry())).expect("Dockerfile");

    let secret = unique("secret-file-bytes-");
    let secret_file = root.join("secret.txt");
    std::fs::write(&secret_file, &secret).expect("secret");

    let key = root.join("id_ed25519");
    let st = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "strata-e2e-key",
            "-f",
        ])
        .arg(&key)
        .status()
        .expect("ssh-keygen");
    assert!(st.success());
    // The private key's base64 body, line by line: none may leak.
    let key_lines: Vec<String> = std::fs::read_to_string(&key)
        .expect("key")
        .lines()
        .filter(|l| !l.starts_with("-----") && l.len() >= 20)
        .map(str::to_owned)
        .collect();
    assert!(!key_lines.is_empty());
    let agent_socket = root.join("agent.sock");
    let agent = Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&agent_socket)
        .stdout(Stdio::null())
        .spawn()
        .expect("start ssh-agent");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !agent_socket.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(25));
    }
    let st = Command::new("ssh-add")
        .arg(&key)
        .env("SSH_AUTH_SOCK", &agent_socket)
        .stderr(Stdio::null())
        .status()
        .expect("ssh-add");
    assert!(st.success());

    // Credential helpers: one that answers (and records that it was asked),
    // one whose answer is broken JSON that still holds a password.
    let helper_password = unique("helper-password-");
    let bin = root.join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    write_executable(
        &bin.join("docker-credential-strata-test"),
        &format!(
            "#!/bin/sh\n[ \"$1\" = get ] || exit 3\nread server\necho \"$server\" >> {asked}\nprintf '{{\"ServerURL\":\"%s\",\"Username\":\"e2e\",\"Secret\":\"{helper_password}\"}}' \"$server\"\n",
            asked = s(&root.join("helper-asked")),
        ),
    );
    write_executable(
        &bin.join("docker-credential-strata-garbled"),
        &format!(
            "#!/bin/sh\nread server\necho \"$server\" >> {asked}\nprintf '{{\"Username\":\"e2e\",\"Secret\":\"garbled-{helper_password}\"'\n",
            asked = s(&root.join("garbled-asked")),
        ),
    );
    let docker_config = root.join("docker-config");
    std::fs::create_dir_all(&docker_config).expect("mkdir");
    std::fs::write(
        docker_config.join("config.json"),
        format!(r#"{{"credHelpers":{{"{}":"strata-test"}}}}"#, registry()),
    )
    .expect("config.json");

    Some(Fixture {
        tmp,
        context,
        secret_file,
        secret,
        helper_password,
        arg_marker: unique("arg-marker-"),
        key_lines,
        agent,
        agent_socket,
        bin,
        docker_config,
    })
}

impl Fixture {
    fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// What must appear nowhere. The build arg is not among them: like
    /// upstream, its value is part of the RUN step's definition and history.
    fn needles(&self) -> Needles {
        let mut v = vec![
            ("secret file".to_owned(), self.secret.clone().into_bytes()),
            (
                "helper password".to_owned(),
                self.helper_password.clone().into_bytes(),
            ),
        ];
        for (i, line) in self.key_lines.iter().enumerate() {
            v.push((format!("private key line {i}"), line.clone().into_bytes()));
        }
        Needles(v)
    }

    /// `strata ARGS` with the secret's surroundings and debug logs.
    fn strata(&self, args: &[&str], docker_config: &Path) -> Output {
        let path = format!(
            "{}:{}",
            s(&self.bin),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = Command::new(env!("CARGO_BIN_EXE_strata"))
            .args(args)
            .env("PATH", path)
            .env("DOCKER_CONFIG", docker_config)
            .env("SSH_AUTH_SOCK", &self.agent_socket)
            .env("STRATA_LOG", "debug")
            .stdin(Stdio::null())
            .output()
            .expect("run strata");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: out.stdout,
            stderr: out.stderr,
        }
    }

    fn build(&self, extra: &[&str]) -> Output {
        let secret = format!("id=s,src={}", s(&self.secret_file));
        let arg = format!("API_TOKEN={}", self.arg_marker);
        let mut args = vec![
            "build",
            "--network",
            "none",
            "--secret",
            &secret,
            "--ssh",
            "default",
            "--build-arg",
            &arg,
        ];
        args.extend_from_slice(extra);
        args.push(s(&self.context));
        self.strata(&args, &self.docker_config)
    }

    fn helper_asked(&self, name: &str) -> String {
        std::fs::read_to_string(self.root().join(name)).unwrap_or_default()
    }
}

/// Every blob of an OCI tarball, gunzipped when compressed, by path.
fn oci_blobs(tar_path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive = tar::Archive::new(std::fs::File::open(tar_path).expect("open oci tar"));
    let mut blobs = BTreeMap::new();
    for entry in archive.entries().expect("tar entries") {
        let mut entry = entry.expect("tar entry");
        let path = entry.path().expect("path").to_string_lossy().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read blob");
        if data.starts_with(&[0x1f, 0x8b]) {
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(data.as_slice())
                .read_to_end(&mut plain)
                .expect("gunzip layer");
            data = plain;
        }
        blobs.insert(path, data);
    }
    blobs
}

/// The files of a layer tarball, by path.
fn layer_files(layer: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut archive = tar::Archive::new(layer);
    let Ok(entries) = archive.entries() else {
        return files;
    };
    for entry in entries {
        let Ok(mut entry) = entry else { break };
        let Ok(path) = entry.path().map(|p| p.to_string_lossy().into_owned()) else {
            continue;
        };
        let mut data = Vec::new();
        if entry.read_to_end(&mut data).is_ok() {
            files.insert(path.trim_start_matches("./").to_owned(), data);
        }
    }
    files
}

fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

#[test]
fn secrets_reach_no_artifact() {
    if !testbed() {
        return;
    }
    let Some(fx) = fixture() else { return };
    let needles = fx.needles();
    let root = fx.root().to_path_buf();

    // 1. Plain progress, an OCI tarball and the metadata file.
    let oci = root.join("image-oci.tar");
    let metadata = root.join("metadata.json");
    let out = fx.build(&[
        "--no-cache",
        "--progress",
        "plain",
        "--target",
        "base",
        "-o",
        &format!("type=oci,dest={}", s(&oci)),
        "--metadata-file",
        s(&metadata),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr());
    needles.assert_absent("plain progress and debug log", &out.stderr);
    needles.assert_absent("stdout", &out.stdout);
    needles.assert_absent(
        "the metadata file",
        &std::fs::read(&metadata).expect("metadata file"),
    );
    let blobs = oci_blobs(&oci);
    assert!(blobs.len() >= 3, "{:?}", blobs.keys().collect::<Vec<_>>());
    let mut files = BTreeMap::new();
    let mut history = String::new();
    for (path, blob) in &blobs {
        needles.assert_absent(&format!("OCI blob {path}"), blob);
        files.extend(layer_files(blob));
        if let Ok(json) = serde_json::from_slice::<serde_json::Value>(blob)
            && let Some(h) = json.get("history")
        {
            history = h.to_string();
        }
    }
    // The build really used all three.
    let file = |name: &str| String::from_utf8_lossy(&files[name]).trim().to_owned();
    assert_eq!(file("secret.sha256"), sha256_hex(fx.secret.as_bytes()));
    assert!(
        file("ssh-keys.txt").contains("strata-e2e-key"),
        "{}",
        file("ssh-keys.txt")
    );
    assert_eq!(
        file("ssh-remove.txt"),
        "refused",
        "a build step removed the agent's keys"
    );
    assert_eq!(
        file("arg.txt"),
        format!("token length {}", fx.arg_marker.len())
    );
    assert!(
        !files.keys().any(|f| f.starts_with("run/secrets")),
        "the secret's mount point was exported"
    );
    // As upstream, a build arg a RUN step sees is part of its history
    // entry (`RUN |1 API_TOKEN=… /bin/sh -c …`), and the build warns about
    // its name (SecretsUsedInArgOrEnv).
    assert!(
        history.contains(&format!("API_TOKEN={}", fx.arg_marker)),
        "{history}"
    );
    assert!(
        out.stderr().contains("SecretsUsedInArgOrEnv"),
        "{}",
        out.stderr()
    );
    let still = Command::new("ssh-add")
        .arg("-l")
        .env("SSH_AUTH_SOCK", &fx.agent_socket)
        .output()
        .expect("ssh-add -l");
    assert!(
        String::from_utf8_lossy(&still.stdout).contains("strata-e2e-key"),
        "the agent lost its key"
    );

    // 2. rawjson progress, pushed with the credential helper's password.
    let image = format!("{}/strata-secrets-e2e:{}", registry(), unique("t"));
    let out = fx.build(&[
        "--progress",
        "rawjson",
        "--target",
        "base",
        "-o",
        &format!("type=image,name={image},push=true"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr());
    needles.assert_absent("rawjson progress", &out.stdout);
    needles.assert_absent("rawjson run's stderr and debug log", &out.stderr);
    assert!(
        fx.helper_asked("helper-asked").contains(&registry()),
        "the credential helper was never asked: {}",
        out.stderr()
    );

    // 3. tty progress.
    let out = fx.build(&["--progress", "tty", "--target", "base"]);
    assert_eq!(out.code, 0, "{}", out.stderr());
    needles.assert_absent("tty progress and debug log", &out.stderr);

    // 4. The LLB definition, as protobuf and as JSON.
    let arg = format!("API_TOKEN={}", fx.arg_marker);
    for format in ["pb", "json"] {
        let out = fx.strata(
            &[
                "llb",
                "--format",
                format,
                "--target",
                "base",
                "--build-arg",
                &arg,
                s(&fx.context),
            ],
            &fx.docker_config,
        );
        assert_eq!(out.code, 0, "{}", out.stderr());
        assert!(!out.stdout.is_empty());
        needles.assert_absent(&format!("LLB ({format})"), &out.stdout);
        needles.assert_absent(&format!("strata llb --format {format} stderr"), &out.stderr);
    }

    // 5. Failing variants. A step that read the secret fails:
    let out = fx.build(&["--no-cache", "--progress", "plain", "--target", "fail"]);
    assert_eq!(out.code, 1, "{}", out.stderr());
    needles.assert_absent("a failed step's error", &out.stderr);

    // …and a credential helper answers broken JSON holding a password.
    let garbled = root.join("garbled-config");
    std::fs::create_dir_all(&garbled).expect("mkdir");
    std::fs::write(
        garbled.join("config.json"),
        format!(r#"{{"credHelpers":{{"{}":"strata-garbled"}}}}"#, registry()),
    )
    .expect("config.json");
    let secret = format!("id=s,src={}", s(&fx.secret_file));
    let out = fx.strata(
        &[
            "build",
            "--network",
            "none",
            "--progress",
            "plain",
            "--secret",
            &secret,
            "--ssh",
            "default",
            "--target",
            "base",
            "-o",
            &format!("type=image,name={image}-garbled,push=true"),
            s(&fx.context),
        ],
        &garbled,
    );
    assert!(
        fx.helper_asked("garbled-asked").contains(&registry()),
        "the garbled helper was never asked: {}",
        out.stderr()
    );
    needles.assert_absent("a broken credential helper's error", &out.stderr);
    needles.assert_absent("a broken credential helper's stdout", &out.stdout);
    let stderr = out.stderr();
    assert!(
        stderr.contains("docker-credential-strata-garbled") && stderr.contains("not valid JSON"),
        "the helper's failure is not described: {stderr}"
    );
}
