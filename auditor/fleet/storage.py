"""Every fleet run in a database: SQLAlchemy 2 models, Alembic migrations, SQLite or PostgreSQL.

Tables (the schema is created and upgraded by the Alembic migrations in ``auditor/fleet/migrations``, never by
``create_all``):

* ``stores``: one row per store URL (its host and display name);
* ``fleet_runs``: one row per ``clearcart fleet`` invocation (its id, the source file, engine, store count);
* ``runs``: one audit of one store: status (``complete``, ``incomplete``: the audit ran but part of it could not
  see what it needed, ``failed``: no result, with the error), scores, coverage, duration, clearcart version,
  attempts, the whole report.json, and the paths of its report files (artifacts and HTML stay files). A run is
  unique per ``(fleet_run_id, store_id)``: a task delivered twice stores one run (the second insert is refused
  by the database and the task returns the stored one);
* ``findings``: the run's findings with their fingerprints; across runs of a store a fingerprint is new,
  unchanged or (gone since the previous run) fixed, as the single-store baseline does.

``sqlite:///path.db`` by default (WAL journal, waits for locks instead of failing), ``postgresql://...`` (psycopg 3)
for workers on several machines.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint, create_engine, event, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from auditor.errors import CannotRunError, UsageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_DB = "clearcart-fleet/fleet.db"


class Base(DeclarativeBase):
    pass


class Store(Base):
    __tablename__ = "stores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    host: Mapped[str] = mapped_column(String(300), index=True)
    name: Mapped[str] = mapped_column(String(300), default="")


class FleetRun(Base):
    __tablename__ = "fleet_runs"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[str] = mapped_column(String(40))
    finished_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    engine: Mapped[str] = mapped_column(String(20), default="local")
    stores: Mapped[int] = mapped_column(Integer, default=0)


class Run(Base):
    __tablename__ = "runs"
    __table_args__ = (UniqueConstraint("fleet_run_id", "store_id", name="uq_run_per_fleet_run"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fleet_run_id: Mapped[str] = mapped_column(ForeignKey("fleet_runs.id"), index=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))  # complete | incomplete | failed
    started_at: Mapped[str] = mapped_column(String(40))
    duration_s: Mapped[float] = mapped_column(Float, default=0.0)
    version: Mapped[str] = mapped_column(String(40), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    worker: Mapped[str] = mapped_column(String(200), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    overall: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    coverage: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # the whole report.json
    report_dir: Mapped[str] = mapped_column(Text, default="")
    store: Mapped[Store] = relationship()
    findings: Mapped[list[FindingRow]] = relationship(back_populates="run", cascade="all, delete-orphan",
                                                        order_by="FindingRow.id")


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(200), index=True)
    check: Mapped[str] = mapped_column(String(100))
    rule: Mapped[str] = mapped_column(String(200))
    severity: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text, default="")
    run: Mapped[Run] = relationship(back_populates="findings")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalize_db(url: str | None) -> str:
    """A database URL: a plain path means a SQLite file; postgresql:// uses psycopg 3."""
    value = (url or DEFAULT_DB).strip()
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if value.startswith(("postgresql://", "postgres://")):
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    try:
        parsed = make_url(value)
    except ArgumentError as exc:
        raise UsageError(f"'{url}' is not a database URL", "use a file path, sqlite:///file.db or "
                         "postgresql://user@host/db") from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise UsageError(f"unsupported database '{parsed.get_backend_name()}'", "use SQLite or PostgreSQL")
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    return value


