//! `.dockerignore` files with Docker's own pattern semantics.

/// One cleaned pattern line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnorePattern {
    /// The cleaned pattern text, without the leading `!`, as upstream sends it.
    pub pattern: String,
    /// `!pattern`: re-include.
    pub negated: bool,
}

/// Parse the text of a `.dockerignore` file into cleaned patterns.
pub fn parse(_text: &str) -> Vec<IgnorePattern> {
    todo!("dockerfile::dockerignore::parse")
}

/// Decides whether a context-relative path is excluded.
#[derive(Debug, Clone)]
pub struct Matcher {}

impl Matcher {
    pub fn new(_patterns: &[IgnorePattern]) -> Result<Matcher, String> {
        todo!("dockerfile::dockerignore::Matcher::new")
    }

    /// `path` is slash-separated and relative to the context root.
    pub fn is_excluded(&self, _path: &str) -> bool {
        todo!("dockerfile::dockerignore::Matcher::is_excluded")
    }
}
