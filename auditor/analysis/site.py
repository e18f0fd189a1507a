"""The store as a site of linked pages: a page's address and key, its click path from home, the pages reached by
links (one per address, shallowest first). Shared by the navigation and contact checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from auditor.model import Artifacts, PageArtifact


def bare_host(host: str | None) -> str:
    """A host name as one site: lower-case, without a leading ``www.``."""
    return (host or "").lower().removeprefix("www.")

STEP_CHARS = 60  # a click-path step longer than this is shortened in evidence
HOME_LABEL = "Home"
SEPARATOR = " › "


def url_of(page: PageArtifact) -> str:
    return page.final_url or page.url


def url_key(url: str) -> str:
    """The stable part of a URL for a finding key: path (and query, which may name the page), no host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def path_text(page: PageArtifact) -> str:
    """The click path as a shopper reads it: "Home › Shop › Dresses › Linen dress"."""
    steps = [HOME_LABEL]
    for step in page.click_path:
        step = " ".join(str(step).split()) or "(link without text)"
        steps.append(step if len(step) <= STEP_CHARS else step[: STEP_CHARS - 1] + "…")
    if page.depth is not None and page.depth > len(page.click_path):
        steps.append(f"… ({page.depth} clicks)")
    return SEPARATOR.join(steps)


def linked_pages(artifacts: Artifacts) -> list[PageArtifact]:
    """OK pages, one per final URL (the shallowest), in a stable order: by depth (unlinked last), then URL."""
    best: dict[str, PageArtifact] = {}
    for page in artifacts.ok_pages():
        url = url_of(page)
        known = best.get(url)
        if known is None or _depth_order(page) < _depth_order(known):
            best[url] = page
    return sorted(best.values(), key=lambda p: (_depth_order(p), url_of(p)))


def _depth_order(page: PageArtifact) -> tuple[int, int]:
    return (1, 0) if page.depth is None else (0, page.depth)


def shallowest(pages: Iterable[PageArtifact]) -> PageArtifact | None:
    """The page with the least depth (ties: a policy page first, then the smallest URL); pages without a
    depth come last."""
    ordered = sorted(pages, key=lambda p: (_depth_order(p), p.page_type != "policy", url_of(p)))
    return ordered[0] if ordered else None


def page_brief(page: PageArtifact | None) -> dict[str, Any] | None:
    if page is None:
        return None
    return {
        "url": url_of(page),
        "title": page.title,
        "type": page.page_type,
        "depth": page.depth,
        "click_path": path_text(page) if page.depth is not None else "(not linked: found in the sitemap)",
    }
