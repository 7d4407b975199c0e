//! Syntax tree → build plan: global ARGs, stages and their dependency
//! graph, target selection, base images and ONBUILD triggers. Each
//! instruction's effect is in [`super::dispatch`].

use std::collections::{BTreeMap, BTreeSet};

use super::dispatch;
use super::envlist::EnvList;
use super::epoch::{self, EpochSource};
use super::image::{DEFAULT_PATH, ImageConfig};
use super::platform::Platform;
use super::reference::ImageRef;
use super::stages::{StageDraft, StageState, expand_in};
use super::{
    Base, BuildOptions, BuildPlan, ContextPlan, ImageLookup, ImageRequest, ImageResolver,
    NamedContext, NoCache, PlanError, Stage, StageId,
};
use crate::dockerfile::Span;
use crate::dockerfile::ast::{Command, Dockerfile, Instruction};
use crate::dockerfile::expand::{ExpandOptions, expand_word};
use crate::dockerfile::parser::suggest;

/// The named context overriding `name` (a stage name or an image reference), if any.
/// Like upstream, the name is normalised (`docker.io/library/alpine:latest` → `alpine`)
/// and `NAME::PLATFORM` wins over `NAME`; `scratch` and `context` are never overridden.
fn named_context(
    opts: &BuildOptions,
    name: &str,
    platform: &Platform,
) -> Result<Option<NamedContext>, String> {
    if opts.named_contexts.is_empty()
        || name.eq_ignore_ascii_case("scratch")
        || name.eq_ignore_ascii_case("context")
    {
        return Ok(None);
    }
    let parsed = ImageRef::parse(name).map_err(|e| format!("invalid context name {name}: {e}"))?;
    let familiar = parsed.familiar();
    let short = familiar.strip_suffix(":latest").unwrap_or(&familiar);
    let with_platform = format!("{short}::{platform}");
    Ok(opts
        .named_contexts
        .get(&with_platform)
        .or_else(|| opts.named_contexts.get(short))
        .cloned()
        .map(|ctx| match ctx {
            // Upstream names the image after the context: `NAME@DIGEST`.
            NamedContext::OciLayout { store, digest, .. } => NamedContext::OciLayout {
                store,
                name: format!("{}@{digest}", parsed.name()),
                digest,
            },
            other => other,
        }))
}

fn default_args(
    build: &Platform,
    target: &Platform,
    overrides: &BTreeMap<String, String>,
    target_stage: &str,
) -> EnvList {
    let mut env = EnvList::new();
    let pairs = [
        ("BUILDPLATFORM", build.to_string()),
        ("BUILDOS", build.os.clone()),
        ("BUILDOSVERSION", build.os_version.clone()),
        ("BUILDARCH", build.architecture.clone()),
        ("BUILDVARIANT", build.variant.clone()),
        ("TARGETPLATFORM", target.to_string()),
        ("TARGETOS", target.os.clone()),
        ("TARGETOSVERSION", target.os_version.clone()),
        ("TARGETARCH", target.architecture.clone()),
        ("TARGETVARIANT", target.variant.clone()),
        ("TARGETSTAGE", target_stage.to_string()),
    ];
    for (k, v) in pairs {
        let v = overrides.get(k).cloned().unwrap_or(v);
        env.set(k, &v);
    }
    env
}

/// Turn a parsed Dockerfile into a build plan.
///
/// The phases run in the order their inputs become known: the Dockerfile
/// splits into stage drafts; global ARGs decide the FROM operands; the
/// operands name the stages and the target; the stages' reads give the
/// stage graph; the base images (and the ONBUILD triggers they carry, which
/// can add reads) are resolved for the stages the target needs; then each
/// of those stages is dispatched, and the target's image becomes the result.
pub fn plan(
    df: &Dockerfile,
    opts: &BuildOptions,
    images: &dyn ImageResolver,
) -> Result<BuildPlan, PlanError> {
    let escape = df.escape;
    let (meta_args, mut drafts, froms) = split_stages(df)?;
    let platforms = Platforms::of(opts);
    let global_args = global_args(opts, &platforms, &meta_args, &drafts, escape)?;
    // Seconds are the epoch. A source's time is known only to the engine:
    // the frontend has resolved it into `opts.source_date_epoch` (offline
    // tools have none), and ARGs see it as seconds, or empty without one.
    let with_epoch;
    let (opts, global_args) =
        match epoch_source(df, opts, &meta_args, &froms, &drafts, &global_args)? {
            // The Dockerfile's `ARG SOURCE_DATE_EPOCH=` default (a build arg's
            // seconds are in the options already).
            Some(EpochSource::Seconds(s)) if opts.source_date_epoch != Some(s) => {
                with_epoch = BuildOptions {
                    source_date_epoch: Some(s),
                    ..opts.clone()
                };
                (&with_epoch, global_args)
            }
            Some(EpochSource::Seconds(_)) | None => (opts, global_args),
            Some(_) => {
                let mut build_args = opts.build_args.clone();
                let seconds = opts.source_date_epoch.map(|e| e.to_string());
                build_args.insert(epoch::NAME.into(), seconds.unwrap_or_default());
                with_epoch = BuildOptions {
                    build_args,
                    ..opts.clone()
                };
                let global_args =
                    self::global_args(&with_epoch, &platforms, &meta_args, &drafts, escape)?;
                (&with_epoch, global_args)
            }
        };
    let by_name = resolve_froms(&froms, &mut drafts, &global_args, escape)?;
    replace_named_stages(opts, &froms, &mut drafts, &platforms)?;
    let target = target_stage(opts, &drafts, &by_name)?;

    let dockerfile_stage_count = drafts.len();
    for i in 0..dockerfile_stage_count {
        let deps = stage_dependencies(&mut drafts, i, &by_name, escape)?;
        drafts[i].deps = deps;
    }
    detect_cycles(&drafts)?;

    let resolved = resolve_bases(
        opts,
        images,
        &mut drafts,
        target,
        &by_name,
        &platforms,
        escape,
    )?;
    let dispatched = dispatch_stages(
        opts,
        &drafts,
        target,
        &resolved,
        &by_name,
        &global_args,
        &platforms,
        escape,
    )?;
    Ok(final_plan(opts, &drafts, target, dispatched, &platforms))
}

