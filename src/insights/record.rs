//! A build history record as one row: name, target, status, duration,
//! steps cached of total; and resolving a user's `REF` to one record.

use serde::Serialize;

use crate::proto::control::BuildHistoryRecord;

/// How a recorded build ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BuildStatus {
    Running,
    Completed,
    Failed,
    Canceled,
}

impl std::fmt::Display for BuildStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BuildStatus::Running => "running",
            BuildStatus::Completed => "completed",
            BuildStatus::Failed => "failed",
            BuildStatus::Canceled => "canceled",
        })
    }
}

/// One build, as `history ls` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildRow {
    /// The build ref (BuildKit's solve ref).
    #[serde(rename = "ref")]
    pub build_ref: String,
    /// What was built: the project (context directory or repository name).
    pub name: String,
    /// The Dockerfile target, empty for the last stage.
    pub target: String,
    pub status: BuildStatus,
    /// Start, milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// End, milliseconds since the Unix epoch (running builds: none).
    pub completed_ms: Option<i64>,
    /// Wall time in milliseconds (running builds: up to `now`).
    pub duration_ms: i64,
    pub cached_steps: u32,
    pub total_steps: u32,
    pub completed_steps: u32,
    pub warnings: u32,
    /// The error message of a failed build.
    pub error: Option<String>,
    /// `strata` (client-side frontend), `dockerfile.v0`, `gateway.v0`, ...
    pub frontend: String,
}

impl BuildRow {
    /// Cached steps over total steps, 0..=1 (`None` without steps).
    pub fn hit_rate(&self) -> Option<f64> {
        (self.total_steps > 0).then(|| f64::from(self.cached_steps) / f64::from(self.total_steps))
    }
}

/// Milliseconds since the Unix epoch of a protobuf timestamp.
pub fn timestamp_ms(t: &prost_types::Timestamp) -> i64 {
    t.seconds * 1000 + i64::from(t.nanos) / 1_000_000
}

/// The gRPC code BuildKit records for a canceled build.
const CODE_CANCELED: i32 = 1;

/// The record as a row. `local_name` is what strata's own state knows about
/// this build (the project name from `strata build`), which wins because a
/// client-side frontend's record carries no frontend attributes.
pub fn row(record: &BuildHistoryRecord, local_name: Option<(&str, &str)>, now_ms: i64) -> BuildRow {
    let attrs = &record.frontend_attrs;
    let created_ms = record.created_at.as_ref().map(timestamp_ms).unwrap_or(0);
    let completed_ms = record.completed_at.as_ref().map(timestamp_ms);
    let status = match (&record.error, completed_ms) {
        (Some(e), _) if e.code == CODE_CANCELED => BuildStatus::Canceled,
        (Some(e), _) if e.code != 0 => BuildStatus::Failed,
        (_, None) => BuildStatus::Running,
        _ => BuildStatus::Completed,
    };
    let (name, target) = match local_name {
        Some((n, t)) => (n.to_string(), t.to_string()),
        None => (
            name_from_attrs(attrs),
            attrs.get("target").cloned().unwrap_or_default(),
        ),
    };
    // Docker Engine records no frontend for `docker build`; a record strata
    // made itself is strata's client-side frontend.
    let frontend = match (&local_name, record.frontend.as_str()) {
        (_, f) if !f.is_empty() => f.to_string(),
        (Some(_), _) => "strata".to_string(),
        (None, _) => "-".to_string(),
    };
    BuildRow {
        build_ref: record.r#ref.clone(),
        name,
        target,
        status,
        created_ms,
        completed_ms,
        duration_ms: completed_ms
            .unwrap_or(now_ms)
            .saturating_sub(created_ms)
            .max(0),
        cached_steps: record.num_cached_steps.max(0) as u32,
        total_steps: record.num_total_steps.max(0) as u32,
        completed_steps: record.num_completed_steps.max(0) as u32,
        warnings: record.num_warnings.max(0) as u32,
        error: record
            .error
            .as_ref()
            .filter(|e| e.code != 0)
            .map(|e| e.message.clone()),
        frontend,
    }
}

