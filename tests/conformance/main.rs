//! The differential conformance harness.
//!
//! For each case in `testdata/conformance/<case>/` the engine builds the
//! Dockerfile twice: once with its built-in Dockerfile frontend (the
//! reference) and once through strata's frontend image (the `BUILDKIT_SYNTAX`
//! build arg, `$STRATA_FRONTEND_IMAGE`, default `127.0.0.1:5000/strata:dev`).
//! Both images are loaded into the engine, saved as OCI layouts
//! (`docker save`) and compared: the stacked filesystem entry by entry and
//! the image config field by field (see `compare.rs` for what is ignored
//! and why).
//!
//! Environment:
//! - `STRATA_TESTBED` unset: the build tests print SKIPPED and return (they
//!   fail instead under CI and `scripts/test.sh`, see `tests/common`).
//! - `STRATA_FRONTEND_IMAGE=builtin`: compare the built-in frontend with
//!   itself (the harness's own determinism check).
//! - `STRATA_REFERENCE_FRONTEND=REF`: use an upstream `docker/dockerfile`
//!   image as the reference instead of the engine's built-in frontend (there
//!   is no Docker Hub here; push one to the loopback registry first).
//! - `STRATA_CONFORMANCE_CASES=a,b`: only cases whose name contains one of these.
//! - `STRATA_CONFORMANCE_JOBS=N`: cases built at once (default 2).
//!
//! `scripts/conformance.sh` runs this with the testbed's environment.

#[path = "../common/mod.rs"]
mod common;
mod compare;
mod corpus;
mod docker;
mod http;
mod oci;

use std::path::PathBuf;
use std::sync::Mutex;

use compare::Options;
use corpus::Case;

const DEFAULT_FRONTEND: &str = "127.0.0.1:5000/strata:dev";

/// The outcome of one case.
enum Outcome {
    Pass {
        notes: Vec<String>,
    },
    /// The reference rejected a `labs` case: nothing to compare against.
    Uncompared {
        notes: Vec<String>,
    },
    Fail {
        lines: Vec<String>,
    },
}

fn frontend_of(image: &str) -> Option<&str> {
    if image == "builtin" {
        None
    } else {
        Some(image)
    }
}

fn run_case(
    case: &Case,
    reference: &str,
    candidate: &str,
    http: &http::Server,
    run_id: &str,
) -> Outcome {
    let reference = docker::Build::new(case, frontend_of(reference), http, run_id, "reference");
    let frontend = frontend_of(candidate);
    let ours = docker::Build::new(case, frontend, http, run_id, "strata");
    let (r, o) = std::thread::scope(|s| {
        let r = s.spawn(|| reference.run());
        let o = ours.run();
        (r.join().expect("reference build thread"), o)
    });
    let mut lines = Vec::new();
    if let (Some(why), Err(re)) = (&case.config.labs, &r) {
        let ours = match &o {
            Ok(_) => "ours built it".to_string(),
            Err(oe) => format!("ours failed too: {}", oe.summary()),
        };
        return Outcome::Uncompared {
            notes: vec![format!(
                "reference rejected it ({why}): {}; {ours}",
                re.summary()
            )],
        };
    }
    if let (Some(cap), Err(oe)) = (&case.config.missing_capability, &o)
        && oe.log.contains(cap.as_str())
    {
        return Outcome::Pass {
            notes: vec![format!(
                "the engine lacks {cap}; strata refused with an error naming it: {}",
                oe.summary()
            )],
        };
    }
    match (r, o, case.config.expect_failure) {
        (Err(re), Err(oe), true) => {
            let want = case.config.error_contains.as_deref().unwrap_or_default();
            let (rs, os) = (re.summary(), oe.summary());
            if !re.log.contains(want) {
                lines.push(format!("reference failed, but not with {want:?}: {rs}"));
            } else if !oe.log.contains(want) {
                lines.push(format!("ours failed, but not with {want:?} like the reference:\n      reference: {rs}\n      ours:      {os}"));
            } else {
                return Outcome::Pass {
                    notes: vec![format!("both builds failed as expected with {want:?}")],
                };
            }
        }
        (Ok(_), _, true) => {
            lines.push("case expects failure but the reference build succeeded".into())
        }
        (Err(re), _, false) => {
            lines.push(format!(
                "reference (built-in frontend) build failed:\n{}",
                re.detail()
            ));
        }
        (Err(_), Ok(_), true) => {
            lines.push("reference failed as expected but ours succeeded".into())
        }
        (Ok(_), Err(oe), false) => lines.push(format!(
            "ours failed, reference succeeded:\n{}",
            oe.detail()
        )),
        (Ok(ri), Ok(oi), false) => {
            let opts = Options {
                timestamps: case.config.source_date_epoch.is_some(),
            };
            let report = compare::compare(&ri, &oi, opts);
            if report.differences.is_empty() {
                return Outcome::Pass {
                    notes: report.notes.iter().map(|d| format!("note: {d}")).collect(),
                };
            }
            lines.extend(report.differences.iter().map(|d| d.to_string()));
            lines.extend(report.notes.iter().map(|d| format!("note: {d}")));
        }
    }
    Outcome::Fail { lines }
}

