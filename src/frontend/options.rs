//! Frontend options as clients send them (`docker build`, `buildctl
//! --opt`, buildx) → our build options. Both the CLI and the frontend image
//! go through here.

use std::collections::BTreeMap;

use crate::llb::exec::NetworkMode;
use crate::llb::source::ResolveMode;
use crate::plan::image::ImageConfig;
use crate::plan::passes::stamp::StampFacts;
use crate::plan::platform::Platform;
use crate::plan::{BuildOptions, NoCache};

/// The options that pick what to build, beyond [`BuildOptions`].
#[derive(Debug, Clone)]
pub struct FrontendOptions {
    /// Dockerfile path inside the `dockerfile` local.
    pub filename: String,
    /// Local names of the build context and of the Dockerfile's directory.
    pub context_local: String,
    pub dockerfile_local: String,
    /// Target platforms (empty: the engine's default).
    pub platforms: Vec<Platform>,
    pub build: BuildOptions,
    /// `strata-layering`, `strata-cache-mounts`: per-build pass settings,
    /// applied over the Dockerfile's `# strata:` directive.
    pub pass_overrides: Vec<(String, String)>,
    /// Namespace for automatic cache mount ids (`strata-cache-namespace`).
    pub cache_namespace: String,
    /// Stamp facts known from the options (the frontend adds the Dockerfile
    /// digest, target and its own version).
    pub stamp: StampFacts,
    /// Current time in seconds (`strata-now`), for cache-ttl buckets.
    pub now: Option<i64>,
    /// `CACHE_BUST` build arg or `strata-cache-bust`.
    pub cache_bust: Option<String>,
    /// The option named by `contextkey` (`context` by default): a Git or
    /// HTTP(S) URL that is the build context instead of a local.
    pub remote_context: Option<String>,
    /// `contextsubdir`: build from this directory of the context.
    pub context_subdir: Option<String>,
    /// `dockerfilekey` given: the Dockerfile comes from that local even
    /// when the context is remote or a frontend input.
    pub force_local_dockerfile: bool,
    /// `BUILDKIT_CONTEXT_KEEP_GIT_DIR`: keep `.git` in a git context.
    pub context_keep_git_dir: bool,
    /// `local-sessionid:NAME`: the session serving the local NAME, when it
    /// is not the build's own session.
    pub local_sessions: BTreeMap<String, String>,
    /// `strata-budgets=client`: the client checks the build budgets on the
    /// exported image (`strata build`), so the frontend leaves them alone.
    pub budgets_by_client: bool,
    /// `attest:sbom`: the frontend makes the SBOM attestation.
    pub sbom: Option<super::sbom::Scanner>,
}

