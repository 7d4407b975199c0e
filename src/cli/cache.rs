//! `strata du` and `strata prune`: the engine's build cache.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::{Args, ValueEnum};

use super::engine_args::{EngineArgs, on_engine};
use super::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK, engine_exit_code, outln};
use crate::hygiene::retention::{CachePolicy, CacheRecord, Removal, select_cache};
use crate::proto::control::{PruneRequest, UsageRecord};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DuFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct DuArgs {
    /// Show every record's details.
    #[arg(short, long)]
    pub verbose: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: DuFormat,
    /// Only records matching this filter, buildx's syntax: KEY=VALUE (e.g.
    /// type=regular, description=…, id=PREFIX), or BuildKit's own operators
    /// (==, !=, ~=); tool=npm: the cache mounts strata adds for a tool;
    /// repeated filters must all match.
    #[arg(long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Keep at most this much cache (e.g. 10GB, 512MB).
    #[arg(long = "keep-storage", value_name = "SIZE")]
    pub keep_storage: Option<String>,
    /// Keep cache used more recently than this (e.g. 24h, 7d).
    #[arg(long = "keep-duration", value_name = "DURATION")]
    pub keep_duration: Option<String>,
    /// Only prune records matching this filter: as for `du`, plus buildx's
    /// until=DURATION (the same as --keep-duration) and tool=TOOL (the cache
    /// mounts strata adds for npm, apt, pip, cargo, ...) (repeatable).
    #[arg(long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
    /// Include internal and frontend records.
    #[arg(long)]
    pub all: bool,
    /// List what would be freed, how big and why, without freeing it. A
    /// real prune removes exactly the records (or images) this lists.
    #[arg(long)]
    pub dry_run: bool,
    /// Prune images in the Docker Engine instead of build cache: keep the
    /// --keep newest tags per repository, remove older tags and dangling images.
    #[arg(
        long,
        requires = "keep",
        conflicts_with_all = ["keep_storage", "keep_duration", "filters", "all"]
    )]
    pub images: bool,
    /// With --images: how many tags of each repository to keep (newest first).
    #[arg(long, value_name = "N", requires = "images")]
    pub keep: Option<usize>,
    /// With --images: only these repositories (repeatable; default: all,
    /// and then dangling images too).
    #[arg(long = "repository", value_name = "REPO", requires = "images")]
    pub repositories: Vec<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: DuFormat,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Docker's size reading (`--keep-storage 10GB`).
pub fn parse_size(s: &str) -> Result<i64, String> {
    crate::size::parse_bytes(s).map(|b| b as i64)
}

/// The engine's filter for buildx-style `--filter` values, and the
/// `until=` duration among them. As buildx does: `KEY=VALUE` means
/// `KEY==VALUE` except `id`, which matches as a prefix pattern (`id~=`);
/// values that already use BuildKit's operators pass through; and every
/// filter must match, so they are joined into one comma-separated filter
/// (the engine ORs separate strings).
pub fn engine_filter(filters: &[String]) -> Result<(Vec<String>, Option<Duration>), String> {
    let mut parts = Vec::new();
    let mut until = None;
    for f in filters {
        let f = f.trim();
        if f.is_empty() {
            continue;
        }
        if ["==", "!=", "~="].iter().any(|op| f.contains(op)) {
            parts.push(f.to_string());
            continue;
        }
        let Some((key, value)) = f.split_once('=') else {
            return Err(format!("--filter {f:?}: expected KEY=VALUE"));
        };
        match key.trim() {
            "" => return Err(format!("--filter {f:?}: expected KEY=VALUE")),
            "until" | "unused-for" => {
                if until.is_some() {
                    return Err("--filter until= given twice".into());
                }
                until = Some(parse_duration(value).map_err(|e| format!("--filter {f:?}: {e}"))?);
            }
            "id" => parts.push(format!("id~={value}")),
            key => parts.push(format!("{key}=={value}")),
        }
    }
    let filter = if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(",")]
    };
    Ok((filter, until))
}

/// Go durations plus `d` for days.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let ns = crate::plan::duration::parse_with_days(s)
        .map_err(|e| format!("{e} (expected e.g. 24h, 90m, 7d)"))?;
    Ok(Duration::from_nanos(ns.unsigned_abs()))
}

/// Engine sizes are signed; a negative one (never sent) prints as 0B.
fn human_size(bytes: i64) -> String {
    crate::size::human_bytes(bytes.max(0) as u64)
}

fn seconds(ts: &Option<prost_types::Timestamp>) -> Option<i64> {
    ts.as_ref().map(|t| t.seconds)
}

