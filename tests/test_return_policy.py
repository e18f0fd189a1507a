"""return-policy on artifacts built in the test: finding the page, reading it in seven languages."""

from __future__ import annotations

import pytest

import checks.return_policy as check
from auditor.model import CheckoutStep, CheckoutWalk
from auditor.runner import run_check
from tests.artifact_factory import artifacts, html_doc, html_page, json_ld, page, saved_artifacts
from tests.test_analysis import LEGAL, SIMPLE

# lang: (returns URL, footer link text, currency, window sentence, cost sentence, refund sentence,
#        short-window sentence, product-page mention)
POLICY = {
    "en": ("/returns", "Returns", "EUR",
           "You can return any item within 30 days of delivery.",
           "Return shipping is free: use the prepaid label.",
           "We refund the money within 14 days to the same payment method.",
           "You can return items within 7 days.", "Free returns within 30 days"),
    "pl": ("/zwroty", "Zwroty", "PLN",
           "Masz 30 dni na zwrot towaru.",
           "Koszt odesłania pokrywamy my.",
           "Zwrot pieniędzy nastąpi w ciągu 14 dni tą samą metodą płatności.",
           "Zwrot towaru jest możliwy w ciągu 7 dni.", "Darmowy zwrot do 30 dni"),
    "uk": ("/povernennia", "Повернення", "UAH",
           "Ви можете повернути товар протягом 30 днів.",
           "Вартість повернення оплачуємо ми.",
           "Повернення коштів протягом 14 днів на картку, якою ви платили.",
           "Повернути товар можна протягом 7 днів.", "Безкоштовне повернення 30 днів"),
    "ru": ("/vozvrat", "Возврат", "RUB",
           "Вы можете вернуть товар в течение 30 дней.",
           "Бесплатный возврат: курьер заберёт посылку.",
           "Возврат денег в течение 14 дней на карту.",
           "Вернуть товар можно в течение 7 дней.", "Бесплатный возврат 30 дней"),
    "sk": ("/vratenie-tovaru", "Vrátenie tovaru", "EUR",
           "Tovar môžete vrátiť do 30 dní.",
           "Bezplatné vrátenie: poštovné hradíme my.",
           "Vrátenie peňazí do 14 dní na účet.",
           "Tovar môžete vrátiť do 7 dní.", "Bezplatné vrátenie do 30 dní"),
    "cs": ("/vraceni-zbozi", "Vrácení zboží", "CZK",
           "Zboží můžete vrátit do 30 dnů.",
           "Vrácení zdarma, náklady na vrácení hradíme my.",
           "Vrácení peněz do 14 dnů na účet.",
           "Zboží můžete vrátit do 7 dnů.", "Vrácení zdarma do 30 dnů"),
    "de": ("/rueckgabe", "Rückgabe", "EUR",
           "Sie können die Ware innerhalb von 30 Tagen zurückgeben.",
           "Die Rücksendung ist kostenlos.",
           "Die Rückerstattung erfolgt innerhalb von 14 Tagen über das gleiche Zahlungsmittel.",
           "Sie können die Ware innerhalb von 7 Tagen zurückgeben.", "Kostenlose Rücksendung innerhalb 30 Tagen"),
}
LANGS = list(POLICY)
VAGUE_REFUND = {"en": "We will refund you.", "pl": "Zwrócimy pieniądze.", "uk": "Ми повернемо кошти.",
                "ru": "Мы вернём деньги.", "sk": "Vrátime vám peniaze.", "cs": "Vrátíme vám peníze.",
                "de": "Wir erstatten den Betrag."}


