"""The crawl: walk a store breadth-first from its home page the way a shopper clicks, and save what we saw.

* robots.txt is respected (``respect_robots=False`` for your own store); sitemap.xml adds pages no link reaches.
* Breadth-first, level by level, so every page's depth is the least number of clicks from home and its click
  path is the link texts of one shortest path.
* Product pages are sampled across categories: links are taken round-robin by the page they were found on,
  and once the product budget is used, URLs shaped like known product URLs are no longer visited.
* Consent banners and pop-ups are dismissed before anything is read.
* A page that fails is recorded with its error and the crawl goes on; whatever was gathered is saved even
  when the run is interrupted (Ctrl-C or SIGTERM).
* Every page has a hard deadline (``page_timeout_s``): a page whose script spins for ever is abandoned as a
  failed page, its tab closed from the browser side, and the crawl goes on in a fresh tab.
* Hostile input is bounded: a redirect to another site is recorded, not read as the store; sitemaps come only
  from the store's origin, capped in size, entries and gzip ratio; robots.txt is read by ``protego``
  (wildcards, ``Allow`` precedence, relative ``Sitemap:`` lines); 429/503 with ``Retry-After`` is retried once
  within a bound; credentials in the start URL are used for HTTP authentication and kept out of every URL
  saved; saved HTML is capped per page.
* Linked pages not read (robots.txt, page budget, failure, off-site redirect) are listed in
  ``Artifacts.unread``, with the help topic (returns, contact, FAQ) their link reads as.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import re
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit, urlunsplit

from auditor import __version__, lexicon, widgets
from auditor.analysis.language import page_language
from auditor.analysis.site import bare_host
from auditor.browser import deep_dom, evaluate_json, install_script, launch, run_async
from auditor.consent import dismiss_overlays
from auditor.errors import CannotRunError, UsageError, output_error
from auditor.model import Artifacts, CrawlSettings, Form, FormField, Link, PageArtifact, UnreadPage
from auditor.pagetype import classify_page
from auditor.pageview import shopper_view

Progress = Callable[..., None]

SKIP_EXTENSIONS = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|ico|zip|rar|7z|gz|mp4|mp3|webm|avi|mov|docx?|xlsx?|pptx?|csv|xml|json|txt|"
    r"css|js|woff2?|ttf|eot)$",
    re.IGNORECASE,
)
TRACKING_PARAMS = re.compile(r"^(utm_\w+|gclid|fbclid|yclid|msclkid|mc_cid|mc_eid|_ga|ref)$", re.IGNORECASE)
BLOCK_WORDS = re.compile(r"captcha|access denied|cloudflare|attention required|are you a robot|bot protection|"
                         r"automated traffic|verify you are human|ddos", re.IGNORECASE)
MAX_TEXT = 60_000
NAV_TIMEOUT_MS = 30_000
EVALUATE_TIMEOUT_S = 15  # one script run in a page (the snapshot, the consent pass)
CLOSE_TIMEOUT_S = 5  # closing a tab or the browser context
MAX_LINKS = 5_000  # links kept per page; past it, menu links go first, never the footer's or the content's
MAX_HTML_BYTES = 5 * 1024 * 1024  # saved HTML per page (the rest is cut, and the page marked html_truncated)
MAX_RETRY_AFTER_S = 20  # a 429/503 asking to wait longer than this is not waited for
MAX_FETCH_BYTES = 10 * 1024 * 1024  # robots.txt or one sitemap, downloaded and after gunzip
MAX_GZIP_RATIO = 100  # a sitemap that inflates more than this is a bomb
MAX_SITEMAP_ENTRIES = 50_000  # per sitemap file (the sitemaps.org limit)
MAX_SITEMAP_URLS = 5_000  # kept over all sitemaps
MAX_STAMPED = 10_000  # elements of a page given an id and a box (document order; the rest have none)
# pages whose screenshot is never a finding's evidence, and how many product pages get one (Crawler._wants_screenshot)
NO_EVIDENCE_PAGE_TYPES = ("category",)
EVIDENCE_PRODUCT_SHOTS = 24
MAX_UNREAD = 1_000  # unread pages listed (help pages are always listed)
HELP_TOPICS = {"returns": ("slug_returns", "returns"), "contact": ("slug_contact", "contact"),
               "faq": ("slug_faq", "faq")}

# One evaluate per page: everything we read from the DOM.
_EXTRACT_JS = deep_dom(r"""
([globals, snippets, max]) => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
  const region = (el) => {
    if (closestDeep(el, 'footer, [role=contentinfo]')) return 'footer';
    if (closestDeep(el, '[role=dialog], dialog, [aria-modal=true]')) return 'dialog';
    if (closestDeep(el, 'nav, [role=navigation]')) return 'nav';
    if (closestDeep(el, 'header, [role=banner]')) return 'header';
    if (closestDeep(el, 'aside, [role=complementary]')) return 'aside';
    if (closestDeep(el, 'main, [role=main]')) return 'main';
    return 'other';
  };
  const linkText = (a) => {
    let t = norm(a.innerText);
    if (!t) t = norm(a.getAttribute('aria-label') || a.title || '');
    if (!t) { const img = a.querySelector('img[alt]'); if (img) t = norm(img.alt); }
    return t.slice(0, 200);
  };
  const links = [], tel = [], mailto = [];
  for (const a of $$(document, 'a[href]')) {
    const raw = a.getAttribute('href') || '';
    if (/^tel:/i.test(raw)) { tel.push(decodeURIComponent(raw.slice(4)).trim()); continue; }
    if (/^mailto:/i.test(raw)) { mailto.push(decodeURIComponent(raw.slice(7).split('?')[0]).trim()); continue; }
    if (/^(javascript|data):/i.test(raw)) continue;
    links.push({url: a.href, text: linkText(a), region: region(a)});
  }
  const scripts = [...document.querySelectorAll('script[src]')].map((s) => s.src);
  const inline = [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent.toLowerCase()).join('\n');
  const hints = snippets.filter((m) => inline.includes(m));
  const iframes = [...document.querySelectorAll('iframe[src]')].map((f) => f.src);
  const present = globals.filter((g) => { try { return typeof window[g] !== 'undefined'; } catch (e) { return false; } });
  const labelFor = (input) => {
    if (input.id) { const l = input.getRootNode().querySelector('label[for="' + CSS.escape(input.id) + '"]'); if (l) return norm(l.innerText); }
    const wrap = input.closest('label'); if (wrap) return norm(wrap.innerText);
    return norm(input.getAttribute('aria-label') || input.placeholder || '');
  };
  const forms = $$(document, 'form').slice(0, 30).map((f) => ({
    action: f.action || '', method: (f.method || 'get').toLowerCase(), text: norm(f.innerText).slice(0, 1000),
    fields: [...f.querySelectorAll('input, select, textarea')]
      .filter((i) => !['hidden', 'submit', 'button', 'image', 'reset'].includes((i.type || '').toLowerCase()))
      .slice(0, 60)
      .map((i) => ({name: i.name || i.id || '', type: (i.type || i.tagName).toLowerCase(), label: labelFor(i).slice(0, 200), required: !!i.required})),
  }));
  // headings a shopper sees (not those of a closed cart drawer or modal), the main heading first
  const shown = $$(document, 'h1, h2, h3').filter((h) => h.getClientRects().length);
  const headings = [...shown.filter((h) => h.tagName === 'H1'), ...shown.filter((h) => h.tagName !== 'H1')]
    .map((h) => norm(h.innerText)).filter(Boolean).slice(0, 60);
  const footer = $1(document, 'footer, [role=contentinfo]');
  // Record, not decide: stamp ids before the HTML is serialised, so the saved HTML carries them.
  let layout = {stamped: 0, boxes: {}, hidden: []};
  try { layout = record(max); } catch (e) { /* a page that breaks the DOM API: its text and HTML still count */ }
  return {
    title: norm(document.title), lang: (document.documentElement.lang || '').trim(),
    text: deepText(),
    headings, footer: footer ? footer.innerText : '', links, tel, mailto, scripts, hints, iframes, present, forms,
    // what page.content() returns, read in the same pass as the text so both are one snapshot; with the open
    // shadow roots as declarative shadow DOM (<template shadowrootmode=open> in their host), as Chromium
    // serialises them, when the page has any
    html: (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') +
      (!document.documentElement ? '' : __roots.length && document.documentElement.getHTML
        ? document.documentElement.getHTML({shadowRoots: __roots}) : document.documentElement.outerHTML),
    stamped: layout.stamped, boxes: layout.boxes, hidden: layout.hidden,
  };

  // The first ``limit`` elements of the body get ``data-cc="<n>"`` in document order. For each, what only a
  // browser knows: rendered or not (runs of ids not rendered: ``hidden``), and for rendered elements inside the
  // viewport (the screenshot taken right after) their box [x, y, width, height] in CSS pixels, clipped to the
  // viewport; a leaf element's box is the extent of its text (a price in a wide block), a control's its own.
  // No decision is made here: which element is the price or the size selector is decided in Python.
  function record(limit) {
    const VW = window.innerWidth, VH = window.innerHeight;  // CSS pixels: the crawl's device scale factor is 1
    const CONTROLS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG', 'svg', 'IFRAME', 'VIDEO', 'CANVAS']);
    // in document order, each open shadow tree right after its host
    const all = !document.body ? [] : __roots.length ? deepElements(document.body, limit) : document.body.getElementsByTagName('*');
    const inside = __roots.length ? __within : (a, b) => a.contains(b);
    const count = Math.min(all.length, limit);
    const boxes = {}, hidden = [];
    let run = null;
    const els = [];
    for (let i = 0; i < count; i++) els.push(all[i]);
    // all reads first, then all writes: stamping between layout reads would recompute style on every element
    let gone = null;  // the last element not laid out at all (display:none): its descendants are not either
    for (let i = 0; i < count; i++) {
      const el = els[i];
      let shown = false;
      if (!(gone && inside(gone, el))) {
        if (el.getClientRects().length === 0) { if (getComputedStyle(el).display === 'none') gone = el; }
        else shown = !el.checkVisibility || el.checkVisibility({opacityProperty: true, visibilityProperty: true});
      }
      if (!shown) {
        if (run && run[1] === i - 1) run[1] = i; else { run = [i, i]; hidden.push(run); }
        continue;
      }
      let q = el.getBoundingClientRect();
      if (q.bottom <= 0 || q.top >= VH || q.right <= 0 || q.left >= VW) continue;
      if (!el.firstElementChild && !CONTROLS.has(el.tagName) && /\S/.test(el.textContent)) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const inner = range.getBoundingClientRect();
        if (inner.width > 0 && inner.height > 0) q = inner;
      }
      const x0 = Math.floor(Math.max(0, q.left)), y0 = Math.floor(Math.max(0, q.top));
      const x1 = Math.ceil(Math.min(VW, q.right)), y1 = Math.ceil(Math.min(VH, q.bottom));
      if (x1 - x0 >= 2 && y1 - y0 >= 2) boxes[i] = [x0, y0, x1 - x0, y1 - y0];
    }
    // ids are ours only: a store's own data-cc attributes (past the bound, or in the head) are removed
    for (const el of $$(document, '[data-cc]')) el.removeAttribute('data-cc');
    for (let i = 0; i < count; i++) els[i].setAttribute('data-cc', String(i));
    return {stamped: count, boxes, hidden};
  }
}
""")


@dataclass
class _Queued:
    url: str
    depth: int | None
    click_path: list[str]
    parent: str | None
    category_hint: str = ""
    link_text: str = ""


@dataclass
class _State:
    artifacts: Artifacts
    out_dir: Path
    seen: set[str] = field(default_factory=set)
    product_shapes: set[str] = field(default_factory=set)
    products: int = 0
    counter: int = 0
    product_shots: int = 0


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute http(s) URL without fragment, tracking parameters or credentials (``user:password@``), with a
    lower-case host; or None when it is not one."""
    try:
        absolute = urljoin(base, url) if base else url
        absolute, _ = urldefrag(absolute)
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    query = "&".join(
        kv for kv in parts.query.split("&") if kv and not TRACKING_PARAMS.match(kv.split("=", 1)[0])
    )
    path = parts.path or "/"
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port is not None else host
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def split_credentials(url: str) -> tuple[str, dict[str, str] | None]:
    """``https://user:Secret@host/`` -> (``https://host/``, {"username": "user", "password": "Secret"}): the
    credentials keep their case and are used for HTTP authentication only, never kept in a URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url, None
    if "@" not in parts.netloc:
        return url, None
    host = parts.netloc.rsplit("@", 1)[1]
    credentials = {"username": unquote(parts.username or ""), "password": unquote(parts.password or "")}
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment)), credentials


def redact_url(text: str) -> str:
    """``text`` with the ``user:password@`` part of every URL in it removed (for messages and logs)."""
    return re.sub(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s?#]+@", r"\1", str(text))


def validate_start_url(url: str) -> str:
    candidate = split_credentials(url)[0].strip()
    if candidate and "://" not in candidate and re.match(r"^[\w.-]+\.[a-z]{2,}(:\d+)?(/|$)", candidate, re.I):
        candidate = "https://" + candidate
    try:
        parts = urlsplit(candidate)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname or not port_ok or " " in candidate:
        raise UsageError(f"'{redact_url(url)}' is not a store URL",
                         "give a full address such as https://shop.example.com/")
    normalized = normalize_url(candidate)
    assert normalized
    return normalized


def same_site(url: str, home: str) -> bool:
    a, b = urlsplit(url), urlsplit(home)
    return bare_host(a.hostname) == bare_host(b.hostname) and (a.port == b.port)


def url_shape(url: str) -> str:
    """A product URL's shape: its path with the last segment and digits generalised."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    head = "/".join(re.sub(r"\d+", "9", s) for s in segments[:-1])
    return f"{parts.hostname}/{head}/*"


