//! The Compose build itself: one engine connection, one session serving
//! every service's directories, and one solve per service, at most
//! `--parallel` at a time, each starting once the services its `service:`
//! contexts name have been built.
//!
//! Sharing: every distinct directory is one session local, named after the
//! directory, so services with the same context send the same local and
//! the engine transfers it once and merges the identical steps of their
//! solves. Services whose outputs the engine writes back through the
//! session (`type=local`/`tar`, or archives on buildkitd) get a session of
//! their own, because the engine numbers those outputs per solve and two
//! solves would both send "output 0".

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use tokio::sync::watch;

use super::board::{Board, Phase};
use super::{
    BuildArgv, ComposeBuildArgs, DockerfileFile, build_argv, dockerfile_file, load, report,
};
use crate::cli::build::outputs::{
    PlannedOutput, Staging, exporter_request, plan_outputs, takes_multiple_exporters,
};
use crate::cli::build::specs::{SecretSource as SpecSecret, SshSpec};
use crate::cli::build::{
    BuildArgs, FrontendFailure, Prepared, after_export, cache_entries, commit_outputs,
    interrupt_signal, panic_message, prepare, random_id, render_engine_error, shared_key,
};
use crate::cli::diagnostic::Diagnostic;
use crate::cli::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK, engine_exit_code};
use crate::engine::{Endpoint, Engine, SessionHandle, SessionTransport};
use crate::frontend::build::FrontendError;
use crate::gateway::GatewayBridge;
use crate::progress::{BuildOutcome, BuildSummary, ProgressMode};
use crate::proto::control;
use crate::session::auth::DockerAuthConfig;
use crate::session::secrets::SecretSource;
use crate::session::ssh::AgentAccess;
use crate::session::{SessionInfo, builder::SessionBuilder};

/// One service, ready to solve.
struct Job {
    name: String,
    image: String,
    deps: Vec<String>,
    args: BuildArgs,
    prepared: Prepared,
    /// Frontend options naming this job's session locals.
    local_attrs: BTreeMap<String, String>,
    /// Session locals: name → directory.
    locals: BTreeMap<String, PathBuf>,
    build_id: String,
    planned: Vec<PlannedOutput>,
    stagings: Vec<Staging>,
    created_dirs: Vec<PathBuf>,
    exports: crate::cli::build::outputs::ExporterRequest,
    /// Whether the image is loaded into Docker Engine under `image` (then
    /// the report gives its size).
    loaded: bool,
    /// Set when the job needs a session of its own (outputs through the session).
    own_session: Option<SessionInfo>,
    _dockerfile: DockerfileFile,
}

impl Job {
    fn discard(&self) {
        self.stagings.iter().for_each(Staging::discard);
        for d in &self.created_dirs {
            let _ = std::fs::remove_dir(d);
        }
    }
}

/// How one service ended.
#[derive(Debug, Clone)]
pub enum Ended {
    Built {
        wall: Duration,
        summary: BuildSummary,
        size: Option<i64>,
    },
    Failed {
        wall: Duration,
        summary: Option<BuildSummary>,
        /// The rendered error, shown after the progress display.
        message: String,
        code: i32,
    },
    /// Stopped by --fail-fast or an interrupt.
    Canceled { wall: Duration },
    /// Never started: a service it needs failed, or the build was stopped.
    Skipped { reason: String },
}

/// A directory's session local name: the same directory is the same local.
fn local_name(kind: &str, dir: &std::path::Path) -> String {
    format!("{kind}-{}", &shared_key(dir)[..12])
}

pub fn run(args: ComposeBuildArgs) -> i32 {
    let loaded = match load(&args.compose, &args.project) {
        Ok(l) => l,
        Err(m) => return report(&m),
    };
    let plan = match loaded
        .project
        .plan(&args.services, &loaded.profiles, &loaded.file_name)
    {
        Ok(p) => p,
        Err(e) => return report(&format!("error: {e}")),
    };
    if plan.is_empty() {
        eprintln!("no service to build (none has a build section with an active profile)");
        return EXIT_OK;
    }
    let progress = match args.progress.parse::<ProgressMode>() {
        Ok(ProgressMode::RawJson) => {
            return report(
                "--progress rawjson shows one build; with --compose use tty, plain or quiet",
            );
        }
        Ok(m) => m.resolve_for_stderr(),
        Err(e) => return report(&e.to_string()),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return EXIT_BUILD_FAILED;
        }
    };
    let requests: Vec<crate::compose::BuildRequest> = plan.into_iter().cloned().collect();
    runtime.block_on(run_all(&args, requests, progress))
}

