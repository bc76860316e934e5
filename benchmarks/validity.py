#!/usr/bin/env python3
"""Do plainlang's scores track how hard people find a text? One table.

Runs the installed plainlang package (not the command line) over the
evaluation sets in ../shared/eval and prints, for every score:

- Pearson r and Spearman rho against the human ``Readability`` rating
  (1 = easy .. 6 = hard) of the MedReadMe sentences in the ``dev`` split;
- on the 411 Cochrane validation pairs (technical abstract, plain summary),
  the share of pairs where the score rates the abstract harder (respecting
  the score's direction), with ties counted separately;

the same for textstat's formulas on the same texts, as a comparison; then
jargon precision and recall on tests/data/annotated_messages.txt (the
overlap rule of jargon_eval.py, whose parser it imports) and whether every
``plain_rewrite`` scores better than the message it rewrites.

    .venv/bin/python benchmarks/validity.py [--eval ../shared/eval] [--quick]
                                            [--json out.json] [--no-textstat]

``--quick`` takes a fixed subset (every 8th dev sentence, the first 60
pairs) for CI. ``health_grade`` is shown when the engine has it, "n/a"
otherwise.

textstat is optional and only for comparison; this script installs
nothing. Install it into the same environment with ``pip install textstat``.
Without it the textstat rows are skipped with a note. textstat (0.7.x) takes
syllables from the CMU dictionary through nltk's ``cmudict`` corpus, which it
tries to download at first use; offline this script instead hands it the
dictionary in ../shared/data/sources/cmudict/cmudict.dict (``--cmudict``),
and prints which syllable source textstat used.

The evaluation texts are read at run time and never copied into the
repository. Exits 2, naming the missing path, when they are absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import importlib.metadata
import json
import math
import pathlib
import re
import sys
import time
from collections.abc import Callable, Sequence

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import jargon_eval  # noqa: E402  (parse() and overlaps(): one annotation format, one overlap rule)

MEDREADME = "medreadme_readability_train_dev.csv"
COCHRANE = "cochrane_val"
QUICK_SENTENCE_STEP = 8
QUICK_PAIRS = 60


# ---------------------------------------------------------------- statistics

def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r; NaN when either side is constant or there are < 2 points."""
    n = len(x)
    if n < 2 or n != len(y):
        return math.nan
    mx, my = math.fsum(x) / n, math.fsum(y) / n
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = math.fsum((a - mx) ** 2 for a in x)
    syy = math.fsum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks; tied values share the average of their ranks."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson's r of the average ranks."""
    return pearson(ranks(x), ranks(y))


def correlate(scores: Sequence[float | None], human: Sequence[float]) -> tuple[float, float, int]:
    """(r, rho, points used), leaving out texts whose score is missing or NaN."""
    kept = [(s, h) for s, h in zip(scores, human) if s is not None and not math.isnan(s)]
    xs, ys = [s for s, _ in kept], [h for _, h in kept]
    return pearson(xs, ys), spearman(xs, ys), len(kept)


def pair_accuracy(technical: Sequence[float | None], plain: Sequence[float | None],
                  higher_is_harder: bool) -> dict[str, int]:
    """How many pairs the score rates the technical side harder, equal, easier."""
    counts = {"right": 0, "ties": 0, "wrong": 0, "missing": 0}
    for t, p in zip(technical, plain):
        if t is None or p is None or math.isnan(t) or math.isnan(p):
            counts["missing"] += 1
        elif t == p:
            counts["ties"] += 1
        elif (t > p) == higher_is_harder:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
    return counts


# ---------------------------------------------------------------- data

class MissingData(Exception):
    """The evaluation sets are absent or malformed; main() exits 2."""


