"""Medical vocabulary from the sources' own running text (source `medical_text`).

The sources hold a good deal of medical prose besides their headwords: the
NCI Dictionary's ~9,400 lay definitions, the Disease Ontology's labels and
exact synonyms, ICD-10-CM descriptions, DrugCentral class names and the
example words of the medical affix list. A word those texts use that is rare
in everyday English is medical vocabulary (`lipase`, `purulent`, `excision`,
`dehiscence`), whether or not a source lists it as a term. The rule (also in
data/README.md):

1. **Used in the medical text**: written as an ordinary lower-case word in at
   least MIN_USES (2) *units* of text. A unit is one NCI definition, one
   Disease Ontology name (label or exact synonym), one ICD-10-CM description
   (chapters A-T as for the ICD words of terms.py, less T51-T65, toxic
   effects of substances: venomous animals, plants, chemicals), one
   DrugCentral class name or one affix's example list. A word repeated inside
   one definition counts once; a word in four names of one disease counts
   four times. A part written before a hyphen is a combining form, not a use
   ('palato-digital'); hyphens and slashes otherwise split words
   ('drug-eluting' -> drug, eluting).
2. **Rare in everyday English**: wordfreq Zipf below MAX_CENTI (3.0), taking
   an inflected word's base if that is commoner ('craves' is as common as
   'crave'). Between 3.0 and 3.5 the medical text's words are mostly lay
   words of the lay definitions (`itching`, `clot`, `scalp`, `warts`,
   `germs`), so that band is left out.
3. **An English word**: listed in wordfreq or in the CMU dictionary. This
   drops tokens the NCI pages glued together (`mutatedbrafgene`,
   `pylorithat`) and one-off chemical and syndrome names, which the engine's
   unknown-word rule judges anyway.
4. **Not a name**: written capitalised inside a sentence in fewer than half
   as many units as in lower case (`Gleason`, `Duane` are names; a capital
   that starts a text or a sentence says nothing, and the title-case
   DrugCentral class names and affix examples count as lower case), and not
   only ever written right after a capitalised word (species epithets:
   `Rheum officinale`, `H. pylori`).
5. **Not a medicine name** (medicines.tsv handles those), nor the last word
   of a multi-word medicine name, which is its salt or form (`insulin
   glargine`, `ribociclib succinate`, `cortisone acetate`).
6. **Not general English by derivation**: a word built from an everyday word
   (Zipf >= EVERYDAY_CENTI, 3.5) is transparent to a patient however rare
   the whole: with a native ending (-ness, -less, -ful, -er, -ly, -y, -ish,
   -en: `tiredness`, `yellowish`, `thicken`), after un-, non-, mis-, over-,
   under-, out- or self- (`nonsmoker`, `overgrowth`), as two everyday words
   of four letters or more (`fingernail`, `heartburn`) -- unless the first is
   a prefix or root of the medical affix list (`micro`, `hyper`, `radio`) --
   or as an inflection of such a word (`thickened`). re- is not used: too
   many Latin words start with it (`retraction`, `remission`).
7. **Not on our list of non-medical words** (data/curated/not_medical.tsv):
   general science, food, household and descriptive words the rule cannot
   tell from medical ones (`vertebrate`, `heredity`, `reshape`,
   `antifreeze`). Everyday *health* words go to familiar.tsv instead.

Forms: a plural is folded into its singular when the text uses the singular
too (the engine stems plurals: `triglycerides` -> triglyceride), otherwise
kept as written (`murmurs`); an -ed/-ing form is dropped when its base form
qualifies too. Whether a word is already a term is the caller's test
(terms.TermsBuilder.add_medical_text).
"""

from __future__ import annotations

import collections
import dataclasses
import re

from . import text
from .affixes import _forms as affix_forms
from .sources import Affix, Disease, DrugClass, GlossaryEntry, IcdHeader
from .word_frequency import WordFrequency

MIN_USES = 2
MAX_CENTI = 300
EVERYDAY_CENTI = 350
MIN_LETTERS = 4
# Chapters whose descriptions are diagnoses (see terms.ICD_CHAPTERS), less
# T51-T65, toxic effects of substances: venomous animals and plants
# ('tarantula', 'stingray'), chemicals and foods.
ICD_CHAPTERS = tuple("ABCDEFGHIJKLMNOPQRST")


def _icd_diagnosis(code: str) -> bool:
    if not code.startswith(ICD_CHAPTERS):
        return False
    return not (code[0] == "T" and code[1:3].isdigit() and 51 <= int(code[1:3]) <= 65)


# Derivational endings; inflections (-s, -ed, -ing) are family_centi's.
_NATIVE_ENDINGS = ("ness", "less", "ful", "ers", "er", "ly", "ish", "en", "y")
_NATIVE_PREFIXES = ("under", "over", "self", "non", "mis", "out", "un")
_MIN_COMPOUND_PART = 4
_MIN_PREFIXED_REST = 5

