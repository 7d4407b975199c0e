//! Source ops: container images, client-side directories (locals), git
//! repositories and HTTP downloads.

use std::collections::BTreeMap;

use super::{Output, Vertex, VertexMeta, caps};
use crate::proto::pb;

fn source(
    identifier: String,
    attrs: BTreeMap<String, String>,
    platform: Option<pb::Platform>,
    meta: VertexMeta,
) -> Output {
    Output::new(Vertex {
        op: pb::op::Op::Source(pb::SourceOp { identifier, attrs }),
        inputs: Vec::new(),
        platform,
        meta,
    })
}

/// How the engine resolves an image reference (`image.resolvemode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResolveMode {
    #[default]
    Default,
    ForcePull,
    PreferLocal,
}

impl ResolveMode {
    pub fn parse(s: &str) -> Option<ResolveMode> {
        match s {
            "default" | "" => Some(ResolveMode::Default),
            "pull" => Some(ResolveMode::ForcePull),
            "local" => Some(ResolveMode::PreferLocal),
            _ => None,
        }
    }
}

/// A container image. `reference` must already be normalized
/// (`docker.io/library/debian:bookworm`, optionally `@sha256:…`).
pub fn image(
    reference: &str,
    platform: pb::Platform,
    resolve_mode: ResolveMode,
    mut meta: VertexMeta,
) -> Output {
    let mut attrs = BTreeMap::new();
    match resolve_mode {
        ResolveMode::Default => {}
        ResolveMode::ForcePull => {
            attrs.insert("image.resolvemode".into(), "pull".into());
            meta.caps.insert(caps::SOURCE_IMAGE_RESOLVE_MODE);
        }
        ResolveMode::PreferLocal => {
            attrs.insert("image.resolvemode".into(), "local".into());
        }
    }
    meta.caps.insert(caps::SOURCE_IMAGE);
    source(
        format!("docker-image://{reference}"),
        attrs,
        Some(platform),
        meta,
    )
}

/// Options of a local (client directory) source.
#[derive(Debug, Clone, Default)]
pub struct LocalOptions {
    pub session_id: Option<String>,
    pub shared_key_hint: Option<String>,
    pub include_patterns: Vec<String>,
    pub exclude_patterns: Vec<String>,
    pub follow_paths: Vec<String>,
    /// `none` or `metadata`.
    pub differ: Option<String>,
    /// Set when there is no session id so that equal definitions from
    /// different clients are not merged by the solver.
    pub unique_id: Option<String>,
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string())
}

/// A directory that the client sends through the session's file sync.
pub fn local(name: &str, opts: &LocalOptions, mut meta: VertexMeta) -> Output {
    let mut attrs = BTreeMap::new();
    if let Some(sid) = &opts.session_id {
        attrs.insert("local.session".into(), sid.clone());
        meta.caps.insert(caps::SOURCE_LOCAL_SESSION_ID);
    } else if let Some(uid) = &opts.unique_id {
        attrs.insert("local.unique".into(), uid.clone());
        meta.caps.insert(caps::SOURCE_LOCAL_UNIQUE);
    }
    if !opts.include_patterns.is_empty() {
        attrs.insert(
            "local.includepattern".into(),
            json_list(&opts.include_patterns),
        );
        meta.caps.insert(caps::SOURCE_LOCAL_INCLUDE_PATTERNS);
    }
    if !opts.follow_paths.is_empty() {
        attrs.insert("local.followpaths".into(), json_list(&opts.follow_paths));
        meta.caps.insert(caps::SOURCE_LOCAL_FOLLOW_PATHS);
    }
    if !opts.exclude_patterns.is_empty() {
        attrs.insert(
            "local.excludepatterns".into(),
            json_list(&opts.exclude_patterns),
        );
        meta.caps.insert(caps::SOURCE_LOCAL_EXCLUDE_PATTERNS);
    }
    if let Some(hint) = &opts.shared_key_hint {
        attrs.insert("local.sharedkeyhint".into(), hint.clone());
        meta.caps.insert(caps::SOURCE_LOCAL_SHARED_KEY_HINT);
    }
    if let Some(differ) = &opts.differ {
        attrs.insert("local.differ".into(), differ.clone());
    }
    meta.caps.insert(caps::SOURCE_LOCAL);
    // Locals are not platform specific: upstream leaves the platform off.
    source(format!("local://{name}"), attrs, None, meta)
}

/// An image from a content store the client serves through its session
/// (`oci-layout://` named contexts). `reference` names the image with its
/// digest; the store id picks the client's store.
pub fn oci_layout(
    reference: &str,
    platform: pb::Platform,
    session_id: &str,
    store_id: &str,
    mut meta: VertexMeta,
) -> Output {
    let mut attrs = BTreeMap::new();
    if !session_id.is_empty() {
        attrs.insert("oci.session".into(), session_id.to_string());
    }
    if !store_id.is_empty() {
        attrs.insert("oci.store".into(), store_id.to_string());
    }
    meta.caps.insert(caps::SOURCE_OCI_LAYOUT);
    source(
        format!("oci-layout://{reference}"),
        attrs,
        Some(platform),
        meta,
    )
}

/// Options of a git source.
#[derive(Debug, Clone, Default)]
pub struct GitOptions {
    pub reference: Option<String>,
    pub subdir: Option<String>,
    pub keep_git_dir: bool,
    pub checksum: Option<String>,
    /// Leave the submodules out (`?submodules=false`).
    pub skip_submodules: bool,
}

