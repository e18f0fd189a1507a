"""The safety envelope's policy (auditor/safety.py), decision by decision: wording, click vetting, request
verdicts, arming, confirmation pages, in our seven languages. The real-browser proof on hostile stores is
test_e2e_adversarial.py."""

from __future__ import annotations

import pytest

from auditor import safety
from auditor.errors import UsageError
from auditor.safety import Guard, arming_reason, confirmation_evidence, finishing_url, order_wording, vet_click

# ------------------------------------------------------------------------------------------------ wording


@pytest.mark.parametrize("text, wording", [
    # plainly ordering or paying: never clicked
    ("Order with obligation to pay", "order"), ("Place order", "order"), ("Pay now", "order"),
    ("Zamawiam i płacę", "order"), ("Zamówienie z obowiązkiem zapłaty", "order"), ("Kupuję i płacę", "order"),
    ("Підтвердити замовлення", "order"), ("Оплатити", "order"), ("Подтвердить заказ", "order"),
    ("Оплатить", "order"), ("Objednať s povinnosťou platby", "order"), ("Zaplatiť", "order"),
    ("Objednávka zavazující k platbě", "order"), ("Zaplatit", "order"), ("Zahlungspflichtig bestellen", "order"),
    ("Jetzt bezahlen", "order"),
    # ambiguous: "go to checkout" in some stores, "place the order" in others
    ("Zamawiam", "ambiguous"), ("Оформить заказ", "ambiguous"), ("Оформити замовлення", "ambiguous"),
    ("Buy now", "ambiguous"), ("Kup teraz", "ambiguous"), ("Jetzt kaufen", "ambiguous"), ("Objednat", "ambiguous"),
    ("Objednať", "ambiguous"), ("Bestellen", "ambiguous"),
    # neutral
    ("Continue", None), ("Dalej", None), ("Далі", None), ("Далее", None), ("Pokračovať", None),
    ("Pokračovat", None), ("Weiter", None), ("Proceed to checkout", None), ("Przejdź do kasy", None),
    ("Add to basket", None), ("Dodaj do koszyka", None), ("Continue to payment", None), ("", None),
])
def test_order_wording(text, wording):
    assert order_wording(text) == wording


# ------------------------------------------------------------------------------------------------ click vetting


def _c(text="", tag="BUTTON", href="", action="", method="get", submits=False, **names):
    return {"text": text, "tag": tag, "href": href, "hrefAbs": href, "formAction": action, "formMethod": method,
            "submits": submits, "inForm": bool(action), **names}


PAGE = "https://shop.example/cart"


@pytest.mark.parametrize("candidate, step, action", [
    # plain order wording, in the text or in any accessible name: refused at any step
    (_c("Zamawiam i płacę", action="/zamowienie", method="post", submits=True), "review", "refuse"),
    (_c("", aria="Place order"), "payment", "refuse"),
    (_c("→", title="Zahlungspflichtig bestellen"), "details", "refuse"),
    (_c("", tag="INPUT", value="Підтвердити замовлення"), "other", "refuse"),
    (_c("", alt="Pay now"), "shipping", "refuse"),
    # a neutral label whose link or form goes to an order-placing or finishing address: refused
    (_c("Dalej", tag="A", href="https://shop.example/checkout/finish"), "payment", "refuse"),
    (_c("Weiter", action="/bestellung/absenden", method="post", submits=True), "review", "refuse"),
    (_c("Continue", tag="A", href="https://shop.example/checkout/order-received/12"), "details", "refuse"),
    (_c("Далі", tag="A", href="https://shop.example/%D0%B4%D1%8F%D0%BA%D1%83%D1%94%D0%BC%D0%BE"), "payment",
     "refuse"),
    # ambiguous words: a same-site link is opened by its address; a form or a script button never
    (_c("Zamawiam", tag="A", href="https://shop.example/zamowienie"), "basket", "navigate"),
    (_c("Оформить заказ", tag="A", href="https://www.shop.example/checkout"), "basket", "navigate"),
    (_c("Zamawiam", action="/koszyk/zamowienie", method="post", submits=True), "basket", "refuse"),
    (_c("Оформити замовлення"), "basket", "refuse"),
    (_c("Objednat", tag="A", href="javascript:order()"), "basket", "refuse"),
    (_c("Jetzt kaufen", tag="A", href="https://other.example/checkout"), "basket", "refuse"),
    # one-click buy on a product page: never, link or not
    (_c("Buy now", action="/buy", method="post", submits=True), "product", "refuse"),
    (_c("Kup teraz", tag="A", href="https://shop.example/kup?id=1"), "product", "refuse"),
    (_c("Купить в один клик"), "product", "refuse"),
    (_c("Jetzt kaufen", tag="A", href="https://shop.example/warenkorb"), "product", "refuse"),
    # ordinary clicks
    (_c("Add to basket", action="/cart/add", method="post", submits=True), "product", "click"),
    (_c("Купить", action="/cart/add", method="post", submits=True), "product", "click"),
    (_c("Continue", action="/checkout/details", method="post", submits=True), "details", "click"),
    (_c("Przejdź do kasy", tag="A", href="https://shop.example/checkout"), "basket", "click"),
])
def test_click_vetting(candidate, step, action):
    verdict = vet_click(candidate, PAGE, step)
    assert verdict.action == action, verdict.reason
    if action == "refuse":
        assert verdict.reason
    if action == "navigate":
        assert verdict.url == candidate["hrefAbs"]


