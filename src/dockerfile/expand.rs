//! Word expansion with BuildKit's shell-lexer semantics (`$v`, `${v:-w}`, …,
//! quote removal, escapes).
//!
//! The behaviour follows BuildKit's `frontend/dockerfile/shell` lexer (the
//! function behind `ProcessWord`/`ProcessWords`); the test tables at the end of
//! this file carry upstream's `envVarTest`/`wordsTest` vectors. Supported forms:
//!
//! | form | meaning |
//! | --- | --- |
//! | `$v`, `${v}` | value of `v`, empty when unset |
//! | `${v:-w}` / `${v-w}` | `w` when `v` is unset or empty / unset |
//! | `${v:+w}` / `${v+w}` | `w` when `v` is set and non-empty / set, else empty |
//! | `${v:?e}` / `${v?e}` | error `v: e` when `v` is unset or empty / unset |
//! | `${v#p}` / `${v##p}` | remove the shortest / longest prefix matching glob `p` |
//! | `${v%p}` / `${v%%p}` | remove the shortest / longest suffix matching glob `p` |
//! | `${v/p/r}` / `${v//p/r}` | replace the first / every match of glob `p` with `r` |
//!
//! Patterns are globs of `*`, `?` and literal characters; `\` escapes `*`, `?`,
//! `\`, `}` and `/`. As upstream, `[` is a literal character (no bracket
//! classes) and wildcards never match a newline. Matching is done with an NFA
//! simulation (time O(len(value) × len(pattern)) per match), never backtracking.
//!
//! `$` followed by something that is not a name (`$.`, a trailing `$`) stays a
//! literal `$`. `$1`… (all digits) and the special parameters `$@ $* $# $? $- $$
//! $! $0` are looked up like names and so are normally empty.
//!
//! Known, deliberate differences from upstream are listed on [`expand_words`]
//! and [`ExpandError`].

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
        ExpandOptions {
            escape: '\\',
            raw_quotes: false,
            raw_escapes: false,
        }
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
///
/// `message` is upstream's inner message (e.g. `syntax error: missing '}'`,
/// `FOO: is not allowed to be unset`); upstream additionally wraps it as
/// `failed to process "<word>": <message>`, which callers may do when
/// rendering. `column` points at the construct that failed: the `$` of a
/// substitution or the opening quote of an unterminated string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ExpandError {
    pub column: usize,
    pub message: String,
}

/// How deeply `${a:-${b:-…}}` may nest before we refuse (keeps the recursion
/// bounded on hostile input; upstream has no limit).
const MAX_NESTING: usize = 64;

/// Expand a word into one string (quotes removed, variables substituted).
pub fn expand_word(
    word: &str,
    vars: &dyn VarLookup,
    opts: ExpandOptions,
) -> Result<Expanded, ExpandError> {
    let mut lexer = Lexer::new(word, vars, opts);
    let value = lexer.process(None, opts.raw_escapes, None)?;
    Ok(Expanded {
        value,
        matched: lexer.matched,
        unmatched: lexer.unmatched,
    })
}

/// Expand the body of a COPY/ADD heredoc whose marker is unquoted.
///
/// The body is file content, not shell words: quote characters are ordinary
/// characters (upstream's `SkipProcessQuotes`), so `Hello '${name}'!` gives
/// `Hello 'world'!`. The escape is always `\`, whatever the Dockerfile's
/// escape directive says, as upstream lexes these bodies with a fresh lexer.
pub fn expand_heredoc_file(body: &str, vars: &dyn VarLookup) -> Result<Expanded, ExpandError> {
    let opts = ExpandOptions::default();
    let mut lexer = Lexer::new(body, vars, opts);
    lexer.plain_quotes = true;
    let value = lexer.process(None, opts.raw_escapes, None)?;
    Ok(Expanded {
        value,
        matched: lexer.matched,
        unmatched: lexer.unmatched,
    })
}

/// Expand a word for display (a RUN step's name), leaving every reference
/// to an unset variable as written: `echo "second $i"` with no `i` set shows
/// `echo "second $i"`, not `echo "second "` (upstream's `SkipUnsetEnv`). The
/// shell sets such variables at run time, so dropping them would mislead.
pub fn expand_keeping_unset(
    word: &str,
    vars: &dyn VarLookup,
    opts: ExpandOptions,
) -> Result<Expanded, ExpandError> {
    let mut lexer = Lexer::new(word, vars, opts);
    lexer.keep_unset = true;
    let value = lexer.process(None, opts.raw_escapes, None)?;
    Ok(Expanded {
        value,
        matched: lexer.matched,
        unmatched: lexer.unmatched,
    })
}

