#!/usr/bin/env bash
# Side-by-side figures for strata's frontend image (not assertions):
#   1. compressed image size: ours (registry manifest) vs upstream docker/dockerfile
#   2. fully cached no-op build latency: `# syntax=OURS` vs the engine's built-in
#      dockerfile.v0 (no syntax line), same Dockerfile, same engine, RUNS runs each.
#
#   scripts/bench-frontend-image.sh [REF] [RUNS]     (default 127.0.0.1:5000/strata:dev, 7)
#
# Needs the testbed (scripts/testbed.sh up) and REF pushed (scripts/frontend-image.sh --push REF).
set -euo pipefail
cd "$(dirname "$0")/.."

TESTBED_ENV=${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env
# shellcheck disable=SC1090
[[ -f $TESTBED_ENV ]] && source "$TESTBED_ENV"
REF=${1:-${STRATA_REGISTRY:-127.0.0.1:5000}/strata:dev}
RUNS=${2:-7}
# Upstream's docker/dockerfile image, compressed (one layer); Docker Hub is not reachable here.
UPSTREAM_BYTES=15200000

registry=${REF%%/*}
rest=${REF#*/}
repo=${rest%:*}
tag=${rest##*:}
accept='application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json'
manifest=$(curl -fsS -H "Accept: $accept" "http://$registry/v2/$repo/manifests/$tag") || {
  echo "cannot read the manifest of $REF; push it first: scripts/frontend-image.sh --push $REF" >&2
  exit 1
}
if digest=$(jq -er '.manifests[0].digest' <<<"$manifest" 2>/dev/null); then
  manifest=$(curl -fsS -H "Accept: $accept" "http://$registry/v2/$repo/manifests/$digest")
fi
layers=$(jq '[.layers[].size] | add' <<<"$manifest")
config=$(jq '.config.size' <<<"$manifest")

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
body='FROM busybox:latest
ARG V=1
RUN echo "$V" > /v.txt
COPY input.txt /input.txt
ENV BENCH=1
WORKDIR /app'
printf 'bench input\n' >"$ctx/input.txt"
printf '# syntax=%s\n%s\n' "$REF" "$body" >"$ctx/Dockerfile.ours"
printf '%s\n' "$body" >"$ctx/Dockerfile.builtin"

build() { # $1 = ours|builtin
  docker buildx build -q --network=host --output type=cacheonly -f "$ctx/Dockerfile.$1" "$ctx" >/dev/null 2>"$ctx/err" || {
    cat "$ctx/err" >&2
    exit 1
  }
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Warm both: the first build fills the cache (and pulls our image into the engine).
build ours
build builtin
declare -a ours=() builtin=()
for ((i = 0; i < RUNS; i++)); do
  # Interleave so drift in the engine affects both sides alike.
  t=$(now_ms); build ours; ours+=($(($(now_ms) - t)))
  t=$(now_ms); build builtin; builtin+=($(($(now_ms) - t)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ours[@]}")
mb=$(median "${builtin[@]}")

mb_of() { awk -v b="$1" 'BEGIN {printf "%.2f MB", b / 1000000}'; }
echo
echo "## Frontend image size (compressed)"
printf '| image | bytes | size |\n| --- | ---: | ---: |\n'
printf '| %s (layers) | %s | %s |\n' "$REF" "$layers" "$(mb_of "$layers")"
printf '| %s (layers + config) | %s | %s |\n' "$REF" "$((layers + config))" "$(mb_of $((layers + config)))"
printf '| docker/dockerfile (upstream, documented; not reachable here) | %s | %s |\n' "$UPSTREAM_BYTES" "$(mb_of "$UPSTREAM_BYTES")"
awk -v a="$layers" -v b="$UPSTREAM_BYTES" 'BEGIN {printf "ratio ours/upstream: %.3f\n", a / b}'
echo
echo "## Fully cached no-op build, $RUNS runs each (ms, median)"
printf '| frontend | runs (ms) | median |\n| --- | --- | ---: |\n'
printf '| # syntax=%s | %s | %s |\n' "$REF" "${ours[*]}" "$mo"
printf '| built-in dockerfile.v0 | %s | %s |\n' "${builtin[*]}" "$mb"
awk -v a="$mo" -v b="$mb" 'BEGIN {printf "ratio ours/built-in: %.2f\n", a / b}'
echo "(engine: docker $(docker version --format '{{.Server.Version}}' 2>/dev/null); output type=cacheonly; the # syntax= path also resolves the frontend image and starts it in a container on every build)"
