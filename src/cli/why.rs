//! `strata why [REF]`: the first step of a build that ran instead of coming
//! from the cache, and why, compared with the previous build of the same
//! project and target. Also the build path's hook ([`after_build`]): it
//! records the build's inputs for later `why` questions and prints the
//! post-build report (`--report FILE` writes it as JSON).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};

use super::engine_args::{EngineArgs, on_engine};
use super::history::{Builds, Failure, write_atomically};
use super::{EXIT_OK, outln};
use crate::engine::Engine;
use crate::insights::inputs::{BuildFacts, BuildInputs};
use crate::insights::store::StateDir;
use crate::insights::why::{self, BuildView, WhyReport};
use crate::insights::{record, report};
use crate::progress::ProgressMode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WhyFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct WhyArgs {
    /// Build ref, unique prefix, or ^N (default ^1, the last build).
    #[arg(default_value = "^1")]
    pub build: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: WhyFormat,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// `strata build` flags of the post-build report.
#[derive(Debug, Clone, Default, Args)]
pub struct ReportArgs {
    /// Write the build report as JSON to this file (schema: docs/build-report.md).
    #[arg(long = "report", value_name = "FILE")]
    pub report: Option<PathBuf>,
}

pub fn run(args: WhyArgs) -> i32 {
    let WhyArgs {
        build,
        format,
        engine,
    } = args;
    on_engine(&engine, async move |engine| {
        match why_of(&engine, &build).await {
            Ok(report) => {
                if format == WhyFormat::Json {
                    match serde_json::to_string_pretty(&report) {
                        Ok(t) => outln!("{t}"),
                        Err(e) => return Failure::Failed(e.to_string()).report(),
                    }
                } else {
                    super::out!("{}", why::render(&report));
                }
                EXIT_OK
            }
            Err(e) => e.report(),
        }
    })
}

/// The `why` answer for one build of the engine's history.
async fn why_of(engine: &Engine, given: &str) -> Result<WhyReport, Failure> {
    let builds = Builds::load(engine).await?;
    let row = builds.resolve(given)?.clone();
    why_for_row(engine, &builds, &row).await
}

async fn why_for_row(
    engine: &Engine,
    builds: &Builds,
    row: &record::BuildRow,
) -> Result<WhyReport, Failure> {
    let steps = builds.steps(engine, &row.build_ref).await?;
    let inputs = builds.inputs(&row.build_ref);
    let previous = previous_build(engine, builds, row, &steps, inputs.as_ref()).await;
    let prev_inputs = previous
        .as_ref()
        .and_then(|(p, _)| builds.inputs(&p.build_ref));
    let attrs_of = |r: &str| builds.records.get(r).map(|r| &r.frontend_attrs);
    let now = BuildView {
        build_ref: &row.build_ref,
        steps: &steps,
        inputs: inputs.as_ref(),
        attrs: attrs_of(&row.build_ref),
    };
    let before = previous.as_ref().map(|(p, s)| BuildView {
        build_ref: &p.build_ref,
        steps: s,
        inputs: prev_inputs.as_ref(),
        attrs: attrs_of(&p.build_ref),
    });
    Ok(why::explain(now, before))
}

/// How many earlier builds of the same name are looked at for the previous
/// build of the same project.
const CANDIDATES: usize = 20;

/// The previous finished build of the same project and target, with its
/// steps. Builds strata recorded match on the project (its context
/// directory); others (`docker buildx build` sends no context name) on
/// the name and on sharing most of their Dockerfile steps.
async fn previous_build(
    engine: &Engine,
    builds: &Builds,
    row: &record::BuildRow,
    steps: &[crate::insights::steps::Step],
    inputs: Option<&BuildInputs>,
) -> Option<(record::BuildRow, Vec<crate::insights::steps::Step>)> {
    let candidates = builds.rows.iter().filter(|r| {
        r.created_ms < row.created_ms
            && r.build_ref != row.build_ref
            && r.name == row.name
            && r.target == row.target
            && r.status == record::BuildStatus::Completed
    });
    let mine = instructions(steps);
    for candidate in candidates.take(CANDIDATES) {
        let their_inputs = builds.inputs(&candidate.build_ref);
        match (inputs, &their_inputs) {
            (Some(a), Some(b)) if a.project_key != b.project_key => continue,
            (Some(_), None) | (None, Some(_)) => continue,
            _ => {}
        }
        let Ok(their_steps) = builds.steps(engine, &candidate.build_ref).await else {
            continue;
        };
        if inputs.is_none() {
            let theirs = instructions(&their_steps);
            let shared = mine.intersection(&theirs).count();
            let all = mine.union(&theirs).count().max(1);
            if shared * 2 < all {
                continue;
            }
        }
        return Some((candidate.clone(), their_steps));
    }
    None
}

/// The instruction keywords with their first word (`RUN echo`, `COPY src`):
/// close enough to tell projects apart, loose enough to survive an edit.
fn instructions(steps: &[crate::insights::steps::Step]) -> std::collections::BTreeSet<String> {
    steps
        .iter()
        .filter(|s| why::is_dockerfile_step(s))
        .map(|s| {
            s.instruction
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// What the build path hands the hook: the build ref, the context
/// directory, the Dockerfile's text, the frontend attributes sent, and the
/// progress mode.
pub type BuildHook<'a> = (
    &'a String,
    &'a PathBuf,
    &'a String,
    &'a BTreeMap<String, String>,
    ProgressMode,
);

/// How long the report waits for the engine to finish the build's record
/// (it completes a moment after the solve answers), and how long the whole
/// report may take, after a successful build and after a failed one (an
/// engine that failed the build may not answer at all).
const RECORD_WAIT: Duration = Duration::from_secs(10);
const REPORT_LIMIT: Duration = Duration::from_secs(20);
const FAILED_RECORD_WAIT: Duration = Duration::from_secs(3);
const FAILED_REPORT_LIMIT: Duration = Duration::from_secs(5);

/// The build path's hook, called once when `strata build` ends (success or
/// failure, not after an interrupt): records the inputs, then prints the report and writes
/// `--report`. Never changes the build's outcome; problems are notes.
pub async fn after_build(
    engine: &Engine,
    args: &super::build::BuildArgs,
    (build_ref, context, dockerfile_text, attrs, progress): BuildHook<'_>,
    code: i32,
) {
    let dockerfile = args
        .file
        .clone()
        .unwrap_or_else(|| context.join("Dockerfile"));
    let dockerfile = dockerfile.as_path();
    let tags = args.tags.as_slice();
    let args = &args.report;
    // Interrupted (128 + signal): the user wants out, not a report.
    if code >= 128 {
        return;
    }
    let created_ms = super::history::now_ms();
    if let Err(e) = record_inputs(
        build_ref,
        context,
        dockerfile,
        dockerfile_text,
        attrs,
        created_ms,
    )
    .await
    {
        tracing::debug!("build inputs not recorded: {e}");
    }
    let show = !matches!(progress, ProgressMode::Quiet | ProgressMode::RawJson);
    if !show && args.report.is_none() {
        return;
    }
    let (wait, limit) = if code == 0 {
        (RECORD_WAIT, REPORT_LIMIT)
    } else {
        (FAILED_RECORD_WAIT, FAILED_REPORT_LIMIT)
    };
    let built = tokio::time::timeout(limit, build_report(engine, build_ref, tags, wait))
        .await
        .unwrap_or(Ok(None));
    match built {
        Ok(Some(r)) => {
            if show {
                eprint!("{}", report::render(&r));
            }
            if let Some(path) = &args.report {
                let json = serde_json::to_vec_pretty(&r).unwrap_or_default();
                if let Err(e) = write_atomically(path, &json) {
                    eprintln!("warning: cannot write the report {}: {e}", path.display());
                }
            }
        }
        Ok(None) => {
            if args.report.is_some() {
                eprintln!(
                    "warning: no report: the engine did not finish the build's history record in time"
                );
            }
        }
        Err(Failure::History(crate::engine::HistoryError::Unsupported(_))) => {
            if args.report.is_some() {
                eprintln!("warning: no report: this engine has no build history API");
            }
        }
        Err(_) if args.report.is_none() => {}
        Err(e) => {
            let _ = e.report();
        }
    }
}

async fn record_inputs(
    build_ref: &str,
    context: &Path,
    dockerfile: &Path,
    dockerfile_text: &str,
    attrs: &BTreeMap<String, String>,
    created_ms: i64,
) -> Result<(), String> {
    let state = StateDir::from_env().ok_or("no state directory (HOME unset)")?;
    let key = state.key().map_err(|e| e.to_string())?;
    let context_abs = std::fs::canonicalize(context).map_err(|e| e.to_string())?;
    // The walk reads every context file: off the async threads.
    let (ctx_dir, df) = (context_abs.clone(), dockerfile.to_path_buf());
    let facts = tokio::task::spawn_blocking(move || {
        let excludes = super::inputs::read_dockerignore(Some(&df), &ctx_dir)
            .map_err(|_| "unreadable .dockerignore".to_string())?;
        super::vcs::context_facts(&ctx_dir, &excludes).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())??;
    let context_str = context_abs.to_string_lossy();
    let inputs = BuildInputs::from_facts(
        &BuildFacts {
            build_ref,
            context_abs: &context_str,
            dockerfile_text,
            attrs,
            created_ms,
            context_digest: facts.digest,
            context_files: facts.files,
        },
        &key,
    );
    state.save(&inputs).map_err(|e| e.to_string())
}

async fn build_report(
    engine: &Engine,
    build_ref: &str,
    tags: &[String],
    wait: Duration,
) -> Result<Option<report::BuildReport>, Failure> {
    let Some(record) = engine.finished_build(build_ref, wait).await? else {
        return Ok(None);
    };
    let local = StateDir::from_env().and_then(|s| s.load(build_ref));
    let row = record::row(
        &record,
        local
            .as_ref()
            .map(|i| (i.project.as_str(), i.target.as_str())),
        super::history::now_ms(),
    );
    let steps = super::history::read_steps(engine, &record).await?;
    // `why` compares with earlier builds (more engine reads): only when an
    // install step ran, the one case the report explains.
    let install_ran = steps.iter().any(|s| {
        why::is_dockerfile_step(s) && !s.cached && report::is_install_step(&s.instruction)
    });
    let why = if install_ran {
        let builds = Builds::load(engine).await?;
        why_for_row(engine, &builds, &row).await.ok()
    } else {
        None
    };
    let size = if row.status == record::BuildStatus::Completed {
        image_size(engine, tags).await
    } else {
        None
    };
    Ok(Some(report::build(&row, &steps, why.as_ref(), size)))
}

/// The built image's size, where strata can look it up: on Docker Engine,
/// the first `-t` name in the engine's image store (the history record
/// keeps no image digest). `None` elsewhere.
async fn image_size(engine: &Engine, tags: &[String]) -> Option<u64> {
    let crate::engine::Endpoint::Docker(socket) = engine.endpoint() else {
        return None;
    };
    let inspect = crate::engine::docker::inspect_image(socket, tags.first()?)
        .await
        .ok()?;
    inspect.get("Size")?.as_u64()
}
