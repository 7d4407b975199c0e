//! What the frontend needs from BuildKit, as one trait. The frontend image
//! implements it over the gateway's stdio connection, the CLI over its
//! Control connection, tests with a recording fake: the frontend code is the
//! same in all three.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use crate::llb::source::ResolveMode;
use crate::plan::platform::Platform;
use crate::proto::pb;

/// Capabilities the engine advertised (Ping), used to degrade or refuse features.
#[derive(Debug, Clone, Default)]
pub struct BridgeCaps {
    /// Enabled LLB capability ids (`mergeop`, `exec.mount.cache`, …).
    pub llb: BTreeSet<String>,
    /// Enabled frontend API capability ids.
    pub frontend: BTreeSet<String>,
    /// Platforms of the engine's workers, default first.
    pub worker_platforms: Vec<Platform>,
}

impl BridgeCaps {
    pub fn supports(&self, llb_cap: &str) -> bool {
        self.llb.contains(llb_cap)
    }
}

/// A resolved image config as the engine returned it.
#[derive(Debug, Clone)]
pub struct ImageConfigBytes {
    /// Canonical reference the engine resolved (may be empty: same as asked).
    pub reference: String,
    pub digest: Option<String>,
    pub config: Vec<u8>,
}

/// A build warning for the engine's progress stream (LLBBridge `Warn`).
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeWarning {
    /// Digest of the vertex the warning is attached to (for Dockerfile
    /// checks: the source op that loaded the Dockerfile, like upstream).
    pub vertex: String,
    /// 1 for warnings (upstream's only level so far).
    pub level: i64,
    /// One line: `Rule: message (line N)`.
    pub short: String,
    pub detail: Vec<String>,
    pub url: String,
    /// The file the ranges point into, so clients can print the lines.
    pub source: Option<WarningSource>,
    pub ranges: Vec<crate::dockerfile::Span>,
}

/// The source file of a warning (BuildKit's `SourceInfo`).
#[derive(Debug, Clone, PartialEq)]
pub struct WarningSource {
    pub filename: String,
    pub data: Vec<u8>,
    pub language: String,
    /// The definition that loaded the file.
    pub definition: Option<pb::Definition>,
}

/// Where an `oci-layout://` named context's image lives: a content store the
/// client serves through its session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OciStore {
    pub session_id: String,
    pub store_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BridgeError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("{0}")]
    Engine(String),
}

/// One entry of a directory listing ([`Bridge::read_dir`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub dir: bool,
    /// Bytes, for a regular file (the engine's `Stat` size).
    pub size: u64,
}

/// What the engine knows of a file in a solved ref ([`Bridge::stat_file`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    /// Modification time, nanoseconds since the Unix epoch.
    pub mod_time: i64,
    pub size: u64,
}

/// What another frontend made of a build handed to it
/// ([`Bridge::forward`]), to pass on unchanged.
#[derive(Debug, Clone)]
pub enum Forwarded {
    Result(Box<crate::proto::gateway::Result>),
    /// Its failure, with the engine's details (source locations).
    Failed(Box<crate::proto::google_rpc::Status>),
}

/// The frontend API capability for [`Bridge::resolve_git_commit`]
/// (the gateway's `ResolveSourceMeta`).
pub const SOURCE_META_CAP: &str = "source.metaresolver";

/// The frontend API capability for [`Bridge::read_dir`].
pub const READ_DIR_CAP: &str = "readdir";

/// The engine as the frontend sees it.
pub trait Bridge {
    /// Frontend options (`filename`, `target`, `build-arg:*`, …).
    fn options(&self) -> &BTreeMap<String, String>;
    /// The client session that serves locals, secrets and ssh.
    fn session_id(&self) -> Option<&str>;
    fn caps(&self) -> impl Future<Output = Result<BridgeCaps, BridgeError>>;
    fn resolve_image_config(
        &self,
        reference: &str,
        platform: &Platform,
        mode: ResolveMode,
        log_name: &str,
    ) -> impl Future<Output = Result<ImageConfigBytes, BridgeError>>;
    /// Solve a definition; returns a ref id usable with [`Bridge::read_file`]
    /// and as the build result.
    fn solve(
        &self,
        definition: pb::Definition,
    ) -> impl Future<Output = Result<String, BridgeError>>;
    /// [`Bridge::solve`], with the result computed before this returns
    /// (a plain solve may leave the work to whoever uses the ref, such as
    /// the exporter): for timing the build.
    fn solve_evaluated(
        &self,
        definition: pb::Definition,
    ) -> impl Future<Output = Result<String, BridgeError>> {
        self.solve(definition)
    }
    /// Resolve the config of an image in a client-side OCI layout store
    /// (`oci-layout://` named contexts).
    fn resolve_oci_layout_config(
        &self,
        reference: &str,
        platform: &Platform,
        store: &OciStore,
        log_name: &str,
    ) -> impl Future<Output = Result<ImageConfigBytes, BridgeError>>;
    /// The frontend inputs the client passed (`input:NAME` named contexts),
    /// as definitions keyed by name.
    fn inputs(&self)
    -> impl Future<Output = Result<BTreeMap<String, pb::Definition>, BridgeError>>;
    /// Attach a warning to a vertex of the build's progress.
    fn warn(&self, warning: BridgeWarning) -> impl Future<Output = Result<(), BridgeError>>;
    /// A directory's entries in a solved ref; `NotFound` when the
    /// directory does not exist. Only for engines with the
    /// [`READ_DIR_CAP`] frontend capability.
    fn read_dir(
        &self,
        reference: &str,
        path: &str,
    ) -> impl Future<Output = Result<Vec<DirEntry>, BridgeError>>;
    /// A file's metadata in a solved ref; `NotFound` when it does not exist.
    fn stat_file(
        &self,
        reference: &str,
        path: &str,
    ) -> impl Future<Output = Result<FileStat, BridgeError>>;
    /// The commit object (Git's raw `commit` body) a Git source op checks
    /// out, resolved without checking it out; `None` when the engine
    /// answers without it. Only for engines with [`SOURCE_META_CAP`].
    fn resolve_git_commit(
        &self,
        source: pb::SourceOp,
        log_name: &str,
    ) -> impl Future<Output = Result<Option<Vec<u8>>, BridgeError>>;
    /// Hand the whole build to the frontend image `source` (BuildKit's
    /// `gateway.v0`), with this build's options and inputs and `cmdline`,
    /// as upstream's frontend image does for a `# syntax=` line naming
    /// another frontend. `None`: this bridge builds whatever the
    /// Dockerfile names (the CLI's frontend is strata by definition).
    fn forward(
        &self,
        source: &str,
        cmdline: &str,
    ) -> impl Future<Output = Result<Option<Forwarded>, BridgeError>> {
        let _ = (source, cmdline);
        std::future::ready(Ok(None))
    }
    /// A file from a solved ref; `NotFound` when it does not exist.
    fn read_file(
        &self,
        reference: &str,
        path: &str,
    ) -> impl Future<Output = Result<Vec<u8>, BridgeError>>;

    /// The first `length` bytes of a file in a solved ref (all of it where
    /// the transport cannot ask for a range).
    fn read_file_head(
        &self,
        reference: &str,
        path: &str,
        length: i64,
    ) -> impl Future<Output = Result<Vec<u8>, BridgeError>> {
        let _ = length;
        self.read_file(reference, path)
    }
}
