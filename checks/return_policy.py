"""return-policy: a findable returns page that says how long, who pays and how the money comes back.

What it checks
    The returns (withdrawal) page: a crawled page whose URL (``/returns``, ``/zwroty``, ``/vraceni``,
    ``/widerruf``…), title or main heading names returns in any of our languages; a link to such a page
    (footer link "Returns", "Zwroty", "Повернення", "Возврат", "Vrátenie tovaru", "Vrácení zboží",
    "Rückgabe") also proves it exists. Its text is read sentence by sentence in the page's language
    (en, pl, uk, ru, sk, cs, de); each stated duration ("14 dni", "30 days", "14 днів", "14 дней", "14 dní",
    "30 Tage", "vierzehn Tagen") is attributed to the nearest subject in its sentence: returning the goods
    (the return window), the refund (how fast the money comes back) or delivery named before it ("within
    30 days of delivery" is a window). Rules:

    * ``returns-page-missing`` (high): no returns page was crawled and no link names one.
    * ``returns-page-deep`` (medium): the returns page is more than ``max_clicks`` clicks from the home page
      (or reachable only through the sitemap).
    * ``returns-not-in-footer`` (medium): fewer than ``min_footer_share`` of the pages with a footer link to
      the returns page from it.
    * ``return-window-missing`` (high): the returns text states no number of days for returning.
    * ``return-window-short`` (high): an EU store (see ``eu_languages``/``eu_currencies``) states a return
      window shorter than ``min_return_days`` days.
    * ``return-cost-unclear`` (medium): the text does not say who pays for sending goods back ("free
      returns", "koszt zwrotu ponosi Klient", "Rücksendekosten trägt der Käufer", "náklady na vrácení nese
      kupující"…).
    * ``refund-unclear`` (medium): the text does not say how fast ("within 14 days") or how ("to the same
      payment method", "na konto", "на картку") the money is refunded.
    * ``returns-hard-to-read`` (low): the returns text reads at least ``readability_gap`` bands harder than
      the store's other content in the same language (textstat: Flesch reading ease for en/de/ru, LIX for
      pl/uk/sk/cs — see ``auditor.analysis.text``; a band is ten points on either scale). Needs at least
      ``min_readability_words`` words of prose on both sides.
    * ``returns-not-near-buy-button`` (low): sampled product pages do not mention returns in their own
      content (header, navigation and footer do not count) and the basket does not either.

    When no returns page was crawled, the content rules read what other pages (FAQ, terms; not product pages,
    whose one-line badges are judged by ``returns-not-near-buy-button``) say about returns;
    when nothing at all is said they are left to ``returns-page-missing``. Not applicable when no page was
    crawled.

Why it matters
    18% of shoppers abandoned a cart because of the returns policy, 43% of stores do not show returns
    information on the product page and 20% have no footer link to it (Baymard). EU consumers may withdraw
    from a distance purchase within 14 days without giving a reason (Directive 2011/83/EU art. 9); the trader
    must tell them the conditions, the time limit and who bears the cost of returning the goods before the
    contract (art. 6(1)(h), (i)), and refund within 14 days by the same means of payment (art. 13). A policy
    that hides these facts turns into support tickets and lost orders.

Failing example
    A Polish store links "Zwroty" only from the FAQ, three clicks from home; the page says "Zwrot towaru
    jest możliwy w ciągu 7 dni." and nothing about costs or refunds → ``returns-page-deep``,
    ``returns-not-in-footer``, ``return-window-short``, ``return-cost-unclear``, ``refund-unclear``.

Passing example
    Footer link "Zwroty" on every page; ``/zwroty`` says "Masz 30 dni na zwrot towaru. Koszt odesłania
    pokrywamy my. Zwrot pieniędzy nastąpi w ciągu 14 dni tą samą metodą płatności."; product pages say
    "Darmowy zwrot do 30 dni" next to the price → pass.

Not read
    A returns link whose page answers an error (404…) is ``returns-page-missing``. When a link names a returns
    page but no returns text was read anywhere, the status is ``needs-review``, never a pass.
    When no returns page was read but a link reading as one was seen and its page was not read (robots.txt,
    page budget, failure, off-site redirect), the status is ``needs-review`` with that page named, never a
    pass or a "missing" finding.

Options
    ``max_clicks`` (default 2), ``min_footer_share`` (default 0.5), ``min_return_days`` (default 14),
    ``eu_languages`` (default pl, cs, sk, de: used when the store's currency is unknown), ``eu_currencies``
    (default EUR, PLN, CZK, HUF, RON, BGN, SEK, DKK), ``readability_gap`` (default 2.0 bands),
    ``min_readability_words`` (default 50).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from auditor import lexicon
from auditor.analysis.document import document
from auditor.analysis.language import lang_of
from auditor.analysis.store import EU_CURRENCIES, EU_LANGUAGES, eu_store, store_lang
from auditor.analysis.text import (
    clauses,
    duration_spans,
    has,
    looked_for,
    prose,
    readability,
    sentences,
    term_pattern,
    url_path,
)
from auditor.model import Artifacts, CheckResult, Finding, PageArtifact
from checks.base import T, finding, not_applicable, result, unread_pages

ID = "return-policy"
TITLE = T('Returns policy: findable, complete and clear')
CATEGORY = "returns"
SEVERITIES = ["high", "medium", "low"]
DEFAULT_OPTIONS: dict[str, Any] = {
    "max_clicks": 2,
    "min_footer_share": 0.5,
    "min_return_days": 14,
    "eu_languages": list(EU_LANGUAGES),
    "eu_currencies": list(EU_CURRENCIES),
    "readability_gap": 2.0,
    "min_readability_words": 50,
}

WHY_FIND = (T("Shoppers check the returns policy before they buy: 18% abandoned a cart because of it, and a policy "
              "they cannot find is read as 'no returns'. Under Directive 2011/83/EU art. 6(1)(h) the conditions, "
              "time limit and procedure for withdrawal must be given before the contract."))
WHY_CONTENT = (T('EU consumers may withdraw within 14 days without a reason (Directive 2011/83/EU art. 9); the '
                 'trader must state the time limit and who bears the cost of returning goods (art. 6(1)(h), (i)) and '
                 'refund within 14 days by the same means of payment (art. 13). Every fact missing here becomes a '
                 'support question or a lost order.'))
OTHER_TYPES = ("home", "category", "product", "faq", "contact", "other")


# ------------------------------------------------------------------------------------------ finding it


def _is_returns_url(url: str) -> bool:
    return lexicon.matches("slug_returns", url_path(url))


def is_returns_page(page: PageArtifact) -> bool:
    if page.page_type in ("home", "product", "cart", "checkout"):
        return False
    if _is_returns_url(page.final_url):
        return True
    lang = lang_of(page)
    return lexicon.matches("returns", page.title, lang) or (
        bool(page.headings) and lexicon.matches("returns", page.headings[0], lang))


def _is_returns_link(link: Any, lang: str | None, home: str) -> bool:
    if link.url.rstrip("/") == home.rstrip("/"):
        return False
    return _is_returns_url(link.url) or lexicon.matches("returns", link.text, lang)


def _norm(url: str) -> str:
    return url.split("#")[0].rstrip("/")


def _reach(artifacts: Artifacts, pages: list[PageArtifact], home: str) -> dict[str, Any]:
    """Clicks to the returns page from home, from a product page and from the basket/checkout."""
    targets = {_norm(p.final_url) for p in pages} | {_norm(p.url) for p in pages}
    depths = [p.depth for p in pages if p.depth is not None]
    linked_from: list[PageArtifact] = []
    link_urls: set[str] = set()
    for page in artifacts.ok_pages():
        lang = lang_of(page)
        for link in page.links:
            if _norm(link.url) in targets or _is_returns_link(link, lang, home):
                linked_from.append(page)
                link_urls.add(_norm(link.url))
                break
    depths += [p.depth + 1 for p in linked_from if p.depth is not None]
    return {
        "from_home": min(depths) if depths else None,
        "from_product": 1 if any(p.page_type == "product" for p in linked_from) else None,
        "from_checkout": 1 if any(p.page_type in ("cart", "checkout") for p in linked_from) else None,
        "link_urls": sorted(link_urls)[:10],
        "linked_from": len(linked_from),
    }


def _footer_coverage(artifacts: Artifacts, home: str) -> dict[str, Any]:
    with_footer, linked, missing = 0, 0, []
    for page in artifacts.ok_pages():
        footer = [link for link in page.links if link.region == "footer"]
        if not footer:
            continue
        with_footer += 1
        lang = lang_of(page)
        if any(_is_returns_link(link, lang, home) for link in footer):
            linked += 1
        else:
            missing.append(page.final_url)
    return {"pages_with_footer": with_footer, "linking_returns": linked,
            "share": round(linked / with_footer, 3) if with_footer else 0.0, "pages_without": missing[:20]}


# ------------------------------------------------------------------------------------------ reading it


def _spans(pattern: Any, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


_ANCHOR = re.compile(r"\s*(of|from|after|od|po|ab|nach|seit|від|після|от|с|после|z)\b", re.IGNORECASE)


def _distance(span: tuple[int, int], others: list[tuple[int, int]]) -> float:
    if not others:
        return float("inf")
    return min(max(0, a - span[1], span[0] - b) for a, b in others)


def attribute_durations(clause: str, lang: str | None) -> list[tuple[Any, str]]:
    """Each day count of a sentence with its subject — the nearest of: returning (the window), the refund, or
    delivery named before it — or '' when the sentence names none."""
    refund = _spans(term_pattern("refund", lang), clause)
    ret = [s for s in _spans(term_pattern("returning", lang), clause) + _spans(lexicon.pattern("returns", lang), clause)
           if not _overlaps(s, refund)]
    delivery = [s for s in _spans(lexicon.pattern("price_shipping", lang), clause)
                + _spans(term_pattern("dispatch", lang), clause) if not _overlaps(s, ret)]
    out = []
    for duration, start, end in duration_spans(clause, lang):
        if duration.unit != "day":
            continue
        span = (start, end)
        # "delivered in 2 days" is a delivery time; "within 30 days of delivery" counts from delivery
        before = [s for s in delivery if s[1] <= start]
        # "refunded within 14 days of receiving the return" / "w ciągu 14 dni od otrzymania zwrotu": a return
        # named after an anchor ("of", "od", "nach", "від") is where the count starts, not its subject
        subjects = [s for s in ret if not (s[0] >= end and _ANCHOR.match(clause[end:s[0]]))]
        scored = sorted((_distance(span, spans), order, name) for order, (name, spans) in
                        enumerate((("refund", refund), ("window", subjects), ("delivery", before))))
        best = scored[0]
        out.append((duration, best[2] if best[0] != float("inf") else ""))
    return out


def read_policy(text: str, lang: str | None) -> dict[str, Any]:
    """What a returns text states: window days, return cost, refund timing and method."""
    window, loose, refund_days = [], [], []
    window_text, refund_text, cost_text = [], [], []
    for sentence in sentences(text):
        for duration, subject in attribute_durations(sentence, lang):
            if subject == "window":
                window.append(duration.high)
                window_text.append(sentence)
            elif subject == "refund":
                refund_days.append(duration.high)
                refund_text.append(sentence)
            elif subject == "":
                loose.append(duration.high)
    for clause in clauses(text):
        if has("return_cost", clause, lang) or (
                (has("returning", clause, lang) or lexicon.matches("returns", clause, lang))
                and has("cost_word", clause, lang) and not has("refund", clause, lang)):
            cost_text.append(clause)
    all_sentences = sentences(text)
    refund_mentions, method_text = [], []
    for i, sentence in enumerate(all_sentences):
        if has("refund", sentence, lang):
            refund_mentions.append(sentence)
            for near in all_sentences[i:i + 2]:
                if has("refund_method", near, lang):
                    method_text.append(near)
    return {
        "window_days": max(window) if window else None,
        "window_from_context_days": max(loose) if loose and not window else None,
        "window_text": window_text[:3],
        "cost_text": cost_text[:3],
        "refund_mentioned": bool(refund_mentions),
        "refund_days": max(refund_days) if refund_days else None,
        "refund_text": (refund_text or refund_mentions)[:3],
        "refund_method_text": list(dict.fromkeys(method_text))[:3],
    }


def _about_returns(text: str, lang: str | None) -> str:
    """The lines of ``text`` about returns, each with the line after it (FAQ answers)."""
    lines = text.splitlines()
    keep: list[str] = []
    for i, line in enumerate(lines):
        if lexicon.matches("returns", line, lang) or has("returning", line, lang):
            keep += lines[i:i + 2]
    return "\n".join(dict.fromkeys(keep))


def _mentions_returns(text: str, lang: str | None) -> bool:
    return lexicon.matches("returns", text, lang) or has("returning", text, lang) or has("return_cost", text, lang)


# -------------------------------------------------------------------------------------------- the check


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    ok = artifacts.ok_pages()
    if not ok:
        return not_applicable(module, T('No page was crawled.'))
    home_page = artifacts.home()
    home = artifacts.home_url or (home_page.final_url if home_page else artifacts.start_url)
    pages = sorted([p for p in ok if is_returns_page(p)],
                   key=lambda p: (p.depth if p.depth is not None else 99, not _is_returns_url(p.final_url)))
    unread, unread_note = unread_pages(artifacts, "returns")
    if not pages and unread:  # the returns page was linked but not read: nothing below could be judged
        return result(module, [], unread_note, status="needs-review", details={"unread": unread})
    reach = _reach(artifacts, pages, home)
    footer = _footer_coverage(artifacts, home)
    findings: list[Finding] = []
    main = pages[0] if pages else None
    main_url = main.final_url if main else (reach["link_urls"][0] if reach["link_urls"] else "")
    lang = lang_of(main) if main else (store_lang(artifacts) or None)
    exists = bool(pages) or bool(reach["link_urls"])
    # the returns link leads to an error page (404…): the shopper finds no policy behind it
    broken = [] if pages else [p for p in artifacts.pages if not p.is_ok and (
        _norm(p.url) in reach["link_urls"] or _norm(p.final_url or p.url) in reach["link_urls"]
        or _is_returns_url(p.final_url or p.url))]

    if broken:
        findings.append(finding(
            ID, "returns-page-missing", "high", T('The returns page does not load'),
            T('The store links a returns page ({url}) but it answers {answer}: a shopper finds no returns policy '
              'behind the link.', url=broken[0].url,
              answer=f"HTTP {broken[0].status}" if broken[0].status else f"({broken[0].error[:80]})"),
            url=broken[0].url, key="returns-page",
            evidence={"linked_from": reach["linked_from"], "status": broken[0].status, "error": broken[0].error},
            why=WHY_FIND,
            recommendation=T('Publish the returns page at the linked address (or fix the link) and keep it linked '
                             'from the footer of every page.'),
        ))
    elif not exists:
        findings.append(finding(
            ID, "returns-page-missing", "high", T('No returns page'),
            T('No crawled page is a returns or withdrawal page and no link names one (looked for '
              ) + ", ".join(f"“{t}”" for t in looked_for("returns", lang, 5)) + T(').'),
            url=home, key="returns-page",
            evidence={"pages_crawled": len(ok), "looked_for": looked_for("returns", lang, 8)},
            why=WHY_FIND,
            recommendation=T('Publish a returns page (window in days, how to send goods back, who pays, how and when '
                             'the money comes back, the withdrawal form) and link it from the footer of every page.'),
        ))
    else:
        depth = reach["from_home"]
        if depth is None or depth > int(options["max_clicks"]):
            findings.append(finding(
                ID, "returns-page-deep", "medium",
                (T('The returns page is hard to reach'
                   ) if depth is None else T('The returns page is {depth} clicks deep', depth=depth)),
                (T('{main_url} is {depth} clicks from the home page (at most {options} expected).',
                    main_url=main_url, depth=depth,
                    options=options['max_clicks']) if depth is not None else T('{main_url} was reached only through '
                                                                               'the sitemap, not by links.',
                                                                               main_url=main_url)),
                url=main_url, key=url_path(main_url) or "returns-page",
                evidence={"clicks_from_home": depth, "click_path": main.click_path if main else [],
                          "max_clicks": options["max_clicks"]},
                why=WHY_FIND,
                recommendation=T('Link the returns page from the footer (and the help menu) so it is one click from '
                                 'every page.'),
            ))
        if footer["pages_with_footer"] == 0 or footer["share"] < float(options["min_footer_share"]):
            findings.append(finding(
                ID, "returns-not-in-footer", "medium", T('The footer does not link the returns page'),
                (T('Only {footer} of {footer2} pages with a footer link to the returns page from it.',
                    footer=footer['linking_returns'],
                    footer2=footer['pages_with_footer']) if footer["pages_with_footer"] else T('No crawled page has '
                                                                                               'a footer.')),
                url=main_url, key="footer-link",
                evidence={**footer, "returns_page": main_url},
                why=WHY_FIND + T(' 20% of stores have no footer link to it (Baymard).'),
                recommendation=T("Add a “Returns” link (in the store's language) to the footer of every page."),
            ))

    if pages:
        text = "\n".join(document(artifacts, p).content_text for p in pages)
        source = "returns page"
    else:
        text = "\n".join(_about_returns(document(artifacts, p).content_text, lang_of(p))
                         for p in ok if p.page_type not in ("product", "cart", "checkout"))
        source = "other pages (no returns page crawled)"
    policy = read_policy(text, lang) if text.strip() else None
    eu, eu_reason = eu_store(artifacts, options["eu_languages"], options["eu_currencies"])
    evidence_base = {"returns_page": main_url, "read_from": source, "lang": lang or ""}
    if policy is not None:
        _content_findings(findings, policy, options, main_url, evidence_base, eu, eu_reason, lang)

    read = _readability(artifacts, pages, text, lang, options) if pages else None
    if read and read.get("gap") is not None and read["gap"] >= float(options["readability_gap"]):
        findings.append(finding(
            ID, "returns-hard-to-read", "low", T('The returns page is much harder to read than the rest of the shop'),
            T("{main_url} reads {read:.1f} bands harder ({read2} {read3:.0f}) than the shop's other pages "
              "({read4:.0f}).",
              main_url=main_url, read=read['gap'], read2=read['returns']['method'], read3=read['returns']['score'],
              read4=read['others']['score']),
            url=main_url, key=url_path(main_url) or "returns-page",
            evidence={**evidence_base, "readability": read},
            why=T('Shoppers read a returns policy to decide whether to buy; legal prose they cannot follow sends '
                  'them to support or away.'),
            recommendation=T('Open the page with a plain summary in short sentences (window, cost, how to return, '
                             'when the money comes back) and keep the legal text below it.'),
        ))

    near = _near_buy_button(artifacts)
    if near["products_checked"] and near["products_without"] and not near["basket_mentions"]:
        findings.append(finding(
            ID, "returns-not-near-buy-button", "low", T('Product pages do not mention returns'),
            T('{n_near} of {near} sampled product pages say nothing about returns in their content',
              n_near=len(near['products_without']),
              near=near['products_checked']) + (T(' and neither does the basket.'
                                                  ) if near["basket_seen"] else T('.')),
            url=near["products_without"][0], key="product-pages",
            evidence={**near, "looked_for": looked_for("returns", lang, 6)},
            why=T('43% of stores do not show returns information on the product page; shoppers look for it next to '
                  'the price before they add to cart (Baymard).'),
            recommendation=T('Show one line next to the add-to-cart button and in the basket, e.g. “30 days free '
                             'returns”, linking to the returns page.'),
        ))

    details = {"returns_pages": [{"url": p.final_url, "depth": p.depth, "click_path": p.click_path,
                                  "lang": p.lang} for p in pages],
               "reach": reach, "footer": footer, "policy": policy, "read_from": source,
               "eu": {"applies": eu, "reason": eu_reason}, "readability": read, "near_buy_button": near}
    if findings:
        summary = T('{n_findings} returns-policy finding(s): ',
                    n_findings=len(findings)) + ", ".join(sorted({f.rule for f in findings})) + T('.')
    elif policy is None:  # a link names a returns page but no returns text was read anywhere: never a pass
        return result(module, [], T('A returns page is linked ({url}) but no returns text could be read, so the '
                                    'window, costs and refunds could not be checked. Needs review.', url=main_url),
                      status="needs-review", details=details)
    else:
        window = f"a {policy['window_days']:.0f}-day window" if policy and policy["window_days"] else "a window"
        summary = (T('The returns page ({main_url}) is {reach} click(s) from home, in the footer, and states '
                     '{window}, return costs and refunds.',
                     main_url=main_url, reach=reach['from_home'], window=window))
    return result(module, findings, summary, details=details)


def _content_findings(findings: list[Finding], policy: dict[str, Any], options: dict[str, Any], url: str,
                      base: dict[str, Any], eu: bool, eu_reason: str, lang: str | None) -> None:
    key = url_path(url) or "returns"
    if policy["window_days"] is None and policy["window_from_context_days"] is None:
        findings.append(finding(
            ID, "return-window-missing", "high", T('No return window in days'),
            T('The returns text states no number of days within which goods can be returned.'),
            url=url, key=key, evidence={**base, "looked_for": ["N days: " + ", ".join(
                looked_for("unit_day", lang, 3))], "policy": policy},
            why=WHY_CONTENT,
            recommendation=T('State the window plainly at the top, e.g. “You can return any item within 30 days of '
                             'delivery.”'),
        ))
    minimum = int(options["min_return_days"])
    if policy["window_days"] is not None and policy["window_days"] < minimum and eu:
        findings.append(finding(
            ID, "return-window-short", "high", T('Return window of {policy:.0f} days is below the legal {minimum}',
                                                 policy=policy['window_days'], minimum=minimum),
            T('The returns text states {policy:.0f} days ({policy2}); EU consumers have at least {minimum} days to '
              'withdraw ({eu_reason}).',
              policy=policy['window_days'], policy2='; '.join(policy['window_text'][:2]), minimum=minimum,
              eu_reason=eu_reason),
            url=url, key=key, evidence={**base, "policy": policy, "eu": eu_reason, "minimum_days": minimum},
            why=T('Directive 2011/83/EU art. 9 gives consumers 14 days to withdraw from a distance contract without '
                  'a reason; a shorter stated window misleads them and, under art. 10, an omitted or wrong '
                  'withdrawal notice extends the period by up to 12 months.'),
            recommendation=T('Give at least {minimum} days from delivery (many stores give 30) and say so in the '
                             'first sentence.', minimum=minimum),
        ))
    if not policy["cost_text"]:
        findings.append(finding(
            ID, "return-cost-unclear", "medium", T('Who pays for the return is not stated'),
            T('The returns text does not say whether returns are free or who pays for sending goods back.'),
            url=url, key=key, evidence={**base, "looked_for": looked_for("return_cost", lang, 6)},
            why=WHY_CONTENT,
            recommendation=T('Say who pays return shipping and how much, e.g. “Returns are free: use the prepaid '
                             'label” or “You pay the return postage (about 4 €)”.'),
        ))
    if not policy["refund_mentioned"] or (policy["refund_days"] is None and not policy["refund_method_text"]):
        findings.append(finding(
            ID, "refund-unclear", "medium", T('How and when the money comes back is not stated'),
            T('The returns text '
              ) + (T('does not mention the refund.'
                     ) if not policy["refund_mentioned"]
                else T('mentions the refund but neither how fast nor how it is paid back.')),
            url=url, key=key, evidence={**base, "refund_text": policy["refund_text"],
                                        "looked_for": looked_for("refund", lang, 4)
                                        + looked_for("refund_method", lang, 3)},
            why=WHY_CONTENT,
            recommendation=T('State the refund time and means, e.g. “We refund within 14 days of receiving the '
                             'return, to the payment method you used.”'),
        ))


def _readability(artifacts: Artifacts, pages: list[PageArtifact], text: str, lang: str | None,
                 options: dict[str, Any]) -> dict[str, Any] | None:
    minimum = int(options["min_readability_words"])
    own = prose(text)
    others = []
    for page in artifacts.ok_pages():
        if page in pages or page.page_type not in OTHER_TYPES or (lang and lang_of(page) not in (lang, None)):
            continue
        others.append(prose(document(artifacts, page).content_text))
        if sum(len(o.split()) for o in others) > 5000:
            break
    pooled = "\n".join(o for o in others if o)
    mine, theirs = readability(own, lang), readability(pooled, lang)
    out: dict[str, Any] = {"returns": mine.as_dict() if mine else None, "others": theirs.as_dict() if theirs else None,
                           "gap": None, "min_words": minimum}
    if mine and theirs and mine.words >= minimum and theirs.words >= minimum:
        out["gap"] = mine.harder_than(theirs)
    return out


def _near_buy_button(artifacts: Artifacts) -> dict[str, Any]:
    without, checked = [], 0
    for page in artifacts.pages_of("product"):
        checked += 1
        if not _mentions_returns(document(artifacts, page).content_text, lang_of(page)):
            without.append(page.final_url)
    basket_texts = [document(artifacts, p).content_text for p in artifacts.pages_of("cart")]
    for walk in artifacts.checkout:
        basket_texts += [s.text_excerpt for s in walk.steps if s.kind == "basket"]
    basket_seen = bool(basket_texts)
    basket = any(_mentions_returns(t, None) for t in basket_texts)
    return {"products_checked": checked, "products_without": without[:20], "basket_seen": basket_seen,
            "basket_mentions": basket}