def store(tmp_path, lang, policy_text, *, mention=True, footer_link=True, returns_page=True, returns_depth=1,
          home_links_returns=True, other_prose="", extra=()):
    url, link_text, currency, *_, product_line = POLICY[lang]
    footer = f"<a href='{url}'>{link_text}</a> <a href='/terms'>Terms</a>" if footer_link else "<a href='/terms'>T</a>"
    home_main = "<h1>Shop</h1>" + (f"<p>{other_prose}</p>" if other_prose else "") + (
        f"<a href='{url}'>{link_text}</a>" if home_links_returns and not footer_link else "")
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Item",
               "offers": {"@type": "Offer", "price": "20.00", "priceCurrency": currency}}
    pages = [
        html_page(tmp_path, "/", html_doc(home_main, lang=lang, footer=footer), depth=0),
        html_page(tmp_path, "/p/item", html_doc("<h1>Item</h1><p>20,00</p>" + (f"<p>{product_line}</p>" if mention
                                                                                  else ""),
                                                lang=lang, head=json_ld(product), footer=footer), "product"),
    ]
    if returns_page:
        pages.append(html_page(tmp_path, url, html_doc(f"<h1>{link_text}</h1>" + "".join(
            f"<p>{s}</p>" for s in policy_text), lang=lang, title=link_text, footer=footer), depth=returns_depth))
    return saved_artifacts(tmp_path, *pages, *extra)


def rules(res):
    return sorted({f.rule for f in res.findings})


@pytest.mark.parametrize("lang", LANGS)
def test_complete_policy_passes(tmp_path, lang):
    _, _, _, window, cost, refund, _, _ = POLICY[lang]
    res = run_check(check, store(tmp_path, lang, [window, cost, refund]))
    assert res.status == "pass", [f.message for f in res.findings]
    policy = res.details["policy"]
    assert policy["window_days"] == 30 and policy["refund_days"] == 14
    assert policy["cost_text"] and policy["refund_method_text"]
    assert res.details["reach"]["from_home"] == 1 and res.details["footer"]["share"] == 1.0


@pytest.mark.parametrize("lang", LANGS)
def test_window_missing(tmp_path, lang):
    _, _, _, _, cost, refund, _, _ = POLICY[lang]
    res = run_check(check, store(tmp_path, lang, [cost, refund]))
    assert rules(res) == ["return-window-missing"] and res.findings[0].severity == "high"


@pytest.mark.parametrize("lang, eu", [("en", True), ("pl", True), ("uk", False), ("ru", False), ("sk", True),
                                      ("cs", True), ("de", True)])
def test_short_window_in_eu_stores(tmp_path, lang, eu):
    _, _, currency, _, cost, refund, short, _ = POLICY[lang]
    res = run_check(check, store(tmp_path, lang, [short, cost, refund]))
    assert res.details["policy"]["window_days"] == 7
    assert rules(res) == (["return-window-short"] if eu else [])
    if eu:
        found = res.findings[0]
        assert found.severity == "high" and "2011/83/EU art. 9" in found.why and currency in found.evidence["eu"]


@pytest.mark.parametrize("lang", LANGS)
def test_return_cost_unclear(tmp_path, lang):
    _, _, _, window, _, refund, _, _ = POLICY[lang]
    res = run_check(check, store(tmp_path, lang, [window, refund]))
    assert rules(res) == ["return-cost-unclear"] and res.findings[0].severity == "medium"


@pytest.mark.parametrize("lang", LANGS)
def test_refund_unclear(tmp_path, lang):
    _, _, _, window, cost, _, _, _ = POLICY[lang]
    missing = run_check(check, store(tmp_path / "a", lang, [window, cost]))
    assert rules(missing) == ["refund-unclear"] and "does not mention" in missing.findings[0].message
    vague = run_check(check, store(tmp_path / "b", lang, [window, cost, VAGUE_REFUND[lang]]))
    assert rules(vague) == ["refund-unclear"] and "neither how fast" in vague.findings[0].message


@pytest.mark.parametrize("text, days", [
    ("Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.", 14),
    ("Mają Państwo prawo odstąpić od niniejszej umowy w terminie 14 dni bez podania jakiejkolwiek przyczyny.", 14),
    ("Máte právo odstoupit od této smlouvy bez udání důvodu ve lhůtě 14 dnů.", 14),
    ("You can return it within 30 days for a full refund.", 30),
])
def test_model_withdrawal_texts(text, days):
    assert check.read_policy(text, None)["window_days"] == days


