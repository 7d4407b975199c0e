//! Rendering errors for humans: file:line:col, the offending line with a
//! caret under the problem, and what was expected.

use crate::dockerfile::{Span, SyntaxError};
use crate::frontend::ConvertError;
use crate::plan::PlanError;

/// A user-facing error with an optional source location.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub message: String,
    pub file: Option<String>,
    pub span: Option<Span>,
    pub found: Option<String>,
    pub expected: Option<String>,
}

impl Diagnostic {
    pub fn plain(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            file: None,
            span: None,
            found: None,
            expected: None,
        }
    }

    pub fn from_syntax(e: &SyntaxError, file: &str) -> Self {
        Diagnostic {
            message: e.message.clone(),
            file: Some(file.into()),
            span: Some(e.span),
            found: e.found.clone(),
            expected: e.expected.clone(),
        }
    }

    pub fn from_plan(e: &PlanError, file: &str) -> Self {
        match e {
            PlanError::Invalid {
                span,
                message,
                found,
                expected,
            } => Diagnostic {
                message: message.clone(),
                file: Some(file.into()),
                span: *span,
                found: found.clone(),
                expected: expected.clone(),
            },
            PlanError::NeedImages(reqs) => Diagnostic::plain(format!(
                "base image configs were not available: {}",
                reqs.iter()
                    .map(|(r, _)| r.reference.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    pub fn from_convert(e: &ConvertError, file: &str) -> Self {
        match e {
            ConvertError::Syntax(s) => Diagnostic::from_syntax(s, file),
            ConvertError::Plan(p) => Diagnostic::from_plan(p, file),
        }
    }

    /// Render with the source text the span points into.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = format!("error: {}\n", self.message);
        if let (Some(file), Some(span)) = (&self.file, self.span) {
            out.push_str(&format!(
                " --> {file}:{}:{}\n",
                span.start.line, span.start.column
            ));
            let line_text =
                source.and_then(|s| s.lines().nth((span.start.line as usize).saturating_sub(1)));
            if let Some(text) = line_text {
                let num = span.start.line.to_string();
                let pad = " ".repeat(num.len());
                out.push_str(&format!("{pad} |\n{num} | {text}\n"));
                let col = (span.start.column as usize).saturating_sub(1);
                let width =
                    if span.end.line == span.start.line && span.end.column > span.start.column {
                        (span.end.column - span.start.column) as usize
                    } else {
                        text.chars().count().saturating_sub(col).max(1)
                    };
                let lead: String = text
                    .chars()
                    .take(col)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!("{pad} | {lead}{}\n", "^".repeat(width.max(1))));
            }
        } else if let Some(file) = &self.file {
            out.push_str(&format!(" --> {file}\n"));
        }
        if let Some(found) = &self.found {
            out.push_str(&format!("  found: {found}\n"));
        }
        if let Some(expected) = &self.expected {
            out.push_str(&format!("  expected: {expected}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::Position;

    #[test]
    fn renders_location_line_and_caret() {
        let e = SyntaxError::new(
            Span::new(Position::new(2, 1), Position::new(2, 5)),
            "unknown instruction: FORM",
        )
        .found("FORM")
        .expected("FROM");
        let text = Diagnostic::from_syntax(&e, "Dockerfile").render(Some("# x\nFORM debian\n"));
        assert!(text.contains(" --> Dockerfile:2:1"), "{text}");
        assert!(text.contains("2 | FORM debian"), "{text}");
        assert!(text.contains("  | ^^^^\n"), "{text}");
        assert!(text.contains("expected: FROM"), "{text}");
    }
}