async fn run_all(
    args: &ComposeBuildArgs,
    requests: Vec<crate::compose::BuildRequest>,
    progress: ProgressMode,
) -> i32 {
    let started = Instant::now();
    let engine = match args.engine.connect().await {
        Ok(e) => e,
        Err(e) => return crate::cli::engine_args::report_connect_error(&e),
    };
    let docker_engine = matches!(
        engine.session_transport(),
        SessionTransport::DockerUpgrade(_)
    ) || engine.docker_version().is_some();
    let engine_name = match (engine.docker_version(), engine.buildkit_version()) {
        (Some(d), _) => format!("Docker Engine {}", d.version),
        (None, Some(b)) => format!("BuildKit {}", b.version),
        (None, None) => "BuildKit older than 0.11".to_string(),
    };
    let multiple = takes_multiple_exporters(
        engine.buildkit_version().map(|v| v.version.as_str()),
        engine.docker_version().map(|d| d.api_version.as_str()),
    );
    let images: BTreeMap<String, String> = requests
        .iter()
        .map(|b| (b.service.clone(), b.image.clone()))
        .collect();
    let with_outputs = !args.outputs.is_empty() || args.push || docker_engine;
    for b in &requests {
        for dep in b.depends_on() {
            // The dependency's image must be somewhere the engine can read it.
            if !(args.push || docker_engine && args.outputs.is_empty()) {
                return report(&format!(
                    "service {}: additional context service:{dep} needs {dep}'s image in the engine's reach: build on Docker Engine without -o (the image is loaded), or with --push",
                    b.service
                ));
            }
        }
    }

    // Every service as `strata build` would take it.
    let mut jobs: Vec<Job> = Vec::new();
    for b in &requests {
        let dockerfile = match dockerfile_file(b) {
            Ok(d) => d,
            Err(m) => return report(&m),
        };
        // The image names are loaded (Docker Engine, no -o) or pushed
        // (--push, with or without -o); -o adds its own outputs.
        let mut outputs: Vec<String> = Vec::new();
        if args.push || (docker_engine && args.outputs.is_empty()) {
            for name in std::iter::once(&b.image).chain(&b.tags) {
                outputs.extend(["-t".into(), name.clone()]);
            }
            if args.push {
                outputs.push("--push".into());
            }
        }
        for o in &args.outputs {
            outputs.extend(["-o".into(), o.replace("{service}", &b.service)]);
        }
        let argv = build_argv(b, &dockerfile.path, args, &images, &outputs);
        let build_args = match BuildArgv::try_parse_from(&argv) {
            Ok(a) => a.args,
            Err(e) => {
                let text = e.to_string();
                let first = text
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim_start_matches("error: ");
                return report(&format!("service {}: {first}", b.service));
            }
        };
        let prepared = match prepare(&build_args) {
            Ok(p) => p,
            Err(failure) => {
                let (diag, source) = *failure;
                eprintln!("error: service {}:", b.service);
                eprint!("{}", diag.render(source.as_deref()));
                return EXIT_BAD_INPUT;
            }
        };
        let mut locals = BTreeMap::new();
        let mut local_attrs = BTreeMap::new();
        let ctx = local_name("context", &prepared.context);
        let df = local_name("dockerfile", &prepared.dockerfile_dir);
        locals.insert(ctx.clone(), prepared.context.clone());
        locals.insert(df.clone(), prepared.dockerfile_dir.clone());
        local_attrs.insert("contextkey".to_string(), ctx);
        local_attrs.insert("dockerfilekey".to_string(), df);
        for (name, dir) in &prepared.locals {
            let l = local_name("dir", dir);
            locals.insert(l.clone(), dir.clone());
            // `--build-context NAME=DIR` became `context:NAME=local:NAME`.
            if prepared.frontend_attrs.get(&format!("context:{name}"))
                == Some(&format!("local:{name}"))
            {
                local_attrs.insert(format!("context:{name}"), format!("local:{l}"));
            }
        }
        let build_id = random_id();
        let planned = match plan_outputs(&prepared.outputs, docker_engine, &build_id) {
            Ok(o) => o,
            Err(e) => return report(&format!("service {}: {e}", b.service)),
        };
        let stagings: Vec<Staging> = planned.iter().filter_map(|o| o.staging.clone()).collect();
        let outs: Vec<_> = planned
            .iter()
            .map(|o| {
                let target = o
                    .staging
                    .as_ref()
                    .filter(|s| s.via_session)
                    .map(Staging::target);
                let mut e = o.exporter.clone();
                if let Some(epoch) = &prepared.source_date_epoch {
                    // A source's name is resolved by the frontend.
                    if epoch.trim().parse::<i64>().is_ok() {
                        e.attrs.insert("source-date-epoch".into(), epoch.clone());
                    }
                    if matches!(e.r#type.as_str(), "image" | "oci" | "docker") {
                        e.attrs.insert("rewrite-timestamp".into(), "true".into());
                    }
                }
                (e, target)
            })
            .collect();
        let exports = match exporter_request(outs, multiple, &engine_name) {
            Ok(r) => r,
            Err(e) => return report(&format!("service {}: {e}", b.service)),
        };
        let own_session = (!exports.targets.is_empty()).then(|| SessionInfo {
            id: random_id(),
            name: b.service.clone(),
            shared_key: shared_key(&prepared.context),
        });
        jobs.push(Job {
            name: b.service.clone(),
            image: b.image.clone(),
            deps: b.depends_on().map(String::from).collect(),
            args: build_args,
            prepared,
            local_attrs,
            locals,
            build_id,
            planned,
            stagings,
            created_dirs: Vec::new(),
            exports,
            own_session,
            loaded: docker_engine && args.outputs.is_empty(),
            _dockerfile: dockerfile,
        });
    }
    if !with_outputs {
        eprintln!(
            "note: the engine is not Docker Engine and neither --push nor -o was given; the images stay in the build cache only"
        );
    }
    for job in &mut jobs {
        for s in &job.stagings {
            match s.prepare() {
                Ok(dirs) => job.created_dirs.extend(dirs),
                Err(e) => {
                    eprintln!(
                        "error: service {}: cannot prepare output {}: {e}",
                        job.name,
                        s.dest.display()
                    );
                    jobs.iter().for_each(Job::discard);
                    return EXIT_BAD_INPUT;
                }
            }
        }
    }

    // The shared session: every job's directories, secrets and agents.
    let shared = SessionInfo {
        id: random_id(),
        name: "compose".into(),
        shared_key: shared_key(&jobs[0].prepared.context),
    };
    let mut sessions: Vec<SessionHandle> = Vec::new();
    let shared_builder = match session_for(&shared, jobs.iter().filter(|j| j.own_session.is_none()))
    {
        Ok(b) => b,
        Err(m) => {
            jobs.iter().for_each(Job::discard);
            return report(&m);
        }
    };
    match engine.attach_session(&shared, shared_builder.build()).await {
        Ok(h) => sessions.push(h),
        Err(e) => {
            eprintln!("error: cannot open a session with the engine: {e}");
            jobs.iter().for_each(Job::discard);
            return engine_exit_code(&e);
        }
    }
    for job in &mut jobs {
        let Some(info) = job.own_session.clone() else {
            continue;
        };
        let mut builder = match session_for(&info, std::iter::once(&*job)) {
            Ok(b) => b,
            Err(m) => return report(&m),
        };
        for (id, target) in std::mem::take(&mut job.exports.targets) {
            builder = builder.output(id, target);
        }
        match engine.attach_session(&info, builder.build()).await {
            Ok(h) => sessions.push(h),
            Err(e) => {
                eprintln!("error: cannot open a session with the engine: {e}");
                jobs.iter().for_each(Job::discard);
                return engine_exit_code(&e);
            }
        }
    }

    let names: Vec<String> = jobs.iter().map(|j| j.name.clone()).collect();
    let board = Board::start(&names, progress);
    let (ended, interrupted) = schedule(&engine, jobs, &shared.id, args, &board).await;
    let total = started.elapsed();
    board.stop();
    for h in sessions {
        h.close().await;
    }
    super::board::print_report(&names, &ended, total, progress == ProgressMode::Plain);
    if let Some(code) = interrupted {
        eprintln!("build canceled");
        return code;
    }
    // A failed build wins over a Dockerfile error (2) in another service.
    let mut code = EXIT_OK;
    for (_, e) in &ended {
        let c = match e {
            Ended::Built { .. } => EXIT_OK,
            Ended::Failed { code, .. } => *code,
            Ended::Canceled { .. } | Ended::Skipped { .. } => EXIT_BUILD_FAILED,
        };
        if c == EXIT_BUILD_FAILED || code == EXIT_OK {
            code = c;
        }
    }
    code
}

