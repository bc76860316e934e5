"""analyze_many and feature_matrix: order, error rows, progress, no copy."""

from __future__ import annotations

import math
import os
import random
import signal
import sys
import threading
import time

import numpy as np
import pytest

import plainlang
from plainlang import _core


def corpus(example_texts: list[str], count: int, seed: int = 7) -> list[str]:
    """Messages of 1 to 6 example lines, seeded, so each differs."""
    lines = [line for text in example_texts for line in text.splitlines() if line.strip()]
    rng = random.Random(seed)
    return ["\n".join(rng.choices(lines, k=rng.randint(1, 6))) for _ in range(count)]


def test_order_is_preserved(analyzer: plainlang.Analyzer, example_texts: list[str]) -> None:
    texts = corpus(example_texts, 400)
    one_by_one = [analyzer.analyze(text).to_json() for text in texts]
    for threads in (0, 1, 2, 3, 16):
        assert [r.to_json() for r in analyzer.analyze_many(texts, threads=threads)] == one_by_one


def test_error_rows_keep_their_place(analyzer: plainlang.Analyzer) -> None:
    class Note:
        pass

    items: list[object] = ["Rest.", None, float("nan"), 42, b"Drink \xff water.", Note(), "", np.float64(1.0)]
    reports = analyzer.analyze_many(items)
    assert len(reports) == len(items)
    assert [r.error for r in reports] == [
        None,
        "expected str or bytes, got None",
        "expected str or bytes, got NaN",
        "expected str or bytes, got int",
        None,
        "expected str or bytes, got Note",
        None,
        "expected str or bytes, got numpy.float64",
    ]
    assert reports[0].counts.words == 1 and reports[4].counts.words == 2
    assert reports[4].warnings[0] == "replaced 1 invalid UTF-8 sequence(s) with U+FFFD"
    assert reports[6].warnings == ("no words to score",)
    for report in (reports[1], reports[2], reports[3], reports[5], reports[7]):
        assert math.isnan(report.readability.consensus_grade)
        assert report.counts.words == 0 and not report.verdict.meets_target


def test_any_iterable(analyzer: plainlang.Analyzer) -> None:
    generated = analyzer.analyze_many(text for text in ["Rest.", "Drink water."])
    assert [r.counts.words for r in generated] == [1, 2]
    assert analyzer.analyze_many([]) == []
    assert analyzer.analyze_many(()) == []


def test_threads_must_be_a_count(analyzer: plainlang.Analyzer) -> None:
    for threads in (-1, 1.5, True):
        with pytest.raises(ValueError):
            analyzer.analyze_many(["Rest."], threads=threads)  # type: ignore[arg-type]


def test_feature_matrix_is_the_scores_without_a_copy(
    analyzer: plainlang.Analyzer, example_texts: list[str]
) -> None:
    texts: list[object] = [*corpus(example_texts, 50), None]
    matrix, names = analyzer.feature_matrix(texts)
    assert names == list(plainlang.FEATURE_NAMES) and len(set(names)) == len(names) == 37
    assert matrix.dtype == np.float64 and matrix.shape == (51, 37)
    assert matrix.flags.c_contiguous and not matrix.flags.owndata
    assert type(matrix.base).__name__ == "PyCapsule"
    for row, report in zip(matrix, analyzer.analyze_many(texts)):
        values = {
            **report.readability._asdict(),
            "jargon_density": report.jargon.density,
            "distinct_terms": report.jargon.distinct_terms,
            "jargon_words": report.jargon.jargon_words,
            **report.counts._asdict(),
            "meets_target": (math.nan if report.verdict.meets_target is None
                             else float(report.verdict.meets_target)),
            "communication_score": report.communication.score,
            **{name: math.nan if not item.applies else float(item.meets)
               for name, item in report.communication.items.items()},
        }
        np.testing.assert_array_equal(row, [values[name] for name in names])
    # The error row: NaN scores, zero counts, meets_target unknown (NaN).
    assert np.isnan(matrix[50, :12]).all() and (matrix[50, 12:24] == 0).all()
    assert np.isnan(matrix[50, 24:]).all()  # and no communication score or item
    empty, _ = analyzer.feature_matrix([])
    assert empty.shape == (0, 37) and empty.dtype == np.float64


def test_progress_bar_when_asked(
    analyzer: plainlang.Analyzer, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = analyzer.analyze_many(["Rest."] * 300, progress=True)
    assert len(reports) == 300
    assert "300/300" in capsys.readouterr().err


def test_no_progress_bar_off_a_terminal(
    analyzer: plainlang.Analyzer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    analyzer.analyze_many(["Rest."] * (plainlang.PROGRESS_MIN_TEXTS + 1))
    analyzer.analyze_many(["Rest."] * 10, progress=False)
    assert capsys.readouterr().err == ""


def test_progress_bar_on_a_terminal_for_big_batches(
    analyzer: plainlang.Analyzer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    analyzer.analyze_many(["Rest."] * 10)
    assert capsys.readouterr().err == ""
    count = plainlang.PROGRESS_MIN_TEXTS
    analyzer.analyze_many(["Rest."] * count)
    assert f"{count}/{count}" in capsys.readouterr().err
    analyzer.analyze_many(["Rest."] * count, progress=False)
    assert capsys.readouterr().err == ""


def test_an_exception_in_progress_stops_the_batch(analyzer: plainlang.Analyzer) -> None:
    class Stop(Exception):
        pass

    calls = []

    def progress(done: int) -> None:
        calls.append(done)
        raise Stop

    # Progress is first reported after 100 ms: the batch must take longer
    # than that, and one message repeated runs several times faster than
    # varied text (156 MB here; 15.6 MB once finished inside 100 ms).
    texts = ["Take metformin twice a day with meals. " * 200] * 20000
    with pytest.raises(Stop):
        analyzer._core.analyze_batch(texts, 0, progress, True, True)
    assert len(calls) == 1 and calls[0] < len(texts)


def test_a_signal_stops_a_long_batch(analyzer: plainlang.Analyzer) -> None:
    class Interrupted(Exception):
        pass

    def handler(signum: int, frame: object) -> None:
        raise Interrupted

    texts = ["Take metformin twice a day with meals. " * 200] * 20000  # many seconds
    previous = signal.signal(signal.SIGINT, handler)
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    try:
        start = time.perf_counter()
        with pytest.raises(Interrupted):
            timer.start()
            analyzer.analyze_many(texts)
            timer.join()
            time.sleep(1)  # the batch ended first: let the handler raise here
        elapsed = time.perf_counter() - start
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert elapsed < 5, "the batch ran to its end"


def test_cores_is_at_least_one() -> None:
    assert _core.cores() >= 1
