"""End to end, in a real browser: platform-shaped stores (fixtures/platforms/<name>/), written after the public
theme source of Shopify Dawn, WooCommerce blocks and classic, PrestaShop 8, Shopware 6, Magento 2, Shoper, Shoptet,
IdoSell and OpenCart 3 (in Russian), plus a headless store nobody can recognise.

Each store is crawled once (no walk), its expected product is walked with the heuristics, and the checks run
over both. A store that takes the payment choice by POST before its summary (``safety_stop``) is walked twice: by
default the never-order guard stops the walk there (red, explained); with the user's permit
(``--post-payment-step``) the walk reaches the summary (``with_permit``). expected.json says how many products
must be recognised (and from what evidence), what the walk must record (step kinds, the order button, the last
step's ledger per line kind to the cent, that it reconciles) and what the core checks conclude. The order
counter of every store stays 0.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from auditor.browser import launch
from auditor.checkout import Walker
from auditor.crawl import crawl
from auditor.model import CrawlSettings, PageArtifact
from auditor.runner import run_checks
from fixtures.platforms.server import PlatformStore, expected, platforms

pytestmark = pytest.mark.browser

NAMES = platforms()
SHOPS = [n for n in NAMES if "checkout" in expected(n)]  # crawled and walked here; the rest through the CLI


async def _walk(url: str, out: Path, post_payment_step: bool = False):
    async with launch() as browser:
        product = PageArtifact(url=url, final_url=url, status=200, page_type="product", lang="")
        return await Walker(out, post_payment_step=post_payment_step).walk(browser, product, 0)


def _audit(name: str, out: Path) -> tuple:
    spec = expected(name)
    with PlatformStore(name) as store:
        artifacts = crawl(store.url, out / "artifacts", CrawlSettings(max_pages=12, products=3))
        url = store.url + spec["checkout"]["product_path"].lstrip("/")
        walk = asyncio.run(_walk(url, out))
        artifacts.checkout = [walk]
        permitted = None
        if "with_permit" in spec:
            permitted = artifacts.model_copy(deep=True)
            permitted.checkout = [asyncio.run(_walk(url, out / "permit", post_payment_step=True))]
        orders = store.orders
    permit = (permitted, permitted.checkout[0], run_checks(permitted)) if permitted is not None else None
    return artifacts, walk, run_checks(artifacts), orders, permit


@pytest.fixture(scope="module")
def audits(tmp_path_factory):
    """Every shop audited once, side by side (each in its own thread, event loop and browser: the time goes to
    waiting for pages, not to the CPU)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(SHOPS)) as pool:
        futures = {name: pool.submit(_audit, name, tmp_path_factory.mktemp(f"platform-{name}")) for name in SHOPS}
        results = {name: future.result() for name, future in futures.items()}
    return results.__getitem__


def _last_ledger(step) -> dict[str, float]:
    got: dict[str, float] = {}
    for line in step.price_lines:
        if line.kind == "item":
            continue
        if line.kind == "total":
            got["total"] = round(line.amount, 2)  # the step's total is its last total line
        else:
            got[line.kind] = round(got.get(line.kind, 0.0) + line.amount, 2)
    return got


def test_every_platform_declares_what_it_reproduces():
    assert {"dawn", "woo-blocks", "woo-classic", "prestashop", "shopware", "magento", "shoper", "shoptet", "idosell",
            "opencart", "headless", "webcomponents"} <= set(NAMES)
    for name in NAMES:
        cfg = json.loads((Path(__file__).parent.parent / "fixtures" / "platforms" / name / "platform.json").read_text())
        assert cfg["platform"] and cfg["lang"] in ("en", "pl", "uk", "ru", "sk", "cs", "de")
        assert expected(name)["checks"]


@pytest.mark.parametrize("name", SHOPS)
def test_products_recognised_from_what_a_shopper_sees(audits, name):
    artifacts, _, _, _, _ = audits(name)
    spec = expected(name)["products"]
    products = [p for p in artifacts.pages if p.page_type == "product"]
    assert len(products) >= spec["min"], [(p.final_url, p.page_type, p.type_reasons) for p in artifacts.pages]
    if "max" in spec:
        assert len(products) <= spec["max"]
    seen = [p for p in products if any("add-to-basket" in r for r in p.type_reasons)]
    assert len(seen) >= spec.get("by_what_a_shopper_sees", 0), [(p.final_url, p.type_reasons) for p in products]
    if spec.get("without_structured_data"):
        assert all(not any(r.startswith("structured data") for r in p.type_reasons) for p in products)
    assert all(0.5 <= p.type_confidence <= 1 for p in seen)
    categories = [p for p in artifacts.pages if p.page_type == "category"]
    assert len(categories) >= expected(name).get("categories", {}).get("min", 0)


