//! Moving a finished `type=local` output into its destination directory.
//!
//! The engine's tree is received into a staging directory beside the
//! destination while the build runs (see [`super::outputs::Staging`]) and
//! merged in only once the whole build succeeded, so a failed build leaves
//! the destination as it was. The merge follows what upstream's local export
//! does to an existing directory: buildctl and buildx receive with fsutil's
//! `Receive(…, ReceiveOpt{Merge: true})` (session/filesync
//! `syncTargetDiffCopy`), whose per-entry rules are `DiskWriter.HandleChange`:
//!
//! - nothing in the destination that the output does not contain is touched
//!   (merge mode never walks the destination for deletions);
//! - a directory in the output merges into an existing directory entry by
//!   entry, then gives it its mode and modification time (upstream's
//!   `rewriteMetadata` on an existing directory);
//! - a file or symlink in the output replaces the same path with one rename,
//!   so a reader sees the old entry or the complete new one, never a half
//!   written file (upstream writes `.tmp.*` beside it and renames);
//! - where one side is a directory and the other is not (a file where a
//!   directory was, or a directory where a file or symlink was), the existing
//!   entry is removed, with everything under it, and the output's takes its
//!   place: upstream does `os.RemoveAll` when `oldFi.IsDir() != fi.IsDir()`;
//! - nothing below the destination is followed through a symlink: entries are
//!   looked at with `lstat` as upstream does, so a symlink where the output
//!   has a directory is replaced by a real directory and its target stays
//!   untouched. The destination itself may be a symlink to a directory
//!   (upstream's `MkdirAll(dest)` follows it too).
//!
//! The staging directory sits beside the destination, so renames stay on one
//! filesystem. Where a mount point below the destination makes a rename fail
//! with `EXDEV`, the entry is copied to a temporary name in its target
//! directory and renamed from there, which keeps the replacement atomic.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A filesystem operation on `path` failed while moving an output into place.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct MergeError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> MergeError + '_ {
    move |source| MergeError {
        path: path.to_path_buf(),
        source,
    }
}

/// Moves the staged tree `staged` to `dest`: one rename when `dest` does not
/// exist, else a merge into it. `staged` is gone afterwards.
pub fn merge_output(staged: &Path, dest: &Path) -> Result<(), MergeError> {
    match fs::symlink_metadata(dest) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => place(staged, dest),
        Err(e) => Err(at(dest)(e)),
        Ok(_) if !dest.is_dir() => Err(at(dest)(io::Error::from_raw_os_error(libc::ENOTDIR))),
        Ok(_) => {
            merge_dir(staged, dest)?;
            fs::remove_dir(staged).map_err(at(staged))
        }
    }
}

