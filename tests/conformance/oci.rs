//! Reading images: an OCI image layout in a tar file (what `docker save`
//! writes since Engine 25, and what `--output type=oci` writes), and the
//! filesystem that its layers stack up to.
//!
//! Layers are applied in order with the OCI whiteout rules: `.wh.NAME`
//! deletes NAME from the layers below, `.wh..wh..opq` empties its directory
//! of everything the layers below put there. Neither touches entries of the
//! layer that carries it.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The kind of a filesystem entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
    CharDevice,
    BlockDevice,
    Fifo,
}

/// One entry of a stacked filesystem. Modification times are not kept:
/// two builds of the same Dockerfile differ in them by nature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// Permission bits including setuid, setgid and sticky (`mode & 0o7777`).
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
    /// Symlink target.
    pub target: Option<String>,
    /// sha256 of a regular file's content.
    pub sha256: Option<String>,
    pub size: u64,
    /// (major, minor) for devices.
    pub device: Option<(u32, u32)>,
    pub xattrs: BTreeMap<String, Vec<u8>>,
    /// Files sharing an inode are hardlinks of each other. The number only
    /// groups paths within one filesystem; it is never compared itself.
    pub inode: u64,
}

/// A stacked image filesystem: normalized path (no leading `/`, `""` is
/// the root) to entry.
#[derive(Clone, Debug, Default)]
pub struct Filesystem {
    pub entries: BTreeMap<String, Entry>,
    next_inode: u64,
}

/// An image read from a layout: its config and its filesystem.
#[derive(Clone, Debug)]
pub struct Image {
    pub config: Value,
    pub fs: Filesystem,
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// `./a/b/` → `a/b`; `/` → ``.
pub fn normalize(path: &str) -> String {
    let mut parts = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn parent_and_name(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    }
}

enum LayerOp {
    Whiteout(String),
    Opaque(String),
    Put(String, Entry),
    Hardlink(String, String),
}

impl Filesystem {
    fn remove_tree(&mut self, path: &str) {
        self.entries.remove(path);
        self.remove_children(path);
    }

    fn remove_children(&mut self, dir: &str) {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let doomed: Vec<String> = self
            .entries
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, _)| k.clone())
            .collect();
        for k in doomed {
            self.entries.remove(&k);
        }
    }

    fn put(&mut self, path: String, entry: Entry) {
        // A non-directory replacing a directory takes its children with it.
        if entry.kind != Kind::Dir && self.entries.get(&path).is_some_and(|e| e.kind == Kind::Dir) {
            self.remove_children(&path);
        }
        self.entries.insert(path, entry);
    }

    /// Apply one layer (an uncompressed or gzip-compressed tar stream).
    pub fn apply_layer(&mut self, reader: impl Read) -> io::Result<()> {
        let mut reader = BufReader::new(reader);
        let mut magic = [0u8; 2];
        let head = {
            use std::io::BufRead;
            let buf = reader.fill_buf()?;
            let n = buf.len().min(2);
            magic[..n].copy_from_slice(&buf[..n]);
            n
        };
        if head == 2 && magic == [0x1f, 0x8b] {
            self.apply_tar(flate2::read::GzDecoder::new(reader))
        } else {
            self.apply_tar(reader)
        }
    }

    fn apply_tar(&mut self, reader: impl Read) -> io::Result<()> {
        let mut archive = tar::Archive::new(reader);
        let mut ops = Vec::new();
        for entry in archive.entries()? {
            let mut entry = entry?;
            let raw = entry.path()?.to_string_lossy().into_owned();
            let path = normalize(&raw);
            let (parent, name) = parent_and_name(&path);
            if name == ".wh..wh..opq" {
                ops.push(LayerOp::Opaque(parent.to_string()));
                continue;
            }
            if let Some(hidden) = name.strip_prefix(".wh.") {
                let victim = if parent.is_empty() {
                    hidden.to_string()
                } else {
                    format!("{parent}/{hidden}")
                };
                ops.push(LayerOp::Whiteout(victim));
                continue;
            }
            let header = entry.header().clone();
            let etype = header.entry_type();
            let mut xattrs = BTreeMap::new();
            if let Some(exts) = entry.pax_extensions()? {
                for ext in exts {
                    let ext = ext?;
                    if let Ok(key) = ext.key()
                        && let Some(name) = key.strip_prefix("SCHILY.xattr.")
                    {
                        xattrs.insert(name.to_string(), ext.value_bytes().to_vec());
                    }
                }
            }
            let link_name = entry.link_name()?.map(|l| l.to_string_lossy().into_owned());
            if etype.is_hard_link() {
                let target = normalize(&link_name.unwrap_or_default());
                ops.push(LayerOp::Hardlink(path, target));
                continue;
            }
            let kind = if etype.is_dir() {
                Kind::Dir
            } else if etype.is_symlink() {
                Kind::Symlink
            } else if etype.is_character_special() {
                Kind::CharDevice
            } else if etype.is_block_special() {
                Kind::BlockDevice
            } else if etype.is_fifo() {
                Kind::Fifo
            } else if etype.is_file() || etype == tar::EntryType::Continuous {
                Kind::File
            } else {
                // pax/GNU meta entries are consumed by the tar crate; anything
                // else is unexpected in a layer.
                return Err(invalid(format!(
                    "{raw}: unsupported tar entry type {etype:?}"
                )));
            };
            let (sha256, size) = if kind == Kind::File {
                let mut hasher = Sha256::new();
                let size = io::copy(&mut entry, &mut HashWriter(&mut hasher))?;
                (Some(hex::encode(hasher.finalize())), size)
            } else {
                (None, 0)
            };
            let device = match kind {
                Kind::CharDevice | Kind::BlockDevice => Some((
                    header.device_major()?.unwrap_or(0),
                    header.device_minor()?.unwrap_or(0),
                )),
                _ => None,
            };
            let entry = Entry {
                kind,
                mode: header.mode()? & 0o7777,
                uid: header.uid()?,
                gid: header.gid()?,
                target: if kind == Kind::Symlink {
                    link_name
                } else {
                    None
                },
                sha256,
                size,
                device,
                xattrs,
                inode: 0,
            };
            ops.push(LayerOp::Put(path, entry));
        }
        // Whiteouts first: they only hide what the layers below brought.
        for op in &ops {
            match op {
                LayerOp::Whiteout(p) => self.remove_tree(p),
                LayerOp::Opaque(dir) => self.remove_children(dir),
                _ => {}
            }
        }
        for op in ops {
            match op {
                LayerOp::Put(path, mut entry) => {
                    self.next_inode += 1;
                    entry.inode = self.next_inode;
                    self.put(path, entry);
                }
                LayerOp::Hardlink(path, target) => {
                    let Some(linked) = self.entries.get(&target).cloned() else {
                        return Err(invalid(format!("{path}: hardlink to missing {target}")));
                    };
                    self.put(path, linked);
                }
                LayerOp::Whiteout(_) | LayerOp::Opaque(_) => {}
            }
        }
        Ok(())
    }

    /// For each path that shares its inode with others, the other paths.
    pub fn hardlinks(&self) -> BTreeMap<String, Vec<String>> {
        let mut by_inode: BTreeMap<u64, Vec<&String>> = BTreeMap::new();
        for (path, e) in &self.entries {
            if e.kind == Kind::File {
                by_inode.entry(e.inode).or_default().push(path);
            }
        }
        let mut out = BTreeMap::new();
        for paths in by_inode.values().filter(|p| p.len() > 1) {
            for p in paths {
                let others = paths
                    .iter()
                    .filter(|o| *o != p)
                    .map(|o| o.to_string())
                    .collect();
                out.insert(p.to_string(), others);
            }
        }
        out
    }
}

