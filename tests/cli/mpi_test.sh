#!/usr/bin/env bash
# MPI (issue 16): `mpirun -n 2 cadresim run|compare|sweep` writes the same bytes as one process
# (report.json and series.csv, less the creation time and command line; sweep.csv), a failing
# rank ends the run on every rank with exit 1, one clear message and no output folder, and so
# does a rank that fails alone before the ranks compare notes.
# Usage: mpi_test.sh CADRESIM SOURCE_DIR MPIEXEC
set -euo pipefail
bin="$1" src="$2" mpiexec="$3"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # CI runs as root
export OMPI_MCA_rmaps_base_oversubscribe=1
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mpi() { "$mpiexec" -n 2 --oversubscribe "$@"; }
strip() { grep -v -e '"created"' -e '"command"' "$1"; }
same() {  # same FILE in two folders
  if ! cmp -s <(strip "$2/$1") <(strip "$3/$1"); then
    echo "FAIL: $1 differs between one process ($2) and 2 MPI ranks ($3)"
    diff <(strip "$2/$1") <(strip "$3/$1") | head -5
    exit 1
  fi
}
train="$src/scenarios/training/small-district.json"

# run: 7 replications (an odd number), 2 threads in one process.
"$bin" run "$train" -n 7 --seed 5 -q --threads 2 --out "$dir/run1" >/dev/null 2>&1
mpi "$bin" run "$train" -n 7 --seed 5 -q --threads 1 --out "$dir/run2" >/dev/null 2>&1
for f in report.json series.csv summary.txt; do same "$f" "$dir/run1" "$dir/run2"; done

# compare (a variant by --set): the paired differences are folded on both ranks.
cmp=(compare "$train" "$train" --set /support/top_up_vnd_per_month=1500000 -n 5 --seed 2 -q)
"$bin" "${cmp[@]}" --out "$dir/cmp1" >/dev/null 2>&1
mpi "$bin" "${cmp[@]}" --threads 1 --out "$dir/cmp2" >/dev/null 2>&1
for f in report.json series.csv; do same "$f" "$dir/cmp1" "$dir/cmp2"; done

# sweep: points × replications shared among the ranks.
sweep=(sweep "$train" --vary /support/top_up_vnd_per_month=0:2000000:1000000 -n 3 --seed 4 -q)
"$bin" "${sweep[@]}" --out "$dir/sw1" >/dev/null 2>&1
mpi "$bin" "${sweep[@]}" --threads 1 --out "$dir/sw2" >/dev/null 2>&1
same sweep.csv "$dir/sw1" "$dir/sw2"

# Replications are handed out on demand (cli/ranks.cpp): with two threads in each rank (whose
# workers ask one at a time, ahead of need) and with three ranks for two cores, the bytes stay
# those of one process.
mpi "$bin" run "$train" -n 7 --seed 5 -q --threads 2 --out "$dir/run2t" >/dev/null 2>&1
for f in report.json series.csv; do same "$f" "$dir/run1" "$dir/run2t"; done
"$mpiexec" -n 3 --oversubscribe "$bin" run "$train" -n 7 --seed 5 -q --threads 1 \
  --out "$dir/run3" >/dev/null 2>&1
for f in report.json series.csv; do same "$f" "$dir/run1" "$dir/run3"; done
"$mpiexec" -n 3 --oversubscribe "$bin" "${sweep[@]}" --threads 1 --out "$dir/sw3" >/dev/null 2>&1
same sweep.csv "$dir/sw1" "$dir/sw3"

# A failing rank: exit 1 from mpirun, rank 0 names the rank and the reason, nothing written.
set +e
err="$(CADRESIM_TEST_FAIL_RANK=1 mpi -x CADRESIM_TEST_FAIL_RANK "$bin" run "$train" -n 4 -q \
  --out "$dir/fail" 2>&1 >/dev/null)"
code=$?
set -e
if [ "$code" -eq 0 ]; then echo "FAIL: a failing rank gave exit 0"; exit 1; fi
if ! grep -q "cadresim run: MPI rank 1 of 2 failed: failure requested by CADRESIM_TEST_FAIL_RANK; nothing was written" <<<"$err"; then
  echo "FAIL: no clear message from rank 0:"; echo "$err"; exit 1
fi
if [ "$(grep -c '^cadresim run:' <<<"$err")" -ne 1 ]; then
  echo "FAIL: the message should come once (rank 0):"; echo "$err"; exit 1
fi
if [ -e "$dir/fail" ]; then echo "FAIL: a failed run left $dir/fail"; exit 1; fi

# A rank that fails alone before the ranks compare notes (here rank 1's scenario file is missing,
# as on a node without the file: mpirun's MPMD form gives each rank its own command line). The
# other rank would wait for it forever; instead the failing rank, after waiting 10 s for the
# others to fail too, shows its reason and ends the job on every rank. `timeout` turns the hang
# it replaced into a failure of this test.
set +e
err="$(timeout 300 "$mpiexec" --oversubscribe -n 1 "$bin" run "$train" -n 40 --threads 1 -q \
  --out "$dir/alone" : -n 1 "$bin" run "$dir/missing.json" -n 40 --threads 1 -q --out "$dir/alone" \
  2>&1 >/dev/null)"
code=$?
set -e
if [ "$code" -eq 124 ]; then echo "FAIL: a rank failing alone left the other waiting"; exit 1; fi
if [ "$code" -eq 0 ]; then echo "FAIL: a rank failing alone gave exit 0"; exit 1; fi
for expected in "missing.json: file not found" \
  "cadresim: MPI rank 1 of 2 failed while the other ranks went on; ending the run on every rank, nothing was written"; do
  if ! grep -qF "$expected" <<<"$err"; then
    echo "FAIL: no '$expected' from the rank that failed alone:"; echo "$err"; exit 1
  fi
done
if [ -e "$dir/alone" ]; then echo "FAIL: a rank failing alone left $dir/alone"; exit 1; fi

# Input errors are reported once, by rank 0.
set +e
err="$(mpi "$bin" run "$dir/missing.json" -n 2 -q 2>&1 >/dev/null)"
set -e
if [ "$(grep -c 'missing.json: file not found' <<<"$err")" -ne 1 ]; then
  echo "FAIL: an input error should be reported once:"; echo "$err"; exit 1
fi
echo "mpi_test: 1 passed, 0 failed"
