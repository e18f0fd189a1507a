"""The safety envelope of every checkout walk: clearcart never orders and never pays, on any store.

One policy, used by the heuristic walker (:mod:`auditor.checkout`) and by journey replay
(:mod:`auditor.journey`) alike. Its parts, each enforced in code:

1. **Clicks are vetted before they are made** (:func:`vet_click`). Nothing is clicked whose text, accessible
   name (``aria-label``, ``title``, ``value``, an image's ``alt``), link URL, form action or ``formaction``
   reads as ordering or paying in en, pl, uk, ru, sk, cs or de — at any step. Ambiguous words, which mean "go
   to checkout" in some stores and "place the order" in others (pl "Zamawiam", ru "Оформить заказ", uk
   "Оформити замовлення", "Buy now", "Kup teraz", "Jetzt kaufen", cs/sk "Objednat", …) are followed only when
   their effect is a same-site GET navigation to an address that does not finish an order: an ``<a href>``,
   whose address the walker opens itself (so no script attached to the link runs). A form POST or a button
   with a script action under such words is never clicked, and neither is a one-click buy control on a
   product page. A journey step that would click such an element is refused: the replay ends there.
2. **Requests are filtered for the whole walk** (:class:`Guard`, installed by :func:`open_walk`): requests
   to payment providers (Stripe, PayPal, PayU, Przelewy24, Tpay, BLIK, Adyen, Klarna, Mollie, Braintree,
   GoPay, ComGate, LiqPay, WayForPay, Fondy, … :data:`PAYMENT_HOSTS`) are aborted; so are non-GET requests
   to order-placing URLs (:data:`ORDER_URL`), every request to a finishing URL (:data:`FINISH_URL`:
   confirm, complete, finish, success, thank-you, order-received and their pl/uk/ru/sk/cs/de forms, also
   transliterated and percent-encoded), and every form submission no walker click asked for. One exception,
   because several platforms review the order at a "confirm" address (Shopware 6: ``/checkout/confirm``): a
   page navigation (GET) to an address whose only finishing words are "confirm" words is let through until the walk has seen a
   payment choice or a review with a total (part 3); from then on it is blocked like the others.
3. **Armed from the first step that offers a payment choice or reviews the order with a total**: from then
   on no state-changing request (POST, PUT, PATCH, DELETE: a form, ``fetch``, XHR, ``sendBeacon``) leaves
   the browser, whoever starts it — so a store that submits by itself (a timer, Enter, a radio's change
   event, a meta refresh, a blur handler) is stopped by the same rule. A GraphQL query sent by POST (a
   document of query operations only, no mutation: :func:`graphql_read`) is a read, as a GET is: a storefront
   built on GraphQL fetches its cart and delivery methods that way. The guard is armed by the page
   itself as soon as such a step is in the DOM (a script clearcart adds to every page reports what it sees
   on DOMContentLoaded and on every change), not only when the walker gets to read the step. Once the last
   step (its order button) is reached, no navigation at all happens.
4. **The walk's browser context** blocks service workers (a worker could send requests the guard does not
   see) and closes every pop-up a page opens.
5. **Every page is checked for an order confirmation** (:func:`confirmation_evidence`: thank-you wording,
   an order number, finishing words in the address, in all seven languages; and a redirect to a finishing
   address right after a request that was let through). When one is seen the walk stops at once and records
   ``order_suspected {url, evidence}``; the scan then exits 3 and the first line printed, the top of
   report.html, report.json and summary.md say that the store may have registered an order at that URL and
   that it should be checked and cancelled (:func:`order_warning`).

6. **The user's permit** (``--post-payment-step``, config ``post-payment-step``; off by default): several
   platforms take the payment choice on a step *before* their order summary and save it with a POST (Shoptet,
   IdoSell, Shoper, OpenCart). Part 3 stops such a walk there. With the permit, and only then, a step on which
   the guard was already armed (never the last one) may send the requests of the walker's own click on a vetted
   onward control, or of its own choice of a delivery method (a one-page checkout saves the address and prices
   the delivery then) (:meth:`Guard.begin_action` with ``onward``): at most :data:`PERMIT_REQUESTS`
   state-changing requests from the page's own frame to the store's own site, until a new page starts loading,
   an order button comes into view that was not in view when the action began, or the step settles; and a GET
   of a "confirm" address (the summary such a store loads next). A payment method's choice is never permitted.
   Everything else stays as above: nothing a timer, a field event, Enter, a page load, an iframe or a beacon
   sends; no payment host, order-placing or finishing address, and no request to an address named after the
   order itself (:data:`ORDER_ACTION`: ``POST /orders``, ``/api/carts/7/checkout``, ``/objednavka/vytvor``).
   The answer to each permitted request is read (:meth:`Guard.answered`): a thank-you text or an order number
   in JSON is an order suspicion (part 5). What the user accepts: a store whose neutral onward button or
   delivery choice on that step places the order (which EU law forbids: the order button must say so, CRD
   art. 8(2)) would register one; the walk then sees it and says so. Every permitted request is recorded
   (``permitted_requests``).

What is not guaranteed: a store that places an order on a plain GET to an address with neutral words,
before any step that offers a payment choice (say, the basket's "Continue" link creates the order), cannot
be told from an ordinary link by anything a browser sees before following it. clearcart then detects the
confirmation page and says so loudly (part 5), but cannot undo the order. The same holds for a store that
places an order on a GraphQL *query* (which the GraphQL specification makes a read, as HTTP makes GET one).
``--walk basket`` (stop at the basket) or ``--walk off`` avoid the checkout entirely.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from auditor import lexicon
from auditor.analysis.site import bare_host
from auditor.browser import deep_dom
from auditor.model import N_

WALK_MODES = ("off", "basket", "checkout")

PAYMENT_HOSTS = (
    # international
    "paypal.com", "paypalobjects.com", "paypal.me", "stripe.com", "stripe.network", "adyen.com",
    "adyenpayments.com", "klarna.com", "klarnaservices.com", "klarnacdn.net", "mollie.com", "braintreegateway.com",
    "braintree-api.com", "checkout.com", "worldpay.com", "sagepay.com", "opayo.com", "authorize.net",
    "2checkout.com", "squareup.com", "square.com", "payone.com", "computop.com", "ecommpay.com", "revolut.com",
    "pay.google.com", "apple-pay-gateway.apple.com", "amazonpay.com", "payments-amazon.com", "sofort.com",
    "giropay.de", "unzer.com", "heidelpay.com", "paysafecard.com", "skrill.com", "trustly.com", "nets.eu",
    "nexi.it", "globalpayments.com", "payline.com", "wirecard.com", "riskified.com",
    # Poland
    "przelewy24.pl", "przelewy24.com", "payu.com", "payu.pl", "tpay.com", "transferuj.pl", "dotpay.pl",
    "blik.com", "paynow.pl", "imoje.pl", "ing.pl", "autopay.pl", "bluemedia.pl", "paybylink.pl", "hotpay.pl",
    # Ukraine, Russia
    "liqpay.ua", "fondy.eu", "fondy.ua", "fondy.io", "wayforpay.com", "portmone.com.ua", "monobank.ua",
    "ipay.ua", "platononline.com", "yoomoney.ru", "yookassa.ru", "cloudpayments.ru", "robokassa.ru",
    "tinkoff.ru", "sberbank.ru", "qiwi.com", "payonline.ru",
    # Czechia, Slovakia
    "gopay.cz", "gopay.com", "comgate.cz", "thepay.cz", "besteron.com", "trustpay.eu", "csob.cz",
    "gpwebpay.com", "payu.cz", "tatrabanka.sk", "24-pay.sk", "cardpay.sk",
)

ORDER_URL = re.compile(
    r"place[-_]?order|placeorder|submit[-_]?order|create[-_]?order|order/(confirm|complete|submit|place|create)|"
    r"checkout/(complete|confirm|place|submit|pay|finish|process)\b|/pay(ment)?/(process|start|init)|"
    r"zloz[-_]?zamowienie|zamowienie/(zloz|potwierdz)|bestellung/(absenden|abschicken)|"
    r"objednavka/(odeslat|dokoncit|odoslat)",
    re.IGNORECASE,
)

# words of an address that a store shows once an order is placed (path and query, after percent-decoding)
FINISH_URL = re.compile(
    r"(?<![a-z])(confirm(ed|ation)?|complete[d]?|finish(ed)?|success(ful)?|thank[-_]?(s|you)?|"
    r"order[-_]?(received|placed|complete)|"
    r"potwierdz\w*|dziekuj\w*|zamowienie[-_]?zlozone|podziekowanie|"
    r"dekujeme|dakujeme|potvrzeni|potvrdenie|"
    r"bestaetigung|bestätigung|bestatigung|bestellbestaetigung|danke|vielen[-_]?dank|"
    r"спасибо|подтверждени\w*|дякуємо|підтвердженн\w*|"
    r"spasibo|podtverzhdeni\w*|dyakuyemo|diakuiemo|dyakuemo|pidtverdzhenn\w*)(?![a-z])",
    re.IGNORECASE,
)
# "confirm" words: a finishing address on some platforms, the review step before the order on others
CONFIRM_WORD = re.compile(
    r"confirm|potwierdz|potvrz|potvrd|best(ae|ä|a)tigung|подтвержд|підтвердж|podtverzhd|pidtverdzh", re.IGNORECASE)
# the subset a store uses only after an order (a page at such an address is a confirmation by itself)
POST_ORDER_URL = re.compile(
    r"(?<![a-z])(thank[-_]?(s|you)?|order[-_]?(received|placed|complete)|success|dziekuj\w*|"
    r"zamowienie[-_]?zlozone|podziekowanie|dekujeme|dakujeme|danke|vielen[-_]?dank|спасибо|дякуємо|spasibo|"
    r"dyakuyemo|diakuiemo|dyakuemo)(?![a-z])",
    re.IGNORECASE,
)

# a state-changing request to an address named after the order itself (REST: POST /orders creates one;
# /api/carts/7/checkout, /checkout/commit): never let through by the user's permit (part 6)
ORDER_ACTION = re.compile(
    r"(?:^|/)(orders?|checkout|purchase|buy|commit|pay|payment|place|submit|finali[sz]e|complete|"
    r"zamowieni[ea]|zamow|objednavk[ay]|objednat|objednaj|bestellung(en)?|bestellen|kaufen|zahlen|"
    r"zakaz[ay]?|oformit\w*|oformlenie|zamovlenn(ia|ya|ja)|oformyty|"
    r"заказ\w*|замовлен\w*|оформ\w*|оплат\w*)/?$"
    # ... or one that creates an order: /objednavka/vytvor, /zakaz/sozdat, /order/new, /zamowienie/utworz
    r"|(order|zamowieni|objednavk|objednávk|bestellung|zakaz|zamovlenn|заказ|замовлен)\w*/"
    r"(create|new|add|make|vytvor\w*|stvor\w*|novy|nova|utworz\w*|stworz\w*|nowe|erstellen|anlegen|neu|"
    r"sozdat\w*|stvorit\w*|создать|створити)(/|$)",
    re.IGNORECASE,
)
# the keys of a JSON answer that reports a new order ({"ok": true, "order": 1001}, {"orderNumber": "A-17"})
_ORDER_KEYS = {"order", "orderid", "order_id", "ordernumber", "order_number", "orderno", "order_no", "increment_id",
               "incrementid", "ordercode", "order_code"}
PERMIT_REQUESTS = 8  # state-changing requests one permitted click may send (part 6)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# request kinds that can change a store's state or show a page (scripts, styles, images and fonts cannot)
_ACTIVE_TYPES = ("document", "fetch", "xhr", "ping", "other", "eventsource", "websocket", "manifest")

_PAYMENT_CHOICE = re.compile(
    r"(?<!\w)(payment|pay by|pay with|paypal|apple ?pay|google ?pay|klarna|credit card|debit card|card payment|"
    r"cash on delivery|bank transfer|płatnoś\w*|platnos\w*|blik|przelew\w*|payu|karta płatnicza|za pobraniem|"
    r"оплат\w*|карткою|картою|картой|післяплат\w*|накладен\w* плат\w*|наложен\w* плат\w*|liqpay|"
    r"platb\w*|platobn\w*|platebn\w*|kartou|dobierk\w*|dobírk\w*|gopay|comgate|"
    r"zahlung\w*|zahlart|kreditkarte|nachnahme|vorkasse|lastschrift|kauf auf rechnung|sofortüberweisung)",
    re.IGNORECASE,
)
_ORDER_NUMBER_VALUE = re.compile(r"\s*(?:[:#№.]|no\.?|nr\.?|č\.?)?\s*#?\s*([A-Z]{0,5}[-/]?\d{3,}[A-Z0-9-]*)",
                                 re.IGNORECASE)


# ------------------------------------------------------------------------------------------------ wording


def _norm(text: str) -> str:
    return " ".join((text or "").replace("\u00a0", " ").split())


def order_wording(text: str) -> str | None:
    """``"order"`` when ``text`` reads as ordering or paying, ``"ambiguous"`` when it may mean either "go to
    checkout" or "place the order" ("Zamawiam", "Оформить заказ", "Buy now"), else ``None``."""
    text = _norm(text)
    if not text:
        return None
    ambiguous = {t.lower() for t in lexicon.terms("order_ambiguous")}
    for group in ("order_obligation", "order_final"):
        for match in lexicon.pattern(group, whole=True).finditer(text):
            if match.group(0).lower() not in ambiguous:
                return "order"
    if lexicon.matches("order_ambiguous", text, whole=True) or lexicon.matches("order_final", text, whole=True):
        return "ambiguous"
    return None


