"""End to end, in a real browser: a Chrome DevTools Recorder journey replayed on the demo store.

fixtures/journeys/late-fee-to-review.json is a Recorder export (recorded on port 8000) of the way from the
linen shirt to the review step of the ``late-fee`` variant, ending — as recordings do — with a click on the
order button. The replay runs it on the store's dynamic port (``base_url``), records the same artifacts as the
walker, stops at the order button without clicking it, and the store counts no order. The same journey with a
selector that matches nothing ends as a stuck walk that both checkout checks report as needs-review.
"""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path

import pytest

import checks
from auditor.browser import launch
from auditor.errors import UsageError
from auditor.journey import load_journey, rebase, replay
from auditor.model import Artifacts
from auditor.runner import run_check
from fixtures.store.server import DemoStore

pytestmark = pytest.mark.browser

JOURNEY = Path(__file__).resolve().parent.parent / "fixtures" / "journeys" / "late-fee-to-review.json"
MISSING = [["aria/Continue to delivery"], ["#continue-to-delivery"]]


def _broken(journey: dict) -> dict:
    """The journey with the "Continue to shipping" click pointing at an element no page has."""
    broken = copy.deepcopy(journey)
    step = next(s for s in broken["steps"] if s.get("selectors", [[""]])[0] == ["aria/Continue to shipping"])
    step["selectors"] = MISSING
    step["timeout"] = 1500
    return broken


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    journey = load_journey(JOURNEY)
    journey["_file"] = str(JOURNEY)
    out = tmp_path_factory.mktemp("journey")

    async def run(store_url: str):
        async with launch() as browser:
            whole = await replay(browser, journey, out / "whole", base_url=store_url)
            stuck = await replay(browser, _broken(journey), out / "stuck", base_url=store_url)
        return whole, stuck

    with DemoStore("late-fee") as store:
        whole, stuck = asyncio.run(run(store.url))
        orders, requests = store.orders, list(store.requests)
    return {"whole": whole, "stuck": stuck, "orders": orders, "requests": requests, "out": out}


def _ledger(step) -> dict[str, float]:
    got: dict[str, float] = {}
    for line in step.price_lines:
        if line.kind != "item":
            got[line.kind] = round(got.get(line.kind, 0.0) + (line.amount or 0.0), 2)
    return got


def _check(check_id: str, walk):
    return run_check(checks.by_id(check_id), Artifacts(start_url="http://127.0.0.1/", checkout=[walk]))


def test_recorded_journey_is_replayed_to_the_order_button_and_never_orders(replayed):
    walk = replayed["whole"]
    assert replayed["orders"] == 0
    assert not any(method == "POST" and "place-order" in path for method, path in replayed["requests"])
    assert walk.completed, walk.stuck_reason
    assert walk.journey_file == str(JOURNEY)
    assert [s.kind for s in walk.steps] == ["product", "basket", "details", "shipping", "review"]
    assert walk.steps[-1].order_button == "Order with obligation to pay"
    assert walk.product_price == 49.9 and walk.currency == "EUR"
    assert all(s.url.startswith(walk.steps[0].url.split("/product/")[0]) for s in walk.steps)
    by_kind = {s.kind: s for s in walk.steps}
    assert _ledger(by_kind["basket"]) == pytest.approx({"subtotal": 49.9, "shipping": 4.9, "total": 54.8})
    assert _ledger(by_kind["shipping"]) == pytest.approx({"shipping": 4.9})
    assert _ledger(by_kind["review"]) == pytest.approx({"subtotal": 49.9, "shipping": 4.9, "fee": 2.99,
                                                        "total": 57.79})
    assert any("free from" in t for t in walk.pre_checkout_texts)
    for step in walk.steps:
        assert (replayed["out"] / "whole" / step.screenshot).stat().st_size > 1000
    # the recorded form data reached the store: the review step shows the address typed in the journey
    assert "1 Test Street" in by_kind["review"].text_excerpt


def test_replayed_walk_feeds_the_checkout_checks(replayed):
    walk = replayed["whole"]
    costs = _check("hidden-costs", walk)
    assert (costs.status, sorted({f.rule for f in costs.findings})) == ("fail", ["late-fee"])
    assert costs.findings[0].evidence["line"]["amount"] == 2.99
    friction = _check("checkout-friction", walk)
    assert (friction.status, friction.findings) == ("pass", [])


def test_journey_with_a_missing_selector_is_a_stuck_walk_never_a_pass(replayed):
    walk = replayed["stuck"]
    assert replayed["orders"] == 0
    assert not walk.completed
    assert "journey step 15 (click): no element matches its selectors" == walk.stuck_reason
    last = walk.steps[-1]
    assert last.kind == "details" and last.url.endswith("/checkout/details")
    assert (replayed["out"] / "stuck" / last.screenshot).stat().st_size > 1000
    for check_id in ("hidden-costs", "checkout-friction"):
        got = _check(check_id, walk)
        assert got.status == "needs-review", (check_id, got.status, got.summary)
        assert [f.rule for f in got.findings] == ["walk-incomplete"]
        evidence = got.findings[0].evidence
        assert evidence["screenshot"] == last.screenshot and evidence["stuck_reason"] == walk.stuck_reason


def test_rebase_moves_only_the_recorded_origin():
    journey = load_journey(JOURNEY)
    moved = rebase(journey, "https://shop.example:8443/")
    urls = [s["url"] for s in moved["steps"] if "url" in s]
    assert urls == ["https://shop.example:8443/product/sandvik-linen-shirt"]
    events = [e["url"] for s in moved["steps"] for e in s.get("assertedEvents", [])]
    assert events[-1] == "https://shop.example:8443/checkout/review"
    assert journey["steps"][1]["url"] == "http://127.0.0.1:8000/product/sandvik-linen-shirt"  # a copy
    other = {"steps": [{"type": "navigate", "url": "http://a.example/p"},
                       {"type": "navigate", "url": "https://pay.example/x"}]}
    assert [s["url"] for s in rebase(other, "http://b.example")["steps"]] == ["http://b.example/p",
                                                                              "https://pay.example/x"]
    with pytest.raises(UsageError):
        rebase(journey, "not a url")


def test_scan_with_a_journey_on_the_command_line(tmp_path):
    """`clearcart scan URL --journey FILE --journey-rebase`: the recorded walk replaces the heuristics, and
    the late fee it meets fails the scan; without --journey-rebase the journey would go to port 8000."""
    import json

    from tests.conftest import run_cli

    with DemoStore("late-fee") as store:
        done = run_cli("scan", store.url, "--out", str(tmp_path), "--max-pages", "10", "--products", "1",
                       "--journey", str(JOURNEY), "--journey-rebase", "--format", "json")
        orders = store.orders
    assert orders == 0
    assert done.returncode == 1, done.stderr  # the late fee is critical
    report = json.loads((tmp_path / "report.json").read_text())
    rules = {(f["check"], f["rule"]) for f in report["findings"]}
    assert ("hidden-costs", "late-fee") in rules
    walks = json.loads((tmp_path / "artifacts" / "artifacts.json").read_text())["checkout"]
    assert [w["journey_file"] for w in walks] == [str(JOURNEY)] and walks[0]["completed"]
