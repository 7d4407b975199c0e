//! What each instruction does to a stage: its exec state (env, dir, user),
//! its image config and history, and the filesystem steps it adds.
//!
//! [`dispatch`] routes an instruction to its family: [`env`] (ENV, ARG,
//! WORKDIR, USER), [`metadata`] (the image-config-only instructions),
//! [`run`] (RUN) and [`copy`] (COPY, ADD). What they share is here: the
//! dispatch context, stage references, the shell prefix and the texts
//! upstream shows in progress and history.

mod copy;
mod env;
mod metadata;
mod run;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::envlist::EnvList;
use super::image::ImageConfig;
use super::stages::{StageDraft, StageState, expand_in};
use super::{BuildOptions, FsRef, PlanError, StageId};
use crate::dockerfile::Span;
use crate::dockerfile::ast::{Command, Instruction};
use crate::dockerfile::dockerignore::{self, Matcher};
use crate::dockerfile::expand::{ExpandOptions, VarLookup, expand_keeping_unset, expand_word};
use crate::dockerfile::lint::{Lint, copy_ignored_file, undefined_var};
use crate::dockerfile::parser::suggest;
use crate::paths::clean as clean_path;
use crate::proto::pb;
use copy::CopyKind;
use env::NON_ENV_ARGS;

/// Kept here for callers that format image timestamps (`frontend`).
pub use super::image::epoch_rfc3339;

/// What every instruction of a build can see besides its stage's state.
pub(crate) struct DispatchContext<'a> {
    pub opts: &'a BuildOptions,
    pub escape: char,
    pub global_args: &'a EnvList,
    pub by_name: &'a BTreeMap<String, StageId>,
    pub drafts: &'a [StageDraft],
    pub proxy_env: Option<pb::ProxyEnv>,
    /// Build-check findings only dispatch can make (`UndefinedVar`,
    /// `CopyIgnoredFile`), in dispatch order; the frontend reports them
    /// with the syntactic ones.
    pub lints: RefCell<Vec<Lint>>,
    /// The context's `.dockerignore`, for `CopyIgnoredFile`; `None` when
    /// there is none or it re-includes anything (a `!` pattern can bring
    /// back a file inside an excluded directory: not decidable here).
    ignore: Option<(Matcher, bool)>,
    /// Paths COPY --from and RUN --mount from= read from each stage (a
    /// stage that is only a named local context then sends just these).
    pub stage_paths: RefCell<BTreeMap<StageId, BTreeSet<String>>>,
    /// The instruction being dispatched and the ARGs its stage declared
    /// before it (a declared ARG without a value is not undefined).
    current: RefCell<(Span, BTreeSet<String>)>,
}

impl<'a> DispatchContext<'a> {
    pub fn new(
        opts: &'a BuildOptions,
        escape: char,
        global_args: &'a EnvList,
        by_name: &'a BTreeMap<String, StageId>,
        drafts: &'a [StageDraft],
        proxy_env: Option<pb::ProxyEnv>,
    ) -> Self {
        DispatchContext {
            opts,
            escape,
            global_args,
            by_name,
            drafts,
            proxy_env,
            lints: RefCell::new(Vec::new()),
            stage_paths: RefCell::new(BTreeMap::new()),
            ignore: ignore_matcher(&opts.dockerignore),
            current: RefCell::new((Span::default(), BTreeSet::new())),
        }
    }

    /// Note that a step reads `path` from `from` (when `from` is a stage).
    fn note_read(&self, from: &FsRef, path: &str) {
        if let FsRef::Stage(i) = from {
            self.stage_paths
                .borrow_mut()
                .entry(*i)
                .or_default()
                .insert(clean_path(&format!("/{path}")));
        }
    }

    /// Note a context source the `.dockerignore` excludes (upstream's
    /// `CopyIgnoredFile`): `.` and `/` only when everything is ignored.
    fn check_ignored_source(&self, source: &str, is_add: bool) {
        let Some((matcher, ignores_everything)) = &self.ignore else {
            return;
        };
        let source = clean_path(source);
        let root = source == "." || source == "/";
        if (root && *ignores_everything) || (!root && matcher.is_excluded(&source)) {
            let verb = if is_add { "Add" } else { "Copy" };
            let instruction = self.current.borrow().0;
            self.lints
                .borrow_mut()
                .push(copy_ignored_file(verb, &source, instruction));
        }
    }
}

