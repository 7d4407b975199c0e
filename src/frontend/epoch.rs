//! `SOURCE_DATE_EPOCH` from a source's own time, for a value that names a
//! source instead of giving seconds (which source: [`crate::plan::epoch`]).
//!
//! - A Git source's time is its commit's committer time, resolved by the
//!   engine without a checkout (the gateway's `ResolveSourceMeta`).
//! - An HTTP source is downloaded. BuildKit stamps the download with the
//!   response's `Last-Modified` (else with the Unix epoch), so the file's
//!   modification time is that header; without one, an archive gives the
//!   newest regular file's time in it.
//! - Anything else (a local directory, an image) has no time: no epoch.

use super::bridge::{Bridge, BridgeCaps, BridgeError, SOURCE_META_CAP};
use super::options::FrontendOptions;
use super::result::FrontendError;
use crate::llb::definition::marshal;
use crate::llb::{Fs, VertexMeta};
use crate::plan::epoch::EpochSource;
use crate::proto::pb;
use std::io::Read;

/// The epoch a source gave, or why it gave none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceTime {
    Seconds(i64),
    /// No time to take: a local context, an image, an HTTP file that is
    /// neither dated nor an archive.
    Undated,
    /// The source has a time the engine did not report (a Git commit on
    /// an engine that answers without the commit object): a warning.
    Unreported(String),
}

/// Resolve `source` to seconds through the engine.
async fn resolve<B: Bridge>(
    bridge: &B,
    source: &EpochSource,
    opts: &FrontendOptions,
    caps: &BridgeCaps,
) -> Result<SourceTime, FrontendError> {
    let (fs, log_name) = match source {
        EpochSource::Seconds(s) => return Ok(SourceTime::Seconds(*s)),
        EpochSource::MainContext => (
            super::main_context::remote_source(opts)?.flatten(),
            "[internal] resolve main build context metadata".to_string(),
        ),
        EpochSource::NamedContext(name) => (
            opts.build
                .named_contexts
                .get(name)
                .and_then(super::lower::remote_named_context),
            format!("[internal] resolve SOURCE_DATE_EPOCH named context {name}"),
        ),
        EpochSource::Stage { name, source } => {
            let log_name = format!("[internal] resolve SOURCE_DATE_EPOCH source stage {name}");
            let fs = super::lower::remote_source(source, VertexMeta::named(&log_name));
            (fs, log_name)
        }
    };
    let Some(op) = single_source_op(&fs) else {
        return Ok(SourceTime::Undated);
    };
    let failed = |e: BridgeError| {
        FrontendError::Bridge(BridgeError::Engine(format!(
            "SOURCE_DATE_EPOCH from {} ({}): {e}",
            source.describe(),
            crate::plan::passes::stamp::strip_credentials(&op.identifier)
        )))
    };
    if op.identifier.starts_with("git://") {
        if !caps.frontend.contains(SOURCE_META_CAP) {
            return Err(FrontendError::Unsupported(format!(
                "SOURCE_DATE_EPOCH from {}: this engine cannot resolve a Git commit's time (it lacks the {SOURCE_META_CAP} capability of newer BuildKit)",
                source.describe()
            )));
        }
        return match bridge
            .resolve_git_commit(op.clone(), &log_name)
            .await
            .map_err(failed)?
        {
            Some(object) => commit_time(&object)
                .map(SourceTime::Seconds)
                .ok_or_else(|| {
                    failed(BridgeError::Engine(
                        "the engine sent a commit without a committer time".into(),
                    ))
                }),
            None => Ok(SourceTime::Unreported(format!(
                "SOURCE_DATE_EPOCH from {} is unset: the engine did not report the Git commit (newer BuildKit does)",
                source.describe()
            ))),
        };
    }
    if op.identifier.starts_with("http://") || op.identifier.starts_with("https://") {
        let Some(filename) = op.attrs.get("http.filename").cloned() else {
            return Ok(SourceTime::Undated);
        };
        let reference = bridge
            .solve(marshal(&fs, None).definition)
            .await
            .map_err(failed)?;
        let stat = bridge
            .stat_file(&reference, &filename)
            .await
            .map_err(failed)?;
        if stat.mod_time != 0 {
            return Ok(SourceTime::Seconds(stat.mod_time.div_euclid(1_000_000_000)));
        }
        let data = bridge
            .read_file(&reference, &filename)
            .await
            .map_err(failed)?;
        return Ok(archive_max_time(&data).map_or(SourceTime::Undated, SourceTime::Seconds));
    }
    Ok(SourceTime::Undated)
}

