"""The portfolio of a fleet run: ``portfolio.json`` and one self-contained ``portfolio.html`` (en, pl).

For every store of the run: its status (complete, incomplete, failed with its error), overall and category
scores (:mod:`auditor.scores`), a trend sparkline of its overall score over its runs (inline SVG), its new and
fixed findings since its previous run (:mod:`auditor.fleet.history`), and a link to its report.html.

The page follows report.html's rules: autoescaped Jinja2 template (``reports/templates/portfolio.html.j2``) in
the report languages' gettext catalogs, inline CSS and SVG only, no script, a Content-Security-Policy that
allows nothing but inline styles, so opening it makes no request. Links to store reports are relative paths
(the portfolio and the run folders move together); a store URL is a link only when it is plain http(s).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditor import __version__
from auditor.fleet.history import tracked
from auditor.fleet.storage import FleetRun, Storage
from reports.common import clean, safe_link

TREND_RUNS = 12  # runs shown in a sparkline
LIST_LIMIT = 20  # new / fixed findings listed per store (the counts are whole)
SPARK_W, SPARK_H, SPARK_PAD = 120, 28, 3


def portfolio_data(storage: Storage, fleet_run_id: str, out: Path) -> dict[str, Any]:
    """The portfolio.json object of ``fleet_run_id``; report links are relative to ``out``."""
    with storage.session() as s:
        fleet = s.get(FleetRun, fleet_run_id)
        fleet_info = {"id": fleet_run_id, "started_at": fleet.started_at if fleet else "",
                      "finished_at": fleet.finished_at if fleet else None, "engine": fleet.engine if fleet else "",
                      "source": fleet.source if fleet else ""}
    stores = []
    for run in storage.runs_of_fleet(fleet_run_id):
        history = tracked(storage.store_runs(run.store.url))
        mine = next(h for h in history if h["fleet_run_id"] == fleet_run_id)
        upto = history[: history.index(mine) + 1]
        report = Path(run.report_dir) / "report.html" if run.report_dir else None
        stores.append({
            "url": run.store.url, "name": run.store.name, "status": run.status, "error": run.error,
            "overall": run.overall, "categories": (run.scores or {}).get("categories", {}),
            "findings": len(run.findings), "duration_s": run.duration_s, "attempts": run.attempts,
            "previous_run": mine["previous_run"], "new": mine["new"], "fixed": mine["fixed"],
            "unchanged": mine["unchanged"],
            "trend": [{"fleet_run_id": h["fleet_run_id"], "started_at": h["started_at"], "overall": h["overall"]}
                      for h in upto if h["status"] != "failed"][-TREND_RUNS:],
            "report": _relative(report, out) if report is not None and report.exists() else None,
            "report_json": _relative(report.with_name("report.json"), out)
            if report is not None and report.with_name("report.json").exists() else None,
        })
    stores.sort(key=lambda x: (x["status"] == "failed", x["overall"] is None, x["overall"] or 0, x["url"]))
    scored = [x["overall"] for x in stores if x["overall"] is not None]
    return {
        "tool": {"name": "clearcart", "version": __version__},
        "fleet_run": fleet_info,
        "summary": {"stores": len(stores),
                    "complete": sum(x["status"] == "complete" for x in stores),
                    "incomplete": sum(x["status"] == "incomplete" for x in stores),
                    "failed": sum(x["status"] == "failed" for x in stores),
                    "average_overall": round(sum(scored) / len(scored)) if scored else None,
                    "new": sum(len(x["new"]) for x in stores if x["previous_run"]),
                    "fixed": sum(len(x["fixed"]) for x in stores)},
        "stores": stores,
    }


def _relative(path: Path, out: Path) -> str:
    try:
        return Path(os.path.relpath(path, out)).as_posix()
    except ValueError:  # another drive: an absolute file URI
        return path.resolve().as_uri()


def sparkline(points: list[int | None]) -> dict[str, Any] | None:
    """Coordinates of a 0–100 score line (numbers only, drawn by the template as SVG); None below two runs."""
    values = [p for p in points if isinstance(p, int)]
    if len(values) < 2:
        return None
    step = (SPARK_W - 2 * SPARK_PAD) / (len(values) - 1)
    coords = [(round(SPARK_PAD + i * step, 1), round(SPARK_H - SPARK_PAD - v / 100 * (SPARK_H - 2 * SPARK_PAD), 1))
              for i, v in enumerate(values)]
    return {"w": SPARK_W, "h": SPARK_H, "points": " ".join(f"{x},{y}" for x, y in coords),
            "last": {"x": coords[-1][0], "y": coords[-1][1]}, "first_value": values[0], "last_value": values[-1],
            "direction": "up" if values[-1] > values[0] else "down" if values[-1] < values[0] else "flat"}


def render_portfolio(data: dict[str, Any], lang: str = "en") -> str:
    from auditor.scores import CATEGORY_ORDER, score_band
    from reports.html import CATEGORY_NAMES, SEVERITY_NAMES, environment
    from reports.i18n import Formatter, check_language, translations

    lang = check_language(lang)
    gettext = translations(lang).gettext
    fmt = Formatter(lang)
    present = {c for x in data["stores"] for c in x["categories"]}
    categories = [c for c in CATEGORY_ORDER if c in present] + sorted(present - set(CATEGORY_ORDER))

    def finding(f: dict[str, Any]) -> dict[str, Any]:
        return {"title": clean(f["title"])[:300], "check": clean(f["check"]), "severity": f["severity"],
                "severity_name": gettext(SEVERITY_NAMES.get(f["severity"], f["severity"])),
                "url": clean(f["url"])[:500]}

    stores = []
    for x in data["stores"]:
        report = x["report"]
        stores.append({
            "name": clean(x["name"])[:200], "url": clean(x["url"])[:500], "href": safe_link(x["url"]),
            "status": x["status"], "error": clean(x["error"])[:1000],
            "overall": x["overall"], "band": score_band(x["overall"]),
            "categories": [{"score": x["categories"].get(c), "band": score_band(x["categories"].get(c))}
                           for c in categories],
            "spark": sparkline([t["overall"] for t in x["trend"]]), "runs": len(x["trend"]),
            "first": x["previous_run"] is None, "findings": x["findings"],
            "new": [finding(f) for f in x["new"][:LIST_LIMIT]], "new_count": len(x["new"]),
            "fixed": [finding(f) for f in x["fixed"][:LIST_LIMIT]], "fixed_count": len(x["fixed"]),
            "report": quote(report, safe="/:.-_~") if report and not report.startswith("file:") else report,
            "duration": fmt.duration(x["duration_s"]),
        })
    view = {
        "lang": lang, "version": data["tool"]["version"], "run": clean(data["fleet_run"]["id"]),
        "date": fmt.datetime(data["fleet_run"]["started_at"]), "summary": data["summary"],
        "categories": [gettext(CATEGORY_NAMES[c]) if c in CATEGORY_NAMES else clean(c) for c in categories],
        "stores": stores, "attention": [s for s in stores if s["status"] != "complete"],
    }
    return environment(lang).get_template("portfolio.html.j2").render(p=view)


def write_portfolio(storage: Storage, fleet_run_id: str, out: Path, lang: str = "en") -> dict[str, Path]:
    """Write ``out/portfolio.json`` and ``out/portfolio.html``; returns their paths."""
    data = portfolio_data(storage, fleet_run_id, out)
    written = {}
    for name, text in (("json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"),
                       ("html", render_portfolio(data, lang))):
        path = Path(out) / f"portfolio.{name}"
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8", errors="replace", newline="\n")
        tmp.replace(path)
        written[name] = path
    return written
