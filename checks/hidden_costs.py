"""Hidden costs: every cent the last checkout step asks for was stated before checkout.

What it checks
    The checkout walk's price ledger (product page → basket → each checkout step up to, never through, the
    order button) against what the shopper was told before checkout (product page and basket: price lines
    and sentences about delivery and fees). Rules:

    * ``late-fee`` (critical): a charge appears for the first time in checkout — a fee or surcharge line
      (handling, service, insurance, packaging, payment fee…) or a line of any other label that is not the
      product (a "climate contribution" is a charge whatever it is called).
    * ``late-tax`` (critical): tax (VAT, MwSt., DPH…) is added on top of the prices at a checkout step while
      the product page and basket showed prices without it (Price Indication Directive 98/6/EC, Directive
      2011/83/EU art. 6(1)(e)); a tax line the prices already include ("incl. VAT 2,38 €") is a note, not a
      charge.
    * ``shipping-not-stated`` (high): checkout charges shipping, but neither the product page nor the basket
      stated a delivery cost or a free-delivery threshold.
    * ``total-grows-unexplained`` (high): the total grows between two steps by more than the labelled lines
      explain.
    * ``preticked-paid-addon`` (high): a checkbox for a paid extra (a price in its label, or insurance,
      protection, packaging…) is ticked before the shopper touched it.
    * ``currency-switch`` (medium): the currency changes between steps.
    * ``advertised-price-not-applied`` (high): the basket or checkout charges more for the product than its
      product page advertised (a discount or sale price that is not applied).
    * ``walk-incomplete`` (info): a walk got stuck before the last step; the check is then ``needs-review``
      (never ``pass``) unless another walk completed.

Why it matters
    Extra costs that appear late are the first reason shoppers abandon checkout (48% in Baymard's 2024
    survey; 21% because the total was not visible up front). EU law requires the total price including
    delivery before the order (Directive 2011/83/EU art. 6(1)(e) and 8(2)) and forbids pre-ticked paid extras
    (art. 22).

Failing example
    Product page "49,90 €"; basket "Subtotal 49,90 €"; review step adds "Handling fee 2,50 €" and the total is
    57,30 € → ``late-fee`` (critical) with the ledger as evidence.

Passing example
    Product page says "Delivery 4,90 €, free from 100 €"; review step: Subtotal 49,90 €, Shipping 4,90 €,
    Total 54,80 € → pass.

Options
    ``tolerance`` (default 0.01): amounts closer than this are equal.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from auditor import lexicon
from auditor.ledger import EXCLUSIVE, INCLUSIVE
from auditor.model import Artifacts, CheckoutStep, CheckoutWalk, CheckResult, Finding
from auditor.prices import parse_price
from auditor.waterfall import norm_label, waterfall
from checks.base import T, finding, not_seen, result

ID = "hidden-costs"
TITLE = T('Hidden costs in checkout')
CATEGORY = "costs"
SEVERITIES = ["critical", "high", "medium", "info"]
DEFAULT_OPTIONS: dict[str, Any] = {"tolerance": 0.01}

WHY_LATE = (T('Shoppers abandon when costs appear at the last step (48% name extra costs as the reason). EU law '
              'requires the total price including all charges before the order: Directive 2011/83/EU art. 6(1)(e), '
              '8(2).'))
WHY_ADDON = (T('A paid extra must be chosen by the shopper: Directive 2011/83/EU art. 22 forbids pre-ticked boxes '
               'for additional payments, and the shopper may claim the money back.'))
WHY_TAX = T("A consumer must see the final price including VAT and all taxes from the first price shown: Price "
            "Indication Directive 98/6/EC art. 2(a) and 3, Directive 2011/83/EU art. 6(1)(e). Tax that first appears "
            "at checkout is a hidden cost.")
PRE_KINDS = ("product", "basket")



def _tax_told(walk: CheckoutWalk, before: list[CheckoutStep]) -> bool:
    """The shopper saw tax before checkout: a tax line with an amount in the basket, or prices said to include it
    ("Tax €0.00" in a basket that knows no address yet tells nothing)."""
    if any(lexicon.matches("price_tax", line.label) and (
            line.kind == "tax" and (line.amount or 0) > 0.005 or line.kind == "note" and INCLUSIVE.search(line.label))
           for s in before for line in s.price_lines):
        return True
    return any(lexicon.matches("price_tax", t) and INCLUSIVE.search(t) for t in walk.pre_checkout_texts)


def _is_product_line(walk: CheckoutWalk, before: list[CheckoutStep], line: Any) -> bool:
    """A checkout line that is the product itself (or another basket line), not a new charge: its amount or words
    were shown before checkout (a basket whose only line is its total, "Wartość zamówienia 229,00 zł", counts)."""
    seen = [(l_.label, l_.amount) for s in before for l_ in s.price_lines if l_.kind in ("item", "subtotal")]
    totals = [l_.amount for s in before for l_ in s.price_lines if l_.kind == "total"]
    if any(abs((amount or 0) - (line.amount or 0)) < 0.011 for amount in [a for _, a in seen] + totals):
        return True
    if walk.product_price and abs(walk.product_price - (line.amount or 0)) < 0.011:
        return True
    words = _words(line.label)
    return bool(words & (_words(walk.product_name) | {w for label, _ in seen for w in _words(label)}))


def _ledger(walk: CheckoutWalk) -> list[dict[str, Any]]:
    return [
        {"step": i, "kind": s.kind, "url": s.url, "clicks": s.clicks, "screenshot": s.screenshot,
         "lines": [{"label": line.label, "kind": line.kind, "amount": line.amount, "currency": line.currency}
                   for line in s.price_lines]}
        for i, s in enumerate(walk.steps)
    ]


def _norm(label: str) -> str:
    return re.sub(r"[\W\d_]+", " ", label.lower()).strip()


def _words(label: str) -> set[str]:
    return {w for w in _norm(label).split() if len(w) > 3}


def _sum(step: CheckoutStep, *kinds: str) -> float:
    return sum(line.amount or 0.0 for line in step.price_lines if line.kind in kinds)


def _total(step: CheckoutStep) -> float | None:
    totals = [line.amount for line in step.price_lines if line.kind == "total" and line.amount is not None]
    return totals[-1] if totals else None


def _told_shipping(walk: CheckoutWalk, before: list[CheckoutStep]) -> bool:
    if any(line.kind == "shipping" for s in before for line in s.price_lines):
        return True
    for sentence in walk.pre_checkout_texts:
        if lexicon.matches("price_shipping", sentence) and (
            parse_price(sentence) is not None or lexicon.matches("price_free", sentence)
        ):
            return True
    return False


def _told_fee(walk: CheckoutWalk, before: list[CheckoutStep], label: str) -> bool:
    words = _words(label)
    for s in before:
        for line in s.price_lines:
            if line.kind == "fee" and (words & _words(line.label) or not words):
                return True
    for sentence in walk.pre_checkout_texts:
        if words and words & _words(sentence) and parse_price(sentence) is not None:
            return True
    return False


def _walk_findings(walk: CheckoutWalk, tol: float) -> list[Finding]:
    out: list[Finding] = []
    ledger = _ledger(walk)
    before = [s for s in walk.steps if s.kind in PRE_KINDS]
    checkout = [s for s in walk.steps if s.kind not in PRE_KINDS]
    product = walk.product_url
    evidence = {"ledger": ledger, "product": walk.product_name, "told_before_checkout": walk.pre_checkout_texts[:8]}

    seen_fees: set[str] = set()
    for step in checkout:
        if step.unreadable_reason:
            continue  # lines that do not add up are not evidence (audit-coverage reports them)
        for line in step.price_lines:
            if not line.amount or line.amount <= tol:
                continue
            if line.kind == "tax":
                if _tax_told(walk, before) or not (step.tax_included is False or EXCLUSIVE.search(line.label)):
                    continue
                key = "tax"
                if key in seen_fees:
                    continue
                seen_fees.add(key)
                out.append(finding(
                    ID, "late-tax", "critical", T('Tax “{label}” is added at the {kind} step', label=line.label,
                                                  kind=step.kind),
                    T('The {kind} step adds “{label}” ({amount:.2f} {currency}) on top of the prices shown so far: the '
                      'product page and the basket showed prices without it.', kind=step.kind, label=line.label,
                      amount=line.amount or 0.0, currency=line.currency),
                    url=step.url, key=f"{product}|tax",
                    evidence={**evidence, "line": line.model_dump(exclude={"box"}), "box": line.box,
                              "step": step.kind, "screenshot": step.screenshot},
                    why=WHY_TAX,
                    recommendation=T('Show consumers prices that include VAT on product pages and in the basket.'),
                ))
                continue
            if line.kind not in ("fee", "item", "other") or (line.kind != "fee" and _is_product_line(walk, before,
                                                                                                     line)):
                continue
            key = _norm(line.label)
            if key in seen_fees or _told_fee(walk, before, line.label):
                continue
            seen_fees.add(key)
            out.append(finding(
                ID, "late-fee", "critical", T('“{label}” first appears at the {kind} step',
                                              label=line.label, kind=step.kind),
                T('The {kind} step adds “{label}” ({amount:.2f} {currency}) that neither the product page nor the '
                  'basket mentioned.', kind=step.kind, label=line.label, amount=line.amount, currency=line.currency),
                url=step.url, key=f"{product}|{key}",
                evidence={**evidence, "line": line.model_dump(exclude={"box"}), "box": line.box, "step": step.kind,
                          "screenshot": step.screenshot},
                why=WHY_LATE,
                recommendation=T('Show this charge on the product page and in the basket, or fold it into the price.'
                                 ),
            ))

    charged = [(s, line) for s in checkout for line in s.price_lines
               if line.kind == "shipping" and line.amount and line.amount > tol]
    if charged and not _told_shipping(walk, before):
        step, line = charged[0]
        out.append(finding(
            ID, "shipping-not-stated", "high", T('Shipping cost first shown at the {kind} step', kind=step.kind),
            T('Checkout charges {amount:.2f} {currency} for “{label}”, but no delivery cost or free-delivery '
              'threshold was stated on the product page or in the basket.',
              amount=line.amount, currency=line.currency, label=line.label),
            url=step.url, key=product,
            evidence={**evidence, "line": line.model_dump(exclude={"box"}), "box": line.box,
                      "screenshot": step.screenshot},
            why=WHY_LATE,
            recommendation=T('State delivery costs (or “free delivery from …”) next to the price on product pages '
                             'and in the basket, with a delivery estimate.'),
        ))

    previous: tuple[CheckoutStep, float] | None = None
    for step in walk.steps:
        total = _total(step)
        if total is None or step.kind == "product":
            continue
        if previous is not None:
            prev_step, prev_total = previous
            explained = sum(_sum(step, k) - _sum(prev_step, k)
                            for k in ("subtotal", "shipping", "fee", "discount", "tax"))
            # a charge already reported as late (whatever its label) explains its part of the growth
            explained += sum(line.amount or 0.0 for line in step.price_lines
                             if line.kind in ("item", "other") and _norm(line.label) in seen_fees)
            unexplained = (total - prev_total) - explained
            if unexplained > tol:
                out.append(finding(
                    ID, "total-grows-unexplained", "high",
                    T('The total grows by {unexplained:.2f} without a labelled line', unexplained=unexplained),
                    T('Between the {kind} step ({prev_total:.2f}) and the {kind2} step ({total:.2f}) the total grows '
                      'by {value:.2f}; labelled lines explain {explained:.2f}.',
                      kind=prev_step.kind, prev_total=prev_total, kind2=step.kind, total=total,
                      value=total - prev_total, explained=explained),
                    url=step.url, key=f"{product}|{prev_step.kind}>{step.kind}",
                    evidence={**evidence, "from": prev_step.kind, "to": step.kind, "unexplained": round(unexplained, 2),
                              "screenshot": step.screenshot},
                    why=WHY_LATE,
                    recommendation=T('Itemise every charge in the order summary so the lines add up to the total.'),
                ))
        previous = (step, total)

    for step in walk.steps:
        for box in step.checkboxes:
            paid = (box.price or 0) > tol or lexicon.matches("price_fee", box.label)
            if not box.checked or not paid or lexicon.matches("terms_accept", box.label) \
                    or lexicon.matches("newsletter", box.label):
                continue
            out.append(finding(
                ID, "preticked-paid-addon", "high", T('Paid extra ticked by default: “{label}”',
                                                      label=box.label[:80]),
                T('At the {kind} step the box “{label}” is already ticked',
                  kind=step.kind, label=box.label) + (T(' and adds {price:.2f}.',
                  price=box.price) if box.price else T('.')),
                url=step.url, key=f"{product}|{_norm(box.label)}",
                evidence={**evidence, "checkbox": box.model_dump(exclude={"box"}), "box": box.box,
                          "step": step.kind, "screenshot": step.screenshot},
                why=WHY_ADDON, recommendation=T('Leave paid extras unticked; let the shopper opt in.'),
            ))

    currencies = [(s.kind, line.currency) for s in walk.steps for line in s.price_lines if line.currency]
    if len({c for _, c in currencies}) > 1:
        out.append(finding(
            ID, "currency-switch", "medium", T('The currency changes during checkout'),
            T('Prices are shown in ') + " then ".join(dict.fromkeys(c for _, c in currencies)) + T('.'),
            url=product, key=product, evidence={**evidence, "currencies": currencies},
            why=T('A currency that changes mid-checkout hides the real price and the conversion margin.'),
            recommendation=T('Keep one currency from product page to payment, or show both amounts everywhere.'),
        ))

    if walk.product_price:
        for step in walk.steps:
            if step.kind == "product":
                continue
            subtotal = _sum(step, "subtotal") or _sum(step, "item")
            if subtotal and subtotal - walk.product_price > tol and len(
                    [line for line in step.price_lines if line.kind == "item"]) <= 1:
                out.append(finding(
                    ID, "advertised-price-not-applied", "high", T('The basket charges more than the product page'),
                    T('The product page advertises {product_price:.2f}, the {kind} step charges {subtotal:.2f} for '
                      'it.', product_price=walk.product_price, kind=step.kind, subtotal=subtotal),
                    url=step.url, key=product, evidence={**evidence, "advertised": walk.product_price,
                                                         "charged": subtotal, "screenshot": step.screenshot},
                    why=T('A price or discount advertised on the product page must be the one charged (Directive '
                          '2005/29/EC on unfair commercial practices).'),
                    recommendation=T('Apply the advertised price or discount in the basket automatically.'),
                ))
                break
    if not walk.completed:
        last = walk.steps[-1] if walk.steps else None
        out.append(finding(
            ID, "walk-incomplete", "info", T('The checkout walk did not reach the last step'),
            T('The walk stopped: {value}.', value=walk.stuck_reason or 'unknown reason'),
            url=last.url if last else product, key=product,
            evidence={**evidence, "stuck_reason": walk.stuck_reason, "screenshot": last.screenshot if last else ""},
            recommendation=T('Record the checkout in Chrome DevTools Recorder and pass it with --journey.'),
        ))
    return out


def _waterfall(walk: CheckoutWalk, found: list[Finding], tol: float) -> Any:
    """The walk's price waterfall, its late lines marked: those this check's findings name."""
    late = {norm_label(str(f.evidence["line"].get("label", ""))) for f in found
            if f.rule in ("late-fee", "shipping-not-stated") and isinstance(f.evidence.get("line"), dict)}
    unexplained = {str(f.evidence.get("to")) for f in found if f.rule == "total-grows-unexplained"}
    return waterfall(walk, late, unexplained, tol)


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    walks = artifacts.checkout
    if not walks:
        return not_seen(sys.modules[__name__], artifacts, T('No checkout was walked (no product page was found or the '
                                                            'walk was turned off).'))
    tol = float(options["tolerance"])
    per_walk = [(walk, _walk_findings(walk, tol)) for walk in walks]
    findings = [f for _, found in per_walk for f in found]
    visuals = [chart for walk, found in per_walk if (chart := _waterfall(walk, found, tol)) is not None]
    module = sys.modules[__name__]
    details = {"walks": [{"product": w.product_name, "product_url": w.product_url, "completed": w.completed,
                          "stuck_reason": w.stuck_reason, "ledger": _ledger(w), "product_price": w.product_price,
                          "currency": w.currency} for w in walks]}
    real = [f for f in findings if f.severity != "info"]
    completed = [w for w in walks if w.completed]
    if real:
        return result(module, findings, T('{n_real} hidden-cost finding(s) over {n_walks} walked product(s).',
                                          n_real=len(real), n_walks=len(walks)),
                      details=details, visuals=visuals)
    if not completed:
        return result(module, findings, T('No walk reached the last step before payment; the costs need a review.'),
                      status="needs-review", details=details, visuals=visuals)
    if all(w.steps and w.steps[-1].unreadable_reason for w in completed):
        return result(module, findings, T('Every walk reached the last step, but its prices could not be read as '
                                          'complete ({reason}); the costs need a review.',
                                          reason=completed[0].steps[-1].unreadable_reason),
                      status="needs-review", details=details, visuals=visuals)
    return result(module, findings, T('Every charge was stated before checkout ({n_completed} walk(s)).',
                                      n_completed=len(completed)),
                  status="pass", details=details, visuals=visuals)

