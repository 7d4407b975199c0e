//! The sender's walk: fsutil's `fs.Walk` + `filterFS` + `hardlinkFilter`
//! (fs.go, filter.go, hardlinks.go, followlinks.go) over a local directory.
//!
//! - Order is Go's `filepath.WalkDir`: each directory's entries sorted by
//!   name bytes, a directory immediately followed by its contents.
//! - Symlinks are never followed; everything is `lstat`ed. Paths are
//!   slash-separated and relative to the root, so nothing outside the root
//!   is ever described.
//! - Include patterns: a path is kept when it or a parent matches (Docker
//!   pattern rules). Exclude patterns: a path is dropped when it or a parent
//!   matches, unless a later `!` pattern re-includes it. Parents of kept
//!   paths are sent (once, just before their first kept descendant) even when
//!   they are not kept themselves.
//! - Directories that no include pattern could reach, and excluded
//!   directories no `!` exception could reach, are not descended into (only
//!   decided from prefixes when every pattern is a plain path, as upstream).
//! - Follow paths are resolved through symlinks (inside the root only) and
//!   the results are added to the include patterns.
//! - The second and later paths of a hard-linked inode carry the first
//!   path in `linkname`.

use std::collections::{BTreeSet, HashMap};
use std::fs::Metadata;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::dockerfile::dockerignore::{IgnorePattern, Matcher, clean};
use crate::proto::fsutil::Stat;

use super::stat::make_stat;

/// What the engine asked for in the request metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterOpts {
    pub include_patterns: Vec<String>,
    pub exclude_patterns: Vec<String>,
    pub follow_paths: Vec<String>,
}

/// One walked entry.
#[derive(Debug, Clone)]
pub struct WalkEntry {
    pub stat: Stat,
    /// Where the entry is on disk (for opening regular files).
    pub full: PathBuf,
    /// Identity of the walked inode: the sender re-checks it after opening.
    pub dev: u64,
    pub ino: u64,
}

/// A compiled pattern set plus upstream's "only plain-path patterns" facts.
struct PatternSet {
    matcher: Matcher,
    /// Cleaned patterns: (is `!` exception, text without trailing `/**`,`/*`).
    patterns: Vec<(bool, String)>,
}

impl PatternSet {
    fn new(raw: &[String]) -> io::Result<PatternSet> {
        let lines: Vec<IgnorePattern> = raw
            .iter()
            .map(|p| IgnorePattern {
                pattern: p.clone(),
                negated: false,
            })
            .collect();
        let matcher =
            Matcher::new(&lines).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let mut patterns = Vec::new();
        for p in raw {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            let cleaned = clean(p);
            let (exception, text) = match cleaned.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, cleaned.as_str()),
            };
            let text = text.strip_suffix("/**").unwrap_or(text);
            let text = text.strip_suffix("/*").unwrap_or(text);
            patterns.push((exception, text.to_owned()));
        }
        Ok(PatternSet { matcher, patterns })
    }

    fn matches(&self, rel: &str) -> bool {
        self.matcher.is_excluded(rel)
    }

    /// Whether every pattern of the given kind is a plain path.
    fn only_prefixes(&self, exception: bool) -> bool {
        const PATTERN_CHARS: &[char] = &['*', '[', ']', '?', '^', '\\'];
        self.patterns
            .iter()
            .filter(|(e, _)| *e == exception)
            .all(|(_, t)| !t.contains(PATTERN_CHARS))
    }

    fn has_exceptions(&self) -> bool {
        self.patterns.iter().any(|(e, _)| *e)
    }

    /// Whether some pattern of the kind names a path below `dir`.
    fn reaches_below(&self, exception: bool, dir: &str) -> bool {
        let dir_slash = format!("{dir}/");
        self.patterns
            .iter()
            .filter(|(e, _)| *e == exception)
            .any(|(_, t)| format!("{}/", t.trim_start_matches('/')).starts_with(&dir_slash))
    }
}

struct Pending {
    rel: String,
    full: PathBuf,
    md: Metadata,
    emitted: bool,
}

struct Walker<'a> {
    include: Option<PatternSet>,
    include_only_prefixes: bool,
    exclude: Option<PatternSet>,
    exclude_only_prefixes: bool,
    parents: Vec<Pending>,
    inodes: HashMap<(u64, u64), String>,
    emit: &'a mut dyn FnMut(WalkEntry) -> io::Result<()>,
}

