"""terms.tsv: term, category, familiarity, plain, definition, source.

Terms come from the CDC Plain Language Thesaurus, CDC Everyday Words, the
Disease Ontology, the NCI Dictionary of Cancer Terms, diagnosis words in
ICD-10-CM, DrugCentral class names, rare words of the sources' running text
(medical_text.py) and our curated tables; the same term from several sources
becomes one row. See data/README.md for the familiarity rule
and the category signals, and this module's functions for each source.
"""

from __future__ import annotations

import collections
import dataclasses
import re

from . import categories, medical_text, text
from .sources import Disease, GlossaryEntry, IcdHeader, ThesaurusEntry
from .word_frequency import WordFrequency, base_familiarity_centi, format_centi

SOURCE_ORDER = ("plainlang", "cdc_thesaurus", "cdc_everyday", "doid", "nci",
                "icd10cm", "drugcentral", "medical_text")
MAX_WORDS = 8
DEFINITION_LIMIT = 250

# Familiarity rule thresholds, in hundredths (see data/README.md).
LAY_CAP = 45             # a term with a plain alternative is capped here...
LAY_CAP_BELOW_BASE = 75  # ...unless its base (or its plural's) is at least this
LAY_FLOOR = 80           # a term that is itself lay wording gets at least this
RATED_HARD = 35          # a term rated hard (curated/ratings.tsv) gets at most this
RATED_KNOWN = 80         # ...and one rated known at least this
SPECIALTY_EVERYDAY_CENTI = 400  # Zipf 4.00: a term of words this common is everyday...
SPECIALTY_REGISTER_BELOW = 20   # ...unless a phrase we rate below 0.20: register
REGISTER_FAMILIARITY = 0.30  # a clinical-register phrase without its own value
FAMILIAR_FLOOR = 90      # a word in data/curated/familiar.tsv gets at least this
JARGON_CENTI = 50        # the engine's default jargon threshold (jargon_familiarity)
SHIELDED_WORD_CENTI = 300  # a known phrase covers a jargon word this common in it
SPECIALIST_EVERYDAY_CENTI = 350  # an '-ologist' this common is an everyday profession
LAY_WORD_CENTI = 350     # every word of a lay synonym has Zipf >= 3.5
CDC_LAY_WORD_CENTI = 300 # every word of a CDC alternative that raises a term

# ICD-10-CM word extraction (see TermsBuilder.add_icd_words).
ICD_MIN_LENGTH = 6
ICD_MAX_CENTI = 350
# Chapters V-Y are external causes (vehicles, places, animals) and Z is
# health-service encounters: their words are not diagnoses.
ICD_CHAPTERS = tuple("ABCDEFGHIJKLMNOPQRST")
# Words not in the CMU dictionary that are still not medical vocabulary.
ICD_GENERAL_WORDS = frozenset({
    "underdosing", "stingray", "stingrays", "centipedes", "misdirection",
    "bulking", "puckering", "foodborne", "nonvenomous", "nonthermal",
    "unspecified", "nondisplaced", "postprocedural", "sequela",
    "classifiable", "self-harm", "non-pressure", "age-related",
    "millipedes", "taipan",
})

# Sources whose terms are medical vocabulary (the CDC category rule).
MEDICAL_SOURCES = frozenset({"doid", "nci", "icd10cm", "drugcentral"})

# Affix forms at least this long count as distinctively medical, with a stem
# of at least MIN_AFFIX_STEM letters left over (the engine's own limits for
# judging unknown words, src/analysis/analyzer.cc).
MIN_PREFIX, MIN_SUFFIX, MIN_AFFIX_STEM = 4, 3, 3
# ...and only in a rare word (Zipf below 3.0, the engine's limit too): common
# words begin or end like affixes by chance ('circumstance', 'stomach').
AFFIX_RARE_CENTI = 300
# A CDC word whose variant is a medical source's term counts as medical when
# that term is rare enough to be jargon itself (Zipf below 3.5: base
# familiarity below 0.5).
VARIANT_RARE_CENTI = 350

