//! `strata inspect IMAGE` prints an image's build stamps; `strata verify
//! IMAGE [CONTEXT]` compares them with the working tree. IMAGE is an OCI
//! (or `docker save`) tar file when such a file exists, else an image in the
//! Docker Engine (`DOCKER_HOST`, default /var/run/docker.sock).

use super::outln;
use std::collections::BTreeMap;
use std::io::{BufRead, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use clap::Args;

use oci_spec::image::{ImageConfiguration, ImageIndex, ImageManifest};

use super::{EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_OK};
use crate::hygiene::layers::{Change, LayerInput, change_of, layer_history, line_of};
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
    /// Per layer: its size, the Dockerfile line that made it, the bytes a
    /// later layer overwrites or deletes; and the image's efficiency.
    #[arg(long)]
    pub layers: bool,
    /// The Dockerfile the image was built from, to name each layer's line
    /// (with --layers; default ./Dockerfile when there is one).
    #[arg(short = 'f', long = "file", requires = "layers")]
    pub file: Option<PathBuf>,
    /// With --layers: fail (exit 4) when the layers' bytes exceed this (e.g. 500MB).
    #[arg(long = "max-image-size", value_name = "SIZE", requires = "layers")]
    pub max_image_size: Option<String>,
    /// With --layers: fail (exit 4) with more layers than this.
    #[arg(long = "max-layers", value_name = "N", requires = "layers")]
    pub max_layers: Option<String>,
    /// With --layers: fail (exit 4) when more bytes than this are overwritten or deleted by later layers.
    #[arg(long = "max-wasted-bytes", value_name = "SIZE", requires = "layers")]
    pub max_wasted_bytes: Option<String>,
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

/// The most a JSON document of the layout (index, manifest, config) may
/// take: they are read whole, and an archive that claims more is not an
/// image we should trust with memory.
const MAX_JSON_BYTES: u64 = 16 << 20;
/// The most the build-info file may take (it lists the context's files).
const MAX_BUILD_INFO_BYTES: u64 = 64 << 20;

/// Where each regular file of a tar archive lies: the offset of its data and
/// its size, by path. Contents are skipped by seeking, never read.
fn tar_index(file: &std::fs::File) -> Result<BTreeMap<String, (u64, u64)>, String> {
    let mut file = file;
    file.seek(SeekFrom::Start(0)).map_err(|e| e.to_string())?;
    let mut out = BTreeMap::new();
    let mut archive = tar::Archive::new(file);
    for entry in archive.entries_with_seek().map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = entry
            .path()
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .trim_start_matches("./")
            .to_string();
        out.insert(path, (entry.raw_file_position(), entry.size()));
    }
    Ok(out)
}

/// A reader over one member of the archive.
fn member(file: &std::fs::File, (offset, size): (u64, u64)) -> Result<impl Read + '_, String> {
    let mut file = file;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| e.to_string())?;
    Ok(file.take(size))
}

/// Read at most `cap` bytes of `r`; more is an error naming `what`.
fn read_capped(r: impl Read, cap: u64, what: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    r.take(cap + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("reading {what}: {e}"))?;
    if buf.len() as u64 > cap {
        return Err(format!(
            "{what} is larger than {} MiB; not reading it into memory",
            cap >> 20
        ));
    }
    Ok(buf)
}

/// One file from a layer (a tar, gzip-compressed or not), streamed: the
/// layer is decompressed and walked entry by entry, and only the file asked
/// for is read, up to `cap` bytes.
fn file_in_layer(layer: impl Read, path: &str, cap: u64) -> Result<Option<Vec<u8>>, String> {
    let mut layer = std::io::BufReader::new(layer);
    let gzip = layer
        .fill_buf()
        .map_err(|e| format!("reading the last layer: {e}"))?
        .starts_with(&[0x1f, 0x8b]);
    let stream: Box<dyn Read + '_> = if gzip {
        Box::new(flate2::read::GzDecoder::new(layer))
    } else {
        Box::new(layer)
    };
    let mut archive = tar::Archive::new(stream);
    for entry in archive
        .entries()
        .map_err(|e| format!("the last layer is not a tar archive: {e}"))?
    {
        let entry = entry.map_err(|e| format!("reading the last layer: {e}"))?;
        let name = entry
            .path()
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .trim_start_matches("./")
            .to_string();
        if entry.header().entry_type().is_file() && name == path {
            return read_capped(entry, cap, path).map(Some);
        }
    }
    Ok(None)
}

