//! The frontend image's end of the gateway. BuildKit starts the image's
//! entrypoint with the LLBBridge service on the process's stdin/stdout (the
//! engine is the HTTP/2 server on that pipe, we are the client) and passes
//! the frontend options, the session id and the workers in the environment
//! (BuildKit `frontend/gateway/grpcclient/client.go`: `RunFromEnvironment`,
//! `grpcClientConn`, `opts`, `sessionID`, `workers`).
//!
//! Nothing else may write to stdout: it is the gRPC pipe.

use std::collections::BTreeMap;
use std::os::fd::AsFd;
use std::pin::Pin;
use std::sync::Mutex;

use hyper_util::rt::TokioIo;
use serde::Deserialize;
use tokio::io::{AsyncRead, AsyncWrite};
use tonic::transport::{Channel, Endpoint};

use crate::plan::platform::Platform;

/// Each frontend option arrives as `BUILDKIT_FRONTEND_OPT_<n>=<key>=<value>`.
pub const FRONTEND_OPT_PREFIX: &str = "BUILDKIT_FRONTEND_OPT_";
pub const SESSION_ID_VAR: &str = "BUILDKIT_SESSION_ID";
pub const WORKERS_VAR: &str = "BUILDKIT_WORKERS";
pub const PRODUCT_VAR: &str = "BUILDKIT_EXPORTEDPRODUCT";

/// What BuildKit tells the frontend through the environment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GatewayEnv {
    pub options: BTreeMap<String, String>,
    pub session_id: Option<String>,
    /// Platforms of the engine's workers (`BUILDKIT_WORKERS`), in order.
    pub worker_platforms: Vec<Platform>,
    pub product: Option<String>,
}

/// `client.WorkerInfo` as Go's encoding/json writes it (no tags: field names as-is).
#[derive(Deserialize)]
struct WorkerInfo {
    #[serde(rename = "Platforms", default)]
    platforms: Vec<OciPlatform>,
}

#[derive(Deserialize)]
struct OciPlatform {
    #[serde(default)]
    os: String,
    #[serde(default)]
    architecture: String,
    #[serde(default)]
    variant: String,
}

impl GatewayEnv {
    /// Read from the process environment.
    pub fn from_process() -> GatewayEnv {
        GatewayEnv::from_vars(
            std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))),
        )
    }

    /// Read from `(name, value)` pairs. Like upstream, an option without
    /// `=` gets an empty value and a later duplicate key wins; unparsable
    /// workers are ignored.
    pub fn from_vars(vars: impl IntoIterator<Item = (String, String)>) -> GatewayEnv {
        let mut env = GatewayEnv::default();
        let mut opts: Vec<(u64, String, String)> = Vec::new();
        for (name, value) in vars {
            if let Some(n) = name.strip_prefix(FRONTEND_OPT_PREFIX) {
                let (key, v) = value.split_once('=').unwrap_or((value.as_str(), ""));
                opts.push((
                    n.parse().unwrap_or(u64::MAX),
                    key.to_string(),
                    v.to_string(),
                ));
            } else if name == SESSION_ID_VAR {
                env.session_id = Some(value).filter(|v| !v.is_empty());
            } else if name == WORKERS_VAR {
                let workers: Vec<WorkerInfo> = serde_json::from_str(&value).unwrap_or_default();
                env.worker_platforms = workers
                    .iter()
                    .flat_map(|w| &w.platforms)
                    .map(|p| Platform::new(&p.os, &p.architecture, &p.variant))
                    .collect();
            } else if name == PRODUCT_VAR {
                env.product = Some(value).filter(|v| !v.is_empty());
            }
        }
        // The environment has no order; the option index gives one.
        opts.sort_by_key(|(n, _, _)| *n);
        env.options = opts.into_iter().map(|(_, k, v)| (k, v)).collect();
        env
    }
}

type BoxRead = Pin<Box<dyn AsyncRead + Send + Sync>>;
type BoxWrite = Pin<Box<dyn AsyncWrite + Send + Sync>>;

