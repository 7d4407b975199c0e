//! Base images for the planner: each round of planning names the images it
//! still needs, the engine resolves them all at once (a registry image, or
//! one in the client's OCI layout store), and planning runs again until
//! every platform's plan is complete.

use super::ConvertError;
use super::bridge::{Bridge, BridgeError, ImageConfigBytes, OciStore};
use super::build::FrontendError;
use super::result::ErrorSource;
use crate::dockerfile;
use crate::dockerfile::Span;
use crate::plan::image::ImageConfig;
use crate::plan::reference::ImageRef;
use crate::plan::{self, PlanError, ResolvedImage, ResolvedImages};

/// Plan `df` once per entry of `targets` (one per platform), resolving the
/// base images the planner asks for. Each round resolves, concurrently,
/// what every unfinished plan asked for (the planner may ask again once a
/// config is known, e.g. for `FROM` of a stage built on an `ARG`). Each
/// target fails as it would planned alone (on the first image of a round
/// that could not be resolved), and the first target's error wins.
pub(super) async fn plan_targets<B: Bridge>(
    bridge: &B,
    df: &dockerfile::Dockerfile,
    targets: &[plan::BuildOptions],
    resolved: &mut ResolvedImages,
    syntax_error: &(dyn Fn(ConvertError) -> FrontendError + Sync),
) -> Result<Vec<plan::BuildPlan>, FrontendError> {
    /// Rounds of image requests one plan may take.
    const MAX_ATTEMPTS: usize = 16;
    let mut outcomes: Vec<Option<Result<plan::BuildPlan, FrontendError>>> =
        targets.iter().map(|_| None).collect();
    let mut attempts = vec![0usize; targets.len()];
    loop {
        // What each unfinished target asked for in this round.
        let mut asked: Vec<(usize, Vec<Located>)> = Vec::new();
        for (i, build_opts) in targets.iter().enumerate() {
            if outcomes[i].is_some() {
                continue;
            }
            match plan::plan(df, build_opts, resolved) {
                Ok(p) => outcomes[i] = Some(Ok(p)),
                Err(PlanError::NeedImages(requests)) if attempts[i] < MAX_ATTEMPTS => {
                    attempts[i] += 1;
                    asked.push((i, requests));
                }
                Err(e) => outcomes[i] = Some(Err(syntax_error(e.into()))),
            }
        }
        if asked.is_empty() {
            return outcomes.into_iter().flatten().collect();
        }
        let mut requests: Vec<(&plan::ImageRequest, Option<Span>)> = Vec::new();
        for (r, at) in asked.iter().flat_map(|(_, rs)| rs) {
            if !requests.iter().any(|(seen, _)| *seen == r) {
                requests.push((r, *at));
            }
        }
        let mode = targets
            .first()
            .map(|t| t.image_resolve_mode)
            .unwrap_or_default();
        let answers = futures_util::future::join_all(
            requests
                .iter()
                .map(|(request, _)| resolve_image(bridge, request, mode)),
        )
        .await;
        let answers: Vec<(plan::ImageRequest, Result<ResolvedImage, FrontendError>)> = requests
            .into_iter()
            .zip(answers)
            .map(|((request, at), got)| (request.clone(), image_of(request, got, at)))
            .collect();
        for (i, requests) in &asked {
            // In request order: the first failure is the one reported.
            if let Some(e) = requests.iter().find_map(|(r, _)| {
                answers
                    .iter()
                    .find(|(a, _)| a == r)
                    .and_then(|(_, got)| got.as_ref().err())
            }) {
                outcomes[*i] = Some(Err(e.clone()));
            }
        }
        for (request, got) in answers {
            if let Ok(image) = got {
                resolved.images.insert(request, Some(image));
            }
        }
    }
}

/// How many times source policies may turn named contexts into other
/// sources in one build (upstream's limit: a policy cycle fails).
const MAX_POLICY_REDIRECTS: usize = 10;

/// A named context whose image a source policy turned into another kind
/// of source (`docker-image://alpine` → `local://src`): the engine refuses
/// to resolve it as an image, naming the new source. As upstream, the
/// named context then becomes that source. Returns the context's key and
/// its new value; `None` for any other failure.
fn policy_redirect(
    error: &FrontendError,
    targets: &[plan::BuildOptions],
) -> Option<(String, plan::NamedContext)> {
    const MUTATED: &str = "ref mutated by policy to non-image: ";
    let FrontendError::ResolveImage {
        reference, error, ..
    } = error
    else {
        return None;
    };
    let (BridgeError::Engine(message) | BridgeError::NotFound(message)) = error;
    let (_, change) = message.split_once(MUTATED)?;
    let updated = change.split_once(" -> ")?.1.split_whitespace().next()?;
    let context = match updated.split_once("://") {
        Some(("local", name)) => plan::NamedContext::Local(name.to_string()),
        _ => plan::NamedContext::parse(updated).ok()?,
    };
    let key = targets
        .first()?
        .named_contexts
        .iter()
        .find_map(|(key, c)| {
            let plan::NamedContext::Image(image) = c else {
                return None;
            };
            let normalized = ImageRef::parse(image).ok()?.with_default_tag().to_string();
            (normalized == *reference).then(|| key.clone())
        })?;
    Some((key, context))
}

