"""click-depth on crawls built in the test (no browser): the YAML case table plus details and stability."""

from __future__ import annotations

from pathlib import Path

import pytest

import checks.click_depth as check
from auditor.analysis import site
from auditor.model import Artifacts
from auditor.runner import run_check
from tests.artifact_factory import CaseTable, artifacts, check_expectation, page

TABLE = CaseTable(Path(__file__).parent / "cases" / "click_depth.yaml")


@pytest.mark.parametrize("name", TABLE.names())
def test_case_table(name):
    arts, options = TABLE.build(name)
    res = run_check(check, arts, options)
    assert res.status != "error", res.error
    assert check_expectation(res, TABLE.expect(name)) == []


def test_case_table_covers_every_rule_firing_and_not_firing():
    fired = {r for n in TABLE.names() for r in TABLE.expect(n).get("rules", [])}
    assert fired == {"product-too-deep", "cart-too-deep", "help-page-too-deep"}
    assert any(TABLE.expect(n).get("status") == "pass" for n in TABLE.names())
    assert TABLE.check == check.ID


def shop(*extra, reverse=False):
    pages = [
        page("/", "home", depth=0, title="Home"),
        page("/shop", "category", path="Home › Shop", parent="/"),
        page("/shop/dresses", "category", path="Home › Shop › Dresses", parent="/shop"),
        page("/shop/dresses?page=2", "category", path="Home › Shop › Dresses › Page 2", parent="/shop/dresses"),
        page("/p/linen", "product", path="Home › Shop › Dresses › Linen dress", parent="/shop/dresses"),
        page("/p/silk", "product", path="Home › Shop › Dresses › Page 2 › Silk dress",
             parent="/shop/dresses?page=2", title="Silk dress"),
        page("/p/wool", "product", path="Home › Shop › Wool coat", parent="/shop"),
        page("/cart", "cart", path="Home › Basket", parent="/"),
        page("/contact", "contact", path="Home › Contact", parent="/"),
        page("/help/returns", "policy", path="Home › Help › Returns", parent="/help", title="Returns"),
        page("/help", "faq", path="Home › Help", parent="/"),
        page("/lookbook", "other", title="Lookbook"),  # sitemap only
    ]
    replaced = {p.final_url for p in extra}  # an extra page with a known URL replaces it
    pages = [p for p in pages if p.final_url not in replaced] + list(extra)
    return artifacts(*(reversed(pages) if reverse else pages))


def test_details_carry_depth_statistics_per_type():
    res = run_check(check, shop())
    stats = res.details["depth_by_type"]
    assert stats["product"] == {"pages": 3, "min": 2, "median": 3, "max": 4}
    assert stats["category"] == {"pages": 3, "min": 1, "median": 2, "max": 3}
    assert stats["home"] == {"pages": 1, "min": 0, "median": 0, "max": 0}
    assert "other" not in stats  # the lookbook has no depth
    assert res.details["limits"] == {"product": 3, "cart": 1, "help": 2}
    assert res.details["help_pages"]["returns"]["url"] == "https://shop.example/help/returns"
    assert res.details["help_pages"]["returns"]["click_path"] == "Home › Help › Returns"


def test_median_of_an_even_number_of_depths():
    res = run_check(check, shop(page("/p/deep", "product", path="Home › A › B › C › D › Deep")))
    assert res.details["depth_by_type"]["product"]["median"] == 3.5


def test_details_tree_links_every_page_to_its_parent():
    res = run_check(check, shop())
    tree = res.details["tree"]
    by_url = {row["url"]: row for row in tree}
    assert set(by_url) == {p.final_url for p in shop().pages}
    assert by_url["https://shop.example/"]["parent_url"] is None
    silk = by_url["https://shop.example/p/silk"]
    assert silk == {"url": "https://shop.example/p/silk", "title": "Silk dress", "type": "product", "depth": 4,
                    "parent_url": "https://shop.example/shop/dresses?page=2"}
    # every parent is itself in the tree, one level up
    for row in tree:
        if row["parent_url"]:
            assert by_url[row["parent_url"]]["depth"] == row["depth"] - 1
    assert by_url["https://shop.example/lookbook"]["depth"] is None
    assert [row["depth"] for row in tree if row["depth"] is not None] == sorted(
        row["depth"] for row in tree if row["depth"] is not None)


def test_unlinked_pages_are_info_evidence_not_findings():
    res = run_check(check, shop())
    assert [u["url"] for u in res.details["unlinked"]] == ["https://shop.example/lookbook"]
    assert all(u["severity"] == "info" for u in res.details["unlinked"])
    assert "sitemap" in res.summary
    assert not any("lookbook" in f.url for f in res.findings)


def test_findings_explain_why_and_how_with_the_click_path():
    arts = shop(page("/cart", "cart", path="Home › Account › Basket"),
                page("/help/returns", "policy", path="Home › Help › Legal › Returns", title="Returns"))
    res = run_check(check, arts)
    assert sorted(f.rule for f in res.findings) == ["cart-too-deep", "help-page-too-deep", "product-too-deep"]
    for f in res.findings:
        assert f.why and f.recommendation and f.evidence["click_path"].startswith("Home › ")
        assert f.evidence["click_path"] in f.message
    help_finding = next(f for f in res.findings if f.rule == "help-page-too-deep")
    assert help_finding.evidence["kind"] == "returns"
    assert "2011/83/EU" in help_finding.why


