//! Docker credential helpers (`docker-credential-<name> get`), the programs
//! a Docker config file names in `credsStore` and `credHelpers`.
//!
//! Protocol (docker-credential-helpers): the server address on stdin, a JSON
//! object `{"ServerURL", "Username", "Secret"}` on stdout. A helper that has
//! nothing for the address prints "credentials not found in native keychain"
//! and exits non-zero; that is an anonymous answer, not an error. A username
//! of `<token>` marks the secret as an identity token (docker/cli's native
//! store does the same).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;

use serde::Deserialize;
use tokio::io::AsyncWriteExt;

/// What docker-credential-helpers prints when it has no entry.
const NOT_FOUND: &str = "credentials not found in native keychain";
/// The username helpers store identity tokens under.
const TOKEN_USERNAME: &str = "<token>";

/// Credentials a helper returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelperCredentials {
    pub username: String,
    pub secret: String,
    /// The secret is an identity token (sent with an empty username).
    pub is_identity_token: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum HelperError {
    #[error(
        "credential helper {program:?} (named in the Docker config file) is not installed or not in PATH"
    )]
    NotFound { program: String },
    #[error("credential helper {program:?} failed for {server:?}: {message}")]
    Failed {
        program: String,
        server: String,
        message: String,
    },
}

#[derive(Deserialize)]
struct HelperOutput {
    #[serde(rename = "Username", default)]
    username: String,
    #[serde(rename = "Secret", default)]
    secret: String,
}

/// Runs credential helpers found in a search path (`PATH` by default).
#[derive(Debug, Clone, Default)]
pub struct CredentialHelpers {
    search_path: Option<OsString>,
}

impl CredentialHelpers {
    /// Helpers looked up in `path` instead of `PATH` (tests, sandboxes).
    pub fn with_search_path(path: impl Into<OsString>) -> CredentialHelpers {
        CredentialHelpers {
            search_path: Some(path.into()),
        }
    }

    fn program_path(&self, helper: &str) -> Result<PathBuf, HelperError> {
        let program = format!("docker-credential-{helper}");
        let search = self
            .search_path
            .clone()
            .or_else(|| std::env::var_os("PATH"))
            .unwrap_or_default();
        std::env::split_paths(&search)
            .map(|dir| dir.join(&program))
            .find(|candidate| candidate.is_file())
            .ok_or(HelperError::NotFound { program })
    }

    /// `docker-credential-<helper> get` for `server`; `Ok(None)` when the
    /// helper has no credentials for it.
    pub async fn get(
        &self,
        helper: &str,
        server: &str,
    ) -> Result<Option<HelperCredentials>, HelperError> {
        let path = self.program_path(helper)?;
        let program = path.display().to_string();
        let failed = |message: String| HelperError::Failed {
            program: program.clone(),
            server: server.to_string(),
            message,
        };
        let mut child = tokio::process::Command::new(&path)
            .arg("get")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| failed(e.to_string()))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(server.as_bytes())
                .await
                .map_err(|e| failed(format!("writing the server address: {e}")))?;
        }
        let output = child
            .wait_with_output()
            .await
            .map_err(|e| failed(e.to_string()))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            if stdout.contains(NOT_FOUND) || stderr.contains(NOT_FOUND) {
                return Ok(None);
            }
            let said = [stdout.trim(), stderr.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            return Err(failed(format!("{} ({said})", output.status)));
        }
        parse_output(&stdout).map_err(failed)
    }
}

/// A helper's `get` answer; an empty secret means nothing stored.
pub fn parse_output(stdout: &str) -> Result<Option<HelperCredentials>, String> {
    let out: HelperOutput = serde_json::from_str(stdout.trim())
        .map_err(|e| format!("unreadable answer ({e}): {:?}", stdout.trim()))?;
    if out.secret.is_empty() {
        return Ok(None);
    }
    Ok(Some(if out.username == TOKEN_USERNAME {
        HelperCredentials {
            username: String::new(),
            secret: out.secret,
            is_identity_token: true,
        }
    } else {
        HelperCredentials {
            username: out.username,
            secret: out.secret,
            is_identity_token: false,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A real helper program (shell script) that answers for one server.
    fn install_helper(dir: &std::path::Path, name: &str, body: &str) {
        let path = dir.join(format!("docker-credential-{name}"));
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn parses_answers() {
        assert_eq!(
            parse_output(r#"{"ServerURL":"h","Username":"u","Secret":"s"}"#).unwrap(),
            Some(HelperCredentials {
                username: "u".into(),
                secret: "s".into(),
                is_identity_token: false
            })
        );
        let token = parse_output(r#"{"Username":"<token>","Secret":"t"}"#)
            .unwrap()
            .unwrap();
        assert!(token.is_identity_token);
        assert_eq!((token.username.as_str(), token.secret.as_str()), ("", "t"));
        assert_eq!(
            parse_output(r#"{"Username":"u","Secret":""}"#).unwrap(),
            None
        );
        assert!(parse_output("not json").unwrap_err().contains("not json"));
    }

    #[tokio::test]
    async fn runs_the_helper_program() {
        let dir = tempfile::tempdir().unwrap();
        install_helper(
            dir.path(),
            "fake",
            r#"[ "$1" = get ] || exit 3
read server
case "$server" in
  reg.example:5000) printf '{"ServerURL":"%s","Username":"alice","Secret":"pw"}' "$server" ;;
  broken.example) echo 'keychain locked' >&2; exit 1 ;;
  *) echo 'credentials not found in native keychain'; exit 1 ;;
esac"#,
        );
        let helpers = CredentialHelpers::with_search_path(dir.path().as_os_str());
        let found = helpers.get("fake", "reg.example:5000").await.unwrap();
        assert_eq!(
            found.map(|c| (c.username, c.secret)),
            Some(("alice".into(), "pw".into()))
        );
        assert_eq!(helpers.get("fake", "other.example").await.unwrap(), None);
        let err = helpers.get("fake", "broken.example").await.unwrap_err();
        assert!(err.to_string().contains("keychain locked"), "{err}");
        let err = helpers.get("absent", "reg.example:5000").await.unwrap_err();
        assert!(matches!(err, HelperError::NotFound { .. }), "{err}");
        assert!(err.to_string().contains("docker-credential-absent"));
    }
}
