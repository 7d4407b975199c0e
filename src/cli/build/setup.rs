//! Session setup for `strata build`: everything between a validated
//! command line ([`super::Prepared`]) and the solve request.
//!
//! In order: start gathering the stamp facts (git, the context's digest) on
//! a blocking thread; connect to the engine; map the outputs onto exporters
//! for this engine and stage every file output under a temporary name
//! ([`StagedOutputs`]); open the session (context and Dockerfile sync,
//! `--local` directories, secrets, registry auth, SSH agents, and the
//! receivers for file outputs); then assemble the `Control.Solve` request.
//! Every failure here prints its error, removes what was staged, and gives
//! the exit code: nothing has been built yet.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::outputs::{
    PlannedOutput, StagedOutputs, Staging, exporter_request, plan_outputs_loading_into,
    takes_multiple_exporters,
};
use super::specs::{self, CacheSpec};
use super::{BuildArgs, Prepared, random_id, shared_key};
use crate::cli::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, engine_exit_code};
use crate::engine::{Engine, SessionHandle, SessionTransport};
use crate::proto::control;
use crate::session::auth::DockerAuthConfig;
use crate::session::filesend::OutputTarget;
use crate::session::secrets::SecretSource;
use crate::session::ssh::AgentAccess;
use crate::session::{SessionInfo, builder::SessionBuilder};

/// A connected engine with the session open and the solve request ready.
pub(super) struct Setup {
    pub engine: Engine,
    /// The solve's ref (`SolveRequest.Ref`): the id status and history know the build by.
    pub build_id: String,
    pub session_id: String,
    pub session: SessionHandle,
    /// Each output's exporter, staging and post-export work, in `--output` order.
    pub planned: Vec<PlannedOutput>,
    pub staged: StagedOutputs,
    /// The frontend options, stamp facts included: sent in the request to an
    /// engine-side frontend, or handed to strata's in-process one.
    pub frontend_attrs: BTreeMap<String, String>,
    /// strata's own frontend runs in this process (`--frontend strata`).
    pub client_frontend: bool,
    pub request: control::SolveRequest,
}

