//! Dockerfile text → syntax tree.

use super::ast::Dockerfile;
use super::error::SyntaxError;

/// Parse a whole Dockerfile.
pub fn parse(_text: &str) -> Result<Dockerfile, SyntaxError> {
    todo!("dockerfile::parser::parse")
}
