//! The output finaliser of `strata build`: what happens after the solve
//! ended, given how it ended ([`SolveEnd`]).
//!
//! A failed or cancelled build removes every staged output and renders the
//! error (a Dockerfile error with its location, exit 2; an engine failure
//! with the step's Dockerfile line and a hint where the engine's text does
//! not say what to do, exit 1). A solved build goes through, in order:
//!
//! 1. [`check_solved`]: the one place for checks that run after the build
//!    and before strata pushes, saves, moves into place or writes anything
//!    (the build budgets). A check that fails discards every staged output
//!    and fails the build.
//! 2. [`after_export`]: the outputs the engine cannot finish itself (on
//!    Docker Engine: `push=true` through the Docker API, oci/docker
//!    tarballs through `docker save`). Ctrl-C still stops these.
//! 3. Every staged output moved into place, then the metadata file.
//!
//! Exporters that run inside the engine have acted before step 1: the
//! image store of Docker Engine (`-t`, `--load`) and buildkitd's own push
//! (`--push` on buildkitd) happen during the solve, as with buildx.

use std::path::Path;

use serde_json::{Map, Value};

use super::hints;
use super::outputs::{self, PlannedOutput, Staging};
use super::setup::Setup;
use super::solve::{FrontendFailure, Interrupt, SolveEnd};
use super::{BuildArgs, Prepared};
use crate::cli::diagnostic::Diagnostic;
use crate::cli::inputs::find_dockerignore;
use crate::cli::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK, engine_exit_code};
use crate::engine::{Engine, EngineError};
use crate::frontend::build::FrontendError;
use crate::progress::ProgressMode;
use crate::proto::control;
use crate::session::auth::DockerAuthConfig;

/// A solved build as the checks before finalising see it.
pub(super) struct SolvedBuild<'a> {
    pub args: &'a BuildArgs,
    pub prepared: &'a Prepared,
    pub engine: &'a Engine,
    /// The exporters' response (image digest, config digest, …).
    pub response: &'a control::SolveResponse,
    /// Each output's exporter, staging and post-export work.
    pub outputs: &'a [PlannedOutput],
    /// Since the build started (after validation).
    pub elapsed: std::time::Duration,
}

/// Checks that run after the build and before strata finishes any output
/// (push or save through Docker, moving files into place, the metadata
/// file): the build budgets (`strata.toml`, `--max-*`). `Some(exit code)`
/// refuses the result; the check has said why.
async fn check_solved(build: &SolvedBuild<'_>) -> Option<i32> {
    let docker_engine = matches!(
        build.engine.session_transport(),
        crate::engine::SessionTransport::DockerUpgrade(_)
    ) || build.engine.docker_version().is_some();
    let outcome = crate::cli::context::BuildOutcomeFacts {
        args: build.args,
        context: &build.prepared.context,
        dockerfile_text: &build.prepared.dockerfile_text,
        planned: build.outputs,
        response: build.response,
        docker_engine,
        elapsed: build.elapsed,
    };
    tokio::task::block_in_place(|| outcome.check_budgets())
}

