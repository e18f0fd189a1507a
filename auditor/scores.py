"""Transparency scores and the top fixes, computed once into the result (``AuditResult.scores`` and
``AuditResult.top_fixes``, both in report.json); every report only shows them.

Scores (0–100, higher is better):

* A check **counts** towards its category when its status is ``pass``, ``fail`` or ``needs-review``.
  ``not-applicable`` (nothing to judge, e.g. no checkout walked) and ``error`` (the check could not run) do not
  count; the report lists them beside the score so they stay visible.
* **Category score** = ``max(0, 100 − Σ penalties)`` over the defects of its counting checks. A defect is a
  ``(check, rule)``: the same rule failing on 12 product pages is one defect, at the worst severity among its
  findings (or a grouped finding's items). The penalty by severity: critical 40, high 25, medium 10, low 5,
  info 0. The penalties do not depend on ``--fail-on`` (that threshold decides the exit code, not the score).
* A category with no counting check has **no score** ("n/a"), never 100.
* **Overall score** = the mean of the category scores that exist, rounded half up; "n/a" when none exists.

Top fixes: the findings with a penalty (severity ``low`` or above), one per ``(check, rule)``, ranked by
``impact × severity weight × reach factor``:

* **impact** is the share of shoppers who name that kind of problem as their reason to abandon a checkout, from
  the Baymard Institute's cart-abandonment survey ("Reasons for abandonments during checkout", US adults who
  abandoned an order in the last 3 months, 2024; https://baymard.com/lists/cart-abandonment-rate): extra costs
  too high 48%, site wanted me to create an account 26%, didn't trust the site with my card 25%, delivery was
  too slow 23%, too long / complicated checkout 22%, couldn't see the total order cost up front 21%, returns
  policy wasn't satisfactory 18%. Contact channels feed "didn't trust the site". Product-page content and
  navigation are not checkout reasons in that survey: size and fit (a size chart) count 15%, an unanswered
  question (FAQ) 12%, findability (click depth) 10%, photos / descriptions 8% — our judgement, below every survey
  reason, so costs and a forced account always outrank photos (see :data:`IMPACT`). An audit that could not
  recognise a product or walk the checkout (audit-coverage's ``no-products`` / ``no-walk``) hides every one of
  those reasons: impact 100% and reach factor 1, so it ranks first (:data:`WHOLE_AUDIT`);
* **severity weight**: critical 1.0, high 0.8, medium 0.5, low 0.25;
* **reach factor** ``1 − 0.5^n`` over the ``n`` pages or products the rule fired on (one 0.5, two 0.75, ten
  ≈ 1): a defect on every product page matters more than on one, but never more than a worse kind of defect.
"""

from __future__ import annotations

import math
from typing import Any

from auditor.model import N_, SEVERITY_ORDER, AuditResult, CategoryScore, Finding, Fix, Scores

PENALTY: dict[str, int] = {"critical": 40, "high": 25, "medium": 10, "low": 5, "info": 0}
COUNTING: tuple[str, ...] = ("pass", "fail", "needs-review")
CORE_CATEGORIES: tuple[str, ...] = ("costs", "checkout", "product", "returns", "contact", "self-service")
CATEGORY_ORDER: tuple[str, ...] = (*CORE_CATEGORIES, "navigation")
TOP_FIXES = 5
SEVERITY_WEIGHT: dict[str, float] = {"critical": 1.0, "high": 0.8, "medium": 0.5, "low": 0.25, "info": 0.0}


EXTRA_COSTS = (0.48, N_("Extra costs too high (48% of abandoned checkouts)"))
ACCOUNT = (0.26, N_("The site wanted me to create an account (26%)"))
TRUST = (0.25, N_("Didn't trust the site with my card details (25%)"))
DELIVERY = (0.23, N_("Delivery was too slow or unknown (23%)"))
COMPLICATED = (0.22, N_("Too long or complicated checkout (22%)"))
TOTAL_UNSEEN = (0.21, N_("Couldn't see the total order cost up front (21%)"))
RETURNS = (0.18, N_("Returns policy wasn't satisfactory (18%)"))
FIT = (0.15, N_("Couldn't judge size or fit (our estimate, 15%)"))
CONTENT = (0.08, N_("Couldn't judge the product from its page (our estimate, 8%)"))
HELP = (0.12, N_("Couldn't find an answer without contacting support (our estimate, 12%)"))
FINDING = (0.10, N_("Couldn't find what I was looking for (our estimate, 10%)"))
# the audit could not see the products or walk the checkout: every reason above may hide behind it
BLIND = (1.0, N_("The audit could not see the products or the checkout: any of the reasons may hide behind it"))

