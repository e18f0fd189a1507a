"""The walker's page readings on small HTML snippets in a real browser (no server): which button is the way on,
which rows are read. Each snippet reproduces a DOM convention seen on a real store platform."""

from __future__ import annotations

import asyncio
from pathlib import Path

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


# a React one-page checkout's address form (EverShop 2.2 shape): field names carry the form's prefix
# ("shippingAddress.full_name"), Country is a custom select (a button showing its label as placeholder, marked
# data-placeholder) whose options carry Tailwind variant classes ("data-[disabled]:opacity-50")
PREFIXED_FORM = """<main><h1>Checkout</h1><form>
<label for="field-shippingAddress.full_name">Full name*</label>
<input id="field-shippingAddress.full_name" name="shippingAddress.full_name">
<label for="field-shippingAddress.address_1">Address*</label>
<input id="field-shippingAddress.address_1" name="shippingAddress.address_1">
<label for="field-shippingAddress.address_2">Address 2</label>
<input id="field-shippingAddress.address_2" name="shippingAddress.address_2">
<label for="field-shippingAddress.country">Country<span>*</span></label>
<button type="button" id="field-shippingAddress.country" role="combobox" aria-haspopup="listbox" aria-expanded="false"
  data-placeholder=""><span data-placeholder="">Country</span></button>
<div id="list" role="listbox" hidden>
  <div role="option" aria-disabled="true" data-disabled="">Country</div>
  <div role="option" class="focus:bg-accent data-[disabled]:opacity-50">Germany</div>
  <div role="option" class="focus:bg-accent data-[disabled]:opacity-50">Ireland</div></div></form>
<script>
const trigger = document.getElementById('field-shippingAddress.country'), list = document.getElementById('list');
trigger.addEventListener('click', () => { list.hidden = false; trigger.setAttribute('aria-expanded', 'true'); });
for (const o of list.querySelectorAll('[role=option]:not([data-disabled])')) o.addEventListener('click', () => {
  trigger.textContent = o.textContent; trigger.removeAttribute('data-placeholder'); list.hidden = true;
  trigger.setAttribute('aria-expanded', 'false'); });
</script></main>"""


def test_prefixed_names_and_a_placeholder_select_get_the_test_address():
    from auditor import shopper

    async def run():
        async with launch() as browser:
            page = await browser.new_page()
            await page.set_content(PREFIXED_FORM)
            filled = await shopper.fill_forms(page, checkout.TestCustomer.for_language("en").__dict__)
            values = await page.evaluate("() => [document.querySelector('[name=\"shippingAddress.full_name\"]').value, "
                                         "document.querySelector('[name=\"shippingAddress.address_1\"]').value, "
                                         "document.querySelector('[name=\"shippingAddress.address_2\"]').value, "
                                         "document.getElementById('field-shippingAddress.country').textContent]")
            return filled, values

    filled, values = asyncio.run(run())
    # the Irish test address's country; the optional second address line stays empty
    assert values == ["Test Clearcart", "1 Test Street", "", "Ireland"], filled


# an armed one-page checkout (cash on delivery offered from the start) that saves the address when a delivery
# method is picked (a fetch POST), then shows the delivery charge: EverShop 2.2's shape; choosing the payment
# method posts too (a store that may order on it)
ARMED_ONE_PAGE = """<!doctype html><html><body><main><h1>Checkout</h1>
<label><input type="radio" name="ship" value="std"> Standard delivery €4.90</label>
<label><input type="radio" name="ship" value="exp"> Express delivery €9.90</label>
<p>Payment</p><label><input type="radio" name="pay" value="cod"> Cash on delivery</label>
<p>Shipping <span id="ship">-</span></p><button type="button">Place Order</button>
<script>for (const r of document.querySelectorAll('[name=ship]')) r.addEventListener('change', async () => {
  try { const res = await fetch('/api/carts/7/addresses', {method: 'POST', body: r.value});
        document.getElementById('ship').textContent = await res.text(); }
  catch (e) { document.getElementById('ship').textContent = 'stopped'; } });
document.querySelector('[name=pay]').addEventListener('change', () => fetch('/api/carts/7/payment-method',
  {method: 'POST', body: 'pay-cod'}).catch(() => {}));</script></main></body></html>"""


