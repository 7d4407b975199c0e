//! The Dockerfile syntax tree.
//!
//! Values here are exactly as written (after line continuations are joined and
//! comments inside continuations dropped) but *before* variable expansion:
//! expansion needs the ARG/ENV scope at each instruction, which only the
//! planner knows.

use serde::Serialize;

use super::span::Span;

/// A whole parsed Dockerfile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dockerfile {
    /// Parser directives from the top of the file, in order. Like upstream,
    /// only `syntax`, `escape` and `check` are directives; any other line
    /// (even an unknown `# key=value`) ends the directive block.
    pub directives: Vec<Directive>,
    /// The escape character in effect (`\` unless `# escape=` said otherwise).
    pub escape: char,
    pub instructions: Vec<Instruction>,
}

impl Dockerfile {
    /// The value of a parser directive, matched case-insensitively.
    pub fn directive(&self, name: &str) -> Option<&Directive> {
        self.directives
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// Lower-cased directive name.
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// One instruction with its location.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instruction {
    pub command: Command,
    /// From the keyword to the end of the last continuation line / heredoc.
    pub span: Span,
    /// The instruction's text as written (continuations joined, trimmed), used
    /// for history `created_by` and progress names. Heredocs follow as
    /// `"\n" + body + name` each (upstream's ONBUILD format), so the first
    /// line alone is upstream's instruction `code`.
    pub original: String,
}

/// A `--name=value` flag as written; `value` is `None` for a bare `--name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub name: String,
    pub value: Option<String>,
    pub span: Span,
}

/// A here-document attached to RUN, COPY or ADD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heredoc {
    /// The delimiter word (also the file name for COPY/ADD heredocs).
    pub name: String,
    /// Body text, each line ending in `\n`; for `<<-` leading tabs are already removed.
    pub content: String,
    /// False when the delimiter was quoted (`<<"EOF"` / `<<'EOF'`): no expansion.
    pub expand: bool,
    /// True for `<<-EOF`.
    pub strip_tabs: bool,
    /// From the `<<NAME` word to the end of the terminator line.
    pub span: Span,
}

/// A command line in shell form (one string, run through SHELL) or exec form
/// (a JSON array, run as-is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CommandLine {
    Shell(String),
    Exec(Vec<String>),
}

/// A key/value pair from ENV or LABEL (`k=v` or the legacy `k v` form).
/// Keys and values keep their quotes and escapes (`"a b"`); expansion removes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
    pub span: Span,
}

/// One ARG declaration (`ARG name` or `ARG name=default`); the default keeps
/// its quotes and escapes until expansion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArgDecl {
    pub name: String,
    pub default: Option<String>,
    pub span: Span,
}

/// A flag value together with the span of its flag, for error reporting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Command {
    From(From),
    Run(Run),
    Copy(Copy),
    Add(Add),
    Env(Vec<KeyValue>),
    Arg(Vec<ArgDecl>),
    Label(Vec<KeyValue>),
    Workdir(String),
    User(String),
    Expose(Vec<String>),
    Volume(Vec<String>),
    Cmd(CommandLine),
    Entrypoint(CommandLine),
    Shell(Vec<String>),
    Healthcheck(Healthcheck),
    StopSignal(String),
    /// The trigger instruction, parsed (it must not be FROM, ONBUILD or MAINTAINER),
    /// plus its text as it will be stored in the image config.
    OnBuild {
        trigger: Box<Instruction>,
        expression: String,
    },
    Maintainer(String),
}

impl Command {
    /// The upper-case keyword, as BuildKit names instructions in errors and history.
    pub fn keyword(&self) -> &'static str {
        match self {
            Command::From(_) => "FROM",
            Command::Run(_) => "RUN",
            Command::Copy(_) => "COPY",
            Command::Add(_) => "ADD",
            Command::Env(_) => "ENV",
            Command::Arg(_) => "ARG",
            Command::Label(_) => "LABEL",
            Command::Workdir(_) => "WORKDIR",
            Command::User(_) => "USER",
            Command::Expose(_) => "EXPOSE",
            Command::Volume(_) => "VOLUME",
            Command::Cmd(_) => "CMD",
            Command::Entrypoint(_) => "ENTRYPOINT",
            Command::Shell(_) => "SHELL",
            Command::Healthcheck(_) => "HEALTHCHECK",
            Command::StopSignal(_) => "STOPSIGNAL",
            Command::OnBuild { .. } => "ONBUILD",
            Command::Maintainer(_) => "MAINTAINER",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct From {
    /// Image reference, `scratch`, or an earlier stage name (unexpanded).
    pub image: Spanned<String>,
    /// `AS name`, lower-cased like upstream.
    pub stage_name: Option<Spanned<String>>,
    pub platform: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    pub command: CommandLine,
    pub heredocs: Vec<Heredoc>,
    /// Raw `--mount` values; parse with [`super::mount::parse_mount`] after expansion.
    pub mounts: Vec<Spanned<String>>,
    /// `--network=default|none|host`.
    pub network: Option<Spanned<String>>,
    /// `--security=sandbox|insecure`.
    pub security: Option<Spanned<String>>,
    /// `--device=...` (labs; kept so it can be reported rather than silently ignored).
    pub devices: Vec<Spanned<String>>,
}

/// Flags and operands shared by COPY and ADD.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopySpec {
    /// Source operands (may be empty when heredocs supply the sources).
    pub sources: Vec<Spanned<String>>,
    pub dest: Spanned<String>,
    pub heredocs: Vec<Heredoc>,
    pub chown: Option<Spanned<String>>,
    pub chmod: Option<Spanned<String>>,
    pub link: bool,
    pub exclude: Vec<Spanned<String>>,
    pub parents: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Copy {
    pub spec: CopySpec,
    /// `--from=stage|index|image`.
    pub from: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Add {
    pub spec: CopySpec,
    pub checksum: Option<Spanned<String>>,
    /// `--keep-git-dir[=bool]`.
    pub keep_git_dir: bool,
    /// `--unpack[=bool]`; `None` means the default (unpack local archives only).
    pub unpack: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(clippy::large_enum_variant)]
pub enum Healthcheck {
    /// `HEALTHCHECK NONE`
    Disable,
    Check {
        /// `CMD` in shell form is stored as `CMD-SHELL`, exec form as `CMD`.
        command: CommandLine,
        interval: Option<Spanned<String>>,
        timeout: Option<Spanned<String>>,
        start_period: Option<Spanned<String>>,
        start_interval: Option<Spanned<String>>,
        retries: Option<Spanned<String>>,
    },
}
