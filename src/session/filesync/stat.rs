//! `fsutil.types.Stat` from an `lstat` result, bit for bit as fsutil's
//! `mkstat` + `setUnixOpt` (stat.go, stat_unix.go) build it.
//!
//! The engine compares these stats with its cached copy of the directory
//! (the session's shared key) and only asks for files whose stat changed, so
//! every field must be exact and stable between runs.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::fs::Metadata;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::proto::fsutil::Stat;

/// Go `os.FileMode` bits (io/fs). The wire carries these, not unix bits.
pub mod go_mode {
    pub const DIR: u32 = 1 << 31;
    pub const APPEND: u32 = 1 << 30;
    pub const EXCLUSIVE: u32 = 1 << 29;
    pub const TEMPORARY: u32 = 1 << 28;
    pub const SYMLINK: u32 = 1 << 27;
    pub const DEVICE: u32 = 1 << 26;
    pub const NAMED_PIPE: u32 = 1 << 25;
    pub const SOCKET: u32 = 1 << 24;
    pub const SETUID: u32 = 1 << 23;
    pub const SETGID: u32 = 1 << 22;
    pub const CHAR_DEVICE: u32 = 1 << 21;
    pub const STICKY: u32 = 1 << 20;
    pub const IRREGULAR: u32 = 1 << 19;
    /// `os.ModeType`: every "not a regular file" bit.
    pub const TYPE: u32 = DIR | SYMLINK | NAMED_PIPE | SOCKET | DEVICE | CHAR_DEVICE | IRREGULAR;
    /// `os.ModePerm`.
    pub const PERM: u32 = 0o777;
}

const S_IFMT: u32 = 0o170000;
const S_IFSOCK: u32 = 0o140000;
const S_IFLNK: u32 = 0o120000;
const S_IFREG: u32 = 0o100000;
const S_IFBLK: u32 = 0o060000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFIFO: u32 = 0o010000;
const S_ISUID: u32 = 0o4000;
const S_ISGID: u32 = 0o2000;
const S_ISVTX: u32 = 0o1000;

/// Converts a raw `st_mode` to Go's `os.FileMode`, as Go's
/// `fillFileStatFromSys` does.
pub fn go_mode_from_unix(st_mode: u32) -> u32 {
    let mut mode = st_mode & go_mode::PERM;
    match st_mode & S_IFMT {
        S_IFBLK => mode |= go_mode::DEVICE,
        S_IFCHR => mode |= go_mode::DEVICE | go_mode::CHAR_DEVICE,
        S_IFDIR => mode |= go_mode::DIR,
        S_IFIFO => mode |= go_mode::NAMED_PIPE,
        S_IFLNK => mode |= go_mode::SYMLINK,
        S_IFSOCK => mode |= go_mode::SOCKET,
        S_IFREG => {}
        _ => {}
    }
    if st_mode & S_ISGID != 0 {
        mode |= go_mode::SETGID;
    }
    if st_mode & S_ISUID != 0 {
        mode |= go_mode::SETUID;
    }
    if st_mode & S_ISVTX != 0 {
        mode |= go_mode::STICKY;
    }
    mode
}

/// The reverse of [`go_mode_from_unix`] for the bits `chmod` accepts.
pub fn unix_perm_from_go(mode: u32) -> u32 {
    let mut perm = mode & go_mode::PERM;
    if mode & go_mode::SETUID != 0 {
        perm |= S_ISUID;
    }
    if mode & go_mode::SETGID != 0 {
        perm |= S_ISGID;
    }
    if mode & go_mode::STICKY != 0 {
        perm |= S_ISVTX;
    }
    perm
}

/// fsutil's `fileCanRequestData`: only entries without type bits carry data.
pub fn can_request_data(mode: u32) -> bool {
    mode & go_mode::TYPE == 0
}

/// Go's `os.FileMode.IsDir`.
pub fn is_dir(mode: u32) -> bool {
    mode & go_mode::DIR != 0
}

/// Go's `mode&os.ModeSymlink != 0`.
pub fn is_symlink(mode: u32) -> bool {
    mode & go_mode::SYMLINK != 0
}

