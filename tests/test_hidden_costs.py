"""hidden-costs on checkout ledgers built in the test (no browser)."""

from __future__ import annotations

import pytest

import checks.hidden_costs as check
from auditor.model import Artifacts, Checkbox, CheckoutStep, CheckoutWalk, PriceLine
from auditor.runner import run_check

P = "https://shop.example/p/dress"


def line(label, kind, amount, currency="EUR"):
    return PriceLine(label=label, kind=kind, amount=amount, currency=currency)


def walk(steps, told=(), completed=True, price=49.9, stuck=""):
    return CheckoutWalk(product_url=P, product_name="Dress", product_price=price, currency="EUR",
                        pre_checkout_texts=list(told), steps=steps, completed=completed, stuck_reason=stuck)


def step(kind, *lines, url=None, boxes=(), button=""):
    return CheckoutStep(url=url or f"https://shop.example/{kind}", kind=kind, price_lines=list(lines),
                        checkboxes=list(boxes), order_button=button)


def outcome(*walks):
    return run_check(check, Artifacts(start_url="https://shop.example/", checkout=list(walks)))


def rules(res):
    return sorted({f.rule for f in res.findings})


HONEST = [
    step("product", line("Dress", "item", 49.9)),
    step("basket", line("Subtotal", "subtotal", 49.9), line("Total", "total", 49.9)),
    step("details"),
    step("review", line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9), line("Total", "total", 54.8),
         button="Order with obligation to pay"),
]


def test_pass_when_shipping_was_stated_before_checkout():
    res = outcome(walk(HONEST, told=["Delivery in 2-4 working days, 4,90 €, free from 100,00 €"]))
    assert res.status == "pass" and rules(res) == []


def test_shipping_not_stated():
    res = outcome(walk(HONEST, told=["30-day returns"]))
    assert res.status == "fail" and rules(res) == ["shipping-not-stated"]
    assert res.findings[0].severity == "high"
    assert [s["kind"] for s in res.findings[0].evidence["ledger"]] == ["product", "basket", "details", "review"]


@pytest.mark.parametrize("label", ["Handling fee", "Opłata manipulacyjna", "Сервісний збір", "Servisní poplatek",
                                   "Bearbeitungsgebühr", "Сервисный сбор", "Manipulačný poplatok"])
def test_late_fee_is_critical_in_every_language(label):
    steps = [*HONEST[:3], step("review", line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                               line(label, "fee", 2.5), line("Total", "total", 57.3))]
    res = outcome(walk(steps, told=["Delivery 4,90 €"]))
    assert rules(res) == ["late-fee"]
    assert res.findings[0].severity == "critical"


def test_fee_stated_in_basket_is_not_late():
    basket = step("basket", line("Subtotal", "subtotal", 49.9), line("Handling fee", "fee", 2.5),
                  line("Total", "total", 52.4))
    review = step("review", line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                  line("Handling fee", "fee", 2.5), line("Total", "total", 57.3))
    res = outcome(walk([HONEST[0], basket, review], told=["Delivery 4,90 €"]))
    assert rules(res) == []


def test_total_grows_without_a_line():
    review = step("review", line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                  line("Total", "total", 56.8))
    res = outcome(walk([HONEST[0], HONEST[1], review], told=["Delivery 4,90 €"]))
    assert rules(res) == ["total-grows-unexplained"]
    assert res.findings[0].evidence["unexplained"] == pytest.approx(2.0)


def test_preticked_paid_addon_but_not_terms_or_unticked():
    boxes = [Checkbox(label="Parcel insurance (+2,99 €)", checked=True, price=2.99),
             Checkbox(label="I accept the terms and conditions", checked=True),
             Checkbox(label="Gift wrapping (+3,00 €)", checked=False, price=3.0)]
    steps = [*HONEST[:3], step("review", *HONEST[3].price_lines, boxes=boxes)]
    res = outcome(walk(steps, told=["Delivery 4,90 €"]))
    assert rules(res) == ["preticked-paid-addon"]
    assert "insurance" in res.findings[0].title


def test_currency_switch_and_advertised_price():
    basket = step("basket", line("Subtotal", "subtotal", 59.9), line("Total", "total", 59.9))
    review = step("review", line("Subtotal", "subtotal", 250.0, "PLN"), line("Total", "total", 250.0, "PLN"))
    res = outcome(walk([HONEST[0], basket, review], told=["Delivery free"]))
    assert "currency-switch" in rules(res) and "advertised-price-not-applied" in rules(res)


def test_stuck_walk_is_needs_review_never_pass():
    res = outcome(walk(HONEST[:2], completed=False, stuck="no way from the basket to checkout found"))
    assert res.status == "needs-review"
    assert rules(res) == ["walk-incomplete"]


def test_no_walk_is_not_applicable():
    assert outcome().status == "not-applicable"


