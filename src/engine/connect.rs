//! Opening a gRPC channel to the engine.
//!
//! Every transport ends in a tonic [`Channel`] speaking HTTP/2 with prior
//! knowledge (h2c) or TLS: unix sockets and docker-native through a custom
//! connector, Docker Engine < API 1.53 through a connector that upgrades
//! `POST /grpc` on each new connection, tcp directly.

use std::path::{Path, PathBuf};

use hyper_util::rt::TokioIo;
use tokio::net::UnixStream;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

use super::EngineError;
use super::docker::{self, DockerVersion};
use super::endpoint::{Candidate, Endpoint, HostEnv, TlsOptions, candidates};
use crate::proto::types::BuildkitVersion;

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

    /// Connect to one endpoint. Failure is [`EngineError::Unreachable`]
    /// with this single endpoint.
    pub async fn connect(endpoint: &Endpoint) -> Result<Engine, EngineError> {
        connect_one(endpoint, false).await.map_err(|e| match e {
            Failure::Unreachable(why) => EngineError::Unreachable {
                tried: vec![(endpoint.to_string(), why)],
            },
            Failure::Fatal(e) => e,
        })
    }

    /// Connect following the default resolution ([`candidates`]):
    /// `BUILDKIT_HOST`, else a Docker socket that answers `/_ping`, else
    /// standalone buildkitd. All failures come back together.
    pub async fn connect_default(env: &HostEnv) -> Result<Engine, EngineError> {
        let mut tried = Vec::new();
        for Candidate {
            endpoint,
            requires_ping,
        } in candidates(env)?
        {
            match connect_one(&endpoint, requires_ping).await {
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

/// Open the channel, then prove it speaks BuildKit's API with one
/// `Control.Info` call: a socket that accepts connections but fails every
/// call (wrong TLS, not buildkitd) is unreachable, not a later surprise.
async fn connect_one(endpoint: &Endpoint, requires_ping: bool) -> Result<Engine, Failure> {
    let mut engine = open(endpoint, requires_ping).await?;
    match engine.info().await {
        Ok(version) => engine.buildkit = Some(version),
        Err(EngineError::Rpc(e)) if e.code == tonic::Code::Unimplemented => {}
        Err(e) => return Err(Failure::Unreachable(e.to_string())),
    }
    Ok(engine)
}

async fn open(endpoint: &Endpoint, requires_ping: bool) -> Result<Engine, Failure> {
    let engine = |channel, transport, docker| Engine {
        channel,
        endpoint: endpoint.clone(),
        session_transport: transport,
        docker,
        buildkit: None,
    };
    match endpoint {
        Endpoint::Unix(path) => {
            let channel = unix_channel(path).await?;
            Ok(engine(channel, SessionTransport::ControlSession, None))
        }
        Endpoint::Tcp { host, port, tls } => {
            let channel = tcp_channel(host, *port, tls.as_ref()).await?;
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
                let channel = unix_channel(socket).await?;
                Ok(engine(
                    channel,
                    SessionTransport::ControlSession,
                    Some(version),
                ))
            } else {
                let channel = docker_upgrade_channel(socket).await?;
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

/// h2c with prior knowledge over a unix socket.
async fn unix_channel(path: &Path) -> Result<Channel, Failure> {
    let path = path.to_path_buf();
    let connector = tower::service_fn(move |_: http::Uri| {
        let path = path.clone();
        async move { UnixStream::connect(&path).await.map(TokioIo::new) }
    });
    tonic::transport::Endpoint::from_static(LOCAL_URI)
        .connect_with_connector(connector)
        .await
        .map_err(transport_error)
}

/// Each connection is a `POST /grpc` upgraded to h2c.
async fn docker_upgrade_channel(socket: &Path) -> Result<Channel, Failure> {
    let socket = socket.to_path_buf();
    let connector = tower::service_fn(move |_: http::Uri| {
        let socket = socket.clone();
        async move {
            docker::upgrade_h2c(&socket, "/grpc", &[])
                .await
                .map_err(std::io::Error::other)
        }
    });
    tonic::transport::Endpoint::from_static(LOCAL_URI)
        .connect_with_connector(connector)
        .await
        .map_err(transport_error)
}

async fn tcp_channel(host: &str, port: u16, tls: Option<&TlsOptions>) -> Result<Channel, Failure> {
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
    endpoint.connect().await.map_err(transport_error)
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
