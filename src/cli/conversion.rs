//! What `strata llb` and `strata explain` share: the frontend options that
//! `strata build` sends for the same flags, converted on this machine by
//! the frontend's one pipeline ([`crate::frontend::convert_local`]).
//!
//! The options are assembled with `strata build`'s own pieces (the cache
//! namespace of the context, `SOURCE_DATE_EPOCH`, the stamp facts: git, the
//! context's digest, the time), so `strata llb --format pb` prints the
//! definition `strata build` solves, and `strata explain` explains that
//! plan. What only an engine knows stays an input: base image configs
//! (`--image-config`; otherwise images are taken as named), the session
//! (none: locals carry no session id), the engine's capabilities (none
//! checked) and its platform (this machine's). tests/llb_matches_build.rs
//! holds the two commands to that.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::build::{
    StampJob, explicit_revision_attr, shared_key, source_date_epoch_attr, wants_build_info,
};
use super::diagnostic::Diagnostic;
use super::explain::PassArgs;
use super::inputs::{DockerfileInput, parse_key_values, read_dockerfile, read_dockerignore};
use crate::frontend::build::FrontendError;
use crate::frontend::options::parse_options;
use crate::frontend::pipeline::{now, pass_options};
use crate::frontend::{Converted, LocalContext, convert_local};
use crate::plan::ImageResolver;
use crate::plan::passes::Explanation;
use crate::plan::platform::Platform;

/// The flags `llb` and `explain` share with `build`.
pub struct Request<'a> {
    pub context: &'a Path,
    /// `-f`; `-` reads stdin.
    pub file: Option<&'a Path>,
    pub target: Option<&'a str>,
    pub build_args: &'a [String],
    pub platform: Option<&'a str>,
    pub no_cache: bool,
    pub passes: &'a PassArgs,
    /// Convert exactly as upstream's frontend would: no passes, no stamp facts.
    pub upstream: bool,
}

/// A diagnostic and, when it points into the Dockerfile, the Dockerfile text.
pub type Failure = Box<(Diagnostic, Option<String>)>;

/// A conversion, with the Dockerfile it read.
pub struct Conversion {
    pub input: DockerfileInput,
    pub converted: Converted,
    pub explanation: Explanation,
}

fn plain(d: Diagnostic) -> Failure {
    Box::new((d, None))
}

/// Read the Dockerfile and context, assemble the options `strata build`
/// would send, and convert.
pub fn convert(request: &Request, images: &dyn ImageResolver) -> Result<Conversion, Failure> {
    let stdin = request.file == Some(Path::new("-"));
    if !stdin && !request.context.is_dir() {
        let mut d = Diagnostic::plain(format!(
            "build context {} is not a directory",
            request.context.display()
        ));
        d.expected = Some("an existing directory".into());
        return Err(plain(d));
    }
    let input = read_dockerfile(request.file, request.context).map_err(plain)?;
    let has_context = request.context.is_dir();
    let excludes = if has_context {
        read_dockerignore(input.path.as_deref(), request.context).map_err(plain)?
    } else {
        Vec::new()
    };
    let attrs = frontend_attrs(request, &input, has_context)?;
    let mut options = parse_options(&attrs)
        .map_err(|e| plain(Diagnostic::plain(format!("{}: {e}", input.display_name))))?;
    options.build.dockerignore = excludes.clone();
    let frontend_failure = |e: FrontendError| plain(Diagnostic::plain(e.to_string()));
    let pass_opts = if request.upstream {
        None
    } else {
        Some(pass_options(&options, &input.text).map_err(frontend_failure)?)
    };
    let context = LocalContext {
        dir: request.context.to_path_buf(),
        excludes,
    };
    let now = now(&options);
    let (converted, explanation) = convert_local(
        &input.text,
        &options,
        pass_opts.as_ref(),
        images,
        &context,
        now,
    )
    .map_err(|e| match e {
        FrontendError::Dockerfile { error, text, .. } => Box::new((
            Diagnostic::from_convert(&error, &input.display_name),
            Some(text),
        )),
        other => frontend_failure(other),
    })?;
    Ok(Conversion {
        input,
        converted,
        explanation,
    })
}

/// The frontend options `strata build` sends for these flags (see
/// `cli::build::prepare`), stamp facts included unless stamping is off.
fn frontend_attrs(
    request: &Request,
    input: &DockerfileInput,
    has_context: bool,
) -> Result<BTreeMap<String, String>, Failure> {
    let mut attrs: BTreeMap<String, String> = BTreeMap::new();
    // The engine sees the Dockerfile by its base name in its own local.
    let filename = input
        .path
        .as_deref()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Dockerfile".into());
    attrs.insert("filename".into(), filename);
    if let Some(t) = request.target {
        attrs.insert("target".into(), t.to_string());
    }
    for (k, v) in parse_key_values(request.build_args, "--build-arg", true).map_err(plain)? {
        attrs.insert(format!("build-arg:{k}"), v);
    }
    if let Some(p) = request.platform {
        Platform::parse(p).map_err(|e| plain(Diagnostic::plain(format!("--platform: {e}"))))?;
        attrs.insert("platform".into(), p.to_string());
    }
    if request.no_cache {
        attrs.insert("no-cache".into(), String::new());
    }
    if request.upstream {
        return Ok(attrs);
    }
    for (k, v) in request.passes.settings() {
        attrs.insert(format!("strata-{k}"), v);
    }
    source_date_epoch_attr(&mut attrs).map_err(plain)?;
    explicit_revision_attr(&mut attrs);
    if !has_context {
        return Ok(attrs);
    }
    let context = request.context.canonicalize().map_err(|e| {
        plain(Diagnostic::plain(format!(
            "{}: {e}",
            request.context.display()
        )))
    })?;
    attrs.insert(
        "strata-cache-namespace".into(),
        shared_key(&context)[..12].to_string(),
    );
    let stamping = request.passes.options(&input.text).is_ok_and(|o| o.stamp);
    if stamping {
        let dockerfile = match &input.path {
            Some(p) => p.canonicalize().unwrap_or_else(|_| p.clone()),
            None => PathBuf::from(&context).join("Dockerfile"),
        };
        let job = StampJob {
            context,
            dockerfile,
            wants_info: wants_build_info(&attrs, &input.text),
        };
        for (k, v) in job.facts().map_err(plain)? {
            attrs.entry(k).or_insert(v);
        }
    }
    Ok(attrs)
}
