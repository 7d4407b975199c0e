//! The image config: OCI image config JSON plus Docker's extensions
//! (Healthcheck, OnBuild, Shell, ArgsEscaped), as BuildKit's
//! `dockerspec.DockerOCIImage`. oci-spec's `ImageConfiguration` lacks the
//! Docker fields, so this is our own serde type with OCI field names; maps
//! are ordered so the JSON is deterministic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// An empty JSON object, as Go marshals `struct{}` values in ExposedPorts/Volumes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Healthcheck {
    #[serde(
        rename = "Test",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub test: Option<Vec<String>>,
    /// Durations in nanoseconds, like Go's `time.Duration`.
    #[serde(
        rename = "Interval",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_zero"
    )]
    pub interval: i64,
    #[serde(
        rename = "Timeout",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_zero"
    )]
    pub timeout: i64,
    #[serde(
        rename = "StartPeriod",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_zero"
    )]
    pub start_period: i64,
    #[serde(
        rename = "StartInterval",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_zero"
    )]
    pub start_interval: i64,
    #[serde(
        rename = "Retries",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_zero_i32"
    )]
    pub retries: i32,
}

/// Go marshals nil slices and maps as `null`: read those as empty.
fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

fn is_zero(v: &i64) -> bool {
    *v == 0
}
fn is_zero_i32(v: &i32) -> bool {
    *v == 0
}
fn is_false(v: &bool) -> bool {
    !*v
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    #[serde(
        rename = "User",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub user: String,
    #[serde(
        rename = "ExposedPorts",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub exposed_ports: Option<BTreeMap<String, Empty>>,
    #[serde(
        rename = "Env",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub env: Vec<String>,
    #[serde(
        rename = "Entrypoint",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub entrypoint: Option<Vec<String>>,
    #[serde(
        rename = "Cmd",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub cmd: Option<Vec<String>>,
    #[serde(
        rename = "Volumes",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub volumes: Option<BTreeMap<String, Empty>>,
    #[serde(
        rename = "WorkingDir",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub working_dir: String,
    #[serde(
        rename = "Labels",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "StopSignal",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub stop_signal: String,
    #[serde(
        rename = "ArgsEscaped",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_false"
    )]
    pub args_escaped: bool,
    #[serde(
        rename = "Healthcheck",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub healthcheck: Option<Healthcheck>,
    #[serde(
        rename = "OnBuild",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub on_build: Vec<String>,
    #[serde(
        rename = "Shell",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub shell: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RootFs {
    #[serde(rename = "type", default, deserialize_with = "nullable")]
    pub kind: String,
    #[serde(default, deserialize_with = "nullable")]
    pub diff_ids: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<String>,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub created_by: String,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub author: String,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub comment: String,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "is_false"
    )]
    pub empty_layer: bool,
}

/// A Docker/OCI image config document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageConfig {
    /// RFC 3339 creation time.
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<String>,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub author: String,
    #[serde(default, deserialize_with = "nullable")]
    pub architecture: String,
    #[serde(default, deserialize_with = "nullable")]
    pub os: String,
    #[serde(
        rename = "os.version",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub os_version: String,
    #[serde(
        rename = "os.features",
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub os_features: Vec<String>,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "String::is_empty"
    )]
    pub variant: String,
    #[serde(default, deserialize_with = "nullable")]
    pub config: Config,
    #[serde(default, deserialize_with = "nullable")]
    pub rootfs: RootFs,
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub history: Vec<History>,
}

impl ImageConfig {
    /// Set `labels` on the config (each replaces a label of the same key),
    /// creating the label map when the config has none: the build's
    /// `--label`s, stamped facts.
    pub fn merge_labels(&mut self, labels: &BTreeMap<String, String>) {
        let map = self.config.labels.get_or_insert_with(BTreeMap::new);
        for (k, v) in labels {
            map.insert(k.clone(), v.clone());
        }
    }

    /// The config of an empty image for a platform (`FROM scratch`).
    pub fn empty(platform: &super::platform::Platform) -> ImageConfig {
        ImageConfig {
            architecture: platform.architecture.clone(),
            os: platform.os.clone(),
            variant: platform.variant.clone(),
            os_version: platform.os_version.clone(),
            rootfs: RootFs {
                kind: "layers".into(),
                diff_ids: Vec::new(),
            },
            ..Default::default()
        }
    }