def _followable(url: str, text: str = "") -> bool:
    """A link the crawl may follow. Never one that could place an order: the checkout walk's safety policy
    (:mod:`auditor.safety`) applies to the crawl's plain GETs too — no finishing or order-placing address,
    no link whose words read as ordering or paying ("Buy now", "Zamawiam", "Zaplatit"), whatever it says
    it does (the crawl needs no page behind such a link)."""
    from auditor import safety

    path = urlsplit(url).path
    if SKIP_EXTENSIONS.search(path):
        return False
    if safety.finishing_url(url) or (text and safety.is_order_text(text)):
        return False
    return not lexicon.matches("slug_skip", url.lower())


def help_topic(url: str, text: str = "") -> str:
    """"returns", "contact" or "faq" when a link's URL or text reads as that help page, else ""."""
    path = urlsplit(url).path.lower()
    for topic, (slug, words) in HELP_TOPICS.items():
        if lexicon.matches(slug, path) or (text and len(text) <= 60 and lexicon.matches(words, text)):
            return topic
    return ""


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), or None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def keep_links(links: list[dict[str, Any]], limit: int = MAX_LINKS) -> list[dict[str, Any]]:
    """At most ``limit`` links in page order; when a page has more, menu links (header, nav) are the ones left
    out, so a mega menu never hides the footer's or the content's links."""
    if len(links) <= limit:
        return links
    menu = {"header", "nav"}
    rest = sum(1 for link in links if link.get("region") not in menu)
    room = max(0, limit - rest)
    kept: list[dict[str, Any]] = []
    for link in links:
        if link.get("region") in menu:
            if room <= 0:
                continue
            room -= 1
        kept.append(link)
    return kept[:limit]


