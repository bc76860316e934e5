"""plainlang.spark on a local Spark (local[2]): every row back, with the
values analyze_many gives for the same texts."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from pyspark.sql import Row, SparkSession
from pyspark.sql.pandas.functions import pandas_udf

import plainlang
import plainlang.spark

from conftest import EXAMPLES

# PySpark warns on the driver that it does not fully support pandas 3; the
# values are checked below instead.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

# Fictional messages, with the inputs that are hard for a pipeline: nulls,
# empty and blank texts, accents, emoji and astral letters.
MESSAGES = [
    "Your CBC was unremarkable.",
    "Señora García 😀, your BP is elevated. Take lisinopril PO BID.",
    "𝔸 note: your strep test was negative. Call us at 555-0100 with questions.",
    "Rest and drink water.",
    "",
    "   ",
    None,
    *(path.read_text(encoding="utf-8") for path in EXAMPLES),
]
TEXTS = [m if m is None or i % 3 else f"{m} ({i})" for i in range(300) for m in [MESSAGES[i % len(MESSAGES)]]]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """A short-lived, quiet local[2] session; the workers run this Python."""
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("plainlang-test")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2")
               # Several Arrow batches per partition, as on a real table.
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if saved is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = saved


def plain(value: Any) -> Any:
    """A Spark value as plain Python: Rows as dicts, tuples as lists."""
    if isinstance(value, Row):
        return {k: plain(v) for k, v in value.asDict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def expected(report: plainlang.Report, *, findings: bool, warnings: bool) -> dict[str, Any]:
    """What the struct should hold: the report's scores, NaN as null (Arrow
    reads pandas' NaN as null), and its findings and warnings."""
    values = {k: None if isinstance(v, float) and math.isnan(v) else v
              for k, v in report.scores().items()}
    if findings:
        values["findings"] = plain([f._asdict() for f in report.findings])
    if warnings:
        values["warnings"] = list(report.warnings)
    return values


def test_every_row_comes_back_with_analyze_many_values(spark: SparkSession) -> None:
    df = spark.createDataFrame(list(enumerate(TEXTS)), "id long, text string").repartition(4)
    scored = plainlang.spark.score(df, "text", findings=True, warnings=True)
    assert scored.columns == ["id", "text", "plainlang"]
    rows = sorted(scored.collect(), key=lambda row: row.id)
    assert [(row.id, row.text) for row in rows] == list(enumerate(TEXTS))
    reports = plainlang.Analyzer().analyze_many(TEXTS)
    for row, report in zip(rows, reports):
        assert plain(row.plainlang) == expected(report, findings=True, warnings=True), row.id
    # Spot checks against values worked out by hand.
    first = rows[0].plainlang
    assert [(f.text, f.kind, f.suggestion) for f in first.findings] == [
        ("CBC", "abbreviation", "blood count"), ("unremarkable", "jargon", "normal")]
    garcia = rows[1].plainlang
    assert [(f.text, f.start, f.start_char) for f in garcia.findings][1] == ("BP", 27, 22)
    assert rows[6].plainlang.error == "expected str or bytes, got None"
    assert (rows[6].plainlang.words, rows[6].plainlang.meets_target) == (0, None)
    assert rows[6].plainlang.findings == [] and rows[6].plainlang.health_grade is None
    assert (rows[4].plainlang.error, rows[4].plainlang.words) == (None, 0)
    assert sum(row.plainlang.error is not None for row in rows) == TEXTS.count(None) == 30


def test_scores_alone_and_the_column_name(spark: SparkSession) -> None:
    df = spark.createDataFrame([(t, 7) for t in TEXTS[:40]], "body string, other int")
    scored = plainlang.spark.score(df, "body", output="scores")
    assert scored.columns == ["body", "other", "scores"]
    assert scored.schema["scores"].dataType == plainlang.spark.schema()
    assert [f.name for f in plainlang.spark.schema().fields] == [*plainlang.FEATURE_NAMES, "error"]
    rows = scored.collect()
    reports = plainlang.Analyzer().analyze_many(TEXTS[:40])
    assert [plain(row.scores) for row in rows] == [
        expected(r, findings=False, warnings=False) for r in reports]
    assert {row.other for row in rows} == {7}


def test_rows_that_are_not_analysed_are_kept(spark: SparkSession) -> None:
    long_text = "Take one pill. " * 20  # 300 bytes
    df = spark.createDataFrame(
        [(1, None, None), (2, long_text, None), (3, "Rest.", b"Rest \xff well.")],
        "id int, text string, data binary")
    by_id = {row.id: row for row in plainlang.spark.score(df, "text", max_input_bytes=200).collect()}
    assert by_id[1].plainlang.error == "expected str or bytes, got None"
    assert by_id[2].plainlang.error == "the message is 300 bytes, over the limit of 200 (max_input_bytes)"
    assert (by_id[2].plainlang.words, by_id[2].plainlang.flesch_reading_ease) == (0, None)
    assert (by_id[3].plainlang.error, by_id[3].plainlang.words) == (None, 1)
    # Bytes are analysed as bytes: invalid UTF-8 is replaced and warned of.
    binary = plainlang.spark.score(df, "data", warnings=True).orderBy("id").collect()
    assert [row.plainlang.error for row in binary] == ["expected str or bytes, got None"] * 2 + [None]
    assert binary[2].plainlang.warnings == ["replaced 1 invalid UTF-8 sequence(s) with U+FFFD"]
    assert binary[2].plainlang.words == 2


def test_analyzer_options_reach_the_workers(spark: SparkSession) -> None:
    df = spark.createDataFrame([("Your BP is fine.",)], "text string")
    strict, lenient = (plainlang.spark.score(df, analyzer=plainlang.Analyzer(max_jargon=m)).first()
                       for m in (0.05, 1.0))
    assert strict is not None and lenient is not None
    assert (strict.plainlang.meets_target, lenient.plainlang.meets_target) == (False, True)
    with pytest.raises(ValueError, match="target_grade must be from 0"):
        plainlang.spark.score(df, target_grade=99)
    with pytest.raises(TypeError, match="not both"):
        plainlang.spark.score(df, analyzer=plainlang.Analyzer(), target_grade=6)


def test_each_worker_process_keeps_one_analyzer(spark: SparkSession) -> None:
    df = spark.createDataFrame([(t,) for t in TEXTS], "text string").repartition(6)
    # collect(), not count(): Spark would drop a column nobody reads, UDF and all.
    assert len(plainlang.spark.score(df, "text").collect()) == len(TEXTS)
    key = repr(sorted(plainlang.Analyzer().options.items()))

    # Run where the scoring ran: a pandas UDF, in the same worker processes.
    def cached(texts: pd.Series) -> pd.Series:
        analyzer = plainlang.spark._ANALYZERS.get(key)
        return pd.Series([f"{os.getpid()} {0 if analyzer is None else id(analyzer)}"] * len(texts))

    probe = pandas_udf(cached, "string")  # type: ignore[call-overload]
    seen = [row.probe.split() for row in df.select(probe("text").alias("probe")).collect()]
    by_process: dict[str, set[str]] = {}
    for pid, analyzer_id in seen:
        by_process.setdefault(pid, set()).add(analyzer_id)
    # A process that scored kept its one Analyzer for every later task (a
    # process Spark started after the scoring has none yet).
    assert 1 <= len(by_process) <= 2
    assert all(len(ids) == 1 for ids in by_process.values()), by_process
    assert any("0" not in ids for ids in by_process.values()), by_process
