"""End to end, in a real browser: the content checks (size-chart, return-policy, delivery-info, product-info) on
the demo store variants, among them the Polish, Ukrainian and Slovak stores.

Each variant's expected.json states the exact status and rule set of every content check it declares; the
crawl is the session's one crawl per variant (``scans`` in conftest.py), so these tests add no browser time to
tests/test_e2e_demo.py.
"""

from __future__ import annotations

import pytest

from auditor.analysis.store import EU_CURRENCIES, store_currency, store_lang
from fixtures.store import variants as variant_flags
from fixtures.store.server import Catalog, expected, variants

pytestmark = pytest.mark.browser

CONTENT_CHECKS = ("size-chart", "return-policy", "delivery-info", "product-info")
SCANNABLE = [v for v in variants() if "scan_exit_code" not in expected(v)]
DECLARING = [v for v in SCANNABLE if set(CONTENT_CHECKS) & set(expected(v)["checks"])]


def _by_id(result):
    return {c.id: c for c in result.checks}


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_language_variants_declare_every_content_check():
    for variant in ("pl", "uk", "sk"):
        assert variant in DECLARING and set(CONTENT_CHECKS) <= set(expected(variant)["checks"])


@pytest.mark.parametrize("variant", DECLARING)
def test_content_checks_match_expected(scans, variant):
    _, result, _, _ = scans(variant)
    got = _by_id(result)
    for check_id in CONTENT_CHECKS:
        spec = expected(variant)["checks"].get(check_id)
        if spec is None:
            continue
        check = got[check_id]
        rules = sorted({f.rule for f in check.findings})
        assert (check.status, rules) == (spec["status"], sorted(spec["rules"])), (
            f"{variant}/{check_id}: {check.summary}\n" + "\n".join(f"  {f.rule}: {f.message}" for f in check.findings))


@pytest.mark.parametrize("variant", [v for v in DECLARING if "store" in expected(v)])
def test_crawl_reads_the_store_language_and_currency(scans, variant):
    artifacts, result, _, _ = scans(variant)
    want = expected(variant)["store"]
    assert store_lang(artifacts) == want["lang"]
    assert {p.lang for p in artifacts.ok_pages()} == {want["lang"]}
    assert store_currency(artifacts) == want["currency"]
    # the checks read every sampled product page in the store's language
    rows = _by_id(result)["product-info"].details["products"]
    assert rows and {r["lang"] for r in rows} == {want["lang"]}


@pytest.mark.parametrize("variant", SCANNABLE)
def test_bags_never_need_a_size_chart(scans, variant):
    """Bags are sold without sizes: never a size-chart finding, on any variant, in any language."""
    artifacts, result, _, _ = scans(variant)
    flags = variant_flags.get(variant)
    catalog = Catalog(None, flags)
    bags = {p["url"] for p in catalog.products if p["subcategory"]["id"] == "bags"}
    size_chart = _by_id(result)["size-chart"]
    sampled = [r for r in size_chart.details["products"] if _path(r["url"]) in bags]
    assert sampled, f"no bag among the sampled products of {variant}"
    for row in sampled:
        assert row["kind"]["kind"] == "bag" and row["needs_chart"] is False, row
    assert not [f for f in size_chart.findings if _path(f.url) in bags]


@pytest.mark.parametrize("variant", [v for v in DECLARING if variant_flags.get(v).reductions])
def test_reductions_and_the_30_day_lowest_price(scans, variant):
    """The reduced product is recognised as reduced; the Omnibus rule fires exactly when the store is an EU
    store (by currency) and the page does not state the 30-day lowest price."""
    _, result, _, _ = scans(variant)
    flags = variant_flags.get(variant)
    info = _by_id(result)["product-info"]
    reduced = {f"/product/{slug}" for slug, _ in flags.reductions}
    rows = [r for r in info.details["products"] if _path(r["url"]) in reduced]
    assert rows, "the reduced product was not sampled"
    for row in rows:
        assert row["reduction"] is not None
        assert bool(row["lowest_price_statement"]) == flags.lowest_price_note
    omnibus = {_path(f.url) for f in info.findings if f.rule == "omnibus-lowest-price-missing"}
    eu = flags.currency in EU_CURRENCIES
    assert info.details["eu"]["applies"] == eu
    assert omnibus == (reduced if eu and not flags.lowest_price_note else set())
