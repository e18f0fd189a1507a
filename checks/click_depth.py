"""Click depth: how many clicks a shopper needs from the home page to products, the basket and help pages.

What it checks
    The breadth-first crawl gives every page the least number of clicks from home (``PageArtifact.depth``)
    and the link texts clicked to get there (``click_path``). The check measures the depth of product pages,
    of the basket (page type ``cart``) and of the help pages a shopper looks for before and after buying —
    contact (page type ``contact``), FAQ (page type ``faq``) and returns (a ``policy`` page, or a page of
    another type except home, product, basket and checkout, whose title or headings match the lexicon group
    ``returns``; a returns slug in the URL counts for any type). For each help kind the shallowest such page
    counts. Rules:

    * ``product-too-deep`` (medium): a product page more than ``max_product_depth`` clicks from home; one
      finding per page.
    * ``cart-too-deep`` (high): the basket more than ``max_cart_depth`` clicks from home (a basket link
      belongs in every header).
    * ``help-page-too-deep`` (medium): the shallowest contact, returns or FAQ page more than
      ``max_help_depth`` clicks from home.
    * ``cart-not-found`` (high): the store sells (:func:`auditor.coverage.store_sells`) but no basket page is
      reached by links and no page read has a control that opens the basket. A header button that opens a
      mini-cart drawer (named or classed as the basket, or with ``aria-haspopup``/``aria-controls``, see
      :func:`auditor.pageview.basket_button`) is a way to the basket: one click more than the page it is on.
      When the pages that would show it were not saved, the check says needs-review instead.

    A contact, returns or FAQ page that does not exist has no depth: it is named in the summary and
    ``details["help_pages"]``, not a finding here (return-policy and contact-options report a missing page).

    Pages known only from the sitemap (``depth`` None: no link chain from home reaches them) are not depth
    findings; they are listed in ``details["unlinked"]``. Every finding carries the click path as evidence
    ("Home › Shop › Dresses › Page 2 › Linen dress").

    Status: ``fail`` with any finding of low or above, else ``pass``; ``not-applicable`` when no page has a
    depth (nothing was crawled by links); ``needs-review`` when a help page of a kind was linked but not read
    (robots.txt, page budget, failure, off-site redirect) and none of that kind was read: no
    ``help-page-missing`` for it.

    ``details``: ``depth_by_type`` ({type: {pages, min, median, max}}), ``cart`` and ``help_pages`` (the page
    used for each kind, with depth and click path), ``unlinked`` (sitemap-only pages), ``limits`` and
    ``tree`` ([{url, title, type, depth, parent_url}], drawn as a click-depth tree).

Why it matters
    Every extra click loses shoppers: what is not found in a few clicks is assumed not to exist, and pages
    deep in pagination are also crawled and ranked less by search engines. Shoppers look for contact, returns
    and FAQ pages before they trust a store; the EU e-Commerce Directive (2000/31/EC art. 5(1)) requires the
    trader's contact details to be "easily, directly and permanently accessible", and the right of withdrawal
    must be explained before the order (Directive 2011/83/EU art. 6(1)(h)).

Failing example
    Home › Shop › Dresses › Page 2 › Linen dress (4 clicks, limit 3) → ``product-too-deep``; the basket is
    reachable only via Home › Account › Basket (2 clicks) → ``cart-too-deep``.

Passing example
    Every header links the basket (1 click), the footer links Contact, Returns and FAQ (1 click), and products
    sit at Home › Dresses › Linen dress (2 clicks) → pass.

Options
    ``max_product_depth`` (default 3), ``max_help_depth`` (default 2), ``max_cart_depth`` (default 1).
"""

from __future__ import annotations

import functools
import statistics
import sys
from typing import Any
from urllib.parse import urlsplit

from auditor import details as visual
from auditor import lexicon
from auditor.analysis.document import document
from auditor.analysis.site import STEP_CHARS, linked_pages, page_brief, path_text, shallowest, url_key, url_of
from auditor.coverage import store_sells
from auditor.model import Artifacts, CheckResult, Finding, PageArtifact
from auditor.pageview import basket_button
from checks.base import T, finding, not_applicable, result, unread_pages