/// A build's name from its frontend attributes, as buildx names builds:
/// an explicit `BUILDKIT_BUILD_NAME`, else the repository or the context
/// directory's last component, with the Dockerfile name when it is not the
/// default.
pub fn name_from_attrs(attrs: &std::collections::BTreeMap<String, String>) -> String {
    if let Some(n) = attrs
        .get("build-arg:BUILDKIT_BUILD_NAME")
        .filter(|n| !n.is_empty())
    {
        return n.clone();
    }
    let base = attrs
        .get("vcs:source")
        .or_else(|| attrs.get("context"))
        .map(|s| last_component(&crate::plan::passes::stamp::strip_credentials(s)))
        .or_else(|| attrs.get("vcs:localdir:context").map(|s| last_component(s)))
        .unwrap_or_default();
    let base = if base.is_empty() || base == "." {
        "(unnamed)".to_string()
    } else {
        base
    };
    match attrs.get("filename").map(String::as_str) {
        Some("Dockerfile") | Some("") | None => base,
        Some(f) => format!("{base}/{}", last_component(f)),
    }
}

fn last_component(s: &str) -> String {
    let s = s.trim_end_matches('/').trim_end_matches(".git");
    s.rsplit(['/', ':']).next().unwrap_or(s).to_string()
}

/// Why a `REF` names no single build.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefError {
    #[error("no build matches {0:?}; `strata history ls` lists the builds the engine keeps")]
    NotFound(String),
    #[error("{given:?} matches {count} builds ({examples}); give more characters")]
    Ambiguous {
        given: String,
        count: usize,
        examples: String,
    },
    #[error(
        "{0:?} is not a build reference: use a ref, a unique prefix of one, or ^N (^1 = the last build)"
    )]
    Malformed(String),
    #[error("the engine keeps no builds yet")]
    Empty,
}

