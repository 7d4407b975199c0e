//! Build plan → LLB graph. Each stage becomes a chain of ops starting at its
//! base; steps read other stages' results and the build context.

use std::collections::{BTreeMap, HashMap};

use crate::dockerfile::Span;

use crate::llb::exec::{ExecSpec, MountSpec, exec};
use crate::llb::file::{Chown, CopyOptions, FileBuilder};
use crate::llb::source::{self, GitOptions, HttpOptions, LocalOptions, ResolveMode};
use crate::llb::{Fs, Output, SourceRange, VertexMeta, merge};
use crate::plan::platform::Platform;
use crate::plan::{
    Base, BuildPlan, CopySource, FsRef, NamedContext, RunMountPlan, StageId, Step, StepOp,
};
use crate::proto::pb;

/// Options that shape the LLB but not the plan.
#[derive(Debug, Clone)]
pub struct LowerOptions {
    pub resolve_mode: ResolveMode,
    /// Use merge ops for `COPY --link` (the engine must support them).
    pub merge_op: bool,
    /// Frontend inputs by name, already imported (`input:NAME` contexts).
    pub inputs: BTreeMap<String, Fs>,
    /// `.dockerignore` patterns of `local:` named contexts, by local name.
    pub local_excludes: BTreeMap<String, Vec<String>>,
    /// The main context when it is not a local (a Git or HTTP URL, a
    /// frontend input), ignore patterns already applied.
    pub main_context: Option<Fs>,
    /// `local-sessionid:NAME`: locals served by another session.
    pub local_sessions: BTreeMap<String, String>,
}

impl Default for LowerOptions {
    fn default() -> Self {
        LowerOptions {
            resolve_mode: ResolveMode::Default,
            merge_op: true,
            inputs: BTreeMap::new(),
            local_excludes: BTreeMap::new(),
            main_context: None,
            local_sessions: BTreeMap::new(),
        }
    }
}

/// One range per line of the instruction, as upstream's parser locates a
/// node (`toRanges`): clients show and match errors line by line.
fn location(span: Span) -> Vec<SourceRange> {
    let start = span.start.line;
    (start..=span.end.line.max(start))
        .map(|line| SourceRange {
            start_line: line,
            start_char: 0,
            end_line: line,
            end_char: 0,
        })
        .collect()
}

fn step_meta(step: &Step, name: &str) -> VertexMeta {
    VertexMeta::named(name)
        .with_description("com.docker.dockerfile.v1.command", step.command.clone())
        .at(&location(step.span))
        .ignoring_cache(step.ignore_cache)
}

fn internal(name: &str) -> VertexMeta {
    VertexMeta::named(format!("[internal] {name}"))
}

/// The op that loads the main context from the client, as every step
/// reading the context uses it (and as the budget check lists it again:
/// the same op is the same vertex, so nothing is sent twice).
pub fn context_local(plan: &BuildPlan, opts: &LowerOptions) -> Output {
    let ctx = &plan.context;
    source::local(
        &ctx.name,
        &LocalOptions {
            session_id: local_session(plan, opts, &ctx.name),
            shared_key_hint: Some(ctx.name.clone()),
            exclude_patterns: ctx.exclude_patterns.clone(),
            follow_paths: ctx.follow_paths.clone().unwrap_or_default(),
            ..Default::default()
        },
        internal("load build context"),
    )
}

/// The session serving the local `name`: its `local-sessionid:`, else the build's.
fn local_session(plan: &BuildPlan, opts: &LowerOptions, name: &str) -> Option<String> {
    opts.local_sessions
        .get(name)
        .cloned()
        .or_else(|| plan.context.session_id.clone())
}

struct Lowering<'a> {
    plan: &'a BuildPlan,
    opts: &'a LowerOptions,
    outputs: HashMap<StageId, Fs>,
    context: Option<Fs>,
}

