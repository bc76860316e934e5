"""pandas in, pandas out: one row of scores per row of text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._analyzer import FEATURE_NAMES, Analyzer, _analyzer_for
from ._report import Counts, Report

if TYPE_CHECKING:
    import pandas as pd

#: score_frame's integer columns; the other scores are float64 and
#: meets_target is bool.
INT_COLUMNS = frozenset({"distinct_terms", "jargon_words", *Counts._fields})
BOOL_COLUMNS = frozenset({"meets_target"})


def score_frame(
    data: pd.DataFrame | pd.Series,
    column: str = "text",
    *,
    findings: bool = False,
    warnings: bool = False,
    threads: int = 0,
    progress: bool | None = None,
    analyzer: Analyzer | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Scores every row: a DataFrame with the same index, one column per score.

    Columns, in ``FEATURE_NAMES`` order: the eleven readability scores and
    ``jargon_density`` (float64, unrounded), ``distinct_terms``,
    ``jargon_words`` and the counts (int64), ``meets_target`` (bool); then
    ``findings`` (a tuple of ``Finding`` per row) when ``findings=True`` and
    ``warnings`` (a tuple of str per row) when ``warnings=True``.

    Every input row gives one output row. A row whose text is missing or not
    a string (None, NaN, a number) is NaN in the float columns, 0 in the
    integer ones and False in ``meets_target``; ask for ``warnings=True`` to
    see why ("error: expected str or bytes, got NaN").

    Args:
        data: a DataFrame (its ``column`` is read) or a Series of texts.
        column: the column holding the messages.
        findings: add a ``findings`` column.
        warnings: add a ``warnings`` column.
        threads: worker threads; 0 = every core.
        progress: True shows a tqdm bar, False never, None when the frame has
            ``PROGRESS_MIN_TEXTS`` rows or more and stderr is a terminal.
        analyzer: the Analyzer to use; otherwise one is made from ``options``.
        **options: ``Analyzer`` options (target_grade, lexicon, ...).

    >>> import pandas as pd, plainlang
    >>> df = pd.DataFrame({"text": ["Your BP is fine.", None]}, index=[10, 20])
    >>> scores = plainlang.score_frame(df)
    >>> scores["words"].tolist(), scores["meets_target"].tolist()
    ([4, 0], [False, False])
    """
    import pandas as pd

    if analyzer is None:
        analyzer = _analyzer_for(options)
    elif options:
        raise TypeError("give either an analyzer or Analyzer options, not both")
    if isinstance(data, pd.DataFrame):
        if column not in data.columns:
            raise KeyError(f"no column {column!r} in the DataFrame; pass column=...")
        series = data[column]
    elif isinstance(data, pd.Series):
        series = data
    else:
        raise TypeError(f"expected a pandas DataFrame or Series, got {type(data).__name__}")

    raws, matrix = analyzer._batch(
        series.tolist(),
        threads,
        progress,
        keep_reports=findings or warnings,
        features=True,
    )
    columns: dict[str, Any] = {}
    for j, name in enumerate(FEATURE_NAMES):
        values = matrix[:, j]
        if name in INT_COLUMNS:
            values = values.astype(np.int64)
        elif name in BOOL_COLUMNS:
            values = values != 0.0
        columns[name] = values
    frame = pd.DataFrame(columns, index=series.index)
    if findings or warnings:
        reports = [Report(raw) for raw in raws]
        if findings:
            frame["findings"] = _object_column([r.findings for r in reports], series.index)
        if warnings:
            frame["warnings"] = _object_column([r.warnings for r in reports], series.index)
    return frame


def _object_column(values: list[Any], index: pd.Index) -> pd.Series:
    import pandas as pd

    # Filled item by item, so pandas keeps each tuple whole.
    cells = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        cells[i] = value
    return pd.Series(cells, index=index, dtype=object)
