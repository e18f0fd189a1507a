"""product-info: each product page answers what shoppers otherwise ask support.

What it checks
    Per sampled product page (structured data, and the saved HTML's own content: header, navigation, footer
    and blocks of other products such as "related" or "polecane" do not count), in the page's language
    (en, pl, uk, ru, sk, cs, de). Rules:

    * ``few-images`` (medium): fewer than ``min_images`` product images. Counted as the larger of the
      distinct images in the JSON-LD/microdata Product ``image`` and the distinct ``<img>`` in the page's
      product gallery (an element whose class or id names a gallery, carousel, slider, "galeria"…; without
      one, the content images that are not links to other pages, logos or icons). Sizes of one image
      (``dress-1-thumb.jpg``, ``dress-1-800x800.jpg``) count once.
    * ``short-description`` (low): the longest description (structured ``description``, the description
      block, ``og:description``, meta description; else the page's prose) has fewer than
      ``min_description_words`` words.
    * ``material-missing`` (medium, apparel only): nothing names the material or composition ("100% cotton",
      "Skład: 95% bawełna", "Склад: бавовна", "Состав: хлопок", "Materiál: bavlna", "Zusammensetzung:
      Baumwolle") and the structured data has no ``material``.
    * ``dimensions-missing`` (medium, bags and furniture only): no dimensions ("30 x 20 x 12 cm",
      "Wymiary: …", "Szerokość: 80 cm", "Rozměry", "Maße", structured ``width``/``height``/``depth``).
    * ``price-without-currency`` (high): the page's visible price elements (``itemprop=price``, classes such
      as ``price``, ``cena``, ``preis``) show amounts but none with a currency; without saved HTML, the
      structured-data price appears in the text only without a currency.
    * ``omnibus-lowest-price-missing`` (high, EU stores — see ``eu_languages``/``eu_currencies``): the page
      announces a reduction (a struck-through price: ``<del>``, ``<s>``, an "old-price" class or
      ``line-through`` style; or a "-30%" badge) but no sentence states the lowest price of the last 30 days
      ("lowest price in the last 30 days", "najniższa cena z 30 dni przed obniżką", "niedrigster Preis der
      letzten 30 Tage", "najnižšia cena za posledných 30 dní", "nejnižší cena za posledních 30 dní",
      "найнижча ціна за 30 днів", "самая низкая цена за 30 дней"). Its evidence ``box`` marks the struck-through
      price or badge in the page's screenshot (else the price) when it is in view.

    Product kinds come from ``auditor.analysis.product.product_kind`` (name, structured category, breadcrumbs,
    category page). Not applicable when no product page was crawled.

Why it matters
    Shoppers ask support what the page should have told them: "does the bag have an inner pocket, how big
    is it?", "what fabric is it?" — or they buy, are disappointed and return. Baymard finds that 56% of
    shoppers want several images per product and that missing specifications are a top reason to leave a
    product page. A price must be shown with its currency (Directive 98/6/EC art. 4 — the selling price is
    "the final price for a unit of a product"), and any announced reduction must show the lowest price of
    the 30 days before it (Directive 98/6/EC art. 6a, added by the Omnibus Directive (EU) 2019/2161).

Failing example
    ``/p/summer-dress``: one image, "Piękna sukienka." as description, no composition, "<del>299,00 zł</del>
    199,00 zł -33%" without a 30-day lowest price → ``few-images``, ``short-description``,
    ``material-missing``, ``omnibus-lowest-price-missing``.

Passing example
    Four gallery images; a 60-word description with "Skład: 100% bawełna"; "199,00 zł" next to
    "<del>299,00 zł</del>" and "Najniższa cena z 30 dni przed obniżką: 249,00 zł" → pass.

Options
    ``min_images`` (default 3), ``min_description_words`` (default 30), ``eu_languages`` (default pl, cs,
    sk, de: used when the store's currency is unknown), ``eu_currencies`` (default EUR, PLN, CZK, HUF, RON,
    BGN, SEK, DKK).
"""

