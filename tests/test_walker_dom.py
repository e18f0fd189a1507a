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
