"""What a shopper sees on a page, read from its saved HTML: prices, add-to-basket controls, option pickers, a
gallery, and grids of product cards.

Page type must not hang on structured data or URL words alone: many storefronts (headless React shops,
PrestaShop, Shoper, IdoSell…) carry no schema.org Product, and their URLs say ``/catalogue/<slug>_<id>/`` or
``/category/slug``. A product page is what a shopper recognises as one: **one main price next to an
add-to-basket control**, usually with option pickers and a gallery. A category page is **a grid of product
cards**: one card pattern (same tag and class) repeated, each card a link with a price.

:func:`shopper_view` returns the evidence with human-readable reasons; :mod:`auditor.pagetype` turns it into
a type and a confidence. Everything here is pure Python over the page's HTML (lxml), so it runs on saved
artifacts as well as during a crawl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from auditor import lexicon
from auditor.analysis.html import parse_html

# a price as text: digits with a currency symbol or code before or after
_CURRENCY = r"(?:zł|zl|pln|€|eur|euro|₴|грн\.?|uah|₽|руб\.?|rub|kč|czk|\$|£|gbp|usd|chf|ft|huf|lei|ron)"
PRICE_RE = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,']?\d{3})*(?:[.,]\d{1,2})?[ \u00a0\u202f]*" + _CURRENCY + r"(?![a-z])"
    r"|(?<![a-z])(?:€|\$|£|₴|₽|eur|pln|czk|usd|gbp)[ \u00a0\u202f]?\d[\d \u00a0\u202f.,']*",
    re.IGNORECASE,
)
# form actions and button names of add-to-basket controls, across platforms (cart/add, basket/add,
# add-to-cart, line-item/add, koszyk/dodaj, …)
ADD_URL_RE = re.compile(
    r"(cart|basket|bag|koszyk|kosik|warenkorb|korzina|koshyk)[/_-]?(add|dodaj|pridat|hinzufuegen)|"
    r"add[-_]?to[-_]?(cart|basket|bag)|line-?item/add|checkout/cart/add|addtocart|add_to_basket|"
    r"(^|[/?&])(add-to-cart|add_to_cart)=",
    re.IGNORECASE,
)
ADD_NAME_RE = re.compile(r"^(add|add-to-cart|add_to_cart|addtocart|buy|submit\.add-to-cart)$"
                         r"|add[-_]?to[-_]?(cart|basket)|single_add_to_cart|btn-?add-?to-?cart|addtobasket|buy-?button",
                         re.IGNORECASE)
_CHROME = {"header", "nav", "footer", "aside"}
MIN_CARDS = 3  # one card pattern repeated at least this often is a grid
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_GALLERY_RE = re.compile(r"gallery|galeri|carousel|slider|thumbnail|thumbs|media|swiper|zoom|lightbox", re.IGNORECASE)
# a rating field of a review form: its name or id ("score", "rating", "stars", "ocena", "hodnocení", "Bewertung", …)
_RATING_RE = re.compile(r"score|rating|stars?\b|ocen|hodnocen|hodnoten|bewertung|sterne|оцін|оцен|рейтинг",
                        re.IGNORECASE)
_PICKER_RE = re.compile(r"swatch|variant|variation|option|attribute|configurator|size|rozmiar|velikost|veľkosť|"
                        r"grö(ss|ß)e|размер|розмір|color|colour|kolor|barva|farbe|цвет|колір", re.IGNORECASE)


@dataclass
class ShopperView:
    """The evidence of one page. ``buy_controls``: add-to-basket controls outside product cards;
    ``card_count``: cards of the largest repeated card pattern; ``main_price``: text of the price nearest the
    main buy control."""

    prices: int = 0
    buy_controls: int = 0
    buy_in_cards: int = 0
    main_price: str = ""
    pickers: list[str] = field(default_factory=list)
    gallery: bool = False
    card_count: int = 0
    card_pattern: str = ""
    basket_link: bool = False
    linked_cards: int = 0
    review_form: bool = False  # an open form to write a review: a rating field and a text box
    reasons: list[str] = field(default_factory=list)

    @property
    def looks_like_product(self) -> bool:
        return bool(self.main_price) and 1 <= self.buy_controls <= 3

    @property
    def looks_like_listing(self) -> bool:
        # a grid of cards, or a listing of one or two products whose cards hold their own buy buttons
        return self.card_count >= MIN_CARDS or (self.linked_cards > 0 and self.buy_controls == 0)

    @property
    def sells(self) -> bool:
        """Prices and a basket (a basket link or add-to-basket controls) are in sight: the site sells."""
        return self.prices > 0 and (self.basket_link or self.buy_controls > 0 or self.buy_in_cards > 0)

    def as_dict(self) -> dict[str, Any]:
        return {"prices": self.prices, "buy_controls": self.buy_controls, "buy_in_cards": self.buy_in_cards,
                "main_price": self.main_price, "pickers": self.pickers, "gallery": self.gallery,
                "card_count": self.card_count, "card_pattern": self.card_pattern, "basket_link": self.basket_link}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _hidden(el: Any) -> bool:
    """Hidden by markup (the only visibility a saved page tells): hidden/aria-hidden, inline display:none,
    a <template>, or inside a closed <dialog>."""
    node = el
    while node is not None and isinstance(node.tag, str):
        if node.tag in ("template", "script", "style", "noscript"):
            return True
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        if _HIDDEN_STYLE.search(node.get("style") or ""):
            return True
        if node.tag == "dialog" and node.get("open") is None:
            return True
        node = node.getparent()
    return False


def _in_chrome(el: Any) -> bool:
    node = el
    while node is not None and isinstance(node.tag, str):
        role = (node.get("role") or "").lower()
        if node.tag in _CHROME or role in ("banner", "navigation", "contentinfo", "dialog"):
            return True
        node = node.getparent()
    return False


def _label(el: Any) -> str:
    text = _text(el) if el.tag != "input" else ""
    return _norm(text or el.get("value") or el.get("aria-label") or el.get("title") or "")


def _form_of(el: Any) -> Any:
    node = el.getparent()
    while node is not None and isinstance(node.tag, str):
        if node.tag == "form":
            return node
        node = node.getparent()
    return None


def is_buy_control(el: Any) -> bool:
    """An add-to-basket control: by its words in our languages, its name, or the form it submits."""
    label = _label(el)[:80]
    if label and lexicon.matches("order_final", label, whole=True) and not lexicon.matches("add_to_cart", label):
        return False
    if label and lexicon.matches("add_to_cart", label):
        href = (el.get("href") or "").lower()
        return not (el.tag == "a" and lexicon.matches("slug_cart", href, whole=True)
                    and not ADD_URL_RE.search(href))
    name = " ".join(filter(None, (el.get("name"), el.get("id"), el.get("data-button-action"))))
    if name and ADD_NAME_RE.search(name):
        return True
    if el.tag in ("button", "input"):
        form = _form_of(el)
        if form is not None and ADD_URL_RE.search(form.get("action") or ""):
            return True
    return el.tag == "a" and bool(ADD_URL_RE.search(el.get("href") or ""))


def _signature(el: Any) -> str:
    classes = sorted(c for c in (el.get("class") or "").split() if not re.search(r"\d", c))[:4]
    return el.tag + ("." + ".".join(classes) if classes else "")


def _text(el: Any) -> str:
    """An element's text with a space between its pieces ("Cena" "499 Kč" must not glue into "Cena499 Kč")."""
    return " ".join(piece.strip() for piece in el.itertext() if piece.strip())