# ------------------------------------------------------------------------------------------------ addresses


@pytest.mark.parametrize("url, finishing", [
    ("https://s.example/checkout/finish", True), ("https://s.example/checkout/complete", True),
    ("https://s.example/checkout/onepage/success/", True), ("https://s.example/checkout/order-received/12/", True),
    ("https://s.example/thank-you", True), ("https://s.example/order/confirm", True),
    ("https://s.example/zamowienie/potwierdzenie", True), ("https://s.example/dziekujemy", True),
    ("https://s.example/zamowienie-zlozone", True), ("https://s.example/podziekowanie", True),
    ("https://s.example/objednavka/dekujeme", True), ("https://s.example/objednavka/dakujeme", True),
    ("https://s.example/objednavka/potvrzeni", True), ("https://s.example/bestellung/bestaetigung", True),
    ("https://s.example/bestellung/danke", True), ("https://s.example/vielen-dank", True),
    ("https://s.example/zakaz/spasibo", True), ("https://s.example/%D1%81%D0%BF%D0%B0%D1%81%D0%B8%D0%B1%D0%BE", True),
    ("https://s.example/zamovlennia/dyakuyemo", True), ("https://s.example/podtverzhdenie", True),
    ("https://s.example/place-order", True), ("https://s.example/?return=/checkout/success", True),
    ("https://s.example/checkout/payment", False), ("https://s.example/checkout/review", False),
    ("https://s.example/api/address/autocomplete", False), ("https://s.example/koszyk", False),
    ("https://s.example/zamowienie", False), ("https://s.example/checkout", False),
])
def test_finishing_addresses(url, finishing):
    assert finishing_url(url) is finishing


@pytest.mark.parametrize("host", ["js.stripe.com", "www.paypal.com", "secure.payu.com", "secure.przelewy24.pl",
                                  "secure.tpay.com", "blik.com", "checkoutshopper-live.adyen.com", "js.klarna.com",
                                  "api.mollie.com", "api.braintreegateway.com", "gate.gopay.cz", "payments.comgate.cz",
                                  "www.liqpay.ua", "secure.wayforpay.com", "pay.fondy.eu", "pay.google.com"])
def test_payment_hosts_blocked_for_the_whole_walk(host):
    guard = Guard()
    assert guard.verdict(f"https://{host}/v3/checkout", "GET", "script", False) == "payment host"


# ------------------------------------------------------------------------------------------------ requests


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("resource_type, navigation", [("fetch", False), ("xhr", False), ("ping", False),
                                                       ("document", True), ("other", False)])
def test_armed_guard_lets_nothing_state_changing_leave(method, resource_type, navigation):
    guard = Guard()
    guard.arm("a payment choice")
    guard.intent = True  # even right after a walker click
    assert guard.verdict("https://s.example/api/carts/7/checkout", method, resource_type, navigation)
    # reading stays allowed: a GET step (the review) and the page's own resources
    assert guard.verdict("https://s.example/checkout/review", "GET", "document", True) is None
    assert guard.verdict("https://s.example/app.js", "GET", "script", False) is None


