"""Forward scheduling from T in Chinese working days: links with lag, offsets, summaries,
the critical path, and cycles refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_desktop.core.schedule import (
    DependencyCycleError,
    Link,
    TaskSpec,
    rolled_up_percent,
    schedule,
)
from pm_desktop.core.work_calendar import WorkCalendar

T = date(2026, 9, 28)  # a Monday; National Day week follows


def test_a_chain_skips_the_national_day_holiday() -> None:
    tasks = [TaskSpec("a", "准备", duration_days=3), TaskSpec("b", "调研", duration_days=2)]
    plan = schedule(tasks, [Link("a", "b")], T)
    assert (plan["a"].start_on, plan["a"].finish_on) == (date(2026, 9, 28), date(2026, 9, 30))
    assert plan["b"].start_on == date(2026, 10, 8)  # 10-01..07 are holidays
    assert plan["b"].finish_on == date(2026, 10, 9)


def test_lag_offsets_and_milestones() -> None:
    tasks = [
        TaskSpec("prep", duration_days=5),
        TaskSpec("sign", duration_days=0),  # milestone
        TaskSpec("late", duration_days=1, offset_days=20),
    ]
    plan = schedule(tasks, [Link("prep", "sign", lag_days=2), Link("sign", "late")], T)
    assert plan["sign"].start_index == 7
    assert plan["sign"].start_on == plan["sign"].finish_on
    assert plan["late"].start_index == 20  # its offset is later than the link allows


def test_summary_spans_its_children_and_links_to_it_reach_them() -> None:
    tasks = [
        TaskSpec("phase", "阶段一"),
        TaskSpec("x", parent_id="phase", duration_days=2),
        TaskSpec("y", parent_id="phase", duration_days=4),
        TaskSpec("next", duration_days=1),
    ]
    plan = schedule(tasks, [Link("phase", "next")], T)
    assert (plan["phase"].start_index, plan["phase"].end_index) == (0, 4)
    assert plan["next"].start_index == 4
    assert plan["phase"].is_summary


def test_critical_path_and_float() -> None:
    tasks = [
        TaskSpec("a", duration_days=5),
        TaskSpec("b", duration_days=2),
        TaskSpec("c", duration_days=1),
    ]
    plan = schedule(tasks, [Link("a", "c"), Link("b", "c")], T)
    assert plan.critical_ids() == {"a", "c"}
    assert plan["b"].total_float == 3


def test_a_cycle_is_refused_naming_its_tasks() -> None:
    tasks = [TaskSpec("a", "甲"), TaskSpec("b", "乙"), TaskSpec("c", "丙"), TaskSpec("d", "丁")]
    links = [Link("a", "b"), Link("b", "c"), Link("c", "a"), Link("c", "d")]
    with pytest.raises(DependencyCycleError) as caught:
        schedule(tasks, links, T)
    assert set(caught.value.task_ids) == {"a", "b", "c"}
    assert "甲" in str(caught.value)
    assert caught.value.field == "links"


def test_a_task_linked_to_itself_is_a_cycle() -> None:
    with pytest.raises(DependencyCycleError):
        schedule([TaskSpec("a")], [Link("a", "a")], T)


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[TaskSpec], list[Link]]:
    count = draw(st.integers(min_value=1, max_value=25))
    tasks = [
        TaskSpec(
            f"t{i}",
            duration_days=draw(st.integers(min_value=0, max_value=15)),
            offset_days=draw(st.none() | st.integers(min_value=0, max_value=30)),
        )
        for i in range(count)
    ]
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)).filter(
                lambda p: p[0] < p[1]  # forward only: no cycle
            ),
            max_size=40,
        )
    )
    links = [Link(f"t{a}", f"t{b}", draw(st.integers(0, 5))) for a, b in pairs]
    return tasks, links


@settings(max_examples=60, deadline=None)
@given(plans())
def test_every_link_and_offset_is_respected_and_something_is_critical(
    plan_input: tuple[list[TaskSpec], list[Link]],
) -> None:
    tasks, links = plan_input
    plan = schedule(tasks, links, T, WorkCalendar())
    for link in links:
        pred, succ = plan[link.predecessor_id], plan[link.successor_id]
        assert succ.start_index >= pred.end_index + link.lag_days
    for task in tasks:
        placed = plan[task.id]
        assert placed.start_index >= (task.offset_days or 0)
        assert placed.total_float >= 0
        assert placed.end_index - placed.start_index == task.duration_days
    assert max(p.end_index for p in plan.placements.values()) == plan.end_index
    assert any(p.total_float == 0 for p in plan.placements.values())


def test_a_summary_is_as_done_as_the_working_days_done_under_it() -> None:
    @dataclass
    class Task:
        id: str
        parent_id: str | None
        duration_days: int
        percent_complete: int

    tasks = [
        Task("phase", None, 0, 0),
        Task("step", "phase", 0, 0),
        Task("a", "step", 6, 50),
        Task("b", "step", 2, 100),
        Task("gate", "phase", 0, 100),  # a milestone counts as a day
    ]
    done = rolled_up_percent(tasks)
    assert done == {"step": 63, "phase": 67}  # 5 of 8 days; 6 of 9 days
