//! `--output` specs → exporter entries and session output targets, with
//! file outputs written under temporary names and moved into place only
//! when the build succeeded.

use std::path::{Path, PathBuf};

use super::merge::{MergeError, merge_output};
use super::specs::OutputSpec;
use crate::proto::control;
use crate::session::filesend::OutputTarget;

/// One exporter and, for file and directory outputs, where its bytes land.
#[derive(Debug)]
pub struct PlannedOutput {
    pub exporter: control::Exporter,
    pub staging: Option<Staging>,
    /// Work left after the solve, through the Docker Engine API.
    pub after: Option<AfterExport>,
}

/// Docker Engine's embedded BuildKit stores images itself but has no
/// oci/docker tarball exporters and does not push from the build: those
/// are done afterwards through the Docker API, as buildx's docker driver does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterExport {
    Push {
        name: String,
    },
    /// `docker save` the image into the staged file; drop the temporary tag.
    Save {
        name: String,
        temporary: bool,
    },
}

/// A temporary path that becomes `dest` on success.
#[derive(Debug, Clone)]
pub struct Staging {
    pub temp: PathBuf,
    pub dest: PathBuf,
    pub is_dir: bool,
    /// Written by the engine through the session (else by us after the solve).
    pub via_session: bool,
}

fn temp_sibling(dest: &Path, build_id: &str) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    dest.with_file_name(format!(".{name}.strata-partial-{build_id}"))
}

fn exporter(kind: &str, attrs: Vec<(&str, String)>) -> control::Exporter {
    control::Exporter {
        r#type: kind.to_string(),
        attrs: attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
    }
}

/// Map the specs onto exporters. `docker_engine` says whether images can be
/// loaded straight into a Docker Engine's store.
pub fn plan_outputs(
    specs: &[OutputSpec],
    docker_engine: bool,
    build_id: &str,
) -> Result<Vec<PlannedOutput>, String> {
    let mut out = Vec::new();
    for spec in specs {
        let planned = match spec {
            OutputSpec::Image { name, push, attrs } => {
                let mut a: Vec<(&str, String)> =
                    attrs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                if let Some(n) = name {
                    a.push(("name", n.clone()));
                }
                if *push {
                    a.push(("push", "true".into()));
                }
                // Docker Engine's BuildKit stores images through its own exporter.
                let kind = if docker_engine { "moby" } else { "image" };
                let after = match name {
                    Some(n) if *push && docker_engine => {
                        Some(AfterExport::Push { name: n.clone() })
                    }
                    _ => None,
                };
                if *push && name.is_none() {
                    return Err("--output type=image,push=true needs name=IMAGE".into());
                }
                PlannedOutput {
                    exporter: exporter(kind, a),
                    staging: None,
                    after,
                }
            }
            OutputSpec::DockerLoad { name } => {
                if !docker_engine {
                    return Err("--output type=docker without dest= loads into Docker Engine, but the engine is not Docker; add dest=FILE".into());
                }
                let a = name.iter().map(|n| ("name", n.clone())).collect();
                PlannedOutput {
                    exporter: exporter("moby", a),
                    staging: None,
                    after: None,
                }
            }
            OutputSpec::DockerTar { dest, name } | OutputSpec::Oci { dest, name } => {
                let staging = Some(Staging {
                    temp: temp_sibling(dest, build_id),
                    dest: dest.clone(),
                    is_dir: false,
                    via_session: !docker_engine,
                });
                let kind = if matches!(spec, OutputSpec::Oci { .. }) {
                    "oci"
                } else {
                    "docker"
                };
                if docker_engine {
                    let (tag, temporary) = match name {
                        Some(n) => (n.clone(), false),
                        None => (format!("strata-export-tmp:{build_id}"), true),
                    };
                    PlannedOutput {
                        exporter: exporter("moby", vec![("name", tag.clone())]),
                        staging,
                        after: Some(AfterExport::Save {
                            name: tag,
                            temporary,
                        }),
                    }
                } else {
                    let a = name.iter().map(|n| ("name", n.clone())).collect();
                    PlannedOutput {
                        exporter: exporter(kind, a),
                        staging,
                        after: None,
                    }
                }
            }
            OutputSpec::Tar { dest } => PlannedOutput {
                exporter: exporter("tar", Vec::new()),
                staging: Some(Staging {
                    temp: temp_sibling(dest, build_id),
                    dest: dest.clone(),
                    is_dir: false,
                    via_session: true,
                }),
                after: None,
            },
            OutputSpec::Local { dest } => PlannedOutput {
                exporter: exporter("local", Vec::new()),
                staging: Some(Staging {
                    temp: temp_sibling(dest, build_id),
                    dest: dest.clone(),
                    is_dir: true,
                    via_session: true,
                }),
                after: None,
            },
        };
        out.push(planned);
    }
    Ok(out)
}