def _has_price(el: Any) -> bool:
    return bool(PRICE_RE.search(_text(el)))


@lru_cache(maxsize=8)
def _cards(root: Any) -> tuple[int, str, list[Any]]:
    """The largest group of product cards: elements of one tag-and-class pattern, each holding a link and a
    price, and no more than a card's worth of text. Returns (count, pattern, the card elements) — callers keep
    the elements while they compare ids (lxml proxies of freed elements reuse ids)."""
    groups: dict[tuple[int, str], list[Any]] = {}
    for anchor in root.iter("a"):
        if not anchor.get("href") or _hidden(anchor):
            continue
        # climb to the card: the nearest ancestor (at most five levels up) that also holds a price
        node = anchor
        for _ in range(6):
            if node is None or not isinstance(node.tag, str) or node.tag in ("body", "html", "main"):
                node = None
                break
            if _has_price(node):
                break
            node = node.getparent()
        else:
            node = None
        if node is None or node.tag in ("tr", "td", "table"):
            continue
        text = _text(node)
        if len(text) > 600 or len(PRICE_RE.findall(text)) > 3:
            continue  # a whole section, not one card
        bucket = groups.setdefault((0, _signature(node)), [])
        if all(existing is not node for existing in bucket):
            bucket.append(node)
    best: list[Any] = []
    pattern = ""
    for (_, sig), found in groups.items():
        # a container that holds other elements of its own pattern is a section, not a card
        ids = {id(n) for n in found}
        nodes = [n for n in found if not any(id(el) in ids for el in n.iterdescendants())]
        if len(nodes) > len(best) and not _in_chrome(nodes[0]):
            best, pattern = nodes, sig
    if len(best) < MIN_CARDS:
        return 0, "", []  # one block with a link and a price is not a grid of cards
    return len(best), pattern, [_widen(node, best) for node in best]