impl FrontendOptions {
    /// The session that serves the local `name`.
    pub fn local_session(&self, name: &str, default: Option<&str>) -> Option<String> {
        self.local_sessions
            .get(name)
            .cloned()
            .or_else(|| default.map(str::to_string))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid frontend option {key}={value:?}: {reason}")]
pub struct OptionError {
    pub key: String,
    pub value: String,
    pub reason: String,
}

fn bad(key: &str, value: &str, reason: impl Into<String>) -> OptionError {
    OptionError {
        key: key.into(),
        value: value.into(),
        reason: reason.into(),
    }
}

/// Interpret the option map.
pub fn parse_options(opts: &BTreeMap<String, String>) -> Result<FrontendOptions, OptionError> {
    let mut build = BuildOptions::default();
    let mut filename = "Dockerfile".to_string();
    let mut context_local = "context".to_string();
    let mut dockerfile_local = "dockerfile".to_string();
    let mut platforms = Vec::new();
    let mut pass_overrides = Vec::new();
    let mut cache_namespace = String::new();
    let mut stamp = StampFacts::default();
    let mut now = None;
    let mut cache_bust = None;
    let mut vcs_revision = None;
    let mut vcs_source = None;
    let mut context_subdir = None;
    let mut force_local_dockerfile = false;
    let mut local_sessions = BTreeMap::new();
    let mut budgets_by_client = false;
    for (key, value) in opts {
        let some = || Some(value.clone()).filter(|v| !v.is_empty());
        match key.as_str() {
            "vcs:revision" => vcs_revision = some(),
            "vcs:source" => vcs_source = some(),
            _ => {}
        }
        if let Some(setting) = key.strip_prefix("strata-") {
            match setting {
                "vcs-revision" => stamp.revision = some(),
                "vcs-source" => stamp.source = some(),
                "vcs-branch" => stamp.branch = some(),
                "vcs-dirty" => stamp.dirty = Some(matches!(value.trim(), "true" | "1" | "yes")),
                "version" => stamp.version = some(),
                "created" => stamp.created = some(),
                "context-digest" => stamp.context_digest = some(),
                "context-files" => {
                    for line in value.lines().filter(|l| !l.trim().is_empty()) {
                        let (hash, path) = line
                            .split_once(' ')
                            .ok_or_else(|| bad(key, line, "expected `sha256:… path` lines"))?;
                        stamp
                            .context_files
                            .insert(path.to_string(), hash.to_string());
                    }
                }
                "now" => {
                    now = Some(
                        value
                            .trim()
                            .parse::<i64>()
                            .map_err(|_| bad(key, value, "expected Unix seconds"))?,
                    )
                }
                "cache-bust" => cache_bust = some(),
                "layering" | "cache-mounts" | "stamp" | "build-info" | "cache-ttl" => {
                    crate::plan::passes::PassOptions::default()
                        .set(setting, value)
                        .map_err(|e| bad(key, value, e.reason))?;
                    pass_overrides.push((setting.to_string(), value.clone()));
                }
                "cache-namespace" => cache_namespace = value.clone(),
                "budgets" => {
                    budgets_by_client = match value.as_str() {
                        "client" => true,
                        "frontend" | "" => false,
                        _ => return Err(bad(key, value, "expected client or frontend")),
                    }
                }
                _ => {
                    return Err(bad(
                        key,
                        value,
                        "unknown strata option; known: strata-layering, strata-cache-mounts, strata-cache-namespace, strata-stamp, strata-build-info, strata-cache-ttl, strata-cache-bust, strata-now, strata-created, strata-version, strata-vcs-revision, strata-vcs-source, strata-vcs-branch, strata-vcs-dirty, strata-context-digest, strata-context-files, strata-budgets",
                    ));
                }
            }
            continue;
        }
        if let Some(name) = key.strip_prefix("build-arg:") {
            build.build_args.insert(name.to_string(), value.clone());
            continue;
        }
        if let Some(name) = key.strip_prefix("context:") {
            if name.is_empty() {
                return Err(bad(
                    key,
                    value,
                    "a named context needs a name (context:NAME=VALUE)",
                ));
            }
            let ctx = crate::plan::NamedContext::parse(value).map_err(|e| bad(key, value, e))?;
            build.named_contexts.insert(name.to_string(), ctx);
            continue;
        }
        if let Some(name) = key.strip_prefix("input-metadata:") {
            if let Some(config) = input_image_config(value).map_err(|e| bad(key, value, e))? {
                build.input_configs.insert(name.to_string(), config);
            }
            continue;
        }
        if let Some(name) = key.strip_prefix("local-sessionid:") {
            local_sessions.insert(name.to_string(), value.clone());
            continue;
        }
        if let Some(name) = key.strip_prefix("label:") {
            build.labels.insert(name.to_string(), value.clone());
            continue;
        }
        match key.as_str() {
            "filename" => filename = value.clone(),
            "target" => build.target = Some(value.clone()).filter(|v| !v.is_empty()),
            "contextkey" => context_local = value.clone(),
            "dockerfilekey" => {
                dockerfile_local = value.clone();
                force_local_dockerfile = true;
            }
            "contextsubdir" => context_subdir = Some(value.clone()).filter(|v| !v.is_empty()),
            "platform" => {
                for p in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    platforms.push(Platform::parse(p).map_err(|e| bad(key, value, e))?);
                }
            }
            "no-cache" => {
                let stages: Vec<String> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                build.no_cache = if stages.is_empty() {
                    NoCache::All
                } else {
                    NoCache::Stages(stages)
                };
            }
            "force-network-mode" => {
                build.network = NetworkMode::parse(value)
                    .ok_or_else(|| bad(key, value, "expected host, none or sandbox"))?;
            }
            "add-hosts" => {
                for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                    let (host, ip) = entry
                        .split_once('=')
                        .or_else(|| entry.split_once(':'))
                        .ok_or_else(|| bad(key, value, "expected host=ip"))?;
                    build.extra_hosts.push((host.to_string(), ip.to_string()));
                }
            }
            "image-resolve-mode" => {
                build.image_resolve_mode = ResolveMode::parse(value)
                    .ok_or_else(|| bad(key, value, "expected default, pull or local"))?;
            }
            "hostname" => build.hostname = Some(value.clone()).filter(|v| !v.is_empty()),
            "shm-size" => {
                build.shm_size = crate::size::parse_bytes(value)
                    .map(|b| b as i64)
                    .map_err(|e| bad(key, value, e))?
            }
            "ulimit" => {
                for u in value.split(',').map(str::trim).filter(|u| !u.is_empty()) {
                    let (name, limits) = u
                        .split_once('=')
                        .ok_or_else(|| bad(key, value, "expected name=soft[:hard]"))?;
                    let (soft, hard) = limits.split_once(':').unwrap_or((limits, limits));
                    let soft: i64 = soft
                        .parse()
                        .map_err(|_| bad(key, value, "limits must be numbers"))?;
                    let hard: i64 = hard
                        .parse()
                        .map_err(|_| bad(key, value, "limits must be numbers"))?;
                    build.ulimits.push(crate::proto::pb::Ulimit {
                        name: name.to_string(),
                        soft,
                        hard,
                    });
                }
            }
            "multi-platform" => build.multi_platform = matches!(value.as_str(), "true" | "1"),
            _ => {}
        }
    }
    if let Some(ns) = build.build_args.get("BUILDKIT_CACHE_MOUNT_NS") {
        build.cache_id_namespace = ns.clone();
    }
    if let Some(h) = build.build_args.get("BUILDKIT_SANDBOX_HOSTNAME") {
        build.hostname = Some(h.clone());
    }
    if let Some(epoch) = build.build_args.get("SOURCE_DATE_EPOCH") {
        build.source_date_epoch = epoch.trim().parse().ok();
    }
    // buildx sends vcs:revision with a `-dirty` suffix for modified trees.
    if let Some(rev) = vcs_revision {
        let (rev, dirty) = match rev.strip_suffix("-dirty") {
            Some(r) => (r.to_string(), true),
            None => (rev, false),
        };
        stamp.revision.get_or_insert(rev);
        stamp.dirty.get_or_insert(dirty);
    }
    if stamp.source.is_none() {
        stamp.source = vcs_source;
    }
    // Never stamp credentials (buildx may send a remote URL with user:token@).
    stamp.source = stamp
        .source
        .map(|s| crate::plan::passes::stamp::strip_credentials(&s));
    if stamp.revision.is_none() {
        stamp.revision = build
            .build_args
            .get("GIT_COMMIT")
            .cloned()
            .filter(|v| !v.is_empty());
    }
    if let Some(epoch) = build.source_date_epoch {
        stamp.created = Some(crate::plan::dispatch::epoch_rfc3339(epoch));
    } else if stamp.created.is_none() {
        stamp.created = build
            .build_args
            .get("BUILD_DATE")
            .cloned()
            .filter(|v| !v.is_empty());
    }
    if cache_bust.is_none() {
        cache_bust = build
            .build_args
            .get("CACHE_BUST")
            .cloned()
            .filter(|v| !v.is_empty());
    }
    build.context_name = context_local.clone();
    let remote_context = opts
        .get(&context_local)
        .cloned()
        .filter(|v| !v.trim().is_empty());
    let context_keep_git_dir = build
        .build_args
        .get("BUILDKIT_CONTEXT_KEEP_GIT_DIR")
        .is_some_and(|v| matches!(v.trim(), "1" | "true" | "True" | "TRUE" | "t"));
    if platforms.len() > 1 {
        build.multi_platform = true;
    }
    if cache_namespace.is_empty() {
        cache_namespace = build.cache_id_namespace.clone();
    }
    Ok(FrontendOptions {
        filename,
        context_local,
        dockerfile_local,
        platforms,
        build,
        pass_overrides,
        cache_namespace,
        stamp,
        now,
        cache_bust,
        remote_context,
        context_subdir,
        force_local_dockerfile,
        context_keep_git_dir,
        local_sessions,
        budgets_by_client,
        sbom: super::sbom::parse(opts)?,
    })
}

