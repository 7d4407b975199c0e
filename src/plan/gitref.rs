//! Classifying ADD/COPY sources: git repositories, HTTP URLs, or paths.

/// A git source as ADD accepts it: `https://host/repo.git#ref:subdir`,
/// `git@host:repo.git`, `ssh://…`, `git://…`, with optional query options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GitRef {
    pub remote: String,
    pub reference: Option<String>,
    pub subdir: Option<String>,
    pub checksum: Option<String>,
    pub keep_git_dir: Option<bool>,
}

fn split_fragment(s: &str) -> (&str, Option<&str>) {
    match s.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

fn split_query(s: &str) -> (&str, Option<&str>) {
    match s.split_once('?') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// `Ok(None)`: not a git source. `Err`: looks like git but is malformed.
pub fn parse_git_ref(src: &str) -> Result<Option<GitRef>, String> {
    if src.starts_with("./") || src.starts_with("../") {
        return Ok(None);
    }
    let (no_frag, fragment) = split_fragment(src);
    let (base, query) = split_query(no_frag);
    let scp_like = {
        // user@host:path, not a URL
        !base.contains("://")
            && base
                .split_once(':')
                .is_some_and(|(uh, _)| uh.contains('@') && !uh.contains('/'))
    };
    let is_git = if let Some(rest) = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"))
    {
        rest.ends_with(".git")
    } else {
        base.starts_with("git://")
            || base.starts_with("ssh://")
            || scp_like
            || base.starts_with("github.com/")
    };
    if !is_git {
        return Ok(None);
    }
    let mut out = GitRef {
        remote: base.to_string(),
        ..Default::default()
    };
    if let Some(frag) = fragment {
        let (r, sd) = match frag.split_once(':') {
            Some((r, sd)) => (r, Some(sd)),
            None => (frag, None),
        };
        if !r.is_empty() {
            out.reference = Some(r.to_string());
        }
        if let Some(sd) = sd.filter(|s| !s.is_empty()) {
            out.subdir = Some(sd.to_string());
        }
    }
    if let Some(q) = query {
        let (mut tag, mut branch) = (None, None);
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "ref" => out.reference = Some(v.to_string()),
                "tag" => tag = Some(v.to_string()),
                "branch" => branch = Some(v.to_string()),
                "subdir" => out.subdir = Some(v.to_string()),
                "checksum" | "commit" => out.checksum = Some(v.to_string()),
                "keep-git-dir" => {
                    out.keep_git_dir = Some(if v.is_empty() {
                        true
                    } else {
                        parse_bool(v).ok_or_else(|| format!("invalid keep-git-dir value: {v:?}"))?
                    })
                }
                "submodules" | "fetch-by-commit" | "mtime" => {}
                other => return Err(format!("unexpected query {other:?} in git source {src:?}")),
            }
            if v.is_empty() && !matches!(k, "keep-git-dir" | "submodules" | "fetch-by-commit") {
                return Err(format!("query {k:?} has no value"));
            }
        }
        if let Some(t) = tag {
            out.reference = Some(format!("refs/tags/{t}"));
        }
        if let Some(b) = branch {
            out.reference = Some(format!("refs/heads/{b}"));
        }
    }
    Ok(Some(out))
}

/// An HTTP(S) URL that is not a git repository.
pub fn is_http_source(src: &str) -> bool {
    (src.starts_with("http://") || src.starts_with("https://"))
        && !matches!(parse_git_ref(src), Ok(Some(_)))
}

/// The file name ADD gives a download: the URL path's last element.
pub fn url_filename(url: &str) -> String {
    let after_scheme = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let no_query = after_scheme.split(['?', '#']).next().unwrap_or("");
    let path = no_query.split_once('/').map(|(_, p)| p).unwrap_or("");
    let cleaned = crate::paths::clean(&format!("/{path}"));
    match cleaned.rsplit('/').next() {
        Some(base) if !base.is_empty() && base != "." => base.to_string(),
        _ => "__unnamed__".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_sources() {
        assert!(
            parse_git_ref("https://github.com/moby/buildkit.git#v0.12:docs")
                .expect("ok")
                .is_some()
        );
        let g = parse_git_ref("https://github.com/moby/buildkit.git#v0.12:docs")
            .expect("ok")
            .expect("git");
        assert_eq!(
            (g.reference.as_deref(), g.subdir.as_deref()),
            (Some("v0.12"), Some("docs"))
        );
        assert!(
            parse_git_ref("git@github.com:moby/buildkit.git")
                .expect("ok")
                .is_some()
        );
        assert!(
            parse_git_ref("https://example.com/file.tar.gz")
                .expect("ok")
                .is_none()
        );
        assert!(parse_git_ref("src/main.rs").expect("ok").is_none());
        assert!(is_http_source("https://example.com/a.txt"));
        assert!(!is_http_source("https://example.com/a.git"));
        assert_eq!(url_filename("https://example.com/dir/a.txt?x=1"), "a.txt");
        assert_eq!(url_filename("https://example.com/"), "__unnamed__");
        let q = parse_git_ref("https://h/r.git?tag=v1&keep-git-dir=true")
            .expect("ok")
            .expect("git");
        assert_eq!(q.reference.as_deref(), Some("refs/tags/v1"));
        assert_eq!(q.keep_git_dir, Some(true));
    }
}
