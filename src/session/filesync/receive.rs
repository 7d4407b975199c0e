//! fsutil's *receiver* side (tonistiigi/fsutil receive.go), used when the
//! engine exports `type=local`: it walks the result and acts as the sender,
//! we write the tree under a destination directory.
//!
//! Like BuildKit's own client (`syncTargetDiffCopy`: merge mode, uid/gid
//! forced to the current user) every regular file is requested, existing
//! files are replaced, nothing else in the destination is deleted, and
//! ownership is left to the current user. Each stat is checked as upstream's
//! `Validator` and `Hardlinks` do: clean relative paths, no `..`, parents
//! before children in walk order, hard links only to files already sent.
//! Because every parent must arrive as a directory entry (and is then made a
//! real directory, replacing whatever was there), writes never go through a
//! symlink. Files are written to a temporary name and renamed into place.
//! Named pipes, sockets and devices are skipped.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;
use tokio_stream::{Stream, StreamExt};
use tonic::Status;

use crate::dockerfile::dockerignore::clean;
use crate::proto::fsutil::{Packet, Stat, packet::PacketType};

use super::stat::{can_request_data, go_mode, is_dir, is_symlink, unix_perm_from_go};

/// What a receive did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceiveReport {
    /// Entries described by the sender.
    pub entries: usize,
    /// Files whose content was requested and written.
    pub files: usize,
    /// Content bytes received.
    pub bytes: u64,
}

struct PendingFile {
    rel: String,
    stat: Stat,
    tmp: PathBuf,
    file: Option<tokio::fs::File>,
}

/// Receives a tree into `dest` (created if missing). `incoming` are the
/// sender's packets, `outgoing` carries ours (REQ, FIN, ERR).
pub async fn receive_dir<S>(
    dest: &Path,
    mut incoming: S,
    outgoing: mpsc::Sender<Packet>,
) -> Result<ReceiveReport, Status>
where
    S: Stream<Item = Result<Packet, Status>> + Unpin,
{
    let mut rx = Receiver {
        dest: dest.to_path_buf(),
        order: OrderValidator::default(),
        regular: std::collections::HashSet::new(),
        dirs: Vec::new(),
        links: Vec::new(),
        pending: HashMap::new(),
        report: ReceiveReport::default(),
    };
    let result = rx.run(&mut incoming, &outgoing).await;
    if let Err(status) = &result {
        let _ = outgoing
            .send(Packet {
                r#type: PacketType::PacketErr as i32,
                data: status.message().as_bytes().to_vec(),
                ..Default::default()
            })
            .await;
        for (_, p) in rx.pending.drain() {
            let _ = tokio::fs::remove_file(&p.tmp).await;
        }
    }
    result.map(|()| rx.report)
}

fn io_status(what: &str, path: &Path, e: io::Error) -> Status {
    Status::internal(format!("{what} {}: {e}", path.display()))
}

struct Receiver {
    dest: PathBuf,
    order: OrderValidator,
    regular: std::collections::HashSet<String>,
    dirs: Vec<(PathBuf, Stat)>,
    links: Vec<(String, String)>,
    pending: HashMap<u32, PendingFile>,
    report: ReceiveReport,
}

