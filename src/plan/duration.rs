//! Go `time.Duration` strings (`1m30s`, `500ms`), as HEALTHCHECK flags take them
//! and as image history records them.

/// Parse a Go duration into nanoseconds.
pub fn parse(s: &str) -> Result<i64, String> {
    let orig = s;
    let (neg, mut s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(format!("invalid duration {orig:?}"));
    }
    let mut total: f64 = 0.0;
    while !s.is_empty() {
        let num_end = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        if num_end == 0 {
            return Err(format!("invalid duration {orig:?}"));
        }
        let value: f64 = s[..num_end]
            .parse()
            .map_err(|_| format!("invalid duration {orig:?}"))?;
        s = &s[num_end..];
        let unit_end = s
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(s.len());
        let unit = &s[..unit_end];
        s = &s[unit_end..];
        let scale = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            "" => return Err(format!("missing unit in duration {orig:?}")),
            other => return Err(format!("unknown unit {other:?} in duration {orig:?}")),
        };
        total += value * scale;
    }
    if total > i64::MAX as f64 {
        return Err(format!("invalid duration {orig:?}"));
    }
    let ns = total.round() as i64;
    Ok(if neg { -ns } else { ns })
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
}
