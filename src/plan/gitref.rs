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
    /// `?submodules=false` skips them (the default checks them out).
    pub submodules: Option<bool>,
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
        load_query(&mut out, q)?;
    }
    Ok(Some(out))
}

/// The query options of a git URL, as upstream's `loadQuery` reads them: a
/// ref or subdir given both here and in the fragment must agree, `tag` and
/// `branch` become `refs/tags/…` and `refs/heads/…` and exclude each other.
fn load_query(out: &mut GitRef, query: &str) -> Result<(), String> {
    let bool_value = |k: &str, v: &str| -> Result<bool, String> {
        if v.is_empty() {
            Ok(true)
        } else {
            parse_bool(v).ok_or_else(|| format!("invalid {k} value: {v:?}"))
        }
    };
    let mut seen = std::collections::BTreeSet::new();
    let (mut tag, mut branch) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if !seen.insert(k) {
            return Err(format!("query {k:?} has multiple values"));
        }
        if v.is_empty() && !matches!(k, "keep-git-dir" | "submodules" | "fetch-by-commit") {
            return Err(format!("query {k:?} has no value"));
        }
        match k {
            "ref" => set_ref(&mut out.reference, v)?,
            "tag" => tag = Some(v),
            "branch" => branch = Some(v),
            "subdir" => {
                if let Some(sd) = out.subdir.as_deref().filter(|sd| *sd != v) {
                    return Err(format!("subdir conflicts: {sd:?} vs {v:?}"));
                }
                out.subdir = Some(v.to_string());
            }
            "checksum" | "commit" => out.checksum = Some(v.to_string()),
            "keep-git-dir" => out.keep_git_dir = Some(bool_value(k, v)?),
            "submodules" => out.submodules = Some(bool_value(k, v)?),
            "fetch-by-commit" => {
                bool_value(k, v)?;
            }
            "mtime" if matches!(v, "checkout" | "commit") => {}
            "mtime" => {
                return Err(format!(
                    "invalid mtime value: {v:?} (must be \"checkout\" or \"commit\")"
                ));
            }
            other => return Err(format!("unexpected query {other:?}")),
        }
    }
    if let Some(t) = tag {
        set_ref(&mut out.reference, &full_ref("refs/tags/", t))?;
    }
    if let Some(b) = branch {
        if tag.is_some() {
            return Err("branch conflicts with tag".into());
        }
        set_ref(&mut out.reference, &full_ref("refs/heads/", b))?;
    }
    Ok(())
}

/// `name` under `prefix` (`refs/tags/`, `refs/heads/`) unless already there.
fn full_ref(prefix: &str, name: &str) -> String {
    if name.starts_with(prefix) {
        name.to_string()
    } else {
        format!("{prefix}{name}")
    }
}

/// Set the ref unless another one is already set.
fn set_ref(reference: &mut Option<String>, value: &str) -> Result<(), String> {
    if let Some(r) = reference.as_deref().filter(|r| *r != value) {
        return Err(format!("ref conflicts: {r:?} vs {value:?}"));
    }
    *reference = Some(value.to_string());
    Ok(())
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

    #[test]
    fn query_options_agree_with_the_fragment_as_upstream() {
        let git = |s: &str| parse_git_ref(s).map(|g| g.expect("a git source"));
        // Upstream's cases: the same tag twice is fine, another ref conflicts.
        assert_eq!(
            git("https://h/r.git?tag=v0.0.2#refs/tags/v0.0.2")
                .unwrap()
                .reference
                .as_deref(),
            Some("refs/tags/v0.0.2")
        );
        let e = git("https://h/r.git?tag=v0.0.2#refs/heads/master").unwrap_err();
        assert!(e.contains("ref conflicts"), "{e}");
        assert!(
            git("https://h/r.git?ref=a#b")
                .unwrap_err()
                .contains("ref conflicts")
        );
        assert!(
            git("https://h/r.git?subdir=x#main:y")
                .unwrap_err()
                .contains("subdir conflicts")
        );
        assert!(
            git("https://h/r.git?tag=a&branch=b")
                .unwrap_err()
                .contains("branch conflicts with tag")
        );
        assert!(
            git("https://h/r.git?tag=a&tag=b")
                .unwrap_err()
                .contains("multiple values")
        );
        assert!(
            git("https://h/r.git?mtime=never")
                .unwrap_err()
                .contains("invalid mtime")
        );
        // Submodules: on unless `submodules=false`; a bare key means true.
        assert_eq!(
            git("https://h/r.git?submodules=false").unwrap().submodules,
            Some(false)
        );
        assert_eq!(
            git("https://h/r.git?submodules").unwrap().submodules,
            Some(true)
        );
        assert_eq!(git("https://h/r.git").unwrap().submodules, None);
        assert!(git("https://h/r.git?submodules=maybe").is_err());
    }
}
