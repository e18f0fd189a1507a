"""The demo store (fixtures/store) over plain HTTP, no browser: pages, robots.txt and sitemap, structured data,
the basket and checkout, 404/PDF/HEAD, the generated catalog, no request leaving 127.0.0.1 — and every
variant's expected.json agreeing with the real checks run on a static breadth-first crawl of it."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import urllib.robotparser
from collections import Counter
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import extruct
import lxml.html
import pytest
from lxml import etree

import checks
from auditor import widgets
from auditor.crawl import Crawler, _followable, normalize_url, same_site
from auditor.model import Artifacts, Form, FormField, Link, PageArtifact
from auditor.pagetype import classify
from auditor.runner import run_check
from fixtures.store import i18n
from fixtures.store import variants as variant_flags
from fixtures.store.server import DemoStore, expected, variants

ROOT = Path(__file__).resolve().parent.parent
SCANNABLE = [v for v in variants() if "scan_exit_code" not in expected(v)]
CONSENTED = "cookie_consent=all"
EURO = re.compile(r"^\d{1,3}(?:\.\d{3})*,\d{2} €$")
DELIVERY_NOTE = "Delivery in 2-4 working days, 4,90 €, free from 100,00 €"


# ------------------------------------------------------------------------------------------------ helpers


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def tree(self):
        return lxml.html.document_fromstring(self.body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, method: str = "GET", form: dict | None = None, cookie: str | None = CONSENTED,
          opener: urllib.request.OpenerDirector | None = None, follow: bool = True) -> Reply:
    data = urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if cookie and opener is None:  # with a cookie jar, the jar sends the cookies
        request.add_header("Cookie", cookie)
    if opener is None:
        opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return Reply(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


@pytest.fixture(scope="module")
def stores():
    """One running store per variant for the whole module."""
    started: dict[str, DemoStore] = {}

    def get(variant: str) -> DemoStore:
        if variant not in started:
            started[variant] = DemoStore(variant).start()
        return started[variant]

    yield get
    for store in started.values():
        store.stop()


# ------------------------------------------------------------------------------------------------ static crawl

BLOCKS = {"p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "ul", "ol", "br",
          "address", "summary", "dt", "dd", "table", "nav", "header", "footer", "main", "article", "form", "label",
          "fieldset", "legend", "details", "button"}


def visible_text(node) -> str:
    """Roughly a browser's innerText: no scripts/styles, no hidden elements, no closed <details> bodies."""
    node = lxml.html.fromstring(lxml.html.tostring(node))
    for bad in node.xpath(".//script|.//style|.//noscript|.//template|.//*[@hidden]"):
        bad.drop_tree()
    for details in node.xpath(".//details[not(@open)]"):
        for child in list(details):
            if child.tag != "summary":
                child.drop_tree()
    for element in node.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return re.sub(r"[ \t]+", " ", node.text_content()).strip()


def region_of(element) -> str:
    ancestors = list(element.iterancestors())
    checks_in_order = [
        ("footer", lambda e: e.tag == "footer" or e.get("role") == "contentinfo"),
        ("dialog", lambda e: e.get("role") == "dialog" or e.tag == "dialog" or e.get("aria-modal") == "true"),
        ("nav", lambda e: e.tag == "nav" or e.get("role") == "navigation"),
        ("header", lambda e: e.tag == "header" or e.get("role") == "banner"),
        ("aside", lambda e: e.tag == "aside" or e.get("role") == "complementary"),
        ("main", lambda e: e.tag == "main" or e.get("role") == "main"),
    ]
    for name, test in checks_in_order:
        if any(test(a) for a in [element, *ancestors]):
            return name
    return "other"


def link_text(anchor) -> str:
    text = " ".join(anchor.text_content().split())
    if not text:
        text = anchor.get("aria-label") or anchor.get("title") or ""
    if not text:
        img = anchor.find(".//img[@alt]")
        text = img.get("alt") if img is not None else ""
    return text[:200]


