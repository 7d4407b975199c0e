#!/usr/bin/env bash
# Build strata's `# syntax=` frontend image from a binary built on this host.
#
#   scripts/frontend-image.sh [--push REF] [--oci FILE] [--skip-build]
#
#   --push REF     push the image to REF (e.g. 127.0.0.1:5000/strata:dev)
#   --oci FILE     write the image as an OCI tarball
#   --skip-build   reuse the binary from the last run
# With neither --push nor --oci, pushes to $STRATA_REGISTRY/strata:dev (the testbed's registry).
#
# Steps: a static binary (glibc +crt-static, static-pie; profile `frontend-image`),
# checked to have no dynamic dependencies, then Dockerfile.frontend-image's
# `packaged` target around it. Packaging uses `strata build` when
# target/release/strata has that command (engine: BUILDKIT_HOST, else the
# testbed's), otherwise `docker buildx build` against DOCKER_HOST (the testbed's
# docker when its env file exists). The output says which.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/registry.sh
source scripts/lib/registry.sh

TRIPLE=x86_64-unknown-linux-gnu
PROFILE=frontend-image
# cargo writes where CARGO_TARGET_DIR says; look there too.
TARGET_DIR=${CARGO_TARGET_DIR:-target}
BIN=$TARGET_DIR/$TRIPLE/$PROFILE/strata-frontend
TESTBED_ENV=${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env

log() { printf '[frontend-image] %s\n' "$*" >&2; }
die() {
  printf '[frontend-image] error: %s\n' "$*" >&2
  exit 1
}

push_ref=
oci_file=
skip_build=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --push) push_ref=${2:?--push needs a reference}; shift 2 ;;
    --oci) oci_file=${2:?--oci needs a file}; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

if [[ -f $TESTBED_ENV ]]; then
  # The testbed's engine and registry unless the caller chose others.
  saved_buildkit_host=${BUILDKIT_HOST-} saved_docker_host=${DOCKER_HOST-}
  # shellcheck disable=SC1090
  source "$TESTBED_ENV"
  [[ -n $saved_buildkit_host ]] && BUILDKIT_HOST=$saved_buildkit_host
  [[ -n $saved_docker_host ]] && DOCKER_HOST=$saved_docker_host
  export BUILDKIT_HOST DOCKER_HOST
fi
if [[ -z $push_ref && -z $oci_file ]]; then
  [[ -n ${STRATA_REGISTRY:-} ]] || die "give --push REF or --oci FILE (no testbed registry known)"
  push_ref=$STRATA_REGISTRY/strata:dev
fi

# ---------------------------------------------------------------- binary
if [[ $skip_build != 1 ]]; then
  log "building $BIN (static, profile $PROFILE)"
  RUSTFLAGS='-C target-feature=+crt-static' \
    cargo build --locked --profile "$PROFILE" --target "$TRIPLE" --bin strata-frontend
fi
[[ -x $BIN ]] || die "$BIN is missing (run without --skip-build)"
if command -v file >/dev/null 2>&1; then
  kind=$(file -b "$BIN")
  case $kind in
    *"static-pie linked"* | *"statically linked"*) ;;
    *) die "$BIN is not static: $kind" ;;
  esac
else
  # A fresh machine may lack file(1); ldd below still catches dynamic linking.
  kind="static check by ldd only (file(1) is not installed)"
fi
if ldd "$BIN" 2>&1 | grep -q '=>'; then
  die "$BIN has dynamic dependencies: $(ldd "$BIN" 2>&1 | tr '\n' ' ')"
fi
log "binary: $(stat -c %s "$BIN") bytes; $kind"

# The packaged target's context: just the binary.
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$BIN" "$ctx/strata-frontend"

# ---------------------------------------------------------------- package
strata_bin=$TARGET_DIR/release/strata
if [[ -x $strata_bin ]] && "$strata_bin" build --help >/dev/null 2>&1; then
  log "packaging with strata build (engine: ${BUILDKIT_HOST:-default})"
  outputs=()
  [[ -n $push_ref ]] && outputs+=(--output "type=image,name=$push_ref,push=true")
  [[ -n $oci_file ]] && outputs+=(--output "type=oci,dest=$oci_file,name=${push_ref:-strata-frontend}")
  "$strata_bin" build --progress plain -f Dockerfile.frontend-image --target packaged "${outputs[@]}" "$ctx"
else
  log "packaging with docker buildx build (strata build is not available in $strata_bin; DOCKER_HOST=${DOCKER_HOST:-default})"
  tag=${push_ref:-strata-frontend:packaging}
  docker buildx build --progress plain -f Dockerfile.frontend-image --target packaged -t "$tag" --load "$ctx"
  if [[ -n $push_ref ]]; then
    docker push -q "$push_ref" >/dev/null
    log "pushed $push_ref"
  fi
  if [[ -n $oci_file ]]; then
    # Docker >= 25 writes `docker save` archives in the OCI image layout.
    docker save -o "$oci_file" "$tag"
    log "wrote $oci_file (docker save: OCI image layout)"
  fi
fi

# ---------------------------------------------------------------- size
if [[ -n $push_ref ]] && size=$(compressed_layers_size "$push_ref" 2>/dev/null); then
  log "compressed image size (sum of layers in the registry manifest): $size bytes"
fi
log "done: ${push_ref:+pushed $push_ref }${oci_file:+wrote $oci_file}"
