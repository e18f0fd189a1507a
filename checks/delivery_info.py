"""delivery-info: delivery time, delivery cost and payment methods are told before checkout.

What it checks
    What a shopper sees before checkout — the sampled product pages (whole page, so a "free delivery from
    200 zł" bar counts), the basket page and, when the checkout was walked, the basket steps and the sentences
    about delivery the walker recorded on the product page and basket (``pre_checkout_texts``) — read
    clause by clause in the page's language (en, pl, uk, ru, sk, cs, de). Rules:

    * ``delivery-time-missing`` (medium): a product page does not state a delivery time and neither does the
      basket. A delivery time is a clause about delivery or dispatch ("Dostawa", "Wysyłka", "Доставка",
      "Doprava", "Doručenie", "Versand", "Lieferzeit", "ships") with a number of days or hours ("2–4 dni
      robocze", "24h", "1-3 дні", "2 až 3 pracovné dni", "Lieferzeit 2–3 Werktage") or "next day" words
      ("jutro", "завтра", "zítra", "morgen"). Clauses about returns do not count.
    * ``delivery-cost-missing`` (high): a product page does not state a delivery cost or a free-delivery
      threshold and neither does the basket. A cost is a clause about delivery with a price in a currency
      ("Dostawa od 9,99 zł", "Versand 4,90 €", "Доставка 70 грн", "Doprava 79 Kč"), a "free" word
      ("Darmowa dostawa od 200 zł", "Doprava zdarma", "versandkostenfrei"), or a shipping line in a walked
      basket.
    * ``payment-methods-missing`` (low): no page of the types in ``payment_pages`` nor the basket names a
      payment method. Names that are methods anywhere — PayPal, Visa, Mastercard, Apple Pay, Google Pay,
      Klarna, BLIK, Przelewy24, PayU, GoPay, Comgate, LiqPay, "dobírka", "dobierka", "za pobraniem",
      "накладений платіж", "наложенный платёж", "Nachnahme", "Kauf auf Rechnung" — count in the text and in
      image alt texts (payment logos); generic ones ("card", "przelew", "Rechnung", "převod", "картка") only
      near a word about paying ("Zahlungsarten: PayPal, Rechnung").

    One finding per rule for the store, listing the product pages that lack the information. Not applicable
    when neither a product page nor a basket was seen.

Why it matters
    Unexpected delivery costs are the first reason shoppers abandon checkout (48%, Baymard 2024), and "when
    will it arrive?" is among the most frequent support questions. EU law requires delivery costs, the
    delivery arrangements and the payment arrangements to be given before the order (Directive 2011/83/EU
    art. 6(1)(e), (g); art. 8(3) asks for the accepted means of payment at the latest at the beginning of the
    ordering process).

Failing example
    Product page: "Sukienka 199 zł — Dodaj do koszyka"; basket: "Razem 199 zł"; no page names a payment
    method → ``delivery-time-missing``, ``delivery-cost-missing``, ``payment-methods-missing``.

Passing example
    Product page: "Wysyłka w 24h. Dostawa od 9,99 zł, darmowa od 200 zł." and the footer shows BLIK,
    Przelewy24 and Visa logos → pass.

Options
    ``payment_pages`` (default home, category, product, cart, policy, faq, contact, other): page types on
    which named payment methods count as shown before checkout.
"""

from __future__ import annotations

import sys
from typing import Any

from auditor import lexicon
from auditor.analysis.document import document
from auditor.analysis.language import lang_of
from auditor.analysis.store import store_lang
from auditor.analysis.text import clauses, durations, find, find_names, has, looked_for, sentences
from auditor.model import Artifacts, CheckResult, PageArtifact
from auditor.prices import parse_price
from checks.base import T, finding, not_seen, result

ID = "delivery-info"
TITLE = T('Delivery time, delivery cost and payment methods before checkout')
CATEGORY = "costs"
SEVERITIES = ["high", "medium", "low"]
DEFAULT_OPTIONS: dict[str, Any] = {
    "payment_pages": ["home", "category", "product", "cart", "policy", "faq", "contact", "other"],
}

WHY_COST = (T('Extra costs that appear only at checkout are the first reason shoppers abandon (48%, Baymard 2024). '
              'EU law requires delivery costs before the order: Directive 2011/83/EU art. 6(1)(e).'))
