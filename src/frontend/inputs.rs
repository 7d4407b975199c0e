//! The frontend's inputs from the client, through the [`Bridge`]: the
//! Dockerfile (and its own `<Dockerfile>.dockerignore`), the context's
//! `.dockerignore`, and what named contexts need before lowering (frontend
//! inputs for `input:` contexts, each `local:` context's ignore file).
//!
//! Every load is a small local source with its own `shared_key_hint`, so
//! these few-file syncs never replace the engine's cached copy of the whole
//! context.

use std::collections::BTreeMap;

use super::bridge::{Bridge, BridgeError};
use super::build::FrontendError;
use super::main_context::MainContext;
use super::options::FrontendOptions;
use crate::dockerfile::dockerignore;
use crate::llb::VertexMeta;
use crate::llb::definition::marshal;
use crate::llb::source::{self, LocalOptions};

/// `shared_key_hint` names the engine's cached copy of the local: a load that
/// follows only a few paths must not share the full context's copy, or it
/// empties it and the next context load sends every file again (upstream
/// uses `context-.dockerignore` for the ignore file too).
pub(super) fn local_definition(
    name: &str,
    shared_key_hint: &str,
    session: Option<&str>,
    follow: Vec<String>,
    differ_none: bool,
    display: &str,
) -> crate::llb::Marshaled {
    let opts = LocalOptions {
        session_id: session.map(str::to_string),
        shared_key_hint: Some(shared_key_hint.to_string()),
        follow_paths: follow,
        differ: differ_none.then(|| "none".to_string()),
        ..Default::default()
    };
    let out = source::local(
        name,
        &opts,
        VertexMeta::named(format!("[internal] {display}")),
    );
    marshal(&Some(out), None)
}

