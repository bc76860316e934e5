# Types of the C++ module; see python/_core.cc. Use the plainlang package.
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

__version__: str
FEATURE_NAMES: tuple[str, ...]
DEFAULT_OPTIONS: dict[str, float]

class LexiconError(ValueError):
    file: str
    line: int
    reason: str

def cores() -> int: ...

GRADE_FEATURE_NAMES: tuple[str, ...]
MAX_INPUT_BYTES: int
OPTION_RANGES: dict[str, tuple[float, float]]
# (intercept, weights in GRADE_FEATURE_NAMES order, lowest, highest,
#  vocabulary_ceiling, knee)
_GradeModelTuple = tuple[float, tuple[float, ...], float, float, float, float]

def default_grade_model() -> _GradeModelTuple: ...
def fit_grade_model(
    analyzer: Analyzer,
    texts: list[str],
    ratings: list[float],
    ridge: float,
    grade_scale: bool,
    vocabulary_ceiling: float,
    knee: float,
) -> _GradeModelTuple: ...
def predict_grade(model: _GradeModelTuple, report: Report) -> float: ...

# One dict per report field (ReportFields in include/plainlang/report.h):
# group, name, column, type ("number", "integer" or "bool"), low, high,
# decimals, feature, doc.
REPORT_FIELDS: tuple[dict[str, Any], ...]

# (start, end) byte offsets into text's UTF-8 as code point offsets into
# text; a bound inside a character widens the span to the whole character.
def code_point_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]: ...

class Report:
    # The fields of one group ("readability", "jargon", "counts", "verdict")
    # by name.
    def group(self, group: str) -> dict[str, Any]: ...
    # Each finding and sentence as a dict keyed by its fields' names.
    @property
    def findings(self) -> tuple[dict[str, Any], ...]: ...
    @property
    def sentences(self) -> tuple[dict[str, Any], ...]: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...
    @property
    def error(self) -> str | None: ...
    # Each communication item by name: applies, meets, evidence (span dicts).
    @property
    def checklist(self) -> dict[str, dict[str, Any]]: ...
    @property
    def grade_features(self) -> tuple[float, ...]: ...
    def to_json(self, source: str = "") -> str: ...

class Analyzer:
    def __init__(
        self,
        terms: list[str],
        abbreviations: list[str],
        allow: list[str],
        target_grade: float,
        max_jargon: float,
        long_sentence_words: int,
        jargon_familiarity: float,
        complex_word_zipf: float,
        max_input_bytes: int,
        min_communication: float,
        skip_items: list[str],
        grade_model: _GradeModelTuple | None,
    ) -> None: ...
    def analyze(self, text: str | bytes | bytearray | memoryview) -> Report: ...
    def analyze_batch(
        self,
        texts: Iterable[object],
        threads: int,
        progress: Callable[[int], Any] | None,
        keep_reports: bool,
        features: bool,
    ) -> tuple[list[Report], npt.NDArray[np.float64] | None, tuple[str | None, ...]]: ...
