"""The crawl: walk a store breadth-first from its home page the way a shopper clicks, and save what we saw.

* robots.txt is respected (``respect_robots=False`` for your own store); sitemap.xml adds pages no link reaches.
* Breadth-first, level by level, so every page's depth is the least number of clicks from home and its click
  path is the link texts of one shortest path.
* Product pages are sampled across categories: links are taken round-robin by the page they were found on,
  and once the product budget is used, URLs shaped like known product URLs are no longer visited.
* Consent banners and pop-ups are dismissed before anything is read.
* A page that fails is recorded with its error and the crawl goes on; whatever was gathered is saved even
  when the run is interrupted.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import re
import time
import urllib.robotparser
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from auditor import __version__, lexicon, widgets
from auditor.browser import launch
from auditor.consent import dismiss_overlays
from auditor.errors import CannotRunError, UsageError
from auditor.model import Artifacts, CrawlSettings, Form, FormField, Link, PageArtifact
from auditor.pagetype import classify

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

# One evaluate per page: everything we read from the DOM.
_EXTRACT_JS = r"""
([globals, snippets]) => {
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
  const region = (el) => {
    if (el.closest('footer, [role=contentinfo]')) return 'footer';
    if (el.closest('[role=dialog], dialog, [aria-modal=true]')) return 'dialog';
    if (el.closest('nav, [role=navigation]')) return 'nav';
    if (el.closest('header, [role=banner]')) return 'header';
    if (el.closest('aside, [role=complementary]')) return 'aside';
    if (el.closest('main, [role=main]')) return 'main';
    return 'other';
  };
  const linkText = (a) => {
    let t = norm(a.innerText);
    if (!t) t = norm(a.getAttribute('aria-label') || a.title || '');
    if (!t) { const img = a.querySelector('img[alt]'); if (img) t = norm(img.alt); }
    return t.slice(0, 200);
  };
  const links = [], tel = [], mailto = [];
  for (const a of document.querySelectorAll('a[href]')) {
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
    if (input.id) { const l = document.querySelector('label[for="' + CSS.escape(input.id) + '"]'); if (l) return norm(l.innerText); }
    const wrap = input.closest('label'); if (wrap) return norm(wrap.innerText);
    return norm(input.getAttribute('aria-label') || input.placeholder || '');
  };
  const forms = [...document.querySelectorAll('form')].slice(0, 30).map((f) => ({
    action: f.action || '', method: (f.method || 'get').toLowerCase(), text: norm(f.innerText).slice(0, 1000),
    fields: [...f.querySelectorAll('input, select, textarea')]
      .filter((i) => !['hidden', 'submit', 'button', 'image', 'reset'].includes((i.type || '').toLowerCase()))
      .slice(0, 60)
      .map((i) => ({name: i.name || i.id || '', type: (i.type || i.tagName).toLowerCase(), label: labelFor(i).slice(0, 200), required: !!i.required})),
  }));
  const headings = [...document.querySelectorAll('h1, h2, h3')].map((h) => norm(h.innerText)).filter(Boolean).slice(0, 60);
  const footer = document.querySelector('footer, [role=contentinfo]');
  return {
    title: norm(document.title), lang: (document.documentElement.lang || '').trim(),
    text: document.body ? document.body.innerText : '',
    headings, footer: footer ? footer.innerText : '', links, tel, mailto, scripts, hints, iframes, present, forms,
    // what page.content() returns, read in the same pass as the text so both are one snapshot
    html: (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') +
      (document.documentElement ? document.documentElement.outerHTML : ''),
  };
}
"""


@dataclass
class _Queued:
    url: str
    depth: int | None
    click_path: list[str]
    parent: str | None
    category_hint: str = ""


@dataclass
class _State:
    artifacts: Artifacts
    out_dir: Path
    seen: set[str] = field(default_factory=set)
    product_shapes: set[str] = field(default_factory=set)
    products: int = 0
    counter: int = 0


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute http(s) URL without fragment and tracking parameters, or None when it is not one."""
    try:
        absolute = urljoin(base, url) if base else url
        absolute, _ = urldefrag(absolute)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    query = "&".join(
        kv for kv in parts.query.split("&") if kv and not TRACKING_PARAMS.match(kv.split("=", 1)[0])
    )
    path = parts.path or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, query, ""))