impl Lowering<'_> {
    fn context(&mut self) -> Fs {
        if let Some(c) = &self.context {
            return c.clone();
        }
        if let Some(main) = &self.opts.main_context {
            self.context = Some(main.clone());
            return main.clone();
        }
        let local = context_local(self.plan, self.opts);
        self.context = Some(Some(local.clone()));
        Some(local)
    }

    /// The session serving the local `name`: its `local-sessionid:`, else the build's.
    fn local_session(&self, name: &str) -> Option<String> {
        local_session(self.plan, self.opts, name)
    }

    /// The filesystem of a non-image named context (`local:`, git, http, a frontend input).
    fn named_context(&self, ctx: &NamedContext) -> Fs {
        Some(match ctx {
            NamedContext::Local(name) => source::local(
                name,
                &LocalOptions {
                    session_id: self.local_session(name),
                    shared_key_hint: Some(format!("context:{name}")),
                    exclude_patterns: self
                        .opts
                        .local_excludes
                        .get(name)
                        .cloned()
                        .unwrap_or_default(),
                    follow_paths: self
                        .plan
                        .named_follow_paths
                        .get(name)
                        .cloned()
                        .unwrap_or_default(),
                    ..Default::default()
                },
                VertexMeta::named(format!("[context {name}] load from client")),
            ),
            // The frontend checked that every input exists before planning.
            NamedContext::Input(name) => return self.opts.inputs.get(name).cloned().flatten(),
            NamedContext::OciLayout {
                store,
                digest,
                name,
            } => source::oci_layout(
                if name.is_empty() { digest } else { name },
                Platform::host().to_pb(),
                self.plan.context.session_id.as_deref().unwrap_or_default(),
                store,
                VertexMeta::named(format!("[context {name}] OCI load from client")),
            ),
            NamedContext::Git(_) | NamedContext::Http(_) => return remote_named_context(ctx),
            NamedContext::Image(reference) => source::image(
                reference,
                Platform::host().to_pb(),
                self.opts.resolve_mode,
                VertexMeta::named(format!("[context] {reference}")),
            ),
        })
    }

    fn fs(&mut self, r: &FsRef) -> Fs {
        match r {
            FsRef::Context => self.context(),
            FsRef::Scratch => None,
            FsRef::Stage(i) => self.stage(*i),
        }
    }

    /// The final filesystem of a stage. Every stage it reads (its base, `COPY
    /// --from`, `RUN --mount=from=`) is lowered first, in dependency order, so
    /// that `fs` always finds them done: a chain of thousands of stages each
    /// reading the previous one costs no stack.
    fn stage(&mut self, id: StageId) -> Fs {
        if let Some(fs) = self.outputs.get(&id) {
            return fs.clone();
        }
        for sid in dependency_order(self.plan, id) {
            if !self.outputs.contains_key(&sid) {
                let fs = self.lower_stage(sid);
                self.outputs.insert(sid, fs);
            }
        }
        self.outputs.get(&id).cloned().unwrap_or(None)
    }

    /// One stage's ops, its dependencies already lowered.
    fn lower_stage(&mut self, sid: StageId) -> Fs {
        let stage = &self.plan.stages[sid];
        let mut fs: Fs = match &stage.base {
            Base::Scratch => None,
            Base::Image {
                reference,
                name,
                oci_store: None,
            } => Some(source::image(
                reference,
                stage.platform.to_pb(),
                self.opts.resolve_mode,
                // The FROM line (or the COPY --from naming the image).
                VertexMeta::named(name).at(&stage.span.map(location).unwrap_or_default()),
            )),
            Base::Image {
                reference,
                name,
                oci_store: Some(store),
            } => Some(source::oci_layout(
                reference,
                stage.platform.to_pb(),
                self.plan.context.session_id.as_deref().unwrap_or_default(),
                store,
                VertexMeta::named(name).at(&stage.span.map(location).unwrap_or_default()),
            )),
            Base::Stage(b) => self.outputs.get(b).cloned().unwrap_or(None),
            Base::Context(ctx) => self.named_context(ctx),
        };
        for step in &stage.steps {
            fs = self.step(fs, step);
        }
        fs
    }

    fn step(&mut self, fs: Fs, step: &Step) -> Fs {
        match &step.op {
            StepOp::Mkdir {
                path,
                user,
                timestamp,
            } => FileBuilder::on(fs)
                .mkdir(
                    path.clone(),
                    0o755,
                    true,
                    user.as_deref().map(Chown::parse),
                    *timestamp,
                )
                .build(step_meta(step, &step.name)),
            StepOp::Run(run) => {
                let mut mounts = Vec::new();
                for m in &run.mounts {
                    mounts.push(match m {
                        RunMountPlan::Bind {
                            target,
                            from,
                            source,
                            readonly,
                        } => MountSpec::Bind {
                            target: target.clone(),
                            source: self.fs(from),
                            selector: (source != "/").then(|| source.clone()),
                            readonly: *readonly,
                            no_output: !*readonly,
                        },
                        RunMountPlan::Cache {
                            target,
                            id,
                            sharing,
                            from,
                            source,
                            init,
                            readonly: _,
                        } => {
                            let mut base = self.fs(from);
                            let mut selector = (source != "/").then(|| source.clone());
                            if let Some((uid, gid, mode)) = init {
                                base = FileBuilder::on(base)
                                    .mkdir(
                                        "/cache",
                                        *mode,
                                        false,
                                        Some(Chown {
                                            user: Some(crate::llb::file::Owner::Id(*uid)),
                                            group: Some(crate::llb::file::Owner::Id(*gid)),
                                        }),
                                        None,
                                    )
                                    .build(internal("setting cache mount permissions"));
                                selector = Some("/cache".into());
                            }
                            MountSpec::Cache {
                                target: target.clone(),
                                id: id.clone(),
                                sharing: *sharing,
                                base,
                                selector,
                            }
                        }
                        RunMountPlan::Tmpfs { target, size } => MountSpec::Tmpfs {
                            target: target.clone(),
                            size: *size,
                        },
                        RunMountPlan::Secret {
                            target,
                            id,
                            env,
                            uid,
                            gid,
                            mode,
                            optional,
                        } => MountSpec::Secret {
                            target: target.clone(),
                            id: id.clone(),
                            env: env.clone(),
                            uid: *uid,
                            gid: *gid,
                            mode: *mode,
                            optional: *optional,
                        },
                        RunMountPlan::Ssh {
                            target,
                            id,
                            uid,
                            gid,
                            mode,
                            optional,
                        } => MountSpec::Ssh {
                            target: target.clone(),
                            id: id.clone(),
                            uid: *uid,
                            gid: *gid,
                            mode: *mode,
                            optional: *optional,
                        },
                        RunMountPlan::GeneratedFile { target, data } => {
                            let doc = FileBuilder::on(None)
                                .mkfile("/file", 0o644, data.clone(), None, None)
                                .build(internal("preparing generated file"));
                            MountSpec::Bind {
                                target: target.clone(),
                                source: doc,
                                selector: Some("/file".into()),
                                readonly: true,
                                no_output: false,
                            }
                        }
                        RunMountPlan::InlineFile {
                            dir,
                            file,
                            data,
                            mode,
                        } => {
                            let doc = FileBuilder::on(None)
                                .mkfile(format!("/{file}"), *mode, data.clone(), None, None)
                                .build(internal("preparing inline document"));
                            MountSpec::Bind {
                                target: dir.clone(),
                                source: doc,
                                selector: Some("/".into()),
                                readonly: true,
                                no_output: false,
                            }
                        }
                    });
                }
                if run.shm_size > 0 {
                    mounts.push(MountSpec::Tmpfs {
                        target: "/dev/shm".into(),
                        size: run.shm_size,
                    });
                }
                let spec = ExecSpec {
                    root: fs,
                    args: run.args.clone(),
                    env: run.env.clone(),
                    cwd: run.cwd.clone(),
                    user: run.user.clone(),
                    hostname: run.hostname.clone(),
                    network: run.network,
                    insecure: run.insecure,
                    proxy_env: run.proxy_env.clone(),
                    extra_hosts: run
                        .extra_hosts
                        .iter()
                        .map(|(h, ip)| pb::HostIp {
                            host: h.clone(),
                            ip: ip.clone(),
                        })
                        .collect(),
                    ulimits: run.ulimits.clone(),
                    cgroup_parent: String::new(),
                    mounts,
                    platform: Some(step.platform.to_pb()),
                };
                Some(exec(spec, step_meta(step, &step.name)).root)
            }
            StepOp::Copy(copy) => {
                let link = copy.link && self.opts.merge_op && copy.mode.is_none();
                let mut fb = FileBuilder::on(if link { None } else { fs.clone() });
                let owner = copy.owner.as_deref().map(Chown::parse);
                for src in &copy.sources {
                    let base_opts = CopyOptions {
                        owner: owner.clone(),
                        mode: copy.mode.clone(),
                        create_dest_path: true,
                        exclude_patterns: copy.exclude.clone(),
                        timestamp: copy.timestamp,
                        ..Default::default()
                    };
                    fb = match src {
                        CopySource::Fs {
                            from,
                            path,
                            include_patterns,
                            required_paths,
                            unpack,
                        } => {
                            let src_fs = self.fs(from);
                            fb.copy(
                                src_fs,
                                path.clone(),
                                copy.dest.clone(),
                                CopyOptions {
                                    follow_symlinks: true,
                                    dir_copy_contents: true,
                                    include_patterns: include_patterns.clone(),
                                    required_paths: required_paths.clone(),
                                    attempt_unpack: *unpack,
                                    allow_wildcard: true,
                                    allow_empty_wildcard: true,
                                    ..base_opts
                                },
                            )
                        }
                        CopySource::Git { .. } => {
                            let repo = remote_source(src, VertexMeta::named(&step.name));
                            fb.copy(repo, "/", copy.dest.clone(), base_opts)
                        }
                        CopySource::Http {
                            filename, unpack, ..
                        } => {
                            let file = remote_source(
                                src,
                                VertexMeta::named(&step.name).with_description(
                                    "com.docker.dockerfile.v1.command",
                                    step.command.clone(),
                                ),
                            );
                            fb.copy(
                                file,
                                format!("/{filename}"),
                                copy.dest.clone(),
                                CopyOptions {
                                    attempt_unpack: *unpack,
                                    ..base_opts
                                },
                            )
                        }
                        CopySource::Inline { name, data } => {
                            let doc = FileBuilder::on(None)
                                .mkfile(format!("/{name}"), 0o644, data.clone(), None, None)
                                .build(internal("preparing inline document"));
                            fb.copy(doc, format!("/{name}"), copy.dest.clone(), base_opts)
                        }
                    };
                }
                let copied = fb.build(step_meta(step, &step.name));
                if link {
                    let link_name = match step.name.find("] ") {
                        Some(i) if step.name.starts_with('[') => {
                            format!("{}LINK {}", &step.name[..i + 2], &step.name[i + 2..])
                        }
                        _ => format!("LINK {}", step.name),
                    };
                    merge::merge(
                        &[fs, copied],
                        Some(step.platform.to_pb()),
                        step_meta(step, &link_name),
                    )
                } else {
                    copied
                }
            }
        }
    }
}

