"""plainlang on Spark: ``score(df, column)`` adds each row's report as a struct.

The scoring is a pandas UDF over Arrow: Spark hands each Python worker the
column in Arrow batches (``spark.sql.execution.arrow.maxRecordsPerBatch``
rows, 10,000 by default) and each batch is scored in one call to the engine
(``Analyzer.score_frame``). Each Python worker process builds one
``Analyzer`` the first time it scores a batch and keeps it for every batch
and task after (a module-level cache keyed by the options), so the lexicon is
loaded once per process, not once per batch. Executors need plainlang
installed (the same wheel as the driver) and any lexicon files at the same
paths.

The struct's fields are ``score_frame``'s columns, from the report's field
registry: the scores (double, unrounded), the counts (long),
``meets_target`` and each checklist item (boolean, null when there is
nothing to judge or the item does not apply), ``communication_score``
(double, NaN when no item applies) and ``error`` (string, null when the row
was analysed); then ``findings`` (an array of structs with ``Finding``'s
fields) and ``warnings`` (an array of strings) when asked for.

No row is lost: a null, a text over ``max_input_bytes`` or anything else
that is not analysed keeps its row, with NaN scores, zero counts, null
verdicts and ``error`` saying why. Filter on ``plainlang.error IS NULL``
before averaging.

>>> import pandas as pd, plainlang.spark
>>> plainlang.spark.score_batch(pd.Series(["Your BP is fine.", None]), {})["words"].tolist()
[4, 0]
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable
from typing import Any

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql.functions import col
from pyspark.sql.pandas.functions import pandas_udf
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from ._analyzer import FEATURE_NAMES, Analyzer
from ._report import REPORT_FIELDS, Finding

# The registry's types as Spark's; the ints are 64-bit, as in score_frame.
_REGISTRY_TYPES: dict[str, DataType] = {
    "number": DoubleType(), "integer": LongType(), "bool": BooleanType()}
_PYTHON_TYPES: dict[Any, DataType] = {
    str: StringType(), int: LongType(), float: DoubleType(), bool: BooleanType()}

# Each Python worker's Analyzers, by their options; see the module's docstring.
_ANALYZERS: dict[str, Analyzer] = {}


def schema(*, findings: bool = False, warnings: bool = False) -> StructType:
    """The struct column's type: ``score_frame``'s columns, then ``findings``
    and ``warnings`` when asked for.

    >>> import plainlang.spark
    >>> struct = plainlang.spark.schema(findings=True)
    >>> struct["health_grade"].dataType.simpleString(), struct["error"].dataType.simpleString()
    ('double', 'string')
    >>> struct["findings"].dataType.elementType.fieldNames()[:4]
    ['kind', 'text', 'start', 'end']
    """
    types = {f["column"]: _REGISTRY_TYPES[f["type"]] for f in REPORT_FIELDS}
    fields = [StructField(name, types[name]) for name in FEATURE_NAMES]
    fields.append(StructField("error", StringType()))
    if findings:
        hints = typing.get_type_hints(Finding)
        finding = StructType([StructField(name, _spark_type(hints[name])) for name in Finding._fields])
        fields.append(StructField("findings", ArrayType(finding, containsNull=False)))
    if warnings:
        fields.append(StructField("warnings", ArrayType(StringType(), containsNull=False)))
    return StructType(fields)


def score(
    df: DataFrame,
    column: str | Column = "text",
    *,
    findings: bool = False,
    warnings: bool = False,
    output: str = "plainlang",
    threads: int = 1,
    analyzer: Analyzer | None = None,
    **options: Any,
) -> DataFrame:
    """``df`` with a struct column ``output`` holding each row's scores.

    Args:
        df: any DataFrame; its rows and columns are kept as they are.
        column: the column (a name or a Column) holding the messages, string
            or binary.
        findings: add ``findings`` to the struct, an array of structs with
            ``Finding``'s fields (byte, UTF-16 and code point offsets).
        warnings: add ``warnings``, an array of strings.
        output: the new column's name.
        threads: the engine's threads per batch. Spark already runs a task
            per core, so 1 (the default) keeps each core busy once.
        analyzer: the Analyzer whose options to use (each worker process
            builds its own from them); otherwise ``options``.
        **options: ``Analyzer`` options (target_grade, lexicon, ...). They are
            checked here, on the driver.

    >>> import os, sys
    >>> from pyspark.sql import SparkSession
    >>> import plainlang.spark
    >>> os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers' Python: this one
    >>> spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    >>> df = spark.createDataFrame([("Your CBC was unremarkable.",), (None,)], "text string")
    >>> rows = plainlang.spark.score(df, "text", findings=True).collect()
    >>> [(r.plainlang.words, r.plainlang.error) for r in rows]
    [(4, None), (0, 'expected str or bytes, got None')]
    >>> [f.text for f in rows[0].plainlang.findings]
    ['CBC', 'unremarkable']
    >>> spark.stop()
    """
    if analyzer is None:
        analyzer = Analyzer(**options)
    elif options:
        raise TypeError("give either an analyzer or Analyzer options, not both")
    settings = analyzer.options
    struct = schema(findings=findings, warnings=warnings)

    def plainlang_scores(texts: pd.Series) -> pd.DataFrame:
        return score_batch(texts, settings, findings=findings, warnings=warnings, threads=threads)

    # Series in, DataFrame out: Spark reads the kind of UDF from the hints.
    # pyspark's stubs have no overload for a struct returned that way.
    udf: Callable[[Column], Column] = pandas_udf(plainlang_scores, struct)  # type: ignore[call-overload]
    target = col(column) if isinstance(column, str) else column
    return df.withColumn(output, udf(target))


def score_batch(
    texts: pd.Series,
    options: dict[str, Any],
    *,
    findings: bool = False,
    warnings: bool = False,
    threads: int = 1,
) -> pd.DataFrame:
    """One Arrow batch's rows as ``schema()``'s columns (what the UDF runs on
    each worker), with this process's Analyzer for ``options``.

    >>> import pandas as pd, plainlang.spark
    >>> frame = plainlang.spark.score_batch(pd.Series(["Rest.", None]), {})
    >>> frame["words"].tolist(), frame["error"].tolist()
    ([1, 0], [None, 'expected str or bytes, got None'])
    """
    # Spark's nulls reach pandas as None or NaN, as the column's dtype has it.
    items = [None if _is_null(text) else text for text in texts]
    frame = _analyzer(options).score_frame(
        pd.Series(items, dtype=object), findings=findings, warnings=warnings, threads=threads,
        progress=False)
    frame.index = texts.index
    if findings:
        # Arrow reads a tuple as a struct by position: schema() lists
        # Finding's fields in order, so the Findings go as they are.
        frame["findings"] = [list(row) for row in frame["findings"]]
    if warnings:
        frame["warnings"] = [list(row) for row in frame["warnings"]]
    return frame


def _analyzer(options: dict[str, Any]) -> Analyzer:
    key = repr(sorted(options.items()))
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = Analyzer(**options)
    return analyzer


def _is_null(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _spark_type(hint: Any) -> DataType:
    """A Finding field's Spark type, from its annotation."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple:
        return ArrayType(_spark_type(args[0]), containsNull=False)
    if type(None) in args:  # X | None: nullable, as every StructField is
        return _spark_type(next(arg for arg in args if arg is not type(None)))
    return _PYTHON_TYPES[hint]
