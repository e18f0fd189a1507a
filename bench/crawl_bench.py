"""Crawl benchmark: clearcart's crawl against the floor of plain Playwright page loads.

Serves a generated demo store of N products on 127.0.0.1, then, several times each:
  * clearcart crawl of the whole store (every page, every product: --max-pages and --products cover all);
  * the floor: the very same URLs loaded with plain Playwright (goto, wait for load) at the same concurrency;
  * a 60-page crawl of the bundled demo store with default settings;
  * the checkout walk of one product of the demo store (product page to the last step before payment),
    browser start included, as `clearcart scan` runs it.
Prints the median wall time of each, the ratio crawl/floor (our target <= 1.2), the 60-page time (target
< 30 s on 2 cores) and the one-product walk time (target < 15 s).

    .venv/bin/python bench/crawl_bench.py [--products 200] [--runs 3] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.browser import launch  # noqa: E402
from auditor.checkout import walk  # noqa: E402
from auditor.crawl import crawl  # noqa: E402
from auditor.model import CrawlSettings  # noqa: E402
from fixtures.store.server import DemoStore  # noqa: E402


async def floor(urls: list[str], concurrency: int) -> float:
    """Wall time of a minimal Playwright program that loads ``urls``: browser start included, as in the
    crawl's time, so the ratio compares two whole programs."""
    started = time.perf_counter()
    async with launch() as browser:
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        pages = [await context.new_page() for _ in range(concurrency)]
        queue: asyncio.Queue[str] = asyncio.Queue()
        for url in urls:
            queue.put_nowait(url)

        async def worker(page) -> None:
            while not queue.empty():
                url = queue.get_nowait()
                await page.goto(url, wait_until="domcontentloaded")
                await page.wait_for_load_state("load")

        await asyncio.gather(*(worker(p) for p in pages))
        elapsed = time.perf_counter() - started
        await context.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    crawl_times, floor_times, demo_times = [], [], []
    pages = 0
    with DemoStore("good", products=args.products) as store, tempfile.TemporaryDirectory() as tmp:
        settings = CrawlSettings(max_pages=args.products * 2 + 100, products=args.products,
                                 concurrency=args.concurrency)
        for run in range(args.runs):
            started = time.perf_counter()
            artifacts = crawl(store.url, Path(tmp) / f"crawl{run}", settings)
            crawl_times.append(time.perf_counter() - started)  # includes browser start, as a user sees it
            urls = [p.final_url for p in artifacts.pages if p.is_ok]
            pages = len(urls)
            started = time.perf_counter()
            asyncio.run(floor(urls, args.concurrency))
            floor_times.append(time.perf_counter() - started)
            print(f"run {run + 1}: crawl {crawl_times[-1]:.1f} s, floor {floor_times[-1]:.1f} s, {pages} pages",
                  flush=True)
    with DemoStore("good") as store, tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            started = time.perf_counter()
            demo = crawl(store.url, Path(tmp) / f"demo{run}", CrawlSettings(max_pages=60))
            demo_times.append(time.perf_counter() - started)
        walk_times = []  # on the same store: the demo crawl's product URLs carry its port
        product = next(p for p in demo.pages if p.page_type == "product")
        for run in range(args.runs):
            started = time.perf_counter()
            walks = walk([product], Path(tmp) / f"walk{run}")
            walk_times.append(time.perf_counter() - started)
            if not walks[0].completed or store.orders:
                print(f"walk {run + 1} did not complete: {walks[0].stuck_reason}", file=sys.stderr)
                return 1
    crawl_median, floor_median = statistics.median(crawl_times), statistics.median(floor_times)
    ratio = crawl_median / floor_median
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"generated store: {args.products} products, {pages} pages, concurrency {args.concurrency}, "
          f"{args.runs} runs, load average {load} on {os.cpu_count()} cores")
    print(f"clearcart crawl median: {crawl_median:.2f} s")
    print(f"plain Playwright floor median: {floor_median:.2f} s")
    print(f"ratio crawl/floor: {ratio:.2f} (target <= 1.2)")
    print(f"demo store crawl ({len(demo.pages)} pages) median: {statistics.median(demo_times):.2f} s (target < 30 s)")
    print(f"checkout walk of one product ({len(walks[0].steps)} steps) median: {statistics.median(walk_times):.2f} s "
          f"(target < 15 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
