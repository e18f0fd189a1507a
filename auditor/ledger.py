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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditor import lexicon
from auditor.model import LineKind, PriceLine
from auditor.pageview import PRICE_RE
from auditor.prices import CURRENCIES, Money, line_kind, parse_price

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
EXCLUSIVE = re.compile(r"(?<!\w)(zzgl\.?|zuzüglich|plus|excl\.?|excluding|exclusive|netto|net|bez dph|bez vat|"
                       r"без ндс|без пдв|\+)(?!\w)", re.IGNORECASE)
# "tax included" markers: prices said to contain the tax
INCLUSIVE = re.compile(r"(?<!\w)(incl\.?|including|inkl\.?|inklusive|w tym|z vat|brutto|vrátane|včetně|vč\.|s dph|"
                       r"в т\.\s?ч\.?|у т\.\s?ч\.?|с ндс|з пдв)(?!\w)", re.IGNORECASE)
HEADING = re.compile(
    r"^(order summary|summary|your order|basket|cart|shopping cart|podsumowanie|podsumowanie zamówienia|twoje "
    r"zamówienie|koszyk|zusammenfassung|bestellübersicht|ihre bestellung|warenkorb|souhrn|souhrn objednávky|"
    r"vaše objednávka|súhrn|súhrn objednávky|ваш заказ|ваше замовлення|итог заказа|підсумок замовлення)$",
    re.IGNORECASE,
)
# a label that is the price itself, whatever tax qualifier follows it
_PRICE_WORD = re.compile(r"^(unit\s+)?(price|cena|ціна|цена|preis|stückpreis|einzelpreis|jednotková cena)(?!\w)",
                         re.IGNORECASE)
# a label that is only a currency (a column header "EUR", "zł"): a currency code we know, never any three
# letters ("Tax", "VAT", "DPH", "НДС" are lines)
_CURRENCY_ONLY = re.compile(rf"^\W*({'|'.join(CURRENCIES)})\W*$|^\W*(zł|kč|€|\$|£|₴|₽|грн|руб)\W*$", re.IGNORECASE)
_RANGE = re.compile(r"\d\s*[-–—]\s*\d")
# German compounds: a price word inside a longer word (5+ letters, so "ust" never matches "Zustellung")
_COMPOUND_GROUPS = ("price_total", "price_subtotal", "price_shipping", "price_fee", "price_fee_generic",
                    "price_tax", "price_discount")


def _compound_kind(label: str) -> LineKind:
    """The kind of a German compound label ("Standardversand", "Bestellsumme", "Versandkostenpauschale")."""
    text = label.lower()
    hits = {group for group in _COMPOUND_GROUPS
            if any(len(term) >= 5 and term in text for term in lexicon.terms(group, "de"))}
    order: tuple[tuple[str, LineKind], ...] = (
        ("price_subtotal", "subtotal"), ("price_discount", "discount"), ("price_fee", "fee"),
        ("price_shipping", "shipping"), ("price_tax", "tax"), ("price_total", "total"), ("price_fee_generic", "fee"))
    for group, kind in order:
        if group in hits:
            return kind
    return "other"


# "1 item", "3 položky", "2 Artikel": the basket's subtotal labelled by its item count
_COUNT_LABEL = re.compile(r"^\d+\s*(x\s*)?(items?|products?|položk\w*|položiek|produkt\w*|artikel|artikl\w*|"
                          r"товар\w*|sztuk\w*|szt\.?|ks|kusy|kusů)$", re.IGNORECASE)


def kind_of(label: str) -> LineKind:
    if _COUNT_LABEL.match(label.strip()):
        return "subtotal"
    kind = line_kind(label)
    if kind == "other":
        kind = _compound_kind(label)
    if kind in ("total", "other") and lexicon.matches("price_partial", label):
        return "subtotal"  # a partial sum ("Sub total", "Teilsumme", "Suma cząstkowa") is never the total
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


# ------------------------------------------------------------------------------------------------ step rows

