"""Build :class:`Artifacts` and :class:`PageArtifact` objects for unit tests, and run YAML case tables.

From Python::

    from tests.artifact_factory import artifacts, page
    arts = artifacts(
        page("/", "home", depth=0),
        page("/p/dress", "product", path="Home › Dresses › Linen dress", text="…", tel=["+48221234567"]),
    )

``page`` accepts every :class:`PageArtifact` field plus shorthands: ``type`` (page_type), ``path`` (a
"Home › A › B" string or a list of link texts: sets ``click_path`` and, unless given, ``depth``), ``parent``
(parent_url), ``tel`` / ``mailto`` (tel_links / mailto_links), ``footer`` (footer_text), links as URL strings,
``[url, text]`` pairs or dicts, forms whose ``fields`` may be plain type names (``["email", "textarea"]``).
Relative URLs are resolved against the store's base URL.

Case tables (sqlfluff-style YAML, one file per check)::

    check: click-depth
    sites:                      # optional named sites cases can start from
      shop: {start_url: https://shop.example/, pages: [{url: /, type: home, depth: 0}, ...]}
    cases:
      product_too_deep:
        site: shop              # or `artifacts: {...}` for a site of its own
        pages: [...]            # added to the site; a page with a URL already there is updated field by field
        drop: [/faq]            # URLs removed from the site
        options: {max_product_depth: 3}
        expect:
          status: fail
          rules: [product-too-deep]             # exactly these rules (sorted, unique)
          findings: [{rule: product-too-deep, severity: medium, evidence: {depth: 4}}]  # each matches one
          absent: [{rule: cart-too-deep}]        # none matches
          details: {channels: {phone: {present: true}}}   # partial match
          summary: "~basket"                     # "~" prefix: contains

Partial matching (:func:`mismatch`): a dict matches when each expected key matches; a list matches when each
expected item matches some actual item; a string starting with "~" matches when the actual string contains
the rest; anything else must be equal.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from auditor.model import Artifacts, Form, FormField, Link, PageArtifact

BASE = "https://shop.example/"
SEPARATORS = ("›", ">", "/")
HOME_WORDS = ("home",)

_UNSET: Any = object()


def _abs(url: str | None, base: str) -> str | None:
    if url is None:
        return None
    return urljoin(base, url)


def _click_path(path: str | list[str]) -> list[str]:
    if isinstance(path, str):
        sep = next((s for s in SEPARATORS if s in path), None)
        steps = [s.strip() for s in path.split(sep)] if sep else ([path.strip()] if path.strip() else [])
    else:
        steps = [str(s) for s in path]
    if steps and steps[0].strip().lower() in HOME_WORDS:
        steps = steps[1:]
    return steps


def _link(value: Any, base: str) -> Link:
    if isinstance(value, Link):
        return value
    if isinstance(value, str):
        return Link(url=_abs(value, base) or value)
    if isinstance(value, (list, tuple)):  # [url], [url, text] or [url, text, region]
        url, text, region = [*value, "", ""][:3]
        return Link(url=_abs(url, base) or url, text=text, **({"region": region} if region else {}))
    data = dict(value)
    data["url"] = _abs(data.get("url", ""), base)
    return Link(**data)


def _form(value: Any) -> Form:
    if isinstance(value, Form):
        return value
    data = dict(value)
    fields = []
    for item in data.pop("fields", []):
        if isinstance(item, str):
            fields.append(FormField(name=item, type=item))
        else:
            fields.append(FormField(**item))
    return Form(fields=fields, **data)


def page(url: str = "/", type: str = "other", *, depth: Any = _UNSET, path: str | list[str] | None = None,
         base: str = BASE, **fields: Any) -> PageArtifact:
    """One crawled page (status 200 unless given). See the module docstring for the shorthands."""
    data: dict[str, Any] = dict(fields)
    data["url"] = _abs(url, base)
    data["final_url"] = _abs(data.get("final_url") or url, base)
    data["page_type"] = data.pop("page_type", type)
    data.setdefault("status", 200)
    if path is not None:
        data["click_path"] = _click_path(path)
    if depth is _UNSET:
        depth = len(data["click_path"]) if "click_path" in data else None
    data["depth"] = depth
    if "parent" in data:
        data["parent_url"] = data.pop("parent")
    if data.get("parent_url"):
        data["parent_url"] = _abs(data["parent_url"], base)
    for short, name in (("tel", "tel_links"), ("mailto", "mailto_links"), ("footer", "footer_text")):
        if short in data:
            data[name] = data.pop(short)
    data["links"] = [_link(x, base) for x in data.get("links", [])]
    data["forms"] = [_form(x) for x in data.get("forms", [])]
    return PageArtifact(**data)


def artifacts(*pages: PageArtifact, start_url: str = BASE, **fields: Any) -> Artifacts:
    """A gathering of the given pages (``home_url`` defaults to ``start_url``)."""
    fields.setdefault("home_url", start_url)
    return Artifacts(start_url=start_url, pages=list(pages), **fields)


def from_spec(spec: dict[str, Any] | None) -> Artifacts:
    """Artifacts from a plain dict: ``{start_url, pages: [page kwargs…], …other Artifacts fields}``."""
    spec = dict(spec or {})
    start = spec.pop("start_url", BASE)
    pages = [page(base=start, **p) for p in spec.pop("pages", [])]
    return artifacts(*pages, start_url=start, **spec)


# --------------------------------------------------------------------------------------------------
# YAML case tables
# --------------------------------------------------------------------------------------------------


class CaseTable:
    """A YAML file of cases for one check."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        data = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
        self.check: str = data.get("check", "")
        self.sites: dict[str, Any] = data.get("sites") or {}
        self.cases: dict[str, Any] = data.get("cases") or {}

    def names(self) -> list[str]:
        return list(self.cases)

    def spec(self, name: str) -> dict[str, Any]:
        """The artifacts spec of a case: its site with the case's pages merged in and dropped pages removed."""
        case = self.cases[name] or {}
        if "artifacts" in case:
            spec = copy.deepcopy(case["artifacts"])
        elif "site" in case:
            spec = copy.deepcopy(self.sites[case["site"]])
        else:
            spec = {}
        spec.setdefault("start_url", BASE)
        pages = list(spec.get("pages", []))
        dropped = set(case.get("drop", []))
        pages = [p for p in pages if p.get("url", "/") not in dropped]
        for extra in case.get("pages", []):
            extra = copy.deepcopy(extra)
            known = next((p for p in pages if p.get("url", "/") == extra.get("url", "/")), None)
            if known is not None:
                known.update(extra)
            else:
                pages.append(extra)
        spec["pages"] = pages
        return spec

    def build(self, name: str) -> tuple[Artifacts, dict[str, Any]]:
        case = self.cases[name] or {}
        return from_spec(self.spec(name)), dict(case.get("options") or {})

    def expect(self, name: str) -> dict[str, Any]:
        return dict((self.cases[name] or {}).get("expect") or {})