/// Connect, stage the outputs, open the session and build the solve
/// request. `Err` is the exit code, with the error already printed.
pub(super) async fn set_up(args: &BuildArgs, p: &Prepared) -> Result<Setup, i32> {
    // Stamp facts (git, the context's digest) come from the client's disk:
    // gather them while connecting to the engine and opening the session.
    let stamp_task = p.stamp.clone().map(|job| {
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let facts = job.facts();
            tracing::debug!(
                elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
                "build: stamp facts"
            );
            facts
        })
    });
    let engine = match args.engine.connect().await {
        Ok(e) => e,
        Err(e) => return Err(crate::cli::engine_args::report_connect_error(&e)),
    };
    tracing::debug!("build: engine connected");
    let build_id = random_id();
    let docker_engine = matches!(
        engine.session_transport(),
        SessionTransport::DockerUpgrade(_)
    ) || engine.docker_version().is_some();
    // `--load` on an engine that is not Docker loads into the user's Docker,
    // if one answers.
    let wants_load = p
        .outputs
        .iter()
        .any(|o| matches!(o, specs::OutputSpec::DockerLoad { .. }));
    let load_into = if wants_load && !docker_engine {
        let socket = super::outputs::default_docker_socket();
        crate::engine::docker::ping(&socket)
            .await
            .is_ok()
            .then_some(socket)
    } else {
        None
    };
    let planned =
        match plan_outputs_loading_into(&p.outputs, docker_engine, load_into.as_deref(), &build_id)
        {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: {e}");
                return Err(EXIT_BAD_INPUT);
            }
        };
    let staged = match StagedOutputs::prepare(&planned) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return Err(EXIT_BAD_INPUT);
        }
    };

    if p.frontend_attrs.contains_key("attest:sbom")
        && planned.iter().any(|o| o.exporter.r#type == "moby")
    {
        eprintln!(
            "note: Docker Engine's image store keeps no attestations: the SBOM is made but not \
             stored with the image; write it with -o type=local or type=tar, or build on buildkitd"
        );
    }
    let engine_name = match (engine.docker_version(), engine.buildkit_version()) {
        (Some(d), _) => format!("Docker Engine {}", d.version),
        (None, Some(b)) => format!("BuildKit {}", b.version),
        (None, None) => "BuildKit older than 0.11".to_string(),
    };
    let mut outputs: Vec<(control::Exporter, Option<OutputTarget>)> = planned
        .iter()
        .map(|o| {
            let target = o
                .staging
                .as_ref()
                .filter(|s| s.via_session)
                .map(Staging::target);
            (o.exporter.clone(), target)
        })
        .collect();
    if let Some(epoch) = &p.source_date_epoch {
        let mut images = false;
        for (e, _) in &mut outputs {
            // BuildKit ≥ 0.13 clamps layer file times to the epoch with
            // rewrite-timestamp (image, oci, docker exporters); the Docker
            // Engine's moby exporter takes source-date-epoch for the config,
            // and is given rewrite-timestamp too for engines that honour it.
            // A source's name (`context`, a stage) is resolved by the
            // frontend, which hands the seconds to the exporters itself.
            if epoch.trim().parse::<i64>().is_ok() {
                e.attrs.insert("source-date-epoch".into(), epoch.clone());
            }
            if matches!(e.r#type.as_str(), "image" | "oci" | "docker" | "moby") {
                e.attrs.insert("rewrite-timestamp".into(), "true".into());
                images = true;
            }
        }
        if images
            && let Some(why) = timestamps_not_rewritten(
                docker_engine,
                engine.buildkit_version().map(|v| v.version.as_str()),
            )
        {
            eprintln!(
                "note: SOURCE_DATE_EPOCH is set, but {why}: layers keep the files' build \
                 times, so a rebuild that misses the cache (--no-cache) gives a different \
                 image digest"
            );
        }
    }
    let multiple = takes_multiple_exporters(
        engine.buildkit_version().map(|v| v.version.as_str()),
        engine.docker_version().map(|d| d.api_version.as_str()),
    );
    let mut exports = match exporter_request(outputs, multiple, &engine_name) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            staged.discard_all();
            return Err(EXIT_BAD_INPUT);
        }
    };

    // The session: locals, secrets, auth, ssh and output receivers.
    let info = SessionInfo {
        id: random_id(),
        name: p
            .context
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "context".into()),
        shared_key: shared_key(&p.context),
    };
    let mut session = SessionBuilder::new(info.clone())
        .local_dir("context", &p.context)
        .local_dir("dockerfile", &p.dockerfile_dir);
    for (name, dir) in &p.locals {
        session = session.local_dir(name.clone(), dir.clone());
    }
    for s in &p.secrets {
        let source = match &s.source {
            specs::SecretSource::File(f) => SecretSource::File(f.clone()),
            specs::SecretSource::Env(v) => SecretSource::Env(v.clone()),
        };
        session = session.secret(s.id.clone(), source);
    }
    match DockerAuthConfig::load_default() {
        Ok(auth) => session = session.docker_auth(auth),
        Err(e) => tracing::debug!("no registry credentials: {e}"),
    }
    for s in &p.ssh {
        let socket = match s.paths.first() {
            Some(path) => path.clone(),
            None => match std::env::var_os("SSH_AUTH_SOCK") {
                Some(sock) => PathBuf::from(sock),
                None => {
                    eprintln!(
                        "error: --ssh {}: SSH_AUTH_SOCK is not set; give ID=SOCKET",
                        s.id
                    );
                    staged.discard_all();
                    return Err(EXIT_BAD_INPUT);
                }
            },
        };
        let access = if s.raw {
            AgentAccess::Raw
        } else {
            AgentAccess::ReadOnly
        };
        session = session.ssh_with(s.id.clone(), socket, access);
    }
    for (id, target) in std::mem::take(&mut exports.targets) {
        session = session.output(id, target);
    }
    // A context tar on standard input: served once through Upload.
    let upload_url = match p.remote.as_ref().and_then(|r| r.upload.as_ref()) {
        Some(path) => match tokio::fs::File::open(path).await {
            Ok(f) => Some(session.upload(Box::pin(f))),
            Err(e) => {
                eprintln!("error: cannot read the spooled standard input: {e}");
                staged.discard_all();
                return Err(EXIT_BAD_INPUT);
            }
        },
        None => None,
    };
    let session_handle = match engine.attach_session(&info, session.build()).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: cannot open a session with the engine: {e}");
            staged.discard_all();
            return Err(engine_exit_code(&e));
        }
    };
    tracing::debug!("build: session attached");

    let mut attrs = p.frontend_attrs.clone();
    if let Some(url) = upload_url {
        attrs.insert("context".into(), url);
    }
    if let Some(task) = stamp_task {
        let failed = match task.await {
            // `--opt` given for the same key wins, as it did when the facts
            // were gathered before the options were applied.
            Ok(Ok(facts)) => {
                for (k, v) in facts {
                    attrs.entry(k).or_insert(v);
                }
                None
            }
            Ok(Err(diag)) => {
                eprint!("{}", diag.render(None));
                Some(EXIT_BAD_INPUT)
            }
            Err(e) => {
                eprintln!("error: gathering the stamp facts failed: {e}");
                Some(EXIT_BUILD_FAILED)
            }
        };
        if let Some(code) = failed {
            staged.discard_all();
            session_handle.close().await;
            return Err(code);
        }
    }
    if let Some(imports) = super::specs::cache_imports_attr(&p.cache_from) {
        attrs.insert("cache-imports".into(), imports);
    }
    let client_frontend = args.frontend == "strata";
    let request = control::SolveRequest {
        r#ref: build_id.clone(),
        session: info.id.clone(),
        frontend: if client_frontend {
            String::new()
        } else {
            args.frontend.clone()
        },
        frontend_attrs: if client_frontend {
            BTreeMap::new()
        } else {
            attrs.clone()
        },
        exporter_deprecated: exports.exporter_deprecated,
        exporter_attrs_deprecated: exports.exporter_attrs_deprecated,
        exporters: exports.exporters,
        cache: Some(control::CacheOptions {
            imports: cache_entries(&p.cache_from),
            exports: cache_entries(&p.cache_to),
            ..Default::default()
        }),
        entitlements: p.entitlements.clone(),
        ..Default::default()
    };
    Ok(Setup {
        engine,
        build_id,
        session_id: info.id,
        session: session_handle,
        planned,
        staged,
        frontend_attrs: attrs,
        client_frontend,
        request,
    })
}

