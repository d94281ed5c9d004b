"""Sync state: the stamp of the value each synced field holds here (local only: per field,
or once per row for a row that arrived whole), and the conflicts the hub found (synced)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import ConflictKind, ConflictResolution
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class FieldStamp(Base):
    """The (hlc, device) of the change whose value a synced field currently holds.

    Written when a local change is pushed and when a pulled change wins; it outlives the
    change log (which may be pruned), so the merge rule can always be applied on pull.
    """

    __tablename__ = "field_stamps"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    column_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))


class StampShape(Base):
    """A list of a table's columns that row stamps cover (few: one per table and version)."""

    __tablename__ = "stamp_shapes"
    __table_args__ = (UniqueConstraint("table_name", "columns"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    columns: Mapped[str] = mapped_column(Text)
    """The column names, a JSON list."""


class RowStamp(Base):
    """The (hlc, device) of every field of its shape's columns that has no FieldStamp.

    A row that arrives whole with one stamp (a download) is stamped once instead of once per
    field: a tenth of the writes, and of the file. A later change of a field gets a FieldStamp,
    which takes precedence (see :mod:`pm_desktop.storage.stamps`).
    """

    __tablename__ = "row_stamps"
    __table_args__ = ({"sqlite_with_rowid": False},)

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shape_id: Mapped[int] = mapped_column(Integer, ForeignKey("stamp_shapes.id"))
    hlc: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))


class SyncConflict(Synced, Base):
    """A change that lost to a concurrent one, kept so nobody's work disappears silently.

    Written by the hub when it merges a push (it alone sees both sides) and synced like any
    row. ``kept_*`` is the value the field holds after the merge; ``lost_*`` the one that
    lost. Values are ``value_json`` texts as the change log holds them. For a ``delete``
    conflict the row was kept (its edit won over the deletion): ``column_name`` is
    ``deleted`` and ``lost_value`` ``true``.
    """

    __tablename__ = "sync_conflicts"
    __team_scope__ = True

    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    column_name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[ConflictKind] = mapped_column(enum_column(ConflictKind))
    kept_value: Mapped[LongText]
    kept_hlc: Mapped[str] = mapped_column(String(64), default="")
    kept_device: Mapped[str] = mapped_column(String(64), default="")
    kept_user: Mapped[Name] = mapped_column(default="")
    lost_value: Mapped[LongText]
    lost_hlc: Mapped[str] = mapped_column(String(64), default="")
    lost_device: Mapped[str] = mapped_column(String(64), default="")
    lost_user: Mapped[Name] = mapped_column(default="")
    detected_at: Mapped[datetime]
    resolution: Mapped[ConflictResolution] = mapped_column(
        enum_column(ConflictResolution), default=ConflictResolution.OPEN
    )
    resolved_at: Mapped[datetime | None]
