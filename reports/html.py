"""report.html: one self-contained page a shop owner can read, in English or Polish.

Rendered with Jinja2 (``templates/report.html.j2``) with autoescaping on: every title, URL, link text and
piece of evidence came from a store and is hostile. The page makes no request of its own — inline CSS and SVG,
screenshots as ``data:`` URIs, no fonts or scripts, no JavaScript at all — and says so in a
Content-Security-Policy that allows nothing but inline styles and ``data:`` images. A store URL becomes a link
only when it is plain http(s) (:func:`reports.common.safe_link`); anything else (``javascript:``, ``data:``)
is shown as text.

What the page holds, in order: the executive summary (overall and per-category transparency scores, see
:mod:`reports.scores`; the five most important fixes), the checks table, every check with its findings
grouped by severity (evidence, screenshot, why it matters, how to fix), the checkout walks (price waterfall,
see :mod:`reports.charts`, and the price ledger), support-ticket topics, the pages crawled and run errors.

Language: ``lang`` ("en" or "pl") picks the gettext catalog (:mod:`reports.i18n`) for every heading, label and
sentence of the template and the names below; findings' own text (message, why, how to fix) is the checks'
English. Screenshots are the only bytes read besides the result: from ``assets_dir`` (the artifacts folder), see
:mod:`reports.images`.

This module turns the free-form parts of the result (evidence, check details) into a small, fully guarded
view model, so the template never trusts a key or a type:

* evidence: dict → definition list, list → list, ``click_path`` → breadcrumb "Home › Shop › …",
  ``ledger`` → price table, ``screenshot`` → the embedded image;
* ``contact-options`` ``details["matrix"]`` (``[{url, type, channels: [...]}]``) → pages × channels matrix;
* ``click-depth`` ``details["tree"]`` (``[{url, title, type, depth, parent_url}]``) → nested click tree;
* ``faq-gaps`` ``details["topics"]`` → topic bar chart, and its findings → the gap list.
"""

from __future__ import annotations

import contextvars
import math
import re
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from auditor.model import SEVERITY_ORDER, AuditResult, CheckResult, Finding
from auditor.safety import order_warning
from reports import charts, images, scores
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
GAP_EXAMPLES = 3  # ticket examples shown per FAQ gap
PATH_KEYS = {"click_path", "path", "breadcrumb", "clicks_path"}
SHOT_KEYS = {"screenshot", *images.BOX_KEYS}  # evidence keys drawn as the embedded image (and its mark), not text
PATH_SEPARATOR = " › "


def N_(message: str) -> str:
    """Marks a message for extraction (pybabel); it is translated when the report is rendered."""
    return message


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
CHANNEL_NAMES = {"phone": N_("Phone"), "email": N_("Email"), "chat": N_("Chat"), "messaging": N_("Messaging"),
                 "contact_form": N_("Contact form"), "callback_form": N_("Callback form")}

_envs: dict[str, Environment] = {}


class _Render:
    """The language of the render in progress (a context variable: renders never share it)."""

    def __init__(self, lang: str):
        self.lang = lang
        self.fmt = Formatter(lang)
        self.gettext: Callable[[str], str] = translations(lang).gettext

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
    """hidden-costs' price ledger (``[{step, kind, url, clicks, lines: [{label, kind, amount, currency}]}]``)
    as a table: one row per step, its price lines formatted for the report's locale. ``mark`` (the finding's
    ``line``) and ``mark_step`` (its ``step`` kind) pick the line the finding is about: it is highlighted."""
    mark_label = mark.get("label") if isinstance(mark, dict) and isinstance(mark.get("label"), str) else None
    if not isinstance(value, list) or not value or not all(isinstance(s, dict) for s in value):
        return None
    ctx = _ctx()
    rows = []
    for step in value[:LIST_LIMIT]:
        lines = []
        for line in (step.get("lines") if isinstance(step.get("lines"), list) else [])[:LIST_LIMIT]:
            if not isinstance(line, dict):
                continue
            amount = line.get("amount")
            currency = line.get("currency") if isinstance(line.get("currency"), str) else ""
            marked = (mark_label is not None and line.get("label") == mark_label
                      and (mark_step is None or step.get("kind") == mark_step))
            lines.append({"label": _text(line.get("label", ""), 200), "marked": marked,
                          "kind": ctx.name(LINE_NAMES, line.get("kind"), ""),
                          "value": ctx.fmt.money(amount, currency) if amount is not None else "—"})
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
# Check visuals (details are free-form: every key is guarded)
# --------------------------------------------------------------------------------------------------