/// Merges the entries of `staged` into the existing directory `dest`,
/// leaving `staged` empty.
fn merge_dir(staged: &Path, dest: &Path) -> Result<(), MergeError> {
    let mut names = fs::read_dir(staged)
        .and_then(|rd| {
            rd.map(|e| e.map(|e| e.file_name()))
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(at(staged))?;
    names.sort();
    for name in names {
        let from = staged.join(&name);
        let to = dest.join(&name);
        let new_is_dir = fs::symlink_metadata(&from).map_err(at(&from))?.is_dir();
        match fs::symlink_metadata(&to) {
            Ok(old) if old.is_dir() && new_is_dir => {
                merge_dir(&from, &to)?;
                copy_dir_metadata(&from, &to)?;
                fs::remove_dir(&from).map_err(at(&from))?;
            }
            Ok(old) => {
                if old.is_dir() != new_is_dir {
                    remove_all(&to)?;
                }
                place(&from, &to)?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => place(&from, &to)?,
            Err(e) => return Err(at(&to)(e)),
        }
    }
    Ok(())
}

/// Puts `from` at `to` (replacing a non-directory there) in one rename, or
/// by way of a copy when they are on different filesystems.
fn place(from: &Path, to: &Path) -> Result<(), MergeError> {
    match fs::rename(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::EXDEV) => place_by_copy(from, to),
        Err(e) => Err(at(to)(e)),
    }
}

/// [`place`] across filesystems: a directory is created and filled entry by
/// entry; a file or symlink is written to a temporary name beside `to`,
/// synced, and renamed over it. `from` is removed afterwards.
fn place_by_copy(from: &Path, to: &Path) -> Result<(), MergeError> {
    let md = fs::symlink_metadata(from).map_err(at(from))?;
    if md.is_dir() {
        fs::create_dir(to).map_err(at(to))?;
        merge_dir(from, to)?;
        copy_dir_metadata(from, to)?;
        return fs::remove_dir(from).map_err(at(from));
    }
    let tmp = temp_beside(to);
    let copied = (|| {
        if md.file_type().is_symlink() {
            std::os::unix::fs::symlink(fs::read_link(from)?, &tmp)?;
        } else {
            // fs::copy keeps the permission bits.
            fs::copy(from, &tmp)?;
            let f = fs::File::options().write(true).open(&tmp)?;
            let mtime = md.modified()?;
            f.set_times(fs::FileTimes::new().set_accessed(mtime).set_modified(mtime))?;
            f.sync_all()?;
        }
        fs::rename(&tmp, to)
    })();
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    copied.map_err(at(to))?;
    fs::remove_file(from).map_err(at(from))
}

/// A name in `to`'s directory that nothing else uses.
fn temp_beside(to: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    to.with_file_name(format!(
        ".{name}.strata-tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

/// The output directory's mode and times onto the existing one; after its
/// entries were merged, since adding them changes its modification time.
fn copy_dir_metadata(from: &Path, to: &Path) -> Result<(), MergeError> {
    let md = fs::metadata(from).map_err(at(from))?;
    fs::set_permissions(to, md.permissions()).map_err(at(to))?;
    let mtime = md.modified().map_err(at(from))?;
    fs::File::open(to)
        .and_then(|d| d.set_times(fs::FileTimes::new().set_accessed(mtime).set_modified(mtime)))
        .map_err(at(to))
}

/// Removes `path` and, for a directory, everything below it (a symlink is
/// removed itself, never followed).
fn remove_all(path: &Path) -> Result<(), MergeError> {
    let md = fs::symlink_metadata(path).map_err(at(path))?;
    if md.is_dir() {
        fs::remove_dir_all(path).map_err(at(path))
    } else {
        fs::remove_file(path).map_err(at(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn write(p: &Path, text: &str) {
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    fn read(p: &Path) -> String {
        fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// Every path below `root`, with `/` after directories and `-> target` after symlinks.
    fn tree(root: &Path) -> Vec<String> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
            for e in fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                let md = fs::symlink_metadata(&p).unwrap();
                if md.is_dir() {
                    out.push(format!("{rel}/"));
                    walk(root, &p, out);
                } else if md.file_type().is_symlink() {
                    out.push(format!("{rel} -> {}", fs::read_link(&p).unwrap().display()));
                } else {
                    out.push(rel);
                }
            }
        }
        let mut out = Vec::new();
        walk(root, root, &mut out);
        out.sort();
        out
    }

    #[test]
    fn merge_keeps_what_the_output_lacks_and_replaces_what_it_has() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, dest) = (tmp.path().join("staged"), tmp.path().join("dest"));
        write(&dest.join("src/keep.txt"), "user");
        write(&dest.join("src/main.rs"), "old");
        write(&dest.join("other/deep/x"), "x");
        write(&dest.join("top.txt"), "old top");
        write(&staged.join("src/main.rs"), "new");
        write(&staged.join("src/gen/out.rs"), "generated");
        write(&staged.join("top.txt"), "new top");
        write(&staged.join("fresh/a"), "a");

        merge_output(&staged, &dest).unwrap();
        assert_eq!(read(&dest.join("src/keep.txt")), "user");
        assert_eq!(read(&dest.join("other/deep/x")), "x");
        assert_eq!(read(&dest.join("src/main.rs")), "new");
        assert_eq!(read(&dest.join("src/gen/out.rs")), "generated");
        assert_eq!(read(&dest.join("top.txt")), "new top");
        assert_eq!(read(&dest.join("fresh/a")), "a");
        assert!(!staged.exists(), "staging left behind");
        assert_eq!(
            tree(tmp.path()),
            [
                "dest/",
                "dest/fresh/",
                "dest/fresh/a",
                "dest/other/",
                "dest/other/deep/",
                "dest/other/deep/x",
                "dest/src/",
                "dest/src/gen/",
                "dest/src/gen/out.rs",
                "dest/src/keep.txt",
                "dest/src/main.rs",
                "dest/top.txt",
            ],
            "no temporary names left"
        );
    }

    #[test]
    fn missing_dest_is_one_rename() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, dest) = (tmp.path().join("staged"), tmp.path().join("dest"));
        write(&staged.join("a/b"), "b");
        merge_output(&staged, &dest).unwrap();
        assert_eq!(tree(tmp.path()), ["dest/", "dest/a/", "dest/a/b"]);
    }

    /// Upstream (fsutil DiskWriter) removes the old entry whole when one
    /// side is a directory and the other is not.
    #[test]
    fn file_over_dir_and_dir_over_file_replace_the_entry() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, dest) = (tmp.path().join("staged"), tmp.path().join("dest"));
        write(&dest.join("was-dir/inside"), "gone");
        write(&dest.join("was-file"), "gone too");
        write(&staged.join("was-dir"), "now a file");
        write(&staged.join("was-file/child"), "now a dir");
        merge_output(&staged, &dest).unwrap();
        assert_eq!(read(&dest.join("was-dir")), "now a file");
        assert_eq!(read(&dest.join("was-file/child")), "now a dir");
        assert_eq!(tree(&dest), ["was-dir", "was-file/", "was-file/child"]);
    }

    #[test]
    fn symlinks_are_placed_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, dest) = (tmp.path().join("staged"), tmp.path().join("dest"));
        let outside = tmp.path().join("outside");
        write(&outside.join("precious"), "untouched");
        // In the destination: a file, a directory and a symlink to a
        // directory outside, where the output has a symlink, a symlink and a
        // directory.
        write(&dest.join("l-over-file"), "old");
        write(&dest.join("l-over-dir/inside"), "old");
        fs::create_dir_all(&dest).unwrap();
        symlink(&outside, dest.join("dir-over-link")).unwrap();
        fs::create_dir_all(&staged).unwrap();
        symlink("target-a", staged.join("l-over-file")).unwrap();
        symlink("../elsewhere", staged.join("l-over-dir")).unwrap();
        write(&staged.join("dir-over-link/precious"), "from the output");
        merge_output(&staged, &dest).unwrap();
        assert_eq!(
            tree(&dest),
            [
                "dir-over-link/",
                "dir-over-link/precious",
                "l-over-dir -> ../elsewhere",
                "l-over-file -> target-a",
            ]
        );
        assert_eq!(read(&outside.join("precious")), "untouched");
        assert_eq!(
            read(&dest.join("dir-over-link/precious")),
            "from the output"
        );
    }

    #[test]
    fn dest_may_be_a_symlink_to_a_directory_but_not_a_file() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().join("real");
        write(&real.join("keep"), "k");
        symlink(&real, tmp.path().join("link")).unwrap();
        let staged = tmp.path().join("staged");
        write(&staged.join("new"), "n");
        merge_output(&staged, &tmp.path().join("link")).unwrap();
        assert_eq!(tree(&real), ["keep", "new"]);

        write(&tmp.path().join("file"), "f");
        write(&staged.join("new"), "n");
        let err = merge_output(&staged, &tmp.path().join("file")).unwrap_err();
        assert_eq!(err.source.raw_os_error(), Some(libc::ENOTDIR), "{err}");
        assert_eq!(read(&tmp.path().join("file")), "f");
    }

    #[test]
    fn existing_directories_take_the_outputs_mode() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, dest) = (tmp.path().join("staged"), tmp.path().join("dest"));
        write(&dest.join("d/old"), "o");
        write(&staged.join("d/new"), "n");
        fs::set_permissions(staged.join("d"), fs::Permissions::from_mode(0o750)).unwrap();
        merge_output(&staged, &dest).unwrap();
        let mode = fs::metadata(dest.join("d")).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o750);
    }

    /// The cross-filesystem path, exercised on one filesystem: same result
    /// as a rename, source gone, no temporary names left.
    #[test]
    fn copy_placement_matches_rename() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, dest) = (tmp.path().join("staged"), tmp.path().join("dest"));
        write(&staged.join("d/f"), "file");
        fs::set_permissions(staged.join("d/f"), fs::Permissions::from_mode(0o741)).unwrap();
        symlink("f", staged.join("d/l")).unwrap();
        write(&dest.join("over"), "old");
        write(&staged.join("over"), "new");
        fs::create_dir_all(&dest).unwrap();
        place_by_copy(&staged.join("d"), &dest.join("d")).unwrap();
        place_by_copy(&staged.join("over"), &dest.join("over")).unwrap();
        assert_eq!(tree(&dest), ["d/", "d/f", "d/l -> f", "over"]);
        assert_eq!(read(&dest.join("d/f")), "file");
        assert_eq!(read(&dest.join("over")), "new");
        let mode = fs::metadata(dest.join("d/f")).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o741);
        assert_eq!(tree(&staged), Vec::<String>::new());
    }
}
