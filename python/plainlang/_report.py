"""The report on one message (scores, findings, sentences and warnings) and
the model behind its health grade.

Every value is the engine's own (docs/report.md explains each one). Attributes
hold full precision; ``to_dict()`` and ``to_json()`` are the command line's
JSON, rounded as it prints them (two decimals, density four).

The package's bottom layer: it imports only ``_core`` and the standard
library, so every other module can import it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from . import _core

#: The report's scalar fields as the engine's registry describes them
#: (``ReportFields`` in include/plainlang/report.h): a dict per field with
#: group, name, column, type, low, high, decimals, feature and doc.
REPORT_FIELDS: tuple[dict[str, Any], ...] = _core.REPORT_FIELDS

#: The grade model's features, in order (definitions in include/plainlang/grade_model.h).
GRADE_FEATURE_NAMES: tuple[str, ...] = tuple(_core.GRADE_FEATURE_NAMES)


class Readability(NamedTuple):
    """Readability scores; formulas and constants in include/plainlang/readability.h.

    Grades are US school grades clamped to 0..20; ``flesch_reading_ease``
    and ``lix`` are 0..100. ``consensus_grade`` is the median of the seven
    grade-level scores. NaN in a report for an input that was not text.

    >>> import plainlang
    >>> round(plainlang.analyze("We will call you soon.").readability.consensus_grade, 2)
    1.5
    """

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog: float
    gunning_fog: float
    coleman_liau: float
    ari: float
    forcast: float
    linsear_write: float
    lix: float
    consensus_grade: float
    health_grade: float


class Jargon(NamedTuple):
    """How much of the message is jargon a patient will likely not know.

    ``density`` is the share of words (0..1, not percent) inside jargon and
    unexplained-abbreviation findings, each weighted by ``1 - familiarity``;
    ``distinct_terms`` counts distinct terms flagged and ``jargon_words`` the
    words inside those findings, unweighted.

    >>> import plainlang
    >>> plainlang.analyze("Your BP is fine.").jargon.distinct_terms
    1
    """

    density: float
    distinct_terms: int
    jargon_words: int


class Counts(NamedTuple):
    """What the readability formulas count, over word tokens.

    A number is one word of one syllable; ``characters`` are letters and
    digits in words, ``letters`` letters only; ``complex_words`` are Gunning
    Fog's (3+ syllables not counting -ed/-es/-ing, not names); ``long_words``
    have more than 6 letters; ``numbers`` are words without a letter.

    >>> import plainlang
    >>> plainlang.analyze("Take one pill. Rest.").counts.sentences
    2
    """

    words: int
    sentences: int
    syllables: int
    polysyllabic_words: int
    monosyllabic_words: int
    characters: int
    letters: int
    complex_words: int
    long_words: int
    numbers: int


class Verdict(NamedTuple):
    """Whether the message meets its targets.

    ``meets_target`` is ``health_grade <= target_grade`` and
    ``density <= max_jargon``; None when there is nothing to judge (no
    words, or an ``error``), which a gate should treat as not meeting.

    >>> import plainlang
    >>> plainlang.analyze("Your CBC was unremarkable.").verdict.meets_target
    False
    >>> print(plainlang.analyze("   ").verdict.meets_target)
    None
    """

    target_grade: float
    max_jargon: float
    meets_target: bool | None


class CommunicationSpan(NamedTuple):
    """Words behind a communication item's verdict (a passive clause, an
    unexplained number, a misleading result word, a stigmatizing word), with
    offsets as a ``Finding``'s and what to write instead where there is a
    rewrite.

    >>> import plainlang
    >>> text = "Señora García, your strep test was negative."
    >>> span = plainlang.analyze(text).communication.items["unambiguous_results"].evidence[0]
    >>> text[span.start_char:span.end_char], span.suggestion
    ('negative', 'normal')
    """

    start: int
    end: int
    start_utf16: int
    end_utf16: int
    suggestion: str
    start_char: int | None = None
    end_char: int | None = None


class ChecklistItem(NamedTuple):
    """One communication item: whether it applies to the message, whether
    the message meets it, and the spans that fail it."""

    applies: bool
    meets: bool
    evidence: tuple[CommunicationSpan, ...]


class Communication(NamedTuple):
    """The communication checklist (docs/report.md defines each item).

    ``score`` is the share of the items that apply which the message meets,
    0..100 (NaN when none applies); ``items`` maps each item's name to its
    ``ChecklistItem``.

    >>> import plainlang
    >>> c = plainlang.analyze("Your test was normal. Call us at 555-0123 with questions.").communication
    >>> c.items["contact_info"].meets
    True
    """

    score: float
    items: dict[str, ChecklistItem]


class Finding(NamedTuple):
    """A span to rewrite: a jargon term, an abbreviation, a complex word or a
    long sentence.

    ``start``/``end`` are byte offsets into the input as UTF-8 (for a ``str``,
    ``text.encode()[start:end]``), as in the JSON and the HTTP API;
    ``start_utf16``/``end_utf16`` are UTF-16 code units, for a browser;
    ``start_char``/``end_char`` are code point offsets into the input when it
    was a ``str`` (``text[start_char:end_char]``, and spaCy's
    ``Doc.char_span``), None when it was bytes. ``suggestion`` is the plain
    wording to write instead (may be empty); ``familiarity`` is 0 (nobody
    knows it) .. 1; ``severity`` 0..1, fix the highest first.

    >>> import plainlang
    >>> text = "Dear José, your BP is fine."
    >>> finding = plainlang.analyze(text).findings[0]
    >>> finding.kind, text[finding.start_char:finding.end_char], finding.start_char, finding.start
    ('abbreviation', 'BP', 16, 17)
    """

    kind: str
    text: str
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    term: str
    suggestion: str
    alternatives: tuple[str, ...]
    definition: str
    expansions: tuple[str, ...]
    familiarity: float
    severity: float
    source: str
    start_char: int | None = None
    end_char: int | None = None

    def __repr__(self) -> str:
        return (
            f"Finding(kind={self.kind!r}, text={self.text!r}, start={self.start}, "
            f"end={self.end}, suggestion={self.suggestion!r}, severity={self.severity:.2f})"
        )


class Sentence(NamedTuple):
    """One sentence: its span (bytes, UTF-16 code units and, for a ``str``,
    code points, as for a ``Finding``), its words, its health grade (0..20, by the model that
    grades the message; NaN for a greeting or signature beside a sentence,
    which counts with it), the words inside jargon findings and its jargon
    density.

    >>> import plainlang
    >>> plainlang.analyze("Rest. Drink water.").sentences[1].words
    2
    """

    start: int
    end: int
    start_utf16: int
    end_utf16: int
    words: int
    grade: float
    jargon_words: int
    jargon_density: float
    start_char: int | None = None
    end_char: int | None = None


class Report:
    """The engine's report on one message.

    Attributes are computed on first use from the C++ report, so a list of
    thousands of reports costs little until it is read. A report for an input
    that was not text (``None``, a number) has ``error`` set: its readability
    scores and jargon density are NaN, its counts 0, ``meets_target`` None,
    and it has no findings or sentences.

    ``text`` is the ``str`` that was analysed, for the code point offsets
    (``start_char``, ``end_char``) of findings, sentences and evidence spans;
    None when the input was bytes, and then those offsets are None.

    >>> import plainlang
    >>> report = plainlang.analyze("Your CBC was unremarkable.")
    >>> report.findings[0].suggestion
    'blood count'
    >>> report.to_dict()["jargon"]["distinct_terms"]
    2
    """

    def __init__(self, raw: _core.Report, text: str | None = None) -> None:
        self._raw: _core.Report | None = raw
        self._text = text
        self._json: str | None = None

    @cached_property
    def readability(self) -> Readability:
        """The readability scores."""
        return Readability(**self._core().group("readability"))

    @cached_property
    def jargon(self) -> Jargon:
        """Jargon density and counts."""
        return Jargon(**self._core().group("jargon"))

    @cached_property
    def counts(self) -> Counts:
        """Word, sentence, syllable and letter counts."""
        return Counts(**self._core().group("counts"))

    @cached_property
    def verdict(self) -> Verdict:
        """The targets and whether the message meets them."""
        return Verdict(**self._core().group("verdict"))

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """What to rewrite, ordered by start offset."""
        raw = self._core().findings
        chars = _char_spans(self._text, raw)
        return tuple(Finding(**f, start_char=a, end_char=b) for f, (a, b) in zip(raw, chars))

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences, in text order."""
        raw = self._core().sentences
        chars = _char_spans(self._text, raw)
        return tuple(Sentence(**s, start_char=a, end_char=b) for s, (a, b) in zip(raw, chars))

    @cached_property
    def warnings(self) -> tuple[str, ...]:
        """Degenerate input, replaced bytes or clamped scores."""
        return self._core().warnings

    @cached_property
    def grade_features(self) -> dict[str, float]:
        """The health grade model's inputs (``GRADE_FEATURE_NAMES``)."""
        return dict(zip(GRADE_FEATURE_NAMES, self._core().grade_features))

    @cached_property
    def communication(self) -> Communication:
        """The communication checklist and its score."""
        raw = self._core()
        checklist = raw.checklist
        # Every item's spans in one pass over the text, handed out in order.
        chars = iter(_char_spans(
            self._text, [span for item in checklist.values() for span in item["evidence"]]))
        items = {
            name: ChecklistItem(item["applies"], item["meets"], tuple(
                CommunicationSpan(**span, start_char=a, end_char=b)
                for span, (a, b) in zip(item["evidence"], chars)))
            for name, item in checklist.items()
        }
        return Communication(raw.group("communication")["score"], items)

    @cached_property
    def error(self) -> str | None:
        """Why the input was not analysed, or None when it was."""
        return self._core().error

    def scores(self) -> dict[str, Any]:
        """The report's scalar fields by ``score_frame``'s column names, in its
        order (``FEATURE_NAMES``, then ``error``), unrounded: float scores,
        int counts, ``meets_target`` and each checklist item as bool or None
        (nothing to judge, or the item does not apply). Plain values, so the
        dict serialises as it is (spaCy's ``doc._.plainlang``, a Spark row).

        >>> import plainlang
        >>> scores = plainlang.analyze("Your BP is fine.").scores()
        >>> scores["words"], scores["meets_target"], scores["safety_net"], scores["error"]
        (4, False, None, None)
        """
        communication = self.communication
        groups: dict[str, Mapping[str, Any]] = {
            "readability": self.readability._asdict(),
            "jargon": self.jargon._asdict(),
            "counts": self.counts._asdict(),
            "verdict": self.verdict._asdict(),
            "communication": {"score": communication.score},
            "checklist": {name: item.meets if item.applies else None
                          for name, item in communication.items.items()},
        }
        values = {f["column"]: groups[f["group"]][f["name"]] for f in REPORT_FIELDS if f["feature"]}
        values["error"] = self.error
        return values

    def to_json(self, source: str | None = None) -> str:
        """The command line's JSON for this report, on one line.

        ``source``, when given, is added first as ``"source"``, as the
        command line does for a named file.

        >>> import plainlang
        >>> plainlang.analyze("Rest.").to_json()[:28]
        '{"error":null,"readability":'
        """
        if self._raw is not None:
            return self._raw.to_json(source or "")
        assert self._json is not None
        if not source:
            return self._json
        return '{"source":' + json.dumps(source, ensure_ascii=False) + "," + self._json[1:]

    def to_dict(self, source: str | None = None) -> dict[str, Any]:
        """The command line's JSON report as a dict (rounded as printed).

        >>> import plainlang
        >>> plainlang.analyze("Your BP is fine.").to_dict()["findings"][0]["term"]
        'BP'
        """
        result: dict[str, Any] = json.loads(self.to_json(source))
        return result

    def _core(self) -> _core.Report:
        assert self._raw is not None, "an unpickled report holds every field already"
        return self._raw

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.readability,
            self.jargon,
            self.counts,
            self.verdict,
            self.findings,
            self.sentences,
            self.warnings,
            self.communication,
            self.error,
        )

    # Pickled as plain values and the JSON, without the C++ report.
    def __getstate__(self) -> dict[str, Any]:
        names = ("readability", "jargon", "counts", "verdict", "findings", "sentences", "warnings",
                 "communication", "error")
        state = dict(zip(names, self._fields()))
        state["_json"] = self.to_json()
        state["_raw"] = None
        state["_text"] = None  # every offset is computed; the message stays out of the pickle
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return _same(self._fields(), other._fields())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        error = self.error
        if error is not None:
            return f"<plainlang.Report error: {error}>"
        r, j, c, v = self.readability, self.jargon, self.counts, self.verdict
        grade = "20+" if r.health_grade >= 19.95 else f"{r.health_grade:.1f}"
        return (
            f"<plainlang.Report health grade {grade} (target {v.target_grade:g}), "
            f"jargon {j.density * 100:.1f}% (max {v.max_jargon * 100:g}%), "
            f"{c.words} words in {c.sentences} sentences, {len(self.findings)} findings: "
            f"{_VERDICTS[v.meets_target]}>"
        )


