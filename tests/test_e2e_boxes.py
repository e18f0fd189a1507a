"""End to end, in a real browser: page findings mark their element in the page's screenshot.

The crawl only records: element ids stamped into the saved HTML, which elements were rendered, and where the
rendered ones were in the viewport screenshot (``PageArtifact.boxes``). Which element is the size selector, the
price, the reduction, the buy button, the first phone and e-mail links is decided in Python
(``auditor.analysis.locate``); size-chart, product-info (omnibus) and contact-options findings carry the box of
the element they decided on as evidence ``box``, and report.html crops the page's screenshot to it and outlines
it.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import html as lxml_html

import reports
from auditor.analysis.document import document
from auditor.analysis.html import inner_text
from auditor.analysis.locate import main_price, marks, reduction
from auditor.analysis.product import size_selector
from auditor.crawl import crawl
from auditor.model import CrawlSettings
from reports.html import finding_anchor
from reports.images import box_of, dimensions, sniff

pytestmark = pytest.mark.browser


def _inside_screenshot(artifacts, finding, min_height=8, max_height=200):
    """The finding's box lies inside the screenshot of the page the report shows with it, at a plausible size."""
    box = box_of(finding.evidence)
    assert box is not None, (finding.rule, finding.url, finding.evidence.get("box"))
    page = next(p for p in artifacts.pages if p.final_url == finding.url)
    assert page.screenshot and "screenshot" not in finding.evidence  # the report takes the page's screenshot
    data = (Path(artifacts.base_dir) / page.screenshot).read_bytes()
    width, height = dimensions(data, sniff(data))
    assert (width, height) == (1280, 900)
    x, y, w, h = box
    assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, (box, width, height)
    assert min_height <= h <= max_height and 20 <= w <= 600, box  # one control or one price, not the page
    return box


def _marked_figure(result, artifacts, finding) -> tuple[str, str]:
    """The report's figure of ``finding``: its crop (SVG viewBox) and its outline rect (or '' without one)."""
    doc = lxml_html.document_fromstring(reports.render_html(result, assets_dir=artifacts.base_dir))
    article = doc.get_element_by_id(finding_anchor(finding))
    svg = article.find(".//figure//svg")
    assert svg is not None, "the finding's screenshot is not embedded"
    rects = svg.findall(".//rect[@class='spot']")
    return svg.get("viewbox") or svg.get("viewBox"), rects[0] if rects else None  # the HTML parser lower-cases names


def test_size_chart_findings_mark_the_size_selector(scans):
    artifacts, result, _, _ = scans("uk")
    found = [f for f in result.findings if f.rule == "size-chart-missing"]
    assert len(found) >= 2  # clothing and shoes
    for f in found:
        x, y, w, h = _inside_screenshot(artifacts, f)
        assert h >= 20 and w >= 100  # the <select> of sizes
        assert f.evidence["size_selector"]["kind"] == "select"
    # pages that sell no sizes have no size-selector box (the tote bag), but still their price and buy button
    tote = next(p for p in artifacts.pages if p.final_url.endswith("/product/havn-leather-tote"))
    tote_marks = marks(document(artifacts, tote))
    assert "size_selector" not in tote_marks and {"price", "add_to_cart"} <= set(tote_marks)
    crop, spot = _marked_figure(result, artifacts, found[0])
    assert spot is not None
    bx, by, bw, bh = box_of(found[0].evidence)
    assert (float(spot.get("x")), float(spot.get("y")), float(spot.get("width")), float(spot.get("height"))) == (
        bx, by, bw, bh)
    left, top, cw, ch = (float(v) for v in crop.split())
    assert left <= bx and bx + bw <= left + cw and top <= by and by + bh <= top + ch and ch < 900


