"""outbox recipients remember their last try and when to try again

Revision ID: 0003_outbox_retries
Revises: 0002_plan_total_float
Create Date: 2026-11-26

The mail sender retries a recipient the server has not accepted yet after a growing delay
(1, 2, 4… minutes, at most an hour). Rows of an older file have neither: they are due at once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_outbox_retries"
down_revision: str | None = "0002_plan_total_float"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_recipients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_attempt_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("next_attempt_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_recipients", schema=None) as batch_op:
        batch_op.drop_column("next_attempt_at")
        batch_op.drop_column("last_attempt_at")
