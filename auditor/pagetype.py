"""Decide a page's type (home, category, product, cart, checkout, policy, contact, faq, other).

Evidence in order of trust: structured data (schema.org types, og:type), then the URL path (slugs in our
languages, ASCII as stores write them), then the title and main heading (lexicon terms). Each decision
carries its reasons, which the artifacts keep so a surprising type can be explained.
"""

from __future__ import annotations

from typing import Any, Iterable
from urllib.parse import unquote, urlsplit

from auditor import lexicon

PRODUCT_TYPES = {"product", "productgroup", "individualproduct", "productmodel", "car", "book", "vehicle"}
LISTING_TYPES = {"collectionpage", "itemlist", "offercatalog", "searchresultspage"}
FAQ_TYPES = {"faqpage", "qapage"}
CONTACT_TYPES = {"contactpage"}


def _types_in(node: Any) -> Iterable[str]:
    """Every schema.org @type (lower-case, without URL prefix) in a JSON-LD/microdata tree."""
    if isinstance(node, dict):
        for key in ("@type", "type"):
            value = node.get(key)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, str):
                    yield v.rsplit("/", 1)[-1].lower()
        for key, value in node.items():
            if key not in ("@type", "type"):
                yield from _types_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _types_in(item)


def structured_types(structured: dict[str, Any]) -> set[str]:
    types = set(_types_in(structured.get("json-ld", []))) | set(_types_in(structured.get("microdata", [])))
    for og in structured.get("opengraph", []) or []:
        props = og.get("properties", []) if isinstance(og, dict) else []
        for prop in props:
            if isinstance(prop, (list, tuple)) and len(prop) == 2 and prop[0] == "og:type":
                types.add(f"og:{str(prop[1]).lower()}")
    return types


def _path(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path or "/").lower() + ("?" + parts.query.lower() if parts.query else "")


SLUG_ORDER = [
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

TEXT_ORDER = [
    ("cart", "cart"),
    ("checkout", "checkout"),
    ("contact", "contact"),
    ("faq", "faq"),
    ("policy", "returns"),
    ("policy", "policy"),
]


def is_home(url: str, home_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(home_url)
    strip = lambda h: (h or "").lower().removeprefix("www.")  # noqa: E731
    return strip(a.hostname) == strip(b.hostname) and (a.path or "/").rstrip("/") == (b.path or "/").rstrip("/") \
        and not a.query


def classify(
    url: str,
    home_url: str,
    title: str = "",
    headings: list[str] | None = None,
    structured: dict[str, Any] | None = None,
) -> tuple[str, list[str]]:
    """Return ``(page_type, reasons)``."""
    if is_home(url, home_url):
        return "home", ["the start page"]
    types = structured_types(structured or {})
    if types & PRODUCT_TYPES or "og:product" in types or "og:product.item" in types:
        found = sorted(types & PRODUCT_TYPES) or ["og:product"]
        return "product", [f"structured data: {found[0]}"]
    if types & FAQ_TYPES:
        return "faq", ["structured data: FAQPage"]
    if types & CONTACT_TYPES:
        return "contact", ["structured data: ContactPage"]
    path = _path(url)
    for page_type, group, whole in SLUG_ORDER:
        if lexicon.matches(group, path, whole=whole):
            return page_type, [f"URL path matches {group.removeprefix('slug_')}"]
    if types & LISTING_TYPES:
        return "category", [f"structured data: {sorted(types & LISTING_TYPES)[0]}"]
    main_heading = (headings or [""])[0] if headings else ""
    for source, text in (("title", title), ("heading", main_heading)):
        for page_type, group in TEXT_ORDER:
            if lexicon.matches(group, text):
                return page_type, [f"{source} matches {group}"]
    return "other", []
