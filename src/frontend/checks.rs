//! Build checks (`# check=`, `BUILDKIT_DOCKERFILE_CHECK`) and the warnings
//! the frontend sends to the engine: each finding, and features degraded
//! for an older engine, attached to the vertex that loaded the Dockerfile
//! so clients print them with the Dockerfile's lines.

use std::collections::BTreeMap;

use super::bridge::{Bridge, BridgeCaps, BridgeWarning, WarningSource};
use super::build::FrontendError;
use super::inputs::DockerfileInput;
use super::options::FrontendOptions;
use crate::dockerfile::{self, lint};
use crate::llb::caps;

/// Which checks run: the `BUILDKIT_DOCKERFILE_CHECK` build-arg replaces the
/// Dockerfile's `# check=` directive, like upstream.
pub fn check_config(
    options: &BTreeMap<String, String>,
    df: &dockerfile::Dockerfile,
) -> Result<lint::CheckConfig, String> {
    let (source, value) = match options.get(CHECK_BUILD_ARG) {
        Some(v) => ("the BUILDKIT_DOCKERFILE_CHECK build-arg", v.as_str()),
        None => match df.directive("check") {
            Some(d) => ("the # check= directive", d.value.as_str()),
            None => return Ok(lint::CheckConfig::default()),
        },
    };
    lint::CheckConfig::parse(value).map_err(|e| format!("{source}: {e}"))
}

/// The build-arg that overrides `# check=`.
pub const CHECK_BUILD_ARG: &str = "build-arg:BUILDKIT_DOCKERFILE_CHECK";

/// Run the build checks (the Dockerfile's text only).
pub(super) fn run_checks(
    bridge_options: &BTreeMap<String, String>,
    df: &dockerfile::Dockerfile,
    text: &str,
) -> Result<(lint::CheckConfig, Vec<lint::Lint>), FrontendError> {
    let config = check_config(bridge_options, df).map_err(FrontendError::Settings)?;
    let found = lint::check(df, text, &config);
    Ok((config, found))
}

/// The findings of the instructions before line `error_line` (a
/// Dockerfile that does not parse there): upstream reports them before the
/// error. Nothing when that part does not parse on its own either.
pub(super) fn lints_before_error(
    bridge_options: &BTreeMap<String, String>,
    text: &str,
    error_line: u32,
) -> Vec<lint::Lint> {
    let prefix: String = text
        .lines()
        .take(error_line.saturating_sub(1) as usize)
        .map(|l| format!("{l}\n"))
        .collect();
    match dockerfile::parse(&prefix) {
        Ok(df) => run_checks(bridge_options, &df, &prefix)
            .map(|(_, found)| found)
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// Send each build-check finding to the engine as a warning on the vertex
/// that loaded the Dockerfile, in order. A warning the engine refuses is
/// logged, never fatal; engines without the `gateway.warnings` capability
/// get none.
pub(super) async fn send_check_warnings<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    input: &DockerfileInput,
    engine_caps: &BridgeCaps,
    found: &[lint::Lint],
) {
    if !can_warn(engine_caps, input) {
        return;
    }
    for l in found {
        let warning = dockerfile_warning(
            opts,
            input,
            l.short(),
            vec![l.rule.description().to_string()],
            l.rule.url(),
            vec![l.span],
        );
        if let Err(e) = bridge.warn(warning).await {
            tracing::warn!(error = %e, "the engine did not take a build-check warning");
        }
    }
}

/// The frontend API capability for `Warn`.
pub const GATEWAY_WARNINGS_CAP: &str = "gateway.warnings";

/// Whether warnings can be sent: the engine takes `Warn` (engines that list
/// no frontend caps are assumed to) and there is a load vertex to attach to.
fn can_warn(engine_caps: &BridgeCaps, input: &DockerfileInput) -> bool {
    (engine_caps.frontend.is_empty() || engine_caps.frontend.contains(GATEWAY_WARNINGS_CAP))
        && !input.vertex.is_empty()
}

/// A warning attached to the op that loaded the Dockerfile, with the
/// Dockerfile as its source so clients can print the lines.
fn dockerfile_warning(
    opts: &FrontendOptions,
    input: &DockerfileInput,
    short: String,
    detail: Vec<String>,
    url: String,
    ranges: Vec<crate::dockerfile::Span>,
) -> BridgeWarning {
    BridgeWarning {
        vertex: input.vertex.clone(),
        level: 1,
        short,
        detail,
        url,
        source: Some(WarningSource {
            filename: opts.filename.clone(),
            data: input.text.as_bytes().to_vec(),
            language: "Dockerfile".into(),
            definition: Some(input.definition.clone()),
        }),
        ranges,
    }
}

/// With `check=error=true`, the message that fails the build (checked
/// after planning, so real errors in the Dockerfile are reported first).
pub(super) fn checks_verdict(
    (config, found): &(lint::CheckConfig, Vec<lint::Lint>),
) -> Option<String> {
    if !config.error || found.is_empty() {
        return None;
    }
    let rules: std::collections::BTreeSet<&str> = found.iter().map(|l| l.rule.name()).collect();
    Some(format!(
        "lint violation found for rules: {} (check=error=true)",
        rules.into_iter().collect::<Vec<_>>().join(", ")
    ))
}

/// Warn, at each `COPY --parents` line, that this engine cannot check
/// the copy's sources exist (see [`super::caps::drop_required_paths`]).
pub(super) async fn warn_required_paths_unchecked<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    input: &DockerfileInput,
    engine_caps: &BridgeCaps,
    spans: &[crate::dockerfile::Span],
) {
    if spans.is_empty() {
        return;
    }
    send_warning(
        bridge,
        opts,
        input,
        engine_caps,
        format!(
            "COPY --parents: this engine lacks {}, so a missing source copies nothing instead of failing the build",
            caps::FILE_COPY_REQUIRED_PATHS
        ),
        vec!["Upgrade BuildKit to have COPY --parents check that its sources exist.".into()],
        spans.to_vec(),
    )
    .await;
}

/// Send one warning of the frontend's own (not a build check) on the
/// vertex that loaded the Dockerfile; refused or unsupported, it is logged.
pub(super) async fn send_warning<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    input: &DockerfileInput,
    engine_caps: &BridgeCaps,
    short: String,
    detail: Vec<String>,
    spans: Vec<crate::dockerfile::Span>,
) {
    if !can_warn(engine_caps, input) {
        tracing::warn!("{short}");
        return;
    }
    let warning = dockerfile_warning(opts, input, short, detail, String::new(), spans);
    if let Err(e) = bridge.warn(warning).await {
        tracing::warn!(error = %e, "the engine did not take a warning");
    }
}
