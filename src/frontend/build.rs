//! The frontend's whole job over any [`Bridge`], as one orchestrator: read
//! the Dockerfile and the ignore files from the client's locals
//! ([`super::inputs`]), run the build checks ([`super::checks`]), resolve
//! base images while planning ([`super::images`]), then for each platform
//! run [`Pipeline`] (context files, passes, capability check, lowering),
//! solve, and describe the result (image config per platform).
//!
//! Everything here is about order and overlap: the decisions live in the
//! modules named above and in the plan.

use std::collections::BTreeMap;

use super::ConvertError;
use super::bridge::{Bridge, BridgeCaps};
use super::budgets;
use super::checks::{
    checks_verdict, lints_before_error, run_checks, send_check_warnings, send_warning,
    warn_required_paths_unchecked,
};
use super::context_reader::{BridgeContext, prefetch_context_files};
use super::images::plan_targets;
use super::inputs::{ignore_patterns, load_named_contexts, read_context_ignore, read_dockerfile};
use super::main_context::resolve as resolve_main_context;
use super::options::parse_options;
use super::pipeline::{Pipeline, pass_options};
use crate::dockerfile;
use crate::llb::caps;
use crate::plan::platform::Platform;
use crate::plan::{self, ResolvedImages};

pub use super::checks::{CHECK_BUILD_ARG, GATEWAY_WARNINGS_CAP, check_config};
pub use super::pipeline::pass_facts;
pub use super::result::{FrontendError, FrontendResult, PlatformResult};

/// The subrequest the options ask for (`requestid`), if any.
pub fn requested_subrequest(options: &BTreeMap<String, String>) -> Option<&str> {
    options
        .get(super::subrequests::REQUEST_ID_OPTION)
        .map(String::as_str)
        .filter(|r| !r.is_empty())
}

/// Answer a subrequest (`docker buildx build --call=targets|outline`):
/// result metadata only, no solve beyond reading the Dockerfile.
pub async fn subrequest<B: Bridge>(
    bridge: &B,
    request: &str,
) -> Result<BTreeMap<String, Vec<u8>>, FrontendError> {
    let opts = parse_options(bridge.options())?;
    if request == super::subrequests::DESCRIBE {
        let df = dockerfile::Dockerfile {
            directives: Vec::new(),
            escape: '\\',
            instructions: Vec::new(),
        };
        return Ok(super::subrequests::answer(
            request,
            &df,
            "",
            None,
            &BTreeMap::new(),
        )?);
    }
    let (engine_caps, inputs) = tokio::join!(bridge.caps(), bridge.inputs());
    let engine_caps = engine_caps?;
    let main =
        resolve_main_context(bridge, &opts, &engine_caps, &inputs.unwrap_or_default()).await?;
    if request == super::subrequests::LINT {
        return lint(bridge, &opts, &main, &engine_caps).await;
    }
    // Outline and targets need the Dockerfile only, not the context's ignore file.
    let text = read_dockerfile(bridge, &opts, &main, None).await?.text;
    let filename = opts.filename.clone();
    let df = dockerfile::parse(&text).map_err(|e| FrontendError::Dockerfile {
        filename,
        text: text.clone(),
        error: Box::new(e.into()),
        definition: None,
    })?;
    Ok(super::subrequests::answer(
        request,
        &df,
        &text,
        opts.build.target.as_deref(),
        &opts.build.build_args,
    )?)
}

/// The plan options for each platform the build targets (one with no
/// platform when none is asked for: the engine's default).
fn target_options<B: Bridge>(
    bridge: &B,
    opts: &super::options::FrontendOptions,
    engine_caps: &BridgeCaps,
    excludes: &[String],
) -> Vec<plan::BuildOptions> {
    let build_platform = engine_caps
        .worker_platforms
        .first()
        .cloned()
        .unwrap_or_else(Platform::host);
    let targets: Vec<Option<Platform>> = if opts.platforms.is_empty() {
        vec![None]
    } else {
        opts.platforms.iter().cloned().map(Some).collect()
    };
    targets
        .into_iter()
        .map(|target| {
            let mut build_opts = opts.build.clone();
            build_opts.build_platform = build_platform.clone();
            build_opts.target_platform = target;
            build_opts.dockerignore = excludes.to_vec();
            build_opts.session_id = bridge.session_id().map(str::to_string);
            build_opts.merge_op = engine_caps.supports(caps::MERGE_OP);
            build_opts
        })
        .collect()
}