def is_order_text(text: str) -> bool:
    """Reads as ordering or paying, plainly or ambiguously (the walker's step detection uses this)."""
    return order_wording(text) is not None


def _tail(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path + ("?" + parts.query if parts.query else ""))


def finishing_url(url: str) -> bool:
    """The address (path and query, percent-decoded) finishes an order or places it."""
    if not url:
        return False
    tail = _tail(url)
    return bool(FINISH_URL.search(tail) or ORDER_URL.search(tail))


def review_address(url: str) -> bool:
    """The address's only finishing words are "confirm" words (confirm, potwierdzenie, potvrzení, Bestätigung,
    подтверждение, …), which several platforms use for the review step *before* the order (Shopware 6's
    ``/checkout/confirm``): ambiguous until the walk has seen a payment choice or a review with a total."""
    if not url:
        return False
    tail = _tail(url)
    words = [m.group(0) for m in FINISH_URL.finditer(tail)] + [m.group(0) for m in ORDER_URL.finditer(tail)]
    return bool(words) and all(CONFIRM_WORD.search(w) for w in words)


_ROUTE_KEYS = ("route", "action", "controller", "do", "task")  # query keys that name what a request does


def _query_pairs(query: str) -> list[tuple[str, str]]:
    return [(k.lower(), v) for k, v in parse_qsl(query, keep_blank_values=True)]


