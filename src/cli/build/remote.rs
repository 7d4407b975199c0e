//! `strata build` contexts that are not a directory, as `docker build`
//! takes them: `-` (standard input: a tar, possibly compressed, that is
//! the context, or else a lone Dockerfile with an empty context), a Git URL
//! (`https://host/repo.git#ref:dir`, `git@host:repo`) or an HTTP(S) URL (a
//! tarball or a Dockerfile).
//!
//! None of these is sent as a session local: a URL goes to the frontend
//! as the `context` option, and a tar on standard input is served through
//! the session's Upload service (`http://buildkit-session/…`), which the
//! frontend downloads like any HTTP context. The frontend then reads the
//! Dockerfile (`-f` names it inside the context) and `.dockerignore` from
//! there (see `frontend::main_context`).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::cli::diagnostic::Diagnostic;

/// What the context argument names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ContextArg {
    /// A directory on this machine (or something that is not one: the
    /// usual "not a directory" error follows).
    Dir,
    /// `-`: standard input.
    Stdin,
    /// A Git or HTTP(S) URL the engine fetches.
    Url(String),
}

/// Classify the context argument. An existing directory always wins, so a
/// directory that happens to look like a URL (`github.com/x`) stays local.
pub(crate) fn classify(arg: &Path) -> ContextArg {
    let Some(s) = arg.to_str() else {
        return ContextArg::Dir;
    };
    if s == "-" {
        return ContextArg::Stdin;
    }
    if arg.is_dir() {
        return ContextArg::Dir;
    }
    let http = s.starts_with("http://") || s.starts_with("https://");
    let git = matches!(crate::plan::gitref::parse_git_ref(s), Ok(Some(_)) | Err(_))
        && (s.contains("://") || s.contains('@'));
    if http || git {
        ContextArg::Url(s.to_string())
    } else {
        ContextArg::Dir
    }
}

/// A context that is not a local directory, ready for the session.
#[derive(Debug)]
pub(crate) struct RemoteContext {
    /// An empty directory served as the `context` local (and as the
    /// `dockerfile` local unless standard input held the Dockerfile): the
    /// frontend never reads it for a remote context, but the session must
    /// answer for the names it knows. Removed when dropped.
    pub scratch: tempfile::TempDir,
    /// The `context` frontend option, for a URL.
    pub url: Option<String>,
    /// Standard input spooled to a file, to serve through Upload.
    pub upload: Option<PathBuf>,
    /// The Dockerfile text, when this client knows it (a lone Dockerfile
    /// on standard input).
    pub dockerfile: Option<String>,
}

/// The remote context the context argument names, if it names one
/// (reading standard input for `-`).
pub(crate) fn for_arg(context: &Path) -> Result<Option<RemoteContext>, Diagnostic> {
    match classify(context) {
        ContextArg::Dir => Ok(None),
        ContextArg::Url(url) => from_url(&url).map(Some),
        // A Dockerfile on standard input is served as `Dockerfile`.
        ContextArg::Stdin => from_stdin(&mut std::io::stdin().lock(), "Dockerfile").map(Some),
    }
}

/// The Dockerfile's name inside a remote context: `-f` as given, else
/// `Dockerfile`.
pub(crate) fn dockerfile_name(file: Option<&Path>) -> String {
    file.map(|f| f.to_string_lossy().trim_start_matches("./").to_string())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "Dockerfile".into())
}

impl RemoteContext {
    /// The frontend options this context sets (`context` for a URL) and
    /// the cache-mount namespace key (the URL, not the scratch directory,
    /// so rebuilds share cache mounts).
    pub fn namespace_key(&self) -> PathBuf {
        PathBuf::from(self.url.as_deref().unwrap_or("-"))
    }

    /// The directory to serve as the dockerfile local.
    pub fn dockerfile_dir(&self) -> PathBuf {
        self.scratch.path().join("dockerfile")
    }

    /// The directory to serve as the context local (always empty).
    pub fn context_dir(&self) -> PathBuf {
        self.scratch.path().join("context")
    }
}

fn scratch() -> Result<tempfile::TempDir, Diagnostic> {
    let dir = tempfile::Builder::new()
        .prefix("strata-remote-context-")
        .tempdir()
        .map_err(|e| Diagnostic::plain(format!("cannot create a temporary directory: {e}")))?;
    for sub in ["context", "dockerfile"] {
        std::fs::create_dir(dir.path().join(sub))
            .map_err(|e| Diagnostic::plain(format!("cannot create a temporary directory: {e}")))?;
    }
    Ok(dir)
}

