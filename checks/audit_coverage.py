"""Audit coverage: the audit saw enough of the store to judge it — no silent pass.

What it checks
    Whether the crawl recognised product pages and the checkout walk reached the last step before payment.
    A store that plainly sells (prices with a basket or add-to-basket controls) but where clearcart could not
    recognise or walk a product would otherwise get a clean report while no product or checkout check ran.
    Rules:

    * ``no-products`` (high): the store sells, but no product page was recognised among the crawled pages;
    * ``no-walk`` (high): products were recognised, but no checkout walk reached the last step before payment
      (each stuck walk's step and reason in the evidence). When the never-order guard stopped the walk because
      the store posts its payment choice before the order summary, the recommendation names the user's permit
      ``--post-payment-step`` (auditor/safety.py, part 6) and what it risks (so does ``ledger-unreadable`` when
      the guard stopped what a one-page checkout sends to price its delivery);
    * ``ledger-unreadable`` (low): a walk reached the last step, but its price lines do not add up to its
      total, so the costs checks could not trust its lines (the reason in the evidence; hidden-costs still
      compares the totals between steps). High when the never-order guard is why (a one-page checkout that
      prices its delivery by a request sent after a payment choice is shown): the checkout was not judged.

    With ``allow_incomplete`` (``--allow-incomplete``, config ``allow-incomplete``) the first two are ``low``,
    so a CI job that accepts partial audits stays green; they are still reported.

Why it matters
    A redesign that breaks product recognition or the checkout walk must turn CI red, not make every checkout
    check quietly not-applicable. The console's first line then says "incomplete audit: …".

Failing example
    A React storefront with product URLs ``/category/slug``, no schema.org Product and no add-to-basket
    control clearcart can recognise; the home page shows prices and a basket → ``no-products`` (high).

Passing example
    Two product pages recognised (one main price beside an add-to-basket button), the walk reached the order
    review with a ledger that adds up → pass.

Options
    ``allow_incomplete`` (default false): report an incomplete audit at ``low`` severity.
"""

from __future__ import annotations

import sys
from typing import Any

from auditor import details as visual
from auditor.coverage import coverage, store_sells
from auditor.model import Artifacts, CheckResult
from checks.base import T, finding, not_applicable, result

ID = "audit-coverage"
TITLE = T("Audit coverage")
CATEGORY = "checkout"
SEVERITIES = ["high", "medium", "low", "info"]
DEFAULT_OPTIONS: dict[str, Any] = {"allow_incomplete": False}

WHY = T("An audit that could not see the products or the checkout cannot vouch for them: without this finding a "
        "broken walk looks like a clean store.")
SAFETY_HINT = T("The never-order guard stopped a request this checkout sends after it has shown a payment choice "
                "(a payment step posted before the order summary, or a one-page checkout saving the address); "
                "clearcart never sends one by default, because a store whose neutral button or choice there places "
                "the order cannot be told apart before the click. On your own or a staging store, run again with "
                "--post-payment-step (config: post-payment-step = true) to let the walk send it and read the "
                "summary.")
HINT = T("Record the checkout once in Chrome DevTools (Recorder panel) and pass it with --journey; report the "
         "store to clearcart's maintainers with the artifacts folder.")


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    cover = coverage(artifacts)
    severity = "low" if options.get("allow_incomplete") else "high"
    home = artifacts.home()
    url = home.final_url if home else artifacts.start_url
    if not artifacts.ok_pages():
        return not_applicable(module, T("No page was crawled."), details={"coverage": cover})
    visuals = [visual.coverage(cover)]  # what the audit could see, as a table of figures
    findings = []
    messages: list[str] = []  # the findings' messages (translatable): the first is the summary
    if not cover["products_recognised"]:
        if not store_sells(artifacts):
            return not_applicable(module, T("No prices with a basket were seen: the site does not look like a shop."),
                                  details={"coverage": cover}, visuals=visuals)
        messages.append(T("The store shows prices and a basket, but none of the {pages} crawled pages was recognised "
                          "as a product page (no structured data, no main price beside an add-to-basket control), so "
                          "no product or checkout check could judge the store.", pages=cover["pages"]))
        findings.append(finding(
            ID, "no-products", severity, T("No product page could be recognised"), messages[-1],
            url=url, key="no-products", evidence={"coverage": cover}, why=WHY, recommendation=HINT,
        ))
    elif cover["walks_started"] and not cover["walks_completed"]:
        stuck = cover["walks_stuck"]
        where: str = ""
        for s in stuck[:3]:
            part = T("at the {step} step: {reason}", step=s["step"], reason=s["reason"])
            where = part if not where else where + "; " + part
        messages.append(T("{n} checkout walk(s) stopped before the last step ({where}), so the costs and checkout "
                          "checks could not judge the checkout.", n=len(stuck), where=where))
        findings.append(finding(
            ID, "no-walk", severity, T("No product could be walked to the last checkout step"), messages[-1],
            url=stuck[0]["product"] if stuck else url, key="no-walk", evidence={"coverage": cover}, why=WHY,
            recommendation=SAFETY_HINT if any(s.get("safety_stop") for s in stuck) else HINT,
        ))
    elif not cover["walks_started"] and artifacts.checkout == [] and cover["products_recognised"]:
        messages.append(T("Products were recognised but no checkout walk ran (turned off, or the walk failed to "
                          "start)."))
        findings.append(finding(
            ID, "no-walk", "info", T("The checkout was not walked"), messages[-1],
            url=url, key="no-walk-run", evidence={"coverage": cover}, why=WHY, recommendation=HINT,
        ))
    for item in cover["ledgers_unreadable"]:
        messages.append(T("The price lines of the {step} step could not be read so that they add up to its total: "
                          "{reason}.", step=item["step"], reason=item["reason"]))
        findings.append(finding(
            ID, "ledger-unreadable", severity if item.get("safety_stop") else "low",
            T("The {step} step's prices do not add up", step=item["step"]),
            messages[-1],
            url=item["product"], key=f"{item['product']}|{item['step']}", evidence={"coverage": cover, **item},
            why=WHY, recommendation=SAFETY_HINT if item.get("safety_stop") else HINT,
        ))
    if findings:
        return result(module, findings, messages[0], details={"coverage": cover}, visuals=visuals)
    return result(module, [], T("{recognised} product page(s) recognised; {completed} of {started} walk(s) reached "
                                "the last step.", recognised=cover["products_recognised"],
                                completed=cover["walks_completed"], started=cover["walks_started"]),
                  status="pass", details={"coverage": cover}, visuals=visuals)
