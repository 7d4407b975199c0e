//! `strata history`: the engine's own record of every build it ran
//! (`strata build`, `docker build` with strata's `# syntax=`, `buildctl`),
//! read through BuildKit's history API. Reading never changes history.
//!
//! `REF` is a build ref, an unambiguous prefix of one, or `^N` (the Nth
//! most recent build, `^1` the last). Exit codes: 0 ok, 1 the engine failed
//! a call, 2 bad input (an unknown or ambiguous REF), 3 engine unreachable
//! or without a history API.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::engine_args::{EngineArgs, on_engine};
use super::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_ENGINE_UNREACHABLE, EXIT_OK, out, outln};
use crate::engine::{Engine, HistoryError};
use crate::insights::inputs::{BuildInputs, keyed_hash, normalize};
use crate::insights::record::{self, BuildRow, RowFilter};
use crate::insights::stats::{self, human_bytes, human_ms};
use crate::insights::steps::{self, Step};
use crate::insights::store::StateDir;
use crate::insights::{report, timeline};
use crate::proto::control::BuildHistoryRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub command: HistoryCommand,
    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// List the builds the engine keeps, newest first.
    Ls(LsArgs),
    /// Show a build's steps: Dockerfile line, duration, cached or ran, bytes.
    Inspect(InspectArgs),
    /// Print a build's output (one step's with --step).
    Logs(LogsArgs),
    /// Median and p95 wall time, hit rate and context size per project/target.
    Stats(StatsArgs),
    /// Write a build as one self-contained HTML file (timeline, figures, logs).
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct LsArgs {
    /// Keep builds matching KEY=VALUE or KEY!=VALUE (name, target, status,
    /// ref prefix, frontend); repeatable, all must match.
    #[arg(long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Build ref, unique prefix, or ^N (default ^1, the last build).
    #[arg(default_value = "^1")]
    pub build: String,
    /// List the slowest steps first.
    #[arg(long)]
    pub slowest: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Build ref, unique prefix, or ^N (default ^1).
    #[arg(default_value = "^1")]
    pub build: String,
    /// Only this step: its number in `history inspect`, or a digest prefix.
    #[arg(long)]
    pub step: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only builds started within this span: 90s, 30m, 12h, 7d, 2w.
    #[arg(long, default_value = "7d")]
    pub since: String,
    /// Only this Dockerfile target.
    #[arg(long)]
    pub target: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Build ref, unique prefix, or ^N (default ^1).
    #[arg(default_value = "^1")]
    pub build: String,
    /// Write the HTML page here.
    #[arg(long, value_name = "FILE")]
    pub html: PathBuf,
}

pub fn run(args: HistoryArgs) -> i32 {
    let HistoryArgs { command, engine } = args;
    on_engine(&engine, async move |engine| {
        let result = match command {
            HistoryCommand::Ls(a) => ls(&engine, a).await,
            HistoryCommand::Inspect(a) => inspect(&engine, a).await,
            HistoryCommand::Logs(a) => logs(&engine, a).await,
            HistoryCommand::Stats(a) => stats_cmd(&engine, a).await,
            HistoryCommand::Export(a) => export(&engine, a).await,
        };
        match result {
            Ok(code) => code,
            Err(e) => e.report(),
        }
    })
}

/// What ends a history command early, with its exit code.
pub enum Failure {
    History(HistoryError),
    BadInput(String),
    Failed(String),
}

impl From<HistoryError> for Failure {
    fn from(e: HistoryError) -> Self {
        Failure::History(e)
    }
}

