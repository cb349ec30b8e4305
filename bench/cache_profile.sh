#!/usr/bin/env bash
# The cost of one replication against organisation size in counts that do not depend on the
# machine's spell: instructions and the misses of a simulated cache (valgrind's callgrind, the
# same 32 KiB first level and 4 MiB last level on every machine, LL_BYTES below), for the
# national copies of bench/scaling.sh. The build VM's speed moves by up to a factor of two
# between spells (docs/performance.md § "Where issue 16's targets stand"), so a timed slope
# carries an interval of ±0.04; these counts are the same on every run of the same binary
# (address randomisation off and the environment emptied: the simulated cache sees the same
# addresses), so two commits compare exactly.
#
# Counted: one replication as bench/replicate_once runs it (the engine's construction, which
# builds the world, and its run with the metrics observer), not the scenario's loading.
# Printed: a table per build, and the log-log slope of each count against posts. A slope of
# instructions near 1 says the algorithms are linear; the misses' slope says how the data's
# footprint outgrows the cache (which the timed slope follows, weighted by what a miss costs on
# the machine at hand). AGAINST (environment, another build directory) profiles that build too
# and prints the two side by side.
#
# Needs valgrind (Debian: valgrind) and the build's bench/replicate_once. YEARS (default 10) as in
# bench/scaling.sh. The sizes run two at a time (one valgrind per core): about 1 minute for
# the default 1 2 4 8 16 on the 2-core build machine, 3 minutes with 34 and 63 as well.
# LL_BYTES (default 4194304, 4 MiB; a power of two) sets the simulated last level: 33554432
# models the build machine's whole 32 MiB L3, of which a VM on a shared host gets a share.
# Usage: [YEARS=Y] [LL_BYTES=B] [AGAINST=OTHER_BUILD_DIR] bench/cache_profile.sh [BUILD_DIR] [K ...]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 8 16)
command -v valgrind >/dev/null || { echo "cache_profile.sh: needs valgrind" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/national_copies.sh
. bench/national_copies.sh
national_copies "$tmp" "${sizes[@]}"
builds=("$build")
[ -z "${AGAINST:-}" ] || builds+=("$AGAINST")
for b in "${!builds[@]}"; do
  [ -x "${builds[$b]}/bench/replicate_once" ] || {
    echo "cache_profile.sh: ${builds[$b]}/bench/replicate_once is missing" >&2
    exit 1
  }
  for k in "${sizes[@]}"; do echo "$b $k"; done
done >"$tmp/jobs"
# One job: the replication under callgrind, counting only inside the engine's constructor and
# run_until (the toggles), with the caches given explicitly so the host's do not matter.
profile() {
  local b=$1 k=$2 bin=$3
  # An empty environment but PATH: its size moves the stack, and so the alignment some library
  # routines branch on (0.05 % of the instructions between two settings of AGAINST).
  env -i PATH="$PATH" setarch "$(uname -m)" -R valgrind --tool=callgrind --cache-sim=yes \
    --I1=32768,8,64 --D1=32768,8,64 --LL="${LL_BYTES:-4194304}",16,64 \
    --toggle-collect='cadresim::engine::Engine::Engine*' \
    --toggle-collect='cadresim::engine::Engine::run_until*' \
    --callgrind-out-file="$tmp/cg$b-$k.out" "$bin/bench/replicate_once" "$tmp/n$k.json" \
    >"$tmp/run$b-$k" 2>"$tmp/log$b-$k" || {
    echo "cache_profile.sh: valgrind failed for ${k} provinces:" >&2
    tail -5 "$tmp/log$b-$k" >&2
    return 1
  }
}
export -f profile
export tmp
while read -r b k; do echo "$b $k ${builds[$b]}"; done <"$tmp/jobs" |
  xargs -P "$(nproc)" -L 1 bash -c 'profile "$@"' _
python3 - "$tmp" "${#builds[@]}" "${builds[@]}" -- "${sizes[@]}" <<'PY'
import math, sys
tmp, nb = sys.argv[1], int(sys.argv[2])
names = sys.argv[3:3 + nb]
sizes = sys.argv[3 + nb + 1:]

def counts(b, k):
    events = totals = None
    for line in open(f"{tmp}/cg{b}-{k}.out"):
        if line.startswith("events:"):
            events = line.split()[1:]
        elif line.startswith("totals:"):
            totals = [int(x) for x in line.split()[1:]]
    c = dict(zip(events, totals))
    run = dict(kv.split("=") for kv in open(f"{tmp}/run{b}-{k}").read().split())
    return {"posts": int(run["posts"]), "Ir": c["Ir"], "D1": c["D1mr"] + c["D1mw"],
            "LL": c["DLmr"] + c["DLmw"]}

def slope(pts):
    n = len(pts)
    if n < 2:
        return float("nan")
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)

tables = []
for b in range(nb):
    rows = [(k, counts(b, k)) for k in sizes]
    tables.append(rows)
    if nb > 1:
        print(f"\n{names[b]}:")
    print("| provinces | posts | instructions (M) | per post | first-level misses (M) | last-level misses (M) | per post |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k, c in rows:
        print(f"| {k} | {c['posts']} | {c['Ir'] / 1e6:.1f} | {c['Ir'] / c['posts']:.0f} | "
              f"{c['D1'] / 1e6:.2f} | {c['LL'] / 1e6:.3f} | {c['LL'] / c['posts']:.2f} |")
    for key, label in (("Ir", "instructions"), ("D1", "first-level misses"),
                       ("LL", "last-level misses")):
        pts = [(math.log(c["posts"]), math.log(max(c[key], 1))) for _, c in rows]
        print(f"log-log slope of {label} against posts: {slope(pts):.3f}")
if nb > 1:
    print(f"\n{names[0]} against {names[1]}, per size:")
    print("| provinces | instructions | first-level misses | last-level misses |")
    print("|---|---:|---:|---:|")
    for (k, a), (_, o) in zip(tables[0], tables[1]):
        pct = lambda key: 100.0 * (a[key] - o[key]) / max(o[key], 1)
        print(f"| {k} | {pct('Ir'):+.1f} % | {pct('D1'):+.1f} % | {pct('LL'):+.1f} % |")
PY
