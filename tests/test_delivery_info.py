"""delivery-info on artifacts built in the test: delivery time, cost and payment methods in seven languages."""

from __future__ import annotations

import pytest

import checks.delivery_info as check
from auditor.model import CheckoutStep, CheckoutWalk, PriceLine
from auditor.runner import run_check
from tests.artifact_factory import artifacts, html_doc, html_page, page, saved_artifacts

# lang: (delivery time sentence, delivery cost sentence, payment line)
TOLD = {
    "en": ("Delivery in 2-4 working days.", "Delivery 4,90 €, free from 50 €.", "We accept PayPal and Visa."),
    "pl": ("Wysyłka w 24h.", "Dostawa od 9,99 zł, darmowa dostawa od 200 zł.", "Płatności: BLIK, Przelewy24."),
    "uk": ("Доставка 1-3 дні.", "Доставка 70 грн.", "Оплата: накладений платіж."),
    "ru": ("Доставка за 2-3 дня.", "Бесплатная доставка от 3000 ₽.", "Оплата: наложенный платёж."),
    "sk": ("Doručenie do 2 pracovných dní.", "Doprava 3,90 €.", "Platba kartou alebo dobierkou."),
    "cs": ("Doručení zítra.", "Doprava zdarma od 1500 Kč.", "Platba: GoPay, dobírka."),
    "de": ("Lieferzeit 2–3 Werktage.", "Versand 4,90 €.", "Zahlungsarten: Klarna, Nachnahme."),
}
LANGS = list(TOLD)


def product(lang, *lines, url="/p/item"):
    return page(url, "product", lang=lang, text="\n".join(["Item", "49,90", *lines]))


def rules(res):
    return sorted({f.rule for f in res.findings})


@pytest.mark.parametrize("lang", LANGS)
def test_everything_told_passes(lang):
    res = run_check(check, artifacts(product(lang, *TOLD[lang])))
    assert res.status == "pass", [f.message for f in res.findings]
    row = res.details["products"][0]
    assert TOLD[lang][0].startswith(row["delivery_time"][0])
    assert TOLD[lang][1].startswith(row["delivery_cost"][0])
    assert res.details["payment_methods"]


@pytest.mark.parametrize("lang", LANGS)
def test_delivery_time_missing(lang):
    _, cost, pay = TOLD[lang]
    res = run_check(check, artifacts(product(lang, cost, pay)))
    assert rules(res) == ["delivery-time-missing"] and res.findings[0].severity == "medium"
    assert res.findings[0].evidence["pages_without"] == ["https://shop.example/p/item"]


@pytest.mark.parametrize("lang", LANGS)
def test_delivery_cost_missing(lang):
    time, _, pay = TOLD[lang]
    res = run_check(check, artifacts(product(lang, time, pay)))
    assert rules(res) == ["delivery-cost-missing"] and res.findings[0].severity == "high"


@pytest.mark.parametrize("lang", LANGS)
def test_payment_methods_missing(lang):
    time, cost, _ = TOLD[lang]
    res = run_check(check, artifacts(product(lang, time, cost)))
    assert rules(res) == ["payment-methods-missing"] and res.findings[0].severity == "low"


@pytest.mark.parametrize("text", [
    "Wysyłka w 24h",  # a time, not a cost
    "Sukienka 199,00 zł",  # the product price
    "Darmowy zwrot do 30 dni",  # returns, not delivery
    "Dostawa i płatności",  # a link label
])
def test_not_a_delivery_cost(text):
    assert check.delivery_cost(text, "pl") == []


@pytest.mark.parametrize("text", ["Darmowy zwrot do 30 dni", "Dostawa od 9,99 zł", "Rozmiar 38"])
def test_not_a_delivery_time(text):
    assert check.delivery_time(text, "pl") == []


@pytest.mark.parametrize("lang, text, name", [
    ("pl", "BLIK", "blik"), ("pl", "Szybkie płatności Przelewy24", "przelewy24"), ("en", "PayPal", "paypal"),
    ("en", "Visa", "visa"), ("en", "Pay with Apple Pay", "apple pay"), ("cs", "GoPay", "gopay"),
    ("cs", "Dobírka", "dobírka"), ("uk", "Накладений платіж", "накладений платіж"),
    ("ru", "Наложенный платёж", "наложенный платёж"), ("de", "Nachnahme", "nachnahme"),
    ("de", "Zahlungsarten:\nRechnung\nKlarna", "rechnung"), ("de", "Klarna", "klarna"),
    ("sk", "Platba kartou", "kartou"), ("pl", "Formy płatności\nPrzelew tradycyjny", "przelew"),
])
def test_payment_method_names(lang, text, name):
    assert name in [n.lower() for n in check.payment_methods(text, lang)]


@pytest.mark.parametrize("lang, text", [("de", "Die Rechnung liegt dem Paket bei."), ("pl", "Karta podarunkowa"),
                                        ("en", "Invoice address")])
