//! Build checks: warnings about a Dockerfile that builds but probably does
//! not do what its author meant, named after Docker's documented build
//! checks (<https://docs.docker.com/reference/build-checks/>) so that
//! `# check=skip=RuleName` works the same for both frontends.
//!
//! Pure: a parsed Dockerfile plus its text in, typed [`Lint`]s with source
//! spans out. The frontend sends them to the engine (`Warn`) and honours
//! [`CheckConfig`] (`# check=…` or the `BUILDKIT_DOCKERFILE_CHECK` build-arg).
//!
//! The checks are syntactic: they look at every stage, not only the ones
//! the target needs, and `JSONArgsRecommended` does not know whether a base
//! image sets a SHELL (only SHELL instructions in this Dockerfile count).

use std::collections::BTreeSet;

use super::ast::{Command, CommandLine, Dockerfile, Instruction};
use super::expand::{ExpandOptions, VarLookup, expand_word};
use super::parser::suggest;
use super::span::{Position, Span};

/// One build check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    MaintainerDeprecated,
    JsonArgsRecommended,
    FromAsCasing,
    StageNameCasing,
    ConsistentInstructionCasing,
    DuplicateStageName,
    ReservedStageName,
    UndefinedArgInFrom,
    WorkdirRelativePath,
    LegacyKeyValueFormat,
    SecretsUsedInArgOrEnv,
    NoEmptyContinuation,
    MultipleInstructionsDisallowed,
    ExposeProtoCasing,
    ExposeInvalidFormat,
    FromPlatformFlagConstDisallowed,
    RedundantTargetPlatform,
    InvalidDefaultArgInFrom,
    UndefinedVar,
    CopyIgnoredFile,
    InvalidDefinitionDescription,
    InvalidBaseImagePlatform,
}

impl Rule {
    pub const ALL: [Rule; 22] = [
        Rule::MaintainerDeprecated,
        Rule::JsonArgsRecommended,
        Rule::FromAsCasing,
        Rule::StageNameCasing,
        Rule::ConsistentInstructionCasing,
        Rule::DuplicateStageName,
        Rule::ReservedStageName,
        Rule::UndefinedArgInFrom,
        Rule::WorkdirRelativePath,
        Rule::LegacyKeyValueFormat,
        Rule::SecretsUsedInArgOrEnv,
        Rule::NoEmptyContinuation,
        Rule::MultipleInstructionsDisallowed,
        Rule::ExposeProtoCasing,
        Rule::ExposeInvalidFormat,
        Rule::FromPlatformFlagConstDisallowed,
        Rule::RedundantTargetPlatform,
        Rule::InvalidDefaultArgInFrom,
        Rule::UndefinedVar,
        Rule::CopyIgnoredFile,
        Rule::InvalidDefinitionDescription,
        Rule::InvalidBaseImagePlatform,
    ];

    /// Rules upstream checks while dispatching a stage's instructions, so
    /// a build reports them only for the stages its target needs (a lint
    /// request without a target dispatches every stage).
    pub fn at_dispatch(self) -> bool {
        matches!(
            self,
            Rule::LegacyKeyValueFormat
                | Rule::JsonArgsRecommended
                | Rule::WorkdirRelativePath
                | Rule::SecretsUsedInArgOrEnv
                | Rule::MultipleInstructionsDisallowed
                | Rule::ExposeProtoCasing
                | Rule::ExposeInvalidFormat
                | Rule::UndefinedVar
                | Rule::CopyIgnoredFile
                | Rule::InvalidBaseImagePlatform
        )
    }

    /// Experimental rules run only when `# check=experimental=` names
    /// them (or `all`), as upstream's.
    pub fn experimental(self) -> bool {
        matches!(self, Rule::InvalidDefinitionDescription)
    }

