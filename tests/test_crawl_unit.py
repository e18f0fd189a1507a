"""Unit tests of the crawl's pure parts: URLs, page types, language detection, lexicon."""

from __future__ import annotations

import pytest

from auditor import lexicon
from auditor.analysis.language import page_language as detect_language
from auditor.crawl import _followable, normalize_url, same_site, url_shape, validate_start_url
from auditor.errors import UsageError
from auditor.pagetype import classify

HOME = "https://shop.example.com/"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://Shop.Example.com/a?utm_source=x&page=2#top", "https://shop.example.com/a?page=2"),
        ("https://shop.example.com", "https://shop.example.com/"),
        ("mailto:a@b.c", None),
        ("javascript:alert(1)", None),
        ("ftp://shop.example.com/file", None),
    ],
)
def test_normalize_url(raw, expected):
    assert normalize_url(raw) == expected


def test_normalize_relative():
    assert normalize_url("../p/1?gclid=1", "https://s.example/c/d/") == "https://s.example/c/p/1"


@pytest.mark.parametrize("bad", ["", "not a url", "http://", "ftp://shop.example.com/", "http://exa mple.com/",
                                 "http://shop.example.com:99999/"])
def test_validate_start_url_rejects(bad):
    with pytest.raises(UsageError) as info:
        validate_start_url(bad)
    assert info.value.exit_code == 2 and info.value.hint


def test_validate_start_url_adds_scheme():
    assert validate_start_url("shop.example.com") == "https://shop.example.com/"
    assert validate_start_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000/"


def test_same_site_and_shape():
    assert same_site("https://www.shop.example.com/x", HOME)
    assert not same_site("https://other.example.com/x", HOME)
    assert not same_site("http://127.0.0.1:9000/", "http://127.0.0.1:8000/")
    assert url_shape("https://s.example/product/123-shoe") == url_shape("https://s.example/product/9-boot")
    assert url_shape("https://s.example/product/x") != url_shape("https://s.example/category/x")


@pytest.mark.parametrize("url, ok", [
    ("https://s.example/p/1", True),
    ("https://s.example/files/terms.pdf", False),
    ("https://s.example/?add-to-cart=12", False),
    ("https://s.example/konto/wyloguj", False),
])
def test_followable(url, ok):
    assert _followable(url) is ok


@pytest.mark.parametrize("url, text", [
    ("https://s.example/checkout/finish", "Dalej"), ("https://s.example/zamowienie/dziekujemy", ""),
    ("https://s.example/order-received/12", "See your order"), ("https://s.example/cart/go", "Zamawiam"),
    ("https://s.example/buy/12", "Buy now"), ("https://s.example/x", "Оформить заказ"),
    ("https://s.example/y", "Zaplatit"), ("https://s.example/z", "Zahlungspflichtig bestellen"),
])
def test_the_crawl_never_follows_a_link_that_could_order(url, text):
    """The crawl's plain GETs follow the walk's safety policy: no finishing address, no ordering words."""
    assert _followable(url, text) is False
    assert _followable("https://s.example/p/1", "Blue shirt") is True


PRODUCT_LD = {"json-ld": [{"@context": "https://schema.org", "@type": "Product", "name": "Boot"}]}


@pytest.mark.parametrize(
    "url, title, heading, structured, expected",
    [
        (HOME, "Shop", "", {}, "home"),
        ("https://shop.example.com/anything", "Boot", "Boot", PRODUCT_LD, "product"),
        ("https://shop.example.com/x", "x", "", {"opengraph": [{"properties": [["og:type", "product"]]}]}, "product"),
        ("https://shop.example.com/koszyk", "Koszyk", "", {}, "cart"),
        ("https://shop.example.com/kosik", "Košík", "", {}, "cart"),
        ("https://shop.example.com/korzina/", "Корзина", "", {}, "cart"),
        ("https://shop.example.com/warenkorb", "Warenkorb", "", {}, "cart"),
        ("https://shop.example.com/checkout/shipping", "Checkout", "", {}, "checkout"),
        ("https://shop.example.com/kontakt", "Kontakt", "", {}, "contact"),
        ("https://shop.example.com/kontakty", "Контакти", "", {}, "contact"),
        ("https://shop.example.com/pomoc", "Pomoc", "", {}, "faq"),
        ("https://shop.example.com/zwroty", "Zwroty", "", {}, "policy"),
        ("https://shop.example.com/vozvrat", "Возврат", "", {}, "policy"),
        ("https://shop.example.com/page/12", "Повернення товару", "", {}, "policy"),
        ("https://shop.example.com/page/13", "Obchodní podmínky", "", {}, "policy"),
        ("https://shop.example.com/page/14", "Häufige Fragen", "", {}, "faq"),
        ("https://shop.example.com/page/15", "Часті питання", "", {}, "faq"),
        ("https://shop.example.com/page/16", "Bags & Accessories", "", {}, "other"),
        ("https://shop.example.com/page/17", "Zákaznícka podpora", "", {}, "contact"),
        ("https://shop.example.com/collections/shoes", "Shoes", "", {}, "category"),
    ],
)
def test_classify(url, title, heading, structured, expected):
    page_type, reasons = classify(url, HOME, title, [heading] if heading else [], structured)
    assert page_type == expected
    assert bool(reasons) == (expected != "other")


@pytest.mark.parametrize("lang, text", [
    ("pl", "Dostawa jest bezpłatna od 200 zł, a zamówienia wysyłamy w ciągu jednego dnia roboczego."),
    ("de", "Die Lieferung ist ab 50 Euro kostenlos und wir versenden Bestellungen innerhalb eines Werktages."),
    ("ru", "Доставка бесплатная от 5000 рублей, заказы отправляем в течение одного рабочего дня."),
    ("uk", "Доставка безкоштовна від 1000 гривень, замовлення відправляємо протягом одного робочого дня."),
])
def test_detect_language_from_text(lang, text):
    assert detect_language("", text) == lang


def test_detect_language_prefers_html_lang():
    assert detect_language("cs-CZ", "Dostawa jest bezpłatna od 200 zł") == "cs"


@pytest.mark.parametrize("lang, phrase", [
    ("en", "Add to cart"), ("pl", "Dodaj do koszyka"), ("uk", "Додати в кошик"), ("ru", "Добавить в корзину"),
    ("sk", "Pridať do košíka"), ("cs", "Přidat do košíku"), ("de", "In den Warenkorb"),
])
def test_lexicon_add_to_cart_every_language(lang, phrase):
    assert lexicon.matches("add_to_cart", phrase, lang)
    assert lexicon.matches("add_to_cart", phrase)


@pytest.mark.parametrize("lang, phrase", [
    ("en", "Accept all"), ("pl", "Akceptuję"), ("uk", "Прийняти все"), ("ru", "Принять все"),
    ("sk", "Prijať všetko"), ("cs", "Přijmout vše"), ("de", "Alle akzeptieren"),
])
def test_lexicon_consent_every_language(lang, phrase):
    assert lexicon.matches("consent_accept", phrase, lang)


def test_lexicon_every_group_covers_every_language():
    for group, entries in lexicon.LEXICON.items():
        if group in lexicon.NOT_PER_LANGUAGE:
            continue
        missing = [lang for lang in lexicon.LANGUAGES if not entries.get(lang)]
        assert not missing, f"lexicon group {group} lacks {missing}"
