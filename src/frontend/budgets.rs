//! Build budgets on the `# syntax=` path (`docker build`, `buildctl`): the
//! same `strata.toml` and `# strata-budget:` settings `strata build` reads,
//! checked with what the frontend itself can know.
//!
//! - `max-layers`: from the plan, before anything runs — the bottom base
//!   image's layers plus one per filesystem step along the target's chain
//!   of stages (BuildKit keeps a layer for every such step, even an empty
//!   one).
//! - `max-context-size`: the bytes of the context load the build solved
//!   (after `.dockerignore`), listed through the engine.
//! - `max-build-time`: from the frontend's start until the build's result
//!   is solved (the main solve is then evaluated by the frontend instead of
//!   lazily by the exporter); the export itself is not counted.
//! - `max-image-size`, `max-wasted-bytes`: not checkable here (the image is
//!   made by the exporter after the frontend returns): a warning says so.
//!
//! `strata build` checks every budget on the exported image and sends
//! `strata-budgets=client`, so the frontend leaves them to it.

use futures_util::StreamExt;

use super::bridge::{Bridge, BridgeCaps, BridgeError, READ_DIR_CAP};
use super::build::FrontendError;
use crate::hygiene::budget;
pub use crate::hygiene::budget::{Budgets, BuildFigures};
use crate::plan::{Base, BuildPlan, Step};

/// The budgets for this build: `strata.toml` beside the Dockerfile (its
/// `[budget]`, then the target's table), then the `# strata-budget:`
/// directive; empty when the client checks them itself.
pub(super) fn settings(
    by_client: bool,
    text: &str,
    config: Option<&[u8]>,
    config_name: &str,
    target: Option<&str>,
) -> Result<Budgets, FrontendError> {
    if by_client {
        return Ok(Budgets::default());
    }
    let bad = |e: budget::BudgetError| FrontendError::Settings(format!("budget: {e}"));
    let mut budgets = match config {
        Some(bytes) => {
            let text = std::str::from_utf8(bytes).map_err(|_| {
                FrontendError::Settings(format!("budget: {config_name} is not valid UTF-8"))
            })?;
            Budgets::from_config(text, target, config_name).map_err(bad)?
        }
        None => Budgets::default(),
    };
    budgets.override_with(&Budgets::from_directive(text).map_err(bad)?);
    Ok(budgets)
}

/// Where `strata.toml` is looked for: beside the Dockerfile.
pub(super) fn config_path(dockerfile: &str) -> String {
    match dockerfile.rsplit_once('/') {
        Some((dir, _)) if !dir.is_empty() => format!("{dir}/{}", budget::CONFIG_FILE),
        _ => budget::CONFIG_FILE.to_string(),
    }
}

/// The image's layers as planned: the base image's and each step's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedLayers {
    /// Layers of the image at the bottom of the target's chain of stages.
    pub base: u64,
    /// The steps that add a layer, first to last.
    pub steps: Vec<(u32, String)>,
}

impl PlannedLayers {
    pub fn total(&self) -> u64 {
        self.base + self.steps.len() as u64
    }
}

/// The target's layers from the plan; `None` when its chain starts from a
/// named context that is not an image (its layers are known only once
/// solved).
pub fn planned_layers(plan: &BuildPlan) -> Option<PlannedLayers> {
    let mut chain: Vec<&[Step]> = Vec::new();
    let mut stage = &plan.stages[plan.target];
    // A stage's base is an earlier stage: the walk ends within stages.len() steps.
    for _ in 0..=plan.stages.len() {
        chain.push(&stage.steps);
        match &stage.base {
            Base::Stage(id) => stage = &plan.stages[*id],
            Base::Scratch | Base::Image { .. } => {
                let steps = chain
                    .iter()
                    .rev()
                    .flat_map(|steps| steps.iter())
                    .map(|s| (s.span.start.line, s.command.clone()))
                    .collect();
                return Some(PlannedLayers {
                    // The final config carries the bottom image's rootfs.
                    base: plan.image.rootfs.diff_ids.len() as u64,
                    steps,
                });
            }
            Base::Context(_) => return None,
        }
    }
    None
}

