"""words.tsv: word, zipf, syllables.

Rows are the words of the CMU Pronouncing Dictionary (lower-case, alternate
pronunciations 'word(2)' folded into 'word'; letters with optional internal
apostrophes or hyphens) together with every wordfreq word of Zipf >= 1.50
made of Latin-script letters (same internal apostrophes and hyphens allowed).
zipf is wordfreq's large_en value with two decimals (0.00 when the word is
not in wordfreq; a hyphenated word not listed whole takes the lowest value of
its parts, as wordfreq itself splits at hyphens: 'x-ray' -> min(x, ray)).
syllables is the number of vowel phones (phones ending in a stress digit) of
the word's first CMU pronunciation, empty when the word is not in the CMU
dictionary.
"""

from __future__ import annotations

import re

from .word_frequency import WordFrequency, format_centi

_CMU_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
_MIN_WORDFREQ_CENTI = 150


def _latin_word(word: str) -> bool:
    """Latin letters (ASCII and accented, below U+0250) with optional
    internal ' or -."""
    if not word or not word[0].isalpha() or not word[-1].isalpha():
        return False
    previous_joiner = False
    for c in word:
        if c in "'-":
            if previous_joiner:
                return False
            previous_joiner = True
            continue
        previous_joiner = False
        if not (c.isalpha() and ord(c) < 0x250) or c in "\u00d7\u00f7":
            return False
    return True


def build(cmu_entries: list[tuple[str, list[str]]],
          frequency: WordFrequency) -> list[tuple[str, str, str]]:
    syllables: dict[str, int] = {}
    for headword, phones in cmu_entries:
        word = re.sub(r"\(\d+\)$", "", headword).lower()
        if word in syllables or not _CMU_WORD.fullmatch(word):
            continue  # the first pronunciation wins
        syllables[word] = sum(1 for p in phones if p[-1].isdigit())
    words = set(syllables)
    for word, centi in frequency.items():
        if centi >= _MIN_WORDFREQ_CENTI and _latin_word(word):
            words.add(word)
    rows = []
    for word in words:
        count = syllables.get(word)
        rows.append((word, format_centi(frequency.word_centi(word)),
                     "" if count is None else str(count)))
    return rows
