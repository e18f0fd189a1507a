"""End to end, in a real browser: the demo store variants give the outcomes their expected.json states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures.store.server import DemoStore, expected, variants
from tests.conftest import run_cli

pytestmark = pytest.mark.browser

SCANNABLE = [v for v in variants() if "scan_exit_code" not in expected(v)]


@pytest.mark.parametrize("variant", SCANNABLE)
def test_variant_outcomes_match_expected(scans, variant):
    artifacts, result, _, _ = scans(variant)
    want = expected(variant)["checks"]
    by_id = {c.id: c for c in result.checks}
    for check_id, spec in want.items():
        if check_id in ("hidden-costs", "checkout-friction") and not artifacts.checkout:
            continue  # the session's scans crawl only; the checkout walk is tests/test_e2e_checkout.py's
        got = by_id[check_id]
        rules = sorted({f.rule for f in got.findings})
        assert (got.status, rules) == (spec["status"], sorted(spec["rules"])), (
            f"{variant}/{check_id}: {got.summary}\n" + "\n".join(f"  {f.rule}: {f.message}" for f in got.findings)
        )
        if "channels" in spec:
            offered = sorted(k for k, v in got.details.get("channels", {}).items() if v.get("present"))
            assert offered == sorted(spec["channels"])


def test_crawl_records_depth_click_paths_and_types(scans):
    artifacts, _, url, _ = scans("good")
    by_type: dict[str, list] = {}
    for page in artifacts.pages:
        by_type.setdefault(page.page_type, []).append(page)
    home = artifacts.home()
    assert home is not None and home.depth == 0 and home.click_path == []
    for needed in ("category", "product", "cart", "contact", "faq", "policy"):
        assert by_type.get(needed), f"no {needed} page recognised"
    for page in artifacts.pages:
        if page.depth is not None:
            assert len(page.click_path) == page.depth
    products = by_type["product"]
    assert 1 <= len(products) <= 12
    assert all(p.structured.get("json-ld") for p in products)
    assert {p.lang for p in artifacts.pages if p.is_ok} == {"en"}
    # consent banner and newsletter pop-up were dismissed on the first page
    assert any(d.startswith("consent") for d in home.dismissed)
    assert any(d.startswith("popup") for d in home.dismissed)
    # robots.txt respected; the sitemap-only page found without a click path
    assert artifacts.robots_txt_found
    assert not any("/account" in p.final_url for p in artifacts.pages)
    assert any("/account" in u for u in artifacts.robots_disallowed)
    lookbook = [p for p in artifacts.pages if p.final_url.endswith("/lookbook")]
    assert lookbook and lookbook[0].depth is None


def test_products_sampled_across_categories(scans):
    artifacts, _, _, _ = scans("deep")
    products = artifacts.pages_of("product")
    assert products, "no product reached in the deep store"
    assert min(p.depth for p in products) >= 4
    assert len({p.category_hint for p in products}) >= 2


def test_crawl_never_places_an_order(scans):
    for variant in SCANNABLE:
        assert scans(variant)[3] == 0


def test_gather_only_then_check_reproduces_findings(tmp_path):
    with DemoStore("poor-contact") as store:
        gathered = run_cli("scan", store.url, "--out", str(tmp_path / "a"), "--gather-only")
        full = run_cli("scan", store.url, "--out", str(tmp_path / "b"), "--format", "json")
    assert gathered.returncode == 0, gathered.stderr
    assert (tmp_path / "a" / "artifacts" / "artifacts.json").exists()
    assert not (tmp_path / "a" / "report.json").exists()
    checked = run_cli("check", str(tmp_path / "a" / "artifacts"), "--format", "json,junit")
    assert checked.returncode == full.returncode == 1, checked.stderr + full.stderr
    offline = json.loads((tmp_path / "a" / "report.json").read_text())
    online = json.loads((tmp_path / "b" / "report.json").read_text())
    assert sorted(f["id"] for f in offline["findings"]) == sorted(f["id"] for f in online["findings"])
    assert offline["findings"], "the poor-contact store must have findings"
    assert (tmp_path / "a" / "junit.xml").exists()


def test_scan_good_store_exits_zero_and_writes_every_report(tmp_path):
    with DemoStore("good") as store:
        done = run_cli("scan", store.url, "--out", str(tmp_path), "--max-pages", "30")
    assert done.returncode == 0, done.stderr
    for name in ("report.json", "report.html", "summary.md", "junit.xml"):
        assert (tmp_path / name).stat().st_size > 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["tool"]["name"] == "clearcart"
    assert {c["id"] for c in report["checks"]} >= {"click-depth", "contact-options"}
    assert len(report["pages"]) <= 30
    assert "Traceback" not in done.stderr


def _one_clear_error(done, code):
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if lines and lines[0].startswith("clearcart ") and ": auditing " in lines[0]:
        lines = lines[1:]  # the one-line banner a scan prints before it starts
    assert lines[0].startswith("clearcart: error: "), lines
    assert lines[1].strip().startswith("hint: "), lines
    assert "Traceback" not in done.stderr and len(lines) <= 3


def test_bad_inputs_give_clear_errors(tmp_path):
    _one_clear_error(run_cli("scan", "not a url", "--out", str(tmp_path)), 2)
    _one_clear_error(run_cli("scan", "http://127.0.0.1:9/", "--out", str(tmp_path)), 3)  # closed port
    with DemoStore("good") as store:
        _one_clear_error(run_cli("scan", store.url + "no-such-page", "--out", str(tmp_path)), 2)
        _one_clear_error(run_cli("scan", store.url + "catalog.pdf", "--out", str(tmp_path)), 2)
    with DemoStore("blocked") as store:
        _one_clear_error(run_cli("scan", store.url, "--out", str(tmp_path)), expected("blocked")["scan_exit_code"])
    _one_clear_error(run_cli("check", str(tmp_path / "nothing-here")), 2)
    _one_clear_error(run_cli("scan", "http://127.0.0.1:9/", "--format", "pdf"), 2)
    _one_clear_error(run_cli("scan", "http://127.0.0.1:9/", "--only", "no-such-check"), 2)


def test_missing_browser_is_exit_3(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, CI="true", CLEARCART_BROWSER=str(tmp_path / "no-chromium"))
    done = subprocess.run([sys.executable, "-m", "auditor.cli", "scan", "http://127.0.0.1:9/"],
                          capture_output=True, text=True, env=env, timeout=60)
    _one_clear_error(done, 3)
    assert "CLEARCART_BROWSER" in done.stderr


def test_same_store_gives_the_same_crawl(tmp_path):
    """Which pages a crawl visits is decided before they load: concurrency does not change the result,
    so a baseline comparison of two runs sees the store, not the timing."""
    from auditor.crawl import crawl
    from auditor.model import CrawlSettings

    settings = CrawlSettings(max_pages=25, products=2, concurrency=4)
    with DemoStore("good") as store:
        runs = [crawl(store.url, tmp_path / f"run{i}", settings) for i in range(2)]
    first, second = ([(p.url, p.page_type, p.depth, p.html_file) for p in run.pages] for run in runs)
    assert first == second
    assert len(first) <= 25
    assert sum(p.page_type == "product" for p in runs[0].pages) >= 2


def test_demo_command_audits_the_store_with_its_sample_tickets(tmp_path):
    """What `make demo` runs: the bundled store, its sample ticket export, every report, the path printed."""
    done = run_cli("demo", "--out", str(tmp_path), "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == f"report: {(tmp_path / 'report.html').resolve()}"
    report = json.loads((tmp_path / "report.json").read_text())
    gaps = {i["evidence"]["topic"] for f in report["findings"] if f["check"] == "faq-gaps"
            for i in (f["items"] or [f])}  # one finding per rule: the gaps are its items
    tickets = json.loads((Path(__file__).parent.parent / "fixtures/tickets/expected.json").read_text())
    assert gaps == set(tickets["demo_gaps"])
    assert {c["id"]: c["status"] for c in report["checks"]}["hidden-costs"] == "pass"
