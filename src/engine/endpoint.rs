//! Where the engine lives: parsing `BUILDKIT_HOST`-style addresses and the
//! default resolution order.
//!
//! Parsing and resolution are pure (the environment comes in as a value), so
//! they are unit-tested without touching the process environment; probing
//! and connecting happen in [`super::connect`].

use std::fmt;
use std::path::PathBuf;

/// The Docker socket used when nothing else is said.
pub const DEFAULT_DOCKER_SOCKET: &str = "/var/run/docker.sock";
/// Standalone buildkitd's default socket.
pub const DEFAULT_BUILDKITD_SOCKET: &str = "/run/buildkit/buildkitd.sock";

/// A BuildKit engine address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// buildkitd (or anything speaking its gRPC API) on a unix socket.
    Unix(PathBuf),
    /// buildkitd over TCP, plain h2c or TLS.
    Tcp {
        host: String,
        port: u16,
        tls: Option<TlsOptions>,
    },
    /// BuildKit embedded in Docker Engine, reached through the Docker API
    /// socket (`/grpc` and `/session` upgrades, or gRPC directly on the
    /// socket for API >= 1.53).
    Docker(PathBuf),
}

/// TLS settings for a `tcp://` endpoint; files are PEM. Without a CA the
/// system trust store is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsOptions {
    pub ca_cert: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    /// Name checked against the server certificate (defaults to the host).
    pub server_name: Option<String>,
}

/// Why an address could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    #[error("engine address {0:?} has no scheme; use unix://, tcp:// or docker://")]
    NoScheme(String),
    #[error("engine address {0:?}: unsupported scheme {1:?}; use unix://, tcp:// or docker://")]
    UnsupportedScheme(String, String),
    #[error("engine address {0:?}: {1}")]
    Invalid(String, &'static str),
}

impl Endpoint {
    /// Parse `unix:///path`, `tcp://host:port`, `docker://` or
    /// `docker:///path/to/docker.sock`.
    pub fn parse(addr: &str) -> Result<Endpoint, EndpointError> {
        let invalid = |why| EndpointError::Invalid(addr.to_string(), why);
        let Some((scheme, rest)) = addr.split_once("://") else {
            return Err(EndpointError::NoScheme(addr.to_string()));
        };
        match scheme {
            "unix" => {
                if rest.is_empty() {
                    return Err(invalid("missing socket path"));
                }
                Ok(Endpoint::Unix(PathBuf::from(rest)))
            }
            "docker" => {
                if rest.is_empty() {
                    Ok(Endpoint::Docker(PathBuf::from(DEFAULT_DOCKER_SOCKET)))
                } else if rest.starts_with('/') {
                    Ok(Endpoint::Docker(PathBuf::from(rest)))
                } else {
                    Err(invalid(
                        "docker:// takes an absolute socket path (docker:///path)",
                    ))
                }
            }
            "tcp" => {
                let hostport = rest.trim_end_matches('/');
                if hostport.contains('/') || hostport.contains('?') {
                    return Err(invalid("tcp:// takes only host:port"));
                }
                let (host, port) =
                    split_host_port(hostport).ok_or_else(|| invalid("expected host:port"))?;
                Ok(Endpoint::Tcp {
                    host,
                    port,
                    tls: None,
                })
            }
            other => Err(EndpointError::UnsupportedScheme(
                addr.to_string(),
                other.to_string(),
            )),
        }
    }

    /// The same endpoint with TLS settings (only meaningful for `tcp://`).
    pub fn with_tls(self, opts: TlsOptions) -> Endpoint {
        match self {
            Endpoint::Tcp { host, port, .. } => Endpoint::Tcp {
                host,
                port,
                tls: Some(opts),
            },
            other => other,
        }
    }
}

/// `host:port` or `[v6]:port`; the port is required (no well-known port
/// for buildkitd).
fn split_host_port(s: &str) -> Option<(String, u16)> {
    let (host, port) = if let Some(v6) = s.strip_prefix('[') {
        let (host, rest) = v6.split_once(']')?;
        (host, rest.strip_prefix(':')?)
    } else {
        let (host, port) = s.rsplit_once(':')?;
        if host.contains(':') {
            return None;
        }
        (host, port)
    };
    if host.is_empty() {
        return None;
    }
    let port: u16 = port.parse().ok()?;
    Some((host.to_string(), port))
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Endpoint::Unix(p) => write!(f, "unix://{}", p.display()),
            Endpoint::Docker(p) => write!(f, "docker://{}", p.display()),
            Endpoint::Tcp { host, port, .. } if host.contains(':') => {
                write!(f, "tcp://[{host}]:{port}")
            }
            Endpoint::Tcp { host, port, .. } => write!(f, "tcp://{host}:{port}"),
        }
    }
}

/// The environment variables that choose an engine, passed in explicitly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostEnv {
    pub buildkit_host: Option<String>,
    pub docker_host: Option<String>,
}

impl HostEnv {
    /// Read `BUILDKIT_HOST` and `DOCKER_HOST` (empty counts as unset).
    pub fn from_process() -> HostEnv {
        let get = |k| std::env::var(k).ok().filter(|v: &String| !v.is_empty());
        HostEnv {
            buildkit_host: get("BUILDKIT_HOST"),
            docker_host: get("DOCKER_HOST"),
        }
    }
}

