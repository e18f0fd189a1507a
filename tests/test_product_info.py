"""product-info on artifacts built in the test: images, description, material, dimensions, prices, Omnibus."""

from __future__ import annotations

import pytest

import checks.product_info as check
from auditor.runner import run_check
from tests.artifact_factory import artifacts, html_doc, html_page, json_ld, page, saved_artifacts

# lang: (currency, apparel name, composition, old price, price, 30-day lowest price statement)
LANGS = {
    "en": ("EUR", "Summer dress", "Composition: 100% cotton", "79,90 €", "59,90 €",
           "Lowest price in the last 30 days: 59,90 €"),
    "pl": ("PLN", "Sukienka letnia", "Skład: 95% bawełna, 5% elastan", "299,00 zł", "199,00 zł",
           "Najniższa cena z 30 dni przed obniżką: 249,00 zł"),
    "uk": ("PLN", "Літня сукня", "Склад: 100% бавовна", "299,00 zł", "199,00 zł", "Найнижча ціна за 30 днів: 249 zł"),
    "ru": ("EUR", "Летнее платье", "Состав: 100% хлопок", "79,90 €", "59,90 €",
           "Самая низкая цена за 30 дней: 69,90 €"),
    "sk": ("EUR", "Letné šaty", "Materiál: 100% bavlna", "79,90 €", "59,90 €",
           "Najnižšia cena za posledných 30 dní: 69,90 €"),
    "cs": ("CZK", "Letní šaty", "Složení: 100% bavlna", "1 999 Kč", "1 499 Kč",
           "Nejnižší cena za posledních 30 dní: 1 699 Kč"),
    "de": ("EUR", "Sommerkleid", "Material: 100% Baumwolle", "79,90 €", "59,90 €",
           "Niedrigster Preis der letzten 30 Tage: 69,90 €"),
}
WORDS = " ".join(["Lorem"] * 40)


def product_html(lang, name, *, currency="EUR", images=4, description=WORDS, price="59,90 €", old="", facts="",
                 statement="", extra="", structured_images=()):
    data = {"@context": "https://schema.org", "@type": "Product", "name": name,
            "offers": {"@type": "Offer", "price": "59.90", "priceCurrency": currency}}
    if structured_images:
        data["image"] = list(structured_images)
    gallery = "".join(f"<img src='/img/{name[:3]}-{i}.jpg' alt='{name}'>" for i in range(images))
    price_box = ("<div class='price-box'>" + (f"<del>{old}</del> " if old else "")
                 + f"<span class='price'>{price}</span></div>" + (f"<p>{statement}</p>" if statement else ""))
    main = (f"<h1>{name}</h1><div class='product-gallery'>{gallery}</div>{price_box}"
            f"<div class='product-description'><p>{description}</p><p>{facts}</p></div>{extra}")
    return html_doc(main, lang=lang, head=json_ld(data), footer="<img src='/logo.png' alt='Shop'>")


def outcome(tmp_path, *htmls):
    built = [html_page(tmp_path, f"/p/item-{i}", html, "product") for i, html in enumerate(htmls)]
    return run_check(check, saved_artifacts(tmp_path, *built))


def rules(res):
    return sorted({f.rule for f in res.findings})


@pytest.mark.parametrize("lang", list(LANGS))
def test_complete_apparel_page_passes(tmp_path, lang):
    currency, name, facts, old, price, statement = LANGS[lang]
    res = outcome(tmp_path, product_html(lang, name, currency=currency, price=price, old=old, facts=facts,
                                         statement=statement))
    assert res.status == "pass", [f.message for f in res.findings]
    row = res.details["products"][0]
    assert row["kind"]["kind"] == "apparel" and row["images"]["count"] == 4 and row["material"]
    assert row["reduction"]["how"] == "struck-through price"
    assert row["lowest_price_statement"].startswith(statement[:10])


@pytest.mark.parametrize("lang", list(LANGS))
def test_omnibus_missing_in_eu_store(tmp_path, lang):
    currency, name, facts, old, price, _ = LANGS[lang]
    res = outcome(tmp_path, product_html(lang, name, currency=currency, price=price, old=old, facts=facts))
    assert rules(res) == ["omnibus-lowest-price-missing"]
    found = res.findings[0]
    assert found.severity == "high" and "98/6/EC art. 6a" in found.why
    assert found.evidence["reduction"] == {"how": "struck-through price", "text": old}


