//! Definitions made elsewhere (frontend inputs: another target's result that
//! buildx passes as `input:NAME`) turned back into graph outputs, so our ops
//! can build on them. Every op keeps its exact bytes, digest and metadata:
//! the engine sees the same vertices (and cache keys) as the producer sent.

use std::collections::HashMap;
use std::sync::Arc;

use prost::Message;

use super::definition::digest_of;
use super::{Fs, Output, Vertex, VertexMeta};
use crate::proto::pb;

/// An op as another definition marshaled it.
#[derive(Debug, Clone)]
pub struct ImportedOp {
    pub bytes: Vec<u8>,
    pub digest: String,
    pub metadata: pb::OpMetadata,
}

/// Why a definition cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("op {index} of the definition is not a valid LLB op: {message}")]
    Decode { index: usize, message: String },
    #[error("the definition refers to {0}, which it does not contain")]
    MissingInput(String),
    #[error("the definition's last op is not a terminal op pointing at its result")]
    NoTerminal,
    #[error("the definition's ops form a cycle at {0}")]
    Cycle(String),
}

/// The result a definition points at (`None`: an empty definition, scratch).
pub fn definition(def: &pb::Definition) -> Result<Fs, ImportError> {
    if def.def.is_empty() {
        return Ok(None);
    }
    let mut ops: HashMap<String, (pb::Op, &Vec<u8>)> = HashMap::new();
    for (index, bytes) in def.def.iter().enumerate() {
        let op = pb::Op::decode(bytes.as_slice()).map_err(|e| ImportError::Decode {
            index,
            message: e.to_string(),
        })?;
        ops.insert(digest_of(bytes), (op, bytes));
    }
    let last = def.def.last().map(|b| digest_of(b)).unwrap_or_default();
    let head = match ops.get(&last) {
        Some((
            pb::Op {
                op: None, inputs, ..
            },
            _,
        )) if inputs.len() == 1 => inputs[0].clone(),
        _ => return Err(ImportError::NoTerminal),
    };
    // Build vertices dependencies first, without recursion.
    let mut built: HashMap<String, Arc<Vertex>> = HashMap::new();
    let mut stack: Vec<(String, bool)> = vec![(head.digest.clone(), false)];
    let mut on_path: std::collections::HashSet<String> = Default::default();
    while let Some((digest, inputs_done)) = stack.pop() {
        if built.contains_key(&digest) {
            continue;
        }
        let (op, bytes) = ops
            .get(&digest)
            .ok_or_else(|| ImportError::MissingInput(digest.clone()))?;
        if !inputs_done {
            if !on_path.insert(digest.clone()) {
                return Err(ImportError::Cycle(digest));
            }
            stack.push((digest.clone(), true));
            for i in op.inputs.iter().rev() {
                if !built.contains_key(&i.digest) {
                    if on_path.contains(&i.digest) {
                        return Err(ImportError::Cycle(i.digest.clone()));
                    }
                    stack.push((i.digest.clone(), false));
                }
            }
            continue;
        }
        on_path.remove(&digest);
        let inputs = op
            .inputs
            .iter()
            .map(|i| {
                built
                    .get(&i.digest)
                    .map(|v| Output {
                        vertex: v.clone(),
                        index: i.index,
                    })
                    .ok_or_else(|| ImportError::MissingInput(i.digest.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let Some(body) = op.op.clone() else {
            return Err(ImportError::NoTerminal);
        };
        let vertex = Vertex {
            op: body,
            inputs,
            platform: op.platform.clone(),
            meta: VertexMeta {
                imported: Some(Arc::new(ImportedOp {
                    bytes: (*bytes).clone(),
                    digest: digest.clone(),
                    metadata: def.metadata.get(&digest).cloned().unwrap_or_default(),
                })),
                ..Default::default()
            },
        };
        built.insert(digest, Arc::new(vertex));
    }
    let vertex = built
        .get(&head.digest)
        .cloned()
        .ok_or_else(|| ImportError::MissingInput(head.digest.clone()))?;
    Ok(Some(Output {
        vertex,
        index: head.index,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llb::{file::FileBuilder, marshal, source};

    fn producer() -> crate::llb::Marshaled {
        let base = source::image(
            "docker.io/library/busybox:latest",
            crate::llb::platform("linux", "amd64", ""),
            source::ResolveMode::Default,
            VertexMeta::named("FROM busybox"),
        );
        let fs = FileBuilder::on(Some(base))
            .mkdir("/app", 0o755, true, None, None)
            .build(VertexMeta::named("WORKDIR /app"));
        marshal(&fs, None)
    }

    #[test]
    fn imported_ops_marshal_to_the_same_bytes() {
        let original = producer();
        let imported = definition(&original.definition).expect("imports");
        let again = marshal(&imported, None);
        assert_eq!(again.definition.def, original.definition.def);
        assert_eq!(again.digests, original.digests);
        assert_eq!(again.definition.metadata, original.definition.metadata);
    }

    #[test]
    fn our_ops_build_on_imported_ones() {
        let imported = definition(&producer().definition).expect("imports");
        let fs = FileBuilder::on(imported)
            .mkdir("/more", 0o755, true, None, None)
            .build(VertexMeta::named("WORKDIR /more"));
        let m = marshal(&fs, None);
        assert_eq!(m.digests.len(), 4, "image, mkdir, our mkdir, terminal");
        let ops = m.ops();
        assert_eq!(ops[2].1.inputs[0].digest, producer().digests[1]);
    }

    #[test]
    fn bad_definitions_are_errors() {
        assert_eq!(definition(&pb::Definition::default()).expect("empty"), None);
        let garbage = pb::Definition {
            def: vec![vec![0xff, 0xff, 0xff]],
            ..Default::default()
        };
        assert!(matches!(
            definition(&garbage),
            Err(ImportError::Decode { .. })
        ));
        let mut no_terminal = producer().definition;
        no_terminal.def.pop();
        assert_eq!(definition(&no_terminal), Err(ImportError::NoTerminal));
        let mut missing = producer().definition;
        missing.def.remove(0);
        assert!(matches!(
            definition(&missing),
            Err(ImportError::MissingInput(_))
        ));
    }
}
