"""iCalendar (RFC 5545): a meeting as an invitation with its attendees, and a person's site
visits with the milestones of their projects."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pm_desktop.core.enums import Attendance
from pm_desktop.core.errors import ExportError
from pm_desktop.core.meetings import Minutes
from pm_desktop.core.resource_load import Milestone, Visit

if TYPE_CHECKING:
    from icalendar import Event

DEFAULT_LENGTH = timedelta(hours=1)
PRODUCT_ID = "-//PM Desktop//Meeting invitation//ZH"


def meeting_invitation(
    minutes: Minutes, *, summary: str, description: str = "", now: datetime | None = None
) -> bytes:
    """The .ics bytes of one VEVENT. ``summary`` is the event title as the user's language
    writes it; the meeting id is the UID, so a re-exported invitation updates the same event."""
    from icalendar import Calendar, Event, vCalAddress, vText

    meeting = minutes.meeting
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"{meeting.id}@pm-desktop")
    event.add("dtstamp", now or datetime.now(UTC))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH)
    event.add("summary", summary)
    if meeting.location:
        event.add("location", meeting.location)
    agenda = "\n".join(f"{n}. {item.title}" for n, item in enumerate(minutes.agenda, 1))
    text = "\n\n".join(part for part in (description, agenda) if part)
    if text:
        event.add("description", text)
    for attendee in minutes.attendees:
        if attendee.attendance == Attendance.EXCUSED:
            continue
        address = vCalAddress(f"mailto:{attendee.email}" if attendee.email else "invalid:nomail")
        address.params["cn"] = vText(attendee.name)
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        event.add("attendee", address, encode=False)
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_invitation(data: bytes, out: Path) -> None:
    """Write atomically; an unwritable path raises ExportError naming it."""
    temp = out.with_name(f".{out.name}.part")
    try:
        temp.write_bytes(data)
        temp.replace(out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ExportError(out, exc.strerror or str(exc)) from exc


# --- a person's bookings ------------------------------------------------------------------

BOOKINGS_PRODUCT_ID = "-//PM Desktop//Resource bookings//ZH"
REMINDER_DAYS = 7
"""Calendar days before arrival of a visit's reminder, when it has no "tell by" date."""
REMINDER_HOUR = 9
"""The reminder rings at this hour (local time) of its day."""
MAX_LABELS_IN_SUMMARY = 3
_UID_NAMESPACE = uuid.UUID("2f6b8f3e-51c4-4d0a-9d0e-5a1c6b7e2c90")


@dataclass(frozen=True)
class BookingLabels:
    """The words of a bookings calendar, in the UI's language (``str.format`` templates)."""

    visit_summary: str = "{project}: {work}"
    separator: str = "、"
    more: str = "…"
    milestone_summary: str = "里程碑：{name}（{project}）"
    person: str = "人员：{person}"
    work: str = "工作：{work}"
    peak: str = "峰值负荷：{peak}%"
    tell_by: str = "最晚通知日：{day}"
    reminder: str = "通知{person}：{day}起到{project}现场"


def bookings_calendar(
    person_name: str,
    visits: Sequence[Visit],
    milestones: Sequence[Milestone],
    *,
    calendar_name: str,
    labels: BookingLabels = BookingLabels(),
    reminder_days: int = REMINDER_DAYS,
    now: datetime | None = None,
) -> bytes:
    """The .ics bytes of a person's site visits and the projects' milestones, as all-day
    events. UIDs come from ids (a visit's: the person, project and the booking that starts
    it), so importing a newer export updates the events instead of adding copies. Each visit
    has a reminder on its "tell by" day, else ``reminder_days`` before arrival."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", BOOKINGS_PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name)
    stamp = now or datetime.now(UTC)
    for visit in visits:
        calendar.add_component(_visit_event(person_name, visit, labels, reminder_days, stamp))
    for milestone in milestones:
        calendar.add_component(_milestone_event(milestone, labels, stamp))
    return bytes(calendar.to_ical())


def visit_uid(visit: Visit) -> str:
    """A visit's UID: stable while the booking that starts it stays the first one."""
    anchor = visit.source_ids[0] if visit.source_ids else visit.starts_on.isoformat()
    key = f"{visit.person_id}/{visit.project_id}/{anchor}"
    return f"visit-{uuid.uuid5(_UID_NAMESPACE, key)}@pm-desktop"


def _all_day(uid: str, first: date, last: date, summary: str, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))  # exclusive
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def _visit_event(
    person_name: str, visit: Visit, labels: BookingLabels, reminder_days: int, stamp: datetime
) -> Event:
    from icalendar import Alarm

    project = visit.project_name or visit.project_id
    work = labels.separator.join(visit.labels[:MAX_LABELS_IN_SUMMARY])
    if len(visit.labels) > MAX_LABELS_IN_SUMMARY:
        work += labels.more
    summary = labels.visit_summary.format(project=project, work=work).strip()
    event = _all_day(visit_uid(visit), visit.starts_on, visit.ends_on, summary, stamp)
    lines = [
        labels.person.format(person=person_name),
        labels.work.format(work=labels.separator.join(visit.labels)),
        labels.peak.format(peak=visit.peak_percent),
    ]
    if visit.tell_by is not None:
        lines.append(labels.tell_by.format(day=visit.tell_by.isoformat()))
    event.add("description", "\n".join(lines))
    days = (visit.starts_on - visit.tell_by).days if visit.tell_by else reminder_days
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -timedelta(days=days) + timedelta(hours=REMINDER_HOUR))
    text = labels.reminder.format(
        person=person_name, day=visit.starts_on.isoformat(), project=project
    )
    alarm.add("description", text)
    event.add_component(alarm)
    return event


def _milestone_event(milestone: Milestone, labels: BookingLabels, stamp: datetime) -> Event:
    project = milestone.project_name or milestone.project_id
    summary = labels.milestone_summary.format(name=milestone.name, project=project)
    uid = f"milestone-{milestone.id}@pm-desktop"
    return _all_day(uid, milestone.on, milestone.on, summary, stamp)
