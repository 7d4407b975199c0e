//! Human-facing renderings of a marshaled definition: deterministic JSON
//! (one object per op, like `buildctl debug dump-llb`) and Graphviz dot.

use serde_json::{Map, Value, json};

use super::Marshaled;
use crate::proto::pb;

fn enum_name<T: TryFrom<i32> + std::fmt::Debug>(v: i32) -> Value {
    match T::try_from(v) {
        Ok(e) => Value::String(format!("{e:?}").to_uppercase()),
        Err(_) => Value::from(v),
    }
}

fn platform_json(p: &pb::Platform) -> Value {
    let mut m = Map::new();
    m.insert("os".into(), p.os.clone().into());
    m.insert("architecture".into(), p.architecture.clone().into());
    if !p.variant.is_empty() {
        m.insert("variant".into(), p.variant.clone().into());
    }
    Value::Object(m)
}

fn chown_json(c: &Option<pb::ChownOpt>) -> Value {
    let user = |u: &Option<pb::UserOpt>| match u.as_ref().and_then(|u| u.user.as_ref()) {
        Some(pb::user_opt::User::ById(id)) => json!({ "id": id }),
        Some(pb::user_opt::User::ByName(n)) => json!({ "name": n.name, "input": n.input }),
        None => Value::Null,
    };
    match c {
        Some(c) => json!({ "user": user(&c.user), "group": user(&c.group) }),
        None => Value::Null,
    }
}

fn file_action_json(a: &pb::FileAction) -> Value {
    let body = match &a.action {
        Some(pb::file_action::Action::Copy(c)) => json!({ "copy": {
            "src": c.src, "dest": c.dest, "owner": chown_json(&c.owner),
            "mode": if c.mode_str.is_empty() { if c.mode < 0 { Value::Null } else { format!("{:o}", c.mode).into() } } else { c.mode_str.clone().into() },
            "followSymlink": c.follow_symlink, "dirCopyContents": c.dir_copy_contents,
            "attemptUnpack": c.attempt_unpack_docker_compatibility, "createDestPath": c.create_dest_path,
            "allowWildcard": c.allow_wildcard, "allowEmptyWildcard": c.allow_empty_wildcard,
            "timestamp": c.timestamp, "includePatterns": c.include_patterns, "excludePatterns": c.exclude_patterns,
            "requiredPaths": c.required_paths,
        }}),
        Some(pb::file_action::Action::Mkdir(m)) => json!({ "mkdir": {
            "path": m.path, "mode": format!("{:o}", m.mode), "makeParents": m.make_parents,
            "owner": chown_json(&m.owner), "timestamp": m.timestamp,
        }}),
        Some(pb::file_action::Action::Mkfile(m)) => json!({ "mkfile": {
            "path": m.path, "mode": format!("{:o}", m.mode), "data": String::from_utf8_lossy(&m.data),
            "owner": chown_json(&m.owner), "timestamp": m.timestamp,
        }}),
        Some(pb::file_action::Action::Rm(r)) => json!({ "rm": {
            "path": r.path, "allowNotFound": r.allow_not_found, "allowWildcard": r.allow_wildcard,
        }}),
        Some(pb::file_action::Action::Symlink(s)) => json!({ "symlink": {
            "oldpath": s.oldpath, "newpath": s.newpath, "owner": chown_json(&s.owner), "timestamp": s.timestamp,
        }}),
        None => Value::Null,
    };
    json!({ "input": a.input, "secondaryInput": a.secondary_input, "output": a.output, "action": body })
}

fn mount_json(m: &pb::Mount) -> Value {
    let mut o = Map::new();
    o.insert("dest".into(), m.dest.clone().into());
    o.insert("type".into(), enum_name::<pb::MountType>(m.mount_type));
    o.insert("input".into(), m.input.into());
    o.insert("output".into(), m.output.into());
    if !m.selector.is_empty() {
        o.insert("selector".into(), m.selector.clone().into());
    }
    if m.readonly {
        o.insert("readonly".into(), true.into());
    }
    if let Some(c) = &m.cache_opt {
        o.insert(
            "cache".into(),
            json!({ "id": c.id, "sharing": enum_name::<pb::CacheSharingOpt>(c.sharing) }),
        );
    }
    if let Some(t) = &m.tmpfs_opt {
        o.insert("tmpfs".into(), json!({ "size": t.size }));
    }
    if let Some(s) = &m.secret_opt {
        o.insert("secret".into(), json!({ "id": s.id, "uid": s.uid, "gid": s.gid, "mode": format!("{:o}", s.mode), "optional": s.optional }));
    }
    if let Some(s) = &m.ssh_opt {
        o.insert("ssh".into(), json!({ "id": s.id, "uid": s.uid, "gid": s.gid, "mode": format!("{:o}", s.mode), "optional": s.optional }));
    }
    Value::Object(o)
}

