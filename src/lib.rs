//! strata: a BuildKit Dockerfile frontend and builder client.
//!
//! The crate follows the data flow: [`dockerfile`] text → syntax tree →
//! [`plan`] → [`llb`] definition, with [`frontend`] tying the stages
//! together. See the README for the architecture.

pub mod cli;
pub mod compose;
pub mod dockerfile;
pub mod engine;
pub mod frontend;
pub mod gateway;
pub mod hygiene;
pub mod insights;
pub mod llb;
pub mod paths;
pub mod plan;
pub mod progress;
pub mod proto;
pub mod session;
pub mod size;
