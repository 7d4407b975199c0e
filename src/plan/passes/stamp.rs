//! Build stamping: OCI labels on the final image config (never a layer's
//! cache key), and optionally a build-info JSON file written as one extra,
//! final layer of the target stage.
//!
//! Everything stamped comes in through [`StampFacts`]: the caller reads the
//! clock, git and the context; this pass only writes what it is given.

use std::collections::BTreeMap;

use super::Explanation;
use crate::plan::image::History;
use crate::plan::{BuildPlan, CopySource, CopyStep, Step, StepOp};

/// Label keys strata writes.
pub const LABEL_CREATED: &str = "org.opencontainers.image.created";
pub const LABEL_REVISION: &str = "org.opencontainers.image.revision";
pub const LABEL_SOURCE: &str = "org.opencontainers.image.source";
pub const LABEL_VERSION: &str = "org.opencontainers.image.version";
pub const LABEL_DOCKERFILE_DIGEST: &str = "dev.strata.dockerfile.digest";
pub const LABEL_CONTEXT_DIGEST: &str = "dev.strata.context.digest";
pub const LABEL_FRONTEND_VERSION: &str = "dev.strata.frontend.version";
pub const LABEL_TARGET: &str = "dev.strata.target";
pub const LABEL_DIRTY: &str = "dev.strata.vcs.dirty";
pub const LABEL_BRANCH: &str = "dev.strata.vcs.branch";
pub const LABEL_BUILD_INFO: &str = "dev.strata.build-info";

/// The comment on the build-info layer's history entry.
pub const BUILD_INFO_COMMENT: &str = "strata build-info stamp";

/// Facts about a build, gathered at the edges (CLI, frontend options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StampFacts {
    /// RFC 3339 creation time (from SOURCE_DATE_EPOCH, BUILD_DATE or the clock).
    pub created: Option<String>,
    pub revision: Option<String>,
    /// Whether the working tree had uncommitted changes.
    pub dirty: Option<bool>,
    pub branch: Option<String>,
    pub source: Option<String>,
    pub version: Option<String>,
    /// `sha256:…` of the Dockerfile text.
    pub dockerfile_digest: Option<String>,
    /// `sha256:…` over the files sent as the context (see `context_digest`).
    pub context_digest: Option<String>,
    /// Per-file `sha256:…` of the context, when the client sent the list.
    pub context_files: BTreeMap<String, String>,
    /// The stage built (`--target`), or empty for the last stage.
    pub target: Option<String>,
    pub frontend_version: String,
}

/// Why stamping refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StampError {
    #[error("build-info path {0:?} must be absolute (like /app/build-info.json)")]
    NotAbsolute(String),
    #[error(
        "build-info path {path:?} is a directory in this build ({why}); pick a file path such as {path}/build-info.json"
    )]
    IsDirectory { path: String, why: String },
}

impl StampFacts {
    /// The labels these facts give (only the known ones).
    pub fn labels(&self) -> BTreeMap<String, String> {
        let mut l = BTreeMap::new();
        let mut put = |k: &str, v: &Option<String>| {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                l.insert(k.to_string(), v.clone());
            }
        };
        put(LABEL_CREATED, &self.created);
        put(LABEL_REVISION, &self.revision);
        put(LABEL_SOURCE, &self.source);
        put(LABEL_VERSION, &self.version);
        put(LABEL_DOCKERFILE_DIGEST, &self.dockerfile_digest);
        put(LABEL_CONTEXT_DIGEST, &self.context_digest);
        put(LABEL_BRANCH, &self.branch);
        put(
            LABEL_TARGET,
            &Some(self.target.clone().unwrap_or_default()).filter(|t| !t.is_empty()),
        );
        put(LABEL_FRONTEND_VERSION, &Some(self.frontend_version.clone()));
        if let Some(d) = self.dirty {
            l.insert(LABEL_DIRTY.to_string(), d.to_string());
        }
        l
    }

    /// The build-info file: the same facts as JSON (keys sorted), plus the
    /// per-file context hashes when known (for `strata verify`).
    pub fn build_info_json(&self) -> Vec<u8> {
        let mut v = serde_json::Map::new();
        for (k, val) in self.labels() {
            v.insert(k, serde_json::Value::String(val));
        }
        if !self.context_files.is_empty() {
            let files: serde_json::Map<String, serde_json::Value> = self
                .context_files
                .iter()
                .map(|(p, h)| (p.clone(), serde_json::Value::String(h.clone())))
                .collect();
            v.insert(
                "dev.strata.context.files".into(),
                serde_json::Value::Object(files),
            );
        }
        let mut out = serde_json::to_vec_pretty(&serde_json::Value::Object(v)).unwrap_or_default();
        out.push(b'\n');
        out
    }
}