/// fsutil's (old-style, 8-bit minor) `major`.
fn major(dev: u64) -> u64 {
    (dev >> 8) & 0xfff
}

/// fsutil's `minor`.
fn minor(dev: u64) -> u64 {
    (dev & 0xff) | ((dev >> 12) & 0xfff00)
}

/// The `lstat` fields a wire stat is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawStat {
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub size: u64,
    pub mtime: i64,
    pub mtime_nsec: i64,
    pub rdev: u64,
    pub dev: u64,
    pub ino: u64,
    pub nlink: u64,
}

impl RawStat {
    pub fn is_dir(&self) -> bool {
        self.mode & S_IFMT == S_IFDIR
    }
    pub fn is_symlink(&self) -> bool {
        self.mode & S_IFMT == S_IFLNK
    }
    pub fn is_regular(&self) -> bool {
        self.mode & S_IFMT == S_IFREG
    }
    /// A FIFO, socket or device node: nothing a reader should `read`.
    pub fn is_special(&self) -> bool {
        matches!(self.mode & S_IFMT, S_IFIFO | S_IFSOCK | S_IFCHR | S_IFBLK)
    }
    /// What kind of special file (for reports).
    pub fn kind(&self) -> &'static str {
        match self.mode & S_IFMT {
            S_IFIFO => "FIFO",
            S_IFSOCK => "socket",
            S_IFCHR => "character device",
            S_IFBLK => "block device",
            S_IFDIR => "directory",
            S_IFLNK => "symlink",
            S_IFREG => "file",
            _ => "unknown file type",
        }
    }
}

impl From<&rustix::fs::Stat> for RawStat {
    #[allow(clippy::unnecessary_cast)] // field widths differ between targets
    fn from(st: &rustix::fs::Stat) -> RawStat {
        RawStat {
            mode: st.st_mode as u32,
            uid: st.st_uid as u32,
            gid: st.st_gid as u32,
            size: st.st_size as u64,
            mtime: st.st_mtime as i64,
            mtime_nsec: st.st_mtime_nsec as i64,
            rdev: st.st_rdev as u64,
            dev: st.st_dev as u64,
            ino: st.st_ino as u64,
            nlink: st.st_nlink as u64,
        }
    }
}

impl From<&Metadata> for RawStat {
    fn from(md: &Metadata) -> RawStat {
        RawStat {
            mode: md.mode(),
            uid: md.uid(),
            gid: md.gid(),
            size: md.len(),
            mtime: md.mtime(),
            mtime_nsec: md.mtime_nsec(),
            rdev: md.rdev(),
            dev: md.dev(),
            ino: md.ino(),
            nlink: md.nlink(),
        }
    }
}

/// Builds the wire stat of an entry (already `lstat`ed into `st`), recorded
/// under the slash-separated relative path `rel`. `xattr_path` names the
/// entry for the (non-following) xattr calls; `link` is a symlink's target.
/// Hard-link detection is the caller's job (it needs the whole walk); see
/// `walk.rs`.
pub fn make_stat(
    xattr_path: &Path,
    rel: &str,
    st: &RawStat,
    link: Option<&[u8]>,
) -> io::Result<Stat> {
    let raw = st.mode;
    let mut stat = Stat {
        path: rel.to_owned(),
        mode: go_mode_from_unix(raw),
        uid: st.uid,
        gid: st.gid,
        size: 0,
        mod_time: st.mtime * 1_000_000_000 + st.mtime_nsec,
        linkname: String::new(),
        devmajor: 0,
        devminor: 0,
        xattrs: BTreeMap::new(),
    };
    if !st.is_dir() {
        // Upstream tests the S_IFBLK/S_IFCHR *bits*, not the type; rdev is 0
        // for everything but devices anyway, so the result is the same.
        if raw & S_IFBLK != 0 || raw & S_IFCHR != 0 {
            stat.devmajor = major(st.rdev) as i64;
            stat.devminor = minor(st.rdev) as i64;
        }
        stat.size = st.size as i64;
        if let Some(target) = link {
            stat.linkname = String::from_utf8_lossy(target).into_owned();
        }
    }
    stat.xattrs = read_xattrs(xattr_path)?;
    // archive/tar cannot describe sockets; upstream drops the bit.
    stat.mode &= !go_mode::SOCKET;
    Ok(stat)
}

