#!/usr/bin/env python3
"""Soak test of `plainlang serve`: a steady request rate for a while, no errors allowed,
and the server's resident memory sampled to show it does not grow.

    python3 benchmarks/soak.py [--seconds 600] [--rate 100] [--cli build/plainlang]

Starts the service on a free loopback port, sends POST /v1/analyze with fictional
messages of about 1 KB at `--rate` requests per second from four client threads,
samples VmRSS from /proc every 10 s, stops the server with SIGTERM, and prints the
request count, errors, latency percentiles and the memory samples. Exits 1 on any
error or when the last minute's memory is more than 10% above the second minute's.
"""

from __future__ import annotations

import argparse
import http.client
import json
import pathlib
import re
import signal
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def messages() -> list[bytes]:
    lines = [line for name in ("portal_message.txt", "discharge_letter.txt", "plain_message.txt")
             for line in (ROOT / "examples" / name).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    out = []
    for start in range(len(lines)):
        text, k = "", start
        while len(text) < 1000:
            text += lines[k % len(lines)] + "\n"
            k += 1
        out.append(json.dumps({"text": text}).encode())
    return out


def rss_kb(pid: int) -> int:
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--rate", type=float, default=100, help="requests per second, in all")
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "plainlang")
    args = parser.parse_args()

    server = subprocess.Popen([str(args.cli), "serve", "--port", "0", "--threads", "2"],
                              stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    port = int(re.search(r":(\d+)/", line).group(1))
    # Keep draining the access log so the server never blocks on a full pipe.
    log_lines = [0]
    threading.Thread(target=lambda: [log_lines.__setitem__(0, log_lines[0] + 1)
                                     for _ in server.stderr], daemon=True).start()

    bodies = messages()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + args.seconds
    clients = 4
    interval = clients / args.rate

    def client(offset: int) -> None:
        k, next_at = offset, time.monotonic()
        while True:
            now = time.monotonic()
            if now >= stop_at:
                return
            if now < next_at:
                time.sleep(next_at - now)
            next_at += interval
            body = bodies[k % len(bodies)]
            k += clients
            started = time.monotonic()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("POST", "/v1/analyze", body, {"Content-Type": "application/json"})
                response = conn.getresponse()
                payload = response.read()
                conn.close()
                ok = response.status == 200 and b'"readability":{' in payload and \
                    payload.startswith(b'{"error":null,')
                problem = None if ok else f"status {response.status}"
            except OSError as error:
                problem = f"{type(error).__name__}: {error}"
            with lock:
                latencies.append(time.monotonic() - started)
                if problem:
                    errors.append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    samples = []
    began = time.monotonic()
    while any(t.is_alive() for t in threads):
        samples.append((round(time.monotonic() - began), rss_kb(server.pid)))
        time.sleep(10)
    for thread in threads:
        thread.join()
    samples.append((round(time.monotonic() - began), rss_kb(server.pid)))
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=30)

    latencies.sort()
    n = len(latencies)
    p = lambda q: latencies[min(n - 1, int(q * n))] * 1000
    print(f"soak: {args.seconds:.0f} s at {args.rate:g} requests/s target, {n} requests, "
          f"{len(errors)} errors, {n / args.seconds:.1f} requests/s achieved")
    print(f"latency ms: p50 {p(0.5):.2f}, p99 {p(0.99):.2f}, max {latencies[-1] * 1000:.2f}")
    print("server RSS (s: MB): " + ", ".join(f"{t}: {kb / 1024:.1f}" for t, kb in samples))
    print(f"server exit status after SIGTERM: {code}; access log lines: {log_lines[0]}")
    second_minute = [kb for t, kb in samples if 60 <= t < 120] or [samples[0][1]]
    last_minute = [kb for t, kb in samples if t >= samples[-1][0] - 60]
    grew = max(last_minute) > 1.10 * max(second_minute)
    if errors:
        print("first errors:", errors[:5])
    return 1 if errors or grew or code != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
