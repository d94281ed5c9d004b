"""sync conflicts: changes that lost to a concurrent one, kept for the Conflicts panel

Revision ID: 0005_sync_conflicts
Revises: 0004_sync_state
Create Date: 2026-11-25

The hub writes a conflict row when it merges a push whose text field another device changed
meanwhile, or whose row another device deleted (or edited, against a deletion); the rows
sync like any other.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_sync_conflicts"
down_revision: str | None = "0004_sync_state"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("column_name", sa.String(length=64), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("edit", "delete", name="conflictkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("kept_hlc", sa.String(length=64), nullable=False),
        sa.Column("kept_device", sa.String(length=64), nullable=False),
        sa.Column("kept_user", sa.String(length=200), nullable=False),
        sa.Column("lost_value", sa.Text(), nullable=False),
        sa.Column("lost_hlc", sa.String(length=64), nullable=False),
        sa.Column("lost_device", sa.String(length=64), nullable=False),
        sa.Column("lost_user", sa.String(length=200), nullable=False),
        sa.Column("detected_at", sa.String(length=32), nullable=False),
        sa.Column(
            "resolution",
            sa.Enum(
                "",
                "kept",
                "restored",
                "both",
                "deleted",
                name="conflictresolution",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_sync_conflicts_project_id_projects"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_row_id"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_project_id"))

    op.drop_table("sync_conflicts")
