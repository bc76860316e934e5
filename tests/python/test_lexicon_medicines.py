"""The lexicon generator's medicine names (medicines.py): a substance
DrugCentral files as a class is a medicine's name, and the words of a
several-word name name that medicine alone. Run on records made here, not
on the raw sources."""

from __future__ import annotations

import importlib
import sys
from typing import Any

from conftest import REPO

# The generator is a script folder, not a package the tests install.
sys.path.insert(0, str(REPO / "data" / "tools"))
medicines: Any = importlib.import_module("lexicon_build.medicines")
sources: Any = importlib.import_module("lexicon_build.sources")


def drug_class(class_id: str, name: str, class_type: str) -> Any:
    return sources.DrugClass(class_id=class_id, name=name, source="MeSH", class_type=class_type)


def link(drug: str, class_id: str, class_name: str) -> Any:
    return sources.DrugClassLink(drug=drug, class_id=class_id, class_name=class_name)


def test_a_singular_ingredient_is_a_medicine_and_a_plural_one_a_class() -> None:
    classes = [
        drug_class("C1", "Bismuth", "Chemical/Ingredient"),
        drug_class("C2", "Macrolides", "Chemical/Ingredient"),
        drug_class("C3", "Vitamin D", "Chemical/Ingredient"),
        drug_class("C4", "Nucleoside Analog", "Chemical/Ingredient"),
        drug_class("C5", "Proton Pump Inhibitor", "FDA Established Pharmacologic Class"),
    ]
    classes.append(drug_class("C6", "Thyroxine", "Chemical/Ingredient"))
    classes.append(drug_class("C7", "Antidiarrheals", "Pharmacological Action"))
    links = [link("Bismuth Subsalicylate", "C1", "Bismuth"),
             link("Bismuth Subsalicylate", "C7", "Antidiarrheals"),
             link("Azithromycin", "C2", "Macrolides")]
    # The NCI says the body makes thyroxine: a lab value's name, no medicine.
    glossary = [sources.GlossaryEntry(term="thyroxine",
                                      definition="A hormone that is made by the thyroid gland.")]
    tables = medicines.build(links, classes, glossary, [])
    assert {"bismuth", "vitamin d"} <= tables.medicines.keys()
    assert "bismuth" not in tables.class_terms
    assert "thyroxine" not in tables.medicines
    # A substance is no medicine's class.
    assert tables.medicines["bismuth subsalicylate"] == "antidiarrheal"
    # A plural name or a class word keeps it a kind of drug.
    assert {"macrolide", "nucleoside analog", "proton pump inhibitor"} <= tables.class_terms
    assert "macrolide" not in tables.medicines


def test_the_first_or_last_word_of_a_several_word_name_names_the_medicine() -> None:
    tables = medicines.MedicineTables(
        medicines={"insulin lispro": "therapeutic insulin", "fentanyl sublingual": "opioid",
                   "recombinant urate oxidase": "enzyme", "sodium chloride": "",
                   "insulin": "therapeutic insulin"},
        class_terms=set(), nci_class_terms=set())
    added = medicines.add_name_parts(
        tables, general_words={"sodium", "chloride", "insulin", "recombinant"},
        term_keys={"sublingual", "oxidase"})
    # 'lispro' and 'fentanyl' join with their medicine's class.
    assert tables.medicines["lispro"] == "therapeutic insulin"
    assert tables.medicines["fentanyl"] == "opioid"
    # 'sublingual' and 'oxidase' are terms of their own, a middle word
    # describes the medicine, and English words stay words.
    for word in ("sublingual", "oxidase", "urate", "sodium", "chloride"):
        assert word not in tables.medicines
    assert added == 2


def test_an_abbreviation_that_lists_medicines_names_their_combination() -> None:
    tables = medicines.MedicineTables(
        medicines={name: "" for name in ("rituximab", "cyclophosphamide", "oncovin",
                                         "prednisone", "fluorouracil", "oxaliplatin",
                                         "carboplatin", "metformin")},
        class_terms=set(), nci_class_terms=set())
    rows = [
        # All but one listed: 'hydroxydaunomycin' is missing from the table.
        ("R-CHOP", "Rituximab, Cyclophosphamide, Hydroxydaunomycin, Oncovin, Prednisone"),
        ("FOLFOX", "Folinic Acid, Fluorouracil, Oxaliplatin"),
        ("TC", "Taxotere + carboplatin"),  # one of two is too few
        ("CHOP", "cyclophosphamide, oncovin, prednisone"),  # an English word
        ("ABC", "rituximab, oxaliplatin|airway, breathing, circulation"),  # a sense of no medicine
        ("MET", "metformin"),  # one medicine is no combination
        ("C/T", "carboplatin and paclitaxel"),  # a slash joins other letters too
    ]
    moved = medicines.add_combinations(tables, rows, lambda written: written == "CHOP")
    assert moved == {"R-CHOP", "FOLFOX"}
    assert tables.medicines["r-chop"] == "combination of medicines"
    assert tables.medicines["folfox"] == "combination of medicines"
    for name in ("tc", "chop", "abc", "met", "c/t"):
        assert name not in tables.medicines


def test_an_herbal_remedy_of_the_nci_glossary_is_a_medicine() -> None:
    glossary = [
        sources.GlossaryEntry(term="black cohosh", definition=(
            "An eastern North American perennial herb. A substance obtained from the root "
            "has been used in some cultures to treat symptoms of menopause.")),
        sources.GlossaryEntry(term="garlic", definition=(
            "A European plant that has a bulb used to flavor food. It has also been used in "
            "some cultures to treat certain medical problems.")),
        sources.GlossaryEntry(term="fungus", definition=(
            "A plant-like organism that does not make chlorophyll.")),
    ]
    tables = medicines.build([], [], glossary, [], everyday=lambda name: name == "garlic")
    assert tables.medicines["black cohosh"] == "herbal supplement"
    # An everyday word stays one; a plant used to treat nothing is no remedy.
    assert "garlic" not in tables.medicines
    assert "fungus" not in tables.medicines
