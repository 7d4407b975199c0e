//! `moby.filesync.v1.Auth`: registry credentials for pulls and pushes
//! (BuildKit session/auth/authprovider, docker/cli config file).
//!
//! Credentials come from the Docker config file,
//! `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`: its `auths`
//! entries, each with a base64 `auth` (`user:password`) or
//! `username`/`password`, or an `identitytoken` (sent as the secret with an
//! empty username, as upstream's `toCredentials`). The engine asks for
//! `registry-1.docker.io`, which is looked up under
//! `https://index.docker.io/v1/`; other hosts match an entry with the same
//! key or whose key reduces to that host (`https://host/path` → `host`).
//! Unknown hosts get an empty answer (anonymous access).
//!
//! Credential helpers work as in docker/cli: a `credHelpers` entry for the
//! host, else `credsStore`, makes that helper (`docker-credential-NAME get`)
//! the authority for the host instead of `auths`; a helper that is missing or
//! fails is an error the engine reports. `FetchToken`, `GetTokenAuthority` and `VerifyTokenAuthority`
//! answer `Unimplemented`: the engine then fetches tokens itself with the
//! credentials from `Credentials` (util/resolver/authorizer.go tolerates
//! `Unimplemented` for the token-authority calls and only calls `FetchToken`
//! after a token authority was returned).

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine as _;
use serde::Deserialize;
use tonic::{Request, Response, Status};

use super::credential_helper::{CredentialHelpers, JsonProblem, redacted};
use crate::proto::filesync::auth_server::Auth;
use crate::proto::filesync::{
    CredentialsRequest, CredentialsResponse, FetchTokenRequest, FetchTokenResponse,
    GetTokenAuthorityRequest, GetTokenAuthorityResponse, VerifyTokenAuthorityRequest,
    VerifyTokenAuthorityResponse,
};

/// The host the engine asks about for Docker Hub.
pub const DOCKER_HUB_HOST: &str = "registry-1.docker.io";
/// The config-file key Docker Hub credentials live under.
pub const DOCKER_HUB_CONFIG_KEY: &str = "https://index.docker.io/v1/";

/// Errors loading the config file.
#[derive(Debug, thiserror::Error)]
pub enum AuthConfigError {
    #[error("reading {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    /// Says where and what, never the file's text: it holds passwords.
    #[error("parsing {path}: {problem}")]
    Parse {
        path: PathBuf,
        problem: ConfigProblem,
    },
}

/// What is wrong with a Docker config file, without quoting it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigProblem {
    #[error("{0}")]
    Json(#[from] JsonProblem),
    /// An `auths` entry's `auth` is not base64 of `user:password`.
    #[error("auths[{key:?}]: {reason}")]
    Auth { key: String, reason: &'static str },
}

/// One `auths` entry, decoded.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AuthEntry {
    pub username: String,
    pub password: String,
    pub identity_token: String,
}

/// Redacts the password and token (a `DockerAuthConfig`, and the session
/// builder holding one, are `Debug`).
impl std::fmt::Debug for AuthEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthEntry")
            .field("username", &self.username)
            .field("password", &redacted(&self.password))
            .field("identity_token", &redacted(&self.identity_token))
            .finish()
    }
}

#[derive(Deserialize, Default)]
struct RawEntry {
    #[serde(default)]
    auth: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    identitytoken: String,
}

#[derive(Deserialize, Default)]
struct RawConfig {
    #[serde(default)]
    auths: BTreeMap<String, RawEntry>,
    #[serde(default, rename = "credsStore")]
    creds_store: String,
    #[serde(default, rename = "credHelpers")]
    cred_helpers: BTreeMap<String, String>,
}

/// The credential part of a Docker config file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DockerAuthConfig {
    pub auths: BTreeMap<String, AuthEntry>,
    /// `credsStore`: the helper for every host without a `credHelpers` entry.
    pub creds_store: Option<String>,
    /// `credHelpers`: registry host → helper name.
    pub cred_helpers: BTreeMap<String, String>,
}