from __future__ import annotations

import re
import sys
from typing import Any
from urllib.parse import urljoin, urlsplit

from auditor.analysis.document import PageDocument, document
from auditor.analysis.html import attrs_text, inner_text, lexicon_slug, tag_of
from auditor.analysis.locate import NUMBER, main_price, reduction
from auditor.analysis.product import product_kind, product_name
from auditor.analysis.store import EU_CURRENCIES, EU_LANGUAGES, eu_store
from auditor.analysis.structured import opengraph, product_nodes, text_values
from auditor.analysis.text import day_counts, group_regex, has, looked_for, prose, sentences, url_path, word_count
from auditor.model import Artifacts, CheckResult, PageArtifact
from auditor.prices import parse_price, price_from_structured
from checks.base import T, finding, not_seen, result

ID = "product-info"
TITLE = T("Product pages answer shoppers' questions")
CATEGORY = "product"
SEVERITIES = ["high", "medium", "low"]
DEFAULT_OPTIONS: dict[str, Any] = {
    "min_images": 3,
    "min_description_words": 30,
    "eu_languages": list(EU_LANGUAGES),
    "eu_currencies": list(EU_CURRENCIES),
}

WHY_ASK = (T('Shoppers ask support what the product page should have told them — or buy, are disappointed and send '
             'it back. Missing specifications are a top reason to leave a product page (Baymard).'))
IMAGE_EXT = re.compile(r"\.(jpe?g|png|webp|avif|gif)(\?|$)", re.IGNORECASE)
SIZE_SUFFIX = re.compile(r"[-_@](\d+x\d*|\d*x\d+|thumb\w*|small|medium|large|zoom|mini|big|xl|2x|3x)(?=\.)", re.I)
NOT_PRODUCT_IMAGE = re.compile(r"logo|icon|sprite|badge|flag|payment|avatar|placeholder|spinner|loader", re.I)


# ----------------------------------------------------------------------------------------------- images


def image_key(src: str) -> str:
    """One key for every size of the same image."""
    try:
        path = urlsplit(src).path
    except ValueError:
        path = src
    name = path.rsplit("/", 1)[-1].lower()
    return SIZE_SUFFIX.sub("", name) or path


def structured_images(page: PageArtifact) -> list[str]:
    urls: list[str] = []
    for node in product_nodes(page.structured):
        value = node.get("image")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                urls.append(item)
            elif isinstance(item, dict):
                urls.append(str(item.get("url") or item.get("contentUrl") or ""))
    return _distinct([u for u in urls if u])


