#!/usr/bin/env bash
# How fast `strata context` analyses a large build context (issue 15's
# target: a 20,000-file, 300 MB context in under a second, warm).
#
# Makes a context of FILES files (default 20,000) totalling SIZE_MB
# (default 300 MB) spread over nested directories, with a node_modules
# tree, a .git directory, logs and a .env among them. The files are sparse
# (`truncate`): the analysis reads names and sizes, never contents, so
# sparse files measure the same work and build in seconds. Runs the
# analysis once to warm the page cache, then RUNS times (default 5), and
# prints each wall time and the median.
#
# Usage: scripts/bench-context.sh   (STRATA=path/to/strata to pick a binary;
# default target/release/strata, built when missing). No engine needed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STRATA=${STRATA:-${CARGO_TARGET_DIR:-$ROOT/target}/release/strata}
FILES=${FILES:-20000}
SIZE_MB=${SIZE_MB:-300}
RUNS=${RUNS:-5}
[ -x "$STRATA" ] || (cd "$ROOT" && cargo build --release --bin strata)

CTX=$(mktemp -d)
trap 'rm -rf "$CTX"' EXIT
per=$(( SIZE_MB * 1024 * 1024 / FILES ))
python3 - "$CTX" "$FILES" "$per" <<'PY'
import os, sys
root, files, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
tops = ["src", "node_modules", ".git/objects", "logs", "assets", "vendor"]
for i in range(files):
    top = tops[i % len(tops)]
    d = os.path.join(root, top, f"d{i % 97}", f"e{i % 13}")
    os.makedirs(d, exist_ok=True)
    name = f"f{i}.log" if top == "logs" else f"f{i}.js"
    with open(os.path.join(d, name), "wb") as f:
        f.truncate(per)
open(os.path.join(root, ".env"), "w").write("X=1\n")
open(os.path.join(root, "package.json"), "w").write("{}\n")
open(os.path.join(root, "Dockerfile"), "w").write(
    "FROM busybox\nCOPY package.json ./\nRUN npm ci\nCOPY src/ ./src/\n")
PY
"$STRATA" context "$CTX" >/dev/null 2>&1 # warm-up
times=()
for _ in $(seq "$RUNS"); do
  t0=$(date +%s.%N)
  "$STRATA" context "$CTX" >/dev/null 2>&1
  t1=$(date +%s.%N)
  times+=("$(echo "$t1 - $t0" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n > "$CTX.times"
median=$(sed -n "$(( (RUNS + 1) / 2 ))p" "$CTX.times")
rm -f "$CTX.times"
echo "strata context: $FILES files, $SIZE_MB MB: runs ${times[*]} s; median ${median} s ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
