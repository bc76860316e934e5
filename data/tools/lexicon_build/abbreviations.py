"""abbreviations.tsv: abbreviation, expansions, plain, case, familiarity, source.

Senses come from data/curated/abbreviations.tsv (ours; it wins), the
Wikipedia list of medical abbreviations, the Columbia OB/GYN list and the
imantsm lists. Senses are merged per key: the abbreviation with dots removed,
lower-cased (b.i.d., BID and bid are one entry).
"""

from __future__ import annotations

import collections
import dataclasses
import re

from . import text
from .sources import AbbreviationSense
from .word_frequency import WordFrequency, format_centi

# Source codes written in the source column.
SOURCE_CODES = {"plainlang": "plainlang", "wikipedia": "wikipedia",
                "columbia": "columbia_obgyn", "imantsm": "imantsm"}

# imantsm mixes in senses from outside medicine; these markers identify the
# few clearly non-medical ones (NPO = 'no power options' for wheelchairs,
# WWTP = 'wastewater treatment plant', editorial notes in brackets).
_NON_MEDICAL = re.compile(
    r"\b(power options?|power output|wastewater|corporation|proprietary)\b|^\[",
    re.IGNORECASE)

# A common English word: wordfreq Zipf >= 3.0 for the lower-case form.
_COMMON_WORD_CENTI = 300
DEFAULT_FAMILIARITY_CENTI = 20

# A unit of measure is no jargon (the annotation guideline never marks
# one): an abbreviation all of whose senses are units ("dB" decibel, "mEq"
# milliequivalent, "Gy" gray, "mmol/L") is as familiar as "mg" (0.80) unless
# our own row says otherwise. Not one with a sense besides ("PG" picogram
# or pyoderma gangrenosum).
UNIT_FAMILIARITY_CENTI = 80
_UNIT = (r"(?:(?:kilo|deci|centi|milli|micro|nano|pico|femto|mega)?"
         r"(?:grams?|liters?|litres?|meters?|metres?|moles?|equivalents?|osmoles?|pascals?"
         r"|grays?|sieverts?|becquerels?|curies?|hertz|calories?|units?|volts?)"
         r"|decibels?|international units?)")
_UNIT_NAME = re.compile(rf"{_UNIT}(?:\s+(?:per|of)\s+{_UNIT})?", re.IGNORECASE)


@dataclasses.dataclass
class _Entry:
    forms: collections.Counter
    senses: list[tuple[str, str]]   # (expansion, source code), in input order
    curated: dict[str, str] | None = None


def key_of(written: str) -> str:
    """'b.i.d.' -> 'bid', 'C diff' -> 'c diff'."""
    return " ".join(written.replace(".", " ").split()).lower() if " " in written \
        else written.replace(".", "").lower()


def _acceptable(written: str) -> bool:
    """2..10 characters, at least one letter, at most one space, and only
    letters, digits and . / & - + ' otherwise."""
    if not 2 <= len(written) <= 10 or written.count(" ") > 1:
        return False
    if not any(c.isalpha() for c in written):
        return False
    return all(c.isalnum() or c in " ./&-+'" for c in written)


def _clean_expansion(expansion: str) -> str:
    expansion = text.normalise(expansion).replace("|", "/")
    return expansion.rstrip(". ").strip()


def _sense_key(expansion: str) -> str:
    """Compares senses ignoring case, hyphens, punctuation and bracketed
    glosses: 'twice a day (bis in die)' is 'twice a day'."""
    bare = re.sub(r"\([^)]*\)", " ", expansion.lower()) or expansion.lower()
    key = " ".join(re.sub(r"[^\w ]", " ", bare.replace("-", " ")).split())
    return key or " ".join(re.sub(r"[^\w ]", " ", expansion.lower()).split())