/// An image in an OCI layout tar (or a `docker save` archive, which Docker
/// ≥ 25 writes as one): the manifest and config, typed, and where each
/// member lies in the archive.
pub struct OciArchive<'a> {
    file: &'a std::fs::File,
    members: BTreeMap<String, (u64, u64)>,
    pub manifest: ImageManifest,
    pub config: ImageConfiguration,
}

fn blob_path(digest: &str) -> String {
    format!("blobs/{}", digest.replacen(':', "/", 1))
}

impl<'a> OciArchive<'a> {
    /// index.json → (nested indexes →) the first manifest → its config.
    /// Only the JSON documents are read, each up to [`MAX_JSON_BYTES`].
    pub fn open(file: &'a std::fs::File) -> Result<OciArchive<'a>, String> {
        let members = tar_index(file)?;
        let read = |name: &str, what: &str| -> Result<Vec<u8>, String> {
            let place = *members
                .get(name)
                .ok_or_else(|| format!("{what} missing from the archive"))?;
            read_capped(member(file, place)?, MAX_JSON_BYTES, what)
        };
        if !members.contains_key("index.json") {
            return Err("not an OCI layout: no index.json".into());
        }
        let index: ImageIndex = serde_json::from_slice(&read("index.json", "index.json")?)
            .map_err(|e| format!("index.json: {e}"))?;
        let mut desc = index
            .manifests()
            .first()
            .cloned()
            .ok_or("index.json lists no manifests")?;
        let manifest = loop {
            let digest = desc.digest().to_string();
            let what = format!("blob {digest}");
            let bytes = read(&blob_path(&digest), &what)?;
            // An index (multi-platform) nests: follow its first manifest.
            let probe: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|e| format!("{what}: invalid JSON: {e}"))?;
            if probe.get("manifests").is_some() {
                let inner: ImageIndex =
                    serde_json::from_value(probe).map_err(|e| format!("{what}: {e}"))?;
                desc = inner
                    .manifests()
                    .first()
                    .cloned()
                    .ok_or_else(|| format!("{what}: an index without manifests"))?;
                continue;
            }
            break serde_json::from_value::<ImageManifest>(probe)
                .map_err(|e| format!("{what}: not an image manifest: {e}"))?;
        };
        let config_digest = manifest.config().digest().to_string();
        let what = format!("config blob {config_digest}");
        let config: ImageConfiguration =
            serde_json::from_slice(&read(&blob_path(&config_digest), &what)?)
                .map_err(|e| format!("{what}: {e}"))?;
        Ok(OciArchive {
            file,
            members,
            manifest,
            config,
        })
    }

    pub fn labels(&self) -> BTreeMap<String, String> {
        self.config
            .config()
            .as_ref()
            .and_then(|c| c.labels().as_ref())
            .map(|l| l.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    }

    /// A reader over a layer blob (as stored: compressed or not).
    fn blob(&self, digest: &str) -> Result<impl Read + '_, String> {
        let place = *self
            .members
            .get(&blob_path(digest))
            .ok_or_else(|| format!("blob {digest} missing from the archive"))?;
        member(self.file, place)
    }

