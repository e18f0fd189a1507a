"""Reading what a page tells the shopper: durations, readability, the page's own content, product facts.

Shared by the content checks (``size-chart``, ``return-policy``, ``delivery-info``, ``product-info``). Every
word comes from :mod:`auditor.lexicon`; this module only holds language-independent patterns (numbers,
size tokens such as ``XL`` or ``EU 38``, percentages) and the HTML conventions of web pages.

Language: ``lang_of(page)`` is the page's two-letter language when it is one of ours (the crawl takes it
from ``<html lang>``, else detects it from the text). Term groups are then matched in that language plus
English (stores mix in English labels); for an unknown language in all seven. Terms of three letters or
fewer match whole words only, longer terms match on word starts (stems: ``"sukienk"`` finds ``sukienka``,
``sukienki``).

Durations: ``durations("Dostawa 2–4 dni robocze")`` → one Duration of 2 to 4 days. Understood: digits
("14 dni", "30 days", "14 днів", "14 дней", "14 dní", "30 Tage", "24h", "2 tygodnie", "1 Monat"),
ranges ("2-4", "2 to 4", "od 2 do 4", "2 až 4", "2 bis 4", "від 2 до 4"), a qualifier between number and
unit ("14 working days", "14 kalendářních dní"), an amount in words in brackets ("14 (czternastu) dni"),
adjectives ("30-day", "30-dniowy", "30denní", "30-tägig") and the numbers 7, 14 and 30 written as words
("vierzehn Tagen", "fourteen days", "четырнадцати дней"), which legal model texts use.

Readability: textstat, with ``textstat.set_lang(lang)`` for the page's language. textstat has calibrated
Flesch reading-ease constants only for English, German (Amstad) and Russian among our languages; for
Polish, Ukrainian, Slovak and Czech it would silently apply the English constants, which mean nothing
there. For those languages (and for unknown ones) the measure is therefore LIX (``textstat.lix``: words per
sentence plus the share of words longer than six letters), which does not depend on syllables or on
language-specific constants. textstat counts English syllables with NLTK's cmudict, which it downloads on
first use; a check never touches the network, so when cmudict is not installed locally the English Flesch
score is computed with textstat's own formula constants and pyphen's hyphenation-based syllable counts
(pyphen is what textstat itself uses for words cmudict lacks). Either way both scales are read in bands of
ten points (Flesch 90–100 very easy … 0–30 very hard; LIX <30 very easy … >60 very hard), and two texts are
only compared when they were measured the same way.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import unquote, urlsplit

from auditor import lexicon, textstat_light
from auditor.model import Artifacts, PageArtifact
from auditor.structured import walk_nodes

# ---------------------------------------------------------------------------------------------- terms


def lang_of(page: PageArtifact | None) -> str | None:
    """The page's language when it is one of ours, else None (then every language is searched)."""
    code = (page.lang if page else "") or ""
    code = code.lower().split("-")[0]
    return code if code in lexicon.LANGUAGES else None


def _term_regex(term: str) -> str:
    escaped = re.escape(term.lower())
    return escaped + r"(?!\w)" if len(term) <= 3 else escaped


# German writes compounds ("Leinenkleid", "Lederhandschuhe", "Schuhgröße"): in these groups a German term of five
# letters or more also matches inside a word.
COMPOUND_GROUPS = ("kind_apparel", "kind_bag", "kind_electronics", "kind_furniture", "kind_accessory", "material",
                   "size_word")


