"""Which element of a page a finding points at, decided once in Python on the page's document: the phone and
e-mail links, the buy button, the price, the reduction (a struck-through old price or a "-30%" badge) and the
size selector (:func:`auditor.analysis.product.size_selector`).

The browser only records (auditor.crawl): element ids stamped into the saved HTML, which elements were rendered,
and where the rendered ones were in the screenshot. A check takes the box of the very element it decided on
(``doc.box(element)``), so what a finding says and what its picture outlines cannot disagree. Where the browser
recorded nothing (pages saved before ids existed) the decisions are the same and there is no box.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from auditor.analysis.document import PageDocument
from auditor.analysis.html import attrs_text, inner_text, is_chrome, lexicon_slug, related_block, tag_of
from auditor.analysis.product import size_selector
from auditor.analysis.structured import opengraph
from auditor.pageview import is_buy_control
from auditor.prices import parse_price, price_from_structured

# a "-30%" badge: a minus or dash right before a percentage, not inside a word
PERCENT_OFF = re.compile(r"(?<![\w%])[-−–]\s?\d{1,2}(?:[.,]\d+)?\s?%")
NUMBER = re.compile(r"\d")
STRUCK_TAGS = ("del", "s", "strike")
MAX_LINKS = 20  # tel:/mailto: links looked at per page
MAX_CONTROLS = 400  # buttons and links looked at for the buy button
MAX_PRICE_TEXT = 40  # a price element says little more than the price


def own(el: Any) -> bool:
    """Is the element the page's own content (not header, navigation or footer, not a block of other products)?"""
    return not any(is_chrome(a) for a in [el, *el.iterancestors()]) and not related_block(el)


def _seen_first(doc: PageDocument, elements: list[Any]) -> Any:
    """The first element a shopper saw (rendered when the page was read), else the first one; None for none."""
    return next((el for el in elements if doc.rendered(el)), elements[0] if elements else None)


def links_to(doc: PageDocument, scheme: str) -> list[tuple[Any, str]]:
    """The ``tel:`` or ``mailto:`` links (``scheme`` "tel" or "mailto") a shopper saw anywhere on the page
    (they usually live in the footer), in page order, with the number or address each one dials."""
    if doc.tree is None:
        return []
    prefix = scheme.lower() + ":"
    links = [a for a in doc.tree.iter("a") if (a.get("href") or "").strip().lower().startswith(prefix)]
    return [
        (a, unquote(a.get("href").strip()[len(prefix) :].split("?")[0]).strip())
        for a in links[:MAX_LINKS]
        if doc.rendered(a)
    ]


def contact_link(doc: PageDocument, scheme: str) -> Any:
    """The first ``tel:`` or ``mailto:`` link a shopper saw on the page (:func:`links_to`), or None."""
    found = links_to(doc, scheme)
    return found[0][0] if found else None


def _scope(doc: PageDocument) -> Any:
    tree = doc.tree
    main = next((el for el in tree.iter() if tag_of(el) == "main" or el.get("role") == "main"), None)
    body = tree.find("body")
    return main if main is not None else (body if body is not None else tree)


def buy_button(doc: PageDocument) -> Any:
    """The page's own add-to-basket control a shopper saw (the decision page typing makes:
    :func:`auditor.pageview.is_buy_control`), or None."""
    if doc.tree is None:
        return None
    controls = [
        el
        for el in _scope(doc).iter()
        if isinstance(el.tag, str)
        and (
            tag_of(el) in ("button", "a")
            or el.get("role") == "button"
            or (tag_of(el) == "input" and (el.get("type") or "").lower() in ("submit", "button"))
        )
    ]
    for el in controls[:MAX_CONTROLS]:
        if own(el) and doc.rendered(el) and is_buy_control(el):
            return el
    return None


def sells_here(doc: PageDocument) -> bool:
    """Does the page look like it sells one product: a structured-data price, ``itemprop=price``, a buy button
    or ``og:type`` product?"""
    if doc.tree is None:
        return False
    if price_from_structured(doc.page.structured) or doc.tree.xpath("//*[@itemprop='price'][not(self::meta)]"):
        return True
    og = opengraph(doc.page.structured).get("og:type", "")
    return "product" in og.lower() or buy_button(doc) is not None


def _direct_text(el: Any) -> str:
    return " ".join([el.text or "", *(child.tail or "" for child in el)])


