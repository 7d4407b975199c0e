//! The main build context when it is not the client's local directory, as
//! `docker build` accepts it: the `context` frontend option (or the option
//! that `contextkey` names) holding a Git URL (`https://host/repo.git#ref:dir`,
//! `git@host:repo`), an HTTP(S) URL (a tarball, unpacked, or a lone
//! Dockerfile), or the frontend inputs `context` and `dockerfile` that a
//! client passes instead of locals. `contextsubdir` scopes any of these to a
//! directory; `dockerfilekey` forces the Dockerfile from a local.
//!
//! The Dockerfile and the ignore files are then read from that state (see
//! [`super::inputs`]), and COPY reads it instead of a local source.

use super::bridge::{Bridge, BridgeCaps};
use super::build::FrontendError;
use super::options::FrontendOptions;
use crate::llb::definition::marshal;
use crate::llb::file::{CopyOptions, FileBuilder};
use crate::llb::source::{self, GitOptions, HttpOptions};
use crate::llb::{Fs, VertexMeta};
use crate::proto::pb;

/// The frontend API capability for [`Bridge::inputs`].
pub const FRONTEND_INPUTS_CAP: &str = "frontend.inputs";

/// Where the build context and the Dockerfile come from.
#[derive(Debug, Clone, Default)]
pub struct MainContext {
    /// The context's filesystem, when it is not the client's local
    /// (`None`: the local named by `contextkey`).
    pub remote: Option<Fs>,
    /// Where the Dockerfile is read, when not from the dockerfile local.
    pub dockerfile: Option<Fs>,
    /// The Dockerfile's name there, when the options' `filename` does not
    /// apply (an HTTP URL that is the Dockerfile itself: `context`).
    pub filename: Option<String>,
    /// What the context is, for errors (the URL, or `frontend input`).
    pub description: String,
}

impl MainContext {
    /// The definition of the remote context (to solve and read from).
    pub fn remote_definition(&self) -> Option<pb::Definition> {
        self.remote.as_ref().map(|fs| marshal(fs, None).definition)
    }

    /// The context COPY reads: the remote context with the ignore
    /// patterns applied. Upstream applies `.dockerignore` only to local
    /// contexts; `docker build URL` users expect their ignore file to hold
    /// for a remote context too, so the remote state is copied through an
    /// exclude filter (the engine drops the excluded files while copying).
    pub fn filtered(&self, excludes: &[String]) -> Option<Fs> {
        let remote = self.remote.clone()?;
        if excludes.is_empty() || remote.is_none() {
            return Some(remote);
        }
        Some(
            FileBuilder::on(None)
                .copy(
                    remote,
                    "/",
                    "/",
                    CopyOptions {
                        follow_symlinks: false,
                        dir_copy_contents: true,
                        create_dest_path: true,
                        allow_wildcard: true,
                        allow_empty_wildcard: true,
                        exclude_patterns: excludes.to_vec(),
                        ..Default::default()
                    },
                )
                .build(VertexMeta::named(
                    "[internal] apply .dockerignore to the context",
                )),
        )
    }
}

/// Whether the first bytes of a download are an archive BuildKit unpacks
/// (gzip, bzip2, xz, zstd, or a tar header).
pub fn is_archive(head: &[u8]) -> bool {
    const MAGIC: [&[u8]; 4] = [
        &[0x1f, 0x8b, 0x08],
        b"BZh",
        &[0xfd, b'7', b'z', b'X', b'Z', 0x00],
        &[0x28, 0xb5, 0x2f, 0xfd],
    ];
    if MAGIC.iter().any(|m| head.starts_with(m)) {
        return true;
    }
    // A tar header: "ustar" at offset 257, or a valid header checksum.
    if head.len() >= 512 {
        if &head[257..262] == b"ustar" {
            return true;
        }
        let stored = std::str::from_utf8(&head[148..156])
            .ok()
            .map(|s| s.trim_matches(|c: char| c == '\0' || c == ' '))
            .and_then(|s| u32::from_str_radix(s, 8).ok());
        let sum: u32 = head[..512]
            .iter()
            .enumerate()
            .map(|(i, b)| {
                if (148..156).contains(&i) {
                    32
                } else {
                    *b as u32
                }
            })
            .sum();
        return stored == Some(sum) && head[0] != 0;
    }
    false
}

