//! Graph → `pb.Definition`: ops in dependency order, each marshaled once,
//! identified by the sha256 of its bytes.

use std::collections::{BTreeMap, HashMap};

use prost::Message;
use sha2::{Digest, Sha256};

use super::{Fs, Output, Vertex, caps};
use crate::proto::pb;

/// The Dockerfile text a definition was generated from, for source maps.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub filename: String,
    pub data: Vec<u8>,
    pub language: String,
    /// The definition that loaded the file (BuildKit's `SourceInfo`
    /// carries it; clients and provenance use it to find the file).
    pub definition: Option<pb::Definition>,
}

/// A marshaled definition plus the digests in definition order (the last
/// entry is the terminal op that only points at the result).
#[derive(Debug, Clone)]
pub struct Marshaled {
    pub definition: pb::Definition,
    pub digests: Vec<String>,
}

impl Marshaled {
    /// The bytes `buildctl build` reads on stdin.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.definition.encode_to_vec()
    }

    /// Decoded ops with their digests, in definition order.
    pub fn ops(&self) -> Vec<(String, pb::Op)> {
        self.definition
            .def
            .iter()
            .zip(&self.digests)
            .map(|(bytes, d)| {
                (
                    d.clone(),
                    pb::Op::decode(bytes.as_slice()).unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// `sha256:<hex>` of some bytes, BuildKit's digest form.
pub fn digest_of(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

struct Walk<'a> {
    seen: HashMap<*const Vertex, String>,
    def: Vec<Vec<u8>>,
    digests: Vec<String>,
    metadata: BTreeMap<String, pb::OpMetadata>,
    locations: BTreeMap<String, pb::Locations>,
    source: Option<&'a SourceFile>,
}

impl Walk<'_> {
    /// Marshal a vertex after its inputs; returns its digest. Iterative so
    /// that very long Dockerfiles cannot overflow the stack.
    fn visit(&mut self, root: &Output) -> String {
        let mut stack: Vec<(&Output, bool)> = vec![(root, false)];
        // Keep the borrowed outputs alive: they live inside Arcs reachable from root.
        while let Some((out, inputs_done)) = stack.pop() {
            let key = std::sync::Arc::as_ptr(&out.vertex);
            if self.seen.contains_key(&key) {
                continue;
            }
            if !inputs_done {
                stack.push((out, true));
                for input in out.vertex.inputs.iter().rev() {
                    if !self
                        .seen
                        .contains_key(&std::sync::Arc::as_ptr(&input.vertex))
                    {
                        stack.push((input, false));
                    }
                }
                continue;
            }
            let digest = self.emit(&out.vertex);
            self.seen.insert(key, digest);
        }
        self.seen[&std::sync::Arc::as_ptr(&root.vertex)].clone()
    }

    fn emit(&mut self, v: &Vertex) -> String {
        if let Some(raw) = &v.meta.imported {
            if !self.metadata.contains_key(&raw.digest) {
                self.metadata
                    .insert(raw.digest.clone(), raw.metadata.clone());
                self.def.push(raw.bytes.clone());
                self.digests.push(raw.digest.clone());
            }
            return raw.digest.clone();
        }
        // Encode the op without cloning its body, in the field order of
        // Go's protobuf (inputs = 1, platform = 10, then the op oneof =
        // 2..8: Go writes oneofs after the other fields). BuildKit re-encodes
        // every op that way and keys its vertices by that digest, so source
        // locations (errors' Dockerfile lines) and provenance layers are
        // found only when our bytes are the same as Go's.
        let mut bytes = Vec::with_capacity(64 + v.op.encoded_len());
        for i in &v.inputs {
            let input = pb::Input {
                digest: self.seen[&std::sync::Arc::as_ptr(&i.vertex)].clone(),
                index: i.index,
            };
            prost::encoding::message::encode(1, &input, &mut bytes);
        }
        if let Some(p) = &v.platform {
            prost::encoding::message::encode(10, p, &mut bytes);
        }
        v.op.encode(&mut bytes);
        let digest = digest_of(&bytes);
        if self.metadata.contains_key(&digest) {
            // Identical op built twice: keep one copy, merge source locations.
            self.add_locations(&digest, v);
            return digest;
        }
        let mut caps_used = v.meta.caps.clone();
        if v.platform.is_some() {
            caps_used.insert(caps::PLATFORM);
        }
        if !v.meta.description.is_empty() {
            caps_used.insert(caps::META_DESCRIPTION);
        }
        if v.meta.ignore_cache {
            caps_used.insert(caps::META_IGNORE_CACHE);
        }
        let md = pb::OpMetadata {
            ignore_cache: v.meta.ignore_cache,
            description: v.meta.description.clone(),
            caps: caps_used
                .into_iter()
                .map(|c| (c.to_string(), true))
                .collect(),
            progress_group: v.meta.progress_group.clone(),
            ..Default::default()
        };
        self.metadata.insert(digest.clone(), md);
        self.def.push(bytes);
        self.digests.push(digest.clone());
        self.add_locations(&digest, v);
        digest
    }

    fn add_locations(&mut self, digest: &str, v: &Vertex) {
        if self.source.is_none() || v.meta.locations.is_empty() {
            return;
        }
        let ranges = v
            .meta
            .locations
            .iter()
            .map(|r| pb::Range {
                start: Some(pb::Position {
                    line: r.start_line as i32,
                    character: r.start_char as i32,
                }),
                end: Some(pb::Position {
                    line: r.end_line as i32,
                    character: r.end_char as i32,
                }),
            })
            .collect();
        self.locations
            .entry(digest.to_string())
            .or_default()
            .locations
            .push(pb::Location {
                source_index: 0,
                ranges,
            });
    }
}

/// Marshal the graph ending at `root` (scratch gives an empty definition).
pub fn marshal(root: &Fs, source: Option<&SourceFile>) -> Marshaled {
    let mut walk = Walk {
        seen: HashMap::new(),
        def: Vec::new(),
        digests: Vec::new(),
        metadata: BTreeMap::new(),
        locations: BTreeMap::new(),
        source,
    };
    if let Some(out) = root {
        let d = walk.visit(out);
        let terminal = pb::Op {
            inputs: vec![pb::Input {
                digest: d,
                index: out.index,
            }],
            ..Default::default()
        };
        let bytes = terminal.encode_to_vec();
        let digest = digest_of(&bytes);
        walk.metadata.entry(digest.clone()).or_default();
        walk.def.push(bytes);
        walk.digests.push(digest);
    }
    let source_pb = source.map(|s| pb::Source {
        locations: walk.locations,
        infos: vec![pb::SourceInfo {
            filename: s.filename.clone(),
            data: s.data.clone(),
            definition: s.definition.clone(),
            language: s.language.clone(),
        }],
    });
    Marshaled {
        definition: pb::Definition {
            def: walk.def,
            metadata: walk.metadata,
            source: source_pb,
        },
        digests: walk.digests,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llb::{VertexMeta, file::FileBuilder, source};

    fn sample() -> Fs {
        let base = source::image(
            "docker.io/library/busybox:latest",
            crate::llb::platform("linux", "amd64", ""),
            source::ResolveMode::Default,
            VertexMeta::named("FROM busybox"),
        );
        FileBuilder::on(Some(base))
            .mkdir("/app", 0o755, true, None, None)
            .build(VertexMeta::named("WORKDIR /app"))
    }

    #[test]
    fn ops_are_encoded_in_gos_field_order() {
        // BuildKit re-encodes each op with Go's protobuf and keys vertices
        // by that digest: inputs (1), platform (10), then the op (2..8).
        let a = marshal(&sample(), None);
        let image = &a.definition.def[0];
        assert_eq!(image[0], 0x52, "the image op starts with its platform");
        let platform_len = image[1] as usize;
        assert_eq!(
            image[2 + platform_len],
            0x1a,
            "then the source op (field 3)"
        );
        let file = &a.definition.def[1];
        assert_eq!(file[0], 0x0a, "the file op starts with its input");
        // Decoding and re-encoding in field order gives other bytes: the
        // digest is of Go's order, not prost's.
        let decoded = pb::Op::decode(image.as_slice()).unwrap();
        assert_ne!(decoded.encode_to_vec(), *image);
    }

    #[test]
    fn marshal_is_deterministic_and_ordered() {
        let a = marshal(&sample(), None);
        let b = marshal(&sample(), None);
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert_eq!(a.digests.len(), 3, "image, file op, terminal");
        let ops = a.ops();
        assert!(matches!(ops[0].1.op, Some(pb::op::Op::Source(_))));
        assert_eq!(ops[1].1.inputs[0].digest, a.digests[0]);
        assert!(ops[2].1.op.is_none());
        for (d, bytes) in a.digests.iter().zip(&a.definition.def) {
            assert_eq!(*d, digest_of(bytes));
        }
    }

    #[test]
    fn shared_subgraphs_are_emitted_once() {
        let s = sample();
        let twice = crate::llb::merge::merge(&[s.clone(), s.clone()], None, VertexMeta::default());
        let m = marshal(&twice, None);
        assert_eq!(m.digests.len(), 4);
    }

    #[test]
    fn scratch_marshals_to_empty_definition() {
        assert!(marshal(&None, None).definition.def.is_empty());
    }
}