    /// The rule's name as Docker documents it (what `check=skip=` takes).
    pub fn name(self) -> &'static str {
        match self {
            Rule::MaintainerDeprecated => "MaintainerDeprecated",
            Rule::JsonArgsRecommended => "JSONArgsRecommended",
            Rule::FromAsCasing => "FromAsCasing",
            Rule::StageNameCasing => "StageNameCasing",
            Rule::ConsistentInstructionCasing => "ConsistentInstructionCasing",
            Rule::DuplicateStageName => "DuplicateStageName",
            Rule::ReservedStageName => "ReservedStageName",
            Rule::UndefinedArgInFrom => "UndefinedArgInFrom",
            Rule::WorkdirRelativePath => "WorkdirRelativePath",
            Rule::LegacyKeyValueFormat => "LegacyKeyValueFormat",
            Rule::SecretsUsedInArgOrEnv => "SecretsUsedInArgOrEnv",
            Rule::NoEmptyContinuation => "NoEmptyContinuation",
            Rule::MultipleInstructionsDisallowed => "MultipleInstructionsDisallowed",
            Rule::ExposeProtoCasing => "ExposeProtoCasing",
            Rule::ExposeInvalidFormat => "ExposeInvalidFormat",
            Rule::FromPlatformFlagConstDisallowed => "FromPlatformFlagConstDisallowed",
            Rule::RedundantTargetPlatform => "RedundantTargetPlatform",
            Rule::InvalidDefaultArgInFrom => "InvalidDefaultArgInFrom",
            Rule::UndefinedVar => "UndefinedVar",
            Rule::CopyIgnoredFile => "CopyIgnoredFile",
            Rule::InvalidDefinitionDescription => "InvalidDefinitionDescription",
            Rule::InvalidBaseImagePlatform => "InvalidBaseImagePlatform",
        }
    }

    /// What the rule is about, in one sentence (the warning's detail).
    /// Worded as upstream's so clients and tests see the same text.
    pub fn description(self) -> &'static str {
        match self {
            Rule::MaintainerDeprecated => {
                "The MAINTAINER instruction is deprecated, use a label instead to define an image author"
            }
            Rule::JsonArgsRecommended => {
                "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals"
            }
            Rule::FromAsCasing => "The 'as' keyword should match the case of the 'from' keyword",
            Rule::StageNameCasing => "Stage names should be lowercase",
            Rule::ConsistentInstructionCasing => {
                "All commands within the Dockerfile should use the same casing (either upper or lower)"
            }
            Rule::DuplicateStageName => "Stage names should be unique",
            Rule::ReservedStageName => "Reserved words should not be used as stage names",
            Rule::UndefinedArgInFrom => "FROM command must use declared ARGs",
            Rule::WorkdirRelativePath => {
                "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes"
            }
            Rule::LegacyKeyValueFormat => {
                "Legacy key/value format with whitespace separator should not be used"
            }
            Rule::SecretsUsedInArgOrEnv => {
                "Sensitive data should not be used in the ARG or ENV commands"
            }
            Rule::NoEmptyContinuation => {
                "Empty continuation lines will become errors in a future release"
            }
            Rule::MultipleInstructionsDisallowed => {
                "Multiple instructions of the same type should not be used in the same stage"
            }
            Rule::ExposeProtoCasing => "Protocol in EXPOSE instruction should be lowercase",
            Rule::ExposeInvalidFormat => {
                "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release"
            }
            Rule::FromPlatformFlagConstDisallowed => {
                "FROM --platform flag should not use a constant value"
            }
            Rule::RedundantTargetPlatform => {
                "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"
            }
            Rule::InvalidDefaultArgInFrom => {
                "Default value for global ARG results in an empty or invalid base image name"
            }
            Rule::UndefinedVar => "Variables should be defined before their use",
            Rule::CopyIgnoredFile => "Attempting to Copy file that is excluded by .dockerignore",
            Rule::InvalidBaseImagePlatform => {
                "Base image platform does not match expected target platform"
            }
            Rule::InvalidDefinitionDescription => {
                "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment."
            }
        }
    }

    /// Docker's documentation page for the rule.
    pub fn url(self) -> String {
        let slug = match self {
            Rule::MaintainerDeprecated => "maintainer-deprecated",
            Rule::JsonArgsRecommended => "json-args-recommended",
            Rule::FromAsCasing => "from-as-casing",
            Rule::StageNameCasing => "stage-name-casing",
            Rule::ConsistentInstructionCasing => "consistent-instruction-casing",
            Rule::DuplicateStageName => "duplicate-stage-name",
            Rule::ReservedStageName => "reserved-stage-name",
            Rule::UndefinedArgInFrom => "undefined-arg-in-from",
            Rule::WorkdirRelativePath => "workdir-relative-path",
            Rule::LegacyKeyValueFormat => "legacy-key-value-format",
            Rule::SecretsUsedInArgOrEnv => "secrets-used-in-arg-or-env",
            Rule::NoEmptyContinuation => "no-empty-continuation",
            Rule::MultipleInstructionsDisallowed => "multiple-instructions-disallowed",
            Rule::ExposeProtoCasing => "expose-proto-casing",
            Rule::ExposeInvalidFormat => "expose-invalid-format",
            Rule::FromPlatformFlagConstDisallowed => "from-platform-flag-const-disallowed",
            Rule::RedundantTargetPlatform => "redundant-target-platform",
            Rule::InvalidDefaultArgInFrom => "invalid-default-arg-in-from",
            Rule::UndefinedVar => "undefined-var",
            Rule::CopyIgnoredFile => "copy-ignored-file",
            Rule::InvalidDefinitionDescription => "invalid-definition-description",
            // Upstream documents no page for it.
            Rule::InvalidBaseImagePlatform => return String::new(),
        };
        format!("https://docs.docker.com/go/dockerfile/rule/{slug}/")
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub rule: Rule,
    /// What is wrong at this place (without the rule name).
    pub message: String,
    pub span: Span,
}

