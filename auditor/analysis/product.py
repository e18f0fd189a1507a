"""What a product page sells: its name, breadcrumbs, kind (apparel, bag, electronics, furniture, accessory) and
size selector, decided once on the page's parsed document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from auditor import lexicon
from auditor.analysis.document import PageDocument, document
from auditor.analysis.html import attrs_text, inner_text, lexicon_slug, tag_of
from auditor.analysis.language import lang_of
from auditor.analysis.structured import node_types, product_nodes, text_values, walk_nodes
from auditor.analysis.text import has, slug_text, term_pattern, url_path
from auditor.model import Artifacts, PageArtifact


def product_name(page: PageArtifact) -> str:
    for node in product_nodes(page.structured):
        names = text_values(node.get("name"))
        if names:
            return names[0].strip()
    if page.headings:
        return page.headings[0]
    return page.title


def breadcrumbs(page: PageArtifact, tree: Any = None) -> list[str]:
    """Breadcrumb labels, from BreadcrumbList structured data, else from a breadcrumb navigation."""
    crumbs: list[str] = []
    for syntax in ("json-ld", "microdata"):
        for node in walk_nodes(page.structured.get(syntax, [])):
            if "breadcrumblist" in node_types(node):
                items = node.get("itemListElement") or []
                for item in items if isinstance(items, list) else [items]:
                    if isinstance(item, dict):
                        crumbs += text_values(item.get("name")) or text_values(item.get("item"))
    if not crumbs and tree is not None:
        for el in tree.iter():
            if isinstance(el.tag, str) and "breadcrumb" in attrs_text(el):
                crumbs = [line for line in inner_text(el).splitlines() if line.strip() not in ("/", ">", "»", "›")]
                break
    return [c.strip() for c in crumbs if c and c.strip()]


KIND_ORDER = (
    ("bag", "kind_bag", "slug_bags"),
    ("electronics", "kind_electronics", "slug_electronics"),
    ("furniture", "kind_furniture", "slug_furniture"),
    ("apparel", "kind_apparel", "slug_apparel"),
    ("accessory", "kind_accessory", ""),
)


@dataclass
class ProductKind:
    kind: str  # apparel, bag, electronics, furniture, accessory or other
    source: str = ""  # where: name, structured category, breadcrumbs, category page, category URL
    term: str = ""  # the word that decided it
    text: str = ""  # the text it was found in

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "source": self.source, "term": self.term, "text": self.text[:160]}


def _kind_of_text(text: str, lang: str | None, slug: bool = False) -> tuple[str, str] | None:
    for kind, words, slugs in KIND_ORDER:
        if slug:
            if not slugs:
                continue
            m = lexicon.pattern(slugs).search(text)
        else:
            m = term_pattern(words, lang).search(text)
        if m:
            rest = re.match(r"[\w-]*", text[m.end() :])
            return kind, m.group(0) + (rest.group(0) if rest else "")
    return None


_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]\s+|\s*[|·]\s*")


def own_title(artifacts: Artifacts, page: PageArtifact) -> str:
    """A page's title without what every page's title carries: the shop's name and tagline ("Shirts – Oscar
    shop: clothing, books and more" → "Shirts"), i.e. the title segments the home page's title has too."""
    home = artifacts.home()
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page.title or "") if p.strip()]
    if home is None or home is page or not home.title:
        return parts[0] if parts else ""
    home_parts = {p.strip().lower() for p in _TITLE_SEPARATORS.split(home.title) if p.strip()}
    kept = [p for p in parts if p.lower() not in home_parts and p.lower() not in home.title.lower()]
    return " ".join(kept)


