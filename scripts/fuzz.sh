#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers (tests/fuzz/fuzz_targets.hpp) with libFuzzer, under
# AddressSanitizer and UndefinedBehaviorSanitizer.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# SECONDS_PER_TARGET defaults to 60 (a long campaign passes more); TARGETs are scenario, csv and
# units (default: all, one after the other). Needs clang and libFuzzer:
# bash scripts/install-deps.sh --fuzz. Builds in build-fuzz/ (at most FUZZ_JOBS=2 jobs), makes
# each target's corpus in build-fuzz/corpus/<target> from the hand-made seeds
# (tests/fuzz/seeds/), the regression inputs, the shipped scenarios and small slices of the shared
# data (../shared/data, when present; never committed), and keeps what the fuzzer adds there for
# the next run. An input that crashes, hangs (over 10 s), leaks or breaks a property is copied to
# tests/fuzz/regressions/<target>/: fix the parser and commit it there, where CTest replays it
# (tests/fuzz_replay_test.cpp). Exits 1 when any target found one.
# FUZZ_BUILD=DIR uses the fuzz programs of a build folder configured with -DSTAFFSIM_FUZZ=ON
# instead (scripts/test.sh: its sanitizer build, 15 seconds a target).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario csv units)
build=${FUZZ_BUILD:-build-fuzz}
shared=../shared/data

if [ -z "${FUZZ_BUILD:-}" ]; then
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -g -fno-omit-frame-pointer" -DSTAFFSIM_FUZZ=ON -DSTAFFSIM_SANITIZE=ON \
    -DSTAFFSIM_BUILD_TESTS=OFF -DSTAFFSIM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

# A seed: a selector (tests/fuzz/fuzz_targets.hpp) and then a file's first lines.
seed_of() {  # seed_of SELECTOR LINES FILE OUT
  [ -f "$3" ] || return 0
  { printf '%s' "$1"; head -n "$2" "$3"; } >"$4"
}
make_corpus() {
  local target=$1 corpus=$build/corpus/$1
  mkdir -p "$corpus"
  cp tests/fuzz/seeds/"$target"/* "$corpus"/
  cp tests/fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null || true
  case "$target" in
    scenario) cp scenarios/*.yaml "$corpus"/ ;;
    csv)
      seed_of 00 170 "$shared/bank_calls_5min_train.csv" "$corpus/shared-counts-day"
      seed_of 03 340 "$shared/bank_calls_5min_train.csv" "$corpus/shared-counts-2days"
      seed_of 04 40 "$shared/anonbank_calls_train.csv" "$corpus/shared-log-history"
      seed_of 10 40 "$shared/anonbank_calls_train.csv" "$corpus/shared-log"
      ;;
    units)  # the durations, rates and percentages of the shipped scenarios
      local n=0 kind value
      for kind in 0 2 3; do
        case $kind in
          0) pattern='[0-9.]+(ms|min|s|m|h|d)\b' ;;
          2) pattern='[0-9.]+/[0-9.]*[a-z]+\b' ;;
          3) pattern='[0-9.]+%' ;;
        esac
        while read -r value; do
          printf '%s%s' "$kind" "$value" >"$corpus/scenario-$kind-$((n++))"
        done < <(grep -ohE "$pattern" scenarios/*.yaml | sort -u | head -50)
      done
      ;;
  esac
}
max_len_of() {
  case "$1" in
    scenario) echo 16384 ;;
    csv) echo 12288 ;;
    units) echo 64 ;;
  esac
}

found=()
for target in "${targets[@]}"; do
  make_corpus "$target"
  artifacts=$build/artifacts/$target
  rm -rf "$artifacts" && mkdir -p "$artifacts"
  echo "== fuzz_$target for ${seconds}s"
  dict=()
  [ -f tests/fuzz/"$target".dict ] && dict=(-dict=tests/fuzz/"$target".dict)
  # A target's scratch folders (a crash leaves its own behind) go to build-fuzz/tmp/<target>, so
  # that runs of different targets can go side by side.
  rm -rf "$build/tmp/$target" && mkdir -p "$build/tmp/$target"
  TMPDIR=$PWD/$build/tmp/$target ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz_$target" "$build/corpus/$target" -max_total_time="$seconds" -timeout=10 \
    -max_len="$(max_len_of "$target")" -rss_limit_mb=2048 -print_final_stats=1 \
    "${dict[@]}" -artifact_prefix="$artifacts/" 2>&1 | tee "$build/fuzz_$target.log" |
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|==[0-9]+==ERROR|SUMMARY|property violated|ALARM)' || true
  if compgen -G "$artifacts/*" >/dev/null; then
    mkdir -p tests/fuzz/regressions/"$target"
    cp "$artifacts"/* tests/fuzz/regressions/"$target"/
    found+=("$target")
    echo "fuzz_$target: new inputs in tests/fuzz/regressions/$target (log: $build/fuzz_$target.log)"
  fi
done
if [ ${#found[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${found[*]}" >&2
  exit 1
fi
echo "no crash, hang or broken property in: ${targets[*]}"