impl Lint {
    /// The one-line form clients print: `Rule: message (line N)`.
    pub fn short(&self) -> String {
        if self.span.start.line > 0 {
            format!(
                "{}: {} (line {})",
                self.rule.name(),
                self.message,
                self.span.start.line
            )
        } else {
            format!("{}: {}", self.rule.name(), self.message)
        }
    }
}

/// Which checks run and whether findings fail the build
/// (`# check=skip=A,B;error=true`, `skip=all`, `experimental=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckConfig {
    pub skip_all: bool,
    pub skip: BTreeSet<String>,
    /// Fail the build when any check fires.
    pub error: bool,
    /// `experimental=all`, or the experimental rules named.
    pub experimental_all: bool,
    pub experimental: BTreeSet<String>,
}

impl CheckConfig {
    /// Parse a `check` value: up to three `;`-separated `key=value` parts
    /// with keys `skip`, `error` and `experimental` (rules that run only
    /// when named).
    pub fn parse(value: &str) -> Result<CheckConfig, String> {
        let mut config = CheckConfig::default();
        let value = value.trim();
        if value.is_empty() {
            return Ok(config);
        }
        for part in value.split(';') {
            let Some((key, v)) = part.split_once('=') else {
                return Err(format!(
                    "invalid check option {part:?} (expected skip=RULE,...|all, error=true|false)"
                ));
            };
            let v = v.trim();
            match key.trim() {
                "skip" if v == "all" => config.skip_all = true,
                "skip" => config.skip.extend(
                    v.split(',')
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .map(String::from),
                ),
                "experimental" if v == "all" => config.experimental_all = true,
                "experimental" => config.experimental.extend(
                    v.split(',')
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .map(String::from),
                ),
                "error" => {
                    config.error = parse_bool(v).ok_or_else(|| {
                        format!("invalid check option {part:?}: {v:?} is not a boolean")
                    })?
                }
                other => {
                    return Err(format!(
                        "invalid check option {other:?} (known: skip, error, experimental)"
                    ));
                }
            }
        }
        Ok(config)
    }

    /// Whether this configuration skips `rule` (a `# check=` comment above
    /// one instruction only ever narrows what the file's configuration runs).
    pub fn skips(&self, rule: Rule) -> bool {
        self.skip_all || self.skip.contains(rule.name())
    }

    pub fn enabled(&self, rule: Rule) -> bool {
        let opted_in = !rule.experimental()
            || self.experimental_all
            || self.experimental.contains(rule.name());
        opted_in && !self.skip_all && !self.skip.contains(rule.name())
    }
}

/// Go's `strconv.ParseBool`.
fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Run the enabled checks, findings in source order.
pub fn check(df: &Dockerfile, text: &str, config: &CheckConfig) -> Vec<Lint> {
    let mut out = Vec::new();
    if config.skip_all {
        return out;
    }
    let mut push = |rule: Rule, message: String, span: Span| {
        if config.enabled(rule) {
            out.push(Lint {
                rule,
                message,
                span,
            });
        }
    };
    empty_continuations(df, text, &mut push);
    default_base_names(df, &mut push);
    instruction_casing(df, &mut push);
    stages(df, &mut push);
    definition_descriptions(df, text, &mut push);
    in_scope(df, text, out)
}

