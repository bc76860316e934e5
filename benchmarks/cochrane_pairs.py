#!/usr/bin/env python3
"""Pairwise accuracy on the Cochrane technical-vs-plain pairs.

For each of the 411 validation pairs (a review abstract and its plain-language
summary, ../shared/eval/cochrane_val), a score "gets the pair right" when it
rates the abstract as harder than the summary. Prints that share for the
jargon measures and the readability formulas, all from one run of the
plainlang command over every text.

    python3 benchmarks/cochrane_pairs.py [--cli build/plainlang] [--eval ../shared/eval]

The evaluation texts are read from ../shared/eval at run time and never
copied into the repository. Exits 2 when they are absent.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]

# (column name, how to read it from a report, True when higher means harder)
SCORES = [
    ("jargon.density", lambda r: r["jargon"]["density"], True),
    ("jargon.distinct_terms/words",
     lambda r: r["jargon"]["distinct_terms"] / max(1, r["counts"]["words"]), True),
    ("flesch_reading_ease", lambda r: r["readability"]["flesch_reading_ease"], False),
    ("flesch_kincaid_grade", lambda r: r["readability"]["flesch_kincaid_grade"], True),
    ("smog", lambda r: r["readability"]["smog"], True),
    ("gunning_fog", lambda r: r["readability"]["gunning_fog"], True),
    ("coleman_liau", lambda r: r["readability"]["coleman_liau"], True),
    ("ari", lambda r: r["readability"]["ari"], True),
    ("consensus_grade", lambda r: r["readability"]["consensus_grade"], True),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "plainlang")
    parser.add_argument("--eval", type=pathlib.Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()

    folder = args.eval / "cochrane_val"
    if not (folder / "val.source").is_file():
        print(f"cochrane_pairs: {folder}/val.source not found; the evaluation sets live "
              "in ../shared/eval (see its README)", file=sys.stderr)
        return 2
    sources = (folder / "val.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / "val.target").read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        print("cochrane_pairs: val.source and val.target differ in length", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, (technical, plain) in enumerate(zip(sources, targets)):
            for side, text in (("technical", technical), ("plain", plain)):
                path = pathlib.Path(tmp) / f"{i}.{side}.txt"
                path.write_text(text, encoding="utf-8")
                names.append(str(path))
        run = subprocess.run([str(args.cli), "check", "--format", "json", *names],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f"cochrane_pairs: plainlang failed: {run.stderr.strip()}", file=sys.stderr)
            return 2
        reports = {}
        for line in run.stdout.splitlines():
            report = json.loads(line)
            reports[pathlib.Path(report["source"]).name] = report

    pairs = len(sources)
    print(f"Cochrane validation pairs: {pairs}")
    print(f"{'score':32} {'abstract harder':>16} {'ties':>6}")
    for name, read, higher_is_harder in SCORES:
        right = ties = 0
        for i in range(pairs):
            technical = read(reports[f"{i}.technical.txt"])
            plain = read(reports[f"{i}.plain.txt"])
            if technical == plain:
                ties += 1
            elif (technical > plain) == higher_is_harder:
                right += 1
        print(f"{name:32} {right / pairs:>15.1%} {ties:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