fn ago(ts: &Option<prost_types::Timestamp>) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    match seconds(ts) {
        None => "never".into(),
        Some(s) => {
            let d = (now - s).max(0);
            match d {
                0..=59 => format!("{d} seconds ago"),
                60..=3599 => format!("{} minutes ago", d / 60),
                3600..=86_399 => format!("{} hours ago", d / 3600),
                _ => format!("{} days ago", d / 86_400),
            }
        }
    }
}

fn record_json(r: &UsageRecord) -> serde_json::Value {
    serde_json::json!({
        "id": r.id, "size": r.size, "mutable": r.mutable, "inUse": r.in_use, "shared": r.shared,
        "type": r.record_type, "description": r.description, "usageCount": r.usage_count,
        "createdAt": seconds(&r.created_at), "lastUsedAt": seconds(&r.last_used_at), "parents": r.parents,
    })
}

fn reclaimable(r: &UsageRecord) -> bool {
    !r.in_use
}

fn print_records(records: &[UsageRecord], verbose: bool, format: DuFormat, total_label: &str) {
    match format {
        DuFormat::Json => {
            let v: Vec<serde_json::Value> = records.iter().map(record_json).collect();
            outln!(
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_else(|_| "[]".into())
            );
        }
        DuFormat::Table => {
            if verbose {
                for r in records {
                    outln!(
                        "ID:\t\t{}\nCreated at:\t{}\nLast used:\t{}\nUsage count:\t{}\nSize:\t\t{}\nType:\t\t{}\nShared:\t\t{}\nIn use:\t\t{}\nDescription:\t{}\n",
                        r.id,
                        ago(&r.created_at),
                        ago(&r.last_used_at),
                        r.usage_count,
                        human_size(r.size),
                        r.record_type,
                        r.shared,
                        r.in_use,
                        r.description
                    );
                }
            } else {
                outln!(
                    "{:<40} {:>11} {:>10}  LAST ACCESSED",
                    "ID",
                    "RECLAIMABLE",
                    "SIZE"
                );
                for r in records {
                    let id = if r.mutable {
                        format!("{}*", r.id)
                    } else {
                        r.id.clone()
                    };
                    outln!(
                        "{:<40} {:>11} {:>10}  {}",
                        id,
                        reclaimable(r),
                        human_size(r.size),
                        ago(&r.last_used_at)
                    );
                }
            }
            let total: i64 = records.iter().map(|r| r.size).sum();
            let free: i64 = records
                .iter()
                .filter(|r| reclaimable(r))
                .map(|r| r.size)
                .sum();
            outln!(
                "{total_label}:\t{}\nReclaimable:\t{}",
                human_size(total),
                human_size(free)
            );
        }
    }
}