/// `InvalidDefinitionDescription` (experimental): the comment right above
/// an ARG or a named FROM documents it (`# name text`, what `--call
/// outline` shows), so one that starts with another word is probably not
/// meant as its description.
fn definition_descriptions(df: &Dockerfile, text: &str, push: &mut impl FnMut(Rule, String, Span)) {
    for (ins, comments) in df.instructions.iter().zip(comments_before(df, text)) {
        let (instruction, keys): (&str, Vec<&str>) = match &ins.command {
            Command::From(f) => match &f.stage_name {
                Some(name) => ("FROM", vec![name.value.as_str()]),
                None => continue,
            },
            Command::Arg(decls) => ("ARG", decls.iter().map(|d| d.name.as_str()).collect()),
            _ => continue,
        };
        let Some(last) = comments.last() else {
            continue;
        };
        let first_word = last.split(' ').next().unwrap_or_default();
        if keys.is_empty() || keys.contains(&first_word) {
            continue;
        }
        let example = if keys.len() > 1 { "<arg_key>" } else { keys[0] };
        push(
            Rule::InvalidDefinitionDescription,
            format!(
                "Comment for {instruction} should follow the format: `# {example} <description>`"
            ),
            ins.span,
        );
    }
}

/// Findings the planner made (they need the stages' environments, base
/// images' included), kept where `config` and the `# check=` comments
/// above their instruction allow them, in source order.
pub fn filter(df: &Dockerfile, text: &str, config: &CheckConfig, found: Vec<Lint>) -> Vec<Lint> {
    if config.skip_all {
        return Vec::new();
    }
    let found = found
        .into_iter()
        .filter(|l| config.enabled(l.rule))
        .collect();
    let mut found = in_scope(df, text, found);
    // Each platform's plan finds the same: keep the first of each.
    let mut seen = BTreeSet::new();
    found.retain(|l| seen.insert((l.span.start, l.rule, l.message.clone())));
    found
}

/// Drop the [`Rule::at_dispatch`] findings inside stages that are not
/// dispatched (`dispatched[k]` for the Dockerfile's k-th stage); findings
/// before the first FROM stay.
pub fn in_dispatched_stages(df: &Dockerfile, found: Vec<Lint>, dispatched: &[bool]) -> Vec<Lint> {
    let froms: Vec<u32> = df
        .instructions
        .iter()
        .filter(|i| matches!(i.command, Command::From(_)))
        .map(|i| i.span.start.line)
        .collect();
    found
        .into_iter()
        .filter(|l| {
            if !l.rule.at_dispatch() {
                return true;
            }
            let stage = froms.iter().rposition(|&line| line <= l.span.start.line);
            stage.is_none_or(|k| dispatched.get(k).copied().unwrap_or(true))
        })
        .collect()
}

/// `UndefinedVar`: a variable an instruction expands that no ARG or ENV
/// (of the stage, its base image or the build) defines; `suggestion` is a
/// defined name one or two edits away.
pub fn undefined_var(name: &str, suggestion: Option<&str>, instruction: Span) -> Lint {
    let mut message = format!("Usage of undefined variable '${name}'");
    if let Some(s) = suggestion {
        message.push_str(&format!(" (did you mean ${s}?)"));
    }
    Lint {
        rule: Rule::UndefinedVar,
        message,
        span: instruction,
    }
}

/// `InvalidBaseImagePlatform`: the registry served a base image for
/// another platform than the stage asked for (a single-platform image).
pub fn invalid_base_image_platform(image: &str, expected: &str, actual: &str, from: Span) -> Lint {
    Lint {
        rule: Rule::InvalidBaseImagePlatform,
        message: format!(
            "Base image {image} was pulled with platform {actual:?}, expected {expected:?} for current build"
        ),
        span: from,
    }
}

/// `CopyIgnoredFile`: a COPY or ADD source from the context that the
/// context's `.dockerignore` excludes (`verb` is `Copy` or `Add`).
pub fn copy_ignored_file(verb: &str, source: &str, instruction: Span) -> Lint {
    Lint {
        rule: Rule::CopyIgnoredFile,
        message: format!("Attempting to {verb} file {source:?} that is excluded by .dockerignore"),
        span: instruction,
    }
}

/// Drop findings a `# check=` comment above their instruction disables,
/// and sort the rest by place.
fn in_scope(df: &Dockerfile, text: &str, mut out: Vec<Lint>) -> Vec<Lint> {
    let lines: Vec<&str> = text.lines().collect();
    let mut prev_end = 0u32;
    let mut local: Vec<(u32, u32, CheckConfig)> = Vec::new();
    for ins in &df.instructions {
        let directive_lines: Vec<u32> = df.directives.iter().map(|d| d.span.start.line).collect();
        if let Some(c) = comment_config(&lines, &directive_lines, prev_end, ins.span.start.line) {
            local.push((ins.span.start.line, ins.span.end.line, c));
        }
        prev_end = ins.span.end.line;
    }
    out.retain(|l| {
        let line = l.span.start.line;
        !local
            .iter()
            .any(|(s, e, c)| (*s..=*e).contains(&line) && c.skips(l.rule))
    });
    out.sort_by_key(|l| (l.span.start, l.rule));
    out
}