/// The options with a `SOURCE_DATE_EPOCH` that names a source (`context`,
/// a named context, a source-only stage) resolved to that source's time,
/// as if the client had sent those seconds: the planner then dates the
/// history and the ARGs see a number, and the exporters get it with the
/// result. Seconds, or no epoch, leave the options as they are.
pub(super) async fn with_source_date_epoch<B: Bridge>(
    bridge: &B,
    mut opts: FrontendOptions,
    df: &crate::dockerfile::Dockerfile,
    engine_caps: &BridgeCaps,
    input: &super::inputs::DockerfileInput,
    syntax_error: &(dyn Fn(super::ConvertError) -> FrontendError + Sync),
) -> Result<FrontendOptions, FrontendError> {
    use crate::plan::epoch::EpochSource;
    let source = match crate::plan::planner::source_date_epoch(df, &opts.build) {
        Ok(Some(EpochSource::Seconds(_)) | None) => return Ok(opts),
        Ok(Some(source)) => source,
        Err(e) => return Err(syntax_error(e.into())),
    };
    match resolve(bridge, &source, &opts, engine_caps).await? {
        SourceTime::Seconds(epoch) => {
            tracing::debug!("SOURCE_DATE_EPOCH from {}: {epoch}", source.describe());
            opts.build.source_date_epoch = Some(epoch);
            opts.stamp.created = Some(crate::plan::dispatch::epoch_rfc3339(epoch));
        }
        SourceTime::Undated => {}
        SourceTime::Unreported(short) => {
            super::checks::send_warning(bridge, &opts, input, engine_caps, short, vec![], vec![])
                .await;
        }
    }
    Ok(opts)
}

/// The one source op of a state, `None` when it has none or several (a
/// scoped or filtered state is not a single source).
fn single_source_op(fs: &Fs) -> Option<pb::SourceOp> {
    use prost::Message;
    let definition = marshal(fs, None).definition;
    let mut found = None;
    for bytes in &definition.def {
        let op = pb::Op::decode(bytes.as_slice()).ok()?;
        if let Some(pb::op::Op::Source(source)) = op.op {
            if found.is_some() {
                return None;
            }
            found = Some(source);
        }
    }
    found
}

/// The committer time of a Git commit object (`committer NAME <EMAIL>
/// SECONDS ZONE` in its header; a loose object's `commit LEN\0` prefix is
/// skipped).
pub fn commit_time(object: &[u8]) -> Option<i64> {
    let body = match object.iter().position(|b| *b == 0) {
        Some(nul) if object.starts_with(b"commit ") => &object[nul + 1..],
        _ => object,
    };
    let text = String::from_utf8_lossy(body);
    let line = text
        .lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix("committer "))?;
    let mut fields = line.rsplitn(3, ' ');
    let _zone = fields.next()?;
    fields.next()?.parse().ok()
}

/// The newest regular file's modification time in a tar archive, plain
/// or gzip-compressed; `None` for anything else or an archive without
/// regular files.
pub fn archive_max_time(data: &[u8]) -> Option<i64> {
    let reader: Box<dyn Read + '_> = if data.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::MultiGzDecoder::new(data))
    } else {
        Box::new(data)
    };
    let mut archive = tar::Archive::new(reader);
    let mut newest: Option<i64> = None;
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        // A PAX `mtime` (seconds with a fraction) overrides the header's.
        let pax = entry.pax_extensions().ok().flatten().and_then(|mut ext| {
            ext.find_map(|e| {
                let e = e.ok()?;
                (e.key().ok()? == "mtime").then(|| e.value().ok().map(str::to_string))?
            })
        });
        let seconds = match pax.and_then(|v| v.split('.').next()?.parse::<i64>().ok()) {
            Some(s) => s,
            None => entry.header().mtime().ok()? as i64,
        };
        newest = Some(newest.map_or(seconds, |n| n.max(seconds)));
    }
    newest
}

/// A tar of a directory `d/` (dated later than any file) and of `files`,
/// each of three bytes with its modification time, for tests.
#[cfg(test)]
pub(crate) fn dated_tar(files: &[(&str, u64)]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    let mut dir = tar::Header::new_ustar();
    dir.set_entry_type(tar::EntryType::Directory);
    dir.set_path("d/").unwrap();
    dir.set_mtime(9_999_999_999);
    dir.set_size(0);
    dir.set_cksum();
    builder.append(&dir, std::io::empty()).unwrap();
    for (name, mtime) in files {
        let mut h = tar::Header::new_ustar();
        h.set_path(name).unwrap();
        h.set_size(3);
        h.set_mtime(*mtime);
        h.set_mode(0o644);
        h.set_cksum();
        builder.append(&h, &b"abc"[..]).unwrap();
    }
    builder.into_inner().unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_regular_file_of_plain_and_gzip_archives() {
        let plain = dated_tar(&[("a", 1_700_000_000), ("d/b", 1_700_000_302), ("c", 5)]);
        // The directory's later time does not count.
        assert_eq!(archive_max_time(&plain), Some(1_700_000_302));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &plain).unwrap();
        assert_eq!(archive_max_time(&gz.finish().unwrap()), Some(1_700_000_302));
        assert_eq!(archive_max_time(b"FROM scratch\n"), None);
        assert_eq!(archive_max_time(&dated_tar(&[])), None);
    }

    #[test]
    fn committer_time_of_a_commit_object() {
        let body = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\
author A U Thor <a@example.com> 1600000000 +0200\n\
committer C O Mitter <c@example.com> 1700000101 -0500\n\
\n\
committer 1 2 in the message is not a header\n";
        assert_eq!(commit_time(body), Some(1_700_000_101));
        let mut loose = format!("commit {}\0", body.len()).into_bytes();
        loose.extend_from_slice(body);
        assert_eq!(commit_time(&loose), Some(1_700_000_101));
        assert_eq!(commit_time(b"tree x\n\ncommitter a <b> 5 +0000\n"), None);
    }
}
