#!/usr/bin/env python3
"""How many plain rewrites in the project's annotated sets read at or below
grade 8 by the health grade, and how their originals read.

A plain rewrite is written for a patient; a health grade that fails most of
them misleads. Reads tests/data/jargon/{dev,test}/*.txt and
tests/data/annotated_messages.txt with jargon_eval.py's parser and prints,
for each set, the share of rewrites at or below the target and the median
grade of rewrites and of originals.

    python3 benchmarks/rewrite_grades.py [--cli build/plainlang] [--target 8]
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import jargon_eval  # noqa: E402  (the corpus parser and the CLI runner)

ROOT = pathlib.Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "plainlang")
    parser.add_argument("--target", type=float, default=8.0)
    args = parser.parse_args()
    sets = {
        "dev": sorted((jargon_eval.CORPUS / "dev").glob("*.txt")),
        "test": sorted((jargon_eval.CORPUS / "test").glob("*.txt")),
        "own set": [jargon_eval.OWN_SET],
    }
    print(f"| set | rewrites | at or below {args.target:g} | median rewrite | median original |")
    print("|---|---:|---:|---:|---:|")
    for name, paths in sets.items():
        texts = [t for path in paths for t in jargon_eval.parse(path)]
        reports = jargon_eval.reports_of(args.cli, [t.text for t in texts])
        grades = {True: [], False: []}
        for text, report in zip(texts, reports):
            grades[text.rewrite].append(report["readability"]["health_grade"])
        rewrites, originals = grades[True], grades[False]
        below = sum(g <= args.target for g in rewrites)
        print(f"| {name} | {len(rewrites)} | {below} ({100 * below / len(rewrites):.1f}%) | "
              f"{statistics.median(rewrites):.1f} | {statistics.median(originals):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
