//! `RUN --mount=...` specifications.
//!
//! The raw flag value is a comma-separated list of `key=value` fields (CSV
//! quoting allowed). Each field value is expanded with the instruction's
//! ARG/ENV scope *before* it is interpreted, like upstream.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MountType {
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub enum CacheSharing {
    #[default]
    Shared,
    Private,
    Locked,
}

/// A parsed and validated `--mount` value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunMount {
    pub kind: MountType,
    /// `target`/`dst`/`destination`; required except for secret (defaults to
    /// `/run/secrets/<id>`) and ssh (`/run/buildkit/ssh_agent.<n>`).
    pub target: Option<String>,
    /// `source`/`src`: path inside `from` (bind, cache) or the secret/ssh id fallback.
    pub source: Option<String>,
    /// `from`: stage name, image, or named context (bind, cache).
    pub from: Option<String>,
    /// `readonly`/`ro`/`readwrite`/`rw`; bind defaults to read-only, cache to read-write.
    pub read_only: bool,
    /// `id`: cache id (defaults to target) or secret/ssh id.
    pub id: Option<String>,
    pub sharing: CacheSharing,
    /// `mode` (octal) for cache/secret/ssh.
    pub mode: Option<u32>,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    /// `size` for tmpfs, in bytes (accepts units like `64m`).
    pub size: Option<u64>,
    /// `required` for secret/ssh.
    pub required: bool,
    /// `env` for secret: expose the secret as this environment variable.
    pub env: Option<String>,
}

/// Why a `--mount` value was rejected; `column` is a 0-based char offset into the raw value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct MountError {
    pub column: usize,
    pub message: String,
    pub expected: Option<String>,
}

/// Parse one `--mount` value. `expand` expands a field value with the current scope.
pub fn parse_mount(
    _spec: &str,
    _expand: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<RunMount, MountError> {
    todo!("dockerfile::mount::parse_mount")
}
