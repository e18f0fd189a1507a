"""Ticket mining benchmark on real-length texts: N tickets (default 100,000) sampled from a pool of real
messages — the public Bitext sample (``../shared/data/bitext/``, when it is beside the repository), the
hand-written e-mails of ``fixtures/tickets/eval/`` and ``labelled.jsonl`` (seven languages, greetings,
signatures, typos), and the e-mails of the fixture exports (quoted replies, HTML, signatures with personal data)
— then ``analyze_tickets`` timed several times: the median (target: under 30 s for 100,000 tickets on 2 cores),
the mean ticket length, the process's maximum resident set size and the peak of Python allocations during
one run (``tracemalloc``, a separate run because tracing slows it down). Streaming keeps memory flat:
``--tickets 1000000`` (target: under 500 MB).

    .venv/bin/python bench/tickets_bench.py [--tickets 100000] [--runs 3] [--no-tracemalloc]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.tickets import analyze_tickets, read_tickets  # noqa: E402


def pool() -> list[list[tuple[str, str]]]:
    """(subject, body) of every real-length message the repository can read, by source: the Bitext chat
    messages (when ../shared is there), the hand-written e-mails, the fixture exports' e-mails."""
    bitext_texts: list[tuple[str, str]] = []
    bitext = ROOT.parent / "shared" / "data" / "bitext" / "bitext-customer-support-sample-4514.csv"
    if bitext.exists():
        with bitext.open(encoding="utf-8", newline="") as handle:
            bitext_texts = [("", row["instruction"]) for row in csv.DictReader(handle)]
    tickets = ROOT / "fixtures" / "tickets"
    written: list[tuple[str, str]] = []
    for file in sorted((tickets / "eval").glob("*.jsonl")) + [tickets / "labelled.jsonl"]:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                written.append((row.get("subject", ""), row["text"]))
    exported: list[tuple[str, str]] = []
    for export in EXPORTS:  # the e-mails of the fixture exports (unredacted: redaction is part of the work timed)
        for ticket in read_tickets(tickets / export, redact=False):
            exported.append((ticket.subject, ticket.body))
    return [bitext_texts, written, exported]


EXPORTS = ("zendesk_en.csv", "freshdesk_pl.csv", "generic_ru.csv", "tickets_uk.jsonl", "gorgias_de.csv",
           "helpscout_cs.csv", "support_sk.mbox", "store_topics_en.csv", "store_topics_pl.jsonl")


def generate(path: Path, count: int) -> float:
    """Write ``count`` tickets sampled from :func:`pool` as a CSV; returns the mean ticket length."""
    sources = [group for group in pool() if group]
    rng = random.Random(11)
    total = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Created", "Subject", "Message"])
        for i in range(count):
            group = sources[i % len(sources)]  # each source as often as the others, whatever its size
            subject, body = group[rng.randrange(len(group))]
            total += len(subject) + len(body)
            writer.writerow([f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", subject, body])
    return total / count if count else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tickets.csv"
        started = time.perf_counter()
        mean = generate(path, args.tickets)
        print(f"sampled {args.tickets:,} real-length tickets (mean {mean:.0f} characters; "
              f"{path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
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
