//! What the engine can run: the plan is checked against the engine's LLB
//! capabilities before lowering, so a feature the engine lacks fails at its
//! Dockerfile line (or degrades with a warning) instead of building
//! something different in silence. Pure: the capabilities come in as
//! values; without an engine (`strata llb`) nothing is checked.

use super::bridge::BridgeCaps;
use crate::llb::caps;
use crate::plan::{self, CopySource, PlanError, StepOp};

/// Engines without `file.copy.requiredpaths` cannot check that a
/// `COPY --parents` source without wildcards exists; they ignore the field,
/// which is what upstream's frontend relies on there. Drop the paths (the
/// copy itself is the same) and return the steps' spans, so the user is
/// warned that a missing source copies nothing instead of failing.
pub(super) fn drop_required_paths(plan: &mut plan::BuildPlan) -> Vec<crate::dockerfile::Span> {
    let mut spans = Vec::new();
    for stage in plan.stages.iter_mut().filter(|s| s.reachable) {
        for step in &mut stage.steps {
            let span = step.span;
            if let StepOp::Copy(c) = &mut step.op {
                let mut dropped = false;
                for src in &mut c.sources {
                    if let CopySource::Fs { required_paths, .. } = src {
                        dropped |= !required_paths.is_empty();
                        required_paths.clear();
                    }
                }
                if dropped {
                    spans.push(span);
                }
            }
        }
    }
    spans
}

/// Whether the engine's file op honours a symbolic copy mode (`mode_str`,
/// e.g. `u+x,go-w`). BuildKit declares `file.copy.modestring` but, up to its
/// main branch, never registers it, so no engine advertises it; upstream's
/// own frontend sends symbolic modes unchecked. The file op learnt them in
/// BuildKit 0.17, the release that also registered `exec.validexitcode`, so
/// that cap marks an engine that really applies them. An older engine
/// ignores the unknown field and applies mode 0: refusing there keeps the
/// result from silently differing.
fn symbolic_chmod(engine: &BridgeCaps) -> bool {
    engine.supports(caps::FILE_COPY_MODE_STRING) || engine.supports(caps::EXEC_VALID_EXIT_CODE)
}

/// Refuse, at the Dockerfile line, features the engine cannot run: never a
/// silent difference in the output.
pub(super) fn check_engine_caps(
    plan: &plan::BuildPlan,
    engine: &BridgeCaps,
) -> Result<(), PlanError> {
    use crate::llb::file::CopyMode;
    use crate::plan::RunMountPlan;
    let need = |cap: &str, feature: &str, span: crate::dockerfile::Span| -> Result<(), PlanError> {
        if engine.supports(cap) {
            Ok(())
        } else {
            Err(PlanError::at(
                span,
                format!(
                    "{feature} needs the BuildKit capability {cap}, which this engine does not have"
                ),
            )
            .expected("a newer BuildKit engine, or a Dockerfile without this feature"))
        }
    };
    for stage in plan.stages.iter().filter(|s| s.reachable) {
        for step in &stage.steps {
            match &step.op {
                StepOp::Copy(c) => {
                    if matches!(c.mode, Some(CopyMode::Symbolic(_))) && !symbolic_chmod(engine) {
                        return Err(PlanError::at(
                            step.span,
                            format!(
                                "a symbolic --chmod needs BuildKit 0.17 or newer (capability {} or {}), \
                                 which this engine does not have: it would apply mode 0000 instead",
                                caps::FILE_COPY_MODE_STRING,
                                caps::EXEC_VALID_EXIT_CODE
                            ),
                        )
                        .expected("an octal --chmod (e.g. --chmod=755), or a newer BuildKit engine"));
                    }
                    if !c.exclude.is_empty() {
                        need(
                            caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS,
                            "--exclude",
                            step.span,
                        )?;
                    }
                    for src in &c.sources {
                        if let CopySource::Fs {
                            include_patterns, ..
                        } = src
                            && !include_patterns.is_empty()
                        {
                            need(
                                caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS,
                                "copying with include patterns (--parents, layering)",
                                step.span,
                            )?;
                        }
                    }
                }
                StepOp::Run(r) => {
                    for m in &r.mounts {
                        match m {
                            RunMountPlan::Secret { env: Some(_), .. } => {
                                need(caps::EXEC_SECRET_ENV, "a secret mount with env=", step.span)?
                            }
                            RunMountPlan::Tmpfs { size, .. } if *size > 0 => need(
                                caps::EXEC_MOUNT_TMPFS_SIZE,
                                "a tmpfs mount with size=",
                                step.span,
                            )?,
                            _ => {}
                        }
                    }
                }
                StepOp::Mkdir { .. } => {}
            }
        }
    }
    Ok(())
}
