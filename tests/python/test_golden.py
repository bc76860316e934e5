"""The Python reports are the command line's JSON for the same input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import plainlang

from conftest import EXAMPLES, GOLDEN, REPO


def cli() -> str:
    """The plainlang command built from this tree: PLAINLANG_CLI (make test
    sets it), else one on PATH."""
    path = os.environ.get("PLAINLANG_CLI") or shutil.which("plainlang")
    if not path:
        pytest.skip("no plainlang command: set PLAINLANG_CLI (make test does)")
    return path


def cli_json(data: bytes, *args: str) -> dict[str, object]:
    run = subprocess.run(
        [cli(), "check", "--format", "json", *args, "-"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr.decode()
    result: dict[str, object] = json.loads(run.stdout)
    return result


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_to_dict_equals_golden_report(path: Path) -> None:
    golden = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert plainlang.analyze(path.read_text(encoding="utf-8")).to_dict() == golden


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_batch_and_bytes_give_the_golden_report_too(path: Path) -> None:
    golden = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    data = path.read_bytes()
    reports = plainlang.Analyzer().analyze_many([data, data.decode("utf-8")], threads=2)
    assert [r.to_dict() for r in reports] == [golden, golden]


def test_golden_files_cover_every_example() -> None:
    assert {p.stem for p in EXAMPLES} == {p.stem for p in GOLDEN.glob("*.json")}
    assert len(EXAMPLES) >= 3


INPUTS = {
    "empty": b"",
    "one_word": b"Hi",
    "non_ascii": "Café visit: your HbA1c is 7.2% — good. Naïve T-cells 😀 are fine.".encode(),
    "invalid_utf8": b"Your BP \xff\xfe is high.\xc3 Call the clinic \xe2\x82.",
    "run_on": b"the patient has " + b"bilateral edema and dyspnea and " * 40,
    "crlf": b"Take metformin BID.\r\n\r\nF/u in 2 wks.\r\n",
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_to_dict_equals_cli_json(name: str) -> None:
    data = INPUTS[name]
    assert plainlang.analyze(data).to_dict() == cli_json(data)


def test_to_dict_equals_cli_json_with_options(tmp_path: Path) -> None:
    terms = tmp_path / "terms.tsv"
    terms.write_text(
        "term\tcategory\tplain\tfamiliarity\nzorblax syndrome\tcondition\ta made-up illness\t0.05\n"
    )
    allow = tmp_path / "allow.tsv"
    allow.write_text("word\nBP\n")
    data = (REPO / "examples" / "portal_message.txt").read_bytes() + b"\nYou have zorblax syndrome.\n"
    expected = cli_json(
        data,
        "--target-grade", "6", "--max-jargon", "0.1", "--long-sentence", "12",
        "--terms", str(terms), "--allow", str(allow),
    )
    analyzer = plainlang.Analyzer(
        lexicon=terms, allow=[allow], target_grade=6, max_jargon=0.1, long_sentence_words=12
    )
    report = analyzer.analyze(data)
    assert report.to_dict() == expected
    assert "zorblax syndrome" in [f.term for f in report.findings]
    assert "BP" not in [f.text for f in report.findings]


def test_source_is_added_as_the_cli_does(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(INPUTS["non_ascii"])
    run = subprocess.run(
        [cli(), "check", "--format", "json", str(path)], capture_output=True, check=False
    )
    report = plainlang.analyze(path.read_bytes())
    assert report.to_json(source=str(path)) == run.stdout.decode().strip()
    assert report.to_dict(source=str(path)) == json.loads(run.stdout)
