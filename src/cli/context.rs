//! `strata context`: what a build would send (after `.dockerignore`), where
//! the bytes are, what no COPY/ADD uses, what could be ignored and what it
//! saves, and files that look like secrets; `--write` appends the
//! suggestions to the ignore file the build reads.
//!
//! Also the build's hygiene hooks: the one-line note about a large context
//! and the budget check after the build, before outputs are finalised.
//!
//! The walk is the file sync sender's ([`walk::walk`]): names and sizes
//! only; the one file read is an `.npmrc` (up to 64 KiB) to tell whether it
//! holds a token, and no content ever reaches the output.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;

use super::diagnostic::Diagnostic;
use super::inputs::{parse_key_values, read_dockerfile, read_dockerignore};
use super::{EXIT_BAD_INPUT, EXIT_BUDGET_EXCEEDED, EXIT_OK, out, outln};
use crate::hygiene::budget::{self, BlameLayer, Budgets, BuildFigures};
use crate::hygiene::context::{
    ContextFacts, ContextFile, ContextReport, ContextUse, analyse, ignore_lines, npmrc_has_token,
};
use crate::hygiene::size::human_bytes;
use crate::session::filesync::walk;

#[derive(Debug, Args)]
pub struct ContextArgs {
    /// Build context directory.
    #[arg(default_value = ".")]
    pub context: PathBuf,
    /// Dockerfile path (default: CONTEXT/Dockerfile).
    #[arg(short = 'f', long = "file")]
    pub file: Option<PathBuf>,
    /// Stage the build targets, as `strata build --target` (default: the last one).
    #[arg(long)]
    pub target: Option<String>,
    /// Build-time variable, KEY=VALUE, as `strata build --build-arg` (repeatable).
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_args: Vec<String>,
    /// Append the suggestions to the ignore file the build reads
    /// (`<Dockerfile>.dockerignore` when there is one, else CONTEXT/.dockerignore).
    #[arg(long)]
    pub write: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// The most of an `.npmrc` read to look for a token.
const MAX_NPMRC_BYTES: u64 = 64 << 10;

/// Walk a context as the build sends it (after `excludes`).
pub fn gather(dir: &Path, excludes: &[String]) -> std::io::Result<ContextFacts> {
    let root = walk::ContextRoot::open(dir)?;
    let opts = walk::FilterOpts {
        exclude_patterns: excludes.to_vec(),
        ..Default::default()
    };
    let mut facts = ContextFacts::default();
    walk::walk(&root, &opts, walk::UnreadableDirs::Skip, &mut |entry| {
        let raw = entry.raw;
        let path = entry.stat.path;
        // A hard link's second path carries no content on the wire.
        let size = if raw.is_regular() && entry.stat.linkname.is_empty() {
            entry.stat.size.max(0) as u64
        } else {
            0
        };
        if raw.is_regular() && path.rsplit('/').next() == Some(".npmrc") {
            let mut text = String::new();
            if let Ok(f) = root.open_file(&path, &raw) {
                let _ = f.take(MAX_NPMRC_BYTES).read_to_string(&mut text);
            }
            if npmrc_has_token(&text) {
                facts.npmrc_with_token.insert(path.clone());
            }
        }
        facts.entries.push(ContextFile {
            path,
            size,
            dir: raw.is_dir(),
        });
        Ok(())
    })?;
    Ok(facts)
}

/// The ignore file a build of `dockerfile` reads, or would read once created.
pub fn ignore_file(dockerfile: Option<&Path>, context: &Path) -> PathBuf {
    if let Some(df) = dockerfile {
        let mut name = df.as_os_str().to_os_string();
        name.push(".dockerignore");
        let specific = PathBuf::from(name);
        if specific.exists() {
            return specific;
        }
    }
    context.join(".dockerignore")
}

/// What the Dockerfile takes from the context, from the build plan.
fn context_use(
    text: &str,
    display: &str,
    target: Option<String>,
    build_args: std::collections::BTreeMap<String, String>,
) -> Result<ContextUse, Box<Diagnostic>> {
    let df = crate::dockerfile::parse(text)
        .map_err(|e| Box::new(Diagnostic::from_syntax(&e, display)))?;
    let opts = crate::plan::BuildOptions {
        target,
        build_args,
        ..Default::default()
    };
    let plan = crate::plan::plan(&df, &opts, &crate::plan::NoImageConfigs)
        .map_err(|e| Box::new(Diagnostic::from_plan(&e, display)))?;
    Ok(ContextUse::from_plan(&plan))
}

pub fn run(args: ContextArgs) -> i32 {
    let fail = |d: Diagnostic, src: Option<&str>| {
        eprint!("{}", d.render(src));
        EXIT_BAD_INPUT
    };
    if !args.context.is_dir() {
        return fail(
            Diagnostic::plain(format!(
                "build context {} is not a directory",
                args.context.display()
            )),
            None,
        );
    }
    let input = match read_dockerfile(args.file.as_deref(), &args.context) {
        Ok(i) => i,
        Err(d) => return fail(d, None),
    };
    let build_args = match parse_key_values(&args.build_args, "--build-arg", true) {
        Ok(b) => b,
        Err(d) => return fail(d, None),
    };
    let usage = match context_use(
        &input.text,
        &input.display_name,
        args.target.clone(),
        build_args,
    ) {
        Ok(u) => u,
        Err(d) => return fail(*d, Some(input.text.as_str())),
    };
    let excludes = match read_dockerignore(input.path.as_deref(), &args.context) {
        Ok(e) => e,
        Err(d) => return fail(d, None),
    };
    let facts = match gather(&args.context, &excludes) {
        Ok(f) => f,
        Err(e) => {
            return fail(
                Diagnostic::plain(format!(
                    "cannot read the build context {}: {e}",
                    args.context.display()
                )),
                None,
            );
        }
    };
    let report = analyse(&facts, &usage);
    if args.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print_report(&report, &input.display_name);
    }
    for s in &report.secrets {
        // Names only: the content never leaves the file.
        let place = match s.used_at {
            Some(line) => format!("enters the build through {}:{line}", input.display_name),
            None => "is sent with the context".into(),
        };
        eprintln!(
            "warning: {} looks like a secret ({}) and {place}; use --secret instead",
            s.path, s.kind
        );
    }
    if args.write && !report.suggestions.is_empty() {
        let target = ignore_file(input.path.as_deref(), &args.context);
        if let Err(e) = append(&target, &ignore_lines(&report.suggestions)) {
            eprintln!("error: cannot write {}: {e}", target.display());
            return super::EXIT_BUILD_FAILED;
        }
        eprintln!(
            "added {} pattern(s) to {} (saves {})",
            report.suggestions.len(),
            target.display(),
            human_bytes(report.saving())
        );
    }
    EXIT_OK
}

