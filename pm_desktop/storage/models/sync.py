"""Local-only sync state: the stamp of the value each synced field holds in this replica."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.storage.base import Base


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
