//! Context analysis: what a build sends after `.dockerignore`, where the
//! bytes are, what no COPY/ADD/bind mount ever selects, which well-known
//! leftovers (dependency trees the image installs itself, VCS history,
//! build output, caches, logs, editor and OS files) could be ignored and
//! how much each saves, and which files look like secrets.
//!
//! Pure: the caller walks the context (names and sizes only; the one
//! content check, whether an `.npmrc` holds a token, comes in as a fact)
//! and hands over the build plan's view of what the Dockerfile takes.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::dockerfile::dockerignore::{Matcher, parse};
use crate::plan::{BuildPlan, CopySource, FsRef, RunMountPlan, StepOp};

/// One entry of the context as the walk saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextFile {
    /// Slash-separated, relative to the context root.
    pub path: String,
    /// Bytes (0 for directories).
    pub size: u64,
    pub dir: bool,
}

/// What the walk found.
#[derive(Debug, Clone, Default)]
pub struct ContextFacts {
    /// Every entry sent after `.dockerignore`, in walk order.
    pub entries: Vec<ContextFile>,
    /// `.npmrc` files that hold a registry token (`_authToken`, `_auth`,
    /// `_password`); the caller checks, only the verdict comes here.
    pub npmrc_with_token: BTreeSet<String>,
}

/// What the Dockerfile takes from the context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContextUse {
    /// Context paths selected by COPY/ADD or a RUN bind mount (relative,
    /// may hold wildcards), with the Dockerfile line; `.` is everything.
    pub selectors: Vec<(String, u32)>,
    /// The line of a RUN that installs JavaScript dependencies itself
    /// (`npm ci`, `npm install`, `yarn install`, `pnpm install`, `bun install`).
    pub installs_node_modules: Option<u32>,
}

impl ContextUse {
    /// Read from a build plan (before strata's passes: what the Dockerfile says).
    pub fn from_plan(plan: &BuildPlan) -> ContextUse {
        let mut out = ContextUse::default();
        for stage in plan.stages.iter().filter(|s| s.reachable) {
            for step in &stage.steps {
                let line = step.span.start.line;
                match &step.op {
                    StepOp::Copy(copy) => {
                        for src in &copy.sources {
                            if let CopySource::Fs {
                                from: FsRef::Context,
                                path,
                                ..
                            } = src
                            {
                                out.selectors.push((selector(path), line));
                            }
                        }
                    }
                    StepOp::Run(run) => {
                        for m in &run.mounts {
                            if let RunMountPlan::Bind {
                                from: FsRef::Context,
                                source,
                                ..
                            } = m
                            {
                                out.selectors.push((selector(source), line));
                            }
                        }
                        if out.installs_node_modules.is_none()
                            && installs_node_modules(&run.args.join(" "))
                        {
                            out.installs_node_modules = Some(line);
                        }
                    }
                    StepOp::Mkdir { .. } => {}
                }
            }
        }
        out
    }

    /// The line of a step that takes the whole context (`COPY . .`).
    fn whole_context(&self) -> Option<u32> {
        self.selectors
            .iter()
            .find(|(s, _)| s == ".")
            .map(|(_, line)| *line)
    }
}

fn selector(path: &str) -> String {
    let p = path.trim_start_matches('/').trim_end_matches('/');
    if p.is_empty() || p == "." {
        ".".into()
    } else {
        p.trim_start_matches("./").to_string()
    }
}

/// Whether a RUN's command line installs a project's JavaScript dependencies.
fn installs_node_modules(script: &str) -> bool {
    let words: Vec<&str> = script
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        matches!(
            (w[0], w[1]),
            ("npm", "ci" | "install" | "i")
                | ("yarn", "install")
                | ("pnpm", "install" | "i")
                | ("bun", "install")
        )
    })
}

/// A path (or directory) with the bytes and files below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sized {
    pub path: String,
    pub bytes: u64,
    pub files: u64,
}

/// A line to add to the ignore file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub pattern: String,
    pub reason: String,
    /// Files and bytes it keeps out of the context.
    pub files: u64,
    pub bytes: u64,
}

/// A file that looks like a credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecretFile {
    pub path: String,
    pub kind: &'static str,
    /// The Dockerfile line of a COPY/ADD/bind that selects it (it enters a
    /// layer or a RUN), when one does.
    pub used_at: Option<u32>,
}

