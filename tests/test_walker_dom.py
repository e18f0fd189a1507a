"""The walker's page readings on small HTML snippets in a real browser (no server): which button is the way on,
which rows are read. Each snippet reproduces a DOM convention seen on a real store platform."""

from __future__ import annotations

import asyncio

import pytest

from auditor import checkout
from auditor.browser import launch
from auditor.ledger import step_rows

pytestmark = pytest.mark.browser


def evaluate(html: str, script: str, arg=None):
    """Load ``html`` into a blank page and evaluate ``script`` (with ``arg``) there."""

    async def run():
        async with launch() as browser:
            page = await browser.new_page()
            await page.set_content(html)
            return await (page.evaluate(script) if arg is None else page.evaluate(script, arg))

    return asyncio.run(run())


# a delivery step laid out in grid divs: one form with one "Select option" submit per method, no "continue"
DELIVERY_GRID = """<main><h1>Shipping method</h1>
<div class="basket-title"><div class="row"><h4>Method</h4><h4>Cost</h4></div></div>
<div class="basket-items"><div class="row"><div class="col-sm-8"><h4>Standard delivery</h4><p>2-4 business days</p></div>
  <div class="col-sm-1">€4.90</div>
  <div class="col-sm-3"><form method="post" action="/checkout/shipping-method/"><input type="hidden" name="method_code" value="std">
  <button type="submit">Select option</button></form></div></div></div>
<div class="basket-items"><div class="row"><div class="col-sm-8"><h4>Express delivery</h4><p>1 business day</p></div>
  <div class="col-sm-1">€9.90</div>
  <div class="col-sm-3"><form method="post" action="/checkout/shipping-method/"><input type="hidden" name="method_code" value="exp">
  <button type="submit">Select option</button></form></div></div></div></main>"""


def test_one_submit_per_delivery_method_in_grid_rows_is_a_way_on():
    candidates = evaluate(DELIVERY_GRID, checkout._CLICKABLES_JS)
    choose = [c for c in candidates if c["text"] == "Select option"]
    assert len(choose) == 2 and "4.90" in choose[0]["row"] and "Standard delivery" in choose[0]["row"]
    assert all(checkout.Walker._score_continue(c) >= 6 for c in choose)


# size buttons wrapped in list items of a "variant-option-list"; only the button listens to clicks
SIZE_LIST = """<main><h1>Linen Shirt - M</h1><form id="productForm"><span>€39.00</span>
<ul class="variant-option-list"><li class="group"><button type="button" class="b">S</button></li>
<li class="group"><button type="button" class="b">M</button></li><li class="group"><button type="button" class="b">L</button></li></ul>
<button type="button">Add to cart</button></form><p id="picked"></p>
<script>for (const b of document.querySelectorAll('.variant-option-list button'))
  b.addEventListener('click', (e) => { e.stopPropagation(); document.getElementById('picked').textContent = b.textContent; });
</script></main>"""


def test_size_buttons_wrapped_in_list_items_are_clicked_on_the_button():
    from auditor import lexicon, shopper

    picked = evaluate(SIZE_LIST, "([hint, words]) => { const r = (" + shopper._PICK_JS + ")([hint, words]); "
                      "return [r.chosen, document.getElementById('picked').textContent]; }",
                      [shopper._PICKER_HINT, lexicon.terms("add_to_cart")])
    assert picked[0] == ["button:S"] and picked[1] == "S", picked



# a product page of web components: the add form in the buy box's shadow root, the size buttons in a sibling
# element's shadow root, the heading in the product element's
SHADOW_PRODUCT = """<main><product-info><template shadowrootmode="open"><h1>Leinenhemd</h1><p>49,00 €</p>
<variant-picker><template shadowrootmode="open"><div class="size-list">
  <button type="button" class="size-option">S</button><button type="button" class="size-option">M</button></div>
</template></variant-picker>
<buy-box><template shadowrootmode="open"><form action="/cart/add" method="post"><button>In den Warenkorb</button></form>
</template></buy-box></template></product-info><p id="picked"></p>
<script>for (const b of document.querySelector('product-info').shadowRoot.querySelector('variant-picker').shadowRoot
  .querySelectorAll('button')) b.addEventListener('click', () => { document.getElementById('picked').textContent = b.textContent; });
</script></main>"""


