#!/usr/bin/env bash
# The simulator's replication pool under ThreadSanitizer: builds the tests that run replications
# on several threads (results identical for any thread count, streaming reduction, plans under
# common random numbers, optimization) with -fsanitize=thread and runs them. Not part of CI (it
# is a third full compile); run it after any change to sim/simulator.cpp, sim/work_queue.hpp or
# sim/reduction.*: about 5 minutes on 2 cores.
# Warnings are not errors here: GCC 12 gives false maybe-uninitialized warnings on instrumented
# code at -O1 (the Release and AddressSanitizer builds keep -Werror).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
tests=(sim_simulator_test sim_reduction_test sim_optimize_test)
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g" \
  -DSTAFFSIM_WERROR=OFF -DSTAFFSIM_SANITIZE_THREAD=ON -DSTAFFSIM_BUILD_BENCH=OFF \
  -DSTAFFSIM_BROWSER_TESTS=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target "${tests[@]}"
for t in "${tests[@]}"; do
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "build-tsan/tests/$t" --gtest_brief=1
done
echo "tsan: no data race in ${tests[*]}"