/// Files sent but never selected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unused {
    pub files: u64,
    pub bytes: u64,
    /// The largest unused top-level entries.
    pub largest: Vec<Sized>,
}

/// The analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextReport {
    /// Regular files (and symlinks) sent, and their bytes.
    pub files: u64,
    pub bytes: u64,
    /// Largest top-level entries.
    pub largest_dirs: Vec<Sized>,
    pub largest_files: Vec<Sized>,
    /// The line of a `COPY . .`-style step, when one takes everything.
    pub whole_context_at: Option<u32>,
    /// What no step selects (`None` when one step takes everything).
    pub unused: Option<Unused>,
    pub suggestions: Vec<Suggestion>,
    pub secrets: Vec<SecretFile>,
}

impl ContextReport {
    /// Nothing left to suggest and no secret entering the context.
    pub fn clean(&self) -> bool {
        self.suggestions.is_empty() && self.secrets.is_empty()
    }

    /// Bytes all suggestions save together (they do not overlap).
    pub fn saving(&self) -> u64 {
        self.suggestions.iter().map(|s| s.bytes).sum()
    }
}

/// How many entries the "largest" lists hold.
const TOP: usize = 10;

/// Well-known leftovers: a name (directory or file glob) and why it can go.
struct Rule {
    /// Matches one path component.
    name: fn(&str) -> bool,
    dir: bool,
    /// A glob for matching files (empty: the file's own name); nested
    /// occurrences get `**/`.
    pattern: &'static str,
    /// Only at the context root (a nested `logs/` may well be source code).
    root_only: bool,
    reason: &'static str,
}

const RULES: &[Rule] = &[
    Rule {
        name: |n| n == ".git" || n == ".hg" || n == ".svn",
        dir: true,
        pattern: "",
        root_only: false,
        reason: "version control history: no build step needs it (strata reads git facts on the host)",
    },
    Rule {
        name: |n| n == "__pycache__",
        dir: true,
        pattern: "__pycache__",
        root_only: false,
        reason: "Python bytecode caches, regenerated on first import",
    },
    Rule {
        name: |n| n == ".venv",
        dir: true,
        pattern: ".venv",
        root_only: false,
        reason: "a local virtualenv: built for the host, not the image",
    },
    Rule {
        name: |n| n == ".pytest_cache" || n == ".mypy_cache" || n == ".ruff_cache" || n == ".tox",
        dir: true,
        pattern: "",
        root_only: false,
        reason: "test and lint tool caches",
    },
    Rule {
        name: |n| n == "logs",
        dir: true,
        pattern: "logs",
        root_only: true,
        reason: "log files written at run time",
    },
    Rule {
        name: |n| n.ends_with(".log"),
        dir: false,
        pattern: "*.log",
        root_only: false,
        reason: "log files written at run time",
    },
    Rule {
        name: |n| n == ".idea" || n == ".vscode",
        dir: true,
        pattern: "",
        root_only: false,
        reason: "editor settings",
    },
    Rule {
        name: |n| {
            n == ".DS_Store"
                || n == "Thumbs.db"
                || n.ends_with(".swp")
                || n.ends_with(".swo")
                || (n.ends_with('~') && n.len() > 1)
        },
        dir: false,
        pattern: "",
        root_only: false,
        reason: "editor and OS litter",
    },
];

