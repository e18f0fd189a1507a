"""Gather everything once: crawl, checkout walks (or a recorded journey), support tickets.

Each stage after the crawl is isolated: when it fails, the run keeps what was gathered, records the error in
the artifacts and goes on, so checks that need that stage say so instead of the whole audit being lost.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Callable

from auditor.crawl import crawl
from auditor.errors import ClearcartError
from auditor.model import Artifacts, CrawlSettings


def gather(
    url: str,
    out_dir: str | Path,
    settings: CrawlSettings | None = None,
    checkout_products: int = 1,
    journey: str | Path | None = None,
    tickets: str | Path | None = None,
    ticket_options: dict[str, Any] | None = None,
    customer: Any = None,
    progress: Callable[..., None] | None = None,
) -> Artifacts:
    out_dir = Path(out_dir)
    report = progress or (lambda *a, **k: None)
    journey_data = None
    if journey:
        from auditor.journey import load_journey

        journey_data = load_journey(journey)  # a bad journey file is a usage error before any browsing
        journey_data["_file"] = str(journey)
    artifacts = crawl(url, out_dir, settings, progress=progress)
    if journey_data is not None or checkout_products > 0:
        report("stage", name="Checkout", total=None)
        try:
            artifacts.checkout = asyncio.run(_walk(artifacts, out_dir, checkout_products, journey_data, customer,
                                                    progress))
        except ClearcartError:
            raise
        except Exception as exc:  # keep the crawl; the checkout checks will say the walk is missing
            artifacts.errors.append(f"checkout walk failed: {type(exc).__name__}: {exc}")
        artifacts.save(out_dir)
    if tickets:
        report("stage", name="Tickets", total=None)
        from auditor.tickets import analyze_tickets

        artifacts.tickets = analyze_tickets(tickets, **(ticket_options or {}))
        artifacts.save(out_dir)
    return artifacts


async def _walk(artifacts: Artifacts, out_dir: Path, count: int, journey: dict[str, Any] | None, customer: Any,
                progress: Callable[..., None] | None) -> list:
    from auditor.browser import launch
    from auditor.checkout import Walker, pick_products
    from auditor.journey import replay

    async with launch() as browser:
        if journey is not None:
            return [await replay(browser, journey, out_dir)]
        walker = Walker(out_dir, customer, progress=progress)
        return [await walker.walk(browser, product, i)
                for i, product in enumerate(pick_products(artifacts.pages, count))]
