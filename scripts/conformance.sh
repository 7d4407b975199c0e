#!/usr/bin/env bash
# Differential conformance: build every case in testdata/conformance with the
# engine's built-in Dockerfile frontend and with strata's frontend image, and
# compare the images (filesystem and config). See tests/conformance/main.rs.
#
#   scripts/conformance.sh                       # candidate 127.0.0.1:5000/strata:dev
#   scripts/conformance.sh --frontend REF        # another strata image
#   scripts/conformance.sh --self-check          # built-in against itself (harness determinism)
#   scripts/conformance.sh -k copy-,run-heredoc  # only cases whose names contain these
#   scripts/conformance.sh -j 3                  # cases built at once (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --frontend) export STRATA_FRONTEND_IMAGE=$2; shift 2 ;;
    --self-check) export STRATA_FRONTEND_IMAGE=builtin; shift ;;
    -k) export STRATA_CONFORMANCE_CASES=$2; shift 2 ;;
    -j) export STRATA_CONFORMANCE_JOBS=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

./scripts/testbed.sh up
# shellcheck disable=SC1091
source "${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env"
exec cargo test --locked --test conformance differential -- --nocapture