/// Analyse a context.
pub fn analyse(facts: &ContextFacts, usage: &ContextUse) -> ContextReport {
    let files: Vec<&ContextFile> = facts.entries.iter().filter(|e| !e.dir).collect();
    let dirs: BTreeSet<&str> = facts
        .entries
        .iter()
        .filter(|e| e.dir)
        .map(|e| e.path.as_str())
        .collect();
    let total_bytes = files.iter().map(|f| f.size).sum();

    let mut top: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for f in &files {
        let first = f.path.split('/').next().unwrap_or(&f.path);
        let t = top.entry(first).or_default();
        t.0 += f.size;
        t.1 += 1;
    }
    let largest_dirs = largest(
        top.iter()
            .filter(|(p, _)| dirs.contains(*p))
            .map(|(p, (b, n))| Sized {
                path: format!("{p}/"),
                bytes: *b,
                files: *n,
            }),
    );
    let largest_files = largest(files.iter().map(|f| Sized {
        path: f.path.clone(),
        bytes: f.size,
        files: 1,
    }));

    let whole_context_at = usage.whole_context();
    let explicit: Vec<String> = usage
        .selectors
        .iter()
        .filter(|(s, _)| s != ".")
        .map(|(s, _)| s.clone())
        .collect();
    let explicit_matcher = matcher(&explicit);
    let explicitly_used = |path: &str| {
        explicit_matcher
            .as_ref()
            .is_some_and(|m| m.is_excluded(path))
    };
    let used_at = |path: &str| -> Option<u32> {
        whole_context_at.or_else(|| {
            usage
                .selectors
                .iter()
                .find(|(s, _)| {
                    matcher(std::slice::from_ref(s)).is_some_and(|m| m.is_excluded(path))
                })
                .map(|(_, l)| *l)
        })
    };

    let unused = if whole_context_at.is_some() {
        None
    } else {
        let mut by_top: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        let (mut n, mut b) = (0, 0);
        for f in files.iter().filter(|f| !explicitly_used(&f.path)) {
            n += 1;
            b += f.size;
            let first = f.path.split('/').next().unwrap_or(&f.path);
            let t = by_top.entry(first).or_default();
            t.0 += f.size;
            t.1 += 1;
        }
        Some(Unused {
            files: n,
            bytes: b,
            largest: largest(by_top.into_iter().map(|(p, (bytes, files))| Sized {
                path: if dirs.contains(p) {
                    format!("{p}/")
                } else {
                    p.to_string()
                },
                bytes,
                files,
            })),
        })
    };

    // Candidate patterns: well-known names, then node_modules, then secrets.
    let mut candidates: Vec<(String, String)> = Vec::new();
    let mut add = |pattern: String, reason: String| {
        if !candidates.iter().any(|(p, _)| *p == pattern) {
            candidates.push((pattern, reason));
        }
    };
    for rule in RULES {
        let mut at_root = BTreeSet::new();
        let mut nested = BTreeSet::new();
        for e in &facts.entries {
            if e.dir != rule.dir {
                continue;
            }
            let name = e.path.rsplit('/').next().unwrap_or(&e.path);
            if !(rule.name)(name) {
                continue;
            }
            if rule.root_only && e.path.contains('/') {
                continue;
            }
            // Directories by name; files by the rule's glob when it has one.
            let pattern = if rule.dir || rule.pattern.is_empty() {
                name.to_string()
            } else {
                rule.pattern.to_string()
            };
            if e.path.contains('/') {
                nested.insert(pattern);
            } else {
                at_root.insert(pattern);
            }
        }
        for p in &nested {
            add(format!("**/{p}"), rule.reason.to_string());
        }
        for p in at_root.difference(&nested) {
            add(p.clone(), rule.reason.to_string());
        }
    }
    if let Some(line) = usage.installs_node_modules {
        let (mut root, mut deep) = (false, false);
        for d in facts.entries.iter().filter(|e| e.dir) {
            let name = d.path.rsplit('/').next().unwrap_or(&d.path);
            if name == "node_modules"
                && !d.path[..d.path.len() - name.len()].contains("node_modules")
            {
                if d.path.contains('/') {
                    deep = true;
                } else {
                    root = true;
                }
            }
        }
        let reason = format!("the image installs its own dependencies (RUN at line {line})");
        if deep {
            add("**/node_modules".into(), reason);
        } else if root {
            add("node_modules".into(), reason);
        }
    }

    let mut secrets = Vec::new();
    for f in &files {
        if let Some(kind) = secret_kind(&f.path, facts.npmrc_with_token.contains(&f.path)) {
            let used = used_at(&f.path);
            secrets.push(SecretFile {
                path: f.path.clone(),
                kind,
                used_at: used,
            });
            if !explicitly_used(&f.path) {
                add(
                    f.path.clone(),
                    format!("looks like a secret ({kind}); pass it with --secret instead"),
                );
            }
        }
    }

    // Each candidate counts only files no earlier suggestion took, and is
    // dropped when a step names one of its files: then it is needed.
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let mut suggestions = Vec::new();
    for (pattern, reason) in candidates {
        let Some(m) = matcher(std::slice::from_ref(&pattern)) else {
            continue;
        };
        let hits: Vec<&&ContextFile> = files.iter().filter(|f| m.is_excluded(&f.path)).collect();
        let hit_dirs = facts
            .entries
            .iter()
            .any(|e| e.dir && m.is_excluded(&e.path));
        if hits.is_empty() && !hit_dirs {
            continue;
        }
        if hits.iter().any(|f| explicitly_used(&f.path)) {
            continue;
        }
        let had_files = !hits.is_empty();
        let (mut n, mut b) = (0, 0);
        for f in hits {
            if taken.insert(f.path.as_str()) {
                n += 1;
                b += f.size;
            }
        }
        // Everything it would take, an earlier suggestion already takes.
        if had_files && n == 0 {
            continue;
        }
        suggestions.push(Suggestion {
            pattern,
            reason,
            files: n,
            bytes: b,
        });
    }
    suggestions.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.pattern.cmp(&b.pattern)));

    ContextReport {
        files: files.len() as u64,
        bytes: total_bytes,
        largest_dirs,
        largest_files,
        whole_context_at,
        unused,
        suggestions,
        secrets,
    }
}

