//! Checking an instruction's `--flags` against the ones it accepts
//! (upstream `BFlags`): unknown names, duplicates, missing values and
//! boolean values are rejected here, with the flag's own span.

use crate::dockerfile::ast::{Flag, Spanned};
use crate::dockerfile::error::SyntaxError;

/// How a flag takes its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FlagKind {
    /// `--x`, `--x=true`, `--x=false`.
    Bool,
    /// `--x=value`, at most once.
    String,
    /// `--x=value`, repeatable.
    Strings,
}

/// The flags one instruction accepts.
pub(super) type FlagSpecs = &'static [(&'static str, FlagKind)];

/// Flags that passed [`check`], looked up by name.
#[derive(Debug, Default)]
pub(super) struct FlagValues {
    values: Vec<(&'static str, Spanned<String>)>,
}

impl FlagValues {
    pub(super) fn string(&self, name: &str) -> Option<Spanned<String>> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }

    pub(super) fn strings(&self, name: &str) -> Vec<Spanned<String>> {
        self.values
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// `Some(value)` when the boolean flag was given.
    pub(super) fn bool(&self, name: &str) -> Option<bool> {
        self.string(name).map(|v| v.value == "true")
    }
}

/// Levenshtein distance, for "did you mean" hints.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let cost = prev + usize::from(ca != *cb);
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cost.min(above + 1).min(left + 1);
            }
            prev = above;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The closest option within distance 2 (upstream `suggest.Search`).
pub fn suggest<'a>(value: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best = None;
    let mut best_dist = 3;
    for opt in options {
        if opt == value {
            return None;
        }
        let d = distance(value, opt);
        if d < best_dist {
            best = Some(opt);
            best_dist = d;
        }
    }
    best
}

/// Validate `flags` for instruction `keyword` against `specs`.
pub(super) fn check(
    keyword: &str,
    flags: &[Flag],
    specs: FlagSpecs,
) -> Result<FlagValues, SyntaxError> {
    let mut out = FlagValues::default();
    for flag in flags {
        let written = format!("--{}", flag.name);
        let Some(&(name, kind)) = specs.iter().find(|(n, _)| *n == flag.name) else {
            let mut message = format!("unknown flag: {written}");
            if let Some(s) = suggest(&flag.name, specs.iter().map(|(n, _)| *n)) {
                // Upstream names the suggested flag without dashes.
                message.push_str(&format!(" (did you mean {s}?)"));
            }
            let expected = if specs.is_empty() {
                format!("no flags for {keyword}")
            } else {
                let names: Vec<String> = specs.iter().map(|(n, _)| format!("--{n}")).collect();
                format!("one of {}", names.join(", "))
            };
            return Err(SyntaxError::new(flag.span, message)
                .found(written)
                .expected(expected));
        };
        if kind != FlagKind::Strings && out.values.iter().any(|(n, _)| *n == name) {
            return Err(SyntaxError::new(
                flag.span,
                format!("duplicate flag specified: {written}"),
            )
            .found(written));
        }
        let value = match (kind, flag.value.as_deref()) {
            (FlagKind::Bool, None) => "true".to_string(),
            (FlagKind::Bool, Some("")) | (FlagKind::String | FlagKind::Strings, None) => {
                return Err(SyntaxError::new(
                    flag.span,
                    format!("missing a value on flag: {written}"),
                )
                .found(written));
            }
            (FlagKind::Bool, Some(v)) => match v.to_ascii_lowercase().as_str() {
                "true" => "true".to_string(),
                "false" => "false".to_string(),
                _ => {
                    return Err(SyntaxError::new(
                        flag.span,
                        format!("expecting boolean value for flag {written}, not: {v}"),
                    )
                    .found(v)
                    .expected("true or false"));
                }
            },
            (_, Some(v)) => v.to_string(),
        };
        out.values.push((
            name,
            Spanned {
                value,
                span: flag.span,
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::span::Span;

    const SPECS: FlagSpecs = &[
        ("from", FlagKind::String),
        ("link", FlagKind::Bool),
        ("exclude", FlagKind::Strings),
    ];

    fn flag(name: &str, value: Option<&str>) -> Flag {
        Flag {
            name: name.into(),
            value: value.map(Into::into),
            span: Span::point(1, 6),
        }
    }

    #[test]
    fn accepts_known_flags() {
        let v = check(
            "COPY",
            &[
                flag("from", Some("b")),
                flag("link", None),
                flag("exclude", Some("x")),
                flag("exclude", Some("y")),
            ],
            SPECS,
        )
        .unwrap();
        assert_eq!(v.string("from").unwrap().value, "b");
        assert_eq!(v.bool("link"), Some(true));
        assert_eq!(v.strings("exclude").len(), 2);
        let v = check("COPY", &[flag("link", Some("FALSE"))], SPECS).unwrap();
        assert_eq!(v.bool("link"), Some(false));
    }

    #[test]
    fn rejects_bad_flags() {
        let e = check("COPY", &[flag("form", Some("x"))], SPECS).unwrap_err();
        assert_eq!(e.message, "unknown flag: --form (did you mean from?)");
        assert_eq!(
            e.expected.as_deref(),
            Some("one of --from, --link, --exclude")
        );
        let e = check("COPY", &[flag("from", None)], SPECS).unwrap_err();
        assert_eq!(e.message, "missing a value on flag: --from");
        let e = check("COPY", &[flag("link", Some(""))], SPECS).unwrap_err();
        assert_eq!(e.message, "missing a value on flag: --link");
        let e = check("COPY", &[flag("link", Some("yes"))], SPECS).unwrap_err();
        assert_eq!(
            e.message,
            "expecting boolean value for flag --link, not: yes"
        );
        let e = check(
            "COPY",
            &[flag("from", Some("a")), flag("from", Some("b"))],
            SPECS,
        )
        .unwrap_err();
        assert_eq!(e.message, "duplicate flag specified: --from");
        let e = check("ENV", &[flag("x", None)], &[]).unwrap_err();
        assert_eq!(e.expected.as_deref(), Some("no flags for ENV"));
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("form", "from"), 2);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
