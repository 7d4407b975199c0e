//! The `--metadata-file` JSON and the image ID of `--iidfile` and `-q`,
//! with buildx's keys, for every kind of output.
//!
//! The engine's exporter response is the base: `containerimage.digest`,
//! `containerimage.config.digest`, `image.name`, and on BuildKit
//! `containerimage.descriptor`, which the engine sends base64-encoded JSON
//! and buildx writes decoded (any value that decodes to a JSON object or
//! array is written as that JSON, else as the string sent). On top, as
//! buildx does, `buildx.build.ref` names the build (`strata/NODE/REF`, REF
//! being the solve's ref that the engine's build history knows), so a local
//! or tar output, whose exporters say nothing, still gets a metadata file
//! that names its build. Two things strata finishes itself on Docker Engine
//! are corrected here: a push through the Docker API makes
//! `containerimage.digest` the manifest digest the registry now serves
//! (what `image.name@containerimage.digest` pulls), and the temporary tags
//! of `docker save` are not named in `image.name`.

use std::collections::BTreeMap;

use base64::Engine as _;
use serde_json::{Map, Value};

/// The prefix of the temporary tags strata gives images it saves with
/// `docker save` and removes afterwards.
pub const TEMPORARY_TAG: &str = "strata-export-tmp:";

/// The metadata buildx writes for a build whose exporters answered
/// `response`. `pushed` lists `(name, manifest digest)` of pushes strata
/// made after the solve, `saved` the manifest digest of a tarball it wrote
/// with `docker save` (a push wins: the registry's digest is what pulls).
pub fn build_metadata(
    response: &BTreeMap<String, String>,
    node: &str,
    build_ref: &str,
    pushed: &[(String, String)],
    saved: Option<&str>,
) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in response {
        out.insert(k.clone(), decode(v));
    }
    if let Some(Value::String(names)) = out.get("image.name") {
        let kept: Vec<&str> = names
            .split(',')
            .filter(|n| !n.is_empty() && !n.contains(TEMPORARY_TAG))
            .collect();
        if kept.is_empty() {
            out.remove("image.name");
        } else {
            let kept = kept.join(",");
            out.insert("image.name".into(), Value::String(kept));
        }
    }
    if let Some(digest) = saved {
        out.insert(
            "containerimage.digest".into(),
            Value::String(digest.to_string()),
        );
    }
    if let Some((_, digest)) = pushed.first() {
        out.insert(
            "containerimage.digest".into(),
            Value::String(digest.clone()),
        );
    }
    if !build_ref.is_empty() {
        out.insert(
            "buildx.build.ref".into(),
            Value::String(format!("strata/{node}/{build_ref}")),
        );
    }
    out
}

/// The image ID buildx writes to `--iidfile`: the config digest, else the
/// image digest; `None` when the build made no image.
pub fn image_id(metadata: &Map<String, Value>) -> Option<&str> {
    ["containerimage.config.digest", "containerimage.digest"]
        .iter()
        .find_map(|k| metadata.get(*k).and_then(Value::as_str))
        .filter(|d| !d.is_empty())
}

/// The first manifest's digest in an OCI `index.json`.
pub fn index_manifest_digest(json: &[u8]) -> Option<String> {
    let index: Value = serde_json::from_slice(json).ok()?;
    index["manifests"][0]["digest"]
        .as_str()
        .filter(|d| d.starts_with("sha256:"))
        .map(String::from)
}

/// A response value as buildx writes it: base64 of a non-empty JSON object
/// or array becomes that JSON; anything else stays the string sent.
fn decode(value: &str) -> Value {
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(value) else {
        return Value::String(value.to_string());
    };
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(o)) if !o.is_empty() => Value::Object(o),
        Ok(Value::Array(a)) if !a.is_empty() => Value::Array(a),
        _ => Value::String(value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn an_output_without_exporter_response_still_names_its_build() {
        let m = build_metadata(&BTreeMap::new(), "buildkitd", "abc", &[], None);
        assert_eq!(m["buildx.build.ref"], "strata/buildkitd/abc");
        assert_eq!(m.len(), 1);
        assert_eq!(image_id(&m), None);
    }

    #[test]
    fn descriptors_are_decoded_and_digests_kept() {
        let descriptor = r#"{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:m","size":3}"#;
        let encoded = base64::engine::general_purpose::STANDARD.encode(descriptor);
        // A digest is not valid base64 JSON: it stays a string.
        let m = build_metadata(
            &response(&[
                ("containerimage.descriptor", &encoded),
                ("containerimage.digest", "sha256:m"),
                ("containerimage.config.digest", "sha256:c"),
                ("image.name", "r/app:1"),
            ]),
            "docker",
            "ref1",
            &[],
            None,
        );
        assert_eq!(m["containerimage.descriptor"]["digest"], "sha256:m");
        assert_eq!(m["containerimage.digest"], "sha256:m");
        assert_eq!(m["image.name"], "r/app:1");
        assert_eq!(image_id(&m), Some("sha256:c"));
    }

    #[test]
    fn docker_pushes_and_temporary_tags_are_corrected() {
        let m = build_metadata(
            &response(&[
                ("containerimage.digest", "sha256:config"),
                (
                    "image.name",
                    "docker.io/library/strata-export-tmp:b-0,r/app:1",
                ),
            ]),
            "docker",
            "b",
            &[("r/app:1".into(), "sha256:manifest".into())],
            Some("sha256:saved"),
        );
        assert_eq!(m["image.name"], "r/app:1");
        assert_eq!(m["containerimage.digest"], "sha256:manifest");
        let only_temporary = build_metadata(
            &response(&[
                ("image.name", "docker.io/library/strata-export-tmp:b-0"),
                ("containerimage.digest", "sha256:config"),
            ]),
            "docker",
            "b",
            &[],
            Some("sha256:saved"),
        );
        assert!(!only_temporary.contains_key("image.name"));
        assert_eq!(only_temporary["containerimage.digest"], "sha256:saved");
        assert_eq!(
            index_manifest_digest(br#"{"manifests":[{"digest":"sha256:abc"}]}"#).as_deref(),
            Some("sha256:abc")
        );
        assert_eq!(index_manifest_digest(b"{}"), None);
    }
}
