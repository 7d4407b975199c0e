#!/usr/bin/env bash
# Side-by-side figures for strata's frontend image (not assertions), one run, one engine:
#   1. compressed image size: ours vs an upstream docker/dockerfile image you already
#      have in a registry (--upstream REF), both read from the registry manifests.
#   2. fully cached no-op build latency of the same Dockerfiles with
#      `# syntax=OURS`, `# syntax=UPSTREAM` and the engine's built-in dockerfile.v0
#      (no syntax line), through `docker buildx build` and `strata build`.
#      Samples are interleaved (the order rotates every round) after warm-up.
#
#   scripts/bench-frontend-image.sh [--ours REF] [--upstream REF] [--runs N] [--warmup N]
#                                   [--cases LIST] [--clients LIST] [--raw FILE] [--extra NAME=REF]...
#
#   --ours REF        default $STRATA_REGISTRY/strata:dev
#   --upstream REF    default $STRATA_REGISTRY/upstream-dockerfile:v0.26.3-local ("" to skip)
#   --runs N          samples per (case, client, frontend) after warm-up (default 12)
#   --warmup N        unmeasured builds of each before sampling (default 2)
#   --cases LIST      comma-separated: tiny,hello,go-multistage (default all)
#   --clients LIST    comma-separated: buildx,strata (default both; strata needs target/release/strata)
#   --raw FILE        also write every sample as TSV (case client frontend ms load1)
#   --extra NAME=REF  one more `# syntax=` image in the same rounds (e.g. base=…/strata:before
#                     to measure a change before/after in one run); repeatable
#   --process-times   also record every frontend process's lifetime (exec to exit, from
#                     `perf record` of the sched exec/exit tracepoints; needs perf and root):
#                     the frontend's own share of a build, without the engine's container start
#
# Needs the testbed (scripts/testbed.sh up), OURS pushed (scripts/frontend-image.sh --push REF)
# and, for the upstream column, an upstream docker/dockerfile image in a registry the engine
# reaches (--upstream REF; this repository does not build other projects' code).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/registry.sh
source scripts/lib/registry.sh
root=$PWD

