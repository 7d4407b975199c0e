//! Tests for the whole parser, from text to tree.

use super::*;
use crate::dockerfile::ast::*;
use crate::dockerfile::span::{Position, Span};

fn one(text: &str) -> Instruction {
    let df = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e} at {}", e.span));
    assert_eq!(df.instructions.len(), 1, "{text:?}");
    df.instructions.into_iter().next().unwrap()
}

fn cmd(text: &str) -> Command {
    one(text).command
}

fn err(text: &str) -> SyntaxError {
    match parse(text) {
        Ok(df) => panic!("{text:?} parsed: {df:?}"),
        Err(e) => e,
    }
}

fn sp(l1: u32, c1: u32, l2: u32, c2: u32) -> Span {
    Span::new(Position::new(l1, c1), Position::new(l2, c2))
}

fn shell(s: &str) -> CommandLine {
    CommandLine::Shell(s.into())
}

fn exec(v: &[&str]) -> CommandLine {
    CommandLine::Exec(v.iter().map(|s| s.to_string()).collect())
}

fn run(text: &str) -> Run {
    match cmd(text) {
        Command::Run(r) => r,
        other => panic!("not RUN: {other:?}"),
    }
}

fn copy(text: &str) -> Copy {
    match cmd(text) {
        Command::Copy(c) => c,
        other => panic!("not COPY: {other:?}"),
    }
}

// ---- directives ----

#[test]
fn directives_at_top() {
    let df =
        parse("# syntax=docker/dockerfile:1\n# ESCAPE = `\n#check=skip=all\nFROM a\n").unwrap();
    let names: Vec<_> = df
        .directives
        .iter()
        .map(|d| (d.name.as_str(), d.value.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("syntax", "docker/dockerfile:1"),
            ("escape", "`"),
            ("check", "skip=all")
        ]
    );
    assert_eq!(df.escape, '`');
    assert_eq!(df.directive("Syntax").unwrap().span, sp(1, 1, 1, 29));
}

#[test]
fn directives_stop_at_first_other_line() {
    // A blank line, a comment, or an unknown directive ends the block.
    for text in [
        "\n# escape=`\nFROM a\n",
        "# hello\n# escape=`\nFROM a\n",
        "# strata=x\n# escape=`\nFROM a\n",
    ] {
        let df = parse(text).unwrap();
        assert!(df.directives.is_empty(), "{text:?}");
        assert_eq!(df.escape, '\\');
    }
    let df = parse("FROM a\n# escape=`\n").unwrap();
    assert!(df.directives.is_empty());
}

#[test]
fn directive_errors() {
    let e = err("# syntax=a\n# syntax=b\nFROM a\n");
    assert_eq!(e.message, "only one syntax parser directive can be used");
    assert_eq!(e.span.start, Position::new(2, 1));
    let e = err("# escape=x\nFROM a\n");
    assert_eq!(e.message, "invalid escape token 'x' does not match ` or \\");
}

// ---- lines ----

#[test]
fn continuations_comments_blank_lines() {
    let i = one("RUN apt-get update && \\\n# a comment\n\n    apt-get install -y \\\n  curl\n");
    assert_eq!(
        i.original,
        "RUN apt-get update &&     apt-get install -y   curl"
    );
    assert_eq!(i.span, sp(1, 1, 5, 7));
    let Command::Run(r) = i.command else { panic!() };
    assert_eq!(
        r.command,
        shell("apt-get update &&     apt-get install -y   curl")
    );
}

#[test]
fn escaped_escape_is_not_a_continuation() {
    let df = parse("RUN echo a\\\\\nRUN echo b\n").unwrap();
    assert_eq!(df.instructions.len(), 2);
    // Continuation at end of file just ends the instruction.
    assert_eq!(cmd("RUN echo a \\"), Command::Run(run("RUN echo a")));
}

#[test]
fn custom_escape_crlf_bom_and_indent() {
    let text = "\u{feff}# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\n  RUN dir c:\\ `\r\n    && echo hi\r\n";
    let df = parse(text).unwrap();
    assert_eq!(df.escape, '`');
    let Command::Run(r) = &df.instructions[1].command else {
        panic!()
    };
    assert_eq!(r.command, shell("dir c:\\     && echo hi"));
    assert_eq!(df.instructions[1].span, sp(3, 3, 4, 15));
}

