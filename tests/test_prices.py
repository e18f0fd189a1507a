"""Prices in every format of our markets, and checkout line labels in every language."""

from __future__ import annotations

import pytest

from auditor.prices import Money, format_money, line_kind, parse_price, price_from_structured


@pytest.mark.parametrize("text, amount, currency", [
    ("1 299,00 zł", 1299.0, "PLN"),
    ("1\u00a0299,00\u00a0zł", 1299.0, "PLN"),
    ("1.299,00 €", 1299.0, "EUR"),
    ("€ 1.299,00", 1299.0, "EUR"),
    ("₴1 299", 1299.0, "UAH"),
    ("1 299 грн.", 1299.0, "UAH"),
    ("1 299 ₽", 1299.0, "RUB"),
    ("1 299 руб.", 1299.0, "RUB"),
    ("29,90 Kč", 29.9, "CZK"),
    ("1 299,- Kč", 1299.0, "CZK"),
    ("$1,299.00", 1299.0, "USD"),
    ("£12.50", 12.5, "GBP"),
    ("Versand: 4,90 €", 4.9, "EUR"),
    ("Rabat: −10,00 zł", -10.0, "PLN"),
    ("-5,00 €", -5.0, "EUR"),
    ("Razem: 1 309,90 zł", 1309.9, "PLN"),
])
def test_parse_price(text, amount, currency):
    assert parse_price(text) == Money(amount, currency)


@pytest.mark.parametrize("text", ["Free", "Gratis", "Zdarma", "Безкоштовно", "Бесплатно", "Kostenlos", "zadarmo"])
def test_free_is_zero(text):
    assert parse_price(text, "EUR") == Money(0.0, "EUR")


def test_no_price():
    assert parse_price("Choose a size") is None
    assert parse_price("") is None


def test_structured_prices():
    ld = {"json-ld": [{"@type": "Product", "offers": {"@type": "Offer", "price": "1299.00", "priceCurrency": "PLN"}}]}
    assert price_from_structured(ld) == Money(1299.0, "PLN")
    graph = {"json-ld": [{"@graph": [{"@type": "Product", "offers": [{"price": 49.9, "priceCurrency": "EUR"}]}]}]}
    assert price_from_structured(graph) == Money(49.9, "EUR")
    micro = {"microdata": [{"type": "https://schema.org/Product",
                            "properties": {"offers": {"properties": {}, "price": "29.90", "priceCurrency": "CZK"}}}]}
    assert price_from_structured(micro) == Money(29.9, "CZK")
    og = {"opengraph": [{"properties": [["og:type", "product"], ["product:price:amount", "1299"],
                                        ["product:price:currency", "UAH"]]}]}
    assert price_from_structured(og) == Money(1299.0, "UAH")
    assert price_from_structured({}) is None


@pytest.mark.parametrize("label, kind", [
    ("Subtotal", "subtotal"), ("Total incl. VAT", "total"), ("Shipping", "shipping"), ("Shipping fee", "shipping"),
    ("Handling fee", "fee"), ("Delivery insurance", "fee"), ("Discount (WELCOME10)", "discount"), ("VAT 20%", "tax"),
    ("Wartość produktów", "subtotal"), ("Dostawa", "shipping"), ("Opłata za dostawę", "shipping"),
    ("Opłata manipulacyjna", "fee"), ("Razem do zapłaty", "total"), ("Rabat", "discount"),
    ("Доставка", "shipping"), ("Комісія за оплату", "fee"), ("Разом", "total"), ("Знижка", "discount"),
    ("Итого к оплате", "total"), ("Сервисный сбор", "fee"), ("Стоимость доставки", "shipping"),
    ("Medzisúčet", "subtotal"), ("Doprava", "shipping"), ("Poplatok za dopravu", "shipping"), ("Spolu", "total"),
    ("Dobírka", "fee"), ("Celkem k úhradě", "total"), ("Sleva 10 %", "discount"), ("Pojištění zásilky", "fee"),
    ("Zwischensumme", "subtotal"), ("Versandkosten", "shipping"), ("Bearbeitungsgebühr", "fee"),
    ("Gesamtsumme inkl. MwSt.", "total"), ("Gutschein", "discount"), ("Colour", "other"),
    # a bare "sum" is a total; the sum of a kind named right after it is that kind
    ("Сумма", "total"), ("Сума", "total"), ("Сумма заказа", "total"), ("Сумма с НДС", "total"),
    ("Сумма доставки", "shipping"), ("Сумма скидки", "discount"), ("Сума знижки", "discount"),
    ("Сумма НДС", "tax"), ("Сумма товаров", "subtotal"), ("Suma dostawy", "shipping"), ("Suma rabatu", "discount"),
    ("Summe inkl. MwSt.", "total"),
])
def test_line_kind(label, kind):
    assert line_kind(label) == kind


def test_format_money_follows_language():
    assert format_money(1299, "PLN", "pl") == "1\u00a0299,00\u00a0zł"
    assert format_money(4.9, "EUR", "de") == "4,90\u00a0€"
    assert format_money(None, "EUR") == "—"