/// The stages a stage reads directly.
fn stage_inputs(plan: &BuildPlan, id: StageId) -> Vec<StageId> {
    let stage = &plan.stages[id];
    let mut out = Vec::new();
    if let Base::Stage(b) = &stage.base {
        out.push(*b);
    }
    let mut add = |r: &FsRef| {
        if let FsRef::Stage(i) = r {
            out.push(*i);
        }
    };
    for step in &stage.steps {
        match &step.op {
            StepOp::Run(run) => {
                for m in &run.mounts {
                    if let RunMountPlan::Bind { from, .. } | RunMountPlan::Cache { from, .. } = m {
                        add(from);
                    }
                }
            }
            StepOp::Copy(copy) => {
                for src in &copy.sources {
                    if let CopySource::Fs { from, .. } = src {
                        add(from);
                    }
                }
            }
            StepOp::Mkdir { .. } => {}
        }
    }
    out
}

/// `id` and every stage it reads, each after the stages it reads: a
/// depth-first post-order kept on the heap. The planner rejects cycles; were
/// one to slip through, the `seen` set still ends the walk.
fn dependency_order(plan: &BuildPlan, id: StageId) -> Vec<StageId> {
    let mut order = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![(id, false)];
    while let Some((sid, inputs_done)) = stack.pop() {
        if inputs_done {
            order.push(sid);
            continue;
        }
        if !seen.insert(sid) {
            continue;
        }
        stack.push((sid, true));
        for dep in stage_inputs(plan, sid).into_iter().rev() {
            if !seen.contains(&dep) {
                stack.push((dep, false));
            }
        }
    }
    order
}

