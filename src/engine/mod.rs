//! Talking to a BuildKit engine: endpoints (unix, tcp+TLS, Docker Engine),
//! the Control API, and the session transport.
//!
//! [`Engine::connect_default`] finds an engine, the Control wrappers in
//! [`control`] are thin typed calls, and [`Engine::attach_session`] lets
//! the engine call back into the client's session services; [`history`]
//! reads the engine's build records.

pub mod connect;
pub mod control;
pub mod docker;
pub mod endpoint;
pub mod error;
pub mod history;
pub mod session;

pub use connect::{Engine, SessionTransport};
pub use control::ResponseStream;
pub use endpoint::{Endpoint, EndpointError, HostEnv, TlsOptions};
pub use error::{EngineError, ErrorDetail, RpcError};
pub use history::HistoryError;
pub use session::SessionHandle;
