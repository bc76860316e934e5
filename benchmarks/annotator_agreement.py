#!/usr/bin/env python3
"""How far two annotators of the jargon corpus agree, and plainlang against each.

A second annotator marked part of the dev split again, from the guideline
alone and with the marks removed (tests/data/jargon/second/). This script
scores the second annotator's marks against the first's exactly as
jargon_eval.py scores plainlang's findings (a mark found when a span of the
other overlaps it), both ways round, and then plainlang against each
annotator on the same messages. Agreement between two careful people is the
ceiling a judgment of the same kind can be measured against.

    python3 benchmarks/annotator_agreement.py [--cli build/plainlang]
"""

import argparse
import collections
import pathlib
import sys

import jargon_eval as je

SECOND = je.CORPUS / "second"


def as_findings(texts):
    """Each text's marks as findings of jargon_eval's shape."""
    return [[{"start": s, "end": e, "text": t.text.encode()[s:e].decode(), "kind": "jargon",
              "source": "annotator"} for s, e, _ in t.gold] for t in texts]


def line(name, s):
    total_gold, total_found = sum(s["gold"].values()), sum(s["found"].values())
    findings = s["right"] + s["wrong"]
    return (f"  {name:44} recall {je.share(total_found, total_gold):>6}  "
            f"precision {je.share(s['right'], findings):>6}")


def per_class(s):
    return "  ".join(f"{c} {je.share(s['found'][c], s['gold'][c])}"
                     for c in je.CLASSES if s["gold"][c])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=pathlib.Path, default=je.ROOT / "build" / "plainlang")
    args = parser.parse_args()

    files = sorted(SECOND.glob("*.txt"))
    if not files:
        sys.exit(f"annotator_agreement: no second annotations in {SECOND}")
    first, second = [], []
    for f in files:
        a, b = je.parse(je.CORPUS / "dev" / f.name), je.parse(f)
        if [t.text for t in a] != [t.text for t in b]:
            sys.exit(f"annotator_agreement: {f} does not hold the texts of dev/{f.name}")
        first += a
        second += b
    originals = [k for k, t in enumerate(first) if not t.rewrite]
    a = [first[k] for k in originals]
    b = [second[k] for k in originals]
    print(f"== {len(files)} dev specialties ({', '.join(f.stem for f in files)}): "
          f"{len(a)} messages; marks: first annotator {sum(len(t.gold) for t in a)}, "
          f"second {sum(len(t.gold) for t in b)}")
    b_vs_a = je.score(a, as_findings(b))
    a_vs_b = je.score(b, as_findings(a))
    print(line("second annotator, scored against the first", b_vs_a))
    print(f"    by the first's class: {per_class(b_vs_a)}")
    print(line("first annotator, scored against the second", a_vs_b))

    mine = je.analyse(args.cli, a)
    print(line("plainlang, scored against the first", je.score(a, mine)))
    print(line("plainlang, scored against the second", je.score(b, mine)))

    # Words one annotator marked somewhere and the other marked nowhere.
    def calls(texts):
        marked = collections.Counter()
        for t in texts:
            data = t.text.encode()
            words = {data[s:e].decode().lower() for s, e, _ in t.gold}
            for w in words:
                marked[w] += 1
        return marked
    ma, mb = calls(a), calls(b)
    only_a = sorted(set(ma) - set(mb), key=lambda w: (-ma[w], w))[:25]
    only_b = sorted(set(mb) - set(ma), key=lambda w: (-mb[w], w))[:25]
    print("  marked by the first only (most messages first): " + ", ".join(only_a))
    print("  marked by the second only: " + ", ".join(only_b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
