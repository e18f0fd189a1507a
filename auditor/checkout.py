"""The checkout walk: from a product page, as a guest, to the last step before payment — and never further.

For each sampled product the walker picks required options, adds it to the basket, opens the basket, proceeds
to checkout, fills guest forms with clearly fake test data, keeps the default (or cheapest) shipping method
and continues step by step until the step whose next action would place the order or pay. Every step is
recorded as a :class:`CheckoutStep`: its price lines, checkboxes, progress indicator, account wall, form
size, the label of the final order button, and a screenshot.

Never order, never pay: every walk runs inside the safety envelope of :mod:`auditor.safety` (its docstring is
the policy). Each click is vetted before it is made (``vet_click``), every request of the walk's browser
context goes through its guard, and every page is checked for an order confirmation.

The last step is recognised by the wording of its order/pay button, or by a button of whatever wording that
submits a form to an order-placing URL (a "Continue" that places the order is still the order button).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor import lexicon, safety, shopper
from auditor.analysis.text import sentences
from auditor.browser import deep_dom, evaluate_json
from auditor.consent import dismiss_overlays
from auditor.ledger import apply as read_ledger
from auditor.ledger import parse_rows, step_rows, unpriced_shipping
from auditor.model import (
    Checkbox,
    CheckoutStep,
    CheckoutWalk,
    OrderSuspicion,
    PageArtifact,
    PriceLine,
    StepKind,
)
from auditor.pageview import ADD_NAME_RE, ADD_URL_RE, PRICE_RE
from auditor.prices import Money, parse_price, price_from_structured

MAX_STEPS = 8
ACTION_TIMEOUT_MS = 8_000
STEP_WAIT_S = 6.0  # how long a step rendered in place by a script may take to appear after a click
DELIVERY_WAIT_S = 4.0  # how long a one-page checkout may take to offer delivery methods for the address typed
QUIET_AFTER_S = 4.0  # a request pending longer than this (polling, a stream) does not keep a step loading


@dataclass
class TestCustomer:
    """Clearly fake guest data (configurable); phone and address follow the store's country."""

    email: str = "clearcart-test@example.invalid"
    first_name: str = "Test"
    last_name: str = "Clearcart"
    street: str = "Testowa 1"
    city: str = "Testville"
    postcode: str = "00-950"
    phone: str = "+48 500 000 000"
    company: str = ""
    country: str = ""

    @classmethod
    def for_language(cls, lang: str) -> TestCustomer:
        by_lang = {
            "pl": dict(street="ul. Testowa 1", city="Warszawa", postcode="00-950", phone="+48 500 000 000", country="PL"),
            "uk": dict(street="вул. Тестова 1", city="Київ", postcode="01001", phone="+380 50 000 0000", country="UA"),
            "ru": dict(street="ул. Тестовая 1", city="Москва", postcode="101000", phone="+7 900 000-00-00", country="RU"),
            "sk": dict(street="Testovacia 1", city="Bratislava", postcode="811 01", phone="+421 900 000 000", country="SK"),
            "cs": dict(street="Testovací 1", city="Praha", postcode="110 00", phone="+420 600 000 000", country="CZ"),
            "de": dict(street="Teststraße 1", city="Berlin", postcode="10115", phone="+49 151 00000000", country="DE"),
            "en": dict(street="1 Test Street", city="Dublin", postcode="D01 F5P2", phone="+353 85 000 0000", country="IE"),
        }
        return cls(**by_lang.get(lang, by_lang["en"]))

    @classmethod
    def for_country(cls, code: str, lang: str = "en") -> TestCustomer:
        """An address valid in the country a form preselects (ISO code); the page language otherwise."""
        other = {
            "AT": dict(street="Teststraße 1", city="Wien", postcode="1010", phone="+43 660 0000000"),
            "CH": dict(street="Teststrasse 1", city="Zürich", postcode="8001", phone="+41 79 000 00 00"),
            "GB": dict(street="1 Test Street", city="London", postcode="SW1A 1AA", phone="+44 7700 900000"),
            "US": dict(street="1 Test Street", city="New York", postcode="10001", phone="+1 212 555 0100"),
        }
        from auditor.shopper import COUNTRY_LANG

        if code in other:
            customer = cls(**other[code])
        else:
            customer = cls.for_language(COUNTRY_LANG.get(code, lang))
        customer.country = code
        return customer


# ------------------------------------------------------------------------------------------------ page reading

