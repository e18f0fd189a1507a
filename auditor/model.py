"""The artifact model: everything gathered from a store, and everything checks produce.

Gather once, check many times: the crawler and the checkout walker fill :class:`Artifacts`, which is
written to ``OUT/artifacts/artifacts.json`` (plus page HTML and screenshots beside it). Checks are pure
functions over an :class:`Artifacts` object; reports read only :class:`AuditResult`.

Everything in here that came from a store is untrusted text.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, PrivateAttr

from auditor import __version__
from auditor.defaults import DEFAULTS

ARTIFACTS_FILE = "artifacts.json"

LineKind = Literal["item", "subtotal", "shipping", "fee", "tax", "discount", "total", "note", "other"]
StepKind = Literal["product", "basket", "details", "shipping", "payment", "review", "other"]
PageType = Literal["home", "category", "product", "cart", "checkout", "policy", "contact", "faq", "other"]
Severity = Literal["critical", "high", "medium", "low", "info"]
Status = Literal["pass", "fail", "needs-review", "not-applicable", "error"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------------------------------
# Crawl artifacts
# --------------------------------------------------------------------------------------------------


class Link(BaseModel):
    """An anchor on a page: absolute URL, the text a shopper reads, and where on the page it sits."""

    url: str
    text: str = ""
    region: Literal["header", "nav", "main", "footer", "aside", "dialog", "other"] = "other"


class FormField(BaseModel):
    name: str = ""
    type: str = ""
    label: str = ""
    required: bool = False


class Form(BaseModel):
    action: str = ""
    method: str = "get"
    text: str = ""  # visible text inside the form (labels, buttons)
    fields: list[FormField] = Field(default_factory=list)


class PageArtifact(BaseModel):
    """One crawled page."""

    url: str  # the URL we asked for
    final_url: str  # after redirects
    status: int | None = None
    content_type: str = ""
    title: str = ""
    lang: str = ""  # two-letter code: html lang, else detected from text
    depth: int | None = None  # clicks from home; None when only known from the sitemap
    click_path: list[str] = Field(default_factory=list)  # link texts clicked from home
    parent_url: str | None = None
    page_type: PageType = "other"
    type_reasons: list[str] = Field(default_factory=list)
    type_confidence: float = 0.0  # 0..1: how sure the page type is (structured data and what a shopper sees)
    # what a shopper sees (auditor.pageview): prices, buy_controls, buy_in_cards, main_price, pickers, gallery,
    # card_count, card_pattern, basket_link
    shopper: dict[str, Any] = Field(default_factory=dict)
    text: str = ""  # visible text (innerText of body)
    headings: list[str] = Field(default_factory=list)
    footer_text: str = ""
    links: list[Link] = Field(default_factory=list)
    structured: dict[str, Any] = Field(default_factory=dict)  # extruct: json-ld, microdata, opengraph
    scripts: list[str] = Field(default_factory=list)  # external script src URLs
    inline_script_hints: list[str] = Field(default_factory=list)  # known widget markers seen inline
    iframes: list[str] = Field(default_factory=list)
    widget_globals: list[str] = Field(default_factory=list)  # chat-widget JS globals present
    forms: list[Form] = Field(default_factory=list)
    tel_links: list[str] = Field(default_factory=list)
    mailto_links: list[str] = Field(default_factory=list)
    html_file: str = ""  # relative to the artifacts dir
    html_truncated: bool = False  # the saved HTML was cut at the per-page cap (MAX_HTML_BYTES of the crawl)
    screenshot: str = ""  # relative to the artifacts dir
    # What only the browser knew, recorded by the snapshot (auditor.crawl): the saved HTML's elements carry
    # ``data-cc="<n>"`` ids in document order (the first ``stamped`` elements of the body); ``boxes`` maps the id
    # of each rendered element inside the viewport (the screenshot) to [x, y, width, height] in CSS pixels,
    # clipped to the viewport (leaf elements: the extent of their text); ``hidden`` lists runs [first, last] of
    # ids not rendered (display:none, visibility:hidden, zero size). Folders saved before these existed load with
    # them empty: no element has a box then. Which element is the price, the size selector… is decided in Python
    # (auditor.analysis.locate).
    stamped: int = 0
    boxes: dict[str, list[float]] = Field(default_factory=dict)
    hidden: list[list[int]] = Field(default_factory=list)
    dismissed: list[str] = Field(default_factory=list)  # consent banners / pop-ups we closed
    category_hint: str = ""  # for products: the category page it was reached from
    load_ms: int = 0
    error: str = ""

    @property
    def is_ok(self) -> bool:
        return not self.error and (self.status is None or self.status < 400)


# --------------------------------------------------------------------------------------------------
# Checkout artifacts (filled by the checkout walker)
# --------------------------------------------------------------------------------------------------


class PriceLine(BaseModel):
    label: str
    # note: a subordinate line ("incl. VAT 2.38") that tells what a price contains; never added, never a total
    kind: LineKind = "other"
    amount: float | None = None  # in the store currency; discounts negative
    currency: str = ""
    raw: str = ""
    box: dict[str, float] | None = None  # {x, y, width, height} of the line in the step's (full-page) screenshot


class Checkbox(BaseModel):
    label: str
    checked: bool
    name: str = ""
    price: float | None = None  # when the label states a price (paid add-on)
    box: dict[str, float] | None = None  # the checkbox with its label, in the step's screenshot


class CheckoutStep(BaseModel):
    url: str
    kind: StepKind = "other"
    clicks: int = 0  # clicks from the product page so far
    title: str = ""
    price_lines: list[PriceLine] = Field(default_factory=list)
    currency: str = ""
    checkboxes: list[Checkbox] = Field(default_factory=list)
    progress_indicator: bool = False
    account_required: bool = False
    guest_option: bool | None = None
    form_fields: int = 0
    order_button: str = ""  # the label of the final order/pay button when this step has it
    order_button_box: dict[str, float] | None = None  # that button, in the step's screenshot
    text_excerpt: str = ""
    screenshot: str = ""
    notes: list[str] = Field(default_factory=list)
    reconciled: bool | None = None  # the lines add up to the step's total (None: the step shows no total)
    tax_included: bool | None = None  # tax included in the prices (True), added on top (False), unknown (None)
    unreadable_reason: str = ""  # why the ledger does not add up (then its lines are not to be trusted)


class OrderSuspicion(BaseModel):
    """A page the walk reached looked like an order confirmation (auditor/safety.py): the store may have
    registered an order there; it must be checked and cancelled."""

    url: str
    evidence: str = ""


class CheckoutWalk(BaseModel):
    product_url: str
    product_name: str = ""
    product_price: float | None = None
    currency: str = ""
    pre_checkout_texts: list[str] = Field(default_factory=list)  # what the shopper was told before checkout
    steps: list[CheckoutStep] = Field(default_factory=list)
    completed: bool = False  # reached the last step before payment
    stuck_reason: str = ""
    blocked_requests: list[str] = Field(default_factory=list)  # payment / order requests we aborted
    refused_clicks: list[str] = Field(default_factory=list)  # clicks the safety policy refused, with why
    guard_stop: bool = False  # the walk ended because the safety guard stopped its next request
    post_payment_step: bool = False  # walked with the user's permit to post an armed step (--post-payment-step)
    permitted_requests: list[str] = Field(default_factory=list)  # requests that permit let through
    order_suspected: OrderSuspicion | None = None  # a confirmation page was seen: the walk stopped there
    journey_file: str = ""
    duration_s: float = 0.0


# --------------------------------------------------------------------------------------------------
# Ticket artifacts (filled by the ticket import)
# --------------------------------------------------------------------------------------------------


class TicketTopic(BaseModel):
    id: str
    label: str
    origin: Literal["taxonomy", "cluster"] = "taxonomy"
    count: int = 0
    share: float = 0.0
    terms: list[str] = Field(default_factory=list)
    by_month: dict[str, int] = Field(default_factory=dict)
    examples: list[str] = Field(default_factory=list)  # redacted
    estimated: bool = False  # count extrapolated from the clustered sample of unexplained tickets
    merged: list[str] = Field(default_factory=list)  # labels of clusters of unexplained tickets merged into it


class TicketsArtifact(BaseModel):
    source: str = ""
    format: str = ""
    encoding: str = ""
    total: int = 0
    imported: int = 0
    broken_rows: int = 0
    empty: int = 0  # records without any text once quotes, signatures and HTML were stripped
    unexplained: int = 0  # imported tickets in no reported topic
    languages: dict[str, int] = Field(default_factory=dict)
    columns: dict[str, str] = Field(default_factory=dict)  # role (subject, body, date, tags) -> source column
    redactions: dict[str, int] = Field(default_factory=dict)  # kind of personal data -> number replaced
    topics: list[TicketTopic] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# The whole gathering
# --------------------------------------------------------------------------------------------------


class CrawlSettings(BaseModel):
    max_pages: int = Field(default=DEFAULTS.max_pages, ge=1, le=5000)
    concurrency: int = Field(default=DEFAULTS.concurrency, ge=1, le=16)
    products: int = Field(default=DEFAULTS.products, ge=0, le=1000)
    respect_robots: bool = DEFAULTS.respect_robots
    # hard deadline of one page, load to snapshot
    page_timeout_s: float = Field(default=DEFAULTS.page_timeout_s, ge=5, le=600)


class UnreadPage(BaseModel):
    """A page the crawl saw a link to (or was sent to) but did not read, and why: ``robots`` (robots.txt
    disallows it), ``budget`` (the page budget was spent), ``failed`` (it did not load or was abandoned at its
    deadline), ``offsite`` (it redirected to another site, which is not audited as the store)."""

    url: str
    reason: Literal["robots", "budget", "failed", "offsite"]
    detail: str = ""  # the error, or where an off-site redirect went
    link_text: str = ""
    found_on: str = ""
    topic: str = ""  # "returns", "contact" or "faq" when the link reads as that help page


class Artifacts(BaseModel):
    tool_version: str = __version__
    start_url: str
    home_url: str = ""
    started_at: str = Field(default_factory=now_iso)
    duration_s: float = 0.0
    settings: CrawlSettings = Field(default_factory=CrawlSettings)
    robots_txt_found: bool = False
    robots_disallowed: list[str] = Field(default_factory=list)  # URLs we skipped because of robots.txt
    unread: list[UnreadPage] = Field(default_factory=list)  # linked pages not read: robots, budget, failed, offsite
    sitemap_urls: list[str] = Field(default_factory=list)
    pages: list[PageArtifact] = Field(default_factory=list)
    checkout: list[CheckoutWalk] = Field(default_factory=list)
    tickets: TicketsArtifact | None = None
    errors: list[str] = Field(default_factory=list)  # what failed midway (the rest was kept)
    base_dir: str = Field(default="", exclude=True)  # where the artifacts live on disk (not saved)
    # what the analysis layer computed once for all checks (auditor.analysis): page documents, store facts; not saved
    _analysis: dict[Any, Any] = PrivateAttr(default_factory=dict)

    # -- queries checks use ---------------------------------------------------------------------
    def ok_pages(self) -> list[PageArtifact]:
        return [p for p in self.pages if p.is_ok]

    def pages_of(self, *types: str) -> list[PageArtifact]:
        return [p for p in self.ok_pages() if p.page_type in types]

    def home(self) -> PageArtifact | None:
        for p in self.ok_pages():
            if p.page_type == "home" or p.depth == 0:
                return p
        return None

    def unread_about(self, topic: str) -> list[UnreadPage]:
        """Linked pages of a help topic ("returns", "contact", "faq") that the crawl did not read."""
        return [u for u in self.unread if u.topic == topic]

    def read_html(self, page: PageArtifact) -> str:
        """The saved HTML of a page ('' when it was not saved)."""
        if not page.html_file or not self.base_dir:
            return ""
        path = Path(self.base_dir) / page.html_file
        return path.read_text(encoding="utf-8") if path.exists() else ""

    # -- persistence ------------------------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        """Write ``artifacts.json`` (atomically). A folder that cannot be written (read-only, full disk) is a
        :class:`~auditor.errors.UsageError` naming the path (exit 2)."""
        from auditor.errors import output_error

        directory = Path(directory)
        path = directory / ARTIFACTS_FILE
        tmp = path.with_suffix(".tmp")
        try:
            directory.mkdir(parents=True, exist_ok=True)
            tmp.write_text(self.model_dump_json(indent=1), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise output_error(exc, path) from exc
        self.base_dir = str(directory)
        return path

    def _confine_paths(self, directory: Path) -> None:
        """Drop every saved-file path (page HTML, screenshots) that leads outside ``directory``: an edited or
        hostile artifacts.json must not make a report read /etc/passwd or a file beside the artifacts."""
        root = directory.resolve()

        def inside(rel: str) -> bool:
            if not rel:
                return True
            candidate = Path(rel)
            if candidate.is_absolute() or ".." in candidate.parts:
                return False
            try:
                return (root / candidate).resolve().is_relative_to(root)
            except (OSError, ValueError):
                return False

        refused: list[str] = []
        for page in self.pages:
            for name in ("html_file", "screenshot"):
                if not inside(getattr(page, name)):
                    refused.append(getattr(page, name))
                    setattr(page, name, "")
        for walk in self.checkout:
            for step in walk.steps:
                if not inside(step.screenshot):
                    refused.append(step.screenshot)
                    step.screenshot = ""
        if refused:
            self.errors.append(f"{len(refused)} file path(s) in {ARTIFACTS_FILE} lead outside the artifacts folder "
                               "and were ignored")

    @classmethod
    def load(cls, directory: str | Path) -> Artifacts:
        from auditor.errors import UsageError

        directory = Path(directory)
        if directory.is_file():
            directory = directory.parent
        path = directory / ARTIFACTS_FILE
        if not path.exists():
            nested = directory / "artifacts" / ARTIFACTS_FILE
            if nested.exists():
                directory, path = nested.parent, nested
            else:
                raise UsageError(
                    f"no {ARTIFACTS_FILE} in {directory}",
                    "pass the artifacts folder written by `clearcart scan URL --gather-only` (OUT/artifacts)",
                )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            artifacts = cls.model_validate(data)
        except (ValueError, OSError) as exc:
            raise UsageError(f"{path} is not a clearcart artifacts file ({type(exc).__name__})",
                             "re-run `clearcart scan URL --gather-only` to write it again") from exc
        artifacts.base_dir = str(directory)
        artifacts._confine_paths(directory)
        return artifacts


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------


def fingerprint(check_id: str, *parts: str) -> str:
    """A stable finding id: the same defect gives the same id on every run."""
    digest = hashlib.sha1("\x1f".join((check_id, *parts)).encode("utf-8")).hexdigest()
    return f"{check_id}:{digest[:12]}"


# --------------------------------------------------------------------------------------------------
# Typed details: the data behind every table and picture of a report (as Lighthouse's audit details).
# A renderer draws them by their ``type`` only; it never looks at which check made them and never computes.
# Labels are English gettext message ids (the report translates them); cells and names are store text.
# --------------------------------------------------------------------------------------------------


class Column(BaseModel):
    key: str
    label: str  # English; a message id the report translates
    kind: Literal["text", "url", "number", "money", "percent", "severity", "change"] = "text"


class TableDetails(BaseModel):
    """Rows of cells keyed by the columns' ``key`` (e.g. the pages or products a grouped finding affects)."""

    type: Literal["table"] = "table"
    title: str = ""  # English; a message id
    columns: list[Column] = Field(default_factory=list)
    rows: list[dict[str, Any]] = Field(default_factory=list)
    more: int = 0  # rows left out