def build(senses: list[AbbreviationSense], curated: list[dict[str, str]],
          frequency: WordFrequency) -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """The table rows and counts of what was dropped, by reason."""
    dropped: collections.Counter = collections.Counter()
    ordinary: list[str] = []
    entries: dict[str, _Entry] = {}

    for row in curated:
        written = text.normalise(row["abbreviation"])
        key = key_of(written)
        if not _acceptable(written):
            raise ValueError(f"curated abbreviation {written!r} (line {row['_line']}) "
                             "is not 2..10 characters of letters, digits, ./&-+'")
        if key in entries:
            raise ValueError(f"curated abbreviation {written!r} (line {row['_line']}) "
                             f"repeats key {key!r}")
        entry = _Entry(collections.Counter({written: 1}), [], row)
        for expansion in row["expansions"].split("|"):
            if _clean_expansion(expansion):
                entry.senses.append((_clean_expansion(expansion), "plainlang"))
        entries[key] = entry

    for sense in senses:
        written = text.normalise(sense.abbreviation)
        expansion = _clean_expansion(sense.expansion)
        if not _acceptable(written):
            dropped["senses whose abbreviation is not 2..10 letters, digits, ./&-+"] += 1
            continue
        key = key_of(written)
        if not expansion or _sense_key(expansion) in (key, _sense_key(written)):
            dropped["senses with an empty expansion or one equal to the abbreviation"] += 1
            continue
        if _NON_MEDICAL.search(expansion):
            dropped["senses with a non-medical expansion"] += 1
            continue
        entry = entries.setdefault(key, _Entry(collections.Counter(), []))
        entry.forms[written] += 1
        entry.senses.append((expansion, SOURCE_CODES[sense.source]))

    rows = []
    for key, entry in entries.items():
        if entry.curated is not None:
            canonical = text.normalise(entry.curated["abbreviation"])
        else:
            canonical = max(entry.forms, key=lambda f: (
                entry.forms[f], sum(c.isupper() for c in f), f))
            if _is_ordinary_word(entry.forms, key, frequency):
                ordinary.append(canonical)
                continue
        rows.append(_row(key, canonical, entry, frequency))
    if ordinary:
        words = ", ".join(sorted(ordinary))
        dropped[f"abbreviations that are ordinary English words ({words})"] = len(ordinary)
    return rows, dict(dropped)


def _is_ordinary_word(forms: collections.Counter, key: str,
                      frequency: WordFrequency) -> bool:
    """Every written form is a plain lower-case word ('on', 'sat') or a
    capitalised word of three or more letters ('Temp', 'Lab'), and that word
    is common English. Two-letter capitalised forms ('Rh', 'Hg', 'Wt') look
    like abbreviations, not words, and are kept."""
    for form in forms:
        if not form.isalpha() or any(c.isupper() for c in form[1:]):
            return False
        if form[0].isupper() and len(form) < 3:
            return False
    return frequency.exact_centi(key) >= _COMMON_WORD_CENTI


def _row(key: str, canonical: str, entry: _Entry,
         frequency: WordFrequency) -> tuple[str, ...]:
    by_sense: dict[str, dict] = {}
    for index, (expansion, source) in enumerate(entry.senses):
        info = by_sense.setdefault(_sense_key(expansion), {
            "text": expansion, "sources": set(), "first": index})
        info["sources"].add(source)
    ordered = sorted(by_sense.values(), key=lambda s: (
        "plainlang" not in s["sources"],
        s["first"] if "plainlang" in s["sources"] else 0,
        -len(s["sources"]), s["first"]))
    expansions = "|".join(s["text"] for s in ordered)
    sources = set().union(*(s["sources"] for s in ordered)) if ordered else set()

    curated = entry.curated or {}
    plain = "|".join(p.strip() for p in curated.get("plain", "").split("|") if p.strip())
    case = curated.get("case", "").strip()
    if case and case not in ("exact", "any"):
        raise ValueError(f"curated abbreviation {canonical!r} (line {curated['_line']}): "
                         f"case must be exact or any, not {case!r}")
    if not case:
        case = "exact" if frequency.exact_centi(key) >= _COMMON_WORD_CENTI else "any"
    familiarity = DEFAULT_FAMILIARITY_CENTI
    if ordered and all(_UNIT_NAME.fullmatch(sense["text"].strip()) for sense in ordered):
        familiarity = UNIT_FAMILIARITY_CENTI
    if curated.get("familiarity", "").strip():
        value = float(curated["familiarity"])
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"curated abbreviation {canonical!r}: familiarity "
                             f"{value} is outside 0..1")
        familiarity = round(value * 100)
    return (canonical, expansions, plain, case, format_centi(familiarity),
            ",".join(s for s in SOURCE_CODES.values() if s in sources))