/// The comment lines directly above each instruction, like upstream's
/// parser: non-empty `# text` lines accumulate (blank lines do not break
/// them), an empty `#` resets, parser directives are not comments.
pub fn comments_before(df: &Dockerfile, text: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let directive_lines: BTreeSet<u32> = df.directives.iter().map(|d| d.span.start.line).collect();
    let mut out = Vec::with_capacity(df.instructions.len());
    let mut from_line = 1u32;
    for ins in &df.instructions {
        let mut comments = Vec::new();
        for n in from_line..ins.span.start.line {
            let Some(line) = lines.get(n as usize - 1) else {
                break;
            };
            let t = line.trim_start();
            if let Some(c) = t.strip_prefix('#') {
                if directive_lines.contains(&n) {
                    continue;
                }
                let c = c.trim();
                if c.is_empty() {
                    comments.clear();
                } else {
                    comments.push(c.to_string());
                }
            }
        }
        out.push(comments);
        from_line = ins.span.end.line + 1;
    }
    out
}

/// A `# check=…` comment just above an instruction (after the previous one)
/// applies to that instruction only, like upstream: `# check=skip=Rule //
/// why` keeps the text before the first blank. A bare `#` line ends the run
/// of comments; a value that does not parse is ignored. The file's parser
/// directives are not comments of the first instruction, but a `# check=`
/// after a blank line (no longer a directive) is.
fn comment_config(
    lines: &[&str],
    directive_lines: &[u32],
    prev_end: u32,
    start: u32,
) -> Option<CheckConfig> {
    let mut comments: Vec<&str> = Vec::new();
    for n in prev_end + 1..start {
        if directive_lines.contains(&n) {
            continue;
        }
        let line = lines.get(n as usize - 1)?.trim();
        let Some(comment) = line.strip_prefix('#') else {
            continue;
        };
        let comment = comment.trim();
        if comment.is_empty() {
            comments.clear();
        } else {
            comments.push(comment);
        }
    }
    let value = comments.into_iter().find_map(|c| {
        let (key, value) = c.split_once('=')?;
        key.trim().eq_ignore_ascii_case("check").then_some(value)
    })?;
    CheckConfig::parse(value.trim().split(' ').next().unwrap_or("")).ok()
}

/// The keyword as written (the first word of the instruction's text).
fn written_keyword(ins: &Instruction) -> &str {
    ins.original.split_whitespace().next().unwrap_or("")
}

fn instruction_casing(df: &Dockerfile, push: &mut impl FnMut(Rule, String, Span)) {
    let (mut lower, mut upper) = (0usize, 0usize);
    for ins in &df.instructions {
        let k = written_keyword(ins);
        if k == k.to_ascii_lowercase() {
            lower += 1;
        } else if k == k.to_ascii_uppercase() {
            upper += 1;
        }
    }
    let majority_lower = lower > upper;
    for ins in &df.instructions {
        let k = written_keyword(ins);
        let wanted = if majority_lower {
            (k != k.to_ascii_lowercase()).then_some("lowercase")
        } else {
            (k != k.to_ascii_uppercase()).then_some("uppercase")
        };
        if let Some(wanted) = wanted {
            push(
                Rule::ConsistentInstructionCasing,
                format!("Command '{k}' should match the case of the command majority ({wanted})"),
                ins.span,
            );
        }
    }
}

/// Build arguments every Dockerfile may use in FROM without declaring them.
const BUILTIN_ARGS: [&str; 11] = [
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDOSVERSION",
    "BUILDARCH",
    "BUILDVARIANT",
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETOSVERSION",
    "TARGETARCH",
    "TARGETVARIANT",
    "TARGETSTAGE",
];

/// Looks every variable up as unset, so expansion lists all referenced names.
struct NothingSet;

impl VarLookup for NothingSet {
    fn lookup(&self, _: &str) -> Option<&str> {
        None
    }
}

/// Variable names a word references (none when it does not expand cleanly).
fn referenced_vars(word: &str, escape: char) -> BTreeSet<String> {
    expand_word(
        word,
        &NothingSet,
        ExpandOptions {
            escape,
            ..Default::default()
        },
    )
    .map(|e| e.unmatched)
    .unwrap_or_default()
}

