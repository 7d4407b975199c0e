//! Compiles `proto/` (BuildKit's wire schema, written for strata) into Rust.
//!
//! No `protoc` is needed: protox parses the files into a FileDescriptorSet
//! and tonic-prost-build generates messages plus gRPC client and server
//! stubs into OUT_DIR. `src/proto.rs` includes the result.

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");

    let root = PathBuf::from("proto");
    let mut files = Vec::new();
    collect_protos(&root, &mut files)?;
    // A fixed order keeps the generated code stable across machines.
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }

    // protox resolves google/protobuf/*.proto from its built-in copies.
    let fds = protox::compile(&files, [&root])?;

    // `prost::Name` impls give each message its full name and the
    // `type.googleapis.com/<package>.<Message>` URL used in
    // google.protobuf.Any (e.g. errdefs details inside google.rpc.Status).
    let mut config = tonic_prost_build::Config::new();
    config
        .enable_type_names()
        .type_name_domain(["."], "type.googleapis.com");

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // Ordered maps make marshaled bytes (and so op digests) deterministic.
        .btree_map(".")
        .include_file("_includes.rs")
        .compile_fds_with_config(fds, config)?;
    Ok(())
}

fn collect_protos(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_protos(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "proto") {
            out.push(path);
        }
    }
    Ok(())
}