/// All extended attributes of `path` (not following symlinks) except
/// macOS's `com.apple.*`; none when the filesystem does not support them.
fn read_xattrs(path: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let cpath = CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path contains NUL"))?;
    let names = loop {
        // SAFETY: a NULL buffer with size 0 asks for the needed size.
        let size = unsafe { libc::llistxattr(cpath.as_ptr(), std::ptr::null_mut(), 0) };
        if size < 0 {
            let err = io::Error::last_os_error();
            return match err.raw_os_error() {
                Some(libc::ENOTSUP) | Some(libc::ENOENT) => Ok(out),
                _ => Err(err),
            };
        }
        if size == 0 {
            return Ok(out);
        }
        let mut buf = vec![0u8; size as usize];
        // SAFETY: buf is valid for buf.len() bytes.
        let n = unsafe { libc::llistxattr(cpath.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            let err = io::Error::last_os_error();
            if err.raw_os_error() == Some(libc::ERANGE) {
                continue; // the list grew in between; ask again
            }
            return Err(err);
        }
        buf.truncate(n as usize);
        break buf;
    };
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let key = String::from_utf8_lossy(name).into_owned();
        if key.starts_with("com.apple.") {
            continue;
        }
        let Ok(cname) = CString::new(name) else {
            continue;
        };
        // Like upstream, attributes that vanish or fail to read are skipped.
        if let Some(value) = get_xattr(&cpath, &cname) {
            out.insert(key, value);
        }
    }
    Ok(out)
}

fn get_xattr(path: &CString, name: &CString) -> Option<Vec<u8>> {
    loop {
        // SAFETY: size query with a NULL buffer.
        let size =
            unsafe { libc::lgetxattr(path.as_ptr(), name.as_ptr(), std::ptr::null_mut(), 0) };
        if size < 0 {
            return None;
        }
        let mut buf = vec![0u8; size as usize];
        // SAFETY: buf is valid for buf.len() bytes.
        let n = unsafe {
            libc::lgetxattr(
                path.as_ptr(),
                name.as_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
            )
        };
        if n < 0 {
            if io::Error::last_os_error().raw_os_error() == Some(libc::ERANGE) {
                continue;
            }
            return None;
        }
        buf.truncate(n as usize);
        return Some(buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_modes_match_os_filemode() {
        assert_eq!(go_mode_from_unix(S_IFREG | 0o644), 0o644);
        assert_eq!(go_mode_from_unix(S_IFDIR | 0o755), go_mode::DIR | 0o755);
        assert_eq!(go_mode_from_unix(S_IFLNK | 0o777), go_mode::SYMLINK | 0o777);
        assert_eq!(
            go_mode_from_unix(S_IFIFO | 0o600),
            go_mode::NAMED_PIPE | 0o600
        );
        assert_eq!(
            go_mode_from_unix(S_IFCHR | 0o666),
            go_mode::DEVICE | go_mode::CHAR_DEVICE | 0o666
        );
        assert_eq!(go_mode_from_unix(S_IFBLK | 0o660), go_mode::DEVICE | 0o660);
        assert_eq!(
            go_mode_from_unix(S_IFREG | S_ISUID | S_ISGID | 0o755),
            go_mode::SETUID | go_mode::SETGID | 0o755
        );
        assert_eq!(
            go_mode_from_unix(S_IFDIR | S_ISVTX | 0o777),
            go_mode::DIR | go_mode::STICKY | 0o777
        );
        assert_eq!(
            unix_perm_from_go(go_mode::SETUID | go_mode::STICKY | 0o750),
            0o5750
        );
        assert!(can_request_data(0o644 | go_mode::SETUID));
        assert!(!can_request_data(go_mode::DIR | 0o755));
    }

    #[test]
    fn device_numbers_use_fsutils_split() {
        // makedev(8, 1) in the old encoding
        assert_eq!(major(0x801), 8);
        assert_eq!(minor(0x801), 1);
        // minor's high bits live above bit 20 in the old encoding
        assert_eq!(minor(0x1234_5678), 0x1_2378);
    }
}
