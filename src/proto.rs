//! BuildKit wire types: messages and gRPC stubs generated from `proto/`.
//!
//! `build.rs` compiles the `.proto` files with protox (no system `protoc`)
//! and generates Rust with tonic-prost-build into `OUT_DIR`. The generated
//! modules nest by protobuf package (`moby::buildkit::v1::frontend`, ...)
//! so that cross-package references resolve; the short aliases below are
//! what the rest of strata uses.
//!
//! Every map field is a `BTreeMap`, so marshaling the same value always
//! gives the same bytes (op digests depend on that). Every message
//! implements [`prost::Name`] with a `type.googleapis.com/...` type URL,
//! matching what BuildKit puts into `google.protobuf.Any`.

#[allow(
    clippy::all,
    clippy::pedantic,
    missing_docs,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/_includes.rs"));
}

/// LLB ops and definitions (package `pb`).
pub use generated::pb;

/// The Control service a client talks to (package `moby.buildkit.v1`).
pub use generated::moby::buildkit::v1 as control;

/// Worker records (package `moby.buildkit.v1.types`).
pub use generated::moby::buildkit::v1::types;

/// API capabilities (package `moby.buildkit.v1.apicaps`).
pub use generated::moby::buildkit::v1::apicaps;

/// Source policies (package `moby.buildkit.v1.sourcepolicy`).
pub use generated::moby::buildkit::v1::sourcepolicy;

/// The LLBBridge frontend gateway (package `moby.buildkit.v1.frontend`).
pub use generated::moby::buildkit::v1::frontend as gateway;

/// Typed error details (package `errdefs`).
pub use generated::errdefs;

/// Go stack traces attached to errors (package `stack`).
pub use generated::stack;

/// `google.rpc.Status`.
pub use generated::google::rpc as google_rpc;

/// File metadata and sync packets (package `fsutil.types`).
pub use generated::fsutil::types as fsutil;

/// Session file sync, file send and registry auth (package `moby.filesync.v1`).
pub use generated::moby::filesync::v1 as filesync;

/// Session secrets (package `moby.buildkit.secrets.v1`).
pub use generated::moby::buildkit::secrets::v1 as secrets;

/// Session SSH agent forwarding (package `moby.sshforward.v1`).
pub use generated::moby::sshforward::v1 as sshforward;

/// Session context upload (package `moby.upload.v1`).
pub use generated::moby::upload::v1 as upload;

/// Session exporter selection (package `moby.exporter.v1`).
pub use generated::moby::exporter::v1 as exporter;

/// gRPC health checking (package `grpc.health.v1`).
pub use generated::grpc::health::v1 as health;

/// containerd's content store, read side (package
/// `containerd.services.content.v1`): build history blobs.
pub use generated::containerd::services::content::v1 as content;

#[cfg(test)]
mod tests {
    use super::*;
    use prost::{Message, Name};
    use std::collections::BTreeMap;

    fn metadata(pairs: &[(&str, &str)]) -> pb::OpMetadata {
        let mut description = BTreeMap::new();
        for (k, v) in pairs {
            description.insert((*k).to_string(), (*v).to_string());
        }
        pb::OpMetadata {
            description,
            ..Default::default()
        }
    }

    fn definition(order: &[usize]) -> pb::Definition {
        let entries = [
            (
                "sha256:aaaa",
                metadata(&[
                    ("llb.customname", "a"),
                    ("com.docker.dockerfile.v1.command", "RUN a"),
                ]),
            ),
            (
                "sha256:bbbb",
                metadata(&[("z", "1"), ("m", "2"), ("a", "3")]),
            ),
            ("sha256:0000", metadata(&[])),
            ("sha256:ffff", metadata(&[("only", "one")])),
        ];
        let mut def = pb::Definition {
            def: vec![b"op-1".to_vec(), b"op-2".to_vec()],
            ..Default::default()
        };
        for &i in order {
            let (k, v) = &entries[i];
            def.metadata.insert((*k).to_string(), v.clone());
        }
        def
    }

    #[test]
    fn definition_bytes_do_not_depend_on_insertion_order() {
        let a = definition(&[0, 1, 2, 3]).encode_to_vec();
        let b = definition(&[3, 1, 0, 2]).encode_to_vec();
        let c = definition(&[2, 3, 1, 0]).encode_to_vec();
        assert_eq!(a, b);
        assert_eq!(a, c);

        // Map entries inside OpMetadata.description too.
        let x = metadata(&[("b", "2"), ("a", "1"), ("c", "3")]).encode_to_vec();
        let y = metadata(&[("c", "3"), ("a", "1"), ("b", "2")]).encode_to_vec();
        assert_eq!(x, y);
    }

    #[test]
    fn definition_round_trips() {
        let def = definition(&[1, 0, 3, 2]);
        let bytes = def.encode_to_vec();
        let back = pb::Definition::decode(bytes.as_slice()).unwrap();
        assert_eq!(back, def);
        assert_eq!(back.encode_to_vec(), bytes);
    }