def test_before_arming_scripts_may_post():
    """Basket and address steps post by script all the time (add to basket, shipping rates): allowed until a
    payment choice or a review is shown."""
    assert Guard().verdict("https://s.example/api/cart/lines", "POST", "fetch", False) is None


def test_finishing_navigation_blocked_before_and_after_arming():
    guard = Guard()
    assert guard.verdict("https://s.example/checkout/finish", "GET", "document", True)
    assert guard.verdict("https://s.example/zamowienie/potwierdzenie", "GET", "fetch", False) == "finishing URL"
    assert guard.verdict("https://s.example/bestellung/danke", "GET", "document", True) == "finishing URL"
    assert guard.verdict("https://s.example/img/success.png", "GET", "image", False) is None  # an image: harmless


def test_last_step_allows_no_navigation_and_unsolicited_forms_never():
    guard = Guard()
    assert guard.verdict("https://s.example/checkout/review", "POST", "document", True) == \
        "form submission the walker did not make"
    guard.finish()
    assert guard.verdict("https://s.example/checkout/other", "GET", "document", True)
    assert guard.armed


def test_a_redirect_to_a_finishing_address_is_an_order_suspicion():
    guard = Guard()
    guard.redirected("https://s.example/checkout/payment", "POST https://s.example/checkout/delivery")
    assert guard.suspected is None  # an ordinary redirect
    guard.redirected("https://s.example/checkout/thank-you", "GET https://s.example/checkout/start")
    assert guard.suspected is not None and guard.suspected.url.endswith("/thank-you")
    assert "GET https://s.example/checkout/start" in guard.suspected.evidence


# ------------------------------------------------------------------------------------------------ arming


@pytest.mark.parametrize("choices", [
    ["payment card", "payment transfer"], ["platnosc blik", "platnosc przelew"], ["pay Оплата карткою"],
    ["Оплата картой", "Наложенный платёж"], ["Platba kartou", "Dobierka"], ["Platba kartou", "Dobírka"],
    ["zahlart Kreditkarte", "Vorkasse"], ["method PayPal"],
])
def test_a_payment_choice_arms(choices):
    assert arming_reason({"url": "https://s.example/checkout/step3", "choices": choices, "headings": []})


@pytest.mark.parametrize("heading, total", [
    ("Review your order", "Total £54.80"), ("Podsumowanie zamówienia", "Razem 213,99 zł"),
    ("Перевірка замовлення", "Разом 1 979,00 ₴"), ("Проверка заказа", "Итого 5 340 ₽"),
    ("Zhrnutie objednávky", "Spolu 53,80 €"), ("Shrnutí objednávky", "Celkem 1 389 Kč"),
    ("Bestellübersicht", "Gesamtsumme 54,80 €"),
])
def test_a_review_with_a_total_arms(heading, total):
    data = {"url": "https://s.example/checkout/x", "choices": [], "headings": [heading], "text": f"x {total} y"}
    assert arming_reason(data)
    assert not arming_reason(dict(data, text="no amounts here"))  # a review heading alone does not


def test_basket_and_delivery_steps_do_not_arm():
    basket = {"url": "https://s.example/cart", "choices": [], "headings": ["Your basket", "Order summary"],
              "text": "Order summary Total £49.90"}
    delivery = {"url": "https://s.example/checkout/delivery", "headings": ["Delivery"],
                "choices": ["shipping courier Courier £4.90", "shipping pickup Pickup point"], "text": "Total £54.80"}
    assert arming_reason(basket) is None and arming_reason(delivery) is None


def test_the_page_report_arms_the_guard_and_notices_confirmations():
    guard = Guard()
    guard.observe({"url": "https://s.example/checkout/payment", "choices": ["payment Karta"], "headings": [],
                   "text": "", "top": True})
    assert guard.armed and "payment choice" in guard.armed_reason
    guard.observe({"url": "https://s.example/x", "text": "Ďakujeme za objednávku!", "top": True})
    assert guard.suspected is not None and guard.suspected.url == "https://s.example/x"


# ------------------------------------------------------------------------------------------------ confirmations


