//! The one pipeline from a build plan to its LLB: context files → every
//! pass (layering, cache mounts, cache-bust, stamp) → the user's labels →
//! capability check → lower → marshal.
//!
//! `strata build` (the in-process frontend), the frontend image, `strata
//! llb`, `strata explain` and the golden tests all run [`Pipeline::run`],
//! so what `strata llb` prints is what `strata build` solves for the same
//! inputs, and `strata explain` explains that very plan. What differs
//! between them is only where things come from, and each is an input here:
//! the context files (a [`ContextSource`]: the client's context through
//! the engine, or a local directory), the base images (resolved through the
//! engine, or given), the engine's capabilities (none known: nothing is
//! checked) and the time (`now`, read at the edge).
//!
//! The pipeline does no I/O of its own; its future waits only on the
//! context source, so with a [`super::LocalContext`] it is ready at once
//! (see [`run_now`]).

use std::future::Future;

use futures_util::FutureExt;

use super::ConvertError;
use super::bridge::BridgeCaps;
use super::build::FrontendError;
use super::context_reader::{ContextSource, read_rounds};
use super::inputs::NamedContextInputs;
use super::lower::context_local;
use super::options::FrontendOptions;
use super::{LowerOptions, lower};
use crate::dockerfile::Span;
use crate::llb::caps;
use crate::llb::definition::{SourceFile, marshal};
use crate::llb::{Fs, Marshaled};
use crate::plan::passes::bust::BustFacts;
use crate::plan::passes::{ExplainEntry, Explanation, PassFacts, PassOptions, run_all_passes};
use crate::plan::{BuildOptions, BuildPlan};

/// Everything the pipeline needs besides the plan and the context files.
pub struct Pipeline<'a> {
    /// The frontend options: file name, cache namespace, stamp facts,
    /// `CACHE_BUST`, labels.
    pub options: &'a FrontendOptions,
    /// The options the plan was made with (resolve mode, merge op).
    pub build: &'a BuildOptions,
    /// The Dockerfile's text (source maps, the stamped digest, errors).
    pub text: &'a str,
    /// The passes to run; `None` converts exactly as upstream does.
    pub passes: Option<&'a PassOptions>,
    /// The current time in Unix seconds (cache-ttl buckets, and the
    /// `created` stamp when the client sent none).
    pub now: i64,
    /// The engine's capabilities; `None` when there is no engine to ask
    /// (`strata llb`), then nothing is checked or degraded.
    pub engine: Option<&'a BridgeCaps>,
    /// Frontend inputs and `local:` contexts' ignore patterns.
    pub contexts: &'a NamedContextInputs,
    /// The definition that loaded the Dockerfile, for the source map.
    pub dockerfile_load: Option<&'a crate::proto::pb::Definition>,
}

/// A lowered build.
#[derive(Debug, Clone)]
pub struct Lowered {
    /// The plan after every pass (with the final image config).
    pub plan: BuildPlan,
    /// What the passes changed and why, in Dockerfile order.
    pub explanation: Explanation,
    pub definition: Marshaled,
    /// `COPY --parents` lines whose required paths were dropped because
    /// the engine cannot check them (the caller warns about them).
    pub unchecked_required_paths: Vec<Span>,
    /// The load of the client's main context when the build reads it (a
    /// local context, not a Git or HTTP one): what the client sends.
    pub context_load: Option<crate::proto::pb::Definition>,
    /// The result's filesystem, and what an SBOM scan sees beside it
    /// (the plan's [`crate::plan::SbomTargets`], lowered), by name.
    pub root: Fs,
    pub sbom_extras: Vec<(String, Fs)>,
}

impl Pipeline<'_> {
    /// Run the passes over `plan` with the files `context` serves, check it
    /// against the engine and lower it.
    pub async fn run<S: ContextSource>(
        &self,
        mut plan: BuildPlan,
        context: &S,
    ) -> Result<Lowered, FrontendError> {
        let filename = &self.options.filename;
        let mut explanation = Explanation::default();
        if let Some(pass_opts) = self.passes {
            let files = read_rounds(context, &plan, pass_opts).await?;
            tracing::debug!("frontend: context files read");
            let facts = pass_facts(self.options, self.text, &plan, self.now);
            explanation = run_all_passes(
                &mut plan,
                pass_opts,
                &files,
                &self.options.cache_namespace,
                &facts,
            )
            .map_err(|e| FrontendError::Settings(format!("{filename}: {e}")))?;
            in_dockerfile_order(&mut explanation);
        }
        // The user's own `--label`s win over stamped facts.
        if !self.options.build.labels.is_empty() {
            plan.image.merge_labels(&self.options.build.labels);
        }
        let mut unchecked_required_paths = Vec::new();
        if let Some(engine) = self.engine.filter(|e| !e.llb.is_empty()) {
            if !engine.supports(caps::FILE_COPY_REQUIRED_PATHS) {
                unchecked_required_paths = super::caps::drop_required_paths(&mut plan);
            }
            super::caps::check_engine_caps(&plan, engine).map_err(|e| {
                FrontendError::Dockerfile {
                    filename: filename.clone(),
                    text: self.text.to_string(),
                    error: Box::new(ConvertError::Plan(e)),
                    definition: None,
                }
            })?;
        }
        let lower_opts = LowerOptions {
            resolve_mode: self.build.image_resolve_mode,
            merge_op: self.build.merge_op,
            inputs: self.contexts.inputs.clone(),
            local_excludes: self.contexts.local_excludes.clone(),
            main_context: self.contexts.main.clone(),
            local_sessions: self.options.local_sessions.clone(),
        };
        let root = lower(&plan, &lower_opts);
        let sbom_extras = if self.options.sbom.is_some() {
            super::lower::sbom_extras(&plan, &lower_opts)
        } else {
            Vec::new()
        };
        let source = SourceFile {
            filename: filename.clone(),
            data: self.text.as_bytes().to_vec(),
            language: "Dockerfile".into(),
            definition: self.dockerfile_load.cloned(),
        };
        let definition = marshal(&root, Some(&source));
        let context_load = if lower_opts.main_context.is_none() {
            let load = marshal(&Some(context_local(&plan, &lower_opts)), None);
            let op = load.digests.len().checked_sub(2).map(|i| &load.digests[i]);
            op.is_some_and(|op| definition.digests.contains(op))
                .then_some(load.definition)
        } else {
            None
        };
        Ok(Lowered {
            plan,
            explanation,
            definition,
            unchecked_required_paths,
            context_load,
            root,
            sbom_extras,
        })
    }
}

