"""The geometry of report.html's charts; the template draws them as inline SVG with translated labels.

Each chart is a list of rows; a row's bar is drawn in its own ``<svg viewBox="0 0 1000 20"
preserveAspectRatio="none">``, so bars stretch with the page while every label stays HTML text that wraps on a
phone and prints sharp. ``x`` and ``w`` are in those 0..1000 units.

* :func:`waterfall`: the price a shopper sees from the product page to the last step before payment — the
  product price, then per checkout step the lines that appear or change there (shipping, fees, discounts, and
  any change of the total no line explains) as floating bars, then the step's total. Lines that a hidden-costs
  finding names (``late-fee``, ``shipping-not-stated``; ``total-grows-unexplained`` for the unexplained part)
  are marked ``late``.
* :func:`topic_bars`: support-ticket topics by share of tickets, each marked covered (the site answers it),
  gap (frequent and unanswered: a faq-gaps finding) or minor (unanswered but below the gap threshold).
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

from auditor.model import CheckoutStep, CheckoutWalk, Finding

SCALE = 1000.0
TRACKED = ("shipping", "fee", "discount")  # lines drawn as their own steps of the waterfall
PRE_CHECKOUT = ("product", "basket")
LATE_RULES = ("late-fee", "shipping-not-stated")
TOLERANCE = 0.01
TOPIC_LIMIT = 30


def _norm(label: str) -> str:
    return re.sub(r"[\W\d_]+", " ", (label or "").lower()).strip()


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _sum(step: CheckoutStep, kind: str) -> float:
    return sum(line.amount for line in step.price_lines if line.kind == kind and _finite(line.amount))


def _total(step: CheckoutStep) -> float | None:
    totals = [line.amount for line in step.price_lines if line.kind == "total" and _finite(line.amount)]
    if totals:
        return float(totals[-1])
    base = _sum(step, "subtotal") or _sum(step, "item")
    if not base:
        return None
    return base + sum(_sum(step, k) for k in TRACKED)


def _walk_findings(walk: CheckoutWalk, findings: list[Finding]) -> list[Finding]:
    """The hidden-costs findings about this walk (by the product they name, else a step URL)."""
    urls = {walk.product_url, *(s.url for s in walk.steps)}
    mine = []
    for f in findings:
        if f.check != "hidden-costs":
            continue
        product = f.evidence.get("product") if isinstance(f.evidence, dict) else None
        if (product and product == walk.product_name) or (not product and f.url in urls):
            mine.append(f)
    return mine


def late_marks(walk: CheckoutWalk, findings: list[Finding]) -> tuple[set[str], set[str]]:
    """(normalised labels of late lines, step kinds whose total grows unexplained) named by findings."""
    labels: set[str] = set()
    unexplained: set[str] = set()
    for f in _walk_findings(walk, findings):
        ev = f.evidence if isinstance(f.evidence, dict) else {}
        if f.rule in LATE_RULES and isinstance(ev.get("line"), dict):
            labels.add(_norm(str(ev["line"].get("label", ""))))
        if f.rule == "total-grows-unexplained" and isinstance(ev.get("to"), str):
            unexplained.add(ev["to"])
    return labels, unexplained


def waterfall(walk: CheckoutWalk, findings: list[Finding], money: Callable[[Any, str], str],
              signed: Callable[[Any, str], str]) -> dict[str, Any] | None:
    """The waterfall rows of one walk: ``start`` (product price), ``delta`` (a line that appears or changes)
    and ``step`` (one per checkout step after the product page: the step's total, or ``known: False`` when the
    step showed no price)."""
    currency = walk.currency or next((s.currency for s in walk.steps if s.currency), "")
    late_labels, unexplained_at = late_marks(walk, findings)
    rows: list[dict[str, Any]] = []
    level: float | None = None
    start = walk.product_price if _finite(walk.product_price) else None
    steps = list(walk.steps)
    if steps and steps[0].kind == "product":
        first = steps.pop(0)
        if start is None:
            start = _total(first)
    if start is not None:
        rows.append({"role": "start", "kind": "product", "label": "", "from": 0.0, "to": float(start),
                     "value": money(start, currency), "late": False, "known": True})
        level = float(start)
    seen: dict[str, float] = {}  # normalised label -> amount last shown
    for number, step in enumerate(steps, 1):
        pre = step.kind in PRE_CHECKOUT
        step_currency = step.currency or currency
        # shipping is one cost whatever a step calls it ("Standard delivery", "Shipping"); fees and discounts
        # are told apart by their label
        shown: dict[str, tuple[str, float, str, set[str]]] = {}
        for line in step.price_lines:
            if line.kind in TRACKED and _finite(line.amount):
                key = "shipping" if line.kind == "shipping" else f"{line.kind}:{_norm(line.label)}"
                label, amount, kind, names = shown.get(key, (line.label, 0.0, line.kind, set()))
                shown[key] = (label, amount + float(line.amount), kind, names | {_norm(line.label)})
        total = _total(step)
        running = level
        for key, (label, amount, kind, names) in shown.items():
            delta = amount - seen.get(key, 0.0)
            seen[key] = amount
            if abs(delta) <= TOLERANCE or running is None:
                continue
            late = (not pre) and bool(names & late_labels)
            rows.append({"role": "delta", "kind": kind, "label": label, "step": step.kind, "step_n": number,
                         "from": running, "to": running + delta, "value": signed(delta, step_currency),
                         "late": late, "known": True, "discount": delta < 0})
            running += delta
        if total is not None and running is not None and abs(total - running) > TOLERANCE:
            rows.append({"role": "delta", "kind": "unitemised", "label": "", "step": step.kind, "step_n": number,
                         "from": running, "to": total, "value": signed(total - running, step_currency),
                         "late": step.kind in unexplained_at, "known": True, "discount": total < running})
        if total is not None:
            level = total
        rows.append({"role": "step", "kind": step.kind, "label": step.title, "step_n": number,
                     "from": 0.0, "to": level if level is not None else 0.0,
                     "value": money(total, step_currency) if total is not None else "",
                     "late": False, "known": total is not None, "last": False})
    step_rows = [r for r in rows if r["role"] == "step"]
    if not rows or not any(r["known"] for r in rows if r["role"] != "delta"):
        return None
    if step_rows:
        known = [r for r in step_rows if r["known"]]
        if known:
            known[-1]["last"] = True
    top = max(max(r["from"], r["to"]) for r in rows)
    if top <= 0:
        return None
    for r in rows:
        lo, hi = sorted((r["from"], r["to"]))
        r["x"] = round(max(lo, 0.0) / top * SCALE, 1)
        r["w"] = round(max((hi - max(lo, 0.0)) / top * SCALE, 2.0), 1)
    final = next((r for r in reversed(step_rows) if r["known"]), None)
    return {"rows": rows, "currency": currency, "late": sum(1 for r in rows if r["late"]),
            "start": rows[0]["value"] if rows[0]["role"] == "start" else "",
            "final": final["value"] if final else "",
            "growth": (signed(final["to"] - rows[0]["to"], currency)
                       if final and rows[0]["role"] == "start" else "")}


def topic_bars(details: Any, percent: Callable[[Any], str]) -> dict[str, Any] | None:
    """faq-gaps ``details["topics"]`` as bars: {rows: [{label, count, share, status, w}], threshold_x}."""
    raw = details.get("topics") if isinstance(details, dict) else None
    if not isinstance(raw, list):
        return None
    rows = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            continue
        share = item.get("share")
        count = item.get("count")
        if not _finite(share) or share < 0 or not isinstance(count, int) or isinstance(count, bool):
            continue
        status = "covered" if item.get("covered") is True else "gap" if item.get("gap") is True else "minor"
        rows.append({"label": item["label"][:200], "count": count, "share": float(share),
                     "share_text": percent(share), "status": status, "estimated": item.get("estimated") is True})
    if not rows:
        return None
    rows.sort(key=lambda r: (-r["share"], r["label"]))
    more = max(len(rows) - TOPIC_LIMIT, 0)
    rows = rows[:TOPIC_LIMIT]
    top = max(r["share"] for r in rows) or 1.0
    for r in rows:
        r["w"] = round(max(r["share"] / top * SCALE, 2.0), 1)
    threshold = details.get("min_share")
    threshold_x = (round(float(threshold) / top * SCALE, 1)
                   if _finite(threshold) and 0 < float(threshold) <= top else None)
    return {"rows": rows, "more": more, "threshold_x": threshold_x,
            "threshold": percent(threshold) if _finite(threshold) else "",
            "counts": {s: sum(1 for r in rows if r["status"] == s) for s in ("covered", "gap", "minor")}}
