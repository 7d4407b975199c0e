//! Comparing two images: the filesystem entry by entry and the image config
//! field by field. Everything that may legitimately differ between two
//! builds of one Dockerfile is named here, with the reason.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value};

use crate::oci::{Entry, Image, Kind};

/// One difference: where, which field, what upstream built, what we built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// `fs:/path`, `config.Env`, `history[3]`, ...
    pub place: String,
    pub field: String,
    pub expected: String,
    pub got: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: expected {} got {}",
            self.place, self.field, self.expected, self.got
        )
    }
}

/// The outcome of a comparison. `notes` are differences that do not fail a
/// case (each kind is justified where it is produced).
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub differences: Vec<Difference>,
    pub notes: Vec<Difference>,
}

/// What to compare beyond the default.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Compare `created` of the config and of history entries (cases that
    /// set SOURCE_DATE_EPOCH, where they are reproducible).
    pub timestamps: bool,
}

/// Labels that strata stamps on its images (and BuildKit never sets by
/// itself); they are not part of conformance.
pub fn is_stamp_label(key: &str) -> bool {
    key.starts_with("org.opencontainers.image.") || key.starts_with("dev.strata.")
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "<absent>".into(),
        Some(v) => v.to_string(),
    }
}

fn absent(v: Option<&Value>) -> bool {
    matches!(v, None | Some(Value::Null))
}

fn diff(place: &str, field: &str, expected: String, got: String) -> Difference {
    Difference {
        place: place.into(),
        field: field.into(),
        expected,
        got,
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::File => "file",
        Kind::Dir => "dir",
        Kind::Symlink => "symlink",
        Kind::CharDevice => "char-device",
        Kind::BlockDevice => "block-device",
        Kind::Fifo => "fifo",
    }
}

fn compare_entry(path: &str, e: &Entry, g: &Entry, out: &mut Vec<Difference>) {
    let place = format!("fs:/{path}");
    if e.kind != g.kind {
        out.push(diff(
            &place,
            "type",
            kind_name(e.kind).into(),
            kind_name(g.kind).into(),
        ));
        return;
    }
    if e.mode != g.mode {
        out.push(diff(
            &place,
            "mode",
            format!("{:04o}", e.mode),
            format!("{:04o}", g.mode),
        ));
    }
    if (e.uid, e.gid) != (g.uid, g.gid) {
        out.push(diff(
            &place,
            "owner",
            format!("{}:{}", e.uid, e.gid),
            format!("{}:{}", g.uid, g.gid),
        ));
    }
    if e.target != g.target {
        out.push(diff(
            &place,
            "symlink target",
            format!("{:?}", e.target.as_deref().unwrap_or("")),
            format!("{:?}", g.target.as_deref().unwrap_or("")),
        ));
    }
    if e.sha256 != g.sha256 {
        out.push(diff(
            &place,
            "content",
            format!(
                "sha256:{} ({} bytes)",
                e.sha256.as_deref().unwrap_or("-"),
                e.size
            ),
            format!(
                "sha256:{} ({} bytes)",
                g.sha256.as_deref().unwrap_or("-"),
                g.size
            ),
        ));
    }
    if e.device != g.device {
        out.push(diff(
            &place,
            "device",
            format!("{:?}", e.device),
            format!("{:?}", g.device),
        ));
    }
    if e.xattrs != g.xattrs {
        out.push(diff(
            &place,
            "xattrs",
            format!("{:?}", e.xattrs),
            format!("{:?}", g.xattrs),
        ));
    }
}

fn compare_fs(expected: &Image, got: &Image, out: &mut Vec<Difference>) {
    let (ef, gf) = (&expected.fs.entries, &got.fs.entries);
    let paths: BTreeSet<&String> = ef.keys().chain(gf.keys()).collect();
    for path in paths {
        match (ef.get(path), gf.get(path)) {
            (Some(e), Some(g)) => compare_entry(path, e, g, out),
            (Some(e), None) => out.push(diff(
                &format!("fs:/{path}"),
                "presence",
                kind_name(e.kind).into(),
                "<missing>".into(),
            )),
            (None, Some(g)) => out.push(diff(
                &format!("fs:/{path}"),
                "presence",
                "<missing>".into(),
                kind_name(g.kind).into(),
            )),
            (None, None) => unreachable!(),
        }
    }
    let (el, gl) = (expected.fs.hardlinks(), got.fs.hardlinks());
    let linked: BTreeSet<&String> = el.keys().chain(gl.keys()).collect();
    for path in linked {
        let (e, g) = (el.get(path), gl.get(path));
        if e != g {
            out.push(diff(
                &format!("fs:/{path}"),
                "hardlinked with",
                format!("{:?}", e.cloned().unwrap_or_default()),
                format!("{:?}", g.cloned().unwrap_or_default()),
            ));
        }
    }
}

