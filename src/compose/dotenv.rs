//! The `.env` file (and `--env-file`): `KEY=VALUE` lines for interpolation.
//!
//! As Compose reads them: blank lines and `#` comments are skipped, an
//! `export ` prefix is allowed, single-quoted values are taken literally,
//! double-quoted values understand `\n`, `\t`, `\\` and `\"`, unquoted values
//! end at ` #` (an inline comment) and are trimmed. Unquoted and
//! double-quoted values are interpolated with the variables known so far,
//! single-quoted ones are not.

use std::collections::BTreeMap;

use super::interpolate::Interpolator;

/// A line the parser could not read (1-based line number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DotenvError {
    pub line: usize,
    pub message: String,
}

/// Parse `text`. `known` holds the variables that win over the file (the
/// process environment) and serve for interpolation inside it; the result
/// holds only the file's own entries.
pub fn parse(
    text: &str,
    known: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, DotenvError> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let body = trimmed
            .strip_prefix("export ")
            .unwrap_or(trimmed)
            .trim_start();
        let Some((key, value)) = body.split_once('=') else {
            return Err(DotenvError {
                line,
                message: format!("expected KEY=VALUE, got {:?}", key_only(body)),
            });
        };
        let key = key.trim();
        let valid = key
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
            && key
                .chars()
                .all(|c| c == '_' || c == '.' || c == '-' || c.is_ascii_alphanumeric());
        if !valid {
            return Err(DotenvError {
                line,
                message: format!("{key:?} is not a variable name"),
            });
        }
        let value = value.trim_start();
        let (text, interpolate) = if let Some(rest) = value.strip_prefix('\'') {
            let Some(end) = rest.find('\'') else {
                return Err(unclosed(line, key));
            };
            (rest[..end].to_string(), false)
        } else if let Some(rest) = value.strip_prefix('"') {
            let mut s = String::new();
            let mut chars = rest.chars();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some('r') => s.push('\r'),
                        Some(o) => s.push(o),
                        None => s.push('\\'),
                    },
                    o => s.push(o),
                }
            }
            if !closed {
                return Err(unclosed(line, key));
            }
            (s, true)
        } else {
            let end = value.find(" #").unwrap_or(value.len());
            (value[..end].trim_end().to_string(), true)
        };
        let value = if interpolate {
            let mut vars = out.clone();
            vars.extend(known.iter().map(|(k, v)| (k.clone(), v.clone())));
            Interpolator::new(&vars)
                .apply(&text)
                .map_err(|e| DotenvError {
                    line,
                    message: format!("{key}: {e}"),
                })?
        } else {
            text
        };
        out.insert(key.to_string(), value);
    }
    Ok(out)
}

/// The start of a line without `=`, for the error (never the whole line:
/// a mistyped line may hold a secret value).
fn key_only(body: &str) -> String {
    body.split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .take(40)
        .collect()
}

fn unclosed(line: usize, key: &str) -> DotenvError {
    DotenvError {
        line,
        message: format!("{key}: the quoted value has no closing quote"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_compose_reads() {
        let known: BTreeMap<String, String> = [("HOME".to_string(), "/h".to_string())].into();
        let text = "# comment\n\nA=1\nexport B = two words # note\nC='lit $HOME'\nD=\"q\\n$HOME\"\nE=${A}-x\nF=\n";
        let env = parse(text, &known).unwrap();
        assert_eq!(env["A"], "1");
        assert_eq!(env["B"], "two words");
        assert_eq!(env["C"], "lit $HOME");
        assert_eq!(env["D"], "q\n/h");
        assert_eq!(env["E"], "1-x");
        assert_eq!(env["F"], "");
        assert!(!env.contains_key("HOME"));
    }

    #[test]
    fn bad_lines_name_the_line() {
        let e = parse("A=1\nnot a pair\n", &BTreeMap::new()).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("KEY=VALUE"), "{e}");
        assert_eq!(parse("X=\"open\n", &BTreeMap::new()).unwrap_err().line, 1);
        assert_eq!(parse("1X=a\n", &BTreeMap::new()).unwrap_err().line, 1);
    }
}
