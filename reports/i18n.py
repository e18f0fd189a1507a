"""Report languages: gettext catalogs managed with Babel, loaded at runtime (no build step).

Every heading, label, status, severity and category name, summary sentence and chart label of report.html is
a gettext message in ``templates/report.html.j2`` (``{% trans %}`` blocks and ``_()`` calls of Jinja2's i18n
extension). ``locale/messages.pot`` is the extracted template; ``locale/<lang>/LC_MESSAGES/messages.po`` holds
a language's translations. At render time the ``.po`` file is read with Babel and compiled to an in-memory
``.mo`` (``babel.messages.mofile.write_mo``), so a checkout of the repository needs no ``pybabel compile``.

English is the source language (its catalog is the identity). Numbers, money, percentages and dates are
formatted by Babel for the report's locale (``1 299,00 zł`` / ``PLN 1,299.00``).

Updating the catalogs after a template or check text change: see ``reports/README.md`` (pybabel extract with
the keywords ``N_`` and ``T``, then update; tests/test_report_i18n.py fails until every message has its Polish,
Ukrainian and German translation).

The checks' own texts (titles, summaries, findings' message, why it matters, how to fix) are templates in the
same catalog (``checks.base.T``); the report renders them in its language with their parameters.
"""

from __future__ import annotations

import functools
import io
import math
from datetime import datetime
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import NullTranslations, Translations

from reports.common import format_duration

LANGUAGES: tuple[str, ...] = ("en", "pl", "uk", "de")  # the report languages (--report-lang)
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def check_language(lang: str) -> str:
    """``lang`` when it is a report language, else a UsageError naming the choices."""
    value = (lang or "").strip().lower()
    if value not in LANGUAGES:
        from auditor.errors import UsageError

        raise UsageError(f"unknown report language '{lang}'", f"choose from: {', '.join(LANGUAGES)}")
    return value


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The gettext translations of ``lang``: its ``.po`` catalog compiled in memory (English: identity)."""
    lang = check_language(lang)
    path = po_path(lang)
    if lang == "en" or not path.exists():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)  # a fuzzy (unchecked) entry falls back to English
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class Formatter:
    """Locale-aware formatting of the numbers, amounts and dates a report shows."""

    def __init__(self, lang: str):
        self.lang = check_language(lang)
        self.locale = Locale.parse(self.lang)

    def number(self, value: Any, digits: int = 0) -> str:
        if not _finite(value):
            return "—"
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def decimal(self, value: Any) -> str:
        """A number with up to two decimals (``83,4`` in Polish)."""
        if not _finite(value):
            return "—"
        return format_decimal(round(float(value), 2), format="#,##0.##", locale=self.locale)

    def percent(self, share: Any) -> str:
        """A share 0..1 as ``12%`` (``12%`` / ``12%`` with the locale's spacing and sign)."""
        if not _finite(share):
            return "—"
        return format_percent(share, format="#,##0%", locale=self.locale)

    def money(self, amount: Any, currency: str = "") -> str:
        """An amount with its currency (``1 299,00 zł``); the bare number when the currency is unknown."""
        if not _finite(amount):
            return "—"
        code = (currency or "").strip().upper()
        if len(code) == 3 and code.isalpha():
            try:
                return format_currency(amount, code, locale=self.locale)
            except Exception:  # an unknown code: Babel raises for some, formats others as the code
                pass
        text = format_decimal(amount, format="#,##0.00", locale=self.locale)
        return f"{text} {currency}".strip() if currency else text

    def signed_money(self, amount: Any, currency: str = "") -> str:
        if not _finite(amount):
            return "—"
        text = self.money(abs(float(amount)), currency)
        return ("+" if float(amount) >= 0 else "−") + text

    def datetime(self, value: Any) -> str:
        """An ISO timestamp as ``March 1, 2025 10:15 UTC`` / ``1 marca 2025 10:15 UTC`` (raw text when it does
        not parse)."""
        try:
            moment = datetime.fromisoformat(str(value))
        except (TypeError, ValueError):
            return str(value or "")
        text = f"{babel_date(moment, 'long', locale=self.locale)} {babel_time(moment, 'HH:mm', locale=self.locale)}"
        offset = moment.utcoffset()
        if offset is None:
            return text
        if not offset:
            return text + " UTC"
        return text + " " + moment.strftime("%z")

    def duration(self, seconds: Any) -> str:
        """``83,4 s``, ``1 min 23 s``, ``2 h 5 min`` (SI unit symbols read the same in every report language)."""
        return format_duration(seconds, lambda v: format_decimal(v, format="0.0", locale=self.locale))


def _finite(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False