def payment_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in PAYMENT_HOSTS)


def submits_order(c: dict[str, Any]) -> bool:
    """A button that posts a form to an order-placing or finishing URL, whatever its label says."""
    return bool(c.get("submits")) and c.get("formMethod") == "post" and finishing_url(c.get("formAction", ""))


def _names(c: dict[str, Any]) -> list[str]:
    return [str(c.get(key) or "") for key in ("text", "aria", "title", "value", "alt")]


def _same_site(url: str, page_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(page_url)
    if a.scheme not in ("http", "https"):
        return False
    host_a, host_b = (a.hostname or "").lower(), (b.hostname or "").lower()
    return bare_host(host_a) == bare_host(host_b) or host_a.endswith("." + bare_host(host_b)) or \
        host_b.endswith("." + bare_host(host_a))


@dataclass
class ClickVerdict:
    """What the walker may do with a click candidate: ``click`` it, ``navigate`` to ``url`` itself (an
    ambiguous link, opened without running its scripts), or ``refuse`` it (``reason`` says why)."""

    action: str
    reason: str = ""
    url: str = ""


def vet_click(c: dict[str, Any], page_url: str = "", step: str = "") -> ClickVerdict:
    """The policy's verdict on clicking candidate ``c`` (as collected by the walker: text, aria, title, value,
    alt, tag, href, formAction, formMethod, submits, inForm) on a page at ``page_url`` whose step kind is
    ``step`` ("product", "basket", "payment", "review", …)."""
    names = [n for n in _names(c) if n.strip()]
    wordings = {order_wording(n) for n in names}
    label = next((n for n in names), "")[:80]
    href = str(c.get("hrefAbs") or c.get("href") or "")
    action = str(c.get("formAction") or "")
    if "order" in wordings:
        return ClickVerdict("refuse", f"'{label}' reads as ordering or paying")
    for url in (href, action):
        if url and not url.startswith(("#", "javascript:")) and finishing_url(url):
            return ClickVerdict("refuse", f"'{label}' leads to an order-placing or finishing address ({url[:120]})")
    if submits_order(c):
        return ClickVerdict("refuse", f"'{label}' posts the order")
    one_click = any(lexicon.matches("one_click_buy", n) for n in names)
    if step == "product" and (one_click or "ambiguous" in wordings):
        return ClickVerdict("refuse", f"'{label}' is a one-click buy control on a product page")
    if "ambiguous" in wordings or one_click:
        is_link = str(c.get("tag", "")).upper() == "A" and href and not href.startswith(("#", "javascript:"))
        if not is_link:
            return ClickVerdict("refuse", f"'{label}' may place the order: not a plain link (a form or a script "
                                          "action), never clicked")
        if page_url and not _same_site(href, page_url):
            return ClickVerdict("refuse", f"'{label}' may place the order: a link to another site")
        return ClickVerdict("navigate", f"'{label}' is ambiguous: its link is opened without its scripts", href)
    return ClickVerdict("click")


# ------------------------------------------------------------------------------------------------ confirmation


def confirmation_evidence(url: str, text: str, title: str = "") -> str | None:
    """Why the page at ``url`` with ``text`` looks like an order confirmation, or ``None``."""
    body = _norm(f"{title} {text}")[:6000]
    strong = lexicon.pattern("order_confirmation").search(body)
    if strong:
        return f"the page says '{strong.group(0)}'"
    number = None
    for match in lexicon.pattern("order_number").finditer(body):
        value = _ORDER_NUMBER_VALUE.match(body, match.end())
        if value:
            number = f"{match.group(0)} {value.group(1)}"
            break
    thanks = lexicon.pattern("order_thanks").search(body)
    parts = urlsplit(url or "")
    tail = unquote(parts.path + ("?" + parts.query if parts.query else ""))
    post_order = POST_ORDER_URL.search(tail)
    finishing = FINISH_URL.search(tail)
    if post_order:
        return f"the address reads '{post_order.group(0)}'" + (f", order number '{number}'" if number else "")
    if number and thanks:
        return f"order number '{number}' with '{thanks.group(0)}'"
    if number and finishing:
        return f"order number '{number}' at an address reading '{finishing.group(0)}'"
    if thanks and finishing:
        return f"'{thanks.group(0)}' at an address reading '{finishing.group(0)}'"
    return None


@dataclass
class Suspicion:
    url: str
    evidence: str


# the report translates it (reports/locale): %(url)s, %(why)s
ORDER_WARNING = N_("WARNING: the store may have registered an order at %(url)s%(why)s. Check the store's orders and "
                   "cancel it; the checkout walk stopped there.")


def order_warning(url: str, evidence: str = "", gettext: Callable[[str], str] | None = None) -> str:
    """The plain-words warning printed first and put at the top of every report (in the language of
    ``gettext``; English without it)."""
    why = f" ({evidence})" if evidence else ""
    return (gettext or str)(ORDER_WARNING) % {"url": url, "why": why}


# ------------------------------------------------------------------------------------------------ arming


def payment_choice(label: str) -> bool:
    """The label reads as a way to pay ("Cash on delivery", "Przelew", "Dobírka", "Kauf auf Rechnung"): the
    choices that arm the guard (part 3), and that the user's permit never covers (part 6)."""
    return bool(_PAYMENT_CHOICE.search(label or ""))


def arming_reason(data: dict[str, Any]) -> str | None:
    """Whether a page (``{url, title, headings, choices, text}`` as the page script reports it) offers a
    payment choice or reviews the order with a total: from then on nothing state-changing leaves."""
    for choice in data.get("choices") or []:
        match = _PAYMENT_CHOICE.search(str(choice))
        if match:
            return f"a payment choice ('{match.group(0)}')"
    headings = " | ".join(str(h) for h in (data.get("headings") or []))
    path = urlsplit(str(data.get("url", ""))).path.lower()
    basket = lexicon.matches("slug_cart", path, whole=True) or lexicon.matches("cart", headings)
    review = lexicon.pattern("review_step").search(headings)
    if review and not basket:
        text = _norm(str(data.get("text", "")))
        for match in lexicon.pattern("price_total").finditer(text):
            if re.search(r"\d", text[match.end(): match.end() + 40]):
                return f"a review of the order ('{review.group(0)}') with a total"
    return None


# one report of what the page shows, in the light DOM and its open shadow roots (a web-component checkout: what
# the walker can click, the guard must see); the shadow roots it has not met yet are watched for changes too
_REPORT_JS = deep_dom(r"""
() => {
    timer = null;
    try {
      if (!document.body || typeof window.__clearcartSignals !== 'function') return;
      // a choice the shopper is offered: shown, or its label shown (styled radios hide the input itself);
      // a payment step a one-page checkout keeps hidden until the address is saved offers nothing yet
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const offered = (el) => { if (el.tagName === 'OPTION') return shown(el.closest('select'));
        const l = el.closest('label') || (el.id && el.getRootNode().querySelector('label[for="' + CSS.escape(el.id) + '"]'));
        return shown(el) || shown(l); };
      for (const r of __roots) if (!r.__clearcartObserved) { r.__clearcartObserved = true; watch(r); }
      const choices = $$(document, 'input[type=radio], [role=radio], select option')
        .filter(offered).slice(0, 60)
        .map((el) => el.tagName === 'OPTION' ? norm((el.parentElement.name || '') + ' ' + el.textContent) : labelOf(el));
      const headings = [document.title, ...[...document.querySelectorAll('h1')].slice(0, 4).map((h) => norm(h.innerText))];
      // the controls in view (an order button among them ends the user's permit, safety part 6)
      const buttons = $$(document, 'button, input[type=submit], input[type=button], [role=button]')
        .filter(shown).slice(0, 60).map((el) => norm(el.innerText || el.value || el.getAttribute('aria-label')).slice(0, 80));
      const data = {url: location.href, title: document.title, headings, choices, buttons,
                    text: norm(deepText()).slice(0, 4000), top: window.top === window};
      const key = JSON.stringify(data);
      if (key !== last) { last = key; window.__clearcartSignals(data); }
    } catch (e) {}
}
""")

# reports what the page shows to the guard: on DOMContentLoaded, on load, and on every change (debounced)
_OBSERVER_JS = r"""
(() => {
  if (window.__clearcartObserved) return; window.__clearcartObserved = true;
  let last = '', timer = null;
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
  const labelOf = (el) => { const l = el.closest('label') || (el.id && el.getRootNode().querySelector('label[for="' + CSS.escape(el.id) + '"]'));
    return norm((el.name || '') + ' ' + (el.value || '') + ' ' + (l ? l.innerText : '') + ' ' + (el.getAttribute('aria-label') || '')); };
  const soon = () => { if (!timer) timer = setTimeout(report, 150); };
  const watch = (root) => { try { new MutationObserver(soon).observe(root, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['checked', 'hidden', 'style', 'class']}); } catch (e) {} };
  const report = REPORT;
  document.addEventListener('DOMContentLoaded', () => { report(); watch(document.documentElement); });
  window.addEventListener('load', report);
})();
""".replace("REPORT", _REPORT_JS.strip())


@dataclass
class Guard:
    """One walk's safety state; :meth:`verdict` decides every request the walk's browser makes."""

    armed: bool = False  # a payment choice or a review with a total has been shown: nothing state-changing
    final: bool = False  # the last step (its order button) is reached: no navigation either
    intent: bool = False  # the walker has just clicked: one form submission may follow
    armed_reason: str = ""
    post_payment_step: bool = False  # the user's permit (part 6): an armed step's onward click may post
    site: str = ""  # the store's address: the permit covers requests to its own site only
    permit: int = 0  # state-changing requests the walker's current click may still send while armed
    blocked: list[str] = field(default_factory=list)
    permitted: list[str] = field(default_factory=list)  # requests let through by the user's permit
    refused: list[str] = field(default_factory=list)  # clicks refused by vet_click
    suspected: Suspicion | None = None
    order_in_view: bool = False  # the page shows an order button now (as it last reported)
    order_at_start: bool = False  # ... and did when the walker's current action began

    def arm(self, reason: str) -> None:
        if not self.armed:
            self.armed, self.armed_reason = True, reason

    def finish(self) -> None:
        """The last step before ordering is reached: from now on no request changes anything, no page opens."""
        self.arm("the last step before ordering")
        self.final = True
        self.permit = 0

    @property
    def may_permit(self) -> bool:
        """The user's permit can apply now: it was given, the guard is armed, the last step is not reached."""
        return self.post_payment_step and self.armed and not self.final

    def begin_action(self, onward: bool = False) -> None:
        """The walker is about to click a control the policy allowed: one form submission may follow; with the
        user's permit (part 6), when the click leads on (``onward``) from a step where the guard is already armed
        and that is not the last one, the click's own requests may change the store's state."""
        self.intent = True
        self.permit = PERMIT_REQUESTS if onward and self.may_permit else 0
        self.order_at_start = self.order_in_view

    def end_action(self) -> None:
        """The page has settled after the walker's action: its allowances end."""
        self.intent = False
        self.permit = 0

    def _permitted(self, url: str, method: str, is_navigation: bool, main_frame: bool) -> bool:
        """Whether the user's permit lets this state-changing request leave (part 6): the page's own frame, its
        own site, an address not named after the order."""
        if self.permit <= 0 or self.final or not main_frame or not self.site or not _same_site(url, self.site):
            return False
        parts = urlsplit(url)
        targets = [unquote(parts.path)] + [unquote(v) for k, v in _query_pairs(parts.query) if k in _ROUTE_KEYS]
        if any(ORDER_ACTION.search(t.rstrip("/") or "/") for t in targets):
            return False
        self.permit -= 1
        if is_navigation:
            self.permit = 0  # a new page is loading: its own requests are not the click's
        self.permitted.append(f"{method} {url}")
        return True

    def observe(self, data: dict[str, Any]) -> None:
        """What a page reports (see ``_OBSERVER_JS``): arms the guard, notices an order confirmation; an order
        button that comes into view during the walker's action ends the user's permit (the action led to the
        last step)."""
        reason = arming_reason(data)
        if reason:
            self.arm(reason)
        in_view = any(order_wording(str(b)) == "order" for b in data.get("buttons") or [])
        if data.get("top", True):
            self.order_in_view = in_view
        if self.permit and in_view and not self.order_at_start:
            self.permit = 0  # the action led to an order button (a one-page checkout shows one all along)
        if data.get("top", True) and self.suspected is None:
            evidence = confirmation_evidence(str(data.get("url", "")), str(data.get("text", "")),
                                             str(data.get("title", "")))
            if evidence:
                self.suspected = Suspicion(str(data.get("url", "")), evidence)

    def redirected(self, url: str, source: str) -> None:
        """A navigation was redirected to ``url`` after the request ``source`` the walk let through: when ``url``
        finishes an order, the store has placed one, whatever happens to that page."""
        if self.suspected is None and finishing_url(url) and (self.armed or not review_address(url)):
            self.suspected = Suspicion(url, f"the store redirected to a finishing address after {source}")

    def answered(self, method: str, url: str, body: str) -> None:
        """The answer to a request the user's permit let through: a new order in it (a thank-you text, an
        order number in JSON) is an order suspicion, as a confirmation page is."""
        if self.suspected is not None:
            return
        evidence = confirmation_evidence(url, body[:6000]) if body.lstrip()[:1] not in ("{", "[") else None
        if evidence is None:
            number = _json_order_number(body)
            if number:
                evidence = f"the answer to {method} {url} reports order '{number}'"
        if evidence:
            self.suspected = Suspicion(url, evidence)

    def verdict(self, url: str, method: str, resource_type: str, is_navigation: bool,
                main_frame: bool = True) -> str | None:
        method = (method or "GET").upper()
        if payment_host(url):
            return "payment host"
        # a GET to a "confirm" address before any payment choice or review is the way to a review step; with
        # the user's permit, the summary a permitted click loads (a page or a panel) may be read there too
        review_get = method in SAFE_METHODS and review_address(url) and (
            (is_navigation and not self.armed) or (self.permit > 0 and not self.final))
        if ORDER_URL.search(url) and (method != "GET" or is_navigation) and not review_get:
            return "order-placing URL"
        if finishing_url(url) and (is_navigation or resource_type in _ACTIVE_TYPES) and not review_get:
            return "finishing URL"
        if self.armed and method not in SAFE_METHODS and not self._permitted(url, method, is_navigation, main_frame):
            return f"state-changing request after {self.armed_reason or 'the payment step'}"
        if is_navigation and main_frame and resource_type == "document":
            self.permit = 0  # a new page is loading: what it sends is not the click's
        if self.final and is_navigation:
            return "navigation after the last step"
        if is_navigation and method not in ("GET", "HEAD"):
            if not self.intent:
                return "form submission the walker did not make"
            self.intent = False  # one action, at most one submission
        return None


def _json_order_number(body: str) -> str:
    """An order number in a JSON answer (top level or one level down: ``{"data": {"orderId": 17}}``), or ""."""
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    layers = [data] + [v for v in data.values() if isinstance(v, dict)] if isinstance(data, dict) else []
    for layer in layers:
        for key, value in layer.items():
            if str(key).lower() in _ORDER_KEYS and not isinstance(value, bool) and (
                    isinstance(value, int) or (isinstance(value, str) and re.search(r"\d", value))):
                return str(value)
    return ""


_GRAPHQL_WRITE = re.compile(r"(?:^|[}\s])(mutation|subscription)\b")
_GRAPHQL_READ = re.compile(r"\s*(query\b|\{|fragment\b)")


def graphql_read(body: str | None) -> bool:
    """The body of a POST is a GraphQL request (or a batch) whose documents hold only query operations: by the
    GraphQL specification a read (the cart, the delivery methods for an address), not a change (a mutation),
    whatever HTTP verb carries it. A persisted query sent without its text is not known to be a read."""
    try:
        data = json.loads(body or "")
    except (ValueError, TypeError):
        return False
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, dict) and isinstance(i.get("query"), str) for i in items):
        return False
    for item in items:
        # strings become empty strings and comments go, so their words are not read as operations
        document = re.sub(r'"""[\s\S]*?"""|"(?:[^"\\]|\\.)*"|#[^\n]*',
                          lambda m: "" if m.group(0).startswith("#") else '""', item["query"])
        if _GRAPHQL_WRITE.search(document) or not _GRAPHQL_READ.match(document):
            return False
    return True


