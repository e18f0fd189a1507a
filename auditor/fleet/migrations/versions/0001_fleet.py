"""The fleet tables: stores, fleet runs, runs, findings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stores",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2000), nullable=False, unique=True),
        sa.Column("host", sa.String(300), nullable=False, index=True),
        sa.Column("name", sa.String(300), nullable=False),
    )
    op.create_table(
        "fleet_runs",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("finished_at", sa.String(40), nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("engine", sa.String(20), nullable=False),
        sa.Column("stores", sa.Integer, nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("fleet_run_id", sa.String(64), sa.ForeignKey("fleet_runs.id"), nullable=False, index=True),
        sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("duration_s", sa.Float, nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("worker", sa.String(200), nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("overall", sa.Integer, nullable=True),
        sa.Column("scores", sa.JSON, nullable=False),
        sa.Column("coverage", sa.JSON, nullable=False),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.Column("report", sa.JSON, nullable=True),
        sa.Column("report_dir", sa.Text, nullable=False),
        sa.UniqueConstraint("fleet_run_id", "store_id", name="uq_run_per_fleet_run"),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("fingerprint", sa.String(200), nullable=False, index=True),
        sa.Column("check", sa.String(100), nullable=False),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("runs")
    op.drop_table("fleet_runs")
    op.drop_table("stores")
