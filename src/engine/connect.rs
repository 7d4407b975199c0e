//! Opening a gRPC channel to the engine.
//!
//! Every transport ends in a tonic [`Channel`] speaking HTTP/2 with prior
//! knowledge (h2c) or TLS: unix sockets and docker-native through a custom
//! connector, Docker Engine < API 1.53 through a connector that upgrades
//! `POST /grpc` on each new connection, tcp directly.

use std::path::{Path, PathBuf};
use std::time::Duration;

use hyper_util::rt::TokioIo;
use tokio::net::UnixStream;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

use super::EngineError;
use super::docker::{self, DockerVersion};
use super::endpoint::{Candidate, Endpoint, HostEnv, TlsOptions, candidates};
use crate::proto::types::BuildkitVersion;

/// How long connecting may take, as buildctl's `--timeout` default: the
/// connection, the Docker API probes and the first `Control.Info` answer.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// HTTP/2 PING interval on an engine connection that has open calls and has
/// read nothing for this long. buildkitd's grpc-go server closes a
/// connection (`too_many_pings`) on the third ping that comes within 5
/// minutes of the previous one with nothing sent back in between. A build's
/// connection is never that quiet: BuildKit's session health checks run
/// every 5 s, so pings only go out once the engine has gone silent. A single
/// call left unanswered for 2 minutes on buildkitd would be cut (only `du`
/// on a very large cache might take that long).
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(30);

/// How long a PING may go unanswered before the connection counts as dead
/// and every call on it fails (an engine that is wedged, or a peer gone
/// without closing the connection).
pub const KEEPALIVE_TIMEOUT: Duration = Duration::from_secs(20);

/// How the engine reaches our session services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionTransport {
    /// `Control.Session` on the gRPC connection (buildkitd, docker-native).
    ControlSession,
    /// Docker's `POST /session` upgrade on this socket (API < 1.53).
    DockerUpgrade(PathBuf),
}

/// A connected engine. Cheap to clone (the channel is shared).
#[derive(Debug, Clone)]
pub struct Engine {
    pub(super) channel: Channel,
    endpoint: Endpoint,
    pub(super) session_transport: SessionTransport,
    docker: Option<DockerVersion>,
    buildkit: Option<BuildkitVersion>,
}

