"""Browser discovery and launch.

Order of discovery: ``CLEARCART_BROWSER`` (a path to a Chromium/Chrome binary), a system Chromium or
Chrome on PATH, Playwright's own Chromium build. ``python -m auditor.browser --ensure`` (run by
``make``) also installs one when none is found: ``python -m playwright install chromium`` where that can
download, else ``apt-get install -y chromium`` as root.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from auditor.errors import STOP, CannotRunError, Terminated

T = TypeVar("T")

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CONTAINER_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COMMON_FLAGS = ["--disable-dev-shm-usage", "--disable-quic", "--disable-features=Translate,MediaRouter"]

NO_BROWSER_HINT = (
    "set CLEARCART_BROWSER=/path/to/chromium, install Chromium or Chrome, "
    "or run `python -m auditor.browser --ensure` (installs one)"
)


def _as_json(script: str) -> str:
    """``script`` (a JavaScript function expression) called with its argument and its result crossing as one
    JSON string each."""
    return (f"(arg) => JSON.stringify(({script})(JSON.parse(arg)), "
            "(key, value) => value === undefined ? null : value)")


def _global_name(name: str) -> str:
    return f"__clearcart_{name}"


async def install_script(context: Any, name: str, script: str) -> None:
    """Define ``script`` (a function expression) once in every document of ``context``, so that
    :func:`evaluate_json` with ``name`` sends a call of a few bytes instead of the whole script for each page.
    The property is read-only and cannot be redefined by the page's own scripts (which run after it)."""
    await context.add_init_script(
        f"Object.defineProperty(window, {json.dumps(_global_name(name))}, "
        f"{{value: ({script}), writable: false, configurable: false, enumerable: false}});")


# Open shadow roots read like the light DOM, for the walker's page scripts (web-component storefronts put size
# pickers, basket buttons, checkout forms and order summaries inside custom elements): ``$$(root, sel)`` is
# ``root.querySelectorAll(sel)`` plus the matches inside every open shadow root below ``root``; ``$1`` the first;
# ``deepText()`` the page's rendered text with the shadow roots' text after it (``innerText`` leaves it out);
# ``deepElements(root)`` every element in document order, each shadow tree right after its host. On a page
# without shadow roots they are the plain DOM calls.
DEEP_DOM_JS = r"""
  const __roots = (() => { const out = []; const visit = (root) => { for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) { out.push(el.shadowRoot); visit(el.shadowRoot); } }; visit(document); return out; })();
  const __within = (root, node) => { for (let n = node; n; n = n.parentNode || n.host) if (n === root) return true;
    return false; };
  const $$ = (root, sel) => { const found = [...root.querySelectorAll(sel)];
    for (const r of __roots) if (root === document || __within(root, r.host)) found.push(...r.querySelectorAll(sel));
    return found; };
  const $1 = (root, sel) => root.querySelector(sel) || $$(root, sel)[0] || null;
  // a shadow root's rendered children only: innerText of one not rendered (its <style>, a closed flyout) is
  // its raw textContent
  const __shown = (c) => !['STYLE', 'SCRIPT', 'TEMPLATE', 'LINK'].includes(c.tagName) &&
    (!c.checkVisibility || c.checkVisibility());
  const deepText = () => [document.body ? document.body.innerText : '',
    ...__roots.map((r) => [...r.children].filter(__shown).map((c) => c.innerText || '').join(' '))].join(' ');
  const deepElements = (root, limit) => { if (!__roots.length) return [...root.querySelectorAll('*')].slice(0, limit);
    const out = []; const visit = (node) => { for (const el of node.children) { if (out.length >= limit) return;
      out.push(el); if (el.shadowRoot) visit(el.shadowRoot); visit(el); } }; visit(root); return out; };
  const parentOf = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
  // el.closest(sel) up the rendered (flat) tree: past a shadow root to its host, and from a slotted element
  // through its slot (a button in a header component's shadow root, a menu link slotted into its <nav>, are in
  // the header)
  const closestDeep = (el, sel) => { if (!__roots.length) return el ? el.closest(sel) : null;
    for (let n = el; n; n = n.assignedSlot || parentOf(n)) if (n.matches(sel)) return n;
    return null; };
"""


def deep_dom(script: str) -> str:
    """``script`` (an arrow function's source) with :data:`DEEP_DOM_JS` at the start of its body."""
    head, brace, body = script.partition("{")
    return head + brace + DEEP_DOM_JS + body


async def evaluate_json(page: Any, script: str, arg: Any = None, name: str = "") -> Any:
    """``page.evaluate(script, arg)`` for a script returning a large plain object (a page snapshot) or taking
    long lists: argument and result cross as one JSON string each, which Playwright's driver and client pass
    several times faster than the same values as trees of protocol values. With ``name`` (a script put in
    every document by :func:`install_script`), only the call crosses; where the document lacks it the script
    is sent. Falls back to a plain evaluate when the result is no JSON (a page that replaced
    ``JSON.stringify``)."""
    payload = json.dumps(arg, ensure_ascii=False)
    text = None
    if name:
        text = await page.evaluate(_as_json(f"(a) => window.{_global_name(name)} ? "
                                            f"window.{_global_name(name)}(a) : undefined"), payload)
        if text in (None, "null"):
            text = None
    if text is None:
        text = await page.evaluate(_as_json(script), payload)
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return await page.evaluate(script, arg)