fn matcher(patterns: &[String]) -> Option<Matcher> {
    if patterns.is_empty() {
        return None;
    }
    Matcher::new(&parse(&patterns.join("\n"))).ok()
}

fn largest(items: impl Iterator<Item = Sized>) -> Vec<Sized> {
    let mut v: Vec<Sized> = items.collect();
    v.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.path.cmp(&b.path)));
    v.truncate(TOP);
    v
}

/// What kind of credential a file name suggests, if any. Only names are
/// looked at (plus the caller's verdict on an `.npmrc`).
pub fn secret_kind(path: &str, npmrc_has_token: bool) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let parent = path[..path.len() - name.len()].trim_end_matches('/');
    let parent_name = parent.rsplit('/').next().unwrap_or(parent);
    let template = [".example", ".sample", ".template", ".dist", ".defaults"];
    if name == ".env" || (name.starts_with(".env.") && !template.iter().any(|t| name.ends_with(t)))
    {
        return Some("environment file");
    }
    if [".pem", ".key", ".p12", ".pfx"]
        .iter()
        .any(|e| name.ends_with(e))
    {
        return Some("private key or certificate bundle");
    }
    if name.starts_with("id_") && !name.ends_with(".pub") && !name.contains('.') {
        return Some("SSH private key");
    }
    if name == ".npmrc" && npmrc_has_token {
        return Some("npm registry token");
    }
    match (parent_name, name) {
        (_, ".pypirc") => Some("PyPI credentials"),
        (_, ".netrc") | (_, ".git-credentials") => Some("login credentials"),
        (".aws", "credentials") => Some("AWS credentials"),
        (".docker", "config.json") => Some("registry credentials"),
        (".kube", "config") => Some("Kubernetes credentials"),
        (_, "application_default_credentials.json") => Some("Google Cloud credentials"),
        _ => None,
    }
}

/// Whether an `.npmrc`'s text sets a registry token (the caller reads the
/// file; neither the text nor the token leaves this function).
pub fn npmrc_has_token(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        !l.starts_with('#')
            && !l.starts_with(';')
            && ["_authToken", "_auth", "_password"].iter().any(|k| {
                l.split('=')
                    .next()
                    .is_some_and(|key| key.trim().ends_with(k))
            })
    })
}

