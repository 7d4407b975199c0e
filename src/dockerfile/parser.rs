//! Dockerfile text → syntax tree, following BuildKit's `docker/dockerfile:1`
//! parser (`frontend/dockerfile/parser` + `frontend/dockerfile/instructions`).
//!
//! The work is split by job:
//! - [`directives`]: `# syntax=` / `# escape=` / `# check=` at the top;
//! - this file: physical lines → logical lines (escape-char continuations,
//!   comment and blank lines inside continuations dropped, CRLF, BOM) and
//!   heredoc bodies;
//! - [`words`]: the different word-splitting rules upstream uses;
//! - [`heredoc`]: which words are heredoc markers;
//! - [`instructions`]: per-instruction arguments, arity and validation;
//! - [`flags`]: `--flag` validation; [`duration`]: Go durations for HEALTHCHECK.
//!
//! Everything is pure and total: any input gives a tree or a [`SyntaxError`].

mod directives;
mod duration;
mod flags;
mod heredoc;
mod instructions;
mod source;
mod words;

pub use duration::parse_go_duration;
pub use flags::suggest;

use super::ast::{Command, Dockerfile, Heredoc, Instruction};
use super::error::SyntaxError;
use super::span::{Position, Span};
use directives::DirectiveScanner;
use source::{LogicalLine, Segment};

/// Parse a whole Dockerfile.
pub fn parse(text: &str) -> Result<Dockerfile, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = PhysicalLines {
        lines: text.split_inclusive('\n').collect(),
        next: 0,
    };
    let mut scanner = DirectiveScanner::default();
    let mut escape = '\\';
    let mut instructions = Vec::new();

    while let Some((raw, line_no)) = lines.next() {
        let content = trim_newline(raw);
        let trimmed = content.trim_start();
        let column = column_after(content, trimmed);
        if let Some(d) = scanner.offer(trimmed, line_no, column)?
            && d.name == "escape"
        {
            escape = d.value.chars().next().unwrap_or('\\');
        }
        if is_comment(trimmed) || trimmed.is_empty() {
            continue;
        }
        let mut logical = LogicalLine::new();
        let (kept, mut more) = continuation(trimmed, escape);
        logical.push(kept, line_no, column);
        while more {
            let Some((raw, line_no)) = lines.next() else {
                break;
            };
            let content = trim_newline(raw);
            if is_comment(content) || content.trim_start().is_empty() {
                continue;
            }
            let (kept, m) = continuation(content, escape);
            logical.push(kept, line_no, 1);
            more = m;
        }
        instructions.push(instruction(&logical, escape, &mut lines)?);
    }

    if instructions.is_empty() {
        let line = u32::try_from(lines.lines.len().max(1)).unwrap_or(u32::MAX);
        return Err(
            SyntaxError::new(Span::point(line, 1), "file with no instructions")
                .expected("at least one instruction, e.g. FROM <image>"),
        );
    }
    Ok(Dockerfile {
        directives: scanner.directives,
        escape,
        instructions,
    })
}

/// The `# syntax=` directive alone, read from the directive block at the
/// top as [`parse`] reads it, without parsing the rest: the file may be
/// for another frontend, which may accept what this parser does not.
pub fn syntax_directive(text: &str) -> Option<super::ast::Directive> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut scanner = DirectiveScanner::default();
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let content = trim_newline(raw);
        let trimmed = content.trim_start();
        let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let column = column_after(content, trimmed);
        match scanner.offer(trimmed, line_no, column) {
            Ok(Some(_)) => {}
            _ => break,
        }
    }
    scanner.directives.into_iter().find(|d| d.name == "syntax")
}

/// The physical lines of the file, each with its line ending, and a cursor.
struct PhysicalLines<'a> {
    lines: Vec<&'a str>,
    next: usize,
}

