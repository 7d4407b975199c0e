#!/usr/bin/env bash
# Side-by-side: strata's Dockerfile→LLB conversion vs upstream's Go
# dockerfile2llb on the same generated Dockerfiles (benches/data), measured
# in one run on one machine, reported as ratios (upstream / strata).
#
#   scripts/compare-dockerfile2llb.sh UPSTREAM_CONVERTER
#
# UPSTREAM_CONVERTER is a program you provide (it is not part of this
# repository) that converts a Dockerfile in-process N times and prints
# `... mean=<duration> ...` to stderr when run as `CONVERTER -n N -format none FILE`.
# strata's side is the criterion benchmark `dockerfile_to_llb` (cargo bench).
set -euo pipefail
cd "$(dirname "$0")/.."
upstream=${1:?usage: $0 UPSTREAM_CONVERTER}

cargo bench --bench convert -- dockerfile_to_llb >/dev/null

to_ms() { # Go duration → milliseconds
  python3 -c '
import re, sys
s = sys.argv[1]
units = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}
total = 0.0
for num, unit in re.findall(r"([0-9.]+)(ns|µs|us|ms|s|m|h)", s):
    total += float(num) * units[unit]
print(f"{total:.3f}")' "$1"
}

printf '%-8s %14s %14s %8s\n' size strata_ms upstream_ms ratio
for n in 100 1000 10000; do
  file=benches/data/gen$n.Dockerfile
  strata_ns=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mean"]["point_estimate"])' \
    "target/criterion/dockerfile_to_llb/$n/new/estimates.json")
  strata_ms=$(python3 -c "print(f'{$strata_ns/1e6:.3f}')")
  reps=20; [[ $n == 10000 ]] && reps=3
  mean=$("$upstream" -n "$reps" -format none "$file" 2>&1 >/dev/null | sed -n 's/.*mean=\([^ ]*\).*/\1/p' | tail -1)
  upstream_ms=$(to_ms "$mean")
  ratio=$(python3 -c "print(f'{$upstream_ms/$strata_ms:.1f}x')")
  printf '%-8s %14s %14s %8s\n' "$n" "$strata_ms" "$upstream_ms" "$ratio"
done