    /// Every layer's descriptor and history, and its changes (entry names
    /// and sizes; contents are streamed past, never kept).
    pub fn layers(&self, steps: &[(String, u32)]) -> Result<Vec<LayerInput>, String> {
        let history: Vec<(Option<String>, bool)> = self
            .config
            .history()
            .as_ref()
            .map(|h| {
                h.iter()
                    .map(|e| (e.created_by().clone(), e.empty_layer().unwrap_or(false)))
                    .collect()
            })
            .unwrap_or_default();
        let descs = self.manifest.layers();
        let by = layer_history(&history, descs.len());
        let mut out = Vec::with_capacity(descs.len());
        for (desc, created_by) in descs.iter().zip(by) {
            let digest = desc.digest().to_string();
            let changes =
                layer_changes(self.blob(&digest)?).map_err(|e| format!("layer {digest}: {e}"))?;
            out.push(LayerInput {
                line: created_by.as_deref().and_then(|c| line_of(c, steps)),
                digest,
                size: desc.size(),
                created_by,
                changes,
            });
        }
        Ok(out)
    }
}

/// The union-filesystem changes of one layer tar (gzip-compressed or not).
fn layer_changes(layer: impl Read) -> Result<Vec<Change>, String> {
    let mut layer = std::io::BufReader::new(layer);
    let head = layer.fill_buf().map_err(|e| e.to_string())?;
    let stream: Box<dyn Read + '_> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::GzDecoder::new(layer))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        return Err("zstd-compressed layers are not supported yet".into());
    } else {
        Box::new(layer)
    };
    let mut archive = tar::Archive::new(stream);
    let mut out = Vec::new();
    for entry in archive
        .entries()
        .map_err(|e| format!("not a tar archive: {e}"))?
    {
        let entry = entry.map_err(|e| e.to_string())?;
        let kind = entry.header().entry_type();
        let path = entry.path().map_err(|e| e.to_string())?;
        let size = if kind.is_file() { entry.size() } else { 0 };
        if let Some(c) = change_of(&path.to_string_lossy(), size, kind.is_dir()) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Read the stamps from an OCI layout tar, and the build-info file from the
/// last layer. Memory stays bounded whatever the image's size: the archive
/// is indexed by seeking, only the JSON documents are read whole (up to
/// [`MAX_JSON_BYTES`]), and the last layer is streamed.
pub fn stamps_from_oci_tar(file: &std::fs::File) -> Result<ImageStamps, String> {
    let archive = OciArchive::open(file)?;
    let labels = archive.labels();
    let mut build_info = None;
    let last_layer = archive
        .manifest
        .layers()
        .last()
        .map(|l| l.digest().to_string());
    if let (Some(path), Some(digest)) = (labels.get(LABEL_BUILD_INFO), last_layer) {
        let found = file_in_layer(
            archive.blob(&digest)?,
            path.trim_start_matches('/'),
            MAX_BUILD_INFO_BYTES,
        )?;
        build_info = found.and_then(|b| serde_json::from_slice(&b).ok());
    }
    Ok(ImageStamps {
        labels,
        created: archive.config.created().clone(),
        build_info,
    })
}

pub(crate) fn docker_socket() -> PathBuf {
    match std::env::var("DOCKER_HOST") {
        Ok(h) if h.starts_with("unix://") => PathBuf::from(&h["unix://".len()..]),
        _ => PathBuf::from("/var/run/docker.sock"),
    }
}

/// Why an image's stamps could not be read. Docker Engine not answering is
/// exit 3, like any unreachable engine, so scripts can tell it apart from
/// a bad image name or file and from "no stamps" (both 2).
#[derive(Debug)]
pub enum StampsError {
    DockerUnreachable(String),
    Image(String),
}

impl StampsError {
    pub fn exit_code(&self) -> i32 {
        match self {
            StampsError::DockerUnreachable(_) => super::EXIT_ENGINE_UNREACHABLE,
            StampsError::Image(_) => EXIT_BAD_INPUT,
        }
    }
}

impl std::fmt::Display for StampsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StampsError::DockerUnreachable(m) | StampsError::Image(m) => f.write_str(m),
        }
    }
}

