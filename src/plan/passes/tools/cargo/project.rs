//! What `cargo fetch` reads in a Cargo project, found from the manifests in
//! the build context, so dependency-first layering can run it against the
//! manifests alone. (Beside the cargo tool module rather than in it: this
//! models Cargo workspaces and the dependency pre-build, a job of its own
//! and most of what strata knows about cargo.)
//!
//! `cargo fetch` resolves the dependency graph from `Cargo.toml` (root and
//! every workspace member) and `Cargo.lock`, and downloads the locked
//! packages into `$CARGO_HOME`. It compiles nothing, but it refuses to load a
//! package that has no target: it needs `src/lib.rs`, `src/main.rs` or the
//! explicitly declared target files to *exist*. Their contents are never
//! read. So the layered install gets empty stub files at exactly those paths,
//! as read-only single-file mounts of the install step (never a layer), and
//! only at paths that also exist in the build context (so even a mount point
//! BuildKit left behind would be overwritten by the full copy that follows).
//!
//! The scan is conservative: whatever strata does not model (member globs,
//! path dependencies outside the workspace, `.cargo/config.toml` that can
//! redirect sources, a workspace root above the working directory) is a
//! fallback with the reason.

use std::collections::BTreeSet;

use crate::paths::clean as clean_path;
use crate::plan::passes::ContextFiles;

/// A Cargo project whose `cargo fetch` needs only these context files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CargoProject {
    /// Context paths of the manifests (root and members' Cargo.toml, Cargo.lock, toolchain files).
    pub manifests: Vec<String>,
    /// Context paths of target files that get a stub during the install.
    pub stubs: Vec<String>,
    /// The stubs that are library roots (empty); the others are `fn main() {}`.
    pub library_stubs: Vec<String>,
    /// Package names of the workspace's own crates (root package and members).
    pub packages: Vec<String>,
}

impl CargoProject {
    /// What the stub at `path` holds: enough for rustc to compile it, so
    /// the stubs also serve the dependency pre-build.
    pub fn stub_source(&self, path: &str) -> &'static str {
        if self.library_stubs.iter().any(|l| l == path) {
            ""
        } else {
            "fn main() {}\n"
        }
    }
}

/// The outcome of scanning with the files read so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CargoScan {
    /// Read these context paths, then scan again.
    Need(Vec<String>),
    Ready(CargoProject),
    /// Not provably safe to layer; why.
    Unsafe(String),
}

/// Context files that only matter when present (toolchain pins).
const OPTIONAL_MANIFESTS: [&str; 2] = ["rust-toolchain.toml", "rust-toolchain"];
/// Cargo configuration in the project can replace sources (vendoring, local paths).
const CARGO_CONFIGS: [&str; 2] = [".cargo/config.toml", ".cargo/config"];

fn join(dir: &str, rel: &str) -> String {
    let joined = if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    };
    let clean = clean_path(&format!("/{joined}"));
    clean.trim_start_matches('/').to_string()
}

