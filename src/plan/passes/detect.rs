//! Recognising package-manager invocations in RUN commands: a small shell
//! splitter (commands joined by `&&`, `||`, `;`, `|`, newlines; quotes and
//! escapes honoured) and a classifier per tool.

/// The package managers strata knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    Npm,
    Yarn,
    Pnpm,
    Pip,
    Uv,
    Poetry,
    Apt,
    Cargo,
    Go,
}

impl Tool {
    pub const ALL: [Tool; 9] = [
        Tool::Npm,
        Tool::Yarn,
        Tool::Pnpm,
        Tool::Pip,
        Tool::Uv,
        Tool::Poetry,
        Tool::Apt,
        Tool::Cargo,
        Tool::Go,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tool::Npm => "npm",
            Tool::Yarn => "yarn",
            Tool::Pnpm => "pnpm",
            Tool::Pip => "pip",
            Tool::Uv => "uv",
            Tool::Poetry => "poetry",
            Tool::Apt => "apt",
            Tool::Cargo => "cargo",
            Tool::Go => "go",
        }
    }

    pub fn parse(s: &str) -> Option<Tool> {
        Tool::ALL
            .into_iter()
            .find(|t| t.name() == s.trim().to_ascii_lowercase())
    }
}

/// What a command does with the files it can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Installs dependencies reading only manifest/lock files (listed, relative to the cwd).
    InstallFromManifests { manifests: Vec<String> },
    /// Reads project sources (builds, tests, installs the project itself).
    ReadsSources { why: String },
    /// Touches no project files (apt, cache cleaning, `echo`, …).
    NoProjectFiles,
    /// Something we do not understand.
    Unknown,
}

/// One recognised (or not) simple command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub tool: Option<Tool>,
    pub words: Vec<String>,
    pub effect: Effect,
}

/// Split a shell script into simple commands, each a list of words.
/// Returns `None` for constructs we do not model (subshells, `$(…)`,
/// here-docs, unbalanced quotes): callers then stay conservative.
pub fn split_commands(script: &str) -> Option<Vec<Vec<String>>> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = script.chars().peekable();
    let end_word = |word: &mut String, in_word: &mut bool, words: &mut Vec<String>| {
        if *in_word {
            words.push(std::mem::take(word));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        ch => word.push(ch),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => {
                            let n = chars.next()?;
                            if !matches!(n, '"' | '\\' | '$' | '`' | '\n') {
                                word.push('\\');
                            }
                            if n != '\n' {
                                word.push(n);
                            }
                        }
                        '$' if chars.peek() == Some(&'(') => return None,
                        '`' => return None,
                        ch => word.push(ch),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(n) => {
                    in_word = true;
                    word.push(n);
                }
                None => {}
            },
            '$' if chars.peek() == Some(&'(') => return None,
            '`' | '(' | ')' | '{' | '}' => return None,
            '<' if chars.peek() == Some(&'<') => return None,
            '#' if !in_word => {
                // A comment runs to the end of the line.
                for ch in chars.by_ref() {
                    if ch == '\n' {
                        break;
                    }
                }
                end_word(&mut word, &mut in_word, &mut words);
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            '&' | '|' | ';' | '\n' => {
                if (c == '&' || c == '|') && chars.peek() == Some(&c) {
                    chars.next();
                } else if c == '&' {
                    return None; // background jobs
                }
                end_word(&mut word, &mut in_word, &mut words);
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            c if c.is_whitespace() => end_word(&mut word, &mut in_word, &mut words),
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    end_word(&mut word, &mut in_word, &mut words);
    if !words.is_empty() {
        commands.push(words);
    }
    Some(commands)
}

/// Drop leading `VAR=value` assignments and wrappers like `sudo`/`exec`/`env`.
fn strip_prefix_words(words: &[String]) -> &[String] {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let is_assign = w.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if is_assign
            || matches!(w.as_str(), "sudo" | "exec" | "env" | "time" | "nice")
            || (w.starts_with('-') && i > 0 && words[i - 1] == "sudo")
        {
            i += 1;
        } else {
            break;
        }
    }
    &words[i..]
}

fn positional(args: &[String]) -> Vec<&str> {
    args.iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect()
}

fn flag_values<'a>(args: &'a [String], names: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if let Some((k, v)) = a.split_once('=') {
            if names.contains(&k) {
                out.push(v);
            }
        } else if names.contains(&a) {
            if let Some(v) = args.get(i + 1) {
                out.push(v.as_str());
                i += 1;
            }
        } else if let Some(short) = names
            .iter()
            .find(|n| n.len() == 2 && a.starts_with(**n) && a.len() > 2)
        {
            out.push(&a[short.len()..]);
        }
        i += 1;
    }
    out
}

