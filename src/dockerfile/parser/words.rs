//! Splitting instruction text into words, the several ways upstream does it.
//!
//! BuildKit's parser uses different word rules per instruction: plain
//! whitespace splitting (FROM, EXPOSE, COPY), a quote-aware splitter that
//! keeps the quotes (ENV, LABEL, ARG), a flag extractor that removes them
//! (`--flag="x"`), and its shell lexer (only to find heredoc words). Each is
//! a separate function here; all return byte ranges so callers can build
//! spans.

/// A word cut out of some text: its value and the byte range it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// `[\t\v\f\r ]`: the whitespace upstream's `reWhitespace` splits on.
pub(super) fn is_split_space(c: char) -> bool {
    matches!(c, '\t' | '\x0b' | '\x0c' | '\r' | ' ')
}

/// Non-empty runs of non-[`is_split_space`] characters, as byte ranges.
pub(super) fn split_fields(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (is_split_space(c), start) {
            (true, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Split at the first run of [`is_split_space`]: the end of the head and,
/// when there is one, where the tail starts (Go's `reWhitespace.Split(s, 2)`).
pub(super) fn split_first(s: &str) -> (usize, Option<usize>) {
    let Some(head_end) = s.find(is_split_space) else {
        return (s.len(), None);
    };
    let rest = &s[head_end..];
    let tail = rest.trim_start_matches(is_split_space);
    (head_end, Some(s.len() - tail.len()))
}

/// Result of [`parse_words`].
#[derive(Debug, Clone, Default)]
pub(super) struct Words {
    pub words: Vec<Word>,
    /// The quote character and its offset when the text ended inside quotes.
    pub open_quote: Option<(char, usize)>,
}

/// Upstream's `parseWords` (ENV, LABEL, ARG): split on whitespace outside
/// quotes, keeping quote characters and escapes in the words; expansion
/// removes them later.
pub(super) fn parse_words(s: &str, escape: char) -> Words {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let mut out = Words::default();
    let mut phase = Phase::Spaces;
    let mut quote = '\0';
    let mut quote_at = 0;
    let mut blank_ok = false;
    let mut buf = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((pos, ch)) = chars.next() {
        let at_last = chars.peek().is_none();
        if phase == Phase::Spaces {
            if ch.is_whitespace() {
                continue;
            }
            phase = Phase::Word;
            start = pos;
        }
        if phase == Phase::Word {
            if ch.is_whitespace() {
                phase = Phase::Spaces;
                if blank_ok || !buf.is_empty() {
                    out.words.push(Word {
                        text: std::mem::take(&mut buf),
                        start,
                        end,
                    });
                }
                buf.clear();
                blank_ok = false;
                continue;
            }
            let mut ch = ch;
            if ch == '\'' || ch == '"' {
                quote = ch;
                quote_at = pos;
                blank_ok = true;
                phase = Phase::Quote;
            }
            if ch == escape {
                if at_last {
                    end = s.len();
                    continue;
                }
                buf.push(ch);
                if let Some((_, next)) = chars.next() {
                    ch = next;
                }
            }
            buf.push(ch);
            end = chars.peek().map_or(s.len(), |(i, _)| *i);
            continue;
        }
        // Phase::Quote
        let mut ch = ch;
        if ch == quote {
            phase = Phase::Word;
        }
        if ch == escape && quote != '\'' {
            if at_last {
                phase = Phase::Word;
                end = s.len();
                continue;
            }
            buf.push(ch);
            if let Some((_, next)) = chars.next() {
                ch = next;
            }
        }
        buf.push(ch);
        end = chars.peek().map_or(s.len(), |(i, _)| *i);
    }
    if phase == Phase::Quote {
        out.open_quote = Some((quote, quote_at));
    }
    if phase != Phase::Spaces && (blank_ok || !buf.is_empty()) {
        out.words.push(Word {
            text: buf,
            start,
            end,
        });
    }
    out
}

/// Upstream's `extractBuilderFlags`: leading `--words` become flags (quotes
/// and escapes removed), stopping at the first word that does not start with
/// `--` or at a bare `--`. Returns the flags and where the rest starts.
pub(super) fn extract_flags(s: &str, escape: char) -> (Vec<Word>, usize) {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let mut flags = Vec::new();
    let mut phase = Phase::Spaces;
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut buf = String::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((pos, ch)) = chars.next() {
        let at_last = chars.peek().is_none();
        if phase == Phase::Spaces {
            if ch.is_whitespace() {
                continue;
            }
            if ch != '-' || !s[pos..].starts_with("--") {
                return (flags, pos);
            }
            phase = Phase::Word;
            start = pos;
        }
        if phase == Phase::Word {
            if ch.is_whitespace() {
                phase = Phase::Spaces;
                if buf == "--" {
                    return (flags, pos);
                }
                if blank_ok || !buf.is_empty() {
                    flags.push(Word {
                        text: std::mem::take(&mut buf),
                        start,
                        end: pos,
                    });
                }
                buf.clear();
                blank_ok = false;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
                continue;
            }
            let mut ch = ch;
            if ch == escape {
                if at_last {
                    continue;
                }
                if let Some((_, next)) = chars.next() {
                    ch = next;
                }
            }
            buf.push(ch);
            continue;
        }
        // Phase::Quote
        if ch == quote {
            phase = Phase::Word;
            continue;
        }
        let mut ch = ch;
        if ch == escape {
            if at_last {
                phase = Phase::Word;
                continue;
            }
            if let Some((_, next)) = chars.next() {
                ch = next;
            }
        }
        buf.push(ch);
    }
    if phase != Phase::Spaces && buf != "--" && (blank_ok || !buf.is_empty()) {
        flags.push(Word {
            text: buf,
            start,
            end: s.len(),
        });
    }
    (flags, s.len())
}

/// How [`shell_words`] treats quotes and escapes.
#[derive(Debug, Clone, Copy)]
pub(super) struct LexMode {
    pub raw_quotes: bool,
    pub raw_escapes: bool,
}

/// A small subset of BuildKit's shell lexer (escape `\`, no variables set):
/// split on unquoted whitespace, with `<<` followed by blanks kept in the
/// same word. Used only to find heredoc words. `None` when a quote or `${`
/// is left open (upstream then finds no heredocs).
pub(super) fn shell_words(s: &str, mode: LexMode) -> Option<Vec<Word>> {
    const ESC: char = '\\';
    let mut words = Vec::new();
    let mut buf = String::new();
    let mut in_word = false;
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    let flush =
        |buf: &mut String, in_word: &mut bool, start: usize, end: usize, words: &mut Vec<Word>| {
            if !buf.is_empty() {
                words.push(Word {
                    text: std::mem::take(buf),
                    start,
                    end,
                });
            }
            *in_word = false;
        };
    while let Some((pos, ch)) = chars.next() {
        if !in_word && !ch.is_whitespace() {
            start = pos;
        }
        match ch {
            '\'' => {
                in_word = true;
                if mode.raw_quotes {
                    buf.push(ch);
                }
                loop {
                    match chars.next() {
                        None => return None,
                        Some((_, '\'')) => break,
                        Some((_, c)) => buf.push(c),
                    }
                }
                if mode.raw_quotes {
                    buf.push('\'');
                }
            }
            '"' => {
                in_word = true;
                if mode.raw_quotes {
                    buf.push(ch);
                }
                loop {
                    match chars.next() {
                        None => return None,
                        Some((_, '"')) => break,
                        Some((_, ESC)) => {
                            if mode.raw_escapes {
                                buf.push(ESC);
                            }
                            match chars.peek().map(|(_, c)| *c) {
                                None => {}
                                Some(c @ ('"' | '$' | ESC)) => {
                                    chars.next();
                                    buf.push(c);
                                }
                                Some(_) if !mode.raw_escapes => buf.push(ESC),
                                Some(_) => {}
                            }
                        }
                        Some((_, c)) => buf.push(c),
                    }
                }
                if mode.raw_quotes {
                    buf.push('"');
                }
            }
            '<' => {
                in_word = true;
                buf.push('<');
                if chars.peek().map(|(_, c)| *c) == Some('<') {
                    chars.next();
                    buf.push('<');
                    while let Some(&(_, c)) = chars.peek() {
                        if !matches!(c, '\t' | '\r' | ' ') {
                            break;
                        }
                        chars.next();
                        buf.push(c);
                    }
                }
            }
            '$' if chars.peek().map(|(_, c)| *c) == Some('{') => {
                in_word = true;
                buf.push('$');
                loop {
                    match chars.next() {
                        None => return None,
                        Some((_, '}')) => {
                            buf.push('}');
                            break;
                        }
                        Some((_, c)) => buf.push(c),
                    }
                }
            }
            ESC => {
                in_word = true;
                if mode.raw_escapes {
                    buf.push(ESC);
                }
                match chars.next() {
                    None => break,
                    Some((_, c)) => buf.push(c),
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    flush(&mut buf, &mut in_word, start, pos, &mut words);
                }
            }
            c => {
                in_word = true;
                buf.push(c);
            }
        }
    }
    flush(&mut buf, &mut in_word, start, s.len(), &mut words);
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(w: &[Word]) -> Vec<&str> {
        w.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn fields_split_on_ascii_blanks_only() {
        let s = "a  b\tc\u{a0}d";
        let f: Vec<&str> = split_fields(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(f, ["a", "b", "c\u{a0}d"]);
        assert_eq!(split_first("k  v w"), (1, Some(3)));
        assert_eq!(split_first("k"), (1, None));
    }

    #[test]
    fn parse_words_keeps_quotes() {
        let w = parse_words(r#"a="b c" d=e\ f g='h\'"#, '\\');
        assert_eq!(texts(&w.words), [r#"a="b c""#, r"d=e\ f", r"g='h\'"]);
        assert_eq!(w.open_quote, None);
        let w = parse_words(r#"a="b c"#, '\\');
        assert_eq!(w.open_quote, Some(('"', 2)));
        assert_eq!(texts(&w.words), [r#"a="b c"#]);
        let w = parse_words("x=''  y", '\\');
        assert_eq!(texts(&w.words), ["x=''", "y"]);
        assert_eq!((w.words[1].start, w.words[1].end), (6, 7));
    }

    #[test]
    fn flags_are_unquoted_and_stop_at_operands() {
        let s = r#"--mount="type=cache,target=/x" --link  go build"#;
        let (f, rest) = extract_flags(s, '\\');
        assert_eq!(texts(&f), ["--mount=type=cache,target=/x", "--link"]);
        assert_eq!(&s[rest..], "go build");
        assert_eq!((f[1].start, f[1].end), (31, 37));
        let (f, rest) = extract_flags("--a -- --b c", '\\');
        assert_eq!(texts(&f), ["--a"]);
        assert_eq!(&"--a -- --b c"[rest..], " --b c");
        let (f, rest) = extract_flags("-x", '\\');
        assert!(f.is_empty());
        assert_eq!(rest, 0);
    }

    #[test]
    fn shell_words_keep_heredoc_blanks() {
        let raw = LexMode {
            raw_quotes: true,
            raw_escapes: true,
        };
        let w = shell_words(r#"RUN <<  EOF cat "a b" <<-'X'"#, raw).unwrap();
        assert_eq!(texts(&w), ["RUN", "<<  EOF", "cat", "\"a b\"", "<<-'X'"]);
        assert_eq!(shell_words("echo \"open", raw), None);
        let cooked = LexMode {
            raw_quotes: false,
            raw_escapes: false,
        };
        assert_eq!(texts(&shell_words(r"eo\'f", cooked).unwrap()), ["eo'f"]);
    }
}
