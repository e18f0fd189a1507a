"""Analysis benchmark: what recording in the browser and deciding in Python cost.

  * the page snapshot (``auditor.crawl._EXTRACT_JS``: read the page, stamp element ids, record boxes and hidden
    runs), timed inside the page (``performance.now``, so the machine's load on the IPC does not blur it) on the
    bundled demo store's pages and on a generated heavy page (a hidden mega menu and a grid: 12,000 elements,
    more than the stamping bound);
  * parsing saved pages: lxml (the per-page document's parser) against BeautifulSoup over lxml;
  * ``run_checks`` on a saved artifacts folder (every page parsed once into its document, all checks).

    .venv/bin/python bench/analysis_bench.py [ARTIFACTS_DIR] [--runs 5]

Without ARTIFACTS_DIR the demo store is crawled into a temporary folder first.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor import widgets  # noqa: E402
from auditor.browser import launch  # noqa: E402
from auditor.crawl import _EXTRACT_JS, MAX_STAMPED, crawl  # noqa: E402
from auditor.model import Artifacts, CrawlSettings  # noqa: E402
from auditor.runner import run_checks  # noqa: E402
from fixtures.store.server import DemoStore  # noqa: E402

TIMED = (
    "(args) => { const t = performance.now(); const r = (" + _EXTRACT_JS + ")(args); "
    "return {ms: performance.now() - t, stamped: r.stamped, boxes: Object.keys(r.boxes).length}; }"
)


def heavy_page() -> str:
    menu = "".join(
        f"<li><a href='/c/{i}'>Category {i}</a><ul>"
        + "".join(f"<li><a href='/c/{i}/{j}'>Sub {j}</a></li>" for j in range(20))
        + "</ul></li>"
        for i in range(150)
    )
    grid = "".join(
        f"<div class='card'><a href='/p/{i}'><img alt='' width=200 height=200><h3>Product {i}</h3></a>"
        f"<span class='price'>{i},99 zł</span><button>Dodaj do koszyka</button></div>"
        for i in range(600)
    )
    return (
        f"<!doctype html><html lang='pl'><body><header><nav><ul style='display:none'>{menu}</ul></nav></header>"
        f"<main><h1>Sklep</h1><section style='display:grid;grid-template-columns:repeat(4,1fr)'>{grid}</section>"
        "</main></body></html>"
    )


async def snapshot_times(runs: int) -> None:
    args = [widgets.all_globals(), widgets.all_snippets(), MAX_STAMPED]
    with DemoStore() as store:
        async with launch() as browser:
            page = await (await browser.new_context(viewport={"width": 1280, "height": 900})).new_page()
            await page.goto(store.url, wait_until="load")
            hrefs = await page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
            urls = list(dict.fromkeys([store.url] + [h for h in hrefs if h.startswith(store.url)]))[:12]
            times = []
            for url in urls:
                for _ in range(runs):
                    await page.goto(url, wait_until="load")
                    times.append((await page.evaluate(TIMED, args))["ms"])
            print(
                f"snapshot, demo store ({len(urls)} pages × {runs}): median {statistics.median(times):.1f} ms, "
                f"max {max(times):.1f} ms per page (in the page)"
            )
            heavy, found = [], {}
            for _ in range(runs):
                await page.set_content(heavy_page(), wait_until="load")
                found = await page.evaluate(TIMED, args)
                heavy.append(found["ms"])
            print(
                f"snapshot, heavy page: median {statistics.median(heavy):.1f} ms ({found['stamped']} elements "
                f"stamped, {found['boxes']} boxes)"
            )


def best_of(runs: int, fn) -> float:  # noqa: ANN001 (a plain callable)
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def parse_and_check(folder: Path, runs: int) -> None:
    import lxml.html

    htmls = [p.read_text(encoding="utf-8") for p in sorted((folder / "pages").glob("*.html"))]
    size = sum(len(h) for h in htmls) // 1024
    lx = best_of(runs, lambda: [lxml.html.document_fromstring(h) for h in htmls])
    print(f"parse {len(htmls)} pages ({size} KB): lxml {lx * 1000:.0f} ms", end="")
    try:
        from bs4 import BeautifulSoup

        bs = best_of(runs, lambda: [BeautifulSoup(h, "lxml") for h in htmls])
        print(f", BeautifulSoup over lxml {bs * 1000:.0f} ms (×{bs / lx:.1f})")
    except ImportError:
        print(" (beautifulsoup4 not installed: not compared)")
    checks = best_of(runs, lambda: run_checks(Artifacts.load(folder)))
    print(f"run_checks on {folder}: best {checks:.2f} s of {runs} (artifacts loaded each time)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("artifacts", nargs="?", type=Path, help="a saved artifacts folder (default: crawl the demo)")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    asyncio.run(snapshot_times(options.runs))
    if options.artifacts is not None:
        parse_and_check(options.artifacts, options.runs)
        return
    with tempfile.TemporaryDirectory() as tmp, DemoStore() as store:
        crawl(store.url, Path(tmp), CrawlSettings())
        parse_and_check(Path(tmp), options.runs)


if __name__ == "__main__":
    main()
