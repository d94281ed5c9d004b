"""The master plan on a real SQLite file: scheduling from T, re-flow, cycles, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from pm_desktop.core.errors import ValidationError
from pm_desktop.core.schedule import DependencyCycleError
from pm_desktop.services.container import Services

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
