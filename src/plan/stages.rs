//! The stages while they are planned: a [`StageDraft`] is what the planner
//! knows about a stage before dispatch (its FROM, its commands, the stages it
//! reads), a [`StageState`] is the stage's exec state and image config while
//! its instructions are dispatched. Both the planner and the instruction
//! dispatch use them; keeping them here lets the planner call dispatch
//! without dispatch reaching back into the planner.

use std::collections::BTreeSet;

use super::envlist::EnvList;
use super::image::{History, ImageConfig, epoch_rfc3339};
use super::platform::Platform;
use super::{NamedContext, PlanError, StageId, Step};
use crate::dockerfile::Span;
use crate::dockerfile::ast::Instruction;
use crate::dockerfile::expand::{ExpandOptions, expand_word};
use crate::llb::exec::NetworkMode;

/// The history comment upstream writes on every entry its Dockerfile frontend makes.
const HISTORY_COMMENT: &str = "buildkit.dockerfile.v0";

/// A stage before dispatch: where it starts and what it runs.
#[derive(Debug, Clone)]
pub(crate) struct StageDraft {
    pub declared_name: Option<String>,
    pub name: String,
    /// The expanded FROM operand (normalised when it is an image).
    pub base_name: String,
    pub base_stage: Option<StageId>,
    pub platform: Option<Platform>,
    pub commands: Vec<Instruction>,
    /// How many leading `commands` came from ONBUILD triggers.
    pub onbuild_count: usize,
    pub span: Option<Span>,
    /// Stages this one copies or mounts from.
    pub deps: BTreeSet<StageId>,
    /// Created for `COPY --from=<image>` / `--mount from=<image>`.
    pub implicit: bool,
    pub onbuild_done: bool,
    /// A named build context (`context:NAME=…`) that replaces the base.
    pub named: Option<NamedContext>,
}

impl StageDraft {
    /// The image the stage starts from: the named context's image, else the FROM operand.
    pub(crate) fn image_name(&self) -> &str {
        match &self.named {
            Some(NamedContext::Image(r)) => r,
            Some(NamedContext::OciLayout { name, .. }) => name,
            _ => &self.base_name,
        }
    }

    /// The client content store of an `oci-layout://` base.
    pub(crate) fn oci_store(&self) -> Option<String> {
        match &self.named {
            Some(NamedContext::OciLayout { store, .. }) => Some(store.clone()),
            _ => None,
        }
    }
}

/// Expand with a given scope, turning expansion errors into located errors.
pub(crate) fn expand_in(
    word: &str,
    vars: &EnvList,
    escape: char,
    span: Span,
) -> Result<String, PlanError> {
    expand_word(
        word,
        vars,
        ExpandOptions {
            escape,
            ..Default::default()
        },
    )
    .map(|e| e.value)
    .map_err(|e| PlanError::at(span, e.message).found(word.to_string()))
}

/// The evolving state of one stage while its instructions are dispatched.
#[derive(Debug, Clone)]
pub(crate) struct StageState {
    pub env: EnvList,
    pub cwd: String,
    pub user: String,
    pub hostname: String,
    pub network: NetworkMode,
    pub image: ImageConfig,
    pub platform: Platform,
    /// Declared ARGs in order, with their values (for RUN history).
    pub build_args: Vec<(String, Option<String>)>,
    pub steps: Vec<Step>,
    pub stage_name: String,
    pub prefix_platform: bool,
    pub cmd_index: usize,
    pub cmd_total: usize,
    pub cmd_is_onbuild: bool,
    /// Whether CMD was set in this stage (ENTRYPOINT then keeps it).
    pub cmd_set: bool,
    pub ignore_cache: bool,
    pub epoch: Option<i64>,
}

impl StageState {
    pub fn new(image: ImageConfig, platform: Platform) -> StageState {
        StageState {
            env: EnvList::new(),
            cwd: "/".into(),
            user: String::new(),
            hostname: String::new(),
            network: NetworkMode::Sandbox,
            image,
            platform,
            build_args: Vec::new(),
            steps: Vec::new(),
            stage_name: String::new(),
            prefix_platform: false,
            cmd_index: 0,
            cmd_total: 0,
            cmd_is_onbuild: false,
            cmd_set: false,
            ignore_cache: false,
            epoch: None,
        }
    }

    /// `[stage 2/5] RUN …` like upstream's progress names; `advance` is
    /// false only when a second vertex shares the previous number.
    pub fn progress_name(&mut self, text: &str, repeat: bool) -> String {
        if self.cmd_total == 0 {
            return text.to_string();
        }
        let mut out = String::from("[");
        if self.prefix_platform {
            out.push_str(&self.platform.to_string());
            out.push(' ');
        }
        if !self.stage_name.is_empty() {
            out.push_str(&self.stage_name);
            out.push(' ');
        }
        if !repeat {
            self.cmd_index += 1;
        }
        let width = 1 + (self.cmd_total as f64).log10().floor() as usize;
        out.push_str(&format!("{:>width$}/{}] ", self.cmd_index, self.cmd_total));
        if self.cmd_is_onbuild {
            out.push_str("ONBUILD ");
        }
        out.push_str(text);
        out
    }

    pub(crate) fn commit(&mut self, created_by: String, with_layer: bool) {
        self.image.history.push(History {
            created: self.epoch.map(epoch_rfc3339),
            created_by,
            comment: HISTORY_COMMENT.into(),
            empty_layer: !with_layer,
            ..Default::default()
        });
    }
}
