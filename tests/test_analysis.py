"""auditor.analysis: durations, readability, page content, product kinds, size selectors and store facts in seven
languages."""

from __future__ import annotations

import pytest

from auditor import lexicon
from auditor.analysis import product, store
from auditor.analysis import text as words
from auditor.analysis.document import document
from auditor.model import CheckoutWalk
from tests.artifact_factory import artifacts, html_doc, html_page, json_ld, page, saved_artifacts

CONTENT_GROUPS = [
    "unit_day", "unit_hour", "unit_week", "unit_month", "range_to", "num_7", "num_14", "num_30", "returning",
    "refund", "refund_method", "return_cost", "cost_word", "free_delivery", "dispatch", "delivery_fast",
    "payment_methods", "payment_generic", "payment_context", "size_word", "size_guide", "size_measure",
    "kind_apparel", "kind_bag", "kind_electronics", "kind_furniture", "kind_accessory", "material", "dimension_words",
    "unit_length",
    "lowest_price", "slug_apparel", "slug_bags", "slug_electronics", "slug_furniture", "slug_size",
    "slug_size_guide", "slug_description", "slug_price", "slug_old_price", "slug_gallery", "slug_related",
]


@pytest.mark.parametrize("group", CONTENT_GROUPS)
def test_content_groups_cover_every_language(group):
    assert all(lexicon.LEXICON[group].get(lang) for lang in lexicon.LANGUAGES), group


# ------------------------------------------------------------------------------------------- durations


@pytest.mark.parametrize("lang, text, days", [
    ("en", "You can return it within 30 days.", (30, 30)),
    ("pl", "Masz 14 dni na zwrot towaru.", (14, 14)),
    ("uk", "Повернення протягом 14 днів.", (14, 14)),
    ("ru", "Возврат в течение 14 дней.", (14, 14)),
    ("sk", "Tovar môžete vrátiť do 14 dní.", (14, 14)),
    ("cs", "Zboží můžete vrátit do 14 dní.", (14, 14)),
    ("de", "Rückgabe innerhalb von 30 Tagen.", (30, 30)),
    ("pl", "Dostawa 2–4 dni robocze", (2, 4)),
    ("pl", "od 2 do 5 dni", (2, 5)),
    ("pl", "w terminie 14 (czternastu) dni", (14, 14)),
    ("pl", "30-dniowy zwrot", (30, 30)),
    ("pl", "2 tygodnie na zwrot", (14, 14)),
    ("uk", "від 2 до 4 днів", (2, 4)),
    ("ru", "Доставка за 2-3 дня", (2, 3)),
    ("sk", "Doručenie 2 až 3 pracovné dni", (2, 3)),
    ("cs", "Lhůta 14 kalendářních dnů", (14, 14)),
    ("cs", "30denní lhůta", (30, 30)),
    ("de", "binnen vierzehn Tagen", (14, 14)),
    ("de", "Lieferzeit 2 bis 3 Werktage", (2, 3)),
    ("de", "Rückgaberecht: 1 Monat", (30, 30)),
    ("en", "3 to 5 business days", (3, 5)),
    ("en", "a 30-day return window", (30, 30)),
    ("ru", "в течение семи дней", (7, 7)),
])
def test_day_counts(lang, text, days):
    found = words.day_counts(text, lang)
    assert [(d.low, d.high) for d in found] == [days]
    assert words.day_counts(text)  # also found without knowing the language


@pytest.mark.parametrize("lang, text", [
    ("en", "Dispatch within 24h"), ("pl", "Wysyłka w 24 godziny"), ("uk", "Відправка за 24 години"),
    ("ru", "Отправка за 24 часа"), ("sk", "Odošleme do 24 hodín"), ("cs", "Odešleme do 24 hodin"),
    ("de", "Versand in 24 Stunden"),
])
def test_hours(lang, text):
    found = words.durations(text, lang)
    assert [(d.low, d.unit) for d in found] == [(24, "hour")]
    assert words.day_counts(text, lang) == []


@pytest.mark.parametrize("text", ["Dostawa 9,99 zł", "Sale -30%", "Size 38", "Order no. 1234", "14,90 € / 30 items"])
def test_no_duration_in_prices_and_numbers(text):
    assert words.durations(text) == []


def test_clauses_split_return_and_refund():
    assert words.clauses("Masz 30 dni na zwrot, a pieniądze oddamy w ciągu 14 dni.") == [
        "Masz 30 dni na zwrot", "a pieniądze oddamy w ciągu 14 dni."]


