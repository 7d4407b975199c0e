//! Reading what a build starts from: the Dockerfile, the context's
//! `.dockerignore`, and `KEY=VALUE` style flags.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use crate::dockerfile::dockerignore;

/// A Dockerfile loaded from disk (or stdin), with the name used in messages.
pub struct DockerfileInput {
    pub text: String,
    pub display_name: String,
    pub path: Option<PathBuf>,
}

/// Load the Dockerfile: `-f` if given (`-` for stdin), else `CONTEXT/Dockerfile`.
pub fn read_dockerfile(file: Option<&Path>, context: &Path) -> Result<DockerfileInput, Diagnostic> {
    if file == Some(Path::new("-")) {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Diagnostic::plain(format!("reading the Dockerfile from stdin: {e}")))?;
        return Ok(DockerfileInput {
            text,
            display_name: "Dockerfile".into(),
            path: None,
        });
    }
    let path = match file {
        Some(f) => f.to_path_buf(),
        None => context.join("Dockerfile"),
    };
    let bytes = std::fs::read(&path).map_err(|e| {
        let mut d = Diagnostic::plain(format!("cannot read Dockerfile {}: {e}", path.display()));
        if file.is_none() {
            d.expected = Some("a Dockerfile in the context directory, or -f PATH".into());
        }
        d
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::plain(format!(
            "Dockerfile {} is not valid UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(DockerfileInput {
        text,
        display_name: path.display().to_string(),
        path: Some(path),
    })
}

/// The context's ignore patterns: `<Dockerfile>.dockerignore` next to the
/// Dockerfile wins over `CONTEXT/.dockerignore`.
pub fn read_dockerignore(
    dockerfile: Option<&Path>,
    context: &Path,
) -> Result<Vec<String>, Diagnostic> {
    Ok(find_dockerignore(dockerfile, context)?
        .map(|(_, text)| dockerignore::to_exclude_patterns(&dockerignore::parse(&text)))
        .unwrap_or_default())
}

/// The ignore file that applies to the context, and its text:
/// `<Dockerfile>.dockerignore` next to the Dockerfile, else
/// `CONTEXT/.dockerignore`; `None` when there is neither.
pub fn find_dockerignore(
    dockerfile: Option<&Path>,
    context: &Path,
) -> Result<Option<(PathBuf, String)>, Diagnostic> {
    let mut candidates = Vec::new();
    if let Some(df) = dockerfile {
        let mut name = df.as_os_str().to_os_string();
        name.push(".dockerignore");
        candidates.push(PathBuf::from(name));
    }
    candidates.push(context.join(".dockerignore"));
    for c in candidates {
        match std::fs::read_to_string(&c) {
            Ok(text) => return Ok(Some((c, text))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(Diagnostic::plain(format!(
                    "cannot read {}: {e}",
                    c.display()
                )));
            }
        }
    }
    Ok(None)
}

/// `K=V` pairs; a bare `K` takes its value from the environment (like `docker build`).
pub fn parse_key_values(
    items: &[String],
    flag: &str,
    from_env: bool,
) -> Result<BTreeMap<String, String>, Diagnostic> {
    let mut out = BTreeMap::new();
    for item in items {
        match item.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                out.insert(k.to_string(), v.to_string());
            }
            None if from_env && !item.is_empty() => {
                if let Ok(v) = std::env::var(item) {
                    out.insert(item.clone(), v);
                }
            }
            _ => {
                let mut d = Diagnostic::plain(format!("invalid {flag} value {item:?}"));
                d.expected = Some("KEY=VALUE".into());
                return Err(d);
            }
        }
    }
    Ok(out)
}
