"""The resource calendar's rules, without storage: loads, weeks, time away and site visits."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest

from pm_desktop.core.resource_load import (
    Absence,
    Booking,
    BookingKind,
    away_days,
    build_heatmap,
    daily_loads,
    on_site_spans,
    tell_by,
    weekly_loads,
    working_mask,
)
from pm_desktop.core.work_calendar import WorkCalendar

TEAM, TASK = BookingKind.TEAM, BookingKind.TASK
CN = WorkCalendar()
# 2026: Mid-Autumn on Fri 25 September, National Day 1-7 October; Saturday 10 October is
# an adjusted working day (调休), Sunday 20 September too.
SEP28, OCT1, OCT7, OCT8, OCT10, OCT11 = (
    date(2026, 9, 28),
    date(2026, 10, 1),
    date(2026, 10, 7),
    date(2026, 10, 8),
    date(2026, 10, 10),
    date(2026, 10, 11),
)


def book(
    start: date,
    end: date,
    percent: int,
    kind: BookingKind = TASK,
    *,
    project: str = "A",
    person: str = "p",
    label: str = "",
) -> Booking:
    return Booking(person, project, start, end, percent, label or f"{kind}-{start}", kind, label)


def day(load: tuple[int, ...], start: date, on: date) -> int:
    return load[(on - start).days]


def test_team_allocation_is_the_reservation_tasks_do_not_add_to_it() -> None:
    monday = date(2026, 11, 2)
    loads = daily_loads(
        [
            book(monday, monday + timedelta(days=4), 50, TEAM),
            book(monday, monday, 100),  # 100 inside a 50 reservation: 100, not 150
            book(monday + timedelta(days=1), monday + timedelta(days=1), 30),
            book(monday + timedelta(days=1), monday + timedelta(days=1), 40),  # tasks add: 70
        ],
        monday,
        monday + timedelta(days=4),
        CN,
    )["p"]
    assert loads.loads == (100, 70, 50, 50, 50)
    assert loads.peak == 100
    assert not any(loads.over)


def test_loads_of_two_projects_add_up_and_over_100_is_flagged() -> None:
    monday = date(2026, 11, 2)
    loads = daily_loads(
        [
            book(monday, monday + timedelta(days=4), 80, TEAM, project="A"),
            book(monday + timedelta(days=3), monday + timedelta(days=4), 50, project="B"),
        ],
        monday,
        monday + timedelta(days=4),
        CN,
    )["p"]
    assert loads.loads == (80, 80, 80, 130, 130)
    assert loads.over == (False, False, False, True, True)
    assert loads.projects == ("A", "B")  # heaviest first
    assert loads.by_project["B"] == (0, 0, 0, 50, 50)


def test_weekends_and_holidays_carry_no_load_but_adjusted_working_days_do() -> None:
    loads = daily_loads([book(SEP28, OCT11, 100, TEAM)], SEP28, OCT11, CN)["p"].loads
    assert [day(loads, SEP28, SEP28 + timedelta(days=n)) for n in range(3)] == [100] * 3
    assert all(day(loads, SEP28, OCT1 + timedelta(days=n)) == 0 for n in range(7))
    assert day(loads, SEP28, OCT8) == 100
    assert day(loads, SEP28, OCT10) == 100  # Saturday, worked (调休)
    assert day(loads, SEP28, OCT11) == 0


def test_bookings_outside_the_period_are_clipped_and_people_without_any_left_out() -> None:
    monday = date(2026, 11, 2)
    found = daily_loads(
        [
            book(monday - timedelta(days=30), monday, 40, TEAM),
            book(monday + timedelta(days=10), monday + timedelta(days=20), 40, person="q"),
        ],
        monday,
        monday + timedelta(days=1),
        CN,
    )
    assert found["p"].loads == (40, 0)
    assert "q" not in found


def test_weeks_average_over_their_working_days_and_keep_the_peak() -> None:
    start, end = SEP28, date(2026, 10, 18)
    loads = daily_loads(
        [book(SEP28, SEP28, 100), book(date(2026, 10, 12), date(2026, 10, 16), 120)],
        start,
        end,
        CN,
    )["p"].loads
    weeks = weekly_loads(loads, start, working_mask(CN, start, end))
    assert [w.monday for w in weeks] == [SEP28, date(2026, 10, 5), date(2026, 10, 12)]
    holiday_week, short_week, busy_week = weeks
    assert (holiday_week.working_days, holiday_week.average, holiday_week.peak) == (3, 33, 100)
    assert (short_week.working_days, short_week.average) == (3, 0)  # Thu, Fri and Sat 10 Oct
    assert (busy_week.average, busy_week.peak, busy_week.over) == (120, 120, True)
    assert busy_week.iso_week == (2026, 42)


def test_a_period_starting_mid_week_is_clipped_to_it() -> None:
    wednesday = date(2026, 11, 4)
    loads = (60, 60, 0, 0, 0, 60, 60, 60, 60)  # Wed 4 .. Thu 12 November
    first, second = weekly_loads(loads, wednesday, working_mask(CN, wednesday, date(2026, 11, 12)))
    assert (first.monday, first.first, first.last, first.working_days) == (
        date(2026, 11, 2),
        wednesday,
        date(2026, 11, 8),
        3,
    )
    assert first.average == 40  # (60 + 60 + 0) / 3 working days
    assert (second.first, second.last, second.average) == (
        date(2026, 11, 9),
        date(2026, 11, 12),
        60,
    )


def test_time_away_is_marked_on_every_day_and_bookings_on_it_conflict() -> None:
    start, end = date(2026, 11, 2), date(2026, 11, 8)
    away = away_days(
        [Absence("x", "p", date(2026, 11, 5), date(2026, 11, 20), "年假")], start, end
    )["p"]
    assert away == (False, False, False, True, True, True, True)
    heatmap = build_heatmap(
        [("p", "王工"), ("q", "李工")],
        [book(start, end, 100, TEAM)],
        [Absence("x", "p", date(2026, 11, 5), date(2026, 11, 20), "年假")],
        start,
        end,
        calendar=CN,
    )
    row, idle = heatmap.rows
    assert row.conflicts == (False, False, False, True, True, False, False)  # not the weekend
    assert idle.loads == (0,) * 7
    assert not any(idle.away)
    assert heatmap.columns[0] == start
    assert heatmap.working == (True,) * 5 + (False,) * 2


def test_the_weekly_heatmap_has_a_column_per_iso_week() -> None:
    start, end = date(2026, 11, 2), date(2026, 11, 15)
    heatmap = build_heatmap(
        [("p", "王工")],
        [book(start, date(2026, 11, 6), 50, TEAM), book(date(2026, 11, 9), end, 110, TEAM)],
        [Absence("x", "p", date(2026, 11, 14), date(2026, 11, 15))],  # a weekend only
        start,
        end,
        calendar=CN,
        weekly=True,
        project_names={"A": "甲项目"},
    )
    [row] = heatmap.rows
    assert heatmap.columns == (start, date(2026, 11, 9))
    assert row.loads == (50, 110)
    assert row.over == (False, True)
    assert row.away == (False, False)  # away on no working day
    assert row.by_project == {"A": (50, 110)}
    assert heatmap.project_names == {"A": "甲项目"}


def test_a_visit_spans_weekends_and_holidays_but_a_free_working_day_splits_it() -> None:
    bookings = [
        book(date(2026, 9, 29), SEP28 + timedelta(days=2), 100, label="调研"),  # Tue, Wed
        book(OCT8, OCT8, 50, label="访谈"),  # after National Day: the same visit
        book(date(2026, 10, 9), OCT10, 50, label="访谈"),
        book(date(2026, 10, 13), date(2026, 10, 14), 80, label="方案"),  # Mon 12 free: split
        book(date(2026, 10, 13), date(2026, 10, 13), 40, project="B", label="支持"),
    ]
    visits = on_site_spans(bookings, CN)["p"]
    assert [(v.project_id, v.starts_on, v.ends_on) for v in visits] == [
        ("A", date(2026, 9, 29), OCT10),
        ("B", date(2026, 10, 13), date(2026, 10, 13)),  # by start, then end
        ("A", date(2026, 10, 13), date(2026, 10, 14)),
    ]
    first = visits[0]
    assert first.labels == ("调研", "访谈")
    assert (first.peak_percent, first.working_days) == (100, 5)  # 29, 30 Sep, 8-10 Oct
    assert first.source_ids[0] == "调研"


def test_a_visit_is_trimmed_to_working_days_and_follows_the_load_rule() -> None:
    bookings = [
        book(date(2026, 10, 3), date(2026, 10, 18), 50, TEAM, label="实施顾问"),  # holiday start
        book(OCT8, OCT8, 100, label="部署"),
    ]
    [visit] = on_site_spans(bookings, CN)["p"]
    assert (visit.starts_on, visit.ends_on) == (OCT8, date(2026, 10, 16))
    assert visit.labels == ("实施顾问", "部署")
    assert visit.peak_percent == 100
    assert on_site_spans([book(OCT1, OCT7, 100)], CN) == {}


def test_tell_by_is_five_working_days_before_arrival() -> None:
    assert tell_by(CN, OCT8) == date(2026, 9, 23)  # 30, 29, 28 Sep, then 24 and 23 (25 off)
    assert tell_by(CN, date(2026, 11, 9), 1) == date(2026, 11, 6)


def naive_load(bookings: list[Booking], on: date) -> int:
    """The load rule, day by day, as the module's docstring states it."""
    if not CN.is_working(on):
        return 0
    total = 0
    for project in {b.project_id for b in bookings}:
        today = [b for b in bookings if b.project_id == project and b.starts_on <= on <= b.ends_on]
        team = sum(b.percent for b in today if b.kind is TEAM)
        tasks = sum(b.percent for b in today if b.kind is TASK)
        total += max(team, tasks)
    return total


