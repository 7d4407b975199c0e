//! The solve supervisor of `strata build`: runs the `Control.Solve` call,
//! the status stream that feeds the progress display, and (with strata's
//! own frontend) the in-process frontend that answers the engine over the
//! LLBBridge API, and decides how the build ended.
//!
//! The solve ends when the frontend's Return reaches the engine, so a
//! frontend that fails without one (a panic, a refused Return, a bridge
//! that never got ready) would leave it waiting forever: the frontend task
//! is watched as closely as the solve, and a solve still running
//! [`FRONTEND_FAILURE_GRACE`] after the frontend failed is cancelled.
//! Ctrl-C and SIGTERM cancel the solve too. Whatever the end, the progress
//! display is finished here; what happens to the outputs is the
//! finaliser's job ([`super::finalise`]).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use super::fault::{self, Fault};
use super::setup::Setup;
use crate::engine::EngineError;
use crate::frontend::bridge::BridgeError;
use crate::frontend::build::FrontendError;
use crate::gateway::GatewayBridge;
use crate::progress::{BuildOutcome, ProgressMode, SystemClock, TtyOptions, new_sink};
use crate::proto::control;

/// Exit codes after a signal, as a shell reports them (128 + signal).
const EXIT_INTERRUPTED: i32 = 130;
const EXIT_TERMINATED: i32 = 143;

/// How long the solve may take to end after the in-process frontend failed
/// and Returned its error (the engine normally ends it at once). A solve
/// still running then is cancelled.
const FRONTEND_FAILURE_GRACE: Duration = Duration::from_secs(5);

/// Ctrl-C or SIGTERM, pinned so that the supervisor and then the finaliser
/// (which may still push or save) watch the same signal registration.
pub(crate) type Interrupt = Pin<Box<dyn Future<Output = i32> + Send>>;

/// How the in-process frontend ended without handing a result over.
#[derive(Debug, thiserror::Error)]
pub(crate) enum FrontendFailure {
    /// The build failed; the error was Returned to the engine.
    #[error(transparent)]
    Build(FrontendError),
    #[error("the engine did not serve the frontend bridge for this build: {0}")]
    NotReady(BridgeError),
    #[error("the engine refused the frontend's result: {0}")]
    ReturnRefused(BridgeError),
    /// The frontend task panicked (the panic's message).
    #[error("the frontend stopped unexpectedly: {0}")]
    Died(String),
}

/// How the solve ended, with the progress display already finished.
pub(super) enum SolveEnd {
    /// The engine built and exported the result.
    Solved(control::SolveResponse),
    /// The engine failed the solve; the frontend's own failure, when it
    /// had one, says more than the engine's text.
    EngineFailed(EngineError, Option<FrontendFailure>),
    /// The in-process frontend failed and the solve was cancelled.
    FrontendFailed(FrontendFailure),
    /// The solve task itself failed (a panic in the client); the progress
    /// display's summary says why.
    TaskFailed,
    /// Ctrl-C or SIGTERM; the exit code to end with. The solve was cancelled.
    Interrupted(i32),
}

/// Why the wait loop ended.
enum LoopEnd {
    /// The solve answered (or its task failed).
    Solved(Result<Result<control::SolveResponse, EngineError>, tokio::task::JoinError>),
    Interrupted(i32),
    /// The frontend failed and the solve did not end in time.
    FrontendFailed,
}

type FrontendTask = tokio::task::JoinHandle<Result<(), FrontendFailure>>;

