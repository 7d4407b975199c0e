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
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, Dir, Mode, OFlags, ResolveFlags};

use crate::dockerfile::dockerignore::{IgnorePattern, Matcher, clean};
use crate::proto::fsutil::Stat;

use super::stat::{RawStat, make_stat};

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
    /// The wire stat; `stat.path` is the slash path relative to the root.
    pub stat: Stat,
    /// The `lstat` it was made from (type bits, identity of the inode: the
    /// reader re-checks `dev`/`ino` after opening, see [`ContextRoot::open_file`]).
    pub raw: RawStat,
}

/// What to do with a directory that cannot be listed (`EACCES`, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnreadableDirs {
    /// fsutil's walk: the error ends the transfer, unless the directory
    /// itself was filtered out (filter.go returns nil for a permission error
    /// on a skipped path). The engine asked for what is in it.
    Fail,
    /// Skip its contents and report it (the stamp walk: a directory no COPY
    /// uses must not fail the build).
    Skip,
}

/// Why an entry was left out of a walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The name is not UTF-8: the wire `Stat.path` is a protobuf `string`,
    /// which our protobuf library cannot carry with other bytes. Upstream
    /// (Go strings, no UTF-8 validation in gogo/vtprotobuf) sends the raw
    /// bytes; we leave the entry (and, for a directory, everything below it)
    /// out and say so.
    NonUtf8Name,
    /// The directory could not be listed (with [`UnreadableDirs::Skip`]).
    UnreadableDir(String),
    /// The path is too long to name from the context root (`ENAMETOOLONG`).
    NameTooLong,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::NonUtf8Name => f.write_str("name is not UTF-8, not sent"),
            SkipReason::UnreadableDir(e) => write!(f, "cannot list directory: {e}"),
            SkipReason::NameTooLong => f.write_str("path too long, not sent"),
        }
    }
}

/// One entry a walk left out. `path` is printable (invalid UTF-8 bytes are
/// shown as `\xNN`); only names, never contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: SkipReason,
}

/// What a walk left out, for the caller to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkReport {
    pub skipped: Vec<Skipped>,
}

/// `bytes` as text, invalid UTF-8 escaped as `\xNN` (for reports).
pub fn printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// A context directory, opened once: every later lookup is relative to
/// this descriptor, so paths stay short (a 4,000-byte relative path still
/// fits `PATH_MAX` where root + path would not) and nothing is resolved
/// through a symlink.
#[derive(Debug)]
pub struct ContextRoot {
    fd: OwnedFd,
    path: PathBuf,
}

/// The walk holds one descriptor per directory level it is inside, so a
/// deep tree (a 4,000-byte path of one-letter directories is 2,000 levels)
/// needs more than the usual soft limit of 1,024. Raise the soft limit to
/// the hard one, once, as Go's `os` package does at startup for buildx and
/// the docker CLI (Go 1.19+).
fn raise_open_files_limit() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit on a valid rlimit struct.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < lim.rlim_max {
                lim.rlim_cur = lim.rlim_max;
                libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
            }
        }
    });
}

/// Why [`ContextRoot::open_file`] gave no file.
#[derive(Debug, thiserror::Error)]
pub enum OpenFileError {
    /// Cannot be opened or read (permissions, vanished, a socket, too long).
    #[error("cannot open {path}: {source}")]
    Unreadable { path: String, source: io::Error },
    /// Something else than the walked regular file is there now.
    #[error("{path} changed since it was walked")]
    Changed { path: String },
}

