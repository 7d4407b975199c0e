//! [`Bridge`] over BuildKit's LLBBridge gRPC API. The same client serves
//! the frontend image (a channel over stdin/stdout) and the CLI's
//! client-side frontend (the Control connection, with every call tagged
//! with the build id so the engine routes it to our solve).

pub mod stdio;

use std::collections::BTreeMap;
use std::time::Duration;

use tokio::sync::OnceCell;
use tonic::transport::Channel;

use crate::frontend::bridge::{
    Bridge, BridgeCaps, BridgeError, BridgeWarning, DirEntry, FileStat, Forwarded,
    ImageConfigBytes, OciStore,
};
use crate::frontend::build::FrontendResult;
use crate::llb::source::ResolveMode;
use crate::plan::platform::Platform;
use crate::proto::gateway::{self, llb_bridge_client::LlbBridgeClient};
use crate::proto::{google_rpc, pb};
use crate::session::filesync::stat::go_mode;

/// gRPC metadata key that routes LLBBridge calls to a Control.Solve (BuildKit's `buildid` package).
pub const BUILD_ID_METADATA: &str = "buildkit-controlapi-buildid";

pub struct GatewayBridge {
    client: LlbBridgeClient<Channel>,
    build_id: Option<String>,
    options: BTreeMap<String, String>,
    session_id: Option<String>,
    caps: OnceCell<BridgeCaps>,
    /// Cache sources clients send (`cache-imports` JSON, legacy `cache-from`),
    /// attached to every solve like upstream's frontend does.
    cache_imports: Vec<gateway::CacheOptionsEntry>,
    /// Whether [`Bridge::forward`] hands builds on (the frontend image).
    forwards_syntax: bool,
}

/// `cache-imports` (JSON `[{"Type":…,"Attrs":{…}}]`) and the older
/// comma-separated `cache-from` registry references.
fn cache_imports_of(options: &BTreeMap<String, String>) -> Vec<gateway::CacheOptionsEntry> {
    #[derive(serde::Deserialize)]
    struct Entry {
        #[serde(rename = "Type", alias = "type")]
        kind: String,
        #[serde(rename = "Attrs", alias = "attrs", default)]
        attrs: BTreeMap<String, String>,
    }
    let mut out = Vec::new();
    if let Some(json) = options.get("cache-imports")
        && let Ok(entries) = serde_json::from_str::<Vec<Entry>>(json)
    {
        out.extend(entries.into_iter().map(|e| gateway::CacheOptionsEntry {
            r#type: e.kind,
            attrs: e.attrs,
        }));
    }
    if out.is_empty()
        && let Some(refs) = options.get("cache-from")
    {
        for r in refs.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            out.push(gateway::CacheOptionsEntry {
                r#type: "registry".into(),
                attrs: [("ref".to_string(), r.to_string())].into(),
            });
        }
    }
    out
}

fn engine_error(status: tonic::Status) -> BridgeError {
    // Only the engine's own answer says a file is missing (a transport
    // failure's cause can read "no such file" about the socket).
    let raw = status.message();
    let not_found = status.code() == tonic::Code::NotFound
        || raw.contains("no such file or directory")
        || raw.contains("not found");
    // The decoded message keeps a transport failure's cause (a broken or
    // silent connection), which `status.message()` alone drops.
    let msg = crate::engine::RpcError::from_status(&status).message;
    if not_found {
        BridgeError::NotFound(msg)
    } else {
        BridgeError::Engine(if msg.is_empty() {
            format!("{:?}", status.code())
        } else {
            msg
        })
    }
}

/// Log one gateway call's duration (debug level: `STRATA_LOG=strata=debug`),
/// so a slow `# syntax=` build shows where the frontend waited on the engine.
fn log_call(rpc: &str, detail: &str, started: std::time::Instant) {
    tracing::debug!(
        rpc,
        detail,
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        "gateway call"
    );
}

/// The display name of a definition's last vertex, for [`log_call`].
fn definition_name(definition: &pb::Definition) -> String {
    let Some(last) = definition.def.iter().rev().nth(1) else {
        return String::new();
    };
    let digest = crate::llb::definition::digest_of(last);
    definition
        .metadata
        .get(&digest)
        .and_then(|m| m.description.get("llb.customname"))
        .cloned()
        .unwrap_or(digest)
}

