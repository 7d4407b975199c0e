//! Context, image and cache hygiene: what a build sends and never uses,
//! limits a build must stay within, where an image's bytes go, and which
//! cache records and images a retention policy lets go.
//!
//! Everything here is pure analysis over facts the edges gather (the
//! context walk, the build plan, an image's manifest and layer listings, the
//! engine's cache records, the Docker Engine's image list): no files, no
//! sockets, no clocks. The CLI (`strata context`, `strata inspect --layers`,
//! `strata prune`) and the build's budget check supply the facts.

pub mod budget;
pub mod context;
pub mod layers;
pub mod retention;
pub use crate::size;