@pytest.mark.parametrize("name", SHOPS)
def test_walk_reaches_the_last_step_with_a_ledger_that_reconciles(audits, name):
    _, walk, _, orders, _ = audits(name)
    spec = expected(name)["checkout"]
    assert orders == 0
    if "safety_stop" in expected(name):  # the store takes the payment choice by POST before the review
        assert not walk.completed and walk.steps[-1].kind == expected(name)["under_safety"]["stuck_at"]
        assert "safety guard" in walk.stuck_reason and "state-changing request" in walk.stuck_reason
        stop = expected(name)["under_safety"]
        assert set(stop.get("reached", [])) <= {s.kind for s in walk.steps}, [s.kind for s in walk.steps]
        assert walk.guard_stop and not walk.permitted_requests and not walk.post_payment_step
        if "basket" in stop:  # the ledger the walk did read, to the cent
            basket = next(s for s in walk.steps if s.kind == "basket")
            assert _last_ledger(basket) == stop["basket"], [(x.label, x.kind, x.amount) for x in basket.price_lines]
            assert basket.reconciled is True
        return
    _assert_walk(walk, spec)


def _assert_walk(walk, spec: dict) -> None:
    assert walk.completed is spec["completed"], (walk.stuck_reason, [s.kind for s in walk.steps])
    assert [s.kind for s in walk.steps] == spec["kinds"]
    last = walk.steps[-1]
    assert last.order_button == spec["order_button"]
    assert _last_ledger(last) == spec["last_step"], [(x.label, x.kind, x.amount) for x in last.price_lines]
    assert last.reconciled is spec["reconciled"] and not last.unreadable_reason
    assert last.tax_included is spec.get("tax_included")


@pytest.mark.parametrize("name", SHOPS)
def test_core_checks_match_expected(audits, name):
    _, _, result, _, _ = audits(name)
    spec = expected(name)
    _assert_checks(result, spec.get("under_safety", spec)["checks"], name)
    assert result.coverage["products_recognised"] == sum(1 for p in result.pages if p.type == "product")
    if "basket_way" in spec:  # no link leads to the basket: the header button that opens it is the way there
        cart = next(c for c in result.checks if c.id == "click-depth").details["cart"]
        assert cart["kind"] == spec["basket_way"] and cart["depth"] == 1, cart


def _assert_checks(result, checks: dict, name: str) -> None:
    for check_id, want in checks.items():
        got = next(c for c in result.checks if c.id == check_id)
        assert (got.status, sorted({f.rule for f in got.findings if f.severity != "info"})) == \
            (want["status"], sorted(want["rules"])), (name, check_id, got.summary)


PERMIT_SHOPS = [n for n in SHOPS if "with_permit" in expected(n)]


def test_every_store_the_guard_stops_is_also_walked_with_the_permit():
    assert PERMIT_SHOPS == [n for n in SHOPS if "safety_stop" in expected(n)]
    assert {"shoper", "shoptet", "idosell", "opencart"} <= set(PERMIT_SHOPS)


@pytest.mark.parametrize("name", PERMIT_SHOPS)
def test_with_the_permit_the_walk_reaches_the_summary_and_orders_nothing(audits, name):
    """--post-payment-step: the step that takes the payment choice is posted (the walker's own onward click,
    recorded), the summary is read to the cent, the store's order counter stays 0, the core checks judge."""
    _, default_walk, default_result, orders, (artifacts, walk, result) = audits(name)
    want = expected(name)["with_permit"]
    assert orders == 0
    assert walk.post_payment_step and walk.permitted_requests and not walk.order_suspected, walk.blocked_requests
    assert all(r.startswith("POST ") for r in walk.permitted_requests)
    _assert_walk(walk, want["checkout"])
    _assert_checks(result, want["checks"], name)
    # the default walk said why it stopped and how to go on
    finding = next(f for f in default_result.findings if f.check == "audit-coverage")
    assert finding.rule == "no-walk" and "--post-payment-step" in finding.recommendation


def test_an_unrecognisable_store_turns_ci_red_and_says_why(tmp_path):
    """The real CLI on the headless store: exit 1, "incomplete audit: …" as the first line of the result, the
    coverage block in report.json, the checks that could not see say needs-review; re-checked offline with
    --allow-incomplete the finding is low and the exit 0."""
    from tests.conftest import run_cli

    with PlatformStore("headless") as store:
        proc = run_cli("scan", store.url, "--out", str(tmp_path), "--max-pages", "10", "--format", "json")
        assert store.orders == 0
    assert proc.returncode == 1, proc.stderr
    err = " ".join(proc.stderr.split())
    assert "incomplete audit: no product page could be recognised" in err, err
    assert err.index("incomplete audit:") < err.index("checks: ")
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["coverage"]["products_recognised"] == 0 and report["coverage"]["sells"] is True
    assert {c["check"] for c in report["coverage"]["checks_not_judged"]} >= {"hidden-costs", "size-chart"}
    statuses = {c["id"]: (c["status"], sorted({f["rule"] for f in report["findings"] if f["check"] == c["id"]}))
                for c in report["checks"]}
    for check_id, want in expected("headless")["checks"].items():
        assert statuses[check_id] == (want["status"], sorted(want["rules"])), check_id
    finding = next(f for f in report["findings"] if f["check"] == "audit-coverage")
    assert (finding["rule"], finding["severity"]) == ("no-products", "high")
    again = run_cli("check", str(tmp_path / "artifacts"), "--allow-incomplete", "--only", "audit-coverage",
                    "--format", "json", "--out", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr  # a CI job that accepts partial audits stays green
    report = json.loads((tmp_path / "again" / "report.json").read_text())
    assert next(f for f in report["findings"] if f["check"] == "audit-coverage")["severity"] == "low"