def read_capped(data: bytes, gzipped: bool, limit: int = MAX_FETCH_BYTES, ratio: int = MAX_GZIP_RATIO) -> bytes:
    """``data``, gunzipped when ``gzipped``; ValueError when it is, or inflates to, more than ``limit`` bytes,
    or inflates more than ``ratio`` times (a gzip bomb)."""
    if len(data) > limit:
        raise ValueError(f"larger than {limit // (1024 * 1024)} MB")
    if not gzipped:
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    cap = min(limit, max(1, len(data)) * ratio)
    out = inflater.decompress(data, cap + 1)
    if len(out) > cap or inflater.unconsumed_tail:
        raise ValueError(f"inflates more than {ratio}:1 or past {limit // (1024 * 1024)} MB (a gzip bomb)")
    return out


def _sane_boxes(raw: Any, width: float, height: float) -> dict[str, list[float]]:
    """The recorded boxes that lie inside the viewport: {id: [x, y, width, height]} (they come from the page's own
    JavaScript world, so nothing else is kept)."""
    out: dict[str, list[float]] = {}
    for key, box in (raw.items() if isinstance(raw, dict) else ()):
        try:
            x, y, w, h = (float(v) for v in box)
        except (TypeError, ValueError):
            continue
        if str(key).isdigit() and 0 <= x and 0 <= y and 0 < w and 0 < h and x + w <= width and y + h <= height:
            out[str(key)] = [x, y, w, h]
    return out


