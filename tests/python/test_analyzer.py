"""Analyzer options, lexicon overlays and loading errors."""

from __future__ import annotations

import inspect
import math
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import plainlang
from plainlang import _core


def test_defaults_are_the_engines() -> None:
    parameters = inspect.signature(plainlang.Analyzer).parameters
    for name, value in _core.DEFAULT_OPTIONS.items():
        assert parameters[name].default == value, name
    assert plainlang.Analyzer().options == {
        "lexicon": [], "abbreviations": [], "allow": [], **_core.DEFAULT_OPTIONS,
        "skip_items": (), "grade_model": None,
    }


def test_options_reach_the_engine() -> None:
    text = "Take the pills with food and water each day " * 3 + "."
    default = plainlang.analyze(text)
    strict = plainlang.analyze(text, target_grade=2, max_jargon=0.0, long_sentence_words=10)
    assert [f.kind for f in default.findings] == ["long_sentence"]  # 28 words > 20
    assert strict.verdict.target_grade == 2 and strict.verdict.max_jargon == 0.0
    assert strict.verdict.meets_target is False
    assert plainlang.analyze(text, long_sentence_words=100).findings == ()


def test_jargon_familiarity_changes_what_is_jargon() -> None:
    text = "You had a fever and an infection."
    assert plainlang.analyze(text, jargon_familiarity=1.0).jargon.distinct_terms >= 1
    assert plainlang.analyze(text, jargon_familiarity=0.0).jargon.distinct_terms == 0


@pytest.mark.parametrize(
    "options",
    [
        {"target_grade": 21},
        {"target_grade": -1},
        {"max_jargon": 1.5},
        {"long_sentence_words": 0},
        {"jargon_familiarity": float("nan")},
    ],
)
def test_out_of_range_options_are_value_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        plainlang.Analyzer(**options)


def test_every_option_takes_the_engines_range_ends_and_nothing_beyond() -> None:
    # The ranges come from the engine, which the command line and the HTTP
    # API check against too.
    assert set(_core.OPTION_RANGES) == set(_core.DEFAULT_OPTIONS)
    for name, (low, high) in _core.OPTION_RANGES.items():
        assert low <= _core.DEFAULT_OPTIONS[name] <= high, name
        for end in (low, high):
            option: dict[str, Any] = {name: end}
            assert plainlang.Analyzer(**option).options[name] == end
        step = 1 if isinstance(_core.DEFAULT_OPTIONS[name], int) else 0.5
        for beyond in (low - step, high + step):
            option = {name: beyond}
            with pytest.raises(ValueError, match=f"{name} must be from {low} to {high}"):
                plainlang.Analyzer(**option)


@pytest.mark.parametrize(
    "options", [{"target_grade": "8"}, {"long_sentence_words": 20.5}, {"max_jargon": True}]
)
def test_wrong_types_are_type_errors(options: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        plainlang.Analyzer(**options)  # type: ignore[arg-type]


def test_numpy_numbers_are_numbers() -> None:
    # Typed as float and int; NumPy's numbers are taken too, as pandas hands them out.
    analyzer = plainlang.Analyzer(
        target_grade=np.int64(6),  # type: ignore[arg-type]
        long_sentence_words=np.int32(12),  # type: ignore[arg-type]
    )
    assert analyzer.options["target_grade"] == 6.0 and analyzer.options["long_sentence_words"] == 12


def test_allow_list_and_extra_terms(tmp_path: Path) -> None:
    allow = tmp_path / "allow.tsv"
    allow.write_text("word\nBP\n", encoding="utf-8")
    terms = tmp_path / "terms.tsv"
    terms.write_text(
        "term\tcategory\tplain\tfamiliarity\nzorblax syndrome\tcondition\ta made-up illness\t0.05\n"
    )
    text = "Your BP is fine, but you have zorblax syndrome."
    # "zorblax" is no English word: jargon by the rare-word rule.
    assert [f.text for f in plainlang.analyze(text).findings] == ["BP", "zorblax"]
    analyzer = plainlang.Analyzer(lexicon=str(terms), allow=allow)
    (finding,) = analyzer.analyze(text).findings
    assert (finding.text, finding.kind, finding.suggestion) == (
        "zorblax syndrome", "jargon", "a made-up illness"
    )
    assert analyzer.options["allow"] == [str(allow)]


def test_extra_abbreviations(tmp_path: Path) -> None:
    abbreviations = tmp_path / "abbreviations.tsv"
    abbreviations.write_text("abbreviation\texpansions\tplain\nZQX\tzebra quiz exam\tquiz\n")
    report = plainlang.analyze("Your ZQX is due.", abbreviations=abbreviations)
    assert [(f.text, f.suggestion) for f in report.findings] == [("ZQX", "quiz")]


def test_lexicon_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "terms.tsv"
    bad.write_text("term\tcategory\tfamiliarity\nfever\tsymptom\t0.5\ncough\tsymptom\tvery\n", encoding="utf-8")
    with pytest.raises(plainlang.LexiconError) as caught:
        plainlang.Analyzer(lexicon=bad)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error) == f"{bad}:3: field 'familiarity' must be a number from 0 to 1, got 'very'"
    assert (error.file, error.line) == (str(bad), 3)
    assert error.reason == "field 'familiarity' must be a number from 0 to 1, got 'very'"
    assert type(error).__module__ == "plainlang" and type(error).__name__ == "LexiconError"


