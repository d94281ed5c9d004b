"""The demo project: what a user opening it would notice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pm_desktop.__main__ import main
from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    MailState,
    MeetingStatus,
    MeetingType,
    PoolEventKind,
    ProjectType,
    RoleClass,
    ServiceOrderType,
)
from pm_desktop.services.container import Services
from pm_desktop.services.demo import create_demo_project
from pm_desktop.storage.models import (
    ActionItem,
    ActionStatusChange,
    ChangeLogEntry,
    Demand,
    Meeting,
    MeetingAttendee,
    MinuteEntry,
    OutboxMessage,
    OutboxRecipient,
    Person,
    PlanTask,
    PoolEvent,
    Stakeholder,
    TaskDependency,
    TeamAssignment,
    Touchpoint,
)

# Today, just after Golden Week, just after the Spring Festival, and across a new year.
TODAYS = [None, date(2026, 10, 12), date(2026, 3, 2), date(2027, 1, 8)]


@pytest.fixture(
    scope="module", params=TODAYS, ids=lambda d: "today" if d is None else d.isoformat()
)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Services, date]]:
    """One demo database per date, shared by the tests that only read it."""
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    today: date | None = request.param
    create_demo_project(services.store.sessions, today=today)
    try:
        yield services, today or date.today()
    finally:
        services.close()


def _session(services: Services) -> Session:
    return services.store.sessions()


def _kickoff(session: Session) -> Meeting:
    return session.scalars(select(Meeting).where(Meeting.meeting_type == MeetingType.KICKOFF)).one()


def test_one_consulting_project_signed_weeks_ago(demo: tuple[Services, date]) -> None:
    services, today = demo
    [project] = services.projects.list()
    assert project.project_type == ProjectType.CONSULTING
    assert "制造" in project.client
    assert project.contract_signed_on is not None
    assert today - timedelta(weeks=8) < project.contract_signed_on < today - timedelta(weeks=3)


def test_exactly_one_1w_and_one_strong_c_with_demands(demo: tuple[Services, date]) -> None:
    services, _ = demo
    with _session(services) as session:
        stakeholders = session.scalars(select(Stakeholder)).all()
        by_role = {role: [s for s in stakeholders if s.role_class == role] for role in RoleClass}
        [one_w] = by_role[RoleClass.ONE_W]
        [strong_c] = by_role[RoleClass.STRONG_C]
        assert one_w.power == 5
        assert strong_c.reports_to_id == one_w.id
        assert by_role[RoleClass.KEY_USER]
        assert by_role[RoleClass.IT_OWNER]
        assert by_role[RoleClass.PROCUREMENT]
        assert any(s.attitude == "opponent" for s in stakeholders)
        demands = session.scalars(select(Demand)).all()
        assert {d.stakeholder_id for d in demands} == {one_w.id, strong_c.id}
        touched = set(session.scalars(select(Touchpoint.stakeholder_id)))
        assert {one_w.id, strong_c.id} <= touched


def test_kickoff_held_with_the_1w_and_complete_actions(demo: tuple[Services, date]) -> None:
    services, today = demo
    with _session(services) as session:
        kickoff = _kickoff(session)
        assert kickoff.status == MeetingStatus.CLOSED
        assert kickoff.starts_at.tzinfo is not None
        assert kickoff.starts_at.utcoffset() == timedelta(0)
        assert kickoff.starts_at.hour == 6  # 14:00 in Beijing
        assert kickoff.starts_at.date() < today
        one_w = session.scalars(
            select(Stakeholder).where(Stakeholder.role_class == RoleClass.ONE_W)
        ).one()
        attendance = session.scalars(
            select(MeetingAttendee.attendance).where(
                MeetingAttendee.meeting_id == kickoff.id,
                MeetingAttendee.stakeholder_id == one_w.id,
            )
        ).one()
        assert attendance == Attendance.PRESENT
        actions = session.scalars(
            select(ActionItem)
            .where(ActionItem.meeting_id == kickoff.id)
            .order_by(ActionItem.number)
        ).all()
        assert [a.number for a in actions] == list(range(1, len(actions) + 1))
        assert all(a.who and a.due_on and a.what and a.why and a.how for a in actions)
        decisions = session.scalars(
            select(MinuteEntry).where(MinuteEntry.meeting_id == kickoff.id)
        ).all()
        assert any(d.kind == "decision" for d in decisions)


def test_meetings_past_and_future(demo: tuple[Services, date]) -> None:
    services, today = demo
    with _session(services) as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
        kinds = {m.meeting_type for m in meetings}
        assert {
            MeetingType.KICKOFF,
            MeetingType.SOLUTION_REPORT,
            MeetingType.WEEKLY_STATUS,
        } <= kinds
        weekly = [m for m in meetings if m.series == "周例会"]
        assert len(weekly) == 3
        assert meetings[0].meeting_type == MeetingType.KICKOFF
        [planned] = [m for m in meetings if m.status == MeetingStatus.PLANNED]
        assert planned.meeting_type == MeetingType.SOLUTION_REPORT
        assert planned.starts_at.date() > today
        for meeting in meetings:
            assert meeting.ends_at is not None
            assert meeting.starts_at < meeting.ends_at
            if meeting.status == MeetingStatus.CLOSED:
                assert meeting.starts_at.astimezone(UTC).date() < today


def test_action_items_done_open_incomplete_and_carried(demo: tuple[Services, date]) -> None:
    services, _ = demo
    with _session(services) as session:
        meetings = {m.id: m for m in session.scalars(select(Meeting))}
        actions = session.scalars(select(ActionItem)).all()
        statuses = {a.status for a in actions}
        assert {ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.IN_PROGRESS} <= statuses
        assert any(not a.who for a in actions)
        assert any(a.due_on is None for a in actions)
        for action in actions:
            assert (action.completed_on is not None) == (action.status == ActionStatus.DONE)
            assert bool(action.who) == bool(action.owner_stakeholder_id or action.owner_person_id)
        carried = [a for a in actions if a.carried_to_meeting_id]
        assert carried
        for action in carried:
            assert action.status != ActionStatus.DONE
            assert action.meeting_id is not None
            assert action.carried_to_meeting_id is not None
            source, target = meetings[action.meeting_id], meetings[action.carried_to_meeting_id]
            assert source.starts_at < target.starts_at
        for action in actions:
            history = session.scalars(
                select(ActionStatusChange)
                .where(ActionStatusChange.action_id == action.id)
                .order_by(ActionStatusChange.changed_at)
            ).all()
            assert history[0].status == ActionStatus.OPEN
            assert history[-1].status == action.status


def test_plan_follows_the_consulting_seed(demo: tuple[Services, date]) -> None:
    services, _ = demo
    with _session(services) as session:
        tasks = {t.id: t for t in session.scalars(select(PlanTask))}
        phases = sorted(
            (t for t in tasks.values() if t.parent_id is None), key=lambda t: t.wbs_code
        )
        assert [p.name for p in phases] == [
            "项目准备",
            "调研与需求分析",
            "研讨会与方案设计",
            "执行规划与监控",
            "知识转移与持续改进",
        ]
        assert all(
            tasks[t.parent_id].wbs_code + "." in t.wbs_code for t in tasks.values() if t.parent_id
        )
        assert sum(t.is_milestone for t in tasks.values()) >= 5
        for dep in session.scalars(select(TaskDependency)):
            before, after = tasks[dep.predecessor_id], tasks[dep.successor_id]
            assert before.finish_on is not None
            assert after.start_on is not None
            assert before.finish_on <= after.start_on
        for task in tasks.values():
            assert task.start_on is not None
            assert task.finish_on is not None
            assert task.start_on <= task.finish_on
            assert 0 <= task.percent_complete <= 100


def test_pool_and_team(demo: tuple[Services, date]) -> None:
    services, _ = demo
    with _session(services) as session:
        people = session.scalars(select(Person)).all()
        assert len(people) == 8
        assert all(p.project_id is None and p.day_rate_fen > 0 for p in people)
        assert all(p.month_rate_fen > p.day_rate_fen for p in people)
        kinds = set(session.scalars(select(PoolEvent.kind)))
        assert {PoolEventKind.ENTERED, PoolEventKind.RED, PoolEventKind.BLACK} <= kinds
        orders = set(session.scalars(select(TeamAssignment.service_order_type)))
        assert orders == set(ServiceOrderType)


def test_minutes_waiting_in_the_outbox(demo: tuple[Services, date]) -> None:
    services, _ = demo
    with _session(services) as session:
        message = session.scalars(select(OutboxMessage)).one()
        assert message.queued_by_device == services.store.device_id
        recipients = session.scalars(select(OutboxRecipient)).all()
        assert recipients
        assert all(r.state == MailState.WAITING for r in recipients)
        assert all(r.address.endswith(".example") for r in recipients)


def test_everything_is_in_the_change_log(demo: tuple[Services, date]) -> None:
    services, _ = demo
    assert services.sync_status.pending_changes() > 0
    with _session(services) as session:
        logged = session.scalar(
            select(func.count(func.distinct(ChangeLogEntry.row_id))).where(
                ChangeLogEntry.table_name == "action_items"
            )
        )
        assert logged == session.scalar(select(func.count()).select_from(ActionItem))


def test_demo_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(tmp_path / "cli.sqlite")]) == 0
    assert "华东某制造集团" in capsys.readouterr().out