/// Why the engine's image exporters cannot rewrite file timestamps in
/// layers to `SOURCE_DATE_EPOCH` (exporter option `rewrite-timestamp`,
/// BuildKit 0.13 and newer), or `None` when they can or nothing says (a
/// development build of buildkitd is taken to be recent).
fn timestamps_not_rewritten(docker_engine: bool, buildkit_version: Option<&str>) -> Option<String> {
    if docker_engine {
        // Checked on Engine 26.1: its image-store exporter (moby) ignores
        // rewrite-timestamp, as `docker buildx build` there shows too.
        return Some(
            "Docker Engine's image store exporter does not rewrite file timestamps \
             (rewrite-timestamp; buildkitd 0.13 or newer does)"
                .into(),
        );
    }
    match buildkit_version.and_then(super::outputs::release_version) {
        Some(v) if v < (0, 13) => Some(format!(
            "this engine (BuildKit {}) cannot rewrite file timestamps (rewrite-timestamp \
             needs BuildKit 0.13 or newer)",
            buildkit_version.unwrap_or_default()
        )),
        None if buildkit_version.is_none() => Some(
            "this engine (BuildKit older than 0.11) cannot rewrite file timestamps \
             (rewrite-timestamp needs BuildKit 0.13 or newer)"
                .into(),
        ),
        _ => None,
    }
}

pub(crate) fn cache_entries(specs: &[CacheSpec]) -> Vec<control::CacheOptionsEntry> {
    specs
        .iter()
        .map(|c| control::CacheOptionsEntry {
            r#type: c.kind.clone(),
            attrs: c.attrs.clone().into_iter().collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_engines_rewrite_timestamps() {
        assert!(timestamps_not_rewritten(true, Some("v0.0.0+unknown")).is_some());
        assert!(timestamps_not_rewritten(false, Some("v0.12.5")).is_some());
        assert!(timestamps_not_rewritten(false, None).is_some());
        assert_eq!(timestamps_not_rewritten(false, Some("v0.13.0")), None);
        assert_eq!(timestamps_not_rewritten(false, Some("main-73ed682")), None);
    }
}
