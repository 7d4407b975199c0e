//! The `key=value,…` flag values of `strata build` (`--output`,
//! `--cache-from/--cache-to`, `--secret`, `--ssh`), parsed into typed specs
//! the way buildctl and buildx accept them.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Split `a=1,b=2,flag` into ordered pairs (a bare word maps to "").
fn fields(spec: &str) -> Vec<(String, String)> {
    spec.split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(|f| match f.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), v.trim().to_string()),
            None => (f.to_ascii_lowercase(), String::new()),
        })
        .collect()
}

fn truthy(v: &str) -> bool {
    matches!(v, "" | "1" | "true" | "True" | "TRUE")
}

/// Where a build's result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputSpec {
    /// An image in the engine's store, optionally pushed (`type=image`).
    Image {
        name: Option<String>,
        push: bool,
        attrs: BTreeMap<String, String>,
    },
    /// `type=docker` without `dest`: load into the Docker Engine's image store.
    DockerLoad {
        name: Option<String>,
    },
    /// `type=docker,dest=…`: a `docker load` tarball.
    DockerTar {
        dest: PathBuf,
        name: Option<String>,
    },
    Oci {
        dest: PathBuf,
        name: Option<String>,
    },
    Tar {
        dest: PathBuf,
    },
    Local {
        dest: PathBuf,
    },
    /// `-t NAME` alone: loaded into Docker Engine, as buildx's docker
    /// driver does; an engine without an image store of the user's has
    /// nowhere to put it (decided once the engine is known).
    Tagged {
        name: String,
    },
}

/// The outputs buildx's `-t/--tag`, `--push` and `--load` stand for: one
/// per tag (each exporter takes one name), pushed, loaded, or loaded where
/// the engine is Docker.
pub fn tag_outputs(tags: &[String], push: bool, load: bool) -> Result<Vec<OutputSpec>, String> {
    if let Some(bad) = tags.iter().find(|t| t.trim().is_empty() || t.contains(',')) {
        return Err(format!(
            "-t {bad:?}: expected one NAME[:TAG] per -t (repeat -t for several)"
        ));
    }
    if push && tags.is_empty() {
        return Err("--push needs an image name: add -t NAME[:TAG]".into());
    }
    let mut out = Vec::new();
    for tag in tags {
        if push {
            out.push(OutputSpec::Image {
                name: Some(tag.clone()),
                push: true,
                attrs: BTreeMap::new(),
            });
        }
        if load {
            out.push(OutputSpec::DockerLoad {
                name: Some(tag.clone()),
            });
        }
        if !push && !load {
            out.push(OutputSpec::Tagged { name: tag.clone() });
        }
    }
    if load && tags.is_empty() {
        out.push(OutputSpec::DockerLoad { name: None });
    }
    Ok(out)
}

impl OutputSpec {
    /// Whether the output is an image, so the build has an image ID.
    pub fn makes_image(&self) -> bool {
        !matches!(self, OutputSpec::Tar { .. } | OutputSpec::Local { .. })
    }

    pub fn parse(spec: &str) -> Result<OutputSpec, String> {
        if !spec.contains('=') {
            // buildx shorthand: `-o DIR` is a local export, `-o -` a tar on stdout.
            return match spec {
                "" => Err("empty --output".into()),
                "-" => {
                    Err("writing a tar to stdout is not supported; use type=tar,dest=FILE".into())
                }
                dir => Ok(OutputSpec::Local {
                    dest: PathBuf::from(dir),
                }),
            };
        }
        let f = fields(spec);
        let get = |k: &str| f.iter().find(|(fk, _)| fk == k).map(|(_, v)| v.clone());
        let kind = get("type").ok_or_else(|| format!("--output {spec:?}: missing type="))?;
        let name = get("name").filter(|n| !n.is_empty());
        let dest = get("dest").filter(|d| !d.is_empty()).map(PathBuf::from);
        // buildx streams `dest=-` to stdout; strata has no stdout output, and
        // a file named `-` in the working directory is never what was meant.
        if dest.as_deref() == Some(std::path::Path::new("-")) {
            return Err(format!(
                "--output {spec:?}: writing to stdout (dest=-) is not supported; use dest=FILE"
            ));
        }
        let need_dest = |what: &str| {
            dest.clone()
                .ok_or_else(|| format!("--output type={what} needs dest=PATH"))
        };
        match kind.as_str() {
            "image" | "registry" => {
                let push = kind == "registry" || get("push").is_some_and(|v| truthy(&v));
                let attrs = f
                    .iter()
                    .filter(|(k, _)| k != "type" && k != "name" && k != "push")
                    .cloned()
                    .collect();
                Ok(OutputSpec::Image { name, push, attrs })
            }
            "docker" => match dest {
                Some(d) => Ok(OutputSpec::DockerTar { dest: d, name }),
                None => Ok(OutputSpec::DockerLoad { name }),
            },
            "oci" => Ok(OutputSpec::Oci {
                dest: need_dest("oci")?,
                name,
            }),
            "tar" => Ok(OutputSpec::Tar {
                dest: need_dest("tar")?,
            }),
            "local" => Ok(OutputSpec::Local {
                dest: need_dest("local")?,
            }),
            other => Err(format!(
                "--output: unknown type {other:?} (expected image, registry, docker, oci, tar or local)"
            )),
        }
    }
}

