//! Fuzz the pure core end to end: parse arbitrary text as a Dockerfile, plan
//! and lower it when it parses, and expand it as a word. Any panic is a bug;
//! errors are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use strata::dockerfile::expand::{ExpandOptions, expand_word, expand_words};
use strata::plan::envlist::EnvList;
use strata::plan::{BuildOptions, NoImageConfigs};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = strata::frontend::convert(
        text,
        "Dockerfile",
        &BuildOptions::default(),
        &NoImageConfigs,
    );
    let mut env = EnvList::new();
    env.set("HOME", "/root");
    env.set("EMPTY", "");
    env.set("PATH", "/usr/bin:/bin");
    for escape in ['\\', '`'] {
        let opts = ExpandOptions {
            escape,
            ..Default::default()
        };
        let _ = expand_word(text, &env, opts);
        let _ = expand_words(text, &env, opts);
        let _ = expand_word(
            text,
            &env,
            ExpandOptions {
                escape,
                raw_quotes: true,
                raw_escapes: true,
            },
        );
    }
    let mut keep = |v: &str| Ok::<String, String>(v.to_string());
    let _ = strata::dockerfile::mount::parse_mount(text, &mut keep);
    let patterns = strata::dockerfile::dockerignore::parse(text);
    if let Ok(m) = strata::dockerfile::dockerignore::Matcher::new(&patterns) {
        let _ = m.is_excluded("a/b/c.txt");
    }
});
