//! The corpus: `testdata/conformance/<case>/` holds a `Dockerfile`, its
//! context and an optional `case.json`. Directories starting with `_` are
//! not cases (`_http` is what the loopback HTTP server serves).

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// `case.json`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseConfig {
    /// `--build-arg K=V`; `{{HTTP}}` in a value becomes the loopback server's base URL.
    #[serde(default)]
    pub build_args: BTreeMap<String, String>,
    /// `--target`.
    pub target: Option<String>,
    /// Both builds must fail (the reference proves the failure is upstream's).
    #[serde(default)]
    pub expect_failure: bool,
    /// With `expect_failure`: text both error messages must contain, so a
    /// build failing for another reason does not count.
    pub error_contains: Option<String>,
    /// `--secret id=K,src=V` (V relative to the case directory).
    #[serde(default)]
    pub secrets: BTreeMap<String, String>,
    /// SOURCE_DATE_EPOCH build arg; `created` timestamps are then compared.
    pub source_date_epoch: Option<String>,
    /// Why the reference may reject this case: syntax that the engine's
    /// built-in frontend only has in its labs channel. When the reference
    /// fails, the case is reported as not comparable (with our outcome);
    /// when it builds (a newer reference), the case is compared as usual.
    pub labs: Option<String>,
    /// A BuildKit capability the case needs that an older engine lacks.
    /// strata must then refuse with an error naming it (never a silent
    /// difference); the reference's silent result is not compared. On an
    /// engine that has the capability the case is compared as usual.
    pub missing_capability: Option<String>,
    pub notes: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub dir: PathBuf,
    pub config: CaseConfig,
}

pub fn load(root: &Path) -> io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || !entry.file_type()?.is_dir() {
            continue;
        }
        let dir = entry.path();
        let dockerfile = std::fs::read_to_string(dir.join("Dockerfile"))?;
        if dockerfile
            .lines()
            .any(|l| l.trim_start().to_ascii_lowercase().starts_with("# syntax"))
        {
            return Err(io::Error::other(format!(
                "{name}: a case must not carry a syntax directive"
            )));
        }
        let config = match std::fs::read(dir.join("case.json")) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::other(format!("{name}/case.json: {e}")))?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => CaseConfig::default(),
            Err(e) => return Err(e),
        };
        if config.expect_failure && config.error_contains.is_none() {
            return Err(io::Error::other(format!(
                "{name}/case.json: expect_failure needs error_contains"
            )));
        }
        cases.push(Case { name, dir, config });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}