struct HashWriter<'a>(&'a mut Sha256);

impl io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Where each member of the outer layout tar lies in the file.
fn index_tar(file: &mut File) -> io::Result<BTreeMap<String, (u64, u64)>> {
    file.seek(SeekFrom::Start(0))?;
    let mut archive = tar::Archive::new(&mut *file);
    let mut members = BTreeMap::new();
    for entry in archive.entries()? {
        let entry = entry?;
        let path = normalize(&entry.path()?.to_string_lossy());
        members.insert(path, (entry.raw_file_position(), entry.size()));
    }
    Ok(members)
}

fn blob_path(digest: &str) -> io::Result<String> {
    let (algo, hex) = digest
        .split_once(':')
        .ok_or_else(|| invalid(format!("bad digest {digest}")))?;
    Ok(format!("blobs/{algo}/{hex}"))
}

/// Read an OCI image layout stored as a tar file: `index.json` → (nested
/// index →) manifest → config and layers.
pub fn read_layout_tar(path: &Path) -> io::Result<Image> {
    let mut file = File::open(path)?;
    let members = index_tar(&mut file)?;
    let mut read_member = |name: &str| -> io::Result<Vec<u8>> {
        let (offset, size) = *members
            .get(name)
            .ok_or_else(|| invalid(format!("{}: no {name}", path.display())))?;
        file.seek(SeekFrom::Start(offset))?;
        let mut buf = Vec::with_capacity(size as usize);
        (&mut file).take(size).read_to_end(&mut buf)?;
        Ok(buf)
    };
    let json = |bytes: Vec<u8>| -> io::Result<Value> {
        serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))
    };
    let mut doc = json(read_member("index.json")?)?;
    // Descend through indexes to the first image manifest (single-platform builds).
    for _ in 0..4 {
        if doc.get("manifests").is_none() {
            break;
        }
        let digest = doc["manifests"][0]["digest"]
            .as_str()
            .ok_or_else(|| invalid("index without manifests"))?
            .to_string();
        doc = json(read_member(&blob_path(&digest)?)?)?;
    }
    let config_digest = doc["config"]["digest"]
        .as_str()
        .ok_or_else(|| invalid("manifest without config"))?
        .to_string();
    let config = json(read_member(&blob_path(&config_digest)?)?)?;
    let layers: Vec<String> = doc["layers"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|l| l["digest"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let mut fs = Filesystem::default();
    for digest in layers {
        let (offset, size) = *members
            .get(&blob_path(&digest)?)
            .ok_or_else(|| invalid(format!("missing layer {digest}")))?;
        let mut f = File::open(path)?;
        f.seek(SeekFrom::Start(offset))?;
        fs.apply_layer(f.take(size))?;
    }
    Ok(Image { config, fs })
}
