"""`clearcart check` benchmark: the checks and the four reports from saved artifacts of a 220-page store.

Serves the generated demo store of N products (200: 220 pages, as bench/crawl_bench.py) on 127.0.0.1, scans
it once with `clearcart scan` (every page and product crawled, one product walked to the last step before
payment) and then times `clearcart check OUT/artifacts` several times, each a new process as a user runs it
(Python start, imports, loading the artifacts, the checks, report.json, report.html, summary.md, junit.xml).
Prints the median wall time (target < 5 s) and the median CPU time of the process (user + system): on a
machine shared with other work the wall time follows the load, the CPU time does not; the load average is
printed with them.

    .venv/bin/python bench/check_bench.py [--products 200] [--runs 5] [--artifacts DIR] [--keep DIR]

``--artifacts`` times an existing artifacts folder instead of scanning; ``--keep`` keeps the scan's output.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.store.server import DemoStore  # noqa: E402

CLEARCART = [sys.executable, "-m", "auditor.cli"]


def scan(products: int, out: Path) -> Path:
    """The store's artifacts, gathered by `clearcart scan` as a user runs it."""
    with DemoStore("good", products=products) as store:
        started = time.perf_counter()
        command = [*CLEARCART, "scan", store.url, "--max-pages", str(products * 2 + 100), "--products", str(products),
                   "--out", str(out), "--quiet"]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        if done.returncode not in (0, 1):  # 1: findings at or above the threshold
            sys.exit(f"the scan failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
        print(f"scan of {store.url}: {time.perf_counter() - started:.1f} s", flush=True)
    return out / "artifacts"


def timed_check(artifacts: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `clearcart check` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*CLEARCART, "check", str(artifacts), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"clearcart check failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--artifacts", type=Path, help="time this artifacts folder instead of scanning")
    parser.add_argument("--keep", type=Path, help="keep the scan's output (artifacts and reports) here")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.artifacts is not None and not (args.artifacts / "artifacts.json").is_file():
        parser.error(f"{args.artifacts} holds no artifacts.json (pass the OUT/artifacts folder of a scan)")

    with tempfile.TemporaryDirectory() as tmp:
        artifacts = args.artifacts or scan(args.products, Path(tmp) / "scan")
        pages = len(list((artifacts / "pages").glob("*.html")))
        walls, cpus = [], []
        for run in range(args.runs):
            wall, cpu = timed_check(artifacts, Path(tmp) / f"check{run}")
            walls.append(wall)
            cpus.append(cpu)
            print(f"run {run + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
        if args.keep is not None and args.artifacts is None:
            shutil.copytree(Path(tmp) / "scan", args.keep, dirs_exist_ok=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"clearcart check on {pages} saved pages, {args.runs} runs, load average {load} on {os.cpu_count()} cores")
    print(f"median wall: {statistics.median(walls):.2f} s (target < 5 s)")
    print(f"median CPU (user + system): {statistics.median(cpus):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