@lru_cache(maxsize=None)
def term_pattern(group: str, lang: str | None = None) -> re.Pattern[str]:
    """A regex for ``group`` in ``lang`` plus English (all languages when ``lang`` is None)."""
    if lang in lexicon.LANGUAGES:
        words = lexicon.terms(group, lang) + [t for t in lexicon.terms(group, "en") if lang != "en"]
    else:
        words = lexicon.terms(group)
    inside = set()
    if group in COMPOUND_GROUPS and lang in (None, "de"):
        inside = {t for t in lexicon.terms(group, "de") if len(t) >= 5}
    anchored = sorted({_term_regex(t) for t in words if t not in inside}, key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(anchored) + ")"
    if inside:
        pattern += "|(?:" + "|".join(sorted((re.escape(t) for t in inside), key=len, reverse=True)) + ")"
    return re.compile(pattern, re.IGNORECASE)


def has(group: str, text: str, lang: str | None = None) -> bool:
    return bool(text) and term_pattern(group, lang).search(text) is not None


def find(group: str, text: str, lang: str | None = None) -> list[str]:
    return [m.group(0) for m in term_pattern(group, lang).finditer(text or "")]


@lru_cache(maxsize=None)
def name_pattern(group: str, lang: str | None = None, max_ending: int = 3) -> re.Pattern[str]:
    """A regex for ``group`` whose terms are names (brands, fixed phrases), not stems: a term matches a whole word
    or a word with a short case ending ("PayPalem", "BLIK-iem", "післяплатою"), never the start of a longer
    word ("visačiek", a Slovak word for price tags, is not Visa)."""
    words = lexicon.terms(group, lang) + [t for t in lexicon.terms(group, "en") if lang != "en"] \
        if lang in lexicon.LANGUAGES else lexicon.terms(group)
    alternatives = sorted({re.escape(t.lower()) for t in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + rf")(?:-?[^\W\d_]{{0,{max_ending}}})?(?!\w)",
                      re.IGNORECASE)


def find_names(group: str, text: str, lang: str | None = None) -> list[str]:
    """The terms of a group of names found in ``text`` (see :func:`name_pattern`), as written there."""
    return [m.group(0) for m in name_pattern(group, lang).finditer(text or "")]


def looked_for(group: str, lang: str | None, limit: int = 6) -> list[str]:
    """Example terms of a group for evidence ("what was looked for"), page language first."""
    words = lexicon.terms(group, lang) if lang in lexicon.LANGUAGES else []
    words += [t for t in lexicon.terms(group, "en") if t not in words]
    return words[:limit]


def slug_text(value: str) -> str:
    """An attribute value or URL path made comparable to slug_* terms: lower-case, camelCase and underscores
    split with hyphens (``product__price--old`` → ``product--price--old``, ``oldPrice`` → ``old-price``)."""
    value = re.sub(r"([a-z])([A-Z])", r"\1-\2", value or "")
    return unquote(value).lower().replace("_", "-")


def url_path(url: str) -> str:
    try:
        return slug_text(urlsplit(url).path)
    except ValueError:
        return ""


# ------------------------------------------------------------------------------------------ sentences

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…;])\s+|\n+")
_CLAUSE_SPLIT = re.compile(r",\s+|\s+[–—]\s+|:\s+|\s*\|\s*")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text or "") if s and s.strip()]


def clauses(text: str) -> list[str]:
    """Sentences split further at commas, dashes and colons: "30 days to return, refund in 14 days" is two."""
    out = []
    for sentence in sentences(text):
        out += [c.strip() for c in _CLAUSE_SPLIT.split(sentence) if c and c.strip()]
    return out


def prose(text: str, min_words: int = 6) -> str:
    """Only the lines that read as sentences (menus, buttons and prices are short lines)."""
    lines = [line.strip() for line in (text or "").splitlines()]
    return "\n".join(line for line in lines if len(re.findall(r"\w+", line)) >= min_words)


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W\d_][\w'’-]*", text or ""))


# ------------------------------------------------------------------------------------------ durations


@dataclass(frozen=True)
class Duration:
    low: float
    high: float
    unit: str  # "day" (weeks and months are converted to days) or "hour"
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "unit": self.unit, "text": self.text}


