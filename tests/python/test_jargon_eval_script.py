"""benchmarks/jargon_eval.py: how it reads marks and scores findings, on
made-up texts and findings (no analysis runs)."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import jargon_eval  # type: ignore[import-not-found]  # noqa: E402


def finding(text: jargon_eval.Text, word: str, occurrence: int = 0) -> dict[str, object]:
    """A finding on the given occurrence of `word` as a whole word."""
    data = text.text.encode("utf-8")
    spans = [m.span() for m in re.finditer(rb"\b" + re.escape(word.encode()) + rb"\b", data)]
    start, end = spans[occurrence]
    return {"start": start, "end": end, "text": word, "kind": "abbreviation",
            "source": "plainlang"}


def rewrite(marked: str) -> jargon_eval.Text:
    return jargon_eval.Text("x-01-plain", "plain_rewrite", "x", marked)


def test_marks_become_byte_spans_of_the_plain_text() -> None:
    text = jargon_eval.Text("x-01", "portal_reply", "x", "Your [[CBC|abbr]] was fine – [[BID]]")
    assert text.text == "Your CBC was fine – BID"
    end = len(text.text.encode("utf-8"))
    assert text.gold == [(5, 8, "abbr"), (end - 3, end, "term")]


def test_a_kept_word_is_kept_wherever_the_rewrite_repeats_it() -> None:
    text = rewrite("You need a ((CT scan)). A CT scan takes pictures. Two ct scans. A CTA.")
    found = [finding(text, "CT", 0), finding(text, "CT", 1), finding(text, "ct"),
             finding(text, "CTA")]
    s = jargon_eval.score([text], [found])
    # "CT" inside the repeated "CT scan" and the plural "ct scans" are the
    # kept word; "CTA" is another word.
    assert s["alarms"] == 1
    assert s["false_alarms"] == [("x-01-plain", "CTA", "abbreviation", "plainlang")]


def test_a_kept_word_is_kept_in_the_singular_and_the_plural() -> None:
    text = rewrite("You have ((gallstones)). One gallstone is large. A ((biopsy)) takes "
                   "biopsies. Your ((HR)) is 70. Wait 2 hrs. The HRs were fine.")
    found = [finding(text, w) for w in ("gallstone", "biopsies", "hrs", "HRs")]
    s = jargon_eval.score([text], [found])
    # "hrs" is not the acronym HR in the plural: acronyms keep their capitals.
    assert s["false_alarms"] == [("x-01-plain", "hrs", "abbreviation", "plainlang")]


def test_a_finding_on_a_word_not_kept_is_a_false_alarm() -> None:
    text = rewrite("Your ((CT scan)) was normal. Your spleen is fine.")
    s = jargon_eval.score([text], [[finding(text, "spleen")]])
    assert (s["alarms"], s["rewrites"], s["wrong"], s["right"]) == (1, 1, 1, 0)


def test_errors_keep_the_byte_span_of_the_occurrence_they_are() -> None:
    text = jargon_eval.Text("x-01", "portal", "x", "Take it [[PRN|abbr]]. Then [[PRN|abbr]].")
    second_prn = finding(text, "PRN", 1)
    s = jargon_eval.score([text], [[finding(text, "PRN", 0), dict(second_prn, start=0, end=4)]])
    # The second PRN is missed; the finding on "Take" is wrong: each listed
    # where it stands, not where its text first stands.
    assert s["misses"] == [("x-01", "abbr", "PRN")]
    assert s["miss_spans"] == [(second_prn["start"], second_prn["end"])]
    assert s["false_alarm_spans"] == [(0, 4)]


def test_alarms_on_well_known_acronyms_are_counted_apart() -> None:
    text = rewrite("Your MRI was normal. Your PFTs were too.")
    gentle = dict(finding(text, "MRI"), severity=0.1)
    firm = dict(finding(text, "PFTs"), severity=0.72)
    s = jargon_eval.score([text], [[gentle, firm]])
    assert (s["alarms"], s["known_alarms"]) == (2, 1)


def run_on_folder(folder: Path, original: str, plain: str, option: str,
                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The script's output for a folder of one message and its rewrite,
    given to `option`, with no dev texts; skips without a plainlang."""
    cli = os.environ.get("PLAINLANG_CLI") or shutil.which("plainlang")
    if not cli:
        pytest.skip("no plainlang command: set PLAINLANG_CLI (make test does)")
    (folder / "x.txt").write_text(
        f"# id: x-01 | kind: portal | specialty: x\n{original}\n---\n"
        "# id: x-01-plain | kind: plain_rewrite | specialty: x\n# rewrite-of: x-01\n"
        f"{plain}\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["jargon_eval.py", "--cli", cli, "--split", "dev",
                                      "--no-cochrane", option, str(folder)])
    monkeypatch.setattr(jargon_eval, "CORPUS", folder / "none")  # no dev texts
    assert jargon_eval.main() == 0
    return capsys.readouterr().out


def test_a_folder_is_scored_in_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_on_folder(tmp_path, "Take it [[PRN|abbr]] for pain.",
                        "Take it when you need it for pain. Your spleen is fine.", "--folder",
                        capsys, monkeypatch)
    assert f"== {tmp_path}: 1 messages, 1 plain rewrites, 1 marked spans" in out
    # PRN found; "spleen" on the rewrite is the one false alarm.
    assert "recall 100.0%   precision 50.0% (2 findings)   false alarms per rewrite 1.00" in out


def test_a_folder_learnt_from_lists_its_errors_in_context(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_on_folder(tmp_path, "Call us if the [[sore spot]] hurts.",
                        "Call us if it hurts. Your spleen is fine.", "--errors-in",
                        capsys, monkeypatch)
    # Everyday words marked as jargon: a miss, shown with the words around.
    assert re.search(r"term +x-01 +'sore spot' +\.\.\.Call us if the sore spot hurts\.", out)
    assert "RW x-01-plain" in out and "'spleen' (jargon" in out


def test_test_errors_are_never_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["jargon_eval.py", "--split", "dev", "--no-cochrane",
                                      "--errors-in", str(jargon_eval.CORPUS / "test")])
    with pytest.raises(SystemExit, match="test's errors are not listed"):
        jargon_eval.main()
