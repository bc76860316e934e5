#!/usr/bin/env python3
"""Measures how often EstimateSyllables agrees with a pronouncing dictionary.

The rules in src/text/syllables.cc were written looking only at the
development split; the held-out split is every 10th eligible entry, so its
figure is the honest one. The C++ estimator itself is measured: this script
compiles a tiny driver against src/text/syllables.cc with g++.

Example:
    python3 data/tools/syllable_fallback_accuracy.py --source cmudict
    python3 data/tools/syllable_fallback_accuracy.py --source words
    python3 data/tools/syllable_fallback_accuracy.py --split dev --errors 50
"""

from __future__ import annotations

import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CMUDICT = ROOT.parent / "shared/data/sources/cmudict/cmudict.dict"
WORDS_TSV = ROOT / "data/words.tsv"

DRIVER = r"""
#include <iostream>
#include <string>
#include "text/syllables.h"
int main() {
  std::string word;
  while (std::getline(std::cin, word)) {
    std::cout << plainlang::EstimateSyllables(word) << '\n';
  }
}
"""


def cmudict_entries(path: pathlib.Path) -> list[tuple[str, set[int]]]:
    """Alphabetic, non-alternate words in file order, each with the syllable
    counts of all its pronunciations."""
    order: list[str] = []
    counts: dict[str, set[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *phones = line.split()
        word = re.sub(r"\(\d+\)$", "", head)
        syllables = sum(1 for phone in phones if phone[-1].isdigit())
        if word != head:  # an alternate pronunciation
            if word in counts:
                counts[word].add(syllables)
            continue
        if not re.fullmatch(r"[a-z]+", word):
            continue
        order.append(word)
        counts[word] = {syllables}
    return [(word, counts[word]) for word in order]


def words_tsv_entries(path: pathlib.Path) -> list[tuple[str, set[int]]]:
    """Rows of data/words.tsv that have a syllable count, in file order."""
    entries = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) < 3 or not fields[2].strip():
            continue
        entries.append((fields[0], {int(fields[2])}))
    return entries


def estimate(words: list[str]) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        source = pathlib.Path(tmp) / "driver.cc"
        binary = pathlib.Path(tmp) / "driver"
        source.write_text(DRIVER)
        subprocess.run(
            ["g++", "-std=c++20", "-O2", f"-I{ROOT / 'src'}", str(source),
             str(ROOT / "src/text/syllables.cc"), "-o", str(binary)],
            check=True)
        result = subprocess.run([str(binary)], input="\n".join(words) + "\n",
                                capture_output=True, text=True, check=True)
    return [int(value) for value in result.stdout.split()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", choices=["cmudict", "words"],
                        default="cmudict")
    parser.add_argument("--split", choices=["heldout", "dev"],
                        default="heldout",
                        help="heldout: every 10th entry; dev: the rest")
    parser.add_argument("--words-tsv", type=pathlib.Path, default=WORDS_TSV,
                        help="the table --source words reads")
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many mistakes (dev split only)")
    args = parser.parse_args()

    entries = (cmudict_entries(CMUDICT) if args.source == "cmudict"
               else words_tsv_entries(args.words_tsv))
    held_out = args.split == "heldout"
    chosen = [entry for index, entry in enumerate(entries)
              if (index % 10 == 0) == held_out]
    estimates = estimate([word for word, _ in chosen])

    exact = within_one = 0
    mistakes = []
    for (word, truth), guess in zip(chosen, estimates):
        if guess in truth:
            exact += 1
        else:
            mistakes.append((word, guess, sorted(truth)))
        if any(abs(guess - count) <= 1 for count in truth):
            within_one += 1
    total = len(chosen)
    print(f"{args.source} {args.split}: {total} words, "
          f"exact {100 * exact / total:.2f}%, "
          f"within 1 {100 * within_one / total:.2f}%")
    if args.errors and held_out:
        print("mistakes are shown for the dev split only", file=sys.stderr)
    elif args.errors:
        for word, guess, truth in mistakes[:args.errors]:
            print(f"{word}\t{guess}\t{truth}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
