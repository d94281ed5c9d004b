"""row stamps: one stamp for the fields of a row that arrived whole, instead of one per field

Revision ID: 0006_row_stamps
Revises: 0005_sync_conflicts
Create Date: 2026-11-26

A downloaded row used to get a field stamp per field: the stamps were most of the file and
of the writes of an initial download. Now it gets one row stamp naming the columns it covers
(a stamp shape); a field stamp, where one exists, takes precedence. Existing field stamps
stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_row_stamps"
down_revision: str | None = "0005_sync_conflicts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stamp_shapes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stamp_shapes")),
        sa.UniqueConstraint(
            "table_name", "columns", name=op.f("uq_stamp_shapes_table_name_columns")
        ),
    )
    op.create_table(
        "row_stamps",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("shape_id", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["shape_id"], ["stamp_shapes.id"], name=op.f("fk_row_stamps_shape_id_stamp_shapes")
        ),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_row_stamps")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("row_stamps")
    op.drop_table("stamp_shapes")
