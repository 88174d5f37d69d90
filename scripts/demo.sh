#!/usr/bin/env bash
# Installs what is missing, builds staffsim and runs the default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSTAFFSIM_BUILD_TESTS=OFF -DSTAFFSIM_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target staffsim
echo
echo "$ build/staffsim run scenarios/default.yaml"
build/staffsim run scenarios/default.yaml