/// Expand and split into words on unquoted whitespace (as for EXPOSE, VOLUME in shell form…).
///
/// As upstream's `ProcessWords`: whitespace produced by an unquoted variable
/// splits words, quoted text and escaped characters never split, and empty
/// words are dropped — including quoted empty strings (`a "" b` gives `a`,
/// `b`).
///
/// Deviation: upstream shares one word buffer between the outer word and the
/// nested words of `${v:-…}`-style modifiers, so `a${x:-b}c` splits to `bc`
/// there; we give `abc`, what the single-word expansion gives.
pub fn expand_words(
    word: &str,
    vars: &dyn VarLookup,
    opts: ExpandOptions,
) -> Result<Vec<String>, ExpandError> {
    let mut lexer = Lexer::new(word, vars, opts);
    let mut words = Words::default();
    lexer.process(None, opts.raw_escapes, Some(&mut words))?;
    Ok(words.finish())
}

/// Accumulates whitespace-separated words (upstream's `wordsStruct`).
#[derive(Default)]
struct Words {
    buf: String,
    words: Vec<String>,
    in_word: bool,
}

impl Words {
    /// A character that splits words when it is whitespace.
    fn add_char(&mut self, ch: char) {
        if ch.is_whitespace() {
            if self.in_word && !self.buf.is_empty() {
                self.words.push(std::mem::take(&mut self.buf));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(ch);
        }
    }

    fn add_raw_char(&mut self, ch: char) {
        self.buf.push(ch);
        self.in_word = true;
    }

    fn add_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.add_char(c));
    }

    fn add_raw_str(&mut self, s: &str) {
        self.buf.push_str(s);
        self.in_word = true;
    }

    fn finish(mut self) -> Vec<String> {
        if !self.buf.is_empty() {
            self.words.push(self.buf);
        }
        self.words
    }
}

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    vars: &'a dyn VarLookup,
    opts: ExpandOptions,
    /// Quotes are plain characters (see [`expand_heredoc_file`]).
    plain_quotes: bool,
    /// Unset variables stay as written (see [`expand_keeping_unset`]).
    keep_unset: bool,
    depth: usize,
    matched: BTreeSet<String>,
    unmatched: BTreeSet<String>,
}

fn error(column: usize, message: impl Into<String>) -> ExpandError {
    ExpandError {
        column,
        message: message.into(),
    }
}

