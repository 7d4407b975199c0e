//! The fuzz targets' bodies, shared by the cargo-fuzz binaries in
//! `fuzz_targets/` and by `tests/fuzz_corpus.rs`, which replays every
//! corpus in ordinary `cargo test` runs: one definition, so the replay can
//! never drift from what was fuzzed. Any panic is a bug; errors are fine.
//!
//! Inputs that carry more than one text separate the parts with NUL bytes
//! (see each target), so seeds stay readable files.

use std::collections::BTreeMap;
use std::path::Path;

use strata::dockerfile::dockerignore;
use strata::dockerfile::expand::{ExpandOptions, expand_word, expand_words};
use strata::frontend::options::parse_options;
use strata::frontend::{LowerOptions, PassInput, convert_with_passes, lower};
use strata::llb::definition::{SourceFile, marshal};
use strata::llb::render;
use strata::plan::envlist::EnvList;
use strata::plan::passes::{self, ContextFiles, PassFacts, PassOptions};
use strata::plan::{BuildOptions, NoImageConfigs};
use strata::proto::fsutil::{Packet, Stat, packet::PacketType};
use strata::session::auth::DockerAuthConfig;
use strata::session::credential_helper;

/// A target's body: one input, any panic is a bug.
pub type Target = fn(&[u8]);

/// Every target by name; `fuzz/corpus/NAME` is its corpus.
pub const TARGETS: &[(&str, Target)] = &[
    ("parse_expand", parse_expand),
    ("pipeline", pipeline),
    ("dockerignore", dockerignore_match),
    ("frontend_options", frontend_options),
    ("docker_auth", docker_auth),
    ("filesync_receive", filesync_receive),
];

/// Parse arbitrary text as a Dockerfile, plan and lower it when it parses,
/// and expand it as a word, a mount flag and ignore patterns.
pub fn parse_expand(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = strata::frontend::convert(
        text,
        "Dockerfile",
        &BuildOptions::default(),
        &NoImageConfigs,
    );
    let mut env = EnvList::new();
    env.set("HOME", "/root");
    env.set("EMPTY", "");
    env.set("PATH", "/usr/bin:/bin");
    for escape in ['\\', '`'] {
        let opts = ExpandOptions {
            escape,
            ..Default::default()
        };
        let _ = expand_word(text, &env, opts);
        let _ = expand_words(text, &env, opts);
        let _ = expand_word(
            text,
            &env,
            ExpandOptions {
                escape,
                raw_quotes: true,
                raw_escapes: true,
            },
        );
    }
    let mut keep = |v: &str| Ok::<String, String>(v.to_string());
    let _ = strata::dockerfile::mount::parse_mount(text, &mut keep);
    let patterns = dockerignore::parse(text);
    if let Ok(m) = dockerignore::Matcher::new(&patterns) {
        let _ = m.is_excluded("a/b/c.txt");
    }
}

/// `DOCKERFILE [\0 PATH \0 CONTENT]...`: a Dockerfile and the context files
/// the passes may read (package.json, Cargo.toml, lockfiles…).
fn dockerfile_and_files(data: &[u8]) -> Option<(&str, BTreeMap<String, Vec<u8>>)> {
    let mut parts = data.split(|b| *b == 0);
    let text = std::str::from_utf8(parts.next()?).ok()?;
    let mut files = BTreeMap::new();
    while let (Some(path), Some(content)) = (parts.next(), parts.next()) {
        files.insert(String::from_utf8_lossy(path).into_owned(), content.to_vec());
    }
    Some((text, files))
}

fn context_files(files: &BTreeMap<String, Vec<u8>>, wanted: Vec<String>) -> ContextFiles {
    let mut out = ContextFiles::default();
    for path in wanted {
        let content = files.get(&path).cloned();
        out.files.insert(path, content);
    }
    out
}

