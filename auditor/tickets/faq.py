"""FAQ and help content from crawl artifacts: the questions a site already answers, and where.

Sources, from each page's saved HTML (lxml) and structured data:

* FAQPage JSON-LD (``page.structured["json-ld"]``, else the page's ``application/ld+json`` scripts) and
  FAQPage microdata: ``Question.name`` → ``acceptedAnswer.text``;
* ``<details><summary>``;
* ``<dl>``: each ``<dt>`` with its ``<dd>``;
* accordion widgets: a toggle with ``aria-controls`` and its panel, or an element whose class names an
  accordion / FAQ / toggle with the answer panel after it;
* headings phrased as questions ("How long does delivery take?", "Ile trwa dostawa?", "Як повернути
  товар?") with the text up to the next heading;
* help pages (FAQ, policies, contact, and any page whose title or URL names a support topic — a size guide,
  a returns page, a delivery page): every section under a heading, and the page as a whole under its title.
  These are the answers a site gives outside its FAQ.

Everything here is untrusted text from a store; it is only read, never executed or rendered.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from auditor import lexicon
from auditor.analysis.html import inner_text, parse_html
from auditor.analysis.structured import node_types, walk_nodes
from auditor.model import Artifacts, PageArtifact
from auditor.tickets import taxonomy

MAX_ANSWER = 3000
HELP_TYPES = ("faq", "policy", "contact")
NOT_HELP_TYPES = ("home", "product", "category", "cart", "checkout")


@dataclass
class HelpEntry:
    """One answer the site gives: a question (or heading / page title) and the text answering it."""

    question: str
    answer: str
    url: str
    source: str  # json-ld | microdata | details | dl | accordion | heading | section | page
    lang: str = ""
    topics: list[str] = field(default_factory=list)  # taxonomy topics it answers (see coverage)

    def as_dict(self) -> dict[str, Any]:
        return {"question": self.question, "url": self.url, "source": self.source, "lang": self.lang}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _text(node: Any) -> str:
    return _clean(inner_text(node)) if node is not None else ""


# ---------------------------------------------------------------------------------------------- questions


_QUESTION_CACHE: dict[str, re.Pattern[str]] = {}


def looks_like_question(text: str) -> bool:
    """Ends with a question mark, or starts with a question word of one of our languages."""
    text = _clean(text)
    if not text or len(text) > 220:
        return False
    if text.endswith(("?", "？")) and len(text) > 3:
        return True
    if "q" not in _QUESTION_CACHE:
        terms = sorted(lexicon.terms("question_word"), key=len, reverse=True)
        _QUESTION_CACHE["q"] = re.compile(r"^(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.I)
    return bool(_QUESTION_CACHE["q"].match(text))


# ---------------------------------------------------------------------------------------------- structured data


def _properties(node: dict[str, Any]) -> dict[str, Any]:
    """A microdata item's properties, or a JSON-LD node itself."""
    props = node.get("properties")
    return props if isinstance(props, dict) else node


def _answer_text(answer: Any) -> str:
    if isinstance(answer, list):
        return " ".join(_answer_text(a) for a in answer)
    if isinstance(answer, dict):
        props = _properties(answer)
        return _strip_html(str(props.get("text") or props.get("description") or props.get("name") or ""))
    if isinstance(answer, str):
        return _strip_html(answer)
    return ""


def _strip_html(value: str) -> str:
    if "<" not in value:
        return _clean(value)
    import lxml.html

    try:
        return _text(lxml.html.fragment_fromstring(value, create_parent="div"))
    except Exception:  # noqa: BLE001 - malformed markup inside JSON: fall back to dropping tags
        return _clean(re.sub(r"<[^>]+>", " ", value))


def jsonld_entries(data: Any, url: str, lang: str = "") -> list[HelpEntry]:
    """Question/answer pairs of every FAQPage (or QAPage) in a JSON-LD tree."""
    entries: list[HelpEntry] = []
    for node in walk_nodes(data):
        if not (node_types(node) & {"faqpage", "qapage"}):
            continue
        main = node.get("mainEntity") or node.get("mainentity") or []
        for item in main if isinstance(main, list) else [main]:
            if not isinstance(item, dict):
                continue
            question = _clean(str(item.get("name") or item.get("text") or ""))
            answer = _answer_text(item.get("acceptedAnswer") or item.get("suggestedAnswer") or "")
            if question:
                entries.append(HelpEntry(question, answer[:MAX_ANSWER], url, "json-ld", lang))
    return entries


