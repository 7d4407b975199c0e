//! Every Dockerfile under `testdata/dockerfiles/` must parse; a few facts
//! about each are checked so a silent mis-parse shows up too.

use super::parse;
use crate::dockerfile::ast::{Command, CommandLine, Healthcheck};

fn load(name: &str) -> String {
    let path = format!("{}/testdata/dockerfiles/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn all_testdata_dockerfiles_parse() {
    let dir = format!("{}/testdata/dockerfiles", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("testdata dir") {
        let path = entry.expect("dir entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let df = parse(&text)
            .unwrap_or_else(|e| panic!("{}: {e} at {} ({:?})", path.display(), e.span, e.found));
        assert!(!df.instructions.is_empty());
        count += 1;
    }
    assert!(
        count >= 5,
        "expected the testdata Dockerfiles, found {count}"
    );
}

#[test]
fn go_multistage() {
    let df = parse(&load("go-multistage.Dockerfile")).unwrap();
    assert_eq!(
        df.directive("syntax").map(|d| d.value.as_str()),
        Some("docker/dockerfile:1")
    );
    assert_eq!(
        df.directive("check").map(|d| d.value.as_str()),
        Some("error=true")
    );
    let Command::Run(r) = &df.instructions[4].command else {
        panic!("{:?}", df.instructions[4])
    };
    assert_eq!(r.mounts.len(), 3);
    assert_eq!(r.command, CommandLine::Shell("go mod download -x".into()));
    assert_eq!(df.instructions[4].span.start.line, 9);
    assert_eq!(df.instructions[4].span.end.line, 12);
    let Command::Label(kv) = &df.instructions[7].command else {
        panic!()
    };
    assert_eq!(kv.len(), 2);
}

#[test]
fn heredocs_file() {
    let df = parse(&load("heredocs.Dockerfile")).unwrap();
    let kinds: Vec<_> = df
        .instructions
        .iter()
        .map(|i| i.command.keyword())
        .collect();
    assert_eq!(
        kinds,
        ["FROM", "RUN", "RUN", "COPY", "RUN", "ONBUILD", "ENTRYPOINT"]
    );
    let Command::Run(r) = &df.instructions[2].command else {
        panic!()
    };
    assert_eq!(
        r.heredocs[0].content,
        "echo \"tabs stripped, $HOME not expanded by BuildKit\"\n"
    );
    let Command::Copy(c) = &df.instructions[3].command else {
        panic!()
    };
    assert_eq!(c.spec.heredocs.len(), 2);
    assert!(c.spec.heredocs[0].expand && !c.spec.heredocs[1].expand);
    assert_eq!(
        c.spec.heredocs[1].content,
        "#!/bin/sh\ncurl -fsS http://localhost:8080/ || exit 1\n"
    );
    let Command::Run(r) = &df.instructions[4].command else {
        panic!()
    };
    assert_eq!(r.heredocs[0].name, "PY");
}

#[test]
fn windows_escape() {
    let df = parse(&load("windows-escape.Dockerfile")).unwrap();
    assert_eq!(df.escape, '`');
    let Command::Run(r) = &df.instructions[3].command else {
        panic!()
    };
    let CommandLine::Shell(s) = &r.command else {
        panic!()
    };
    assert!(s.ends_with("Get-ChildItem C:\\"), "{s:?}");
    assert!(!s.contains("comment"));
    let Command::Env(kv) = &df.instructions[5].command else {
        panic!()
    };
    assert_eq!(kv[1].value, "C:\\logs");
}

#[test]
fn python_misc() {
    let df = parse(&load("python-misc.Dockerfile")).unwrap();
    assert!(matches!(df.instructions[0].command, Command::From(_)));
    assert_eq!(df.instructions[0].span.start.column, 1);
    assert!(
        df.instructions
            .iter()
            .any(|i| matches!(i.command, Command::Healthcheck(Healthcheck::Disable)))
    );
    let Command::Run(r) = &df.instructions[10].command else {
        panic!("{:?}", df.instructions[10])
    };
    assert_eq!(r.network.as_ref().map(|n| n.value.as_str()), Some("host"));
    assert_eq!(r.mounts.len(), 2);
}

/// Cheap stand-in for the fuzz target: every prefix of every testdata file,
/// and each file with any one line removed, parses or errors without panicking.
#[test]
fn truncations_never_panic() {
    let dir = format!("{}/testdata/dockerfiles", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(&dir).expect("testdata dir") {
        let text = std::fs::read_to_string(entry.expect("dir entry").path()).expect("read");
        for (i, _) in text.char_indices() {
            let _ = parse(&text[..i]);
            let _ = parse(&text[i..]);
        }
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for skip in 0..lines.len() {
            let without: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect();
            let _ = parse(&without);
        }
    }
}