fn op_json(op: &pb::Op) -> Value {
    let mut o = Map::new();
    o.insert(
        "inputs".into(),
        op.inputs
            .iter()
            .map(|i| json!({ "digest": i.digest, "index": i.index }))
            .collect(),
    );
    let body = match &op.op {
        Some(pb::op::Op::Source(s)) => {
            json!({ "source": { "identifier": s.identifier, "attrs": s.attrs } })
        }
        Some(pb::op::Op::Exec(e)) => {
            let meta = e.meta.clone().unwrap_or_default();
            let mut em = Map::new();
            em.insert("args".into(), meta.args.clone().into());
            em.insert("env".into(), meta.env.clone().into());
            em.insert("cwd".into(), meta.cwd.clone().into());
            if !meta.user.is_empty() {
                em.insert("user".into(), meta.user.clone().into());
            }
            if !meta.hostname.is_empty() {
                em.insert("hostname".into(), meta.hostname.clone().into());
            }
            if let Some(p) = &meta.proxy_env {
                em.insert("proxyEnv".into(), json!({ "http": p.http_proxy, "https": p.https_proxy, "ftp": p.ftp_proxy, "no": p.no_proxy, "all": p.all_proxy }));
            }
            if !meta.extra_hosts.is_empty() {
                em.insert(
                    "extraHosts".into(),
                    meta.extra_hosts
                        .iter()
                        .map(|h| json!({ "host": h.host, "ip": h.ip }))
                        .collect(),
                );
            }
            json!({ "exec": {
                "meta": Value::Object(em),
                "mounts": e.mounts.iter().map(mount_json).collect::<Vec<_>>(),
                "network": enum_name::<pb::NetMode>(e.network),
                "security": enum_name::<pb::SecurityMode>(e.security),
                "secretEnv": e.secretenv.iter().map(|s| json!({ "id": s.id, "name": s.name, "optional": s.optional })).collect::<Vec<_>>(),
            }})
        }
        Some(pb::op::Op::File(f)) => {
            json!({ "file": { "actions": f.actions.iter().map(file_action_json).collect::<Vec<_>>() } })
        }
        Some(pb::op::Op::Merge(m)) => {
            json!({ "merge": { "inputs": m.inputs.iter().map(|i| i.input).collect::<Vec<_>>() } })
        }
        Some(pb::op::Op::Diff(d)) => json!({ "diff": {
            "lower": d.lower.as_ref().map(|l| l.input), "upper": d.upper.as_ref().map(|u| u.input),
        }}),
        Some(pb::op::Op::Build(_)) => json!({ "build": {} }),
        Some(pb::op::Op::Passthrough(_)) => json!({ "passthrough": {} }),
        None => Value::Null,
    };
    o.insert("op".into(), body);
    if let Some(p) = &op.platform {
        o.insert("platform".into(), platform_json(p));
    }
    Value::Object(o)
}

/// One JSON object per op in definition order: digest, op, metadata.
pub fn to_json(m: &Marshaled) -> Value {
    let ops = m
        .ops()
        .into_iter()
        .map(|(digest, op)| {
            let md = m
                .definition
                .metadata
                .get(&digest)
                .cloned()
                .unwrap_or_default();
            let mut meta = Map::new();
            if !md.description.is_empty() {
                meta.insert("description".into(), json!(md.description));
            }
            if md.ignore_cache {
                meta.insert("ignoreCache".into(), true.into());
            }
            if !md.caps.is_empty() {
                meta.insert(
                    "caps".into(),
                    md.caps.keys().cloned().collect::<Vec<_>>().into(),
                );
            }
            json!({ "digest": digest, "op": op_json(&op), "metadata": Value::Object(meta) })
        })
        .collect::<Vec<_>>();
    Value::Array(ops)
}

fn label_for(op: &pb::Op, md: Option<&pb::OpMetadata>) -> String {
    if let Some(name) = md.and_then(|m| m.description.get("llb.customname")) {
        return name.clone();
    }
    match &op.op {
        Some(pb::op::Op::Source(s)) => s.identifier.clone(),
        Some(pb::op::Op::Exec(e)) => e
            .meta
            .as_ref()
            .map(|m| m.args.join(" "))
            .unwrap_or_default(),
        Some(pb::op::Op::File(f)) => format!("file ({} actions)", f.actions.len()),
        Some(pb::op::Op::Merge(_)) => "merge".into(),
        Some(pb::op::Op::Diff(_)) => "diff".into(),
        Some(pb::op::Op::Build(_)) => "build".into(),
        Some(pb::op::Op::Passthrough(_)) => "passthrough".into(),
        None => "result".into(),
    }
}

fn dot_escape(s: &str) -> String {
    let short: String = if s.chars().count() > 80 {
        s.chars().take(77).chain("...".chars()).collect()
    } else {
        s.to_string()
    };
    short
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// A Graphviz digraph: one node per op, edges from inputs to users.
pub fn to_dot(m: &Marshaled) -> String {
    let mut out =
        String::from("digraph llb {\n  rankdir=BT;\n  node [shape=box, fontname=\"monospace\"];\n");
    for (digest, op) in m.ops() {
        let short = digest
            .trim_start_matches("sha256:")
            .chars()
            .take(12)
            .collect::<String>();
        let label = label_for(&op, m.definition.metadata.get(&digest));
        out.push_str(&format!(
            "  \"{digest}\" [label=\"{}\\n{short}\"];\n",
            dot_escape(&label)
        ));
        for input in &op.inputs {
            out.push_str(&format!(
                "  \"{}\" -> \"{digest}\" [label=\"{}\"];\n",
                input.digest, input.index
            ));
        }
    }
    out.push_str("}\n");
    out
}