/// Answer `frontend.lint` (`docker buildx build --check`): every build
/// check a build would report — the syntactic ones, and those planning
/// finds with the base images resolved — and the error that would stop
/// the build, if any, without solving anything.
async fn lint<B: Bridge>(
    bridge: &B,
    opts: &super::options::FrontendOptions,
    main: &super::main_context::MainContext,
    engine_caps: &BridgeCaps,
) -> Result<BTreeMap<String, Vec<u8>>, FrontendError> {
    let (input, context_ignore) = tokio::join!(
        read_dockerfile(bridge, opts, main, None),
        read_context_ignore(bridge, opts, main)
    );
    let input = input?;
    let text = input.text;
    let filename = &opts.filename;
    let df = match dockerfile::parse(&text) {
        Ok(df) => df,
        Err(e) => {
            let found = lints_before_error(bridge.options(), &text, e.span.start.line);
            let message = parse_error_message(&e);
            return Ok(super::subrequests::lint_answer(
                filename,
                &text,
                &found,
                Some((&message, Some(e.span))),
            ));
        }
    };
    let (config, mut found) = run_checks(bridge.options(), &df, &text)?;
    let excludes = ignore_patterns(input.own_ignore, context_ignore)?;
    let target_opts = target_options(bridge, opts, engine_caps, &excludes);
    let syntax_error = |error: ConvertError| FrontendError::Dockerfile {
        filename: filename.clone(),
        text: text.clone(),
        error: Box::new(error),
        definition: None,
    };
    let mut resolved = ResolvedImages::default();
    let mut error = None;
    match plan_targets(bridge, &df, &target_opts, &mut resolved, &syntax_error).await {
        Ok(plans) => {
            let reachable: Vec<bool> = plans
                .first()
                .map(|p| p.dispatched_stages())
                .unwrap_or_default();
            let mut planned: Vec<dockerfile::lint::Lint> =
                plans.into_iter().flat_map(|p| p.lints).collect();
            if opts.build.target.is_some() {
                // A lint for one target dispatches the stages it needs only.
                found = dockerfile::lint::in_dispatched_stages(&df, found, &reachable);
            } else {
                // Without one, every stage: plan each named stage the
                // default target does not reach, for the planner's checks.
                for name in unreached_stage_names(&df, &reachable) {
                    let mut opts = target_opts.clone();
                    for o in &mut opts {
                        o.target = Some(name.clone());
                    }
                    if let Ok(plans) =
                        plan_targets(bridge, &df, &opts, &mut resolved, &syntax_error).await
                    {
                        planned.extend(plans.into_iter().flat_map(|p| p.lints));
                    }
                }
            }
            found.extend(dockerfile::lint::filter(&df, &text, &config, planned));
        }
        Err(FrontendError::Dockerfile { error: e, .. }) => {
            let span = match e.as_ref() {
                ConvertError::Syntax(s) => Some(s.span),
                ConvertError::Plan(plan::PlanError::Invalid { span, .. }) => *span,
                ConvertError::Plan(_) => None,
            };
            error = Some((e.to_string(), span));
        }
        // A base image that cannot be resolved stops the build at its line.
        Err(e @ FrontendError::ResolveImage { .. }) => {
            let span = e.image_location().map(|at| at.span);
            error = Some((e.to_string(), span));
        }
        Err(other) => return Err(other),
    }
    found.sort_by_key(|l| l.span.start.line);
    Ok(super::subrequests::lint_answer(
        filename,
        &text,
        &found,
        error.as_ref().map(|(m, s)| (m.as_str(), *s)),
    ))
}

/// The names of the Dockerfile's named stages that `reachable` (by stage
/// order) marks unreached.
fn unreached_stage_names(df: &dockerfile::Dockerfile, reachable: &[bool]) -> Vec<String> {
    df.instructions
        .iter()
        .filter_map(|i| match &i.command {
            dockerfile::ast::Command::From(f) => {
                Some(f.stage_name.as_ref().map(|n| n.value.clone()))
            }
            _ => None,
        })
        .enumerate()
        .filter(|(k, _)| !reachable.get(*k).copied().unwrap_or(true))
        .filter_map(|(_, name)| name)
        .collect()
}

