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
//! Not supported: credential helpers (`credsStore`, `credHelpers`) — hosts
//! that only have credentials there are treated as anonymous, with a
//! warning. `FetchToken`, `GetTokenAuthority` and `VerifyTokenAuthority`
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
    #[error("parsing {path}: {message}")]
    Parse { path: PathBuf, message: String },
}

/// One `auths` entry, decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthEntry {
    pub username: String,
    pub password: String,
    pub identity_token: String,
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
    /// Set when the file names a credential store or helpers (unsupported).
    pub uses_credential_helpers: bool,
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
        DockerAuthConfig::parse(&text).map_err(|message| AuthConfigError::Parse {
            path: path.to_path_buf(),
            message,
        })
    }

    /// Parses config-file JSON.
    pub fn parse(text: &str) -> Result<DockerAuthConfig, String> {
        if text.trim().is_empty() {
            return Ok(DockerAuthConfig::default());
        }
        let raw: RawConfig = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut auths = BTreeMap::new();
        for (key, e) in raw.auths {
            let mut entry = AuthEntry {
                username: e.username,
                password: e.password,
                identity_token: e.identitytoken,
            };
            if !e.auth.is_empty() {
                let (user, pass) =
                    decode_auth(&e.auth).map_err(|m| format!("auths[{key:?}]: {m}"))?;
                entry.username = user;
                entry.password = pass;
            }
            auths.insert(key, entry);
        }
        Ok(DockerAuthConfig {
            auths,
            uses_credential_helpers: !raw.creds_store.is_empty() || !raw.cred_helpers.is_empty(),
        })
    }

    /// The entry the engine's `host` resolves to, if any.
    pub fn lookup(&self, host: &str) -> Option<&AuthEntry> {
        let key = if host == DOCKER_HUB_HOST {
            DOCKER_HUB_CONFIG_KEY
        } else {
            host
        };
        self.auths.get(key).or_else(|| {
            self.auths
                .iter()
                .find(|(k, _)| convert_to_hostname(k) == key)
                .map(|(_, v)| v)
        })
    }

    /// Username and secret for `host` (both empty when unknown).
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
fn decode_auth(auth: &str) -> Result<(String, String), String> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(auth.trim())
        .map_err(|_| "invalid base64 in auth".to_owned())?;
    let text = String::from_utf8_lossy(&raw);
    match text.split_once(':') {
        Some((user, pass)) if !user.is_empty() => {
            Ok((user.to_owned(), pass.trim_matches('\0').to_owned()))
        }
        _ => Err("invalid auth, base64 as format 'username:password' is required".to_owned()),
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
}

impl AuthService {
    pub fn new(config: DockerAuthConfig) -> AuthService {
        AuthService {
            config: Arc::new(config),
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
        let creds = self.config.credentials(host);
        if creds.secret.is_empty() && self.config.uses_credential_helpers {
            tracing::warn!(%host, "no credentials in config.json; credential helpers are not supported");
        }
        Ok(Response::new(creds))
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
        assert!(cfg.uses_credential_helpers);
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
        assert_eq!(
            convert_to_hostname("http://localhost:5000/v2/"),
            "localhost:5000"
        );
    }
}
