#!/usr/bin/env bash
# Where the cost grows faster than the organisation: profiles one replication of a large national
# scenario and RUNS replications of a small one (perf, sampling CPU time), scales each function's
# small-size samples by the ratio of posts, and lists the functions by their excess over that
# linear expectation (samples at the large size minus posts ratio × samples at the small size).
# A function whose excess is large costs more per post at the large size: an algorithm that is
# not linear, or (when its instructions are linear, bench/scaling.sh and valgrind) data that no
# longer fits the caches. docs/performance.md § "1 December (eleventh session)" shows a reading.
# Needs Linux perf (Debian: linux-perf) and the build's bench/replicate_once.
# YEARS (environment, default 10) as in bench/scaling.sh; TOP (default 20) rows.
# Usage: bench/superlinear_profile.sh [BUILD_DIR] [SMALL_K] [LARGE_K] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
small="${2:-4}"
large="${3:-63}"
runs="${4:-20}"
command -v perf >/dev/null || { echo "perf not found (apt-get install linux-perf)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/national_copies.sh
. bench/national_copies.sh
national_copies "$tmp" "$small" "$large"
bin="$build/bench/replicate_once"
posts() { "$bin" "$1" | sed 's/.*posts=\([0-9]*\).*/\1/'; }
p_small=$(posts "$tmp/n$small.json")
p_large=$(posts "$tmp/n$large.json")
perf record -q -o "$tmp/large.data" "$bin" "$tmp/n$large.json" >/dev/null 2>&1
perf record -q -o "$tmp/small.data" "$bin" "$tmp/n$small.json" "$runs" >/dev/null 2>&1
for size in small large; do
  perf report -i "$tmp/$size.data" --no-children --comm replicate_once --stdio -n --sort symbol \
    2>/dev/null | grep -E '^ +[0-9]' | sed -E 's/ +- +- +$//; s/ +$//' |
    awk '{n = $2; $1 = ""; $2 = ""; $3 = ""; sub(/^ +/, ""); print n "\t" $0}' >"$tmp/$size.txt"
done
python3 - "$tmp" "$p_small" "$p_large" "$runs" "${TOP:-20}" <<'PY'
import sys
tmp, p_small, p_large, runs, top = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
ratio = p_large / p_small
def read(name, per_run):
    out = {}
    for line in open(f"{tmp}/{name}.txt"):
        n, f = line.rstrip("\n").split("\t")
        out[f] = out.get(f, 0) + int(n) / per_run
    return out
small, large = read("small", runs), read("large", 1)
rows = sorted(((n - ratio * small.get(f, 0), n, small.get(f, 0), f) for f, n in large.items()), reverse=True)
total_large, total_small = sum(large.values()), sum(small.values())
print(f"posts {p_small} -> {p_large} (x{ratio:.2f}); samples per replication {total_small:.0f} -> {total_large:.0f} "
      f"(x{total_large / total_small:.2f}); excess over linear: {total_large - ratio * total_small:.0f} "
      f"({100 * (1 - ratio * total_small / total_large):.0f} % of the large run)")
print("| excess | large | small (per run) | growth | function |")
print("| ---: | ---: | ---: | ---: | --- |")
for e, n, s, f in rows[:top]:
    growth = f"x{n / s:.0f}" if s > 0 else "new"
    print(f"| {e:.0f} | {n:.0f} | {s:.1f} | {growth} | `{f[:80]}` |")
PY
