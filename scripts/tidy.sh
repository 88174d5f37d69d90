#!/usr/bin/env bash
# clang-tidy (the committed .clang-tidy: bugprone-*, performance-*) on the sources that changed
# since BASE (default: the previous commit; scripts/tidy.sh main checks a branch's whole change,
# scripts/tidy.sh --all every source). A finding fails the script. Uses its own configure-only
# build folder (no unity build, no precompiled headers: clang-tidy reads each source as written).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD~1}
if [[ $base != --all ]] && ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
  echo "tidy: no commit $base in this clone (a shallow clone?): nothing to compare with" >&2
  exit 0
fi
if [[ $base == --all ]]; then
  mapfile -t files < <(git ls-files 'models/*.cpp' 'sim/*.cpp' 'tools/*.cpp')
else
  mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- 'models/*.cpp' 'sim/*.cpp' 'tools/*.cpp')
fi
if ((${#files[@]} == 0)); then
  echo "tidy: no changed source since $base"
  exit 0
fi
cmake -S . -B build-tidy -DCMAKE_BUILD_TYPE=Release -DSTAFFSIM_UNITY_BUILD=OFF \
  -DSTAFFSIM_PRECOMPILE_HEADERS=OFF -DSTAFFSIM_BUILD_TESTS=OFF -DSTAFFSIM_BUILD_BENCH=OFF >/dev/null
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 1 clang-tidy -p build-tidy --quiet --warnings-as-errors='*' 2>/dev/null
echo "tidy: ${#files[@]} sources clean"
