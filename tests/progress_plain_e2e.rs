//! `strata build --progress plain` against the testbed engine: every vertex
//! prints its result line at most once (each step once, like buildx), the
//! steps that ran print `DONE` with their logs, and a fully cached rebuild
//! reports every step cached and 0 executed.
//!
//! Needs the engine testbed; skips without it (fails under CI /
//! `scripts/test.sh`).

mod common;

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

#[test]
fn plain_prints_each_step_once() {
    if !common::testbed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("Dockerfile"),
        "FROM busybox AS base\n\
         ARG TOKEN\n\
         RUN echo \"$TOKEN\" > /token && for i in 1 2 3; do echo \"first $i\"; sleep 0.2; done\n\
         RUN for i in 1 2 3; do echo \"second $i\"; sleep 0.2; done\n\
         FROM busybox\n\
         COPY --from=base /token /token\n\
         RUN for i in 1 2 3; do echo \"third $i\"; sleep 0.2; done\n",
    )
    .expect("write Dockerfile");
    let token = common::unique("t");
    let build = || {
        let out = Command::new(env!("CARGO_BIN_EXE_strata"))
            .args(["build", "--network", "none", "--progress", "plain"])
            .arg("--build-arg")
            .arg(format!("TOKEN={token}"))
            .arg(tmp.path())
            .stdin(Stdio::null())
            .output()
            .expect("run strata");
        let log = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "build failed:\n{log}");
        log
    };
    let log = build();

    // `#N name` first, then `#N DONE …` / `#N CACHED` / `#N ERROR …` results.
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut results: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for line in log.lines() {
        let Some((n, text)) = line.strip_prefix('#').and_then(|r| r.split_once(' ')) else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else { continue };
        if let std::collections::btree_map::Entry::Vacant(e) = names.entry(n) {
            e.insert(text.to_string());
        } else if text == "CACHED"
            || text == "CANCELED"
            || text.starts_with("DONE")
            || text.starts_with("ERROR")
        {
            results.entry(n).or_default().push(text.to_string());
        }
    }
    for (n, r) in &results {
        assert_eq!(r.len(), 1, "#{n} {} printed {r:?}\n{log}", names[n]);
    }
    for (step, first_log) in [
        ("[base 2/3] RUN", "first 1"),
        ("[base 3/3] RUN", "second 1"),
        ("[stage-1 3/3] RUN", "third 1"),
    ] {
        let (n, _) = names
            .iter()
            .find(|(_, name)| name.starts_with(step))
            .unwrap_or_else(|| panic!("no {step}\n{log}"));
        let r = results.get(n).map(Vec::as_slice).unwrap_or_default();
        assert!(
            r.len() == 1 && r[0].starts_with("DONE"),
            "{step}: {r:?}\n{log}"
        );
        assert!(
            log.lines()
                .any(|l| l.starts_with(&format!("#{n} ")) && l.ends_with(first_log)),
            "{step}: its log is not in its block\n{log}"
        );
    }
    // The same build again: every step from the cache (the FROM, whose
    // image is there, included), the same number of steps.
    let summary = |log: &str| {
        log.lines()
            .find(|l| l.starts_with("Build finished"))
            .map(|l| l.split_once(": ").map_or("", |x| x.1).to_string())
            .unwrap_or_else(|| panic!("no summary\n{log}"))
    };
    let first = summary(&log);
    let total = first.split(' ').next().unwrap().to_string();
    let again = build();
    let second = summary(&again);
    assert!(
        second.starts_with(&format!("{total} steps, {total} cached, 0 executed")),
        "first: {first}\nrebuild: {second}\n{again}"
    );
}
