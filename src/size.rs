//! Byte counts as people write and read them: one parser (Docker's
//! `RAMInBytes` reading, used by `--shm-size`, `--keep-storage` and the
//! budgets) and one printer (decimal units, as `docker` and buildx print).

/// `1.23MB`-style, decimal units as `docker` and buildx print them.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i + 1 < UNITS.len() {
        v /= 1000.0;
        i += 1;
    }
    if i == 0 {
        format!("{bytes}B")
    } else {
        format!("{v:.2}{}", UNITS[i])
    }
}

/// A size like `500MB`, `2GiB`, `1.5g` or `1024`: the unit letters are
/// binary multiples (1 MB = 1024 × 1024 bytes), as BuildKit's and
/// `--keep-storage`'s parsers read them.
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().map_err(|_| {
        format!("invalid size {s:?}: expected a number with an optional unit (B, KB, MB, GB, TB)")
    })?;
    let mult: f64 = match unit.trim().trim_end_matches("ib").trim_end_matches('b') {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0f64.powi(3),
        "t" => 1024.0f64.powi(4),
        _ => return Err(format!("invalid size {s:?}: unknown unit {unit:?}")),
    };
    if !n.is_finite() || n < 0.0 {
        return Err(format!("invalid size {s:?}"));
    }
    Ok((n * mult) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_bytes("500MB").unwrap(), 500 << 20);
        assert_eq!(parse_bytes("2GiB").unwrap(), 2 << 30);
        assert_eq!(parse_bytes("1024").unwrap(), 1024);
        assert!(parse_bytes("lots").is_err());
        assert!(parse_bytes("5 parsecs").is_err());
        assert_eq!(human_bytes(999), "999B");
        assert_eq!(human_bytes(1_500_000), "1.50MB");
    }
}
