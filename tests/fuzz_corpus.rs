//! Replays the fuzzer's corpus (fuzz/corpus/parse_expand) through the same
//! calls the fuzz target makes, so every input it ever found interesting
//! stays panic-free in ordinary `cargo test` runs.

use strata::dockerfile::expand::{ExpandOptions, expand_word, expand_words};
use strata::plan::envlist::EnvList;
use strata::plan::{BuildOptions, NoImageConfigs};

#[test]
fn corpus_inputs_do_not_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/parse_expand");
    let mut count = 0;
    let mut converted = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("fuzz corpus directory")
        .flatten()
    {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        count += 1;
        if strata::frontend::convert(
            text,
            "Dockerfile",
            &BuildOptions::default(),
            &NoImageConfigs,
        )
        .is_ok()
        {
            converted += 1;
        }
        let mut env = EnvList::new();
        env.set("HOME", "/root");
        let _ = expand_word(text, &env, ExpandOptions::default());
        let _ = expand_words(
            text,
            &env,
            ExpandOptions {
                escape: '`',
                ..Default::default()
            },
        );
        let mut keep = |v: &str| Ok::<String, String>(v.to_string());
        let _ = strata::dockerfile::mount::parse_mount(text, &mut keep);
    }
    assert!(count >= 10, "corpus went missing: {count} inputs");
    assert!(
        converted >= 5,
        "the seed Dockerfiles should convert ({converted} of {count} did)"
    );
}
