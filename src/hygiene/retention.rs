//! Retention policies: which build cache records and which images a policy
//! lets go, each with its size and the reason. `strata prune` shows this
//! list (`--dry-run`) and then removes exactly the listed entries, nothing
//! else.
//!
//! Pure: the caller lists the engine's records and the Docker Engine's
//! images and supplies the time.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

/// A build cache record, as `du` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheRecord {
    pub id: String,
    pub size: i64,
    pub in_use: bool,
    pub record_type: String,
    pub description: String,
    /// Unix seconds; `None` when the engine has none.
    pub last_used: Option<i64>,
    pub created: Option<i64>,
}

/// What may go.
#[derive(Debug, Clone, Default)]
pub struct CachePolicy {
    /// Also internal and frontend records.
    pub all: bool,
    /// Keep records used within this long.
    pub keep_duration: Option<Duration>,
    /// Keep at most this many bytes in all (oldest go first).
    pub keep_storage: Option<i64>,
    /// Only cache mounts strata added for these tools (`npm`, `apt`, ...).
    pub tools: Vec<String>,
}

/// One record to remove and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal<T> {
    pub item: T,
    pub reason: String,
}

/// The cache mount id in a record's description (`… with id "ID"`), the
/// form BuildKit gives cache mount records.
pub fn cache_mount_id(description: &str) -> Option<&str> {
    let rest = &description[description.find("with id \"")? + "with id \"".len()..];
    rest.split('"').next()
}

/// The tool of a strata cache mount id: `strata/<namespace>/<tool>-<purpose>`
/// (cache_mounts pass) gives `<tool>` (`strata/ns/npm-cache` → `npm`).
pub fn cache_mount_tool(id: &str) -> Option<&str> {
    // A Dockerfile's own `id=strata/...` reaches the engine as `/strata/...`.
    let purpose = id
        .trim_start_matches('/')
        .strip_prefix("strata/")?
        .rsplit('/')
        .next()?;
    Some(purpose.split('-').next().unwrap_or(purpose))
}

/// The records a policy removes, oldest use first.
pub fn select_cache(
    records: &[CacheRecord],
    policy: &CachePolicy,
    now: i64,
) -> Vec<Removal<CacheRecord>> {
    let when = |r: &CacheRecord| r.last_used.or(r.created);
    let mut candidates: Vec<(&CacheRecord, String)> = Vec::new();
    for r in records {
        if r.in_use {
            continue;
        }
        if !policy.all && matches!(r.record_type.as_str(), "internal" | "frontend") {
            continue;
        }
        let mut why = Vec::new();
        if !policy.tools.is_empty() {
            let Some(tool) = cache_mount_id(&r.description).and_then(cache_mount_tool) else {
                continue;
            };
            if !policy.tools.iter().any(|t| t == tool) {
                continue;
            }
            why.push(format!("{tool} cache mount"));
        }
        if let Some(d) = policy.keep_duration {
            match when(r) {
                Some(t) if now - t <= d.as_secs() as i64 => continue,
                Some(t) => why.push(format!("unused for {}", age(now - t))),
                None => why.push("never used".into()),
            }
        }
        if why.is_empty() {
            why.push("unused".into());
        }
        candidates.push((r, why.join(", ")));
    }
    candidates.sort_by_key(|(r, _)| (when(r).unwrap_or(0), r.id.clone()));
    let Some(keep) = policy.keep_storage else {
        return candidates
            .into_iter()
            .map(|(r, reason)| Removal {
                item: r.clone(),
                reason,
            })
            .collect();
    };
    let mut total: i64 = records.iter().map(|r| r.size).sum();
    let mut out = Vec::new();
    for (r, reason) in candidates {
        if total <= keep {
            break;
        }
        total -= r.size;
        out.push(Removal {
            item: r.clone(),
            reason: format!("{reason}; over --keep-storage"),
        });
    }
    out
}

fn age(secs: i64) -> String {
    match secs {
        ..=59 => format!("{secs}s"),
        60..=3599 => format!("{}m", secs / 60),
        3600..=86_399 => format!("{}h", secs / 3600),
        _ => format!("{}d", secs / 86_400),
    }
}

/// An image in the Docker Engine (`GET /images/json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageRecord {
    pub id: String,
    /// `repo:tag` references; empty (or `<none>:<none>`) for a dangling image.
    pub tags: Vec<String>,
    /// Unix seconds.
    pub created: i64,
    pub size: i64,
}

/// What to remove: a tag (`repo:tag`) or a dangling image (its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageRemoval {
    pub reference: String,
    pub size: i64,
}