/// The real pipeline (build, save, read the layout, compare) reports the
/// differences between two deliberately different Dockerfiles, exactly.
#[test]
fn detects_differences_between_real_builds() {
    if !common::testbed() {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/conformance/_negative");
    let http = http::Server::start(&root).expect("http");
    let case = |name: &str| Case {
        name: format!("negative-{name}"),
        dir: root.join(name),
        config: Default::default(),
    };
    let (expected, got) = (case("expected"), case("got"));
    let run_id = format!("{:x}", std::process::id());
    let e = docker::Build::new(&expected, None, &http, &run_id, "a")
        .run()
        .unwrap_or_else(|e| panic!("{}", e.detail()));
    let g = docker::Build::new(&got, None, &http, &run_id, "b")
        .run()
        .unwrap_or_else(|e| panic!("{}", e.detail()));
    let report = compare::compare(&e, &g, Options::default());
    let found: Vec<(String, String)> = report
        .differences
        .iter()
        .map(|d| (d.place.clone(), d.field.clone()))
        .collect();
    let want = [
        ("fs:/content", "content"),
        ("fs:/link", "symlink target"),
        ("fs:/mode", "mode"),
        ("config", "Env"),
        ("history[1]", "created_by"),
        ("history[2]", "created_by"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, f)| (p.to_string(), f.to_string()))
        .collect();
    assert_eq!(found, want, "{:#?}", report.differences);
}

#[test]
fn differential() {
    if !common::testbed() {
        return;
    }
    let candidate =
        std::env::var("STRATA_FRONTEND_IMAGE").unwrap_or_else(|_| DEFAULT_FRONTEND.into());
    let reference = std::env::var("STRATA_REFERENCE_FRONTEND").unwrap_or_else(|_| "builtin".into());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/conformance");
    let filter: Vec<String> = std::env::var("STRATA_CONFORMANCE_CASES")
        .map(|s| {
            s.split(',')
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let cases: Vec<Case> = corpus::load(&root)
        .expect("read testdata/conformance")
        .into_iter()
        .filter(|c| filter.is_empty() || filter.iter().any(|f| c.name.contains(f.as_str())))
        .collect();
    assert!(
        !cases.is_empty(),
        "no conformance case selected under {}",
        root.display()
    );
    for image in [&candidate, &reference] {
        if image != "builtin" {
            docker::check_frontend_image(image);
        }
    }
    let http = http::Server::start(&root.join("_http")).expect("start the loopback HTTP server");
    let jobs: usize = std::env::var("STRATA_CONFORMANCE_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or(2)
        .max(1);
    let run_id = format!("{:x}", std::process::id());
    eprintln!(
        "conformance: {} cases, reference = {reference}, candidate = {candidate}, {jobs} at once",
        cases.len()
    );

    let next = Mutex::new(0usize);
    let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(case) = cases.get(i) else { break };
                    let started = std::time::Instant::now();
                    let outcome = run_case(case, &reference, &candidate, &http, &run_id);
                    let verdict = match outcome {
                        Outcome::Pass { .. } => "ok",
                        Outcome::Uncompared { .. } => "not comparable",
                        Outcome::Fail { .. } => "FAIL",
                    };
                    eprintln!(
                        "  {:<28} {verdict} ({:.1}s)",
                        case.name,
                        started.elapsed().as_secs_f64()
                    );
                    results.lock().unwrap().push((i, outcome));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    let (mut passed, mut uncompared, mut failed) = (0, 0, Vec::new());
    for (i, outcome) in &results {
        let case = &cases[*i];
        match outcome {
            Outcome::Pass { notes } => {
                passed += 1;
                for n in notes.iter().take(3) {
                    println!("[{}] {n}", case.name);
                }
            }
            Outcome::Uncompared { notes } => {
                uncompared += 1;
                for n in notes {
                    println!("[{}] not comparable: {n}", case.name);
                }
            }
            Outcome::Fail { lines } => {
                println!(
                    "--- {} FAILED{}",
                    case.name,
                    case.config
                        .notes
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                );
                for l in lines.iter().take(60) {
                    println!("    {l}");
                }
                if lines.len() > 60 {
                    println!("    ... and {} more", lines.len() - 60);
                }
                failed.push(case.name.clone());
            }
        }
    }
    println!(
        "{passed} passed, {} failed, {uncompared} not comparable",
        failed.len()
    );
    assert!(passed > 0, "no case was compared");
    assert!(
        failed.is_empty(),
        "conformance failures against {candidate}: {}",
        failed.join(", ")
    );
}
