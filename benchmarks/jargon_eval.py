#!/usr/bin/env python3
"""Jargon recall, precision and false alarms on the annotated corpus.

Reads the corpus in tests/data/jargon/ (dev and test splits, one file per
specialty; format and guideline in tests/data/ANNOTATION.md), strips the
marks, runs `plainlang check --format json` over every text, and scores the
jargon and abbreviation findings against the marks:

- recall: share of marked spans that some finding overlaps, by class;
- precision: share of findings, in originals and plain rewrites alike, that
  overlap a marked span (findings on a rewrite's kept words, marked ((...)),
  are left out of the count);
- false alarms per plain rewrite: findings on rewrites that overlap no kept
  word, divided by the number of rewrites. A kept word is kept wherever the
  rewrite repeats it, in the singular or the plural: marking "((CT scan))"
  once keeps "CT" in "another CT scan" later on.

It also prints the same for the project's own annotated set
(tests/data/annotated_messages.txt, which the lexicon was corrected
against, so it says little) and, when ../shared/eval is there, the share of
Cochrane val pairs in which the jargon density rates the abstract harder.

    python3 benchmarks/jargon_eval.py [--cli build/plainlang] [--split dev|test|all]
                                      [--errors] [--no-cochrane] [--folder DIR ...]
                                      [--errors-in DIR ...]

--errors lists the misses and wrong findings of dev only, each with the
words around it: the test split is reported in totals, never read for
errors (the protocol in ANNOTATION.md). --folder scores another folder of
files in the same format, in totals: the sets written for one round of
judgment changes (tests/data/jargon/rounds/); --errors-in scores one and
lists its errors as --errors does, for the sets a round learns from, and
refuses test's folder.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "jargon"
OWN_SET = ROOT / "tests" / "data" / "annotated_messages.txt"
HEADER = re.compile(r"# id: (\S+) \| kind: (\S+)(?: \| specialty: (\S+))?$")
# [[span]] or [[span|class]]; ((kept)); {{complex word}} (the own set only).
MARK = re.compile(r"\[\[(.+?)(?:\|(\w+))?\]\]|\(\((.+?)\)\)|\{\{(.+?)\}\}")
JARGON_KINDS = ("jargon", "abbreviation")
CLASSES = ("term", "register", "notation", "drugclass", "named", "abbr", "known", "research")


class Text:
    """One message: plain text (UTF-8 bytes) and its marks as byte spans."""

    def __init__(self, msg_id, kind, specialty, marked):
        self.id, self.kind, self.specialty = msg_id, kind, specialty
        self.gold = []  # (start, end, class)
        self.kept = []  # (start, end)
        self.complex = []  # (start, end) of {{complex words}}, the older set only
        out, last = "", 0
        for match in MARK.finditer(marked):
            out += marked[last:match.start()]
            start = len(out.encode("utf-8"))
            if match.group(1) is not None:
                out += match.group(1)
                self.gold.append((start, len(out.encode("utf-8")), match.group(2) or "term"))
            elif match.group(3) is not None:
                out += match.group(3)
                self.kept.append((start, len(out.encode("utf-8"))))
            else:
                out += match.group(4)
                self.complex.append((start, len(out.encode("utf-8"))))
            last = match.end()
        self.text = out + marked[last:]

    @property
    def rewrite(self):
        return self.kind == "plain_rewrite"


def blocks(path: pathlib.Path):
    """(header, lines, body) of each block of a set file: blocks are split by
    `---` lines, the first line is the header and `# ` lines are annotations
    left out of the body."""
    for block in path.read_text(encoding="utf-8").rstrip("\n").split("\n---\n"):
        header, *lines = block.split("\n")
        yield header, lines, "\n".join(line for line in lines if not line.startswith("# "))


def parse(path: pathlib.Path):
    texts = []
    for header, _, body in blocks(path):
        match = HEADER.match(header)
        if not match:
            sys.exit(f"jargon_eval: {path}: bad header {header!r}")
        texts.append(Text(*match.groups(), body))
    return texts


def reports_of(cli: pathlib.Path, texts: list[str]) -> list[dict]:
    """The JSON report of each text, in order, from one run of the CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, text in enumerate(texts):
            path = pathlib.Path(tmp) / f"{n:05d}.txt"
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        run = subprocess.run([str(cli), "check", "--format", "json", *paths],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"jargon_eval: plainlang failed: {run.stderr.strip()}")
        by_name = {pathlib.Path(r["source"]).stem: r
                   for r in map(json.loads, run.stdout.splitlines())}
    return [by_name[f"{n:05d}"] for n in range(len(texts))]


