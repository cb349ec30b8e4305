#!/usr/bin/env bash
# End-to-end test of report.html: cadresim writes a report for a run and for a comparison, and
# headless Chromium opens each one offline. Passes when, for each report, the page's script
# marks <body data-status="ok">, every <svg class="chart"> is marked data-rendered="1" and has
# drawn <path> elements, every expected chart is there, and the browser console stays silent
# (the page logs nothing unless something failed). Skipped (exit 77) when Chromium is missing.
#
# Usage: report_browser_test.sh CADRESIM_BINARY SOURCE_DIR
# Set REPORT_SCREENSHOT_DIR to also keep a full-page screenshot of each report there.
set -u

cadresim=${1:?usage: report_browser_test.sh CADRESIM_BINARY SOURCE_DIR}
source_dir=${2:?usage: report_browser_test.sh CADRESIM_BINARY SOURCE_DIR}

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser=$candidate
    break
  fi
done
if [ -z "$browser" ]; then
  echo "SKIPPED: no Chromium browser found (Debian: apt-get install chromium); report.html was not checked."
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cadresim-report-browser.XXXXXX")
failed=0
cleanup() {
  if [ "$failed" -eq 0 ]; then rm -rf "$work"; else echo "files kept for inspection in $work"; fi
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  failed=1
}

# Runs the browser on one page; extra arguments select --dump-dom or --screenshot.
browse() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
    --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}

# check NAME HTML CHART... : opens HTML and checks it as described above.
check() {
  local name=$1 html=$2
  shift 2
  if [ ! -s "$html" ]; then
    fail "$name: $html was not written"
    return
  fi
  if ! browse --dump-dom "file://$html" >"$work/$name.dom" 2>"$work/$name.log"; then
    fail "$name: $browser exited with an error:"
    tail -n 20 "$work/$name.log"
    return
  fi
  # Nothing may be fetched: no address outside the embedded data (a scenario comment may hold one).
  if grep -v '^<script type="application/json"' "$html" | grep -n -o -E '.{0,40}https?://.{0,40}'; then
    fail "$name: the page names an address outside its embedded data (lines above)"
  fi
  local dom=$work/$name.dom
  local body
  body=$(grep -o '<body[^>]*>' "$dom" | head -n 1)
  echo "$name: $body"
  if ! grep -q '<body[^>]*data-status="ok"' "$dom"; then
    fail "$name: the page did not report data-status=\"ok\""
    grep -o '<div class="errors" id="render-errors"[^<]*' "$dom"
  fi
  local charts rendered
  charts=$(grep -o '<svg class="chart[^"]*"' "$dom" | wc -l)
  rendered=$(grep -o '<svg class="chart[^>]*data-rendered="1"' "$dom" | wc -l)
  echo "$name: $rendered of $charts charts drawn"
  if [ "$charts" -eq 0 ] || [ "$charts" -ne "$rendered" ]; then
    fail "$name: $rendered of $charts charts were drawn"
  fi
  # Each chart's <svg> must hold drawn paths (bars, lines, bands or cells).
  local empty
  empty=$(awk 'BEGIN { RS = "<svg class=\"chart" } NR > 1 {
                 body = substr($0, 1, index($0, "</svg>"));
                 if (body !~ /<path /) { match(body, /data-chart="[^"]*" data-group="[^"]*"/); print substr(body, RSTART, RLENGTH) }
               }' "$dom")
  if [ -n "$empty" ]; then
    fail "$name: charts without any drawn path:"
    echo "$empty"
  fi
  local chart
  for chart in "$@"; do
    grep -q "data-chart=\"$chart\"" "$dom" || fail "$name: no chart data-chart=\"$chart\""
  done
  # The page writes to the console only when something went wrong; so does an uncaught error.
  if grep -E 'CONSOLE|Uncaught' "$work/$name.log"; then
    fail "$name: the browser console reported the lines above"
  fi
  if [ -n "${REPORT_SCREENSHOT_DIR:-}" ]; then
    mkdir -p "$REPORT_SCREENSHOT_DIR"
    browse --window-size=1280,12000 --screenshot="$REPORT_SCREENSHOT_DIR/$name.png" "file://$html" \
      >/dev/null 2>&1 && echo "$name: screenshot in $REPORT_SCREENSHOT_DIR/$name.png"
  fi
}

run_charts=(vacancies successor-coverage bench-strength plan-structure flow-matrix on-rotation rotations-per-year
  rotation-outcomes rotation-shares support-cost cost-per-rotation shortfall non-native effectiveness imbalance)

# A run of the built-in baseline (few replications: this checks drawing, not statistics).
if "$cadresim" run -n 3 --seed 5 --out "$work/run" >"$work/run.out" 2>&1; then
  check run "$work/run/report.html" "${run_charts[@]}"
else
  fail "cadresim run failed:"
  tail -n 20 "$work/run.out"
fi

# A comparison: the baseline against a policy variant (the first one found; itself if none).
base="$source_dir/scenarios/dien-bien/baseline.json"
variant=$(find "$source_dir/scenarios/dien-bien" -maxdepth 1 -name '*.json' ! -name baseline.json | sort | head -n 1)
[ -n "$variant" ] || variant=$base
if "$cadresim" compare "$base" "$variant" -n 3 --seed 5 --out "$work/compare" >"$work/compare.out" 2>&1; then
  check compare "$work/compare/report.html" "${run_charts[@]}" difference
else
  fail "cadresim compare $base $variant failed:"
  tail -n 20 "$work/compare.out"
fi

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "PASS: every chart of both reports was drawn in $browser with no console message"
