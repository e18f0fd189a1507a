"""One store of a fleet run, audited and stored: the body every engine runs (local pool process or Celery task).

Idempotent, keyed by ``(fleet run id, store URL)``: when the run is already stored (a task redelivered after a
worker died between storing and acknowledging, or a duplicate delivery), nothing is audited again and the stored
run is returned; the database refuses a second row for the same key, so two racing deliveries store one run.

Reports go to ``OUT/<store slug>/<fleet run id>/`` (report.json, report.html in the store's language, artifacts);
the database keeps report.json whole plus the folder's path.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.errors import UsageError
from auditor.fleet.storage import Storage, now, worker_name
from auditor.fleet.stores import StoreJob, options_of

_storages: dict[str, Storage] = {}  # one engine (connection pool) per database per process


def storage(db: str) -> Storage:
    if db not in _storages:
        _storages[db] = Storage(db)
    return _storages[db]


def slug(url: str) -> str:
    """A folder name for a store: readable host and path, plus a short hash so two stores never share it."""
    text = re.sub(r"^https?://", "", url).strip("/")
    readable = re.sub(r"[^A-Za-z0-9.-]+", "-", text)[:60].strip("-.") or "store"
    return f"{readable}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def run_dir(out: str | Path, fleet_run_id: str, url: str) -> Path:
    return Path(out) / slug(url) / fleet_run_id


def scores_of(report: dict[str, Any], result: Any) -> dict[str, Any]:
    """``{"overall": int|None, "categories": {name: int|None}}``: report.json's scores block when it has one,
    else computed by :mod:`auditor.scores` (the same definition report.html shows)."""
    block = report.get("scores")
    if isinstance(block, dict) and "overall" in block:
        categories = block.get("categories") or {}
        if isinstance(categories, list):  # a list of {category, score}
            categories = {c.get("category"): c.get("score") for c in categories if isinstance(c, dict)}
        return {"overall": block.get("overall"), "categories": dict(categories)}
    from auditor.scores import as_dict, category_scores

    return as_dict(category_scores(result))


def status_of(report: dict[str, Any]) -> str:
    """``incomplete`` when the audit could not see everything it needed (run errors, a check that errored, or
    report.json's coverage block saying so), else ``complete``."""
    coverage = report.get("coverage")
    if isinstance(coverage, dict) and coverage.get("complete") is False:
        return "incomplete"
    if report.get("errors"):
        return "incomplete"
    if any(c.get("status") == "error" for c in report.get("checks", [])):
        return "incomplete"
    return "complete"


def already_stored(job: dict[str, Any]) -> dict[str, Any] | None:
    found = storage(job["db"]).get_run(job["fleet_run_id"], job["store"]["url"])
    return outcome(found, job["store"]["url"], redelivered=True) if found is not None else None


def outcome(run: Any, url: str, redelivered: bool = False) -> dict[str, Any]:
    """What a task returns and the fleet command prints: one line's data."""
    return {"url": url, "status": run.status, "overall": run.overall,
            "findings": len(run.findings), "failing": (run.summary or {}).get("failing", 0),
            "duration_s": run.duration_s, "error": run.error,
            "attempts": run.attempts, "report_dir": run.report_dir, "redelivered": redelivered}


def audit_job(job: dict[str, Any], attempt: int = 1) -> dict[str, Any]:
    """Audit ``job`` (``{"fleet_run_id", "db", "out", "store": StoreJob dict}``) and store the run.

    An error that retrying cannot fix (a usage error: bad options) is stored as a failed run at once; any other
    error is raised, for the engine to retry (see :func:`record_failure` for the last attempt).
    """
    stored = already_stored(job)
    if stored is not None:
        return stored
    store = StoreJob.from_dict(job["store"])
    out = run_dir(job["out"], job["fleet_run_id"], store.url)
    started, clock = now(), time.perf_counter()
    try:
        options = options_of(store)
    except UsageError as exc:
        return record_failure(job, f"{exc.message} ({exc.hint})" if exc.hint else exc.message, attempt)
    from auditor.audit import audit_store
    from reports import write_reports
    from reports.json_report import report_data

    _, result = audit_store(store.url, out, options)
    assert result is not None
    lang = str(options.config.scan.get("report-lang", "en"))
    write_reports(result, out, ("json", "html"), lang=lang, assets_dir=out / "artifacts")
    report = report_data(result)
    scores = scores_of(report, result)
    run, _ = storage(job["db"]).record_run(
        job["fleet_run_id"], store.url, store.host, store.name, status=status_of(report), started_at=started,
        duration_s=round(time.perf_counter() - clock, 2), version=__version__, attempts=attempt,
        worker=worker_name(), error="; ".join(result.errors)[:2000], overall=scores.get("overall"),
        scores=scores, coverage=report.get("coverage") or {}, summary=report.get("summary") or {}, report=report,
        report_dir=str(out.resolve()), findings=report.get("findings", []))
    return outcome(run, store.url)


def record_failure(job: dict[str, Any], error: str, attempts: int) -> dict[str, Any]:
    """Store the store's run as failed, with its error (after the last retry, or an error retrying cannot fix)."""
    store = StoreJob.from_dict(job["store"])
    run, _ = storage(job["db"]).record_run(
        job["fleet_run_id"], store.url, store.host, store.name, status="failed", started_at=now(), duration_s=0.0,
        version=__version__, attempts=attempts, worker=worker_name(), error=error[:2000], overall=None, scores={},
        coverage={}, summary={}, report=None, report_dir="", findings=[])
    return outcome(run, store.url)


def describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {message}"
