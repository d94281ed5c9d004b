"""Stakeholders as the rest of the app sees them (read models and the grid's rules, no storage)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass, TouchpointChannel

#: The lowest and highest power or interest.
SCALE_MIN, SCALE_MAX = 1, 5

#: Power or interest from this value up counts as high on the Mendelow grid.
HIGH_FROM = 4


class Quadrant(StrEnum):
    """The four cells of the power/interest (Mendelow) grid."""

    MANAGE_CLOSELY = "manage_closely"  # high power, high interest
    KEEP_SATISFIED = "keep_satisfied"  # high power, low interest
    KEEP_INFORMED = "keep_informed"  # low power, high interest
    MONITOR = "monitor"  # low power, low interest


def quadrant_of(power: int, interest: int) -> Quadrant:
    high_power, high_interest = power >= HIGH_FROM, interest >= HIGH_FROM
    if high_power:
        return Quadrant.MANAGE_CLOSELY if high_interest else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if high_interest else Quadrant.MONITOR


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def looks_like_email(text: str) -> bool:
    """``name@example.com``: one @, a dot in the domain, no spaces (the one rule everywhere)."""
    return bool(_EMAIL.fullmatch(text))


def clamp_scale(value: int) -> int:
    return max(SCALE_MIN, min(SCALE_MAX, value))


@dataclass(frozen=True, slots=True)
class DemandEntry:
    """A demand (诉求) of a stakeholder."""

    id: str
    text: str
    status: DemandStatus = DemandStatus.RECORDED
    recorded_on: date | None = None

    @property
    def addressed(self) -> bool:
        return self.status is DemandStatus.ADDRESSED


@dataclass(frozen=True, slots=True)
class StakeholderRecord:
    id: str
    project_id: str
    name: str
    organisation: str = ""
    title: str = ""
    role_class: RoleClass = RoleClass.OTHER
    power: int = 3
    interest: int = 3
    attitude: Attitude = Attitude.UNKNOWN
    email: str = ""
    phone: str = ""
    reports_to_id: str | None = None
    notes: str = ""
    demands: tuple[DemandEntry, ...] = ()
    deleted: bool = False

    @property
    def quadrant(self) -> Quadrant:
        return quadrant_of(self.power, self.interest)

    @property
    def open_demands(self) -> tuple[DemandEntry, ...]:
        return tuple(d for d in self.demands if not d.addressed)


#: Fields of a stakeholder that can be edited one at a time (the register's columns).
EDITABLE_FIELDS = (
    "name",
    "organisation",
    "title",
    "role_class",
    "power",
    "interest",
    "attitude",
    "email",
    "phone",
    "reports_to_id",
    "notes",
)


@dataclass(frozen=True, slots=True)
class TouchpointEntry:
    """A contact with a stakeholder: typed in, or a meeting they attended (then ``meeting_id``
    is set, ``id`` is the attendance row's and the entry is read-only here)."""

    id: str
    stakeholder_id: str
    occurred_on: date
    channel: TouchpointChannel
    our_people: str = ""
    summary: str = ""
    follow_up_action_id: str | None = None
    meeting_id: str | None = None

    @property
    def from_meeting(self) -> bool:
        return self.meeting_id is not None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The optional follow-up of a touchpoint; it becomes a 5W1H action item."""

    what: str
    who: str = ""
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class NewTouchpoint:
    """A touchpoint as typed in, before it is saved."""

    occurred_on: date
    channel: TouchpointChannel
    our_people: str = ""
    summary: str = ""
    follow_up: FollowUp | None = None


@dataclass(frozen=True, slots=True)
class StakeholderUsage:
    """What refers to a stakeholder: asked about before deleting them."""

    touchpoints: int = 0
    meetings: int = 0
    actions: int = 0

    @property
    def any(self) -> bool:
        return bool(self.touchpoints or self.meetings or self.actions)


def reports_to_cycle(
    records: dict[str, StakeholderRecord], stakeholder_id: str, new_manager_id: str | None
) -> bool:
    """Whether making ``new_manager_id`` the manager of ``stakeholder_id`` closes a loop."""
    seen: set[str] = set()
    current = new_manager_id
    while current is not None and current not in seen:
        if current == stakeholder_id:
            return True
        seen.add(current)
        record = records.get(current)
        current = record.reports_to_id if record is not None else None
    return False