WHY_TIME = (T('“When will it arrive?” is one of the most frequent support questions, and a shopper who needs the '
              'item by a date will not order blind. The delivery arrangements must be given before the order: '
              'Directive 2011/83/EU art. 6(1)(g).'))
WHY_PAY = (T('Shoppers who cannot see whether their payment method (BLIK, card, cash on delivery…) is accepted fill '
             'in the checkout to find out, or leave. Directive 2011/83/EU art. 8(3) asks for the accepted means of '
             'payment at the latest at the beginning of the ordering process.'))


def _delivery_clause(clause: str, lang: str | None) -> bool:
    if lexicon.matches("returns", clause, lang) or has("returning", clause, lang):
        return False
    # has() also finds a German shipping word inside a compound ("Standardversand 4,90 €")
    return lexicon.matches("price_shipping", clause, lang) or has("price_shipping", clause, lang) or \
        has("dispatch", clause, lang)


def _pieces(text: str) -> list[str]:
    """Clauses, and whole sentences too: "Delivery: flat €4.90, 2–4 business days" holds the delivery word in
    one clause and the cost and time in others, so the sentence is the unit that states them."""
    out = clauses(text)
    for sentence in sentences(text):
        if len(sentence) <= 240 and sentence.strip() not in out:
            out.append(sentence.strip())
    return out


def delivery_time(text: str, lang: str | None) -> list[str]:
    """Clauses (or short sentences) that state a delivery time."""
    out = []
    for clause in _pieces(text):
        if _delivery_clause(clause, lang) and (durations(clause, lang) or has("delivery_fast", clause, lang)):
            out.append(clause)
    return out


def delivery_cost(text: str, lang: str | None) -> list[str]:
    """Clauses (or short sentences) that state a delivery cost or a free-delivery threshold."""
    out = []
    for clause in _pieces(text):
        if has("free_delivery", clause, lang):
            out.append(clause)
            continue
        if not _delivery_clause(clause, lang):
            continue
        money = parse_price(clause)
        if (money is not None and money.currency) or lexicon.matches("price_free", clause, lang):
            out.append(clause)
    return out


def payment_methods(text: str, lang: str | None) -> list[str]:
    """Payment methods named in ``text``: brand names anywhere (as words, not word starts: "visačiek" is no
    Visa), generic ones near a word about paying."""
    found = find_names("payment_methods", text, lang)
    lines = (text or "").splitlines()
    for i, line in enumerate(lines):
        generic = find("payment_generic", line, lang)
        if generic and any(has("payment_context", near, lang) for near in lines[max(0, i - 3):i + 1]):
            found += generic
    return list(dict.fromkeys(f.strip() for f in found))


