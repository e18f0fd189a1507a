"""The price waterfall of one checkout walk, computed once where the result is built (the hidden-costs check
calls :func:`waterfall`); reports draw its rows and never recompute a total.

The rows: ``start`` (the product price), then per checkout step after the product page the lines that appear
or change there (shipping, fees, discounts, and any change of the total no line explains: kind
``unitemised``) as ``delta`` rows, then a ``step`` row with the step's total (``amount`` None when the step
showed no price). A step's total is its last ``total`` line, else its subtotal (or items) plus the tracked
lines. Lines the caller names as late (labels of costs not stated before checkout; steps whose total grows
unexplained) are marked ``late``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from auditor.model import CheckoutStep, CheckoutWalk, WaterfallDetails, WaterfallRow

TRACKED = ("shipping", "fee", "discount")  # lines drawn as their own steps of the waterfall
PRE_CHECKOUT = ("product", "basket")
TOLERANCE = 0.01


def norm_label(label: str) -> str:
    """A price line's label without digits and punctuation, lower-case: how lines are matched across steps."""
    return re.sub(r"[\W\d_]+", " ", (label or "").lower()).strip()


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _sum(step: CheckoutStep, kind: str) -> float:
    return sum(line.amount for line in step.price_lines if line.kind == kind and _finite(line.amount))  # type: ignore[misc]


def step_total(step: CheckoutStep) -> float | None:
    totals = [line.amount for line in step.price_lines if line.kind == "total" and _finite(line.amount)]
    if totals:
        return float(totals[-1])  # type: ignore[arg-type]
    base = _sum(step, "subtotal") or _sum(step, "item")
    if not base:
        return None
    return base + sum(_sum(step, k) for k in TRACKED)


def waterfall(walk: CheckoutWalk, late_labels: Iterable[str] = (), unexplained_at: Iterable[str] = (),
              tolerance: float = TOLERANCE) -> WaterfallDetails | None:
    """The waterfall of one walk (None when no step showed a price). ``late_labels``: normalised labels
    (:func:`norm_label`) of lines not stated before checkout; ``unexplained_at``: step kinds whose total grows
    more than its lines explain."""
    late_set, unexplained = set(late_labels), set(unexplained_at)
    currency = walk.currency or next((s.currency for s in walk.steps if s.currency), "")
    rows: list[WaterfallRow] = []
    level: float | None = None
    start = float(walk.product_price) if _finite(walk.product_price) else None  # type: ignore[arg-type]
    steps = list(walk.steps)
    if steps and steps[0].kind == "product":
        first = steps.pop(0)
        if start is None:
            start = step_total(first)
    if start is not None:
        rows.append(WaterfallRow(role="start", kind="product", start=0.0, end=start, amount=start))
        level = start
    seen: dict[str, float] = {}  # line key -> amount last shown
    for number, step in enumerate(steps, 1):
        pre = step.kind in PRE_CHECKOUT
        # shipping is one cost whatever a step calls it; fees and discounts are told apart by their label
        shown: dict[str, tuple[str, float, str, set[str]]] = {}
        for line in step.price_lines:
            if line.kind in TRACKED and _finite(line.amount):
                key = "shipping" if line.kind == "shipping" else f"{line.kind}:{norm_label(line.label)}"
                label, amount, kind, names = shown.get(key, (line.label, 0.0, line.kind, set()))
                shown[key] = (label, amount + float(line.amount), kind, names | {norm_label(line.label)})  # type: ignore[arg-type]
        total = step_total(step)
        running = level
        for key, (label, amount, kind, names) in shown.items():
            delta = amount - seen.get(key, 0.0)
            seen[key] = amount
            if abs(delta) <= tolerance or running is None:
                continue
            rows.append(WaterfallRow(role="delta", kind=kind, label=label, step=step.kind, step_n=number,
                                     start=running, end=running + delta, amount=delta,
                                     late=(not pre) and bool(names & late_set)))
            running += delta
        if total is not None and running is not None and abs(total - running) > tolerance:
            rows.append(WaterfallRow(role="delta", kind="unitemised", step=step.kind, step_n=number,
                                     start=running, end=total, amount=total - running,
                                     late=step.kind in unexplained))
        if total is not None:
            level = total
        rows.append(WaterfallRow(role="step", kind=step.kind, label=step.title, step_n=number, start=0.0,
                                 end=level if level is not None else 0.0, amount=total))
    if not rows or not any(r.amount is not None for r in rows if r.role != "delta"):
        return None
    known = [r for r in rows if r.role == "step" and r.amount is not None]
    if known:
        known[-1].last = True
    if max(max(r.start, r.end) for r in rows) <= 0:
        return None
    return WaterfallDetails(product=walk.product_name, product_url=walk.product_url, currency=currency, rows=rows,
                            start=start, final=known[-1].amount if known else None,
                            late=sum(1 for r in rows if r.late))
