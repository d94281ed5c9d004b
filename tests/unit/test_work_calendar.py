"""Mainland China working days: statutory holidays, adjusted weekends (调休), exceptions."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from pm_desktop.core.work_calendar import WorkCalendar


def test_national_day_week_and_its_adjusted_saturday() -> None:
    calendar = WorkCalendar()
    assert not calendar.is_working(date(2026, 10, 1))  # 国庆节, a Thursday
    assert not calendar.is_working(date(2026, 10, 7))
    assert calendar.is_working(date(2026, 10, 10))  # a Saturday worked (调休)
    assert not calendar.is_working(date(2026, 10, 17))  # an ordinary Saturday
    assert calendar.working_days(date(2026, 10, 1), date(2026, 10, 31)) == 18


def test_spring_festival_2026_moves_work_to_a_saturday() -> None:
    calendar = WorkCalendar()
    assert calendar.is_working(date(2026, 2, 14))  # Saturday before 春节, worked
    assert not calendar.is_working(date(2026, 2, 17))  # 春节


def test_project_exceptions_override_the_statutory_calendar() -> None:
    closed, worked = date(2026, 11, 25), date(2026, 11, 28)  # a Wednesday, a Saturday
    calendar = WorkCalendar({closed: False, worked: True})
    assert not calendar.is_working(closed)
    assert calendar.is_working(worked)
    plain = WorkCalendar()
    span = (date(2026, 11, 1), date(2026, 11, 30))
    assert calendar.working_days(*span) == plain.working_days(*span)


def test_empty_and_reversed_spans_have_no_working_days() -> None:
    assert WorkCalendar().working_days(date(2026, 5, 2), date(2026, 5, 1)) == 0


@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=0, max_value=500),
    st.sets(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), max_size=5),
)
def test_counting_agrees_with_looking_at_each_day(start: date, length: int, odd: set[date]) -> None:
    calendar = WorkCalendar({day: day.weekday() >= 5 for day in odd})
    end = start + timedelta(days=length)
    by_day = sum(calendar.is_working(start + timedelta(days=n)) for n in range(length + 1))
    assert calendar.working_days(start, end) == by_day


def test_adding_working_days_skips_the_holiday() -> None:
    calendar = WorkCalendar()
    assert calendar.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
