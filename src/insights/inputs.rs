//! What `strata build` records about a build's inputs so that `strata why`
//! can name what changed: context file paths with content hashes, build
//! argument names with keyed hashes of their values, the Dockerfile's
//! instruction lines as hashes, cache flags and the cache-bust inputs.
//!
//! Never contents: no file bytes, no argument values, no Dockerfile text,
//! no secrets (secrets never reach the frontend attributes this is built
//! from). Argument values are hashed with a per-user random key, so that a
//! short value (a token passed as a build arg) cannot be recovered by
//! hashing guesses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Version of the record format; a record of another version is ignored.
pub const FORMAT: u32 = 1;

/// The most context paths kept per record; a larger context keeps its
/// digest only (then `why` says the context changed but not which files).
pub const MAX_CONTEXT_FILES: usize = 20_000;

/// The inputs of one build.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildInputs {
    pub format: u32,
    #[serde(rename = "ref")]
    pub build_ref: String,
    /// Display name of the project (the context directory's name).
    pub project: String,
    /// Identifies the project across builds (a hash of the context's
    /// absolute path, so that two `app/` directories stay apart).
    pub project_key: String,
    pub target: String,
    pub created_ms: i64,
    /// sha256 of the Dockerfile.
    pub dockerfile_digest: String,
    /// Keyed hash of each instruction's text (continuations joined) by its
    /// first line number.
    pub dockerfile_lines: BTreeMap<u32, String>,
    /// Build argument name → keyed hash of its value.
    pub build_args: BTreeMap<String, String>,
    pub no_cache: bool,
    pub no_cache_filter: Vec<String>,
    /// The cache-ttl time bucket (`now / ttl`) when a TTL was set.
    pub ttl_bucket: Option<i64>,
    /// Keyed hash of the `CACHE_BUST` value, when given.
    pub cache_bust: Option<String>,
    pub context_digest: String,
    /// Path → content hash (as `strata verify` records them).
    pub context_files: BTreeMap<String, String>,
    /// More files than [`MAX_CONTEXT_FILES`]: the list is empty.
    pub context_files_omitted: bool,
}

/// Everything the build path knows, before hashing.
#[derive(Debug, Clone)]
pub struct BuildFacts<'a> {
    pub build_ref: &'a str,
    pub context_abs: &'a str,
    pub dockerfile_text: &'a str,
    /// The frontend attributes the build sent (build-arg:*, target, no-cache, strata-*).
    pub attrs: &'a BTreeMap<String, String>,
    pub created_ms: i64,
    pub context_digest: String,
    pub context_files: BTreeMap<String, String>,
}

/// A keyed hash (sha256 over key, a separator and the value), short hex.
pub fn keyed_hash(key: &[u8], value: &str) -> String {
    let mut h = Sha256::new();
    h.update(key);
    h.update([0u8]);
    h.update(value.as_bytes());
    hex::encode(&h.finalize()[..16])
}

/// Instructions with their first line number, continuations joined.
pub fn instruction_lines(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut current: Option<(u32, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if current.is_none() && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        let (start, mut acc) = current.take().unwrap_or(((i + 1) as u32, String::new()));
        if let Some(head) = trimmed.strip_suffix('\\') {
            acc.push_str(head.trim());
            acc.push(' ');
            current = Some((start, acc));
        } else {
            acc.push_str(trimmed);
            out.push((start, normalize(&acc)));
        }
    }
    if let Some((start, acc)) = current {
        out.push((start, normalize(&acc)));
    }
    out
}

/// Collapse whitespace so that reformatting a line is not a change.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl BuildInputs {
    pub fn from_facts(f: &BuildFacts, key: &[u8]) -> BuildInputs {
        let project = std::path::Path::new(f.context_abs)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "/".to_string());
        let build_args = f
            .attrs
            .iter()
            .filter_map(|(k, v)| {
                Some((
                    k.strip_prefix("build-arg:")?.to_string(),
                    keyed_hash(key, v),
                ))
            })
            .collect();
        let no_cache_attr = f.attrs.get("no-cache");
        let ttl = f
            .attrs
            .get("strata-cache-ttl")
            .and_then(|t| crate::plan::passes::bust::parse_ttl(t).ok())
            .or_else(|| {
                let mut o = crate::plan::passes::PassOptions::default();
                o.apply_directive(f.dockerfile_text).ok()?;
                o.cache_ttl
            });
        let now: Option<i64> = f.attrs.get("strata-now").and_then(|n| n.parse().ok());
        let bust = f
            .attrs
            .get("build-arg:CACHE_BUST")
            .or_else(|| f.attrs.get("strata-cache-bust"));
        let omitted = f.context_files.len() > MAX_CONTEXT_FILES;
        BuildInputs {
            format: FORMAT,
            build_ref: f.build_ref.to_string(),
            project,
            project_key: hex::encode(&Sha256::digest(f.context_abs.as_bytes())[..12]),
            target: f.attrs.get("target").cloned().unwrap_or_default(),
            created_ms: f.created_ms,
            dockerfile_digest: format!(
                "sha256:{}",
                hex::encode(Sha256::digest(f.dockerfile_text.as_bytes()))
            ),
            dockerfile_lines: instruction_lines(f.dockerfile_text)
                .into_iter()
                .map(|(n, l)| (n, keyed_hash(key, &l)))
                .collect(),
            build_args,
            no_cache: no_cache_attr.is_some_and(|v| v.is_empty()),
            no_cache_filter: no_cache_attr
                .filter(|v| !v.is_empty())
                .map(|v| v.split(',').map(str::to_string).collect())
                .unwrap_or_default(),
            ttl_bucket: match (ttl, now) {
                (Some(t), Some(n)) if t > 0 => Some(n.div_euclid(t)),
                _ => None,
            },
            cache_bust: bust.map(|v| keyed_hash(key, v)),
            context_digest: f.context_digest.clone(),
            context_files: if omitted {
                BTreeMap::new()
            } else {
                f.context_files.clone()
            },
            context_files_omitted: omitted,
        }
    }
}

