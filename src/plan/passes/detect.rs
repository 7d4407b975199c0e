//! Recognising package-manager invocations in RUN commands: each simple
//! command (see [`super::shell`]) is classified by the tool modules
//! ([`super::tools`]); a few plain commands are known to touch no project
//! file, and everything else is unknown.

pub use super::shell::split_commands;
use super::shell::strip_prefix_words;
pub use super::tools::{Effect, Tool};

/// One recognised (or not) simple command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub tool: Option<Tool>,
    pub words: Vec<String>,
    pub effect: Effect,
}

/// Classify one simple command.
pub fn classify(words: &[String]) -> Invocation {
    let w = strip_prefix_words(words);
    let Some(cmd) = w.first() else {
        return Invocation {
            tool: None,
            words: words.to_vec(),
            effect: Effect::NoProjectFiles,
        };
    };
    let args = &w[1..];
    let base = cmd.rsplit('/').next().unwrap_or(cmd);
    let (tool, effect) = match Tool::classify(base, args) {
        Some((tool, effect)) => (Some(tool), effect),
        None => match base {
            "rm" | "echo" | "mkdir" | "true" | "set" | "printf" | "ln" | "chmod" | "chown"
            | "useradd" | "groupadd" | "adduser" | "addgroup" => (None, Effect::NoProjectFiles),
            _ => (None, Effect::Unknown),
        },
    };
    Invocation {
        tool,
        words: words.to_vec(),
        effect,
    }
}

/// Every tool invoked anywhere in a script (for cache mounts), even when
/// the script as a whole is not understood.
pub fn tools_in(script: &str) -> Vec<Tool> {
    let mut tools: Vec<Tool> = match split_commands(script) {
        Some(cmds) => cmds.iter().filter_map(|c| classify(c).tool).collect(),
        None => script
            .split(|c: char| c.is_whitespace() || "&|;()`$\"'".contains(c))
            .filter_map(Tool::named_by)
            .collect(),
    };
    tools.sort();
    tools.dedup();
    tools
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Vec<String>> {
        split_commands(s).expect("understood")
    }

    #[test]
    fn classifies_installs() {
        let c = |s: &str| classify(&words(s)[0]).effect;
        assert!(matches!(c("npm ci"), Effect::InstallFromManifests { .. }));
        assert!(matches!(
            c("npm install"),
            Effect::InstallFromManifests { .. }
        ));
        assert!(matches!(
            c("npm install express"),
            Effect::ReadsSources { .. }
        ));
        assert!(matches!(c("npm run build"), Effect::ReadsSources { .. }));
        assert!(matches!(
            c("yarn install --frozen-lockfile"),
            Effect::InstallFromManifests { .. }
        ));
        assert!(matches!(
            c("pnpm install --frozen-lockfile"),
            Effect::InstallFromManifests { .. }
        ));
        assert_eq!(
            c("pip install --no-cache-dir -r requirements.txt"),
            Effect::InstallFromManifests {
                manifests: vec!["requirements.txt".into()]
            }
        );
        assert_eq!(
            c("python -m pip install -r req/base.txt"),
            Effect::InstallFromManifests {
                manifests: vec!["req/base.txt".into()]
            }
        );
        assert!(matches!(c("pip install ."), Effect::ReadsSources { .. }));
        assert!(matches!(c("pip install -e ."), Effect::ReadsSources { .. }));
        assert_eq!(c("pip install flask"), Effect::NoProjectFiles);
        assert!(matches!(
            c("uv sync --frozen --no-install-project"),
            Effect::InstallFromManifests { .. }
        ));
        assert!(matches!(
            c("poetry install --no-root"),
            Effect::InstallFromManifests { .. }
        ));
        assert!(matches!(c("poetry install"), Effect::ReadsSources { .. }));
        assert!(matches!(
            c("go mod download"),
            Effect::InstallFromManifests { .. }
        ));
        assert!(matches!(c("go build ./..."), Effect::ReadsSources { .. }));
        assert!(matches!(
            c("cargo build --release"),
            Effect::ReadsSources { .. }
        ));
        assert!(matches!(
            c("cargo fetch --locked"),
            Effect::InstallFromManifests { .. }
        ));
        assert!(matches!(
            c("cargo fetch --manifest-path x/Cargo.toml"),
            Effect::ReadsSources { .. }
        ));
        assert_eq!(c("apt-get install -y curl"), Effect::NoProjectFiles);
        assert_eq!(c("rm -rf /var/lib/apt/lists/*"), Effect::NoProjectFiles);
        assert_eq!(c("make"), Effect::Unknown);
    }

    #[test]
    fn finds_tools_even_in_unparsed_scripts() {
        assert_eq!(
            tools_in("apt-get update && apt-get install -y nodejs npm && npm ci"),
            vec![Tool::Npm, Tool::Apt]
        );
        assert_eq!(tools_in("x=$(go env GOPATH) && go build"), vec![Tool::Go]);
    }
}
