//! The engine's build history: `Control.ListenBuildHistory` for the
//! records and containerd's content service (served by BuildKit on the same
//! connection) for the blobs a record points at (status log, trace).
//!
//! Reading never changes history: listing always sets `EarlyExit` (the
//! engine sends what it has and ends the stream), and nothing here calls
//! `UpdateBuildHistory` except [`Engine::pin_build`]/[`Engine::delete_build`],
//! which no command calls yet: they are for a user's explicit request only.

use std::time::Duration;

use super::{Engine, EngineError};
use crate::proto::content::{ReadContentRequest, content_client::ContentClient};
use crate::proto::control::{
    BuildHistoryEventType, BuildHistoryRecord, BuildHistoryRequest, Descriptor,
    UpdateBuildHistoryRequest,
};

/// The most a history listing may take. The engine answers from its own
/// database; a listing that is still streaming after this is an engine
/// gone wrong, and the caller gets an error instead of a hang.
pub const LIST_TIMEOUT: Duration = Duration::from_secs(30);

/// The most bytes read from one blob. A status log of a very large build
/// runs to tens of MB; anything beyond this is not read into memory.
pub const MAX_BLOB: u64 = 256 << 20;

/// Media type of a build's status log: length-prefixed `StatusResponse`s.
pub const STATUS_LOG_MEDIA_TYPE: &str = "application/vnd.buildkit.status.v0";

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The engine predates the history API (BuildKit < 0.11, Docker
    /// Engine < 23.0) or has it switched off.
    #[error(
        "this engine has no build history API (it needs BuildKit 0.11 or newer, Docker Engine 23 or newer): {0}"
    )]
    Unsupported(String),
    /// The record's blob is no longer in the engine's store (pruned).
    #[error("the engine no longer has {what} for build {build} (pruned from its history)")]
    BlobGone { what: &'static str, build: String },
    #[error("{what} of build {build} is larger than {max} bytes; not read")]
    BlobTooLarge {
        what: &'static str,
        build: String,
        max: u64,
    },
    #[error("the engine took longer than {0:?} to list its build history")]
    Timeout(Duration),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl HistoryError {
    fn from_call(e: EngineError) -> HistoryError {
        match &e {
            EngineError::Rpc(rpc) if rpc.code == tonic::Code::Unimplemented => {
                HistoryError::Unsupported(rpc.message.clone())
            }
            _ => HistoryError::Engine(e),
        }
    }
}

impl Engine {
    /// Every build record the engine keeps (finished and running), in the
    /// engine's order. `only_ref` narrows to one build.
    pub async fn build_history(
        &self,
        only_ref: Option<&str>,
    ) -> Result<Vec<BuildHistoryRecord>, HistoryError> {
        let req = BuildHistoryRequest {
            r#ref: only_ref.unwrap_or_default().to_string(),
            // The engine sends its current records and ends the stream; without
            // it the call would wait for future builds.
            early_exit: true,
            ..Default::default()
        };
        let listing = async {
            let mut stream = self
                .control()
                .listen_build_history(req)
                .await
                .map_err(|s| HistoryError::from_call(s.into()))?
                .into_inner();
            let mut records: Vec<BuildHistoryRecord> = Vec::new();
            while let Some(event) = stream
                .message()
                .await
                .map_err(|s| HistoryError::from_call(s.into()))?
            {
                let Some(record) = event.record else { continue };
                // A record can come twice (started, then complete): keep the last.
                records.retain(|r| r.r#ref != record.r#ref);
                if event.r#type != BuildHistoryEventType::Deleted as i32 {
                    records.push(record);
                }
            }
            Ok(records)
        };
        tokio::time::timeout(LIST_TIMEOUT, listing)
            .await
            .map_err(|_| HistoryError::Timeout(LIST_TIMEOUT))?
    }

    /// The record of one build once the engine has finished it (logs
    /// written), waiting at most `wait`. Used right after a build: the
    /// engine completes the record a moment after the solve answers.
    /// `None` when the engine has no record of it in time.
    pub async fn finished_build(
        &self,
        build_ref: &str,
        wait: Duration,
    ) -> Result<Option<BuildHistoryRecord>, HistoryError> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let records = self.build_history(Some(build_ref)).await?;
            if let Some(r) = records.into_iter().find(|r| r.r#ref == build_ref)
                && r.completed_at.is_some()
            {
                return Ok(Some(r));
            }
            if tokio::time::Instant::now() >= deadline {
                return Ok(None);
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Read a blob named by a history record (status log, trace, error)
    /// from the engine's content store, up to [`MAX_BLOB`] bytes.
    pub async fn read_history_blob(
        &self,
        build_ref: &str,
        what: &'static str,
        desc: &Descriptor,
    ) -> Result<Vec<u8>, HistoryError> {
        if desc.size as u64 > MAX_BLOB {
            return Err(HistoryError::BlobTooLarge {
                what,
                build: build_ref.to_string(),
                max: MAX_BLOB,
            });
        }
        let gone = |e: tonic::Status| -> HistoryError {
            if e.code() == tonic::Code::NotFound {
                HistoryError::BlobGone {
                    what,
                    build: build_ref.to_string(),
                }
            } else {
                HistoryError::from_call(e.into())
            }
        };
        let mut client = ContentClient::new(self.channel.clone())
            .max_decoding_message_size(super::control::MAX_MESSAGE);
        let req = ReadContentRequest {
            digest: desc.digest.clone(),
            offset: 0,
            size: 0,
        };
        let read = async {
            let mut stream = client.read(req).await.map_err(gone)?.into_inner();
            let mut out = Vec::with_capacity(desc.size.max(0) as usize);
            while let Some(chunk) = stream.message().await.map_err(gone)? {
                out.extend_from_slice(&chunk.data);
                if out.len() as u64 > MAX_BLOB {
                    return Err(HistoryError::BlobTooLarge {
                        what,
                        build: build_ref.to_string(),
                        max: MAX_BLOB,
                    });
                }
            }
            Ok(out)
        };
        tokio::time::timeout(LIST_TIMEOUT, read)
            .await
            .map_err(|_| HistoryError::Timeout(LIST_TIMEOUT))?
    }

    /// Pin a record so the engine's history GC keeps it: with
    /// [`Engine::delete_build`], the only calls here that change history,
    /// for a user's explicit request only.
    pub async fn pin_build(&self, build_ref: &str, pinned: bool) -> Result<(), HistoryError> {
        self.update_build(UpdateBuildHistoryRequest {
            r#ref: build_ref.to_string(),
            pinned,
            ..Default::default()
        })
        .await
    }

    /// Delete a record and its blobs, on a user's explicit request.
    pub async fn delete_build(&self, build_ref: &str) -> Result<(), HistoryError> {
        self.update_build(UpdateBuildHistoryRequest {
            r#ref: build_ref.to_string(),
            delete: true,
            ..Default::default()
        })
        .await
    }

    async fn update_build(&self, req: UpdateBuildHistoryRequest) -> Result<(), HistoryError> {
        self.control()
            .update_build_history(req)
            .await
            .map_err(|s| HistoryError::from_call(s.into()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_without_the_api_is_unsupported_not_a_failure() {
        let old = tonic::Status::unimplemented("unknown method ListenBuildHistory");
        assert!(matches!(
            HistoryError::from_call(old.into()),
            HistoryError::Unsupported(m) if m.contains("ListenBuildHistory")
        ));
        let other = tonic::Status::internal("boom");
        assert!(matches!(
            HistoryError::from_call(other.into()),
            HistoryError::Engine(_)
        ));
    }
}