def main_price(doc: PageDocument) -> Any:
    """The product's price element: the page's own ``itemprop=price``, else the element whose text is the
    structured-data price nearest the main heading (in the screenshot when both were in it, else in the
    markup), else the first element named as a price (``class="price"``…); never a struck-through or old price
    nor one of another product. None when there is none."""
    if doc.tree is None:
        return None
    scope = _scope(doc)
    marked = [el for el in scope.iter() if el.get("itemprop") == "price" and tag_of(el) != "meta" and own(el)]
    if marked:
        return _seen_first(doc, marked)
    money = price_from_structured(doc.page.structured)
    candidates, named = [], []
    for el in scope.iter():
        if not isinstance(el.tag, str) or not NUMBER.search(_direct_text(el)):
            continue
        text = inner_text(el).replace("\n", " ").strip()
        if not text or len(text) > MAX_PRICE_TEXT or not own(el) or not doc.rendered(el):
            continue
        chain = [el, *el.iterancestors()]
        if any(tag_of(a) in STRUCK_TAGS or lexicon_slug("slug_old_price", attrs_text(a)) for a in chain[:4]):
            continue
        parsed = parse_price(text)
        if money is not None and parsed is not None and abs(abs(parsed.amount) - money.amount) <= 0.005:
            candidates.append(el)
        elif any(lexicon_slug("slug_price", attrs_text(a)) for a in chain[:3]):
            named.append(el)  # a price element by its name (class "price"…), when no text is the structured price
    if not candidates:
        return named[0] if named else None
    h1 = next(scope.iter("h1"), None)
    if h1 is None:
        h1 = next(doc.tree.iter("h1"), None)
    anchor = doc.box(h1) if h1 is not None else None

    def distance(el: Any) -> float:
        box = doc.box(el)
        if box is None or anchor is None:
            return math.inf
        return math.hypot(box["y"] - (anchor["y"] + anchor["height"]), (box["x"] - anchor["x"]) / 4)

    return min(candidates, key=distance)  # min keeps the first in the markup among equals


@dataclass
class Reduction:
    how: str  # "struck-through price" or "percentage off"
    text: str
    element: Any = None  # the element that says it (None when the text spans elements)

    def as_dict(self) -> dict[str, str]:
        return {"how": self.how, "text": self.text}


def reduction(doc: PageDocument) -> Reduction | None:
    """A price reduction the product announces: a struck-through (or old-price) price in its own content, the
    one a shopper saw first; else a percentage off ("-30%") in its text."""
    root = doc.product_root
    if root is not None:
        struck = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            crossed = tag_of(el) in STRUCK_TAGS or "line-through" in (el.get("style") or "").replace(" ", "")
            if crossed or lexicon_slug("slug_old_price", attrs_text(el)):
                value = inner_text(el).replace("\n", " ").strip()
                if NUMBER.search(value) and len(value) <= MAX_PRICE_TEXT:
                    struck.append((el, value))
        if struck:
            el, value = next(((e, v) for e, v in struck if doc.rendered(e)), struck[0])
            return Reduction("struck-through price", value, el)
    match = PERCENT_OFF.search(doc.product_text)
    if not match:
        return None
    badges = (
        [el for el in root.iter() if isinstance(el.tag, str) and PERCENT_OFF.search(_direct_text(el))]
        if root is not None
        else []
    )
    return Reduction("percentage off", match.group(0), _seen_first(doc, badges))


def marks(doc: PageDocument) -> dict[str, dict[str, float]]:
    """The boxes of the elements decided here, by kind (phone, email, add_to_cart; on a page that sells:
    price, reduction, size_selector), for those in the page's screenshot."""
    found: dict[str, Any] = {
        "phone": contact_link(doc, "tel"),
        "email": contact_link(doc, "mailto"),
        "add_to_cart": buy_button(doc),
    }
    out: dict[str, dict[str, float]] = {}
    if sells_here(doc):
        cut = reduction(doc)
        selector = size_selector(doc)
        found.update(price=main_price(doc), reduction=cut.element if cut else None)
        box = doc.box(*selector.elements) if selector else None
        if box:
            out["size_selector"] = box
    for kind, el in found.items():
        box = doc.box(el) if el is not None else None
        if box:
            out[kind] = box
    return out
