#!/usr/bin/env bash
# Second command of the README: build if needed and run the whole test suite through CTest.
# BUILD_DIR and CMAKE_ARGS select another build (CI uses them for the sanitizer build).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
# shellcheck disable=SC2086
cmake -S . -B "$build" -G Ninja ${CMAKE_ARGS:--DCMAKE_BUILD_TYPE=Release}
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 600
