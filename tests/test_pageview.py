"""Page understanding from what a shopper sees (auditor.pageview, auditor.pagetype) on HTML written in the test."""

from __future__ import annotations

import pytest

from auditor.pagetype import classify_page
from auditor.pageview import shopper_view

HOME = "https://shop.example/"

PRODUCT = """<html><body><header><a href="/cart" aria-label="Basket"><svg></svg><span>1</span></a></header>
<main><div class="gallery"><img src="a.jpg"><img src="b.jpg"></div>
<div class="info"><h1>Oak chair</h1><span class="price">{price}</span>
<form action="{action}" method="post"><select name="colour"><option>Oak</option></select>
<button type="submit">{button}</button></form></div>
<section class="related">{cards}</section></main></body></html>"""

CARD = '<div class="tile"><a href="/catalogue/{n}_{i}/">Item {i}</a><span>{price}</span></div>'


def cards(n=4, price="12,00 zł"):
    return "".join(CARD.format(n="item", i=i, price=price) for i in range(n))


@pytest.mark.parametrize("price, button, action", [
    ("€45.00", "Add to basket", "/basket/add/12/"), ("49,00 zł", "Dodaj do koszyka", "/koszyk"),
    ("37,82 €*", "In Warenkorb legen", "/checkout/line-item/add"), ("499 Kč", "Vložit do košíku", "/kosik"),
    ("1 299 ₴", "Купити", "/cart"), ("2 990 ₽", "В корзину", "/cart"), ("19,90 €", "Pridať do košíka", "/"),
    ("€19.00", "", "/cart/add"),  # an icon-only button, known by the form it posts
])
def test_a_main_price_beside_an_add_to_basket_control_is_a_product(price, button, action):
    html = PRODUCT.format(price=price, button=button or '<svg aria-hidden="true"></svg>', action=action, cards=cards())
    view = shopper_view(html)
    assert view.looks_like_product and view.main_price and view.sells, view.as_dict()
    # no structured data, a URL that says "catalogue": what the shopper sees decides
    page_type, reasons, confidence = classify_page("https://shop.example/catalogue/oak-chair_12/", HOME, "Oak chair",
                                                   ["Oak chair"], {}, html)
    assert page_type == "product" and confidence >= 0.85 and "add-to-basket" in reasons[0]


def test_a_grid_of_repeated_cards_is_a_category_whatever_the_url_query_says():
    html = f"<html><body><main><h1>Chairs</h1><div class='grid'>{cards(6)}</div></main></body></html>"
    view = shopper_view(html)
    assert view.card_count == 6 and view.looks_like_listing and not view.looks_like_product
    url = "https://shop.example/catalogue/?selected_facets=product_class:chairs"
    assert classify_page(url, HOME, "Chairs", ["Chairs"], {}, html)[0] == "category"


def test_two_cards_are_not_a_grid_and_a_page_without_a_buy_control_is_no_product():
    html = f"<html><body><main><h1>Journal</h1><p>Our story</p>{cards(2)}</main></body></html>"
    view = shopper_view(html)
    assert not view.looks_like_listing and not view.looks_like_product
    assert classify_page("https://shop.example/blog/story", HOME, "Journal", ["Journal"], {}, html)[0] == "other"


def test_buy_buttons_inside_cards_do_not_make_a_listing_a_product():
    tile = ('<li class="product"><a href="/p/{i}">Mug {i}</a><span class="price">35,00 zł</span>'
            '<a href="?add-to-cart={i}" class="button add_to_cart_button">Dodaj do koszyka</a></li>')
    tiles = "".join(tile.format(i=i) for i in range(4))
    html = "<html><body><main><ul class='products'>" + tiles + "</ul></main></body></html>"
    view = shopper_view(html)
    assert view.buy_in_cards == 4 and view.buy_controls == 0 and view.looks_like_listing


def test_hidden_templates_do_not_count():
    html = ("<html><body><main><h1>Help</h1><template><span>€5.00</span><button>Add to cart</button></template>"
            "<div style='display:none'><button>Add to cart</button><span>€5.00</span></div></main></body></html>")
    assert shopper_view(html).buy_controls == 0 and shopper_view(html).prices == 0


def test_structured_product_on_every_card_of_a_listing_is_a_category():
    html = f"<html><body><main><div class='grid'>{cards(5)}</div></main></body></html>"
    structured = {"json-ld": [{"@type": "Product", "name": "x"}]}
    assert classify_page("https://shop.example/chairs", HOME, "Chairs", [], structured, html)[0] == "category"
    og = {"opengraph": [{"@type": "product", "og:title": "Chair"}]}
    assert classify_page("https://shop.example/x", HOME, "Chair", [], og, "")[0] == "product"


