"""The check runner: every check over the same artifacts; one check failing never stops the others.

:func:`run_checks` gives one finding per defect and item (what ignore rules and baselines match, by
fingerprint); :func:`finish` then builds what the reports show, once: a rule that fired on several pages or
products becomes one finding with a table of the affected items (:func:`group_findings`), and the result gets
its transparency scores and ranked top fixes (:mod:`auditor.scores`). The CLI calls it after the ignore rules
and the baseline comparison.
"""

from __future__ import annotations

import time
import traceback
from typing import Any

import checks as registry
from auditor import scores
from auditor.coverage import coverage
from auditor.errors import UsageError
from auditor.model import (
    N_,
    SEVERITY_ORDER,
    AffectedItem,
    Artifacts,
    AuditResult,
    CheckResult,
    Column,
    Finding,
    PageSummary,
    TableDetails,
    TargetInfo,
    fingerprint,
)
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


ITEM_ROWS = 200  # rows of a grouped finding's table (every item stays in ``items``)
ITEM_COLUMNS = [Column(key="url", label=N_("Page"), kind="url"), Column(key="item", label=N_("Finding")),
                Column(key="severity", label=N_("Severity"), kind="severity"),
                Column(key="change", label=N_("Change"), kind="change")]


def _item_row(item: AffectedItem) -> dict[str, Any]:
    title = item.texts.get("title")
    return {"url": item.url, "item": title.model_dump() if title else item.title, "severity": item.severity,
            "change": item.change}


def group_findings(findings: list[Finding], shots: set[str] | frozenset[str] = frozenset()) -> list[Finding]:
    """One finding per (check, rule): a rule that fired on several items becomes a finding showing its worst
    item (title, message, evidence and screenshot; among items of the worst severity, one whose page is in
    ``shots``, the URLs of pages with a screenshot, or whose evidence names one) with every item in ``items``
    (own fingerprint, URL, severity, baseline change) and a ``details`` table of them. The group's id is stable
    (a fingerprint of check and rule); its severity is the worst item's; its ``change`` is "new" when any item
    is new. A finding already grouped is left as it is, so this is idempotent."""

    def pictured(f: Finding) -> bool:
        return f.url in shots or bool(isinstance(f.evidence, dict) and f.evidence.get("screenshot"))

    order: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        order.setdefault((f.check, f.rule), []).append(f)
    out: list[Finding] = []
    for (check, rule), members in order.items():
        if len(members) == 1 or any(m.items for m in members):
            out.extend(members)
            continue
        members = sorted(members, key=lambda f: (-SEVERITY_ORDER[f.severity], not pictured(f), f.url, f.id))
        worst = members[0]
        items = [AffectedItem(id=m.id, url=m.url, title=m.title, message=m.message, severity=m.severity,
                              change=m.change, texts=m.texts, evidence=m.evidence) for m in members]
        changes = {m.change for m in members}
        change = "new" if "new" in changes else "unchanged" if "unchanged" in changes else None
        columns = list(ITEM_COLUMNS)
        rows = [_item_row(i) for i in items[:ITEM_ROWS]]
        if len({m.recommendation for m in members}) > 1:  # each item has its own fix (e.g. an FAQ question)
            columns.insert(2, Column(key="fix", label=N_("How to fix")))
            for row, m in zip(rows, members):
                fix = m.texts.get("recommendation")
                row["fix"] = fix.model_dump() if fix else m.recommendation
        out.append(worst.model_copy(update={
            "id": fingerprint(check, rule, "*"),
            "change": change,
            "items": items,
            "details": TableDetails(title=N_("Affected pages and products"), columns=columns, rows=rows,
                                    more=max(len(items) - ITEM_ROWS, 0)),
        }))
    return out


def finish(result: AuditResult) -> AuditResult:
    """Group repeated findings and compute the scores and top fixes (after ignores and the baseline)."""
    grouped = []
    shots = {p.url for p in result.pages if p.screenshot}
    for check in result.checks:
        check.findings = group_findings(check.findings, shots)
        grouped.extend(check.findings)
    known = {c.id for c in result.checks}
    grouped += group_findings([f for f in result.findings if f.check not in known], shots)
    kept = {f.id for f in result.findings}
    # result.findings is the contract list (ignored findings already left it): keep its membership
    result.findings = [f for f in grouped if f.id in kept or any(i.id in kept for i in f.items)]
    result.scores = scores.compute_scores(result)
    result.top_fixes = scores.top_fixes(result)
    return result