/// Finish the build after the solve ended; the exit code.
pub(super) async fn finalise(
    args: &BuildArgs,
    p: &Prepared,
    setup: &Setup,
    end: SolveEnd,
    interrupt: &mut Interrupt,
    started: std::time::Instant,
) -> i32 {
    let staged = &setup.staged;
    let response = match end {
        SolveEnd::Interrupted(code) => {
            eprintln!("build canceled");
            staged.discard_all();
            return code;
        }
        SolveEnd::FrontendFailed(failure) => {
            staged.discard_all();
            return render_frontend_failure(failure, &dockerfile_display(args));
        }
        SolveEnd::TaskFailed => {
            staged.discard_all();
            return EXIT_BUILD_FAILED;
        }
        SolveEnd::EngineFailed(e, frontend_failure) => {
            staged.discard_all();
            return match frontend_failure {
                Some(failure) => render_frontend_failure(failure, &dockerfile_display(args)),
                None => {
                    let rendered = render_engine_error_for(&e, &dockerfile_display(args), p);
                    eprint!("{}", name_outputs(&rendered, &staged.stagings));
                    engine_exit_code(&e)
                }
            };
        }
        SolveEnd::Solved(response) => response,
    };

    let solved = SolvedBuild {
        args,
        prepared: p,
        engine: &setup.engine,
        response: &response,
        outputs: &setup.planned,
        elapsed: started.elapsed(),
    };
    if let Some(code) = check_solved(&solved).await {
        staged.discard_all();
        return code;
    }
    // Post-export steps (push, docker save) are part of the build:
    // when one fails, no output appears, not even the finished ones.
    // Ctrl-C must still stop them.
    let exported = tokio::select! {
        r = finish_exports(&setup.engine, &setup.planned, p.quiet) => r,
        code = interrupt.as_mut() => {
            eprintln!("build canceled");
            staged.discard_all();
            return code;
        }
    };
    let code = match exported {
        Err(e) => {
            eprintln!("error: {e}");
            staged.discard_all();
            EXIT_BUILD_FAILED
        }
        Ok(finished) => {
            let node = match setup.engine.endpoint() {
                crate::engine::Endpoint::Docker(_) => "docker",
                _ => "buildkitd",
            };
            let metadata = super::metadata::build_metadata(
                &response.exporter_response,
                node,
                &setup.build_id,
                &finished.pushed,
                finished.saved.first().map(String::as_str),
            );
            let mut code = commit_stagings(&staged.stagings);
            if code == EXIT_OK {
                code = write_results(args, p, &metadata);
            }
            code
        }
    };
    if p.outputs.is_empty() && p.progress != ProgressMode::RawJson && !p.quiet {
        eprintln!("note: no --output given; the result stays in the build cache only");
    }
    code
}

/// The Dockerfile as the user named it, for error locations.
fn dockerfile_display(args: &BuildArgs) -> String {
    args.file
        .clone()
        .unwrap_or_else(|| args.context.join("Dockerfile"))
        .display()
        .to_string()
}

/// Print a frontend failure; the exit code (2 for a Dockerfile error). The
/// frontend knows the Dockerfile by its name in the session (`Dockerfile`);
/// the location names it as the user did (`dockerfile`).
fn render_frontend_failure(failure: FrontendFailure, dockerfile: &str) -> i32 {
    match failure {
        FrontendFailure::Build(FrontendError::Dockerfile { text, error, .. }) => {
            let diag = Diagnostic::from_convert(&error, dockerfile);
            eprint!("{}", diag.render(Some(&text)));
            EXIT_BAD_INPUT
        }
        // An image that cannot be resolved: the engine's failure (exit 1),
        // shown at the line that names the image.
        FrontendFailure::Build(e) if e.image_location().is_some() => {
            let at = e.image_location().expect("matched above");
            let mut diag = Diagnostic::plain(e.to_string());
            diag.file = Some(dockerfile.to_string());
            diag.span = Some(at.span);
            eprint!("{}", diag.render(Some(&at.text)));
            EXIT_BUILD_FAILED
        }
        other => {
            eprintln!("error: {other}");
            EXIT_BUILD_FAILED
        }
    }
}

/// An engine failure with the failing step's Dockerfile line, and a hint
/// where the engine's text does not say what to do.
pub(crate) fn render_engine_error(e: &EngineError, dockerfile: &str, text: &str) -> String {
    render_engine_failure(e, dockerfile, text, |_, _| None)
}

/// [`render_engine_error`] in words that say what to do where strata knows
/// more than the engine's text: a source missing from `p`'s context.
fn render_engine_error_for(e: &EngineError, dockerfile: &str, p: &Prepared) -> String {
    render_engine_failure(e, dockerfile, &p.dockerfile_text, |message, step| {
        // A source missing from the context (not from a stage, an image or
        // a named context: those lines say `from=`).
        if step.contains("from=") {
            return None;
        }
        let path = hints::missing_local_path(message)?;
        let dockerfile_path = p.dockerfile_dir.join(
            p.frontend_attrs
                .get("filename")
                .map(String::as_str)
                .unwrap_or("Dockerfile"),
        );
        let ignore = find_dockerignore(Some(&dockerfile_path), &p.context)
            .ok()
            .flatten();
        Some(hints::why_missing(
            path,
            &p.context,
            ignore.as_ref().map(|(f, t)| (f.as_path(), t.as_str())),
        ))
    })
}