#[test]
fn keywords_case_insensitive() {
    assert!(matches!(cmd("from alpine"), Command::From(_)));
    assert!(matches!(cmd("Run true"), Command::Run(_)));
}

#[test]
fn empty_file_is_an_error() {
    assert_eq!(err("").message, "file with no instructions");
    assert_eq!(
        err("# syntax=x\n\n# just comments\n").message,
        "file with no instructions"
    );
}

#[test]
fn unknown_instruction() {
    let e = err("FROM a\n  RUNN echo\n");
    assert_eq!(e.message, "unknown instruction: RUNN (did you mean RUN?)");
    assert_eq!(e.span, sp(2, 3, 2, 7));
    assert_eq!(e.found.as_deref(), Some("RUNN"));
    assert!(e.expected.unwrap().starts_with("one of ADD, ARG, CMD"));
}

// ---- FROM ----

#[test]
fn from_forms() {
    let Command::From(f) = cmd("FROM --platform=$BUILDPLATFORM golang:1.22 AS Build") else {
        panic!()
    };
    assert_eq!(f.image.value, "golang:1.22");
    assert_eq!(f.image.span, sp(1, 32, 1, 43));
    assert_eq!(f.stage_name.unwrap().value, "build");
    let p = f.platform.unwrap();
    assert_eq!(p.value, "$BUILDPLATFORM");
    assert_eq!(p.span, sp(1, 6, 1, 31));
    let Command::From(f) = cmd("FROM scratch") else {
        panic!()
    };
    assert!(f.stage_name.is_none() && f.platform.is_none());
}

#[test]
fn from_errors() {
    assert_eq!(
        err("FROM a b").message,
        "FROM requires either one or three arguments"
    );
    assert_eq!(
        err("FROM").message,
        "FROM requires either one or three arguments"
    );
    let e = err("FROM a AS 1st");
    assert_eq!(
        e.message,
        "invalid name for build stage: \"1st\", name can't start with a number or contain symbols"
    );
    assert_eq!(e.span, sp(1, 11, 1, 14));
    let e = err("FROM --plat=x a");
    assert_eq!(e.message, "unknown flag: --plat");
    assert_eq!(e.span, sp(1, 6, 1, 14));
    assert_eq!(e.expected.as_deref(), Some("one of --platform"));
}

// ---- RUN / CMD / ENTRYPOINT / SHELL ----

