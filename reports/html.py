"""report.html: one self-contained page a shop owner can read, in English or Polish.

Rendered with Jinja2 (``templates/report.html.j2``) with autoescaping on: every title, URL, link text and
piece of evidence came from a store and is hostile. The page makes no request of its own — inline CSS and SVG,
screenshots as ``data:`` URIs, no fonts or scripts, no JavaScript at all — and says so in a
Content-Security-Policy that allows nothing but inline styles and ``data:`` images. A store URL becomes a link
only when it is plain http(s) (:func:`reports.common.safe_link`); anything else (``javascript:``, ``data:``)
is shown as text.

What the page holds, in order: the executive summary (overall and per-category transparency scores, see
``result.scores``; the five most important fixes, ranked by shopper impact, ``result.top_fixes``), the checks table,
every check with its findings grouped by severity (evidence, screenshot, why it matters, how to fix), the checkout
walks (price waterfall,
from the checks' typed details, and the price ledger), support-ticket topics, the pages crawled and run errors.

Language: ``lang`` (see :data:`reports.i18n.LANGUAGES`) picks the gettext catalog (:mod:`reports.i18n`) for
every heading, label and sentence of the template, the names below, and the checks' own texts (titles,
summaries, findings' messages, why it matters, how to fix: their English templates are message ids, see
``checks.base.T``). Screenshots are the only bytes read besides the result: from ``assets_dir`` (the artifacts
folder), see :mod:`reports.images`.

The page shows the result and computes nothing: scores and top fixes are ``result.scores`` and
``result.top_fixes``; pictures are the checks' typed details (``CheckResult.visuals``), drawn by their
``type`` only (table, tree, waterfall, matrix, bars) whichever check made them; a grouped finding's affected
items are its ``details`` table. This module only turns them into a small, fully guarded view model (bar
geometry in 0..1000 units, locale formatting), so the template never trusts a key or a type:

* evidence: dict → definition list, list → list, ``click_path`` → breadcrumb "Home › Shop › …",
  ``ledger`` → price table, ``screenshot`` → the embedded image.
"""

from __future__ import annotations

import contextvars
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from auditor.model import (
    N_,
    SEVERITY_ORDER,
    AuditResult,
    BarsDetails,
    CheckResult,
    Finding,
    MatrixDetails,
    Message,
    TableDetails,
    TreeDetails,
    WaterfallDetails,
)
from auditor.safety import order_warning
from reports import images
from reports.common import (
    SEVERITIES,
    clean,
    failing,
    findings_by_check,
    humanize,
    safe_link,
    severity_counts,
    severity_rank,
    summary,
)
from reports.i18n import Formatter, check_language, translations

TEXT_LIMIT = 4000  # characters of one evidence string
LIST_LIMIT = 100  # items of one evidence list / dict
NEST_LIMIT = 6  # levels of nested evidence
MATRIX_LIMIT = 300  # pages in the contact matrix
TREE_LIMIT = 1000  # pages in the click-depth tree
TREE_DEPTH_LIMIT = 40  # levels of the click-depth tree
PATH_KEYS = {"click_path", "path", "breadcrumb", "clicks_path"}
SHOT_KEYS = {"screenshot", *images.BOX_KEYS}  # evidence keys drawn as the embedded image (and its mark), not text
PATH_SEPARATOR = " › "




STATUS_NAMES = {"pass": N_("Pass"), "fail": N_("Fail"), "needs-review": N_("Needs review"),
                "not-applicable": N_("Not applicable"), "error": N_("Error")}
SEVERITY_NAMES = {"critical": N_("Critical"), "high": N_("High"), "medium": N_("Medium"), "low": N_("Low"),
                  "info": N_("Info")}
CATEGORY_NAMES = {"costs": N_("Costs"), "checkout": N_("Checkout"), "product": N_("Product information"),
                  "returns": N_("Returns"), "contact": N_("Contact"), "self-service": N_("Self-service"),
                  "navigation": N_("Navigation")}
STEP_NAMES = {"product": N_("Product page"), "basket": N_("Basket"), "details": N_("Customer details"),
              "shipping": N_("Delivery"), "payment": N_("Payment"), "review": N_("Order review"),
              "other": N_("Other step")}
LINE_NAMES = {"item": N_("Item"), "subtotal": N_("Subtotal"), "shipping": N_("Shipping"), "fee": N_("Fee"),
              "tax": N_("Tax"), "discount": N_("Discount"), "total": N_("Total"), "other": N_("Other"),
              "unitemised": N_("Change no line explains")}
