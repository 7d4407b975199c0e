//! `strata llb --format pb` prints the definition `strata build` solves
//! for the same inputs and flags: for every app in testdata/apps and every
//! golden case.
//!
//! The build side is the real thing in two halves. First `strata build`
//! runs against the testbed engine with `STRATA_DEBUG_RECORD_OPTIONS` (a
//! debug-build hook in the frontend, like `STRATA_FAULT`): its in-process
//! frontend writes the options the CLI really sent — pass settings, cache
//! namespace, stamp facts, `SOURCE_DATE_EPOCH` — and stops before planning.
//! Then the same frontend function (`strata::frontend::build::build`) runs
//! on those options over a bridge that serves the context from disk and
//! records what it is asked to solve: that is the definition the engine
//! would have received. What only an engine knows is pinned on both sides:
//! base image configs (the recording bridge answers every lookup with a
//! fixed config, and `strata llb` gets the same config per image through
//! `--image-config`), no session id, every capability, and this machine's
//! platform. The time is an input: `SOURCE_DATE_EPOCH` fixes the `created`
//! stamp, and `CACHE_BUST` makes the bust pass rewrite the steps it picks.
//!
//! If `strata llb` ran fewer passes than `strata build` (no stamp, no
//! bust), or assembled its options differently (another cache namespace,
//! other stamp facts), the bytes differ and this fails.

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use prost::Message;
use strata::dockerfile::dockerignore;
use strata::frontend::bridge::{
    Bridge, BridgeCaps, BridgeError, BridgeWarning, DirEntry, FileStat, ImageConfigBytes, OciStore,
};
use strata::llb::source::ResolveMode;
use strata::plan::platform::Platform;
use strata::proto::pb;

const EPOCH: &str = "1700000000";
const CACHE_BUST: &str = "CACHE_BUST=llb-equals-build";
/// Stamps reach the LLB only as the build-info layer (labels are image
/// config): ask for it so a missing stamp pass shows in the bytes.
const BUILD_INFO: &str = "/strata-build-info.json";

/// The config every base image without one in images.json gets.
const DEFAULT_CONFIG: &str = r#"{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":[]}}"#;

fn strata() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strata"))
}

/// One case: a context directory and its Dockerfile.
struct Case {
    name: String,
    context: PathBuf,
    dockerfile: PathBuf,
    /// Base image configs by reference (golden cases' images.json).
    images: BTreeMap<String, Vec<u8>>,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut cases = Vec::new();
    for kind in ["apps", "golden"] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join(kind))
            .expect("testdata")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let dockerfile = if dir.join("Dockerfile").is_file() {
                dir.join("Dockerfile")
            } else {
                let named = std::fs::read_dir(&dir)
                    .expect("case dir")
                    .flatten()
                    .map(|e| e.path())
                    .find(|p| p.extension().is_some_and(|e| e == "Dockerfile"));
                match named {
                    Some(p) => p,
                    None => continue,
                }
            };
            let mut images = BTreeMap::new();
            if let Ok(json) = std::fs::read(dir.join("images.json")) {
                let raw: BTreeMap<String, serde_json::Value> =
                    serde_json::from_slice(&json).expect("images.json");
                for (reference, config) in raw {
                    let r = strata::plan::reference::ImageRef::parse(&reference)
                        .expect("reference")
                        .with_default_tag();
                    images.insert(r.to_string(), serde_json::to_vec(&config).expect("config"));
                }
            }
            cases.push(Case {
                name: format!("{kind}/{}", dir.file_name().unwrap().to_string_lossy()),
                context: dir,
                dockerfile,
                images,
            });
        }
    }
    cases
}

/// Serves the case's files for every ref (as the engine's copy of the
/// local, with the load's exclude patterns applied) and records solves and
/// image lookups.
struct DiskBridge {
    options: BTreeMap<String, String>,
    dir: PathBuf,
    images: BTreeMap<String, Vec<u8>>,
    solved: RefCell<Vec<pb::Definition>>,
    looked_up: RefCell<Vec<String>>,
}

