"""What the checkout walker does on a page, as a shopper would, on any storefront's markup.

* :func:`choose_options` picks a product's required options with every common kind of picker: ``<select>``,
  radio groups (named or not), size buttons and colour swatches, ARIA radiogroups and listboxes, and custom
  dropdowns (a button that opens a list of options);
* :func:`fill_forms` fills guest forms: the ``autocomplete`` token of a field first (``email``,
  ``given-name``, ``postal-code``, ``address-line1``, ``tel``…), its name, id and label second; custom
  selects and comboboxes; the test address follows the country the form preselects (:func:`form_country`);
* :func:`tick_required` ticks the required boxes that cost nothing (terms, privacy), never a paid extra nor a
  newsletter;
* :func:`choose_methods` keeps the default delivery method or picks the cheapest, and where a payment method
  must be picked, one that does not pay online (bank transfer, cash on delivery, invoice);
* :data:`CART_PATHS` are the usual basket addresses, tried when no link to the basket can be found.

Nothing here submits: clicks only choose; the walker's guard decides what may be sent.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from auditor import lexicon
from auditor.browser import deep_dom

CART_PATHS = ("/cart", "/basket", "/koszyk", "/warenkorb", "/kosik", "/korzina", "/koshyk", "/checkout/cart",
              "/cart.php", "/order/cart", "/en/cart", "/bag")

# words of picker elements: swatches, variant buttons, size lists (class, name, data attributes)
_PICKER_HINT = (r"swatch|variant|variation|option|attribute|configurator|size|rozmiar|velikost|velkost|grosse|"
                r"größe|razmer|rozmir|color|colour|kolor|barva|farbe|product-form__input|sku")

_PICK_JS = deep_dom(r"""
([pickerHint, addWords]) => {
  const hint = new RegExp(pickerHint, 'i');
  const chosen = [];
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const off = (el) => el.disabled || el.getAttribute('aria-disabled') === 'true' ||
    /(^|[\s_-])(disabled|unavailable|sold-?out|out-?of-?stock|inactive|crossed)([\s_-]|$)/i.test(typeof el.className === 'string' ? el.className : '');
  // the add-to-basket form: one holding a button that says so, else one posting to an add address
  const forms = [...$$(document, 'form')];
  const says = (f) => [...$$(f, 'button, input[type=submit]')].some((b) =>
    addWords.some((w) => (b.innerText || b.value || '').toLowerCase().includes(w)));
  const buy = forms.find(says) || forms.find((f) => /add|line-?item|dodaj|pridat|hinzu/i.test(f.getAttribute('action') || '')) ||
    forms.find((f) => /cart|basket|koszyk|kosik|warenkorb|korzin/i.test(f.getAttribute('action') || ''));
  // the product's block: from the add-to-basket form up to the nearest ancestor holding the product's heading
  // (up through shadow roots: a buy box's form in its own shadow root, the size picker in a sibling element's)
  let area = buy || $1(document, 'main') || document.body;
  while (buy && parentOf(area) && parentOf(area) !== document.body && !$1(area, 'h1')) area = parentOf(area);
  const inChrome = (el) => !!closestDeep(el, 'header, nav, footer, [role=banner], [role=navigation]');
  // native selects
  for (const select of $$(area, 'select')) {
    if (inChrome(select) || select.disabled) continue;
    const cur = select.options[select.selectedIndex];
    if (cur && cur.value && !cur.disabled && select.selectedIndex > 0) continue;
    if (cur && cur.value && !cur.disabled && !/choose|select|wybierz|vyberte|vyber|wählen|auswählen|выбер|вибер|--/i.test(cur.text)) continue;
    const opt = [...select.options].find((o) => o.value && !o.disabled && o !== cur && !/choose|select|wybierz|vyberte|wählen|выбер|вибер|^-+/i.test(o.text));
    if (opt) { select.value = opt.value; select.dispatchEvent(new Event('input', {bubbles: true}));
      select.dispatchEvent(new Event('change', {bubbles: true})); chosen.push('select:' + (select.name || select.id)); }
  }
  // radios: grouped by name, or by their container when they have none
  const groups = new Map();
  for (const r of $$(area, 'input[type=radio]')) {
    if (inChrome(r)) continue;
    const key = r.name || r.closest('fieldset, [role=radiogroup], ul, ol, div') || r;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  for (const [key, list] of groups) {
    if (list.some((r) => r.checked)) continue;
    const r = list.find((x) => !off(x) && (visible(x) || visible(x.closest('label')) || (x.id && visible($1(document, 'label[for="' + CSS.escape(x.id) + '"]')))));
    if (r) { const label = r.id && $1(document, 'label[for="' + CSS.escape(r.id) + '"]'); (label || r).click();
      if (!r.checked) r.click(); chosen.push('radio:' + (r.name || r.value)); }
  }
  // ARIA radiogroups and listboxes
  for (const group of $$(area, '[role=radiogroup], [role=listbox]')) {
    if (inChrome(group) || !visible(group)) continue;
    const opts = [...$$(group, '[role=radio], [role=option]')];
    if (!opts.length || opts.some((o) => o.getAttribute('aria-checked') === 'true' || o.getAttribute('aria-selected') === 'true')) continue;
    const o = opts.find((x) => !off(x) && visible(x));
    if (o) { o.click(); chosen.push('aria:' + (o.innerText || o.getAttribute('aria-label') || '').trim().slice(0, 20)); }
  }
  // size buttons and swatches: siblings of one pattern, none marked as chosen
  const clusters = new Map();
  for (const el of $$(area, 'button, a, li, span, label, div[data-value], div[data-option-value]')) {
    if (inChrome(el) || el.closest('[role=radiogroup], [role=listbox], select') || el.querySelector('input')) continue;
    const cls = typeof el.className === 'string' ? el.className : '';
    const attrs = cls + ' ' + (el.getAttribute('data-option') || '') + ' ' + (el.getAttribute('name') || '') + ' ' +
      (el.parentElement && typeof el.parentElement.className === 'string' ? el.parentElement.className : '');
    if (!hint.test(attrs) || !visible(el)) continue;
    if (el.tagName === 'A' && (el.getAttribute('href') || '#') !== '#' && !el.hasAttribute('data-value')) continue;
    const text = (el.innerText || el.getAttribute('aria-label') || el.title || '').trim();
    if (text.length > 30) continue;
    const key = el.parentElement;
    if (!clusters.has(key)) clusters.set(key, []);
    clusters.get(key).push(el);
  }
  const isOn = (el) => el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-checked') === 'true' ||
    el.getAttribute('aria-selected') === 'true' || el.getAttribute('aria-current') === 'true' ||
    /(^|[\s_-])(selected|active|checked|is-selected|is-active|current|chosen)([\s_-]|$)/i.test(typeof el.className === 'string' ? el.className : '');
  // a wrapper (a list item, a span) around one button or link: the shopper clicks the control inside it
  const control = (el) => { if (['BUTTON', 'A'].includes(el.tagName)) return el;
    const inner = $$(el, 'button, a, [role=button]'); return inner.length === 1 ? inner[0] : el; };
  for (const [parent, list] of clusters) {
    if (list.length < 2 || list.some((x) => isOn(x) || isOn(control(x)))) continue;
    const el = list.find((x) => !off(x) && !off(control(x)));
    if (el) { control(el).click(); chosen.push('button:' + (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 20)); }
  }
  // custom dropdowns: a trigger that opens a list; the walker clicks it, then an option (returned as indexes)
  const triggers = [...$$(area, '[aria-haspopup=listbox], [aria-haspopup=true][class*=select], button[class*=dropdown], [class*=select__trigger], [class*=dropdown-toggle]')]
    .filter((el) => !inChrome(el) && visible(el) && el.getAttribute('aria-expanded') !== 'true');
  window.__clearcartTriggers = triggers;
  return {chosen, triggers: triggers.length};
}
""")

_PICK_OPTION_JS = deep_dom(r"""
(want) => {
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const opts = [...$$(document, '[role=option], [class*=dropdown] li, [class*=select__option]')]
    .filter((o) => visible(o) && o.getAttribute('aria-disabled') !== 'true' && !o.hasAttribute('data-disabled') &&
      !/(^|[\s_-])(disabled|sold-?out|unavailable)([\s_-]|$)/i.test(typeof o.className === 'string' ? o.className : ''));
  // the option the walker wants (the test address's country), else the first real one
  const o = opts.find((x) => (want || []).includes(norm(x.innerText))) ||
    opts.find((x) => x.getAttribute('aria-selected') !== 'true' && !/choose|select|wybierz|vyber|wählen|выбер|вибер/i.test(x.innerText || '')) || opts[0];
  if (o) { o.click(); return (o.innerText || '').trim().slice(0, 30); }
  return '';
}
""")


async def choose_options(page: Any) -> list[str]:
    """Pick the product's options a shopper must choose before adding to the basket; returns what was chosen."""
    result = await page.evaluate(_PICK_JS, [_PICKER_HINT, lexicon.terms("add_to_cart")])
    return list(result.get("chosen", [])) + await _open_and_pick(page, "__clearcartTriggers",
                                                                  int(result.get("triggers", 0)), "dropdown")


async def _open_and_pick(page: Any, registry: str, count: int, what: str, wants: str = "") -> list[str]:
    """Open each custom dropdown the page script listed in ``window[registry]`` (at most four) and pick an
    option in the list it shows (one of the names ``window[wants][i]`` lists when there is one); returns
    ``what:option`` for each pick."""
    picks = []
    for index in range(min(count, 4)):
        with contextlib.suppress(Exception):
            handle = await page.evaluate_handle(f"(i) => window.{registry}[i]", index)
            element = handle.as_element()
            if element is None:
                continue
            want = await page.evaluate(f"(i) => (window.{wants} || [])[i] || []", index) if wants else []
            await element.click(timeout=3000)
            await page.wait_for_timeout(250)
            picked = await page.evaluate(_PICK_OPTION_JS, want)
            if picked:
                picks.append(f"{what}:{picked}")
    return picks


# ------------------------------------------------------------------------------------------------ forms

@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-case country name (in our languages and English) or ISO code -> ISO code, for the countries the
    test customer has an address in."""
    from babel import Locale

    names: dict[str, str] = {}
    for code in COUNTRY_LANG:
        names[code.lower()] = code
    for locale in ("en", "pl", "uk", "ru", "sk", "cs", "de"):
        with contextlib.suppress(Exception):
            territories = Locale.parse(locale).territories
            for code in COUNTRY_LANG:
                if code in territories:
                    names[territories[code].lower()] = code
    # official long forms forms preselect ("Российская Федерация" in OpenCart's Russian pack), beside CLDR's short ones
    names.update({"czechia": "CZ", "czech republic": "CZ", "česko": "CZ", "česká republika": "CZ",
                  "slovenská republika": "SK", "slovak republic": "SK", "great britain": "GB",
                  "российская федерация": "RU", "russian federation": "RU", "російська федерація": "RU",
                  "federacja rosyjska": "RU", "rzeczpospolita polska": "PL", "republic of poland": "PL",
                  "bundesrepublik deutschland": "DE", "federal republic of germany": "DE",
                  "republik österreich": "AT",
                  "united kingdom": "GB", "uk": "GB", "usa": "US", "united states": "US"})
    return names


COUNTRY_LANG = {"PL": "pl", "UA": "uk", "RU": "ru", "SK": "sk", "CZ": "cs", "DE": "de", "AT": "de", "CH": "de",
                "IE": "en", "GB": "en", "US": "en"}


def country_code(text: str) -> str:
    """ISO code of a country as a form shows it ("Deutschland", "Česká republika", "PL"), '' when unknown."""
    value = (text or "").strip().lower()
    if not value:
        return ""
    names = country_names()
    if value in names:
        return names[value]
    for name, code in names.items():
        if len(name) > 3 and name in value:
            return code
    return ""


_COUNTRY_JS = deep_dom(r"""
() => {
  const isCountry = (el) => /country|countryid|id_country|land|kraj|krajina|země|zeme|страна|країна|state_country/i.test(
    [el.name, el.id, el.getAttribute('autocomplete'), el.getAttribute('aria-label')].join(' '));
  for (const el of $$(document, 'select, input')) {
    if (!isCountry(el)) continue;
    if (el.tagName === 'SELECT') { const o = el.options[el.selectedIndex]; if (o && o.value) return [o.text, o.value]; }
    else if (el.value) return [el.value, el.value];
  }
  return ['', ''];
}
""")


async def form_country(page: Any) -> str:
    """The ISO code of the country the page's address form preselects ('' when none)."""
    with contextlib.suppress(Exception):
        text, value = await page.evaluate(_COUNTRY_JS)
        return country_code(text) or country_code(value)
    return ""


# autocomplete tokens (HTML spec) -> the customer's field
_FILL_JS = deep_dom(r"""
([customer, rulesSrc]) => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const labelOf = (input) => {
    if (input.id) { const l = $1(document, 'label[for="' + CSS.escape(input.id) + '"]'); if (l) return norm(l.innerText); }
    const wrap = input.closest('label'); if (wrap) return norm(wrap.innerText);
    const by = input.getAttribute('aria-labelledby'); const l2 = by && document.getElementById(by.split(' ')[0]);
    return norm((l2 && l2.innerText) || input.placeholder || input.getAttribute('aria-label') || '');
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const tokens = {'email': 'email', 'tel': 'phone', 'tel-national': 'phone', 'postal-code': 'postcode',
    'address-level2': 'city', 'address-line1': 'street', 'street-address': 'street', 'given-name': 'first_name',
    'family-name': 'last_name', 'name': 'full_name', 'organization': null, 'address-line2': null,
    'address-level1': null, 'country': null, 'country-name': null, 'cc-number': null, 'cc-name': null,
    'cc-exp': null, 'cc-csc': null, 'one-time-code': null, 'current-password': null, 'new-password': null};
  const rules = rulesSrc.map(([k, src]) => [k, new RegExp(src, 'i')]);
  const setValue = (input, value) => {
    const proto = input.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
    input.focus(); setter.call(input, value);  // through the native setter, so React/Vue see the change
    input.dispatchEvent(new Event('input', {bubbles: true})); input.dispatchEvent(new Event('change', {bubbles: true}));
    input.dispatchEvent(new Event('blur', {bubbles: true}));
  };
  const filled = [];
  for (const input of $$(document, 'input, textarea')) {
    const type = (input.type || 'text').toLowerCase();
    if (!['text', 'email', 'tel', 'number', 'search', ''].includes(type) && input.tagName !== 'TEXTAREA') continue;
    if (!visible(input) || input.readOnly || input.disabled || input.value) continue;
    const hint = norm([input.name, input.id, labelOf(input), input.placeholder].join(' '));
    if (/coupon|promo|voucher|rabat|kod rabat|gutschein|sleva|zľav|знижк|скидк|search|szukaj|suche|comment|uwagi|note|bemerk|poznám|vat.?id|nip|ičo|dič|ust-?id|company|firma|firm|компан/.test(hint)) continue;
    // an optional second address line ("address_2", "Address line 2", "Adres 2", "Adresszusatz") stays empty
    if (!input.required && /(address|adres|adresa|anschrift|адрес|адреса)[\s._-]*(line)?[\s._-]*2(\D|$)|line[\s._-]*2(\D|$)|adresszusatz/.test(hint)) continue;
    const auto = norm(input.getAttribute('autocomplete') || '').split(' ').filter((t) => !/^(section-|shipping|billing|home|work|mobile)/.test(t)).pop() || '';
    let key;
    if (auto in tokens) key = tokens[auto];
    else {
      key = undefined;
      for (const [k, re] of rules) { if (re.test(hint)) { key = k; break; } }
      if (key === undefined && type === 'email') key = 'email';
      if (key === undefined && type === 'tel') key = 'phone';
    }
    if (!key) { if (input.getAttribute('role') === 'combobox') input.dataset.clearcartCombo = '1'; continue; }
    const value = key === 'full_name' ? customer.first_name + ' ' + customer.last_name : customer[key];
    if (!value) continue;
    setValue(input, value);
    filled.push(key + ':' + (input.name || input.id));
  }
  for (const select of $$(document, 'select')) {
    if (!visible(select) || select.disabled) continue;
    const current = select.options[select.selectedIndex];
    if (current && current.value && !current.disabled) continue;
    const isCountry = /country|land|kraj|země|страна|країна/i.test([select.name, select.id, select.getAttribute('autocomplete')].join(' '));
    const want = isCountry && customer.country_names ? [...select.options].find((o) => customer.country_names.includes(norm(o.text)) || customer.country_names.includes(norm(o.value))) : null;
    const option = want || [...select.options].find((o) => o.value && !o.disabled);
    if (option) { select.value = option.value; select.dispatchEvent(new Event('change', {bubbles: true})); filled.push('select:' + (select.name || select.id)); }
  }
  // custom comboboxes left empty: the walker opens them and picks an option
  const combos = [...$$(document, 'input[role=combobox][data-clearcart-combo], [role=combobox]:not(input), button[aria-haspopup=listbox]')]
    .filter((el) => visible(el) && !(el.value || '').trim() && !/\S/.test(el.tagName === 'INPUT' ? '' : (el.getAttribute('data-value') || '')));
  // a trigger still showing its placeholder: chooser words, nothing, a data-placeholder mark (Radix, Base UI), or
  // the words of its own label ("Country")
  const placeholder = (el) => el.hasAttribute('data-placeholder') || el.querySelector('[data-placeholder]') ||
    /choose|select|wybierz|vyber|wählen|выбер|вибер|^\s*$/i.test(el.innerText || '') ||
    (el.id && norm(el.innerText) === norm(labelOf(el)).replace(/\s*\*$/, ''));
  window.__clearcartCombos = combos.filter((el) => el.tagName === 'INPUT' ? !el.value : placeholder(el));
  const isCountryCombo = (el) => /country|land|kraj|země|страна|країна/i.test([el.name, el.id, el.getAttribute('autocomplete'), labelOf(el)].join(' '));
  window.__clearcartComboWants = window.__clearcartCombos.map((el) => isCountryCombo(el) ? (customer.country_names || []) : []);
  return {filled, combos: window.__clearcartCombos.length};
}
""")

# field name/label/id words -> customer field, in our languages (second signal after autocomplete)
# The address words come after the name words: a field's name often carries its form's prefix
# ("shippingAddress.full_name", "billing_address[first_name]"); a bare "name" comes last ("Street name").
_RULES = [
    ("email", r"e-?mail|почт|пошт"),
    ("phone", r"phone|tel|telefon|телефон|mobil"),
    ("postcode", r"post.?code|zip|kod.?poczt|psč|psc|plz|postleitzahl|індекс|индекс|poštov|postal"),
    ("city", r"city|town|miasto|місто|город|mesto|město|(^|\W)ort(\W|$)|stadt|obec|locality"),
    ("full_name", r"^name$|full.?name|imię i nazwisko|celé jméno|celé meno|vollständiger name|полное имя|повне ім"),
    ("first_name", r"first.?name|given|imi[eę]|ім'я|імя|имя|meno|jméno|jmeno|vorname|fname|firstname"),
    ("last_name", r"last.?name|surname|family|nazwisk|прізвищ|фамили|priezvisk|příjmení|prijmeni|nachname|lname"),
    ("street", r"street|address|adres|ulica|вулиц|улиц|адрес|adresa|ulice|straße|strasse|anschrift|line1"),
    ("full_name", r"(^|\W)name(\W|$)"),
]


async def fill_forms(page: Any, customer: dict[str, Any]) -> list[str]:
    """Fill the visible guest form fields; open and choose custom comboboxes left empty."""
    data = dict(customer)
    data["country_names"] = [n for n, c in country_names().items() if c == data.get("country")]
    result = await page.evaluate(_FILL_JS, [data, _RULES])
    return list(result.get("filled", [])) + await _open_and_pick(page, "__clearcartCombos", int(result.get("combos", 0)),
                                                                  "combobox", wants="__clearcartComboWants")


_TICK_JS = deep_dom(r"""
([paidWords, newsletterWords, termsWords]) => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const labelOf = (c) => { if (c.id) { const l = $1(document, 'label[for="' + CSS.escape(c.id) + '"]'); if (l) return norm(l.innerText); }
    const w = c.closest('label'); return norm(w ? w.innerText : (c.parentElement || {}).innerText || ''); };
  const price = /\d[\d\s.,]*\s*(zł|€|eur|kč|czk|₴|грн|₽|руб|\$|£|pln)|(€|\$|£)\s*\d/i;
  const ticked = [];
  for (const c of $$(document, 'input[type=checkbox]')) {
    if (c.checked || c.disabled) continue;
    const label = labelOf(c);
    const terms = termsWords.some((w) => label.includes(w));
    const required = c.required || c.getAttribute('aria-required') === 'true' || terms;
    if (!required || price.test(label) || newsletterWords.some((w) => label.includes(w))) continue;
    if (!terms && paidWords.some((w) => label.includes(w))) continue;  // "insurance", "gift wrap": never ours to tick
    const l = c.id && $1(document, 'label[for="' + CSS.escape(c.id) + '"]');
    c.click(); if (!c.checked && l) l.click();
    if (c.checked) ticked.push(label.slice(0, 40));
  }
  return ticked;
}
""")


async def tick_required(page: Any) -> list[str]:
    """Tick required boxes that cost nothing (terms, privacy); never a paid extra nor a newsletter."""
    with contextlib.suppress(Exception):
        return await page.evaluate(_TICK_JS, [lexicon.terms("price_fee"), lexicon.terms("newsletter"),
                                              lexicon.terms("terms_accept")])
    return []


_METHODS_JS = deep_dom(r"""
([offline, paymentWords]) => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const rowOf = (r) => r.closest('label, li, tr, [class*=option], [class*=method]') || r.parentElement;
  const labelOf = (r) => { if (r.id) { const l = $1(document, 'label[for="' + CSS.escape(r.id) + '"]'); if (l) return norm(l.innerText); }
    const row = rowOf(r); return norm(row ? row.innerText : ''); };
  const price = (r) => { const m = labelOf(r).replace(/(\d)\s+(\d)/g, '$1$2').match(/(\d+(?:[.,]\d{1,2})?)\s*(zł|€|eur|kč|czk|₴|грн|₽|руб|pln)|(?:€|\$|£)\s*(\d+(?:[.,]\d{1,2})?)/i);
    return m ? parseFloat((m[1] || m[3]).replace(',', '.')) : 0; };
  const groups = new Map();
  for (const r of $$(document, 'input[type=radio]')) {
    if (r.closest('header, footer')) continue;
    const key = r.name || r.closest('fieldset, [role=radiogroup], ul, ol, form') || r;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const plan = [];
  for (const [key, list] of groups) {
    const usable = list.filter((r) => !r.disabled && (visible(r) || visible(rowOf(r))));
    if (!usable.length || list.some((r) => r.checked)) continue;
    const names = norm((typeof key === 'string' ? key : '') + ' ' + usable.map(labelOf).join(' '));
    const isPayment = paymentWords.some((w) => names.includes(w));
    usable.sort((a, b) => {
      if (isPayment) {
        const oa = offline.some((w) => labelOf(a).includes(w)) ? 0 : 1, ob = offline.some((w) => labelOf(b).includes(w)) ? 0 : 1;
        if (oa !== ob) return oa - ob;
      }
      return price(a) - price(b);
    });
    plan.push({radio: usable[0], label: labelOf(usable[0]).slice(0, 80), payment: isPayment});
  }
  window.__clearcartMethodPlan = plan.map((p) => p.radio);
  return plan.map((p) => ({label: p.label, payment: p.payment}));
}
""")

# clicks the radio the plan above chose: the radio when it shows, else its label or its row (a styled card)
_METHOD_CLICK_JS = deep_dom(r"""
(i) => {
  const r = (window.__clearcartMethodPlan || [])[i];
  if (!r || r.checked) return false;
  const visible = (el) => { if (!el) return false; const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const row = r.closest('label, li, tr, [class*=option], [class*=method]') || r.parentElement;
  const l = r.id && $1(document, 'label[for="' + CSS.escape(r.id) + '"]');
  (visible(r) ? r : (l || row || r)).click();
  if (!r.checked) r.click();
  return true;
}
""")


async def choose_methods(page: Any, allow: Callable[[str], bool] | None = None,
                         payment: bool | None = None) -> list[str]:
    """Keep chosen delivery/payment methods; where none is chosen, pick the cheapest delivery and a payment
    method that does not pay online. ``allow(label)`` vets each choice before it is clicked; ``payment`` True or
    False makes only the payment choices, or only the others (delivery, options)."""
    chosen: list[str] = []
    with contextlib.suppress(Exception):
        plan = await page.evaluate(_METHODS_JS, [lexicon.terms("payment_offline"), lexicon.terms("payment_word")])
        for index, choice in enumerate(plan):
            if payment is not None and bool(choice["payment"]) != payment:
                continue
            if allow is not None and not allow(choice["label"]):
                continue
            if await page.evaluate(_METHOD_CLICK_JS, index):
                chosen.append(("payment:" if choice["payment"] else "option:") + choice["label"][:40])
    return chosen
