"""Side-by-side speed of plainlang and its peers, measured in one run on one corpus.

    .venv/bin/python benchmarks/compare.py [--setup] [--json out.json]

What it measures, all on the same messages:

1. full analysis on one core: plainlang (Python ``analyze_many(threads=1)``
   and the C++ engine, ``BM_AnalyzeCorpusMessages``) against textstat's nine
   main formulas and py-readability-metrics' nine scorers;
2. lexicon matching alone: the engine's segmentation + lexicon match
   (``BM_MatchLexicon``) against pyahocorasick and flashtext loaded with the
   same terms (terms, abbreviations and medicine names, lower-cased),
   whole-word and case-insensitive;
3. scaling: ``analyze_many`` with threads=1 and threads=2, timed in turn, the
   median of each round's ratio;
4. latency of one ``Analyze()`` of a ~1 KB message, median and p99 (C++ and
   Python), against one text through each peer; and the portal's pattern, a
   ~1 KB draft analysed again after each keystroke (``BM_DraftLatency``);
5. the yardstick the speed issue names: ICU's own break iterators alone on
   the same corpus (``BM_IcuSegmentation``), beside the full analysis;
6. start-up and memory: ``plainlang check`` on a short message, process
   start to exit, against a Python process scoring it with textstat.

The corpus (``--mb``, default 4 MB) is the lines of ``examples/*.txt`` and
of ``tests/data/annotated_messages.txt`` (headers and ``[[ ]]`` / ``{{ }}``
marks removed; all fictional), shuffled with a seed and packed into messages
of about 1 KB. The peers are slow, so they score a time-bounded prefix of the
same messages (``--peer-seconds``, at least ``--peer-texts``) and their rates
are per second of that prefix. Each 40 of those messages a peer scores, plainlang
scores the same 40 too, at once: the "paired" rows compare the two chunk by
chunk, which the machine's drifting speed disturbs far less than figures taken
minutes apart.

Peers are not dependencies of the package: ``--setup`` (or their absence)
installs them with pip into this interpreter. Needs ``make build`` (the
``analyze_benchmark`` and ``plainlang`` programs) and ``make python``.
The machine is shared, so each figure is a median of ``--repeat`` runs and
every ratio compares figures of the same run.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
import re
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from validity import read_cmudict  # the reader validity.py uses

ROOT = Path(__file__).resolve().parents[1]
PEERS = {  # pip name -> module
    "textstat": "textstat",
    "py-readability-metrics": "readability",
    "pyahocorasick": "ahocorasick",
    "flashtext": "flashtext",
}
DEFAULT_CMUDICT = ROOT.parent / "shared" / "data" / "sources" / "cmudict" / "cmudict.dict"
SEPARATOR = "\n\x1e\n"  # between messages in the file analyze_benchmark --corpus reads
TEXTSTAT_FORMULAS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "gunning_fog",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard",
)
READABILITY_SCORERS = (
    "flesch", "flesch_kincaid", "smog", "gunning_fog", "coleman_liau", "ari",
    "dale_chall", "linsear_write", "spache",
)
SHORT_MESSAGE = "Your CBC was unremarkable. Take 1 tab PO BID with food.\n"


# --- corpus ----------------------------------------------------------------

def source_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    annotated = (ROOT / "tests" / "data" / "annotated_messages.txt").read_text(encoding="utf-8")
    for line in annotated.splitlines():
        if not line.strip() or line.startswith("#") or line == "---":
            continue  # headers, comments and separators are not message text
        lines.append(re.sub(r"\[\[|\]\]|\{\{|\}\}", "", line))
    return lines


def make_corpus(megabytes: float, seed: int, message_bytes: int = 1024) -> list[str]:
    """Messages of about `message_bytes`: whole lines in a seeded shuffled order
    (pass after pass over all lines), a blank line now and then."""
    lines = source_lines()
    rng = random.Random(seed)
    messages: list[str] = []
    current: list[str] = []
    size = 0
    total = 0
    target = int(megabytes * 1e6)
    while total < target:
        order = lines[:]
        rng.shuffle(order)
        for line in order:
            piece = line + ("\n\n" if rng.random() < 0.2 else "\n")
            current.append(piece)
            size += len(piece.encode("utf-8"))
            if size >= message_bytes:
                messages.append("".join(current).rstrip("\n") + "\n")
                total += len(messages[-1].encode("utf-8"))
                current, size = [], 0
                if total >= target:
                    break
    return messages


def nbytes(texts: list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# --- peers -----------------------------------------------------------------

def ensure_peers(force: bool) -> dict[str, str]:
    """Installs the missing peers with pip (all of them with --setup); returns
    pip name -> version, or the reason it is missing."""
    missing = [name for name, module in PEERS.items()
               if force or importlib.util.find_spec(module) is None]
    if missing:
        print(f"installing with pip: {' '.join(missing)}", file=sys.stderr)
        done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing])
        if done.returncode != 0:
            print("pip install failed; the peers that are missing are left out", file=sys.stderr)
        importlib.invalidate_caches()
    versions = {}
    for name in PEERS:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def load_textstat(cmudict: Path):
    """textstat, and where its syllable counts come from. textstat 0.7.x asks
    nltk for the cmudict corpus and downloads it when absent, which fails
    offline: then it gets `cmudict` through its get_cmudict hook instead."""
    import textstat
    counter = importlib.import_module("textstat.backend.counts._count_syllables")
    try:
        import nltk
        nltk.data.find("corpora/cmudict")
        return textstat, "nltk's cmudict corpus"
    except LookupError:
        pass
    if not hasattr(counter, "get_cmudict"):
        return textstat, "textstat's own loader (unknown layout: not shimmed)"
    if cmudict.is_file():
        table = read_cmudict(cmudict)
        counter.get_cmudict = lambda lang: table if lang.lower().startswith("en") else None
        return textstat, f"{cmudict.name} ({len(table):,} words) via a shim; nltk has no cmudict offline"
    counter.get_cmudict = lambda lang: None
    return textstat, f"pyphen only: nltk has no cmudict and {cmudict} is missing"


def textstat_all(textstat, text: str) -> list[float]:
    return [getattr(textstat, name)(text) for name in TEXTSTAT_FORMULAS]


def load_readability():
    """py-readability-metrics, and a note. It splits sentences with nltk's
    sent_tokenize, whose trained Punkt model (punkt_tab) nltk downloads at
    first use; offline it then runs with an untrained Punkt tokenizer (same
    algorithm, no learnt abbreviations), which the note says."""
    import readability
    import readability.text.analyzer as analyzer_module
    try:
        import nltk
        nltk.sent_tokenize("One. Two.")
        return readability, "nltk punkt model"
    except LookupError:
        from nltk.tokenize.punkt import PunktSentenceTokenizer
        analyzer_module.sent_tokenize = PunktSentenceTokenizer().tokenize
        return readability, "untrained Punkt (nltk's punkt_tab model cannot be downloaded offline)"


def readability_all(readability, text: str) -> int:
    """All nine scorers on one text; returns how many refused it (SMOG wants
    30 sentences, most want 100 words)."""
    from readability.exceptions import ReadabilityException
    scores = readability.Readability(text)
    refused = 0
    for name in READABILITY_SCORERS:
        try:
            getattr(scores, name)()
        except ReadabilityException:
            refused += 1
    return refused


def lexicon_terms() -> list[str]:
    """First column of terms.tsv, abbreviations.tsv and medicines.tsv, lower-cased, unique."""
    terms = set()
    for table in ("terms", "abbreviations", "medicines"):
        with (ROOT / "data" / f"{table}.tsv").open(encoding="utf-8") as rows:
            next(rows)
            for row in rows:
                key = row.split("\t", 1)[0].strip().lower()
                if key:
                    terms.add(key)
    return sorted(terms)


WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_")  # flashtext's word characters


def aho_corasick_count(automaton, texts: list[str]) -> int:
    """Whole-word, case-insensitive matches (overlapping ones included)."""
    found = 0
    word = WORD_CHARS
    for text in texts:
        lower = text.lower()
        n = len(lower)
        for end, length in automaton.iter(lower):
            start = end - length + 1
            if (start == 0 or lower[start - 1] not in word) and (end + 1 == n or lower[end + 1] not in word):
                found += 1
    return found


def aho_corasick_longest(automaton, texts: list[str]) -> int:
    """The same matches reduced to leftmost-longest, non-overlapping (as
    plainlang and flashtext report them), for the sanity check; not timed."""
    found = 0
    for text in texts:
        lower = text.lower()
        n = len(lower)
        spans = []
        for end, length in automaton.iter(lower):
            start = end - length + 1
            if (start == 0 or lower[start - 1] not in WORD_CHARS) and (end + 1 == n or lower[end + 1] not in WORD_CHARS):
                spans.append((start, -end))
        position = 0
        for start, neg_end in sorted(spans):
            if start >= position:
                found += 1
                position = -neg_end + 1
    return found


# --- timing helpers ----------------------------------------------------------

def timed(run) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, every thread) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def percentile(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


def per_text(run_one, texts: list[str], seconds: float, enough: int, minimum: int = 30,
             beside=None, chunk: int = 40):
    """Runs `run_one` on texts in order until `enough` texts are done, or
    `seconds` have passed with at least `minimum` done; returns (texts done,
    CPU seconds, per-text wall seconds, pairs).

    With `beside`, each `chunk` texts (and a last partial chunk) are followed
    by beside(those texts), plainlang's CPU seconds per pass over them, and
    `pairs` holds (peer MB/s, plainlang MB/s) for each chunk: the same texts
    at nearly the same moment. The machine's speed drifts by up to 2x from
    one minute to the next, so these ratios are far steadier than ones of
    figures measured minutes apart."""
    durations = []
    cpu = 0.0
    pairs = []
    chunk_start, chunk_cpu = 0, 0.0
    started = time.perf_counter()

    def close_chunk(end: int) -> None:
        nonlocal chunk_start, chunk_cpu, started
        if beside is not None and end > chunk_start and chunk_cpu > 0:
            size = nbytes(texts[chunk_start:end]) / 1e6
            paused = time.perf_counter()
            ours = beside(texts[chunk_start:end])
            started += time.perf_counter() - paused  # plainlang's turn is not the peer's time
            if ours > 0:
                pairs.append((size / chunk_cpu, size / ours))
        chunk_start, chunk_cpu = end, 0.0

    for text in texts:
        wall, used = timed(lambda: run_one(text))
        durations.append(wall)
        cpu += used
        chunk_cpu += used
        if len(durations) - chunk_start == chunk:
            close_chunk(len(durations))
        if len(durations) >= enough or (
                len(durations) >= minimum and time.perf_counter() - started >= seconds):
            break
    close_chunk(len(durations))
    return len(durations), cpu, durations, pairs


def run_cpp(binary: Path, corpus_file: Path, repeat: int) -> dict[str, dict]:
    """Medians over `repeat` repetitions of the C++ benchmarks, by name."""
    command = [str(binary), f"--corpus={corpus_file}",
               "--benchmark_filter=^BM_(AnalyzeCorpus|MatchLexicon|AnalyzeMessageLatency|"
               "DraftLatency|IcuSegmentation)",
               f"--benchmark_repetitions={repeat}", "--benchmark_report_aggregates_only=true",
               "--benchmark_format=json"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = {}
    single = {}
    for entry in json.loads(out)["benchmarks"]:
        # Keyed without /arguments, but BM_IcuSegmentation/0 and /1 differ.
        parts = entry["run_name"].split("/")
        name = "/".join(parts[:2]) if parts[0] == "BM_IcuSegmentation" else parts[0]
        if entry.get("aggregate_name") == "median":
            found[name] = entry
        elif entry.get("run_type") == "iteration":  # --repeat 1: no aggregates
            single[name] = entry
    return found or single


TIME = Path("/usr/bin/time")


def one_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds from start to exit and max RSS (MB) of one process. The RSS
    comes from GNU time (apt-get install time): a child forked from this big
    Python process reports this process's RSS as its own high-water mark."""
    with tempfile.NamedTemporaryFile("r") as rss:
        wrapped = [str(TIME), "-f", "%M", "-o", rss.name, *command] if TIME.is_file() else command
        start = time.perf_counter()
        process = subprocess.Popen(wrapped, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # plainlang check: 1 = misses its targets
            raise RuntimeError(f"{' '.join(command)} exited {code}")
        kilobytes = float(rss.read().split()[-1]) if TIME.is_file() else usage.ru_maxrss
    return wall, kilobytes / 1024


def startup(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median max RSS (MB) over `runs` processes."""
    results = [one_process(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


# --- the run -------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each plainlang figure; the median is shown (default 5)")
    parser.add_argument("--peer-seconds", type=float, default=3.0,
                        help="a slow peer scores messages for this long (default 3) ...")
    parser.add_argument("--peer-texts", type=int, default=200,
                        help="... or this many, whichever comes first (default 200; never fewer than 30)")
    parser.add_argument("--startup-runs", type=int, default=20)
    parser.add_argument("--build", type=Path, default=ROOT / "build",
                        help="CMake build folder with analyze_benchmark and plainlang")
    parser.add_argument("--cmudict", type=Path, default=DEFAULT_CMUDICT,
                        help="CMU dictionary for textstat when nltk has none")
    parser.add_argument("--setup", action="store_true", help="pip install the peers first")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--one-shot-textstat", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one_shot_textstat:  # the peer process of the start-up row
        textstat, _ = load_textstat(args.cmudict)
        textstat_all(textstat, args.one_shot_textstat.read_text(encoding="utf-8"))
        return 0

    benchmark_binary = args.build / "analyze_benchmark"
    cli = args.build / "plainlang"
    for program in (benchmark_binary, cli):
        if not program.is_file():
            print(f"compare.py: {program} is missing: run `make build`", file=sys.stderr)
            return 2
    versions = ensure_peers(args.setup)
    import plainlang  # after the argument checks: `make python` installs it
    from plainlang import _core

    results: dict[str, dict] = {}
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []

    def add(metric: str, ours: float, unit: str, peer_name: str | None, peer: float | None,
            higher_is_better: bool = True, digits: int = 2, ratio: float | None = None) -> None:
        """A row; its ratio is ours to the peer's unless `ratio` is given."""
        results[metric] = {"plainlang": ours, "peer": peer_name, "peer_value": peer, "unit": unit}
        ours_text = f"{ours:,.{digits}f} {unit}"
        if peer is None:
            rows.append((metric, ours_text, peer_name or "-", "-"))
            return
        if ratio is None:
            ratio = (ours / peer if higher_is_better else peer / ours) if ours and peer else float("nan")
        results[metric]["ratio"] = ratio
        rows.append((metric, ours_text, f"{peer:,.{digits}f} {unit} ({peer_name})", f"{ratio:,.1f}x"))

    corpus = make_corpus(args.mb, args.seed)
    corpus_bytes = nbytes(corpus)
    mean_bytes = corpus_bytes / len(corpus)
    print(f"corpus: {len(corpus):,} messages, {corpus_bytes / 1e6:.2f} MB (mean {mean_bytes:.0f} bytes), "
          f"seed {args.seed}; {_core.cores()} cores; plainlang {plainlang.__version__}; "
          f"peers {', '.join(f'{k} {v}' for k, v in versions.items())}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as scratch:
        corpus_file = Path(scratch) / "corpus.txt"
        corpus_file.write_text(SEPARATOR.join(corpus), encoding="utf-8")
        short_file = Path(scratch) / "short.txt"
        short_file.write_text(SHORT_MESSAGE, encoding="utf-8")

        # C++ first, while nothing else of this process holds memory or a core.
        print("C++ benchmarks ...", file=sys.stderr)
        cpp = run_cpp(benchmark_binary, corpus_file, args.repeat)

        # plainlang from Python: one core and two, taking turns.
        print("plainlang from Python ...", file=sys.stderr)
        analyzer = plainlang.Analyzer()
        analyzer.analyze(corpus[0])  # the lexicon is parsed on first use
        seconds = {1: [], 2: []}
        for _ in range(args.repeat):
            for threads in (1, 2):
                seconds[threads].append(timed(
                    lambda: analyzer.analyze_many(corpus, threads=threads, progress=False)))
        py1 = statistics.median(cpu for _, cpu in seconds[1])  # one core: CPU time
        py1_wall = statistics.median(wall for wall, _ in seconds[1])  # scaling: wall time
        py2_wall = statistics.median(wall for wall, _ in seconds[2])
        calls = []
        for k in range(max(5000, 5 * len(corpus) // 4)):
            text = corpus[k % len(corpus)]
            t0 = time.perf_counter()
            analyzer.analyze(text)
            calls.append(time.perf_counter() - t0)
        calls.sort()

        def plainlang_beside(texts: list[str]) -> float:
            """CPU seconds per pass of analyze_many(threads=1) over `texts`,
            passes repeated for at least a tenth of a second. The passes after
            the first find the texts in cache, which the peer's one pass does
            not; 40 texts behave like the whole corpus otherwise (branches and
            lexicon alike, benchmarks/README.md), so the advantage is small."""
            passes, used = 0, 0.0
            while used < 0.1:
                used += timed(lambda: analyzer.analyze_many(texts, threads=1, progress=False))[1]
                passes += 1
            return used / passes

        # The readability peers, on a prefix of the same messages.
        peer_full = {}
        peer_pairs = {}  # name -> [(peer MB/s, plainlang MB/s)], chunk by chunk
        if versions["textstat"] != "not installed":
            print("textstat ...", file=sys.stderr)
            textstat, source = load_textstat(args.cmudict)
            textstat_all(textstat, corpus[-1])  # loads the dictionaries; not a timed text
            done, total, durations, pairs = per_text(lambda t: textstat_all(textstat, t), corpus,
                                                     args.peer_seconds, args.peer_texts,
                                                     beside=plainlang_beside)
            peer_full["textstat"] = (done, total, sorted(durations), nbytes(corpus[:done]))
            peer_pairs["textstat"] = pairs
            notes.append(f"textstat {versions['textstat']}: the nine formulas {', '.join(TEXTSTAT_FORMULAS)} "
                         f"on each of the first {done} messages; syllables from {source}.")
        else:
            notes.append("textstat: not installed, left out (pip install textstat).")
        if versions["py-readability-metrics"] != "not installed":
            print("py-readability-metrics ...", file=sys.stderr)
            readability, source = load_readability()
            readability_all(readability, corpus[-1])
            refused = []
            done, total, durations, pairs = per_text(
                lambda t: refused.append(readability_all(readability, t)), corpus, args.peer_seconds,
                args.peer_texts, beside=plainlang_beside)
            peer_full["py-readability-metrics"] = (done, total, sorted(durations), nbytes(corpus[:done]))
            peer_pairs["py-readability-metrics"] = pairs
            notes.append(f"py-readability-metrics {versions['py-readability-metrics']}: its nine scorers "
                         f"({', '.join(READABILITY_SCORERS)}) on each of the first {done} messages; "
                         f"sentences by {source}; {sum(refused)} of {9 * done} scores refused "
                         f"(SMOG needs 30 sentences, the others 100 words) after the text statistics "
                         f"they share were computed.")
        else:
            notes.append("py-readability-metrics: not installed, left out.")

        # Lexicon matching: the same term list in both peers.
        match_peers = {}
        if versions["pyahocorasick"] != "not installed" and versions["flashtext"] != "not installed":
            print("pyahocorasick and flashtext ...", file=sys.stderr)
            import ahocorasick
            from flashtext import KeywordProcessor
            terms = lexicon_terms()
            automaton = ahocorasick.Automaton()
            for term in terms:
                automaton.add_word(term, len(term))
            automaton.make_automaton()
            processor = KeywordProcessor(case_sensitive=False)
            processor.add_keywords_from_list(terms)
            ac_seconds, ac_found = [], 0
            for _ in range(max(1, args.repeat // 2)):  # seconds per pass
                box = []
                ac_seconds.append(timed(lambda: box.append(aho_corasick_count(automaton, corpus)))[1])
                ac_found = box[0]
            match_peers["pyahocorasick"] = (statistics.median(ac_seconds), ac_found)
            ft_seconds, ft_found = [], 0
            for _ in range(max(1, args.repeat // 2)):  # pure Python: seconds per pass
                box = []
                ft_seconds.append(timed(lambda: box.append(
                    sum(len(processor.extract_keywords(text)) for text in corpus)))[1])
                ft_found = box[0]
            match_peers["flashtext"] = (statistics.median(ft_seconds), ft_found)
            ac_longest = aho_corasick_longest(automaton, corpus)
            notes.append(f"Lexicon matching: {len(terms):,} distinct lower-cased keys (terms.tsv, "
                         f"abbreviations.tsv, medicines.tsv first columns) in both peers; whole words "
                         f"([A-Za-z0-9_] boundaries), text lower-cased inside the timing. pyahocorasick "
                         f"counts every whole-word hit, overlaps included ({ac_longest:,} once reduced to "
                         f"leftmost-longest); flashtext and plainlang report leftmost-longest, "
                         f"non-overlapping. plainlang also matches inflections (biopsies -> biopsy), "
                         f"applies abbreviations' case rules (exact-case ones only as written), and "
                         f"includes sentence and word segmentation in its time.")
        else:
            notes.append("Lexicon matching peers: pyahocorasick or flashtext not installed, left out.")

        # Start-up and memory.
        print("start-up ...", file=sys.stderr)
        cli_wall, cli_rss = startup([str(cli), "check", str(short_file)], args.startup_runs)
        py_wall, py_rss = startup([sys.executable, "-c",
                                   "import sys, plainlang; plainlang.analyze(open(sys.argv[1]).read())",
                                   str(short_file)], args.startup_runs)
        ts_start = None
        if versions["textstat"] != "not installed":
            notes.append("Start-up peer: a Python process that imports textstat, loads the CMU "
                         "dictionary the way this script gives it to textstat, and scores the "
                         "short message with the nine formulas.")
            ts_start = startup([sys.executable, str(Path(__file__).resolve()), "--cmudict", str(args.cmudict),
                                "--one-shot-textstat", str(short_file)], args.startup_runs)

    # --- the table -----------------------------------------------------------
    mb = 1e6
    py1_mbs = corpus_bytes / mb / py1
    py1_tps = len(corpus) / py1
    cpp_corpus = cpp.get("BM_AnalyzeCorpusMessages")
    cpp_mbs = cpp_corpus["bytes_per_second"] / mb if cpp_corpus else None  # CPU time
    cpp_tps = cpp_corpus["items_per_second"] if cpp_corpus else None
    full_peers = {name: (done / total, size / mb / total, durations)
                  for name, (done, total, durations, size) in peer_full.items()}

    for name, (tps, mbs, _) in full_peers.items():
        add(f"full analysis, 1 core, Python analyze_many vs {name}", py1_mbs, "MB/s", name, mbs)
        add("  the same in texts/s", py1_tps, "texts/s", name, tps, digits=0)
        pairs = peer_pairs.get(name)
        if pairs:
            # The median of the chunks' own ratios, not the ratio of medians.
            ratios = [ours / peer for peer, ours in pairs]
            metric = f"  paired with {name}: the same texts, chunk by chunk (median of {len(pairs)})"
            add(metric, statistics.median(ours for _, ours in pairs), "MB/s", name,
                statistics.median(peer for peer, _ in pairs), ratio=statistics.median(ratios))
            results[metric]["chunk_ratios"] = ratios
    if cpp_mbs is not None:
        first = next(iter(full_peers.items()), None)
        add("full analysis, 1 core, C++ Analyze() per message", cpp_mbs, "MB/s",
            first[0] if first else None, first[1][1] if first else None)
        add("  the same in texts/s", cpp_tps, "texts/s",
            first[0] if first else None, first[1][0] if first else None, digits=0)
    # The yardstick: ICU's break iterators alone on the same corpus.
    for arg, what in (("1", "sentence and word breaks"), ("0", "word breaks only")):
        icu = cpp.get(f"BM_IcuSegmentation/{arg}")
        if icu and cpp_mbs is not None:
            add(f"  C++ full analysis vs ICU segmentation alone ({what})", cpp_mbs, "MB/s",
                "ICU", icu["bytes_per_second"] / mb)
    whole = cpp.get("BM_AnalyzeCorpus")
    if whole:
        add("full analysis, 1 core, C++ one 1 MB document (BM_AnalyzeCorpus)",
            whole["bytes_per_second"] / mb, "MB/s", "not the same corpus", None)

    match = cpp.get("BM_MatchLexicon")
    if match:
        match_mbs = match["bytes_per_second"] / mb
        for name, (secs, found) in match_peers.items():
            add(f"lexicon matching vs {name}", match_mbs, "MB/s", name, corpus_bytes / mb / secs)
        add("  matches found (sanity check)", match["matches"], "matches", None, None, digits=0)
        rows[-1] = (rows[-1][0], f"{match['matches']:,.0f} ({match['term_matches']:,.0f} terms, "
                    f"{match['abbreviation_matches']:,.0f} abbreviations)",
                    "; ".join(f"{name} {found:,}" for name, (_, found) in match_peers.items()) or "-", "-")
        results["matches"] = {"plainlang": match["matches"],
                              **{name: found for name, (_, found) in match_peers.items()}}

    # Each round times one thread and then two at nearly the same moment; the
    # median of the rounds' own ratios, as for the paired peers.
    round_ratios = [one / two for (one, _), (two, _) in zip(seconds[1], seconds[2])]
    add("scaling: analyze_many threads=2 vs threads=1 (wall clock)", corpus_bytes / mb / py2_wall,
        "MB/s", "plainlang threads=1", corpus_bytes / mb / py1_wall,
        ratio=statistics.median(round_ratios))
    results["scaling: analyze_many threads=2 vs threads=1 (wall clock)"]["round_ratios"] = round_ratios

    latency = cpp.get("BM_AnalyzeMessageLatency")
    textstat_durations = full_peers.get("textstat", (None, None, None))[2]
    if latency:
        add("latency, one ~1 KB message, C++ Analyze() p50", latency["p50_us"] / 1000, "ms",
            "textstat" if textstat_durations else None,
            percentile(textstat_durations, 0.5) * 1000 if textstat_durations else None,
            higher_is_better=False, digits=3)
        add("latency, one ~1 KB message, C++ Analyze() p99", latency["p99_us"] / 1000, "ms",
            "textstat" if textstat_durations else None,
            percentile(textstat_durations, 0.99) * 1000 if textstat_durations else None,
            higher_is_better=False, digits=3)
    draft = cpp.get("BM_DraftLatency")
    if draft:
        for label in ("p50", "p99"):
            add(f"latency, a ~1 KB draft re-analysed at each keystroke, C++ {label}",
                draft[f"{label}_us"] / 1000, "ms", None, None, digits=3)
    for label, p in (("p50", 0.5), ("p99", 0.99)):
        add(f"latency, one ~1 KB message, Python analyze() {label}", percentile(calls, p) * 1000, "ms",
            "textstat" if textstat_durations else None,
            percentile(textstat_durations, p) * 1000 if textstat_durations else None,
            higher_is_better=False, digits=3)
    readability_durations = full_peers.get("py-readability-metrics", (None, None, None))[2]
    if readability_durations:
        add("latency, one ~1 KB message, Python analyze() p50 vs py-readability-metrics",
            percentile(calls, 0.5) * 1000, "ms", "py-readability-metrics",
            percentile(readability_durations, 0.5) * 1000, higher_is_better=False, digits=3)

    peer_name = "python + textstat, one message" if ts_start else None
    if not TIME.is_file():
        notes.append("max RSS from wait4: includes this script's own memory at fork (no /usr/bin/time)")
    add(f"start-up: `plainlang check` short message, wall median of {args.startup_runs}", cli_wall * 1000,
        "ms", peer_name, ts_start[0] * 1000 if ts_start else None, higher_is_better=False, digits=1)
    add("start-up: `plainlang check`, max RSS", cli_rss, "MB", peer_name,
        ts_start[1] if ts_start else None, higher_is_better=False, digits=1)
    add(f"start-up: python + import plainlang + analyze(), wall median of {args.startup_runs}",
        py_wall * 1000, "ms", peer_name, ts_start[0] * 1000 if ts_start else None,
        higher_is_better=False, digits=1)
    add("start-up: python + import plainlang + analyze(), max RSS", py_rss, "MB", peer_name,
        ts_start[1] if ts_start else None, higher_is_better=False, digits=1)

    headers = ("metric", "plainlang", "peer", "ratio")
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(4)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
    print()
    print("One-core throughput is bytes per CPU second of the process (less sensitive to other "
          "work on the machine than wall time); scaling, latency and start-up are wall clock.")
    print(f"ratio: how many times plainlang is faster (throughput, latency, start-up) or smaller (RSS); "
          f"medians of {args.repeat} runs for plainlang from Python and the C++ engine, "
          f"{max(1, args.repeat // 2)} for pyahocorasick and flashtext.")
    notes.append(f"Python analyze() latency: {len(calls):,} calls cycling through the corpus; C++: "
                 f"BM_AnalyzeMessageLatency, 20,000 timed calls, median of {args.repeat} repetitions' "
                 f"percentiles. Peer latency: each timed text of its full-analysis run. "
                 f"Draft latency: BM_DraftLatency, 200 corpus messages each edited 100 times "
                 f"by one letter typed or deleted, the whole draft analysed after each.")
    for note in notes:
        print("- " + note)

    if args.json:
        machine = {"cores": os.cpu_count(), "python": platform.python_version(),
                   "machine": platform.machine(), "system": platform.platform()}
        args.json.write_text(json.dumps({
            "date": datetime.date.today().isoformat(),
            "command": " ".join(sys.argv),
            "machine": machine,
            "corpus": {"messages": len(corpus), "bytes": corpus_bytes, "seed": args.seed},
            "versions": {"plainlang": plainlang.__version__, **versions},
            "results": results, "notes": notes,
            "python_analyze_many_seconds": {f"threads={k}": [{"wall": w, "cpu": c} for w, c in v]
                                            for k, v in seconds.items()},
            "cpp": cpp,
        }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
