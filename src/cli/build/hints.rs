//! What to do about a failed build, where the engine's own error text does
//! not say: the facts only the client has (the context directory on disk,
//! its `.dockerignore`, how the engine was set up) turned into a message or
//! a hint for the finaliser to print.

use std::path::Path;

use crate::dockerfile::dockerignore::{self, Matcher};

/// A hint line for an engine failure whose cause the engine's text does
/// not make plain.
pub(super) fn engine_error_hint(message: &str) -> Option<&'static str> {
    // Docker Engine started without a bridge network (`--bridge=none`, as
    // rootless and CI setups often are) cannot give RUN steps the default
    // network; the host's network works there.
    if message.contains("network bridge not found") {
        return Some(
            "hint: this Docker Engine has no bridge network for RUN steps; build with --network \
             host (or --network none if the steps need no network)",
        );
    }
    // Docker Engine's classic image store has no cache exporters but the
    // inline one (buildx's docker driver refuses them for the same reason).
    message.contains("unknown cache exporter").then_some(
        "hint: this engine exports cache only inline (--cache-to type=inline), as Docker Engine \
         with its classic image store does; registry, local, gha, s3 and azblob caches need \
         buildkitd (or Docker's containerd image store)",
    )
}

/// The context path a failed checksum names: BuildKit reports a COPY or
/// bind-mount source missing from a local source as `failed to calculate
/// checksum of ref …: "/PATH": not found`.
pub(super) fn missing_local_path(message: &str) -> Option<&str> {
    if !message.contains("failed to calculate checksum of ref") {
        return None;
    }
    let rest = message.strip_suffix("\": not found")?;
    let start = rest.rfind(": \"")? + 3;
    Some(rest[start..].trim_start_matches('/')).filter(|p| !p.is_empty())
}

/// Why `path` (context-relative) is not in what the engine received from
/// `context`: excluded by the ignore file (`ignore`: its path and text),
/// naming the line that excluded it, or not there at all.
pub(super) fn why_missing(path: &str, context: &Path, ignore: Option<(&Path, &str)>) -> String {
    let on_disk = std::fs::symlink_metadata(context.join(path)).is_ok();
    if on_disk
        && let Some((file, text)) = ignore
        && let Some(line) = excluding_line(path, text)
    {
        return format!(
            "{path:?} is excluded from the build context by {} line {line}; \
             remove it from there (or re-include it with a `!` line) to COPY it",
            file.display()
        );
    }
    if on_disk {
        return format!(
            "{path:?} is in {} but did not reach the engine (it is not a regular \
             file or directory the context sends)",
            context.display()
        );
    }
    format!(
        "{path:?} is not in the build context {}: COPY and bind-mount sources are \
         relative to the context directory, not to the Dockerfile",
        context.display()
    )
}

/// The 1-based line of the ignore file that excludes `path`: the last line
/// whose pattern changes the verdict (a later `!` line re-including it
/// would have made it included). `None` if the file does not exclude it.
fn excluding_line(path: &str, text: &str) -> Option<usize> {
    let verdict = |upto: usize| {
        let lines: String = text.lines().take(upto).map(|l| format!("{l}\n")).collect();
        Matcher::new(&dockerignore::parse(&lines))
            .map(|m| m.is_excluded(path))
            .unwrap_or(false)
    };
    let total = text.lines().count();
    if !verdict(total) {
        return None;
    }
    (1..=total).rev().find(|&n| verdict(n) && !verdict(n - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_failures_get_a_hint_where_the_text_lacks_one() {
        assert!(
            engine_error_hint("unknown cache exporter: \"local\"")
                .is_some_and(|h| h.contains("type=inline"))
        );
        assert!(
            engine_error_hint("network bridge not found")
                .is_some_and(|h| h.contains("--network host"))
        );
        assert_eq!(engine_error_hint("exit code: 1"), None);
    }

    #[test]
    fn the_missing_path_is_read_from_buildkits_checksum_error() {
        let m = "failed to compute cache key: failed to calculate checksum of ref \
                 abc::def: \"/src/app.py\": not found";
        assert_eq!(missing_local_path(m), Some("src/app.py"));
        assert_eq!(missing_local_path("secret a: not found"), None);
    }

    #[test]
    fn the_excluding_line_is_named() {
        let ignore = "# comment\n*.log\n\nsecret.txt\n";
        assert_eq!(excluding_line("secret.txt", ignore), Some(4));
        assert_eq!(excluding_line("a.log", ignore), Some(2));
        assert_eq!(excluding_line("main.rs", ignore), None);
        // Re-included by a later line: not excluded.
        assert_eq!(excluding_line("keep.log", "*.log\n!keep.log\n"), None);
        // Excluded again after a re-include: the last exclusion decides.
        assert_eq!(excluding_line("x.log", "*.log\n!x.log\nx.*\n"), Some(3));
        // A directory's exclusion covers what is under it.
        assert_eq!(excluding_line("build/out.bin", "build\n"), Some(1));
    }

    #[test]
    fn missing_and_ignored_sources_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        let ignore_path = dir.path().join(".dockerignore");
        let ignored = why_missing(
            "secret.txt",
            dir.path(),
            Some((&ignore_path, "*.tmp\nsecret.txt\n")),
        );
        assert!(ignored.contains(".dockerignore line 2"), "{ignored}");
        let absent = why_missing("nope.txt", dir.path(), None);
        assert!(absent.contains("not in the build context"), "{absent}");
    }
}
