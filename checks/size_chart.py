"""size-chart: every product a shopper must pick a size of shows a size chart on its page.

What it checks
    For each sampled product page, first whether the product needs a size chart, then whether the page
    offers one.

    *Needs one* — apparel, footwear, rings, gloves. Read, most specific first, from the product name, the
    structured-data category, the breadcrumbs, the category page the product was reached from and that
    page's URL (``auditor.analysis.product.product_kind``), in the page's language (en, pl, uk, ru, sk, cs, de). A
    product whose kind is not named anywhere still needs one when its page has a size selector: a
    ``<select>``, radio group or button group of sizes (S/M/L/XL, EU 36–46, UK 8, US 10, or plain numbers
    under a label such as "Size", "Rozmiar", "Розмір", "Размер", "Veľkosť", "Velikost", "Größe"). Bags,
    electronics and furniture never need one, whatever selector they have: those words are looked for
    before the apparel words in every source ("shoe bag" is a bag). Accessories (scarves, hats, belts,
    jewellery other than rings) need one only when they are sold in sizes through such a selector.

    *Has one* — any of: a link, button or toggle on the product page (not in header, navigation or footer)
    whose text is a size-guide phrase in any of our languages ("Size guide", "Tabela rozmiarów",
    "Таблиця розмірів", "Таблица размеров", "Tabuľka veľkostí", "Tabulka velikostí", "Größentabelle"), a link
    to a size-guide page (URL such as ``/size-guide``, ``/tabela-rozmiarow``, ``/groessentabelle``), or a table
    in the product page whose first row or column lists at least ``min_table_sizes`` sizes, or that has a
    size column and a measurement column (chest, waist, "obwód", "талія", "Brust"…) — a modal opened by a
    button is found this way too, since its HTML is saved with the page — or a line of the product's text that
    names a size guide and gives measurements for at least ``min_table_sizes`` sizes ("Size guide: S chest
    92 cm; M chest 100 cm; L chest 108 cm").

    Rule:

    * ``size-chart-missing`` (high) per product that needs a chart and has none. It is ``medium`` when the
      store has a size guide elsewhere (a header/navigation/footer link or a crawled size-guide page) that the
      product page does not link next to the product.

    Not applicable when no product page was crawled or none of the sampled products needs a chart.

Why it matters
    "Which EU size is an M?" is one of the most frequent questions to apparel stores' support, and wrong
    sizes are the first reason for returns of clothing and shoes. A shopper who cannot check their size
    either leaves, or orders two sizes and returns one — a cost for the store and a parcel for nothing.

Failing example
    ``/p/summer-dress`` — JSON-LD Product "Sukienka letnia", category "Odzież > Sukienki", a ``<select>`` labelled
    "Rozmiar" with S, M, L, XL, and no size-guide link, button or table → ``size-chart-missing`` (high) with
    the product URL, the selector and what was looked for as evidence, and the selector's ``box`` in the page's
    screenshot when it is in view (the report crops the screenshot to it).

Passing example
    The same page with a button "Tabela rozmiarów" that opens a dialog with a table
    (Rozmiar | Obwód klatki | Talia — S | 84–88 | 66–70 …) → pass. A leather tote bag with a "Size: S/M"
    selector → not applicable (bags never need a chart).

Options
    ``min_table_sizes`` (default 3): sizes a table's first row or column must list to count as a size chart.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from auditor import lexicon
from auditor.analysis.document import PageDocument, document
from auditor.analysis.html import inner_text, lexicon_slug, tag_of
from auditor.analysis.language import lang_of
from auditor.analysis.product import ProductKind, SizeSelector, product_kind, product_name, size_selector, size_token
from auditor.analysis.text import has, looked_for, url_path
from auditor.model import Artifacts, CheckResult
from checks.base import T, finding, not_applicable, not_seen, result

ID = "size-chart"
TITLE = T('Size chart on products that come in sizes')
CATEGORY = "product"
SEVERITIES = ["high", "medium"]
DEFAULT_OPTIONS: dict[str, Any] = {"min_table_sizes": 3}

WHY = (T('Shoppers who cannot check which size fits ask support, order two sizes and return one, or leave: wrong '
         'size is the first reason clothing and shoes are sent back.'))
CHROME_REGIONS = ("header", "nav", "footer")
CLICKABLE = ("a", "button", "summary")


def _size_table(table: Any, lang: str | None, min_sizes: int) -> str:
    """The header text of ``table`` when it is a size chart, else ''."""
    rows = []
    for tr in table.iter("tr"):
        cells = [inner_text(c).replace("\n", " ") for c in tr if tag_of(c) in ("td", "th")]
        if cells:
            rows.append(cells)
    if len(rows) < 2:
        return ""
    header, first_column = rows[0], [r[0] for r in rows]
    labelled = any(has("size_word", c, lang) for c in header + first_column)
    for cells in (header, first_column):
        if len({c for c in cells if size_token(c, labelled)}) >= min_sizes:
            return " | ".join(header)[:160]
    if labelled and any(has("size_measure", c, lang) for c in header + first_column):
        return " | ".join(header)[:160]
    return ""


# a size with its measurements: "S chest 92 cm", "M: 100 cm", "EU 38 – 24,5 cm"
_MEASURED_SIZE = re.compile(r"(?<![\w-])(XXS|XS|S|M|L|XL|XXL|XXXL|[2-6]XL|(?:EU|UK|US)\s?\d{1,2})(?![\w-])"
                            r"[^;\n\d]{0,40}\d+(?:[.,]\d+)?\s?(?:cm|mm|in|inch|\")")


def _clickable(el: Any) -> bool:
    if tag_of(el) in CLICKABLE or el.get("role") == "button" or el.get("onclick") is not None:
        return True
    if el.get("aria-controls") or el.get("aria-haspopup"):
        return True
    return any(k.startswith("data-") and any(w in k for w in ("toggle", "target", "modal", "popup", "open"))
               for k in el.attrib)


def _is_guide_link(text: str, url: str, lang: str | None) -> bool:
    return has("size_guide", text, lang) or lexicon_slug("slug_size_guide", url_path(url))


def find_chart(doc: PageDocument, min_sizes: int) -> dict[str, str] | None:
    """How the product page offers a size chart (link, button, table, text), or None."""
    page, lang = doc.page, doc.lang
    for link in page.links:
        if link.region not in CHROME_REGIONS and _is_guide_link(link.text, link.url, lang):
            return {"how": "link", "text": link.text, "url": link.url}
    if doc.tree is not None:
        root = doc.product_root
        for el in root.iter():
            if not isinstance(el.tag, str) or not _clickable(el):
                continue
            label = " ".join(x for x in (inner_text(el), el.get("aria-label") or "", el.get("title") or "") if x)
            if len(label) <= 80 and has("size_guide", label, lang):
                return {"how": "button", "text": label.strip()}
        for table in root.iter("table"):
            header = _size_table(table, lang, min_sizes)
            if header:
                return {"how": "table", "text": header}
        for line in doc.product_text.splitlines():  # a size guide written out in the description
            if len(line) <= 600 and has("size_guide", line, lang) and \
                    len({m.group(1) for m in _MEASURED_SIZE.finditer(line)}) >= min_sizes:
                return {"how": "text", "text": line.strip()[:160]}
        return None
    for line in doc.content_text.splitlines():
        if len(line) <= 60 and has("size_guide", line, lang):
            return {"how": "text", "text": line.strip()}
    return None


def store_guide(artifacts: Artifacts) -> dict[str, str] | None:
    """A size guide elsewhere in the store: a header/navigation/footer link or a crawled size-guide page."""
    for page in artifacts.ok_pages():
        lang = lang_of(page)
        if page.page_type != "product" and (
                lexicon_slug("slug_size_guide", url_path(page.final_url))
                or has("size_guide", " ".join([page.title, *page.headings[:1]]), lang)):
            return {"how": "page", "url": page.final_url, "text": page.title}
    for page in artifacts.ok_pages():
        lang = lang_of(page)
        for link in page.links:
            if link.region in CHROME_REGIONS and _is_guide_link(link.text, link.url, lang):
                return {"how": f"{link.region} link", "url": link.url, "text": link.text}
    return None


def needs_chart(kind: ProductKind, selector: SizeSelector | None) -> tuple[bool, str]:
    if kind.kind in ("bag", "electronics", "furniture"):
        return False, f"a {kind.kind} product ({kind.source}: “{kind.term}”)"
    if kind.kind == "apparel":
        return True, f"apparel ({kind.source}: “{kind.term}”)"
    if selector is not None and (selector.kind in ("select", "radio", "buttons") or selector.options):
        return True, f"a size selector ({selector.kind}: {', '.join(selector.options[:6]) or selector.label})"
    return False, "no apparel word and no size selector"


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    products = artifacts.pages_of("product")
    if not products:
        return not_seen(module, artifacts, T('No product page was crawled, so no size chart could be looked for.'))
    min_sizes = int(options["min_table_sizes"])
    elsewhere = store_guide(artifacts)
    rows: list[dict[str, Any]] = []
    findings = []
    for page in products:
        doc = document(artifacts, page)
        lang = doc.lang
        kind = product_kind(artifacts, page)
        selector = size_selector(doc)
        needed, reason = needs_chart(kind, selector)
        chart = find_chart(doc, min_sizes) if needed else None
        name = product_name(page)
        rows.append({"url": page.final_url, "name": name, "lang": lang or "", "kind": kind.as_dict(),
                     "needs_chart": needed, "reason": reason,
                     "selector": selector.as_dict() if selector else None, "chart": chart})
        if not needed or chart:
            continue
        severity = "medium" if elsewhere else "high"
        wanted = [
            "a link or button named like: " + ", ".join(f"“{t}”" for t in looked_for("size_guide", lang, 4)),
            "a table with size columns (S/M/L, EU/UK/US sizes) in the product page",
            "a link to a size-guide page",
        ]
        where = (T(' The store has a size guide ({elsewhere}: {elsewhere2}), but this page does not link it next to '
                    'the product.', elsewhere=elsewhere['how'], elsewhere2=elsewhere['url']) if elsewhere else (""))
        options_shown = (": " + ", ".join(selector.options[:8])) if selector and selector.options else ""
        findings.append(finding(
            ID, "size-chart-missing", severity, T('No size chart for “{name}”', name=name[:60]),
            T('{final_url} sells {reason}',
              final_url=page.final_url, reason=reason) + (T(' with a size selector ({kind}{options_shown})',
              kind=selector.kind,
              options_shown=options_shown) if selector else ("")) + T(' but offers no size chart or size guide.'
                                                                      ) + where,
            url=page.final_url, key=url_path(page.final_url),
            evidence={"product": name, "url": page.final_url, "kind": kind.as_dict(),
                      "size_selector": selector.as_dict() if selector else None, "looked_for": wanted,
                      "store_size_guide": elsewhere,
                      # where the size selector this finding names is in the page's screenshot, when in view
                      **({"box": box} if (box := doc.box(*selector.elements) if selector else None) else {})},
            why=WHY,
            recommendation=(T('Put a “Size guide” link or button next to the size selector that opens a table of the '
                              'sizes with body measurements in centimetres (chest, waist, hips or foot length) and '
                              'the EU/UK/US equivalents; mark it up as a real <table> so it is readable on phones '
                              'and by assistive technology.')),
        ))
    needing = [r for r in rows if r["needs_chart"]]
    details = {"products": rows, "store_size_guide": elsewhere,
               "looked_for": {"phrases": lexicon.terms("size_guide"), "min_table_sizes": min_sizes}}
    if not needing:
        kinds = sorted({r["kind"]["kind"] for r in rows})
        return not_applicable(module, T('None of the {n_rows} sampled products needs a size chart (kinds: {kinds}).',
                                        n_rows=len(rows), kinds=', '.join(kinds)), details)
    if findings:
        summary = T('{n_findings} of {n_needing} products sold in sizes have no size chart.',
                    n_findings=len(findings), n_needing=len(needing))
    else:
        summary = T('All {n_needing} products sold in sizes offer a size chart.', n_needing=len(needing))
    return result(module, findings, summary, details=details)