/// The `cache-imports` frontend attribute for `--cache-from`: the engine's
/// JSON list of `{Type, Attrs}` (none when nothing is imported).
pub fn cache_imports_attr(cache_from: &[CacheSpec]) -> Option<String> {
    if cache_from.is_empty() {
        return None;
    }
    let imports: Vec<serde_json::Value> = cache_from
        .iter()
        .map(|c| serde_json::json!({ "Type": c.kind, "Attrs": c.attrs }))
        .collect();
    serde_json::to_string(&imports).ok()
}

/// A cache import or export (`--cache-from` / `--cache-to`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheSpec {
    pub kind: String,
    pub attrs: BTreeMap<String, String>,
}

impl CacheSpec {
    /// Parse a spec, reading nothing from the environment (see [`CacheSpec::parse_with_env`]).
    pub fn parse(spec: &str) -> Result<CacheSpec, String> {
        CacheSpec::parse_with_env(spec, &|_| None)
    }

    /// Parse `--cache-from`/`--cache-to` as buildx does: `REF` (a registry
    /// cache), or `type=registry|local|inline|gha|s3|azblob,…`. Like buildx,
    /// `gha` takes the GitHub Actions cache service's address and token from
    /// `env` (`ACTIONS_CACHE_URL`/`ACTIONS_RESULTS_URL`,
    /// `ACTIONS_RUNTIME_TOKEN`) and `s3` the AWS credentials, when the spec
    /// does not give them.
    pub fn parse_with_env(
        spec: &str,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<CacheSpec, String> {
        if !spec.contains('=') {
            if spec.is_empty() {
                return Err("empty cache spec".into());
            }
            return Ok(CacheSpec {
                kind: "registry".into(),
                attrs: [("ref".to_string(), spec.to_string())].into(),
            });
        }
        let mut attrs: BTreeMap<String, String> = fields(spec).into_iter().collect();
        let kind = attrs
            .remove("type")
            .ok_or_else(|| format!("cache spec {spec:?}: missing type="))?;
        let fill = |attrs: &mut BTreeMap<String, String>, key: &str, var: &str| {
            if !attrs.contains_key(key)
                && let Some(v) = env(var).filter(|v| !v.is_empty())
            {
                attrs.insert(key.to_string(), v);
            }
        };
        match kind.as_str() {
            "registry" if !attrs.contains_key("ref") => Err("type=registry needs ref=IMAGE".into()),
            "local" if !attrs.contains_key("src") && !attrs.contains_key("dest") => {
                Err("type=local needs src=DIR (import) or dest=DIR (export)".into())
            }
            "registry" | "local" | "inline" => Ok(CacheSpec { kind, attrs }),
            "gha" => {
                fill(&mut attrs, "url", "ACTIONS_CACHE_URL");
                fill(&mut attrs, "url_v2", "ACTIONS_RESULTS_URL");
                fill(&mut attrs, "token", "ACTIONS_RUNTIME_TOKEN");
                if !attrs.contains_key("token")
                    || !(attrs.contains_key("url") || attrs.contains_key("url_v2"))
                {
                    return Err(
                        "type=gha needs GitHub Actions' cache service: its address and \
                         token (url=…,token=…, or ACTIONS_CACHE_URL/ACTIONS_RESULTS_URL and \
                         ACTIONS_RUNTIME_TOKEN, which exist only inside a GitHub Actions job \
                         that exposes them, e.g. with docker/setup-buildx-action); none is set \
                         here. Outside GitHub Actions use type=registry or type=local"
                            .into(),
                    );
                }
                Ok(CacheSpec { kind, attrs })
            }
            "s3" => {
                if !attrs.contains_key("bucket") || !attrs.contains_key("region") {
                    return Err("type=s3 needs bucket=NAME and region=REGION".into());
                }
                fill(&mut attrs, "access_key_id", "AWS_ACCESS_KEY_ID");
                fill(&mut attrs, "secret_access_key", "AWS_SECRET_ACCESS_KEY");
                fill(&mut attrs, "session_token", "AWS_SESSION_TOKEN");
                Ok(CacheSpec { kind, attrs })
            }
            "azblob" => {
                if !attrs.contains_key("name") {
                    return Err(
                        "type=azblob needs name=CACHE (and account_url=…, unless the \
                         engine has BUILDKIT_AZURE_STORAGE_ACCOUNT_URL)"
                            .into(),
                    );
                }
                Ok(CacheSpec { kind, attrs })
            }
            other => Err(format!(
                "unknown cache type {other:?} (expected registry, local, inline, gha, s3 or azblob)"
            )),
        }
    }
}

/// Where a secret's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    File(PathBuf),
    Env(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretSpec {
    pub id: String,
    pub source: SecretSource,
}

impl SecretSpec {
    /// `id=ID,src=FILE` | `id=ID,env=VAR` | `id=VAR` (the variable named
    /// like the id; `source`/`type=file|env` accepted too).
    pub fn parse(spec: &str) -> Result<SecretSpec, String> {
        let f = fields(spec);
        let get = |k: &str| f.iter().find(|(fk, _)| fk == k).map(|(_, v)| v.clone());
        let id = get("id")
            .filter(|i| !i.is_empty())
            .ok_or_else(|| format!("--secret {spec:?}: missing id="))?;
        let src = get("src")
            .or_else(|| get("source"))
            .filter(|s| !s.is_empty());
        let env = get("env").filter(|s| !s.is_empty());
        let kind = get("type");
        let source = match (kind.as_deref(), src, env) {
            (Some("env"), Some(s), None) => SecretSource::Env(s),
            (_, Some(s), None) => SecretSource::File(PathBuf::from(s)),
            (_, None, Some(e)) => SecretSource::Env(e),
            // As buildx: with neither, the secret is the environment
            // variable named like its id (`--secret id=API_TOKEN`).
            (Some("file"), None, None) => {
                return Err(format!("--secret {spec:?}: type=file needs src=FILE"));
            }
            (_, None, None) => SecretSource::Env(id.clone()),
            (_, Some(_), Some(_)) => {
                return Err(format!(
                    "--secret {spec:?}: give either src= or env=, not both"
                ));
            }
        };
        Ok(SecretSpec { id, source })
    }
}

/// `--ssh default`, `--ssh ID=SOCKET[,SOCKET…]` or, for full access,
/// `--ssh ID=SOCKET,raw=true` (buildctl's spelling).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshSpec {
    pub id: String,
    /// Agent sockets or key files; empty means `$SSH_AUTH_SOCK`.
    pub paths: Vec<PathBuf>,
    /// `raw=true`: the socket is forwarded unfiltered, so a build may add,
    /// remove and lock keys. Without it builds get a read-only agent.
    pub raw: bool,
}

impl SshSpec {
    pub fn parse(spec: &str) -> Result<SshSpec, String> {
        let (id, value) = match spec.split_once('=') {
            Some((id, value)) => (id.trim(), value),
            None => (spec.trim(), ""),
        };
        if id.is_empty() {
            return Err("--ssh needs an id (e.g. default)".into());
        }
        let mut paths = Vec::new();
        let mut raw = false;
        for part in value.split(',').filter(|s| !s.is_empty()) {
            match part.split_once('=') {
                Some(("raw", v)) => {
                    raw = parse_bool(v)
                        .ok_or_else(|| format!("--ssh {spec:?}: raw={v:?} is not true or false"))?;
                }
                _ => paths.push(PathBuf::from(part)),
            }
        }
        if raw && paths.len() != 1 {
            return Err(format!(
                "--ssh {spec:?}: raw=true forwards exactly one socket: give ID=SOCKET,raw=true"
            ));
        }
        Ok(SshSpec {
            id: id.to_string(),
            paths,
            raw,
        })
    }
}

/// Go's `strconv.ParseBool`, which buildctl uses for `raw=`.
fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs() {
        assert_eq!(
            OutputSpec::parse("type=local,dest=out"),
            Ok(OutputSpec::Local { dest: "out".into() })
        );
        assert_eq!(
            OutputSpec::parse("out"),
            Ok(OutputSpec::Local { dest: "out".into() })
        );
        assert_eq!(
            OutputSpec::parse("type=docker"),
            Ok(OutputSpec::DockerLoad { name: None })
        );
        assert!(matches!(
            OutputSpec::parse("type=image,name=r/x:1,push=true"),
            Ok(OutputSpec::Image { push: true, .. })
        ));
        assert!(matches!(
            OutputSpec::parse("type=registry,name=r/x:1"),
            Ok(OutputSpec::Image { push: true, .. })
        ));
        assert!(OutputSpec::parse("type=tar").is_err());
        assert!(OutputSpec::parse("type=zip,dest=x").is_err());
        for stdout in [
            "-",
            "type=tar,dest=-",
            "type=oci,dest=-",
            "type=local,dest=-",
        ] {
            let err = OutputSpec::parse(stdout).expect_err(stdout);
            assert!(err.contains("stdout"), "{stdout}: {err}");
        }
    }