PAGE_TYPES = {"home": N_("home"), "category": N_("category"), "product": N_("product"), "cart": N_("basket"),
              "checkout": N_("checkout"), "policy": N_("policy"), "contact": N_("contact"), "faq": N_("FAQ"),
              "other": N_("other")}
UNREAD_REASONS = {"robots": N_("blocked by robots.txt"), "budget": N_("over the page budget"),
                  "failed": N_("failed to load"), "offsite": N_("redirected to another site")}
UNREAD_TOPICS = {"returns": N_("returns page"), "contact": N_("contact page"), "faq": N_("FAQ page")}
CHANNEL_NAMES = {"phone": N_("Phone"), "email": N_("Email"), "chat": N_("Chat"), "messaging": N_("Messaging"),
                 "contact_form": N_("Contact form"), "callback_form": N_("Callback form")}

_envs: dict[str, Environment] = {}


class _Render:
    """The language of the render in progress (a context variable: renders never share it)."""

    def __init__(self, lang: str):
        self.lang = lang
        self.fmt = Formatter(lang)
        self.gettext: Callable[[str], str] = translations(lang).gettext

    def text(self, texts: dict[str, Message] | None, key: str, english: str) -> str:
        """A check's text in the report language: its message template translated and filled with its
        parameters; the English text when it has no template (or the template has no translation)."""
        message = (texts or {}).get(key)
        if message is None or self.lang == "en":
            return english
        return message.render(self.gettext)

    def translated(self, texts: dict[str, Message] | None) -> bool:
        """Whether every text of ``texts`` has a translation in the report language (English: always)."""
        if self.lang == "en":
            return True
        return texts is not None and bool(texts) and all(self.gettext(m.id) != m.id or not m.id.strip()
                                                  for m in texts.values())

    def message(self, value: Any) -> str:
        """A table cell that is a message (``{id, params}``) translated; other values as text."""
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            try:
                return _text(Message.model_validate(value).render(self.gettext))
            except (ValueError, TypeError):
                return _text(value.get("id"))
        return _text(value)

    def name(self, table: dict[str, str], key: Any, fallback: str | None = None) -> str:
        """A translated name of one of our keys; store text (unknown keys) is humanised, never translated."""
        if isinstance(key, str) and key in table:
            return self.gettext(table[key])
        return fallback if fallback is not None else humanize(key)


_current: contextvars.ContextVar[_Render] = contextvars.ContextVar("report_render")


def _ctx() -> _Render:
    try:
        return _current.get()
    except LookupError:
        return _Render("en")