TESTBED_ENV=${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env
# shellcheck disable=SC1090
[[ -f $TESTBED_ENV ]] && source "$TESTBED_ENV"
registry_default=${STRATA_REGISTRY:-127.0.0.1:5000}
OURS=$registry_default/strata:dev
UPSTREAM=$registry_default/upstream-dockerfile:v0.26.3-local
RUNS=12
WARMUP=2
CASES=tiny,hello,go-multistage
CLIENTS=buildx,strata
RAW=
PROCESS_TIMES=0
declare -A extra_refs=()
extra_names=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --ours) OURS=${2:?}; shift 2 ;;
    --upstream) UPSTREAM=${2-}; shift 2 ;;
    --runs) RUNS=${2:?}; shift 2 ;;
    --warmup) WARMUP=${2:?}; shift 2 ;;
    --cases) CASES=${2:?}; shift 2 ;;
    --clients) CLIENTS=${2:?}; shift 2 ;;
    --raw) RAW=${2:?}; shift 2 ;;
    --process-times) PROCESS_TIMES=1; shift ;;
    --extra)
      [[ ${2:-} == *=* ]] || { echo "--extra needs NAME=REF" >&2; exit 2; }
      extra_names+=("${2%%=*}"); extra_refs[${2%%=*}]=${2#*=}; shift 2 ;;
    -h | --help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
# The published docker/dockerfile image, compressed (one layer); Docker Hub is not reachable here.
PUBLISHED_UPSTREAM_BYTES=15200000
STRATA=$root/target/release/strata

log() { printf '[bench-frontend-image] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- sizes
# compressed_size REF → "layers config" (bytes), from the registry's manifest.
compressed_size() {
  local manifest
  manifest=$(registry_manifest "$1") || return 1
  jq -r '"\([.layers[].size] | add) \(.config.size)"' <<<"$manifest"
}
read -r ours_layers ours_config < <(compressed_size "$OURS") || {
  echo "cannot read the manifest of $OURS; push it first: scripts/frontend-image.sh --push $OURS" >&2
  exit 1
}
frontends=(ours builtin)
if [[ -n $UPSTREAM ]]; then
  read -r up_layers up_config < <(compressed_size "$UPSTREAM") || {
    echo "cannot read the manifest of $UPSTREAM; push an upstream docker/dockerfile image there, name another with --upstream REF, or --upstream '' to skip" >&2
    exit 1
  }
  frontends=(ours upstream builtin)
fi
frontends+=("${extra_names[@]}")

# ---------------------------------------------------------------- cases
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
IFS=, read -r -a cases <<<"$CASES"
IFS=, read -r -a clients <<<"$CLIENTS"
if [[ " ${clients[*]} " == *" strata "* ]] && ! [[ -x $STRATA ]]; then
  log "no $STRATA: skipping the strata client (cargo build --release)"
  clients=("${clients[@]/strata/}")
fi

# setup_case NAME → $work/NAME/ctx (context) and $work/NAME/df (Dockerfile body)
setup_case() {
  local c=$1 dir=$work/$1
  mkdir -p "$dir"
  case $c in
    tiny)
      mkdir -p "$dir/ctx"
      printf 'bench input\n' >"$dir/ctx/input.txt"
      cat >"$dir/df" <<'EOF'
FROM busybox:latest
ARG V=1
RUN echo "$V" > /v.txt
COPY input.txt /input.txt
ENV BENCH=1
WORKDIR /app
EOF
      ;;
    hello)
      cp -r testdata/apps/hello "$dir/ctx"
      cp "$dir/ctx/Dockerfile" "$dir/df"
      ;;
    go-multistage)
      cp -r testdata/apps/go-module "$dir/ctx"
      cp benches/frontend-image/go-multistage.Dockerfile "$dir/df"
      ;;
    *) echo "unknown case: $c (tiny, hello, go-multistage)" >&2; exit 2 ;;
  esac
  # One Dockerfile per frontend, outside the context: the context is the same for all.
  mkdir -p "$dir/dockerfiles"
  printf '# syntax=%s\n' "$OURS" | cat - "$dir/df" >"$dir/dockerfiles/ours.Dockerfile"
  [[ -n $UPSTREAM ]] && printf '# syntax=%s\n' "$UPSTREAM" | cat - "$dir/df" >"$dir/dockerfiles/upstream.Dockerfile"
  cp "$dir/df" "$dir/dockerfiles/builtin.Dockerfile"
  local n
  for n in "${extra_names[@]}"; do
    printf '# syntax=%s\n' "${extra_refs[$n]}" | cat - "$dir/df" >"$dir/dockerfiles/$n.Dockerfile"
  done
}

