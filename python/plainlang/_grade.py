"""Fitting the health grade's model to your own ratings (the model itself,
``GradeModel``, is in ``_report``, below the Analyzer that uses it)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from . import _core
from ._analyzer import Analyzer
from ._report import GradeModel


def fit_grade_model(
    texts: Iterable[str],
    ratings: Iterable[float],
    *,
    ridge: float = 1.0,
    grade_scale: bool = True,
    vocabulary_ceiling: float = math.inf,
    knee: float = 20.0,
    analyzer: Analyzer | None = None,
) -> GradeModel:
    """Fits a GradeModel to people's difficulty ratings of texts.

    Ridge regression of the ratings on the report features
    (``GRADE_FEATURE_NAMES``), standardised so that one penalty, ``ridge``,
    treats every feature alike (0 is ordinary least squares); the texts are
    analysed by ``analyzer`` (default ``Analyzer()``) in C++ on all cores.
    Ratings may be on any scale where higher means harder.

    With ``grade_scale`` (default) the fit ``rating = a + b * consensus_grade
    + sum c_k * feature_k`` is turned into grade levels: the model is
    ``consensus_grade + sum (c_k / b) * feature_k`` (intercept 0, the
    consensus grade's weight 1, a negative weight made 0, on the 0..20 scale
    with the given ``vocabulary_ceiling`` and ``knee``), each weight what its
    feature costs in grade levels, so a text without jargon keeps its
    formulas' grade and the model can replace the default. Without it the
    model predicts the ratings themselves (the fit's intercept and weights),
    clamped to the lowest and highest rating given.

    Raises:
        ValueError: lengths differ, fewer than 24 texts (4 per feature), a
            rating is not finite, ``ridge`` is negative or NaN, all ratings
            are equal, or (with ``grade_scale``) the fitted weight of
            ``consensus_grade`` is not positive: the ratings do not rise with
            the consensus grade, so they have no grade scale.
        TypeError: a text is not a str.

    >>> import plainlang
    >>> texts = [f"Take {n} pills." if n % 2 else f"Administer {n} tablets subcutaneously."
    ...          for n in range(40)]
    >>> ratings = [1.0 if n % 2 else 5.0 for n in range(40)]
    >>> model = plainlang.fit_grade_model(texts, ratings)
    >>> hard, easy = plainlang.Analyzer(grade_model=model).analyze_many(texts[:2])
    >>> hard.readability.health_grade > easy.readability.health_grade
    True
    """
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"fit_grade_model: text {i} is {type(text).__name__}, not str")
    ratings = [float(r) for r in ratings]
    engine = (analyzer or Analyzer())._core
    return GradeModel._from_core(
        _core.fit_grade_model(engine, texts, ratings, float(ridge), bool(grade_scale),
                              float(vocabulary_ceiling), float(knee)))