# Letters of a word; apostrophes end it ("Crohn's" -> "crohn"), hyphens and
# slashes split it ("drug-eluting" -> "drug", "eluting").
_TOKEN = re.compile(r"[^\W\d_]+")
_SENTENCE_MARKS = (".", "!", "?", ":", ";")


@dataclasses.dataclass
class WordUses:
    lower: int = 0                 # units where it is written in lower case
    capitalised: int = 0           # units where it is capitalised mid-sentence
    after_capital_only: bool = True  # every lower-case use follows a capital


def text_units(glossary: list[GlossaryEntry], diseases: list[Disease],
               icd_headers: list[IcdHeader], drug_classes: list[DrugClass],
               affixes: list[Affix]):
    """(kind, text, title_case) for every unit of medical text."""
    for entry in glossary:
        yield "nci", entry.definition, False
    for disease in diseases:
        for name in (disease.label, *disease.exact_synonyms):
            yield "doid", name, False
    for header in icd_headers:
        if _icd_diagnosis(header.code):
            yield "icd10cm", header.description, False
    for drug_class in drug_classes:
        yield "drugcentral", drug_class.name, True
    for affix in affixes:
        yield "affix", affix.example, True


def collect(units) -> dict[str, WordUses]:
    """Counts, per lower-case word, the units that use it and how."""
    uses: dict[str, WordUses] = collections.defaultdict(WordUses)
    for _kind, written, title_case in units:
        written = text.normalise(written)
        lower, capital, free = set(), set(), set()
        previous_end, previous_capital = 0, False
        sentence_start = True
        for match in _TOKEN.finditer(written):
            word = match.group(0)
            gap = written[previous_end:match.start()]
            if gap and gap.rstrip()[-1:] in _SENTENCE_MARKS:
                sentence_start = True
            # The word before, if only a space (or 'H. ') separates them.
            follows_capital = previous_capital and gap in (" ", ". ")
            starts_sentence, sentence_start = sentence_start, False
            previous_end, previous_capital = match.end(), word[:1].isupper()
            if written.startswith("-", match.end()):
                continue  # a combining form: 'palato-', 'oculo-dento-digital'
            if word.islower():
                lower.add(word)
                if not follows_capital:
                    free.add(word)
            elif word[:1].isupper() and word[1:].islower() and len(word) > 1:
                if title_case:
                    lower.add(word.lower())
                    free.add(word.lower())
                elif not starts_sentence:
                    capital.add(word.lower())
            # All capitals or inner capitals ('HbA1c', 'mAb'): abbreviations.
        for word in lower:
            entry = uses[word]
            entry.lower += 1
            if word in free:
                entry.after_capital_only = False
        for word in capital:
            uses[word].capitalised += 1
    return dict(uses)


def singular_forms(word: str) -> list[str]:
    """The singulars a plain English plural may have: 'arteries' -> artery;
    'attaches' -> attache, attach; 'triglycerides' -> triglyceride."""
    if len(word) <= 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return []
    forms = [word[:-1]]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    return forms


def _bases(stem: str) -> set[str]:
    """Spellings the stem of a derived word may have: 'tir' -> 'tire',
    'sleepi' -> 'sleepy', 'tugg' -> 'tug'."""
    forms = {stem, stem + "e"}
    if stem.endswith("i"):
        forms.add(stem[:-1] + "y")
    if len(stem) >= 3 and stem[-1] == stem[-2]:
        forms.add(stem[:-1])
    return forms


def base_forms(word: str) -> set[str]:
    """The forms an inflected word may come from: 'craves' -> crave, crav;
    'clenched' -> clench, clenche; 'arteries' -> artery."""
    forms = set(singular_forms(word))
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.update(_bases(word[:-len(ending)]))
    forms.discard(word)
    return forms


def variants(word: str) -> set[str]:
    """Regular forms that share the word's base: its base forms and the
    plural, -ed and -ing forms of the word or of a base ('wheeze' ->
    wheezes, wheezed, wheezing; 'electrolytes' -> electrolyte)."""
    bases = {word} | base_forms(word)
    forms = set(bases)
    for base in bases:
        stem = base[:-1] if base.endswith("e") else base
        forms.update({base + "s", base + "es", stem + "ed", stem + "ing"})
        if base.endswith("y"):
            forms.add(base[:-1] + "ies")
    forms.discard(word)
    return forms


def family_centi(word: str, frequency: WordFrequency) -> int:
    """Centi-Zipf of a word or of the base it inflects, whichever is higher:
    a reader who knows 'crave' knows 'craves' (the engine stems plurals and
    -ed/-ing forms in the same way)."""
    return max(frequency.word_centi(f) for f in {word} | base_forms(word))


