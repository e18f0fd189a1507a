"""Facts about the whole store, computed once per audit: its language, its currency, whether EU consumer law
applies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.analysis.language import lang_of
from auditor.model import Artifacts

EU_CURRENCIES = ("EUR", "PLN", "CZK", "HUF", "RON", "BGN", "SEK", "DKK")
EU_LANGUAGES = ("pl", "cs", "sk", "de")


@dataclass(frozen=True)
class StoreFacts:
    """What is true of the whole store, computed once per audit (:func:`facts`)."""

    lang: str  # the language most of its pages are in ('' unknown)
    currency: str  # the currency it prices in ('' unknown)


def facts(artifacts: Artifacts) -> StoreFacts:
    """The store's facts, computed on first use and then shared by every check of the run."""
    found = artifacts._analysis.get("store")
    if not isinstance(found, StoreFacts):
        found = artifacts._analysis["store"] = StoreFacts(_store_lang(artifacts), _store_currency(artifacts))
    return found


def store_currency(artifacts: Artifacts) -> str:
    """The currency the store prices in (product structured data, then checkout walks), or ''."""
    return facts(artifacts).currency


def store_lang(artifacts: Artifacts) -> str:
    """The language most of the store's pages are in, or ''."""
    return facts(artifacts).lang


def _store_currency(artifacts: Artifacts) -> str:
    from auditor.prices import price_from_structured

    counts: Counter[str] = Counter()
    for page in artifacts.pages_of("product"):
        money = price_from_structured(page.structured)
        if money and money.currency:
            counts[money.currency] += 1
    for walk in artifacts.checkout:
        if walk.currency:
            counts[walk.currency] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _store_lang(artifacts: Artifacts) -> str:
    counts = Counter(lang_of(p) for p in artifacts.ok_pages())
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else ""  # type: ignore[return-value]


def eu_store(
    artifacts: Artifacts, eu_languages: Iterable[str] = EU_LANGUAGES, eu_currencies: Iterable[str] = EU_CURRENCIES
) -> tuple[bool, str]:
    """Does EU consumer law apply? By the store's currency when known (EUR, PLN, CZK… yes; UAH, RUB, CHF,
    USD no), else by its language. Returns (answer, reason)."""
    currency = store_currency(artifacts)
    if currency:
        inside = currency in set(eu_currencies)
        return inside, f"prices in {currency}"
    lang = store_lang(artifacts)
    if lang:
        return lang in set(eu_languages), f"store language '{lang}'"
    return False, "neither currency nor language known"