class TreeNode(BaseModel):
    url: str
    title: str = ""
    type: str = ""  # page type
    depth: int | None = None
    parent_url: str | None = None


class TreeDetails(BaseModel):
    """Pages as a tree by ``parent_url`` (flat list; a node whose parent is not listed is a root)."""

    type: Literal["tree"] = "tree"
    title: str = ""
    nodes: list[TreeNode] = Field(default_factory=list)
    max_depth: int | None = None
    unlinked: int = 0  # pages reached from no link (sitemap only)


class WaterfallRow(BaseModel):
    role: Literal["start", "delta", "step"]
    kind: str  # the step kind (start/step rows) or the price-line kind ("shipping", "fee", "discount", "unitemised")
    label: str = ""  # store text: the line's or step's label
    step: str = ""  # delta rows: the kind of the step the line appears at
    step_n: int = 0  # the step's number after the product page
    start: float = 0.0  # the bar runs from ``start`` to ``end`` (in the walk's currency)
    end: float = 0.0
    amount: float | None = None  # start/step: the price; delta: the change; None when the step showed no price
    late: bool = False  # a cost not stated before checkout (a finding names it)
    last: bool = False  # the last step with a known total


class WaterfallDetails(BaseModel):
    """The price a shopper sees from the product page to the last step before payment, for one walked product."""

    type: Literal["waterfall"] = "waterfall"
    title: str = ""
    product: str = ""
    product_url: str = ""
    currency: str = ""
    rows: list[WaterfallRow] = Field(default_factory=list)
    start: float | None = None  # the product price
    final: float | None = None  # the last known total
    late: int = 0  # rows marked late


