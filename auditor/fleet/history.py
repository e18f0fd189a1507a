"""A store's runs over time, with its findings tracked by fingerprint across runs.

Against the store's previous run that has findings to compare (a failed run has none and is skipped), each
finding is **new** (its fingerprint was not there) or **unchanged**, and the previous run's fingerprints that are
gone are **fixed**: the single-store baseline's rule (:mod:`auditor.baseline`) applied run after run. A store's
first run has no previous one: all its findings are new.
"""

from __future__ import annotations

from typing import Any

from auditor.errors import UsageError
from auditor.fleet.storage import FindingRow, Run, Storage


def _finding(f: FindingRow) -> dict[str, Any]:
    return {"fingerprint": f.fingerprint, "check": f.check, "rule": f.rule, "severity": f.severity,
            "title": f.title, "url": f.url}


def tracked(runs: list[Run]) -> list[dict[str, Any]]:
    """One entry per run (oldest first): the run's figures plus ``new``, ``unchanged`` and ``fixed`` findings
    and the id of the run they are compared with."""
    entries = []
    previous: Run | None = None
    for run in runs:
        current = {f.fingerprint: f for f in run.findings}
        entry: dict[str, Any] = {
            "run_id": run.id, "fleet_run_id": run.fleet_run_id, "started_at": run.started_at,
            "status": run.status, "overall": run.overall, "categories": (run.scores or {}).get("categories", {}),
            "findings": len(run.findings), "duration_s": run.duration_s, "version": run.version,
            "attempts": run.attempts, "error": run.error, "report_dir": run.report_dir,
            "previous_run": previous.fleet_run_id if previous is not None and run.status != "failed" else None,
            "new": [], "unchanged": 0, "fixed": [],
        }
        if run.status != "failed":
            before = {f.fingerprint: f for f in previous.findings} if previous is not None else {}
            entry["new"] = [_finding(f) for fp, f in current.items() if fp not in before]
            entry["unchanged"] = sum(1 for fp in current if fp in before)
            entry["fixed"] = [_finding(f) for fp, f in before.items() if fp not in current]
            previous = run
        entries.append(entry)
    return entries


def store_history(storage: Storage, url: str) -> dict[str, Any]:
    """``{"url", "name", "runs": [...]}`` for ``url`` (a UsageError naming the known stores when unknown)."""
    store = storage.find_store(url)
    if store is None:
        known = [s.url for s in storage.stores()]
        hint = (f"stores in this database: {', '.join(known[:5])}{' …' if len(known) > 5 else ''}" if known
                else "run `clearcart fleet` first, or pass the right --db")
        raise UsageError(f"no run of {url} in the database", hint)
    return {"url": store.url, "name": store.name, "runs": tracked(storage.store_runs(store.url))}
