//! cargo-fuzz entry for `targets::docker_auth` (the body lives in fuzz/targets.rs,
//! shared with tests/fuzz_corpus.rs, which replays fuzz/corpus/docker_auth).
#![no_main]

// Each binary uses one of the shared bodies.
#[allow(dead_code)]
#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::docker_auth(data));
