"""Everyday English word frequency (wordfreq's large_en list) as Zipf values.

wordfreq ships its list as gzip'd msgpack: [header, band0, band1, ...], where
band i holds the words whose frequency is 10^(-i/100). Zipf is log10 of the
frequency per billion words, so a word in band i has Zipf 9 - i/100. Values
here are kept as integer hundredths ("centi-Zipf") so that every figure the
generator writes is exact and reproducible.
"""

from __future__ import annotations

import gzip
import pathlib
import re

try:
    import msgpack  # pip install msgpack
except ImportError as error:  # pragma: no cover - message for the user
    raise SystemExit("build_lexicon needs msgpack: pip install msgpack") from error


class WordFrequency:
    """Zipf frequencies of single words; a word not in the list has Zipf 0."""

    def __init__(self, path: pathlib.Path) -> None:
        data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
        header, bands = data[0], data[1:]
        if not isinstance(header, dict) or header.get("format") != "cB":
            raise ValueError(f"{path}: not a wordfreq cB list (header {header!r})")
        self._centi: dict[str, int] = {}
        for index, band in enumerate(bands):
            for word in band:
                # The first (most frequent) band a word appears in wins.
                self._centi.setdefault(word, 900 - index)

    def items(self):
        """(word, centi-Zipf) pairs in no particular order."""
        return self._centi.items()

    def exact_centi(self, word: str) -> int:
        """Centi-Zipf of exactly this lower-case string, 0 when not listed."""
        return self._centi.get(word.lower(), 0)

    def word_centi(self, word: str) -> int:
        """Centi-Zipf of one written word, lower-cased.

        A hyphenated or slashed word that is not in the list as a whole takes
        the lowest value of its parts, as wordfreq's own tokenizer would split
        it ('x-ray' -> 'x', 'ray'); a possessive not in the list falls back to
        the word without "'s". Numbers count as common (they carry no
        vocabulary difficulty).
        """
        word = word.lower().strip(".,;:!?\"()[]")
        if not word:
            return 900
        if word in self._centi:
            return self._centi[word]
        if re.fullmatch(r"[\d.,/-]+", word):
            return 900
        parts = [p for p in re.split(r"[-/]", word) if p]
        if len(parts) > 1:
            return min(self.word_centi(p) for p in parts)
        if word.endswith("'s") and word[:-2] in self._centi:
            return self._centi[word[:-2]]
        return 0

    def phrase_centi(self, phrase: str) -> int:
        """Centi-Zipf of a phrase: the lowest of its words."""
        words = [w for w in phrase.split(" ") if w]
        return min((self.word_centi(w) for w in words), default=0)

    def phrase_centi_with_plurals(self, phrase: str) -> int:
        """Like phrase_centi, but each word counts as common as its regular
        plural when that is commoner ('symptom' 3.64, 'symptoms' 4.48):
        wordfreq counts each form apart, and some words are mostly written
        in the plural."""
        def centi(word: str) -> int:
            forms = [word]
            if word.isalpha() and len(word) >= 3:
                forms += [word + "s", word + "es"]
                if word.endswith("y"):
                    forms.append(word[:-1] + "ies")
            return max([self.word_centi(word)]
                       + [self.exact_centi(f) for f in forms[1:]])
        words = [w for w in phrase.split(" ") if w]
        return min((centi(w) for w in words), default=0)


def format_centi(value: int) -> str:
    """100ths as a fixed two-decimal string: 372 -> '3.72', 5 -> '0.05'."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100}.{value % 100:02d}"


def base_familiarity_centi(zipf_centi: int) -> int:
    """The familiarity rule's base, clamp((zipf - 2.5) / 2.0, 0, 1), in
    hundredths, rounded half up."""
    return max(0, min(100, (zipf_centi - 250 + 1) // 2))
