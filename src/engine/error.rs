//! Engine errors, including BuildKit's typed gRPC error details.
//!
//! BuildKit puts a `google.rpc.Status` into `grpc-status-details-bin` whose
//! `details` are `Any` messages: `errdefs.Vertex` (which op failed),
//! `errdefs.Source` (Dockerfile location), `errdefs.Frontend`, ... plus Go
//! stack traces (`stack.Stack`) that mean nothing to users. We keep the
//! useful ones typed so the CLI can point at the Dockerfile line.

use std::collections::BTreeMap;
use std::fmt;

use prost::Message;

use super::endpoint::EndpointError;
use crate::proto::{errdefs, gateway, google_rpc};

/// Everything that can go wrong talking to an engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// No engine answered; every endpoint tried and why (CLI exit 3).
    #[error("cannot reach a BuildKit engine{}", format_tried(.tried))]
    Unreachable { tried: Vec<(String, String)> },
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    /// Bad local configuration, e.g. unreadable TLS files.
    #[error("{0}")]
    Config(String),
    /// The engine answered a call with an error.
    #[error(transparent)]
    Rpc(#[from] RpcError),
    /// The session could not be attached.
    #[error("session: {0}")]
    Session(String),
}

fn format_tried(tried: &[(String, String)]) -> String {
    let mut s = String::from("; tried:");
    for (endpoint, why) in tried {
        s.push_str(&format!("\n  {endpoint}: {why}"));
    }
    s
}

/// A failed gRPC call, with BuildKit's details decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    pub code: tonic::Code,
    pub message: String,
    pub details: Vec<ErrorDetail>,
}

/// One decoded `google.rpc.Status` detail.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorDetail {
    /// The op (vertex digest) that failed.
    Vertex {
        digest: String,
    },
    /// Where in the source (e.g. the Dockerfile) the failing op came from.
    Source {
        filename: String,
        /// 1-based inclusive line ranges.
        lines: Vec<(i32, i32)>,
    },
    Frontend {
        name: String,
        source: String,
    },
    FrontendCap {
        name: String,
    },
    Subrequest {
        name: String,
    },
    /// The failing op's description (`llb.customname`, ...).
    Solve {
        description: BTreeMap<String, String>,
    },
    /// A process's exit code (`gatewayapi.ExitMessage`).
    Exit {
        code: u32,
    },
    /// Anything else except stack traces, by type URL.
    Other {
        type_url: String,
    },
}

impl RpcError {
    /// Decode a tonic status, including BuildKit's details.
    pub fn from_status(status: &tonic::Status) -> RpcError {
        let mut message = status.message().to_string();
        // Transport failures arrive as a bare "transport error" with the
        // reason (TLS, connection refused, ...) only in the source chain.
        if let Some(source) = std::error::Error::source(status) {
            let cause = super::connect::with_sources(source);
            if cause.starts_with(&message) {
                message = cause;
            } else if !message.contains(&cause) {
                message = if message.is_empty() {
                    cause
                } else {
                    format!("{message}: {cause}")
                };
            }
        }
        // hyper's wording names the mechanism, not what happened.
        if message.contains("keep-alive timed out") {
            message = format!(
                "the engine stopped answering: no reply to an HTTP/2 keepalive ping within {}s",
                super::connect::KEEPALIVE_TIMEOUT.as_secs()
            );
        }
        RpcError {
            code: status.code(),
            message,
            details: decode_details(status.details()),
        }
    }

    /// The failing op's Dockerfile location, if the engine sent one.
    pub fn source(&self) -> Option<(&str, &[(i32, i32)])> {
        self.details.iter().find_map(|d| match d {
            ErrorDetail::Source { filename, lines } => Some((filename.as_str(), lines.as_slice())),
            _ => None,
        })
    }
}

impl From<tonic::Status> for RpcError {
    fn from(status: tonic::Status) -> RpcError {
        RpcError::from_status(&status)
    }
}

impl From<tonic::Status> for EngineError {
    fn from(status: tonic::Status) -> EngineError {
        EngineError::Rpc(status.into())
    }
}

impl std::error::Error for RpcError {}

impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "engine error ({:?})", self.code)?;
        } else {
            f.write_str(&self.message)?;
        }
        for d in &self.details {
            match d {
                ErrorDetail::Source { filename, lines } => {
                    let lines: Vec<String> = lines
                        .iter()
                        .map(|(a, b)| {
                            if a == b {
                                a.to_string()
                            } else {
                                format!("{a}-{b}")
                            }
                        })
                        .collect();
                    write!(f, "\n  at {filename}:{}", lines.join(","))?;
                }
                ErrorDetail::Frontend { name, source } if !source.is_empty() => {
                    write!(f, "\n  frontend {name} ({source})")?;
                }
                ErrorDetail::Frontend { name, .. } => write!(f, "\n  frontend {name}")?,
                ErrorDetail::FrontendCap { name } => {
                    write!(f, "\n  frontend needs capability {name}")?;
                }
                ErrorDetail::Subrequest { name } => write!(f, "\n  subrequest {name}")?,
                ErrorDetail::Solve { description } => {
                    if let Some(name) = description.get("llb.customname") {
                        write!(f, "\n  step: {name}")?;
                    }
                }
                ErrorDetail::Vertex { .. }
                | ErrorDetail::Exit { .. }
                | ErrorDetail::Other { .. } => {}
            }
        }
        Ok(())
    }
}

