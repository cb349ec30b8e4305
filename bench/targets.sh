#!/usr/bin/env bash
# Issue 16's targets, measured in one go and printed as one table, between two readings of the
# machine gauge (bench/bench_machine: the core's speed and the latency of the L2, the L3 and
# memory). The build machine is a shared VM whose speed moves by up to a factor of two between
# spells with the code unchanged, so every figure comes with the gauge read around it
# (docs/performance.md § "Where issue 16's targets stand").
#
#   target (issue 16)                               measured with
#   one baseline replication < 10 ms                bench_engine BM_BaselineReplication (median of 5)
#   63 provinces, 10 years, one replication < 3 s   bench/scaling.sh (median of REPEAT rounds)
#   log-log slope, 1 -> 63 provinces <= 1.15        bench/scaling.sh (with its bootstrap interval)
#   national two-tier scenario < 2 s and < 1 GB     bench/replicate_once (median of REPEAT runs)
#   replications in constant memory                 bench/memory.sh (peak RSS at each of REPLICATIONS)
#   2 MPI ranks >= 85 % parallel efficiency         bench/mpi_efficiency.sh (MPI_REPLICATIONS, 1 and 2 ranks, 3 rounds)
#
# Below the table, the slope of cost against posts counted in instructions (callgrind, through
# bench/cache_profile.sh, after the timings so that it does not disturb them): a count that
# does not move with the spell, beside the timed slope that does (docs/performance.md § "Where
# issue 16's targets stand"). Skipped without valgrind, or with COUNTS=0.
#
# Usage: [REPEAT=5] [REPLICATIONS="1000 10000"] [MPI_REPLICATIONS=1000] [COUNTS=0] bench/targets.sh [BUILD_DIR]
# BUILD_DIR (default build) is a Release build with the benchmarks (the default configuration).
# About 6 minutes on the 2-core machine with the defaults, and 3 more for the counts;
# REPLICATIONS="1000 100000" is the issue's own figure (about 40 minutes more). The MPI row is
# skipped when mpirun is missing or the build has no MPI.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
repeat="${REPEAT:-5}"
for tool in bench/bench_machine bench/bench_engine bench/replicate_once cli/cadresim; do
  [ -x "$build/$tool" ] || { echo "targets.sh: $build/$tool is missing (build it first)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gauge() {
  "$build/bench/bench_machine" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json >"$tmp/gauge-$1.json" 2>/dev/null
}
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "build: $build ($(git rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
gauge before
# The two vCPUs of the build machine have been seen to run at different speeds at the same time
# (the compute gauge at 350 on one and 200 on the other, 2 December): the one-core figures then
# depend on where the scheduler puts the process. So the compute gauge and the baseline
# replication are also measured on each core in turn (taskset), and both are shown.
cores=()
if command -v taskset >/dev/null; then
  for ((c = 0; c < $(nproc); ++c)); do cores+=("$c"); done