impl<'a> Lexer<'a> {
    fn new(word: &str, vars: &'a dyn VarLookup, opts: ExpandOptions) -> Self {
        Lexer {
            chars: word.chars().collect(),
            pos: 0,
            vars,
            opts,
            plain_quotes: false,
            keep_unset: false,
            depth: 0,
            matched: BTreeSet::new(),
            unmatched: BTreeSet::new(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Looks a variable up and records whether it was set.
    fn get(&mut self, name: &str) -> Option<String> {
        let value = self.vars.lookup(name).map(str::to_owned);
        // Upstream also records the empty name of `${/p/r}`; it is no use to anyone.
        if !name.is_empty() {
            let set = if value.is_some() {
                &mut self.matched
            } else {
                &mut self.unmatched
            };
            set.insert(name.to_owned());
        }
        value
    }

    /// Processes text until `stop` (consumed) or, with `stop == None`, the end
    /// of the word. Mirrors upstream's `processStopOn`.
    fn process(
        &mut self,
        stop: Option<char>,
        raw_escapes: bool,
        mut words: Option<&mut Words>,
    ) -> Result<String, ExpandError> {
        let mut result = String::new();
        while let Some(ch) = self.peek() {
            if Some(ch) == stop {
                self.pos += 1;
                return Ok(result);
            }
            match ch {
                '$' => {
                    let value = self.dollar()?;
                    result.push_str(&value);
                    if let Some(w) = words.as_deref_mut() {
                        w.add_str(&value);
                    }
                }
                '\'' | '"' if self.plain_quotes => {
                    self.pos += 1;
                    result.push(ch);
                    if let Some(w) = words.as_deref_mut() {
                        w.add_char(ch);
                    }
                }
                '<' | '\'' | '"' => {
                    let text = match ch {
                        '<' => self.possible_heredoc(),
                        '\'' => self.single_quote()?,
                        _ => self.double_quote(raw_escapes)?,
                    };
                    result.push_str(&text);
                    if let Some(w) = words.as_deref_mut() {
                        w.add_raw_str(&text);
                    }
                }
                _ => {
                    self.pos += 1;
                    if ch == self.opts.escape {
                        if raw_escapes {
                            result.push(ch);
                            if let Some(w) = words.as_deref_mut() {
                                w.add_raw_char(ch);
                            }
                        }
                        // The escape escapes anything; at the end of the word it vanishes.
                        let Some(escaped) = self.next() else { break };
                        result.push(escaped);
                        if let Some(w) = words.as_deref_mut() {
                            w.add_raw_char(escaped);
                        }
                    } else {
                        result.push(ch);
                        if let Some(w) = words.as_deref_mut() {
                            w.add_char(ch);
                        }
                    }
                }
            }
        }
        match stop {
            Some(stop) => Err(error(
                self.pos,
                format!("unexpected end of statement while looking for matching {stop}"),
            )),
            None => Ok(result),
        }
    }

    /// `<<` keeps the whitespace after it, so a heredoc marker stays one word.
    fn possible_heredoc(&mut self) -> String {
        self.pos += 1;
        if self.peek() != Some('<') {
            return "<".to_owned();
        }
        self.pos += 1;
        let mut out = String::from("<<");
        while let Some(c @ (' ' | '\t' | '\r')) = self.peek() {
            out.push(c);
            self.pos += 1;
        }
        out
    }

    /// Everything up to the next `'` is literal; `'` cannot be escaped.
    fn single_quote(&mut self) -> Result<String, ExpandError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        if self.opts.raw_quotes {
            out.push('\'');
        }
        loop {
            match self.next() {
                None => {
                    return Err(error(
                        start,
                        "unexpected end of statement while looking for matching single-quote",
                    ));
                }
                Some('\'') => {
                    if self.opts.raw_quotes {
                        out.push('\'');
                    }
                    return Ok(out);
                }
                Some(c) => out.push(c),
            }
        }
    }

    /// `$` expands; the escape character escapes only `"`, `$` and itself
    /// (otherwise it stays).
    fn double_quote(&mut self, raw_escapes: bool) -> Result<String, ExpandError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        if self.opts.raw_quotes {
            out.push('"');
        }
        loop {
            match self.peek() {
                None => {
                    return Err(error(
                        start,
                        "unexpected end of statement while looking for matching double-quote",
                    ));
                }
                Some('"') => {
                    self.pos += 1;
                    if self.opts.raw_quotes {
                        out.push('"');
                    }
                    return Ok(out);
                }
                Some('$') => {
                    let value = self.dollar()?;
                    out.push_str(&value);
                }
                Some(mut ch) => {
                    self.pos += 1;
                    if ch == self.opts.escape {
                        if raw_escapes {
                            out.push(ch);
                        }
                        match self.peek() {
                            // An escape at the very end is dropped; the loop then reports the missing quote.
                            None => continue,
                            Some(next)
                                if next == '"' || next == '$' || next == self.opts.escape =>
                            {
                                ch = next;
                                self.pos += 1;
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(ch);
                }
            }
        }
    }

    /// A name after `$`: letters, digits and `_`; or a run of digits
    /// (positional parameter); or one special-parameter character.
    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(ch) = self.peek() {
            if name.is_empty() && ch.is_numeric() {
                while let Some(d) = self.peek().filter(|c| c.is_numeric()) {
                    name.push(d);
                    self.pos += 1;
                }
                return name;
            }
            if name.is_empty() && matches!(ch, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') {
                self.pos += 1;
                return ch.to_string();
            }
            if !(ch.is_alphabetic() || ch.is_numeric() || ch == '_') {
                break;
            }
            name.push(ch);
            self.pos += 1;
        }
        name
    }

    /// Processes the nested word of a `${…}` modifier up to `stop`.
    fn nested(
        &mut self,
        stop: char,
        raw_escapes: bool,
        start: usize,
        missing: &str,
    ) -> Result<String, ExpandError> {
        if self.depth >= MAX_NESTING {
            return Err(error(
                start,
                format!("substitution nested deeper than {MAX_NESTING} levels"),
            ));
        }
        self.depth += 1;
        let result = self.process(Some(stop), raw_escapes, None);
        self.depth -= 1;
        result.map_err(|e| {
            if self.peek().is_none() {
                error(start, missing)
            } else {
                e
            }
        })
    }

    /// Expands `$name` or `${…}`; the scanner is at the `$`.
    fn dollar(&mut self) -> Result<String, ExpandError> {
        const MISSING_BRACE: &str = "syntax error: missing '}'";
        let start = self.pos;
        self.pos += 1;
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".to_owned());
            }
            return Ok(match self.get(&name) {
                None if self.keep_unset => format!("${name}"),
                value => value.unwrap_or_default(),
            });
        }
        self.pos += 1;
        match self.peek() {
            None => return Err(error(start, MISSING_BRACE)),
            Some('{' | '}' | ':') => return Err(error(start, "syntax error: bad substitution")),
            Some(_) => {}
        }
        let name = self.name();
        let (null_is_unset, op) = match self.next() {
            // Upstream reports `unsupported modifier (\u{FFFD})` for `${name` at the end.
            None => return Err(error(start, MISSING_BRACE)),
            Some('}') => {
                return Ok(match self.get(&name) {
                    None if self.keep_unset => format!("${{{name}}}"),
                    value => value.unwrap_or_default(),
                });
            }
            Some('/') => return self.replace(start, &name),
            Some(':') => (true, self.next()),
            Some(op @ ('+' | '-' | '?' | '#' | '%')) => (false, Some(op)),
            Some(other) => {
                return Err(error(
                    start,
                    format!("unsupported modifier ({other}) in substitution"),
                ));
            }
        };
        let modifier = format!(
            "{}{}",
            if null_is_unset { ":" } else { "" },
            op.map(String::from).unwrap_or_default()
        );
        let pattern_op = matches!(op, Some('#' | '%'));
        if null_is_unset && pattern_op {
            return Err(error(
                start,
                format!("unsupported modifier ({modifier}) in substitution"),
            ));
        }
        let word = self.nested('}', pattern_op, start, MISSING_BRACE)?;
        let value = self.get(&name);
        if value.is_none() && self.keep_unset {
            return Ok(format!("${{{name}{modifier}{word}}}"));
        }
        let unset = value.is_none() || (null_is_unset && value.as_deref() == Some(""));
        match op {
            Some('-') => Ok(if unset {
                word
            } else {
                value.unwrap_or_default()
            }),
            Some('+') => Ok(if unset { String::new() } else { word }),
            Some('?') => {
                if unset {
                    let message = if !word.is_empty() {
                        word
                    } else if value.is_none() {
                        "is not allowed to be unset".to_owned()
                    } else {
                        "is not allowed to be empty".to_owned()
                    };
                    Err(error(start, format!("{name}: {message}")))
                } else {
                    Ok(value.unwrap_or_default())
                }
            }
            Some(op @ ('#' | '%')) => {
                let value = value.unwrap_or_default();
                let (longest, pattern) = match word.strip_prefix(op) {
                    Some(rest) => (true, rest),
                    None => (false, word.as_str()),
                };
                let invalid = |e| {
                    error(
                        start,
                        format!("invalid pattern ({pattern}) in substitution: {e}"),
                    )
                };
                let text: Vec<char> = value.chars().collect();
                let kept = if op == '#' {
                    let glob = Glob::parse(pattern).map_err(invalid)?;
                    glob.prefix_end(&text, longest)
                        .map_or(&text[..], |end| &text[end..])
                } else {
                    // Upstream reverses pattern and value and trims a prefix; the
                    // pattern reversal keeps `\x` pairs together (which makes a
                    // trailing `\` escape the pattern's *last* character).
                    let glob = Glob::parse(&reverse_pattern(pattern)).map_err(invalid)?;
                    let reversed_text: Vec<char> = text.iter().rev().copied().collect();
                    glob.prefix_end(&reversed_text, longest)
                        .map_or(&text[..], |len| &text[..text.len() - len])
                };
                Ok(kept.iter().collect())
            }
            _ => Err(error(
                start,
                format!("unsupported modifier ({modifier}) in substitution"),
            )),
        }
    }

    /// `${name/pattern/replacement}` and `${name//pattern/replacement}`; the
    /// scanner is after the first `/`.
    fn replace(&mut self, start: usize, name: &str) -> Result<String, ExpandError> {
        let all = self.peek() == Some('/');
        if all {
            self.pos += 1;
        }
        let pattern = self.nested('/', true, start, "syntax error: missing '/' in ${}")?;
        let replacement = self.nested('}', true, start, "syntax error: missing '}'")?;
        let value = match self.get(name) {
            // Upstream writes one `/` back even for `${name//p/r}`.
            None if self.keep_unset => return Ok(format!("${{{name}/{pattern}/{replacement}}}")),
            value => value.unwrap_or_default(),
        };
        let glob = Glob::parse(&pattern).map_err(|e| {
            error(
                start,
                format!("invalid pattern ({pattern}) in substitution: {e}"),
            )
        })?;
        let text: Vec<char> = value.chars().collect();
        if all {
            Ok(glob.replace_all(&text, &replacement))
        } else {
            Ok(match glob.find_at(&text, 0) {
                Some((begin, end)) => {
                    let mut out: String = text[..begin].iter().collect();
                    out.push_str(&replacement);
                    out.extend(&text[end..]);
                    out
                }
                None => value,
            })
        }
    }
}

/// One element of a substitution pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GlobToken {
    Literal(char),
    /// `?`: one character other than a newline.
    Any,
    /// `*`: any run of characters without a newline.
    Star,
}