def _is_executable(path: str | os.PathLike[str]) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def playwright_chromium() -> str | None:
    """The path of Playwright's own Chromium build when it is installed."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:
        return None
    return path if path and _is_executable(path) else None


def find_browser(include_playwright: bool = True) -> str | None:
    """The Chromium/Chrome executable clearcart will use, or None."""
    configured = os.environ.get("CLEARCART_BROWSER", "").strip()
    if configured:
        resolved = shutil.which(configured) or configured
        if _is_executable(resolved):
            return str(resolved)
        raise CannotRunError(
            f"CLEARCART_BROWSER={configured} is not an executable file",
            "point CLEARCART_BROWSER at a Chromium or Chrome binary, or unset it",
        )
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    if include_playwright:
        return playwright_chromium()
    return None


def launch_args() -> list[str]:
    args = list(COMMON_FLAGS)
    # Chromium's sandbox cannot start as root in a container; the flags in DEVELOPERS.md keep it quiet
    # on a machine without a network, too.
    if hasattr(os, "geteuid") and os.geteuid() == 0 or os.environ.get("CI"):
        args = CONTAINER_FLAGS + args
    else:
        args = [f for f in CONTAINER_FLAGS if f != "--no-sandbox"] + args
    return args


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coro)`` where Ctrl-C and SIGTERM stop the run the same clean way: the running task is
    cancelled, so the browser is closed and what was gathered is saved on the way out, then
    ``KeyboardInterrupt`` (Ctrl-C) or :class:`Terminated` (SIGTERM) is raised. The signal handlers in force
    before are restored afterwards; a signal that was ignored stays ignored."""

    async def guarded() -> T:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        previous: dict[int, Any] = {}

        def stop(signum: int) -> None:
            STOP.signal = signum
            task.cancel()  # type: ignore[union-attr]

        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError, AttributeError):
                handler = signal.getsignal(signum)
                if handler is signal.SIG_IGN:
                    continue
                loop.add_signal_handler(signum, stop, signum)
                previous[signum] = handler
        try:
            return await coro
        except asyncio.CancelledError:
            if STOP.signal == signal.SIGTERM:
                raise Terminated() from None
            if STOP.signal == signal.SIGINT:
                raise KeyboardInterrupt() from None
            raise
        finally:
            for number, handler in previous.items():
                with contextlib.suppress(ValueError, RuntimeError, NotImplementedError, AttributeError, TypeError):
                    loop.remove_signal_handler(number)
                    signal.signal(number, handler if handler is not None else signal.SIG_DFL)

    return asyncio.run(guarded())


@contextlib.asynccontextmanager
async def launch(headless: bool = True, http_credentials: dict[str, str] | None = None) -> AsyncIterator[Any]:
    """One browser for the whole run (contexts and pages are opened from it for concurrency). With
    ``http_credentials`` ({username, password, origin}), every context opened from it answers the store's HTTP
    authentication with them, so no URL has to carry them.

    Raises :class:`CannotRunError` (exit 3) when no browser is found or it does not start.
    """
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    executable = find_browser()
    if executable is None:
        raise CannotRunError("no Chromium or Chrome browser found", NO_BROWSER_HINT)
    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(
                executable_path=executable, headless=headless, args=launch_args(), timeout=60_000
            )
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise CannotRunError(f"the browser at {executable} did not start: {first}", NO_BROWSER_HINT) from exc
        if http_credentials:
            opener = browser.new_context

            async def new_context(**options: Any) -> Any:
                options.setdefault("http_credentials", http_credentials)
                return await opener(**options)

            browser.new_context = new_context  # type: ignore[method-assign]
        try:
            yield browser
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(browser.close(), 15)


def _run(cmd: list[str], timeout: int) -> bool:
    print("clearcart: " + " ".join(cmd), file=sys.stderr)
    try:
        return subprocess.run(cmd, timeout=timeout).returncode == 0
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"clearcart: {cmd[0]} failed: {exc}", file=sys.stderr)
        return False


def ensure_browser() -> str:
    """Find a browser, installing one when none is there. Returns its path."""
    found = find_browser()
    if found:
        return found
    if _run([sys.executable, "-m", "playwright", "install", "chromium"], timeout=300):
        found = find_browser()
        if found:
            return found
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env, check=False)
        found = find_browser()
        if found:
            return found
    raise CannotRunError("no browser found and none could be installed", NO_BROWSER_HINT)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        path = ensure_browser() if "--ensure" in argv else find_browser()
    except CannotRunError as exc:
        print(f"clearcart: error: {exc.message}\n  hint: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    if not path:
        print(f"clearcart: error: no browser found\n  hint: {NO_BROWSER_HINT}", file=sys.stderr)
        return 3
    print(f"clearcart: browser: {Path(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
