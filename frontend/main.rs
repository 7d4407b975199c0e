//! `strata-frontend`: the entrypoint of strata's `# syntax=` frontend image.
//!
//! BuildKit runs it with the LLBBridge gRPC service on stdin/stdout and the
//! frontend options in `BUILDKIT_FRONTEND_OPT_<n>`; everything else is the
//! library's Dockerfile frontend ([`strata::frontend::build`]). stdout is the
//! gRPC pipe: logs go to stderr (`STRATA_LOG` sets the filter, default `warn`).

use std::time::Duration;

use strata::cli::diagnostic::Diagnostic;
use strata::frontend::ConvertError;
use strata::frontend::build::{self, FrontendError};
use strata::frontend::subrequests::SubrequestError;
use strata::gateway::stdio::{GatewayEnv, stdio_channel};
use strata::gateway::{GatewayBridge, source_detail, subrequest_detail};

/// How long to wait for the engine to answer the first Ping.
const READY_TIMEOUT: Duration = Duration::from_secs(30);

// strata's binaries run on mimalloc: conversion allocates many small
// strings, and glibc's malloc/free took about half of its CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let started = std::time::Instant::now();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("STRATA_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("strata-frontend: cannot start the async runtime: {e}");
            std::process::exit(1);
        }
    };
    let code = runtime.block_on(run(started));
    tracing::debug!(
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        code,
        "exiting"
    );
    std::process::exit(code);
}

/// The message and typed details the engine should show for a failure.
fn describe_failure(error: &FrontendError) -> (tonic::Code, String, Vec<prost_types::Any>) {
    match error {
        FrontendError::Dockerfile {
            filename,
            text,
            error,
            definition,
        } => {
            let diagnostic = Diagnostic::from_convert(error, filename);
            let rendered = diagnostic.render(Some(text));
            let mut message = rendered
                .strip_prefix("error: ")
                .unwrap_or(&rendered)
                .trim_end()
                .to_string();
            // Upstream's frontend names the line of an instruction it cannot
            // parse in the message itself; clients and scripts match on it.
            if let ConvertError::Syntax(e) = error.as_ref()
                && e.span.start.line > 0
            {
                message = format!(
                    "dockerfile parse error on line {}: {message}",
                    e.span.start.line
                );
            }
            let details = diagnostic
                .span
                .map(|span| vec![source_detail(filename, text, span, definition.as_deref())])
                .unwrap_or_default();
            (tonic::Code::Unknown, message, details)
        }
        FrontendError::Subrequest(SubrequestError::Unsupported(name)) => (
            tonic::Code::Unimplemented,
            error.to_string(),
            vec![subrequest_detail(name)],
        ),
        FrontendError::Options(_) => (tonic::Code::InvalidArgument, error.to_string(), Vec::new()),
        // Where the unresolvable image is named, as upstream shows it.
        FrontendError::ResolveImage { at: Some(at), .. } if !at.filename.is_empty() => (
            tonic::Code::Unknown,
            error.to_string(),
            vec![source_detail(
                &at.filename,
                &at.text,
                at.span,
                at.definition.as_ref(),
            )],
        ),
        // The frontend the build was handed to: its error as it came, at
        // the `# syntax=` line when it names no place of its own.
        FrontendError::Forwarded { status, at } => {
            let mut details = status.details.clone();
            if let Some(at) = at {
                details.push(source_detail(
                    &at.filename,
                    &at.text,
                    at.span,
                    at.definition.as_ref(),
                ));
            }
            (
                tonic::Code::from_i32(status.code),
                status.message.clone(),
                details,
            )
        }
        other => (tonic::Code::Unknown, other.to_string(), Vec::new()),
    }
}

async fn run(started: std::time::Instant) -> i32 {
    let phase = |name: &str| {
        tracing::debug!(
            elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
            "{name}"
        )
    };
    phase("started");
    let env = GatewayEnv::from_process();
    tracing::debug!(options = ?env.options, session = ?env.session_id, workers = ?env.worker_platforms, "gateway environment");
    let channel = match stdio_channel().await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("strata-frontend: cannot open the gateway connection on stdin/stdout: {e}");
            eprintln!(
                "strata-frontend: this binary is meant to be started by BuildKit as a `# syntax=` frontend"
            );
            return 1;
        }
    };
    let request = build::requested_subrequest(&env.options).map(str::to_string);
    let bridge = GatewayBridge::new(channel, None, env.options, env.session_id).forwarding_syntax();
    if let Err(e) = bridge.wait_ready(READY_TIMEOUT).await {
        eprintln!("strata-frontend: the engine did not answer on the gateway connection: {e}");
        return 1;
    }
    phase("engine ready");
    let returned = match request {
        Some(request) => match build::subrequest(&bridge, &request).await {
            Ok(metadata) => bridge.return_metadata(metadata).await.map(|_| 0),
            Err(e) => return_failure(&bridge, &e).await,
        },
        None => match build::build(&bridge).await {
            Ok(result) => bridge.return_result(&result).await.map(|_| 0),
            Err(e) => return_failure(&bridge, &e).await,
        },
    };
    match returned {
        Ok(code) => code,
        Err(e) => {
            eprintln!("strata-frontend: the engine did not take the result: {e}");
            1
        }
    }
}

async fn return_failure(
    bridge: &GatewayBridge,
    error: &FrontendError,
) -> Result<i32, strata::frontend::bridge::BridgeError> {
    let (code, message, details) = describe_failure(error);
    eprintln!("strata-frontend: {message}");
    bridge
        .return_error_with_details(code, &message, details)
        .await
        .map(|_| 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure_for(text: &str) -> String {
        let error = match strata::dockerfile::parse(text) {
            Err(e) => ConvertError::Syntax(e),
            Ok(_) => panic!("{text:?} parses"),
        };
        let error = FrontendError::Dockerfile {
            filename: "Dockerfile".into(),
            text: text.into(),
            error: Box::new(error),
            definition: None,
        };
        describe_failure(&error).1
    }

    #[test]
    fn parse_errors_name_their_line_as_upstream() {
        let message = failure_for("FROM scratch\nCOPY a /\n\nBADCMD\n");
        assert!(
            message.starts_with("dockerfile parse error on line 4: unknown instruction: BADCMD"),
            "{message}"
        );
    }

    #[test]
    fn a_multi_line_error_has_a_range_per_line_and_the_load_definition() {
        let text = "FROM scratch\nRUN wh\\\nat\n";
        let span = strata::dockerfile::Span::new(
            strata::dockerfile::span::Position::new(2, 1),
            strata::dockerfile::span::Position::new(3, 3),
        );
        let definition = strata::proto::pb::Definition {
            def: vec![b"op".to_vec()],
            ..Default::default()
        };
        let detail = source_detail("Dockerfile", text, span, Some(&definition));
        let json: serde_json::Value = serde_json::from_slice(&detail.value).unwrap();
        let starts: Vec<i64> = json["ranges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["start"]["line"].as_i64().unwrap())
            .collect();
        assert_eq!(starts, [2, 3]);
        assert_eq!(json["info"]["definition"]["def"][0], "b3A=");
        assert_eq!(json["info"]["filename"], "Dockerfile");
        let one_line = source_detail(
            "Dockerfile",
            text,
            strata::dockerfile::Span::point(2, 1),
            None,
        );
        let json: serde_json::Value = serde_json::from_slice(&one_line.value).unwrap();
        assert_eq!(json["ranges"].as_array().unwrap().len(), 1);
        assert!(json["info"].get("definition").is_none());
    }
}
