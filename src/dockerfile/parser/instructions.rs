//! One logical line → one typed [`Command`], with upstream's per-instruction
//! argument rules (upstream `parser/line_parsers.go` for the word rules and
//! `instructions/parse.go` for arity, flags and validation).

use super::duration::parse_go_duration;
use super::flags::{self, FlagKind, FlagSpecs};
use super::heredoc::heredoc_word;
use super::source::Segment;
use super::words::{Words, extract_flags, parse_words, split_fields, split_first};
use crate::dockerfile::ast::{
    Add, ArgDecl, Command, CommandLine, Copy, CopySpec, Flag, From, Healthcheck, Instruction,
    KeyValue, Run, Spanned,
};
use crate::dockerfile::error::SyntaxError;

/// Every instruction keyword, as upstream lists them in errors.
pub(super) const KEYWORDS: [&str; 18] = [
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

const NO_FLAGS: FlagSpecs = &[];
const FROM_FLAGS: FlagSpecs = &[("platform", FlagKind::String)];
const RUN_FLAGS: FlagSpecs = &[
    ("mount", FlagKind::Strings),
    ("network", FlagKind::String),
    ("security", FlagKind::String),
    ("device", FlagKind::Strings),
];
const COPY_FLAGS: FlagSpecs = &[
    ("chown", FlagKind::String),
    ("from", FlagKind::String),
    ("chmod", FlagKind::String),
    ("link", FlagKind::Bool),
    ("exclude", FlagKind::Strings),
    ("parents", FlagKind::Bool),
];
const ADD_FLAGS: FlagSpecs = &[
    ("chown", FlagKind::String),
    ("chmod", FlagKind::String),
    ("link", FlagKind::Bool),
    ("keep-git-dir", FlagKind::Bool),
    ("checksum", FlagKind::String),
    ("unpack", FlagKind::Bool),
    ("exclude", FlagKind::Strings),
];
const HEALTHCHECK_FLAGS: FlagSpecs = &[
    ("interval", FlagKind::String),
    ("timeout", FlagKind::String),
    ("start-period", FlagKind::String),
    ("start-interval", FlagKind::String),
    ("retries", FlagKind::String),
];

/// A parsed instruction line before heredoc bodies are attached.
#[derive(Debug)]
pub(super) struct ParsedLine {
    pub command: Command,
    /// RUN/COPY/ADD (possibly behind ONBUILD) in shell form: upstream looks
    /// for heredocs in these only.
    pub heredoc_capable: bool,
}

/// Whether the JSON form applied.
enum Json {
    /// Not a JSON array of strings: use the shell / whitespace form.
    No,
    Array(Vec<String>),
}

/// Upstream `parseJSON`: text starting with `[` that decodes as a JSON array.
/// An array holding anything but strings is an error; text that is not valid
/// JSON falls back to shell form.
fn parse_json(rest: Segment<'_>) -> Result<Json, SyntaxError> {
    let text = rest.text().trim_start();
    if !text.starts_with('[') {
        return Ok(Json::No);
    }
    let Ok(values) = serde_json::from_str::<Vec<serde_json::Value>>(text) else {
        return Ok(Json::No);
    };
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        match v {
            serde_json::Value::String(s) => out.push(s),
            _ => {
                return Err(SyntaxError::new(
                    rest.span(),
                    "when using JSON array syntax, arrays must be comprised of strings only",
                )
                .expected("a JSON array of strings"));
            }
        }
    }
    Ok(Json::Array(out))
}

/// RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK CMD argument (upstream `parseMaybeJSON`).
fn command_line(rest: Segment<'_>) -> Result<CommandLine, SyntaxError> {
    Ok(match parse_json(rest)? {
        Json::Array(v) => CommandLine::Exec(v),
        Json::No => CommandLine::Shell(rest.text().to_string()),
    })
}

/// COPY/ADD/VOLUME arguments (upstream `parseMaybeJSONToList`): `(args, is_json)`.
fn arg_list(rest: Segment<'_>) -> Result<(Vec<Spanned<String>>, bool), SyntaxError> {
    Ok(match parse_json(rest)? {
        Json::Array(v) => (
            v.into_iter()
                .map(|value| Spanned {
                    value,
                    span: rest.span(),
                })
                .collect(),
            true,
        ),
        Json::No => (fields(rest), false),
    })
}

