//! COPY and ADD: sources from the context, a stage, git or http, heredocs,
//! `--parents`, `--chown`/`--chmod`, `--exclude` and `--link`.

use std::collections::BTreeSet;

use super::{DispatchContext, display_text, instruction_text};
use crate::dockerfile::ast::{Add, Copy, CopySpec, Instruction};
use crate::dockerfile::expand::expand_heredoc_file;
use crate::llb::file::{CopyMode, resolve_path};
use crate::paths::clean as clean_path;
use crate::plan::gitref::{is_http_source, parse_git_ref, url_filename};
use crate::plan::stages::StageState;
use crate::plan::{CopySource, CopyStep, FsRef, PlanError, Step, StepOp};

pub(super) enum CopyKind<'a> {
    Copy(&'a Copy),
    Add(&'a Add),
}

fn parse_chmod(v: &str) -> Result<CopyMode, String> {
    let non_octal = || {
        format!("invalid chmod parameter: '{v}'. it should be octal string and between 0 and 07777")
    };
    // A value that starts like a number is meant as octal (`64a` too): it
    // gets upstream's octal error rather than a symbolic-mode one.
    if v.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let n = u32::from_str_radix(v, 8).map_err(|_| non_octal())?;
        if n > 0o7777 {
            return Err(non_octal());
        }
        return Ok(CopyMode::Octal(n));
    }
    // Symbolic: comma-separated clauses of [ugoa]*([-+=]([rwxXst]*|[ugo]))+
    for clause in v.split(',') {
        let b = clause.as_bytes();
        let mut i = 0;
        while i < b.len() && b"ugoa".contains(&b[i]) {
            i += 1;
        }
        if i == b.len() {
            return Err(format!("invalid chmod parameter: '{v}': missing operator"));
        }
        while i < b.len() {
            if !b"+-=".contains(&b[i]) {
                return Err(format!(
                    "invalid chmod parameter: '{v}': unexpected {:?}",
                    b[i] as char
                ));
            }
            i += 1;
            while i < b.len() && b"rwxXstugo".contains(&b[i]) {
                i += 1;
            }
        }
    }
    if v.is_empty() {
        return Err(non_octal());
    }
    Ok(CopyMode::Symbolic(v.to_string()))
}

fn contains_wildcards(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'*' | b'?' | b'[' => return true,
            b'\\' => i += 1,
            _ => {}
        }
        i += 1;
    }
    false
}

