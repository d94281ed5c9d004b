"""sync state: the stamp of the value each synced field holds

Revision ID: 0004_sync_state
Revises: 0003_outbox_retries
Create Date: 2026-11-25

``field_stamps`` keeps, per synced field, the (hlc, device) of the change whose value the
replica holds, so a pulled change can be merged even after the change log was pruned. The
push and pull progress (operation numbers, cursors) lives in ``local_meta``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_sync_state"
down_revision: str | None = "0003_outbox_retries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "field_stamps",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("column_name", sa.String(length=64), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint(
            "table_name", "row_id", "column_name", name=op.f("pk_field_stamps")
        ),
    )


def downgrade() -> None:
    op.drop_table("field_stamps")