/// Drop `user:password@` from a remote URL: never stamp credentials.
pub fn strip_credentials(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('/') {
            Some((host, path)) => format!(
                "{scheme}://{}/{path}",
                host.rsplit('@').next().unwrap_or(host)
            ),
            None => format!("{scheme}://{}", rest.rsplit('@').next().unwrap_or(rest)),
        },
        None => url.to_string(),
    }
}

/// Why `path` is a directory somewhere in the plan's reachable stages.
fn directory_use(plan: &BuildPlan, path: &str) -> Option<String> {
    let inside = |d: &str| {
        let d = d.trim_end_matches('/');
        d == path || d.starts_with(&format!("{path}/"))
    };
    for stage in plan.stages.iter().filter(|s| s.reachable) {
        for step in &stage.steps {
            match &step.op {
                StepOp::Mkdir { path: p, .. } if inside(p) => {
                    return Some(format!("WORKDIR {p} at line {}", step.span.start.line));
                }
                StepOp::Copy(c)
                    if (c.dest.ends_with('/') || c.sources.len() > 1) && inside(&c.dest) =>
                {
                    return Some(format!(
                        "copy destination directory {} at line {}",
                        c.dest, step.span.start.line
                    ));
                }
                StepOp::Copy(c) if c.dest.trim_end_matches('/') != path && inside(&c.dest) => {
                    return Some(format!(
                        "{} is copied below it at line {}",
                        c.dest, step.span.start.line
                    ));
                }
                _ => {}
            }
        }
    }
    let wd = &plan.image.config.working_dir;
    if !wd.is_empty() && inside(wd) {
        return Some(format!("the image's working directory {wd}"));
    }
    None
}

