//! `moby.upload.v1.Upload/Pull` (BuildKit session/upload): a byte stream the
//! engine pulls through the session, used for a build context that is not a
//! directory (`strata build - < context.tar`).
//!
//! The client names an upload with a URL `http://buildkit-session/<id>` in
//! the `context` frontend option; BuildKit's HTTP source sees the
//! `buildkit-session` host and calls `Pull` with the URL's path in the
//! `urlpath` metadata. Each upload is served once, as upstream's
//! uploadprovider does: the stream is consumed, and a second pull of the same
//! id is an error rather than an empty body.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncRead, AsyncReadExt};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use crate::proto::upload::BytesMessage;
use crate::proto::upload::upload_server::Upload;

/// The host BuildKit's HTTP source routes to the session.
pub const SESSION_HOST: &str = "buildkit-session";

/// Bytes per message; upstream sends up to 3 MiB, below gRPC's 4 MiB default.
const CHUNK: usize = 1 << 20;

/// A one-shot byte stream.
pub type UploadReader = Pin<Box<dyn AsyncRead + Send>>;

/// The URL that names upload `id` in a frontend option.
pub fn upload_url(id: &str) -> String {
    format!("http://{SESSION_HOST}/{id}")
}

/// The `Upload` service: readers by id, each taken by its first pull.
#[derive(Clone, Default)]
pub struct UploadService {
    uploads: Arc<Mutex<HashMap<String, UploadReader>>>,
    /// Ids are never reused, even after a pull took an upload.
    next: Arc<std::sync::atomic::AtomicUsize>,
}

impl std::fmt::Debug for UploadService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<String> = self
            .uploads
            .lock()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        f.debug_struct("UploadService").field("ids", &ids).finish()
    }
}

impl UploadService {
    /// Adds a reader; returns its id.
    pub fn add(&self, reader: UploadReader) -> String {
        let mut uploads = self.uploads.lock().unwrap_or_else(|e| e.into_inner());
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let id = format!("upload-{n}");
        uploads.insert(id.clone(), reader);
        id
    }

    pub fn is_empty(&self) -> bool {
        self.uploads.lock().map(|m| m.is_empty()).unwrap_or(true)
    }
}

#[tonic::async_trait]
impl Upload for UploadService {
    type PullStream = ReceiverStream<Result<BytesMessage, Status>>;

    async fn pull(
        &self,
        request: Request<Streaming<BytesMessage>>,
    ) -> Result<Response<Self::PullStream>, Status> {
        let path = request
            .metadata()
            .get("urlpath")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        // Upstream takes the last path element as the id.
        let id = path.rsplit('/').next().unwrap_or_default().to_string();
        let reader = self
            .uploads
            .lock()
            .map_err(|_| Status::internal("upload table poisoned"))?
            .remove(&id);
        let Some(mut reader) = reader else {
            return Err(Status::not_found(format!(
                "no http response from session for {id}"
            )));
        };
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        tokio::spawn(async move {
            let mut buf = vec![0u8; CHUNK];
            loop {
                match reader.read(&mut buf).await {
                    Ok(0) => break,
                    Ok(n) => {
                        let msg = BytesMessage {
                            data: buf[..n].to_vec(),
                        };
                        // The engine hung up: stop reading.
                        if tx.send(Ok(msg)).await.is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = tx
                            .send(Err(Status::data_loss(format!("reading the upload: {e}"))))
                            .await;
                        break;
                    }
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