fn fields(rest: Segment<'_>) -> Vec<Spanned<String>> {
    split_fields(rest.text())
        .into_iter()
        .map(|(a, b)| {
            let s = rest.sub(a, b);
            Spanned {
                value: s.text().to_string(),
                span: s.span(),
            }
        })
        .collect()
}

fn at_least_one(keyword: &str, whole: Segment<'_>) -> SyntaxError {
    SyntaxError::new(
        whole.span(),
        format!("{keyword} requires at least one argument"),
    )
}

fn exactly_one(keyword: &str, whole: Segment<'_>) -> SyntaxError {
    SyntaxError::new(
        whole.span(),
        format!("{keyword} requires exactly one argument"),
    )
}

fn open_quote_error(words: &Words, rest: Segment<'_>) -> Result<(), SyntaxError> {
    if let Some((q, at)) = words.open_quote {
        let kind = if q == '"' {
            "double-quote"
        } else {
            "single-quote"
        };
        return Err(SyntaxError::new(
            rest.span_of(at, rest.len()),
            format!("unexpected end of statement while looking for matching {kind}"),
        )
        .found(rest.from(at).text())
        .expected(format!("a closing {q}")));
    }
    Ok(())
}

/// Turn the flag words of a line into [`Flag`]s.
fn to_flags(words: Vec<super::words::Word>, seg: Segment<'_>) -> Vec<Flag> {
    words
        .into_iter()
        .map(|w| {
            let body = w.text.strip_prefix("--").unwrap_or(&w.text);
            let (name, value) = match body.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (body.to_string(), None),
            };
            Flag {
                name,
                value,
                span: seg.span_of(w.start, w.end),
            }
        })
        .collect()
}