def microdata_entries(items: Any, url: str, lang: str = "") -> list[HelpEntry]:
    """FAQPage microdata, as extruct gives it (``uniform=True``: JSON-LD shaped; else ``properties``)."""
    entries: list[HelpEntry] = []
    for node in walk_nodes(items):
        if not (node_types(node) & {"faqpage"}):
            continue
        props = _properties(node)
        main = props.get("mainEntity") or []
        for item in main if isinstance(main, list) else [main]:
            if not isinstance(item, dict):
                continue
            iprops = _properties(item)
            question = _clean(str(iprops.get("name") or ""))
            answer = _answer_text(iprops.get("acceptedAnswer") or "")
            if question:
                entries.append(HelpEntry(question, answer[:MAX_ANSWER], url, "microdata", lang))
    return entries


# ---------------------------------------------------------------------------------------------- HTML


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _level(tag: Any) -> int:
    return int(tag[1]) if isinstance(tag, str) and len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0


def _class_matches(node: Any, group: str) -> bool:
    classes = (node.get("class") or "").lower()
    if not classes:
        return False
    return any(term in classes for term in lexicon.terms(group))


def html_entries(html: str, url: str, lang: str = "", help_page: bool = False) -> list[HelpEntry]:
    """FAQ-like question/answer pairs in a page's HTML (and, on a help page, every headed section)."""
    from auditor.analysis.html import parse_html

    root = parse_html(html)  # an open shadow root the crawl saved is read as its host's content
    if root is None:
        return []
    entries: list[HelpEntry] = []
    # JSON-LD scripts, read before scripts are dropped (used when the crawl did not extract them)
    scripts: list[Any] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            scripts.append(json.loads(script.text or ""))
        except ValueError:
            continue
    if scripts:
        entries += jsonld_entries(scripts, url, lang)
    for node in root.xpath("//script|//style|//noscript|//template|//svg"):
        node.drop_tree()
    # the page's own content, not the site's menus
    for node in root.xpath("//nav|//header|//footer|//*[@role='navigation']"):
        node.drop_tree()

    for details in root.iter("details"):
        summary = details.find(".//summary")
        if summary is None:
            continue
        question = _text(summary)
        answer = _clean(details.text_content().replace(summary.text_content(), "", 1))
        if question:
            entries.append(HelpEntry(question, answer[:MAX_ANSWER], url, "details", lang))

    for dl in root.iter("dl"):
        current: str | None = None
        parts: list[str] = []
        for child in dl.iterchildren():
            if child.tag == "dt":
                if current:
                    entries.append(HelpEntry(current, _clean(" ".join(parts))[:MAX_ANSWER], url, "dl", lang))
                current, parts = _text(child), []
            elif child.tag == "dd" and current is not None:
                parts.append(_text(child))
            elif child.tag == "div":  # <dl><div><dt/><dd/></div></dl> is valid HTML too
                dts, dds = child.findall("dt"), child.findall("dd")
                if dts:
                    if current:
                        entries.append(HelpEntry(current, _clean(" ".join(parts))[:MAX_ANSWER], url, "dl", lang))
                    current, parts = _text(dts[0]), [_text(dd) for dd in dds]
        if current:
            entries.append(HelpEntry(current, _clean(" ".join(parts))[:MAX_ANSWER], url, "dl", lang))

    entries += _accordion_entries(root, url, lang)
    entries += _heading_entries(root, url, lang, help_page)
    return _dedupe(entries)


def _accordion_entries(root: Any, url: str, lang: str) -> list[HelpEntry]:
    entries: list[HelpEntry] = []
    by_id = {node.get("id"): node for node in root.xpath("//*[@id]")}
    used: set[int] = set()
    for toggle in root.xpath("//*[@aria-controls]"):
        panel = by_id.get(toggle.get("aria-controls"))
        question = _text(toggle)
        if panel is None or not question or toggle.tag == "details" or len(question) > 220:
            continue
        used.add(id(panel))
        entries.append(HelpEntry(question, _text(panel)[:MAX_ANSWER], url, "accordion", lang))
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in ("details", "summary", "dl", "dt", "dd", "body", "html"):
            continue
        if node.get("aria-controls") or not _class_matches(node, "accordion_class"):
            continue
        question = _text(node)
        if not question or len(question) > 220 or not looks_like_question(question):
            continue
        if node.xpath(".//*[@aria-controls]") or any(_class_matches(d, "answer_class") for d in node.iterdescendants()
                                                     if isinstance(d.tag, str)):
            continue  # a container holding the question and its answer: its toggle is the question
        panel = node.getnext()
        if panel is None and node.getparent() is not None:
            panel = node.getparent().getnext()
        if panel is None or id(panel) in used:
            continue
        used.add(id(panel))
        entries.append(HelpEntry(question, _text(panel)[:MAX_ANSWER], url, "accordion", lang))
    return entries