impl ContextRoot {
    /// Opens `path` (symlinks in it resolved, as fsutil's `NewFS` does with
    /// `EvalSymlinks`); it must be a directory.
    pub fn open(path: &Path) -> io::Result<ContextRoot> {
        raise_open_files_limit();
        let fd = rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| {
            let e = io::Error::from(e);
            if e.raw_os_error() == Some(libc::ENOTDIR) {
                io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("stat {}: not a directory", path.display()),
                )
            } else {
                io::Error::new(e.kind(), format!("resolve {}: {e}", path.display()))
            }
        })?;
        Ok(ContextRoot {
            fd,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens the regular file the walk found at `rel` for reading, never
    /// blocking and never leaving the root: no symlink is followed on the
    /// way (`openat2` with `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS` where the
    /// kernel has it), `O_NONBLOCK` so a FIFO swapped in since the walk
    /// cannot hang the open, and the opened inode must be the walked one
    /// (`dev`/`ino`) and a regular file.
    pub fn open_file(&self, rel: &str, walked: &RawStat) -> Result<std::fs::File, OpenFileError> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let unreadable = |e: rustix::io::Errno| OpenFileError::Unreadable {
            path: rel.to_owned(),
            source: e.into(),
        };
        let opened = match rustix::fs::openat2(
            &self.fd,
            rel,
            flags,
            Mode::empty(),
            ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS,
        ) {
            // No openat2 (Linux < 5.6, or a seccomp profile that refuses
            // it): plain openat. The walk never yields a path through a
            // symlink, and the inode check below refuses anything else.
            Err(rustix::io::Errno::NOSYS) | Err(rustix::io::Errno::PERM) => {
                rustix::fs::openat(&self.fd, rel, flags, Mode::empty())
            }
            other => other,
        };
        let fd = opened.map_err(unreadable)?;
        let st = RawStat::from(&rustix::fs::fstat(&fd).map_err(unreadable)?);
        if !st.is_regular() || st.dev != walked.dev || st.ino != walked.ino {
            return Err(OpenFileError::Changed {
                path: rel.to_owned(),
            });
        }
        Ok(std::fs::File::from(fd))
    }
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
    stat: Stat,
    raw: RawStat,
    emitted: bool,
}

/// A directory being walked: its descriptor, the names still to visit,
/// and its path.
struct Frame {
    fd: OwnedFd,
    names: std::vec::IntoIter<Vec<u8>>,
    rel: String,
}

struct Walker<'a> {
    include: Option<PatternSet>,
    include_only_prefixes: bool,
    exclude: Option<PatternSet>,
    exclude_only_prefixes: bool,
    unreadable_dirs: UnreadableDirs,
    /// `/proc/self/fd` names a directory descriptor by a short path (for the
    /// xattr calls, which have no `*at` form); without /proc, root + path.
    proc_fd: bool,
    root: &'a Path,
    parents: Vec<Pending>,
    inodes: HashMap<(u64, u64), String>,
    report: WalkReport,
    emit: &'a mut dyn FnMut(WalkEntry) -> io::Result<()>,
}

/// Walks `root`, calling `emit` for every entry that passes the filters, in
/// wire order. An `emit` error stops the walk and is returned. Entries left
/// out for other reasons than the filters are in the returned report.
///
/// Nothing is ever opened for reading here: entries are `lstat`ed
/// (`fstatat` without following) and directories listed, so FIFOs, sockets
/// and device nodes cannot block or fail the walk. They are described like
/// fsutil describes them (stat.go `mkstat`): a FIFO or device as its type and
/// device numbers, which the receiver recreates with `mknod`; a socket with
/// its socket bit cleared, i.e. as a regular file whose content the receiver
/// then asks for and the sender cannot open (see `send_file`: empty, as
/// upstream's `sendFile` ignores the open error).
pub fn walk(
    root: &ContextRoot,
    opts: &FilterOpts,
    unreadable_dirs: UnreadableDirs,
    emit: &mut dyn FnMut(WalkEntry) -> io::Result<()>,
) -> io::Result<WalkReport> {
    let mut includes = opts.include_patterns.clone();
    if !opts.follow_paths.is_empty()
        && let Some(targets) = follow_links(&root.path, &opts.follow_paths)?
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
        unreadable_dirs,
        proc_fd: Path::new("/proc/self/fd").is_dir(),
        root: &root.path,
        parents: Vec::new(),
        inodes: HashMap::new(),
        report: WalkReport::default(),
        emit,
    };
    let dir = rustix::fs::openat(
        &root.fd,
        ".",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| {
        io::Error::new(
            io::Error::from(e).kind(),
            format!("open {}: {e}", root.path.display()),
        )
    })?;
    walker.walk_tree(dir)?;
    Ok(walker.report)
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

