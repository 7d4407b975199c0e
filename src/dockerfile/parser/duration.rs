//! Go's `time.ParseDuration`, which HEALTHCHECK's `--interval`, `--timeout`,
//! `--start-period` and `--start-interval` values must satisfy.

/// Parse a Go duration string (`1h30m`, `1.5s`, `300ms`, `-2us`) into
/// nanoseconds; the error text matches Go's.
pub fn parse_go_duration(orig: &str) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration \"{orig}\"");
    let (neg, mut s) = match orig.as_bytes().first() {
        Some(b'-') => (true, &orig[1..]),
        Some(b'+') => (false, &orig[1..]),
        _ => (false, orig),
    };
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u128 = 0;
    while !s.is_empty() {
        if !s.starts_with(|c: char| c == '.' || c.is_ascii_digit()) {
            return Err(invalid());
        }
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let (int_part, rest) = s.split_at(int_len);
        s = rest;
        let mut frac_part = "";
        if let Some(rest) = s.strip_prefix('.') {
            let frac_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            (frac_part, s) = rest.split_at(frac_len);
        }
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        let unit_len = s
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration \"{orig}\""));
        }
        let (unit, rest) = s.split_at(unit_len);
        s = rest;
        let scale: u128 = match unit {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60 * 1_000_000_000,
            "h" => 3_600 * 1_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit \"{unit}\" in duration \"{orig}\""
                ));
            }
        };
        let limit = i64::MAX as u128 + 1;
        let mut whole: u128 = 0;
        for d in int_part.bytes() {
            whole = whole * 10 + u128::from(d - b'0');
            if whole > limit {
                return Err(invalid());
            }
        }
        let mut value = whole.checked_mul(scale).ok_or_else(invalid)?;
        // Fraction: only as many digits as can matter.
        let mut frac: u128 = 0;
        let mut frac_scale: u128 = 1;
        for d in frac_part.bytes().take(30) {
            frac = frac * 10 + u128::from(d - b'0');
            frac_scale *= 10;
        }
        value += frac * scale / frac_scale;
        total = total.checked_add(value).ok_or_else(invalid)?;
        if total > limit {
            return Err(invalid());
        }
    }
    if neg {
        Ok(i64::try_from(total).map_or(i64::MIN, |t| -t))
    } else {
        i64::try_from(total).map_err(|_| invalid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_go() {
        assert_eq!(parse_go_duration("0"), Ok(0));
        assert_eq!(parse_go_duration("30s"), Ok(30_000_000_000));
        assert_eq!(parse_go_duration("1h30m"), Ok(5_400_000_000_000));
        assert_eq!(parse_go_duration("1.5ms"), Ok(1_500_000));
        assert_eq!(parse_go_duration(".5s"), Ok(500_000_000));
        assert_eq!(parse_go_duration("-2us"), Ok(-2_000));
        assert_eq!(
            parse_go_duration("10"),
            Err("time: missing unit in duration \"10\"".into())
        );
        assert_eq!(
            parse_go_duration("10x"),
            Err("time: unknown unit \"x\" in duration \"10x\"".into())
        );
        assert!(parse_go_duration("").is_err());
        assert!(parse_go_duration(".s").is_err());
        assert!(parse_go_duration("99999999999999999999h").is_err());
        assert!(parse_go_duration("3000000h").is_err());
    }
}
