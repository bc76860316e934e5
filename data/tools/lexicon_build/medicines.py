"""medicines.tsv (name, class) and the drug-class names that become terms.

Medicine names come from DrugCentral's drug-to-class map, from NCI glossary
entries whose definition says the term is a drug ("A drug used to treat...",
"A substance being studied in the treatment of cancer"), and from
data/curated/medicines.tsv. A medicine's class is its first DrugCentral class
that names a kind of drug (file order; classes describing a physiologic
effect or an 'activity' are passed over), else the class the NCI definition
names ("belongs to the family of drugs called X", "It is a type of X"), else
the curated class, else empty.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from . import text
from .sources import DrugClass, DrugClassLink, GlossaryEntry

# DrugCentral class types whose names are kinds of drug a patient may read
# ("proton pump inhibitor", "benzodiazepine"). 'Physiologic Effect' names
# ("Decreased Blood Pressure") describe effects, not drugs.
_CLASS_TYPES = {
    "FDA Established Pharmacologic Class",
    "Pharmacological Action",
    "Application",
    "Chemical/Ingredient",
    "Mechanism of Action",
}
# An NCI definition of a substance the body makes: a hormone, a metabolite.
_BODY_SUBSTANCE = re.compile(
    r"\bhormone\b|\b(?:made|produced|formed) (?:in|by) (?:the )?(?:body|muscle|liver|"
    r"breakdown|thyroid|kidneys?|adrenal)|\bformed by the breakdown\b", re.IGNORECASE)
# Mechanism-of-action names that describe an activity, not a kind of drug.
_NOT_A_CLASS = re.compile(
    r"\b(activity|activities|interactions?|reduction|alteration|binding|"
    r"blockade|inhibition|stimulation|depolarization|chelation)$")

# Last words that make an NCI 'drug' entry a kind of drug, not one drug:
# 'analgesic: A drug that reduces pain' is a class.
_CLASS_HEADS = {"agent", "agents", "drug", "drugs", "inhibitor", "inhibitors",
                "medication", "medications", "substance", "substances",
                "chemotherapy", "relaxant", "relaxants", "stimulant",
                "stimulants", "depressant", "depressants", "antibiotic",
                "antibiotics", "adjuvant", "adjuvants",
                "blocker", "blockers", "antagonist", "antagonists", "agonist",
                "agonists", "vaccine", "vaccines", "antibody", "antibodies",
                "therapy", "medicine", "medicines", "analog", "analogs",
                "analogue", "analogues", "modulator", "modulators"}
_CLASS_SUFFIXES = ("ic", "ics", "ant", "ants", "ive", "ives", "or", "ors",
                   "ist", "ists", "er", "ers", "al")
# "A type of drug that..." defines a class of drugs, not one drug.
_NCI_CLASS_DEFINITION = re.compile(
    r"^an? (?:type|kind|class|family|group) of (?:[\w-]+ ){0,2}drugs?\b",
    re.IGNORECASE)

# "A drug used to...", "An anticancer drug...", "A type of drug..." but not
# "An effect of a drug" or "A branch of medicine".
_NCI_DRUG = re.compile(
    r"^an? (?:(?:type|kind|form) of )?((?:[\w-]+ ){0,2})drugs?\b(?!-)"
    r"|^a substance being studied\b"
    r"|^an? (?:type of )?(?:monoclonal antibody|vaccine) (?:used|being studied)\b",
    re.IGNORECASE)
_LINK_WORDS = {"of", "to", "in", "for", "with", "by", "or", "and", "from", "that"}
# An NCI entry for an herbal remedy: a plant or an herb in its first
# sentence, used to treat something ("black cohosh: An eastern North
# American perennial herb. A substance obtained from the root ... has been
# used in some cultures to treat ...", "St. John's wort: An herbal product
# sold as an over-the-counter treatment").
_HERB = re.compile(r"^[^.]*\b(?:herb|herbal|plant)\b", re.IGNORECASE)
_USED_TO_TREAT = re.compile(
    r"\bused (?:in some cultures |in traditional Chinese medicine |by some cultures "
    r"|as a sedative and )?to (?:prevent and )?treat\b|\bover-the-counter treatment\b"
    r"|\bused as a (?:sedative|mild laxative)\b", re.IGNORECASE)
_NCI_CLASS = re.compile(
    r"(?:belongs to the famil(?:y|ies) of (?:drugs|medicines|substances) called"
    r"|\b\w+ is a type of) ([^.;(]+?)(?:\.|,|;| \(| and |$)")


@dataclasses.dataclass
class MedicineTables:
    medicines: dict[str, str]        # name -> class ('' when unknown)
    class_terms: set[str]            # normalised drug-class names (terms)
    nci_class_terms: set[str]        # NCI 'drug' entries that name a class


def singular(word: str) -> str:
    """Trivial English singular of a class head: inhibitors -> inhibitor,
    antibodies -> antibody; words in -ss, -us, -is are left alone."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


