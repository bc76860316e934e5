"""affixes.tsv: affix, position, meaning, example.

From Wikipedia's list of medical roots, suffixes and prefixes. An entry
'brady-' is a prefix, '-itis' a suffix, '-dactyl(o)-' or 'clast' (hyphens
on both sides or neither) a root; prefixes are written 'brady-', suffixes
'-itis', roots bare ('dactyl').

Entries with optional letters are split into their forms: 'a(n)-' gives a-
and an-, 'hepat(ic)-' gives hepat- and hepatic-, 'alg((i)o)-' gives alg-,
algo- and algio-. The source's brackets are ambiguous when there are several
('sy(l)(m)(n)(s)-' means syl-, sym-, syn-, sys-, not 'sylmns-'), so every
combination is generated and, when the entry lists examples, only the forms
that occur in one of its example words are kept ('sy(l)(m)(n)(s)-' with
examples 'symptom, synalgia, synesthesia, syssarcosis' keeps sym-, syn-,
sys-); an entry with several bracket groups none of whose forms occurs in
its examples ('an(k)(c)l-' with 'ankylosis') is left out rather than
guessed. Forms shorter than three letters (a-, an-, bi-, -y, -ic) are dropped:
they start or end too many ordinary words to say anything. For the same
reason an affix is dropped when more than MAX_EVERYDAY_WORDS everyday words
(Zipf >= 3.5, at least three letters besides the affix) carry it: -ous
(famous, various), post- (posting, posture) and syn- (system, syntax) say
nothing about a word, while -ectomy, -itis, brady- and hepat- do. Footnote marks
('[1]') and spelling notes ('(BrE)', '(AmE)') are removed. Rows for the same
affix and position are merged, meanings and examples joined with '|'.
"""

from __future__ import annotations

import re

from . import text
from .sources import Affix

MIN_LETTERS = 3
MAX_EVERYDAY_WORDS = 2
EVERYDAY_CENTI_ZIPF = 350


def _everyday_words(frequency) -> list[str]:
    return sorted(w for w, centi in frequency.items()
                  if centi >= EVERYDAY_CENTI_ZIPF and w.isalpha())


def _carriers(form: str, position: str, everyday: list[str]) -> int:
    """How many everyday words carry the affix form in its position."""
    if position == "suffix":
        return sum(1 for w in everyday if w.endswith(form) and len(w) >= len(form) + 3)
    if position == "prefix":
        return sum(1 for w in everyday if w.startswith(form) and len(w) >= len(form) + 3)
    return 0


def _options(pattern: str) -> list[str]:
    """All strings a pattern with nested optional '(...)' groups can give."""
    results = [""]
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "(":
            depth, j = 1, i + 1
            while j < len(pattern) and depth:
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                j += 1
            inner = _options(pattern[i + 1:j - 1])
            results = [r + o for r in results for o in [""] + inner]
            i = j
        else:
            results = [r + c for r in results]
            i += 1
    return list(dict.fromkeys(results))


def _forms(written: str) -> list[tuple[str, str]]:
    """(form, position) pairs for one comma-separated part of an entry."""
    written = written.strip()
    if not written:
        return []
    starts, ends = written.startswith("-"), written.endswith("-")
    position = ("root" if starts == ends else "suffix" if starts else "prefix")
    core = written.strip("-").strip()
    return [(form, position) for form in _options(core) if form]


def build(entries: list[Affix], frequency) -> list[tuple[str, str, str, str]]:
    everyday = _everyday_words(frequency)
    merged: dict[tuple[str, str], dict[str, list[str]]] = {}
    for entry in entries:
        written = re.sub(r"\[\d+\]", "", entry.affix)
        written = re.sub(r"\s*\((?:BrE|AmE|UK|US)\)", "", written)
        meaning = text.normalise(re.sub(r"\[\d+\]", "", entry.meaning)).strip("'\" ")
        example = text.normalise(re.sub(r"\[\d+\]", "", entry.example))
        example_words = example.lower()
        for part in written.split(","):
            forms = [(f.lower(), p) for f, p in _forms(part)]
            forms = [(f, p) for f, p in forms
                     if sum(c.isalpha() for c in f) >= MIN_LETTERS and f.isalpha()]
            in_examples = [(f, p) for f, p in forms if f in example_words]
            if not in_examples and part.count("(") >= 2:
                continue  # ambiguous brackets and no example to settle them
            for form, position in (in_examples or forms):
                info = merged.setdefault((form, position),
                                         {"meaning": [], "example": []})
                for field, value in (("meaning", meaning), ("example", example)):
                    value = value.replace("|", "/")
                    if value and value not in info[field]:
                        info[field].append(value)
    rows = []
    for (form, position), info in merged.items():
        if _carriers(form, position, everyday) > MAX_EVERYDAY_WORDS:
            continue
        affix = {"prefix": form + "-", "suffix": "-" + form, "root": form}[position]
        rows.append((affix, position, "|".join(info["meaning"]),
                     "|".join(info["example"])))
    return rows