def product_kind(artifacts: Artifacts | None, page: PageArtifact) -> ProductKind:
    """What kind of product a page sells, from its most specific evidence first.

    Sources in order: the product name, the structured-data category, breadcrumbs (nearest first), the title
    and heading of the category page it was reached from, that category page's URL. In each source bags and
    electronics are looked for before furniture, apparel and accessories (scarves, hats, belts, jewellery
    other than rings), so a "shoe bag" is a bag and never needs a size chart. The first source that names a
    kind decides.
    """
    lang = lang_of(page)
    sources: list[tuple[str, str, bool]] = [("name", product_name(page), False)]
    for node in product_nodes(page.structured):
        for cat in text_values(node.get("category")):
            sources.append(("structured category", cat, False))
    for crumb in reversed(breadcrumbs(page, document(artifacts, page).tree)):  # the nearest category first
        sources.append(("breadcrumbs", crumb, False))
    if page.category_hint and artifacts is not None:
        for other in artifacts.pages:
            if other.final_url == page.category_hint or other.url == page.category_hint:
                sources.append(("category page", " / ".join([*other.headings[:1], own_title(artifacts, other)]), False))
                break
    if page.category_hint:
        sources.append(("category URL", url_path(page.category_hint), True))
    for source, text, slug in sources:
        if not text:
            continue
        found = _kind_of_text(text, lang, slug)
        if found:
            return ProductKind(found[0], source, found[1], text)
    return ProductKind("other")


# --- size selectors

_LETTER = r"(?:\d?X{0,4}[SL]|M|\d?XL|XXS|XS)"
_LETTER_SIZE = re.compile(rf"{_LETTER}(?:\s*/\s*{_LETTER})?", re.IGNORECASE)
_PREFIXED_SIZE = re.compile(
    r"(?:(?:EU|UK|US|FR|IT|DE)\s?\d{1,2}(?:[.,]5|\s?[12]/3)?|\d{1,2}(?:[.,]5)?\s?(?:EU|UK|US))", re.IGNORECASE
)
_NUMERIC_SIZE = re.compile(r"\d{1,3}(?:[.,]5|\s?[12]/3)?|W\d{2}\s?L\d{2}|\d{2}/\d{2}", re.IGNORECASE)


def size_token(text: str, labelled: bool) -> str:
    """'letter', 'prefixed' or 'numeric' when ``text`` is a clothing size ('' otherwise).

    Numbers alone (36, 42.5, 128) count only when the selector is labelled as a size selector.
    """
    value = re.sub(r"\([^)]*\)", "", text or "").strip().strip(":").strip()
    if not value or len(value) > 12:
        return ""
    if _LETTER_SIZE.fullmatch(value):
        return "letter"
    if _PREFIXED_SIZE.fullmatch(value):
        return "prefixed"
    if labelled and _NUMERIC_SIZE.fullmatch(value):
        return "numeric"
    return ""


@dataclass
class SizeSelector:
    kind: str  # select, radio, buttons, form field, structured data
    label: str = ""
    options: list[str] = field(default_factory=list)
    elements: list[Any] = field(default_factory=list, repr=False)  # what a shopper sees of it (its box)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label[:80], "options": self.options[:20]}


def _sizes_in(options: list[str], labelled: bool) -> list[str]:
    return [o for o in options if size_token(o, labelled)]


def _is_size_set(options: list[str], labelled: bool) -> bool:
    sizes = _sizes_in(options, labelled)
    real = [o for o in options if o and re.search(r"\w", o)]
    if labelled:
        return len(sizes) >= 2
    letters = [o for o in sizes if size_token(o, False) in ("letter", "prefixed")]
    return len(letters) >= 2 and len(letters) * 2 >= len(real)


def _label_for(tree: Any, el: Any) -> str:
    parts = []
    el_id = el.get("id")
    if el_id:
        for label in tree.iter("label"):
            if label.get("for") == el_id:
                parts.append(inner_text(label))
    for anc in el.iterancestors():
        if tag_of(anc) == "label":
            parts.append(inner_text(anc))
            break
        if tag_of(anc) == "fieldset":
            legend = anc.find("legend")
            if legend is not None:
                parts.append(inner_text(legend))
            break
    parts.append(el.get("aria-label") or "")
    return " ".join(p for p in parts if p).strip()


