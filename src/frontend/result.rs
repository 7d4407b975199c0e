//! What the frontend hands back: one result per platform with its image
//! config and the result metadata BuildKit's exporters read, or why it
//! failed ([`FrontendError`], which the CLI and the frontend image render).

use std::collections::BTreeMap;

use super::ConvertError;
use super::bridge::BridgeError;
use super::options::OptionError;
use crate::plan::image::ImageConfig;
use crate::plan::passes::Explanation;
use crate::plan::platform::Platform;

/// What one platform's build produced.
#[derive(Debug, Clone)]
pub struct PlatformResult {
    pub platform: Platform,
    /// `None` when the result is an empty filesystem (`FROM scratch` only).
    pub reference: Option<String>,
    pub image: ImageConfig,
    /// Attestations the frontend made for this result (an SBOM).
    pub attestations: Vec<super::sbom::Attestation>,
}

/// The frontend's answer: one result per requested platform.
#[derive(Debug, Clone)]
pub struct FrontendResult {
    pub platforms: Vec<PlatformResult>,
    /// What the smart passes changed (first platform's plan).
    pub explanation: Explanation,
    /// `SOURCE_DATE_EPOCH`, handed to the exporters as `source.date.epoch`.
    pub source_date_epoch: Option<i64>,
    /// Whether several platforms were requested (results keyed by platform).
    pub multi_platform: bool,
    /// The result of the frontend the build was handed to (`# syntax=`
    /// naming another frontend), returned instead of `platforms`.
    pub forwarded: Option<Box<crate::proto::gateway::Result>>,
}

impl FrontendResult {
    /// Result metadata as BuildKit's exporters read it.
    pub fn metadata(&self) -> BTreeMap<String, Vec<u8>> {
        let mut md = BTreeMap::new();
        if let Some(epoch) = self.source_date_epoch {
            md.insert("source.date.epoch".into(), epoch.to_string().into_bytes());
        }
        // With attestations the platform list is given for one platform
        // too, as upstream always does: the engine finds each result's
        // attestations by the platform's id.
        let attested = self.platforms.iter().any(|p| !p.attestations.is_empty());
        if self.multi_platform || attested {
            let mut list = Vec::new();
            for p in &self.platforms {
                let id = p.platform.to_string();
                let key = if self.multi_platform {
                    format!("containerimage.config/{id}")
                } else {
                    "containerimage.config".to_string()
                };
                md.insert(key, p.image.to_json());
                let mut platform = serde_json::json!({ "os": p.platform.os, "architecture": p.platform.architecture, "variant": p.platform.variant });
                if !p.platform.os_version.is_empty() {
                    platform["os.version"] = p.platform.os_version.clone().into();
                }
                list.push(serde_json::json!({ "id": id, "platform": platform }));
            }
            md.insert(
                "refs.platforms".into(),
                serde_json::to_vec(&serde_json::json!({ "platforms": list })).unwrap_or_default(),
            );
        } else if let Some(p) = self.platforms.first() {
            md.insert("containerimage.config".into(), p.image.to_json());
        }
        md
    }
}

/// Where in the Dockerfile a failure is, for clients that show the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorSource {
    pub span: crate::dockerfile::Span,
    /// Filled in by the orchestrator, which has the Dockerfile.
    pub filename: String,
    pub text: String,
    pub definition: Option<crate::proto::pb::Definition>,
}

impl ErrorSource {
    pub fn at(span: crate::dockerfile::Span) -> Self {
        ErrorSource {
            span,
            filename: String::new(),
            text: String::new(),
            definition: None,
        }
    }
}

impl FrontendError {
    /// Where in the Dockerfile an image that could not be resolved is named.
    pub fn image_location(&self) -> Option<&ErrorSource> {
        match self {
            FrontendError::ResolveImage { at, .. } => at.as_deref(),
            _ => None,
        }
    }

    /// Attach the Dockerfile (name, text, load definition) to an error
    /// that knows where in it the failure is.
    pub fn with_definition(self, loaded: &crate::proto::pb::Definition) -> Self {
        self.with_source(None, loaded)
    }

    /// [`FrontendError::with_definition`], also giving a located engine
    /// error its Dockerfile's name and text.
    pub fn with_source(
        self,
        dockerfile: Option<(&str, &str)>,
        loaded: &crate::proto::pb::Definition,
    ) -> Self {
        match self {
            FrontendError::ResolveImage {
                reference,
                source_name,
                error,
                at: Some(mut at),
            } => {
                if let Some((filename, text)) = dockerfile {
                    at.filename = filename.to_string();
                    at.text = text.to_string();
                    at.definition = Some(loaded.clone());
                }
                FrontendError::ResolveImage {
                    reference,
                    source_name,
                    error,
                    at: Some(at),
                }
            }
            FrontendError::Dockerfile {
                filename,
                text,
                error,
                definition: None,
            } => FrontendError::Dockerfile {
                filename,
                text,
                error,
                definition: Some(Box::new(loaded.clone())),
            },
            other => other,
        }
    }
}

/// Why the frontend failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FrontendError {
    #[error(transparent)]
    Options(#[from] OptionError),
    /// A problem in the Dockerfile; `text` is the Dockerfile for rendering.
    #[error("{error}")]
    Dockerfile {
        filename: String,
        text: String,
        error: Box<ConvertError>,
        /// The definition that loaded the Dockerfile, when known: clients
        /// get it with the error's source (BuildKit's `SourceInfo`).
        definition: Option<Box<crate::proto::pb::Definition>>,
    },
    #[error("failed to read dockerfile: {0}")]
    MissingDockerfile(String),
    /// The engine could not fetch a base image's config: the registry (or
    /// the client's OCI layout store) failed, not the Dockerfile, so this
    /// is a build failure, not bad input.
    #[error(
        "failed to resolve source metadata for {reference} from {source_name}: {}",
        engine_detail(reference, error)
    )]
    ResolveImage {
        /// The image as the Dockerfile's stage resolves it.
        reference: String,
        /// `registry HOST`, or the OCI layout store it was asked from.
        source_name: String,
        error: BridgeError,
        /// The instruction that names the image (FROM, `COPY --from`).
        at: Option<Box<ErrorSource>>,
    },
    #[error("{0}")]
    Bridge(#[from] BridgeError),
    #[error("{0}")]
    Unsupported(String),
    /// A subrequest (`requestid`) that could not be answered.
    #[error(transparent)]
    Subrequest(#[from] super::subrequests::SubrequestError),
    #[error("{0}")]
    Settings(String),
    /// Build checks failed with `check=error=true`.
    #[error("{0}")]
    Checks(String),
    /// A build budget (`# strata-budget:`, `strata.toml`) was exceeded.
    #[error("{0}")]
    Budget(String),
    /// The frontend the build was handed to (`# syntax=`) failed: its
    /// error as the engine gave it, and, when it names no place in the
    /// Dockerfile itself, the `# syntax=` line that chose the frontend.
    #[error("{}", status.message)]
    Forwarded {
        status: Box<crate::proto::google_rpc::Status>,
        at: Option<Box<ErrorSource>>,
    },
}

/// The engine's words for a failed resolve, without the "failed to resolve
/// source metadata for REF: " that BuildKit already puts in front (our
/// message says it once, with the registry).
fn engine_detail(reference: &str, error: &BridgeError) -> String {
    let text = match error {
        BridgeError::Engine(m) | BridgeError::NotFound(m) => m,
    };
    let prefix = format!("failed to resolve source metadata for {reference}: ");
    text.strip_prefix(&prefix).unwrap_or(text).to_string()
}
