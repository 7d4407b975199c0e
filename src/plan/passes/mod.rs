//! The smart passes: each rewrites a [`BuildPlan`], can be switched off on
//! its own, and records what it changed and why (`strata explain`).
//!
//! Passes are pure. What they need to know about the build context (the
//! contents of `package.json`, `requirements.txt`, …) comes in as
//! [`ContextFiles`]: the caller asks [`wanted_context_files`] which paths to
//! read, reads them (from disk or through the engine), and runs the passes.

pub mod bust;
pub mod cache_mounts;
pub mod detect;
pub mod layering;
pub mod shell;
pub mod stamp;
pub mod tools;

use std::collections::{BTreeMap, BTreeSet};

use super::BuildPlan;
use crate::dockerfile::Span;
use tools::Tool;

/// Which passes run, from directives, frontend options and CLI flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassOptions {
    /// Dependency-first layering.
    pub layering: bool,
    /// Tools that get automatic cache mounts (empty: none).
    pub cache_mounts: BTreeSet<Tool>,
    /// Stamp labels (and the build-info file) onto the final image.
    pub stamp: bool,
    /// Absolute path of the build-info JSON file (`build-info=`).
    pub build_info: Option<String>,
    /// Time bucket width in seconds for unpinned network fetches (`cache-ttl=`).
    pub cache_ttl: Option<i64>,
}

impl Default for PassOptions {
    fn default() -> Self {
        PassOptions {
            layering: true,
            cache_mounts: Tool::ALL.into_iter().collect(),
            stamp: true,
            build_info: None,
            cache_ttl: None,
        }
    }
}

/// Facts from outside the plan that the passes stamp or key on.
#[derive(Debug, Clone, Default)]
pub struct PassFacts {
    pub stamp: stamp::StampFacts,
    pub bust: bust::BustFacts,
}

/// Why a pass refused the plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassError {
    #[error(transparent)]
    Stamp(#[from] stamp::StampError),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid strata setting {key}={value:?}: {reason}")]
pub struct SettingError {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl PassOptions {
    /// Apply one `key=value` setting (`layering=off`, `cache-mounts=npm,apt`).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), SettingError> {
        let err = |reason: &str| SettingError {
            key: key.into(),
            value: value.into(),
            reason: reason.into(),
        };
        let bool_of = |v: &str| match v.trim().to_ascii_lowercase().as_str() {
            "on" | "true" | "1" | "yes" => Ok(true),
            "off" | "false" | "0" | "no" => Ok(false),
            _ => Err(err("expected on or off")),
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "layering" => self.layering = bool_of(value)?,
            "stamp" => self.stamp = bool_of(value)?,
            "build-info" => {
                let v = value.trim();
                self.build_info = match v {
                    "" | "off" => None,
                    p if p.starts_with('/') => Some(p.to_string()),
                    _ => {
                        return Err(err(
                            "the build-info path must be absolute, like /app/build-info.json",
                        ));
                    }
                };
            }
            "cache-ttl" => {
                let v = value.trim();
                self.cache_ttl = match v {
                    "" | "off" => None,
                    d => Some(bust::parse_ttl(d).map_err(|e| err(&e))?),
                };
            }
            "cache-mounts" => {
                let v = value.trim().to_ascii_lowercase();
                self.cache_mounts = match v.as_str() {
                    "on" | "true" | "all" => Tool::ALL.into_iter().collect(),
                    "off" | "false" | "none" | "" => BTreeSet::new(),
                    list => list
                        .split(['+', ' ', ';', ','])
                        .filter(|t| !t.is_empty())
                        .map(|t| {
                            Tool::parse(t).ok_or_else(|| {
                                let known: Vec<&str> = Tool::ALL.iter().map(|t| t.name()).collect();
                                err(&format!("unknown tool {t:?}; known: {}", known.join(", ")))
                            })
                        })
                        .collect::<Result<_, _>>()?,
                };
            }
            _ => {
                return Err(err(
                    "unknown setting; known: layering, cache-mounts, stamp, build-info, cache-ttl",
                ));
            }
        }
        Ok(())
    }

    /// Settings from a `# strata: k=v, k=v` comment among the Dockerfile's
    /// leading comment lines (upstream ignores it as a plain comment).
    pub fn apply_directive(&mut self, dockerfile: &str) -> Result<(), SettingError> {
        for line in dockerfile.lines() {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            let Some(comment) = t.strip_prefix('#') else {
                break;
            };
            let Some(body) = comment.trim_start().strip_prefix("strata:") else {
                continue;
            };
            // `cache-mounts=npm,apt` uses commas inside a value: split settings at `k=` boundaries.
            for (k, v) in split_settings(body) {
                self.set(&k, &v)?;
            }
        }
        Ok(())
    }
}

/// `a=1, b=x,y , c=2` → [(a,1), (b,"x,y"), (c,2)].
fn split_settings(body: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for part in body.split(',') {
        match part.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !k.trim().contains(' ') => {
                out.push((k.trim().to_string(), v.trim().to_string()))
            }
            _ => match out.last_mut() {
                Some(last) => {
                    last.1.push(',');
                    last.1.push_str(part.trim());
                }
                None => out.push((part.trim().to_string(), String::new())),
            },
        }
    }
    out
}