def mismatch(expected: Any, actual: Any, where: str = "") -> str | None:
    """Why ``actual`` does not match the partial ``expected`` (None when it matches)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where or 'value'}: expected a mapping, got {actual!r}"
        for key, value in expected.items():
            if key not in actual:
                return f"{where}.{key}: missing (have {sorted(actual)})"
            problem = mismatch(value, actual[key], f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{where or 'value'}: expected a list, got {actual!r}"
        for i, item in enumerate(expected):
            if all(mismatch(item, candidate) is not None for candidate in actual):
                return f"{where}[{i}]: no item matches {item!r} in {json.dumps(actual, default=str)[:600]}"
        return None
    if isinstance(expected, str) and expected.startswith("~"):
        if not isinstance(actual, str) or expected[1:] not in actual:
            return f"{where or 'value'}: {actual!r} does not contain {expected[1:]!r}"
        return None
    if isinstance(expected, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return None if abs(expected - actual) < 1e-6 else f"{where}: {actual!r} != {expected!r}"
    if expected != actual:
        return f"{where or 'value'}: {actual!r} != {expected!r}"
    return None


def check_expectation(res: Any, expect: dict[str, Any]) -> list[str]:
    """Every way a :class:`CheckResult` differs from a case's ``expect`` block (empty when it matches)."""
    problems = []
    findings = [f.model_dump() for f in res.findings]
    if "status" in expect and res.status != expect["status"]:
        problems.append(f"status {res.status!r} != {expect['status']!r} ({res.summary}{res.error})")
    if "rules" in expect:
        rules = sorted({f["rule"] for f in findings})
        if rules != sorted(set(expect["rules"])):
            problems.append(f"rules {rules} != {sorted(set(expect['rules']))}: "
                            + "; ".join(f"{f['rule']}: {f['message']}" for f in findings))
    if "count" in expect and len(findings) != expect["count"]:
        problems.append(f"{len(findings)} findings != {expect['count']}")
    for i, want in enumerate(expect.get("findings", [])):
        if all(mismatch(want, f) is not None for f in findings):
            near = [mismatch(want, f) for f in findings if f["rule"] == want.get("rule", f["rule"])]
            problems.append(f"findings[{i}] {want!r} not found ({near[:2] or 'no finding of that rule'})")
    for i, unwanted in enumerate(expect.get("absent", [])):
        hits = [f for f in findings if mismatch(unwanted, f) is None]
        if hits:
            problems.append(f"absent[{i}] {unwanted!r} found: {hits[0]['message']}")
    if "details" in expect:
        problem = mismatch(expect["details"], res.details, "details")
        if problem:
            problems.append(problem)
    if "summary" in expect:
        problem = mismatch(expect["summary"], res.summary, "summary")
        if problem:
            problems.append(problem)
    return problems


