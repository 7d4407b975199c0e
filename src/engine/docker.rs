//! The few Docker Engine API calls strata needs, over the unix socket with
//! HTTP/1.1: `/_ping`, `/version`, and the `/grpc` and `/session` upgrades.
//!
//! Facts from moby's client (`DialHijack`) and its `grpc`/`session` routers:
//! the request is `POST <path>` (no API version prefix) with
//! `Connection: Upgrade` and `Upgrade: h2c`; the daemon answers
//! `101 Switching Protocols` and the raw stream then speaks HTTP/2. For
//! `/grpc` we are the HTTP/2 client; for `/session` the daemon is.

use std::path::Path;

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::upgrade::Upgraded;
use hyper_util::rt::TokioIo;
use tokio::net::UnixStream;

/// Docker API version from which BuildKit's gRPC API is served directly on
/// the socket (Engine 29.2) and `/grpc` + `/session` are deprecated.
pub const NATIVE_GRPC_API: (u32, u32) = (1, 53);

/// `Host` header for requests over a unix socket, as moby's client sends.
const DUMMY_HOST: &str = "api.moby.localhost";

/// What went wrong talking to the Docker API (a message, as it only ever
/// ends up in [`super::EngineError`]).
pub type DockerError = String;

/// The answer of `GET /version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DockerVersion {
    /// Engine version, e.g. `26.1.5`.
    pub version: String,
    /// API version, e.g. `1.45`.
    pub api_version: String,
}

impl DockerVersion {
    /// Whether BuildKit gRPC is served directly on the socket.
    pub fn serves_native_grpc(&self) -> bool {
        parse_api_version(&self.api_version).is_some_and(|v| v >= NATIVE_GRPC_API)
    }
}

/// `1.45` → `(1, 45)`.
pub fn parse_api_version(s: &str) -> Option<(u32, u32)> {
    let (major, minor) = s.trim().split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

async fn open(socket: &Path) -> Result<UnixStream, DockerError> {
    UnixStream::connect(socket)
        .await
        .map_err(|e| format!("cannot connect to {}: {e}", socket.display()))
}

/// Send one request on a fresh connection and return the response; the
/// connection task keeps running so an upgrade can complete.
async fn request(
    socket: &Path,
    req: http::Request<Empty<Bytes>>,
) -> Result<http::Response<hyper::body::Incoming>, DockerError> {
    let stream = open(socket).await?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("HTTP handshake with {}: {e}", socket.display()))?;
    tokio::spawn(async move {
        if let Err(e) = conn.with_upgrades().await {
            tracing::debug!("docker API connection ended: {e}");
        }
    });
    let path = req.uri().to_string();
    sender
        .send_request(req)
        .await
        .map_err(|e| format!("{path}: {e}"))
}

fn get(path: &str) -> Result<http::Request<Empty<Bytes>>, DockerError> {
    http::Request::get(path)
        .header(http::header::HOST, DUMMY_HOST)
        .body(Empty::new())
        .map_err(|e| e.to_string())
}

async fn get_body(socket: &Path, path: &str) -> Result<Bytes, DockerError> {
    let resp = request(socket, get(path)?).await?;
    let status = resp.status();
    let body = resp
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("{path}: reading body: {e}"))?
        .to_bytes();
    if !status.is_success() {
        return Err(format!(
            "{path}: HTTP {status}: {}",
            String::from_utf8_lossy(&body).trim()
        ));
    }
    Ok(body)
}

/// `GET /_ping`: is a Docker daemon answering on this socket?
pub async fn ping(socket: &Path) -> Result<(), DockerError> {
    let body = get_body(socket, "/_ping").await?;
    if body.as_ref() == b"OK" {
        Ok(())
    } else {
        Err(format!(
            "/_ping answered {:?}, not a Docker daemon",
            String::from_utf8_lossy(&body)
        ))
    }
}

/// `GET /version`.
pub async fn version(socket: &Path) -> Result<DockerVersion, DockerError> {
    let body = get_body(socket, "/version").await?;
    #[derive(serde::Deserialize)]
    struct Raw {
        #[serde(rename = "Version", default)]
        version: String,
        #[serde(rename = "ApiVersion", default)]
        api_version: String,
    }
    let raw: Raw = serde_json::from_slice(&body).map_err(|e| format!("/version: bad JSON: {e}"))?;
    Ok(DockerVersion {
        version: raw.version,
        api_version: raw.api_version,
    })
}