def test_size_buttons_in_a_sibling_shadow_root_of_the_add_form_are_chosen():
    from auditor import lexicon, shopper

    picked = evaluate(SHADOW_PRODUCT, "([hint, words]) => { const r = (" + shopper._PICK_JS + ")([hint, words]); "
                      "return [r.chosen, document.getElementById('picked').textContent]; }",
                      [shopper._PICKER_HINT, lexicon.terms("add_to_cart")])
    assert picked[0] == ["button:S"] and picked[1] == "S", picked


# a single-page checkout: the order button is in sight at once; delivery choices appear once the address is typed
ONE_PAGE = """<main><h1>Checkout</h1><form><label for="e">Email</label><input id="e" type="email">
<label for="c">City</label><input id="c" name="city"><div id="methods"></div>
<p>Total <span id="total">€12.00</span></p><button type="button">Place Order</button></form>
<script>document.getElementById('c').addEventListener('input', () => setTimeout(() => {
  document.getElementById('methods').innerHTML = '<label><input type="radio" value="std"> Standard delivery €4.90</label>'
    + '<label><input type="radio" value="exp"> Express €9.90</label>';
  for (const r of document.querySelectorAll('#methods input')) r.addEventListener('change', () => {
    document.getElementById('total').textContent = '€16.90'; });
}, 400));</script></main>"""


def test_a_single_page_checkout_is_filled_until_its_delivery_sections_are_chosen(tmp_path):
    async def run():
        async with launch() as browser:
            page = await browser.new_page()
            await page.set_content(ONE_PAGE)
            await checkout.Walker(tmp_path)._fill_step(page, checkout.TestCustomer())
            return await page.evaluate("() => [document.querySelector('#methods input:checked')?.value || '', "
                                       "document.getElementById('total').textContent]")

    assert asyncio.run(run()) == ["std", "€16.90"]


def test_methods_offered_each_with_its_own_submit_are_not_charges_of_the_step():
    data = evaluate(DELIVERY_GRID.replace("</main>", "<table><tr><td>Order total</td><td>€43.90</td></tr></table></main>"),
                    checkout._STEP_JS)
    rows = step_rows(data["nodes"])
    assert [(r["label"], r["value"]) for r in rows] == [("Order total", "€43.90")], rows


# a web-component storefront: the header, its mini-cart (a button named by aria-label, a closed flyout) and the
# product's buy box render in open shadow roots (declarative shadow DOM); the header is the top of a shadow root
SHADOW_STORE = """<!doctype html><html lang="de"><body>
<shop-header><template shadowrootmode="open"><style>.fly[hidden]{display:none}</style>
  <header><a href="/">Faltwerk</a><nav><slot name="menu"></slot></nav>
  <mini-cart><template shadowrootmode="open"><style>b{color:red}</style>
    <button type="button" class="toggle" aria-label="Warenkorb, 1 Artikel"><svg aria-hidden="true"></svg></button>
    <div class="fly" role="dialog" hidden><a href="/warenkorb">Warenkorb anzeigen</a></div></template></mini-cart>
  </header></template><a slot="menu" href="/kategorie/alle">Alle Produkte</a></shop-header>
<main><product-page><template shadowrootmode="open"><h1>Leinenhemd</h1><p class="price">49,00 €</p>
  <p>Lieferzeit: 2–3 Werktage · Versand 4,90 €</p><button type="button" class="add">In den Warenkorb</button>
  <slot></slot></template><p>Aus europäischem Leinen.</p></product-page></main>
<footer><a href="/hilfe/rueckgabe">Rückgabe</a></footer></body></html>"""