/// The build and target platforms of a build, decided once for every phase.
struct Platforms {
    build: Platform,
    target: Platform,
    /// No platform was requested: the base image may decide (upstream's
    /// implicit target platform).
    implicit_target: bool,
}

impl Platforms {
    fn of(opts: &BuildOptions) -> Platforms {
        let build = opts.build_platform.clone();
        Platforms {
            target: opts
                .target_platform
                .clone()
                .unwrap_or_else(|| build.clone()),
            implicit_target: opts.target_platform.is_none(),
            build,
        }
    }

    /// The platform a stage is built for: its `FROM --platform`, else the target's.
    fn of_draft(&self, draft: &StageDraft) -> Platform {
        draft
            .platform
            .clone()
            .unwrap_or_else(|| self.target.clone())
    }
}

type FromInstruction<'a> = (&'a Instruction, &'a crate::dockerfile::ast::From);

/// Phase 1, drafts: cut the instruction list at each FROM. Only ARG may come
/// before the first FROM (global ARGs, the only scope FROM operands see).
#[allow(clippy::type_complexity)]
fn split_stages(
    df: &Dockerfile,
) -> Result<(Vec<&Instruction>, Vec<StageDraft>, Vec<FromInstruction<'_>>), PlanError> {
    let mut meta_args: Vec<&Instruction> = Vec::new();
    let mut drafts: Vec<StageDraft> = Vec::new();
    let mut froms: Vec<FromInstruction<'_>> = Vec::new();
    for ins in &df.instructions {
        match &ins.command {
            Command::From(f) => {
                froms.push((ins, f));
                drafts.push(StageDraft {
                    declared_name: f.stage_name.as_ref().map(|n| n.value.to_ascii_lowercase()),
                    name: String::new(),
                    base_name: String::new(),
                    base_stage: None,
                    platform: None,
                    commands: Vec::new(),
                    onbuild_count: 0,
                    span: Some(ins.span),
                    deps: BTreeSet::new(),
                    implicit: false,
                    onbuild_done: false,
                    named: None,
                });
            }
            Command::Arg(_) if drafts.is_empty() => meta_args.push(ins),
            _ => match drafts.last_mut() {
                Some(d) => d.commands.push(ins.clone()),
                None => {
                    return Err(PlanError::at(
                        ins.span,
                        format!(
                            "no build stage in current context: {} before FROM",
                            ins.command.keyword()
                        ),
                    )
                    .expected("FROM (only ARG may come before the first FROM)"));
                }
            },
        }
    }
    if drafts.is_empty() {
        return Err(PlanError::general("dockerfile contains no stages to build")
            .expected("at least one FROM instruction"));
    }
    Ok((meta_args, drafts, froms))
}

/// Where the build's `SOURCE_DATE_EPOCH` comes from (see
/// [`super::epoch`]): the build arg, else the meta ARG's default
/// (`ARG SOURCE_DATE_EPOCH=…` before the first FROM). `None` when unset or
/// empty. A value that is neither seconds nor a source's name is an error,
/// at the ARG that gave it.
pub fn source_date_epoch(
    df: &Dockerfile,
    opts: &BuildOptions,
) -> Result<Option<EpochSource>, PlanError> {
    let (meta_args, drafts, froms) = split_stages(df)?;
    let platforms = Platforms::of(opts);
    let global_args = global_args(opts, &platforms, &meta_args, &drafts, df.escape)?;
    epoch_source(df, opts, &meta_args, &froms, &drafts, &global_args)
}