/// Render `e` located at its step; `explain` may replace the engine's
/// message, given it and the step's Dockerfile text.
fn render_engine_failure(
    e: &EngineError,
    dockerfile: &str,
    text: &str,
    explain: impl Fn(&str, &str) -> Option<String>,
) -> String {
    let mut d = Diagnostic::plain(e.to_string());
    if let EngineError::Rpc(rpc) = e {
        d.message = rpc.message.clone();
        if let Some((_, lines)) = rpc.source()
            && let Some((start, end)) = lines.first()
        {
            let (start, end) = ((*start).max(1), *end);
            let end = end.max(start) as u32;
            let start = start as u32;
            d.file = Some(dockerfile.to_string());
            d.span = Some(crate::dockerfile::Span::new(
                crate::dockerfile::Position::new(start, 1),
                crate::dockerfile::Position::new(end, 1),
            ));
            let step: String = text
                .lines()
                .skip(start as usize - 1)
                .take((end - start + 1) as usize)
                .collect();
            if let Some(message) = explain(&rpc.message, &step) {
                d.message = message;
            }
        }
    }
    let mut rendered = d.render(Some(text));
    if let Some(hint) = hints::engine_error_hint(&e.to_string()) {
        rendered.push_str(hint);
        rendered.push('\n');
    }
    rendered
}

/// A failed write into a staged output (disk full, say) comes back from
/// the engine naming the temporary path; the user chose the destination, so
/// the message names that instead.
fn name_outputs(message: &str, stagings: &[Staging]) -> String {
    stagings.iter().fold(message.to_string(), |m, s| {
        m.replace(&*s.temp.to_string_lossy(), &s.dest.to_string_lossy())
    })
}

/// Move every staged output into place, then write `response` (as
/// buildx's metadata) to `metadata_file` if given; the exit code.
pub(crate) fn commit_outputs(
    stagings: &[Staging],
    metadata_file: Option<&Path>,
    response: &control::SolveResponse,
) -> i32 {
    let mut code = commit_stagings(stagings);
    if let Some(path) = metadata_file {
        let metadata =
            super::metadata::build_metadata(&response.exporter_response, "strata", "", &[], None);
        let json = serde_json::to_vec_pretty(&metadata).unwrap_or_default();
        if let Err(e) = write_atomically(path, &json) {
            eprintln!("error: cannot write metadata file {}: {e}", path.display());
            code = EXIT_BUILD_FAILED;
        }
    }
    code
}

/// Move every staged output into place.
fn commit_stagings(stagings: &[Staging]) -> i32 {
    let mut code = EXIT_OK;
    for s in stagings {
        if let Err(e) = s.commit() {
            eprintln!(
                "error: cannot move output into place at {}: {e}",
                s.dest.display()
            );
            s.discard();
            code = EXIT_BUILD_FAILED;
        }
    }
    code
}

/// The files and lines that describe the finished build: the metadata
/// file, the image ID file, and with `-q` the image ID on stdout.
fn write_results(args: &BuildArgs, p: &Prepared, metadata: &Map<String, Value>) -> i32 {
    let mut code = EXIT_OK;
    if let Some(path) = &args.metadata_file {
        let mut json = serde_json::to_vec_pretty(metadata).unwrap_or_default();
        json.push(b'\n');
        if let Err(e) = write_atomically(path, &json) {
            eprintln!("error: cannot write metadata file {}: {e}", path.display());
            code = EXIT_BUILD_FAILED;
        }
    }
    let image_id = super::metadata::image_id(metadata);
    if let Some(path) = &args.iidfile {
        match image_id {
            Some(id) => {
                if let Err(e) = write_atomically(path, id.as_bytes()) {
                    eprintln!("error: cannot write image ID file {}: {e}", path.display());
                    code = EXIT_BUILD_FAILED;
                }
            }
            None => {
                eprintln!(
                    "error: --iidfile {}: the engine reported no image ID for this build",
                    path.display()
                );
                code = EXIT_BUILD_FAILED;
            }
        }
    }
    if p.quiet
        && let Some(id) = image_id
    {
        crate::cli::outln!("{id}");
    }
    code
}

/// Write `bytes` to `path` so that a reader sees the old file or the whole
/// new one (as buildx writes its metadata file).
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "metadata".into());
    let temp = path.with_file_name(format!(".{name}.strata-partial"));
    std::fs::write(&temp, bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
}