/// Append to a file, after a newline if it does not end with one.
fn append(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let needs_newline = std::fs::read(path)
        .map(|b| !b.is_empty() && !b.ends_with(b"\n"))
        .unwrap_or(false);
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    if needs_newline {
        f.write_all(b"\n")?;
    }
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

fn print_report(r: &ContextReport, dockerfile: &str) {
    outln!(
        "context: {} files, {} after .dockerignore",
        r.files,
        human_bytes(r.bytes)
    );
    if !r.largest_dirs.is_empty() {
        outln!("\nlargest directories:");
        for s in &r.largest_dirs {
            outln!(
                "  {:>10}  {:>7} files  {}",
                human_bytes(s.bytes),
                s.files,
                s.path
            );
        }
    }
    if !r.largest_files.is_empty() {
        outln!("\nlargest files:");
        for s in r.largest_files.iter().take(5) {
            outln!("  {:>10}  {}", human_bytes(s.bytes), s.path);
        }
    }
    match (&r.unused, r.whole_context_at) {
        (_, Some(line)) => {
            outln!("\nused: everything ({dockerfile}:{line} copies the whole context)")
        }
        (Some(u), None) => {
            outln!(
                "\nnot used by any COPY/ADD/bind: {} files, {} (strata sends only what is used; other frontends send it all)",
                u.files,
                human_bytes(u.bytes)
            );
            for s in &u.largest {
                outln!("  {:>10}  {}", human_bytes(s.bytes), s.path);
            }
        }
        (None, None) => {}
    }
    if r.suggestions.is_empty() {
        outln!("\nnothing to ignore: no well-known leftovers in the context");
        return;
    }
    outln!(
        "\nsuggested ignore patterns (save {} in all; `strata context --write` adds them):",
        human_bytes(r.saving())
    );
    for s in &r.suggestions {
        out!(
            "  {:<24} {:>10}  {}\n",
            s.pattern,
            human_bytes(s.bytes),
            s.reason
        );
    }
}

/// The size from which `strata build` mentions the context.
const LARGE_CONTEXT: u64 = 100 << 20;

/// One line about a large context naming its biggest entries, or `None`.
/// Quietly nothing when the context cannot be read: the build reports that.
pub fn large_context_note(context: &Path, dockerfile: Option<&Path>) -> Option<String> {
    let df = dockerfile
        .map(Path::to_path_buf)
        .unwrap_or_else(|| context.join("Dockerfile"));
    let excludes = read_dockerignore(Some(&df), context).ok()?;
    let facts = gather(context, &excludes).ok()?;
    // Most contexts are small: only the sum before any analysis.
    if facts.entries.iter().map(|e| e.size).sum::<u64>() < LARGE_CONTEXT {
        return None;
    }
    let report = analyse(&facts, &ContextUse::default());
    let top: Vec<String> = report
        .largest_dirs
        .iter()
        .chain(report.largest_files.iter())
        .take(3)
        .map(|s| format!("{} {}", s.path, human_bytes(s.bytes)))
        .collect();
    Some(format!(
        "note: the build context is {} ({} files); largest: {}; `strata context` shows what to ignore",
        human_bytes(report.bytes),
        report.files,
        top.join(", ")
    ))
}

/// Before a build: budget settings are checked (a bad one is exit 2 now,
/// not after the build), and a large context gets its one-line note.
pub fn before_build(args: &super::build::BuildArgs) -> Result<(), i32> {
    let dockerfile = args
        .file
        .clone()
        .unwrap_or_else(|| args.context.join("Dockerfile"));
    // An unreadable Dockerfile is the build's own error to report.
    if let Ok(text) = std::fs::read_to_string(&dockerfile)
        && let Err(e) = budgets_for(&args.budgets, &dockerfile, &text, args.target.as_deref())
    {
        eprintln!("error: budget: {e}");
        return Err(EXIT_BAD_INPUT);
    }
    if let Some(line) = large_context_note(&args.context, args.file.as_deref()) {
        eprintln!("{line}");
    }
    Ok(())
}

/// Budget flags of `strata build` (also settable in `strata.toml` beside
/// the Dockerfile and by a `# strata-budget:` comment).
#[derive(Debug, Clone, Default, Args)]
pub struct BudgetArgs {
    /// Fail (exit 4) when the image's layers take more than this (e.g. 500MB).
    #[arg(long = "max-image-size", value_name = "SIZE")]
    pub max_image_size: Option<String>,
    /// Fail (exit 4) when the context sent is larger than this.
    #[arg(long = "max-context-size", value_name = "SIZE")]
    pub max_context_size: Option<String>,
    /// Fail (exit 4) with more layers than this.
    #[arg(long = "max-layers", value_name = "N")]
    pub max_layers: Option<String>,
    /// Fail (exit 4) when the build takes longer than this (e.g. 10m).
    #[arg(long = "max-build-time", value_name = "DURATION")]
    pub max_build_time: Option<String>,
    /// Fail (exit 4) when later layers overwrite or delete more than this.
    #[arg(long = "max-wasted-bytes", value_name = "SIZE")]
    pub max_wasted_bytes: Option<String>,
}

/// What the budget check needs from the build.
pub struct BudgetInput<'a> {
    pub args: &'a BudgetArgs,
    pub context: &'a Path,
    pub dockerfile: &'a Path,
    pub dockerfile_text: &'a str,
    pub target: Option<&'a str>,
    pub elapsed: Duration,
    /// OCI / docker tar outputs as staged (not yet in place).
    pub archives: Vec<PathBuf>,
    /// The image id (config digest) in the Docker Engine, when the build
    /// stored one there.
    pub docker_image: Option<String>,
    /// Images the build stored in the Docker Engine only to save them
    /// afterwards: removed when a budget fails the build.
    pub temporary_images: Vec<String>,
    /// Whether the build stores the image in the Docker Engine as an
    /// output of its own (`-t`, `--load`): it is there before any check.
    pub docker_keeps_image: bool,
}