@pytest.mark.parametrize("lang, text", [
    ("en", "We refund you within 14 days, to the payment method you used."),
    ("pl", "Zwrot pieniędzy nastąpi przy użyciu takiego samego sposobu płatności."),
    ("uk", "Повернення коштів здійснюється тим самим способом оплати."),
    ("ru", "Возврат денег производится тем же способом оплаты."),
    ("sk", "Vrátenie peňazí prebehne rovnakým spôsobom platby."),
    ("cs", "Vrácení peněz proběhne stejným způsobem platby."),
    ("de", "Die Rückerstattung erfolgt über dasselbe Zahlungsmittel."),
])
def test_refund_method_phrases(lang, text):
    assert check.read_policy(text, lang)["refund_method_text"] == [text]


def test_window_and_refund_in_one_sentence():
    policy = check.read_policy("Masz 30 dni na zwrot towaru, a pieniądze oddamy w ciągu 14 dni.", "pl")
    assert (policy["window_days"], policy["refund_days"]) == (30, 14)
    policy = check.read_policy("Returns: 30 days. Refunds within 5 days. Delivery takes 2 days.", "en")
    assert (policy["window_days"], policy["refund_days"]) == (30, 5)


def test_returns_page_missing(tmp_path):
    res = run_check(check, store(tmp_path, "pl", [], returns_page=False, footer_link=False, home_links_returns=False))
    assert rules(res) == ["returns-page-missing"] and res.findings[0].severity == "high"


def test_no_returns_page_but_faq_answers(tmp_path):
    faq = html_page(tmp_path, "/faq", html_doc("<h1>FAQ</h1><h2>Czy mogę zwrócić towar?</h2>"
                                               "<p>Tak, masz 30 dni na zwrot. Koszt odesłania pokrywamy my.</p>",
                                               lang="pl"), "faq")
    res = run_check(check, store(tmp_path, "pl", [], returns_page=False, footer_link=False, home_links_returns=False,
                                 extra=[faq]))
    assert rules(res) == ["refund-unclear", "returns-page-missing"]
    assert res.details["read_from"].startswith("other pages") and res.details["policy"]["window_days"] == 30


def test_returns_page_deep_and_not_in_footer(tmp_path):
    _, _, _, window, cost, refund, _, _ = POLICY["pl"]
    help_page = html_page(tmp_path, "/pomoc", html_doc("<h1>Pomoc</h1><a href='/zwroty'>Zwroty</a>", lang="pl",
                                                       footer="<a href='/terms'>T</a>"), "faq", depth=2)
    res = run_check(check, store(tmp_path, "pl", [window, cost, refund], footer_link=False, home_links_returns=False,
                                 returns_depth=3, extra=[help_page]))
    assert rules(res) == ["returns-not-in-footer", "returns-page-deep"]
    deep = next(f for f in res.findings if f.rule == "returns-page-deep")
    assert deep.severity == "medium" and deep.evidence["clicks_from_home"] == 3


def test_sitemap_only_returns_page_is_deep(tmp_path):
    _, _, _, window, cost, refund, _, _ = POLICY["de"]
    res = run_check(check, store(tmp_path, "de", [window, cost, refund], footer_link=False, home_links_returns=False,
                                 returns_depth=None))
    assert "returns-page-deep" in rules(res)
    assert next(f for f in res.findings if f.rule == "returns-page-deep").evidence["clicks_from_home"] is None


def test_not_in_footer_only(tmp_path):
    _, _, _, window, cost, refund, _, _ = POLICY["cs"]
    res = run_check(check, store(tmp_path, "cs", [window, cost, refund], footer_link=False))
    assert rules(res) == ["returns-not-in-footer"]
    assert res.findings[0].evidence["pages_with_footer"] == 3 and res.findings[0].evidence["linking_returns"] == 0