/// The image config in an `input-metadata:NAME` option: the input's result
/// metadata as Go's JSON of `map[string][]byte` (values base64), of which
/// `containerimage.config` matters here.
fn input_image_config(value: &str) -> Result<Option<ImageConfig>, String> {
    use base64::Engine as _;
    let metadata: BTreeMap<String, String> = serde_json::from_str(value)
        .map_err(|e| format!("not a JSON object of base64 strings: {e}"))?;
    let Some(encoded) = metadata.get("containerimage.config") else {
        return Ok(None);
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|e| format!("containerimage.config is not base64: {e}"))?;
    ImageConfig::from_json(&bytes)
        .map(Some)
        .map_err(|e| format!("containerimage.config is not an image config: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parses_docker_build_options() {
        let o = parse_options(&opts(&[
            ("filename", "app.Dockerfile"),
            ("target", "prod"),
            ("build-arg:VERSION", "1.2"),
            ("label:team", "core"),
            ("platform", "linux/amd64,linux/arm64"),
            ("no-cache", ""),
            ("force-network-mode", "host"),
            ("add-hosts", "db=10.0.0.2,cache:10.0.0.3"),
            ("shm-size", "64m"),
            ("ulimit", "nofile=1024:2048"),
        ]))
        .expect("valid");
        assert_eq!(o.filename, "app.Dockerfile");
        assert_eq!(o.build.target.as_deref(), Some("prod"));
        assert_eq!(o.build.build_args["VERSION"], "1.2");
        assert_eq!(o.build.labels["team"], "core");
        assert_eq!(o.platforms.len(), 2);
        assert!(o.build.multi_platform);
        assert_eq!(o.build.no_cache, NoCache::All);
        assert_eq!(o.build.network, NetworkMode::Host);
        assert_eq!(
            o.build.extra_hosts,
            vec![
                ("db".into(), "10.0.0.2".into()),
                ("cache".into(), "10.0.0.3".into())
            ]
        );
        assert_eq!(o.build.shm_size, 64 << 20);
        assert_eq!(o.build.ulimits[0].hard, 2048);
    }

    #[test]
    fn stamp_facts_from_options_and_build_args() {
        let o = parse_options(&opts(&[
            ("vcs:revision", "abc-dirty"),
            ("vcs:source", "https://user:tok@g/r.git"),
            ("build-arg:SOURCE_DATE_EPOCH", "0"),
            ("build-arg:CACHE_BUST", "7"),
            ("strata-now", "100"),
        ]))
        .expect("valid");
        assert_eq!(o.stamp.revision.as_deref(), Some("abc"));
        assert_eq!(o.stamp.dirty, Some(true));
        assert_eq!(o.stamp.source.as_deref(), Some("https://g/r.git"));
        assert_eq!(o.stamp.created.as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(o.cache_bust.as_deref(), Some("7"));
        assert_eq!(o.now, Some(100));
        let o = parse_options(&opts(&[
            ("strata-vcs-revision", "x"),
            ("build-arg:GIT_COMMIT", "y"),
            ("build-arg:BUILD_DATE", "2024-01-01T00:00:00Z"),
        ]))
        .expect("valid");
        assert_eq!(o.stamp.revision.as_deref(), Some("x"));
        assert_eq!(o.stamp.created.as_deref(), Some("2024-01-01T00:00:00Z"));
        let o = parse_options(&opts(&[("build-arg:GIT_COMMIT", "y")])).expect("valid");
        assert_eq!(o.stamp.revision.as_deref(), Some("y"));
        assert!(parse_options(&opts(&[("strata-cache-ttl", "soon")])).is_err());
        assert!(parse_options(&opts(&[("strata-build-info", "rel/path.json")])).is_err());
    }

    #[test]
    fn rejects_bad_values() {
        assert!(parse_options(&opts(&[("force-network-mode", "bridge")])).is_err());
        assert!(parse_options(&opts(&[("platform", "linux//x")])).is_err());
        assert!(parse_options(&opts(&[("image-resolve-mode", "sometimes")])).is_err());
    }
}
