"""The analyser: options and lexicon loaded once, then one message or many;
and the one-call forms, ``analyze`` and ``score_frame``."""

from __future__ import annotations

import functools
import math
import numbers
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Union

from tqdm import tqdm

from . import _core, _frame
from ._report import GradeModel, Report

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

#: What ``lexicon``, ``abbreviations`` and ``allow`` accept: one path or several.
Paths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]], None]
#: A message: str (analysed as its UTF-8) or bytes-like. In a batch, any
#: other item (None, NaN, a number) gives a report with ``error`` set.
Text = Union[str, bytes, bytearray, memoryview]

#: Batches of at least this many texts show a progress bar when stderr is a
#: terminal (``progress=None``).
PROGRESS_MIN_TEXTS = 5000

#: The names of ``feature_matrix``'s columns (and ``score_frame``'s scores).
FEATURE_NAMES: tuple[str, ...] = _core.FEATURE_NAMES

_DEFAULTS: dict[str, float] = _core.DEFAULT_OPTIONS

# Accepted ranges, both ends included: the engine's, which the command line
# and the HTTP API use too for the options they take.
_RANGES: dict[str, tuple[float, float]] = _core.OPTION_RANGES


def _paths(value: Paths, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        value = [value]
    paths = []
    for path in value:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"{name}: expected a path or a list of paths, got {type(path).__name__}")
        paths.append(os.fspath(path))
    return paths


def _checked(name: str, value: float) -> float:
    low, high = _RANGES[name]
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if isinstance(_DEFAULTS[name], int):  # long_sentence_words, max_input_bytes
        if not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an int, got {value!r}")
        value = int(value)
    else:
        value = float(value)
    if not (low <= value <= high) or math.isnan(value):
        raise ValueError(f"{name} must be from {low} to {high}, got {value!r}")
    return value


def _threads(threads: int) -> int:
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        raise ValueError(f"threads must be 0 (every core) or a positive int, got {threads!r}")
    return threads


