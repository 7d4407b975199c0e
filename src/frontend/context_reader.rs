//! Reading the build-context files the passes ask for (package manifests,
//! lockfiles, Cargo member manifests), round after round.
//!
//! The passes are pure: [`wanted_context_files`] names what they want given
//! what was read so far (a Cargo workspace names its members only in the
//! root manifest), a [`ContextSource`] reads it, and [`read_rounds`] — the
//! one loop every caller uses — asks again until nothing new is wanted.
//! Two sources implement the trait:
//!
//! - [`LocalContext`]: a directory on this machine (`strata llb`,
//!   `strata explain`, the golden tests). It reads synchronously, so its
//!   futures are ready at once.
//! - [`BridgeContext`]: the client's context through a [`Bridge`] (the
//!   in-process frontend of `strata build` and the frontend image): one
//!   load of the context per round, files read concurrently, answers
//!   remembered across rounds and platforms.
//!
//! Both honour `.dockerignore`: an excluded file reads as absent, exactly
//! as the engine's copy of the context lacks it.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;

use super::bridge::{Bridge, BridgeCaps, BridgeError, READ_DIR_CAP};
use super::build::FrontendError;
use super::inputs::read_optional;
use crate::dockerfile::{self, dockerignore};
use crate::llb::VertexMeta;
use crate::llb::definition::marshal;
use crate::llb::source::{self, LocalOptions};
use crate::plan;
use crate::plan::passes::{
    ContextFiles, MAX_READ_ROUNDS, PassOptions, likely_next_context_files, wanted_context_files,
};

/// Where the passes' context files come from.
pub trait ContextSource {
    /// The files among `wanted` (every path wanted so far, cumulative):
    /// content, or `None` for a file that is absent or excluded.
    fn read(&self, wanted: &[String]) -> impl Future<Output = Result<ContextFiles, FrontendError>>;
}

/// The context files for `plan`, round after round, exactly as the passes
/// ask for them (nothing when layering is off).
pub async fn read_rounds<S: ContextSource>(
    source: &S,
    plan: &plan::BuildPlan,
    pass_opts: &PassOptions,
) -> Result<ContextFiles, FrontendError> {
    let mut files = ContextFiles::default();
    for _ in 0..MAX_READ_ROUNDS {
        let wanted = wanted_context_files(plan, pass_opts, &files);
        if wanted.iter().all(|p| files.known(p)) {
            break;
        }
        files = source.read(&wanted).await?;
    }
    Ok(files)
}

/// A build context on this machine, read as the engine would see it.
#[derive(Debug, Clone)]
pub struct LocalContext {
    pub dir: PathBuf,
    /// The context's `.dockerignore` patterns.
    pub excludes: Vec<String>,
}

impl LocalContext {
    /// The files among `wanted`, read now. Paths that climb out of the
    /// context (`..`) read as absent, like excluded ones.
    pub fn read_now(&self, wanted: &[String]) -> ContextFiles {
        let matcher =
            dockerignore::Matcher::new(&dockerignore::parse(&self.excludes.join("\n"))).ok();
        let mut files = ContextFiles::default();
        for path in wanted {
            let ignored = matcher.as_ref().is_some_and(|m| m.is_excluded(path));
            let safe = !path.split('/').any(|c| c == "..");
            let content = if ignored || !safe {
                None
            } else {
                std::fs::read(self.dir.join(path)).ok()
            };
            files.files.insert(path.clone(), content);
        }
        files
    }
}

impl ContextSource for LocalContext {
    async fn read(&self, wanted: &[String]) -> Result<ContextFiles, FrontendError> {
        Ok(self.read_now(wanted))
    }
}

/// How many `ReadFile` calls one read round keeps in flight.
const CONCURRENT_READS: usize = 32;

/// Reads the context files the passes ask for (dockerignored ones read as
/// absent) and remembers every answer, so a round (or a later platform)
/// that asks for files already read costs no round trip to the engine.
///
/// Each load follows every path read so far, so the engine's cached copy
/// of these files stays whole, and reads only the paths not read yet, all
/// at once on the one ref. The passes still see exactly the files they
/// asked for ([`BridgeContext::files`]), so what is read ahead never
/// changes what they decide.
pub struct BridgeContext<'a, B> {
    bridge: &'a B,
    context_local: &'a str,
    excludes: &'a [String],
    /// List directories first and read only the files that exist (each
    /// read costs the engine a mount, even for a missing file).
    list_dirs: bool,
    /// The session serving the context local.
    session: Option<String>,
    /// The main context when it is not a local (ignore patterns applied):
    /// solved and read instead of loading the local.
    remote: Option<crate::proto::pb::Definition>,
    read: std::sync::Mutex<BTreeMap<String, Option<Vec<u8>>>>,
}

impl<'a, B: Bridge> BridgeContext<'a, B> {
    pub fn new(
        bridge: &'a B,
        context_local: &'a str,
        excludes: &'a [String],
        engine_caps: &BridgeCaps,
    ) -> Self {
        BridgeContext {
            bridge,
            context_local,
            excludes,
            list_dirs: engine_caps.frontend.contains(READ_DIR_CAP),
            session: bridge.session_id().map(str::to_string),
            remote: None,
            read: Default::default(),
        }
    }

