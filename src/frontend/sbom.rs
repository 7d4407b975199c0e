//! SBOM attestations made by the frontend, as upstream's Dockerfile
//! frontend makes them (`attest:sbom`, `docker buildx build --sbom`).
//! Without one from the frontend the engine scans the result alone; made
//! here, the scan also sees what [`crate::plan::SbomTargets`] adds: the
//! build context (`BUILDKIT_SBOM_SCAN_CONTEXT`) and other stages
//! (`BUILDKIT_SBOM_SCAN_STAGE`).
//!
//! The scanner is an image run as an exec, upstream's contract: the result
//! at `/run/src/core/sbom`, each extra at `/run/src/extras/sbom-NAME`, the
//! statements written to `/run/out`, which the engine unbundles.

use std::collections::BTreeMap;

use super::options::OptionError;
use crate::llb::exec::{ExecSpec, MountSpec, NetworkMode, exec};
use crate::llb::source::{self, ResolveMode};
use crate::llb::{Fs, VertexMeta};
use crate::plan::image::ImageConfig;
use crate::plan::platform::Platform;

/// The scanner upstream uses when `attest:sbom` names none.
pub const DEFAULT_GENERATOR: &str = "docker/buildkit-syft-scanner:stable-1";

const SRC_DIR: &str = "/run/src/";
const OUT_DIR: &str = "/run/out/";
/// The output mount at [`OUT_DIR`].
const OUT_MOUNT: &str = "/run/out";

/// `reason` metadata of an SBOM attestation, and the core scan's name.
const REASON_KEY: &str = "reason";
const REASON_SBOM: &str = "sbom";
const CORE_KEY: &str = "sbom-core";
const CORE_NAME: &str = "sbom";

/// The in-toto predicate type of SPDX documents.
pub const PREDICATE_SPDX: &str = "https://spdx.dev/Document";

/// What `attest:sbom` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanner {
    /// The scanner image, normalised (`docker.io/docker/…:tag`).
    pub generator: String,
    /// Every other `key=value`, passed as `BUILDKIT_SCAN_key=value`.
    pub params: BTreeMap<String, String>,
}

/// An attestation for the engine to attach to a platform's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attestation {
    /// The solved ref holding the statements (a bundle directory).
    pub reference: String,
    pub predicate_type: String,
    pub metadata: BTreeMap<String, Vec<u8>>,
}

impl Attestation {
    /// An SBOM bundle in `reference`.
    pub fn sbom(reference: String) -> Attestation {
        Attestation {
            reference,
            predicate_type: PREDICATE_SPDX.into(),
            metadata: [
                (REASON_KEY.to_string(), REASON_SBOM.as_bytes().to_vec()),
                (CORE_KEY.to_string(), CORE_NAME.as_bytes().to_vec()),
            ]
            .into(),
        }
    }
}

/// `attest:sbom=…` (or the build arg `BUILDKIT_ATTEST_SBOM`): CSV fields,
/// `generator=IMAGE` and parameters. `None` when neither is given.
pub fn parse(options: &BTreeMap<String, String>) -> Result<Option<Scanner>, OptionError> {
    let given = options.iter().find(|(k, _)| {
        k.strip_prefix("attest:")
            .or_else(|| k.strip_prefix("build-arg:BUILDKIT_ATTEST_"))
            .is_some_and(|t| t.eq_ignore_ascii_case("sbom"))
    });
    let Some((key, value)) = given else {
        return Ok(None);
    };
    let bad = |reason: String| OptionError {
        key: key.clone(),
        value: value.clone(),
        reason,
    };
    let mut generator = DEFAULT_GENERATOR.to_string();
    let mut params = BTreeMap::new();
    if !value.is_empty() {
        for field in crate::dockerfile::mount::csv_record(value).map_err(bad)? {
            let (k, v) = field.split_once('=').unwrap_or((&field, ""));
            if k == "generator" {
                generator = v.to_string();
            } else {
                params.insert(k.to_string(), v.to_string());
            }
        }
    }
    if generator.is_empty() {
        return Err(bad("sbom scanner cannot be empty".into()));
    }
    let mut reference = crate::plan::reference::ImageRef::parse(&generator)
        .map_err(|e| bad(format!("failed to parse sbom scanner {generator}: {e}")))?;
    if reference.tag.is_none() && reference.digest.is_none() {
        reference.tag = Some("latest".into());
    }
    Ok(Some(Scanner {
        generator: reference.to_string(),
        params,
    }))
}