def _progress_bar(total: int, progress: bool | None) -> Any:
    """A tqdm bar for a batch of ``total`` texts, or None for no bar."""
    show = progress if progress is not None else total >= PROGRESS_MIN_TEXTS and _stderr_is_terminal()
    if not show:
        return None
    return tqdm(total=total, unit="text", desc="plainlang", smoothing=0.1)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Analyzer:
    """Options and lexicon, loaded once; analyses one message or many.

    An Analyzer is immutable and safe to share between threads; analysis
    runs in C++ without the GIL, and batches use every core.

    Args:
        lexicon: path(s) of extra terms, TSV with a header row (format in
            data/README.md), added on top of the embedded default lexicon.
        abbreviations: path(s) of extra abbreviations, TSV.
        allow: path(s) of words your patients know, never flagged (plain
            text, one word per line; see data/README.md).
        target_grade: the verdict's highest acceptable health grade (0..20).
        max_jargon: the verdict's highest acceptable jargon density (0..1).
        long_sentence_words: sentences with more words are findings (1..1000).
        jargon_familiarity: lexicon terms less familiar than this (0..1) are
            jargon.
        complex_word_zipf: unknown words rarer than this Zipf frequency with
            3+ syllables are complex words.
        max_input_bytes: a longer message gets an error report (``error``
            set) instead of an analysis; at most ``MAX_INPUT_BYTES`` (1 GiB).
        min_communication: the verdict's lowest acceptable communication
            score (0..100); 0, the default, leaves it out of the verdict.
        skip_items: names of communication items not to judge
            (``Report.communication.items``); each then does not apply.
        grade_model: the model behind ``readability.health_grade``
            (``fit_grade_model``); None is ``GradeModel.default()``.

    Raises:
        LexiconError: a table cannot be read; the message names file and line.
        ValueError, TypeError: an option is out of range or of the wrong type.

    >>> import plainlang
    >>> analyzer = plainlang.Analyzer(target_grade=6)
    >>> [r.counts.words for r in analyzer.analyze_many(["Rest.", None, "Drink water."])]
    [1, 0, 2]
    """

    def __init__(
        self,
        lexicon: Paths = None,
        abbreviations: Paths = None,
        allow: Paths = None,
        target_grade: float = 8,
        max_jargon: float = 0.05,
        long_sentence_words: int = 20,
        jargon_familiarity: float = 0.5,
        complex_word_zipf: float = 3.0,
        max_input_bytes: int = 256 << 20,
        min_communication: float = 0.0,
        skip_items: Iterable[str] = (),
        grade_model: GradeModel | None = None,
    ) -> None:
        if grade_model is not None and not isinstance(grade_model, GradeModel):
            raise TypeError(f"grade_model must be a plainlang.GradeModel, not {type(grade_model).__name__}")
        self._grade_model = grade_model
        self._tables = {
            "lexicon": _paths(lexicon, "lexicon"),
            "abbreviations": _paths(abbreviations, "abbreviations"),
            "allow": _paths(allow, "allow"),
        }
        self._options: dict[str, Any] = {
            "target_grade": _checked("target_grade", target_grade),
            "max_jargon": _checked("max_jargon", max_jargon),
            "long_sentence_words": _checked("long_sentence_words", long_sentence_words),
            "jargon_familiarity": _checked("jargon_familiarity", jargon_familiarity),
            "complex_word_zipf": _checked("complex_word_zipf", complex_word_zipf),
            "max_input_bytes": _checked("max_input_bytes", max_input_bytes),
            "min_communication": _checked("min_communication", min_communication),
        }
        if isinstance(skip_items, str):
            raise TypeError("skip_items must be a list of item names, not one string")
        self._skip_items = tuple(skip_items)
        self._core = _core.Analyzer(
            terms=self._tables["lexicon"],
            abbreviations=self._tables["abbreviations"],
            allow=self._tables["allow"],
            **self._options,
            skip_items=list(self._skip_items),
            grade_model=None if grade_model is None else grade_model._to_core(),
        )

    @property
    def options(self) -> dict[str, Any]:
        """The options in force, with the table paths (a copy).

        >>> import plainlang
        >>> plainlang.Analyzer(max_jargon=0.1).options["max_jargon"]
        0.1
        """
        return {**self._tables, **self._options, "skip_items": self._skip_items,
                "grade_model": self._grade_model}

    def analyze(self, text: Text) -> Report:
        """The report on one message. Never fails for any str or bytes.

        A ``str`` is analysed as its UTF-8 encoding, so ``start``/``end``
        are UTF-8 byte offsets and ``start_char``/``end_char`` code point
        offsets into the str; ``bytes`` are analysed as given (invalid UTF-8
        is replaced with U+FFFD and reported in ``warnings``) and have no
        code point offsets (None).

        Raises:
            TypeError: ``text`` is neither str nor bytes.

        >>> import plainlang
        >>> plainlang.Analyzer().analyze(b"Your BP is fine.").findings[0].text
        'BP'
        """
        return Report(self._core.analyze(text), text if isinstance(text, str) else None)

    def analyze_many(
        self,
        texts: Iterable[object],
        threads: int = 0,
        progress: bool | None = None,
    ) -> list[Report]:
        """Reports for many messages, in input order, using every core.

        Never raises on account of an item: ``None``, NaN or any other item
        that is neither str nor bytes gets a report with ``error`` set
        (NaN scores, zero counts, see ``Report``). Invalid UTF-8 in bytes is
        not an error: it is replaced and reported in ``warnings``.

        Args:
            texts: any iterable of messages.
            threads: worker threads; 0 = every core this process may use.
            progress: True shows a tqdm bar, False never; None shows one for
                batches of ``PROGRESS_MIN_TEXTS`` or more when stderr is a
                terminal. Ctrl-C stops the batch (KeyboardInterrupt).

        >>> import plainlang
        >>> reports = plainlang.Analyzer().analyze_many(["Your BP is fine.", None])
        >>> reports[1].error
        'expected str or bytes, got None'
        """
        items = _listed(texts)
        raws, _, _ = self._batch(items, threads, progress, keep_reports=True, features=False)
        return [Report(raw, item if isinstance(item, str) else None)
                for raw, item in zip(raws, items)]

    def feature_matrix(
        self,
        texts: Iterable[object],
        threads: int = 0,
        progress: bool | None = None,
    ) -> tuple[npt.NDArray[np.float64], list[str]]:
        """The numeric scores of many messages as a float64 matrix.

        One row per text in input order, one column per name returned
        (``FEATURE_NAMES``): the readability scores, jargon_density,
        distinct_terms, jargon_words, the counts, and meets_target as 1.0 or
        0.0 (NaN when there is nothing to judge). Values are unrounded. A
        row for an item that is not text is NaN in the scores and
        meets_target and 0 in the counts. The matrix is built in C++ and
        handed to NumPy without a copy.

        >>> import plainlang
        >>> matrix, names = plainlang.Analyzer().feature_matrix(["Rest.", "Drink water."])
        >>> matrix.shape, float(matrix[1, names.index("words")])
        ((2, 37), 2.0)
        """
        _, matrix, _ = self._batch(texts, threads, progress, keep_reports=False, features=True)
        return matrix, list(FEATURE_NAMES)

    def score_frame(
        self,
        data: pd.DataFrame | pd.Series,
        column: str = "text",
        *,
        findings: bool = False,
        warnings: bool = False,
        threads: int = 0,
        progress: bool | None = None,
    ) -> pd.DataFrame:
        """Scores every row of a DataFrame column (or a Series): see
        ``plainlang.score_frame``.

        >>> import pandas as pd, plainlang
        >>> frame = plainlang.Analyzer().score_frame(pd.DataFrame({"text": ["Rest."]}))
        >>> int(frame.loc[0, "words"])
        1
        """
        series = _frame.texts_of(data, column)
        texts = series.tolist()
        raws, matrix, errors = self._batch(
            texts,
            threads,
            progress,
            keep_reports=findings or warnings,
            features=True,
        )
        return _frame.scores_frame(
            series.index, raws, matrix, errors, texts=texts, findings=findings, warnings=warnings
        )

    def _batch(
        self,
        texts: Iterable[object],
        threads: int,
        progress: bool | None,
        *,
        keep_reports: bool,
        features: bool,
    ) -> tuple[list[_core.Report], Any, tuple[str | None, ...]]:
        texts = _listed(texts)
        bar = _progress_bar(len(texts), progress)
        if bar is None:
            return self._core.analyze_batch(texts, _threads(threads), None, keep_reports, features)
        with bar:
            update: Callable[[int], None] = lambda done: bar.update(done - bar.n)
            return self._core.analyze_batch(texts, _threads(threads), update, keep_reports, features)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its arguments (the tables are read again from disk).
        return (_rebuild, (self.options,))

    def __repr__(self) -> str:
        changed = [f"{k}={v!r}" for k, v in self._tables.items() if v]
        changed += [f"{k}={v!r}" for k, v in self._options.items() if v != _DEFAULTS[k]]
        if self._skip_items:
            changed.append(f"skip_items={list(self._skip_items)!r}")
        if self._grade_model is not None:
            changed.append("grade_model=GradeModel(...)")
        return f"plainlang.Analyzer({', '.join(changed)})"


