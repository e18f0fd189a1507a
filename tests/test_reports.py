"""The report renderers over hand-built results: the JSON contract, escaping of hostile store text in every
format, well-formed JUnit, and the HTML page in a real browser (no requests, no console errors, no dialogs)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from lxml import html as lxml_html

import reports
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
        _check("click-depth", "navigation", "fail", depth, details={"tree": tree}),
        _check("contact-options", "contact", "fail", contact, summary="Contact | hidden",
               details={"matrix": matrix, "channels": {"phone": {"present": True}, "chat": {"present": False}}}),
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
    return AuditResult(
        target=TargetInfo(url="https://shop.example/", started_at="2025-03-01T10:15:00+00:00", duration_s=83.4),
        pages=pages, checks=checks, findings=[f for c in checks for f in c.findings], fail_on=fail_on,
        errors=["timeout on https://shop.example/slow <b>"], checkout=[walk],
    )


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
    for finding in data["findings"]:
        assert set(finding) >= {"id", "check", "rule", "severity", "title", "message", "url", "evidence", "why",
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
    for needle in ("2025-03-01 10:15 UTC", "1 min 23 s", "2 findings at or above high", "KeyError: '<x>'",
                   "timeout on https://shop.example/slow <b>", "15,00 zł"):
        assert needle in text, needle


def test_html_is_inert_against_hostile_store_text():
    page = reports.render_html(make_result())
    doc = lxml_html.document_fromstring(page)
    assert doc.xpath("//script") == []
    assert doc.xpath("//img | //link | //iframe | //object | //embed | //svg | //base | //form") == []
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
    assert "1 critical" in contact_row and "1 high" in contact_row and "Contact" in contact_row
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
    assert [th.text_content() for th in matrix.xpath("./thead/tr/th")] == ["Page", "Type", "Phone", "Email", "Chat"]
    rows = matrix.xpath("./tbody/tr")
    assert len(rows) == 4  # the string row is skipped, the row with garbage channels kept with no marks
    marks = [[("✓" in td.text_content()) for td in row.xpath("./td[contains(@class,'mark')]")] for row in rows]
    assert marks == [[True, True, False], [True, True, True], [False, False, False], [False, False, False]]
    assert rows[1].xpath(".//a") == [] and IMG_URL in rows[1].text_content()
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
    result.checks[2].details = {"tree": chain}
    result.checks[3].details = {"matrix": {"not": "a list"}, "channels": ["phone"]}
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
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("6", "2", "1", "2")
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
# report.html in a real browser
# --------------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_html_report_in_a_real_browser_makes_no_request_and_runs_nothing(tmp_path, browser_path):
    from playwright.sync_api import sync_playwright

    from auditor.browser import launch_args

    path = reports.write_reports(make_result(), tmp_path, ["html"])["html"]
    url = path.resolve().as_uri()
    requests: list[str] = []
    console: list[tuple[str, str]] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=launch_args(), headless=True)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: console.append((m.type, m.text)))
            page.on("pageerror", lambda e: console.append(("error", str(e))))

            def on_dialog(dialog):
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(url, wait_until="load")
            page.wait_for_timeout(300)
            title = page.title()
            scripts = page.evaluate("document.scripts.length")
            h1 = page.inner_text("h1")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            page.emulate_media(media="print")
            pdf_ok = page.evaluate("matchMedia('print').matches")
        finally:
            browser.close()
    assert requests == [url]
    assert [c for c in console if c[0] in ("error", "warning")] == []
    assert dialogs == []
    assert scripts == 0
    assert "clearcart report" in title and "shop.example" in h1
    assert overflow <= 1  # reads on a phone without sideways scrolling
    assert pdf_ok