/// A git context URL's source, `None` when `value` is not a git URL.
fn git_context(value: &str, keep_git_dir: bool) -> Result<Option<Fs>, FrontendError> {
    let g = match crate::plan::gitref::parse_git_ref(value) {
        Ok(Some(g)) => g,
        Ok(None) => return Ok(None),
        Err(e) => {
            return Err(FrontendError::Settings(format!(
                "invalid git context {value:?}: {e}"
            )));
        }
    };
    Ok(Some(Some(source::git(
        &g.remote,
        &GitOptions {
            reference: g.reference,
            subdir: g.subdir,
            keep_git_dir: keep_git_dir || g.keep_git_dir.unwrap_or(false),
            checksum: g.checksum,
            skip_submodules: g.submodules == Some(false),
        },
        VertexMeta::named(format!("[internal] load git source {value}")),
    ))))
}

/// The HTTP source that downloads a context URL, byte for byte the op
/// upstream's Dockerfile frontend makes (its LLB gives every op an empty
/// worker-constraints field, ours leaves it off). Equal bytes are equal
/// vertices: when Docker's built-in frontend has already downloaded the
/// context to read the `# syntax=` line and then hands the build to this
/// image, the engine reuses that download. That matters for a tar sent on
/// standard input (`docker build - < ctx.tar`), which the client serves
/// through its session only once.
fn http_context_source(url: &str) -> Fs {
    use prost::Message;
    let ours = source::http(
        url,
        &HttpOptions {
            filename: Some("context".into()),
            checksum: None,
            perm: None,
        },
        VertexMeta::named(format!("[internal] load remote build context {url}")),
    );
    let marshaled = marshal(&Some(ours.clone()), None);
    let mut definition = marshaled.definition;
    let (Some(first), Some(old_digest)) = (definition.def.first(), marshaled.digests.first())
    else {
        return Some(ours);
    };
    let Ok(mut op) = pb::Op::decode(first.as_slice()) else {
        return Some(ours);
    };
    op.constraints = Some(pb::WorkerConstraints::default());
    let bytes = op.encode_to_vec();
    let digest = crate::llb::definition::digest_of(&bytes);
    definition.def[0] = bytes;
    if let Some(meta) = definition.metadata.remove(old_digest) {
        definition.metadata.insert(digest.clone(), meta);
    }
    // The terminal op points at the source by digest.
    if let Some(last) = definition.def.last_mut()
        && let Ok(mut terminal) = pb::Op::decode(last.as_slice())
    {
        for input in &mut terminal.inputs {
            if &input.digest == old_digest {
                input.digest = digest.clone();
            }
        }
        *last = terminal.encode_to_vec();
    }
    crate::llb::import::definition(&definition).unwrap_or(Some(ours))
}

/// The source op a remote main context comes from (the Git checkout or
/// the HTTP download, before unpacking or scoping); `None` for a local
/// directory or frontend inputs.
pub fn remote_source(opts: &FrontendOptions) -> Result<Option<Fs>, FrontendError> {
    let value = opts.remote_context.as_deref().unwrap_or_default().trim();
    if let Some(git) = git_context(value, opts.context_keep_git_dir)? {
        return Ok(Some(git));
    }
    if value.starts_with("http://") || value.starts_with("https://") {
        return Ok(Some(http_context_source(value)));
    }
    Ok(None)
}

/// `contextsubdir`: the context is that directory of the state.
fn scope_to_subdir(fs: Fs, subdir: &str) -> Fs {
    let dir = subdir.trim_matches('/');
    if dir.is_empty() {
        return fs;
    }
    FileBuilder::on(None)
        .copy(
            fs,
            format!("/{dir}"),
            "/",
            CopyOptions {
                dir_copy_contents: true,
                create_dest_path: true,
                ..Default::default()
            },
        )
        .build(VertexMeta::named(format!(
            "[internal] scope context to {dir}"
        )))
}