impl<'a> PhysicalLines<'a> {
    /// The next line and its 1-based number.
    fn next(&mut self) -> Option<(&'a str, u32)> {
        let line = self.lines.get(self.next).copied()?;
        self.next += 1;
        Some((line, u32::try_from(self.next).unwrap_or(u32::MAX)))
    }
}

/// Build one instruction from its logical line, reading heredoc bodies from
/// the lines that follow when the instruction can have them.
fn instruction(
    logical: &LogicalLine,
    escape: char,
    lines: &mut PhysicalLines<'_>,
) -> Result<Instruction, SyntaxError> {
    let whole = Segment::whole(logical).trim();
    let parsed = instructions::parse_line(whole, escape)?;
    let mut command = parsed.command;
    let mut span = whole.span();
    let mut original = whole.text().to_string();

    if parsed.heredoc_capable && whole.text().contains("<<") {
        let mut docs = Vec::new();
        let mut suffix = String::new();
        for (word, at) in heredoc::heredocs_in_line(whole.text()) {
            let start = whole.span_of(at.start, at.end);
            let mut body = String::new();
            let mut end = None;
            while let Some((raw, line_no)) = lines.next() {
                let candidate = trim_newline(raw);
                let candidate = if word.strip_tabs {
                    candidate.trim_start_matches('\t')
                } else {
                    candidate
                };
                if candidate == word.name {
                    let width =
                        u32::try_from(trim_newline(raw).chars().count()).unwrap_or(u32::MAX);
                    end = Some(Position::new(line_no, width.saturating_add(1)));
                    break;
                }
                body.push_str(raw);
            }
            let Some(end) = end else {
                return Err(SyntaxError::new(start, "unterminated heredoc")
                    .found(at.text)
                    .expected(format!(
                        "a line containing only {:?} to end the heredoc",
                        word.name
                    )));
            };
            suffix.push('\n');
            suffix.push_str(&body);
            suffix.push_str(&word.name);
            span.end = end;
            let content = if word.strip_tabs {
                heredoc::strip_leading_tabs(&body)
            } else {
                body
            };
            docs.push(Heredoc {
                name: word.name,
                content,
                expand: word.expand,
                strip_tabs: word.strip_tabs,
                span: Span::new(start.start, end),
            });
        }
        original.push_str(&suffix);
        attach_heredocs(&mut command, docs, &suffix, span.end);
    }
    Ok(Instruction {
        command,
        span,
        original,
    })
}

/// Put heredocs where the instruction keeps them (through ONBUILD too).
fn attach_heredocs(command: &mut Command, docs: Vec<Heredoc>, suffix: &str, end: Position) {
    match command {
        Command::Run(run) => run.heredocs = docs,
        Command::Copy(copy) => copy.spec.heredocs = docs,
        Command::Add(add) => add.spec.heredocs = docs,
        Command::OnBuild {
            trigger,
            expression,
        } => {
            expression.push_str(suffix);
            trigger.original.push_str(suffix);
            trigger.span.end = end;
            attach_heredocs(&mut trigger.command, docs, suffix, end);
        }
        _ => {}
    }
}

/// Strip the line ending (any run of trailing `\r`/`\n`, like upstream).
fn trim_newline(raw: &str) -> &str {
    raw.trim_end_matches(['\r', '\n'])
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// 1-based column where `suffix` (a suffix of `line`) starts.
fn column_after(line: &str, suffix: &str) -> u32 {
    let skipped = line.len().saturating_sub(suffix.len());
    let chars = line.get(..skipped).map_or(0, |s| s.chars().count());
    u32::try_from(chars).unwrap_or(u32::MAX).saturating_add(1)
}

/// Whether `line` ends in a line-continuation escape (optionally followed by
/// blanks) that is not itself escaped; returns the text to keep.
fn continuation(line: &str, escape: char) -> (&str, bool) {
    let t = line.trim_end_matches([' ', '\t']);
    match t.strip_suffix(escape) {
        Some(before) if before.is_empty() || !before.ends_with(escape) => (before, true),
        _ => (line, false),
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod testdata_tests;
