use super::*;

fn matcher(patterns: &[&str]) -> Result<Matcher, String> {
    let text = patterns.join("\n");
    Matcher::new(&parse(&text))
}

fn excluded(patterns: &[&str], path: &str) -> bool {
    matcher(patterns)
        .unwrap_or_else(|e| panic!("{patterns:?}: {e}"))
        .is_excluded(path)
}

/// moby/patternmatcher `TestMatches` (single pattern, path, excluded?).
/// The two `"/"` rows are the context root here, which is never excluded
/// (upstream's method would say `true`; its `Matches` function says `false`).
const UPSTREAM_MATCHES: &[(&str, &str, bool)] = &[
    ("**", "file", true),
    ("**", "file/", true),
    ("**/", "file", true),
    ("**/", "file/", true),
    ("**", "/", false),
    ("**/", "/", false),
    ("**", "dir/file", true),
    ("**/", "dir/file", true),
    ("**", "dir/file/", true),
    ("**/", "dir/file/", true),
    ("**/**", "dir/file", true),
    ("**/**", "dir/file/", true),
    ("dir/**", "dir/file", true),
    ("dir/**", "dir/file/", true),
    ("dir/**", "dir/dir2/file", true),
    ("dir/**", "dir/dir2/file/", true),
    ("**/dir", "dir", true),
    ("**/dir", "dir/file", true),
    ("**/dir2/*", "dir/dir2/file", true),
    ("**/dir2/*", "dir/dir2/file/", true),
    ("**/dir2/**", "dir/dir2/dir3/file", true),
    ("**/dir2/**", "dir/dir2/dir3/file/", true),
    ("**file", "file", true),
    ("**file", "dir/file", true),
    ("**/file", "dir/file", true),
    ("**file", "dir/dir/file", true),
    ("**/file", "dir/dir/file", true),
    ("**/file*", "dir/dir/file", true),
    ("**/file*", "dir/dir/file.txt", true),
    ("**/file*txt", "dir/dir/file.txt", true),
    ("**/file*.txt", "dir/dir/file.txt", true),
    ("**/file*.txt*", "dir/dir/file.txt", true),
    ("**/**/*.txt", "dir/dir/file.txt", true),
    ("**/**/*.txt2", "dir/dir/file.txt", false),
    ("**/*.txt", "file.txt", true),
    ("**/**/*.txt", "file.txt", true),
    ("a**/*.txt", "a/file.txt", true),
    ("a**/*.txt", "a/dir/file.txt", true),
    ("a**/*.txt", "a/dir/dir/file.txt", true),
    ("a/*.txt", "a/dir/file.txt", false),
    ("a/*.txt", "a/file.txt", true),
    ("a/*.txt**", "a/file.txt", true),
    ("a[b-d]e", "ae", false),
    ("a[b-d]e", "ace", true),
    ("a[b-d]e", "aae", false),
    ("a[^b-d]e", "aze", true),
    (".*", ".foo", true),
    (".*", "foo", false),
    ("abc.def", "abcdef", false),
    ("abc.def", "abc.def", true),
    ("abc.def", "abcZdef", false),
    ("abc?def", "abcZdef", true),
    ("abc?def", "abcdef", false),
    ("a\\\\", "a\\", true),
    ("**/foo/bar", "foo/bar", true),
    ("**/foo/bar", "dir/foo/bar", true),
    ("**/foo/bar", "dir/dir2/foo/bar", true),
    ("abc/**", "abc", false),
    ("abc/**", "abc/def", true),
    ("abc/**", "abc/def/ghi", true),
    ("**/.foo", ".foo", true),
    ("**/.foo", "bar.foo", false),
    ("a(b)c/def", "a(b)c/def", true),
    ("a(b)c/def", "a(b)c/xyz", false),
    ("a.|)$(}+{bc", "a.|)$(}+{bc", true),
    (
        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
        true,
    ),
    (
        "dist/*.whl",
        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
        true,
    ),
    ("a\\*b", "a*b", true),
];

