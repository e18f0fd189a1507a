"""The per-page document: a page's saved HTML parsed once and shared by every check (as Lighthouse's computed
artifacts): its tree, its own content, a product's own content, their text, its product nodes, its language, and
the lookups of what the browser recorded (which element was rendered, where it was in the screenshot).

``document(artifacts, page)`` returns the same :class:`PageDocument` for the same page for the whole run (the
cache lives on the ``Artifacts`` object and goes with it). Its trees are shared: read them, never change them.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Any

from auditor.analysis.html import content_root, inner_text, parse_html, product_root
from auditor.analysis.language import lang_of
from auditor.analysis.structured import product_nodes
from auditor.model import Artifacts, PageArtifact

ID_ATTR = "data-cc"  # the element id the crawl's snapshot stamps (auditor.crawl)


class PageDocument:
    """One page parsed once. ``tree`` is None when its HTML was not saved (then the texts come from the page's
    recorded text)."""

    def __init__(self, page: PageArtifact, html: str) -> None:
        self.page = page
        self.tree: Any = parse_html(html)
        self.lang = lang_of(page)

    @cached_property
    def content_root(self) -> Any:
        """The page's own content (main, else body, without header, navigation and footer): one copy."""
        return content_root(self.tree)

    @cached_property
    def product_root(self) -> Any:
        """A product page's own content, also without blocks of other products: one more copy."""
        return product_root(content_root(self.tree))

    @cached_property
    def content_text(self) -> str:
        """What the page itself says, without header, navigation and footer.

        From the saved HTML when there is one; else the page text without the footer text and without the
        lines that are only header/navigation/footer link texts."""
        if self.tree is not None:
            return inner_text(self.content_root)
        page = self.page
        text = page.text or ""
        footer = (page.footer_text or "").strip()
        if footer and footer in text:
            text = text.replace(footer, "\n")
        chrome = {link.text.strip().lower() for link in page.links if link.region in ("header", "nav", "footer")}
        return "\n".join(line for line in text.splitlines() if line.strip() and line.strip().lower() not in chrome)

    @cached_property
    def product_text(self) -> str:
        """A product's own text (:attr:`product_root`), else :attr:`content_text`."""
        return inner_text(self.product_root) if self.tree is not None else self.content_text

    @cached_property
    def products(self) -> list[dict[str, Any]]:
        """The page's schema.org product nodes."""
        return product_nodes(self.page.structured)

    # -- what the browser recorded ------------------------------------------------------------------------
    @cached_property
    def _hidden_starts(self) -> list[int]:
        return [run[0] for run in self.page.hidden]

    def element_id(self, el: Any) -> str:
        """The id the snapshot stamped on ``el`` ('' for none: a page saved before ids, or past the bound)."""
        value = el.get(ID_ATTR) if el is not None and isinstance(el.tag, str) else None
        return value if value and value.isdigit() else ""

    def element(self, element_id: str) -> Any:
        """The element of the (original) tree with this id, or None."""
        if self.tree is None or not element_id.isdigit():
            return None
        found = self.tree.xpath(f"//*[@{ID_ATTR}=$v]", v=element_id)
        return found[0] if found else None

    def rendered(self, el: Any) -> bool:
        """Was ``el`` rendered when the page was read? True when the browser did not say (no id)."""
        key = self.element_id(el)
        if not key:
            return True
        n = int(key)
        i = bisect_right(self._hidden_starts, n) - 1
        return not (i >= 0 and self.page.hidden[i][0] <= n <= self.page.hidden[i][1])

    def box(self, *elements: Any) -> dict[str, float] | None:
        """Where the elements are in the page's screenshot: the box around those that were rendered inside the
        viewport, as {x, y, width, height}; None when none was (a box is never taken for an element the browser
        said was not rendered)."""
        found = [self.page.boxes.get(self.element_id(el)) for el in elements if el is not None and self.rendered(el)]
        boxes = [b for b in found if b]
        if not boxes:
            return None
        left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, bottom = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
        return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def document(artifacts: Artifacts | None, page: PageArtifact) -> PageDocument:
    """The page's document, parsed on first use and then shared by every check of the run."""
    if artifacts is None:
        return PageDocument(page, "")
    key = ("page", id(page))
    cached = artifacts._analysis.get(key)
    if isinstance(cached, PageDocument) and cached.page is page:
        return cached
    try:
        html = artifacts.read_html(page)
    except (OSError, UnicodeDecodeError):
        html = ""
    doc = artifacts._analysis[key] = PageDocument(page, html)
    return doc
