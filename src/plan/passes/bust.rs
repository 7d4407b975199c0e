//! Targeted cache-busting: steps that fetch from the network without a
//! content pin (`apt-get update`, `curl`, `git clone`, installs without a
//! lockfile) get a time bucket (`cache-ttl`) or a `CACHE_BUST` value mixed
//! into their cache key, as an environment variable of that RUN only.
//!
//! The current time comes in as an input ([`BustFacts::now`]); the pass
//! never reads a clock.

use super::Explanation;
use super::detect::{Effect, Tool, classify, split_commands};
use crate::plan::{BuildPlan, CopySource, StepOp};

/// The variable carrying the time bucket.
pub const BUCKET_ENV: &str = "STRATA_CACHE_BUCKET";
/// The variable carrying the `CACHE_BUST` value.
pub const BUST_ENV: &str = "STRATA_CACHE_BUST";

/// Inputs of the pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BustFacts {
    /// Seconds since the Unix epoch.
    pub now: Option<i64>,
    /// `CACHE_BUST` build arg (or `strata-cache-bust`).
    pub cache_bust: Option<String>,
}

/// Parse a TTL: Go durations (`90m`, `1h30m`) plus days (`7d`); must be at
/// least one second. Returns seconds.
pub fn parse_ttl(s: &str) -> Result<i64, String> {
    let secs = crate::plan::duration::parse_with_days(s)
        .map_err(|_| format!("invalid cache TTL {s:?}: expected a duration like 30m, 6h or 7d"))?
        / 1_000_000_000;
    if secs < 1 {
        return Err(format!("invalid cache TTL {s:?}: must be at least 1s"));
    }
    Ok(secs)
}

/// Why a script fetches unpinned network content, if it does.
pub fn unpinned_fetch(script: &str) -> Option<String> {
    let commands = match split_commands(script) {
        Some(c) => c,
        None => {
            // Not modelled: look for the obvious commands by word.
            let words: Vec<&str> = script
                .split(|c: char| c.is_whitespace() || "&|;()`$\"'".contains(c))
                .collect();
            return ["curl", "wget"]
                .iter()
                .find(|w| words.contains(w))
                .map(|w| format!("{w} downloads from the network"))
                .or_else(|| {
                    (words.contains(&"apt-get") && words.contains(&"update"))
                        .then(|| "apt-get update reads the package index".to_string())
                });
        }
    };
    for words in &commands {
        let base = |w: &String| w.rsplit('/').next().unwrap_or(w).to_string();
        let Some(cmd) = words
            .iter()
            .find(|w| !w.contains('=') && !matches!(w.as_str(), "sudo" | "env" | "exec"))
        else {
            continue;
        };
        let args: Vec<&str> = words
            .iter()
            .skip_while(|w| *w != cmd)
            .skip(1)
            .map(String::as_str)
            .filter(|a| !a.starts_with('-'))
            .collect();
        let sub = args.first().copied().unwrap_or("");
        match base(cmd).as_str() {
            "curl" | "wget" => return Some(format!("{} downloads from the network", base(cmd))),
            "git" if matches!(sub, "clone" | "fetch" | "pull") => {
                return Some(format!("git {sub} reads a remote branch"));
            }
            "apt-get" | "apt"
                if matches!(sub, "update" | "install" | "upgrade" | "dist-upgrade") =>
            {
                return Some(format!("{} {sub} reads the package index", base(cmd)));
            }
            "apk" if matches!(sub, "add" | "update" | "upgrade") => {
                return Some(format!("apk {sub} reads the package index"));
            }
            "dnf" | "yum" | "microdnf" if matches!(sub, "install" | "update" | "upgrade") => {
                return Some(format!("{} {sub} reads the package index", base(cmd)));
            }
            _ => {}
        }
        let inv = classify(words);
        match (inv.tool, &inv.effect) {
            (Some(Tool::Pip), Effect::NoProjectFiles) if words.iter().any(|w| w == "install") => {
                return Some("pip install of named packages without a lockfile".into());
            }
            (Some(Tool::Npm | Tool::Yarn | Tool::Pnpm), Effect::ReadsSources { why })
                if why.contains("named packages") =>
            {
                return Some("install of named packages without a lockfile".into());
            }
            (Some(Tool::Npm), Effect::InstallFromManifests { .. })
                if words.iter().any(|w| w == "install" || w == "i") =>
            {
                return Some(
                    "npm install resolves versions (npm ci would pin them to the lockfile)".into(),
                );
            }
            _ => {}
        }
    }
    None
}

