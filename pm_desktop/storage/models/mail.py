"""The mail outbox: messages (e.g. PDF minutes) waiting for a network, and each recipient."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import MailState
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class OutboxMessage(Synced, Base):
    __tablename__ = "outbox_messages"

    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    subject: Mapped[Name]
    body: Mapped[LongText]
    attachment_name: Mapped[Name] = mapped_column(default="")
    attachment_path: Mapped[str] = mapped_column(String(1000), default="")
    """Where the attachment lies on the device that queued it."""
    queued_by_device: Mapped[str] = mapped_column(String(64))
    """Only this device sends the message."""
    queued_at: Mapped[datetime]


class OutboxRecipient(Synced, Base):
    __tablename__ = "outbox_recipients"

    message_id: Mapped[str] = mapped_column(ForeignKey("outbox_messages.id"), index=True)
    address: Mapped[str] = mapped_column(String(320))
    name: Mapped[Name] = mapped_column(default="")
    state: Mapped[MailState] = mapped_column(enum_column(MailState), default=MailState.WAITING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[LongText]
    sent_at: Mapped[datetime | None]
    last_attempt_at: Mapped[datetime | None]
    next_attempt_at: Mapped[datetime | None]
    """A waiting recipient is not tried before then (None: at the next chance)."""