class MatrixRow(BaseModel):
    url: str
    type: str = ""  # page type
    marks: list[bool] = Field(default_factory=list)  # one per column


class MatrixDetails(BaseModel):
    """Items × columns of yes/no marks (e.g. pages × contact channels)."""

    type: Literal["matrix"] = "matrix"
    title: str = ""
    columns: list[str] = Field(default_factory=list)  # keys; the report names known ones (phone, email, ...)
    present: list[bool] = Field(default_factory=list)  # per column: offered anywhere on the site
    rows: list[MatrixRow] = Field(default_factory=list)
    more: int = 0


class Bar(BaseModel):
    label: str
    count: int = 0
    share: float = 0.0  # 0..1
    status: Literal["covered", "gap", "minor"] = "minor"
    estimated: bool = False


class BarsDetails(BaseModel):
    """Shares as horizontal bars (e.g. support-ticket topics), with an optional threshold line."""

    type: Literal["bars"] = "bars"
    title: str = ""
    rows: list[Bar] = Field(default_factory=list)
    threshold: float | None = None
    more: int = 0


Details = Annotated[TableDetails | TreeDetails | WaterfallDetails | MatrixDetails | BarsDetails,
                    Field(discriminator="type")]


def N_(message: str) -> str:
    """Marks an English message for extraction (pybabel keyword ``N_``); the report translates it."""
    return message