@pytest.fixture()
def armed_shop():
    """A local shop serving ARMED_ONE_PAGE at /checkout; the bodies of the POSTs it received."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    posted: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self._send(ARMED_ONE_PAGE, "text/html")

        def do_POST(self):  # noqa: N802
            posted.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            self._send("€4.90", "text/plain")

        def _send(self, body: str, kind: str):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", kind + "; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/checkout", posted
    server.shutdown()


@pytest.mark.parametrize("permit", [False, True])
def test_a_delivery_choice_on_an_armed_step_posts_only_with_the_users_permit(armed_shop, tmp_path, permit):
    """On an armed one-page checkout the delivery choice's address save is stopped by default; with the user's
    permit (safety part 6) it is sent, as the walker's own action, although the order button was in view all
    along. The payment choice's POST is stopped either way."""
    from auditor import safety

    url, posted = armed_shop

    async def run():
        async with launch() as browser:
            walker = checkout.Walker(tmp_path, post_payment_step=permit)
            guard = walker.guard = safety.Guard(post_payment_step=permit, site=url)
            context, page = await safety.open_walk(browser, guard)
            walker.watch(page)
            await page.goto(url)
            await page.wait_for_timeout(300)
            assert guard.armed and guard.order_in_view  # cash on delivery and "Place Order" from the start
            chosen = await walker._choose_shipping(page)
            await page.wait_for_timeout(500)
            shown = await page.evaluate("() => document.getElementById('ship').textContent")
            await context.close()
            return chosen, shown, guard

    chosen, shown, guard = asyncio.run(run())
    assert [c.split(":", 1)[1] for c in chosen] == ["standard delivery €4.90", "cash on delivery"]
    assert any("/api/carts/7/payment-method" in b for b in guard.blocked)
    assert "pay-cod" not in posted and guard.permit == 0
    if permit:
        assert posted == ["std"] and shown == "€4.90"
        assert [r.split(" ", 1)[0] for r in guard.permitted] == ["POST"] and "/addresses" in guard.permitted[0]
    else:
        assert posted == [] and shown == "stopped" and guard.permitted == []
        assert any("/api/carts/7/addresses" in b for b in guard.blocked)


def test_a_choice_that_reads_as_ordering_is_never_clicked():

    html = ("<main><label><input type='radio' name='x' value='a'> Buy now and pay</label>"
            "<label><input type='radio' name='y' value='b'> Standard delivery €4.90</label></main>")

    async def run():
        async with launch() as browser:
            page = await browser.new_page()
            await page.set_content(html)
            walker = checkout.Walker(Path("."))
            walker.guard = None
            chosen = await walker._choose_shipping(page)
            return chosen, await page.evaluate("() => [...document.querySelectorAll('input:checked')].map(i => i.value)")

    chosen, checked = asyncio.run(run())
    assert checked == ["b"] and chosen == ["option:standard delivery €4.90"]


@pytest.mark.parametrize("value, unpriced", [("Select shipping method", "Shipping: Select shipping method"),
                                             ("€4.90", None), ("Free", None)])
def test_a_delivery_line_without_an_amount_is_told_apart(value, unpriced):
    from auditor.ledger import unpriced_shipping

    html = (f"<main><h1>Checkout</h1><div><div><span>Sub total</span><div>€12.00</div></div>"
            f"<div><span>Shipping</span><div>{value}</div></div><div><span>Total</span><div>€12.00</div></div></div>"
            "<button type='button'>Place Order</button></main>")
    assert unpriced_shipping(evaluate(html, checkout._STEP_JS)["nodes"]) == unpriced


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