/// Upstream's words for a Dockerfile that does not parse.
pub fn parse_error_message(error: &dockerfile::SyntaxError) -> String {
    if error.span.start.line > 0 {
        format!(
            "dockerfile parse error on line {}: {}",
            error.span.start.line, error.message
        )
    } else {
        error.message.clone()
    }
}

/// Run the Dockerfile frontend.
///
/// A cached rebuild is mostly round trips to the engine before the main
/// solve, so the independent ones overlap: the Dockerfile and the context's
/// `.dockerignore` load together; then the build-check warnings, the named
/// contexts, the base images (every platform's at once) and the context
/// files of a provisional plan (see [`prefetch_context_files`]) all at once.
pub async fn build<B: Bridge>(bridge: &B) -> Result<FrontendResult, FrontendError> {
    let started = std::time::Instant::now();
    let opts = parse_options(bridge.options())?;
    record_options(bridge.options())?;
    // The frontend inputs may carry the context and the Dockerfile: asked
    // for with the capabilities, in one round trip (an engine without
    // inputs answers with an error, meaning none).
    let (engine_caps, inputs) = tokio::join!(bridge.caps(), bridge.inputs());
    let engine_caps = engine_caps?;
    let main =
        resolve_main_context(bridge, &opts, &engine_caps, &inputs.unwrap_or_default()).await?;
    let config_name = (!opts.budgets_by_client)
        .then(|| budgets::config_path(main.filename.as_deref().unwrap_or(&opts.filename)));
    let (input, context_ignore) = tokio::join!(
        read_dockerfile(bridge, &opts, &main, config_name.as_deref()),
        read_context_ignore(bridge, &opts, &main)
    );
    let input = input?;
    tracing::debug!("frontend: dockerfile and .dockerignore read");
    if let Some(forwarded) = forward_by_syntax(bridge, &opts, &input).await? {
        return Ok(forwarded);
    }
    let text = input.text.clone();
    let filename = opts.filename.clone();
    let syntax_error = |error: ConvertError| FrontendError::Dockerfile {
        filename: filename.clone(),
        text: text.clone(),
        error: Box::new(error),
        definition: Some(Box::new(input.definition.clone())),
    };
    let df = match dockerfile::parse(&text) {
        Ok(df) => df,
        Err(e) => {
            // The checks of the instructions before the error still warn.
            let found = lints_before_error(bridge.options(), &text, e.span.start.line);
            send_check_warnings(bridge, &opts, &input, &engine_caps, &found).await;
            return Err(syntax_error(e.into()));
        }
    };
    let mut lints = run_checks(bridge.options(), &df, &text)?;
    // Findings upstream makes while dispatching wait for the plan: only
    // the stages the target needs report them.
    let (at_dispatch, parse_time): (Vec<_>, Vec<_>) = std::mem::take(&mut lints.1)
        .into_iter()
        .partition(|l| l.rule.at_dispatch());
    let opts = super::epoch::with_source_date_epoch(
        bridge,
        opts,
        &df,
        &engine_caps,
        &input,
        &syntax_error,
    )
    .await?;
    let budgets = budgets::settings(
        opts.budgets_by_client,
        &text,
        input.config.as_deref(),
        config_name.as_deref().unwrap_or_default(),
        opts.build.target.as_deref(),
    )?;
    let pass_opts = pass_options(&opts, &text);
    let ignore_patterns = ignore_patterns(input.own_ignore.clone(), context_ignore);
    let mut explanation = None;

    let no_excludes = Vec::new();
    let excludes = ignore_patterns.as_ref().unwrap_or(&no_excludes);
    let mut target_opts = target_options(bridge, &opts, &engine_caps, excludes);
    let main_fs = main.filtered(excludes);
    let reader = BridgeContext::new(bridge, &opts.context_local, excludes, &engine_caps)
        .with_source(
            opts.local_session(&opts.context_local, bridge.session_id()),
            main_fs
                .as_ref()
                .map(|fs| crate::llb::definition::marshal(fs, None).definition),
        );
    // Settings that fail the build make planning pointless.
    let settled = pass_opts.is_ok() && ignore_patterns.is_ok();
    let (_, contexts, planned, _) = tokio::join!(
        async {
            send_check_warnings(bridge, &opts, &input, &engine_caps, &parse_time).await;
            for short in budgets::unchecked(&budgets, &engine_caps) {
                send_warning(
                    bridge,
                    &opts,
                    &input,
                    &engine_caps,
                    short,
                    Vec::new(),
                    Vec::new(),
                )
                .await;
            }
        },
        load_named_contexts(bridge, &opts),
        async {
            if !settled {
                return None;
            }
            let mut resolved = ResolvedImages::default();
            Some(plan_targets(bridge, &df, &target_opts, &mut resolved, &syntax_error).await)
        },
        async {
            if let (Ok(pass_opts), Some(first)) = (&pass_opts, target_opts.first())
                && settled
            {
                prefetch_context_files(&reader, &df, first, pass_opts).await;
            }
        },
    );
    // In the order these were checked when they ran one after the other.
    let mut contexts = contexts?;
    contexts.main = main_fs;
    let pass_opts = pass_opts?;
    if let Err(e) = &ignore_patterns {
        return Err(e.clone());
    }
    let planned = match planned {
        Some(Err(e)) => Some(
            super::images::replan_after_policy_redirects(
                bridge,
                &df,
                &opts,
                &mut target_opts,
                &mut contexts,
                &syntax_error,
                e,
            )
            .await?,
        ),
        other => other,
    };
    let plans = planned
        .expect("planned once the settings are valid")
        .map_err(|e| e.with_source(Some((&opts.filename, &text)), &input.definition))?;
    tracing::debug!("frontend: planned");
    // The checks only planning can make (a variable nothing defines needs
    // the base images' environments): from the first platform's plan only,
    // as upstream warns for its first platform only (a single-platform
    // base image is no news for every other platform).
    let dispatched: Vec<bool> = plans
        .first()
        .map(|p| p.dispatched_stages())
        .unwrap_or_default();
    let mut later = dockerfile::lint::in_dispatched_stages(&df, at_dispatch, &dispatched);
    later.extend(dockerfile::lint::filter(
        &df,
        &text,
        &lints.0,
        plans.first().map(|p| p.lints.clone()).unwrap_or_default(),
    ));
    send_check_warnings(bridge, &opts, &input, &engine_caps, &later).await;
    lints.1 = parse_time;
    lints.1.extend(later);
    let mut results = Vec::new();
    let mut context_load = None;
    let mut source_date_epoch = opts.build.source_date_epoch;
    let mut scanner_config = None;
    let now = super::pipeline::now(&opts);
    for (build_opts, build_plan) in target_opts.iter().zip(plans) {
        if let Some(failure) = checks_verdict(&lints) {
            return Err(FrontendError::Checks(failure));
        }
        let lowered = Pipeline {
            options: &opts,
            build: build_opts,
            text: &text,
            passes: Some(&pass_opts),
            now,
            engine: Some(&engine_caps),
            contexts: &contexts,
            dockerfile_load: Some(&input.definition),
        }
        .run(build_plan, &reader)
        .await
        .map_err(|e| e.with_definition(&input.definition))?;
        warn_required_paths_unchecked(
            bridge,
            &opts,
            &input,
            &engine_caps,
            &lowered.unchecked_required_paths,
        )
        .await;
        if budgets.max_layers.is_some() {
            let platform = match (opts.platforms.len() > 1, &build_opts.target_platform) {
                (true, Some(p)) => p.to_string(),
                _ => String::new(),
            };
            match budgets::planned_layers(&lowered.plan) {
                Some(layers) => {
                    if let Some(msg) =
                        budgets::layers_exceeded(&budgets, &layers, &platform, &opts.filename)
                    {
                        return Err(FrontendError::Budget(msg));
                    }
                }
                None => {
                    let short = "max-layers is not checked: the target starts from a named context, whose layers are known only once built".to_string();
                    send_warning(bridge, &opts, &input, &engine_caps, short, vec![], vec![]).await;
                }
            }
        }
        explanation.get_or_insert(lowered.explanation);
        if context_load.is_none() {
            context_load = lowered.context_load;
        }
        let build_plan = &lowered.plan;
        source_date_epoch = build_plan.source_date_epoch;
        // An empty result (`FROM scratch` only) has nothing to solve.
        let reference = if lowered.definition.definition.def.is_empty() {
            None
        } else if budgets.max_build_time.is_some() {
            // Timed: the work happens now, not later in the exporter.
            Some(
                bridge
                    .solve_evaluated(lowered.definition.definition)
                    .await?,
            )
        } else {
            Some(bridge.solve(lowered.definition.definition).await?)
        };
        // Keyed by the platform asked for, as upstream: a target built
        // `FROM --platform=$BUILDPLATFORM` is still one result per
        // requested platform.
        let platform = build_opts
            .target_platform
            .clone()
            .unwrap_or_else(|| build_plan.platform.clone());
        let mut attestations = Vec::new();
        if let Some(scanner) = &opts.sbom {
            let config = match &scanner_config {
                Some(c) => c,
                None => scanner_config.insert(resolve_scanner(bridge, &opts, scanner).await?),
            };
            attestations.push(
                scan_sbom(
                    bridge,
                    &opts,
                    scanner,
                    config,
                    &platform,
                    build_opts,
                    (&lowered.root, &lowered.sbom_extras),
                )
                .await?,
            );
        }
        results.push(PlatformResult {
            platform,
            reference,
            image: build_plan.image.clone(),
            attestations,
        });
    }
    check_budgets_after_solve(bridge, &budgets, &engine_caps, context_load, started).await?;
    Ok(FrontendResult {
        multi_platform: opts.platforms.len() > 1 || opts.build.multi_platform,
        platforms: results,
        explanation: explanation.unwrap_or_default(),
        // The build arg's, or the Dockerfile's `ARG SOURCE_DATE_EPOCH=` default.
        source_date_epoch,
        forwarded: None,
    })
}

