//! Build budgets: limits on the image size, the context size, the layer
//! count, the build time and the bytes wasted in layers. Set per project in
//! `strata.toml` beside the Dockerfile (with per-target values), by a
//! `# strata-budget:` comment among the Dockerfile's leading comments, and
//! by `--max-*` flags, each later source overriding the earlier.
//!
//! ```toml
//! [budget]
//! max-image-size = "500MB"
//! max-layers = 30
//!
//! [target.release.budget]
//! max-image-size = "200MB"
//! ```
//!
//! Pure: the caller reads the file and gathers the build's figures.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::size::{human_bytes, parse_bytes};

/// The file name looked for beside the Dockerfile.
pub const CONFIG_FILE: &str = "strata.toml";
/// The Dockerfile comment that sets budgets.
pub const DIRECTIVE: &str = "strata-budget:";

/// Limits; `None` is no limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Budgets {
    pub max_image_size: Option<u64>,
    pub max_context_size: Option<u64>,
    pub max_layers: Option<u64>,
    pub max_build_time: Option<Duration>,
    pub max_wasted_bytes: Option<u64>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BudgetError {
    #[error("{source_name}: {key}: {reason}")]
    Value {
        source_name: String,
        key: String,
        reason: String,
    },
    #[error("{source_name}: {reason}")]
    File { source_name: String, reason: String },
}

impl Budgets {
    pub fn is_empty(&self) -> bool {
        *self == Budgets::default()
    }

    /// Set one limit from its name (`max-image-size`) and text value.
    pub fn set(&mut self, key: &str, value: &str, source_name: &str) -> Result<(), BudgetError> {
        let bad = |reason: String| BudgetError::Value {
            source_name: source_name.into(),
            key: key.into(),
            reason,
        };
        match key {
            "max-image-size" => self.max_image_size = Some(parse_bytes(value).map_err(bad)?),
            "max-context-size" => self.max_context_size = Some(parse_bytes(value).map_err(bad)?),
            "max-wasted-bytes" => self.max_wasted_bytes = Some(parse_bytes(value).map_err(bad)?),
            "max-layers" => {
                self.max_layers = Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| bad(format!("{value:?} is not a whole number")))?,
                )
            }
            "max-build-time" => {
                let ns = crate::plan::duration::parse_with_days(value.trim())
                    .map_err(|e| bad(format!("{e} (expected e.g. 90s, 10m, 1h)")))?;
                self.max_build_time = Some(Duration::from_nanos(ns.unsigned_abs()));
            }
            _ => {
                return Err(bad(
                    "unknown budget; known: max-image-size, max-context-size, max-layers, max-build-time, max-wasted-bytes"
                        .into(),
                ));
            }
        }
        Ok(())
    }

    /// `other`'s limits replace these where set.
    pub fn override_with(&mut self, other: &Budgets) {
        macro_rules! take {
            ($($f:ident),*) => { $( if other.$f.is_some() { self.$f = other.$f; } )* };
        }
        take!(
            max_image_size,
            max_context_size,
            max_layers,
            max_build_time,
            max_wasted_bytes
        );
    }

    /// From `strata.toml`'s text: `[budget]`, then `[target.NAME.budget]`
    /// for the build's target (the last stage when `target` is `None`).
    pub fn from_config(
        text: &str,
        target: Option<&str>,
        source_name: &str,
    ) -> Result<Budgets, BudgetError> {
        // Other tables of strata.toml are not ours to judge; the budget
        // tables are checked key by key.
        #[derive(Deserialize, Default)]
        struct Target {
            #[serde(default)]
            budget: BTreeMap<String, toml::Value>,
        }
        #[derive(Deserialize)]
        struct File {
            #[serde(default)]
            budget: BTreeMap<String, toml::Value>,
            #[serde(default)]
            target: BTreeMap<String, Target>,
        }
        let file: File = toml::from_str(text).map_err(|e| BudgetError::File {
            source_name: source_name.into(),
            reason: e.to_string(),
        })?;
        let mut out = Budgets::default();
        let mut apply = |table: &BTreeMap<String, toml::Value>| -> Result<(), BudgetError> {
            for (k, v) in table {
                let text = match v {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    other => {
                        return Err(BudgetError::Value {
                            source_name: source_name.into(),
                            key: k.clone(),
                            reason: format!(
                                "expected a string or a number, found {}",
                                other.type_str()
                            ),
                        });
                    }
                };
                out.set(k, &text, source_name)?;
            }
            Ok(())
        };
        apply(&file.budget)?;
        if let Some(t) = target.and_then(|t| file.target.get(&t.to_ascii_lowercase())) {
            apply(&t.budget)?;
        }
        Ok(out)
    }

    /// From `# strata-budget: max-layers=20, max-image-size=300MB` among
    /// the Dockerfile's leading comment lines.
    pub fn from_directive(dockerfile: &str) -> Result<Budgets, BudgetError> {
        let mut out = Budgets::default();
        for line in dockerfile.lines() {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            let Some(comment) = t.strip_prefix('#') else {
                break;
            };
            let Some(body) = comment.trim_start().strip_prefix(DIRECTIVE) else {
                continue;
            };
            for part in body.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let (k, v) = part.split_once('=').ok_or_else(|| BudgetError::Value {
                    source_name: format!("# {DIRECTIVE}"),
                    key: part.into(),
                    reason: "expected KEY=VALUE".into(),
                })?;
                out.set(k.trim(), v.trim(), &format!("# {DIRECTIVE}"))?;
            }
        }
        Ok(out)
    }
}

/// The build's figures; `None` where they could not be measured.
#[derive(Debug, Clone, Default)]
pub struct BuildFigures {
    pub image_size: Option<u64>,
    pub context_size: Option<u64>,
    pub layers: Option<u64>,
    pub build_time: Option<Duration>,
    pub wasted_bytes: Option<u64>,
}

