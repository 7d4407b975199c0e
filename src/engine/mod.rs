//! Talking to a BuildKit engine: endpoints (unix, tcp+TLS, Docker Engine),
//! the Control API, and the session transport.
