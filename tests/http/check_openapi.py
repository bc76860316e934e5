#!/usr/bin/env python3
"""Checks that `plainlang serve` answers as openapi.yaml says, with schemathesis.

Starts the built command on a free loopback port, runs schemathesis against
the top-level openapi.yaml (every check, a bounded number of examples per
route, a fixed seed so a failure reproduces), stops the service with SIGTERM
and requires it to exit 0. Needs no network.

    python3 tests/http/check_openapi.py --plainlang build/plainlang \
        --schemathesis build/schemathesis-venv/bin/schemathesis
"""
from __future__ import annotations

import argparse
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def start_service(plainlang: str, log: pathlib.Path) -> tuple[subprocess.Popen[bytes], int]:
    """Starts `plainlang serve --port 0` and returns it with the port it bound."""
    service = subprocess.Popen(
        [plainlang, "serve", "--port", "0", "--threads", "2"],
        stderr=log.open("wb"), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", log.read_text())
        if match:
            return service, int(match.group(1))
        if service.poll() is not None:
            break
        time.sleep(0.05)
    service.kill()
    sys.exit(f"check_openapi: plainlang serve did not start:\n{log.read_text()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plainlang", required=True, help="the built plainlang command")
    parser.add_argument("--schemathesis", required=True, help="the schemathesis command")
    parser.add_argument("--max-examples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20240607)
    args = parser.parse_args()
    # schemathesis runs in a scratch folder (its cache stays out of the tree).
    plainlang = str(pathlib.Path(args.plainlang).resolve())
    schemathesis = str(pathlib.Path(args.schemathesis).resolve())

    with tempfile.TemporaryDirectory() as temp:
        log = pathlib.Path(temp) / "serve.log"
        service, port = start_service(plainlang, log)
        try:
            run = subprocess.run(
                [schemathesis, "run", str(ROOT / "openapi.yaml"),
                 "--url", f"http://127.0.0.1:{port}", "--checks", "all",
                 "--max-examples", str(args.max_examples), "--seed", str(args.seed),
                 "--no-color"],
                cwd=temp, check=False)
        finally:
            service.send_signal(signal.SIGTERM)
            status = service.wait(timeout=30)
        if status != 0:
            print(f"check_openapi: plainlang serve exited {status} after SIGTERM:\n"
                  f"{log.read_text()}", file=sys.stderr)
            return 1
        requests = sum(1 for line in log.read_text().splitlines() if line.endswith("ms"))
        print(f"check_openapi: {requests} requests served, schemathesis exit {run.returncode}")
        return run.returncode


if __name__ == "__main__":
    sys.exit(main())