/// Parse one instruction line (already joined, comments dropped).
pub(super) fn parse_line(line: Segment<'_>, escape: char) -> Result<ParsedLine, SyntaxError> {
    let whole = line.trim();
    let (kw_end, tail) = split_first(whole.text());
    let kw = whole.sub(0, kw_end);
    let (flag_list, rest) = match tail {
        Some(t) => {
            let after = whole.from(t);
            let (words, at) = extract_flags(after.text(), escape);
            (to_flags(words, after), after.from(at).trim())
        }
        None => (Vec::new(), whole.from(whole.len())),
    };
    let keyword = kw.text().to_ascii_uppercase();
    let check = |specs: FlagSpecs| flags::check(&keyword, &flag_list, specs);
    let simple = |command: Command| {
        Ok(ParsedLine {
            command,
            heredoc_capable: false,
        })
    };

    match keyword.as_str() {
        "FROM" => {
            let args = fields(rest);
            let stage_name = match args.as_slice() {
                [_, as_kw, name] if as_kw.value.eq_ignore_ascii_case("as") => {
                    let lower = name.value.to_lowercase();
                    if !valid_stage_name(&lower) {
                        return Err(SyntaxError::new(
                            name.span,
                            format!(
                                "invalid name for build stage: {:?}, name can't start with a number or contain symbols",
                                name.value
                            ),
                        )
                        .found(name.value.clone())
                        .expected("a name matching [a-z][a-z0-9-_.]*"));
                    }
                    Some(Spanned {
                        value: lower,
                        span: name.span,
                    })
                }
                [_] => None,
                _ => {
                    let span = if args.is_empty() {
                        whole.span()
                    } else {
                        rest.span()
                    };
                    return Err(SyntaxError::new(
                        span,
                        "FROM requires either one or three arguments",
                    )
                    .expected("FROM [--platform=<platform>] <image> [AS <name>]"));
                }
            };
            let f = check(FROM_FLAGS)?;
            let image = args.into_iter().next().unwrap_or_else(|| Spanned {
                value: String::new(),
                span: rest.span(),
            });
            simple(Command::From(From {
                image,
                stage_name,
                platform: f.string("platform"),
            }))
        }
        "RUN" => {
            let f = check(RUN_FLAGS)?;
            let network = f.string("network");
            if let Some(n) = &network
                && !matches!(n.value.as_str(), "default" | "none" | "host")
            {
                return Err(SyntaxError::new(
                    n.span,
                    format!("invalid network mode {:?}", n.value),
                )
                .found(n.value.clone())
                .expected("one of default, none, host"));
            }
            let security = f.string("security");
            if let Some(s) = &security
                && !matches!(s.value.as_str(), "sandbox" | "insecure")
            {
                return Err(SyntaxError::new(
                    s.span,
                    format!("security {:?} is not valid", s.value),
                )
                .found(s.value.clone())
                .expected("one of sandbox, insecure"));
            }
            let command = command_line(rest)?;
            let heredoc_capable = matches!(command, CommandLine::Shell(_));
            Ok(ParsedLine {
                command: Command::Run(Run {
                    command,
                    heredocs: Vec::new(),
                    mounts: f.strings("mount"),
                    network,
                    security,
                    devices: f.strings("device"),
                }),
                heredoc_capable,
            })
        }
        "COPY" | "ADD" => {
            let (args, is_json) = arg_list(rest)?;
            if args.len() < 2 {
                return Err(SyntaxError::new(
                    whole.span(),
                    format!(
                        "{keyword} requires at least two arguments, but only one was provided. Destination could not be determined"
                    ),
                )
                .expected(format!("{keyword} [flags] <src>... <dest>")));
            }
            let f = check(if keyword == "COPY" {
                COPY_FLAGS
            } else {
                ADD_FLAGS
            })?;
            let mut args = args;
            let dest = args.pop().unwrap_or_else(|| Spanned {
                value: String::new(),
                span: rest.span(),
            });
            if !is_json && heredoc_word(&dest.value).is_some() {
                return Err(SyntaxError::new(
                    dest.span,
                    format!("{keyword} cannot accept a heredoc as a destination"),
                )
                .found(dest.value.clone()));
            }
            let sources = args
                .into_iter()
                .filter(|a| is_json || heredoc_word(&a.value).is_none())
                .collect();
            let spec = CopySpec {
                sources,
                dest,
                heredocs: Vec::new(),
                chown: f.string("chown"),
                chmod: f.string("chmod"),
                link: f.bool("link").unwrap_or(false),
                exclude: f.strings("exclude"),
                parents: f.bool("parents").unwrap_or(false),
            };
            let command = if keyword == "COPY" {
                Command::Copy(Copy {
                    spec,
                    from: f.string("from"),
                })
            } else {
                Command::Add(Add {
                    spec,
                    checksum: f.string("checksum"),
                    keep_git_dir: f.bool("keep-git-dir").unwrap_or(false),
                    unpack: f.bool("unpack"),
                })
            };
            Ok(ParsedLine {
                command,
                heredoc_capable: !is_json,
            })
        }
        "ENV" | "LABEL" => {
            let pairs = name_values(&keyword, rest, escape, whole)?;
            check(NO_FLAGS)?;
            simple(if keyword == "ENV" {
                Command::Env(pairs)
            } else {
                Command::Label(pairs)
            })
        }
        "ARG" => {
            // Upstream never validates ARG's flags; they are ignored.
            let words = parse_words(rest.text(), escape);
            open_quote_error(&words, rest)?;
            if words.words.is_empty() {
                return Err(at_least_one("ARG", whole));
            }
            let mut decls = Vec::new();
            for w in words.words {
                let span = rest.span_of(w.start, w.end);
                let (name, default) = match w.text.split_once('=') {
                    Some((k, v)) => (k.to_string(), Some(v.to_string())),
                    None => (w.text, None),
                };
                if name.is_empty() {
                    return Err(SyntaxError::new(span, "ARG names can not be blank")
                        .expected("ARG <name>[=<default>]"));
                }
                decls.push(ArgDecl {
                    name,
                    default,
                    span,
                });
            }
            simple(Command::Arg(decls))
        }
        "WORKDIR" | "USER" | "MAINTAINER" | "STOPSIGNAL" => {
            if rest.text().is_empty() {
                return Err(exactly_one(&keyword, whole));
            }
            // Upstream never validates STOPSIGNAL's flags; they are ignored.
            if keyword != "STOPSIGNAL" {
                check(NO_FLAGS)?;
            }
            let value = rest.text().to_string();
            simple(match keyword.as_str() {
                "WORKDIR" => Command::Workdir(value),
                "USER" => Command::User(value),
                "MAINTAINER" => Command::Maintainer(value),
                _ => Command::StopSignal(value),
            })
        }
        "EXPOSE" => {
            let ports = fields(rest);
            if ports.is_empty() {
                return Err(at_least_one("EXPOSE", whole));
            }
            check(NO_FLAGS)?;
            simple(Command::Expose(
                ports.into_iter().map(|p| p.value).collect(),
            ))
        }
        "VOLUME" => {
            let (args, _) = arg_list(rest)?;
            if args.is_empty() {
                return Err(at_least_one("VOLUME", whole));
            }
            check(NO_FLAGS)?;
            let mut volumes = Vec::new();
            for a in args {
                let v = a.value.trim();
                if v.is_empty() {
                    return Err(SyntaxError::new(
                        a.span,
                        "VOLUME specified can not be an empty string",
                    ));
                }
                volumes.push(v.to_string());
            }
            simple(Command::Volume(volumes))
        }
        "CMD" | "ENTRYPOINT" => {
            let cl = command_line(rest)?;
            check(NO_FLAGS)?;
            simple(if keyword == "CMD" {
                Command::Cmd(cl)
            } else {
                Command::Entrypoint(cl)
            })
        }
        "SHELL" => {
            let cl = command_line(rest)?;
            check(NO_FLAGS)?;
            match cl {
                CommandLine::Exec(v) if !v.is_empty() => simple(Command::Shell(v)),
                CommandLine::Exec(_) => Err(at_least_one("SHELL", whole)),
                CommandLine::Shell(s) if s.is_empty() => Err(at_least_one("SHELL", whole)),
                CommandLine::Shell(_) => Err(SyntaxError::new(
                    rest.span(),
                    "SHELL requires the arguments to be in JSON form",
                )
                .expected("a JSON array, e.g. [\"/bin/sh\", \"-c\"]")),
            }
        }
        "HEALTHCHECK" => healthcheck(rest, whole, check),
        "ONBUILD" => {
            if rest.text().is_empty() {
                return Err(at_least_one("ONBUILD", whole));
            }
            check(NO_FLAGS)?;
            let (t_end, _) = split_first(rest.text());
            let trigger_kw = rest.sub(0, t_end);
            let upper = trigger_kw.text().to_ascii_uppercase();
            match upper.as_str() {
                "ONBUILD" => {
                    return Err(SyntaxError::new(
                        trigger_kw.span(),
                        "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                    )
                    .found(trigger_kw.text()));
                }
                "MAINTAINER" | "FROM" => {
                    return Err(SyntaxError::new(
                        trigger_kw.span(),
                        format!("{upper} isn't allowed as an ONBUILD trigger"),
                    )
                    .found(trigger_kw.text()));
                }
                _ => {}
            }
            let inner = parse_line(rest, escape)?;
            let expression = rest.text().to_string();
            let trigger = Instruction {
                command: inner.command,
                span: rest.span(),
                original: expression.clone(),
            };
            Ok(ParsedLine {
                command: Command::OnBuild {
                    trigger: Box::new(trigger),
                    expression,
                },
                heredoc_capable: inner.heredoc_capable,
            })
        }
        _ => {
            let mut message = format!("unknown instruction: {}", kw.text());
            let lower = kw.text().to_ascii_lowercase();
            let options: Vec<String> = KEYWORDS.iter().map(|k| k.to_ascii_lowercase()).collect();
            if let Some(s) = flags::suggest(&lower, options.iter().map(String::as_str)) {
                let s = if kw.text() == lower {
                    s.to_string()
                } else {
                    s.to_ascii_uppercase()
                };
                message.push_str(&format!(" (did you mean {s}?)"));
            }
            Err(SyntaxError::new(kw.span(), message)
                .found(kw.text())
                .expected(format!("one of {}", KEYWORDS.join(", "))))
        }
    }
}

/// `^[a-z][a-z0-9-_.]*$`
fn valid_stage_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

/// ENV/LABEL pairs (upstream `parseNameVal` + `parseKvps`): `k=v…`, or the
/// legacy `k v` when the first word has no `=`. Values keep their quotes.
fn name_values(
    keyword: &str,
    rest: Segment<'_>,
    escape: char,
    whole: Segment<'_>,
) -> Result<Vec<KeyValue>, SyntaxError> {
    let words = parse_words(rest.text(), escape);
    open_quote_error(&words, rest)?;
    let Some(first) = words.words.first() else {
        return Err(at_least_one(keyword, whole));
    };
    if !first.text.contains('=') {
        let (head, tail) = split_first(rest.text());
        let Some(tail) = tail else {
            return Err(SyntaxError::new(
                whole.span(),
                format!("{keyword} must have two arguments"),
            )
            .expected(format!("{keyword} <key>=<value> ...")));
        };
        return Ok(vec![KeyValue {
            key: rest.sub(0, head).text().to_string(),
            value: rest.from(tail).text().to_string(),
            span: rest.span(),
        }]);
    }
    let mut out = Vec::new();
    for w in &words.words {
        let span = rest.span_of(w.start, w.end);
        let Some((k, v)) = w.text.split_once('=') else {
            return Err(SyntaxError::new(
                span,
                format!(
                    "Syntax error - can't find = in {:?}. Must be of the form: name=value",
                    w.text
                ),
            )
            .found(w.text.clone())
            .expected("name=value"));
        };
        if k.is_empty() {
            return Err(
                SyntaxError::new(span, format!("{keyword} names can not be blank"))
                    .found(w.text.clone()),
            );
        }
        out.push(KeyValue {
            key: k.to_string(),
            value: v.to_string(),
            span,
        });
    }
    Ok(out)
}

/// HEALTHCHECK NONE | HEALTHCHECK [flags] CMD command (upstream `parseHealthConfig` + `parseHealthcheck`).
fn healthcheck(
    rest: Segment<'_>,
    whole: Segment<'_>,
    check: impl Fn(FlagSpecs) -> Result<flags::FlagValues, SyntaxError>,
) -> Result<ParsedLine, SyntaxError> {
    let text = rest.text();
    let sep = text.find(char::is_whitespace).unwrap_or(text.len());
    if sep == 0 {
        return Err(at_least_one("HEALTHCHECK", whole));
    }
    let typ_seg = rest.sub(0, sep);
    let after = rest.from(sep);
    let cmd_seg = after.from(after.text().len() - after.text().trim_start().len());
    let typ = typ_seg.text().to_ascii_uppercase();
    let cl = command_line(cmd_seg)?;
    if typ == "NONE" {
        // Upstream ignores flags on HEALTHCHECK NONE.
        if !cmd_seg.text().is_empty() {
            return Err(SyntaxError::new(
                cmd_seg.span(),
                "HEALTHCHECK NONE takes no arguments",
            ));
        }
        return Ok(ParsedLine {
            command: Command::Healthcheck(Healthcheck::Disable),
            heredoc_capable: false,
        });
    }
    let f = check(HEALTHCHECK_FLAGS)?;
    if typ != "CMD" {
        return Err(SyntaxError::new(
            typ_seg.span(),
            format!("Unknown type {:?} in HEALTHCHECK (try CMD)", typ),
        )
        .found(typ_seg.text())
        .expected("CMD or NONE"));
    }
    let empty = match &cl {
        CommandLine::Exec(v) => v.is_empty(),
        CommandLine::Shell(s) => s.is_empty(),
    };
    if empty {
        return Err(SyntaxError::new(
            whole.span(),
            "Missing command after HEALTHCHECK CMD",
        ));
    }
    let durations = ["interval", "timeout", "start-period", "start-interval"];
    for name in durations {
        if let Some(v) = f.string(name) {
            if v.value.is_empty() {
                continue;
            }
            let d = parse_go_duration(&v.value)
                .map_err(|m| SyntaxError::new(v.span, m).found(v.value.clone()))?;
            if d != 0 && d < 1_000_000 {
                return Err(SyntaxError::new(
                    v.span,
                    format!("Interval {name:?} cannot be less than 1ms"),
                )
                .found(v.value.clone()));
            }
        }
    }
    let retries = f.string("retries");
    if let Some(r) = &retries
        && !r.value.is_empty()
    {
        let n: i64 = r.value.parse().map_err(|_| {
            SyntaxError::new(
                r.span,
                format!("strconv.ParseInt: parsing {:?}: invalid syntax", r.value),
            )
            .found(r.value.clone())
        })?;
        if i32::try_from(n).is_err() {
            return Err(SyntaxError::new(
                r.span,
                format!(
                    "strconv.ParseInt: parsing {:?}: value out of range",
                    r.value
                ),
            ));
        }
        if n < 0 {
            return Err(SyntaxError::new(
                r.span,
                format!("--retries cannot be negative ({n})"),
            ));
        }
    }
    Ok(ParsedLine {
        command: Command::Healthcheck(Healthcheck::Check {
            command: cl,
            interval: f.string("interval"),
            timeout: f.string("timeout"),
            start_period: f.string("start-period"),
            start_interval: f.string("start-interval"),
            retries,
        }),
        heredoc_capable: false,
    })
}