def _widen(node: Any, cards: list[Any]) -> Any:
    """The whole card around a card's priced link: the largest ancestor holding no other card (so the card's
    own add-to-basket button is inside it)."""
    others = {id(c) for c in cards if c is not node}
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main"):
            return node
        if any(id(el) in others for el in parent.iter()):
            return node
        node = parent


def _inside(el: Any, ids: set[int]) -> bool:
    node = el
    while node is not None and isinstance(node.tag, str):
        if id(node) in ids:
            return True
        node = node.getparent()
    return False


def shopper_view(html: str) -> ShopperView:
    """The shopper's evidence on a page (an empty view for HTML that cannot be parsed)."""
    view = ShopperView()
    root = parse_html(html or "")
    if root is None:
        return view
    body = root.find("body")
    if body is None:
        body = root
    visible_text = " ".join(t for t in (_norm(x) for x in _visible_texts(body)) if t)
    view.prices = len(PRICE_RE.findall(visible_text))
    view.card_count, view.card_pattern, card_nodes = _cards(body)
    card_ids = {id(n) for n in card_nodes}
    controls = [el for el in body.iter("button", "input", "a")
                if (el.tag != "input" or (el.get("type") or "").lower() in ("submit", "button", "image"))
                and not _hidden(el) and is_buy_control(el)]
    for el in body.xpath("//*[@role='button']"):
        if el.tag not in ("button", "input", "a") and not _hidden(el) and is_buy_control(el):
            controls.append(el)
    main_controls = [el for el in controls if not _inside(el, card_ids) and not _in_chrome(el)]
    lone = [card for card in (_card_of(el) for el in main_controls) if card is not None]
    if lone:  # buy buttons of cards too few to make a grid (a category of one product)
        view.linked_cards = len({id(card) for card in lone})
        main_controls = [el for el in main_controls if _card_of(el) is None]
    view.review_form = any(_is_review_form(form) for form in body.iter("form") if not _hidden(form)
                           and not _in_chrome(form))
    view.buy_in_cards = len(controls) - len(main_controls)
    view.buy_controls = len(main_controls)
    for anchor in body.iter("a"):
        href = (anchor.get("href") or "").lower()
        words = " ".join((_label(anchor), anchor.get("class") or "", href))
        if lexicon.matches("cart", words) or lexicon.matches("slug_cart", href, whole=True):
            view.basket_link = True
            break
    if main_controls:
        view.main_price = _price_near(main_controls[0], card_ids)
        scope = _form_of(main_controls[0])
        scope = scope if scope is not None else main_controls[0].getparent()
        view.pickers = _pickers(scope, body)
        view.gallery = any(
            _GALLERY_RE.search(" ".join((el.get("class") or "", el.get("id") or "")))
            and len(el.xpath(".//img")) >= 1 for el in body.iter("div", "ul", "section", "figure")
            if not _inside(el, card_ids)) or len([i for i in body.iter("img") if not _inside(i, card_ids)]) >= 3
    if view.looks_like_product:
        view.reasons.append(f"a price ({view.main_price}) next to an add-to-basket control")
        if view.pickers:
            view.reasons.append("option pickers: " + ", ".join(view.pickers))
        if view.gallery:
            view.reasons.append("an image gallery")
    if view.looks_like_listing:
        view.reasons.append(f"a grid of {view.card_count} product cards ({view.card_pattern})"
                            if view.card_count >= MIN_CARDS else
                            f"{view.linked_cards} product card(s) linking to their product, each with its own "
                            "add-to-basket button")
    return view


