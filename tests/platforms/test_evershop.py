"""EverShop 2.2 (React storefront rendered on the server and hydrated, PostgreSQL) scanned by the real CLI.

The shop (platforms/evershop): three apparel products in S/M/L (one page per size, `/clothing/<slug>-<size>`,
the listing shows the M page; sizes are plain <button>s that change the URL client-side), a mug under
`/homeware/ceramic-mug`, `og:type=website` and no schema.org Product anywhere, a header cart that is a <button>
with an aria-label (no link), a single-page checkout with custom Country/Province dropdowns (role=option
lists), name-less shipping radios, cash on delivery, and "Place Order". Prices are shown without VAT (EverShop's
default); 19 % VAT first appears in the checkout. Walked by hand: Linen Shirt - M €39.00 → cart (Sub total €39.00,
Tax €0.00, Total €39.00) → checkout with a German address and Standard delivery: Shipping €4.90, Tax €8.34,
Total €52.24, "Place Order". Orders are counted in PostgreSQL before and after the scans.

The checkout, request by request: the page loads the cart and the country list (GraphQL queries, POST
/api/graphql); 800 ms after the country/province/postcode fields change it asks for the delivery methods
(GraphQL query GetCartShippingMethods, POST, no click); a click on a delivery method saves the address (POST
/api/carts/<id>/addresses) and the method (POST /api/carts/<id>/shippingMethods) and reloads the cart (GraphQL);
choosing "Cash on delivery" sends nothing and turns the button into "Place Order", which would POST
/api/carts/<id>/checkout. "Cash on delivery" is offered from the start, so the guard is armed on arrival: by
default every POST after that is stopped (the GraphQL queries are reads and go through) and the walk reads
"Place Order" without delivery or VAT (red: the last step is unreadable, hidden-costs needs review). With the
user's permit (``--post-payment-step``) the walker's own delivery choice may post on the armed step: the address
and delivery saves go through, the walk reads the full ledger at "Place Order", hidden-costs flags the VAT that
first appears there, and the order POST is never sent.
"""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.platforms.bed import Platform, describe, describe_walk, ledger, scan, walk_from

# Not also marked `browser`: `-m browser` must not start real platforms (they need `make test-platforms`).
pytestmark = pytest.mark.platform

# EverShop builds a product's address from its category when its URL rewrite is made, asynchronously, so a
# product may live at /clothing/linen-shirt-m or at /linen-shirt-m: both are the product
PRODUCT = re.compile(r"/((clothing/)?[\w-]+-[sml]|(homeware/)?ceramic-mug)$")
CATEGORY = re.compile(r"/(clothing|homeware)$")
PRICES = {"linen-shirt": 39.00, "organic-cotton-t-shirt": 19.90, "merino-hoodie": 79.00, "ceramic-mug": 12.00}
SHIPPING, VAT = 4.90, 0.19


def sql(query: str) -> str:
    port = os.environ.get("EVERSHOP_PG_PORT", "55433")
    done = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "evershop", "-Atc", query],
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def order_count() -> int:
    return int(sql('select count(*) from "order"'))


def product_url(base: str, sku: str) -> str:
    """The address the store gives the product with ``sku`` (its URL rewrite; see PRODUCT)."""
    path = sql("select r.request_path from url_rewrite r join product p on r.target_path = '/product/' || p.uuid "
               f"where p.sku = '{sku}' order by length(r.request_path) desc limit 1")
    return base.rstrip("/") + (path or "/no-url-rewrite-for-" + sku)


def tax_for(item: float) -> float:
    return round((item + SHIPPING) * VAT, 2)


@pytest.fixture(scope="module")
def evershop(tmp_path_factory):
    """One EverShop store, scanned and walked by default and with the user's permit (--post-payment-step):
    default scan, orders before, orders after, walks forced from [a sized product, the mug], then the same with
    the permit."""
    logs = tmp_path_factory.mktemp("evershop-logs")
    with Platform("evershop", logs, ready_path="/", ready_timeout=180) as shop:
        before = order_count()
        s = scan(shop.url, tmp_path_factory.mktemp("evershop-scan"))
        targets = [(product_url(shop.url, "BED-LINEN-SHIRT-M"), "en"), (product_url(shop.url, "BED-CERAMIC-MUG"), "en")]
        forced = walk_from(targets, tmp_path_factory.mktemp("evershop-forced"))
        permitted = scan(shop.url, tmp_path_factory.mktemp("evershop-scan-permit"), "--post-payment-step")
        forced_permitted = walk_from(targets[1:], tmp_path_factory.mktemp("evershop-forced-permit"),
                                     post_payment_step=True)
        after = order_count()
    return s, before, after, forced, permitted, forced_permitted