/// See [`DispatchContext::ignore`]: the matcher, and whether a pattern
/// ignores every entry of the context root.
fn ignore_matcher(patterns: &[String]) -> Option<(Matcher, bool)> {
    let patterns: Vec<&str> = patterns
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if patterns.is_empty() || patterns.iter().any(|p| p.starts_with('!')) {
        return None;
    }
    let everything = patterns
        .iter()
        .any(|p| matches!(clean_path(p).as_str(), "*" | "**" | "**/*"));
    let matcher = Matcher::new(&dockerignore::parse(&patterns.join("\n"))).ok()?;
    Some((matcher, everything))
}

impl DispatchContext<'_> {
    /// Expand a word of the current instruction, noting the variables it
    /// uses that nothing defines (upstream's `UndefinedVar` check).
    fn expand(&self, word: &str, env: &EnvList, span: Span) -> Result<String, PlanError> {
        let expanded = expand_word(
            word,
            env,
            ExpandOptions {
                escape: self.escape,
                ..Default::default()
            },
        )
        .map_err(|e| PlanError::at(span, e.message).found(word.to_string()))?;
        let (instruction, declared) = &*self.current.borrow();
        for name in &expanded.unmatched {
            if declared.contains(name) || NON_ENV_ARGS.contains(&name.as_str()) {
                continue;
            }
            let suggestion = suggest(name, env.keys());
            self.lints
                .borrow_mut()
                .push(undefined_var(name, suggestion, *instruction));
        }
        Ok(expanded.value)
    }

    /// Expand without the check (an ARG's own name).
    fn expand_quietly(&self, word: &str, env: &EnvList, span: Span) -> Result<String, PlanError> {
        expand_in(word, env, self.escape, span)
    }

    /// A `--from` / `from=` value → the stage it names (already registered by the planner).
    fn stage_ref(&self, from: &str, current: &str, span: Span) -> Result<FsRef, PlanError> {
        if from.eq_ignore_ascii_case("scratch") {
            return Ok(FsRef::Scratch);
        }
        let id = if let Ok(i) = from.parse::<usize>() {
            Some(i)
        } else {
            self.by_name
                .get(&from.to_ascii_lowercase())
                .copied()
                .or_else(|| {
                    self.drafts
                        .iter()
                        .position(|d| d.implicit && d.base_name == from)
                })
        };
        match id {
            Some(i) if i < self.drafts.len() => {
                let cur = self
                    .drafts
                    .iter()
                    .position(|d| d.name == current || (current.is_empty() && d.name == "stage-0"));
                if let Some(c) = cur
                    && i >= c
                    && !self.drafts[i].implicit
                {
                    return Err(PlanError::at(
                        span,
                        format!(
                            "cannot copy from stage {from:?}, it needs to be defined before current stage {current:?}"
                        ),
                    ));
                }
                Ok(FsRef::Stage(i))
            }
            _ => Err(PlanError::at(span, format!("stage {from:?} not found"))),
        }
    }
}

pub(crate) fn proxy_env_from_build_args(args: &BTreeMap<String, String>) -> Option<pb::ProxyEnv> {
    let mut p = pb::ProxyEnv::default();
    let mut any = false;
    for (k, v) in args {
        let slot = match k.to_ascii_lowercase().as_str() {
            "http_proxy" => &mut p.http_proxy,
            "https_proxy" => &mut p.https_proxy,
            "ftp_proxy" => &mut p.ftp_proxy,
            "no_proxy" => &mut p.no_proxy,
            "all_proxy" => &mut p.all_proxy,
            _ => continue,
        };
        *slot = v.clone();
        any = true;
    }
    any.then_some(p)
}

/// WORKDIR semantics: relative paths are joined to the current directory.
pub(crate) fn normalize_workdir(current: &str, requested: &str) -> String {
    if requested.starts_with('/') {
        clean_path(requested)
    } else {
        clean_path(&format!(
            "{}/{requested}",
            if current.is_empty() { "/" } else { current }
        ))
    }
}

/// The stage's SHELL, else the default for the image's OS (upstream's
/// `defaultShell`: Windows images run `cmd /S /C`).
fn shell_of(image: &ImageConfig) -> Vec<String> {
    if image.config.shell.is_empty() {
        match image.os.as_str() {
            "windows" => vec!["cmd".into(), "/S".into(), "/C".into()],
            _ => vec!["/bin/sh".into(), "-c".into()],
        }
    } else {
        image.config.shell.clone()
    }
}

