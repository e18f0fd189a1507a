"""Decide a page's type (home, category, product, cart, checkout, policy, contact, faq, other).

Evidence in order of trust: structured data (schema.org types, og:type), what a shopper sees on the page
(:mod:`auditor.pageview`: a main price beside an add-to-basket control, a grid of product cards), then the URL
path (slugs in our languages, ASCII as stores write them), then the title and main heading (lexicon terms).
Each decision
carries its reasons, which the artifacts keep so a surprising type can be explained.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from auditor import lexicon
from auditor.analysis.site import bare_host
from auditor.analysis.structured import node_types, walk_nodes

if TYPE_CHECKING:
    from auditor.model import PageType

PRODUCT_TYPES = {"product", "productgroup", "individualproduct", "productmodel", "car", "book", "vehicle"}
LISTING_TYPES = {"collectionpage", "itemlist", "offercatalog", "searchresultspage"}
FAQ_TYPES = {"faqpage", "qapage"}
CONTACT_TYPES = {"contactpage"}


def structured_types(structured: dict[str, Any]) -> set[str]:
    types: set[str] = set()
    for node in walk_nodes([structured.get("json-ld", []), structured.get("microdata", [])]):
        types |= node_types(node)
    for og in structured.get("opengraph", []) or []:  # extruct's uniform OpenGraph: {"@type": "product", …}
        if isinstance(og, dict) and isinstance(og.get("@type"), str):
            types.add(f"og:{og['@type'].lower()}")
    for og in structured.get("opengraph", []) or []:
        props = og.get("properties", []) if isinstance(og, dict) else []
        for prop in props:
            if isinstance(prop, (list, tuple)) and len(prop) == 2 and prop[0] == "og:type":
                types.add(f"og:{str(prop[1]).lower()}")
    return types


def _path(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path or "/").lower() + ("?" + parts.query.lower() if parts.query else "")


SLUG_ORDER: list[tuple[PageType, str, bool]] = [
    # (page type, lexicon group, whole-word match)
    ("cart", "slug_cart", True),
    ("checkout", "slug_checkout", True),
    ("contact", "slug_contact", True),
    ("faq", "slug_faq", False),
    ("policy", "slug_returns", False),
    ("policy", "slug_policy", False),
    ("product", "slug_product", False),
    ("category", "slug_category", False),
]

TEXT_ORDER: list[tuple[PageType, str]] = [
    ("cart", "cart"),
    ("checkout", "checkout"),
    ("contact", "contact"),
    ("faq", "faq"),
    ("policy", "returns"),
    ("policy", "policy"),
]


def is_home(url: str, home_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(home_url)
    same_path = (a.path or "/").rstrip("/") == (b.path or "/").rstrip("/")
    return bare_host(a.hostname) == bare_host(b.hostname) and same_path and not a.query


def classify(
    url: str,
    home_url: str,
    title: str = "",
    headings: list[str] | None = None,
    structured: dict[str, Any] | None = None,
    html: str | None = None,
) -> tuple[str, list[str]]:
    """Return ``(page_type, reasons)``; see :func:`classify_page`."""
    page_type, reasons, _ = classify_page(url, home_url, title, headings, structured, html)
    return page_type, reasons


def classify_page(
    url: str,
    home_url: str,
    title: str = "",
    headings: list[str] | None = None,
    structured: dict[str, Any] | None = None,
    html: str | None = None,
    view: Any = None,
) -> tuple[PageType, list[str], float]:
    """Return ``(page_type, reasons, confidence)``.

    Evidence by trust: structured data naming a product; what a shopper sees (``html``: one main price next to
    an add-to-basket control is a product page, a grid of product cards a category, see
    :mod:`auditor.pageview`); structured data of other types; URL words (the path only: a query string's
    words are filters, not the page's kind); the title and main heading. ``view``: the page's
    :func:`auditor.pageview.shopper_view` when the caller has it already (else it is read from ``html``).
    """
    if is_home(url, home_url):
        return "home", ["the start page"], 1.0
    types = structured_types(structured or {})
    if view is None and html:
        from auditor.pageview import shopper_view

        view = shopper_view(html)
    if view is not None and view.review_form:
        # a product shown again around an open form to write its review (django-oscar's /reviews/add/): the
        # product's page is elsewhere; this one is for writing a review
        return "other", ["an open form to write a review (a rating field and a text box)"], 0.6
    if types & PRODUCT_TYPES or "og:product" in types or "og:product.item" in types:
        found = sorted(types & PRODUCT_TYPES) or ["og:product"]
        reasons = [f"structured data: {found[0]}"]
        if view is not None and view.looks_like_product:
            return "product", reasons + view.reasons, 0.98
        if view is not None and view.looks_like_listing and not view.buy_controls:
            # a listing that marks up its products (one Product per card) is a category, not one product
            return "category", view.reasons + [f"structured data {found[0]} on every card"], 0.7
        return "product", reasons, 0.9
    path = _path(url)
    bare_path = unquote(urlsplit(url).path or "/").lower()
    for page_type, group, whole in SLUG_ORDER[:2]:  # cart and checkout pages also show prices and buttons
        if lexicon.matches(group, path, whole=whole):
            return page_type, [f"URL path matches {group.removeprefix('slug_')}"], 0.8
    if view is not None and view.looks_like_product:
        return "product", view.reasons, 0.85 + (0.05 if view.pickers else 0) + (0.05 if view.gallery else 0)
    if types & FAQ_TYPES:
        return "faq", ["structured data: FAQPage"], 0.9
    if types & CONTACT_TYPES:
        return "contact", ["structured data: ContactPage"], 0.9
    if view is not None and view.looks_like_listing:
        return "category", view.reasons, 0.8
    for page_type, group, whole in SLUG_ORDER[2:]:
        where = bare_path if page_type in ("product", "category") else path
        if lexicon.matches(group, where, whole=whole):
            return page_type, [f"URL path matches {group.removeprefix('slug_')}"], 0.5
    if types & LISTING_TYPES:
        return "category", [f"structured data: {sorted(types & LISTING_TYPES)[0]}"], 0.7
    main_heading = (headings or [""])[0] if headings else ""
    for source, text in (("title", title), ("heading", main_heading)):
        for page_type, group in TEXT_ORDER:
            if lexicon.matches(group, text):
                return page_type, [f"{source} matches {group}"], 0.4
    return "other", [], 0.0