def size_selector(doc: PageDocument) -> SizeSelector | None:
    """The product page's size selector: a select, radio group or button group of sizes (S/M/L, EU 38,
    UK 8, or numbers under a size label), a form field labelled as a size, or a size in structured data.

    In the page's HTML the first one a shopper saw is taken (rendered when the page was read), in that order of
    kinds; else the first one in the markup (a native select hidden behind custom buttons still says sizes)."""
    first = None
    for found in _html_size_selectors(doc):
        if any(doc.rendered(el) for el in found.elements):
            return found
        first = first or found
    if first is not None:
        return first
    page = doc.page
    for form in page.forms:
        for fld in form.fields:
            if _labelled(doc.lang, fld.label, fld.name):
                return SizeSelector("form field", fld.label or fld.name)
    for node in doc.products:
        sizes = text_values(node.get("size"))
        varies = " ".join(text_values(node.get("variesBy")))
        variants = node.get("hasVariant")
        for variant in variants if isinstance(variants, list) else [variants]:
            if isinstance(variant, dict):
                sizes += text_values(variant.get("size"))
        if sizes or "size" in varies.lower():
            return SizeSelector("structured data", "size", list(dict.fromkeys(sizes)))
    return None


def _label_elements(tree: Any, el: Any) -> list[Any]:
    """The labels of a form control: ``<label for=its id>`` and the label around it."""
    found = [lab for lab in tree.iter("label") if el.get("id") and lab.get("for") == el.get("id")]
    wrap = next((anc for anc in el.iterancestors() if tag_of(anc) == "label"), None)
    return found + ([wrap] if wrap is not None else [])


def _labelled(lang: str | None, *texts: str) -> bool:
    return any(has("size_word", t, lang) for t in texts if t) or any(
        lexicon_slug("slug_size", slug_text(t)) for t in texts if t
    )


def _html_size_selectors(doc: PageDocument) -> Iterator[SizeSelector]:
    """Size selectors in the page's own content, in the order select, radio group, labelled buttons, buttons."""
    tree, lang = doc.tree, doc.lang
    if tree is None:
        return
    content = doc.content_root
    for select in content.iter("select"):
        label = _label_for(tree, select)
        options = [inner_text(o) or (o.get("value") or "") for o in select.iter("option")]
        is_labelled = _labelled(lang, label, attrs_text(select))
        if _is_size_set(options, is_labelled):
            yield SizeSelector("select", label or select.get("name", ""), _sizes_in(options, is_labelled), [select])
    groups: dict[str, list[Any]] = {}
    for radio in content.iter("input"):
        if (radio.get("type") or "").lower() != "radio":
            continue
        groups.setdefault(radio.get("name", ""), []).append(radio)
    for name, radios in groups.items():
        options = [(_label_for(tree, r) or r.get("value") or "").strip() for r in radios]
        legend, fieldset = "", None
        for anc in radios[0].iterancestors():
            if tag_of(anc) == "fieldset":
                fieldset = anc
                found = anc.find("legend")
                legend = inner_text(found) if found is not None else ""
                break
        is_labelled = _labelled(lang, name, legend)
        if _is_size_set(options, is_labelled):
            labels = [lab for r in radios for lab in _label_elements(tree, r)]
            shown = [fieldset] if fieldset is not None and doc.rendered(fieldset) else [*radios, *labels]
            yield SizeSelector("radio", legend or name, _sizes_in(options, is_labelled), shown)
    for el in content.iter():
        tag = tag_of(el)
        if not tag or tag in ("select", "option", "input", "html", "body", "main"):
            continue
        own = (el.text or "").strip()
        container = None
        label = ""
        if own and len(own) <= 30 and has("size_word", own, lang) and el.getparent() is not None:
            container, label = el.getparent(), own
        elif lexicon_slug("slug_size", attrs_text(el)) or has("size_word", el.get("aria-label") or "", lang):
            container, label = el, el.get("aria-label") or el.get("class") or ""
        if container is None:
            continue
        options = list(
            dict.fromkeys(
                inner_text(child)
                for child in container.iter("button", "a", "li", "span", "label")
                if child is not el and len(inner_text(child)) <= 12
            )
        )
        if _is_size_set(options, True):
            yield SizeSelector("buttons", label, _sizes_in(options, True), [container])
    for el in content.iter():
        choices = [inner_text(c) for c in el if tag_of(c) in ("button", "a", "li", "label", "span")]
        if len(choices) >= 2 and _is_size_set(list(dict.fromkeys(choices)), False):
            yield SizeSelector("buttons", attrs_text(el), _sizes_in(choices, False), [el])
