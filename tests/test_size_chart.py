"""size-chart on artifacts built in the test: which products need a chart, and what counts as one."""

from __future__ import annotations

import pytest

import checks.size_chart as check
from auditor.runner import run_check
from tests.artifact_factory import artifacts, html_doc, html_page, json_ld, page, saved_artifacts

# (lang, product name, category, size label, size-guide phrase)
LANGS = [
    ("en", "Linen summer dress", "Clothing > Dresses", "Size", "Size guide"),
    ("pl", "Sukienka lniana", "Odzież > Sukienki", "Rozmiar", "Tabela rozmiarów"),
    ("uk", "Лляна сукня", "Одяг > Сукні", "Розмір", "Таблиця розмірів"),
    ("ru", "Льняное платье", "Одежда > Платья", "Размер", "Таблица размеров"),
    ("sk", "Ľanové šaty", "Oblečenie > Šaty", "Veľkosť", "Tabuľka veľkostí"),
    ("cs", "Lněné šaty", "Oblečení > Šaty", "Velikost", "Tabulka velikostí"),
    ("de", "Leinenkleid", "Bekleidung > Kleider", "Größe", "Größentabelle"),
]


def product_html(lang, name, category, label, extra="", sizes=("S", "M", "L", "XL"), footer=""):
    data = {"@context": "https://schema.org", "@type": "Product", "name": name, "category": category,
            "offers": {"@type": "Offer", "price": "49.90", "priceCurrency": "EUR"}}
    options = "".join(f"<option>{s}</option>" for s in sizes)
    main = (f"<h1>{name}</h1><form><label for='size'>{label}</label><select id='size' name='size'>{options}</select>"
            f"<button>Add</button></form>{extra}")
    return html_doc(main, lang=lang, head=json_ld(data), footer=footer)


def outcome(tmp_path, *htmls, pages=()):
    built = [html_page(tmp_path, f"/p/item-{i}", html, "product") for i, html in enumerate(htmls)]
    return run_check(check, saved_artifacts(tmp_path, *built, *pages))


@pytest.mark.parametrize("lang, name, category, label, guide", LANGS)
def test_missing_chart_in_every_language(tmp_path, lang, name, category, label, guide):
    res = outcome(tmp_path, product_html(lang, name, category, label))
    assert res.status == "fail" and [f.rule for f in res.findings] == ["size-chart-missing"]
    found = res.findings[0]
    assert found.severity == "high" and found.url == "https://shop.example/p/item-0"
    assert found.evidence["size_selector"]["options"] == ["S", "M", "L", "XL"]
    assert found.evidence["kind"]["kind"] == "apparel"
    assert any(guide.lower() in item.lower() for item in found.evidence["looked_for"])
    assert found.recommendation and found.why


@pytest.mark.parametrize("lang, name, category, label, guide", LANGS)
def test_size_guide_button_with_dialog_table_passes(tmp_path, lang, name, category, label, guide):
    dialog = (f"<button data-toggle='modal' aria-controls='g'>{guide}</button><div role='dialog' id='g'><table>"
              f"<tr><th>{label}</th><th>EU</th></tr><tr><td>S</td><td>36</td></tr></table></div>")
    res = outcome(tmp_path, product_html(lang, name, category, label, extra=dialog))
    assert res.status == "pass" and res.findings == []
    assert res.details["products"][0]["chart"]["how"] == "button"


@pytest.mark.parametrize("lang, name, category, label, guide", LANGS)
def test_size_guide_link_passes(tmp_path, lang, name, category, label, guide):
    res = outcome(tmp_path, product_html(lang, name, category, label, extra=f"<a href='/help/fit'>{guide}</a>"))
    assert res.status == "pass"
    assert res.details["products"][0]["chart"] == {"how": "link", "text": guide,
                                                  "url": "https://shop.example/help/fit"}