def _section_text(heading: Any) -> str:
    level = _level(heading.tag)
    parts: list[str] = []
    node = heading
    for _ in range(2):  # the heading's siblings, else its wrapper's siblings
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            sibling_level = _level(sibling.tag)
            if sibling_level and sibling_level <= level:
                return _clean(" ".join(parts))
            inner = [h for h in sibling.iter(*_HEADINGS) if _level(h.tag) <= level]
            if inner:
                break
            parts.append(_text(sibling))
            if sum(len(p) for p in parts) > MAX_ANSWER:
                break
        if parts or node.getparent() is None:
            break
        node = node.getparent()
        if node.tag in ("body", "main", "article", "section") and len(node) > 3:
            break
    return _clean(" ".join(parts))


def _heading_entries(root: Any, url: str, lang: str, help_page: bool) -> list[HelpEntry]:
    entries: list[HelpEntry] = []
    for heading in root.iter(*_HEADINGS):
        question = _text(heading)
        if not question:
            continue
        is_question = looks_like_question(question)
        if not (is_question or (help_page and _level(heading.tag) >= 2)):
            continue
        answer = _section_text(heading)
        entries.append(HelpEntry(question, answer[:MAX_ANSWER], url, "heading" if is_question else "section", lang))
    return entries


def _dedupe(entries: list[HelpEntry]) -> list[HelpEntry]:
    seen: dict[tuple[str, str], HelpEntry] = {}
    rank = {"json-ld": 0, "microdata": 1, "details": 2, "dl": 3, "accordion": 4, "heading": 5, "section": 6,
            "page": 7}
    for entry in entries:
        key = (entry.url, re.sub(r"\W+", " ", entry.question.lower()).strip())
        kept = seen.get(key)
        if kept is None or (rank[entry.source] < rank[kept.source] and len(entry.answer) >= len(kept.answer) // 2) \
                or (not kept.answer and entry.answer):
            seen[key] = entry
    return list(seen.values())


# ---------------------------------------------------------------------------------------------- pages


def slug_words(url: str) -> str:
    """The words of a URL path: ``/pages/size-guide`` → ``pages size guide``."""
    path = unquote(urlsplit(url).path or "")
    return re.sub(r"[/_\-.]+", " ", path).strip()


def page_title(page: PageArtifact) -> str:
    heading = page.headings[0] if page.headings else ""
    title = _clean(page.title)
    return title if not heading or heading.lower() in title.lower() else _clean(f"{heading} — {title}")


def is_help_page(page: PageArtifact) -> bool:
    """A page that helps a shopper: FAQ, policy or contact page, or one whose title, main heading or URL
    names a support topic (a size guide, a delivery page)."""
    if not page.is_ok or page.page_type in NOT_HELP_TYPES:
        return False
    if page.page_type in HELP_TYPES:
        return True
    name = f"{page.title} {page.headings[0] if page.headings else ''} {slug_words(page.final_url or page.url)}"
    return bool(taxonomy.topics_of(name, min_ratio=0.3)) or lexicon.matches("faq", name) \
        or lexicon.matches("returns", name)


def help_pages(artifacts: Artifacts) -> list[PageArtifact]:
    return [p for p in artifacts.ok_pages() if is_help_page(p)]


def extract_help_content(artifacts: Artifacts) -> list[HelpEntry]:
    """Every answer the crawled site gives (see the module docstring)."""
    entries: list[HelpEntry] = []
    for page in artifacts.ok_pages():
        url = page.final_url or page.url
        help_page = is_help_page(page)
        found: list[HelpEntry] = []
        structured = page.structured or {}
        if structured.get("json-ld"):
            found += jsonld_entries(structured["json-ld"], url, page.lang)
        if structured.get("microdata"):
            found += microdata_entries(structured["microdata"], url, page.lang)
        html = artifacts.read_html(page)
        found += html_entries(html, url, page.lang, help_page=help_page)
        if help_page:
            body = _clean(page.text) or _body_text(html)
            found.append(HelpEntry(page_title(page) or slug_words(url), body[:MAX_ANSWER], url, "page", page.lang))
        entries += _dedupe(found)
    return entries


def _body_text(html: str) -> str:
    root = parse_html(html)
    if root is None:
        return ""
    for node in root.xpath("//nav|//header|//footer"):
        node.drop_tree()
    return _text(root.find("body") if root.find("body") is not None else root)