/// Context paths added, modified or removed between two records, sorted.
pub fn changed_files(before: &BuildInputs, now: &BuildInputs) -> Vec<(FileChange, String)> {
    let mut out = Vec::new();
    for (p, h) in &now.context_files {
        match before.context_files.get(p) {
            None => out.push((FileChange::Added, p.clone())),
            Some(b) if b != h => out.push((FileChange::Modified, p.clone())),
            _ => {}
        }
    }
    for p in before.context_files.keys() {
        if !now.context_files.contains_key(p) {
            out.push((FileChange::Removed, p.clone()));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileChange {
    Added,
    Modified,
    Removed,
}

impl std::fmt::Display for FileChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileChange::Added => "added",
            FileChange::Modified => "modified",
            FileChange::Removed => "removed",
        })
    }
}

/// Build arguments whose value changed, appeared or went away.
pub fn changed_args(before: &BuildInputs, now: &BuildInputs) -> Vec<String> {
    let mut names: Vec<String> = now
        .build_args
        .iter()
        .filter(|(k, v)| before.build_args.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .chain(
            before
                .build_args
                .keys()
                .filter(|k| !now.build_args.contains_key(*k))
                .cloned(),
        )
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn facts_inputs(
        r: &str,
        args: &[(&str, &str)],
        files: &[(&str, &str)],
        dockerfile: &str,
    ) -> BuildInputs {
        let attrs: BTreeMap<String, String> = args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let f = BuildFacts {
            build_ref: r,
            context_abs: "/src/app",
            dockerfile_text: dockerfile,
            attrs: &attrs,
            created_ms: 0,
            context_digest: format!("sha256:{files:?}"),
            context_files: files
                .iter()
                .map(|(p, h)| (p.to_string(), h.to_string()))
                .collect(),
        };
        BuildInputs::from_facts(&f, b"key")
    }

    #[test]
    fn no_values_are_stored() {
        let i = facts_inputs(
            "r",
            &[("build-arg:TOKEN", "hunter2"), ("no-cache", "")],
            &[("a", "h")],
            "FROM x\nRUN echo hunter2\n",
        );
        let json = serde_json::to_string(&i).unwrap();
        assert!(!json.contains("hunter2"), "{json}");
        assert!(json.contains("TOKEN"));
        assert!(i.no_cache);
        assert_eq!(i.project, "app");
        // The same value under another key hashes differently.
        assert_ne!(keyed_hash(b"k1", "v"), keyed_hash(b"k2", "v"));
    }

    #[test]
    fn instruction_lines_join_continuations() {
        let lines = instruction_lines("# c\nFROM x\n\nRUN a \\\n  b\nCOPY . /\n");
        assert_eq!(
            lines,
            [
                (2, "FROM x".to_string()),
                (4, "RUN a b".to_string()),
                (6, "COPY . /".to_string())
            ]
        );
    }

    #[test]
    fn changes_between_records() {
        let a = facts_inputs(
            "a",
            &[("build-arg:V", "1"), ("build-arg:GONE", "x")],
            &[("x", "1"), ("y", "1")],
            "FROM x",
        );
        let b = facts_inputs(
            "b",
            &[("build-arg:V", "2"), ("build-arg:NEW", "x")],
            &[("x", "2"), ("z", "1")],
            "FROM x",
        );
        assert_eq!(changed_args(&a, &b), ["GONE", "NEW", "V"]);
        assert_eq!(
            changed_files(&a, &b),
            [
                (FileChange::Modified, "x".to_string()),
                (FileChange::Removed, "y".to_string()),
                (FileChange::Added, "z".to_string())
            ]
        );
        let ttl = facts_inputs(
            "c",
            &[("strata-cache-ttl", "1h"), ("strata-now", "7300")],
            &[],
            "FROM x",
        );
        assert_eq!(ttl.ttl_bucket, Some(2));
        let no_cache = facts_inputs("d", &[("no-cache", "build,test")], &[], "FROM x");
        assert!(!no_cache.no_cache);
        assert_eq!(no_cache.no_cache_filter, ["build", "test"]);
    }
}