/// Work out where the context and the Dockerfile come from. An HTTP
/// context is downloaded here (one solve) to tell a tarball from a
/// Dockerfile; `inputs` are the frontend inputs the client passed.
pub async fn resolve<B: Bridge>(
    bridge: &B,
    opts: &FrontendOptions,
    engine_caps: &BridgeCaps,
    inputs: &std::collections::BTreeMap<String, pb::Definition>,
) -> Result<MainContext, FrontendError> {
    let mut main = MainContext::default();
    let value = opts.remote_context.as_deref().unwrap_or_default().trim();
    if let Some(git) = git_context(value, opts.context_keep_git_dir)? {
        main.remote = Some(git.clone());
        main.dockerfile = Some(git);
        main.description = value.to_string();
    } else if value.starts_with("http://") || value.starts_with("https://") {
        let download = http_context_source(value);
        let reference = bridge
            .solve(marshal(&download, None).definition)
            .await
            .map_err(|e| {
                FrontendError::Settings(format!("failed to download context {value}: {e}"))
            })?;
        let head = bridge
            .read_file_head(&reference, "context", 1024)
            .await
            .map_err(|e| {
                FrontendError::Settings(format!("failed to read downloaded context {value}: {e}"))
            })?;
        let context = if is_archive(&head) {
            FileBuilder::on(None)
                .copy(
                    download,
                    "/context",
                    "/",
                    CopyOptions {
                        attempt_unpack: true,
                        create_dest_path: true,
                        ..Default::default()
                    },
                )
                .build(VertexMeta::named(format!(
                    "[internal] unpack context {value}"
                )))
        } else {
            main.filename = Some("context".into());
            download
        };
        main.remote = Some(context.clone());
        main.dockerfile = Some(context);
        main.description = value.to_string();
    } else if !inputs.is_empty() || engine_caps.frontend.contains(FRONTEND_INPUTS_CAP) {
        let import = |name: &str| -> Result<Option<Fs>, FrontendError> {
            inputs
                .get(name)
                .map(|def| {
                    // A main context or Dockerfile input must be something
                    // (upstream's words for a nil one).
                    if def.def.is_empty() {
                        return Err(FrontendError::Settings(format!(
                            "frontend input {name:?}: invalid nil input definition to definition op"
                        )));
                    }
                    crate::llb::import::definition(def).map_err(|e| {
                        FrontendError::Settings(format!("frontend input {name:?}: {e}"))
                    })
                })
                .transpose()
        };
        if !opts.force_local_dockerfile {
            main.dockerfile = import(&opts.dockerfile_local)?;
        }
        main.remote = import("context")?;
        main.description = "the frontend input \"context\"".into();
    }
    if let Some(sub) = &opts.context_subdir {
        main.remote = main.remote.take().map(|fs| scope_to_subdir(fs, sub));
    }
    if opts.force_local_dockerfile {
        main.dockerfile = None;
        main.filename = None;
    }
    Ok(main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archives_are_told_from_dockerfiles() {
        assert!(is_archive(&[0x1f, 0x8b, 0x08, 0, 0]));
        assert!(is_archive(b"BZh91AY"));
        assert!(is_archive(&[0xfd, b'7', b'z', b'X', b'Z', 0x00, 1]));
        assert!(!is_archive(b"FROM scratch\nCOPY . /\n"));
        let mut header = tar::Header::new_gnu();
        header.set_path("Dockerfile").unwrap();
        header.set_size(3);
        header.set_cksum();
        let mut bytes = header.as_bytes().to_vec();
        bytes.extend_from_slice(&[0u8; 512]);
        assert!(is_archive(&bytes));
        let mut old = tar::Header::new_old();
        old.set_path("Dockerfile").unwrap();
        old.set_size(3);
        old.set_cksum();
        assert!(is_archive(old.as_bytes()));
        assert!(!is_archive(&[b'x'; 600]));
    }

    #[test]
    fn http_context_op_has_upstreams_bytes() {
        use prost::Message;
        let fs = http_context_source("http://buildkit-session/abc");
        let def = marshal(&fs, None).definition;
        let op = pb::Op::decode(def.def[0].as_slice()).expect("op");
        assert_eq!(op.constraints, Some(pb::WorkerConstraints::default()));
        assert!(op.platform.is_none());
        match op.op {
            Some(pb::op::Op::Source(s)) => {
                assert_eq!(s.identifier, "http://buildkit-session/abc");
                assert_eq!(s.attrs["http.filename"], "context");
            }
            other => panic!("not a source: {other:?}"),
        }
        // The digest the engine sees is that of these bytes.
        let digest = crate::llb::definition::digest_of(&def.def[0]);
        assert!(def.metadata.contains_key(&digest));
    }

    #[test]
    fn subdir_scoping_copies_the_directory_contents() {
        let fs = source::local("context", &Default::default(), VertexMeta::named("x"));
        let scoped = scope_to_subdir(Some(fs.clone()), "/sub/");
        assert!(scoped.is_some());
        assert_eq!(scope_to_subdir(Some(fs), "/").unwrap().index, 0);
    }
}