def _bracketless(name: str) -> str:
    """A class name without its bracketed notes ('Vitamin D (Cholecalciferol)')."""
    return re.sub(r"\s*\([^)]*\)", "", text.normalise(name))


def class_term(name: str) -> str | None:
    """A DrugCentral or NCI class name as a lower-case singular term.

    'Antineoplastic Agents, Hormonal' -> 'hormonal antineoplastic agent'
    (MeSH writes qualifiers after commas); a comma list that is not such an
    inversion gives None, as do names the terms table could not hold.
    """
    name = _bracketless(name)
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 1:
        qualifiers = parts[1:]
        if any(" " in q or q.lower().startswith("and ") or not q for q in qualifiers):
            return None
        name = " ".join(reversed(qualifiers)) + " " + parts[0]
    key = text.term_key(name)
    words = key.split(" ")
    words[-1] = singular(words[-1])
    key = " ".join(words)
    if not text.is_clean_term(key) or text.has_code_token(key):
        return None
    return key


def build(links: list[DrugClassLink], classes: list[DrugClass],
          glossary: list[GlossaryEntry],
          curated: list[dict[str, str]],
          everyday: Callable[[str], bool] = lambda name: False) -> MedicineTables:
    """The tables; `everyday(name)` tells a name whose every word readers
    meet often, which an herbal remedy's entry does not make a medicine
    ('garlic', 'lavender': as a medicine's name the word would mark a
    sentence as clinical, and the familiarity rule knows it already)."""
    class_by_id = {c.class_id: c for c in classes}

    def usable(class_id: str, class_name: str) -> bool:
        c = class_by_id.get(class_id)
        if c is None or c.class_type not in _CLASS_TYPES:
            return False
        return not _NOT_A_CLASS.search(class_name.lower())

    # A substance the body makes ('thyroxine', 'urea': a hormone, a
    # metabolite) is measured as a lab value and stays a term.
    made_by_body = {text.term_key(e.term) for e in glossary
                    if _BODY_SUBSTANCE.search(e.definition)}
    class_terms = set()
    substances = set()
    for c in classes:
        if usable(c.class_id, c.name):
            key = class_term(c.name)
            if not key:
                continue
            if _names_a_substance(c):
                if key not in made_by_body:
                    substances.add(key)
            else:
                class_terms.add(key)

    medicines: dict[str, str] = {}
    first_any: dict[str, str] = {}
    for link in links:
        name = text.term_key(link.drug)
        if not _acceptable_name(name):
            continue
        # A substance is no class ('bismuth subsalicylate' is no bismuth).
        as_class = class_term(link.class_name) or ""
        if as_class in substances:
            as_class = ""
        first_any.setdefault(name, as_class)
        if name not in medicines and usable(link.class_id, link.class_name) and as_class:
            medicines[name] = as_class
    for name, fallback in first_any.items():
        medicines.setdefault(name, fallback)
    for name in substances:
        medicines.setdefault(name, "")

    nci_class_terms = set()
    for entry in glossary:
        name = text.term_key(entry.term)
        # An herbal remedy is sold and taken as a medicine is: its name is
        # no jargon, as the annotation guideline says of medicines' names.
        if (_HERB.match(entry.definition) and _USED_TO_TREAT.search(entry.definition)
                and _acceptable_name(name) and not everyday(name)):
            medicines.setdefault(name, "herbal supplement")
            continue
        if not _is_nci_drug(entry.definition) or text.is_acronym(entry.term):
            continue
        if not _acceptable_name(name) or text.has_code_token(name):
            continue
        if _names_a_class(entry.term, entry.definition, class_terms):
            nci_class_terms.add(name)
            continue
        if name in medicines and medicines[name]:
            continue
        match = _NCI_CLASS.search(entry.definition)
        medicines[name] = (class_term(match.group(1)) or "") if match else ""

    for row in curated:
        name = text.term_key(row["name"])
        if not _acceptable_name(name):
            raise ValueError(f"curated medicine {row['name']!r} (line {row['_line']}) "
                             "is not an acceptable name")
        if not medicines.get(name):
            medicines[name] = text.term_key(row.get("class", ""))
    return MedicineTables(medicines, class_terms, nci_class_terms)


def _names_a_substance(c: DrugClass) -> bool:
    """A Chemical/Ingredient 'class' with a singular name is one substance
    ('Urea', 'Bismuth', 'Vitamin D', 'Folic Acid'), a medicine's name;
    MeSH names a kind of drug in the plural ('Macrolides', 'Penicillins')
    or with a class word ('Nucleoside Analog')."""
    if c.class_type != "Chemical/Ingredient":
        return False
    words = text.term_key(_bracketless(c.name)).split(" ")
    return ("," not in c.name and words[-1] not in _CLASS_HEADS
            and all(singular(w) == w for w in words))