#[test]
fn run_flags_and_forms() {
    let r = run(
        "RUN --mount=type=cache,target=/root/.cache --mount=\"type=secret,id=x\" --network=none --security=insecure --device=gpu make",
    );
    assert_eq!(r.command, shell("make"));
    let mounts: Vec<_> = r.mounts.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(
        mounts,
        ["type=cache,target=/root/.cache", "type=secret,id=x"]
    );
    assert_eq!(r.network.unwrap().value, "none");
    assert_eq!(r.security.unwrap().value, "insecure");
    assert_eq!(r.devices[0].value, "gpu");
    assert_eq!(
        run(r#"RUN ["echo", "a b"]"#).command,
        exec(&["echo", "a b"])
    );
    assert_eq!(run("RUN").command, shell(""));
    assert_eq!(run("RUN []").command, exec(&[]));
}

#[test]
fn json_falls_back_to_shell_form() {
    // Not valid JSON: shell form, as upstream.
    assert_eq!(run("RUN [\"a\", 'b']").command, shell("[\"a\", 'b']"));
    assert_eq!(run("RUN [\"a\"").command, shell("[\"a\""));
    assert_eq!(run("RUN [\"a\"] && b").command, shell("[\"a\"] && b"));
    // Valid JSON that is not all strings: error.
    let e = err("CMD [\"a\", 1]");
    assert_eq!(
        e.message,
        "when using JSON array syntax, arrays must be comprised of strings only"
    );
    assert_eq!(e.span, sp(1, 5, 1, 13));
}

#[test]
fn run_flag_errors() {
    assert_eq!(
        err("RUN --network=bridge x").message,
        "invalid network mode \"bridge\""
    );
    assert_eq!(
        err("RUN --security=x y").message,
        "security \"x\" is not valid"
    );
    let e = err("RUN --mout=type=cache x");
    assert_eq!(e.message, "unknown flag: --mout (did you mean mount?)");
    assert_eq!(e.span, sp(1, 5, 1, 22));
    assert_eq!(
        err("RUN --network x").message,
        "missing a value on flag: --network"
    );
    assert_eq!(err("CMD --help").message, "unknown flag: --help");
    assert_eq!(cmd("CMD -- --help"), Command::Cmd(shell("--help")));
}

#[test]
fn cmd_entrypoint_shell() {
    assert_eq!(
        cmd("CMD [\"nginx\", \"-g\", \"daemon off;\"]"),
        Command::Cmd(exec(&["nginx", "-g", "daemon off;"]))
    );
    assert_eq!(
        cmd("ENTRYPOINT exec app"),
        Command::Entrypoint(shell("exec app"))
    );
    assert_eq!(
        cmd("SHELL [\"pwsh\", \"-c\"]"),
        Command::Shell(vec!["pwsh".into(), "-c".into()])
    );
    assert_eq!(
        err("SHELL pwsh -c").message,
        "SHELL requires the arguments to be in JSON form"
    );
    assert_eq!(
        err("SHELL []").message,
        "SHELL requires at least one argument"
    );
}

// ---- heredocs ----

#[test]
fn heredoc_run() {
    let i = one("RUN <<EOF\napt-get update\n  echo $HOME\nEOF\n");
    assert_eq!(i.original, "RUN <<EOF\napt-get update\n  echo $HOME\nEOF");
    assert_eq!(i.span, sp(1, 1, 4, 4));
    let Command::Run(r) = i.command else { panic!() };
    assert_eq!(r.command, shell("<<EOF"));
    assert_eq!(r.heredocs.len(), 1);
    let h = &r.heredocs[0];
    assert_eq!(
        (h.name.as_str(), h.content.as_str(), h.expand, h.strip_tabs),
        ("EOF", "apt-get update\n  echo $HOME\n", true, false)
    );
    assert_eq!(h.span, sp(1, 5, 4, 4));
}

#[test]
fn heredoc_variants() {
    let r = run("RUN <<-'END' python3\n\tprint('x')\n\t\tEND\n");
    assert_eq!(r.heredocs[0].content, "print('x')\n");
    assert!(!r.heredocs[0].expand && r.heredocs[0].strip_tabs);
    let r = run("RUN <<\"A\" <<B cat\n$x\nA\ny\nB\n");
    assert_eq!(r.heredocs.len(), 2);
    assert_eq!(
        (r.heredocs[0].content.as_str(), r.heredocs[0].expand),
        ("$x\n", false)
    );
    assert_eq!(
        (r.heredocs[1].content.as_str(), r.heredocs[1].expand),
        ("y\n", true)
    );
    // CRLF bodies are kept as written; the terminator may end in CRLF.
    let r = run("RUN <<EOF\r\na\r\nEOF\r\n");
    assert_eq!(r.heredocs[0].content, "a\r\n");
    // Comment-looking and blank lines are body text.
    let r = run("RUN <<EOF\n# not a comment\n\nEOF\n");
    assert_eq!(r.heredocs[0].content, "# not a comment\n\n");
}

#[test]
fn heredoc_copy_and_limits() {
    let c = copy("COPY --chmod=755 <<one.sh <<two.sh /usr/bin/\necho 1\none.sh\necho 2\ntwo.sh\n");
    assert!(c.spec.sources.is_empty());
    assert_eq!(c.spec.dest.value, "/usr/bin/");
    let names: Vec<_> = c.spec.heredocs.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names, ["one.sh", "two.sh"]);
    // Only RUN/COPY/ADD in shell form look for heredocs.
    let df = parse("FROM a\nUSER <<X\nX\n").unwrap_err();
    assert_eq!(df.message, "unknown instruction: X");
    let r = run("RUN [\"cat\", \"<<EOF\"]");
    assert!(r.heredocs.is_empty());
    let r = run("RUN echo \"<<EOF\"");
    assert!(r.heredocs.is_empty());
    assert_eq!(
        err("COPY a <<EOF\nx\nEOF\n").message,
        "COPY cannot accept a heredoc as a destination"
    );
}

