//! `moby.sshforward.v1.SSH`: `RUN --mount=type=ssh` reaches the client's
//! SSH agent (BuildKit session/sshforward, sshprovider/raw_provider.go).
//!
//! - `CheckAgent{ID}`: empty id means `default`; an unknown id fails with
//!   "unset ssh forward key <id>" (plain error, gRPC `Unknown`, as upstream).
//! - `ForwardAgent`: the id comes from the `buildkit.ssh.id` metadata key
//!   (first non-empty value, else `default`). Each call opens one connection
//!   to the agent socket and copies bytes both ways as `BytesMessage`s (up to
//!   32 KiB each). When the engine half-closes we shut down our write side;
//!   when the agent closes, the call ends.
//!
//! Deviation: upstream wraps a socket agent in a read-only agent (refusing
//! add/remove/lock requests); we forward the agent protocol unchanged, like
//! upstream's raw mode. Private key files as agent sources are not
//! supported, only agent sockets.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use crate::proto::sshforward::ssh_server::Ssh;
use crate::proto::sshforward::{BytesMessage, CheckAgentRequest, CheckAgentResponse};

/// The id used when none is given.
pub const DEFAULT_ID: &str = "default";
/// Metadata key naming the agent in `ForwardAgent`.
pub const KEY_SSH_ID: &str = "buildkit.ssh.id";

/// The socket of `SSH_AUTH_SOCK`, if set and non-empty.
pub fn agent_socket_from_env() -> Option<PathBuf> {
    std::env::var_os("SSH_AUTH_SOCK")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
}

/// The `SSH` service: agent sockets by id.
#[derive(Debug, Clone, Default)]
pub struct SshService {
    agents: Arc<HashMap<String, PathBuf>>,
}

impl SshService {
    pub fn new(agents: HashMap<String, PathBuf>) -> SshService {
        SshService {
            agents: Arc::new(agents),
        }
    }

    fn socket(&self, id: &str) -> Result<PathBuf, Status> {
        let id = if id.is_empty() { DEFAULT_ID } else { id };
        self.agents
            .get(id)
            .cloned()
            .ok_or_else(|| Status::unknown(format!("unset ssh forward key {id}")))
    }
}

#[tonic::async_trait]
impl Ssh for SshService {
    async fn check_agent(
        &self,
        request: Request<CheckAgentRequest>,
    ) -> Result<Response<CheckAgentResponse>, Status> {
        self.socket(&request.get_ref().id)?;
        Ok(Response::new(CheckAgentResponse {}))
    }

    type ForwardAgentStream = ReceiverStream<Result<BytesMessage, Status>>;

    async fn forward_agent(
        &self,
        request: Request<Streaming<BytesMessage>>,
    ) -> Result<Response<Self::ForwardAgentStream>, Status> {
        let id = request
            .metadata()
            .get_all(KEY_SSH_ID)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| !v.is_empty())
            .unwrap_or(DEFAULT_ID)
            .to_owned();
        let path = self.socket(&id)?;
        let conn = UnixStream::connect(&path).await.map_err(|e| {
            Status::unknown(format!(
                "failed to dial agent {id}: {}: {e}",
                path.display()
            ))
        })?;
        let (mut reader, mut writer) = conn.into_split();
        let mut incoming = request.into_inner();
        let (tx, rx) = mpsc::channel(16);

        // engine → agent
        let to_agent = tokio::spawn(async move {
            while let Some(msg) = incoming.next().await {
                let Ok(msg) = msg else { break };
                if writer.write_all(&msg.data).await.is_err() {
                    break;
                }
            }
            // Half-close: the agent may still be answering.
            let _ = writer.shutdown().await;
        });
        // agent → engine
        tokio::spawn(async move {
            let mut buf = vec![0u8; 32 * 1024];
            loop {
                match reader.read(&mut buf).await {
                    Ok(0) => break,
                    Ok(n) => {
                        let msg = BytesMessage {
                            data: buf[..n].to_vec(),
                        };
                        if tx.send(Ok(msg)).await.is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(Status::unknown(e.to_string()))).await;
                        break;
                    }
                }
            }
            to_agent.abort();
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