@pytest.mark.parametrize("lang, name, category, label, measure", [
    ("en", "Dress", "Dresses", "Size", "Chest"), ("pl", "Sukienka", "Sukienki", "Rozmiar", "Obwód klatki"),
    ("uk", "Сукня", "Сукні", "Розмір", "Обхват грудей"), ("ru", "Платье", "Платья", "Размер", "Обхват груди"),
    ("sk", "Šaty", "Šaty", "Veľkosť", "Hrudník (cm)"), ("cs", "Šaty", "Šaty", "Velikost", "Obvod pasu"),
    ("de", "Kleid", "Kleider", "Größe", "Brustumfang"),
])
def test_table_with_size_and_measure_columns_passes(tmp_path, lang, name, category, label, measure):
    table = (f"<table><tr><th>{label}</th><th>{measure}</th></tr><tr><td>36</td><td>84</td></tr>"
             f"<tr><td>38</td><td>88</td></tr></table>")
    res = outcome(tmp_path, product_html(lang, name, category, label, extra=table))
    assert res.status == "pass" and res.details["products"][0]["chart"]["how"] == "table"


def test_table_listing_sizes_passes_and_other_tables_do_not(tmp_path):
    sizes = "<table><tr><th></th><th>XS</th><th>S</th><th>M</th><th>L</th></tr><tr><td>cm</td><td>80</td></tr></table>"
    assert outcome(tmp_path, product_html("en", "Shirt", "Shirts", "Size", extra=sizes)).status == "pass"
    specs = "<table><tr><th>Colour</th><th>Red</th></tr><tr><td>Care</td><td>30°</td></tr></table>"
    assert outcome(tmp_path, product_html("en", "Shirt", "Shirts", "Size", extra=specs)).status == "fail"


def test_link_to_size_guide_page_by_url_passes(tmp_path):
    res = outcome(tmp_path, product_html("pl", "Kurtka", "Kurtki", "Rozmiar",
                                         extra="<a href='/tabela-rozmiarow'>Sprawdź</a>"))
    assert res.status == "pass" and res.details["products"][0]["chart"]["how"] == "link"


def test_footer_only_guide_is_medium(tmp_path):
    html = product_html("en", "Jeans", "Jeans", "Size", footer="<a href='/size-guide'>Size guide</a>")
    res = outcome(tmp_path, html)
    assert [(f.rule, f.severity) for f in res.findings] == [("size-chart-missing", "medium")]
    assert res.findings[0].evidence["store_size_guide"]["url"] == "https://shop.example/size-guide"


@pytest.mark.parametrize("lang, name, category, label", [
    ("en", "Leather tote bag", "Bags", "Size"), ("pl", "Torebka skórzana", "Torebki", "Rozmiar"),
    ("uk", "Шкіряна сумка", "Сумки", "Розмір"), ("ru", "Кожаная сумка", "Сумки", "Размер"),
    ("sk", "Kožená kabelka", "Kabelky", "Veľkosť"), ("cs", "Kožená taška", "Tašky", "Velikost"),
    ("de", "Leder Handtasche", "Taschen", "Größe"),
    ("en", "Wireless headphones", "Electronics", "Size"), ("pl", "Słuchawki", "Elektronika", "Rozmiar"),
    ("uk", "Смартфон X", "Електроніка", "Розмір"), ("ru", "Смартфон X", "Электроника", "Размер"),
    ("sk", "Notebook 14", "Elektronika", "Veľkosť"), ("cs", "Notebook 14", "Elektronika", "Velikost"),
    ("de", "Kabellose Kopfhörer", "Elektronik", "Größe"),
])
def test_bags_and_electronics_never_trigger(tmp_path, lang, name, category, label):
    html = product_html(lang, name, category, label, sizes=("S", "M", "L"))
    res = outcome(tmp_path, html)
    assert res.status == "not-applicable" and res.findings == []
    assert res.details["products"][0]["kind"]["kind"] in ("bag", "electronics")


def test_unknown_kind_with_letter_sizes_needs_a_chart(tmp_path):
    html = html_doc("<h1>Model 7</h1><ul class='swatches'><li>XS</li><li>S</li><li>M</li></ul>",
                    head=json_ld({"@type": "Product", "name": "Model 7"}))
    res = outcome(tmp_path, html)
    assert res.status == "fail" and "size selector" in res.details["products"][0]["reason"]


