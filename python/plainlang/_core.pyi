# Types of the C++ module; see python/_core.cc. Use the plainlang package.
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

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
# (intercept, weights in GRADE_FEATURE_NAMES order, lowest, highest)
_GradeModelTuple = tuple[float, tuple[float, ...], float, float]

def default_grade_model() -> _GradeModelTuple: ...
def fit_grade_model(
    analyzer: Analyzer, texts: list[str], ratings: list[float], ridge: float, grade_scale: bool
) -> _GradeModelTuple: ...

# (kind, text, start, end, start_utf16, end_utf16, term, suggestion,
#  alternatives, definition, expansions, familiarity, severity, source)
_FindingTuple = tuple[
    str, str, int, int, int, int, str, str, tuple[str, ...], str, tuple[str, ...], float, float, str
]
# (start, end, start_utf16, end_utf16, words, grade, jargon_words)
_SentenceTuple = tuple[int, int, int, int, int, float, int]

class Report:
    @property
    def readability(self) -> tuple[float, float, float, float, float, float, float, float, float, float, float]: ...
    @property
    def jargon(self) -> tuple[float, int, int]: ...
    @property
    def counts(self) -> tuple[int, int, int, int, int, int, int, int, int, int]: ...
    @property
    def verdict(self) -> tuple[float, float, bool]: ...
    @property
    def findings(self) -> tuple[_FindingTuple, ...]: ...
    @property
    def sentences(self) -> tuple[_SentenceTuple, ...]: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...
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
    ) -> tuple[list[Report], npt.NDArray[np.float64] | None]: ...
