//! `strata llb`: print the LLB a Dockerfile converts to.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::diagnostic::Diagnostic;
use super::inputs::{parse_key_values, read_dockerfile, read_dockerignore};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::frontend::{PassInput, convert_with_passes};
use crate::llb::render;
use crate::plan::image::ImageConfig;
use crate::plan::platform::Platform;
use crate::plan::reference::ImageRef;
use crate::plan::{BuildOptions, ImageLookup, ImageRequest, ImageResolver, ResolvedImage};

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

/// A diagnostic and, when it points into the Dockerfile, the Dockerfile text.
type Failure = Box<(Diagnostic, Option<String>)>;

fn run_inner(args: &LlbArgs) -> Result<(), Failure> {
    let plain = |d: Diagnostic| Box::new((d, None));
    if args.file.as_deref() != Some(std::path::Path::new("-")) && !args.context.is_dir() {
        let mut d = Diagnostic::plain(format!(
            "build context {} is not a directory",
            args.context.display()
        ));
        d.expected = Some("an existing directory".into());
        return Err(Box::new((d, None)));
    }
    let input = read_dockerfile(args.file.as_deref(), &args.context).map_err(plain)?;
    let dockerignore = if args.context.is_dir() {
        read_dockerignore(input.path.as_deref(), &args.context).map_err(plain)?
    } else {
        Vec::new()
    };
    let mut opts = BuildOptions {
        target: args.target.clone(),
        build_args: parse_key_values(&args.build_args, "--build-arg", true).map_err(plain)?,
        dockerignore,
        ..Default::default()
    };
    if let Some(p) = &args.platform {
        opts.target_platform = Some(
            Platform::parse(p).map_err(|e| plain(Diagnostic::plain(format!("--platform: {e}"))))?,
        );
    }
    if args.no_cache {
        opts.no_cache = crate::plan::NoCache::All;
    }
    let images = load_image_configs(&args.image_configs).map_err(plain)?;
    let pass_opts = args
        .passes
        .options(&input.text)
        .map_err(|e| plain(Diagnostic::plain(format!("{}: {e}", input.display_name))))?;
    let excludes = opts.dockerignore.clone();
    let context = args.context.clone();
    let read = move |wanted: Vec<String>| {
        super::explain::read_local_context_files(&context, wanted, &excludes)
    };
    let passes = (!args.upstream).then_some(PassInput {
        options: &pass_opts,
        read_files: &read,
        cache_namespace: "",
    });
    let (converted, _) =
        convert_with_passes(&input.text, &input.display_name, &opts, &images, passes).map_err(
            |e| {
                Box::new((
                    Diagnostic::from_convert(&e, &input.display_name),
                    Some(input.text.clone()),
                ))
            },
        )?;
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