/// Stamp the final image config; with `build_info`, add the JSON file as a
/// final layer of the target stage.
pub fn apply(
    plan: &mut BuildPlan,
    facts: &StampFacts,
    build_info: Option<&str>,
    explain: &mut Explanation,
) -> Result<(), StampError> {
    let labels = facts.labels();
    let target_name = plan.stages[plan.target].name.clone();
    if let Some(created) = &facts.created {
        plan.image.created = Some(created.clone());
    }
    let mut info_labels = labels.clone();
    if let Some(path) = build_info {
        if !path.starts_with('/') {
            return Err(StampError::NotAbsolute(path.to_string()));
        }
        let path = path.trim_end_matches('/').to_string();
        if path.is_empty() {
            return Err(StampError::IsDirectory {
                path: "/".into(),
                why: "the root directory".into(),
            });
        }
        if let Some(why) = directory_use(plan, &path) {
            return Err(StampError::IsDirectory { path, why });
        }
        let name = path
            .rsplit('/')
            .next()
            .unwrap_or("build-info.json")
            .to_string();
        let stage = &mut plan.stages[plan.target];
        let span = stage
            .steps
            .last()
            .map(|s| s.span)
            .or(stage.span)
            .unwrap_or_default();
        let prefix = if stage.name.is_empty() {
            String::new()
        } else {
            format!("{} ", stage.name)
        };
        let command = format!("COPY {name} {path}");
        stage.steps.push(Step {
            op: StepOp::Copy(CopyStep {
                sources: vec![CopySource::Inline {
                    name: name.clone(),
                    data: facts.build_info_json(),
                }],
                dest: path.clone(),
                owner: None,
                mode: None,
                link: false,
                exclude: Vec::new(),
                timestamp: plan.source_date_epoch.map(|e| e * 1_000_000_000),
            }),
            name: format!("[{prefix}strata stamp] {command}"),
            command: command.clone(),
            span,
            ignore_cache: false,
            platform: stage.platform.clone(),
        });
        plan.image.history.push(History {
            created: facts.created.clone(),
            created_by: format!("{command} # strata build-info"),
            comment: BUILD_INFO_COMMENT.into(),
            empty_layer: false,
            ..Default::default()
        });
        info_labels.insert(LABEL_BUILD_INFO.to_string(), path.clone());
        explain.add(
            "stamp",
            &target_name,
            None,
            format!("build-info file {path} as a final layer"),
            "the same facts as the labels, as JSON; only this last layer changes when they change",
        );
    }
    plan.image.merge_labels(&info_labels);
    explain.add(
        "stamp",
        &target_name,
        None,
        format!(
            "labels {}",
            info_labels.keys().cloned().collect::<Vec<_>>().join(", ")
        ),
        "image config only: labels are not part of any step's cache key",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::{LowerOptions, lower};
    use crate::llb::definition::marshal;
    use crate::plan::{BuildOptions, NoImageConfigs};

    fn plan_of(text: &str) -> BuildPlan {
        let df = crate::dockerfile::parse(text).expect("parses");
        crate::plan::plan(&df, &BuildOptions::default(), &NoImageConfigs).expect("plans")
    }

    fn facts() -> StampFacts {
        StampFacts {
            created: Some("2023-11-14T22:13:20Z".into()),
            revision: Some("abc123".into()),
            dirty: Some(false),
            source: Some("https://example.com/r.git".into()),
            dockerfile_digest: Some("sha256:00".into()),
            context_digest: Some("sha256:11".into()),
            frontend_version: "0.1.0".into(),
            ..Default::default()
        }
    }

    /// Digests of every op in the lowered definition.
    fn op_digests(plan: &BuildPlan) -> Vec<String> {
        let root = lower(
            plan,
            &LowerOptions {
                resolve_mode: Default::default(),
                merge_op: true,
                ..Default::default()
            },
        );
        let m = marshal(&root, None);
        m.definition
            .def
            .iter()
            .map(|b| {
                use sha2::Digest;
                hex::encode(sha2::Sha256::digest(b))
            })
            .collect()
    }

    const DF: &str = "FROM alpine AS build\nWORKDIR /src\nRUN echo hi > /x\nFROM alpine\nCOPY --from=build /x /app/x\nRUN cat /app/x\n";

    #[test]
    fn labels_only_change_no_op() {
        let plain = plan_of(DF);
        let mut stamped = plan_of(DF);
        let mut ex = Explanation::default();
        apply(&mut stamped, &facts(), None, &mut ex).expect("stamps");
        let labels = stamped.image.config.labels.clone().expect("labels");
        assert_eq!(labels[LABEL_REVISION], "abc123");
        assert_eq!(labels[LABEL_CREATED], "2023-11-14T22:13:20Z");
        assert_eq!(labels[LABEL_CONTEXT_DIGEST], "sha256:11");
        assert_eq!(labels[LABEL_FRONTEND_VERSION], "0.1.0");
        assert!(
            !labels.contains_key(LABEL_VERSION),
            "unknown version is not stamped"
        );
        assert_eq!(
            stamped.image.created.as_deref(),
            Some("2023-11-14T22:13:20Z")
        );
        assert_eq!(
            op_digests(&plain),
            op_digests(&stamped),
            "labels change no LLB op"
        );
    }

    #[test]
    fn build_info_adds_exactly_one_final_op() {
        let plain = plan_of(DF);
        let mut stamped = plan_of(DF);
        let mut ex = Explanation::default();
        apply(
            &mut stamped,
            &facts(),
            Some("/app/build-info.json"),
            &mut ex,
        )
        .expect("stamps");
        let before = op_digests(&plain);
        let after = op_digests(&stamped);
        let missing: Vec<&String> = before.iter().filter(|d| !after.contains(d)).collect();
        // The old terminal op is gone only because it is now the input of the stamp:
        // every op but the terminal one is unchanged.
        assert!(
            missing.len() <= 1,
            "only the terminal op may differ: {missing:?}"
        );
        let without_terminal: Vec<&String> =
            before.iter().filter(|d| !missing.contains(d)).collect();
        assert!(without_terminal.iter().all(|d| after.contains(d)));
        // New ops: the inline file, the copy, and the new terminal.
        assert!(after.len() > before.len());
        let last = stamped.stages[stamped.target].steps.last().expect("step");
        assert!(matches!(&last.op, StepOp::Copy(c) if c.dest == "/app/build-info.json"));
        assert_eq!(
            stamped.image.history.last().map(|h| h.comment.as_str()),
            Some(BUILD_INFO_COMMENT)
        );
        let info: serde_json::Value =
            serde_json::from_slice(&facts().build_info_json()).expect("json");
        assert_eq!(info[LABEL_REVISION], "abc123");
    }

    #[test]
    fn build_info_path_errors() {
        let mut ex = Explanation::default();
        assert!(matches!(
            apply(&mut plan_of(DF), &facts(), Some("build-info.json"), &mut ex),
            Err(StampError::NotAbsolute(_))
        ));
        let df = "FROM alpine\nWORKDIR /app/build-info.json\n";
        assert!(matches!(
            apply(
                &mut plan_of(df),
                &facts(),
                Some("/app/build-info.json"),
                &mut ex
            ),
            Err(StampError::IsDirectory { .. })
        ));
        let df = "FROM alpine\nCOPY a b /out/\n";
        assert!(matches!(
            apply(&mut plan_of(df), &facts(), Some("/out"), &mut ex),
            Err(StampError::IsDirectory { .. })
        ));
        let df = "FROM alpine\nCOPY a /out/sub/a\n";
        assert!(matches!(
            apply(&mut plan_of(df), &facts(), Some("/out"), &mut ex),
            Err(StampError::IsDirectory { .. })
        ));
        assert!(apply(&mut plan_of(df), &facts(), Some("/out/info.json"), &mut ex).is_ok());
    }
}
