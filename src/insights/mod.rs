//! Build insights: what the engine's build history says about past builds,
//! and why a step ran instead of coming from the cache.
//!
//! Everything here is pure (values in, values out) except [`store`], the
//! small per-user state directory where `strata build` keeps the inputs of
//! each build (paths and hashes, never contents) that the engine's own
//! record cannot carry. The engine client side is
//! [`crate::engine::history`]; the commands are `strata history` and
//! `strata why` in [`crate::cli`].
//!
//! - [`record`]: a build as a row (name, status, duration, hit rate) and
//!   `REF` resolution (`^N`, prefixes).
//! - [`steps`]: the build's steps from its status log.
//! - [`stats`]: medians, p95, hit rates, sparklines per project/target.
//! - [`inputs`] and [`why`]: the recorded inputs and the cause of a re-run.
//! - [`report`]: the post-build report (`--report FILE`, docs/report.md).
//! - [`timeline`]: the self-contained HTML timeline.

pub mod inputs;
pub mod record;
pub mod report;
pub mod stats;
pub mod steps;
pub mod store;
pub mod timeline;
pub mod why;