def test_short_terms_match_whole_words_only():
    assert words.has("kind_bag", "Leather bag", "en")
    assert not words.has("kind_bag", "Baggy jeans", "en")
    assert words.has("kind_apparel", "Baggy jeans", "en")


# ------------------------------------------------------------------------------------------ readability

SIMPLE = {
    "en": "We send your order fast. You can pay by card. The box is free. Call us if you need help. We like to help.",
    "de": "Wir senden die Ware schnell. Sie zahlen mit Karte. Der Karton ist gratis. Rufen Sie uns an. "
          "Wir helfen gern.",
    "ru": "Мы быстро шлём заказ. Платить можно картой. Коробка бесплатно. Звоните нам. Мы рады помочь.",
    "pl": "Szybko wyślemy paczkę. Płacisz kartą. Pudło jest gratis. Zadzwoń do nas. Chętnie pomożemy.",
    "uk": "Ми швидко шлемо пакунок. Платіть карткою. Коробка безкоштовна. Дзвоніть нам. Ми раді допомогти.",
    "sk": "Balík pošleme rýchlo. Platíte kartou. Krabica je zadarmo. Zavolajte nám. Radi pomôžeme.",
    "cs": "Balík pošleme rychle. Platíte kartou. Krabice je zdarma. Zavolejte nám. Rádi pomůžeme.",
}
LEGAL = {
    "en": "Notwithstanding the aforementioned contractual stipulations, the consumer's statutory entitlement to "
          "withdrawal, exercisable through unequivocal communication, necessitates comprehensive documentation "
          "demonstrating merchandise integrity, originality and completeness, whereupon reimbursement obligations "
          "materialise.",
    "de": "Ungeachtet vorstehender vertraglicher Vereinbarungen erfordert die Ausübung des gesetzlichen "
          "Widerrufsrechts eine eindeutige Erklärung gegenüber dem Verkäufer einschließlich vollständiger "
          "Dokumentation hinsichtlich Unversehrtheit, Originalverpackung und Vollständigkeit sämtlicher "
          "zurückzusendender Warenbestandteile.",
    "ru": "Независимо от вышеупомянутых договорных положений осуществление установленного законодательством "
          "права потребителя на односторонний отказ от исполнения договора предполагает предоставление "
          "исчерпывающей документации, подтверждающей сохранность товарного вида и комплектность приобретённых "
          "товаров.",
    "pl": "Niezależnie od powyższych postanowień umownych skorzystanie z ustawowego uprawnienia konsumenta do "
          "odstąpienia od umowy zawartej na odległość wymaga złożenia jednoznacznego oświadczenia wraz z "
          "kompleksową dokumentacją potwierdzającą nienaruszalność, oryginalność i kompletność zwracanego "
          "asortymentu.",
    "uk": "Незалежно від вищезазначених договірних положень реалізація передбаченого законодавством права "
          "споживача на односторонню відмову від договору передбачає надання вичерпної документації, що "
          "підтверджує збереження товарного вигляду та комплектність придбаних товарів.",
    "sk": "Bez ohľadu na vyššie uvedené zmluvné ustanovenia si uplatnenie zákonného práva spotrebiteľa na "
          "odstúpenie od zmluvy uzavretej na diaľku vyžaduje jednoznačné vyhlásenie spolu s vyčerpávajúcou "
          "dokumentáciou preukazujúcou neporušenosť, originalitu a kompletnosť vracaného sortimentu.",
    "cs": "Bez ohledu na výše uvedená smluvní ustanovení vyžaduje uplatnění zákonného práva spotřebitele na "
          "odstoupení od smlouvy uzavřené na dálku jednoznačné prohlášení spolu s vyčerpávající dokumentací "
          "prokazující neporušenost, originalitu a kompletnost vraceného sortimentu.",
}


@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_readability_method_and_order(lang):
    simple, legal = words.readability(SIMPLE[lang], lang), words.readability(LEGAL[lang], lang)
    assert simple.method == legal.method == ("flesch" if lang in ("en", "de", "ru") else "lix")
    assert legal.lang == lang
    assert legal.harder_than(simple) >= 2.0, (simple.as_dict(), legal.as_dict())


