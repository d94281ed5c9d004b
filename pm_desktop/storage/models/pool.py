"""The resource pool: people across projects and their append-only lifecycle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.ext.mutable import MutableList
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import PersonKind, PoolEventKind
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class Person(Synced, Base):
    __tablename__ = "people"
    __team_scope__ = True
    __table_args__ = (
        CheckConstraint("day_rate_fen >= 0 AND month_rate_fen >= 0", name="rates_not_negative"),
    )

    name: Mapped[Name]
    company: Mapped[Name] = mapped_column(default="")
    kind: Mapped[PersonKind] = mapped_column(enum_column(PersonKind), default=PersonKind.INTERNAL)
    skills: Mapped[list[str]] = mapped_column(MutableList.as_mutable(JSON()), default=list)
    """In-place changes (``skills.append``) are tracked and logged like assignments."""
    day_rate_fen: Mapped[int] = mapped_column(default=0)
    month_rate_fen: Mapped[int] = mapped_column(default=0)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[LongText]


class PoolEvent(Synced, Base):
    """Entered, trained, assigned, left, settled, red or black record. Never edited, only added."""

    __tablename__ = "pool_events"
    __team_scope__ = True

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[PoolEventKind] = mapped_column(enum_column(PoolEventKind))
    occurred_on: Mapped[date]
    note: Mapped[LongText]
    about_project_id: Mapped[str | None] = mapped_column(ForeignKey("projects.id"))
    """The project an assignment or a red/black record concerns."""


class Unavailability(Synced, Base):
    """A person's leave or other time away, inclusive dates."""

    __tablename__ = "unavailability"
    __team_scope__ = True
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    reason: Mapped[LongText]
