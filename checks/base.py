"""Shared pieces of every check: the finding builder and the result builder.

A check is a module with:

* a module docstring (the spec: what it checks, why it matters, a failing and a passing example, options);
* ``ID`` (stable kebab-case), ``TITLE``, ``CATEGORY``, ``SEVERITIES`` (the severities its findings can
  have) and ``DEFAULT_OPTIONS`` (a dict);
* ``run(artifacts, options) -> CheckResult``: a pure function over saved artifacts. It never touches the
  browser or the network.
"""

from __future__ import annotations

from typing import Any

from auditor.model import CheckResult, Finding, SEVERITY_ORDER, fingerprint

CATEGORIES = {
    "costs": "Costs",
    "checkout": "Checkout",
    "product": "Product information",
    "returns": "Returns",
    "contact": "Contact",
    "self-service": "Self-service",
    "navigation": "Navigation",
}


def finding(
    check_id: str,
    rule: str,
    severity: str,
    title: str,
    message: str,
    *,
    url: str = "",
    key: str = "",
    evidence: dict[str, Any] | None = None,
    why: str = "",
    recommendation: str = "",
) -> Finding:
    """Build a finding whose id is a fingerprint of check, rule and ``key`` (default: the URL).

    ``key`` must name the defect, not the run: use a URL path or a label, never a count or a time.
    """
    return Finding(
        id=fingerprint(check_id, rule, key or url),
        check=check_id,
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        title=title,
        message=message,
        url=url,
        evidence=evidence or {},
        why=why,
        recommendation=recommendation,
    )


def result(
    module: Any,
    findings: list[Finding],
    summary: str,
    *,
    status: str | None = None,
    details: dict[str, Any] | None = None,
    fail_at: str = "low",
) -> CheckResult:
    """Build a check result. Without an explicit ``status`` it is ``fail`` when any finding is at or
    above ``fail_at`` severity, else ``pass``."""
    if status is None:
        level = SEVERITY_ORDER[fail_at]
        status = "fail" if any(SEVERITY_ORDER[f.severity] >= level for f in findings) else "pass"
    return CheckResult(
        id=module.ID,
        title=module.TITLE,
        category=module.CATEGORY,
        status=status,  # type: ignore[arg-type]
        summary=summary,
        findings=sorted(findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.url, f.rule)),
        details=details or {},
    )


def unread_pages(artifacts: Any, topic: str) -> tuple[list[dict[str, str]], str]:
    """The linked pages of a help ``topic`` ("returns", "contact", "faq") the crawl did not read (robots.txt, page
    budget, failure, off-site redirect), as evidence, and a sentence naming them ('' when there are none). A
    check that needed such a page says needs-review instead of pass, fail on absence, or not-applicable."""
    unread = artifacts.unread_about(topic) if hasattr(artifacts, "unread_about") else []
    if not unread:
        return [], ""
    why = {"robots": "blocked by robots.txt", "budget": "over the page budget", "failed": "failed to load",
           "offsite": "redirected to another site"}
    listed = [{"url": u.url, "reason": u.reason, "link_text": u.link_text, "detail": u.detail} for u in unread[:10]]
    names = "; ".join(f"{u.url} ({why.get(u.reason, u.reason)})" for u in unread[:3])
    return listed, (f"The {topic} page linked from the store was not read: {names}, so this could not be checked "
                    "there. Needs review.")


def not_applicable(module: Any, summary: str, details: dict[str, Any] | None = None) -> CheckResult:
    return result(module, [], summary, status="not-applicable", details=details)


def not_seen(module: Any, artifacts: Any, summary: str, details: dict[str, Any] | None = None) -> CheckResult:
    """The check could not see what it needs (no product page, no walk): ``needs-review`` when the store plainly
    sells (prices with a basket were seen), else ``not-applicable``. Never a silent pass."""
    from auditor.coverage import store_sells

    if store_sells(artifacts):
        return result(module, [], summary + " The store sells, so this needs a review (see audit-coverage).",
                      status="needs-review", details=details)
    return not_applicable(module, summary, details)


def options_with_defaults(module: Any, options: dict[str, Any] | None) -> dict[str, Any]:
    """Merge user options over the check's defaults; unknown option names are an error."""
    from auditor.errors import UsageError

    merged = dict(getattr(module, "DEFAULT_OPTIONS", {}))
    for name, value in (options or {}).items():
        if name not in merged:
            known = ", ".join(sorted(merged)) or "none"
            raise UsageError(f"unknown option '{name}' for check {module.ID}", f"known options: {known}")
        merged[name] = value
    return merged