impl From<String> for StampsError {
    fn from(m: String) -> Self {
        StampsError::Image(m)
    }
}

/// Stamps of a tar file or a Docker Engine image.
pub fn load_stamps(image: &str) -> Result<ImageStamps, StampsError> {
    let path = Path::new(image);
    if path.is_file() {
        let file = std::fs::File::open(path).map_err(|e| format!("{image}: {e}"))?;
        return Ok(stamps_from_oci_tar(&file).map_err(|e| format!("{image}: {e}"))?);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let socket = docker_socket();
    rt.block_on(async {
        // Connecting first tells "Docker is not there" from "no such image".
        if let Err(e) = tokio::net::UnixStream::connect(&socket).await {
            return Err(StampsError::DockerUnreachable(format!(
                "{image} is not a file, and the Docker Engine at {} does not answer: {e} \
                 (set DOCKER_HOST=unix:///path/to/docker.sock, or give an OCI tarball)",
                socket.display()
            )));
        }
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
            // The build-info file lives in the last layer: read it from
            // `docker save`, spooled to an unnamed temporary file rather than
            // memory (the image may be gigabytes).
            let saved = tempfile::tempfile().map_err(|e| format!("temporary file: {e}"))?;
            let mut writer = tokio::fs::File::from_std(
                saved
                    .try_clone()
                    .map_err(|e| format!("temporary file: {e}"))?,
            );
            if crate::engine::docker::save_image(&socket, image, &mut writer)
                .await
                .is_ok()
            {
                stamps.build_info = stamps_from_oci_tar(&saved).ok().and_then(|s| s.build_info);
            }
        }
        Ok(stamps)
    })
}