def page_artifact(url: str, reply: Reply, depth: int | None, click_path: list[str], parent: str | None,
                  home: str, out: Path, number: int) -> PageArtifact:
    """What the crawler records for a page, read from the served HTML (no JavaScript)."""
    html = reply.text
    root = reply.tree()
    links, tel, mailto = [], [], []
    for anchor in root.xpath("//a[@href]"):
        raw = anchor.get("href").strip()
        if raw.lower().startswith("tel:"):
            tel.append(raw[4:])
        elif raw.lower().startswith("mailto:"):
            mailto.append(raw[7:].split("?")[0])
        elif not raw.lower().startswith(("javascript:", "data:")):
            links.append(Link(url=urljoin(url, raw), text=link_text(anchor), region=region_of(anchor)))
    inline = "\n".join((s.text or "").lower() for s in root.xpath("//script[not(@src)]"))
    forms = []
    for form in root.xpath("//form"):
        fields = []
        for field_ in form.xpath(".//input|.//select|.//textarea"):
            kind = (field_.get("type") or field_.tag).lower()
            if kind in ("hidden", "submit", "button", "image", "reset"):
                continue
            label = root.xpath(f"//label[@for='{field_.get('id')}']") if field_.get("id") else []
            fields.append(FormField(name=field_.get("name") or "",
                                    type="select-one" if field_.tag == "select" else kind,
                                    label=" ".join(label[0].text_content().split()) if label else "",
                                    required=field_.get("required") is not None))
        forms.append(Form(action=urljoin(url, form.get("action") or ""), method=(form.get("method") or "get").lower(),
                          text=" ".join(form.text_content().split())[:1000], fields=fields))
    footer = root.find(".//footer")
    structured = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata", "opengraph"], uniform=True,
                                 errors="ignore")
    title = " ".join((root.findtext(".//title") or "").split())
    headings = [" ".join(h.text_content().split()) for h in root.iter("h1", "h2", "h3")]
    page_type, reasons = classify(url, home, title, headings, structured)
    if depth == 0:
        page_type, reasons = "home", ["the start page"]
    html_file = f"pages/{number:03d}.html"
    (out / html_file).write_text(html, encoding="utf-8")
    return PageArtifact(
        url=url, final_url=url, status=reply.status, content_type=reply.headers.get("content-type", ""),
        title=title, lang=root.get("lang", ""), depth=depth, click_path=click_path, parent_url=parent,
        page_type=page_type, type_reasons=reasons, text=visible_text(root.find("body")), headings=headings,
        footer_text=visible_text(footer) if footer is not None else "", links=links, structured=structured,
        scripts=[urljoin(url, s.get("src")) for s in root.xpath("//script[@src]")],
        inline_script_hints=[m for m in widgets.all_snippets() if m in inline],
        iframes=[urljoin(url, f.get("src")) for f in root.xpath("//iframe[@src]")],
        forms=forms, tel_links=tel, mailto_links=mailto, html_file=html_file,
    )


@dataclass
class StaticCrawl:
    artifacts: Artifacts
    replies: dict[str, Reply] = field(default_factory=dict)

    def page(self, path: str) -> PageArtifact:
        url = self.artifacts.home_url.rstrip("/") + path
        return next(p for p in self.artifacts.pages if p.final_url == url)


def static_crawl(store: DemoStore, out: Path) -> StaticCrawl:
    """Breadth-first over <a href> links like auditor.crawl (robots.txt respected, sitemap-only pages last,
    without a depth), but every page and every product, and no JavaScript."""
    (out / "pages").mkdir(parents=True, exist_ok=True)
    home = store.url
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(fetch(home + "robots.txt").text.splitlines())
    artifacts = Artifacts(start_url=home, home_url=home, robots_txt_found=True)
    crawl = StaticCrawl(artifacts)
    seen = {home}
    level = [(home, 0, [], None)]
    while level:
        following = []
        for url, depth, path, parent in level:
            reply = fetch(url)
            crawl.replies[url] = reply
            if reply.status != 200 or "html" not in reply.headers.get("content-type", ""):
                continue
            page = page_artifact(url, reply, depth, path, parent, home, out, len(artifacts.pages) + 1)
            artifacts.pages.append(page)
            for link in page.links:
                target = normalize_url(link.url)
                if not target or target in seen or not same_site(target, home) or not _followable(target):
                    continue
                seen.add(target)
                if not robots.can_fetch("clearcart", target):
                    artifacts.robots_disallowed.append(target)
                    continue
                following.append((target, depth + 1, [*path, link.text or target], url))
        level = following
    sitemap = etree.fromstring(fetch(home + "sitemap.xml").body)
    artifacts.sitemap_urls = [loc.text.strip() for loc in sitemap.iter("{*}loc")]
    for url in artifacts.sitemap_urls:
        if url not in seen:
            seen.add(url)
            reply = fetch(url)
            crawl.replies[url] = reply
            artifacts.pages.append(page_artifact(url, reply, None, [], None, home, out, len(artifacts.pages) + 1))
    Crawler._post_classify(artifacts)
    artifacts.base_dir = str(out)
    return crawl