def test_omnibus_finding_marks_the_struck_through_price(scans):
    artifacts, result, _, _ = scans("sk")
    found = [f for f in result.findings if f.rule == "omnibus-lowest-price-missing"]
    assert found
    for f in found:
        x, y, w, h = _inside_screenshot(artifacts, f, max_height=80)
        page = next(p for p in artifacts.pages if p.final_url == f.url)
        page_marks = marks(document(artifacts, page))
        assert f.evidence["box"] == page_marks["reduction"]
        price = page_marks["price"]
        assert abs(price["y"] - y) < 20 and price["x"] > x  # the new price right of the old one, on one line
    _, spot = _marked_figure(result, artifacts, found[0])
    assert spot is not None
    # the few-images finding points at no element: its figure is the top of the page, unmarked
    few = next(f for f in result.findings if f.rule == "few-images")
    assert "box" not in few.evidence
    _, spot = _marked_figure(result, artifacts, few)
    assert spot is None


# ------------------------------------------------------------------------------------------------------
# Other markup: custom size buttons over a hidden select, a radio group, a "-30%" badge, prices in
# related blocks, hidden phone links, elements below the fold. Positions are fixed, so the boxes are known.

ABS = "position:absolute;margin:0;"
PL = f"""<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Bluzka lniana</title>
<meta name="forged" content="" data-cc="7">
<style>body{{margin:0;font:16px/1.2 sans-serif}} button{{font:inherit;padding:4px 8px}}</style>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Product", "name": "Bluzka lniana",
 "offers": {{"@type": "Offer", "price": "129.00", "priceCurrency": "PLN"}}}}</script></head><body>
<header><a href="/">Sklep</a><nav><a href="tel:+48221111111" style="display:none">Zadzwoń</a></nav></header>
<main>
<h1 style="{ABS}left:40px;top:40px">Bluzka lniana</h1>
<section class="polecane" style="{ABS}left:40px;top:120px"><a href="/">Inna</a> <span>129,00 zł</span>
 <del>99 zł</del></section>
<span class="cena" style="{ABS}left:700px;top:200px">129,00 zł</span>
<span class="badge" style="{ABS}left:900px;top:200px">-30%</span>
<select name="size" style="display:none"><option>S</option><option>M</option><option>L</option></select>
<div class="wybor" style="{ABS}left:700px;top:400px;width:300px"><span>Rozmiar</span>
 <button>S</button><button>M</button><button>L</button><button>XL</button></div>
<button style="{ABS}left:700px;top:500px">Dodaj do koszyka</button>
<p style="{ABS}left:100px;top:600px">Infolinia: <a href="tel:+48701234567">701 234 567</a></p>
<p style="{ABS}left:100px;top:2000px"><a href="mailto:sklep@example.pl">sklep@example.pl</a></p>
</main></body></html>"""
SK = f"""<!doctype html><html lang="sk"><head><meta charset="utf-8"><title>Ľanové šaty</title>
<style>body{{margin:0;font:16px/1.2 sans-serif}}</style></head>
<body><main itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name" style="{ABS}left:40px;top:40px">Ľanové šaty</h1>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="EUR">
 <del style="{ABS}left:600px;top:150px">69,90 €</del>
 <span itemprop="price" content="49.90" style="{ABS}left:700px;top:150px">49,90 €</span></div>
<fieldset style="{ABS}left:600px;top:300px;width:400px"><legend>Veľkosť</legend>
 <label><input type="radio" name="v" value="36"> 36</label> <label><input type="radio" name="v" value="38"> 38</label>
 <label><input type="radio" name="v" value="40"> 40</label></fieldset>
<a class="button" href="/kosik/pridat?id=7" style="{ABS}left:600px;top:420px">Pridať do košíka</a>
</main></body></html>"""
HOME = """<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Sklep</title></head><body><main>
<h1>Sklep</h1><a href="/p/bluzka">Bluzka</a> <a href="/p/saty">Šaty</a></main></body></html>"""
PAGES = {"/": HOME, "/p/bluzka": PL, "/p/saty": SK}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        body = PAGES.get(self.path.split("?")[0])
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((body or "<h1>Not found</h1>").encode("utf-8"))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def custom_crawl(tmp_path_factory, browser_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        out = tmp_path_factory.mktemp("boxes")
        artifacts = crawl(f"http://127.0.0.1:{server.server_address[1]}/", out, CrawlSettings())
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    return artifacts, {p.final_url.rsplit("/", 1)[-1] or "home": marks(document(artifacts, p))
                       for p in artifacts.pages}


def _near(box, x, y, tolerance=6):
    assert box is not None and abs(box["x"] - x) <= tolerance and abs(box["y"] - y) <= tolerance, (box, x, y)


def test_boxes_on_other_markup(custom_crawl):
    artifacts, custom_crawl = custom_crawl
    pl = custom_crawl["bluzka"]
    _near(pl.get("price"), 700, 200)  # the structured-data price, not the same amount in "polecane"
    _near(pl.get("reduction"), 900, 200)  # the badge: the struck price in "polecane" is another product's
    _near(pl.get("size_selector"), 700, 400)  # the size buttons, not the hidden native select
    _near(pl.get("add_to_cart"), 700, 500)
    _near(pl.get("phone"), 100 + 80, 600, tolerance=80)  # the visible tel: link, not the hidden one in the nav
    assert "email" not in pl  # below the fold: not in the screenshot
    assert pl["size_selector"]["width"] >= 100 and pl["price"]["width"] < 150  # the text, not a whole block

    sk = custom_crawl["saty"]
    _near(sk.get("price"), 700, 150)  # itemprop=price (the <meta> is skipped)
    _near(sk.get("reduction"), 600, 150)
    _near(sk.get("size_selector"), 600, 300)  # the fieldset of the radio group
    _near(sk.get("add_to_cart"), 600, 420)

    assert not {"price", "reduction", "size_selector"} & set(custom_crawl["home"])
    for page_marks in custom_crawl.values():
        for box in page_marks.values():
            assert box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 900


def test_the_box_a_finding_carries_is_that_of_the_element_it_decided_on(scans):
    """What a finding says and what its picture outlines come from one decision: the size selector a
    size-chart finding names and the reduction an omnibus finding quotes are the elements whose recorded boxes
    the findings carry."""
    for variant, rule in (("uk", "size-chart-missing"), ("sk", "omnibus-lowest-price-missing")):
        artifacts, result, _, _ = scans(variant)
        found = [f for f in result.findings if f.rule == rule and "box" in f.evidence]
        assert found, (variant, rule)
        for f in found:
            page = next(p for p in artifacts.pages if p.final_url == f.url)
            doc = document(artifacts, page)
            if rule == "size-chart-missing":
                selector = size_selector(doc)
                assert selector is not None and selector.as_dict() == f.evidence["size_selector"]
                assert f.evidence["box"] == doc.box(*selector.elements)
                assert [el.tag for el in selector.elements] == ["select"]
            else:
                cut = reduction(doc)
                assert cut is not None and cut.as_dict() == f.evidence["reduction"]
                assert inner_text(cut.element).replace("\n", " ").strip() == f.evidence["reduction"]["text"]
                assert f.evidence["box"] == doc.box(cut.element) != doc.box(main_price(doc))
            # the element is the one the browser stamped, rendered, with the box it recorded for that id
            ids = {doc.element_id(el) for el in (selector.elements if rule == "size-chart-missing" else [cut.element])}
            assert all(i and doc.rendered(doc.element(i)) for i in ids)
            x, y, w, h = page.boxes[ids.pop()]
            assert f.evidence["box"] == {"x": x, "y": y, "width": w, "height": h}


def test_element_ids_are_the_snapshots_own(custom_crawl):
    """The saved HTML's element ids are stamped by the snapshot, in document order, once each; an id the store
    wrote itself (a forged ``data-cc`` in the head) is gone, so no box can be attached to the wrong element."""
    artifacts, _ = custom_crawl
    for page in artifacts.pages:
        doc = document(artifacts, page)
        ids = [int(el.get("data-cc")) for el in doc.tree.iter() if isinstance(el.tag, str) and el.get("data-cc")]
        assert ids == list(range(page.stamped)) and page.stamped > 0, page.final_url
        assert not doc.tree.xpath("//head//*[@data-cc]")
        assert set(page.boxes) <= {str(i) for i in ids}
