"""Prices as stores write them, in every format of our markets.

``parse_price("1 299,00 zł") == Money(1299.0, "PLN")``; also ``1.299,00 €``, ``₴1 299``, ``1 299 ₽``,
``29,90 Kč``, ``$1,299.00``. Parsing is price-parser's (separators and grouping), the currency an ISO code
from its symbol (babel's symbol tables for our locales plus the abbreviations stores write). Labels of
checkout lines ("Versand", "Dostawa", "Доставка"…) are sorted into kinds with the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from price_parser import Price

from auditor import lexicon
from auditor.analysis.structured import walk_nodes

if TYPE_CHECKING:
    from auditor.model import LineKind

LOCALES = ("en_US", "en_GB", "pl_PL", "uk_UA", "ru_RU", "sk_SK", "cs_CZ", "de_DE", "de_AT", "de_CH", "en_IE")
CURRENCIES = ("EUR", "PLN", "UAH", "RUB", "CZK", "USD", "GBP", "CHF", "HUF", "RON", "BGN", "SEK", "DKK", "NOK")
EXTRA_SYMBOLS = {
    "zł": "PLN", "zl": "PLN", "pln": "PLN", "€": "EUR", "eur": "EUR", "euro": "EUR", "₴": "UAH", "грн": "UAH",
    "грн.": "UAH", "uah": "UAH", "₽": "RUB", "руб": "RUB", "руб.": "RUB", "р.": "RUB", "rub": "RUB", "kč": "CZK",
    "kc": "CZK", "czk": "CZK", "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "chf": "CHF",
    "fr.": "CHF", "ft": "HUF", "huf": "HUF", "lei": "RON", "ron": "RON", "лв": "BGN", "лв.": "BGN", "kr": "SEK",
}
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str = ""


@lru_cache(maxsize=1)
def _symbol_table() -> dict[str, str]:
    from babel.numbers import get_currency_symbol

    table: dict[str, str] = {}
    for code in CURRENCIES:
        table[code.lower()] = code
        for locale in LOCALES:
            try:
                symbol = get_currency_symbol(code, locale=locale)
            except Exception:
                continue
            table.setdefault(symbol.lower(), code)
    table.update(EXTRA_SYMBOLS)
    return table


def currency_code(symbol: str | None) -> str:
    """ISO 4217 code of a symbol or abbreviation as stores write it ('' when unknown)."""
    if not symbol:
        return ""
    key = symbol.strip().lower()
    table = _symbol_table()
    return table.get(key) or table.get(key.rstrip(".")) or ""


def parse_price(text: str, default_currency: str = "") -> Money | None:
    """The first price in ``text``; negative when written with a minus; None when there is no number.

    A line that only says "free" / "gratis" / "zdarma" / "безкоштовно" is a price of 0.
    """
    if not text:
        return None
    cleaned = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u00a0", " ").replace("\u202f", " ")
    if not _NUMBER.search(cleaned):
        if lexicon.matches("price_free", cleaned):
            return Money(0.0, default_currency)
        return None
    price = Price.fromstring(cleaned)
    if price.amount is None:
        return None
    amount = float(price.amount)
    digits = str(price.amount_text or "")
    before = cleaned.split(digits, 1)[0] if digits else cleaned
    if re.search(r"(^|[\s(:])-\s*\D{0,4}$", before) or re.search(r"-\s*$", before):
        amount = -amount
    return Money(round(amount, 2), currency_code(price.currency) or default_currency)


def price_from_structured(structured: dict[str, Any]) -> Money | None:
    """A product's price from JSON-LD/microdata offers, else OpenGraph/product meta."""
    for syntax in ("json-ld", "microdata"):
        for node in walk_nodes(structured.get(syntax, [])):
            offers = node.get("offers") if isinstance(node, dict) else None
            for offer in offers if isinstance(offers, list) else [offers]:
                if not isinstance(offer, dict):
                    continue
                raw = offer.get("price", offer.get("lowPrice"))
                spec = offer.get("priceSpecification")
                if raw is None and isinstance(spec, dict):
                    raw = spec.get("price")
                currency = offer.get("priceCurrency") or (spec.get("priceCurrency") if isinstance(spec, dict)
                                                          else "") or ""
                money = _money(raw, currency)
                if money:
                    return money
    for og in structured.get("opengraph", []) or []:
        props = dict((p[0], p[1]) for p in og.get("properties", []) if isinstance(p, (list, tuple)) and len(p) == 2) \
            if isinstance(og, dict) else {}
        raw = props.get("product:price:amount") or props.get("og:price:amount")
        currency = props.get("product:price:currency") or props.get("og:price:currency") or ""
        money = _money(raw, currency)
        if money:
            return money
    return None


def _money(raw: Any, currency: str) -> Money | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, (int, float)):
        return Money(round(float(raw), 2), currency_code(currency) or str(currency).upper())
    # schema.org prices use a dot decimal separator: "1299.00"
    text = str(raw).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return Money(round(float(text), 2), currency_code(currency) or str(currency).upper())
    parsed = parse_price(text, currency_code(currency) or str(currency).upper())
    return parsed


# total words that only say "sum": followed by another kind's word they name a sum of that kind
_SUM_WORDS = {"suma", "summe", "сумма", "сума"}
_SUM_OF_KINDS = ("price_shipping", "price_discount", "price_tax", "price_fee", "price_fee_generic")


def line_kind(label: str) -> LineKind:
    """The kind of a checkout price line from its label, in any of our languages.

    "Total incl. VAT" is a total, "Shipping fee" / "Opłata za dostawę" shipping, "Handling fee" /
    "Delivery insurance" a fee, "Rabat" a discount.
    """
    text = (label or "").strip().lower()
    if not text:
        return "other"

    def has(group: str) -> bool:
        return lexicon.matches(group, text)

    total = lexicon.pattern("price_total").match(text)
    if total and total.group(0).lower() in _SUM_WORDS:
        # "Сумма доставки", "Suma rabatu", "Summe Versand": a bare "sum" of the kind named right after it
        after = text[total.end():].split()
        if after and any(lexicon.matches(group, after[0]) for group in _SUM_OF_KINDS):
            total = None
    sub = lexicon.pattern("price_subtotal").search(text)
    # "Kwota do zapłaty" is a total although "kwota" alone is a subtotal: the longer term at the start wins
    if total and (not sub or (sub.start() == 0 and len(total.group(0)) > len(sub.group(0)))):
        return "total"
    if has("price_subtotal"):
        return "subtotal"
    if has("price_discount"):
        return "discount"
    if has("price_fee") or (has("price_fee_generic") and not has("price_shipping")):
        return "fee"
    if has("price_shipping"):
        return "shipping"
    if has("price_tax"):
        return "tax"
    if has("price_total"):
        return "total"
    return "other"


def format_money(amount: float | None, currency: str, lang: str = "en") -> str:
    """A price for the report, in the store's language conventions."""
    if amount is None:
        return "—"
    from babel.numbers import format_currency

    locale = {"en": "en_IE", "pl": "pl_PL", "uk": "uk_UA", "ru": "ru_RU", "sk": "sk_SK", "cs": "cs_CZ",
              "de": "de_DE"}.get(lang, "en_IE")
    try:
        return format_currency(amount, currency or "EUR", locale=locale) if currency else f"{amount:.2f}"
    except Exception:
        return f"{amount:.2f} {currency}"
