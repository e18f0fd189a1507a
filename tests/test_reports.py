"""The report renderers over hand-built results: the JSON contract, escaping of hostile store text in every
format, well-formed JUnit, the HTML page's scores, top fixes, charts and screenshots, and the HTML page in a real
browser (no requests, no console errors, no dialogs, no sideways scrolling on a phone, prints)."""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html

import reports
from auditor import details as visual
from auditor.errors import UsageError
from auditor.model import (
    AuditResult,
    CheckoutStep,
    CheckoutWalk,
    CheckResult,
    Finding,
    PageSummary,
    PriceLine,
    TargetInfo,
    fingerprint,
)
from auditor.runner import finish
from checks.base import T, finding

SCRIPT_TITLE = "<script>alert(1)</script> Contact page hidden"
IMG_URL = 'https://shop.example/c"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
SCRIPT_EVIDENCE = "</script><script>alert(2)</script>"
PIPE_TITLE = "Shoes | Boots are 5 clicks deep"
BELL_TITLE = "Phone number\x07 costs \x0bextra"
SAFE_URL = "https://shop.example/kontakt?x=1&y=2"


def _finding(check: str, rule: str, severity: str, title: str, url: str = "", **evidence) -> Finding:
    return Finding(id=fingerprint(check, rule, url or title), check=check, rule=rule, severity=severity,
                   title=title, message=f"Message for {title}", url=url, evidence=evidence,
                   why=f"Why for {rule}", recommendation=f"Fix for {rule}")


def _check(id_: str, category: str, status: str, findings: list[Finding], summary: str = "", **kw) -> CheckResult:
    return CheckResult(id=id_, title=id_.replace("-", " ").title(), category=category, status=status,
                       summary=summary or f"Summary of {id_}", findings=findings, **kw)


def make_result(fail_on: str = "high") -> AuditResult:
    contact = [
        _finding("contact-options", "hidden-contact", "high", SCRIPT_TITLE, JS_URL,
                 snippet=SCRIPT_EVIDENCE, links=["Kontakt", IMG_URL], click_path=["Shop", "Pomoc", "Kontakt"]),
        _finding("contact-options", "premium-rate-phone", "critical", BELL_TITLE, SAFE_URL,
                 number="+48 700 123 456", where={"region": "footer", "pages": [SAFE_URL, JS_URL]}),
        _finding("contact-options", "no-hours", "low", "Opening hours missing", IMG_URL, count=3, ratio=0.5),
    ]
    depth = [
        _finding("click-depth", "deep-product", "medium", PIPE_TITLE, "https://shop.example/p/boot",
                 click_path=["Shop", "Shoes | Boots", "Winter", "Boot <b>X</b>"], depth=4),
        _finding("click-depth", "deep-faq", "info", "FAQ is 3 clicks deep", "https://shop.example/faq"),
    ]
    matrix = [
        {"url": "https://shop.example/", "type": "home", "channels": ["phone", "email"]},
        {"url": IMG_URL, "type": "contact", "channels": ["phone", "email", "chat"]},
        {"url": "https://shop.example/p/boot", "type": "product", "channels": []},
        "not a row",
        {"url": JS_URL, "type": "other", "channels": "garbage"},
    ]
    tree = [
        {"url": "https://shop.example/", "title": "Home", "type": "home", "depth": 0, "parent_url": None},
        {"url": "https://shop.example/shop", "title": "Shop", "type": "category", "depth": 1,
         "parent_url": "https://shop.example/"},
        {"url": "https://shop.example/shoes", "title": "Shoes <i>", "type": "category", "depth": 2,
         "parent_url": "https://shop.example/shop"},
        {"url": "https://shop.example/p/boot", "title": "Boot", "type": "product", "depth": 3,
         "parent_url": "https://shop.example/shoes"},
        {"url": "https://shop.example/lookbook", "title": "Lookbook", "type": "other", "depth": None,
         "parent_url": None},
        {"url": "https://shop.example/a", "title": "Cycle A", "type": "other", "depth": "x",
         "parent_url": "https://shop.example/b"},
        {"url": "https://shop.example/b", "title": "Cycle B", "type": "other", "depth": 2,
         "parent_url": "https://shop.example/a"},
        {"title": "no url"},
    ]
    checks = [
        _check("hidden-costs", "costs", "needs-review", [], "No walk reached the last step; needs a review."),
        _check("checkout-friction", "checkout", "not-applicable", [], "No checkout was walked."),
        _check("click-depth", "navigation", "fail", depth, visuals=[visual.tree(tree)]),
        _check("contact-options", "contact", "fail", contact, summary="Contact | hidden",
               visuals=[visual.matrix(matrix, {"phone": True, "chat": False})]),
        _check("faq-gaps", "self-service", "error", [], "The check could not run: KeyError: 'x'",
               error="KeyError: '<x>' (at faq_gaps.py:12)"),
        _check("returns-policy", "returns", "pass", []),
    ]
    pages = [
        PageSummary(url="https://shop.example/", type="home", depth=0, click_path=[], title="Home"),
        PageSummary(url=IMG_URL, type="contact", depth=2, click_path=["Pomoc", '"><img src=x onerror=alert(3)>'],
                    title="<script>alert(4)</script>"),
        PageSummary(url=JS_URL, type="other", depth=None, click_path=[], title="Sitemap only"),
    ]
    walk = CheckoutWalk(product_url="https://shop.example/p/boot", product_name="Boot <svg onload=alert(5)>",
                        product_price=1299.0, currency="PLN", steps=[
                            CheckoutStep(url="https://shop.example/cart", kind="basket", clicks=1,
                                         price_lines=[PriceLine(label="Dostawa", kind="shipping", amount=15.0,
                                                                currency="PLN", raw="15,00 zł")]),
                        ])
    return finish(AuditResult(
        target=TargetInfo(url="https://shop.example/", started_at="2025-03-01T10:15:00+00:00", duration_s=83.4),
        pages=pages, checks=checks, findings=[f for c in checks for f in c.findings], fail_on=fail_on,
        errors=["timeout on https://shop.example/slow <b>"], checkout=[walk],
    ))


# --------------------------------------------------------------------------------------------------
# report.json
# --------------------------------------------------------------------------------------------------


