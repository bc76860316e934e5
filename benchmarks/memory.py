#!/usr/bin/env python3
"""Peak memory of `plainlang check` on long inputs, as a multiple of the input's size.

    python3 benchmarks/memory.py [--cli build/plainlang] [--megabytes 100] [--limit 10]

Writes three inputs to a temporary folder: a 20 MiB "word" (`a` repeated), and a
message of `--megabytes` MB made of `examples/plain_message.txt` repeated (plain
words) and of `examples/portal_message.txt` repeated (about 42 findings per KB).
Runs `check --format json|csv|text` on each, output to /dev/null, and prints each
run's maximum resident set size (from wait4) in KB, as a multiple of the input,
and its seconds. Exits 1 when any multiple is above `--limit`.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def repeated(example: str, size: int) -> bytes:
    text = (ROOT / "examples" / example).read_bytes() + b"\n"
    return (text * (size // len(text) + 1))[:size]


def peak_kb(command: list[str]) -> tuple[int, float, int]:
    """Runs `command`; its maximum resident set in KB, seconds and exit status."""
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(command, stdout=null, stderr=null)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss, time.monotonic() - start, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=str(ROOT / "build" / "plainlang"))
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--limit", type=float, default=10.0)
    args = parser.parse_args()
    size = args.megabytes * 1_000_000
    # Made one at a time and dropped before the runs: a child's peak counts
    # the pages it shared with this process before exec.
    inputs = {
        "20 MiB word": lambda: b"a" * (20 << 20),
        f"{args.megabytes} MB plain_message": lambda: repeated("plain_message.txt", size),
        f"{args.megabytes} MB portal_message": lambda: repeated("portal_message.txt", size),
    }
    worst = 0.0
    print("| input | format | max RSS (KB) | × input | seconds |")
    print("| --- | --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in inputs.items():
            path = pathlib.Path(folder) / "input.txt"
            path.write_bytes(make())
            size_bytes = path.stat().st_size
            for fmt in ("json", "csv", "text"):
                kb, seconds, status = peak_kb([args.cli, "check", "--format", fmt, str(path)])
                if status not in (0, 1):
                    print(f"{name} {fmt}: exit status {status}", file=sys.stderr)
                    return 1
                times = kb * 1024 / size_bytes
                worst = max(worst, times)
                print(f"| {name} | {fmt} | {kb:,} | {times:.1f} | {seconds:.1f} |")
    print(f"worst: {worst:.1f}× (limit {args.limit}×)")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