/// A compiled `${v#pattern}`-style pattern.
#[derive(Debug, Clone)]
struct Glob {
    tokens: Vec<GlobToken>,
}

impl Glob {
    fn parse(pattern: &str) -> Result<Glob, String> {
        let mut tokens = Vec::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            tokens.push(match c {
                '*' => GlobToken::Star,
                '?' => GlobToken::Any,
                '\\' => match chars.next() {
                    // `\}` and `\/` only protect the character from ending the `${}`.
                    Some(e @ ('*' | '?' | '\\' | '}' | '/')) => GlobToken::Literal(e),
                    Some(e) => return Err(format!("invalid escape '\\{e}'")),
                    None => return Err("invalid escape '\\' at end of pattern".to_owned()),
                },
                c => GlobToken::Literal(c),
            });
        }
        Ok(Glob { tokens })
    }

    /// Adds state `i` and, through stars (which may match nothing), the states after it.
    fn add_state(&self, states: &mut [bool], mut i: usize) {
        while i < states.len() && !states[i] {
            states[i] = true;
            match self.tokens.get(i) {
                Some(GlobToken::Star) => i += 1,
                _ => break,
            }
        }
    }

    /// Advances a state set over one character.
    fn step(&self, states: &[bool], c: char, next: &mut [bool]) {
        next.iter_mut().for_each(|s| *s = false);
        for (i, token) in self.tokens.iter().enumerate() {
            if !states[i] {
                continue;
            }
            match *token {
                GlobToken::Literal(l) if l == c => self.add_state(next, i + 1),
                GlobToken::Any if c != '\n' => self.add_state(next, i + 1),
                GlobToken::Star if c != '\n' => self.add_state(next, i),
                _ => {}
            }
        }
    }

    /// Ends `e` such that `text[start..e]` matches the whole pattern: the
    /// shortest, or with `longest` the longest.
    fn match_end(&self, text: &[char], start: usize, longest: bool) -> Option<usize> {
        let accept = self.tokens.len();
        let mut states = vec![false; accept + 1];
        let mut next = vec![false; accept + 1];
        self.add_state(&mut states, 0);
        let mut found = None;
        let mut pos = start;
        loop {
            if states[accept] {
                found = Some(pos);
                if !longest {
                    return found;
                }
            }
            let Some(&c) = text.get(pos) else { break };
            if !states.iter().any(|&s| s) {
                break;
            }
            self.step(&states, c, &mut next);
            std::mem::swap(&mut states, &mut next);
            pos += 1;
        }
        found
    }

    /// End of the shortest (or longest) prefix of `text` matching the pattern.
    fn prefix_end(&self, text: &[char], longest: bool) -> Option<usize> {
        self.match_end(text, 0, longest)
    }

    /// The leftmost match starting at or after `from`, extended as far as
    /// possible (leftmost-longest, what upstream's greedy regexp finds).
    fn find_at(&self, text: &[char], from: usize) -> Option<(usize, usize)> {
        // For every pattern state, the smallest start of a partial match in it.
        let accept = self.tokens.len();
        let mut starts: Vec<Option<usize>> = vec![None; accept + 1];
        let mut next: Vec<Option<usize>> = vec![None; accept + 1];
        let mut best: Option<usize> = None;
        let mut pos = from;
        loop {
            if pos <= text.len() && best.is_none() {
                self.add_start(&mut starts, 0, pos);
            }
            if let Some(s) = starts[accept] {
                best = Some(best.map_or(s, |b| b.min(s)));
            }
            // Stop once no live partial match could start further left than the best one.
            let live_before_best = starts.iter().flatten().any(|&s| best.is_none_or(|b| s < b));
            if !live_before_best && best.is_some() {
                break;
            }
            let Some(&c) = text.get(pos) else { break };
            next.iter_mut().for_each(|s| *s = None);
            for (i, token) in self.tokens.iter().enumerate() {
                let Some(s) = starts[i] else { continue };
                match *token {
                    GlobToken::Literal(l) if l == c => self.add_start(&mut next, i + 1, s),
                    GlobToken::Any if c != '\n' => self.add_start(&mut next, i + 1, s),
                    GlobToken::Star if c != '\n' => self.add_start(&mut next, i, s),
                    _ => {}
                }
            }
            std::mem::swap(&mut starts, &mut next);
            pos += 1;
        }
        let begin = best?;
        let end = self.match_end(text, begin, true)?;
        Some((begin, end))
    }

    /// Like [`Glob::add_state`], keeping the smallest start per state.
    fn add_start(&self, states: &mut [Option<usize>], mut i: usize, start: usize) {
        while i < states.len() {
            if states[i].is_some_and(|s| s <= start) {
                break;
            }
            states[i] = Some(start);
            match self.tokens.get(i) {
                Some(GlobToken::Star) => i += 1,
                _ => break,
            }
        }
    }

    /// Replaces every match like Go's `Regexp.ReplaceAllString` (which upstream
    /// uses): an empty match right after a previous match is skipped, and the
    /// replacement is a template in which `$$` is `$`, `$0`/`${0}` is the match
    /// and any other `$name` is empty.
    fn replace_all(&self, text: &[char], replacement: &str) -> String {
        let mut out = String::new();
        let mut last_end = 0;
        let mut search = 0;
        while search <= text.len() {
            let Some((begin, end)) = self.find_at(text, search) else {
                break;
            };
            out.extend(&text[last_end..begin]);
            if end > last_end || begin == 0 {
                expand_template(replacement, &text[begin..end], &mut out);
            }
            last_end = end;
            let width = usize::from(search < text.len());
            search = if search + width > end || search + 1 > end {
                search + 1
            } else {
                end
            };
        }
        out.extend(&text[last_end.min(text.len())..]);
        out
    }
}

/// Reverses a `%` pattern the way upstream does: `\x` pairs, read from the
/// left, keep their order; a lone trailing `\` becomes the first character.
fn reverse_pattern(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut pieces: Vec<&[char]> = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let width = if c == '\\' && i + 1 < chars.len() {
            2
        } else {
            1
        };
        pieces.extend(chars.get(i..i + width));
        i += width;
    }
    pieces.iter().rev().flat_map(|p| p.iter()).collect()
}

/// Go's regexp template expansion for a pattern without capture groups.
fn expand_template(template: &str, whole_match: &[char], out: &mut String) {
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let (braced, body) = match rest.strip_prefix('{') {
            Some(body) => (true, body),
            None => (false, rest),
        };
        let name_len: usize = body
            .chars()
            .take_while(|c| c.is_alphabetic() || c.is_numeric() || *c == '_')
            .map(char::len_utf8)
            .sum();
        let closed = !braced || body[name_len..].starts_with('}');
        if name_len == 0 || !closed {
            // Malformed reference: the `$` is literal text.
            out.push('$');
            continue;
        }
        if &body[..name_len] == "0" {
            out.extend(whole_match);
        }
        rest = &body[name_len + usize::from(braced)..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod upstream_vectors;
