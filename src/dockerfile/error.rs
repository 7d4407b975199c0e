//! Errors found in Dockerfile text, each tied to a location.

use super::span::Span;

/// A problem in the Dockerfile's text: where, what was found, what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    pub span: Span,
    /// What went wrong, e.g. "unknown instruction".
    pub message: String,
    /// The offending text, when there is some.
    pub found: Option<String>,
    /// What would have been accepted, e.g. "one of FROM, RUN, COPY, …".
    pub expected: Option<String>,
}

impl SyntaxError {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        SyntaxError {
            span,
            message: message.into(),
            found: None,
            expected: None,
        }
    }

    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }
}