/// `POST path` upgraded to h2c; returns the raw stream after the `101`.
/// `headers` go on the request as they are (the session metadata).
pub async fn upgrade_h2c(
    socket: &Path,
    path: &str,
    headers: &[(String, String)],
) -> Result<Upgraded, DockerError> {
    let mut req = http::Request::post(path)
        .header(http::header::HOST, DUMMY_HOST)
        .header(http::header::CONNECTION, "Upgrade")
        .header(http::header::UPGRADE, "h2c");
    for (k, v) in headers {
        req = req.header(k.as_str(), v.as_str());
    }
    let req = req
        .body(Empty::new())
        .map_err(|e| format!("{path}: bad request header: {e}"))?;
    let resp = request(socket, req).await?;
    let status = resp.status();
    if status != http::StatusCode::SWITCHING_PROTOCOLS {
        let body = resp
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        return Err(format!(
            "unable to upgrade {path} to h2c: HTTP {status}: {}",
            String::from_utf8_lossy(&body).trim()
        ));
    }
    hyper::upgrade::on(resp)
        .await
        .map_err(|e| format!("{path}: upgrade failed: {e}"))
}

fn empty_request(
    method: http::Method,
    path: &str,
    headers: &[(&str, String)],
) -> Result<http::Request<Empty<Bytes>>, DockerError> {
    let mut b = http::Request::builder()
        .method(method)
        .uri(path)
        .header(http::header::HOST, DUMMY_HOST);
    for (k, v) in headers {
        b = b.header(*k, v.as_str());
    }
    b.body(Empty::new()).map_err(|e| e.to_string())
}

/// Percent-encode a query value (image names contain `/` and `:`).
fn query_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// Push an image from the Docker Engine's store to its registry (what
/// buildx does after a build with the docker driver and `--push`).
/// `registry_auth` is the base64url JSON Docker expects in `X-Registry-Auth`.
/// Returns the pushed manifest's digest when Docker reports it.
pub async fn push_image(
    socket: &Path,
    name: &str,
    registry_auth: Option<&str>,
) -> Result<Option<String>, DockerError> {
    let (repo, tag) = match name.rsplit_once(':').filter(|(_, t)| !t.contains('/')) {
        Some((r, t)) => (r, t),
        None => (name, "latest"),
    };
    let path = format!("/images/{repo}/push?tag={}", query_escape(tag));
    // An empty JSON object is anonymous access; Docker refuses a push without the header.
    let auth = registry_auth.unwrap_or("e30=").to_string();
    let resp = request(
        socket,
        empty_request(http::Method::POST, &path, &[("X-Registry-Auth", auth)])?,
    )
    .await?;
    let status = resp.status();
    let body = resp
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("{path}: {e}"))?
        .to_bytes();
    if !status.is_success() {
        return Err(format!(
            "push {name}: HTTP {status}: {}",
            String::from_utf8_lossy(&body).trim()
        ));
    }
    // The body is a stream of JSON progress messages; failures come as
    // {"error": …}, the pushed manifest's digest as {"aux": {"Digest": …}}.
    let mut digest = None;
    for line in body.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(err) = v.get("error").and_then(|e| e.as_str()) {
            return Err(format!("push {name}: {err}"));
        }
        if let Some(d) = v.pointer("/aux/Digest").and_then(|d| d.as_str()) {
            digest = Some(d.to_string());
        }
    }
    Ok(digest)
}

/// Stream `docker save` of one image into `out` (Docker ≥ 25 writes an
/// archive that is both a `docker load` tarball and an OCI layout).
pub async fn save_image(
    socket: &Path,
    name: &str,
    out: &mut (impl tokio::io::AsyncWrite + Unpin),
) -> Result<(), DockerError> {
    use tokio::io::AsyncWriteExt;
    let path = format!("/images/get?names={}", query_escape(name));
    let resp = request(socket, empty_request(http::Method::GET, &path, &[])?).await?;
    let status = resp.status();
    let mut body = resp.into_body();
    if !status.is_success() {
        let bytes = body.collect().await.map_err(|e| e.to_string())?.to_bytes();
        return Err(format!(
            "save {name}: HTTP {status}: {}",
            String::from_utf8_lossy(&bytes).trim()
        ));
    }
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| format!("save {name}: {e}"))?;
        if let Some(data) = frame.data_ref() {
            out.write_all(data)
                .await
                .map_err(|e| format!("save {name}: writing: {e}"))?;
        }
    }
    out.flush().await.map_err(|e| e.to_string())
}

