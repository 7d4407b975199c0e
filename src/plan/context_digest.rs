//! The build context's digest: sha256 over the sorted (path, mode, content
//! hash) of exactly the files sent to the engine. Pure: the caller walks
//! the context (see `cli::vcs::walk_context`).

use sha2::{Digest, Sha256};

/// One file of the context as sent.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContextEntry {
    /// Slash-separated path relative to the context root.
    pub path: String,
    /// Unix mode bits (permissions; symlinks `0o120000`).
    pub mode: u32,
    /// `sha256:…` of the content (a symlink's target).
    pub content: String,
}

/// `sha256:…` of content bytes.
pub fn content_hash(data: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(data)))
}

/// The digest of a context; the order of `entries` does not matter.
pub fn context_digest(entries: &[ContextEntry]) -> String {
    let mut sorted: Vec<&ContextEntry> = entries.iter().collect();
    sorted.sort();
    let mut h = Sha256::new();
    for e in sorted {
        h.update(e.path.as_bytes());
        h.update(b"\0");
        h.update(format!("{:o}", e.mode).as_bytes());
        h.update(b"\0");
        h.update(e.content.as_bytes());
        h.update(b"\n");
    }
    format!("sha256:{}", hex::encode(h.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(path: &str, mode: u32, data: &[u8]) -> ContextEntry {
        ContextEntry {
            path: path.into(),
            mode,
            content: content_hash(data),
        }
    }

    #[test]
    fn stable_and_sensitive() {
        let a = vec![
            e("a.txt", 0o644, b"a"),
            e("src/main.rs", 0o644, b"fn main(){}"),
        ];
        let b = vec![a[1].clone(), a[0].clone()];
        assert_eq!(
            context_digest(&a),
            context_digest(&b),
            "order does not matter"
        );
        assert_eq!(
            context_digest(&a),
            "sha256:".to_string() + &context_digest(&a)[7..]
        );
        assert_ne!(
            context_digest(&a),
            context_digest(&[e("a.txt", 0o755, b"a"), a[1].clone()]),
            "mode counts"
        );
        assert_ne!(
            context_digest(&a),
            context_digest(&[e("a.txt", 0o644, b"b"), a[1].clone()]),
            "content counts"
        );
        assert_ne!(
            context_digest(&a),
            context_digest(&[e("b.txt", 0o644, b"a"), a[1].clone()]),
            "path counts"
        );
        assert_ne!(
            context_digest(&a),
            context_digest(&a[..1]),
            "file set counts"
        );
        // A fixed value: the digest never changes across versions for the same files.
        assert_eq!(
            context_digest(&[]),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
