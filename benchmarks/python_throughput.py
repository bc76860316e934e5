"""Throughput of the Python package on one core and on all of them.

Scores a synthetic corpus made from the example messages (lines in a seeded
random order, 1 to 8 lines a message, so no two are alike) with
``Analyzer.analyze_many``, ``Analyzer.feature_matrix`` and ``score_frame``,
and shows that analysis releases the GIL (two Python threads against one).

    python benchmarks/python_throughput.py [--texts 20000] [--seed 42]

Needs the installed package (``make test`` puts one in .venv).
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import plainlang
from plainlang import _core

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def synthetic_corpus(count: int, seed: int) -> list[str]:
    lines = [
        line
        for path in sorted(EXAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    corpus = []
    for _ in range(count):
        picked = rng.choices(lines, k=rng.randint(1, 8))
        corpus.append("".join(line + ("\n\n" if rng.random() < 0.25 else "\n") for line in picked))
    return corpus


def best_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=20000, help="messages in the corpus")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()

    corpus = synthetic_corpus(args.texts, args.seed)
    megabytes = sum(len(text.encode("utf-8")) for text in corpus) / 1e6
    analyzer = plainlang.Analyzer()
    analyzer.analyze(corpus[0])  # the lexicon is parsed on first use
    cores = _core.cores()
    print(f"corpus: {len(corpus)} messages, {megabytes:.2f} MB "
          f"(mean {megabytes * 1e6 / len(corpus):.0f} bytes), seed {args.seed}; {cores} cores")
    print(f"{'what':<34}{'threads':>8}{'seconds':>10}{'texts/s':>12}{'MB/s':>8}")

    def row(what: str, threads: int, seconds: float) -> None:
        print(f"{what:<34}{threads:>8}{seconds:>10.3f}{len(corpus) / seconds:>12,.0f}"
              f"{megabytes / seconds:>8.2f}")

    frame = pd.DataFrame({"text": corpus})
    runs: dict[str, Callable[[int], object]] = {
        "analyze_many -> list[Report]": lambda threads: analyzer.analyze_many(
            corpus, threads=threads, progress=False),
        "feature_matrix -> ndarray": lambda threads: analyzer.feature_matrix(
            corpus, threads=threads, progress=False),
        "score_frame -> DataFrame": lambda threads: plainlang.score_frame(
            frame, threads=threads, progress=False, analyzer=analyzer),
    }
    # One core and all cores take turns, so a slow spell on a shared machine
    # does not fall on one side only; the best of `repeat` turns is shown.
    best: dict[tuple[str, int], float] = {}
    for _ in range(args.repeat):
        for what, run in runs.items():
            for threads in (1, cores):
                seconds = best_time(lambda: run(threads), 1)
                best[what, threads] = min(seconds, best.get((what, threads), seconds))
    for threads in (1, cores):
        for what in runs:
            row(what, threads, best[what, threads])

    # The GIL: the same two large messages, one after the other in one
    # Python thread, then at once in two.
    big = "".join(corpus)[: 1 << 20]
    analyzer.analyze(big)

    def in_threads() -> None:
        workers = [threading.Thread(target=analyzer.analyze, args=(big,)) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    serial = best_time(lambda: (analyzer.analyze(big), analyzer.analyze(big)), args.repeat)
    parallel = best_time(in_threads, args.repeat)
    print(f"two 1 MB messages: one Python thread {serial:.3f} s, two threads {parallel:.3f} s "
          f"(ratio {parallel / serial:.2f}; 1.0 would mean the GIL is held)")


if __name__ == "__main__":
    main()