def test_readability_never_downloads(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("a check must not download anything")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(words, "_cmudict_installed", lambda: False)  # as on a machine without NLTK's data
    read = words.readability(SIMPLE["en"], "en")
    assert read.method == "flesch" and "pyphen" in read.note and read.score > 60


def test_readability_unknown_language_and_empty():
    assert words.readability("", "pl") is None
    assert words.readability(SIMPLE["pl"], None).method == "lix"
    assert words.readability(SIMPLE["pl"], "fr").method == "lix"
    assert words.readability(SIMPLE["pl"], "pl").harder_than(words.readability(SIMPLE["de"], "de")) is None


# ------------------------------------------------------------------------------------------- page text


def test_content_text_without_header_nav_footer(tmp_path):
    html = html_doc("<h1>Sukienka</h1><p>Darmowy zwrot do 30 dni</p>", lang="pl",
                    header="<nav><a href='/zwroty'>Zwroty</a></nav>",
                    footer="<a href='/regulamin'>Zwroty i reklamacje</a>")
    p = html_page(tmp_path, "/p/1", html, "product")
    arts = saved_artifacts(tmp_path, p)
    text = document(arts, p).content_text
    assert "Darmowy zwrot" in text and "reklamacje" not in text and "Zwroty" not in text
    assert "reklamacje" in p.text  # the crawl's text has everything


def test_content_text_fallback_without_saved_html():
    p = page("/p/1", "product", text="Zwroty\nSukienka\nOpis sukienki\nRegulamin sklepu", footer="Regulamin sklepu",
             links=[["/zwroty", "Zwroty", "header"]])
    assert document(artifacts(p), p).content_text.splitlines() == ["Sukienka", "Opis sukienki"]


# -------------------------------------------------------------------------------------- product kinds


@pytest.mark.parametrize("lang, name, kind", [
    ("en", "Linen summer dress", "apparel"), ("pl", "Sukienka lniana", "apparel"),
    ("uk", "Лляна сукня", "apparel"), ("ru", "Льняное платье", "apparel"), ("sk", "Ľanové šaty", "apparel"),
    ("cs", "Lněné šaty", "apparel"), ("de", "Leinenkleid Sommer", "apparel"),
    ("pl", "Pierścionek srebrny", "apparel"), ("de", "Lederhandschuhe Winter", "apparel"),
    ("cs", "Kožené boty", "apparel"),
    ("en", "Leather tote bag", "bag"), ("pl", "Torebka skórzana", "bag"), ("uk", "Шкіряна сумка", "bag"),
    ("ru", "Кожаная сумка", "bag"), ("sk", "Kožená kabelka", "bag"), ("cs", "Kožená taška", "bag"),
    ("de", "Leder Handtasche", "bag"), ("en", "Canvas shoe bag", "bag"),
    ("en", "Wireless headphones", "electronics"), ("pl", "Słuchawki bezprzewodowe", "electronics"),
    ("uk", "Бездротові навушники", "electronics"), ("ru", "Беспроводные наушники", "electronics"),
    ("sk", "Bezdrôtové slúchadlá", "electronics"), ("cs", "Bezdrátová sluchátka", "electronics"),
    ("de", "Kabellose Kopfhörer", "electronics"),
    ("pl", "Stolik kawowy dębowy", "furniture"), ("de", "Kleiderschrank Eiche", "furniture"),
    ("en", "Oak dresser", "furniture"), ("en", "Ceramic mug", "other"),
    ("en", "Lyng wool scarf", "accessory"), ("pl", "Czapka zimowa", "accessory"), ("uk", "Вовняний шарф", "accessory"),
    ("ru", "Кожаный ремень", "accessory"), ("sk", "Zimná čiapka", "accessory"), ("cs", "Kožený pásek", "accessory"),
    ("de", "Silberohrringe", "accessory"), ("en", "Belted shirt dress", "apparel"),
])
def test_product_kind_from_name(lang, name, kind):
    p = page("/p/x", "product", lang=lang, structured={"json-ld": [{"@type": "Product", "name": name}]})
    assert product.product_kind(artifacts(p), p).kind == kind


def test_nearest_breadcrumb_decides():
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Bags & Accessories"},
        {"@type": "ListItem", "position": 2, "name": "Scarves"}]}
    p = page("/p/1", "product", headings=["Lyng"], structured={"json-ld": [{"@type": "Product", "name": "Lyng"},
                                                                           crumbs]})
    assert product.product_kind(artifacts(p), p).as_dict()["term"] == "Scarves"


