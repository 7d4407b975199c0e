//! Recognising heredoc words (`<<EOF`, `<<-'EOF'`, `3<<EOF`) and cutting
//! their bodies out of the following lines.
//!
//! Upstream looks for heredocs only in RUN, COPY and ADD (also behind
//! ONBUILD), and only in shell form; the caller decides that. Words come
//! from BuildKit's shell lexer with raw quotes; a word is a heredoc when it
//! matches `^\d*<<-?\s*[^<]+$` and the part after `<<` lexes to one word.

use super::words::{LexMode, Word, shell_words};

/// What a heredoc word says about its heredoc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HeredocWord {
    /// The delimiter with quotes and escapes removed.
    pub name: String,
    /// False when any part of the delimiter was quoted.
    pub expand: bool,
    /// `<<-`: leading tabs are stripped from body and terminator.
    pub strip_tabs: bool,
}

/// RE2's `\s`.
fn is_re2_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// Parse one word as a heredoc marker (upstream `ParseHeredoc`).
pub(super) fn heredoc_word(word: &str) -> Option<HeredocWord> {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix("<<")?;
    let (strip_tabs, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest = rest.trim_start_matches(is_re2_space);
    if rest.is_empty() || rest.contains('<') {
        return None;
    }
    let cooked = shell_words(
        rest,
        LexMode {
            raw_quotes: false,
            raw_escapes: false,
        },
    )?;
    let [name] = cooked.as_slice() else {
        return None;
    };
    let raw = shell_words(
        rest,
        LexMode {
            raw_quotes: true,
            raw_escapes: false,
        },
    )?;
    let [raw] = raw.as_slice() else { return None };
    let quotes = |s: &str| s.chars().filter(|c| matches!(c, '\'' | '"')).count();
    Some(HeredocWord {
        name: name.text.clone(),
        expand: quotes(&name.text) == quotes(&raw.text),
        strip_tabs,
    })
}

/// The heredoc words of a whole instruction line, in order, with their byte
/// ranges in `line` (upstream `heredocsFromLine`).
pub(super) fn heredocs_in_line(line: &str) -> Vec<(HeredocWord, Word)> {
    let words = shell_words(
        line,
        LexMode {
            raw_quotes: true,
            raw_escapes: true,
        },
    )
    .unwrap_or_default();
    words
        .into_iter()
        .filter_map(|w| heredoc_word(&w.text).map(|h| (h, w)))
        .collect()
}

/// Remove leading tabs from every line (for `<<-`).
pub(super) fn strip_leading_tabs(body: &str) -> String {
    body.split_inclusive('\n')
        .map(|l| l.trim_start_matches('\t'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hw(name: &str, expand: bool, strip_tabs: bool) -> Option<HeredocWord> {
        Some(HeredocWord {
            name: name.into(),
            expand,
            strip_tabs,
        })
    }

    #[test]
    fn heredoc_words_like_upstream() {
        assert_eq!(heredoc_word("<<EOF"), hw("EOF", true, false));
        assert_eq!(heredoc_word("3<<EOF"), hw("EOF", true, false));
        assert_eq!(heredoc_word("<<-EOF"), hw("EOF", true, true));
        assert_eq!(heredoc_word("<<'EOF'"), hw("EOF", false, false));
        assert_eq!(heredoc_word("<<\"EOF\""), hw("EOF", false, false));
        assert_eq!(heredoc_word("<<eo'f'"), hw("eof", false, false));
        assert_eq!(heredoc_word(r"<<eo\'f"), hw("eo'f", true, false));
        assert_eq!(heredoc_word(r"<<'e'o\'f"), hw("eo'f", false, false));
        assert_eq!(heredoc_word("<<'one two'"), hw("one two", false, false));
        assert_eq!(heredoc_word("<<  EOF"), hw("EOF", true, false));
        assert_eq!(heredoc_word("<<$EOF"), hw("$EOF", true, false));
        assert_eq!(heredoc_word("<<"), None);
        assert_eq!(heredoc_word("<<<EOF"), None);
        assert_eq!(heredoc_word("a<<EOF"), None);
        assert_eq!(heredoc_word("\"<<EOF\""), None);
    }

    #[test]
    fn finds_heredocs_in_a_line() {
        let found = heredocs_in_line("COPY <<FILE1 <<-'FILE2' /dest");
        let names: Vec<_> = found
            .iter()
            .map(|(h, w)| (h.name.as_str(), w.start))
            .collect();
        assert_eq!(names, [("FILE1", 5), ("FILE2", 13)]);
        assert!(heredocs_in_line("RUN echo \"<<EOF\"").is_empty());
        assert!(heredocs_in_line("RUN echo \"open <<EOF").is_empty());
    }

    #[test]
    fn strips_tabs_per_line() {
        assert_eq!(strip_leading_tabs("\t\ta\n\tb\n c\n"), "a\nb\n c\n");
    }
}