/// moby/patternmatcher `matchTests` (from Go's filepath tests): `None` = bad pattern.
const UPSTREAM_GLOBS: &[(&str, &str, Option<bool>)] = &[
    ("abc", "abc", Some(true)),
    ("*", "abc", Some(true)),
    ("*c", "abc", Some(true)),
    ("a*", "a", Some(true)),
    ("a*", "abc", Some(true)),
    ("a*", "ab/c", Some(true)),
    ("a*/b", "abc/b", Some(true)),
    ("a*/b", "a/c/b", Some(false)),
    ("a*b*c*d*e*/f", "axbxcxdxe/f", Some(true)),
    ("a*b*c*d*e*/f", "axbxcxdxexxx/f", Some(true)),
    ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", Some(false)),
    ("a*b*c*d*e*/f", "axbxcxdxexxx/fff", Some(false)),
    ("a*b?c*x", "abxbbxdbxebxczzx", Some(true)),
    ("a*b?c*x", "abxbbxdbxebxczzy", Some(false)),
    ("ab[c]", "abc", Some(true)),
    ("ab[b-d]", "abc", Some(true)),
    ("ab[e-g]", "abc", Some(false)),
    ("ab[^c]", "abc", Some(false)),
    ("ab[^b-d]", "abc", Some(false)),
    ("ab[^e-g]", "abc", Some(true)),
    ("a\\*b", "a*b", Some(true)),
    ("a\\*b", "ab", Some(false)),
    ("a?b", "a☺b", Some(true)),
    ("a[^a]b", "a☺b", Some(true)),
    ("a???b", "a☺b", Some(false)),
    ("a[^a][^a][^a]b", "a☺b", Some(false)),
    ("[a-ζ]*", "α", Some(true)),
    ("*[a-ζ]", "A", Some(false)),
    ("a?b", "a/b", Some(false)),
    ("a*b", "a/b", Some(false)),
    ("[\\]a]", "]", Some(true)),
    ("[\\-]", "-", Some(true)),
    ("[x\\-]", "x", Some(true)),
    ("[x\\-]", "-", Some(true)),
    ("[x\\-]", "z", Some(false)),
    ("[\\-x]", "x", Some(true)),
    ("[\\-x]", "-", Some(true)),
    ("[\\-x]", "a", Some(false)),
    ("[]a]", "]", None),
    ("[-]", "-", None),
    ("[x-]", "x", None),
    ("[x-]", "-", None),
    ("[x-]", "z", None),
    ("[-x]", "x", None),
    ("[-x]", "-", None),
    ("[-x]", "a", None),
    ("\\", "a", None),
    ("[a-b-c]", "a", None),
    ("[", "a", None),
    ("[^", "a", None),
    ("[^bc", "a", None),
    ("a[", "a", None),
    ("a[", "ab", None),
    ("*x", "xxx", Some(true)),
];

#[test]
fn upstream_match_vectors() {
    for (pattern, path, want) in UPSTREAM_MATCHES {
        assert_eq!(
            excluded(&[pattern], path),
            *want,
            "pattern {pattern:?} path {path:?}"
        );
    }
}

#[test]
fn upstream_glob_vectors() {
    for (pattern, path, want) in UPSTREAM_GLOBS {
        let got = matcher(&[pattern]).map(|m| m.is_excluded(path)).ok();
        assert_eq!(got, *want, "pattern {pattern:?} path {path:?}");
    }
}

#[test]
fn multi_pattern_tables() {
    let cases: &[(&[&str], &str, bool)] = &[
        // upstream multiPatternTests and single-test functions
        (&["**", "!util/docker/web"], "util/docker/web/foo", false),
        (
            &["**", "!util/docker/web", "util/docker/web/foo"],
            "util/docker/web/foo",
            true,
        ),
        (
            &["**", "!dist/*.whl"],
            "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
            false,
        ),
        (&["!fileutils.go", "*.go"], "fileutils.go", true),
        (&["*.go", "!fileutils.go"], "fileutils.go", false),
        (&["docs", "!docs/README.md"], "docs/README.md", false),
        (&["docs/", "!docs/README.md"], "docs/README.md", false),
        (&["docs/*", "!docs/README.md"], "docs/README.md", false),
        (&["*.go"], ".", false),
        (&[], "any/path/there", false),
        // ours
        (&["*.md", "!README.md"], "README.md", false),
        (&["*.md", "!README.md"], "CHANGES.md", true),
        (&["*.md", "!README.md"], "docs/guide.md", false), // `*` does not cross `/`
        (&["**/*.md", "!README.md"], "docs/README.md", true),
        (&["**/*.md", "!**/README.md"], "docs/README.md", false),
        (&["node_modules"], "node_modules/a/b.js", true),
        (&["node_modules"], "src/node_modules/a.js", false),
        (&["**/node_modules"], "src/node_modules/a.js", true),
        (&["target/"], "target/debug/x", true),
        (&["target/"], "target", true),
        (&["/abs"], "abs", true),
        (&["/abs"], "x/abs", false),
        (&["./rel/x"], "rel/x", true),
        (&["a/../b"], "b/c", true),
        (&["a/../b"], "a/b", false),
        (&["a//b/./c/"], "a/b/c", true),
        (&["foo/**"], "foo", false),
        (&["foo/**"], "foo/bar/baz", true),
        (&["foo/**"], "foobar", false),
        (&["**/foo"], "a/b/foo/c", true),
        (&["*", "!keep", "keep/drop"], "keep/x", false),
        (&["*", "!keep", "keep/drop"], "keep/drop/y", true),
        (&["*", "!keep"], "other", true),
        (&["dir", "!dir/sub", "dir/sub/*.tmp"], "dir/sub/a.tmp", true),
        (
            &["dir", "!dir/sub", "dir/sub/*.tmp"],
            "dir/sub/a.txt",
            false,
        ),
        (&["dir", "!dir/sub", "dir/sub/*.tmp"], "dir/other", true),
        (&["Dockerfile*"], "Dockerfile.dev", true),
        (&["?"], "a/b", true),
        (&["[ab]/c"], "b/c/d", true),
        (&["# not a comment"], "# not a comment", false),
    ];
    for (patterns, path, want) in cases {
        assert_eq!(
            excluded(patterns, path),
            *want,
            "patterns {patterns:?} path {path:?}"
        );
    }
    // `#` only starts a comment in the first column.
    assert!(Matcher::new(&parse("  #x")).unwrap().is_excluded("#x"));
    // Paths are cleaned before matching.
    assert!(excluded(&["a/b"], "./a//b/"));
    assert!(excluded(&["a/b"], "/a/b"));
}