@pytest.fixture(scope="module")
def crawls(stores, tmp_path_factory):
    cache: dict[str, StaticCrawl] = {}

    def get(variant: str) -> StaticCrawl:
        if variant not in cache:
            cache[variant] = static_crawl(stores(variant), tmp_path_factory.mktemp(f"static-{variant}"))
        return cache[variant]

    return get


# ------------------------------------------------------------------------------------------------ the tests


def test_variant_names_and_expected_files():
    assert variants()[0] == "good"
    assert {"good", "deep", "poor-contact", "no-contact", "blocked"} <= set(variants())
    assert {"pl", "uk", "sk"} <= set(variants())  # language variants
    for variant in variants():
        spec = expected(variant)
        assert spec["variant"] == variant and spec["description"]
        assert isinstance(spec["checks"], dict)
    assert expected("blocked") == {**expected("blocked"), "scan_exit_code": 3, "checks": {}}
    with pytest.raises(ValueError):
        DemoStore("no-such-variant")
    with pytest.raises(ValueError):
        expected("no-such-variant")


@pytest.mark.parametrize("variant", SCANNABLE)
def test_expected_json_agrees_with_the_checks_on_a_static_crawl(crawls, variant):
    """The real click-depth and contact-options checks, run on what a link-following crawl of the store
    sees, give exactly the status, rules and channels the variant's expected.json states."""
    artifacts = crawls(variant).artifacts
    for check_id, spec in expected(variant)["checks"].items():
        if check_id in ("hidden-costs", "checkout-friction"):
            continue  # they judge a checkout walk in a browser: tests/test_e2e_checkout.py
        got = run_check(checks.by_id(check_id), artifacts)
        rules = sorted({f.rule for f in got.findings})
        assert (got.status, rules) == (spec["status"], sorted(spec["rules"])), (
            f"{variant}/{check_id}: {got.summary} " + "; ".join(f"{f.rule}: {f.message}" for f in got.findings))
        if "channels" in spec:
            offered = sorted(k for k, v in got.details["channels"].items() if v["present"])
            assert offered == sorted(spec["channels"])


def test_click_depths_of_each_variant(crawls):
    def depths(variant: str) -> dict[str, list[int | None]]:
        out: dict[str, list] = {}
        for page in crawls(variant).artifacts.pages:
            out.setdefault(page.page_type, []).append(page.depth)
        return out

    good = depths("good")
    assert max(good["product"]) == 2 and good["cart"] == [1] and good["contact"] == [1] and good["faq"] == [1]
    deep = depths("deep")
    assert min(deep["product"]) == 4 and max(deep["product"]) == 5 and deep["cart"] == [2]
    assert deep["faq"] == [2] and deep["contact"] == [3]
    deep_crawl = crawls("deep")
    assert deep_crawl.page("/returns").depth == 3
    assert deep_crawl.page("/contact").click_path == ["About us", "Help", "Contact us"]
    assert deep_crawl.page("/cart").click_path == ["Shop", "My bag (0)"]
    poor = crawls("poor-contact")
    assert poor.page("/contact").click_path == ["About us", "FAQ", "Contact"]
    assert max(depths("poor-contact")["product"]) == 2 and poor.page("/returns").depth == 1
    for variant in SCANNABLE:
        crawl = crawls(variant)
        assert crawl.page("/lookbook").depth is None, "the lookbook is linked from nowhere"
        assert any(u.endswith("/account/") for u in crawl.artifacts.robots_disallowed)
        assert not any("/account" in p.final_url for p in crawl.artifacts.pages)
        assert {p.lang for p in crawl.artifacts.pages} == {variant_flags.get(variant).lang}


