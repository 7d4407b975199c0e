//! Very long Dockerfiles through the whole pure pipeline (parse, plan, every
//! pass, lower, marshal, render, drop) on a thread with a 2 MiB stack, the
//! size tokio and the test harness give their threads. A walk that recurses
//! once per instruction or per stage overflows long before 20,000.

use strata::frontend::{PassInput, convert_with_passes};
use strata::llb::render;
use strata::plan::passes::{ContextFiles, PassOptions};
use strata::plan::{BuildOptions, NoImageConfigs};

const DEPTH: usize = 20_000;

/// Run the pipeline the way `strata llb` does, on a small stack; returns the
/// number of ops in the definition.
fn convert_on_small_stack(dockerfile: String) -> usize {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let options = PassOptions::default();
            let read = |_wanted: Vec<String>| ContextFiles::default();
            let (converted, _) = convert_with_passes(
                &dockerfile,
                "Dockerfile",
                &BuildOptions::default(),
                &NoImageConfigs,
                Some(PassInput {
                    options: &options,
                    read_files: &read,
                    cache_namespace: "",
                }),
            )
            .expect("converts");
            let ops = converted.definition.definition.def.len();
            assert!(!converted.definition.to_bytes().is_empty());
            assert!(render::to_json(&converted.definition).is_array());
            assert!(render::to_dot(&converted.definition).starts_with("digraph"));
            // Dropping the plan and the LLB graph happens here, on this stack.
            drop(converted);
            ops
        })
        .expect("spawn")
        .join()
        .expect("the pipeline finished without overflowing the stack")
}

#[test]
fn twenty_thousand_runs_in_one_stage() {
    let mut df = String::from("FROM busybox\n");
    for i in 0..DEPTH {
        df.push_str(&format!("RUN echo {i}\n"));
    }
    // Image, one exec per RUN, the terminal op.
    assert_eq!(convert_on_small_stack(df), DEPTH + 2);
}

#[test]
fn twenty_thousand_mixed_instructions_in_one_stage() {
    let mut df = String::from("FROM busybox\n");
    for i in 0..DEPTH {
        df.push_str(&match i % 4 {
            0 => format!("ENV V{i}={i}\n"),
            1 => format!("COPY f{i} /f{i}\n"),
            2 => format!("WORKDIR /w{i}\n"),
            _ => format!("COPY --link f{i} /l{i}\n"),
        });
    }
    assert!(convert_on_small_stack(df) > DEPTH / 2);
}

#[test]
fn stages_each_copying_from_the_previous() {
    let mut df = String::from("FROM busybox AS s0\nRUN echo 0 > /x\n");
    for i in 1..DEPTH {
        df.push_str(&format!(
            "FROM busybox AS s{i}\nCOPY --from=s{} /x /x\n",
            i - 1
        ));
    }
    assert!(convert_on_small_stack(df) > DEPTH);
}

#[test]
fn stages_each_mounting_the_previous() {
    let mut df = String::from("FROM busybox AS s0\n");
    for i in 1..DEPTH {
        df.push_str(&format!(
            "FROM busybox AS s{i}\nRUN --mount=from=s{},target=/m true\n",
            i - 1
        ));
    }
    assert!(convert_on_small_stack(df) > DEPTH);
}

/// Each stage based on the previous one carries its whole image config
/// (history, env), so the work grows with the square of the depth, as it
/// does upstream; a shallower chain still overflows a recursive walk.
#[test]
fn stages_each_based_on_the_previous() {
    let mut df = String::from("FROM busybox AS s0\n");
    for i in 1..2_000 {
        df.push_str(&format!("FROM s{} AS s{i}\nRUN true\n", i - 1));
    }
    assert!(convert_on_small_stack(df) > 2_000);
}

#[test]
fn a_cycle_between_stages_is_named() {
    let df = "FROM busybox AS a\nCOPY --from=c /x /x\nFROM a AS b\nFROM b AS c\n";
    let err =
        strata::frontend::convert(df, "Dockerfile", &BuildOptions::default(), &NoImageConfigs)
            .expect_err("a cycle");
    let text = format!("{err:?}");
    assert!(
        text.contains("circular dependency detected on stage"),
        "{text}"
    );
    assert!(text.contains("a -> c -> b -> a"), "{text}");
}