_STEP_JS = deep_dom(r"""
() => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  // where an element is in the full-page screenshot taken right after this snapshot (document coordinates)
  const boxOf = (...els) => {
    const rs = els.filter(Boolean).map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    if (!rs.length) return null;
    const left = Math.min(...rs.map((r) => r.left)), top = Math.min(...rs.map((r) => r.top));
    const right = Math.max(...rs.map((r) => r.right)), bottom = Math.max(...rs.map((r) => r.bottom));
    return {x: left + window.scrollX, y: top + window.scrollY, width: right - left, height: bottom - top};
  };
  // The step as recorded facts, one node per element in document order (auditor.ledger.step_rows reads the
  // price rows from them): parent, tag, rendered text and own text, visibility, box, the radio or checkbox the
  // element belongs to (its checked state), in a strike-through or in page chrome, the text of a form's submit
  // button. Nothing is decided here.
  const boxSel = 'input[type=radio], input[type=checkbox]';
  const choiceOf = (el) => el.querySelector(boxSel) ||
    ((l) => l && l.htmlFor && document.getElementById(l.htmlFor))(el.closest('label')) ||
    ((r) => r && r.querySelector(boxSel))(el.closest('label, li, tr, [class*=option], [class*=method], [class*=rate]'));
  const ownText = (el) => norm([...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' '));
  const els = document.body ? [document.body, ...deepElements(document.body, 19999)] : [];
  const ids = new Map(els.map((el, i) => [el, i]));
  const nodes = els.map((el) => {
    const choice = choiceOf(el);
    const submit = (el.tagName === 'BUTTON' || el.tagName === 'INPUT') && el.type === 'submit' && !!el.form;
    return {p: ids.has(parentOf(el)) ? ids.get(parentOf(el)) : -1, tag: el.tagName,
            text: norm(el.innerText).slice(0, 400), own: ownText(el).slice(0, 400), kids: el.children.length,
            visible: visible(el), box: boxOf(el), choice: choice ? !!choice.checked : null,
            radio: el.tagName === 'INPUT' && el.type === 'radio' ? el.checked : null,
            strike: !!el.closest('s, del, strike, .old-price, .price-old, [class*=strike]'),
            chrome: !!closestDeep(el, 'header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]'),
            submit: submit ? norm(el.innerText || el.value) : null};
  });
  const labelOf = (input) => {
    if (input.id) { const l = $1(document, 'label[for="' + CSS.escape(input.id) + '"]'); if (l) return norm(l.innerText); }
    const wrap = input.closest('label'); if (wrap) return norm(wrap.innerText);
    const parent = input.parentElement; return parent ? norm(parent.innerText) : '';
  };
  const checkboxes = [...$$(document, 'input[type=checkbox]')].filter((c) => visible(c) || visible(c.closest('label')))
    .map((c) => ({label: labelOf(c).slice(0, 300), checked: c.checked, name: c.name || c.id || '',
                  box: boxOf(c, c.closest('label') || (c.id && $1(document, 'label[for="' + CSS.escape(c.id) + '"]')))}));
  const fields = [...$$(document, 'input, select, textarea')].filter((i) =>
    !['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio'].includes((i.type || '').toLowerCase()) && visible(i));
  const radios = [...$$(document, 'input[type=radio]')].filter((r) => visible(r) || visible(r.closest('label')))
    .map((r) => ({name: r.name, label: labelOf(r).slice(0, 200), checked: r.checked}));
  const progress = !!$1(document, '[aria-current=step], [class*=progress], [class*=stepper], [class*=checkout-steps], [class*=steps], [id*=progress], [role=progressbar], ol[class*=step], [class*=step-number], [class*=checkout-step]');
  const buttons = [...$$(document, 'button, input[type=submit], input[type=button], a[role=button], a.button, a.btn, a[class*=button], a[class*=btn]')]
    .filter(visible).map((b) => norm(b.innerText || b.value || b.getAttribute('aria-label') || '')).filter(Boolean);
  return {
    url: location.href, title: norm(document.title), h1: norm(($1(document, 'h1') || {}).innerText),
    text: norm(deepText()).slice(0, 4000),
    nodes, checkboxes, radios, fieldCount: fields.length,
    // required fields (and required choices) still empty: the store cannot have priced delivery or tax yet
    requiredEmpty: fields.filter((i) => (i.required || i.getAttribute('aria-required') === 'true') && !(i.value || '').trim()).length +
      [...new Set([...$$(document, 'input[type=radio][required]')].filter((r) => visible(r) || visible(r.closest('label'))).map((r) => r.name))]
        .filter((n) => n && !$1(document, 'input[type=radio][name="' + CSS.escape(n) + '"]:checked')).length,
    passwordFields: [...$$(document, 'input[type=password]')].filter(visible).length,
    fieldHints: fields.map((i) => [i.name, i.id, i.type, i.autocomplete, labelOf(i)].join(' ').toLowerCase()),
    progress, buttons,
  };
}
""")

# the page's rendered text, its open shadow roots' too
_PAGE_TEXT_JS = deep_dom("() => { return deepText(); }")

# what a step looks like right now: is a script still loading it, and its text (to see it change)
_STATE_JS = deep_dom(r"""
() => {
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const busy = !!document.querySelector('[aria-busy=true]') || [...document.querySelectorAll('[class]')].some((el) =>
    typeof el.className === 'string' && /(^|\s)[\w-]*(spinner|loading|skeleton)[\w-]*(\s|$)/i.test(el.className) &&
    !/(^|\s)[\w-]*(loaded)/i.test(el.className) && visible(el));
  const text = deepText().replace(/\s+/g, ' ').trim().slice(0, 1500);
  return {url: location.href, busy, text};
}
""")