pub(super) fn dispatch_copy(
    st: &mut StageState,
    ins: &Instruction,
    kind: CopyKind,
    ctx: &DispatchContext,
    context_paths: &mut BTreeSet<String>,
) -> Result<(), PlanError> {
    let span = ins.span;
    let (spec, is_add): (&CopySpec, bool) = match &kind {
        CopyKind::Copy(c) => (&c.spec, false),
        CopyKind::Add(a) => (&a.spec, true),
    };
    let env = st.env.clone();
    let chown = match &spec.chown {
        Some(c) => Some(ctx.expand(&c.value, &env, c.span)?).filter(|s| !s.is_empty()),
        None => None,
    };
    let chmod_raw = match &spec.chmod {
        Some(c) => {
            Some((ctx.expand(&c.value, &env, c.span)?, c.span)).filter(|(s, _)| !s.is_empty())
        }
        None => None,
    };
    let mode = match &chmod_raw {
        Some((v, s)) => Some(parse_chmod(v).map_err(|e| {
            PlanError::at(*s, e)
                .found(v.clone())
                .expected("an octal mode like 0755 or a symbolic mode like u+x")
        })?),
        None => None,
    };
    let mut sources_raw = Vec::new();
    for s in &spec.sources {
        sources_raw.push((ctx.expand(&s.value, &env, s.span)?, s.span));
    }
    let dest_raw = ctx.expand(&spec.dest.value, &env, spec.dest.span)?;
    let dest = {
        let p = if dest_raw == "." || dest_raw.is_empty() {
            "./"
        } else {
            dest_raw.as_str()
        };
        resolve_path(&st.cwd, p, true)
    };
    let (from, checksum, keep_git_dir, unpack_flag) = match &kind {
        CopyKind::Copy(c) => (c.from.clone(), None, None, None),
        CopyKind::Add(a) => {
            let sum = match &a.checksum {
                Some(c) => Some((ctx.expand(&c.value, &env, c.span)?, c.span))
                    .filter(|(s, _)| !s.is_empty()),
                None => None,
            };
            (None, sum, Some(a.keep_git_dir), a.unpack)
        }
    };
    let parents = spec.parents && !is_add;
    let source_fs = match &from {
        Some(f) => ctx.stage_ref(&f.value, &st.stage_name, f.span)?,
        None => FsRef::Context,
    };
    if let Some((_, s)) = &checksum {
        if sources_raw.len() != 1 {
            return Err(PlanError::at(
                *s,
                "checksum can't be specified for multiple sources",
            ));
        }
        let src = &sources_raw[0].0;
        if !is_http_source(src) && !matches!(parse_git_ref(src), Ok(Some(_))) {
            return Err(
                PlanError::at(*s, "checksum requires HTTP(S) or Git sources").found(src.clone()),
            );
        }
    }

    let mut history = String::from(if is_add { "ADD" } else { "COPY" });
    if parents {
        history.push_str(" --parents");
    }
    if let Some(c) = &chown {
        history.push_str(&format!(" --chown={c}"));
    }
    if let Some((c, _)) = &chmod_raw {
        history.push_str(&format!(" --chmod={c}"));
    }

    let mut sources = Vec::new();
    for (src, sspan) in &sources_raw {
        history.push(' ');
        history.push_str(src);
        let git = parse_git_ref(src).map_err(|e| PlanError::at(*sspan, e).found(src.clone()))?;
        if let Some(g) = git.filter(|_| from.is_none()) {
            if !is_add {
                return Err(PlanError::at(*sspan, "source can't be a git ref for COPY")
                    .found(src.clone())
                    .expected("a path in the build context, or use ADD"));
            }
            let keep = match (keep_git_dir, g.keep_git_dir) {
                (Some(true), Some(false)) => {
                    return Err(PlanError::at(
                        *sspan,
                        "inconsistent keep-git-dir configuration",
                    ));
                }
                (_, Some(k)) => k,
                (Some(k), None) => k,
                (None, None) => false,
            };
            let sum = match (&checksum, &g.checksum) {
                (Some((a, _)), Some(b)) if a != b => {
                    return Err(PlanError::at(
                        *sspan,
                        format!("checksum mismatch {a:?} != {b:?}"),
                    ));
                }
                (Some((a, _)), _) => Some(a.clone()),
                (None, b) => b.clone(),
            };
            sources.push(CopySource::Git {
                remote: g.remote,
                reference: g.reference,
                subdir: g.subdir,
                keep_git_dir: keep,
                checksum: sum,
                skip_submodules: g.submodules == Some(false),
            });
            continue;
        }
        if from.is_none() && is_http_source(src) {
            if !is_add {
                return Err(PlanError::at(*sspan, "source can't be a URL for COPY")
                    .found(src.clone())
                    .expected("a path in the build context, or use ADD"));
            }
            if let Some((c, cs)) = &checksum
                && !c.starts_with("sha256:")
                && !c.starts_with("sha384:")
                && !c.starts_with("sha512:")
            {
                return Err(
                    PlanError::at(*cs, format!("invalid checksum digest format {c:?}"))
                        .expected("sha256:<hex>"),
                );
            }
            sources.push(CopySource::Http {
                url: src.clone(),
                filename: url_filename(src),
                checksum: checksum.as_ref().map(|(c, _)| c.clone()),
                unpack: unpack_flag.unwrap_or(false),
            });
            continue;
        }
        if source_fs == FsRef::Context {
            ctx.check_ignored_source(src, is_add);
        }
        let mut path_src = src.clone();
        let mut include = Vec::new();
        let mut required = Vec::new();
        if parents {
            let (parent, pattern) = match path_src.split_once("/./") {
                Some((p, pat)) => (p.to_string(), pat.to_string()),
                None => ("/".to_string(), path_src.clone()),
            };
            let pattern_norm = clean_path(&format!("/{pattern}"));
            include.push(pattern_norm.trim_start_matches('/').to_string());
            if !contains_wildcards(&parent) && !contains_wildcards(&pattern) {
                required.push(clean_path(&format!(
                    "/{}",
                    clean_path(&format!("{parent}/{pattern}"))
                )));
            }
            path_src = parent;
        }
        let abs = clean_path(&format!("/{path_src}"));
        if source_fs == FsRef::Context {
            context_paths.insert(clean_path(&format!("/{src}")));
        }
        ctx.note_read(&source_fs, src);
        sources.push(CopySource::Fs {
            from: source_fs.clone(),
            path: abs,
            include_patterns: include,
            required_paths: required,
            unpack: unpack_flag.unwrap_or(is_add),
        });
    }
    for doc in &spec.heredocs {
        history.push_str(&format!(" <<{}", doc.name));
        let data = if doc.expand {
            expand_heredoc_file(&doc.content, &env)
                .map(|e| e.value)
                .map_err(|e| PlanError::at(doc.span, e.message))?
        } else {
            doc.content.clone()
        };
        sources.push(CopySource::Inline {
            name: doc.name.clone(),
            data: data.into_bytes(),
        });
    }
    history.push(' ');
    history.push_str(&dest_raw);
    if sources.is_empty() {
        return Err(PlanError::at(
            span,
            format!(
                "{} requires at least one source",
                if is_add { "ADD" } else { "COPY" }
            ),
        ));
    }

    let mut exclude = Vec::new();
    for e in &spec.exclude {
        exclude.push(e.value.clone());
    }
    let display = display_text(ins, &st.env);
    let name = st.progress_name(&display, false);
    st.steps.push(Step {
        op: StepOp::Copy(CopyStep {
            sources,
            dest,
            owner: chown,
            mode,
            link: spec.link,
            exclude,
            timestamp: None,
        }),
        name,
        command: instruction_text(ins),
        span,
        ignore_cache: st.ignore_cache,
        platform: st.platform.clone(),
    });
    st.commit(format!("{history} # buildkit"), true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chmod_forms() {
        assert_eq!(parse_chmod("755"), Ok(CopyMode::Octal(0o755)));
        assert_eq!(
            parse_chmod("u+x,go-w"),
            Ok(CopyMode::Symbolic("u+x,go-w".into()))
        );
        assert!(parse_chmod("99999").is_err());
        assert!(parse_chmod("u*x").is_err());
        assert_eq!(
            parse_chmod("64a"),
            Err(
                "invalid chmod parameter: '64a'. it should be octal string and between 0 and 07777"
                    .into()
            )
        );
    }
}