class Message(BaseModel):
    """A translatable text: an English template (the gettext message id) and its parameters (store text and
    numbers, or nested messages ``{"id", "params"}`` translated too)."""

    id: str
    params: dict[str, Any] = Field(default_factory=dict)

    def render(self, gettext: Callable[[str], str] | None = None) -> str:
        """The text in the language of ``gettext`` (English without it); the English template when the
        translation does not fit its parameters."""
        params = {k: (Message.model_validate(v).render(gettext) if isinstance(v, dict) and "id" in v else v)
                  for k, v in self.params.items()}
        template = gettext(self.id) if gettext else self.id
        for text in (template, self.id):
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError, TypeError):
                continue
        return self.id


class Finding(BaseModel):
    id: str  # stable fingerprint, see :func:`fingerprint`
    check: str
    rule: str  # a short kebab-case name of what was found, stable (e.g. "premium-rate-phone")
    severity: Severity
    title: str
    message: str
    url: str = ""
    evidence: dict[str, Any] = Field(default_factory=dict)
    why: str = ""  # why it matters to shoppers (and the legal basis where one applies)
    recommendation: str = ""
    change: Literal["new", "unchanged"] | None = None  # against a baseline report, when one was given
    suppressed_reason: str = ""  # set when an ignore rule moved it to AuditResult.suppressed
    # the translatable form of title / message / why / recommendation (absent: English only)
    texts: dict[str, Message] = Field(default_factory=dict)
    # a rule that fired on several pages or products is one finding: each affected item keeps its own
    # fingerprint (``id``), URL, title, message, severity and baseline ``change``; the finding itself shows the
    # worst item (its evidence and screenshot). Empty for a single finding.
    items: list[AffectedItem] = Field(default_factory=list)
    details: TableDetails | None = None  # the affected items as a table (grouped findings)