def transparent_derivation(word: str, frequency: WordFrequency, depth: int = 2,
                           combining_forms: frozenset[str] = frozenset()) -> str | None:
    """How a rare word is built from everyday words, or None: 'tired+ness',
    'non+smoker', 'finger+nail', 'redden+ed' (itself 'red+en'). A compound's
    first part must not be one of `combining_forms` (the medical affix list's
    prefixes and roots: 'micro', 'hyper', 'radio' are words too, but
    'microflora' and 'hyperactivity' are not everyday compounds)."""
    def known(w: str) -> bool:
        return family_centi(w, frequency) >= EVERYDAY_CENTI or (
            depth > 1 and transparent_derivation(
                w, frequency, depth - 1, combining_forms) is not None)

    for base in sorted(base_forms(word)):
        if depth > 1 and transparent_derivation(base, frequency, depth - 1,
                                                combining_forms):
            return f"{base}+inflection"
    for ending in _NATIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            for base in sorted(_bases(word[:-len(ending)])):
                if known(base):
                    return f"{base}+{ending}"
    for prefix in _NATIVE_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= _MIN_PREFIXED_REST and known(rest):
            return f"{prefix}+{rest}"
    for i in range(_MIN_COMPOUND_PART, len(word) - _MIN_COMPOUND_PART + 1):
        first = word[:i]
        if (first not in combining_forms and first.rstrip("o") not in combining_forms
                and frequency.word_centi(first) >= EVERYDAY_CENTI and known(word[i:])):
            return f"{word[:i]}+{word[i:]}"
    return None


@dataclasses.dataclass
class Vocabulary:
    words: dict[str, WordUses]   # term key (folded form) -> pooled uses
    dropped: dict[str, int]      # reason -> count of words

    def is_medical(self, word: str) -> bool:
        """Whether the word, or the singular it folds into, qualifies."""
        return any(form in self.words for form in (word, *singular_forms(word)))


def combining_forms(affixes: list[Affix]) -> frozenset[str]:
    """Every prefix and root form of the medical affix list, however short or
    common ('anti', 'micro', 'radio'), without hyphens."""
    forms = set()
    for entry in affixes:
        for part in re.sub(r"\[\d+\]|\((?:BrE|AmE|UK|US)\)", "", entry.affix).split(","):
            for form, position in affix_forms(part):
                if position != "suffix" and form.isalpha():
                    forms.add(form.lower())
    return frozenset(forms)


def medical_vocabulary(uses: dict[str, WordUses], frequency: WordFrequency,
                       english_words: set[str], medicine_names: set[str],
                       prefixes: frozenset[str] = frozenset(),
                       not_medical: frozenset[str] = frozenset()) -> Vocabulary:
    """Applies rules 1-7 of the module docstring; keys are folded forms.
    `not_medical` is rule 7's list (data/curated/not_medical.tsv)."""
    # The word that ends a multi-word medicine name is its salt, ester or form
    # ('ribociclib succinate', 'insulin glargine', 'cortisone acetate').
    medicine_words = {name.split(" ")[-1] for name in medicine_names if " " in name}
    dropped: collections.Counter = collections.Counter()

    def in_word_lists(w: str) -> bool:
        return frequency.exact_centi(w) > 0 or w in english_words

    # Fold a plural into its singular when the text uses the singular too
    # (the most used one: 'attaches' -> attach, not attache).
    pooled: dict[str, list[str]] = collections.defaultdict(list)
    for word in sorted(uses):
        options = [f for f in singular_forms(word) if f in uses and uses[f].lower]
        key = max(options, key=lambda f: (uses[f].lower, f)) if options else word
        pooled[key].append(word)

    kept: dict[str, WordUses] = {}
    for key in sorted(pooled):
        forms = pooled[key]
        total = WordUses(after_capital_only=True)
        for form in forms:
            u = uses[form]
            total.lower += u.lower
            total.capitalised += u.capitalised
            total.after_capital_only &= u.after_capital_only or u.lower == 0
        if len(key) < MIN_LETTERS or not key.isalpha():
            continue
        if total.lower < MIN_USES:
            dropped["used fewer than twice"] += 1
            continue
        if family_centi(key, frequency) >= MAX_CENTI:
            dropped["not rare (Zipf >= 3.0)"] += 1
            continue
        if not in_word_lists(key):
            dropped["not in wordfreq or CMU"] += 1
            continue
        if 2 * total.capitalised >= total.lower:
            dropped["a name (capitalised)"] += 1
            continue
        if total.after_capital_only:
            dropped["a name (after a capitalised word)"] += 1
            continue
        if any(f in medicine_names or f in medicine_words for f in forms):
            dropped["a medicine name"] += 1
            continue
        if transparent_derivation(key, frequency, combining_forms=prefixes):
            dropped["an everyday word's derivation"] += 1
            continue
        if any(f in not_medical for f in (key, *forms)):
            dropped["listed in curated/not_medical.tsv"] += 1
            continue
        kept[key] = total
    # An -ed/-ing form whose base form also qualifies adds nothing.
    for key in list(kept):
        for ending in ("ing", "ed"):
            if key.endswith(ending) and any(b in kept for b in _bases(key[:-len(ending)])
                                            if b != key):
                dropped["inflection of a kept word"] += 1
                del kept[key]
                break
    return Vocabulary(kept, dict(dropped))
