"""checkout-friction on checkout walks built in the test (no browser)."""

from __future__ import annotations

import pytest

import checks.checkout_friction as check
from auditor.model import Artifacts, CheckoutStep, CheckoutWalk
from auditor.runner import run_check


def step(kind, clicks, fields=0, progress=True, button="", account=False, guest=None):
    return CheckoutStep(url=f"https://shop.example/{kind}", kind=kind, clicks=clicks, form_fields=fields,
                        progress_indicator=progress, order_button=button, account_required=account,
                        guest_option=guest)


def walk(steps, completed=True, stuck=""):
    return CheckoutWalk(product_url="https://shop.example/p/1", steps=steps, completed=completed, stuck_reason=stuck)


def outcome(*walks, **options):
    return run_check(check, Artifacts(start_url="https://shop.example/", checkout=list(walks)), options)


def rules(res):
    return sorted({f.rule for f in res.findings})


def good(button="Order with obligation to pay", **kw):
    return walk([step("product", 0), step("basket", 1), step("details", 2, fields=7),
                 step("shipping", 3, fields=0), step("review", 4, button=button)])


def test_good_checkout_passes():
    res = outcome(good())
    assert res.status == "pass", res.findings


@pytest.mark.parametrize("button", ["Order with obligation to pay", "Buy now", "Zamówienie z obowiązkiem zapłaty",
                                    "Kupuję i płacę", "Zahlungspflichtig bestellen", "Objednávka zavazující k platbě",
                                    "Objednávka s povinnosťou platby", "Замовлення з обов'язком оплати",
                                    "Заказ с обязательством оплаты"])
def test_compliant_button_wording(button):
    assert "order-button-wording" not in rules(outcome(good(button)))


@pytest.mark.parametrize("button", ["Place order", "Zamawiam", "Bestellen", "Odeslat objednávku", "Оформить заказ",
                                    "Confirm order"])
def test_non_compliant_button_wording(button):
    res = outcome(good(button))
    assert rules(res) == ["order-button-wording"] and res.findings[0].severity == "high"


def test_forced_account():
    res = outcome(walk([step("product", 0), step("basket", 1), step("details", 2, account=True, guest=None)],
                       completed=False, stuck="the checkout requires an account (no guest checkout offered)"))
    assert rules(res) == ["forced-account"]


def test_long_checkout():
    steps = [step("product", 0), step("basket", 1)] + [step("details", 2 + i, fields=5, progress=False)
                                                       for i in range(5)] + [step("review", 9, button="Buy now",
                                                                                  progress=False)]
    res = outcome(walk(steps))
    assert rules(res) == ["no-progress-indicator", "too-many-clicks", "too-many-fields", "too-many-steps"]
    assert rules(outcome(walk(steps), max_clicks=20, max_steps=10, max_fields=50)) == ["no-progress-indicator"]


def test_stuck_walk_needs_review():
    res = outcome(walk([step("product", 0)], completed=False, stuck="no add-to-basket button found"))
    assert res.status == "needs-review" and "no add-to-basket" in res.summary