def _finalize(value: Any) -> Any:
    """Every ``{{ ... }}`` passes here before autoescaping: None prints nothing, text loses the
    characters HTML cannot carry (escaped Markup from macros is left as it is)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean(value)
    return value


def environment(lang: str = "en") -> Environment:
    """The template environment of one report language (gettext of its catalog installed, new style:
    ``_()`` escapes its variables and its result is markup)."""
    lang = check_language(lang)
    env = _envs.get(lang)
    if env is None:
        env = Environment(
            loader=PackageLoader("reports", "templates"),
            autoescape=True,  # everything from a store is hostile
            finalize=_finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )
        env.policies["ext.i18n.trimmed"] = True  # {% trans %} text is whitespace-folded (as pybabel extracts it)
        env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
        _envs[lang] = env
    return env


# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------


def _text(value: Any, limit: int = TEXT_LIMIT) -> str:
    text = clean(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _url(value: Any, origin: str = "") -> dict[str, Any]:
    """A URL for the template: its text, and its link target only when it is safe http(s). With ``origin``
    (``https://shop.example``) a URL of that origin is shown as its path only (the link stays whole)."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    shown = text
    if origin and text.startswith(origin) and text[len(origin):len(origin) + 1] in ("/", "?", ""):
        shown = text[len(origin):] or "/"
    return {"text": _text(shown, 2000), "href": safe_link(text)}


def _origin(url: Any) -> str:
    match = re.match(r"(https?://[^/?#\s]+)", url) if isinstance(url, str) else None
    return match.group(1) if match else ""


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", clean(value).lower()).strip("-") or "check"


def _crumbs(path: Any) -> list[str]:
    """A click path's link texts (the template puts the translated "Home" in front)."""
    items = path if isinstance(path, (list, tuple)) else []
    return [_text(x, 200) for x in items[:LIST_LIMIT]]


def _page_type(value: Any) -> str:
    return _ctx().name(PAGE_TYPES, value, _text(value or "", 40) if isinstance(value, str) else "")


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _scalar(value: Any) -> dict[str, Any]:
    if value is None:
        return {"kind": "text", "text": "—"}
    if isinstance(value, bool):
        return {"kind": "bool", "value": value}
    if isinstance(value, float):
        text = f"{value:g}" if math.isfinite(value) else "—"
        return {"kind": "text", "text": text}
    if isinstance(value, str) and safe_link(value):
        return {"kind": "link", **_url(value)}
    return {"kind": "text", "text": _text(value)}


def ledger_node(value: Any, mark: Any = None, mark_step: Any = None) -> dict[str, Any] | None:
    """A price ledger in evidence (``[{step, kind, url, clicks, lines: [{label, kind, amount, currency}]}]``)
    as a table: one row per step, its price lines formatted for the report's locale. ``mark`` (the finding's
    ``line``) and ``mark_step`` (its ``step`` kind) pick the line the finding is about: it is highlighted."""
    mark_label = mark.get("label") if isinstance(mark, dict) and isinstance(mark.get("label"), str) else None
    if not isinstance(value, list) or not value or not all(isinstance(s, dict) for s in value):
        return None
    ctx = _ctx()
    rows: list[dict[str, Any]] = []
    for step in value[:LIST_LIMIT]:
        lines: list[dict[str, Any]] = []
        for line in (step.get("lines") if isinstance(step.get("lines"), list) else [])[:LIST_LIMIT]:
            if not isinstance(line, dict):
                continue
            amount = line.get("amount")
            currency = line.get("currency") if isinstance(line.get("currency"), str) else ""
            marked = (mark_label is not None and line.get("label") == mark_label
                      and (mark_step is None or step.get("kind") == mark_step))
            lines.append({"label": _text(line.get("label", ""), 200), "marked": marked,
                          "kind": ctx.name(LINE_NAMES, line.get("kind"), ""),
                          "value": ctx.fmt.money(amount, currency or "") if amount is not None else "—"})
        clicks = step.get("clicks")
        rows.append({"n": step.get("step") + 1 if isinstance(step.get("step"), int) else len(rows) + 1,
                     "kind": ctx.name(STEP_NAMES, step.get("kind")),
                     "clicks": clicks if isinstance(clicks, int) and not isinstance(clicks, bool) else None,
                     "url": _url(step.get("url", "")), "lines": lines})
    return {"kind": "ledger", "rows": rows, "more": max(len(value) - LIST_LIMIT, 0)}


def evidence_node(value: Any, key: Any = None, level: int = 0) -> dict[str, Any]:
    """Free-form evidence as a tree of nodes: dict, list, path (breadcrumb), link or text."""
    if level > NEST_LIMIT:
        return {"kind": "text", "text": "…"}
    if isinstance(key, str) and key.lower() in PATH_KEYS and isinstance(value, (list, tuple)) \
            and all(_is_scalar(x) for x in value):
        return {"kind": "path", "items": _crumbs(value)}
    if isinstance(value, dict):
        if not value:
            return {"kind": "text", "text": "—"}
        items = list(value.items())

        def child(k: Any, v: Any) -> dict[str, Any]:
            if level == 0 and k == "ledger":  # a finding's price ledger, its own line marked
                step = value.get("step") or value.get("to")
                ledger = ledger_node(v, value.get("line"), step if isinstance(step, str) else None)
                if ledger is not None:
                    return ledger
            return evidence_node(v, k, level + 1)

        return {
            "kind": "dict",
            "items": [{"label": humanize(k), "node": child(k, v)} for k, v in items[:LIST_LIMIT]],
            "more": max(len(items) - LIST_LIMIT, 0),
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value) if not isinstance(value, (set, frozenset)) else sorted(value, key=str)
        if not items:
            return {"kind": "empty"}
        return {
            "kind": "list",
            "items": [evidence_node(v, None, level + 1) for v in items[:LIST_LIMIT]],
            "more": max(len(items) - LIST_LIMIT, 0),
        }
    if _is_scalar(value):
        return _scalar(value)
    return {"kind": "text", "text": _text(value)}


# --------------------------------------------------------------------------------------------------
# Typed details (drawn by their type, whichever check made them)
# --------------------------------------------------------------------------------------------------

SCALE = 1000.0  # bar geometry: each bar is drawn in its own viewBox="0 0 1000 20"
CELL_KINDS = ("text", "url", "number", "money", "percent", "severity", "change")


def _cell(value: Any, kind: str, origin: str = "") -> dict[str, Any]:
    ctx = _ctx()
    if kind == "url" and isinstance(value, str):
        return {"kind": "url", **_url(value, origin)}
    if kind == "severity" and isinstance(value, str) and value in SEVERITY_NAMES:
        return {"kind": "severity", "severity": value, "text": ctx.name(SEVERITY_NAMES, value)}
    if kind == "change":
        return {"kind": "change", "new": value == "new"}
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"kind": "text", "text": ctx.fmt.decimal(value)}
    if kind == "percent" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"kind": "text", "text": ctx.fmt.percent(value)}
    if value is None or value == "":
        return {"kind": "text", "text": "—"}
    return {"kind": "text", "text": ctx.message(value)}


