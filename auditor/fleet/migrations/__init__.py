"""Alembic migrations of the fleet database (see auditor/fleet/storage.py)."""
