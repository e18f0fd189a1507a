"""summary.md: a short Markdown summary for a CI job page (e.g. ``$GITHUB_STEP_SUMMARY``).

A title with the verdict, the transparency score and the top fixes (``result.scores``, ``result.top_fixes``), a
table of checks (status, finding counts), the findings at or above ``fail_on`` as a list (a grouped finding says
how many pages or products it covers), then the other findings collapsed in ``<details>``. Store text is escaped for
Markdown and HTML (pipes, brackets, emphasis, ``<``), and line breaks in it are folded, so a title can never
break the table or inject markup; URLs are shown as text.
"""

from __future__ import annotations

import re

from auditor.model import AuditResult, Finding
from auditor.safety import order_warning
from reports.common import (
    STATUS_LABELS,
    clean,
    counts_text,
    failing,
    findings_by_check,
    format_date,
    format_duration,
    severity_rank,
    verdict_text,
)

STATUS_ICONS = {"pass": "✅", "fail": "❌", "needs-review": "⚠️", "not-applicable": "➖", "error": "💥"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
TEXT_LIMIT = 300
ITEMS_LISTED = 10  # pages or products listed under a grouped finding


def md(text: object, limit: int = TEXT_LIMIT) -> str:
    """Store text made inert in Markdown and HTML, on one line."""
    value = " ".join(clean(text).split())
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # '<' and '>' are entities now (no HTML, no <autolink>); escape the punctuation that could open
    # emphasis, code, links/images, strike-through or a table cell. Store text never starts a line here,
    # so line-start markers (#, -, +, 1.) need no escaping.
    return _MD_SPECIAL.sub(r"\\\1", value)


def code(text: object) -> str:
    """An identifier as inline code: no backticks or line breaks can end it, pipes stay in their cell."""
    value = " ".join(clean(text).replace("`", "'").split())[:120]
    return f"`{value.replace('|', chr(92) + '|')}`" if value else ""


def _item(f: Finding) -> str:
    line = f"- **{f.severity.upper()}** {md(f.title)} ({code(f.check)})"
    if f.items:
        line += f" — {len(f.items)} pages or products"
    if f.change == "new":
        line += " *(new)*"
    if f.url:
        line += f" — {md(f.url, limit=500)}"
    for item in f.items[:ITEMS_LISTED]:  # a grouped finding: its pages or products, one per line
        line += f"\n  - {md(item.title)}" + (f" — {md(item.url, limit=500)}" if item.url else "")
    if len(f.items) > ITEMS_LISTED:
        line += f"\n  - … and {len(f.items) - ITEMS_LISTED} more"
    return line


def render_markdown(result: AuditResult) -> str:
    grouped, orphans = findings_by_check(result)
    top = failing(result)
    top_ids = {id(f) for f in top}
    rest = [f for f in result.findings if id(f) not in top_ids]
    icon = "❌" if top else "✅"
    lines = [f"> **{md(order_warning(s.url, s.evidence), limit=1000)}**\n" for s in result.order_suspected]
    lines += [
        f"# {icon} clearcart: {verdict_text(result)}",
        "",
        f"**Store:** {md(result.target.url, limit=500)}  ",
        f"**Started:** {md(format_date(result.target.started_at))} · "
        f"**Duration:** {md(format_duration(result.target.duration_s) or 'n/a')} · "
        f"**Pages crawled:** {len(result.pages)} · **Findings:** {len(result.findings)} "
        f"({md(counts_text(result.findings))})",
        "",
    ]
    if result.scores is not None and result.scores.overall is not None:
        lines += [f"**Transparency score:** {result.scores.overall}/100 (" + ", ".join(
            f"{md(c.category)} {c.score if c.score is not None else 'n/a'}" for c in result.scores.categories) + ")",
            ""]
    by_id = {f.id: f for f in result.findings}
    fixes = [(x, by_id[x.finding]) for x in result.top_fixes if x.finding in by_id]
    if fixes:
        lines += ["**Top fixes** (shopper impact × reach):", ""]
        lines += [f"{n}. {md(f.title)} ({code(f.check)}, found {x.reach}×; why first: {md(x.reason)})"
                  for n, (x, f) in enumerate(fixes, 1)]
        lines.append("")
    lines += [
        "| Check | Category | Status | Findings | Summary |",
        "|---|---|---|---|---|",
    ]
    for check in result.checks:
        status = f"{STATUS_ICONS.get(check.status, '')} {STATUS_LABELS.get(check.status, check.status)}"
        summary = check.summary if check.status != "error" else (check.error or check.summary)
        lines.append(f"| {md(check.title)} ({code(check.id)}) | {md(check.category)} | {status} | "
                     f"{md(counts_text(grouped.get(check.id, [])))} | {md(summary)} |")
    lines.append("")
    if top:
        lines += [f"## Findings at or above {result.fail_on} ({len(top)})", ""]
        lines += [_item(f) for f in sorted(top, key=lambda f: -severity_rank(f.severity))]
        lines.append("")
    if rest:
        lines += [f"<details><summary>{len(rest)} other finding{'' if len(rest) == 1 else 's'} "
                  f"(below {result.fail_on})</summary>", ""]
        lines += [_item(f) for f in sorted(rest, key=lambda f: -severity_rank(f.severity))]
        lines += ["", "</details>", ""]
    if orphans:
        lines += [f"{len(orphans)} finding(s) belong to checks that are not in this run.", ""]
    if result.baseline:
        new = sum(1 for f in result.findings if f.change == "new")
        lines += [f"Against the baseline: {new} new, {len(result.findings) - new} unchanged, "
                  f"{len(result.fixed)} fixed.", ""]
    if result.suppressed:
        lines += [f"{len(result.suppressed)} finding(s) ignored by configuration.", ""]
    if result.unread:
        lines += ["## Pages not read", ""] + [f"- {md(u.url)}: {u.reason}{f' ({u.topic})' if u.topic else ''}"
                                               for u in result.unread[:50]] + [""]
    if result.errors:
        lines += ["## Run errors", ""] + [f"- {md(e)}" for e in result.errors] + [""]
    if result.warnings:
        lines += ["## Warnings", ""] + [f"- {md(w)}" for w in result.warnings] + [""]
    lines.append(f"<sub>clearcart {md(result.tool.version, 40)} · full details in report.html</sub>")
    return "\n".join(lines) + "\n"
