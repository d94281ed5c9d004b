"""A meeting as an iCalendar invitation (RFC 5545), with its attendees."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pm_desktop.core.enums import Attendance
from pm_desktop.core.errors import ExportError
from pm_desktop.core.meetings import Minutes

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
