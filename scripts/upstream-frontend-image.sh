#!/usr/bin/env bash
# Build upstream BuildKit's Dockerfile frontend image (docker/dockerfile) from a
# local upstream source tree, for side-by-side measurements only.
#
#   UPSTREAM_BUILDKIT_SRC=/path/to/buildkit scripts/upstream-frontend-image.sh [--push REF] [--version V]
#   scripts/upstream-frontend-image.sh --src /path/to/buildkit [--push REF]
#
#   --src DIR      upstream BuildKit source tree with vendor/ (or UPSTREAM_BUILDKIT_SRC)
#   --push REF     default $STRATA_REGISTRY/upstream-dockerfile:v0.26.3-local
#   --version V    the version stamped into the binary (default v0.26.3-local)
#
# Nothing from upstream enters this repository: the Go build runs in the
# upstream tree (module cache GOCACHE, default /work/upstream/.gocache when it
# exists), the binary and the image context live in a temporary directory.
#
# Mirrors upstream's frontend/dockerfile/cmd/dockerfile-frontend/Dockerfile:
#   CGO_ENABLED=0 go build -ldflags "-d -X main.Version=… -X main.Revision=… -X main.Package=…"
#     -tags "netgo static_build osusergo" ./frontend/dockerfile/cmd/dockerfile-frontend
#   FROM scratch, labels moby.buildkit.frontend.network.none="true" and
#   moby.buildkit.frontend.caps=…, /bin/dockerfile-frontend as ENTRYPOINT.
# Differences from the published image: built with the host's Go (go.mod's
# minimum is honoured; upstream builds with the Dockerfile's GO_VERSION), and
# -trimpath is added so no host paths end up in the binary. Both are noted in
# the output and in benches/frontend-image-results.md.
#
# Packaging goes through `docker buildx build` against DOCKER_HOST (the
# testbed's docker when its env file exists), then `docker push`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/registry.sh
source scripts/lib/registry.sh

TESTBED_ENV=${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env
log() { printf '[upstream-frontend-image] %s\n' "$*" >&2; }
die() {
  printf '[upstream-frontend-image] error: %s\n' "$*" >&2
  exit 1
}

src=${UPSTREAM_BUILDKIT_SRC:-}
push_ref=
version=v0.26.3-local
while [[ $# -gt 0 ]]; do
  case $1 in
    --src) src=${2:?--src needs a directory}; shift 2 ;;
    --push) push_ref=${2:?--push needs a reference}; shift 2 ;;
    --version) version=${2:?--version needs a value}; shift 2 ;;
    -h | --help) sed -n '2,27p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

[[ -n $src ]] || die "no upstream source: set UPSTREAM_BUILDKIT_SRC or pass --src DIR (a BuildKit checkout with vendor/)"
pkg_dir=frontend/dockerfile/cmd/dockerfile-frontend
[[ -d $src/$pkg_dir && -f $src/go.mod ]] ||
  die "$src is not a BuildKit source tree (no go.mod or $pkg_dir)"
[[ -d $src/vendor ]] || die "$src has no vendor/ directory (this script builds offline with -mod=vendor)"
command -v go >/dev/null 2>&1 || die "go is not installed"
src=$(cd "$src" && pwd)

if [[ -f $TESTBED_ENV ]]; then
  saved_docker_host=${DOCKER_HOST-}
  # shellcheck disable=SC1090
  source "$TESTBED_ENV"
  [[ -n $saved_docker_host ]] && DOCKER_HOST=$saved_docker_host
  export DOCKER_HOST
fi
if [[ -z $push_ref ]]; then
  [[ -n ${STRATA_REGISTRY:-} ]] || die "give --push REF (no testbed registry known)"
  push_ref=$STRATA_REGISTRY/upstream-dockerfile:v0.26.3-local
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- binary
revision=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo unknown)
package=github.com/moby/buildkit/$pkg_dir
ldflags="-d -X main.Version=$version -X main.Revision=$revision -X main.Package=$package"
tags="netgo static_build osusergo"
: "${GOCACHE:=$([[ -d /work/upstream/.gocache ]] && echo /work/upstream/.gocache || echo "$work/gocache")}"
log "building $package with $(go version | cut -d' ' -f3) (tags: $tags; ldflags: $ldflags)"
(
  cd "$src"
  export GOFLAGS=-mod=vendor GOTOOLCHAIN=local CGO_ENABLED=0 GOCACHE
  go build -trimpath -o "$work/ctx/dockerfile-frontend" -ldflags "$ldflags" -tags "$tags" "./$pkg_dir"
)
bin=$work/ctx/dockerfile-frontend
if ldd "$bin" 2>&1 | grep -q '=>'; then
  die "the upstream frontend binary is not static: $(ldd "$bin" 2>&1 | tr '\n' ' ')"
fi
log "binary: $(stat -c %s "$bin") bytes; $("$bin" --version)"

# ---------------------------------------------------------------- package
# The release stage of upstream's Dockerfile, around the binary built above.
cat >"$work/Dockerfile" <<'EOF'
FROM scratch
LABEL moby.buildkit.frontend.network.none="true"
LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring"
COPY dockerfile-frontend /bin/dockerfile-frontend
ENTRYPOINT ["/bin/dockerfile-frontend"]
EOF
log "packaging with docker buildx build (DOCKER_HOST=${DOCKER_HOST:-default})"
docker buildx build --progress plain -f "$work/Dockerfile" -t "$push_ref" --load "$work/ctx"
docker push -q "$push_ref" >/dev/null
log "pushed $push_ref"

# ---------------------------------------------------------------- size
if size=$(compressed_layers_size "$push_ref" 2>/dev/null); then
  log "compressed image size (sum of layers in the registry manifest): $size bytes (published docker/dockerfile: ~15.2 MB)"
fi