def load_eval(folder: pathlib.Path, quick: bool):
    """(dev sentences, their ratings, abstracts, summaries), or exit 2 naming what is missing."""
    needed = [folder / MEDREADME, folder / COCHRANE / "val.source", folder / COCHRANE / "val.target"]
    for path in [folder, *needed]:
        if not path.exists():
            raise MissingData(f"validity: {path} not found. The evaluation sets live in ../shared/eval "
                     "beside the repository (see its README); pass --eval DIR to point elsewhere.")
    sentences, ratings = [], []
    with (folder / MEDREADME).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] == "dev":
                sentences.append(row["Sentence"])
                ratings.append(float(row["Readability"]))
    sources = (folder / COCHRANE / "val.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / COCHRANE / "val.target").read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise MissingData(f"validity: {folder / COCHRANE} val.source and val.target differ in length")
    if not sentences:
        raise MissingData(f"validity: no dev rows in {folder / MEDREADME}")
    if quick:
        sentences, ratings = sentences[::QUICK_SENTENCE_STEP], ratings[::QUICK_SENTENCE_STEP]
        sources, targets = sources[:QUICK_PAIRS], targets[:QUICK_PAIRS]
    return sentences, ratings, sources, targets


def rewrite_links(path: pathlib.Path) -> dict[str, str]:
    """{plain rewrite id: id of the message it rewrites} from '# rewrite-of:' lines."""
    links = {}
    for block in path.read_text(encoding="utf-8").rstrip("\n").split("\n---\n"):
        msg_id = re.match(r"# id: (\S+) ", block).group(1)
        of = re.search(r"^# rewrite-of: (\S+)\s*$", block, re.MULTILINE)
        if of:
            links[msg_id] = of.group(1)
    return links


# ---------------------------------------------------------------- scores

# (name, read from a plainlang Report, True when higher means harder).
# A reader returns None when the engine has no such score.
PLAINLANG: list[tuple[str, Callable, bool]] = [
    ("flesch_reading_ease", lambda r: r.readability.flesch_reading_ease, False),
    ("flesch_kincaid_grade", lambda r: r.readability.flesch_kincaid_grade, True),
    ("smog", lambda r: r.readability.smog, True),
    ("gunning_fog", lambda r: r.readability.gunning_fog, True),
    ("coleman_liau", lambda r: r.readability.coleman_liau, True),
    ("ari", lambda r: r.readability.ari, True),
    ("forcast", lambda r: r.readability.forcast, True),
    ("linsear_write", lambda r: r.readability.linsear_write, True),
    ("lix", lambda r: r.readability.lix, True),
    ("consensus_grade", lambda r: r.readability.consensus_grade, True),
    ("health_grade", lambda r: getattr(r.readability, "health_grade", None), True),
    ("jargon.density", lambda r: r.jargon.density, True),
    ("jargon.distinct_terms/words",
     lambda r: r.jargon.distinct_terms / max(1, r.counts.words), True),
]

# (name, method of textstat, True when higher means harder)
TEXTSTAT: list[tuple[str, Callable, bool]] = [
    ("flesch_reading_ease", lambda ts, t: ts.flesch_reading_ease(t), False),
    ("flesch_kincaid_grade", lambda ts, t: ts.flesch_kincaid_grade(t), True),
    ("smog_index", lambda ts, t: ts.smog_index(t), True),
    ("gunning_fog", lambda ts, t: ts.gunning_fog(t), True),
    ("coleman_liau_index", lambda ts, t: ts.coleman_liau_index(t), True),
    ("automated_readability_index", lambda ts, t: ts.automated_readability_index(t), True),
    ("dale_chall_readability_score", lambda ts, t: ts.dale_chall_readability_score(t), True),
    ("linsear_write_formula", lambda ts, t: ts.linsear_write_formula(t), True),
    ("text_standard", lambda ts, t: float(ts.text_standard(t, float_output=True)), True),
    ("lix", lambda ts, t: ts.lix(t), True),
    ("rix", lambda ts, t: ts.rix(t), True),
    ("spache_readability", lambda ts, t: ts.spache_readability(t), True),
    ("mcalpine_eflaw", lambda ts, t: ts.mcalpine_eflaw(t), True),
    ("difficult_words/words",
     lambda ts, t: ts.difficult_words(t, unique=False) / max(1, ts.lexicon_count(t)), True),
]


def read_cmudict(path: pathlib.Path) -> dict[str, list[list[str]]]:
    """cmudict.dict ('word PHONES', alternates as 'word(2)', '#' comments) as nltk's
    cmudict.dict() returns it: lowercase word -> pronunciations, the first first."""
    table: dict[str, list[list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        table.setdefault(re.sub(r"\(\d+\)$", "", word).lower(), []).append(phones)
    return table


def load_textstat(cmudict: pathlib.Path):
    """(textstat module or None, version, syllable source or why it is skipped, CMU table or None)."""
    try:
        import textstat
    except ImportError:
        return None, None, "textstat is not installed (pip install textstat): its rows are skipped", None
    version = importlib.metadata.version("textstat")
    try:
        from textstat.backend.counts import _count_syllables as counter
    except ImportError:  # another layout than 0.7.6+: let textstat load what it loads
        counter = None
    try:
        import nltk
        nltk.data.find("corpora/cmudict")
        nltk_has_it = True
    except (ImportError, LookupError):
        nltk_has_it = False
    if nltk_has_it:
        source = ("CMU dictionary from nltk's cmudict corpus (first pronunciation's vowels), "
                  "pyphen hyphenation + 1 for other words")
    elif counter is not None and hasattr(counter, "get_cmudict"):
        # textstat would call nltk.download('cmudict') here, which fails offline.
        if cmudict.is_file():
            table = read_cmudict(cmudict)
            counter.get_cmudict = lambda lang: table if lang.lower().startswith("en") else None
            source = (f"CMU dictionary from {cmudict} via this script's shim (nltk has no cmudict "
                      "corpus here; first pronunciation's vowels), pyphen hyphenation + 1 for "
                      "other words")
        else:
            counter.get_cmudict = lambda lang: None
            source = (f"pyphen hyphenation + 1 only: nltk has no cmudict corpus and {cmudict} "
                      "is absent")
    else:
        source = f"textstat {version}'s own loader (this script's shim does not know its layout)"
    try:
        textstat.syllable_count("hypertension")
    except Exception as error:  # noqa: BLE001 - any failure here means: skip textstat
        first = str(error).strip().splitlines()
        return None, version, (f"textstat {version} failed at first use "
                               f"({type(error).__name__}: {first[0] if first else ''}): "
                               "its rows are skipped"), None
    lookup = counter.get_cmudict("en_US") if counter is not None and hasattr(counter, "get_cmudict") else None
    return textstat, version, source, lookup


def cmu_coverage(textstat, table, texts: Sequence[str]) -> float:
    """Share of word tokens (as textstat splits them) found in the CMU table."""
    from textstat.backend.selections._list_words import list_words
    found = total = 0
    for text in texts:
        for word in list_words(text, lowercase=True):
            total += 1
            found += word in table
    return found / total if total else math.nan


# ---------------------------------------------------------------- jargon

def jargon_scores(messages, reports) -> dict[str, dict[str, float]]:
    """Precision and recall as jargon_eval.py computes them, from Python reports."""
    kinds = {"jargon": ("jargon", "abbreviation"), "complex": ("complex_word",)}
    totals = {}
    for name, finding_kinds in kinds.items():
        t = {"marked": 0, "findings": 0, "found": 0, "right": 0}
        for message, report in zip(messages, reports):
            gold = ([(s, e) for s, e, _ in message.gold] if name == "jargon"
                    else list(message.complex))
            mine = [f for f in report.findings if f.kind in finding_kinds]
            t["marked"] += len(gold)
            t["findings"] += len(mine)
            t["found"] += sum(any(jargon_eval.overlaps((s, e), (f.start, f.end)) for f in mine)
                              for s, e in gold)
            t["right"] += sum(any(jargon_eval.overlaps((s, e), (f.start, f.end)) for s, e in gold)
                              for f in mine)
        t["recall"] = t["found"] / t["marked"] if t["marked"] else math.nan
        t["precision"] = t["right"] / t["findings"] if t["findings"] else math.nan
        totals[name] = t
    return totals


REWRITE_CHECKS = [
    ("health_grade", lambda r: getattr(r.readability, "health_grade", None)),
    ("consensus_grade", lambda r: r.readability.consensus_grade),
    ("jargon.density", lambda r: r.jargon.density),
]


def rewrite_check(links: dict[str, str], by_id: dict) -> dict[str, dict]:
    """For each measure: the rewrites that do not score strictly lower than their original."""
    result = {}
    for name, read in REWRITE_CHECKS:
        failing, checked = [], 0
        for plain_id, original_id in sorted(links.items()):
            plain, original = read(by_id[plain_id]), read(by_id[original_id])
            if plain is None or original is None:
                continue
            checked += 1
            if not plain < original:
                failing.append({"rewrite": plain_id, "original": original_id,
                                "rewrite_score": plain, "original_score": original})
        result[name] = {"checked": checked, "failing": failing} if checked else None
    return result


# ---------------------------------------------------------------- output

def fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, spec)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=pathlib.Path, default=ROOT.parent / "shared" / "eval",
                        help="folder of the evaluation sets (default: %(default)s)")
    parser.add_argument("--cmudict", type=pathlib.Path, default=None,
                        help="CMU dictionary for textstat when nltk has none "
                             "(default: EVAL/../data/sources/cmudict/cmudict.dict)")
    parser.add_argument("--data", type=pathlib.Path,
                        default=ROOT / "tests" / "data" / "annotated_messages.txt")
    parser.add_argument("--quick", action="store_true",
                        help=f"every {QUICK_SENTENCE_STEP}th dev sentence and the first "
                             f"{QUICK_PAIRS} pairs")
    parser.add_argument("--json", type=pathlib.Path, help="also write the numbers here")
    parser.add_argument("--no-textstat", action="store_true", help="leave textstat out")
    args = parser.parse_args()

    try:
        sentences, ratings, sources, targets = load_eval(args.eval, args.quick)
    except MissingData as error:
        print(error, file=sys.stderr)
        return 2
    cmudict = args.cmudict or args.eval.parent / "data" / "sources" / "cmudict" / "cmudict.dict"

    import plainlang
    analyzer = plainlang.Analyzer()
    started = time.perf_counter()
    dev_reports = analyzer.analyze_many(sentences, progress=False)
    technical_reports = analyzer.analyze_many(sources, progress=False)
    plain_reports = analyzer.analyze_many(targets, progress=False)
    plainlang_seconds = time.perf_counter() - started
    has_health = getattr(dev_reports[0].readability, "health_grade", None) is not None

    rows = []
    for name, read, harder in PLAINLANG:
        r, rho, n = correlate([read(x) for x in dev_reports], ratings)
        pairs = pair_accuracy([read(x) for x in technical_reports],
                              [read(x) for x in plain_reports], harder)
        rows.append({"source": "plainlang", "score": name, "higher_is_harder": harder,
                     "pearson": r, "spearman": rho, "n": n, **pairs})

    textstat_info = None
    if args.no_textstat:
        note = "textstat left out (--no-textstat)"
    else:
        textstat, version, note, table = load_textstat(cmudict)
        if textstat is not None:
            started = time.perf_counter()
            for name, formula, harder in TEXTSTAT:
                r, rho, n = correlate([formula(textstat, t) for t in sentences], ratings)
                pairs = pair_accuracy([formula(textstat, t) for t in sources],
                                      [formula(textstat, t) for t in targets], harder)
                rows.append({"source": "textstat", "score": name, "higher_is_harder": harder,
                             "pearson": r, "spearman": rho, "n": n, **pairs})
            coverage = cmu_coverage(textstat, table, sentences + sources + targets) if table else None
            textstat_info = {"version": version, "syllable_source": note,
                             "cmu_token_coverage": coverage,
                             "seconds": time.perf_counter() - started}
            note = f"textstat {version}; syllables: {note}"
            if coverage is not None:
                note += f"; {coverage:.1%} of word tokens found in the CMU dictionary"

    messages = jargon_eval.parse(args.data)
    message_reports = analyzer.analyze_many([m.text for m in messages], progress=False)
    jargon = jargon_scores(messages, message_reports)
    by_id = {msg.id: report for msg, report in zip(messages, message_reports)}
    rewrites = rewrite_check(rewrite_links(args.data), by_id)

    today = datetime.date.today().isoformat()
    print(f"plainlang validity, {today}{' (--quick subset)' if args.quick else ''}")
    print(f"MedReadMe dev: {len(sentences)} sentences, human Readability 1 (easy) .. 6 (hard), so a "
          "score that rates text harder should correlate positively; reading-ease scores "
          "(higher = easier) are expected to correlate negatively. r and rho as computed.")
    print(f"Cochrane val: {len(sources)} pairs; 'abstract harder' = share of all pairs where the "
          "score rates the abstract harder than its plain summary, in the score's direction.")
    print(f"textstat: {note}")
    if not has_health:
        print("health_grade: not in this engine build (n/a)")
    print()
    header = (f"| {'source':9} | {'score':28} | {'higher = harder':15} | {'Pearson r':>9} | "
              f"{'Spearman rho':>12} | {'abstract harder':>15} | {'ties':>4} |")
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for row in rows:
        pairs = len(sources)
        missing = row["missing"] == pairs
        share = None if missing else row["right"] / pairs
        ties = "n/a" if missing else str(row["ties"]) + (f" +{row['missing']} n/a" if row["missing"] else "")
        print(f"| {row['source']:9} | {row['score']:28} | {'yes' if row['higher_is_harder'] else 'no':15} | "
              f"{fmt(row['pearson'], '+.3f'):>9} | {fmt(row['spearman'], '+.3f'):>12} | "
              f"{fmt(share, '.1%'):>15} | {ties:>4} |")

    print()
    print(f"Jargon on {args.data.relative_to(ROOT) if args.data.is_relative_to(ROOT) else args.data} "
          f"({len(messages)} messages; overlap rule of jargon_eval.py):")
    print(f"| {'kind':8} | {'marked':>6} | {'findings':>8} | {'recall':>7} | {'precision':>9} |")
    print(f"|{'-' * 10}|{'-' * 8}|{'-' * 10}|{'-' * 9}|{'-' * 11}|")
    for name, t in jargon.items():
        print(f"| {name:8} | {t['marked']:>6} | {t['findings']:>8} | {fmt(t['recall'], '.1%'):>7} | "
              f"{fmt(t['precision'], '.1%'):>9} |")

    print()
    print(f"Plain rewrites vs the message each rewrites ({len(rewrite_links(args.data))} pairs; "
          "the rewrite should score strictly lower):")
    for name, result in rewrites.items():
        if result is None:
            print(f"  {name}: n/a (not in this engine build)")
            continue
        print(f"  {name}: {len(result['failing'])} of {result['checked']} rewrites fail")
        for f in result["failing"]:
            print(f"    {f['rewrite']} {f['rewrite_score']:.4g} vs {f['original']} {f['original_score']:.4g}")

    if args.json:
        def clean(value):
            if isinstance(value, float) and math.isnan(value):
                return None
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items()}
            if isinstance(value, list):
                return [clean(v) for v in value]
            return value
        args.json.write_text(json.dumps(clean({
            "date": today,
            "quick": args.quick,
            "plainlang_version": plainlang.__version__,
            "has_health_grade": has_health,
            "dev_sentences": len(sentences),
            "pairs": len(sources),
            "plainlang_seconds": plainlang_seconds,
            "textstat": textstat_info,
            "scores": rows,
            "jargon": jargon,
            "rewrites": rewrites,
        }), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