def test_product_kind_ignores_the_shops_tagline_in_a_category_title():
    from auditor.analysis.product import product_kind
    from auditor.model import Artifacts, PageArtifact

    home = PageArtifact(url=HOME, final_url=HOME, depth=0, page_type="home",
                        title="Oscar – Clothing, books and more")
    category = PageArtifact(url=HOME + "books/", final_url=HOME + "books/", depth=1, page_type="category",
                            title="Books | Oscar – Clothing, books and more", headings=["Books"])
    mug = PageArtifact(url=HOME + "mug/", final_url=HOME + "mug/", depth=2, page_type="product", title="Mug",
                       headings=["Enamel mug"], category_hint=category.final_url)
    artifacts = Artifacts(start_url=HOME, pages=[home, category, mug])
    assert product_kind(artifacts, mug).kind != "apparel"


@pytest.mark.parametrize("card", [
    # a card linking its name in a heading, the price and an add-to-basket form below it
    '<article class="product_pod"><h3><a href="/catalogue/ceramic-mug_13/">Ceramic Mug</a></h3>'
    '<div class="product_price"><p class="price_color">€12.00</p><form action="/basket/add/13/" method="post">'
    '<button type="submit">Add to basket</button></form></div></article>',
    # the whole card a link around the heading and price, the buy button beside it
    '<div class="product__list__item"><a href="/homeware/ceramic-mug"><h3>Ceramic Mug</h3>'
    '<div class="price"><span>€12.00</span></div></a><div class="actions"><button type="button">Add to cart</button>'
    '</div></div>',
])
def test_a_category_of_one_product_is_no_product_page(card):
    html = f"<html><body><main><h1>Homeware</h1><p>1 products</p><div class='grid'>{card}</div></main></body></html>"
    view = shopper_view(html)
    assert not view.looks_like_product and view.looks_like_listing and view.linked_cards == 1, view.as_dict()
    assert classify_page("https://shop.example/homeware", HOME, "Homeware", ["Homeware"], {}, html)[0] == "category"
    # the same card among related products on a product page does not hide the page's own buy button
    page = PRODUCT.format(price="€45.00", button="Add to basket", action="/basket/add/12/", cards=card)
    assert shopper_view(page).looks_like_product


REVIEW_FORM = """<div id="addreview"><form id="add_review_form" method="post" action="#addreview"><fieldset>
<legend>{legend}</legend><input type="hidden" name="csrfmiddlewaretoken" value="x">
<label for="id_title">Title</label><input id="id_title" name="title" type="text">{rating}
<label for="id_body">Review</label><textarea id="id_body" name="body"></textarea>
<button type="submit">{submit}</button></fieldset></form></div>"""


@pytest.mark.parametrize("legend, rating, submit", [
    # django-oscar's /reviews/add/: the whole product page around the form, the score as a select of 1-5
    ("Leave a product review", '<select name="score"><option value="">-</option>'
     + "".join(f'<option value="{i}">{i}</option>' for i in range(1, 6)) + "</select>", "Save review"),
    ("Napisz opinię", "".join(f'<input type="radio" name="ocena" value="{i}">' for i in range(1, 6)), "Dodaj opinię"),
    ("Bewertung schreiben", "".join(f'<input type="radio" name="points" value="{i}">' for i in range(1, 6)),
     "Bewertung abschicken"),
])
def test_a_product_shown_around_an_open_review_form_is_no_product_page(legend, rating, submit):
    html = PRODUCT.format(price="€45.00", button="Add to basket", action="/basket/add/12/", cards="").replace(
        "</main>", REVIEW_FORM.format(legend=legend, rating=rating, submit=submit) + "</main>")
    page_type, reasons, _ = classify_page("https://shop.example/catalogue/oak-chair_12/reviews/add/", HOME,
                                          "Oak chair", ["Oak chair"], {}, html)
    assert page_type == "other" and "review" in reasons[0]
    # the same page with the review form closed (a hidden tab, a dialog not open) is the product page
    hidden = html.replace('<div id="addreview">', '<div id="addreview" style="display:none">')
    assert classify_page("https://shop.example/catalogue/oak-chair_12/", HOME, "Oak chair", ["Oak chair"], {},
                         hidden)[0] == "product"
    # a contact-style form (a text box, no rating) on a product page does not matter
    question = html.replace(rating, "") if rating else html
    assert classify_page("https://shop.example/catalogue/oak-chair_12/", HOME, "Oak chair", ["Oak chair"], {},
                         question)[0] == "product"