def _distinct(urls: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for url in urls:
        seen.setdefault(image_key(url), url)
    return list(seen.values())


def _img_src(img: Any) -> str:
    for attr in ("data-zoom-image", "data-large", "data-full", "data-src", "src"):
        if img.get(attr) and not img.get(attr).startswith("data:"):
            return img.get(attr)
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    return srcset.split(",")[0].strip().split(" ")[0] if srcset else ""


def _tiny(img: Any) -> bool:
    for attr in ("width", "height"):
        value = img.get(attr) or ""
        if value.isdigit() and int(value) < 80:
            return True
    return False


def gallery_images(doc: PageDocument, base: str) -> list[str]:
    root = doc.product_root
    if root is None:
        return []
    galleries = [el for el in root.iter() if isinstance(el.tag, str) and lexicon_slug("slug_gallery", attrs_text(el))]
    srcs: list[str] = []
    if galleries:
        for gallery in galleries:
            for img in gallery.iter("img"):
                srcs.append(_img_src(img))
            for a in gallery.iter("a"):
                if IMAGE_EXT.search(a.get("href") or ""):
                    srcs.append(a.get("href"))
    else:
        for img in root.iter("img"):
            link = next((anc for anc in img.iterancestors() if tag_of(anc) == "a"), None)
            if link is not None and not IMAGE_EXT.search(link.get("href") or ""):
                continue
            src = _img_src(img)
            if _tiny(img) or NOT_PRODUCT_IMAGE.search(" ".join([src, img.get("alt") or "", attrs_text(img)])):
                continue
            srcs.append(src)
    return _distinct([urljoin(base, s) for s in srcs if s and not s.lower().endswith(".svg")])


# ------------------------------------------------------------------------------------------ description


def description_words(doc: PageDocument) -> tuple[int, str]:
    """Words of the longest description and where it was found."""
    page, tree = doc.page, doc.tree
    candidates: list[tuple[str, str]] = []
    for node in product_nodes(page.structured):
        candidates += [("structured data", t) for t in text_values(node.get("description"))]
    og = opengraph(page.structured).get("og:description")
    if og:
        candidates.append(("og:description", og))
    if tree is not None:
        for el in doc.product_root.iter():
            if isinstance(el.tag, str) and tag_of(el) != "meta" and (
                    el.get("itemprop") == "description" or lexicon_slug("slug_description", attrs_text(el))):
                candidates.append(("description block", inner_text(el)))
        meta = tree.find(".//meta[@name='description']")
        if meta is not None and meta.get("content"):
            candidates.append(("meta description", meta.get("content")))
    if not candidates:
        candidates.append(("page prose", prose(doc.content_text)))
    source, text = max(candidates, key=lambda c: word_count(c[1]))
    return word_count(text), source


# ------------------------------------------------------------------------------------- material, size


def material_text(page: PageArtifact, text: str, lang: str | None) -> str:
    for node in product_nodes(page.structured):
        values = text_values(node.get("material"))
        if values:
            return "structured material: " + values[0]
    for sentence in sentences(text):
        if has("material", sentence, lang):
            return sentence[:160]
    return ""


def dimensions_text(page: PageArtifact, text: str, lang: str | None) -> str:
    for node in product_nodes(page.structured):
        if any(node.get(k) for k in ("width", "height", "depth")):
            return "structured width/height/depth"
    unit = group_regex("unit_length", lang)
    number = r"\d+(?:[.,]\d+)?"
    cross = re.compile(rf"{number}\s*(?:x|×|\*)\s*{number}(?:\s*(?:x|×|\*)\s*{number})?\s*(?:{unit})", re.I)
    measured = re.compile(rf"{number}\s*(?:{unit})", re.I)
    for sentence in sentences(text):
        if cross.search(sentence) or (has("dimension_words", sentence, lang) and measured.search(sentence)):
            return sentence[:160]
    return ""


# ---------------------------------------------------------------------------------------------- prices


def visible_prices(doc: PageDocument) -> list[dict[str, Any]]:
    """Texts of the product's price elements, with the currency read from them (or from their parent)."""
    root = doc.product_root
    out: list[dict[str, Any]] = []
    if root is None:
        return out
    for el in root.iter():
        if not isinstance(el.tag, str) or tag_of(el) in ("meta", "script", "style", "link", "input"):
            continue
        if el.get("itemprop") != "price" and not lexicon_slug("slug_price", attrs_text(el)):
            continue
        text = inner_text(el).replace("\n", " ").strip()
        if not NUMBER.search(text) or len(text) > 80:
            continue
        money = parse_price(text)
        currency = money.currency if money else ""
        parent = el.getparent()
        if not currency and parent is not None:
            around = inner_text(parent).replace("\n", " ")
            if len(around) <= 120:
                found = parse_price(around)
                currency = found.currency if found else ""
        if all(seen["text"] != text for seen in out):
            out.append({"text": text, "currency": currency})
    return out


def text_price_currency(doc: PageDocument) -> dict[str, Any] | None:
    """Without saved HTML: does the structured price appear in the text with a currency?"""
    money = price_from_structured(doc.page.structured)
    if money is None:
        return None
    with_currency: list[str] = []
    without: list[str] = []
    for line in doc.content_text.splitlines():
        parsed = parse_price(line) if NUMBER.search(line) else None
        if parsed is None or abs(abs(parsed.amount) - money.amount) > 0.005:
            continue
        (with_currency if parsed.currency else without).append(line.strip()[:80])
    if not with_currency and not without:
        return None
    return {"with_currency": with_currency[:3], "without_currency": without[:3]}


# --------------------------------------------------------------------------------------------- omnibus


def lowest_price_statement(text: str, lang: str | None) -> str:
    for sentence in sentences(text):
        if has("lowest_price", sentence, lang) and (day_counts(sentence, lang) or "30" in sentence):
            return sentence[:200]
    return ""


# ----------------------------------------------------------------------------------------------- check


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    products = artifacts.pages_of("product")
    if not products:
        return not_seen(module, artifacts, T('No product page was crawled.'))
    eu, eu_reason = eu_store(artifacts, options["eu_languages"], options["eu_currencies"])
    min_images, min_words = int(options["min_images"]), int(options["min_description_words"])
    rows, findings = [], []
    for page in products:
        doc = document(artifacts, page)
        lang = doc.lang
        name = product_name(page)
        kind = product_kind(artifacts, page)
        text = doc.product_text
        key = url_path(page.final_url)
        base = {"product": name, "url": page.final_url, "kind": kind.as_dict()}

        from_data = structured_images(page)
        from_html = gallery_images(doc, page.final_url) if doc.tree is not None else []
        images = max(len(from_data), len(from_html))
        counted = doc.tree is not None or bool(from_data)
        words, desc_source = description_words(doc)
        material = material_text(page, text, lang) if kind.kind == "apparel" else None
        dims = dimensions_text(page, text, lang) if kind.kind in ("bag", "furniture") else None
        prices = visible_prices(doc) if doc.tree is not None else []
        text_price = text_price_currency(doc) if doc.tree is None else None
        found_cut = reduction(doc)
        cut = found_cut.as_dict() if found_cut else None
        lowest = lowest_price_statement(page.text + "\n" + text, lang) if cut else ""
        rows.append({"url": page.final_url, "name": name, "lang": lang or "", "kind": kind.as_dict(),
                     "images": {"count": images if counted else None, "structured": len(from_data),
                                "gallery": len(from_html), "examples": (from_html or from_data)[:6]},
                     "description": {"words": words, "source": desc_source},
                     "material": material, "dimensions": dims,
                     "prices": prices[:6] or text_price, "reduction": cut, "lowest_price_statement": lowest})

        if counted and images < min_images:
            findings.append(finding(
                ID, "few-images", "medium", T('Only {images} image(s) of “{name}”', images=images, name=name[:60]),
                T('{final_url} shows {images} product image(s) ({n_from_data} in structured data, {n_from_html} in '
                  'the gallery); at least {min_images} expected.',
                  final_url=page.final_url, images=images, n_from_data=len(from_data), n_from_html=len(from_html),
                  min_images=min_images),
                url=page.final_url, key=key,
                evidence={**base, "structured_images": from_data[:10], "gallery_images": from_html[:10]},
                why=T('Shoppers cannot touch the product: they judge it from the photos, and ask support or leave '
                      'when a detail (back, inside, material close-up, size on a person) is not shown.'),
                recommendation=T('Show at least {min_images} photos: front, back or inside, a close-up of the '
                                 'material and the product in use or worn, and list them all in the Product '
                                 'structured data.', min_images=min_images),
            ))
        if words < min_words:
            findings.append(finding(
                ID, "short-description", "low", T('Short description of “{name}”', name=name[:60]),
                T('The longest description on {final_url} has {words} words ({desc_source}); at least {min_words} '
                  'expected.', final_url=page.final_url, words=words, desc_source=desc_source, min_words=min_words),
                url=page.final_url, key=key, evidence={**base, "words": words, "source": desc_source},
                why=WHY_ASK,
                recommendation=T('Describe what the product is, what it is made of, its size and fit or dimensions, '
                                 'how to care for it and what is in the box.'),
            ))
        if material == "":
            findings.append(finding(
                ID, "material-missing", "medium", T('No material given for “{name}”', name=name[:60]),
                T('{final_url} sells apparel but names no material or composition.', final_url=page.final_url),
                url=page.final_url, key=key,
                evidence={**base, "looked_for": looked_for("material", lang, 8)},
                why=WHY_ASK + T(' “What fabric is it?” is one of the first questions about clothing; the fibre '
                                'composition must also be labelled (Regulation (EU) No 1007/2011).'),
                recommendation=T('Add a line such as “Composition: 95% cotton, 5% elastane” with care instructions, '
                                 'and the schema.org Product material property.'),
            ))
        if dims == "":
            findings.append(finding(
                ID, "dimensions-missing", "medium", T('No dimensions given for “{name}”', name=name[:60]),
                T('{final_url} sells a {kind} product but states no dimensions.',
                  final_url=page.final_url, kind=kind.kind),
                url=page.final_url, key=key,
                evidence={**base, "looked_for": ["W x H x D with a unit (cm, mm)"]
                          + looked_for("dimension_words", lang, 5)},
                why=WHY_ASK + T(' “Will my laptop fit in the bag?”, “will it fit my room?” cannot be answered '
                                'without dimensions.'),
                recommendation=T('State width × height × depth in centimetres (and the weight, capacity or inner '
                                 'dimensions where they matter).'),
            ))
        amounts = [p for p in prices if NUMBER.search(p["text"])]
        no_currency = (amounts and not any(p["currency"] for p in amounts)) or (
            text_price is not None and not text_price["with_currency"])
        if no_currency:
            shown = [p["text"] for p in amounts][:4] or (text_price or {}).get("without_currency", [])
            findings.append(finding(
                ID, "price-without-currency", "high", T('Price of “{name}” shown without a currency', name=name[:60]),
                T('{final_url} shows the price as {shown} with no currency.',
                  final_url=page.final_url, shown=', '.join(shown[:3])),
                url=page.final_url, key=key, evidence={**base, "prices": shown},
                why=T('A price without its currency is not a price: shoppers from abroad cannot tell what they will '
                      'pay. Directive 98/6/EC art. 4 requires the selling price to be unambiguous and legible.'),
                recommendation=T('Show the currency with every price (e.g. “199,00 zł”, “49,90 €”, “1 299 Kč”).'),
            ))
        if cut and not lowest and eu:
            # the struck-through price or badge the reduction was read from, in the page's screenshot; else the
            # product's price next to it
            mark = (doc.box(found_cut.element) if found_cut else None) or doc.box(main_price(doc))
            findings.append(finding(
                ID, "omnibus-lowest-price-missing", "high",
                T('Reduction on “{name}” without the 30-day lowest price', name=name[:60]),
                T('{final_url} announces a reduction ({cut}: {cut2}) but does not state the lowest price of the 30 '
                  'days before it.', final_url=page.final_url, cut=cut['how'], cut2=cut['text']),
                url=page.final_url, key=key,
                evidence={**base, "reduction": cut, "eu": eu_reason,
                          "looked_for": looked_for("lowest_price", lang, 4), **({"box": mark} if mark else {})},
                why=T('Directive 98/6/EC art. 6a (from the Omnibus Directive (EU) 2019/2161): every announced price '
                      'reduction must show the lowest price applied in the 30 days before it; fake reductions are '
                      'fined by consumer authorities.'),
                recommendation=T("Next to the reduced price add, e.g., “Lowest price in the last 30 days before the "
                                 "reduction: 249,00 zł” (in the store's language), computed from the price history."),
            ))
    details = {"products": rows, "eu": {"applies": eu, "reason": eu_reason},
               "min_images": min_images, "min_description_words": min_words}
    if findings:
        rules = sorted({f.rule for f in findings})
        summary = T('{n_findings} gap(s) over {n_rows} product page(s): {rules}.',
                    n_findings=len(findings), n_rows=len(rows), rules=', '.join(rules))
    else:
        summary = T('All {n_rows} sampled product pages have images, description, facts and clear prices.',
                    n_rows=len(rows))
    return result(module, findings, summary, details=details)
