"""A fleet run: every store of a fleet file audited by an engine, stored, and summed up in the portfolio."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor.errors import CannotRunError
from auditor.fleet.storage import Storage
from auditor.fleet.stores import StoreJob


@dataclass
class FleetResult:
    fleet_run_id: str
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    portfolio: dict[str, Path] = field(default_factory=dict)
    duration_s: float = 0.0

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [o for o in self.outcomes if o["status"] == "failed"]


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def run_fleet(stores: list[StoreJob], out: Path, db: str | None = None, broker: str | None = None,
              workers: int | None = None, retries: int = 2, retry_delay: int = 10, source: str = "",
              timeout: float | None = None, lang: str = "en",
              on_result: Callable[[dict[str, Any]], None] | None = None) -> FleetResult:
    """Audit ``stores`` (local pool, or Celery tasks when ``broker`` is given), store each run in ``db`` and
    write ``portfolio.html`` and ``portfolio.json`` into ``out``."""
    from auditor.fleet.portfolio import write_portfolio

    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    storage = Storage(db or str(out / "fleet.db"))
    storage.migrate()
    run_id = new_run_id()
    started = time.perf_counter()
    storage.start_fleet_run(run_id, source, "celery" if broker else "local", len(stores))
    jobs = [{"fleet_run_id": run_id, "db": storage.url, "out": str(out), "store": s.as_dict(), "retries": retries,
             "retry_delay": retry_delay} for s in stores]
    result = FleetResult(run_id)

    def done(outcome: dict[str, Any]) -> None:
        result.outcomes.append(outcome)
        if on_result is not None:
            on_result(outcome)

    if broker:
        _run_distributed(jobs, broker, storage, run_id, timeout, done)
    else:
        from auditor.fleet.local import run_local

        run_local(jobs, workers or default_workers(), retries, done)
    storage.finish_fleet_run(run_id)
    result.duration_s = round(time.perf_counter() - started, 2)
    result.portfolio = write_portfolio(storage, run_id, out, lang=lang)
    storage.dispose()
    return result


def _run_distributed(jobs: list[dict[str, Any]], broker: str, storage: Storage, run_id: str,
                     timeout: float | None, done: Callable[[dict[str, Any]], None]) -> None:
    """Publish one task per store, then follow the database until every store has its run."""
    from kombu.exceptions import OperationalError as BrokerError

    from auditor.fleet import distributed
    from auditor.fleet.task import outcome

    distributed.configure(broker)
    try:
        distributed.publish(jobs)
    except BrokerError as exc:
        raise CannotRunError(f"cannot reach the broker {broker}: {exc}",
                             "start Redis (redis-server) or check --broker") from exc
    wanted = {job["store"]["url"] for job in jobs}
    seen: set[str] = set()
    deadline = None if timeout is None else time.monotonic() + timeout
    while seen != wanted:
        for run in storage.runs_of_fleet(run_id):
            url = run.store.url
            if url in wanted and url not in seen:
                seen.add(url)
                done(outcome(run, url))
        if seen == wanted:
            break
        if deadline is not None and time.monotonic() > deadline:
            missing = ", ".join(sorted(wanted - seen)[:5])
            raise CannotRunError(f"the fleet run {run_id} timed out with {len(wanted - seen)} store(s) not done "
                                 f"({missing})", "are workers running? start them with `clearcart worker "
                                 f"--broker {broker}`; finished stores are stored")
        time.sleep(0.5)