def test_json_contract_keys_and_summary_counts():
    data = json.loads(reports.render_json(make_result()))
    assert list(data)[:3] == ["tool", "target", "summary"]
    assert data["tool"] == {"name": "clearcart", "version": data["tool"]["version"]} and data["tool"]["version"]
    assert set(data["target"]) >= {"url", "started_at", "duration_s"}
    for page in data["pages"]:
        assert set(page) >= {"url", "type", "depth", "click_path"}
    for check in data["checks"]:
        assert set(check) >= {"id", "title", "category", "status", "summary"}
    assert len(data["findings"]) == 5
    for item in data["findings"]:
        assert set(item) >= {"id", "check", "rule", "severity", "title", "message", "url", "evidence", "why",
                                "recommendation"}
    summary = data["summary"]
    assert summary["fail_on"] == "high"
    assert summary["by_severity"] == {"critical": 1, "high": 1, "medium": 1, "low": 1, "info": 1}
    assert summary["by_status"] == {"pass": 1, "fail": 2, "needs-review": 1, "not-applicable": 1, "error": 1}
    assert summary["failing"] == 2 and summary["verdict"] == "fail"
    assert summary["findings"] == 5 and summary["checks"] == 6 and summary["pages"] == 3
    # evidence keeps its shape (hostile text stays data in JSON: it is the consumer's to escape)
    first = next(f for f in data["findings"] if f["rule"] == "hidden-contact")
    assert first["evidence"]["click_path"] == ["Shop", "Pomoc", "Kontakt"] and first["url"] == JS_URL


def test_json_failing_follows_fail_on_and_output_is_stable():
    assert json.loads(reports.render_json(make_result("low")))["summary"]["failing"] == 4
    assert json.loads(reports.render_json(make_result("critical")))["summary"]["failing"] == 1
    clean = make_result()
    clean.findings = [f for f in clean.findings if f.severity in ("low", "info")]
    assert json.loads(reports.render_json(clean))["summary"]["verdict"] == "pass"
    assert reports.render_json(make_result()) == reports.render_json(make_result())


def test_json_survives_non_finite_numbers_and_odd_evidence():
    result = make_result()
    result.target.duration_s = float("nan")
    result.findings[0].evidence = {"object": object(), "set": {3, 1}, "inf": float("inf")}
    data = json.loads(reports.render_json(result))  # strict JSON: no NaN / Infinity tokens
    assert data["target"]["duration_s"] is None
    assert data["findings"][0]["evidence"]["inf"] is None
    assert isinstance(data["findings"][0]["evidence"]["object"], str)


# --------------------------------------------------------------------------------------------------
# write_reports
# --------------------------------------------------------------------------------------------------


def test_write_reports_writes_each_format_into_a_new_folder(tmp_path):
    out = tmp_path / "nested" / "out"
    written = reports.write_reports(make_result(), out)
    assert {k: p.name for k, p in written.items()} == {
        "json": "report.json", "html": "report.html", "md": "summary.md", "junit": "junit.xml"}
    assert all(p.parent == out and p.stat().st_size > 200 for p in written.values())
    assert sorted(p.name for p in out.iterdir()) == ["junit.xml", "report.html", "report.json", "summary.md"]

    only = reports.write_reports(make_result(), tmp_path / "two", ["junit", "json"])
    assert set(only) == {"junit", "json"} and not (tmp_path / "two" / "report.html").exists()
    with pytest.raises(UsageError):
        reports.write_reports(make_result(), tmp_path / "bad", ["pdf"])


def test_a_lone_surrogate_in_store_text_does_not_lose_a_report(tmp_path):
    result = make_result()
    result.findings[0].title = "broken \ud800 title"
    result.checks[3].findings[0].title = "broken \ud800 title"
    written = reports.write_reports(result, tmp_path)
    assert json.loads(written["json"].read_text(encoding="utf-8"))["findings"]
    assert "broken" in written["html"].read_text(encoding="utf-8")
    ET.parse(written["junit"])


# --------------------------------------------------------------------------------------------------
# report.html
# --------------------------------------------------------------------------------------------------


def _doc(result: AuditResult | None = None):
    return lxml_html.document_fromstring(reports.render_html(result or make_result()))


def test_html_shows_every_finding_with_why_and_fix():
    result = make_result()
    doc = _doc(result)
    text = doc.text_content()
    for f in result.findings:
        assert f.title.replace("\x07", "").replace("\x0b", "") in text
        assert f.why in text and f.recommendation in text
    assert doc.get("lang") == "en"
    h1 = doc.findall(".//h1")
    assert len(h1) == 1 and "https://shop.example/" in h1[0].text_content()
    for needle in ("March 1, 2025 10:15 UTC", "1 min 23 s", "2 findings at or above high", "KeyError: '<x>'",
                   "timeout on https://shop.example/slow <b>", "PLN15.00"):
        assert needle in text, needle


def test_html_is_inert_against_hostile_store_text():
    page = reports.render_html(make_result())
    doc = lxml_html.document_fromstring(page)
    assert doc.xpath("//script") == []
    assert doc.xpath("//img | //link | //iframe | //object | //embed | //base | //form | //foreignObject | //use"
                     " | //image") == []  # no screenshot here: no assets folder was given
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name.lower() in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), value
                if re.match(r"\s*https?://", value, re.I):
                    assert element.tag == "a" and name == "href", (element.tag, name, value)
    # the hostile strings are all there, as text
    text = doc.text_content()
    for hostile in (SCRIPT_TITLE, IMG_URL, JS_URL, SCRIPT_EVIDENCE, "<script>alert(4)</script>",
                    "Boot <svg onload=alert(5)>"):
        assert hostile in text, hostile
    assert "<script>" not in page.split("</style>", 1)[1]  # escaped everywhere after the fixed head
    # javascript: finding URL and the quote-breaking URL are text, never links; a plain https URL is a link
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]")]
    assert JS_URL not in hrefs and IMG_URL not in hrefs
    assert SAFE_URL in hrefs
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    for a in doc.xpath("//a[starts-with(@href, 'http')]"):
        assert "noopener" in a.get("rel") and "noreferrer" in a.get("rel")
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]


