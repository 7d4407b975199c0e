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
#[derive(Clone, Default, PartialEq, Eq)]
pub struct HelperCredentials {
    pub username: String,
    pub secret: String,
    /// The secret is an identity token (sent with an empty username).
    pub is_identity_token: bool,
}

/// Redacts the secret, so `{:?}` in a log line or assertion cannot leak it.
impl std::fmt::Debug for HelperCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HelperCredentials")
            .field("username", &self.username)
            .field("secret", &redacted(&self.secret))
            .field("is_identity_token", &self.is_identity_token)
            .finish()
    }
}

/// What `Debug` shows for a secret: whether there is one, never its value.
pub(crate) fn redacted(secret: &str) -> &'static str {
    if secret.is_empty() { "" } else { "<redacted>" }
}

/// Why a helper gave no credentials.
///
/// None of these carry the helper's stdout or stderr: a helper that
/// misbehaves may still have printed the password, and these errors are
/// logged, printed and sent to the engine as a gRPC status. They say which
/// helper, for which server, and what went wrong.
#[derive(Debug, thiserror::Error)]
pub enum HelperError {
    #[error(
        "credential helper {program:?} (named in the Docker config file) is not installed or not in PATH"
    )]
    NotFound { program: String },
    #[error("credential helper {program:?} could not be run for {server:?}: {source}")]
    Run {
        program: String,
        server: String,
        source: std::io::Error,
    },
    #[error(
        "credential helper {program:?} failed for {server:?}: {status} (its output is not shown: it may hold credentials)"
    )]
    Exited {
        program: String,
        server: String,
        status: std::process::ExitStatus,
    },
    #[error("credential helper {program:?} answered for {server:?}, but its output is {problem}")]
    BadOutput {
        program: String,
        server: String,
        problem: JsonProblem,
    },
}

/// What is wrong with JSON that holds credentials (a helper's answer, the
/// Docker config file), described by position and kind only: serde_json's
/// own message can quote the input (`invalid type: string "…"`), which
/// here is the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not valid JSON: {category} error at line {line} column {column}")]
pub struct JsonProblem {
    /// serde_json's error category: `syntax`, `data` (wrong shape), `eof`.
    pub category: &'static str,
    pub line: usize,
    pub column: usize,
}

impl JsonProblem {
    /// The content-free description of a serde_json error.
    pub fn of(e: &serde_json::Error) -> JsonProblem {
        use serde_json::error::Category;
        JsonProblem {
            category: match e.classify() {
                Category::Io => "read",
                Category::Syntax => "syntax",
                Category::Data => "data",
                Category::Eof => "end-of-input",
            },
            line: e.line(),
            column: e.column(),
        }
    }
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
        let run_error = |source: std::io::Error| HelperError::Run {
            program: program.clone(),
            server: server.to_string(),
            source,
        };
        let spawn = || {
            tokio::process::Command::new(&path)
                .arg("get")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .kill_on_drop(true)
                .spawn()
        };
        // A helper just written (installed while we run, or by a test) can
        // be briefly "busy" while another thread's fork still holds the
        // writer's descriptor; that clears within milliseconds.
        let mut attempt = spawn();
        for _ in 0..5 {
            match &attempt {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    attempt = spawn();
                }
                _ => break,
            }
        }
        let mut child = attempt.map_err(run_error)?;
        if let Some(mut stdin) = child.stdin.take() {
            // A helper may answer without reading its stdin and exit first;
            // its answer, not our write, is what counts.
            match stdin.write_all(server.as_bytes()).await {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(run_error(e)),
                _ => {}
            }
        }
        let output = child.wait_with_output().await.map_err(run_error)?;
        if !output.status.success() {
            // The not-found answer is recognised, never repeated.
            let says = |bytes: &[u8]| String::from_utf8_lossy(bytes).contains(NOT_FOUND);
            if says(&output.stdout) || says(&output.stderr) {
                return Ok(None);
            }
            return Err(HelperError::Exited {
                program,
                server: server.to_string(),
                status: output.status,
            });
        }
        parse_output(&output.stdout).map_err(|problem| HelperError::BadOutput {
            program,
            server: server.to_string(),
            problem,
        })
    }
}

/// A helper's `get` answer; an empty secret means nothing stored.
pub fn parse_output(stdout: &[u8]) -> Result<Option<HelperCredentials>, JsonProblem> {
    let out: HelperOutput =
        serde_json::from_slice(stdout.trim_ascii()).map_err(|e| JsonProblem::of(&e))?;
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
            parse_output(br#"{"ServerURL":"h","Username":"u","Secret":"s"}"#).unwrap(),
            Some(HelperCredentials {
                username: "u".into(),
                secret: "s".into(),
                is_identity_token: false
            })
        );
        let token = parse_output(br#"{"Username":"<token>","Secret":"t"}"#)
            .unwrap()
            .unwrap();
        assert!(token.is_identity_token);
        assert_eq!((token.username.as_str(), token.secret.as_str()), ("", "t"));
        assert_eq!(
            parse_output(br#"{"Username":"u","Secret":""}"#).unwrap(),
            None
        );
        assert_eq!(
            parse_output(b"not json").unwrap_err(),
            JsonProblem {
                category: "syntax",
                line: 1,
                column: 2
            }
        );
    }

    /// Answers that are almost the expected JSON still hold the password;
    /// the error describes the problem without quoting any of it.
    #[test]
    fn bad_answers_are_described_without_their_content() {
        let pw = "hunter2-Pa55w0rd";
        for answer in [
            format!(r#"{{"Username":"u","Secret":"{pw}""#),
            format!(r#"{{"Username":"u","Secret":"{pw}"}} trailing"#),
            format!(r#"{{"Username":"u","Secret":["{pw}"]}}"#),
            format!(r#"{{"Username":"{pw}","Secret":7}}"#),
            format!("Username={pw}"),
            // serde_json's own message would quote this one in full.
            format!(r#""{pw}""#),
        ] {
            let problem = parse_output(answer.as_bytes()).unwrap_err();
            let text = problem.to_string();
            assert!(text.starts_with("not valid JSON: "), "{text}");
            assert!(!text.contains(pw) && !text.contains("hunter2"), "{text}");
        }
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
  broken.example) echo 'keychain locked, pw=hunter2' >&2; echo 'hunter2'; exit 1 ;;
  garbled.example) printf '{"Username":"alice","Secret":"hunter2"' ;;
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
        let text = err.to_string();
        assert!(matches!(err, HelperError::Exited { .. }), "{err}");
        assert!(
            text.contains("docker-credential-fake") && text.contains("exit status: 1"),
            "{text}"
        );
        assert!(
            !text.contains("hunter2") && !text.contains("keychain"),
            "{text}"
        );
        let err = helpers.get("fake", "garbled.example").await.unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("garbled.example") && text.contains("not valid JSON: end-of-input error"),
            "{text}"
        );
        assert!(!text.contains("hunter2"), "{text}");
        let err = helpers.get("absent", "reg.example:5000").await.unwrap_err();
        assert!(matches!(err, HelperError::NotFound { .. }), "{err}");
        assert!(err.to_string().contains("docker-credential-absent"));
    }
}
