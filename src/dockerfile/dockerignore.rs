//! `.dockerignore` files with Docker's own pattern semantics.
//!
//! Parsing follows `moby/patternmatcher/ignorefile.ReadAll`, matching follows
//! `PatternMatcher.MatchesOrParentMatches`:
//!
//! - A UTF-8 BOM on the first line is dropped. Lines that *start* with `#` are
//!   comments (a `#` after leading spaces is part of a pattern, as upstream).
//! - Each line is trimmed; empty lines are skipped; a leading `!` (spaces after
//!   it are trimmed too) re-includes.
//! - The pattern is cleaned like Go's `filepath.Clean` (`a//b` → `a/b`,
//!   `./a` → `a`, `a/../b` → `b`, trailing `/` dropped) and a leading `/` is
//!   removed: every pattern is anchored at the context root.
//! - `*` matches any run of characters except `/`, `?` one character except
//!   `/`, `[...]` a character class (`[^...]` negated, `a-z` ranges, `\`
//!   escapes), `\x` the character `x`. `**` matches any number of directories:
//!   `**/foo` matches `foo` at any depth, `foo/**` everything below `foo`.
//! - The last pattern that matches decides. A pattern that matches a directory
//!   excludes everything below it; a `!` pattern re-includes a path even inside
//!   an excluded directory.
//!
//! Known differences from upstream, which compiles patterns to Go regexps:
//! `\d`, `\w`, … are plain escaped letters here (upstream passes them to the
//! regexp, where they are classes), `^` outside a class is a literal (upstream:
//! an anchor), `*`/`?` inside a class are literals, and POSIX classes such as
//! `[[:alpha:]]` are not recognised. A reversed range (`[z-a]`) is rejected by
//! [`Matcher::new`] instead of failing at match time.

/// Name of the context-wide ignore file, at the root of the build context.
pub const DEFAULT_NAME: &str = ".dockerignore";

/// One cleaned pattern line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnorePattern {
    /// The cleaned pattern text, without the leading `!`, as upstream sends it.
    pub pattern: String,
    /// `!pattern`: re-include.
    pub negated: bool,
}

/// Name of the Dockerfile-specific ignore file: `<dockerfile_path>.dockerignore`
/// (`Dockerfile.dev` → `Dockerfile.dev.dockerignore`, `ci/Dockerfile` →
/// `ci/Dockerfile.dockerignore`), read from the same place as the Dockerfile.
///
/// When that file exists it is used *instead of* the context's
/// [`DEFAULT_NAME`] (`.dockerignore`); the two are never merged. The caller
/// does the I/O: try this name first, then fall back to `.dockerignore`.
pub fn for_dockerfile(dockerfile_path: &str) -> String {
    format!("{dockerfile_path}{DEFAULT_NAME}")
}

/// Parse the text of a `.dockerignore` file into cleaned patterns.
pub fn parse(text: &str) -> Vec<IgnorePattern> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() {
                return None;
            }
            let (negated, rest) = match line.strip_prefix('!') {
                Some(rest) => (true, rest.trim_start()),
                None => (false, line),
            };
            Some(IgnorePattern {
                pattern: normalize(rest),
                negated,
            })
        })
        .collect()
}

/// The patterns as BuildKit's local source carries them
/// (`local.excludepatterns`): cleaned, with `!` in front of re-includes.
pub fn to_exclude_patterns(patterns: &[IgnorePattern]) -> Vec<String> {
    patterns
        .iter()
        .map(|p| {
            if p.negated {
                format!("!{}", p.pattern)
            } else {
                p.pattern.clone()
            }
        })
        .collect()
}

/// Clean a pattern and drop a leading `/` (an empty pattern stays empty).
fn normalize(pattern: &str) -> String {
    if pattern.is_empty() {
        return String::new();
    }
    let cleaned = clean(pattern);
    match cleaned.strip_prefix('/') {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => cleaned,
    }
}

/// Go's `path.Clean` (one for the crate: [`crate::paths::clean`]).
pub(crate) use crate::paths::clean;

/// Decides whether a context-relative path is excluded.
#[derive(Debug, Clone)]
pub struct Matcher {
    patterns: Vec<CompiledPattern>,
}

#[derive(Debug, Clone)]
struct CompiledPattern {
    negated: bool,
    kind: MatchKind,
}

