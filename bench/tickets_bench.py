"""Ticket mining benchmark on real-length texts: N tickets (default 100,000) sampled from a pool of real
messages — the public Bitext sample (``../shared/data/bitext/``, when it is beside the repository), the
hand-written e-mails of ``fixtures/tickets/eval/`` and ``labelled.jsonl`` (seven languages, greetings,
signatures, typos), and the e-mails of the fixture exports (quoted replies, HTML, signatures with personal data)
— then ``analyze_tickets`` timed several times: the median (target: under 30 s for 100,000 tickets on 2 cores),
the mean ticket length, the CPU time of this process and of the worker processes (one per core by default:
``--workers``), the machine's load average before and after (the machine may be shared), the maximum resident
set size of this process and of the largest worker, and the peak of Python allocations during one run
(``tracemalloc``, a separate run because tracing slows it down). Streaming keeps memory flat:
``--tickets 1000000 --runs 1`` (target: under 500 MB).

    .venv/bin/python bench/tickets_bench.py [--tickets 100000] [--runs 3] [--workers N] [--no-tracemalloc]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.tickets import analyze_tickets, read_tickets  # noqa: E402
from auditor.tickets.importers import cpu_workers  # noqa: E402


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


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in task.read_text().split()]
            except OSError:
                pass
    return found


def _pss_mb(pids: list[int]) -> float:
    """Proportional set size of ``pids`` together (pages shared by forked processes counted once)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def watch(pid: int) -> None:
    """Sample the memory of ``pid`` and its workers every 0.5 s until stdin closes; print the peak (MB)."""
    import selectors

    peak = 0.0
    selector = selectors.DefaultSelector()
    selector.register(sys.stdin, selectors.EVENT_READ)
    while not selector.select(timeout=0.5):
        peak = max(peak, _pss_mb([p for p in _tree(pid) if p != os.getpid()]))
    print(f"{peak:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=cpu_workers(), help="processes (default: one per core)")
    parser.add_argument("--no-tracemalloc", action="store_true")
    parser.add_argument("--watch", type=int, help=argparse.SUPPRESS)  # internal: the memory sampler
    args = parser.parse_args()
    if args.watch:
        watch(args.watch)
        return
    print("load average before (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
          + f"; {cpu_workers()} cores; {args.workers} worker process(es)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tickets.csv"
        started = time.perf_counter()
        mean = generate(path, args.tickets)
        print(f"sampled {args.tickets:,} real-length tickets (mean {mean:.0f} characters; "
              f"{path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")
        sampler = None
        if Path("/proc/self/smaps_rollup").exists():  # Linux: sample the memory of this process and its workers
            sampler = subprocess.Popen([sys.executable, __file__, "--watch", str(os.getpid())],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        times = []
        artifact = None
        for run in range(args.runs):
            started = time.perf_counter()
            cpu = _cpu()
            artifact = analyze_tickets(path, workers=args.workers)
            times.append(time.perf_counter() - started)
            spent = [after - before for after, before in zip(_cpu(), cpu)]
            print(f"run {run + 1}: {times[-1]:.1f} s (CPU: this process {spent[0]:.1f} s, workers {spent[1]:.1f} s)")
        assert artifact is not None
        print(f"median of {args.runs} runs: {statistics.median(times):.1f} s for {artifact.imported:,} tickets "
              f"({artifact.imported / statistics.median(times):,.0f} tickets/s); target < 30 s per 100,000")
        print("load average after (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"max resident set size: this process {rss:.0f} MB, largest worker {worker_rss:.0f} MB")
        if sampler is not None:
            together = sampler.communicate("")[0].strip()
            print(f"peak memory of this process and its workers together (PSS, sampled every 0.5 s): {together} MB")
        clusters = [t for t in artifact.topics if t.origin == "cluster"]
        print(f"topics: {len(artifact.topics)} ({len(clusters)} clusters: "
              + ", ".join(f"{t.label} ~{t.count:,}" for t in clusters) + ")")
        if not args.no_tracemalloc:
            tracemalloc.start()
            analyze_tickets(path, workers=args.workers)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak Python allocations during one run (tracemalloc): {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