    #[test]
    fn caches_secrets_ssh() {
        assert_eq!(
            CacheSpec::parse("r/cache:1").map(|c| c.attrs["ref"].clone()),
            Ok("r/cache:1".into())
        );
        assert!(CacheSpec::parse("type=registry").is_err());
        assert!(CacheSpec::parse("type=inline").is_ok());
        // gha needs the Actions cache service, which only a GitHub job has.
        let err = CacheSpec::parse("type=gha").unwrap_err();
        assert!(err.contains("ACTIONS_RUNTIME_TOKEN"), "{err}");
        let in_actions = |var: &str| match var {
            "ACTIONS_RESULTS_URL" => Some("https://results".to_string()),
            "ACTIONS_RUNTIME_TOKEN" => Some("tok".to_string()),
            _ => None,
        };
        let gha = CacheSpec::parse_with_env("type=gha,mode=max", &in_actions).unwrap();
        assert_eq!(gha.attrs["url_v2"], "https://results");
        assert_eq!(gha.attrs["token"], "tok");
        assert!(CacheSpec::parse("type=s3,bucket=b").is_err());
        assert!(CacheSpec::parse("type=s3,bucket=b,region=eu-west-1").is_ok());
        assert!(CacheSpec::parse("type=azblob").is_err());
        assert!(CacheSpec::parse("type=ftp,dest=x").is_err());
        assert_eq!(
            SecretSpec::parse("id=tok,src=/tmp/t").map(|s| s.source),
            Ok(SecretSource::File("/tmp/t".into()))
        );
        assert_eq!(
            SecretSpec::parse("id=tok,env=TOKEN").map(|s| s.source),
            Ok(SecretSource::Env("TOKEN".into()))
        );
        assert!(SecretSpec::parse("src=/x").is_err());
        assert_eq!(
            SecretSpec::parse("id=API_TOKEN").map(|s| s.source),
            Ok(SecretSource::Env("API_TOKEN".into()))
        );
        assert!(SecretSpec::parse("id=x,type=file").is_err());
        assert_eq!(SshSpec::parse("default").map(|s| s.paths.len()), Ok(0));
        assert_eq!(
            SshSpec::parse("gh=/a.sock,/b.sock").map(|s| s.paths.len()),
            Ok(2)
        );
        assert_eq!(SshSpec::parse("default").map(|s| s.raw), Ok(false));
        assert_eq!(
            SshSpec::parse("default=/a.sock,raw=true"),
            Ok(SshSpec {
                id: "default".into(),
                paths: vec!["/a.sock".into()],
                raw: true
            })
        );
        assert_eq!(
            SshSpec::parse("gh=/a.sock,raw=false").map(|s| (s.paths.len(), s.raw)),
            Ok((1, false))
        );
        assert!(SshSpec::parse("default=raw=true").is_err());
        assert!(SshSpec::parse("gh=/a.sock,/b.sock,raw=true").is_err());
        assert!(SshSpec::parse("gh=/a.sock,raw=yes").is_err());
    }

