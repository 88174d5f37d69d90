#!/usr/bin/env bash
# Builds and runs the whole test suite: unit and command-line tests, report.html in headless
# chromium, plus a smoke run of every benchmark (warnings are errors); then, built with clang, the
# unit tests again under AddressSanitizer and UBSan, the sanitized binary on every subcommand and
# each fuzz target for 15 seconds; last, clang-tidy on the sources the last commit changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test  # clang, clang-tidy and chromium too
jobs=$(nproc)
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release -DSTAFFSIM_WERROR=ON >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"
# The sanitizer pass is built with clang: its AddressSanitizer and UBSan, and libFuzzer for the
# fuzz targets of the parsers. -O0 without debug information: reports still name the function,
# and it builds a third faster than -O1.
cmake -S . -B build-sanitize -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O0 -fno-omit-frame-pointer" -DSTAFFSIM_WERROR=ON -DSTAFFSIM_SANITIZE=ON \
  -DSTAFFSIM_FUZZ=ON -DSTAFFSIM_BUILD_BENCH=OFF -DSTAFFSIM_VALIDATION_TESTS=OFF \
  -DSTAFFSIM_BROWSER_TESTS=OFF -DSTAFFSIM_CLI_TESTS=OFF >/dev/null
cmake --build build-sanitize -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -L unit
bash scripts/smoke.sh build-sanitize/staffsim
FUZZ_BUILD=build-sanitize bash scripts/fuzz.sh 15
# clang-tidy on the sources the last commit changed.
bash scripts/tidy.sh