/// As upstream's frontend image: a build whose `BUILDKIT_SYNTAX` build
/// arg or `# syntax=` line names a frontend goes to that frontend, unless
/// the engine has already chosen this one for it (`cmdline`, which
/// Docker's own frontend sets when it runs `# syntax=strata`). The bridge
/// decides whether builds are handed on at all: the image's does, the
/// CLI's does not. A failure that names no line of its own is shown at
/// the `# syntax=` line.
async fn forward_by_syntax<B: Bridge>(
    bridge: &B,
    opts: &super::FrontendOptions,
    input: &super::inputs::DockerfileInput,
) -> Result<Option<FrontendResult>, FrontendError> {
    use super::bridge::Forwarded;
    if bridge.options().contains_key("cmdline") {
        return Ok(None);
    }
    let (cmdline, at) = match bridge
        .options()
        .get("build-arg:BUILDKIT_SYNTAX")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
    {
        Some(arg) => (arg.to_string(), None),
        None => match dockerfile::parser::syntax_directive(&input.text) {
            Some(d) => (d.value, Some(d.span)),
            None => return Ok(None),
        },
    };
    let source = cmdline.split_whitespace().next().unwrap_or_default();
    match bridge.forward(source, &cmdline).await? {
        None => Ok(None),
        Some(Forwarded::Result(result)) => Ok(Some(FrontendResult {
            platforms: Vec::new(),
            explanation: Default::default(),
            source_date_epoch: None,
            multi_platform: false,
            forwarded: Some(result),
        })),
        Some(Forwarded::Failed(status)) => {
            let located = status
                .details
                .iter()
                .any(|d| d.type_url.contains("errdefs.Source"));
            let at = at.filter(|_| !located).map(|span| {
                Box::new(super::result::ErrorSource {
                    span,
                    filename: opts.filename.clone(),
                    text: input.text.clone(),
                    definition: Some(input.definition.clone()),
                })
            });
            Err(FrontendError::Forwarded { status, at })
        }
    }
}