_UNITS = (("unit_day", "day", 1), ("unit_week", "day", 7), ("unit_month", "day", 30), ("unit_hour", "hour", 1))
_WORD_NUMBERS = (("num_7", 7), ("num_14", 14), ("num_30", 30))


def group_regex(group: str, lang: str | None) -> str:
    """The terms of a group as a regex alternation (no word-start anchor), to build larger patterns."""
    return "(?:" + term_pattern(group, lang).pattern.removeprefix(r"(?<!\w)") + ")"


_alternation = group_regex


@lru_cache(maxsize=None)
def _duration_pattern(lang: str | None) -> re.Pattern[str]:
    words = "|".join(f"(?P<w{n}>{_alternation(group, lang)}[^\\W\\d_]*)" for group, n in _WORD_NUMBERS)
    number = rf"(?:(?P<low>\d{{1,3}})|{words})"
    upto = _alternation("range_to", lang)
    rng = rf"(?:\s*(?:[-–—]|{upto})\s*(?P<high>\d{{1,3}}))?"
    paren = r"(?:\s*\([^()\d]{1,40}\))?"
    qualifier = r"(?:[\s-]*[^\W\d_]{3,20}(?=\s))?"
    units = "|".join(f"(?P<u{i}>{_alternation(group, lang)})" for i, (group, _, _) in enumerate(_UNITS))
    return re.compile(rf"(?<![\w.,]){number}{rng}{paren}{qualifier}[\s-]*(?:{units})[^\W\d_]*", re.IGNORECASE)


def durations(text: str, lang: str | None = None) -> list[Duration]:
    """Every stated duration in days or hours ("2–4 dni", "30 Tage", "24h", "2 weeks" = 14 days)."""
    return [d for d, _, _ in duration_spans(text, lang)]


def duration_spans(text: str, lang: str | None = None) -> list[tuple[Duration, int, int]]:
    """Like :func:`durations`, with where each one stands in ``text`` (start, end)."""
    out = []
    for m in _duration_pattern(lang if lang in lexicon.LANGUAGES else None).finditer(text or ""):
        if m.group("low"):
            low = float(m.group("low"))
        else:
            low = float(next(n for _, n in _WORD_NUMBERS if m.group(f"w{n}")))
        high = float(m.group("high")) if m.group("high") else low
        index = next(i for i in range(len(_UNITS)) if m.group(f"u{i}"))
        _, unit, factor = _UNITS[index]
        if high < low:
            low, high = high, low
        out.append((Duration(low * factor, high * factor, unit, m.group(0).strip()), m.start(), m.end()))
    return out


def day_counts(text: str, lang: str | None = None) -> list[Duration]:
    """Durations in days (weeks and months converted): "14 dni", "30 days", "14 днів", "vierzehn Tagen"."""
    return [d for d in durations(text, lang) if d.unit == "day"]


# ---------------------------------------------------------------------------------------- readability

FLESCH_LANGS = ("en", "de", "ru")  # textstat's calibrated Flesch reading-ease constants among our languages
_EN_FLESCH = (206.835, 1.015, 84.6)


@dataclass
class Readability:
    method: str  # "flesch" (higher is easier) or "lix" (higher is harder)
    score: float
    lang: str
    words: int
    sentences: int
    words_per_sentence: float
    long_word_share: float  # words longer than six letters
    note: str = ""

    @property
    def difficulty(self) -> float:
        """Bands of ten points, higher is harder, comparable only between texts of the same method."""
        return (100.0 - self.score) / 10.0 if self.method == "flesch" else self.score / 10.0

    def harder_than(self, other: "Readability") -> float | None:
        """How many bands harder this text reads than ``other`` (None when measured differently)."""
        if self.method != other.method:
            return None
        return round(self.difficulty - other.difficulty, 2)

    def as_dict(self) -> dict[str, Any]:
        return {"method": self.method, "score": round(self.score, 1), "lang": self.lang, "words": self.words,
                "sentences": self.sentences, "words_per_sentence": round(self.words_per_sentence, 1),
                "long_word_share": round(self.long_word_share, 3), "note": self.note}