fn node_manifests(lock: &[&str]) -> Vec<String> {
    let mut m = vec!["package.json".to_string(), ".npmrc".to_string()];
    m.extend(lock.iter().map(|s| s.to_string()));
    m
}

fn sources(why: &str) -> Effect {
    Effect::ReadsSources {
        why: why.to_string(),
    }
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
    let sub = positional(args).first().copied().unwrap_or("");
    let base = cmd.rsplit('/').next().unwrap_or(cmd);
    let (tool, effect) = match base {
        "npm" => (
            Some(Tool::Npm),
            match sub {
                "ci" | "clean-install" => Effect::InstallFromManifests {
                    manifests: node_manifests(&["package-lock.json", "npm-shrinkwrap.json"]),
                },
                "install" | "i" | "add" if positional(args).len() == 1 => {
                    Effect::InstallFromManifests {
                        manifests: node_manifests(&["package-lock.json", "npm-shrinkwrap.json"]),
                    }
                }
                "install" | "i" | "add" => {
                    sources("npm install of named packages rewrites package.json")
                }
                "cache" => Effect::NoProjectFiles,
                _ => sources(&format!("npm {sub} runs project scripts")),
            },
        ),
        "yarn" => (
            Some(Tool::Yarn),
            match sub {
                "" | "install" => Effect::InstallFromManifests {
                    manifests: vec![
                        "package.json".into(),
                        "yarn.lock".into(),
                        ".yarnrc".into(),
                        ".yarnrc.yml".into(),
                        ".npmrc".into(),
                        ".yarn/releases".into(),
                        ".yarn/plugins".into(),
                        ".yarn/patches".into(),
                    ],
                },
                "cache" => Effect::NoProjectFiles,
                _ => sources(&format!("yarn {sub} runs project scripts")),
            },
        ),
        "pnpm" => (
            Some(Tool::Pnpm),
            match sub {
                "install" | "i" if positional(args).len() == 1 => Effect::InstallFromManifests {
                    manifests: node_manifests(&[
                        "pnpm-lock.yaml",
                        "pnpm-workspace.yaml",
                        ".pnpmfile.cjs",
                    ]),
                },
                "fetch" => Effect::InstallFromManifests {
                    manifests: vec![
                        "pnpm-lock.yaml".into(),
                        "pnpm-workspace.yaml".into(),
                        ".npmrc".into(),
                    ],
                },
                "store" => Effect::NoProjectFiles,
                _ => sources(&format!("pnpm {sub} runs project scripts")),
            },
        ),
        "pip" | "pip3" => (Some(Tool::Pip), pip_effect(args)),
        "python" | "python3"
            if args.len() >= 2 && args[0] == "-m" && (args[1] == "pip" || args[1] == "pip3") =>
        {
            (Some(Tool::Pip), pip_effect(&args[2..]))
        }
        "uv" => (
            Some(Tool::Uv),
            match sub {
                // Whether `uv sync` also builds the project depends on
                // pyproject.toml's [build-system]; layering checks that.
                "sync" => Effect::InstallFromManifests {
                    manifests: vec![
                        "pyproject.toml".into(),
                        "uv.lock".into(),
                        ".python-version".into(),
                    ],
                },
                "pip" if positional(args).get(1) == Some(&"install") => pip_effect(&args[1..]),
                "cache" | "venv" => Effect::NoProjectFiles,
                _ => sources(&format!("uv {sub} may read the project")),
            },
        ),
        "poetry" => (
            Some(Tool::Poetry),
            match sub {
                "install"
                    if args.iter().any(|a| a == "--no-root")
                        && !args.iter().any(|a| a == "--only-root") =>
                {
                    Effect::InstallFromManifests {
                        manifests: vec![
                            "pyproject.toml".into(),
                            "poetry.lock".into(),
                            "poetry.toml".into(),
                        ],
                    }
                }
                "install" => {
                    sources("poetry install also installs the project itself (use --no-root)")
                }
                _ => sources(&format!("poetry {sub} may read the project")),
            },
        ),
        "apt-get" | "apt" => (Some(Tool::Apt), Effect::NoProjectFiles),
        "cargo" => (
            Some(Tool::Cargo),
            match sub {
                "fetch" if args.iter().any(|a| a.starts_with("--manifest-path")) => {
                    sources("cargo fetch --manifest-path reads a manifest strata does not locate")
                }
                // Layering also reads the workspace members' manifests and
                // stubs the crates' target files (see `cargo::scan`).
                "fetch" => Effect::InstallFromManifests {
                    manifests: vec!["Cargo.toml".into(), "Cargo.lock".into()],
                },
                _ => sources(&format!("cargo {sub} compiles the sources")),
            },
        ),
        "go" => (
            Some(Tool::Go),
            match (sub, positional(args).get(1).copied()) {
                ("mod", Some("download")) => Effect::InstallFromManifests {
                    manifests: vec![
                        "go.mod".into(),
                        "go.sum".into(),
                        "go.work".into(),
                        "go.work.sum".into(),
                    ],
                },
                _ => sources(&format!("go {sub} reads the sources")),
            },
        ),
        "rm" | "echo" | "mkdir" | "true" | "set" | "printf" | "ln" | "chmod" | "chown"
        | "useradd" | "groupadd" | "adduser" | "addgroup" => (None, Effect::NoProjectFiles),
        _ => (None, Effect::Unknown),
    };
    Invocation {
        tool,
        words: words.to_vec(),
        effect,
    }
}

