"""Fleet mode on the local pool (the default, nothing to start), SQLite: two fleet runs over demo store variants
(the second after one store was fixed), history and the portfolio, which Chromium opens with no request."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.fleet import load_stores, run_fleet
from auditor.fleet.history import store_history
from auditor.fleet.services import free_port
from auditor.fleet.storage import Storage
from auditor.model import AuditResult
from auditor.scores import as_dict, category_scores
from fixtures.store.server import DemoStore
from tests.conftest import run_cli
from tests.fleet_support import runs_per_store, stores_toml

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    """Run 1: good, poor-contact, an unreachable store. Run 2 (through the CLI): the two addresses swap stores, so
    one store's contact defects are fixed and the other's are new."""
    tmp = tmp_path_factory.mktemp("fleet")
    good, poor = DemoStore("good").start(), DemoStore("poor-contact").start()
    dead = f"http://127.0.0.1:{free_port()}/"
    path = stores_toml(tmp / "stores.toml", [(good.url, "Good shop"), (poor.url, "Poor contact"), (dead, "Gone")])
    out = tmp / "out"
    try:
        first = run_fleet(load_stores(path), out, workers=2, retries=1, source=str(path))
        first_portfolio = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
        poor.stop()
        good.stop()
        poor = DemoStore("good", port=poor.port).start()  # the same address, its contact defects fixed
        good = DemoStore("poor-contact", port=good.port).start()  # and here contact defects appear
        second = run_cli("fleet", str(path), "--out", str(out), "--workers", "2", "--retries", "0",
                         "--report-lang", "pl", timeout=400)
    finally:
        good.stop()
        poor.stop()
    yield {"first": first, "first_portfolio": first_portfolio, "second": second, "out": out,
           "db": str(out / "fleet.db"), "urls": {"good": good.url, "poor": poor.url, "dead": dead}}


def test_every_store_has_exactly_one_run_with_reports_scores_and_findings(fleet):
    first, urls = fleet["first"], fleet["urls"]
    assert runs_per_store(fleet["db"], first.fleet_run_id) == {u: 1 for u in urls.values()}
    storage = Storage(fleet["db"])
    by_url = {r.store.url: r for r in storage.runs_of_fleet(first.fleet_run_id)}
    for key in ("good", "poor"):
        run = by_url[urls[key]]
        assert run.status in ("complete", "incomplete") and run.version and run.duration_s > 0
        assert (Path(run.report_dir) / "report.html").is_file()
        on_disk = json.loads((Path(run.report_dir) / "report.json").read_text(encoding="utf-8"))
        assert run.report == on_disk  # the whole report.json is in the database
        assert {f.fingerprint for f in run.findings} == {f["id"] for f in on_disk["findings"]}
        want = as_dict(category_scores(AuditResult.model_validate(on_disk)))
        assert (run.overall, run.scores["categories"]) == (want["overall"], want["categories"])
    assert {f.check for f in by_url[urls["poor"]].findings} & {"contact-options"}
    dead = by_url[urls["dead"]]
    assert dead.status == "failed" and dead.attempts == 2  # retried once, then recorded with its error
    assert "cannot reach" in dead.error and not dead.findings
    storage.dispose()


def test_second_run_tracks_new_unchanged_and_fixed_by_fingerprint(fleet):
    second, urls = fleet["second"], fleet["urls"]
    assert second.returncode == 1, second.stderr  # a store failed
    lines = second.stdout.splitlines()
    assert sum(1 for line in lines if urls["dead"] in line and line.startswith("failed")) == 1
    assert any(line.startswith(("complete", "incomplete")) and urls["poor"] in line for line in lines)
    history = store_history(Storage(fleet["db"]), urls["poor"])
    first, latest = history["runs"]
    before = {f["fingerprint"] for f in first["new"]}  # a first run: everything is new
    now = set(before) - {f["fingerprint"] for f in latest["fixed"]} | {f["fingerprint"] for f in latest["new"]}
    assert latest["previous_run"] == first["fleet_run_id"]
    assert latest["fixed"], "the contact defects fixed between the runs are not reported as fixed"
    assert {f["check"] for f in latest["fixed"]} >= {"contact-options"}
    assert latest["unchanged"] == len(before) - len(latest["fixed"])
    assert len(now) == latest["findings"]
    good = store_history(Storage(fleet["db"]), urls["good"])["runs"]
    assert len(good) == 2 and good[1]["previous_run"] == good[0]["fleet_run_id"]
    assert {f["check"] for f in good[1]["new"]} >= {"contact-options"}  # the defects that appeared are new
    assert not {f["fingerprint"] for f in good[1]["new"]} & {f["fingerprint"] for f in good[0]["new"]}
    cli = run_cli("history", urls["poor"], "--db", fleet["db"])
    assert cli.returncode == 0, cli.stderr
    rows = [line.split() for line in cli.stdout.splitlines()[2:]]
    assert len(rows) == 2 and rows[1][-1] == str(len(latest["fixed"]))
    as_json = json.loads(run_cli("history", urls["poor"], "--db", fleet["db"], "--json").stdout)
    assert [r["fleet_run_id"] for r in as_json["runs"]] == [first["fleet_run_id"], latest["fleet_run_id"]]
    unknown = run_cli("history", "https://never.example/", "--db", fleet["db"])
    assert unknown.returncode == 2 and "no run of https://never.example/" in unknown.stderr


def test_portfolio_lists_scores_trend_new_fixed_failed_and_links(fleet):
    out, urls = fleet["out"], fleet["urls"]
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert data["summary"]["stores"] == 3 and data["summary"]["failed"] == 1
    stores = {s["url"]: s for s in data["stores"]}
    poor = stores[urls["poor"]]
    assert poor["fixed"] and len(poor["trend"]) == 2 and poor["previous_run"]
    assert stores[urls["good"]]["new"] and data["summary"]["new"] == len(stores[urls["good"]]["new"]) + len(poor["new"])
    assert isinstance(poor["overall"], int) and "contact" in poor["categories"]
    assert poor["trend"][1]["overall"] >= poor["trend"][0]["overall"]  # fixing defects does not lower it
    assert (out / poor["report"]).is_file() and poor["report"].endswith("report.html")
    assert stores[urls["dead"]]["status"] == "failed" and stores[urls["dead"]]["report"] is None
    first = {s["url"]: s for s in fleet["first_portfolio"]["stores"]}
    assert first[urls["poor"]]["previous_run"] is None and len(first[urls["poor"]]["trend"]) == 1
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    assert '<html lang="pl">' in html and "Portfel sklepów" in html  # --report-lang pl
    assert "<script" not in html.lower() and "default-src 'none'" in html
    assert html.count("<polyline") == 2  # the two stores with two runs; the failed store has no trend
    assert f'href="{poor["report"]}"' in html
    assert "cannot reach" in html  # the failed store's error is shown
    assert re.search(r"<summary>\d+ (nowe|nowych)</summary>", html)
    assert re.search(r"<summary>\d+ (naprawione|naprawionych)</summary>", html)


def test_portfolio_opens_in_chromium_without_errors_or_requests(fleet, browser_path):
    from playwright.sync_api import sync_playwright

    page_url = (fleet["out"] / "portfolio.html").resolve().as_uri()
    requests, problems = [], []
    with sync_playwright() as p:
        from auditor.browser import launch_args

        browser = p.chromium.launch(executable_path=browser_path, args=launch_args())
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(page_url, wait_until="load")
        rows = page.locator("tbody tr").count()
        browser.close()
    assert requests == [page_url]  # the page itself, nothing else
    assert problems == []
    assert rows == 3


def test_portfolio_escapes_store_text(tmp_path):
    from auditor.fleet.portfolio import render_portfolio

    evil = '<img src=x onerror=alert(1)>'
    data = {"tool": {"version": "0"}, "fleet_run": {"id": "r<1>", "started_at": "2026-01-01T00:00:00+00:00"},
            "summary": {"stores": 1, "complete": 0, "incomplete": 0, "failed": 1, "average_overall": None,
                        "new": 0, "fixed": 0},
            "stores": [{"url": "javascript:alert(1)", "name": evil, "status": "failed", "error": evil,
                        "overall": None, "categories": {}, "trend": [], "previous_run": None, "findings": 0,
                        "new": [], "fixed": [], "report": None, "duration_s": 0}]}
    html = render_portfolio(data, "en")
    assert evil not in html and "&lt;img" in html
    assert not re.search(r'href="javascript:', html)
