#!/usr/bin/env python3
"""`plainlang serve` under clients that open a connection per request, send slowly,
or are still sending when the service is told to stop.

    python3 benchmarks/hostile_clients.py [--requests 100000] [--slow 200] [--cli build/plainlang]

Three runs, each against a new server on a free loopback port:
1. churn: 16 threads, each opening a new connection for every request
   (`Connection: close`), `--requests` in all; every answer must be a 200.
2. slow headers: `--slow` connections each send half a request's headers and
   then a byte now and then; meanwhile 200 normal requests, one at a time,
   are timed (median, p99, max).
3. drain: with one client still trickling its headers, SIGTERM; the seconds
   until the server exits (the drain timeout is 10 s).

Exits 1 when a churn request fails, a normal request is not answered 200 or its
p99 is over 1 s, or the server takes more than 12 s to exit.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
BODY = b'{"text":"Your BP is fine. Take the pills PO BID with food and call us if dizzy."}'
REQUEST = (b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Connection: close\r\nContent-Length: " + str(len(BODY)).encode() + b"\r\n\r\n"
           + BODY)


def start(cli: str) -> tuple[subprocess.Popen, int]:
    server = subprocess.Popen([cli, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
    port = int(re.search(r":(\d+)/", server.stderr.readline()).group(1))
    # The access log is drained so that the server never blocks on the pipe.
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
    return server, port


def ask(port: int, timeout: float = 30) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(REQUEST)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def churn(port: int, requests: int, clients: int = 16) -> tuple[int, int, float]:
    ok, failed, lock = [0], [0], threading.Lock()

    def client() -> None:
        for _ in range(requests // clients):
            try:
                good = ask(port, timeout=10).startswith(b"HTTP/1.1 200")
            except OSError:
                good = False
            with lock:
                (ok if good else failed)[0] += 1

    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return ok[0], failed[0], time.monotonic() - began


def slow_headers(port: int, slow: int) -> tuple[list[float], int]:
    trickling = []
    for _ in range(slow):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\n")
        trickling.append(s)
    time.sleep(0.5)
    times, failed = [], 0
    for i in range(200):
        began = time.monotonic()
        try:
            failed += not ask(port).startswith(b"HTTP/1.1 200")
        except OSError:
            failed += 1
        times.append(time.monotonic() - began)
        if i % 20 == 0:  # a byte now and then keeps each slow connection alive
            for s in trickling:
                try:
                    s.sendall(b"X")
                except OSError:
                    pass
    for s in trickling:
        s.close()
    return sorted(times), failed


def drain_seconds(server: subprocess.Popen, port: int) -> float:
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/analyze HTTP/1.1\r\n")
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(0.5):
            try:
                s.sendall(b"X")
            except OSError:
                return

    threading.Thread(target=trickle, daemon=True).start()
    time.sleep(1)
    began = time.monotonic()
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
    stop.set()
    s.close()
    return time.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--cli", default=str(ROOT / "build" / "plainlang"))
    args = parser.parse_args()
    bad = False

    server, port = start(args.cli)
    ok, failed, seconds = churn(port, args.requests)
    print(f"churn: 16 connection-per-request clients, {ok} answered 200, {failed} failed, "
          f"{seconds:.1f} s")
    bad |= failed > 0
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)

    server, port = start(args.cli)
    times, failed = slow_headers(port, args.slow)
    p99 = times[int(0.99 * len(times)) - 1]
    print(f"slow headers: {args.slow} slow connections open, 200 normal requests: "
          f"median {statistics.median(times) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
          f"max {times[-1] * 1000:.1f} ms, {failed} not answered 200")
    bad |= failed > 0 or p99 > 1.0
    seconds = drain_seconds(server, port)
    print(f"drain: SIGTERM with a client trickling its headers: exit after {seconds:.1f} s, "
          f"status {server.returncode}")
    bad |= seconds > 12 or server.returncode != 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