/// BuildKit's `ResolverType` for images in an OCI layout store.
const RESOLVER_TYPE_OCI_LAYOUT: i32 = 1;

/// A warning as the LLBBridge `Warn` call carries it: 1-based lines,
/// 0-based characters, like the source maps.
pub fn warn_request(w: &BridgeWarning) -> gateway::WarnRequest {
    let position = |p: crate::dockerfile::Position| pb::Position {
        line: i32::try_from(p.line).unwrap_or(i32::MAX),
        character: i32::try_from(p.column.saturating_sub(1)).unwrap_or(i32::MAX),
    };
    gateway::WarnRequest {
        digest: w.vertex.clone(),
        level: w.level,
        short: w.short.clone().into_bytes(),
        detail: w.detail.iter().map(|d| d.clone().into_bytes()).collect(),
        url: w.url.clone(),
        info: w.source.as_ref().map(|s| pb::SourceInfo {
            filename: s.filename.clone(),
            data: s.data.clone(),
            definition: s.definition.clone(),
            language: s.language.clone(),
        }),
        ranges: w
            .ranges
            .iter()
            .map(|r| pb::Range {
                start: Some(position(r.start)),
                end: Some(position(r.end)),
            })
            .collect(),
    }
}

impl GatewayBridge {
    /// A gateway solve; `evaluate` has the engine compute the result now
    /// rather than when the ref is first used.
    async fn solve_with(
        &self,
        definition: pb::Definition,
        evaluate: bool,
    ) -> Result<String, BridgeError> {
        let solve_name = if tracing::enabled!(tracing::Level::DEBUG) {
            definition_name(&definition)
        } else {
            String::new()
        };
        let req = gateway::SolveRequest {
            definition: Some(definition),
            allow_result_return: true,
            cache_imports: self.cache_imports.clone(),
            evaluate,
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let resp = self
            .client
            .clone()
            .solve(self.request(req))
            .await
            .map_err(engine_error)?
            .into_inner();
        log_call("Solve", &solve_name, started);
        if let Some(gateway::Result {
            result: Some(gateway::result::Result::Ref(r)),
            ..
        }) = resp.result
        {
            return Ok(r.id);
        }
        if let Some(gateway::Result {
            result: Some(gateway::result::Result::RefDeprecated(id)),
            ..
        }) = resp.result
        {
            return Ok(id);
        }
        Ok(resp.r#ref)
    }

    pub fn new(
        channel: Channel,
        build_id: Option<String>,
        options: BTreeMap<String, String>,
        session_id: Option<String>,
    ) -> Self {
        let client = LlbBridgeClient::new(channel)
            .max_decoding_message_size(128 << 20)
            .max_encoding_message_size(128 << 20);
        let cache_imports = cache_imports_of(&options);
        GatewayBridge {
            client,
            build_id,
            options,
            session_id,
            caps: OnceCell::new(),
            cache_imports,
            forwards_syntax: false,
        }
    }

    /// Hand builds whose `# syntax=` names another frontend to it, as
    /// upstream's frontend image does (for the image, not the CLI).
    pub fn forwarding_syntax(mut self) -> Self {
        self.forwards_syntax = true;
        self
    }

    /// One ResolveImageConfig call (registry or OCI-layout resolver), timed.
    async fn resolve_config(
        &self,
        req: gateway::ResolveImageConfigRequest,
        reference: &str,
    ) -> Result<ImageConfigBytes, BridgeError> {
        let started = std::time::Instant::now();
        let resp = self
            .client
            .clone()
            .resolve_image_config(self.request(req))
            .await
            .map_err(engine_error)?
            .into_inner();
        log_call("ResolveImageConfig", reference, started);
        Ok(ImageConfigBytes {
            reference: resp.r#ref,
            digest: Some(resp.digest).filter(|d| !d.is_empty()),
            config: resp.config,
        })
    }

    fn request<T>(&self, msg: T) -> tonic::Request<T> {
        let mut req = tonic::Request::new(msg);
        if let Some(id) = &self.build_id
            && let Ok(v) = id.parse()
        {
            req.metadata_mut().insert(BUILD_ID_METADATA, v);
        }
        req
    }

    async fn ping(&self) -> Result<BridgeCaps, tonic::Status> {
        let started = std::time::Instant::now();
        let pong = self
            .client
            .clone()
            .ping(self.request(gateway::PingRequest {}))
            .await?
            .into_inner();
        log_call("Ping", "", started);
        let enabled = |caps: &[crate::proto::apicaps::ApiCap]| {
            caps.iter()
                .filter(|c| c.enabled)
                .map(|c| c.id.clone())
                .collect()
        };
        let worker_platforms = pong
            .workers
            .iter()
            .flat_map(|w| w.platforms.iter())
            .map(|p| Platform::new(&p.os, &p.architecture, &p.variant))
            .collect();
        Ok(BridgeCaps {
            llb: enabled(&pong.llb_caps),
            frontend: enabled(&pong.frontend_api_caps),
            worker_platforms,
        })
    }

    /// Wait until the engine serves the bridge for our build (it registers
    /// the build id only once it has received the Control.Solve call).
    pub async fn wait_ready(&self, timeout: Duration) -> Result<(), BridgeError> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut delay = Duration::from_millis(20);
        loop {
            match self.ping().await {
                Ok(caps) => {
                    let _ = self.caps.set(caps);
                    return Ok(());
                }
                Err(status)
                    if tokio::time::Instant::now() < deadline
                        && matches!(
                            status.code(),
                            tonic::Code::NotFound | tonic::Code::Unavailable | tonic::Code::Unknown
                        ) =>
                {
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_millis(500));
                }
                Err(status) => return Err(engine_error(status)),
            }
        }
    }

