//! What npm, yarn and pnpm share: `package.json`, the `.npmrc` they all
//! read, and the checks that an install from them reads nothing else.

use crate::plan::passes::ContextFiles;
use crate::plan::passes::layering::join_rel;

/// Files the package.json check reads.
pub(super) const PROJECT_FILES: &[&str] = &["package.json", "pnpm-workspace.yaml"];

/// The installed packages, which the full copy after the install must not replace.
pub(super) const INSTALL_OUTPUTS: &[&str] = &["node_modules"];

/// package.json, .npmrc and the tool's lock files.
pub(super) fn manifests(lock: &[&str]) -> Vec<String> {
    let mut m = vec!["package.json".to_string(), ".npmrc".to_string()];
    m.extend(lock.iter().map(|s| s.to_string()));
    m
}

/// Lifecycle scripts an install runs (they may read any file).
const INSTALL_SCRIPTS: &[&str] = &[
    "preinstall",
    "install",
    "postinstall",
    "prepare",
    "preprepare",
    "postprepare",
    "prepublish",
];

/// Why an install may read more than the manifests: install scripts,
/// workspaces, or dependencies on local paths.
pub(super) fn unsafe_reason(
    _manifests: &[String],
    project_dir: &str,
    files: &ContextFiles,
) -> Option<String> {
    let rel = |f: &str| join_rel(project_dir, f);
    let Some(pkg) = files
        .get(&rel("package.json"))
        .map(|b| String::from_utf8_lossy(b).into_owned())
    else {
        return Some("package.json was not found in the build context".into());
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&pkg) else {
        return Some("package.json is not valid JSON".into());
    };
    if let Some(scripts) = json.get("scripts").and_then(|s| s.as_object()) {
        let hooks: Vec<&str> = INSTALL_SCRIPTS
            .iter()
            .copied()
            .filter(|h| scripts.contains_key(*h))
            .collect();
        if !hooks.is_empty() {
            return Some(format!(
                "package.json has install scripts that may read sources: {}",
                hooks.join(", ")
            ));
        }
    }
    if json.get("workspaces").is_some() || files.get(&rel("pnpm-workspace.yaml")).is_some() {
        return Some("workspaces: member packages are not all in the manifest set".into());
    }
    for section in [
        "dependencies",
        "devDependencies",
        "optionalDependencies",
        "peerDependencies",
    ] {
        if let Some(deps) = json.get(section).and_then(|d| d.as_object()) {
            for (name, spec) in deps {
                let s = spec.as_str().unwrap_or("");
                if ["file:", "link:", "portal:", "workspace:"]
                    .iter()
                    .any(|p| s.starts_with(p))
                    || s.starts_with("./")
                    || s.starts_with("../")
                {
                    return Some(format!("local path dependency {name} -> {s}"));
                }
            }
        }
    }
    None
}