def table_view(table: TableDetails, origin: str = "") -> dict[str, Any] | None:
    ctx = _ctx()
    if not table.rows:
        return None
    columns = [c for c in table.columns if c.kind != "change"
               or any(isinstance(r, dict) and r.get(c.key) == "new" for r in table.rows)]
    return {"type": "table", "title": ctx.gettext(table.title) if table.title else "",
            "columns": [{"label": ctx.gettext(c.label), "kind": c.kind} for c in columns],
            "rows": [[_cell(row.get(c.key), c.kind, origin) for c in columns]
                     for row in table.rows[:LIST_LIMIT] if isinstance(row, dict)],
            "more": max(len(table.rows) - LIST_LIMIT, 0) + table.more}


def matrix_view(m: MatrixDetails, origin: str = "") -> dict[str, Any] | None:
    """Pages × columns; only columns some row marks are drawn, every column is listed as offered or not."""
    ctx = _ctx()
    names = [_text(ctx.name(CHANNEL_NAMES, c), 80) for c in m.columns]
    used = [i for i in range(len(m.columns)) if any(i < len(r.marks) and r.marks[i] for r in m.rows)]
    chips = [{"name": names[i], "present": bool(m.present[i]) if i < len(m.present) else False}
             for i in range(len(m.columns))]
    rows = [{"url": _url(r.url, origin), "type": _page_type(r.type),
             "marks": [i < len(r.marks) and r.marks[i] for i in used]} for r in m.rows[:MATRIX_LIMIT]]
    if not rows and not chips:
        return None
    return {"type": "matrix", "title": ctx.gettext(m.title) if m.title else "", "channels": [names[i] for i in used],
            "chips": chips, "rows": rows if used else [], "more": max(len(m.rows) - MATRIX_LIMIT, 0) + m.more}


def tree_view(t: TreeDetails) -> dict[str, Any] | None:
    """The tree's flat nodes nested by ``parent_url``: a node whose parent is unknown is a root; cycles and very
    deep chains are cut, so the view is always a finite tree."""
    nodes: list[dict[str, Any]] = []
    by_url: dict[str, dict[str, Any]] = {}
    for row in t.nodes[:TREE_LIMIT]:
        node: dict[str, Any] = {"url": row.url, "title": row.title, "type": row.type,
                "depth": row.depth if row.depth is not None and row.depth >= 0 else None,
                "parent": row.parent_url, "kids": []}
        nodes.append(node)
        by_url.setdefault(node["url"], node)
    if not nodes:
        return None
    roots = []
    for node in nodes:
        parent = by_url.get(node["parent"]) if node["parent"] else None
        if parent is not None and parent is not node:
            parent["kids"].append(node)
        else:
            roots.append(node)
    seen: set[int] = set()
    cut = 0

    def hide(node: dict[str, Any]) -> None:
        """Mark a subtree below the depth limit as seen (iteratively: it may be a long chain)."""
        nonlocal cut
        stack = [node]
        while stack:
            current = stack.pop()
            if id(current) not in seen:
                seen.add(id(current))
                cut += 1
                stack.extend(current["kids"])

    def build(node: dict[str, Any], level: int) -> dict[str, Any]:
        seen.add(id(node))
        kids = []
        for kid in node["kids"]:
            if id(kid) in seen:
                continue
            if level + 1 < TREE_DEPTH_LIMIT:
                kids.append(build(kid, level + 1))
            else:
                hide(kid)
        return {"url": _url(node["url"]), "title": _text(node["title"], 200), "type": _page_type(node["type"]),
                "depth": node["depth"], "children": kids}

    ordered_roots = sorted(roots, key=lambda n: (n["depth"] is None, n["depth"] or 0))
    tree = [build(r, 0) for r in ordered_roots]
    for node in nodes:  # members of a parent cycle are reachable from no root: show them as roots
        if id(node) not in seen:
            tree.append(build(node, 0))
    return {"type": "tree", "roots": tree, "pages": len(nodes), "max_depth": t.max_depth, "unlinked": t.unlinked,
            "more": max(len(t.nodes) - TREE_LIMIT, 0) + cut}


