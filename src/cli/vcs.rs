//! Facts from outside the build for stamping: git (run in the context
//! directory; absent git or repository is not an error) and the context's
//! files as the engine will receive them (`.dockerignore` applied).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::plan::context_digest::{ContextEntry, content_hash, context_digest};
use crate::session::filesync::stat::RawStat;
use crate::session::filesync::walk;

/// What git says about the context directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitFacts {
    pub revision: Option<String>,
    pub dirty: Option<bool>,
    pub branch: Option<String>,
    pub source: Option<String>,
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub use crate::plan::passes::stamp::strip_credentials;

/// Git facts for `dir`, or all `None` when git or a repository is missing.
/// Once the revision says there is a repository, the other three
/// questions go to git at once (`git status` is the slow one).
pub fn git_facts(dir: &Path) -> GitFacts {
    let Some(revision) = git(dir, &["rev-parse", "HEAD"]).filter(|r| !r.is_empty()) else {
        return GitFacts::default();
    };
    let (dirty, branch, source) = std::thread::scope(|s| {
        let dirty = s.spawn(|| git(dir, &["status", "--porcelain", "--untracked-files=no"]));
        let branch = s.spawn(|| git(dir, &["rev-parse", "--abbrev-ref", "HEAD"]));
        let source = git(dir, &["config", "--get", "remote.origin.url"]);
        (
            dirty.join().ok().flatten(),
            branch.join().ok().flatten(),
            source,
        )
    });
    let dirty = dirty.map(|s| !s.is_empty());
    let branch = branch.filter(|b| !b.is_empty() && b != "HEAD");
    let source = source
        .filter(|s| !s.is_empty())
        .map(|s| strip_credentials(&s));
    GitFacts {
        revision: Some(revision),
        dirty,
        branch,
        source,
    }
}

/// An entry of the context whose content the stamp walk did not read, and why
/// (for a warning: paths only, never contents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRead {
    pub path: String,
    pub why: String,
}

impl std::fmt::Display for NotRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.path, self.why)
    }
}