def test_no_order_is_placed(evershop):
    s, before, after = evershop[:3]
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


def assert_full_ledger(s, walk: dict) -> None:
    """The walk reached "Place Order" with the delivery, the VAT and the total to the cent."""
    assert PRODUCT.search(walk["product_url"]) and walk["completed"], describe(s)
    last = walk["steps"][-1]
    assert last["order_button"], describe(s)
    item = next(price for slug, price in PRICES.items() if f"/{slug}" in walk["product_url"])
    got = ledger(last)
    assert got.get("shipping") == pytest.approx(SHIPPING, abs=0.005), describe(s)
    assert got.get("tax") == pytest.approx(tax_for(item), abs=0.005), describe(s)
    assert got.get("total") == pytest.approx(item + SHIPPING + tax_for(item), abs=0.005), describe(s)



def test_default_walk_sends_nothing_after_the_payment_choice(evershop):
    """Default mode: the permit is off, nothing is let through by it and the audit stays red."""
    s = evershop[0]
    assert s.walks() and all(not w["permitted_requests"] and not w["post_payment_step"] for w in s.walks()), describe(s)
    assert s.returncode != 0 and s.check("hidden-costs")["status"] != "pass", describe(s)
    # ... and says that the never-order guard is why, and what the user's permit would do
    coverage = [f for f in s.report["findings"] if f["check"] == "audit-coverage"]
    assert any("--post-payment-step" in f["recommendation"] for f in coverage), describe(s)


# With the user's permit (--post-payment-step): what the walk must reach once the guard lets the one-page
# checkout's delivery choice save the address and the method; the order itself (POST /api/carts/<id>/checkout)
# stays blocked whatever happens.



def permitted_ok(walk: dict) -> bool:
    """What the permit let through: the address and delivery saves, never the order."""
    sent = walk["permitted_requests"]
    return bool(sent) and all(re.search(r"^POST \S+/api/carts/[\w-]+/(addresses|shippingMethods)$", r) for r in sent)


def test_permit_walk_reaches_place_order_with_full_ledger(evershop):
    s = evershop[4]
    assert s.walks(), describe(s)
    walk = s.walks()[0]
    assert walk["post_payment_step"] and permitted_ok(walk), describe(s) + f"\npermitted: {walk['permitted_requests']}"
    assert_full_ledger(s, walk)


def test_permit_hidden_costs_flags_vat_added_at_checkout(evershop):
    s = evershop[4]
    assert s.check("hidden-costs")["status"] == "fail", describe(s)


def test_permit_never_orders(evershop):
    """With the permit too: no order in PostgreSQL, no confirmation seen, the order POST never sent."""
    _, before, after, _, permitted, forced = evershop
    assert after == before, f"orders before {before}, after {after}\n{describe(permitted)}"
    for walk in permitted.walks() + forced:
        assert walk["order_suspected"] is None, describe_walk(walk)
        assert not any(re.search(r"/checkout$|/orders$", r) for r in walk["permitted_requests"]), describe_walk(walk)


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


def forced_full_ledger(walk: dict) -> None:
    assert walk["completed"] and walk["steps"][-1]["order_button"] == "Place Order", describe_walk(walk)
    got = ledger(walk["steps"][-1])
    assert got.get("shipping") == pytest.approx(SHIPPING, abs=0.005), describe_walk(walk)
    assert got.get("tax") == pytest.approx(tax_for(12.00), abs=0.005), describe_walk(walk)
    assert got.get("total") == pytest.approx(12.00 + SHIPPING + tax_for(12.00), abs=0.005), describe_walk(walk)


def test_forced_walk_fills_the_address(evershop):
    """Full name as a name (not the street), the custom Country dropdown set to the test address's country."""
    walk = evershop[3][1]
    last = walk["steps"][-1]["text_excerpt"]
    assert walk["steps"][-1]["order_button"] == "Place Order" and "Country * Ireland" in last, describe_walk(walk)


def test_permit_forced_walk_reaches_place_order(evershop):
    walk = evershop[5][0]
    assert walk["post_payment_step"] and permitted_ok(walk), describe_walk(walk)
    forced_full_ledger(walk)