@pytest.mark.parametrize("variant", [v for v in SCANNABLE if variant_flags.get(v).lang == "en"])
def test_every_page_is_a_semantic_english_shop_page(crawls, variant):
    crawl = crawls(variant)
    assert len(crawl.artifacts.pages) >= 25
    for page in crawl.artifacts.pages:
        root = crawl.replies[page.final_url].tree()
        assert root.get("lang") == "en", page.final_url
        for tag in ("header", "nav", "main", "footer"):
            assert root.find(f".//{tag}") is not None, (page.final_url, tag)
        assert page.title.endswith("– Nordlys Studio")
        for price in root.xpath("//*[contains(@class, 'price')]"):
            value = " ".join(price.text_content().split())
            if value and value != "Free":
                assert EURO.match(value), (page.final_url, value)
        basket_links = [a for a in root.xpath("//header//a[@href='/cart']")]
        assert bool(basket_links) == (variant != "deep")
        footer = {a.get("href") for a in root.xpath("//footer//a")}
        help_links = {variant_flags.HELP_LINKS[k][0] for k in variant_flags.get(variant).footer_help}
        assert {"/contact", "/returns", "/faq", "/delivery"} & footer == help_links


def test_consent_banner_and_newsletter_popup(stores):
    store = stores("good")
    first = fetch(store.url, cookie=None).tree()
    banner = first.xpath("//*[contains(@id, 'cookie')]")[0]
    assert "cookies" in banner.text_content()
    assert [b.text_content() for b in banner.xpath(".//button[not(@hidden)]")] == ["Accept all", "Settings"]
    assert "document.cookie = name" in first.xpath("//script[not(@src)]")[-1].text
    dialog = first.xpath("//*[@role='dialog']")[0]
    close = dialog.xpath(".//button[@aria-label='Close']")[0]
    assert close.text_content() == "×" and dialog.getparent().get("hidden") is not None  # shown by JS after load
    assert not fetch(store.url).tree().xpath("//*[@id='cookie-banner']"), "hidden once consent is stored"
    assert not fetch(store.url + "faq", cookie=None).tree().xpath("//*[@role='dialog']"), "pop-up only on home"


def test_chat_widget_is_a_vendor_snippet_with_a_local_loader(crawls):
    def snippets(variant):
        return {urlsplit(p.final_url).path for p in crawls(variant).artifacts.pages
                if "smartsupp" in p.inline_script_hints}

    good = crawls("good")
    assert snippets("good") == {urlsplit(p.final_url).path for p in good.artifacts.pages}
    code = "".join(s.text for s in good.replies[good.artifacts.home_url].tree().xpath("//script[not(@src)]")
                   if "_smartsupp" in (s.text or ""))
    assert "_smartsupp.key = '" in code and "window.smartsupp||(function(d)" in code
    assert "c.src='/static/chat-loader.js'" in code
    assert snippets("deep") == {"/contact"}
    assert snippets("poor-contact") == snippets("no-contact") == set()
    loader = fetch(good.artifacts.home_url + "static/chat-loader.js")
    assert loader.status == 200 and "javascript" in loader.headers["content-type"]
    assert "chat-widget-bubble" in loader.text and not re.search(r"https?://", loader.text)


def test_no_page_references_anything_outside_127_0_0_1(crawls, stores):
    local = re.compile(r"^(?!//)(/|#|\?|[\w./-]+$)|^http://127\.0\.0\.1:\d+/")
    bodies = [reply for variant in SCANNABLE for reply in crawls(variant).replies.values()
              if "html" in reply.headers.get("content-type", "")]
    bodies += [fetch(stores("good").url + "no-such-page"), fetch(stores("blocked").url)]
    assert len(bodies) > 100
    for reply in bodies:
        root = reply.tree()
        for element, attribute in [*((e, "src") for e in root.xpath("//script[@src]|//img[@src]|//iframe[@src]")),
                                   *((e, "href") for e in root.xpath("//link[@href]")),
                                   *((e, "srcset") for e in root.xpath("//img[@srcset]"))]:
            assert local.match(element.get(attribute)), element.get(attribute)
        for code in root.xpath("//script[not(@type='application/ld+json')]/text()|//style/text()"):
            assert not re.search(r"https?://|//[a-z0-9-]+\.[a-z]", code, re.I), code[:200]