#[test]
fn heredoc_unterminated() {
    let e = err("FROM a\nRUN  cat <<EOF\nhello\n");
    assert_eq!(e.message, "unterminated heredoc");
    assert_eq!(e.span, sp(2, 10, 2, 15));
}

#[test]
fn heredoc_in_onbuild() {
    let Command::OnBuild {
        trigger,
        expression,
    } = cmd("ONBUILD RUN <<EOF\necho hi\nEOF\n")
    else {
        panic!()
    };
    assert_eq!(expression, "RUN <<EOF\necho hi\nEOF");
    assert_eq!(trigger.original, expression);
    let Command::Run(r) = trigger.command else {
        panic!()
    };
    assert_eq!(r.heredocs[0].content, "echo hi\n");
    assert_eq!(trigger.span, sp(1, 9, 3, 4));
}

// ---- COPY / ADD ----

#[test]
fn copy_add_flags() {
    let c = copy(
        "COPY --from=build --chown=1:1 --chmod=644 --link --parents --exclude=*.md --exclude=.git a b /dst/",
    );
    assert_eq!(c.from.unwrap().value, "build");
    assert_eq!(c.spec.chown.unwrap().value, "1:1");
    assert_eq!(c.spec.chmod.unwrap().value, "644");
    assert!(c.spec.link && c.spec.parents);
    assert_eq!(c.spec.exclude.len(), 2);
    let srcs: Vec<_> = c.spec.sources.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(srcs, ["a", "b"]);
    assert_eq!(c.spec.sources[1].span, sp(1, 92, 1, 93));
    let Command::Add(a) = cmd(
        "ADD --checksum=sha256:abc --keep-git-dir=true --unpack=false --link=false https://x/y.tgz /y",
    ) else {
        panic!()
    };
    assert_eq!(a.checksum.unwrap().value, "sha256:abc");
    assert!(a.keep_git_dir && !a.spec.link);
    assert_eq!(a.unpack, Some(false));
    let c = copy("COPY [\"a b\", \"/c d/\"]");
    assert_eq!(c.spec.sources[0].value, "a b");
    assert_eq!(c.spec.dest.value, "/c d/");
}

#[test]
fn copy_add_errors() {
    let e = err("COPY onlyone");
    assert_eq!(
        e.message,
        "COPY requires at least two arguments, but only one was provided. Destination could not be determined"
    );
    assert_eq!(e.span, sp(1, 1, 1, 13));
    let e = err("ADD --from=x a b");
    assert_eq!(e.message, "unknown flag: --from");
    assert!(e.expected.unwrap().contains("--checksum"));
    assert_eq!(
        err("COPY --link=maybe a b").message,
        "expecting boolean value for flag --link, not: maybe"
    );
    assert_eq!(
        err("COPY --from=a --from=b a b").message,
        "duplicate flag specified: --from"
    );
}

// ---- ENV / LABEL / ARG ----

#[test]
fn env_forms() {
    let Command::Env(kv) = cmd("ENV A=1 B=\"two words\" C=three\\ words D=") else {
        panic!()
    };
    let pairs: Vec<_> = kv
        .iter()
        .map(|k| (k.key.as_str(), k.value.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("A", "1"),
            ("B", "\"two words\""),
            ("C", "three\\ words"),
            ("D", "")
        ]
    );
    assert_eq!(kv[1].span, sp(1, 9, 1, 22));
    let Command::Env(kv) = cmd("ENV PATH  /usr/bin:$PATH more") else {
        panic!()
    };
    assert_eq!(
        (kv[0].key.as_str(), kv[0].value.as_str()),
        ("PATH", "/usr/bin:$PATH more")
    );
}

#[test]
fn env_label_errors() {
    let e = err("ENV A=\"open");
    assert_eq!(
        e.message,
        "unexpected end of statement while looking for matching double-quote"
    );
    assert_eq!(e.span, sp(1, 7, 1, 12));
    assert_eq!(
        err("LABEL a='x").message,
        "unexpected end of statement while looking for matching single-quote"
    );
    assert_eq!(err("ENV A").message, "ENV must have two arguments");
    assert_eq!(err("ENV").message, "ENV requires at least one argument");
    assert_eq!(
        err("ENV A=1 B").message,
        "Syntax error - can't find = in \"B\". Must be of the form: name=value"
    );
    assert_eq!(err("LABEL =x").message, "LABEL names can not be blank");
    assert_eq!(err("ENV --x A=1").message, "unknown flag: --x");
}

