//! What each instruction does to a stage: its exec state (env, dir, user),
//! its image config and history, and the filesystem steps it adds.

use std::collections::{BTreeMap, BTreeSet};

use super::envlist::EnvList;
use super::gitref::{is_http_source, parse_git_ref, url_filename};
use super::image::{Empty, Healthcheck, History, ImageConfig, env_set};
use super::planner::{StageDraft, expand_in};
use super::platform::Platform;
use super::{
    BuildOptions, CopySource, CopyStep, FsRef, PlanError, RunMountPlan, RunStep, StageId, Step,
    StepOp,
};
use crate::dockerfile::Span;
use crate::dockerfile::ast::{
    Add, Command, CommandLine, Copy, CopySpec, Healthcheck as HealthcheckAst, Instruction, Run,
    Spanned,
};
use crate::dockerfile::expand::{ExpandOptions, expand_heredoc_file, expand_word, expand_words};
use crate::dockerfile::mount::{CacheSharing, MountType, parse_mount};
use crate::llb::exec::NetworkMode;
use crate::llb::file::{CopyMode, clean_path, resolve_path};
use crate::proto::pb;

const HISTORY_COMMENT: &str = "buildkit.dockerfile.v0";
/// Build args that never become environment variables.
const NON_ENV_ARGS: &[&str] = &["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];

/// The evolving state of one stage while its instructions are dispatched.
#[derive(Debug, Clone)]
pub(crate) struct StageState {
    pub env: EnvList,
    pub cwd: String,
    pub user: String,
    pub hostname: String,
    pub network: NetworkMode,
    pub image: ImageConfig,
    pub platform: Platform,
    /// Declared ARGs in order, with their values (for RUN history).
    pub build_args: Vec<(String, Option<String>)>,
    pub steps: Vec<Step>,
    pub stage_name: String,
    pub prefix_platform: bool,
    pub cmd_index: usize,
    pub cmd_total: usize,
    pub cmd_is_onbuild: bool,
    /// Whether CMD was set in this stage (ENTRYPOINT then keeps it).
    pub cmd_set: bool,
    pub ignore_cache: bool,
    pub epoch: Option<i64>,
}

impl StageState {
    pub fn new(image: ImageConfig, platform: Platform) -> StageState {
        StageState {
            env: EnvList::new(),
            cwd: "/".into(),
            user: String::new(),
            hostname: String::new(),
            network: NetworkMode::Sandbox,
            image,
            platform,
            build_args: Vec::new(),
            steps: Vec::new(),
            stage_name: String::new(),
            prefix_platform: false,
            cmd_index: 0,
            cmd_total: 0,
            cmd_is_onbuild: false,
            cmd_set: false,
            ignore_cache: false,
            epoch: None,
        }
    }

    /// `[stage 2/5] RUN …` like upstream's progress names; `advance` is
    /// false only when a second vertex shares the previous number.
    pub fn progress_name(&mut self, text: &str, repeat: bool) -> String {
        if self.cmd_total == 0 {
            return text.to_string();
        }
        let mut out = String::from("[");
        if self.prefix_platform {
            out.push_str(&self.platform.to_string());
            out.push(' ');
        }
        if !self.stage_name.is_empty() {
            out.push_str(&self.stage_name);
            out.push(' ');
        }
        if !repeat {
            self.cmd_index += 1;
        }
        let width = 1 + (self.cmd_total as f64).log10().floor() as usize;
        out.push_str(&format!("{:>width$}/{}] ", self.cmd_index, self.cmd_total));
        if self.cmd_is_onbuild {
            out.push_str("ONBUILD ");
        }
        out.push_str(text);
        out
    }

    fn commit(&mut self, created_by: String, with_layer: bool) {
        self.image.history.push(History {
            created: self.epoch.map(epoch_rfc3339),
            created_by,
            comment: HISTORY_COMMENT.into(),
            empty_layer: !with_layer,
            ..Default::default()
        });
    }
}

/// RFC 3339 UTC time for a Unix epoch (no external time crate needed for this one format).
pub fn epoch_rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

pub(crate) struct DispatchContext<'a> {
    pub opts: &'a BuildOptions,
    pub escape: char,
    pub global_args: &'a EnvList,
    pub by_name: &'a BTreeMap<String, StageId>,
    pub drafts: &'a [StageDraft],
    pub proxy_env: Option<pb::ProxyEnv>,
}