def contact_matrix(details: Any, origin: str = "") -> dict[str, Any] | None:
    """``details["matrix"]`` of contact-options as {channels: [...], rows: [{url, type, marks: [bool]}]}."""
    rows_in = details.get("matrix") if isinstance(details, dict) else None
    if not isinstance(rows_in, list):
        return None
    parsed = []
    channels: list[str] = []
    for row in rows_in[:MATRIX_LIMIT]:
        if not isinstance(row, dict):
            continue
        raw = row.get("channels")
        if isinstance(raw, dict):
            names = [k for k, v in raw.items() if v]
        elif isinstance(raw, (list, tuple)):
            names = list(raw)
        else:
            names = []
        names = [_text(_ctx().name(CHANNEL_NAMES, n), 80) for n in names if isinstance(n, str) and n.strip()]
        for name in names:
            if name not in channels:
                channels.append(name)
        parsed.append((row, set(names)))
    if not parsed:
        return None
    rows = [{"url": _url(row.get("url", ""), origin), "type": _page_type(row.get("type")),
             "marks": [c in names for c in channels]} for row, names in parsed]
    return {"channels": channels, "rows": rows, "more": max(len(rows_in) - MATRIX_LIMIT, 0)}


def contact_channels(details: Any) -> list[dict[str, Any]]:
    """``details["channels"]`` ({channel: {present: bool, ...}}) as chips: channel offered or not."""
    raw = details.get("channels") if isinstance(details, dict) else None
    if not isinstance(raw, dict):
        return []
    chips = []
    for name, value in list(raw.items())[:LIST_LIMIT]:
        if not isinstance(name, str):
            continue
        present = bool(value.get("present")) if isinstance(value, dict) else bool(value)
        chips.append({"name": _text(_ctx().name(CHANNEL_NAMES, name), 80), "present": present})
    return chips


