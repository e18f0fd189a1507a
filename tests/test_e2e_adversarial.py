"""End to end, in a real browser: the checkout walk and journey replay on every hostile checkout
(fixtures/hostile_checkouts). Each store counts orders server-side for any way one can be created there; the
walk must leave **0 orders** on every one (the documented residual-risk stores excepted: there the walk must
notice the confirmation, stop, and the scan exit 3 with the warning first), and end with a useful status —
stuck with the step it stopped at, or at the last step before ordering — never claiming a walk it did not do.

One browser for the module; walks run a few at a time, each in its own context against its own store, with
the self-submitting stores' timers shortened (``test_delay_ms`` in expected.json).
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

import checks
from auditor.browser import launch
from auditor.checkout import Walker
from auditor.journey import replay
from auditor.model import Artifacts, PageArtifact
from auditor.runner import run_check
from fixtures.hostile_checkouts.server import STORES, HostileCheckout, expected, names
from tests.conftest import run_cli

pytestmark = pytest.mark.browser


def _journey(title: str, *clicks: dict) -> dict:
    return {"title": title, "steps": [{"type": "setViewport", "width": 1280, "height": 900},
                                      {"type": "navigate", "url": "http://127.0.0.1:8000/product/1"}, *clicks]}


def _click(*selectors: str, timeout: int = 3000) -> dict:
    return {"type": "click", "selectors": [[s] for s in selectors], "timeout": timeout}


def _change(name: str, value: str) -> dict:
    return {"type": "change", "selectors": [[f"input[name={name}]"]], "value": value}


DETAILS = [_change("email", "clearcart-test@example.invalid"), _change("first_name", "Test"),
           _change("last_name", "Clearcart"), _change("street", "1 Test Street"), _change("city", "Dublin"),
           _change("postcode", "D01"), _change("phone", "+353 85 000 0000")]

# recorded journeys (as Chrome DevTools Recorder exports them) that click what the policy refuses or blocks
JOURNEYS = {
    # the basket's "Zamawiam" posts the order: the recorded click is refused, the replay ends at the basket
    "basket-zamawiam-post": _journey("zamawiam", _click("aria/Dodaj do koszyka"), _click("aria/Zamawiam")),
    # the payment step's "Continue" POSTs the order by fetch: the click is made, the request never leaves
    "fetch-continue": _journey("fetch", _click("aria/Add to basket"), _click("aria/Proceed to checkout"), *DETAILS,
                               _click("aria/Continue"), _click("aria/Continue"), _click("input[value=card]"),
                               _click("aria/Continue"),
                               {"type": "waitForElement", "selectors": [["text/Thank you"]], "timeout": 1500}),
    # the payment step's "Dalej" links to /checkout/finish: the replay stops there, the link unfollowed
    "get-finish-dalej": _journey("dalej", _click("aria/Dodaj do koszyka"), _click("aria/Przejdź do kasy"),
                                 *DETAILS, _click("aria/Dalej"), _click("aria/Dalej"), _click("aria/Dalej")),
}


# the stores whose walk reaches a step that arms the guard: walked again with the user's permit
# (--post-payment-step, auditor/safety.py part 6), which only changes what an armed step may send
ARMED = [n for n in names() if expected(n)["walk"].get("last_step") in ("payment", "review")]


async def _run_all(out: Path, parallel: int = 6) -> dict:
    walks, journeys, permitted = {}, {}, {}
    slots = asyncio.Semaphore(parallel)

    async def walk_one(browser, name: str, permit: bool = False) -> None:
        async with slots:
            with HostileCheckout(name, expected(name).get("test_delay_ms")) as store:
                url = store.url + "product/1"
                product = PageArtifact(url=url, final_url=url, status=200, page_type="product",
                                       lang=STORES[name].lang)
                walk = await Walker(out / ("permit" if permit else "walk") / name,
                                    post_payment_step=permit).walk(browser, product, 0)
                await asyncio.sleep(0.3)  # anything a closing page still sent has arrived
                (permitted if permit else walks)[name] = (walk, store.orders, list(store.order_requests))

    async def replay_one(browser, name: str) -> None:
        async with slots:
            with HostileCheckout(name) as store:
                walk = await replay(browser, JOURNEYS[name], out / "journey" / name, base_url=store.url)
                await asyncio.sleep(0.3)
                journeys[name] = (walk, store.orders, list(store.order_requests))

    async def basket_only(browser) -> None:  # --walk basket, on a store whose basket link would order
        async with slots:
            with HostileCheckout("residual-get") as store:
                url = store.url + "product/1"
                product = PageArtifact(url=url, final_url=url, status=200, page_type="product", lang="pl")
                walk = await Walker(out / "basket", scope="basket").walk(browser, product, 0)
                journeys["basket-scope"] = (walk, store.orders, list(store.order_requests))

    async with launch() as browser:
        await asyncio.gather(*(walk_one(browser, n) for n in names()), *(replay_one(browser, n) for n in JOURNEYS),
                             basket_only(browser), *(walk_one(browser, n, permit=True) for n in ARMED))
    return {"walks": walks, "journeys": journeys, "permitted": permitted}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return asyncio.run(_run_all(tmp_path_factory.mktemp("adversarial")))


def test_the_suite_covers_every_failure_class_in_every_language():
    assert len(names()) >= 15
    assert {STORES[n].lang for n in names()} == {"en", "pl", "uk", "ru", "sk", "cs", "de"}
    for name in names():
        spec = expected(name)
        assert spec["store"] == name and "walk" in spec
        assert spec["orders"] == 0 or spec.get("residual_risk"), name


@pytest.mark.parametrize("name", names())
def test_hostile_store_gets_no_order_and_a_useful_status(runs, name):
    walk, orders, order_requests = runs["walks"][name]
    spec = expected(name)
    want = spec["walk"]
    assert orders == spec["orders"], (name, order_requests, walk.blocked_requests)
    assert walk.completed is want["completed"], walk.stuck_reason
    if not walk.completed:
        assert walk.stuck_reason, "a walk that stopped must say why"
    if "last_step" in want:
        assert walk.steps and walk.steps[-1].kind == want["last_step"], [(s.kind, s.url) for s in walk.steps]
    if "order_button" in want:
        assert walk.steps[-1].order_button == want["order_button"]
    if "stuck_reason_contains" in want:
        assert want["stuck_reason_contains"] in walk.stuck_reason, walk.stuck_reason
    if "refused_click" in want:
        assert any(want["refused_click"] in r for r in walk.refused_clicks), walk.refused_clicks
    for blocked in want.get("blocked_requests", []):
        assert any(blocked in b for b in walk.blocked_requests), (blocked, walk.blocked_requests)
    if "order_suspected" in want:
        assert walk.order_suspected is not None and walk.order_suspected.url.endswith(want["order_suspected"])
        assert walk.order_suspected.evidence
    else:
        assert walk.order_suspected is None, walk.order_suspected


@pytest.mark.parametrize("name", names())
def test_checkout_checks_never_pass_a_walk_that_did_not_reach_the_last_step(runs, name):
    walk = runs["walks"][name][0]
    if walk.completed:
        return
    artifacts = Artifacts(start_url="http://127.0.0.1/", checkout=[walk])
    for check_id in ("hidden-costs", "checkout-friction"):
        status = run_check(checks.by_id(check_id), artifacts).status
        assert status in ("needs-review", "fail", "error") and status != "pass", (name, check_id, status)


def test_the_permit_is_tried_on_every_armed_hostile_step():
    assert len(ARMED) >= 12 and {"neutral-post-weiter", "xhr-dalej", "fetch-continue", "iframe-order", "blur-order",
                                 "radio-submit", "enter-submit", "autosubmit-review", "beacon-payment",
                                 "meta-refresh"} <= set(ARMED)


@pytest.mark.parametrize("name", ARMED)
def test_with_the_permit_only_a_neutral_ordering_button_gets_through_and_it_is_reported(runs, name):
    """The permit lets the walker's own onward click post an armed step. A store whose neutral onward button
    orders then registers one (the accepted risk: the walk reads the answer, stops and warns); every other way a
    hostile step orders (timers, field events, a page load, an iframe, an address named after the order) stays
    blocked."""
    walk, orders, order_requests = runs["permitted"][name]
    spec = expected(name)
    want = spec.get("with_permit", {})
    assert walk.post_payment_step
    assert orders == want.get("orders", spec["orders"]), (name, order_requests, walk.permitted_requests)
    if want.get("order_suspected"):
        assert walk.order_suspected is not None and walk.order_suspected.url.endswith(want["order_suspected"])
        assert not walk.completed and walk.stuck_reason.startswith("WARNING: the store may have registered an order")
    else:
        assert walk.order_suspected is None, walk.order_suspected
        assert walk.completed is spec["walk"]["completed"], walk.stuck_reason
        assert not any(re.search(route, r) for _, route in STORES[name].orders for r in walk.permitted_requests)


def test_journey_clicking_an_ambiguous_order_button_is_refused(runs):
    walk, orders, _ = runs["journeys"]["basket-zamawiam-post"]
    assert orders == 0
    assert not walk.completed and "refused by the safety policy" in walk.stuck_reason, walk.stuck_reason
    assert walk.steps[-1].kind == "basket" and any("Zamawiam" in r for r in walk.refused_clicks)


def test_journey_whose_continue_posts_the_order_is_stopped(runs):
    walk, orders, _ = runs["journeys"]["fetch-continue"]
    assert orders == 0
    assert any("/api/carts/7/checkout" in b for b in walk.blocked_requests), walk.blocked_requests
    assert not walk.completed and walk.stuck_reason


def test_journey_stops_before_a_link_that_finishes_the_order(runs):
    walk, orders, _ = runs["journeys"]["get-finish-dalej"]
    assert orders == 0
    assert walk.completed and walk.steps[-1].order_button == "Dalej", walk.stuck_reason


def test_residual_risk_store_is_reported_first_and_exits_3(tmp_path):
    """The store places its order on a GET to a neutral address from the basket: the walk cannot know, so it
    must notice the confirmation page and the scan must say so first, on top of every report, and exit 3."""
    out = tmp_path / "report"
    with HostileCheckout("residual-get") as store:
        done = run_cli("scan", store.url, "--out", str(out), "--max-pages", "6", "--products", "1",
                       "--format", "json,md,html", "--walk", "checkout", timeout=120)
        orders = store.orders
    assert done.returncode == 3, (done.stdout, done.stderr)
    assert orders == 1  # the walk's one request (the crawl kept out by robots.txt)
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"WARNING: the store may have registered an order at {store.url}zamowienie/nowe")
    assert "cancel" in first and first in done.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert next(iter(data)) == "warning" and data["warning"][0] == first
    assert data["order_suspected"][0]["url"].endswith("/zamowienie/nowe")
    assert (out / "summary.md").read_text(encoding="utf-8").splitlines()[0].startswith(
        "> **WARNING: the store may have registered an order")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'class="order-alert"' in page and page.index("order-alert\"") < page.index("<header")


def test_walk_basket_stops_at_the_basket(runs):
    walk, orders, _ = runs["journeys"]["basket-scope"]
    assert orders == 0 and not walk.completed and walk.steps[-1].kind == "basket"
    assert "--walk basket" in walk.stuck_reason
