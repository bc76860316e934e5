"""pandas in, pandas out: the texts of a frame's column in, one row of scores
per text out.

Below ``_analyzer``, which runs the batch between the two: this module never
analyses, so it needs no Analyzer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _core
from ._report import REPORT_FIELDS, Report

if TYPE_CHECKING:
    import numpy.typing as npt

#: score_frame's integer and bool columns, from the report's field
#: registry; the other scores are float64. The bool columns are pandas'
#: nullable "boolean" dtype: <NA> where there is nothing to judge.
INT_COLUMNS = frozenset(f["column"] for f in REPORT_FIELDS if f["type"] == "integer")
BOOL_COLUMNS = frozenset(f["column"] for f in REPORT_FIELDS if f["type"] == "bool")


def texts_of(data: pd.DataFrame | pd.Series, column: str) -> pd.Series:
    """The messages to score: ``data[column]`` of a DataFrame, or the Series.

    Raises:
        KeyError: the DataFrame has no ``column``.
        TypeError: ``data`` is neither a DataFrame nor a Series.

    >>> import pandas as pd
    >>> texts_of(pd.DataFrame({"body": ["Rest."]}, index=[7]), "body").to_dict()
    {7: 'Rest.'}
    """
    if isinstance(data, pd.DataFrame):
        if column not in data.columns:
            raise KeyError(f"no column {column!r} in the DataFrame; pass column=...")
        return data[column]
    if isinstance(data, pd.Series):
        return data
    raise TypeError(f"expected a pandas DataFrame or Series, got {type(data).__name__}")


def scores_frame(
    index: pd.Index,
    raws: list[_core.Report],
    matrix: npt.NDArray[np.float64],
    errors: Sequence[str | None],
    *,
    texts: Sequence[object],
    findings: bool,
    warnings: bool,
) -> pd.DataFrame:
    """A batch's scores as a DataFrame: score_frame's columns, on ``index``.

    ``matrix`` is the batch's feature matrix (one row per text, columns in
    ``FEATURE_NAMES`` order), ``errors`` each text's error (None when it was
    analysed), ``raws`` its reports and ``texts`` the batch's inputs, read
    only for the ``findings`` (their code point offsets) and ``warnings``
    columns.

    >>> import pandas as pd, plainlang
    >>> matrix, _ = plainlang.Analyzer().feature_matrix(["Rest."])
    >>> frame = scores_frame(pd.Index([7]), [], matrix, [None], texts=["Rest."],
    ...                      findings=False, warnings=False)
    >>> int(frame.loc[7, "words"]), str(frame["words"].dtype)
    (1, 'int64')
    """
    columns: dict[str, Any] = {}
    for j, name in enumerate(_core.FEATURE_NAMES):
        values = matrix[:, j]
        if name in INT_COLUMNS:
            values = values.astype(np.int64)
        elif name in BOOL_COLUMNS:
            # pandas' nullable booleans: <NA> where there was nothing to judge.
            values = pd.array([None if np.isnan(v) else bool(v) for v in values], dtype="boolean")
        columns[name] = values
    columns["error"] = _object_column(list(errors), index)
    frame = pd.DataFrame(columns, index=index)
    if findings or warnings:
        reports = [Report(raw, text if isinstance(text, str) else None)
                   for raw, text in zip(raws, texts)]
        if findings:
            frame["findings"] = _object_column([r.findings for r in reports], index)
        if warnings:
            frame["warnings"] = _object_column([r.warnings for r in reports], index)
    return frame


def _object_column(values: list[Any], index: pd.Index) -> pd.Series:
    # Filled item by item, so pandas keeps each tuple whole.
    cells = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        cells[i] = value
    return pd.Series(cells, index=index, dtype=object)
