"""Checkout friction: how long and how demanding the way from a product to the order button is.

What it checks
    On each checkout walk: clicks from the product page to the last step before payment, the number of
    checkout steps after the basket, a progress indicator on multi-step checkouts, an account wall without
    guest checkout, the number of form fields to fill, and the wording of the final order button. Rules:

    * ``forced-account`` (high): the checkout asks the shopper to log in or register and offers no guest
      checkout.
    * ``order-button-wording`` (high): the final button does not say that ordering means paying (EU: "order
      with obligation to pay" or an equally unambiguous wording: "zamówienie z obowiązkiem zapłaty",
      "zahlungspflichtig bestellen", "objednávka zavazující k platbě", "objednávka s povinnosťou platby"…).
    * ``too-many-clicks`` (medium): more than ``max_clicks`` clicks from the product page to the last step.
    * ``too-many-steps`` (medium): more than ``max_steps`` checkout steps after the basket.
    * ``too-many-fields`` (medium): more than ``max_fields`` form fields over all checkout steps.
    * ``no-progress-indicator`` (low): a checkout of two or more steps shows no progress indicator.
    * ``walk-incomplete`` (info): a walk got stuck before the last step other than at an account wall; the
      finding names the step it stopped at, why, and its screenshot. When no walk reached the last step and
      nothing above was found, the check is ``needs-review`` — never ``pass``.

Why it matters
    26% of shoppers abandoned a checkout because it forced an account and 22% because it was too long or
    complicated (Baymard 2024); the average checkout has 11 form fields where 8 would do. The order button's
    wording is a legal requirement: Directive 2011/83/EU art. 8(2) — without it the shopper is not bound by
    the order.

Failing example
    Product → basket → login wall with no guest option → ``forced-account``; a final button "Continue" →
    ``order-button-wording``.

Passing example
    Product → basket → details → shipping → review with "1 Details › 2 Shipping › 3 Review" and a button
    "Order with obligation to pay", 9 fields in all → pass.

Options
    ``max_clicks`` (default 7), ``max_steps`` (default 4), ``max_fields`` (default 14).
"""

from __future__ import annotations

import sys
from typing import Any

from auditor import lexicon
from auditor.model import Artifacts, CheckoutWalk, CheckResult, Finding
from checks.base import T, finding, not_seen, result

ID = "checkout-friction"
TITLE = T('Checkout length and friction')
CATEGORY = "checkout"
SEVERITIES = ["high", "medium", "low", "info"]
DEFAULT_OPTIONS: dict[str, Any] = {"max_clicks": 7, "max_steps": 4, "max_fields": 14}
PRE_KINDS = ("product", "basket")


def _path(walk: CheckoutWalk) -> list[dict[str, Any]]:
    return [{"kind": s.kind, "url": s.url, "clicks": s.clicks, "fields": s.form_fields,
             "progress": s.progress_indicator, "screenshot": s.screenshot} for s in walk.steps]


