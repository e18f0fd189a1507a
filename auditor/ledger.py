"""Reading a checkout step's price ledger from the rows the step reader recorded, so that it reconciles.

The browser records candidate rows (a label and a value, paired by table rows, definition lists, element
children, a bare text node beside its label, or by layout: a label and a price on the same line); everything
is decided here, in Python:

* the value's price is the number written with a currency (``"Standard 2–4 days 4,90 €"`` is 4.90, never
  2.00; a range's dash is no minus sign); a value with several prices is a whole box, not a line;
* a subordinate line ("incl. VAT", "w tym VAT", "inkl. MwSt.", "в т.ч. НДС", "у т.ч. ПДВ", "vrátane DPH",
  "včetně DPH") is a ``note``: kept, never a total and never added;
* headings ("Order summary", "Podsumowanie zamówienia") and labels naming several kinds at once are not lines;
* label words match inside German compounds ("Standardversand" is shipping, "Bestellsumme" a total);
* several totals: an earlier one that the charges below it raise to the last is the goods' subtotal;
* :func:`reconcile` checks that the lines add up to the step's total (tax included or added on top) and
  otherwise says why the step cannot be read, instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor import lexicon
from auditor.model import PriceLine
from auditor.pageview import PRICE_RE
from auditor.prices import Money, line_kind, parse_price

# "included in the price" markers: a line that says what a price already contains
SUBORDINATE = re.compile(
    r"(?<!\w)(incl\.?|including|includes|included|inkl\.?|inklusive|enthalten|enth\.|davon|w tym|zawiera|"
    r"в т\.\s?ч\.?|в том числе|включ\w*|у т\.\s?ч\.?|у тому числі|включно|vrátane|vrát\.|v tom|včetně|vč\.|"
    r"obsahuje|zawarty|zawarte)(?!\w)",
    re.IGNORECASE,
)
# a "from" price ("Koszt dostawy od", "Shipping from", "Versand ab", "Доставка від"): a lower bound, not a charge
LOWER_BOUND = re.compile(r"(?<!\w)(from|od|ab|від|от|starting at|ab nur)\s*[:：]?\s*$", re.IGNORECASE)
# "added on top" markers: tax not in the prices above it
EXCLUSIVE = re.compile(r"(?<!\w)(zzgl\.?|zuzüglich|plus|excl\.?|excluding|netto|net|bez dph|bez vat|без ндс|без пдв|"
                       r"\+)(?!\w)", re.IGNORECASE)
HEADING = re.compile(
    r"^(order summary|summary|your order|basket|cart|shopping cart|podsumowanie|podsumowanie zamówienia|twoje "
    r"zamówienie|koszyk|zusammenfassung|bestellübersicht|ihre bestellung|warenkorb|souhrn|souhrn objednávky|"
    r"vaše objednávka|súhrn|súhrn objednávky|ваш заказ|ваше замовлення|итог заказа|підсумок замовлення)$",
    re.IGNORECASE,
)
# a label that is the price itself, whatever tax qualifier follows it
_PRICE_WORD = re.compile(r"^(unit\s+)?(price|cena|ціна|цена|preis|stückpreis|einzelpreis|jednotková cena)(?!\w)",
                         re.IGNORECASE)
_CURRENCY_ONLY = re.compile(r"^\W*[A-Z]{3}\W*$|^\W*(zł|kč|€|\$|£|₴|₽|грн|руб)\W*$", re.IGNORECASE)
_RANGE = re.compile(r"\d\s*[-–—]\s*\d")
# German compounds: a price word inside a longer word (5+ letters, so "ust" never matches "Zustellung")
_COMPOUND_GROUPS = ("price_total", "price_subtotal", "price_shipping", "price_fee", "price_fee_generic",
                    "price_tax", "price_discount")


def _compound_kind(label: str) -> str:
    """The kind of a German compound label ("Standardversand", "Bestellsumme", "Versandkostenpauschale")."""
    text = label.lower()
    hits = {group for group in _COMPOUND_GROUPS
            if any(len(term) >= 5 and term in text for term in lexicon.terms(group, "de"))}
    for group, kind in (("price_subtotal", "subtotal"), ("price_discount", "discount"), ("price_fee", "fee"),
                        ("price_shipping", "shipping"), ("price_tax", "tax"), ("price_total", "total"),
                        ("price_fee_generic", "fee")):
        if group in hits:
            return kind
    return "other"


# "1 item", "3 položky", "2 Artikel": the basket's subtotal labelled by its item count
_COUNT_LABEL = re.compile(r"^\d+\s*(x\s*)?(items?|products?|položk\w*|položiek|produkt\w*|artikel|artikl\w*|"
                          r"товар\w*|sztuk\w*|szt\.?|ks|kusy|kusů)$", re.IGNORECASE)


def kind_of(label: str) -> str:
    if _COUNT_LABEL.match(label.strip()):
        return "subtotal"
    kind = line_kind(label)
    if kind == "other":
        kind = _compound_kind(label)
    return kind


def money_in(value: str, currency_hint: str = "") -> Money | None:
    """The price in a value: the amount written with a currency; a bare number only when the value is just a
    number (or "free"). A dash before the amount is a minus only when nothing but the dash precedes it."""
    text = (value or "").replace("\u00a0", " ").replace("\u202f", " ")
    found = list(PRICE_RE.finditer(text))
    if len(found) > 1:
        return None  # several prices: a whole box, a "was/now" pair, not one line
    if found:
        match = found[0]
        money = parse_price(match.group(0), currency_hint)
        if money is None:
            return None
        before = text[:match.start()].strip()
        negative = before in ("-", "−", "–", "- ", "(") or before.endswith(("-", "−")) and not _RANGE.search(
            text[max(0, match.start() - 6):match.end()])
        amount = -abs(money.amount) if negative else abs(money.amount)
        return Money(amount, money.currency)
    stripped = text.strip()
    if re.fullmatch(r"[-−]?\s*\d[\d\s.,]*", stripped) or lexicon.matches("price_free", stripped):
        return parse_price(stripped, currency_hint)
    return None


def money_text(value: str) -> str:
    match = PRICE_RE.search(value or "")
    return match.group(0) if match else (value or "")


@dataclass
class Reading:
    reconciled: bool | None  # None: nothing to reconcile (no total)
    tax_included: bool | None
    reason: str = ""


def parse_rows(rows: list[dict[str, Any]], currency_hint: str) -> list[PriceLine]:
    """Price lines from recorded rows: items, summary lines and notes, in page order."""
    lines: list[PriceLine] = []
    choices: list[bool] = []
    seen: set[tuple[str, float]] = set()
    for row in _split_included(rows):
        if row.get("strike"):
            continue
        label = re.sub(r"\s+", " ", str(row.get("label", ""))).strip().rstrip(":：").strip()
        value = str(row.get("value", ""))
        if not label or HEADING.match(label) or len(PRICE_RE.findall(label)) > 1 or _CURRENCY_ONLY.match(label):
            continue
        money = money_in(value, currency_hint)
        if money is None or len(re.sub(r"[^\w]|\d", "", PRICE_RE.sub("", value))) > 16 and not _priced_name(value):
            continue  # no price, or a sentence that holds one ("Doprava: Zásilkovna 79 Kč, doručení za 2–3 dny")
        if PRICE_RE.search(label) and not SUBORDINATE.search(label):
            continue  # the label holds a price of its own: a box read as one line
        kinds = {k for k in ("price_total", "price_shipping", "price_subtotal") if lexicon.matches(k, label)}
        if len(kinds) >= 3:
            continue  # a whole totals box ("Subtotal … Shipping … Total …") is not one line
        amount = money.amount
        kind = kind_of(label)
        if kind == "other" and not PRICE_RE.search(value) and not lexicon.matches("price_free", value):
            continue  # a bare number is a price only beside a price word ("Number of reviews 0" is no line)
        if _PRICE_WORD.match(label) and kind == "tax":
            kind = "item"  # "Price (excl. tax)", "Cena (netto)", "Preis (exkl. Steuer)": the item's price
        before = value[:value.find(money_text(value))] or ""
        if SUBORDINATE.search(label) or SUBORDINATE.search(before) or LOWER_BOUND.search(label) or \
                LOWER_BOUND.fullmatch(before.strip()):
            kind = "note"  # what a price includes, or a "from" price (an estimate, not a charge)
        elif kind == "discount" and amount > 0:
            amount = -amount
        key = (label.lower(), amount)
        if key in seen:
            continue
        seen.add(key)
        lines.append(PriceLine(label=label, kind=kind if kind != "other" else "item", amount=amount,
                               box=row.get("box") or None, currency=money.currency, raw=value.strip()[:80]))
        choices.append(bool(row.get("choice")))
    # a chosen option (a ticked shipping method or add-on with its price) is the step's charge of its kind
    # only when no summary line of that kind states it already
    # (or restates a summary line's amount: "Paczkomat InPost 11,99 zł" beside "Wysyłka 11,99 zł")
    summarised = {line.kind for line, choice in zip(lines, choices) if not choice}
    amounts = {line.amount for line, choice in zip(lines, choices) if not choice and line.kind != "item"}
    kept = [line for line, choice in zip(lines, choices)
            if not (choice and (line.kind in summarised or line.amount in amounts))]
    return _partial_totals(kept)


def _priced_name(value: str) -> bool:
    """A value that is a price followed by the name of what it buys ("2,99 € Packeta – výdajné miesto", Shoptet's
    recapitulation): no sentence, so no further number after the price."""
    match = PRICE_RE.search(value)
    rest = value[match.end():].strip() if match else ""
    return bool(match) and not value[:match.start()].strip() and len(rest) <= 60 and not re.search(r"\d", rest)


def _split_included(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A value that states what it includes after its price ("960,00 ₴ (включає 160,00 ₴ ПДВ)", "€49.90 incl.
    €7.97 VAT"; WooCommerce's order total) is two rows: the line's own price and a note."""
    out: list[dict[str, Any]] = []
    for row in rows:
        value = str(row.get("value", ""))
        found = list(PRICE_RE.finditer(value))
        between = value[found[0].end():found[1].start()] if len(found) == 2 else ""
        if len(found) == 2 and SUBORDINATE.search(between) and not SUBORDINATE.search(value[:found[0].start()]):
            note = re.sub(r"^[\s(\[]+|[\s)\]]+$", "", value[found[0].end():])
            out.append({**row, "value": value[:found[0].end()]})
            out.append({**row, "label": note, "value": found[1].group(0)})
        else:
            out.append(row)
    return out


