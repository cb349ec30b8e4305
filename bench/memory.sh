#!/usr/bin/env bash
# Peak memory (max RSS, GNU time) of `cadresim run -n N` on the built-in baseline for several N
# (issue 16: replications are summarised as they finish, so the peak should not grow with N).
# Usage: bench/memory.sh [BUILD_DIR] [N...]   (default: build 1000 10000). Long: about 22 ms of
# CPU per replication.
set -euo pipefail
build="${1:-build}"
shift || true
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(1000 10000)
bin="$build/cli/cadresim"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for n in "${counts[@]}"; do
  /usr/bin/time -f '%e %U %M' -o "$out/time" "$bin" run -n "$n" -q --threads 2 --out "$out/run" \
    --overwrite >/dev/null
  read -r wall user rss <"$out/time"
  printf 'replications=%-6s wall=%.0f s cpu=%.0f s max_rss=%.1f MB\n' "$n" "$wall" "$user" \
    "$(echo "$rss / 1024" | bc -l)"
done