/// The names in an open directory, sorted by bytes, without `.` and `..`.
fn list_dir(dir: &mut Dir) -> io::Result<Vec<Vec<u8>>> {
    let mut names = Vec::new();
    for entry in dir {
        let entry = entry?;
        let name = entry.file_name().to_bytes();
        if name != b"." && name != b".." {
            names.push(name.to_vec());
        }
    }
    names.sort();
    Ok(names)
}

impl Walker<'_> {
    /// Lists the directory `fd` (at `rel`) into a frame; `None` when it
    /// vanished or (per policy) cannot be listed.
    fn open_frame(&mut self, fd: OwnedFd, rel: &str) -> io::Result<Option<Frame>> {
        let listed = Dir::read_from(&fd)
            .map_err(io::Error::from)
            .and_then(|mut dir| list_dir(&mut dir));
        match listed {
            Ok(names) => Ok(Some(Frame {
                fd,
                names: names.into_iter(),
                rel: rel.to_owned(),
            })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => self.unreadable(rel, e).map(|()| None),
        }
    }

    /// The walk, depth first in name order. Iterative, with one frame per
    /// directory level: a context thousands of levels deep must not
    /// overflow the thread's stack.
    fn walk_tree(&mut self, root: OwnedFd) -> io::Result<()> {
        let mut frames: Vec<Frame> = Vec::new();
        if let Some(frame) = self.open_frame(root, "")? {
            frames.push(frame);
        }
        while let Some(frame) = frames.last_mut() {
            let Some(name) = frame.names.next() else {
                frames.pop();
                // Every frame but the root's has its directory pending.
                if !frames.is_empty() {
                    self.parents.pop();
                }
                continue;
            };
            let dir_rel = frame.rel.clone();
            let child = self.visit(frame.fd.as_fd(), &dir_rel, &name)?;
            if let Some((fd, rel)) = child {
                match self.open_frame(fd, &rel)? {
                    Some(frame) => frames.push(frame),
                    None => {
                        self.parents.pop();
                    }
                }
            }
        }
        Ok(())
    }

    /// One directory entry: filter, describe, emit. For a directory to
    /// descend into, its descriptor and path (its pending parent entry is
    /// pushed; the caller pops it when done).
    fn visit(
        &mut self,
        dir_fd: BorrowedFd<'_>,
        dir_rel: &str,
        name: &[u8],
    ) -> io::Result<Option<(OwnedFd, String)>> {
        let name_str = String::from_utf8_lossy(name);
        let rel = if dir_rel.is_empty() {
            name_str.into_owned()
        } else {
            format!("{dir_rel}/{name_str}")
        };
        let st = match rustix::fs::statat(dir_fd, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => RawStat::from(&st),
            Err(rustix::io::Errno::NOENT) => return Ok(None),
            Err(e) => {
                return Err(io::Error::new(
                    io::Error::from(e).kind(),
                    format!("lstat {}: {e}", printable(rel.as_bytes())),
                ));
            }
        };
        let is_dir = st.is_dir();

        let mut skip = false;
        if let Some(include) = &self.include
            && !include.matches(&rel)
        {
            if is_dir && self.include_only_prefixes && !include.reaches_below(false, &rel) {
                return Ok(None);
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
                return Ok(None);
            }
            skip = true;
        }

        if std::str::from_utf8(name).is_err() {
            // Nothing below it has a UTF-8 path either: leave the subtree.
            if !skip {
                self.skip(dir_rel, name, SkipReason::NonUtf8Name);
            }
            return Ok(None);
        }
        let stat = if !skip || is_dir {
            match self.make_stat(dir_fd, name, &rel, &st) {
                Ok(stat) => stat,
                Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(None),
                Err(e) if e.raw_os_error() == Some(libc::ENAMETOOLONG) => {
                    self.skip(dir_rel, name, SkipReason::NameTooLong);
                    return Ok(None);
                }
                Err(e) => {
                    return Err(io::Error::new(e.kind(), format!("stat {rel}: {e}")));
                }
            }
        } else {
            return Ok(None);
        };
        if !skip {
            self.emit_parents()?;
            self.emit_entry(stat.clone(), &st)?;
        }
        if !is_dir {
            return Ok(None);
        }
        self.parents.push(Pending {
            stat,
            raw: st,
            emitted: !skip,
        });
        match rustix::fs::openat(
            dir_fd,
            name,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        ) {
            Ok(fd) => Ok(Some((fd, rel))),
            // Vanished, or replaced by something else since the lstat.
            Err(rustix::io::Errno::NOENT)
            | Err(rustix::io::Errno::NOTDIR)
            | Err(rustix::io::Errno::LOOP) => {
                self.parents.pop();
                Ok(None)
            }
            Err(e) => {
                let result = self.unreadable(&rel, e.into());
                self.parents.pop();
                result.map(|()| None)
            }
        }
    }

    /// A directory (the innermost pending parent) that cannot be opened or
    /// listed.
    fn unreadable(&mut self, rel: &str, e: io::Error) -> io::Result<()> {
        // A directory we would not send anyway may be unreadable (filter.go).
        let parent_skipped = self.parents.last().is_some_and(|p| !p.emitted);
        if parent_skipped && e.kind() == io::ErrorKind::PermissionDenied {
            return Ok(());
        }
        match self.unreadable_dirs {
            UnreadableDirs::Skip => {
                self.report.skipped.push(Skipped {
                    path: if rel.is_empty() {
                        ".".into()
                    } else {
                        rel.to_owned()
                    },
                    reason: SkipReason::UnreadableDir(e.to_string()),
                });
                Ok(())
            }
            UnreadableDirs::Fail => Err(io::Error::new(
                e.kind(),
                format!("open {}: {e}", if rel.is_empty() { "." } else { rel }),
            )),
        }
    }

    fn skip(&mut self, dir_rel: &str, name: &[u8], reason: SkipReason) {
        let name = printable(name);
        let path = if dir_rel.is_empty() {
            name
        } else {
            format!("{dir_rel}/{name}")
        };
        self.report.skipped.push(Skipped { path, reason });
    }

    fn make_stat(
        &self,
        dir_fd: BorrowedFd<'_>,
        name: &[u8],
        rel: &str,
        st: &RawStat,
    ) -> io::Result<Stat> {
        let link = if st.is_symlink() {
            Some(
                rustix::fs::readlinkat(dir_fd, name, Vec::new())
                    .map_err(io::Error::from)?
                    .into_bytes(),
            )
        } else {
            None
        };
        let xattr_path = if self.proc_fd {
            let mut p = format!("/proc/self/fd/{}/", dir_fd.as_raw_fd()).into_bytes();
            p.extend_from_slice(name);
            PathBuf::from(std::ffi::OsString::from_vec(p))
        } else {
            self.root.join(rel)
        };
        make_stat(&xattr_path, rel, st, link.as_deref())
    }

    fn emit_parents(&mut self) -> io::Result<()> {
        for i in 0..self.parents.len() {
            if self.parents[i].emitted {
                continue;
            }
            self.parents[i].emitted = true;
            let (stat, raw) = (self.parents[i].stat.clone(), self.parents[i].raw);
            self.emit_entry(stat, &raw)?;
        }
        Ok(())
    }

    fn emit_entry(&mut self, mut stat: Stat, raw: &RawStat) -> io::Result<()> {
        if !raw.is_dir() {
            let key = (raw.dev, raw.ino);
            let first = if raw.nlink > 1 {
                self.inodes.get(&key).cloned()
            } else {
                None
            };
            match first {
                Some(first) if !raw.is_symlink() => stat.linkname = first,
                Some(_) => {}
                None => {
                    self.inodes.insert(key, stat.path.clone());
                }
            }
        }
        (self.emit)(WalkEntry { stat, raw: *raw })
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

/// Hostile contexts for tests: every kind of entry a walker must survive.
#[cfg(test)]
pub(crate) mod hostile {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};

    /// A 4,008-byte relative path: 20 directories of 199 bytes and a file.
    pub fn deep_rel() -> String {
        let seg = "d".repeat(199);
        let mut rel = vec![seg; 20].join("/");
        rel.push_str("/deep.txt");
        rel
    }

    /// A non-UTF-8 file name (Latin-1 "é").
    pub fn non_utf8_name() -> std::ffi::OsString {
        std::os::unix::ffi::OsStringExt::from_vec(b"caf\xe9.txt".to_vec())
    }

    /// A context root whose own path is long (over 200 bytes), so that
    /// root + [`deep_rel`] exceeds `PATH_MAX` (4,096).
    pub fn long_root(tmp: &Path) -> PathBuf {
        let root = tmp.join("r".repeat(220));
        std::fs::create_dir(&root).unwrap();
        root
    }

    /// A context holding: `a.txt`, a FIFO `fifo`, a socket `sock` (the
    /// listener is returned: it must outlive the test), a symlink `passwd`
    /// to /etc/passwd and `up` to `../../..`, a non-UTF-8 name, a
    /// 4,000-byte path, and (when mknod is allowed) a character device
    /// `null` (1:3). Returns whether the device could be made.
    pub fn make(root: &Path) -> (std::os::unix::net::UnixListener, bool) {
        std::fs::write(root.join("a.txt"), "a").unwrap();
        mkfifo(&root.join("fifo"));
        // A socket's path must fit sun_path (108 bytes): bind it next to the
        // root, then move it in.
        let short = root.parent().unwrap().join("s.sock");
        let sock = std::os::unix::net::UnixListener::bind(&short).unwrap();
        std::fs::rename(&short, root.join("sock")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", root.join("passwd")).unwrap();
        std::os::unix::fs::symlink("../../..", root.join("up")).unwrap();
        std::fs::write(root.join(non_utf8_name()), "latin-1").unwrap();
        // Built with *at calls from a short parent each time: the whole
        // path may be longer than PATH_MAX.
        make_deep(root, &deep_rel(), b"deep");
        let dev = mknod_null(&root.join("null"));
        (sock, dev)
    }

    pub fn mkfifo(path: &Path) {
        let c = CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    }

    fn mknod_null(path: &Path) -> bool {
        let c = CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) == 0 }
    }

    fn make_deep(root: &Path, rel: &str, content: &[u8]) {
        use rustix::fs::{Mode, OFlags};
        let mut dir =
            rustix::fs::open(root, OFlags::RDONLY | OFlags::DIRECTORY, Mode::empty()).unwrap();
        let parts: Vec<&str> = rel.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            rustix::fs::mkdirat(&dir, *part, Mode::from_raw_mode(0o755)).unwrap();
            dir = rustix::fs::openat(
                &dir,
                *part,
                OFlags::RDONLY | OFlags::DIRECTORY,
                Mode::empty(),
            )
            .unwrap();
        }
        let f = rustix::fs::openat(
            &dir,
            *parts.last().unwrap(),
            OFlags::WRONLY | OFlags::CREATE,
            Mode::from_raw_mode(0o644),
        )
        .unwrap();
        assert_eq!(rustix::io::write(&f, content).unwrap(), content.len());
    }

    /// Runs `f` on a thread without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
    /// in its effective set (capabilities are per thread on Linux), so that
    /// permission bits bind even when the tests run as root. Panics when
    /// `probe` (a mode-000 file) is still readable there.
    pub fn without_dac_override<T: Send + 'static>(
        probe: PathBuf,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> T {
        std::thread::spawn(move || {
            #[repr(C)]
            struct Header {
                version: u32,
                pid: i32,
            }
            #[repr(C)]
            #[derive(Clone, Copy, Default)]
            struct Data {
                effective: u32,
                permitted: u32,
                inheritable: u32,
            }
            const VERSION_3: u32 = 0x2008_0522;
            const CAP_DAC_OVERRIDE: u32 = 1;
            const CAP_DAC_READ_SEARCH: u32 = 2;
            let mut header = Header {
                version: VERSION_3,
                pid: 0,
            };
            let mut data = [Data::default(); 2];
            // SAFETY: capget/capset with a v3 header and two data slots.
            unsafe {
                if libc::syscall(libc::SYS_capget, &mut header, data.as_mut_ptr()) == 0 {
                    data[0].effective &= !(1 << CAP_DAC_OVERRIDE | 1 << CAP_DAC_READ_SEARCH);
                    libc::syscall(libc::SYS_capset, &mut header, data.as_ptr());
                }
            }
            assert!(
                std::fs::File::open(&probe).is_err(),
                "a mode-000 file is still readable: cannot test unreadable files here"
            );
            f()
        })
        .join()
        .unwrap()
    }

    /// Runs `f` on its own thread and fails the test if it has not
    /// finished within `secs` (a hang, not a slowness bound).
    pub fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx.recv_timeout(std::time::Duration::from_secs(secs))
            .expect("did not finish: blocked")
    }
}

