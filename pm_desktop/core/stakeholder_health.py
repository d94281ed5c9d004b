"""Health checks of a project's stakeholder map: the warnings a PM must not miss.

Pure rules over read models. Each warning names what to fix (a stakeholder, a meeting or a
demand) so that the UI can lead there; its text is the UI's business.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pm_desktop.core.enums import (
    KEY_MEETING_TYPES,
    Attendance,
    Attitude,
    MeetingType,
    RoleClass,
)
from pm_desktop.core.stakeholders import HIGH_FROM, StakeholderRecord

DEFAULT_STRONG_C_DAYS = 30
OPPONENT_DAYS = 14


class WarningKind(StrEnum):
    NO_ONE_W = "no_1w"
    SEVERAL_ONE_W = "several_1w"
    ONE_W_WITHOUT_DEMANDS = "1w_without_demands"
    ONE_W_NOT_INVITED = "1w_not_invited"
    ONE_W_ABSENT = "1w_absent"
    STRONG_C_OUT_OF_TOUCH = "strong_c_out_of_touch"
    OPPONENT_OUT_OF_TOUCH = "opponent_out_of_touch"
    OPEN_DEMANDS = "open_demands"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"


SEVERITY = {
    WarningKind.NO_ONE_W: Severity.HIGH,
    WarningKind.SEVERAL_ONE_W: Severity.HIGH,
    WarningKind.ONE_W_WITHOUT_DEMANDS: Severity.HIGH,
    WarningKind.ONE_W_NOT_INVITED: Severity.HIGH,
    WarningKind.ONE_W_ABSENT: Severity.HIGH,
    WarningKind.STRONG_C_OUT_OF_TOUCH: Severity.MEDIUM,
    WarningKind.OPPONENT_OUT_OF_TOUCH: Severity.MEDIUM,
    WarningKind.OPEN_DEMANDS: Severity.MEDIUM,
}


@dataclass(frozen=True, slots=True)
class KeyMeeting:
    """A key meeting that has taken place, with the attendance of the project's stakeholders."""

    id: str
    meeting_type: MeetingType
    title: str
    held_on: date
    attendance: Mapping[str, Attendance]
    """By stakeholder id; a stakeholder missing here was not invited."""


@dataclass(frozen=True, slots=True)
class HealthWarning:
    kind: WarningKind
    stakeholder_id: str | None = None
    stakeholder_name: str = ""
    meeting_id: str | None = None
    meeting_title: str = ""
    meeting_type: MeetingType | None = None
    held_on: date | None = None
    days: int | None = None
    """Days since the last contact; None when there was never one."""
    count: int = 0
    """How many (1W records, open demands)."""

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]


@dataclass(frozen=True, slots=True)
class HealthInput:
    stakeholders: Sequence[StakeholderRecord]
    last_contact: Mapping[str, date]
    """Each stakeholder's latest touchpoint or attended meeting."""
    key_meetings: Sequence[KeyMeeting]
    today: date
    strong_c_days: int = DEFAULT_STRONG_C_DAYS
    opponent_days: int = OPPONENT_DAYS


def check_health(data: HealthInput) -> list[HealthWarning]:
    """Every warning of one project, most severe first, in a stable order."""
    live = [s for s in data.stakeholders if not s.deleted]
    one_ws = [s for s in live if s.role_class is RoleClass.ONE_W]
    warnings: list[HealthWarning] = []
    if not one_ws:
        warnings.append(HealthWarning(WarningKind.NO_ONE_W))
    elif len(one_ws) > 1:
        warnings.append(HealthWarning(WarningKind.SEVERAL_ONE_W, count=len(one_ws)))
    for one_w in one_ws:
        if not one_w.demands:
            warnings.append(_about(WarningKind.ONE_W_WITHOUT_DEMANDS, one_w))
        warnings.extend(_key_meeting_warnings(one_w, data.key_meetings))
    for person in live:
        days = _days_since(data.last_contact.get(person.id), data.today)
        if person.role_class is RoleClass.STRONG_C and _out_of_touch(days, data.strong_c_days):
            warnings.append(_about(WarningKind.STRONG_C_OUT_OF_TOUCH, person, days=days))
        if _is_powerful_opponent(person) and _out_of_touch(days, data.opponent_days):
            warnings.append(_about(WarningKind.OPPONENT_OUT_OF_TOUCH, person, days=days))
    for person in live:
        open_demands = len(person.open_demands)
        if open_demands:
            warnings.append(_about(WarningKind.OPEN_DEMANDS, person, count=open_demands))
    return warnings


def _about(
    kind: WarningKind, person: StakeholderRecord, days: int | None = None, count: int = 0
) -> HealthWarning:
    return HealthWarning(
        kind, stakeholder_id=person.id, stakeholder_name=person.name, days=days, count=count
    )


def _key_meeting_warnings(
    one_w: StakeholderRecord, meetings: Sequence[KeyMeeting]
) -> list[HealthWarning]:
    warnings = []
    for meeting in sorted(meetings, key=lambda m: (m.held_on, m.id)):
        if meeting.meeting_type not in KEY_MEETING_TYPES:
            continue
        attendance = meeting.attendance.get(one_w.id)
        if attendance is Attendance.PRESENT:
            continue
        kind = WarningKind.ONE_W_NOT_INVITED if attendance is None else WarningKind.ONE_W_ABSENT
        warnings.append(
            HealthWarning(
                kind,
                stakeholder_id=one_w.id,
                stakeholder_name=one_w.name,
                meeting_id=meeting.id,
                meeting_title=meeting.title,
                meeting_type=meeting.meeting_type,
                held_on=meeting.held_on,
            )
        )
    return warnings


def _days_since(last: date | None, today: date) -> int | None:
    return None if last is None else max(0, (today - last).days)


def _out_of_touch(days: int | None, limit: int) -> bool:
    return days is None or days >= limit


def _is_powerful_opponent(person: StakeholderRecord) -> bool:
    return person.attitude is Attitude.OPPONENT and person.power >= HIGH_FROM
