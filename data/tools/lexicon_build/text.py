"""Normalising and splitting the text found in the sources."""

from __future__ import annotations

import re
import unicodedata

# Typographic characters the sources use for plain ASCII ones.
_CHARACTER_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00a0": " ", "\u2009": " ", "\u200b": "",
})

# Characters allowed in a term key besides letters and digits.
_TERM_PUNCTUATION = set(" -'./")


def normalise(text: str) -> str:
    """NFC, ASCII quotes and hyphens, single spaces, no ends."""
    text = unicodedata.normalize("NFC", text).translate(_CHARACTER_MAP)
    return " ".join(text.split())


def term_key(text: str) -> str:
    """The lower-case key of a term: 'Crohn’s  Disease' -> "crohn's disease"."""
    return normalise(text).lower()


def is_clean_term(key: str) -> bool:
    """True when a term key holds only letters, digits and  - ' . /  and at
    least two letters; terms with commas, brackets or colons are descriptions
    that never appear verbatim in a message."""
    letters = sum(1 for c in key if c.isalpha())
    if letters < 2:
        return False
    return all(c.isalnum() or c in _TERM_PUNCTUATION for c in key)


def word_count(key: str) -> int:
    return len(key.split(" "))


_CODE_TOKEN = re.compile(r"[a-z]{2,}\d{2,}[a-z\d]*")


def has_code_token(key: str) -> bool:
    """True for drug codes and identifiers: a part with three or more digits
    ('amg 102', 'abt-263'), two or more letters run into two or more digits
    ('ag337', 'cd38'), or digits making up over 30% of the characters."""
    parts = re.split(r"[ \-/.]+", key)
    for part in parts:
        if sum(c.isdigit() for c in part) >= 3 or _CODE_TOKEN.fullmatch(part):
            return True
    chars = [c for c in key if c.isalnum()]
    return bool(chars) and sum(c.isdigit() for c in chars) > 0.3 * len(chars)


def is_acronym(text: str) -> bool:
    """True for one-word abbreviations as written: 'HTN', 'AAT', 'mAb',
    'HbA1c' (an upper-case letter after the first character, or all capitals)."""
    word = text.strip()
    if " " in word or len(word) < 2:
        return False
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if all(c.isupper() for c in letters):
        return True
    return any(c.isupper() for c in word[1:])


def split_alternatives(text: str) -> list[str]:
    """Splits a CDC list of plain alternatives at commas and semicolons.

    A comma inside brackets or quotes does not split, and a part that
    introduces examples ('exercise like walking, running') or is an
    enumeration ('nose, throat, and windpipe'; 'make hot, red, or swollen')
    keeps its commas: its items are one alternative, not several.
    """
    text = normalise(text)
    parts: list[str] = []
    for part in _split_outside_brackets(text, ";"):
        if re.search(r"\b(like|such as|e\.g\.|including)\b|,\s+(and|or)\s", part):
            parts.append(part)
        else:
            parts.extend(_split_outside_brackets(part, ","))
    result = []
    for part in parts:
        part = part.strip().strip('"').strip()
        part = re.sub(r",?\s*etc\.?$", "", part).strip()
        part = part.rstrip(".").strip()
        if part and part.lower() not in ("etc", "and", "or"):
            result.append(part)
    return result


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == '"':
            quoted = not quoted
        elif c == separator and depth == 0 and not quoted:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


# A period that does not end a sentence: after these words or a lone capital.
_NO_SENTENCE_END = {"e.g", "i.e", "u.s", "dr", "st", "vs", "mr", "mrs", "ms",
                    "no", "approx", "etc", "ca", "sp", "spp", "inc", "co"}


def first_sentence(text: str, limit: int = 250) -> str:
    """The first sentence of a definition, cut at a word boundary (with an
    ellipsis) when longer than `limit` characters."""
    text = normalise(text)
    end = len(text)
    for match in re.finditer(r"\.\s+(?=[A-Z\"(])", text):
        before = text[:match.start()].rsplit(" ", 1)[-1].lower().lstrip("(")
        if before in _NO_SENTENCE_END or re.fullmatch(r"[a-z]", before):
            continue
        end = match.start() + 1
        break
    sentence = text[:end].strip()
    if len(sentence) > limit:
        cut = sentence[:limit - 1]
        cut = cut[:cut.rfind(" ")] if " " in cut else cut
        sentence = cut.rstrip(",;:- ") + "\u2026"
    return sentence