/// The scan of one platform's result: the scanner image run over `core`
/// (and `extras`, by name), giving the bundle directory. `config` is the
/// scanner image's; its entrypoint and command are the scan.
#[allow(clippy::too_many_arguments)]
pub fn scan(
    scanner: &Scanner,
    config: &ImageConfig,
    scanner_platform: &Platform,
    platform_id: &str,
    core: Fs,
    extras: &[(String, Fs)],
    network: NetworkMode,
    ignore_cache: bool,
) -> Result<Fs, String> {
    let mut args: Vec<String> = config.config.entrypoint.clone().unwrap_or_default();
    args.extend(config.config.cmd.clone().unwrap_or_default());
    if args.is_empty() {
        return Err(format!("scanner {} does not have cmd", scanner.generator));
    }
    let mut env = config.config.env.clone();
    env.push(format!("BUILDKIT_SCAN_DESTINATION={OUT_DIR}"));
    env.push(format!("BUILDKIT_SCAN_SOURCE={SRC_DIR}core/{CORE_NAME}"));
    if !extras.is_empty() {
        env.push(format!("BUILDKIT_SCAN_SOURCE_EXTRAS={SRC_DIR}extras/"));
    }
    for (k, v) in &scanner.params {
        env.push(format!("BUILDKIT_SCAN_{k}={v}"));
    }
    let image = source::image(
        &scanner.generator,
        scanner_platform.to_pb(),
        ResolveMode::Default,
        VertexMeta::named(format!("[{platform_id}] load {}", scanner.generator)),
    );
    let readonly = |target: String, source: Fs| MountSpec::Bind {
        target,
        source,
        selector: None,
        readonly: true,
        no_output: true,
    };
    let mut mounts = vec![
        MountSpec::Tmpfs {
            target: "/tmp".into(),
            size: 0,
        },
        readonly(format!("{SRC_DIR}core/{CORE_NAME}"), core),
        MountSpec::Bind {
            target: OUT_MOUNT.into(),
            source: None,
            selector: None,
            readonly: false,
            no_output: false,
        },
    ];
    for (name, fs) in extras {
        mounts.push(readonly(
            format!("{SRC_DIR}extras/{CORE_NAME}-{name}"),
            fs.clone(),
        ));
    }
    let cwd = match config.config.working_dir.as_str() {
        "" => "/".to_string(),
        dir => dir.to_string(),
    };
    let mut meta = VertexMeta::named(format!(
        "[{platform_id}] generating sbom using {}",
        scanner.generator
    ));
    meta.ignore_cache = ignore_cache;
    let outputs = exec(
        ExecSpec {
            root: Some(image),
            args,
            env,
            cwd,
            network,
            mounts,
            platform: Some(scanner_platform.to_pb()),
            ..Default::default()
        },
        meta,
    );
    Ok(outputs
        .mounts
        .into_iter()
        .find(|(target, _)| target == OUT_MOUNT)
        .map(|(_, out)| out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn attest_sbom_names_the_scanner_and_its_parameters() {
        assert_eq!(parse(&opts(&[])).unwrap(), None);
        let s = parse(&opts(&[("attest:sbom", "")])).unwrap().unwrap();
        assert_eq!(
            s.generator,
            "docker.io/docker/buildkit-syft-scanner:stable-1"
        );
        let s = parse(&opts(&[(
            "attest:sbom",
            "generator=127.0.0.1:5000/scan,\"mode=a,b\"",
        )]))
        .unwrap()
        .unwrap();
        assert_eq!(s.generator, "127.0.0.1:5000/scan:latest");
        assert_eq!(s.params, [("mode".to_string(), "a,b".to_string())].into());
        let s = parse(&opts(&[(
            "build-arg:BUILDKIT_ATTEST_SBOM",
            "generator=scan:1",
        )]))
        .unwrap()
        .unwrap();
        assert_eq!(s.generator, "docker.io/library/scan:1");
        assert!(parse(&opts(&[("attest:sbom", "generator=")])).is_err());
        assert!(parse(&opts(&[("attest:sbom", "generator=Bad Name")])).is_err());
    }

    #[test]
    fn the_scan_mounts_the_result_and_the_extras_and_outputs_the_bundle() {
        use prost::Message;
        let scanner = Scanner {
            generator: "docker.io/library/scan:1".into(),
            params: [("MODE".to_string(), "x".to_string())].into(),
        };
        let mut config = ImageConfig::default();
        config.config.entrypoint = Some(vec!["/bin/scan".into()]);
        config.config.cmd = Some(vec!["--all".into()]);
        config.config.env = vec!["PATH=/bin".into()];
        let platform = Platform::new("linux", "amd64", "");
        let core = Some(source::local(
            "context",
            &Default::default(),
            VertexMeta::named("c"),
        ));
        let extra = Some(source::local(
            "other",
            &Default::default(),
            VertexMeta::named("o"),
        ));
        let out = scan(
            &scanner,
            &config,
            &platform,
            "linux/amd64",
            core,
            &[("base".into(), extra)],
            NetworkMode::None,
            true,
        )
        .unwrap();
        let def = crate::llb::definition::marshal(&out, None).definition;
        let exec = def
            .def
            .iter()
            .filter_map(|b| crate::proto::pb::Op::decode(b.as_slice()).ok())
            .find_map(|op| match op.op {
                Some(crate::proto::pb::op::Op::Exec(e)) => Some(e),
                _ => None,
            })
            .expect("an exec");
        let meta = exec.meta.expect("meta");
        assert_eq!(meta.args, ["/bin/scan", "--all"]);
        for e in [
            "PATH=/bin",
            "BUILDKIT_SCAN_DESTINATION=/run/out/",
            "BUILDKIT_SCAN_SOURCE=/run/src/core/sbom",
            "BUILDKIT_SCAN_SOURCE_EXTRAS=/run/src/extras/",
            "BUILDKIT_SCAN_MODE=x",
        ] {
            assert!(meta.env.iter().any(|v| v == e), "{e} in {:?}", meta.env);
        }
        let targets: Vec<(&str, bool, i64)> = exec
            .mounts
            .iter()
            .map(|m| (m.dest.as_str(), m.readonly, m.output))
            .collect();
        assert!(
            targets.contains(&("/run/src/core/sbom", true, -1)),
            "{targets:?}"
        );
        assert!(
            targets.contains(&("/run/src/extras/sbom-base", true, -1)),
            "{targets:?}"
        );
        assert!(
            targets
                .iter()
                .any(|(d, ro, o)| *d == "/run/out" && !ro && *o >= 0)
        );
        assert!(targets.iter().any(|(d, _, _)| *d == "/tmp"));
        // The bundle is the /run/out output.
        let out = out.expect("an output");
        let out_mount = exec.mounts.iter().find(|m| m.dest == "/run/out").unwrap();
        assert_eq!(out.index, out_mount.output);
        // No extras: no extras directory in the environment.
        let none = scan(
            &scanner,
            &config,
            &platform,
            "p",
            None,
            &[],
            NetworkMode::None,
            false,
        )
        .unwrap();
        let def = crate::llb::definition::marshal(&none, None).definition;
        assert!(!format!("{def:?}").contains("SOURCE_EXTRAS"));
        config.config.entrypoint = None;
        config.config.cmd = None;
        assert!(
            scan(
                &scanner,
                &config,
                &platform,
                "p",
                None,
                &[],
                NetworkMode::None,
                false
            )
            .is_err()
        );
    }
}
