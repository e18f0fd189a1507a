"""End to end, in a real browser: the checkout walk on every demo store variant that declares one.

expected.json of such a variant has a "checkout" section: the product to walk, whether the walk completes,
the final button's label, whether an account wall was met, per step kind the amounts per line kind to the cent
(every kind the step shows except the product lines themselves), and optionally the step a stuck walk stopped
at, requests the guard must have aborted, and whether the checkout kept one URL throughout. Its "checks" state
what hidden-costs and checkout-friction must conclude from the walk.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import checks
from auditor.browser import launch
from auditor.checkout import Walker
from auditor.model import Artifacts, PageArtifact
from auditor.runner import run_check
from fixtures.store.server import DemoStore, expected, variants

pytestmark = pytest.mark.browser

WALKABLE = [v for v in variants() if "checkout" in expected(v)]
WALK_CHECKS = ("hidden-costs", "checkout-friction")


async def _walk_all(out: Path, parallel: int = 3) -> dict:
    """Every walkable variant in one browser, a few at a time (each walk has its own browser context and its
    own store): {variant: (walk, orders, requests, out_dir)}."""
    results = {}
    slots = asyncio.Semaphore(parallel)

    async def one(browser, variant: str) -> None:
        spec = expected(variant)["checkout"]
        async with slots:
            with DemoStore(variant) as store:
                url = store.url + spec["product_path"].lstrip("/")
                product = PageArtifact(url=url, final_url=url, status=200, page_type="product", lang="")
                walk_dir = out / variant
                walk = await Walker(walk_dir).walk(browser, product, 0)
                results[variant] = (walk, store.orders, list(store.requests), walk_dir)

    async with launch() as browser:
        await asyncio.gather(*(one(browser, variant) for variant in WALKABLE))
    return results


@pytest.fixture(scope="module")
def walks(tmp_path_factory):
    results = asyncio.run(_walk_all(tmp_path_factory.mktemp("walks")))
    return results.__getitem__


def _ledger(step) -> dict[str, float]:
    got: dict[str, float] = {}
    for line in step.price_lines:
        if line.kind != "item":
            got[line.kind] = round(got.get(line.kind, 0.0) + (line.amount or 0.0), 2)
    return got


@pytest.mark.parametrize("variant", WALKABLE)
def test_walk_matches_expected_ledger(walks, variant):
    walk, orders, _, out = walks(variant)
    spec = expected(variant)["checkout"]
    assert orders == 0, "the walk placed an order"
    assert walk.completed == spec["completed"], walk.stuck_reason
    assert walk.steps[-1].order_button == spec.get("order_button", walk.steps[-1].order_button)
    for want in spec.get("ledger", []):
        steps = [s for s in walk.steps if s.kind == want["kind"]]
        assert steps, f"no {want['kind']} step in {[s.kind for s in walk.steps]}"
        assert _ledger(steps[-1]) == pytest.approx(want["lines"], abs=0.005), (want["kind"], steps[-1].price_lines)
    if "account_required" in spec:
        assert any(s.account_required for s in walk.steps) == spec["account_required"]
    if "stuck_step" in spec:
        assert walk.stuck_reason and walk.steps[-1].kind == spec["stuck_step"], (walk.stuck_reason, walk.steps)
    for blocked in spec.get("blocked", []):
        assert any(blocked in request for request in walk.blocked_requests), (blocked, walk.blocked_requests)
    if spec.get("same_url"):
        checkout_urls = {s.url for s in walk.steps if s.kind not in ("product", "basket")}
        assert len(checkout_urls) == 1 and len(walk.steps) >= 5, [(s.kind, s.url) for s in walk.steps]
    # every step, the last one (where a stuck walk stopped) included, has its screenshot on disk
    for step in walk.steps:
        assert step.screenshot and (out / step.screenshot).stat().st_size > 1000, step


@pytest.mark.parametrize("variant", WALKABLE)
def test_checkout_checks_match_expected(walks, variant):
    walk, _, _, _ = walks(variant)
    artifacts = Artifacts(start_url="http://127.0.0.1/", checkout=[walk])
    for check_id in WALK_CHECKS:
        want = expected(variant)["checks"].get(check_id)
        if want is None:
            continue
        got = run_check(checks.by_id(check_id), artifacts)
        assert (got.status, sorted({f.rule for f in got.findings})) == (want["status"], sorted(want["rules"])), (
            variant, check_id, [(f.rule, f.message) for f in got.findings])
        assert got.status != "pass" or walk.completed, "a walk that got stuck must never pass"


def test_full_walk_never_orders_and_never_posts_the_order(walks):
    for variant in WALKABLE:
        walk, orders, requests, _ = walks(variant)
        assert orders == 0, variant
        assert not any(method == "POST" and "place-order" in path for method, path in requests), variant


def test_sneaky_review_is_the_last_step_and_nothing_is_submitted(walks):
    """The sneaky review step: its order button says "Continue" but posts the order, a hidden form submits
    itself, Stripe and PayU load. The walk stops there, names the button, and the store saw no order: no POST
    after the shipping step, and no request at all to the order endpoint."""
    walk, orders, requests, _ = walks("sneaky")
    assert orders == 0
    assert walk.completed and walk.steps[-1].kind == "review" and walk.steps[-1].order_button == "Continue"
    posts = [path for method, path in requests if method == "POST"]
    assert posts == ["/cart/add", "/checkout/details", "/checkout/shipping"], posts
    # the self-submitting form was aborted: as a submission no click made, or — when the walker had already
    # recognised the last step by then — as a submission after the last step
    assert any(b.startswith("POST ") and "/checkout/review" in b for b in walk.blocked_requests), walk.blocked_requests
    assert sum("payment host" in b for b in walk.blocked_requests) >= 2


def test_checkout_variants_are_each_walked_quickly(walks):
    for variant in WALKABLE:
        walk = walks(variant)[0]
        assert walk.duration_s < 30, (variant, walk.duration_s)


@pytest.mark.parametrize("variant", [v for v in WALKABLE
                                     if {"late-fee", "preticked-paid-addon", "order-button-wording"}
                                     & set(expected(v)["checks"].get("hidden-costs", {}).get("rules", [])
                                           + expected(v)["checks"].get("checkout-friction", {}).get("rules", []))])
def test_findings_mark_the_element_in_the_step_screenshot(walks, variant):
    """The late line, the pre-ticked box or the order button is located in the step's full-page screenshot,
    so the report can crop to it and outline it."""
    from reports.images import box_of, dimensions, sniff

    walk, _, _, walk_dir = walks(variant)
    artifacts = Artifacts(start_url="http://127.0.0.1/", checkout=[walk])
    marked = []
    for check_id in WALK_CHECKS:
        for f in run_check(checks.by_id(check_id), artifacts).findings:
            if f.rule not in ("late-fee", "preticked-paid-addon", "order-button-wording"):
                continue
            box = box_of(f.evidence)
            assert box is not None, (f.rule, f.evidence.get("box"))
            data = (walk_dir / f.evidence["screenshot"]).read_bytes()
            width, height = dimensions(data, sniff(data))
            x, y, w, h = box
            assert 0 <= x and x + w <= width + 1 and 0 <= y and y + h <= height + 1, (box, width, height)
            assert 10 <= h <= 200, box  # one line or one control, not the whole page
            marked.append(f.rule)
    assert marked