def _names_a_class(written: str, definition: str, class_terms: set[str]) -> bool:
    """An NCI 'drug' entry names a kind of drug ('analgesic', 'beta-blocker',
    'benzodiazepine') rather than one drug: its definition says 'A type of
    drug', it is a DrugCentral class, its head is a class word, its last word
    ends like an adjective or agent noun (-ic, -ant, -ive, -or, -er, -ist,
    -al), or it starts with anti-. A capitalised entry ('Lipitor', 'Effexor')
    is a brand name, so the word-shape tests do not apply to it."""
    if _NCI_CLASS_DEFINITION.match(definition) or class_term(written) in class_terms:
        return True
    name = text.term_key(written)
    last = name.split(" ")[-1]
    head = last.split("-")[-1]
    if last in _CLASS_HEADS or head in _CLASS_HEADS:
        return True
    if written[:1].isupper():
        return False
    return head.endswith(_CLASS_SUFFIXES) or name.startswith("anti")


def _is_nci_drug(definition: str) -> bool:
    match = _NCI_DRUG.match(definition)
    if not match:
        return False
    between = (match.group(1) or "").lower().split()
    return not _LINK_WORDS & set(between)


def _acceptable_name(name: str) -> bool:
    """At most four words, at least two letters, not only digits, and only
    characters a term may hold."""
    return (0 < text.word_count(name) <= 4 and text.is_clean_term(name)
            and not re.fullmatch(r"[\d\s.-]+", name))


def add_name_parts(tables: MedicineTables, general_words: set[str],
                   term_keys: set[str]) -> int:
    """The first or last word of a several-word medicine name, when it is no
    English word and no term of a source (the medical-text rule aside),
    names that medicine when written alone: the analog of 'insulin lispro',
    the salt of 'bismuth subsalicylate', 'epoetin' of 'epoetin alfa'. It
    joins the table with its medicine's class, so the engine does not take
    it for a rare medical word. Returns how many."""
    added: dict[str, str] = {}
    for name, drug_class in sorted(tables.medicines.items()):
        words = name.split(" ")
        if len(words) < 2:
            continue
        # A middle word describes the medicine ('recombinant urate oxidase').
        for word in (words[0], words[-1]):
            if (len(word) >= 5 and word.isalpha() and word not in general_words
                    and word not in term_keys and word not in tables.medicines):
                added.setdefault(word, drug_class)
    tables.medicines.update(added)
    return len(added)


# How a combination's expansion lists its medicines: "rituximab,
# cyclophosphamide and prednisone", "Taxotere + Carboplatin",
# "brinzolamide/timolol".
_LIST_SEPARATORS = re.compile(r",|\band\b|&|\+|/")


def _lists_medicines(expansion: str, medicines: dict[str, str]) -> bool:
    """Whether an abbreviation's sense lists two or more medicines, all but
    one of them in the table."""
    items = [item.split(":")[0].strip().lower()
             for item in _LIST_SEPARATORS.split(expansion) if item.strip()]
    found = sum(1 for item in items
                if item in medicines or any(word in medicines for word in item.split()))
    return len(items) >= 2 and found >= 2 and found >= len(items) - 1


def add_combinations(tables: MedicineTables, abbreviation_rows: list[tuple[str, ...]],
                     is_ordinary_word: Callable[[str], bool]) -> set[str]:
    """An abbreviation every sense of which lists medicines, two or more, all
    but one of them medicines of the table ('R-CHOP': rituximab,
    cyclophosphamide, hydroxydaunomycin, Oncovin, prednisone), names a
    combination of medicines: a treatment regimen ('FOLFOX', 'ABVD') or a
    combined product. A medicine's name is no jargon, so it joins the table,
    class 'combination of medicines', and leaves the abbreviations. Not one
    that is an English word too ('CHOP', 'RIPE'): as a medicine's name the
    lower-case word would mark a sentence as clinical; nor one with a slash,
    which joins letters of other things too ('C/T', a scan). Returns the
    abbreviations' keys that moved."""
    moved: set[str] = set()
    for row in abbreviation_rows:
        written, expansions = row[0], row[1]
        name = written.lower()
        if (is_ordinary_word(written) or "/" in written or not _acceptable_name(name)
                or not all(_lists_medicines(e, tables.medicines) for e in expansions.split("|"))):
            continue
        tables.medicines.setdefault(name, "combination of medicines")
        moved.add(written)
    return moved


def rows(tables: MedicineTables) -> list[tuple[str, str]]:
    return sorted(tables.medicines.items())
