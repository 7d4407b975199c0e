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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BridgeError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("{0}")]
    Engine(String),
}

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
    /// A file from a solved ref; `NotFound` when it does not exist.
    fn read_file(
        &self,
        reference: &str,
        path: &str,
    ) -> impl Future<Output = Result<Vec<u8>, BridgeError>>;
}