/// Every file under `dir` that the engine receives, with `excludes`
/// (`.dockerignore` patterns) applied, plus what was not read.
///
/// The walk is the file sync sender's ([`walk::walk`]), so the files are
/// exactly the ones sent. It never blocks and never fails on odd entries:
/// - FIFOs, sockets and device nodes are recorded by type (their mode bits)
///   with empty content and never opened (fsutil sends them as stats, a
///   socket as an empty file);
/// - a regular file that cannot be opened is left out (upstream sends it
///   empty) and so is a directory that cannot be listed: a file no COPY uses
///   must not fail the build;
/// - names that are not UTF-8 are left out, as the sender leaves them out.
///
/// Files are hashed as a stream (bounded memory), opened only through
/// [`walk::ContextRoot::open_file`] (no symlink followed, `O_NONBLOCK`, the
/// walked inode re-checked).
pub fn walk_context(
    dir: &Path,
    excludes: &[String],
) -> std::io::Result<(Vec<ContextEntry>, Vec<NotRead>)> {
    let root = walk::ContextRoot::open(dir)?;
    let opts = walk::FilterOpts {
        exclude_patterns: excludes.to_vec(),
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut not_read = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let report = walk::walk(&root, &opts, walk::UnreadableDirs::Skip, &mut |entry| {
        let raw = entry.raw;
        if raw.is_dir() {
            return Ok(());
        }
        let path = entry.stat.path;
        let content = if raw.is_symlink() {
            // Hard links share `linkname` with symlinks on the wire; only a
            // symlink's is its target.
            content_hash(entry.stat.linkname.as_bytes())
        } else if raw.is_regular() {
            match hash_file(&root, &path, &raw, &mut buf) {
                Ok(h) => h,
                Err(e) => {
                    not_read.push(NotRead {
                        why: e.to_string(),
                        path,
                    });
                    return Ok(());
                }
            }
        } else {
            not_read.push(NotRead {
                path: path.clone(),
                why: format!("{}, not read", raw.kind()),
            });
            content_hash(b"")
        };
        out.push(ContextEntry {
            path,
            mode: raw.mode & 0o177_777,
            content,
        });
        Ok(())
    })?;
    for s in report.skipped {
        not_read.push(NotRead {
            path: s.path,
            why: s.reason.to_string(),
        });
    }
    out.sort();
    Ok((out, not_read))
}

/// `sha256:…` of a regular file's content, read in chunks.
fn hash_file(
    root: &walk::ContextRoot,
    rel: &str,
    walked: &RawStat,
    buf: &mut [u8],
) -> std::io::Result<String> {
    use std::io::Read;
    let mut f = root.open_file(rel, walked).map_err(|e| match e {
        walk::OpenFileError::Unreadable { source, .. } => source,
        changed => std::io::Error::other(changed.to_string()),
    })?;
    let mut h = Sha256::new();
    loop {
        let n = match f.read(buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        h.update(&buf[..n]);
    }
    Ok(format!("sha256:{}", hex::encode(h.finalize())))
}

/// The stamp facts of a context: its digest, the per-file hashes, and what
/// was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextFacts {
    pub digest: String,
    pub files: BTreeMap<String, String>,
    pub not_read: Vec<NotRead>,
}

impl ContextFacts {
    /// One warning line naming what was not read (at most 20 paths), or
    /// `None` when everything was.
    pub fn warning(&self, dir: &Path) -> Option<String> {
        if self.not_read.is_empty() {
            return None;
        }
        const SHOWN: usize = 20;
        let mut list: Vec<String> = self
            .not_read
            .iter()
            .take(SHOWN)
            .map(|n| n.to_string())
            .collect();
        if self.not_read.len() > SHOWN {
            list.push(format!("and {} more", self.not_read.len() - SHOWN));
        }
        Some(format!(
            "warning: build context {}: {} entries not read: {}",
            dir.display(),
            self.not_read.len(),
            list.join(", ")
        ))
    }
}

/// The digest and the per-file hashes of a context.
pub fn context_facts(dir: &Path, excludes: &[String]) -> std::io::Result<ContextFacts> {
    let (entries, not_read) = walk_context(dir, excludes)?;
    let files = entries
        .iter()
        .map(|e| (e.path.clone(), e.content.clone()))
        .collect();
    Ok(ContextFacts {
        digest: context_digest(&entries),
        files,
        not_read,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_stripped() {
        assert_eq!(
            strip_credentials("https://u:tok@github.com/o/r.git"),
            "https://github.com/o/r.git"
        );
        assert_eq!(
            strip_credentials("git@github.com:o/r.git"),
            "git@github.com:o/r.git"
        );
    }

    #[test]
    fn walk_applies_dockerignore_and_no_git_is_fine() {
        let dir = std::env::temp_dir().join(format!("strata-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
        std::fs::write(dir.join("a.txt"), "a").expect("write");
        std::fs::write(dir.join("x.log"), "log").expect("write");
        std::fs::write(dir.join("sub/b.txt"), "b").expect("write");
        let (entries, not_read) = walk_context(&dir, &["*.log".to_string()]).expect("walks");
        assert!(not_read.is_empty());
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "sub/b.txt"]);
        let d1 = context_facts(&dir, &["*.log".to_string()])
            .expect("digest")
            .digest;
        std::fs::write(dir.join("x.log"), "other log").expect("write");
        let d2 = context_facts(&dir, &["*.log".to_string()])
            .expect("digest")
            .digest;
        assert_eq!(d1, d2, "ignored files do not count");
        std::fs::write(dir.join("a.txt"), "changed").expect("write");
        assert_ne!(
            d1,
            context_facts(&dir, &["*.log".to_string()])
                .expect("digest")
                .digest
        );
        // Outside any repository (temp dirs usually are): no facts, no error.
        let _ = git_facts(&dir);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hostile_context_is_hashed_without_blocking() {
        use crate::session::filesync::walk::hostile;
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = hostile::long_root(tmp.path());
        let (_sock, dev) = hostile::make(&root);
        std::fs::write(root.join("locked.txt"), "secret").expect("write");
        std::fs::set_permissions(
            root.join("locked.txt"),
            std::fs::Permissions::from_mode(0o000),
        )
        .expect("chmod");
        let r = root.clone();
        let facts = hostile::within(30, move || {
            hostile::without_dac_override(r.join("locked.txt"), move || {
                context_facts(&r, &[]).expect("a hostile context still has facts")
            })
        });
        // Content is streamed: the deep file (root + path > PATH_MAX) too.
        assert_eq!(facts.files[&hostile::deep_rel()], content_hash(b"deep"));
        assert_eq!(facts.files["a.txt"], content_hash(b"a"));
        // A symlink counts by its target, never by what it points to.
        assert_eq!(facts.files["passwd"], content_hash(b"/etc/passwd"));
        // Specials are recorded by type, not read; the unreadable file and
        // the non-UTF-8 name are left out; all of them are reported.
        assert_eq!(facts.files["fifo"], content_hash(b""));
        assert_eq!(facts.files["sock"], content_hash(b""));
        assert!(!facts.files.contains_key("locked.txt"));
        let mut reported: Vec<&str> = facts.not_read.iter().map(|n| n.path.as_str()).collect();
        reported.sort();
        let mut want = vec!["caf\\xe9.txt", "fifo", "locked.txt", "sock"];
        if dev {
            want.push("null");
        }
        want.sort();
        assert_eq!(reported, want);
        let line = facts.warning(&root).expect("a warning");
        assert!(line.contains("fifo (FIFO, not read)"), "{line}");
        assert!(
            !line.contains("secret"),
            "names only, never contents: {line}"
        );
        let _ = std::fs::set_permissions(
            root.join("locked.txt"),
            std::fs::Permissions::from_mode(0o644),
        );
    }
}
