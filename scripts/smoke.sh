#!/usr/bin/env bash
# Runs a staffsim binary (argument; default build/staffsim) once through every subcommand on the
# shipped scenarios and the bank data, each writing its files: with the sanitized build, the
# command-line code runs under AddressSanitizer and UBSan (scripts/test.sh). Fails on the first
# command that does not exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/staffsim}")
data=$(realpath ../shared/data)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
run() {
  echo "smoke: staffsim $*"
  "$bin" "$@" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr"; exit 1; }
}
cd scenarios
run run default.yaml --replications 2 --out "$out/run"
run run card-backoffice.yaml --replications 1 --format json
run compare default.yaml --replications 2 --out "$out/compare"
run sweep default.yaml --vary general.arrivals.factor=0.9..1.1:0.1 --replications 1 --out "$out/sweep"
run optimize leads-vs-desk.yaml --replications 2 --out "$out/optimize"
run plan multi-day.yaml --format csv --out "$out/plan.csv"
run erlang --calls 120 --aht 4m --interval 30m --sl 80/20s
run forecast --history "$data/bank_calls_5min_train.csv" --days 2 --interval 30m --out "$out/f.csv"
run erlang --volumes "$out/f.csv" --aht 4m --sl 80/20s --format json
run backtest --history "$data/bank_calls_5min_train.csv" --methods profile --days 1 --format csv
run backtest --history "$data/bank_calls_5min_train.csv" --methods profile --as-of 12:00
run forecast --history "$data/anonbank_calls_train.csv" --days 1 --interval 1h --format json
run fit --history "$data/anonbank_calls_train.csv" --out "$out/fit.yaml"
echo "smoke: every subcommand ran"