impl DispatchContext<'_> {
    fn expand(&self, word: &str, env: &EnvList, span: Span) -> Result<String, PlanError> {
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

/// Go's `%q` of a string.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `%q` of a `[]string`: `["a" "b"]`.
fn go_quote_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| go_quote(s))
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// Go's `%v` of a `[]string`: `[a b]`.
fn go_list(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
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
    match &ins.command {
        Command::From(_) => Err(PlanError::at(span, "FROM inside a stage's command list")),
        Command::Maintainer(m) => {
            st.image.author = m.clone();
            st.commit(format!("MAINTAINER {m}"), false);
            Ok(())
        }
        Command::Env(kvs) => {
            let mut msg = String::from("ENV");
            // Every word is expanded against the environment from before
            // this instruction (`ENV A=2 B=$A` gives B the old A), as upstream.
            let mut assignments = Vec::with_capacity(kvs.len());
            for kv in kvs {
                let key = ctx.expand(&kv.key, &st.env, kv.span)?;
                let value = ctx.expand(&kv.value, &st.env, kv.span)?;
                assignments.push((key, value));
            }
            for (key, value) in &assignments {
                msg.push(' ');
                msg.push_str(key);
                msg.push('=');
                msg.push_str(value);
                st.env.set(key, value);
                env_set(&mut st.image.config.env, key, value);
            }
            st.commit(msg, false);
            Ok(())
        }
        Command::Label(kvs) => {
            let mut msg = String::from("LABEL");
            for kv in kvs {
                let key = ctx.expand(&kv.key, &st.env, kv.span)?;
                let value = ctx.expand(&kv.value, &st.env, kv.span)?;
                msg.push_str(&format!(" {key}={value}"));
                st.image
                    .config
                    .labels
                    .get_or_insert_with(BTreeMap::new)
                    .insert(key, value);
            }
            st.commit(msg, false);
            Ok(())
        }
        Command::Arg(decls) => {
            let mut parts = Vec::new();
            for decl in decls {
                let key = ctx.expand(&decl.name, &st.env, decl.span)?;
                let provided = ctx.opts.build_args.get(&key).cloned();
                let mut value: Option<String> = None;
                if let Some(v) = provided {
                    value = Some(v);
                } else if let Some(d) = &decl.default {
                    value = Some(ctx.expand(d, &st.env, decl.span)?);
                } else if let Some(g) = ctx.global_args.get(&key) {
                    value = Some(g.to_string());
                }
                if let Some(v) = &value
                    && !NON_ENV_ARGS.contains(&key.as_str())
                {
                    st.env.set(&key, v);
                }
                parts.push(match &value {
                    Some(v) => format!("{key}={v}"),
                    None => key.clone(),
                });
                st.build_args.push((key, value));
            }
            st.commit(format!("ARG {}", parts.join(" ")), false);
            Ok(())
        }
        Command::Workdir(path) => {
            let expanded = ctx.expand(path, &st.env, span)?;
            if expanded.is_empty() {
                return Err(
                    PlanError::at(span, "WORKDIR cannot be empty").expected("a directory path")
                );
            }
            let wd = normalize_workdir(&st.image.config.working_dir, &expanded);
            st.image.config.working_dir = wd.clone();
            st.cwd = wd.clone();
            let with_layer = wd != "/";
            if with_layer {
                let text = display_text(ins, &st.env);
                let name = st.progress_name(&text, false);
                let user = (!st.image.config.user.is_empty()).then(|| st.image.config.user.clone());
                st.steps.push(Step {
                    op: StepOp::Mkdir {
                        path: wd.clone(),
                        user,
                        timestamp: st.epoch.map(|e| e * 1_000_000_000),
                    },
                    name,
                    command: instruction_text(ins),
                    span,
                    ignore_cache: st.ignore_cache,
                    platform: st.platform.clone(),
                });
            }
            st.commit(format!("WORKDIR {wd}"), with_layer);
            Ok(())
        }
        Command::User(u) => {
            let user = ctx.expand(u, &st.env, span)?;
            st.user = user.clone();
            st.image.config.user = user.clone();
            st.commit(format!("USER {user}"), false);
            Ok(())
        }
        Command::Expose(ports) => {
            let mut all = Vec::new();
            let mut ports = ports.clone();
            ports.sort();
            for p in &ports {
                let words = expand_words(
                    p,
                    &st.env,
                    ExpandOptions {
                        escape: ctx.escape,
                        ..Default::default()
                    },
                )
                .map_err(|e| PlanError::at(span, e.message).found(p.clone()))?;
                for w in words {
                    all.extend(parse_port(&w).map_err(|e| {
                        PlanError::at(span, e)
                            .found(w.clone())
                            .expected("PORT[/PROTOCOL] or a range like 8000-8010/udp")
                    })?);
                }
            }
            let map = st
                .image
                .config
                .exposed_ports
                .get_or_insert_with(BTreeMap::new);
            for p in &all {
                map.insert(p.clone(), Empty {});
            }
            st.commit(format!("EXPOSE {}", go_list(&all)), false);
            Ok(())
        }
        Command::Volume(vols) => {
            let mut expanded = Vec::new();
            for v in vols {
                let e = ctx.expand(v, &st.env, span)?;
                if e.is_empty() {
                    return Err(PlanError::at(
                        span,
                        "VOLUME specified can not be an empty string",
                    ));
                }
                expanded.push(e);
            }
            let map = st.image.config.volumes.get_or_insert_with(BTreeMap::new);
            for v in &expanded {
                map.insert(v.clone(), Empty {});
            }
            st.commit(format!("VOLUME {}", go_list(&expanded)), false);
            Ok(())
        }
        Command::StopSignal(s) => {
            let sig = ctx.expand(s, &st.env, span)?;
            validate_signal(&sig).map_err(|e| {
                PlanError::at(span, e)
                    .found(sig.clone())
                    .expected("a signal name like SIGTERM or a number")
            })?;
            st.image.config.stop_signal = sig.clone();
            st.commit(format!("STOPSIGNAL {sig}"), false);
            Ok(())
        }
        Command::Shell(sh) => {
            if sh.is_empty() {
                return Err(PlanError::at(span, "SHELL requires at least one argument")
                    .expected(r#"a JSON array like ["/bin/bash", "-c"]"#));
            }
            st.image.config.shell = sh.clone();
            st.commit(format!("SHELL {}", go_list(sh)), false);
            Ok(())
        }
        Command::Cmd(cl) => {
            let args = command_args(cl, &st.image);
            // An empty list is dropped from the config JSON, as Go's omitempty does.
            st.image.config.cmd = Some(args.clone()).filter(|a| !a.is_empty());
            st.image.config.args_escaped = true;
            st.commit(format!("CMD {}", go_quote_list(&args)), false);
            st.cmd_set = true;
            Ok(())
        }
        Command::Entrypoint(cl) => {
            let args = command_args(cl, &st.image);
            st.image.config.entrypoint = Some(args.clone()).filter(|a| !a.is_empty());
            if !st.cmd_set {
                st.image.config.cmd = None;
            }
            st.commit(format!("ENTRYPOINT {}", go_quote_list(&args)), false);
            Ok(())
        }
        Command::Healthcheck(h) => {
            let hc = healthcheck(h)?;
            st.commit(format!("HEALTHCHECK {}", healthcheck_history(&hc)), false);
            st.image.config.healthcheck = Some(hc);
            Ok(())
        }
        Command::OnBuild { expression, .. } => {
            st.image.config.on_build.push(expression.clone());
            Ok(())
        }
        Command::Run(run) => dispatch_run(st, ins, run, ctx, context_paths),
        Command::Copy(copy) => dispatch_copy(st, ins, CopyKind::Copy(copy), ctx, context_paths),
        Command::Add(add) => dispatch_copy(st, ins, CopyKind::Add(add), ctx, context_paths),
    }
}

fn command_args(cl: &CommandLine, image: &ImageConfig) -> Vec<String> {
    match cl {
        CommandLine::Exec(v) => v.clone(),
        CommandLine::Shell(s) => with_shell(image, std::slice::from_ref(s)),
    }
}

fn healthcheck(h: &HealthcheckAst) -> Result<Healthcheck, PlanError> {
    match h {
        HealthcheckAst::Disable => Ok(Healthcheck {
            test: Some(vec!["NONE".into()]),
            ..Default::default()
        }),
        HealthcheckAst::Check {
            command,
            interval,
            timeout,
            start_period,
            start_interval,
            retries,
        } => {
            let dur = |f: &Option<Spanned<String>>, name: &str| -> Result<i64, PlanError> {
                let Some(v) = f else { return Ok(0) };
                let ns = super::duration::parse(&v.value).map_err(|e| {
                    PlanError::at(v.span, e)
                        .found(v.value.clone())
                        .expected("a duration like 30s or 1m30s")
                })?;
                if ns != 0 && ns < 1_000_000 {
                    return Err(PlanError::at(
                        v.span,
                        format!("Interval {name:?} cannot be less than 1ms"),
                    ));
                }
                if ns < 0 {
                    return Err(PlanError::at(v.span, format!("{name} cannot be negative")));
                }
                Ok(ns)
            };
            let retries = match retries {
                None => 0,
                Some(r) => {
                    let n: i64 = r.value.parse().map_err(|_| {
                        PlanError::at(r.span, "invalid --retries value")
                            .found(r.value.clone())
                            .expected("a whole number")
                    })?;
                    if n < 0 {
                        return Err(PlanError::at(r.span, "--retries cannot be negative")
                            .found(r.value.clone()));
                    }
                    n as i32
                }
            };
            let test = match command {
                CommandLine::Exec(v) => {
                    let mut t = vec!["CMD".to_string()];
                    t.extend(v.iter().cloned());
                    t
                }
                CommandLine::Shell(s) => vec!["CMD-SHELL".to_string(), s.clone()],
            };
            Ok(Healthcheck {
                test: Some(test),
                interval: dur(interval, "interval")?,
                timeout: dur(timeout, "timeout")?,
                start_period: dur(start_period, "start-period")?,
                start_interval: dur(start_interval, "start-interval")?,
                retries,
            })
        }
    }
}

fn healthcheck_history(h: &Healthcheck) -> String {
    use super::duration::format as d;
    format!(
        "{{Test:{} Interval:{} Timeout:{} StartPeriod:{} StartInterval:{} Retries:{}}}",
        go_list(h.test.as_deref().unwrap_or(&[])),
        d(h.interval),
        d(h.timeout),
        d(h.start_period),
        d(h.start_interval),
        h.retries
    )
}

fn validate_signal(s: &str) -> Result<(), String> {
    const NAMES: &[&str] = &[
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT",
        "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM",
        "TRAP", "TSTP", "TTIN", "TTOU", "UNUSED", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU",
        "XFSZ",
    ];
    if let Ok(n) = s.parse::<i64>() {
        return if n > 0 {
            Ok(())
        } else {
            Err(format!("invalid signal: {s}"))
        };
    }
    let upper = s.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    if NAMES.contains(&name) {
        return Ok(());
    }
    if let Some(rest) = name
        .strip_prefix("RTMIN")
        .or_else(|| name.strip_prefix("RTMAX"))
        && (rest.is_empty()
            || rest
                .strip_prefix(['+', '-'])
                .is_some_and(|n| n.parse::<u32>().is_ok()))
    {
        return Ok(());
    }
    Err(format!("invalid signal: {s}"))
}

/// EXPOSE port specs → `port/proto` entries (ranges expanded).
fn parse_port(raw: &str) -> Result<Vec<String>, String> {
    // [ip:][hostPort:]containerPort[/proto]
    let (spec, proto) = match raw.rsplit_once('/') {
        Some((s, p)) => (s, p.to_ascii_lowercase()),
        None => (raw, "tcp".to_string()),
    };
    if proto.is_empty() {
        return Err(format!("invalid port: {raw:?}: no protocol"));
    }
    let container = spec.rsplit(':').next().unwrap_or(spec);
    let range = |p: &str| -> Result<(u32, u32), String> {
        let (a, b) = p.split_once('-').unwrap_or((p, p));
        let a: u32 = a
            .parse()
            .map_err(|_| format!("invalid containerPort: {p}"))?;
        let b: u32 = b
            .parse()
            .map_err(|_| format!("invalid containerPort: {p}"))?;
        if a > 65535 || b > 65535 || b < a {
            return Err(format!("invalid containerPort: {p}"));
        }
        Ok((a, b))
    };
    let (start, end) = range(container)?;
    if end - start > 65535 {
        return Err(format!("invalid containerPort: {container}"));
    }
    Ok((start..=end).map(|p| format!("{p}/{proto}")).collect())
}

/// `RUN` history: `|N K=V … args` when build args are in scope.
fn run_history(args: &[String], build_args: &[(String, Option<String>)], env: &EnvList) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in build_args {
        let value = env
            .get(k)
            .map(str::to_string)
            .unwrap_or_else(|| v.clone().unwrap_or_default());
        match pairs.iter_mut().find(|(pk, _)| pk == k) {
            Some(slot) => slot.1 = value,
            None => pairs.push((k.clone(), value)),
        }
    }
    let mut parts: Vec<String> = Vec::new();
    if !pairs.is_empty() {
        parts.push(format!("|{}", pairs.len()));
        parts.extend(pairs.into_iter().map(|(k, v)| format!("{k}={v}")));
    }
    parts.extend(args.iter().cloned());
    parts.join(" ")
}

/// Whether a RUN command line is exactly one heredoc marker (`<<EOF`, `<<-"EOF"`).
fn is_single_heredoc_marker(cmd: &str) -> bool {
    let t = cmd.trim();
    let Some(rest) = t.strip_prefix("<<") else {
        return false;
    };
    let rest = rest.strip_prefix('-').unwrap_or(rest).trim_start();
    !rest.is_empty() && !rest.contains(char::is_whitespace) && !rest.contains('<')
}

fn summarize_heredoc(doc: &str) -> String {
    let trimmed = doc.trim();
    let mut lines = trimmed.split('\n');
    let first = lines
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string();
    if lines.next().is_some() {
        format!("{first}...")
    } else {
        first
    }
}

fn dispatch_run(
    st: &mut StageState,
    ins: &Instruction,
    run: &Run,
    ctx: &DispatchContext,
    context_paths: &mut BTreeSet<String>,
) -> Result<(), PlanError> {
    let span = ins.span;
    let mut display = display_text(ins, &st.env);
    let mut mounts: Vec<RunMountPlan> = Vec::new();
    let (mut args, prepend_shell) = match &run.command {
        CommandLine::Exec(v) => (v.clone(), false),
        CommandLine::Shell(s) => (vec![s.clone()], true),
    };
    if !run.heredocs.is_empty() {
        let cmd = args.first().cloned().unwrap_or_default();
        if prepend_shell && is_single_heredoc_marker(&cmd) && run.heredocs.len() == 1 {
            let doc = &run.heredocs[0];
            if doc.content.starts_with("#!") && st.platform.os != "windows" {
                mounts.push(RunMountPlan::InlineFile {
                    dir: "/dev/pipes/".into(),
                    file: doc.name.clone(),
                    data: doc.content.as_bytes().to_vec(),
                    mode: 0o755,
                });
                args = vec![format!("/dev/pipes/{}", doc.name)];
            } else {
                args = vec![doc.content.clone()];
            }
            display.push_str(&format!(" ({})", summarize_heredoc(&doc.content)));
        } else {
            let mut b = cmd;
            for doc in &run.heredocs {
                b.push('\n');
                b.push_str(&doc.content);
                b.push_str(&doc.name);
            }
            args = vec![b];
        }
    }
    if prepend_shell {
        args = with_shell(&st.image, &args);
    }

    let mut ssh_index = 0usize;
    for m in &run.mounts {
        let env = &st.env;
        let escape = ctx.escape;
        let mut expand = |v: &str| -> Result<String, String> {
            expand_word(
                v,
                env,
                ExpandOptions {
                    escape,
                    ..Default::default()
                },
            )
            .map(|e| e.value)
            .map_err(|e| e.message)
        };
        let parsed = parse_mount(&m.value, &mut expand).map_err(|e| {
            let mut err = PlanError::at(m.span, format!("invalid --mount: {}", e.message))
                .found(m.value.clone());
            if let Some(x) = e.expected {
                err = err.expected(x);
            }
            err
        })?;
        let abs_target = |t: &str| -> String {
            if t.starts_with('/') {
                clean_path(t)
            } else {
                clean_path(&format!("/{}/{t}", st.cwd))
            }
        };
        match parsed.kind {
            MountType::Secret => {
                let id = parsed
                    .id
                    .clone()
                    .filter(|s| !s.is_empty())
                    .or_else(|| parsed.source.clone().filter(|s| !s.is_empty()))
                    .or_else(|| {
                        parsed
                            .target
                            .as_deref()
                            .map(|t| t.rsplit('/').next().unwrap_or(t).to_string())
                    })
                    .ok_or_else(|| {
                        PlanError::at(m.span, "secret mount needs one of id, source or target")
                            .found(m.value.clone())
                    })?;
                let id = if parsed.source.as_deref().is_some_and(|s| !s.is_empty()) {
                    parsed.source.clone().unwrap_or(id)
                } else {
                    id
                };
                let target = match (&parsed.target, &parsed.env) {
                    (Some(t), _) => Some(t.clone()),
                    (None, None) => Some(format!(
                        "/run/secrets/{}",
                        id.rsplit('/').next().unwrap_or(&id)
                    )),
                    (None, Some(_)) => None,
                };
                let custom = parsed.uid.is_some() || parsed.gid.is_some() || parsed.mode.is_some();
                mounts.push(RunMountPlan::Secret {
                    target,
                    id,
                    env: parsed.env.clone(),
                    uid: if custom { parsed.uid.unwrap_or(0) } else { 0 },
                    gid: if custom { parsed.gid.unwrap_or(0) } else { 0 },
                    mode: parsed.mode.unwrap_or(0o400),
                    optional: !parsed.required,
                });
            }
            MountType::Ssh => {
                if parsed.source.as_deref().is_some_and(|s| !s.is_empty()) {
                    return Err(
                        PlanError::at(m.span, "ssh does not support source").found(m.value.clone())
                    );
                }
                let target = parsed
                    .target
                    .clone()
                    .unwrap_or_else(|| format!("/run/buildkit/ssh_agent.{ssh_index}"));
                ssh_index += 1;
                mounts.push(RunMountPlan::Ssh {
                    target,
                    id: parsed.id.clone().unwrap_or_default(),
                    uid: parsed.uid.unwrap_or(0),
                    gid: parsed.gid.unwrap_or(0),
                    mode: parsed.mode.unwrap_or(0o600),
                    optional: !parsed.required,
                });
            }
            MountType::Tmpfs => {
                let target = abs_target(parsed.target.as_deref().unwrap_or(""));
                if target == "/" {
                    return Err(PlanError::at(
                        m.span,
                        format!("invalid mount target {target:?}"),
                    ));
                }
                mounts.push(RunMountPlan::Tmpfs {
                    target,
                    size: parsed.size.unwrap_or(0) as i64,
                });
            }
            MountType::Bind | MountType::Cache => {
                let target = abs_target(parsed.target.as_deref().unwrap_or(""));
                if target == "/" {
                    return Err(
                        PlanError::at(m.span, format!("invalid mount target {target:?}"))
                            .expected("a target other than /"),
                    );
                }
                let from = match parsed.from.as_deref().filter(|f| !f.is_empty()) {
                    Some(f) => ctx.stage_ref(f, &st.stage_name, m.span)?,
                    None if parsed.kind == MountType::Cache => FsRef::Scratch,
                    None => FsRef::Context,
                };
                let source = clean_path(&format!("/{}", parsed.source.clone().unwrap_or_default()));
                if from == FsRef::Context {
                    context_paths.insert(source.clone());
                }
                if parsed.kind == MountType::Bind {
                    mounts.push(RunMountPlan::Bind {
                        target,
                        from,
                        source,
                        readonly: parsed.read_only,
                    });
                } else {
                    let id = parsed
                        .id
                        .clone()
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| clean_path(&target));
                    let sharing = match parsed.sharing {
                        CacheSharing::Shared => pb::CacheSharingOpt::Shared,
                        CacheSharing::Private => pb::CacheSharingOpt::Private,
                        CacheSharing::Locked => pb::CacheSharingOpt::Locked,
                    };
                    let init = if source == "/"
                        && (parsed.uid.is_some() || parsed.gid.is_some() || parsed.mode.is_some())
                    {
                        Some((
                            parsed.uid.unwrap_or(0),
                            parsed.gid.unwrap_or(0),
                            parsed.mode.unwrap_or(0o755),
                        ))
                    } else {
                        None
                    };
                    mounts.push(RunMountPlan::Cache {
                        target,
                        id: format!("{}/{id}", ctx.opts.cache_id_namespace),
                        sharing,
                        from,
                        source,
                        init,
                        readonly: parsed.read_only,
                    });
                }
            }
        }
    }

    let network = match &run.network {
        // `default` means the build's network mode (force-network-mode), not the sandbox.
        None => st.network,
        Some(n) if n.value == "default" => st.network,
        Some(n) => NetworkMode::parse(&n.value).ok_or_else(|| {
            PlanError::at(n.span, format!("unsupported network mode {:?}", n.value))
                .expected("default, none or host")
        })?,
    };
    let insecure = match &run.security {
        None => false,
        Some(s) => match s.value.as_str() {
            "insecure" => true,
            "sandbox" => false,
            other => {
                return Err(
                    PlanError::at(s.span, format!("unsupported security mode {other:?}"))
                        .expected("sandbox or insecure"),
                );
            }
        },
    };
    if let Some(d) = run.devices.first() {
        return Err(
            PlanError::at(d.span, "RUN --device is not supported by strata yet")
                .found(d.value.clone()),
        );
    }

    let history = format!(
        "RUN {} # buildkit",
        run_history(&args, &st.build_args, &st.env)
    );
    let name = st.progress_name(&display, false);
    let opts = ctx.opts;
    st.steps.push(Step {
        op: StepOp::Run(RunStep {
            args,
            env: st.env.to_vec(),
            cwd: st.cwd.clone(),
            user: st.user.clone(),
            network,
            insecure,
            mounts,
            proxy_env: ctx.proxy_env.clone(),
            hostname: st.hostname.clone(),
            extra_hosts: opts.extra_hosts.clone(),
            ulimits: opts.ulimits.clone(),
            shm_size: opts.shm_size,
        }),
        name,
        command: instruction_text(ins),
        span,
        ignore_cache: st.ignore_cache,
        platform: st.platform.clone(),
    });
    st.commit(history, true);
    Ok(())
}

