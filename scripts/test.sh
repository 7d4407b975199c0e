#!/usr/bin/env bash
# The full test suite: unit, golden, CLI and fuzz-corpus tests, plus the
# end-to-end tests against a real engine and registry, which this script
# brings up first (scripts/testbed.sh up; idempotent).
# STRATA_SKIP_ENGINE=1 runs only what needs no engine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Engine tests skip themselves without a testbed on a developer's machine;
# here a missing testbed must fail them instead (tests/common/mod.rs), unless
# the caller asked for the engine-free subset.
if [[ ${STRATA_SKIP_ENGINE:-0} == 1 ]]; then
  export STRATA_REQUIRE_ENGINE=0
else
  export STRATA_REQUIRE_ENGINE=1
  ./scripts/testbed.sh up
  # shellcheck disable=SC1091
  source "${STRATA_TESTBED_DIR:-/var/lib/strata-testbed}/env"
  # Repeated runs grow the engine's build cache without bound; keep it
  # bounded so the suite cannot fill the disk it needs for target/.
  if [[ ${STRATA_TESTBED:-0} == 1 ]]; then
    docker builder prune --force --keep-storage "${STRATA_TEST_KEEP_STORAGE:-6GB}" >/dev/null || true
    # Images that earlier runs exported into the engine's store (base images
    # live in the testbed registry and are pulled again from loopback).
    docker image prune --all --force --filter until=1h >/dev/null || true
  fi
  # The conformance test (tests/conformance) builds through the frontend
  # image: push the current code as it, unless the caller names another.
  if [[ -z ${STRATA_FRONTEND_IMAGE:-} && -x scripts/frontend-image.sh ]]; then
    ./scripts/frontend-image.sh --push "$STRATA_REGISTRY/strata:dev"
  fi
fi
# tests/layering_e2e.rs: also the apps that install a compiler and build
# (go-module, cargo-workspace; a few minutes each). Set it to 0 to skip them.
export STRATA_E2E_ALL_APPS=${STRATA_E2E_ALL_APPS:-1}
df -h . | tail -n 1 | awk '{print "disk: " $4 " free on " $6}'
cargo build --locked --all-targets
# Every test binary runs even after one fails (--no-fail-fast); the log is
# kept so that the run ends with one list of every failure, not only the
# last binary's.
log=$(mktemp "${TMPDIR:-/tmp}/strata-test.XXXXXX")
trap 'rm -f "$log"' EXIT
status=0
cargo test --locked --all-targets --no-fail-fast 2>&1 | tee "$log" || status=$?
echo
echo "==== summary"
# Totals, then each failing test under the test binary that ran it; a
# binary that failed without naming a test (it crashed) by itself.
awk '
  /^ +Running / { bin = ($2 == "unittests") ? $3 : $2; named = 0 }
  /^test .* \.\.\. FAILED$/ {
    name = $0; sub(/^test /, "", name); sub(/ \.\.\. FAILED$/, "", name)
    failures[++n] = bin ": " name; named = 1
  }
  /^error: test failed, to rerun pass / && !named {
    what = $0; sub(/^error: test failed, to rerun pass /, "", what)
    failures[++n] = what " (no test named: it crashed; see the log)"
  }
  /^test result: / { passed += $4; failed += $6; ignored += $8; binaries++ }
  END {
    printf "%d passed, %d failed, %d ignored in %d test binaries\n", passed, failed, ignored, binaries
    if (n) print "FAILED:"
    for (i = 1; i <= n; i++) print "  " failures[i]
  }
' "$log"
if [[ $status -ne 0 ]]; then
  echo "cargo test exited with $status"
  exit "$status"
fi
echo "all tests passed"