/// One thing a pass did (or chose not to do).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExplainEntry {
    pub pass: &'static str,
    pub stage: String,
    pub line: Option<u32>,
    /// What changed, or `kept as written` for a fallback.
    pub action: String,
    /// The rule that fired, or why the pass fell back.
    pub reason: String,
}

/// Everything the passes changed, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    pub entries: Vec<ExplainEntry>,
}

impl Explanation {
    pub(crate) fn add(
        &mut self,
        pass: &'static str,
        stage: &str,
        span: Option<Span>,
        action: impl Into<String>,
        reason: impl Into<String>,
    ) {
        self.entries.push(ExplainEntry {
            pass,
            stage: stage.to_string(),
            line: span.map(|s| s.start.line),
            action: action.into(),
            reason: reason.into(),
        });
    }

    /// Human-readable lines for `strata explain`.
    pub fn render(&self) -> String {
        if self.entries.is_empty() {
            return "no rewrites: nothing matched strata's rules\n".into();
        }
        let mut out = String::new();
        for e in &self.entries {
            let stage = if e.stage.is_empty() {
                String::new()
            } else {
                format!("[{}] ", e.stage)
            };
            let line = e.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            out.push_str(&format!(
                "{:<13} {line}{stage}{}\n{:<13}   why: {}\n",
                e.pass, e.action, "", e.reason
            ));
        }
        out
    }
}

/// Manifest contents read from the build context (`None`: the file does not exist).
#[derive(Debug, Clone, Default)]
pub struct ContextFiles {
    pub files: BTreeMap<String, Option<Vec<u8>>>,
}

impl ContextFiles {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files
            .get(path.trim_start_matches('/'))
            .and_then(|f| f.as_deref())
    }

    /// Whether the file was looked up (present or not).
    pub fn known(&self, path: &str) -> bool {
        self.files.contains_key(path.trim_start_matches('/'))
    }
}

/// Context paths the passes want to read before they run, given the files
/// read so far (Cargo workspaces name member manifests only in the root
/// manifest). Callers read them and ask again until nothing new is wanted:
/// see [`read_context_files_with`].
pub fn wanted_context_files(
    plan: &BuildPlan,
    opts: &PassOptions,
    files: &ContextFiles,
) -> Vec<String> {
    if !opts.layering {
        return Vec::new();
    }
    let mut want: BTreeSet<String> = BTreeSet::new();
    for candidate in layering::candidates(plan, files) {
        want.extend(candidate.manifests_to_read);
    }
    want.extend(files.files.keys().cloned());
    want.into_iter().collect()
}

