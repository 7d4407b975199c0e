//! Carrying a client session to the engine.
//!
//! The engine is the gRPC *client* of a session: we open a byte stream to
//! it and run an HTTP/2 server over that stream serving the session's
//! routes. Two ways to get the stream (facts from BuildKit's
//! `session/grpchijack`, `session/manager.go` and moby's session router):
//!
//! - `Control.Session`: a bidi stream of `BytesMessage` whose gRPC metadata
//!   carries `x-docker-expose-session-uuid`, `-name`, `-sharedkey` and one
//!   `x-docker-expose-session-grpc-method` per served method.
//! - Docker Engine < API 1.53: `POST /session` upgraded to h2c with the
//!   same keys as HTTP headers.

use std::path::Path;

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_stream::wrappers::ReceiverStream;
use tonic::metadata::{AsciiMetadataValue, MetadataMap};

use super::connect::SessionTransport;
use super::{Engine, EngineError, docker};
use crate::proto::control::BytesMessage;
use crate::session::{SessionInfo, SessionServices};

const HEADER_ID: &str = "x-docker-expose-session-uuid";
const HEADER_NAME: &str = "x-docker-expose-session-name";
const HEADER_SHARED_KEY: &str = "x-docker-expose-session-sharedkey";
const HEADER_METHOD: &str = "x-docker-expose-session-grpc-method";

/// How long opening the session may take. The engine answers a session
/// request at once; one that accepted the request and stays silent is
/// wedged, and waiting on it would stall the build before it starts.
pub const ATTACH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Size of each `BytesMessage` we send; BuildKit uses 32 KiB buffers.
const CHUNK: usize = 32 * 1024;

/// An attached session. The engine can call the session's services until
/// this is closed or dropped.
#[derive(Debug)]
pub struct SessionHandle {
    id: String,
    tasks: Vec<JoinHandle<()>>,
}

impl SessionHandle {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether the transport has ended (the engine closed the session or
    /// the connection broke).
    pub fn is_finished(&self) -> bool {
        self.tasks.iter().any(|t| t.is_finished())
    }

    /// Detach: stop serving and close the stream to the engine.
    pub async fn close(mut self) {
        for t in self.tasks.drain(..) {
            t.abort();
            let _ = t.await;
        }
    }
}

impl Drop for SessionHandle {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// The session identity as (lower-case) header pairs, methods repeated.
/// Header values must be visible ASCII; a name that is not gets its other
/// characters replaced (it is only informative), the id and key are
/// rejected.
pub fn session_headers(
    info: &SessionInfo,
    methods: &[String],
) -> Result<Vec<(String, String)>, EngineError> {
    let check = |what: &str, v: &str| {
        if v.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            Ok(v.to_string())
        } else {
            Err(EngineError::Session(format!(
                "session {what} {v:?} is not printable ASCII"
            )))
        }
    };
    let name: String = info
        .name
        .chars()
        .map(|c| if (' '..='~').contains(&c) { c } else { '_' })
        .collect();
    let mut headers = vec![
        (HEADER_ID.to_string(), check("id", &info.id)?),
        (HEADER_NAME.to_string(), name),
        (
            HEADER_SHARED_KEY.to_string(),
            check("shared key", &info.shared_key)?,
        ),
    ];
    for m in methods {
        headers.push((HEADER_METHOD.to_string(), check("method", m)?));
    }
    Ok(headers)
}

impl Engine {
    /// Make the engine able to call `services` as session `info.id`.
    /// Returns once the transport is open (within [`ATTACH_TIMEOUT`]); the
    /// serving runs in the background until the handle is closed or dropped.
    pub async fn attach_session(
        &self,
        info: &SessionInfo,
        services: SessionServices,
    ) -> Result<SessionHandle, EngineError> {
        let headers = session_headers(info, &services.methods)?;
        let attach = async {
            match &self.session_transport {
                SessionTransport::ControlSession => {
                    self.attach_control_session(headers, services.routes).await
                }
                SessionTransport::DockerUpgrade(socket) => {
                    attach_docker_session(socket, &headers, services.routes).await
                }
            }
        };
        let tasks = tokio::time::timeout(ATTACH_TIMEOUT, attach)
            .await
            .map_err(|_| {
                EngineError::Session(format!(
                    "the engine did not answer the session request within {}s",
                    ATTACH_TIMEOUT.as_secs()
                ))
            })??;
        Ok(SessionHandle {
            id: info.id.clone(),
            tasks,
        })
    }