    /// One Return call: the build's answer, given once.
    async fn send_return(&self, req: gateway::ReturnRequest) -> Result<(), BridgeError> {
        self.client
            .clone()
            .r#return(self.request(req))
            .await
            .map_err(engine_error)?;
        Ok(())
    }

    /// Hand the frontend's result to the engine.
    pub async fn return_result(&self, result: &FrontendResult) -> Result<(), BridgeError> {
        if let Some(forwarded) = &result.forwarded {
            // Another frontend's result, passed on as it came.
            return self
                .send_return(gateway::ReturnRequest {
                    result: Some((**forwarded).clone()),
                    error: None,
                })
                .await;
        }
        // An empty result (`FROM scratch` and nothing else) is a ref with an
        // empty id. prost leaves a map value that equals its default off the
        // wire, Go then decodes the entry as a nil `*Ref`, and BuildKit
        // 0.13's Return (Docker Engine 26) dereferences it and takes the
        // daemon down. A present, empty `def` keeps every value on the wire;
        // the engine reads only the id.
        let as_ref = |r: &Option<String>| gateway::Ref {
            id: r.clone().unwrap_or_default(),
            def: r.is_none().then(Default::default),
        };
        let body = if result.multi_platform {
            let refs = result
                .platforms
                .iter()
                .map(|p| (p.platform.to_string(), as_ref(&p.reference)))
                .collect();
            gateway::result::Result::Refs(gateway::RefMap { refs })
        } else {
            gateway::result::Result::Ref(as_ref(
                &result.platforms.first().and_then(|p| p.reference.clone()),
            ))
        };
        let attestations = result
            .platforms
            .iter()
            .filter(|p| !p.attestations.is_empty())
            .map(|p| {
                let list = p
                    .attestations
                    .iter()
                    .map(|a| gateway::Attestation {
                        kind: gateway::AttestationKind::Bundle as i32,
                        metadata: a.metadata.clone(),
                        r#ref: Some(gateway::Ref {
                            id: a.reference.clone(),
                            def: None,
                        }),
                        in_toto_predicate_type: a.predicate_type.clone(),
                        ..Default::default()
                    })
                    .collect();
                (
                    p.platform.to_string(),
                    gateway::Attestations { attestation: list },
                )
            })
            .collect();
        let req = gateway::ReturnRequest {
            result: Some(gateway::Result {
                result: Some(body),
                metadata: result.metadata(),
                attestations,
            }),
            error: None,
        };
        let started = std::time::Instant::now();
        self.send_return(req).await?;
        log_call("Return", "", started);
        Ok(())
    }

    /// Return result metadata without a ref (subrequest answers).
    pub async fn return_metadata(
        &self,
        metadata: BTreeMap<String, Vec<u8>>,
    ) -> Result<(), BridgeError> {
        let body = gateway::result::Result::Ref(gateway::Ref {
            id: String::new(),
            def: None,
        });
        let req = gateway::ReturnRequest {
            result: Some(gateway::Result {
                result: Some(body),
                metadata,
                ..Default::default()
            }),
            error: None,
        };
        self.send_return(req).await?;
        Ok(())
    }

    /// Report a frontend failure to the engine (it fails the solve with this message).
    pub async fn return_error(&self, message: &str) -> Result<(), BridgeError> {
        self.return_error_with_details(tonic::Code::Unknown, message, Vec::new())
            .await
    }

    /// Report a failure with typed details (e.g. [`source_detail`]), as
    /// upstream's `grpcerrors.ToGRPC` puts them into `google.rpc.Status`.
    pub async fn return_error_with_details(
        &self,
        code: tonic::Code,
        message: &str,
        details: Vec<prost_types::Any>,
    ) -> Result<(), BridgeError> {
        let req = gateway::ReturnRequest {
            result: None,
            error: Some(google_rpc::Status {
                code: code as i32,
                message: message.to_string(),
                details,
            }),
        };
        self.send_return(req).await?;
        Ok(())
    }
}

