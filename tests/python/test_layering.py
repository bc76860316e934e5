"""The package's modules import in layers: no cycle, and no import hidden in
a function, where a cycle would go unseen until the function runs.

Reads the source in python/plainlang, not the installed copy; an import
under ``if TYPE_CHECKING:`` counts, since a type checker follows it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = "plainlang"
SOURCE = REPO / "python" / PACKAGE


def module_names(directory: Path) -> dict[str, Path]:
    """Each module of the package in ``directory``, by its dotted name."""
    modules = {}
    for path in sorted(directory.glob("*.py")):
        name = PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"
        modules[name] = path
    return modules


def imported_modules(directory: Path) -> dict[str, set[str]]:
    """The package's import graph: each module's imports from the package.

    ``from . import x`` and ``from plainlang import x`` are an import of the
    module ``x`` when there is one (a .py, .pyi or the compiled ``_core``),
    else of the package's ``__init__``; ``from .x import y`` imports ``x``.
    """
    modules = module_names(directory)
    submodules = {path.stem for path in directory.glob("*.py*")} | {"_core"}

    def target(module: str, name: str | None) -> str:
        if name is not None and name in submodules:
            return f"{module}.{name}"
        return module

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom):
                if node.level == 1:
                    base = PACKAGE if node.module is None else f"{PACKAGE}.{node.module}"
                elif node.level == 0 and node.module is not None and (
                        node.module == PACKAGE or node.module.startswith(PACKAGE + ".")):
                    base = node.module
                else:
                    assert node.level == 0, f"{path.name}:{node.lineno}: import beyond the package"
                    continue
                if base == PACKAGE:
                    edges |= {target(PACKAGE, alias.name) for alias in node.names}
                else:
                    edges.add(base)
            elif isinstance(node, ast.Import):
                edges |= {alias.name for alias in node.names
                          if alias.name == PACKAGE or alias.name.startswith(PACKAGE + ".")}
        edges.discard(name)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        if module in path:
            return path[path.index(module):] + [module]
        if module in done:
            return None
        path.append(module)
        for imported in sorted(graph.get(module, ())):
            cycle = visit(imported)
            if cycle is not None:
                return cycle
        path.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module)
        if cycle is not None:
            return cycle
    return None


def imports_in_functions(directory: Path) -> list[str]:
    """``file:line`` of every import statement inside a function body."""
    found = []
    for path in module_names(directory).values():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found += [f"{path.name}:{node.lineno}" for node in ast.walk(function)
                          if isinstance(node, (ast.Import, ast.ImportFrom))]
    return sorted(set(found))


def test_the_source_is_where_the_test_reads_it() -> None:
    graph = imported_modules(SOURCE)
    assert {"plainlang", "plainlang._analyzer", "plainlang._report"} <= set(graph), sorted(graph)
    assert "plainlang._analyzer" in graph["plainlang"]


def test_the_package_imports_without_a_cycle() -> None:
    cycle = find_cycle(imported_modules(SOURCE))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_module_imports_inside_a_function() -> None:
    assert imports_in_functions(SOURCE) == []


def test_the_report_module_imports_only_the_core() -> None:
    # The bottom layer: the types every other module may use.
    assert imported_modules(SOURCE)["plainlang._report"] == {"plainlang._core"}


# Two modules (and the __init__) that import each other, in each form.
CYCLES = {
    "relative": {"_a.py": "from ._b import B\n", "_b.py": "from ._a import A\n"},
    "absolute": {"_a.py": "from . import _b\n", "_b.py": "from plainlang._a import A\n"},
    "type-checking": {
        "_a.py": "import plainlang._b\n",
        "_b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ._a import A\n",
    },
    "in-a-function": {"_a.py": "from ._b import B\n", "_b.py": "def f() -> None:\n    from ._a import A\n"},
    "via-init": {"__init__.py": "from ._a import A\n", "_a.py": "from . import VERSION\n"},
}


@pytest.mark.parametrize("files", CYCLES.values(), ids=CYCLES.keys())
def test_the_checks_find_a_cycle_in_every_form(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in {"__init__.py": "", **files}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert find_cycle(imported_modules(tmp_path)) is not None
    expected = ["_b.py:2"] if files is CYCLES["in-a-function"] else []
    assert imports_in_functions(tmp_path) == expected
