"""What reports show is data in the result: report.json carries scores, top fixes and typed details (table, tree,
waterfall, matrix, bars); renderers draw details by type and never branch on a check id; a rule that fires on many
items is one finding with a table whose items keep their fingerprints (baselines compare items); top fixes are
ranked by shopper impact; every default lives in auditor/defaults.py; and the demo report, grouped and ranked,
fits in about 15 desktop screens."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

import checks as registry
import reports
from auditor import details as visual
from auditor.baseline import compare, load_baseline
from auditor.defaults import DEFAULTS
from auditor.model import (
    AuditResult,
    BarsDetails,
    CheckResult,
    Column,
    MatrixDetails,
    TableDetails,
    TargetInfo,
    TreeDetails,
    WaterfallDetails,
)
from auditor.runner import finish, group_findings
from auditor.waterfall import waterfall
from checks.base import T, finding
from tests.conftest import ROOT, run_cli
from tests.test_reports import hidden_cost_walk, realistic_result

DETAIL_TYPES = {"table", "tree", "waterfall", "matrix", "bars"}


def _target() -> TargetInfo:
    return TargetInfo(url="https://shop.example/", started_at="2025-03-01T10:15:00+00:00", duration_s=1.0)


def _product_findings(n: int, rule: str = "few-images", severity: str = "medium") -> list:
    return [finding("product-info", rule, severity, T("Only {images} image(s) of “{name}”", images=1, name=f"P{i}"),
                    f"https://shop.example/p/{i} shows 1 image.", url=f"https://shop.example/p/{i}",
                    evidence={"product": f"P{i}", "screenshot": f"shots/{i}.png"}, why=T("Why."),
                    recommendation=T("Show at least {min_images} photos.", min_images=3)) for i in range(n)]


# --------------------------------------------------------------------------------------------------
# report.json
# --------------------------------------------------------------------------------------------------


def test_report_json_carries_scores_fixes_and_typed_details():
    data = json.loads(reports.render_json(realistic_result()))
    scores = data["scores"]
    assert isinstance(scores["overall"], int) and scores["band"] in ("good", "fair", "poor")
    assert [c["category"] for c in scores["categories"]][:6] == ["costs", "checkout", "product", "returns",
                                                                 "contact", "self-service"]
    assert scores["penalty"] == {"critical": 40, "high": 25, "medium": 10, "low": 5, "info": 0}
    costs = next(c for c in scores["categories"] if c["category"] == "costs")
    assert costs["score"] == 100 - 40 - 25 and costs["checks"] == ["hidden-costs"]  # late fee, shipping not stated
    fixes = data["top_fixes"]
    assert fixes and fixes[0]["check"] == "hidden-costs" and fixes[0]["rule"] == "late-fee"
    assert {"finding", "impact", "reason", "reach", "rank", "severity"} <= set(fixes[0])
    ids = {f["id"] for f in data["findings"]}
    assert all(x["finding"] in ids for x in fixes)
    types = {v["type"] for c in data["checks"] for v in c["visuals"]}
    assert types == {"waterfall", "tree", "matrix", "bars"}
    wf = next(v for c in data["checks"] for v in c["visuals"] if v["type"] == "waterfall")
    assert wf["final"] == 57.3 and wf["start"] == 49.9 and wf["late"] == 2 and wf["currency"] == "EUR"
    assert [r["role"] for r in wf["rows"]] == ["start", "step", "step", "delta", "step", "delta", "step"]
    late = [r for r in wf["rows"] if r["late"]]
    assert [(r["kind"], r["amount"]) for r in late] == [("shipping", 4.9), ("fee", 2.5)]
    # a grouped finding: its items (each with its own fingerprint) and its table
    grouped = next(f for f in data["findings"] if f["items"])
    assert grouped["details"]["type"] == "table" and len(grouped["details"]["rows"]) == len(grouped["items"])
    assert all(re.fullmatch(r"faq-gaps:[0-9a-f]{12}", i["id"]) for i in grouped["items"])
    # translatable texts: the template and its parameters
    late_fee = next(f for f in data["findings"] if f["rule"] == "late-fee")
    assert late_fee["texts"]["title"] == {"id": "“{label}” first appears at the {kind} step",
                                          "params": {"label": "Handling fee", "kind": "review"}}
    # the model reads its own JSON back (the contract round-trips)
    again = AuditResult.model_validate(data)
    assert again.scores is not None and again.scores.overall == scores["overall"]
    assert isinstance(again.checks[0].visuals[0], WaterfallDetails)


def test_details_are_validated_by_their_type():
    check = CheckResult.model_validate({"id": "x", "title": "X", "category": "costs", "status": "pass",
                                        "visuals": [{"type": "tree", "nodes": [{"url": "https://s/"}]},
                                                    {"type": "bars", "rows": [{"label": "a", "share": 0.5}]}]})
    assert isinstance(check.visuals[0], TreeDetails) and isinstance(check.visuals[1], BarsDetails)
    with pytest.raises(ValueError):
        CheckResult.model_validate({"id": "x", "title": "X", "category": "c", "status": "pass",
                                    "visuals": [{"type": "pie"}]})
    with pytest.raises(ValueError):
        MatrixDetails.model_validate({"rows": "garbage"})


# --------------------------------------------------------------------------------------------------
# Renderers draw by type, never by check id
# --------------------------------------------------------------------------------------------------


def test_reports_never_branch_on_a_check_id_or_rule():
    names = set(registry.ids())
    for module in registry.CHECKS:
        names |= {m.group(1) for m in re.finditer(r'ID, "([a-z0-9-]+)"', Path(module.__file__).read_text())}
    assert "late-fee" in names and "hidden-costs" in names
    offenders = []
    for path in sorted((ROOT / "reports").glob("*.py")) + sorted((ROOT / "reports" / "templates").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        for name in names:
            for match in re.finditer(rf"[\"']{re.escape(name)}[\"']", text):
                offenders.append((path.name, name, text.count("\n", 0, match.start()) + 1))
    assert offenders == []


def test_an_unknown_check_with_every_details_type_is_drawn():
    walk = hidden_cost_walk()
    table = TableDetails(title="Table", columns=[Column(key="url", label="Page", kind="url"),
                                                 Column(key="item", label="Finding")],
                         rows=[{"url": "https://shop.example/a", "item": "row <b>one</b>"}])
    shown = [table, visual.tree([{"url": "https://shop.example/", "title": "Root", "depth": 0},
                                 {"url": "https://shop.example/x", "title": "Kid", "depth": 1,
                                  "parent_url": "https://shop.example/"}]),
             waterfall(walk, {"handling fee"}), visual.matrix([{"url": "https://shop.example/", "type": "home",
                                                                "channels": ["phone"]}], {"phone": True}),
             visual.bars([{"label": "Topic Z", "count": 3, "share": 0.3, "gap": True}], 0.1)]
    check = CheckResult(id="brand-new-check", title="Brand new", category="brand-new", status="fail",
                        visuals=shown)
    result = finish(AuditResult(target=_target(), checks=[check], checkout=[walk]))
    doc = lxml_html.document_fromstring(reports.render_html(result))
    section = doc.xpath("//section[@id='check-brand-new-check']")[0]
    assert section.xpath(".//table[contains(@class,'items')]//td")[1].text_content() == "row <b>one</b>"
    assert "Kid" in section.xpath(".//ul[@class='tree']")[0].text_content()
    assert section.xpath(".//table[contains(@class,'matrix')]")
    assert "Topic Z" in section.xpath(".//figure[contains(@class,'topics')]")[0].text_content()
    # the waterfall is drawn with its walk, and the check links to it
    assert doc.xpath("//section[@id='checkout']//figure[contains(@class,'waterfall')]//div[contains(@class,'late')]")
    assert section.xpath(".//a[@href='#checkout']")
    for fmt in ("md", "junit", "json"):
        assert reports.RENDERERS[fmt](result)  # every format renders it


# --------------------------------------------------------------------------------------------------
# Grouping and baselines
# --------------------------------------------------------------------------------------------------


def test_a_rule_on_many_products_is_one_finding_with_a_table_of_items():
    items = _product_findings(12)
    single = _product_findings(1, rule="material-missing")
    grouped = group_findings(items + single)
    assert len(grouped) == 2
    group = grouped[0]
    assert sorted(i.id for i in group.items) == sorted(f.id for f in items)  # each item keeps its fingerprint
    assert group.id.startswith("product-info:") and group.id not in {f.id for f in items}
    assert group.details is not None and len(group.details.rows) == 12
    assert group.evidence["screenshot"] == "shots/0.png"  # one screenshot: the worst item's (then by URL)
    assert grouped[1].items == [] and grouped[1].details is None  # a rule on one item stays as it is
    assert group_findings(grouped) == grouped  # idempotent
    # the worst item leads the group
    mixed = _product_findings(3) + _product_findings(1, severity="high")
    mixed[-1].url = "https://shop.example/p/zz"
    top = group_findings(mixed)[0]
    assert top.severity == "high" and top.url == "https://shop.example/p/zz" and len(top.items) == 4


def test_a_group_shows_an_item_whose_page_has_a_screenshot():
    # the crawl keeps screenshots of a few product pages only: among the worst items, one that has a picture leads
    items = _product_findings(5)
    for f in items:
        del f.evidence["screenshot"]
    group = group_findings(items, {"https://shop.example/p/3"})[0]
    assert group.url == "https://shop.example/p/3" and len(group.items) == 5
    assert group_findings(items)[0].url == "https://shop.example/p/0"  # no screenshot anywhere: by URL
    # ... but never at the cost of severity
    items[0].severity = "high"
    assert group_findings(items, {"https://shop.example/p/3"})[0].url == "https://shop.example/p/0"


def test_baselines_still_compare_items_of_a_grouped_finding(tmp_path):
    def result_of(findings):
        check = CheckResult(id="product-info", title="Product", category="product", status="fail",
                            findings=findings)
        return AuditResult(target=_target(), checks=[check], findings=list(findings))

    first = finish(result_of(_product_findings(5)))
    assert len(first.findings) == 1 and len(first.findings[0].items) == 5
    path = tmp_path / "report.json"
    path.write_text(reports.render_json(first), encoding="utf-8")
    assert len(load_baseline(path)) == 5  # the baseline is read per item, by fingerprint

    # two products fixed, one new defect: per item, new / unchanged / fixed
    now = _product_findings(6)[2:]
    second = result_of(now)
    compare(second, path)
    assert sorted(f.change for f in second.findings) == ["new", "unchanged", "unchanged", "unchanged"]
    assert sorted(f.url for f in second.fixed) == ["https://shop.example/p/0", "https://shop.example/p/1"]
    finish(second)
    group = second.findings[0]
    assert group.change == "new" and sorted(i.change for i in group.items) == ["new"] + ["unchanged"] * 3
    assert second.failing_findings("medium", only_new=True) == [group]
    new_row = next(r for r in group.details.rows if r["change"] == "new")
    assert new_row["url"] == "https://shop.example/p/5"


# --------------------------------------------------------------------------------------------------
# Ranking
# --------------------------------------------------------------------------------------------------


def test_forced_account_and_hidden_costs_outrank_photos_and_size_chart_outranks_photo_count():
    from auditor import scores

    def check(id_, category, findings):
        return CheckResult(id=id_, title=id_, category=category, status="fail", findings=findings)

    photos = _product_findings(12)
    size = [finding("size-chart", "size-chart-missing", "medium", "No size chart", "", url=f"https://s/p/{i}")
            for i in range(2)]
    account = [finding("checkout-friction", "forced-account", "high", "Account", "", url="https://s/checkout")]
    fee = [finding("hidden-costs", "late-fee", "critical", "Fee", "", url="https://s/review")]
    checks = [check("product-info", "product", photos), check("size-chart", "product", size),
              check("checkout-friction", "checkout", account), check("hidden-costs", "costs", fee)]
    result = finish(AuditResult(target=_target(), checks=checks, findings=[f for c in checks for f in c.findings]))
    assert [x.rule for x in result.top_fixes] == ["late-fee", "forced-account", "size-chart-missing", "few-images"]
    assert result.top_fixes[1].impact == 0.26 and "account" in result.top_fixes[1].reason
    assert scores.impact_of("product", "few-images")[0] < scores.impact_of("product", "size-chart-missing")[0]


# --------------------------------------------------------------------------------------------------
# One place for every default
# --------------------------------------------------------------------------------------------------


def test_every_default_comes_from_one_place():
    from auditor.config import STARTER
    from auditor.model import CrawlSettings

    settings = CrawlSettings()
    assert (settings.max_pages, settings.concurrency, settings.products, settings.respect_robots) == (
        DEFAULTS.max_pages, DEFAULTS.concurrency, DEFAULTS.products, DEFAULTS.respect_robots)
    assert f"# max-pages = {DEFAULTS.max_pages} " in STARTER and f"# products = {DEFAULTS.products} " in STARTER
    assert f'# fail-on = "{DEFAULTS.fail_on}"' in STARTER
    assert settings.page_timeout_s == DEFAULTS.page_timeout_s
    assert f"# page-timeout = {DEFAULTS.page_timeout_s:g} " in STARTER and f'# walk = "{DEFAULTS.walk}"' in STARTER
    for path in ("auditor/cli.py", "auditor/config.py", "auditor/model.py", "auditor/audit.py"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert not re.search(r'"max-pages", max_pages, \d|max_pages: int = \d|Default: 60|'
                             r'"page-timeout", \w+, \d|"walk", walk, "|Default: 45', text), path
    done = run_cli("scan", "--help")
    assert f"Default: {DEFAULTS.max_pages}." in " ".join(done.stdout.split())


# --------------------------------------------------------------------------------------------------
# The demo report: grouped, ranked, about 15 desktop screens (real browser)
# --------------------------------------------------------------------------------------------------

SCREEN = (1366, 768)


@pytest.mark.browser
def test_demo_report_is_grouped_ranked_and_fits_about_15_screens(tmp_path, browser_path):
    from playwright.sync_api import sync_playwright

    out = tmp_path / "demo"
    done = run_cli("demo", "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    keys = [(f["check"], f["rule"]) for f in data["findings"]]
    assert len(keys) == len(set(keys))  # one finding per rule: 12 products with one photo are one finding
    few = next(f for f in data["findings"] if f["rule"] == "few-images")
    assert len(few["items"]) >= 10 and few["details"]["type"] == "table"
    ranked = [x["rule"] for x in data["top_fixes"]]
    assert ranked.index("size-chart-missing") < ranked.index("few-images")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path)
        page = browser.new_page(viewport={"width": SCREEN[0], "height": SCREEN[1]})
        page.goto((out / "report.html").as_uri())
        height = page.evaluate("document.documentElement.scrollHeight")
        browser.close()
    assert height <= 15.5 * SCREEN[1], f"the demo report is {height} px tall ({height / SCREEN[1]:.1f} screens)"


@pytest.mark.browser
def test_demo_with_a_late_fee_ranks_the_fee_first_and_keeps_the_final_step_screenshot(tmp_path, browser_path):
    out = tmp_path / "late"
    done = run_cli("demo", "--variant", "late-fee", "--out", str(out), "--quiet", "--no-tickets")
    assert done.returncode in (0, 1), done.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    ranked = [(x["check"], x["rule"]) for x in data["top_fixes"]]
    assert ranked[0] == ("hidden-costs", "late-fee"), ranked
    if ("product-info", "few-images") in ranked:
        assert ranked.index(("hidden-costs", "late-fee")) < ranked.index(("product-info", "few-images"))
    doc = lxml_html.parse(str(out / "report.html")).getroot()
    walk = doc.xpath("//section[@id='checkout']")[0]
    captions = [c.text_content() for c in walk.xpath(".//div[@class='steps-shots']//figcaption")]
    last_step = len(walk.xpath(".//table[contains(@class,'stack')]/tbody/tr"))
    assert any(c.startswith(f"Step {last_step}:") for c in captions), captions  # never dropped for low findings
    assert walk.xpath(".//div[@class='steps-shots']//*[local-name()='image']")