/// Type URL of BuildKit's `errdefs.Source` error detail (containerd typeurl,
/// registered as `github.com/moby/buildkit` + `errdefs.Source+json`).
pub const SOURCE_DETAIL_TYPE_URL: &str = "github.com/moby/buildkit/errdefs.Source+json";

/// Type URL of BuildKit's `errdefs.Subrequest` detail (an unsupported subrequest).
pub const SUBREQUEST_DETAIL_TYPE_URL: &str = "github.com/moby/buildkit/errdefs.Subrequest+json";

/// The detail upstream attaches to "unsupported request" errors (`errdefs.NewUnsupportedSubrequestError`).
pub fn subrequest_detail(name: &str) -> prost_types::Any {
    prost_types::Any {
        type_url: SUBREQUEST_DETAIL_TYPE_URL.to_string(),
        value: serde_json::to_vec(&serde_json::json!({ "name": name })).unwrap_or_default(),
    }
}

/// An `errdefs.Source` detail pointing at lines of the Dockerfile, so that
/// `docker build` prints the failing lines under the error. Encoded as Go's
/// encoding/json of the generated struct (what BuildKit's `FromGRPC` reads
/// for a `+json` type URL): 1-based lines, 0-based characters, zero values omitted.
pub fn source_detail(
    filename: &str,
    text: &str,
    span: crate::dockerfile::Span,
    definition: Option<&pb::Definition>,
) -> prost_types::Any {
    use base64::Engine as _;
    let position = |line: u32, column: u32| {
        let mut p = serde_json::Map::new();
        if line > 0 {
            p.insert("line".into(), line.into());
        }
        if column > 1 {
            p.insert("character".into(), (column - 1).into());
        }
        serde_json::Value::Object(p)
    };
    let end_line = span.end.line.max(span.start.line);
    // One range per line of a multi-line instruction, as upstream's parser
    // locates nodes; a one-line span keeps its columns.
    let ranges: Vec<serde_json::Value> = if end_line == span.start.line {
        vec![
            serde_json::json!({ "start": position(span.start.line, span.start.column), "end": position(end_line, span.end.column) }),
        ]
    } else {
        (span.start.line..=end_line)
            .map(|l| serde_json::json!({ "start": position(l, 0), "end": position(l, 0) }))
            .collect()
    };
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut info = serde_json::json!({
        "filename": filename,
        "data": b64(text.as_bytes()),
        "language": "Dockerfile",
    });
    if let Some(def) = definition {
        // Go's encoding/json of `pb.Definition`: the ops' bytes in base64.
        info["definition"] = serde_json::json!({
            "def": def.def.iter().map(|op| b64(op)).collect::<Vec<_>>(),
        });
    }
    let value = serde_json::json!({ "info": info, "ranges": ranges });
    prost_types::Any {
        type_url: SOURCE_DETAIL_TYPE_URL.to_string(),
        value: serde_json::to_vec(&value).unwrap_or_default(),
    }
}