    async fn attach_control_session(
        &self,
        headers: Vec<(String, String)>,
        routes: tonic::service::Routes,
    ) -> Result<Vec<JoinHandle<()>>, EngineError> {
        let mut metadata = MetadataMap::new();
        for (k, v) in &headers {
            let value: AsciiMetadataValue = v
                .parse()
                .map_err(|_| EngineError::Session(format!("bad metadata value for {k}")))?;
            let key: tonic::metadata::AsciiMetadataKey = k
                .parse()
                .map_err(|_| EngineError::Session(format!("bad metadata key {k}")))?;
            metadata.append(key, value);
        }
        let (tx, rx) = mpsc::channel::<BytesMessage>(16);
        let mut request = tonic::Request::new(ReceiverStream::new(rx));
        *request.metadata_mut() = metadata;
        let response = self.control().session(request).await?;
        let inbound = response.into_inner();

        // The h2 server talks to one end of an in-memory pipe; the pump
        // moves bytes between the other end and the gRPC stream.
        let (server_io, pump_io) = tokio::io::duplex(4 * CHUNK);
        let pump = tokio::spawn(pump(pump_io, inbound, tx));
        let server = tokio::spawn(serve(TokioIo::new(server_io), routes));
        Ok(vec![pump, server])
    }
}

/// Copy engine → pipe and pipe → engine until either side ends.
async fn pump(
    io: DuplexStream,
    mut inbound: tonic::Streaming<BytesMessage>,
    outbound: mpsc::Sender<BytesMessage>,
) {
    let (mut read, mut write) = tokio::io::split(io);
    let to_pipe = async {
        loop {
            match inbound.message().await {
                Ok(Some(msg)) => {
                    if write.write_all(&msg.data).await.is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(status) => {
                    tracing::debug!("session stream from engine ended: {status}");
                    break;
                }
            }
        }
        let _ = write.shutdown().await;
    };
    let from_pipe = async {
        let mut buf = vec![0u8; CHUNK];
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let msg = BytesMessage {
                        data: buf[..n].to_vec(),
                    };
                    if outbound.send(msg).await.is_err() {
                        break;
                    }
                }
            }
        }
    };
    // Either direction ending ends the session: the engine dropping its
    // side means it is done with us, our server ending means we are.
    tokio::select! {
        _ = to_pipe => {}
        _ = from_pipe => {}
    }
}

async fn attach_docker_session(
    socket: &Path,
    headers: &[(String, String)],
    routes: tonic::service::Routes,
) -> Result<Vec<JoinHandle<()>>, EngineError> {
    let upgraded = docker::upgrade_h2c(socket, "/session", headers)
        .await
        .map_err(EngineError::Session)?;
    Ok(vec![tokio::spawn(serve(upgraded, routes))])
}

/// Serve the session routes as an HTTP/2 server over one connection.
async fn serve<I>(io: I, routes: tonic::service::Routes)
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let service = TowerToHyperService::new(routes.prepare());
    // Large windows: exporters stream many small fsutil packets to us, and
    // h2 budgets small DATA frames by the window size (too small a window
    // ends the connection with ENHANCE_YOUR_CALM "too_many_data_frames").
    // It also lets file transfers run without stalling on window updates.
    let result = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
        .initial_stream_window_size(16 << 20)
        .initial_connection_window_size(64 << 20)
        .max_frame_size(1 << 20)
        .serve_connection(io, service)
        .await;
    if let Err(e) = result {
        tracing::debug!("session connection ended: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str) -> SessionInfo {
        SessionInfo {
            id: "abc123".into(),
            name: name.into(),
            shared_key: "key".into(),
        }
    }

    #[test]
    fn headers_carry_identity_and_every_method() {
        let methods = vec![
            "/grpc.health.v1.Health/Check".to_string(),
            "/moby.filesync.v1.FileSync/DiffCopy".to_string(),
        ];
        let h = session_headers(&info("ctx"), &methods).unwrap();
        assert_eq!(
            h,
            [
                ("x-docker-expose-session-uuid", "abc123"),
                ("x-docker-expose-session-name", "ctx"),
                ("x-docker-expose-session-sharedkey", "key"),
                (
                    "x-docker-expose-session-grpc-method",
                    "/grpc.health.v1.Health/Check"
                ),
                (
                    "x-docker-expose-session-grpc-method",
                    "/moby.filesync.v1.FileSync/DiffCopy"
                ),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
        );
    }

    #[test]
    fn non_ascii_name_is_replaced_bad_id_rejected() {
        let h = session_headers(&info("prøject"), &[]).unwrap();
        assert_eq!(h[1].1, "pr_ject");
        let mut bad = info("x");
        bad.id = "a\nb".into();
        assert!(session_headers(&bad, &[]).is_err());
    }
}
