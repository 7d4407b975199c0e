//! `SOURCE_DATE_EPOCH` as upstream's frontend reads it: Unix seconds, or
//! the name of a source whose own time becomes the build's epoch —
//! `context` (the main context's Git commit or HTTP download), a named
//! context (`--build-context NAME=URL`), or a source-only stage
//! (`FROM scratch AS NAME` holding ARGs and one remote ADD). Which source a
//! value names is Dockerfile semantics and is decided here, without I/O;
//! fetching that source's time is the frontend's job (`frontend::epoch`).

use super::envlist::EnvList;
use super::gitref::{is_http_source, parse_git_ref, url_filename};
use super::stages::expand_in;
use super::{CopySource, PlanError};
use crate::dockerfile::ast::{Add, Command, Instruction};
use std::collections::BTreeMap;

/// The build arg (and meta ARG) that sets the epoch.
pub const NAME: &str = "SOURCE_DATE_EPOCH";

/// What `SOURCE_DATE_EPOCH` names.
#[derive(Debug, Clone)]
pub enum EpochSource {
    /// Unix seconds.
    Seconds(i64),
    /// `context`: the main build context. Only a remote one (Git, HTTP)
    /// has a time; a local directory gives no epoch.
    MainContext,
    /// A named context (`context:NAME`), by name.
    NamedContext(String),
    /// A source-only stage: its one remote ADD, as a [`CopySource::Http`]
    /// or [`CopySource::Git`].
    Stage { name: String, source: CopySource },
}

impl EpochSource {
    /// What the epoch is read from, for progress and errors.
    pub fn describe(&self) -> String {
        match self {
            EpochSource::Seconds(s) => s.to_string(),
            EpochSource::MainContext => "the main build context".into(),
            EpochSource::NamedContext(n) => format!("named context {n}"),
            EpochSource::Stage { name, .. } => format!("source stage {name}"),
        }
    }
}

/// Read a value that is not a number: a name that is none of `context`, a
/// named context or a stage is an error.
pub(super) fn named_source(
    value: &str,
    named_contexts: &BTreeMap<String, super::NamedContext>,
    stages: &[SourceStage<'_>],
    build_args: &BTreeMap<String, String>,
    global_args: &EnvList,
    escape: char,
) -> Result<Option<EpochSource>, PlanError> {
    if value == "context" {
        return Ok(Some(EpochSource::MainContext));
    }
    if named_contexts.contains_key(value) {
        return Ok(Some(EpochSource::NamedContext(value.to_string())));
    }
    let Some(stage) = stages.iter().find(|s| s.name.eq_ignore_ascii_case(value)) else {
        return Ok(None);
    };
    // The stage sees the global ARGs, but not the epoch it defines.
    let mut env = global_args.clone();
    env.remove(NAME);
    let source = stage_source(stage, build_args, env, escape)
        .map_err(|message| PlanError::at(stage.from.span, message))?;
    Ok(Some(EpochSource::Stage {
        name: stage.name.to_string(),
        source,
    }))
}

/// A named stage as written: its FROM and the instructions after it.
pub(super) struct SourceStage<'a> {
    pub name: &'a str,
    pub base: &'a str,
    pub from: &'a Instruction,
    pub commands: &'a [Instruction],
}

/// The one remote source of a source-only stage. Only ARG and a single
/// ADD of an HTTP(S) URL or a Git repository may appear, so that the
/// epoch depends on nothing the build itself produces.
fn stage_source(
    stage: &SourceStage<'_>,
    build_args: &BTreeMap<String, String>,
    mut env: EnvList,
    escape: char,
) -> Result<CopySource, String> {
    let base = expand_in(stage.base, &env, escape, stage.from.span).map_err(|e| e.to_string())?;
    if base != "scratch" {
        return Err("SOURCE_DATE_EPOCH stage must use FROM scratch".into());
    }
    let mut source = None;
    for ins in stage.commands {
        match &ins.command {
            Command::Arg(decls) => {
                for decl in decls {
                    if let Some(v) = build_args.get(&decl.name) {
                        env.set(&decl.name, v);
                    } else if let Some(default) = &decl.default {
                        let v = expand_in(default, &env, escape, decl.span)
                            .map_err(|e| e.to_string())?;
                        env.set(&decl.name, &v);
                    }
                }
            }
            Command::Add(add) => {
                if source.is_some() {
                    return Err(
                        "SOURCE_DATE_EPOCH stage must contain exactly one remote ADD".into(),
                    );
                }
                source = Some(add_source(add, &env, escape, ins)?);
            }
            other => {
                return Err(format!(
                    "SOURCE_DATE_EPOCH stage does not meet source-only requirements: unsupported {} instruction",
                    other.keyword()
                ));
            }
        }
    }
    source.ok_or_else(|| "SOURCE_DATE_EPOCH stage must contain exactly one remote ADD".into())
}

fn add_source(
    add: &Add,
    env: &EnvList,
    escape: char,
    ins: &Instruction,
) -> Result<CopySource, String> {
    let spec = &add.spec;
    if !spec.heredocs.is_empty() || spec.sources.len() != 1 {
        return Err("SOURCE_DATE_EPOCH stage must contain exactly one remote ADD source".into());
    }
    let expand = |w: &str| expand_in(w, env, escape, ins.span).map_err(|e| e.to_string());
    let src = expand(&spec.sources[0].value)?;
    let checksum = add
        .checksum
        .as_ref()
        .map(|c| expand(&c.value))
        .transpose()?;
    if is_http_source(&src) {
        return Ok(CopySource::Http {
            filename: url_filename(&src),
            url: src,
            checksum,
            unpack: false,
        });
    }
    match parse_git_ref(&src) {
        Ok(Some(g)) => Ok(CopySource::Git {
            remote: g.remote,
            reference: g.reference,
            subdir: g.subdir,
            keep_git_dir: add.keep_git_dir || g.keep_git_dir == Some(true),
            checksum: checksum.or(g.checksum),
            skip_submodules: g.submodules == Some(false),
        }),
        Ok(None) => {
            Err("SOURCE_DATE_EPOCH stage source must be a single HTTP(S) or Git ADD".into())
        }
        Err(e) => Err(e),
    }
}
