//! The `strata` command line: one module per subcommand, errors rendered
//! for humans. Exit codes: 0 ok, 1 build failed, 2 bad input or usage,
//! 3 engine unreachable, 4 a budget exceeded.

pub mod build;
pub mod cache;
pub mod compose;
pub mod context;
pub mod conversion;
pub mod diagnostic;
pub mod engine_args;
pub mod explain;
pub mod history;
pub mod inputs;
pub mod inspect;
pub mod llb;
pub mod vcs;
pub mod why;

use clap::{Parser, Subcommand};

/// `println!` for a command's output on stdout; see [`write_stdout`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}
/// `print!` for a command's output on stdout; see [`write_stdout`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!($($arg)*))
    };
}
pub(crate) use {out, outln};

pub const EXIT_OK: i32 = 0;
pub const EXIT_BUILD_FAILED: i32 = 1;
pub const EXIT_BAD_INPUT: i32 = 2;
pub const EXIT_ENGINE_UNREACHABLE: i32 = 3;
/// A budget (`--max-image-size`, `strata.toml`, ...) was exceeded.
pub const EXIT_BUDGET_EXCEEDED: i32 = 4;

#[derive(Debug, Parser)]
#[command(name = "strata", version, about = "BuildKit Dockerfile frontend and builder client", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Commands,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Build a Dockerfile on a BuildKit engine.
    #[command(
        after_help = "Compose: strata build --compose FILE [SERVICE…] builds a Compose file's services (see strata build --compose FILE --help)"
    )]
    Build(Box<build::BuildArgs>),
    /// Show the engine's build cache usage.
    Du(cache::DuArgs),
    /// Free build cache by policy (e.g. `--keep-storage 10GB`), or old image tags (`--images --keep 2`).
    Prune(cache::PruneArgs),
    /// What the build context sends, what no step uses, what to ignore, and secrets in it.
    Context(context::ContextArgs),
    /// Show what strata's passes (layering, cache mounts) change, and why.
    #[command(
        after_help = "Compose: strata explain --compose FILE [SERVICE…] explains each service"
    )]
    Explain(explain::ExplainArgs),
    /// Convert a Dockerfile to BuildKit LLB and print it (no engine needed).
    Llb(llb::LlbArgs),
    /// Print the build stamps of an image (Docker Engine image or OCI tar); --layers: sizes and waste per layer.
    Inspect(inspect::InspectArgs),
    /// Check an image against the working tree: exit 0 up to date, 1 stale, 2 no stamps
    /// or a bad image, 3 Docker Engine not answering.
    Verify(inspect::VerifyArgs),
    /// The engine's build history: ls, inspect, logs, stats, export (exit 3: engine
    /// unreachable or without a history API).
    History(history::HistoryArgs),
    /// Why a build ran a step instead of using the cache (default: the last build).
    Why(why::WhyArgs),
}

/// The exit code for an engine error: unreachable engines are 3, bad
/// addresses or TLS files are bad input, everything else a failed build.
pub fn engine_exit_code(e: &crate::engine::EngineError) -> i32 {
    use crate::engine::EngineError;
    match e {
        EngineError::Unreachable { .. } => EXIT_ENGINE_UNREACHABLE,
        EngineError::Endpoint(_) | EngineError::Config(_) => EXIT_BAD_INPUT,
        EngineError::Rpc(_) | EngineError::Session(_) => EXIT_BUILD_FAILED,
    }
}

/// Writes command output to stdout. Rust's `println!` panics when the
/// reader has gone (`strata du | head -1`); Unix tools end quietly then,
/// and buildx does too (Go lets SIGPIPE end a process whose stdout is a
/// closed pipe), so a broken pipe ends strata by SIGPIPE, with no message.
/// Any other write error is reported and exits 1.
pub fn write_stdout(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush()) else {
        return;
    };
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        end_by_sigpipe();
    }
    eprintln!("error: cannot write to stdout: {e}");
    std::process::exit(EXIT_BUILD_FAILED);
}

/// Ends the process as the default SIGPIPE action would (the Rust runtime
/// ignores SIGPIPE so that sockets report EPIPE instead).
pub fn end_by_sigpipe() -> ! {
    // SAFETY: restoring a signal's default action and raising it for this
    // process; nothing else runs after.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::raise(libc::SIGPIPE);
    }
    std::process::exit(128 + libc::SIGPIPE);
}

/// Parse arguments, run the command, and return the process exit code.
pub fn main() -> i32 {
    init_logging();
    let argv: Vec<String> = std::env::args().collect();
    if let Some(code) = compose::intercept(&argv) {
        return code;
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_BAD_INPUT
            } else {
                EXIT_OK
            };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Commands::Build(args) => build::run(*args),
        Commands::Du(args) => cache::run_du(args),
        Commands::Prune(args) => cache::run_prune(args),
        Commands::Context(args) => context::run(args),
        Commands::Explain(args) => explain::run(args),
        Commands::Llb(args) => llb::run(args),
        Commands::Inspect(args) => inspect::run_inspect(args),
        Commands::Verify(args) => inspect::run_verify(args),
        Commands::History(args) => history::run(args),
        Commands::Why(args) => why::run(args),
    }
}

/// Diagnostics on stderr when `STRATA_LOG` sets a filter (e.g.
/// `STRATA_LOG=strata=debug` shows every gateway call with its duration,
/// timed from the start of the process); silent otherwise, so the progress
/// output stays the only thing on stderr.
fn init_logging() {
    let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("STRATA_LOG") else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_timer(tracing_subscriber::fmt::time::uptime())
        .with_env_filter(filter)
        .try_init();
}