/// A session serving these jobs' directories, secrets and SSH agents (and
/// the user's registry credentials). Two jobs giving one secret id or
/// agent id different sources is an error: the session has one of each.
fn session_for<'j>(
    info: &SessionInfo,
    jobs: impl Iterator<Item = &'j Job>,
) -> Result<SessionBuilder, String> {
    let mut builder = SessionBuilder::new(info.clone());
    let mut locals: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut secrets: BTreeMap<String, (String, SecretSource)> = BTreeMap::new();
    let mut agents: BTreeMap<String, (String, SshSpec)> = BTreeMap::new();
    for job in jobs {
        locals.extend(job.locals.clone());
        for s in &job.prepared.secrets {
            let source = match &s.source {
                SpecSecret::File(f) => SecretSource::File(f.clone()),
                SpecSecret::Env(v) => SecretSource::Env(v.clone()),
            };
            if let Some((other, prev)) = secrets.get(&s.id)
                && format!("{prev:?}") != format!("{source:?}")
            {
                return Err(format!(
                    "services {other} and {} give secret {:?} different sources; one build session serves one source per id",
                    job.name, s.id
                ));
            }
            secrets.insert(s.id.clone(), (job.name.clone(), source));
        }
        for s in &job.prepared.ssh {
            if let Some((other, prev)) = agents.get(&s.id)
                && (prev.paths != s.paths || prev.raw != s.raw)
            {
                return Err(format!(
                    "services {other} and {} give ssh {:?} different agents",
                    job.name, s.id
                ));
            }
            agents.insert(s.id.clone(), (job.name.clone(), s.clone()));
        }
    }
    for (name, dir) in locals {
        builder = builder.local_dir(name, dir);
    }
    for (id, (_, source)) in secrets {
        builder = builder.secret(id, source);
    }
    match DockerAuthConfig::load_default() {
        Ok(auth) => builder = builder.docker_auth(auth),
        Err(e) => tracing::debug!("no registry credentials: {e}"),
    }
    for (id, (_, s)) in agents {
        let socket = match s.paths.first() {
            Some(p) => p.clone(),
            None => match std::env::var_os("SSH_AUTH_SOCK") {
                Some(sock) => PathBuf::from(sock),
                None => {
                    return Err(format!(
                        "ssh {id}: SSH_AUTH_SOCK is not set; give ID=SOCKET"
                    ));
                }
            },
        };
        let access = if s.raw {
            AgentAccess::Raw
        } else {
            AgentAccess::ReadOnly
        };
        builder = builder.ssh_with(id, socket, access);
    }
    Ok(builder)
}

