"""EverShop 2.2 (React storefront rendered on the server and hydrated, PostgreSQL) scanned by the real CLI.

The shop (platforms/evershop): three apparel products in S/M/L (one page per size, `/clothing/<slug>-<size>`,
the listing shows the M page; sizes are plain <button>s that change the URL client-side), a mug under
`/homeware/ceramic-mug`, `og:type=website` and no schema.org Product anywhere, a header cart that is a <button>
with an aria-label (no link), a single-page checkout with custom Country/Province dropdowns (role=option
lists), name-less shipping radios, cash on delivery, and "Place Order". Prices are shown without VAT (EverShop's
default); 19 % VAT first appears in the checkout. Walked by hand: Linen Shirt - M €39.00 → cart (Sub total €39.00,
Tax €0.00, Total €39.00) → checkout with a German address and Standard delivery: Shipping €4.90, Tax €8.34,
Total €52.24, "Place Order". Orders are counted in PostgreSQL before and after the scan.
"""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.platforms.bed import Platform, describe, describe_walk, ledger, scan, walk_from

# Not also marked `browser`: `-m browser` must not start real platforms (they need `make test-platforms`).
pytestmark = pytest.mark.platform

PRODUCT = re.compile(r"/(clothing/[\w-]+-[sml]|homeware/ceramic-mug)$")
CATEGORY = re.compile(r"/(clothing|homeware)$")
PRICES = {"linen-shirt": 39.00, "organic-cotton-t-shirt": 19.90, "merino-hoodie": 79.00, "ceramic-mug": 12.00}
SHIPPING, VAT = 4.90, 0.19


def order_count() -> int:
    port = os.environ.get("EVERSHOP_PG_PORT", "55433")
    done = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "evershop", "-Atc",
                           'select count(*) from "order"'], capture_output=True, text=True, timeout=60, check=True)
    return int(done.stdout.strip())


@pytest.fixture(scope="module")
def evershop(tmp_path_factory):
    """(Scan, orders before, orders after, walks forced from [a sized product, the mug]) of one EverShop store."""
    logs = tmp_path_factory.mktemp("evershop-logs")
    with Platform("evershop", logs, ready_path="/", ready_timeout=180) as shop:
        before = order_count()
        s = scan(shop.url, tmp_path_factory.mktemp("evershop-scan"))
        forced = walk_from([(f"{shop.url}clothing/linen-shirt-m", "en"), (f"{shop.url}homeware/ceramic-mug", "en")],
                           tmp_path_factory.mktemp("evershop-forced"))
        after = order_count()
    return s, before, after, forced


def test_no_order_is_placed(evershop):
    s, before, after, _ = evershop
    assert after == before, f"orders before {before}, after {after}\n{describe(s)}"


def test_policy_pages_found(evershop):
    s = evershop[0]
    types = {p["page_type"] for p in s.artifacts["pages"]}
    assert {"policy", "contact", "faq"} <= types, describe(s)
    assert s.check("return-policy")["status"] == "pass", describe(s)


def test_products_recognised(evershop):
    s = evershop[0]
    pages = s.page_types(PRODUCT)
    assert pages and all(t == "product" for t in pages.values()), describe(s)
    assert all(t == "category" for t in s.page_types(CATEGORY).values()), describe(s)


def test_incomplete_audit_is_red(evershop):
    s = evershop[0]
    assert s.returncode != 0, describe(s)
    assert not any(c["status"] == "not-applicable" for c in s.report["checks"]
                   if c["id"] in {"hidden-costs", "checkout-friction", "size-chart", "product-info"}), describe(s)


@pytest.mark.xfail(reason="the one-page checkout offers 'Cash on delivery' from the start, which arms the safety "
                          "guard before the address is saved: the address form's own POSTs (GraphQL, cart address) "
                          "are blocked, so no delivery method or VAT appears", strict=False)
def test_walk_reaches_place_order_with_full_ledger(evershop):
    s = evershop[0]
    walks = s.walks()
    assert walks, describe(s)
    walk = walks[0]
    assert PRODUCT.search(walk["product_url"]) and walk["completed"], describe(s)
    last = walk["steps"][-1]
    assert last["order_button"], describe(s)
    item = next(price for slug, price in PRICES.items() if f"/{slug}" in walk["product_url"])
    tax = round((item + SHIPPING) * VAT, 2)
    got = ledger(last)
    assert got.get("shipping") == pytest.approx(SHIPPING, abs=0.005), describe(s)
    assert got.get("tax") == pytest.approx(tax, abs=0.005), describe(s)
    assert got.get("total") == pytest.approx(item + SHIPPING + tax, abs=0.005), describe(s)


@pytest.mark.xfail(reason="the walk reaches 'Place Order' without the address saved (the safety guard is armed "
                          "by the payment choice shown from the start), so the VAT never appears", strict=False)
def test_hidden_costs_flags_vat_added_at_checkout(evershop):
    s = evershop[0]
    assert s.check("hidden-costs")["status"] == "fail", describe(s)


def test_size_chart_passes(evershop):
    s = evershop[0]
    assert s.check("size-chart")["status"] == "pass", describe(s)


# Walks forced from a product page, as if it had been recognised: the walker's own causes.

def test_forced_walk_picks_a_size(evershop):
    walk = evershop[3][0]
    assert any(st["kind"] != "product" for st in walk["steps"]), describe_walk(walk)
    assert "select variant options" not in " ".join(st["text_excerpt"] for st in walk["steps"]), describe_walk(walk)


def test_forced_walk_reaches_the_cart(evershop):
    walk = evershop[3][1]
    assert any(st["kind"] == "basket" and st["url"].rstrip("/").endswith(("/cart", "/checkout"))
               for st in walk["steps"]), describe_walk(walk)


@pytest.mark.xfail(reason="single-page checkout: the payment choice shown from the start arms the safety guard, "
                          "so the address form's POSTs are blocked before delivery and VAT appear", strict=False)
def test_forced_walk_reaches_place_order(evershop):
    walk = evershop[3][1]
    assert walk["completed"] and walk["steps"][-1]["order_button"], describe_walk(walk)
    tax = round((12.00 + SHIPPING) * VAT, 2)
    got = ledger(walk["steps"][-1])
    assert got.get("tax") == pytest.approx(tax, abs=0.005), describe_walk(walk)
    assert got.get("total") == pytest.approx(12.00 + SHIPPING + tax, abs=0.005), describe_walk(walk)