impl Failure {
    pub fn report(self) -> i32 {
        match self {
            Failure::History(e @ HistoryError::Unsupported(_)) => {
                eprintln!("error: {e}");
                EXIT_ENGINE_UNREACHABLE
            }
            Failure::History(HistoryError::Engine(e)) => {
                eprintln!("error: {e}");
                super::engine_exit_code(&e)
            }
            Failure::History(e) => {
                eprintln!("error: {e}");
                EXIT_BUILD_FAILED
            }
            Failure::BadInput(m) => {
                eprintln!("error: {m}");
                EXIT_BAD_INPUT
            }
            Failure::Failed(m) => {
                eprintln!("error: {m}");
                EXIT_BUILD_FAILED
            }
        }
    }
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The engine's builds as rows (newest first) beside their records, named
/// from strata's own state where it knows them.
pub struct Builds {
    pub rows: Vec<BuildRow>,
    pub records: BTreeMap<String, BuildHistoryRecord>,
    pub state: Option<StateDir>,
}

impl Builds {
    pub async fn load(engine: &Engine) -> Result<Builds, Failure> {
        let state = StateDir::from_env();
        let records = engine.build_history(None).await?;
        let now = now_ms();
        let mut rows: Vec<BuildRow> = records
            .iter()
            .map(|r| {
                let local = state.as_ref().and_then(|s| s.load(&r.r#ref));
                record::row(
                    r,
                    local
                        .as_ref()
                        .map(|i| (i.project.as_str(), i.target.as_str())),
                    now,
                )
            })
            .collect();
        record::sort_newest_first(&mut rows);
        let records = records.into_iter().map(|r| (r.r#ref.clone(), r)).collect();
        Ok(Builds {
            rows,
            records,
            state,
        })
    }

    pub fn resolve(&self, given: &str) -> Result<&BuildRow, Failure> {
        record::resolve(&self.rows, given).map_err(|e| Failure::BadInput(e.to_string()))
    }

    pub fn inputs(&self, build_ref: &str) -> Option<BuildInputs> {
        self.state.as_ref()?.load(build_ref)
    }

    /// A build's steps from its status log (none when it has no log yet).
    pub async fn steps(&self, engine: &Engine, build_ref: &str) -> Result<Vec<Step>, Failure> {
        match self.records.get(build_ref) {
            Some(record) => read_steps(engine, record).await,
            None => Ok(Vec::new()),
        }
    }

    /// The Dockerfile location of a failed build's error, from the
    /// record's external error blob (`file:line`).
    pub async fn error_location(&self, engine: &Engine, build_ref: &str) -> Option<String> {
        use prost::Message;
        let record = self.records.get(build_ref)?;
        // Older engines keep the details in the record's error; newer ones
        // move them to a blob of their own.
        let mut details = record
            .error
            .as_ref()
            .map(|e| crate::engine::error::decode_details(&e.encode_to_vec()))
            .unwrap_or_default();
        if let Some(desc) = record.external_error.as_ref()
            && let Ok(blob) = engine.read_history_blob(build_ref, "the error", desc).await
        {
            details.extend(crate::engine::error::decode_details(&blob));
        }
        details.iter().find_map(|d| match d {
            crate::engine::ErrorDetail::Source { filename, lines } => {
                let (start, _) = lines.first()?;
                Some(format!("{filename}:{start}"))
            }
            _ => None,
        })
    }
}

/// A build's steps from its status log (none when it has no log yet).
pub async fn read_steps(
    engine: &Engine,
    record: &BuildHistoryRecord,
) -> Result<Vec<Step>, Failure> {
    let Some(logs) = record.logs.as_ref() else {
        return Ok(Vec::new());
    };
    let blob = engine
        .read_history_blob(&record.r#ref, "the status log", logs)
        .await?;
    let messages = steps::decode_status_log(&blob).map_err(|e| Failure::Failed(e.to_string()))?;
    Ok(steps::fold(&messages))
}

fn when(ms: i64, now: i64) -> String {
    let ago = (now - ms).max(0) / 1000;
    match ago {
        0..60 => format!("{ago}s ago"),
        60..3600 => format!("{}m ago", ago / 60),
        3600..86400 => format!("{}h ago", ago / 3600),
        _ => format!("{}d ago", ago / 86400),
    }
}

fn rate(r: Option<f64>) -> String {
    r.map(|r| format!("{:.0}%", r * 100.0))
        .unwrap_or_else(|| "-".into())
}

fn json_out(v: &impl serde::Serialize) -> Result<i32, Failure> {
    let text = serde_json::to_string_pretty(v).map_err(|e| Failure::Failed(e.to_string()))?;
    outln!("{text}");
    Ok(EXIT_OK)
}

async fn ls(engine: &Engine, args: LsArgs) -> Result<i32, Failure> {
    let filters: Vec<RowFilter> = args
        .filters
        .iter()
        .map(|f| RowFilter::parse(f))
        .collect::<Result<_, _>>()
        .map_err(Failure::BadInput)?;
    let builds = Builds::load(engine).await?;
    let rows: Vec<&BuildRow> = builds
        .rows
        .iter()
        .filter(|r| filters.iter().all(|f| f.matches(r)))
        .collect();
    if args.format == Format::Json {
        return json_out(&rows);
    }
    let now = now_ms();
    outln!(
        "{:<26} {:<24} {:<10} {:<9} {:>8} {:>13} {}",
        "REF",
        "NAME",
        "TARGET",
        "STATUS",
        "DURATION",
        "CACHED/TOTAL",
        "WHEN"
    );
    for r in rows {
        outln!(
            "{:<26} {:<24} {:<10} {:<9} {:>8} {:>13} {}",
            r.build_ref,
            r.name,
            if r.target.is_empty() { "-" } else { &r.target },
            r.status.to_string(),
            human_ms(r.duration_ms),
            format!(
                "{}/{} {}",
                r.cached_steps,
                r.total_steps,
                rate(r.hit_rate())
            ),
            when(r.created_ms, now)
        );
    }
    Ok(EXIT_OK)
}

/// The Dockerfile line of a step, where strata's record of the build has
/// its instruction's line hashes.
fn line_of(step: &Step, inputs: Option<&BuildInputs>, key: Option<&[u8]>) -> Option<u32> {
    let (inputs, key) = (inputs?, key?);
    let h = keyed_hash(key, &normalize(&step.instruction));
    inputs
        .dockerfile_lines
        .iter()
        .find(|(_, v)| **v == h)
        .map(|(n, _)| *n)
}

async fn inspect(engine: &Engine, args: InspectArgs) -> Result<i32, Failure> {
    let builds = Builds::load(engine).await?;
    let row = builds.resolve(&args.build)?.clone();
    let mut steps = builds.steps(engine, &row.build_ref).await?;
    let inputs = builds.inputs(&row.build_ref);
    let key = builds.state.as_ref().and_then(|s| s.key().ok());
    let location = if row.error.is_some() {
        builds.error_location(engine, &row.build_ref).await
    } else {
        None
    };
    // Without a location from the engine, the failed step's own line.
    let location = location.or_else(|| {
        let failed = steps.iter().find(|s| s.error.is_some())?;
        let line = line_of(failed, inputs.as_ref(), key.as_deref())?;
        Some(format!("Dockerfile:{line}"))
    });
    if args.slowest {
        steps.sort_by_key(|s| (std::cmp::Reverse(s.duration_ms().unwrap_or(-1)), s.index));
    }
    if args.format == Format::Json {
        let steps: Vec<serde_json::Value> = steps
            .iter()
            .map(|s| {
                let mut v = serde_json::to_value(s).unwrap_or_default();
                v["duration_ms"] = s.duration_ms().into();
                v["line"] = line_of(s, inputs.as_ref(), key.as_deref()).into();
                v
            })
            .collect();
        // The engine's frontend attributes, build argument values left out
        // (they may carry tokens).
        let attrs: BTreeMap<&str, &str> = builds
            .records
            .get(&row.build_ref)
            .map(|r| {
                r.frontend_attrs
                    .iter()
                    .map(|(k, v)| {
                        let v = if k.starts_with("build-arg:") {
                            "(set)"
                        } else {
                            v.as_str()
                        };
                        (k.as_str(), v)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let exporter_response = builds
            .records
            .get(&row.build_ref)
            .map(|r| r.exporter_response.clone())
            .unwrap_or_default();
        return json_out(&serde_json::json!({
            "build": row,
            "frontend_attrs": attrs,
            "exporter_response": exporter_response,
            "error_location": location,
            "steps": steps,
        }));
    }
    outln!("build {}  {}  {}", row.build_ref, row.name, row.status);
    outln!(
        "  wall {}  steps {} ({} cached, hit rate {})  {}",
        human_ms(row.duration_ms),
        row.total_steps,
        row.cached_steps,
        rate(row.hit_rate()),
        if row.target.is_empty() {
            String::new()
        } else {
            format!("target {}", row.target)
        }
    );
    if let Some(e) = &row.error {
        match &location {
            Some(at) => outln!("  error at {at}: {e}"),
            None => outln!("  error: {e}"),
        }
    }
    outln!(
        "{:>4} {:>6} {:>8} {:<8} {:>9}  STEP",
        "#",
        "LINE",
        "DURATION",
        "STATE",
        "BYTES"
    );
    for s in &steps {
        let state = if s.error.is_some() {
            "failed"
        } else if s.cached {
            "cached"
        } else if s.completed_ms.is_some() {
            "ran"
        } else {
            "-"
        };
        outln!(
            "{:>4} {:>6} {:>8} {:<8} {:>9}  {}",
            s.index,
            line_of(s, inputs.as_ref(), key.as_deref())
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into()),
            s.duration_ms().map(human_ms).unwrap_or_else(|| "-".into()),
            state,
            if s.bytes > 0 {
                human_bytes(s.bytes)
            } else {
                "-".into()
            },
            s.name
        );
        if let Some(e) = &s.error {
            outln!("{:>31}  error: {e}", "");
        }
    }
    if steps.is_empty() {
        outln!("  (the engine has no status log for this build)");
    }
    Ok(EXIT_OK)
}

async fn logs(engine: &Engine, args: LogsArgs) -> Result<i32, Failure> {
    let builds = Builds::load(engine).await?;
    let row = builds.resolve(&args.build)?.clone();
    let steps = builds.steps(engine, &row.build_ref).await?;
    let chosen: Vec<&Step> = match &args.step {
        Some(given) => vec![steps::find_step(&steps, given).ok_or_else(|| {
            Failure::BadInput(format!(
                "build {} has no step {given:?} (one step's number from `strata history inspect`, or a digest prefix)",
                row.build_ref
            ))
        })?],
        None => steps.iter().collect(),
    };
    for s in chosen {
        if args.step.is_none() {
            if s.log.is_empty() {
                continue;
            }
            outln!("#{} {}", s.index, s.name);
        }
        if s.log_dropped > 0 {
            outln!("({} earlier bytes not kept)", s.log_dropped);
        }
        out!("{}", String::from_utf8_lossy(&s.log));
    }
    Ok(EXIT_OK)
}

/// The most recent builds a sparkline draws.
const SPARK_WIDTH: usize = 40;

/// The most status logs `stats` reads for the context figure (the newest
/// builds); an engine keeping thousands of builds would take long otherwise.
const CONTEXT_LOGS: usize = 100;

async fn stats_cmd(engine: &Engine, args: StatsArgs) -> Result<i32, Failure> {
    let span = stats::parse_span(&args.since).map_err(Failure::BadInput)?;
    let builds = Builds::load(engine).await?;
    let since = now_ms() - span;
    let rows: Vec<BuildRow> = builds
        .rows
        .iter()
        .filter(|r| r.created_ms >= since)
        .filter(|r| args.target.as_ref().is_none_or(|t| &r.target == t))
        .cloned()
        .collect();
    // Context bytes come from each build's status log; a log the engine
    // lost only leaves that build out of the context figure.
    let mut context = BTreeMap::new();
    for r in rows.iter().take(CONTEXT_LOGS) {
        if let Ok(steps) = builds.steps(engine, &r.build_ref).await
            && let Some(b) = report::context_bytes(&steps)
        {
            context.insert(r.build_ref.clone(), b);
        }
    }
    let groups = stats::group(&rows, &context);
    if args.format == Format::Json {
        return json_out(&groups);
    }
    if groups.is_empty() {
        outln!("no finished builds since {}", args.since);
        return Ok(EXIT_OK);
    }
    outln!(
        "{:<24} {:<10} {:>6} {:>8} {:>8} {:>6} {:>9}  TREND",
        "NAME",
        "TARGET",
        "BUILDS",
        "MEDIAN",
        "P95",
        "HIT",
        "CONTEXT"
    );
    for g in groups {
        outln!(
            "{:<24} {:<10} {:>6} {:>8} {:>8} {:>6} {:>9}  {}",
            g.name,
            if g.target.is_empty() { "-" } else { &g.target },
            g.builds,
            human_ms(g.median_ms),
            human_ms(g.p95_ms),
            rate(g.hit_rate),
            g.median_context_bytes
                .map(human_bytes)
                .unwrap_or_else(|| "-".into()),
            stats::sparkline(&g.durations_ms[g.durations_ms.len().saturating_sub(SPARK_WIDTH)..])
        );
    }
    Ok(EXIT_OK)
}

async fn export(engine: &Engine, args: ExportArgs) -> Result<i32, Failure> {
    let builds = Builds::load(engine).await?;
    let row = builds.resolve(&args.build)?.clone();
    let steps = builds.steps(engine, &row.build_ref).await?;
    let page = timeline::render(&row, &steps);
    write_atomically(&args.html, page.as_bytes())
        .map_err(|e| Failure::Failed(format!("cannot write {}: {e}", args.html.display())))?;
    eprintln!(
        "wrote {} ({} steps, {})",
        args.html.display(),
        steps.len(),
        human_bytes(page.len() as u64)
    );
    Ok(EXIT_OK)
}

/// Write through a temporary file in the same directory and rename, so a
/// reader (or a second export) never sees half a file.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    // A report or a page is for sharing: the usual file mode, not the
    // temporary file's 0600.
    std::fs::set_permissions(
        tmp.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
