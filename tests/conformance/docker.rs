//! Building a case on the testbed's engine with `docker buildx build` and
//! reading the result back as an OCI layout (`docker save`).
//!
//! The engine's docker driver cannot export `type=oci` or `type=docker`
//! files without the containerd image store, so images are loaded into the
//! engine (`--load`) and saved from there; Engine >= 25 saves an OCI layout.
//! Only building and saving shell out; reading and comparing are ours.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;

use crate::corpus::Case;
use crate::http;
use crate::oci::{self, Image};

pub struct Build<'a> {
    case: &'a Case,
    /// `None`: the engine's built-in Dockerfile frontend.
    frontend: Option<&'a str>,
    http: &'a http::Server,
    tag: String,
}

#[derive(Debug)]
pub struct BuildError {
    pub what: String,
    pub log: String,
}

impl BuildError {
    /// The engine's error line, if any.
    pub fn summary(&self) -> String {
        self.log
            .lines()
            .rev()
            .find(|l| l.starts_with("ERROR:") || l.contains("ERROR"))
            .unwrap_or(&self.what)
            .to_string()
    }

    /// The command and the end of its log.
    pub fn detail(&self) -> String {
        let lines: Vec<&str> = self.log.lines().collect();
        let tail = &lines[lines.len().saturating_sub(25)..];
        format!("{}\n      {}", self.what, tail.join("\n      "))
    }
}

impl<'a> Build<'a> {
    pub fn new(
        case: &'a Case,
        frontend: Option<&'a str>,
        http: &'a http::Server,
        run_id: &str,
        side: &str,
    ) -> Self {
        let tag = format!("strata-conformance/{}:{side}-{run_id}", case.name);
        Build {
            case,
            frontend,
            http,
            tag,
        }
    }

    fn command(&self) -> Command {
        let c = &self.case.config;
        let mut cmd = Command::new("docker");
        cmd.env_remove("BUILDKIT_SYNTAX")
            .env_remove("BUILDX_BUILDER");
        cmd.args([
            "buildx",
            "build",
            "--progress=plain",
            "--network=host",
            "--no-cache",
        ]);
        cmd.args([
            "--provenance=false",
            "--sbom=false",
            "--load",
            "-t",
            &self.tag,
        ]);
        if let Some(t) = &c.target {
            cmd.args(["--target", t]);
        }
        for (k, v) in &c.build_args {
            cmd.arg("--build-arg")
                .arg(format!("{k}={}", v.replace("{{HTTP}}", &self.http.base)));
        }
        if let Some(epoch) = &c.source_date_epoch {
            cmd.arg("--build-arg")
                .arg(format!("SOURCE_DATE_EPOCH={epoch}"));
        }
        for (id, src) in &c.secrets {
            cmd.arg("--secret")
                .arg(format!("id={id},src={}", self.case.dir.join(src).display()));
        }
        if let Some(image) = self.frontend {
            cmd.arg("--build-arg")
                .arg(format!("BUILDKIT_SYNTAX={image}"));
        }
        cmd.arg("-f")
            .arg(self.case.dir.join("Dockerfile"))
            .arg(&self.case.dir);
        cmd
    }

    pub fn run(&self) -> Result<Image, BuildError> {
        let mut cmd = self.command();
        let what = format!("{cmd:?}");
        let out = cmd.output().map_err(|e| BuildError {
            what: what.clone(),
            log: e.to_string(),
        })?;
        let log = String::from_utf8_lossy(&out.stderr).into_owned();
        if !out.status.success() {
            return Err(BuildError { what, log });
        }
        let dir = tempfile::tempdir().map_err(|e| BuildError {
            what: "tempdir".into(),
            log: e.to_string(),
        })?;
        let file = dir.path().join("image.tar");
        let saved = Command::new("docker")
            .arg("save")
            .arg(&self.tag)
            .arg("-o")
            .arg(&file)
            .output();
        let _ = Command::new("docker")
            .args(["image", "rm", "-f", &self.tag])
            .output();
        match saved {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                return Err(BuildError {
                    what: format!("docker save {}", self.tag),
                    log: String::from_utf8_lossy(&o.stderr).into_owned(),
                });
            }
            Err(e) => {
                return Err(BuildError {
                    what: "docker save".into(),
                    log: e.to_string(),
                });
            }
        }
        oci::read_layout_tar(&file).map_err(|e| BuildError {
            what: format!("read {}", file.display()),
            log: e.to_string(),
        })
    }
}

/// Fail early, and say what to do, when the candidate frontend image is not
/// in its (loopback, plain-HTTP) registry. Other registries are left to the
/// build to reach.
pub fn check_frontend_image(reference: &str) {
    let Some((host, rest)) = reference.split_once('/') else {
        return;
    };
    if !host.starts_with("127.0.0.1:") && !host.starts_with("localhost:") {
        return;
    }
    let (repo, tag) = rest.rsplit_once(':').unwrap_or((rest, "latest"));
    let status = (|| -> std::io::Result<String> {
        let mut s = TcpStream::connect(host)?;
        write!(
            s,
            "HEAD /v2/{repo}/manifests/{tag} HTTP/1.0\r\nHost: {host}\r\nAccept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json\r\n\r\n"
        )?;
        let mut resp = String::new();
        s.read_to_string(&mut resp)?;
        Ok(resp.lines().next().unwrap_or("").to_string())
    })();
    match status {
        Ok(line) if line.contains(" 200") => {}
        Ok(line) => panic!(
            "frontend image {reference} is not in the registry ({line}); push it with `scripts/frontend-image.sh --push {reference}`, or set STRATA_FRONTEND_IMAGE=builtin to check the harness against itself"
        ),
        Err(e) => panic!("cannot reach the registry for {reference}: {e}"),
    }
}
