"""Meetings through the service: templates, attendance, minutes, actions, carry-over, closing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from pm_desktop.core.enums import ActionStatus, Attendance, MeetingStatus, MeetingType, MinuteKind
from pm_desktop.core.errors import ValidationError
from pm_desktop.services.container import Services
from pm_desktop.services.meetings import default_agenda
from pm_desktop.storage.models import ChangeLogEntry

MONDAY = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 14:00 in Beijing


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("华东制造集团数字化转型").id


def test_a_new_meeting_starts_from_its_types_agenda(services: Services, project_id: str) -> None:
    meeting = services.meetings.create(project_id, MeetingType.KICKOFF, "项目启动会", MONDAY)
    minutes = services.meetings.minutes(meeting.id)
    assert meeting.status == MeetingStatus.PLANNED
    assert [a.title for a in minutes.agenda] == [
        t for t, _ in default_agenda(MeetingType.KICKOFF, "zh_CN")
    ]
    assert minutes.agenda[0].title == "项目背景与目标"
    english = services.meetings.create(
        project_id, MeetingType.KICKOFF, "Kickoff", MONDAY, language="en"
    )
    assert services.meetings.minutes(english.id).agenda[0].title == "Background and goals"


def test_every_meeting_type_has_an_agenda_in_both_languages() -> None:
    for meeting_type in MeetingType:
        assert default_agenda(meeting_type, "zh_CN")
        assert default_agenda(meeting_type, "en")


def test_bad_meeting_input_is_refused_with_its_field(services: Services, project_id: str) -> None:
    with pytest.raises(ValidationError) as empty:
        services.meetings.create(project_id, MeetingType.OTHER, "  ", MONDAY)
    assert empty.value.field == "title"
    with pytest.raises(ValidationError) as backwards:
        services.meetings.create(
            project_id, MeetingType.OTHER, "会", MONDAY, ends_at=MONDAY - timedelta(hours=1)
        )
    assert backwards.value.field == "ends_at"
    assert services.meetings.of_project(project_id) == []


def test_minutes_collect_attendance_decisions_notes_and_numbered_actions(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(project_id, MeetingType.KICKOFF, "项目启动会", MONDAY)
    boss = services.meetings.add_attendee(meeting.id, "王建国", attendance=Attendance.PRESENT)
    services.meetings.add_attendee(meeting.id, "吴刚", attendance=Attendance.ABSENT)
    services.meetings.set_attendance(boss.id, Attendance.PRESENT)
    services.meetings.add_note(meeting.id, MinuteKind.DECISION, "采用方案B")
    services.meetings.add_note(meeting.id, MinuteKind.NOTE, "生产副总缺席")
    first = services.meetings.add_action(
        meeting.id, "提交调研计划", who="刘洋", due_on=date(2026, 11, 27)
    )
    second = services.meetings.add_action(meeting.id, "开通ERP只读账号")

    minutes = services.meetings.minutes(meeting.id)
    assert [(a.name, a.attendance) for a in minutes.attendees] == [
        ("吴刚", Attendance.ABSENT),
        ("王建国", Attendance.PRESENT),
    ]
    assert [d.text for d in minutes.decisions] == ["采用方案B"]
    assert [n.text for n in minutes.notes] == ["生产副总缺席"]
    assert [(a.number, a.what) for a in minutes.actions] == [
        (1, "提交调研计划"),
        (2, "开通ERP只读账号"),
    ]
    assert first.is_complete
    assert not second.is_complete
    assert [m.open_actions for m in services.meetings.of_project(project_id)] == [2]


def test_closed_minutes_are_read_only_until_reopened(services: Services, project_id: str) -> None:
    meeting = services.meetings.create(project_id, MeetingType.WEEKLY_STATUS, "周例会", MONDAY)
    services.meetings.set_status(meeting.id, MeetingStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.meetings.add_action(meeting.id, "不应保存")
    services.meetings.set_status(meeting.id, MeetingStatus.IN_PROGRESS)
    services.meetings.add_action(meeting.id, "可以保存")
    assert [a.what for a in services.meetings.minutes(meeting.id).actions] == ["可以保存"]


def test_open_actions_of_the_previous_meeting_in_the_series_are_reviewed_next(
    services: Services, project_id: str
) -> None:
    week1 = services.meetings.create(
        project_id, MeetingType.WEEKLY_STATUS, "周例会1", MONDAY, series="周例会"
    )
    done = services.meetings.add_action(week1.id, "已完成的事", who="甲", due_on=date(2026, 11, 25))
    still_open = services.meetings.add_action(
        week1.id, "还没做完", who="乙", due_on=date(2026, 11, 26)
    )
    services.meetings.set_action_status([done.id], ActionStatus.DONE)
    services.meetings.set_action_status([still_open.id], ActionStatus.IN_PROGRESS, note="进行中")

    week2 = services.meetings.create(
        project_id,
        MeetingType.WEEKLY_STATUS,
        "周例会2",
        MONDAY + timedelta(days=7),
        series="周例会",
    )
    review = services.meetings.minutes(week2.id).previous_actions
    assert [a.what for a in review] == ["还没做完"]
    assert [h.status for h in review[0].history] == [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]
    assert review[0].history[1].note == "进行中"

    week3 = services.meetings.create(
        project_id,
        MeetingType.WEEKLY_STATUS,
        "周例会3",
        MONDAY + timedelta(days=14),
        series="周例会",
    )
    assert [a.what for a in services.meetings.minutes(week3.id).previous_actions] == ["还没做完"]
    other = services.meetings.create(
        project_id, MeetingType.WORKSHOP, "研讨会", MONDAY + timedelta(days=15)
    )
    assert services.meetings.minutes(other.id).previous_actions == ()


def test_bulk_status_change_records_history_for_each_item(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    ids = [services.meetings.add_action(meeting.id, f"事项{i}").id for i in range(3)]
    changed = services.meetings.set_action_status(ids, ActionStatus.DONE)
    assert [a.status for a in changed] == [ActionStatus.DONE] * 3
    assert all(len(a.history) == 2 for a in changed)
    assert services.meetings.set_action_status(ids, ActionStatus.DONE) == []


def test_removing_a_meeting_can_keep_its_actions(services: Services, project_id: str) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    action = services.meetings.add_action(meeting.id, "保留的事项")
    assert services.meetings.action_count(meeting.id) == 1
    services.meetings.remove(meeting.id, keep_actions=True)
    assert services.meetings.of_project(project_id) == []
    assert services.meetings.update_action(action.id, who="张伟").who == "张伟"


def test_edits_to_an_action_are_saved_and_logged(services: Services, project_id: str) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    action = services.meetings.add_action(meeting.id, "事项")
    services.meetings.update_action(action.id, who="张伟", due_on=date(2026, 12, 1))
    with services.store.read() as session:
        logged = session.scalars(
            select(ChangeLogEntry.column_name)
            .where(ChangeLogEntry.row_id == action.id)
            .order_by(ChangeLogEntry.seq.desc())
            .limit(2)
        ).all()
    assert sorted(logged) == ["due_on", "who"]
    updated = services.meetings.minutes(meeting.id).actions[0]
    assert (updated.who, updated.due_on) == ("张伟", date(2026, 12, 1))
    with pytest.raises(ValidationError):
        services.meetings.update_action(action.id, what=" ")


def test_an_added_action_or_note_can_be_removed_and_restored(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    action = services.meetings.add_action(meeting.id, "提交报告", who="张伟")
    note = services.meetings.add_note(meeting.id, MinuteKind.DECISION, "采用方案B")
    services.meetings.remove_action(action.id)
    services.meetings.remove_note(note.id)
    minutes = services.meetings.minutes(meeting.id)
    assert (minutes.actions, minutes.decisions) == ((), ())
    assert services.meetings.action_count(meeting.id) == 0

    restored = services.meetings.restore_action(action.id)
    assert (restored.number, restored.what, restored.who) == (1, "提交报告", "张伟")
    assert [h.status for h in restored.history] == [ActionStatus.OPEN]
    assert services.meetings.restore_note(note.id).text == "采用方案B"
    minutes = services.meetings.minutes(meeting.id)
    assert [a.id for a in minutes.actions] == [action.id]
    assert [d.id for d in minutes.decisions] == [note.id]


def test_items_of_closed_minutes_cannot_be_removed_or_restored(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    action = services.meetings.add_action(meeting.id, "事项")
    note = services.meetings.add_note(meeting.id, MinuteKind.NOTE, "备注")
    services.meetings.set_status(meeting.id, MeetingStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.meetings.remove_action(action.id)
    with pytest.raises(ValidationError, match="closed"):
        services.meetings.remove_note(note.id)
    services.meetings.set_status(meeting.id, MeetingStatus.IN_PROGRESS)
    services.meetings.remove_action(action.id)
    services.meetings.set_status(meeting.id, MeetingStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.meetings.restore_action(action.id)


def test_starting_a_planned_meeting_records_when_it_really_began(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(
        project_id, MeetingType.OTHER, "会", MONDAY, ends_at=MONDAY + timedelta(hours=1)
    )
    began = MONDAY + timedelta(minutes=7)
    started = services.meetings.start(meeting.id, began)
    assert started.status == MeetingStatus.IN_PROGRESS
    assert (started.starts_at, started.ends_at) == (began, began + timedelta(hours=1))
    closed = services.meetings.set_status(meeting.id, MeetingStatus.CLOSED)
    reopened = services.meetings.start(meeting.id, began + timedelta(days=1))
    assert reopened.status == MeetingStatus.IN_PROGRESS
    assert reopened.starts_at == began  # reopening is no new start
    assert reopened.ends_at == closed.ends_at
    with pytest.raises(ValueError, match="timezone-aware"):
        services.meetings.start(meeting.id, datetime(2026, 11, 23, 14, 0))


def test_a_draft_is_kept_per_meeting_on_this_device_and_not_synced(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    other = services.meetings.create(project_id, MeetingType.OTHER, "另一个会", MONDAY)
    assert services.meetings.load_draft(meeting.id) == ""
    pending = services.sync_status.pending_changes()
    services.meetings.save_draft(meeting.id, "@张伟 明天 提交")
    services.meetings.save_draft(meeting.id, "@张伟 明天 提交调研报告 ")
    assert services.meetings.load_draft(meeting.id) == "@张伟 明天 提交调研报告 "
    assert services.meetings.load_draft(other.id) == ""
    assert services.sync_status.pending_changes() == pending
    services.meetings.save_draft(meeting.id, "   ")
    assert services.meetings.load_draft(meeting.id) == ""
    services.meetings.save_draft(meeting.id, "")  # clearing twice is fine
    assert services.meetings.load_draft(meeting.id) == ""


def test_attendee_candidates_are_the_projects_stakeholders_and_team_not_yet_attending(
    services: Services, project_id: str
) -> None:
    from pm_desktop.storage.models import Person, Stakeholder, TeamAssignment

    other = services.projects.create("另一个项目").id
    with services.store.write() as session:
        boss = Stakeholder(
            project_id=project_id, name="王建国", organisation="华东制造", email="w@c.cn"
        )
        cio = Stakeholder(project_id=project_id, name="赵敏", organisation="信息中心")
        elsewhere = Stakeholder(project_id=other, name="钱多多")
        consultant = Person(project_id=None, name="刘洋", company="咨询公司", email="ly@p.cn")
        benched = Person(project_id=None, name="孙磊")
        session.add_all([boss, cio, elsewhere, consultant, benched])
        session.flush()
        for starts in (date(2026, 11, 1), date(2026, 12, 1)):  # twice on the team: listed once
            session.add(
                TeamAssignment(
                    project_id=project_id,
                    person_id=consultant.id,
                    role_name="顾问",
                    starts_on=starts,
                    ends_on=starts + timedelta(days=20),
                )
            )
        ids = {"boss": boss.id, "cio": cio.id, "consultant": consultant.id}
    meeting = services.meetings.create(project_id, MeetingType.WORKSHOP, "研讨会", MONDAY)

    candidates = services.meetings.attendee_candidates(meeting.id)
    assert [(c.name, c.organisation, c.email) for c in candidates] == [
        ("王建国", "华东制造", "w@c.cn"),
        ("赵敏", "信息中心", ""),
        ("刘洋", "咨询公司", "ly@p.cn"),
    ]
    assert (candidates[0].stakeholder_id, candidates[0].person_id) == (ids["boss"], None)
    assert (candidates[2].stakeholder_id, candidates[2].person_id) == (None, ids["consultant"])
    assert candidates[0].label == "王建国 (华东制造)"

    chosen = candidates[0]
    attendee = services.meetings.add_attendee(
        meeting.id, chosen.name, email=chosen.email, stakeholder_id=chosen.stakeholder_id
    )
    assert (attendee.stakeholder_id, attendee.email) == (ids["boss"], "w@c.cn")
    services.meetings.add_attendee(meeting.id, "刘洋")  # typed by name: not offered again either
    assert [c.name for c in services.meetings.attendee_candidates(meeting.id)] == ["赵敏"]


def test_meeting_details_can_be_corrected_until_the_minutes_close(
    services: Services, project_id: str
) -> None:
    meeting = services.meetings.create(project_id, MeetingType.OTHER, "会", MONDAY)
    later = MONDAY + timedelta(days=1, hours=2)
    updated = services.meetings.update_details(
        meeting.id,
        meeting_type=MeetingType.SOLUTION_REPORT,
        title=" 方案汇报 ",
        starts_at=later,
        location="客户总部",
        series="",
        scribe="黄磊",
    )
    assert (updated.meeting_type, updated.title, updated.starts_at, updated.location) == (
        MeetingType.SOLUTION_REPORT,
        "方案汇报",
        later,
        "客户总部",
    )
    with pytest.raises(ValidationError) as empty:
        services.meetings.update_details(
            meeting.id, meeting_type=MeetingType.OTHER, title=" ", starts_at=later
        )
    assert empty.value.field == "title"
    services.meetings.set_status(meeting.id, MeetingStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.meetings.update_details(
            meeting.id, meeting_type=MeetingType.OTHER, title="改不了", starts_at=later
        )
    assert services.meetings.get(meeting.id).title == "方案汇报"
