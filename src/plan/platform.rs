//! OCI platforms (`linux/amd64`, `linux/arm/v7`, `windows(10.0.20348)/amd64`):
//! parsing with containerd's normalisation rules, and formatting.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    pub variant: String,
    /// `os.version` (Windows builds), written `windows(10.0.20348)/amd64`.
    pub os_version: String,
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
            os_version: String::new(),
        }
    }

    /// The same platform with an OS version.
    pub fn with_os_version(mut self, os_version: &str) -> Platform {
        self.os_version = os_version.to_string();
        self
    }

    /// As BuildKit's LLB carries it.
    pub fn to_pb(&self) -> crate::proto::pb::Platform {
        crate::proto::pb::Platform {
            os: self.os.clone(),
            architecture: self.architecture.clone(),
            variant: self.variant.clone(),
            os_version: self.os_version.clone(),
            ..Default::default()
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

    /// Parse `os[(osversion)][/arch[/variant]]` or a bare architecture.
    pub fn parse(spec: &str) -> Result<Platform, String> {
        let spec = spec.trim();
        if spec.is_empty() {
            return Err("empty platform specifier".into());
        }
        let mut parts: Vec<&str> = spec.split('/').collect();
        // containerd's `os(osversion)` in the first component.
        let mut os_version = "";
        if let Some((os, rest)) = parts[0].split_once('(')
            && let Some(version) = rest.strip_suffix(')')
        {
            parts[0] = os;
            os_version = version;
        }
        let platform = Self::parse_parts(spec, &parts)?;
        if !os_version.is_empty()
            && !os_version
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        {
            return Err(format!(
                "{spec:?}: invalid OS version {os_version:?}: invalid argument"
            ));
        }
        Ok(platform.with_os_version(os_version))
    }

    fn parse_parts(spec: &str, parts: &[&str]) -> Result<Platform, String> {
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
        match parts {
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
        // containerd's FormatAll: the OS version in parentheses.
        if self.os_version.is_empty() {
            write!(f, "{}/{}", self.os, self.architecture)?;
        } else {
            write!(f, "{}({})/{}", self.os, self.os_version, self.architecture)?;
        }
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

    #[test]
    fn os_versions_parse_and_format_as_containerd_does() {
        let p = Platform::parse("windows(10.0.20348.1006)/amd64").unwrap();
        assert_eq!(
            (
                p.os.as_str(),
                p.os_version.as_str(),
                p.architecture.as_str()
            ),
            ("windows", "10.0.20348.1006", "amd64")
        );
        assert_eq!(p.to_string(), "windows(10.0.20348.1006)/amd64");
        assert_eq!(p.to_pb().os_version, "10.0.20348.1006");
        assert_eq!(
            Platform::parse("windows(1.2.3)/bar").unwrap().to_string(),
            "windows(1.2.3)/bar"
        );
        assert_eq!(
            Platform::parse("linux/arm64").unwrap().to_string(),
            "linux/arm64"
        );
        assert!(Platform::parse("windows(1 2)/amd64").is_err());
    }
}
