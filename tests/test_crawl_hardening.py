"""Crawl and input hardening (issue 9, part 3): each hostile case reproduced on a small local store.

The stores are in :mod:`fixtures.rough.server`; the real-browser tests crawl them with Chromium.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from auditor.crawl import (
    MAX_LINKS,
    crawl,
    help_topic,
    keep_links,
    read_capped,
    redact_url,
    retry_after_seconds,
    split_credentials,
    validate_start_url,
)
from auditor.errors import UsageError
from auditor.model import Artifacts, CrawlSettings
from fixtures.rough import server as rough
from fixtures.rough.server import RoughStore
from tests.conftest import ROOT, run_cli

# ------------------------------------------------------------------------------------------------ helpers


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry))
    return out


def descendants(pid: int) -> list[int]:
    tree, out, stack = _children(), [], [pid]
    while stack:
        for child in tree.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def chromium_descendants(pid: int) -> list[int]:
    found = []
    for child in descendants(pid):
        try:
            if b"chrom" in Path(f"/proc/{child}/cmdline").read_bytes().lower() and alive(child):
                found.append(child)
        except OSError:
            continue
    return found


# ------------------------------------------------------------------------------------------------ pure parts


def test_credentials_keep_their_case_and_leave_every_url():
    bare, creds = split_credentials("https://Shop:S3cret%40Pass@Shop.Example.com:8443/start?x=1")
    assert creds == {"username": "Shop", "password": "S3cret@Pass"}
    assert "S3cret" not in bare and "Shop:" not in bare
    assert validate_start_url("https://user:Secret@shop.example.com/") == "https://shop.example.com/"
    assert redact_url("cannot reach http://user:Secret@127.0.0.1:9/x: refused") == \
        "cannot reach http://127.0.0.1:9/x: refused"
    with pytest.raises(UsageError) as info:
        validate_start_url("ftp://user:Secret@shop/")
    assert "Secret" not in info.value.message


@pytest.mark.parametrize("value, expected", [("7", 7.0), ("0", 0.0), ("", None), ("soon", None), (None, None)])
def test_retry_after_seconds(value, expected):
    assert retry_after_seconds(value) == expected


def test_retry_after_http_date():
    assert retry_after_seconds("Thu, 01 Jan 2099 00:00:10 GMT", now=4070908800.0) == pytest.approx(10.0)


def test_gzip_bomb_and_oversized_bodies_are_refused():
    bomb = rough.gzip_bomb(20 * 1024 * 1024)
    with pytest.raises(ValueError, match="gzip bomb"):
        read_capped(bomb, gzipped=True)
    with pytest.raises(ValueError, match="larger than"):
        read_capped(b"x" * 2048, gzipped=False, limit=1024)
    small = zlib.compress(b"<urlset/>", wbits=31)
    assert read_capped(small, gzipped=True) == b"<urlset/>"


def test_links_past_the_cap_drop_menu_links_never_the_footer():
    links = [{"url": f"https://s.example/c/{i}", "text": f"C{i}", "region": "nav"} for i in range(MAX_LINKS + 500)]
    links.append({"url": "https://s.example/returns", "text": "Returns", "region": "footer"})
    kept = keep_links(links)
    assert len(kept) == MAX_LINKS and kept[-1]["url"] == "https://s.example/returns"
    assert keep_links(links[:900]) == links[:900]  # a 900-link menu is kept whole


@pytest.mark.parametrize("url, text, topic", [
    ("https://s.example/zwroty", "", "returns"),
    ("https://s.example/x", "Returns", "returns"),
    ("https://s.example/kontakt", "", "contact"),
    ("https://s.example/pomoc/faq", "", "faq"),
    ("https://s.example/c/12", "Dresses", ""),
])
def test_help_topic(url, text, topic):
    assert help_topic(url, text) == topic


def test_tampered_artifact_paths_are_confined(tmp_path):
    from tests.artifact_factory import artifacts, page

    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:TOP-SECRET", encoding="utf-8")
    folder = tmp_path / "out" / "artifacts"
    arts = artifacts(page("/", "home", depth=0, text="Welcome"), page("/faq", "faq", depth=1, text="Questions"))
    arts.save(folder)
    data = json.loads((folder / "artifacts.json").read_text())
    data["pages"][0]["html_file"] = "../../secret.txt"
    data["pages"][0]["screenshot"] = str(outside)
    data["pages"][1]["html_file"] = "pages/../../../secret.txt"
    (folder / "artifacts.json").write_text(json.dumps(data))

    loaded = Artifacts.load(folder)
    assert [p.html_file for p in loaded.pages] == ["", ""] and loaded.pages[0].screenshot == ""
    assert loaded.read_html(loaded.pages[0]) == ""
    assert any("outside the artifacts folder" in e for e in loaded.errors)

    done = run_cli("check", str(folder), "--format", "html,json,md", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    for name in ("report.html", "report.json", "summary.md"):
        assert "TOP-SECRET" not in (tmp_path / "out" / name).read_text(encoding="utf-8")


def test_a_full_disk_is_a_usage_error_naming_the_file(tmp_path, monkeypatch):
    import errno

    from tests.artifact_factory import artifacts, page

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(UsageError) as info:
        artifacts(page("/", "home", depth=0)).save(tmp_path / "artifacts")
    assert info.value.exit_code == 2
    assert "No space left on device" in info.value.message and "artifacts.json" in info.value.message


def test_unwritable_out_is_exit_2_with_the_path(tmp_path):
    """A read-only --out folder (for root, who may write anywhere, a folder in the kernel's /sys)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    target = locked / "report" if os.geteuid() != 0 else Path("/sys/clearcart-report")
    try:
        done = run_cli("scan", "http://127.0.0.1:9/", "--out", str(target), "--checkout-products", "0")
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert f"cannot write {target}" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_reports_to_a_file_path_are_exit_2_with_the_path(tmp_path):
    """Writing into a path that is a file fails for root too (the "unwritable --out" of CI runners)."""
    from tests.artifact_factory import artifacts, page

    folder = tmp_path / "artifacts"
    artifacts(page("/", "home", depth=0, text="Welcome")).save(folder)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run_cli("check", str(folder), "--out", str(blocker / "reports"), "--format", "json")
    assert done.returncode == 2, done.stderr
    assert str(blocker) in done.stderr and "internal error" not in done.stderr and "Traceback" not in done.stderr
    done = run_cli("scan", "http://127.0.0.1:9/", "--out", str(blocker / "scan"), "--checkout-products", "0")
    assert done.returncode == 2 and str(blocker) in done.stderr and "internal error" not in done.stderr


@pytest.mark.parametrize("toml, named", [
    ("[scan]\nmax-pages = 0\n", "scan.max-pages"),
    ("[scan]\nconcurrency = 99\n", "scan.concurrency"),
    ("[scan]\npage-timeout = \"fast\"\n", "scan.page-timeout"),
    ("[scan]\npage-timeout = 1\n", "scan.page-timeout"),
    ("[scan]\ndisable = [1, 2]\n", "scan.disable"),
    ("[checks.click-depth]\nmax_help_depth = \"two\"\n", "checks.click-depth.max_help_depth"),
    ("[checks.return-policy]\nmax_clicks = -1\n", "checks.return-policy.max_clicks"),
    ("[checks]\nclick-depth = 3\n", "checks.click-depth"),
])
def test_bad_config_values_exit_2_naming_the_key(tmp_path, toml, named):
    config = tmp_path / "clearcart.toml"
    config.write_text(toml, encoding="utf-8")
    done = run_cli("scan", "http://127.0.0.1:9/", "--config", str(config), "--out", str(tmp_path / "o"))
    assert done.returncode == 2, done.stderr
    assert named in done.stderr and "internal error" not in done.stderr


def test_store_text_is_never_console_markup(monkeypatch):
    from rich.console import Console

    from auditor.cli import _Console, _say_unread

    monkeypatch.delenv("CI", raising=False)
    buffer = io.StringIO()
    console = _Console(False, Console(file=buffer, force_terminal=True, width=300, highlight=False))
    hostile = "http://shop.example/[bold red]x[/]/[link=https://evil.example]y[/link]"
    with console:
        console("page", url=hostile)
        console("stage", name="[blink]Checkout")
        console.say("title: [bold red]x[/] :smile: [link=https://evil.example]click[/link]")
        _say_unread(console, Artifacts(start_url="http://shop.example/", unread=[
            {"url": hostile, "reason": "robots", "topic": "returns"}]))
    out = buffer.getvalue()
    assert "[bold red]x[/] :smile: [link=https://evil.example]click[/link]" in out
    assert "[bold red]x[/]/[link=https://evil.example]y[/link] (returns)" in out
    assert "evil.example" not in out.replace("[link=https://evil.example]", "")  # never a hyperlink escape
    assert "\x1b]8;" not in out  # no OSC 8 hyperlink was emitted


# ------------------------------------------------------------------------------------------------ real browser


@pytest.mark.browser
def test_a_page_that_spins_for_ever_is_abandoned_and_the_crawl_goes_on(tmp_path, browser_path):
    started = time.monotonic()
    with RoughStore(rough.spinning()) as store:
        arts = crawl(store.url, tmp_path / "artifacts", CrawlSettings(page_timeout_s=12, concurrency=2))
    took = time.monotonic() - started
    by_path = {p.url.replace(store.url.rstrip("/"), ""): p for p in arts.pages}
    spin = by_path["/product/spin"]
    assert "abandoned" in spin.error and not spin.is_ok
    assert by_path["/product/calm"].is_ok and by_path["/product/calm"].page_type == "product"
    assert all(by_path[p].is_ok for p in ("/returns", "/contact", "/faq"))
    assert any(u.url.endswith("/product/spin") and u.reason == "failed" for u in arts.unread)
    assert took < 120  # the deadline, not for ever
    assert chromium_descendants(os.getpid()) == []  # the stuck renderer did not outlive the crawl


@pytest.mark.browser
def test_a_mega_menu_does_not_hide_the_footer_returns_link(tmp_path, browser_path, monkeypatch):
    from auditor import crawl as crawl_module

    monkeypatch.setattr(crawl_module, "MAX_HTML_BYTES", 20_000)  # the home page's 900 links are past it
    with RoughStore(rough.mega_menu(900)) as store:
        arts = crawl(store.url, tmp_path / "artifacts", CrawlSettings(max_pages=12, concurrency=4))
    home = arts.pages[0]
    # saved HTML is capped per page, and the cut is recorded
    assert home.html_truncated and (tmp_path / "artifacts" / home.html_file).stat().st_size == 20_000
    returns = next(p for p in arts.pages if p.url.endswith("/returns"))
    assert not returns.html_truncated and "30 days" in arts.read_html(returns)
    assert len(home.links) >= 903
    assert any(link.url.endswith("/returns") and link.region == "footer" for link in home.links)
    read = {p.url.rsplit("/", 1)[1]: p for p in arts.ok_pages()}
    assert {"returns", "contact", "faq"} <= set(read)  # help links go first when the budget cannot hold a level
    budget = [u for u in arts.unread if u.reason == "budget"]
    assert len(budget) >= 800 and all(not u.topic for u in budget)


@pytest.mark.browser
@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured_once(tmp_path, browser_path, status):
    with RoughStore(rough.rate_limited(status, "1")) as store:
        arts = crawl(store.url, tmp_path / "artifacts", CrawlSettings(concurrency=2))
        hits = dict(store.hits)
    pages = {p.url.replace(store.url.rstrip("/"), ""): p for p in arts.pages}
    assert pages["/"].status == 200 and pages["/returns"].status == 200 and pages["/returns"].is_ok
    assert hits["/"] == 2 and hits["/returns"] == 2  # asked once more after the wait, not hammered


@pytest.mark.browser
def test_a_retry_after_past_the_bound_is_not_waited_for(tmp_path, browser_path):
    from auditor.errors import CannotRunError

    started = time.monotonic()
    with RoughStore(rough.rate_limited(429, "3600")) as store:
        with pytest.raises(CannotRunError) as info:
            crawl(store.url, tmp_path / "artifacts", CrawlSettings())
        hits = dict(store.hits)
    assert "HTTP 429" in info.value.message and hits["/"] == 1
    assert time.monotonic() - started < 60


@pytest.mark.browser
def test_off_site_redirects_robots_rules_and_sitemaps(tmp_path, browser_path):
    with RoughStore(rough.other_site()) as other:
        with RoughStore(rough.offsite(other.url.rstrip("/"))) as store:
            arts = crawl(store.url, tmp_path / "artifacts", CrawlSettings(concurrency=2))
            mine, theirs = dict(store.hits), dict(other.hits)
    base = store.url.rstrip("/")
    ok = {p.url.replace(base, "") for p in arts.ok_pages()}
    # the partner link redirected to another site: recorded, never read as the store
    partner = next(p for p in arts.pages if p.url.endswith("/partner"))
    assert partner.error.startswith("redirected to another site") and not partner.is_ok
    assert any(u.reason == "offsite" and "/landing" in u.detail for u in arts.unread)
    assert not any(other.url.rstrip("/") in p.final_url for p in arts.ok_pages())
    # robots.txt by protego: Allow precedence and wildcards
    assert "/private/open-day.html" in ok
    assert "/private/secret" not in ok and "/list?sort=price" not in ok
    robots = {u.url.replace(base, "") for u in arts.unread if u.reason == "robots"}
    assert {"/private/secret", "/list?sort=price"} <= robots
    assert "/private/secret" not in mine and "/list" not in mine
    # the relative Sitemap: line was resolved; the page only the sitemap knows was read
    assert "/only-in-sitemap" in ok and mine.get("/sitemaps/index.xml") == 1
    # the bomb was fetched once and refused; the other site's sitemaps were never asked for
    assert mine.get("/sitemaps/bomb.xml.gz") == 1 and any("gzip bomb" in e for e in arts.errors)
    assert "/sitemap.xml" not in theirs and "/sitemaps/pages.xml" not in theirs and "/foreign-page" not in theirs


@pytest.mark.browser
def test_a_start_url_that_redirects_to_another_site_is_refused(tmp_path, browser_path):
    with RoughStore(rough.other_site()) as other:
        pages = {"/": rough.Page("", status=302, headers={"Location": other.url + "landing"})}
        with RoughStore(pages) as store:
            with pytest.raises(UsageError) as info:
                crawl(store.url, tmp_path / "artifacts", CrawlSettings())
    assert "another site" in info.value.message and info.value.exit_code == 2


@pytest.mark.browser
def test_blocked_help_pages_are_named_and_checks_need_review(tmp_path, browser_path):
    pages = rough.spinning()
    del pages["/product/spin"]
    pages["/robots.txt"] = rough.Page("User-agent: *\nDisallow: /returns\nDisallow: /faq\n",
                                      headers={"Content-Type": "text/plain"})
    out = tmp_path / "report"
    with RoughStore(pages) as store:
        done = run_cli("scan", store.url, "--out", str(out), "--checkout-products", "0", "--format", "json,md,html",
                       "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    assert "not read, blocked by robots.txt" in done.stderr and "/returns (returns)" in done.stderr
    report = json.loads((out / "report.json").read_text())
    unread = {(u["url"].rsplit("/", 1)[1], u["reason"], u["topic"]) for u in report["unread"]}
    assert {("returns", "robots", "returns"), ("faq", "robots", "faq")} <= unread
    status = {c["id"]: c["status"] for c in report["checks"]}
    assert status["return-policy"] == "needs-review" and status["click-depth"] == "needs-review"
    assert "Pages not read" in (out / "summary.md").read_text()
    assert "Pages not read" in (out / "report.html").read_text()


@pytest.mark.browser
def test_credentials_in_the_url_keep_their_case_and_never_reach_any_output(tmp_path, browser_path):
    secret = "S3cretPass"
    out = tmp_path / "report"
    with RoughStore(rough.spinning(), auth=f"Shop:{secret}") as store:
        del store.pages["/product/spin"]
        url = store.url.replace("http://", f"http://Shop:{secret}@")
        done = run_cli("scan", url, "--out", str(out), "--checkout-products", "0", "--fail-on", "never")
        refused = store.refused
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    assert len([p for p in report["pages"] if p["status"] == 200]) >= 4  # authenticated: the case was kept
    token = base64.b64encode(f"Shop:{secret}".encode()).decode()
    leaks = [str(path) for path in out.rglob("*") if path.is_file()
             and (secret.encode() in path.read_bytes() or token.encode() in path.read_bytes()
                  or secret.lower().encode() in path.read_bytes())]
    assert leaks == []
    assert secret not in done.stdout + done.stderr and token not in done.stdout + done.stderr
    assert refused < 20  # challenged at most once per connection, not refused page after page


@pytest.mark.browser
@pytest.mark.parametrize("sig, code, words", [(signal.SIGTERM, 143, "stopped by SIGTERM"),
                                              (signal.SIGINT, 130, "interrupted (Ctrl-C)")])
def test_a_stopped_scan_keeps_what_it_gathered_and_leaves_no_browser(tmp_path, browser_path, sig, code, words):
    out = tmp_path / "report"
    env = dict(os.environ, CI="true", PYTHONUNBUFFERED="1")
    with RoughStore(rough.slow(pages=40, delay=1.0)) as store:
        proc = subprocess.Popen([sys.executable, "-m", "auditor.cli", "scan", store.url, "--out", str(out),
                                 "--concurrency", "2", "--checkout-products", "0"],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while sum(n for p, n in store.hits.items() if p.startswith("/p/")) < 4 and time.monotonic() < deadline:
                time.sleep(0.2)
            browsers = chromium_descendants(proc.pid)
            assert browsers, "the scan should be running a browser by now"
            proc.send_signal(sig)
            stdout, stderr = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == code, stderr
    assert words in stderr and "kept in" in stderr and "Traceback" not in stderr
    saved = json.loads((out / "artifacts" / "artifacts.json").read_text())
    assert len(saved["pages"]) >= 2 and any("interrupted" in e for e in saved["errors"])
    time.sleep(0.5)
    assert [pid for pid in browsers if alive(pid)] == []


# ------------------------------------------------------------------------------------------------ checks on unread


def _site_with_unread(topic_url: str, text: str, reason: str = "robots"):
    from tests.artifact_factory import artifacts, page

    home = page("/", "home", depth=0, text="Welcome to the shop. Linen dresses and shirts.",
                links=[["/dresses", "Dresses"], [topic_url, text]])
    listing = page("/dresses", "category", path=["Dresses"], text="Dresses")
    unread = [{"url": "https://shop.example" + topic_url, "reason": reason, "link_text": text,
               "found_on": "https://shop.example/", "topic": help_topic(topic_url, text)}]
    return artifacts(home, listing, unread=unread)


@pytest.mark.parametrize("reason", ["robots", "budget", "failed", "offsite"])
def test_return_policy_needs_review_when_the_linked_returns_page_was_not_read(reason):
    import checks.return_policy as return_policy
    from auditor.runner import run_check

    res = run_check(return_policy, _site_with_unread("/returns", "Returns", reason))
    assert res.status == "needs-review" and "https://shop.example/returns" in res.summary
    assert res.findings == [] and res.details["unread"][0]["reason"] == reason


def test_contact_and_click_depth_need_review_when_the_contact_page_was_not_read():
    import checks.click_depth as click_depth
    import checks.contact_options as contact_options
    from auditor.runner import run_check

    arts = _site_with_unread("/kontakt", "Kontakt")
    contact = run_check(contact_options, arts)
    assert contact.status == "needs-review" and "/kontakt" in contact.summary
    assert not {f.rule for f in contact.findings} & {"no-direct-channel", "contact-only-deep"}
    depth = run_check(click_depth, arts)
    assert depth.status == "needs-review" and "contact page is linked but was not read" in depth.summary
    assert not any(f.rule == "help-page-missing" and f.evidence.get("kind") == "contact" for f in depth.findings)
    # without the unread record the same site fails: the status really comes from the page not read
    arts.unread = []
    # (click-depth leaves a missing help page to the checks that report it, so it passes then)
    assert run_check(contact_options, arts).status == "fail" and run_check(click_depth, arts).status == "pass"


def test_faq_gaps_needs_review_when_the_faq_page_was_not_read():
    import checks.faq_gaps as faq_gaps
    from auditor.model import TicketsArtifact, TicketTopic
    from auditor.runner import run_check

    arts = _site_with_unread("/faq", "FAQ")
    arts.tickets = TicketsArtifact(imported=100, topics=[
        TicketTopic(id="invoices", label="Invoices and VAT", count=12, share=0.12, examples=["x"])])
    res = run_check(faq_gaps, arts)
    assert res.status == "needs-review" and "https://shop.example/faq" in res.summary
    arts.unread = []
    assert run_check(faq_gaps, arts).status == "fail"


@pytest.mark.browser
def test_a_checkout_walk_on_a_page_that_spins_for_ever_is_abandoned_and_the_scan_goes_on(tmp_path, browser_path):
    """The walk's own deadline: every ``page.evaluate`` on a spinning page would wait for ever."""
    from auditor.checkout import Walker
    from auditor.gather import walk_within
    from auditor.model import PageArtifact

    async def go(url):
        from auditor.browser import launch

        async with launch() as browser:
            product = PageArtifact(url=url, final_url=url, status=200, depth=1, page_type="product", title="Spin")
            return await walk_within(Walker(tmp_path), browser, product, 0, timeout_s=12)

    started = time.monotonic()
    with RoughStore(rough.spinning()) as store:
        walk = asyncio.run(go(store.url.rstrip("/") + "/product/spin"))
    assert not walk.completed and "abandoned after 12 s" in walk.stuck_reason
    assert time.monotonic() - started < 90
    assert chromium_descendants(os.getpid()) == []
