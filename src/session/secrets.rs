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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// The content of a file.
    File(PathBuf),
    /// The value of an environment variable (read at request time).
    Env(String),
    /// A literal value.
    Value(Vec<u8>),
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
