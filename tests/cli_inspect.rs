//! `strata inspect` on image tar files: it reads the stamps and the
//! build-info file without loading the archive or a layer into memory, and
//! refuses oversized JSON documents with a clear error.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

const BUILD_INFO: &str = "/.strata/build-info.json";

fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

fn append(tar: &mut tar::Builder<std::fs::File>, path: &str, size: u64, data: impl Read) {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    tar.append_data(&mut header, path, data).expect("append");
}

fn append_blob(tar: &mut tar::Builder<std::fs::File>, bytes: &[u8]) -> String {
    let d = digest(bytes);
    append(
        tar,
        &format!("blobs/{}", d.replacen(':', "/", 1)),
        bytes.len() as u64,
        bytes,
    );
    d
}

/// An OCI layout tar whose only layer (uncompressed, as `docker save`
/// writes them) holds `filler` zero bytes and then the build-info file; the
/// layer's digest is not checked by inspect, so it is named by its size.
fn oci_tar(path: &Path, filler: u64, config_padding: usize) {
    let mut tar = tar::Builder::new(std::fs::File::create(path).expect("create"));

    let layer_path = tmp_layer(path, filler);
    let layer_size = std::fs::metadata(&layer_path).expect("layer").len();
    let layer_digest = format!("sha256:{:064x}", layer_size);
    append(
        &mut tar,
        &format!("blobs/{}", layer_digest.replacen(':', "/", 1)),
        layer_size,
        std::fs::File::open(&layer_path).expect("open layer"),
    );
    std::fs::remove_file(&layer_path).expect("remove layer");

    let config = serde_json::json!({
        "created": "2024-01-01T00:00:00Z",
        "architecture": "amd64",
        "os": "linux",
        "config": { "Labels": {
            "dev.strata.build-info": BUILD_INFO,
            "dev.strata.dockerfile.digest": "sha256:0",
        }},
        "padding": " ".repeat(config_padding),
        "rootfs": { "type": "layers", "diff_ids": [layer_digest] },
    });
    // Descriptors carry the media type and size the OCI spec requires.
    let config_bytes = config.to_string();
    let config_digest = append_blob(&mut tar, config_bytes.as_bytes());
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": config_digest,
            "size": config_bytes.len(),
        },
        "layers": [{
            "mediaType": "application/vnd.oci.image.layer.v1.tar",
            "digest": layer_digest,
            "size": layer_size,
        }],
    });
    let manifest_bytes = manifest.to_string();
    let manifest_digest = append_blob(&mut tar, manifest_bytes.as_bytes());
    let index = serde_json::json!({
        "schemaVersion": 2,
        "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": manifest_digest,
            "size": manifest_bytes.len(),
        }],
    })
    .to_string();
    append(&mut tar, "index.json", index.len() as u64, index.as_bytes());
    tar.finish().expect("finish");
}

fn tmp_layer(beside: &Path, filler: u64) -> std::path::PathBuf {
    let path = beside.with_extension("layer");
    let mut layer = tar::Builder::new(std::fs::File::create(&path).expect("create layer"));
    append(
        &mut layer,
        "big.bin",
        filler,
        std::io::repeat(0).take(filler),
    );
    let info = br#"{"dev.strata.context.files":{"a":"sha256:1","b":"sha256:2"}}"#;
    append(
        &mut layer,
        BUILD_INFO.trim_start_matches('/'),
        info.len() as u64,
        &info[..],
    );
    layer.finish().expect("finish layer");
    path
}

/// Run `strata ARGS` and return (exit code, stdout, stderr, peak RSS in KiB).
fn strata_with_peak_rss(args: &[&str]) -> (i32, String, String, i64) {
    // Reaped with wait4 below, for its resource usage.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn strata");
    let pid = child.id() as libc::pid_t;
    let (mut stdout, mut stderr) = (child.stdout.expect("out"), child.stderr.expect("err"));
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut out = String::new();
    let _ = stdout.read_to_string(&mut out);
    let err = err_reader.join().expect("stderr reader");
    // wait4 gives this child's own resource usage (getrusage would mix in
    // every other child this test process ever waited for).
    let mut status = 0;
    // SAFETY: plain libc call with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, out, err, usage.ru_maxrss)
}

/// A 256 MiB layer in front of the build-info file: the stamps and the
/// build-info are found, and the process never holds the archive or the
/// layer in memory (it used to read both whole).
#[test]
fn inspect_streams_a_large_image_tar() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let image = tmp.path().join("image.tar");
    oci_tar(&image, 256 << 20, 0);
    let (code, out, err, peak_kib) =
        strata_with_peak_rss(&["inspect", "--json", image.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["created"], "2024-01-01T00:00:00Z");
    assert_eq!(
        v["build_info"]["dev.strata.context.files"]["b"], "sha256:2",
        "{out}"
    );
    assert!(
        peak_kib < 96 * 1024,
        "inspect peaked at {} MiB on a 256 MiB image: it loads the image into memory",
        peak_kib / 1024
    );
}

/// JSON documents are read whole, so their size is capped: a config blob
/// over the cap is refused with an error that says so.
#[test]
fn inspect_refuses_an_oversized_config() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let image = tmp.path().join("image.tar");
    oci_tar(&image, 0, 17 << 20);
    let (code, _, err, _) = strata_with_peak_rss(&["inspect", image.to_str().expect("utf-8")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("larger than 16 MiB") && err.contains("blob sha256:"),
        "{err}"
    );
}

/// Scripts can tell the failures of `verify` and `inspect` apart: Docker
/// Engine not answering is 3 (as any unreachable engine), an image without
/// stamps or a bad name 2, stale 1.
#[test]
fn docker_not_answering_is_exit_3_not_2() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["verify", "inspect"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_strata"))
            .args([cmd, "strata-no-such-image:latest"])
            .env(
                "DOCKER_HOST",
                format!("unix://{}", dir.path().join("no-docker.sock").display()),
            )
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{cmd}: {stderr}");
        assert!(stderr.contains("does not answer"), "{cmd}: {stderr}");
    }
    // A file that is not an image tar is bad input.
    let not_tar = dir.path().join("not-an-image.tar");
    std::fs::write(&not_tar, b"hello").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(["verify", not_tar.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