impl Engine {
    /// The gRPC channel, for `ControlClient` or `LlbBridgeClient`.
    pub fn channel(&self) -> Channel {
        self.channel.clone()
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The Docker Engine version when connected through Docker.
    pub fn docker_version(&self) -> Option<&DockerVersion> {
        self.docker.as_ref()
    }

    /// BuildKit's version as reported by `Control.Info` at connect time
    /// (`None` for engines too old to have Info).
    pub fn buildkit_version(&self) -> Option<&BuildkitVersion> {
        self.buildkit.as_ref()
    }

    pub fn session_transport(&self) -> &SessionTransport {
        &self.session_transport
    }

    /// Connect to one endpoint within [`DEFAULT_CONNECT_TIMEOUT`]. Failure
    /// is [`EngineError::Unreachable`] with this single endpoint.
    pub async fn connect(endpoint: &Endpoint) -> Result<Engine, EngineError> {
        Engine::connect_within(endpoint, Some(DEFAULT_CONNECT_TIMEOUT)).await
    }

    /// [`Engine::connect`] with a time limit (`None`: wait as long as the
    /// engine takes).
    pub async fn connect_within(
        endpoint: &Endpoint,
        timeout: Option<Duration>,
    ) -> Result<Engine, EngineError> {
        connect_one(endpoint, false, timeout)
            .await
            .map_err(|e| match e {
                Failure::Unreachable(why) => EngineError::Unreachable {
                    tried: vec![(endpoint.to_string(), why)],
                },
                Failure::Fatal(e) => e,
            })
    }

    /// Connect following the default resolution ([`candidates`]):
    /// `BUILDKIT_HOST`, else a Docker socket that answers `/_ping`, else
    /// standalone buildkitd. All failures come back together. Each endpoint
    /// gets [`DEFAULT_CONNECT_TIMEOUT`].
    pub async fn connect_default(env: &HostEnv) -> Result<Engine, EngineError> {
        Engine::connect_default_within(env, Some(DEFAULT_CONNECT_TIMEOUT)).await
    }

    /// [`Engine::connect_default`] with a time limit for each endpoint.
    pub async fn connect_default_within(
        env: &HostEnv,
        timeout: Option<Duration>,
    ) -> Result<Engine, EngineError> {
        let mut tried = Vec::new();
        for Candidate {
            endpoint,
            requires_ping,
        } in candidates(env)?
        {
            match connect_one(&endpoint, requires_ping, timeout).await {
                Ok(engine) => return Ok(engine),
                Err(Failure::Unreachable(why)) => tried.push((endpoint.to_string(), why)),
                Err(Failure::Fatal(e)) => return Err(e),
            }
        }
        Err(EngineError::Unreachable { tried })
    }
}

/// Unreachable endpoints are collected; anything else (bad TLS files)
/// stops the search because trying further endpoints would hide it.
enum Failure {
    Unreachable(String),
    Fatal(EngineError),
}

/// Placeholder authority for connector-based channels; the connector
/// ignores it.
const LOCAL_URI: &str = "http://localhost";

/// [`probe`] within the time limit. A socket that accepts connections and
/// never answers (a wedged daemon, the wrong kind of server) would otherwise
/// stall the CLI forever: the connection and the HTTP/2 handshake succeed
/// without a word from the server.
async fn connect_one(
    endpoint: &Endpoint,
    requires_ping: bool,
    timeout: Option<Duration>,
) -> Result<Engine, Failure> {
    let Some(limit) = timeout else {
        return probe(endpoint, requires_ping, None).await;
    };
    match tokio::time::timeout(limit, probe(endpoint, requires_ping, timeout)).await {
        Ok(result) => result,
        Err(_) => Err(Failure::Unreachable(format!(
            "no answer within {}s",
            limit.as_secs_f64()
        ))),
    }
}

/// Open the channel, then prove it speaks BuildKit's API with one
/// `Control.Info` call: a socket that accepts connections but fails every
/// call (wrong TLS, not buildkitd) is unreachable, not a later surprise.
async fn probe(
    endpoint: &Endpoint,
    requires_ping: bool,
    timeout: Option<Duration>,
) -> Result<Engine, Failure> {
    let mut engine = open(endpoint, requires_ping, timeout).await?;
    match engine.info().await {
        Ok(version) => engine.buildkit = Some(version),
        Err(EngineError::Rpc(e)) if e.code == tonic::Code::Unimplemented => {}
        Err(e) => return Err(Failure::Unreachable(e.to_string())),
    }
    Ok(engine)
}

/// `timeout` bounds each later reconnection of the channel (tonic
/// reconnects when a call finds the connection gone).
async fn open(
    endpoint: &Endpoint,
    requires_ping: bool,
    timeout: Option<Duration>,
) -> Result<Engine, Failure> {
    let engine = |channel, transport, docker| Engine {
        channel,
        endpoint: endpoint.clone(),
        session_transport: transport,
        docker,
        buildkit: None,
    };
    match endpoint {
        Endpoint::Unix(path) => {
            let channel = unix_channel(path, timeout).await?;
            Ok(engine(channel, SessionTransport::ControlSession, None))
        }
        Endpoint::Tcp { host, port, tls } => {
            let channel = tcp_channel(host, *port, tls.as_ref(), timeout).await?;
            Ok(engine(channel, SessionTransport::ControlSession, None))
        }
        Endpoint::Docker(socket) => {
            if requires_ping {
                docker::ping(socket).await.map_err(Failure::Unreachable)?;
            }
            let version = docker::version(socket)
                .await
                .map_err(Failure::Unreachable)?;
            if version.serves_native_grpc() {
                let channel = unix_channel(socket, timeout).await?;
                Ok(engine(
                    channel,
                    SessionTransport::ControlSession,
                    Some(version),
                ))
            } else {
                let channel = docker_upgrade_channel(socket, timeout).await?;
                Ok(engine(
                    channel,
                    SessionTransport::DockerUpgrade(socket.clone()),
                    Some(version),
                ))
            }
        }
    }
}

fn unreachable(e: impl std::fmt::Display) -> Failure {
    Failure::Unreachable(e.to_string())
}

/// tonic's transport errors hide the cause in `source()`; keep the chain.
fn transport_error(e: tonic::transport::Error) -> Failure {
    Failure::Unreachable(with_sources(&e))
}

pub(super) fn with_sources(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        // Some errors already print their source; do not repeat it.
        if !msg.contains(&text) {
            msg.push_str(": ");
            msg.push_str(&text);
        }
        source = s.source();
    }
    msg
}

/// Settings every engine channel shares: HTTP/2 keepalive, so that a
/// connection whose engine stops answering fails its calls instead of
/// leaving them waiting forever, and the connect time limit for
/// reconnections (for the Docker upgrade it covers the `101` answer too).
fn configure(
    endpoint: tonic::transport::Endpoint,
    timeout: Option<Duration>,
) -> tonic::transport::Endpoint {
    let endpoint = endpoint
        .http2_keep_alive_interval(KEEPALIVE_INTERVAL)
        .keep_alive_timeout(KEEPALIVE_TIMEOUT)
        .keep_alive_while_idle(false);
    match timeout {
        Some(t) => endpoint.connect_timeout(t),
        None => endpoint,
    }
}

