//! Compose's variable interpolation over one string value.
//!
//! The forms (Compose specification, interpolation.md): `$VAR`, `${VAR}`,
//! `${VAR:-default}` (unset or empty), `${VAR-default}` (unset),
//! `${VAR:?error}` / `${VAR?error}` (fail with the message),
//! `${VAR:+replacement}` / `${VAR+replacement}` (the replacement when set),
//! and `$$` for a literal `$`. Defaults and replacements are interpolated
//! themselves, so `${A:-${B}}` works. An unset variable without a default
//! becomes the empty string, as in Compose (which also warns; the caller
//! collects the names to warn about).

use std::collections::BTreeMap;

/// Why a value could not be interpolated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InterpolateError {
    /// `${VAR:?message}` / `${VAR?message}` with VAR missing.
    #[error("required variable {name} is missing a value: {message}")]
    Required { name: String, message: String },
    /// `${` without its `}`, or a name that is not a name.
    #[error("invalid interpolation format in {0:?}")]
    Syntax(String),
}

/// The variables interpolation reads, and the names it found unset.
pub struct Interpolator<'a> {
    vars: &'a BTreeMap<String, String>,
    /// Variables used without a value or a default (for a warning).
    pub unset: Vec<String>,
}

impl<'a> Interpolator<'a> {
    pub fn new(vars: &'a BTreeMap<String, String>) -> Self {
        Interpolator {
            vars,
            unset: Vec::new(),
        }
    }

    /// Interpolate `text`.
    pub fn apply(&mut self, text: &str) -> Result<String, InterpolateError> {
        let chars: Vec<char> = text.chars().collect();
        let (out, end) = self.expand(&chars, 0, false, text)?;
        debug_assert_eq!(end, chars.len());
        Ok(out)
    }

    /// Expand from `i` until the end, or (inside a default) until the `}`
    /// that closes the enclosing `${`; returns the text and where it stopped
    /// (at that `}`).
    fn expand(
        &mut self,
        chars: &[char],
        mut i: usize,
        nested: bool,
        whole: &str,
    ) -> Result<(String, usize), InterpolateError> {
        let mut out = String::new();
        while i < chars.len() {
            let c = chars[i];
            if nested && c == '}' {
                return Ok((out, i));
            }
            if c != '$' {
                out.push(c);
                i += 1;
                continue;
            }
            match chars.get(i + 1) {
                Some('$') => {
                    out.push('$');
                    i += 2;
                }
                Some('{') => {
                    let (value, next) = self.braced(chars, i + 2, whole)?;
                    out.push_str(&value);
                    i = next;
                }
                Some(&n) if n == '_' || n.is_ascii_alphabetic() => {
                    let start = i + 1;
                    let mut j = start;
                    while j < chars.len() && (chars[j] == '_' || chars[j].is_ascii_alphanumeric()) {
                        j += 1;
                    }
                    let name: String = chars[start..j].iter().collect();
                    out.push_str(&self.lookup(&name));
                    i = j;
                }
                // A lone `$` (end of text, or before a character that
                // cannot start a name) stays as it is.
                _ => {
                    out.push('$');
                    i += 1;
                }
            }
        }
        if nested {
            return Err(InterpolateError::Syntax(whole.to_string()));
        }
        Ok((out, i))
    }

    /// `${…}` starting after the brace; returns the value and the index after `}`.
    fn braced(
        &mut self,
        chars: &[char],
        start: usize,
        whole: &str,
    ) -> Result<(String, usize), InterpolateError> {
        let mut j = start;
        while j < chars.len() && (chars[j] == '_' || chars[j].is_ascii_alphanumeric()) {
            j += 1;
        }
        let name: String = chars[start..j].iter().collect();
        let starts_like_name = name
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_ascii_alphabetic());
        if !starts_like_name {
            return Err(InterpolateError::Syntax(whole.to_string()));
        }
        let value = self.vars.get(&name);
        match chars.get(j) {
            Some('}') => Ok((self.lookup(&name), j + 1)),
            Some(':') | Some('-') | Some('?') | Some('+') => {
                let colon = chars[j] == ':';
                let op_at = if colon { j + 1 } else { j };
                let op = *chars
                    .get(op_at)
                    .ok_or_else(|| InterpolateError::Syntax(whole.to_string()))?;
                if !matches!(op, '-' | '?' | '+') {
                    return Err(InterpolateError::Syntax(whole.to_string()));
                }
                // The operand is interpolated only when it is used, so an
                // unused `${B:?…}` inside it does not fail.
                let missing = match value {
                    None => true,
                    Some(v) => colon && v.is_empty(),
                };
                let use_operand = match op {
                    '-' | '?' => missing,
                    _ => !missing,
                };
                let (operand, end) = if use_operand {
                    self.expand(chars, op_at + 1, true, whole)?
                } else {
                    (String::new(), skip_braced(chars, op_at + 1, whole)?)
                };
                let result = match (op, use_operand) {
                    ('?', true) => {
                        return Err(InterpolateError::Required {
                            name,
                            message: operand,
                        });
                    }
                    ('-', true) | ('+', true) => operand,
                    ('+', false) => String::new(),
                    _ => value.cloned().unwrap_or_default(),
                };
                Ok((result, end + 1))
            }
            _ => Err(InterpolateError::Syntax(whole.to_string())),
        }
    }

    fn lookup(&mut self, name: &str) -> String {
        match self.vars.get(name) {
            Some(v) => v.clone(),
            None => {
                if !self.unset.iter().any(|n| n == name) {
                    self.unset.push(name.to_string());
                }
                String::new()
            }
        }
    }
}

