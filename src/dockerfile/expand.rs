//! Word expansion with BuildKit's shell-lexer semantics (`$v`, `${v:-w}`, …,
//! quote removal, escapes).

use std::collections::BTreeSet;

/// Where variable values come from.
pub trait VarLookup {
    fn lookup(&self, name: &str) -> Option<&str>;
}

impl<F: Fn(&str) -> Option<&'static str>> VarLookup for F {
    fn lookup(&self, name: &str) -> Option<&str> {
        self(name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpandOptions {
    /// The Dockerfile's escape character.
    pub escape: char,
    /// Keep quote characters in the output (heredoc bodies).
    pub raw_quotes: bool,
    /// Keep escape characters in the output (heredoc bodies).
    pub raw_escapes: bool,
}

impl Default for ExpandOptions {
    fn default() -> Self {
        ExpandOptions { escape: '\\', raw_quotes: false, raw_escapes: false }
    }
}

/// The result of expanding one word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expanded {
    pub value: String,
    /// Names of variables that were referenced and set.
    pub matched: BTreeSet<String>,
    /// Names referenced but unset.
    pub unmatched: BTreeSet<String>,
}

/// Why expansion failed; `column` is the 0-based char offset into the word.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ExpandError {
    pub column: usize,
    pub message: String,
}

/// Expand a word into one string (quotes removed, variables substituted).
pub fn expand_word(_word: &str, _vars: &dyn VarLookup, _opts: ExpandOptions) -> Result<Expanded, ExpandError> {
    todo!("dockerfile::expand::expand_word")
}

/// Expand and split into words on unquoted whitespace (as for EXPOSE, VOLUME in shell form…).
pub fn expand_words(_word: &str, _vars: &dyn VarLookup, _opts: ExpandOptions) -> Result<Vec<String>, ExpandError> {
    todo!("dockerfile::expand::expand_words")
}