/// `MY_API_KEY`-style names: a `_`-separated part is a secret word and none
/// is an allowed word (`PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_VERSION` name no secret).
fn looks_secret(name: &str) -> bool {
    const SECRET: [&str; 10] = [
        "apikey",
        "auth",
        "credential",
        "credentials",
        "key",
        "password",
        "pword",
        "passwd",
        "secret",
        "token",
    ];
    let parts: Vec<String> = name.split('_').map(str::to_ascii_lowercase).collect();
    const ALLOWED: [&str; 3] = ["public", "file", "version"];
    parts.iter().any(|p| SECRET.contains(&p.as_str()))
        && !parts.iter().any(|p| ALLOWED.contains(&p.as_str()))
}

/// Whether an ENV/LABEL used the legacy `KEY value` form: the written text
/// after the keyword starts with the key followed by a blank, not `=`.
fn legacy_key_value(ins: &Instruction, first_key: &str) -> bool {
    let rest = ins
        .original
        .trim_start()
        .split_once(char::is_whitespace)
        .map(|(_, r)| r.trim_start())
        .unwrap_or("");
    rest.strip_prefix(first_key)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_whitespace)
}

#[derive(Default, Clone)]
struct StageFacts {
    shell_set: bool,
    workdir_set: bool,
    /// The stage's last CMD, ENTRYPOINT and HEALTHCHECK so far (not inherited).
    last_once: [Option<Span>; 3],
}

