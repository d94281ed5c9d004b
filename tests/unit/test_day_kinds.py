"""What each day is (workday, weekend, holiday, 调休, project exceptions) and holiday names."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from pm_desktop.core.work_calendar import (
    DayKind,
    WorkCalendar,
    announced,
    holiday_name,
    statutory_kind,
)


def test_the_package_knows_the_2026_national_day_week() -> None:
    law = holidays.country_holidays("CN", years=2026, language="zh_CN")
    assert law.get(date(2026, 10, 1)) == "国庆节"
    assert law.is_working_day(date(2026, 10, 10))  # a Saturday worked (调休)
    assert {"zh_CN", "en_US"} <= set(holidays.CN.supported_languages)


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2026, 9, 29), DayKind.WORKDAY),  # a Tuesday
        (date(2026, 10, 1), DayKind.HOLIDAY),  # 国庆节, a Thursday
        (date(2026, 10, 3), DayKind.HOLIDAY),  # 国庆节 on a Saturday
        (date(2026, 10, 4), DayKind.HOLIDAY),  # the Sunday inside the break
        (date(2026, 10, 7), DayKind.HOLIDAY),  # a day off moved from 10-10
        (date(2026, 10, 10), DayKind.ADJUSTED_WORKDAY),  # Saturday worked
        (date(2026, 9, 20), DayKind.ADJUSTED_WORKDAY),  # Sunday worked
        (date(2026, 10, 17), DayKind.WEEKEND),
        (date(2026, 2, 15), DayKind.HOLIDAY),  # 春节 break: 15 to 23 February
        (date(2026, 2, 14), DayKind.ADJUSTED_WORKDAY),
    ],
)
def test_statutory_kinds_of_known_2026_days(day: date, kind: DayKind) -> None:
    assert statutory_kind(day) is kind
    assert WorkCalendar().kind(day) is kind
    assert kind.is_working == WorkCalendar().is_working(day)


def test_kinds_agree_with_working_days_all_year() -> None:
    calendar = WorkCalendar({date(2026, 5, 6): False, date(2026, 5, 9): True})
    first = date(2026, 1, 1)
    for n in range(365):
        day = first + timedelta(days=n)
        assert calendar.kind(day).is_working == calendar.is_working(day), day


def test_project_exceptions_come_first() -> None:
    closed, worked = date(2026, 11, 25), date(2026, 10, 1)
    calendar = WorkCalendar({closed: False, worked: True})
    assert calendar.kind(closed) is DayKind.PROJECT_OFF
    assert calendar.kind(worked) is DayKind.PROJECT_WORKED
    assert calendar.exception(closed) is False
    assert calendar.exception(worked) is True
    assert calendar.exception(date(2026, 11, 26)) is None


def test_holiday_names_in_chinese_and_english() -> None:
    assert holiday_name(date(2026, 10, 1)) == "国庆节"
    assert holiday_name(date(2026, 10, 1), "zh_CN") == "国庆节"
    assert holiday_name(date(2026, 10, 1), "en_US") == "National Day"
    assert holiday_name(date(2026, 10, 1), "en") == "National Day"
    assert holiday_name(date(2026, 10, 4)) == "国庆节"  # the break's name on its Sunday
    assert holiday_name(date(2026, 2, 21)) == "春节"
    assert holiday_name(date(2026, 10, 10)) is None
    assert holiday_name(date(2026, 10, 17)) is None


def test_a_break_across_new_year_is_seen_from_both_years() -> None:
    # 元旦 2024 was a Monday: 30 December 2023 to 1 January 2024 off.
    assert statutory_kind(date(2023, 12, 30)) is DayKind.HOLIDAY
    assert holiday_name(date(2023, 12, 31), "en_US") == "New Year's Day"
    assert statutory_kind(date(2023, 12, 23)) is DayKind.WEEKEND


def test_a_year_without_its_adjusted_weekends_is_not_announced_yet() -> None:
    assert announced(2026)
    assert not announced(2028)  # the holidays package estimates it: plans may be off by days