/// The lines `--write` appends to an ignore file (a comment, then one
/// pattern per suggestion).
pub fn ignore_lines(suggestions: &[Suggestion]) -> String {
    let mut out = String::from("\n# added by `strata context --write`\n");
    for s in suggestions {
        out.push_str(&s.pattern);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, size: u64) -> ContextFile {
        ContextFile {
            path: path.into(),
            size,
            dir: false,
        }
    }
    fn d(path: &str) -> ContextFile {
        ContextFile {
            path: path.into(),
            size: 0,
            dir: true,
        }
    }

    fn sample() -> ContextFacts {
        ContextFacts {
            entries: vec![
                d(".git"),
                f(".git/HEAD", 20),
                d(".git/objects"),
                f(".git/objects/pack", 5000),
                f(".env", 30),
                f(".env.example", 30),
                f("Dockerfile", 100),
                d("logs"),
                f("logs/app.log", 700),
                d("node_modules"),
                d("node_modules/left-pad"),
                f("node_modules/left-pad/index.js", 9000),
                f("package.json", 50),
                d("src"),
                f("src/index.js", 400),
            ],
            npmrc_with_token: BTreeSet::new(),
        }
    }

    fn usage(selectors: &[&str], npm: bool) -> ContextUse {
        ContextUse {
            selectors: selectors.iter().map(|s| (s.to_string(), 3)).collect(),
            installs_node_modules: npm.then_some(4),
        }
    }

    #[test]
    fn finds_each_leftover_with_its_bytes() {
        let r = analyse(&sample(), &usage(&["."], true));
        assert_eq!(r.files, 9);
        assert_eq!(r.bytes, 20 + 5000 + 30 + 30 + 100 + 700 + 9000 + 50 + 400);
        let by: BTreeMap<&str, u64> = r
            .suggestions
            .iter()
            .map(|s| (s.pattern.as_str(), s.bytes))
            .collect();
        assert_eq!(by.get("node_modules"), Some(&9000));
        assert_eq!(by.get(".git"), Some(&5020));
        assert_eq!(by.get("logs"), Some(&700));
        assert_eq!(by.get(".env"), Some(&30));
        assert!(
            !by.contains_key(".env.example"),
            "templates are not secrets"
        );
        assert_eq!(r.saving(), 9000 + 5020 + 700 + 30);
        assert_eq!(r.secrets.len(), 1);
        assert_eq!(
            r.secrets[0].used_at,
            Some(3),
            "COPY . . takes it into a layer"
        );
        assert!(r.unused.is_none());
        assert_eq!(r.largest_dirs[0].path, "node_modules/");
    }

    #[test]
    fn node_modules_stays_when_the_image_does_not_install_its_own() {
        let r = analyse(&sample(), &usage(&["."], false));
        assert!(
            !r.suggestions
                .iter()
                .any(|s| s.pattern.contains("node_modules"))
        );
    }

    #[test]
    fn named_paths_are_never_suggested_and_the_rest_is_unused() {
        let r = analyse(
            &sample(),
            &usage(&["package.json", "src", "logs/app.log"], true),
        );
        assert!(!r.suggestions.iter().any(|s| s.pattern == "logs"));
        let unused = r.unused.unwrap();
        assert_eq!(unused.bytes, 20 + 5000 + 30 + 30 + 100 + 9000);
        assert_eq!(unused.largest[0].path, "node_modules/");
        assert_eq!(r.secrets[0].used_at, None);
    }

    #[test]
    fn nested_occurrences_use_a_double_star() {
        let facts = ContextFacts {
            entries: vec![
                d("a"),
                d("a/__pycache__"),
                f("a/__pycache__/x.pyc", 10),
                f("a/b.log", 5),
                f("c.log", 6),
            ],
            ..Default::default()
        };
        let r = analyse(&facts, &usage(&["."], false));
        let pats: Vec<&str> = r.suggestions.iter().map(|s| s.pattern.as_str()).collect();
        assert!(pats.contains(&"**/__pycache__"), "{pats:?}");
        assert!(pats.contains(&"**/*.log"), "{pats:?}");
        assert_eq!(
            r.suggestions
                .iter()
                .find(|s| s.pattern == "**/*.log")
                .unwrap()
                .bytes,
            11
        );
    }

    #[test]
    fn secret_names() {
        assert_eq!(
            secret_kind("deploy/id_ed25519", false),
            Some("SSH private key")
        );
        assert_eq!(secret_kind("deploy/id_ed25519.pub", false), None);
        assert_eq!(
            secret_kind("certs/server.pem", false),
            Some("private key or certificate bundle")
        );
        assert_eq!(
            secret_kind("home/.aws/credentials", false),
            Some("AWS credentials")
        );
        assert_eq!(secret_kind(".npmrc", false), None);
        assert_eq!(secret_kind(".npmrc", true), Some("npm registry token"));
        assert!(npmrc_has_token("//registry.npmjs.org/:_authToken=abc\n"));
        assert!(!npmrc_has_token(
            "registry=https://example.com\n# _authToken=x\n"
        ));
    }

    #[test]
    fn install_detection() {
        assert!(installs_node_modules("npm ci --omit=dev"));
        assert!(installs_node_modules("cd app && yarn install"));
        assert!(!installs_node_modules("npm run build"));
    }
}