/// `repo` of `repo:tag` (a registry's `host:port/` is part of the repo).
pub fn repository(reference: &str) -> &str {
    match reference.rsplit_once(':') {
        Some((repo, tag)) if !tag.contains('/') => repo,
        _ => reference,
    }
}

/// Keep the `keep` newest tags of each repository (by the image's creation
/// time, then the tag); every older tag goes, and so does every dangling image.
/// `repositories` limits the policy to those repositories (all when empty).
pub fn select_images(
    images: &[ImageRecord],
    keep: usize,
    repositories: &[String],
) -> Vec<Removal<ImageRemoval>> {
    let mut by_repo: BTreeMap<&str, Vec<(&str, &ImageRecord)>> = BTreeMap::new();
    let mut out = Vec::new();
    for img in images {
        let tags: Vec<&str> = img
            .tags
            .iter()
            .map(String::as_str)
            .filter(|t| *t != "<none>:<none>")
            .collect();
        if tags.is_empty() {
            if repositories.is_empty() {
                out.push(Removal {
                    item: ImageRemoval {
                        reference: img.id.clone(),
                        size: img.size,
                    },
                    reason: "dangling (no tag)".into(),
                });
            }
            continue;
        }
        for t in tags {
            let repo = repository(t);
            if repositories.is_empty() || repositories.iter().any(|r| r == repo) {
                by_repo.entry(repo).or_default().push((t, img));
            }
        }
    }
    for (repo, mut tags) in by_repo {
        tags.sort_by(|a, b| b.1.created.cmp(&a.1.created).then(b.0.cmp(a.0)));
        for (i, (tag, img)) in tags.into_iter().enumerate().skip(keep) {
            out.push(Removal {
                item: ImageRemoval {
                    reference: tag.to_string(),
                    size: img.size,
                },
                reason: format!("{} newer tag(s) of {repo} are kept", i.min(keep)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, size: i64, last: i64, desc: &str) -> CacheRecord {
        CacheRecord {
            id: id.into(),
            size,
            in_use: false,
            record_type: "exec.cachemount".into(),
            description: desc.into(),
            last_used: Some(last),
            created: Some(last),
        }
    }

    #[test]
    fn tool_filter_and_duration() {
        let npm =
            r#"cached mount /root/.npm from exec /bin/sh -c npm ci with id "strata/abc/npm-cache""#;
        let apt = r#"cached mount /var/cache/apt from exec /bin/sh -c apt-get install with id "strata/abc/apt-cache""#;
        let records = vec![
            rec("a", 10, 1000, npm),
            rec("b", 20, 9_000, npm),
            rec("c", 30, 1000, apt),
            rec("d", 40, 1000, "local source for context"),
        ];
        let policy = CachePolicy {
            tools: vec!["npm".into()],
            keep_duration: Some(Duration::from_secs(3600)),
            ..Default::default()
        };
        let out = select_cache(&records, &policy, 10_000);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].item.id, "a");
        assert!(
            out[0].reason.contains("npm cache mount"),
            "{}",
            out[0].reason
        );
        assert!(out[0].reason.contains("unused for 2h"), "{}", out[0].reason);
        let storage = CachePolicy {
            keep_storage: Some(60),
            ..Default::default()
        };
        let ids: Vec<String> = select_cache(&records, &storage, 10_000)
            .into_iter()
            .map(|r| r.item.id)
            .collect();
        assert_eq!(ids, vec!["a", "c"], "oldest first until 60 bytes remain");
        assert_eq!(cache_mount_tool("strata/ns/cargo-registry"), Some("cargo"));
        assert_eq!(cache_mount_tool("other/npm"), None);
        assert_eq!(cache_mount_tool("/strata/x/npm-cache"), Some("npm"));
    }

    #[test]
    fn keeps_the_newest_tags_per_repository() {
        let img = |id: &str, tags: &[&str], created: i64| ImageRecord {
            id: id.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            created,
            size: 100,
        };
        let images = vec![
            img("1", &["127.0.0.1:5000/app:v1"], 1),
            img("2", &["127.0.0.1:5000/app:v2"], 2),
            img("3", &["127.0.0.1:5000/app:v3", "other:latest"], 3),
            img("4", &[], 0),
            img("5", &["<none>:<none>"], 0),
        ];
        let out = select_images(&images, 2, &[]);
        let refs: Vec<&str> = out.iter().map(|r| r.item.reference.as_str()).collect();
        assert_eq!(refs, vec!["4", "5", "127.0.0.1:5000/app:v1"]);
        let only = select_images(&images, 1, &["other".into()]);
        assert!(only.is_empty());
        assert_eq!(repository("127.0.0.1:5000/app"), "127.0.0.1:5000/app");
    }
}