/// `POST /images/load`: `docker load` of the tarball at `tarball` (a
/// `type=docker` export), streamed from the file. Returns what Docker
/// reports loading (`Loaded image: NAME` lines).
pub async fn load_image(socket: &Path, tarball: &Path) -> Result<Vec<String>, DockerError> {
    use tokio::io::AsyncReadExt;
    let failed = |e: &dyn std::fmt::Display| format!("docker load {}: {e}", tarball.display());
    let file = tokio::fs::File::open(tarball)
        .await
        .map_err(|e| failed(&e))?;
    let len = file.metadata().await.map_err(|e| failed(&e))?.len();
    let chunks = futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buf = vec![0u8; 256 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                let frame = hyper::body::Frame::data(Bytes::from(buf));
                Some((Ok::<_, std::io::Error>(frame), Some(file)))
            }
            // One error ends the body (the request fails with it).
            Err(e) => Some((Err(e), None)),
        }
    });
    let req = http::Request::post("/images/load?quiet=1")
        .header(http::header::HOST, DUMMY_HOST)
        .header(http::header::CONTENT_TYPE, "application/x-tar")
        .header(http::header::CONTENT_LENGTH, len)
        .body(http_body_util::StreamBody::new(chunks))
        .map_err(|e| failed(&e))?;
    let stream = open(socket).await?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("HTTP handshake with {}: {e}", socket.display()))?;
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!("docker API connection ended: {e}");
        }
    });
    let resp = sender.send_request(req).await.map_err(|e| failed(&e))?;
    let status = resp.status();
    let body = resp
        .into_body()
        .collect()
        .await
        .map_err(|e| failed(&e))?
        .to_bytes();
    if !status.is_success() {
        return Err(failed(&format!(
            "HTTP {status}: {}",
            String::from_utf8_lossy(&body).trim()
        )));
    }
    // JSON messages: {"stream": "Loaded image: NAME\n"} or {"error": …}.
    let mut loaded = Vec::new();
    for line in body.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(err) = v.get("error").and_then(|e| e.as_str()) {
            return Err(failed(&err));
        }
        if let Some(text) = v.get("stream").and_then(|t| t.as_str()) {
            loaded.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
        }
    }
    Ok(loaded)
}

/// `GET /images/{name}/json`: `docker image inspect` as JSON.
pub async fn inspect_image(socket: &Path, name: &str) -> Result<serde_json::Value, DockerError> {
    let body = get_body(socket, &format!("/images/{}/json", query_escape(name))).await?;
    serde_json::from_slice(&body).map_err(|e| format!("inspect {name}: invalid JSON: {e}"))
}

/// Remove an image reference (used for temporary tags).
pub async fn remove_image(socket: &Path, name: &str) -> Result<(), DockerError> {
    let path = format!("/images/{name}?noprune=1");
    let resp = request(socket, empty_request(http::Method::DELETE, &path, &[])?).await?;
    if resp.status().is_success() || resp.status() == http::StatusCode::NOT_FOUND {
        Ok(())
    } else {
        Err(format!("remove {name}: HTTP {}", resp.status()))
    }
}

/// `GET /images/json`: every image with its tags, creation time (Unix
/// seconds) and size.
pub async fn list_images(socket: &Path) -> Result<Vec<ListedImage>, DockerError> {
    let body = get_body(socket, "/images/json").await?;
    serde_json::from_slice(&body).map_err(|e| format!("/images/json: invalid JSON: {e}"))
}

/// One entry of [`list_images`].
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ListedImage {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "RepoTags", default)]
    pub repo_tags: Option<Vec<String>>,
    #[serde(rename = "Created", default)]
    pub created: i64,
    #[serde(rename = "Size", default)]
    pub size: i64,
}

/// `DELETE /images/{reference}`: untag a `repo:tag` (the image goes with
/// its last tag) or remove an untagged image by id. Never forced: an
/// image a container uses stays, and the error says so.
pub async fn delete_image(socket: &Path, reference: &str) -> Result<(), DockerError> {
    let path = format!("/images/{}", query_escape(reference));
    let resp = request(socket, empty_request(http::Method::DELETE, &path, &[])?).await?;
    let status = resp.status();
    if status.is_success() {
        return Ok(());
    }
    let body = resp
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    Err(format!(
        "remove {reference}: HTTP {status}: {}",
        String::from_utf8_lossy(&body).trim()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_version_threshold() {
        let v = |api: &str| DockerVersion {
            version: String::new(),
            api_version: api.into(),
        };
        assert!(!v("1.45").serves_native_grpc());
        assert!(!v("1.52").serves_native_grpc());
        assert!(v("1.53").serves_native_grpc());
        assert!(v("1.100").serves_native_grpc());
        assert!(v("2.0").serves_native_grpc());
        assert!(!v("garbage").serves_native_grpc());
        assert_eq!(parse_api_version("1.45"), Some((1, 45)));
        assert_eq!(parse_api_version("1"), None);
    }
}
