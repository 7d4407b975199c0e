//! `grpc.health.v1.Health`: the engine pings `Check` on the session
//! connection (BuildKit session/grpc.go `monitorHealth`) and drops the
//! session after repeated failures.
//!
//! As grpc-go's health server with only the overall service registered:
//! `""` is `SERVING`, any other name is `NotFound`.

use std::pin::Pin;

use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use crate::proto::health::health_check_response::ServingStatus;
use crate::proto::health::health_server::Health;
use crate::proto::health::{HealthCheckRequest, HealthCheckResponse};

/// The health service.
#[derive(Debug, Clone, Copy, Default)]
pub struct HealthService;

fn serving() -> HealthCheckResponse {
    HealthCheckResponse {
        status: ServingStatus::Serving as i32,
    }
}

#[tonic::async_trait]
impl Health for HealthService {
    async fn check(
        &self,
        request: Request<HealthCheckRequest>,
    ) -> Result<Response<HealthCheckResponse>, Status> {
        if !request.get_ref().service.is_empty() {
            return Err(Status::not_found("unknown service"));
        }
        Ok(Response::new(serving()))
    }

    type WatchStream = Pin<Box<dyn Stream<Item = Result<HealthCheckResponse, Status>> + Send>>;

    async fn watch(
        &self,
        request: Request<HealthCheckRequest>,
    ) -> Result<Response<Self::WatchStream>, Status> {
        let status = if request.get_ref().service.is_empty() {
            ServingStatus::Serving
        } else {
            ServingStatus::ServiceUnknown
        };
        // One update, then stay open: the status never changes.
        let first = tokio_stream::once(Ok(HealthCheckResponse {
            status: status as i32,
        }));
        Ok(Response::new(Box::pin(tokio_stream::StreamExt::chain(
            first,
            tokio_stream::pending(),
        ))))
    }
}