/// The message for a planned layer count over the budget: the figures,
/// then the Dockerfile lines that add layers.
pub fn layers_exceeded(
    budgets: &Budgets,
    layers: &PlannedLayers,
    platform: &str,
    dockerfile: &str,
) -> Option<String> {
    let figures = BuildFigures {
        layers: Some(layers.total()),
        ..Default::default()
    };
    let only_layers = Budgets {
        max_layers: budgets.max_layers,
        ..Default::default()
    };
    let check = budget::check(&only_layers, &figures, "");
    let exceeded = check.exceeded.first()?;
    let mut out = format!(
        "budget {} exceeded{}: {} layers planned (limit {}): {} from the base image, {} from the Dockerfile",
        exceeded.budget,
        if platform.is_empty() {
            String::new()
        } else {
            format!(" for {platform}")
        },
        exceeded.value,
        exceeded.limit,
        layers.base,
        layers.steps.len()
    );
    for (line, command) in &layers.steps {
        let command: String = command.chars().take(80).collect();
        out.push_str(&format!("\n  {dockerfile}:{line} {command}"));
    }
    Some(out)
}

/// The message for a context or build time over its budget.
pub(super) fn exceeded_after_solve(budgets: &Budgets, figures: &BuildFigures) -> Option<String> {
    let check = budget::check(
        &Budgets {
            max_context_size: budgets.max_context_size,
            max_build_time: budgets.max_build_time,
            ..Default::default()
        },
        figures,
        "",
    );
    if check.exceeded.is_empty() {
        return None;
    }
    Some(
        check
            .exceeded
            .iter()
            .map(|e| {
                format!(
                    "budget {} exceeded: {} (limit {})",
                    e.budget, e.value, e.limit
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// The budgets set that this path cannot check, each with why.
pub(super) fn unchecked(budgets: &Budgets, engine: &BridgeCaps) -> Vec<String> {
    const AFTER_EXPORT: &str = "the image is made by the exporter after the frontend returns; `strata build` or `strata inspect --layers` checks it";
    let mut out = Vec::new();
    if budgets.max_image_size.is_some() {
        out.push(format!(
            "max-image-size is not checked by the frontend: {AFTER_EXPORT}"
        ));
    }
    if budgets.max_wasted_bytes.is_some() {
        out.push(format!(
            "max-wasted-bytes is not checked by the frontend: {AFTER_EXPORT}"
        ));
    }
    if budgets.max_context_size.is_some() && !can_list(engine) {
        out.push(format!(
            "max-context-size is not checked: this engine cannot list directories for the frontend ({READ_DIR_CAP})"
        ));
    }
    out
}

/// Whether the engine lists directories for the frontend (sizes included).
pub(super) fn can_list(engine: &BridgeCaps) -> bool {
    engine.frontend.contains(READ_DIR_CAP)
}

/// How many directory listings the context walk keeps in flight.
const CONCURRENT_LISTINGS: usize = 16;

/// The bytes of regular files in a solved ref, every directory listed
/// through the engine (names and sizes only; no file is read).
pub(super) async fn tree_bytes<B: Bridge>(
    bridge: &B,
    reference: &str,
) -> Result<u64, FrontendError> {
    let mut total = 0u64;
    let mut pending = vec![String::new()];
    while !pending.is_empty() {
        let batch: Vec<String> = std::mem::take(&mut pending);
        let mut listings = futures_util::stream::iter(batch.into_iter().map(|dir| async move {
            let entries = bridge.read_dir(reference, &dir).await;
            (dir, entries)
        }))
        .buffer_unordered(CONCURRENT_LISTINGS);
        while let Some((dir, entries)) = listings.next().await {
            let entries = match entries {
                Ok(entries) => entries,
                // The root of an empty load, or a directory gone: no bytes.
                Err(BridgeError::NotFound(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            for entry in entries {
                if entry.dir {
                    pending.push(if dir.is_empty() {
                        entry.name
                    } else {
                        format!("{dir}/{}", entry.name)
                    });
                } else {
                    total += entry.size;
                }
            }
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::convert;
    use crate::plan::image::ImageConfig;
    use crate::plan::{BuildOptions, ImageLookup, ImageRequest, ImageResolver, ResolvedImage};
    use std::time::Duration;

    /// Every image has two layers.
    struct TwoLayers;

    impl ImageResolver for TwoLayers {
        fn lookup(&self, r: &ImageRequest) -> ImageLookup {
            let mut config = ImageConfig::default();
            config.rootfs.diff_ids = vec!["sha256:a".into(), "sha256:b".into()];
            ImageLookup::Found(ResolvedImage {
                reference: r.reference.clone(),
                digest: None,
                config,
            })
        }
    }

    fn plan_of(dockerfile: &str, target: Option<&str>) -> BuildPlan {
        let opts = BuildOptions {
            target: target.map(str::to_string),
            ..Default::default()
        };
        convert(dockerfile, "Dockerfile", &opts, &TwoLayers)
            .expect("converts")
            .plan
    }

    #[test]
    fn layers_are_the_base_image_and_each_step_along_the_stage_chain() {
        let text = "FROM busybox:latest AS base\nRUN a\nENV X=1\nFROM base AS app\nWORKDIR /app\nCOPY . .\nLABEL x=y\nFROM scratch AS other\nCOPY --from=app /app /\n";
        // The last stage (other) starts from scratch: one COPY.
        let layers = planned_layers(&plan_of(text, None)).unwrap();
        assert_eq!(layers.base, 0);
        assert_eq!(
            layers.steps,
            vec![(9, "COPY --from=app /app /".to_string())]
        );

        let layers = planned_layers(&plan_of(text, Some("app"))).unwrap();
        assert_eq!(layers.base, 2);
        let lines: Vec<u32> = layers.steps.iter().map(|s| s.0).collect();
        assert_eq!(lines, vec![2, 5, 6], "RUN, WORKDIR, COPY; not ENV or LABEL");
        assert_eq!(layers.total(), 5);
    }

    #[test]
    fn the_message_names_the_limit_the_figure_and_the_lines() {
        let layers = PlannedLayers {
            base: 2,
            steps: vec![(3, "RUN make".into()), (4, "COPY . .".into())],
        };
        let limit = |n| Budgets {
            max_layers: Some(n),
            ..Default::default()
        };
        assert_eq!(layers_exceeded(&limit(4), &layers, "", "Dockerfile"), None);
        let msg = layers_exceeded(&limit(3), &layers, "linux/arm64", "Dockerfile").unwrap();
        assert!(
            msg.starts_with("budget max-layers exceeded for linux/arm64: 4 layers planned (limit 3): 2 from the base image, 2 from the Dockerfile"),
            "{msg}"
        );
        assert!(
            msg.contains("\n  Dockerfile:3 RUN make\n  Dockerfile:4 COPY . ."),
            "{msg}"
        );
    }

    #[test]
    fn settings_come_from_the_file_then_the_directive_unless_the_client_checks() {
        let file = b"[budget]\nmax-layers = 30\nmax-context-size = \"1MB\"\n";
        let text = "# strata-budget: max-layers=5\nFROM busybox:latest\n";
        let b = settings(false, text, Some(file), "strata.toml", None).unwrap();
        assert_eq!(b.max_layers, Some(5));
        assert_eq!(b.max_context_size, Some(1 << 20));
        assert!(
            settings(true, text, Some(file), "strata.toml", None)
                .unwrap()
                .is_empty()
        );
        let e = settings(false, "# strata-budget: max-layers=many\n", None, "x", None).unwrap_err();
        assert!(e.to_string().contains("max-layers"), "{e}");
        assert_eq!(config_path("Dockerfile"), "strata.toml");
        assert_eq!(config_path("sub/dir/Dockerfile"), "sub/dir/strata.toml");
    }

    #[test]
    fn context_and_time_over_budget_are_named() {
        let b = Budgets {
            max_context_size: Some(1000),
            max_build_time: Some(Duration::from_secs(60)),
            ..Default::default()
        };
        let figures = |bytes, secs| BuildFigures {
            context_size: Some(bytes),
            build_time: Some(Duration::from_secs(secs)),
            ..Default::default()
        };
        assert_eq!(exceeded_after_solve(&b, &figures(1000, 59)), None);
        let msg = exceeded_after_solve(&b, &figures(2048, 61)).unwrap();
        assert!(
            msg.contains("budget max-context-size exceeded: 2.05kB"),
            "{msg}"
        );
        assert!(
            msg.contains("budget max-build-time exceeded: 61.0s (limit 60s)"),
            "{msg}"
        );
    }
}