/// Paths the passes will probably ask for once `wanted` is read, so a
/// reader can fetch them in the same round: next to every `Cargo.toml`,
/// the default targets `src/lib.rs` and `src/main.rs`, which the Cargo scan
/// asks for once it has read the manifest (see [`tools::cargo::project::scan`]). Reading
/// ahead never changes what the passes see (they get the files they ask
/// for); a guess that is wrong costs a missing-file lookup.
pub fn likely_next_context_files(wanted: &[String]) -> Vec<String> {
    let mut next = Vec::new();
    for path in wanted {
        let dir = match path.rsplit_once('/') {
            Some((dir, "Cargo.toml")) => format!("{dir}/"),
            None if path == "Cargo.toml" => String::new(),
            _ => continue,
        };
        next.push(format!("{dir}src/lib.rs"));
        next.push(format!("{dir}src/main.rs"));
    }
    next
}

/// Rounds of reading at most (root manifest, members, target files, slack).
pub const MAX_READ_ROUNDS: usize = 4;

/// Read what the passes want, round after round, with `read` (given every
/// path wanted so far, cumulative, so a cached copy of them stays whole).
pub fn read_context_files_with(
    plan: &BuildPlan,
    opts: &PassOptions,
    mut read: impl FnMut(Vec<String>) -> ContextFiles,
) -> ContextFiles {
    let mut files = ContextFiles::default();
    for _ in 0..MAX_READ_ROUNDS {
        let wanted = wanted_context_files(plan, opts, &files);
        if wanted.iter().all(|p| files.known(p)) {
            break;
        }
        files = read(wanted);
    }
    files
}

/// Run the plan-shaping passes (layering, cache mounts) over the plan.
pub fn run_passes(
    plan: &mut BuildPlan,
    opts: &PassOptions,
    files: &ContextFiles,
    cache_namespace: &str,
) -> Explanation {
    let mut explanation = Explanation::default();
    if opts.layering {
        let target_cache = opts
            .cache_mounts
            .contains(&Tool::Cargo)
            .then_some(cache_namespace);
        layering::apply(plan, files, target_cache, &mut explanation);
    }
    if !opts.cache_mounts.is_empty() {
        cache_mounts::apply(plan, &opts.cache_mounts, cache_namespace, &mut explanation);
    }
    explanation
}

/// Every enabled pass, including those that need outside facts: cache-busting
/// (time bucket, `CACHE_BUST`) and stamping, which runs last so the
/// build-info layer is the final one.
pub fn run_all_passes(
    plan: &mut BuildPlan,
    opts: &PassOptions,
    files: &ContextFiles,
    cache_namespace: &str,
    facts: &PassFacts,
) -> Result<Explanation, PassError> {
    let mut explanation = run_passes(plan, opts, files, cache_namespace);
    bust::apply(plan, opts.cache_ttl, &facts.bust, &mut explanation);
    if opts.stamp {
        stamp::apply(
            plan,
            &facts.stamp,
            opts.build_info.as_deref(),
            &mut explanation,
        )?;
    }
    Ok(explanation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directive_and_settings() {
        let mut o = PassOptions::default();
        o.apply_directive("# syntax=x\n# strata: layering=off, cache-mounts=npm,apt\nFROM a\n")
            .expect("valid");
        assert!(!o.layering);
        assert_eq!(o.cache_mounts, [Tool::Npm, Tool::Apt].into_iter().collect());
        let mut o = PassOptions::default();
        o.apply_directive("FROM a\n# strata: layering=off\n")
            .expect("valid");
        assert!(o.layering, "only leading comments count");
        assert!(PassOptions::default().set("layering", "maybe").is_err());
        assert!(
            PassOptions::default()
                .set("cache-mounts", "npm,maven")
                .is_err()
        );
        assert!(PassOptions::default().set("speed", "fast").is_err());
        let mut o = PassOptions::default();
        o.set("cache-mounts", "off").expect("valid");
        assert!(o.cache_mounts.is_empty());
    }
}
