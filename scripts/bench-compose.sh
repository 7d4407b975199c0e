#!/usr/bin/env bash
# Side by side: `strata build --compose` against `docker compose build` on the
# same engine and the same Compose file (testdata/compose/shop: a Node
# frontend, a Python API and a worker sharing the API's context).
#
#   cold: every step runs (--no-cache for both tools);
#   edit: both tools' caches are warm, then one source file of one service
#         (frontend/src/catalog.js) changes before each build.
#
# Prints each run's wall time and the ratios strata/compose (medians; below
# 1 means strata is faster). Each tool builds its own copy of the project
# under its own image names, so neither reuses the other's images.
#
# Needs the testbed (scripts/testbed.sh up) and Docker Compose v2: Debian
# packages it as `docker-compose` (trixie, 2.26; bookworm's 1.29 is the old
# Python one, which cannot use BuildKit); this script installs it from the
# testbed's trixie source when missing.
#
# Environment: STRATA (binary; default target/release/strata under
# CARGO_TARGET_DIR or the repo), RUNS (builds per tool and phase, default 2).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ENV_FILE=${STRATA_TESTBED_ENV:-/var/lib/strata-testbed/env}
[[ -r $ENV_FILE ]] || { echo "no testbed env at $ENV_FILE: run scripts/testbed.sh up" >&2; exit 2; }
# shellcheck disable=SC1090
. "$ENV_FILE"
STRATA=${STRATA:-${CARGO_TARGET_DIR:-$ROOT/target}/release/strata}
RUNS=${RUNS:-2}
[[ -x $STRATA ]] || { echo "no strata binary at $STRATA (cargo build --release, or set STRATA)" >&2; exit 2; }

compose_cmd() {
  if docker compose version >/dev/null 2>&1; then
    docker compose "$@"
  else
    docker-compose "$@"
  fi
}
if ! docker compose version >/dev/null 2>&1 && ! docker-compose version 2>/dev/null | grep -q 'version v\?2'; then
  echo "installing Docker Compose v2 (Debian trixie's docker-compose)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -t trixie docker-compose >/dev/null ||
    { echo "Docker Compose v2 is not installable here; nothing to compare against" >&2; exit 2; }
fi
echo "strata: $("$STRATA" --version); compose: $(compose_cmd version --short 2>/dev/null || compose_cmd version)" >&2
echo "engine: $(docker version --format '{{.Server.Version}}') at $DOCKER_HOST" >&2

work=$(mktemp -d /tmp/strata-bench-compose.XXXXXX)
tag=$(date +%s)
images=()
cleanup() {
  ((${#images[@]})) && docker image rm -f "${images[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
for tool in strata compose; do
  cp -r "$ROOT/testdata/compose/shop" "$work/$tool"
  for s in frontend api worker; do images+=("bench-$tool-$tag/$s:1.4.2"); done
done

# Wall time of one build in seconds; the build's output goes to $work/LOG.
run() {
  local tool=$1 log=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  if [[ $tool == strata ]]; then
    SHOP_REGISTRY=bench-strata-$tag "$STRATA" build --compose "$work/strata" --progress plain "$@" >"$work/$log" 2>&1
  else
    SHOP_REGISTRY=bench-compose-$tag compose_cmd -f "$work/compose/compose.yaml" --progress plain build "$@" >"$work/$log" 2>&1
  fi || { echo "$tool build failed; its output:" >&2; tail -40 "$work/$log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -A times
phase() {
  local name=$1 tool=$2 t
  t=$(run "$tool" "$name-$tool-$3.log" "${@:4}")
  times[$name-$tool]+="$t "
  printf '%-5s %-7s run %s: %6.1fs\n' "$name" "$tool" "$3" "$t"
}

for i in $(seq 1 "$RUNS"); do
  # Alternate which tool goes first, so neither always meets a busier engine.
  if ((i % 2)); then order="strata compose"; else order="compose strata"; fi
  for tool in $order; do phase cold "$tool" "$i" --no-cache; done
done

# Warm both caches with the unedited sources, then edit and rebuild.
for tool in strata compose; do run "$tool" "warm-$tool.log" >/dev/null; done
for i in $(seq 1 "$RUNS"); do
  if ((i % 2)); then order="strata compose"; else order="compose strata"; fi
  for tool in $order; do
    printf '  { name: "Bench item %s", price: %s },\n];\n' "$i" "$i.5" >"$work/edit.js"
    sed -i '$d' "$work/$tool/frontend/src/catalog.js"
    cat "$work/edit.js" >>"$work/$tool/frontend/src/catalog.js"
    phase edit "$tool" "$i"
  done
done

echo
echo "strata's report after the last edit (only the frontend's source steps should run):"
sed -n '/^service  /,$p' "$work/edit-strata-$RUNS.log"
echo
for p in cold edit; do
  s=$(tr ' ' '\n' <<<"${times[$p-strata]}" | grep . | median)
  c=$(tr ' ' '\n' <<<"${times[$p-compose]}" | grep . | median)
  printf '%-5s strata %6.1fs  docker compose %6.1fs  ratio strata/compose %.2f\n' "$p" "$s" "$c" "$(echo "$s / $c" | bc -l)"
done