/// The index of the `}` closing a `${` whose operand starts at `i`.
fn skip_braced(chars: &[char], mut i: usize, whole: &str) -> Result<usize, InterpolateError> {
    let mut depth = 0usize;
    while i < chars.len() {
        match chars[i] {
            '$' if chars.get(i + 1) == Some(&'$') => i += 1,
            '$' if chars.get(i + 1) == Some(&'{') => {
                depth += 1;
                i += 1;
            }
            '}' if depth == 0 => return Ok(i),
            '}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    Err(InterpolateError::Syntax(whole.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> BTreeMap<String, String> {
        [("SET", "v"), ("EMPTY", ""), ("TAG", "1.2")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn run(text: &str) -> Result<String, InterpolateError> {
        let v = vars();
        Interpolator::new(&v).apply(text)
    }

    #[test]
    fn plain_and_braced() {
        assert_eq!(run("a-$SET-${SET}-b").unwrap(), "a-v-v-b");
        assert_eq!(run("app:${TAG}").unwrap(), "app:1.2");
        assert_eq!(run("no vars").unwrap(), "no vars");
    }

    #[test]
    fn defaults_distinguish_unset_from_empty() {
        assert_eq!(run("${UNSET:-d}").unwrap(), "d");
        assert_eq!(run("${EMPTY:-d}").unwrap(), "d");
        assert_eq!(run("${UNSET-d}").unwrap(), "d");
        assert_eq!(run("${EMPTY-d}").unwrap(), "");
        assert_eq!(run("${SET:-d}").unwrap(), "v");
        assert_eq!(run("${UNSET:-${SET}x}").unwrap(), "vx");
        assert_eq!(run("${UNSET:-}").unwrap(), "");
    }

    #[test]
    fn replacement_when_set() {
        assert_eq!(run("${SET:+r}").unwrap(), "r");
        assert_eq!(run("${EMPTY:+r}").unwrap(), "");
        assert_eq!(run("${EMPTY+r}").unwrap(), "r");
        assert_eq!(run("${UNSET+r}").unwrap(), "");
    }

    #[test]
    fn required_variables_fail_with_the_message() {
        assert_eq!(
            run("${UNSET:?give a tag}").unwrap_err(),
            InterpolateError::Required {
                name: "UNSET".into(),
                message: "give a tag".into()
            }
        );
        assert!(run("${EMPTY:?m}").is_err());
        assert_eq!(run("${EMPTY?m}").unwrap(), "");
        assert_eq!(run("${SET:?m}").unwrap(), "v");
        // An operand that is not used is not evaluated.
        assert_eq!(run("${SET:-${UNSET:?never}}").unwrap(), "v");
    }

    #[test]
    fn dollar_escapes_and_lone_dollars() {
        assert_eq!(run("$$SET").unwrap(), "$SET");
        assert_eq!(run("cost $5 $").unwrap(), "cost $5 $");
        assert_eq!(run("$${SET}").unwrap(), "${SET}");
    }

    #[test]
    fn unset_names_are_collected_and_bad_syntax_fails() {
        let v = vars();
        let mut i = Interpolator::new(&v);
        assert_eq!(i.apply("${NOPE}$NOPE2").unwrap(), "");
        assert_eq!(i.unset, vec!["NOPE".to_string(), "NOPE2".to_string()]);
        assert!(run("${SET").is_err());
        assert!(run("${}").is_err());
        assert!(run("${SET:x}").is_err());
        assert!(run("${UNSET:-abc").is_err());
    }
}