pub fn run_du(args: DuArgs) -> i32 {
    let (tools, filters) = split_tool_filters(&args.filters);
    let filter = match engine_filter(&filters) {
        Ok((_, Some(_))) => {
            eprintln!("error: --filter until=… selects what prune frees; du lists every record");
            return EXIT_BAD_INPUT;
        }
        Ok((filter, None)) => filter,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    on_engine(&args.engine, async |engine| {
        match engine.disk_usage(&filter, args.verbose).await {
            Ok(mut records) => {
                if !tools.is_empty() {
                    use crate::hygiene::retention::{cache_mount_id, cache_mount_tool};
                    records.retain(|r| {
                        cache_mount_id(&r.description)
                            .and_then(cache_mount_tool)
                            .is_some_and(|t| tools.iter().any(|x| x == t))
                    });
                }
                records.sort_by(|a, b| b.size.cmp(&a.size).then(a.id.cmp(&b.id)));
                print_records(&records, args.verbose, args.format, "Total");
                EXIT_OK
            }
            Err(e) => {
                eprintln!("error: {e}");
                engine_exit_code(&e)
            }
        }
    })
}

fn to_cache_record(r: &UsageRecord) -> CacheRecord {
    CacheRecord {
        id: r.id.clone(),
        size: r.size,
        in_use: r.in_use,
        record_type: r.record_type.clone(),
        description: r.description.clone(),
        last_used: seconds(&r.last_used_at),
        created: seconds(&r.created_at),
    }
}

/// What a prune under these settings removes, oldest use first: unused
/// records (internal/frontend only with `all`), idle longer than
/// `keep_duration`, until at most `keep_storage` bytes remain.
pub fn prune_candidates(
    records: &[UsageRecord],
    all: bool,
    keep_duration: Option<Duration>,
    keep_storage: Option<i64>,
    now: i64,
) -> Vec<UsageRecord> {
    let policy = CachePolicy {
        all,
        keep_duration,
        keep_storage,
        tools: Vec::new(),
    };
    let converted: Vec<CacheRecord> = records.iter().map(to_cache_record).collect();
    let chosen: Vec<String> = select_cache(&converted, &policy, now)
        .into_iter()
        .map(|r| r.item.id)
        .collect();
    chosen
        .iter()
        .filter_map(|id| records.iter().find(|r| &r.id == id).cloned())
        .collect()
}

/// `tool=` filters (ours, applied here) apart from the engine's.
fn split_tool_filters(filters: &[String]) -> (Vec<String>, Vec<String>) {
    let mut tools = Vec::new();
    let mut rest = Vec::new();
    for f in filters {
        match f.trim().strip_prefix("tool=") {
            Some(t) => tools.extend(t.split(',').map(|t| t.trim().to_string())),
            None => rest.push(f.clone()),
        }
    }
    (tools, rest)
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn print_removals(removals: &[Removal<CacheRecord>], format: DuFormat, label: &str) {
    match format {
        DuFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(removals).unwrap_or_else(|_| "[]".into())
        ),
        DuFormat::Table => {
            outln!("{:<40} {:>10}  {:<16} REASON", "ID", "SIZE", "LAST USED");
            for r in removals {
                let last = r
                    .item
                    .last_used
                    .or(r.item.created)
                    .map(|t| prost_types::Timestamp {
                        seconds: t,
                        nanos: 0,
                    });
                outln!(
                    "{:<40} {:>10}  {:<16} {}",
                    r.item.id,
                    human_size(r.item.size),
                    ago(&last),
                    r.reason
                );
            }
            let total: i64 = removals.iter().map(|r| r.item.size).sum();
            outln!(
                "{label}:\t{} in {} record(s)",
                human_size(total),
                removals.len()
            );
        }
    }
}

pub fn run_prune(args: PruneArgs) -> i32 {
    if args.images {
        return run_prune_images(&args);
    }
    let keep_storage = match args.keep_storage.as_deref().map(parse_size).transpose() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: --keep-storage: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let keep_duration = match args
        .keep_duration
        .as_deref()
        .map(parse_duration)
        .transpose()
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: --keep-duration: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let (tools, filters) = split_tool_filters(&args.filters);
    let (filter, until) = match engine_filter(&filters) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let keep_duration = match (keep_duration, until) {
        (Some(_), Some(_)) => {
            eprintln!("error: give --keep-duration or --filter until=…, not both");
            return EXIT_BAD_INPUT;
        }
        (a, b) => a.or(b),
    };
    let policy = CachePolicy {
        all: args.all,
        keep_duration,
        keep_storage,
        tools,
    };
    on_engine(&args.engine, async |engine| {
        // The list comes first, always: the prune below removes exactly
        // these records (by id), so nothing unlisted can go, whatever the
        // engine's own policy would have picked.
        let records = match engine.disk_usage(&filter, false).await {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return engine_exit_code(&e);
            }
        };
        let converted: Vec<CacheRecord> = records.iter().map(to_cache_record).collect();
        let listed = select_cache(&converted, &policy, now_secs());
        if args.dry_run {
            print_removals(&listed, args.format, "Would free");
            return EXIT_OK;
        }
        if listed.is_empty() {
            print_removals(&listed, args.format, "Freed");
            return EXIT_OK;
        }
        let req = PruneRequest {
            filter: listed
                .iter()
                .map(|r| format!("id=={}", r.item.id))
                .collect(),
            // The id filter alone decides; `all` lets a listed internal record go.
            all: true,
            ..Default::default()
        };
        let mut stream = match engine.prune(req).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return engine_exit_code(&e);
            }
        };
        let mut freed = Vec::new();
        while let Some(item) = stream.next().await {
            match item {
                Ok(r) => freed.push(r),
                Err(e) => {
                    eprintln!("error: {e}");
                    return engine_exit_code(&e);
                }
            }
        }
        let freed: Vec<Removal<CacheRecord>> = freed
            .iter()
            .map(|r| Removal {
                reason: listed
                    .iter()
                    .find(|l| l.item.id == r.id)
                    .map(|l| l.reason.clone())
                    .unwrap_or_else(|| "removed by the engine".into()),
                item: to_cache_record(r),
            })
            .collect();
        print_removals(&freed, args.format, "Freed");
        for l in &listed {
            if !freed.iter().any(|f| f.item.id == l.item.id) {
                eprintln!(
                    "note: {} was listed but the engine kept it (in use, or another record depends on it)",
                    l.item.id
                );
            }
        }
        EXIT_OK
    })
}

