#!/usr/bin/env bash
# Installs what is missing, builds staffsim and runs the default job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSTAFFSIM_BUILD_TESTS=OFF -DSTAFFSIM_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target staffsim
echo
echo "$ build/staffsim erlang --calls 300 --interval 30m --aht 4m --patience 3m --sl 80/20s --max-abandon 5% --shrinkage 30%"
build/staffsim erlang --calls 300 --interval 30m --aht 4m --patience 3m --sl 80/20s --max-abandon 5% --shrinkage 30%