# candidates to click: returns [{index, text, href, inForm, formAction, formMethod, submits, region, top}]
_CLICKABLES_JS = deep_dom(r"""
() => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.disabled; };
  const els = [...$$(document, 'button, input[type=submit], input[type=button], a[href], [role=button]')];
  window.__clearcartClickables = els;
  const priceRe = /\d[\d\s.,\u00a0]*\s*(zł|zl|€|eur|₴|грн|uah|₽|руб|rub|kč|czk|\$|£|chf|pln)|(€|\$|£|₴|₽)\s*\d/i;
  const priced = (el) => { let node = el.parentElement;
    for (let i = 0; node && node !== document.body && i < 5; i++, node = node.parentElement) {
      const text = norm(node.innerText); if (text.length > 250) return null; if (priceRe.test(text)) return node; }
    return null; };
  return els.map((el, index) => ({
    index, visible: visible(el),
    text: norm(el.innerText || el.value || el.getAttribute('aria-label') || el.title || '').slice(0, 150),
    // every accessible name, vetted by the safety policy as well as the visible text
    aria: norm((el.getAttribute('aria-label') || '') + ' ' + (el.title || '') + ' ' +
      [...$$(el, '[aria-label], [title], img[alt], .sr-only, .visually-hidden, .screen-reader-text')]
        .map((x) => x.getAttribute('aria-label') || x.title || x.alt || x.textContent).join(' ')).slice(0, 150),
    title: norm(el.title || ''),
    value: norm(el.tagName === 'INPUT' ? el.value : ''), tag: el.tagName,
    alt: norm([...$$(el, 'img[alt]')].map((i) => i.alt).join(' ')),
    dialog: !!closestDeep(el, '[role=dialog], dialog, [aria-modal=true], .modal, [class*=drawer], [class*=notification], [class*=popup], [class*=mini-cart], [class*=minicart], [class*=offcanvas], [class*=added], [id*=cart-notification], [class*=cart-preview]'),
    // the row a button belongs to: a list item, a table row, a method/option box, else the nearest small block
    // holding a price (a delivery step laid out in grid divs, one "Select option" form per method)
    row: norm(((el.closest('li, tr, [class*=method], [class*=option]') || priced(el)) || {}).innerText || '').slice(0, 200),
    href: el.getAttribute('href') || '', hrefAbs: el.tagName === 'A' ? el.href : '', name: (el.name || '') + ' ' + (el.id || '') + ' ' + (typeof el.className === 'string' ? el.className : ''),
    inForm: !!el.form || !!el.closest('form'),
    formAction: el.getAttribute('formaction') || (el.form && el.form.getAttribute('action')) ||
      ((el.closest('form') || {}).action) || '',
    formMethod: ((el.getAttribute('formmethod') || (el.form && el.form.getAttribute('method')) || 'get') + '').toLowerCase(),
    submits: !!el.form && (el.tagName === 'BUTTON' ? (el.type || 'submit') === 'submit' : el.type === 'submit'),
    // a form's or an article's own <header>/<footer> (a "form-footer" with the Continue button) is not page chrome
    region: ((h) => h && !closestDeep(parentOf(h), 'form, article, section, dialog, [role=dialog]'))(closestDeep(el, 'header, nav, [role=banner]')) ? 'header'
      : ((f) => f && !closestDeep(parentOf(f), 'form, article, section, dialog, [role=dialog]'))(closestDeep(el, 'footer')) ? 'footer' : 'main',
    top: el.getBoundingClientRect().top + window.scrollY,
    box: (({left, top, width, height}) => ({x: left + window.scrollX, y: top + window.scrollY, width, height}))(
      el.getBoundingClientRect()),
  })).filter((c) => c.visible);
}
""")

def _parse_rows(rows: list[dict[str, Any]], currency_hint: str) -> list[PriceLine]:
    return parse_rows(rows, currency_hint)


def _step_kind(data: dict[str, Any], has_final: bool, index: int) -> StepKind:
    hints = " ".join(data["fieldHints"])
    names = " ".join(r["name"] + " " + r["label"] for r in data["radios"]).lower()
    if has_final:
        return "review"
    if lexicon.matches("field_payment", names, anywhere=True):
        return "payment"
    if lexicon.matches("field_shipping", names, anywhere=True):
        return "shipping"
    path = urlsplit(data.get("url", "")).path.lower()
    if not data["fieldCount"] and (lexicon.matches("slug_cart", path, whole=True) or
                                   lexicon.matches("cart", data.get("h1", ""))):
        return "basket"
    if lexicon.matches("field_details", hints, anywhere=True):
        return "details"
    return "basket" if index == 0 else "other"


@lru_cache(maxsize=1)
def _progress_pattern() -> re.Pattern[str]:
    """"Step 2 of 4", "Krok 2 z 4", "Schritt 2 von 4", "Шаг 2/4": a progress indicator in a step's text."""
    step, of = lexicon.pattern("progress_step", whole=True).pattern, lexicon.pattern("progress_of", whole=True).pattern
    return re.compile(rf"{step}\s*\d+\s*(?:{of}|/)\s*\d+", re.IGNORECASE)


