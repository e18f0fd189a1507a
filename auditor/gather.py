"""Gather everything once: crawl, checkout walks (or a recorded journey), support tickets.

Each stage after the crawl is isolated: when it fails, the run keeps what was gathered, records the error in
the artifacts and goes on, so checks that need that stage say so instead of the whole audit being lost.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor.browser import run_async
from auditor.crawl import crawl, split_credentials
from auditor.errors import ClearcartError
from auditor.model import Artifacts, CrawlSettings


def gather(
    url: str,
    out_dir: str | Path,
    settings: CrawlSettings | None = None,
    checkout_products: int = 1,
    journey: str | Path | None = None,
    journey_rebase: bool = False,
    tickets: str | Path | None = None,
    ticket_options: dict[str, Any] | None = None,
    customer: Any = None,
    progress: Callable[..., None] | None = None,
    walk: str = "checkout",
    post_payment_step: bool = False,
) -> Artifacts:
    """``walk``: "checkout" walks to the last step before ordering, "basket" stops once the basket is reached,
    "off" walks nothing (see :mod:`auditor.safety`). ``post_payment_step`` is the user's permit to post a step
    that offers the payment choice before the order summary (:mod:`auditor.safety`, part 6)."""
    out_dir = Path(out_dir)
    report = progress or (lambda *a, **k: None)
    ticket_options = dict(ticket_options or {})
    if tickets:
        check_tickets(tickets, ticket_options.get("text_column"))  # a bad export fails before any browsing
    journey_data = None
    if journey:
        from auditor.journey import load_journey, rebase

        journey_data = load_journey(journey)  # a bad journey file is a usage error before any browsing
        if journey_rebase:  # recorded on staging or another port: replay it on the scanned store
            journey_data = rebase(journey_data, url)
        journey_data["_file"] = str(journey)
    artifacts = crawl(url, out_dir, settings, progress=progress)
    if walk != "off" and (journey_data is not None or checkout_products > 0):
        report("stage", name="Checkout", total=None)
        credentials = split_credentials(url)[1]
        if credentials:
            parts = urlsplit(artifacts.start_url)
            credentials["origin"] = f"{parts.scheme}://{parts.netloc}"
        try:
            artifacts.checkout = run_async(_walk(artifacts, out_dir, checkout_products, journey_data, customer,
                                                 progress, walk, credentials, post_payment_step=post_payment_step,
                                                 walk_timeout_s=WALK_PAGES
                                                 * (settings or CrawlSettings()).page_timeout_s))
        except ClearcartError:
            raise
        except Exception as exc:  # keep the crawl; the checkout checks will say the walk is missing
            artifacts.errors.append(f"checkout walk failed: {type(exc).__name__}: {exc}")
        artifacts.save(out_dir)
    if tickets:
        report("stage", name="Tickets", total=None)
        try:
            artifacts.tickets = import_tickets(tickets, progress=progress, **ticket_options)
        except ClearcartError:
            raise
        except Exception as exc:  # keep the crawl; faq-gaps will say no tickets were imported
            artifacts.errors.append(f"ticket import failed: {type(exc).__name__}: {exc}")
        artifacts.save(out_dir)
    return artifacts


def check_tickets(path: str | Path, text_column: str | None = None) -> None:
    """Fail fast, before any browsing, on a ticket export that cannot be imported.

    Opens the export the way the import will (a missing or unreadable file, a binary file, an unknown format
    and a CSV without a text column raise :class:`auditor.errors.UsageError`), then reads up to the first
    ticket: an export that ends before one ticket could be read is an error too. The rest is not read here.
    """
    from auditor.errors import UsageError
    from auditor.tickets import read_tickets
    from auditor.tickets.importers import HINT_FORMATS

    path = Path(path)
    try:
        stream = read_tickets(path, text_column=text_column)
        if next(iter(stream), None) is not None:
            return
    except OSError as exc:  # e.g. a folder that cannot be listed, a file that vanished
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}", "check the path and its permissions") from exc
    what = f"{stream.total} record(s), none with ticket text" if stream.total else "no ticket records"
    if stream.broken_rows:
        what += f" ({stream.broken_rows} broken)"
    raise UsageError(f"{path}: {what}", "name the column with the ticket text with --text-column, or "
                     + HINT_FORMATS[0].lower() + HINT_FORMATS[1:])


def import_tickets(path: str | Path, text_column: str | None = None,
                   progress: Callable[..., None] | None = None) -> Any:
    """Read, redact and mine a ticket export (:func:`auditor.tickets.analyze_tickets`), reporting progress."""
    from auditor.tickets import analyze_tickets

    return analyze_tickets(path, text_column=text_column, progress=progress)


WALK_PAGES = 5  # one walk's hard deadline, in page deadlines (product, basket and a few checkout steps)


async def walk_within(walker: Any, browser: Any, product: Any, index: int, timeout_s: float) -> Any:
    """One product's walk under a hard deadline: a checkout page whose script spins for ever (every
    ``page.evaluate`` then waits for ever) abandons that walk, keeps what it recorded, and the scan goes on."""
    try:
        return await asyncio.wait_for(walker.walk(browser, product, index), timeout=timeout_s)
    except TimeoutError:
        walk = getattr(walker, "current", None)
        if walk is None or walk.product_url != product.final_url:
            from auditor.model import CheckoutWalk

            walk = CheckoutWalk(product_url=product.final_url, product_name=product.title)
        walk.completed = False
        step = walk.steps[-1].kind if walk.steps else "product"
        walk.stuck_reason = (f"the walk was abandoned after {timeout_s:.0f} s at the {step} step (a page that never "
                             "stops working, or a step that never settles)")
        return walk


async def _walk(artifacts: Artifacts, out_dir: Path, count: int, journey: dict[str, Any] | None, customer: Any,
                progress: Callable[..., None] | None, scope: str = "checkout",
                credentials: dict[str, str] | None = None, walk_timeout_s: float = 240.0,
                post_payment_step: bool = False) -> list:
    from auditor.browser import launch
    from auditor.checkout import Walker, pick_products
    from auditor.journey import replay

    async with launch(http_credentials=credentials) as browser:
        if journey is not None:
            try:
                return [await asyncio.wait_for(replay(browser, journey, out_dir, scope=scope,
                                                      post_payment_step=post_payment_step), timeout=walk_timeout_s)]
            except TimeoutError:
                from auditor.model import CheckoutWalk

                source = str(journey.get("_file", ""))
                return [CheckoutWalk(product_url=source, journey_file=source,
                                     stuck_reason=f"the journey replay was abandoned after {walk_timeout_s:.0f} s "
                                                  "(a page that never stops working, or a step that never settles)")]
        walker = Walker(out_dir, customer, progress=progress, scope=scope, post_payment_step=post_payment_step)
        # a walk that gets stuck is kept (coverage reports where and why) and the next sampled product is tried,
        # up to two more than asked for, so one odd product does not leave the checkout unjudged
        walks: list = []
        for i, product in enumerate(pick_products(artifacts.pages, count + 2)):
            if sum(1 for w in walks if w.completed) >= count or (scope == "basket" and len(walks) >= count):
                break
            walks.append(await walk_within(walker, browser, product, i, walk_timeout_s))
            if walks[-1].order_suspected is not None:
                break  # the store may have registered an order: walk no further product on it
        return walks
