//! File sync: the engine pulls local directories (build context,
//! Dockerfile dir, named contexts) with `moby.filesync.v1.FileSync/DiffCopy`.
//!
//! We are fsutil's *sender* (tonistiigi/fsutil send.go). The wire protocol:
//!
//! 1. The sender streams one `PACKET_STAT` per entry in walk order (see
//!    [`walk`]), then a `PACKET_STAT` without a stat to mark the end. Entry
//!    ids are implicit: the n-th stat (from 0, counting every entry) has id n;
//!    the packet's `ID` field stays 0.
//! 2. The receiver answers with `PACKET_REQ{ID}` for each regular file whose
//!    content it wants (it compares stats with its cache, so unchanged files
//!    are never requested).
//! 3. The sender answers each request with `PACKET_DATA{ID, data}` chunks of
//!    at most 32 KiB and a `PACKET_DATA{ID}` without data ending that file.
//!    Files are read as they are sent, never held in memory whole.
//! 4. When the receiver has everything it sends `PACKET_FIN`; the sender
//!    replies `PACKET_FIN` and the call ends.
//!
//! Either side reports a failure with `PACKET_ERR{data: message}`.
//!
//! The request's gRPC metadata (BuildKit session/filesync/filesync.go)
//! selects the directory and the filters: `dir-name` (first value),
//! `include-patterns`, `exclude-patterns`, `followpaths` (one metadata value
//! per pattern). When a key's values contain non-ASCII text the client
//! query-escapes every value and adds `<key>-encoded: 1`. The deprecated
//! `override-excludes: true` (removed from BuildKit in 2023) is honoured for
//! directories that carry default excludes.

pub mod receive;
pub mod stat;
pub mod walk;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::metadata::MetadataMap;
use tonic::{Request, Response, Status, Streaming};

use crate::proto::filesync::file_sync_server::FileSync;
use crate::proto::fsutil::{Packet, packet::PacketType};

use stat::RawStat;
pub use walk::FilterOpts;
use walk::{OpenFileError, UnreadableDirs};

/// Metadata keys of a FileSync request.
pub mod keys {
    pub const DIR_NAME: &str = "dir-name";
    pub const INCLUDE_PATTERNS: &str = "include-patterns";
    pub const EXCLUDE_PATTERNS: &str = "exclude-patterns";
    pub const FOLLOW_PATHS: &str = "followpaths";
    /// Deprecated upstream; see the module docs.
    pub const OVERRIDE_EXCLUDES: &str = "override-excludes";
    /// Suffix of the "values are query-escaped" marker key.
    pub const ENCODED_SUFFIX: &str = "-encoded";
}

/// Size of a `PACKET_DATA` chunk (fsutil's copy buffer).
pub const CHUNK_SIZE: usize = 32 * 1024;
/// Files read concurrently (fsutil runs four senders).
const PARALLEL_FILES: usize = 4;

/// One directory the engine may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalDir {
    pub path: PathBuf,
    /// Excludes applied unless the request says `override-excludes: true`
    /// (old clients loaded `.dockerignore` this way). Usually empty: the
    /// engine sends the excludes itself.
    pub default_excludes: Vec<String>,
}

impl LocalDir {
    pub fn new(path: impl Into<PathBuf>) -> LocalDir {
        LocalDir {
            path: path.into(),
            default_excludes: Vec::new(),
        }
    }
}

/// Directories by name (the LLB local source's name, e.g. `context`).
pub type LocalDirs = HashMap<String, LocalDir>;

/// The `moby.filesync.v1.FileSync` service.
#[derive(Debug, Clone, Default)]
pub struct FileSyncService {
    dirs: Arc<LocalDirs>,
}

impl FileSyncService {
    pub fn new(dirs: LocalDirs) -> FileSyncService {
        FileSyncService {
            dirs: Arc::new(dirs),
        }
    }
}

