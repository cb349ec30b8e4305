#!/usr/bin/env bash
# Second command of the README: build if needed and run the whole test suite through CTest.
# BUILD_DIR and CMAKE_ARGS select another build (CI uses them for the sanitizer build).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
# The browser tests' playwright-core (tests/browser; docs/reliability.md), before CMake looks for
# it. Without npm they are skipped and CMake says so.
if command -v npm >/dev/null 2>&1; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
# shellcheck disable=SC2086
cmake -S . -B "$build" -G Ninja ${CMAKE_ARGS:--DCMAKE_BUILD_TYPE=Release}
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 600