/// Plan again while a source policy turns a named context's image into
/// another source (see [`policy_redirect`]): the named context becomes
/// that source in every target, its ignore file is read, and planning
/// starts over, at most [`MAX_POLICY_REDIRECTS`] times. Any other failure
/// is the answer.
#[allow(clippy::too_many_arguments)]
pub(super) async fn replan_after_policy_redirects<B: Bridge>(
    bridge: &B,
    df: &dockerfile::Dockerfile,
    opts: &super::FrontendOptions,
    targets: &mut [plan::BuildOptions],
    contexts: &mut super::inputs::NamedContextInputs,
    syntax_error: &(dyn Fn(ConvertError) -> FrontendError + Sync),
    mut error: FrontendError,
) -> Result<Result<Vec<plan::BuildPlan>, FrontendError>, FrontendError> {
    for _ in 0..MAX_POLICY_REDIRECTS {
        let Some((key, context)) = policy_redirect(&error, targets) else {
            break;
        };
        tracing::debug!("source policy: named context {key} is now {context:?}");
        for t in targets.iter_mut() {
            t.named_contexts.insert(key.clone(), context.clone());
        }
        let mut redirected = opts.clone();
        redirected.build.named_contexts = targets[0].named_contexts.clone();
        let more = super::inputs::load_named_contexts(bridge, &redirected).await?;
        contexts.inputs.extend(more.inputs);
        contexts.local_excludes.extend(more.local_excludes);
        let mut resolved = ResolvedImages::default();
        match plan_targets(bridge, df, targets, &mut resolved, syntax_error).await {
            Ok(plans) => return Ok(Ok(plans)),
            Err(e) => error = e,
        }
    }
    Ok(Err(error))
}

/// An image the planner asked for, with the instruction that names it.
type Located = (plan::ImageRequest, Option<Span>);

/// Ask the engine for one base image's config (a registry image, or one in
/// the client's OCI layout store).
async fn resolve_image<B: Bridge>(
    bridge: &B,
    request: &plan::ImageRequest,
    mode: crate::llb::source::ResolveMode,
) -> Result<ImageConfigBytes, BridgeError> {
    let name = request.reference.to_string();
    match &request.oci_store {
        Some(store_id) => {
            // Named after the context, as upstream does.
            let log = format!(
                "[context {}] load metadata for {name}",
                request
                    .reference
                    .familiar()
                    .split('@')
                    .next()
                    .unwrap_or_default()
            );
            let store = OciStore {
                session_id: bridge.session_id().unwrap_or_default().to_string(),
                store_id: store_id.clone(),
            };
            bridge
                .resolve_oci_layout_config(&name, &request.platform, &store, &log)
                .await
        }
        // `docker-image://scratch` as a named context is the empty image
        // (upstream's EmptyImageName): there is nothing to pull.
        None if is_empty_image(&request.reference) => Ok(ImageConfigBytes {
            reference: String::new(),
            digest: None,
            config: ImageConfig::scratch(&request.platform).to_json(),
        }),
        None => {
            let log = format!("[internal] load metadata for {name}");
            bridge
                .resolve_image_config(&name, &request.platform, mode, &log)
                .await
        }
    }
}

/// Whether `reference` names the empty image `scratch` (a stage's `FROM
/// scratch` never gets here; a named context `docker-image://scratch` does).
fn is_empty_image(reference: &ImageRef) -> bool {
    let familiar = reference.familiar();
    reference.digest.is_none() && familiar.strip_suffix(":latest").unwrap_or(&familiar) == "scratch"
}

/// The planner's view of an engine's answer for `request`.
fn image_of(
    request: &plan::ImageRequest,
    got: Result<ImageConfigBytes, BridgeError>,
    at: Option<Span>,
) -> Result<ResolvedImage, FrontendError> {
    let name = request.reference.to_string();
    let got = got.map_err(|error| FrontendError::ResolveImage {
        reference: name.clone(),
        source_name: match &request.oci_store {
            Some(store) => format!("OCI layout store {store} on the client"),
            None => format!("registry {}", request.reference.domain),
        },
        error,
        at: at.map(|span| Box::new(ErrorSource::at(span))),
    })?;
    let config = ImageConfig::from_json(&got.config).map_err(|e| {
        FrontendError::Bridge(BridgeError::Engine(format!(
            "image config of {name} is not valid JSON: {e}"
        )))
    })?;
    let reference = if got.reference.is_empty() {
        request.reference.clone()
    } else {
        ImageRef::parse(&got.reference)
            .map(|r| r.with_default_tag())
            .unwrap_or_else(|_| request.reference.clone())
    };
    let digest = got.digest.filter(|d| !d.is_empty());
    Ok(ResolvedImage {
        reference,
        digest,
        config,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_is_the_empty_image() {
        let parse = |s: &str| ImageRef::parse(s).unwrap().with_default_tag();
        assert!(is_empty_image(&parse("scratch")));
        assert!(is_empty_image(&parse("docker.io/library/scratch:latest")));
        assert!(!is_empty_image(&parse("busybox")));
        assert!(!is_empty_image(&parse("example.com/scratch")));
        assert!(!is_empty_image(&parse("scratch:1")));
    }
}
