"""django-oscar 4.2 (server-rendered, en/de/pl) scanned by the real CLI: what each walk must record.

The shop (platforms/oscar): three apparel products with S/M/L variants (Oscar puts each variant on its own page
with the add-to-basket form; the parent page lists them), one mug, two flat delivery rates (standard €4.90,
express €9.90) on a delivery step with one button per method, a €1.50 handling fee first shown in the checkout
totals once an address is known (the basket shows item, estimated shipping and total only), policy pages
linked from every footer. Walked by hand, the preview shows Linen Shirt – M €39.00, Standard delivery €4.90,
Handling fee €1.50, Order total €45.40 and "Place order". Expected: products recognised, the walk reaches
Oscar's preview page ("Place order") with shipping and the fee in its ledger, hidden-costs flags the fee, and
no order is made.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.platforms.bed import Platform, describe, describe_walk, ledger, scan, walk_from

# Not also marked `browser`: `-m browser` must not start real platforms (they need `make test-platforms`).
pytestmark = pytest.mark.platform

LANGS = ["en", "de", "pl"]
# /<lang>/catalogue/<slug>_<id>/ is a product (a parent, a variant or a standalone); categories live under
# /catalogue/category/; facet queries are filtered listings.
PRODUCT = re.compile(r"/catalogue/(?!category/)[\w-]+_\d+/$")
VARIANT_OR_SINGLE = re.compile(r"/catalogue/([\w-]+-[sml]|ceramic-mug)_\d+/$")
CATEGORY = re.compile(r"/catalogue/category/[\w-]+_\d+/$")
FACETED = re.compile(r"[?&]selected_facets=")
PRICES = {"linen-shirt": 39.00, "organic-cotton-t-shirt": 19.90, "merino-hoodie": 79.00, "ceramic-mug": 12.00}
SHIPPING, FEE = 4.90, 1.50


def order_count(shop: Platform) -> int:
    venv_python = shop.dir.parent / ".cache" / "oscar-venv" / "bin" / "python"
    done = subprocess.run(
        [str(venv_python), "-W", "ignore", "manage.py", "shell", "-c",
         "from oscar.core.loading import get_model; print(get_model('order', 'Order').objects.count())"],
        cwd=shop.dir, capture_output=True, text=True, timeout=120, check=True)
    return int(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def oscar(tmp_path_factory):
    """({lang: Scan}, orders before, orders after, {lang: walk forced from a variant page}) of one Oscar shop."""
    logs = tmp_path_factory.mktemp("oscar-logs")
    with Platform("oscar", logs, ready_path="/en/") as shop:
        before = order_count(shop)
        scans = {lang: scan(f"{shop.url}{lang}/", tmp_path_factory.mktemp(f"oscar-{lang}")) for lang in LANGS}
        forced = walk_from([(f"{shop.url}{lang}/catalogue/linen-shirt-m_3/", lang) for lang in LANGS],
                           tmp_path_factory.mktemp("oscar-forced"))
        after = order_count(shop)
    return scans, before, after, dict(zip(LANGS, forced))


def test_no_order_is_placed(oscar):
    scans, before, after, forced = oscar
    assert all(s.walks() for s in scans.values()), "every scan must try a walk"
    assert after == before, f"orders before {before}, after {after}"


@pytest.mark.parametrize("lang", LANGS)
def test_policy_pages_found(oscar, lang):
    s = oscar[0][lang]
    types = {p["page_type"] for p in s.artifacts["pages"]}
    assert {"policy", "contact", "faq"} <= types, describe(s)
    for check_id in ("return-policy", "contact-options", "click-depth"):
        assert s.check(check_id)["status"] in {"pass", "fail"}, describe(s)


@pytest.mark.parametrize("lang", LANGS)
def test_products_recognised(oscar, lang):
    s = oscar[0][lang]
    pages = s.page_types(VARIANT_OR_SINGLE)
    assert pages, describe(s)
    assert all(t == "product" for t in pages.values()), describe(s)
    assert all(t == "category" for t in s.page_types(CATEGORY).values()), describe(s)


@pytest.mark.parametrize("lang", LANGS)
def test_filtered_listings_are_not_products(oscar, lang):
    s = oscar[0][lang]
    assert "product" not in s.page_types(FACETED).values(), describe(s)


@pytest.mark.parametrize("lang", LANGS)
def test_walk_reaches_review_with_full_ledger(oscar, lang):
    s = oscar[0][lang]
    walk = s.walks()[0]
    assert PRODUCT.search(walk["product_url"]), describe(s)
    assert walk["completed"], describe(s)
    last = walk["steps"][-1]
    assert last["order_button"], describe(s)
    got = ledger(last)
    item = next(price for slug, price in PRICES.items() if f"/{slug}" in walk["product_url"])
    assert got.get("shipping") == pytest.approx(SHIPPING, abs=0.005), describe(s)
    assert got.get("fee") == pytest.approx(FEE, abs=0.005), describe(s)
    assert got.get("total") == pytest.approx(item + SHIPPING + FEE, abs=0.005), describe(s)


@pytest.mark.parametrize("lang", LANGS)
def test_hidden_costs_flags_late_fee(oscar, lang):
    s = oscar[0][lang]
    check = s.check("hidden-costs")
    assert check["status"] == "fail", describe(s)
    assert "late-fee" in {f["rule"] for f in check["findings"]}, describe(s)


@pytest.mark.parametrize("lang", LANGS)
def test_size_chart_passes(oscar, lang):
    s = oscar[0][lang]
    assert s.check("size-chart")["status"] == "pass", describe(s)


# The walk forced from a variant page (Linen Shirt – M, €39.00), as if the page had been recognised: the walker's
# own causes, apart from page typing.

def test_forced_walk_adds_to_basket_in_german(oscar):
    walk = oscar[3]["de"]
    assert any(st["kind"] == "basket" for st in walk["steps"]), describe_walk(walk)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_forced_walk_reaches_the_basket_with_estimated_delivery(oscar, lang):
    walk = oscar[3][lang]
    basket = next((st for st in walk["steps"] if st["kind"] == "basket"), None)
    assert basket is not None, describe_walk(walk)
    got = ledger(basket)
    assert got.get("shipping") == pytest.approx(SHIPPING, abs=0.005), describe_walk(walk)


@pytest.mark.parametrize("lang", [
    "en",  # "Cart total" (the items) above "Order total" is the goods' subtotal
    "pl",  # "Wartość produktów" is read as a subtotal
])
def test_forced_walk_basket_has_one_total(oscar, lang):
    walk = oscar[3][lang]
    basket = next(st for st in walk["steps"] if st["kind"] == "basket")
    totals = [line for line in basket["price_lines"] if line["kind"] == "total"]
    assert len(totals) == 1 and totals[0]["amount"] == pytest.approx(39.00 + SHIPPING, abs=0.005), describe_walk(walk)


@pytest.mark.parametrize("lang", LANGS)
def test_forced_walk_reaches_preview(oscar, lang):
    walk = oscar[3][lang]
    assert walk["completed"] and walk["steps"][-1]["order_button"], describe_walk(walk)
    got = ledger(walk["steps"][-1])
    assert got.get("fee") == pytest.approx(FEE, abs=0.005), describe_walk(walk)
    assert got.get("total") == pytest.approx(39.00 + SHIPPING + FEE, abs=0.005), describe_walk(walk)