/// Run the solve to its end, showing progress in `mode`.
pub(super) async fn supervise(
    setup: &Setup,
    mode: ProgressMode,
    interrupt: &mut Interrupt,
) -> SolveEnd {
    let engine = &setup.engine;
    let build_id = &setup.build_id;
    let mut sink = new_sink(
        mode,
        std::io::stderr(),
        Arc::new(SystemClock),
        TtyOptions {
            width: crate::progress::terminal_width(),
            follow_terminal: true,
            ..Default::default()
        },
    );
    let solve_engine = engine.clone();
    let request = setup.request.clone();
    let mut solve = tokio::spawn(async move { solve_engine.solve(request).await });
    let (status_tx, mut status_rx) = tokio::sync::mpsc::channel(256);
    let status_engine = engine.clone();
    let status_ref = build_id.clone();
    let status_task = tokio::spawn(async move {
        if let Ok(mut stream) = status_engine.status(&status_ref).await {
            while let Some(Ok(msg)) = stream.next().await {
                if status_tx.send(msg).await.is_err() {
                    break;
                }
            }
        }
    });

    // The client-side frontend runs beside the solve and hands its result back through Return.
    let mut frontend_task = setup
        .client_frontend
        .then(|| spawn_frontend(setup, fault::injected()));

    let mut frontend_done = frontend_task.is_none();
    let mut frontend_failure: Option<FrontendFailure> = None;
    let cancel_at = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(cancel_at);
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    let loop_end = loop {
        tokio::select! {
            r = &mut solve => break LoopEnd::Solved(r),
            r = join_frontend(&mut frontend_task), if !frontend_done => {
                frontend_done = true;
                let grace = match r {
                    // Delivered: the engine now exports; the solve says how that went.
                    Ok(Ok(())) => continue,
                    // The frontend Returned its error: the engine normally
                    // ends the solve with it at once.
                    Ok(Err(e @ FrontendFailure::Build(_))) => {
                        frontend_failure = Some(e);
                        FRONTEND_FAILURE_GRACE
                    }
                    // No Return reached the engine: nothing will end the solve.
                    Ok(Err(e)) => {
                        frontend_failure = Some(e);
                        Duration::ZERO
                    }
                    Err(join) => {
                        frontend_failure = Some(FrontendFailure::Died(panic_message(join)));
                        Duration::ZERO
                    }
                };
                tracing::debug!("build: frontend failed; solve gets {grace:?} to end");
                cancel_at.as_mut().reset(tokio::time::Instant::now() + grace);
            }
            _ = &mut cancel_at, if frontend_failure.is_some() => break LoopEnd::FrontendFailed,
            Some(msg) = status_rx.recv() => { let _ = sink.update(&msg); }
            _ = ticker.tick() => { let _ = sink.tick(); }
            code = interrupt.as_mut() => break LoopEnd::Interrupted(code),
        }
    };
    // Drain the remaining status messages: the engine ends the stream once
    // the job is done, which on a loaded engine can lag the solve's answer
    // by seconds; the deadline only guards against a stream that never ends.
    // After Ctrl-C or a failed frontend the job is still being cancelled:
    // show what arrived, don't wait.
    tracing::debug!("build: solve answered");
    let drain_for = if matches!(loop_end, LoopEnd::Solved(_)) {
        Duration::from_secs(20)
    } else {
        Duration::from_millis(200)
    };
    let drain_deadline = tokio::time::Instant::now() + drain_for;
    while let Ok(Some(msg)) = tokio::time::timeout_at(drain_deadline, status_rx.recv()).await {
        let _ = sink.update(&msg);
    }
    status_task.abort();
    tracing::debug!("build: status drained");

    // The solve answered first: the frontend has already Returned (or
    // failed), so its outcome is at most moments away.
    if let (Some(task), false, LoopEnd::Solved(_)) = (&mut frontend_task, frontend_done, &loop_end)
    {
        match tokio::time::timeout(Duration::from_secs(5), task).await {
            Ok(Ok(Err(e))) => frontend_failure = Some(e),
            Ok(Err(join)) => frontend_failure = Some(FrontendFailure::Died(panic_message(join))),
            Ok(Ok(Ok(()))) | Err(_) => {}
        }
    }
    if let Some(task) = &frontend_task {
        task.abort();
    }

    match loop_end {
        LoopEnd::Interrupted(code) => {
            solve.abort();
            let _ = sink.finish(&BuildOutcome::Canceled);
            SolveEnd::Interrupted(code)
        }
        // The finaliser prints these errors, with the Dockerfile location and
        // what to do: the display's summary leaves its ERROR line out (an
        // empty message), so the error is printed once.
        LoopEnd::FrontendFailed => {
            // Dropping the Control.Solve call makes the engine cancel the job.
            solve.abort();
            let failure = frontend_failure.expect("set before the loop ends this way");
            let _ = sink.finish(&BuildOutcome::Failed(String::new()));
            SolveEnd::FrontendFailed(failure)
        }
        LoopEnd::Solved(Err(join)) => {
            let _ = sink.finish(&BuildOutcome::Failed(join.to_string()));
            SolveEnd::TaskFailed
        }
        LoopEnd::Solved(Ok(Err(e))) => {
            let _ = sink.finish(&BuildOutcome::Failed(String::new()));
            SolveEnd::EngineFailed(e, frontend_failure)
        }
        LoopEnd::Solved(Ok(Ok(response))) => {
            let _ = sink.finish(&BuildOutcome::Success);
            SolveEnd::Solved(response)
        }
    }
}