fn epoch_source(
    df: &Dockerfile,
    opts: &BuildOptions,
    meta_args: &[&Instruction],
    froms: &[FromInstruction<'_>],
    drafts: &[StageDraft],
    global_args: &EnvList,
) -> Result<Option<EpochSource>, PlanError> {
    let value = match opts.build_args.get(epoch::NAME) {
        Some(v) => v.as_str(),
        None => match global_args.get(epoch::NAME) {
            Some(v) => v,
            None => return Ok(None),
        },
    };
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if let Ok(seconds) = value.parse::<i64>()
        && seconds >= 0
    {
        return Ok(Some(EpochSource::Seconds(seconds)));
    }
    let stages: Vec<epoch::SourceStage<'_>> = froms
        .iter()
        .zip(drafts)
        .filter_map(|((ins, from), draft)| {
            Some(epoch::SourceStage {
                name: from.stage_name.as_ref()?.value.as_str(),
                base: &from.image.value,
                from: ins,
                commands: &draft.commands,
            })
        })
        .collect();
    let named = epoch::named_source(
        value,
        &opts.named_contexts,
        &stages,
        &opts.build_args,
        global_args,
        df.escape,
    )?;
    named.map(Some).ok_or_else(|| {
        let message = format!("invalid SOURCE_DATE_EPOCH: {value} (expected Unix seconds, `context`, a named context or a stage name)");
        let declared = meta_args.iter().find_map(|ins| match &ins.command {
            Command::Arg(decls) => decls.iter().find(|d| d.name == epoch::NAME && d.default.is_some()),
            _ => None,
        });
        match declared.filter(|_| !opts.build_args.contains_key(epoch::NAME)) {
            Some(decl) => PlanError::at(decl.span, message),
            None => PlanError::general(message),
        }
    })
}

/// Phase 2, global ARGs: the automatic platform args, then the meta ARGs in
/// order (a build arg wins, else the default expanded against those before it).
fn global_args(
    opts: &BuildOptions,
    platforms: &Platforms,
    meta_args: &[&Instruction],
    drafts: &[StageDraft],
    escape: char,
) -> Result<EnvList, PlanError> {
    let target_name = match &opts.target {
        Some(t) => t.clone(),
        None => drafts
            .last()
            .and_then(|d| d.declared_name.clone())
            .unwrap_or_default(),
    };
    let target_stage_arg = if target_name.is_empty() {
        "default".to_string()
    } else {
        target_name
    };
    let mut global_args = default_args(
        &platforms.build,
        &platforms.target,
        &opts.build_args,
        &target_stage_arg,
    );
    for ins in meta_args {
        let Command::Arg(decls) = &ins.command else {
            continue;
        };
        for decl in decls {
            if let Some(v) = opts.build_args.get(&decl.name) {
                global_args.set(&decl.name, v);
            } else if let Some(default) = &decl.default {
                let v = expand_in(default, &global_args, escape, decl.span)?;
                global_args.set(&decl.name, &v);
            }
        }
    }
    Ok(global_args)
}

/// Phase 3, FROMs: expand each operand and `--platform` with the global
/// ARGs, link stages built on earlier stages, and name every stage
/// (`stage-N` when unnamed). Returns the declared names' stage ids.
fn resolve_froms(
    froms: &[FromInstruction<'_>],
    drafts: &mut [StageDraft],
    global_args: &EnvList,
    escape: char,
) -> Result<BTreeMap<String, StageId>, PlanError> {
    let mut by_name: BTreeMap<String, StageId> = BTreeMap::new();
    for (i, (_, from)) in froms.iter().enumerate() {
        let base = expand_in(&from.image.value, global_args, escape, from.image.span)?;
        if base.is_empty() {
            return Err(PlanError::at(
                from.image.span,
                format!("base name ({}) should not be blank", from.image.value),
            )
            .expected("an image reference, `scratch` or an earlier stage name"));
        }
        if let Some(p) = &from.platform {
            let v = expand_in(&p.value, global_args, escape, p.span)?;
            // A misspelt ARG is the likely cause of a bad platform: name the
            // declared one it resembles, like upstream.
            let hint = || {
                let unmatched = expand_word(
                    &p.value,
                    global_args,
                    ExpandOptions {
                        escape,
                        ..Default::default()
                    },
                )
                .map(|e| e.unmatched)
                .unwrap_or_default();
                unmatched
                    .iter()
                    .find_map(|name| suggest(name, global_args.keys()))
                    .map(|s| format!(" (did you mean {s}?)"))
                    .unwrap_or_default()
            };
            if v.is_empty() {
                return Err(PlanError::at(
                    p.span,
                    format!("empty platform value from expression {}{}", p.value, hint()),
                ));
            }
            let parsed = Platform::parse(&v).map_err(|e| {
                PlanError::at(
                    p.span,
                    format!("failed to parse platform {}: {e}{}", p.value, hint()),
                )
            })?;
            drafts[i].platform = Some(parsed);
        }
        drafts[i].base_name = base.clone();
        if let Some(&earlier) = by_name.get(&base) {
            drafts[i].base_stage = Some(earlier);
        }
        drafts[i].name = drafts[i]
            .declared_name
            .clone()
            .unwrap_or_else(|| format!("stage-{i}"));
        // A repeated name is only a build-check warning (DuplicateStageName),
        // as upstream: later references mean the latest stage of that name.
        if let Some(n) = &drafts[i].declared_name {
            by_name.insert(n.clone(), i);
        }
    }
    Ok(by_name)
}

/// Phase 3b: a named context matching a stage name replaces the whole stage
/// (its commands never run), before the graph is built from those commands.
fn replace_named_stages(
    opts: &BuildOptions,
    froms: &[FromInstruction<'_>],
    drafts: &mut [StageDraft],
    platforms: &Platforms,
) -> Result<(), PlanError> {
    for (i, (ins, _)) in froms.iter().enumerate() {
        let Some(n) = drafts[i].declared_name.clone() else {
            continue;
        };
        let platform = platforms.of_draft(&drafts[i]);
        if let Some(ctx) =
            named_context(opts, &n, &platform).map_err(|e| PlanError::at(ins.span, e))?
        {
            drafts[i].commands.clear();
            drafts[i].base_stage = None;
            drafts[i].named = Some(ctx);
        }
    }
    Ok(())
}

/// The stage to build: `--target`, else the last one.
fn target_stage(
    opts: &BuildOptions,
    drafts: &[StageDraft],
    by_name: &BTreeMap<String, StageId>,
) -> Result<StageId, PlanError> {
    match &opts.target {
        None => Ok(drafts.len() - 1),
        Some(t) => match by_name.get(&t.to_ascii_lowercase()) {
            Some(&i) => Ok(i),
            None => {
                let names: Vec<String> = by_name.keys().cloned().collect();
                let mut message = format!("target stage {t:?} could not be found");
                if let Some(s) = suggest(t, names.iter().map(String::as_str)) {
                    message.push_str(&format!(" (did you mean {s}?)"));
                }
                Err(PlanError::general(message)
                    .found(t.clone())
                    .expected(if names.is_empty() {
                        "no named stages exist".to_string()
                    } else {
                        format!("one of: {}", names.join(", "))
                    }))
            }
        },
    }
}

/// Phase 4, bases and ONBUILD: look up the base image of every stage the
/// target needs, then prepend the ONBUILD triggers of those bases (image or
/// parent stage) to the stages' commands. Triggers can read other stages,
/// which makes more stages reachable, so this repeats until no trigger adds
/// a dependency. Missing configs end planning with [`PlanError::NeedImages`]
/// so the caller fetches them all at once and plans again.
fn resolve_bases(
    opts: &BuildOptions,
    images: &dyn ImageResolver,
    drafts: &mut Vec<StageDraft>,
    target: StageId,
    by_name: &BTreeMap<String, StageId>,
    platforms: &Platforms,
    escape: char,
) -> Result<BTreeMap<StageId, Option<super::ResolvedImage>>, PlanError> {
    let mut resolved: BTreeMap<StageId, Option<super::ResolvedImage>> = BTreeMap::new();
    loop {
        let reachable = reachable_stages(drafts, target);
        // Each missing image with the instruction that first names it.
        let mut missing: BTreeMap<ImageRequest, Option<Span>> = BTreeMap::new();
        for &i in &reachable {
            if drafts[i].base_stage.is_some() || resolved.contains_key(&i) {
                continue;
            }
            let platform = platforms.of_draft(&drafts[i]);
            if drafts[i].named.is_none() {
                drafts[i].named = named_context(opts, &drafts[i].base_name, &platform).map_err(
                    |e| match drafts[i].span {
                        Some(s) => PlanError::at(s, e),
                        None => PlanError::general(e),
                    },
                )?;
            }
            match &drafts[i].named {
                Some(NamedContext::Image(_) | NamedContext::OciLayout { .. }) => {}
                Some(_) => continue,
                None if drafts[i].base_name.eq_ignore_ascii_case("scratch") => continue,
                None => {}
            }
            let span = drafts[i].span;
            let reference = ImageRef::parse(drafts[i].image_name())
                .map_err(|e| {
                    let err = PlanError::general(format!(
                        "failed to parse stage name {:?}: {e}",
                        drafts[i].image_name()
                    ));
                    match span {
                        Some(s) => PlanError::at(
                            s,
                            format!(
                                "failed to parse stage name {:?}: {e}",
                                drafts[i].image_name()
                            ),
                        ),
                        None => err,
                    }
                })?
                .with_default_tag();
            let request = ImageRequest {
                reference,
                platform,
                oci_store: drafts[i].oci_store(),
            };
            match images.lookup(&request) {
                ImageLookup::Found(img) => {
                    resolved.insert(i, Some(img));
                }
                ImageLookup::Unresolved => {
                    resolved.insert(i, None);
                }
                ImageLookup::Missing => {
                    missing.entry(request).or_insert(span);
                }
            }
        }
        if !missing.is_empty() {
            return Err(PlanError::NeedImages(missing.into_iter().collect()));
        }
        if !apply_onbuild(drafts, &reachable, &resolved, by_name, escape)? {
            break;
        }
        detect_cycles(drafts)?;
    }
    Ok(resolved)
}

/// Prepend each reachable stage's inherited ONBUILD triggers (once per
/// stage); true when a trigger added a dependency.
fn apply_onbuild(
    drafts: &mut Vec<StageDraft>,
    reachable: &BTreeSet<StageId>,
    resolved: &BTreeMap<StageId, Option<super::ResolvedImage>>,
    by_name: &BTreeMap<String, StageId>,
    escape: char,
) -> Result<bool, PlanError> {
    let mut new_deps = false;
    for &i in reachable {
        if drafts[i].onbuild_done {
            continue;
        }
        drafts[i].onbuild_done = true;
        let mut triggers: Vec<(String, Span)> = Vec::new();
        let from_span = drafts[i].span.unwrap_or_default();
        if let Some(Some(img)) = resolved.get(&i) {
            triggers.extend(
                img.config
                    .config
                    .on_build
                    .iter()
                    .map(|t| (t.clone(), from_span)),
            );
        }
        if let Some(b) = drafts[i].base_stage {
            for c in &drafts[b].commands[drafts[b].onbuild_count..] {
                if let Command::OnBuild { expression, .. } = &c.command {
                    triggers.push((expression.clone(), from_span));
                }
            }
        }
        if triggers.is_empty() {
            continue;
        }
        let mut parsed = Vec::new();
        for (text, span) in &triggers {
            let ins = parse_trigger(text, escape, *span)?;
            parsed.push(ins);
        }
        let n = parsed.len();
        parsed.append(&mut drafts[i].commands);
        drafts[i].commands = parsed;
        drafts[i].onbuild_count = n;
        let before = drafts[i].deps.clone();
        let deps = stage_dependencies(drafts, i, by_name, escape)?;
        if deps != before {
            new_deps = true;
        }
        drafts[i].deps = deps;
    }
    Ok(new_deps)
}

/// What dispatching the reachable stages produced.
struct Dispatched {
    /// `None` for stages the target does not need.
    stages: Vec<Option<Stage>>,
    /// Context paths the steps read (for the context's follow paths).
    context_paths: BTreeSet<String>,
    /// Build-check findings only dispatch can make (`UndefinedVar`).
    lints: Vec<crate::dockerfile::lint::Lint>,
    /// See [`BuildPlan::named_follow_paths`].
    named_follow_paths: BTreeMap<String, Vec<String>>,
    /// See [`BuildPlan::sbom`].
    sbom: super::SbomTargets,
}

/// The paths each named `local:` context must send: those COPY --from and
/// RUN --mount from= read from it, unless a stage builds on it (`FROM
/// name` with instructions, or a stage based on it), which needs it whole.
/// Contexts that must be sent whole are left out.
fn named_follow_paths(
    drafts: &[StageDraft],
    reachable: &BTreeSet<StageId>,
    stage_paths: &BTreeMap<StageId, BTreeSet<String>>,
) -> BTreeMap<String, Vec<String>> {
    let local = |i: StageId| match &drafts[i].named {
        Some(NamedContext::Local(name)) => Some(name.clone()),
        _ => None,
    };
    let mut whole: BTreeSet<String> = BTreeSet::new();
    let mut paths: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &i in reachable {
        if let Some(name) = local(i)
            && !drafts[i].commands.is_empty()
        {
            whole.insert(name);
        }
        if let Some(name) = drafts[i].base_stage.and_then(local) {
            whole.insert(name);
        }
        if let (Some(name), Some(read)) = (local(i), stage_paths.get(&i)) {
            paths.entry(name).or_default().extend(read.iter().cloned());
        }
    }
    paths
        .into_iter()
        .filter(|(name, read)| !whole.contains(name) && !read.contains("/"))
        .map(|(name, read)| {
            let read = read
                .into_iter()
                .map(|p| p.trim_start_matches('/').to_string())
                .collect();
            (name, read)
        })
        .collect()
}

/// Phase 5, dispatch: run every reachable stage's instructions in definition
/// order (a stage's dependencies are defined before it, so they come first).
#[allow(clippy::too_many_arguments)]
fn dispatch_stages(
    opts: &BuildOptions,
    drafts: &[StageDraft],
    target: StageId,
    resolved: &BTreeMap<StageId, Option<super::ResolvedImage>>,
    by_name: &BTreeMap<String, StageId>,
    global_args: &EnvList,
    platforms: &Platforms,
    escape: char,
) -> Result<Dispatched, PlanError> {
    let reachable = reachable_stages(drafts, target);
    let single_stage = drafts.len() == 1;
    let proxy_env = dispatch::proxy_env_from_build_args(&opts.build_args);
    let mut stages: Vec<Option<Stage>> = vec![None; drafts.len()];
    let mut finals: Vec<Option<StageState>> = vec![None; drafts.len()];
    let mut context_paths: BTreeSet<String> = BTreeSet::new();
    let mut lints = Vec::new();
    let mut stage_paths: BTreeMap<StageId, BTreeSet<String>> = BTreeMap::new();
    for i in 0..drafts.len() {
        if !reachable.contains(&i) {
            continue;
        }
        let draft = &drafts[i];
        let display_name = if single_stage {
            String::new()
        } else {
            draft.name.clone()
        };
        let ignore_cache = match &opts.no_cache {
            NoCache::Off => false,
            NoCache::All => true,
            NoCache::Stages(names) => names.iter().any(|n| n.eq_ignore_ascii_case(&draft.name)),
        };
        let (base, mut state) = stage_base(drafts, i, &finals, resolved, platforms, opts)?;
        if let Some(lint) = base_platform_mismatch(draft, &base, &state) {
            lints.push(lint);
        }
        state.stage_name = display_name.clone();
        state.prefix_platform = opts.multi_platform;
        state.ignore_cache = ignore_cache;
        state.epoch = opts.source_date_epoch;
        state.cmd_total = usize::from(matches!(base, Base::Image { .. }))
            + draft
                .commands
                .iter()
                .filter(|c| {
                    matches!(
                        c.command,
                        Command::Run(_) | Command::Copy(_) | Command::Add(_) | Command::Workdir(_)
                    )
                })
                .count();
        state.cmd_index = 0;

        // The FROM vertex takes the first progress number, like upstream's.
        let base = match base {
            Base::Image {
                reference,
                oci_store,
                ..
            } => {
                let name = state.progress_name(&format!("FROM {reference}"), false);
                Base::Image {
                    reference,
                    name,
                    oci_store,
                }
            }
            other => other,
        };

        if draft.base_stage.is_none() {
            init_exec_state(&mut state, opts);
        }

        let ctx = dispatch::DispatchContext::new(
            opts,
            escape,
            global_args,
            by_name,
            drafts,
            proxy_env.clone(),
        );
        for (ci, ins) in draft.commands.iter().enumerate() {
            state.cmd_is_onbuild = ci < draft.onbuild_count;
            dispatch::dispatch(&mut state, ins, &ctx, &mut context_paths)?;
        }
        lints.append(&mut ctx.lints.borrow_mut());
        for (stage, paths) in ctx.stage_paths.take() {
            stage_paths.entry(stage).or_default().extend(paths);
        }
        stages[i] = Some(Stage {
            name: display_name,
            declared_name: draft.declared_name.clone(),
            base,
            platform: state.platform.clone(),
            steps: std::mem::take(&mut state.steps),
            image: state.image.clone(),
            reachable: true,
            span: draft.span,
        });
        finals[i] = Some(state);
    }
    let named_follow_paths = named_follow_paths(drafts, &reachable, &stage_paths);
    let sbom = sbom_targets(drafts, &finals, target, global_args);
    Ok(Dispatched {
        stages,
        context_paths,
        lints,
        named_follow_paths,
        sbom,
    })
}

/// See [`super::SbomTargets`]: a stage's own ARG (or one its base stage
/// declared) decides over the global one.
fn sbom_targets(
    drafts: &[StageDraft],
    finals: &[Option<StageState>],
    target: StageId,
    global_args: &EnvList,
) -> super::SbomTargets {
    let enabled = |i: StageId, state: &StageState, arg: &str| {
        let name = drafts[i].declared_name.as_deref().unwrap_or_default();
        let value = state
            .build_args
            .iter()
            .rev()
            .find(|(k, v)| k == arg && v.is_some())
            .and_then(|(_, v)| v.as_deref())
            .or_else(|| global_args.get(arg));
        value.is_some_and(|v| match go_bool(v) {
            Some(b) => b,
            None => v.split(',').any(|s| s == name),
        })
    };
    let mut targets = super::SbomTargets::default();
    for (i, state) in finals.iter().enumerate() {
        let Some(state) = state else { continue };
        if i == target {
            targets.context = enabled(i, state, "BUILDKIT_SBOM_SCAN_CONTEXT");
        } else if enabled(i, state, "BUILDKIT_SBOM_SCAN_STAGE") {
            targets.stages.push((drafts[i].name.clone(), i));
        }
    }
    targets
}

/// A boolean as Go's `strconv.ParseBool` reads it.
fn go_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// Where stage `i` starts and the state it starts with: a parent stage's
/// final state, a named context, scratch, or a base image (its config, with
/// the ONBUILD triggers consumed and `created` dropped).
fn stage_base(
    drafts: &[StageDraft],
    i: StageId,
    finals: &[Option<StageState>],
    resolved: &BTreeMap<StageId, Option<super::ResolvedImage>>,
    platforms: &Platforms,
    opts: &BuildOptions,
) -> Result<(Base, StageState), PlanError> {
    let draft = &drafts[i];
    if let Some(b) = draft.base_stage {
        let Some(parent) = finals[b].clone() else {
            return Err(PlanError::general(format!(
                "stage {:?} was not dispatched before {:?}",
                drafts[b].name, draft.name
            )));
        };
        let mut st = parent;
        st.image.config.on_build.clear();
        st.steps.clear();
        st.cmd_set = false;
        return Ok((Base::Stage(b), st));
    }
    if let Some(ctx) = draft
        .named
        .clone()
        .filter(|c| !matches!(c, NamedContext::Image(_) | NamedContext::OciLayout { .. }))
    {
        let platform = platforms.of_draft(draft);
        // A frontend input brings the image config its producer made.
        let config = match &ctx {
            NamedContext::Input(name) => opts.input_configs.get(name).cloned().map(|mut c| {
                c.created = None;
                c.config.on_build.clear();
                c
            }),
            _ => None,
        };
        return Ok((
            Base::Context(ctx),
            StageState::new(
                config.unwrap_or_else(|| ImageConfig::empty(&platform)),
                platform,
            ),
        ));
    }
    if draft.named.is_none() && draft.base_name.eq_ignore_ascii_case("scratch") {
        let platform = platforms.of_draft(draft);
        return Ok((
            Base::Scratch,
            StageState::new(ImageConfig::scratch(&platform), platform),
        ));
    }
    let platform = platforms.of_draft(draft);
    let requested = ImageRef::parse(draft.image_name())
        .map_err(PlanError::general)?
        .with_default_tag();
    Ok(match resolved.get(&i).cloned().flatten() {
        Some(img) => {
            let oci_store = draft.oci_store();
            let mut reference = img.reference.clone();
            // An OCI layout image is already named by its digest.
            if let (Some(d), None) = (&img.digest, &oci_store) {
                reference = reference.with_digest(d);
            }
            let mut config = img.config.clone();
            config.created = None;
            // The base's ONBUILD triggers ran in this stage; they are consumed.
            config.config.on_build.clear();
            let mut platform = platform;
            // With no platform asked for, an image only for the build
            // platform is built for it (upstream's implicit target).
            let build_platform = &platforms.build;
            if draft.platform.is_none()
                && platforms.implicit_target
                && !config.os.is_empty()
                && !config.architecture.is_empty()
                && (config.os != platform.os || config.architecture != platform.architecture)
                && config.os == build_platform.os
                && config.architecture == build_platform.architecture
            {
                platform = build_platform.clone();
            }
            let base = if config.has_no_layers() {
                Base::Scratch
            } else {
                Base::Image {
                    reference: reference.to_string(),
                    name: String::new(),
                    oci_store,
                }
            };
            (base, StageState::new(config, platform))
        }
        None => {
            let cfg = ImageConfig::empty(&platform);
            (
                Base::Image {
                    reference: requested.to_string(),
                    name: String::new(),
                    oci_store: draft.oci_store(),
                },
                StageState::new(cfg, platform),
            )
        }
    })
}

/// `InvalidBaseImagePlatform`: the base image's config names another OS or
/// architecture than the stage is built for.
fn base_platform_mismatch(
    draft: &StageDraft,
    base: &Base,
    state: &StageState,
) -> Option<crate::dockerfile::lint::Lint> {
    let image = &state.image;
    let wanted = &state.platform;
    if !matches!(base, Base::Image { .. })
        || draft.base_stage.is_some()
        || image.os.is_empty()
        || image.architecture.is_empty()
        || (image.os == wanted.os && image.architecture == wanted.architecture)
    {
        return None;
    }
    let actual = Platform::new(&image.os, &image.architecture, &image.variant);
    Some(crate::dockerfile::lint::invalid_base_image_platform(
        &draft.base_name,
        &wanted.to_string(),
        &actual.to_string(),
        draft.span.unwrap_or_default(),
    ))
}

/// The exec state a stage that starts from an image (not a parent stage)
/// begins with: the config's env (with the default PATH upstream adds),
/// working directory and user, and the build's hostname and network.
fn init_exec_state(state: &mut StageState, opts: &BuildOptions) {
    if !state
        .image
        .config
        .env
        .iter()
        .any(|e| e.split('=').next() == Some("PATH"))
        && state.platform.os != "windows"
    {
        state.image.config.env.push(format!("PATH={DEFAULT_PATH}"));
    }
    for e in state.image.config.env.clone() {
        let (k, v) = e.split_once('=').unwrap_or((e.as_str(), ""));
        state.env.set(k, v);
    }
    if let Some(h) = &opts.hostname {
        state.hostname = h.clone();
    }
    let wd = state.image.config.working_dir.clone();
    if !wd.is_empty() {
        state.cwd = dispatch::normalize_workdir("/", &wd);
        state.image.config.working_dir = state.cwd.clone();
    }
    state.user = state.image.config.user.clone();
    state.network = opts.network;
}

/// Phase 6, final image: the target stage's image with the build's extra
/// labels and the requested platform, and the context's follow paths. Stages
/// the target does not need stay in the plan empty, so stage ids stay stable.
fn final_plan(
    opts: &BuildOptions,
    drafts: &[StageDraft],
    target: StageId,
    dispatched: Dispatched,
    platforms: &Platforms,
) -> BuildPlan {
    let Dispatched {
        stages,
        context_paths,
        lints,
        named_follow_paths,
        sbom,
    } = dispatched;
    let target_platform = &platforms.target;
    let stages: Vec<Stage> = stages
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            s.unwrap_or_else(|| Stage {
                name: drafts[i].name.clone(),
                declared_name: drafts[i].declared_name.clone(),
                base: Base::Scratch,
                platform: target_platform.clone(),
                steps: Vec::new(),
                image: ImageConfig::default(),
                reachable: false,
                span: drafts[i].span,
            })
        })
        .collect();

    let mut image = stages[target].image.clone();
    if !opts.labels.is_empty() {
        image.merge_labels(&opts.labels);
    }
    if !platforms.implicit_target {
        let same =
            target_platform.os == image.os && target_platform.architecture == image.architecture;
        image.os = target_platform.os.clone();
        image.architecture = target_platform.architecture.clone();
        if !target_platform.variant.is_empty() || !same {
            image.variant = target_platform.variant.clone();
        }
        // An OS version asked for is the image's; otherwise the base
        // image's stays (upstream keeps it).
        if !target_platform.os_version.is_empty() {
            image.os_version = target_platform.os_version.clone();
        }
    }
    if image.rootfs.kind.is_empty() {
        image.rootfs.kind = "layers".into();
    }

    let follow_paths = if context_paths.contains("/") || context_paths.is_empty() {
        None
    } else {
        Some(
            context_paths
                .iter()
                .map(|p| p.trim_start_matches('/').to_string())
                .collect(),
        )
    };
    let platform = stages[target].platform.clone();
    BuildPlan {
        stages,
        target,
        image,
        context: ContextPlan {
            name: opts.context_name.clone(),
            session_id: opts.session_id.clone(),
            exclude_patterns: opts.dockerignore.clone(),
            follow_paths,
        },
        platform,
        source_date_epoch: opts.source_date_epoch,
        lints,
        named_follow_paths,
        sbom,
    }
}

/// Parse one ONBUILD trigger as a single instruction located at the FROM line.
fn parse_trigger(text: &str, escape: char, at: Span) -> Result<Instruction, PlanError> {
    let source = if escape == '\\' {
        text.to_string()
    } else {
        format!("# escape={escape}\n{text}")
    };
    let df = crate::dockerfile::parse(&source).map_err(|e| {
        PlanError::at(
            at,
            format!("invalid ONBUILD trigger {text:?}: {}", e.message),
        )
    })?;
    let mut it = df.instructions.into_iter();
    match (it.next(), it.next()) {
        (Some(mut ins), None) => {
            ins.span = at;
            Ok(ins)
        }
        _ => Err(PlanError::at(
            at,
            format!("ONBUILD trigger should be a single expression: {text:?}"),
        )),
    }
}

/// Find or create the stage a `--from` value names.
fn stage_for_from(
    drafts: &mut Vec<StageDraft>,
    from: &str,
    by_name: &BTreeMap<String, StageId>,
    span: Span,
) -> Result<StageId, PlanError> {
    if let Ok(index) = from.parse::<usize>() {
        if index < drafts.len() {
            return Ok(index);
        }
        return Err(PlanError::at(span, format!("invalid stage index {index}"))
            .expected(format!("an index below {}", drafts.len())));
    }
    if let Some(&i) = by_name.get(&from.to_ascii_lowercase()) {
        return Ok(i);
    }
    if let Some(i) = drafts
        .iter()
        .position(|d| d.implicit && d.base_name == from)
    {
        return Ok(i);
    }
    ImageRef::parse(from).map_err(|e| {
        PlanError::at(
            span,
            format!("{from:?} is neither a stage nor a valid image reference: {e}"),
        )
    })?;
    drafts.push(StageDraft {
        declared_name: None,
        name: format!("stage-{}", drafts.len()),
        base_name: from.to_string(),
        base_stage: None,
        platform: None,
        commands: Vec::new(),
        onbuild_count: 0,
        span: Some(span),
        deps: BTreeSet::new(),
        implicit: true,
        onbuild_done: true,
        named: None,
    });
    Ok(drafts.len() - 1)
}

fn stage_dependencies(
    drafts: &mut Vec<StageDraft>,
    i: StageId,
    by_name: &BTreeMap<String, StageId>,
    escape: char,
) -> Result<BTreeSet<StageId>, PlanError> {
    let mut deps = BTreeSet::new();
    let commands = drafts[i].commands.clone();
    for ins in &commands {
        match &ins.command {
            Command::Copy(c) => {
                if let Some(from) = &c.from {
                    let no_vars = EnvList::new();
                    let expanded = expand_in(&from.value, &no_vars, escape, from.span)?;
                    if expanded != from.value {
                        return Err(PlanError::at(
                            from.span,
                            "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
                        ));
                    }
                    deps.insert(stage_for_from(drafts, &from.value, by_name, from.span)?);
                }
            }
            Command::Run(r) => {
                for m in &r.mounts {
                    // Dependencies use the raw value like upstream; fields are expanded at dispatch.
                    let mut keep = |v: &str| Ok::<String, String>(v.to_string());
                    let Ok(parsed) = crate::dockerfile::mount::parse_mount(&m.value, &mut keep)
                    else {
                        continue;
                    };
                    if let Some(from) = parsed
                        .from
                        .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("scratch"))
                    {
                        // A `$` anywhere but last would be expanded at dispatch,
                        // too late to know the dependency: refuse, as upstream.
                        if from.find('$').is_some_and(|i| i + 1 != from.len()) {
                            return Err(PlanError::at(
                                m.span,
                                "'from' doesn't support variable expansion, define alias stage instead",
                            )
                            .found(from));
                        }
                        deps.insert(stage_for_from(drafts, &from, by_name, m.span)?);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(deps)
}

fn reachable_stages(drafts: &[StageDraft], target: StageId) -> BTreeSet<StageId> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![target];
    while let Some(s) = todo.pop() {
        if !seen.insert(s) {
            continue;
        }
        if let Some(b) = drafts[s].base_stage {
            todo.push(b);
        }
        todo.extend(drafts[s].deps.iter().copied());
    }
    seen
}

/// Reject stages that read themselves, naming the cycle. A depth-first walk
/// with its path on the heap: thousands of chained stages cost no stack.
fn detect_cycles(drafts: &[StageDraft]) -> Result<(), PlanError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let reads = |i: usize| -> Vec<usize> {
        let mut next: Vec<usize> = drafts[i].deps.iter().copied().collect();
        next.extend(drafts[i].base_stage);
        next
    };
    let mut marks = vec![Mark::New; drafts.len()];
    for root in 0..drafts.len() {
        if marks[root] != Mark::New {
            continue;
        }
        // The current path: each stage with the stages it still has to visit.
        marks[root] = Mark::Active;
        let mut path: Vec<(usize, std::vec::IntoIter<usize>)> =
            vec![(root, reads(root).into_iter())];
        while let Some((i, next)) = path.last_mut() {
            let i = *i;
            let Some(n) = next.next() else {
                marks[i] = Mark::Done;
                path.pop();
                continue;
            };
            match marks[n] {
                Mark::Done => {}
                Mark::New => {
                    marks[n] = Mark::Active;
                    path.push((n, reads(n).into_iter()));
                }
                Mark::Active => {
                    let start = path.iter().position(|(p, _)| *p == n).unwrap_or(0);
                    let names: Vec<&str> = path[start..]
                        .iter()
                        .map(|(p, _)| *p)
                        .chain(std::iter::once(n))
                        .map(|p| drafts[p].name.as_str())
                        .collect();
                    let span = drafts[n].span.unwrap_or_default();
                    return Err(PlanError::at(
                        span,
                        format!("circular dependency detected on stage: {}", drafts[n].name),
                    )
                    .found(names.join(" -> "))
                    .expected("stages that do not depend on themselves"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod error_text_tests {
    use super::*;
    use crate::plan::NoImageConfigs;

    fn plan_error(text: &str, opts: &BuildOptions) -> String {
        let df = crate::dockerfile::parse(text).expect("parses");
        plan(&df, opts, &NoImageConfigs)
            .expect_err("planning fails")
            .to_string()
    }

    #[test]
    fn duplicate_stage_names_plan_and_refer_to_the_latest() {
        let df = crate::dockerfile::parse("FROM scratch AS b\nFROM busybox AS b\nFROM b\n")
            .expect("parses");
        let opts = BuildOptions {
            target: Some("b".into()),
            ..Default::default()
        };
        match plan(&df, &opts, &NoImageConfigs) {
            Ok(_) | Err(PlanError::NeedImages(_)) => {}
            Err(e) => panic!("duplicate stage name must not fail planning: {e}"),
        }
    }

    #[test]
    fn errors_are_worded_as_upstream() {
        let opts = BuildOptions::default();
        assert_eq!(
            plan_error("ARG foo=bar\n", &opts),
            "dockerfile contains no stages to build"
        );
        assert_eq!(
            plan_error(
                "FROM busybox AS test\nFROM busybox\nENV ttt=test\nRUN --mount=from=$ttt,type=cache,target=/tmp ls\n",
                &opts
            ),
            "'from' doesn't support variable expansion, define alias stage instead"
        );
        assert_eq!(
            plan_error("FROM --platform=$BULIDPLATFORM scratch\n", &opts),
            "empty platform value from expression $BULIDPLATFORM (did you mean BUILDPLATFORM?)"
        );
        let err = plan_error(
            "ARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} scratch\n",
            &opts,
        );
        assert_eq!(
            err,
            "failed to parse platform linux/${MYARCH}: \"\" is an invalid component of \"linux/\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument (did you mean MY_ARCH?)"
        );
        let opts = BuildOptions {
            target: Some("bulid".into()),
            ..Default::default()
        };
        assert_eq!(
            plan_error("FROM scratch AS build\n", &opts),
            "target stage \"bulid\" could not be found (did you mean build?)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::NoImageConfigs;

    fn epoch_of(text: &str, build_arg: Option<&str>) -> Result<Option<i64>, PlanError> {
        let df = crate::dockerfile::parse(text).expect("parses");
        let mut opts = BuildOptions::default();
        if let Some(v) = build_arg {
            opts.build_args
                .insert("SOURCE_DATE_EPOCH".into(), v.to_string());
            opts.source_date_epoch = v.parse().ok();
        }
        plan(&df, &opts, &NoImageConfigs).map(|p| {
            let created = p.image.history.last().and_then(|h| h.created.clone());
            assert_eq!(
                created.is_some(),
                p.source_date_epoch.is_some(),
                "history is dated by the epoch"
            );
            p.source_date_epoch
        })
    }

    #[test]
    fn a_meta_arg_default_sets_the_epoch_unless_a_build_arg_does() {
        let text = "ARG SOURCE_DATE_EPOCH=1445412480\nFROM scratch\nCOPY Dockerfile .\n";
        assert_eq!(epoch_of(text, None).unwrap(), Some(1445412480));
        assert_eq!(
            epoch_of(text, Some("1700000002")).unwrap(),
            Some(1700000002)
        );
        // Declared in a stage, or without a default: not the build's epoch.
        assert_eq!(
            epoch_of("FROM scratch\nARG SOURCE_DATE_EPOCH=5\nCOPY a .\n", None).unwrap(),
            None
        );
        assert_eq!(
            epoch_of("ARG SOURCE_DATE_EPOCH\nFROM scratch\nCOPY a .\n", None).unwrap(),
            None
        );
        let e = epoch_of(
            "ARG SOURCE_DATE_EPOCH=not-a-timestamp\nFROM scratch\nCOPY a .\n",
            None,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("invalid SOURCE_DATE_EPOCH: not-a-timestamp"),
            "{e}"
        );
    }

    #[test]
    fn sbom_scan_targets_follow_the_declared_args() {
        let text = "ARG BUILDKIT_SBOM_SCAN_CONTEXT=true\n\
FROM scratch AS file\nARG BUILDKIT_SBOM_SCAN_STAGE=true\nCOPY a /a\n\
FROM scratch AS base\nARG BUILDKIT_SBOM_SCAN_STAGE=true\nCOPY --from=file /a /b\n\
FROM scratch AS unused\nARG BUILDKIT_SBOM_SCAN_STAGE=true\n\
FROM base AS final\n";
        let df = crate::dockerfile::parse(text).expect("parses");
        let targets = |args: &[(&str, &str)]| {
            let mut opts = BuildOptions::default();
            for (k, v) in args {
                opts.build_args.insert(k.to_string(), v.to_string());
            }
            plan(&df, &opts, &NoImageConfigs).expect("plans").sbom
        };
        let all = targets(&[]);
        assert!(all.context);
        assert_eq!(
            all.stages,
            [("file".to_string(), 0), ("base".to_string(), 1)]
        );
        // Build args set the declared ARGs: off, or a list of stage names.
        let off = targets(&[
            ("BUILDKIT_SBOM_SCAN_CONTEXT", "false"),
            ("BUILDKIT_SBOM_SCAN_STAGE", "false"),
        ]);
        assert_eq!(off, crate::plan::SbomTargets::default());
        let listed = targets(&[("BUILDKIT_SBOM_SCAN_STAGE", "file")]);
        assert_eq!(listed.stages, [("file".to_string(), 0)]);
        // Undeclared, a build arg asks for nothing.
        let df = crate::dockerfile::parse("FROM scratch AS a\nCOPY x /x\nFROM a\n").unwrap();
        let mut opts = BuildOptions::default();
        opts.build_args
            .insert("BUILDKIT_SBOM_SCAN_STAGE".into(), "true".into());
        opts.build_args
            .insert("BUILDKIT_SBOM_SCAN_CONTEXT".into(), "true".into());
        let p = plan(&df, &opts, &NoImageConfigs).unwrap();
        assert_eq!(p.sbom, crate::plan::SbomTargets::default());
    }
}
