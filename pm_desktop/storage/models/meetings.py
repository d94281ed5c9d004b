"""Meetings, attendance, agenda, minutes entries and 5W1H action items."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import ActionStatus, Attendance, MeetingStatus, MeetingType, MinuteKind
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class Meeting(Synced, Base):
    __tablename__ = "meetings"

    meeting_type: Mapped[MeetingType] = mapped_column(enum_column(MeetingType))
    title: Mapped[Name]
    series: Mapped[str] = mapped_column(String(100), default="")
    """Meetings with the same series (e.g. the weekly status) review each other's open actions."""
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    location: Mapped[Name] = mapped_column(default="")
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.PLANNED
    )
    scribe: Mapped[Name] = mapped_column(default="")
    notes: Mapped[LongText]


class MeetingAttendee(Synced, Base):
    """A stakeholder, a team member, or an ad-hoc name (then only ``name`` is set)."""

    __tablename__ = "meeting_attendees"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    stakeholder_id: Mapped[str | None] = mapped_column(ForeignKey("stakeholders.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[Name]
    email: Mapped[str] = mapped_column(String(200), default="")
    attendance: Mapped[Attendance] = mapped_column(
        enum_column(Attendance), default=Attendance.INVITED
    )


class AgendaItem(Synced, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    title: Mapped[Name]
    presenter: Mapped[Name] = mapped_column(default="")
    duration_min: Mapped[int] = mapped_column(default=0)
    sort_order: Mapped[int] = mapped_column(default=0)
    done: Mapped[bool] = mapped_column(default=False)


class MinuteEntry(Synced, Base):
    """A decision or a note taken in a meeting."""

    __tablename__ = "minute_entries"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))
    kind: Mapped[MinuteKind] = mapped_column(enum_column(MinuteKind))
    text: Mapped[LongText]
    sort_order: Mapped[int] = mapped_column(default=0)


class ActionItem(Synced, Base):
    """A 5W1H action: what, why, who, when, where, how. Without who or when it is incomplete."""

    __tablename__ = "action_items"

    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    """The meeting it came from."""
    carried_to_meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    """The latest meeting that reviewed it as a previous action."""
    number: Mapped[int] = mapped_column(default=0)
    what: Mapped[LongText]
    why: Mapped[LongText]
    who: Mapped[Name] = mapped_column(default="")
    owner_stakeholder_id: Mapped[str | None] = mapped_column(ForeignKey("stakeholders.id"))
    owner_person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    due_on: Mapped[date | None] = mapped_column(index=True)
    where: Mapped[Name] = mapped_column(default="")
    how: Mapped[LongText]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.OPEN, index=True
    )
    completed_on: Mapped[date | None]


class ActionStatusChange(Synced, Base):
    """Append-only history of an action item's status."""

    __tablename__ = "action_status_changes"

    action_id: Mapped[str] = mapped_column(ForeignKey("action_items.id"), index=True)
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus))
    changed_at: Mapped[datetime]
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    note: Mapped[LongText]
