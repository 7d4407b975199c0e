//! `strata du` and `strata prune`: the engine's build cache.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::{Args, ValueEnum};

use super::engine_args::EngineArgs;
use super::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK, engine_exit_code, outln};
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
    /// (==, !=, ~=); repeated filters must all match.
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
    /// until=DURATION (the same as --keep-duration) (repeatable).
    #[arg(long = "filter", value_name = "FILTER")]
    pub filters: Vec<String>,
    /// Include internal and frontend records.
    #[arg(long)]
    pub all: bool,
    /// List what would be freed without freeing it (an estimate from `du`).
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: DuFormat,
    #[command(flatten)]
    pub engine: EngineArgs,
}

pub use crate::frontend::options::parse_size;

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

pub fn human_size(bytes: i64) -> String {
    let b = bytes as f64;
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut v = b;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < UNITS.len() {
        v /= 1000.0;
        i += 1;
    }
    if i == 0 {
        format!("{bytes}B")
    } else {
        format!("{v:.2}{}", UNITS[i])
    }
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

/// Runs `body` with a connection to the engine; a failure to start or to
/// connect is reported here with its exit code.
fn on_engine(
    engine_args: &EngineArgs,
    body: impl AsyncFnOnce(crate::engine::Engine) -> i32,
) -> i32 {
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
        match engine_args.connect().await {
            Ok(engine) => body(engine).await,
            Err(e) => super::engine_args::report_connect_error(&e),
        }
    })
}

pub fn run_du(args: DuArgs) -> i32 {
    let filter = match engine_filter(&args.filters) {
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

/// What BuildKit's prune would remove under these settings, oldest first:
/// unused records (internal/frontend only with `all`), idle longer than
/// `keep_duration`, until at most `keep_storage` bytes remain.
pub fn prune_candidates(
    records: &[UsageRecord],
    all: bool,
    keep_duration: Option<Duration>,
    keep_storage: Option<i64>,
    now: i64,
) -> Vec<UsageRecord> {
    let mut candidates: Vec<&UsageRecord> = records
        .iter()
        .filter(|r| !r.in_use)
        .filter(|r| all || !matches!(r.record_type.as_str(), "internal" | "frontend"))
        .filter(|r| match keep_duration {
            Some(d) => seconds(&r.last_used_at)
                .or(seconds(&r.created_at))
                .is_none_or(|t| now - t > d.as_secs() as i64),
            None => true,
        })
        .collect();
    candidates.sort_by_key(|r| {
        seconds(&r.last_used_at)
            .or(seconds(&r.created_at))
            .unwrap_or(0)
    });
    let Some(keep) = keep_storage else {
        return candidates.into_iter().cloned().collect();
    };
    let mut total: i64 = records.iter().map(|r| r.size).sum();
    let mut out = Vec::new();
    for r in candidates {
        if total <= keep {
            break;
        }
        total -= r.size;
        out.push(r.clone());
    }
    out
}

pub fn run_prune(args: PruneArgs) -> i32 {
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
    let (filter, until) = match engine_filter(&args.filters) {
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
    on_engine(&args.engine, async |engine| {
        if args.dry_run {
            let records = match engine.disk_usage(&filter, false).await {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return engine_exit_code(&e);
                }
            };
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            let would = prune_candidates(&records, args.all, keep_duration, keep_storage, now);
            print_records(&would, false, args.format, "Would free");
            return EXIT_OK;
        }
        let req = PruneRequest {
            filter: filter.clone(),
            all: args.all,
            keep_duration: keep_duration.map(|d| d.as_nanos() as i64).unwrap_or(0),
            reserved_space: keep_storage.unwrap_or(0),
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
        print_records(&freed, false, args.format, "Freed");
        EXIT_OK
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
