"""The never-order guard's decisions (the end-to-end proof is in test_e2e_checkout.py)."""

from __future__ import annotations

import pytest

from auditor.checkout import _Guard, _is_final, _score_add_to_cart


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
    assert guard.verdict("https://s.example/checkout/payment", "POST", "document", True) is None
    assert guard.verdict("https://s.example/checkout/shipping", "GET", "document", True) is None
    guard.armed = True
    assert guard.verdict("https://s.example/checkout/shipping", "POST", "document", True)
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