_cmudict_installed = textstat_light.cmudict_installed


def _english_flesch_offline(text: str) -> float:
    import pyphen

    textstat = textstat_light.load()

    words = textstat.lexicon_count(text)
    sentences_ = max(1, textstat.sentence_count(text))
    if not words:
        return 0.0
    hyphenator = pyphen.Pyphen(lang="en_US")
    syllables = sum(len(hyphenator.positions(w)) + 1 for w in re.findall(r"[A-Za-z']+", text))
    base, per_sentence, per_syllable = _EN_FLESCH
    return base - per_sentence * (words / sentences_) - per_syllable * (syllables / words)


def readability(text: str, lang: str | None) -> Readability | None:
    """Readability of ``text`` in ``lang`` (see the module docstring); None when there is nothing to read."""
    textstat = textstat_light.load()

    text = (text or "").strip()
    words = textstat.lexicon_count(text) if text else 0
    if not words:
        return None
    code = lang if lang in lexicon.LANGUAGES else ""
    textstat.set_lang(code or "en")
    count = textstat.sentence_count(text)
    long_share = textstat.long_word_count(text) / words
    per_sentence = words / max(1, count)
    if code in FLESCH_LANGS:
        if code == "en" and not _cmudict_installed():
            score = _english_flesch_offline(text)
            note = "Flesch reading ease (English; syllables by pyphen, NLTK cmudict not installed)"
        else:
            score = float(textstat.flesch_reading_ease(text))
            note = f"Flesch reading ease (textstat, language {code})"
        return Readability("flesch", score, code, words, count, per_sentence, long_share, note)
    score = float(textstat.lix(text))
    why = f"textstat has no Flesch constants for '{code}'" if code else "language unknown"
    return Readability("lix", score, code, words, count, per_sentence, long_share,
                       f"LIX (words per sentence and long words; {why})")


# --------------------------------------------------------------------------------------------- HTML

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "option", "p", "pre", "section", "summary", "table", "tr", "ul", "button", "label", "caption",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "title", "meta", "link"}
CHROME_TAGS = ("header", "nav", "footer")
CHROME_ROLES = ("banner", "navigation", "contentinfo")


def parse_html(html: str) -> Any:
    """An lxml tree of a page's HTML, or None."""
    if not html or not html.strip():
        return None
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except Exception:
        return None


def html_tree(artifacts: Artifacts | None, page: PageArtifact) -> Any:
    if artifacts is None:
        return None
    try:
        return parse_html(artifacts.read_html(page))
    except (OSError, UnicodeDecodeError):
        return None


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
    """class, id, name, itemprop, role, aria-label and data-* attributes of an element, as slug text."""
    values = [v for k, v in el.attrib.items()
              if k in ("class", "id", "name", "itemprop", "role", "aria-label", "title") or k.startswith("data-")]
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


def product_root(tree: Any) -> Any:
    """A product page's own content: :func:`content_root` without blocks of other products."""
    root = content_root(tree)
    if root is None:
        return None
    for el in [e for e in root.iter() if isinstance(e.tag, str) and e is not root
               and lexicon_slug("slug_related", attrs_text(e))]:
        if el.getparent() is not None:
            el.drop_tree()
    return root


def content_text(artifacts: Artifacts | None, page: PageArtifact, tree: Any = None) -> str:
    """What the page itself says, without header, navigation and footer.

    From the saved HTML when there is one; else the page text without the footer text and without the lines
    that are only header/navigation/footer link texts.
    """
    tree = tree if tree is not None else html_tree(artifacts, page)
    if tree is not None:
        return inner_text(content_root(tree))
    text = page.text or ""
    footer = (page.footer_text or "").strip()
    if footer and footer in text:
        text = text.replace(footer, "\n")
    chrome = {link.text.strip().lower() for link in page.links if link.region in ("header", "nav", "footer")}
    return "\n".join(line for line in text.splitlines() if line.strip() and line.strip().lower() not in chrome)


