#!/usr/bin/env bash
# Benchmark baseline and comparison, for CI: run the Google Benchmark programs of bench/ with
# repetitions into one JSON file, and compare such a file against a baseline, failing when a
# benchmark's median slows down by more than a threshold.
#
#   scripts/bench-compare.sh run OUT.json              run every benchmark, write OUT.json
#   scripts/bench-compare.sh compare BASE.json NEW.json   compare two runs
#   scripts/bench-compare.sh check BASE.json [OUT.json]   run, then compare with BASE.json
#
# Options (after the command):
#   --threshold 10%     slowdown of a benchmark's median that fails (default 10%, or 0.1)
#   --repetitions N     repetitions of every benchmark (default 5); the median is compared
#   --min-time S        seconds each repetition runs at least (default 0.2)
#   --filter REGEX      only the benchmarks whose name matches (Google Benchmark's filter)
#   --time cpu|real     compare CPU time (default: the benchmarks are single-threaded) or wall time
#   --source DIR        the sources to benchmark (default: this repository), e.g. a worktree of
#                       main, so that a branch's job measures main's baseline on the same machine
#   --build-dir DIR     where the benchmarks are built (default SOURCE/build-bench: Release, no
#                       tests)
# Exit status: 0 no regression, 1 some benchmark slower than the threshold, 2 bad usage or input.
# Needs python3 (standard library only) for the JSON; see scripts/bench_compare.py.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
command=$1
shift
positional=()
threshold=10%
repetitions=5
min_time=0.2
filter=.
time=cpu
source_dir=$root
build_dir=
while [ $# -gt 0 ]; do
  case $1 in
    --threshold) threshold=${2:?--threshold needs a value}; shift 2 ;;
    --repetitions) repetitions=${2:?--repetitions needs a value}; shift 2 ;;
    --min-time) min_time=${2:?--min-time needs a value}; shift 2 ;;
    --filter) filter=${2:?--filter needs a value}; shift 2 ;;
    --time) time=${2:?--time needs a value}; shift 2 ;;
    --source) source_dir=${2:?--source needs a value}; shift 2 ;;
    --build-dir) build_dir=${2:?--build-dir needs a value}; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "bench-compare: unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
case $repetitions in '' | *[!0-9]* | 0) echo "bench-compare: --repetitions: expected a whole number of at least 1, found \"$repetitions\"" >&2; exit 2 ;; esac

build_dir=${build_dir:-$source_dir/build-bench}

# Builds the benchmark programs (Release, without the test suite) and runs each with JSON output
# into one file.
run_benchmarks() {
  local out=$1
  local programs=()
  for file in "$source_dir"/bench/*_bench.cpp; do
    programs+=("$(basename "$file" .cpp)")
  done
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DSTAFFSIM_BUILD_TESTS=OFF \
      >/dev/null
  fi
  cmake --build "$build_dir" -j"$(nproc)" --target "${programs[@]}" >/dev/null
  parts=$(mktemp -d)
  trap 'rm -rf "$parts"' EXIT
  local files=()
  for program in "${programs[@]}"; do
    echo "running $program ($repetitions repetitions)" >&2
    "$build_dir/bench/$program" --benchmark_filter="$filter" \
      --benchmark_repetitions="$repetitions" --benchmark_min_time="$min_time" \
      --benchmark_display_aggregates_only=true --benchmark_enable_random_interleaving=true \
      --benchmark_out="$parts/$program.json" --benchmark_out_format=json >&2
    # A program none of whose benchmarks the filter matches writes nothing.
    if [ -s "$parts/$program.json" ]; then files+=("$parts/$program.json"); fi
  done
  if [ ${#files[@]} -eq 0 ]; then
    echo "bench-compare: no benchmark matches --filter $filter" >&2
    exit 2
  fi
  python3 "$root/scripts/bench_compare.py" merge "$out" "${files[@]}"
  echo "wrote $out" >&2
}

compare() {
  python3 "$root/scripts/bench_compare.py" compare "$1" "$2" --threshold "$threshold" --time "$time"
}

case $command in
  run)
    [ ${#positional[@]} -eq 1 ] || usage
    run_benchmarks "${positional[0]}"
    ;;
  compare)
    [ ${#positional[@]} -eq 2 ] || usage
    compare "${positional[0]}" "${positional[1]}"
    ;;
  check)
    [ ${#positional[@]} -ge 1 ] && [ ${#positional[@]} -le 2 ] || usage
    [ -f "${positional[0]}" ] || { echo "bench-compare: no baseline ${positional[0]}" >&2; exit 2; }
    current=${positional[1]:-bench-current.json}
    run_benchmarks "$current"
    compare "${positional[0]}" "$current"
    ;;
  *) usage ;;
esac