    /// The config upstream gives `FROM scratch`: empty, WorkingDir `/`, default PATH.
    pub fn scratch(platform: &super::platform::Platform) -> ImageConfig {
        let mut img = ImageConfig::empty(platform);
        img.config.working_dir = "/".into();
        if platform.os != "windows" {
            img.config.env = vec![format!("PATH={DEFAULT_PATH}")];
        }
        img
    }

    pub fn from_json(bytes: &[u8]) -> Result<ImageConfig, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Whether the image has no filesystem layers (upstream treats it as scratch).
    pub fn has_no_layers(&self) -> bool {
        self.rootfs.diff_ids.is_empty() && self.history.iter().all(|h| h.empty_layer)
    }
}

/// `KEY=value` lookup in an env list (keys compared exactly, as on Linux).
pub fn env_get<'a>(env: &'a [String], key: &str) -> Option<&'a str> {
    env.iter().rev().find_map(|e| {
        let (k, v) = e.split_once('=').unwrap_or((e.as_str(), ""));
        (k == key).then_some(v)
    })
}

/// Replace `key` in place or append it, like upstream's `addEnv`.
pub fn env_set(env: &mut Vec<String>, key: &str, value: &str) {
    let entry = format!("{key}={value}");
    match env
        .iter_mut()
        .find(|e| e.split_once('=').map(|(k, _)| k).unwrap_or(e) == key)
    {
        Some(slot) => *slot = entry,
        None => env.push(entry),
    }
}

/// The default PATH upstream applies when an image has none.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// RFC 3339 UTC time for a Unix epoch, as image configs and history entries
/// carry it (`created`): `1970-01-01T00:00:00Z`, fractions never written.
/// Epochs outside the years 0000–9999 (which RFC 3339 cannot write, and
/// which Go, and so upstream, refuses to marshal) are clamped to them.
pub fn epoch_rfc3339(secs: i64) -> String {
    use time::format_description::well_known::Rfc3339;
    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    const FIRST: i64 = -62_167_219_200;
    const LAST: i64 = 253_402_300_799;
    match time::OffsetDateTime::from_unix_timestamp(secs.clamp(FIRST, LAST))
        .map_err(|e| e.to_string())
        .and_then(|t| t.format(&Rfc3339).map_err(|e| e.to_string()))
    {
        Ok(text) => text,
        // Cannot happen within the clamped range; the Unix epoch keeps the config valid.
        Err(_) => "1970-01-01T00:00:00Z".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docker_config_and_keeps_field_names() {
        let json = br#"{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"],"Cmd":["sh"],"ExposedPorts":{"80/tcp":{}},"Healthcheck":{"Test":["CMD","true"],"Interval":1000000000}},"rootfs":{"type":"layers","diff_ids":["sha256:aa"]},"history":[{"created_by":"x"}]}"#;
        let img = ImageConfig::from_json(json).expect("parse");
        assert_eq!(img.config.cmd.as_deref(), Some(&["sh".to_string()][..]));
        assert_eq!(
            img.config.healthcheck.as_ref().map(|h| h.interval),
            Some(1_000_000_000)
        );
        let back = String::from_utf8(img.to_json()).expect("utf8");
        assert!(back.contains(r#""ExposedPorts":{"80/tcp":{}}"#), "{back}");
        assert!(!img.has_no_layers());
    }

    #[test]
    fn epoch_times_in_rfc3339() {
        assert_eq!(epoch_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(epoch_rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(epoch_rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(epoch_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(epoch_rfc3339(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(epoch_rfc3339(i64::MIN), "0000-01-01T00:00:00Z");
    }

    #[test]
    fn env_set_replaces_in_place() {
        let mut env = vec!["A=1".to_string(), "B=2".to_string()];
        env_set(&mut env, "A", "3");
        env_set(&mut env, "C", "4");
        assert_eq!(env, ["A=3", "B=2", "C=4"]);
        assert_eq!(env_get(&env, "B"), Some("2"));
    }
}

#[cfg(test)]
mod null_tests {
    use super::*;

    #[test]
    fn go_nulls_read_as_empty() {
        let json = br#"{"architecture":"amd64","os":"linux","config":{"Env":null,"Cmd":null,"Labels":null,"OnBuild":null,"Shell":null,"User":null},"rootfs":{"type":"layers","diff_ids":null},"history":null}"#;
        let img = ImageConfig::from_json(json).expect("parses Go nulls");
        assert!(img.config.env.is_empty());
        assert!(img.config.cmd.is_none());
        assert!(img.history.is_empty());
    }
}
