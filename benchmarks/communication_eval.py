#!/usr/bin/env python3
"""Scores plainlang's communication checklist against the labelled corpus
in tests/data/communication/ (guideline: tests/data/COMMUNICATION.md).

For each split and item: accuracy of the three-way label (yes = applies and
met, no = applies and missed, na = does not apply); for the span items,
precision and recall of the evidence spans (a span is found when one of
plainlang's overlaps it); and for the minimal pairs, the share whose better
message scores strictly higher.

    python3 benchmarks/communication_eval.py [--cli build/plainlang] [--errors]

--errors lists dev's misses and false alarms, never test's: rules change only
from dev errors, and test is reported once.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import jargon_eval  # noqa: E402  (runs the CLI over many texts at once)

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "communication"
ITEMS = ("main_message_first", "call_to_action", "action_specific", "safety_net",
         "contact_info", "direct_address", "active_voice", "numbers_explained",
         "unambiguous_results", "no_stigmatizing_language", "acknowledges_patient")
SPAN_ITEMS = {"passive_voice": "active_voice", "unexplained_number": "numbers_explained",
              "ambiguous_result": "unambiguous_results", "stigmatizing": "no_stigmatizing_language"}
HEADER = re.compile(r"# id: (\S+) \| kind: (\S+)(?: \| pair: (\S+) \| variant: (better|worse))?\s*$")
MARK = re.compile(r"\[\[(.+?)\|(\w+)\]\]")


class Message:
    def __init__(self, header: str, items: str, body: str, where: str) -> None:
        match = HEADER.match(header)
        if not match:
            sys.exit(f"communication_eval: {where}: bad header {header!r}")
        self.id, self.kind, self.pair, self.variant = match.groups()
        self.labels = dict(pair.split("=") for pair in items[len("# items:"):].split())
        if set(self.labels) != set(ITEMS):
            sys.exit(f"communication_eval: {where}: items line lacks "
                     f"{sorted(set(ITEMS) - set(self.labels))}")
        self.spans: list[tuple[int, int, str]] = []
        out, last = "", 0
        for mark in MARK.finditer(body):
            out += body[last:mark.start()]
            start = len(out.encode("utf-8"))
            out += mark.group(1)
            self.spans.append((start, len(out.encode("utf-8")), mark.group(2)))
            last = mark.end()
        self.text = out + body[last:]


def parse(path: pathlib.Path) -> list[Message]:
    messages = []
    for n, (header, lines, body) in enumerate(jargon_eval.blocks(path)):
        items = next((line for line in lines if line.startswith("# items:")), None)
        if items is None:
            sys.exit(f"communication_eval: {path} message {n + 1}: no items line")
        messages.append(Message(header, items, body, f"{path} message {n + 1}"))
    return messages


def predicted(item: dict) -> str:
    return "na" if not item["applies"] else "yes" if item["meets"] else "no"


def evaluate(messages: list[Message], cli: pathlib.Path, show_errors: bool) -> dict:
    found = jargon_eval.reports_of(cli, [m.text for m in messages])
    right = {item: 0 for item in ITEMS}
    spans = {kind: [0, 0, 0] for kind in SPAN_ITEMS}  # gold, gold found, predicted right
    predictions = {kind: 0 for kind in SPAN_ITEMS}
    scores = {}
    for message, report in zip(messages, found):
        items = report["communication"]["items"]
        scores[message.id] = report["communication"]["score"]
        for item in ITEMS:
            guess = predicted(items[item])
            right[item] += guess == message.labels[item]
            if show_errors and guess != message.labels[item]:
                print(f"  {message.id} {item}: labelled {message.labels[item]}, plainlang {guess}")
        for kind, item in SPAN_ITEMS.items():
            gold = [(s, e) for s, e, k in message.spans if k == kind]
            mine = [(e["start"], e["end"]) for e in items[item]["evidence"]]
            overlap = lambda a, b: a[0] < b[1] and b[0] < a[1]
            spans[kind][0] += len(gold)
            spans[kind][1] += sum(any(overlap(g, m) for m in mine) for g in gold)
            spans[kind][2] += sum(any(overlap(m, g) for g in gold) for m in mine)
            predictions[kind] += len(mine)
            if show_errors:
                for g in gold:
                    if not any(overlap(g, m) for m in mine):
                        print(f"  {message.id} missed {kind}: "
                              f"{message.text.encode()[g[0]:g[1]].decode()!r}")
                for m in mine:
                    if not any(overlap(m, g) for g in gold):
                        print(f"  {message.id} false {kind}: "
                              f"{message.text.encode()[m[0]:m[1]].decode()!r}")
    pairs = {}
    for message in messages:
        if message.pair:
            pairs.setdefault(message.pair, {})[message.variant] = scores[message.id]
    ordered = sum(1 for p in pairs.values()
                  if p.get("better") is not None and p.get("worse") is not None
                  and p["better"] > p["worse"])
    return dict(n=len(messages), right=right, spans=spans, predictions=predictions,
                pairs=len(pairs), ordered=ordered)


def show(name: str, r: dict) -> None:
    print(f"\n== {name}: {r['n']} messages, {r['pairs']} minimal pairs")
    print("| item | accuracy |\n|---|---:|")
    for item in ITEMS:
        print(f"| {item} | {r['right'][item] / r['n']:.3f} |")
    print("\n| span kind | gold | recall | precision |\n|---|---:|---:|---:|")
    for kind, (gold, found, right) in r["spans"].items():
        predicted_spans = r["predictions"][kind]
        recall = found / gold if gold else float("nan")
        precision = right / predicted_spans if predicted_spans else float("nan")
        print(f"| {kind} | {gold} | {recall:.3f} | {precision:.3f} ({predicted_spans} found) |")
    if r["pairs"]:
        print(f"\nminimal pairs with the better message scored higher: {r['ordered']} of "
              f"{r['pairs']} ({100 * r['ordered'] / r['pairs']:.1f}%)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "plainlang")
    parser.add_argument("--errors", action="store_true", help="list dev's errors")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = parser.parse_args()
    for split in ("dev", "test"):
        if args.split not in (split, "both"):
            continue
        messages = [m for path in sorted((CORPUS / split).glob("*.txt")) for m in parse(path)]
        if not messages:
            print(f"communication_eval: no {split} messages in {CORPUS / split}", file=sys.stderr)
            continue
        if args.errors and split == "dev":
            print("== dev errors")
        show(split, evaluate(messages, args.cli, args.errors and split == "dev"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