def bars_view(b: BarsDetails) -> dict[str, Any] | None:
    ctx = _ctx()
    rows = [r for r in b.rows if math.isfinite(r.share) and r.share >= 0]
    if not rows:
        return None
    top = max(r.share for r in rows) or 1.0
    threshold = b.threshold if b.threshold is not None and math.isfinite(b.threshold) else None
    return {"type": "bars", "title": ctx.gettext(b.title) if b.title else "",
            "rows": [{"label": _text(r.label, 200), "count": r.count, "count_text": ctx.fmt.number(r.count),
                      "share_text": ctx.fmt.percent(r.share), "status": r.status, "estimated": r.estimated,
                      "w": round(max(r.share / top * SCALE, 2.0), 1)} for r in rows],
            "more": b.more,
            "threshold_x": round(threshold / top * SCALE, 1) if threshold and 0 < threshold <= top else None,
            "threshold": ctx.fmt.percent(threshold) if threshold is not None else ""}


def waterfall_view(wf: WaterfallDetails) -> dict[str, Any] | None:
    """The waterfall's rows with their bars scaled to the largest amount and their money in the locale."""
    ctx = _ctx()
    fmt = ctx.fmt
    rows_in = [r for r in wf.rows if math.isfinite(r.start) and math.isfinite(r.end)]
    if not rows_in:
        return None
    top = max(max(r.start, r.end) for r in rows_in)
    if top <= 0:
        return None
    rows = []
    for r in rows_in:
        lo, hi = sorted((r.start, r.end))
        row = {"role": r.role, "kind": r.kind, "label": _text(r.label, 120), "step_n": r.step_n, "late": r.late,
               "last": r.last, "known": r.amount is not None, "discount": r.role == "delta" and r.end < r.start,
               "x": round(max(lo, 0.0) / top * SCALE, 1), "w": round(max((hi - max(lo, 0.0)) / top * SCALE, 2.0), 1),
               "value": ((fmt.signed_money(r.amount, wf.currency) if r.role == "delta" else fmt.money(r.amount,
                                                                                                   wf.currency))
                         if r.amount is not None else ""),
               "step_name": ctx.name(STEP_NAMES, r.step if r.role == "delta" else r.kind),
               "line_name": ctx.name(LINE_NAMES, r.kind, "") if r.role == "delta" else ""}
        rows.append(row)
    growth = (wf.final - wf.start) if wf.final is not None and wf.start is not None else None
    return {"type": "waterfall", "rows": rows, "late": wf.late, "product_url": wf.product_url,
            "product": _text(wf.product, 300),
            "start": fmt.money(wf.start, wf.currency) if wf.start is not None else "",
            "final": fmt.money(wf.final, wf.currency) if wf.final is not None else "",
            "growth": fmt.signed_money(growth, wf.currency) if growth is not None else ""}


def visual_view(v: Any, origin: str = "") -> dict[str, Any] | None:
    if isinstance(v, TableDetails):
        return table_view(v, origin)
    if isinstance(v, MatrixDetails):
        return matrix_view(v, origin)
    if isinstance(v, TreeDetails):
        return tree_view(v)
    if isinstance(v, BarsDetails):
        return bars_view(v)
    if isinstance(v, WaterfallDetails):
        return waterfall_view(v)
    return None


# --------------------------------------------------------------------------------------------------
# The view model
# --------------------------------------------------------------------------------------------------


def finding_anchor(f: Finding) -> str:
    return "f-" + _slug(f.id)


def _shot_path(f: Finding, step_shots: dict[str, str], page_shots: dict[str, str]) -> str:
    """The screenshot a finding names: its evidence, else the checkout step or page at its URL."""
    named = f.evidence.get("screenshot") if isinstance(f.evidence, dict) else None
    if isinstance(named, str) and named.strip():
        return named
    return step_shots.get(f.url, "") or page_shots.get(f.url, "")


