"""Dismiss cookie-consent banners and newsletter pop-ups so they do not hide a store's content.

First the accept buttons of common consent managers (OneTrust, Cookiebot, Didomi, Usercentrics, Quantcast,
CookieYes, Complianz, Borlabs, iubenda, Osano, TrustArc, Klaro, CookieFirst, Google's consent dialog…), then
generic accept buttons inside any element that says it is about cookies/consent, and close buttons of
dialogs and pop-ups, matched by the lexicon's words in en/pl/uk/ru/sk/cs/de; in the page and in its open
shadow roots (where Usercentrics renders its banner). A dialog that offers the way to the basket or checkout
(an add-to-cart confirmation: "View cart", "Zobacz koszyk", "Zur Kasse") is left open.
"""

from __future__ import annotations

import asyncio
import contextlib

from auditor import lexicon
from auditor.browser import deep_dom, evaluate_json

EVALUATE_TIMEOUT_S = 10  # one pass over a page; a page whose script spins never answers

KNOWN_ACCEPT_SELECTORS = [
    "#onetrust-accept-btn-handler",
    "#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll",
    "#CybotCookiebotDialogBodyButtonAccept",
    "#didomi-notice-agree-button",
    "button[data-testid='uc-accept-all-button']",
    ".qc-cmp2-summary-buttons button[mode='primary']",
    ".cky-btn-accept",
    ".cmplz-accept",
    "a._brlbs-btn-accept-all",
    ".iubenda-cs-accept-btn",
    ".osano-cm-accept-all",
    "#truste-consent-button",
    ".cm-btn-accept-all",
    ".klaro .cm-btn-success",
    "[data-cookiefirst-action='accept']",
    ".fc-cta-consent",
    "#cookie_action_close_header",
    ".cc-allow",
    ".cc-dismiss",
    "#axeptio_btn_acceptAll",
    "#CookieBoxSaveButton",
    ".js-cookie-consent-agree",
]

# One pass over the page: returns what it clicked. Runs in the page; terms come from the lexicon.
_DISMISS_JS = deep_dom(r"""
([known, accept, close, wayOn]) => {
  const clicked = [];
  const visible = (el) => {
    if (!el || !el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) !== 0;
  };
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const label = (el) => norm(el.innerText || el.value || el.getAttribute('aria-label') || el.title || '');
  const click = (el, what) => { try { el.click(); clicked.push(what); return true; } catch (e) { return false; } };
  for (const sel of known) {
    let el = null;
    try { el = $1(document, sel); } catch (e) { continue; }
    if (el && visible(el)) { click(el, 'consent:' + sel); break; }
  }
  const buttons = 'button, a, [role=button], input[type=button], input[type=submit]';
  const consentBox = /cookie|consent|gdpr|rodo|privacy|cmp|dsgvo|souhlas|suhlas|zgod/i;
  if (!clicked.length) {
    const boxes = $$(document, 'div, section, aside, dialog, form, [role=dialog], [role=region]')
      .filter((el) => consentBox.test((el.id || '') + ' ' + (typeof el.className === 'string' ? el.className : '') + ' ' + (el.getAttribute('aria-label') || '')))
      .filter(visible);
    outer: for (const box of boxes) {
      for (const term of accept) {
        for (const b of $$(box, buttons)) {
          const t = label(b);
          if (visible(b) && (t === term || (t.startsWith(term) && t.length <= term.length + 12))) {
            click(b, 'consent:' + t); break outer;
          }
        }
      }
    }
  }
  const dialogs = $$(document, '[role=dialog], [aria-modal=true], dialog[open], .modal, .popup, [class*=newsletter], [id*=newsletter], [class*=popup], [id*=popup]')
    .filter(visible);
  for (const d of dialogs) {
    // an add-to-cart confirmation ("View cart", "Checkout", "Zobacz koszyk", "Zur Kasse") is a way on, not a pop-up
    if ($$(d, 'a, button').some((b) => visible(b) && wayOn.some((w) => label(b).includes(w)))) continue;
    for (const b of $$(d, buttons + ', [class*=close], [data-dismiss]')) {
      if (!visible(b)) continue;
      const t = label(b);
      const aria = norm(b.getAttribute('aria-label') || b.title || '');
      const isClose = ['×', '✕', '✖', 'x', '╳'].includes(t) || close.some((c) => t === c || aria === c || aria.startsWith(c))
        || /(^|[\s_-])close([\s_-]|$)/i.test(typeof b.className === 'string' ? b.className : '');
      if (isClose) { click(b, 'popup:' + (aria || t || 'close')); break; }
    }
  }
  return clicked;
}
""")


async def dismiss_overlays(page, settle_ms: int = 0) -> list[str]:
    """Close consent banners and pop-ups on ``page``; with ``settle_ms``, wait and look once more (pop-ups
    that a store opens a moment after load). Returns what was clicked."""
    way_on = [t for t in lexicon.terms("cart") + lexicon.terms("checkout") if len(t) > 3]
    args = [KNOWN_ACCEPT_SELECTORS, lexicon.terms("consent_accept"), lexicon.terms("close"), way_on]
    clicked: list[str] = []
    with contextlib.suppress(Exception):  # a page whose script spins never answers: bounded
        clicked += await asyncio.wait_for(evaluate_json(page, _DISMISS_JS, args), EVALUATE_TIMEOUT_S)
    if settle_ms:
        await asyncio.sleep(settle_ms / 1000)
        with contextlib.suppress(Exception):
            clicked += await asyncio.wait_for(evaluate_json(page, _DISMISS_JS, args), EVALUATE_TIMEOUT_S)
    return clicked