/// The passes record what they did pass after pass, and a step that one
/// pass splits (a dependency pre-build and the build itself share a line)
/// gets the same rewrite from the next pass twice: list the entries by
/// Dockerfile line, in pass order within a line (entries without a line,
/// the image's stamps, last), each once.
fn in_dockerfile_order(explanation: &mut Explanation) {
    const PASS_ORDER: [&str; 4] = ["layering", "cache-mounts", "bust", "stamp"];
    let rank = |pass: &str| {
        PASS_ORDER
            .iter()
            .position(|p| *p == pass)
            .unwrap_or(PASS_ORDER.len())
    };
    explanation
        .entries
        .sort_by_key(|e| (e.line.unwrap_or(u32::MAX), rank(e.pass)));
    let mut once: Vec<ExplainEntry> = Vec::with_capacity(explanation.entries.len());
    for entry in explanation.entries.drain(..) {
        if !once.contains(&entry) {
            once.push(entry);
        }
    }
    explanation.entries = once;
}

/// Run a pipeline future whose context source never waits (a
/// [`super::LocalContext`], or files already in memory).
pub fn run_now<T>(pipeline: impl Future<Output = T>) -> T {
    pipeline
        .now_or_never()
        .expect("a local context source never waits")
}

/// The pass settings: the Dockerfile's `# strata:` directive, then the
/// per-build overrides (`strata-layering`, … options; CLI flags).
pub fn pass_options(options: &FrontendOptions, text: &str) -> Result<PassOptions, FrontendError> {
    let mut pass_opts = PassOptions::default();
    pass_opts.apply_directive(text).map_err(|e| {
        FrontendError::Settings(format!("{}: # strata: directive: {e}", options.filename))
    })?;
    for (k, v) in &options.pass_overrides {
        pass_opts
            .set(k, v)
            .map_err(|e| FrontendError::Settings(e.to_string()))?;
    }
    Ok(pass_opts)
}

/// The current time in Unix seconds, as the client sent it (`strata-now`)
/// or else from this machine's clock: the edges call this, the pipeline
/// takes the answer as an input.
pub fn now(options: &FrontendOptions) -> i64 {
    options.now.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    })
}

/// The facts the stamp and bust passes need: the options' facts plus what
/// only the frontend knows (the Dockerfile's digest, the target, its own
/// version). `created` is the client's time (SOURCE_DATE_EPOCH,
/// BUILD_DATE, `strata-created`), else the clock of a client that sends
/// one (`strata-now`: `strata build`). Through other clients (`docker
/// build`) there is then no `created` stamp: the exporter dates the image,
/// as upstream, and a rebuild from cache is the same image.
pub fn pass_facts(
    opts: &FrontendOptions,
    dockerfile: &str,
    plan: &BuildPlan,
    now: i64,
) -> PassFacts {
    use sha2::Digest;
    let mut stamp = opts.stamp.clone();
    stamp.dockerfile_digest = Some(format!(
        "sha256:{}",
        hex::encode(sha2::Sha256::digest(dockerfile.as_bytes()))
    ));
    stamp.frontend_version = env!("CARGO_PKG_VERSION").to_string();
    stamp.target = opts
        .build
        .target
        .clone()
        .or_else(|| plan.stages[plan.target].declared_name.clone());
    if let (Some(epoch), None) = (plan.source_date_epoch, opts.build.source_date_epoch) {
        // The Dockerfile's own `ARG SOURCE_DATE_EPOCH=` default.
        stamp.created = Some(crate::plan::dispatch::epoch_rfc3339(epoch));
    }
    if stamp.created.is_none()
        && let Some(client_now) = opts.now
    {
        stamp.created = Some(crate::plan::dispatch::epoch_rfc3339(client_now));
    }
    PassFacts {
        stamp,
        bust: BustFacts {
            now: Some(now),
            cache_bust: opts.cache_bust.clone(),
        },
    }
}
