"""Readers for the raw public sources (see data/SOURCES.md).

Each reader returns plain records in the order of the file and does no
filtering beyond what the file format needs; the table builders decide what
to keep.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import pathlib
import re


@dataclasses.dataclass(frozen=True)
class ThesaurusEntry:
    term: str
    alternatives: str  # as written: comma/semicolon separated


@dataclasses.dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str


@dataclasses.dataclass(frozen=True)
class Disease:
    doid: str
    label: str
    exact_synonyms: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class IcdHeader:
    code: str
    description: str


@dataclasses.dataclass(frozen=True)
class AbbreviationSense:
    abbreviation: str
    expansion: str
    source: str  # wikipedia | columbia | imantsm


@dataclasses.dataclass(frozen=True)
class DrugClassLink:
    drug: str
    class_id: str
    class_name: str


@dataclasses.dataclass(frozen=True)
class DrugClass:
    class_id: str
    name: str
    source: str      # FDA | MeSH | CHEBI
    class_type: str  # e.g. 'Mechanism of Action', 'Physiologic Effect'


@dataclasses.dataclass(frozen=True)
class Affix:
    affix: str
    meaning: str
    example: str


class Sources:
    """The raw source folder, /work/shared/data/sources by default."""

    def __init__(self, root: pathlib.Path) -> None:
        self.root = root
        if not (root / "cdc_plain_language_thesaurus").is_dir():
            raise SystemExit(f"{root}: not a sources folder "
                             "(no cdc_plain_language_thesaurus/ inside)")

    def _path(self, relative: str) -> pathlib.Path:
        path = self.root / relative
        if not path.is_file():
            raise SystemExit(f"missing source file {path}")
        return path

    def cdc_thesaurus(self) -> list[ThesaurusEntry]:
        data = json.loads(self._path(
            "cdc_plain_language_thesaurus/thesaurus.json").read_text("utf-8"))
        return [ThesaurusEntry(e["term"], e.get("plain_alternative") or "")
                for e in data]

    def cdc_everyday_words(self) -> list[str]:
        text = self._path("cdc_everyday_words/headwords.txt").read_text("utf-8")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def nci_glossary(self) -> list[GlossaryEntry]:
        data = json.loads(self._path(
            "nci_cancer_terms/glossary.json").read_text("utf-8"))
        return [GlossaryEntry(e["term"], e.get("plain_alternative") or "")
                for e in data]

    def diseases(self) -> list[Disease]:
        path = self._path("disease_ontology/doid_labels_synonyms.tsv")
        rows = []
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                # The export separates synonyms with ' | ', a few with '; '
                # ('t(8;16)' has no space, so it is not split).
                synonyms = re.split(r"\s+\|\s+|;\s+", row["exact_synonyms"] or "")
                rows.append(Disease(row["doid"], row["label"].strip(),
                                    tuple(s.strip() for s in synonyms if s.strip())))
        return rows

    def icd10cm_headers(self) -> list[IcdHeader]:
        path = self._path("icd10cm/icd10cm_2022_headers.tsv")
        rows = []
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            code_at, text_at = header.index("code"), header.index("long_description")
            for row in reader:
                rows.append(IcdHeader(row[code_at], row[text_at]))
        return rows

    def abbreviations(self) -> list[AbbreviationSense]:
        senses: list[AbbreviationSense] = []
        with self._path("abbreviations/wikipedia_abbreviations.csv").open(
                encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                senses.append(AbbreviationSense(row["abr"], row["long_form"],
                                                "wikipedia"))
        text = self._path("abbreviations/columbia_obgyn.txt").read_text("utf-8")
        for line in text.splitlines():
            split = _split_columbia_line(line)
            if split:
                senses.append(AbbreviationSense(*split, "columbia"))
        folder = self.root / "abbreviations" / "imantsm"
        for path in sorted(folder.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as f:
                for row in csv.reader(f):
                    if not row or row[0] == "Abbreviation/Shorthand":
                        continue
                    if len(row) >= 2:
                        senses.append(AbbreviationSense(row[0], row[1], "imantsm"))
        return senses

    def drug_class_links(self) -> list[DrugClassLink]:
        path = self._path("drug_classes/drug-to-class.tsv")
        with path.open(encoding="utf-8", newline="") as f:
            return [DrugClassLink(r["drugbank_name"], r["class_id"], r["class_name"])
                    for r in csv.DictReader(f, delimiter="\t",
                                            quoting=csv.QUOTE_NONE)]

    def drug_classes(self) -> list[DrugClass]:
        path = self._path("drug_classes/classes.tsv")
        with path.open(encoding="utf-8", newline="") as f:
            return [DrugClass(r["class_id"], r["class_name"], r["class_source"],
                              r["class_type"])
                    for r in csv.DictReader(f, delimiter="\t",
                                            quoting=csv.QUOTE_NONE)]

    def affixes(self) -> list[Affix]:
        path = self._path("medical_affixes/medical_affixes.csv")
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [Affix(r["Affix"], r["Meaning"], r["Example(s)"])
                    for r in csv.DictReader(f)]

    def cmudict(self) -> list[tuple[str, list[str]]]:
        """(headword as written, phones) pairs; comments after '#' removed."""
        text = self._path("cmudict/cmudict.dict").read_text("utf-8")
        entries = []
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                word, *phones = line.split()
                entries.append((word, phones))
        return entries

    def wordfreq_path(self) -> pathlib.Path:
        return self._path("wordfreq_en/large_en.msgpack.gz")


def _split_columbia_line(line: str) -> tuple[str, str] | None:
    """'DiDi twins Dichorionic diamniotic twins' -> ('DiDi twins', 'Dichorionic
    diamniotic twins'): the expansion starts at the first capitalised word
    after the first token; failing that, after the first token."""
    tokens = line.split()
    if len(tokens) < 2:
        return None
    for i in range(1, len(tokens)):
        if re.match(r"[A-Z][a-z]", tokens[i]):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return tokens[0], " ".join(tokens[1:])
