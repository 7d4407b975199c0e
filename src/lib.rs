//! strata: a BuildKit Dockerfile frontend and builder client.
//!
//! The crate follows the data flow: [`dockerfile`] text → syntax tree →
//! [`plan`] → [`llb`] definition. See the README for the architecture.

pub mod dockerfile;
pub mod proto;
