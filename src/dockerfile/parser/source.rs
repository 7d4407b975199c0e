//! Instruction text joined from several physical lines, with the source
//! position of every byte kept alongside.
//!
//! Continuation lines are concatenated without a separator (like upstream),
//! so an offset into the joined text cannot be turned back into a line and
//! column by counting; instead each byte remembers where it came from.

use crate::dockerfile::span::{Position, Span};

/// One logical instruction line: the joined text plus positions.
#[derive(Debug, Clone, Default)]
pub(super) struct LogicalLine {
    text: String,
    /// `pos[i]` is the source position of the character containing byte `i`.
    pos: Vec<Position>,
    /// The position just after the last character pushed.
    end: Position,
}

impl LogicalLine {
    pub(super) fn new() -> Self {
        LogicalLine::default()
    }

    /// Append `s`, whose first character sits at `line:column` in the source.
    pub(super) fn push(&mut self, s: &str, line: u32, column: u32) {
        let mut col = column;
        for ch in s.chars() {
            let p = Position::new(line, col);
            self.pos.extend(std::iter::repeat_n(p, ch.len_utf8()));
            self.text.push(ch);
            col = col.saturating_add(1);
        }
        if !s.is_empty() || self.text.is_empty() {
            self.end = Position::new(line, col);
        }
    }

    #[cfg(test)]
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    #[cfg(test)]
    pub(super) fn end(&self) -> Position {
        self.end
    }

    fn position(&self, at: usize) -> Position {
        self.pos.get(at).copied().unwrap_or(self.end)
    }

    /// The span of bytes `start..end` of the joined text.
    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        let first = self.position(start);
        if end <= start {
            return Span::new(first, first);
        }
        let last = match end.checked_sub(1).and_then(|i| self.pos.get(i)) {
            Some(p) => Position::new(p.line, p.column.saturating_add(1)),
            None => self.end,
        };
        Span::new(first, last.max(first))
    }
}

/// A slice of a [`LogicalLine`]; offsets given to its methods are relative to
/// the slice, spans come out in source coordinates.
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment<'a> {
    line: &'a LogicalLine,
    start: usize,
    end: usize,
}

impl<'a> Segment<'a> {
    pub(super) fn whole(line: &'a LogicalLine) -> Self {
        Segment {
            line,
            start: 0,
            end: line.text.len(),
        }
    }

    pub(super) fn text(&self) -> &'a str {
        self.line.text.get(self.start..self.end).unwrap_or("")
    }

    pub(super) fn len(&self) -> usize {
        self.end - self.start
    }

    /// Bytes `a..b` of this segment (clamped to it).
    pub(super) fn sub(&self, a: usize, b: usize) -> Segment<'a> {
        let len = self.len();
        let a = a.min(len);
        let b = b.clamp(a, len);
        Segment {
            line: self.line,
            start: self.start + a,
            end: self.start + b,
        }
    }

    /// Bytes `a..` of this segment.
    pub(super) fn from(&self, a: usize) -> Segment<'a> {
        self.sub(a, self.len())
    }

    pub(super) fn span(&self) -> Span {
        self.line.span(self.start, self.end)
    }

    /// Span of bytes `a..b` relative to this segment.
    pub(super) fn span_of(&self, a: usize, b: usize) -> Span {
        self.sub(a, b).span()
    }

    /// Without leading and trailing Unicode whitespace (Go's `strings.TrimSpace`).
    pub(super) fn trim(&self) -> Segment<'a> {
        let t = self.text();
        let lead = t.len() - t.trim_start().len();
        let kept = t.trim().len();
        self.sub(lead, lead + kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_joined_lines() {
        let mut l = LogicalLine::new();
        l.push("RUN a ", 1, 1);
        l.push("  bé", 2, 1);
        let t = l.text().to_string();
        assert_eq!(t, "RUN a   bé");
        let b = t.find('b').unwrap();
        assert_eq!(
            l.span(b, t.len()),
            Span::new(Position::new(2, 3), Position::new(2, 5))
        );
        assert_eq!(
            l.span(0, 3),
            Span::new(Position::new(1, 1), Position::new(1, 4))
        );
        // Out of range never panics.
        assert_eq!(l.span(100, 200).start, l.end());
        let s = Segment::whole(&l).sub(4, 1000);
        assert_eq!(s.text(), "a   bé");
        assert_eq!(s.trim().text(), "a   bé");
    }
}