@pytest.mark.parametrize("seed", range(5))
def test_daily_loads_match_the_rule_applied_day_by_day(seed: int) -> None:
    rng = random.Random(seed)
    start, end = date(2026, 9, 1), date(2026, 12, 31)
    bookings = []
    for _ in range(25):
        first = start + timedelta(days=rng.randint(-20, 120))
        kind = rng.choice((TEAM, TASK, TASK))
        bookings.append(
            book(
                first,
                first + timedelta(days=rng.randint(0, 40)),
                rng.choice((20, 50, 100)),
                kind,
                project=rng.choice("ABC"),
            )
        )
    loads = daily_loads(bookings, start, end, CN)["p"]
    expected = [naive_load(bookings, start + timedelta(days=n)) for n in range(len(loads.loads))]
    assert list(loads.loads) == expected
    assert [sum(parts) for parts in zip(*loads.by_project.values(), strict=True)] == expected


@pytest.mark.parametrize("weekly", [False, True])
def test_200_people_over_365_days_is_fast(weekly: bool) -> None:
    rng = random.Random(6)
    start = date(2026, 1, 1)
    people = [(f"p{n}", f"人{n}") for n in range(200)]
    bookings = []
    for person, _ in people:
        for project in ("A", "B", "C"):
            first = start + timedelta(days=rng.randint(0, 300))
            bookings.append(
                Booking(person, project, first, first + timedelta(days=90), 50, "", TEAM)
            )
            for _ in range(10):
                task = first + timedelta(days=rng.randint(0, 80))
                bookings.append(Booking(person, project, task, task + timedelta(days=5), 60))
    began = time.perf_counter()
    heatmap = build_heatmap(
        people, bookings, [], start, start + timedelta(days=364), calendar=CN, weekly=weekly
    )
    elapsed = time.perf_counter() - began
    assert len(heatmap.rows) == 200
    assert elapsed < 1.0  # the target is 0.3 s with the reads; generous for slow CI