def _image_labels(artifacts: Artifacts, page: PageArtifact) -> str:
    """Alt texts, titles and labels of images and icons (payment logos)."""
    tree = document(artifacts, page).tree
    if tree is None:
        return ""
    labels = []
    for el in tree.iter("img", "svg", "i", "span", "a", "title"):
        for attr in ("alt", "title", "aria-label"):
            if el.get(attr):
                labels.append(el.get(attr))
        if el.tag == "title" and el.text and el.getparent() is not None and el.getparent().tag == "svg":
            labels.append(el.text)
    return "\n".join(labels)


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    products = artifacts.pages_of("product")
    carts = artifacts.pages_of("cart")
    walks = artifacts.checkout
    if not products and not carts and not walks:
        return not_seen(module, artifacts,
                        T('No product page or basket was seen, so nothing was told before checkout.'))
    lang_default = store_lang(artifacts) or None

    basket_texts: list[tuple[str, str]] = [(p.final_url, p.text) for p in carts]
    basket_shipping_lines = []
    for walk in walks:
        for step in walk.steps:
            if step.kind == "basket":
                basket_texts.append((step.url, step.text_excerpt))
                basket_shipping_lines += [line.label for line in step.price_lines if line.kind == "shipping"]
        if walk.pre_checkout_texts:
            basket_texts.append((walk.product_url, "\n".join(walk.pre_checkout_texts)))
    basket_time = [c for _, t in basket_texts for c in delivery_time(t, lang_default)]
    basket_cost = [c for _, t in basket_texts for c in delivery_cost(t, lang_default)] + basket_shipping_lines

    rows: list[dict[str, Any]] = []
    for page in products:
        lang = lang_of(page)
        rows.append({"url": page.final_url, "lang": lang or "",
                     "delivery_time": delivery_time(page.text, lang)[:3],
                     "delivery_cost": delivery_cost(page.text, lang)[:3]})
    lang = lang_default
    findings = []
    basket_note = (T(' and neither does the basket') if basket_texts else T(' (no basket was seen)'))
    no_time = [r["url"] for r in rows if not r["delivery_time"]]
    if not basket_time and (no_time or not rows):
        where = no_time or [u for u, _ in basket_texts]
        findings.append(finding(
            ID, "delivery-time-missing", "medium", T('No delivery time before checkout'),
            (T('{n_no_time} of {n_rows} sampled product pages state no delivery time{basket_note}.',
                n_no_time=len(no_time), n_rows=len(rows),
                basket_note=basket_note) if rows else T('The basket states no delivery time.')),
            url=where[0], key="delivery-time",
            evidence={"pages_without": where[:20], "basket_checked": [u for u, _ in basket_texts][:10],
                      "looked_for": "a clause about delivery (" + ", ".join(looked_for("dispatch", lang, 4))
                      + ") with days or hours, or " + ", ".join(looked_for("delivery_fast", lang, 3))},
            why=WHY_TIME,
            recommendation=T('Show the delivery estimate next to the price and in the basket, e.g. “Ships within 24 '
                             'h, delivered in 1–2 working days”.'),
        ))
    no_cost = [r["url"] for r in rows if not r["delivery_cost"]]
    if not basket_cost and (no_cost or not rows):
        where = no_cost or [u for u, _ in basket_texts]
        findings.append(finding(
            ID, "delivery-cost-missing", "high", T('No delivery cost before checkout'),
            (T('{n_no_cost} of {n_rows} sampled product pages state no delivery cost or free-delivery '
                'threshold{basket_note}.',
                n_no_cost=len(no_cost), n_rows=len(rows),
                basket_note=basket_note) if rows else T('The basket states no delivery cost.')),
            url=where[0], key="delivery-cost",
            evidence={"pages_without": where[:20], "basket_checked": [u for u, _ in basket_texts][:10],
                      "looked_for": "a clause about delivery with a price in a currency, or "
                      + ", ".join(looked_for("free_delivery", lang, 3))},
            why=WHY_COST,
            recommendation=T('State delivery costs next to the price and in the basket, e.g. “Delivery from 4,90 €, '
                             'free from 50 €”, with a link to all delivery options.'),
        ))

    allowed = set(options["payment_pages"])
    shown: dict[str, list[str]] = {}
    for page in artifacts.ok_pages():
        if page.page_type not in allowed:
            continue
        names = payment_methods(page.text + "\n" + _image_labels(artifacts, page), lang_of(page))
        if names:
            shown[page.final_url] = names
    for url, text in basket_texts:
        names = payment_methods(text, lang_default)
        if names:
            shown.setdefault(url, names)
    if not shown:
        findings.append(finding(
            ID, "payment-methods-missing", "low", T('No payment methods shown before checkout'),
            T('No page before checkout names a payment method (text or logo).'),
            url=artifacts.home_url or artifacts.start_url, key="payment-methods",
            evidence={"pages_checked": len([p for p in artifacts.ok_pages() if p.page_type in allowed]),
                      "looked_for": looked_for("payment_methods", lang, 8)},
            why=WHY_PAY,
            recommendation=T('Show the accepted payment methods (logos with alt text, or a line such as “BLIK, '
                             'Przelewy24, Visa, PayPal, cash on delivery”) in the footer, on product pages and in '
                             'the basket.'),
        ))

    all_methods = sorted({n.lower() for names in shown.values() for n in names})
    details = {"products": rows, "basket": {"pages": [u for u, _ in basket_texts], "delivery_time": basket_time[:5],
                                            "delivery_cost": basket_cost[:5]},
               "payment_methods": all_methods, "payment_pages": {u: n for u, n in list(shown.items())[:20]}}
    if findings:
        summary = T('{n_findings} delivery/payment fact(s) missing before checkout: ',
                    n_findings=len(findings)) + ", ".join(
            f.rule for f in findings) + T('.')
    else:
        summary = (T('Delivery time and cost are stated before checkout on all {n_rows} product page(s); payment '
                     'methods shown: {all_methods}.', n_rows=len(rows), all_methods=', '.join(all_methods[:6])))
    return result(module, findings, summary, details=details)