fn without_stamps(labels: Option<&Value>) -> Option<Value> {
    let map = labels?.as_object()?;
    let kept: Map<String, Value> = map
        .iter()
        .filter(|(k, _)| !is_stamp_label(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if kept.is_empty() {
        None
    } else {
        Some(Value::Object(kept))
    }
}

/// The runtime config (`config` object): every key, generically, so a field
/// we did not think of still shows up. `null` and absent are the same (Go's
/// omitempty and an explicit null decode alike in every consumer).
fn compare_runtime_config(e: Option<&Value>, g: Option<&Value>, out: &mut Vec<Difference>) {
    let empty = Map::new();
    let e = e.and_then(Value::as_object).unwrap_or(&empty);
    let g = g.and_then(Value::as_object).unwrap_or(&empty);
    let keys: BTreeSet<&String> = e.keys().chain(g.keys()).collect();
    for key in keys {
        let (ev, gv) = if key == "Labels" {
            (without_stamps(e.get(key)), without_stamps(g.get(key)))
        } else {
            (e.get(key).cloned(), g.get(key).cloned())
        };
        if absent(ev.as_ref()) && absent(gv.as_ref()) {
            continue;
        }
        if ev != gv {
            out.push(diff("config", key, show(ev.as_ref()), show(gv.as_ref())));
        }
    }
}

/// HEALTHCHECK (`%+v` vs `%v` of the struct), EXPOSE (slice vs map) and
/// ARG (with or without build-arg values) entries are worded differently by
/// different upstream versions.
fn version_formatted(e: Option<&Value>, g: Option<&Value>) -> bool {
    let word = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| s.split_whitespace().next())
            .map(str::to_string)
    };
    let (we, wg) = (word(e), word(g));
    we.is_some() && we == wg && matches!(we.as_deref(), Some("HEALTHCHECK" | "EXPOSE" | "ARG"))
}