impl Staging {
    /// The session target the engine writes into.
    pub fn target(&self) -> OutputTarget {
        if self.is_dir {
            OutputTarget::Dir(self.temp.clone())
        } else {
            OutputTarget::File(self.temp.clone())
        }
    }

    /// Create the destination's parent directories; returns the ones that
    /// did not exist, so a failed build can remove them again. A
    /// destination of the wrong kind is refused before anything is built.
    pub fn prepare(&self) -> std::io::Result<Vec<PathBuf>> {
        if std::fs::symlink_metadata(&self.dest).is_ok() {
            if self.is_dir && !self.dest.is_dir() {
                return Err(std::io::Error::other("exists and is not a directory"));
            }
            if !self.is_dir && self.dest.is_dir() {
                return Err(std::io::Error::other(
                    "is a directory; give a file name for this output",
                ));
            }
        }
        let mut created = Vec::new();
        if let Some(parent) = self.dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            let mut missing = Vec::new();
            let mut cur = Some(parent);
            while let Some(dir) = cur.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
                missing.push(dir.to_path_buf());
                cur = dir.parent();
            }
            std::fs::create_dir_all(parent)?;
            created = missing;
        }
        if self.is_dir {
            std::fs::create_dir_all(&self.temp)?;
        }
        Ok(created)
    }

    /// Move the finished output into place. A file output was synced by its
    /// writer and replaces `dest` in one rename; a directory output merges
    /// into an existing `dest` file by file (see [`super::merge`]).
    pub fn commit(&self) -> Result<(), MergeError> {
        if self.is_dir {
            return merge_output(&self.temp, &self.dest);
        }
        std::fs::rename(&self.temp, &self.dest).map_err(|source| MergeError {
            path: self.dest.clone(),
            source,
        })?;
        // The rename itself is durable only once the directory is synced.
        let parent = self
            .dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Remove whatever a failed build left behind.
    pub fn discard(&self) {
        if self.is_dir {
            let _ = std::fs::remove_dir_all(&self.temp);
        } else {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exporters_follow_the_engine() {
        let specs = vec![
            OutputSpec::Image {
                name: Some("r/x:1".into()),
                push: true,
                attrs: Default::default(),
            },
            OutputSpec::Tar {
                dest: "out/x.tar".into(),
            },
        ];
        let p = plan_outputs(&specs, true, "b1").expect("plans");
        assert_eq!(p[0].exporter.r#type, "moby");
        assert_eq!(p[0].exporter.attrs["push"], "true");
        assert_eq!(p[1].exporter.r#type, "tar");
        let s = p[1].staging.as_ref().expect("staged");
        assert_eq!(s.temp, PathBuf::from("out/.x.tar.strata-partial-b1"));
        assert_eq!(
            plan_outputs(&specs, false, "b1").expect("plans")[0]
                .exporter
                .r#type,
            "image"
        );
        assert!(plan_outputs(&[OutputSpec::DockerLoad { name: None }], false, "b").is_err());
        let oci = plan_outputs(
            &[OutputSpec::Oci {
                dest: "o.tar".into(),
                name: None,
            }],
            true,
            "b2",
        )
        .expect("plans");
        assert_eq!(oci[0].exporter.r#type, "moby");
        assert_eq!(
            oci[0].after,
            Some(AfterExport::Save {
                name: "strata-export-tmp:b2".into(),
                temporary: true
            })
        );
        assert!(!oci[0].staging.as_ref().expect("staged").via_session);
        assert_eq!(
            plan_outputs(
                &[OutputSpec::Oci {
                    dest: "o.tar".into(),
                    name: None
                }],
                false,
                "b"
            )
            .expect("plans")[0]
                .exporter
                .r#type,
            "oci"
        );
    }

    #[test]
    fn staged_dir_merges_into_existing_dest() {
        let root = std::env::temp_dir().join(format!("strata-stage-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dest = root.join("out");
        std::fs::create_dir_all(&dest).expect("dest");
        std::fs::write(dest.join("old"), "o").expect("old");
        std::fs::write(dest.join("same"), "old").expect("same");
        let s = Staging {
            temp: temp_sibling(&dest, "t"),
            dest: dest.clone(),
            is_dir: true,
            via_session: true,
        };
        s.prepare().expect("prepare");
        std::fs::write(s.temp.join("same"), "new").expect("new");
        s.commit().expect("commit");
        assert_eq!(
            std::fs::read_to_string(dest.join("same")).expect("read"),
            "new"
        );
        assert!(dest.join("old").exists());
        assert!(!s.temp.exists());
        let _ = std::fs::remove_dir_all(&root);
    }
}
