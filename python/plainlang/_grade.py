"""The health-readability grade's model, and fitting one to your own ratings."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import _core

if TYPE_CHECKING:
    from ._analyzer import Analyzer
    from ._report import Report

#: The model's features, in order (definitions in include/plainlang/grade_model.h).
GRADE_FEATURE_NAMES: tuple[str, ...] = tuple(_core.GRADE_FEATURE_NAMES)


@dataclass(frozen=True)
class GradeModel:
    """A linear model from a report's features to a difficulty score.

    ``predict(report)`` is ``intercept + sum(weights[name] * feature)``,
    clamped to ``lowest..highest``. ``GradeModel.default()`` is the one the
    engine uses for ``readability.health_grade`` unless an Analyzer is given
    another (``Analyzer(grade_model=...)``).

    >>> import plainlang
    >>> model = plainlang.GradeModel.default()
    >>> report = plainlang.analyze("Take one pill a day.")
    >>> round(model.predict(report), 2) == round(report.readability.health_grade, 2)
    True
    """

    intercept: float
    weights: Mapping[str, float] = field(hash=False)
    lowest: float = 0.0
    highest: float = 20.0

    def __post_init__(self) -> None:
        if set(self.weights) != set(GRADE_FEATURE_NAMES):
            missing = sorted(set(GRADE_FEATURE_NAMES) - set(self.weights))
            extra = sorted(set(self.weights) - set(GRADE_FEATURE_NAMES))
            raise ValueError(f"GradeModel weights: missing {missing}, unknown {extra}")
        values = [self.intercept, self.lowest, self.highest, *self.weights.values()]
        if not all(math.isfinite(float(v)) for v in values) or self.lowest > self.highest:
            raise ValueError("GradeModel: numbers must be finite and lowest <= highest")

    @classmethod
    def default(cls) -> GradeModel:
        """The built-in model, fitted to MedReadMe train (see README)."""
        return cls._from_core(_core.default_grade_model())

    @classmethod
    def _from_core(cls, values: tuple[float, tuple[float, ...], float, float]) -> GradeModel:
        intercept, weights, lowest, highest = values
        return cls(intercept, dict(zip(GRADE_FEATURE_NAMES, weights)), lowest, highest)

    def _to_core(self) -> tuple[float, tuple[float, ...], float, float]:
        weights = tuple(float(self.weights[name]) for name in GRADE_FEATURE_NAMES)
        return (float(self.intercept), weights, float(self.lowest), float(self.highest))

    def predict(self, report: Report) -> float:
        """This model's score for an analysed report (NaN for an error report)."""
        if report.error is not None:
            return math.nan
        if report.counts.words == 0:
            return self.lowest
        x = report.grade_features
        y = self.intercept + sum(self.weights[name] * x[name] for name in GRADE_FEATURE_NAMES)
        return min(max(y, self.lowest), self.highest)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for json.dump; ``GradeModel(**d)`` reads it back."""
        return {"intercept": self.intercept, "weights": dict(self.weights),
                "lowest": self.lowest, "highest": self.highest}


def fit_grade_model(
    texts: Iterable[str],
    ratings: Iterable[float],
    *,
    ridge: float = 1.0,
    grade_scale: bool = True,
    analyzer: Analyzer | None = None,
) -> GradeModel:
    """Fits a GradeModel to people's difficulty ratings of texts.

    Ridge regression over the report features (``GRADE_FEATURE_NAMES``), in
    C++ on all cores. Ratings may be on any scale where higher means harder.
    With ``grade_scale`` (default) predictions are rescaled to the mean and
    spread of the consensus grade over the same texts, so the model reads as
    a US school grade and can replace the default; otherwise they stay on the
    ratings' scale.

    Raises:
        ValueError: lengths differ, fewer than 20 texts, a rating is not
            finite, or all ratings are equal.
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
    from ._analyzer import Analyzer

    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"fit_grade_model: text {i} is {type(text).__name__}, not str")
    ratings = [float(r) for r in ratings]
    engine = (analyzer or Analyzer())._core
    return GradeModel._from_core(
        _core.fit_grade_model(engine, texts, ratings, float(ridge), bool(grade_scale)))
