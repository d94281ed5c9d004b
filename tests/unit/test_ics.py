"""Calendar invitations: a meeting with its attendees, readable by calendar programs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from pm_desktop.core.enums import Attendance, MeetingType
from pm_desktop.core.errors import ExportError
from pm_desktop.core.meetings import Minutes
from pm_desktop.export.ics import meeting_invitation, write_invitation
from pm_desktop.services.container import Services

START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def make_minutes(services: Services) -> Minutes:
    project = services.projects.create("华东制造集团数字化转型")
    meeting = services.meetings.create(
        project.id, MeetingType.SOLUTION_REPORT, "方案汇报", START, location="客户总部3楼"
    )
    services.meetings.add_attendee(
        meeting.id, "王建国", email="wang@client.example", attendance=Attendance.INVITED
    )
    services.meetings.add_attendee(meeting.id, "张伟")
    services.meetings.add_attendee(meeting.id, "请假的人", attendance=Attendance.EXCUSED)
    return services.meetings.minutes(meeting.id)


def test_an_invitation_carries_time_place_agenda_and_attendees(services: Services) -> None:
    minutes = make_minutes(services)
    data = meeting_invitation(minutes, summary="方案汇报 – 华东制造集团数字化转型")
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event["summary"] == "方案汇报 – 华东制造集团数字化转型"
    assert event["location"] == "客户总部3楼"
    assert event.decoded("dtstart") == START
    assert (event.decoded("dtend") - START).total_seconds() == 3600
    assert event["uid"] == f"{minutes.meeting.id}@pm-desktop"
    assert "1. 回顾调研结论与诉求" in event["description"]
    attendees = event.get("attendee")
    names = sorted(str(a.params["cn"]) for a in attendees)
    assert names == ["张伟", "王建国"]
    assert "mailto:wang@client.example" in [str(a) for a in attendees]


def test_an_unwritable_path_is_reported_and_nothing_is_left(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as error:
        write_invitation(b"BEGIN:VCALENDAR", tmp_path / "missing" / "x.ics")
    assert "missing" in str(error.value)
    write_invitation(b"BEGIN:VCALENDAR", tmp_path / "ok.ics")
    assert [p.name for p in tmp_path.iterdir()] == ["ok.ics"]