    #[test]
    fn buildx_tag_push_load_become_outputs() {
        let tags = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // -t alone: decided by the engine (loaded on Docker Engine).
        assert_eq!(
            tag_outputs(&tags(&["app:dev"]), false, false).unwrap(),
            vec![OutputSpec::Tagged {
                name: "app:dev".into()
            }]
        );
        // --push: one pushed image per tag.
        let pushed = tag_outputs(&tags(&["r/a:1", "r/a:2"]), true, false).unwrap();
        assert_eq!(pushed.len(), 2);
        assert!(
            matches!(&pushed[1], OutputSpec::Image { name: Some(n), push: true, .. } if n == "r/a:2")
        );
        // --load: into Docker; without a tag, an untagged image, as buildx.
        assert_eq!(
            tag_outputs(&tags(&["app"]), false, true).unwrap(),
            vec![OutputSpec::DockerLoad {
                name: Some("app".into())
            }]
        );
        assert_eq!(
            tag_outputs(&[], false, true).unwrap(),
            vec![OutputSpec::DockerLoad { name: None }]
        );
        assert!(
            tag_outputs(&[], true, false)
                .unwrap_err()
                .contains("-t NAME")
        );
        assert!(tag_outputs(&tags(&["a,b"]), false, false).is_err());
        assert!(tag_outputs(&[], false, false).unwrap().is_empty());
    }
}
