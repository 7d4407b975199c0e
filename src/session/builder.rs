//! Assembles the session's services.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::proto::filesync::auth_server::AuthServer;
use crate::proto::filesync::file_sync_server::FileSyncServer;
use crate::proto::health::health_server::HealthServer;
use crate::proto::secrets::secrets_server::SecretsServer;
use crate::proto::sshforward::ssh_server::SshServer;
use crate::proto::upload::upload_server::UploadServer;

use super::auth::{AuthService, DockerAuthConfig};
use super::filesend::{FileSendService, OutputTarget};
use super::filesync::{FileSyncService, LocalDir, LocalDirs};
use super::health::HealthService;
use super::secrets::{SecretSource, SecretsService};
use super::ssh::{AgentAccess, AgentSource, DEFAULT_ID, SshService};
use super::upload::{UploadReader, UploadService, upload_url};
use super::{SessionInfo, SessionServices};

/// Collects what the session offers, then builds [`SessionServices`].
///
/// Health is always served; every other service only when something was
/// configured for it, so the engine sees exactly what this client supports
/// (it checks the advertised method list before calling).
#[derive(Debug)]
pub struct SessionBuilder {
    info: SessionInfo,
    dirs: LocalDirs,
    secrets: HashMap<String, SecretSource>,
    auth: Option<DockerAuthConfig>,
    ssh: HashMap<String, AgentSource>,
    /// Output targets by exporter id (the exporter's index in the solve request).
    outputs: HashMap<i64, OutputTarget>,
    /// One-shot byte streams the engine pulls (a tarball context).
    uploads: UploadService,
}

impl SessionBuilder {
    pub fn new(info: SessionInfo) -> SessionBuilder {
        SessionBuilder {
            info,
            dirs: LocalDirs::new(),
            secrets: HashMap::new(),
            auth: None,
            ssh: HashMap::new(),
            outputs: HashMap::new(),
            uploads: UploadService::default(),
        }
    }

    /// The session this builder is for.
    pub fn info(&self) -> &SessionInfo {
        &self.info
    }

    /// Serves directory `path` as local source `name` (e.g. `context`,
    /// `dockerfile`).
    pub fn local_dir(self, name: impl Into<String>, path: impl Into<PathBuf>) -> SessionBuilder {
        self.local(name, LocalDir::new(path))
    }

    /// Like [`local_dir`](Self::local_dir) with full options.
    pub fn local(mut self, name: impl Into<String>, dir: LocalDir) -> SessionBuilder {
        self.dirs.insert(name.into(), dir);
        self
    }

    /// Offers secret `id`.
    pub fn secret(mut self, id: impl Into<String>, source: SecretSource) -> SessionBuilder {
        self.secrets.insert(id.into(), source);
        self
    }

    /// Answers registry credential requests from this Docker config.
    pub fn docker_auth(mut self, config: DockerAuthConfig) -> SessionBuilder {
        self.auth = Some(config);
        self
    }

    /// Forwards the SSH agent at `socket` as `id` (empty id: `default`),
    /// read-only: builds can list keys and sign, nothing else.
    pub fn ssh(self, id: impl Into<String>, socket: impl Into<PathBuf>) -> SessionBuilder {
        self.ssh_with(id, socket, AgentAccess::ReadOnly)
    }

    /// Forwards `socket` as `id` with the given access.
    pub fn ssh_with(
        mut self,
        id: impl Into<String>,
        socket: impl Into<PathBuf>,
        access: AgentAccess,
    ) -> SessionBuilder {
        let id = id.into();
        let id = if id.is_empty() {
            DEFAULT_ID.to_owned()
        } else {
            id
        };
        let socket = socket.into();
        self.ssh.insert(id, AgentSource { socket, access });
        self
    }

    /// Receives the output of the exporter at `exporter_id`, its index in the
    /// solve request's exporter list: the engine names it in the
    /// `buildkit-attachable-exporter-id` metadata of each file send.
    /// Exporters that write no files (image, moby) have no target, so the
    /// ids need not be contiguous.
    pub fn output(mut self, exporter_id: i64, target: OutputTarget) -> SessionBuilder {
        self.outputs.insert(exporter_id, target);
        self
    }

    /// Serves `reader` once to the engine; returns the
    /// `http://buildkit-session/<id>` URL that names it in a frontend
    /// option (e.g. `context`).
    pub fn upload(&mut self, reader: UploadReader) -> String {
        upload_url(&self.uploads.add(reader))
    }

    /// The services and their full method paths.
    pub fn build(self) -> SessionServices {
        let mut methods: Vec<String> = Vec::new();
        let mut add = |service: &str, names: &[&str]| {
            for n in names {
                methods.push(format!("/{service}/{n}"));
            }
        };

        add("grpc.health.v1.Health", &["Check", "Watch"]);
        let mut routes = tonic::service::Routes::new(HealthServer::new(HealthService));

        if !self.dirs.is_empty() {
            add("moby.filesync.v1.FileSync", &["DiffCopy", "TarStream"]);
            routes = routes.add_service(FileSyncServer::new(FileSyncService::new(self.dirs)));
        }
        if !self.outputs.is_empty() {
            add("moby.filesync.v1.FileSend", &["DiffCopy"]);
            routes = routes.add_service(FileSendService::new(self.outputs));
        }
        if !self.secrets.is_empty() {
            add("moby.buildkit.secrets.v1.Secrets", &["GetSecret"]);
            routes = routes.add_service(SecretsServer::new(SecretsService::new(self.secrets)));
        }
        if let Some(config) = self.auth {
            add(
                "moby.filesync.v1.Auth",
                &[
                    "Credentials",
                    "FetchToken",
                    "GetTokenAuthority",
                    "VerifyTokenAuthority",
                ],
            );
            routes = routes.add_service(AuthServer::new(AuthService::new(config)));
        }
        if !self.ssh.is_empty() {
            add("moby.sshforward.v1.SSH", &["CheckAgent", "ForwardAgent"]);
            routes = routes.add_service(SshServer::new(SshService::new(self.ssh)));
        }
        if !self.uploads.is_empty() {
            add("moby.upload.v1.Upload", &["Pull"]);
            routes = routes.add_service(UploadServer::new(self.uploads));
        }
        SessionServices { routes, methods }
    }
}
