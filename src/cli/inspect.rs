//! `strata inspect IMAGE` prints an image's build stamps; `strata verify
//! IMAGE [CONTEXT]` compares them with the working tree. IMAGE is an OCI
//! (or `docker save`) tar file when such a file exists, else an image in the
//! Docker Engine (`DOCKER_HOST`, default /var/run/docker.sock).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK};
use crate::plan::passes::stamp::{LABEL_BUILD_INFO, LABEL_CONTEXT_DIGEST, LABEL_DOCKERFILE_DIGEST};

/// Exit code of `verify` for a stale image.
pub const EXIT_STALE: i32 = 1;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Image name in the Docker Engine, or an OCI / docker-save tar file.
    pub image: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Image name in the Docker Engine, or an OCI / docker-save tar file.
    pub image: String,
    /// Build context directory to compare with.
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
}

/// What an image records about its build.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImageStamps {
    pub labels: BTreeMap<String, String>,
    pub created: Option<String>,
    /// The build-info JSON file, when the image has one and we could read it.
    pub build_info: Option<serde_json::Value>,
}

impl ImageStamps {
    pub fn stamped(&self) -> bool {
        self.labels.keys().any(|k| k.starts_with("dev.strata."))
    }
}

fn labels_of(config: &serde_json::Value) -> BTreeMap<String, String> {
    let labels = config
        .get("config")
        .or_else(|| config.get("Config"))
        .and_then(|c| c.get("Labels"));
    labels
        .and_then(|l| l.as_object())
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// All regular files of a tar archive (blobs of an OCI layout), by path.
fn tar_files(data: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut out = BTreeMap::new();
    let mut archive = tar::Archive::new(data);
    for entry in archive.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| e.to_string())?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = entry
            .path()
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .trim_start_matches("./")
            .to_string();
        let mut buf = Vec::new();
        entry.read_to_end(&mut buf).map_err(|e| e.to_string())?;
        out.insert(path, buf);
    }
    Ok(out)
}

fn maybe_gunzip(data: &[u8]) -> Vec<u8> {
    if data.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        if flate2::read::GzDecoder::new(data)
            .read_to_end(&mut out)
            .is_ok()
        {
            return out;
        }
    }
    data.to_vec()
}

/// Read the stamps from an OCI layout tar (index.json → manifest → config),
/// and the build-info file from the last layer.
pub fn stamps_from_oci_tar(data: &[u8]) -> Result<ImageStamps, String> {
    let files = tar_files(data)?;
    let blob = |digest: &str| -> Result<&Vec<u8>, String> {
        let path = format!("blobs/{}", digest.replacen(':', "/", 1));
        files
            .get(&path)
            .ok_or_else(|| format!("blob {digest} missing from the archive"))
    };
    let json = |b: &[u8]| {
        serde_json::from_slice::<serde_json::Value>(b).map_err(|e| format!("invalid JSON: {e}"))
    };
    let index = json(
        files
            .get("index.json")
            .ok_or("not an OCI layout: no index.json")?,
    )?;
    let mut desc = index["manifests"]
        .get(0)
        .cloned()
        .ok_or("index.json lists no manifests")?;
    let manifest = loop {
        let m = json(blob(
            desc["digest"]
                .as_str()
                .ok_or("manifest descriptor without a digest")?,
        )?)?;
        match m.get("manifests").and_then(|l| l.get(0)) {
            Some(inner) => desc = inner.clone(),
            None => break m,
        }
    };
    let config = json(blob(
        manifest["config"]["digest"]
            .as_str()
            .ok_or("manifest without a config")?,
    )?)?;
    let labels = labels_of(&config);
    let mut build_info = None;
    let last_layer = manifest["layers"]
        .as_array()
        .and_then(|l| l.last())
        .and_then(|l| l["digest"].as_str());
    if let (Some(path), Some(digest)) = (labels.get(LABEL_BUILD_INFO), last_layer) {
        let layer = tar_files(&maybe_gunzip(blob(digest)?))?;
        build_info = layer
            .get(path.trim_start_matches('/'))
            .and_then(|b| serde_json::from_slice(b).ok());
    }
    Ok(ImageStamps {
        labels,
        created: config["created"].as_str().map(str::to_string),
        build_info,
    })
}

fn docker_socket() -> PathBuf {
    match std::env::var("DOCKER_HOST") {
        Ok(h) if h.starts_with("unix://") => PathBuf::from(&h["unix://".len()..]),
        _ => PathBuf::from("/var/run/docker.sock"),
    }
}