def test_percentage_badge_is_a_reduction(tmp_path):
    res = outcome(tmp_path, product_html("pl", "Sukienka", currency="PLN", price="199,00 zł", facts="Skład: len",
                                         extra="<span class='badge'>-30%</span>"))
    assert rules(res) == ["omnibus-lowest-price-missing"]
    assert res.findings[0].evidence["reduction"] == {"how": "percentage off", "text": "-30%"}


def test_omnibus_not_required_outside_the_eu(tmp_path):
    res = outcome(tmp_path, product_html("uk", "Літня сукня", currency="UAH", price="1 999 грн", old="2 999 грн",
                                         facts="Склад: 100% бавовна"))
    assert rules(res) == [] and res.details["eu"]["applies"] is False


def test_reductions_of_related_products_do_not_count(tmp_path):
    related = "<section class='related-products'><a href='/p/x'>Other</a><del>99 €</del> -20%</section>"
    res = outcome(tmp_path, product_html("de", "Kleid", facts="Material: Leinen", extra=related))
    assert rules(res) == []


def test_few_images(tmp_path):
    res = outcome(tmp_path, product_html("en", "Dress", images=1, facts="100% cotton"))
    assert rules(res) == ["few-images"]
    assert res.findings[0].severity == "medium" and res.findings[0].evidence["gallery_images"] == [
        "https://shop.example/img/Dre-0.jpg"]


def test_image_sizes_count_once_and_structured_images_count(tmp_path):
    thumbs = ("<div class='thumbnails'><img src='/img/a-150x150.jpg'><img src='/img/a.jpg'>"
              "<img src='/img/b_thumb.jpg'><img src='/img/b.jpg'></div>")
    res = outcome(tmp_path, product_html("en", "Dress", images=0, facts="100% cotton", extra=thumbs))
    assert rules(res) == ["few-images"] and res.details["products"][0]["images"]["gallery"] == 2
    res = outcome(tmp_path, product_html("en", "Dress", images=1, facts="100% cotton",
                                         structured_images=["/a.jpg", "/b.jpg", "/c.jpg"]))
    assert rules(res) == [] and res.details["products"][0]["images"]["count"] == 3


def test_images_without_gallery_container(tmp_path):
    html = html_doc("<h1>Mug</h1><img src='/m1.jpg'><img src='/m2.jpg'><img src='/m3.jpg'>"
                    "<img src='/icons/cart-icon.png'><a href='/p/other'><img src='/other.jpg'></a>"
                    f"<p>{WORDS}</p><span class='price'>12,00 €</span>",
                    head=json_ld({"@type": "Product", "name": "Mug"}))
    res = outcome(tmp_path, html)
    assert rules(res) == [] and res.details["products"][0]["images"]["gallery"] == 3


def test_short_description(tmp_path):
    res = outcome(tmp_path, product_html("cs", "Tričko", description="Pěkné tričko.", facts="Složení: bavlna"))
    assert rules(res) == ["short-description"] and res.findings[0].severity == "low"
    assert res.findings[0].evidence["words"] < 30


@pytest.mark.parametrize("lang", list(LANGS))
def test_material_missing_for_apparel(tmp_path, lang):
    currency, name, *_ = LANGS[lang]
    res = outcome(tmp_path, product_html(lang, name, currency=currency))
    assert rules(res) == ["material-missing"] and res.findings[0].severity == "medium"


@pytest.mark.parametrize("lang, name", [("en", "Linen dress"), ("pl", "Sukienka lniana"), ("uk", "Лляна сукня"),
                                        ("ru", "Льняное платье"), ("sk", "Ľanové šaty"), ("cs", "Lněné šaty"),
                                        ("de", "Leinenkleid")])
def test_material_in_the_name_counts(tmp_path, lang, name):
    res = outcome(tmp_path, product_html(lang, name, currency="EUR"))
    assert rules(res) == [] and res.details["products"][0]["material"]


def test_material_not_asked_of_electronics(tmp_path):
    res = outcome(tmp_path, product_html("pl", "Słuchawki bezprzewodowe", currency="PLN", price="199 zł"))
    assert rules(res) == [] and res.details["products"][0]["material"] is None


