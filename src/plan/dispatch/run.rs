//! RUN: the command (shell or exec form, heredocs), its mounts (cache,
//! bind, secret, ssh, tmpfs), network and security mode, and the history
//! entry upstream writes for it.

use std::collections::BTreeSet;

use super::{DispatchContext, instruction_text, run_display_text, with_shell};
use crate::dockerfile::ast::{CommandLine, Instruction, Run};
use crate::dockerfile::expand::{ExpandOptions, expand_word};
use crate::dockerfile::mount::{CacheSharing, MountType, parse_mount};
use crate::llb::exec::NetworkMode;
use crate::paths::clean as clean_path;
use crate::plan::envlist::EnvList;
use crate::plan::stages::StageState;
use crate::plan::{FsRef, PlanError, RunMountPlan, RunStep, Step, StepOp};
use crate::proto::pb;

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

pub(super) fn dispatch_run(
    st: &mut StageState,
    ins: &Instruction,
    run: &Run,
    ctx: &DispatchContext,
    context_paths: &mut BTreeSet<String>,
) -> Result<(), PlanError> {
    let span = ins.span;
    // Variables set by secret mounts: masked in the step's name. A mount
    // that does not parse fails below, with its error.
    let secret_envs: Vec<String> = run
        .mounts
        .iter()
        .filter_map(|m| {
            let mut expand = |v: &str| -> Result<String, String> {
                expand_word(
                    v,
                    &st.env,
                    ExpandOptions {
                        escape: ctx.escape,
                        ..Default::default()
                    },
                )
                .map(|e| e.value)
                .map_err(|e| e.message)
            };
            parse_mount(&m.value, &mut expand).ok()
        })
        .filter(|p| p.kind == MountType::Secret)
        .filter_map(|p| p.env)
        .collect();
    let mut display = run_display_text(ins, &st.env, &secret_envs);
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
                ctx.note_read(&from, &source);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_history_lists_build_args_in_scope() {
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
    }

    #[test]
    fn run_name_keeps_shell_variables_the_stage_does_not_set() {
        let df =
            crate::dockerfile::parse("FROM a\nRUN for i in 1 2; do echo \"second $i $A\"; done\n")
                .expect("parses");
        let mut env = EnvList::new();
        env.set("A", "x");
        assert_eq!(
            run_display_text(&df.instructions[1], &env, &[]),
            "RUN for i in 1 2; do echo \"second $i x\"; done"
        );
    }

    #[test]
    fn run_name_masks_secret_mount_variables() {
        let df = crate::dockerfile::parse(
            "FROM a\nRUN --mount=type=secret,id=s,env=TOKEN [ \"$TOKEN\" = pw ]\n",
        )
        .expect("parses");
        let mut env = EnvList::new();
        env.set("TOKEN", "foo");
        assert_eq!(
            run_display_text(&df.instructions[1], &env, &["TOKEN".into()]),
            "RUN --mount=type=secret,id=s,env=TOKEN [ \"****\" = pw ]"
        );
    }

    #[test]
    fn heredoc_marker_detection() {
        assert!(is_single_heredoc_marker("<<EOF"));
        assert!(is_single_heredoc_marker("<<-\"EOF\""));
        assert!(!is_single_heredoc_marker("cat <<EOF"));
        assert!(!is_single_heredoc_marker("<<EOF bash"));
    }
}