/// Mix the bucket / bust value into every unpinned fetching RUN.
pub fn apply(plan: &mut BuildPlan, ttl: Option<i64>, facts: &BustFacts, explain: &mut Explanation) {
    let bucket = match (ttl, facts.now) {
        (Some(ttl), Some(now)) => Some((ttl, now.div_euclid(ttl))),
        _ => None,
    };
    let bust = facts.cache_bust.as_ref().filter(|b| !b.is_empty());
    if bucket.is_none() && bust.is_none() {
        return;
    }
    for stage in plan.stages.iter_mut().filter(|s| s.reachable) {
        let stage_name = stage.name.clone();
        for step in &mut stage.steps {
            let span = Some(step.span);
            match &mut step.op {
                StepOp::Run(run) => {
                    if matches!(run.network, crate::llb::exec::NetworkMode::None) {
                        continue;
                    }
                    let Some(why) = unpinned_fetch(&run.script()) else {
                        continue;
                    };
                    let mut added = Vec::new();
                    if let Some((ttl, b)) = bucket {
                        run.env.push(format!("{BUCKET_ENV}={b}"));
                        added.push(format!("{BUCKET_ENV}={b} (cache-ttl {ttl}s)"));
                    }
                    if let Some(v) = bust {
                        run.env.push(format!("{BUST_ENV}={v}"));
                        added.push(format!("{BUST_ENV}={v} (CACHE_BUST)"));
                    }
                    explain.add(
                        "bust",
                        &stage_name,
                        span,
                        format!("cache key gets {}", added.join(", ")),
                        format!("{why} without a content pin; the variable is set for this RUN only, but every later step of this stage (and stages built on it) re-runs too when it changes, because its input filesystem changed"),
                    );
                }
                StepOp::Copy(c) => {
                    for s in &c.sources {
                        let unpinned = match s {
                            CopySource::Http {
                                url,
                                checksum: None,
                                ..
                            } => Some(url.clone()),
                            CopySource::Git {
                                remote,
                                checksum: None,
                                ..
                            } => Some(remote.clone()),
                            _ => None,
                        };
                        if let Some(url) = unpinned {
                            explain.add(
                                "bust",
                                &stage_name,
                                span,
                                "kept as written",
                                format!("ADD {url} has no --checksum, but BuildKit re-checks the remote on every build (HTTP ETag / git ref resolution), so its cache already follows the content"),
                            );
                        }
                    }
                }
                StepOp::Mkdir { .. } => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{BuildOptions, NoImageConfigs};

    #[test]
    fn ttl_parsing() {
        assert_eq!(parse_ttl("1h"), Ok(3600));
        assert_eq!(parse_ttl("90m"), Ok(5400));
        assert_eq!(parse_ttl("7d"), Ok(604_800));
        assert!(parse_ttl("soon").unwrap_err().contains("invalid cache TTL"));
        assert!(parse_ttl("").is_err());
        assert!(parse_ttl("500ms").unwrap_err().contains("at least 1s"));
        assert!(parse_ttl("xd").is_err());
    }

    #[test]
    fn detects_unpinned_fetches() {
        assert!(unpinned_fetch("apt-get update && apt-get install -y curl").is_some());
        assert!(unpinned_fetch("curl -fsSL https://x | sh").is_some());
        assert!(unpinned_fetch("git clone https://x/y.git").is_some());
        assert!(unpinned_fetch("pip install flask").is_some());
        assert!(unpinned_fetch("apk add --no-cache git").is_some());
        assert!(unpinned_fetch("npm ci").is_none());
        assert!(unpinned_fetch("pip install -r requirements.txt").is_none());
        assert!(unpinned_fetch("make && echo ok").is_none());
    }

    const DF: &str = "FROM alpine\nRUN apt-get update\nRUN make\nRUN --network=none curl x\nADD https://example.com/f /f\n";

    fn plan() -> BuildPlan {
        let df = crate::dockerfile::parse(DF).expect("parses");
        crate::plan::plan(&df, &BuildOptions::default(), &NoImageConfigs).expect("plans")
    }

    fn envs(plan: &BuildPlan) -> Vec<Vec<String>> {
        plan.stages[plan.target]
            .steps
            .iter()
            .filter_map(|s| match &s.op {
                StepOp::Run(r) => Some(r.env.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bucket_only_on_fetching_runs() {
        let mut p = plan();
        let before = envs(&p);
        let mut ex = Explanation::default();
        apply(
            &mut p,
            Some(3600),
            &BustFacts {
                now: Some(7200 + 5),
                cache_bust: None,
            },
            &mut ex,
        );
        let after = envs(&p);
        assert_eq!(
            after[0].last().map(String::as_str),
            Some("STRATA_CACHE_BUCKET=2")
        );
        assert_eq!(after[1], before[1], "make is untouched");
        assert_eq!(after[2], before[2], "network=none cannot fetch");
        assert_eq!(ex.entries.len(), 2, "{:?}", ex.entries);
        assert!(ex.entries[0].reason.contains("later step"));
        // Same bucket within the hour, next bucket after it.
        let mut q = plan();
        apply(
            &mut q,
            Some(3600),
            &BustFacts {
                now: Some(7200 + 3599),
                cache_bust: None,
            },
            &mut Explanation::default(),
        );
        assert_eq!(envs(&q)[0], after[0]);
        let mut r = plan();
        apply(
            &mut r,
            Some(3600),
            &BustFacts {
                now: Some(10_800),
                cache_bust: None,
            },
            &mut Explanation::default(),
        );
        assert_ne!(envs(&r)[0], after[0]);
    }

    /// Digest of each op of the lowered definition, in order.
    fn op_digests(plan: &BuildPlan) -> Vec<String> {
        use sha2::Digest;
        let root = crate::frontend::lower(
            plan,
            &crate::frontend::LowerOptions {
                resolve_mode: Default::default(),
                merge_op: true,
                ..Default::default()
            },
        );
        crate::llb::definition::marshal(&root, None)
            .definition
            .def
            .iter()
            .map(|b| hex::encode(sha2::Sha256::digest(b)))
            .collect()
    }

    #[test]
    fn busting_changes_only_the_fetching_op_and_its_dependents() {
        let df = "FROM alpine\nRUN echo before\nRUN apt-get update\nRUN echo after\n";
        let planned = || {
            crate::plan::plan(
                &crate::dockerfile::parse(df).expect("parses"),
                &BuildOptions::default(),
                &NoImageConfigs,
            )
            .expect("plans")
        };
        let busted = |v: &str| {
            let mut p = planned();
            apply(
                &mut p,
                None,
                &BustFacts {
                    now: None,
                    cache_bust: Some(v.into()),
                },
                &mut Explanation::default(),
            );
            op_digests(&p)
        };
        let (a, a2, b) = (busted("a"), busted("a"), busted("b"));
        assert_eq!(a, a2, "same value, same cache keys");
        let plain = op_digests(&planned());
        let common: Vec<&String> = plain.iter().filter(|d| b.contains(d)).collect();
        // Unchanged: the image source and `echo before`; changed: the apt RUN,
        // `echo after` (its input changed) and the terminal op.
        assert_eq!(common.len(), 2, "plain {plain:?} busted {b:?}");
        assert_eq!(a.iter().filter(|d| b.contains(d)).count(), 2);
    }

    #[test]
    fn cache_bust_uses_the_same_mechanism() {
        let mut p = plan();
        apply(
            &mut p,
            None,
            &BustFacts {
                now: None,
                cache_bust: Some("42".into()),
            },
            &mut Explanation::default(),
        );
        assert_eq!(
            envs(&p)[0].last().map(String::as_str),
            Some("STRATA_CACHE_BUST=42")
        );
        assert!(!envs(&p)[1].iter().any(|e| e.starts_with("STRATA_")));
    }
}