/// One endpoint to try, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub endpoint: Endpoint,
    /// Use it only if it answers Docker's `/_ping` (the default Docker
    /// socket is a guess; an explicit address is not).
    pub requires_ping: bool,
}

/// The endpoints to try, in order: `BUILDKIT_HOST` alone when set; else
/// the Docker socket (`DOCKER_HOST` when it is `unix://`, else
/// [`DEFAULT_DOCKER_SOCKET`]) if it answers, then standalone buildkitd's
/// default socket.
pub fn candidates(env: &HostEnv) -> Result<Vec<Candidate>, EndpointError> {
    if let Some(addr) = &env.buildkit_host {
        return Ok(vec![Candidate {
            endpoint: Endpoint::parse(addr)?,
            requires_ping: false,
        }]);
    }
    let docker_socket = env
        .docker_host
        .as_deref()
        .and_then(|h| h.strip_prefix("unix://"))
        .filter(|p| !p.is_empty())
        .unwrap_or(DEFAULT_DOCKER_SOCKET);
    Ok(vec![
        Candidate {
            endpoint: Endpoint::Docker(PathBuf::from(docker_socket)),
            requires_ping: true,
        },
        Candidate {
            endpoint: Endpoint::Unix(PathBuf::from(DEFAULT_BUILDKITD_SOCKET)),
            requires_ping: false,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Endpoint {
        Endpoint::parse(s).unwrap()
    }

    #[test]
    fn parses_unix() {
        assert_eq!(
            p("unix:///run/buildkit/buildkitd.sock"),
            Endpoint::Unix("/run/buildkit/buildkitd.sock".into())
        );
        assert!(Endpoint::parse("unix://").is_err());
    }

    #[test]
    fn parses_docker() {
        assert_eq!(
            p("docker://"),
            Endpoint::Docker(DEFAULT_DOCKER_SOCKET.into())
        );
        assert_eq!(
            p("docker:///var/lib/x/docker.sock"),
            Endpoint::Docker("/var/lib/x/docker.sock".into())
        );
        assert!(Endpoint::parse("docker://somehost").is_err());
    }

    #[test]
    fn parses_tcp() {
        assert_eq!(
            p("tcp://buildkitd:1234"),
            Endpoint::Tcp {
                host: "buildkitd".into(),
                port: 1234,
                tls: None
            }
        );
        assert_eq!(
            p("tcp://[::1]:1234/"),
            Endpoint::Tcp {
                host: "::1".into(),
                port: 1234,
                tls: None
            }
        );
        assert_eq!(p("tcp://[::1]:1234").to_string(), "tcp://[::1]:1234");
        for bad in [
            "tcp://host",
            "tcp://:1234",
            "tcp://host:99999",
            "tcp://host:12/x",
            "tcp://::1:1234",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_unknown_schemes() {
        assert!(matches!(
            Endpoint::parse("ssh://host"),
            Err(EndpointError::UnsupportedScheme(..))
        ));
        assert!(matches!(
            Endpoint::parse("/run/buildkit.sock"),
            Err(EndpointError::NoScheme(_))
        ));
        assert!(Endpoint::parse("").is_err());
    }

    #[test]
    fn tls_only_applies_to_tcp() {
        let tls = TlsOptions {
            server_name: Some("bk".into()),
            ..Default::default()
        };
        assert!(matches!(
            p("tcp://h:1").with_tls(tls.clone()),
            Endpoint::Tcp { tls: Some(_), .. }
        ));
        assert_eq!(p("unix:///s").with_tls(tls), p("unix:///s"));
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "unix:///a/b.sock",
            "docker:///var/run/docker.sock",
            "tcp://h:1",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn buildkit_host_wins_alone() {
        let env = HostEnv {
            buildkit_host: Some("tcp://bk:1234".into()),
            docker_host: Some("unix:///d.sock".into()),
        };
        let c = candidates(&env).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].endpoint, p("tcp://bk:1234"));
        assert!(!c[0].requires_ping);
        let bad = HostEnv {
            buildkit_host: Some("nonsense".into()),
            docker_host: None,
        };
        assert!(candidates(&bad).is_err());
    }

    #[test]
    fn default_order_docker_then_buildkitd() {
        let c = candidates(&HostEnv::default()).unwrap();
        assert_eq!(
            c.iter().map(|c| c.endpoint.to_string()).collect::<Vec<_>>(),
            [
                "docker:///var/run/docker.sock",
                "unix:///run/buildkit/buildkitd.sock"
            ]
        );
        assert!(c[0].requires_ping);
        assert!(!c[1].requires_ping);
    }

    #[test]
    fn docker_host_unix_is_used_tcp_is_not() {
        let unix = HostEnv {
            buildkit_host: None,
            docker_host: Some("unix:///tmp/d.sock".into()),
        };
        assert_eq!(
            candidates(&unix).unwrap()[0].endpoint,
            p("docker:///tmp/d.sock")
        );
        let tcp = HostEnv {
            buildkit_host: None,
            docker_host: Some("tcp://1.2.3.4:2375".into()),
        };
        assert_eq!(
            candidates(&tcp).unwrap()[0].endpoint,
            Endpoint::Docker(DEFAULT_DOCKER_SOCKET.into())
        );
    }
}