/// What the build knows once the solve has succeeded, for the budget check.
pub struct BuildOutcomeFacts<'a> {
    pub args: &'a super::build::BuildArgs,
    pub context: &'a Path,
    pub dockerfile_text: &'a str,
    pub planned: &'a [super::build::outputs::PlannedOutput],
    pub response: &'a crate::proto::control::SolveResponse,
    /// The engine is a Docker Engine (its exporter stores images itself).
    pub docker_engine: bool,
    pub elapsed: Duration,
}

impl BuildOutcomeFacts<'_> {
    /// [`check_build_budgets`] over these facts.
    pub fn check_budgets(&self) -> Option<i32> {
        use super::build::outputs::{AfterExport, PlannedOutput};
        let temporary = |o: &PlannedOutput| {
            matches!(
                o.after,
                Some(AfterExport::Save {
                    temporary: true,
                    ..
                })
            )
        };
        let dockerfile = self
            .args
            .file
            .clone()
            .unwrap_or_else(|| self.args.context.join("Dockerfile"));
        check_build_budgets(BudgetInput {
            args: &self.args.budgets,
            context: self.context,
            dockerfile: &dockerfile,
            dockerfile_text: self.dockerfile_text,
            target: self.args.target.as_deref(),
            elapsed: self.elapsed,
            archives: self
                .planned
                .iter()
                .filter_map(|o| o.staging.as_ref())
                .filter(|s| s.via_session && !s.is_dir)
                .map(|s| s.temp.clone())
                .collect(),
            docker_image: self
                .docker_engine
                .then(|| {
                    self.response
                        .exporter_response
                        .get("containerimage.config.digest")
                        .cloned()
                })
                .flatten(),
            temporary_images: self
                .planned
                .iter()
                .filter_map(|o| match &o.after {
                    Some(AfterExport::Save {
                        name,
                        temporary: true,
                    }) => Some(name.clone()),
                    _ => None,
                })
                .collect(),
            docker_keeps_image: self.docker_engine
                && self
                    .planned
                    .iter()
                    .any(|o| o.exporter.r#type == "moby" && !temporary(o)),
        })
    }
}

