//! Docker image references: validation and normalisation
//! (`debian` → `docker.io/library/debian:latest`), as
//! `reference.ParseNormalizedNamed` + `TagNameOnly` do upstream.

/// A parsed, normalised image reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ImageRef {
    /// `docker.io`, `127.0.0.1:5000`, …
    pub domain: String,
    /// Repository path, `library/debian`.
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

fn valid_component(c: &str) -> bool {
    // [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*
    let b = c.as_bytes();
    if b.is_empty() || !b[0].is_ascii_lowercase() && !b[0].is_ascii_digit() {
        return false;
    }
    let last = b[b.len() - 1];
    if !last.is_ascii_lowercase() && !last.is_ascii_digit() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let ch = b[i];
        if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
            i += 1;
            continue;
        }
        // a separator run
        let start = i;
        while i < b.len() && !(b[i].is_ascii_lowercase() || b[i].is_ascii_digit()) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn valid_domain(d: &str) -> bool {
    let host = match d.rsplit_once(':') {
        Some((h, port)) if !h.ends_with(']') || d.starts_with('[') => {
            if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            h
        }
        _ => d,
    };
    if host.starts_with('[') && host.ends_with(']') {
        return true;
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

fn valid_tag(t: &str) -> bool {
    let b = t.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'.' || *c == b'-')
}

fn valid_digest(d: &str) -> bool {
    match d.split_once(':') {
        Some((alg, hex)) => {
            !alg.is_empty()
                && alg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+._-".contains(&b))
                && hex.len() >= 32
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

impl ImageRef {
    /// Parse and normalise a reference; errors say what is wrong with it.
    pub fn parse(s: &str) -> Result<ImageRef, String> {
        if s.is_empty() {
            return Err("invalid reference format: empty".into());
        }
        if s.len() > 255 + 128 + 72 {
            return Err("invalid reference format: too long".into());
        }
        let (rest, digest) = match s.split_once('@') {
            Some((r, d)) => {
                if !valid_digest(d) {
                    return Err(format!("invalid reference format: bad digest {d:?}"));
                }
                (r, Some(d.to_string()))
            }
            None => (s, None),
        };
        // A tag is after the last ':' that comes after the last '/'.
        let last_slash = rest.rfind('/').map(|i| i + 1).unwrap_or(0);
        let (name, tag) = match rest[last_slash..].rfind(':') {
            Some(i) => (
                &rest[..last_slash + i],
                Some(rest[last_slash + i + 1..].to_string()),
            ),
            None => (rest, None),
        };
        if let Some(t) = &tag
            && !valid_tag(t)
        {
            return Err(format!("invalid reference format: bad tag {t:?}"));
        }
        let (domain, path) = match name.split_once('/') {
            Some((first, remainder))
                if first.contains('.')
                    || first.contains(':')
                    || first == "localhost"
                    || first.chars().any(|c| c.is_ascii_uppercase()) =>
            {
                (first.to_string(), remainder.to_string())
            }
            _ => ("docker.io".to_string(), name.to_string()),
        };
        if name.chars().any(|c| c.is_ascii_uppercase())
            && path.chars().any(|c| c.is_ascii_uppercase())
        {
            return Err("invalid reference format: repository name must be lowercase".into());
        }
        if !valid_domain(&domain) {
            return Err(format!(
                "invalid reference format: bad registry host {domain:?}"
            ));
        }
        let path = if domain == "docker.io" && !path.contains('/') {
            format!("library/{path}")
        } else {
            path
        };
        if path.is_empty() || !path.split('/').all(valid_component) {
            return Err(format!(
                "invalid reference format: {s:?} is not a valid repository name"
            ));
        }
        let domain = if domain == "index.docker.io" {
            "docker.io".to_string()
        } else {
            domain
        };
        Ok(ImageRef {
            domain,
            path,
            tag,
            digest,
        })
    }

    /// Add `:latest` when neither tag nor digest is given.
    pub fn with_default_tag(mut self) -> ImageRef {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some("latest".into());
        }
        self
    }

    pub fn with_digest(mut self, digest: &str) -> ImageRef {
        self.digest = Some(digest.to_string());
        self
    }

    /// `domain/path`
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// The short form Docker shows (`debian:bookworm`).
    pub fn familiar(&self) -> String {
        let mut s = if self.domain == "docker.io" {
            self.path
                .strip_prefix("library/")
                .unwrap_or(&self.path)
                .to_string()
        } else {
            self.name()
        };
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }
}

impl std::fmt::Display for ImageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        ImageRef::parse(s)
            .map(|r| r.with_default_tag().to_string())
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn normalises_like_docker() {
        assert_eq!(norm("debian"), "docker.io/library/debian:latest");
        assert_eq!(norm("debian:bookworm"), "docker.io/library/debian:bookworm");
        assert_eq!(norm("user/app:1.0"), "docker.io/user/app:1.0");
        assert_eq!(
            norm("127.0.0.1:5000/strata:dev"),
            "127.0.0.1:5000/strata:dev"
        );
        assert_eq!(norm("localhost/foo"), "localhost/foo:latest");
        assert_eq!(norm("ghcr.io/a/b/c"), "ghcr.io/a/b/c:latest");
        let d = format!("alpine@sha256:{}", "a".repeat(64));
        assert_eq!(
            norm(&d),
            format!("docker.io/library/alpine@sha256:{}", "a".repeat(64))
        );
        assert_eq!(
            ImageRef::parse("docker.io/library/debian:bookworm").map(|r| r.familiar()),
            Ok("debian:bookworm".into())
        );
    }

    #[test]
    fn rejects_bad_references() {
        for bad in [
            "",
            "Debian",
            "a b",
            "foo:",
            "foo@sha256:zz",
            ":tag",
            "foo//bar",
            "-foo",
        ] {
            assert!(ImageRef::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
