//! Typed LLB: immutable op graphs that marshal to a deterministic
//! `pb.Definition`.
//!
//! An [`Output`] is one result of an op (a filesystem). Builders in
//! [`source`], [`exec`], [`file`] and [`merge`] create new ops from existing
//! outputs; nothing is ever mutated, so sharing a sub-graph between stages is
//! free. [`definition::marshal`] walks the graph once and produces the bytes
//! BuildKit solves. `None` in place of an `Output` means "scratch" (an empty
//! filesystem), as in BuildKit.

pub mod caps;
pub mod definition;
pub mod exec;
pub mod file;
pub mod import;
pub mod merge;
pub mod render;
pub mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::proto::pb;

pub use definition::{Marshaled, marshal};

/// One op in the graph: its body (with input indices already resolved
/// against `inputs`) and the metadata BuildKit keeps beside it.
#[derive(Debug)]
pub struct Vertex {
    pub op: pb::op::Op,
    pub inputs: Vec<Output>,
    pub platform: Option<pb::Platform>,
    pub meta: VertexMeta,
}

/// Dropping the last handle on a long chain (one vertex per Dockerfile
/// instruction, thousands deep) would recurse once per vertex through
/// `Arc`'s drop and overflow the stack. Unwind the chain with a work list
/// instead: every input this vertex held alone is taken apart here, so each
/// nested drop sees no inputs left.
impl Drop for Vertex {
    fn drop(&mut self) {
        let mut pending = std::mem::take(&mut self.inputs);
        while let Some(out) = pending.pop() {
            if let Some(mut vertex) = Arc::into_inner(out.vertex) {
                pending.append(&mut vertex.inputs);
            }
        }
    }
}

/// Solver hints that are not part of the op digest.
#[derive(Debug, Clone, Default)]
pub struct VertexMeta {
    /// `llb.customname` and other description keys.
    pub description: BTreeMap<String, String>,
    pub ignore_cache: bool,
    pub caps: BTreeSet<&'static str>,
    pub progress_group: Option<pb::ProgressGroup>,
    /// Dockerfile line ranges this op came from (for error locations).
    pub locations: Vec<SourceRange>,
    /// Set for an op taken verbatim from another definition (a frontend
    /// input): marshaling emits its original bytes, digest and metadata.
    pub imported: Option<Arc<import::ImportedOp>>,
}

impl VertexMeta {
    pub fn named(name: impl Into<String>) -> Self {
        let mut m = VertexMeta::default();
        m.description.insert("llb.customname".into(), name.into());
        m
    }

    pub fn with_description(mut self, key: &str, value: impl Into<String>) -> Self {
        self.description.insert(key.into(), value.into());
        self
    }

    pub fn at(mut self, locations: &[SourceRange]) -> Self {
        self.locations.extend_from_slice(locations);
        self
    }

    pub fn ignoring_cache(mut self, ignore: bool) -> Self {
        self.ignore_cache = ignore;
        self
    }
}

/// A 1-based line range with 0-based characters, as BuildKit's source maps use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRange {
    pub start_line: u32,
    pub start_char: u32,
    pub end_line: u32,
    pub end_char: u32,
}

/// One output of a vertex: the handle states are built from.
#[derive(Debug, Clone)]
pub struct Output {
    pub vertex: Arc<Vertex>,
    pub index: i64,
}

impl PartialEq for Output {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.vertex, &other.vertex) && self.index == other.index
    }
}
impl Eq for Output {}

impl Output {
    pub fn new(vertex: Vertex) -> Output {
        Output {
            vertex: Arc::new(vertex),
            index: 0,
        }
    }
}

/// A filesystem: an op output, or scratch.
pub type Fs = Option<Output>;

/// Index of an input that means "no input" (scratch).
pub const EMPTY_INPUT: i64 = -1;
/// Output index for mounts whose changes are discarded.
pub const SKIP_OUTPUT: i64 = -1;

/// Collects the distinct inputs of one op, handing out their indices.
#[derive(Debug, Default)]
pub(crate) struct InputList {
    pub inputs: Vec<Output>,
}

impl InputList {
    /// The index of `fs` among the inputs, adding it if new; scratch is [`EMPTY_INPUT`].
    pub fn index_of(&mut self, fs: &Fs) -> i64 {
        let Some(out) = fs else { return EMPTY_INPUT };
        if let Some(i) = self.inputs.iter().position(|o| o == out) {
            return i as i64;
        }
        self.inputs.push(out.clone());
        (self.inputs.len() - 1) as i64
    }
}

/// An OCI platform in BuildKit's wire form.
pub fn platform(os: &str, architecture: &str, variant: &str) -> pb::Platform {
    pb::Platform {
        os: os.to_string(),
        architecture: architecture.to_string(),
        variant: variant.to_string(),
        ..Default::default()
    }
}
