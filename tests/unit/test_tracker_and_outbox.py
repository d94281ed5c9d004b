"""The action tracker's filters and sorts, and the mail outbox."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pm_desktop.core.enums import ActionStatus, Attendance, MailState, MeetingType
from pm_desktop.core.errors import ValidationError
from pm_desktop.core.outbox import Recipient
from pm_desktop.core.tracker import TrackerFilter, TrackerSort
from pm_desktop.services.container import Services

TODAY = date(2026, 11, 25)
START = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


@pytest.fixture
def two_projects(services: Services) -> tuple[str, str]:
    first = services.projects.create("甲项目")
    second = services.projects.create("乙项目")
    kickoff = services.meetings.create(first.id, MeetingType.KICKOFF, "启动会", START)
    weekly = services.meetings.create(second.id, MeetingType.WEEKLY_STATUS, "周例会", START)
    late = services.meetings.add_action(
        kickoff.id, "逾期的事", who="张伟", due_on=TODAY - timedelta(2)
    )
    services.meetings.add_action(kickoff.id, "下周的事", who="李红梅", due_on=TODAY + timedelta(7))
    done = services.meetings.add_action(
        kickoff.id, "做完的事", who="张伟", due_on=TODAY - timedelta(5)
    )
    services.meetings.set_action_status([done.id], ActionStatus.DONE)
    services.meetings.add_action(weekly.id, "没有期限的事", who="Anna Smith")
    services.meetings.add_action(weekly.id, "Send slides", who="张伟", due_on=TODAY)
    assert late.is_complete
    return first.id, second.id


def whats(services: Services, wanted: TrackerFilter) -> list[str]:
    return [t.action.what for t in services.actions.find(wanted)]


def test_all_projects_sorted_by_due_date_with_undated_last(
    services: Services, two_projects: tuple[str, str]
) -> None:
    assert whats(services, TrackerFilter()) == [
        "做完的事", "逾期的事", "Send slides", "下周的事", "没有期限的事"
    ]  # fmt: skip
    found = services.actions.find(TrackerFilter(project_id=two_projects[1]))
    assert [(t.project_name, t.meeting_title) for t in found] == [("乙项目", "周例会")] * 2


def test_filters_by_owner_status_due_range_overdue_and_text(
    services: Services, two_projects: tuple[str, str]
) -> None:
    assert whats(services, TrackerFilter(owner="张")) == ["做完的事", "逾期的事", "Send slides"]
    assert whats(services, TrackerFilter(owner="anna")) == ["没有期限的事"]
    open_only = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})
    assert "做完的事" not in whats(services, TrackerFilter(statuses=open_only))
    assert whats(services, TrackerFilter(overdue_on=TODAY)) == ["逾期的事"]
    assert whats(services, TrackerFilter(due_from=TODAY, due_to=TODAY + timedelta(7))) == [
        "Send slides",
        "下周的事",
    ]
    assert whats(services, TrackerFilter(text="SLIDES")) == ["Send slides"]
    assert services.actions.count_overdue(None, TODAY) == 1
    assert services.actions.owners() == ["Anna Smith", "张伟", "李红梅"]


def test_sorting_by_owner_and_status(services: Services, two_projects: tuple[str, str]) -> None:
    by_owner = services.actions.find(TrackerFilter(sort=TrackerSort.OWNER))
    assert [t.action.who for t in by_owner] == sorted(t.action.who for t in by_owner)
    by_status = services.actions.find(TrackerFilter(sort=TrackerSort.STATUS))
    assert by_status[0].action.status == ActionStatus.DONE


def test_minutes_go_to_the_outbox_waiting_for_the_network(
    services: Services, tmp_path: Path
) -> None:
    project = services.projects.create("项目")
    meeting = services.meetings.create(project.id, MeetingType.KICKOFF, "启动会", START)
    services.meetings.add_attendee(
        meeting.id, "王建国", email="wang@client.example", attendance=Attendance.PRESENT
    )
    services.meetings.add_attendee(meeting.id, "没有邮箱的人")
    candidates = services.outbox.recipient_candidates(meeting.id)
    assert [(c.name, c.address, c.source) for c in candidates] == [
        ("王建国", "wang@client.example", "attendee")
    ]
    pdf = tmp_path / "纪要.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    entry = services.outbox.queue(
        meeting.id,
        subject="项目启动会 会议纪要",
        body="请查收附件。",
        attachment=pdf,
        recipients=[*candidates, Recipient("李红梅", " li@client.example "), candidates[0]],
    )
    assert entry.state == MailState.WAITING
    assert [(r.address, r.state) for r in entry.recipients] == [
        ("wang@client.example", MailState.WAITING),
        ("li@client.example", MailState.WAITING),
    ]
    listed = services.outbox.messages(project.id)
    assert [m.subject for m in listed] == ["项目启动会 会议纪要"]
    assert sorted(r.name for r in listed[0].recipients) == ["李红梅", "王建国"]


def test_bad_recipients_are_refused_and_nothing_is_queued(
    services: Services, tmp_path: Path
) -> None:
    project = services.projects.create("项目")
    meeting = services.meetings.create(project.id, MeetingType.KICKOFF, "启动会", START)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError, match="not an e-mail address"):
        services.outbox.queue(
            meeting.id, subject="纪要", body="", attachment=pdf,
            recipients=[Recipient("王", "wang at client")],
        )  # fmt: skip
    with pytest.raises(ValidationError, match="at least one recipient"):
        services.outbox.queue(meeting.id, subject="纪要", body="", attachment=pdf, recipients=[])
    assert services.outbox.messages() == []


def test_results_come_in_pages_with_a_total(
    services: Services, two_projects: tuple[str, str]
) -> None:
    first = whats(services, TrackerFilter(limit=2))
    rest = whats(services, TrackerFilter(offset=2, limit=10))
    assert first + rest == whats(services, TrackerFilter())
    assert services.actions.count(TrackerFilter(limit=2)) == 5
    assert services.actions.count(TrackerFilter(owner="张")) == 3
