"""benchmarks/validity.py: its statistics, its exit on missing data, and a
--quick run when the evaluation sets are beside the repository."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "validity.py"
EVAL = REPO.parent / "shared" / "eval"

sys.path.insert(0, str(SCRIPT.parent))
import validity  # type: ignore[import-not-found]  # noqa: E402


def test_ranks_average_ties() -> None:
    assert validity.ranks([10, 20, 20, 5, 20]) == [2.0, 4.0, 4.0, 1.0, 4.0]


def test_pearson_and_spearman_by_hand() -> None:
    x = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert validity.pearson(x, [2.0, 4.0, 6.0, 8.0, 10.0]) == pytest.approx(1.0)
    assert validity.pearson(x, [5.0, 4.0, 3.0, 2.0, 1.0]) == pytest.approx(-1.0)
    # Monotone but not linear: rho is 1, r is not.
    assert validity.spearman(x, [1.0, 10.0, 100.0, 1000.0, 10000.0]) == pytest.approx(1.0)
    # Ties: ranks of y are 1.5, 1.5, 3, 4, 5; worked out by hand.
    assert validity.spearman(x, [1.0, 1.0, 2.0, 3.0, 4.0]) == pytest.approx(0.9746794344808963)
    assert math.isnan(validity.pearson(x, [3.0] * 5))
    assert math.isnan(validity.pearson([1.0], [2.0]))


def test_agrees_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0]
    y = [2.0, 7.0, 1.0, 8.0, 2.0, 8.0, 1.0, 8.0, 2.0, 8.0, 4.0]
    assert validity.pearson(x, y) == pytest.approx(stats.pearsonr(x, y)[0], abs=1e-12)
    assert validity.spearman(x, y) == pytest.approx(stats.spearmanr(x, y)[0], abs=1e-12)


def test_pair_accuracy_counts_ties_and_direction() -> None:
    counts = validity.pair_accuracy([3.0, 2.0, 1.0, math.nan], [1.0, 2.0, 3.0, 1.0], True)
    assert counts == {"right": 1, "ties": 1, "wrong": 1, "missing": 1}
    assert validity.pair_accuracy([3.0], [1.0], False)["wrong"] == 1


def test_missing_eval_folder_exits_2_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-eval"
    run = subprocess.run([sys.executable, str(SCRIPT), "--eval", str(missing)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert str(missing) in run.stderr


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is absent")
def test_quick_run(tmp_path: Path) -> None:
    out = tmp_path / "validity.json"
    run = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--no-textstat",
                          "--json", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "| plainlang | smog" in run.stdout
    numbers = json.loads(out.read_text(encoding="utf-8"))
    assert numbers["pairs"] == validity.QUICK_PAIRS
    scores = {row["score"]: row for row in numbers["scores"]}
    # Loose floors: the scores must at least point the right way.
    assert scores["smog"]["pearson"] > 0.3
    assert scores["flesch_reading_ease"]["pearson"] < -0.2
    assert scores["jargon.density"]["right"] > numbers["pairs"] / 2
    assert "health_grade" in scores
    assert numbers["jargon"]["jargon"]["marked"] > 200
