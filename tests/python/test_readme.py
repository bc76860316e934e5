"""The Python examples in README.md and docs/python.md run verbatim.

Each ```python block runs on its own in a fresh interpreter from the
repository root, as a reader would paste it. Where a block is followed by a
bare ``` block, that block is its output and must match what it prints.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import REPO

DOCUMENTS = [REPO / "README.md", REPO / "docs" / "python.md"]
# A ```python block, then optionally (after blank lines only) a bare ``` block.
BLOCK = re.compile(r"^```python\n(?P<code>.*?)^```\n(?:\s*^```\n(?P<output>.*?)^```$)?",
                   re.MULTILINE | re.DOTALL)


class Example(NamedTuple):
    document: Path
    line: int
    code: str
    output: str | None


def examples(document: Path) -> list[Example]:
    text = document.read_text(encoding="utf-8")
    return [Example(document, text.count("\n", 0, match.start()) + 1, match["code"], match["output"])
            for match in BLOCK.finditer(text)]


EXAMPLES = [example for document in DOCUMENTS for example in examples(document)]


def test_the_documents_have_examples() -> None:
    counts = {d.name: sum(e.document == d for e in EXAMPLES) for d in DOCUMENTS}
    assert counts["README.md"] >= 3 and counts["python.md"] >= 9, counts
    # The Spark and spaCy examples are among them.
    readme = "".join(e.code for e in EXAMPLES if e.document.name == "README.md")
    assert "plainlang.spark.score(" in readme and 'nlp.add_pipe("plainlang")' in readme


def test_the_parser_finds_code_and_output() -> None:
    text = "x\n```python\nprint(1)\n```\n\n```\n1\n```\nthen\n```python\npass\n```\n"
    found = [(m["code"], m["output"]) for m in BLOCK.finditer(text)]
    assert found == [("print(1)\n", "1\n"), ("pass\n", None)]


@pytest.mark.parametrize("example", EXAMPLES,
                         ids=[f"{e.document.name}:{e.line}" for e in EXAMPLES])
def test_example_runs_verbatim(example: Example) -> None:
    # The reader's environment, less what would hide a missing step.
    env = {k: v for k, v in os.environ.items() if k not in ("PYSPARK_PYTHON", "PYTHONPATH")}
    run = subprocess.run([sys.executable, "-c", example.code], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, f"{example.document.name}:{example.line}\n{run.stderr[-3000:]}"
    if example.output is not None:
        assert run.stdout == example.output