/// One budget exceeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exceeded {
    /// The flag / key name (`max-image-size`).
    pub budget: &'static str,
    pub limit: String,
    pub value: String,
}

/// The check's outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BudgetCheck {
    pub exceeded: Vec<Exceeded>,
    /// Budgets set but not measurable for this build, with why.
    pub unchecked: Vec<(&'static str, String)>,
}

/// Compare figures with limits. `why_missing` says why a figure is absent.
pub fn check(budgets: &Budgets, figures: &BuildFigures, why_missing: &str) -> BudgetCheck {
    let mut out = BudgetCheck::default();
    let mut bytes =
        |name: &'static str, limit: Option<u64>, value: Option<u64>| match (limit, value) {
            (Some(l), Some(v)) if v > l => out.exceeded.push(Exceeded {
                budget: name,
                limit: human_bytes(l),
                value: human_bytes(v),
            }),
            (Some(_), None) => out.unchecked.push((name, why_missing.to_string())),
            _ => {}
        };
    bytes("max-image-size", budgets.max_image_size, figures.image_size);
    bytes(
        "max-context-size",
        budgets.max_context_size,
        figures.context_size,
    );
    bytes(
        "max-wasted-bytes",
        budgets.max_wasted_bytes,
        figures.wasted_bytes,
    );
    match (budgets.max_layers, figures.layers) {
        (Some(l), Some(v)) if v > l => out.exceeded.push(Exceeded {
            budget: "max-layers",
            limit: l.to_string(),
            value: v.to_string(),
        }),
        (Some(_), None) => out.unchecked.push(("max-layers", why_missing.to_string())),
        _ => {}
    }
    match (budgets.max_build_time, figures.build_time) {
        (Some(l), Some(v)) if v > l => out.exceeded.push(Exceeded {
            budget: "max-build-time",
            limit: format!("{:.0?}", l),
            value: format!("{:.1?}", v),
        }),
        (Some(_), None) => out
            .unchecked
            .push(("max-build-time", why_missing.to_string())),
        _ => {}
    }
    out
}

/// A layer for the message: its size and the step that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlameLayer {
    pub size: u64,
    pub created_by: String,
    pub line: Option<u32>,
}

/// The message for exceeded budgets: each budget, its limit and the value,
/// then the biggest layers with the Dockerfile line that made each.
pub fn render(check: &BudgetCheck, layers: &[BlameLayer], dockerfile: &str) -> String {
    let mut out = String::new();
    for e in &check.exceeded {
        out.push_str(&format!(
            "error: budget {} exceeded: {} (limit {})\n",
            e.budget, e.value, e.limit
        ));
    }
    let mut biggest: Vec<&BlameLayer> = layers.iter().collect();
    biggest.sort_by_key(|l| std::cmp::Reverse(l.size));
    if !biggest.is_empty() {
        out.push_str("biggest layers:\n");
    }
    for l in biggest.iter().take(5) {
        let at = match l.line {
            Some(n) => format!("{dockerfile}:{n}"),
            None => "base image or generated".into(),
        };
        let by: String = l.created_by.chars().take(80).collect();
        out.push_str(&format!("  {:>10}  {at:<24} {by}\n", human_bytes(l.size)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_override_in_order() {
        let file = r#"
[budget]
max-image-size = "500MB"
max-layers = 30

[target.release.budget]
max-image-size = "200MB"
"#;
        let mut b = Budgets::from_config(file, Some("release"), "strata.toml").unwrap();
        assert_eq!(b.max_image_size, Some(200 << 20));
        assert_eq!(b.max_layers, Some(30));
        let d = Budgets::from_directive("# syntax=x\n# strata-budget: max-layers=5, max-build-time=90s\nFROM a\n# strata-budget: max-layers=1\n").unwrap();
        assert_eq!(d.max_layers, Some(5), "only leading comments count");
        b.override_with(&d);
        assert_eq!(b.max_layers, Some(5));
        assert_eq!(b.max_build_time, Some(Duration::from_secs(90)));
        assert_eq!(b.max_image_size, Some(200 << 20));
    }

    #[test]
    fn bad_values_are_named() {
        let e = Budgets::from_config("[budget]\nmax-image-size = \"huge\"\n", None, "strata.toml")
            .unwrap_err();
        assert!(e.to_string().contains("max-image-size"), "{e}");
        assert!(Budgets::from_config("[budget]\nmax-size = 1\n", None, "strata.toml").is_err());
        assert!(Budgets::from_config("[other]\nx = 1\n", None, "strata.toml").is_ok());
        assert!(Budgets::from_directive("# strata-budget: max-speed=1\n").is_err());
    }

    #[test]
    fn checks_exceeded_and_unmeasured() {
        let b = Budgets {
            max_image_size: Some(100),
            max_layers: Some(3),
            max_wasted_bytes: Some(10),
            ..Default::default()
        };
        let f = BuildFigures {
            image_size: Some(150),
            layers: Some(3),
            ..Default::default()
        };
        let c = check(&b, &f, "no image");
        assert_eq!(c.exceeded.len(), 1);
        assert_eq!(c.exceeded[0].budget, "max-image-size");
        assert_eq!(
            c.unchecked,
            vec![("max-wasted-bytes", "no image".to_string())]
        );
        let msg = render(
            &c,
            &[BlameLayer {
                size: 120,
                created_by: "RUN make".into(),
                line: Some(4),
            }],
            "Dockerfile",
        );
        assert!(
            msg.contains("max-image-size exceeded: 150B (limit 100B)"),
            "{msg}"
        );
        assert!(msg.contains("Dockerfile:4"), "{msg}");
    }
}
