"""score_frame: one row per input row, same index, typed columns."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import plainlang
from plainlang._frame import BOOL_COLUMNS, INT_COLUMNS

FIELD_TYPES = {f["column"]: f["type"] for f in plainlang._report.REPORT_FIELDS}
TEXTS = ["Your BP is fine.", None, "Your CBC was unremarkable.", float("nan"), "", "Rest."]


def expected_dtypes() -> dict[str, np.dtype[np.generic]]:
    types = {
        name: np.dtype(np.int64 if name in INT_COLUMNS else np.float64)
        for name in plainlang.FEATURE_NAMES
    }
    return {**types, **{name: pd.BooleanDtype() for name in BOOL_COLUMNS}, "error": np.dtype(object)}


def test_index_rows_and_dtypes() -> None:
    index = pd.Index(["b", "a", "a", "z", "y", "x"], name="letter_id")
    df = pd.DataFrame({"body": TEXTS, "other": range(6)}, index=index)
    scores = plainlang.score_frame(df, column="body")
    assert scores.index.equals(df.index) and scores.index.name == "letter_id"
    assert list(scores.columns) == [*plainlang.FEATURE_NAMES, "error"]
    assert scores.dtypes.to_dict() == expected_dtypes()
    assert scores["words"].tolist() == [4, 0, 4, 0, 0, 1]
    # pandas may store the missing value as None or as NaN, as its dtype has it.
    errors = scores["error"].tolist()
    assert errors[1] in ("expected str or bytes, got None", "expected str or bytes, got NaN")
    assert errors[:1] + errors[2:] == [None, None, "expected str or bytes, got NaN", None, None]
    # The error rows are the ones to leave out of an average.
    analysed = scores["error"].isna()
    assert scores.loc[analysed, "meets_target"].tolist() == [False, False, pd.NA, True]
    assert scores["distinct_terms"].tolist() == [1, 0, 2, 0, 0, 0]
    # Nothing to judge (an error, or no text): <NA>, never a pass.
    assert scores["meets_target"].tolist() == [False, pd.NA, False, pd.NA, pd.NA, True]
    assert scores["meets_target"].fillna(False).mean() == 1 / 6
    assert scores["consensus_grade"].isna().tolist() == [False, True, False, True, False, False]


def test_values_are_the_reports(analyzer: plainlang.Analyzer) -> None:
    df = pd.DataFrame({"text": TEXTS})
    scores = analyzer.score_frame(df)
    for (_, row), report in zip(scores.iterrows(), analyzer.analyze_many(TEXTS)):
        assert row["smog"] == report.readability.smog or math.isnan(report.readability.smog)
        assert row["jargon_density"] == report.jargon.density or math.isnan(report.jargon.density)
        assert row["syllables"] == report.counts.syllables


def test_report_scores_are_a_row_of_the_frame(analyzer: plainlang.Analyzer) -> None:
    df = pd.DataFrame({"text": TEXTS})
    scores = analyzer.score_frame(df)
    # The frame's own cells: pandas may hold None as NaN.
    for (_, row), report in zip(scores.iterrows(), analyzer.analyze_many(df["text"].tolist())):
        values = report.scores()
        assert list(values) == list(scores.columns)
        for name, value in values.items():
            cell = row[name]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                assert pd.isna(cell), name
            else:
                assert type(value) is {"integer": int, "number": float, "bool": bool}.get(
                    FIELD_TYPES.get(name, ""), str), name
                assert value == cell, name
    first = analyzer.analyze("Your BP is fine.").scores()
    assert (first["words"], first["distinct_terms"], first["meets_target"]) == (4, 1, False)
    assert (first["contact_info"], first["safety_net"], first["error"]) == (False, None, None)


def test_findings_and_warnings_columns() -> None:
    scores = plainlang.score_frame(
        pd.DataFrame({"text": TEXTS}, index=range(100, 106)), findings=True, warnings=True
    )
    assert list(scores.columns[-3:]) == ["error", "findings", "warnings"]
    assert [f.text for f in scores.loc[102, "findings"]] == ["CBC", "unremarkable"]
    assert scores.loc[101, "findings"] == ()
    # An error is its own column, not a warning.
    assert scores.loc[101, "warnings"] == ()
    assert scores.loc[103, "error"] == "expected str or bytes, got NaN"
    assert scores.loc[100, "error"] is None


def test_series_and_string_dtype() -> None:
    series = pd.Series(["Rest.", None, "Drink water."], index=[5, 6, 7], dtype="string")
    scores = plainlang.score_frame(series)
    assert scores.index.tolist() == [5, 6, 7]
    assert scores["words"].tolist() == [1, 0, 2]
    assert scores.dtypes.to_dict() == expected_dtypes()


def test_empty_frame_keeps_the_schema() -> None:
    scores = plainlang.score_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert len(scores) == 0
    assert scores.dtypes.to_dict() == expected_dtypes()


def test_options_and_mistakes() -> None:
    df = pd.DataFrame({"text": ["Take the pills with food and water."]})
    assert not plainlang.score_frame(df, target_grade=0)["meets_target"].iloc[0]
    with pytest.raises(KeyError, match="no column 'message'"):
        plainlang.score_frame(df, column="message")
    with pytest.raises(TypeError, match="DataFrame or Series"):
        plainlang.score_frame(["Rest."])
    with pytest.raises(TypeError, match="not both"):
        plainlang.score_frame(df, analyzer=plainlang.Analyzer(), target_grade=3)


def test_every_count_is_an_integer_column() -> None:
    # INT_COLUMNS comes from the field registry; every count must be in it.
    assert set(plainlang.Counts._fields) <= INT_COLUMNS
    assert {"distinct_terms", "jargon_words"} <= INT_COLUMNS