/// Values of `key`, query-unescaped when `<key>-encoded` says so (Go's
/// `strconv.ParseBool` truth values).
pub fn metadata_values(md: &MetadataMap, key: &str) -> Vec<String> {
    let encoded = md
        .get(format!("{key}{}", keys::ENCODED_SUFFIX).as_str())
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| matches!(v, "1" | "t" | "T" | "true" | "TRUE" | "True"));
    md.get_all(key)
        .iter()
        .map(|v| {
            let s = String::from_utf8_lossy(v.as_bytes()).into_owned();
            if encoded { query_unescape(&s) } else { s }
        })
        .collect()
}

/// Go's `url.QueryUnescape`, lenient: malformed escapes stay as they are.
fn query_unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn packet(kind: PacketType) -> Packet {
    Packet {
        r#type: kind as i32,
        ..Default::default()
    }
}

fn err_packet(msg: &str) -> Packet {
    Packet {
        r#type: PacketType::PacketErr as i32,
        data: msg.as_bytes().to_vec(),
        ..Default::default()
    }
}

/// Outgoing side of a packet stream: each item goes to the peer; an `Err`
/// ends the call with that status.
pub type PacketSender = mpsc::Sender<Result<Packet, Status>>;

/// Serves `root` (filtered by `opts`) as fsutil's sender over a packet
/// stream. Returns when the receiver has finished (FIN), failed, or gone.
///
/// What could not be sent is logged as a warning (paths only): entries the
/// walk left out (see [`walk::SkipReason`]) and files sent empty because
/// they could not be opened (upstream's `sendFile` sends those empty
/// silently; a socket, which fsutil describes as a regular file, is one).
pub async fn send_dir<S>(
    root: PathBuf,
    opts: FilterOpts,
    mut incoming: S,
    tx: PacketSender,
) -> Result<(), Status>
where
    S: Stream<Item = Result<Packet, Status>> + Unpin,
{
    // Only what opening a requested file needs: its path and walked inode.
    let files: Arc<Mutex<HashMap<u32, (String, RawStat)>>> = Arc::default();
    let root = match walk::ContextRoot::open(&root) {
        Ok(r) => Arc::new(r),
        Err(e) => {
            let msg = e.to_string();
            let _ = tx.send(Ok(err_packet(&msg))).await;
            return Err(Status::unknown(msg));
        }
    };
    let sent_empty: Arc<Mutex<Vec<String>>> = Arc::default();

    let walk_files = Arc::clone(&files);
    let walk_tx = tx.clone();
    let walk_root = Arc::clone(&root);
    let walker = tokio::task::spawn_blocking(move || {
        let mut id: u32 = 0;
        let result = walk::walk(&walk_root, &opts, UnreadableDirs::Fail, &mut |entry| {
            if stat::can_request_data(entry.stat.mode) {
                walk_files
                    .lock()
                    .expect("file table")
                    .insert(id, (entry.stat.path.clone(), entry.raw));
            }
            let p = Packet {
                r#type: PacketType::PacketStat as i32,
                stat: Some(entry.stat),
                ..Default::default()
            };
            id = id.wrapping_add(1);
            walk_tx
                .blocking_send(Ok(p))
                .map_err(|_| std::io::Error::other("receiver went away"))
        });
        match result {
            Ok(report) => {
                // The end of the stats: a STAT packet without a stat.
                let _ = walk_tx.blocking_send(Ok(packet(PacketType::PacketStat)));
                if !report.skipped.is_empty() {
                    let list: Vec<String> = report
                        .skipped
                        .iter()
                        .map(|s| format!("{} ({})", s.path, s.reason))
                        .collect();
                    tracing::warn!(
                        dir = %walk_root.path().display(),
                        "file sync: not sent: {}",
                        list.join(", ")
                    );
                }
                Ok(())
            }
            Err(e) => {
                let msg = e.to_string();
                let _ = walk_tx.blocking_send(Ok(err_packet(&msg)));
                let _ = walk_tx.blocking_send(Err(Status::unknown(msg.clone())));
                Err(Status::unknown(msg))
            }
        }
    });

    // Requested files wait in a queue for PARALLEL_FILES workers (fsutil's
    // sendpipeline). The receive loop never waits on the workers: it must
    // keep draining requests (HTTP/2 closes a connection whose small DATA
    // frames pile up unread: ENHANCE_YOUR_CALM). A queued request is an id,
    // a path and a stat, not a task, so 100,000 requests stay small.
    let (queue_tx, queue_rx) = mpsc::unbounded_channel::<(u32, String, RawStat)>();
    let queue_rx = Arc::new(tokio::sync::Mutex::new(queue_rx));
    let mut senders = tokio::task::JoinSet::new();
    for _ in 0..PARALLEL_FILES {
        let queue_rx = Arc::clone(&queue_rx);
        let tx = tx.clone();
        let root = Arc::clone(&root);
        let sent_empty = Arc::clone(&sent_empty);
        senders.spawn(async move {
            loop {
                let next = queue_rx.lock().await.recv().await;
                let Some((id, rel, walked)) = next else {
                    return Ok(());
                };
                send_file(id, &root, (rel, walked), &tx, &sent_empty).await?;
            }
        });
    }
    let mut queue_tx = Some(queue_tx);
    let outcome = loop {
        let Some(msg) = incoming.next().await else {
            // The receiver closed without FIN: it gave up; nothing to do.
            break Ok(());
        };
        let p = match msg {
            Ok(p) => p,
            Err(status) => break Err(status),
        };
        match PacketType::try_from(p.r#type) {
            Ok(PacketType::PacketErr) => {
                break Err(Status::unknown(format!(
                    "error from receiver: {}",
                    String::from_utf8_lossy(&p.data)
                )));
            }
            Ok(PacketType::PacketReq) => {
                let Some((rel, walked)) = files.lock().expect("file table").remove(&p.id) else {
                    let msg = format!("invalid file id {}", p.id);
                    let _ = tx.send(Ok(err_packet(&msg))).await;
                    break Err(Status::invalid_argument(msg));
                };
                if let Some(q) = &queue_tx {
                    // Fails only when every worker has stopped on an error,
                    // which the check below reports.
                    let _ = q.send((p.id, rel, walked));
                }
            }
            Ok(PacketType::PacketFin) => {
                // No more requests: the workers finish the queue and stop.
                queue_tx = None;
                let mut result = Ok(());
                while let Some(r) = senders.join_next().await {
                    if let Ok(Err(e)) = r {
                        result = Err(e);
                    }
                }
                if result.is_ok() {
                    let _ = tx.send(Ok(packet(PacketType::PacketFin))).await;
                }
                break result;
            }
            // STAT/DATA from the receiver mean nothing to a sender.
            _ => {}
        }
        // Surface a failed file read early.
        while let Some(r) = senders.try_join_next() {
            if let Ok(Err(e)) = r {
                senders.abort_all();
                walker.abort();
                return Err(e);
            }
        }
    };
    drop(queue_tx);
    senders.abort_all();
    let empty = std::mem::take(&mut *sent_empty.lock().expect("sent-empty list"));
    if !empty.is_empty() {
        tracing::warn!(
            dir = %root.path().display(),
            "file sync: sent empty (cannot be read): {}",
            empty.join(", ")
        );
    }
    if outcome.is_err() {
        walker.abort();
        return outcome;
    }
    match walker.await {
        Ok(r) => r,
        Err(e) if e.is_cancelled() => Ok(()),
        Err(e) => Err(Status::internal(format!("walker failed: {e}"))),
    }
}