# --------------------------------------------------------------------------------------------------
# Pages read from HTML (as the crawl reads them), saved so Artifacts.read_html finds them
# --------------------------------------------------------------------------------------------------


def _region_of(el: Any) -> str:
    """The crawl's link region: footer, dialog, nav, header, aside, main, other (nearest wins in that order)."""
    from auditor.analysis.html import tag_of

    chain = [a for a in [el, *el.iterancestors()] if isinstance(a.tag, str)]

    def within(tag: str, role: str) -> bool:
        return any(tag_of(a) == tag or a.get("role") == role for a in chain)

    if within("footer", "contentinfo"):
        return "footer"
    if within("dialog", "dialog") or any(a.get("aria-modal") == "true" for a in chain):
        return "dialog"
    for tag, role, region in (("nav", "navigation", "nav"), ("header", "banner", "header"),
                              ("aside", "complementary", "aside"), ("main", "main", "main")):
        if within(tag, role):
            return region
    return "other"


def read_html(url: str, html: str) -> dict[str, Any]:
    """What the crawl reads from a page's HTML, as PageArtifact fields: title, lang, text with line breaks,
    h1–h3 headings, footer text, links with regions, forms with labelled fields, structured data (extruct,
    ``uniform=True``)."""
    import extruct

    from auditor.analysis.html import inner_text, parse_html, tag_of

    tree = parse_html(html)
    assert tree is not None, "the test HTML does not parse"

    def label(field: Any) -> str:
        if field.get("id"):
            for lab in tree.iter("label"):
                if lab.get("for") == field.get("id"):
                    return inner_text(lab)
        wrap = next((a for a in field.iterancestors() if tag_of(a) == "label"), None)
        return inner_text(wrap) if wrap is not None else (field.get("aria-label") or field.get("placeholder") or "")

    links = []
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if href and not href.startswith(("tel:", "mailto:", "javascript:")):
            links.append(Link(url=urljoin(url, href), text=(inner_text(a).replace("\n", " ") or a.get("aria-label")
                                                             or "")[:200], region=_region_of(a)))
    forms = [Form(action=urljoin(url, f.get("action") or ""), method=(f.get("method") or "get").lower(),
                  text=inner_text(f)[:1000],
                  fields=[FormField(name=x.get("name") or x.get("id") or "", type=(x.get("type") or tag_of(x)).lower(),
                                    label=label(x), required=x.get("required") is not None)
                          for x in f.iter("input", "select", "textarea")
                          if (x.get("type") or "").lower() not in ("hidden", "submit", "button", "image", "reset")])
             for f in tree.iter("form")]
    footer = next((e for e in tree.iter() if isinstance(e.tag, str)
                   and (tag_of(e) == "footer" or e.get("role") == "contentinfo")), None)
    title = tree.find(".//title")
    return {
        "title": inner_text(title) if title is not None else "",
        "lang": (tree.get("lang") or "").split("-")[0].lower(),
        "text": inner_text(tree.find("body")),
        "headings": [t for t in (inner_text(h) for h in tree.iter("h1", "h2", "h3")) if t],
        "footer_text": inner_text(footer) if footer is not None else "",
        "links": links,
        "forms": forms,
        "structured": extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata", "opengraph"],
                                      uniform=True, errors="ignore"),
    }