# Priority of category evidence: lower wins. A CDC term that a medical source
# also lists ('nci') or that is medical by its words ('cdc_medical', see
# TermsBuilder.build) is not general vocabulary, so both outrank 'cdc'.
_PRIORITY = {"curated": 0, "drug_class": 1, "doid": 2, "shape": 3,
             "nci_definition": 4, "icd": 5, "nci": 6, "medical_text": 7,
             "cdc_medical": 8, "specialty": 9, "cdc": 10, "familiar": 11}


@dataclasses.dataclass
class _Term:
    sources: set = dataclasses.field(default_factory=set)
    categories: dict = dataclasses.field(default_factory=dict)   # priority -> category
    plain: dict = dataclasses.field(default_factory=dict)        # rank -> [text]
    definitions: dict = dataclasses.field(default_factory=dict)  # rank -> text
    familiar: bool = False
    curated_familiarity: int | None = None

    def add_category(self, evidence: str, category: str) -> None:
        self.categories.setdefault(_PRIORITY[evidence], category)

    def add_plain(self, rank: int, alternatives: list[str]) -> None:
        self.plain.setdefault(rank, []).extend(alternatives)


@dataclasses.dataclass
class TermsReport:
    rows: list[tuple[str, ...]]
    dropped: dict[str, int]
    medicine_overlap: list[str]   # terms kept although also medicine names
    sources: dict[str, int] = dataclasses.field(default_factory=dict)  # rows/source


