"""Fleet benchmark: N demo stores audited on 1 and on 2 workers of the local pool; memory per worker.

Serves N demo stores (the bundled variants, each on its own 127.0.0.1 port, so the per-host politeness rule
lets them run side by side), writes a stores.toml with the page budget given, and runs the same fleet with
``--workers 1`` and ``--workers 2`` (fresh output and database each time). While a run goes, every pool
process and its browser (Playwright driver, Chromium and its helpers) is sampled from /proc every 0.2 s: a
worker's memory is the peak of its whole process tree's proportional set size (PSS: pages shared between
processes are split among them, so nothing is counted twice).

Prints (and writes with ``--json FILE``) the wall time of each run, the ratio 1-worker/2-worker, the mean
audit time, peak memory per worker, and the storage per run (report files on disk, database bytes): the
figures docs/fleet.md sizes a 10,000-store night from.

    .venv/bin/python bench/fleet_bench.py [--stores 6] [--max-pages 20] [--products 4]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.fleet import load_stores, run_fleet  # noqa: E402
from auditor.fleet.storage import Storage  # noqa: E402
from fixtures.store.server import DemoStore, expected, variants  # noqa: E402


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (Chromium's processes share most of theirs) counted once overall."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _tree_pss(pid: int, tree: dict[int, list[int]]) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _pss(current)
        stack.extend(tree.get(current, []))
    return total


class MemorySampler(threading.Thread):
    """Peak memory (PSS) of each pool worker's process tree (worker + its browser)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, int] = {}
        self.stop_event = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop_event.wait(0.2):
            tree = _children()
            for worker in tree.get(me, []):  # the pool processes (and the spawn helper, which stays small)
                self.peaks[worker] = max(self.peaks.get(worker, 0), _tree_pss(worker, tree))


def one_run(stores_file: Path, workers: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix=f"fleet-bench-{workers}w-"))
    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    result = run_fleet(load_stores(stores_file), out, workers=workers, retries=0)
    wall = time.perf_counter() - started
    sampler.stop_event.set()
    sampler.join()
    storage = Storage(str(out / "fleet.db"))
    runs = storage.runs_of_fleet(result.fleet_run_id)
    storage.dispose()
    report_bytes = [sum(f.stat().st_size for f in Path(r.report_dir).rglob("*") if f.is_file())
                    for r in runs if r.report_dir]
    workers_mb = sorted((v / 2**20 for v in sampler.peaks.values() if v > 100 * 2**20), reverse=True)
    return {
        "workers": workers, "wall_s": round(wall, 1), "stores": len(runs),
        "failed": sum(r.status == "failed" for r in runs),
        "audit_s_mean": round(statistics.mean(r.duration_s for r in runs), 1),
        "worker_peak_mb": [round(v) for v in workers_mb[:workers]],
        "report_mb_per_run": round(statistics.mean(report_bytes) / 2**20, 2) if report_bytes else None,
        "db_kb_per_run": round((out / "fleet.db").stat().st_size / 1024 / max(1, len(runs)), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stores", type=int, default=6)
    parser.add_argument("--max-pages", type=int, default=20)
    parser.add_argument("--products", type=int, default=4)
    parser.add_argument("--checkout-products", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    names = [v for v in variants() if "scan_exit_code" not in expected(v)]
    served = [DemoStore(names[i % len(names)]).start() for i in range(args.stores)]
    try:
        folder = Path(tempfile.mkdtemp(prefix="fleet-bench-"))
        stores_file = folder / "stores.toml"
        stores_file.write_text(
            f"[defaults]\nmax-pages = {args.max_pages}\nproducts = {args.products}\n"
            f"checkout-products = {args.checkout_products}\n"
            + "".join(f'[[store]]\nurl = "{s.url}"\nname = "{s.variant.name}"\n' for s in served), encoding="utf-8")
        runs = [one_run(stores_file, 1), one_run(stores_file, 2)]
    finally:
        for s in served:
            s.stop()
    figures = {"stores": args.stores, "max_pages": args.max_pages, "products": args.products,
               "checkout_products": args.checkout_products, "cpus": os.cpu_count(), "runs": runs,
               "speedup_2_vs_1": round(runs[0]["wall_s"] / runs[1]["wall_s"], 2)}
    for run in runs:
        print(f"{run['workers']} worker(s): {run['stores']} stores in {run['wall_s']} s "
              f"(mean audit {run['audit_s_mean']} s, {run['failed']} failed); peak memory per worker "
              f"{run['worker_peak_mb']} MB; reports {run['report_mb_per_run']} MB/run, "
              f"database {run['db_kb_per_run']} KB/run")
    print(f"speed-up with 2 workers: x{figures['speedup_2_vs_1']} (ratio 1-worker time / 2-worker time)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