impl DockerAuthConfig {
    /// `$DOCKER_CONFIG/config.json`, else `$HOME/.docker/config.json`.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join("config.json"));
        }
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".docker").join("config.json"))
    }

    /// Loads the default config file; a missing file is an empty config.
    pub fn load_default() -> Result<DockerAuthConfig, AuthConfigError> {
        match DockerAuthConfig::default_path() {
            Some(path) => DockerAuthConfig::load(&path),
            None => Ok(DockerAuthConfig::default()),
        }
    }

    /// Loads `path`; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<DockerAuthConfig, AuthConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DockerAuthConfig::default()),
            Err(source) => {
                return Err(AuthConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        DockerAuthConfig::parse(&text).map_err(|problem| AuthConfigError::Parse {
            path: path.to_path_buf(),
            problem,
        })
    }

    /// Parses config-file JSON.
    pub fn parse(text: &str) -> Result<DockerAuthConfig, ConfigProblem> {
        if text.trim().is_empty() {
            return Ok(DockerAuthConfig::default());
        }
        let raw: RawConfig = serde_json::from_str(text).map_err(|e| JsonProblem::of(&e))?;
        let mut auths = BTreeMap::new();
        for (key, e) in raw.auths {
            let mut entry = AuthEntry {
                username: e.username,
                password: e.password,
                identity_token: e.identitytoken,
            };
            if !e.auth.is_empty() {
                let (user, pass) = decode_auth(&e.auth).map_err(|reason| ConfigProblem::Auth {
                    key: key.clone(),
                    reason,
                })?;
                entry.username = user;
                entry.password = pass;
            }
            auths.insert(key, entry);
        }
        Ok(DockerAuthConfig {
            auths,
            creds_store: Some(raw.creds_store).filter(|s| !s.is_empty()),
            cred_helpers: raw
                .cred_helpers
                .into_iter()
                .filter(|(_, helper)| !helper.is_empty())
                .collect(),
        })
    }

    /// The key the config file stores `host` under (Docker Hub is special).
    pub fn config_key(host: &str) -> &str {
        if host == DOCKER_HUB_HOST {
            DOCKER_HUB_CONFIG_KEY
        } else {
            host
        }
    }

    /// The credential helper that is the authority for `host`, if any.
    pub fn helper_for(&self, host: &str) -> Option<&str> {
        let key = DockerAuthConfig::config_key(host);
        self.cred_helpers
            .get(key)
            .or_else(|| {
                self.cred_helpers
                    .iter()
                    .find(|(k, _)| convert_to_hostname(k) == convert_to_hostname(key))
                    .map(|(_, v)| v)
            })
            .or(self.creds_store.as_ref())
            .map(String::as_str)
    }

    /// The `auths` entry the engine's `host` resolves to, if any.
    pub fn lookup(&self, host: &str) -> Option<&AuthEntry> {
        let key = DockerAuthConfig::config_key(host);
        self.auths.get(key).or_else(|| {
            self.auths
                .iter()
                .find(|(k, _)| convert_to_hostname(k) == key)
                .map(|(_, v)| v)
        })
    }

    /// Username and secret for `host` from `auths` (both empty when unknown).
    pub fn credentials(&self, host: &str) -> CredentialsResponse {
        match self.lookup(host) {
            Some(e) if !e.identity_token.is_empty() => CredentialsResponse {
                username: String::new(),
                secret: e.identity_token.clone(),
            },
            Some(e) => CredentialsResponse {
                username: e.username.clone(),
                secret: e.password.clone(),
            },
            None => CredentialsResponse::default(),
        }
    }
}

/// docker/cli's `decodeAuth`: base64 of `user:password`.
fn decode_auth(auth: &str) -> Result<(String, String), &'static str> {
    // base64's error names the offending byte; the reason alone is enough.
    let raw = base64::engine::general_purpose::STANDARD
        .decode(auth.trim())
        .map_err(|_| "invalid base64 in auth")?;
    let text = String::from_utf8_lossy(&raw);
    match text.split_once(':') {
        Some((user, pass)) if !user.is_empty() => {
            Ok((user.to_owned(), pass.trim_matches('\0').to_owned()))
        }
        _ => Err("invalid auth, base64 as format 'username:password' is required"),
    }
}

/// docker/cli's `ConvertToHostname`: drop a scheme and any path.
fn convert_to_hostname(key: &str) -> &str {
    let stripped = key.split_once("://").map_or(key, |(_, rest)| rest);
    stripped.split('/').next().unwrap_or(stripped)
}

