"""Tables that stay on this device: the change log (the sync outbox) and device metadata."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.storage.base import Base


class ChangeLogEntry(Base):
    """One changed field of one synced row, written by change capture in the same transaction."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_pending", "pushed", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hlc: Mapped[str] = mapped_column(String(64))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    project_id: Mapped[str | None] = mapped_column(String(36))
    column_name: Mapped[str] = mapped_column(String(64))
    value_json: Mapped[str] = mapped_column(Text)
    pushed: Mapped[bool] = mapped_column(Boolean, default=False)


class LocalMeta(Base):
    """Key/value facts about this device's replica, such as its device id."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