def _depth(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def click_tree(details: Any) -> dict[str, Any] | None:
    """``details["tree"]`` of click-depth as nested nodes {url, title, type, depth, children}.

    Parents are found by ``parent_url``; a node whose parent is unknown is a root; cycles and very deep
    chains are cut, so the result is always a finite tree.
    """
    rows_in = details.get("tree") if isinstance(details, dict) else None
    if not isinstance(rows_in, list):
        return None
    nodes: list[dict[str, Any]] = []
    by_url: dict[str, dict[str, Any]] = {}
    for row in rows_in[:TREE_LIMIT]:
        if not isinstance(row, dict) or not isinstance(row.get("url"), str):
            continue
        node = {
            "url": row["url"],
            "title": row.get("title") if isinstance(row.get("title"), str) else "",
            "type": row.get("type") if isinstance(row.get("type"), str) else "",
            "depth": _depth(row.get("depth")),
            "parent": row.get("parent_url") if isinstance(row.get("parent_url"), str) else None,
            "kids": [],
        }
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
    depths = [n["depth"] for n in nodes if n["depth"] is not None]
    return {"roots": tree, "pages": len(nodes), "max_depth": max(depths) if depths else None,
            "unlinked": sum(1 for n in nodes if n["depth"] is None),
            "more": max(len(rows_in) - TREE_LIMIT, 0) + cut}


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


def _finding_view(f: Finding, threshold: int, shots: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    ctx = _ctx()
    evidence = {k: v for k, v in f.evidence.items() if k not in SHOT_KEYS} if isinstance(f.evidence, dict) else {}
    return {
        "id": _text(f.id, 200),
        "anchor": finding_anchor(f),
        "rule": _text(f.rule, 200),
        "severity": f.severity,
        "severity_name": ctx.name(SEVERITY_NAMES, f.severity),
        "title": _text(f.title, 500),
        "message": _text(f.message),
        "url": _url(f.url) if f.url else None,
        "evidence": evidence_node(evidence) if evidence else None,
        "shot": shots.get(f.id),
        "why": _text(f.why),
        "recommendation": _text(f.recommendation),
        "new": f.change == "new",
        "failing": severity_rank(f.severity) >= threshold,
    }


def _faq_view(check: CheckResult, findings: list[Finding]) -> dict[str, Any] | None:
    """faq-gaps: the topic chart (covered / gap / minor) and the gap list with suggestions and examples."""
    ctx = _ctx()
    chart = charts.topic_bars(check.details, ctx.fmt.percent)
    if chart is not None:
        for row in chart["rows"]:
            row["label"] = _text(row["label"], 200)
            row["count_text"] = ctx.fmt.number(row["count"])
    gaps = []
    for f in findings:
        ev = f.evidence if isinstance(f.evidence, dict) else {}
        if f.rule != "faq-gap":
            continue
        examples = ev.get("examples") if isinstance(ev.get("examples"), list) else []
        share = ev.get("share")
        count = ev.get("count")
        gaps.append({
            "anchor": finding_anchor(f),
            "label": _text(ev.get("label") or f.title, 200),
            "severity": f.severity,
            "severity_name": ctx.name(SEVERITY_NAMES, f.severity),
            "share": ctx.fmt.percent(share) if isinstance(share, (int, float)) else "",
            "count": ctx.fmt.number(count) if isinstance(count, int) and not isinstance(count, bool) else "",
            "estimated": ev.get("estimated") is True,
            "question": _text(ev.get("suggested_question") or "", 500),
            "examples": [_text(x, 300) for x in examples if isinstance(x, str) and x.strip()][:GAP_EXAMPLES],
        })
    if chart is None and not gaps:
        return None
    return {"chart": chart, "gaps": gaps}


def _check_view(check: CheckResult, findings: list[Finding], threshold: int,
                shots: dict[str, dict[str, Any] | None], origin: str = "") -> dict[str, Any]:
    ctx = _ctx()
    groups = []
    for severity in SEVERITIES:
        members = [_finding_view(f, threshold, shots) for f in findings if f.severity == severity]
        if members:
            groups.append({"severity": severity, "severity_name": ctx.name(SEVERITY_NAMES, severity),
                           "findings": members})
    visual: dict[str, Any] = {"matrix": None, "channels": [], "tree": None, "faq": None}
    if check.id == "contact-options":
        visual["matrix"] = contact_matrix(check.details, origin)
        visual["channels"] = contact_channels(check.details)
    if check.id == "click-depth":
        visual["tree"] = click_tree(check.details)
    if check.id == "faq-gaps":
        visual["faq"] = _faq_view(check, findings)
    return {
        "id": _text(check.id, 200),
        "anchor": "check-" + _slug(check.id),
        "title": _text(check.title, 300),
        "category": ctx.name(CATEGORY_NAMES, check.category, _text(humanize(check.category), 100)),
        "status": check.status,
        "status_label": ctx.name(STATUS_NAMES, check.status),
        "summary": _text(check.summary),
        "error": _text(check.error) if check.status == "error" else "",
        "counts": [{"severity": s, "name": ctx.name(SEVERITY_NAMES, s), "n": n}
                   for s, n in severity_counts(findings).items()],
        "groups": groups,
        "visual": visual,
        "waterfall_link": check.id == "hidden-costs",
        "duration_ms": check.duration_ms,
    }


def _checkout_view(result: AuditResult, embed: images.Embedder) -> list[dict[str, Any]]:
    ctx = _ctx()
    fmt = ctx.fmt
    walks = []
    for index, walk in enumerate(result.checkout, 1):
        chart = charts.waterfall(walk, result.findings, fmt.money, fmt.signed_money)
        if chart is not None:
            for row in chart["rows"]:
                row["label"] = _text(row["label"], 120)
                row["step_name"] = ctx.name(STEP_NAMES, row.get("step") if row["role"] == "delta" else row["kind"])
                row["line_name"] = ctx.name(LINE_NAMES, row["kind"], "") if row["role"] == "delta" else ""
        late_steps = {r.get("step_n") for r in (chart["rows"] if chart else []) if r["late"]}
        steps = []
        number = 0  # the waterfall numbers the steps after the product page
        for i, step in enumerate(walk.steps, 1):
            if not (i == 1 and step.kind == "product"):
                number += 1
            show = bool(step.screenshot) and (number in late_steps or i == len(walk.steps))
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
                "shot": images.view(embed.get(step.screenshot)) if show else None,
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
    titles = {c.id: _text(c.title, 300) for c in result.checks}
    per_category = scores.category_scores(result)
    overall = scores.overall_score(per_category)
    categories = []
    for s in per_category:
        categories.append({
            "key": s.category,
            "name": ctx.name(CATEGORY_NAMES, s.category, _text(humanize(s.category), 100)),
            "score": s.score,
            "band": scores.score_band(s.score),
            "findings": s.findings,
            "checks": [titles.get(c, c) for c in s.checks],
            "needs_review": [titles.get(c, c) for c in s.needs_review],
            "errors": [titles.get(c, c) for c in s.errors],
            "not_applicable": [titles.get(c, c) for c in s.not_applicable],
            "anchor": next(("check-" + _slug(c) for c in s.checks + s.needs_review + s.errors + s.not_applicable), ""),
        })
    return {"overall": overall, "band": scores.score_band(overall), "categories": categories,
            "applicable": sum(1 for s in per_category if s.score is not None),
            "penalty": scores.PENALTY}


def _fixes_view(result: AuditResult) -> list[dict[str, Any]]:
    ctx = _ctx()
    titles = {c.id: _text(c.title, 300) for c in result.checks}
    out = []
    for fix in scores.top_fixes(result):
        f = fix.finding
        out.append({
            "title": _text(f.title, 500),
            "severity": fix.severity,
            "severity_name": ctx.name(SEVERITY_NAMES, fix.severity),
            "check": titles.get(fix.check, _text(fix.check, 200)),
            "check_anchor": "check-" + _slug(fix.check),
            "anchor": finding_anchor(f),
            "count": fix.count,
            "rule": _text(fix.rule, 200),
            "recommendation": _text(f.recommendation),
        })
    return out


def _screenshots(result: AuditResult, embed: images.Embedder) -> dict[str, dict[str, Any] | None]:
    """Each finding's screenshot view, read most severe finding first so the image budget goes to them."""
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
    order = {c.id: i for i, c in enumerate(result.checks)}
    ranked = sorted(result.findings, key=lambda f: (-SEVERITY_ORDER.get(f.severity, 0), order.get(f.check, 99)))
    views: dict[str, dict[str, Any] | None] = {}
    for f in ranked:
        path = _shot_path(f, step_shots, page_shots)
        if path and f.id not in views:
            views[f.id] = images.view(embed.get(path), images.box_of(f.evidence))
    return views


def view_model(result: AuditResult, assets_dir: str | Path | None = None) -> dict[str, Any]:
    ctx = _ctx()
    fmt = ctx.fmt
    threshold = severity_rank(result.fail_on)
    grouped, orphans = findings_by_check(result)
    numbers = summary(result)
    embed = images.Embedder(assets_dir)
    shots = _screenshots(result, embed)
    checkout = _checkout_view(result, embed)
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
        "checks": [_check_view(c, grouped.get(c.id, []), threshold, shots, _origin(result.target.url))
                   for c in result.checks],
        "orphans": [_finding_view(f, threshold, shots) for f in orphans],
        "pages": [{"url": _url(p.url), "title": _text(p.title, 300), "type": _page_type(p.type),
                   "depth": p.depth, "path": _crumbs(p.click_path) if p.depth is not None else None,
                   "status": p.status} for p in result.pages],
        "checkout": checkout,
        "order_warnings": [_text(order_warning(s.url, s.evidence), 1000) for s in result.order_suspected],
        "tickets": _tickets_view(result),
        "errors": [_text(e) for e in result.errors],
        "unread": [{"url": _url(u.url), "reason": u.reason, "topic": u.topic, "detail": _text(u.detail, 300)}
                   for u in result.unread[:LIST_LIMIT]],
        "warnings": [_text(w) for w in result.warnings],
        "baseline": _text(result.baseline, 500),
        "fixed": [{"title": _text(f.title, 500), "check": _text(f.check, 200), "url": _url(f.url)}
                  for f in result.fixed],
        "suppressed": [{"title": _text(f.title, 500), "check": _text(f.check, 200), "url": _url(f.url),
                        "severity": f.severity, "severity_name": ctx.name(SEVERITY_NAMES, f.severity),
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
