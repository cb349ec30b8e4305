# shellcheck shell=bash
# Sourced by the size benchmarks (scaling.sh, cache_profile.sh, superlinear_profile.sh), from the
# project's root: national_copies DIR K... writes DIR/nK.json for each K, the national two-tier
# scenario of the first K provinces (K above 34 repeats them as copies) from
# scenarios/national/generate.py, its calendar extended to YEARS (environment, default 10) years
# from 2026 by bench/extend_calendar.py (YEARS=5 keeps the generator's own 2026-2030).
national_copies() {
  local dir=$1 k csv=../shared/domain/vn-units-2025.csv
  shift
  [ -f "$csv" ] || csv=shared/domain/vn-units-2025.csv
  for k in "$@"; do
    python3 scenarios/national/generate.py "$csv" --provinces "$k" -o "$dir/n$k.json"
    if [ "${YEARS:-10}" != 5 ]; then
      python3 bench/extend_calendar.py "$dir/n$k.json" "${YEARS:-10}"
    fi
  done
}