/// Resolve `given` against rows sorted newest first: `^N` is the Nth most
/// recent (`^1` the last), else an exact ref or an unambiguous prefix.
pub fn resolve<'a>(rows: &'a [BuildRow], given: &str) -> Result<&'a BuildRow, RefError> {
    if rows.is_empty() {
        return Err(RefError::Empty);
    }
    if let Some(n) = given.strip_prefix('^') {
        let n: usize = n
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| RefError::Malformed(given.to_string()))?;
        return rows
            .get(n - 1)
            .ok_or_else(|| RefError::NotFound(given.to_string()));
    }
    if given.is_empty()
        || !given
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(RefError::Malformed(given.to_string()));
    }
    if let Some(exact) = rows.iter().find(|r| r.build_ref == given) {
        return Ok(exact);
    }
    let matches: Vec<&BuildRow> = rows
        .iter()
        .filter(|r| r.build_ref.starts_with(given))
        .collect();
    match matches.as_slice() {
        [] => Err(RefError::NotFound(given.to_string())),
        [one] => Ok(one),
        many => Err(RefError::Ambiguous {
            given: given.to_string(),
            count: many.len(),
            examples: many
                .iter()
                .take(3)
                .map(|r| r.build_ref.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Newest first, ties by ref so the order is stable.
pub fn sort_newest_first(rows: &mut [BuildRow]) {
    rows.sort_by(|a, b| {
        b.created_ms
            .cmp(&a.created_ms)
            .then_with(|| a.build_ref.cmp(&b.build_ref))
    });
}

/// A `--filter KEY=VALUE` (or `KEY!=VALUE`) on `history ls`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFilter {
    key: FilterKey,
    value: String,
    negate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FilterKey {
    Name,
    Target,
    Status,
    Ref,
    Frontend,
}

impl RowFilter {
    /// Keys: `name`, `target`, `status`, `ref` (prefix), `frontend`.
    pub fn parse(s: &str) -> Result<RowFilter, String> {
        let (key, value, negate) = if let Some((k, v)) = s.split_once("!=") {
            (k, v, true)
        } else if let Some((k, v)) = s.split_once('=') {
            (k, v, false)
        } else {
            return Err(format!("--filter {s:?}: expected KEY=VALUE or KEY!=VALUE"));
        };
        let key = match key.trim() {
            "name" => FilterKey::Name,
            "target" => FilterKey::Target,
            "status" => FilterKey::Status,
            "ref" => FilterKey::Ref,
            "frontend" => FilterKey::Frontend,
            other => {
                return Err(format!(
                    "--filter {s:?}: unknown key {other:?} (name, target, status, ref, frontend)"
                ));
            }
        };
        Ok(RowFilter {
            key,
            value: value.trim().to_string(),
            negate,
        })
    }

    pub fn matches(&self, row: &BuildRow) -> bool {
        let hit = match self.key {
            FilterKey::Name => row.name == self.value,
            FilterKey::Target => row.target == self.value,
            FilterKey::Status => row.status.to_string() == self.value,
            FilterKey::Ref => row.build_ref.starts_with(&self.value),
            FilterKey::Frontend => row.frontend == self.value,
        };
        hit != self.negate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::google_rpc::Status;

    fn rec(r: &str, created: i64, done: Option<i64>) -> BuildHistoryRecord {
        BuildHistoryRecord {
            r#ref: r.into(),
            created_at: Some(prost_types::Timestamp {
                seconds: created,
                nanos: 0,
            }),
            completed_at: done.map(|s| prost_types::Timestamp {
                seconds: s,
                nanos: 500_000_000,
            }),
            num_cached_steps: 3,
            num_total_steps: 4,
            ..Default::default()
        }
    }

    #[test]
    fn row_status_duration_and_rate() {
        let r = row(&rec("a", 10, Some(12)), None, 0);
        assert_eq!(r.status, BuildStatus::Completed);
        assert_eq!(r.duration_ms, 2500);
        assert_eq!(r.hit_rate(), Some(0.75));
        let mut failed = rec("b", 10, Some(11));
        failed.error = Some(Status {
            code: 2,
            message: "boom".into(),
            details: vec![],
        });
        let r = row(&failed, None, 0);
        assert_eq!(r.status, BuildStatus::Failed);
        assert_eq!(r.error.as_deref(), Some("boom"));
        failed.error.as_mut().unwrap().code = 1;
        assert_eq!(row(&failed, None, 0).status, BuildStatus::Canceled);
        let running = row(&rec("c", 10, None), None, 15_000);
        assert_eq!(running.status, BuildStatus::Running);
        assert_eq!(running.duration_ms, 5000);
    }

    #[test]
    fn names_follow_the_attrs() {
        let mut a = std::collections::BTreeMap::new();
        assert_eq!(name_from_attrs(&a), "(unnamed)");
        a.insert(
            "vcs:source".into(),
            "https://u:tok@github.com/o/app.git".into(),
        );
        assert_eq!(name_from_attrs(&a), "app");
        a.insert("filename".into(), "build/Dockerfile.prod".into());
        assert_eq!(name_from_attrs(&a), "app/Dockerfile.prod");
        a.insert("build-arg:BUILDKIT_BUILD_NAME".into(), "mine".into());
        assert_eq!(name_from_attrs(&a), "mine");
        let r = row(&rec("x", 1, Some(2)), Some(("proj", "test")), 0);
        assert_eq!((r.name.as_str(), r.target.as_str()), ("proj", "test"));
    }

    #[test]
    fn refs_resolve_by_caret_prefix_and_exact() {
        let mut rows: Vec<BuildRow> = [("abc1", 1), ("abc2", 3), ("xyz", 2)]
            .iter()
            .map(|(r, t)| row(&rec(r, *t, Some(t + 1)), None, 0))
            .collect();
        sort_newest_first(&mut rows);
        assert_eq!(resolve(&rows, "^1").unwrap().build_ref, "abc2");
        assert_eq!(resolve(&rows, "^3").unwrap().build_ref, "abc1");
        assert_eq!(resolve(&rows, "^4"), Err(RefError::NotFound("^4".into())));
        assert!(matches!(resolve(&rows, "^0"), Err(RefError::Malformed(_))));
        assert_eq!(resolve(&rows, "x").unwrap().build_ref, "xyz");
        assert!(matches!(
            resolve(&rows, "abc"),
            Err(RefError::Ambiguous { count: 2, .. })
        ));
        assert_eq!(resolve(&rows, "abc1").unwrap().build_ref, "abc1");
        assert!(matches!(resolve(&rows, "a/b"), Err(RefError::Malformed(_))));
        assert_eq!(resolve(&[], "^1"), Err(RefError::Empty));
    }

    #[test]
    fn filters() {
        let r = row(&rec("abc", 1, Some(2)), Some(("p", "t")), 0);
        assert!(RowFilter::parse("name=p").unwrap().matches(&r));
        assert!(!RowFilter::parse("name!=p").unwrap().matches(&r));
        assert!(RowFilter::parse("status=completed").unwrap().matches(&r));
        assert!(RowFilter::parse("ref=ab").unwrap().matches(&r));
        assert!(RowFilter::parse("bogus=1").is_err());
        assert!(RowFilter::parse("name").is_err());
    }
}
