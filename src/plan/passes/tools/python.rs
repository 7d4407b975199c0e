//! What pip, uv and poetry share: requirements files, `pyproject.toml`, and
//! the checks that an install from them reads nothing else.

use crate::plan::passes::ContextFiles;
use crate::plan::passes::layering::join_rel;

/// The virtual environment uv and poetry create in the project, which the
/// full copy after the install must not replace.
pub(super) const VENV: &[&str] = &[".venv"];

/// Files the pyproject check reads.
pub(super) const PYPROJECT: &[&str] = &["pyproject.toml"];

/// Why requirements files may pull in more than themselves: nested
/// `-r`/`-c` files (not followed yet) or local paths.
pub(super) fn requirements_reason(manifests: &[String], files: &ContextFiles) -> Option<String> {
    for m in manifests.iter().filter(|m| {
        !m.ends_with(".toml") && !m.ends_with(".lock") && !m.ends_with(".python-version")
    }) {
        let Some(req) = files
            .get(m)
            .map(|b| String::from_utf8_lossy(b).into_owned())
        else {
            return Some(format!(
                "requirements file {m} was not found in the build context"
            ));
        };
        for line in req.lines().map(str::trim) {
            if line.starts_with("-r")
                || line.starts_with("-c")
                || line.starts_with("--requirement")
                || line.starts_with("--constraint")
            {
                return Some(format!(
                    "{m} includes another file ({line}); strata does not follow nested requirement files yet"
                ));
            }
            if line.starts_with("-e")
                || line.starts_with('.')
                || line.starts_with('/')
                || line.contains("file:")
                || line.starts_with("--editable")
            {
                return Some(format!("{m} installs a local path ({line})"));
            }
        }
    }
    None
}

/// The project's pyproject.toml, or why layering cannot go on without it.
pub(super) fn pyproject(project_dir: &str, files: &ContextFiles) -> Result<String, String> {
    files
        .get(&join_rel(project_dir, "pyproject.toml"))
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .ok_or_else(|| "pyproject.toml was not found in the build context".into())
}

/// A dependency on a local path reads files outside the manifests.
pub(super) fn path_dependency_reason(pyproject: &str) -> Option<String> {
    (pyproject.contains("path = ") || pyproject.contains("path="))
        .then(|| "pyproject.toml has a local path dependency".into())
}
