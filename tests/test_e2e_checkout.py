"""End to end, in a real browser: the checkout walk on every demo store variant that declares one.

expected.json of such a variant has a "checkout" section: the product to walk, whether the walk completes,
the final button's label, and per step kind the amounts per line kind, to the cent.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from auditor.browser import launch
from auditor.checkout import Walker
from auditor.model import Artifacts, PageArtifact
from auditor.runner import run_check
import checks
from fixtures.store.server import DemoStore, expected, variants

pytestmark = pytest.mark.browser

WALKABLE = [v for v in variants() if "checkout" in expected(v)]


async def _walk_one(url: str, out: Path):
    async with launch() as browser:
        product = PageArtifact(url=url, final_url=url, status=200, page_type="product", lang="")
        return await Walker(out).walk(browser, product, 0)


@pytest.fixture(scope="module")
def walks(tmp_path_factory):
    cache = {}

    def get(variant):
        if variant not in cache:
            spec = expected(variant)["checkout"]
            with DemoStore(variant) as store:
                result = asyncio.run(_walk_one(store.url + spec["product_path"].lstrip("/"),
                                               tmp_path_factory.mktemp(f"walk-{variant}")))
                cache[variant] = (result, store.orders, list(store.requests))
        return cache[variant]

    return get


@pytest.mark.parametrize("variant", WALKABLE)
def test_walk_matches_expected_ledger(walks, variant):
    walk, orders, _ = walks(variant)
    spec = expected(variant)["checkout"]
    assert orders == 0, "the walk placed an order"
    assert walk.completed == spec["completed"], walk.stuck_reason
    if spec.get("order_button"):
        assert walk.steps[-1].order_button == spec["order_button"]
    for want in spec.get("ledger", []):
        steps = [s for s in walk.steps if s.kind == want["kind"]]
        assert steps, f"no {want['kind']} step in {[s.kind for s in walk.steps]}"
        got: dict[str, float] = {}
        for line in steps[-1].price_lines:
            if line.kind in want["lines"]:
                got[line.kind] = round(got.get(line.kind, 0.0) + (line.amount or 0.0), 2)
        assert got == pytest.approx(want["lines"], abs=0.005), (want["kind"], steps[-1].price_lines)
    if "account_required" in spec:
        assert any(s.account_required for s in walk.steps) == spec["account_required"]


@pytest.mark.parametrize("variant", WALKABLE)
def test_checkout_checks_match_expected(walks, variant):
    walk, _, _ = walks(variant)
    artifacts = Artifacts(start_url="http://127.0.0.1/", checkout=[walk])
    for check_id in ("hidden-costs", "checkout-friction"):
        want = expected(variant)["checks"].get(check_id)
        if want is None:
            continue
        got = run_check(checks.by_id(check_id), artifacts)
        assert (got.status, sorted({f.rule for f in got.findings})) == (want["status"], sorted(want["rules"])), (
            variant, check_id, [(f.rule, f.message) for f in got.findings])


def test_full_walk_never_orders_and_never_posts_the_order(walks):
    for variant in WALKABLE:
        walk, orders, requests = walks(variant)
        assert orders == 0
        assert not any(method == "POST" and "place-order" in path for method, path in requests)