#[cfg(test)]
mod tests {
    use super::super::stat::go_mode;
    use super::*;
    use std::collections::BTreeMap;
    use std::os::unix::fs::PermissionsExt;

    fn walk_all(
        root: PathBuf,
        policy: UnreadableDirs,
    ) -> io::Result<(BTreeMap<String, Stat>, WalkReport)> {
        let root = ContextRoot::open(&root)?;
        let mut seen = BTreeMap::new();
        let report = walk(&root, &FilterOpts::default(), policy, &mut |e| {
            seen.insert(e.stat.path.clone(), e.stat);
            Ok(())
        })?;
        Ok((seen, report))
    }

    #[test]
    fn hostile_context_walks_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let root = hostile::long_root(tmp.path());
        let (_sock, dev) = hostile::make(&root);
        let (seen, report) =
            hostile::within(30, move || walk_all(root, UnreadableDirs::Fail)).unwrap();

        // fsutil's stats: a FIFO as a named pipe, a socket without its
        // socket bit (a plain file to the receiver), a device with numbers.
        assert_eq!(seen["fifo"].mode & go_mode::TYPE, go_mode::NAMED_PIPE);
        assert_eq!(seen["sock"].mode & go_mode::TYPE, 0);
        assert!(super::super::stat::can_request_data(seen["sock"].mode));
        if dev {
            let null = &seen["null"];
            assert_ne!(null.mode & go_mode::CHAR_DEVICE, 0);
            assert_eq!((null.devmajor, null.devminor), (1, 3));
        }
        // Symlinks are described, never followed, wherever they point.
        assert_eq!(seen["passwd"].linkname, "/etc/passwd");
        assert_ne!(seen["passwd"].mode & go_mode::SYMLINK, 0);
        assert_eq!(seen["up"].linkname, "../../..");
        assert!(
            !seen
                .keys()
                .any(|k| k.contains("..") || k.starts_with("passwd/"))
        );
        // The 4,008-byte path is walked (root + path exceeds PATH_MAX).
        let deep = hostile::deep_rel();
        assert_eq!(deep.len(), 4_008);
        assert!(tmp.path().as_os_str().len() + 221 + deep.len() > 4_096);
        assert_eq!(seen[&deep].size, 4);
        // The non-UTF-8 name is left out and reported, nothing else is.
        assert_eq!(
            report.skipped,
            vec![Skipped {
                path: "caf\\xe9.txt".into(),
                reason: SkipReason::NonUtf8Name
            }]
        );
        assert!(!seen.keys().any(|k| k.starts_with("caf")));
    }

    #[test]
    fn two_thousand_levels_deep() {
        use rustix::fs::{Mode, OFlags};
        let tmp = tempfile::tempdir().unwrap();
        let mut dir = rustix::fs::open(
            tmp.path(),
            OFlags::RDONLY | OFlags::DIRECTORY,
            Mode::empty(),
        )
        .unwrap();
        for _ in 0..2_000 {
            rustix::fs::mkdirat(&dir, "a", Mode::from_raw_mode(0o755)).unwrap();
            dir = rustix::fs::openat(&dir, "a", OFlags::RDONLY | OFlags::DIRECTORY, Mode::empty())
                .unwrap();
        }
        drop(
            rustix::fs::openat(
                &dir,
                "f",
                OFlags::WRONLY | OFlags::CREATE,
                Mode::from_raw_mode(0o644),
            )
            .unwrap(),
        );
        let root = tmp.path().to_path_buf();
        let (seen, report) =
            hostile::within(60, move || walk_all(root, UnreadableDirs::Fail)).unwrap();
        let deepest = format!("{}f", "a/".repeat(2_000));
        assert_eq!(deepest.len(), 4_001);
        assert!(seen.contains_key(&deepest), "{} entries", seen.len());
        assert_eq!(report, WalkReport::default());
    }

    #[test]
    fn opening_refuses_specials_and_escapes_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let root_path = hostile::long_root(tmp.path());
        let (_sock, _) = hostile::make(&root_path);
        hostile::within(30, move || {
            let root = ContextRoot::open(&root_path).unwrap();
            let mut entries = BTreeMap::new();
            walk(
                &root,
                &FilterOpts::default(),
                UnreadableDirs::Fail,
                &mut |e| {
                    entries.insert(e.stat.path.clone(), e.raw);
                    Ok(())
                },
            )
            .unwrap();
            // A FIFO opened as if it were the walked file: refused, not hung.
            let a = entries["a.txt"];
            assert!(matches!(
                root.open_file("fifo", &a),
                Err(OpenFileError::Changed { .. })
            ));
            // A socket cannot be opened at all: upstream sends it empty.
            assert!(matches!(
                root.open_file("sock", &entries["sock"]),
                Err(OpenFileError::Unreadable { .. })
            ));
            // Through a symlink, even one inside the root: refused.
            assert!(root.open_file("passwd", &entries["passwd"]).is_err());
            assert!(root.open_file("up/etc/passwd", &a).is_err());
            assert!(root.open_file("../a.txt", &a).is_err());
            // The deep file opens relative to the root.
            let deep = hostile::deep_rel();
            let mut f = root.open_file(&deep, &entries[&deep]).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            assert_eq!(s, "deep");
        });
    }

    #[test]
    fn follow_paths_and_includes_with_dotdot_stay_inside() {
        let tmp = tempfile::tempdir().unwrap();
        let outer = tmp.path();
        std::fs::write(outer.join("secret"), "outside").unwrap();
        let root_path = outer.join("ctx");
        std::fs::create_dir(&root_path).unwrap();
        std::fs::write(root_path.join("Dockerfile"), "FROM x").unwrap();
        std::os::unix::fs::symlink("../secret", root_path.join("link")).unwrap();
        let root = ContextRoot::open(&root_path).unwrap();
        let opts = FilterOpts {
            include_patterns: vec!["../secret".into(), "../../*".into()],
            follow_paths: vec![
                "../secret".into(),
                "link".into(),
                "../ctx/Dockerfile".into(),
            ],
            ..Default::default()
        };
        let mut seen = Vec::new();
        walk(&root, &opts, UnreadableDirs::Fail, &mut |e| {
            seen.push((e.stat.path.clone(), e.stat.linkname.clone()));
            Ok(())
        })
        .unwrap();
        // Only the symlink itself: its target is outside and never read.
        assert_eq!(seen, vec![("link".to_string(), "../secret".to_string())]);
    }

    #[test]
    fn unreadable_dirs_fail_the_sender_and_are_skipped_by_the_stamp_walk() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("ctx");
        std::fs::create_dir_all(root.join("locked")).unwrap();
        std::fs::write(root.join("locked/inside"), "x").unwrap();
        std::fs::write(root.join("ok.txt"), "x").unwrap();
        std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
        let probe = tmp.path().join("probe");
        std::fs::write(&probe, "x").unwrap();
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
        let r = root.clone();
        let (fail, skip) = hostile::without_dac_override(probe, move || {
            (
                walk_all(r.clone(), UnreadableDirs::Fail).map(|_| ()),
                walk_all(r, UnreadableDirs::Skip),
            )
        });
        let err = fail.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied, "{err}");
        assert!(err.to_string().contains("locked"), "{err}");
        let (seen, report) = skip.unwrap();
        assert!(seen.contains_key("ok.txt") && seen.contains_key("locked"));
        assert_eq!(report.skipped.len(), 1);
        assert_eq!(report.skipped[0].path, "locked");
        assert!(matches!(
            report.skipped[0].reason,
            SkipReason::UnreadableDir(_)
        ));
        // An excluded unreadable directory is no error (fsutil's filter.go);
        // a wildcard `!` exception makes the walk try to descend into it.
        let r = root.clone();
        let probe = tmp.path().join("probe");
        let excluded = hostile::without_dac_override(probe, move || {
            let root = ContextRoot::open(&r).unwrap();
            let opts = FilterOpts {
                exclude_patterns: vec!["locked".into(), "!*/keep".into()],
                ..Default::default()
            };
            walk(&root, &opts, UnreadableDirs::Fail, &mut |_| Ok(()))
        });
        assert_eq!(excluded.unwrap(), WalkReport::default());
        std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
    }

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