def test_robots_txt_and_sitemap(stores):
    store = stores("good")
    robots = fetch(store.url + "robots.txt")
    assert robots.status == 200 and robots.headers["content-type"].startswith("text/plain")
    assert "Disallow: /account/" in robots.text
    assert f"Sitemap: {store.url}sitemap.xml" in robots.text.splitlines()
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots.text.splitlines())
    assert not parser.can_fetch("clearcart", store.url + "account/")
    assert parser.can_fetch("clearcart", store.url + "faq")
    sitemap = fetch(store.url + "sitemap.xml")
    assert "xml" in sitemap.headers["content-type"]
    locs = [loc.text for loc in etree.fromstring(sitemap.body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(loc.startswith(store.url) for loc in locs) and len(set(locs)) == len(locs)
    paths = {urlsplit(loc).path for loc in locs}
    assert {"/", "/lookbook", "/contact", "/faq", "/returns", "/delivery", "/category/clothing"} <= paths
    assert len([p for p in paths if p.startswith("/product/")]) == len(store.catalog.products) == 18
    assert not {"/account/", "/cart"} & paths
    assert all(fetch(loc).status == 200 for loc in locs)
    deep = fetch(stores("deep").url + "sitemap.xml").text
    assert "/shop</loc>" in deep and "/category/shoes/boots</loc>" in deep


def test_product_pages_carry_structured_data(stores):
    store = stores("good")
    kinds = Counter()
    for item in store.catalog.products:
        reply = fetch(store.url + item["url"].lstrip("/"))
        assert reply.status == 200
        data = extruct.extract(reply.text, base_url=store.url, syntaxes=["json-ld", "opengraph"], uniform=True)
        product = next(d for d in data["json-ld"] if d["@type"] == "Product")
        root = reply.tree()
        name = root.findtext(".//h1")
        shown = root.xpath("//main//p[@class='price']")[0].text
        assert EURO.match(shown)
        assert product["name"] == name and product["sku"] == item["sku"] and product["description"]
        assert product["brand"]["name"] == "Nordlys Studio"
        assert all(u.startswith(store.url + "static/img/") for u in product["image"])
        offer = product["offers"]
        assert offer["priceCurrency"] == "EUR" and offer["availability"] == "https://schema.org/InStock"
        assert float(offer["price"]) == float(shown[:-2].replace(".", "").replace(",", "."))
        og = data["opengraph"][0]
        assert og["@type"] == "product" and og["og:title"] == name and og["og:price:amount"] == offer["price"]
        sizes = root.xpath("//select[@name='size']/option[@value!='']/@value")
        guide = root.xpath("//main//a[@href='/size-guide']")
        category = item["category"]["id"]
        kinds[category] += 1
        if category == "clothing":
            assert sizes == ["S", "M", "L", "XL"] and guide
        elif category == "shoes":
            assert sizes == [str(n) for n in range(38, 46)] and not guide
        else:
            assert sizes == [] and not guide
        assert [a.text for a in root.xpath("//nav[@aria-label='Breadcrumb']//a")] == ["Home", item["category"]["name"]]
        form = root.xpath("//form[@action='/cart/add']")[0]
        assert form.get("method") == "post" and form.xpath(".//button")[0].text == "Add to basket"
        notes = visible_text(root)
        assert DELIVERY_NOTE in notes and "30-day returns" in notes
    assert kinds == {"clothing": 6, "shoes": 6, "bags-accessories": 6}
    weekender = fetch(store.url + "product/nord-handstitched-weekender").tree()
    assert weekender.xpath("//main//p[@class='price']")[0].text == "1.299,00 €"


def test_faq_answers_exactly_the_seven_topics_and_leaves_the_four_ticket_gaps(crawls):
    """The contract with fixtures/tickets: the FAQ answers tracking, delivery time and cost, returns,
    refunds, payment methods and sizes; nothing on the site answers invoices, discount codes, cancelling or
    changing an order, or damaged/wrong items — the faq-gaps check finds exactly those four gaps."""
    from auditor.tickets import analyze_tickets

    crawl = crawls("good")
    faq = crawl.page("/faq")
    entries = next(d for d in faq.structured["json-ld"] if d["@type"] == "FAQPage")["mainEntity"]
    summaries = [s.text for s in crawl.replies[faq.final_url].tree().xpath("//details/summary")]
    assert [e["name"] for e in entries] == summaries and len(summaries) == 7
    tickets_expected = json.loads((ROOT / "fixtures/tickets/expected.json").read_text(encoding="utf-8"))
    artifacts = crawl.artifacts.model_copy()
    artifacts.base_dir = crawl.artifacts.base_dir
    artifacts.tickets = analyze_tickets(ROOT / "fixtures/tickets/freshdesk_pl.csv")
    result = run_check(checks.by_id("faq-gaps"), artifacts)
    assert sorted(f.evidence["topic"] for f in result.findings) == sorted(tickets_expected["demo_gaps"])
    covered = {t["id"] for t in result.details["topics"] if t["covered"]}
    assert set(tickets_expected["demo_covered"]) <= covered
    readme = (ROOT / "fixtures/store/README.md").read_text(encoding="utf-8")
    for gap in ("invoices", "discount codes", "cancelling or changing an order", "damaged or wrong items"):
        assert gap in readme.lower()


def test_help_pages_say_what_they_promise(stores):
    url = stores("good").url
    returns = visible_text(fetch(url + "returns").tree())
    for phrase in ("within 30 days", "Who pays for return shipping", "within 14 days", "Exceptions"):
        assert phrase in returns
    delivery = visible_text(fetch(url + "delivery").tree())
    for phrase in ("2-4 working days", "4,90 €, free from 100,00 €", "9,90 €", "Payment methods", "PayPal"):
        assert phrase in delivery
    sizes = fetch(url + "size-guide").tree()
    assert [r.xpath("td")[0].text for r in sizes.xpath("(//table)[1]/tbody/tr")] == ["S", "M", "L", "XL"]
    for path in ("contact", "terms", "privacy", "about", "account/"):
        assert fetch(url + path).status == 200


def _cookie_opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def test_basket_and_checkout_over_http(stores):
    store = stores("good")
    url = store.url
    browser = _cookie_opener()
    before = store.orders
    missing = fetch(url + "cart/add", "POST", {"sku": "NS-CL-1001", "qty": "1"}, opener=browser)  # no size
    assert missing.status == 200 and "Please choose your size first." in missing.text
    assert "Your basket is empty" in fetch(url + "cart", opener=browser).text
    cart = fetch(url + "cart/add", "POST", {"sku": "NS-CL-1001", "size": "M", "qty": "1"}, opener=browser)
    assert cart.status == 200 and "Sandvik linen shirt" in cart.text
    summary = {r.xpath("th")[0].text: r.xpath("td")[0].text for r in cart.tree().xpath("//table[@class='summary']//tr")}
    assert summary == {"Subtotal": "49,90 €", "Standard delivery": "4,90 €", "Total": "54,80 €"}
    assert cart.tree().xpath("//a[@href='/checkout/details']")[0].text == "Proceed to checkout"
    details = fetch(url + "checkout/details", opener=browser)
    names = details.tree().xpath("//form[@action='/checkout/details']//input[@name]/@name")
    assert names == ["email", "name", "address", "postcode", "city", "phone", "create_account", "password"]
    assert "1 Details › 2 Shipping › 3 Review" in " ".join(visible_text(details.tree()).split())
    invalid = fetch(url + "checkout/details", "POST", {"email": "nope"}, opener=browser)
    assert invalid.status == 422 and "valid e-mail" in invalid.text
    shipping = fetch(url + "checkout/details", "POST", {"email": "test@example.invalid", "name": "Test Person",
                                                         "address": "1 Test Street", "postcode": "10115",
                                                         "city": "Berlin", "phone": ""}, opener=browser)
    radios = shipping.tree().xpath("//input[@name='shipping']")
    assert [(r.get("value"), r.get("checked") is not None) for r in radios] == [("standard", True), ("express", False)]
    assert "4,90 €" in shipping.text and "9,90 €" in shipping.text
    review = fetch(url + "checkout/shipping", "POST", {"shipping": "express"}, opener=browser)
    rows = {r.xpath("th")[0].text: r.xpath("td")[0].text for r in review.tree().xpath("//table[@class='summary']//tr")}
    assert rows == {"Subtotal": "49,90 €", "Shipping": "9,90 €", "Total": "59,80 €"}
    button = review.tree().xpath("//form[@action='/checkout/place-order']//button")[0]
    assert button.text == "Order with obligation to pay" and store.orders == before
    thanks = fetch(url + "checkout/place-order", "POST", {}, opener=browser)
    assert thanks.status == 200 and "Thank you for your order" in thanks.text
    assert re.search(r"NS-\d{6}", thanks.text) and store.orders == before + 1
    assert "Your basket is empty" in fetch(url + "cart", opener=browser).text
    assert ("POST", "/checkout/place-order") in store.requests


def test_free_delivery_from_100_euros_and_basket_cookie_is_untrusted(stores):
    url = stores("good").url
    browser = _cookie_opener()
    cart = fetch(url + "cart/add", "POST", {"sku": "NS-BA-3002", "qty": "1"}, opener=browser)
    rows = {r.xpath("th")[0].text: r.xpath("td")[0].text for r in cart.tree().xpath("//table[@class='summary']//tr")}
    assert rows == {"Subtotal": "1.299,00 €", "Standard delivery": "Free", "Total": "1.299,00 €"}
    forged = fetch(url + "cart", cookie="nordlys_basket=not-base64!!; cookie_consent=all")
    assert forged.status == 200 and "Your basket is empty" in forged.text
    assert fetch(url + "checkout/review", follow=False).status == 303  # no basket: back to the basket


def test_404_pdf_and_head(stores):
    url = stores("good").url
    for path in ("no-such-page", "product/no-such-product", "category/clothing?page=99", "shop",
                 "category/clothing/tops-shirts"):
        missing = fetch(url + path)
        assert missing.status == 404 and "Page not found" in missing.text, path
        assert missing.tree().get("lang") == "en"
    pdf = fetch(url + "catalog.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body.startswith(b"%PDF-1.4") and pdf.body.rstrip().endswith(b"%%EOF")
    head = fetch(url, "HEAD")
    assert head.status == 200 and head.body == b"" and int(head.headers["content-length"]) > 1000
    assert fetch(url + "catalog.pdf", "HEAD").headers["content-type"] == "application/pdf"
    assert fetch(url + "no-such-page", "HEAD").status == 404


def test_blocked_variant_answers_403_everywhere(stores):
    store = stores("blocked")
    for path, method in (("", "GET"), ("robots.txt", "GET"), ("sitemap.xml", "GET"), ("faq", "HEAD"),
                         ("cart/add", "POST")):
        reply = fetch(store.url + path, method, {} if method == "POST" else None)
        assert reply.status == 403, path
        if method != "HEAD":
            assert "Access denied – automated traffic" in reply.text
    assert store.orders == 0


def test_generated_catalog_is_paginated_at_24(tmp_path):
    with DemoStore("good", products=200) as store:
        assert len(store.catalog.products) == 200
        products: set[str] = set()
        for category in ("clothing", "shoes", "bags-accessories"):
            page_url, pages = store.url + f"category/{category}", 0
            while page_url:
                root = fetch(page_url).tree()
                cards = {a.get("href") for a in root.xpath("//main//li[contains(@class, 'product-card')]//a")}
                assert 0 < len(cards) <= 24
                products |= cards
                pages += 1
                following = root.xpath("//nav[@class='pagination']/a[@rel='next']/@href")
                page_url = urljoin(page_url, following[0]) if following else None
            assert pages == 3
        assert len(products) == 200 and all(p.startswith("/product/") for p in products)
        sitemap = fetch(store.url + "sitemap.xml").text
        assert sitemap.count("/product/") == 200
        sample = fetch(store.url + sorted(products)[0].lstrip("/"))
        assert sample.status == 200 and '"@type": "Product"' in sample.text


def test_server_runs_from_the_command_line_and_logs_nothing():
    process = subprocess.Popen([sys.executable, "-m", "fixtures.store.server", "--variant", "deep", "--port", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert fetch(url + "shop").status == 200
        assert fetch(url + "no-such-page").status == 404
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 0 and err == ""


# ------------------------------------------------------------------------------------------------ language variants

LANGUAGE_VARIANTS = [v for v in SCANNABLE if variant_flags.get(v).lang != "en"]


@pytest.mark.parametrize("variant", LANGUAGE_VARIANTS)
def test_language_variant_speaks_its_language_and_prices_in_its_currency(crawls, variant):
    """Every page of a language variant: <html lang>, no English UI text left over, every shown price parses
    (price-parser) to an amount in the variant's currency, and structured data in that currency."""
    from auditor.prices import parse_price

    flags = variant_flags.get(variant)
    crawl = crawls(variant)
    english = [key for key, text in i18n.MESSAGES[flags.lang].items()
               if key != text and len(key) > 8 and "_" not in key and "{" not in key]
    assert len(crawl.artifacts.pages) >= 20
    products = 0
    for page in crawl.artifacts.pages:
        root = crawl.replies[page.final_url].tree()
        assert root.get("lang") == flags.lang, page.final_url
        text = visible_text(root.find("body"))
        leftovers = [key for key in english if key in text]
        assert not leftovers, (page.final_url, leftovers)
        for price in root.xpath("//*[contains(concat(' ', @class, ' '), ' price ')]"):
            value = " ".join(price.text_content().split())
            if value and value != i18n.MESSAGES[flags.lang]["Free"]:
                money = parse_price(price.text_content())
                assert money is not None and money.currency == flags.currency, (page.final_url, value)
        if page.page_type == "product":
            products += 1
            offer = next(d for d in page.structured["json-ld"] if d["@type"] == "Product")["offers"]
            assert offer["priceCurrency"] == flags.currency
    assert products == len(i18n.SMALL_CATALOG)


def test_language_variant_prices_and_defects_over_http(stores):
    pl, uk, sk = stores("pl"), stores("uk"), stores("sk")
    shirt = "product/sandvik-linen-shirt"
    assert fetch(pl.url + shirt).tree().xpath("//main//p[@class='price']")[0].text == "219,00\u00a0zł"
    assert fetch(pl.url + "product/nord-handstitched-weekender").tree().xpath(
        "//main//p[@class='price']")[0].text == "5\u00a0719,00\u00a0zł"
    assert fetch(uk.url + shirt).tree().xpath("//main//p[@class='price']")[0].text == "2\u00a0249\u00a0грн"
    assert fetch(sk.url + "product/nord-handstitched-weekender").tree().xpath(
        "//main//p[@class='price']")[0].text == "1\u00a0299,00\u00a0€"
    # pl: three pictures, a size guide on shoes, a reduction with the 30-day lowest price
    jumper = fetch(pl.url + "product/tind-merino-jumper").tree()
    assert len(jumper.xpath("//div[@class='product-gallery']/img")) == 3
    assert jumper.xpath("//del[@class='old-price']")[0].text == "499,00\u00a0zł"
    assert "Najniższa cena z 30 dni przed obniżką: 499,00\u00a0zł" in visible_text(jumper)
    assert fetch(pl.url + "static/img/tind-merino-jumper-detail.svg").status == 200
    assert fetch(pl.url + "product/oslo-chelsea-boots").tree().xpath("//main//a[@href='/size-guide']")
    # uk: no size guide link, no composition, a -30% without the lowest price
    uk_jumper = fetch(uk.url + "product/tind-merino-jumper")
    assert not uk_jumper.tree().xpath("//main//a[@href='/size-guide']") and "material" not in uk_jumper.text
    assert "-30%" in visible_text(uk_jumper.tree()) and "Найнижча" not in uk_jumper.text
    assert "днів" not in visible_text(fetch(uk.url + "returns").tree().find(".//main"))
    # sk: one picture, no delivery or payment words before checkout
    sk_shirt = fetch(sk.url + shirt)
    assert len(sk_shirt.tree().xpath("//main//img")) == 1 and fetch(sk.url + "static/img/x-back.svg").status == 404
    assert fetch(sk.url + "static/img/sandvik-linen-shirt-back.svg").status == 404
    assert not sk_shirt.tree().xpath("//li[@class='delivery-note']") and "Visa" not in sk_shirt.text