def analyse(cli: pathlib.Path, texts):
    """Findings of jargon kinds per text, from one run of the CLI."""
    return [[f for f in report["findings"] if f["kind"] in JARGON_KINDS]
            for report in reports_of(cli, [t.text for t in texts])]


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def kept_occurrences(data: bytes, kept):
    """Byte spans of every occurrence in `data` of the words marked kept, as
    whole words, in the singular or the plural ("gallstones" keeps
    "gallstone", "biopsy" keeps "biopsies"). A word in lower case is found
    whatever its case; an acronym only in its capitals ("HR" keeps "HRs",
    not "hrs")."""
    spans = []
    lower = data.lower()
    for form in {data[k0:k1] for k0, k1 in kept}:
        acronym = form.upper() == form and form.lower() != form
        base = form if acronym else form.lower()
        stems = {base}
        if not acronym:
            if base.endswith(b"ies"):
                stems.add(base[:-3] + b"y")
            elif base.endswith(b"es"):
                stems.update({base[:-2], base[:-1]})
            elif base.endswith(b"s"):
                stems.add(base[:-1])
            if base.endswith(b"y"):
                stems.add(base[:-1] + b"ies")
        for stem in stems:
            pattern = (rb"(?<![0-9A-Za-z])" + re.escape(stem) + rb"(?:s|es)?(?![0-9A-Za-z])")
            spans += [m.span() for m in re.finditer(pattern, data if acronym else lower)]
    return spans


def score(texts, findings):
    gold = collections.Counter()
    found = collections.Counter()
    right = wrong = rewrites = alarms = known_alarms = 0
    by_source = collections.defaultdict(lambda: [0, 0])  # source -> [right, all]
    misses, false_alarms = [], []
    miss_spans, false_alarm_spans = [], []  # byte spans of the two, in order
    for text, mine in zip(texts, findings):
        data = text.text.encode("utf-8")
        spans = [(f["start"], f["end"]) for f in mine]
        for start, end, cls in text.gold:
            gold[cls] += 1
            if any(overlaps((start, end), s) for s in spans):
                found[cls] += 1
            else:
                misses.append((text.id, cls, data[start:end].decode()))
                miss_spans.append((start, end))
        rewrites += text.rewrite
        kept = kept_occurrences(data, text.kept)
        for f in mine:
            span = (f["start"], f["end"])
            if any(overlaps(span, k) for k in kept):
                continue
            source = f["source"].split(",")[0].split(":")[0]
            hit = any(overlaps(span, (s, e)) for s, e, _ in text.gold)
            by_source[source][0] += hit
            by_source[source][1] += 1
            if hit:
                right += 1
            else:
                wrong += 1
                alarms += text.rewrite
                # The issue asks for well-known acronyms (MRI, CT) to be
                # flagged gently; a rewrite that keeps one unmarked counts it.
                known_alarms += text.rewrite and f["kind"] == "abbreviation" and \
                    f.get("severity", 1) <= 0.1
                false_alarms.append((text.id, f["text"], f["kind"], f["source"]))
                false_alarm_spans.append(span)
    return dict(gold=gold, found=found, right=right, wrong=wrong, rewrites=rewrites,
                alarms=alarms, known_alarms=known_alarms, by_source=by_source, misses=misses,
                false_alarms=false_alarms, miss_spans=miss_spans,
                false_alarm_spans=false_alarm_spans, originals=sum(not t.rewrite for t in texts))


def around(text, start, end, width=40):
    """The words around text's bytes [start, end), on one line."""
    data = text.text.encode("utf-8")
    window = data[max(0, start - width):end + width].decode("utf-8", "replace")
    return window.replace("\n", " / ")


def print_errors(texts, s):
    """Misses and wrong findings of a scored set, each in its context."""
    by_id = {t.id: t for t in texts}
    print("  missed:")
    for (msg_id, cls, span), (start, end) in zip(s["misses"], s["miss_spans"]):
        print(f"    {cls:9} {msg_id:30} {span!r:28} ...{around(by_id[msg_id], start, end)}")
    print("  wrong findings (OR on an original; RW on a plain rewrite, a false alarm):")
    for (msg_id, span, kind, source), (start, end) in zip(s["false_alarms"],
                                                          s["false_alarm_spans"]):
        text = by_id[msg_id]
        print(f"    {'RW' if text.rewrite else 'OR'} {msg_id:30} {span!r} ({kind}, {source}) "
              f"...{around(text, start, end)}")


def share(a, b):
    return f"{a / b:.1%}" if b else "-"