@pytest.mark.parametrize("url, text", [
    ("https://s.example/x", "Thank you for your order! We will e-mail you."),
    ("https://s.example/x", "Dziękujemy za zamówienie! Numer zamówienia: ZS-100001"),
    ("https://s.example/x", "Дякуємо за замовлення! Номер замовлення: 100001"),
    ("https://s.example/x", "Спасибо за заказ! Номер заказа: 100001"),
    ("https://s.example/x", "Ďakujeme za objednávku! Číslo objednávky: 2024001"),
    ("https://s.example/x", "Děkujeme za objednávku. Číslo objednávky: 2024001"),
    ("https://s.example/x", "Vielen Dank für Ihre Bestellung! Bestellnummer: 100001"),
    ("https://s.example/checkout/order-received/77/", "Order details"),  # the address alone
    ("https://s.example/bestellung/abschluss", "Danke! Bestellnummer 123456"),  # thanks and a number
    ("https://s.example/objednavka/potvrzeni", "Objednávka č. 2024001"),  # a finishing address and a number
])
def test_confirmation_pages_detected(url, text):
    assert confirmation_evidence(url, text)


@pytest.mark.parametrize("url, text", [
    ("https://s.example/checkout/review", "Review your order Total 54,80 € Order with obligation to pay"),
    ("https://s.example/track", "Track your order: enter your order number and e-mail"),
    ("https://s.example/", "Thank you for subscribing to our newsletter"),
    ("https://s.example/cart", "Koszyk Razem 199,00 zł Przejdź do kasy"),
    ("https://s.example/product/1", "Bestellnummer des Herstellers: siehe Etikett"),
])
def test_ordinary_pages_are_not_confirmations(url, text):
    assert confirmation_evidence(url, text) is None


def test_the_warning_says_what_to_do_in_plain_words():
    line = safety.order_warning("https://s.example/zamowienie/nowe", "the page says 'Dziękujemy za zamówienie'")
    assert line.startswith("WARNING: the store may have registered an order at https://s.example/zamowienie/nowe")
    assert "cancel" in line and "\n" not in line


# ------------------------------------------------------------------------------------------------ --walk


def test_walk_mode_in_config_is_validated(tmp_path):
    from auditor.config import STARTER, load_config

    good = tmp_path / "good.toml"
    good.write_text('[scan]\nwalk = "basket"\n', encoding="utf-8")
    assert load_config(good).value("walk", None, "checkout") == "basket"
    assert load_config(good).value("walk", "off", "checkout") == "off"  # the command line wins
    bad = tmp_path / "bad.toml"
    bad.write_text('[scan]\nwalk = "sideways"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="scan.walk must be one of off, basket, checkout"):
        load_config(bad)
    assert '# walk = "checkout"' in STARTER


def test_walk_mode_on_the_command_line_is_validated(capsys):
    from auditor.cli import main

    assert main(["scan", "http://127.0.0.1:9/", "--walk", "sideways"]) == 2
    assert "--walk" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["https://s.example/checkout/confirm", "https://s.example/zamowienie/potwierdzenie",
                                 "https://s.example/objednavka/potvrzeni", "https://s.example/bestellung/bestaetigung"])
def test_a_confirm_address_is_a_review_step_until_armed(url):
    """Shopware 6 reviews the order at /checkout/confirm: reaching it is a GET before any payment choice."""
    guard = Guard()
    assert guard.verdict(url, "GET", "document", True) is None
    guard.redirected(url, "POST https://s.example/checkout/register")
    assert guard.suspected is None
    assert guard.verdict(url, "POST", "document", True)  # a form posted there is never let through
    guard.arm("a payment choice")
    assert guard.verdict(url, "GET", "document", True) == "finishing URL" or \
        guard.verdict(url, "GET", "document", True) == "order-placing URL"
    guard.redirected(url, "POST https://s.example/checkout/review")
    assert guard.suspected is not None


@pytest.mark.parametrize("url", ["https://s.example/checkout/finish", "https://s.example/checkout/thank-you",
                                 "https://s.example/order-received/7", "https://s.example/confirm/thank-you"])
def test_other_finishing_addresses_are_blocked_before_arming_too(url):
    assert Guard().verdict(url, "GET", "document", True)