/// The whole pure pipeline twice: as `strata llb` runs it (parse, plan,
/// layering and cache-mount passes, lower, marshal, render), and as the
/// frontend's build does (every pass, cache-busting and stamping included).
pub fn pipeline(data: &[u8]) {
    let Some((text, files)) = dockerfile_and_files(data) else {
        return;
    };
    let mut options = PassOptions::default();
    if options.apply_directive(text).is_err() {
        options = PassOptions::default();
    }
    let read = |wanted: Vec<String>| context_files(&files, wanted);
    let build_opts = BuildOptions::default();
    let converted = convert_with_passes(
        text,
        "Dockerfile",
        &build_opts,
        &NoImageConfigs,
        Some(PassInput {
            options: &options,
            read_files: &read,
            cache_namespace: "fuzz",
        }),
    );
    let Ok((converted, _)) = converted else {
        return;
    };
    let _ = converted.definition.to_bytes();
    let _ = render::to_json(&converted.definition);
    let _ = render::to_dot(&converted.definition);

    let mut plan = converted.plan;
    // Planned again from the parsed Dockerfile, as the frontend does.
    if let Ok(p) = strata::plan::plan(&converted.dockerfile, &build_opts, &NoImageConfigs) {
        plan = p;
    }
    options.stamp = true;
    let context = passes::read_context_files_with(&plan, &options, &read);
    let mut facts = PassFacts::default();
    facts.bust.now = Some(1_700_000_000);
    facts.bust.cache_bust = files
        .get("CACHE_BUST")
        .map(|v| String::from_utf8_lossy(v).into_owned());
    facts.stamp.created = Some("2024-01-01T00:00:00Z".into());
    facts.stamp.revision = Some("0123456789abcdef".into());
    facts.stamp.frontend_version = "fuzz".into();
    if passes::run_all_passes(&mut plan, &options, &context, "fuzz", &facts).is_ok() {
        let root = lower(&plan, &LowerOptions::default());
        let source = SourceFile {
            definition: None,
            filename: "Dockerfile".into(),
            data: text.as_bytes().to_vec(),
            language: "Dockerfile".into(),
        };
        let _ = marshal(&root, Some(&source)).to_bytes();
    }
}

/// `.dockerignore TEXT \0 PATH\nPATH…`: parse the patterns, build the
/// matcher and ask it about each path (and about each path's parents).
pub fn dockerignore_match(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (patterns, paths) = text.split_once('\0').unwrap_or((&text, "a/b/c.txt"));
    let parsed = dockerignore::parse(patterns);
    let _ = dockerignore::to_exclude_patterns(&parsed);
    let Ok(m) = dockerignore::Matcher::new(&parsed) else {
        return;
    };
    for path in paths.split('\n') {
        let _ = m.is_excluded(path);
        let mut prefix = path;
        while let Some((parent, _)) = prefix.rsplit_once('/') {
            let _ = m.is_excluded(parent);
            prefix = parent;
        }
    }
}

/// A small multi-stage Dockerfile touching what options change: ARGs,
/// targets, platforms, named contexts, cache mounts, labels.
const OPTIONS_DOCKERFILE: &str = "# syntax=docker/dockerfile:1
ARG BASE=busybox
FROM --platform=$BUILDPLATFORM ${BASE} AS build
ARG TARGETPLATFORM VERSION=1
COPY --from=ctx / /ctx
RUN --mount=type=cache,target=/root/.cache echo $TARGETPLATFORM $VERSION
FROM scratch AS out
COPY --from=build /ctx /
FROM build
WORKDIR /app
COPY . .
RUN npm ci
";

/// `KEY=VALUE` lines as a client sends frontend options; when they parse,
/// the pipeline runs with them on a fixed Dockerfile.
pub fn frontend_options(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut opts = BTreeMap::new();
    for line in text.split('\n') {
        let (k, v) = line.split_once('=').unwrap_or((line, ""));
        opts.insert(k.to_string(), v.to_string());
    }
    let Ok(parsed) = parse_options(&opts) else {
        return;
    };
    let mut pass_opts = PassOptions::default();
    for (k, v) in &parsed.pass_overrides {
        let _ = pass_opts.set(k, v);
    }
    let read = |wanted: Vec<String>| ContextFiles {
        files: wanted.into_iter().map(|p| (p, None)).collect(),
    };
    let _ = convert_with_passes(
        OPTIONS_DOCKERFILE,
        &parsed.filename,
        &parsed.build,
        &NoImageConfigs,
        Some(PassInput {
            options: &pass_opts,
            read_files: &read,
            cache_namespace: &parsed.cache_namespace,
        }),
    );
}

/// `config.json TEXT \0 HELPER OUTPUT \0 HOST\nHOST…`: parse a Docker
/// config file and a credential helper's answer, then look hosts up.
pub fn docker_auth(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let config = parts.next().unwrap_or_default();
    let helper = parts.next().unwrap_or_default();
    let hosts = parts.next().unwrap_or("docker.io\n127.0.0.1:5000");
    let _ = credential_helper::parse_output(helper.as_bytes());
    let Ok(parsed) = DockerAuthConfig::parse(config) else {
        return;
    };
    for host in hosts.split('\n') {
        let _ = DockerAuthConfig::config_key(host);
        let _ = parsed.helper_for(host);
        let _ = parsed.lookup(host);
        let _ = parsed.credentials(host);
    }
}