def _finding_view(f: Finding, threshold: int, shots: dict[str, dict[str, Any] | None],
                  origin: str = "") -> dict[str, Any]:
    ctx = _ctx()
    evidence = {k: v for k, v in f.evidence.items() if k not in SHOT_KEYS} if isinstance(f.evidence, dict) else {}
    return {
        "id": _text(f.id, 200),
        "anchor": finding_anchor(f),
        "rule": _text(f.rule, 200),
        "severity": f.severity,
        "severity_name": ctx.name(SEVERITY_NAMES, f.severity),
        "title": _text(ctx.text(f.texts, "title", f.title), 500),
        "message": _text(ctx.text(f.texts, "message", f.message)),
        "url": _url(f.url) if f.url else None,
        "evidence": evidence_node(evidence) if evidence else None,
        "shot": shots.get(f.id),
        "why": _text(ctx.text(f.texts, "why", f.why)),
        "recommendation": _text(ctx.text(f.texts, "recommendation", f.recommendation)),
        "new": f.change == "new",
        "failing": severity_rank(f.severity) >= threshold,
        "count": len(f.items),
        "affected": table_view(f.details, origin) if f.details is not None else None,
        # the other items' own evidence (the first item is the one shown above), collapsed
        "item_evidence": [{"url": _url(i.url, origin), "title": _text(ctx.text(i.texts, "title", i.title), 500),
                           "evidence": evidence_node({k: v for k, v in i.evidence.items() if k not in SHOT_KEYS})}
                          for i in f.items[1:LIST_LIMIT] if isinstance(i.evidence, dict) and i.evidence],
        "translated": ctx.translated(f.texts),
    }


def _check_view(check: CheckResult, findings: list[Finding], threshold: int,
                shots: dict[str, dict[str, Any] | None], origin: str = "") -> dict[str, Any]:
    ctx = _ctx()
    groups = []
    for severity in SEVERITIES:
        members = [_finding_view(f, threshold, shots, origin) for f in findings if f.severity == severity]
        if members:
            groups.append({"severity": severity, "severity_name": ctx.name(SEVERITY_NAMES, severity),
                           "findings": members})
    visuals = [view for v in check.visuals if not isinstance(v, WaterfallDetails)
               and (view := visual_view(v, origin)) is not None]
    return {
        "id": _text(check.id, 200),
        "anchor": "check-" + _slug(check.id),
        "title": _text(ctx.text(check.texts, "title", check.title), 300),
        "category": ctx.name(CATEGORY_NAMES, check.category, _text(humanize(check.category), 100)),
        "status": check.status,
        "status_label": ctx.name(STATUS_NAMES, check.status),
        "summary": _text(ctx.text(check.texts, "summary", check.summary)),
        "translated": ctx.translated(check.texts),
        "error": _text(check.error) if check.status == "error" else "",
        "counts": [{"severity": s, "name": ctx.name(SEVERITY_NAMES, s), "n": n}
                   for s, n in severity_counts(findings).items()],
        "groups": groups,
        "visuals": visuals,
        "waterfall_link": any(isinstance(v, WaterfallDetails) for v in check.visuals),
        "duration_ms": check.duration_ms,
    }


def _waterfalls(result: AuditResult) -> dict[str, WaterfallDetails]:
    """The waterfall details of the result (any check's), by the walked product's URL."""
    found: dict[str, WaterfallDetails] = {}
    for check in result.checks:
        for v in check.visuals:
            if isinstance(v, WaterfallDetails):
                found.setdefault(v.product_url, v)
    return found


def _checkout_view(result: AuditResult, embed: images.Embedder, final_shots: dict[str, Any]) -> list[dict[str, Any]]:
    ctx = _ctx()
    fmt = ctx.fmt
    waterfalls = _waterfalls(result)
    walks = []
    for index, walk in enumerate(result.checkout, 1):
        details = waterfalls.get(walk.product_url)
        chart = waterfall_view(details) if details is not None else None
        late_steps = {r.get("step_n") for r in (chart["rows"] if chart else []) if r["late"]}
        steps = []
        number = 0  # the waterfall numbers the steps after the product page
        for i, step in enumerate(walk.steps, 1):
            if not (i == 1 and step.kind == "product"):
                number += 1
            last = i == len(walk.steps)
            shot = None
            if step.screenshot and last:
                shot = final_shots.get(step.screenshot)
            elif step.screenshot and number in late_steps:
                shot = images.view(embed.get(step.screenshot))
            steps.append({
                "n": i,
                "kind": step.kind,
                "kind_name": ctx.name(STEP_NAMES, step.kind),
                "clicks": step.clicks,
                "title": _text(step.title, 200),
                "url": _url(step.url),
                "lines": [{"label": _text(p.label, 200), "kind": ctx.name(LINE_NAMES, p.kind, ""),
                           "value": (fmt.money(p.amount, p.currency or step.currency or walk.currency)
                                     if p.amount is not None else _text(p.raw, 100))}
                          for p in step.price_lines[:LIST_LIMIT]],
                "ticked": [_text(b.label, 200) for b in step.checkboxes if b.checked][:LIST_LIMIT],
                "shot": shot,
            })
        walks.append({
            "n": index,
            "anchor": f"walk-{index}",
            "product": _text(walk.product_name or walk.product_url, 300),
            "url": _url(walk.product_url),
            "price": (fmt.money(walk.product_price, walk.currency)
                      if walk.product_price is not None and math.isfinite(walk.product_price) else ""),
            "completed": walk.completed,
            "stuck": _text(walk.stuck_reason, 500),
            "blocked": len(walk.blocked_requests),
            "steps": steps,
            "waterfall": chart,
        })
    return walks


