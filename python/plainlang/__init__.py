"""plainlang: how hard a clinician's message is for a patient to read, which
words they will likely not know, and what to write instead.

The engine is C++ (the same one the ``plainlang`` command runs); this package
converts its reports to Python types and pandas frames.

>>> import plainlang
>>> report = plainlang.analyze("Your CBC was unremarkable.")
>>> [(f.text, f.suggestion) for f in report.findings]
[('CBC', 'blood count'), ('unremarkable', 'normal')]
"""

from __future__ import annotations

from ._analyzer import FEATURE_NAMES, PROGRESS_MIN_TEXTS, Analyzer, analyze, score_frame
from ._core import LexiconError
# One number, pyproject.toml's, through CMake's plainlang/version.h.
from ._core import __version__ as __version__
from ._grade import fit_grade_model
from ._report import (
    GRADE_FEATURE_NAMES,
    ChecklistItem,
    Communication,
    CommunicationSpan,
    Counts,
    Finding,
    GradeModel,
    Jargon,
    Readability,
    Report,
    Sentence,
    Verdict,
)

LexiconError.__module__ = "plainlang"
LexiconError.__doc__ = """A lexicon table could not be loaded (a ValueError).

``str(error)`` reads ``"<file>:<line>: <reason>"``; ``file``, ``line``
(1-based, 0 when not about one line) and ``reason`` hold the parts.

>>> import plainlang
>>> try:
...     plainlang.Analyzer(lexicon="/nonexistent/terms.tsv")
... except plainlang.LexiconError as error:
...     print(error.reason)
cannot open the file
"""


__all__ = [
    "FEATURE_NAMES",
    "GRADE_FEATURE_NAMES",
    "GradeModel",
    "PROGRESS_MIN_TEXTS",
    "Analyzer",
    "ChecklistItem",
    "Communication",
    "CommunicationSpan",
    "Counts",
    "Finding",
    "Jargon",
    "LexiconError",
    "Readability",
    "Report",
    "Sentence",
    "Verdict",
    "analyze",
    "fit_grade_model",
    "score_frame",
]