/// What the steps after the export learnt about the image.
#[derive(Debug, Default)]
struct AfterExported {
    /// Each push's name and the manifest digest the registry now serves
    /// (when Docker reports it).
    pushed: Vec<(String, String)>,
    /// The manifest digests in the tarballs `docker save` wrote.
    saved: Vec<String>,
}

/// Finish outputs the engine cannot produce itself; see [`finish_exports`].
pub(crate) async fn after_export(engine: &Engine, planned: &[PlannedOutput]) -> Result<(), String> {
    finish_exports(engine, planned, false).await.map(|_| ())
}

/// Finish outputs the engine cannot produce itself (Docker Engine: push,
/// save, and `docker load` of a buildkitd export).
async fn finish_exports(
    engine: &Engine,
    planned: &[PlannedOutput],
    quiet: bool,
) -> Result<AfterExported, String> {
    use crate::engine::{Endpoint, docker};
    let mut finished = AfterExported::default();
    for out in planned {
        let Some(after) = &out.after else { continue };
        if let outputs::AfterExport::Load { socket } = after {
            let Some(staging) = &out.staging else {
                continue;
            };
            for line in docker::load_image(socket, &staging.temp).await? {
                if !quiet {
                    eprintln!("{line}");
                }
            }
            continue;
        }
        let Endpoint::Docker(socket) = engine.endpoint() else {
            return Err(
                "pushing and saving images afterwards needs a Docker Engine endpoint".into(),
            );
        };
        match after {
            outputs::AfterExport::Push { name } => {
                if !quiet {
                    eprintln!("pushing {name}");
                }
                let digest =
                    docker::push_image(socket, name, registry_auth(name).await.as_deref()).await?;
                if let Some(d) = digest {
                    finished.pushed.push((name.clone(), d));
                }
            }
            outputs::AfterExport::Load { .. } => {}
            outputs::AfterExport::Save { name, temporary } => {
                let Some(staging) = &out.staging else {
                    continue;
                };
                // Into the staged name, synced before it may be renamed into place.
                let failed =
                    |e: String| format!("cannot write output {}: {e}", staging.dest.display());
                let mut file = tokio::fs::File::create(&staging.temp)
                    .await
                    .map_err(|e| failed(e.to_string()))?;
                let saved = docker::save_image(socket, name, &mut file).await;
                if *temporary {
                    let _ = docker::remove_image(socket, name).await;
                }
                saved.map_err(failed)?;
                file.sync_all().await.map_err(|e| failed(e.to_string()))?;
                let tarball = staging.temp.clone();
                if let Ok(Some(digest)) =
                    tokio::task::spawn_blocking(move || saved_manifest_digest(&tarball)).await
                {
                    finished.saved.push(digest);
                }
            }
        }
    }
    Ok(finished)
}

/// The manifest digest in a `docker save` tarball's OCI `index.json`
/// (Docker Engine 25 and newer write one); `None` when there is none.
fn saved_manifest_digest(tarball: &Path) -> Option<String> {
    use std::io::Read;
    let mut archive = tar::Archive::new(std::fs::File::open(tarball).ok()?);
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        if entry.path().ok()?.as_os_str() == "index.json" {
            let mut json = Vec::new();
            entry.read_to_end(&mut json).ok()?;
            return super::metadata::index_manifest_digest(&json);
        }
    }
    None
}

/// `X-Registry-Auth` for an image's registry from the Docker config (and
/// its credential helpers), if any.
async fn registry_auth(image: &str) -> Option<String> {
    use base64::Engine as _;
    let host = crate::plan::reference::ImageRef::parse(image).ok()?.domain;
    let config = DockerAuthConfig::load_default().ok()?;
    let creds = match crate::session::auth::AuthService::new(config)
        .credentials_for(&host)
        .await
    {
        Ok(c) => c,
        Err(message) => {
            eprintln!("warning: {message}; pushing without credentials");
            return None;
        }
    };
    if creds.username.is_empty() && creds.secret.is_empty() {
        return None;
    }
    let json = serde_json::json!({ "username": creds.username, "password": creds.secret, "serveraddress": host });
    Some(base64::engine::general_purpose::URL_SAFE.encode(json.to_string()))
}
