"""Property tests: any text in, a sound report out."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import plainlang

ANALYZER = plainlang.Analyzer()

# Text that looks clinical now and then: example words mixed with anything.
WORDS = st.sampled_from(
    ["BP", "b.i.d.", "edema", "Dr.", "2.5", "mg", "f/u", "(CBC)", "\n", "\n\n", "- ", ". ", "é", "😀"]
)
CLINICAL = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join)


def check(report: plainlang.Report, data: bytes) -> None:
    assert report.error is None
    assert report.counts.words >= 0 and report.counts.sentences <= report.counts.words
    r = report.readability
    for grade in (r.flesch_kincaid_grade, r.smog, r.gunning_fog, r.coleman_liau, r.ari, r.forcast,
                  r.linsear_write, r.consensus_grade):
        assert 0 <= grade <= 20
    assert 0 <= r.flesch_reading_ease <= 100 and 0 <= r.lix <= 100
    assert 0 <= report.jargon.density <= 1
    previous = 0
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(data)
        assert f.start_utf16 <= f.end_utf16
        assert f.start >= previous or f.kind == "long_sentence"
        assert 0 <= f.severity <= 1 and 0 <= f.familiarity <= 1
        if f.kind != "long_sentence":
            previous = f.start
    for s in report.sentences:
        assert 0 <= s.start <= s.end <= len(data)
        # NaN: a fragment beside a sentence has no grade of its own.
        assert 0 <= s.grade <= 20 or (math.isnan(s.grade) and s.words < 4)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), CLINICAL))
def test_any_string_gives_a_report_with_true_offsets(text: str) -> None:
    report = ANALYZER.analyze(text)
    data = text.encode("utf-8")
    check(report, data)
    utf16 = text.encode("utf-16-le")
    for f in report.findings:
        assert data[f.start : f.end].decode("utf-8") == f.text
        assert f.end_utf16 * 2 <= len(utf16)
    assert report.to_dict()["counts"]["words"] == report.counts.words


# Names with accents, combining marks, emoji and astral letters among clinical words.
NON_ASCII = st.sampled_from(
    ["Señora García", "José", "naïve", "e\u0301", "Straße", "😀", "𝔸", "👩🏽‍⚕️", "中文", "BP", "dyspnea"]
)
MIXED = st.lists(st.one_of(NON_ASCII, WORDS, st.text(max_size=8)), max_size=40).map(" ".join)


def check_char_offsets(report: plainlang.Report, text: str) -> None:
    """Every span's code point offsets slice the str to exactly its bytes."""
    data = text.encode("utf-8")
    evidence = [s for item in report.communication.items.values() for s in item.evidence]
    spans: list[plainlang.Finding | plainlang.Sentence | plainlang.CommunicationSpan] = [
        *report.findings, *report.sentences, *evidence]
    for span in spans:
        assert span.start_char is not None and span.end_char is not None
        assert text[span.start_char : span.end_char].encode("utf-8") == data[span.start : span.end]
        assert len(text[: span.start_char].encode("utf-8")) == span.start
    for f in report.findings:
        assert text[f.start_char : f.end_char] == f.text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), MIXED))
def test_char_offsets_slice_the_str_exactly(text: str) -> None:
    check_char_offsets(ANALYZER.analyze(text), text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(MIXED, st.none()), max_size=8))
def test_char_offsets_slice_the_str_exactly_in_batches(texts: list[str | None]) -> None:
    for text, report in zip(texts, ANALYZER.analyze_many(texts, threads=2)):
        if text is not None:
            check_char_offsets(report, text)


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_any_bytes_give_a_report(data: bytes) -> None:
    report = ANALYZER.analyze(data)
    check(report, data)
    for f in report.findings:
        assert data[f.start : f.end].decode("utf-8", "replace") == f.text


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.binary(max_size=60), st.none(), st.integers())))
def test_batches_match_one_at_a_time(items: list[object]) -> None:
    reports = ANALYZER.analyze_many(items, threads=2)
    assert len(reports) == len(items)
    for item, report in zip(items, reports):
        if isinstance(item, (str, bytes)):
            assert report.to_json() == ANALYZER.analyze(item).to_json()
        else:
            name = "None" if item is None else type(item).__name__
            assert report.error == f"expected str or bytes, got {name}"