impl Bridge for GatewayBridge {
    fn options(&self) -> &BTreeMap<String, String> {
        &self.options
    }

    fn session_id(&self) -> Option<&str> {
        self.session_id.as_deref()
    }

    async fn caps(&self) -> Result<BridgeCaps, BridgeError> {
        if let Some(c) = self.caps.get() {
            return Ok(c.clone());
        }
        let caps = self.ping().await.map_err(engine_error)?;
        let _ = self.caps.set(caps.clone());
        Ok(caps)
    }

    async fn resolve_image_config(
        &self,
        reference: &str,
        platform: &Platform,
        mode: ResolveMode,
        log_name: &str,
    ) -> Result<ImageConfigBytes, BridgeError> {
        let req = gateway::ResolveImageConfigRequest {
            r#ref: reference.to_string(),
            platform: Some(platform.to_pb()),
            resolve_mode: match mode {
                ResolveMode::Default => "default",
                ResolveMode::ForcePull => "pull",
                ResolveMode::PreferLocal => "local",
            }
            .to_string(),
            log_name: log_name.to_string(),
            session_id: self.session_id.clone().unwrap_or_default(),
            ..Default::default()
        };
        self.resolve_config(req, reference).await
    }

    async fn resolve_oci_layout_config(
        &self,
        reference: &str,
        platform: &Platform,
        store: &OciStore,
        log_name: &str,
    ) -> Result<ImageConfigBytes, BridgeError> {
        let req = gateway::ResolveImageConfigRequest {
            r#ref: reference.to_string(),
            platform: Some(platform.to_pb()),
            log_name: log_name.to_string(),
            resolver_type: RESOLVER_TYPE_OCI_LAYOUT,
            session_id: store.session_id.clone(),
            store_id: store.store_id.clone(),
            ..Default::default()
        };
        self.resolve_config(req, reference).await
    }

    async fn inputs(&self) -> Result<BTreeMap<String, pb::Definition>, BridgeError> {
        let started = std::time::Instant::now();
        let resp = self
            .client
            .clone()
            .inputs(self.request(gateway::InputsRequest {}))
            .await
            .map_err(engine_error)?
            .into_inner();
        log_call("Inputs", "", started);
        Ok(resp.definitions.into_iter().collect())
    }

    async fn warn(&self, warning: BridgeWarning) -> Result<(), BridgeError> {
        let started = std::time::Instant::now();
        self.client
            .clone()
            .warn(self.request(warn_request(&warning)))
            .await
            .map_err(engine_error)?;
        log_call("Warn", &warning.short, started);
        Ok(())
    }

    async fn solve(&self, definition: pb::Definition) -> Result<String, BridgeError> {
        self.solve_with(definition, false).await
    }

    async fn solve_evaluated(&self, definition: pb::Definition) -> Result<String, BridgeError> {
        self.solve_with(definition, true).await
    }