def test_controls_in_shadow_roots_keep_their_page_region():
    """A button in a header component's shadow root is page chrome (the header at the top of a shadow root has
    no parent element: reading it must not break the page's reading), a link in the mini-cart's flyout is in a
    dialog, the product's add button is main content."""
    found = {c["text"] or c["aria"]: c for c in evaluate(SHADOW_STORE, checkout._CLICKABLES_JS)}
    assert found["Warenkorb, 1 Artikel"]["region"] == "header"
    assert found["In den Warenkorb"]["region"] == "main" and not found["In den Warenkorb"]["dialog"]
    assert found["Alle Produkte"]["region"] == "header"
    page = evaluate(SHADOW_STORE, checkout._STEP_JS)
    chrome = {n["own"]: n["chrome"] for n in page["nodes"] if n["own"]}
    assert chrome["Faltwerk"] is True and chrome["49,00 €"] is False
    assert "Lieferzeit: 2–3 Werktage" in page["text"] and "color:red" not in page["text"]


def test_the_crawl_snapshot_reads_open_shadow_roots():
    """The crawl's one-pass snapshot on a page of web components: its HTML carries the open shadow roots (as
    Chromium serialises them), which the parser reads as their host's content; its text has their rendered
    text (not their CSS nor a closed flyout); their links are followed with their region; their elements get
    layout ids. A page without shadow roots is saved exactly as before (its outerHTML)."""
    from auditor.analysis.html import inner_text, parse_html
    from auditor.crawl import _EXTRACT_JS

    snap = evaluate(SHADOW_STORE, _EXTRACT_JS, [[], [], 10_000])
    assert snap["html"].count('shadowrootmode="open"') == 3
    tree = parse_html(snap["html"])
    text = inner_text(tree.body)
    assert "49,00 €" in text and "In den Warenkorb" in text and "Aus europäischem Leinen." in text
    assert tree.xpath("//h1")[0].text == "Leinenhemd" and not tree.xpath("//template")
    assert "Lieferzeit: 2–3 Werktage" in snap["text"] and "49,00 €" in snap["text"]
    assert "color:red" not in snap["text"] and "Warenkorb anzeigen" not in snap["text"]
    links = {link["text"]: link["region"] for link in snap["links"]}
    assert links["Warenkorb anzeigen"] == "dialog" and links["Alle Produkte"] == "nav"
    assert links["Rückgabe"] == "footer"
    assert "Leinenhemd" in snap["headings"]
    add = tree.xpath("//button[@class='add']")[0]
    assert add.get("data-cc") and add.get("data-cc") in {str(k) for k in snap["boxes"]}
    plain = evaluate("<html><body><main><h1>Plain</h1></main></body></html>", _EXTRACT_JS, [[], [], 10_000])
    assert plain["html"] == '<html><head></head><body><main data-cc="0"><h1 data-cc="1">Plain</h1></main></body></html>'


@pytest.mark.parametrize("banner", [
    # Usercentrics: its own accept button (a known selector) inside #usercentrics-root's open shadow root
    '<div id="usercentrics-root"><template shadowrootmode="open"><div role="dialog" aria-label="Privacy settings">'
    '<p>Wir verwenden Cookies.</p><button data-testid="uc-deny-all-button">Ablehnen</button>'
    '<button data-testid="uc-accept-all-button">Akzeptieren</button></div></template></div>',
    # a consent manager's own element: a box that says it is about cookies, an accept button by its words
    '<cmp-banner><template shadowrootmode="open"><section class="cookie-consent"><p>Wir verwenden Cookies.</p>'
    '<button>Einstellungen</button><button>Alle akzeptieren</button></section></template></cmp-banner>',
])
def test_a_consent_banner_in_an_open_shadow_root_is_accepted(banner):
    from auditor.consent import dismiss_overlays

    html = """<html lang="de"><body><main><h1>Leinenhemd</h1></main>""" + banner + """<script>
      for (const b of document.querySelector('#usercentrics-root, cmp-banner').shadowRoot.querySelectorAll('button'))
        b.addEventListener('click', () => { document.title = 'clicked ' + b.textContent; });
    </script></body></html>"""

    async def run():
        async with launch() as browser:
            page = await browser.new_page()
            await page.set_content(html)
            clicked = await dismiss_overlays(page)
            return clicked, await page.title()

    clicked, title = asyncio.run(run())
    assert clicked and title in ("clicked Akzeptieren", "clicked Alle akzeptieren"), (clicked, title)