def _tickets_view(result: AuditResult) -> dict[str, Any] | None:
    t = result.tickets
    if t is None:
        return None
    fmt = _ctx().fmt
    topics = sorted(t.topics, key=lambda x: -x.count)[:LIST_LIMIT]
    return {
        "imported": fmt.number(t.imported), "total": fmt.number(t.total), "unexplained": fmt.number(t.unexplained),
        "languages": ", ".join(f"{_text(k, 10)} {fmt.number(v)}"
                               for k, v in sorted(t.languages.items(), key=lambda kv: -kv[1])),
        "topics": [{"label": _text(x.label, 200), "count": fmt.number(x.count),
                    "share": fmt.percent(x.share), "estimated": x.estimated} for x in topics],
    }


def _scores_view(result: AuditResult) -> dict[str, Any]:
    ctx = _ctx()
    titles = {c.id: _text(ctx.text(c.texts, "title", c.title), 300) for c in result.checks}
    s = result.scores
    categories = []
    for c in (s.categories if s is not None else []):
        categories.append({
            "key": c.category,
            "name": ctx.name(CATEGORY_NAMES, c.category, _text(humanize(c.category), 100)),
            "score": c.score,
            "band": c.band,
            "findings": c.findings,
            "checks": [titles.get(x, x) for x in c.checks],
            "needs_review": [titles.get(x, x) for x in c.needs_review],
            "errors": [titles.get(x, x) for x in c.errors],
            "not_applicable": [titles.get(x, x) for x in c.not_applicable],
            "anchor": next(("check-" + _slug(x) for x in c.checks + c.needs_review + c.errors + c.not_applicable),
                           ""),
        })
    penalty = {k: (s.penalty.get(k, 0) if s is not None else 0) for k in SEVERITY_NAMES}
    return {"overall": s.overall if s is not None else None, "band": s.band if s is not None else "none",
            "categories": categories, "applicable": sum(1 for c in categories if c["score"] is not None),
            "penalty": penalty}


def _fixes_view(result: AuditResult) -> list[dict[str, Any]]:
    ctx = _ctx()
    titles = {c.id: _text(ctx.text(c.texts, "title", c.title), 300) for c in result.checks}
    by_id = {f.id: f for f in result.findings}
    out = []
    for fix in result.top_fixes:
        f = by_id.get(fix.finding)
        if f is None:
            continue
        out.append({
            "title": _text(ctx.text(f.texts, "title", f.title), 500),
            "severity": fix.severity,
            "severity_name": ctx.name(SEVERITY_NAMES, fix.severity),
            "check": titles.get(fix.check, _text(fix.check, 200)),
            "check_anchor": "check-" + _slug(fix.check),
            "anchor": finding_anchor(f),
            "count": fix.reach,
            "reason": _text(ctx.gettext(fix.reason), 300),
            "rule": _text(fix.rule, 200),
            "translated": ctx.translated(f.texts),
            "recommendation": _text(ctx.text(f.texts, "recommendation", f.recommendation)),
        })
    return out


