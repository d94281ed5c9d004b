"""The resource calendar on a real SQLite file: heatmaps, site visits, time away."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.resource_load import HeatmapRow, ResourceHeatmap
from pm_desktop.services.container import Services

T = date(2026, 9, 28)  # a Monday, before the National Day holiday
MON = date(2026, 11, 2)


def on(heatmap: ResourceHeatmap, row: HeatmapRow, day: date) -> int:
    return row.loads[heatmap.columns.index(day)]


def task(
    services: Services, project_id: str, name: str, starts: date, days: int = 1, **fields: Any
) -> str:
    """A task placed to start on ``starts`` (a working day), ``days`` working days long."""
    made = services.plan.add_task(project_id, name, duration_days=days, **fields)
    services.plan.move_task(made.id, starts)
    return made.id


@pytest.fixture
def project_a(services: Services) -> str:
    return services.projects.create("华东制造集团MES二期", contract_signed_on=T).id


@pytest.fixture
def project_b(services: Services) -> str:
    return services.projects.create("华南零售数据中台", contract_signed_on=T).id


@pytest.fixture
def wang(services: Services) -> str:
    return services.team.add_person("王工").id


@pytest.fixture
def statements(services: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(args[2])

    reads = services.store.reads.kw["bind"]  # the engine of the read-only sessions
    event.listen(reads, "before_cursor_execute", count)
    yield seen
    event.remove(reads, "before_cursor_execute", count)


def test_the_team_reservation_and_task_work_do_not_double_count_but_projects_add(
    services: Services, project_a: str, project_b: str, wang: str
) -> None:
    services.team.assign(
        project_a, wang, "实施顾问", MON, MON + timedelta(days=11), allocation_pct=50
    )
    deploy = task(services, project_a, "部署", MON + timedelta(days=2), 2)  # Wed, Thu
    services.plan.assign_task(deploy, wang, 100)
    support = task(services, project_b, "数据支持", MON + timedelta(days=3))  # Thu
    services.plan.assign_task(support, wang, 60)
    li = services.team.add_person("李工").id
    services.team.assign(project_b, li, "开发", MON, MON + timedelta(days=30))

    heatmap = services.resources.heatmap(project_a, MON, MON + timedelta(days=6))
    [row] = heatmap.rows  # 李工 works on B only
    assert (row.name, row.loads) == ("王工", (50, 50, 100, 160, 50, 0, 0))
    assert row.over == (False, False, False, True, False, False, False)
    assert row.projects == (project_a, project_b)
    assert row.by_project[project_b] == (0, 0, 0, 60, 0, 0, 0)
    assert heatmap.project_names[project_b] == "华南零售数据中台"


def test_the_pool_heatmap_has_everyone_and_drops_removed_bookings(
    services: Services, project_a: str, wang: str
) -> None:
    li = services.team.add_person("李工").id
    reservation = services.team.assign(project_a, wang, "架构师", MON, MON + timedelta(days=4))
    work = task(services, project_a, "方案评审", MON)
    assigned = services.plan.assign_task(work, li, 50)
    gone = task(services, project_a, "已取消", MON + timedelta(days=1))
    services.plan.assign_task(gone, li, 100)
    services.plan.remove_task(gone)

    heatmap = services.resources.heatmap(None, MON, MON + timedelta(days=4))
    loads = {r.name: r.loads for r in heatmap.rows}
    assert loads == {"李工": (50, 0, 0, 0, 0), "王工": (100,) * 5}
    services.team.remove_assignment(reservation.id)
    services.plan.unassign_task(assigned)
    heatmap = services.resources.heatmap(None, MON, MON + timedelta(days=4))
    assert [(r.name, r.peak, r.projects) for r in heatmap.rows] == [
        ("李工", 0, ()),
        ("王工", 0, ()),
    ]


def test_holidays_carry_no_load_and_the_project_calendar_counts(
    services: Services, project_a: str, wang: str
) -> None:
    end = date(2026, 10, 16)
    services.team.assign(project_a, wang, "项目经理（PM）", T, end)
    services.plan.set_calendar_day(project_a, date(2026, 10, 9), False, "客户停电")

    heatmap = services.resources.heatmap(project_a, T, end)
    [row] = heatmap.rows
    national_day = [date(2026, 10, 1) + timedelta(days=n) for n in range(7)]
    assert all(on(heatmap, row, d) == 0 for d in national_day)
    assert on(heatmap, row, date(2026, 10, 8)) == 100
    assert on(heatmap, row, date(2026, 10, 9)) == 0  # the project's site is closed
    assert on(heatmap, row, date(2026, 10, 10)) == 100  # Saturday, an adjusted working day
    assert on(heatmap, row, date(2026, 10, 11)) == 0
    assert not heatmap.working[heatmap.columns.index(date(2026, 10, 1))]
    pool = services.resources.heatmap(None, T, end)  # the statutory calendar
    assert on(pool, pool.rows[0], date(2026, 10, 9)) == 100


def test_the_weekly_heatmap_averages_working_days(
    services: Services, project_a: str, wang: str
) -> None:
    services.team.assign(project_a, wang, "开发", MON, MON + timedelta(days=11), allocation_pct=80)
    services.plan.assign_task(task(services, project_a, "联调", MON + timedelta(days=7), 2), wang)
    heatmap = services.resources.heatmap(project_a, MON, MON + timedelta(days=13), weekly=True)
    [row] = heatmap.rows
    assert heatmap.weekly
    assert heatmap.columns == (MON, MON + timedelta(days=7))
    assert row.loads == (80, 88)  # (100 + 100 + 80 * 3) / 5
    assert row.peaks == (80, 100)
    assert row.over == (False, False)


def test_time_away_is_flagged_where_it_clashes_with_a_booking(
    services: Services, project_a: str, wang: str
) -> None:
    services.team.assign(project_a, wang, "测试", MON, MON + timedelta(days=4))
    leave = services.resources.add_unavailability(
        wang, MON + timedelta(days=3), MON + timedelta(days=9), "  年假 "
    )
    [absence] = services.resources.unavailability(wang)
    assert (absence.id, absence.reason) == (leave, "年假")

    heatmap = services.resources.heatmap(project_a, MON, MON + timedelta(days=6))
    [row] = heatmap.rows
    assert row.away == (False, False, False, True, True, True, True)
    assert row.conflicts == (False, False, False, True, True, False, False)
    services.resources.remove_unavailability(leave)
    assert services.resources.unavailability(wang) == []
    assert not any(services.resources.heatmap(project_a, MON, MON).rows[0].away)
    services.resources.restore_unavailability(leave)
    assert [a.id for a in services.resources.unavailability(wang)] == [leave]


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ((MON, MON - timedelta(days=1), ""), "ends_on"),
        (("2026-11-02", MON, ""), "starts_on"),
        ((MON, MON + timedelta(days=800), ""), "ends_on"),
        ((MON, MON, "长" * 501), "reason"),
    ],
)
def test_bad_time_away_is_refused_with_the_field_named(
    services: Services, wang: str, given: tuple[Any, Any, str], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.resources.add_unavailability(wang, *given)
    assert caught.value.field == field
    assert services.resources.unavailability(wang) == []


def test_unknown_people_projects_and_bad_periods_are_refused(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.resources.add_unavailability("nobody", MON, MON)
    with pytest.raises(NotFoundError):
        services.resources.heatmap("no-project", MON, MON)
    with pytest.raises(ValidationError) as caught:
        services.resources.heatmap(None, MON, MON - timedelta(days=1))
    assert caught.value.field == "end"
    with pytest.raises(NotFoundError):
        services.resources.visits("nobody", from_day=MON)


def test_visits_merge_over_weekends_split_on_free_working_days_and_say_when_to_tell(
    services: Services, project_a: str, project_b: str, wang: str
) -> None:
    friday, monday, wednesday = (
        MON + timedelta(days=4),
        MON + timedelta(days=7),
        MON + timedelta(days=9),
    )
    for name, starts in (("需求调研", friday), ("访谈", monday), ("方案汇报", wednesday)):
        services.plan.assign_task(task(services, project_a, name, starts), wang)
    services.team.assign(project_b, wang, "架构师", monday, monday, allocation_pct=40)

    visits = services.resources.visits(wang, from_day=MON)
    assert [(v.project_name, v.starts_on, v.ends_on, v.labels) for v in visits] == [
        ("华东制造集团MES二期", friday, monday, ("需求调研", "访谈")),
        ("华南零售数据中台", monday, monday, ("架构师",)),
        ("华东制造集团MES二期", wednesday, wednesday, ("方案汇报",)),
    ]
    assert visits[0].tell_by == date(2026, 10, 30)  # 5 working days before Fri 6 Nov
    assert (visits[0].working_days, visits[0].peak_percent) == (2, 100)
    later = services.resources.visits(wang, from_day=monday + timedelta(days=1))
    assert [v.starts_on for v in later] == [wednesday]


def test_milestones_of_projects_by_date(services: Services, project_a: str) -> None:
    task(services, project_a, "上线", MON + timedelta(days=3), 0, is_milestone=True)
    task(services, project_a, "验收", MON + timedelta(days=10), 0, is_milestone=True)
    task(services, project_a, "开发", MON, 3)
    found = services.resources.milestones([project_a])
    assert [(m.name, m.project_name) for m in found] == [
        ("上线", "华东制造集团MES二期"),
        ("验收", "华东制造集团MES二期"),
    ]
    assert found[0].on == MON + timedelta(days=3)
    assert [
        m.name for m in services.resources.milestones([project_a], from_day=MON + timedelta(days=5))
    ] == ["验收"]


def test_a_heatmap_reads_with_a_few_queries_whatever_the_team(
    services: Services, project_a: str, project_b: str, statements: list[str]
) -> None:
    def queries() -> int:
        statements.clear()
        services.resources.heatmap(project_a, MON, MON + timedelta(days=30))
        services.resources.heatmap(None, MON, MON + timedelta(days=30))
        return len(statements)

    person = services.team.add_person("甲").id
    services.team.assign(project_a, person, "开发", MON, MON + timedelta(days=10))
    few = queries()
    for n in range(6):
        person = services.team.add_person(f"乙{n}").id
        services.team.assign(project_a, person, "开发", MON, MON + timedelta(days=10))
        services.team.assign(project_b, person, "开发", MON, MON + timedelta(days=10))
        services.plan.assign_task(task(services, project_b, f"任务{n}", MON), person)
    assert queries() == few
    assert 0 < few <= 14, few


def test_a_phase_booked_with_its_tasks_does_not_count_twice(
    services: Services, project_a: str, wang: str
) -> None:
    phase = services.plan.add_task(project_a, "阶段")
    inner = task(services, project_a, "调研", MON, 3, parent_id=phase.id)
    services.plan.assign_task(phase.id, wang, 100)
    services.plan.assign_task(inner, wang, 100)
    heatmap = services.resources.heatmap(project_a, MON, MON + timedelta(days=6))
    (row,) = heatmap.rows
    assert on(heatmap, row, MON) == 100
    assert not any(row.over)