def test_unknown_kind_without_sizes_is_not_applicable(tmp_path):
    html = html_doc("<h1>Ceramic mug</h1><select name='colour'><option>Red</option><option>Blue</option></select>",
                    head=json_ld({"@type": "Product", "name": "Ceramic mug"}))
    assert outcome(tmp_path, html).status == "not-applicable"


def test_apparel_from_category_page_only(tmp_path):
    category = page("/c/new", "category", lang="cs", title="Boty | Obchod", headings=["Boty"])
    product = html_page(tmp_path, "/p/model-9", html_doc("<h1>Model 9</h1>", lang="cs",
                                                         head=json_ld({"@type": "Product", "name": "Model 9"})),
                        "product", category_hint="/c/new")
    res = run_check(check, saved_artifacts(tmp_path, category, product))
    assert res.status == "fail" and res.findings[0].evidence["kind"]["source"] == "category page"


def test_without_saved_html():
    apparel = {"json-ld": [{"@type": "Product", "name": "Bluzka damska"}]}
    no_chart = page("/p/1", "product", lang="pl", structured=apparel, text="Bluzka damska\nRozmiar\nDo koszyka",
                    forms=[{"fields": [{"name": "rozmiar", "type": "select-one", "label": "Rozmiar"}]}])
    res = run_check(check, artifacts(no_chart))
    assert res.status == "fail" and res.findings[0].evidence["size_selector"]["kind"] == "form field"
    with_chart = page("/p/1", "product", lang="pl", structured=apparel,
                      text="Bluzka damska\nTabela rozmiarów\nDo koszyka")
    assert run_check(check, artifacts(with_chart)).status == "pass"


def test_not_applicable_without_products_and_on_empty_artifacts():
    assert run_check(check, artifacts()).status == "not-applicable"
    assert run_check(check, artifacts(page("/", "home", depth=0))).status == "not-applicable"


def test_finding_ids_name_the_product(tmp_path):
    a = outcome(tmp_path / "a", product_html("en", "Dress", "Dresses", "Size"))
    b = outcome(tmp_path / "b", product_html("en", "Dress", "Dresses", "Size", sizes=("S", "M")))
    assert a.findings[0].id == b.findings[0].id
    c = outcome(tmp_path / "c", product_html("en", "Dress", "Dresses", "Size"),
                product_html("en", "Coat", "Coats", "Size"))
    assert len({f.id for f in c.findings}) == 2


def test_finding_marks_the_size_selector_in_the_screenshot(tmp_path):
    box = {"x": 664.0, "y": 537.0, "width": 360.0, "height": 42.0}
    marked = html_page(tmp_path, "/p/item-0", product_html("pl", "Sukienka", "Odzież > Sukienki", "Rozmiar"),
                       "product", marked={"//select": box, "//h1": {"x": 1, "y": 2, "width": 3, "height": 4}})
    found = run_check(check, saved_artifacts(tmp_path, marked)).findings[0]
    assert found.evidence["box"] == box and found.evidence["size_selector"]["kind"] == "select"
    # out of view (no box recorded): no key at all, and the screenshot still comes from the page
    unmarked = html_page(tmp_path / "b", "/p/item-0", product_html("pl", "Sukienka", "Odzież > Sukienki",
                                                                   "Rozmiar"), "product",
                         marked={"//h1": {"x": 1, "y": 2, "width": 3, "height": 4}})
    found = run_check(check, saved_artifacts(tmp_path / "b", unmarked)).findings[0]
    assert "box" not in found.evidence and "screenshot" not in found.evidence


@pytest.mark.parametrize("lang, name, category, label, guide", LANGS)
def test_size_guide_written_out_in_the_description_passes(tmp_path, lang, name, category, label, guide):
    text = f"<p>{guide}: S 92 cm, 70 cm; M 100 cm, 72 cm; L 108 cm, 74 cm.</p>"
    res = outcome(tmp_path, product_html(lang, name, category, label, extra=text))
    assert res.status == "pass" and res.details["products"][0]["chart"]["how"] == "text", res.summary
    # the phrase alone, or measurements without it, is no size chart
    for extra in (f"<p>{guide}: ask us.</p>", "<p>S 92 cm, M 100 cm, L 108 cm.</p>"):
        assert outcome(tmp_path, product_html(lang, name, category, label, extra=extra)).status == "fail"
