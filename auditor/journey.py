"""Replay a Chrome DevTools Recorder journey for stores the checkout heuristics cannot walk.

Record the way from a product to the last checkout step in Chrome DevTools (Recorder panel → Export → JSON)
and pass it with ``clearcart scan URL --journey FILE``. Steps understood: ``setViewport``, ``navigate``,
``click`` / ``doubleClick``, ``change``, ``waitForElement``, ``scroll``; key presses are skipped (Enter could
submit a form). Selectors: CSS, ``xpath/``, ``pierce/``, ``text/`` and ``aria/`` (tried in the recorded
order). The replay runs inside the same safety envelope as the walker (:mod:`auditor.safety`): every recorded
click is vetted before it is made. A click on the order/pay button (its wording, a button that posts the order,
a link to a finishing address) is never made: the replay ends there, that step recorded as the last one. Any
other click the policy refuses (an ambiguous "Zamawiam" that posts a form, a one-click "Buy now" on a product
page) ends the replay as stuck (needs-review) at that step. Requests are guarded as in the walk, and a page that
looks like an order confirmation stops the replay at once (``order_suspected``).

Each page the journey reaches (a new URL, or a new main heading on a checkout rendered in place) is recorded as
a checkout step, the same artifacts as the walker's. A step that cannot be replayed (no element matches its
selectors, an element that never appears) ends the walk as stuck, with the page it stopped on recorded and its
screenshot. ``replay(..., base_url=...)`` / :func:`rebase` replays a journey recorded on another origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from auditor import lexicon, safety
from auditor.checkout import _CLICKABLES_JS, ACTION_TIMEOUT_MS, Walker, _final_candidate, page_price
from auditor.consent import dismiss_overlays
from auditor.errors import UsageError
from auditor.model import CheckoutWalk, OrderSuspicion, StepKind
from auditor.prices import Money

SUPPORTED = {"setViewport", "navigate", "click", "doubleClick", "change", "waitForElement", "scroll",
             "keyDown", "keyUp", "hover", "waitForExpression", "close", "customStep"}


def load_journey(path: str | Path) -> dict[str, Any]:
    """Read and validate a Recorder export; a bad file is a UsageError (exit 2)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise UsageError(f"journey file {path} not found", "export it from Chrome DevTools → Recorder → "
                                                           "Export → JSON") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"journey file {path} is not JSON ({type(exc).__name__})",
                         "export it from Chrome DevTools → Recorder → Export → JSON") from exc
    steps = data.get("steps") if isinstance(data, dict) else None
    if not isinstance(steps, list) or not steps:
        raise UsageError(f"journey file {path} has no 'steps' list", "this is not a Chrome DevTools Recorder export")
    for number, step in enumerate(steps, 1):
        kind = step.get("type") if isinstance(step, dict) else None
        if kind not in SUPPORTED:
            raise UsageError(f"journey step {number} has an unknown type {kind!r}",
                             f"supported: {', '.join(sorted(SUPPORTED))}")
    if not any(s.get("type") == "navigate" for s in steps):
        raise UsageError(f"journey file {path} never navigates to a page", "record the journey from a product page")
    return data


def _locators(page: Any, selectors: list[Any]) -> list[Any]:
    """Playwright locators for the Recorder's selector list (each entry a list of frames/shadow parts)."""
    out = []
    for entry in selectors or []:
        parts = entry if isinstance(entry, list) else [entry]
        selector = str(parts[-1])
        if selector.startswith("aria/"):
            name = selector[5:]
            role = re.search(r"\[role=\"?([\w-]+)\"?\]$", name)
            if role:  # an accessible name is recorded whole: match it exactly ("Size" is not "Size guide")
                name = name[: role.start()]
                out.append(page.get_by_role(role.group(1), name=name, exact=True))
            else:
                out.append(page.get_by_role("button", name=name, exact=True))
                out.append(page.get_by_role("link", name=name, exact=True))
                out.append(page.get_by_label(name, exact=True))
        elif selector.startswith("xpath/"):
            out.append(page.locator("xpath=" + selector[6:]))
        elif selector.startswith("pierce/"):
            out.append(page.locator(selector[7:]))
        elif selector.startswith("text/"):
            out.append(page.get_by_text(selector[5:], exact=False))
        else:
            out.append(page.locator(selector))
    return out


def _timeout(step: dict[str, Any]) -> int:
    """The step's own timeout (the Recorder exports one when it was set), else the walker's."""
    try:
        return max(100, min(int(step.get("timeout", ACTION_TIMEOUT_MS)), 60_000))
    except (TypeError, ValueError):
        return ACTION_TIMEOUT_MS


def _overlay_click(step: dict[str, Any]) -> bool:
    """A recorded click on a consent banner's accept button or a pop-up's close button."""
    for entry in step.get("selectors", []) or []:
        selector = str((entry if isinstance(entry, list) else [entry])[-1])
        name = selector.split("/", 1)[1] if selector.startswith(("aria/", "text/")) else ""
        name = re.sub(r"\[role=\"?[\w-]+\"?\]$", "", name).strip()
        if name and (lexicon.matches("consent_accept", name, whole=True) or lexicon.matches("close", name, whole=True)
                     or name in ("×", "✕")):
            return True
        if re.search(r"cookie|consent|newsletter|modal-close|popup", selector, re.I) and not name:
            return True
    return False