def validate_start_url(url: str) -> str:
    candidate = url.strip()
    if candidate and "://" not in candidate and re.match(r"^[\w.-]+\.[a-z]{2,}(:\d+)?(/|$)", candidate, re.I):
        candidate = "https://" + candidate
    try:
        parts = urlsplit(candidate)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname or not port_ok or " " in candidate:
        raise UsageError(f"'{url}' is not a store URL", "give a full address such as https://shop.example.com/")
    normalized = normalize_url(candidate)
    assert normalized
    return normalized


def same_site(url: str, home: str) -> bool:
    strip = lambda h: (h or "").lower().removeprefix("www.")  # noqa: E731
    a, b = urlsplit(url), urlsplit(home)
    return strip(a.hostname) == strip(b.hostname) and (a.port == b.port)


def url_shape(url: str) -> str:
    """A product URL's shape: its path with the last segment and digits generalised."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    head = "/".join(re.sub(r"\d+", "9", s) for s in segments[:-1])
    return f"{parts.hostname}/{head}/*"


def _followable(url: str) -> bool:
    path = urlsplit(url).path
    if SKIP_EXTENSIONS.search(path):
        return False
    return not lexicon.matches("slug_skip", url.lower())


class Crawler:
    def __init__(self, start_url: str, out_dir: Path, settings: CrawlSettings, progress: Progress | None = None,
                 timeout_ms: int = NAV_TIMEOUT_MS):
        self.start_url = validate_start_url(start_url)
        self.settings = settings
        self.out_dir = Path(out_dir)
        self.progress = progress or (lambda *a, **k: None)
        self.timeout_ms = timeout_ms
        self._sessions: dict[Any, Any] = {}  # page -> its DevTools session, for screenshots
        self.robots: urllib.robotparser.RobotFileParser | None = None

    # ------------------------------------------------------------------------------------------- run
    async def run(self) -> Artifacts:
        artifacts = Artifacts(start_url=self.start_url, settings=self.settings)
        state = _State(artifacts=artifacts, out_dir=self.out_dir)
        (self.out_dir / "pages").mkdir(parents=True, exist_ok=True)
        (self.out_dir / "screenshots").mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        try:
            async with launch() as browser:
                context = await browser.new_context(
                    viewport={"width": 1280, "height": 900},
                    user_agent=await self._user_agent(browser),
                    ignore_https_errors=True,
                )
                context.set_default_navigation_timeout(self.timeout_ms)
                try:
                    await self._crawl(context, state)
                finally:
                    with contextlib.suppress(Exception):
                        await context.close()
        except (KeyboardInterrupt, asyncio.CancelledError):
            artifacts.errors.append("the crawl was interrupted; the pages gathered so far are kept")
            raise
        finally:
            artifacts.duration_s = round(time.perf_counter() - started, 2)
            if artifacts.pages:
                artifacts.save(self.out_dir)
        return artifacts

    async def _user_agent(self, browser: Any) -> str:
        page = await browser.new_page()
        try:
            agent = await page.evaluate("navigator.userAgent")
        finally:
            await page.close()
        return agent.replace("HeadlessChrome", "Chrome") + f" clearcart/{__version__}"

    async def _crawl(self, context: Any, state: _State) -> None:
        pages = [await context.new_page() for _ in range(max(1, self.settings.concurrency))]
        state.counter += 1
        first = await self._visit(pages[0], _Queued(self.start_url, 0, [], None), state, state.counter, first=True)
        self._check_start(first)
        self._keep(first, state)
        home = first.final_url
        state.artifacts.home_url = home
        state.seen.add(home)
        await self._load_robots_and_sitemap(context, home, state)

        level = self._next_level([first], state, home)
        depth = 1
        while level and len(state.artifacts.pages) < self.settings.max_pages:
            visited = await self._visit_all(pages, self._select(level, state), state)
            level = self._next_level(visited, state, home)
            depth += 1

        # pages only the sitemap knows (no link from the crawl reached them)
        leftovers = [u for u in state.artifacts.sitemap_urls if u not in state.seen and self._allowed(u, state)]
        extra = self._select([_Queued(url, None, [], None) for url in leftovers], state)
        state.seen.update(item.url for item in extra)
        if extra:
            await self._visit_all(pages, extra, state)
        self._post_classify(state.artifacts)

    def _select(self, level: list[_Queued], state: _State) -> list[_Queued]:
        """What of a level to visit, decided before any of it loads so that the same store gives the same
        crawl whatever the timing: in link order, within the page budget, and leaving out URLs shaped like
        a known product page once the product budget is spent."""
        budget = self.settings.max_pages - len(state.artifacts.pages)
        products = state.products
        batch: list[_Queued] = []
        for item in level:
            if len(batch) >= budget:
                break
            if self._is_product_candidate(item.url, state):
                if products >= self.settings.products:
                    continue
                products += 1
            batch.append(item)
        return batch

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

    # ------------------------------------------------------------------------------------------ links
    def _allowed(self, url: str, state: _State) -> bool:
        if not self.settings.respect_robots or self.robots is None:
            return True
        try:
            allowed = self.robots.can_fetch("clearcart", url)
        except Exception:
            return True
        if not allowed and url not in state.artifacts.robots_disallowed:
            state.artifacts.robots_disallowed.append(url)
        return allowed

    def _is_product_candidate(self, url: str, state: _State) -> bool:
        return url_shape(url) in state.product_shapes

    def _next_level(self, visited: list[PageArtifact], state: _State, home: str) -> list[_Queued]:
        """Links of this level's pages not seen before, round-robin by the page they were found on."""
        per_parent: "OrderedDict[str, list[_Queued]]" = OrderedDict()
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
                if not url or url in state.seen or not same_site(url, home) or not _followable(url):
                    continue
                if not self._allowed(url, state):
                    state.seen.add(url)
                    continue
                state.seen.add(url)
                per_parent.setdefault(page.final_url, []).append(
                    _Queued(url, page.depth + 1, [*page.click_path, link.text or url], page.final_url,
                            category_hint=hint)
                )
        ordered: list[_Queued] = []
        queues = [list(q) for q in per_parent.values()]
        while any(queues):
            for queue in queues:
                if queue:
                    ordered.append(queue.pop(0))
        return ordered

    async def _load_robots_and_sitemap(self, context: Any, home: str, state: _State) -> None:
        parts = urlsplit(home)
        origin = f"{parts.scheme}://{parts.netloc}"
        sitemaps: list[str] = []
        with contextlib.suppress(Exception):
            response = await context.request.get(origin + "/robots.txt", timeout=10_000)
            if response.ok and "html" not in (response.headers.get("content-type") or ""):
                body = await response.text()
                state.artifacts.robots_txt_found = True
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(body.splitlines())
                self.robots = parser
                sitemaps = [line.split(":", 1)[1].strip() for line in body.splitlines()
                            if line.lower().startswith("sitemap:")]
        if not sitemaps:
            sitemaps = [origin + "/sitemap.xml"]
        urls: list[str] = []
        for sitemap in sitemaps[:5]:
            urls += await self._read_sitemap(context, sitemap, nested=1)
        state.artifacts.sitemap_urls = [u for u in dict.fromkeys(urls) if same_site(u, home)][:5000]

    async def _read_sitemap(self, context: Any, url: str, nested: int) -> list[str]:
        from lxml import etree

        try:
            response = await context.request.get(url, timeout=10_000)
            if not response.ok:
                return []
            root = etree.fromstring(await response.body(), parser=etree.XMLParser(resolve_entities=False,
                                                                                   no_network=True))
        except Exception:
            return []
        locs = [normalize_url((el.text or "").strip()) for el in root.iter("{*}loc")]
        locs = [u for u in locs if u]
        if etree.QName(root).localname == "sitemapindex" and nested > 0:
            out: list[str] = []
            for child in locs[:10]:
                out += await self._read_sitemap(context, child, nested - 1)
            return out
        return locs

    # ------------------------------------------------------------------------------------------ pages
    async def _visit_all(self, pages: list[Any], batch: list[_Queued], state: _State) -> list[PageArtifact]:
        """Visit every item of ``batch`` on ``pages`` concurrently; the artifacts are kept in batch order
        (and numbered so), not in the order the loads happen to finish."""
        queue: asyncio.Queue[tuple[int, _Queued]] = asyncio.Queue()
        for number, item in enumerate(batch, start=state.counter + 1):
            queue.put_nowait((number, item))
        state.counter += len(batch)
        results: dict[int, PageArtifact] = {}

        async def worker(page: Any) -> None:
            while True:
                try:
                    number, item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                results[number] = await self._visit(page, item, state, number)

        try:
            await asyncio.gather(*(worker(p) for p in pages[: max(1, min(len(pages), len(batch)))]))
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
        self.progress("done", url=artifact.url, pages=len(state.artifacts.pages), total=self.settings.max_pages)

    async def _visit(self, page: Any, item: _Queued, state: _State, number: int, first: bool = False) -> PageArtifact:
        artifact = PageArtifact(url=item.url, final_url=item.url, depth=item.depth, click_path=item.click_path,
                                parent_url=item.parent, category_hint=item.category_hint)
        started = time.perf_counter()
        self.progress("page", url=item.url, depth=item.depth)
        try:
            response = await page.goto(item.url, wait_until="domcontentloaded")
            with contextlib.suppress(Exception):
                await page.wait_for_load_state("load", timeout=5_000)
            artifact.final_url = normalize_url(page.url) or page.url
            if response is not None:
                artifact.status = response.status
                artifact.content_type = (await response.all_headers()).get("content-type", "")
            if artifact.content_type and "html" not in artifact.content_type.lower():
                artifact.error = "" if first else f"not a web page ({artifact.content_type})"
            else:
                artifact.dismissed = await dismiss_overlays(page, settle_ms=700 if first else 0)
                await self._read_page(page, artifact, state, number)
        except CannotRunError:
            raise
        except Exception as exc:  # one page failing never ends the crawl
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            artifact.error = re.sub(r"^\w+\.\w+: ", "", message)[:300]
            if not first:
                state.artifacts.errors.append(f"{item.url}: {artifact.error}")
        artifact.load_ms = int((time.perf_counter() - started) * 1000)
        return artifact

    async def _read_page(self, page: Any, artifact: PageArtifact, state: _State, number: int) -> None:
        import extruct

        data = await page.evaluate(_EXTRACT_JS, [widgets.all_globals(), widgets.all_snippets()])
        html = data["html"]
        artifact.title = data["title"][:300]
        artifact.text = data["text"][:MAX_TEXT]
        artifact.headings = data["headings"]
        artifact.footer_text = data["footer"][:5000]
        artifact.links = [Link(**link) for link in data["links"][:800]]
        artifact.tel_links = data["tel"][:20]
        artifact.mailto_links = data["mailto"][:20]
        artifact.scripts = data["scripts"][:100]
        artifact.inline_script_hints = data["hints"]
        artifact.iframes = data["iframes"][:50]
        artifact.widget_globals = data["present"]
        artifact.forms = [Form(action=f["action"], method=f["method"], text=f["text"],
                               fields=[FormField(**x) for x in f["fields"]]) for f in data["forms"]]
        # Parsing is CPU work: off the event loop, so the other pages keep loading meanwhile.
        artifact.lang = await asyncio.to_thread(detect_language, data["lang"], artifact.text)
        try:
            artifact.structured = await asyncio.to_thread(
                extruct.extract, html, base_url=artifact.final_url, syntaxes=["json-ld", "microdata", "opengraph"],
                uniform=True, errors="ignore",
            )
        except Exception as exc:
            artifact.structured = {}
            state.artifacts.errors.append(f"{artifact.final_url}: structured data unreadable ({type(exc).__name__})")
        home = state.artifacts.home_url or artifact.final_url
        artifact.page_type, artifact.type_reasons = classify(
            artifact.final_url, home, artifact.title, artifact.headings, artifact.structured
        )
        if artifact.depth == 0:
            artifact.page_type, artifact.type_reasons = "home", ["the start page"]
        stem = f"{number:03d}"
        html_file = Path("pages") / f"{stem}.html"
        (state.out_dir / html_file).write_text(html, encoding="utf-8")
        artifact.html_file = str(html_file)
        shot = Path("screenshots") / f"{stem}.jpg"
        with contextlib.suppress(Exception):
            await self._screenshot(page, state.out_dir / shot)
            artifact.screenshot = str(shot)

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


def detect_language(html_lang: str, text: str) -> str:
    """Two-letter language: the html lang attribute, else detected from the text (langdetect)."""
    code = (html_lang or "").strip().lower().replace("_", "-").split("-")[0]
    if re.fullmatch(r"[a-z]{2,3}", code or ""):
        return code
    sample = (text or "")[:3000]
    if len(sample.strip()) < 20:
        return ""
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        return detect(sample)
    except Exception:
        return ""


def crawl(start_url: str, out_dir: str | Path, settings: CrawlSettings | None = None,
          progress: Progress | None = None) -> Artifacts:
    """Crawl ``start_url`` and save artifacts to ``out_dir``. Raises UsageError / CannotRunError."""
    crawler = Crawler(start_url, Path(out_dir), settings or CrawlSettings(), progress)
    return asyncio.run(crawler.run())
