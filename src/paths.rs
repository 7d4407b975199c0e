//! Slash-separated paths as BuildKit's Go code handles them: the one
//! `path.Clean` the crate uses, for file actions and mounts (`llb`), the
//! planner's paths, `.dockerignore` patterns and the session's file sync.

/// Lexically clean a slash-separated path like Go's `path.Clean`: repeated
/// slashes and `.` elements go, `..` removes the element before it (and
/// stays at the front of a relative path; above the root it is the root),
/// a trailing slash goes, and an empty result is `.`.
pub fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                // `..` above the root is the root.
                _ if rooted => {}
                _ => parts.push(".."),
            },
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_matches_go_path_clean() {
        for (i, o) in [
            ("", "."),
            (".", "."),
            ("/", "/"),
            ("//", "/"),
            ("a/b/../c", "a/c"),
            ("/../a", "/a"),
            ("../a", "../a"),
            ("../../a/..", "../.."),
            ("a/../..", ".."),
            ("a//b/./", "a/b"),
            ("/a/b/", "/a/b"),
            ("/a/./b/../../c", "/c"),
        ] {
            assert_eq!(clean(i), o, "clean({i:?})");
        }
    }
}
