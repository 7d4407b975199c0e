//! Parser directives (`# syntax=…`, `# escape=…`, `# check=…`).
//!
//! Upstream accepts directives only while every line so far has been one:
//! the first line that is not `# name=value` with a known name (a blank
//! line, an instruction, any other comment, even an unknown `# foo=bar`)
//! ends the directive block for good. Names are case-insensitive and may
//! appear once each.

use crate::dockerfile::ast::Directive;
use crate::dockerfile::error::SyntaxError;
use crate::dockerfile::span::{Position, Span};

/// The directive names upstream recognises.
pub(super) const KNOWN: [&str; 3] = ["syntax", "escape", "check"];

/// Tracks whether directives are still allowed and which were seen.
#[derive(Debug, Default)]
pub(super) struct DirectiveScanner {
    done: bool,
    pub directives: Vec<Directive>,
}

/// RE2's `\s`.
fn is_re2_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// Match `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` against `s`.
fn name_and_value(s: &str) -> Option<(&str, &str)> {
    let name_len = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
        .map_or(s.len(), |(i, _)| i);
    if name_len == 0 {
        return None;
    }
    let (name, rest) = s.split_at(name_len);
    let after_eq = rest.trim_start_matches(is_re2_space).strip_prefix('=')?;
    if after_eq.contains('\n') {
        return None;
    }
    let value = after_eq.trim_matches(is_re2_space);
    if !value.is_empty() {
        return Some((name, value));
    }
    // A value of blanks only: the lazy `.+?` still takes the last one.
    let last = after_eq.char_indices().last()?.0;
    Some((name, &after_eq[last..]))
}

impl DirectiveScanner {
    /// Offer one line (newline removed, leading blanks removed). `column` is
    /// the 1-based column of its first character. Returns the directive it
    /// was, if any.
    pub(super) fn offer(
        &mut self,
        line: &str,
        line_no: u32,
        column: u32,
    ) -> Result<Option<&Directive>, SyntaxError> {
        if self.done {
            return Ok(None);
        }
        let Some(body) = line.strip_prefix('#') else {
            self.done = true;
            return Ok(None);
        };
        let body = body.trim_start();
        let Some((name, value)) = name_and_value(body) else {
            self.done = true;
            return Ok(None);
        };
        let name = name.to_ascii_lowercase();
        if !KNOWN.contains(&name.as_str()) {
            self.done = true;
            return Ok(None);
        }
        let span = Span::new(
            Position::new(line_no, column),
            Position::new(
                line_no,
                column.saturating_add(u32::try_from(line.chars().count()).unwrap_or(u32::MAX)),
            ),
        );
        if self.directives.iter().any(|d| d.name == name) {
            return Err(SyntaxError::new(
                span,
                format!("only one {name} parser directive can be used"),
            )
            .found(line));
        }
        if name == "escape" && value != "\\" && value != "`" {
            return Err(SyntaxError::new(
                span,
                format!("invalid escape token '{value}' does not match ` or \\"),
            )
            .found(value)
            .expected("` or \\"));
        }
        self.directives.push(Directive {
            name,
            value: value.to_string(),
            span,
        });
        Ok(self.directives.last())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_directive_regex() {
        assert_eq!(
            name_and_value("syntax=docker/dockerfile:1"),
            Some(("syntax", "docker/dockerfile:1"))
        );
        assert_eq!(name_and_value("escape = ` "), Some(("escape", "`")));
        assert_eq!(
            name_and_value("check=skip=all"),
            Some(("check", "skip=all"))
        );
        assert_eq!(name_and_value("escape= "), Some(("escape", " ")));
        assert_eq!(name_and_value("escape="), None);
        assert_eq!(name_and_value("1x=y"), None);
        assert_eq!(name_and_value("strata: x"), None);
    }

    #[test]
    fn stops_at_first_non_directive() {
        let mut s = DirectiveScanner::default();
        assert!(s.offer("# syntax=a", 1, 1).unwrap().is_some());
        assert!(s.offer("# foo=bar", 2, 1).unwrap().is_none());
        assert!(s.offer("# escape=`", 3, 1).unwrap().is_none());
        assert_eq!(s.directives.len(), 1);
    }

    #[test]
    fn duplicate_and_bad_escape() {
        let mut s = DirectiveScanner::default();
        s.offer("# ESCAPE=`", 1, 1).unwrap();
        let e = s.offer("# escape=\\", 2, 1).unwrap_err();
        assert_eq!(e.message, "only one escape parser directive can be used");
        assert_eq!(e.span.start, Position::new(2, 1));
        let mut s = DirectiveScanner::default();
        let e = s.offer("# escape=x", 1, 3).unwrap_err();
        assert_eq!(e.message, "invalid escape token 'x' does not match ` or \\");
        assert_eq!(e.span, Span::new(Position::new(1, 3), Position::new(1, 13)));
    }
}
