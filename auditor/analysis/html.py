"""A page's HTML read as a shopper sees it: one parser (lxml), one HTML-to-text (:func:`inner_text`), the page's
own content (:func:`content_root`, without header, navigation and footer) and a product's own content
(:func:`product_root`, without blocks of other products). The per-page document (:mod:`auditor.analysis.document`)
calls each of these once per page; a check never parses."""

from __future__ import annotations

import copy
import re
from typing import Any

from auditor import lexicon
from auditor.analysis.text import slug_text

BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "button",
    "label",
    "caption",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "title", "meta", "link"}
CHROME_TAGS = ("header", "nav", "footer")
CHROME_ROLES = ("banner", "navigation", "contentinfo")


def parse_html(html: str) -> Any:
    """An lxml tree of a page's HTML, or None. An open shadow root the crawl saved as declarative shadow DOM
    (``<template shadowrootmode="open">`` first in its host, as Chromium serialises it) is read as the host's
    content: the template's children take its place, before the host's own (slotted) children."""
    if not html or not html.strip():
        return None
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:
        return None
    if "shadowrootmode" in html:
        for template in tree.xpath("//template[@shadowrootmode='open']"):
            template.drop_tag()
    return tree


def tag_of(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


_SOURCE_BREAK = re.compile(r"[\r\n]+")


def inner_text(el: Any) -> str:
    """Visible-ish text of an element with line breaks at block boundaries (like the browser's innerText).

    A line break inside the HTML source of a paragraph is white space, as in a browser: a sentence wrapped over
    two source lines stays one line (only ``<pre>`` keeps its breaks)."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node: Any, pre: bool = False) -> None:
        tag = tag_of(node)
        if not tag or tag in SKIP_TAGS:
            return
        pre = pre or tag in ("pre", "textarea")
        flat = (lambda s: s) if pre else (lambda s: _SOURCE_BREAK.sub(" ", s))
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if tag in ("td", "th"):
            parts.append("\t")
        if node.text:
            parts.append(flat(node.text))
        for child in node:
            walk(child, pre)
            if child.tail:
                parts.append(flat(child.tail))
        if block:
            parts.append("\n")

    walk(el)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).splitlines()]
    return "\n".join(line for line in lines if line)


def attrs_text(el: Any) -> str:
    """class, id, name, itemprop, role, aria-label and data-* attributes of an element, as slug text (not the
    ``data-cc`` id the crawl stamps)."""
    values = [
        v
        for k, v in el.attrib.items()
        if k in ("class", "id", "name", "itemprop", "role", "aria-label", "title")
        or (k.startswith("data-") and k != "data-cc")
    ]
    return slug_text(" ".join(values))


def is_chrome(el: Any) -> bool:
    """A header, navigation or footer element."""
    return tag_of(el) in CHROME_TAGS or el.get("role") in CHROME_ROLES


def _strip_chrome(root: Any) -> Any:
    root = copy.deepcopy(root)
    for el in [e for e in root.iter() if isinstance(e.tag, str) and is_chrome(e)]:
        if el.getparent() is not None:
            el.drop_tree()
    return root


def content_root(tree: Any) -> Any:
    """The page's own content: ``<main>`` (or the body) without header, navigation and footer."""
    if tree is None:
        return None
    root = _strip_chrome(tree)
    for el in root.iter():
        if isinstance(el.tag, str) and (tag_of(el) == "main" or el.get("role") == "main"):
            return el
    body = root.find("body")
    return body if body is not None else root


def product_root(content: Any) -> Any:
    """A product page's own content: a :func:`content_root` (a copy, changed in place) without blocks of other
    products."""
    if content is None:
        return None
    for el in [
        e
        for e in content.iter()
        if isinstance(e.tag, str) and e is not content and lexicon_slug("slug_related", attrs_text(e))
    ]:
        if el.getparent() is not None:
            el.drop_tree()
    return content


def related_block(el: Any) -> bool:
    """Is the element inside a block of other products (related, recommended, recently viewed…)?"""
    for anc in [el, *el.iterancestors()]:
        if isinstance(anc.tag, str) and lexicon_slug("slug_related", attrs_text(anc)):
            return True
    return False


def lexicon_slug(group: str, value: str) -> bool:
    return bool(value) and lexicon.matches(group, value)