/// stdin + stdout as one duplex stream. Pipes (what BuildKit gives us) are
/// driven by the reactor; anything else falls back to tokio's blocking stdio.
fn stdio_stream() -> tokio::io::Join<BoxRead, BoxWrite> {
    use tokio::net::unix::pipe;
    let reader: BoxRead = match std::io::stdin()
        .as_fd()
        .try_clone_to_owned()
        .and_then(pipe::Receiver::from_owned_fd)
    {
        Ok(r) => Box::pin(r),
        Err(_) => Box::pin(tokio::io::stdin()),
    };
    let writer: BoxWrite = match std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .and_then(pipe::Sender::from_owned_fd)
    {
        Ok(w) => Box::pin(w),
        Err(_) => Box::pin(tokio::io::stdout()),
    };
    tokio::io::join(reader, writer)
}

/// A gRPC channel over `io` (HTTP/2 with prior knowledge). The connector
/// hands the stream out once: the pipe carries exactly one connection, so
/// a reconnect attempt fails instead of hanging.
pub async fn channel_over<S>(io: S) -> Result<Channel, tonic::transport::Error>
where
    S: AsyncRead + AsyncWrite + Send + Unpin + 'static,
{
    let slot = std::sync::Arc::new(Mutex::new(Some(io)));
    let connector = tower::service_fn(move |_: http::Uri| {
        let taken = slot.lock().ok().and_then(|mut s| s.take());
        async move {
            taken.map(TokioIo::new).ok_or_else(|| {
                std::io::Error::other("the gateway pipe carries one connection and it is closed")
            })
        }
    });
    Endpoint::from_static("http://localhost")
        .connect_with_connector(connector)
        .await
}

/// The LLBBridge channel over this process's stdin/stdout.
pub async fn stdio_channel() -> Result<Channel, tonic::transport::Error> {
    channel_over(stdio_stream()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_options_session_and_workers() {
        let env = GatewayEnv::from_vars(vars(&[
            ("PATH", "/bin"),
            ("BUILDKIT_FRONTEND_OPT_0", "filename=Dockerfile"),
            ("BUILDKIT_FRONTEND_OPT_1", "build-arg:A=x=y"),
            ("BUILDKIT_FRONTEND_OPT_2", "no-cache"),
            ("BUILDKIT_FRONTEND_OPT_10", "target=late"),
            ("BUILDKIT_FRONTEND_OPT_3", "target=early"),
            ("BUILDKIT_SESSION_ID", "sess-123"),
            (
                "BUILDKIT_WORKERS",
                r#"[{"ID":"w1","Labels":{"a":"b"},"Platforms":[{"architecture":"amd64","os":"linux"},{"architecture":"arm","os":"linux","variant":"v7"}]}]"#,
            ),
            ("BUILDKIT_EXPORTEDPRODUCT", "moby"),
        ]));
        assert_eq!(env.options["filename"], "Dockerfile");
        assert_eq!(env.options["build-arg:A"], "x=y", "only the first = splits");
        assert_eq!(env.options["no-cache"], "");
        assert_eq!(
            env.options["target"], "late",
            "the higher option index wins"
        );
        assert_eq!(env.options.len(), 4);
        assert_eq!(env.session_id.as_deref(), Some("sess-123"));
        assert_eq!(
            env.worker_platforms,
            vec![
                Platform::new("linux", "amd64", ""),
                Platform::new("linux", "arm", "v7")
            ]
        );
        assert_eq!(env.product.as_deref(), Some("moby"));

        let parsed = crate::frontend::options::parse_options(&env.options).expect("valid options");
        assert_eq!(parsed.build.build_args["A"], "x=y");
        assert_eq!(parsed.build.target.as_deref(), Some("late"));
    }

    #[test]
    fn tolerates_missing_and_bad_values() {
        let env = GatewayEnv::from_vars(vars(&[
            ("BUILDKIT_WORKERS", "not json"),
            ("BUILDKIT_SESSION_ID", ""),
        ]));
        assert_eq!(env, GatewayEnv::default());
    }
}
