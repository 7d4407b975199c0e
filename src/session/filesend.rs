//! File send: exporters push build results back to us through
//! `moby.filesync.v1.FileSend/DiffCopy` (BuildKit session/filesync:
//! `SyncTarget`, `CopyFileWriter`, `CopyToCaller`).
//!
//! The gRPC metadata key `buildkit-attachable-exporter-id` (decimal; missing
//! or malformed means 0) selects the output: the engine numbers exporters in
//! the order the solve request lists them. What flows over the stream
//! depends on the target:
//!
//! - archive outputs (`type=tar|oci|docker`): `BytesMessage` chunks of the
//!   archive (at most 3 MiB each); the engine half-closes when done and
//!   waits for our end of the stream, so we finish writing before the call
//!   ends.
//! - directory outputs (`type=local`): the same method carries fsutil
//!   `Packet`s instead, with the engine as sender and us as receiver (see
//!   [`receive`]).
//!
//! Because one method carries two message types, this service is written by
//! hand over a pass-through codec instead of the generated stub.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::{Buf, BufMut};
use prost::Message;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::{Mutex, mpsc};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::codegen::{Body, BoxFuture, Context, Poll, Service, StdError, http};
use tonic::server::{NamedService, StreamingService};
use tonic::{Request, Response, Status, Streaming};

use crate::proto::filesync::BytesMessage;
use crate::proto::fsutil::Packet;
use crate::session::filesync::receive::receive_dir;

/// Metadata key carrying the exporter's index.
pub const KEY_EXPORTER_ID: &str = "buildkit-attachable-exporter-id";
/// Full method path.
pub const DIFF_COPY_PATH: &str = "/moby.filesync.v1.FileSend/DiffCopy";

/// Something that receives an archive stream.
pub type ArchiveWriter = Box<dyn AsyncWrite + Send + Unpin>;

/// Where one exporter's output goes.
#[derive(Clone)]
pub enum OutputTarget {
    /// Archive bytes are written to this file (created or truncated). Give a
    /// temporary path and rename it once the solve succeeded, so a failed
    /// build never leaves a complete-looking output.
    File(PathBuf),
    /// Archive bytes go to this writer (e.g. stdout); it is flushed, not
    /// closed. Usable by one transfer at a time.
    Writer(Arc<Mutex<ArchiveWriter>>),
    /// `type=local`: the tree is written under this directory.
    Dir(PathBuf),
}

impl std::fmt::Debug for OutputTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputTarget::File(p) => f.debug_tuple("File").field(p).finish(),
            OutputTarget::Writer(_) => f.write_str("Writer(..)"),
            OutputTarget::Dir(p) => f.debug_tuple("Dir").field(p).finish(),
        }
    }
}

/// The `moby.filesync.v1.FileSend` service.
#[derive(Debug, Clone, Default)]
pub struct FileSendService {
    targets: Arc<HashMap<i64, OutputTarget>>,
}

impl FileSendService {
    /// `targets` by exporter index.
    pub fn new(targets: HashMap<i64, OutputTarget>) -> FileSendService {
        FileSendService {
            targets: Arc::new(targets),
        }
    }

