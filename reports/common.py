"""What every renderer shares: the summary numbers, the verdict, and the handling of untrusted text.

Renderers read only an :class:`~auditor.model.AuditResult`. Everything in it that came from a store (titles,
URLs, link texts, evidence) is hostile text: each renderer escapes it for its own format, and
:func:`clean` drops the characters no report format can carry (XML 1.0 forbidden characters, lone
surrogates).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from auditor.model import SEVERITY_ORDER, AuditResult, Finding

SEVERITIES: tuple[str, ...] = ("critical", "high", "medium", "low", "info")  # most severe first
STATUSES: tuple[str, ...] = ("pass", "fail", "needs-review", "not-applicable", "error")

STATUS_LABELS = {
    "pass": "Pass",
    "fail": "Fail",
    "needs-review": "Needs review",
    "not-applicable": "Not applicable",
    "error": "Error",
}

# Characters XML 1.0 forbids (C0 controls except tab/newline/return, lone surrogates, U+FFFE/U+FFFF).
# HTML treats the same characters as parse errors, so every format drops them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f\"'<>`\\]+", re.IGNORECASE)


def clean(value: Any) -> str:
    """A value as text without the characters no report format may contain."""
    text = value if isinstance(value, str) else str(value)
    return _FORBIDDEN.sub("", text)


def safe_link(url: Any) -> str | None:
    """``url`` when it may become a link target: an absolute http(s) URL with nothing a browser would strip
    or reinterpret (no whitespace, controls, quotes); otherwise None and the URL is shown as text only."""
    if not isinstance(url, str) or len(url) > 4000:
        return None
    return url if _SAFE_URL.fullmatch(url) else None


def severity_rank(severity: str) -> int:
    return SEVERITY_ORDER.get(severity, -1)


def failing(result: AuditResult) -> list[Finding]:
    """The findings at or above the result's fail_on threshold."""
    level = severity_rank(result.fail_on)
    return [f for f in result.findings if severity_rank(f.severity) >= level]


def summary(result: AuditResult) -> dict[str, Any]:
    """The summary object of report.json (and the numbers every other report shows)."""
    by_severity = {s: 0 for s in SEVERITIES}
    for f in result.findings:
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
    by_status = {s: 0 for s in STATUSES}
    for c in result.checks:
        by_status[c.status] = by_status.get(c.status, 0) + 1
    fail_count = len(failing(result))
    return {
        "fail_on": result.fail_on,
        "failing": fail_count,
        "verdict": "fail" if fail_count else "pass",
        "findings": len(result.findings),
        "by_severity": by_severity,
        "checks": len(result.checks),
        "by_status": by_status,
        "pages": len(result.pages),
        "errors": len(result.errors),
        "suppressed": len(result.suppressed),
        "new": sum(1 for f in result.findings if f.change == "new"),
        "fixed": len(result.fixed),
    }


def verdict_text(result: AuditResult) -> str:
    count = len(failing(result))
    if count == 0:
        return f"No findings at or above {result.fail_on}"
    return f"{count} finding{'' if count == 1 else 's'} at or above {result.fail_on}"


def findings_by_check(result: AuditResult) -> tuple[dict[str, list[Finding]], list[Finding]]:
    """``result.findings`` (the contract list) grouped by check id, in report order, and the findings whose
    check is not among ``result.checks``."""
    known = {c.id for c in result.checks}
    grouped: dict[str, list[Finding]] = {c.id: [] for c in result.checks}
    orphans: list[Finding] = []
    for f in result.findings:
        if f.check in known:
            grouped[f.check].append(f)
        else:
            orphans.append(f)
    return grouped, orphans


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in SEVERITIES:
        n = sum(1 for f in findings if f.severity == s)
        if n:
            counts[s] = n
    return counts


def counts_text(findings: list[Finding]) -> str:
    counts = severity_counts(findings)
    return ", ".join(f"{n} {s}" for s, n in counts.items()) or "none"


def format_date(value: str) -> str:
    """An ISO timestamp as ``2025-01-31 14:05 UTC`` (the raw text when it does not parse)."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return clean(value)
    text = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.utcoffset()
    if offset is None:
        return text
    if not offset:
        return text + " UTC"
    return text + " " + moment.strftime("%z")


def format_duration(seconds: Any, decimal: Callable[[float], str] = "{:.1f}".format) -> str:
    """``83.4 s``, ``1 min 23 s``, ``2 h 5 min``; ``decimal`` writes the seconds under a minute (the HTML report
    passes its locale's number format). Empty for a missing, negative or non-finite value."""
    if isinstance(seconds, bool):
        return ""
    try:
        value = float(seconds)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(value) or value < 0:
        return ""
    if value < 60:
        return f"{decimal(round(value, 1))} s"
    minutes, secs = divmod(int(round(value)), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def humanize(key: Any) -> str:
    """An evidence/details key as a label: ``click_path`` -> ``Click path``."""
    text = clean(key).replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else "—"
