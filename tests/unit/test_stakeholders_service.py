"""The stakeholder register, demands, touchpoints and health checks, on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    Attitude,
    DemandStatus,
    MeetingStatus,
    MeetingType,
    RoleClass,
    TouchpointChannel,
)
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.stakeholder_health import WarningKind
from pm_desktop.core.stakeholders import FollowUp, Quadrant
from pm_desktop.core.tracker import TrackerFilter
from pm_desktop.services.container import Services

TODAY = date.today()


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("客户ERP升级").id


def kinds(services: Services, project_id: str, **kwargs: object) -> list[WarningKind]:
    return [w.kind for w in services.stakeholders.health(project_id, **kwargs)]  # type: ignore[arg-type]


def test_register_create_edit_and_read_back(services: Services, project_id: str) -> None:
    boss = services.stakeholders.create(
        project_id, "  王总 ", organisation="客户集团", role_class=RoleClass.ONE_W, power=5
    )
    assert boss.name == "王总"
    assert boss.quadrant is Quadrant.KEEP_SATISFIED  # power 5, interest 3
    li = services.stakeholders.create(project_id, "李经理", reports_to_id=boss.id)
    updated = services.stakeholders.update(li.id, interest=5, attitude=Attitude.SUPPORTER)
    assert (updated.interest, updated.attitude, updated.reports_to_id) == (
        5,
        Attitude.SUPPORTER,
        boss.id,
    )
    names = [r.name for r in services.stakeholders.of_project(project_id)]
    assert sorted(names) == sorted(["王总", "李经理"])


@pytest.mark.parametrize(
    ("field", "value"),
    [("power", 0), ("power", 6), ("interest", 9), ("name", "   "), ("email", "not-an-address")],
)
def test_bad_values_are_refused_at_their_field(
    services: Services, project_id: str, field: str, value: object
) -> None:
    person = services.stakeholders.create(project_id, "张伟")
    with pytest.raises(ValidationError) as caught:
        services.stakeholders.update(person.id, **{field: value})
    assert caught.value.field == field
    assert services.stakeholders.get(person.id) == person


def test_reports_to_refuses_self_loops_and_other_projects(
    services: Services, project_id: str
) -> None:
    a = services.stakeholders.create(project_id, "甲")
    b = services.stakeholders.create(project_id, "乙", reports_to_id=a.id)
    c = services.stakeholders.create(project_id, "丙", reports_to_id=b.id)
    with pytest.raises(ValidationError, match="loop"):
        services.stakeholders.update(a.id, reports_to_id=c.id)
    with pytest.raises(ValidationError, match="themselves"):
        services.stakeholders.update(a.id, reports_to_id=a.id)
    other = services.projects.create("另一个项目").id
    stranger = services.stakeholders.create(other, "外人")
    with pytest.raises(ValidationError):
        services.stakeholders.update(a.id, reports_to_id=stranger.id)
    assert services.stakeholders.get(a.id).reports_to_id is None


def test_delete_keeps_history_readable_and_restore_brings_it_back(
    services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "赵处长")
    services.stakeholders.add_demand(person.id, "每周看到进度报表")
    services.stakeholders.add_touchpoint(
        person.id, TODAY, TouchpointChannel.CALL, summary="确认范围"
    )
    assert services.stakeholders.usage(person.id).touchpoints == 1
    services.stakeholders.remove(person.id)
    assert services.stakeholders.of_project(project_id) == []
    deleted = services.stakeholders.of_project(project_id, include_deleted=True)
    assert [(r.name, r.deleted, len(r.demands)) for r in deleted] == [("赵处长", True, 1)]
    assert [t.summary for t in services.stakeholders.touchpoints(person.id)] == ["确认范围"]
    services.stakeholders.restore(person.id)
    assert services.stakeholders.get(person.id).deleted is False
    with pytest.raises(NotFoundError):
        services.stakeholders.update("no-such-id", name="x")


def test_demands_are_listed_and_addressed(services: Services, project_id: str) -> None:
    person = services.stakeholders.create(project_id, "钱总")
    first = services.stakeholders.add_demand(person.id, "经营数据看板")
    services.stakeholders.add_demand(person.id, "按期上线")
    services.stakeholders.update_demand(first.id, status=DemandStatus.ADDRESSED)
    record = services.stakeholders.get(person.id)
    assert [d.text for d in record.open_demands] == ["按期上线"]
    with pytest.raises(ValidationError):
        services.stakeholders.add_demand(person.id, "  ")


def test_touchpoint_follow_up_becomes_an_action_in_the_tracker(
    services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "孙主任")
    entry = services.stakeholders.add_touchpoint(
        person.id,
        TODAY - timedelta(days=1),
        TouchpointChannel.MEAL,
        our_people="项目经理 陈",
        summary="谈到数据迁移的顾虑",
        follow_up=FollowUp("发送数据迁移方案", who="陈", due_on=TODAY + timedelta(days=3)),
    )
    actions = services.actions.find(TrackerFilter(project_id=project_id))
    assert [(a.action.what, a.action.who, a.action.status) for a in actions] == [
        ("发送数据迁移方案", "陈", ActionStatus.OPEN)
    ]
    assert entry.follow_up_action_id == actions[0].action.id
    services.stakeholders.remove_touchpoint(entry.id)
    assert services.actions.find(TrackerFilter(project_id=project_id)) == []
    services.stakeholders.restore_touchpoint(entry.id)
    assert len(services.actions.find(TrackerFilter(project_id=project_id))) == 1


def test_touchpoint_needs_a_summary_and_a_date_not_in_the_future(
    services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "周")
    with pytest.raises(ValidationError) as caught:
        services.stakeholders.add_touchpoint(person.id, TODAY, TouchpointChannel.CALL)
    assert caught.value.field == "summary"
    with pytest.raises(ValidationError) as caught:
        services.stakeholders.add_touchpoint(
            person.id, TODAY + timedelta(days=1), TouchpointChannel.CALL, summary="x"
        )
    assert caught.value.field == "occurred_on"
    assert services.stakeholders.touchpoints(person.id) == []


def _held_meeting(services: Services, project_id: str, kind: MeetingType, days_ago: int) -> str:
    starts = datetime.now(UTC) - timedelta(days=days_ago)
    meeting = services.meetings.create(project_id, kind, "会议", starts)
    return meeting.id


def test_attended_meetings_count_as_touchpoints(services: Services, project_id: str) -> None:
    person = services.stakeholders.create(project_id, "吴总")
    linked = _held_meeting(services, project_id, MeetingType.WEEKLY_STATUS, 3)
    services.meetings.add_attendee(
        linked, "吴总", stakeholder_id=person.id, attendance=Attendance.PRESENT
    )
    typed = _held_meeting(services, project_id, MeetingType.WORKSHOP, 10)
    services.meetings.add_attendee(typed, "吴总 ", attendance=Attendance.PRESENT)
    absent = _held_meeting(services, project_id, MeetingType.WORKSHOP, 1)
    services.meetings.add_attendee(absent, "吴总", stakeholder_id=person.id)
    entries = services.stakeholders.touchpoints(person.id)
    assert [e.meeting_id for e in entries] == [linked, typed]
    assert all(e.channel is TouchpointChannel.MEETING and e.from_meeting for e in entries)


def test_health_one_w_missing_duplicated_and_without_demands(
    services: Services, project_id: str
) -> None:
    assert kinds(services, project_id) == [WarningKind.NO_ONE_W]
    boss = services.stakeholders.create(project_id, "王总", role_class=RoleClass.ONE_W)
    assert kinds(services, project_id) == [WarningKind.ONE_W_WITHOUT_DEMANDS]
    services.stakeholders.add_demand(boss.id, "看到经营改善")
    second = services.stakeholders.create(project_id, "刘总", role_class=RoleClass.ONE_W)
    services.stakeholders.add_demand(second.id, "成本下降")
    assert WarningKind.SEVERAL_ONE_W in kinds(services, project_id)
    services.stakeholders.remove(second.id)
    assert kinds(services, project_id) == [WarningKind.OPEN_DEMANDS]


def test_health_one_w_at_key_meetings(services: Services, project_id: str) -> None:
    boss = services.stakeholders.create(project_id, "王总", role_class=RoleClass.ONE_W)
    services.stakeholders.add_demand(boss.id, "看到经营改善", status=DemandStatus.ADDRESSED)
    kickoff = _held_meeting(services, project_id, MeetingType.KICKOFF, 20)
    _held_meeting(  # not a key meeting: no warning
        services, project_id, MeetingType.WEEKLY_STATUS, 5
    )
    services.meetings.create(  # not held yet: no warning
        project_id, MeetingType.ACCEPTANCE, "验收会", datetime.now(UTC) + timedelta(days=9)
    )
    warnings = services.stakeholders.health(project_id)
    assert [(w.kind, w.meeting_id) for w in warnings] == [(WarningKind.ONE_W_NOT_INVITED, kickoff)]
    attendee = services.meetings.add_attendee(kickoff, "王总", stakeholder_id=boss.id)
    services.meetings.set_status(kickoff, MeetingStatus.CLOSED)
    assert kinds(services, project_id) == [WarningKind.ONE_W_ABSENT]
    services.meetings.set_status(kickoff, MeetingStatus.IN_PROGRESS)
    services.meetings.set_attendance(attendee.id, Attendance.PRESENT)
    assert kinds(services, project_id) == []


def test_health_strong_c_and_powerful_opponent_out_of_touch(
    services: Services, project_id: str
) -> None:
    boss = services.stakeholders.create(project_id, "王总", role_class=RoleClass.ONE_W)
    services.stakeholders.add_demand(boss.id, "x", status=DemandStatus.ADDRESSED)
    owner = services.stakeholders.create(project_id, "业务总监", role_class=RoleClass.STRONG_C)
    foe = services.stakeholders.create(project_id, "财务总监", attitude=Attitude.OPPONENT, power=5)
    services.stakeholders.create(project_id, "小职员", attitude=Attitude.OPPONENT, power=2)
    warnings = services.stakeholders.health(project_id)
    assert {(w.kind, w.stakeholder_id, w.days) for w in warnings} == {
        (WarningKind.STRONG_C_OUT_OF_TOUCH, owner.id, None),
        (WarningKind.OPPONENT_OUT_OF_TOUCH, foe.id, None),
    }
    services.stakeholders.add_touchpoint(
        owner.id, TODAY - timedelta(days=31), TouchpointChannel.VISIT, summary="拜访"
    )
    services.stakeholders.add_touchpoint(
        foe.id, TODAY - timedelta(days=13), TouchpointChannel.CALL, summary="电话"
    )
    warnings = services.stakeholders.health(project_id)
    assert [(w.kind, w.days) for w in warnings] == [(WarningKind.STRONG_C_OUT_OF_TOUCH, 31)]
    assert kinds(services, project_id, strong_c_days=45) == []
    later = TODAY + timedelta(days=1)
    assert WarningKind.OPPONENT_OUT_OF_TOUCH in kinds(
        services, project_id, today=later, strong_c_days=45
    )


def test_health_on_the_demo_project(services: Services) -> None:
    from pm_desktop.services.demo import create_demo_project

    create_demo_project(services.store.sessions)
    project = next(p for p in services.projects.list() if p.name)
    warnings = services.stakeholders.health(project.id)
    assert all(w.stakeholder_id or w.kind is WarningKind.NO_ONE_W for w in warnings)


def test_a_key_meeting_in_progress_is_not_judged_until_closed(
    services: Services, project_id: str
) -> None:
    boss = services.stakeholders.create(project_id, "王总", role_class=RoleClass.ONE_W)
    services.stakeholders.add_demand(boss.id, "x", status=DemandStatus.ADDRESSED)
    meeting = services.meetings.create(
        project_id, MeetingType.SOLUTION_REPORT, "方案汇报", datetime.now(UTC)
    )
    services.meetings.start(meeting.id, datetime.now(UTC))
    services.meetings.add_attendee(meeting.id, "王总", stakeholder_id=boss.id)
    assert kinds(services, project_id) == []  # the scribe has not marked anyone yet
    services.meetings.set_status(meeting.id, MeetingStatus.CLOSED)
    assert kinds(services, project_id) == [WarningKind.ONE_W_ABSENT]


def test_removing_a_touchpoint_keeps_a_follow_up_already_done(
    services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "孙主任")
    entry = services.stakeholders.add_touchpoint(
        person.id,
        TODAY,
        TouchpointChannel.CALL,
        summary="电话",
        follow_up=FollowUp("发方案", who="陈"),
    )
    assert entry.follow_up_action_id is not None
    services.meetings.set_action_status([entry.follow_up_action_id], ActionStatus.DONE)
    services.stakeholders.remove_touchpoint(entry.id)
    actions = services.actions.find(TrackerFilter(project_id=project_id))
    assert [(a.action.what, a.action.status) for a in actions] == [("发方案", ActionStatus.DONE)]


def test_restoring_someone_whose_reports_to_line_would_loop_clears_it(
    services: Services, project_id: str
) -> None:
    a = services.stakeholders.create(project_id, "甲")
    b = services.stakeholders.create(project_id, "乙", reports_to_id=a.id)
    c = services.stakeholders.create(project_id, "丙", reports_to_id=b.id)
    services.stakeholders.remove(b.id)
    services.stakeholders.update(a.id, reports_to_id=c.id)  # allowed: 乙 is gone
    services.stakeholders.restore(b.id)
    assert services.stakeholders.get(b.id).reports_to_id is None
    assert services.stakeholders.get(c.id).reports_to_id == b.id


def test_demands_of_one_day_keep_the_order_they_were_recorded(
    services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "钱总")
    texts = [f"诉求{n}" for n in range(12)]
    for text in texts:
        services.stakeholders.add_demand(person.id, text)
    assert [d.text for d in services.stakeholders.get(person.id).demands] == texts
    assert [d.text for d in services.stakeholders.of_project(project_id)[0].demands] == texts


def test_the_register_and_the_import_agree_on_e_mail_addresses(
    services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "李")
    for bad in ("zhou7.client.cn", "bad@@", "zs@x", "a b@c.cn"):
        with pytest.raises(ValidationError):
            services.stakeholders.update(person.id, email=bad)
    assert services.stakeholders.update(person.id, email="li@client.cn").email == "li@client.cn"