    async fn read_dir(&self, reference: &str, path: &str) -> Result<Vec<DirEntry>, BridgeError> {
        let req = gateway::ReadDirRequest {
            r#ref: reference.to_string(),
            dir_path: path.to_string(),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let read = self.client.clone().read_dir(self.request(req)).await;
        log_call("ReadDir", path, started);
        Ok(read
            .map_err(engine_error)?
            .into_inner()
            .entries
            .into_iter()
            .map(|e| DirEntry {
                dir: e.mode & go_mode::DIR != 0,
                // Only regular files count their bytes (Go's type bits clear).
                size: if e.mode & go_mode::TYPE == 0 {
                    e.size.max(0) as u64
                } else {
                    0
                },
                name: e.path,
            })
            .collect())
    }

    async fn stat_file(&self, reference: &str, path: &str) -> Result<FileStat, BridgeError> {
        let req = gateway::StatFileRequest {
            r#ref: reference.to_string(),
            path: path.to_string(),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let stat = self.client.clone().stat_file(self.request(req)).await;
        log_call("StatFile", path, started);
        let stat = stat
            .map_err(engine_error)?
            .into_inner()
            .stat
            .ok_or_else(|| BridgeError::NotFound(path.to_string()))?;
        Ok(FileStat {
            mod_time: stat.mod_time,
            size: stat.size.max(0) as u64,
        })
    }

    async fn resolve_git_commit(
        &self,
        source: pb::SourceOp,
        log_name: &str,
    ) -> Result<Option<Vec<u8>>, BridgeError> {
        let req = gateway::ResolveSourceMetaRequest {
            source: Some(source),
            log_name: log_name.to_string(),
            git: Some(gateway::ResolveSourceGitRequest {
                return_object: true,
            }),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let resp = self
            .client
            .clone()
            .resolve_source_meta(self.request(req))
            .await;
        log_call("ResolveSourceMeta", log_name, started);
        Ok(resp
            .map_err(engine_error)?
            .into_inner()
            .git
            .map(|g| g.commit_object)
            .filter(|o| !o.is_empty()))
    }

    async fn forward(&self, source: &str, cmdline: &str) -> Result<Option<Forwarded>, BridgeError> {
        if !self.forwards_syntax {
            return Ok(None);
        }
        let mut frontend_opt = self.options.clone();
        frontend_opt.insert("cmdline".into(), cmdline.to_string());
        frontend_opt.insert("source".into(), source.to_string());
        // The inputs go along (an engine without them has none).
        let frontend_inputs = self.inputs().await.unwrap_or_default();
        let req = gateway::SolveRequest {
            frontend: "gateway.v0".into(),
            frontend_opt,
            frontend_inputs,
            allow_result_return: true,
            allow_result_array_ref: true,
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let resp = self.client.clone().solve(self.request(req)).await;
        log_call("Solve (forward)", source, started);
        match resp {
            Ok(resp) => {
                let result = resp.into_inner().result.ok_or_else(|| {
                    BridgeError::Engine(format!("the frontend {source} returned no result"))
                })?;
                Ok(Some(Forwarded::Result(Box::new(result))))
            }
            // A transport failure is ours; an answer is the other frontend's.
            Err(status) if matches!(status.code(), tonic::Code::Unavailable) => {
                Err(engine_error(status))
            }
            Err(status) => {
                let details = <google_rpc::Status as prost::Message>::decode(status.details())
                    .map(|d| d.details)
                    .unwrap_or_default();
                Ok(Some(Forwarded::Failed(Box::new(google_rpc::Status {
                    code: status.code() as i32,
                    message: status.message().to_string(),
                    details,
                }))))
            }
        }
    }

    async fn read_file(&self, reference: &str, path: &str) -> Result<Vec<u8>, BridgeError> {
        let req = gateway::ReadFileRequest {
            r#ref: reference.to_string(),
            file_path: path.to_string(),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let read = self.client.clone().read_file(self.request(req)).await;
        log_call("ReadFile", path, started);
        Ok(read.map_err(engine_error)?.into_inner().data)
    }

    async fn read_file_head(
        &self,
        reference: &str,
        path: &str,
        length: i64,
    ) -> Result<Vec<u8>, BridgeError> {
        let req = gateway::ReadFileRequest {
            r#ref: reference.to_string(),
            file_path: path.to_string(),
            range: Some(gateway::FileRange { offset: 0, length }),
            ..Default::default()
        };
        let read = self.client.clone().read_file(self.request(req)).await;
        Ok(read.map_err(engine_error)?.into_inner().data)
    }
}

#[cfg(test)]
mod cache_import_tests {
    use super::*;

    #[test]
    fn cache_imports_from_both_option_forms() {
        let o: BTreeMap<String, String> = [(
            "cache-imports".to_string(),
            r#"[{"Type":"registry","Attrs":{"ref":"r/c:1"}}]"#.to_string(),
        )]
        .into();
        let c = cache_imports_of(&o);
        assert_eq!(
            (c[0].r#type.as_str(), c[0].attrs["ref"].as_str()),
            ("registry", "r/c:1")
        );
        let o: BTreeMap<String, String> =
            [("cache-from".to_string(), "a/b:1, c/d:2".to_string())].into();
        assert_eq!(cache_imports_of(&o).len(), 2);
        assert!(cache_imports_of(&BTreeMap::new()).is_empty());
    }
}
