//! Image efficiency: per layer its size, the step that made it, and the
//! bytes it holds that a later layer overwrites or deletes (so they are
//! shipped but never seen), and a score like dive's: the share of the bytes
//! written into layers that the final filesystem still shows.
//!
//! Pure: the caller lists each layer's tar entries (names and sizes, never
//! contents) and supplies the manifest's descriptors and the config's history.

use std::collections::BTreeMap;

use serde::Serialize;

/// One entry of a layer tar that matters for the union filesystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file (or symlink, device...) written with this many bytes.
    File { path: String, size: u64 },
    /// `.wh.NAME`: the lower layers' `path` (and all below it) is deleted.
    Whiteout { path: String },
    /// `.wh..wh..opq` in `dir`: the lower layers' contents of `dir` are hidden.
    Opaque { dir: String },
}

/// Classify a layer tar entry by its path (`./` and leading `/` dropped).
/// Directories are not changes of their own.
pub fn change_of(path: &str, size: u64, is_dir: bool) -> Option<Change> {
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let path = path.trim_end_matches('/');
    let (dir, name) = match path.rsplit_once('/') {
        Some((d, n)) => (d, n),
        None => ("", path),
    };
    if name == ".wh..wh..opq" {
        return Some(Change::Opaque { dir: dir.into() });
    }
    if let Some(deleted) = name.strip_prefix(".wh.") {
        let path = if dir.is_empty() {
            deleted.to_string()
        } else {
            format!("{dir}/{deleted}")
        };
        return Some(Change::Whiteout { path });
    }
    if is_dir || path.is_empty() {
        return None;
    }
    Some(Change::File {
        path: path.into(),
        size,
    })
}

/// What the caller knows about one layer.
#[derive(Debug, Clone, Default)]
pub struct LayerInput {
    /// The manifest descriptor's digest and size (the blob as shipped).
    pub digest: String,
    pub size: u64,
    /// The config history entry that made it.
    pub created_by: Option<String>,
    /// The Dockerfile line of that step, when it could be matched.
    pub line: Option<u32>,
    pub changes: Vec<Change>,
}

/// The figures for one layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerFigures {
    pub digest: String,
    /// Blob size as in the manifest.
    pub size: u64,
    /// Bytes of the files in the layer (uncompressed).
    pub content_bytes: u64,
    /// Of those, bytes a later layer overwrites or deletes.
    pub wasted_bytes: u64,
    pub created_by: Option<String>,
    pub line: Option<u32>,
}

/// The whole image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageEfficiency {
    pub layers: Vec<LayerFigures>,
    /// Sum of the manifest's layer sizes.
    pub size: u64,
    pub content_bytes: u64,
    pub wasted_bytes: u64,
    /// `1 - wasted / content` (1.0 for an image without content).
    pub efficiency: f64,
}

/// Replay the layers in order and count what each later one hides.
pub fn analyse(layers: &[LayerInput]) -> ImageEfficiency {
    // path → (layer index, size) as the union filesystem shows it so far.
    let mut visible: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut wasted = vec![0u64; layers.len()];
    let mut content = vec![0u64; layers.len()];
    let hide_below = |visible: &mut BTreeMap<String, (usize, u64)>,
                      wasted: &mut Vec<u64>,
                      dir: &str,
                      include_self: bool| {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let mut gone: Vec<String> = visible
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, _)| k.clone())
            .collect();
        if include_self && visible.contains_key(dir) {
            gone.push(dir.to_string());
        }
        for k in gone {
            if let Some((owner, size)) = visible.remove(&k) {
                wasted[owner] += size;
            }
        }
    };
    for (i, layer) in layers.iter().enumerate() {
        // Whiteouts apply to the layers below, whatever their place in the tar.
        for c in &layer.changes {
            match c {
                Change::Whiteout { path } => hide_below(&mut visible, &mut wasted, path, true),
                Change::Opaque { dir } => hide_below(&mut visible, &mut wasted, dir, false),
                Change::File { .. } => {}
            }
        }
        for c in &layer.changes {
            if let Change::File { path, size } = c {
                content[i] += size;
                if let Some((owner, old)) = visible.insert(path.clone(), (i, *size)) {
                    wasted[owner] += old;
                }
            }
        }
    }
    let figures: Vec<LayerFigures> = layers
        .iter()
        .enumerate()
        .map(|(i, l)| LayerFigures {
            digest: l.digest.clone(),
            size: l.size,
            content_bytes: content[i],
            wasted_bytes: wasted[i],
            created_by: l.created_by.clone(),
            line: l.line,
        })
        .collect();
    let content_bytes: u64 = content.iter().sum();
    let wasted_bytes: u64 = wasted.iter().sum();
    ImageEfficiency {
        size: layers.iter().map(|l| l.size).sum(),
        layers: figures,
        content_bytes,
        wasted_bytes,
        efficiency: if content_bytes == 0 {
            1.0
        } else {
            1.0 - wasted_bytes as f64 / content_bytes as f64
        },
    }
}