# (category, rule) first, then the category: the abandonment reason a defect feeds
IMPACT: dict[tuple[str, str] | str, tuple[float, str]] = {
    "costs": EXTRA_COSTS,
    ("costs", "delivery-time-missing"): DELIVERY,
    ("costs", "payment-methods-missing"): TRUST,
    ("costs", "currency-switch"): TOTAL_UNSEEN,
    "checkout": COMPLICATED,
    ("checkout", "forced-account"): ACCOUNT,
    "returns": RETURNS,
    "contact": TRUST,
    "navigation": FINDING,
    "self-service": HELP,
    "product": CONTENT,
    ("product", "size-chart-missing"): FIT,
    ("product", "price-without-currency"): TOTAL_UNSEEN,
    ("product", "omnibus-lowest-price-missing"): TRUST,
    ("checkout", "no-products"): BLIND,
    ("checkout", "no-walk"): BLIND,
    ("checkout", "ledger-unreadable"): TOTAL_UNSEEN,
}
# defects of the whole audit, not of some pages: their reach factor is 1 (a walk that could not run hides
# everything the walk would have shown, so it ranks first)
WHOLE_AUDIT: frozenset[tuple[str, str]] = frozenset({("checkout", "no-products"), ("checkout", "no-walk")})
DEFAULT_IMPACT = (0.10, N_("Other (our estimate, 10%)"))


def round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def score_band(score: int | None) -> str:
    """``good`` (80+), ``fair`` (50–79), ``poor`` (< 50) or ``none``: the colour of a score."""
    if score is None:
        return "none"
    if score >= 80:
        return "good"
    if score >= 50:
        return "fair"
    return "poor"


def _severities(f: Finding) -> list[str]:
    return [i.severity for i in f.items] or [f.severity]


def category_scores(result: AuditResult) -> list[CategoryScore]:
    """One score per category: the core six always, then any other category a check ran in."""
    by_check: dict[str, list[Finding]] = {}
    for f in result.findings:  # ignored findings are not in result.findings
        by_check.setdefault(f.check, []).append(f)
    present = [c.category for c in result.checks]
    order = list(CORE_CATEGORIES) + [c for c in CATEGORY_ORDER if c not in CORE_CATEGORIES and c in present]
    order += [c for c in dict.fromkeys(present) if c not in order]
    scores = []
    for category in order:
        entry = CategoryScore(category=category)
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
                for severity in _severities(f):
                    points = PENALTY.get(severity, 0)
                    if points:
                        entry.findings += 1
                        worst[f.rule] = max(worst.get(f.rule, 0), points)
            entry.penalty += sum(worst.values())
        if entry.checks:
            entry.score = max(0, 100 - entry.penalty)
        entry.band = score_band(entry.score)  # type: ignore[assignment]
        scores.append(entry)
    return scores


def overall_score(scores: list[CategoryScore]) -> int | None:
    values = [s.score for s in scores if s.score is not None]
    return round_half_up(sum(values) / len(values)) if values else None


def as_dict(scores: list[CategoryScore]) -> dict[str, Any]:
    """Scores as plain data ``{"overall", "categories": {category: score}}`` (the fleet's store, tests)."""
    return {"overall": overall_score(scores), "categories": {s.category: s.score for s in scores}}


def compute_scores(result: AuditResult) -> Scores:
    categories = category_scores(result)
    overall = overall_score(categories)
    return Scores(overall=overall, band=score_band(overall), categories=categories,  # type: ignore[arg-type]
                  penalty=dict(PENALTY))


def impact_of(category: str, rule: str) -> tuple[float, str]:
    return IMPACT.get((category, rule)) or IMPACT.get(category) or DEFAULT_IMPACT


def top_fixes(result: AuditResult, limit: int = TOP_FIXES) -> list[Fix]:
    """The most important fixes (see the module docstring): one per (check, rule), best first."""
    categories = {c.id: c.category for c in result.checks}
    check_order = {c.id: i for i, c in enumerate(result.checks)}
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in result.findings:
        if PENALTY.get(f.severity, 0) > 0:
            groups.setdefault((f.check, f.rule), []).append(f)
    fixes = []
    for (check, rule), members in groups.items():
        members.sort(key=lambda f: (-SEVERITY_ORDER[f.severity], f.url, f.id))
        head = members[0]
        reach = sum(max(len(f.items), 1) for f in members)
        impact, reason = impact_of(categories.get(check, ""), rule)
        spread = 1.0 if (categories.get(check, ""), rule) in WHOLE_AUDIT else 1 - 0.5 ** reach
        rank = impact * SEVERITY_WEIGHT.get(head.severity, 0.0) * spread
        fixes.append(Fix(finding=head.id, check=check, rule=rule, severity=head.severity, impact=impact,
                         reason=reason, reach=reach, rank=round(rank, 4)))
    fixes.sort(key=lambda x: (-x.rank, -SEVERITY_ORDER[x.severity], check_order.get(x.check, len(check_order)),
                              x.rule))
    return fixes[:limit]