def report(name, s, show_sources):
    total_gold, total_found = sum(s["gold"].values()), sum(s["found"].values())
    findings = s["right"] + s["wrong"]
    print(f"\n== {name}: {s['originals']} messages, {s['rewrites']} plain rewrites, "
          f"{total_gold} marked spans")
    print(f"recall {share(total_found, total_gold)}   precision {share(s['right'], findings)} "
          f"({findings} findings)   false alarms per rewrite "
          f"{s['alarms'] / s['rewrites'] if s['rewrites'] else 0:.2f}")
    if s["rewrites"]:
        print(f"  false alarms {s['alarms']}, of them {s['known_alarms']} on well-known acronyms "
              f"at low severity (MRI, CT), which the issue asks to flag")
    print(f"  {'class':10} {'marked':>7} {'found':>6} {'recall':>7}")
    for cls in CLASSES:
        if s["gold"][cls]:
            print(f"  {cls:10} {s['gold'][cls]:>7} {s['found'][cls]:>6} "
                  f"{share(s['found'][cls], s['gold'][cls]):>7}")
    if show_sources:
        print(f"  {'finding source':18} {'findings':>8} {'precision':>9}")
        for source, (hit, n) in sorted(s["by_source"].items(), key=lambda x: -x[1][1]):
            print(f"  {source:18} {n:>8} {share(hit, n):>9}")


def cochrane(cli: pathlib.Path, folder: pathlib.Path):
    if not (folder / "val.source").is_file():
        print(f"\n(Cochrane pairs skipped: {folder} not found)")
        return
    sources = (folder / "val.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / "val.target").read_text(encoding="utf-8").splitlines()
    density = [r["jargon"]["density"] for r in reports_of(cli, sources + targets)]
    n = len(sources)
    harder = sum(density[k] > density[k + n] for k in range(n))
    print(f"\n== Cochrane val pairs: jargon density rates the abstract harder in "
          f"{harder}/{n} = {harder / n:.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "plainlang")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="list dev misses and false alarms")
    parser.add_argument("--eval", type=pathlib.Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--no-cochrane", action="store_true")
    parser.add_argument("--folder", type=pathlib.Path, action="append", default=[],
                        help="also score a folder of files in the corpus's format, in totals "
                             "(repeatable; tests/data/jargon/rounds/ holds the round sets)")
    parser.add_argument("--errors-in", type=pathlib.Path, action="append", default=[],
                        metavar="FOLDER",
                        help="score a folder a round learns from and list its misses and false "
                             "alarms, each with the words around it (repeatable; never test's)")
    args = parser.parse_args()
    # Test's errors stay unread, so that its figures keep measuring something.
    test = (CORPUS / "test").resolve()
    for folder in args.errors_in:
        if folder.resolve() == test or test in folder.resolve().parents:
            sys.exit("jargon_eval: test's errors are not listed; score it with --split test")

    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in splits:
        files = sorted((CORPUS / split).glob("*.txt"))
        texts = [t for f in files for t in parse(f)]
        if not texts:
            print(f"\n== {split}: no texts in {CORPUS / split}")
            continue
        findings = analyse(args.cli, texts)
        s = score(texts, findings)
        report(f"{split} ({len(files)} specialties)", s, show_sources=split == "dev")
        if split == "dev":
            for f in files:
                # Texts are ids <file stem>-NN[-plain]: one file's are its own.
                mine = [k for k, t in enumerate(texts) if t.specialty == f.stem]
                fs = score([texts[k] for k in mine], [findings[k] for k in mine])
                g, fo = sum(fs["gold"].values()), sum(fs["found"].values())
                print(f"    {f.stem:22} recall {share(fo, g):>6}  precision "
                      f"{share(fs['right'], fs['right'] + fs['wrong']):>6}  "
                      f"alarms/rewrite {fs['alarms'] / max(1, fs['rewrites']):.2f}")
        if args.errors and split == "dev":
            print_errors(texts, s)
    for folder in args.folder:
        texts = [t for f in sorted(folder.glob("*.txt")) for t in parse(f)]
        if not texts:
            sys.exit(f"jargon_eval: no texts in {folder}")
        report(str(folder), score(texts, analyse(args.cli, texts)), show_sources=False)
    for folder in args.errors_in:
        texts = [t for f in sorted(folder.glob("*.txt")) for t in parse(f)]
        if not texts:
            sys.exit(f"jargon_eval: no texts in {folder}")
        s = score(texts, analyse(args.cli, texts))
        report(str(folder), s, show_sources=False)
        print_errors(texts, s)
    if args.split == "all":
        own = parse(OWN_SET)
        report("the project's own set (the lexicon was corrected against it)",
               score(own, analyse(args.cli, own)), show_sources=False)
    if not args.no_cochrane:
        cochrane(args.cli, args.eval / "cochrane_val")
    return 0


if __name__ == "__main__":
    sys.exit(main())
