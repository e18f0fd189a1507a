"""The never-order guard's decisions as the walker uses them (the policy's own table is test_safety.py; the
end-to-end proof is in test_e2e_checkout.py and test_e2e_adversarial.py)."""

from __future__ import annotations

import pytest

from auditor.checkout import _final_candidate, _is_final, _parse_rows, _score_add_to_cart, _step_kind
from auditor.safety import Guard as _Guard


@pytest.mark.parametrize("url", ["https://www.paypal.com/checkoutnow?token=1", "https://js.stripe.com/v3/",
                                 "https://secure.przelewy24.pl/trnRequest/x", "https://pay.gopay.cz/gw/x",
                                 "https://www.liqpay.ua/api/3/checkout"])
def test_payment_hosts_always_blocked(url):
    assert _Guard().verdict(url, "GET", "script", False) == "payment host"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/checkout/place-order", "https://s.example/placeOrder",
                                 "https://s.example/checkout/confirm", "https://s.example/zloz-zamowienie"])
def test_order_urls_blocked_for_submissions(url):
    assert _Guard().verdict(url, "POST", "document", True) == "order-placing URL"


def test_ordinary_steps_pass_until_armed():
    guard = _Guard()
    guard.intent = True  # the walker clicked "Continue"
    assert guard.verdict("https://s.example/checkout/payment", "POST", "document", True) is None
    assert guard.verdict("https://s.example/checkout/shipping", "GET", "document", True) is None
    guard.arm("a payment choice")  # armed: nothing state-changing, no finishing address; GET steps go on
    assert guard.verdict("https://s.example/checkout/shipping", "POST", "document", True)
    assert guard.verdict("https://s.example/api/cart", "PUT", "fetch", False)
    assert guard.verdict("https://s.example/checkout/review", "GET", "document", True) is None
    assert guard.verdict("https://s.example/checkout/thank-you", "GET", "document", True) == "finishing URL"
    guard.finish()  # the last step: no navigation at all
    assert guard.verdict("https://s.example/anything", "GET", "document", True)
    assert guard.verdict("https://s.example/app.css", "GET", "stylesheet", False) is None


@pytest.mark.parametrize("label, final", [
    ("Order with obligation to pay", True), ("Place order", True), ("Zamawiam i płacę", True),
    ("Zahlungspflichtig bestellen", True), ("Objednávka zavazující k platbě", True), ("Оплатить", True),
    ("Підтвердити замовлення", True), ("Objednať s povinnosťou platby", True),
    ("Continue to payment", False), ("Continue", False), ("Dalej", False), ("Weiter", False),
    ("Proceed to checkout", False), ("Далее", False),
])
def test_final_button_recognised(label, final):
    assert _is_final(label) is final


def test_add_to_cart_scores_above_buy_now_elsewhere():
    add = {"text": "Add to cart", "formAction": "/cart/add", "name": "", "inForm": True, "region": "main"}
    header = {"text": "Cart (0)", "formAction": "", "name": "", "inForm": False, "region": "header"}
    assert _score_add_to_cart(add) > 8 > _score_add_to_cart(header)


def test_a_form_submission_the_walker_did_not_make_is_aborted():
    """One click allows at most one form submission; a page that submits a form by itself (a hidden auto-submit,
    a timer) is aborted, to whatever URL it posts, even before the last step is recognised."""
    guard = _Guard()
    assert guard.verdict("https://s.example/checkout/review", "POST", "document", True) == \
        "form submission the walker did not make"
    guard.intent = True
    assert guard.verdict("https://s.example/checkout/shipping", "POST", "document", True) is None
    assert guard.verdict("https://s.example/checkout/review", "GET", "document", True) is None  # the redirect
    assert guard.verdict("https://s.example/checkout/review", "POST", "document", True)  # a second one: no
    assert guard.verdict("https://s.example/api/cart", "POST", "fetch", False) is None  # scripts' own requests
    assert guard.verdict("https://s.example/img.png", "GET", "image", False) is None


def _clickable(text, action="", method="get", submits=True, region="main"):
    return {"index": 0, "text": text, "href": "", "name": "", "inForm": bool(action), "formAction": action,
            "formMethod": method, "submits": submits and bool(action), "region": region, "top": 0}


def test_final_button_found_by_wording_or_by_the_order_it_posts():
    assert _final_candidate([_clickable("Back"), _clickable("Order with obligation to pay", "/o")])["text"] == \
        "Order with obligation to pay"
    # a "Continue" that posts the order is the order button, whatever it says
    sneaky = _final_candidate([_clickable("Continue", "http://127.0.0.1:1/checkout/place-order", "post")])
    assert sneaky is not None and sneaky["text"] == "Continue"
    assert _final_candidate([_clickable("Continue", "/checkout/shipping", "post"),
                             _clickable("Pay now", region="header")]) is None
    assert _final_candidate([_clickable("Continue", "/checkout/place-order", "get", submits=False)]) is None


def test_only_the_chosen_option_is_a_charge_and_a_summary_line_wins():
    rows = [{"label": "Standard delivery, 2-4 working days", "value": "4,90 €", "choice": True},
            {"label": "Shipping insurance for lost parcels", "value": "+3,50 €", "choice": True}]
    lines = _parse_rows(rows, "EUR")
    assert [(line.kind, line.amount) for line in lines] == [("shipping", 4.9), ("fee", 3.5)]
    summary = rows + [{"label": "Shipping", "value": "4,90 €"}, {"label": "Total", "value": "58,30 €"}]
    assert [(line.kind, line.amount) for line in _parse_rows(summary, "EUR")] == [
        ("fee", 3.5), ("shipping", 4.9), ("total", 58.3)]


@pytest.mark.parametrize("url, h1, kind", [
    ("https://s.example/cart", "Your basket", "basket"), ("https://s.example/koszyk", "Koszyk", "basket"),
    ("https://s.example/x", "Warenkorb", "basket"), ("https://s.example/checkout", "Payment", "other"),
])
def test_basket_recognised_by_address_or_heading(url, h1, kind):
    data = {"url": url, "h1": h1, "fieldHints": [], "radios": [], "fieldCount": 0}
    assert _step_kind(data, False, 3) == kind


@pytest.mark.parametrize("text, final", [
    ("Objednat jako host", False), ("Als Gast bestellen", False), ("Zamów jako gość", False),
    ("Objednat", True), ("Bestellen", True), ("Zamawiam i płacę", True), ("Place order", True),
    ("Objednávka zavazující k platbě", True), ("Pokračovat", False),
])
def test_guest_choice_is_not_the_order_button(text, final):
    """PrestaShop's 'Objednat jako host' tab is the guest choice at the first checkout step, not the last step."""
    from auditor.checkout import _is_final

    assert _is_final(text) is final