def test_generic_words_without_payment_context_do_not_count(lang, text):
    assert check.payment_methods(text, lang) == []


def test_payment_logo_alt_texts(tmp_path):
    time, cost, _ = TOLD["pl"]
    html = html_doc(f"<h1>Sukienka</h1><p>{time}</p><p>{cost}</p>", lang="pl",
                    footer="<img src='/i/blik.svg' alt='BLIK'><img src='/i/visa.svg' alt='Visa'>")
    p = html_page(tmp_path, "/p/1", html, "product")
    res = run_check(check, saved_artifacts(tmp_path, p))
    assert res.status == "pass" and res.details["payment_methods"] == ["blik", "visa"]


def test_basket_tells_what_product_pages_do_not():
    walk = CheckoutWalk(product_url="https://shop.example/p/item", steps=[
        CheckoutStep(url="https://shop.example/cart", kind="basket", text_excerpt="Koszyk\nRazem 49,90 zł",
                     price_lines=[PriceLine(label="Dostawa", kind="shipping", amount=9.99, currency="PLN")])],
        pre_checkout_texts=["Wysyłka w 24h"])
    arts = artifacts(product("pl", TOLD["pl"][2]), checkout=[walk])
    res = run_check(check, arts)
    assert res.status == "pass", [f.message for f in res.findings]
    assert res.details["basket"]["delivery_cost"] == ["Dostawa"]


def test_cart_page_text_counts():
    cart = page("/cart", "cart", lang="de",
                text="Warenkorb\nVersandkostenfrei ab 50 €\nLieferzeit 1–2 Werktage\nPayPal")
    assert run_check(check, artifacts(product("de"), cart)).status == "pass"


def test_one_product_lacking_is_reported():
    told = product("en", *TOLD["en"], url="/p/a")
    silent = product("en", TOLD["en"][2], url="/p/b")
    res = run_check(check, artifacts(told, silent))
    assert rules(res) == ["delivery-cost-missing", "delivery-time-missing"]
    assert all(f.evidence["pages_without"] == ["https://shop.example/p/b"] for f in res.findings)


def test_not_applicable_without_products_or_basket():
    assert run_check(check, artifacts()).status == "not-applicable"
    assert run_check(check, artifacts(page("/", "home", depth=0, text="PayPal"))).status == "not-applicable"


@pytest.mark.parametrize("lang, text", [("sk", "Tovar nesmie byť nosený ani zbavený visačiek."),
                                        ("sk", "Oblečenie vráťte s visačkami."), ("en", "Visakhapatnam")])
def test_brand_names_are_words_not_word_starts(lang, text):
    """A brand name is a word, not a stem: the Slovak "visačiek" (price tags) is no Visa."""
    assert check.payment_methods(text, lang) == []


def test_brand_names_with_case_endings():
    found = [n.lower() for n in check.payment_methods("Zapłać PayPalem lub BLIK-iem.", "pl")]
    assert found == ["paypalem", "blik-iem"]
    assert check.payment_methods("Оплата післяплатою", "uk") == ["післяплатою"]


def test_a_delivery_sentence_with_colon_and_commas_states_cost_and_time():
    from checks.delivery_info import delivery_cost, delivery_time

    text = "Delivery: flat €4.90, 2–4 business days. Free returns within 30 days."
    assert delivery_cost(text, "en") == delivery_time(text, "en") == ["Delivery: flat €4.90, 2–4 business days."]


@pytest.mark.parametrize("text, lang, time, cost", [
    ("Lieferzeit: 2–3 Werktage · Versand 4,90 € · 30 Tage kostenlose Rückgabe", "de",
     "Lieferzeit: 2–3 Werktage", "Versand 4,90 €"),
    ("Wysyłka w 24 godziny • Dostawa od 9,99 zł • 30 dni na zwrot", "pl", "Wysyłka w 24 godziny", "Dostawa od 9,99 zł"),
])
def test_a_line_of_facts_joined_by_middle_dots_is_read_one_fact_at_a_time(text, lang, time, cost):
    """A product page's line "delivery time · delivery cost · returns": each dot ends a statement, so the
    returns clause does not hide the delivery facts beside it."""
    from checks.delivery_info import delivery_cost, delivery_time

    assert time in delivery_time(text, lang) and cost in delivery_cost(text, lang)


@pytest.mark.parametrize("text, cost", [
    ("Standardversand 4,90 €, Expressversand 9,90 €.", "Standardversand 4,90 €, Expressversand 9,90 €."),
    ("Paketzustellung innerhalb Deutschlands: 3,95 €.", "Paketzustellung innerhalb Deutschlands: 3,95 €."),
])
def test_a_german_compound_names_the_delivery_cost(text, cost):
    from checks.delivery_info import delivery_cost

    assert cost in delivery_cost(text, "de")


def test_a_compound_that_is_not_about_delivery_states_no_delivery_cost():
    from checks.delivery_info import delivery_cost

    assert delivery_cost("Leinenhemd 49,00 €. Versandhandel seit 1990.", "de") == []
