#!/usr/bin/env bash
# Side-by-side: `strata build` vs `docker buildx build` (docker driver) on the
# same engine, for a 10,000-file context (1 KiB files):
#   cold        a new directory (new shared key: the whole context is sent)
#   incremental one file changed, rebuild
#   cached      nothing changed, rebuild
# Both load the image into Docker (strata: -o type=docker; buildx: --load).
# Prints the median wall time of RUNS runs and the ratio strata/buildx.
#
# Usage: scripts/compare-buildx.sh   (after `source /var/lib/strata-testbed/env`)
#   RUNS=5        runs per scenario and tool
#   GAP=0         seconds to wait between builds
#   STRATA=path   the strata binary (default: target/release/strata, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
GAP=${GAP:-0}
STRATA=${STRATA:-target/release/strata}
if [[ ! -x $STRATA ]]; then
  cargo build --release --locked
fi
: "${DOCKER_HOST:?source /var/lib/strata-testbed/env first}"
docker buildx version >/dev/null

work=$(mktemp -d /tmp/strata-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The template context, copied into a new directory for every cold run.
template=$work/template
mkdir -p "$template"
printf 'FROM busybox\nCOPY . /ctx\n' > "$template/Dockerfile"
python3 - "$template" <<'EOF'
import os, sys
root = sys.argv[1]
for d in range(100):
    os.makedirs(os.path.join(root, "d%03d" % d))
    for f in range(100):
        body = (b"file %d/%d\n" % (d, f)).ljust(1024, b"x")
        with open(os.path.join(root, "d%03d" % d, "f%03d.txt" % f), "wb") as fh:
            fh.write(body)
EOF

now() { date +%s.%N; }

build() { # tool dir
  local tool=$1 dir=$2
  case $tool in
    strata) "$STRATA" build --network none --progress quiet -o type=docker,name=strata-compare:strata "$dir" ;;
    buildx) docker buildx build --network host --progress quiet --load -t strata-compare:buildx "$dir" >/dev/null ;;
  esac
}

timed() { # tool dir → seconds on stdout
  local t0 t1
  t0=$(now)
  build "$1" "$2" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

declare -A samples
for ((run = 1; run <= RUNS; run++)); do
  # Alternate which tool goes first so neither always gets the warmer engine.
  if ((run % 2)); then order=(strata buildx); else order=(buildx strata); fi
  for tool in "${order[@]}"; do
    dir=$work/$tool-$run
    cp -a "$template" "$dir"
    sleep "$GAP"
    samples[$tool,cold]+="$(timed "$tool" "$dir") "
    echo "changed in run $run" >> "$dir/d042/f007.txt"
    sleep "$GAP"
    samples[$tool,incremental]+="$(timed "$tool" "$dir") "
    sleep "$GAP"
    samples[$tool,cached]+="$(timed "$tool" "$dir") "
    rm -rf "$dir"
  done
  echo "run $run/$RUNS done" >&2
done

printf '\n10,000 files x 1 KiB, %d runs each, GAP=%ss, engine %s, %s cores\n' "$RUNS" "$GAP" \
  "$(docker version --format '{{.Server.Version}}')" "$(nproc)"
printf '%-12s %12s %12s %10s   %s\n' scenario "strata (s)" "buildx (s)" ratio "strata samples"
for scenario in cold incremental cached; do
  s=$(tr ' ' '\n' <<<"${samples[strata,$scenario]}" | grep . | median)
  b=$(tr ' ' '\n' <<<"${samples[buildx,$scenario]}" | grep . | median)
  printf '%-12s %12.3f %12.3f %10.2f   %s\n' "$scenario" "$s" "$b" "$(echo "$s / $b" | bc -l)" \
    "$(for x in ${samples[strata,$scenario]}; do printf '%.2f ' "$x"; done)"
done
printf 'buildx samples: cold %s| incremental %s| cached %s\n' \
  "$(for x in ${samples[buildx,cold]}; do printf '%.2f ' "$x"; done)" \
  "$(for x in ${samples[buildx,incremental]}; do printf '%.2f ' "$x"; done)" \
  "$(for x in ${samples[buildx,cached]}; do printf '%.2f ' "$x"; done)"
docker image rm strata-compare:strata strata-compare:buildx >/dev/null 2>&1 || true
