"""The fleet file: which stores to audit, each with its own options.

``stores.toml``::

    [defaults]                 # any [scan] key of clearcart.toml (max-pages, fail-on, report-lang, ...)
    max-pages = 30
    checkout-products = 0

    [[store]]
    url = "https://shop-a.example/"
    name = "Shop A"              # optional: shown in the portfolio (default: the host)
    tickets = "exports/a.csv"    # optional, relative to this file: support-ticket export (faq-gaps)
    text-column = "Description"  # optional, with tickets
    journey = "journeys/a.json"  # optional: a Chrome DevTools Recorder export replayed instead of the walk
    journey-rebase = false
    report-lang = "pl"           # and any other [scan] key, beating [defaults]
    [[store.ignore]]             # ignore rules, as [[ignore]] of clearcart.toml (reason required)
    check = "click-depth"
    reason = "outlet pages are reached from the newsletter"

A ``.csv`` file is a list of URLs: a ``url`` column (optionally ``name``), or the first column of each row when
there is no header. Every store's options are checked before any audit starts (unknown keys, bad values, a
missing ticket export or journey are a usage error naming the store), so a typo never costs a night's run.

Each store becomes a :class:`StoreJob`: plain JSON-able data, the same for the local pool and a Celery task.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor.analysis.site import bare_host
from auditor.config import SCAN_KEYS
from auditor.errors import UsageError

STORE_KEYS = {"url", "name", "tickets", "text-column", "journey", "journey-rebase", "ignore", "checks"}
FILE_KEYS = {"defaults", "store", "customer"}
FAIL_ON = ("critical", "high", "medium", "low", "info", "never")
HINT = "see docs/fleet.md for the format of stores.toml"


@dataclass
class StoreJob:
    """One store of a fleet run: what a worker needs to audit it (JSON-able)."""

    url: str
    name: str
    host: str  # host[:port]: one audit per host at a time
    config: dict[str, Any] = field(default_factory=dict)  # a clearcart.toml-shaped dict: scan, ignore, checks...
    tickets: str | None = None
    text_column: str | None = None
    journey: str | None = None
    journey_rebase: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoreJob:
        return cls(**data)


def host_of(url: str) -> str:
    """The politeness key of a store: its host and port, lower-case, without ``www.``."""
    parts = urlsplit(url)
    host = bare_host(parts.hostname)
    return f"{host}:{parts.port}" if parts.port else host


def load_stores(path: str | Path) -> list[StoreJob]:
    """Read ``stores.toml`` or a CSV of URLs and check every store's options (UsageError on any mistake)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"fleet file {path} not found", "pass a stores.toml or a CSV of store URLs")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}", "save it as UTF-8 text") from exc
    if path.suffix.lower() in (".csv", ".txt"):
        jobs = _from_csv(text, path)
    else:
        jobs = _from_toml(text, path)
    if not jobs:
        raise UsageError(f"{path} lists no store", HINT)
    seen: set[str] = set()
    for job in jobs:
        if job.url in seen:
            raise UsageError(f"{path}: {job.url} is listed twice", "list each store once")
        seen.add(job.url)
        validate(job)
    return jobs


def _store_url(value: Any, where: str) -> str:
    from auditor.crawl import validate_start_url

    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where}: a store needs a url", HINT)
    try:
        return validate_start_url(value)
    except UsageError as exc:
        raise UsageError(f"{where}: {exc.message}", exc.hint) from exc


def _from_csv(text: str, path: Path) -> list[StoreJob]:
    rows = [r for r in csv.reader(text.splitlines()) if r and any(c.strip() for c in r)]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    jobs = []
    if "url" in header:
        at, name_at = header.index("url"), header.index("name") if "name" in header else None
        body = rows[1:]
    else:
        at, name_at, body = 0, None, rows
    for number, row in enumerate(body, 2 if "url" in header else 1):
        url = _store_url(row[at] if at < len(row) else "", f"{path} line {number}")
        name = row[name_at].strip() if name_at is not None and name_at < len(row) else ""
        jobs.append(StoreJob(url=url, name=name or host_of(url), host=host_of(url)))
    return jobs


def _from_toml(text: str, path: Path) -> list[StoreJob]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})", HINT) from exc
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise UsageError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}", HINT)
    defaults = data.get("defaults") or {}
    stores = data.get("store") or []
    if not isinstance(defaults, dict) or not isinstance(stores, list):
        raise UsageError(f"{path}: [defaults] must be a table and stores [[store]] tables", HINT)
    bad = set(defaults) - set(SCAN_KEYS)
    if bad:
        raise UsageError(f"{path}: unknown key(s) in [defaults]: {', '.join(sorted(bad))}",
                         f"known: {', '.join(sorted(SCAN_KEYS))}")
    base = path.parent
    jobs = []
    for number, entry in enumerate(stores, 1):
        where = f"{path} store {number}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where}: not a table", HINT)
        url = _store_url(entry.get("url"), where)
        unknown = set(entry) - STORE_KEYS - set(SCAN_KEYS)
        if unknown:
            raise UsageError(f"{where} ({url}): unknown key(s) {', '.join(sorted(unknown))}",
                             f"known: {', '.join(sorted(STORE_KEYS | set(SCAN_KEYS)))}")
        scan = {**defaults, **{k: v for k, v in entry.items() if k in SCAN_KEYS}}
        config: dict[str, Any] = {"scan": scan, "ignore": entry.get("ignore") or [],
                                  "checks": entry.get("checks") or {}}
        if data.get("customer"):
            config["customer"] = data["customer"]
        tickets = _file(entry.get("tickets"), base, where, "tickets")
        journey = _file(entry.get("journey"), base, where, "journey")
        jobs.append(StoreJob(url=url, name=str(entry.get("name") or host_of(url)), host=host_of(url), config=config,
                             tickets=tickets, text_column=entry.get("text-column"), journey=journey,
                             journey_rebase=bool(entry.get("journey-rebase", False))))
    return jobs


def _file(value: Any, base: Path, where: str, key: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise UsageError(f"{where}: {key} must be a file path", HINT)
    target = Path(value)
    return str((target if target.is_absolute() else base / target).resolve())


def options_of(job: StoreJob) -> Any:
    """The :class:`auditor.audit.AuditOptions` of a store (UsageError, naming the store, on a bad value)."""
    from auditor.audit import audit_options
    from auditor.config import config_from_dict

    try:
        config = config_from_dict(job.config, Path(f"[store {job.url}]"))
        fail_on = str(config.scan.get("fail-on", "high"))
        if fail_on not in FAIL_ON:
            raise UsageError(f"fail-on = '{fail_on}' is not a severity", f"choose from: {', '.join(FAIL_ON)}")
        if "report-lang" in config.scan:
            from reports.i18n import check_language

            check_language(config.scan["report-lang"])
        return audit_options(config, fail_on, tickets=Path(job.tickets) if job.tickets else None,
                             text_column=job.text_column, journey=Path(job.journey) if job.journey else None,
                             journey_rebase=job.journey_rebase)
    except UsageError as exc:
        message = exc.message if job.url in exc.message else f"store {job.url}: {exc.message}"
        raise UsageError(message, exc.hint) from exc


def validate(job: StoreJob) -> None:
    options_of(job)
