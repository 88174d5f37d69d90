#!/usr/bin/env bash
# scripts/bench_compare.py on hand-made Google Benchmark JSON files: which slowdowns fail, how the
# median of the repetitions and the time units are read, and what is bad input.
set -uo pipefail
script=${1:?usage: bench_compare_test.sh path/to/bench_compare.py}
script=$(cd "$(dirname "$script")" && pwd)/$(basename "$script")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0

# bench NAME UNIT TIME... : one benchmark's repetitions (cpu_time = TIME, real_time = 2 x TIME).
bench() {
  local name=$1 unit=$2
  shift 2
  local first=1
  for t in "$@"; do
    [ $first -eq 1 ] || printf ','
    first=0
    printf '{"name": "%s", "run_name": "%s", "run_type": "iteration", "repetitions": %d, "iterations": 1000, "real_time": %s, "cpu_time": %s, "time_unit": "%s"}' \
      "$name" "$name" $# "$(awk "BEGIN { print 2 * $t }")" "$t" "$unit"
  done
}
file() {  # file PATH ENTRIES...
  local path=$1
  shift
  local IFS=,
  printf '{"context": {"num_cpus": 2}, "benchmarks": [%s]}\n' "$*" >"$dir/$path"
}
# expect CODE TEXT ARGS...: bench_compare.py ARGS exits with CODE and prints TEXT.
expect() {
  local code=$1 text=$2
  shift 2
  local out status
  out=$(cd "$dir" && python3 "$script" "$@" 2>&1)
  status=$?
  if [ "$status" -ne "$code" ] || ! grep -qF -- "$text" <<<"$out"; then
    echo "FAILED: bench_compare.py $* exited $status (expected $code), output:"
    echo "$out"
    echo "(expected to contain: $text)"
    failures=$((failures + 1))
  fi
}

# Medians 100 ns (of 98, 100, 130) and 50 us.
file base.json "$(bench BM_A ns 98 130 100)" "$(bench BM_B us 50 49 51)"
# Exactly 10% slower (median 110 of 110, 90, 111) is not past 10%.
file same10.json "$(bench BM_A ns 110 90 111)" "$(bench BM_B us 50 50 50)"
expect 0 "no benchmark more than 10% slower (2 compared)" compare base.json same10.json
expect 0 "BM_A      100.0 ns      110.0 ns    +10.0%" compare base.json same10.json
# 10.5% slower is a regression; with a 20% threshold it is not.
file slower.json "$(bench BM_A ns 110.5 110.5 200)" "$(bench BM_B us 50 50 50)"
expect 1 "BM_A      100.0 ns      110.5 ns    +10.5%  SLOWER" compare base.json slower.json
expect 1 "1 of 2 benchmarks more than 10% slower" compare base.json slower.json
expect 0 "no benchmark more than 20% slower" compare base.json slower.json --threshold 20%
expect 0 "no benchmark more than 20% slower" compare base.json slower.json --threshold 0.2
# Another time unit: 0.105 us against 100 ns is 5% slower; 40 us against 50 us is faster.
file units.json "$(bench BM_A us 0.105)" "$(bench BM_B ms 0.04)"
expect 0 "+5.0%" compare base.json units.json
expect 0 "BM_B     50.000 us     40.000 us    -20.0%  faster" compare base.json units.json
# Wall time: real_time is twice the CPU time in these files; the change is the same.
expect 1 "+10.5%  SLOWER" compare base.json slower.json --time real
expect 1 "BM_A      200.0 ns      221.0 ns" compare base.json slower.json --time real
# A file of aggregates only: its median aggregate.
cat >"$dir/aggregates.json" <<'JSON'
{"benchmarks": [
 {"name": "BM_A_mean", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "mean", "real_time": 500, "cpu_time": 500, "time_unit": "ns"},
 {"name": "BM_A_median", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "median", "real_time": 130, "cpu_time": 130, "time_unit": "ns"}]}
JSON
expect 1 "+30.0%  SLOWER" compare base.json aggregates.json
expect 1 "note: BM_B is in the baseline only" compare base.json aggregates.json
# Bad input.
file other.json "$(bench BM_C ns 1)"
expect 2 "no benchmark in both base.json and other.json" compare base.json other.json
expect 2 '--threshold: expected a slowdown such as 10% or 0.1, found "-5%"' compare base.json slower.json --threshold=-5%
expect 2 "missing.json: cannot read a benchmark JSON file" compare base.json missing.json
# Merge: the benchmarks of several programs in one file, each with its program.
expect 0 "" merge merged.json base.json other.json
if ! grep -qF '"program": "other"' "$dir/merged.json"; then
  echo "FAILED: merged.json lacks the program of its entries"
  failures=$((failures + 1))
fi
expect 0 "no benchmark more than 10% slower (3 compared)" compare merged.json merged.json

if [ $failures -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "bench_compare.py: all checks passed"