# ------------------------------------------------------------------------------------------------ the user's permit


SHOP = "https://s.example/p/shirt"


def _permitted_guard() -> Guard:
    guard = Guard(post_payment_step=True, site=SHOP)
    guard.arm("a payment choice")
    return guard


@pytest.mark.parametrize("url, method, rtype, nav", [
    ("https://s.example/objednavka/krok-1/", "POST", "document", True),  # a form posted by the onward button
    ("https://s.example/order1.php", "POST", "document", True),
    ("https://s.example/index.php?route=checkout/payment_method/save", "POST", "xhr", False),  # an AJAX save
    ("https://www.s.example/api/carts/7/payment-methods", "PUT", "fetch", False),
])
def test_the_permit_lets_the_onward_clicks_own_requests_through(url, method, rtype, nav):
    guard = _permitted_guard()
    assert guard.verdict(url, method, rtype, nav) is not None  # without a click: still blocked
    guard.begin_action(onward=True)
    assert guard.verdict(url, method, rtype, nav) is None
    assert guard.permitted == [f"{method} {url}"]
    guard.end_action()
    assert guard.verdict(url, method, rtype, nav) is not None  # the step has settled: blocked again


def test_without_the_permit_an_armed_click_posts_nothing():
    guard = Guard(site=SHOP)
    guard.arm("a payment choice")
    guard.begin_action(onward=True)
    assert guard.verdict("https://s.example/objednavka/krok-1/", "POST", "document", True)
    assert guard.permit == 0 and guard.permitted == []


@pytest.mark.parametrize("url", [
    "https://s.example/api/carts/7/checkout",  # named after the order itself (REST)
    "https://s.example/orders", "https://s.example/api/order/", "https://s.example/zamowienie",
    "https://s.example/objednavka", "https://s.example/bestellung", "https://s.example/api/zamovlennia",
    "https://s.example/api/checkout/commit", "https://s.example/index.php?route=checkout/confirm",
    "https://s.example/index.php?route=extension/payment/cod/confirm", "https://s.example/checkout/place-order",
    "https://s.example/checkout/finish", "https://pay.example.payu.com/api/v2_1/orders",  # payment host
    "https://other.example/api/carts/7/address",  # another site
])
def test_the_permit_never_covers_an_order_address_a_payment_host_or_another_site(url):
    guard = _permitted_guard()
    guard.begin_action(onward=True)
    assert guard.verdict(url, "POST", "fetch", False) is not None
    assert guard.permitted == []


def test_the_permit_is_not_given_before_arming_nor_at_the_last_step():
    guard = Guard(post_payment_step=True, site=SHOP)
    guard.begin_action()  # not armed: the ordinary rules apply, no permit is needed or given
    assert guard.permit == 0
    guard.arm("a payment choice")
    guard.finish()
    guard.begin_action(onward=True)
    assert guard.permit == 0
    assert guard.verdict("https://s.example/objednavka/krok-1/", "POST", "document", True)


def test_the_permit_ends_when_a_new_page_loads_and_is_bounded():
    guard = _permitted_guard()
    guard.begin_action(onward=True)
    assert guard.verdict("https://s.example/order1.php", "POST", "document", True) is None
    # the page that loads next sends its own POST (a beacon, an auto-submit): not the click's
    assert guard.verdict("https://s.example/api/track", "POST", "ping", False)
    guard.begin_action(onward=True)
    for _ in range(safety.PERMIT_REQUESTS):
        assert guard.verdict("https://s.example/api/cart/shipping", "POST", "fetch", False) is None
    assert guard.verdict("https://s.example/api/cart/shipping", "POST", "fetch", False)


def test_the_permit_reads_a_confirm_summary_but_never_posts_there():
    guard = _permitted_guard()
    summary = "https://s.example/index.php?route=checkout/confirm"
    assert guard.verdict(summary, "GET", "xhr", False) == "finishing URL"  # armed, no click: not even read
    guard.begin_action(onward=True)
    assert guard.verdict(summary, "GET", "xhr", False) is None
    assert guard.verdict(summary, "POST", "xhr", False)


