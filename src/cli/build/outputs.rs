//! `--output` specs → exporter entries and session output targets, with
//! file outputs written under temporary names and moved into place only
//! when the build succeeded.

use std::collections::BTreeMap;
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
    /// `docker load` the staged `type=docker` tarball into the Docker daemon
    /// at `socket`: `--load` on an engine that is not Docker (as buildx's
    /// docker-container driver loads into the current Docker).
    Load {
        socket: PathBuf,
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
    /// Only read after the solve (a tarball to `docker load`), never moved
    /// into place: committing it removes it.
    pub scratch: bool,
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

/// The Docker daemon `--load` loads into when the engine is not Docker
/// Engine: `DOCKER_HOST` when it is `unix://…`, else Docker's default socket.
pub fn default_docker_socket() -> PathBuf {
    std::env::var("DOCKER_HOST")
        .ok()
        .and_then(|h| h.strip_prefix("unix://").map(PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from(crate::engine::endpoint::DEFAULT_DOCKER_SOCKET))
}

/// Map the specs onto exporters, with no Docker daemon to `--load` into
/// when the engine is not Docker Engine (see [`plan_outputs_loading_into`]).
pub fn plan_outputs(
    specs: &[OutputSpec],
    docker_engine: bool,
    build_id: &str,
) -> Result<Vec<PlannedOutput>, String> {
    plan_outputs_loading_into(specs, docker_engine, None, build_id)
}

/// Map the specs onto exporters. `docker_engine` says whether images can be
/// loaded straight into a Docker Engine's store; where they cannot,
/// `load_into` is the Docker daemon that answered to take `--load`.
pub fn plan_outputs_loading_into(
    specs: &[OutputSpec],
    docker_engine: bool,
    load_into: Option<&Path>,
    build_id: &str,
) -> Result<Vec<PlannedOutput>, String> {
    let mut out = Vec::new();
    for (index, spec) in specs.iter().enumerate() {
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
            OutputSpec::Tagged { name } => {
                if !docker_engine {
                    return Err(format!(
                        "-t {name}: this engine is not Docker Engine, so the image has no store to \
                         go to; add --push to push it to its registry, or --load to load it into \
                         your Docker (DOCKER_HOST), or -o type=docker,dest=FILE for a tarball"
                    ));
                }
                PlannedOutput {
                    exporter: exporter("moby", vec![("name", name.clone())]),
                    staging: None,
                    after: None,
                }
            }
            OutputSpec::DockerLoad { name } if docker_engine => {
                let a = name.iter().map(|n| ("name", n.clone())).collect();
                PlannedOutput {
                    exporter: exporter("moby", a),
                    staging: None,
                    after: None,
                }
            }
            // Not Docker Engine: export a `docker load` tarball and load it
            // into the Docker daemon the user has, as buildx does.
            OutputSpec::DockerLoad { name } => {
                let Some(socket) = load_into else {
                    return Err(format!(
                        "--load (or --output type=docker without dest=) loads the image into a \
                         Docker daemon, but the engine is not Docker Engine and no Docker daemon \
                         answered at {}: set DOCKER_HOST=unix:///path/to/docker.sock, push with \
                         --push, or write a tarball with -o type=docker,dest=FILE",
                        default_docker_socket().display()
                    ));
                };
                let temp =
                    std::env::temp_dir().join(format!(".strata-load-{build_id}-{index}.tar"));
                PlannedOutput {
                    exporter: exporter(
                        "docker",
                        name.iter().map(|n| ("name", n.clone())).collect(),
                    ),
                    staging: Some(Staging {
                        temp: temp.clone(),
                        dest: temp,
                        is_dir: false,
                        via_session: true,
                        scratch: true,
                    }),
                    after: Some(AfterExport::Load {
                        socket: socket.to_path_buf(),
                    }),
                }
            }
            OutputSpec::DockerTar { dest, name } | OutputSpec::Oci { dest, name } => {
                let staging = Some(Staging {
                    temp: temp_sibling(dest, build_id),
                    dest: dest.clone(),
                    is_dir: false,
                    via_session: !docker_engine,
                    scratch: false,
                });
                let kind = if matches!(spec, OutputSpec::Oci { .. }) {
                    "oci"
                } else {
                    "docker"
                };
                if docker_engine {
                    let (tag, temporary) = match name {
                        Some(n) => (n.clone(), false),
                        // One tag per output: each save drops its own tag, and
                        // `type=oci` plus `type=docker` in one build are two saves.
                        None => (
                            format!("{}{build_id}-{index}", super::metadata::TEMPORARY_TAG),
                            true,
                        ),
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
                    scratch: false,
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
                    scratch: false,
                }),
                after: None,
            },
        };
        out.push(planned);
    }
    Ok(out)
}

/// The exporter fields of a solve request and the session targets that
/// receive the exporters' files.
#[derive(Debug)]
pub struct ExporterRequest {
    /// `SolveRequest.Exporters`: every output, in `--output` order.
    pub exporters: Vec<control::Exporter>,
    /// The first exporter again in the single-exporter fields that engines
    /// before BuildKit 0.13 read (newer ones ignore them when `Exporters` is set).
    pub exporter_deprecated: String,
    pub exporter_attrs_deprecated: BTreeMap<String, String>,
    /// File-send targets keyed by exporter id. The engine numbers exporters
    /// by their index in `Exporters` and names that index in each file
    /// send's `buildkit-attachable-exporter-id` metadata (absent: 0), so an
    /// image exporter before a tar one makes the tar's id 1, not 0.
    pub targets: Vec<(i64, OutputTarget)>,
}

/// Whether the engine takes several exporters in one solve (capability
/// `exporter.multiple`, BuildKit 0.13), from what it reported at connect:
/// BuildKit's `Control.Info` version when it is a release; else, for Docker
/// Engine (whose embedded BuildKit reports `v0.0.0+unknown`), its API
/// version: Engine 26.0 (API 1.45) is the first to embed BuildKit 0.13. An
/// engine without `Info` predates BuildKit 0.11. `None` when nothing says
/// (a development build of buildkitd): the engine then decides.
pub fn takes_multiple_exporters(
    buildkit_version: Option<&str>,
    docker_api_version: Option<&str>,
) -> Option<bool> {
    if let Some(v) = buildkit_version.and_then(release_version) {
        return Some(v >= (0, 13));
    }
    if let Some(api) = docker_api_version.and_then(crate::engine::docker::parse_api_version) {
        return Some(api >= (1, 45));
    }
    if buildkit_version.is_none() {
        return Some(false);
    }
    None
}

/// `v0.13.2` → `(0, 13)`; `None` for `v0.0.0+unknown` and other
/// development builds.
pub fn release_version(v: &str) -> Option<(u32, u32)> {
    let mut parts = v.trim().trim_start_matches('v').split(['.', '-', '+']);
    let major: u32 = parts.next()?.parse().ok()?;
    let minor: u32 = parts.next()?.parse().ok()?;
    ((major, minor) != (0, 0)).then_some((major, minor))
}

/// Build the exporter fields of a solve request from the outputs, each with
/// the session target its files go to (none for image-like exporters).
/// `multiple` is what the engine says about several exporters in one solve
/// ([`takes_multiple_exporters`]): an engine that only reads the deprecated
/// single-exporter fields would silently drop every output but the first,
/// so several outputs are refused there.
pub fn exporter_request(
    outputs: Vec<(control::Exporter, Option<OutputTarget>)>,
    multiple: Option<bool>,
    engine: &str,
) -> Result<ExporterRequest, String> {
    if outputs.len() > 1 && multiple == Some(false) {
        return Err(format!(
            "{} outputs in one build need BuildKit 0.13 or newer (capability exporter.multiple; \
             Docker Engine 26 or newer), but the engine is {engine}: give one --output per build",
            outputs.len()
        ));
    }
    let mut exporters = Vec::with_capacity(outputs.len());
    let mut targets = Vec::new();
    for (id, (exporter, target)) in outputs.into_iter().enumerate() {
        if let Some(t) = target {
            targets.push((id as i64, t));
        }
        exporters.push(exporter);
    }
    let (exporter_deprecated, exporter_attrs_deprecated) = exporters
        .first()
        .map(|e| (e.r#type.clone(), e.attrs.clone()))
        .unwrap_or_default();
    Ok(ExporterRequest {
        exporters,
        exporter_deprecated,
        exporter_attrs_deprecated,
        targets,
    })
}

/// Every staged file output of a build and the directories staging
/// created: a failed build removes both, so it leaves nothing behind (no
/// partial files, no new empty directories).
#[derive(Debug, Default)]
pub struct StagedOutputs {
    pub stagings: Vec<Staging>,
    created_dirs: Vec<PathBuf>,
}

impl StagedOutputs {
    /// Prepare the staging of every planned output that has one; a
    /// destination that cannot take it is refused before anything is built.
    pub fn prepare(planned: &[PlannedOutput]) -> Result<StagedOutputs, String> {
        let mut staged = StagedOutputs::default();
        for s in planned.iter().filter_map(|o| o.staging.as_ref()) {
            match s.prepare() {
                Ok(dirs) => staged.created_dirs.extend(dirs),
                Err(e) => {
                    staged.discard_all();
                    return Err(format!("cannot prepare output {}: {e}", s.dest.display()));
                }
            }
            staged.stagings.push(s.clone());
        }
        Ok(staged)
    }

    /// Remove every staged output and the directories staging created.
    pub fn discard_all(&self) {
        self.stagings.iter().for_each(Staging::discard);
        for dir in &self.created_dirs {
            let _ = std::fs::remove_dir(dir);
        }
    }
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
        if self.scratch {
            self.discard();
            return Ok(());
        }
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
        // On buildkitd, --load exports a tarball and loads it into the Docker that answered.
        let load = plan_outputs_loading_into(
            &[OutputSpec::DockerLoad {
                name: Some("app".into()),
            }],
            false,
            Some(Path::new("/run/docker.sock")),
            "b",
        )
        .expect("plans");
        assert_eq!(load[0].exporter.r#type, "docker");
        assert_eq!(load[0].exporter.attrs["name"], "app");
        assert!(load[0].staging.as_ref().expect("staged").scratch);
        assert_eq!(
            load[0].after,
            Some(AfterExport::Load {
                socket: "/run/docker.sock".into()
            })
        );
        // `-t NAME` alone loads on Docker Engine and says what to add elsewhere.
        let tagged = [OutputSpec::Tagged {
            name: "app:dev".into(),
        }];
        let on_docker = plan_outputs(&tagged, true, "b").unwrap();
        assert_eq!(on_docker[0].exporter.r#type, "moby");
        assert_eq!(on_docker[0].exporter.attrs["name"], "app:dev");
        assert!(
            plan_outputs(&tagged, false, "b")
                .unwrap_err()
                .contains("--push")
        );
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
                name: "strata-export-tmp:b2-0".into(),
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

    fn ex(kind: &str) -> control::Exporter {
        exporter(kind, vec![("name", format!("{kind}-attrs"))])
    }

    #[test]
    fn exporter_ids_are_indexes_in_the_solve_request() {
        // What `scripts/frontend-image.sh --push … --oci …` asks for: an
        // image, then a file. The file's id is 1 (its place in Exporters),
        // not 0 (its place among file outputs).
        let r = exporter_request(
            vec![
                (ex("image"), None),
                (ex("oci"), Some(OutputTarget::File("o.tar".into()))),
                (ex("image"), None),
                (ex("local"), Some(OutputTarget::Dir("dir".into()))),
            ],
            Some(true),
            "BuildKit v0.26.0",
        )
        .expect("request");
        let kinds: Vec<&str> = r.exporters.iter().map(|e| e.r#type.as_str()).collect();
        assert_eq!(kinds, ["image", "oci", "image", "local"]);
        let ids: Vec<i64> = r.targets.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [1, 3]);
        assert!(matches!(&r.targets[0].1, OutputTarget::File(p) if p == Path::new("o.tar")));
        assert!(matches!(&r.targets[1].1, OutputTarget::Dir(p) if p == Path::new("dir")));
        // Engines before 0.13 read only the first exporter from the old fields.
        assert_eq!(r.exporter_deprecated, "image");
        assert_eq!(r.exporter_attrs_deprecated["name"], "image-attrs");
    }

    #[test]
    fn one_output_works_on_every_engine() {
        for multiple in [Some(false), None, Some(true)] {
            let r = exporter_request(
                vec![(ex("tar"), Some(OutputTarget::File("t.tar".into())))],
                multiple,
                "BuildKit v0.12.5",
            )
            .expect("request");
            assert_eq!(r.targets.len(), 1);
            assert_eq!(r.targets[0].0, 0);
            assert_eq!(r.exporter_deprecated, "tar");
        }
        let none = exporter_request(Vec::new(), Some(false), "x").expect("no outputs");
        assert!(none.exporters.is_empty() && none.exporter_deprecated.is_empty());
    }

    #[test]
    fn several_outputs_need_an_engine_that_takes_them() {
        let two = || {
            vec![
                (ex("image"), None),
                (ex("tar"), Some(OutputTarget::File("t.tar".into()))),
            ]
        };
        let err = exporter_request(two(), Some(false), "Docker Engine 25.0.5").unwrap_err();
        assert!(err.contains("exporter.multiple"), "{err}");
        assert!(err.contains("Docker Engine 25.0.5"), "{err}");
        // Unknown (a development build): the engine decides.
        assert_eq!(
            exporter_request(two(), None, "BuildKit v0.0.0+unknown")
                .expect("ok")
                .exporters
                .len(),
            2
        );
    }

    #[test]
    fn multiple_exporters_by_engine_version() {
        let t = takes_multiple_exporters;
        assert_eq!(t(Some("v0.13.0"), None), Some(true));
        assert_eq!(t(Some("v0.26.1"), None), Some(true));
        assert_eq!(t(Some("v0.12.5"), None), Some(false));
        assert_eq!(t(Some("v1.0.0-rc1"), None), Some(true));
        // Docker Engine's embedded BuildKit reports no version: its API does.
        assert_eq!(t(Some("v0.0.0+unknown"), Some("1.45")), Some(true));
        assert_eq!(t(Some("v0.0.0+unknown"), Some("1.44")), Some(false));
        assert_eq!(t(Some("v0.0.0+unknown"), Some("1.53")), Some(true));
        // No Info at all: BuildKit before 0.11.
        assert_eq!(t(None, None), Some(false));
        // A source build of buildkitd says nothing.
        assert_eq!(t(Some("v0.0.0+unknown"), None), None);
        assert_eq!(t(Some("main-73ed682"), None), None);
    }

    #[test]
    fn each_docker_save_has_its_own_temporary_tag() {
        let specs = [
            OutputSpec::Oci {
                dest: "o.tar".into(),
                name: None,
            },
            OutputSpec::DockerTar {
                dest: "d.tar".into(),
                name: None,
            },
        ];
        let p = plan_outputs(&specs, true, "b").expect("plans");
        let tags: Vec<_> = p.iter().map(|o| o.after.clone()).collect();
        assert_eq!(
            tags,
            [
                Some(AfterExport::Save {
                    name: "strata-export-tmp:b-0".into(),
                    temporary: true
                }),
                Some(AfterExport::Save {
                    name: "strata-export-tmp:b-1".into(),
                    temporary: true
                }),
            ]
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
            scratch: false,
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
