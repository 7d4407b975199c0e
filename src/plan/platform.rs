//! OCI platforms (`linux/amd64`, `linux/arm/v7`): parsing with containerd's
//! normalisation rules, and formatting.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    pub variant: String,
}

const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "zos",
];

const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "ppc64",
    "ppc64le",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Normalise an architecture name and variant (x86_64 → amd64, aarch64 → arm64, …).
fn normalize_arch(arch: &str, variant: &str) -> (String, String) {
    let arch = arch.to_ascii_lowercase();
    let variant = variant.to_ascii_lowercase();
    match arch.as_str() {
        "i386" => ("386".into(), String::new()),
        "x86_64" | "x86-64" | "amd64" => {
            let v = if variant == "v1" {
                String::new()
            } else {
                variant
            };
            ("amd64".into(), v)
        }
        "aarch64" | "arm64" => {
            let v = if variant == "8" || variant == "v8" || variant == "v8.0" {
                String::new()
            } else {
                variant
            };
            ("arm64".into(), v)
        }
        "armhf" => ("arm".into(), "v7".into()),
        "armel" => ("arm".into(), "v6".into()),
        "arm" => {
            let v = match variant.as_str() {
                "" | "7" => "v7".to_string(),
                "5" | "6" | "8" => format!("v{variant}"),
                _ => variant,
            };
            ("arm".into(), v)
        }
        _ => (arch, variant),
    }
}

impl Platform {
    pub fn new(os: &str, architecture: &str, variant: &str) -> Platform {
        let (architecture, variant) = normalize_arch(architecture, variant);
        Platform {
            os: os.to_ascii_lowercase(),
            architecture,
            variant,
        }
    }

    /// The platform this program runs on (what BuildKit calls the default spec).
    pub fn host() -> Platform {
        let arch = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            "x86" => "386",
            other => other,
        };
        Platform::new("linux", arch, "")
    }

    /// Parse `os[/arch[/variant]]` or a bare architecture.
    pub fn parse(spec: &str) -> Result<Platform, String> {
        let spec = spec.trim();
        if spec.is_empty() {
            return Err("empty platform specifier".into());
        }
        let parts: Vec<&str> = spec.split('/').collect();
        let valid = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        };
        // Worded as containerd's parser, which upstream's frontend reports.
        if let Some(bad) = parts.iter().find(|p| !valid(p)) {
            return Err(format!(
                "{bad:?} is an invalid component of {spec:?}: platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument"
            ));
        }
        if parts.len() > 3 {
            return Err(format!(
                "{spec:?}: invalid platform specifier, expected os/arch[/variant]"
            ));
        }
        let lower = |s: &str| s.to_ascii_lowercase();
        match parts.as_slice() {
            [one] => {
                let one = lower(one);
                if KNOWN_OS.contains(&one.as_str()) {
                    let host = Platform::host();
                    Ok(Platform::new(&one, &host.architecture, &host.variant))
                } else {
                    let (a, _) = normalize_arch(&one, "");
                    if !KNOWN_ARCH.contains(&a.as_str()) {
                        return Err(format!(
                            "{spec:?}: unknown operating system or architecture"
                        ));
                    }
                    Ok(Platform::new("linux", &one, ""))
                }
            }
            [os, arch] => Ok(Platform::new(os, arch, "")),
            [os, arch, variant] => Ok(Platform::new(os, arch, variant)),
            _ => Err(format!("{spec:?}: invalid platform specifier")),
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if !self.variant.is_empty() {
            write!(f, "/{}", self.variant)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises() {
        assert_eq!(
            Platform::parse("linux/amd64").map(|p| p.to_string()),
            Ok("linux/amd64".into())
        );
        assert_eq!(
            Platform::parse("linux/x86_64").map(|p| p.to_string()),
            Ok("linux/amd64".into())
        );
        assert_eq!(
            Platform::parse("linux/arm64/v8").map(|p| p.to_string()),
            Ok("linux/arm64".into())
        );
        assert_eq!(
            Platform::parse("linux/arm").map(|p| p.to_string()),
            Ok("linux/arm/v7".into())
        );
        assert_eq!(
            Platform::parse("arm64").map(|p| p.to_string()),
            Ok("linux/arm64".into())
        );
        assert_eq!(
            Platform::parse("Linux/AMD64").map(|p| p.to_string()),
            Ok("linux/amd64".into())
        );
        assert!(Platform::parse("linux//amd64").is_err());
        assert!(Platform::parse("").is_err());
        assert!(Platform::parse("bogus").is_err());
    }
}