    async fn diff_copy(
        &self,
        request: Request<Streaming<Vec<u8>>>,
    ) -> Result<Response<ReceiverStream<Result<Vec<u8>, Status>>>, Status> {
        let id = request
            .metadata()
            .get(KEY_EXPORTER_ID)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0);
        let Some(target) = self.targets.get(&id).cloned() else {
            return Err(Status::unknown(format!("exporter {id} not found")));
        };
        let incoming = request.into_inner();
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(async move {
            let result = match target {
                OutputTarget::Dir(dest) => receive_into(dest, incoming, tx.clone()).await,
                OutputTarget::File(path) => write_to_file(path, incoming).await,
                OutputTarget::Writer(w) => {
                    let mut w = w.lock().await;
                    write_archive(incoming, &mut *w, "output").await
                }
            };
            if let Err(status) = result {
                tracing::debug!(exporter = id, error = %status.message(), "file send failed");
                let _ = tx.send(Err(status)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}

async fn receive_into(
    dest: PathBuf,
    incoming: Streaming<Vec<u8>>,
    tx: mpsc::Sender<Result<Vec<u8>, Status>>,
) -> Result<(), Status> {
    let packets = incoming.map(|m| {
        m.and_then(|raw| {
            Packet::decode(raw.as_slice()).map_err(|e| Status::invalid_argument(e.to_string()))
        })
    });
    let (ptx, mut prx) = mpsc::channel::<Packet>(64);
    let forward = tokio::spawn(async move {
        while let Some(p) = prx.recv().await {
            if tx.send(Ok(p.encode_to_vec())).await.is_err() {
                break;
            }
        }
    });
    let result = receive_dir(&dest, Box::pin(packets), ptx).await;
    let _ = forward.await;
    result.map(|_| ())
}

async fn write_to_file(path: PathBuf, incoming: Streaming<Vec<u8>>) -> Result<(), Status> {
    let file = tokio::fs::File::create(&path)
        .await
        .map_err(|e| Status::internal(format!("create {}: {e}", path.display())))?;
    let mut w = tokio::io::BufWriter::new(file);
    write_archive(incoming, &mut w, &path.display().to_string()).await?;
    w.into_inner()
        .sync_all()
        .await
        .map_err(|e| Status::internal(format!("sync {}: {e}", path.display())))
}

/// Copies the archive chunks into `w`; errors name the output as `shown`
/// (disk full must say which output filled it).
async fn write_archive<W: AsyncWrite + Unpin + ?Sized>(
    mut incoming: Streaming<Vec<u8>>,
    w: &mut W,
    shown: &str,
) -> Result<(), Status> {
    while let Some(msg) = incoming.next().await {
        let raw = msg?;
        let m = BytesMessage::decode(raw.as_slice())
            .map_err(|e| Status::invalid_argument(e.to_string()))?;
        w.write_all(&m.data)
            .await
            .map_err(|e| Status::internal(format!("write {shown}: {e}")))?;
    }
    w.flush()
        .await
        .map_err(|e| Status::internal(format!("write {shown}: {e}")))
}

/// A codec that hands message bytes through untouched.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawCodec;

/// Encoder half of [`RawCodec`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RawEncoder;

/// Decoder half of [`RawCodec`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RawDecoder;

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawEncoder;
    type Decoder = RawDecoder;
    fn encoder(&mut self) -> RawEncoder {
        RawEncoder
    }
    fn decoder(&mut self) -> RawDecoder {
        RawDecoder
    }
}

impl Encoder for RawEncoder {
    type Item = Vec<u8>;
    type Error = Status;
    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawDecoder {
    type Item = Vec<u8>;
    type Error = Status;
    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

struct DiffCopyCall(FileSendService);

impl StreamingService<Vec<u8>> for DiffCopyCall {
    type Response = Vec<u8>;
    type ResponseStream = ReceiverStream<Result<Vec<u8>, Status>>;
    type Future = BoxFuture<Response<Self::ResponseStream>, Status>;

    fn call(&mut self, request: Request<Streaming<Vec<u8>>>) -> Self::Future {
        let svc = self.0.clone();
        Box::pin(async move { svc.diff_copy(request).await })
    }
}

impl NamedService for FileSendService {
    const NAME: &'static str = "moby.filesync.v1.FileSend";
}

impl<B> Service<http::Request<B>> for FileSendService
where
    B: Body + Send + 'static,
    B::Error: Into<StdError> + Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        if req.uri().path() == DIFF_COPY_PATH {
            let call = DiffCopyCall(self.clone());
            Box::pin(async move {
                let mut grpc = tonic::server::Grpc::new(RawCodec);
                Ok(grpc.streaming(call, req).await)
            })
        } else {
            Box::pin(async move { Ok(Status::unimplemented("unknown method").into_http()) })
        }
    }
}
