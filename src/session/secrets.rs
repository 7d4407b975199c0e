//! `moby.buildkit.secrets.v1.Secrets/GetSecret` (BuildKit
//! session/secrets/secretsprovider): `RUN --mount=type=secret` asks for a
//! secret by id.
//!
//! Unknown ids answer `NotFound` with message "not found"; the engine maps
//! `NotFound` (and `Unimplemented`) to "secret not found" and honours
//! `required=false`. Secrets over 500 KiB are refused, as upstream. Values
//! are read when asked for, so a secret file changed between builds is seen.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::proto::secrets::secrets_server::Secrets;
use crate::proto::secrets::{GetSecretRequest, GetSecretResponse};

/// Upstream's `MaxSecretSize`.
pub const MAX_SECRET_SIZE: usize = 500 * 1024;

/// Where a secret's value comes from.
#[derive(Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// The content of a file.
    File(PathBuf),
    /// The value of an environment variable (read at request time).
    Env(String),
    /// A literal value.
    Value(Vec<u8>),
}

/// Names the file or variable; a literal value shows only its length.
impl std::fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretSource::File(path) => f.debug_tuple("File").field(path).finish(),
            SecretSource::Env(var) => f.debug_tuple("Env").field(var).finish(),
            SecretSource::Value(v) => write!(f, "Value(<{} bytes redacted>)", v.len()),
        }
    }
}

/// The `Secrets` service.
#[derive(Debug, Clone, Default)]
pub struct SecretsService {
    secrets: Arc<HashMap<String, SecretSource>>,
}

impl SecretsService {
    pub fn new(secrets: HashMap<String, SecretSource>) -> SecretsService {
        SecretsService {
            secrets: Arc::new(secrets),
        }
    }
}

#[tonic::async_trait]
impl Secrets for SecretsService {
    async fn get_secret(
        &self,
        request: Request<GetSecretRequest>,
    ) -> Result<Response<GetSecretResponse>, Status> {
        let id = &request.get_ref().id;
        let Some(source) = self.secrets.get(id) else {
            return Err(Status::not_found("not found"));
        };
        let data = match source {
            SecretSource::File(path) => tokio::fs::read(path)
                .await
                .map_err(|e| Status::unknown(format!("open {}: {e}", path.display())))?,
            SecretSource::Env(var) => std::env::var_os(var)
                .map(|v| std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str()).to_vec())
                .unwrap_or_default(),
            SecretSource::Value(v) => v.clone(),
        };
        if data.len() > MAX_SECRET_SIZE {
            return Err(Status::unknown(format!(
                "invalid secret size {}",
                data.len()
            )));
        }
        Ok(Response::new(GetSecretResponse { data }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_redacts_literal_values() {
        let text = format!("{:?}", SecretSource::Value(b"hunter2".to_vec()));
        assert_eq!(text, "Value(<7 bytes redacted>)");
        let text = format!("{:?}", SecretSource::Env("TOKEN".into()));
        assert_eq!(text, "Env(\"TOKEN\")");
    }
}
