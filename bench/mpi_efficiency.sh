#!/usr/bin/env bash
# MPI scaling (issue 16): `mpirun -n K cadresim run -n N --threads 1` on the built-in baseline
# for K = 1 and 2 (default N = 1000). Prints wall time, CPU time (user + system of mpirun and its
# ranks) and replications per second; parallel efficiency = T(1) / (K · T(K)). On a machine
# shared with other work the wall times are pessimistic: compare the CPU times too (the work
# added by distributing is their difference).
# The machine's speed moves between spells (docs/performance.md), so one pair of runs can put
# T(1) in a fast spell and T(2) in a slow one: ROUNDS (default 3) repeats the whole set of rank
# counts in turn, and bench/targets.sh takes the median of the rounds' efficiencies.
# On one machine Open MPI's default start-up tries the network transports (UCX, PSM, libfabric)
# before it settles on ob1 over shared memory, about 0.2 s of each start (docs/cli.md § Several
# processes); MPIRUN_ARGS (default for Open MPI: --mca pml ob1, the transport it ends up with
# anyway) are added to mpirun's options. MPIRUN_ARGS= measures Open MPI's default start-up.
# Each round first times the fixed part of a run (one replication per rank: start-up, loading,
# writing the outputs), about 0.5 s here, which no number of ranks shortens.
# Usage: [ROUNDS=3] [MPIRUN_ARGS=...] bench/mpi_efficiency.sh [BUILD_DIR] [N] [RANKS...]   (default: build 1000 1 2)
set -euo pipefail
build="${1:-build}"
n="${2:-1000}"
shift 2 2>/dev/null || shift $#
ranks=("$@")
[ ${#ranks[@]} -eq 0 ] && ranks=(1 2)
bin="$(realpath "$build/cli/cadresim")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
if [ -z "${MPIRUN_ARGS+set}" ]; then
  MPIRUN_ARGS=""
  mpirun --version 2>/dev/null | grep -q "Open MPI" && MPIRUN_ARGS="--mca pml ob1"
fi
read -r -a mpirun_args <<<"$MPIRUN_ARGS"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "mpirun options: --oversubscribe --bind-to none ${MPIRUN_ARGS}"
rounds="${ROUNDS:-3}"
for ((round = 1; round <= rounds; ++round)); do
  # The fixed part of a run: one replication per rank, so start-up, loading the scenario and
  # writing the outputs (7 MB for the baseline, on rank 0) with almost nothing to share. It
  # bounds the efficiency a run of N replications can reach (bench/targets.sh prints the bound).
  for k in "${ranks[@]}"; do
    rm -rf "$out/fixed$k"
    /usr/bin/time -f '%e' -o "$out/fixedtime$k" mpirun -n "$k" --oversubscribe --bind-to none \
      "${mpirun_args[@]}" "$bin" run -n "$k" --threads 1 -q --out "$out/fixed$k" >/dev/null 2>&1
    printf 'round=%s fixed ranks=%s wall=%.2f s\n' "$round" "$k" "$(cat "$out/fixedtime$k")"
  done
  for k in "${ranks[@]}"; do
    rm -rf "$out/run$k"
    /usr/bin/time -f '%e %U %S %M' -o "$out/time$k" mpirun -n "$k" --oversubscribe --bind-to none \
      "${mpirun_args[@]}" "$bin" run -n "$n" --threads 1 -q --out "$out/run$k" >/dev/null
    read -r wall user sys rss <"$out/time$k"
    cpu=$(echo "$user + $sys" | bc)
    printf 'round=%s ranks=%s replications=%s wall=%.2f s cpu=%.2f s (%.1f ms/replication) %.1f replications/s\n' \
      "$round" "$k" "$n" "$wall" "$cpu" "$(echo "1000 * $cpu / $n" | bc -l)" "$(echo "$n / $wall" | bc -l)"
  done
done
# The outputs must be the same bytes whatever the number of ranks.
for k in "${ranks[@]}"; do
  cmp -s <(grep -v -e '"created"' -e '"command"' "$out/run${ranks[0]}/report.json") \
    <(grep -v -e '"created"' -e '"command"' "$out/run$k/report.json") ||
    { echo "report.json differs between ${ranks[0]} and $k ranks"; exit 1; }
done
echo "report.json identical for ranks: ${ranks[*]}"