/// The image as an OCI layout archive: the file itself, or `docker save`
/// of a Docker Engine image spooled to an unnamed temporary file (the image
/// may be gigabytes; memory stays small).
pub fn image_archive(image: &str) -> Result<std::fs::File, StampsError> {
    let path = Path::new(image);
    if path.is_file() {
        return Ok(std::fs::File::open(path).map_err(|e| format!("{image}: {e}"))?);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let socket = docker_socket();
    rt.block_on(async {
        if let Err(e) = tokio::net::UnixStream::connect(&socket).await {
            return Err(StampsError::DockerUnreachable(format!(
                "{image} is not a file, and the Docker Engine at {} does not answer: {e} \
                 (set DOCKER_HOST=unix:///path/to/docker.sock, or give an OCI tarball)",
                socket.display()
            )));
        }
        let saved = tempfile::tempfile().map_err(|e| format!("temporary file: {e}"))?;
        let mut writer = tokio::fs::File::from_std(
            saved
                .try_clone()
                .map_err(|e| format!("temporary file: {e}"))?,
        );
        crate::engine::docker::save_image(&socket, image, &mut writer)
            .await
            .map_err(|e| format!("cannot read {image} from the Docker Engine: {e}"))?;
        Ok(saved)
    })
}

/// A Dockerfile's steps as (instruction text, line), to name layers by line.
pub fn dockerfile_steps(text: &str) -> Vec<(String, u32)> {
    let Ok(df) = crate::dockerfile::parse(text) else {
        return Vec::new();
    };
    let Ok(plan) = crate::plan::plan(
        &df,
        &crate::plan::BuildOptions::default(),
        &crate::plan::NoImageConfigs,
    ) else {
        return Vec::new();
    };
    plan.stages
        .iter()
        .flat_map(|s| s.steps.iter())
        .map(|s| (s.command.clone(), s.span.start.line))
        .collect()
}

fn run_layers(args: &InspectArgs) -> i32 {
    use crate::hygiene::budget::{BlameLayer, Budgets, BuildFigures, check, render};
    use crate::hygiene::size::human_bytes;
    let mut budgets = Budgets::default();
    for (key, value) in [
        ("max-image-size", &args.max_image_size),
        ("max-layers", &args.max_layers),
        ("max-wasted-bytes", &args.max_wasted_bytes),
    ] {
        if let Some(v) = value
            && let Err(e) = budgets.set(key, v, "flag")
        {
            eprintln!("error: --{e}");
            return EXIT_BAD_INPUT;
        }
    }
    let df_path = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from("Dockerfile"));
    let df_text = std::fs::read_to_string(&df_path).ok();
    if args.file.is_some() && df_text.is_none() {
        eprintln!("error: cannot read Dockerfile {}", df_path.display());
        return EXIT_BAD_INPUT;
    }
    let steps = df_text.as_deref().map(dockerfile_steps).unwrap_or_default();
    let file = match image_archive(&args.image) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return e.exit_code();
        }
    };
    let layers = match OciArchive::open(&file).and_then(|a| a.layers(&steps)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {}: {e}", args.image);
            return EXIT_BAD_INPUT;
        }
    };
    let eff = crate::hygiene::layers::analyse(&layers);
    let df_name = df_path.display().to_string();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&eff).unwrap_or_default());
    } else {
        outln!(
            "{:>10} {:>10} {:>10}  {:<16} CREATED BY",
            "SIZE",
            "CONTENT",
            "WASTED",
            "LINE"
        );
        for l in &eff.layers {
            let at = l
                .line
                .map(|n| format!("{df_name}:{n}"))
                .unwrap_or_else(|| "-".into());
            let by: String = l
                .created_by
                .as_deref()
                .unwrap_or("")
                .chars()
                .take(70)
                .collect();
            outln!(
                "{:>10} {:>10} {:>10}  {at:<16} {by}",
                human_bytes(l.size),
                human_bytes(l.content_bytes),
                human_bytes(l.wasted_bytes),
            );
        }
        outln!(
            "{} layers, {} ({} in the manifest), {} wasted, efficiency {:.1}%",
            eff.layers.len(),
            human_bytes(eff.content_bytes),
            human_bytes(eff.size),
            human_bytes(eff.wasted_bytes),
            eff.efficiency * 100.0
        );
    }
    let figures = BuildFigures {
        image_size: Some(eff.size),
        layers: Some(eff.layers.len() as u64),
        wasted_bytes: Some(eff.wasted_bytes),
        ..Default::default()
    };
    let result = check(&budgets, &figures, "");
    if result.exceeded.is_empty() {
        return EXIT_OK;
    }
    let blame: Vec<BlameLayer> = eff
        .layers
        .iter()
        .map(|l| BlameLayer {
            size: l.size,
            created_by: l.created_by.clone().unwrap_or_default(),
            line: l.line,
        })
        .collect();
    eprint!("{}", render(&result, &blame, &df_name));
    super::EXIT_BUDGET_EXCEEDED
}

pub fn run_inspect(args: InspectArgs) -> i32 {
    if args.layers {
        return run_layers(&args);
    }
    let stamps = match load_stamps(&args.image) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return e.exit_code();
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
        outln!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return EXIT_OK;
    }
    if let Some(c) = &stamps.created {
        outln!("{:<36} {c}", "created");
    }
    for (k, v) in stamps
        .labels
        .iter()
        .filter(|(k, _)| k.starts_with("dev.strata.") || k.starts_with("org.opencontainers.image."))
    {
        outln!("{k:<36} {v}");
    }
    if let Some(files) = stamps
        .build_info
        .as_ref()
        .and_then(|b| b.get("dev.strata.context.files"))
        .and_then(|f| f.as_object())
    {
        outln!(
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
            return e.exit_code();
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
        outln!(
            "up to date: {} was built from this Dockerfile and context ({ctx_now})",
            args.image
        );
        return EXIT_OK;
    }
    outln!(
        "stale: {} differs from the working tree (after a rebuild, `strata why` says which steps re-ran and why)",
        args.image
    );
    if &df_now != df_recorded {
        outln!("  Dockerfile changed ({} → {df_now})", df_recorded);
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
                    outln!("  {line}");
                }
            }
            None => outln!(
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
