"""plan tasks keep their total float, as the scheduler computed it

Revision ID: 0002_plan_total_float
Revises: 0001_initial
Create Date: 2026-11-25

The float is derived like the tasks' dates: every reschedule stores it, so reading a plan of
thousands of tasks needs no scheduling. Rows of an older file get it at their next reschedule
(until then the plan service computes it when reading).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_plan_total_float"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("plan_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("total_float", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan_tasks", schema=None) as batch_op:
        batch_op.drop_column("total_float")
