#!/usr/bin/env python3
"""Google Benchmark JSON files: merge them, and compare a run against a baseline.

  bench_compare.py merge OUT.json IN.json...
      One file of the benchmarks of several programs (each entry gains "program": its file's
      name without .json); the context is the first file's.

  bench_compare.py compare BASELINE.json CURRENT.json [--threshold 10%] [--time cpu|real]
      For every benchmark in both files, the median of its repetitions (computed here from the
      repetitions; a file without them gives its single run, or its "median" aggregate), in
      nanoseconds. A benchmark whose median is more than the threshold slower than the baseline's
      is a regression. Prints one line per benchmark and exits 1 when any regressed, 0 otherwise,
      2 on bad input (unreadable file, no benchmark in common, bad threshold).

Python 3 standard library only (Debian 12's python3): Google's own tools/compare.py needs SciPy and
NumPy and reports without a pass/fail threshold.
"""

import argparse
import json
import os
import statistics
import sys

NANOSECONDS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


class InputProblem(Exception):
    pass


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise InputProblem(f"{path}: cannot read a benchmark JSON file: {e}")
    if not isinstance(data, dict) or not isinstance(data.get("benchmarks"), list):
        raise InputProblem(f'{path}: expected a Google Benchmark JSON object with "benchmarks"')
    return data


def parse_threshold(text):
    """"10%" or "0.1" -> 0.1; above 0."""
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        value = float("nan")
    if not value > 0:
        raise InputProblem(f'--threshold: expected a slowdown such as 10% or 0.1, found "{text}"')
    return value


def medians(data, path, time_key):
    """Benchmark name -> median time of its repetitions, in nanoseconds."""
    repetitions, aggregates = {}, {}
    for b in data["benchmarks"]:
        if "error_occurred" in b and b["error_occurred"]:
            continue
        name = b.get("run_name", b.get("name"))
        unit = NANOSECONDS.get(b.get("time_unit", "ns"))
        if name is None or unit is None or time_key not in b:
            raise InputProblem(f"{path}: benchmark entry without a name, time unit or {time_key}")
        value = float(b[time_key]) * unit
        if b.get("run_type", "iteration") == "aggregate":
            if b.get("aggregate_name") == "median":
                aggregates[name] = value
        else:
            repetitions.setdefault(name, []).append(value)
    result = {name: statistics.median(values) for name, values in repetitions.items()}
    for name, value in aggregates.items():
        result.setdefault(name, value)
    return result


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3f} {unit}"
    return f"{ns:.1f} ns"


def compare(args):
    threshold = parse_threshold(args.threshold)
    time_key = f"{args.time}_time"
    base = medians(load(args.baseline), args.baseline, time_key)
    current = medians(load(args.current), args.current, time_key)
    common = [name for name in base if name in current]
    if not common:
        raise InputProblem(f"no benchmark in both {args.baseline} and {args.current}")
    width = max(len(name) for name in common)
    print(f"median {args.time} time of the repetitions; a regression is more than "
          f"{threshold * 100:g}% slower than the baseline")
    print(f"{'benchmark':<{width}}  {'baseline':>12}  {'current':>12}  {'change':>8}")
    regressions = 0
    for name in common:
        change = current[name] / base[name] - 1 if base[name] > 0 else 0.0
        verdict = ""
        if current[name] > base[name] * (1 + threshold):
            verdict = "  SLOWER"
            regressions += 1
        elif current[name] * (1 + threshold) < base[name]:
            verdict = "  faster"
        print(f"{name:<{width}}  {human(base[name]):>12}  {human(current[name]):>12}  "
              f"{change * 100:>+7.1f}%{verdict}")
    for name in base:
        if name not in current:
            print(f"note: {name} is in the baseline only")
    for name in current:
        if name not in base:
            print(f"note: {name} is new (not in the baseline)")
    if regressions:
        print(f"{regressions} of {len(common)} benchmarks more than {threshold * 100:g}% slower")
        return 1
    print(f"no benchmark more than {threshold * 100:g}% slower ({len(common)} compared)")
    return 0


def merge(args):
    merged = None
    for path in args.inputs:
        data = load(path)
        program = os.path.splitext(os.path.basename(path))[0]
        for b in data["benchmarks"]:
            b["program"] = program
        if merged is None:
            merged = {"context": data.get("context", {}), "benchmarks": []}
        merged["benchmarks"].extend(data["benchmarks"])
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(merged, f, indent=1)
        f.write("\n")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    m = commands.add_parser("merge", help="merge benchmark JSON files into one")
    m.add_argument("out")
    m.add_argument("inputs", nargs="+")
    m.set_defaults(run=merge)
    c = commands.add_parser("compare", help="compare a run against a baseline")
    c.add_argument("baseline")
    c.add_argument("current")
    c.add_argument("--threshold", default="10%",
                   help="the slowdown of the median that fails, e.g. 10%% or 0.1 (default 10%%)")
    c.add_argument("--time", choices=["cpu", "real"], default="cpu",
                   help="cpu_time (default) or real_time")
    c.set_defaults(run=compare)
    args = parser.parse_args()
    try:
        return args.run(args)
    except InputProblem as e:
        print(f"bench_compare: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
