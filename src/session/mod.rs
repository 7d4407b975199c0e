//! The client session: gRPC services the engine calls back into during a
//! build (health, file sync of local dirs, file send for outputs, secrets,
//! registry auth, SSH agent forwarding).
//!
//! The services are assembled into [`SessionServices`]; the engine module
//! carries them to the engine over its session transport (Control.Session
//! stream or Docker's `/session` upgrade).

/// Identity of a session as sent to the engine in the
/// `X-Docker-Expose-Session-*` headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// Random id; LLB local sources refer to it (`local.session`).
    pub id: String,
    /// Human-readable name (the context directory's name).
    pub name: String,
    /// Key that lets the engine reuse transferred files between builds of
    /// the same directory (incremental context transfer).
    pub shared_key: String,
}

/// Ready-to-serve gRPC services plus the full method paths they expose
/// (sent as `X-Docker-Expose-Session-Grpc-Method`).
pub struct SessionServices {
    pub routes: tonic::service::Routes,
    pub methods: Vec<String>,
}

pub mod auth;
pub mod builder;
pub mod credential_helper;
pub mod filesend;
pub mod filesync;
pub mod health;
pub mod secrets;
pub mod ssh;
pub mod upload;

#[cfg(test)]
mod tests;

pub use auth::DockerAuthConfig;
pub use builder::SessionBuilder;
pub use filesend::OutputTarget;
pub use filesync::{FilterOpts, LocalDir, LocalDirs};
pub use secrets::SecretSource;
