//! ENV, ARG, WORKDIR and USER: the exec state later RUN steps inherit
//! (environment, build args, working directory, user) and the config fields
//! that mirror it. WORKDIR is here, not with the filesystem steps, because
//! its job is the working directory; the directory it creates is a side effect.

use super::{DispatchContext, display_text, instruction_text, normalize_workdir};
use crate::dockerfile::ast::{ArgDecl, Instruction, KeyValue};
use crate::plan::image::env_set;
use crate::plan::stages::StageState;
use crate::plan::{PlanError, Step, StepOp};

/// Build args that never become environment variables.
pub(super) const NON_ENV_ARGS: &[&str] =
    &["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];

/// `ENV`: set variables in the exec state and the image config.
pub(super) fn env(
    st: &mut StageState,
    ctx: &DispatchContext,
    kvs: &[KeyValue],
) -> Result<(), PlanError> {
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

/// `ARG`: declare build args; a value (build arg, default or global ARG)
/// also enters the exec state, and RUN history lists them.
pub(super) fn arg(
    st: &mut StageState,
    ctx: &DispatchContext,
    decls: &[ArgDecl],
) -> Result<(), PlanError> {
    let mut parts = Vec::new();
    for decl in decls {
        let key = ctx.expand_quietly(&decl.name, &st.env, decl.span)?;
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

/// `WORKDIR`: change the working directory, creating it (a layer) unless it is `/`.
pub(super) fn workdir(
    st: &mut StageState,
    ins: &Instruction,
    ctx: &DispatchContext,
    path: &str,
) -> Result<(), PlanError> {
    let span = ins.span;
    let expanded = ctx.expand(path, &st.env, span)?;
    if expanded.is_empty() {
        return Err(PlanError::at(span, "WORKDIR cannot be empty").expected("a directory path"));
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

/// `USER`: the user later RUNs and the image run as.
pub(super) fn user(
    st: &mut StageState,
    ins: &Instruction,
    ctx: &DispatchContext,
    u: &str,
) -> Result<(), PlanError> {
    let span = ins.span;
    let user = ctx.expand(u, &st.env, span)?;
    st.user = user.clone();
    st.image.config.user = user.clone();
    st.commit(format!("USER {user}"), false);
    Ok(())
}