@pytest.mark.parametrize("lang", ["en", "pl", "de", "uk"])
def test_hard_to_read(tmp_path, lang):
    _, _, _, window, cost, refund, _, _ = POLICY[lang]
    simple = " ".join([SIMPLE[lang]] * 4)
    hard = run_check(check, store(tmp_path / "a", lang, [window, cost, refund, LEGAL[lang], LEGAL[lang]],
                                  other_prose=simple))
    assert rules(hard) == ["returns-hard-to-read"], hard.details["readability"]
    method = hard.findings[0].evidence["readability"]["returns"]["method"]
    assert method == ("lix" if lang in ("pl", "uk") else "flesch")
    plain = run_check(check, store(tmp_path / "b", lang, [window, cost, refund, simple], other_prose=simple))
    assert rules(plain) == [] and plain.details["readability"]["gap"] < 2


def test_not_near_buy_button(tmp_path):
    _, _, _, window, cost, refund, _, _ = POLICY["sk"]
    res = run_check(check, store(tmp_path, "sk", [window, cost, refund], mention=False))
    assert rules(res) == ["returns-not-near-buy-button"] and res.findings[0].severity == "low"
    assert res.findings[0].evidence["products_without"] == ["https://shop.example/p/item"]


def test_basket_mention_is_enough(tmp_path):
    _, _, _, window, cost, refund, _, _ = POLICY["uk"]
    arts = store(tmp_path, "uk", [window, cost, refund], mention=False)
    arts.checkout = [CheckoutWalk(product_url="https://shop.example/p/item", steps=[
        CheckoutStep(url="https://shop.example/koshyk", kind="basket", text_excerpt="Разом 20 ₴\nПовернення 30 днів")])]
    assert rules(run_check(check, arts)) == []
    cart = page("/cart", "cart", lang="de", text="Warenkorb\nKostenlose Rücksendung\nZur Kasse")
    arts = store(tmp_path / "b", "de", list(POLICY["de"][3:6]), mention=False, extra=[cart])
    assert rules(run_check(check, arts)) == []


def test_footer_text_does_not_count_as_product_mention():
    product = page("/p/1", "product", lang="en", text="Dress\n49 €\nAdd to cart\nReturns\nTerms",
                   footer="Returns\nTerms", links=[["/returns", "Returns", "footer"]])
    res = run_check(check, artifacts(product, page("/", "home", depth=0, links=[["/returns", "Returns", "footer"]])))
    assert "returns-not-near-buy-button" in rules(res)


def test_not_applicable_when_nothing_was_crawled():
    assert run_check(check, artifacts()).status == "not-applicable"


def test_stable_ids(tmp_path):
    a = run_check(check, store(tmp_path / "a", "pl", [POLICY["pl"][6]]))
    b = run_check(check, store(tmp_path / "b", "pl", [POLICY["pl"][6]]))
    assert [f.id for f in a.findings] == [f.id for f in b.findings] and a.findings


def test_polish_present_tense_refund_with_its_method_and_days():
    from checks.return_policy import read_policy

    read = read_policy("Masz 30 dni na zwrot towaru. Zwracamy pieniądze na Twój pierwotny środek płatności w ciągu "
                       "14 dni od otrzymania zwrotu.", "pl")
    assert (read["window_days"], read["refund_days"]) == (30.0, 14.0) and read["refund_method_text"]


def test_a_returns_link_to_an_error_page_is_missing_never_a_pass(tmp_path):
    from tests.artifact_factory import page as crawled

    arts = store(tmp_path, "en", [], returns_page=False)
    url = arts.pages[0].links[0].url
    arts.pages.append(crawled(url, "policy", status=404, depth=1))
    res = run_check(check, arts)
    assert res.status == "fail" and "returns-page-missing" in rules(res), res.summary
    assert "404" in res.findings[0].message


def test_a_linked_returns_page_with_no_text_read_is_needs_review(tmp_path):
    res = run_check(check, store(tmp_path, "en", [], returns_page=False))
    assert res.status == "needs-review" and "could not be checked" in res.summary