/// Decode `grpc-status-details-bin`; anything undecodable is skipped
/// (an error report must never fail on its own details).
pub fn decode_details(bytes: &[u8]) -> Vec<ErrorDetail> {
    if bytes.is_empty() {
        return Vec::new();
    }
    let Ok(status) = google_rpc::Status::decode(bytes) else {
        return Vec::new();
    };
    status.details.iter().filter_map(decode_any).collect()
}

/// BuildKit encodes details with containerd's typeurl: Go JSON under
/// `github.com/moby/buildkit/<pkg>.<Type>+json` (what engines send in
/// practice), or protobuf under `type.googleapis.com/<pkg>.<Type>`.
fn decode_any(any: &prost_types::Any) -> Option<ErrorDetail> {
    let url = any.type_url.as_str();
    let (url, json) = match url.strip_suffix("+json") {
        Some(u) => (u, true),
        None => (url, false),
    };
    let name = url.rsplit('/').next().unwrap_or(url);
    let v = any.value.as_slice();
    let detail = if json {
        decode_json(name, v)
    } else {
        decode_proto(name, v)
    };
    match detail {
        Some(Some(d)) => Some(d),
        // A stack trace: deliberately dropped.
        Some(None) => None,
        None => Some(ErrorDetail::Other {
            type_url: any.type_url.clone(),
        }),
    }
}

/// `None`: unknown or undecodable; `Some(None)`: known and dropped.
fn decode_proto(name: &str, v: &[u8]) -> Option<Option<ErrorDetail>> {
    Some(Some(match name {
        "errdefs.Vertex" => ErrorDetail::Vertex {
            digest: errdefs::Vertex::decode(v).ok()?.digest,
        },
        "errdefs.Source" => {
            let s = errdefs::Source::decode(v).ok()?;
            ErrorDetail::Source {
                filename: s.info.map(|i| i.filename).unwrap_or_default(),
                lines: s
                    .ranges
                    .iter()
                    .map(|r| {
                        let start = r.start.as_ref().map_or(0, |p| p.line);
                        let end = r.end.as_ref().map_or(start, |p| p.line);
                        (start, end)
                    })
                    .collect(),
            }
        }
        "errdefs.Frontend" => {
            let fe = errdefs::Frontend::decode(v).ok()?;
            ErrorDetail::Frontend {
                name: fe.name,
                source: fe.source,
            }
        }
        "errdefs.FrontendCap" => ErrorDetail::FrontendCap {
            name: errdefs::FrontendCap::decode(v).ok()?.name,
        },
        "errdefs.Subrequest" => ErrorDetail::Subrequest {
            name: errdefs::Subrequest::decode(v).ok()?.name,
        },
        "errdefs.Solve" => ErrorDetail::Solve {
            description: errdefs::Solve::decode(v).ok()?.description,
        },
        "moby.buildkit.v1.frontend.ExitMessage" => ErrorDetail::Exit {
            code: gateway::ExitMessage::decode(v).ok()?.code,
        },
        "stack.Stack" => return Some(None),
        _ => return None,
    }))
}

