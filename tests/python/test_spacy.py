"""The spaCy component on a blank English pipeline (no model to download)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import plainlang
import plainlang.spacy

# Fictional: nobody's message.
MESSAGE = "Señora García 😀, your BP is elevated. Take lisinopril PO BID and call us if you feel dizzy."


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("plainlang")
    return nlp


def spans(doc: Doc, key: str = "plainlang") -> list[tuple[str, str, str | None, str | None]]:
    return [(s.text, s.label_, s._.plainlang_suggestion, s._.plainlang_definition)
            for s in doc.spans[key]]


def test_findings_become_spans_labelled_by_kind(nlp: spacy.language.Language) -> None:
    doc = nlp(MESSAGE)
    assert spans(doc) == [
        ("Señora", "complex_word", "", ""),
        ("BP", "abbreviation", "blood pressure", ""),
        ("elevated", "complex_word", "high", ""),
        ("PO", "abbreviation", "by mouth", ""),
        ("BID", "abbreviation", "twice a day", ""),
    ]
    report = plainlang.analyze(MESSAGE)
    assert [s._.plainlang_finding for s in doc.spans["plainlang"]] == list(report.findings)
    assert [(s.start_char, s.end_char) for s in doc.spans["plainlang"]] == [
        (f.start_char, f.end_char) for f in report.findings]


def test_scores_go_on_the_doc(nlp: spacy.language.Language) -> None:
    scores = nlp(MESSAGE)._.plainlang
    assert scores == plainlang.analyze(MESSAGE).scores()
    assert (scores["words"], scores["meets_target"], scores["error"]) == (17, False, None)
    assert list(scores) == [*plainlang.FEATURE_NAMES, "error"]


def test_a_finding_inside_a_token_widens_to_the_token(nlp: spacy.language.Language) -> None:
    # spaCy keeps "BP:120" one token; the finding "BP" is part of it.
    doc = nlp("Your BP:120 is fine.")
    assert [t.text for t in doc][:2] == ["Your", "BP:120"]
    assert spans(doc) == [("BP:120", "abbreviation", "blood pressure", "")]
    assert doc.spans["plainlang"][0]._.plainlang_finding.text == "BP"


def test_config_sets_the_analyzer_options(tmp_path: Path) -> None:
    terms = tmp_path / "terms.tsv"
    terms.write_text("term\tcategory\tplain\tdefinition\tfamiliarity\n"
                     "zorblax syndrome\tcondition\ta made-up illness\tan illness nobody has\t0.05\n",
                     encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("BP\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("plainlang", config={"target_grade": 12, "lexicon": str(terms),
                                      "allow": [str(allow)], "spans_key": "plain"})
    doc = nlp("Your BP is fine, but you have zorblax syndrome.")
    assert spans(doc, "plain") == [
        ("zorblax syndrome", "jargon", "a made-up illness", "an illness nobody has")]
    assert "plainlang" not in doc.spans
    component = nlp.get_pipe("plainlang")
    assert isinstance(component, plainlang.spacy.PlainlangComponent)
    assert component.analyzer.options["target_grade"] == 12.0


def test_pipe_equals_one_doc_at_a_time(nlp: spacy.language.Language) -> None:
    texts = [MESSAGE, "", "Your CBC was unremarkable.", "Rest."] * 5
    piped = list(nlp.pipe(texts, batch_size=3))
    assert [spans(doc) for doc in piped] == [spans(nlp(text)) for text in texts]
    # repr, so that NaN (no communication item applies to "") equals NaN.
    assert [repr(doc._.plainlang) for doc in piped] == [repr(nlp(text)._.plainlang) for text in texts]
    assert spans(piped[2]) == [("CBC", "abbreviation", "blood count", "complete blood count"),
                               ("unremarkable", "jargon", "normal", "Nothing abnormal was found.")]


def test_docs_serialise_with_the_annotations(nlp: spacy.language.Language) -> None:
    doc = nlp(MESSAGE)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert spans(copy) == spans(doc)
    assert copy._.plainlang == doc._.plainlang
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert spans(back) == spans(doc)


def test_spacy_finds_the_component_without_plainlang_imported() -> None:
    # The spacy_factories entry point, in a fresh interpreter.
    code = ("import sys, spacy\n"
            "assert 'plainlang' not in sys.modules\n"
            "nlp = spacy.blank('en')\n"
            "nlp.add_pipe('plainlang')\n"
            "doc = nlp('Your BP is high.')\n"
            "print([s.label_ for s in doc.spans['plainlang']])\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "['abbreviation']\n"
