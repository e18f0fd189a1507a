"""Transparency scores and the top fixes of the executive summary.

Scores (0–100, higher is better), shown in report.html and defined here only:

* A check **counts** towards its category when its status is ``pass``, ``fail`` or ``needs-review``.
  ``not-applicable`` (nothing to judge, e.g. no checkout walked) and ``error`` (the check could not run) do not
  count; the report lists them beside the score so they stay visible.
* **Category score** = ``max(0, 100 − Σ penalties)`` over the defects of its counting checks. A defect is a
  ``(check, rule)``: the same rule failing on 12 product pages is one defect (as in the top fixes), at the
  worst severity among its findings. The penalty by severity: critical 40, high 25, medium 10, low 5, info 0.
  The penalties do not depend on ``--fail-on`` (that threshold decides the exit code, not the score).
* A category with no counting check has **no score** ("n/a"), never 100.
* **Overall score** = the mean of the category scores that exist, rounded half up to a whole number; "n/a"
  when no category has a score.

Categories are the checks' ``CATEGORY`` values, in the order of :data:`CATEGORY_ORDER`; the six of
:data:`CORE_CATEGORIES` are always shown (as "n/a" when no check of theirs ran).

Top fixes: the findings with a penalty (severity ``low`` or above), grouped by ``(check, rule)`` so one defect
on 12 product pages is one fix, ranked by the group's worst severity, then by how many findings (pages or
products) it covers, then by check order; the first five.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from auditor.model import SEVERITY_ORDER, AuditResult, Finding

PENALTY: dict[str, int] = {"critical": 40, "high": 25, "medium": 10, "low": 5, "info": 0}
COUNTING: tuple[str, ...] = ("pass", "fail", "needs-review")
CORE_CATEGORIES: tuple[str, ...] = ("costs", "checkout", "product", "returns", "contact", "self-service")
CATEGORY_ORDER: tuple[str, ...] = (*CORE_CATEGORIES, "navigation")
TOP_FIXES = 5


@dataclass
class CategoryScore:
    category: str
    score: int | None  # None: no check of this category counted ("n/a")
    checks: list[str] = field(default_factory=list)  # ids of the checks that counted
    findings: int = 0  # findings with a penalty
    penalty: int = 0  # the sum before the floor
    needs_review: list[str] = field(default_factory=list)  # check ids
    errors: list[str] = field(default_factory=list)  # check ids
    not_applicable: list[str] = field(default_factory=list)  # check ids


@dataclass
class Fix:
    check: str
    rule: str
    severity: str
    finding: Finding  # the most severe finding of the group: its title and recommendation
    count: int  # findings (pages or products) the fix covers
    findings: list[Finding] = field(default_factory=list)


def round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def _findings_of(result: AuditResult) -> dict[str, list[Finding]]:
    """The result's findings (ignored ones excluded, as in report.json) by check id."""
    by_check: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_check.setdefault(f.check, []).append(f)
    return by_check


def category_scores(result: AuditResult) -> list[CategoryScore]:
    """One score per category: the core six always, then any other category a check ran in."""
    by_check = _findings_of(result)
    present = [c.category for c in result.checks]
    order = list(CORE_CATEGORIES) + [c for c in CATEGORY_ORDER if c not in CORE_CATEGORIES and c in present]
    order += [c for c in dict.fromkeys(present) if c not in order]
    scores = []
    for category in order:
        entry = CategoryScore(category=category, score=None)
        for check in result.checks:
            if check.category != category:
                continue
            if check.status == "error":
                entry.errors.append(check.id)
                continue
            if check.status == "not-applicable":
                entry.not_applicable.append(check.id)
                continue
            if check.status not in COUNTING:
                continue
            if check.status == "needs-review":
                entry.needs_review.append(check.id)
            entry.checks.append(check.id)
            worst: dict[str, int] = {}  # rule -> its worst finding's penalty: a defect counts once
            for f in by_check.get(check.id, []):
                points = PENALTY.get(f.severity, 0)
                if points:
                    entry.findings += 1
                    worst[f.rule] = max(worst.get(f.rule, 0), points)
            entry.penalty += sum(worst.values())
        if entry.checks:
            entry.score = max(0, 100 - entry.penalty)
        scores.append(entry)
    return scores


def overall_score(scores: list[CategoryScore]) -> int | None:
    values = [s.score for s in scores if s.score is not None]
    return round_half_up(sum(values) / len(values)) if values else None


def top_fixes(result: AuditResult, limit: int = TOP_FIXES) -> list[Fix]:
    """The most important fixes: failing findings grouped per rule, ranked (see the module docstring)."""
    check_order = {c.id: i for i, c in enumerate(result.checks)}
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in result.findings:
        if PENALTY.get(f.severity, 0) > 0:
            groups.setdefault((f.check, f.rule), []).append(f)
    fixes = []
    for (check, rule), members in groups.items():
        members = sorted(members, key=lambda f: (-SEVERITY_ORDER[f.severity], f.url, f.id))
        fixes.append(Fix(check=check, rule=rule, severity=members[0].severity, finding=members[0],
                         count=len(members), findings=members))
    fixes.sort(key=lambda x: (-SEVERITY_ORDER[x.severity], -x.count, check_order.get(x.check, len(check_order)),
                              x.rule))
    return fixes[:limit]


def score_band(score: int | None) -> str:
    """``good`` (80+), ``fair`` (50–79), ``poor`` (< 50) or ``none``: the colour of a score."""
    if score is None:
        return "none"
    if score >= 80:
        return "good"
    if score >= 50:
        return "fair"
    return "poor"


def as_dict(scores: list[CategoryScore]) -> dict[str, Any]:
    """Scores as plain data (for tests and other renderers)."""
    return {"overall": overall_score(scores), "categories": {s.category: s.score for s in scores}}