def test_post_payment_step_in_config_and_on_the_command_line(tmp_path):
    from auditor.audit import audit_options
    from auditor.config import STARTER, Config, load_config

    assert audit_options(Config(), "high").post_payment_step is False
    assert audit_options(Config(), "high", post_payment_step=True).post_payment_step is True
    on = tmp_path / "on.toml"
    on.write_text("[scan]\npost-payment-step = true\n", encoding="utf-8")
    assert audit_options(load_config(on), "high").post_payment_step is True
    bad = tmp_path / "bad.toml"
    bad.write_text('[scan]\npost-payment-step = "yes"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="post-payment-step"):
        load_config(bad)
    assert "# post-payment-step = false" in STARTER


@pytest.mark.parametrize("body, read", [
    ('{"query": "query GetCart($id: ID!) { cart(id: $id) { total } }", "variables": {"id": "7"}}', True),
    ('{"query": "{ shippingMethods(country: \\"DE\\") { code price } }"}', True),
    ('[{"query": "query A { a }"}, {"query": "fragment F on Cart { id } query B { cart { ...F } }"}]', True),
    ('{"query": "# mutation in a comment\\nquery A { note(text: \\"mutation\\") }"}', True),
    ('{"query": "mutation PlaceOrder { placeOrder { id } }"}', False),
    ('{"query": "query A { a } mutation B { b }"}', False),
    ('[{"query": "query A { a }"}, {"query": "mutation B { b }"}]', False),
    ('{"query": "subscription S { orders { id } }"}', False),
    ('{"extensions": {"persistedQuery": {"sha256Hash": "abc"}}}', False),  # no text: not known to be a read
    ('query { cart { id } }', False), ("", False), (None, False), ('{"query": 7}', False),
])
def test_a_graphql_query_by_post_is_a_read_and_a_mutation_is_not(body, read):
    assert safety.graphql_read(body) is read


def test_the_permit_survives_an_order_button_that_was_in_view_when_the_action_began():
    """A one-page checkout shows its order button all along: the walker's permitted delivery choice may still
    post; an order button that appears during an action (it led to the last step) ends the permit."""
    guard = _permitted_guard()
    guard.observe({"url": SHOP, "buttons": ["Place Order"], "choices": ["Cash on delivery"]})
    assert guard.order_in_view
    guard.begin_action(onward=True)
    guard.observe({"url": SHOP, "buttons": ["Place Order"], "choices": ["Cash on delivery"], "text": "Shipping €4.90"})
    assert guard.verdict("https://s.example/api/carts/7/addresses", "POST", "fetch", False) is None
    guard.end_action()
    guard.observe({"url": SHOP, "buttons": ["Continue"], "choices": ["Cash on delivery"]})
    guard.begin_action(onward=True)
    guard.observe({"url": SHOP, "buttons": ["Place Order"], "choices": []})  # the click led to the last step
    assert guard.permit == 0
    assert guard.verdict("https://s.example/api/carts/7/addresses", "POST", "fetch", False)


@pytest.mark.parametrize("label, paying", [("Cash on delivery", True), ("Płatność przy odbiorze (za pobraniem)", True),
                                           ("Dobírka", True), ("Kauf auf Rechnung", True), ("Оплата картой", True),
                                           ("Standard delivery €4.90", False), ("Kurier DPD 14,99 zł", False),
                                           ("Packeta – výdajné miesto", False)])
def test_payment_choices_are_told_from_delivery_choices(label, paying):
    assert safety.payment_choice(label) is paying


def test_post_payment_step_reaches_the_walker_from_the_command_line(monkeypatch, tmp_path):
    """`clearcart scan --post-payment-step` → the audit options → gather → the walker (no browser: gather is
    replaced by one that records what it was given); without the option the permit stays off."""
    import auditor.gather
    from auditor.cli import main
    from auditor.model import Artifacts

    given: list[bool] = []

    def fake_gather(url, out_dir, settings=None, **kwargs):
        given.append(kwargs["post_payment_step"])
        return Artifacts(start_url=url)

    monkeypatch.setattr(auditor.gather, "gather", fake_gather)
    for flag in (["--post-payment-step"], []):
        main(["scan", "http://127.0.0.1:9/", "--out", str(tmp_path / str(len(given))), "--gather-only", "--quiet",
              *flag])
    assert given == [True, False]