/// Go's encoding/json of the generated structs: lower-case proto names,
/// `omitempty`, int64 as numbers.
fn decode_json(name: &str, v: &[u8]) -> Option<Option<ErrorDetail>> {
    use serde_json::Value;
    let value: Value = serde_json::from_slice(v).ok()?;
    let str_field = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let line = |p: Option<&Value>| {
        p.and_then(|p| p.get("line"))
            .and_then(Value::as_i64)
            .and_then(|l| i32::try_from(l).ok())
    };
    Some(Some(match name {
        "errdefs.Vertex" => ErrorDetail::Vertex {
            digest: str_field(&value, "digest"),
        },
        "errdefs.Source" => ErrorDetail::Source {
            filename: value
                .get("info")
                .map(|i| str_field(i, "filename"))
                .unwrap_or_default(),
            lines: value
                .get("ranges")
                .and_then(Value::as_array)
                .map(|ranges| {
                    ranges
                        .iter()
                        .map(|r| {
                            let start = line(r.get("start")).unwrap_or(0);
                            (start, line(r.get("end")).unwrap_or(start))
                        })
                        .collect()
                })
                .unwrap_or_default(),
        },
        "errdefs.Frontend" => ErrorDetail::Frontend {
            name: str_field(&value, "name"),
            source: str_field(&value, "source"),
        },
        "errdefs.FrontendCap" => ErrorDetail::FrontendCap {
            name: str_field(&value, "name"),
        },
        "errdefs.Subrequest" => ErrorDetail::Subrequest {
            name: str_field(&value, "name"),
        },
        "errdefs.Solve" => ErrorDetail::Solve {
            description: value
                .get("description")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                        .collect()
                })
                .unwrap_or_default(),
        },
        "gatewayapi.ExitMessage" => ErrorDetail::Exit {
            code: value
                .get("Code")
                .and_then(Value::as_u64)
                .and_then(|c| u32::try_from(c).ok())
                .unwrap_or(0),
        },
        "stack.Stack" => return Some(None),
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::{pb, stack};

    fn any<M: Message + prost::Name>(m: &M) -> prost_types::Any {
        prost_types::Any {
            type_url: M::type_url(),
            value: m.encode_to_vec(),
        }
    }

    #[test]
    fn decodes_buildkit_details() {
        let status = google_rpc::Status {
            code: 2,
            message: "process \"/bin/sh -c false\" did not complete successfully: exit code: 1"
                .into(),
            details: vec![
                any(&stack::Stack::default()),
                any(&errdefs::Vertex {
                    digest: "sha256:abc".into(),
                }),
                any(&errdefs::Source {
                    info: Some(pb::SourceInfo {
                        filename: "Dockerfile".into(),
                        ..Default::default()
                    }),
                    ranges: vec![pb::Range {
                        start: Some(pb::Position {
                            line: 3,
                            character: 0,
                        }),
                        end: Some(pb::Position {
                            line: 4,
                            character: 0,
                        }),
                    }],
                }),
                prost_types::Any {
                    type_url: "type.googleapis.com/some.Unknown".into(),
                    value: vec![],
                },
            ],
        };
        let st = tonic::Status::with_details(
            tonic::Code::Unknown,
            status.message.clone(),
            status.encode_to_vec().into(),
        );
        let err = RpcError::from_status(&st);
        assert_eq!(err.details.len(), 3);
        assert_eq!(err.source(), Some(("Dockerfile", &[(3, 4)][..])));
        assert!(
            err.to_string()
                .ends_with("exit code: 1\n  at Dockerfile:3-4")
        );
    }

    #[test]
    fn decodes_json_details_as_engines_send_them() {
        let json = |url: &str, v: &str| prost_types::Any {
            type_url: format!("github.com/moby/buildkit/{url}+json"),
            value: v.as_bytes().to_vec(),
        };
        let status = google_rpc::Status {
            code: 2,
            message: "failed".into(),
            details: vec![
                json("stack.Stack", r#"{"frames":[]}"#),
                json(
                    "errdefs.Source",
                    r#"{"info":{"filename":"Dockerfile","data":"RlJPTQ==","language":"Dockerfile"},"ranges":[{"start":{"line":2},"end":{"line":2}}]}"#,
                ),
                json("errdefs.Vertex", r#"{"digest":"sha256:abc"}"#),
                json("gatewayapi.ExitMessage", r#"{"Code":1}"#),
                json("errdefs.Vertex", "not json"),
            ],
        };
        let details = decode_details(&status.encode_to_vec());
        assert_eq!(
            details,
            [
                ErrorDetail::Source {
                    filename: "Dockerfile".into(),
                    lines: vec![(2, 2)]
                },
                ErrorDetail::Vertex {
                    digest: "sha256:abc".into()
                },
                ErrorDetail::Exit { code: 1 },
                ErrorDetail::Other {
                    type_url: "github.com/moby/buildkit/errdefs.Vertex+json".into()
                },
            ]
        );
    }

    #[test]
    fn garbage_details_are_ignored() {
        assert!(decode_details(b"\xff\xff\xff").is_empty());
        let st = tonic::Status::with_details(tonic::Code::Internal, "", vec![0xff, 0x01].into());
        assert_eq!(
            RpcError::from_status(&st).to_string(),
            "engine error (Internal)"
        );
    }

    #[test]
    fn unreachable_lists_every_endpoint() {
        let e = EngineError::Unreachable {
            tried: vec![
                (
                    "docker:///var/run/docker.sock".into(),
                    "no such file".into(),
                ),
                (
                    "unix:///run/buildkit/buildkitd.sock".into(),
                    "refused".into(),
                ),
            ],
        };
        assert_eq!(
            e.to_string(),
            "cannot reach a BuildKit engine; tried:\n  docker:///var/run/docker.sock: no such file\n  unix:///run/buildkit/buildkitd.sock: refused"
        );
    }
}