fn stages(df: &Dockerfile, push: &mut impl FnMut(Rule, String, Span)) {
    let mut global_args: BTreeSet<String> = BUILTIN_ARGS.iter().map(|s| s.to_string()).collect();
    let mut seen_from = false;
    let mut names: Vec<(String, StageFacts)> = Vec::new();
    let mut current = StageFacts::default();
    let mut have_stage = false;
    let finish = |names: &mut Vec<(String, StageFacts)>, current: &StageFacts, have: bool| {
        if have && let Some(last) = names.last_mut() {
            last.1 = current.clone();
        }
    };
    for ins in &df.instructions {
        let once = match &ins.command {
            Command::Cmd(_) => Some(0),
            Command::Entrypoint(_) => Some(1),
            Command::Healthcheck(_) => Some(2),
            _ => None,
        };
        if let Some(slot) = once {
            if let Some(earlier) = current.last_once[slot] {
                let kw = ins.command.keyword();
                push(
                    Rule::MultipleInstructionsDisallowed,
                    format!(
                        "Multiple {kw} instructions should not be used in the same stage because only the last one will be used"
                    ),
                    earlier,
                );
            }
            current.last_once[slot] = Some(ins.span);
        }
        match &ins.command {
            Command::From(from) => {
                finish(&mut names, &current, have_stage);
                seen_from = true;
                have_stage = true;
                let mut undefined: BTreeSet<String> = BTreeSet::new();
                undefined.extend(referenced_vars(&from.image.value, df.escape));
                if let Some(p) = &from.platform {
                    let vars = referenced_vars(&p.value, df.escape);
                    platform_flag(
                        &p.value,
                        &vars,
                        from.stage_name.as_ref().map(|n| n.value.as_str()),
                        ins.span,
                        push,
                    );
                    undefined.extend(vars);
                }
                for name in undefined.difference(&global_args) {
                    let mut message = format!("FROM argument '{name}' is not declared");
                    if let Some(s) = suggest(name, global_args.iter().map(String::as_str)) {
                        message.push_str(&format!(" (did you mean {s}?)"));
                    }
                    push(
                        Rule::UndefinedArgInFrom,
                        message,
                        from.image.span.to(ins.span),
                    );
                }
                // Stage facts carry over from a parent stage of this Dockerfile.
                let parent = names
                    .iter()
                    .rev()
                    .find(|(n, _)| n.eq_ignore_ascii_case(&from.image.value))
                    .map(|(_, f)| f.clone());
                current = parent.unwrap_or_default();
                current.last_once = [None; 3];
                let words: Vec<&str> = ins
                    .original
                    .split_whitespace()
                    .filter(|w| !w.starts_with("--"))
                    .collect();
                let from_kw = words.first().copied().unwrap_or("FROM");
                let stage_name = match &from.stage_name {
                    Some(n) => n,
                    None => {
                        names.push((String::new(), current.clone()));
                        continue;
                    }
                };
                let (as_kw, written_name) = match words.as_slice() {
                    [_, _, a, n, ..] => (*a, *n),
                    _ => ("AS", stage_name.value.as_str()),
                };
                let from_upper = from_kw == from_kw.to_ascii_uppercase();
                let as_upper = as_kw == as_kw.to_ascii_uppercase();
                let from_lower = from_kw == from_kw.to_ascii_lowercase();
                let as_lower = as_kw == as_kw.to_ascii_lowercase();
                if (from_upper && !as_upper) || (from_lower && !as_lower) {
                    push(
                        Rule::FromAsCasing,
                        format!("'{as_kw}' and '{from_kw}' keywords' casing do not match"),
                        ins.span,
                    );
                }
                if written_name != written_name.to_ascii_lowercase() {
                    push(
                        Rule::StageNameCasing,
                        format!("Stage name '{written_name}' should be lowercase"),
                        stage_name.span,
                    );
                }
                let name = stage_name.value.to_ascii_lowercase();
                if name == "scratch" || name == "context" {
                    push(
                        Rule::ReservedStageName,
                        format!(
                            "Stage name should not use the same name as reserved stage {name:?}"
                        ),
                        stage_name.span,
                    );
                }
                if names.iter().any(|(n, _)| *n == name) {
                    push(
                        Rule::DuplicateStageName,
                        format!("Duplicate stage name {name:?}, stage names should be unique"),
                        stage_name.span,
                    );
                }
                names.push((name, current.clone()));
            }
            Command::Arg(decls) => {
                for d in decls {
                    if !seen_from {
                        global_args.insert(d.name.clone());
                    }
                    if looks_secret(&d.name) {
                        push(
                            Rule::SecretsUsedInArgOrEnv,
                            format!(
                                "Do not use ARG or ENV instructions for sensitive data (ARG {:?})",
                                d.name
                            ),
                            ins.span,
                        );
                    }
                }
            }
            Command::Env(pairs) => {
                if let Some(first) = pairs.first()
                    && pairs.len() == 1
                    && legacy_key_value(ins, &first.key)
                {
                    push(
                        Rule::LegacyKeyValueFormat,
                        "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format".into(),
                        ins.span,
                    );
                }
                for p in pairs {
                    if looks_secret(&p.key) {
                        push(
                            Rule::SecretsUsedInArgOrEnv,
                            format!(
                                "Do not use ARG or ENV instructions for sensitive data (ENV {:?})",
                                p.key
                            ),
                            ins.span,
                        );
                    }
                }
            }
            Command::Label(pairs) => {
                if let Some(first) = pairs.first()
                    && pairs.len() == 1
                    && legacy_key_value(ins, &first.key)
                {
                    push(
                        Rule::LegacyKeyValueFormat,
                        "\"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format"
                            .into(),
                        ins.span,
                    );
                }
            }
            Command::Maintainer(_) => push(
                Rule::MaintainerDeprecated,
                "Maintainer instruction is deprecated in favor of using label".into(),
                ins.span,
            ),
            Command::Shell(_) => current.shell_set = true,
            Command::Expose(ports) => {
                for port in ports {
                    if let Some((_, proto)) = port.split_once('/')
                        && proto != proto.to_ascii_lowercase()
                    {
                        push(
                            Rule::ExposeProtoCasing,
                            format!(
                                "Defined protocol '{port}' in EXPOSE instruction should be lowercase"
                            ),
                            ins.span,
                        );
                    }
                    if port.contains(':') {
                        push(
                            Rule::ExposeInvalidFormat,
                            format!(
                                "EXPOSE instruction should not define an IP address or host-port mapping, found '{port}'"
                            ),
                            ins.span,
                        );
                    }
                }
            }
            Command::Cmd(CommandLine::Shell(_)) | Command::Entrypoint(CommandLine::Shell(_))
                if !current.shell_set =>
            {
                let kw = ins.command.keyword();
                push(
                    Rule::JsonArgsRecommended,
                    format!(
                        "JSON arguments recommended for {kw} to prevent unintended behavior related to OS signals"
                    ),
                    ins.span,
                );
            }
            Command::Workdir(path) => {
                let absolute = path.starts_with('/') || path.starts_with('$');
                if !current.workdir_set && !absolute {
                    push(
                        Rule::WorkdirRelativePath,
                        format!(
                            "Relative workdir {path:?} can have unexpected results if the base image changes"
                        ),
                        ins.span,
                    );
                }
                current.workdir_set = true;
            }
            _ => {}
        }
    }
}

