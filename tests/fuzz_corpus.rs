//! Replays every fuzz corpus (`fuzz/corpus/TARGET`) through the very
//! function its cargo-fuzz target calls (`fuzz/targets.rs`), so every input
//! the fuzzer ever found interesting, and every crash it found (kept in the
//! corpus once fixed), stays panic-free in ordinary `cargo test` runs.
//! Long fuzzing runs: `scripts/fuzz.sh TARGET SECONDS`.

#[allow(dead_code)]
#[path = "../fuzz/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

use strata::plan::{BuildOptions, NoImageConfigs};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fuzz corpus {}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok().map(|b| (e.path(), b)))
        .collect();
    inputs.sort();
    inputs
}

/// Replay one target's corpus; a panic names the input that caused it.
fn replay(target: &str, min_inputs: usize) -> Vec<(PathBuf, Vec<u8>)> {
    let run = targets::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, f)| *f)
        .expect("a target of that name");
    let inputs = corpus(target);
    assert!(
        inputs.len() >= min_inputs,
        "the {target} corpus went missing: {} inputs",
        inputs.len()
    );
    for (path, bytes) in &inputs {
        if let Err(panic) = std::panic::catch_unwind(|| run(bytes)) {
            std::panic::resume_unwind(Box::new(format!(
                "{target} panicked on {}: {}",
                path.display(),
                panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("(no message)")
            )));
        }
    }
    inputs
}

#[test]
fn every_target_has_a_corpus() {
    for (name, _) in targets::TARGETS {
        assert!(!corpus(name).is_empty(), "fuzz/corpus/{name} is empty");
    }
}

#[test]
fn parse_expand_corpus() {
    let inputs = replay("parse_expand", 10);
    let converted = inputs
        .iter()
        .filter_map(|(_, b)| std::str::from_utf8(b).ok())
        .filter(|text| {
            strata::frontend::convert(
                text,
                "Dockerfile",
                &BuildOptions::default(),
                &NoImageConfigs,
            )
            .is_ok()
        })
        .count();
    assert!(
        converted >= 5,
        "the seed Dockerfiles should convert ({converted} of {} did)",
        inputs.len()
    );
}

#[test]
fn pipeline_corpus() {
    replay("pipeline", 5);
}

#[test]
fn dockerignore_corpus() {
    replay("dockerignore", 5);
}

#[test]
fn frontend_options_corpus() {
    replay("frontend_options", 5);
}

#[test]
fn docker_auth_corpus() {
    replay("docker_auth", 5);
}

#[test]
fn filesync_receive_corpus() {
    replay("filesync_receive", 5);
}

/// The file-sync target's packet encoding means what its seeds say: the
/// `tree` seed, received for real, writes the tree it describes (so the
/// target exercises the receiver's writing paths, not only its rejections).
#[test]
fn filesync_tree_seed_writes_its_tree() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/filesync_receive/seed-tree"),
    )
    .expect("seed");
    let tmp = tempfile::tempdir().expect("tempdir");
    let dest = tmp.path().join("dest");
    let packets = targets::packets(&bytes);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let report = runtime
        .block_on(async {
            let (tx, _rx) = tokio::sync::mpsc::channel(packets.len() + 4);
            strata::session::filesync::receive::receive_dir(
                &dest,
                tokio_stream::iter(packets.into_iter().map(Ok)),
                tx,
            )
            .await
        })
        .expect("the tree seed is a valid transfer");
    assert_eq!(report.files, 2);
    assert_eq!(std::fs::read(dest.join("a/b")).expect("a/b"), b"hello");
    assert_eq!(std::fs::read(dest.join("d")).expect("d"), b"x");
    assert_eq!(
        std::fs::read_link(dest.join("a/l")).expect("a/l"),
        Path::new("../x")
    );
}