def recorded(html: str, marked: dict[str, dict[str, float]] | None = None,
             unrendered: Iterable[str] = ()) -> tuple[str, dict[str, Any]]:
    """What the crawl's snapshot records of a page (``auditor.crawl``), for a page that was never in a browser:
    the HTML with ``data-cc`` ids stamped on the body's elements in document order, and the page fields
    ``stamped``, ``boxes`` ({id: [x, y, width, height]}) and ``hidden`` (runs of ids). ``marked`` maps an XPath
    to the box of the (first) element it finds, as if that element were in the screenshot there; ``unrendered``
    lists XPaths of elements that were not rendered (with their descendants)."""
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    elements = [el for el in body.iterdescendants() if isinstance(el.tag, str)] if body is not None else []
    for n, el in enumerate(elements):
        el.set("data-cc", str(n))
    boxes: dict[str, list[float]] = {}
    for xpath, box in (marked or {}).items():
        found = tree.xpath(xpath)
        assert found, f"nothing at {xpath}"
        boxes[found[0].get("data-cc")] = [box["x"], box["y"], box["width"], box["height"]]
    hidden = []
    for xpath in unrendered:
        for el in tree.xpath(xpath):
            ids = [int(e.get("data-cc")) for e in el.iter() if isinstance(e.tag, str) and e.get("data-cc")]
            hidden.append([min(ids), max(ids)])
    stamped = "<!DOCTYPE html>" + lxml.html.tostring(tree, encoding="unicode")
    return stamped, {"stamped": len(elements), "boxes": boxes, "hidden": sorted(hidden)}


def html_page(base_dir: str | Path, url: str, html: str, type: str | None = None, *, base: str = BASE,
              save: bool = True, marked: dict[str, dict[str, float]] | None = None, unrendered: Iterable[str] = (),
              **fields: Any) -> PageArtifact:
    """A page read from ``html`` (see :func:`read_html`); its type from ``auditor.pagetype.classify`` unless
    given; the HTML saved under ``base_dir/pages/`` (``save=False``: not saved). ``fields`` override.
    ``marked``/``unrendered``: what the browser would have recorded of its layout (:func:`recorded`)."""
    from auditor.pagetype import classify

    if marked or unrendered:
        html, layout = recorded(html, marked, unrendered)
        fields = {**layout, **fields}
    absolute = _abs(url, base) or url
    data: dict[str, Any] = {**read_html(absolute, html), **fields}
    if data.get("category_hint"):
        data["category_hint"] = _abs(data["category_hint"], base)
    if type is None:
        type = classify(absolute, base, data["title"], data["headings"], data["structured"])[0]
    built = page(url, type, base=base, **data)
    if save:
        folder = Path(base_dir) / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{len(list(folder.glob('*.html'))) + 1:03d}.html"
        (folder / name).write_text(html, encoding="utf-8")
        built.html_file = f"pages/{name}"
    return built


def saved_artifacts(base_dir: str | Path, *pages: PageArtifact, **fields: Any) -> Artifacts:
    """:func:`artifacts` whose saved HTML lives in ``base_dir`` (``Artifacts.read_html`` works)."""
    built = artifacts(*pages, **fields)
    built.base_dir = str(base_dir)
    return built


def html_doc(main: str, *, lang: str = "en", title: str = "Shop", head: str = "", header: str = "",
             footer: str = "") -> str:
    """A whole HTML document: ``<header>``, ``<main>`` holding ``main``, ``<footer>``."""
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f"<body><header>{header}</header><main>{main}</main><footer>{footer}</footer></body></html>")


def json_ld(data: Any) -> str:
    """A JSON-LD script element."""
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