/// Upstream's match types: plain strings are compared directly, everything
/// else goes through the glob automaton.
#[derive(Debug, Clone)]
enum MatchKind {
    Exact(String),
    /// `foo/**`: anything starting with the text before `**`.
    Prefix(String),
    /// `**` followed by plain text: anything ending with that text, or equal to
    /// it without its leading `/`.
    Suffix(String),
    Glob(Vec<Token>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(char),
    /// `?`
    AnyButSlash,
    /// `*`
    StarButSlash,
    /// `**` at the end: anything.
    StarAll,
    /// `**` or `**/` elsewhere: empty, or anything ending in `/`.
    Dirs,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

impl Token {
    /// Whether the token can match the empty string.
    fn nullable(&self) -> bool {
        matches!(self, Token::StarButSlash | Token::StarAll | Token::Dirs)
    }
}

impl Matcher {
    /// Compiles the patterns; fails on malformed ones (`!` alone, an
    /// unterminated or empty `[...]`, a trailing `\`), as upstream does.
    ///
    /// Like BuildKit, which only ever sees [`to_exclude_patterns`], this
    /// works on the pattern *strings*: each is trimmed and cleaned again and a
    /// leading `!` then means "re-include". So the line `/!x` (cleaned to
    /// `!x`) is a re-include and `!/` (cleaned to `!`) is an error, exactly as
    /// in upstream's `PatternMatcher`.
    pub fn new(patterns: &[IgnorePattern]) -> Result<Matcher, String> {
        let mut compiled = Vec::with_capacity(patterns.len());
        for line in to_exclude_patterns(patterns) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let cleaned = clean(line);
            let (negated, text) = match cleaned.strip_prefix('!') {
                Some("") => return Err("illegal exclusion pattern: \"!\"".to_owned()),
                Some(rest) => (true, rest),
                None => (false, cleaned.as_str()),
            };
            let kind = compile(text).map_err(|e| format!("invalid pattern {text:?}: {e}"))?;
            compiled.push(CompiledPattern { negated, kind });
        }
        Ok(Matcher { patterns: compiled })
    }

    /// `path` is slash-separated and relative to the context root.
    pub fn is_excluded(&self, path: &str) -> bool {
        let cleaned = clean(path);
        let file = cleaned.trim_start_matches('/');
        if file.is_empty() || file == "." {
            // Never exclude the context root itself.
            return false;
        }
        let mut excluded = false;
        for pattern in &self.patterns {
            // Re-includes only matter once excluded, excludes only while included.
            if pattern.negated != excluded {
                continue;
            }
            let hit = pattern.kind.matches(file)
                || file
                    .match_indices('/')
                    .any(|(i, _)| pattern.kind.matches(&file[..i]));
            if hit {
                excluded = !pattern.negated;
            }
        }
        excluded
    }
}

/// Compiles one cleaned pattern, deciding its match kind like upstream.
fn compile(pattern: &str) -> Result<MatchKind, String> {
    #[derive(PartialEq)]
    enum Kind {
        Exact,
        Prefix,
        Suffix,
        Glob,
    }
    let mut kind = Kind::Exact;
    let mut tokens = Vec::new();
    let mut chars = pattern.chars().peekable();
    let mut first = true;
    while let Some(ch) = chars.next() {
        match ch {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                if chars.peek() == Some(&'/') {
                    chars.next();
                }
                if chars.peek().is_none() {
                    if kind == Kind::Exact {
                        kind = Kind::Prefix;
                    } else {
                        tokens.push(Token::StarAll);
                        kind = Kind::Glob;
                    }
                } else {
                    tokens.push(Token::Dirs);
                    kind = Kind::Glob;
                }
                if first {
                    kind = Kind::Suffix;
                }
            }
            '*' => {
                tokens.push(Token::StarButSlash);
                kind = Kind::Glob;
            }
            '?' => {
                tokens.push(Token::AnyButSlash);
                kind = Kind::Glob;
            }
            '\\' => {
                let escaped = chars.next().ok_or("trailing '\\'")?;
                tokens.push(Token::Literal(escaped));
                kind = Kind::Glob;
            }
            '[' => {
                tokens.push(parse_class(&mut chars)?);
                kind = Kind::Glob;
            }
            ']' => {
                tokens.push(Token::Literal(']'));
                kind = Kind::Glob;
            }
            c => tokens.push(Token::Literal(c)),
        }
        first = false;
    }
    Ok(match kind {
        Kind::Exact => MatchKind::Exact(pattern.to_owned()),
        // The pattern ends in `**`, which is ASCII.
        Kind::Prefix => MatchKind::Prefix(pattern[..pattern.len() - 2].to_owned()),
        // The pattern starts with `**`.
        Kind::Suffix => MatchKind::Suffix(pattern[2..].to_owned()),
        Kind::Glob => MatchKind::Glob(tokens),
    })
}