def test_product_kind_from_breadcrumbs_category_page_and_slug(tmp_path):
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Strona główna"},
        {"@type": "ListItem", "position": 2, "name": "Odzież"},
        {"@type": "ListItem", "position": 3, "name": "Nowości"}]}
    p = page("/p/1", "product", lang="pl", headings=["Model Ola"],
             structured={"json-ld": [{"@type": "Product", "name": "Model Ola"}, crumbs]})
    kind = product.product_kind(artifacts(p), p)
    assert (kind.kind, kind.source, kind.term) == ("apparel", "breadcrumbs", "Odzież")
    cat = page("/c/nowosci", "category", lang="de", title="Taschen | Shop", headings=["Taschen"])
    q = page("/p/2", "product", lang="de", headings=["Modell Ida"], category_hint="https://shop.example/c/nowosci")
    assert product.product_kind(artifacts(cat, q), q).kind == "bag"
    r = page("/p/3", "product", headings=["Model 7"], category_hint="https://shop.example/kategoria/obuv-damska")
    assert product.product_kind(artifacts(r), r).as_dict()["source"] == "category URL"


# ------------------------------------------------------------------------------------------- sizes


@pytest.mark.parametrize("lang, label", [("en", "Size"), ("pl", "Rozmiar"), ("uk", "Розмір"), ("ru", "Размер"),
                                         ("sk", "Veľkosť"), ("cs", "Velikost"), ("de", "Schuhgröße")])
def test_size_select_labelled_in_every_language(tmp_path, lang, label):
    html = html_doc(f"<label for='v'>{label}</label><select id='v' name='variant'><option>--</option>"
                    "<option>36</option><option>38</option><option>40</option></select>", lang=lang)
    p = html_page(tmp_path, "/p/1", html, "product")
    selector = product.size_selector(document(saved_artifacts(tmp_path, p), p))
    assert selector.kind == "select" and selector.options == ["36", "38", "40"]


def test_numbers_without_size_label_are_not_sizes(tmp_path):
    html = html_doc("<label for='q'>Quantity</label><select id='q'><option>1</option><option>2</option>"
                    "<option>3</option></select>")
    p = html_page(tmp_path, "/p/1", html, "product")
    assert product.size_selector(document(saved_artifacts(tmp_path, p), p)) is None


def test_size_radio_buttons_form_field_and_structured(tmp_path):
    radios = html_doc("<fieldset><legend>Rozmiar</legend>" + "".join(
        f"<label><input type=radio name=r value={s}>{s}</label>" for s in ("S", "M", "L")) + "</fieldset>")
    buttons = html_doc("<div class='variant'><span>Розмір:</span><button>36</button><button>38</button>"
                       "<button>40</button></div>", lang="uk")
    swatches = html_doc("<ul class='swatches'><li>XS</li><li>S</li><li>M</li></ul>")
    letters = html_doc("<select name='opt'><option>S</option><option>M</option><option>XL</option></select>")
    for html, kind in ((radios, "radio"), (buttons, "buttons"), (swatches, "buttons"), (letters, "select")):
        p = html_page(tmp_path, "/p/1", html, "product")
        assert product.size_selector(document(saved_artifacts(tmp_path, p), p)).kind == kind
    p = page("/p/2", "product", lang="sk", forms=[{"fields": [{"name": "attr", "type": "select-one",
                                                                "label": "Veľkosť"}]}])
    assert product.size_selector(document(None, p)).kind == "form field"
    q = page("/p/3", "product", structured={"json-ld": [{"@type": "Product", "name": "T", "size": ["S", "M"]}]})
    assert product.size_selector(document(None, q)).options == ["S", "M"]


@pytest.mark.parametrize("token, labelled, kind", [
    ("XL", False, "letter"), ("xs", False, "letter"), ("3XL", False, "letter"), ("S/M", False, "letter"),
    ("EU 38", False, "prefixed"), ("UK 8", False, "prefixed"), ("42 EU", False, "prefixed"),
    ("42.5", True, "numeric"), ("42.5", False, ""), ("W32 L34", True, "numeric"), ("Red", True, ""),
    ("A4", True, ""), ("M (38)", False, "letter"),
])
def test_size_tokens(token, labelled, kind):
    assert product.size_token(token, labelled) == kind


# ------------------------------------------------------------------------------------------ EU store


