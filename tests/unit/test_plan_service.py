"""The master plan on a real SQLite file: scheduling from T, re-flow, cycles, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from pm_desktop.core.errors import ValidationError
from pm_desktop.core.plan_exchange import (
    PlanDependency,
    PlanDocument,
    PlanEntry,
    PlanFileError,
    PlanResource,
)
from pm_desktop.core.schedule import DependencyCycleError
from pm_desktop.services.container import Services
from pm_desktop.services.plan import CalendarDay

T = date(2026, 9, 28)


@pytest.fixture
def project_id(services: Services) -> str:
    project = services.projects.create("咨询项目", contract_signed_on=T)
    return project.id


def by_name(services: Services, project_id: str) -> dict[str, object]:
    return {t.name: t for t in services.plan.tasks(project_id)}


def test_the_consulting_template_follows_the_seed_relative_to_t(
    services: Services, project_id: str
) -> None:
    services.plan.apply_template(project_id, "consulting")
    tasks = {t.name: t for t in services.plan.tasks(project_id)}
    prep = tasks["项目准备"]
    assert (prep.start_on, prep.wbs_code) == (T, "1")
    assert prep.finish_on == date(2026, 10, 9)  # 5 working days: National Day in between
    transfer = tasks["知识转移与持续改进（T+2至T+6个月）"]
    assert transfer.offset_days == 44
    design = tasks["研讨会与方案设计（至T+2个月）"]
    assert design.critical or design.total_float >= 0
    assert all(t.start_on is not None and t.start_on >= T for t in tasks.values())


def test_changing_t_reflows_the_plan(services: Services, project_id: str) -> None:
    services.plan.apply_template(project_id, "consulting")
    before = {t.id: t.start_on for t in services.plan.tasks(project_id)}
    services.plan.set_contract_date(project_id, date(2026, 11, 2))
    after = {t.id: t.start_on for t in services.plan.tasks(project_id)}
    assert all(after[i] is not None and after[i] > before[i] for i in before)  # type: ignore[operator]


def test_a_dependency_cycle_is_refused_and_the_plan_unchanged(
    services: Services, project_id: str
) -> None:
    a = services.plan.add_task(project_id, "甲", duration_days=2)
    b = services.plan.add_task(project_id, "乙", duration_days=3)
    services.plan.add_link(a.id, b.id)
    with pytest.raises(DependencyCycleError, match="甲"):
        services.plan.add_link(b.id, a.id)
    assert len(services.plan.links(project_id)) == 1
    assert by_name(services, project_id)["乙"].start_on > T  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"duration_days": -1}, "duration_days"), ({"offset_days": -3}, "offset_days")],
)
def test_negative_durations_and_dates_before_t_are_refused(
    services: Services, project_id: str, changes: dict[str, int], field: str
) -> None:
    task = services.plan.add_task(project_id, "调研", duration_days=4)
    with pytest.raises(ValidationError) as caught:
        services.plan.update_task(task.id, **changes)
    assert caught.value.field == field
    assert services.plan.tasks(project_id)[0].duration_days == 4


def test_summaries_wbs_codes_and_baseline(services: Services, project_id: str) -> None:
    phase = services.plan.add_task(project_id, "阶段一")
    first = services.plan.add_task(project_id, "任务1", parent_id=phase.id, duration_days=3)
    services.plan.add_task(project_id, "任务2", parent_id=phase.id, duration_days=2)
    tasks = by_name(services, project_id)
    assert [tasks[n].wbs_code for n in ("阶段一", "任务1", "任务2")] == ["1", "1.1", "1.2"]  # type: ignore[attr-defined]
    services.plan.save_baseline(project_id)
    services.plan.update_task(first.id, duration_days=6)
    moved = by_name(services, project_id)["任务1"]
    assert moved.baseline_finish_on is not None  # type: ignore[attr-defined]
    assert moved.finish_on > moved.baseline_finish_on  # type: ignore[attr-defined]


def test_removing_a_phase_takes_its_tasks_links_and_people_and_undo_brings_them_back(
    services: Services, project_id: str
) -> None:
    phase = services.plan.add_task(project_id, "阶段一")
    inner = services.plan.add_task(project_id, "任务1", parent_id=phase.id, duration_days=3)
    after = services.plan.add_task(project_id, "验收", duration_days=2)
    services.plan.add_link(inner.id, after.id)
    person = services.team.add_person("王工")
    services.plan.assign_task(inner.id, person.id, 50)

    removed = services.plan.remove_task(phase.id)
    assert [t.name for t in services.plan.tasks(project_id)] == ["验收"]
    assert services.plan.links(project_id) == []
    assert services.plan.task_assignments(project_id) == []
    assert by_name(services, project_id)["验收"].start_on == T  # type: ignore[attr-defined]

    services.plan.restore(removed)
    assert [t.name for t in services.plan.tasks(project_id)] == ["阶段一", "任务1", "验收"]
    assert len(services.plan.links(project_id)) == 1
    assert [(a.person_name, a.units_pct) for a in services.plan.task_assignments(project_id)] == [
        ("王工", 50)
    ]
    assert by_name(services, project_id)["验收"].start_on > T  # type: ignore[attr-defined]


def test_moving_a_task_sets_its_earliest_start_in_working_days(
    services: Services, project_id: str
) -> None:
    task = services.plan.add_task(project_id, "调研", duration_days=3)
    moved = services.plan.move_task(task.id, date(2026, 10, 3))  # National Day: not working
    assert (moved.start_on, moved.finish_on) == (date(2026, 10, 8), date(2026, 10, 10))
    assert moved.offset_days == 3  # Sep 28, 29, 30 lie between T and the new start
    with pytest.raises(ValidationError) as caught:
        services.plan.move_task(task.id, date(2026, 9, 1))
    assert caught.value.field == "offset_days"
    assert by_name(services, project_id)["调研"].start_on == date(2026, 10, 8)  # type: ignore[attr-defined]


def test_indent_outdent_keep_outline_order_and_refuse_loops(
    services: Services, project_id: str
) -> None:
    a = services.plan.add_task(project_id, "甲")
    b = services.plan.add_task(project_id, "乙")
    c = services.plan.add_task(project_id, "丙")
    assert services.plan.indent(b.id) is None
    services.plan.indent(c.id)
    services.plan.indent(c.id)  # under 乙 now
    assert [(t.wbs_code, t.name) for t in services.plan.tasks(project_id)] == [
        ("1", "甲"),
        ("1.1", "乙"),
        ("1.1.1", "丙"),
    ]
    with pytest.raises(ValidationError, match="甲"):
        services.plan.update_task(a.id, parent_id=c.id)
    services.plan.outdent(b.id)
    assert [(t.wbs_code, t.name) for t in services.plan.tasks(project_id)] == [
        ("1", "甲"),
        ("2", "乙"),
        ("2.1", "丙"),
    ]
    with pytest.raises(ValidationError):
        services.plan.indent(a.id)


def test_a_worked_weekend_and_a_closed_site_day_reflow_the_plan(
    services: Services, project_id: str
) -> None:
    task = services.plan.add_task(project_id, "部署", duration_days=3)
    assert services.plan.tasks(project_id)[0].finish_on == date(2026, 9, 30)
    previous = services.plan.set_calendar_day(project_id, date(2026, 9, 29), False, "机房停电")
    assert previous is None
    assert services.plan.tasks(project_id)[0].finish_on == date(2026, 10, 8)
    services.plan.set_calendar_day(project_id, date(2026, 10, 3), True, "周末加班")
    assert services.plan.tasks(project_id)[0].finish_on == date(2026, 10, 3)
    assert [(d.on_date, d.is_working) for d in services.plan.calendar_days(project_id)] == [
        (date(2026, 9, 29), False),
        (date(2026, 10, 3), True),
    ]
    back = services.plan.set_calendar_day(project_id, date(2026, 9, 29), None)
    assert back == CalendarDay(date(2026, 9, 29), False, "机房停电")
    assert services.plan.get_task(task.id).finish_on == date(2026, 9, 30)


def test_a_task_assignment_is_one_per_person_and_units_are_checked(
    services: Services, project_id: str
) -> None:
    task = services.plan.add_task(project_id, "调研")
    person = services.team.add_person("李四")
    assignment = services.plan.assign_task(task.id, person.id, 80)
    with pytest.raises(ValidationError, match="李四"):
        services.plan.assign_task(task.id, person.id)
    with pytest.raises(ValidationError) as caught:
        services.plan.update_task_assignment(assignment, 120)
    assert caught.value.field == "units_pct"
    assert services.plan.task_assignments(project_id)[0].units_pct == 80


def test_a_plan_document_round_trips_and_a_bad_one_changes_nothing(
    services: Services, project_id: str
) -> None:
    services.plan.apply_template(project_id, "consulting")
    tasks = services.plan.tasks(project_id)
    services.plan.assign_task(tasks[1].id, services.team.add_person("张三").id, 50)
    document = services.plan.export_document(project_id)
    other = services.projects.create("复制", contract_signed_on=T).id
    summary = services.plan.import_document(other, document)
    assert summary.people_added == ()
    copied = services.plan.tasks(other)
    assert [(t.name, t.start_on, t.finish_on) for t in copied] == [
        (t.name, t.start_on, t.finish_on) for t in tasks
    ]
    assert len(services.plan.links(other)) == len(services.plan.links(project_id))
    assert services.plan.export_document(other).entries[1].resources == (PlanResource("张三", 50),)

    looping = PlanDocument(
        entries=(PlanEntry("1", "甲", resources=(PlanResource("新人"),)), PlanEntry("2", "乙")),
        dependencies=(PlanDependency("1", "2"), PlanDependency("2", "1")),
    )
    with pytest.raises(DependencyCycleError):
        services.plan.import_document(other, looping, replace=True)
    unknown = PlanDocument(
        entries=(PlanEntry("1", "甲"),), dependencies=(PlanDependency("1", "9"),)
    )
    with pytest.raises(PlanFileError, match="9"):
        services.plan.import_document(other, unknown)
    assert [t.name for t in services.plan.tasks(other)] == [t.name for t in tasks]
    assert "新人" not in [p.name for p in services.team.people()]


def test_replacing_a_plan_by_import_can_be_undone(services: Services, project_id: str) -> None:
    services.plan.add_task(project_id, "旧任务")
    document = PlanDocument(
        entries=(
            PlanEntry("1", "阶段", outline_level=1),
            PlanEntry(
                "2",
                "新任务",
                outline_level=2,
                duration_days=4,
                resources=(PlanResource("外援", 30),),
            ),
        )
    )
    summary = services.plan.import_document(project_id, document, replace=True)
    assert [(t.wbs_code, t.name) for t in services.plan.tasks(project_id)] == [
        ("1", "阶段"),
        ("1.1", "新任务"),
    ]
    assert summary.people_added == ("外援",)
    services.plan.remove_tasks(summary.task_ids)
    services.plan.restore(summary.replaced)
    assert [t.name for t in services.plan.tasks(project_id)] == ["旧任务"]


def test_a_file_is_written_in_outline_order_with_wbs_codes_as_ids(
    services: Services, project_id: str
) -> None:
    first = services.plan.add_task(project_id, "阶段一")
    services.plan.add_task(project_id, "阶段二", duration_days=2)
    services.plan.add_task(project_id, "调研", parent_id=first.id, duration_days=3)
    services.plan.update_task(services.plan.tasks(project_id)[1].id, percent_complete=100)
    document = services.plan.export_document(project_id)
    assert [(e.key, e.name, e.outline_level) for e in document.entries] == [
        ("1", "阶段一", 1),
        ("1.1", "调研", 2),
        ("2", "阶段二", 1),
    ]
    assert document.entries[0].percent_complete == 100  # a summary: the work done under it
    assert document.entries[0].duration_days == 3
    other = services.projects.create("副本", contract_signed_on=T).id
    services.plan.import_document(other, document)
    assert [(t.wbs_code, t.name) for t in services.plan.tasks(other)] == [
        ("1", "阶段一"),
        ("1.1", "调研"),
        ("2", "阶段二"),
    ]


def test_lags_and_offsets_beyond_twenty_years_are_refused(
    services: Services, project_id: str
) -> None:
    a = services.plan.add_task(project_id, "甲")
    b = services.plan.add_task(project_id, "乙")
    with pytest.raises(ValidationError) as caught:
        services.plan.add_link(a.id, b.id, 1_000_000)
    assert caught.value.field == "lag_days"
    with pytest.raises(ValidationError) as caught:
        services.plan.update_task(a.id, offset_days=3_000_000)
    assert caught.value.field == "offset_days"
    far = PlanDocument(
        entries=(PlanEntry("1", "甲"), PlanEntry("2", "乙")),
        dependencies=(PlanDependency("1", "2", 2_000_000),),
    )
    with pytest.raises(PlanFileError, match="task 2"):
        services.plan.import_document(project_id, far)
    assert services.plan.links(project_id) == []


def test_a_milestone_cannot_have_sub_tasks(services: Services, project_id: str) -> None:
    gate = services.plan.add_task(project_id, "验收", is_milestone=True)
    task = services.plan.add_task(project_id, "整改")
    with pytest.raises(ValidationError, match="验收"):
        services.plan.indent(task.id)
    with pytest.raises(ValidationError, match="验收"):
        services.plan.add_task(project_id, "子任务", parent_id=gate.id)
    assert [t.parent_id for t in services.plan.tasks(project_id)] == [None, None]


def test_undoing_an_import_takes_out_the_people_it_added(
    services: Services, project_id: str
) -> None:
    document = PlanDocument(entries=(PlanEntry("1", "甲", resources=(PlanResource("新人甲"),)),))
    summary = services.plan.import_document(project_id, document)
    assert "新人甲" in [p.name for p in services.team.people()]
    services.plan.remove_tasks(summary.task_ids)
    removed = services.plan.forget_people(summary.person_ids)
    assert "新人甲" not in [p.name for p in services.team.people()]
    services.plan.restore(removed)
    assert "新人甲" in [p.name for p in services.team.people()]


def test_file_dates_move_with_t_and_a_date_before_the_start_is_reported(
    services: Services, project_id: str
) -> None:
    from_msp = PlanDocument(
        entries=(PlanEntry("1", "调研", start_on=date(2026, 1, 7)),),
        contract_signed_on=date(2026, 1, 5),  # the file's own start: 2 working days before
    )
    services.plan.import_document(project_id, from_msp)
    assert services.plan.tasks(project_id)[0].start_on == date(2026, 9, 30)  # T + 2
    early = PlanDocument(entries=(PlanEntry("1", "启动", start_on=date(2026, 9, 1)),))
    summary = services.plan.import_document(project_id, early)
    assert summary.moved_to_t == ("启动",)
    assert by_name(services, project_id)["启动"].start_on == T  # type: ignore[attr-defined]


def test_tasks_are_inserted_after_one_and_moved_up_and_down_with_their_sub_tasks(
    services: Services, project_id: str
) -> None:
    a = services.plan.add_task(project_id, "甲")
    services.plan.add_task(project_id, "丙")
    services.plan.add_task(project_id, "乙", after_id=a.id)
    services.plan.add_task(project_id, "甲一", parent_id=a.id)
    names = [(t.wbs_code, t.name) for t in services.plan.tasks(project_id)]
    assert names == [("1", "甲"), ("1.1", "甲一"), ("2", "乙"), ("3", "丙")]
    assert services.plan.move_in_order(a.id, +1)
    names = [(t.wbs_code, t.name) for t in services.plan.tasks(project_id)]
    assert names == [("1", "乙"), ("2", "甲"), ("2.1", "甲一"), ("3", "丙")]
    assert services.plan.move_in_order(a.id, -1)
    assert not services.plan.move_in_order(a.id, -1)
    assert services.plan.tasks(project_id)[0].name == "甲"
