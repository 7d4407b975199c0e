//! Exec ops: run a process with a root filesystem and extra mounts.

use super::{EMPTY_INPUT, Fs, InputList, Output, SKIP_OUTPUT, Vertex, VertexMeta, caps};
use crate::proto::pb;

/// One extra mount of an exec op.
#[derive(Debug, Clone)]
pub enum MountSpec {
    /// A filesystem from another op (or scratch) at `target`, optionally a
    /// sub-path of it (`selector`).
    Bind {
        target: String,
        source: Fs,
        selector: Option<String>,
        readonly: bool,
        no_output: bool,
    },
    /// A persistent cache directory shared between builds.
    Cache {
        target: String,
        id: String,
        sharing: pb::CacheSharingOpt,
        base: Fs,
        selector: Option<String>,
    },
    Tmpfs {
        target: String,
        size: i64,
    },
    /// `target` is `None` for env-only secrets.
    Secret {
        target: Option<String>,
        id: String,
        env: Option<String>,
        uid: u32,
        gid: u32,
        mode: u32,
        optional: bool,
    },
    Ssh {
        target: String,
        id: String,
        uid: u32,
        gid: u32,
        mode: u32,
        optional: bool,
    },
}

impl MountSpec {
    fn target(&self) -> &str {
        match self {
            MountSpec::Bind { target, .. }
            | MountSpec::Cache { target, .. }
            | MountSpec::Tmpfs { target, .. } => target,
            MountSpec::Ssh { target, .. } => target,
            MountSpec::Secret { target, .. } => target.as_deref().unwrap_or(""),
        }
    }
}