/// Streams one file as DATA chunks plus the empty end chunk. Like upstream
/// (send.go `sendFile`), a file that cannot be opened is sent as empty (we
/// also note it for the warning); a file that was replaced by a different
/// inode since the walk is refused. The open never blocks and never leaves
/// the root (see [`walk::ContextRoot::open_file`]).
async fn send_file(
    id: u32,
    root: &Arc<walk::ContextRoot>,
    (rel, walked): (String, RawStat),
    tx: &PacketSender,
    sent_empty: &Mutex<Vec<String>>,
) -> Result<(), Status> {
    let opened = {
        let root = Arc::clone(root);
        let rel = rel.clone();
        tokio::task::spawn_blocking(move || root.open_file(&rel, &walked))
            .await
            .map_err(|e| Status::internal(format!("open failed: {e}")))?
    };
    match opened {
        Ok(f) => {
            let mut f = tokio::fs::File::from_std(f);
            let mut buf = vec![0u8; CHUNK_SIZE];
            loop {
                let n = f
                    .read(&mut buf)
                    .await
                    .map_err(|e| Status::internal(format!("read {rel}: {e}")))?;
                if n == 0 {
                    break;
                }
                let p = Packet {
                    r#type: PacketType::PacketData as i32,
                    id,
                    data: buf[..n].to_vec(),
                    ..Default::default()
                };
                tx.send(Ok(p))
                    .await
                    .map_err(|_| Status::cancelled("receiver went away"))?;
            }
        }
        Err(OpenFileError::Unreadable { path, source }) => {
            tracing::debug!(%path, error = %source, "file sync: sending as empty");
            sent_empty.lock().expect("sent-empty list").push(path);
        }
        Err(e @ OpenFileError::Changed { .. }) => {
            let msg = e.to_string();
            let _ = tx.send(Ok(err_packet(&msg))).await;
            return Err(Status::aborted(msg));
        }
    }
    let end = Packet {
        r#type: PacketType::PacketData as i32,
        id,
        ..Default::default()
    };
    tx.send(Ok(end))
        .await
        .map_err(|_| Status::cancelled("receiver went away"))
}