fn pip_effect(args: &[String]) -> Effect {
    let pos = positional(args);
    if pos.first() != Some(&"install") {
        return match pos.first() {
            Some(&"cache") | Some(&"download") => Effect::NoProjectFiles,
            _ => sources("pip command may read the project"),
        };
    }
    let reqs: Vec<String> = flag_values(args, &["-r", "--requirement", "-c", "--constraint"])
        .into_iter()
        .map(String::from)
        .collect();
    let local = pos[1..]
        .iter()
        .any(|p| *p == "." || p.starts_with("./") || p.starts_with('/') || p.starts_with("file:"))
        || args.iter().any(|a| a == "-e" || a == "--editable");
    if local {
        return sources("pip installs the project itself (setup.py/pyproject build)");
    }
    if reqs.is_empty() {
        // `pip install flask` installs named packages and reads no project files.
        return Effect::NoProjectFiles;
    }
    Effect::InstallFromManifests { manifests: reqs }
}

/// Every tool invoked anywhere in a script (for cache mounts), even when
/// the script as a whole is not understood.
pub fn tools_in(script: &str) -> Vec<Tool> {
    let mut tools: Vec<Tool> = match split_commands(script) {
        Some(cmds) => cmds.iter().filter_map(|c| classify(c).tool).collect(),
        None => script
            .split(|c: char| c.is_whitespace() || "&|;()`$\"'".contains(c))
            .filter_map(|w| match w.rsplit('/').next().unwrap_or(w) {
                "npm" => Some(Tool::Npm),
                "yarn" => Some(Tool::Yarn),
                "pnpm" => Some(Tool::Pnpm),
                "pip" | "pip3" => Some(Tool::Pip),
                "uv" => Some(Tool::Uv),
                "poetry" => Some(Tool::Poetry),
                "apt-get" | "apt" => Some(Tool::Apt),
                "cargo" => Some(Tool::Cargo),
                "go" => Some(Tool::Go),
                _ => None,
            })
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
    fn splits_chains_and_quotes() {
        assert_eq!(
            words("apt-get update && apt-get install -y 'a b' \"c\"; echo x").len(),
            3
        );
        assert_eq!(
            words("npm ci \\\n  --omit=dev")[0],
            ["npm", "ci", "--omit=dev"]
        );
        assert_eq!(words("FOO=1 npm ci # comment")[0], ["FOO=1", "npm", "ci"]);
        assert!(split_commands("echo $(date)").is_none());
        assert!(split_commands("echo 'unterminated").is_none());
        assert!(split_commands("(cd x && make)").is_none());
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