/// `dir/rel` as a normalised context path, or `None` when it leaves the context.
fn resolve(dir: &str, rel: &str) -> Option<String> {
    if rel.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn parse(files: &ContextFiles, path: &str) -> Result<Option<toml::Table>, String> {
    match files.get(path) {
        None => Ok(None),
        Some(bytes) => std::str::from_utf8(bytes)
            .map_err(|_| format!("{path} is not UTF-8"))?
            .parse::<toml::Table>()
            .map(Some)
            .map_err(|e| format!("{path} does not parse as TOML: {}", e.message())),
    }
}

/// The dependency tables of a manifest or of a `[target.…]` section
/// (cargo still reads the old underscore spellings).
const DEPENDENCY_TABLES: [&str; 5] = [
    "dependencies",
    "dev-dependencies",
    "dev_dependencies",
    "build-dependencies",
    "build_dependencies",
];

/// Every `path = …` dependency in a manifest (all dependency tables,
/// target-specific ones, `[workspace.dependencies]`, `[patch.*]`, `[replace]`).
fn path_dependencies(manifest: &toml::Table) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut scan_table = |table: Option<&toml::Value>| {
        for (name, spec) in table.and_then(|t| t.as_table()).into_iter().flatten() {
            if let Some(p) = spec.get("path").and_then(|p| p.as_str()) {
                out.push((name.clone(), p.to_string()));
            }
        }
    };
    for key in DEPENDENCY_TABLES.iter().chain(&["replace"]) {
        scan_table(manifest.get(*key));
    }
    if let Some(targets) = manifest.get("target").and_then(|t| t.as_table()) {
        for cfg in targets.values() {
            for key in DEPENDENCY_TABLES {
                scan_table(cfg.get(key));
            }
        }
    }
    if let Some(ws) = manifest.get("workspace") {
        scan_table(ws.get("dependencies"));
    }
    if let Some(patch) = manifest.get("patch").and_then(|p| p.as_table()) {
        for registry in patch.values() {
            scan_table(Some(registry));
        }
    }
    out
}

/// The library root of a package, relative to its directory.
fn library_root(manifest: &toml::Table) -> String {
    manifest
        .get("lib")
        .and_then(|l| l.get("path"))
        .and_then(|p| p.as_str())
        .unwrap_or("src/lib.rs")
        .to_string()
}

/// The target files cargo may look for in one package (relative to the
/// package directory), grouped: each group is one target, satisfied when
/// any of its candidate files exists.
fn target_candidates(manifest: &toml::Table) -> Vec<Vec<String>> {
    let package_name = manifest
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .unwrap_or_default();
    let mut groups = Vec::new();
    // The implicit library and binary: at least one must exist unless targets are declared.
    let lib_path = manifest
        .get("lib")
        .and_then(|l| l.get("path"))
        .and_then(|p| p.as_str());
    match lib_path {
        Some(p) => groups.push(vec![p.to_string()]),
        None => groups.push(vec!["src/lib.rs".into(), "src/main.rs".into()]),
    }
    for (section, dir) in [
        ("bin", "src/bin"),
        ("example", "examples"),
        ("test", "tests"),
        ("bench", "benches"),
    ] {
        for target in manifest
            .get(section)
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(p) = target.get("path").and_then(|p| p.as_str()) {
                groups.push(vec![p.to_string()]);
                continue;
            }
            let name = target.get("name").and_then(|n| n.as_str()).unwrap_or("");
            let mut group = vec![format!("{dir}/{name}.rs"), format!("{dir}/{name}/main.rs")];
            if section == "bin" && name == package_name {
                group.push("src/main.rs".into());
            }
            groups.push(group);
        }
    }
    if let Some(build) = manifest
        .get("package")
        .and_then(|p| p.get("build"))
        .and_then(|b| b.as_str())
    {
        groups.push(vec![build.to_string()]);
    }
    groups
}