/// strata's frontend in this process, over the engine's LLBBridge on the
/// Control connection: waits for the bridge, builds, and Returns the
/// result or the error.
fn spawn_frontend(setup: &Setup, fault: Option<Fault>) -> FrontendTask {
    let bridge = GatewayBridge::new(
        setup.engine.channel(),
        Some(setup.build_id.clone()),
        setup.frontend_attrs.clone(),
        Some(setup.session_id.clone()),
    );
    tokio::spawn(async move {
        if let Err(e) = bridge.wait_ready(Duration::from_secs(30)).await {
            return Err(FrontendFailure::NotReady(e));
        }
        tracing::debug!("build: frontend bridge ready");
        match crate::frontend::build::build(&bridge).await {
            Ok(mut result) => {
                match fault {
                    Some(Fault::FrontendPanic) => {
                        panic!("injected fault (STRATA_FAULT=frontend-panic)")
                    }
                    Some(Fault::FrontendReturnError) => {
                        for p in &mut result.platforms {
                            p.reference = Some(fault::MISSING_REF.into());
                        }
                    }
                    None => {}
                }
                bridge
                    .return_result(&result)
                    .await
                    .map_err(FrontendFailure::ReturnRefused)
            }
            Err(e) => {
                let _ = bridge.return_error(&e.to_string()).await;
                Err(FrontendFailure::Build(e))
            }
        }
    })
}

/// The frontend task's end; never, without a frontend task.
async fn join_frontend(
    task: &mut Option<FrontendTask>,
) -> Result<Result<(), FrontendFailure>, tokio::task::JoinError> {
    match task {
        Some(task) => task.await,
        None => std::future::pending().await,
    }
}

/// A failed task's panic message (or why it did not finish).
pub(crate) fn panic_message(join: tokio::task::JoinError) -> String {
    if !join.is_panic() {
        return join.to_string();
    }
    let payload = join.into_panic();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panicked".into())
}

/// Resolves on Ctrl-C, or on the SIGTERM a CI runner or `timeout` sends
/// when it cancels a job: both cancel the solve and discard the staged
/// outputs, where the default SIGTERM action would leave the hidden
/// partial outputs behind. Returns the exit code (128 + signal).
pub(crate) fn interrupt_signal() -> Interrupt {
    Box::pin(async {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).ok();
        tokio::select! {
            _ = tokio::signal::ctrl_c() => EXIT_INTERRUPTED,
            Some(()) = async {
                match term.as_mut() {
                    Some(t) => t.recv().await,
                    None => std::future::pending().await,
                }
            } => EXIT_TERMINATED,
        }
    })
}