_ADDED = ("shipping", "fee", "tax", "discount")


def _partial_totals(lines: list[PriceLine], tolerance: float = 0.011) -> list[PriceLine]:
    """Several totals on one step: the last is the step's total; an earlier "total" listed before any charge,
    that the charges between them (shipping, fees, tax, discounts) raise to the last one, is the goods'
    subtotal ("Cart total €39.00 … Standard delivery €4.90 … Order total €43.90", "Razem 39,00 € … Wartość
    zamówienia 43,90 €")."""
    totals = [i for i, line in enumerate(lines) if line.kind == "total" and line.amount is not None]
    if len(totals) < 2:
        return lines
    last = lines[totals[-1]].amount or 0.0
    restated: set[int] = set()
    for i in totals[:-1]:
        if any(line.kind in ("shipping", "fee") for line in lines[:i]):
            continue  # a total after charges ("Gesamtsumme (netto)" before the VAT) is no goods' subtotal
        amount = lines[i].amount or 0.0
        between = sum(line.amount or 0.0 for line in lines[i + 1:totals[-1]] if line.kind in _ADDED)
        if between and abs(amount + between - last) <= tolerance:
            if any(line.kind == "subtotal" and abs((line.amount or 0.0) - amount) <= tolerance
                   for j, line in enumerate(lines) if j not in restated and j != i):
                restated.add(i)  # the goods' sum stated again ("Total" under the items, then "Cart total")
            else:
                lines[i].kind = "subtotal"
    return [line for i, line in enumerate(lines) if i not in restated]


