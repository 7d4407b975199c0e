//! `moby.sshforward.v1.SSH`: `RUN --mount=type=ssh` reaches the client's
//! SSH agent (BuildKit session/sshforward, sshprovider/agentprovider.go and
//! raw_provider.go).
//!
//! - `CheckAgent{ID}`: empty id means `default`; an unknown id fails with
//!   "unset ssh forward key <id>" (plain error, gRPC `Unknown`, as upstream).
//! - `ForwardAgent`: the id comes from the `buildkit.ssh.id` metadata key
//!   (first non-empty value, else `default`). Each call opens one connection
//!   to the agent socket; the call's `BytesMessage`s carry the agent
//!   protocol both ways (up to 32 KiB each).
//!
//! A build gets a read-only view of the agent by default, as upstream: its
//! sshprovider serves the socket through golang.org/x/crypto/ssh/agent's
//! `ServeAgent` with a `readOnlyAgent` wrapper that refuses `Add`, `Remove`,
//! `RemoveAll`, `Lock` and `Extension`. We filter the protocol instead of
//! re-serving it: each length-prefixed request from the build is read
//! whole (at most [`MAX_MESSAGE_LEN`]) and only listing identities
//! (`REQUEST_IDENTITIES`, 11) and signing (`SIGN_REQUEST`, 13) reach the
//! agent; everything else is answered `SSH_AGENT_FAILURE` (5) without
//! being forwarded. That is slightly stricter than upstream, whose wrapper
//! passes `UNLOCK` through: a build step has no business unlocking, or
//! guessing the passphrase of, a locked agent. Requests are handled one at
//! a time, so refusals and the agent's replies keep the request order.
//!
//! `AgentAccess::Raw` (`--ssh ID=SOCKET,raw=true`, buildctl's spelling)
//! copies bytes both ways unchanged, as upstream's raw mode: full access to
//! the agent, or any other Unix socket. When the engine half-closes we shut
//! down our write side; when the agent closes, the call ends.
//!
//! Private key files as agent sources are not supported, only agent
//! sockets.

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

/// OpenSSH's `AGENT_MAX_LEN`: the largest agent message (request or
/// reply) either side accepts.
pub const MAX_MESSAGE_LEN: usize = 256 * 1024;

/// Agent protocol message numbers (draft-ietf-sshm-ssh-agent, OpenSSH
/// PROTOCOL.agent) the filter needs.
pub mod message {
    pub const SSH_AGENT_FAILURE: u8 = 5;
    pub const SSH_AGENTC_REQUEST_IDENTITIES: u8 = 11;
    pub const SSH_AGENTC_SIGN_REQUEST: u8 = 13;
}

/// How much of an agent a build may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgentAccess {
    /// List keys and sign; adding, removing, locking and extensions are
    /// refused (upstream's default).
    #[default]
    ReadOnly,
    /// Bytes copied unchanged (upstream's `raw=true`).
    Raw,
}

/// One forwarded agent: where it listens and what a build may do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentSource {
    pub socket: PathBuf,
    pub access: AgentAccess,
}

/// The `SSH` service: agents by id.
#[derive(Debug, Clone, Default)]
pub struct SshService {
    agents: Arc<HashMap<String, AgentSource>>,
}

impl SshService {
    pub fn new(agents: HashMap<String, AgentSource>) -> SshService {
        SshService {
            agents: Arc::new(agents),
        }
    }

    fn agent(&self, id: &str) -> Result<AgentSource, Status> {
        let id = if id.is_empty() { DEFAULT_ID } else { id };
        self.agents
            .get(id)
            .cloned()
            .ok_or_else(|| Status::unknown(format!("unset ssh forward key {id}")))
    }
}

/// Whether a read-only agent passes request `body` (type byte first).
pub fn read_only_allows(body: &[u8]) -> bool {
    matches!(
        body.first(),
        Some(&message::SSH_AGENTC_REQUEST_IDENTITIES | &message::SSH_AGENTC_SIGN_REQUEST)
    )
}

/// A message longer than [`MAX_MESSAGE_LEN`]: the peer is not speaking the
/// agent protocol, and the connection ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("ssh agent message of {0} bytes is over the protocol's limit of 256 KiB")]
pub struct MessageTooLong(pub usize);

/// Splits the agent protocol's messages (`uint32` length, then that many
/// bytes) out of the byte chunks a stream delivers.
#[derive(Debug, Default)]
pub struct MessageReader {
    pending: Vec<u8>,
}

impl MessageReader {
    pub fn push(&mut self, data: &[u8]) {
        self.pending.extend_from_slice(data);
    }

    /// The next whole message's body, once it has all arrived. An oversized
    /// length is refused as soon as its prefix is seen, so at most one
    /// message's worth is ever buffered.
    pub fn next_message(&mut self) -> Result<Option<Vec<u8>>, MessageTooLong> {
        let Some(prefix) = self.pending.first_chunk::<4>() else {
            return Ok(None);
        };
        let len = u32::from_be_bytes(*prefix) as usize;
        if len > MAX_MESSAGE_LEN {
            return Err(MessageTooLong(len));
        }
        if self.pending.len() < 4 + len {
            return Ok(None);
        }
        let body = self.pending[4..4 + len].to_vec();
        self.pending.drain(..4 + len);
        Ok(Some(body))
    }
}

