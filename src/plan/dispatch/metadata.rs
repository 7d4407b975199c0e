//! The instructions that only change the image config and its history:
//! LABEL, EXPOSE, VOLUME, STOPSIGNAL, SHELL, CMD, ENTRYPOINT, HEALTHCHECK,
//! MAINTAINER and ONBUILD. The history texts follow upstream's Go
//! formatting (`%q`, `%v`) so image histories read the same.

use std::collections::BTreeMap;

use super::{DispatchContext, with_shell};
use crate::dockerfile::ast::{
    CommandLine, Healthcheck as HealthcheckAst, Instruction, KeyValue, Spanned,
};
use crate::dockerfile::expand::{ExpandOptions, expand_words};
use crate::plan::PlanError;
use crate::plan::image::{Empty, Healthcheck, ImageConfig};
use crate::plan::stages::StageState;

/// `MAINTAINER`: the config's author (deprecated upstream, still honoured).
pub(super) fn maintainer(st: &mut StageState, m: &str) -> Result<(), PlanError> {
    st.image.author = m.to_string();
    st.commit(format!("MAINTAINER {m}"), false);
    Ok(())
}

/// `LABEL`: add labels to the image config.
pub(super) fn label(
    st: &mut StageState,
    ctx: &DispatchContext,
    kvs: &[KeyValue],
) -> Result<(), PlanError> {
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

/// `EXPOSE`: ports in the image config (ranges expanded, sorted like upstream).
pub(super) fn expose(
    st: &mut StageState,
    ins: &Instruction,
    ctx: &DispatchContext,
    ports: &[String],
) -> Result<(), PlanError> {
    let span = ins.span;
    let mut all = Vec::new();
    let mut ports = ports.to_vec();
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

/// `VOLUME`: volumes in the image config.
pub(super) fn volume(
    st: &mut StageState,
    ins: &Instruction,
    ctx: &DispatchContext,
    vols: &[String],
) -> Result<(), PlanError> {
    let span = ins.span;
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

/// `STOPSIGNAL`: the signal that stops a container (validated).
pub(super) fn stop_signal(
    st: &mut StageState,
    ins: &Instruction,
    ctx: &DispatchContext,
    s: &str,
) -> Result<(), PlanError> {
    let span = ins.span;
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

/// `SHELL`: the shell later shell-form commands run with.
pub(super) fn shell(
    st: &mut StageState,
    ins: &Instruction,
    sh: &[String],
) -> Result<(), PlanError> {
    let span = ins.span;
    if sh.is_empty() {
        return Err(PlanError::at(span, "SHELL requires at least one argument")
            .expected(r#"a JSON array like ["/bin/bash", "-c"]"#));
    }
    st.image.config.shell = sh.to_vec();
    st.commit(format!("SHELL {}", go_list(sh)), false);
    Ok(())
}

/// `CMD`: the default command.
pub(super) fn cmd(st: &mut StageState, cl: &CommandLine) -> Result<(), PlanError> {
    let args = command_args(cl, &st.image);
    // An empty list is dropped from the config JSON, as Go's omitempty does.
    st.image.config.cmd = Some(args.clone()).filter(|a| !a.is_empty());
    st.image.config.args_escaped = true;
    st.commit(format!("CMD {}", go_quote_list(&args)), false);
    st.cmd_set = true;
    Ok(())
}

/// `ENTRYPOINT`: the entrypoint; an ENTRYPOINT resets a CMD inherited from the base.
pub(super) fn entrypoint(st: &mut StageState, cl: &CommandLine) -> Result<(), PlanError> {
    let args = command_args(cl, &st.image);
    st.image.config.entrypoint = Some(args.clone()).filter(|a| !a.is_empty());
    if !st.cmd_set {
        st.image.config.cmd = None;
    }
    st.commit(format!("ENTRYPOINT {}", go_quote_list(&args)), false);
    Ok(())
}

/// `HEALTHCHECK`: the health check in the image config.
pub(super) fn healthcheck_instruction(
    st: &mut StageState,
    h: &HealthcheckAst,
) -> Result<(), PlanError> {
    let hc = healthcheck(h)?;
    st.commit(format!("HEALTHCHECK {}", healthcheck_history(&hc)), false);
    st.image.config.healthcheck = Some(hc);
    Ok(())
}

/// `ONBUILD`: store the trigger for stages built on this image.
pub(super) fn onbuild(st: &mut StageState, expression: &str) {
    st.image.config.on_build.push(expression.to_string());
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
                let ns = crate::plan::duration::parse(&v.value).map_err(|e| {
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
    use crate::plan::duration::format as d;
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
    fn history_strings_match_upstream_forms() {
        assert_eq!(
            go_quote_list(&["/bin/sh".into(), "-c".into(), "echo \"hi\"".into()]),
            r#"["/bin/sh" "-c" "echo \"hi\""]"#
        );
    }
}
