//! Flags that pick the engine, shared by every command that talks to one.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::engine::{Endpoint, Engine, EngineError, HostEnv, TlsOptions};

#[derive(Debug, Clone, Args)]
pub struct EngineArgs {
    /// Engine address: unix:///path, tcp://host:port or docker://[/path/to/docker.sock]
    /// (default: $BUILDKIT_HOST, else the Docker socket when it answers, else
    /// unix:///run/buildkit/buildkitd.sock).
    #[arg(long, global = true, value_name = "ADDRESS")]
    pub addr: Option<String>,
    /// CA certificate for tcp:// with TLS.
    #[arg(long, global = true, value_name = "FILE")]
    pub tlscacert: Option<PathBuf>,
    /// Client certificate for tcp:// with TLS.
    #[arg(long, global = true, value_name = "FILE")]
    pub tlscert: Option<PathBuf>,
    /// Client key for tcp:// with TLS.
    #[arg(long, global = true, value_name = "FILE")]
    pub tlskey: Option<PathBuf>,
    /// Server name to verify the engine's certificate against.
    #[arg(long, global = true, value_name = "NAME")]
    pub tlsservername: Option<String>,
    /// Give up connecting to the engine after this many seconds, including
    /// its first answer (0: no limit). Like buildctl's --timeout.
    #[arg(
        long,
        global = true,
        value_name = "SECONDS",
        env = "STRATA_TIMEOUT",
        default_value_t = crate::engine::connect::DEFAULT_CONNECT_TIMEOUT.as_secs()
    )]
    pub timeout: u64,
}

impl EngineArgs {
    fn tls(&self) -> Option<TlsOptions> {
        if self.tlscacert.is_none()
            && self.tlscert.is_none()
            && self.tlskey.is_none()
            && self.tlsservername.is_none()
        {
            return None;
        }
        Some(TlsOptions {
            ca_cert: self.tlscacert.clone(),
            cert: self.tlscert.clone(),
            key: self.tlskey.clone(),
            server_name: self.tlsservername.clone(),
        })
    }

    /// The connect time limit (`None` for `--timeout 0`).
    fn connect_timeout(&self) -> Option<Duration> {
        (self.timeout > 0).then(|| Duration::from_secs(self.timeout))
    }

    /// Connect as the flags and environment say.
    pub async fn connect(&self) -> Result<Engine, EngineError> {
        let mut env = HostEnv::from_process();
        if let Some(addr) = &self.addr {
            env.buildkit_host = Some(addr.clone());
        }
        match (&env.buildkit_host, self.tls()) {
            (Some(addr), Some(tls)) => {
                let endpoint = Endpoint::parse(addr)
                    .map_err(EngineError::Endpoint)?
                    .with_tls(tls);
                Engine::connect_within(&endpoint, self.connect_timeout()).await
            }
            _ => Engine::connect_default_within(&env, self.connect_timeout()).await,
        }
    }
}

/// Prints a failed connect for a human and returns its exit code. When no
/// engine answered, says how to name one, and points at the local
/// testbed's env file when `scripts/main.sh` has made one.
/// Runs `body` with a connection to the engine on a current-thread runtime;
/// a failure to start or to connect is reported here with its exit code.
pub fn on_engine(engine_args: &EngineArgs, body: impl AsyncFnOnce(Engine) -> i32) -> i32 {
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return super::EXIT_BUILD_FAILED;
        }
    };
    rt.block_on(async {
        match engine_args.connect().await {
            Ok(engine) => body(engine).await,
            Err(e) => report_connect_error(&e),
        }
    })
}

pub fn report_connect_error(e: &EngineError) -> i32 {
    eprintln!("error: {e}");
    if matches!(e, EngineError::Unreachable { .. }) {
        eprintln!(
            "hint: name the engine with --addr or BUILDKIT_HOST: unix:///run/buildkit/buildkitd.sock, \
             tcp://HOST:PORT (with --tlscacert/--tlscert/--tlskey), or docker:///var/run/docker.sock"
        );
        let state = std::env::var_os("STRATA_TESTBED_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| "/var/lib/strata-testbed".into());
        let env_file = state.join("env");
        if env_file.is_file() {
            eprintln!(
                "hint: for the local engine that scripts/main.sh started: source {} \
                 (or scripts/testbed.sh up if it is not running)",
                env_file.display()
            );
        }
    }
    super::engine_exit_code(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        engine: EngineArgs,
    }

    fn timeout_of(args: &[&str]) -> Option<Duration> {
        let cli = Cli::try_parse_from(std::iter::once("strata").chain(args.iter().copied()))
            .expect("parse");
        cli.engine.connect_timeout()
    }

    #[test]
    fn timeout_flag_sets_the_limit_and_zero_lifts_it() {
        assert_eq!(
            timeout_of(&["--timeout", "2"]),
            Some(Duration::from_secs(2))
        );
        assert_eq!(timeout_of(&["--timeout", "0"]), None);
        if std::env::var_os("STRATA_TIMEOUT").is_none() {
            assert_eq!(
                timeout_of(&[]),
                Some(crate::engine::connect::DEFAULT_CONNECT_TIMEOUT)
            );
        }
    }
}