/// h2c with prior knowledge over a unix socket.
async fn unix_channel(path: &Path, timeout: Option<Duration>) -> Result<Channel, Failure> {
    let path = path.to_path_buf();
    let connector = tower::service_fn(move |_: http::Uri| {
        let path = path.clone();
        async move { UnixStream::connect(&path).await.map(TokioIo::new) }
    });
    configure(tonic::transport::Endpoint::from_static(LOCAL_URI), timeout)
        .connect_with_connector(connector)
        .await
        .map_err(transport_error)
}

/// Each connection is a `POST /grpc` upgraded to h2c.
async fn docker_upgrade_channel(
    socket: &Path,
    timeout: Option<Duration>,
) -> Result<Channel, Failure> {
    let socket = socket.to_path_buf();
    let connector = tower::service_fn(move |_: http::Uri| {
        let socket = socket.clone();
        async move {
            docker::upgrade_h2c(&socket, "/grpc", &[])
                .await
                .map_err(std::io::Error::other)
        }
    });
    configure(tonic::transport::Endpoint::from_static(LOCAL_URI), timeout)
        .connect_with_connector(connector)
        .await
        .map_err(transport_error)
}

async fn tcp_channel(
    host: &str,
    port: u16,
    tls: Option<&TlsOptions>,
    timeout: Option<Duration>,
) -> Result<Channel, Failure> {
    let authority = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let mut endpoint = tonic::transport::Endpoint::from_shared(format!("{scheme}://{authority}"))
        .map_err(unreachable)?;
    if let Some(tls) = tls {
        let config = tls_config(host, tls).await.map_err(Failure::Fatal)?;
        endpoint = endpoint.tls_config(config).map_err(|e| {
            Failure::Fatal(EngineError::Config(format!(
                "TLS configuration: {}",
                with_cert_version_hint(with_sources(&e), "the client certificate (--tlscert)")
            )))
        })?;
        return endpoint.connect().await.map_err(|e| {
            Failure::Unreachable(with_cert_version_hint(
                with_sources(&e),
                "the engine's certificate or its CA",
            ))
        });
    }
    configure(endpoint, timeout)
        .connect()
        .await
        .map_err(transport_error)
}

/// rustls takes X.509 v3 certificates only and names a v1 one (what
/// `openssl x509 -req` makes without an extensions file) just
/// `UnsupportedCertVersion`; say which certificate and how to remake it.
fn with_cert_version_hint(message: String, which: &str) -> String {
    if !message.contains("UnsupportedCertVersion") {
        return message;
    }
    format!(
        "{message} ({which} is an X.509 v1 certificate; TLS needs v3: sign it again with \
         extensions, e.g. `openssl x509 -req … -extfile EXT` where EXT holds \
         `extendedKeyUsage=clientAuth` for a client, or `subjectAltName=IP:127.0.0.1` and \
         `extendedKeyUsage=serverAuth` for the engine)"
    )
}

async fn read_pem(what: &str, path: &Path) -> Result<Vec<u8>, EngineError> {
    tokio::fs::read(path)
        .await
        .map_err(|e| EngineError::Config(format!("reading TLS {what} {}: {e}", path.display())))
}

/// The CA replaces the system roots when given (like buildctl's
/// `--tlscacert`); a client certificate needs its key.
async fn tls_config(host: &str, opts: &TlsOptions) -> Result<ClientTlsConfig, EngineError> {
    let mut config = ClientTlsConfig::new()
        .domain_name(opts.server_name.clone().unwrap_or_else(|| host.to_string()));
    match &opts.ca_cert {
        Some(ca) => {
            config =
                config.ca_certificate(Certificate::from_pem(read_pem("CA certificate", ca).await?))
        }
        None => config = config.with_native_roots(),
    }
    match (&opts.cert, &opts.key) {
        (Some(cert), Some(key)) => {
            let cert = read_pem("client certificate", cert).await?;
            let key = read_pem("client key", key).await?;
            config = config.identity(Identity::from_pem(cert, key));
        }
        (None, None) => {}
        _ => {
            return Err(EngineError::Config(
                "TLS client certificate and key must be given together".into(),
            ));
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::with_cert_version_hint;

    #[test]
    fn v1_certificates_get_a_hint() {
        let plain = "transport error: connection refused".to_string();
        assert_eq!(with_cert_version_hint(plain.clone(), "x"), plain);
        let v1 = with_cert_version_hint(
            "invalid peer certificate: Other(OtherError(UnsupportedCertVersion))".into(),
            "the client certificate (--tlscert)",
        );
        assert!(v1.starts_with("invalid peer certificate"), "{v1}");
        assert!(v1.contains("--tlscert) is an X.509 v1 certificate"), "{v1}");
        assert!(v1.contains("-extfile"), "{v1}");
    }
}