impl Receiver {
    async fn run<S>(
        &mut self,
        incoming: &mut S,
        outgoing: &mpsc::Sender<Packet>,
    ) -> Result<(), Status>
    where
        S: Stream<Item = Result<Packet, Status>> + Unpin,
    {
        tokio::fs::create_dir_all(&self.dest)
            .await
            .map_err(|e| io_status("create", &self.dest, e))?;
        let gone = |_| Status::cancelled("sender went away");
        let mut id: u32 = 0;
        let mut stats_done = false;
        let mut fin_sent = false;
        while let Some(msg) = incoming.next().await {
            let p = msg?;
            match PacketType::try_from(p.r#type) {
                Ok(PacketType::PacketErr) => {
                    return Err(Status::unknown(format!(
                        "error from sender: {}",
                        String::from_utf8_lossy(&p.data)
                    )));
                }
                Ok(PacketType::PacketStat) => {
                    if stats_done {
                        return Err(Status::invalid_argument("stat after the end of stats"));
                    }
                    let Some(stat) = p.stat else {
                        stats_done = true;
                        if self.pending.is_empty() {
                            self.finish().await?;
                            outgoing.send(fin()).await.map_err(gone)?;
                            fin_sent = true;
                        }
                        continue;
                    };
                    let this = id;
                    id = id.wrapping_add(1);
                    self.report.entries += 1;
                    if self.apply_stat(this, stat).await? {
                        let req = Packet {
                            r#type: PacketType::PacketReq as i32,
                            id: this,
                            ..Default::default()
                        };
                        outgoing.send(req).await.map_err(gone)?;
                    }
                }
                Ok(PacketType::PacketData) => {
                    let Some(file) = self.pending.get_mut(&p.id) else {
                        return Err(Status::invalid_argument(format!(
                            "invalid file request {}",
                            p.id
                        )));
                    };
                    if file.file.is_none() {
                        let f = tokio::fs::OpenOptions::new()
                            .write(true)
                            .create_new(true)
                            .open(&file.tmp)
                            .await
                            .map_err(|e| io_status("create", &file.tmp, e))?;
                        file.file = Some(f);
                    }
                    if !p.data.is_empty() {
                        self.report.bytes += p.data.len() as u64;
                        let f = file.file.as_mut().expect("opened above");
                        f.write_all(&p.data)
                            .await
                            .map_err(|e| io_status("write", &file.tmp, e))?;
                        continue;
                    }
                    let file = self.pending.remove(&p.id).expect("looked up above");
                    self.complete_file(file).await?;
                    if stats_done && self.pending.is_empty() && !fin_sent {
                        self.finish().await?;
                        outgoing.send(fin()).await.map_err(gone)?;
                        fin_sent = true;
                    }
                }
                Ok(PacketType::PacketFin) if fin_sent => {
                    // The sender's answer to our FIN: the transfer is complete.
                    // (fsutil drains until EOF; the engine never half-closes
                    // its side, so we stop here and let the call end.)
                    return Ok(());
                }
                Ok(PacketType::PacketFin) => {
                    return Err(Status::invalid_argument(
                        "FIN from sender before the transfer finished",
                    ));
                }
                _ => {}
            }
        }
        if fin_sent {
            Ok(())
        } else {
            Err(Status::unavailable(
                "sender closed the stream before the transfer finished",
            ))
        }
    }

    /// Creates what `stat` describes; true when its content must be requested.
    async fn apply_stat(&mut self, id: u32, stat: Stat) -> Result<bool, Status> {
        let rel = stat.path.clone();
        self.order.check(&rel, is_dir(stat.mode))?;
        let path = self.dest.join(&rel);
        if is_dir(stat.mode) {
            match tokio::fs::symlink_metadata(&path).await {
                Ok(md) if md.is_dir() => {}
                Ok(_) => {
                    remove_any(&path).await?;
                    create_dir(&path).await?;
                }
                Err(_) => create_dir(&path).await?,
            }
            self.dirs.push((path, stat));
            return Ok(false);
        }
        if is_symlink(stat.mode) {
            remove_any(&path).await?;
            tokio::fs::symlink(&stat.linkname, &path)
                .await
                .map_err(|e| io_status("symlink", &path, e))?;
            set_times(&path, stat.mod_time).await?;
            return Ok(false);
        }
        if !can_request_data(stat.mode) {
            tracing::debug!(path = %rel, mode = stat.mode & go_mode::TYPE, "skipping special file");
            return Ok(false);
        }
        if !stat.linkname.is_empty() {
            check_path(&stat.linkname)?;
            if !self.regular.contains(&stat.linkname) {
                return Err(Status::invalid_argument(format!(
                    "invalid link {rel} to unknown path: {:?}",
                    stat.linkname
                )));
            }
            self.links.push((rel, stat.linkname));
            return Ok(false);
        }
        self.regular.insert(rel.clone());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.strata-{id}.tmp"));
        let _ = tokio::fs::remove_file(&tmp).await;
        self.pending.insert(
            id,
            PendingFile {
                rel,
                stat,
                tmp,
                file: None,
            },
        );
        Ok(true)
    }

    async fn complete_file(&mut self, mut file: PendingFile) -> Result<(), Status> {
        match file.file.take() {
            Some(mut f) => f
                .flush()
                .await
                .map_err(|e| io_status("write", &file.tmp, e))?,
            None => {
                tokio::fs::File::create(&file.tmp)
                    .await
                    .map_err(|e| io_status("create", &file.tmp, e))?;
            }
        }
        let perm = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(
            unix_perm_from_go(file.stat.mode),
        );
        tokio::fs::set_permissions(&file.tmp, perm)
            .await
            .map_err(|e| io_status("chmod", &file.tmp, e))?;
        set_times(&file.tmp, file.stat.mod_time).await?;
        let path = self.dest.join(&file.rel);
        if let Ok(md) = tokio::fs::symlink_metadata(&path).await
            && md.is_dir()
        {
            remove_any(&path).await?;
        }
        tokio::fs::rename(&file.tmp, &path)
            .await
            .map_err(|e| io_status("rename", &path, e))?;
        self.report.files += 1;
        Ok(())
    }

