"""Meetings and their minutes as the rest of the app sees them (read models, no storage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    MeetingStatus,
    MeetingType,
    MinuteKind,
)

OPEN_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    id: str
    project_id: str
    meeting_type: MeetingType
    title: str
    series: str
    starts_at: datetime
    ends_at: datetime | None
    location: str
    status: MeetingStatus
    scribe: str
    open_actions: int = 0


@dataclass(frozen=True, slots=True)
class Attendee:
    id: str
    name: str
    attendance: Attendance
    email: str = ""
    organisation: str = ""
    stakeholder_id: str | None = None
    person_id: str | None = None


@dataclass(frozen=True, slots=True)
class AttendeeCandidate:
    """Someone who could attend: a stakeholder of the project or a member of its team."""

    name: str
    email: str = ""
    organisation: str = ""
    stakeholder_id: str | None = None
    person_id: str | None = None

    @property
    def label(self) -> str:
        """``张伟 (客户IT部)``: the name, and the organisation when known."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    id: str
    title: str
    presenter: str = ""
    duration_min: int = 0
    done: bool = False


@dataclass(frozen=True, slots=True)
class MinuteNote:
    """A decision or a note of the minutes."""

    id: str
    kind: MinuteKind
    text: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: ActionStatus
    changed_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """A 5W1H action item."""

    id: str
    number: int
    what: str
    why: str
    who: str
    due_on: date | None
    where: str
    how: str
    status: ActionStatus
    meeting_id: str | None = None
    history: tuple[StatusChange, ...] = ()

    @property
    def is_complete(self) -> bool:
        """An item without Who or When is not an action yet."""
        return bool(self.who.strip()) and self.due_on is not None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < today


@dataclass(frozen=True, slots=True)
class Minutes:
    """Everything the PDF minutes show, in the order they show it."""

    project_name: str
    meeting: MeetingSummary
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaEntry, ...] = ()
    decisions: tuple[MinuteNote, ...] = ()
    notes: tuple[MinuteNote, ...] = ()
    actions: tuple[ActionEntry, ...] = ()
    previous_actions: tuple[ActionEntry, ...] = field(default=())
    """Open actions of the previous meeting of the same series, reviewed first."""


def completeness(actions: tuple[ActionEntry, ...] | list[ActionEntry]) -> float:
    """Share of action items that have both a Who and a When (1.0 when there are none)."""
    if not actions:
        return 1.0
    return sum(a.is_complete for a in actions) / len(actions)
