"""plainlang.spark.score on a local Spark against Analyzer.analyze_many on
the same rows: rows/s of each, and a check that every row comes back with
analyze_many's values.

The rows are python_throughput.py's synthetic corpus (example lines in a
seeded random order), with every 500th row null and every 7th starting
"Señora García 😀, " so that code point offsets differ from byte offsets.
Spark scores a cached DataFrame into the "noop" sink (every row computed,
nothing written); the first run, which starts the Python workers and builds
their Analyzers, is reported apart from the best of the others.

    .venv/bin/python benchmarks/spark_bench.py [--rows 100000] [--master local[2]] [--findings]

Needs the installed package with pyspark and pyarrow (``make python``) and
Java 17 or newer.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
import warnings
from typing import Any

import pandas as pd
from pyspark.sql import SparkSession

import plainlang
import plainlang.spark
from plainlang import _core
from python_throughput import synthetic_corpus


def rows_of(count: int, seed: int) -> list[str | None]:
    texts: list[str | None] = list(synthetic_corpus(count, seed))
    for i in range(0, count, 7):
        texts[i] = "Señora García 😀, " + str(texts[i])
    for i in range(0, count, 500):
        texts[i] = None
    return texts


def same(cell: Any, value: Any) -> bool:
    """A Spark cell (through pandas) against a report's value: NaN and None
    are both missing there."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return cell is None or (isinstance(cell, float) and math.isnan(cell))
    if isinstance(value, float):
        return bool(cell == value)
    return bool(cell == value) and not (isinstance(cell, float) and math.isnan(cell))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--repeat", type=int, default=3, help="timed Spark runs after the first")
    parser.add_argument("--findings", action="store_true", help="score with findings=True too")
    args = parser.parse_args()
    # PySpark's own notice on pandas 3, once per call; the rows are checked below.
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")

    texts = rows_of(args.rows, args.seed)
    megabytes = sum(len(t.encode("utf-8")) for t in texts if t is not None) / 1e6
    print(f"rows: {len(texts):,} ({texts.count(None):,} null), {megabytes:.1f} MB, seed {args.seed}; "
          f"{_core.cores()} cores; Spark {args.master}")

    analyzer = plainlang.Analyzer()
    start = time.perf_counter()
    reports = analyzer.analyze_many(texts, progress=False)
    many = time.perf_counter() - start
    start = time.perf_counter()
    analyzer.score_frame(pd.Series(texts, dtype=object), progress=False)
    frame = time.perf_counter() - start

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master(args.master).appName("plainlang-bench")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.driver.memory", "4g")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(pd.DataFrame({"id": range(len(texts)), "text": texts}))
    df = df.repartition(spark.sparkContext.defaultParallelism).cache()
    assert df.count() == len(texts)

    def run(findings: bool) -> float:
        start = time.perf_counter()
        plainlang.spark.score(df, "text", findings=findings).write.format("noop").mode("overwrite").save()
        return time.perf_counter() - start

    print(f"{'what':<44}{'seconds':>9}{'rows/s':>11}")

    def line(what: str, seconds: float) -> None:
        print(f"{what:<44}{seconds:>9.2f}{len(texts) / seconds:>11,.0f}")

    line("analyze_many (all cores)", many)
    line("score_frame (all cores)", frame)
    for findings in [False, True] if args.findings else [False]:
        first = run(findings)
        best = min(run(findings) for _ in range(args.repeat))
        name = "plainlang.spark.score" + (" findings=True" if findings else "")
        line(name + ", first run", first)
        line(name + f", best of {args.repeat}", best)

    # Every row back, each equal to analyze_many's report.
    scored = plainlang.spark.score(df, "text", findings=args.findings)
    columns = ["id", *(f"plainlang.{name}" for name in [*plainlang.FEATURE_NAMES, "error"])]
    back = scored.select(*columns).toPandas().sort_values("id")
    assert back["id"].tolist() == list(range(len(texts))), "rows lost or duplicated"
    names = [*plainlang.FEATURE_NAMES, "error"]
    cells = back[names].astype(object).itertuples(index=False, name=None)
    mismatches = 0
    for i, (row, report) in enumerate(zip(cells, reports)):
        expected = report.scores()
        bad = [name for name, cell in zip(names, row) if not same(cell, expected[name])]
        if bad:
            mismatches += 1
            if mismatches <= 5:
                print(f"row {i}: {bad}")
    if args.findings:
        found = scored.select("id", "plainlang.findings").orderBy("id").collect()
        for row, report in zip(found, reports):
            got = [(f.kind, f.start, f.end, f.start_char, f.end_char) for f in row.findings]
            want = [(f.kind, f.start, f.end, f.start_char, f.end_char) for f in report.findings]
            mismatches += got != want
    print(f"checked {len(back):,} rows: {mismatches} differ from analyze_many")
    spark.stop()
    if mismatches:
        sys.exit(1)


if __name__ == "__main__":
    main()