def _screenshots(result: AuditResult, embed: images.Embedder) -> tuple[dict[str, dict[str, Any] | None],
                                                                      dict[str, dict[str, Any] | None]]:
    """The screenshots of findings and of each walk's last step, read in the order of importance so the image
    budget goes to the best evidence first: the top fixes (ranked), then the last checkout step of each walk
    (what the shopper pays), then the other findings by severity (low and info findings get no image)."""
    step_shots: dict[str, str] = {}
    for walk in result.checkout:
        for step in walk.steps:
            if step.screenshot:
                step_shots.setdefault(step.url, step.screenshot)
    page_shots: dict[str, str] = {}
    for page in result.pages:
        shot = getattr(page, "screenshot", "")  # when the result carries page screenshots
        if isinstance(shot, str) and shot:
            page_shots.setdefault(page.url, shot)
    by_id = {f.id: f for f in result.findings}
    order = {c.id: i for i, c in enumerate(result.checks)}
    ranked = [by_id[x.finding] for x in result.top_fixes if x.finding in by_id]
    views: dict[str, dict[str, Any] | None] = {}
    finals: dict[str, dict[str, Any] | None] = {}

    def take(f: Finding) -> None:
        path = _shot_path(f, step_shots, page_shots)
        if path and f.id not in views:
            views[f.id] = images.view(embed.get(path), images.box_of(f.evidence))

    for f in ranked:
        if SEVERITY_ORDER.get(f.severity, 0) >= SEVERITY_ORDER["medium"]:
            take(f)
    for walk in result.checkout:
        if walk.steps and walk.steps[-1].screenshot:
            path = walk.steps[-1].screenshot
            finals.setdefault(path, images.view(embed.get(path)))
    rest = sorted((f for f in result.findings if SEVERITY_ORDER.get(f.severity, 0) >= SEVERITY_ORDER["medium"]),
                  key=lambda f: (-SEVERITY_ORDER.get(f.severity, 0), order.get(f.check, 99)))
    for f in rest:
        take(f)
    return views, finals


def view_model(result: AuditResult, assets_dir: str | Path | None = None) -> dict[str, Any]:
    ctx = _ctx()
    fmt = ctx.fmt
    threshold = severity_rank(result.fail_on)
    grouped, orphans = findings_by_check(result)
    numbers = summary(result)
    embed = images.Embedder(assets_dir)
    shots, finals = _screenshots(result, embed)
    checkout = _checkout_view(result, embed, finals)
    origin = _origin(result.target.url)
    return {
        "lang": ctx.lang,
        "tool": {"name": _text(result.tool.name, 100), "version": _text(result.tool.version, 100)},
        "target": _url(result.target.url),
        "date": fmt.datetime(result.target.started_at),
        "duration": fmt.duration(result.target.duration_s),
        "pages_count": len(result.pages),
        "fail_on": result.fail_on,
        "fail_on_name": ctx.name(SEVERITY_NAMES, result.fail_on).lower(),  # inside a sentence
        "failing": len(failing(result)),
        "summary": numbers,
        "severities": [{"key": s, "name": ctx.name(SEVERITY_NAMES, s), "n": numbers["by_severity"].get(s, 0)}
                       for s in SEVERITIES],
        "scores": _scores_view(result),
        "fixes": _fixes_view(result),
        "checks": [_check_view(c, grouped.get(c.id, []), threshold, shots, origin) for c in result.checks],
        "orphans": [_finding_view(f, threshold, shots, origin) for f in orphans],
        "pages": [{"url": _url(p.url), "title": _text(p.title, 300), "type": _page_type(p.type),
                   "depth": p.depth, "path": _crumbs(p.click_path) if p.depth is not None else None,
                   "status": p.status} for p in result.pages],
        "checkout": checkout,
        "order_warnings": [_text(order_warning(s.url, s.evidence, ctx.gettext), 1000)
                           for s in result.order_suspected],
        "tickets": _tickets_view(result),
        "errors": [_text(e) for e in result.errors],
        "unread": [{"url": _url(u.url), "reason": ctx.name(UNREAD_REASONS, u.reason),
                    "topic": ctx.name(UNREAD_TOPICS, u.topic) if u.topic else "", "detail": _text(u.detail, 300)}
                   for u in result.unread[:LIST_LIMIT]],
        "warnings": [_text(w) for w in result.warnings],
        "baseline": _text(result.baseline, 500),
        "fixed": [{"title": _text(ctx.text(f.texts, "title", f.title), 500), "check": _text(f.check, 200),
                   "url": _url(f.url)} for f in result.fixed],
        "suppressed": [{"title": _text(ctx.text(f.texts, "title", f.title), 500), "check": _text(f.check, 200),
                        "url": _url(f.url), "severity": f.severity,
                        "severity_name": ctx.name(SEVERITY_NAMES, f.severity),
                        "reason": _text(f.suppressed_reason, 500)}
                       for f in result.suppressed],
        "images": {"embedded": embed.embedded, "bytes": embed.total_bytes, "limit": embed.max_images},
    }



def render_html(result: AuditResult, lang: str = "en", assets_dir: str | Path | None = None) -> str:
    """report.html in ``lang`` ("en", "pl"); screenshots named by the result are read from ``assets_dir``
    (the artifacts folder) when it is given."""
    lang = check_language(lang)
    token = _current.set(_Render(lang))
    try:
        return environment(lang).get_template("report.html.j2").render(r=view_model(result, assets_dir))
    finally:
        _current.reset(token)
