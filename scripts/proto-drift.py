#!/usr/bin/env python3
"""Compare strata's proto/ schema with upstream BuildKit and fsutil sources.

Usage: scripts/proto-drift.py BUILDKIT_GIT_DIR FSUTIL_GIT_DIR [REV]

Both arguments are git directories (a bare mirror or a checkout's .git);
REV defaults to HEAD. For each upstream file the script extracts packages,
messages, enums, fields (name, number, type, oneof), enum values and rpc
signatures, and prints every difference from our file. Comments and options
are ignored. Exit status 1 when anything differs.
"""
import re
import subprocess
import sys
from pathlib import Path

# upstream repository key, upstream path, our path under proto/
# (a fourth element "subset": ours keeps only some of upstream's messages
# and rpcs; whatever it keeps must match, and what it leaves out is fine)
FILES = [
    ("buildkit", "solver/pb/ops.proto", "pb/ops.proto"),
    ("buildkit", "api/services/control/control.proto", "moby/buildkit/v1/control.proto"),
    ("buildkit", "api/types/worker.proto", "moby/buildkit/v1/types/worker.proto"),
    ("buildkit", "util/apicaps/pb/caps.proto", "moby/buildkit/v1/apicaps/caps.proto"),
    ("buildkit", "sourcepolicy/pb/policy.proto", "moby/buildkit/v1/sourcepolicy/policy.proto"),
    ("buildkit", "frontend/gateway/pb/gateway.proto", "moby/buildkit/v1/frontend/gateway.proto"),
    ("buildkit", "solver/errdefs/errdefs.proto", "errdefs/errdefs.proto"),
    ("buildkit", "util/stack/stack.proto", "stack/stack.proto"),
    ("buildkit", "session/auth/auth.proto", "moby/filesync/v1/auth.proto"),
    ("buildkit", "session/filesync/filesync.proto", "moby/filesync/v1/filesync.proto"),
    ("buildkit", "session/secrets/secrets.proto", "moby/buildkit/secrets/v1/secrets.proto"),
    ("buildkit", "session/sshforward/ssh.proto", "moby/sshforward/v1/ssh.proto"),
    ("buildkit", "session/upload/upload.proto", "moby/upload/v1/upload.proto"),
    ("buildkit", "session/exporter/exporter.proto", "moby/exporter/v1/exporter.proto"),
    ("fsutil", "types/stat.proto", "fsutil/types/stat.proto"),
    ("fsutil", "types/wire.proto", "fsutil/types/wire.proto"),
    # BuildKit vendors containerd's API; the content store's read side.
    ("buildkit", "vendor/github.com/containerd/containerd/api/services/content/v1/content.proto",
     "containerd/services/content/v1/content.proto", "subset"),
]


def short_type(ty):
    """Normalise a field type so package qualification does not matter."""
    ty = re.sub(r"\s+", " ", ty)
    return re.sub(r"[\w]+\.", "", ty)


def extract(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"\[[^\]]*\]", "", text)
    items, stack, pkg = set(), [], ""
    for tok in re.findall(r"[{}]|[^{};]+;?|;", text):
        tok = tok.strip()
        if tok in ("", "{", ";"):
            continue
        if tok == "}":
            if stack:
                stack.pop()
            continue
        m = re.match(r"package\s+([\w.]+)\s*;", tok)
        if m:
            pkg = m.group(1)
            continue
        m = re.match(r"(message|enum|service|oneof)\s+(\w+)\s*$", tok)
        if m:
            stack.append(m.groups())
            if m.group(1) != "oneof":
                items.add((pkg, path_of(stack), m.group(1)))
            continue
        path = path_of(stack)
        oneof = ",".join(n for k, n in stack if k == "oneof")
        m = re.match(
            r"rpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)", tok
        )
        if m:
            items.add((pkg, path, "rpc", m.group(1), bool(m.group(2)), short_type(m.group(3)),
                       bool(m.group(4)), short_type(m.group(5))))
            continue
        m = re.match(r"((?:repeated\s+)?(?:map\s*<[^>]*>|[\w.]+))\s+(\w+)\s*=\s*(-?\d+)\s*;", tok)
        if m:
            items.add((pkg, path, "field", m.group(2), int(m.group(3)), short_type(m.group(1)), oneof))
            continue
        m = re.match(r"(\w+)\s*=\s*(-?\d+)\s*;", tok)
        if m:
            items.add((pkg, path, "value", m.group(1), int(m.group(2))))
    return items


def rpcs_of(items):
    return {i[3] for i in items if i[2] == "rpc"}


def path_of(stack):
    return ".".join(n for k, n in stack if k != "oneof")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    repos = {"buildkit": sys.argv[1], "fsutil": sys.argv[2]}
    rev = sys.argv[3] if len(sys.argv) > 3 else "HEAD"
    ours_root = Path(__file__).resolve().parent.parent / "proto"
    drift = False
    for repo, upstream_path, our_path, *mode in FILES:
        upstream = subprocess.run(
            ["git", "--git-dir", repos[repo], "show", f"{rev}:{upstream_path}"],
            check=True, capture_output=True, text=True,
        ).stdout
        a, b = extract(upstream), extract((ours_root / our_path).read_text())
        if mode == ["subset"]:
            # Only the messages, enums and services we declare count.
            kept = {(i[0], i[1]) for i in b if i[2] in ("message", "enum", "service")}
            a = {i for i in a if (i[0], i[1]) in kept and (i[2] != "rpc" or i[3] in rpcs_of(b))}
        for item in sorted(a - b, key=str):
            print(f"{our_path}: missing {item}")
        for item in sorted(b - a, key=str):
            print(f"{our_path}: extra {item}")
        drift |= a != b
    print("drift found" if drift else "no drift")
    sys.exit(1 if drift else 0)


if __name__ == "__main__":
    main()