fi
gauge_per_core() {
  for c in "${cores[@]}"; do
    taskset -c "$c" "$build/bench/bench_machine" --benchmark_filter=GaugeCompute --benchmark_repetitions=3 \
      --benchmark_report_aggregates_only=true --benchmark_format=json >"$tmp/gauge-$1-cpu$c.json" 2>/dev/null
  done
}
gauge_per_core before
echo "timing the baseline replication ..." >&2
baseline() {
  "$@" "$build/bench/bench_engine" --benchmark_filter='BM_BaselineReplication$' --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true --benchmark_format=json 2>/dev/null
}
if [ ${#cores[@]} -eq 0 ]; then
  baseline >"$tmp/baseline-cpuany.json"
else
  for c in "${cores[@]}"; do baseline taskset -c "$c" >"$tmp/baseline-cpu$c.json"; done
fi
echo "timing 1 to 63 provinces over 10 years ($repeat rounds) ..." >&2
REPEAT="$repeat" bash bench/scaling.sh "$build" >"$tmp/scaling.txt"
echo "timing the national scenario ..." >&2
for ((r = 0; r < repeat; ++r)); do
  "$build/bench/replicate_once" scenarios/national/two-tier-2026.json >>"$tmp/national.txt"
done
echo "peak memory against replications ..." >&2
# shellcheck disable=SC2086 # a list of counts
bash bench/memory.sh "$build" ${REPLICATIONS:-1000 10000} >"$tmp/memory.txt"
if command -v mpirun >/dev/null && ldd "$build/cli/cadresim" | grep libmpi >/dev/null; then
  echo "MPI, 1 and 2 ranks ..." >&2
  bash bench/mpi_efficiency.sh "$build" "${MPI_REPLICATIONS:-1000}" 1 2 >"$tmp/mpi.txt"
fi
gauge after
gauge_per_core after
if [ "${COUNTS:-1}" != 0 ] && command -v valgrind >/dev/null; then
  echo "counting instructions, 1 to 63 provinces (callgrind) ..." >&2
  bash bench/cache_profile.sh "$build" 1 2 4 8 16 34 63 >"$tmp/counts.txt" 2>&1 ||
    echo "bench/cache_profile.sh failed" >>"$tmp/counts.txt"
fi
python3 - "$tmp" <<'PY'
import json, math, os, re, statistics, sys
tmp = sys.argv[1]
def read(name):
    p = os.path.join(tmp, name)
    return open(p).read() if os.path.exists(p) else ""
def median_of(bench_json, name):
    for b in json.loads(bench_json)["benchmarks"]:
        if b["name"] == name + "_median":
            return b
    raise SystemExit(f"targets.sh: no {name} in the benchmark output")
rows = []
def row(target, measured, met, how):
    rows.append((target, measured, "✓" if met else ("✗" if met is not None else "—"), how))
# The baseline replication (CPU time, ms), on each core: met when met on every core, missed when
# on none, neither when the cores disagree (their speeds then differ; the gauge below says how).
per_core = []
for name in sorted(os.listdir(tmp)):
    m = re.fullmatch(r"baseline-cpu(\w+)\.json", name)
    if m:
        b = median_of(read(name), "BM_BaselineReplication")
        per_core.append((m.group(1), b["cpu_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3}[b["time_unit"]]))
met = [ms < 10 for _, ms in per_core]
row("one baseline replication < 10 ms",
    ", ".join(f"{ms:.1f} ms" + ("" if core == "any" else f" on vCPU {core}") for core, ms in per_core),
    True if all(met) else (False if not any(met) else None),
    "median of 5, CPU" + ("" if per_core[0][0] == "any" else ", pinned to each core in turn"))
# 63 provinces and the slope.
scaling = read("scaling.txt")
t63 = None
for line in scaling.splitlines():
    cells = [c.strip() for c in line.strip("|").split("|")]
    if len(cells) == 6 and cells[0] == "63":
        t63, mb63 = float(cells[3]), cells[5]
if t63 is not None:
    row("63 provinces (10 years) < 3 s", f"{t63:.2f} s, {mb63} MB", t63 < 3, "median, CPU")
m = re.search(r"slope of replication CPU seconds against posts: ([0-9.]+)", scaling)
iv = re.search(r"95 % interval of the slope:\n\s+\S+: ([0-9.]+) to ([0-9.]+)", scaling)
if m:
    slope = float(m.group(1))
    text = f"{slope:.3f}"
    verdict = slope <= 1.15
    if iv:
        lo, hi = float(iv.group(1)), float(iv.group(2))
        text += f" [{lo:.3f}, {hi:.3f}]"
        # Met or missed only when the whole interval is on one side.
        verdict = True if hi <= 1.15 else (False if lo > 1.15 else None)
    row("log-log slope, 1 → 63 provinces ≤ 1.15", text, verdict, "fit of medians [95 % bootstrap]")
# The national scenario.
nat = [dict(kv.split("=") for kv in l.split()) for l in read("national.txt").splitlines() if l]
if nat:
    t = statistics.median(float(n["rep_s"]) for n in nat)
    mb = max(float(n["peak_mb"]) for n in nat)
    row("national two-tier scenario < 2 s, < 1 GB", f"{t:.2f} s, {mb:.0f} MB", t < 2 and mb < 1024,
        f"median of {len(nat)}, CPU; peak RSS")
# Memory against replications. Kept replications would add about 0.17 MB each (the baseline's
# series); summarised ones add only the accumulators' histogram bins that rarer values open, which
# grew by a constant amount per tenfold (49, 64 and 82.6 MB at 1,000, 10,000 and 100,000 in
# docs/performance.md). The verdict extrapolates that logarithmic growth to a million
# replications (the issue's "a million replications would not fit") and asks for under 1 GB.
mem = re.findall(r"replications=(\d+)\s+wall=\S+ s cpu=\S+ s max_rss=([0-9.]+) MB", read("memory.txt"))
if len(mem) >= 2:
    (n0, r0), (n1, r1) = (int(mem[0][0]), float(mem[0][1])), (int(mem[-1][0]), float(mem[-1][1]))
    per_tenfold = (r1 - r0) / math.log10(n1 / n0)
    million = r1 + per_tenfold * math.log10(1e6 / n1)
    row("replications in constant memory",
        f"{r0:.0f} MB at {n0:,}, {r1:.0f} MB at {n1:,}: +{per_tenfold:.0f} MB per tenfold, "
        f"about {million:.0f} MB at 1,000,000 (kept: {0.17 * n1:,.0f} MB at {n1:,})",
        million < 1024, "peak RSS; the growth per tenfold extrapolated")
# One efficiency per round (each round runs 1 then 2 ranks back to back), and their median: a
# single pair would read a change of spell between its two runs as lost efficiency.
mpi = re.findall(r"round=(\d+) ranks=(\d+) replications=\d+ wall=([0-9.]+) s", read("mpi.txt"))
walls = {}
for rnd, k, wall in mpi:
    walls.setdefault(int(rnd), {})[int(k)] = float(wall)
effs = sorted(w[1] / (2 * w[2]) for w in walls.values() if 1 in w and 2 in w)
if effs:
    eff = statistics.median(effs)
    spread = f" (rounds: {', '.join(f'{100 * e:.1f}' for e in effs)})" if len(effs) > 1 else ""
    how = "wall T(1) / (2 T(2)), median of rounds"
    # The fixed part (one replication per rank) is not shared: with F(K) its wall time on K ranks,
    # a perfect split of the rest reaches at most T(1) / (2 (F(2) + (T(1) - F(1)) / 2)).
    fixed = {}
    for rnd, k, wall in re.findall(r"round=(\d+) fixed ranks=(\d+) wall=([0-9.]+) s", read("mpi.txt")):
        fixed.setdefault(int(k), []).append(float(wall))
    bound = ""
    if 1 in fixed and 2 in fixed:
        f1, f2 = statistics.median(fixed[1]), statistics.median(fixed[2])
        t1 = statistics.median(w[1] for w in walls.values() if 1 in w)
        n = re.search(r"ranks=1 replications=(\d+)", read("mpi.txt")).group(1)
        bound = (f"; fixed part {f1:.2f} s on 1 rank, {f2:.2f} s on 2: at {int(n):,} replications "
                 f"a perfect split reaches {100 * t1 / (2 * (f2 + (t1 - f1) / 2)):.0f} %")
    row("2 MPI ranks ≥ 85 % efficiency", f"{100 * eff:.1f} %{spread}{bound}", eff >= 0.85,
        how + ("; report.json identical" if "identical" in read("mpi.txt") else ""))
else:
    row("2 MPI ranks ≥ 85 % efficiency", "not run (no mpirun, or a build without MPI)", None, "")
print("\n| target (issue 16) | measured | met | how |\n| --- | --- | :---: | --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
print("\n✓ met, ✗ missed, — neither (the slope's interval spans the target, the cores disagree, or not measured).")
# The same slope counted in instructions: what the code does, without the wait on memory that
# moves with the share of the L3 another tenant leaves (not a verdict: the target is written
# for time).
counts = read("counts.txt")
ci = re.search(r"log-log slope of instructions against posts: ([0-9.]+)", counts)
per_post = re.findall(r"^\| (\d+) \| (\d+) \| ([0-9.]+) \| (\d+) \|", counts, re.M)
if ci:
    def provinces(k):
        return f"{k} province" + ("" if k == "1" else "s")
    ends = (f" ({int(per_post[0][3]):,} instructions a post at {provinces(per_post[0][0])}, "
            f"{int(per_post[-1][3]):,} at {provinces(per_post[-1][0])})") if per_post else ""
    print(f"\nthe slope counted in instructions (callgrind, bench/cache_profile.sh; does not move with the spell): {float(ci.group(1)):.3f}{ends}")
elif counts:
    print("\nthe slope counted in instructions: " + counts.strip().splitlines()[-1])
# The gauge, before and after.
def gauge(name):
    out = {}
    for b in json.loads(read(f"gauge-{name}.json"))["benchmarks"]:
        if b["name"].endswith("_median"):
            out[b["name"][: -len("_median")]] = b["items_per_second"]
    return out
g0, g1 = gauge("before"), gauge("after")
print("\nmachine gauge (bench_machine, medians of 3), before → after:")
print(f"  compute: {g0['GaugeCompute'] / 1e6:.0f} → {g1['GaugeCompute'] / 1e6:.0f} M Philox draws/s")
cores = sorted({int(m.group(1)) for n in os.listdir(tmp) if (m := re.fullmatch(r"gauge-before-cpu(\d+)\.json", n))})
for c in cores:
    c0, c1 = gauge(f"before-cpu{c}"), gauge(f"after-cpu{c}")
    print(f"  compute on vCPU {c} alone: {c0['GaugeCompute'] / 1e6:.0f} → {c1['GaugeCompute'] / 1e6:.0f} M Philox draws/s")
if len(cores) >= 2:
    speeds = [gauge(f"before-cpu{c}")["GaugeCompute"] for c in cores]
    print(f"  (an equal split over ranks on these cores can reach at most {100 * min(speeds) / max(speeds):.0f} % "
          "efficiency against one rank on the fastest: the slowest core's share ends last)")
for k in sorted((k for k in g0 if k.startswith("GaugeChase/")), key=lambda k: int(k.split("/")[1])):
    kib = int(k.split("/")[1])
    size = f"{kib // 1024} MiB" if kib >= 1024 else f"{kib} KiB"
    print(f"  dependent load in {size}: {1e9 / g0[k]:.1f} → {1e9 / g1[k]:.1f} ns")
print("\nThe scaling table:\n" + scaling)
PY