/// Scan the Cargo project in `project_dir` (a context path, "" for the root).
pub fn scan(project_dir: &str, files: &ContextFiles) -> CargoScan {
    let root_manifest = join(project_dir, "Cargo.toml");
    let lock = join(project_dir, "Cargo.lock");
    let mut need: Vec<String> = Vec::new();
    let want = |path: String, need: &mut Vec<String>| {
        if !files.known(&path) {
            need.push(path);
        }
    };
    want(root_manifest.clone(), &mut need);
    want(lock.clone(), &mut need);
    for f in OPTIONAL_MANIFESTS {
        want(join(project_dir, f), &mut need);
    }
    // Cargo reads `.cargo/config.toml` in the working directory and every
    // parent: within the copied tree those are the project dir's ancestors.
    let mut ancestors = vec![project_dir.to_string()];
    let mut dir = project_dir.to_string();
    while !dir.is_empty() {
        dir = dir
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        ancestors.push(dir.clone());
    }
    for a in &ancestors {
        for c in CARGO_CONFIGS {
            want(join(a, c), &mut need);
        }
    }
    if !need.is_empty() {
        return CargoScan::Need(need);
    }
    for a in &ancestors {
        for c in CARGO_CONFIGS {
            let p = join(a, c);
            if files.get(&p).is_some() {
                return CargoScan::Unsafe(format!(
                    "{p} can replace sources (vendoring, local paths), which strata does not analyse"
                ));
            }
        }
    }
    let root = match parse(files, &root_manifest) {
        Ok(Some(t)) => t,
        Ok(None) => {
            return CargoScan::Unsafe(format!(
                "{root_manifest} was not found in the build context"
            ));
        }
        Err(e) => return CargoScan::Unsafe(e),
    };
    if !project_dir.is_empty() && root.get("workspace").is_none() {
        // A package in a subdirectory may belong to a workspace above it.
        return CargoScan::Unsafe(
            "the package is in a subdirectory of the copied tree and may belong to a workspace above it".into(),
        );
    }
    // Package directories (context paths): the root package and the members.
    let mut packages: Vec<String> = Vec::new();
    if root.get("package").is_some() {
        packages.push(project_dir.to_string());
    }
    if let Some(ws) = root.get("workspace") {
        for m in ws
            .get("members")
            .and_then(|m| m.as_array())
            .into_iter()
            .flatten()
        {
            let Some(m) = m.as_str() else {
                return CargoScan::Unsafe("workspace.members holds a non-string entry".into());
            };
            if m.contains(['*', '?', '[']) {
                return CargoScan::Unsafe(format!(
                    "workspace member pattern {m:?} needs a directory listing; list the members explicitly to layer"
                ));
            }
            let Some(dir) = resolve(project_dir, m) else {
                return CargoScan::Unsafe(format!(
                    "workspace member {m:?} is outside the copied tree"
                ));
            };
            packages.push(dir);
        }
    }
    if packages.is_empty() {
        return CargoScan::Unsafe(format!(
            "{root_manifest} has no [package] and no workspace members"
        ));
    }
    let member_set: BTreeSet<&str> = packages.iter().map(String::as_str).collect();
    let mut manifests = vec![root_manifest.clone()];
    let mut stubs = Vec::new();
    let mut library_stubs = Vec::new();
    let mut package_names = Vec::new();
    let mut need = Vec::new();
    let mut parsed = Vec::new();
    for dir in &packages {
        let path = join(dir, "Cargo.toml");
        if path != root_manifest {
            manifests.push(path.clone());
        }
        if !files.known(&path) {
            need.push(path);
            continue;
        }
        match parse(files, &path) {
            Ok(Some(t)) => parsed.push((dir.clone(), t)),
            Ok(None) => {
                return CargoScan::Unsafe(format!(
                    "workspace member manifest {path} was not found in the build context"
                ));
            }
            Err(e) => return CargoScan::Unsafe(e),
        }
    }
    if !need.is_empty() {
        return CargoScan::Need(need);
    }
    for (dir, manifest) in &parsed {
        if dir != project_dir
            && manifest
                .get("package")
                .and_then(|p| p.get("workspace"))
                .is_some()
        {
            return CargoScan::Unsafe(format!("{dir}/Cargo.toml names its own workspace root"));
        }
        if let Some(name) = manifest
            .get("package")
            .and_then(|p| p.get("name"))
            .and_then(|n| n.as_str())
        {
            package_names.push(name.to_string());
        }
        if let Some(lib) = resolve(dir, &library_root(manifest)) {
            library_stubs.push(lib);
        }
        for (name, p) in path_dependencies(manifest) {
            // [workspace.dependencies] paths are relative to the root manifest.
            let target = resolve(dir, &p);
            match target {
                Some(t) if member_set.contains(t.as_str()) => {}
                _ => {
                    return CargoScan::Unsafe(format!(
                        "path dependency {name} = {p:?} in {} is not a workspace member in the manifest set",
                        join(dir, "Cargo.toml")
                    ));
                }
            }
        }
        for group in target_candidates(manifest) {
            let paths: Vec<String> = group.iter().filter_map(|f| resolve(dir, f)).collect();
            for p in &paths {
                if !files.known(p) {
                    need.push(p.clone());
                }
            }
            if paths.iter().all(|p| files.known(p)) {
                let present: Vec<&String> =
                    paths.iter().filter(|p| files.get(p).is_some()).collect();
                if present.is_empty() {
                    return CargoScan::Unsafe(format!(
                        "none of {} exists in the build context, so the crate's targets are unknown",
                        group.join(", ")
                    ));
                }
                stubs.extend(present.into_iter().cloned());
            }
        }
    }
    if !need.is_empty() {
        need.sort();
        need.dedup();
        return CargoScan::Need(need);
    }
    manifests.push(lock.clone());
    for f in OPTIONAL_MANIFESTS {
        let p = join(project_dir, f);
        if files.get(&p).is_some() {
            manifests.push(p);
        }
    }
    manifests.retain(|m| *m != lock || files.get(m).is_some());
    stubs.sort();
    stubs.dedup();
    library_stubs.retain(|l| stubs.contains(l));
    library_stubs.sort();
    package_names.sort();
    package_names.dedup();
    CargoScan::Ready(CargoProject {
        manifests,
        stubs,
        library_stubs,
        packages: package_names,
    })
}