ID = "click-depth"
TITLE = T('Clicks from home to products, basket and help')
CATEGORY = "navigation"
SEVERITIES = ["high", "medium", "low"]
DEFAULT_OPTIONS: dict[str, Any] = {"max_product_depth": 3, "max_help_depth": 2, "max_cart_depth": 1}

HELP_KINDS = ("contact", "returns", "faq")
HELP_LABELS = {"contact": T('contact page'), "returns": T('returns page'), "faq": T('FAQ page')}
# page types whose title/headings may mention returns without being the returns page
NOT_RETURNS_PAGES = ("home", "product", "cart", "checkout")

WHY_PRODUCT = (T('Shoppers who do not find a product within a few clicks assume the store does not have it and '
                 'leave; products buried in deep pagination are also crawled and ranked less by search engines.'))
WHY_CART = (T('Shoppers expect a basket link in the header of every page: returning to the basket to finish an order '
              'must take one click. A basket that is hard to reach is a basket that is abandoned.'))
WHY_HELP = {
    "contact": (T('Shoppers check that they can reach a person before they trust a store, and need to do so fast '
                  'when an order goes wrong. The e-Commerce Directive 2000/31/EC art. 5(1) requires contact details '
                  'to be easily, directly and permanently accessible.')),
    "returns": (T('Shoppers read the returns conditions before buying; hard-to-find returns rules cost sales and '
                  'cause support tickets. The right of withdrawal must be explained before the order (Directive '
                  '2011/83/EU art. 6(1)(h)).')),
    "faq": (T('An FAQ a shopper can find answers questions about delivery, payment and returns before they become '
              'support tickets or abandoned baskets.')),
}
FIX_HELP = {
    "contact": T('Link the contact page from the header or the footer of every page (one click from anywhere).'),
    "returns": T('Link the returns / withdrawal page from the footer of every page and from the basket.'),
    "faq": T('Link the FAQ / help centre from the header or the footer of every page.'),
}


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def is_returns_page(page: PageArtifact) -> bool:
    path = urlsplit(url_of(page)).path
    if lexicon.matches("slug_returns", path) or lexicon.matches("returns", path):
        return True
    if page.page_type in NOT_RETURNS_PAGES:
        return False
    return lexicon.matches("returns", page.title) or any(lexicon.matches("returns", h) for h in page.headings)


def help_pages(pages: list[PageArtifact], kind: str) -> list[PageArtifact]:
    if kind == "contact":
        return [p for p in pages if p.page_type == "contact"]
    if kind == "faq":
        return [p for p in pages if p.page_type == "faq"]
    return [p for p in pages if is_returns_page(p)]


# --------------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------------


def _evidence(page: PageArtifact, limit: int) -> dict[str, Any]:
    return {"click_path": path_text(page), "depth": page.depth, "limit": limit, "page_type": page.page_type,
            "title": page.title}


def _depth_stats(pages: list[PageArtifact]) -> dict[str, dict[str, Any]]:
    by_type: dict[str, list[int]] = {}
    for page in pages:
        if page.depth is not None:
            by_type.setdefault(page.page_type, []).append(page.depth)
    stats = {}
    for page_type in sorted(by_type):
        depths = by_type[page_type]
        median = statistics.median(depths)
        stats[page_type] = {"pages": len(depths), "min": min(depths),
                            "median": int(median) if float(median).is_integer() else median, "max": max(depths)}
    return stats


def _tree(pages: list[PageArtifact]) -> list[dict[str, Any]]:
    return [{"url": url_of(p), "title": p.title, "type": p.page_type, "depth": p.depth,
             "parent_url": p.parent_url if p.depth else None} for p in pages]