def _walk_findings(walk: CheckoutWalk, opts: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    product = walk.product_url
    steps = [s for s in walk.steps if s.kind not in PRE_KINDS]
    evidence = {"product": walk.product_name, "steps": _path(walk)}
    wall = next((s for s in walk.steps if s.account_required and not s.guest_option), None)
    if wall is not None:
        out.append(finding(
            ID, "forced-account", "high", T('Checkout forces the shopper to create an account'),
            T('The checkout asks to log in or register and offers no way to order as a guest.'),
            url=wall.url, key=product, evidence={**evidence, "screenshot": wall.screenshot},
            why=T('26% of shoppers abandon a checkout that forces an account (Baymard 2024).'),
            recommendation=T('Offer guest checkout; propose an account after the order (one click, with the data '
                             'already entered).'),
        ))
    if not walk.completed:
        if wall is None:
            stop = walk.steps[-1] if walk.steps else None
            out.append(finding(
                ID, "walk-incomplete", "info",
                T('The checkout walk stopped at the {kind} step', kind=stop.kind if stop else 'first'),
                T('The walk stopped: {value}. Clicks, steps and fields could not be measured up to the order button.',
                  value=walk.stuck_reason or 'unknown reason'),
                url=stop.url if stop else product, key=product,
                evidence={**evidence, "stuck_reason": walk.stuck_reason, "step": stop.kind if stop else "",
                          "screenshot": stop.screenshot if stop else ""},
                recommendation=T('Check the checkout by hand, or record it in Chrome DevTools Recorder and pass it '
                                 'with --journey.'),
            ))
        return out
    last = walk.steps[-1]
    button = last.order_button
    if not lexicon.matches("order_obligation", button):
        out.append(finding(
            ID, "order-button-wording", "high", T('The order button says “{button}”', button=button),
            T('The final button “{button}” does not say that the order obliges the shopper to pay.', button=button),
            url=last.url, key=product,
            evidence={**evidence, "button": button, "screenshot": last.screenshot, "box": last.order_button_box},
            why=T('Directive 2011/83/EU art. 8(2): the button must be labelled “order with obligation to pay” or an '
                  'equally unambiguous wording, otherwise the consumer is not bound by the order.'),
            recommendation=T('Label it “Order with obligation to pay” (pl “Zamawiam z obowiązkiem zapłaty”, de '
                             '“Zahlungspflichtig bestellen”, cs “Objednávka zavazující k platbě”, sk “Objednávka s '
                             'povinnosťou platby”) or “Buy now”.'),
        ))
    if last.clicks > opts["max_clicks"]:
        out.append(finding(
            ID, "too-many-clicks", "medium", T('{clicks} clicks from product page to the order button',
                                               clicks=last.clicks),
            T('A shopper needs {clicks} clicks from the product page to the last step (limit {opts}).',
              clicks=last.clicks, opts=opts['max_clicks']), url=last.url, key=product, evidence=evidence,
            why=T('Every extra click is a chance to abandon; 22% abandon checkouts that are too long (Baymard).'),
            recommendation=T('Merge steps, go from the basket straight to checkout, and prefill what you know.'),
        ))
    if len(steps) > opts["max_steps"]:
        out.append(finding(
            ID, "too-many-steps", "medium", T('{n_steps} checkout steps', n_steps=len(steps)),
            T('The checkout has {n_steps} steps after the basket (limit {opts}).',
              n_steps=len(steps), opts=opts['max_steps']),
            url=last.url, key=product, evidence=evidence,
            why=T('22% of shoppers abandon checkouts that are too long or complicated (Baymard 2024).'),
            recommendation=T('Combine details, shipping and payment on fewer pages.'),
        ))
    fields = sum(s.form_fields for s in steps)
    if fields > opts["max_fields"]:
        out.append(finding(
            ID, "too-many-fields", "medium", T('{fields} form fields in checkout', fields=fields),
            T('The shopper fills {fields} fields (limit {opts}).',
              fields=fields, opts=opts['max_fields']), url=last.url, key=product,
            evidence={**evidence, "fields": fields},
            why=T('The average checkout asks for about 11 fields where 8 would do (Baymard); each one costs orders.'),
            recommendation=T('Drop optional fields, use one name field, autocomplete the address from the postcode.'),
        ))
    if len(steps) >= 2 and not any(s.progress_indicator for s in steps):
        out.append(finding(
            ID, "no-progress-indicator", "low", T('No progress indicator in a multi-step checkout'),
            T('The checkout has {n_steps} steps and none shows where the shopper is.',
              n_steps=len(steps)), url=last.url, key=product,
            evidence=evidence, why=T('Shoppers who cannot see how many steps are left give up sooner.'),
            recommendation=T('Show the steps (e.g. “1 Details › 2 Shipping › 3 Review”) with the current one marked.'
                             ),
        ))
    return out


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    walks = artifacts.checkout
    if not walks:
        return not_seen(module, artifacts, T('No checkout was walked.'))
    findings = [f for walk in walks for f in _walk_findings(walk, options)]
    details = {"walks": [{"product": w.product_name, "completed": w.completed, "stuck_reason": w.stuck_reason,
                          "steps": _path(w)} for w in walks]}
    real = [f for f in findings if f.severity != "info"]
    if real:
        return result(module, findings, T('{n_real} friction finding(s) over {n_walks} walk(s).',
                                          n_real=len(real), n_walks=len(walks)),
                      details=details)
    if not any(w.completed for w in walks):
        reasons = "; ".join(sorted({w.stuck_reason for w in walks if w.stuck_reason}))
        return result(module, findings, T('No walk reached the last step ({reasons}); needs a review.',
                                          reasons=reasons),
                      status="needs-review", details=details)
    done = [w for w in walks if w.completed]
    clicks = max(w.steps[-1].clicks for w in done)
    return result(module, findings, T('Guest checkout in at most {clicks} clicks with a clear order button.',
                                      clicks=clicks),
                  status="pass", details=details)