#[test]
fn labels_and_args() {
    let Command::Label(kv) = cmd("LABEL org.opencontainers.image.title=\"strata\" version=1")
    else {
        panic!()
    };
    assert_eq!(kv[0].key, "org.opencontainers.image.title");
    assert_eq!(kv[0].value, "\"strata\"");
    let Command::Arg(a) = cmd("ARG GO_VERSION=1.22 TARGETOS TARGETARCH EMPTY=") else {
        panic!()
    };
    let decls: Vec<_> = a
        .iter()
        .map(|d| (d.name.as_str(), d.default.as_deref()))
        .collect();
    assert_eq!(
        decls,
        [
            ("GO_VERSION", Some("1.22")),
            ("TARGETOS", None),
            ("TARGETARCH", None),
            ("EMPTY", Some(""))
        ]
    );
    assert_eq!(a[1].span, sp(1, 21, 1, 29));
    assert_eq!(err("ARG").message, "ARG requires at least one argument");
    assert_eq!(err("ARG =x").message, "ARG names can not be blank");
}

// ---- the rest ----

#[test]
fn simple_instructions() {
    assert_eq!(cmd("WORKDIR /app dir"), Command::Workdir("/app dir".into()));
    assert_eq!(cmd("USER 1000:1000"), Command::User("1000:1000".into()));
    assert_eq!(
        cmd("STOPSIGNAL SIGTERM"),
        Command::StopSignal("SIGTERM".into())
    );
    assert_eq!(
        cmd("MAINTAINER Jane <j@x>"),
        Command::Maintainer("Jane <j@x>".into())
    );
    assert_eq!(
        cmd("EXPOSE 80/tcp  443"),
        Command::Expose(vec!["80/tcp".into(), "443".into()])
    );
    assert_eq!(
        cmd("VOLUME /a /b"),
        Command::Volume(vec!["/a".into(), "/b".into()])
    );
    assert_eq!(
        cmd("VOLUME [\"/data\"]"),
        Command::Volume(vec!["/data".into()])
    );
    assert_eq!(
        err("WORKDIR").message,
        "WORKDIR requires exactly one argument"
    );
    assert_eq!(
        err("EXPOSE").message,
        "EXPOSE requires at least one argument"
    );
    assert_eq!(
        err("VOLUME [\" \"]").message,
        "VOLUME specified can not be an empty string"
    );
    assert_eq!(err("USER --x y").message, "unknown flag: --x");
}

#[test]
fn healthcheck_forms() {
    let Command::Healthcheck(Healthcheck::Check {
        command,
        interval,
        retries,
        start_interval,
        ..
    }) = cmd(
        "HEALTHCHECK --interval=30s --retries=3 --start-interval=1s CMD curl -f http://localhost/",
    )
    else {
        panic!()
    };
    assert_eq!(command, shell("curl -f http://localhost/"));
    assert_eq!(interval.unwrap().value, "30s");
    assert_eq!(retries.unwrap().value, "3");
    assert_eq!(start_interval.unwrap().value, "1s");
    let Command::Healthcheck(Healthcheck::Check { command, .. }) = cmd("HEALTHCHECK cmd [\"/ok\"]")
    else {
        panic!()
    };
    assert_eq!(command, exec(&["/ok"]));
    assert_eq!(
        cmd("HEALTHCHECK none"),
        Command::Healthcheck(Healthcheck::Disable)
    );
}

