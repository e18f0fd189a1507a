"""Typed details (see :mod:`auditor.model`) built from a check's own data, so every check emits its pictures
the same way and reports draw them by type only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditor.model import (
    N_,
    Bar,
    BarsDetails,
    Column,
    MatrixDetails,
    MatrixRow,
    TableDetails,
    TreeDetails,
    TreeNode,
)

MATRIX_ROWS = 300
BAR_ROWS = 15


def tree(rows: Iterable[dict[str, Any]], title: str = N_("Pages by clicks from the home page")) -> TreeDetails:
    """``[{url, title, type, depth, parent_url}]`` as a tree."""
    nodes = [TreeNode(url=str(r.get("url", "")), title=str(r.get("title") or ""), type=str(r.get("type") or ""),
                      depth=r["depth"] if isinstance(r.get("depth"), int) and not isinstance(r["depth"], bool)
                      and r["depth"] >= 0 else None,
                      parent_url=r.get("parent_url") if isinstance(r.get("parent_url"), str) else None)
             for r in rows if isinstance(r, dict) and r.get("url")]
    depths = [n.depth for n in nodes if n.depth is not None]
    return TreeDetails(title=title, nodes=nodes, max_depth=max(depths) if depths else None,
                       unlinked=sum(1 for n in nodes if n.depth is None))


def matrix(rows: list[dict[str, Any]], present: dict[str, bool],
           title: str = N_("Contact channels on each page")) -> MatrixDetails:
    """``[{url, type, channels: [names]}]`` and ``{channel: offered anywhere}`` as a pages × channels matrix;
    the columns are every channel of ``present``, then any other a row names."""
    rows = [{**r, "channels": [c for c in r.get("channels") or [] if isinstance(c, str)]
             if isinstance(r.get("channels"), (list, tuple)) else []} for r in rows if isinstance(r, dict)]
    columns = list(present)
    for row in rows:
        for name in row["channels"]:
            if name not in columns:
                columns.append(name)
    out = [MatrixRow(url=str(r.get("url", "")), type=str(r.get("type") or ""),
                     marks=[c in r["channels"] for c in columns]) for r in rows[:MATRIX_ROWS]]
    return MatrixDetails(title=title, columns=columns, present=[bool(present.get(c)) for c in columns], rows=out,
                         more=max(len(rows) - MATRIX_ROWS, 0))


def bars(topics: list[dict[str, Any]], threshold: float | None,
         title: str = N_("Support-ticket topics and whether the site answers them")) -> BarsDetails:
    """Ticket topics ``[{label, count, share, covered, gap, estimated}]`` by share, largest first."""
    rows = [Bar(label=str(t.get("label", "")), count=int(t.get("count") or 0), share=float(t.get("share") or 0.0),
                status="covered" if t.get("covered") else "gap" if t.get("gap") else "minor",
                estimated=bool(t.get("estimated")))
            for t in topics if isinstance(t, dict) and isinstance(t.get("share"), (int, float))
            and isinstance(t.get("count"), int)]
    rows.sort(key=lambda b: (-b.share, b.label))
    return BarsDetails(title=title, rows=rows[:BAR_ROWS], threshold=threshold, more=max(len(rows) - BAR_ROWS, 0))


COVERAGE_ROWS = (  # report.json's coverage block: what each figure counts
    ("pages", N_("Pages read")),
    ("products_recognised", N_("Product pages recognised")),
    ("walks_started", N_("Checkout walks started")),
    ("walks_completed", N_("Checkout walks that reached the last step")),
    ("ledgers_reconciled", N_("Last steps whose price lines add up to the total")),
)


def coverage(cover: dict[str, Any], title: str = N_("What the audit could see")) -> TableDetails:
    """The coverage block (:func:`auditor.coverage.coverage`) as a table of figures."""
    rows = [{"what": {"id": label, "params": {}}, "count": cover[key]} for key, label in COVERAGE_ROWS
            if isinstance(cover.get(key), int) and not isinstance(cover.get(key), bool)]
    return TableDetails(title=title, columns=[Column(key="what", label=N_("Figure")),
                                              Column(key="count", label=N_("Count"), kind="number")], rows=rows)