/// The SBOM scanner image's config (its entrypoint and command are the
/// scan), for the build platform, where the scan runs.
async fn resolve_scanner<B: Bridge>(
    bridge: &B,
    opts: &super::FrontendOptions,
    scanner: &super::sbom::Scanner,
) -> Result<crate::plan::image::ImageConfig, FrontendError> {
    let resolved = bridge
        .resolve_image_config(
            &scanner.generator,
            &opts.build.build_platform,
            opts.build.image_resolve_mode,
            &format!("[internal] load metadata for {}", scanner.generator),
        )
        .await
        .map_err(|error| FrontendError::ResolveImage {
            reference: scanner.generator.clone(),
            source_name: "the SBOM scanner's registry".into(),
            error,
            at: None,
        })?;
    crate::plan::image::ImageConfig::from_json(&resolved.config).map_err(|e| {
        FrontendError::Settings(format!(
            "the SBOM scanner {} has an invalid image config: {e}",
            scanner.generator
        ))
    })
}

/// Scan one platform's result (and the plan's SBOM extras) with the
/// scanner, solving the scan: the SBOM attestation for that result.
async fn scan_sbom<B: Bridge>(
    bridge: &B,
    opts: &super::FrontendOptions,
    scanner: &super::sbom::Scanner,
    config: &crate::plan::image::ImageConfig,
    platform: &crate::plan::platform::Platform,
    build_opts: &crate::plan::BuildOptions,
    (root, extras): (&crate::llb::Fs, &[(String, crate::llb::Fs)]),
) -> Result<super::sbom::Attestation, FrontendError> {
    let scan = super::sbom::scan(
        scanner,
        config,
        &opts.build.build_platform,
        &platform.to_string(),
        root.clone(),
        extras,
        build_opts.network,
        !matches!(build_opts.no_cache, crate::plan::NoCache::Off),
    )
    .map_err(FrontendError::Settings)?;
    let reference = bridge
        .solve(crate::llb::definition::marshal(&scan, None).definition)
        .await?;
    Ok(super::sbom::Attestation::sbom(reference))
}