/// Walks `root`, calling `emit` for every entry that passes the filters, in
/// wire order. An `emit` error stops the walk and is returned.
pub fn walk(
    root: &Path,
    opts: &FilterOpts,
    emit: &mut dyn FnMut(WalkEntry) -> io::Result<()>,
) -> io::Result<()> {
    let md = std::fs::metadata(root)
        .map_err(|e| io::Error::new(e.kind(), format!("resolve {}: {e}", root.display())))?;
    if !md.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            format!("stat {}: not a directory", root.display()),
        ));
    }

    let mut includes = opts.include_patterns.clone();
    if !opts.follow_paths.is_empty()
        && let Some(targets) = follow_links(root, &opts.follow_paths)?
    {
        includes.extend(targets);
        includes = dedupe_paths(&includes).unwrap_or_default();
    }
    let include = if includes.is_empty() {
        None
    } else {
        Some(PatternSet::new(&includes).map_err(|e| invalid("includepatterns", e))?)
    };
    let exclude = if opts.exclude_patterns.is_empty() {
        None
    } else {
        Some(PatternSet::new(&opts.exclude_patterns).map_err(|e| invalid("excludepatterns", e))?)
    };
    let mut walker = Walker {
        include_only_prefixes: include.as_ref().is_some_and(|p| p.only_prefixes(false)),
        exclude_only_prefixes: exclude.as_ref().is_some_and(|p| p.only_prefixes(true)),
        include,
        exclude,
        parents: Vec::new(),
        inodes: HashMap::new(),
        emit,
    };
    walker.walk_dir(root, "")
}

fn invalid(what: &str, e: io::Error) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("invalid {what}: {e}"))
}

/// Directory entries sorted by name bytes, like Go's `os.ReadDir`.
fn sorted_names(dir: &Path) -> io::Result<Vec<std::ffi::OsString>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        names.push(entry?.file_name());
    }
    names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    Ok(names)
}

impl Walker<'_> {
    fn walk_dir(&mut self, dir: &Path, dir_rel: &str) -> io::Result<()> {
        let names = match sorted_names(dir) {
            Ok(names) => names,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                // A directory we would not send anyway may be unreadable.
                let parent_skipped = self.parents.last().is_some_and(|p| !p.emitted);
                if parent_skipped && e.kind() == io::ErrorKind::PermissionDenied {
                    return Ok(());
                }
                return Err(io::Error::new(
                    e.kind(),
                    format!("open {}: {e}", dir.display()),
                ));
            }
        };
        for name in names {
            let name_str = String::from_utf8_lossy(name.as_bytes());
            let rel = if dir_rel.is_empty() {
                name_str.into_owned()
            } else {
                format!("{dir_rel}/{name_str}")
            };
            let full = dir.join(&name);
            let md = match std::fs::symlink_metadata(&full) {
                Ok(md) => md,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => {
                    return Err(io::Error::new(
                        e.kind(),
                        format!("lstat {}: {e}", full.display()),
                    ));
                }
            };
            let is_dir = md.is_dir();

            let mut skip = false;
            if let Some(include) = &self.include
                && !include.matches(&rel)
            {
                if is_dir && self.include_only_prefixes && !include.reaches_below(false, &rel) {
                    continue;
                }
                skip = true;
            }
            if let Some(exclude) = &self.exclude
                && exclude.matches(&rel)
            {
                if is_dir
                    && self.exclude_only_prefixes
                    && (!exclude.has_exceptions() || !exclude.reaches_below(true, &rel))
                {
                    continue;
                }
                skip = true;
            }

            if !skip {
                if std::str::from_utf8(name.as_bytes()).is_err() {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{}: file name is not valid UTF-8", full.display()),
                    ));
                }
                self.emit_parents()?;
                self.emit_entry(&full, &rel, &md)?;
            }
            if is_dir {
                self.parents.push(Pending {
                    rel: rel.clone(),
                    full: full.clone(),
                    md,
                    emitted: !skip,
                });
                let result = self.walk_dir(&full, &rel);
                self.parents.pop();
                result?;
            }
        }
        Ok(())
    }

    fn emit_parents(&mut self) -> io::Result<()> {
        for i in 0..self.parents.len() {
            if self.parents[i].emitted {
                continue;
            }
            self.parents[i].emitted = true;
            let (full, rel, md) = {
                let p = &self.parents[i];
                (p.full.clone(), p.rel.clone(), p.md.clone())
            };
            self.emit_entry(&full, &rel, &md)?;
        }
        Ok(())
    }

    fn emit_entry(&mut self, full: &Path, rel: &str, md: &Metadata) -> io::Result<()> {
        let mut stat = make_stat(full, rel, md)
            .map_err(|e| io::Error::new(e.kind(), format!("stat {}: {e}", full.display())))?;
        if !md.is_dir() {
            let key = (md.dev(), md.ino());
            let first = if md.nlink() > 1 {
                self.inodes.get(&key).cloned()
            } else {
                None
            };
            match first {
                Some(first) if !md.file_type().is_symlink() => stat.linkname = first,
                Some(_) => {}
                None => {
                    self.inodes.insert(key, rel.to_owned());
                }
            }
        }
        (self.emit)(WalkEntry {
            stat,
            full: full.to_path_buf(),
            dev: md.dev(),
            ino: md.ino(),
        })
    }
}

/// fsutil's `dedupePaths` (input order kept; a "." anywhere means "no
/// filter" and gives `None`).
fn dedupe_paths(paths: &[String]) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(paths.len());
    let mut last = String::new();
    for p in paths {
        if p == "." {
            return None;
        }
        if p.starts_with(&format!("{last}/")) {
            continue;
        }
        out.push(p.clone());
        last = p.clone();
    }
    Some(out)
}

fn contains_wildcards(name: &str) -> bool {
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '*' | '?' | '[' => return true,
            _ => {}
        }
    }
    false
}

