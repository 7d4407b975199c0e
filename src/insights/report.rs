//! The report after a build: wall time, steps executed and cached, the
//! context bytes sent, the slowest steps that ran, the image size, and a
//! one-line "why" when an install step re-ran. `--report FILE` writes it as
//! JSON; the schema is documented in docs/build-report.md and versioned by
//! [`SCHEMA`].

use serde::Serialize;

use super::record::{BuildRow, BuildStatus};
use super::stats::{human_bytes, human_ms};
use super::steps::Step;
use super::why::{WhyReport, is_dockerfile_step, one_line};

/// The `schema` field of the JSON report.
pub const SCHEMA: &str = "strata.build-report.v1";

/// How many slowest executed steps the report lists.
pub const SLOWEST: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildReport {
    pub schema: &'static str,
    #[serde(rename = "ref")]
    pub build_ref: String,
    pub name: String,
    pub target: String,
    pub status: BuildStatus,
    pub wall_ms: i64,
    pub steps: StepCounts,
    /// Bytes of build context sent to the engine (all `load build context`
    /// / local transfers), when the engine reported them.
    pub context_bytes: Option<u64>,
    /// The image's size (its layers, compressed), when it is known.
    pub image_size: Option<u64>,
    pub slowest: Vec<SlowStep>,
    /// Why the first install step re-ran, in one line.
    pub why: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepCounts {
    /// Steps the engine counted (every vertex, as in `history ls`).
    pub total: u32,
    pub cached: u32,
    /// Dockerfile steps that ran.
    pub executed: u32,
    /// cached / total, 0..=1.
    pub hit_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlowStep {
    pub index: usize,
    pub name: String,
    pub duration_ms: i64,
}

/// Whether a step installs dependencies (the step users ask "why did
/// this re-run?" about).
pub fn is_install_step(instruction: &str) -> bool {
    const INSTALLS: [&str; 14] = [
        "apt-get install",
        "apt install",
        "apk add",
        "dnf install",
        "yum install",
        "npm ci",
        "npm install",
        "yarn install",
        "pnpm install",
        "pip install",
        "uv sync",
        "poetry install",
        "bundle install",
        "go mod download",
    ];
    instruction.starts_with("RUN")
        && (INSTALLS.iter().any(|i| instruction.contains(i)) || instruction.contains("cargo fetch"))
}

/// Bytes of context the engine received: every internal local transfer.
pub fn context_bytes(steps: &[Step]) -> Option<u64> {
    let sent: Vec<u64> = steps
        .iter()
        .filter(|s| s.internal && s.instruction.starts_with("load build context"))
        .map(|s| s.bytes)
        .collect();
    (!sent.is_empty()).then(|| sent.iter().sum())
}

/// Build the report from the engine's record (as a row), its steps, and
/// the `why` answer for this build (if one was computed).
pub fn build(
    row: &BuildRow,
    steps: &[Step],
    why: Option<&WhyReport>,
    image_size: Option<u64>,
) -> BuildReport {
    let mut ran: Vec<&Step> = steps
        .iter()
        .filter(|s| is_dockerfile_step(s) && s.executed() && s.duration_ms().unwrap_or(0) > 0)
        .collect();
    ran.sort_by_key(|s| (std::cmp::Reverse(s.duration_ms().unwrap_or(0)), s.index));
    let install_why = why.and_then(|w| {
        let (index, _) = w.first_ran.as_ref()?;
        // Only when an install step re-ran: the first step that ran or one downstream of it.
        let install = steps.iter().any(|s| {
            (s.index == *index || w.dependents.contains(&s.index))
                && is_install_step(&s.instruction)
        });
        install.then(|| one_line(w)).flatten()
    });
    BuildReport {
        schema: SCHEMA,
        build_ref: row.build_ref.clone(),
        name: row.name.clone(),
        target: row.target.clone(),
        status: row.status,
        wall_ms: row.duration_ms,
        steps: StepCounts {
            total: row.total_steps,
            cached: row.cached_steps,
            executed: ran.len() as u32,
            hit_rate: row.hit_rate(),
        },
        context_bytes: context_bytes(steps),
        image_size,
        slowest: ran
            .iter()
            .take(SLOWEST)
            .map(|s| SlowStep {
                index: s.index,
                name: s.name.clone(),
                duration_ms: s.duration_ms().unwrap_or(0),
            })
            .collect(),
        why: install_why,
    }
}

/// The report for a terminal, a few lines.
pub fn render(r: &BuildReport) -> String {
    // The progress display has already said how long it took and how many
    // steps ran: these lines add what it cannot know.
    let mut figures = Vec::new();
    if let Some(rate) = r.steps.hit_rate {
        figures.push(format!(
            "cache hit rate {:.0}% ({} of {} engine steps)",
            rate * 100.0,
            r.steps.cached,
            r.steps.total
        ));
    }
    if let Some(b) = r.context_bytes {
        figures.push(format!("context sent {}", human_bytes(b)));
    }
    if let Some(b) = r.image_size {
        figures.push(format!("image {}", human_bytes(b)));
    }
    let mut out = format!("report {}: {}\n", r.build_ref, figures.join(", "));
    if !r.slowest.is_empty() {
        let list: Vec<String> = r
            .slowest
            .iter()
            .map(|s| format!("{} {}", human_ms(s.duration_ms), s.name))
            .collect();
        out.push_str(&format!("  slowest: {}\n", list.join("; ")));
    }
    if let Some(w) = &r.why {
        out.push_str(&format!("  why: {w}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::record::row;
    use crate::insights::steps::{fold, tests::sample};
    use crate::proto::control::BuildHistoryRecord;

    #[test]
    fn report_counts_slowest_and_context() {
        let record = BuildHistoryRecord {
            r#ref: "r1".into(),
            created_at: Some(prost_types::Timestamp {
                seconds: 1,
                nanos: 0,
            }),
            completed_at: Some(prost_types::Timestamp {
                seconds: 5,
                nanos: 0,
            }),
            num_cached_steps: 1,
            num_total_steps: 4,
            ..Default::default()
        };
        let r = build(
            &row(&record, Some(("app", "")), 0),
            &fold(&sample()),
            None,
            Some(5_000_000),
        );
        assert_eq!(r.wall_ms, 4000);
        assert_eq!(r.steps.executed, 2);
        assert_eq!(r.steps.hit_rate, Some(0.25));
        assert_eq!(r.context_bytes, Some(2048));
        assert_eq!(r.slowest[0].name, "[3/3] RUN make");
        assert_eq!(r.slowest[0].duration_ms, 3000);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["ref"], "r1");
        let text = render(&r);
        assert!(
            text.contains(
                "cache hit rate 25% (1 of 4 engine steps), context sent 2.05kB, image 5.00MB"
            ),
            "{text}"
        );
        assert!(
            text.contains("slowest: 3.0s [3/3] RUN make; 300ms [2/3] COPY . /app"),
            "{text}"
        );
    }

    #[test]
    fn install_steps() {
        assert!(is_install_step(
            "RUN apt-get update && apt-get install -y curl"
        ));
        assert!(is_install_step("RUN npm ci"));
        assert!(!is_install_step("RUN make"));
        assert!(!is_install_step("COPY package.json ."));
    }
}
