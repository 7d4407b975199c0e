//! Figures over many builds: median and p95 wall time, cache hit rate and
//! context size per project and target, and a terminal sparkline of the
//! wall times (oldest to newest).

use std::collections::BTreeMap;

use serde::Serialize;

use super::record::{BuildRow, BuildStatus};

/// The figures of one project/target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupStats {
    pub name: String,
    pub target: String,
    /// Finished builds counted (running ones are left out).
    pub builds: usize,
    pub failed: usize,
    pub median_ms: i64,
    pub p95_ms: i64,
    /// Cached steps over all steps of the counted builds (0..=1).
    pub hit_rate: Option<f64>,
    /// Median bytes of build context sent, when known.
    pub median_context_bytes: Option<u64>,
    /// Wall times, oldest first (what the sparkline draws).
    pub durations_ms: Vec<i64>,
}

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &[i64]) -> i64 {
    let mut v = values.to_vec();
    v.sort_unstable();
    match v.len() {
        0 => 0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2,
    }
}

/// The 95th percentile by the nearest-rank method: the smallest value with
/// at least 95% of the values at or below it.
pub fn p95(values: &[i64]) -> i64 {
    let mut v = values.to_vec();
    v.sort_unstable();
    if v.is_empty() {
        return 0;
    }
    let rank = (v.len() * 95).div_ceil(100).max(1);
    v[rank - 1]
}

/// Eight-level bars from the lowest to the highest value.
pub fn sparkline(values: &[i64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (Some(lo), Some(hi)) = (values.iter().min(), values.iter().max()) else {
        return String::new();
    };
    let span = (hi - lo).max(1) as f64;
    values
        .iter()
        .map(|v| BARS[(((v - lo) as f64 / span) * 7.0).round() as usize])
        .collect()
}

/// Group finished rows by (name, target), newest groups first. `context`
/// gives the context bytes sent per build ref, where known.
pub fn group(rows: &[BuildRow], context: &BTreeMap<String, u64>) -> Vec<GroupStats> {
    let mut groups: BTreeMap<(String, String), Vec<&BuildRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.status != BuildStatus::Running) {
        groups
            .entry((r.name.clone(), r.target.clone()))
            .or_default()
            .push(r);
    }
    let mut out: Vec<(i64, GroupStats)> = groups
        .into_iter()
        .map(|((name, target), mut builds)| {
            builds.sort_by_key(|r| r.created_ms);
            let durations: Vec<i64> = builds.iter().map(|r| r.duration_ms).collect();
            let (cached, total) = builds.iter().fold((0u64, 0u64), |(c, t), r| {
                (c + u64::from(r.cached_steps), t + u64::from(r.total_steps))
            });
            let mut ctx: Vec<i64> = builds
                .iter()
                .filter_map(|r| context.get(&r.build_ref).map(|b| *b as i64))
                .collect();
            ctx.sort_unstable();
            let newest = builds.last().map(|r| r.created_ms).unwrap_or(0);
            (
                newest,
                GroupStats {
                    name,
                    target,
                    builds: builds.len(),
                    failed: builds
                        .iter()
                        .filter(|r| r.status != BuildStatus::Completed)
                        .count(),
                    median_ms: median(&durations),
                    p95_ms: p95(&durations),
                    hit_rate: (total > 0).then(|| cached as f64 / total as f64),
                    median_context_bytes: (!ctx.is_empty()).then(|| median(&ctx) as u64),
                    durations_ms: durations,
                },
            )
        })
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g.0));
    out.into_iter().map(|(_, g)| g).collect()
}

/// Parse a `--since` span: `90s`, `30m`, `12h`, `7d`, `2w`. Milliseconds.
pub fn parse_span(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: i64 = n
        .parse()
        .map_err(|_| format!("--since {s:?}: expected a number and a unit, e.g. 7d or 12h"))?;
    let unit_ms = match unit {
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" | "" => 86_400_000,
        "w" => 7 * 86_400_000,
        _ => return Err(format!("--since {s:?}: unit must be s, m, h, d or w")),
    };
    n.checked_mul(unit_ms)
        .ok_or_else(|| format!("--since {s:?}: too large"))
}

/// A duration for people: `850ms`, `12.3s`, `4m05s`.
pub fn human_ms(ms: i64) -> String {
    if ms < 1000 {
        format!("{ms}ms")
    } else if ms < 60_000 {
        format!("{:.1}s", ms as f64 / 1000.0)
    } else {
        let s = ms / 1000;
        format!("{}m{:02}s", s / 60, s % 60)
    }
}

/// Bytes for people: `512B`, `1.5kB`, `12.0MB` (powers of 1000, as Docker).
pub use crate::size::human_bytes;

#[cfg(test)]
mod tests {
    use super::*;

    fn row(r: &str, name: &str, created: i64, dur: i64, cached: u32, total: u32) -> BuildRow {
        BuildRow {
            build_ref: r.into(),
            name: name.into(),
            target: String::new(),
            status: BuildStatus::Completed,
            created_ms: created,
            completed_ms: Some(created + dur),
            duration_ms: dur,
            cached_steps: cached,
            total_steps: total,
            completed_steps: total,
            warnings: 0,
            error: None,
            frontend: "strata".into(),
        }
    }

    #[test]
    fn median_and_p95() {
        assert_eq!(median(&[5, 1, 3]), 3);
        assert_eq!(median(&[4, 1, 3, 2]), 2);
        assert_eq!(median(&[]), 0);
        let hundred: Vec<i64> = (1..=100).collect();
        assert_eq!(p95(&hundred), 95);
        assert_eq!(p95(&[7]), 7);
        assert_eq!(p95(&[1, 2, 3, 4, 100]), 100);
    }

    #[test]
    fn sparkline_spans_low_to_high() {
        assert_eq!(sparkline(&[1, 8, 4]), "▁█▄");
        assert_eq!(sparkline(&[3, 3]), "▁▁");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn groups_by_name_and_target() {
        let rows = vec![
            row("a", "app", 1, 1000, 0, 4),
            row("b", "app", 2, 3000, 4, 4),
            row("c", "app", 3, 2000, 2, 4),
            row("d", "lib", 0, 10, 1, 1),
        ];
        let ctx = BTreeMap::from([("a".to_string(), 100), ("b".to_string(), 300)]);
        let g = group(&rows, &ctx);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].name, "app");
        assert_eq!(g[0].median_ms, 2000);
        assert_eq!(g[0].p95_ms, 3000);
        assert_eq!(g[0].hit_rate, Some(0.5));
        assert_eq!(g[0].median_context_bytes, Some(200));
        assert_eq!(g[0].durations_ms, [1000, 3000, 2000]);
        assert_eq!(g[1].median_context_bytes, None);
    }

    #[test]
    fn spans_and_units() {
        assert_eq!(parse_span("7d"), Ok(7 * 86_400_000));
        assert_eq!(parse_span("90s"), Ok(90_000));
        assert!(parse_span("x").is_err());
        assert!(parse_span("3y").is_err());
        assert_eq!(human_ms(850), "850ms");
        assert_eq!(human_ms(12_340), "12.3s");
        assert_eq!(human_ms(245_000), "4m05s");
        assert_eq!(human_bytes(512), "512B");
        assert_eq!(human_bytes(1500), "1.50kB");
        assert_eq!(human_bytes(12_000_000), "12.00MB");
    }
}