def reconcile(lines: list[PriceLine], tolerance: float = 0.011) -> Reading:
    """Do the step's lines add up to its total? Tax lines are tried as included (notes), then as added."""
    totals = [line for line in lines if line.kind == "total" and line.amount is not None]
    if not totals:
        return Reading(None, None, "")
    total = totals[-1].amount or 0.0
    subtotal = [line.amount or 0.0 for line in lines if line.kind == "subtotal"]
    items = sum(line.amount or 0.0 for line in lines if line.kind == "item")
    base = subtotal[-1] if subtotal else items
    extras = sum(line.amount or 0.0 for line in lines if line.kind in ("shipping", "fee", "discount"))
    tax = sum(line.amount or 0.0 for line in lines if line.kind == "tax")
    has_tax = any(line.kind in ("tax", "note") and re.search(lexicon.pattern("price_tax").pattern, line.label, re.I)
                  for line in lines)
    if not base and not extras:
        return Reading(None, None, "only a total is shown")
    if abs(base + extras - total) <= tolerance:
        return Reading(True, True if has_tax else None)
    if tax and abs(base + extras + tax - total) <= tolerance:
        return Reading(True, False)
    if subtotal and items and abs(items + extras - total) <= tolerance:
        return Reading(True, True if has_tax else None)
    return Reading(False, None, f"the lines add up to {base + extras:.2f}"
                   + (f" ({base + extras + tax:.2f} with tax)" if tax else "")
                   + f", the step's total says {total:.2f}")


def apply(step: Any, tolerance: float = 0.011) -> None:
    """Mark a step's ledger: tax lines that are included in the prices become notes; a ledger that does not
    add up is marked unreadable with the reason."""
    reading = reconcile(step.price_lines, tolerance)
    if reading.reconciled and reading.tax_included:
        for line in step.price_lines:
            if line.kind == "tax":
                line.kind = "note"
    step.reconciled = reading.reconciled
    step.tax_included = reading.tax_included
    step.unreadable_reason = reading.reason if reading.reconciled is False else ""
