#!/usr/bin/env bash
# The full test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