def basket_button(root: Any) -> str:
    """The accessible name of a control that is a way to the basket without being a link to it: a header button
    (or ``role=button``, ``<summary>``) named or classed as the basket, or any button that opens a mini-cart
    drawer (``aria-haspopup``/``aria-controls``/``aria-expanded``); '' when there is none. Add-to-basket
    controls are not it. ``root``: the page's parsed tree (the shared page document's), or None."""
    if root is None:
        return ""
    for el in root.xpath("//button|//summary|//*[@role='button']|//a[not(@href) or @href='#' or "
                         "starts-with(@href, 'javascript')]"):
        if _hidden(el) or is_buy_control(el):
            continue
        name = _norm(el.get("aria-label") or _label(el))  # the accessible name: aria-label over the content
        words = " ".join((name, el.get("class") or "", el.get("id") or "", el.get("aria-controls") or ""))
        if not lexicon.matches("cart", words):
            continue
        popup = any(el.get(attr) is not None for attr in ("aria-haspopup", "aria-controls", "aria-expanded"))
        if popup or _in_chrome(el):
            return name or (el.get("class") or el.tag)
    return ""


def _is_review_form(form: Any) -> bool:
    """A form to write a review, open on the page: a text box and a rating field (named or labelled as one, or a
    radio group or select of the numbers 1-5/1-10)."""
    if not any(not _hidden(t) for t in form.iter("textarea")):
        return False
    fields = [el for el in form.iter("input", "select") if (el.get("type") or "").lower() != "hidden"]
    if any(_RATING_RE.search(" ".join((el.get("name") or "", el.get("id") or ""))) for el in fields):
        return True
    groups: dict[str, list[str]] = {}
    for el in form.iter("input"):
        if (el.get("type") or "").lower() == "radio":
            groups.setdefault(el.get("name") or "", []).append((el.get("value") or "").strip())
    for el in form.iter("select"):
        groups[el.get("name") or ""] = [(o.get("value") or "").strip() for o in el.iter("option") if o.get("value")]
    return any(len(values) >= 3 and all(v.isdigit() and 0 <= int(v) <= 10 for v in values)
               for values in groups.values())


_TITLE_LINK = ".//a[@href and @href!='#' and (ancestor::h2 or ancestor::h3 or ancestor::h4 or ancestor::h5 or " \
              "ancestor::h6 or .//h2 or .//h3 or .//h4 or .//h5 or .//h6)]"


def _card_of(control: Any) -> Any:
    """The product card an add-to-basket control sits in when it is no product page's main control: the
    nearest card-sized block around it that holds a price and a link on the product's name (a heading link to
    the product page); none when a main heading (h1) comes first, as on a product page."""
    node = control.getparent()
    for _ in range(6):
        if node is None or not isinstance(node.tag, str) or node.tag in ("body", "html", "main"):
            return None
        if node.tag == "h1" or node.find(".//h1") is not None:
            return None
        text = _text(node)
        if len(text) > 600 or len(PRICE_RE.findall(text)) > 3:
            return None
        if PRICE_RE.search(text) and any(not ADD_URL_RE.search(a.get("href") or "") for a in node.xpath(_TITLE_LINK)):
            return node
        node = node.getparent()
    return None


def _visible_texts(el: Any) -> list[str]:
    out: list[str] = []
    if not isinstance(el.tag, str) or el.tag in ("script", "style", "template", "noscript"):
        return out
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(el.get("style") or ""):
        return out
    if el.text:
        out.append(el.text)
    for child in el:
        out.extend(_visible_texts(child))
        if child.tail:
            out.append(child.tail)
    return out


def _price_near(control: Any, card_ids: set[int]) -> str:
    """The price nearest an add-to-basket control: in its form or the closest ancestor (up to eight levels)
    that holds a price, outside product cards."""
    node = control.getparent()
    for _ in range(8):
        if node is None or not isinstance(node.tag, str) or node.tag == "html":
            return ""
        if not _inside(node, card_ids):
            text = " ".join(t for t in (_norm(x) for x in _visible_texts(node)) if t)
            prices = PRICE_RE.findall(text)
            if prices:
                return _norm(prices[0])
        node = node.getparent()
    return ""


def _pickers(scope: Any, body: Any) -> list[str]:
    """The kinds of option picker around the main buy control."""
    kinds: list[str] = []
    area = scope
    for _ in range(3):  # the pickers may sit beside the form, in the product's info column
        if area.getparent() is not None and area.getparent().tag != "body":
            area = area.getparent()
    if area.xpath(".//select"):
        kinds.append("select")
    if area.xpath(".//input[@type='radio']"):
        kinds.append("radios")
    if area.xpath(".//*[@role='radiogroup' or @role='listbox']"):
        kinds.append("aria")
    buttons = [b for b in area.xpath(".//button|.//a|.//li|.//span|.//label")
               if _PICKER_RE.search(" ".join((b.get("class") or "", b.get("data-option") or "", b.get("name") or "")))]
    if len(buttons) >= 2:
        kinds.append("buttons")
    return kinds