#: What a GradeModel crosses into the engine as: (intercept, weights in
#: GRADE_FEATURE_NAMES order, lowest, highest, vocabulary_ceiling, knee).
_GradeModelTuple = tuple[float, tuple[float, ...], float, float, float, float]


@dataclass(frozen=True)
class GradeModel:
    """A model from a report's passages to a difficulty score.

    Each passage (a sentence with the fragments beside it) scores
    ``intercept + sum(weights[name] * feature)``, its vocabulary part
    saturating toward ``vocabulary_ceiling`` and the whole bending above
    ``knee`` toward ``highest``; a message scores the mean of its passages
    weighted by their words (include/plainlang/grade_model.h).
    ``GradeModel.default()`` is the one the engine uses for
    ``readability.health_grade`` unless an Analyzer is given another
    (``Analyzer(grade_model=...)``).

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
    vocabulary_ceiling: float = math.inf
    knee: float = 20.0

    def __post_init__(self) -> None:
        if set(self.weights) != set(GRADE_FEATURE_NAMES):
            missing = sorted(set(GRADE_FEATURE_NAMES) - set(self.weights))
            extra = sorted(set(self.weights) - set(GRADE_FEATURE_NAMES))
            raise ValueError(f"GradeModel weights: missing {missing}, unknown {extra}")
        values = [self.intercept, self.lowest, self.highest, self.knee, *self.weights.values()]
        if not all(math.isfinite(float(v)) for v in values) or self.lowest > self.highest:
            raise ValueError("GradeModel: numbers must be finite and lowest <= highest")
        if not float(self.vocabulary_ceiling) > 0:
            raise ValueError("GradeModel: vocabulary_ceiling must be positive (inf for none)")

    @classmethod
    def default(cls) -> GradeModel:
        """The built-in model, fitted to MedReadMe train (see docs/report.md)."""
        return cls._from_core(_core.default_grade_model())

    @classmethod
    def _from_core(cls, values: _GradeModelTuple) -> GradeModel:
        intercept, weights, lowest, highest, ceiling, knee = values
        return cls(intercept, dict(zip(GRADE_FEATURE_NAMES, weights)), lowest, highest,
                   ceiling, knee)

    def _to_core(self) -> _GradeModelTuple:
        weights = tuple(float(self.weights[name]) for name in GRADE_FEATURE_NAMES)
        return (float(self.intercept), weights, float(self.lowest), float(self.highest),
                float(self.vocabulary_ceiling), float(self.knee))

    def predict(self, report: Report) -> float:
        """This model's score for an analysed report (NaN for an error report).

        Raises:
            ValueError: the report was unpickled, so its passages are gone.
        """
        if report.error is not None:
            return math.nan
        if report._raw is None:
            raise ValueError("GradeModel.predict needs a report from this process, not an unpickled one")
        score: float = _core.predict_grade(self._to_core(), report._raw)
        return score

    def to_dict(self) -> dict[str, Any]:
        """Plain data for json.dump; ``GradeModel(**d)`` reads it back."""
        return {"intercept": self.intercept, "weights": dict(self.weights),
                "lowest": self.lowest, "highest": self.highest,
                "vocabulary_ceiling": self.vocabulary_ceiling, "knee": self.knee}


_VERDICTS = {True: "meets the target", False: "NEEDS WORK", None: "no text to judge"}


def _char_spans(text: str | None,
                spans: Sequence[Mapping[str, Any]]) -> Sequence[tuple[int | None, int | None]]:
    """Code point offsets into ``text`` for spans with byte offsets into its
    UTF-8 (``start``, ``end``); (None, None) each when the input was bytes.
    ASCII needs no conversion: its bytes are its code points."""
    if text is None:
        return [(None, None)] * len(spans)
    byte_spans = [(span["start"], span["end"]) for span in spans]
    if not byte_spans or text.isascii():
        return byte_spans
    return _core.code_point_spans(text, byte_spans)


def _same(a: Any, b: Any) -> bool:
    """Equality in which NaN equals NaN, so error reports compare equal."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)
