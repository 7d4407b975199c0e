//! Golden LLB tests: every directory in testdata/golden holds a Dockerfile
//! (and optionally images.json with base image configs); its conversion
//! (final image config + LLB JSON) must equal expected.json byte for byte.
//! The conversion is `strata::frontend::convert`: the frontend's one
//! pipeline (the one `strata build` and `strata llb` run) with the passes
//! off, which is upstream's conversion.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::collections::BTreeMap;
use std::path::Path;

use strata::frontend::convert;
use strata::llb::render;
use strata::plan::image::ImageConfig;
use strata::plan::platform::Platform;
use strata::plan::reference::ImageRef;
use strata::plan::{BuildOptions, ImageLookup, ImageRequest, ImageResolver, ResolvedImage};

struct Configs(BTreeMap<String, ImageConfig>);

impl ImageResolver for Configs {
    fn lookup(&self, r: &ImageRequest) -> ImageLookup {
        match self.0.get(&r.reference.to_string()) {
            Some(c) => ImageLookup::Found(ResolvedImage {
                reference: r.reference.clone(),
                digest: None,
                config: c.clone(),
            }),
            None => ImageLookup::Unresolved,
        }
    }
}

fn run_case(dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dir.join("Dockerfile")).map_err(|e| e.to_string())?;
    let mut configs = BTreeMap::new();
    if let Ok(json) = std::fs::read(dir.join("images.json")) {
        let raw: BTreeMap<String, ImageConfig> =
            serde_json::from_slice(&json).map_err(|e| e.to_string())?;
        for (k, v) in raw {
            let r = ImageRef::parse(&k)
                .map_err(|e| e.to_string())?
                .with_default_tag();
            configs.insert(r.to_string(), v);
        }
    }
    let opts = BuildOptions {
        build_platform: Platform::new("linux", "amd64", ""),
        ..Default::default()
    };
    let converted = convert(&text, "Dockerfile", &opts, &Configs(configs))
        .map_err(|e| format!("convert failed: {e:?}"))?;
    let got = serde_json::json!({
        "image": converted.plan.image,
        "llb": render::to_json(&converted.definition),
    });
    let got = serde_json::to_string_pretty(&got).map_err(|e| e.to_string())? + "\n";
    let expected_path = dir.join("expected.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&expected_path, &got).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_GOLDEN=1)",
            expected_path.display()
        )
    })?;
    if expected != got {
        let diff_line = expected
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        return Err(format!(
            "{} differs from the conversion at line {}:\n  expected: {}\n  got:      {}",
            expected_path.display(),
            diff_line + 1,
            expected.lines().nth(diff_line).unwrap_or("<eof>"),
            got.lines().nth(diff_line).unwrap_or("<eof>")
        ));
    }
    Ok(())
}

#[test]
fn golden_llb() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/golden");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("testdata/golden")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 8, "golden corpus went missing");
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|d| run_case(d).err().map(|e| format!("{}: {e}", d.display())))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
