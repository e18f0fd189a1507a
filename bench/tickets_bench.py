"""Ticket mining benchmark: generate N tickets (default 100,000, all seven languages, with store-specific
topics and the fixtures' personal data), then time ``analyze_tickets`` on them several times and print the
median (target: under 30 s for 100,000 tickets on 2 cores), plus peak memory: the process's maximum resident
set size (``resource``) and the peak of Python allocations during one run (``tracemalloc``, a separate run
because tracing slows it down). Streaming keeps memory flat: try ``--tickets 1000000`` (target < 1 GB).

    .venv/bin/python bench/tickets_bench.py [--tickets 100000] [--runs 3] [--no-tracemalloc]
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.tickets import analyze_tickets  # noqa: E402
from fixtures.tickets import make_samples  # noqa: E402
from fixtures.tickets import templates as tpl  # noqa: E402

LANGS = ("en", "pl", "uk", "ru", "sk", "cs", "de")


def generate(path: Path, count: int) -> None:
    """Write ``count`` tickets as a CSV, from a pool of composed tickets (composing each one anew would
    make the generator, not the miner, the slow part)."""
    gen = make_samples.Gen(11)
    pool = []
    mixture = {**tpl.MIXTURE, "store-a": 20, "store-b": 12}
    for lang in LANGS:
        topics = {}
        if lang in tpl.STORE_TOPICS:
            names = list(tpl.STORE_TOPICS[lang])
            topics = {"store-a": tpl.STORE_TOPICS[lang][names[0]], "store-b": tpl.STORE_TOPICS[lang][names[1]]}
        local = {k: v for k, v in mixture.items() if k in tpl.T[lang] or k in topics}
        pool += make_samples.tickets_for(gen, lang, 3000, mixture=local, topics=topics, quotes=0.3, html=0.1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Created", "Subject", "Message"])
        for i in range(count):
            ticket = pool[(i * 7919) % len(pool)]
            writer.writerow([ticket["when"].strftime("%Y-%m-%d"), ticket["subject"], ticket["body"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tickets.csv"
        started = time.perf_counter()
        generate(path, args.tickets)
        print(f"generated {args.tickets:,} tickets ({path.stat().st_size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - started:.1f} s")
        times = []
        artifact = None
        for run in range(args.runs):
            started = time.perf_counter()
            artifact = analyze_tickets(path)
            times.append(time.perf_counter() - started)
            print(f"run {run + 1}: {times[-1]:.1f} s")
        assert artifact is not None
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"median of {args.runs} runs: {statistics.median(times):.1f} s for {artifact.imported:,} tickets "
              f"({artifact.imported / statistics.median(times):,.0f} tickets/s); target < 30 s per 100,000")
        print(f"max resident set size of the process: {rss_mb:.0f} MB")
        clusters = [t for t in artifact.topics if t.origin == "cluster"]
        print(f"topics: {len(artifact.topics)} ({len(clusters)} clusters: "
              + ", ".join(f"{t.label} ~{t.count:,}" for t in clusters) + ")")
        if not args.no_tracemalloc:
            tracemalloc.start()
            analyze_tickets(path)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak Python allocations during one run (tracemalloc): {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
