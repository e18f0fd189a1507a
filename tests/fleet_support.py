"""Helpers of the fleet tests: a stores.toml over demo store variants, and fingerprints per store from the DB."""

from __future__ import annotations

from pathlib import Path

from auditor.fleet.storage import Storage

# small, sequential crawls: fast, and the same pages every time (identical findings across engines)
DEFAULTS = ('[defaults]\nmax-pages = 5\nproducts = 1\nconcurrency = 1\ncheckout-products = 0\n'
            'fail-on = "high"\n')


def stores_toml(path: Path, stores: list[tuple[str, str]], extra: str = "") -> Path:
    """``stores``: (url, name) pairs."""
    body = "".join(f'\n[[store]]\nurl = "{url}"\nname = "{name}"\n' for url, name in stores)
    path.write_text(DEFAULTS + body + extra, encoding="utf-8")
    return path


def fingerprints(db: str, fleet_run_id: str) -> dict[str, set[str]]:
    storage = Storage(db)
    try:
        return {run.store.url: {f.fingerprint for f in run.findings} for run in storage.runs_of_fleet(fleet_run_id)}
    finally:
        storage.dispose()


def runs_per_store(db: str, fleet_run_id: str) -> dict[str, int]:
    storage = Storage(db)
    try:
        counts: dict[str, int] = {}
        for run in storage.runs_of_fleet(fleet_run_id):
            counts[run.store.url] = counts.get(run.store.url, 0) + 1
        return counts
    finally:
        storage.dispose()
