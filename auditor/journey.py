"""Replay a Chrome DevTools Recorder journey for stores the checkout heuristics cannot walk.

Record the way from a product to the last checkout step in Chrome DevTools (Recorder panel → Export → JSON)
and pass it with ``clearcart scan URL --journey FILE``. Steps understood: ``setViewport``, ``navigate``,
``click`` / ``doubleClick``, ``change``, ``waitForElement``, ``scroll``; key presses are skipped (Enter could
submit a form). Selectors: CSS, ``xpath/``, ``pierce/``, ``text/`` and ``aria/`` (tried in the recorded
order). The same guards as the walker apply: a click on an order/pay button is never made — the replay stops
there and records the step as the last one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from pathlib import Path
from typing import Any

from auditor.checkout import ACTION_TIMEOUT_MS, Walker, _Guard, _is_final, install_guard
from auditor.consent import dismiss_overlays
from auditor.errors import UsageError
from auditor.model import CheckoutWalk

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
            if role:
                name = name[: role.start()]
                out.append(page.get_by_role(role.group(1), name=name))
            else:
                out.append(page.get_by_role("button", name=name))
                out.append(page.get_by_role("link", name=name))
                out.append(page.get_by_label(name))
        elif selector.startswith("xpath/"):
            out.append(page.locator("xpath=" + selector[6:]))
        elif selector.startswith("pierce/"):
            out.append(page.locator(selector[7:]))
        elif selector.startswith("text/"):
            out.append(page.get_by_text(selector[5:], exact=False))
        else:
            out.append(page.locator(selector))
    return out


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


async def replay(browser: Any, journey: dict[str, Any], out_dir: Path, index: int = 0) -> CheckoutWalk:
    started = time.perf_counter()
    steps = journey["steps"]
    first_url = next(s["url"] for s in steps if s.get("type") == "navigate")
    walk = CheckoutWalk(product_url=first_url, product_name=str(journey.get("title", "recorded journey")),
                        journey_file=str(journey.get("_file", "")))
    walker = Walker(out_dir)
    guard = _Guard()
    viewport = next((s for s in steps if s.get("type") == "setViewport"), None)
    size = {"width": int(viewport.get("width", 1280)), "height": int(viewport.get("height", 900))} if viewport \
        else {"width": 1280, "height": 900}
    context = await browser.new_context(viewport=size, ignore_https_errors=True)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    await install_guard(context, guard)
    page = await context.new_page()
    clicks = 0
    last_url = ""
    try:
        for number, step in enumerate(steps, 1):
            kind = step["type"]
            if kind == "navigate":
                await page.goto(step["url"], wait_until="domcontentloaded")
                await dismiss_overlays(page, settle_ms=300)
            elif kind in ("click", "doubleClick"):
                element = await _find(page, step.get("selectors", []))
                if element is None:
                    walk.stuck_reason = f"journey step {number} ({kind}): no element matches its selectors"
                    await walker._record(page, walk, index, None, clicks)
                    return walk
                label = (await element.evaluate(
                    "(el) => (el.innerText || el.value || el.getAttribute('aria-label') || '').trim()")) or ""
                if _is_final(label):
                    guard.armed = True
                    await walker._record(page, walk, index, "review", clicks, final={"text": label})
                    walk.completed = True
                    return walk
                await element.click()
                clicks += 1
            elif kind == "change":
                element = await _find(page, step.get("selectors", []))
                if element is None:
                    walk.stuck_reason = f"journey step {number} (change): no element matches its selectors"
                    return walk
                tag = await element.evaluate("(el) => el.tagName")
                if tag == "SELECT":
                    await element.select_option(step.get("value", ""))
                else:
                    await element.fill(str(step.get("value", "")))
            elif kind == "waitForElement":
                if await _find(page, step.get("selectors", []), timeout_ms=int(step.get("timeout", 5000))) is None:
                    walk.stuck_reason = f"journey step {number} (waitForElement): the element never appeared"
                    await walker._record(page, walk, index, None, clicks)
                    return walk
            elif kind == "scroll":
                await page.mouse.wheel(int(step.get("x", 0)), int(step.get("y", 0)))
            with contextlib.suppress(Exception):
                await page.wait_for_load_state("domcontentloaded", timeout=ACTION_TIMEOUT_MS)
            if page.url != last_url:
                last_url = page.url
                first = not walk.steps
                step_kind = "product" if first else None
                await walker._record(page, walk, index, step_kind, clicks)
                if first and walk.steps[0].price_lines:
                    item = walk.steps[0].price_lines[0]
                    walk.product_price, walk.currency = item.amount, item.currency
        # the journey ended: its last page is the last step when it shows the order button
        candidates = await page.evaluate("() => [...document.querySelectorAll('button, input[type=submit], a')]"
                                         ".map((b) => (b.innerText || b.value || '').trim())")
        final = next((text for text in candidates if _is_final(text)), None)
        if final:
            guard.armed = True
            await walker._record(page, walk, index, "review", clicks, final={"text": final})
            walk.completed = True
        else:
            walk.stuck_reason = "the journey ended before a page with the final order button"
    except Exception as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        walk.stuck_reason = f"the journey stopped: {message[:200]}"
    finally:
        walk.blocked_requests = list(guard.blocked)
        walk.duration_s = round(time.perf_counter() - started, 2)
        with contextlib.suppress(Exception):
            await context.close()
    return walk


async def replay_file(path: str | Path, out_dir: Path) -> CheckoutWalk:
    from auditor.browser import launch

    journey = load_journey(path)
    journey["_file"] = str(path)
    async with launch() as browser:
        return await replay(browser, journey, out_dir)
