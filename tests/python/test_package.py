"""The installed package: where it is, its types, its docstring examples."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
import types
from pathlib import Path

import pytest

import plainlang

from conftest import REPO

MODULES = ["plainlang", "plainlang._analyzer", "plainlang._frame", "plainlang._grade", "plainlang._report",
           "plainlang.spacy", "plainlang.spark"]


def test_tests_run_against_the_installed_package() -> None:
    installed = Path(plainlang.__file__).resolve().parent
    assert installed.parent.name == "site-packages", installed
    assert REPO / "python" not in installed.parents, installed
    assert (installed / "py.typed").is_file() and (installed / "_core.pyi").is_file()
    assert plainlang._core.__file__ is not None and Path(plainlang._core.__file__).parent == installed


def test_public_names() -> None:
    # The optional submodules (plainlang.spacy, plainlang.spark) are not
    # imported by the package, so they are not among its names.
    assert sorted(plainlang.__all__) == sorted(
        name for name in dir(plainlang) if not name.startswith("_") and name not in {"annotations"}
        and not isinstance(getattr(plainlang, name), types.ModuleType)
    )
    assert issubclass(plainlang.LexiconError, ValueError)


@pytest.mark.parametrize("name", MODULES)
# PySpark warns that it does not fully support pandas 3; test_spark.py checks its values.
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0


def test_every_public_callable_has_an_example() -> None:
    objects = [plainlang.analyze, plainlang.score_frame, plainlang.Analyzer, plainlang.Report,
               plainlang.LexiconError, plainlang.Analyzer.analyze, plainlang.Analyzer.analyze_many,
               plainlang.Analyzer.feature_matrix, plainlang.Analyzer.score_frame,
               plainlang.Report.to_dict, plainlang.Report.to_json, plainlang.Readability,
               plainlang.Jargon, plainlang.Counts, plainlang.Verdict, plainlang.Finding,
               plainlang.Sentence]
    for obj in objects:
        assert ">>> " in (obj.__doc__ or ""), obj


@pytest.mark.parametrize("target", [["-p", "plainlang"], [str(REPO / "tests" / "python")]],
                         ids=["package", "tests"])
def test_a_type_checker_accepts_the_package(target: list[str]) -> None:
    # Run from tests/, so the installed package is checked, not python/.
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
         "--no-incremental", *target],
        capture_output=True, text=True, check=False, cwd=REPO / "tests",
    )
    assert run.returncode == 0, run.stdout + run.stderr
