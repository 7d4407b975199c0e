//! Go `time.Duration` strings (`1m30s`, `500ms`), as HEALTHCHECK flags take them
//! and as image history records them.

/// Parse a Go duration into nanoseconds. One parser serves the whole crate:
/// the Dockerfile parser's, which checks like Go's `time.ParseDuration` in
/// integers (no float rounding, no overflow, errors in Go's words).
pub use crate::dockerfile::parser::parse_go_duration as parse;

/// A Go duration or a number of days (`7d`, `1.5d`), as `strata prune
/// --keep-duration` and cache TTLs take it; nanoseconds, never negative.
/// Days are not a Go unit: `Nd` is read as `N` hours through the Go parser,
/// then multiplied, so `-1d`, `NaNd` and `infd` are errors, not panics.
pub fn parse_with_days(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let ns = match t.strip_suffix('d') {
        Some(days) => {
            if !days.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                return Err(format!("invalid duration {s:?}"));
            }
            let hours = parse(&format!("{days}h"))?;
            hours
                .checked_mul(24)
                .ok_or_else(|| format!("invalid duration {s:?}: too long"))?
        }
        None => parse(t)?,
    };
    if ns < 0 {
        return Err(format!("invalid duration {s:?}: negative"));
    }
    Ok(ns)
}

fn trim_fraction(mut frac: String) -> String {
    while frac.ends_with('0') {
        frac.pop();
    }
    frac
}

/// Format nanoseconds like Go's `Duration.String()`.
pub fn format(ns: i64) -> String {
    if ns == 0 {
        return "0s".into();
    }
    let neg = ns < 0;
    let u = ns.unsigned_abs();
    let body = if u < 1_000 {
        format!("{u}ns")
    } else if u < 1_000_000 {
        let f = trim_fraction(format!("{:03}", u % 1_000));
        if f.is_empty() {
            format!("{}µs", u / 1_000)
        } else {
            format!("{}.{f}µs", u / 1_000)
        }
    } else if u < 1_000_000_000 {
        let f = trim_fraction(format!("{:06}", u % 1_000_000));
        if f.is_empty() {
            format!("{}ms", u / 1_000_000)
        } else {
            format!("{}.{f}ms", u / 1_000_000)
        }
    } else {
        let secs = u / 1_000_000_000;
        let frac = trim_fraction(format!("{:09}", u % 1_000_000_000));
        let s = secs % 60;
        let sec_part = if frac.is_empty() {
            format!("{s}s")
        } else {
            format!("{s}.{frac}s")
        };
        let mins = secs / 60;
        if mins == 0 {
            sec_part
        } else if mins < 60 {
            format!("{mins}m{sec_part}")
        } else {
            format!("{}h{}m{sec_part}", mins / 60, mins % 60)
        }
    };
    if neg { format!("-{body}") } else { body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_go_forms() {
        for (s, ns, back) in [
            ("30s", 30_000_000_000, "30s"),
            ("1m30s", 90_000_000_000, "1m30s"),
            ("1.5s", 1_500_000_000, "1.5s"),
            ("100ms", 100_000_000, "100ms"),
            ("2h", 7_200_000_000_000, "2h0m0s"),
            ("0", 0, "0s"),
        ] {
            assert_eq!(parse(s), Ok(ns), "{s}");
            assert_eq!(format(ns), back);
        }
        assert!(parse("10").is_err());
        assert!(parse("abc").is_err());
        assert!(parse("").is_err());
        assert!(parse("5x").is_err());
    }

    #[test]
    fn days_and_bad_input_are_errors_not_panics() {
        assert_eq!(parse_with_days("7d"), Ok(7 * 86_400_000_000_000));
        assert_eq!(parse_with_days("1.5d"), Ok(129_600_000_000_000));
        assert_eq!(parse_with_days(" 90m "), Ok(5_400_000_000_000));
        assert_eq!(parse_with_days("0"), Ok(0));
        for bad in [
            "-1d",
            "-1h",
            "NaNd",
            "infd",
            "inf",
            "NaN",
            "+d",
            "d",
            "",
            "1e3d",
            "1d2h",
            "999999999d",
            "3000000h",
            "99999999999999999999999999d",
        ] {
            assert!(parse_with_days(bad).is_err(), "{bad:?}");
        }
    }
}