/// A git repository checkout. `remote` is the URL as written (`https://…`,
/// `git@host:path`, `ssh://…`, `git://…`).
pub fn git(remote: &str, opts: &GitOptions, mut meta: VertexMeta) -> Output {
    let (host_path, full_url, is_ssh) = split_git_remote(remote);
    let mut id = host_path;
    let reference = opts.reference.clone().unwrap_or_default();
    let subdir = opts
        .subdir
        .as_deref()
        .map(|s| s.trim_matches('/').to_string())
        .filter(|s| !s.is_empty());
    if !reference.is_empty() || subdir.is_some() {
        id.push('#');
        id.push_str(&reference);
        if let Some(sd) = &subdir {
            id.push(':');
            id.push_str(sd);
        }
    }
    let mut attrs = BTreeMap::new();
    if opts.keep_git_dir {
        attrs.insert("git.keepgitdir".into(), "true".into());
        meta.caps.insert(caps::SOURCE_GIT_KEEP_DIR);
    }
    attrs.insert("git.fullurl".into(), full_url);
    meta.caps.insert(caps::SOURCE_GIT_FULL_URL);
    attrs.insert("git.authtokensecret".into(), "GIT_AUTH_TOKEN".into());
    attrs.insert("git.authheadersecret".into(), "GIT_AUTH_HEADER".into());
    if is_ssh {
        attrs.insert("git.mountsshsock".into(), "default".into());
    }
    if let Some(sum) = &opts.checksum {
        attrs.insert("git.checksum".into(), sum.clone());
        meta.caps.insert(caps::SOURCE_GIT_CHECKSUM);
    }
    if subdir.is_some() {
        meta.caps.insert(caps::SOURCE_GIT_SUBDIR);
    }
    if opts.skip_submodules {
        attrs.insert("git.skipsubmodules".into(), "true".into());
        meta.caps.insert(caps::SOURCE_GIT_SKIP_SUBMODULES);
    }
    meta.caps.insert(caps::SOURCE_GIT);
    source(format!("git://{id}"), attrs, None, meta)
}

/// `(host + /path, full url, is ssh)` for a git remote.
fn split_git_remote(remote: &str) -> (String, String, bool) {
    let clean_path = |p: &str| -> String { crate::llb::file::clean_path(&format!("/{p}")) };
    for scheme in ["https://", "http://", "git://", "ssh://"] {
        if let Some(rest) = remote.strip_prefix(scheme) {
            let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
            let host = authority
                .rsplit_once('@')
                .map(|(_, h)| h)
                .unwrap_or(authority);
            return (
                format!("{host}{}", clean_path(path)),
                remote.to_string(),
                scheme == "ssh://",
            );
        }
    }
    // scp-like `user@host:path`
    if let Some((userhost, path)) = remote.split_once(':')
        && userhost.contains('@')
        && !userhost.contains('/')
    {
        let host = userhost
            .rsplit_once('@')
            .map(|(_, h)| h)
            .unwrap_or(userhost);
        return (
            format!("{host}{}", clean_path(path)),
            remote.to_string(),
            true,
        );
    }
    let url = format!("https://{remote}");
    let (authority, path) = remote.split_once('/').unwrap_or((remote, ""));
    (format!("{authority}{}", clean_path(path)), url, false)
}

/// Options of an HTTP source.
#[derive(Debug, Clone, Default)]
pub struct HttpOptions {
    pub filename: Option<String>,
    pub checksum: Option<String>,
    pub perm: Option<u32>,
}

/// A file downloaded over HTTP(S).
pub fn http(url: &str, opts: &HttpOptions, mut meta: VertexMeta) -> Output {
    let mut attrs = BTreeMap::new();
    if let Some(sum) = &opts.checksum {
        attrs.insert("http.checksum".into(), sum.clone());
        meta.caps.insert(caps::SOURCE_HTTP_CHECKSUM);
    }
    if let Some(f) = &opts.filename {
        attrs.insert("http.filename".into(), f.clone());
    }
    if let Some(p) = opts.perm {
        attrs.insert("http.perm".into(), format!("0{p:o}"));
    }
    meta.caps.insert(caps::SOURCE_HTTP);
    source(url.to_string(), attrs, None, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_ids_ignore_protocol_like_upstream() {
        assert_eq!(
            split_git_remote("https://github.com/moby/buildkit.git").0,
            "github.com/moby/buildkit.git"
        );
        assert_eq!(
            split_git_remote("git@github.com:moby/buildkit.git").0,
            "github.com/moby/buildkit.git"
        );
        assert!(split_git_remote("git@github.com:moby/buildkit.git").2);
        assert_eq!(
            split_git_remote("github.com/a/b").1,
            "https://github.com/a/b"
        );
    }

    #[test]
    fn local_attrs_are_json_lists() {
        let o = local(
            "context",
            &LocalOptions {
                exclude_patterns: vec!["*.md".into(), "!README.md".into()],
                ..Default::default()
            },
            VertexMeta::default(),
        );
        let pb::op::Op::Source(s) = &o.vertex.op else {
            panic!("not a source")
        };
        assert_eq!(s.attrs["local.excludepatterns"], r#"["*.md","!README.md"]"#);
        assert_eq!(s.identifier, "local://context");
    }

    #[test]
    fn skipped_submodules_are_an_attribute_with_its_cap() {
        let attrs = |skip| {
            let o = git(
                "https://h/r.git",
                &GitOptions {
                    skip_submodules: skip,
                    ..Default::default()
                },
                VertexMeta::default(),
            );
            let pb::op::Op::Source(s) = &o.vertex.op else {
                panic!("not a source")
            };
            (s.attrs.clone(), o.vertex.meta.caps.clone())
        };
        let (on, caps) = attrs(true);
        assert_eq!(
            on.get("git.skipsubmodules").map(String::as_str),
            Some("true")
        );
        assert!(caps.contains(caps::SOURCE_GIT_SKIP_SUBMODULES));
        assert!(!attrs(false).0.contains_key("git.skipsubmodules"));
    }
}