class TermsBuilder:
    """Collects evidence per term key, then applies the familiarity rule."""

    def __init__(self, frequency: WordFrequency) -> None:
        self.frequency = frequency
        self.terms: dict[str, _Term] = {}
        self.lay_phrases: set[str] = set()
        self.dropped: collections.Counter = collections.Counter()
        self.cdc_medical: dict[str, str] = {}   # CDC term -> why it is not general
        self.cdc_general: list[str] = []        # CDC terms that stay general
        self.medical_vocabulary = None          # medical_text.Vocabulary
        self.medical_prefixes: list[str] = []   # affixes.tsv forms, longest first
        self.medical_suffixes: list[str] = []
        self.ratings: dict[str, str] = {}       # curated/ratings.tsv: key -> known|hard

    def _term(self, written: str, source: str) -> tuple[str, _Term] | None:
        key = text.term_key(written)
        if text.is_acronym(text.normalise(written)):
            self.dropped[f"{source}: abbreviation, not a term"] += 1
            return None
        if not text.is_clean_term(key) or " - " in key:
            # ' - ' marks an inverted index form: 'ca - skin cancer'.
            self.dropped[f"{source}: brackets, commas or symbols"] += 1
            return None
        if text.word_count(key) > MAX_WORDS:
            self.dropped[f"{source}: more than {MAX_WORDS} words"] += 1
            return None
        if text.has_code_token(key):
            self.dropped[f"{source}: code or identifier"] += 1
            return None
        term = self.terms.setdefault(key, _Term())
        term.sources.add(source)
        return key, term

    # --- sources -----------------------------------------------------------

    def add_cdc_thesaurus(self, entries: list[ThesaurusEntry]) -> None:
        """Every term with its alternatives. The alternatives are lay wording,
        except that the thesaurus sometimes lists a technical word beside the
        lay ones ('trachea'): an alternative counts as lay (familiarity
        floor) only when all its words have Zipf >= 3.0."""
        for entry in entries:
            alternatives = text.split_alternatives(entry.alternatives)
            # 'intravenous (IV)', 'dissemination (disseminate)': the bracket
            # holds a variant, not part of the term.
            written = re.sub(r"\s*\([^)]*\)", "", entry.term)
            self.lay_phrases.update(
                text.term_key(a) for a in alternatives
                if self.frequency.phrase_centi(text.term_key(a)) >= CDC_LAY_WORD_CENTI)
            found = self._term(written, "cdc_thesaurus")
            if found:
                key, term = found
                term.add_plain(1, alternatives)
                term.add_category("cdc", "general")

    def add_cdc_everyday(self, headwords: list[str]) -> None:
        for headword in headwords:
            found = self._term(headword, "cdc_everyday")
            if found:
                found[1].add_category("cdc", "general")

    def add_diseases(self, diseases: list[Disease]) -> None:
        """Each label and exact synonym is a condition; its plain alternatives
        are the entry's other names that are lay (see is_lay_name)."""
        for disease in diseases:
            names = [disease.label, *disease.exact_synonyms]
            lay = [n for n in names if self.is_lay_name(n)]
            lay_keys = list(dict.fromkeys(text.term_key(n) for n in lay))
            # Lay names count as lay synonyms (familiarity floor) only when
            # the entry has a technical name they stand in for.
            if any(not self.is_lay_name(n) for n in names):
                self.lay_phrases.update(lay_keys)
            for name in names:
                found = self._term(name, "doid")
                if not found:
                    continue
                key, term = found
                term.add_category("doid", "condition")
                if key not in lay_keys:
                    term.add_plain(2, [k for k in lay_keys if k != key])

    def is_lay_name(self, name: str) -> bool:
        """A disease name counts as lay wording when every word has Zipf >=
        3.5 and, to stay conservative, it has no digits, no single letters, no
        abbreviation ('HTN') and no capitalised word: the Disease Ontology
        writes names in lower case, so a capital marks a person or a place
        ('Lynch syndrome', 'Miller syndrome'), common words that are not
        lay descriptions. Inverted index forms ('ca liver - primary') are
        not lay either."""
        name = text.normalise(name)
        if any(c.isdigit() for c in name) or not text.is_clean_term(name.lower()):
            return False
        if " - " in name:
            return False
        for word in re.split(r"[ \-/]+", name):
            if any(c.isupper() for c in word):
                return False
            if len(word) == 1 and word != "a":
                return False
        return self.frequency.phrase_centi(name.lower()) >= LAY_WORD_CENTI

    def add_nci(self, glossary: list[GlossaryEntry], medicines: set[str],
                class_terms: set[str]) -> None:
        """Terms with the first sentence of their lay definition; entries that
        are medicine names go to medicines.tsv instead."""
        for entry in glossary:
            key = text.term_key(entry.term)
            if key in medicines:
                self.dropped["nci: medicine name"] += 1
                continue
            found = self._term(entry.term, "nci")
            if not found:
                continue
            key, term = found
            definition = text.first_sentence(entry.definition, DEFINITION_LIMIT)
            if definition:
                term.definitions.setdefault(1, definition)
            if key in class_terms:
                term.add_category("drug_class", "medicine_class")
            category = categories.from_definition(entry.definition)
            if category:
                term.add_category("nci_definition", category)
            term.add_category("nci", "other")

    def add_icd_words(self, headers: list[IcdHeader], general_words: set[str]) -> None:
        """Single diagnosis words from ICD-10-CM descriptions (chapters A-T):
        at least ICD_MIN_LENGTH letters, Zipf below 3.5, and not general
        English -- not in the CMU Pronouncing Dictionary (a 125,000-word
        general English word list) unless the word has a medical ending such
        as -itis or -ectomy, and not in ICD_GENERAL_WORDS. Category: symptom
        when the word occurs only in R00-R69 (symptoms and signs), other when
        only in chapter R otherwise (abnormal findings: 'transaminase'),
        medicine_class when only in T36-T50 (poisoning by drugs), other when
        only in T51-T65 (toxic substances), anatomy when it follows 'of' (with
        optional left/right/upper/...) in injury and musculoskeletal chapters
        (S, M) at least twice and never starts a description, else condition.
        Words written with inner capitals ('BCR/ABL-negative'), compounds
        with two or more hyphens and plurals whose singular is also a term
        are skipped.
        """
        chapters: dict[str, set[str]] = collections.defaultdict(set)
        after_of: collections.Counter = collections.Counter()
        first_words: set[str] = set()
        acronym_parts: set[str] = set()  # 'BCR/ABL-negative' -> abl-negative
        for header in headers:
            if not header.code.startswith(ICD_CHAPTERS):
                continue
            description = text.normalise(header.description)
            words = re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", description)
            if words:
                first_words.add(words[0].lower())
            group = _icd_group(header.code)
            for word in words:
                chapters[word.lower()].add(group)
                if any(c.isupper() for c in word[1:]):
                    acronym_parts.add(word.lower())
            if header.code[0] in "SM":
                for match in re.finditer(
                        r"\b(?:of|to|at)\s+(?:(?:left|right|unspecified|bilateral|"
                        r"upper|lower|other|multiple|single|middle|ring|little|"
                        r"index)\s+)*([a-z][a-z'-]*[a-z])", description.lower()):
                    after_of[match.group(1)] += 1
        candidates = []
        for word in sorted(chapters):
            if len(word) < ICD_MIN_LENGTH or word in ICD_GENERAL_WORDS:
                continue
            if word in acronym_parts or word.count("-") > 1:
                continue
            if self.frequency.word_centi(word) >= ICD_MAX_CENTI:
                continue
            if word in general_words and not categories.has_medical_suffix(word):
                continue
            candidates.append(word)
        kept = set(candidates)
        for word in candidates:
            # A plural whose singular is also a term adds nothing: the
            # matcher handles inflections.
            singular = _singular(word)
            if singular != word and (singular in kept or singular in self.terms):
                continue
            groups = chapters[word]
            found = self._term(word, "icd10cm")
            if not found:
                continue
            term = found[1]
            if groups == {"R-symptom"}:
                category = "symptom"
            elif groups <= {"R-symptom", "R-finding"}:
                category = "other"
            elif groups == {"T-drug"}:
                category = "medicine_class"
            elif groups <= {"T-toxic", "T-drug"}:
                category = "other"
            elif after_of[word] >= 2 and word not in first_words:
                category = "anatomy"
            else:
                category = "condition"
            term.add_category("icd", category)

    def add_drug_classes(self, class_terms: set[str]) -> None:
        for key in sorted(class_terms):
            found = self._term(key, "drugcentral")
            if found:
                found[1].add_category("drug_class", "medicine_class")

    # --- our curated files: the checks and fields they share

    @staticmethod
    def _curated_key(row: dict[str, str], where: str) -> str:
        key = text.term_key(row["term"])
        if not text.is_clean_term(key) or text.word_count(key) > MAX_WORDS:
            raise ValueError(f"{where}: {row['term']!r} is not a clean term")
        return key

    @staticmethod
    def _curated_category(row: dict[str, str], where: str) -> str:
        if row["category"] not in categories.CATEGORIES:
            raise ValueError(f"{where}: unknown category {row['category']!r}")
        return row["category"]

    @staticmethod
    def _curated_familiarity(value: str | float, where: str) -> int:
        """A row's familiarity, 0..1, in hundredths."""
        value = float(value)
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{where}: familiarity {value} outside 0..1")
        return round(value * 100)

    def _ours(self, key: str, row: dict[str, str], lay: bool) -> _Term:
        """The term of `key` with our source and plain wording first; `lay`
        also makes the plain wording lay phrases (familiarity floor)."""
        term = self.terms.setdefault(key, _Term())
        term.sources.add("plainlang")
        plain = [p.strip() for p in row.get("plain", "").split("|") if p.strip()]
        term.add_plain(0, plain)
        if lay:
            self.lay_phrases.update(text.term_key(p) for p in plain)
        return term

    def add_curated(self, rows: list[dict[str, str]]) -> None:
        """Our terms: plain listed first, category and familiarity override."""
        for row in rows:
            where = f"data/curated/terms.tsv line {row['_line']}"
            term = self._ours(self._curated_key(row, where), row, lay=True)
            if row.get("category"):
                term.add_category("curated", self._curated_category(row, where))
            if row.get("definition"):
                term.definitions[0] = text.normalise(row["definition"])
            if row.get("familiarity"):
                term.curated_familiarity = self._curated_familiarity(row["familiarity"], where)

    def add_register(self, rows: list[dict[str, str]]) -> None:
        """Our clinical-register phrases: category register, familiarity 0.30
        unless the row gives one (their words are common, so the rule would
        call them familiar)."""
        for row in rows:
            where = f"data/curated/register.tsv line {row['_line']}"
            key = self._curated_key(row, where)
            if "plainlang" in self.terms.get(key, _Term()).sources:
                raise ValueError(f"{where}: {row['term']!r} is also in curated/terms.tsv")
            term = self._ours(key, row, lay=True)
            term.add_category("curated", "register")
            if row.get("definition"):
                term.definitions[0] = text.normalise(row["definition"])
            term.curated_familiarity = self._curated_familiarity(
                row.get("familiarity") or REGISTER_FAMILIARITY, where)

    def add_ratings(self, rows: list[dict[str, str]]) -> None:
        """Our ratings of whether a 6th-8th grade reader knows a term
        (curated/ratings.tsv); they decide over the frequency rule, the
        familiar list and our other ratings (familiarity)."""
        for row in rows:
            where = f"data/curated/ratings.tsv line {row['_line']}"
            key = self._curated_key(row, where)
            rating = row["rating"].strip()
            if rating not in ("known", "hard"):
                raise ValueError(f"{where}: rating must be known or hard, not {rating!r}")
            if key in self.ratings:
                raise ValueError(f"{where}: {key!r} is rated twice")
            self.ratings[key] = rating

    def add_specialty(self, rows: list[dict[str, str]]) -> int:
        """Our specialty vocabulary (curated/specialty_terms.tsv): a term no
        source lists comes in with our category and familiarity; a term a
        source lists gets our plain wording and definition but keeps the
        familiarity rule. A term of everyday words only (each of Zipf >= 4.0:
        'heart failure') is left out: readers know it, or its everyday sense
        would be flagged everywhere. Returns rows left out."""
        skipped = 0
        for row in rows:
            where = f"data/curated/specialty_terms.tsv line {row['_line']}"
            key = self._curated_key(row, where)
            category = self._curated_category(row, where)
            rating = self.ratings.get(key)
            if rating == "known" and key not in self.terms:
                skipped += 1  # readers know it: no term to flag
                if self._shields_a_word(key, category):
                    # As a phrase of everyday English it still covers its
                    # words, which alone may be jargon: "gastric bypass"
                    # keeps "gastric" from being flagged inside it.
                    self._ours(key, {}, lay=False).add_category("curated", "general")
                continue
            if (min(self.frequency.word_centi(w) for w in key.split(" "))
                    >= SPECIALTY_EVERYDAY_CENTI):
                # A phrase of everyday words that we rate clearly unknown is
                # the clinical register ('kick counts', 'free air', 'rate
                # control'); a single everyday word, or a phrase we rate
                # more known ('heart failure' 0.41, 'bone density scan' 0.26), is
                # left out.
                # A phrase rated hard comes in whatever its familiarity says.
                # A named instrument stays one ('Trail Making Test').
                if (" " not in key or key in self.terms
                        or (rating != "hard"
                            and self._curated_familiarity(row["familiarity"], where)
                            >= SPECIALTY_REGISTER_BELOW)):
                    skipped += 1
                    continue
                if category != "named":
                    category = "register"
            known = key in self.terms
            term = self._ours(key, row, lay=False)
            if row.get("definition") and not term.definitions.get(0):
                term.definitions[0] = text.normalise(row["definition"])
            if not known:
                term.add_category("curated", category)
                term.curated_familiarity = self._curated_familiarity(row["familiarity"], where)
            elif not term.familiar:
                # Our category decides over the CDC's 'general' alone
                # ('anaphylaxis' is a condition), never over a medical
                # source's.
                term.add_category("specialty", category)
        return skipped

    def _shields_a_word(self, key: str, category: str) -> bool:
        """Whether a phrase readers know ('gastric bypass', rated known)
        holds a word that is a term by itself and not known ('gastric'), so
        that the phrase must stay a term, an everyday one, to cover it. Not
        a named instrument, which the notation patterns judge ('Kegel
        exercises'), nor a phrase whose other number is a term already
        ('fetal movements' beside 'fetal movement')."""
        if " " not in key or category == "named":
            return False
        if key.removesuffix("s") in self.terms or key + "s" in self.terms:
            return False
        # A word met in everyday text (Zipf 3.0, as often as 'blister') is
        # known inside the phrase; a rarer one is the technical word the
        # phrase carries ('stent removal', 'preterm contractions').
        return any(word in self.terms and not self.terms[word].familiar
                   and self.ratings.get(word) != "known"
                   and self.frequency.word_centi(word) >= SHIELDED_WORD_CENTI
                   for word in key.replace("-", " ").split(" "))

    def add_familiar(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            key = text.term_key(row["word"])
            if not text.is_clean_term(key):
                raise ValueError(f"data/curated/familiar.tsv line {row['_line']}: "
                                 f"{row['word']!r} is not a word")
            term = self.terms.setdefault(key, _Term())
            term.sources.add("plainlang")
            term.familiar = True
            term.add_category("familiar", "general")

    def add_medical_text(self, vocabulary: "medical_text.Vocabulary") -> None:
        """Rare words of the sources' running text (medical_text.py states
        the rule) that are not terms yet. A word is skipped when it or its
        base form is already a term ('papules' -> papule, 'dilated' ->
        dilate): the engine's stemming finds the base. Category: the term's
        shape ('excision' -> procedure, '-itis' -> condition), else other."""
        self.medical_vocabulary = vocabulary
        for key in sorted(vocabulary.words):
            if ({key} | medical_text.base_forms(key)) & self.terms.keys():
                self.dropped["medical_text: already a term"] += 1
                continue
            found = self._term(key, "medical_text")
            if found:
                found[1].add_category("medical_text", "other")

    def set_medical_affixes(self, affix_rows) -> None:
        """Prefix and suffix forms of affixes.tsv, for the CDC category rule."""
        def longest_first(forms):
            return sorted(forms, key=lambda f: (-len(f), f))
        self.medical_prefixes = longest_first(
            a[:-1] for a, position, *_ in affix_rows
            if position == "prefix" and len(a) - 1 >= MIN_PREFIX)
        self.medical_suffixes = longest_first(
            a[1:] for a, position, *_ in affix_rows
            if position == "suffix" and len(a) - 1 >= MIN_SUFFIX)

    def medical_affix(self, word: str) -> str | None:
        """The affix form a word is built on ('-logist', 'derm-'), or None."""
        for suffix in self.medical_suffixes:
            if word.endswith(suffix) and len(word) >= len(suffix) + MIN_AFFIX_STEM:
                return "-" + suffix
        for prefix in self.medical_prefixes:
            if word.startswith(prefix) and len(word) >= len(prefix) + MIN_AFFIX_STEM:
                return prefix + "-"
        return None

    def cdc_medical_evidence(self, key: str) -> str | None:
        """Why a CDC term is medical rather than general vocabulary, or None:
        one of its words is medical vocabulary by the medical-text rule, or
        is a rare word (Zipf < 3.0) built on a distinctively medical affix of
        affixes.tsv, or the term is one word whose regular variant is a rare
        term of a medical source. (A CDC term that NCI, the Disease Ontology,
        ICD-10-CM or DrugCentral lists itself takes their category: see
        _PRIORITY.)"""
        vocabulary = self.medical_vocabulary
        for word in re.split(r"[ \-/]+", key):
            if vocabulary is not None and vocabulary.is_medical(word):
                return f"medical text: {word}"
            affix = self.medical_affix(word)
            if affix and self.frequency.word_centi(word) < AFFIX_RARE_CENTI:
                return f"affix {affix}: {word}"
        # A one-word term whose regular variant is a rare term of a medical
        # source ('electrolytes' -> electrolyte, 'wheeze' -> wheezing).
        if " " not in key:
            for variant in sorted(medical_text.variants(key)):
                found = self.terms.get(variant)
                if (found and found.sources & MEDICAL_SOURCES
                        and self.frequency.word_centi(variant) < VARIANT_RARE_CENTI):
                    return f"variant of a medical term: {variant}"
        return None

    # --- output ------------------------------------------------------------

    def _known_word_floor(self, word: str) -> int:
        """The floor a word brings from being a known term itself:
        familiar.tsv's, a lay name's, our own rating of 0.80 or more, or a
        known rating (ratings.tsv); 0 when rated hard."""
        rating = self.ratings.get(word)
        if rating == "hard":
            return 0
        floor = RATED_KNOWN if rating == "known" else 0
        term = self.terms.get(word)
        if term is None:
            return floor
        if term.familiar:
            floor = max(floor, FAMILIAR_FLOOR)
        elif word in self.lay_phrases:
            floor = max(floor, LAY_FLOOR)
        # Our own rating of the word, when it says known ('stool' 0.80).
        if term.curated_familiarity is not None and term.curated_familiarity >= LAY_FLOOR:
            floor = max(floor, term.curated_familiarity)
        return floor

    def _word_bases(self, key: str, centi) -> list[int]:
        """The base familiarity of each word of a term. In a term of two
        words, one of them an everyday word (base 1.00, unhyphenated: 'small',
        'screening', a letter or a number), a word that is a known term by itself counts
        as known: 'small intestine' is as plain as 'intestine'
        (familiar.tsv), 'hepatitis b' as 'hepatitis' (a lay name)."""
        words = key.split(" ")
        bases = [base_familiarity_centi(centi(w)) for w in words]
        if len(words) == 2:
            for k in (0, 1):
                # A hyphenated word is no everyday word here ('b-cell').
                if bases[1 - k] >= 100 and "-" not in words[1 - k]:
                    bases[k] = max(bases[k], self._known_word_floor(words[k]))
        return bases

    def familiarity(self, key: str, term: _Term, has_plain: bool) -> int:
        """The familiarity rule, in hundredths (data/README.md)."""
        base = min(self._word_bases(key, self.frequency.word_centi))
        value = base
        # The cap spares common words; a word whose plural is common counts
        # as common here ('symptom' -> symptoms).
        common = min(self._word_bases(key, self.frequency.phrase_centi_with_plurals))
        # A one-word term needs the evidence every other word needs: a
        # source's plain alternative alone does not make 'lungs', 'allergy'
        # or 'hormones' hard, but a medical affix does ('nephrology'), and
        # so does our own plain wording ('bilateral' -> both sides). Rarer
        # words (base < 0.50) are jargon by frequency anyway.
        one_word = " " not in key and "-" not in key
        evidence = (not one_word or "plainlang" in term.sources
                    or self.medical_affix(key) is not None)
        if has_plain and common < LAY_CAP_BELOW_BASE and evidence:
            value = min(value, LAY_CAP)
        if key in self.lay_phrases:
            value = max(value, LAY_FLOOR)
        if term.familiar:
            value = max(value, FAMILIAR_FLOOR)
        if term.curated_familiarity is not None:
            value = term.curated_familiarity
        rating = self.ratings.get(key)
        if rating == "hard":
            value = min(value, RATED_HARD)
        elif rating == "known" and not self._names_a_specialist(key):
            value = max(value, RATED_KNOWN)
        return value

    def _names_a_specialist(self, key: str) -> bool:
        """Whether `key` names a specialist, '-ologist' ('cardiologist',
        'dermatologist', named for an organ's or a field's root), rarer than
        Zipf 3.5: the annotation guideline counts specialists as terms, and
        annotators mark these where raters call them known. Commoner ones
        are everyday professions ('psychologist', 3.80)."""
        return (" " not in key and key.endswith(("ologist", "ologists"))
                and self.frequency.word_centi(key) < SPECIALIST_EVERYDAY_CENTI)

    def build(self, medicines: set[str],
              anatomy_words: frozenset[str]) -> TermsReport:
        rows = []
        overlap = []
        # A test or care phrase that opens with a clinical-register word
        # ('discharge summary', 'negative test result') is no more familiar
        # than that word: the phrase names the word's clinical sense, and a
        # familiar phrase would hide the word from the matcher. A word that
        # trails a test's name ('HIV positive') is judged with that name;
        # names of conditions and symptoms ('chronic pain', 'acute
        # hepatitis') keep their own familiarity.
        register_words = {
            key: term.curated_familiarity for key, term in self.terms.items()
            if " " not in key and term.curated_familiarity is not None
            and term.curated_familiarity < JARGON_CENTI
            and term.categories.get(_PRIORITY["curated"]) == "register"}
        for key, term in self.terms.items():
            plain = _dedupe([key] + [p for rank in sorted(term.plain)
                                     for p in term.plain[rank]])[1:]
            plain = [p.replace("|", "/") for p in plain]
            if key in medicines:
                if not plain or not ({"plainlang", "cdc_thesaurus"} & term.sources):
                    self.dropped["medicine name (in medicines.tsv)"] += 1
                    continue
                overlap.append(key)
            shape = categories.from_shape(key, anatomy_words)
            if shape:
                term.add_category("shape", shape)
            if term.sources & {"cdc_thesaurus", "cdc_everyday"}:
                why = self.cdc_medical_evidence(key)
                if why:
                    term.add_category("cdc_medical", "other")
                # How the CDC rule decided, for terms only the CDC (or
                # familiar.tsv) would call general.
                winner = min(term.categories)
                if winner >= _PRIORITY["nci"] and _PRIORITY["cdc"] in term.categories:
                    if winner == _PRIORITY["nci"]:
                        self.cdc_medical[key] = "listed by the NCI Dictionary"
                    elif winner == _PRIORITY["cdc_medical"]:
                        self.cdc_medical[key] = why
                    else:
                        self.cdc_general.append(key)
            category = term.categories[min(term.categories)]
            definition = term.definitions[min(term.definitions)] if term.definitions else ""
            sources = ",".join(s for s in SOURCE_ORDER if s in term.sources)
            familiarity = self.familiarity(key, term, bool(plain))
            # A medical phrase of ours alone, of common words, must say how
            # familiar it is: the frequency rule would call it known ('room
            # air' 1.00), and a plain alternative says we think it is not.
            if (term.sources == {"plainlang"} and term.curated_familiarity is None
                    and category not in ("general", "register") and " " in key
                    and familiarity >= JARGON_CENTI):
                raise ValueError(f"data/curated: {key!r} ({category}) has common words and no "
                                 f"familiarity; the rule would give "
                                 f"{format_centi(familiarity)}: give one by hand")
            first = key.split(" ")[0]
            if (category not in ("general", "register", "condition", "symptom") and " " in key
                    and first in register_words):
                familiarity = min(familiarity, register_words[first])
            rows.append((key, category, format_centi(familiarity),
                         "|".join(plain), definition, sources))
        per_source = collections.Counter(
            s for row in rows for s in row[5].split(","))
        return TermsReport(rows, dict(self.dropped), sorted(overlap), dict(per_source))


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _icd_group(code: str) -> str:
    """'R-symptom' (R00-R69), 'R-finding' (R70-R99: abnormal test results),
    'T-drug' (T36-T50), 'T-toxic' (T51-T65) or the chapter letter."""
    if code[0] == "R" and code[1:3].isdigit():
        return "R-symptom" if int(code[1:3]) <= 69 else "R-finding"
    if code[0] == "T" and code[1:3].isdigit():
        number = int(code[1:3])
        if 36 <= number <= 50:
            return "T-drug"
        if 51 <= number <= 65:
            return "T-toxic"
    return code[0]


def _dedupe(items) -> list[str]:
    """Drops empty items and variants of an earlier item (see _variant_key)."""
    seen, result = set(), []
    for item in items:
        variant = _variant_key(item)
        if item and variant not in seen:
            seen.add(variant)
            result.append(item)
    return result


def _variant_key(phrase: str) -> str:
    """Folds spelling variants together: case, spaces, hyphens, apostrophes,
    British -our/-ae-/-oe- spellings and a final plural s ('colour vision
    deficiency', "Alzheimer's disease", 'blood vessel tumors')."""
    folded = re.sub(r"'s\b", "", phrase.casefold())
    folded = re.sub(r"[^a-z0-9]", "", folded)
    folded = folded.replace("our", "or").replace("ae", "e").replace("oe", "e")
    return folded[:-1] if folded.endswith("s") else folded