/// A context URL: checked enough to fail before the engine for a URL no
/// engine can fetch.
pub(crate) fn from_url(url: &str) -> Result<RemoteContext, Diagnostic> {
    if let Err(e) = crate::plan::gitref::parse_git_ref(url) {
        return Err(Diagnostic::plain(format!("invalid git context {url}: {e}")));
    }
    let host = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '#', '?']).next().unwrap_or(""));
    if host == Some("") {
        return Err(Diagnostic::plain(format!(
            "invalid context URL {url}: no host"
        )));
    }
    Ok(RemoteContext {
        scratch: scratch()?,
        url: Some(url.to_string()),
        upload: None,
        dockerfile: None,
    })
}

/// The first bytes of an archive BuildKit unpacks (the frontend decides
/// the same way for a downloaded context).
fn is_archive(head: &[u8]) -> bool {
    crate::frontend::main_context::is_archive(head)
}

/// Standard input as the context: spooled to a file (a tar is served to the
/// engine as it pulls it; a Dockerfile is written where the dockerfile
/// local serves it, as `filename`).
pub(crate) fn from_stdin(
    stdin: &mut dyn Read,
    filename: &str,
) -> Result<RemoteContext, Diagnostic> {
    let scratch = scratch()?;
    let spool = scratch.path().join("stdin");
    let mut file = std::fs::File::create(&spool)
        .map_err(|e| Diagnostic::plain(format!("cannot spool standard input: {e}")))?;
    std::io::copy(stdin, &mut file).map_err(|e| {
        Diagnostic::plain(format!("cannot read the context from standard input: {e}"))
    })?;
    drop(file);
    let mut head = vec![0u8; 1024];
    let n = std::fs::File::open(&spool)
        .and_then(|mut f| {
            let mut n = 0;
            while n < head.len() {
                match f.read(&mut head[n..])? {
                    0 => break,
                    k => n += k,
                }
            }
            Ok(n)
        })
        .map_err(|e| Diagnostic::plain(format!("cannot read spooled standard input: {e}")))?;
    head.truncate(n);
    if n == 0 {
        return Err(Diagnostic::plain(
            "standard input is empty: expected a context tar or a Dockerfile",
        ));
    }
    if is_archive(&head) {
        return Ok(RemoteContext {
            scratch,
            url: None,
            upload: Some(spool),
            dockerfile: None,
        });
    }
    let bytes = std::fs::read(&spool)
        .map_err(|e| Diagnostic::plain(format!("cannot read spooled standard input: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::plain("standard input is neither a tar archive nor a UTF-8 Dockerfile")
    })?;
    let dest = scratch.path().join("dockerfile").join(filename);
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::plain(format!("cannot write the Dockerfile: {e}")))?;
    }
    std::fs::write(&dest, &text)
        .map_err(|e| Diagnostic::plain(format!("cannot write the Dockerfile: {e}")))?;
    let _ = std::fs::remove_file(&spool);
    Ok(RemoteContext {
        scratch,
        url: None,
        upload: None,
        dockerfile: Some(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_context_arguments() {
        assert_eq!(classify(Path::new("-")), ContextArg::Stdin);
        assert_eq!(classify(Path::new(".")), ContextArg::Dir);
        assert_eq!(classify(Path::new("no/such/dir")), ContextArg::Dir);
        assert_eq!(
            classify(Path::new("https://h/r.git#main:sub")),
            ContextArg::Url("https://h/r.git#main:sub".into())
        );
        assert_eq!(
            classify(Path::new("https://h/ctx.tar.gz")),
            ContextArg::Url("https://h/ctx.tar.gz".into())
        );
        assert_eq!(
            classify(Path::new("git@github.com:o/r.git")),
            ContextArg::Url("git@github.com:o/r.git".into())
        );
    }

    #[test]
    fn stdin_dockerfile_or_tar() {
        let mut df: &[u8] = b"FROM scratch\n";
        let r = from_stdin(&mut df, "Dockerfile").expect("dockerfile");
        assert_eq!(r.dockerfile.as_deref(), Some("FROM scratch\n"));
        assert_eq!(
            std::fs::read_to_string(r.dockerfile_dir().join("Dockerfile")).unwrap(),
            "FROM scratch\n"
        );
        assert!(r.upload.is_none());

        let mut builder = tar::Builder::new(Vec::new());
        let mut header = tar::Header::new_gnu();
        header.set_size(2);
        header.set_cksum();
        builder
            .append_data(&mut header, "Dockerfile", &b"x\n"[..])
            .unwrap();
        let bytes = builder.into_inner().unwrap();
        let r = from_stdin(&mut bytes.as_slice(), "Dockerfile").expect("tar");
        assert!(r.upload.as_ref().is_some_and(|p| p.is_file()));
        assert!(r.dockerfile.is_none());

        let mut empty: &[u8] = b"";
        assert!(from_stdin(&mut empty, "Dockerfile").is_err());
    }

    #[test]
    fn urls_need_a_host() {
        assert!(from_url("https:///x.git").is_err());
        assert!(from_url("https://h/x.tar.gz").is_ok());
    }
}