def _runs(raw: Any) -> list[list[int]]:
    """Runs [first, last] of element ids, only well-formed ones."""
    out: list[list[int]] = []
    for run in raw if isinstance(raw, list) else ():
        if isinstance(run, list) and len(run) == 2 and all(isinstance(v, int) for v in run) and 0 <= run[0] <= run[1]:
            out.append([run[0], run[1]])
    return out


class PageDeadline(Exception):
    """A page did not finish within its deadline (a script kept its renderer busy, or it never settled)."""


class Crawler:
    def __init__(self, start_url: str, out_dir: Path, settings: CrawlSettings, progress: Progress | None = None,
                 timeout_ms: int = NAV_TIMEOUT_MS, credentials: dict[str, str] | None = None):
        bare, in_url = split_credentials(start_url)
        self.start_url = validate_start_url(bare)
        self.credentials = credentials or in_url  # HTTP authentication of the store (e.g. a staging site)
        self.settings = settings
        self.out_dir = Path(out_dir)
        self.progress = progress or (lambda *a, **k: None)
        self.timeout_ms = min(timeout_ms, int(settings.page_timeout_s * 1000))
        self._sessions: dict[Any, Any] = {}  # page -> its DevTools session, for screenshots
        self._targets: dict[Any, str] = {}  # page -> its DevTools target id, to close it from the browser side
        self._stuck: set[Any] = set()  # pages abandoned at their deadline: replaced before the next visit
        self._browser_session: Any = None
        self._context: Any = None
        self._agent = f"clearcart/{__version__}"
        self.robots: Any = None  # a protego.Protego once robots.txt is read

    # ------------------------------------------------------------------------------------------- run
    async def run(self) -> Artifacts:
        artifacts = Artifacts(start_url=self.start_url, settings=self.settings)
        state = _State(artifacts=artifacts, out_dir=self.out_dir)
        try:
            (self.out_dir / "pages").mkdir(parents=True, exist_ok=True)
            (self.out_dir / "screenshots").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_error(exc, self.out_dir) from exc
        started = time.perf_counter()
        try:
            async with launch() as browser:
                self._agent = await self._user_agent(browser)
                options: dict[str, Any] = {}
                if self.credentials:
                    parts = urlsplit(self.start_url)
                    options["http_credentials"] = {**self.credentials, "origin": f"{parts.scheme}://{parts.netloc}"}
                context = self._context = await browser.new_context(
                    viewport={"width": 1280, "height": 900}, user_agent=self._agent, ignore_https_errors=True,
                    **options)
                await install_script(context, "snapshot", _EXTRACT_JS)  # sent once, not with every page
                context.set_default_navigation_timeout(self.timeout_ms)
                context.set_default_timeout(self.timeout_ms)
                if self._browser_session is None:
                    with contextlib.suppress(Exception):
                        self._browser_session = await browser.new_browser_cdp_session()
                try:
                    await self._crawl(context, state)
                finally:
                    # a tab whose renderer still spins can hold the context's close: close it from the browser
                    for page in list(self._stuck):
                        await self._close_target(page)
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(context.close(), CLOSE_TIMEOUT_S * 2)
        except (KeyboardInterrupt, asyncio.CancelledError):
            artifacts.errors.append("the crawl was interrupted; the pages gathered so far are kept")
            raise
        finally:
            artifacts.duration_s = round(time.perf_counter() - started, 2)
            if artifacts.pages:
                artifacts.save(self.out_dir)
        return artifacts

    async def _user_agent(self, browser: Any) -> str:
        with contextlib.suppress(Exception):  # the browser's own answer, without opening a tab
            session = self._browser_session = await browser.new_browser_cdp_session()
            version = await asyncio.wait_for(session.send("Browser.getVersion"), EVALUATE_TIMEOUT_S)
            return str(version["userAgent"]).replace("HeadlessChrome", "Chrome") + f" clearcart/{__version__}"
        page = await browser.new_page()
        try:
            agent = await asyncio.wait_for(page.evaluate("navigator.userAgent"), EVALUATE_TIMEOUT_S)
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(page.close(), CLOSE_TIMEOUT_S)
        return agent.replace("HeadlessChrome", "Chrome") + f" clearcart/{__version__}"

    async def _new_page(self, context: Any) -> Any:
        page = await context.new_page()
        with contextlib.suppress(Exception):  # its target id, read while the tab is still responsive
            session = self._sessions[page] = await context.new_cdp_session(page)
            info = await asyncio.wait_for(session.send("Target.getTargetInfo"), EVALUATE_TIMEOUT_S)
            self._targets[page] = info["targetInfo"]["targetId"]
        return page

    async def _close_target(self, page: Any) -> None:
        """Close a tab even when its renderer is stuck in a script: ``page.close()`` first, then DevTools'
        ``Target.closeTarget`` from the browser session, which does not need the renderer's help."""
        self._sessions.pop(page, None)
        self._stuck.discard(page)
        try:
            await asyncio.wait_for(page.close(run_before_unload=False), CLOSE_TIMEOUT_S)
            return
        except Exception:
            pass
        target = self._targets.pop(page, None)
        if target and self._browser_session is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._browser_session.send("Target.closeTarget", {"targetId": target}),
                                       CLOSE_TIMEOUT_S)

    async def _crawl(self, context: Any, state: _State) -> None:
        pages = [await self._new_page(context)]
        # the other tabs open while the start page loads (they are needed only from the next level on)
        more = asyncio.ensure_future(asyncio.gather(
            *(self._new_page(context) for _ in range(max(1, self.settings.concurrency) - 1))))
        state.counter += 1
        try:
            first = await self._visit(pages[0], _Queued(self.start_url, 0, [], None), state, state.counter,
                                      first=True)
        finally:
            pages += await more
        if pages[0] in self._stuck:
            await self._close_target(pages[0])
        self._check_start(first)
        self._keep(first, state)
        home = first.final_url
        state.artifacts.home_url = home
        state.seen.add(home)
        await self._load_robots_and_sitemap(home, state)

        level = self._next_level([first], state, home)
        depth = 1
        while level and len(state.artifacts.pages) < self.settings.max_pages:
            batch = self._select(level, state)
            visited = await self._visit_all(pages, batch, state)
            level = self._next_level(visited, state, home)
            depth += 1
        self._over_budget(level, state)

        # pages only the sitemap knows (no link from the crawl reached them)
        leftovers = [u for u in state.artifacts.sitemap_urls if u not in state.seen and self._allowed(u, state)]
        extra = self._select([_Queued(url, None, [], None) for url in leftovers], state, record=False)
        state.seen.update(item.url for item in extra)
        if extra:
            await self._visit_all(pages, extra, state)
        self._post_classify(state.artifacts)

    def _select(self, level: list[_Queued], state: _State, record: bool = True) -> list[_Queued]:
        """What of a level to visit, decided before any of it loads so that the same store gives the same
        crawl whatever the timing: in link order, within the page budget, and leaving out URLs shaped like
        a known product page once the product budget is spent. When the budget cannot hold the whole level,
        links that read as help pages (returns, contact, FAQ) are taken first; what is left out is recorded."""
        budget = self.settings.max_pages - len(state.artifacts.pages)
        products = state.products
        wanted: list[_Queued] = []
        for item in level:
            if self._is_product_candidate(item.url, state):
                if products >= self.settings.products:
                    continue
                products += 1
            wanted.append(item)
        if len(wanted) <= budget:
            return wanted
        helpful = [item for item in wanted if help_topic(item.url, item.link_text)]
        chosen = {id(item) for item in helpful[:budget]}
        for item in wanted:
            if len(chosen) >= budget:
                break
            chosen.add(id(item))
        batch = [item for item in wanted if id(item) in chosen]
        if record:
            self._over_budget([item for item in wanted if id(item) not in chosen], state)
        return batch

    def _over_budget(self, items: list[_Queued], state: _State) -> None:
        for item in items:
            self._unread(state, item.url, "budget", item=item)

    def _unread(self, state: _State, url: str, reason: str, detail: str = "", item: _Queued | None = None,
                link_text: str = "", found_on: str = "") -> None:
        text = item.link_text if item is not None else link_text
        topic = help_topic(url, text)
        listed = state.artifacts.unread
        if len(listed) >= MAX_UNREAD and not topic:
            return
        if any(u.url == url and u.reason == reason for u in listed):
            return
        listed.append(UnreadPage(url=url, reason=reason, detail=redact_url(detail)[:300], link_text=text[:200],  # type: ignore[arg-type]
                                 found_on=(item.parent if item is not None else found_on) or "", topic=topic))

    def _check_start(self, first: PageArtifact) -> None:
        if first.error:
            raise CannotRunError(
                f"cannot reach {first.url}: {first.error}",
                "check the address and that the store is up; a local store must be running",
            )
        status = first.status or 0
        if status in (401, 403, 429, 503) or (status >= 400 and BLOCK_WORDS.search(first.text or first.title)):
            raise CannotRunError(
                f"the store blocks automated browsers (HTTP {status} at {first.final_url})",
                "allow-list clearcart's user agent on your store, or run from a network the store accepts",
            )
        if status >= 400:
            raise UsageError(
                f"the start page {first.final_url} answered HTTP {status}",
                "give the address of the store's home page",
            )
        if first.content_type and "html" not in first.content_type.lower():
            raise UsageError(
                f"the start URL is not a web page ({first.content_type or 'unknown type'})",
                "give the address of the store's home page, not a file",
            )
        if not same_site(first.final_url, first.url):
            raise UsageError(
                f"the start URL {first.url} redirects to another site, {first.final_url}",
                f"if that is the store, scan {first.final_url} itself",
            )

    # ------------------------------------------------------------------------------------------ links
    def _allowed(self, url: str, state: _State, item: _Queued | None = None) -> bool:
        if not self.settings.respect_robots or self.robots is None:
            return True
        try:
            allowed = self.robots.can_fetch(url, "clearcart")
        except Exception:
            return True
        if not allowed:
            if url not in state.artifacts.robots_disallowed:
                state.artifacts.robots_disallowed.append(url)
            self._unread(state, url, "robots", "disallowed by robots.txt", item=item)
        return allowed

    def _is_product_candidate(self, url: str, state: _State) -> bool:
        return url_shape(url) in state.product_shapes

    def _next_level(self, visited: list[PageArtifact], state: _State, home: str) -> list[_Queued]:
        """Links of this level's pages not seen before, round-robin by the page they were found on."""
        per_parent: OrderedDict[str, list[_Queued]] = OrderedDict()
        for page in visited:
            if not page.is_ok or page.depth is None:
                continue
            # The nearest category page above a link; a listing page not typed as a category still beats
            # the home page, which says nothing about a product's kind.
            if page.page_type == "category" or (page.depth > 0 and not page.category_hint):
                hint = page.final_url
            else:
                hint = page.category_hint
            for link in page.links:
                url = normalize_url(link.url)
                if not url or url in state.seen or not same_site(url, home) or not _followable(url, link.text):
                    continue
                state.seen.add(url)
                item = _Queued(url, page.depth + 1, [*page.click_path, link.text or url], page.final_url,
                               category_hint=hint, link_text=link.text)
                if not self._allowed(url, state, item):
                    continue
                per_parent.setdefault(page.final_url, []).append(item)
        ordered: list[_Queued] = []
        queues = [list(q) for q in per_parent.values()]
        while any(queues):
            for queue in queues:
                if queue:
                    ordered.append(queue.pop(0))
        return ordered

    # ------------------------------------------------------------------------------- robots, sitemaps
    def _fetch(self, url: str) -> tuple[int, dict[str, str], bytes]:
        """GET a robots.txt or sitemap (blocking: run in a thread): status, headers, body. The body is read up to
        MAX_FETCH_BYTES (ValueError past it); the store's HTTP credentials go only to the store's origin."""
        request = urllib.request.Request(url, headers={"User-Agent": self._agent, "Accept-Encoding": "gzip"})
        if self.credentials and same_site(url, self.start_url):
            token = base64.b64encode(f"{self.credentials['username']}:{self.credentials['password']}".encode())
            request.add_header("Authorization", "Basic " + token.decode("ascii"))
        insecure = ssl.create_default_context()
        insecure.check_hostname = False  # as the browser context: ignore_https_errors (staging certificates)
        insecure.verify_mode = ssl.CERT_NONE
        try:
            with urllib.request.urlopen(request, timeout=10, context=insecure) as response:
                status, headers = response.status, {k.lower(): v for k, v in response.headers.items()}
                data = response.read(MAX_FETCH_BYTES + 1)
        except urllib.error.HTTPError as exc:
            return exc.code, {}, b""
        gzipped = headers.get("content-encoding", "").lower() == "gzip" or data[:2] == b"\x1f\x8b"
        return status, headers, read_capped(data, gzipped)

    async def _load_robots_and_sitemap(self, home: str, state: _State) -> None:
        parts = urlsplit(home)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots_url = origin + "/robots.txt"
        sitemaps: list[str] = []
        try:
            status, headers, body = await asyncio.to_thread(self._fetch, robots_url)
        except Exception as exc:
            status, headers, body = 0, {}, b""
            state.artifacts.errors.append(f"robots.txt unreadable: {redact_url(str(exc))}"[:300])
        if 200 <= status < 300 and "html" not in headers.get("content-type", ""):
            from protego import Protego

            text = body.decode("utf-8", "replace")
            state.artifacts.robots_txt_found = True
            with contextlib.suppress(Exception):
                self.robots = Protego.parse(text)
                sitemaps = [urljoin(robots_url, s.strip()) for s in self.robots.sitemaps]
        own = [s for s in sitemaps if same_site(s, home)]
        if len(own) < len(sitemaps):
            state.artifacts.errors.append(f"{len(sitemaps) - len(own)} sitemap(s) named in robots.txt are on "
                                          "another site and were not read")
        urls: list[str] = []
        for sitemap in (own or [origin + "/sitemap.xml"])[:5]:
            urls += await self._read_sitemap(sitemap, home, state, nested=1)
        state.artifacts.sitemap_urls = [u for u in dict.fromkeys(urls) if same_site(u, home)][:MAX_SITEMAP_URLS]

    async def _read_sitemap(self, url: str, home: str, state: _State, nested: int) -> list[str]:
        from lxml import etree

        if not same_site(url, home):  # only the store's own sitemaps
            return []
        try:
            status, _, body = await asyncio.to_thread(self._fetch, url)
            if not 200 <= status < 300:
                return []
            root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                 huge_tree=False))
        except ValueError as exc:  # over a cap
            state.artifacts.errors.append(f"sitemap {redact_url(url)} not read: {exc}"[:300])
            return []
        except Exception:
            return []
        locs: list[str] = []
        for number, el in enumerate(root.iter("{*}loc")):
            if number >= MAX_SITEMAP_ENTRIES:
                state.artifacts.errors.append(f"sitemap {redact_url(url)}: only its first {MAX_SITEMAP_ENTRIES} "
                                              "entries were read")
                break
            loc = normalize_url((el.text or "").strip(), url)
            if loc:
                locs.append(loc)
        if etree.QName(root).localname == "sitemapindex" and nested > 0:
            out: list[str] = []
            for child in [u for u in locs if same_site(u, home)][:10]:
                out += await self._read_sitemap(child, home, state, nested - 1)
            return out
        return locs

    # ------------------------------------------------------------------------------------------ pages
    async def _visit_all(self, pages: list[Any], batch: list[_Queued], state: _State) -> list[PageArtifact]:
        """Visit every item of ``batch`` on ``pages`` concurrently; the artifacts are kept in batch order
        (and numbered so), not in the order the loads happen to finish. A tab abandoned at its deadline is
        closed and replaced by a fresh one before its worker goes on."""
        queue: asyncio.Queue[tuple[int, _Queued]] = asyncio.Queue()
        for number, item in enumerate(batch, start=state.counter + 1):
            queue.put_nowait((number, item))
        state.counter += len(batch)
        results: dict[int, PageArtifact] = {}

        async def worker(slot: int) -> None:
            while True:
                try:
                    number, item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                if pages[slot] in self._stuck:
                    await self._close_target(pages[slot])
                    pages[slot] = await self._new_page(self._context)
                results[number] = await self._visit(pages[slot], item, state, number)

        try:
            await asyncio.gather(*(worker(slot) for slot in range(max(1, min(len(pages), len(batch))))))
        finally:  # an interrupted level still keeps the pages it finished
            visited = [results[number] for number in sorted(results)]
            for artifact in visited:
                self._keep(artifact, state)
        return visited

    def _keep(self, artifact: PageArtifact, state: _State) -> None:
        if artifact.final_url != artifact.url:
            state.seen.add(artifact.final_url)
        if artifact.page_type == "product":
            state.products += 1
            state.product_shapes.add(url_shape(artifact.final_url))
        state.artifacts.pages.append(artifact)
        limited = artifact.status in (429, 503)  # still refused after the one bounded wait
        if (artifact.error or limited) and artifact.depth != 0:
            offsite = artifact.error.startswith("redirected to another site")
            self._unread(state, artifact.url, "offsite" if offsite else "failed",
                         artifact.final_url if offsite else (artifact.error or f"HTTP {artifact.status}"),
                         link_text=artifact.click_path[-1] if artifact.click_path else "",
                         found_on=artifact.parent_url or "")
        self.progress("done", url=artifact.url, pages=len(state.artifacts.pages), total=self.settings.max_pages)

    async def _visit(self, page: Any, item: _Queued, state: _State, number: int, first: bool = False) -> PageArtifact:
        artifact = PageArtifact(url=item.url, final_url=item.url, depth=item.depth, click_path=item.click_path,
                                parent_url=item.parent, category_hint=item.category_hint)
        started = time.perf_counter()
        self.progress("page", url=item.url, depth=item.depth)
        deadline = self.settings.page_timeout_s
        try:
            try:
                await asyncio.wait_for(self._load(page, artifact, state, number, first), deadline)
            except TimeoutError as exc:
                self._stuck.add(page)  # its renderer may be spinning: the worker replaces the tab
                raise PageDeadline(f"abandoned: the page did not finish within {deadline:g} s "
                                   "(a script kept it busy)") from exc
        except CannotRunError:
            raise
        except UsageError:
            raise
        except Exception as exc:  # one page failing never ends the crawl
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            artifact.error = redact_url(re.sub(r"^\w+\.\w+: ", "", message))[:300]
            if not first:
                state.artifacts.errors.append(f"{item.url}: {artifact.error}")
        artifact.load_ms = int((time.perf_counter() - started) * 1000)
        return artifact

    async def _load(self, page: Any, artifact: PageArtifact, state: _State, number: int, first: bool) -> None:
        response = await page.goto(artifact.url, wait_until="domcontentloaded")
        wait = retry_after_seconds((response.headers if response is not None else {}).get("retry-after")) \
            if response is not None and response.status in (429, 503) else None
        if wait is not None and wait <= MAX_RETRY_AFTER_S:  # the store asked us to come back shortly: once
            await asyncio.sleep(wait)
            response = await page.goto(artifact.url, wait_until="domcontentloaded")
        with contextlib.suppress(Exception):
            await page.wait_for_load_state("load", timeout=5_000)
        artifact.final_url = normalize_url(page.url) or redact_url(page.url)
        if response is not None:
            artifact.status = response.status
            # the headers that came with the response event (no round trip; only cookie headers are left out)
            artifact.content_type = response.headers.get("content-type", "")
        home = state.artifacts.home_url or artifact.url
        if not first and not same_site(artifact.final_url, home):
            artifact.error = f"redirected to another site: {artifact.final_url} (not audited as the store)"
            return
        if first and not same_site(artifact.final_url, artifact.url):
            return  # _check_start refuses it
        if artifact.content_type and "html" not in artifact.content_type.lower():
            artifact.error = "" if first else f"not a web page ({artifact.content_type})"
            return
        artifact.dismissed = await dismiss_overlays(page, settle_ms=700 if first else 0)
        await self._read_page(page, artifact, state, number)

    async def _read_page(self, page: Any, artifact: PageArtifact, state: _State, number: int) -> None:
        import extruct

        data = await asyncio.wait_for(
            evaluate_json(page, _EXTRACT_JS, [widgets.all_globals(), widgets.all_snippets(), MAX_STAMPED],
                          name="snapshot"),
            EVALUATE_TIMEOUT_S)
        html = data["html"]
        artifact.title = data["title"][:300]
        artifact.text = data["text"][:MAX_TEXT]
        artifact.headings = data["headings"]
        artifact.footer_text = data["footer"][:5000]
        artifact.links = [Link(**{**link, "url": redact_url(link["url"])}) for link in keep_links(data["links"])]
        artifact.tel_links = data["tel"][:20]
        artifact.mailto_links = data["mailto"][:20]
        artifact.scripts = [redact_url(u) for u in data["scripts"][:100]]
        artifact.inline_script_hints = data["hints"]
        artifact.iframes = [redact_url(u) for u in data["iframes"][:50]]
        artifact.widget_globals = data["present"]
        artifact.forms = [Form(action=redact_url(f["action"]), method=f["method"], text=f["text"],
                               fields=[FormField(**x) for x in f["fields"]]) for f in data["forms"]]
        # Parsing is CPU work: off the event loop, so the other pages keep loading meanwhile.
        artifact.lang = await asyncio.to_thread(page_language, data["lang"], artifact.text)
        try:
            artifact.structured = await asyncio.to_thread(
                extruct.extract, html, base_url=artifact.final_url, syntaxes=["json-ld", "microdata", "opengraph"],
                uniform=True, errors="ignore",
            )
        except Exception as exc:
            artifact.structured = {}
            state.artifacts.errors.append(f"{artifact.final_url}: structured data unreadable ({type(exc).__name__})")
        home = state.artifacts.home_url or artifact.final_url
        view = await asyncio.to_thread(shopper_view, html)
        artifact.shopper = view.as_dict()
        artifact.page_type, artifact.type_reasons, artifact.type_confidence = classify_page(
            artifact.final_url, home, artifact.title, artifact.headings, artifact.structured, html, view=view
        )
        if artifact.depth == 0:
            artifact.page_type, artifact.type_reasons, artifact.type_confidence = "home", ["the start page"], 1.0
        # The page's type decides whether its screenshot may be evidence; taken before the tab moves on, with
        # the page untouched since the snapshot, so the element boxes read in it match the picture.
        stem = f"{number:03d}"
        if self._wants_screenshot(artifact, state):
            shot = Path("screenshots") / f"{stem}.jpg"
            with contextlib.suppress(Exception):
                await self._screenshot(page, state.out_dir / shot)
                artifact.screenshot = str(shot)
        # What the browser recorded of the layout: kept only with the screenshot the boxes belong to, and sane.
        artifact.stamped, artifact.hidden = int(data.get("stamped") or 0), _runs(data.get("hidden"))
        if artifact.screenshot:
            viewport = page.viewport_size or {"width": 1280, "height": 900}
            artifact.boxes = _sane_boxes(data.get("boxes"), viewport["width"], viewport["height"])
        html_file = Path("pages") / f"{stem}.html"
        encoded = html.encode("utf-8", "replace")
        if len(encoded) > MAX_HTML_BYTES:
            encoded = encoded[:MAX_HTML_BYTES]
            artifact.html_truncated = True
        try:
            await asyncio.to_thread((state.out_dir / html_file).write_bytes, encoded)
        except OSError as exc:  # a read-only or full output folder: the run cannot save anything, stop it
            raise output_error(exc, state.out_dir / html_file) from exc
        artifact.html_file = str(html_file)

    def _wants_screenshot(self, artifact: PageArtifact, state: _State) -> bool:
        """Whether a page's screenshot may be evidence in the report: product pages up to
        ``EVIDENCE_PRODUCT_SHOTS`` (a rule that fires on many products is one finding showing one of them, and
        the grouping prefers an item with a screenshot), every other page but listings (no check reports on a
        listing). A screenshot costs the crawl about a third of a page load."""
        if artifact.page_type == "product":
            state.product_shots += 1
            return state.product_shots <= EVIDENCE_PRODUCT_SHOTS
        return artifact.page_type not in NO_EVIDENCE_PAGE_TYPES

    async def _screenshot(self, page: Any, path: Path) -> None:
        """The viewport as JPEG. Straight through DevTools with Chromium's fast encoder: about half the time
        of ``page.screenshot``, which also waits for fonts and hides the caret; falls back to
        ``page.screenshot`` where a DevTools session cannot be opened."""
        try:
            session = self._sessions.get(page)
            if session is None:
                session = self._sessions[page] = await page.context.new_cdp_session(page)
            shot = await asyncio.wait_for(session.send("Page.captureScreenshot", {
                "format": "jpeg", "quality": 60, "optimizeForSpeed": True}), timeout=10)
            data = base64.b64decode(shot["data"])
        except Exception:
            await page.screenshot(path=str(path), type="jpeg", quality=60, timeout=10_000)
            return
        await asyncio.to_thread(path.write_bytes, data)

    @staticmethod
    def _post_classify(artifacts: Artifacts) -> None:
        """A page of type 'other' that links to two or more product pages is a category listing."""
        products = {p.final_url for p in artifacts.pages if p.page_type == "product"}
        for page in artifacts.pages:
            if page.page_type != "other" or not page.is_ok:
                continue
            linked = {normalize_url(link.url) for link in page.links if link.region in ("main", "other")}
            if len(linked & products) >= 2:
                page.page_type = "category"
                page.type_reasons = [f"links to {len(linked & products)} product pages"]


def crawl(start_url: str, out_dir: str | Path, settings: CrawlSettings | None = None,
          progress: Progress | None = None) -> Artifacts:
    """Crawl ``start_url`` and save artifacts to ``out_dir``. Raises UsageError / CannotRunError."""
    crawler = Crawler(start_url, Path(out_dir), settings or CrawlSettings(), progress)
    return run_async(crawler.run())