def _product_findings(products: list[PageArtifact], limit: int) -> list[Finding]:
    out = []
    for page in products:
        if page.depth is None or page.depth <= limit:
            continue
        name = page.title or url_key(url_of(page))
        out.append(finding(
            ID, "product-too-deep", "medium", T('Product “{name}” is {depth} clicks from home',
                                                name=name, depth=page.depth),
            T('The product page is {depth} clicks from the home page (limit {limit}): {path_text}.',
              depth=page.depth, limit=limit, path_text=path_text(page)),
            url=url_of(page), key=url_key(url_of(page)), evidence=_evidence(page, limit), why=WHY_PRODUCT,
            recommendation=(T('Bring products within {limit} clicks: link subcategories from the menu, show more '
                              'products per category page or add filters instead of deep pagination, and link '
                              'bestsellers and new arrivals from the home page.', limit=limit)),
        ))
    return out


def _cart_finding(cart: PageArtifact | None, limit: int) -> list[Finding]:
    if cart is None or cart.depth is None or cart.depth <= limit:
        return []
    return [finding(
        ID, "cart-too-deep", "high", T('The basket is {depth} clicks from home', depth=cart.depth),
        T('The basket page is {depth} clicks from the home page (limit {limit}): {path_text}.',
          depth=cart.depth, limit=limit, path_text=path_text(cart)),
        url=url_of(cart), key=url_key(url_of(cart)), evidence=_evidence(cart, limit), why=WHY_CART,
        recommendation=T('Put a basket link (icon with the item count and a text label) in the header of every page.'
                         ),
    )]


def _cart_button(artifacts: Artifacts, pages: list[PageArtifact]) -> tuple[dict[str, Any] | None, bool]:
    """A button that opens the basket (a mini-cart drawer) on the shallowest linked pages, and whether any of
    those pages' HTML could be read."""
    read = False
    for page in sorted((p for p in pages if p.depth is not None), key=lambda p: p.depth or 0)[:5]:
        tree = document(artifacts, page).tree
        read = read or tree is not None
        name = basket_button(tree)
        if name:
            return {"control": name[:STEP_CHARS], "url": url_of(page), "depth": (page.depth or 0) + 1,
                    "kind": "button"}, True
    return None, read


def _cart_missing(artifacts: Artifacts) -> list[Finding]:
    home = artifacts.home()
    return [finding(
        ID, "cart-not-found", "high", T('No way to the basket was found'),
        T('No page read links to the basket and no button on them opens it: a shopper who has added a product '
          'cannot get back to the basket to finish the order.'),
        url=url_of(home) if home else artifacts.start_url, key="cart-not-found",
        evidence={"pages_read": len(artifacts.ok_pages())}, why=WHY_CART,
        recommendation=T('Put a basket link (icon with the item count and a text label) in the header of every page.'
                         ),
    )]