fn history(config: &Value) -> Vec<Value> {
    config
        .get("history")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn compare_history(e: &Value, g: &Value, opts: Options, report: &mut Report) {
    let (eh, gh) = (history(e), history(g));
    let non_empty = |h: &[Value]| {
        h.iter()
            .filter(|x| x.get("empty_layer") != Some(&Value::Bool(true)))
            .count()
    };
    if non_empty(&eh) != non_empty(&gh) {
        report.differences.push(diff(
            "history",
            "non-empty layers",
            non_empty(&eh).to_string(),
            non_empty(&gh).to_string(),
        ));
    }
    if eh.len() != gh.len() {
        report.differences.push(diff(
            "history",
            "entries",
            eh.len().to_string(),
            gh.len().to_string(),
        ));
        return;
    }
    for (i, (he, hg)) in eh.iter().zip(&gh).enumerate() {
        let place = format!("history[{i}]");
        let keys: BTreeSet<&String> = he
            .as_object()
            .into_iter()
            .flat_map(|m| m.keys())
            .chain(hg.as_object().into_iter().flat_map(|m| m.keys()))
            .collect();
        for key in keys {
            let (ev, gv) = (he.get(key), hg.get(key));
            if key == "empty_layer" {
                let flag = |v: Option<&Value>| v == Some(&Value::Bool(true));
                if flag(ev) != flag(gv) {
                    report
                        .differences
                        .push(diff(&place, key, show(ev), show(gv)));
                }
                continue;
            }
            if absent(ev) && absent(gv) || ev == gv {
                continue;
            }
            let d = diff(&place, key, show(ev), show(gv));
            match key.as_str() {
                // Build times: they differ between any two builds.
                "created" if !opts.timestamps => {}
                // The comment names the frontend that made the step
                // ("buildkit.dockerfile.v0"); reported, not failed.
                "comment" => report.notes.push(d),
                // The text of some history entries changed between frontend
                // versions (the reference here is BuildKit 0.13's built-in;
                // strata follows current docker/dockerfile:1): same
                // instruction, different formatting — reported, not failed.
                "created_by" if version_formatted(ev, gv) => report.notes.push(d),
                _ => report.differences.push(d),
            }
        }
    }
}

/// Compare `got` against `expected`.
pub fn compare(expected: &Image, got: &Image, opts: Options) -> Report {
    let mut report = Report::default();
    compare_fs(expected, got, &mut report.differences);

    let (ec, gc) = (&expected.config, &got.config);
    compare_runtime_config(ec.get("config"), gc.get("config"), &mut report.differences);

    // Layer digests differ with file mtimes; their number must not.
    let diff_ids = |c: &Value| c["rootfs"]["diff_ids"].as_array().map_or(0, Vec::len);
    if diff_ids(ec) != diff_ids(gc) {
        report.differences.push(diff(
            "rootfs",
            "layers",
            diff_ids(ec).to_string(),
            diff_ids(gc).to_string(),
        ));
    }
    if ec["rootfs"]["type"] != gc["rootfs"]["type"] {
        report.differences.push(diff(
            "rootfs",
            "type",
            show(ec["rootfs"].get("type")),
            show(gc["rootfs"].get("type")),
        ));
    }
    compare_history(ec, gc, opts, &mut report);

    // Top-level fields (architecture, os, variant, author, ...), generically.
    let mut top: BTreeMap<&String, ()> = BTreeMap::new();
    for m in [ec.as_object(), gc.as_object()].into_iter().flatten() {
        for k in m.keys() {
            top.insert(k, ());
        }
    }
    for key in top.keys() {
        match key.as_str() {
            "config" | "rootfs" | "history" => continue,
            "created" if !opts.timestamps => continue,
            _ => {}
        }
        let (ev, gv) = (ec.get(key.as_str()), gc.get(key.as_str()));
        if !(absent(ev) && absent(gv)) && ev != gv {
            report
                .differences
                .push(diff("image", key, show(ev), show(gv)));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oci::Filesystem;
    use serde_json::json;

    /// A layer tar from (path, kind, mode, content-or-target) rows.
    fn layer(rows: &[(&str, Kind, u32, &str)]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (path, kind, mode, data) in rows {
            let mut h = tar::Header::new_gnu();
            h.set_mode(*mode);
            h.set_uid(0);
            h.set_gid(0);
            h.set_mtime(0);
            match kind {
                Kind::File => {
                    h.set_entry_type(tar::EntryType::Regular);
                    h.set_size(data.len() as u64);
                    b.append_data(&mut h, path, data.as_bytes()).unwrap();
                }
                Kind::Dir => {
                    h.set_entry_type(tar::EntryType::Directory);
                    h.set_size(0);
                    b.append_data(&mut h, path, &[][..]).unwrap();
                }
                Kind::Symlink => {
                    h.set_entry_type(tar::EntryType::Symlink);
                    h.set_size(0);
                    b.append_link(&mut h, path, data).unwrap();
                }
                _ => unimplemented!(),
            }
        }
        b.into_inner().unwrap()
    }

    fn image(layers: &[Vec<u8>], env: &[&str]) -> Image {
        let mut fs = Filesystem::default();
        for l in layers {
            fs.apply_layer(&l[..]).unwrap();
        }
        let config = json!({
            "architecture": "amd64",
            "os": "linux",
            "created": "2024-01-01T00:00:00Z",
            "config": {"Env": env, "Cmd": ["sh"], "Labels": {"a": "b"}},
            "rootfs": {"type": "layers", "diff_ids": vec!["sha256:x"; layers.len()]},
            "history": [{"created": "2024-01-01T00:00:00Z", "created_by": "RUN x", "comment": "buildkit.dockerfile.v0"}],
        });
        Image { config, fs }
    }

    fn base() -> Vec<u8> {
        layer(&[
            ("etc", Kind::Dir, 0o755, ""),
            ("etc/conf", Kind::File, 0o644, "hello"),
            ("bin", Kind::Dir, 0o755, ""),
            ("bin/sh", Kind::Symlink, 0o777, "busybox"),
        ])
    }

    #[test]
    fn identical_images_have_no_differences() {
        let a = image(&[base()], &["PATH=/bin"]);
        let b = image(&[base()], &["PATH=/bin"]);
        let r = compare(&a, &b, Options::default());
        assert!(r.differences.is_empty(), "{:?}", r.differences);
    }

    #[test]
    fn reports_exactly_a_changed_file_mode() {
        let a = image(&[base()], &["PATH=/bin"]);
        let b = image(
            &[base(), layer(&[("etc/conf", Kind::File, 0o600, "hello")])],
            &["PATH=/bin"],
        );
        let mut b = b;
        b.config["rootfs"]["diff_ids"] = json!(["sha256:x"]);
        let r = compare(&a, &b, Options::default());
        assert_eq!(
            r.differences,
            vec![Difference {
                place: "fs:/etc/conf".into(),
                field: "mode".into(),
                expected: "0644".into(),
                got: "0600".into()
            }]
        );
    }

    #[test]
    fn reports_exactly_a_changed_env_var() {
        let a = image(&[base()], &["PATH=/bin", "A=1"]);
        let b = image(&[base()], &["PATH=/bin", "A=2"]);
        let r = compare(&a, &b, Options::default());
        assert_eq!(r.differences.len(), 1, "{:?}", r.differences);
        let d = &r.differences[0];
        assert_eq!((d.place.as_str(), d.field.as_str()), ("config", "Env"));
        assert_eq!(d.expected, r#"["PATH=/bin","A=1"]"#);
        assert_eq!(d.got, r#"["PATH=/bin","A=2"]"#);
    }

    #[test]
    fn reports_exactly_a_changed_symlink_target() {
        let a = image(&[base()], &[]);
        let b = image(
            &[layer(&[
                ("etc", Kind::Dir, 0o755, ""),
                ("etc/conf", Kind::File, 0o644, "hello"),
                ("bin", Kind::Dir, 0o755, ""),
                ("bin/sh", Kind::Symlink, 0o777, "dash"),
            ])],
            &[],
        );
        let r = compare(&a, &b, Options::default());
        assert_eq!(
            r.differences,
            vec![Difference {
                place: "fs:/bin/sh".into(),
                field: "symlink target".into(),
                expected: "\"busybox\"".into(),
                got: "\"dash\"".into()
            }]
        );
    }

    #[test]
    fn whiteouts_and_opaque_dirs_hide_lower_layers_only() {
        let l1 = layer(&[
            ("a", Kind::Dir, 0o755, ""),
            ("a/old", Kind::File, 0o644, "1"),
            ("b", Kind::Dir, 0o755, ""),
            ("b/x", Kind::File, 0o644, "x"),
            ("b/y", Kind::File, 0o644, "y"),
        ]);
        let l2 = layer(&[
            ("a", Kind::Dir, 0o755, ""),
            ("a/new", Kind::File, 0o644, "2"),
            ("a/.wh..wh..opq", Kind::File, 0o644, ""),
            ("b/.wh.x", Kind::File, 0o644, ""),
        ]);
        let img = image(&[l1, l2], &[]);
        let paths: Vec<&str> = img.fs.entries.keys().map(String::as_str).collect();
        assert_eq!(paths, ["a", "a/new", "b", "b/y"]);
    }

    #[test]
    fn stamp_labels_and_history_comments_do_not_fail() {
        let a = image(&[base()], &[]);
        let mut b = image(&[base()], &[]);
        b.config["config"]["Labels"]["org.opencontainers.image.revision"] = json!("abc");
        b.config["config"]["Labels"]["dev.strata.plan"] = json!("x");
        b.config["history"][0]["comment"] = json!("strata");
        b.config["history"][0]["created"] = json!("2025-01-01T00:00:00Z");
        b.config["created"] = json!("2025-01-01T00:00:00Z");
        let r = compare(&a, &b, Options::default());
        assert!(r.differences.is_empty(), "{:?}", r.differences);
        assert_eq!(r.notes.len(), 1);
        let r = compare(&a, &b, Options { timestamps: true });
        let fields: Vec<&str> = r.differences.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, ["created", "created"]);
    }

    #[test]
    fn reports_hardlink_groups() {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_entry_type(tar::EntryType::Regular);
        h.set_mode(0o755);
        h.set_size(2);
        b.append_data(&mut h, "bin/busybox", &b"bb"[..]).unwrap();
        let mut h = tar::Header::new_gnu();
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_entry_type(tar::EntryType::Link);
        h.set_mode(0o755);
        h.set_size(0);
        b.append_link(&mut h, "bin/ls", "bin/busybox").unwrap();
        let linked = b.into_inner().unwrap();
        let copied = layer(&[
            ("bin/busybox", Kind::File, 0o755, "bb"),
            ("bin/ls", Kind::File, 0o755, "bb"),
        ]);
        let r = compare(
            &image(&[linked], &[]),
            &image(&[copied], &[]),
            Options::default(),
        );
        let fields: Vec<(&str, &str)> = r
            .differences
            .iter()
            .map(|d| (d.place.as_str(), d.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("fs:/bin/busybox", "hardlinked with"),
                ("fs:/bin/ls", "hardlinked with")
            ]
        );
    }
}
