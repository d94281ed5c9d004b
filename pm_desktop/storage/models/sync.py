"""Sync state: the stamp of the value each synced field holds here (local only), and the
conflicts the hub found (synced)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
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
