"""report.html: one self-contained page a shop owner can read.

Rendered with Jinja2 (``templates/report.html.j2``) with autoescaping on: every title, URL, link text and
piece of evidence came from a store and is hostile. The page makes no request of its own — inline CSS, no
fonts, images or scripts by URL, no JavaScript at all — and says so in a Content-Security-Policy that
forbids everything but inline styles. A store URL becomes a link only when it is plain http(s)
(:func:`reports.common.safe_link`); anything else (``javascript:``, ``data:``) is shown as text.

This module turns the free-form parts of the result (evidence, check details) into a small, fully guarded
view model, so the template never trusts a key or a type:

* evidence: dict → definition list, list → list, ``click_path`` → breadcrumb "Home › Shop › …";
* ``contact-options`` ``details["matrix"]`` (``[{url, type, channels: [...]}]``) → pages × channels matrix;
* ``click-depth`` ``details["tree"]`` (``[{url, title, type, depth, parent_url}]``) → nested click tree.
"""

from __future__ import annotations

import math
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from auditor.model import AuditResult, CheckResult, Finding
from reports.common import (
    SEVERITIES,
    STATUS_LABELS,
    clean,
    failing,
    findings_by_check,
    format_date,
    format_duration,
    humanize,
    safe_link,
    severity_counts,
    severity_rank,
    summary,
    verdict_text,
)

TEXT_LIMIT = 4000  # characters of one evidence string
LIST_LIMIT = 100  # items of one evidence list / dict
NEST_LIMIT = 6  # levels of nested evidence
MATRIX_LIMIT = 300  # pages in the contact matrix
TREE_LIMIT = 1000  # pages in the click-depth tree
TREE_DEPTH_LIMIT = 40  # levels of the click-depth tree
PATH_KEYS = {"click_path", "path", "breadcrumb", "clicks_path"}
PATH_SEPARATOR = " › "

_env: Environment | None = None


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


def environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(
            loader=PackageLoader("reports", "templates"),
            autoescape=True,  # everything from a store is hostile
            finalize=_finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return _env


# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------


def _text(value: Any, limit: int = TEXT_LIMIT) -> str:
    text = clean(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _url(value: Any) -> dict[str, Any]:
    """A URL for the template: its text, and its link target only when it is safe http(s)."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    return {"text": _text(text, 2000), "href": safe_link(text)}


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", clean(value).lower()).strip("-") or "check"


def _crumbs(path: Any) -> list[str]:
    items = path if isinstance(path, (list, tuple)) else []
    return ["Home", *(_text(x, 200) for x in items[:LIST_LIMIT])]


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _scalar(value: Any) -> dict[str, Any]:
    if value is None:
        return {"kind": "text", "text": "—"}
    if isinstance(value, bool):
        return {"kind": "text", "text": "yes" if value else "no"}
    if isinstance(value, float):
        text = f"{value:g}" if math.isfinite(value) else "—"
        return {"kind": "text", "text": text}
    if isinstance(value, str) and safe_link(value):
        return {"kind": "link", **_url(value)}
    return {"kind": "text", "text": _text(value)}


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
        return {
            "kind": "dict",
            "items": [{"label": humanize(k), "node": evidence_node(v, k, level + 1)} for k, v in items[:LIST_LIMIT]],
            "more": max(len(items) - LIST_LIMIT, 0),
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value) if not isinstance(value, (set, frozenset)) else sorted(value, key=str)
        if not items:
            return {"kind": "text", "text": "none"}
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


def contact_matrix(details: Any) -> dict[str, Any] | None:
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
        names = [_text(humanize(n), 80) for n in names if isinstance(n, str) and n.strip()]
        for name in names:
            if name not in channels:
                channels.append(name)
        parsed.append((row, set(names)))
    if not parsed:
        return None
    rows = [{"url": _url(row.get("url", "")), "type": _text(row.get("type") or "", 40),
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
        chips.append({"name": _text(humanize(name), 80), "present": present})
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
        return {"url": _url(node["url"]), "title": _text(node["title"], 200), "type": _text(node["type"], 40),
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


def _finding_view(f: Finding, threshold: int) -> dict[str, Any]:
    return {
        "id": _text(f.id, 200),
        "rule": _text(f.rule, 200),
        "severity": f.severity,
        "title": _text(f.title, 500),
        "message": _text(f.message),
        "url": _url(f.url) if f.url else None,
        "evidence": evidence_node(f.evidence) if f.evidence else None,
        "why": _text(f.why),
        "recommendation": _text(f.recommendation),
        "new": f.change == "new",
        "failing": severity_rank(f.severity) >= threshold,
    }


def _check_view(check: CheckResult, findings: list[Finding], threshold: int) -> dict[str, Any]:
    groups = []
    for severity in SEVERITIES:
        members = [_finding_view(f, threshold) for f in findings if f.severity == severity]
        if members:
            groups.append({"severity": severity, "findings": members})
    visual: dict[str, Any] = {"matrix": None, "channels": [], "tree": None}
    if check.id == "contact-options":
        visual["matrix"] = contact_matrix(check.details)
        visual["channels"] = contact_channels(check.details)
    if check.id == "click-depth":
        visual["tree"] = click_tree(check.details)
    return {
        "id": _text(check.id, 200),
        "anchor": "check-" + _slug(check.id),
        "title": _text(check.title, 300),
        "category": humanize(check.category),
        "status": check.status,
        "status_label": STATUS_LABELS.get(check.status, check.status),
        "summary": _text(check.summary),
        "error": _text(check.error) if check.status == "error" else "",
        "counts": severity_counts(findings),
        "groups": groups,
        "visual": visual,
        "duration_ms": check.duration_ms,
    }


def _checkout_view(result: AuditResult) -> list[dict[str, Any]]:
    walks = []
    for walk in result.checkout:
        steps = []
        for i, step in enumerate(walk.steps, 1):
            steps.append({
                "n": i,
                "kind": step.kind,
                "clicks": step.clicks,
                "title": _text(step.title, 200),
                "url": _url(step.url),
                "lines": [{"label": _text(p.label, 200), "kind": p.kind,
                           "value": _text(p.raw or (f"{p.amount:g} {p.currency}".strip()
                                                    if p.amount is not None else ""), 100)}
                          for p in step.price_lines[:LIST_LIMIT]],
                "ticked": [_text(b.label, 200) for b in step.checkboxes if b.checked][:LIST_LIMIT],
            })
        walks.append({
            "product": _text(walk.product_name or walk.product_url, 300),
            "url": _url(walk.product_url),
            "price": (f"{walk.product_price:g} {clean(walk.currency)}".strip()
                      if walk.product_price is not None and math.isfinite(walk.product_price) else ""),
            "completed": walk.completed,
            "stuck": _text(walk.stuck_reason, 500),
            "blocked": len(walk.blocked_requests),
            "steps": steps,
        })
    return walks


def _tickets_view(result: AuditResult) -> dict[str, Any] | None:
    t = result.tickets
    if t is None:
        return None
    topics = sorted(t.topics, key=lambda x: -x.count)[:LIST_LIMIT]
    return {
        "imported": t.imported, "total": t.total, "unexplained": t.unexplained,
        "languages": ", ".join(f"{_text(k, 10)} {v}" for k, v in sorted(t.languages.items(), key=lambda kv: -kv[1])),
        "topics": [{"label": _text(x.label, 200), "count": x.count,
                    "share": f"{x.share * 100:.0f} %" if math.isfinite(x.share) else "",
                    "estimated": x.estimated} for x in topics],
    }


def view_model(result: AuditResult) -> dict[str, Any]:
    threshold = severity_rank(result.fail_on)
    grouped, orphans = findings_by_check(result)
    numbers = summary(result)
    return {
        "tool": {"name": _text(result.tool.name, 100), "version": _text(result.tool.version, 100)},
        "target": _url(result.target.url),
        "date": format_date(result.target.started_at),
        "duration": format_duration(result.target.duration_s) or "n/a",
        "pages_count": len(result.pages),
        "fail_on": result.fail_on,
        "failing": len(failing(result)),
        "verdict": verdict_text(result),
        "summary": numbers,
        "severities": SEVERITIES,
        "checks": [_check_view(c, grouped.get(c.id, []), threshold) for c in result.checks],
        "orphans": [_finding_view(f, threshold) for f in orphans],
        "pages": [{"url": _url(p.url), "title": _text(p.title, 300), "type": _text(p.type, 40),
                   "depth": p.depth, "path": _crumbs(p.click_path) if p.depth is not None else [],
                   "status": p.status} for p in result.pages],
        "checkout": _checkout_view(result),
        "tickets": _tickets_view(result),
        "errors": [_text(e) for e in result.errors],
        "warnings": [_text(w) for w in result.warnings],
        "baseline": _text(result.baseline, 500),
        "fixed": [{"title": _text(f.title, 500), "check": _text(f.check, 200), "url": _url(f.url)}
                  for f in result.fixed],
        "suppressed": [{"title": _text(f.title, 500), "check": _text(f.check, 200), "url": _url(f.url),
                        "severity": f.severity, "reason": _text(f.suppressed_reason, 500)}
                       for f in result.suppressed],
    }


def render_html(result: AuditResult) -> str:
    return environment().get_template("report.html.j2").render(r=view_model(result))