    #[test]
    fn source_op_bytes_match_upstream_field_numbers() {
        // Checked against moby/buildkit solver/pb/ops.proto (master):
        // Op.source = 3, Op.platform = 10, SourceOp.identifier = 1,
        // Platform.Architecture = 1, Platform.OS = 2.
        let op = pb::Op {
            inputs: vec![],
            op: Some(pb::op::Op::Source(pb::SourceOp {
                identifier: "docker-image://x".into(),
                attrs: BTreeMap::new(),
            })),
            platform: Some(pb::Platform {
                architecture: "amd64".into(),
                os: "linux".into(),
                ..Default::default()
            }),
            constraints: None,
        };
        let mut want = vec![0x1a, 18, 0x0a, 16]; // field 3 (len 18) { field 1 (len 16)
        want.extend_from_slice(b"docker-image://x");
        want.extend_from_slice(&[0x52, 14, 0x0a, 5]); // field 10 (len 14) { field 1 (len 5)
        want.extend_from_slice(b"amd64");
        want.extend_from_slice(&[0x12, 5]); // field 2 (len 5)
        want.extend_from_slice(b"linux");
        assert_eq!(op.encode_to_vec(), want);
    }

    #[test]
    fn mount_bytes_match_upstream_field_numbers() {
        // Checked against moby/buildkit solver/pb/ops.proto (master):
        // Mount.mountType = 6, Mount.cacheOpt = 20; CacheOpt.ID = 1,
        // CacheOpt.sharing = 2; MountType CACHE = 3; CacheSharingOpt LOCKED = 2.
        let mount = pb::Mount {
            mount_type: pb::MountType::Cache as i32,
            cache_opt: Some(pb::CacheOpt {
                id: "c".into(),
                sharing: pb::CacheSharingOpt::Locked as i32,
            }),
            ..Default::default()
        };
        // 0x30 = field 6 varint; 0xa2 0x01 = field 20 length-delimited.
        let want = [0x30, 0x03, 0xa2, 0x01, 0x05, 0x0a, 0x01, b'c', 0x10, 0x02];
        assert_eq!(mount.encode_to_vec(), want);
    }

    #[test]
    fn file_action_and_status_field_numbers() {
        // ops.proto: FileAction.input = 1, output = 3, mkdir = 6;
        // FileActionMkDir.path = 1, makeParents = 3.
        let action = pb::FileAction {
            input: 0,
            secondary_input: 0,
            output: 1,
            action: Some(pb::file_action::Action::Mkdir(pb::FileActionMkDir {
                path: "/d".into(),
                make_parents: true,
                ..Default::default()
            })),
        };
        assert_eq!(
            action.encode_to_vec(),
            [0x18, 0x01, 0x32, 0x06, 0x0a, 0x02, b'/', b'd', 0x18, 0x01]
        );

        // control.proto: StatusResponse.logs = 3, VertexLog.stream = 3, msg = 4.
        let status = control::StatusResponse {
            logs: vec![control::VertexLog {
                stream: 2,
                msg: b"hi".to_vec(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(
            status.encode_to_vec(),
            [0x1a, 0x06, 0x18, 0x02, 0x22, 0x02, b'h', b'i']
        );
    }

    #[test]
    fn any_type_urls_match_go() {
        assert_eq!(
            errdefs::Vertex::type_url(),
            "type.googleapis.com/errdefs.Vertex"
        );
        assert_eq!(errdefs::Source::full_name(), "errdefs.Source");
        assert_eq!(stack::Stack::type_url(), "type.googleapis.com/stack.Stack");
        assert_eq!(
            gateway::ReturnRequest::full_name(),
            "moby.buildkit.v1.frontend.ReturnRequest"
        );
    }

    #[test]
    fn grpc_method_paths() {
        let control_rs = include_str!(concat!(env!("OUT_DIR"), "/moby.buildkit.v1.rs"));
        let gateway_rs = include_str!(concat!(env!("OUT_DIR"), "/moby.buildkit.v1.frontend.rs"));
        let filesync_rs = include_str!(concat!(env!("OUT_DIR"), "/moby.filesync.v1.rs"));
        let secrets_rs = include_str!(concat!(env!("OUT_DIR"), "/moby.buildkit.secrets.v1.rs"));
        let health_rs = include_str!(concat!(env!("OUT_DIR"), "/grpc.health.v1.rs"));
        for (code, path) in [
            (control_rs, "\"/moby.buildkit.v1.Control/Solve\""),
            (control_rs, "\"/moby.buildkit.v1.Control/Status\""),
            (control_rs, "\"/moby.buildkit.v1.Control/Session\""),
            (gateway_rs, "\"/moby.buildkit.v1.frontend.LLBBridge/Solve\""),
            (
                gateway_rs,
                "\"/moby.buildkit.v1.frontend.LLBBridge/Return\"",
            ),
            (
                gateway_rs,
                "\"/moby.buildkit.v1.frontend.LLBBridge/ResolveSourceMeta\"",
            ),
            (filesync_rs, "\"/moby.filesync.v1.FileSync/DiffCopy\""),
            (filesync_rs, "\"/moby.filesync.v1.FileSend/DiffCopy\""),
            (filesync_rs, "\"/moby.filesync.v1.Auth/Credentials\""),
            (
                secrets_rs,
                "\"/moby.buildkit.secrets.v1.Secrets/GetSecret\"",
            ),
            (health_rs, "\"/grpc.health.v1.Health/Check\""),
        ] {
            assert!(code.contains(path), "generated code lacks {path}");
        }
        // Both client and server stubs exist.
        let _client = control::control_client::ControlClient::<tonic::transport::Channel>::new;
        fn _server<T: gateway::llb_bridge_server::LlbBridge>(t: T) {
            let _ = gateway::llb_bridge_server::LlbBridgeServer::new(t);
        }
    }
}