async def install_guard(context: Any, guard: Guard) -> None:
    """Route every request of ``context`` through ``guard`` and let its pages report what they show."""

    async def handler(route: Any) -> None:
        request = route.request
        try:
            navigation = request.is_navigation_request()
        except Exception:
            navigation = False
        try:
            main_frame = request.frame.parent_frame is None
        except Exception:  # a service worker's request has no frame
            main_frame = False
        permitted = len(guard.permitted)
        method = request.method
        if method == "POST" and not navigation:
            with contextlib.suppress(Exception):
                if graphql_read(request.post_data):
                    method = "GET"  # a GraphQL query (no mutation) reads, whatever verb carries it
        reason = guard.verdict(request.url, method, request.resource_type, navigation, main_frame)
        if not reason and len(guard.permitted) > permitted and not navigation:
            # a permitted request: what it answers is read for a new order (a page is inspected when it loads)
            try:
                response = await route.fetch()
                body = await response.text()
            except Exception:
                await route.abort("failed")
                return
            guard.answered(request.method, request.url, body)
            await route.fulfill(response=response, body=body)
            return
        if reason:
            guard.blocked.append(f"{request.method} {request.url} ({reason})")
            if navigation and request.resource_type == "document":
                # "204 No Content" ends a navigation and leaves the page where it was (an aborted one would
                # replace it with an error page): the walk stays on the step it is reading
                await route.fulfill(status=204, body="")
            else:
                await route.abort("blockedbyclient")
        else:
            await route.continue_()

    def redirected_to_finish(request: Any) -> None:  # redirect hops are seen here (they are not routed)
        with contextlib.suppress(Exception):
            source = request.redirected_from
            if source is not None and request.is_navigation_request():
                guard.redirected(request.url, f"{source.method} {source.url}")

    await context.route("**/*", handler)
    context.on("request", redirected_to_finish)
    with contextlib.suppress(Exception):
        await context.expose_binding("__clearcartSignals", lambda _source, data: guard.observe(data or {}))
        await context.add_init_script(_OBSERVER_JS)


