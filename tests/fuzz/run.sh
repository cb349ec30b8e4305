#!/usr/bin/env bash
# Runs each libFuzzer target of a -DCADRESIM_FUZZ=ON build for SECONDS seconds, seeded from the
# shipped files, and fails on the first crash, leak, timeout or sanitizer report.
#   bash tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
# The corpus grows in BUILD_DIR/fuzz-corpus/<target>; a crashing input is left in
# BUILD_DIR/fuzz-artifacts/ and its name is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-25}
shift $(( $# >= 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario_loader roster_reader markov_reader snapshot_reader)

seeds_for() {
  case "$1" in
    scenario_loader) find scenarios tests/data -name '*.json' ! -path '*/schema/*' ;;
    roster_reader) find tests/data -name '*.csv' ;;
    markov_reader) grep -l '"transitions"' $(find scenarios tests/data -name '*.json') ;;
    snapshot_reader) ;;  # no seed files: the target edits a state it makes itself
  esac
}

mkdir -p "$build/fuzz-artifacts"
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  seeds="$build/fuzz-seeds/$t"
  mkdir -p "$corpus" "$seeds"
  # Seeds are copied (libFuzzer may write into every corpus folder it is given).
  seeds_for "$t" | while read -r f; do cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"; done
  echo "== fuzz_$t for ${seconds} s ($(ls "$seeds" | wc -l) seed files)"
  "$build/tests/fuzz/fuzz_$t" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-artifacts/$t-" 2>&1 |
    grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' || true
  # A slow-unit file only says an input took over 10 s of wall time once (a loaded machine can
  # do that to any input); it is listed, not failed on. Crashes, leaks, timeouts and
  # out-of-memory inputs fail the run.
  for slow in "$build/fuzz-artifacts/$t-slow-unit-"*; do
    [ -e "$slow" ] && echo "note: fuzz_$t wrote a slow unit (wall time, not a failure): $slow"
  done
  if ls "$build/fuzz-artifacts/$t-"{crash,leak,timeout,oom}-* >/dev/null 2>&1; then
    echo "fuzz_$t found a failing input: $(ls "$build/fuzz-artifacts/$t-"{crash,leak,timeout,oom}-* 2>/dev/null)" >&2
    exit 1
  fi
done
