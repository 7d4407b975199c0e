#!/usr/bin/env bash
# Smoke test of a running testbed (scripts/testbed.sh up): builds through the engine with
# `docker buildx build --network=host` and prints how long each build took.
#
#   scripts/testbed-smoke.sh        FROM debian:bookworm + FROM busybox, cold (--no-cache) then warm
#   scripts/testbed-smoke.sh --net  also apt-get install + an HTTPS request inside a RUN step
set -euo pipefail

STATE=${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}
[[ -f $STATE/env ]] || {
  echo "testbed-smoke: no $STATE/env; run scripts/testbed.sh up first" >&2
  exit 1
}
# shellcheck source=/dev/null
source "$STATE/env"
unset DOCKER_CONTEXT BUILDX_BUILDER

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build NAME [buildx args...]: runs one build with the Dockerfile in $work/NAME, prints its time.
build() {
  local name=$1 start ms
  shift
  start=${EPOCHREALTIME/[.,]/}
  if ! docker buildx build --builder default --network=host --progress=plain "$@" \
    -f "$work/$name/Dockerfile" "$work/$name" >"$work/$name.log" 2>&1; then
    tail -n 40 "$work/$name.log" >&2
    echo "testbed-smoke: build '$name' failed" >&2
    exit 1
  fi
  ms=$(((${EPOCHREALTIME/[.,]/} - start) / 1000))
  printf '%-22s %4d.%03d s\n' "$name${*:+ ($*)}" $((ms / 1000)) $((ms % 1000))
}

mkdir -p "$work/basic"
cat >"$work/basic/Dockerfile" <<'EOF'
FROM debian:bookworm
RUN echo ok > /ok
FROM busybox
COPY --from=0 /ok /ok
RUN cat /ok
EOF
build basic --no-cache
build basic

if [[ ${1:-} == --net ]]; then
  # Network inside RUN steps: Debian's mirror over HTTP, then HTTPS through the re-signing proxy,
  # which needs the host CA the testbed put in the image to survive update-ca-certificates.
  mkdir -p "$work/net"
  cat >"$work/net/Dockerfile" <<'EOF'
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
 && curl -fsS -o /dev/null https://pypi.org/simple/ && echo https-ok
EOF
  build net --no-cache
fi
echo "testbed-smoke: ok (engine $(docker version --format '{{.Server.Version}}'))"
