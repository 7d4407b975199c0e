//! Merge and diff ops: layer filesystems without copying (`COPY --link`).

use super::{Fs, InputList, Output, Vertex, VertexMeta, caps};
use crate::proto::pb;

/// Stack `layers` in order (later ones win). Scratch layers are dropped;
/// with fewer than two real layers no op is needed.
pub fn merge(layers: &[Fs], platform: Option<pb::Platform>, mut meta: VertexMeta) -> Fs {
    let real: Vec<&Output> = layers.iter().flatten().collect();
    match real.len() {
        0 => return None,
        1 => return Some(real[0].clone()),
        _ => {}
    }
    let mut inputs = InputList::default();
    let merge_inputs = real
        .into_iter()
        .map(|o| pb::MergeInput {
            input: inputs.index_of(&Some(o.clone())),
        })
        .collect();
    meta.caps.insert(caps::MERGE_OP);
    Some(Output::new(Vertex {
        op: pb::op::Op::Merge(pb::MergeOp {
            inputs: merge_inputs,
        }),
        inputs: inputs.inputs,
        platform,
        meta,
    }))
}

/// The changes that turn `lower` into `upper`.
pub fn diff(lower: &Fs, upper: &Fs, platform: Option<pb::Platform>, mut meta: VertexMeta) -> Fs {
    let mut inputs = InputList::default();
    let lower = pb::LowerDiffInput {
        input: inputs.index_of(lower),
    };
    let upper = pb::UpperDiffInput {
        input: inputs.index_of(upper),
    };
    meta.caps.insert(caps::DIFF_OP);
    Some(Output::new(Vertex {
        op: pb::op::Op::Diff(pb::DiffOp {
            lower: Some(lower),
            upper: Some(upper),
        }),
        inputs: inputs.inputs,
        platform,
        meta,
    }))
}