/// The filters a request asks for, given the directory it names.
pub fn request_filters(md: &MetadataMap, dir: &LocalDir) -> FilterOpts {
    let mut exclude = metadata_values(md, keys::EXCLUDE_PATTERNS);
    let override_excludes = metadata_values(md, keys::OVERRIDE_EXCLUDES)
        .first()
        .is_some_and(|v| v == "true");
    if !dir.default_excludes.is_empty() && !override_excludes {
        exclude = dir.default_excludes.clone();
    }
    FilterOpts {
        include_patterns: metadata_values(md, keys::INCLUDE_PATTERNS),
        exclude_patterns: exclude,
        follow_paths: metadata_values(md, keys::FOLLOW_PATHS),
    }
}

type PacketStream = ReceiverStream<Result<Packet, Status>>;

#[tonic::async_trait]
impl FileSync for FileSyncService {
    type DiffCopyStream = PacketStream;
    type TarStreamStream = PacketStream;

    async fn diff_copy(
        &self,
        request: Request<Streaming<Packet>>,
    ) -> Result<Response<Self::DiffCopyStream>, Status> {
        let name = metadata_values(request.metadata(), keys::DIR_NAME)
            .into_iter()
            .next()
            .unwrap_or_default();
        let Some(dir) = self.dirs.get(&name) else {
            return Err(Status::not_found(format!(
                "no access allowed to dir {name:?}"
            )));
        };
        let opts = request_filters(request.metadata(), dir);
        let root = dir.path.clone();
        let incoming = request.into_inner();
        let (tx, rx) = mpsc::channel(128);
        tokio::spawn(async move {
            if let Err(status) = send_dir(root, opts, incoming, tx.clone()).await {
                tracing::debug!(dir = %name, error = %status.message(), "file sync failed");
                let _ = tx.send(Err(status)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn tar_stream(
        &self,
        _request: Request<Streaming<Packet>>,
    ) -> Result<Response<Self::TarStreamStream>, Status> {
        // BuildKit only negotiates "diffcopy" (filesync.go supportedProtocols).
        Err(Status::unimplemented(
            "tarstream is not supported; use diffcopy",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_like_go() {
        assert_eq!(query_unescape("a%2Fb+c"), "a/b c");
        assert_eq!(query_unescape("%C3%A9t%C3%A9"), "été");
        assert_eq!(query_unescape("bad%zz"), "bad%zz");
        assert_eq!(query_unescape("end%4"), "end%4");
    }
}