def _listed(texts: Iterable[object]) -> Sequence[object]:
    """A batch's messages as a list or tuple, read once."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be an iterable of messages, not one message")
    if not isinstance(texts, (list, tuple)):
        texts = list(texts)
    return texts


def _rebuild(options: dict[str, Any]) -> Analyzer:
    return Analyzer(**options)


@functools.cache
def _default_analyzer() -> Analyzer:
    return Analyzer()


def _analyzer_for(options: dict[str, Any]) -> Analyzer:
    """The shared default Analyzer, or a new one for other options."""
    return Analyzer(**options) if options else _default_analyzer()


def analyze(text: Text, **options: Any) -> Report:
    """The report on one message; ``options`` are ``Analyzer``'s.

    For many messages, or the same options again and again, make one
    ``Analyzer`` (a lexicon file is read each time one is made).

    >>> import plainlang
    >>> plainlang.analyze("Your CBC was unremarkable.").findings[0].text
    'CBC'
    """
    return _analyzer_for(options).analyze(text)


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
    ``jargon_words`` and the counts (int64), ``meets_target`` (pandas'
    nullable "boolean": <NA> when there is nothing to judge);
    ``error`` (None, or why the row was not analysed); then ``findings`` (a
    tuple of ``Finding`` per row) when ``findings=True`` and ``warnings`` (a
    tuple of str per row) when ``warnings=True``.

    Every input row gives one output row. A row whose text is missing or not
    a string (None, NaN, a number) is NaN in the float columns, 0 in the
    integer ones, <NA> in ``meets_target``, and says why in ``error``
    ("expected str or bytes, got NaN"): filter on ``error.isna()`` before
    averaging.

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
    >>> df = pd.DataFrame({"text": ["Your BP is fine.", 42]}, index=[10, 20])
    >>> scores = plainlang.score_frame(df)
    >>> scores["words"].tolist(), scores["meets_target"].tolist(), scores["error"].tolist()
    ([4, 0], [False, <NA>], [None, 'expected str or bytes, got int'])
    """
    if analyzer is None:
        analyzer = _analyzer_for(options)
    elif options:
        raise TypeError("give either an analyzer or Analyzer options, not both")
    return analyzer.score_frame(
        data,
        column,
        findings=findings,
        warnings=warnings,
        threads=threads,
        progress=progress,
    )
