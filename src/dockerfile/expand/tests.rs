use super::upstream_vectors::{ENV_VAR_CASES, WORDS_CASES};
use super::*;

/// A test environment; later entries win, like upstream's `EnvsFromSlice`.
struct Env(Vec<(String, String)>);

impl Env {
    fn new(pairs: &[(&str, &str)]) -> Env {
        Env(pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect())
    }
}

impl VarLookup for Env {
    fn lookup(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn word(input: &str, env: &[(&str, &str)]) -> Result<Expanded, ExpandError> {
    expand_word(input, &Env::new(env), ExpandOptions::default())
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn upstream_env_var_vectors() {
    let env = [
        ("PWD", "/home"),
        ("SHELL", "bash"),
        ("KOREAN", "한국어"),
        ("NULL", ""),
    ];
    for (input, expected) in ENV_VAR_CASES {
        let got = word(input, &env);
        match expected {
            Some(want) => assert_eq!(
                got.as_ref().map(|e| e.value.as_str()),
                Ok(*want),
                "input {input:?}"
            ),
            None => assert!(got.is_err(), "input {input:?} should fail, got {got:?}"),
        }
    }
}

#[test]
fn upstream_words_vectors() {
    for (env, input, expected) in WORDS_CASES {
        let got = expand_words(input, &Env::new(env), ExpandOptions::default());
        match expected {
            Some(want) => assert_eq!(
                got,
                Ok(want.iter().map(|s| s.to_string()).collect()),
                "input {input:?}"
            ),
            None => assert!(got.is_err(), "input {input:?} should fail, got {got:?}"),
        }
    }
}

#[test]
fn mandatory_variables() {
    let no_empty = "${VAR:?message here$ARG}";
    let no_unset = "${VAR?message here$ARG}";
    let set_env: &[(&str, &str)] = &[("VAR", "plain"), ("ARG", "x")];
    let empty_env: &[(&str, &str)] = &[("VAR", ""), ("ARG", "x")];
    let unset_env: &[(&str, &str)] = &[("ARG", "x")];

    assert_eq!(word(no_empty, set_env).unwrap().value, "plain");
    assert_eq!(
        word(no_empty, empty_env).unwrap_err().message,
        "VAR: message herex"
    );
    assert_eq!(
        word(no_empty, unset_env).unwrap_err().message,
        "VAR: message herex"
    );
    assert_eq!(word(no_unset, set_env).unwrap().value, "plain");
    assert_eq!(word(no_unset, empty_env).unwrap().value, "");
    assert_eq!(
        word(no_unset, unset_env).unwrap_err().message,
        "VAR: message herex"
    );

    assert_eq!(
        word("${V?}", &[]).unwrap_err().message,
        "V: is not allowed to be unset"
    );
    assert_eq!(
        word("${V:?}", &[]).unwrap_err().message,
        "V: is not allowed to be unset"
    );
    assert_eq!(
        word("${V:?}", &[("V", "")]).unwrap_err().message,
        "V: is not allowed to be empty"
    );
}

/// Upstream's `TestProcessWithMatches`: (input, env, expected value or error, matched, unmatched).
#[allow(clippy::type_complexity)]
const MATCH_CASES: &[(&str, &[(&str, &str)], Option<&str>, &[&str], &[&str])] = &[
    ("x", &[("DUMMY", "dummy")], Some("x"), &[], &[]),
    (
        "x ${UNUSED}",
        &[("DUMMY", "dummy")],
        Some("x "),
        &[],
        &["UNUSED"],
    ),
    ("x ${FOO}", &[("FOO", "y")], Some("x y"), &["FOO"], &[]),
    (
        "${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("xxx  ccc"),
        &["FOO", "BAR"],
        &["BAZ"],
    ),
    (
        "${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("xxx bbb ccc"),
        &["FOO", "BAR"],
        &["BAZ"],
    ),
    (
        "${FOO:-}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("xxx"),
        &["FOO"],
        &[],
    ),
    ("${FOO:-}", &[], Some(""), &[], &["FOO"]),
    (
        "${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("aaa bbb "),
        &["FOO", "BAR"],
        &["BAZ"],
    ),
    (
        "${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("aaa  "),
        &["FOO", "BAR"],
        &["BAZ"],
    ),
    (
        "${FOO?aaa}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("xxx"),
        &["FOO"],
        &[],
    ),
    (
        "${BAR?bbb}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some(""),
        &["BAR"],
        &[],
    ),
    ("${BAZ?ccc}", &[("FOO", "xxx"), ("BAR", "")], None, &[], &[]),
    (
        "${FOO:?aaa}",
        &[("FOO", "xxx"), ("BAR", "")],
        Some("xxx"),
        &["FOO"],
        &[],
    ),
    (
        "${BAR:?bbb}",
        &[("FOO", "xxx"), ("BAR", "")],
        None,
        &[],
        &[],
    ),
    (
        "${BAZ:?ccc}",
        &[("FOO", "xxx"), ("BAR", "")],
        None,
        &[],
        &[],
    ),
    ("${BAZ:?}", &[("FOO", "xxx"), ("BAR", "")], None, &[], &[]),
    ("${FOO=aaa}", &[("FOO", "xxx"), ("BAR", "")], None, &[], &[]),
    (
        "${FOO=:aaa}",
        &[("FOO", "xxx"), ("BAR", "")],
        None,
        &[],
        &[],
    ),
    ("${FOO=}", &[], None, &[], &[]),
    (
        "${FOO#()[]{\\}^$.\\*\\?|\\\\}",
        &[("FOO", "()[]{}^$.*?|\\x")],
        Some("x"),
        &["FOO"],
        &[],
    ),
    (
        "${FOO%%\\**}",
        &[("FOO", "xx**")],
        Some("xx"),
        &["FOO"],
        &[],
    ),
    ("${FOO#*x*y}", &[("FOO", "xxyy")], Some("y"), &["FOO"], &[]),
    ("${FOO#*}", &[("FOO", "xxyy")], Some("xxyy"), &["FOO"], &[]),
    (
        "${FOO#$BAR}",
        &[("FOO", "xxyy"), ("BAR", "x")],
        Some("xyy"),
        &["FOO", "BAR"],
        &[],
    ),
    (
        "${FOO#$BAR}",
        &[("FOO", "xxyy"), ("BAR", "")],
        Some("xxyy"),
        &["FOO", "BAR"],
        &[],
    ),
    ("${FOO#}", &[("FOO", "xxyy")], Some("xxyy"), &["FOO"], &[]),
    ("${FOO##*x}", &[("FOO", "xxyy")], Some("yy"), &["FOO"], &[]),
    ("${FOO##}", &[("FOO", "xxyy")], Some("xxyy"), &["FOO"], &[]),
    ("${FOO#?\\?}", &[("FOO", "???y")], Some("?y"), &["FOO"], &[]),
    (
        "${ABC:-.}${FOO%x}${ABC:-.}",
        &[("FOO", "xxyy")],
        Some(".xxyy."),
        &["FOO"],
        &["ABC"],
    ),
    (
        "${FOO%%\\**\\*}",
        &[("FOO", "a***yy*")],
        Some("a"),
        &["FOO"],
        &[],
    ),
    ("${FOO%}", &[("FOO", "xxyy")], Some("xxyy"), &["FOO"], &[]),
    (
        "${FOO%%$BAR}",
        &[("FOO", "xxyy"), ("BAR", "")],
        Some("xxyy"),
        &["FOO", "BAR"],
        &[],
    ),
    ("${FOO:#}", &[], None, &[], &[]),
    ("${FOO:##}", &[], None, &[], &[]),
    ("${FOO:%}", &[], None, &[], &[]),
    ("${FOO:%%}", &[], None, &[], &[]),
    (
        "${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}",
        &[("FOO", "/foo*/*/*.txt"), ("NEEDLE", "\\*/")],
        Some("/foo.*/*.txt - /foo..*.txt"),
        &["FOO", "NEEDLE"],
        &[],
    ),
    (
        "${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}",
        &[("FOO", "/tmp/tmp/bar.txt"), ("NEEDLE", "/tmp")],
        Some("/tmp/bar.txt - /bar.txt"),
        &["FOO", "NEEDLE"],
        &[],
    ),
    (
        "${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}",
        &[
            ("FOO", "/a/foo/b/c.txt"),
            ("NEEDLE", "/?/"),
            ("REPLACEMENT", "/"),
        ],
        Some("/foo/b/c.txt - /foo/c.txt"),
        &["FOO", "NEEDLE", "REPLACEMENT"],
        &[],
    ),
    (
        "${FOO/$NEEDLE/$REPLACEMENT}",
        &[
            ("FOO", "http://google.de"),
            ("NEEDLE", "http://"),
            ("REPLACEMENT", "https://"),
        ],
        Some("https://google.de"),
        &["FOO", "NEEDLE", "REPLACEMENT"],
        &[],
    ),
    (
        "${FOO//\\//\\/}",
        &[("FOO", "/tmp/foo.txt")],
        Some("\\/tmp\\/foo.txt"),
        &["FOO"],
        &[],
    ),
    (
        "${FOO/$BAR/ww}",
        &[("FOO", "xxyy"), ("BAR", "")],
        Some("wwxxyy"),
        &["FOO", "BAR"],
        &[],
    ),
    ("${FOO//ww}", &[("FOO", "xxyy")], None, &[], &[]),
    ("${FOO//}", &[("FOO", "xxyy")], None, &[], &[]),
    ("${FOO///}", &[("FOO", "xxyy")], Some("xxyy"), &["FOO"], &[]),
    ("${FOO///}", &[], Some(""), &[], &["FOO"]),
];

#[test]
fn upstream_matches_vectors() {
    for (input, env, expected, matched, unmatched) in MATCH_CASES {
        let got = word(input, env);
        match expected {
            None => assert!(got.is_err(), "input {input:?} should fail, got {got:?}"),
            Some(want) => {
                let got = got.unwrap_or_else(|e| panic!("input {input:?}: {e}"));
                assert_eq!(got.value, *want, "input {input:?}");
                assert_eq!(got.matched, set(matched), "matched for {input:?}");
                assert_eq!(got.unmatched, set(unmatched), "unmatched for {input:?}");
            }
        }
    }
}

#[test]
fn platform_release_name() {
    let release =
        "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
    let base = [("VERSION", "v1.2.3"), ("TARGETOS", "linux")];
    let with = |extra: &[(&'static str, &'static str)]| {
        let env: Vec<_> = base.iter().chain(extra).copied().collect();
        word(release, &env).unwrap().value
    };
    assert_eq!(
        with(&[("TARGETARCH", "arm"), ("TARGETVARIANT", "v7")]),
        "something-v1.2.3.linux-arm-v7.tar.gz"
    );
    assert_eq!(
        with(&[("TARGETARCH", "arm64"), ("TARGETVARIANT", "")]),
        "something-v1.2.3.linux-arm64.tar.gz"
    );
    assert_eq!(
        with(&[("TARGETARCH", "arm64")]),
        "something-v1.2.3.linux-arm64.tar.gz"
    );
}

#[test]
fn error_messages_and_columns() {
    let cases: &[(&str, &str, usize)] = &[
        ("ab${", "syntax error: missing '}'", 2),
        ("${foo", "syntax error: missing '}'", 0),
        ("x${foo:-bar", "syntax error: missing '}'", 1),
        ("${}", "syntax error: bad substitution", 0),
        ("${:-x}", "syntax error: bad substitution", 0),
        ("${foo:=x}", "unsupported modifier (:=) in substitution", 0),
        ("${foo=x}", "unsupported modifier (=) in substitution", 0),
        ("${foo:#x}", "unsupported modifier (:#) in substitution", 0),
        ("${foo/x", "syntax error: missing '/' in ${}", 0),
        ("${foo/x/y", "syntax error: missing '}'", 0),
        (
            "a'bc",
            "unexpected end of statement while looking for matching single-quote",
            1,
        ),
        (
            "ab\"c",
            "unexpected end of statement while looking for matching double-quote",
            2,
        ),
        (
            "${foo#\\x}",
            "invalid pattern (\\x) in substitution: invalid escape '\\x'",
            0,
        ),
    ];
    for (input, message, column) in cases {
        let err = word(input, &[("foo", "v")]).unwrap_err();
        assert_eq!(
            (err.message.as_str(), err.column),
            (*message, *column),
            "input {input:?}"
        );
    }
}

#[test]
fn prefix_and_suffix_trimming() {
    let env = [("F", "dir/sub/file.tar.gz")];
    let cases = [
        ("${F#*/}", "sub/file.tar.gz"),
        ("${F##*/}", "file.tar.gz"),
        ("${F%.*}", "dir/sub/file.tar"),
        ("${F%%.*}", "dir/sub/file"),
        ("${F%/*}", "dir/sub"),
        ("${F#nomatch}", "dir/sub/file.tar.gz"),
        ("${F%??}", "dir/sub/file.tar."),
        ("${F#[d]*}", "dir/sub/file.tar.gz"), // `[` is literal, as upstream
        ("${F%\"gz\"}", "dir/sub/file.tar."),
        ("${F/sub/SUB}", "dir/SUB/file.tar.gz"),
        ("${F//?/x}", "xxxxxxxxxxxxxxxxxxx"),
        ("${F/*/x}", "x"),
        ("${F/.*/}", "dir/sub/file"),
    ];
    for (input, want) in cases {
        assert_eq!(word(input, &env).unwrap().value, want, "input {input:?}");
    }
    // Wildcards do not match a newline (Go's `.`).
    assert_eq!(word("${F##*}", &[("F", "ab\ncd")]).unwrap().value, "\ncd");
    assert_eq!(word("${F%%*}", &[("F", "ab\ncd")]).unwrap().value, "ab\n");
}

#[test]
fn replace_all_follows_go_semantics() {
    // Empty pattern: the replacement goes between every character.
    assert_eq!(word("${F///-}", &[("F", "abc")]).unwrap().value, "-a-b-c-");
    // Go's ReplaceAllString treats the replacement as a template.
    assert_eq!(
        word("${F//b/'[$0]'}", &[("F", "abc")]).unwrap().value,
        "a[b]c"
    );
    assert_eq!(
        word("${F//b/'$$x$y'}", &[("F", "abc")]).unwrap().value,
        "a$xc"
    );
    // … while the first-match form inserts it literally.
    assert_eq!(word("${F/b/'$0'}", &[("F", "abc")]).unwrap().value, "a$0c");
    // A pattern that matches both empty and non-empty text.
    assert_eq!(word("${F//*/x}", &[("F", "ab")]).unwrap().value, "x");
}

#[test]
fn backtick_escape() {
    let opts = ExpandOptions {
        escape: '`',
        ..ExpandOptions::default()
    };
    let env = Env::new(&[("V", "x")]);
    let e = |w: &str| expand_word(w, &env, opts).map(|e| e.value);
    assert_eq!(e("a`$V").unwrap(), "a$V");
    assert_eq!(e("C:\\path\\$V").unwrap(), "C:\\path\\x");
    assert_eq!(e("\"a`\"b\"").unwrap(), "a\"b");
    assert_eq!(e("\"a\\\"").unwrap(), "a\\");
    assert_eq!(e("a``b").unwrap(), "a`b");
}

#[test]
fn raw_quotes_and_escapes() {
    let env = Env::new(&[("V", "x")]);
    let heredoc = ExpandOptions {
        raw_quotes: true,
        raw_escapes: true,
        ..ExpandOptions::default()
    };
    let e = |w: &str, o| expand_word(w, &env, o).map(|e| e.value);
    assert_eq!(
        e("echo \"$V\" '$V' \\$V \\n", heredoc).unwrap(),
        "echo \"x\" '$V' \\$V \\n"
    );
    let quotes = ExpandOptions {
        raw_quotes: true,
        ..ExpandOptions::default()
    };
    assert_eq!(e("\"a\\\"b\" 'c'", quotes).unwrap(), "\"a\"b\" 'c'");
    let escapes = ExpandOptions {
        raw_escapes: true,
        ..ExpandOptions::default()
    };
    assert_eq!(e("\"a\\\"b\" 'c'", escapes).unwrap(), "a\\\"b c");
    // Nested `:-` words are processed without raw escapes, as upstream.
    assert_eq!(e("${U:-\\$V}", escapes).unwrap(), "$V");
}

#[test]
fn words_splitting() {
    let env = Env::new(&[("V", " a  b "), ("E", "")]);
    let w = |s: &str| expand_words(s, &env, ExpandOptions::default()).unwrap();
    assert_eq!(w("  x   y  "), ["x", "y"]);
    assert_eq!(w("p$V q"), ["p", "a", "b", "q"]);
    assert_eq!(w("\"$V\""), [" a  b "]);
    assert_eq!(w("a \"\" b ''"), ["a", "b"]); // quoted empty strings are dropped, as upstream
    assert_eq!(w("$E"), Vec::<String>::new());
    assert_eq!(w("a\\ b"), ["a b"]);
    assert_eq!(w("a${E:-b}c d"), ["abc", "d"]);
    assert_eq!(w("cat << EOF"), ["cat", "<< EOF"]);
}

#[test]
fn dollar_edge_cases() {
    let env = [("A", "1"), ("A_B2", "2")];
    let cases = [
        ("$", "$"),
        ("a$", "a$"),
        ("$-x", "x"),
        ("$A_B2x", ""),
        ("${A_B2}x", "2x"),
        ("$A-$A", "1-1"),
        ("\\$A", "$A"),
        ("'$A'", "$A"),
        ("\"$A\"", "1"),
        ("$1A", "A"),
        ("a<b<<c", "a<b<<c"),
    ];
    for (input, want) in cases {
        assert_eq!(word(input, &env).unwrap().value, want, "input {input:?}");
    }
}

#[test]
fn pathological_inputs_finish() {
    // Exponential for a backtracking matcher; linear-ish here.
    let value = "a".repeat(5000);
    let pattern = "*a".repeat(50) + "b";
    let input = format!("${{V//{pattern}/x}}${{V##{pattern}}}${{V%{pattern}}}");
    assert!(word(&input, &[("V", &value)]).unwrap().value == value.repeat(3));

    // Deep nesting is refused instead of overflowing the stack.
    let deep = "${a:-".repeat(100_000) + &"}".repeat(100_000);
    assert!(word(&deep, &[]).is_err());
    let ok = "${a:-".repeat(10) + "x" + &"}".repeat(10);
    assert_eq!(word(&ok, &[]).unwrap().value, "x");
}

#[test]
fn never_panics_on_noise() {
    let alphabet: Vec<char> = "${}:-+?#%/*\\`'\" \n\tab0_@<é".chars().collect();
    let env = Env::new(&[("a", "a*b?c"), ("b", ""), ("ab", "x y")]);
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20_000 {
        let len = (seed % 24) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        for escape in ['\\', '`'] {
            for (raw_quotes, raw_escapes) in [(false, false), (true, true)] {
                let opts = ExpandOptions {
                    escape,
                    raw_quotes,
                    raw_escapes,
                };
                if let Err(e) = expand_word(&s, &env, opts) {
                    assert!(e.column <= s.chars().count(), "{s:?}: {e:?}");
                }
                let _ = expand_words(&s, &env, opts);
            }
        }
        seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    }
}

#[test]
fn suffix_pattern_reversal_like_upstream() {
    // upstream's TestReversePattern vectors
    let cases = [
        ("a\\*c", "c\\*a"),
        ("\\\\\\ab", "b\\a\\\\"),
        ("ab\\", "\\ba"),
        ("👽\\🚀🖖", "🖖\\🚀👽"),
        ("\\\\b", "b\\\\"),
    ];
    for (pattern, want) in cases {
        assert_eq!(reverse_pattern(pattern), want, "pattern {pattern:?}");
    }
    // A trailing (quoted) `\` escapes the pattern's last character in `%` …
    assert_eq!(word("${V%'?\\'}", &[("V", "ab?")]).unwrap().value, "ab");
    // … and is an error in `#`.
    assert!(word("${V#'?\\'}", &[("V", "ab?")]).is_err());
}

#[test]
fn heredoc_file_bodies_treat_quotes_as_characters() {
    let env = Env::new(&[("name", "world")]);
    let e = |w: &str| expand_heredoc_file(w, &env).map(|e| e.value);
    assert_eq!(e("Hello '${name}'!").unwrap(), "Hello 'world'!");
    assert_eq!(e("\"$name\" '$name'").unwrap(), "\"world\" 'world'");
    // An unbalanced quote is content, not an unterminated string.
    assert_eq!(e("it's $name").unwrap(), "it's world");
    // Escapes are still processed, and nested words keep plain quotes.
    assert_eq!(e("\\$name ${unset:-'x'}").unwrap(), "$name 'x'");
}

#[test]
fn keeping_unset_leaves_unset_references_as_written() {
    let env = Env::new(&[("A", "1"), ("E", "")]);
    let opts = ExpandOptions {
        raw_quotes: true,
        ..Default::default()
    };
    let show = |w: &str| expand_keeping_unset(w, &env, opts).unwrap().value;
    assert_eq!(show(r#"echo "second $i""#), r#"echo "second $i""#);
    assert_eq!(show("$A ${A} $i ${i}"), "1 1 $i ${i}");
    assert_eq!(show("${i:-x} ${i+y} ${A:-x}"), "${i:-x} ${i+y} 1");
    assert_eq!(show("${i/a/b} ${i//a/b} [$E]"), "${i/a/b} ${i/a/b} []");
    // Plain expansion still drops them.
    assert_eq!(word("a$i", &[]).unwrap().value, "a");
}