/// Stamps of a tar file or a Docker Engine image.
pub fn load_stamps(image: &str) -> Result<ImageStamps, String> {
    let path = Path::new(image);
    if path.is_file() {
        let data = std::fs::read(path).map_err(|e| format!("{image}: {e}"))?;
        return stamps_from_oci_tar(&data).map_err(|e| format!("{image}: {e}"));
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let socket = docker_socket();
    rt.block_on(async {
        let inspect = crate::engine::docker::inspect_image(&socket, image)
            .await
            .map_err(|e| {
                format!(
                    "cannot inspect {image} in the Docker Engine at {}: {e}",
                    socket.display()
                )
            })?;
        let labels = labels_of(&inspect);
        let mut stamps = ImageStamps {
            created: inspect["Created"].as_str().map(str::to_string),
            labels,
            build_info: None,
        };
        if stamps.labels.contains_key(LABEL_BUILD_INFO) {
            // The build-info file lives in the last layer: read it from `docker save`.
            let mut saved: Vec<u8> = Vec::new();
            if crate::engine::docker::save_image(&socket, image, &mut saved)
                .await
                .is_ok()
            {
                stamps.build_info = stamps_from_oci_tar(&saved).ok().and_then(|s| s.build_info);
            }
        }
        Ok(stamps)
    })
}

pub fn run_inspect(args: InspectArgs) -> i32 {
    let stamps = match load_stamps(&args.image) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    if !stamps.stamped() {
        eprintln!(
            "{}: no strata build stamps (dev.strata.* labels); was it built with `strata build` and stamping on?",
            args.image
        );
        return EXIT_BAD_INPUT;
    }
    if args.json {
        let v = serde_json::json!({ "created": stamps.created, "labels": stamps.labels, "build_info": stamps.build_info });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return EXIT_OK;
    }
    if let Some(c) = &stamps.created {
        println!("{:<36} {c}", "created");
    }
    for (k, v) in stamps
        .labels
        .iter()
        .filter(|(k, _)| k.starts_with("dev.strata.") || k.starts_with("org.opencontainers.image."))
    {
        println!("{k:<36} {v}");
    }
    if let Some(files) = stamps
        .build_info
        .as_ref()
        .and_then(|b| b.get("dev.strata.context.files"))
        .and_then(|f| f.as_object())
    {
        println!(
            "{:<36} {} files recorded in the build-info file",
            "context files",
            files.len()
        );
    }
    EXIT_OK
}

/// Paths added, removed or changed between the recorded and current file lists.
pub fn changed_paths(
    recorded: &BTreeMap<String, String>,
    current: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (p, h) in current {
        match recorded.get(p) {
            None => out.push(format!("added    {p}")),
            Some(r) if r != h => out.push(format!("modified {p}")),
            _ => {}
        }
    }
    for p in recorded.keys().filter(|p| !current.contains_key(*p)) {
        out.push(format!("removed  {p}"));
    }
    out
}

pub fn run_verify(args: VerifyArgs) -> i32 {
    use sha2::Digest;
    let stamps = match load_stamps(&args.image) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let (Some(df_recorded), Some(ctx_recorded)) = (
        stamps.labels.get(LABEL_DOCKERFILE_DIGEST),
        stamps.labels.get(LABEL_CONTEXT_DIGEST),
    ) else {
        eprintln!(
            "{}: no strata build stamps ({LABEL_DOCKERFILE_DIGEST}, {LABEL_CONTEXT_DIGEST}); cannot verify an image built without `strata build` stamping",
            args.image
        );
        return EXIT_BAD_INPUT;
    };
    let df_path = args
        .file
        .clone()
        .unwrap_or_else(|| args.context.join("Dockerfile"));
    let text = match std::fs::read(&df_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read Dockerfile {}: {e}", df_path.display());
            return EXIT_BAD_INPUT;
        }
    };
    let df_now = format!("sha256:{}", hex::encode(sha2::Sha256::digest(&text)));
    let excludes = match super::inputs::read_dockerignore(Some(&df_path), &args.context) {
        Ok(e) => e,
        Err(d) => {
            eprint!("{}", d.render(None));
            return EXIT_BAD_INPUT;
        }
    };
    let (ctx_now, files_now) = match super::vcs::context_facts(&args.context, &excludes) {
        Ok(f) => {
            if let Some(line) = f.warning(&args.context) {
                eprintln!("{line}");
            }
            (f.digest, f.files)
        }
        Err(e) => {
            eprintln!(
                "error: cannot read the build context {}: {e}",
                args.context.display()
            );
            return EXIT_BUILD_FAILED;
        }
    };
    if &df_now == df_recorded && &ctx_now == ctx_recorded {
        println!(
            "up to date: {} was built from this Dockerfile and context ({ctx_now})",
            args.image
        );
        return EXIT_OK;
    }
    println!("stale: {} differs from the working tree", args.image);
    if &df_now != df_recorded {
        println!("  Dockerfile changed ({} → {df_now})", df_recorded);
    }
    if &ctx_now != ctx_recorded {
        let recorded: Option<BTreeMap<String, String>> = stamps
            .build_info
            .as_ref()
            .and_then(|b| b.get("dev.strata.context.files"))
            .and_then(|f| f.as_object())
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                    .collect()
            });
        match recorded {
            Some(recorded) => {
                for line in changed_paths(&recorded, &files_now) {
                    println!("  {line}");
                }
            }
            None => println!(
                "  context changed ({ctx_recorded} → {ctx_now}); the image has no build-info file list, so the changed paths are unknown"
            ),
        }
    }
    EXIT_STALE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_changes() {
        let a: BTreeMap<String, String> = [
            ("a".to_string(), "1".to_string()),
            ("b".to_string(), "2".to_string()),
        ]
        .into();
        let b: BTreeMap<String, String> = [
            ("a".to_string(), "9".to_string()),
            ("c".to_string(), "3".to_string()),
        ]
        .into();
        assert_eq!(
            changed_paths(&a, &b),
            ["modified a", "added    c", "removed  b"]
        );
        assert!(changed_paths(&a, &a).is_empty());
    }
}