/// `FROM --platform=…` that adds nothing (`$TARGETPLATFORM`, the default) or
/// pins a constant platform in a stage whose name does not say so (the
/// stage then builds for that platform whatever the build asks for).
fn platform_flag(
    value: &str,
    vars: &BTreeSet<String>,
    stage_name: Option<&str>,
    span: Span,
    push: &mut impl FnMut(Rule, String, Span),
) {
    if matches!(value, "$TARGETPLATFORM" | "${TARGETPLATFORM}") {
        push(
            Rule::RedundantTargetPlatform,
            format!(
                "Setting platform to predefined {value} in FROM is redundant as this is the default behavior"
            ),
            span,
        );
        return;
    }
    if !vars.is_empty() || value.contains('$') {
        return;
    }
    // Only a parseable os/arch[/variant] counts; anything else fails later.
    let parts: Vec<&str> = value.split('/').collect();
    let (os, arch) = match parts.as_slice() {
        [os, arch] | [os, arch, _] if !os.is_empty() && !arch.is_empty() => (*os, *arch),
        _ => return,
    };
    let name = stage_name.unwrap_or("");
    if name.contains(os) || name.contains(arch) {
        return;
    }
    push(
        Rule::FromPlatformFlagConstDisallowed,
        format!("FROM --platform flag should not use constant value {value:?}"),
        span,
    );
}

/// The global ARGs' defaults (each expanded with the ones before it; an ARG
/// without a default is unset).
struct Defaults(Vec<(String, String)>);

impl VarLookup for Defaults {
    fn lookup(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// FROM operands that, with no build-args given, expand to an empty or
/// invalid image name (`FROM busybox:$VERSION` with `ARG VERSION` unset).
/// Operands using the platform ARGs are left alone: their values depend on
/// the build, not on defaults.
fn default_base_names(df: &Dockerfile, push: &mut impl FnMut(Rule, String, Span)) {
    let opts = ExpandOptions {
        escape: df.escape,
        ..Default::default()
    };
    let mut defaults = Defaults(Vec::new());
    let mut seen_from = false;
    for ins in &df.instructions {
        match &ins.command {
            Command::Arg(decls) if !seen_from => {
                for d in decls {
                    let Some(v) = &d.default else { continue };
                    let Ok(e) = expand_word(v, &defaults, opts) else {
                        return;
                    };
                    defaults.0.push((d.name.clone(), e.value));
                }
            }
            Command::From(from) => {
                seen_from = true;
                let Ok(e) = expand_word(&from.image.value, &defaults, opts) else {
                    return;
                };
                if e.matched.is_empty() && e.unmatched.is_empty() {
                    continue;
                }
                if e.unmatched
                    .iter()
                    .any(|n| BUILTIN_ARGS.contains(&n.as_str()))
                {
                    continue;
                }
                if e.value.is_empty() || crate::plan::reference::ImageRef::parse(&e.value).is_err()
                {
                    push(
                        Rule::InvalidDefaultArgInFrom,
                        format!(
                            "Default value for ARG {} results in empty or invalid base image name",
                            from.image.value
                        ),
                        ins.span,
                    );
                }
            }
            _ => {}
        }
    }
}

/// Instructions continued over a blank line (`RUN a \` + empty line + `b`):
/// one finding per instruction, at its last line before any heredoc body.
fn empty_continuations(df: &Dockerfile, text: &str, push: &mut impl FnMut(Rule, String, Span)) {
    let lines: Vec<&str> = text.lines().collect();
    for ins in &df.instructions {
        let heredoc_start = match &ins.command {
            Command::Run(r) => r.heredocs.first().map(|h| h.span.start.line),
            Command::Copy(c) => c.spec.heredocs.first().map(|h| h.span.start.line),
            Command::Add(a) => a.spec.heredocs.first().map(|h| h.span.start.line),
            _ => None,
        };
        let last = heredoc_start.unwrap_or(ins.span.end.line);
        let first = ins.span.start.line;
        let blank = (first + 1..last).any(|n| {
            lines
                .get(n as usize - 1)
                .is_some_and(|l| l.trim_start().is_empty())
        });
        if blank {
            push(
                Rule::NoEmptyContinuation,
                "Empty continuation line".into(),
                Span::new(Position::new(last, 1), Position::new(last, 1)),
            );
        }
    }
}

#[cfg(test)]
mod tests;