def test_missing_table_is_a_lexicon_error() -> None:
    with pytest.raises(plainlang.LexiconError, match=r"^/nonexistent/allow.tsv: cannot open the file$"):
        plainlang.Analyzer(allow="/nonexistent/allow.tsv")


def test_analyze_rejects_what_is_not_text(analyzer: plainlang.Analyzer) -> None:
    with pytest.raises(TypeError, match="expected str or bytes, got None"):
        analyzer.analyze(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one message"):
        analyzer.analyze_many("a single string")


def test_text_types(analyzer: plainlang.Analyzer) -> None:
    expected = analyzer.analyze("Your BP is fine.").to_dict()
    for text in (b"Your BP is fine.", bytearray(b"Your BP is fine."), memoryview(b"Your BP is fine.")):
        assert analyzer.analyze(text).to_dict() == expected


def test_lone_surrogates_are_replaced_not_raised(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze("Rest \udcff well.")
    assert report.counts.words == 2
    assert report.warnings[0].startswith("replaced ")


def test_analyzer_pickles_and_reprs(tmp_path: Path) -> None:
    allow = tmp_path / "allow.tsv"
    allow.write_text("word\nBP\n")
    analyzer = plainlang.Analyzer(allow=allow, target_grade=6)
    assert repr(analyzer) == f"plainlang.Analyzer(allow=[{str(allow)!r}], target_grade=6.0)"
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy.options == analyzer.options
    assert copy.analyze("Your BP is fine.").findings == ()


def test_a_message_over_max_input_bytes_gets_an_error_report_not_an_analysis() -> None:
    analyzer = plainlang.Analyzer(max_input_bytes=100)
    fits, over = analyzer.analyze_many(["Your BP is fine. " * 5, "x" * 101])
    assert fits.error is None and fits.counts.words == 20
    assert over.error == "the message is 101 bytes, over the limit of 100 (max_input_bytes)"
    assert math.isnan(over.readability.health_grade) and over.counts.words == 0
    assert analyzer.analyze("x" * 101).error == over.error
    with pytest.raises(ValueError, match="max_input_bytes"):
        plainlang.Analyzer(max_input_bytes=plainlang._core.MAX_INPUT_BYTES + 1)


def test_communication_options() -> None:
    text = "Take 2 pills daily."
    base = plainlang.analyze(text)
    assert base.communication.items["contact_info"].applies
    fewer = plainlang.Analyzer(skip_items=["contact_info"]).analyze(text)
    assert not fewer.communication.items["contact_info"].applies
    assert fewer.communication.score > base.communication.score
    assert plainlang.Analyzer(min_communication=99).analyze(text).verdict.meets_target is False
    with pytest.raises(ValueError, match="no communication item 'bogus'"):
        plainlang.Analyzer(skip_items=["bogus"])
    with pytest.raises(ValueError, match="min_communication"):
        plainlang.Analyzer(min_communication=101)