/// `body` with its length prefix.
fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + body.len());
    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    out.extend_from_slice(body);
    out
}

/// Sends request `body` to the agent and reads its reply (length prefix
/// included).
async fn ask_agent(agent: &mut UnixStream, body: &[u8]) -> std::io::Result<Vec<u8>> {
    agent.write_all(&framed(body)).await?;
    let mut prefix = [0u8; 4];
    agent.read_exact(&mut prefix).await?;
    let len = u32::from_be_bytes(prefix) as usize;
    if len > MAX_MESSAGE_LEN {
        return Err(std::io::Error::other(MessageTooLong(len)));
    }
    let mut reply = vec![0u8; 4 + len];
    reply[..4].copy_from_slice(&prefix);
    agent.read_exact(&mut reply[4..]).await?;
    Ok(reply)
}

/// The read-only filter for one `ForwardAgent` call: requests from the
/// build, one at a time; allowed ones go to the agent and its reply comes
/// back, the rest get `SSH_AGENT_FAILURE`. Ends when the build closes its
/// side, the agent closes, or a message breaks the protocol's bounds.
async fn serve_read_only(
    mut incoming: Streaming<BytesMessage>,
    mut agent: UnixStream,
    replies: mpsc::Sender<Result<BytesMessage, Status>>,
) {
    let mut reader = MessageReader::default();
    loop {
        let body = match reader.next_message() {
            Ok(Some(body)) => body,
            Ok(None) => match incoming.next().await {
                Some(Ok(msg)) => {
                    reader.push(&msg.data);
                    continue;
                }
                _ => return,
            },
            Err(e) => {
                let _ = replies
                    .send(Err(Status::invalid_argument(e.to_string())))
                    .await;
                return;
            }
        };
        let reply = if read_only_allows(&body) {
            match ask_agent(&mut agent, &body).await {
                Ok(reply) => reply,
                Err(e) => {
                    let status = Status::unavailable(format!("ssh agent: {e}"));
                    let _ = replies.send(Err(status)).await;
                    return;
                }
            }
        } else {
            tracing::debug!(
                request = body.first().copied().unwrap_or_default(),
                "refused an ssh agent request: the build has read-only access"
            );
            framed(&[message::SSH_AGENT_FAILURE])
        };
        for chunk in reply.chunks(32 * 1024) {
            let msg = BytesMessage {
                data: chunk.to_vec(),
            };
            if replies.send(Ok(msg)).await.is_err() {
                return;
            }
        }
    }
}

#[tonic::async_trait]
impl Ssh for SshService {
    async fn check_agent(
        &self,
        request: Request<CheckAgentRequest>,
    ) -> Result<Response<CheckAgentResponse>, Status> {
        self.agent(&request.get_ref().id)?;
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
        let source = self.agent(&id)?;
        let conn = UnixStream::connect(&source.socket).await.map_err(|e| {
            Status::unknown(format!(
                "failed to dial agent {id}: {}: {e}",
                source.socket.display()
            ))
        })?;
        let mut incoming = request.into_inner();
        let (tx, rx) = mpsc::channel(16);
        if source.access == AgentAccess::ReadOnly {
            tokio::spawn(serve_read_only(incoming, conn, tx));
            return Ok(Response::new(ReceiverStream::new(rx)));
        }
        let (mut reader, mut writer) = conn.into_split();

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_split_across_and_within_chunks() {
        let mut reader = MessageReader::default();
        let two = [framed(&[11]), framed(&[13, 1, 2, 3])].concat();
        // One byte at a time: nothing until a message is whole.
        let (first, rest) = two.split_at(3);
        reader.push(first);
        assert_eq!(reader.next_message(), Ok(None));
        reader.push(&rest[..2]);
        assert_eq!(reader.next_message(), Ok(Some(vec![11])));
        assert_eq!(reader.next_message(), Ok(None));
        reader.push(&rest[2..]);
        assert_eq!(reader.next_message(), Ok(Some(vec![13, 1, 2, 3])));
        assert_eq!(reader.next_message(), Ok(None));
        // An empty message has no type: refused like any other.
        reader.push(&[0, 0, 0, 0]);
        assert_eq!(reader.next_message(), Ok(Some(vec![])));
        assert!(!read_only_allows(&[]));
    }

    #[test]
    fn oversized_messages_are_refused_from_their_length() {
        let mut reader = MessageReader::default();
        reader.push(&((MAX_MESSAGE_LEN as u32) + 1).to_be_bytes());
        assert_eq!(
            reader.next_message(),
            Err(MessageTooLong(MAX_MESSAGE_LEN + 1))
        );
        let mut reader = MessageReader::default();
        let mut at_limit = framed(&vec![13; MAX_MESSAGE_LEN]);
        reader.push(&at_limit[..100]);
        assert_eq!(reader.next_message(), Ok(None));
        reader.push(&at_limit.split_off(100));
        assert_eq!(
            reader.next_message().unwrap().unwrap().len(),
            MAX_MESSAGE_LEN
        );
    }

    #[test]
    fn read_only_passes_listing_and_signing() {
        let allowed: Vec<u8> = (0..=255u8).filter(|t| read_only_allows(&[*t])).collect();
        assert_eq!(
            allowed,
            [
                message::SSH_AGENTC_REQUEST_IDENTITIES,
                message::SSH_AGENTC_SIGN_REQUEST
            ]
        );
    }
}