fn with_shell(image: &ImageConfig, args: &[String]) -> Vec<String> {
    let mut v = shell_of(image);
    v.push(args.join(" "));
    v
}

fn uppercase_first_word(s: &str) -> String {
    match s.split_once(' ') {
        Some((a, b)) => format!("{} {b}", a.to_uppercase()),
        None => s.to_uppercase(),
    }
}

/// The instruction text with variables expanded for display (errors leave it as is).
fn display_text(ins: &Instruction, env: &EnvList) -> String {
    let opts = ExpandOptions {
        escape: '\\',
        raw_quotes: true,
        raw_escapes: true,
    };
    let line = instruction_text(ins);
    let text = expand_word(&line, env, opts)
        .map(|e| e.value)
        .unwrap_or(line);
    uppercase_first_word(&text)
}

/// A RUN step's name: as [`display_text`], but a variable the stage does
/// not set (`$i` of a shell loop) stays as written rather than vanishing,
/// and the variables that secret mounts set (`secret_envs`) show as `****`
/// so a secret's name never maps to a value in the progress output.
fn run_display_text(ins: &Instruction, env: &EnvList, secret_envs: &[String]) -> String {
    let opts = ExpandOptions {
        escape: '\\',
        raw_quotes: true,
        raw_escapes: true,
    };
    let line = instruction_text(ins);
    let vars = SecretMasked { env, secret_envs };
    let text = expand_keeping_unset(&line, &vars, opts)
        .map(|e| e.value)
        .unwrap_or(line);
    uppercase_first_word(&text)
}

/// The stage's variables with secret-mount variables masked.
struct SecretMasked<'a> {
    env: &'a EnvList,
    secret_envs: &'a [String],
}

impl VarLookup for SecretMasked<'_> {
    fn lookup(&self, name: &str) -> Option<&str> {
        if self.secret_envs.iter().any(|n| n == name) {
            Some("****")
        } else {
            self.env.lookup(name)
        }
    }
}

/// The instruction as upstream prints it: its first line (heredoc bodies excluded).
fn instruction_text(ins: &Instruction) -> String {
    ins.original.lines().next().unwrap_or("").to_string()
}

pub(crate) fn dispatch(
    st: &mut StageState,
    ins: &Instruction,
    ctx: &DispatchContext,
    context_paths: &mut BTreeSet<String>,
) -> Result<(), PlanError> {
    let span = ins.span;
    *ctx.current.borrow_mut() = (
        span,
        st.build_args.iter().map(|(name, _)| name.clone()).collect(),
    );
    match &ins.command {
        Command::From(_) => Err(PlanError::at(span, "FROM inside a stage's command list")),
        Command::Maintainer(m) => metadata::maintainer(st, m),
        Command::Env(kvs) => env::env(st, ctx, kvs),
        Command::Label(kvs) => metadata::label(st, ctx, kvs),
        Command::Arg(decls) => env::arg(st, ctx, decls),
        Command::Workdir(path) => env::workdir(st, ins, ctx, path),
        Command::User(u) => env::user(st, ins, ctx, u),
        Command::Expose(ports) => metadata::expose(st, ins, ctx, ports),
        Command::Volume(vols) => metadata::volume(st, ins, ctx, vols),
        Command::StopSignal(s) => metadata::stop_signal(st, ins, ctx, s),
        Command::Shell(sh) => metadata::shell(st, ins, sh),
        Command::Cmd(cl) => metadata::cmd(st, cl),
        Command::Entrypoint(cl) => metadata::entrypoint(st, cl),
        Command::Healthcheck(h) => metadata::healthcheck_instruction(st, h),
        Command::OnBuild { expression, .. } => {
            metadata::onbuild(st, expression);
            Ok(())
        }
        Command::Run(run) => run::dispatch_run(st, ins, run, ctx, context_paths),
        Command::Copy(copy) => {
            copy::dispatch_copy(st, ins, CopyKind::Copy(copy), ctx, context_paths)
        }
        Command::Add(add) => copy::dispatch_copy(st, ins, CopyKind::Add(add), ctx, context_paths),
    }
}