_LEAF_SKIP = {"SCRIPT", "STYLE", "NOSCRIPT", "OPTION", "SELECT", "BUTTON"}
_LAYOUT_LEAVES = 3000  # at most this many text leaves are compared by layout
_ROW_TEXT = 250  # a block holding more text than this is a list or a whole box, not one row


def _priced(text: str) -> bool:
    return PRICE_RE.search(text) is not None


def _value_like(value: str) -> bool:
    """A value a price row can have: a price, a bare zero, or one word saying it is free."""
    return _priced(value) or value == "0" or (re.fullmatch(r"\w+", value) is not None
                                              and lexicon.matches("price_free", value))


def _union(boxes: list[dict[str, float] | None]) -> dict[str, float] | None:
    found = [b for b in boxes if b and b.get("width", 0) > 0 and b.get("height", 0) > 0]
    if not found:
        return None
    left, top = min(b["x"] for b in found), min(b["y"] for b in found)
    right = max(b["x"] + b["width"] for b in found)
    bottom = max(b["y"] + b["height"] for b in found)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


class StepPage:
    """A checkout step as the browser recorded it (one node per element, in document order: see
    ``checkout._STEP_JS``), with the tree questions the row reader asks."""

    def __init__(self, nodes: list[dict[str, Any]]):
        self.nodes = nodes
        count = len(nodes)
        self.parent = [int(n.get("p", -1)) if 0 <= int(n.get("p", -1)) < i else -1 for i, n in enumerate(nodes)]
        self.children: list[list[int]] = [[] for _ in range(count)]
        self.end = list(range(count))  # the last node of each element's subtree (document order)
        for i in range(count - 1, -1, -1):
            p = self.parent[i]
            if p >= 0:
                self.end[p] = max(self.end[p], self.end[i])
        for i, p in enumerate(self.parent):
            if p >= 0:
                self.children[p].append(i)
        # the texts of the forms' submit buttons inside each element
        self.submits: dict[int, list[str]] = {}
        for i, n in enumerate(nodes):
            if n.get("submit") is not None:
                p = self.parent[i]
                while p >= 0:
                    self.submits.setdefault(p, []).append(str(n["submit"]))
                    p = self.parent[p]

    def text(self, i: int) -> str:
        return str(self.nodes[i].get("text") or "")

    def own(self, i: int) -> str:
        return str(self.nodes[i].get("own") or "")

    def tag(self, i: int) -> str:
        return str(self.nodes[i].get("tag") or "").upper()

    def visible(self, i: int) -> bool:
        return bool(self.nodes[i].get("visible"))

    def box(self, i: int) -> dict[str, float] | None:
        box = self.nodes[i].get("box")
        return box if isinstance(box, dict) else None

    def contains(self, outer: int, inner: int) -> bool:
        return outer <= inner <= self.end[outer]

    def within(self, i: int, tags: tuple[str, ...]) -> bool:
        """The element or one of its ancestors is one of ``tags``."""
        while i >= 0:
            if self.tag(i) in tags:
                return True
            i = self.parent[i]
        return False

    def kid_nodes(self, i: int) -> list[int] | None:
        """The element's children, None when the recording was cut short inside it."""
        kids = self.children[i]
        return kids if len(kids) == int(self.nodes[i].get("kids", 0)) else None

    def offered(self, i: int) -> bool:
        """An option offered with its own submit button ("Select option", "Wybierz" per delivery method): not
        a charge. One row per choice: a block holding several choose buttons is the list, not a row."""
        node = i
        for _ in range(5):
            if node <= 0:  # the page's body
                return False
            if len(self.text(node)) > _ROW_TEXT:
                return False
            mine = sum(1 for label in self.submits.get(node, []) if lexicon.matches("choose", label, whole=True))
            if mine:
                return mine == 1
            node = self.parent[node]
        return False

    def unchosen(self, i: int) -> bool:
        """An option row whose radio or checkbox is not ticked, or that is offered with its own submit."""
        return self.nodes[i].get("choice") is False or self.offered(i)