def test_html_renders_evidence_generically():
    doc = _doc()
    article = next(a for a in doc.xpath("//article") if "premium" in a.text_content().lower()
                   or "costs extra" in a.text_content())
    labels = [dt.text_content() for dt in article.xpath(".//dl[contains(@class,'ev')]/div/dt")]
    assert labels[:2] == ["Number", "Where"] and "Region" in labels and "Pages" in labels
    nested = article.xpath(".//dd//ul[contains(@class,'ev')]/li")
    assert [li.text_content() for li in nested] == [SAFE_URL, JS_URL]
    assert nested[0].xpath(".//a/@href") == [SAFE_URL] and nested[1].xpath(".//a") == []
    hidden = next(a for a in doc.xpath("//article") if "Contact page hidden" in a.text_content())
    crumbs = hidden.xpath(".//span[@class='crumbs']")
    assert len(crumbs) == 1
    assert [c.text_content() for c in crumbs[0].xpath("./span[@class='crumb']")] == ["Home", "Shop", "Pomoc", "Kontakt"]
    assert "Home › Shop › Pomoc › Kontakt" == " ".join(crumbs[0].text_content().split())


def test_html_checks_table_status_badges_and_headings_in_order():
    doc = _doc()
    rows = doc.xpath("//section[@id='checks']//tbody/tr")
    assert len(rows) == 6
    badges = [r.xpath(".//span[contains(@class,'badge')]")[0].get("class").split()[-1] for r in rows]
    assert badges == ["st-needs-review", "st-not-applicable", "st-fail", "st-fail", "st-error", "st-pass"]
    contact_row = rows[3].text_content()
    assert "1 Critical" in contact_row and "1 High" in contact_row and "Contact" in contact_row
    levels = [int(h.tag[1]) for h in doc.iter() if isinstance(h.tag, str) and re.fullmatch(r"h[1-6]", h.tag)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert all(t.xpath(".//th") for t in doc.xpath("//table"))
    page = reports.render_html(make_result())
    assert "@media print" in page and "@media (max-width" in page and 'name="viewport"' in page
    # findings grouped by severity within their check, most severe first
    contact = doc.xpath("//section[@id='check-contact-options']")[0]
    assert [h.text_content().split(" (")[0] for h in contact.xpath("./h4")][-3:] == ["Critical", "High", "Low"]


def test_html_contact_matrix_and_click_tree():
    doc = _doc()
    matrix = doc.xpath("//table[contains(@class,'matrix')]")[0]
    # columns: the channels the check looked for (in its order), then any other a row names
    assert [th.text_content() for th in matrix.xpath("./thead/tr/th")] == ["Page", "Type", "Phone", "Chat", "Email"]
    rows = matrix.xpath("./tbody/tr")
    assert len(rows) == 4  # the string row is skipped, the row with garbage channels kept with no marks
    marks = [[("✓" in td.text_content()) for td in row.xpath("./td[contains(@class,'mark')]")] for row in rows]
    assert marks == [[True, False, True], [True, True, True], [False, False, False], [False, False, False]]
    # a URL of the store is shown as its path (the quote-breaking one stays text, never a link)
    assert rows[1].xpath(".//a") == [] and IMG_URL.removeprefix("https://shop.example") in rows[1].text_content()
    assert rows[0].xpath(".//a/@href") == ["https://shop.example/"] and rows[0].xpath("./th")[0].text_content() == "/"
    chips = [li.text_content() for li in doc.xpath("//ul[@class='chips']/li")]
    assert chips[0].startswith("✓ Phone") and chips[1].startswith("✗ Chat")

    tree = doc.xpath("//ul[@class='tree']")[0]
    home = tree.xpath("./li")[0]
    assert "Home" in home.xpath("./span")[0].text_content()
    boot = tree.xpath("./li/ul/li/ul/li/ul/li")
    assert len(boot) == 1 and "Boot" in boot[0].text_content() and boot[0].xpath(".//span[@class='d deep']") == []
    titles = [li.xpath("./span//strong")[0].text_content() for li in tree.xpath("./li")]
    assert titles[0] == "Home" and "Lookbook" in titles and "Shoes <i>" not in titles
    # the parent cycle is cut, not looped: each cycle member appears exactly once
    text = tree.text_content()
    assert text.count("Cycle A") == 1 and text.count("Cycle B") == 1


def test_html_survives_garbage_details_and_deep_chains():
    result = make_result()
    chain = [{"url": f"https://shop.example/{i}", "title": f"n{i}", "type": "other", "depth": i,
              "parent_url": f"https://shop.example/{i - 1}" if i else None} for i in range(300)]
    result.checks[2].visuals = [visual.tree(chain)]
    result.checks[3].visuals = [visual.matrix([{"not": "a row"}, "garbage"], {"phone": True})]  # no row
    result.findings[0].evidence = {"deep": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": 1}}}}}}}},
                                   "obj": object(), "nan": float("nan"), "big": list(range(500))}
    doc = _doc(result)
    assert doc.xpath("//table[contains(@class,'matrix')]") == []
    nested = doc.xpath("//ul[@class='tree']//li")
    assert 30 <= len(nested) <= 45  # cut at the depth limit, not recursed without end
    assert re.search(r"and 2\d\d more pages", doc.text_content())
    assert "400 more" in doc.text_content()


def test_html_without_findings_or_pages_says_so():
    result = AuditResult(target=TargetInfo(url="https://shop.example/", started_at="n/a", duration_s=0.2),
                         checks=[_check("returns-policy", "returns", "pass", [])])
    text = _doc(result).text_content()
    assert "No findings at or above high" in text and "No pages were crawled" in text and "n/a" in text


# --------------------------------------------------------------------------------------------------
# junit.xml
# --------------------------------------------------------------------------------------------------


def test_junit_is_well_formed_with_the_right_counts():
    xml = reports.render_junit(make_result())
    assert "\x07" not in xml and "\x0b" not in xml
    root = ET.fromstring(xml.encode("utf-8"))
    suites = root.findall("testsuite") if root.tag == "testsuites" else [root]
    assert len(suites) == 1
    suite = suites[0]
    assert suite.get("name") == "clearcart"
    counts = (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped"))
    assert counts == ("6", "2", "1", "2")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert cases["contact-options"].get("classname") == "clearcart.contact"
    failure = cases["contact-options"].find("failure")
    assert failure.get("type") == "fail" and failure.get("message") == "Contact | hidden"
    assert SCRIPT_TITLE in failure.text and "Phone number costs extra" in failure.text and JS_URL in failure.text
    assert cases["faq-gaps"].find("error") is not None and "KeyError" in cases["faq-gaps"].find("error").get("message")
    assert cases["hidden-costs"].find("skipped").get("message").startswith("needs review:")
    assert cases["checkout-friction"].find("skipped") is not None
    assert list(cases["returns-policy"]) == []
    assert cases["click-depth"].get("classname") == "clearcart.navigation"


def test_junit_counts_follow_the_statuses():
    result = make_result()
    for check in result.checks:
        check.status = "pass"
    suite = ET.fromstring(reports.render_junit(result).encode()).find("testsuite")
    assert (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("0", "0", "0")
    assert len(suite.findall("testcase/failure")) == 0


# --------------------------------------------------------------------------------------------------
# summary.md
# --------------------------------------------------------------------------------------------------


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_verdict_table_and_escaping():
    md = reports.render_markdown(make_result())
    lines = md.splitlines()
    assert lines[0].startswith("# ") and "2 findings at or above high" in lines[0]
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 2 + 6
    assert all(_unescaped_pipes(line) == 6 for line in table), table
    assert "Contact \\| hidden" in md
    assert "Shoes \\| Boots are 5 clicks deep" in md
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md
    assert "\x07" not in md
    top, _, rest = md.partition("<details>")
    assert "CRITICAL" in top and "HIGH" in top and "MEDIUM" not in top
    assert "MEDIUM" in rest and "LOW" in rest and "INFO" in rest and "</details>" in rest
    assert re.search(r"\| 💥 Error \|", md) and "⚠️ Needs review" in md


def test_markdown_store_text_cannot_make_links_images_or_html():
    result = make_result()
    result.findings[0].title = "[click](javascript:alert(1)) ![x](https://evil.example/x.png) **bold** `code` <b>"
    md = reports.render_markdown(result)
    line = next(line for line in md.splitlines() if "evil.example" in line)
    assert "\\[click\\](javascript:alert(1))" in line and "!\\[x\\](https://evil.example/x.png)" in line
    assert "\\*\\*bold\\*\\*" in line and "\\`code\\`" in line and "&lt;b&gt;" in line
    assert not re.search(r"(?<!\\)\]\(", md)  # no unescaped link/image syntax anywhere


def test_markdown_without_failing_findings():
    result = make_result("critical")
    result.findings = [f for f in result.findings if f.severity != "critical"]
    md = reports.render_markdown(result)
    assert md.startswith("# ✅") and "No findings at or above critical" in md.splitlines()[0]


# --------------------------------------------------------------------------------------------------
# Scores and top fixes (auditor/scores.py)
# --------------------------------------------------------------------------------------------------


def test_category_scores_exact_numbers():
    from auditor import scores

    result = make_result()
    per = {s.category: s for s in scores.category_scores(result)}
    # the six core categories always, then navigation (click-depth ran)
    assert list(per) == ["costs", "checkout", "product", "returns", "contact", "self-service", "navigation"]
    assert per["costs"].score == 100 and per["costs"].needs_review == ["hidden-costs"]  # needs-review counts
    assert per["checkout"].score is None and per["checkout"].not_applicable == ["checkout-friction"]
    assert per["product"].score is None and not per["product"].checks  # no check of its own ran: n/a
    assert per["returns"].score == 100
    assert per["contact"].score == 100 - 40 - 25 - 5 and per["contact"].findings == 3  # critical+high+low = 30
    assert per["self-service"].score is None and per["self-service"].errors == ["faq-gaps"]
    assert per["navigation"].score == 90 and per["navigation"].findings == 1  # medium 10; info costs nothing
    assert scores.overall_score(list(per.values())) == 80  # mean of 100, 100, 30, 90

    # the floor, and the overall score rounds half up
    floor = make_result()
    floor.findings += [_finding("returns-policy", f"r{i}", "critical", f"Returns defect {i}", f"https://s/{i}")
                       for i in range(3)]
    floor.findings.append(_finding("click-depth", "extra", "low", "One more", "https://s/x"))
    got = scores.compute_scores(floor)
    per_floor = {c.category: c.score for c in got.categories}
    assert per_floor["returns"] == 0 and per_floor["navigation"] == 85
    assert got.overall == 54 and got.band == "fair"  # (100 + 0 + 30 + 85) / 4 = 53.75
    assert scores.round_half_up(52.5) == 53 and scores.round_half_up(53.49) == 53

    nothing = AuditResult(target=TargetInfo(url="https://shop.example/", started_at="n/a", duration_s=0))
    assert scores.compute_scores(nothing).overall is None


def test_a_defect_on_many_pages_costs_its_worst_severity_once():
    from auditor import scores

    result = make_result()
    result.findings += [_finding("click-depth", "product-too-deep", "medium", f"Product {i} too deep",
                                 f"https://s/p{i}") for i in range(12)]
    result.findings.append(_finding("click-depth", "product-too-deep", "high", "Product 13 far too deep",
                                    "https://s/p13"))
    navigation = {s.category: s for s in scores.category_scores(result)}["navigation"]
    # before: medium 10 (one rule); now one more rule at its worst severity, high 25, however many pages
    assert navigation.score == 100 - 10 - 25 and navigation.findings == 1 + 13


def test_html_executive_summary_shows_scores_and_na():
    doc = _doc()
    cards = doc.xpath("//ul[@class='scores']/li")
    texts = {li.xpath(".//span[@class='cat']")[0].text_content(): " ".join(li.text_content().split()) for li in cards}
    assert list(texts) == ["Costs", "Checkout", "Product information", "Returns", "Contact", "Self-service",
                           "Navigation"]
    assert texts["Contact"].startswith("Contact 30 / 100") and "3 findings" in texts["Contact"]
    assert "n/a" in texts["Checkout"] and "100" not in texts["Checkout"] and "Not applicable" in texts["Checkout"]
    assert "n/a" in texts["Self-service"] and "1 check could not run" in texts["Self-service"]
    assert "1 check needs a manual review" in texts["Costs"]
    ring = doc.xpath("//div[@class='overall']/svg")[0]
    assert ring.get("aria-label") == "Overall transparency score: 80 of 100" and "80" in ring.text_content()
    method = doc.xpath("//p[@class='method']")[0].text_content()
    assert "40 points per critical" in method and "25 per high" in method and "n/a" in method


def _fix_result() -> AuditResult:
    def many(rule: str, severity: str, n: int, check: str = "product-info") -> list[Finding]:
        return [_finding(check, rule, severity, f"{rule} on page {i}", f"https://shop.example/p/{rule}/{i}")
                for i in range(n)]

    findings = (many("few-images", "medium", 5) + many("no-price", "high", 1) + many("late-fee", "critical", 1,
                "hidden-costs") + many("short-description", "low", 9) + many("no-size", "high", 3, "size-chart")
                + many("dimensions", "medium", 1) + many("note", "info", 20)
                + many("size-chart-missing", "medium", 4, "size-chart"))
    checks = [_check("hidden-costs", "costs", "fail", [f for f in findings if f.check == "hidden-costs"]),
              _check("size-chart", "product", "fail", [f for f in findings if f.check == "size-chart"]),
              _check("product-info", "product", "fail", [f for f in findings if f.check == "product-info"])]
    return finish(AuditResult(target=TargetInfo(url="https://shop.example/", started_at="2025-03-01T10:15:00+00:00",
                                                duration_s=1), checks=checks, findings=findings))


def test_top_five_fixes_order_and_dedup():
    from auditor import scores

    result = _fix_result()
    fixes = scores.top_fixes(result)
    assert result.top_fixes == fixes  # computed once into the result (report.json carries them)
    # one entry per rule (a rule on 9 pages is one grouped finding); ranked by shopper impact (the share of
    # shoppers abandoning for that reason) × severity × reach: a late fee (extra costs, 48%) before a missing
    # size chart (15%), before photos and descriptions (8%), whatever their page counts; info never ranks
    assert [(x.rule, x.reach) for x in fixes] == [("late-fee", 1), ("size-chart-missing", 4), ("no-size", 3),
                                                  ("few-images", 5), ("no-price", 1)]
    assert fixes[0].impact == 0.48 and "48%" in fixes[0].reason
    assert all(a.rank >= b.rank for a, b in zip(fixes, fixes[1:]))
    doc = _doc(_fix_result())
    items = doc.xpath("//ol[@class='fixes']/li")
    assert len(items) == 5
    first = items[0]
    assert "late-fee on page 0" in first.text_content() and "Fix for late-fee" in first.text_content()
    assert "found once" in first.text_content() and "Extra costs too high" in first.text_content()
    assert "found 4 times (pages, products or topics)" in items[1].text_content()
    # each fix links to its finding in the body of the report
    for li in items:
        anchor = li.xpath(".//a/@href")[0]
        assert anchor.startswith("#f-") and doc.xpath(f"//article[@id='{anchor[1:]}']")


# --------------------------------------------------------------------------------------------------
# Price waterfall, FAQ topic chart, screenshots
# --------------------------------------------------------------------------------------------------


def png(width: int, height: int, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A real (tiny) PNG image, without an image library."""
    raw = b"".join(b"\x00" + bytes(color) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def hidden_cost_walk() -> CheckoutWalk:
    """Product page 49.90 €; the basket states no delivery; shipping appears at the delivery step and a
    handling fee at the review step."""
    def line(label: str, kind: str, amount: float) -> PriceLine:
        return PriceLine(label=label, kind=kind, amount=amount, currency="EUR", raw=f"{amount:.2f} €")

    return CheckoutWalk(
        product_url="https://shop.example/p/aker", product_name="Aker canvas low-tops", product_price=49.9,
        currency="EUR", completed=True, steps=[
            CheckoutStep(url="https://shop.example/p/aker", kind="product", clicks=0, title="Aker canvas low-tops",
                         screenshot="checkout/walk00-step00.png", price_lines=[line("Price", "item", 49.9)]),
            CheckoutStep(url="https://shop.example/cart", kind="basket", clicks=1, title="Your basket",
                         screenshot="checkout/walk00-step01.png",
                         price_lines=[line("Subtotal", "subtotal", 49.9), line("Total", "total", 49.9)]),
            CheckoutStep(url="https://shop.example/checkout/details", kind="details", clicks=2,
                         title="Your details", screenshot="checkout/walk00-step02.png"),
            CheckoutStep(url="https://shop.example/checkout/shipping", kind="shipping", clicks=3,
                         title="Delivery", screenshot="checkout/walk00-step03.png",
                         price_lines=[line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                                      line("Total", "total", 54.8)]),
            CheckoutStep(url="https://shop.example/checkout/review", kind="review", clicks=4,
                         title="Review your order", screenshot="checkout/walk00-step04.png",
                         order_button="Place order",
                         price_lines=[line("Subtotal", "subtotal", 49.9), line("Shipping", "shipping", 4.9),
                                      line("Handling fee", "fee", 2.5), line("Total", "total", 57.3)]),
        ])


def faq_check() -> CheckResult:
    """A faq-gaps result shaped like the real check's (details["topics"] rows, one finding per gap)."""
    topics = [
        {"id": "order_status", "label": "Order status", "origin": "taxonomy", "count": 42, "share": 0.21,
         "estimated": False, "covered": True, "gap": False, "answered_by": None, "suggested_question": ""},
        {"id": "invoice", "label": "Invoices", "origin": "taxonomy", "count": 18, "share": 0.09, "estimated": False,
         "covered": False, "gap": True, "answered_by": None, "suggested_question": "Czy wystawiacie faktury VAT?"},
        {"id": "c1", "label": "Gift wrapping", "origin": "cluster", "count": 12, "share": 0.06, "estimated": True,
         "covered": False, "gap": True, "answered_by": None, "suggested_question": "Czy można zapakować prezent?"},
        {"id": "size", "label": "Sizes", "origin": "taxonomy", "count": 4, "share": 0.02, "estimated": False,
         "covered": False, "gap": False, "answered_by": None, "suggested_question": ""},
        "garbage", {"label": "no numbers"},
    ]
    gaps = []
    for t in topics[1:3]:
        gaps.append(finding(
            "faq-gaps", "faq-gap", "medium", T("Frequent question not answered on the site: {label}", label=t["label"]),
            f"{t['count']} of 200 support tickets ask about it.", url="https://shop.example/faq", key=t["id"],
            evidence={"rank": 1, "topic": t["id"], "label": t["label"], "count": t["count"], "share": t["share"],
                      "estimated": t["estimated"], "suggested_question": t["suggested_question"],
                      "examples": ["Poproszę fakturę na firmę [EMAIL]", "Gdzie znajdę fakturę?", "Faktura?",
                                   "A fourth example"]},
            why="Shoppers ask support what the site does not answer.",
            recommendation=T("Add to the FAQ: “{question}” and answer it in a sentence or two, with a link to the page "
                             "that has the details; mark the FAQ up as schema.org FAQPage so search engines and "
                             "assistants show the answer too. Examples of how customers ask are in the evidence.",
                             question=t["suggested_question"])))
    return CheckResult(id="faq-gaps", title="FAQ answers what shoppers ask support", category="self-service",
                       status="fail", summary="2 of 3 frequent ticket topics have no answer on the site.",
                       findings=gaps, details={"topics": topics, "min_share": 0.03},
                       visuals=[visual.bars(topics, 0.03)])


def realistic_result(assets: Path | None = None) -> AuditResult:
    """A result like a real audit's: a checkout walk judged by the real hidden-costs and checkout-friction
    checks, contact matrix, click tree, FAQ gaps; screenshots written into ``assets`` when given."""
    from auditor.model import Artifacts, PageSummary
    from checks import checkout_friction, hidden_costs

    walk = hidden_cost_walk()
    artifacts = Artifacts(start_url="https://shop.example/", checkout=[walk])
    costs = hidden_costs.run(artifacts, hidden_costs.DEFAULT_OPTIONS)
    friction = checkout_friction.run(artifacts, checkout_friction.DEFAULT_OPTIONS)
    base = make_result()
    contact = base.checks[3]
    contact.findings = [f for f in contact.findings if f.rule == "premium-rate-phone"]
    contact.findings[0].title = "The store's phone number +48 700 123 456 is a premium-rate line"
    contact.findings[0].url = "https://shop.example/kontakt"
    contact.visuals = [visual.matrix([
        {"url": f"https://shop.example/{path}", "type": kind, "channels": channels}
        for path, kind, channels in [("", "home", []), ("kontakt", "contact", ["phone", "email", "contact_form"]),
                                     ("p/aker", "product", []), ("cart", "cart", []), ("faq", "faq", ["email"]),
                                     ("regulamin", "policy", ["email", "phone"])]],
        {"phone": True, "email": True, "chat": False, "contact_form": True})]
    depth = base.checks[2]
    depth.findings = [f for f in depth.findings if f.rule == "deep-faq"]
    depth.findings[0].severity = "medium"
    depth.visuals[0].nodes = [n for n in depth.visuals[0].nodes if n.title != "Cycle A"][:5]
    checks = [costs, friction, _check("return-policy", "returns", "pass", []), contact, depth, faq_check()]
    pages = [PageSummary(url="https://shop.example/", type="home", depth=0, click_path=[], title="Nordlys Studio"),
             PageSummary(url="https://shop.example/kontakt", type="contact", depth=2, click_path=["Pomoc", "Kontakt"],
                         title="Kontakt")]
    if assets is not None:
        (assets / "checkout").mkdir(parents=True, exist_ok=True)
        for i, step in enumerate(walk.steps):
            (assets / step.screenshot).write_bytes(png(640, 900, (240 - i * 30, 240, 250)))
    return finish(AuditResult(target=TargetInfo(url="https://shop.example/", started_at="2025-03-01T10:15:00+00:00",
                                                duration_s=83.4),
                              pages=pages, checks=checks, findings=[f for c in checks for f in c.findings],
                              checkout=[walk], fail_on="high"))


def test_waterfall_has_one_bar_per_step_and_marks_the_late_lines():
    doc = _doc(realistic_result())
    figure = doc.xpath("//figure[contains(@class,'waterfall')]")
    assert len(figure) == 1
    rows = figure[0].xpath("./div[contains(@class,'row')]")
    kinds = [r.get("class").split()[1] for r in rows]
    # product price, basket, details, shipping (+ the shipping line), review (+ the handling fee line)
    assert kinds == ["start", "step", "step", "delta", "step", "delta", "step"], kinds
    steps = [r for r in rows if "step" in r.get("class").split()]
    assert len(steps) == len(hidden_cost_walk().steps) - 1  # one bar per step after the product page
    for row in steps:
        assert len(row.xpath(".//svg/rect[starts-with(@class,'b-')]")) == 1
    assert [" ".join(r.xpath("./span[@class='rl']")[0].text_content().split()) for r in steps] == [
        "Step 1: Basket", "Step 2: Customer details", "Step 3: Delivery", "Step 4: Order review — final total"]
    assert steps[1].xpath(".//rect/@class") == ["track", "b-unknown"]  # the details step showed no price
    assert steps[-1].xpath(".//rect/@class")[-1] == "b-final" and "€57.30" in steps[-1].text_content()
    late = [r for r in rows if "late" in r.get("class").split()]
    assert [r.xpath("./span[@class='rl']")[0].text_content().split(" (")[0] for r in late] == [
        "Shipping", "Handling fee"]
    for row in late:
        assert row.xpath(".//rect/@class")[-1] == "b-late" and "late: not stated before checkout" in row.text_content()
    assert "+€2.50" in late[1].text_content() and "+€4.90" in late[0].text_content()
    # bar geometry: the fee starts where the delivery step's total ends and the final bar is the longest
    fee = late[1].xpath(".//rect")[-1]
    delivery = steps[2].xpath(".//rect")[-1]
    assert float(fee.get("x")) == pytest.approx(float(delivery.get("width")), abs=0.2)
    assert float(steps[-1].xpath(".//rect")[-1].get("width")) == 1000.0
    assert "2 lines appear late, at checkout." in figure[0].text_content()


def test_waterfall_without_late_lines_and_without_prices():
    from auditor.model import WaterfallDetails
    from auditor.waterfall import waterfall

    result = realistic_result()
    costs = result.checks[0]
    charts = [v for v in costs.visuals if isinstance(v, WaterfallDetails)]
    assert len(charts) == 1 and charts[0].late == 2 and charts[0].final == 57.3  # computed by the check, once
    costs.visuals = [waterfall(result.checkout[0])]  # no finding names a line: nothing is late
    doc = _doc(result)
    assert doc.xpath("//figure[contains(@class,'waterfall')]//div[contains(@class,'row')]")
    assert doc.xpath("//figure[contains(@class,'waterfall')]//div[contains(@class,'late')]") == []
    walk = result.checkout[0].model_copy(update={"product_price": None,
                                                 "steps": [CheckoutStep(url="https://shop.example/cart",
                                                                        kind="basket")]})
    assert waterfall(walk) is None  # nothing to draw: no chart, never a broken one
    costs.visuals = []
    assert _doc(result).xpath("//figure[contains(@class,'waterfall')]") == []


def test_faq_topic_chart_colours_covered_and_gaps_and_lists_the_gaps():
    doc = _doc(realistic_result())
    chart = doc.xpath("//figure[contains(@class,'topics')]")[0]
    rows = chart.xpath("./div[contains(@class,'row')]")
    assert [r.get("class").split()[1] for r in rows] == ["covered", "gap", "gap", "minor"]  # by share, garbage skipped
    assert [r.xpath(".//rect")[1].get("class") for r in rows] == ["b-covered", "b-gap", "b-gap", "b-minor"]
    assert "Order status" in rows[0].text_content() and "21%" in rows[0].text_content()
    assert "42 tickets" in rows[0].text_content() and "gap" in rows[1].text_content()
    assert chart.xpath(".//line[@class='threshold']")  # the gap threshold is drawn
    page = reports.render_html(realistic_result())
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert re.search(r"\.b-covered \{ fill: var\(--good\)", css) and re.search(r"\.b-gap \{ fill: var\(--poor\)", css)
    # the gaps are one grouped finding: a table of the topics with each one's own FAQ question
    gap = doc.xpath("//article[contains(., 'Frequent question not answered on the site')]")
    assert len(gap) == 1
    rows = gap[0].xpath(".//table[contains(@class,'items')]/tbody/tr")
    texts = sorted(r.text_content() for r in rows)
    assert len(texts) == 2 and "Gift wrapping" in texts[0] and "Czy można zapakować prezent?" in texts[0]
    assert "Invoices" in texts[1] and "Czy wystawiacie faktury VAT?" in texts[1]
    assert "2 pages or products" in gap[0].text_content()


def test_screenshots_are_embedded_as_data_uris_within_limits(tmp_path):
    from reports import images

    result = realistic_result(tmp_path)
    page = reports.render_html(result, assets_dir=tmp_path)
    doc = lxml_html.document_fromstring(page)
    hrefs = doc.xpath("//*[local-name()='image']/@href")
    assert hrefs and all(h.startswith("data:image/png;base64,") for h in hrefs)
    # the late-fee finding shows its step's screenshot, cropped to the top of the page
    late = doc.xpath("//article[contains(., 'first appears at the review step')]")[0]
    svg = late.xpath(".//figure[@class='shot']/svg")[0]
    assert svg.get("viewbox") == "0 0 640 400" and svg.get("role") == "img"
    assert "checkout/walk00-step04.png" in late.text_content() and "top of the page" in late.text_content()
    assert "Screenshot" not in [dt.text_content() for dt in late.xpath(".//dt")]  # not repeated as text
    # the checkout section shows the step with the late line and the last step
    shots = doc.xpath("//div[@class='steps-shots']//figcaption")
    assert [c.text_content().split(" ·")[0] for c in shots] == ["Step 4: Delivery", "Step 5: Order review"]

    # a marked element: the crop follows the box and the spot is outlined
    result.findings[0].evidence["box"] = {"x": 300, "y": 500, "width": 100, "height": 40}
    doc = lxml_html.document_fromstring(reports.render_html(result, assets_dir=tmp_path))
    svg = doc.xpath(f"//article[@id='f-{re.sub(r'[^a-z0-9]+', '-', result.findings[0].id)}']//figure/svg")[0]
    assert svg.get("viewbox") == "140 340 420 360"  # 160 px of context, clamped to the image
    spot = svg.xpath("./*[local-name()='rect'][@class='spot']")[0]
    assert (spot.get("x"), spot.get("y"), spot.get("width"), spot.get("height")) == ("300.0", "500.0", "100.0",
                                                                                     "40.0")

    # unsafe, fake, missing and oversized files are named, never read
    (tmp_path / "fake.png").write_bytes(b"<svg onload=alert(1)>")
    (tmp_path.parent / "outside.png").write_bytes(png(10, 10))
    (tmp_path / "big.png").write_bytes(png(10, 10) + b"\x00" * images.MAX_BYTES)
    embed = images.Embedder(tmp_path)
    assert embed.get("../outside.png").reason == "unsafe"
    assert embed.get(str(tmp_path.parent / "outside.png")).reason == "unsafe"
    assert embed.get("fake.png").reason == "type"
    assert embed.get("nope.png").reason == "missing"
    assert embed.get("big.png").reason == "size"
    assert embed.get("checkout/walk00-step00.png").uri.startswith("data:image/png;base64,")
    assert embed.embedded == 1 and images.dimensions(png(33, 7), "image/png") == (33, 7)


def test_embedded_images_are_capped(tmp_path):
    from reports import images

    for i in range(images.MAX_IMAGES + 3):
        (tmp_path / f"{i}.png").write_bytes(png(20, 20, (i * 10, 0, 0)))
    embed = images.Embedder(tmp_path)
    got = [embed.get(f"{i}.png") for i in range(images.MAX_IMAGES + 3)]
    assert sum(1 for s in got if s.uri) == images.MAX_IMAGES
    assert {s.reason for s in got[images.MAX_IMAGES:]} == {"limit"}
    assert embed.get("0.png").uri  # the same file again costs nothing

    # in the report, the top fixes get the budget first, then the other findings by severity; low and info
    # findings get no image at all
    findings = [_finding("product-info", f"rule-{i}", "medium", f"Defect {i}", f"https://shop.example/p/{i}",
                         screenshot=f"{i}.png") for i in range(images.MAX_IMAGES + 2)]
    findings.append(_finding("hidden-costs", "late-fee", "critical", "Late fee", "https://shop.example/review",
                             screenshot=f"{images.MAX_IMAGES + 2}.png"))
    findings.append(_finding("product-info", "short-description", "low", "Short", "https://shop.example/p/x",
                             screenshot="0.png"))
    checks = [_check("hidden-costs", "costs", "fail", findings[-2:-1]),
              _check("product-info", "product", "fail", findings[:-2] + findings[-1:])]
    result = finish(AuditResult(target=TargetInfo(url="https://shop.example/", started_at="n/a", duration_s=1),
                                checks=checks, findings=[f for c in checks for f in c.findings]))
    doc = lxml_html.document_fromstring(reports.render_html(result, assets_dir=tmp_path))
    assert len(set(doc.xpath("//*[local-name()='image']/@href"))) == images.MAX_IMAGES
    critical = doc.xpath("//article[contains(@class,'sev-line-critical')]")[0]
    assert critical.xpath(".//*[local-name()='image']")
    low = doc.xpath("//article[contains(@class,'sev-line-low')]")[0]
    assert low.xpath(".//*[local-name()='image']") == [] and "maximum number" not in low.text_content()
    assert "the report already holds its maximum number of images" in doc.text_content()


def test_page_screenshots_are_used_when_the_result_carries_them(tmp_path):
    from auditor.model import PageSummary

    (tmp_path / "screenshots").mkdir()
    (tmp_path / "screenshots" / "002.png").write_bytes(png(1280, 800))
    result = realistic_result()
    result.pages[1] = PageSummary(**{**result.pages[1].model_dump(), "screenshot": "screenshots/002.png"})
    doc = lxml_html.document_fromstring(reports.render_html(result, assets_dir=tmp_path))
    premium = doc.xpath("//article[contains(., 'premium-rate line')]")[0]
    assert premium.xpath(".//figure[@class='shot']/svg")[0].get("viewbox") == "0 0 1280 800"


# --------------------------------------------------------------------------------------------------
# report.html in a real browser
# --------------------------------------------------------------------------------------------------


def _contrast(fg: str, bg: str) -> float:
    def lum(css: str) -> float:
        r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((lum(fg), lum(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _real_screenshots(tmp_path: Path, browser) -> Path:
    """Artifacts with real JPEG screenshots of a small store page, taken by Chromium."""
    assets = tmp_path / "artifacts"
    (assets / "checkout").mkdir(parents=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        for i, step in enumerate(hidden_cost_walk().steps):
            page.set_content(f"<body style='font:20px sans-serif;margin:40px;background:#faf7f2'>"
                             f"<h1>Nordlys Studio — step {i}</h1><table>"
                             + "".join(f"<tr><td>{p.label}</td><td>{p.raw}</td></tr>" for p in step.price_lines)
                             + "</table><button style='padding:12px 24px;background:#223'>Continue</button></body>")
            page.screenshot(path=str(assets / step.screenshot.replace(".png", ".jpg")), type="jpeg", quality=60)
    finally:
        page.close()
    return assets


@pytest.mark.browser
def test_html_report_in_a_real_browser(tmp_path, browser_path):
    from playwright.sync_api import sync_playwright

    from auditor.browser import launch_args

    shots = tmp_path / "screenshots"
    shots.mkdir()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=launch_args(), headless=True)
        try:
            assets = _real_screenshots(tmp_path, browser)
            result = realistic_result()
            for step in result.checkout[0].steps:
                step.screenshot = step.screenshot.replace(".png", ".jpg")
            for f in result.findings:
                if isinstance(f.evidence.get("screenshot"), str):
                    f.evidence["screenshot"] = f.evidence["screenshot"].replace(".png", ".jpg")
            result.findings += make_result().findings  # hostile text too
            path = reports.write_reports(result, tmp_path / "out", ["html"], assets_dir=assets)["html"]
            url = path.resolve().as_uri()
            html = path.read_text(encoding="utf-8")
            assert html.count("data:image/jpeg;base64,") >= 2

            for width, name in ((1280, "desktop"), (375, "mobile")):
                requests: list[str] = []
                console: list[tuple[str, str]] = []
                dialogs: list[str] = []
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.on("console", lambda m, seen=console: seen.append((m.type, m.text)))
                page.on("pageerror", lambda e, seen=console: seen.append(("error", str(e))))
                page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
                page.goto(url, wait_until="load")
                page.wait_for_timeout(200)
                assert [r for r in requests if not r.startswith("data:")] == [url]
                assert console == [] and dialogs == []
                assert page.evaluate("document.scripts.length") == 0
                assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
                images_ok = page.evaluate("""[...document.querySelectorAll('figure.shot svg image')].every(
                    i => i.getBoundingClientRect().width > 100)""")
                assert images_ok
                page.screenshot(path=str(shots / f"report-{name}.png"), full_page=True)

                if name == "desktop":
                    # the bar colours as the browser paints them: covered green, gap red, late line red
                    fills = page.evaluate("""['b-covered', 'b-gap', 'b-minor', 'b-late', 'b-final'].map(c =>
                        getComputedStyle(document.querySelector('rect.' + c)).fill)""")
                    assert fills == ["rgb(26, 127, 55)", "rgb(198, 40, 40)", "rgb(107, 118, 132)",
                                     "rgb(198, 40, 40)", "rgb(11, 61, 145)"]
                    # contrast of every badge and of muted text
                    pairs = page.evaluate("""[...document.querySelectorAll('.badge, .muted, .label, .rv')]
                        .slice(0, 400).map(e => { const s = getComputedStyle(e); let b = e, bg = s.backgroundColor;
                        while (bg === 'rgba(0, 0, 0, 0)' && b.parentElement) { b = b.parentElement;
                        bg = getComputedStyle(b).backgroundColor; }
                        return [s.color, bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg, e.className]; })""")
                    low = [(c, b, k) for c, b, k in pairs if _contrast(c, b) < 4.5]
                    assert pairs and low == [], low[:5]
                    # keyboard: the skip link comes first; a finding's summary takes focus and toggles
                    page.keyboard.press("Tab")
                    assert page.evaluate("document.activeElement.className") == "skip"
                    summary = page.locator("article.finding summary").first
                    summary.focus()
                    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
                    page.keyboard.press("Enter")
                    assert page.evaluate("document.querySelector('article.finding details').open") is False
                    page.keyboard.press("Enter")
                    # print: charts keep their size, closed details print their content, a PDF is written
                    page.evaluate("document.querySelector('#pages details').open = false")
                    page.emulate_media(media="print")
                    assert page.evaluate("matchMedia('print').matches")
                    bars = page.evaluate("""[...document.querySelectorAll('figure.waterfall svg.bar')]
                        .map(s => s.getBoundingClientRect().width)""")
                    assert bars and min(bars) > 100
                    assert page.evaluate("document.querySelector('#pages tbody tr').checkVisibility()")
                    pdf = page.pdf(format="A4", print_background=True)
                    assert pdf[:4] == b"%PDF" and len(pdf) > 50_000
                page.close()
        finally:
            browser.close()
    for name in ("desktop", "mobile"):
        assert (shots / f"report-{name}.png").stat().st_size > 100_000