#[test]
fn parse_like_ignorefile() {
    let text = "\u{FEFF}test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! \r\n  spaced/  \r\n./x/../y//z/\n/\n..\n../up\n";
    let patterns = parse(text);
    assert_eq!(
        to_exclude_patterns(&patterns),
        [
            "test1",
            "test2",
            "a/file/here",
            "lastfile",
            "!inverted/abs/path",
            "!",
            "!",
            "spaced",
            "y/z",
            "/",
            "..",
            "../up"
        ]
    );
    assert_eq!(
        patterns[4],
        IgnorePattern {
            pattern: "inverted/abs/path".into(),
            negated: true
        }
    );
    // A bare `!` is rejected when compiling.
    assert_eq!(
        Matcher::new(&patterns).unwrap_err(),
        "illegal exclusion pattern: \"!\""
    );
    assert!(parse("").is_empty());
    assert!(parse("# only\n\n   \n").is_empty());
}

#[test]
fn clean_like_go() {
    let cases = [
        ("", "."),
        (".", "."),
        ("/", "/"),
        ("//", "/"),
        ("a/", "a"),
        ("./a", "a"),
        ("a/./b", "a/b"),
        ("a/../b", "b"),
        ("a/..", "."),
        ("../a", "../a"),
        ("../../a/../b", "../../b"),
        ("/../a", "/a"),
        ("a//b///c", "a/b/c"),
    ];
    for (input, want) in cases {
        assert_eq!(clean(input), want, "clean({input:?})");
    }
}

#[test]
fn dockerfile_specific_name() {
    assert_eq!(for_dockerfile("Dockerfile"), "Dockerfile.dockerignore");
    assert_eq!(
        for_dockerfile("Dockerfile.dev"),
        "Dockerfile.dev.dockerignore"
    );
    assert_eq!(
        for_dockerfile("ci/app.Dockerfile"),
        "ci/app.Dockerfile.dockerignore"
    );
}

#[test]
fn pathological_patterns_are_fast() {
    let pattern = "*a".repeat(40) + "b";
    let path = "a".repeat(4000);
    assert!(!excluded(&[&pattern], &path));
    let pattern = "**/".repeat(40) + "x";
    let path = "d/".repeat(200) + "y";
    assert!(!excluded(&[&pattern], &path));
}

#[test]
fn never_panics_on_noise() {
    let alphabet: Vec<char> = "*?[]^-!\\/.ab# \nα".chars().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..5_000 {
        let mut s = String::new();
        for _ in 0..(next() % 16) {
            s.push(alphabet[(next() % alphabet.len() as u64) as usize]);
        }
        let patterns = parse(&s);
        if let Ok(m) = Matcher::new(&patterns) {
            for path in ["a", "a/b", "ab/a.b", "", "/", "..", "α/[", "a\nb/c"] {
                let _ = m.is_excluded(path);
            }
        }
    }
}

#[test]
fn matcher_sees_the_strings_buildkit_sees() {
    // `/!x` cleans to `!x`, which upstream's matcher reads as a re-include.
    assert!(!excluded(&["*", "/!x"], "x"));
    // `!/` cleans to `!`: an error upstream.
    assert!(matcher(&["!/"]).is_err());
    assert!(matcher(&["/!"]).is_err());
}