/// The context and build-time budgets, once the build is solved: the
/// context the build loaded is listed through the engine (a build that
/// reads no context sent none).
async fn check_budgets_after_solve<B: Bridge>(
    bridge: &B,
    budgets: &budgets::Budgets,
    engine_caps: &BridgeCaps,
    context_load: Option<crate::proto::pb::Definition>,
    started: std::time::Instant,
) -> Result<(), FrontendError> {
    if budgets.max_context_size.is_none() && budgets.max_build_time.is_none() {
        return Ok(());
    }
    let mut figures = budgets::BuildFigures {
        build_time: Some(started.elapsed()),
        ..Default::default()
    };
    if budgets.max_context_size.is_some() && budgets::can_list(engine_caps) {
        figures.context_size = Some(match context_load {
            Some(load) => {
                let reference = bridge.solve(load).await?;
                budgets::tree_bytes(bridge, &reference).await?
            }
            None => 0,
        });
    }
    match budgets::exceeded_after_solve(budgets, &figures) {
        Some(msg) => Err(FrontendError::Budget(msg)),
        None => Ok(()),
    }
}

/// The variable that makes a debug build's frontend write the options it
/// received to a file, as JSON, and stop there (test-only, like
/// `STRATA_FAULT`): tests/llb_matches_build.rs records what `strata build`
/// really sends and checks that `strata llb` converts the same thing.
pub const RECORD_OPTIONS_ENV: &str = "STRATA_DEBUG_RECORD_OPTIONS";

/// See [`RECORD_OPTIONS_ENV`]; release builds never record.
fn record_options(options: &BTreeMap<String, String>) -> Result<(), FrontendError> {
    if !cfg!(debug_assertions) {
        return Ok(());
    }
    let Some(path) = std::env::var_os(RECORD_OPTIONS_ENV) else {
        return Ok(());
    };
    let json = serde_json::to_vec_pretty(options).unwrap_or_default();
    std::fs::write(&path, json)
        .map_err(|e| FrontendError::Settings(format!("{RECORD_OPTIONS_ENV}: {e}")))?;
    Err(FrontendError::Unsupported(format!(
        "stopped after recording the frontend options ({RECORD_OPTIONS_ENV})"
    )))
}

#[cfg(test)]
mod tests;