def progress_shown(nodes: list[dict[str, Any]]) -> bool:
    """A progress indicator among a step's recorded nodes (``_STEP_JS``), whatever its markup's class names: a
    list of 3–8 short items that almost all name checkout stages, the basket or the summary among them ("Nákupný
    košík › Doprava a platba › Informácie o vás", "Warenkorb · Adresse · Versand · Zahlung · Übersicht"), or
    three or more numbered step headings ("Шаг 1: …", "Krok 2. …", "Step 3 …")."""
    children: dict[int, list[int]] = {}
    for i, node in enumerate(nodes):
        children.setdefault(node.get("p", -1), []).append(i)
    numbered: set[str] = set()
    step_word = lexicon.pattern("progress_step", whole=True).pattern
    numbered_re = re.compile(rf"^{step_word}\s*(\d)\b", re.IGNORECASE)
    for i, node in enumerate(nodes):
        if not node.get("visible"):
            continue
        text = node.get("text") or ""
        if len(text) <= 80:
            match = numbered_re.match(text)
            if match:
                numbered.add(match.group(1))
        if node.get("tag") not in ("OL", "UL", "NAV") or len(text) > 320:
            continue
        items = [nodes[j]["text"] for j in children.get(i, []) if nodes[j].get("visible") and nodes[j].get("text")]
        if not 3 <= len(items) <= 8 or any(len(item) > 40 for item in items):
            continue
        stages = sum(1 for item in items if lexicon.matches("checkout_stage", item))
        # the basket or the summary among them: an information menu ("Delivery", "Payment", "Returns") is no
        # progress indicator
        ends = any(lexicon.matches("cart", item) or lexicon.pattern("review_step").search(item) for item in items)
        if stages >= max(3, len(items) - 1) and ends:
            return True
    return len(numbered) >= 3


def _is_final(text: str) -> bool:
    """Reads as placing the order or paying; an ambiguous word ("Objednat", "Bestellen") with guest wording
    ("Objednat jako host", "Als Gast bestellen") is the choice to shop as a guest, not the order button."""
    wording = safety.order_wording(text)
    return wording == "order" or (wording == "ambiguous" and not lexicon.matches("guest", text))


def _submits_order(c: dict[str, Any]) -> bool:
    """A button that posts a form to an order-placing URL, whatever its label says."""
    return safety.submits_order(c)