#[test]
fn healthcheck_errors() {
    assert_eq!(
        err("HEALTHCHECK").message,
        "HEALTHCHECK requires at least one argument"
    );
    assert_eq!(
        err("HEALTHCHECK NONE x").message,
        "HEALTHCHECK NONE takes no arguments"
    );
    assert_eq!(
        err("HEALTHCHECK CMD").message,
        "Missing command after HEALTHCHECK CMD"
    );
    assert_eq!(
        err("HEALTHCHECK RUN x").message,
        "Unknown type \"RUN\" in HEALTHCHECK (try CMD)"
    );
    let e = err("HEALTHCHECK --interval=5 CMD x");
    assert_eq!(e.message, "time: missing unit in duration \"5\"");
    assert_eq!(e.span, sp(1, 13, 1, 25));
    assert_eq!(
        err("HEALTHCHECK --timeout=10us CMD x").message,
        "Interval \"timeout\" cannot be less than 1ms"
    );
    assert_eq!(
        err("HEALTHCHECK --retries=-1 CMD x").message,
        "--retries cannot be negative (-1)"
    );
    assert_eq!(
        err("HEALTHCHECK --retries=x CMD x").message,
        "strconv.ParseInt: parsing \"x\": invalid syntax"
    );
    assert_eq!(
        err("HEALTHCHECK --bogus=1 CMD x").message,
        "unknown flag: --bogus"
    );
}

#[test]
fn onbuild() {
    let Command::OnBuild {
        trigger,
        expression,
    } = cmd("ONBUILD   copy --from=x . /app")
    else {
        panic!()
    };
    assert_eq!(expression, "copy --from=x . /app");
    assert!(matches!(trigger.command, Command::Copy(_)));
    assert_eq!(trigger.span, sp(1, 11, 1, 31));
    assert_eq!(
        err("ONBUILD ONBUILD RUN x").message,
        "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
    );
    assert_eq!(
        err("ONBUILD from x").message,
        "FROM isn't allowed as an ONBUILD trigger"
    );
    assert_eq!(
        err("ONBUILD MAINTAINER x").message,
        "MAINTAINER isn't allowed as an ONBUILD trigger"
    );
    assert_eq!(
        err("ONBUILD").message,
        "ONBUILD requires at least one argument"
    );
}

#[test]
fn upstream_quirks_kept() {
    // Flags on ARG and STOPSIGNAL are ignored upstream, as are flags on HEALTHCHECK NONE.
    assert!(matches!(cmd("ARG --x=y A"), Command::Arg(_)));
    assert_eq!(cmd("STOPSIGNAL --x 9"), Command::StopSignal("9".into()));
    assert_eq!(
        cmd("HEALTHCHECK --whatever NONE"),
        Command::Healthcheck(Healthcheck::Disable)
    );
    // Shell-form COPY does not understand quotes; expansion handles each word.
    let c = copy("COPY \"a b\" c");
    let srcs: Vec<_> = c.spec.sources.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(srcs, ["\"a", "b\""]);
}

#[test]
fn never_panics_on_odd_input() {
    let inputs = [
        "\\",
        "`",
        "#",
        "# escape=`\n`",
        "RUN \\",
        "RUN <<",
        "RUN <<\"",
        "COPY <<",
        "FROM\u{a0}x",
        "RUN ['",
        "ENV '",
        "ENV \"\\",
        "ARG a=\"\\",
        "RUN --\"",
        "RUN --mount=\"x",
        "\u{feff}",
        "\r\n\r\n",
        "HEALTHCHECK CMD [",
        "ONBUILD RUN <<E",
        "RUN <<E\n",
        "ONBUILD ONBUILD",
        "LABEL \u{1F600}=\u{1F600}",
        "RUN é\\\n\\\nx",
    ];
    for text in inputs {
        let _ = parse(text);
    }
}

#[test]
fn the_syntax_directive_is_read_without_parsing_the_rest() {
    use crate::dockerfile::parser::syntax_directive;
    let d = syntax_directive("#syntax=foobar\nfrom alpine\n").expect("found");
    assert_eq!((d.value.as_str(), d.span.start.line), ("foobar", 1));
    let d = syntax_directive("# escape=`\n# syntax = reg/fe:1 --x\nFROM a\n").expect("found");
    assert_eq!((d.value.as_str(), d.span.start.line), ("reg/fe:1 --x", 2));
    // Another frontend's syntax need not parse here.
    assert!(syntax_directive("# syntax=x\nNOT AN {{ instruction\n").is_some());
    assert!(syntax_directive("FROM a\n# syntax=x\n").is_none());
    assert!(syntax_directive("# hello\n# syntax=x\n").is_none());
}