    /// Hard links, then directory modes and times (deepest first, so writing
    /// children does not disturb a parent's mtime afterwards).
    async fn finish(&mut self) -> Result<(), Status> {
        for (rel, target) in std::mem::take(&mut self.links) {
            let path = self.dest.join(&rel);
            remove_any(&path).await?;
            tokio::fs::hard_link(self.dest.join(&target), &path)
                .await
                .map_err(|e| io_status("link", &path, e))?;
        }
        for (path, stat) in std::mem::take(&mut self.dirs).into_iter().rev() {
            let perm = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(
                unix_perm_from_go(stat.mode),
            );
            tokio::fs::set_permissions(&path, perm)
                .await
                .map_err(|e| io_status("chmod", &path, e))?;
            set_times(&path, stat.mod_time).await?;
        }
        Ok(())
    }
}

fn fin() -> Packet {
    Packet {
        r#type: PacketType::PacketFin as i32,
        ..Default::default()
    }
}

async fn create_dir(path: &Path) -> Result<(), Status> {
    tokio::fs::create_dir(path)
        .await
        .map_err(|e| io_status("mkdir", path, e))
}

/// Removes whatever is at `path` (nothing there is fine).
async fn remove_any(path: &Path) -> Result<(), Status> {
    match tokio::fs::symlink_metadata(path).await {
        Ok(md) if md.is_dir() => tokio::fs::remove_dir_all(path)
            .await
            .map_err(|e| io_status("remove", path, e)),
        Ok(_) => tokio::fs::remove_file(path)
            .await
            .map_err(|e| io_status("remove", path, e)),
        Err(_) => Ok(()),
    }
}

/// Sets atime and mtime to `mod_time` (ns) without following symlinks, as
/// fsutil's `Chtimes` does.
async fn set_times(path: &Path, mod_time: i64) -> Result<(), Status> {
    let owned = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(owned.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path contains NUL"))?;
        let ts = libc::timespec {
            tv_sec: mod_time.div_euclid(1_000_000_000) as libc::time_t,
            tv_nsec: mod_time.rem_euclid(1_000_000_000) as _,
        };
        let times = [ts, ts];
        // SAFETY: c is a valid C string, times has two entries.
        let rc = unsafe {
            libc::utimensat(
                libc::AT_FDCWD,
                c.as_ptr(),
                times.as_ptr(),
                libc::AT_SYMLINK_NOFOLLOW,
            )
        };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    })
    .await
    .map_err(|e| Status::internal(e.to_string()))?
    .map_err(|e| io_status("chtimes", path, e))
}

/// A wire path must be clean, relative, and stay inside the destination.
fn check_path(p: &str) -> Result<(), Status> {
    let bad = |why: &str| Err(Status::invalid_argument(format!("{why}: {p:?}")));
    if p.is_empty() || p == "." {
        return bad("empty path");
    }
    if p.starts_with('/') {
        return bad("absolute path");
    }
    if clean(p) != p {
        return bad("unclean path");
    }
    if p == ".." || p.starts_with("../") {
        return bad("escape check");
    }
    if p.contains('\0') {
        return bad("NUL in path");
    }
    Ok(())
}

/// fsutil's `Validator`: entries arrive in walk order, each one's parent
/// directory was the latest directory entry on its branch.
#[derive(Default)]
struct OrderValidator {
    /// (directory, last base name seen in it); the root is "".
    stack: Vec<(String, String)>,
}

impl OrderValidator {
    fn check(&mut self, p: &str, dir: bool) -> Result<(), Status> {
        check_path(p)?;
        if self.stack.is_empty() {
            self.stack.push((String::new(), String::new()));
        }
        let (parent, base) = match p.rsplit_once('/') {
            Some((d, b)) => (d, b),
            None => ("", p),
        };
        while self.stack.len() > 1 && self.stack.last().is_some_and(|(d, _)| d != parent) {
            self.stack.pop();
        }
        let top = self.stack.last_mut().expect("root stays");
        if top.0 != parent || (!top.1.is_empty() && top.1.as_bytes() >= base.as_bytes()) {
            return Err(Status::invalid_argument(format!(
                "changes out of order: {p:?}"
            )));
        }
        top.1 = base.to_owned();
        if dir {
            self.stack.push((p.to_owned(), String::new()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_validator_accepts_walk_order_only() {
        let mut v = OrderValidator::default();
        v.check("a", true).unwrap();
        v.check("a/b", false).unwrap();
        v.check("a/c", true).unwrap();
        v.check("a/c/d", false).unwrap();
        v.check("a.txt", false).unwrap();
        v.check("b", false).unwrap();
        assert!(v.check("a/z", false).is_err(), "parent no longer open");

        let mut v = OrderValidator::default();
        v.check("b", false).unwrap();
        assert!(v.check("a", false).is_err(), "not sorted");

        let mut v = OrderValidator::default();
        assert!(v.check("x/y", false).is_err(), "missing parent");
        for bad in ["../x", "/etc", "a/../b", "a//b", ".."] {
            assert!(
                OrderValidator::default().check(bad, false).is_err(),
                "{bad}"
            );
        }
    }
}