def _final_candidate(candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The last step's order/pay button among the clickables of the main content, if the page has one: its
    wording says order or pay, or it posts the order, or it is a link to an order-finishing address (a
    "Continue" that places the order is still the order button)."""
    main = [c for c in candidates if c["region"] == "main"]
    return next((c for c in main if _is_final(c["text"])), None) or next((c for c in main if _submits_order(c)), None) \
        or next((c for c in main if safety.finishing_url(c.get("hrefAbs") or c.get("href") or "")), None)


def _score_add_to_cart(c: dict[str, Any]) -> int:
    score = 0
    if lexicon.matches("add_to_cart", c["text"]) or lexicon.matches("add_to_cart", c.get("aria", "")):
        score += 10
    if re.search(r"add.?to.?(cart|basket|bag)|cart/add|koszyk|kosik|warenkorb|корзин|кошик", c["formAction"] + " " +
                 c["name"], re.I) or ADD_URL_RE.search(c["formAction"] + " " + c.get("href", "")) or \
            ADD_NAME_RE.search(c["name"].strip()):
        score += 6
    if c["inForm"]:
        score += 2
    if c["region"] != "main":
        score -= 8
    if _is_final(c["text"]) and not lexicon.matches("add_to_cart", c["text"]):
        score -= 20
    return score


class Walker:
    def __init__(self, out_dir: Path, customer: TestCustomer | None = None,
                 progress: Callable[..., None] | None = None, scope: str = "checkout",
                 post_payment_step: bool = False):
        self.out_dir = Path(out_dir)
        self.customer = customer
        self.progress = progress or (lambda *a, **k: None)
        self.scope = scope  # "checkout": to the last step before ordering; "basket": stop once it is reached
        self.post_payment_step = post_payment_step  # the user's permit (auditor/safety.py, part 6)
        self.guard: safety.Guard | None = None  # the current walk's guard (a click grants it one form submission)
        self._inflight: dict[int, dict[Any, float]] = {}  # requests in flight per page (see watch())
        self._refused_now: list[str] = []  # clicks the safety policy refused in the last _click_best
        self._blocked_mark = 0  # how many requests the guard had blocked when the walker last acted

    def _refusals(self) -> str:
        return f" (refused by the safety policy: {'; '.join(self._refused_now[:3])})" if self._refused_now else ""

    async def walk(self, browser: Any, product: PageArtifact, index: int) -> CheckoutWalk:
        started = time.perf_counter()
        walk = self.current = CheckoutWalk(product_url=product.final_url, product_name=product.title)
        money = price_from_structured(product.structured)
        if money:
            walk.product_price, walk.currency = money.amount, money.currency
        customer = self.customer or TestCustomer.for_language(product.lang or "en")
        guard = self.guard = safety.Guard(post_payment_step=self.post_payment_step, site=product.final_url)
        walk.post_payment_step = self.post_payment_step
        self._blocked_mark = 0
        context, page = await safety.open_walk(browser, guard, timeout_ms=ACTION_TIMEOUT_MS)
        self.watch(page)
        clicks = 0
        try:
            await page.goto(product.final_url, wait_until="domcontentloaded")
            await dismiss_overlays(page, settle_ms=400)
            await self._check_order(page)
            walk.pre_checkout_texts = await self._cost_sentences(page)
            step = await self._record(page, walk, index, "product", clicks, currency=walk.currency)
            if not walk.product_price:
                money = await page_price(page)
                if money is not None:
                    walk.product_price, walk.currency = money.amount, money.currency
            if not walk.product_price:
                items = [line for line in step.price_lines if line.amount]
                if items:
                    walk.product_price, walk.currency = items[0].amount, items[0].currency
            if await self._choose_options(page):
                await self._settle(page)
            if not await self._click_best(page, _score_add_to_cart, minimum=8, step="product"):
                walk.stuck_reason = "no add-to-basket button found on the product page" + self._refusals()
                return walk
            clicks += 1
            await self._settle(page)
            await dismiss_overlays(page)  # an add-to-cart confirmation stays open: it is a way on
            if not self._looks_like(page.url, "slug_cart"):
                if await self._click_best(page, self._score_cart_link, minimum=6, step="other"):
                    clicks += 1
                    await self._settle(page)
                elif not await self._open_usual_cart(page):
                    walk.stuck_reason = "no way to the basket found after adding the product" + self._refusals()
                    await self._record(page, walk, index, "other", clicks, currency=walk.currency)
                    return walk
            await self._record(page, walk, index, "basket", clicks, currency=walk.currency)
            walk.pre_checkout_texts += await self._cost_sentences(page)
            if self.scope == "basket":
                walk.stuck_reason = "the walk stopped at the basket, as asked (--walk basket)"
                return walk
            await self._choose_shipping(page)  # a basket that asks for the delivery and payment method first
            if not await self._click_best(page, self._score_checkout, minimum=6, step="basket", onward=True):
                walk.stuck_reason = "no way from the basket to checkout found" + self._refusals()
                return walk
            clicks += 1
            await self._settle(page)
            for _ in range(MAX_STEPS):
                await dismiss_overlays(page)
                await self._continue_as_guest(page)
                if self.customer is None:  # the test address follows the country the form preselects
                    country = await shopper.form_country(page)
                    if country and country != customer.country:
                        customer = TestCustomer.for_country(country, product.lang or "en")
                await self._fill_step(page, customer)
                await self._check_order(page)
                candidates = await page.evaluate(_CLICKABLES_JS)
                final = _final_candidate(candidates)
                if final is not None:
                    guard.finish()  # the last step: from now on nothing is submitted and no page opens
                step = await self._record(page, walk, index, None, clicks, final=final, currency=walk.currency)
                if step.kind in ("payment", "review"):
                    guard.arm(f"the {step.kind} step")
                if final is not None:
                    walk.completed = True
                    return walk
                if step.account_required and not step.guest_option:
                    walk.stuck_reason = "the checkout requires an account (no guest checkout offered)"
                    return walk
                before, blocked_before = page.url, len(guard.blocked)
                if not await self._click_best(page, self._score_continue, minimum=6, candidates=candidates,
                                              step=step.kind, onward=True):
                    walk.stuck_reason = f"no button to continue found on the {step.kind} step" + self._refusals()
                    return walk
                clicks += 1
                await self._settle(page, changed_from=step.text_excerpt)
                if page.url == before and await self._same_step(page, step):
                    stopped = [b for b in guard.blocked[blocked_before:] if not b.startswith("POPUP")]
                    if stopped:
                        walk.guard_stop = True
                        walk.stuck_reason = (f"the {step.kind} step's next action was stopped by the safety guard "
                                             f"({stopped[0][:160]}): the walk ends here")
                    else:
                        walk.stuck_reason = (f"the {step.kind} step did not advance (a required field the walker "
                                             "could not fill, or a validation error)")
                    await self._record(page, walk, index, step.kind, clicks, currency=walk.currency)
                    return walk
            walk.stuck_reason = f"no final order button after {MAX_STEPS} steps"
        except safety.OrderSuspected as suspected:
            walk.completed = False
            walk.order_suspected = OrderSuspicion(url=suspected.suspicion.url, evidence=suspected.suspicion.evidence)
            walk.stuck_reason = str(suspected)
            self.progress("order-suspected", url=suspected.suspicion.url, message=str(suspected))
            with contextlib.suppress(Exception):
                await self._record(page, walk, index, "other", clicks, currency=walk.currency)
        except Exception as exc:
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            walk.stuck_reason = f"the walk stopped: {message[:200]}"
            with contextlib.suppress(Exception):
                await self._record(page, walk, index, "other", clicks, currency=walk.currency)
        finally:
            walk.blocked_requests = list(guard.blocked)
            walk.permitted_requests = list(guard.permitted)
            walk.refused_clicks = list(guard.refused)
            if guard.suspected is not None and walk.order_suspected is None:  # seen while the walk was ending
                walk.order_suspected = OrderSuspicion(url=guard.suspected.url, evidence=guard.suspected.evidence)
                walk.completed = False
                walk.stuck_reason = safety.order_warning(guard.suspected.url, guard.suspected.evidence)
            walk.duration_s = round(time.perf_counter() - started, 2)
            self._inflight.pop(id(page), None)
            with contextlib.suppress(Exception):
                await context.close()
        return walk

    async def _check_order(self, page: Any) -> None:
        """Stop the walk at once when the page now open looks like an order confirmation."""
        if self.guard is not None and await safety.inspect(page, self.guard) is not None:
            raise safety.OrderSuspected(self.guard.suspected)  # type: ignore[arg-type]

    # -------------------------------------------------------------------------------------------- helpers
    @staticmethod
    def _looks_like(url: str, group: str) -> bool:
        return lexicon.matches(group, urlsplit(url).path.lower(), whole=True)

    @staticmethod
    def _score_cart_link(c: dict[str, Any]) -> int:
        """The way to the basket: by its words, its accessible name or title (a header icon reads "1"), its
        address; a link in the add-to-cart confirmation (modal, drawer, mini-cart) first."""
        score = 0
        if lexicon.matches("cart", c["text"]):
            score += 8
        elif lexicon.matches("cart", c.get("aria", "")):
            score += 7
        if lexicon.matches("slug_cart", c["href"].lower(), whole=True) and not ADD_URL_RE.search(c["href"]):
            score += 6
        if c.get("dialog") and score > 0:
            score += 3
        if lexicon.matches("add_to_cart", c["text"]) or _is_final(c["text"]):
            score -= 20
        return score

    @staticmethod
    def _score_checkout(c: dict[str, Any]) -> int:
        score = 0
        if lexicon.matches("checkout", c["text"]):
            score += 10
        if lexicon.matches("continue", c["text"]):
            score += 3
        if lexicon.matches("slug_checkout", c["href"].lower(), whole=True):
            score += 5
        if c["region"] != "main":
            score -= 4
        elif c["submits"] and lexicon.matches("continue", c["text"]):
            score += 4  # the basket form's own "Next" ("Dalej", "Weiter") leads on
        if _is_final(c["text"]) and not lexicon.matches("checkout", c["text"]):
            score -= 30
        return score

    @staticmethod
    def _score_continue(c: dict[str, Any]) -> int:
        if _is_final(c["text"]) or c["region"] != "main":
            return -100
        score = 0
        if lexicon.matches("continue", c["text"]):
            score += 10
        if lexicon.matches("checkout", c["text"]):
            score += 4
        if c["inForm"]:
            score += 2
        if lexicon.matches("not_onward", c["text"], anywhere=True):
            score -= 20
        # a delivery step with one submit button per shipping method ("Select option", "Wybierz"): a way on
        if score < 6 and c["submits"] and lexicon.matches("choose", c["text"], whole=True) and (
                lexicon.matches("price_shipping", c.get("row", "")) or PRICE_RE.search(c.get("row", ""))):
            score = 7
        return score

    async def _click_best(self, page: Any, score: Callable[[dict[str, Any]], int], minimum: int,
                          candidates: list[dict[str, Any]] | None = None, step: str = "",
                          onward: bool = False) -> bool:
        """Click the best-scoring candidate the safety policy allows (an ambiguous link is opened by its
        address instead, without its scripts); refused candidates are recorded and skipped."""
        if candidates is None:
            candidates = await page.evaluate(_CLICKABLES_JS)
        else:
            await page.evaluate(_CLICKABLES_JS)  # refresh the element list the indexes point into
        ranked = sorted(((score(c), -c["top"], c) for c in candidates), key=lambda t: (t[0], t[1]), reverse=True)
        self._refused_now = []
        for points, _, chosen in ranked:
            if points < minimum:
                return False
            verdict = safety.vet_click(chosen, page.url, step)
            if verdict.action == "refuse":
                self._refused_now.append(verdict.reason)
                if self.guard is not None:
                    self.guard.refused.append(f"{page.url}: {verdict.reason}")
                continue
            self._blocked_mark = len(self.guard.blocked) if self.guard is not None else 0
            if verdict.action == "navigate":
                await page.goto(verdict.url, wait_until="domcontentloaded")
                return True
            handle = await page.evaluate_handle("(i) => window.__clearcartClickables[i]", chosen["index"])
            element = handle.as_element()
            if element is None:
                return False
            if self.guard is not None:
                self.guard.begin_action(onward)  # may submit one form (and, with the user's permit, post)
            try:
                await element.click(timeout=ACTION_TIMEOUT_MS)
            except Exception:
                await element.evaluate("(el) => el.click()")
            return True
        return False

    async def _settle(self, page: Any, changed_from: str | None = None) -> None:
        """Wait for the page an action led to: loaded, the network quiet, no busy indicator (aria-busy, a
        spinner), and its text holding still — for a step a script renders in place, until the text differs
        from ``changed_from`` (or ``STEP_WAIT_S`` passes). Then the action's allowance to submit a form ends."""
        with contextlib.suppress(Exception):
            await page.wait_for_load_state("domcontentloaded", timeout=ACTION_TIMEOUT_MS)
        deadline = time.monotonic() + STEP_WAIT_S
        last = None
        while time.monotonic() < deadline:
            await asyncio.sleep(0.12)
            try:
                state = await page.evaluate(_STATE_JS)
            except Exception:  # a navigation is under way
                with contextlib.suppress(Exception):
                    await page.wait_for_load_state("domcontentloaded", timeout=ACTION_TIMEOUT_MS)
                last = None
                continue
            key = (state["url"], state["text"])
            changed = changed_from is None or state["text"][:600] != changed_from[:600]
            quiet = not self._loading(page)
            # the guard stopped what the action sent: the step will not change, no need to wait for it
            stopped = self._stopped_since_action()
            if quiet and not state["busy"] and (changed or stopped) and key == last:
                break
            last = None if state["busy"] or not quiet else key
        if self.guard is not None:
            self.guard.end_action()
        await self._check_order(page)

    def _stopped_since_action(self) -> bool:
        """The guard has aborted a submission or a finishing navigation since the walker's last action."""
        return self.guard is not None and any(
            not b.startswith("POPUP") and not b.endswith("(payment host)")
            for b in self.guard.blocked[self._blocked_mark:])

    def watch(self, page: Any) -> None:
        """Track the page's requests in flight, so ``_settle`` knows when the network has gone quiet."""
        inflight: dict[Any, float] = {}
        self._inflight[id(page)] = inflight
        page.on("request", lambda request: inflight.__setitem__(request, time.monotonic()))
        page.on("requestfinished", lambda request: inflight.pop(request, None))
        page.on("requestfailed", lambda request: inflight.pop(request, None))

    def _loading(self, page: Any) -> bool:
        """A request of this page is under way (long-lived ones — polling, streams — aside)."""
        inflight = self._inflight.get(id(page), {})
        now = time.monotonic()
        return any(now - started < QUIET_AFTER_S and request.resource_type not in ("websocket", "eventsource", "media")
                   for request, started in list(inflight.items()))

    async def _same_step(self, page: Any, step: CheckoutStep) -> bool:
        data = await page.evaluate(_STATE_JS)
        return data["text"][:600] == step.text_excerpt[:600]

    async def _choose_options(self, page: Any) -> list[str]:
        return await shopper.choose_options(page)

    async def _open_usual_cart(self, page: Any) -> bool:
        """No link to the basket could be found: try the usual basket addresses (GET only); the first that
        answers with a page showing a price is the basket."""
        parts = urlsplit(page.url)
        for path in shopper.CART_PATHS:
            with contextlib.suppress(Exception):
                response = await page.goto(f"{parts.scheme}://{parts.netloc}{path}", wait_until="domcontentloaded")
                if response is not None and response.status < 400:
                    await self._settle(page)
                    body = await page.evaluate(_PAGE_TEXT_JS)
                    if PRICE_RE.search(body or ""):
                        return True
        return False

    async def _choose_shipping(self, page: Any) -> list[str]:
        """Keep the default shipping method; when none is chosen, pick the cheapest; where a payment method must
        be picked, one that does not pay online; tick the required boxes that cost nothing. Each choice is
        vetted like a click (never one that reads as ordering or paying). The delivery comes first: on a step
        where the guard is armed, what its choice sends is stopped, unless the user's permit is on (safety part
        6: a one-page checkout saves the address and prices the delivery when it is picked); then the payment
        choice, which no permit covers (a store may order on a payment method's change)."""
        guard = self.guard

        def allow(label: str) -> bool:
            verdict = safety.vet_click({"text": label, "tag": "INPUT"}, page.url, "payment")
            if verdict.action == "refuse" and guard is not None:
                guard.refused.append(f"{page.url}: {verdict.reason}")
            return verdict.action != "refuse"

        def delivery(label: str) -> bool:  # a delivery or an option, not a way to pay
            return not safety.payment_choice(label) and allow(label)

        permit = guard if guard is not None and guard.may_permit else None
        if permit is not None:
            self._blocked_mark = len(permit.blocked)
            permit.begin_action(onward=True)
        try:
            chosen = await shopper.choose_methods(page, delivery, payment=False)
            if permit is not None and chosen:
                await self._settle(page)  # the delivery choice's own requests, then the permit ends
        finally:
            if permit is not None:
                permit.end_action()
        chosen += await shopper.choose_methods(page, allow)  # the payment method, and what is still open
        return chosen + await shopper.tick_required(page)

    async def _fill_step(self, page: Any, customer: TestCustomer) -> None:
        """Fill the step's forms and choose its methods. A single-page checkout renders its delivery and payment
        sections (and recomputes its totals) only once the address is known, with the order button already in
        sight: after each round that filled or chose something, wait for the page's scripts and go again (at
        most three rounds), so the last step is read with its delivery chosen and its totals complete."""
        for _ in range(3):
            before = (await page.evaluate(_STATE_JS))["text"]
            acted = await shopper.fill_forms(page, customer.__dict__)
            acted += await self._choose_shipping(page)
            if not acted:
                break
            # with the order button already in sight, give the page's scripts time to render what the address
            # brings (delivery methods, recomputed totals); otherwise only until the page holds still
            one_page = _final_candidate(await page.evaluate(_CLICKABLES_JS)) is not None
            await self._settle(page, changed_from=before if one_page else None)
        await self._await_delivery(page)

    async def _await_delivery(self, page: Any) -> None:
        """A one-page checkout may ask for delivery methods only a moment after the address was typed (a
        debounced request) and show them when they come. While its order button is in sight and its summary
        names the delivery without an amount ("Shipping: Select shipping method"), give it up to
        ``DELIVERY_WAIT_S`` and choose the methods that appear."""
        deadline = time.monotonic() + DELIVERY_WAIT_S
        while time.monotonic() < deadline:
            if _final_candidate(await page.evaluate(_CLICKABLES_JS)) is None:
                return
            if not unpriced_shipping((await evaluate_json(page, _STEP_JS))["nodes"]):
                return
            await asyncio.sleep(0.5)
            if await self._choose_shipping(page):
                await self._settle(page)

    async def _continue_as_guest(self, page: Any) -> None:
        candidates = await page.evaluate(_CLICKABLES_JS)
        for c in candidates:
            if lexicon.matches("guest", c["text"]) and not _is_final(c["text"]) and c["region"] == "main":
                index = c["index"]

                def this_one(x: dict[str, Any], i: int = index) -> int:
                    return 100 if x["index"] == i else 0

                await self._click_best(page, this_one, minimum=1)
                await self._settle(page)
                return

    async def _cost_sentences(self, page: Any) -> list[str]:
        """Sentences on a page before checkout that tell the shopper about delivery costs or fees."""
        text = await page.evaluate(_PAGE_TEXT_JS)
        found = []
        for sentence in sentences(text or ""):
            s = sentence.strip()
            if 8 <= len(s) <= 300 and (lexicon.matches("price_shipping", s) or lexicon.matches("price_fee", s) or
                                       lexicon.matches("price_fee_generic", s)):
                found.append(s)
        return found[:30]

    async def _record(self, page: Any, walk: CheckoutWalk, index: int, kind: StepKind | None, clicks: int,
                      final: dict[str, Any] | None = None, currency: str = "") -> CheckoutStep:
        data = await evaluate_json(page, _STEP_JS)
        text = data["text"]
        account_required = bool(data["passwordFields"]) and lexicon.matches("account_required", text)
        guest = lexicon.matches("guest", text) or None
        if kind is None:
            kind = _step_kind(data, final is not None, len(walk.steps))
        lines = _parse_rows(step_rows(data["nodes"]), currency)
        checkboxes = []
        for box in data["checkboxes"]:
            price = parse_price(box["label"], currency) if re.search(r"\d", box["label"]) else None
            checkboxes.append(Checkbox(label=box["label"], checked=box["checked"], name=box["name"],
                                       box=box.get("box") or None,
                                       price=price.amount if price and price.amount else None))
        progress = data["progress"] or bool(_progress_pattern().search(text)) or progress_shown(data["nodes"])
        step = CheckoutStep(
            url=data["url"], kind=kind, clicks=clicks, title=data["h1"] or data["title"], price_lines=lines,
            currency=next((line.currency for line in lines if line.currency), currency),
            checkboxes=checkboxes, progress_indicator=progress, account_required=account_required,
            guest_option=guest, form_fields=data["fieldCount"], order_button=(final or {}).get("text", ""),
            order_button_box=(final or {}).get("box") or None,
            text_excerpt=text[:1500],
        )
        read_ledger(step)
        empty = int(data.get("requiredEmpty") or 0)
        if final is not None and empty and not step.unreadable_reason:
            step.unreadable_reason = (f"{empty} required field(s) still empty at the last step: its total may not "
                                      "include delivery or tax yet")
        unpriced = unpriced_shipping(data["nodes"]) if final is not None else None
        if unpriced and not step.unreadable_reason and \
                not any(line.kind == "shipping" and line.amount is not None for line in step.price_lines):
            step.unreadable_reason = (f"the delivery charge is not shown at the last step ('{unpriced}'): its total "
                                      "may not include delivery or tax yet")
        stopped = [b for b in (self.guard.blocked if self.guard is not None else [])
                   if "(state-changing request after" in b]
        if final is not None and step.unreadable_reason and stopped:
            # a one-page checkout that saves the address or prices the delivery by a request the guard stopped
            walk.guard_stop = True
            step.unreadable_reason += f"; the never-order guard stopped what the page sent ({stopped[-1][:120]})"
        shots = self.out_dir / "checkout"
        shots.mkdir(parents=True, exist_ok=True)
        name = f"walk{index:02d}-step{len(walk.steps):02d}.jpg"
        with contextlib.suppress(Exception):
            await page.screenshot(path=str(shots / name), type="jpeg", quality=60, full_page=True, timeout=10_000)
            step.screenshot = f"checkout/{name}"
        walk.steps.append(step)
        self.progress("checkout-step", kind=kind, url=data["url"])
        return step


async def page_price(page: Any) -> Money | None:
    """The product's price from the open page's structured data (JSON-LD offers, OpenGraph product meta)."""
    raw = await page.evaluate(
        r"""() => ({
          ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
          meta: [...document.querySelectorAll('meta[property]')].map((m) => [m.getAttribute('property'),
                                                                            m.getAttribute('content') || '']),
        })"""
    )
    nodes = []
    for text in raw["ld"]:
        with contextlib.suppress(ValueError):
            nodes.append(json.loads(text))
    structured = {"json-ld": nodes, "opengraph": [{"properties": [p for p in raw["meta"] if len(p) == 2]}]}
    return price_from_structured(structured)


def pick_products(pages: list[PageArtifact], count: int) -> list[PageArtifact]:
    """Products to walk, spread across categories."""
    by_category: dict[str, list[PageArtifact]] = {}
    ordered = sorted((p for p in pages if p.page_type == "product" and p.is_ok),
                     key=lambda p: (p.depth if p.depth is not None else 99, p.final_url))
    for page in ordered:
        by_category.setdefault(page.category_hint or "", []).append(page)
    chosen: list[PageArtifact] = []
    queues = [by_category[key] for key in sorted(by_category)]
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


async def walk_products(products: list[PageArtifact], out_dir: Path, customer: TestCustomer | None = None,
                        progress: Callable[..., None] | None = None) -> list[CheckoutWalk]:
    from auditor.browser import launch

    walker = Walker(out_dir, customer, progress)
    walks = []
    async with launch() as browser:
        for index, product in enumerate(products):
            walks.append(await walker.walk(browser, product, index))
    return walks


def walk(products: list[PageArtifact], out_dir: Path, customer: TestCustomer | None = None,
         progress: Callable[..., None] | None = None) -> list[CheckoutWalk]:
    return asyncio.run(walk_products(products, out_dir, customer, progress))