    /// Read from `remote` (a context that is not a local) when given, and
    /// load the local through `session` otherwise.
    pub fn with_source(
        mut self,
        session: Option<String>,
        remote: Option<crate::proto::pb::Definition>,
    ) -> Self {
        self.session = session;
        self.remote = remote;
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Option<Vec<u8>>>> {
        self.read.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The files among `wanted`, as one load per round would have returned
    /// them (call [`BridgeContext::ensure`] first).
    fn files(&self, wanted: &[String]) -> ContextFiles {
        let read = self.lock();
        ContextFiles {
            files: wanted
                .iter()
                .map(|p| (p.clone(), read.get(p).cloned().flatten()))
                .collect(),
        }
    }

    /// Read whatever of `wanted` (and of the files the passes will likely
    /// ask for next, see [`likely_next_context_files`]) is not read yet: one
    /// load of the context, then every file concurrently.
    async fn ensure(&self, wanted: &[String]) -> Result<(), FrontendError> {
        let (new, follow) = {
            let read = self.lock();
            let mut new: Vec<String> = wanted
                .iter()
                .filter(|p| !read.contains_key(*p))
                .cloned()
                .collect();
            if new.is_empty() {
                return Ok(());
            }
            new.extend(
                likely_next_context_files(&new)
                    .into_iter()
                    .filter(|p| !read.contains_key(p)),
            );
            new.sort();
            new.dedup();
            let follow: std::collections::BTreeSet<String> =
                read.keys().chain(new.iter()).cloned().collect();
            (new, follow.into_iter().collect::<Vec<_>>())
        };
        let definition = match &self.remote {
            Some(def) => def.clone(),
            None => {
                let local = LocalOptions {
                    session_id: self.session.clone(),
                    // Its own cached copy: syncing only these files into the context's
                    // copy would delete the rest and force a full re-send next time.
                    shared_key_hint: Some(format!("{}-strata-manifests", self.context_local)),
                    follow_paths: follow,
                    exclude_patterns: self.excludes.to_vec(),
                    ..Default::default()
                };
                let out = source::local(
                    self.context_local,
                    &local,
                    VertexMeta::named("[internal] load dependency manifests"),
                );
                marshal(&Some(out), None).definition
            }
        };
        let reference = self.bridge.solve(definition).await?;
        let mut found = BTreeMap::new();
        let to_read = if self.list_dirs {
            self.existing(&reference, &new).await
        } else {
            new.clone()
        };
        for chunk in to_read.chunks(CONCURRENT_READS) {
            let contents = futures_util::future::join_all(
                chunk
                    .iter()
                    .map(|path| read_optional(self.bridge, &reference, path)),
            )
            .await;
            for (path, content) in chunk.iter().zip(contents) {
                found.insert(path.clone(), content?);
            }
        }
        let mut read = self.lock();
        for path in new {
            let content = found.remove(&path).flatten();
            read.insert(path, content);
        }
        Ok(())
    }

    /// Which of `paths` may exist in `reference`: directories holding
    /// several of them are listed (all at once) and only listed names are
    /// kept; a directory that does not exist holds none of them; paths
    /// alone in their directory, or in one that cannot be listed, are kept
    /// (reading them tells) unless the context root's listing shows that
    /// their top directory is missing.
    async fn existing(&self, reference: &str, paths: &[String]) -> Vec<String> {
        let mut by_dir: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
        for path in paths {
            let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            by_dir.entry(dir).or_default().push(path);
        }
        let mut keep: Vec<String> = Vec::new();
        let mut listed: Vec<(&str, Vec<&String>)> = Vec::new();
        for (dir, in_dir) in by_dir {
            if in_dir.len() < 2 {
                keep.extend(in_dir.into_iter().cloned());
            } else {
                listed.push((dir, in_dir));
            }
        }
        let listings = futures_util::future::join_all(
            listed
                .iter()
                .map(|(dir, _)| self.bridge.read_dir(reference, dir)),
        )
        .await;
        let mut root_names: Option<std::collections::BTreeSet<String>> = None;
        for ((dir, in_dir), listing) in listed.into_iter().zip(listings) {
            match listing {
                Ok(entries) => {
                    let names: std::collections::BTreeSet<String> =
                        entries.into_iter().map(|e| e.name).collect();
                    if dir.is_empty() {
                        root_names = Some(names.clone());
                    }
                    keep.extend(
                        in_dir
                            .into_iter()
                            .filter(|p| names.contains(p.rsplit('/').next().unwrap_or(p)))
                            .cloned(),
                    );
                }
                Err(BridgeError::NotFound(_)) => {}
                Err(e) => {
                    tracing::debug!(error = %e, "listing a context directory failed; reading its files one by one");
                    keep.extend(in_dir.into_iter().cloned());
                }
            }
        }
        if let Some(root) = root_names {
            keep.retain(|p| match p.split_once('/') {
                Some((top, _)) => root.contains(top),
                None => true,
            });
        }
        keep.sort();
        keep
    }
}

impl<B: Bridge> ContextSource for BridgeContext<'_, B> {
    async fn read(&self, wanted: &[String]) -> Result<ContextFiles, FrontendError> {
        self.ensure(wanted).await?;
        Ok(self.files(wanted))
    }
}

/// Read, while the base images resolve, the context files that a plan made
/// without image configs asks for. Image configs rarely change which files
/// the passes want (a base image's `WORKDIR` or `ONBUILD` can), and the
/// real plan's rounds ([`read_rounds`]) read whatever this
/// guessed wrong, so a failure here is only logged.
pub(super) async fn prefetch_context_files<B: Bridge>(
    reader: &BridgeContext<'_, B>,
    df: &dockerfile::Dockerfile,
    build_opts: &plan::BuildOptions,
    pass_opts: &PassOptions,
) {
    if !pass_opts.layering {
        return;
    }
    let Ok(provisional) = plan::plan(df, build_opts, &plan::NoImageConfigs) else {
        return;
    };
    if let Err(e) = read_rounds(reader, &provisional, pass_opts).await {
        tracing::debug!(error = %e, "reading context files ahead failed");
    }
}
