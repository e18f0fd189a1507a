"""Alembic environment of the fleet database: run through :meth:`auditor.fleet.storage.Storage.migrate`, which
passes an open connection (``config.attributes["connection"]``)."""

from alembic import context

from auditor.fleet.storage import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only Storage.migrate runs the migrations
    raise SystemExit("run the fleet migrations through clearcart (Storage.migrate)")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
