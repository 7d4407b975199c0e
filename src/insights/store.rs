//! The per-user state directory where `strata build` keeps each build's
//! [`BuildInputs`] (the I/O edge of [`super`]; everything else there is pure).
//!
//! Layout: `$STRATA_STATE_DIR`, else `$XDG_STATE_HOME/strata`, else
//! `~/.local/state/strata`:
//! - `key`: 32 random bytes (mode 0600) keying the value hashes;
//! - `builds/REF.json`: one file per build, written to a temporary file and
//!   renamed into place, so concurrent builds never tear each other's
//!   records and a reader never sees half a file.
//!
//! Bounded: at most [`MAX_RECORDS`] files and [`MAX_BYTES`] in total; the
//! oldest go first.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::inputs::{BuildInputs, FORMAT};

/// The most build records kept.
pub const MAX_RECORDS: usize = 200;
/// The most bytes the records may take together.
pub const MAX_BYTES: u64 = 64 << 20;

/// The state directory.
#[derive(Debug, Clone)]
pub struct StateDir {
    root: PathBuf,
}

impl StateDir {
    /// The directory the environment names (it need not exist yet).
    pub fn from_env() -> Option<StateDir> {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let root = var("STRATA_STATE_DIR")
            .or_else(|| var("XDG_STATE_HOME").map(|d| d.join("strata")))
            .or_else(|| var("HOME").map(|h| h.join(".local/state/strata")))?;
        Some(StateDir { root })
    }

    pub fn at(root: impl Into<PathBuf>) -> StateDir {
        StateDir { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn builds(&self) -> PathBuf {
        self.root.join("builds")
    }

    /// The hashing key, made on first use. Two processes racing to make it
    /// agree: only one `create_new` wins and the other reads its key.
    pub fn key(&self) -> std::io::Result<Vec<u8>> {
        std::fs::create_dir_all(&self.root)?;
        let path = self.root.join("key");
        match std::fs::read(&path) {
            Ok(k) if k.len() == 32 => return Ok(k),
            Ok(_) | Err(_) => {}
        }
        let mut key = vec![0u8; 32];
        std::fs::File::open("/dev/urandom").and_then(|mut f| {
            use std::io::Read;
            f.read_exact(&mut key)
        })?;
        // Written whole under a temporary name, then linked into place.
        let mut tmp = tempfile::NamedTempFile::new_in(&self.root)?;
        tmp.write_all(&key)?;
        tmp.as_file().sync_all()?;
        std::fs::set_permissions(
            tmp.path(),
            std::os::unix::fs::PermissionsExt::from_mode(0o600),
        )?;
        match tmp.persist_noclobber(&path) {
            Ok(_) => Ok(key),
            Err(_) => std::fs::read(&path),
        }
    }

    /// Save one build's inputs, then trim the directory to its bounds.
    pub fn save(&self, inputs: &BuildInputs) -> std::io::Result<()> {
        let dir = self.builds();
        std::fs::create_dir_all(&dir)?;
        let name = file_name(&inputs.build_ref).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "build ref is not a file name",
            )
        })?;
        let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
        serde_json::to_writer(&mut tmp, inputs)?;
        tmp.as_file().sync_all()?;
        tmp.persist(dir.join(name)).map_err(|e| e.error)?;
        self.trim()
    }

    /// One build's inputs, if recorded (and readable as this version).
    pub fn load(&self, build_ref: &str) -> Option<BuildInputs> {
        let path = self.builds().join(file_name(build_ref)?);
        let bytes = std::fs::read(path).ok()?;
        serde_json::from_slice::<BuildInputs>(&bytes)
            .ok()
            .filter(|i| i.format == FORMAT)
    }

    /// Every record's ref, with its file's size and modification time.
    fn entries(&self) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
        let Ok(dir) = std::fs::read_dir(self.builds()) else {
            return Vec::new();
        };
        dir.filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                Some((e.path(), m.len(), m.modified().ok()?))
            })
            .collect()
    }

    /// The refs that have a record.
    pub fn refs(&self) -> Vec<String> {
        self.entries()
            .into_iter()
            .filter_map(|(p, _, _)| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .collect()
    }

    /// Remove the oldest records beyond [`MAX_RECORDS`] or [`MAX_BYTES`].
    fn trim(&self) -> std::io::Result<()> {
        let mut entries = self.entries();
        entries.sort_by_key(|e| std::cmp::Reverse(e.2));
        let mut total = 0u64;
        for (i, (path, len, _)) in entries.iter().enumerate() {
            total += len;
            if i >= MAX_RECORDS || total > MAX_BYTES {
                // Another process may have removed it already.
                let _ = std::fs::remove_file(path);
            }
        }
        Ok(())
    }
}

/// A ref as a file name: BuildKit refs are alphanumeric; anything else is refused.
fn file_name(build_ref: &str) -> Option<String> {
    (!build_ref.is_empty()
        && build_ref.len() <= 128
        && build_ref
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then(|| format!("{build_ref}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::inputs::tests::facts_inputs;

    #[test]
    fn saves_loads_and_stays_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateDir::at(dir.path());
        let key = store.key().unwrap();
        assert_eq!(key.len(), 32);
        assert_eq!(store.key().unwrap(), key, "the key is stable");
        let mode = std::fs::metadata(dir.path().join("key"))
            .unwrap()
            .permissions();
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&mode) & 0o777,
            0o600
        );
        let i = facts_inputs("abc", &[("build-arg:A", "1")], &[("f", "h")], "FROM x");
        store.save(&i).unwrap();
        assert_eq!(store.load("abc"), Some(i));
        assert_eq!(store.load("../abc"), None);
        assert_eq!(store.load("nope"), None);
        for n in 0..MAX_RECORDS + 5 {
            store
                .save(&facts_inputs(&format!("r{n}"), &[], &[], "FROM x"))
                .unwrap();
        }
        assert_eq!(store.refs().len(), MAX_RECORDS);
    }

    #[test]
    fn concurrent_writers_never_tear_a_record() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateDir::at(dir.path());
        let files: Vec<(String, String)> = (0..2000)
            .map(|i| (format!("f{i}"), format!("{i}")))
            .collect();
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let big = facts_inputs("same", &[], &files, "FROM x");
        std::thread::scope(|s| {
            for _ in 0..4 {
                let store = store.clone();
                let big = big.clone();
                s.spawn(move || {
                    for _ in 0..10 {
                        store.save(&big).unwrap();
                    }
                });
            }
            for _ in 0..50 {
                if let Some(read) = store.load("same") {
                    assert_eq!(read, big);
                }
            }
        });
        assert_eq!(store.load("same"), Some(big));
    }
}