def related_block(el: Any) -> bool:
    """Is the element inside a block of other products (related, recommended, recently viewed…)?"""
    for anc in [el, *el.iterancestors()]:
        if isinstance(anc.tag, str) and lexicon_slug("slug_related", attrs_text(anc)):
            return True
    return False


def lexicon_slug(group: str, value: str) -> bool:
    return bool(value) and lexicon.matches(group, value)


# -------------------------------------------------------------------------------------- structured data


def node_types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", node.get("type"))
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


PRODUCT_TYPES = {"product", "productgroup", "individualproduct", "productmodel"}


def product_nodes(structured: dict[str, Any]) -> list[dict[str, Any]]:
    """Product nodes from JSON-LD and microdata (extruct, uniform)."""
    out = []
    for syntax in ("json-ld", "microdata"):
        for node in walk_nodes(structured.get(syntax, [])):
            if node_types(node) & PRODUCT_TYPES:
                out.append(node)
    return out


def text_values(value: Any) -> list[str]:
    """Strings of a schema.org value (a string, a list, or nodes with a name)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return text_values(value.get("name") or value.get("@value") or "")
    if isinstance(value, list):
        return [s for v in value for s in text_values(v)]
    return []


def opengraph(structured: dict[str, Any]) -> dict[str, str]:
    """OpenGraph properties in either extruct shape (uniform dicts or ``properties`` pairs)."""
    out: dict[str, str] = {}
    for og in structured.get("opengraph", []) or []:
        if not isinstance(og, dict):
            continue
        for pair in og.get("properties", []) or []:
            if isinstance(pair, (list, tuple)) and len(pair) == 2:
                out.setdefault(str(pair[0]), str(pair[1]))
        for key, value in og.items():
            if isinstance(key, str) and ":" in key and isinstance(value, (str, int, float)):
                out.setdefault(key, str(value))
    return out


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


# ------------------------------------------------------------------------------------------- products


KIND_ORDER = (("bag", "kind_bag", "slug_bags"), ("electronics", "kind_electronics", "slug_electronics"),
              ("furniture", "kind_furniture", "slug_furniture"), ("apparel", "kind_apparel", "slug_apparel"),
              ("accessory", "kind_accessory", ""))


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
            rest = re.match(r"[\w-]*", text[m.end():])
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


def product_kind(artifacts: Artifacts | None, page: PageArtifact, tree: Any = None) -> ProductKind:
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
    for crumb in reversed(breadcrumbs(page, tree)):  # the nearest category first
        sources.append(("breadcrumbs", crumb, False))
    if page.category_hint and artifacts is not None:
        for other in artifacts.pages:
            if other.final_url == page.category_hint or other.url == page.category_hint:
                sources.append(("category page", " / ".join([*other.headings[:1], own_title(artifacts, other)]),
                                False))
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
_PREFIXED_SIZE = re.compile(r"(?:(?:EU|UK|US|FR|IT|DE)\s?\d{1,2}(?:[.,]5|\s?[12]/3)?|\d{1,2}(?:[.,]5)?\s?(?:EU|UK|US))",
                            re.IGNORECASE)
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


def size_selector(page: PageArtifact, tree: Any = None) -> SizeSelector | None:
    """The product page's size selector: a select, radio group or button group of sizes (S/M/L, EU 38,
    UK 8, or numbers under a size label), a form field labelled as a size, or a size in structured data."""
    lang = lang_of(page)

    def labelled(*texts: str) -> bool:
        return any(has("size_word", t, lang) for t in texts if t) or any(
            lexicon_slug("slug_size", slug_text(t)) for t in texts if t)

    if tree is not None:
        content = content_root(tree)
        for select in content.iter("select"):
            label = _label_for(tree, select)
            options = [inner_text(o) or (o.get("value") or "") for o in select.iter("option")]
            is_labelled = labelled(label, attrs_text(select))
            if _is_size_set(options, is_labelled):
                return SizeSelector("select", label or select.get("name", ""), _sizes_in(options, is_labelled))
        groups: dict[str, list[Any]] = {}
        for radio in content.iter("input"):
            if (radio.get("type") or "").lower() != "radio":
                continue
            groups.setdefault(radio.get("name", ""), []).append(radio)
        for name, radios in groups.items():
            options = [(_label_for(tree, r) or r.get("value") or "").strip() for r in radios]
            legend = ""
            for anc in radios[0].iterancestors():
                if tag_of(anc) == "fieldset":
                    found = anc.find("legend")
                    legend = inner_text(found) if found is not None else ""
                    break
            is_labelled = labelled(name, legend)
            if _is_size_set(options, is_labelled):
                return SizeSelector("radio", legend or name, _sizes_in(options, is_labelled))
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
            options = list(dict.fromkeys(
                inner_text(child) for child in container.iter("button", "a", "li", "span", "label")
                if child is not el and len(inner_text(child)) <= 12))
            if _is_size_set(options, True):
                return SizeSelector("buttons", label, _sizes_in(options, True))
        for el in content.iter():
            choices = [inner_text(c) for c in el if tag_of(c) in ("button", "a", "li", "label", "span")]
            if len(choices) >= 2 and _is_size_set(list(dict.fromkeys(choices)), False):
                return SizeSelector("buttons", attrs_text(el), _sizes_in(choices, False))
    for form in page.forms:
        for fld in form.fields:
            if labelled(fld.label, fld.name):
                return SizeSelector("form field", fld.label or fld.name)
    for node in product_nodes(page.structured):
        sizes = text_values(node.get("size"))
        varies = " ".join(text_values(node.get("variesBy")))
        variants = node.get("hasVariant")
        for variant in variants if isinstance(variants, list) else [variants]:
            if isinstance(variant, dict):
                sizes += text_values(variant.get("size"))
        if sizes or "size" in varies.lower():
            return SizeSelector("structured data", "size", list(dict.fromkeys(sizes)))
    return None


# --------------------------------------------------------------------------------------- store facts

EU_CURRENCIES = ("EUR", "PLN", "CZK", "HUF", "RON", "BGN", "SEK", "DKK")
EU_LANGUAGES = ("pl", "cs", "sk", "de")


def store_currency(artifacts: Artifacts) -> str:
    """The currency the store prices in (product structured data, then checkout walks), or ''."""
    from auditor.prices import price_from_structured

    counts: Counter[str] = Counter()
    for page in artifacts.pages_of("product"):
        money = price_from_structured(page.structured)
        if money and money.currency:
            counts[money.currency] += 1
    for walk in artifacts.checkout:
        if walk.currency:
            counts[walk.currency] += 1
    return counts.most_common(1)[0][0] if counts else ""


def store_lang(artifacts: Artifacts) -> str:
    counts = Counter(lang_of(p) for p in artifacts.ok_pages())
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else ""  # type: ignore[return-value]


def eu_store(artifacts: Artifacts, eu_languages: Iterable[str] = EU_LANGUAGES,
             eu_currencies: Iterable[str] = EU_CURRENCIES) -> tuple[bool, str]:
    """Does EU consumer law apply? By the store's currency when known (EUR, PLN, CZK… yes; UAH, RUB, CHF,
    USD no), else by its language. Returns (answer, reason)."""
    currency = store_currency(artifacts)
    if currency:
        inside = currency in set(eu_currencies)
        return inside, f"prices in {currency}"
    lang = store_lang(artifacts)
    if lang:
        return lang in set(eu_languages), f"store language '{lang}'"
    return False, "neither currency nor language known"
