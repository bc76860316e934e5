"""The `plainlang` command that `pip install` puts beside the package, and
`python -m plainlang`."""

from __future__ import annotations

import subprocess
import sys

import plainlang
from plainlang.__main__ import command_path

MESSAGE = "Take one tablet PO BID. Your CBC was unremarkable.\n"


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, input=stdin, text=True, capture_output=True, timeout=60)


def test_the_command_is_installed_in_the_scripts_folder() -> None:
    command = command_path()
    assert command.is_file()
    assert command.parent.name in ("bin", "plainlang.scripts")


def test_version_is_the_package_version() -> None:
    assert plainlang.__version__ == "0.1.0"
    version = run([str(command_path()), "--version"])
    assert (version.returncode, version.stdout, version.stderr) == (0, "0.1.0\n", "")
    module = run([sys.executable, "-m", "plainlang", "--version"])
    assert (module.returncode, module.stdout) == (0, plainlang.__version__ + "\n")


def test_check_reads_stdin_and_agrees_with_analyze() -> None:
    result = run([str(command_path()), "check", "--format", "csv", "-"], MESSAGE)
    assert result.returncode == 1  # the message misses its targets
    header, row = result.stdout.splitlines()
    fields = dict(zip(header.split(","), row.split(","), strict=True))
    report = plainlang.analyze(MESSAGE)
    assert fields["findings"] == str(len(report.findings)) == "4"
    assert float(fields["health_grade"]) == round(report.readability.health_grade, 2)


def test_module_passes_arguments_and_exit_status_through() -> None:
    result = run([sys.executable, "-m", "plainlang", "check", "-"], MESSAGE)
    assert result.returncode == 1
    assert "1:17    PO                    abbreviation -> by mouth" in result.stdout
    unknown = run([sys.executable, "-m", "plainlang", "chek", "x.txt"])
    assert unknown.returncode == 2
    assert "unknown command 'chek'; did you mean 'check'?" in unknown.stderr