enum CopyKind<'a> {
    Copy(&'a Copy),
    Add(&'a Add),
}

fn parse_chmod(v: &str) -> Result<CopyMode, String> {
    let non_octal = || {
        format!("invalid chmod parameter: '{v}'. it should be octal string and between 0 and 07777")
    };
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
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

fn dispatch_copy(
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
    fn ports_and_signals() {
        assert_eq!(parse_port("80"), Ok(vec!["80/tcp".to_string()]));
        assert_eq!(parse_port("53/UDP"), Ok(vec!["53/udp".to_string()]));
        assert_eq!(parse_port("8000-8002").map(|v| v.len()), Ok(3));
        assert!(parse_port("http").is_err());
        assert!(validate_signal("SIGTERM").is_ok());
        assert!(validate_signal("kill").is_ok());
        assert!(validate_signal("9").is_ok());
        assert!(validate_signal("SIGRTMIN+3").is_ok());
        assert!(validate_signal("NOPE").is_err());
    }

    #[test]
    fn chmod_forms() {
        assert_eq!(parse_chmod("755"), Ok(CopyMode::Octal(0o755)));
        assert_eq!(
            parse_chmod("u+x,go-w"),
            Ok(CopyMode::Symbolic("u+x,go-w".into()))
        );
        assert!(parse_chmod("99999").is_err());
        assert!(parse_chmod("u*x").is_err());
    }

    #[test]
    fn history_strings_match_upstream_forms() {
        assert_eq!(
            go_quote_list(&["/bin/sh".into(), "-c".into(), "echo \"hi\"".into()]),
            r#"["/bin/sh" "-c" "echo \"hi\""]"#
        );
        let mut env = EnvList::new();
        env.set("A", "1");
        assert_eq!(
            run_history(
                &["sh".into()],
                &[("A".into(), Some("0".into())), ("B".into(), None)],
                &env
            ),
            "|2 A=1 B= sh"
        );
        assert_eq!(epoch_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(epoch_rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn heredoc_marker_detection() {
        assert!(is_single_heredoc_marker("<<EOF"));
        assert!(is_single_heredoc_marker("<<-\"EOF\""));
        assert!(!is_single_heredoc_marker("cat <<EOF"));
        assert!(!is_single_heredoc_marker("<<EOF bash"));
    }
}
