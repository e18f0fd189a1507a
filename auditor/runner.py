"""The check runner: every check over the same artifacts; one check failing never stops the others."""

from __future__ import annotations

import time
import traceback
from typing import Any

import checks as registry
from auditor.coverage import coverage
from auditor.errors import UsageError
from auditor.model import AuditResult, Artifacts, CheckResult, PageSummary, TargetInfo
from checks.base import options_with_defaults


def run_check(module: Any, artifacts: Artifacts, options: dict[str, Any] | None = None) -> CheckResult:
    started = time.perf_counter()
    opts = options_with_defaults(module, options)
    try:
        outcome = module.run(artifacts, opts)
    except Exception as exc:  # a check's bug becomes its own 'error' status, never the run's
        last = traceback.extract_tb(exc.__traceback__)[-1]
        outcome = CheckResult(
            id=module.ID,
            title=module.TITLE,
            category=module.CATEGORY,
            status="error",
            summary=f"The check could not run: {type(exc).__name__}: {exc}",
            error=f"{type(exc).__name__}: {exc} (at {last.filename.rsplit('/', 1)[-1]}:{last.lineno})",
        )
    outcome.duration_ms = int((time.perf_counter() - started) * 1000)
    return outcome


def run_checks(
    artifacts: Artifacts,
    check_options: dict[str, dict[str, Any]] | None = None,
    only: list[str] | None = None,
    skip: list[str] | None = None,
    fail_on: str = "high",
) -> AuditResult:
    check_options = check_options or {}
    for name in [*(only or []), *(skip or []), *check_options]:
        if registry.by_id(name) is None:
            raise UsageError(f"unknown check '{name}'", f"known checks: {', '.join(registry.ids())}")
    results = []
    for module in registry.CHECKS:
        if only and module.ID not in only:
            continue
        if skip and module.ID in skip:
            continue
        results.append(run_check(module, artifacts, check_options.get(module.ID)))
    findings = [f for r in results for f in r.findings]
    return AuditResult(
        target=TargetInfo(url=artifacts.start_url, started_at=artifacts.started_at, duration_s=artifacts.duration_s),
        pages=[
            PageSummary(url=p.final_url or p.url, type=p.page_type, depth=p.depth, click_path=p.click_path,
                        title=p.title, status=p.status, lang=p.lang, screenshot=p.screenshot)
            for p in artifacts.pages
        ],
        checks=results,
        findings=findings,
        fail_on=fail_on,  # type: ignore[arg-type]
        errors=list(artifacts.errors),
        unread=list(artifacts.unread),
        checkout=list(artifacts.checkout),
        tickets=artifacts.tickets,
        order_suspected=[w.order_suspected for w in artifacts.checkout if w.order_suspected is not None],
        coverage=coverage(artifacts, results),
    )