def test_eu_store_by_currency_then_language():
    pln = page("/p/1", "product", lang="uk", structured={"json-ld": [
        {"@type": "Product", "name": "X", "offers": {"price": "10", "priceCurrency": "PLN"}}]})
    assert store.eu_store(artifacts(pln)) == (True, "prices in PLN")
    uah = page("/p/1", "product", lang="pl", structured={"json-ld": [
        {"@type": "Product", "name": "X", "offers": {"price": "10", "priceCurrency": "UAH"}}]})
    assert store.eu_store(artifacts(uah))[0] is False
    assert store.eu_store(artifacts(page("/", "home", lang="cs")))[0] is True
    assert store.eu_store(artifacts(page("/", "home", lang="ru")))[0] is False
    walked = artifacts(page("/", "home", lang="en"), checkout=[CheckoutWalk(product_url="https://shop.example/p",
                                                                            currency="EUR")])
    assert store.eu_store(walked) == (True, "prices in EUR")


def test_json_ld_helper_round_trip(tmp_path):
    p = html_page(tmp_path, "/p/1", html_doc("<h1>X</h1>", head=json_ld({"@context": "https://schema.org",
                                                                          "@type": "Product", "name": "Kleid"})))
    assert p.page_type == "product" and product.product_name(p) == "Kleid"


def test_inner_text_joins_a_paragraph_wrapped_in_the_html_source():
    """A line break in the HTML source is white space, as in a browser: a sentence wrapped over two source lines
    is one line (the returns check reads refund sentences line by line); <br> and blocks still break lines."""
    from auditor.analysis.html import inner_text, parse_html

    tree = parse_html("<html><body><p>Peniaze vrátime\n  rovnakým spôsobom.<br>Druhý riadok</p>"
                      "<pre>a\nb</pre><div>Blok</div></body></html>")
    assert inner_text(tree.find("body")).splitlines() == ["Peniaze vrátime rovnakým spôsobom.", "Druhý riadok",
                                                          "a", "b", "Blok"]


# ------------------------------------------------------------------------------------- the layer's rules


def test_no_check_parses_a_page_or_imports_another_check():
    """Every check reads the shared per-page document (auditor.analysis.document): none parses HTML, reads a
    saved page or extracts structured data itself, and none imports another check (shared helpers live in
    auditor.analysis)."""
    import re
    from pathlib import Path

    import checks

    parsing = re.compile(r"\b(lxml|BeautifulSoup|bs4|html_text|extruct|parse_html|fromstring|read_html)\b")
    other_check = re.compile(r"^\s*(from checks\.(?!base\b)\w+ import|import checks\.(?!base\b))", re.M)
    sources = sorted(Path(checks.__file__).parent.glob("*.py"))
    assert len(sources) > 10
    for path in sources:
        if path.name == "__init__.py":
            continue
        code = path.read_text(encoding="utf-8")
        assert not parsing.search(code), (path.name, parsing.search(code))
        assert not other_check.search(code), (path.name, other_check.search(code))


def test_a_page_is_parsed_once_for_all_checks(tmp_path, monkeypatch):
    """The document cache: every check of a run gets the same parsed page; each saved page is parsed once."""
    from auditor.analysis import document as document_module
    from auditor.runner import run_checks

    html = html_doc("<h1>Sukienka lniana</h1><label for='r'>Rozmiar</label><select id='r'><option>S</option>"
                    "<option>M</option><option>L</option></select><p>Zwrot do 30 dni.</p>", lang="pl",
                    head=json_ld({"@context": "https://schema.org", "@type": "Product", "name": "Sukienka lniana",
                                  "offers": {"price": "99.00", "priceCurrency": "PLN"}}))
    pages = [html_page(tmp_path, f"/p/{n}", html, "product") for n in range(3)]
    arts = saved_artifacts(tmp_path, page("/", "home", depth=0, lang="pl"), *pages)
    parsed: list[str] = []
    real = document_module.parse_html
    monkeypatch.setattr(document_module, "parse_html", lambda text: parsed.append(text) or real(text))
    run_checks(arts)
    documents = [key for key in arts._analysis if isinstance(key, tuple) and key[0] == "page"]
    # several checks read each product page (product-info, size-chart, delivery-info…): parsed once each
    assert {id(p) for p in pages} <= {key[1] for key in documents}
    assert len(parsed) == len(documents)
    run_checks(arts)  # a second run over the same artifacts parses nothing again
    assert len(parsed) == len(documents)
    assert document(arts, pages[0]) is document(arts, pages[0])
    assert document(arts, pages[0]) is not document(arts, pages[1])