def redact(url: str) -> str:
    """A database URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


class Storage:
    """The fleet database. ``migrate()`` brings the schema to the newest Alembic revision."""

    def __init__(self, url: str | None = None):
        self.url = normalize_db(url)
        sqlite = self.url.startswith("sqlite")
        self.engine: Engine = create_engine(self.url, pool_pre_ping=True,
                                            connect_args={"timeout": 60} if sqlite else {})
        if sqlite:
            @event.listens_for(self.engine, "connect")
            def _pragmas(conn: Any, _record: Any) -> None:  # many processes write one file
                cursor = conn.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=60000")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.close()

    def migrate(self) -> None:
        """Upgrade to the newest revision (several processes may call this at once)."""
        from alembic import command
        from alembic.config import Config as AlembicConfig

        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":  # one migrator at a time; released at commit
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7216413)")
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise CannotRunError(f"cannot open the database {redact(self.url)}: {exc.orig or exc}",
                                 "check --db (and that the database server is running)") from exc
        except Exception as exc:  # another process migrated at the same moment (SQLite: table exists)
            if self.revision() != self.head():
                raise CannotRunError(f"cannot migrate the database {redact(self.url)}: {exc}",
                                     "check --db") from exc

    def head(self) -> str | None:
        from alembic.config import Config as AlembicConfig
        from alembic.script import ScriptDirectory

        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        return ScriptDirectory.from_config(cfg).get_current_head()

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- writes -------------------------------------------------------------------------------------------
    def start_fleet_run(self, run_id: str, source: str, engine: str, stores: int) -> None:
        with self.session() as s, s.begin():
            s.add(FleetRun(id=run_id, started_at=now(), source=source, engine=engine, stores=stores))

    def finish_fleet_run(self, run_id: str) -> None:
        with self.session() as s, s.begin():
            row = s.get(FleetRun, run_id)
            if row is not None:
                row.finished_at = now()

    def store_id(self, url: str, host: str, name: str) -> int:
        for _ in range(3):  # two workers may add the same store at once: one insert wins
            with self.session() as s:
                found = s.scalar(select(Store).where(Store.url == url))
                if found is not None:
                    if name and found.name != name:
                        found.name = name
                        s.commit()
                    return found.id
                s.add(Store(url=url, host=host, name=name))
                try:
                    s.commit()
                except IntegrityError:
                    s.rollback()
        raise CannotRunError(f"cannot record store {url}", "check the database")

    def get_run(self, fleet_run_id: str, url: str) -> Run | None:
        from sqlalchemy.orm import selectinload

        with self.session() as s:
            return s.scalar(select(Run).join(Store).where(Run.fleet_run_id == fleet_run_id, Store.url == url)
                            .options(selectinload(Run.findings), selectinload(Run.store)))

    def record_run(self, fleet_run_id: str, url: str, host: str, name: str, **values: Any) -> tuple[Run, bool]:
        """Insert the run of ``url`` in ``fleet_run_id`` with its findings; ``(run, False)`` when that run was
        already stored (a redelivered task): the stored one is kept and returned."""
        store_id = self.store_id(url, host, name)
        findings = values.pop("findings", [])
        with self.session() as s:
            run = Run(fleet_run_id=fleet_run_id, store_id=store_id, **values)
            run.findings = [FindingRow(fingerprint=f["id"], check=f["check"], rule=f["rule"],
                                       severity=f["severity"], title=f["title"], url=f.get("url") or "")
                            for f in findings]
            s.add(run)
            try:
                s.commit()
                return run, True
            except IntegrityError:
                s.rollback()
        existing = self.get_run(fleet_run_id, url)
        if existing is None:
            raise CannotRunError(f"cannot record the run of {url}", "check the database")
        return existing, False

    # -- reads --------------------------------------------------------------------------------------------
    def runs_of_fleet(self, fleet_run_id: str) -> list[Run]:
        from sqlalchemy.orm import selectinload

        with self.session() as s:
            return list(s.scalars(select(Run).where(Run.fleet_run_id == fleet_run_id)
                                  .options(selectinload(Run.findings), selectinload(Run.store)).order_by(Run.id)))

    def store_runs(self, url: str) -> list[Run]:
        """Every run of a store, oldest first, findings loaded."""
        from sqlalchemy.orm import selectinload

        with self.session() as s:
            return list(s.scalars(select(Run).join(Store).where(Store.url == url)
                                  .options(selectinload(Run.findings), selectinload(Run.store))
                                  .order_by(Run.started_at, Run.id)))

    def find_store(self, url: str) -> Store | None:
        from auditor.crawl import normalize_url

        with self.session() as s:
            for candidate in dict.fromkeys([url, normalize_url(url) or url, url.rstrip("/") + "/"]):
                found = s.scalar(select(Store).where(Store.url == candidate))
                if found is not None:
                    return found
        return None

    def stores(self) -> list[Store]:
        with self.session() as s:
            return list(s.scalars(select(Store).order_by(Store.url)))


def worker_name() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"