/// The `Auth` service.
#[derive(Debug, Clone, Default)]
pub struct AuthService {
    config: Arc<DockerAuthConfig>,
    helpers: CredentialHelpers,
}

impl AuthService {
    pub fn new(config: DockerAuthConfig) -> AuthService {
        AuthService::with_helpers(config, CredentialHelpers::default())
    }

    pub fn with_helpers(config: DockerAuthConfig, helpers: CredentialHelpers) -> AuthService {
        AuthService {
            config: Arc::new(config),
            helpers,
        }
    }

    /// Credentials for `host`: from its credential helper when the config
    /// names one, else from `auths`.
    pub async fn credentials_for(&self, host: &str) -> Result<CredentialsResponse, String> {
        let Some(helper) = self.config.helper_for(host) else {
            return Ok(self.config.credentials(host));
        };
        let server = DockerAuthConfig::config_key(host);
        match self.helpers.get(helper, server).await {
            Ok(Some(c)) => Ok(CredentialsResponse {
                username: c.username,
                secret: c.secret,
            }),
            Ok(None) => Ok(CredentialsResponse::default()),
            Err(e) => Err(format!("error getting credentials for {host}: {e}")),
        }
    }
}

#[tonic::async_trait]
impl Auth for AuthService {
    async fn credentials(
        &self,
        request: Request<CredentialsRequest>,
    ) -> Result<Response<CredentialsResponse>, Status> {
        let host = &request.get_ref().host;
        match self.credentials_for(host).await {
            Ok(creds) => Ok(Response::new(creds)),
            Err(message) => {
                tracing::warn!(%host, "{message}");
                Err(Status::unavailable(message))
            }
        }
    }

    async fn fetch_token(
        &self,
        _: Request<FetchTokenRequest>,
    ) -> Result<Response<FetchTokenResponse>, Status> {
        Err(Status::unimplemented(
            "client-side token fetching is not supported",
        ))
    }

    async fn get_token_authority(
        &self,
        _: Request<GetTokenAuthorityRequest>,
    ) -> Result<Response<GetTokenAuthorityResponse>, Status> {
        Err(Status::unimplemented(
            "client-side token authority is not supported",
        ))
    }

