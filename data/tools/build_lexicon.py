#!/usr/bin/env python3
"""Builds plainlang's lexicon tables in data/ from the raw public sources.

    pip install msgpack            # the only dependency besides the stdlib
    python3 data/tools/build_lexicon.py [--sources DIR] [--out DIR]

--sources defaults to ../shared/data/sources relative to the repository root
and --out to the repository's data/ folder. The run is deterministic (same
sources, same bytes: rows sorted, fixed two-decimal numbers, no timestamps)
and needs no network. data/README.md documents every column; in short:

terms.tsv (term, category, familiarity, plain, definition, source)
    One row per lower-case term from the CDC Plain Language Thesaurus (with
    its comma/semicolon-separated alternatives as plain), CDC Everyday Words
    headwords, Disease Ontology labels and exact synonyms (plain = the
    entry's names that are lay wording), NCI Dictionary of Cancer Terms
    (definition = first sentence of its lay definition, <= 250 characters;
    codes, abbreviations and medicine names skipped), single diagnosis words
    from ICD-10-CM descriptions (terms.TermsBuilder.add_icd_words states the
    rule), DrugCentral class names (singular, lower-case), rare words that
    the sources' own running text uses (source medical_text; the rule is in
    lexicon_build/medical_text.py) and data/curated/terms.tsv + familiar.tsv.
    Terms over 8 words, terms with brackets/commas and medicine names are
    left out. familiarity is the frequency rule with the lay-synonym cap and
    floors (README). A CDC term is category general only when no medical
    source lists it and none of its words is medical (terms.py).
abbreviations.tsv (abbreviation, expansions, plain, case, familiarity, source)
    data/curated/abbreviations.tsv (wins) + Wikipedia's list + Columbia OB/GYN
    + imantsm (non-medical senses filtered), merged per dot-less lower-case
    key; 2..10 characters; ordinary English words dropped unless curated;
    case 'exact' when the lower-case form has Zipf >= 3.0.
medicines.tsv (name, class)
    DrugCentral drug names, NCI glossary drugs and data/curated/medicines.tsv,
    with a class (medicines.py states how it is chosen).
words.tsv (word, zipf, syllables)
    CMU dictionary words plus wordfreq words with Zipf >= 1.5 (words.py).
affixes.tsv (affix, position, meaning, example)
    Wikipedia's medical affixes split into their forms (affixes.py).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from lexicon_build import (abbreviations, affixes, medical_text,  # noqa: E402
                           medicines, terms, tsv, words)
from lexicon_build.categories import anatomy_words_from_affixes  # noqa: E402
from lexicon_build.sources import Sources  # noqa: E402
from lexicon_build.word_frequency import WordFrequency  # noqa: E402

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
# A name all of whose words are this common (Zipf 3.0) is an everyday word
# before it is a medicine's: 'garlic', 'CHOP'.
EVERYDAY_NAME_CENTI = 300

HEADERS = {
    "terms": ("term", "category", "familiarity", "plain", "definition", "source"),
    "abbreviations": ("abbreviation", "expansions", "plain", "case",
                      "familiarity", "source"),
    "medicines": ("name", "class"),
    "words": ("word", "zipf", "syllables"),
    "affixes": ("affix", "position", "meaning", "example"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=pathlib.Path,
                        default=REPO_ROOT.parent / "shared" / "data" / "sources",
                        help="folder of raw sources (default: %(default)s)")
    parser.add_argument("--out", type=pathlib.Path, default=REPO_ROOT / "data",
                        help="folder the tables are written to (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)

    sources = Sources(args.sources)
    curated_dir = REPO_ROOT / "data" / "curated"
    frequency = WordFrequency(sources.wordfreq_path())
    cmu_entries = sources.cmudict()
    report: list[str] = []

    affix_entries = sources.affixes()
    affix_rows = affixes.build(affix_entries, frequency)

    medicine_tables = medicines.build(
        sources.drug_class_links(), sources.drug_classes(), sources.nci_glossary(),
        tsv.read_curated(curated_dir / "medicines.tsv", ("name",), ("class",)),
        everyday=lambda name: all(frequency.word_centi(word) >= EVERYDAY_NAME_CENTI
                                  for word in name.split(" ")))
    medicine_names = set(medicine_tables.medicines)

    builder = terms.TermsBuilder(frequency)
    builder.add_curated(tsv.read_curated(
        curated_dir / "terms.tsv", ("term",),
        ("category", "familiarity", "plain", "definition", "source")))
    builder.add_register(tsv.read_curated(
        curated_dir / "register.tsv", ("term",), ("familiarity", "plain", "definition")))
    builder.add_cdc_thesaurus(sources.cdc_thesaurus())
    builder.add_cdc_everyday(sources.cdc_everyday_words())
    builder.add_diseases(sources.diseases())
    builder.add_nci(sources.nci_glossary(), medicine_names,
                    medicine_tables.nci_class_terms)
    cmu_words = {w.split("(")[0].lower() for w, _ in cmu_entries}
    builder.add_icd_words(sources.icd10cm_headers(), cmu_words)
    builder.add_drug_classes(medicine_tables.class_terms)
    builder.add_familiar(tsv.read_curated(curated_dir / "familiar.tsv", ("word",)))
    # Rare words of the sources' running text (medical_text.py), then the
    # CDC category rule, which also needs the affixes.
    vocabulary = medical_text.medical_vocabulary(
        medical_text.collect(medical_text.text_units(
            sources.nci_glossary(), sources.diseases(), sources.icd10cm_headers(),
            sources.drug_classes(), affix_entries)),
        frequency, cmu_words, medicine_names,
        medical_text.combining_forms(affix_entries),
        frozenset(row["word"].strip().lower() for row in tsv.read_curated(
            curated_dir / "not_medical.tsv", ("word",))))
    builder.add_medical_text(vocabulary)
    builder.add_ratings(tsv.read_curated(curated_dir / "ratings.tsv", ("term", "rating")))
    specialty_skipped = builder.add_specialty(tsv.read_curated(
        curated_dir / "specialty_terms.tsv", ("term",),
        ("category", "familiarity", "plain", "definition")))
    print(f"specialty terms, left out as everyday words: {specialty_skipped}")
    # A word of a several-word medicine name that only the medical-text
    # rule lists ('epoetin' of 'epoetin alfa') is that medicine's name.
    name_parts = medicines.add_name_parts(
        medicine_tables, cmu_words,
        {key for key, term in builder.terms.items() if term.sources - {"medical_text"}})
    report.append(f"medicine names, words of several-word names added: {name_parts}")
    medicine_names = set(medicine_tables.medicines)
    builder.set_medical_affixes(affix_rows)
    terms_report = builder.build(
        medicine_names, anatomy_words_from_affixes([a.meaning for a in affix_entries]))

    abbreviation_rows, abbreviation_dropped = abbreviations.build(
        sources.abbreviations(),
        tsv.read_curated(curated_dir / "abbreviations.tsv",
                         ("abbreviation", "expansions"),
                         ("plain", "familiarity", "case")),
        frequency)

    combinations = medicines.add_combinations(
        medicine_tables, abbreviation_rows,
        lambda written: frequency.exact_centi(written) >= EVERYDAY_NAME_CENTI)
    abbreviation_rows = [row for row in abbreviation_rows if row[0] not in combinations]
    report.append(f"abbreviations that name a combination of medicines, moved to "
                  f"medicines.tsv: {len(combinations)} ({', '.join(sorted(combinations))})")

    args.out.mkdir(parents=True, exist_ok=True)
    tables = {
        "terms": terms_report.rows,
        "abbreviations": abbreviation_rows,
        "medicines": medicines.rows(medicine_tables),
        "words": words.build(cmu_entries, frequency),
        "affixes": affix_rows,
    }
    for name, rows in tables.items():
        path = args.out / f"{name}.tsv"
        count = tsv.write_table(path, HEADERS[name], rows)
        report.append(f"{path.name}: {count} rows, {path.stat().st_size} bytes")
    report.append(f"medical-text words: {len(vocabulary.words)} qualify, "
                  f"{terms_report.sources.get('medical_text', 0)} added as terms")
    for reason, count in sorted(vocabulary.dropped.items()):
        report.append(f"medical-text words, dropped {reason}: {count}")
    by_nci = sum(1 for why in builder.cdc_medical.values() if "NCI" in why)
    report.append(f"CDC terms no source but the CDC categorises: "
                  f"{len(builder.cdc_general)} stay general, {by_nci} are other "
                  f"(NCI lists them), {len(builder.cdc_medical) - by_nci} are "
                  f"other (medical words, affixes or variants)")
    for reason, count in sorted(terms_report.dropped.items()):
        report.append(f"terms dropped, {reason}: {count}")
    for reason, count in sorted(abbreviation_dropped.items()):
        report.append(f"abbreviations, dropped {reason}: {count}")
    report.append(f"terms kept although also medicine names: "
                  f"{', '.join(terms_report.medicine_overlap) or 'none'}")
    if not args.quiet:
        print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
