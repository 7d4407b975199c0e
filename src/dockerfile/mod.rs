//! Dockerfile text: parser with source spans, word expansion, `--mount`
//! specs and `.dockerignore` patterns. Pure functions, no I/O.

pub mod ast;
pub mod dockerignore;
pub mod error;
pub mod expand;
pub mod lint;
pub mod mount;
pub mod parser;
pub mod span;

pub use ast::Dockerfile;
pub use error::SyntaxError;
pub use parser::parse;
pub use span::{Position, Span};