@pytest.mark.parametrize("lang, name, facts", [
    ("en", "Leather tote bag", "Dimensions: 30 x 20 x 12 cm"), ("pl", "Torebka skórzana", "Wymiary: 30 × 20 × 12 cm"),
    ("uk", "Шкіряна сумка", "Розміри: 30×20×10 см"), ("ru", "Кожаная сумка", "Размеры: 30 x 20 см"),
    ("sk", "Kožená kabelka", "Šírka: 30 cm, výška: 20 cm"), ("cs", "Dubový stůl", "Rozměry: 120 x 80 x 75 cm"),
    ("de", "Schreibtisch Eiche", "Breite: 120 cm"),
])
def test_dimensions_for_bags_and_furniture(tmp_path, lang, name, facts):
    with_dims = outcome(tmp_path / "a", product_html(lang, name, facts=facts))
    assert rules(with_dims) == [] and with_dims.details["products"][0]["dimensions"]
    without = outcome(tmp_path / "b", product_html(lang, name, facts=""))
    assert rules(without) == ["dimensions-missing"] and without.findings[0].severity == "medium"


def test_dimensions_not_asked_of_apparel(tmp_path):
    res = outcome(tmp_path, product_html("en", "Dress", facts="100% cotton"))
    assert res.details["products"][0]["dimensions"] is None and rules(res) == []


def test_price_without_currency(tmp_path):
    res = outcome(tmp_path, product_html("pl", "Kubek", currency="PLN", price="199,00"))
    assert rules(res) == ["price-without-currency"] and res.findings[0].severity == "high"
    assert res.findings[0].evidence["prices"] == ["199,00"]


def test_currency_in_a_sibling_element_counts(tmp_path):
    html = product_html("pl", "Kubek", currency="PLN", price="199,00").replace(
        "<span class='price'>199,00</span>", "<span class='price'>199,00</span><span class='currency'>zł</span>")
    assert rules(outcome(tmp_path, html)) == []


def test_price_currency_without_saved_html():
    data = {"json-ld": [{"@type": "Product", "name": "Kubek", "description": WORDS,
                         "image": ["/1.jpg", "/2.jpg", "/3.jpg"],
                         "offers": {"price": "199.00", "priceCurrency": "PLN"}}]}
    bare = page("/p/1", "product", lang="pl", structured=data, text="Kubek\n199,00\nDo koszyka")
    assert rules(run_check(check, artifacts(bare))) == ["price-without-currency"]
    shown = page("/p/1", "product", lang="pl", structured=data, text="Kubek\n199,00 zł\nDo koszyka")
    assert rules(run_check(check, artifacts(shown))) == []


def test_not_applicable_without_products():
    assert run_check(check, artifacts()).status == "not-applicable"
    assert run_check(check, artifacts(page("/", "home", depth=0))).status == "not-applicable"


def test_findings_keyed_by_product_path(tmp_path):
    res = outcome(tmp_path, product_html("en", "Dress", images=1), product_html("en", "Coat", images=1))
    ids = [f.id for f in res.findings if f.rule == "few-images"]
    assert len(set(ids)) == 2


def test_omnibus_finding_marks_the_reduction_else_the_price(tmp_path):
    currency, name, facts, old, price, _ = LANGS["pl"]
    html = product_html("pl", name, currency=currency, price=price, old=old, facts=facts, images=1)
    struck = {"x": 664.0, "y": 239.0, "width": 63.0, "height": 18.0}
    current = {"x": 730.0, "y": 239.0, "width": 55.0, "height": 18.0}

    old_price, new_price = "//del", "//span[@class='price']"

    def marks(folder, boxes, unrendered=()):
        built = html_page(tmp_path / folder, "/p/item-0", html, "product", marked=boxes, unrendered=unrendered)
        res = run_check(check, saved_artifacts(tmp_path / folder, built))
        return {f.rule: f.evidence.get("box") for f in res.findings}

    both = marks("a", {old_price: struck, new_price: current})
    assert both["omnibus-lowest-price-missing"] == struck
    assert both["few-images"] is None  # the image count is not one element
    # the struck price out of view: the product's price next to it (the structured-data price, 59,90)
    assert marks("b", {new_price: current})["omnibus-lowest-price-missing"] == current
    assert marks("c", {"//h1": current})["omnibus-lowest-price-missing"] is None  # no other element's box
    # a struck price that was not rendered is not the one pointed at
    assert marks("d", {old_price: struck, new_price: current},
                 unrendered=[old_price])["omnibus-lowest-price-missing"] == current