/// Everything about a process run; `root` is the filesystem at `/`.
#[derive(Debug, Clone, Default)]
pub struct ExecSpec {
    pub root: Fs,
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub cwd: String,
    pub user: String,
    pub hostname: String,
    pub network: NetworkMode,
    pub insecure: bool,
    pub proxy_env: Option<pb::ProxyEnv>,
    pub extra_hosts: Vec<pb::HostIp>,
    pub ulimits: Vec<pb::Ulimit>,
    pub cgroup_parent: String,
    pub mounts: Vec<MountSpec>,
    pub platform: Option<pb::Platform>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NetworkMode {
    #[default]
    Sandbox,
    Host,
    None,
}

impl NetworkMode {
    pub fn parse(s: &str) -> Option<NetworkMode> {
        match s {
            "default" | "sandbox" | "" => Some(NetworkMode::Sandbox),
            "host" => Some(NetworkMode::Host),
            "none" => Some(NetworkMode::None),
            _ => None,
        }
    }
}

/// The outputs of an exec: the new root, then one per writable bind mount in
/// target order.
#[derive(Debug, Clone)]
pub struct ExecOutputs {
    pub root: Output,
    pub mounts: Vec<(String, Output)>,
}

/// Build the exec op. Mounts are ordered by target like upstream, with the
/// root first; secret and ssh mounts come last.
pub fn exec(spec: ExecSpec, mut meta: VertexMeta) -> ExecOutputs {
    let mut inputs = InputList::default();
    let mut mounts_out: Vec<pb::Mount> = Vec::new();
    let mut output_targets: Vec<String> = Vec::new();
    let mut next_output = 0i64;

    let mut fs_mounts: Vec<&MountSpec> = spec
        .mounts
        .iter()
        .filter(|m| {
            matches!(
                m,
                MountSpec::Bind { .. } | MountSpec::Cache { .. } | MountSpec::Tmpfs { .. }
            )
        })
        .collect();
    fs_mounts.sort_by(|a, b| a.target().cmp(b.target()));

    // The root mount sorts first ("/" precedes every other absolute path).
    let root_input = inputs.index_of(&spec.root);
    mounts_out.push(pb::Mount {
        input: root_input,
        dest: "/".into(),
        output: next_output,
        ..Default::default()
    });
    output_targets.push("/".into());
    next_output += 1;

    for m in fs_mounts {
        match m {
            MountSpec::Bind {
                target,
                source,
                selector,
                readonly,
                no_output,
            } => {
                let input = inputs.index_of(source);
                let output = if *readonly || *no_output {
                    SKIP_OUTPUT
                } else {
                    output_targets.push(target.clone());
                    next_output += 1;
                    next_output - 1
                };
                if selector.is_some() {
                    meta.caps.insert(caps::EXEC_MOUNT_SELECTOR);
                }
                if *no_output && !*readonly {
                    meta.caps.insert(caps::EXEC_MOUNT_BIND_READWRITE_NO_OUTPUT);
                }
                meta.caps.insert(caps::EXEC_MOUNT_BIND);
                mounts_out.push(pb::Mount {
                    input,
                    selector: selector.clone().unwrap_or_default(),
                    dest: target.clone(),
                    output,
                    readonly: *readonly,
                    mount_type: pb::MountType::Bind as i32,
                    ..Default::default()
                });
            }
            MountSpec::Cache {
                target,
                id,
                sharing,
                base,
                selector,
            } => {
                let input = inputs.index_of(base);
                if selector.is_some() {
                    meta.caps.insert(caps::EXEC_MOUNT_SELECTOR);
                }
                meta.caps.insert(caps::EXEC_MOUNT_CACHE);
                meta.caps.insert(caps::EXEC_MOUNT_CACHE_SHARING);
                mounts_out.push(pb::Mount {
                    input,
                    selector: selector.clone().unwrap_or_default(),
                    dest: target.clone(),
                    output: SKIP_OUTPUT,
                    mount_type: pb::MountType::Cache as i32,
                    cache_opt: Some(pb::CacheOpt {
                        id: id.clone(),
                        sharing: *sharing as i32,
                    }),
                    ..Default::default()
                });
            }
            MountSpec::Tmpfs { target, size } => {
                meta.caps.insert(caps::EXEC_MOUNT_TMPFS);
                if *size > 0 {
                    meta.caps.insert(caps::EXEC_MOUNT_TMPFS_SIZE);
                }
                mounts_out.push(pb::Mount {
                    input: EMPTY_INPUT,
                    dest: target.clone(),
                    output: SKIP_OUTPUT,
                    mount_type: pb::MountType::Tmpfs as i32,
                    tmpfs_opt: Some(pb::TmpfsOpt { size: *size }),
                    ..Default::default()
                });
            }
            _ => {}
        }
    }

    let mut secret_env = Vec::new();
    for m in &spec.mounts {
        if let MountSpec::Secret {
            target,
            id,
            env,
            uid,
            gid,
            mode,
            optional,
        } = m
        {
            meta.caps.insert(caps::EXEC_MOUNT_SECRET);
            if let Some(name) = env {
                meta.caps.insert(caps::EXEC_SECRET_ENV);
                secret_env.push(pb::SecretEnv {
                    id: id.clone(),
                    name: name.clone(),
                    optional: *optional,
                });
            }
            if let Some(dest) = target {
                mounts_out.push(pb::Mount {
                    input: EMPTY_INPUT,
                    dest: dest.clone(),
                    output: SKIP_OUTPUT,
                    mount_type: pb::MountType::Secret as i32,
                    secret_opt: Some(pb::SecretOpt {
                        id: id.clone(),
                        uid: *uid,
                        gid: *gid,
                        mode: *mode,
                        optional: *optional,
                    }),
                    ..Default::default()
                });
            }
        }
    }
    let mut env = spec.env.clone();
    let mut first_ssh_target = None;
    for m in &spec.mounts {
        if let MountSpec::Ssh {
            target,
            id,
            uid,
            gid,
            mode,
            optional,
        } = m
        {
            meta.caps.insert(caps::EXEC_MOUNT_SSH);
            first_ssh_target.get_or_insert_with(|| target.clone());
            mounts_out.push(pb::Mount {
                input: EMPTY_INPUT,
                dest: target.clone(),
                output: SKIP_OUTPUT,
                mount_type: pb::MountType::Ssh as i32,
                ssh_opt: Some(pb::SshOpt {
                    id: id.clone(),
                    uid: *uid,
                    gid: *gid,
                    mode: *mode,
                    optional: *optional,
                }),
                ..Default::default()
            });
        }
    }
    if let Some(t) = first_ssh_target
        && !env
            .iter()
            .any(|e| e.split('=').next() == Some("SSH_AUTH_SOCK"))
    {
        env.push(format!("SSH_AUTH_SOCK={t}"));
    }

    meta.caps.insert(caps::EXEC_META_BASE);
    if spec.network != NetworkMode::Sandbox {
        meta.caps.insert(caps::EXEC_META_NETWORK);
    }
    if spec.insecure {
        meta.caps.insert(caps::EXEC_META_SECURITY);
    }
    if spec.proxy_env.is_some() {
        meta.caps.insert(caps::EXEC_META_PROXY);
    }
    if !spec.ulimits.is_empty() {
        meta.caps.insert(caps::EXEC_META_ULIMIT);
    }
    if !spec.cgroup_parent.is_empty() {
        meta.caps.insert(caps::EXEC_META_CGROUP_PARENT);
    }

    let exec = pb::ExecOp {
        meta: Some(pb::Meta {
            args: spec.args,
            env,
            cwd: spec.cwd,
            user: spec.user,
            proxy_env: spec.proxy_env,
            extra_hosts: spec.extra_hosts,
            hostname: spec.hostname,
            ulimit: spec.ulimits,
            cgroup_parent: spec.cgroup_parent,
            remove_mount_stubs_recursive: true,
            ..Default::default()
        }),
        mounts: mounts_out,
        network: match spec.network {
            NetworkMode::Sandbox => pb::NetMode::Unset as i32,
            NetworkMode::Host => pb::NetMode::Host as i32,
            NetworkMode::None => pb::NetMode::None as i32,
        },
        security: if spec.insecure {
            pb::SecurityMode::Insecure as i32
        } else {
            pb::SecurityMode::Sandbox as i32
        },
        secretenv: secret_env,
        ..Default::default()
    };
    let vertex = std::sync::Arc::new(Vertex {
        op: pb::op::Op::Exec(exec),
        inputs: inputs.inputs,
        platform: spec.platform,
        meta,
    });
    let root = Output {
        vertex: vertex.clone(),
        index: 0,
    };
    let mounts = output_targets
        .into_iter()
        .enumerate()
        .skip(1)
        .map(|(i, t)| {
            (
                t,
                Output {
                    vertex: vertex.clone(),
                    index: i as i64,
                },
            )
        })
        .collect();
    ExecOutputs { root, mounts }
}
