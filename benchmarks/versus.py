#!/usr/bin/env python3
"""Two builds of analyze_benchmark at the same moment, one on each core.

The build machine's speed changes by up to 2x from one minute to the next,
so a figure measured now and one measured ten minutes ago cannot be
compared. This runs an old and a new build side by side, pinned to
different cores (and swapping cores every round), and prints the ratio of
their throughputs round by round and its median.

  python3 benchmarks/versus.py OLD_BINARY NEW_BINARY [--rounds 8]
      [--filter BM_AnalyzeCorpusMessages] [--corpus FILE] [--seconds 1]
      [--counter p99_us] [--new-args=--checklist=off]

With --counter it compares that counter of the benchmark (such as the
p99_us of BM_AnalyzeMessageLatency) instead of its throughput. --new-args
passes flags to the new build only (--checklist=off times the stages a
build from before the communication checklist had).

To build an old revision: git worktree add /tmp/old REV, then
cmake -S /tmp/old -B /tmp/old/build -G Ninja -DCMAKE_BUILD_TYPE=Release
-DPLAINLANG_BUILD_TESTS=OFF -DPLAINLANG_BUILD_PYTHON=OFF and
cmake --build /tmp/old/build --target analyze_benchmark.
Needs Linux (taskset) and two cores.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys


def start(binary: str, cpu: int, args: argparse.Namespace, extra: list[str]) -> subprocess.Popen:
    command = ["taskset", "-c", str(cpu), binary, f"--benchmark_filter={args.filter}",
               f"--benchmark_min_time={args.seconds}", "--benchmark_format=json", *extra]
    if args.corpus:
        command.append(f"--corpus={args.corpus}")
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def rate(process: subprocess.Popen, binary: str, counter: str | None = None) -> float:
    """Bytes per second of the one benchmark the filter selects, or `counter`."""
    out, _ = process.communicate()
    try:
        benchmarks = json.loads(out)["benchmarks"] if process.returncode == 0 else []
    except (json.JSONDecodeError, KeyError):
        benchmarks = []
    field = counter or "bytes_per_second"
    if len(benchmarks) != 1 or field not in benchmarks[0]:
        sys.exit(f"versus.py: {binary} (exit {process.returncode}) did not report {field} "
                 f"for exactly one benchmark; narrow --filter")
    return float(benchmarks[0][field])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--filter", default="BM_AnalyzeCorpusMessages")
    parser.add_argument("--corpus", help="messages file for --corpus (compare.py writes one)")
    parser.add_argument("--seconds", type=float, default=1.0, help="--benchmark_min_time")
    parser.add_argument("--counter", help="compare this counter (p99_us) instead of bytes/s")
    parser.add_argument("--new-args", default="", help="flags for the new build only, "
                        "space-separated (--checklist=off)")
    args = parser.parse_args()

    ratios = []
    unit, scale = (args.counter, 1.0) if args.counter else ("MB/s", 1e6)
    print(f"{'round':>5}  {'old ' + unit:>9}  {'new ' + unit:>9}  new/old")
    for round_number in range(args.rounds):
        old_cpu = round_number % 2  # swap cores every round
        old = start(args.old, old_cpu, args, [])
        new = start(args.new, 1 - old_cpu, args, args.new_args.split())
        old_rate, new_rate = rate(old, args.old, args.counter), rate(new, args.new, args.counter)
        ratios.append(new_rate / old_rate)
        print(f"{round_number + 1:>5}  {old_rate / scale:>9.2f}  {new_rate / scale:>9.2f}  "
              f"{ratios[-1]:.2f}")
    print(f"median new/old {statistics.median(ratios):.2f} over {len(ratios)} rounds "
          f"(range {min(ratios):.2f}-{max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