/// Parses the rest of a `[...]` class, with `filepath.Match`'s syntax rules.
fn parse_class(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<Token, String> {
    const BAD: &str = "malformed character class";
    let negated = chars.next_if_eq(&'^').is_some();
    let mut ranges = Vec::new();
    // One class character: not `-` or `]` unless escaped.
    let class_char = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| match chars.next() {
        None | Some('-' | ']') => Err(BAD.to_owned()),
        Some('\\') => chars.next().ok_or_else(|| BAD.to_owned()),
        Some(c) => Ok(c),
    };
    loop {
        if !ranges.is_empty() && chars.next_if_eq(&']').is_some() {
            return Ok(Token::Class { negated, ranges });
        }
        let lo = class_char(chars)?;
        let hi = if chars.next_if_eq(&'-').is_some() {
            class_char(chars)?
        } else {
            lo
        };
        if lo > hi {
            return Err(format!("invalid character class range {lo}-{hi}"));
        }
        ranges.push((lo, hi));
    }
}

impl MatchKind {
    fn matches(&self, path: &str) -> bool {
        match self {
            MatchKind::Exact(p) => path == p,
            MatchKind::Prefix(p) => path.starts_with(p.as_str()),
            MatchKind::Suffix(s) => path.ends_with(s.as_str()) || s.strip_prefix('/') == Some(path),
            MatchKind::Glob(tokens) => glob_matches(tokens, path),
        }
    }
}

/// Whole-string match by NFA simulation: O(len(path) × len(pattern)), no
/// backtracking. State `i` is "before token `i`"; `inside[i]` is "within the
/// `.*` of a `Dirs` token `i`, waiting for a `/`".
fn glob_matches(tokens: &[Token], path: &str) -> bool {
    let n = tokens.len();
    let mut at = vec![false; n + 1];
    let mut inside = vec![false; n];
    let mut next_at = vec![false; n + 1];
    let mut next_inside = vec![false; n];

    fn add(tokens: &[Token], at: &mut [bool], mut i: usize) {
        while i < at.len() && !at[i] {
            at[i] = true;
            if !tokens.get(i).is_some_and(Token::nullable) {
                break;
            }
            i += 1;
        }
    }

    add(tokens, &mut at, 0);
    for c in path.chars() {
        next_at.iter_mut().for_each(|s| *s = false);
        next_inside.iter_mut().for_each(|s| *s = false);
        for (i, token) in tokens.iter().enumerate() {
            // Go's `.` (inside `**`) does not match a newline.
            if inside[i] && c != '\n' {
                next_inside[i] = true;
                if c == '/' {
                    add(tokens, &mut next_at, i + 1);
                }
            }
            if !at[i] {
                continue;
            }
            match token {
                Token::Literal(l) if *l == c => add(tokens, &mut next_at, i + 1),
                Token::AnyButSlash if c != '/' => add(tokens, &mut next_at, i + 1),
                Token::StarButSlash if c != '/' => add(tokens, &mut next_at, i),
                Token::StarAll if c != '\n' => add(tokens, &mut next_at, i),
                Token::Dirs if c != '\n' => {
                    next_inside[i] = true;
                    if c == '/' {
                        add(tokens, &mut next_at, i + 1);
                    }
                }
                Token::Class { negated, ranges }
                    if ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated =>
                {
                    add(tokens, &mut next_at, i + 1)
                }
                _ => {}
            }
        }
        std::mem::swap(&mut at, &mut next_at);
        std::mem::swap(&mut inside, &mut next_inside);
        if !at.iter().chain(inside.iter()).any(|&s| s) {
            return false;
        }
    }
    at[n]
}

#[cfg(test)]
mod tests;