def _help_findings(kind: str, page: PageArtifact | None, limit: int, crawled: int) -> list[Finding]:
    label = HELP_LABELS[kind]
    if page is None:
        return []  # no depth to measure: return-policy and contact-options report a page that is missing
    if page.depth is None or page.depth <= limit:
        return []
    return [finding(
        ID, "help-page-too-deep", "medium", T('The {label} is {depth} clicks from home',
                                              label=label, depth=page.depth),
        T('The shallowest {label} is {depth} clicks from the home page (limit {limit}): {path_text}.',
          label=label, depth=page.depth, limit=limit, path_text=path_text(page)),
        url=url_of(page), key=f"{kind}:{url_key(url_of(page))}", evidence={"kind": kind, **_evidence(page, limit)},
        why=WHY_HELP[kind], recommendation=FIX_HELP[kind],
    )]


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    pages = linked_pages(artifacts)
    if not any(p.depth is not None for p in pages):
        return not_applicable(sys.modules[__name__], T('No page was reached by links from the home page, so there is '
                                                       'no click depth to measure.'),
                              details={"pages": len(pages)})
    max_product = int(options["max_product_depth"])
    max_cart = int(options["max_cart_depth"])
    max_help = int(options["max_help_depth"])

    findings: list[Finding] = []
    products = [p for p in pages if p.page_type == "product"]
    findings += _product_findings(products, max_product)

    cart = shallowest(p for p in pages if p.page_type == "cart")
    findings += _cart_finding(cart, max_cart)
    cart_button: dict[str, Any] | None = None
    cart_unseen = False  # no way to the basket could be judged: the pages were not saved
    if cart is None or cart.depth is None:
        cart_button, read = _cart_button(artifacts, pages)
        if cart_button is None and store_sells(artifacts):
            if read:
                findings += _cart_missing(artifacts)
            else:
                cart_unseen = True

    chosen: dict[str, PageArtifact | None] = {}
    unread: dict[str, list[dict[str, str]]] = {}
    notes: list[str] = []
    for kind in HELP_KINDS:
        chosen[kind] = shallowest(help_pages(pages, kind))
        if chosen[kind] is None:
            listed, note = unread_pages(artifacts, kind)
            if listed:  # linked but not read: neither missing nor measured
                unread[kind] = listed
                notes.append(note)
                continue
        findings += _help_findings(kind, chosen[kind], max_help, len(pages))

    unlinked = [p for p in pages if p.depth is None]
    deep_products = sum(1 for f in findings if f.rule == "product-too-deep")
    linked_products = [p for p in products if p.depth is not None]
    parts = []
    if linked_products:
        parts.append(T("{deep} of {linked} product pages are more than {limit} clicks from home.", deep=deep_products,
                       linked=len(linked_products), limit=max_product) if deep_products else
                     T("All {linked} product pages are within {limit} clicks.", linked=len(linked_products),
                       limit=max_product))
    if cart is not None and cart.depth is not None:
        parts.append(T("Basket: {depth} click(s).", depth=cart.depth))
    elif cart_button is not None:
        parts.append(T("Basket: a button “{control}” opens it ({depth} click(s)).", control=cart_button["control"],
                       depth=cart_button["depth"]))
    else:
        parts.append(T("The basket is not reached by links."))
    for kind in HELP_KINDS:
        page = chosen[kind]
        if page is None and kind in unread:
            parts.append(T("The {label} is linked but was not read.", label=HELP_LABELS[kind]))
        elif page is None:
            parts.append(T("No {label} found.", label=HELP_LABELS[kind]))
        elif page.depth is None:
            parts.append(T("Depth of the {label}: only in the sitemap.", label=HELP_LABELS[kind]))
        else:
            parts.append(T("Depth of the {label}: {depth} click(s).", label=HELP_LABELS[kind], depth=page.depth))
    if unlinked:
        parts.append(T("{n} page(s) reachable only from the sitemap.", n=len(unlinked)))
    summary = functools.reduce(lambda a, b: a + " " + b, parts)

    tree = _tree(pages)
    details: dict[str, Any] = {
        "limits": {"product": max_product, "cart": max_cart, "help": max_help},
        "depth_by_type": _depth_stats(pages),
        "cart": page_brief(cart) if cart is not None and cart.depth is not None else cart_button or page_brief(cart),
        "help_pages": {kind: page_brief(chosen[kind]) for kind in HELP_KINDS},
        "unlinked": [{"url": url_of(p), "title": p.title, "type": p.page_type, "severity": "info",
                      "note": "found only in the sitemap: no link chain from the home page reaches it"}
                     for p in unlinked],
        "tree": tree,
    }
    visuals = [visual.tree(tree)]
    if cart_unseen:
        notes.append(T("No basket page was reached by links and the pages that would show a basket button were not "
                       "saved: the way to the basket needs a review."))
    if unread or cart_unseen:
        details["unread"] = unread
        return result(sys.modules[__name__], findings, functools.reduce(lambda a, b: a + " " + b, [summary, *notes]),
                      status="needs-review", details=details, visuals=visuals)
    return result(sys.modules[__name__], findings, summary, details=details, visuals=visuals)


