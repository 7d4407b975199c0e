//! Facts from outside the build for stamping: git (run in the context
//! directory; absent git or repository is not an error) and the context's
//! files as the engine will receive them (`.dockerignore` applied).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::dockerfile::dockerignore;
use crate::plan::context_digest::{ContextEntry, content_hash, context_digest};

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

/// Every file under `dir` that the engine receives, with `excludes`
/// (`.dockerignore` patterns) applied.
pub fn walk_context(dir: &Path, excludes: &[String]) -> std::io::Result<Vec<ContextEntry>> {
    use std::os::unix::fs::PermissionsExt;
    let matcher = dockerignore::Matcher::new(&dockerignore::parse(&excludes.join("\n"))).ok();
    let mut out = Vec::new();
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        let full = if rel.is_empty() {
            dir.to_path_buf()
        } else {
            dir.join(&rel)
        };
        for entry in std::fs::read_dir(&full)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let meta = std::fs::symlink_metadata(entry.path())?;
            let excluded = matcher.as_ref().is_some_and(|m| m.is_excluded(&path));
            if meta.is_dir() {
                // Children may be re-included by `!` patterns: always descend.
                stack.push(path);
                continue;
            }
            if excluded {
                continue;
            }
            let mode = meta.permissions().mode() & 0o177_777;
            let content = if meta.file_type().is_symlink() {
                content_hash(
                    std::fs::read_link(entry.path())?
                        .as_os_str()
                        .as_encoded_bytes(),
                )
            } else {
                content_hash(&std::fs::read(entry.path())?)
            };
            out.push(ContextEntry {
                path,
                mode,
                content,
            });
        }
    }
    out.sort();
    Ok(out)
}

/// The digest and the per-file hashes of a context.
pub fn context_facts(
    dir: &Path,
    excludes: &[String],
) -> std::io::Result<(String, BTreeMap<String, String>)> {
    let entries = walk_context(dir, excludes)?;
    let files = entries
        .iter()
        .map(|e| (e.path.clone(), e.content.clone()))
        .collect();
    Ok((context_digest(&entries), files))
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
        let entries = walk_context(&dir, &["*.log".to_string()]).expect("walks");
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "sub/b.txt"]);
        let (d1, _) = context_facts(&dir, &["*.log".to_string()]).expect("digest");
        std::fs::write(dir.join("x.log"), "other log").expect("write");
        let (d2, _) = context_facts(&dir, &["*.log".to_string()]).expect("digest");
        assert_eq!(d1, d2, "ignored files do not count");
        std::fs::write(dir.join("a.txt"), "changed").expect("write");
        assert_ne!(
            d1,
            context_facts(&dir, &["*.log".to_string()])
                .expect("digest")
                .0
        );
        // Outside any repository (temp dirs usually are): no facts, no error.
        let _ = git_facts(&dir);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