class AffectedItem(BaseModel):
    id: str  # the item's own fingerprint: baselines and ignore rules track items
    url: str = ""
    title: str = ""
    message: str = ""
    severity: Severity = "info"
    change: Literal["new", "unchanged"] | None = None
    texts: dict[str, Message] = Field(default_factory=dict)
    evidence: dict[str, Any] = Field(default_factory=dict)


class CheckResult(BaseModel):
    id: str
    title: str
    category: str
    status: Status
    summary: str = ""
    findings: list[Finding] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)  # the check's own data (free-form)
    visuals: list[Details] = Field(default_factory=list)  # typed details every report draws (by their type)
    texts: dict[str, Message] = Field(default_factory=dict)  # translatable title / summary
    error: str = ""
    duration_ms: int = 0


class PageSummary(BaseModel):
    url: str
    type: str
    depth: int | None
    click_path: list[str]
    title: str = ""
    status: int | None = None
    lang: str = ""
    screenshot: str = ""  # relative to the artifacts dir


class CategoryScore(BaseModel):
    category: str
    score: int | None = None  # 0..100; None: no check of this category counted ("n/a")
    band: Literal["good", "fair", "poor", "none"] = "none"
    checks: list[str] = Field(default_factory=list)  # ids of the checks that counted
    findings: int = 0  # findings with a penalty
    penalty: int = 0  # the sum before the floor
    needs_review: list[str] = Field(default_factory=list)  # check ids
    errors: list[str] = Field(default_factory=list)
    not_applicable: list[str] = Field(default_factory=list)