/// Go's `filepath.Join(elems...)` for slash paths: join then clean.
fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        return clean(b);
    }
    if b.is_empty() {
        return clean(a);
    }
    clean(&format!("{a}/{b}"))
}

/// fsutil's `FollowLinks`: every symlink met while resolving each path (and
/// its targets, read as if the root were `/`) becomes an include path.
/// `None` when the root itself ends up included (no filter).
fn follow_links(root: &Path, paths: &[String]) -> io::Result<Option<Vec<String>>> {
    let mut resolver = SymlinkResolver {
        root,
        resolved: BTreeSet::new(),
    };
    for p in paths {
        resolver.append(p, 0)?;
    }
    let all: Vec<String> = resolver.resolved.into_iter().collect();
    Ok(dedupe_paths(&all))
}

struct SymlinkResolver<'a> {
    root: &'a Path,
    resolved: BTreeSet<String>,
}

/// Bound on nested symlink resolution (upstream relies on loop detection
/// alone; this is a second guard).
const MAX_LINK_DEPTH: usize = 255;

impl SymlinkResolver<'_> {
    fn append(&mut self, p: &str, depth: usize) -> io::Result<()> {
        if depth > MAX_LINK_DEPTH {
            return Err(io::Error::other(format!(
                "too many levels of symbolic links resolving {p}"
            )));
        }
        // Join(".", p): relative, cleaned; a leading "/" is dropped.
        let mut rest = join(".", p.trim_start_matches('/'));
        let mut current = ".".to_owned();
        loop {
            let (first, tail) = match rest.split_once('/') {
                Some((a, b)) => (a.to_owned(), b.to_owned()),
                None => (rest.clone(), String::new()),
            };
            current = join(&current, &first);
            if current == ".." || current.starts_with("../") {
                // Cannot name anything inside the root.
                return Ok(());
            }
            let targets = self.read_symlink(&current, true)?;
            rest = tail;
            if (rest.is_empty() || targets.is_some()) && self.resolved.contains(&current) {
                return Ok(());
            }
            if let Some(targets) = targets {
                self.resolved.insert(current.clone());
                for target in targets {
                    self.append(&join(&target, &rest), depth + 1)?;
                }
                return Ok(());
            }
            if rest.is_empty() {
                self.resolved.insert(current);
                return Ok(());
            }
        }
    }

    /// Targets of `p` if it is a symlink (each as a rooted path), `None`
    /// otherwise. A wildcard last component is matched against the parent's
    /// entries.
    fn read_symlink(&self, p: &str, allow_wildcard: bool) -> io::Result<Option<Vec<String>>> {
        let (dir, base) = match p.rsplit_once('/') {
            Some((d, b)) => (d.to_owned(), b.to_owned()),
            None => (".".to_owned(), p.to_owned()),
        };
        if allow_wildcard && contains_wildcards(&base) {
            let names = match sorted_names(&self.root.join(&dir)) {
                Ok(names) => names,
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                    ) =>
                {
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            let glob = Matcher::new(&[IgnorePattern {
                pattern: base.clone(),
                negated: false,
            }])
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
            let mut out = Vec::new();
            for name in names {
                let name = String::from_utf8_lossy(name.as_bytes()).into_owned();
                if glob.is_excluded(&name)
                    && let Some(t) = self.read_symlink(&join(&dir, &name), false)?
                {
                    out.extend(t);
                }
            }
            return Ok(Some(out).filter(|o| !o.is_empty()));
        }
        if p == "." {
            return Ok(None);
        }
        let full = self.root.join(p);
        let md = match std::fs::symlink_metadata(&full) {
            Ok(md) => md,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if !md.file_type().is_symlink() {
            return Ok(None);
        }
        let link = std::fs::read_link(&full)?;
        let link = clean(&String::from_utf8_lossy(link.as_os_str().as_bytes()));
        if link.starts_with('/') {
            return Ok(Some(vec![link]));
        }
        // Rooted, so ".." can never climb above the root.
        Ok(Some(vec![clean(&format!("/{}", join(&dir, &link)))]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedupe_like_fsutil() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(dedupe_paths(&v(&["a", "a/b", "b"])), Some(v(&["a", "b"])));
        assert_eq!(dedupe_paths(&v(&["a", "."])), None);
    }

    #[test]
    fn follow_links_stay_inside_root() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join("real")).unwrap();
        std::fs::write(root.join("real/Dockerfile"), "FROM x").unwrap();
        std::os::unix::fs::symlink("real/Dockerfile", root.join("Dockerfile")).unwrap();
        std::os::unix::fs::symlink("../../../etc/passwd", root.join("escape")).unwrap();
        std::os::unix::fs::symlink("/abs", root.join("abs")).unwrap();
        let got = follow_links(root, &["Dockerfile".into(), "escape".into(), "abs".into()])
            .unwrap()
            .unwrap();
        assert_eq!(
            got,
            vec![
                "Dockerfile",
                "abs",
                "escape",
                "etc/passwd",
                "real/Dockerfile"
            ]
        );
    }
}
