"""Fleet mode: audit many stores, keep every run in a database, show a portfolio with trends.

* :mod:`auditor.fleet.stores`: the fleet file (stores.toml or a CSV of URLs) → one :class:`StoreJob` per store;
* :mod:`auditor.fleet.task`: one store audited (:func:`auditor.audit.audit_store`, the path of `clearcart scan`)
  and stored, idempotently per (fleet run, store);
* engines: :mod:`auditor.fleet.local` (a process pool, the default) and :mod:`auditor.fleet.distributed`
  (Celery over Redis, `clearcart worker`);
* :mod:`auditor.fleet.storage`: SQLAlchemy 2 models and Alembic migrations (SQLite or PostgreSQL);
* :mod:`auditor.fleet.history`: findings tracked across runs by fingerprint (new / unchanged / fixed);
* :mod:`auditor.fleet.portfolio`: portfolio.json and portfolio.html.

See docs/fleet.md.
"""

from auditor.fleet.run import FleetResult, run_fleet
from auditor.fleet.stores import StoreJob, load_stores

__all__ = ["FleetResult", "StoreJob", "load_stores", "run_fleet"]
