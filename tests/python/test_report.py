"""Report: attribute access, agreement with the JSON, repr, error reports."""

from __future__ import annotations

import math
import pickle

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
        assert round(fields.pop("familiarity"), 2) == expected.pop("familiarity")
        assert round(fields.pop("severity"), 2) == expected.pop("severity")
        fields["alternatives"] = list(fields["alternatives"])
        fields["expansions"] = list(fields["expansions"])
        assert fields == expected
    for sentence, expected in zip(report.sentences, data["sentences"]):
        fields = sentence._asdict()
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
