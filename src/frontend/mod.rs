//! The Dockerfile frontend: Dockerfile text → build plan → LLB, shared by
//! `strata build` (in process), the frontend image, `strata llb`, `strata
//! explain` and the golden tests.
//!
//! The data flow, one module per job:
//!
//! - [`build`]: the orchestrator over a [`bridge::Bridge`] (the engine as
//!   the frontend sees it): what runs when, and what overlaps.
//! - [`main_context`]: where the context and the Dockerfile come from
//!   when the context is a Git or HTTP(S) URL or a frontend input.
//! - [`inputs`]: the Dockerfile, ignore files and named contexts, read
//!   from the client's locals (or the remote context) through the engine.
//! - [`checks`]: build checks and the warnings sent to the engine.
//! - [`images`]: base images resolved while planning, every platform at once.
//! - [`pipeline`]: the one path from a plan to LLB — context files, every
//!   pass, the capability check ([`caps`]), lowering ([`lower`]) — that
//!   every caller runs, so `strata llb` prints what `strata build` solves.
//! - [`context_reader`]: the context files the passes ask for, read round
//!   after round from a local directory or through the engine.
//! - [`result`]: what the frontend hands back, or why it failed.
//! - [`options`]: frontend options as clients send them; [`subrequests`]:
//!   `--call outline|targets`.

pub mod bridge;
pub mod budgets;
pub mod build;
pub mod caps;
pub mod checks;
pub mod context_reader;
pub mod epoch;
pub mod images;
pub mod inputs;
pub mod lower;
pub mod main_context;
pub mod options;
pub mod pipeline;
pub mod result;
pub mod sbom;
pub mod subrequests;

use crate::dockerfile::{self, Dockerfile};
use crate::llb::definition::Marshaled;
use crate::plan::passes::{ContextFiles, Explanation, PassOptions};
use crate::plan::{self, BuildOptions, BuildPlan, ImageResolver, PlanError};

use build::FrontendError;
pub use context_reader::{ContextSource, LocalContext};
pub use lower::{LowerOptions, lower};
use options::FrontendOptions;
use pipeline::{Pipeline, run_now};

/// Why a Dockerfile could not be converted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error(transparent)]
    Syntax(#[from] dockerfile::SyntaxError),
    #[error(transparent)]
    Plan(#[from] PlanError),
}

/// A converted build: the plan (with the final image config) and its LLB.
#[derive(Debug, Clone)]
pub struct Converted {
    pub dockerfile: Dockerfile,
    pub plan: BuildPlan,
    pub definition: Marshaled,
}

/// The smart passes for [`convert_with_passes`]: settings, a reader for
/// the context files they ask for, and the cache-id namespace.
pub struct PassInput<'a> {
    pub options: &'a PassOptions,
    pub read_files: &'a dyn Fn(Vec<String>) -> ContextFiles,
    pub cache_namespace: &'a str,
}

/// Context files from a function (for [`convert_with_passes`]).
struct ReadWith<'a>(&'a dyn Fn(Vec<String>) -> ContextFiles);

impl ContextSource for ReadWith<'_> {
    async fn read(&self, wanted: &[String]) -> Result<ContextFiles, FrontendError> {
        Ok((self.0)(wanted.to_vec()))
    }
}

/// Parse, plan and lower in one go, exactly as upstream would (no passes).
/// `filename` names the Dockerfile in source maps.
pub fn convert(
    text: &str,
    filename: &str,
    opts: &BuildOptions,
    images: &dyn ImageResolver,
) -> Result<Converted, ConvertError> {
    convert_with_passes(text, filename, opts, images, None).map(|(c, _)| c)
}

/// [`convert`] with strata's passes applied between planning and lowering
/// (every pass; stamped with no facts beyond the Dockerfile and time 0).
pub fn convert_with_passes(
    text: &str,
    filename: &str,
    opts: &BuildOptions,
    images: &dyn ImageResolver,
    passes: Option<PassInput>,
) -> Result<(Converted, Explanation), ConvertError> {
    let mut options = options::parse_options(&Default::default()).expect("no options are valid");
    options.filename = filename.to_string();
    options.build = opts.clone();
    let no_files = |_: Vec<String>| ContextFiles::default();
    let (read, pass_opts): (&dyn Fn(Vec<String>) -> ContextFiles, _) = match &passes {
        Some(p) => {
            options.cache_namespace = p.cache_namespace.to_string();
            (p.read_files, Some(p.options))
        }
        None => (&no_files, None),
    };
    convert_local(text, &options, pass_opts, images, &ReadWith(read), 0).map_err(|e| match e {
        FrontendError::Dockerfile { error, .. } => *error,
        other => ConvertError::Plan(PlanError::general(other.to_string())),
    })
}

/// The whole conversion on this machine (`strata llb`, `strata explain`,
/// the golden tests): parse, plan with base images from `images`, then
/// [`Pipeline::run`] with `context` — the pipeline `strata build` runs, with
/// no engine to check against. `options.build.dockerignore` must hold the
/// context's ignore patterns; the first of `options.platforms` is built.
pub fn convert_local<S: ContextSource>(
    text: &str,
    options: &FrontendOptions,
    passes: Option<&PassOptions>,
    images: &dyn ImageResolver,
    context: &S,
    now: i64,
) -> Result<(Converted, Explanation), FrontendError> {
    let dockerfile_error = |error: ConvertError| FrontendError::Dockerfile {
        filename: options.filename.clone(),
        text: text.to_string(),
        error: Box::new(error),
        definition: None,
    };
    let df = dockerfile::parse(text).map_err(|e| dockerfile_error(e.into()))?;
    let mut build = options.build.clone();
    if build.target_platform.is_none() {
        build.target_platform = options.platforms.first().cloned();
    }
    let plan = plan::plan(&df, &build, images).map_err(|e| dockerfile_error(e.into()))?;
    // The load `strata build` makes (no session here: the client's differs
    // per build; no strata.toml: `strata build` checks budgets itself).
    let load = inputs::dockerfile_load(options, &options.filename, None, None).definition;
    let lowered = run_now(
        Pipeline {
            options,
            build: &build,
            text,
            passes,
            now,
            engine: None,
            contexts: &Default::default(),
            dockerfile_load: Some(&load),
        }
        .run(plan, context),
    )?;
    Ok((
        Converted {
            dockerfile: df,
            plan: lowered.plan,
            definition: lowered.definition,
        },
        lowered.explanation,
    ))
}