/// A word as the shell should see it: plain when it has nothing the shell
/// would interpret, single-quoted otherwise.
fn shell_word(w: &str) -> String {
    if !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=.,/:+@%".contains(c))
    {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

/// Cargo flags that move outputs or manifests somewhere the pre-build cannot see.
const UNMODELLED_FLAGS: [&str; 6] = [
    "--manifest-path",
    "--target-dir",
    "--config",
    "-Z",
    "-C",
    "--artifact-dir",
];

/// Whether `words` (one simple command) is `cargo build` / `cargo b`.
pub fn is_cargo_build(words: &[String]) -> bool {
    let mut rest = words
        .iter()
        .skip_while(|w| w.contains('=') && !w.starts_with('-'))
        .map(String::as_str);
    if rest.next().and_then(|c| c.rsplit('/').next()) != Some("cargo") {
        return false;
    }
    rest.find(|w| !w.starts_with('-') && !w.starts_with('+'))
        .is_some_and(|sub| sub == "build" || sub == "b")
}

/// The script of the dependency pre-build: the user's own `cargo build`
/// (same words, so the same profile, features and targets) run against
/// the manifests and stub targets, then everything cargo built for the
/// workspace's own crates removed again, so only the dependencies stay.
///
/// Removing the workspace crates' artifacts is what keeps the real build
/// correct: cargo judges a path crate fresh by comparing mtimes, and the
/// real sources (copied with their own, possibly older, mtimes) must never
/// look older than a stub's output. `cargo clean -p` removes them; the
/// fingerprint directories are then deleted once more by name, so even a
/// cargo whose `clean -p` misses a unit rebuilds every workspace crate. If
/// anything fails (a stub that does not compile, a build script that needs
/// a source file), the target directory is removed: the real build then
/// starts from nothing, exactly as in the naive order.
pub fn prebuild_script(
    build: &[String],
    packages: &[String],
    target_cache: Option<&str>,
) -> Result<String, String> {
    if let Some(w) = build
        .iter()
        .find(|w| w.contains(['$', '`', '*', '?', '[', '~', '\\', '\n']))
    {
        return Err(format!(
            "the cargo build argument {w:?} needs the shell to expand it"
        ));
    }
    let cargo_at = build
        .iter()
        .position(|w| w.rsplit('/').next() == Some("cargo"))
        .ok_or("no cargo command")?;
    let args = &build[cargo_at + 1..];
    if let Some(f) = args.iter().find(|a| {
        UNMODELLED_FLAGS
            .iter()
            .any(|f| a == f || a.starts_with(&format!("{f}=")) || f.len() == 2 && a.starts_with(f))
    }) {
        return Err(format!(
            "cargo build {f} is not modelled by the dependency pre-build"
        ));
    }
    if packages.is_empty() {
        return Err("the workspace has no packages".into());
    }
    // `cargo clean` takes the toolchain and the flags that pick the output directory.
    let mut clean: Vec<String> = vec![build[cargo_at].clone()];
    clean.extend(args.iter().filter(|a| a.starts_with('+')).cloned());
    clean.push("clean".into());
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--release" | "-r" => clean.push("--release".into()),
            "--profile" | "--target" => {
                clean.push(a.into());
                clean.extend(args.get(i + 1).cloned());
                i += 1;
            }
            _ if a.starts_with("--profile=") || a.starts_with("--target=") => clean.push(a.into()),
            _ => {}
        }
        i += 1;
    }
    for p in packages {
        clean.push("-p".into());
        clean.push(p.clone());
    }
    let names: Vec<String> = packages
        .iter()
        .map(|p| format!("-name {}", shell_word(&format!("{p}-????????????????"))))
        .collect();
    let line = |ws: &[String]| {
        ws.iter()
            .map(|w| shell_word(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if let Some(cache) = target_cache {
        if args.iter().any(|a| a.starts_with("--message-format")) {
            return Err(
                "cargo build sets --message-format, which the target-dir cache needs".into(),
            );
        }
        return Ok(cached_prebuild_script(
            &line(build),
            &line(&clean),
            &names.join(" -o "),
            &shell_word(cache),
        ));
    }
    Ok(format!(
        "t=\"${{CARGO_TARGET_DIR:-${{CARGO_BUILD_TARGET_DIR:-target}}}}\"; \
         {{ {build} && {clean} && find \"$t\" -path '*/.fingerprint/*' \\( {names} \\) -prune -exec rm -rf {{}} + ; }} \
         || {{ echo 'strata: the dependency pre-build did not complete; the build step compiles everything' >&2; rm -rf \"$t\"; }}",
        build = line(build),
        clean = line(&clean),
        names = names.join(" -o "),
    ))
}

/// The profile and target a `cargo build` compiles for, as a cache key
/// (`release/host`, `dev/x86_64-unknown-linux-gnu`, …).
pub fn profile_key(build: &[String]) -> String {
    let mut profile = "dev".to_string();
    let mut targets = Vec::new();
    let mut i = 0;
    while i < build.len() {
        let a = build[i].as_str();
        match a {
            "--release" | "-r" => profile = "release".into(),
            "--profile" => profile = build.get(i + 1).cloned().unwrap_or_default(),
            "--target" => targets.extend(build.get(i + 1).cloned()),
            _ => {
                if let Some(p) = a.strip_prefix("--profile=") {
                    profile = p.into();
                } else if let Some(t) = a.strip_prefix("--target=") {
                    targets.push(t.into());
                }
            }
        }
        i += 1;
    }
    let target = if targets.is_empty() {
        "host".to_string()
    } else {
        targets.join("+")
    };
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.+".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!("{}/{}", clean(&profile), clean(&target))
}

/// A 16-hex-digit unit hash, as cargo appends it to artifact names, for awk
/// (spelled out: not every awk knows `{16}`).
const AWK_UNIT_HASH: &str = "/-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]/";

/// The pre-build with cargo's target directory kept in a locked cache
/// mount at `cache` between builds, so adding one dependency compiles
/// only that one.
///
/// The cache is never mounted over `target/` itself: the layer must hold
/// the dependencies (the build step and the image read them there), and
/// artifacts compiled under another path would embed that path. So the
/// cache seeds `target/` before the build and is refreshed from it after.
/// In between, every unit cargo did not report for *this* build (older
/// dependency versions, removed crates) is deleted by its hash, so the
/// layer — and the refreshed cache, which thereby stays bounded — holds
/// what a build from nothing leaves. Only a cache holding a whole target
/// directory (cargo's `CACHEDIR.TAG`, which cargo writes only into a
/// directory it creates itself) seeds it.
fn cached_prebuild_script(build: &str, clean: &str, names: &str, cache: &str) -> String {
    let units = format!("{cache}/.strata-units");
    let prune = format!(
        "find \"$t\" -mindepth 3 -maxdepth 4 \\( -path '*/deps/*' -o -path '*/build/*' -o -path '*/.fingerprint/*' -o -path '*/incremental/*' \\) -prune -print \
         | awk -v units={units} 'BEGIN {{ while ((getline l < units) > 0) while (match(l, {h})) {{ keep[substr(l, RSTART, RLENGTH)] = 1; l = substr(l, RSTART + RLENGTH) }} }} \
         {{ n = $0; sub(/.*\\//, \"\", n); last = \"\"; while (match(n, {h})) {{ last = substr(n, RSTART, RLENGTH); n = substr(n, RSTART + RLENGTH) }} if (last != \"\" && !(last in keep)) print }}' \
         | xargs -r rm -rf",
        h = AWK_UNIT_HASH,
    );
    let empty_cache = format!("find {cache} -mindepth 1 -maxdepth 1 -exec rm -rf {{}} +");
    format!(
        "t=\"${{CARGO_TARGET_DIR:-${{CARGO_BUILD_TARGET_DIR:-target}}}}\"; \
         {{ {{ [ ! -e {cache}/CACHEDIR.TAG ] || {{ mkdir -p \"$t\" && cp -a {cache}/. \"$t\"/; }}; }} \
         && {build} --message-format=json-render-diagnostics > {units} \
         && {clean} && find \"$t\" -path '*/.fingerprint/*' \\( {names} \\) -prune -exec rm -rf {{}} + \
         && {prune} \
         && {empty_cache} && cp -a \"$t\"/. {cache}/ ; }} \
         || {{ echo 'strata: the dependency pre-build did not complete; the build step compiles everything' >&2; rm -rf \"$t\"; {empty_cache}; }}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(pairs: &[(&str, Option<&str>)]) -> ContextFiles {
        ContextFiles {
            files: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.map(|s| s.as_bytes().to_vec())))
                .collect(),
        }
    }

    /// Scan, answering each `Need` from `all` (absent when not listed), like the callers do.
    fn scan_all(dir: &str, all: &[(&str, &str)]) -> (CargoScan, usize) {
        let mut files = ContextFiles::default();
        for round in 0..6 {
            match scan(dir, &files) {
                CargoScan::Need(paths) => {
                    for p in paths {
                        let v = all
                            .iter()
                            .find(|(k, _)| *k == p)
                            .map(|(_, v)| v.as_bytes().to_vec());
                        files.files.insert(p, v);
                    }
                }
                other => return (other, round),
            }
        }
        panic!("scan never settled")
    }

    const WS: &str =
        "[workspace]\nmembers = [\"crates/greet\", \"crates/app\"]\nresolver = \"2\"\n";
    const APP: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n[dependencies]\ngreet = { path = \"../greet\" }\nserde_json = \"1\"\n";
    const GREET: &str =
        "[package]\nname = \"greet\"\nversion = \"0.1.0\"\n[dependencies]\nitoa = \"1\"\n";

    #[test]
    fn workspace_with_members_is_ready_with_stubs_at_existing_targets() {
        let (got, rounds) = scan_all(
            "",
            &[
                ("Cargo.toml", WS),
                ("Cargo.lock", "version = 4\n"),
                ("crates/app/Cargo.toml", APP),
                ("crates/app/src/main.rs", "fn main() {}"),
                ("crates/greet/Cargo.toml", GREET),
                ("crates/greet/src/lib.rs", ""),
            ],
        );
        assert_eq!(rounds, 3, "root, members, targets");
        assert_eq!(
            got,
            CargoScan::Ready(CargoProject {
                manifests: vec![
                    "Cargo.toml".into(),
                    "crates/greet/Cargo.toml".into(),
                    "crates/app/Cargo.toml".into(),
                    "Cargo.lock".into(),
                ],
                stubs: vec![
                    "crates/app/src/main.rs".into(),
                    "crates/greet/src/lib.rs".into()
                ],
                library_stubs: vec!["crates/greet/src/lib.rs".into()],
                packages: vec!["app".into(), "greet".into()],
            })
        );
    }

    #[test]
    fn explicit_targets_are_stubbed() {
        let pkg = "[package]\nname = \"tool\"\nversion = \"1.0.0\"\nbuild = \"build/main.rs\"\n[lib]\npath = \"lib/tool.rs\"\n[[bin]]\nname = \"tool-cli\"\n";
        let (got, _) = scan_all(
            "",
            &[
                ("Cargo.toml", pkg),
                ("lib/tool.rs", ""),
                ("src/bin/tool-cli.rs", ""),
                ("build/main.rs", ""),
            ],
        );
        let CargoScan::Ready(p) = got else {
            panic!("{got:?}")
        };
        assert_eq!(
            p.manifests,
            vec!["Cargo.toml".to_string()],
            "no lock present"
        );
        assert_eq!(
            p.stubs,
            vec![
                "build/main.rs".to_string(),
                "lib/tool.rs".into(),
                "src/bin/tool-cli.rs".into()
            ]
        );
    }

    #[test]
    fn falls_back_when_not_provably_safe() {
        let base = [("Cargo.lock", ""), ("crates/a/src/lib.rs", "")];
        let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (
                vec![("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n")],
                "needs a directory listing",
            ),
            (
                vec![
                    ("Cargo.toml", "[workspace]\nmembers = [\"crates/a\"]\n"),
                    (
                        "crates/a/Cargo.toml",
                        "[package]\nname=\"a\"\nversion=\"0.1.0\"\n[dependencies]\nb = { path = \"../../vendor/b\" }\n",
                    ),
                ],
                "is not a workspace member",
            ),
            (
                vec![
                    ("Cargo.toml", "[package]\nname=\"a\"\nversion=\"0.1.0\"\n"),
                    (
                        ".cargo/config.toml",
                        "[source.crates-io]\nreplace-with = \"v\"\n",
                    ),
                ],
                "can replace sources",
            ),
            (
                vec![("Cargo.toml", "[package]\nname=\"a\"\nversion=\"0.1.0\"\n")],
                "targets are unknown",
            ),
            (vec![("Cargo.toml", "[package\n")], "does not parse"),
            (vec![], "was not found"),
        ];
        for (extra, why) in cases {
            let all: Vec<(&str, &str)> = base.iter().copied().chain(extra).collect();
            let (got, _) = scan_all("", &all);
            let CargoScan::Unsafe(reason) = &got else {
                panic!("{why}: {got:?}")
            };
            assert!(reason.contains(why), "{why}: {reason}");
        }
        let (got, _) = scan_all(
            "svc",
            &[
                (
                    "svc/Cargo.toml",
                    "[package]\nname=\"a\"\nversion=\"0.1.0\"\n",
                ),
                ("svc/src/lib.rs", ""),
            ],
        );
        assert!(matches!(got, CargoScan::Unsafe(r) if r.contains("workspace above")));
    }

    #[test]
    fn resolve_stays_in_context() {
        assert_eq!(
            resolve("crates/app", "../greet").as_deref(),
            Some("crates/greet")
        );
        assert_eq!(resolve("", "../x"), None);
        assert_eq!(resolve("a", "/abs"), None);
        assert_eq!(join("", "./Cargo.toml"), "Cargo.toml");
    }

    #[test]
    fn unknown_files_are_asked_for_first() {
        assert!(
            matches!(scan("", &ctx(&[])), CargoScan::Need(n) if n.contains(&"Cargo.toml".to_string()))
        );
    }

    #[test]
    fn prebuild_runs_the_same_build_then_drops_the_workspace_crates() {
        let w = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        let script = prebuild_script(
            &w("RUSTFLAGS=-Copt-level=2 cargo +1.85 build --release --target x86_64-unknown-linux-gnu --locked -p app"),
            &["app".into(), "greet".into()],
            None,
        )
        .expect("modelled");
        assert!(
            script.contains("RUSTFLAGS=-Copt-level=2 cargo +1.85 build --release --target x86_64-unknown-linux-gnu --locked -p app && cargo +1.85 clean --release --target x86_64-unknown-linux-gnu -p app -p greet && find"),
            "{script}"
        );
        assert!(
            script.contains("-name 'app-????????????????' -o -name 'greet-????????????????'"),
            "{script}"
        );
        assert!(script.contains("rm -rf \"$t\""), "{script}");

        for (words, why) in [
            ("cargo build --target $T", "expand"),
            (
                "cargo build --manifest-path x/Cargo.toml",
                "--manifest-path",
            ),
            ("cargo build --target-dir=/out", "--target-dir"),
            ("cargo -Zunstable-options build", "-Zunstable-options"),
        ] {
            let err = prebuild_script(&w(words), &["a".into()], None).unwrap_err();
            assert!(err.contains(why) || err.contains("-Z"), "{words}: {err}");
        }
        let cached = prebuild_script(
            &w("cargo build --release"),
            &["a".into()],
            Some("/.strata/cargo-target"),
        )
        .expect("modelled");
        assert!(
            cached.contains("cp -a /.strata/cargo-target/. \"$t\"/"),
            "{cached}"
        );
        assert!(cached.contains("cargo build --release --message-format=json-render-diagnostics > /.strata/cargo-target/.strata-units"), "{cached}");
        assert!(
            prebuild_script(
                &w("cargo build --message-format short"),
                &["a".into()],
                Some("/c")
            )
            .is_err()
        );
        assert_eq!(profile_key(&w("cargo build --release")), "release/host");
        assert_eq!(
            profile_key(&w(
                "cargo b --profile=ci --target x86_64-unknown-linux-musl"
            )),
            "ci/x86_64-unknown-linux-musl"
        );
        assert_eq!(profile_key(&w("cargo build")), "dev/host");
        assert!(is_cargo_build(&w("cargo build --release")));
        assert!(is_cargo_build(&w("X=1 /usr/bin/cargo +nightly b")));
        assert!(is_cargo_build(&w("cargo --locked build")));
        assert!(!is_cargo_build(&w("cargo fetch")));
        assert!(!is_cargo_build(&w("cargo test")));
    }

    #[test]
    fn stub_sources_compile() {
        let (got, _) = scan_all(
            "",
            &[
                (
                    "Cargo.toml",
                    "[package]\nname=\"a\"\nversion=\"0.1.0\"\nbuild=\"build.rs\"\n",
                ),
                ("src/lib.rs", ""),
                ("src/main.rs", ""),
                ("build.rs", ""),
            ],
        );
        let CargoScan::Ready(p) = got else {
            panic!("{got:?}")
        };
        assert_eq!(p.packages, ["a"]);
        assert_eq!(p.stub_source("src/lib.rs"), "");
        assert_eq!(p.stub_source("src/main.rs"), "fn main() {}\n");
        assert_eq!(p.stub_source("build.rs"), "fn main() {}\n");
    }
}