pub(super) async fn read_optional<B: Bridge>(
    bridge: &B,
    reference: &str,
    path: &str,
) -> Result<Option<Vec<u8>>, FrontendError> {
    match bridge.read_file(reference, path).await {
        Ok(data) => Ok(Some(data)),
        Err(BridgeError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The load of the Dockerfile (and its own ignore file, and `config_name`)
/// from the client's dockerfile local: what errors and source maps point
/// back to, so `strata llb` builds the same one.
pub fn dockerfile_load(
    opts: &FrontendOptions,
    filename: &str,
    session: Option<&str>,
    config_name: Option<&str>,
) -> crate::llb::Marshaled {
    let mut follow = vec![filename.to_string(), format!("{filename}.dockerignore")];
    follow.extend(lowercase_dockerfile(filename));
    follow.extend(config_name.map(str::to_string));
    let session = opts.local_session(&opts.dockerfile_local, session);
    local_definition(
        &opts.dockerfile_local,
        &opts.dockerfile_local,
        session.as_deref(),
        follow,
        true,
        &format!("load build definition from {filename}"),
    )
}

/// The Dockerfile as read through the bridge.
pub(super) struct DockerfileInput {
    pub(super) text: String,
    /// `<Dockerfile>.dockerignore`, when the dockerfile local has one.
    pub(super) own_ignore: Option<Vec<u8>>,
    /// `strata.toml` beside the Dockerfile, when asked for and present.
    pub(super) config: Option<Vec<u8>>,
    /// Digest of the source op that loaded the Dockerfile: upstream attaches
    /// Dockerfile warnings to this vertex (`def.Head()` of that load).
    pub(super) vertex: String,
    /// The definition of that load (sent in warnings' `SourceInfo`).
    pub(super) definition: crate::proto::pb::Definition,
}

/// Read the Dockerfile and, when its source has them,
/// `<Dockerfile>.dockerignore` and `config_name` (`strata.toml`; all in
/// one round trip after the load): from the dockerfile local, or from the remote context or the
/// frontend input that `main` names.
pub(super) async fn read_dockerfile<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    main: &MainContext,
    config_name: Option<&str>,
) -> Result<DockerfileInput, FrontendError> {
    let filename = main
        .filename
        .clone()
        .unwrap_or_else(|| opts.filename.clone());
    let ignore_name = format!("{filename}.dockerignore");
    let lower_name = lowercase_dockerfile(&filename);
    let def = match &main.dockerfile {
        Some(fs) => marshal(fs, None),
        None => dockerfile_load(opts, &filename, bridge.session_id(), config_name),
    };
    // Where a remote failed to load, say which.
    let from = |e: BridgeError| -> FrontendError {
        if main.dockerfile.is_some() {
            FrontendError::Settings(format!("failed to load context {}: {e}", main.description))
        } else {
            e.into()
        }
    };
    // The last digest is the terminal op; the one before it the load.
    let vertex = def
        .digests
        .len()
        .checked_sub(2)
        .map(|i| def.digests[i].clone())
        .unwrap_or_default();
    let definition = def.definition;
    let df_ref = bridge.solve(definition.clone()).await.map_err(from)?;
    let (text, own_ignore, config) = tokio::join!(
        read_optional(bridge, &df_ref, &filename),
        read_optional(bridge, &df_ref, &ignore_name),
        async {
            match config_name {
                Some(name) => read_optional(bridge, &df_ref, name).await,
                None => Ok(None),
            }
        }
    );
    let missing = || {
        let place = if main.dockerfile.is_some() {
            format!(" in {}", main.description)
        } else {
            String::new()
        };
        FrontendError::MissingDockerfile(format!("{filename}: no such file{place}"))
    };
    let text = match text? {
        Some(t) => t,
        None => match &lower_name {
            Some(l) => read_optional(bridge, &df_ref, l)
                .await?
                .ok_or_else(missing)?,
            None => return Err(missing()),
        },
    };
    let text = String::from_utf8(text)
        .map_err(|_| FrontendError::MissingDockerfile(format!("{filename} is not valid UTF-8")))?;
    Ok(DockerfileInput {
        text,
        own_ignore: own_ignore?,
        config: config?,
        vertex,
        definition,
    })
}

/// The context's `.dockerignore`. [`build`] loads it while the Dockerfile
/// loads (both sync a file from the client, the slowest reads of a cached
/// build) and drops it when the Dockerfile has its own ignore file. A
/// remote context's ignore file is read from that context.
pub(super) async fn read_context_ignore<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    main: &MainContext,
) -> Result<Option<Vec<u8>>, FrontendError> {
    let definition = match main.remote_definition() {
        Some(def) => def,
        None => {
            let session = opts.local_session(&opts.context_local, bridge.session_id());
            local_definition(
                &opts.context_local,
                &format!("{}-{}", opts.context_local, dockerignore::DEFAULT_NAME),
                session.as_deref(),
                vec![dockerignore::DEFAULT_NAME.to_string()],
                true,
                "load .dockerignore",
            )
            .definition
        }
    };
    let read = async {
        let ctx_ref = bridge.solve(definition).await?;
        read_optional(bridge, &ctx_ref, dockerignore::DEFAULT_NAME).await
    };
    match read.await {
        // A client that serves no directories (a gateway client passing
        // the Dockerfile as a frontend input): no ignore file, and a build
        // that reads the context fails at that load with the same error,
        // so nothing can be sent unfiltered. The engine says so when the
        // load is solved or, lazily, when it is first read.
        Err(FrontendError::Bridge(BridgeError::Engine(m)))
            if main.remote.is_none() && m.contains(NO_LOCALS) =>
        {
            Ok(None)
        }
        Err(FrontendError::Bridge(e)) if main.remote.is_some() => Err(FrontendError::Settings(
            format!("failed to load context {}: {e}", main.description),
        )),
        other => other,
    }
}

/// The engine's words when the client's session serves no directories.
const NO_LOCALS: &str = "no local sources enabled";

/// The ignore patterns that apply to the context: the Dockerfile's own
/// ignore file (`own`, from [`read_dockerfile`]) wins, else the context's
/// `.dockerignore` (from [`read_context_ignore`]; its failure counts only
/// when it is used).
pub(super) fn ignore_patterns(
    own: Option<Vec<u8>>,
    context: Result<Option<Vec<u8>>, FrontendError>,
) -> Result<Vec<String>, FrontendError> {
    let ignore = match own {
        Some(bytes) => Some(bytes),
        None => context?,
    };
    Ok(ignore
        .map(|b| {
            dockerignore::to_exclude_patterns(&dockerignore::parse(&String::from_utf8_lossy(&b)))
        })
        .unwrap_or_default())
}

/// `Dockerfile` may also be spelled `dockerfile` (moby/moby#10858).
pub(super) fn lowercase_dockerfile(filename: &str) -> Option<String> {
    let (dir, base) = match filename.rsplit_once('/') {
        Some((d, b)) => (format!("{d}/"), b),
        None => (String::new(), filename),
    };
    (base == "Dockerfile").then(|| format!("{dir}dockerfile"))
}

/// What named contexts need from the engine before lowering.
#[derive(Debug, Default)]
pub struct NamedContextInputs {
    /// `input:NAME` contexts' definitions, imported.
    pub inputs: BTreeMap<String, crate::llb::Fs>,
    /// `.dockerignore` patterns of `local:` contexts.
    pub local_excludes: BTreeMap<String, Vec<String>>,
    /// The main context when it is not a local (see
    /// [`super::main_context`]), ignore patterns applied.
    pub main: Option<crate::llb::Fs>,
}

/// Fetch the frontend inputs that `input:` contexts name (failing clearly
/// when the client passed none by that name), and read each `local:`
/// context's own `.dockerignore`, like upstream.
pub(super) async fn load_named_contexts<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
) -> Result<NamedContextInputs, FrontendError> {
    use crate::plan::NamedContext;
    let mut out = NamedContextInputs::default();
    let wanted_inputs: Vec<(&String, &String)> = opts
        .build
        .named_contexts
        .iter()
        .filter_map(|(key, c)| match c {
            NamedContext::Input(name) => Some((key, name)),
            _ => None,
        })
        .collect();
    if !wanted_inputs.is_empty() {
        let inputs = bridge.inputs().await?;
        for (key, name) in wanted_inputs {
            let Some(def) = inputs.get(name) else {
                let known: Vec<&str> = inputs.keys().map(String::as_str).collect();
                return Err(FrontendError::Settings(format!(
                    "context:{key}=input:{name}: the client passed no frontend input named {name:?} (inputs: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            };
            let fs = crate::llb::import::definition(def)
                .map_err(|e| FrontendError::Settings(format!("context:{key}=input:{name}: {e}")))?;
            out.inputs.insert(name.clone(), fs);
        }
    }
    let locals: std::collections::BTreeSet<&String> = opts
        .build
        .named_contexts
        .values()
        .filter_map(|c| match c {
            NamedContext::Local(name) => Some(name),
            _ => None,
        })
        .collect();
    // Each local's ignore file is its own load: all at once.
    let ignores = futures_util::future::join_all(locals.iter().map(|name| {
        read_local_context_ignore(bridge, name, opts.local_session(name, bridge.session_id()))
    }))
    .await;
    for (name, ignore) in locals.into_iter().zip(ignores) {
        if let Some(bytes) = ignore? {
            let patterns = dockerignore::to_exclude_patterns(&dockerignore::parse(
                &String::from_utf8_lossy(&bytes),
            ));
            if !patterns.is_empty() {
                out.local_excludes.insert(name.clone(), patterns);
            }
        }
    }
    Ok(out)
}

/// The `.dockerignore` of the `local:` named context `name`.
async fn read_local_context_ignore<B: Bridge>(
    bridge: &B,
    name: &str,
    session: Option<String>,
) -> Result<Option<Vec<u8>>, FrontendError> {
    let def = local_definition(
        name,
        &format!("context:{name}-{}", dockerignore::DEFAULT_NAME),
        session.as_deref(),
        vec![dockerignore::DEFAULT_NAME.to_string()],
        true,
        &format!("load {} of context {name}", dockerignore::DEFAULT_NAME),
    );
    let reference = bridge.solve(def.definition).await?;
    read_optional(bridge, &reference, dockerignore::DEFAULT_NAME).await
}