async def _find(page: Any, selectors: list[Any], timeout_ms: int = ACTION_TIMEOUT_MS) -> Any:
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        for locator in _locators(page, selectors):
            with contextlib.suppress(Exception):
                if await locator.count() > 0:
                    first = locator.first
                    if await first.is_visible():
                        return first
        if time.monotonic() > deadline:
            return None
        await asyncio.sleep(0.2)


def rebase(journey: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The journey with its recorded origin replaced by ``base_url``'s (a journey recorded on a staging host or
    another port, replayed on this one). Only URLs on the origin of the first ``navigate`` step change."""
    steps = journey.get("steps", [])
    first = next((s.get("url", "") for s in steps if s.get("type") == "navigate"), "")
    old, new = urlsplit(first), urlsplit(base_url)
    if not old.scheme or not new.scheme or not new.netloc:
        raise UsageError(f"cannot rebase the journey onto {base_url!r}", "give an absolute URL such as "
                                                                        "https://shop.example/")

    def moved(url: str) -> str:
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (old.scheme, old.netloc):
            return url
        return urlunsplit((new.scheme, new.netloc, parts.path, parts.query, parts.fragment))

    out = copy.deepcopy(journey)
    for step in out.get("steps", []):
        if isinstance(step.get("url"), str):
            step["url"] = moved(step["url"])
        for event in step.get("assertedEvents", []) or []:
            if isinstance(event, dict) and isinstance(event.get("url"), str):
                event["url"] = moved(event["url"])
    return out


_ELEMENT_JS = r"""
(el) => {
  const form = el.form || el.closest('form');
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
  return {
    text: norm(el.innerText || el.value || el.getAttribute('aria-label') || ''),
    aria: norm(el.getAttribute('aria-label') || ''), title: norm(el.title || ''),
    value: norm(el.tagName === 'INPUT' ? el.value : ''), tag: el.tagName,
    alt: norm([...el.querySelectorAll('img[alt]')].map((i) => i.alt).join(' ')),
    href: el.getAttribute('href') || '', hrefAbs: el.tagName === 'A' ? el.href : '',
    formAction: el.getAttribute('formaction') || (form && (form.getAttribute('action') || form.action)) || '',
    formMethod: ((el.getAttribute('formmethod') || (form && form.getAttribute('method')) || 'get') + '').toLowerCase(),
    submits: !!el.form && (el.tagName === 'BUTTON' ? (el.type || 'submit') === 'submit' : el.type === 'submit'),
    region: 'main',
    box: (({left, top, width, height}) => ({x: left + window.scrollX, y: top + window.scrollY, width, height}))(
      el.getBoundingClientRect()),
  };
}
"""


async def replay(browser: Any, journey: dict[str, Any], out_dir: Path, index: int = 0,
                 base_url: str | None = None, scope: str = "checkout", post_payment_step: bool = False) -> CheckoutWalk:
    """Replay a Recorder journey up to, never through, the order button, recording each page it reaches as
    a checkout step (price lines, checkboxes, screenshot). A step that cannot be replayed ends the walk as
    stuck, with that page recorded. ``base_url`` replays a journey recorded on another origin."""
    if base_url:
        journey = rebase(journey, base_url)
    started = time.perf_counter()
    steps = journey["steps"]
    first_url = next(s["url"] for s in steps if s.get("type") == "navigate")
    walk = CheckoutWalk(product_url=first_url, product_name=str(journey.get("title", "recorded journey")),
                        journey_file=str(journey.get("_file", "")))
    walker = Walker(out_dir, post_payment_step=post_payment_step)
    guard = walker.guard = safety.Guard(post_payment_step=post_payment_step, site=first_url)
    walk.post_payment_step = post_payment_step
    viewport = next((s for s in steps if s.get("type") == "setViewport"), None)
    size = {"width": int(viewport.get("width", 1280)), "height": int(viewport.get("height", 900))} if viewport \
        else {"width": 1280, "height": 900}
    context, page = await safety.open_walk(browser, guard, viewport=size, timeout_ms=ACTION_TIMEOUT_MS)
    walker.watch(page)
    clicks = 0
    seen: tuple[str, str] | None = None

    async def record(kind: StepKind | None = None, final: dict[str, Any] | None = None) -> None:
        nonlocal seen
        if kind is None and not walk.steps:
            kind = "product"
        step = await walker._record(page, walk, index, kind, clicks, final=final, currency=walk.currency)
        seen = (page.url, step.title)
        if step.kind in ("product", "basket"):
            walk.pre_checkout_texts += await walker._cost_sentences(page)
        if step.kind == "product" and walk.product_price is None:
            money = await page_price(page)
            if money is None and step.price_lines:
                money = Money(step.price_lines[0].amount or 0.0, step.price_lines[0].currency)
            if money is not None:
                walk.product_price, walk.currency = money.amount, money.currency

    async def stuck(reason: str) -> CheckoutWalk:
        walk.stuck_reason = reason
        with contextlib.suppress(Exception):
            await record()
        return walk

    try:
        for number, step in enumerate(steps, 1):
            kind = step["type"]
            if kind == "navigate":
                await page.goto(step["url"], wait_until="domcontentloaded")
                await dismiss_overlays(page, settle_ms=300)
                await walker._check_order(page)
            elif kind in ("click", "doubleClick"):
                overlay = _overlay_click(step)  # the replay closes banners itself: do not wait long for one
                element = await _find(page, step.get("selectors", []), min(_timeout(step), 800) if overlay
                                      else _timeout(step))
                if element is None and overlay:
                    continue  # a cookie banner or pop-up the replay has already closed
                if element is None:
                    return await stuck(f"journey step {number} ({kind}): no element matches its selectors")
                described = await element.evaluate(_ELEMENT_JS)
                current = walk.steps[-1].kind if walk.steps else "product"
                verdict = safety.vet_click(described, page.url, current)
                if verdict.action == "refuse":
                    guard.refused.append(f"{page.url}: {verdict.reason}")
                    if safety.order_wording(described["text"]) == "order" or safety.submits_order(described) \
                            or (guard.armed and current != "product"):
                        guard.finish()  # the order button: never clicked, the replay ends here
                        await record("review", final=described)
                        walk.completed = True
                        return walk
                    return await stuck(f"journey step {number} ({kind}) refused by the safety policy: "
                                       f"{verdict.reason}")
                walker._blocked_mark = len(guard.blocked)
                if verdict.action == "navigate":
                    await page.goto(verdict.url, wait_until="domcontentloaded")
                else:
                    guard.begin_action(onward=True)  # may submit one form (and, with the user's permit, post)
                    await element.click()
                clicks += 1
                await walker._settle(page)
            elif kind == "change":
                element = await _find(page, step.get("selectors", []), _timeout(step))
                if element is None:
                    return await stuck(f"journey step {number} (change): no element matches its selectors")
                tag = await element.evaluate("(el) => el.tagName")
                if tag == "SELECT":
                    await element.select_option(str(step.get("value", "")))
                else:
                    await element.fill(str(step.get("value", "")))
                continue
            elif kind == "waitForElement":
                if await _find(page, step.get("selectors", []), timeout_ms=_timeout(step)) is None:
                    return await stuck(f"journey step {number} (waitForElement): the element never appeared")
                continue
            elif kind == "scroll":
                await page.mouse.wheel(int(step.get("x", 0)), int(step.get("y", 0)))
                continue
            else:
                continue  # setViewport (applied), key presses (Enter could submit a form), hover, ...
            title = await page.evaluate("() => ((document.querySelector('h1') || {}).innerText || document.title"
                                        " || '').replace(/\\s+/g, ' ').trim()")
            if seen is None or (page.url, title) != seen:
                final = _final_candidate(await page.evaluate(_CLICKABLES_JS)) if walk.steps else None
                if final is not None and not guard.armed and safety.order_wording(final["text"]) == "ambiguous":
                    final = None  # "Zamawiam" on a basket is not yet the last step: the click is vetted instead
                if final is not None:  # the last step: recorded, and the replay ends here like a walk
                    guard.finish()
                    await record("review", final=final)
                    walk.completed = True
                    return walk
                await record()
                if scope == "basket" and walk.steps[-1].kind == "basket":
                    walk.stuck_reason = "the replay stopped at the basket, as asked (--walk basket)"
                    return walk
        # the journey ended: its last page is the last step when it shows the order button
        candidates = await page.evaluate(_CLICKABLES_JS)
        final = _final_candidate(candidates)
        if final:
            guard.finish()
            await record("review", final=final)
            walk.completed = True
        else:
            return await stuck("the journey ended before a page with the final order button")
    except safety.OrderSuspected as suspected:
        walk.order_suspected = OrderSuspicion(url=suspected.suspicion.url, evidence=suspected.suspicion.evidence)
        return await stuck(str(suspected))
    except Exception as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return await stuck(f"the journey stopped: {message[:200]}")
    finally:
        walk.blocked_requests = list(guard.blocked)
        walk.permitted_requests = list(guard.permitted)
        walk.refused_clicks = list(guard.refused)
        if guard.suspected is not None and walk.order_suspected is None:
            walk.order_suspected = OrderSuspicion(url=guard.suspected.url, evidence=guard.suspected.evidence)
            walk.completed = False
            walk.stuck_reason = safety.order_warning(guard.suspected.url, guard.suspected.evidence)
        walk.duration_s = round(time.perf_counter() - started, 2)
        with contextlib.suppress(Exception):
            await context.close()
    return walk


async def replay_file(path: str | Path, out_dir: Path, base_url: str | None = None) -> CheckoutWalk:
    from auditor.browser import launch

    journey = load_journey(path)
    journey["_file"] = str(path)
    async with launch() as browser:
        return await replay(browser, journey, out_dir, base_url=base_url)
