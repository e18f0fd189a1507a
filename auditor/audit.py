"""Audit one store with given options: the path `clearcart scan` and every fleet task share.

:func:`audit_options` turns a configuration (file values, command-line values on top) into
:class:`AuditOptions`, checking everything that can be checked before any browsing (check ids, the baseline,
the ticket export, the journey file): a mistake is a usage error, not a half-done audit. :func:`audit_store`
gathers (crawl, checkout walk or journey, tickets) and evaluates (checks, ignore rules, baseline); the caller
writes the reports (:func:`reports.write_reports`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.config import Config
from auditor.defaults import DEFAULTS
from auditor.errors import UsageError
from auditor.model import Artifacts, AuditResult, CrawlSettings


@dataclass
class AuditOptions:
    settings: CrawlSettings
    config: Config = field(default_factory=Config)
    fail_on: str = DEFAULTS.fail_on
    checkout_products: int = DEFAULTS.checkout_products
    journey: Path | None = None
    journey_rebase: bool = False
    walk: str = DEFAULTS.walk
    tickets: Path | None = None
    ticket_options: dict[str, Any] = field(default_factory=dict)
    customer: Any = None
    only: list[str] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)
    baseline: Path | None = None
    allow_incomplete: bool = DEFAULTS.allow_incomplete
    post_payment_step: bool = DEFAULTS.post_payment_step


def audit_options(config: Config, fail_on: str, *, max_pages: int | None = None, concurrency: int | None = None,
                  products: int | None = None, ignore_robots: bool = False, page_timeout: float | None = None,
                  checkout_products: int | None = None, journey: Path | None = None, journey_rebase: bool = False,
                  walk: str | None = None, tickets: Path | None = None,
                  text_column: str | None = None, only: list[str] | None = None, skip: list[str] | None = None,
                  baseline: Path | None = None, allow_incomplete: bool = False,
                  post_payment_step: bool = False) -> AuditOptions:
    """The options of one audit: command-line values beat the file's, the file's beat the defaults."""
    import checks as registry

    unknown = [n for n in [*(only or []), *(skip or [])] if registry.by_id(n) is None]
    if unknown:
        raise UsageError(f"unknown check '{unknown[0]}'", f"known checks: {', '.join(registry.ids())}")
    if baseline is not None:
        from auditor.baseline import load_baseline

        load_baseline(baseline)  # a bad baseline is a usage error before any browsing
    column = config.ticket_value("text-column", text_column)
    ticket_options: dict[str, Any] = {}
    if tickets is None and text_column is not None:
        raise UsageError("--text-column needs --tickets", "pass the ticket export with --tickets FILE")
    if tickets is not None:
        from auditor.gather import check_tickets

        check_tickets(tickets, column)  # a bad export too
        ticket_options = {"text_column": column}
    if journey is not None:
        from auditor.journey import load_journey

        load_journey(journey)  # and a bad journey file
    customer = None
    if config.customer:
        from auditor.checkout import TestCustomer

        customer = TestCustomer(**config.customer)
    settings = CrawlSettings(
        max_pages=config.value("max-pages", max_pages, DEFAULTS.max_pages),
        concurrency=config.value("concurrency", concurrency, DEFAULTS.concurrency),
        products=config.value("products", products, DEFAULTS.products),
        respect_robots=False if ignore_robots else config.value("respect-robots", None, DEFAULTS.respect_robots),
        page_timeout_s=config.value("page-timeout", page_timeout, DEFAULTS.page_timeout_s),
    )
    return AuditOptions(settings=settings, config=config, fail_on=fail_on,
                        checkout_products=config.value("checkout-products", checkout_products,
                                                       DEFAULTS.checkout_products),
                        journey=journey, journey_rebase=journey_rebase,
                        walk=config.value("walk", walk, DEFAULTS.walk), tickets=tickets,
                        ticket_options=ticket_options, customer=customer, only=list(only or []),
                        skip=list(skip or []), baseline=baseline,
                        allow_incomplete=config.value("allow-incomplete", True if allow_incomplete else None,
                                                      DEFAULTS.allow_incomplete),
                        post_payment_step=config.value("post-payment-step", True if post_payment_step else None,
                                                       DEFAULTS.post_payment_step))


def evaluate(artifacts: Artifacts, config: Config, fail_on: str, only: list[str], skip: list[str],
             baseline: Path | None, allow_incomplete: bool = False) -> AuditResult:
    """Checks, then the configuration's ignore rules, then the baseline comparison. ``allow_incomplete``
    lowers the audit-coverage finding of an audit that could not recognise or walk any product."""
    from auditor.baseline import compare
    from auditor.config import apply_ignores
    from auditor.runner import finish, run_checks

    threshold = "critical" if fail_on == "never" else fail_on
    disabled = [*skip, *config.scan.get("disable", [])]
    options = {name: dict(values) for name, values in config.checks.items()}
    if config.value("allow-incomplete", True if allow_incomplete else None, DEFAULTS.allow_incomplete):
        options.setdefault("audit-coverage", {})["allow_incomplete"] = True
    result = run_checks(artifacts, check_options=options, only=only or None, skip=disabled or None,
                        fail_on=threshold)
    result.warnings += apply_ignores(result, config.ignore)
    if baseline is not None:
        compare(result, baseline)
    return finish(result)  # grouping, scores and top fixes: after ignores and baseline (they match items)


def audit_store(url: str, out: Path, options: AuditOptions, progress: Callable[..., None] | None = None,
                gather_only: bool = False) -> tuple[Artifacts, AuditResult | None]:
    """Gather into ``out/artifacts`` and evaluate; ``(artifacts, None)`` with ``gather_only``."""
    from auditor.gather import gather

    artifacts = gather(url, Path(out) / "artifacts", options.settings, checkout_products=options.checkout_products,
                       journey=options.journey, journey_rebase=options.journey_rebase, customer=options.customer,
                       progress=progress, tickets=options.tickets, ticket_options=options.ticket_options,
                       walk=options.walk, post_payment_step=options.post_payment_step)
    if gather_only:
        return artifacts, None
    return artifacts, evaluate(artifacts, options.config, options.fail_on, options.only, options.skip,
                               options.baseline, options.allow_incomplete)