/// All budget sources for a build: `strata.toml`, then the directive, then flags.
pub fn budgets_for(
    args: &BudgetArgs,
    dockerfile: &Path,
    text: &str,
    target: Option<&str>,
) -> Result<Budgets, String> {
    let mut b = Budgets::default();
    let config = dockerfile
        .parent()
        .unwrap_or(Path::new("."))
        .join(budget::CONFIG_FILE);
    match std::fs::read_to_string(&config) {
        Ok(t) => {
            b = Budgets::from_config(&t, target, &config.display().to_string())
                .map_err(|e| e.to_string())?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot read {}: {e}", config.display())),
    }
    b.override_with(&Budgets::from_directive(text).map_err(|e| e.to_string())?);
    let mut flags = Budgets::default();
    for (k, v) in [
        ("max-image-size", &args.max_image_size),
        ("max-context-size", &args.max_context_size),
        ("max-layers", &args.max_layers),
        ("max-build-time", &args.max_build_time),
        ("max-wasted-bytes", &args.max_wasted_bytes),
    ] {
        if let Some(v) = v {
            flags.set(k, v, "flag").map_err(|e| format!("--{e}"))?;
        }
    }
    b.override_with(&flags);
    Ok(b)
}

fn remove_temporary_images(names: &[String]) {
    if names.is_empty() {
        return;
    }
    let socket = super::inspect::docker_socket();
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    rt.block_on(async {
        for name in names {
            let _ = crate::engine::docker::remove_image(&socket, name).await;
        }
    });
}

/// The check after the build, before anything is pushed, saved or moved
/// into place: `Some(exit code)` when the build must fail (a budget
/// exceeded: 4; a bad budget setting: 2), with the message printed.
pub fn check_build_budgets(input: BudgetInput<'_>) -> Option<i32> {
    let df_name = input.dockerfile.display().to_string();
    let budgets = match budgets_for(
        input.args,
        input.dockerfile,
        input.dockerfile_text,
        input.target,
    ) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: budget: {e}");
            return Some(EXIT_BAD_INPUT);
        }
    };
    if budgets.is_empty() {
        return None;
    }
    let mut figures = BuildFigures {
        build_time: Some(input.elapsed),
        ..Default::default()
    };
    if budgets.max_context_size.is_some() {
        let excludes = read_dockerignore(Some(input.dockerfile), input.context).ok()?;
        figures.context_size = gather(input.context, &excludes)
            .ok()
            .map(|f| f.entries.iter().map(|e| e.size).sum());
    }
    let needs_image = budgets.max_image_size.is_some()
        || budgets.max_layers.is_some()
        || budgets.max_wasted_bytes.is_some();
    let mut blame = Vec::new();
    let mut why_missing = "the build produced no image output (--output type=image/docker/oci, -t or --load) to measure".to_string();
    if needs_image {
        let steps = super::inspect::dockerfile_steps(input.dockerfile_text);
        let archive = match (input.archives.first(), &input.docker_image) {
            (Some(path), _) => std::fs::File::open(path).map_err(|e| e.to_string()),
            (None, Some(id)) => super::inspect::image_archive(id).map_err(|e| e.to_string()),
            (None, None) => Err(why_missing.clone()),
        };
        let layers = archive
            .and_then(|f| super::inspect::OciArchive::open(&f).and_then(|a| a.layers(&steps)));
        match layers {
            Ok(layers) => {
                let eff = crate::hygiene::layers::analyse(&layers);
                figures.image_size = Some(eff.size);
                figures.layers = Some(eff.layers.len() as u64);
                figures.wasted_bytes = Some(eff.wasted_bytes);
                blame = eff
                    .layers
                    .iter()
                    .map(|l| BlameLayer {
                        size: l.size,
                        created_by: l.created_by.clone().unwrap_or_default(),
                        line: l.line,
                    })
                    .collect();
            }
            Err(e) => why_missing = e,
        }
    }
    let result = budget::check(&budgets, &figures, &why_missing);
    for (name, why) in &result.unchecked {
        eprintln!("warning: budget {name} not checked: {why}");
    }
    if result.exceeded.is_empty() {
        return None;
    }
    eprint!("{}", budget::render(&result, &blame, &df_name));
    remove_temporary_images(&input.temporary_images);
    if input.docker_keeps_image {
        // The Docker Engine's exporter stores the image as it builds it.
        eprintln!(
            "nothing was pushed or written (the Docker Engine stored the image while building it)"
        );
    } else {
        eprintln!("nothing was pushed, saved or written");
    }
    Some(EXIT_BUDGET_EXCEEDED)
}
