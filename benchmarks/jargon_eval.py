#!/usr/bin/env python3
"""Jargon precision and recall on our annotated patient messages.

tests/data/annotated_messages.txt holds fictional messages in which a
reviewer marked every span a patient would likely not understand: [[...]]
for medical jargon and unexplained abbreviations, {{...}} for complex general
words (format in tests/data/README.md). This script strips the marks, runs
`plainlang check --format json` on every message, and scores the findings:

- recall: share of marked spans that some finding of the matching kind overlaps;
- precision: share of findings that overlap a marked span of the same kind.

Jargon findings are kinds `jargon` and `abbreviation`; complex-word findings
are kind `complex_word`. With --errors it lists misses and false alarms.

    python3 benchmarks/jargon_eval.py [--cli build/plainlang] [--errors]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


def parse(path: pathlib.Path):
    """(id, kind, text, [(start, end, 'jargon'|'complex')]) per message; byte offsets."""
    messages = []
    for block in path.read_text(encoding="utf-8").rstrip("\n").split("\n---\n"):
        header, *rest = block.split("\n")
        msg_id, kind = re.match(r"# id: (\S+) \| kind: (\S+)$", header).groups()
        marked = "\n".join(line for line in rest if not line.startswith("# "))
        text, spans, last = "", [], 0
        for match in MARK.finditer(marked):
            text += marked[last:match.start()]
            body = match.group(1) or match.group(2)
            start = len(text.encode("utf-8"))
            text += body
            spans.append((start, len(text.encode("utf-8")),
                          "jargon" if match.group(1) else "complex"))
            last = match.end()
        text += marked[last:]
        messages.append((msg_id, kind, text, spans))
    return messages


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "plainlang")
    parser.add_argument("--data", type=pathlib.Path,
                        default=ROOT / "tests" / "data" / "annotated_messages.txt")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()

    messages = parse(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for msg_id, _, text, _ in messages:
            path = pathlib.Path(tmp) / f"{msg_id}.txt"
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        run = subprocess.run([str(args.cli), "check", "--format", "json", *paths],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f"jargon_eval: plainlang failed: {run.stderr.strip()}", file=sys.stderr)
            return 2
        reports = {pathlib.Path(json.loads(line)["source"]).stem: json.loads(line)
                   for line in run.stdout.splitlines()}

    kinds = {"jargon": ("jargon", "abbreviation"), "complex": ("complex_word",)}
    totals = {k: {"gold": 0, "found": 0, "findings": 0, "right": 0} for k in kinds}
    misses, alarms = [], []
    clean_rewrites = rewrites = 0
    for msg_id, kind, text, spans in messages:
        data = text.encode("utf-8")
        findings = [f for f in reports[msg_id]["findings"] if f["kind"] != "long_sentence"]
        if kind == "plain_rewrite":
            rewrites += 1
            clean_rewrites += not any(f["kind"] in kinds["jargon"] for f in findings)
        for name, finding_kinds in kinds.items():
            gold = [(s, e) for s, e, k in spans if k == name]
            mine = [f for f in findings if f["kind"] in finding_kinds]
            totals[name]["gold"] += len(gold)
            totals[name]["findings"] += len(mine)
            for s, e in gold:
                hit = any(overlaps(s, e, f["start"], f["end"]) for f in mine)
                totals[name]["found"] += hit
                if not hit:
                    misses.append((name, msg_id, data[s:e].decode()))
            for f in mine:
                right = any(overlaps(s, e, f["start"], f["end"]) for s, e in gold)
                totals[name]["right"] += right
                if not right:
                    alarms.append((name, msg_id, f["text"], f["kind"], f["source"]))

    print(f"annotated messages: {len(messages)} ({rewrites} plain rewrites, "
          f"{clean_rewrites} with no jargon finding)")
    print(f"{'kind':10} {'marked':>7} {'findings':>9} {'recall':>8} {'precision':>10}")
    for name, t in totals.items():
        recall = t["found"] / t["gold"] if t["gold"] else 0
        precision = t["right"] / t["findings"] if t["findings"] else 0
        print(f"{name:10} {t['gold']:>7} {t['findings']:>9} {recall:>8.1%} {precision:>10.1%}")
    if args.errors:
        print("\nmissed:")
        for name, msg_id, span in misses:
            print(f"  {name:8} {msg_id:12} {span}")
        print("\nfalse alarms:")
        for name, msg_id, span, kind, source in alarms:
            print(f"  {name:8} {msg_id:12} {span!r} ({kind}, {source})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