/// The history entries that made layers, in layer order (entries marked
/// `empty_layer` made none). Missing entries give `None`.
pub fn layer_history(history: &[(Option<String>, bool)], layers: usize) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = history
        .iter()
        .filter(|(_, empty)| !empty)
        .map(|(by, _)| by.clone())
        .collect();
    out.resize(layers, None);
    out.truncate(layers);
    out
}

/// The Dockerfile line of the step that recorded `created_by`, from the
/// plan's (command, line) pairs. Both sides are compared in one form: the
/// `# buildkit` / `# strata…` note dropped, and for RUN the build-arg
/// prefix (`|2 A=1 B=2`) and the default shell (`/bin/sh -c`) dropped, as
/// upstream records `RUN |1 A=1 /bin/sh -c make # buildkit` for `RUN make`.
pub fn line_of(created_by: &str, steps: &[(String, u32)]) -> Option<u32> {
    let text = normal_form(created_by);
    if text.is_empty() {
        return None;
    }
    steps
        .iter()
        .find(|(cmd, _)| normal_form(cmd) == text)
        .map(|(_, line)| *line)
}

fn normal_form(command: &str) -> String {
    let text = command.split(" # ").next().unwrap_or(command).trim();
    let Some(rest) = text.strip_prefix("RUN ") else {
        return text.to_string();
    };
    let mut rest = rest.trim_start();
    if let Some(count) = rest.strip_prefix('|') {
        let n: usize = count
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        // `|N` and N `KEY=VALUE` words (values without spaces, as recorded).
        let mut words = rest.splitn(n + 2, ' ');
        for _ in 0..=n {
            words.next();
        }
        rest = words.next().unwrap_or("");
    }
    let rest = rest.strip_prefix("/bin/sh -c ").unwrap_or(rest);
    format!("RUN {}", rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str, s: u64) -> Change {
        Change::File {
            path: p.into(),
            size: s,
        }
    }

    #[test]
    fn overwritten_and_deleted_bytes_are_wasted() {
        let layers = vec![
            LayerInput {
                digest: "a".into(),
                size: 10,
                changes: vec![
                    file("big.tar", 1000),
                    file("etc/conf", 10),
                    file("tmp/x", 5),
                ],
                ..Default::default()
            },
            LayerInput {
                digest: "b".into(),
                size: 20,
                changes: vec![
                    change_of("./.wh.big.tar", 0, false).unwrap(),
                    file("etc/conf", 12),
                    change_of("tmp/.wh..wh..opq", 0, false).unwrap(),
                ],
                ..Default::default()
            },
        ];
        let e = analyse(&layers);
        assert_eq!(e.layers[0].wasted_bytes, 1015);
        assert_eq!(e.layers[1].wasted_bytes, 0);
        assert_eq!(e.content_bytes, 1027);
        assert_eq!(e.size, 30);
        assert!((e.efficiency - 12.0 / 1027.0).abs() < 1e-9);
    }

    #[test]
    fn history_and_lines() {
        let h = vec![
            (Some("FROM".into()), true),
            (Some("RUN a".into()), false),
            (Some("ENV x".into()), true),
            (Some("COPY b /b # buildkit".into()), false),
        ];
        assert_eq!(
            layer_history(&h, 2),
            vec![Some("RUN a".into()), Some("COPY b /b # buildkit".into())]
        );
        let steps = vec![("RUN a".to_string(), 2), ("COPY b /b".to_string(), 4)];
        assert_eq!(line_of("COPY b /b # buildkit", &steps), Some(4));
        assert_eq!(line_of("RUN /bin/sh -c a", &steps), Some(2));
        assert_eq!(
            line_of("RUN |2 A=1 B=2 /bin/sh -c a # buildkit", &steps),
            Some(2)
        );
        assert_eq!(line_of("RUN b", &steps), None);
    }
}
