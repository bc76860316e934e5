"""``python -m plainlang``: the ``plainlang`` command that came with the package.

The command is the C++ program itself, so this only finds it and hands over
the arguments; it prints nothing of its own.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path


def command_path() -> Path:
    """Where the installed ``plainlang`` program is.

    A repaired (manylinux) wheel keeps the program beside the libraries it
    bundles, in ``plainlang.scripts`` next to the package, and puts a
    launcher in the scripts folder; a wheel built for this machine puts the
    program itself in the scripts folder.
    """
    beside_package = Path(__file__).resolve().parent.parent / "plainlang.scripts" / "plainlang"
    if beside_package.is_file():
        return beside_package
    return Path(sysconfig.get_path("scripts")) / "plainlang"


def main() -> None:
    command = command_path()
    if not command.is_file():
        sys.exit(f"plainlang: the command is not installed at {command}; reinstall the package")
    os.execv(command, ["plainlang", *sys.argv[1:]])


if __name__ == "__main__":
    main()
