"""plainlang as a spaCy pipeline component: ``nlp.add_pipe("plainlang")``.

The component analyses ``doc.text`` and puts each finding in
``doc.spans["plainlang"]`` as a ``Span`` labelled by its kind
("abbreviation", "jargon", "complex_word", "long_sentence"), with
``span._.plainlang_suggestion`` (what to write instead, may be empty),
``span._.plainlang_definition`` (a lay definition, may be empty) and
``span._.plainlang_finding`` (the whole ``Finding``); ``doc._.plainlang`` is
the report's scores, ``Report.scores()`` (a dict keyed by ``score_frame``'s
column names: ``health_grade``, ``jargon_density``, ``meets_target``, ...,
``error``). Both are plain values, so ``doc.to_bytes()`` and ``DocBin`` keep
them (a ``Finding`` comes back as a list). spaCy finds the factory through
the ``spacy_factories`` entry point, so plainlang need not be imported
first.

Spans come from the findings' code point offsets (``start_char``,
``end_char``), widened to whole tokens (``alignment_mode="expand"``) where a
finding starts or ends inside one.

Config (``nlp.add_pipe("plainlang", config={...})``): ``target_grade``,
``max_jargon``, ``long_sentence_words``, ``lexicon``, ``abbreviations`` and
``allow`` (paths), as ``Analyzer``'s; ``spans_key``, the ``doc.spans`` key.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("plainlang")
>>> doc = nlp("Dear José, your CBC was unremarkable.")
>>> [(s.text, s.label_, s._.plainlang_suggestion) for s in doc.spans["plainlang"]]
[('CBC', 'abbreviation', 'blood count'), ('unremarkable', 'jargon', 'normal')]
"""

# No `from __future__ import annotations` here: spaCy validates the
# factory's config against its annotations, which must be real types.

import itertools
from collections.abc import Iterable, Iterator
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from ._analyzer import Analyzer
from ._core import DEFAULT_OPTIONS
from ._report import Finding, Report

#: The ``doc.spans`` key the findings go to unless ``spans_key`` says otherwise.
SPANS_KEY = "plainlang"

# Extension attributes are spaCy's process-wide registry; set once.
for _name in ("plainlang_suggestion", "plainlang_definition", "plainlang_finding"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("plainlang"):
    Doc.set_extension("plainlang", default=None)


class PlainlangComponent:
    """Adds plainlang's findings and report to each Doc (see the module).

    Holds one ``Analyzer``; ``nlp.pipe`` analyses each batch of texts on
    every core.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("plainlang", config={"target_grade": 6})
    >>> nlp("Rest and drink water.")._.plainlang["meets_target"]
    True
    """

    def __init__(self, analyzer: Analyzer, spans_key: str = SPANS_KEY) -> None:
        self.analyzer = analyzer
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, self.analyzer.analyze(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        docs = iter(stream)
        while batch := list(itertools.islice(docs, batch_size)):
            reports = self.analyzer.analyze_many([doc.text for doc in batch], progress=False)
            for doc, report in zip(batch, reports):
                yield self._annotate(doc, report)

    def _annotate(self, doc: Doc, report: Report) -> Doc:
        spans = []
        for finding in report.findings:
            span = _span(doc, finding)
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.plainlang = report.scores()
        return doc


def _span(doc: Doc, finding: Finding) -> Optional[Span]:
    """The finding as a Span of ``doc``; None only if it covers no token."""
    assert finding.start_char is not None and finding.end_char is not None  # doc.text is a str
    span = doc.char_span(finding.start_char, finding.end_char, label=finding.kind,
                         alignment_mode="expand")
    if span is None:
        return None
    span._.plainlang_suggestion = finding.suggestion
    span._.plainlang_definition = finding.definition
    span._.plainlang_finding = finding
    return span


@Language.factory(
    "plainlang",
    default_config={
        # The engine's defaults, so that they are written once.
        "target_grade": DEFAULT_OPTIONS["target_grade"],
        "max_jargon": DEFAULT_OPTIONS["max_jargon"],
        "long_sentence_words": int(DEFAULT_OPTIONS["long_sentence_words"]),
        "lexicon": None,
        "abbreviations": None,
        "allow": None,
        "spans_key": SPANS_KEY,
    },
    assigns=["doc.spans", "doc._.plainlang", "span._.plainlang_suggestion",
             "span._.plainlang_definition", "span._.plainlang_finding"],
)
def make_plainlang(
    nlp: Language,
    name: str,
    target_grade: float,
    max_jargon: float,
    long_sentence_words: int,
    lexicon: Optional[Union[str, list[str]]],
    abbreviations: Optional[Union[str, list[str]]],
    allow: Optional[Union[str, list[str]]],
    spans_key: str,
) -> PlainlangComponent:
    """The ``plainlang`` factory: a component with an Analyzer of these options.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("plainlang", config={"spans_key": "plain"}).spans_key
    'plain'
    """
    analyzer = Analyzer(lexicon=lexicon, abbreviations=abbreviations, allow=allow,
                        target_grade=target_grade, max_jargon=max_jargon,
                        long_sentence_words=long_sentence_words)
    return PlainlangComponent(analyzer, spans_key)
