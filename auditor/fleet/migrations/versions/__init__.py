"""Alembic revisions of the fleet database, oldest first."""