# build CASE CLIENT FRONTEND: one fully cached build, no export.
build() {
  local dir=$work/$1 df=$work/$1/dockerfiles/$3.Dockerfile
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$work/sequence"
  case $2 in
    buildx)
      docker buildx build -q --network=host --output type=cacheonly -f "$df" "$dir/ctx" >/dev/null 2>"$work/err"
      ;;
    strata)
      # dockerfile.v0 is the engine's frontend: like buildx, it follows `# syntax=`.
      "$STRATA" build --progress quiet --network host --frontend dockerfile.v0 -f "$df" "$dir/ctx" >/dev/null 2>"$work/err"
      ;;
  esac || {
    echo "build failed: case=$1 client=$2 frontend=$3" >&2
    cat "$work/err" >&2
    exit 1
  }
}
now_ns() { date +%s%N; }
load1() { cut -d' ' -f1 /proc/loadavg; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for c in "${cases[@]}"; do setup_case "$c"; done
: >"$work/sequence"
perf_pid=
if [[ $PROCESS_TIMES == 1 ]]; then
  command -v perf >/dev/null 2>&1 || { echo "--process-times needs perf" >&2; exit 2; }
  perf record -q -e sched:sched_process_exec -e sched:sched_process_exit -a -o "$work/perf.data" >"$work/perf.log" 2>&1 &
  perf_pid=$!
  sleep 1
fi
log "warm-up: $WARMUP build(s) of each (fills the cache, pulls the frontend images)"
for c in "${cases[@]}"; do
  for cl in "${clients[@]}"; do
    [[ -n $cl ]] || continue
    for f in "${frontends[@]}"; do
      for ((w = 0; w < WARMUP; w++)); do build "$c" "$cl" "$f"; done
    done
  done
done

samples=$work/samples.tsv
: >"$samples"
log "sampling: $RUNS round(s); each round builds every (case, client, frontend) once, order rotating"
nf=${#frontends[@]}
for ((i = 0; i < RUNS; i++)); do
  for c in "${cases[@]}"; do
    for cl in "${clients[@]}"; do
      [[ -n $cl ]] || continue
      for ((k = 0; k < nf; k++)); do
        f=${frontends[$(((i + k) % nf))]}
        l=$(load1)
        t=$(now_ns)
        build "$c" "$cl" "$f"
        printf '%s\t%s\t%s\t%d\t%s\n' "$c" "$cl" "$f" $((($(now_ns) - t) / 1000000)) "$l" >>"$samples"
      done
    done
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
[[ -n $RAW ]] && cp "$samples" "$RAW"
if [[ -n $perf_pid ]]; then
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
fi

# ---------------------------------------------------------------- report
# stat CASE CLIENT FRONTEND → "median p90 min max" (ms; p90 = nearest rank)
stat() {
  awk -F'\t' -v c="$1" -v cl="$2" -v f="$3" '$1 == c && $2 == cl && $3 == f {print $4}' "$samples" | sort -n |
    awk '{a[NR] = $1} END {
      m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
      r = int(0.9 * NR + 0.999999); if (r < 1) r = 1
      printf "%d %d %d %d\n", m, a[r], a[1], a[NR]
    }'
}
mb() { awk -v b="$1" 'BEGIN {printf "%.2f MB", b / 1000000}'; }

echo "## Frontend image size (compressed: sum of layer sizes in the registry manifest)"
echo
printf '| image | layers (bytes) | layers | + config |\n| --- | ---: | ---: | ---: |\n'
printf '| ours: %s | %s | %s | %s |\n' "$OURS" "$ours_layers" "$(mb "$ours_layers")" "$(mb $((ours_layers + ours_config)))"
if [[ -n $UPSTREAM ]]; then
  printf '| upstream, built locally: %s | %s | %s | %s |\n' "$UPSTREAM" "$up_layers" "$(mb "$up_layers")" "$(mb $((up_layers + up_config)))"
fi
for n in "${extra_names[@]}"; do
  if read -r xl xc < <(compressed_size "${extra_refs[$n]}"); then
    printf '| %s: %s | %s | %s | %s |\n' "$n" "${extra_refs[$n]}" "$xl" "$(mb "$xl")" "$(mb $((xl + xc)))"
  fi
done
printf '| upstream docker/dockerfile, published (documented) | %s | %s | |\n' "$PUBLISHED_UPSTREAM_BYTES" "$(mb "$PUBLISHED_UPSTREAM_BYTES")"
echo
[[ -n $UPSTREAM ]] && awk -v a="$ours_layers" -v b="$up_layers" 'BEGIN {printf "- ratio ours/upstream (local build): %.3f\n", a / b}'
awk -v a="$ours_layers" -v b="$PUBLISHED_UPSTREAM_BYTES" 'BEGIN {printf "- ratio ours/upstream (published): %.3f\n", a / b}'
echo
echo "## Fully cached no-op build latency (ms; $RUNS interleaved samples each after $WARMUP warm-up)"
echo
printf '| case | client | frontend | median | p90 | min | max |\n| --- | --- | --- | ---: | ---: | ---: | ---: |\n'
for c in "${cases[@]}"; do
  for cl in "${clients[@]}"; do
    [[ -n $cl ]] || continue
    for f in "${frontends[@]}"; do
      read -r m p lo hi < <(stat "$c" "$cl" "$f")
      printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$cl" "$f" "$m" "$p" "$lo" "$hi"
    done
  done
done
echo
echo "Ratios (medians; p90 in brackets):"
echo
for c in "${cases[@]}"; do
  for cl in "${clients[@]}"; do
    [[ -n $cl ]] || continue
    read -r mo po _ < <(stat "$c" "$cl" ours)
    read -r mb_ pb _ < <(stat "$c" "$cl" builtin)
    line="- $c via $cl:"
    if [[ -n $UPSTREAM ]]; then
      read -r mu pu _ < <(stat "$c" "$cl" upstream)
      line+=$(awk -v a="$mo" -v b="$mu" -v pa="$po" -v pb="$pu" 'BEGIN {printf " ours/upstream %.2f (%.2f);", a / b, pa / pb}')
    fi
    line+=$(awk -v a="$mo" -v b="$mb_" -v pa="$po" -v pb="$pb" 'BEGIN {printf " ours/built-in %.2f (%.2f)", a / b, pa / pb}')
    for n in "${extra_names[@]}"; do
      read -r mx px _ < <(stat "$c" "$cl" "$n")
      line+=$(awk -v a="$mo" -v b="$mx" -v pa="$po" -v pb="$px" -v n="$n" 'BEGIN {printf "; ours/%s %.2f (%.2f)", n, a / b, pa / pb}')
      [[ -n $UPSTREAM ]] && line+=$(awk -v a="$mx" -v b="$mu" -v pa="$px" -v pb="$pu" -v n="$n" 'BEGIN {printf "; %s/upstream %.2f (%.2f)", n, a / b, pa / pb}')
    done
    echo "$line"
  done
done
echo
loads=$(cut -f5 "$samples" | sort -n | awk '{a[NR] = $1} END {printf "min %s, median %s, max %s", a[1], a[int((NR + 1) / 2)], a[NR]}')
echo "Machine: $(nproc) cores; load average (1/5/15 min) $load_start at the start, $load_end at the end; 1-min load at each sample: $loads."
echo "Engine: docker $(docker version --format '{{.Server.Version}}' 2>/dev/null) (embedded BuildKit); buildx $(docker buildx version 2>/dev/null | cut -d' ' -f2); output type=cacheonly (buildx) / no output (strata build --frontend dockerfile.v0)."
echo "The # syntax= rows include what the engine does for any frontend image: the built-in frontend reads the Dockerfile, resolves the image, and starts it in a container."
[[ -n $perf_pid ]] || exit 0

# ---------------------------------------------------------------- process lifetimes
# The i-th frontend process started belongs to the i-th build that names a
# `# syntax=` image (builds run one at a time). Another client's frontend
# running on the same engine breaks that order: then no table is printed.
echo
echo "## Frontend process lifetime (ms, exec to exit; all builds including warm-up)"
echo
perf script -i "$work/perf.data" 2>/dev/null | python3 -c '
import math, re, statistics, sys
seq = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
seq = [s for s in seq if s[2] != "builtin"]
start, runs = {}, []
for line in sys.stdin:
    m = re.search(r" (\d+\.\d+): sched:sched_process_(exec|exit): (?:filename=(\S+) )?.*?pid=(\d+)", line)
    if not m:
        continue
    t, kind, name, pid = float(m.group(1)), m.group(2), m.group(3), m.group(4)
    if kind == "exec" and name.startswith("/bin/") and "frontend" in name:
        start[pid] = (t, name)
    elif kind == "exit" and pid in start:
        s, name = start.pop(pid)
        runs.append((s, (t - s) * 1000, name))
runs.sort()
times = {}
if len(runs) == len(seq):
    for (c, cl, f), (_, ms, _) in zip(seq, runs):
        times.setdefault((c, f), []).append(ms)
    print("| case | frontend | n | median | p90 | min | max |")
else:
    # Per executable instead (the images name their entrypoints differently or not at all).
    print(f"{len(runs)} frontend processes for {len(seq)} builds: another client used the engine,")
    print("so per executable over all cases, which may include a few of its processes:")
    print()
    for _, ms, name in runs:
        times.setdefault(("all", name), []).append(ms)
    print("| case | executable | n | median | p90 | min | max |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
for (c, f), a in times.items():
    a.sort()
    p90 = a[max(0, math.ceil(0.9 * len(a)) - 1)]
    print(f"| {c} | {f} | {len(a)} | {statistics.median(a):.1f} | {p90:.1f} | {a[0]:.1f} | {a[-1]:.1f} |")
' "$work/sequence"
