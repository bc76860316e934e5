#!/usr/bin/env python3
"""Checks the format of the lexicon tables in data/ (see data/README.md).

    python3 data/tools/check_tables.py [--data DIR]

Exits non-zero naming table, line and problem when a table breaks a rule the
engine's loader relies on: exact header, UTF-8, LF line ends, the header's
number of fields on every row, no empty or repeated key, rows sorted, and
each column's value set (categories, 0..1 with two decimals, case).
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys

HEADERS = {
    "terms": ["term", "category", "familiarity", "plain", "definition", "source"],
    "abbreviations": ["abbreviation", "expansions", "plain", "case",
                      "familiarity", "source"],
    "medicines": ["name", "class"],
    "words": ["word", "zipf", "syllables"],
    "affixes": ["affix", "position", "meaning", "example"],
}
CATEGORIES = {"condition", "symptom", "procedure", "test", "anatomy", "named", "research",
              "register", "medicine_class", "general", "other"}
UNIT = re.compile(r"(0\.\d\d|1\.00)")
ZIPF = re.compile(r"\d\.\d\d")


def check(name: str, path: pathlib.Path) -> list[str]:
    problems = []
    data = path.read_bytes()
    if b"\r" in data:
        problems.append(f"{path}: contains CR")
    if not data.endswith(b"\n"):
        problems.append(f"{path}: last line has no LF")
    lines = data.decode("utf-8").split("\n")[:-1]
    if lines[0].split("\t") != HEADERS[name]:
        problems.append(f"{path}:1: header {lines[0]!r}, expected {HEADERS[name]}")
    previous, keys = None, set()
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        where = f"{path}:{number}"
        if len(fields) != len(HEADERS[name]):
            problems.append(f"{where}: {len(fields)} fields")
            continue
        if not fields[0] or fields[0] in keys:
            problems.append(f"{where}: empty or repeated key {fields[0]!r}")
        keys.add(fields[0])
        if previous is not None and fields < previous:
            problems.append(f"{where}: not sorted after {previous[0]!r}")
        previous = fields
        if name == "terms":
            if fields[0] != fields[0].lower() or len(fields[0].split(" ")) > 8:
                problems.append(f"{where}: term not lower-case or over 8 words")
            if fields[1] not in CATEGORIES:
                problems.append(f"{where}: category {fields[1]!r}")
            if not UNIT.fullmatch(fields[2]):
                problems.append(f"{where}: familiarity {fields[2]!r}")
        elif name == "abbreviations":
            if fields[3] not in ("exact", "any") or not UNIT.fullmatch(fields[4]):
                problems.append(f"{where}: case {fields[3]!r} or familiarity {fields[4]!r}")
            if not 2 <= len(fields[0]) <= 10 or not fields[1]:
                problems.append(f"{where}: abbreviation length or no expansion")
        elif name == "words":
            if not ZIPF.fullmatch(fields[1]) or not re.fullmatch(r"\d*", fields[2]):
                problems.append(f"{where}: zipf {fields[1]!r} or syllables {fields[2]!r}")
        elif name == "affixes":
            if fields[1] not in ("prefix", "suffix", "root"):
                problems.append(f"{where}: position {fields[1]!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    problems = []
    for name in HEADERS:
        problems += check(name, args.data / f"{name}.tsv")
    print("\n".join(problems[:50]) if problems else "all tables well-formed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
