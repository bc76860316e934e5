"""The lexicon generator's ratings (data/curated/ratings.tsv): a rating
decides over the frequency rule, a bad row stops the build with its line.
The generator is run on a word list made here, not on the raw sources."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import pytest

from conftest import REPO

# The generator is a script folder, not a package the tests install.
sys.path.insert(0, str(REPO / "data" / "tools"))
terms: Any = importlib.import_module("lexicon_build.terms")
word_frequency: Any = importlib.import_module("lexicon_build.word_frequency")
_Term = terms._Term


def builder(centi: dict[str, int]) -> Any:
    frequency = word_frequency.WordFrequency.__new__(word_frequency.WordFrequency)
    frequency._centi = dict(centi)  # the list a wordfreq file would give
    made = terms.TermsBuilder(frequency)
    made.set_medical_affixes([])
    return made


def row(line: int, **fields: str) -> dict[str, str]:
    return {"_line": str(line), **fields}


def test_a_rating_decides_over_the_frequency_rule() -> None:
    # By frequency alone bile (Zipf 3.21) is 0.36, jargon, and intact (4.00)
    # 0.75, familiar; rated, bile is lifted to 0.80 and intact capped at 0.35.
    made = builder({"bile": 321, "intact": 400, "sputum": 250})
    made.add_ratings([row(2, term="bile", rating="known"), row(3, term="intact", rating="hard")])
    assert made.familiarity("bile", _Term(), False) == 80
    assert made.familiarity("intact", _Term(), False) == 35
    assert made.familiarity("sputum", _Term(), False) == 0  # unrated: the rule's


def test_a_known_rating_does_not_lift_a_rare_specialist() -> None:
    made = builder({"cardiologist": 290, "psychologist": 380})
    made.add_ratings([row(2, term="cardiologist", rating="known"),
                      row(3, term="psychologist", rating="known")])
    # Zipf 2.90: base 0.20, a specialist the guideline counts as a term.
    assert made.familiarity("cardiologist", _Term(), False) == 20
    assert made.familiarity("psychologist", _Term(), False) == 80


def test_a_hard_rating_keeps_a_phrase_of_everyday_words() -> None:
    made = builder({"patch": 500, "test": 600, "heart": 600, "failure": 500})
    made.add_ratings([row(2, term="patch test", rating="hard"),
                      row(3, term="heart failure", rating="known")])
    skipped = made.add_specialty([
        row(10, term="patch test", category="test", familiarity="0.20", plain="skin test",
            definition="Patches on the skin."),
        row(11, term="heart failure", category="condition", familiarity="0.41", plain="",
            definition=""),
    ])
    # Rated hard, the phrase comes in as register though our row rates it
    # 0.20, where an unrated one of everyday words needs less than 0.20.
    assert list(made.terms["patch test"].categories.values()) == ["register"]
    assert made.familiarity("patch test", made.terms["patch test"], True) == 20
    assert "heart failure" not in made.terms
    assert skipped == 1


def test_a_known_phrase_stays_to_cover_a_jargon_word_inside_it() -> None:
    made = builder({"gastric": 330, "bypass": 380, "heart": 600, "failure": 500,
                    "fetal": 300, "movements": 450, "kegel": 200, "exercises": 480,
                    "stent": 282, "removal": 420})
    made.terms["gastric"] = _Term(sources={"nci"})
    made.terms["stent"] = _Term(sources={"nci"})
    made.terms["fetal"] = _Term(sources={"nci"})
    made.terms["fetal movement"] = _Term(sources={"plainlang"})
    made.terms["kegel"] = _Term(sources={"nci"})
    made.add_ratings([row(2, term="gastric bypass", rating="known"),
                      row(3, term="heart failure", rating="known"),
                      row(4, term="fetal movements", rating="known"),
                      row(5, term="kegel exercises", rating="known"),
                      row(6, term="stent removal", rating="known")])
    made.add_specialty([
        row(10, term="gastric bypass", category="procedure", familiarity="0.30", plain=""),
        row(11, term="heart failure", category="condition", familiarity="0.41", plain=""),
        row(12, term="fetal movements", category="register", familiarity="0.30", plain=""),
        row(13, term="Kegel exercises", category="named", familiarity="0.30", plain=""),
        row(14, term="stent removal", category="procedure", familiarity="0.30", plain=""),
    ])
    # "gastric" is a term alone: the phrase stays, everyday, to cover it.
    assert list(made.terms["gastric bypass"].categories.values()) == ["general"]
    assert made.familiarity("gastric bypass", made.terms["gastric bypass"], False) >= 80
    # No jargon word inside; the other number listed; a named instrument; a
    # jargon word rarer than Zipf 3.0, the technical word the phrase carries.
    for key in ("heart failure", "fetal movements", "kegel exercises", "stent removal"):
        assert key not in made.terms


def test_a_named_instrument_of_everyday_words_stays_named() -> None:
    made = builder({"trail": 450, "making": 520, "test": 600})
    made.add_ratings([row(2, term="trail making test", rating="hard")])
    made.add_specialty([row(9, term="Trail Making Test", category="named", familiarity="0.05",
                            plain="connect-the-dots test", definition="Dots joined in order.")])
    assert list(made.terms["trail making test"].categories.values()) == ["named"]


@pytest.mark.parametrize("rows, message", [
    ([row(5, term="bile", rating="maybe")], "ratings.tsv line 5: rating must be known or hard"),
    ([row(2, term="bile", rating="known"), row(7, term="Bile", rating="hard")],
     "ratings.tsv line 7: 'bile' is rated twice"),
])
def test_a_bad_row_names_its_line(rows: list[dict[str, str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        builder({}).add_ratings(rows)



def test_our_category_decides_over_the_cdc_general_alone() -> None:
    made = builder({"anaphylaxis": 220, "biopsy": 300})
    made.terms["anaphylaxis"] = _Term(sources={"cdc_thesaurus"})
    made.terms["anaphylaxis"].add_category("cdc", "general")
    made.terms["biopsy"] = _Term(sources={"nci"})
    made.terms["biopsy"].add_category("nci", "procedure")
    made.add_specialty([
        row(4, term="anaphylaxis", category="condition", familiarity="0.30",
            plain="severe allergic reaction", definition="A sudden severe allergic reaction."),
        row(5, term="biopsy", category="test", familiarity="0.30", plain="tissue sample",
            definition="A small piece of tissue taken to be checked."),
    ])

    def category(key: str) -> str:
        return str(made.terms[key].categories[min(made.terms[key].categories)])

    assert category("anaphylaxis") == "condition"
    assert category("biopsy") == "procedure"  # a medical source's stands
