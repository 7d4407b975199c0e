#!/usr/bin/env bash
# The main job: build strata, make sure a BuildKit engine answers (bringing
# up the local testbed when none does), and build the example app with
# `strata build`. Run as root on Debian bookworm.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo >/dev/null || { echo "error: cargo is not installed (install Rust, e.g. from rustup)" >&2; exit 1; }
cargo build --release --locked --bin strata
strata=$PWD/target/release/strata

# An engine the user already has wins; else the testbed's.
if ! "$strata" du >/dev/null 2>&1; then
  echo "no BuildKit engine answered; bringing up the local testbed (scripts/testbed.sh up)" >&2
  ./scripts/testbed.sh up
  # shellcheck disable=SC1091
  source "${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env"
fi

mkdir -p out
# out/example is this script's own output: start it afresh, since a local
# output merges into an existing directory (an older run's files would stay).
rm -rf out/example
# The `greeting` stage holds just the built file (the default target is a
# runnable busybox image around it).
"$strata" build testdata/apps/example --progress "${STRATA_PROGRESS:-auto}" \
  --target greeting --output type=local,dest=out/example \
  --metadata-file out/example-metadata.json
echo
echo "built: out/example/srv/greeting.txt says:"
cat out/example/srv/greeting.txt
