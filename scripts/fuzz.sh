#!/usr/bin/env bash
# Fuzz one target for a while, outside CI:
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# Targets are the files in fuzz/fuzz_targets/ (their bodies are in
# fuzz/targets.rs). The repository's corpus (fuzz/corpus/TARGET) seeds the
# run; new interesting inputs go to fuzz/work/TARGET (not committed), crashes
# to fuzz/artifacts/TARGET/. A crash becomes a regression test by copying it
# into fuzz/corpus/TARGET once fixed: tests/fuzz_corpus.rs replays that
# directory in every `cargo test`. To fold the new inputs into the corpus
# without growing it needlessly:
#   cargo fuzz cmin --fuzz-dir fuzz TARGET fuzz/corpus/TARGET  (after copying them in)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler. No nightly
# toolchain is required: RUSTC_BOOTSTRAP=1 lets the stable compiler take the
# unstable flags cargo-fuzz passes (sanitizer, coverage instrumentation).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 ]]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]" >&2
  echo "targets: $(cd fuzz/fuzz_targets && ls ./*.rs | sed 's|^\./||; s/\.rs$//' | tr '\n' ' ')" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
if [[ ! -f fuzz/fuzz_targets/$target.rs ]]; then
  echo "no fuzz target $target (see fuzz/fuzz_targets/)" >&2
  exit 2
fi
export RUSTC_BOOTSTRAP=1
# The fuzzer's build is instrumented: keep it apart from the project's
# target directory (and its lock), here or wherever FUZZ_TARGET_DIR says.
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-fuzz/target}
mkdir -p "fuzz/work/$target" "fuzz/corpus/$target"
exec cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/work/$target" "fuzz/corpus/$target" -- \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "$@"