def test_fingerprints_stable():
    a = outcome(walk(HONEST, told=[]))
    b = outcome(walk(HONEST, told=[]))
    assert [f.id for f in a.findings] == [f.id for f in b.findings]


def test_tax_added_at_checkout_on_net_prices_is_a_hidden_cost():
    steps = [
        step("product", line("Shirt", "item", 37.82)),
        step("basket", line("Zwischensumme", "subtotal", 37.82), line("Versand", "shipping", 4.12),
             line("Gesamtsumme", "total", 41.94)),
        step("review", line("Zwischensumme", "subtotal", 37.82), line("Standardversand", "shipping", 4.12),
             line("zzgl. 19 % MwSt.", "tax", 7.97), line("Bestellsumme", "total", 49.91),
             button="Zahlungspflichtig bestellen"),
    ]
    steps[-1].tax_included = False
    res = outcome(walk(steps, told=["Versand: pauschal 4,12 €, 2–4 Werktage"], price=37.82))
    assert rules(res) == ["late-tax"] and res.findings[0].severity == "critical"
    assert "98/6/EC" in res.findings[0].why


def test_tax_the_prices_include_is_a_note_not_a_cost():
    review = step("review", line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                  line("incl. VAT", "note", 9.13), line("Total", "total", 54.8), button="Pay now")
    review.tax_included = True
    res = outcome(walk([*HONEST[:3], review], told=["Delivery: flat €4.90, 2–4 business days"]))
    assert res.status == "pass" and rules(res) == []


def test_a_late_line_of_any_label_counts_not_only_fees():
    review = step("review", line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                  line("Climate contribution", "item", 1.5), line("Total", "total", 56.3), button="Pay now")
    res = outcome(walk([*HONEST[:3], review], told=["Delivery in 2-4 working days, 4,90 €"]))
    assert rules(res) == ["late-fee"] and "Climate contribution" in res.findings[0].title
    # the product itself, named again at the review step, is not a late charge
    review = step("review", line("Dress (M)", "item", 49.9), line("Subtotal", "subtotal", 49.9),
                  line("Shipping", "shipping", 4.9), line("Total", "total", 54.8), button="Pay now")
    assert rules(outcome(walk([*HONEST[:3], review], told=["Delivery in 2-4 working days, 4,90 €"]))) == []


def test_a_zero_tax_line_in_the_basket_does_not_announce_the_vat_added_at_checkout():
    steps = [
        step("product", line("Linen Shirt", "item", 39.0)),
        step("basket", line("Sub total", "subtotal", 39.0), line("Tax", "tax", 0.0), line("Total", "total", 39.0)),
        step("review", line("Sub total", "subtotal", 39.0), line("Shipping", "shipping", 4.9), line("Tax", "tax", 8.34),
             line("Total", "total", 52.24), button="Place Order"),
    ]
    steps[-1].tax_included = False
    res = outcome(walk(steps, told=["Delivery: flat €4.90"], price=39.0))
    assert rules(res) == ["late-tax"]
    # a basket that states the tax with its amount told the shopper
    steps[1].price_lines[1] = line("Tax", "tax", 7.41)
    assert "late-tax" not in rules(outcome(walk(steps, told=["Delivery: flat €4.90"], price=39.0)))


def test_last_step_read_with_required_fields_empty_is_needs_review_never_pass():
    """A one-page checkout reached with its address still empty shows no delivery or tax yet: not a pass."""
    last = step("review", line("Subtotal", "subtotal", 39.0), line("Total", "total", 39.0), button="Place Order")
    last.unreadable_reason = "2 required field(s) still empty at the last step: its total may not include delivery"
    res = outcome(walk([*HONEST[:3], last], told=["Delivery 4,90 €"]))
    assert res.status == "needs-review" and "required field" in res.summary
    assert outcome(walk(HONEST, told=["Delivery 4,90 €"])).status == "pass"


def test_an_item_whose_amount_was_the_basket_total_is_the_product_not_a_late_charge():
    """A basket that only states its total (IdoSell's "Wartość zamówienia"), an unnamed product and no product price
    known: the review's item line at that amount is the product; a new line beside it still counts."""
    basket = step("basket", line("Wartość zamówienia", "total", 229.0))
    review = step("review", line("1 × Sweter wełniany Tatry", "item", 229.0), line("Koszt dostawy", "shipping", 12.99),
                  line("Do zapłaty", "total", 241.99), button="Zamawiam i płacę")
    told = ["Dostawa: Paczkomaty InPost 12,99 zł, Kurier InPost 14,99 zł"]
    bare = CheckoutWalk(product_url=P, product_name="", product_price=None, currency="PLN", pre_checkout_texts=told,
                        steps=[step("product"), basket, review], completed=True)
    assert rules(outcome(bare)) == []
    review.price_lines.insert(1, line("Pakowanie na prezent", "item", 9.0))
    review.price_lines[-1] = line("Do zapłaty", "total", 250.99)
    assert rules(outcome(bare)) == ["late-fee"]
