//! `strata llb`: print the LLB a Dockerfile converts to — the definition
//! `strata build` solves for the same flags (every pass, the same stamp
//! facts and cache namespace; see [`super::conversion`]), or with
//! `--upstream` what upstream's frontend would solve.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::conversion::{Failure, Request, convert};
use super::diagnostic::Diagnostic;
use super::inputs::parse_key_values;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::llb::render;
use crate::plan::image::ImageConfig;
use crate::plan::reference::ImageRef;
use crate::plan::{ImageLookup, ImageRequest, ImageResolver, ResolvedImage};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Deterministic, readable JSON: one object per op.
    Json,
    /// The marshaled pb.Definition, as `buildctl build` reads on stdin.
    Pb,
    /// A Graphviz graph of the ops.
    Dot,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Prints the definition `strata build` solves for the same context and flags: every pass, \
the same cache namespace and stamp facts, the time from SOURCE_DATE_EPOCH when it is set (else now). \
Locals carry no session id and no engine capability is checked."
)]
pub struct LlbArgs {
    /// Build context directory (its .dockerignore is applied).
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile; `-` reads stdin).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
    /// Stage to build (default: the last one).
    #[arg(long)]
    pub target: Option<String>,
    /// Build-time variable, KEY=VALUE (repeatable; bare KEY reads the environment).
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_args: Vec<String>,
    /// Target platform, e.g. linux/arm64.
    #[arg(long)]
    pub platform: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Use this image config JSON for a base image: REF=FILE (repeatable).
    /// Without it, base images are taken as named, with no config.
    #[arg(long = "image-config", value_name = "REF=FILE")]
    pub image_configs: Vec<String>,
    /// Ignore the cache for all steps.
    #[arg(long)]
    pub no_cache: bool,
    /// Print the LLB exactly as upstream's frontend would (no strata passes).
    #[arg(long)]
    pub upstream: bool,
    #[command(flatten)]
    pub passes: super::explain::PassArgs,
}

/// Images supplied with `--image-config`; everything else is taken as named.
struct FileImageConfigs {
    images: BTreeMap<String, ImageConfig>,
}

impl ImageResolver for FileImageConfigs {
    fn lookup(&self, request: &ImageRequest) -> ImageLookup {
        match self.images.get(&request.reference.to_string()) {
            Some(config) => ImageLookup::Found(ResolvedImage {
                reference: request.reference.clone(),
                digest: None,
                config: config.clone(),
            }),
            None => ImageLookup::Unresolved,
        }
    }
}

fn load_image_configs(items: &[String]) -> Result<FileImageConfigs, Diagnostic> {
    let mut images = BTreeMap::new();
    for (reference, file) in parse_key_values(items, "--image-config", false)? {
        let r = ImageRef::parse(&reference)
            .map_err(|e| Diagnostic::plain(format!("--image-config: {e}")))?
            .with_default_tag();
        let bytes = std::fs::read(&file)
            .map_err(|e| Diagnostic::plain(format!("--image-config: cannot read {file}: {e}")))?;
        let config = ImageConfig::from_json(&bytes).map_err(|e| {
            Diagnostic::plain(format!(
                "--image-config: {file} is not an image config: {e}"
            ))
        })?;
        images.insert(r.to_string(), config);
    }
    Ok(FileImageConfigs { images })
}

pub fn run(args: LlbArgs) -> i32 {
    match run_inner(&args) {
        Ok(()) => EXIT_OK,
        Err(failure) => {
            let (diag, source) = *failure;
            eprint!("{}", diag.render(source.as_deref()));
            EXIT_BAD_INPUT
        }
    }
}

fn run_inner(args: &LlbArgs) -> Result<(), Failure> {
    let plain = |d: Diagnostic| Box::new((d, None));
    let images = load_image_configs(&args.image_configs).map_err(plain)?;
    let request = Request {
        context: &args.context,
        file: args.file.as_deref(),
        target: args.target.as_deref(),
        build_args: &args.build_args,
        platform: args.platform.as_deref(),
        no_cache: args.no_cache,
        passes: &args.passes,
        upstream: args.upstream,
    };
    let converted = convert(&request, &images)?.converted;
    let out = match args.format {
        Format::Pb => converted.definition.to_bytes(),
        Format::Json => {
            let mut v = serde_json::to_vec_pretty(&render::to_json(&converted.definition))
                .unwrap_or_default();
            v.push(b'\n');
            v
        }
        Format::Dot => render::to_dot(&converted.definition).into_bytes(),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&out).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => super::end_by_sigpipe(),
        r => r.map_err(|e| plain(Diagnostic::plain(format!("writing output: {e}")))),
    }
}