def step_rows(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Candidate price rows of a recorded checkout step, in page order: ``{label, value, choice, box, strike}``.

    Labels and values are paired by table rows, definition lists, an element's children (a label and one
    price), a bare text node beside its label element, and by layout (a price on its own and the text on its
    left on the same line, close in the tree too). An option row counts only when its radio or checkbox is
    ticked; a method offered with its own "Select" submit is no charge. :func:`parse_rows` then reads them."""
    page = StepPage(nodes)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    used: list[int] = []

    def is_used(i: int) -> bool:
        return any(u == i or page.contains(u, i) or page.contains(i, u) for u in used)

    def push(label: str, value: str, el: int | None, choice: bool, row: list[int]) -> None:
        label = re.sub(r"[:：]\s*$", "", " ".join(label.split()))
        value = " ".join(value.split())
        if not label or not value or len(label) > 120 or not _value_like(value):
            return
        key = label + "|" + value
        if key in seen:
            return
        seen.add(key)
        if el is not None:
            used.append(el)
        rows.append({"label": label, "value": value, "choice": choice, "box": _union([page.box(r) for r in row]),
                     "strike": el is not None and bool(page.nodes[el].get("strike"))})

    count = len(nodes)
    for i in range(count):  # table rows: the last cell is the value
        if page.tag(i) != "TR" or not page.visible(i) or page.offered(i):
            continue
        cells = [page.text(c) for c in range(i + 1, page.end[i] + 1) if page.tag(c) in ("TH", "TD")]
        cells = [c for c in cells if c]
        # a summary row listing its choices (WooCommerce's shipping row: one radio and price per method): the
        # chosen one's price is the row's value
        chosen = next((c for c in range(i + 1, page.end[i] + 1) if page.nodes[c].get("radio") is True), None)
        if chosen is not None and len(cells) >= 2:
            label = page.parent[chosen]  # its wrapping label, else its parent (a label beside it, its price)
            a = label
            while a > i:
                if page.tag(a) == "LABEL":
                    label = a
                    break
                a = page.parent[a]
            price = PRICE_RE.search(page.text(label)) if label >= 0 else None
            cells[-1] = price.group(0) if price else ""
        if len(cells) >= 2:
            push(" ".join(cells[:-1]), cells[-1], i, False, [i])
    for i in range(count):  # definition lists
        if page.tag(i) != "DT" or page.parent[i] < 0:
            continue
        siblings = page.children[page.parent[i]]
        at = siblings.index(i)
        dd = siblings[at + 1] if at + 1 < len(siblings) else None
        if dd is not None and page.tag(dd) == "DD" and page.visible(i):
            push(page.text(i), page.text(dd), dd, False, [i, dd])
    for i in range(count):  # an element of two or three children: a label and one price (an option when chosen)
        if page.tag(i) not in ("LI", "DIV", "P", "LABEL") or not page.visible(i) or page.within(i, ("TR", "DL")):
            continue
        kids = page.kid_nodes(i)
        if kids is None or not 2 <= len(kids) <= 3:
            continue
        choice = page.nodes[i].get("choice")
        if choice is False or page.offered(i):
            continue
        texts = [page.text(k) for k in kids]
        if any(len(t) > 120 for t in texts) or sum(1 for t in texts if _priced(t)) != 1:
            continue
        if _priced(texts[-1]) and not _priced(texts[0]):
            push(" ".join(texts[:-1]), texts[-1], kids[-1], choice is not None, [i])
    for i in range(count):  # a label element with its value as a bare text node beside it
        if page.tag(i) not in ("LI", "DIV", "P", "DD", "SPAN", "TD"):
            continue
        kids = page.kid_nodes(i)
        if kids is None or len(kids) != 1 or page.within(i, ("TR", "DL")) or not page.visible(i) \
                or page.nodes[i].get("chrome") or page.unchosen(i):
            continue
        own, inner = page.own(i), page.text(kids[0])
        if not own or not inner or len(own) > 80 or len(inner) > 120:
            continue
        choice = page.nodes[i].get("choice") is not None
        if _priced(own) and not _priced(inner) and not is_used(i):
            push(inner, own, i, choice, [i])
        elif _priced(inner) and not _priced(own) and not is_used(i):
            push(own, inner, kids[0], choice, [i])
    _layout_rows(page, push, is_used)
    rows.sort(key=lambda r: r["box"]["y"] if r["box"] else 0)
    return rows


def unpriced_shipping(nodes: list[dict[str, Any]]) -> str | None:
    """A summary line that names the delivery charge but states no amount ("Shipping | Select shipping method",
    "Versand | wird berechnet"): ``"label: value"``, else None. At the last step it means the delivery (and the
    tax on it) is not in the total yet."""
    page = StepPage(nodes)
    for i in range(len(nodes)):
        kids = page.kid_nodes(i)
        if kids is None or len(kids) != 2 or not page.visible(i) or page.nodes[i].get("chrome") \
                or page.nodes[i].get("choice") is not None:
            continue
        label, value = page.text(kids[0]).strip(), page.text(kids[1]).strip()
        if not label or not value or len(label) > 40 or len(value) > 60 or re.search(r"\d", label + value):
            continue
        if kind_of(label) == "shipping" and not lexicon.matches("price_free", value):
            return f"{label}: {value}"
    return None


def _layout_rows(page: StepPage, push: Callable[[str, str, int | None, bool, list[int]], None],
                 is_used: Callable[[int], bool]) -> None:
    """By layout: a price on its own and the text on its left on the same line (labels and values in separate
    boxes), close in the tree too (not a choice in the form beside a line of the summary)."""
    leaves: list[tuple[int, dict[str, float]]] = []
    for i in range(1, len(page.nodes)):
        if len(leaves) > _LAYOUT_LEAVES:
            break
        own, box = page.own(i), page.box(i)
        if page.tag(i) in _LEAF_SKIP or not own or len(own) > 120 or not page.visible(i) or box is None \
                or page.nodes[i].get("chrome"):
            continue
        leaves.append((i, box))
    priced = {i: _priced(page.own(i)) for i, _ in leaves}
    for leaf, r in leaves:
        own = page.own(leaf)
        if not priced[leaf] or len(re.sub(r"[\W\d_]", "", PRICE_RE.sub("", own, count=1))) > 6 or is_used(leaf) \
                or page.unchosen(leaf):
            continue
        mid = r["y"] + r["height"] / 2
        best: tuple[int, dict[str, float]] | None = None
        for other, o in leaves:
            if other == leaf or priced[other] or o["x"] + o["width"] > r["x"] + 2:
                continue
            if abs(o["y"] + o["height"] / 2 - mid) > max(6, min(r["height"], o["height"]) / 2):
                continue
            if r["x"] - (o["x"] + o["width"]) > 700:
                continue
            if best is None or o["x"] + o["width"] > best[1]["x"] + best[1]["width"]:
                best = (other, o)
        if best is None or is_used(best[0]):
            continue
        common = page.parent[best[0]]
        while common >= 0 and not page.contains(common, leaf):
            common = page.parent[common]
        if common >= 0 and len(page.text(common)) <= _ROW_TEXT:
            push(page.own(best[0]), own, leaf, page.nodes[leaf].get("choice") is not None, [best[0], leaf])


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
    if match is None:
        return False
    rest = value[match.end():].strip()
    return not value[:match.start()].strip() and len(rest) <= 60 and not re.search(r"\d", rest)


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
    zamówienia 43,90 €"), also when nothing is charged yet (OpenCart's basket: "Сумма 2 490 ₽ … Итого 2 490 ₽")."""
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
        if abs(amount + between - last) <= tolerance:  # nothing between ("Сумма" then "Итого"): the goods' sum
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
