//! The Dockerfile frontend: text → plan → LLB, shared by the CLI and the
//! frontend image. Solving through an engine lives behind a bridge (later);
//! this module's conversion is pure.

pub mod bridge;
pub mod build;
pub mod lower;
pub mod options;
pub mod subrequests;

use crate::dockerfile::{self, Dockerfile};
use crate::llb::definition::{Marshaled, SourceFile, marshal};
use crate::plan::{self, BuildOptions, BuildPlan, ImageResolver, PlanError};

pub use lower::{LowerOptions, lower};

/// Why a Dockerfile could not be converted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error(transparent)]
    Syntax(#[from] dockerfile::SyntaxError),
    #[error(transparent)]
    Plan(#[from] PlanError),
}

/// A converted build: the plan (with the final image config) and its LLB.
#[derive(Debug, Clone)]
pub struct Converted {
    pub dockerfile: Dockerfile,
    pub plan: BuildPlan,
    pub definition: Marshaled,
}

/// The smart passes for [`convert_with_passes`]: settings, a reader for
/// the context files they ask for, and the cache-id namespace.
pub struct PassInput<'a> {
    pub options: &'a crate::plan::passes::PassOptions,
    pub read_files: &'a dyn Fn(Vec<String>) -> crate::plan::passes::ContextFiles,
    pub cache_namespace: &'a str,
}

/// Parse, plan and lower in one go, exactly as upstream would (no passes).
/// `filename` names the Dockerfile in source maps.
pub fn convert(
    text: &str,
    filename: &str,
    opts: &BuildOptions,
    images: &dyn ImageResolver,
) -> Result<Converted, ConvertError> {
    convert_with_passes(text, filename, opts, images, None).map(|(c, _)| c)
}

/// [`convert`] with strata's passes applied between planning and lowering.
pub fn convert_with_passes(
    text: &str,
    filename: &str,
    opts: &BuildOptions,
    images: &dyn ImageResolver,
    passes: Option<PassInput>,
) -> Result<(Converted, crate::plan::passes::Explanation), ConvertError> {
    let df = dockerfile::parse(text)?;
    let mut plan = plan::plan(&df, opts, images)?;
    let explanation = match passes {
        Some(p) => {
            let files =
                crate::plan::passes::read_context_files_with(&plan, p.options, p.read_files);
            crate::plan::passes::run_passes(&mut plan, p.options, &files, p.cache_namespace)
        }
        None => Default::default(),
    };
    let root = lower(
        &plan,
        &LowerOptions {
            resolve_mode: opts.image_resolve_mode,
            merge_op: opts.merge_op,
            ..Default::default()
        },
    );
    let source = SourceFile {
        filename: filename.to_string(),
        data: text.as_bytes().to_vec(),
        language: "Dockerfile".into(),
    };
    let definition = marshal(&root, Some(&source));
    Ok((
        Converted {
            dockerfile: df,
            plan,
            definition,
        },
        explanation,
    ))
}