/// `strata prune --images --keep N`: through the Docker Engine API.
fn run_prune_images(args: &PruneArgs) -> i32 {
    use crate::hygiene::retention::{ImageRecord, select_images};
    let keep = args.keep.unwrap_or(0);
    let socket = super::inspect::docker_socket();
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BUILD_FAILED;
        }
    };
    rt.block_on(async {
        let images = match crate::engine::docker::list_images(&socket).await {
            Ok(i) => i,
            Err(e) => {
                eprintln!(
                    "error: the Docker Engine at {} does not list images: {e}",
                    socket.display()
                );
                return super::EXIT_ENGINE_UNREACHABLE;
            }
        };
        let records: Vec<ImageRecord> = images
            .into_iter()
            .map(|i| ImageRecord {
                id: i.id,
                tags: i.repo_tags.unwrap_or_default(),
                created: i.created,
                size: i.size,
            })
            .collect();
        let listed = select_images(&records, keep, &args.repositories);
        let print =
            |items: &[&Removal<crate::hygiene::retention::ImageRemoval>], label: &str| match args
                .format
            {
                DuFormat::Json => outln!(
                    "{}",
                    serde_json::to_string_pretty(items).unwrap_or_else(|_| "[]".into())
                ),
                DuFormat::Table => {
                    outln!("{:<60} {:>10}  REASON", "IMAGE", "SIZE");
                    for r in items {
                        outln!(
                            "{:<60} {:>10}  {}",
                            r.item.reference,
                            human_size(r.item.size),
                            r.reason
                        );
                    }
                    outln!("{label}: {} reference(s)", items.len());
                }
            };
        if args.dry_run {
            print(&listed.iter().collect::<Vec<_>>(), "Would remove");
            return EXIT_OK;
        }
        let mut removed = Vec::new();
        let mut code = EXIT_OK;
        for r in &listed {
            match crate::engine::docker::delete_image(&socket, &r.item.reference).await {
                Ok(()) => removed.push(r),
                Err(e) => {
                    eprintln!("error: {e}");
                    code = EXIT_BUILD_FAILED;
                }
            }
        }
        print(&removed, "Removed");
        code
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, size: i64, last: i64, kind: &str, in_use: bool) -> UsageRecord {
        UsageRecord {
            id: id.into(),
            size,
            last_used_at: Some(prost_types::Timestamp {
                seconds: last,
                nanos: 0,
            }),
            record_type: kind.into(),
            in_use,
            ..Default::default()
        }
    }

    #[test]
    fn sizes_and_durations() {
        assert_eq!(parse_size("10GB"), Ok(10 << 30));
        assert_eq!(parse_size("512mb"), Ok(512 << 20));
        assert_eq!(parse_size("1.5g"), Ok((1.5 * (1u64 << 30) as f64) as i64));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5x").is_err());
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
        assert_eq!(parse_duration("90m"), Ok(Duration::from_secs(5400)));
        assert!(parse_duration("soon").is_err());
    }

    #[test]
    fn dry_run_frees_oldest_until_under_the_cap() {
        let now = 10_000;
        let records = vec![
            rec("a", 400, 100, "regular", false),
            rec("b", 300, 200, "regular", false),
            rec("c", 300, 300, "regular", true),
            rec("d", 100, 50, "internal", false),
        ];
        let ids = |v: Vec<UsageRecord>| v.into_iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(
            ids(prune_candidates(&records, false, None, Some(500), now)),
            ["a", "b"]
        );
        assert_eq!(
            ids(prune_candidates(&records, true, None, Some(1000), now)),
            ["d"]
        );
        assert_eq!(
            ids(prune_candidates(
                &records,
                false,
                Some(Duration::from_secs(9_850)),
                None,
                now
            )),
            ["a"]
        );
        assert_eq!(
            ids(prune_candidates(&records, false, None, None, now)),
            ["a", "b"]
        );
    }

    #[test]
    fn buildx_filters_become_one_engine_filter() {
        let f = |v: &[&str]| engine_filter(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(f(&[]).unwrap(), (vec![], None));
        // The help's own example, which the engine refused before.
        assert_eq!(f(&["type=regular"]).unwrap().0, vec!["type==regular"]);
        assert_eq!(
            f(&["type=regular", "id=abc", "description~=npm"])
                .unwrap()
                .0,
            vec!["type==regular,id~=abc,description~=npm"]
        );
        assert_eq!(
            f(&["until=24h", "inuse=false"]).unwrap(),
            (
                vec!["inuse==false".to_string()],
                Some(Duration::from_secs(86_400))
            )
        );
        assert!(f(&["regular"]).is_err());
        assert!(f(&["=x"]).is_err());
        assert!(f(&["until=-1d"]).is_err());
        assert!(f(&["until=1h", "unused-for=2h"]).is_err());
    }
}
