"""End to end, in a real browser: a hostile store (fixtures/hostile) and a hostile ticket export produce reports
in which nothing executes.

The store puts ``<script>``, ``</script>``, ``onerror=`` / ``onload=`` / ``onmouseover=`` attributes and
``javascript:`` URLs into titles, headings, link texts, prices, JSON-LD, FAQ entries, contact links and ticket
subjects and bodies. ``clearcart scan --tickets`` runs on it with the real CLI; report.html, summary.md
(rendered as Markdown with raw HTML allowed, the way a CI job summary is) and junit.xml are then opened in
headless Chromium with the page's Content-Security-Policy bypassed — so the test proves the escaping itself,
not only the CSP — recording console messages, dialogs, requests and the ``window.__pwned`` sentinel every
payload tries to set. A control page with one payload written raw shows the harness catches what it should.
"""

from __future__ import annotations

import asyncio
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fixtures.hostile import payloads as p
from fixtures.hostile.server import TICKETS, HostileStore, ticket_rows
from tests.conftest import run_cli

pytestmark = pytest.mark.browser

# the beginning of a payload: enough to show the markup arrived as text (reports shorten long strings)
def _head(marker: str) -> str:
    return f"XSS-{marker}</title></textarea></script><script>window.{p.SENTINEL}='{marker}'"


# payloads that must be visible, as text, in report.html: page titles (pages list, click tree), JSON-LD (product
# evidence), a link text with both quote characters (click path), a javascript: URL (evidence, text only) and
# ticket subjects (faq-gaps examples)
HTML_MUST_SHOW = {
    "home title": _head("HOME"),
    "product title": _head("TITLE"),
    "FAQ page title": _head("FAQTITLE"),
    "JSON-LD product name": _head("LDNAME"),
    "attribute breaker": f"XSS-ATTR\"' onmouseover=\"window.{p.SENTINEL}='ATTR'\"",
    "javascript: URL": f"javascript:window.{p.SENTINEL}='LDIMAGE'",
    "ticket subject": _head("TSUBJ"),
}

WATCH = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    handlers: all.flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name)),
    active: document.querySelectorAll('script, iframe, frame, object, embed, applet, base, form').length,
    urls: all.flatMap(e => ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc']
                       .map(n => e.getAttribute(n)).filter(v => v !== null)),
    refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
    text: document.documentElement.textContent,
  };
}"""


PROVOKE = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  for (const e of document.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'load', 'error', 'toggle'])
      e.dispatchEvent(new Event(type, {bubbles: false}));
    if (typeof e.focus === 'function') e.focus();
  }
}"""


async def _open(url: str, provoke: bool = True) -> dict:
    """Open ``url`` (CSP bypassed) and report what ran: sentinel, dialogs, console, requests, and the DOM."""
    from auditor.browser import launch

    async with launch() as browser:
        context = await browser.new_context(bypass_csp=True)
        page = await context.new_page()
        seen: dict = {"dialogs": [], "console": [], "requests": [], "errors": []}

        async def on_dialog(dialog) -> None:
            seen["dialogs"].append(dialog.message)
            await dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda message: seen["console"].append(message.text))
        page.on("pageerror", lambda error: seen["errors"].append(str(error)))
        page.on("request", lambda request: seen["requests"].append(request.url))
        await page.goto(url, wait_until="load")
        if provoke:  # what an injected attribute would wait for: a pointer over it, focus, an opened <details>
            await page.evaluate(PROVOKE)
        await page.wait_for_timeout(300)
        seen.update(await page.evaluate(WATCH))
        await context.close()
    return seen


def _assert_inert(seen: dict, what: str) -> None:
    assert seen["pwned"] is None, f"{what}: a payload ran (window.__pwned = {seen['pwned']!r})"
    assert seen["dialogs"] == [], f"{what}: dialogs opened: {seen['dialogs']}"
    assert seen["errors"] == [], f"{what}: script errors: {seen['errors']}"
    assert seen["console"] == [], f"{what}: console messages: {seen['console']}"
    left = [u for u in seen["requests"] if not u.startswith(("file:", "data:"))]
    assert left == [], f"{what}: requests left the file: {left}"
    assert seen["handlers"] == [], f"{what}: event-handler attributes: {seen['handlers']}"
    assert seen["active"] == 0 and seen["refresh"] == 0, f"{what}: script/iframe/object/base/form elements"
    bad = [u for u in seen["urls"] if re.match(r"\s*(javascript|vbscript|data:text/html)", u, re.I)]
    assert bad == [], f"{what}: executable URLs: {bad}"


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory, browser_path) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    with HostileStore() as store:
        done = run_cli("scan", store.url, "--tickets", str(TICKETS), "--out", str(out), "--max-pages", "20",
                       "--checkout-products", "0")
    assert done.returncode == 1, done.stderr  # the hostile store has real findings at or above high
    assert "Traceback" not in done.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["tickets"]["imported"] == len(ticket_rows())
    assert {c["id"]: c["status"] for c in report["checks"]}["faq-gaps"] == "fail"
    return out