/// Decode a packet sequence: each packet is a kind byte followed by its
/// fields, lengths as one byte, so mutations stay meaningful.
/// 0: STAT (mode u32 LE, path, linkname, mod_time as one byte of seconds);
/// 1: end of stats; 2: DATA (id, data); 3: FIN; 4: ERR (text).
pub fn packets(data: &[u8]) -> Vec<Packet> {
    let mut out = Vec::new();
    let mut rest = data;
    let take = |rest: &mut &[u8], n: usize| -> Vec<u8> {
        let n = n.min(rest.len());
        let (a, b) = rest.split_at(n);
        *rest = b;
        a.to_vec()
    };
    let take_len = |rest: &mut &[u8]| -> Vec<u8> {
        let n = take(rest, 1).first().copied().unwrap_or(0) as usize;
        take(rest, n)
    };
    while let Some((&kind, tail)) = rest.split_first() {
        rest = tail;
        let packet = match kind % 5 {
            0 => {
                let mode = take(&mut rest, 4);
                let mode = u32::from_le_bytes([
                    mode.first().copied().unwrap_or(0),
                    mode.get(1).copied().unwrap_or(0),
                    mode.get(2).copied().unwrap_or(0),
                    mode.get(3).copied().unwrap_or(0),
                ]);
                let path = String::from_utf8_lossy(&take_len(&mut rest)).into_owned();
                let linkname = String::from_utf8_lossy(&take_len(&mut rest)).into_owned();
                let secs = take(&mut rest, 1).first().copied().unwrap_or(0);
                Packet {
                    r#type: PacketType::PacketStat as i32,
                    stat: Some(Stat {
                        path,
                        mode,
                        linkname,
                        mod_time: i64::from(secs) * 1_000_000_000,
                        ..Default::default()
                    }),
                    ..Default::default()
                }
            }
            1 => Packet {
                r#type: PacketType::PacketStat as i32,
                ..Default::default()
            },
            2 => {
                let id = u32::from(take(&mut rest, 1).first().copied().unwrap_or(0));
                Packet {
                    r#type: PacketType::PacketData as i32,
                    id,
                    data: take_len(&mut rest),
                    ..Default::default()
                }
            }
            3 => Packet {
                r#type: PacketType::PacketFin as i32,
                ..Default::default()
            },
            _ => Packet {
                r#type: PacketType::PacketErr as i32,
                data: take_len(&mut rest),
                ..Default::default()
            },
        };
        out.push(packet);
    }
    out
}

/// Everything under `root` (paths relative to it), symlinks not followed.
fn tree(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            out.push(
                p.strip_prefix(root)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .into_owned(),
            );
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Feed a packet sequence to the file-sync receiver (what `type=local`
/// exports run) writing into a fresh directory beside a sentinel tree: it
/// must never panic, hang, or create or change anything outside its
/// destination, whatever the sender says.
pub fn filesync_receive(data: &[u8]) {
    let packets = packets(data);
    let tmp = tempfile::tempdir().expect("tempdir");
    let dest = tmp.path().join("dest");
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).expect("mkdir");
    std::fs::write(outside.join("sentinel"), b"keep").expect("write");
    // A symlink out of the destination that a sender may try to write through.
    std::fs::create_dir(&dest).expect("mkdir");
    std::os::unix::fs::symlink(&outside, dest.join("out")).expect("symlink");
    let before = tree(&outside);
    let stamp = |p: &Path| {
        std::fs::metadata(p).map(|m| {
            use std::os::unix::fs::MetadataExt;
            (m.mode(), m.mtime(), m.mtime_nsec(), m.len())
        })
    };
    let stamps_before = (stamp(&outside).ok(), stamp(&outside.join("sentinel")).ok());

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        // Room for every answer the receiver can give (one REQ per stat,
        // FIN, ERR), so it never waits on us.
        let (tx, _rx) = tokio::sync::mpsc::channel(packets.len() + 4);
        let incoming = tokio_stream::iter(packets.into_iter().map(Ok));
        let _ = strata::session::filesync::receive::receive_dir(&dest, incoming, tx).await;
    });

    let mut top = tree(tmp.path());
    top.retain(|p| p != "dest" && !p.starts_with("dest/"));
    let expected: Vec<String> = ["outside".to_string()]
        .into_iter()
        .chain(before.iter().map(|p| format!("outside/{p}")))
        .collect();
    assert_eq!(top, expected, "the receiver wrote outside its destination");
    assert_eq!(
        std::fs::read(outside.join("sentinel")).expect("sentinel"),
        b"keep",
        "the receiver changed a file outside its destination"
    );
    assert_eq!(
        (stamp(&outside).ok(), stamp(&outside.join("sentinel")).ok()),
        stamps_before,
        "the receiver changed modes or times outside its destination"
    );
}
