//! `strata build --call check|outline|targets` (and `--check`): what
//! buildx's `--call` asks the frontend instead of a build.
//!
//! strata's frontend runs in the CLI, and these answers come from the
//! Dockerfile's text alone (no image is resolved, nothing is solved), so
//! they are computed here with the frontend's own code, without an engine:
//! `outline` and `targets` by the frontend's subrequest handler, `check` by
//! the build checks with the Dockerfile's `# check=` directive (or the
//! `BUILDKIT_DOCKERFILE_CHECK` build arg). As buildx does, `check` exits 1
//! when any check fires and 0 when none does, and the answers go to stdout.

use std::collections::BTreeMap;

use super::{BuildArgs, Prepared};
use crate::cli::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK, out};
use crate::dockerfile::lint;
use crate::frontend::subrequests;

/// The evaluation `--call` (or `--check`) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Method {
    Build,
    Check,
    Outline { json: bool },
    Targets { json: bool },
}

impl Method {
    /// buildx's `--call` value: `NAME[,format=json|text]`.
    pub(super) fn parse(value: &str, check: bool) -> Result<Method, String> {
        if check {
            return Ok(Method::Check);
        }
        let mut name = "";
        let mut json = false;
        for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some(("format", "json")) => json = true,
                Some(("format", "text")) => json = false,
                Some(_) => return Err(format!("--call {value:?}: unknown field {part:?}")),
                None => name = part,
            }
        }
        match name {
            "" | "build" => Ok(Method::Build),
            "check" | "lint" => Ok(Method::Check),
            "outline" => Ok(Method::Outline { json }),
            "targets" => Ok(Method::Targets { json }),
            other => Err(format!(
                "--call {other:?}: expected build, check, outline or targets"
            )),
        }
    }
}

/// Answer a `--call` other than build; the exit code.
pub(super) fn answer(args: &BuildArgs, p: &Prepared, method: &Method) -> i32 {
    if args.frontend != "strata" {
        eprintln!(
            "error: --call with --frontend {}: strata answers --call with its own frontend only \
             (the engine-side frontend's answer is not read back); drop --frontend",
            args.frontend
        );
        return EXIT_BAD_INPUT;
    }
    // `prepare` parsed the text already; a failure here cannot happen.
    let Ok(df) = crate::dockerfile::parse(&p.dockerfile_text) else {
        return EXIT_BAD_INPUT;
    };
    let build_args: BTreeMap<String, String> = p
        .frontend_attrs
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("build-arg:")?.to_string(), v.clone())))
        .collect();
    let (request, json) = match method {
        Method::Build => return EXIT_OK,
        Method::Check => return check(args, p, &df),
        Method::Outline { json } => (subrequests::OUTLINE, *json),
        Method::Targets { json } => (subrequests::TARGETS, *json),
    };
    match subrequests::answer(
        request,
        &df,
        &p.dockerfile_text,
        args.target.as_deref(),
        &build_args,
    ) {
        Ok(answer) => {
            let key = if json { "result.json" } else { "result.txt" };
            let text = answer
                .get(key)
                .map(|b| String::from_utf8_lossy(b).into_owned());
            out!("{}", text.unwrap_or_default());
            if json {
                out!("\n");
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_BAD_INPUT
        }
    }
}

/// The build checks, printed as buildx prints them.
fn check(args: &BuildArgs, p: &Prepared, df: &crate::dockerfile::Dockerfile) -> i32 {
    let config = match crate::frontend::build::check_config(&p.frontend_attrs, df) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let findings = lint::check(df, &p.dockerfile_text, &config);
    let file = args
        .file
        .clone()
        .unwrap_or_else(|| args.context.join("Dockerfile"));
    let lines: Vec<&str> = p.dockerfile_text.lines().collect();
    match findings.len() {
        0 => out!("Check complete, no warnings found.\n"),
        1 => out!("Check complete, 1 warning has been found!\n"),
        n => out!("Check complete, {n} warnings have been found!\n"),
    }
    for f in &findings {
        out!(
            "\nWARNING: {} - {}\n{}\n",
            f.rule.name(),
            f.rule.url(),
            f.message
        );
        let line = f.span.start.line as usize;
        if line > 0 {
            out!("{}:{line}\n--------------------\n", file.display());
            let first = line.saturating_sub(2).max(1);
            for n in first..=line.min(lines.len()) {
                let marker = if n == line { ">>>" } else { "   " };
                out!(" {n:>3} | {marker} {}\n", lines[n - 1]);
            }
            out!("--------------------\n");
        }
    }
    if findings.is_empty() {
        EXIT_OK
    } else {
        EXIT_BUILD_FAILED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_values_as_buildx_spells_them() {
        assert_eq!(Method::parse("build", false), Ok(Method::Build));
        assert_eq!(Method::parse("build", true), Ok(Method::Check));
        assert_eq!(Method::parse("check", false), Ok(Method::Check));
        assert_eq!(
            Method::parse("outline,format=json", false),
            Ok(Method::Outline { json: true })
        );
        assert_eq!(
            Method::parse("targets", false),
            Ok(Method::Targets { json: false })
        );
        assert!(Method::parse("sbom", false).is_err());
        assert!(Method::parse("targets,color=red", false).is_err());
    }
}