def test_ticket_export_matches_its_generator():
    expected = [[row["Subject"], row["Description"], row["Created at"]] for row in ticket_rows()]
    import csv

    with TICKETS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1:] == expected, "run `python -m fixtures.hostile.server --write-tickets`"


def test_the_harness_catches_an_unescaped_payload(tmp_path, browser_path):
    """Control: the same payloads written raw into a page are caught by every probe the tests rely on."""
    page = tmp_path / "raw.html"
    page.write_text(f"<!doctype html><title>x</title><p>{p.payload('RAW')}</p>"
                    f"<a href=\"{p.js_url('RAWLINK')}\">x</a><span title=\"{p.attribute_breaker('RAWATTR')}\">y</span>",
                    encoding="utf-8")
    seen = asyncio.run(_open(page.as_uri()))
    assert seen["pwned"] is not None and seen["dialogs"]
    assert any(p.LEAK_HOST in u for u in seen["requests"])
    assert seen["handlers"] and seen["active"]
    assert any(u.startswith("javascript:") for u in seen["urls"])
    with pytest.raises(AssertionError):
        _assert_inert(seen, "control")


def test_report_html_runs_nothing_and_shows_payloads_as_text(hostile_out):
    raw = (hostile_out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<\s*script", raw, re.I), "report.html has a script element"
    assert not re.search(r"""<[^>]*\son[a-z]+\s*=""", raw, re.I), "report.html has an event-handler attribute"
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", raw, re.I)
    assert re.search(r"""<meta http-equiv="Content-Security-Policy" content="default-src 'none';""", raw)
    seen = asyncio.run(_open((hostile_out / "report.html").as_uri()))
    _assert_inert(seen, "report.html")
    text = seen["text"]
    missing = {name: value for name, value in HTML_MUST_SHOW.items() if value not in text}
    assert not missing, f"payloads not shown as text in report.html: {missing}"


def test_summary_md_is_inert_rendered_as_markdown(hostile_out):
    from markdown_it import MarkdownIt

    source = (hostile_out / "summary.md").read_text(encoding="utf-8")
    assert "XSS-" in source, "no store text reached summary.md: the test would prove nothing"
    tags = set(re.findall(r"</?([a-zA-Z][\w-]*)", source))
    assert tags <= {"details", "summary", "sub"}, f"store markup in summary.md: {tags}"
    assert not re.search(r"\]\(\s*javascript:", source, re.I)
    assert "&lt;script&gt;" in source  # the payloads are there, escaped
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(source)
    page = hostile_out / "summary-rendered.html"
    page.write_text(f"<!doctype html><meta charset=utf-8><title>summary</title>{rendered}", encoding="utf-8")
    seen = asyncio.run(_open(page.as_uri()))
    _assert_inert(seen, "summary.md")
    assert _head("LDNAME")[:60] in seen["text"]  # shown as text, shortened by the Markdown renderer


def test_junit_xml_is_valid_and_inert(hostile_out):
    path = hostile_out / "junit.xml"
    root = ET.parse(path).getroot()  # well-formed XML despite the store's text
    assert root.tag == "testsuites"
    texts = " ".join(filter(None, (e.text for e in root.iter()))) + " ".join(
        v for e in root.iter() for v in e.attrib.values())
    assert _head("LDNAME")[:40] in texts  # the payload survives as text, escaped in the file
    raw = path.read_text(encoding="utf-8")
    assert "<script" not in raw and "XSS-LDNAME&lt;/title&gt;" in raw
    seen = asyncio.run(_open(path.as_uri(), provoke=False))  # Chromium renders XML: an XHTML script would run
    _assert_inert(seen, "junit.xml")


def test_report_json_keeps_store_text_as_data(hostile_out):
    report = json.loads((hostile_out / "report.json").read_text(encoding="utf-8"))
    dump = json.dumps(report, ensure_ascii=False)
    assert _head("TITLE") in dump and _head("TSUBJ") in dump  # data, unchanged: escaping is the renderers' job
    assert "leak.invalid" in dump
