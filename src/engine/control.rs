//! Thin typed wrappers over BuildKit's Control service.

use tonic::transport::Channel;

use super::{Engine, EngineError};
use crate::proto::control::{
    self, DiskUsageRequest, InfoRequest, ListWorkersRequest, PruneRequest, SolveRequest,
    SolveResponse, StatusRequest, StatusResponse, UsageRecord, control_client::ControlClient,
};
use crate::proto::gateway::llb_bridge_client::LlbBridgeClient;
use crate::proto::types::{BuildkitVersion, WorkerRecord};

/// BuildKit's own limit is 16 MiB; disk usage and status batches of big
/// builds can be large, so accept more than tonic's 4 MiB default.
pub(super) const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// A server stream of typed messages with errors already decoded.
pub struct ResponseStream<T>(tonic::Streaming<T>);

impl<T> ResponseStream<T> {
    /// The next message, `None` at the end.
    pub async fn next(&mut self) -> Option<Result<T, EngineError>> {
        self.0
            .message()
            .await
            .map_err(EngineError::from)
            .transpose()
    }
}

impl Engine {
    /// A Control client on this engine's channel.
    pub fn control(&self) -> ControlClient<Channel> {
        ControlClient::new(self.channel.clone())
            .max_decoding_message_size(MAX_MESSAGE)
            .max_encoding_message_size(MAX_MESSAGE)
    }

    /// An LLBBridge client on this engine's channel (the gateway API that
    /// BuildKit serves for client-side frontends).
    pub fn llb_bridge(&self) -> LlbBridgeClient<Channel> {
        LlbBridgeClient::new(self.channel.clone())
            .max_decoding_message_size(MAX_MESSAGE)
            .max_encoding_message_size(MAX_MESSAGE)
    }

    /// The engine's BuildKit version.
    pub async fn info(&self) -> Result<BuildkitVersion, EngineError> {
        let resp = self.control().info(InfoRequest {}).await?.into_inner();
        Ok(resp.buildkit_version.unwrap_or_default())
    }

    /// Workers with their platforms and labels; `filters` are
    /// containerd-style expressions (empty for all).
    pub async fn list_workers(&self, filters: &[String]) -> Result<Vec<WorkerRecord>, EngineError> {
        let req = ListWorkersRequest {
            filter: filters.to_vec(),
        };
        Ok(self.control().list_workers(req).await?.into_inner().record)
    }

    /// Build cache records. BuildKit always returns full records; `verbose`
    /// is kept for the callers' rendering and ignored on the wire.
    pub async fn disk_usage(
        &self,
        filters: &[String],
        _verbose: bool,
    ) -> Result<Vec<UsageRecord>, EngineError> {
        let req = DiskUsageRequest {
            filter: filters.to_vec(),
            ..Default::default()
        };
        Ok(self.control().disk_usage(req).await?.into_inner().record)
    }

    /// Prune build cache; the stream yields each removed record.
    pub async fn prune(
        &self,
        req: PruneRequest,
    ) -> Result<ResponseStream<UsageRecord>, EngineError> {
        Ok(ResponseStream(
            self.control().prune(req).await?.into_inner(),
        ))
    }

    /// Progress of the solve with this `ref`.
    pub async fn status(
        &self,
        solve_ref: &str,
    ) -> Result<ResponseStream<StatusResponse>, EngineError> {
        let req = StatusRequest {
            r#ref: solve_ref.to_string(),
        };
        Ok(ResponseStream(
            self.control().status(req).await?.into_inner(),
        ))
    }

    /// Run a solve to completion; the response holds exporter results
    /// (image digest, ...).
    pub async fn solve(&self, req: SolveRequest) -> Result<SolveResponse, EngineError> {
        Ok(self.control().solve(req).await?.into_inner())
    }
}

/// An exporter entry for [`SolveRequest::exporters`].
pub fn exporter(kind: &str, attrs: &[(&str, &str)]) -> control::Exporter {
    control::Exporter {
        r#type: kind.to_string(),
        attrs: attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}
