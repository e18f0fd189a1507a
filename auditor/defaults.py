"""Every default of a scan, in one place: the CLI options, the configuration file, ``clearcart init``'s starter
file, :class:`auditor.model.CrawlSettings` and the docs all read them from here (precedence: these defaults <
the configuration file < command-line options)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Defaults:
    max_pages: int = 60  # page budget of the crawl
    concurrency: int = 4  # pages loaded at once
    products: int = 12  # product pages sampled across categories
    checkout_products: int = 1  # products walked through checkout, never ordering (0: none)
    respect_robots: bool = True
    page_timeout_s: float = 45.0  # seconds one page may take (load to snapshot) before it is abandoned as failed
    walk: str = "checkout"  # the checkout walk: checkout (to the last step before ordering), basket, off
    # true: the walk may post a step that takes the payment choice before the order summary (auditor/safety.py
    # part 6); a store whose neutral button on that step places the order would then register one
    post_payment_step: bool = False
    allow_incomplete: bool = False  # true: an audit that could not recognise or walk a product is a low finding
    fail_on: str = "high"  # exit 1 at or above this severity
    report_lang: str = "en"


DEFAULTS = Defaults()