/// Run the jobs: start every job whose dependencies are built while fewer
/// than `--parallel` run; a failed job skips its dependents; `--fail-fast`
/// or an interrupt cancels the running ones and skips the rest.
async fn schedule(
    engine: &Engine,
    jobs: Vec<Job>,
    shared_session: &str,
    args: &ComposeBuildArgs,
    board: &Board,
) -> (Vec<(String, Ended)>, Option<i32>) {
    let order: Vec<String> = jobs.iter().map(|j| j.name.clone()).collect();
    let mut waiting: Vec<Job> = jobs;
    let mut ended: BTreeMap<String, Ended> = BTreeMap::new();
    let (cancel_tx, cancel_rx) = watch::channel(false);
    let mut running = tokio::task::JoinSet::new();
    let mut task_names: BTreeMap<tokio::task::Id, String> = BTreeMap::new();
    let mut stopping: Option<String> = None;
    let ctrl_c = interrupt_signal();
    tokio::pin!(ctrl_c);
    let mut interrupted: Option<i32> = None;
    loop {
        // Skip what can no longer build.
        let mut i = 0;
        while i < waiting.len() {
            let failed_dep = waiting[i]
                .deps
                .iter()
                .find(|d| matches!(ended.get(*d), Some(e) if !matches!(e, Ended::Built { .. })))
                .cloned();
            let reason = match (&stopping, failed_dep) {
                (Some(why), _) => Some(why.clone()),
                (None, Some(dep)) => Some(format!("service:{dep} did not build")),
                (None, None) => None,
            };
            if let Some(reason) = reason {
                let job = waiting.remove(i);
                job.discard();
                board.set(&job.name, Phase::Skipped(reason.clone()));
                ended.insert(job.name.clone(), Ended::Skipped { reason });
            } else {
                i += 1;
            }
        }
        // Start what can.
        let mut i = 0;
        while i < waiting.len() && running.len() < args.parallel as usize {
            let ready = waiting[i]
                .deps
                .iter()
                .all(|d| matches!(ended.get(d), Some(Ended::Built { .. })));
            if !ready {
                i += 1;
                continue;
            }
            let job = waiting.remove(i);
            let name = job.name.clone();
            let waiting_name = name.clone();
            board.set(&name, Phase::Running(Instant::now()));
            let engine = engine.clone();
            let session = job
                .own_session
                .as_ref()
                .map(|s| s.id.clone())
                .unwrap_or_else(|| shared_session.to_string());
            let sink = board.sink(&name);
            let cancel = cancel_rx.clone();
            let task = running.spawn(async move {
                let ended = solve_job(&engine, job, &session, sink, cancel).await;
                (name, ended)
            });
            task_names.insert(task.id(), waiting_name);
        }
        for j in &waiting {
            let deps: Vec<&String> = j
                .deps
                .iter()
                .filter(|d| !matches!(ended.get(*d), Some(Ended::Built { .. })))
                .collect();
            let why = if deps.is_empty() {
                "waiting for a free slot (--parallel)".to_string()
            } else {
                format!(
                    "waiting for {}",
                    deps.iter()
                        .map(|d| format!("service:{d}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            board.set(&j.name, Phase::Waiting(why));
        }
        if running.is_empty() {
            break;
        }
        tokio::select! {
            Some(done) = running.join_next() => {
                let (name, end) = match done {
                    Ok(r) => r,
                    Err(join) => {
                        let name = task_names.get(&join.id()).cloned().unwrap_or_default();
                        let message = format!("error: the build of {name} stopped unexpectedly: {}\n", panic_message(join));
                        (name, Ended::Failed { wall: Duration::ZERO, summary: None, message, code: EXIT_BUILD_FAILED })
                    }
                };
                let failed = !matches!(end, Ended::Built { .. });
                board.set(&name, match &end {
                    Ended::Built { wall, .. } => Phase::Built(*wall),
                    Ended::Failed { wall, .. } => Phase::Failed(*wall),
                    Ended::Canceled { wall } => Phase::Canceled(*wall),
                    Ended::Skipped { reason } => Phase::Skipped(reason.clone()),
                });
                ended.insert(name.clone(), end);
                if failed && args.fail_fast && stopping.is_none() {
                    stopping = Some(format!("--fail-fast: service {name} failed"));
                    let _ = cancel_tx.send(true);
                }
            }
            code = &mut ctrl_c, if interrupted.is_none() => {
                interrupted = Some(code);
                stopping = Some("build canceled".into());
                let _ = cancel_tx.send(true);
            }
        }
    }
    let ended = order
        .into_iter()
        .map(|n| {
            let e = ended.remove(&n).unwrap_or(Ended::Skipped {
                reason: "not started".into(),
            });
            (n, e)
        })
        .collect();
    (ended, interrupted)
}

/// Why a service's wait loop ended.
enum LoopEnd {
    Solved(
        Result<Result<control::SolveResponse, crate::engine::EngineError>, tokio::task::JoinError>,
    ),
    Canceled,
    FrontendFailed,
}

/// One service's solve, as `strata build` runs it, on the shared engine
/// connection and session.
async fn solve_job(
    engine: &Engine,
    mut job: Job,
    session_id: &str,
    sink: Arc<Mutex<Box<dyn crate::progress::ProgressSink + Send>>>,
    mut cancel: watch::Receiver<bool>,
) -> Ended {
    let started = Instant::now();
    let fail = |job: &Job, message: String, code: i32, summary: Option<BuildSummary>| {
        job.discard();
        Ended::Failed {
            wall: started.elapsed(),
            summary,
            message,
            code,
        }
    };
    let p = &job.prepared;
    let mut attrs = p.frontend_attrs.clone();
    attrs.extend(job.local_attrs.clone());
    // Services' outputs are not checked against budgets here: the frontend
    // checks what it can (`# strata-budget:`, strata.toml).
    attrs.remove("strata-budgets");
    if let Some(stamp) = p.stamp.clone() {
        match tokio::task::spawn_blocking(move || stamp.facts()).await {
            Ok(Ok(facts)) => {
                for (k, v) in facts {
                    attrs.entry(k).or_insert(v);
                }
            }
            Ok(Err(diag)) => return fail(&job, diag.render(None), EXIT_BAD_INPUT, None),
            Err(e) => {
                return fail(
                    &job,
                    format!("error: gathering the stamp facts failed: {e}\n"),
                    EXIT_BUILD_FAILED,
                    None,
                );
            }
        }
    }
    if let Some(imports) = crate::cli::build::specs::cache_imports_attr(&p.cache_from) {
        attrs.insert("cache-imports".into(), imports);
    }
    let exports = std::mem::take(&mut job.exports.exporters);
    let request = control::SolveRequest {
        r#ref: job.build_id.clone(),
        session: session_id.to_string(),
        exporter_deprecated: job.exports.exporter_deprecated.clone(),
        exporter_attrs_deprecated: job.exports.exporter_attrs_deprecated.clone(),
        exporters: exports,
        cache: Some(control::CacheOptions {
            imports: cache_entries(&p.cache_from),
            exports: cache_entries(&p.cache_to),
            ..Default::default()
        }),
        entitlements: if job.args.network.as_deref() == Some("host") {
            vec!["network.host".into()]
        } else {
            Vec::new()
        },
        ..Default::default()
    };
    let solve_engine = engine.clone();
    let mut solve = tokio::spawn(async move { solve_engine.solve(request).await });
    let (status_tx, mut status_rx) = tokio::sync::mpsc::channel(256);
    let status_engine = engine.clone();
    let status_ref = job.build_id.clone();
    let status_task = tokio::spawn(async move {
        if let Ok(mut stream) = status_engine.status(&status_ref).await {
            while let Some(Ok(msg)) = stream.next().await {
                if status_tx.send(msg).await.is_err() {
                    break;
                }
            }
        }
    });
    let bridge = GatewayBridge::new(
        engine.channel(),
        Some(job.build_id.clone()),
        attrs,
        Some(session_id.to_string()),
    );
    let mut frontend = tokio::spawn(async move {
        if let Err(e) = bridge.wait_ready(Duration::from_secs(30)).await {
            return Err(FrontendFailure::NotReady(e));
        }
        match crate::frontend::build::build(&bridge).await {
            Ok(result) => bridge
                .return_result(&result)
                .await
                .map_err(FrontendFailure::ReturnRefused),
            Err(e) => {
                let _ = bridge.return_error(&e.to_string()).await;
                Err(FrontendFailure::Build(e))
            }
        }
    });
    let update = |msg: &control::StatusResponse| {
        if let Ok(mut s) = sink.lock() {
            let _ = s.update(msg);
        }
    };
    // As in `strata build`: a frontend that fails without a Return would
    // leave the solve waiting, so its task is watched as closely.
    let mut frontend_done = false;
    let mut frontend_failure: Option<FrontendFailure> = None;
    let cancel_at = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(cancel_at);
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    let end = loop {
        tokio::select! {
            r = &mut solve => break LoopEnd::Solved(r),
            r = &mut frontend, if !frontend_done => {
                frontend_done = true;
                let grace = match r {
                    Ok(Ok(())) => continue,
                    Ok(Err(e @ FrontendFailure::Build(_))) => { frontend_failure = Some(e); Duration::from_secs(5) }
                    Ok(Err(e)) => { frontend_failure = Some(e); Duration::ZERO }
                    Err(join) => { frontend_failure = Some(FrontendFailure::Died(panic_message(join))); Duration::ZERO }
                };
                cancel_at.as_mut().reset(tokio::time::Instant::now() + grace);
            }
            _ = &mut cancel_at, if frontend_failure.is_some() => break LoopEnd::FrontendFailed,
            Some(msg) = status_rx.recv() => update(&msg),
            _ = ticker.tick() => { if let Ok(mut s) = sink.lock() { let _ = s.tick(); } }
            Ok(()) = cancel.changed() => { if *cancel.borrow() { break LoopEnd::Canceled; } }
        }
    };
    let drain_for = if matches!(end, LoopEnd::Solved(_)) {
        Duration::from_secs(20)
    } else {
        Duration::from_millis(200)
    };
    let deadline = tokio::time::Instant::now() + drain_for;
    while let Ok(Some(msg)) = tokio::time::timeout_at(deadline, status_rx.recv()).await {
        update(&msg);
    }
    status_task.abort();
    if !frontend_done && matches!(end, LoopEnd::Solved(_)) {
        match tokio::time::timeout(Duration::from_secs(5), &mut frontend).await {
            Ok(Ok(Err(e))) => frontend_failure = Some(e),
            Ok(Err(join)) => frontend_failure = Some(FrontendFailure::Died(panic_message(join))),
            _ => {}
        }
    }
    frontend.abort();
    let finish = |outcome: BuildOutcome| -> Option<BuildSummary> {
        sink.lock().ok().and_then(|mut s| s.finish(&outcome).ok())
    };
    let df_display = job
        .args
        .file
        .as_ref()
        .map(|f| f.display().to_string())
        .unwrap_or_default();
    match end {
        LoopEnd::Canceled => {
            solve.abort();
            finish(BuildOutcome::Canceled);
            job.discard();
            Ended::Canceled {
                wall: started.elapsed(),
            }
        }
        LoopEnd::FrontendFailed => {
            solve.abort();
            let failure = frontend_failure.expect("set before the loop ends this way");
            let summary = finish(BuildOutcome::Failed(failure.to_string()));
            let (message, code) = render_failure(failure);
            fail(&job, message, code, summary)
        }
        LoopEnd::Solved(Err(join)) => {
            let summary = finish(BuildOutcome::Failed(join.to_string()));
            fail(&job, format!("error: {join}\n"), EXIT_BUILD_FAILED, summary)
        }
        LoopEnd::Solved(Ok(Err(e))) => {
            let summary = finish(BuildOutcome::Failed(e.to_string()));
            let (message, code) = match frontend_failure {
                Some(f) => render_failure(f),
                None => (
                    render_engine_error(&e, &df_display, &job.prepared.dockerfile_text),
                    engine_exit_code(&e),
                ),
            };
            fail(&job, message, code, summary)
        }
        LoopEnd::Solved(Ok(Ok(response))) => {
            let summary = finish(BuildOutcome::Success);
            let exported = tokio::select! {
                r = after_export(engine, &job.planned) => r,
                Ok(()) = cancel.changed() => Err("canceled".into()),
            };
            if let Err(e) = exported {
                return fail(&job, format!("error: {e}\n"), EXIT_BUILD_FAILED, summary);
            }
            if commit_outputs(&job.stagings, None, &response) != EXIT_OK {
                return fail(
                    &job,
                    "error: the outputs could not be moved into place\n".into(),
                    EXIT_BUILD_FAILED,
                    summary,
                );
            }
            let size = match job.loaded {
                true => image_size(engine, &job.image).await,
                false => None,
            };
            Ended::Built {
                wall: started.elapsed(),
                summary: summary.unwrap_or_else(|| {
                    BuildSummary::from_state(
                        &crate::progress::state::ProgressState::new(0),
                        started.elapsed(),
                    )
                }),
                size,
            }
        }
    }
}

/// A frontend failure as text, and its exit code (2 for a Dockerfile error).
fn render_failure(failure: FrontendFailure) -> (String, i32) {
    match failure {
        FrontendFailure::Build(FrontendError::Dockerfile {
            filename,
            text,
            error,
            ..
        }) => (
            Diagnostic::from_convert(&error, &filename).render(Some(&text)),
            EXIT_BAD_INPUT,
        ),
        other => (format!("error: {other}\n"), EXIT_BUILD_FAILED),
    }
}

/// The image's size in Docker Engine's store (None elsewhere, or when it
/// was not loaded).
async fn image_size(engine: &Engine, image: &str) -> Option<i64> {
    let Endpoint::Docker(socket) = engine.endpoint() else {
        return None;
    };
    let inspect = crate::engine::docker::inspect_image(socket, image)
        .await
        .ok()?;
    inspect.get("Size").and_then(serde_json::Value::as_i64)
}