class Scores(BaseModel):
    """Transparency scores (see :mod:`auditor.scores`)."""

    overall: int | None = None
    band: Literal["good", "fair", "poor", "none"] = "none"
    categories: list[CategoryScore] = Field(default_factory=list)
    penalty: dict[str, int] = Field(default_factory=dict)  # points per severity


class Fix(BaseModel):
    """One of the most important fixes: a finding ranked by shopper impact × reach (see :mod:`auditor.scores`)."""

    finding: str  # the finding's id
    check: str
    rule: str
    severity: Severity
    impact: float  # share of shoppers who name this kind of problem as a reason to abandon (0..1)
    reason: str  # English; a message id: the abandonment reason the impact comes from
    reach: int  # pages or products affected
    rank: float  # impact × severity weight × reach factor


class ToolInfo(BaseModel):
    name: str = "clearcart"
    version: str = __version__


class TargetInfo(BaseModel):
    url: str
    started_at: str
    duration_s: float


class AuditResult(BaseModel):
    """What reports render. The JSON contract of report.json (keep it stable)."""

    tool: ToolInfo = Field(default_factory=ToolInfo)
    target: TargetInfo
    pages: list[PageSummary] = Field(default_factory=list)
    checks: list[CheckResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    fail_on: Severity = "high"
    errors: list[str] = Field(default_factory=list)
    unread: list[UnreadPage] = Field(default_factory=list)  # linked pages not read (robots, budget, failed, offsite)
    checkout: list[CheckoutWalk] = Field(default_factory=list)
    tickets: TicketsArtifact | None = None
    suppressed: list[Finding] = Field(default_factory=list)  # matched by an ignore rule (with its reason)
    baseline: str = ""  # the baseline report compared against, if any
    fixed: list[Finding] = Field(default_factory=list)  # in the baseline, gone now
    warnings: list[str] = Field(default_factory=list)
    order_suspected: list[OrderSuspicion] = Field(default_factory=list)  # walks that may have placed an order
    # what the audit could see: pages by type, products recognised, walks started / completed / stuck, checks
    # that could not judge (auditor.coverage)
    coverage: dict[str, Any] = Field(default_factory=dict)
    scores: Scores | None = None  # filled by :func:`auditor.runner.finish` (after ignores and baseline)
    top_fixes: list[Fix] = Field(default_factory=list)

    def failing_findings(self, threshold: str | None = None, only_new: bool = False) -> list[Finding]:
        level = SEVERITY_ORDER[threshold or self.fail_on]
        return [f for f in self.findings if SEVERITY_ORDER[f.severity] >= level
                and (not only_new or f.change != "unchanged")]


Finding.model_rebuild()
