#!/usr/bin/env bash
# End-to-end benchmark: wall time of `cadresim run` on the built-in Điện Biên baseline
# (2020-07-01 to 2030-12-31) for 1,000 replications on all cores, and of one replication.
# Usage: bench/e2e.sh [BUILD_DIR]   (default: build). Results go to a temporary directory.
set -euo pipefail
build="${1:-build}"
bin="$build/cli/cadresim"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
for n in 1 100 1000; do
  start=$(date +%s.%N)
  "$bin" run -n "$n" -q --out "$out/run$n" >/dev/null
  end=$(date +%s.%N)
  printf 'replications=%-5s wall=%.2f s\n' "$n" "$(echo "$end - $start" | bc)"
done