    async fn verify_token_authority(
        &self,
        _: Request<VerifyTokenAuthorityRequest>,
    ) -> Result<Response<VerifyTokenAuthorityResponse>, Status> {
        Err(Status::unimplemented(
            "client-side token authority is not supported",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_follows_docker_cli() {
        let cfg = DockerAuthConfig::parse(
            r#"{"auths":{
                "https://index.docker.io/v1/":{"auth":"aHViOnNlY3JldA=="},
                "https://ghcr.io/v2/":{"username":"u","password":"p"},
                "quay.io":{"auth":"cTp4","identitytoken":"tok"}
            },"credsStore":"desktop"}"#,
        )
        .unwrap();
        assert_eq!(cfg.helper_for("ghcr.io"), Some("desktop"));
        let c = cfg.credentials("registry-1.docker.io");
        assert_eq!((c.username.as_str(), c.secret.as_str()), ("hub", "secret"));
        let c = cfg.credentials("ghcr.io");
        assert_eq!((c.username.as_str(), c.secret.as_str()), ("u", "p"));
        let c = cfg.credentials("quay.io");
        assert_eq!((c.username.as_str(), c.secret.as_str()), ("", "tok"));
        assert_eq!(
            cfg.credentials("example.com"),
            CredentialsResponse::default()
        );
        assert!(DockerAuthConfig::parse(r#"{"auths":{"x":{"auth":"!!"}}}"#).is_err());
    }

    #[test]
    fn debug_output_redacts_credentials() {
        let cfg = DockerAuthConfig::parse(
            r#"{"auths":{"a":{"username":"u","password":"hunter2"},"b":{"identitytoken":"tok-hunter3"}}}"#,
        )
        .unwrap();
        let text = format!("{cfg:?}");
        assert!(
            text.contains("\"u\"") && text.contains("<redacted>"),
            "{text}"
        );
        assert!(
            !text.contains("hunter2") && !text.contains("hunter3"),
            "{text}"
        );
    }

    /// A config file that does not parse is described by position, never
    /// quoted: its text holds passwords.
    #[test]
    fn parse_errors_do_not_quote_the_file() {
        let pw = "hunter2-Pa55w0rd";
        let b64 = base64::engine::general_purpose::STANDARD.encode(format!("u:{pw}"));
        for text in [
            // A string where an entry object belongs: serde_json would
            // say `invalid type: string "<the auth>"`.
            format!(r#"{{"auths":{{"reg.example":"{b64}"}}}}"#),
            format!(r#"{{"auths":{{"reg.example":{{"password":["{pw}"]}}}}}}"#),
            format!(r#"{{"auths":{{"reg.example":{{"password":"{pw}"}}"#),
            format!(r#"{{"auths":{{"reg.example":{{"auth":"{pw}"}}}}}}"#),
            format!(r#"{{"credsStore":{{"{pw}":1}}}}"#),
        ] {
            let err = DockerAuthConfig::parse(&text).unwrap_err().to_string();
            assert!(!err.contains(pw) && !err.contains(&b64), "{err}");
            assert!(
                err.starts_with("not valid JSON: ") || err.starts_with("auths[\"reg.example\"]"),
                "{err}"
            );
        }
        assert_eq!(
            convert_to_hostname("http://localhost:5000/v2/"),
            "localhost:5000"
        );
    }
}

#[cfg(test)]
mod helper_tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[tokio::test]
    async fn helpers_are_the_authority_for_their_hosts() {
        let dir = tempfile::tempdir().unwrap();
        let helper = dir.path().join("docker-credential-team");
        std::fs::write(
            &helper,
            "#!/bin/sh\nread s\nprintf '{\"Username\":\"bot\",\"Secret\":\"for-%s\"}' \"$s\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).unwrap();
        let cfg = DockerAuthConfig::parse(
            r#"{"auths":{"ghcr.io":{"username":"u","password":"p"},
                         "reg.example":{"username":"file","password":"ignored"}},
                "credHelpers":{"reg.example":"team","hub.example":"absent"}}"#,
        )
        .unwrap();
        let service = AuthService::with_helpers(
            cfg,
            CredentialHelpers::with_search_path(dir.path().as_os_str()),
        );
        let c = service.credentials_for("reg.example").await.unwrap();
        assert_eq!(
            (c.username.as_str(), c.secret.as_str()),
            ("bot", "for-reg.example")
        );
        let c = service.credentials_for("ghcr.io").await.unwrap();
        assert_eq!((c.username.as_str(), c.secret.as_str()), ("u", "p"));
        let err = service.credentials_for("hub.example").await.unwrap_err();
        assert!(err.contains("docker-credential-absent"), "{err}");

        // A helper whose answer is broken: the engine's status and the log
        // line say so without the password it printed.
        let garbled = dir.path().join("docker-credential-garbled");
        std::fs::write(
            &garbled,
            "#!/bin/sh\nprintf '{\"Username\":\"bot\",\"Secret\":\"hunter2\"'\n",
        )
        .unwrap();
        std::fs::set_permissions(&garbled, std::fs::Permissions::from_mode(0o755)).unwrap();
        let cfg = DockerAuthConfig::parse(r#"{"credHelpers":{"reg.example":"garbled"}}"#).unwrap();
        let service = AuthService::with_helpers(
            cfg,
            CredentialHelpers::with_search_path(dir.path().as_os_str()),
        );
        let request = Request::new(CredentialsRequest {
            host: "reg.example".into(),
        });
        let status = Auth::credentials(&service, request).await.unwrap_err();
        assert_eq!(status.code(), tonic::Code::Unavailable);
        assert!(
            status.message().contains("docker-credential-garbled")
                && status.message().contains("not valid JSON"),
            "{status:?}"
        );
        assert!(!format!("{status:?}").contains("hunter2"), "{status:?}");

        // credsStore covers every host without its own helper, Docker Hub
        // under its config key.
        let cfg = DockerAuthConfig::parse(r#"{"credsStore":"team"}"#).unwrap();
        let service = AuthService::with_helpers(
            cfg,
            CredentialHelpers::with_search_path(dir.path().as_os_str()),
        );
        let c = service.credentials_for(DOCKER_HUB_HOST).await.unwrap();
        assert_eq!(c.secret, format!("for-{DOCKER_HUB_CONFIG_KEY}"));
    }
}