impl DiskBridge {
    /// The exclude patterns of the local that `reference` loaded.
    fn excludes(&self, reference: &str) -> Vec<String> {
        let index: usize = reference
            .strip_prefix("ref-")
            .and_then(|n| n.parse().ok())
            .expect("a ref this bridge returned");
        let solved = self.solved.borrow();
        for bytes in &solved[index - 1].def {
            let op = pb::Op::decode(bytes.as_slice()).expect("op");
            if let Some(pb::op::Op::Source(source)) = op.op
                && let Some(patterns) = source.attrs.get("local.excludepatterns")
            {
                return serde_json::from_str(patterns).expect("patterns");
            }
        }
        Vec::new()
    }
}

impl Bridge for DiskBridge {
    fn options(&self) -> &BTreeMap<String, String> {
        &self.options
    }
    fn session_id(&self) -> Option<&str> {
        None
    }
    async fn caps(&self) -> Result<BridgeCaps, BridgeError> {
        use strata::llb::caps;
        Ok(BridgeCaps {
            llb: [
                caps::MERGE_OP,
                caps::FILE_COPY_REQUIRED_PATHS,
                caps::FILE_COPY_INCLUDE_EXCLUDE_PATTERNS,
                caps::FILE_COPY_MODE_STRING,
                caps::EXEC_SECRET_ENV,
                caps::EXEC_MOUNT_TMPFS_SIZE,
                caps::EXEC_VALID_EXIT_CODE,
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            frontend: Default::default(),
            worker_platforms: vec![Platform::host()],
        })
    }
    async fn resolve_image_config(
        &self,
        reference: &str,
        _: &Platform,
        _: ResolveMode,
        _: &str,
    ) -> Result<ImageConfigBytes, BridgeError> {
        self.looked_up.borrow_mut().push(reference.to_string());
        Ok(ImageConfigBytes {
            reference: reference.to_string(),
            digest: None,
            config: self
                .images
                .get(reference)
                .cloned()
                .unwrap_or_else(|| DEFAULT_CONFIG.as_bytes().to_vec()),
        })
    }
    async fn resolve_oci_layout_config(
        &self,
        reference: &str,
        _: &Platform,
        _: &OciStore,
        _: &str,
    ) -> Result<ImageConfigBytes, BridgeError> {
        Err(BridgeError::Engine(format!(
            "no OCI layouts here: {reference}"
        )))
    }
    async fn inputs(&self) -> Result<BTreeMap<String, pb::Definition>, BridgeError> {
        Ok(BTreeMap::new())
    }
    async fn warn(&self, _: BridgeWarning) -> Result<(), BridgeError> {
        Ok(())
    }
    async fn solve(&self, definition: pb::Definition) -> Result<String, BridgeError> {
        let mut solved = self.solved.borrow_mut();
        solved.push(definition);
        Ok(format!("ref-{}", solved.len()))
    }
    async fn read_dir(&self, _: &str, path: &str) -> Result<Vec<DirEntry>, BridgeError> {
        Err(BridgeError::NotFound(path.to_string()))
    }
    async fn stat_file(&self, _: &str, path: &str) -> Result<FileStat, BridgeError> {
        Err(BridgeError::NotFound(path.to_string()))
    }
    async fn resolve_git_commit(
        &self,
        _: pb::SourceOp,
        log_name: &str,
    ) -> Result<Option<Vec<u8>>, BridgeError> {
        Err(BridgeError::Engine(format!("no git here: {log_name}")))
    }
    async fn read_file(&self, reference: &str, path: &str) -> Result<Vec<u8>, BridgeError> {
        let excludes = self.excludes(reference);
        let matcher = dockerignore::Matcher::new(&dockerignore::parse(&excludes.join("\n")))
            .expect("patterns");
        if matcher.is_excluded(path) {
            return Err(BridgeError::NotFound(path.to_string()));
        }
        std::fs::read(self.dir.join(path)).map_err(|_| BridgeError::NotFound(path.to_string()))
    }
}

/// What the in-process frontend solves for `options` (the last solve is
/// the build; the ones before it load the Dockerfile and manifests), and
/// the image references it looked up.
fn frontend_solves(case: &Case, options: BTreeMap<String, String>) -> (Vec<u8>, Vec<String>) {
    let bridge = DiskBridge {
        options,
        dir: case.context.clone(),
        images: case.images.clone(),
        solved: RefCell::new(Vec::new()),
        looked_up: RefCell::new(Vec::new()),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    runtime
        .block_on(strata::frontend::build::build(&bridge))
        .unwrap_or_else(|e| panic!("{}: the frontend failed: {e}", case.name));
    let definition = bridge
        .solved
        .borrow()
        .last()
        .expect("the build was solved")
        .encode_to_vec();
    let looked_up = bridge.looked_up.borrow().clone();
    (definition, looked_up)
}

/// The options `strata build` sends for `case`, recorded by its frontend.
fn recorded_build_options(case: &Case, scratch: &Path) -> Result<BTreeMap<String, String>, String> {
    let record = scratch.join(format!("{}.json", case.name.replace('/', "-")));
    let _ = std::fs::remove_file(&record);
    let out = strata()
        .env("STRATA_DEBUG_RECORD_OPTIONS", &record)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .args(["build", "--progress", "plain", "--build-arg", CACHE_BUST])
        .args(["--build-info", BUILD_INFO, "-f"])
        .arg(&case.dockerfile)
        .arg(&case.context)
        .output()
        .expect("strata build runs");
    match std::fs::read(&record) {
        Ok(json) => Ok(serde_json::from_slice(&json).expect("recorded options")),
        Err(_) => Err(format!(
            "exit {:?}, no options recorded:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )),
    }
}

/// `strata llb --format pb` for `case`, with a config file per image the
/// frontend looked up.
fn llb(case: &Case, images: &[String], scratch: &Path) -> std::process::Output {
    let mut cmd = strata();
    cmd.env("SOURCE_DATE_EPOCH", EPOCH)
        .args(["llb", "--format", "pb", "--build-arg", CACHE_BUST])
        .args(["--build-info", BUILD_INFO, "-f"])
        .arg(&case.dockerfile)
        .arg(&case.context);
    for (i, reference) in images.iter().enumerate() {
        let file = scratch.join(format!("{}-image-{i}.json", case.name.replace('/', "-")));
        let config = case
            .images
            .get(reference)
            .cloned()
            .unwrap_or_else(|| DEFAULT_CONFIG.as_bytes().to_vec());
        std::fs::write(&file, config).expect("write config");
        cmd.arg("--image-config")
            .arg(format!("{reference}={}", file.display()));
    }
    cmd.output().expect("strata llb runs")
}

#[test]
fn llb_prints_what_build_solves_for_every_app_and_golden_case() {
    if !common::testbed() {
        return;
    }
    let scratch = std::env::temp_dir().join(common::unique("strata-llb-eq-"));
    std::fs::create_dir_all(&scratch).expect("scratch dir");
    let cases = cases();
    assert!(
        cases.len() >= 20,
        "testdata went missing: {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in &cases {
        let options = match recorded_build_options(case, &scratch) {
            Ok(o) => o,
            Err(why) => {
                // `strata build` refused before its frontend ran (a
                // Dockerfile that does not parse): llb must refuse too.
                let out = llb(case, &[], &scratch);
                if out.status.success() {
                    failures.push(format!(
                        "{}: build refused ({why}) but llb converted",
                        case.name
                    ));
                }
                continue;
            }
        };
        assert_eq!(
            options
                .get("build-arg:SOURCE_DATE_EPOCH")
                .map(String::as_str),
            Some(EPOCH),
            "{}: the recorded options are strata build's",
            case.name
        );
        let (solved, images) = frontend_solves(case, options);
        let out = llb(case, &images, &scratch);
        if !out.status.success() {
            failures.push(format!(
                "{}: llb failed: {}",
                case.name,
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        compared += 1;
        if out.stdout != solved {
            let render = |bytes: &[u8]| {
                let def = pb::Definition::decode(bytes).expect("definition");
                let ops: Vec<String> = def
                    .def
                    .iter()
                    .map(|b| format!("{:?}", pb::Op::decode(b.as_slice()).expect("op")))
                    .collect();
                ops.join("\n")
            };
            let (a, b) = (render(&solved), render(&out.stdout));
            let first = a
                .lines()
                .zip(b.lines())
                .find(|(x, y)| x != y)
                .map(|(x, y)| format!("build: {x}\nllb:   {y}"))
                .unwrap_or_else(|| "same ops; metadata or source maps differ".into());
            failures.push(format!("{}: llb differs from build:\n{first}", case.name));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    eprintln!("compared {compared} of {} cases", cases.len());
    assert!(compared >= 18, "only {compared} cases compared");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
