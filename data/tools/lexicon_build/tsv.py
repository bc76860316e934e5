"""Reading the curated TSV files and writing the output tables.

Every output table is UTF-8 with LF line ends, a header row, tab-separated
fields with no tab, CR or LF inside, and rows sorted by the first column and
then the rest, so that the same input always gives the same bytes.
"""

from __future__ import annotations

import collections
import pathlib
from typing import Iterable, Sequence


class CuratedFileError(Exception):
    """A curated file is malformed; the message names file, line and reason."""

    def __init__(self, path: pathlib.Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")


def read_curated(path: pathlib.Path, required: Sequence[str],
                 optional: Sequence[str] = ()) -> list[dict[str, str]]:
    """Rows of a hand-written TSV as dicts keyed by header name.

    Blank lines and lines starting with '#' are skipped. Raises
    CuratedFileError when a required column is missing or a row has more
    fields than the header.
    """
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if header is None:
            header = fields
            missing = [c for c in required if c not in header]
            if missing:
                raise CuratedFileError(path, number,
                                       f"missing column(s) {', '.join(missing)}")
            unknown = [c for c in header if c not in required and c not in optional]
            if unknown:
                raise CuratedFileError(path, number,
                                       f"unknown column(s) {', '.join(unknown)}")
            continue
        if len(fields) > len(header):
            raise CuratedFileError(path, number,
                                   f"{len(fields)} fields but the header has {len(header)}")
        fields += [""] * (len(header) - len(fields))
        row = dict(zip(header, fields))
        row["_line"] = str(number)
        rows.append(row)
    if header is None:
        raise CuratedFileError(path, 0, "empty file, no header row")
    return rows


def clean_field(value: str) -> str:
    """Collapses whitespace (tabs, newlines included) to single spaces."""
    return " ".join(value.split())


def write_table(path: pathlib.Path, header: Sequence[str],
                rows: Iterable[Sequence[str]]) -> int:
    """Writes a sorted table and returns its row count (header excluded)."""
    lines = []
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"{path.name}: row {row!r} does not match {header!r}")
        fields = [clean_field(str(f)) for f in row]
        lines.append(fields)
    lines.sort()
    keys = [tuple(f) for f in lines]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{path.name}: duplicate rows")
    counts = collections.Counter(f[0] for f in lines)
    dupes = sorted(k for k, n in counts.items() if n > 1)
    if dupes:
        raise ValueError(f"{path.name}: duplicate keys, e.g. {dupes[:5]}")
    body = "".join("\t".join(f) + "\n" for f in lines)
    path.write_bytes(("\t".join(header) + "\n" + body).encode("utf-8"))
    return len(lines)