def test_long_link_texts_are_shortened_in_the_click_path():
    long_text = "Very long promotional link text " * 5
    res = run_check(check, shop(page("/p/x", "product", path=["Shop", "Dresses", "Page 2", long_text])))
    item = next(f for f in res.findings if f.url.endswith("/p/x"))
    last = item.evidence["click_path"].split(" › ")[-1]
    assert len(last) == site.STEP_CHARS and last.endswith("…")


def test_same_defects_same_ids_across_runs_with_reordered_pages():
    first = run_check(check, shop(page("/cart", "cart", path="Home › Account › Basket")))
    second = run_check(check, shop(page("/cart", "cart", path="Home › Account › Basket"), reverse=True))
    assert first.status == second.status == "fail"
    assert sorted(f.id for f in first.findings) == sorted(f.id for f in second.findings)
    assert len({f.id for f in first.findings}) == len(first.findings)
    assert first.details["help_pages"] == second.details["help_pages"]


def test_ids_do_not_depend_on_the_host_or_the_click_path_taken():
    deep = page("/p/silk", "product", path="Home › Shop › Dresses › Page 2 › Silk dress")
    staging = artifacts(page("/", "home", depth=0, base="https://staging.shop.example/"),
                        page("/p/silk", "product", path="Home › Sale › Dresses › Page 5 › Silk dress",
                             base="https://staging.shop.example/"),
                        start_url="https://staging.shop.example/")
    a = next(f for f in run_check(check, artifacts(page("/", "home", depth=0), deep)).findings
             if f.rule == "product-too-deep")
    b = next(f for f in run_check(check, staging).findings if f.rule == "product-too-deep")
    assert a.id == b.id


def test_distinct_products_get_distinct_ids_even_when_they_differ_only_by_query():
    arts = shop(page("/item?id=1", "product", path="Home › A › B › C › One"),
                page("/item?id=2", "product", path="Home › A › B › C › Two"))
    ids = [f.id for f in run_check(check, arts).findings if f.rule == "product-too-deep"]
    assert len(ids) == len(set(ids)) == 3


def test_duplicate_final_urls_count_once_at_their_least_depth():
    arts = shop()
    arts.pages.append(page("/basket", "cart", final_url="/cart", path="Home › Account › Basket"))
    res = run_check(check, arts)
    assert "cart-too-deep" not in {f.rule for f in res.findings}
    assert sum(1 for row in res.details["tree"] if row["url"] == "https://shop.example/cart") == 1


def test_never_raises_on_empty_artifacts():
    res = run_check(check, Artifacts(start_url="https://shop.example/"))
    assert res.status == "not-applicable" and res.findings == []
    res = check.run(Artifacts(start_url="https://shop.example/"), dict(check.DEFAULT_OPTIONS))
    assert res.status == "not-applicable"


def test_failed_pages_are_ignored():
    broken = artifacts(page("/", "home", depth=0, status=500, error="net::ERR_FAILED"))
    assert run_check(check, broken).status == "not-applicable"


def test_module_contract():
    assert check.ID == "click-depth" and check.CATEGORY == "navigation"
    assert check.DEFAULT_OPTIONS == {"max_product_depth": 3, "max_help_depth": 2, "max_cart_depth": 1}
    for rule in ("product-too-deep", "cart-too-deep", "help-page-too-deep"):
        assert rule in check.__doc__
    assert set(check.SEVERITIES) == {"high", "medium", "low"}


# ---- the basket when no link leads to it: a mini-cart button is a way there; nothing at all is a finding
def _no_cart_link_store(tmp_path, header: str, save: bool = True):
    from tests.artifact_factory import html_doc, html_page, saved_artifacts

    home = html_page(tmp_path, "/", html_doc('<a href="/p/linen"><h2>Linen dress</h2></a><span>€49.00</span>',
                                             header=header), "home", save=save, depth=0, title="Home")
    product = html_page(tmp_path, "/p/linen", html_doc('<h1>Linen dress</h1><span class="price">€49.00</span>'
                                                       '<form action="/cart/add" method="post"><button>Add to '
                                                       'cart</button></form>', header=header),
                        "product", save=save, depth=1, parent="/", path="Home › Linen dress")
    return saved_artifacts(tmp_path, home, product)


@pytest.mark.parametrize("header", [
    '<button class="header__icon--cart" aria-controls="cart-drawer" aria-label="Cart (1 item)"><svg></svg></button>',
    '<button type="button" class="wc-block-mini-cart__button" aria-label="Liczba produktów w koszyku: 1">1</button>',
    '<div role="button" tabindex="0" class="minicart-toggle" aria-haspopup="dialog">Košík (1)</div>',
])
def test_a_header_button_that_opens_the_mini_cart_is_a_way_to_the_basket(tmp_path, header):
    res = run_check(check, _no_cart_link_store(tmp_path, header), {})
    assert (res.status, res.findings) == ("pass", [])
    assert res.details["cart"]["kind"] == "button" and res.details["cart"]["depth"] == 1
    assert "opens it (1 click(s))" in res.summary


def test_a_store_with_no_way_to_the_basket_does_not_pass_silently(tmp_path):
    # an add-to-basket button and a wishlist button do not count as a way to the basket
    header = '<button aria-label="Wishlist"><svg></svg></button><a href="/account">Account</a>'
    res = run_check(check, _no_cart_link_store(tmp_path, header), {})
    assert res.status == "fail" and [(f.rule, f.severity) for f in res.findings] == [("cart-not-found", "high")]
    # without the saved pages nothing can be judged: needs-review, never a pass
    other = tmp_path / "unsaved"
    res = run_check(check, _no_cart_link_store(other, header, save=False), {})
    assert res.status == "needs-review" and not res.findings and "needs a review" in res.summary
