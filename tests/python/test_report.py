"""Report: attribute access, agreement with the JSON, repr, error reports."""

from __future__ import annotations

import math
import pickle

import pandas as pd
import pytest

import plainlang

PORTAL = "Your HbA1c is 8.1%. The echo showed bilateral edema. Take metformin 1000 mg PO BID."


def test_attributes_hold_what_the_json_prints(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze(PORTAL)
    data = report.to_dict()
    for name, value in report.readability._asdict().items():
        assert round(value, 2) == data["readability"][name], name
    assert round(report.jargon.density, 4) == data["jargon"]["density"]
    assert report.jargon.distinct_terms == data["jargon"]["distinct_terms"]
    assert report.jargon.jargon_words == data["jargon"]["jargon_words"]
    assert report.counts._asdict() == data["counts"]
    assert report.counts.monosyllabic_words <= report.counts.words
    assert data["error"] is None
    assert report.verdict._asdict() == data["verdict"]
    assert len(report.findings) == len(data["findings"]) > 0
    for finding, expected in zip(report.findings, data["findings"]):
        fields = finding._asdict()
        # Python's own: code points into the str, the same as bytes for ASCII.
        assert (fields.pop("start_char"), fields.pop("end_char")) == (finding.start, finding.end)
        assert round(fields.pop("familiarity"), 2) == expected.pop("familiarity")
        assert round(fields.pop("severity"), 2) == expected.pop("severity")
        fields["alternatives"] = list(fields["alternatives"])
        fields["expansions"] = list(fields["expansions"])
        assert fields == expected
    for sentence, expected in zip(report.sentences, data["sentences"]):
        fields = sentence._asdict()
        assert (fields.pop("start_char"), fields.pop("end_char")) == (sentence.start, sentence.end)
        grade, printed = fields.pop("grade"), expected.pop("grade")
        assert printed is None if math.isnan(grade) else round(grade, 2) == printed
        assert round(fields.pop("jargon_density"), 4) == expected.pop("jargon_density")
        assert fields == expected
    assert list(report.warnings) == data["warnings"]
    assert report.error is None


def test_named_access_reads_like_the_issue(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze("Your CBC was unremarkable.")
    assert [f.text for f in report.findings] == ["CBC", "unremarkable"]
    assert report.findings[0].kind == "abbreviation"
    assert report.findings[0].suggestion == "blood count"
    assert report.findings[1].suggestion == "normal"
    assert 0 < report.jargon.density <= 1
    # Polysyllabic: "unremarkable" and "CBC" (see-bee-see); one sentence.
    assert report.readability.smog == pytest.approx(1.0430 * math.sqrt(2 * 30 / 1) + 3.1291)
    assert report.counts.words == 4 and report.counts.sentences == 1
    assert report.verdict.meets_target is False


def test_repr_is_the_summary_line(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze("Your CBC was unremarkable.")
    assert repr(report) == (
        "<plainlang.Report health grade 16.0 (target 8), jargon 38.2% (max 5%), "
        "4 words in 1 sentences, 2 findings: NEEDS WORK>"
    )
    assert repr(report.findings[0]) == (
        "Finding(kind='abbreviation', text='CBC', start=5, end=8, "
        "suggestion='blood count', severity=0.63)"
    )
    assert repr(analyzer.analyze_many([None])[0]) == (
        "<plainlang.Report error: expected str or bytes, got None>"
    )


def test_offsets_are_utf8_bytes_and_utf16_units(analyzer: plainlang.Analyzer) -> None:
    text = "😀 Café note: your BP is high and you have dyspnea."
    report = analyzer.analyze(text)
    data = text.encode("utf-8")
    utf16 = text.encode("utf-16-le")
    assert [f.text for f in report.findings] == ["BP", "dyspnea"]
    for f in report.findings:
        assert data[f.start : f.end].decode() == f.text
        assert utf16[2 * f.start_utf16 : 2 * f.end_utf16].decode("utf-16-le") == f.text


def test_char_offsets_are_code_points_into_the_str(analyzer: plainlang.Analyzer) -> None:
    # Two bytes each for ñ and í, four for 😀 and 𝔸 (two UTF-16 units each).
    text = "Señora García 😀: your BP is high. 𝔸 note: dyspnea; your strep test was negative."
    report = analyzer.analyze(text)
    assert [(f.text, f.start, f.start_char, f.end_char) for f in report.findings] == [
        ("Señora", 0, 0, 6), ("BP", 27, 22, 24), ("dyspnea", 50, 42, 49),
        ("was negative", 75, 67, 79)]
    assert [text[f.start_char:f.end_char] for f in report.findings] == [
        "Señora", "BP", "dyspnea", "was negative"]
    assert [(s.start_char, s.end_char) for s in report.sentences] == [(0, 33), (34, 80)]
    [evidence] = report.communication.items["unambiguous_results"].evidence
    assert (evidence.start, evidence.start_utf16, evidence.start_char) == (79, 73, 71)
    assert text[evidence.start_char:evidence.end_char] == "negative"


def test_char_offsets_are_none_for_bytes(analyzer: plainlang.Analyzer) -> None:
    text = "Señora, your BP is high; the test was negative."
    report = analyzer.analyze(text.encode())
    assert [f.text for f in report.findings][-2:] == ["BP", "was negative"]
    assert {(f.start_char, f.end_char) for f in report.findings} == {(None, None)}
    assert {(s.start_char, s.end_char) for s in report.sentences} == {(None, None)}
    spans = [s for item in report.communication.items.values() for s in item.evidence]
    assert spans and {(s.start_char, s.end_char) for s in spans} == {(None, None)}
    assert report.to_dict() == analyzer.analyze(text).to_dict()


def test_char_offsets_in_batches_and_frames(analyzer: plainlang.Analyzer) -> None:
    texts = ["José: your BP is high.", b"Jos\xc3\xa9: your BP is high.", None]
    reports = analyzer.analyze_many(texts)
    assert [(f.start, f.start_char) for f in reports[0].findings] == [(12, 11)]
    assert [(f.start, f.start_char) for f in reports[1].findings] == [(12, None)]
    assert reports[2].findings == ()
    frame = analyzer.score_frame(pd.Series(texts), findings=True)
    assert [[(f.start, f.start_char) for f in row] for row in frame["findings"]] == [
        [(12, 11)], [(12, None)], []]


def test_char_offsets_of_a_lone_surrogate_cover_it_whole() -> None:
    # The str holds one code point where the engine saw three invalid bytes.
    assert plainlang._core.code_point_spans("\ud800ab\u00e9", [(0, 1), (1, 3), (3, 5), (5, 7)]) == [
        (0, 1), (0, 1), (1, 3), (3, 4)]


def test_error_report_scores(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze_many([float("nan")])[0]
    assert report.error == "expected str or bytes, got NaN"
    assert report.warnings == ()
    assert all(math.isnan(value) for value in report.readability)
    assert math.isnan(report.jargon.density)
    assert report.jargon[1:] == (0, 0)
    assert set(report.counts) == {0}
    assert report.verdict == plainlang.Verdict(8, 0.05, None)
    assert report.findings == () and report.sentences == ()
    data = report.to_dict()
    assert set(data["readability"].values()) == {None}
    assert data["jargon"]["density"] is None
    assert data["verdict"]["meets_target"] is None


def test_pickles_with_every_field(analyzer: plainlang.Analyzer) -> None:
    for report in analyzer.analyze_many([PORTAL, None, ""]):
        copy = pickle.loads(pickle.dumps(report))
        assert copy == report
        assert copy.to_dict() == report.to_dict()
        assert copy.to_json() == report.to_json()
        assert copy.to_json(source="a/b.txt") == report.to_json(source="a/b.txt")
        assert repr(copy) == repr(report)
    copy = pickle.loads(pickle.dumps(analyzer.analyze("José: your BP is high.")))
    assert [(f.start, f.start_char) for f in copy.findings] == [(12, 11)]


def test_equality_is_by_value(analyzer: plainlang.Analyzer) -> None:
    a, b, c = analyzer.analyze_many([PORTAL, PORTAL, "Rest."])
    assert a == b and a != c
    with pytest.raises(TypeError):
        hash(a)


def test_warnings_report_replaced_bytes(analyzer: plainlang.Analyzer) -> None:
    report = analyzer.analyze(b"Rest \xff well.")
    assert report.error is None
    assert report.warnings[0] == "replaced 1 invalid UTF-8 sequence(s) with U+FFFD"
    assert report.counts.words == 2