async def open_walk(browser: Any, guard: Guard, viewport: dict[str, int] | None = None,
                    timeout_ms: int = 8_000) -> tuple[Any, Any]:
    """A browser context for one walk (service workers blocked, the guard installed) and its page; every
    other page (a pop-up, ``target=_blank``, ``window.open``) is closed as soon as it opens."""
    context = await browser.new_context(viewport=viewport or {"width": 1280, "height": 900},
                                        ignore_https_errors=True, service_workers="block")
    context.set_default_timeout(timeout_ms)
    await install_guard(context, guard)
    page = await context.new_page()

    def close_popup(popup: Any) -> None:
        if popup is page:
            return
        guard.blocked.append(f"POPUP {popup.url} (pop-up closed)")
        asyncio.ensure_future(_close(popup))

    context.on("page", close_popup)
    return context, page


async def _close(page: Any) -> None:
    with contextlib.suppress(Exception):
        await page.close()


async def inspect(page: Any, guard: Guard) -> Suspicion | None:
    """Check the page now open for an order confirmation (besides what the page reported itself)."""
    if guard.suspected is None:
        with contextlib.suppress(Exception):
            data = await page.evaluate("() => ({url: location.href, title: document.title, text: (document.body ? "
                                       "document.body.innerText : '').replace(/\\s+/g, ' ').slice(0, 6000)})")
            evidence = confirmation_evidence(data["url"], data["text"], data["title"])
            if evidence:
                guard.suspected = Suspicion(data["url"], evidence)
    return guard.suspected


class OrderSuspected(Exception):
    """Raised inside a walk the moment a confirmation page is seen: the walk stops at once."""

    def __init__(self, suspicion: Suspicion):
        super().__init__(order_warning(suspicion.url, suspicion.evidence))
        self.suspicion = suspicion