/// The LLB of the plan's target stage.
pub fn lower(plan: &BuildPlan, opts: &LowerOptions) -> Fs {
    let mut l = Lowering {
        plan,
        opts,
        outputs: HashMap::new(),
        context: None,
    };
    l.stage(plan.target)
}

/// What an SBOM scan sees beside the result ([`crate::plan::SbomTargets`]):
/// the build context as `context`, then each stage by name.
pub fn sbom_extras(plan: &BuildPlan, opts: &LowerOptions) -> Vec<(String, Fs)> {
    let mut l = Lowering {
        plan,
        opts,
        outputs: HashMap::new(),
        context: None,
    };
    let mut extras = Vec::new();
    if plan.sbom.context {
        extras.push(("context".to_string(), l.context()));
    }
    for (name, id) in &plan.sbom.stages {
        extras.push((name.clone(), l.stage(*id)));
    }
    extras
}

/// The source op of a remote ADD source (a Git checkout, an HTTP
/// download); `None` for any other kind of source.
pub fn remote_source(src: &CopySource, meta: VertexMeta) -> Fs {
    match src {
        CopySource::Git {
            remote,
            reference,
            subdir,
            keep_git_dir,
            checksum,
            skip_submodules,
        } => Some(source::git(
            remote,
            &GitOptions {
                reference: reference.clone(),
                subdir: subdir.clone(),
                keep_git_dir: *keep_git_dir,
                checksum: checksum.clone(),
                skip_submodules: *skip_submodules,
            },
            meta,
        )),
        CopySource::Http {
            url,
            filename,
            checksum,
            ..
        } => Some(source::http(
            url,
            &HttpOptions {
                filename: Some(filename.clone()),
                checksum: checksum.clone(),
                perm: None,
            },
            meta,
        )),
        _ => None,
    }
}

/// The source op of a Git or HTTP named context (an HTTP one is a single
/// file named `context`, as upstream); `None` for any other kind.
pub fn remote_named_context(ctx: &NamedContext) -> Fs {
    match ctx {
        NamedContext::Git(url) => {
            let g = crate::plan::gitref::parse_git_ref(url)
                .ok()
                .flatten()
                .unwrap_or_default();
            let remote = if g.remote.is_empty() {
                url.clone()
            } else {
                g.remote
            };
            Some(source::git(
                &remote,
                &GitOptions {
                    reference: g.reference,
                    subdir: g.subdir,
                    keep_git_dir: g.keep_git_dir.unwrap_or(false),
                    checksum: g.checksum,
                    skip_submodules: g.submodules == Some(false),
                },
                VertexMeta::named(format!("[context] {url}")),
            ))
        }
        NamedContext::Http(url) => Some(source::http(
            url,
            &HttpOptions {
                filename: Some("context".into()),
                checksum: None,
                perm: None,
            },
            VertexMeta::named(format!("[context] {url}")),
        )),
        _ => None,
    }
}
