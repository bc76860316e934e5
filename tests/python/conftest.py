"""Shared fixtures. The tests import the installed plainlang package; data
paths come from this file's place in the repository, never from the working
directory."""

from __future__ import annotations

from pathlib import Path

import pytest

import plainlang

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))
GOLDEN = REPO / "tests" / "golden"


@pytest.fixture(scope="session")
def analyzer() -> plainlang.Analyzer:
    return plainlang.Analyzer()


@pytest.fixture(scope="session")
def example_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in EXAMPLES]
