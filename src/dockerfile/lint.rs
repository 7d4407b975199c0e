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
}

impl Rule {
    pub const ALL: [Rule; 15] = [
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
    ];

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
        }
    }

    /// What the rule is about, in one sentence (the warning's detail).
    pub fn description(self) -> &'static str {
        match self {
            Rule::MaintainerDeprecated => {
                "MAINTAINER is deprecated: set the image author with a label (org.opencontainers.image.authors)"
            }
            Rule::JsonArgsRecommended => {
                "Use the JSON (exec) form for CMD and ENTRYPOINT so the process receives OS signals directly"
            }
            Rule::FromAsCasing => "The AS keyword should be cased like the FROM keyword",
            Rule::StageNameCasing => "Stage names should be lowercase",
            Rule::ConsistentInstructionCasing => {
                "Instructions should all be cased the same way (all upper or all lower case)"
            }
            Rule::DuplicateStageName => "Stage names should be unique",
            Rule::ReservedStageName => {
                "Stage names should not be reserved words (scratch, context)"
            }
            Rule::UndefinedArgInFrom => "FROM should only use ARGs declared before the first stage",
            Rule::WorkdirRelativePath => {
                "A relative WORKDIR with no absolute WORKDIR before it depends on the base image's working directory"
            }
            Rule::LegacyKeyValueFormat => {
                "Use the key=value form; the whitespace-separated legacy form is ambiguous"
            }
            Rule::SecretsUsedInArgOrEnv => {
                "Sensitive values should not be passed with ARG or ENV: they stay in the image metadata; use a secret mount"
            }
            Rule::NoEmptyContinuation => {
                "Empty lines inside a continued instruction will become errors in a future release"
            }
            Rule::MultipleInstructionsDisallowed => {
                "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect"
            }
            Rule::ExposeProtoCasing => "The protocol in EXPOSE should be lowercase",
            Rule::ExposeInvalidFormat => {
                "EXPOSE takes a container port and protocol, not an IP address or a host-port mapping"
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
}

impl CheckConfig {
    /// Parse a `check` value: up to three `;`-separated `key=value` parts
    /// with keys `skip`, `error` and `experimental` (accepted; strata has no
    /// experimental checks).
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
                "experimental" => {}
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

    pub fn enabled(&self, rule: Rule) -> bool {
        !self.skip_all && !self.skip.contains(rule.name())
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
    instruction_casing(df, &mut push);
    stages(df, &mut push);
    out.sort_by_key(|l| (l.span.start, l.rule));
    out
}

/// The keyword as written (the first word of the instruction's text).
fn written_keyword(ins: &Instruction) -> &str {
    ins.original.split_whitespace().next().unwrap_or("")
}

fn self_consistent(s: &str) -> bool {
    s == s.to_ascii_lowercase() || s == s.to_ascii_uppercase()
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
            let why = if self_consistent(k) {
                "like most instructions in this file"
            } else {
                "not mixed case"
            };
            push(
                Rule::ConsistentInstructionCasing,
                format!("instruction '{k}' should be {wanted}, {why}"),
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

/// `MY_API_KEY`-style names: a `_`-separated part is a secret word and none is `public`.
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
    parts.iter().any(|p| SECRET.contains(&p.as_str())) && !parts.iter().any(|p| p == "public")
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
                        "this {kw} is overridden by the {kw} on line {} of the same stage",
                        ins.span.start.line
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
                    undefined.extend(referenced_vars(&p.value, df.escape));
                }
                for name in undefined.difference(&global_args) {
                    push(
                        Rule::UndefinedArgInFrom,
                        format!("FROM uses ${name}, which no ARG before the first FROM declares"),
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
                        format!("'{as_kw}' is not cased like '{from_kw}'"),
                        ins.span,
                    );
                }
                if written_name != written_name.to_ascii_lowercase() {
                    push(
                        Rule::StageNameCasing,
                        format!("stage name '{written_name}' should be lowercase"),
                        stage_name.span,
                    );
                }
                let name = stage_name.value.to_ascii_lowercase();
                if name == "scratch" || name == "context" {
                    push(
                        Rule::ReservedStageName,
                        format!(
                            "stage name '{name}' is reserved: it means something else in FROM and --from"
                        ),
                        stage_name.span,
                    );
                }
                if names.iter().any(|(n, _)| *n == name) {
                    push(
                        Rule::DuplicateStageName,
                        format!("stage name '{name}' is used by an earlier stage"),
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
                            format!("ARG {:?} looks like it carries sensitive data", d.name),
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
                        "use \"ENV key=value\" instead of the legacy \"ENV key value\"".into(),
                        ins.span,
                    );
                }
                for p in pairs {
                    if looks_secret(&p.key) {
                        push(
                            Rule::SecretsUsedInArgOrEnv,
                            format!("ENV {:?} looks like it carries sensitive data", p.key),
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
                        "use \"LABEL key=value\" instead of the legacy \"LABEL key value\"".into(),
                        ins.span,
                    );
                }
            }
            Command::Maintainer(_) => push(
                Rule::MaintainerDeprecated,
                "MAINTAINER is deprecated, use LABEL org.opencontainers.image.authors=... instead"
                    .into(),
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
                            format!("protocol of EXPOSE {port} should be lowercase"),
                            ins.span,
                        );
                    }
                    if port.contains(':') {
                        push(
                            Rule::ExposeInvalidFormat,
                            format!(
                                "EXPOSE {port} names an IP address or host port; EXPOSE only takes PORT[/PROTOCOL]"
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
                        "{kw} in shell form runs under /bin/sh, which does not pass on OS signals; use {kw} [\"executable\", \"arg\", ...]"
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
                            "relative WORKDIR {path:?} depends on the base image's working directory"
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
                format!(
                    "empty continuation line in {} (remove the blank line or end the instruction)",
                    ins.command.keyword()
                ),
                Span::new(Position::new(last, 1), Position::new(last, 1)),
            );
        }
    }
}

#[cfg(test)]
mod tests;
