"""Working days: mainland China's statutory holidays and adjusted working weekends (调休),
from the ``holidays`` package, plus a project's own exceptions (a site closed, a weekend worked).

Counting is done on per-year prefix sums, so a span of any length costs two look-ups.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from itertools import accumulate

import holidays

COUNTRY = "CN"
SATURDAY = 5


def day_of_year(day: date) -> int:
    """0 for January 1st. (``date.timetuple`` imports a module on every call: slow in a Qt
    application, whose import hook runs each time.)"""
    return day.toordinal() - date(day.year, 1, 1).toordinal()


SATURDAY = 5
HOLIDAY_LANGUAGES = ("zh_CN", "en_US")


class DayKind(StrEnum):
    """What a day is in a project's calendar, for showing it."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a statutory day off (法定节假日, 休)
    ADJUSTED_WORKDAY = "adjusted_workday"  # a weekend worked by law (调休, 班)
    PROJECT_OFF = "project_off"  # the project's own day off: the site is closed
    PROJECT_WORKED = "project_worked"  # the project's own working day

    @property
    def is_working(self) -> bool:
        return self in _WORKING_KINDS


_WORKING_KINDS = frozenset({DayKind.WORKDAY, DayKind.ADJUSTED_WORKDAY, DayKind.PROJECT_WORKED})


@cache
def _statutory_year(year: int, country: str = COUNTRY) -> tuple[bool, ...]:
    """Whether each day of ``year`` is a working day by law (weekends, holidays, 调休)."""
    calendar = holidays.country_holidays(country, years=year)
    first = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - first).days
    return tuple(calendar.is_working_day(first + timedelta(days=n)) for n in range(days))


_BREAK_PADDING = timedelta(days=21)  # a break that crosses New Year is seen from both years


def _is_statutory_working(day: date, country: str) -> bool:
    return _statutory_year(day.year, country)[day_of_year(day)]


@cache
def _holiday_names(year: int, language: str, country: str = COUNTRY) -> dict[date, str]:
    calendar = holidays.country_holidays(country, years=year, language=language)
    return {day: str(name) for day, name in calendar.items() if day.year == year}


def _named_day(day: date, country: str) -> str | None:
    return _holiday_names(day.year, HOLIDAY_LANGUAGES[0], country).get(day)


@cache
def _breaks(year: int, country: str = COUNTRY) -> dict[date, date]:
    """Each day of ``year`` in a statutory break, with the named day whose name the break
    carries. A break is a run of days off holding a holiday: the weekend days next to a
    holiday are part of it (国庆节 1-7 October), as the State Council's notices count them."""
    first = date(year, 1, 1) - _BREAK_PADDING
    span = (date(year, 12, 31) + _BREAK_PADDING - first).days + 1
    days = [first + timedelta(days=n) for n in range(span)]
    found: dict[date, date] = {}
    run: list[date] = []
    for day in [*days, None]:
        if day is not None and not _is_statutory_working(day, country):
            run.append(day)
            continue
        names = {d: name for d in run if (name := _named_day(d, country)) is not None}
        if names:  # the unnamed days carry the name most days of the break have
            counts = Counter(names.values())
            main = max(names, key=lambda d: counts[names[d]])
            found.update({d: (d if d in names else main) for d in run if d.year == year})
        run = []
    return found


@cache
def _statutory_kinds(year: int, country: str = COUNTRY) -> tuple[DayKind, ...]:
    """The statutory kind of each day of ``year``."""
    breaks = _breaks(year, country)
    first = date(year, 1, 1)
    kinds = []
    for n, working in enumerate(_statutory_year(year, country)):
        day = first + timedelta(days=n)
        weekend = day.weekday() >= SATURDAY
        if working:
            kinds.append(DayKind.ADJUSTED_WORKDAY if weekend else DayKind.WORKDAY)
        else:
            kinds.append(DayKind.HOLIDAY if day in breaks or not weekend else DayKind.WEEKEND)
    return tuple(kinds)


def statutory_kind(day: date, country: str = COUNTRY) -> DayKind:
    """What the law makes of ``day``: a workday, a weekend, a holiday or a weekend worked."""
    return _statutory_kinds(day.year, country)[day_of_year(day)]


def holiday_name(day: date, language: str = "zh_CN", country: str = COUNTRY) -> str | None:
    """The name of the statutory holiday or break ``day`` is in (``国庆节``, ``National Day``),
    or None. ``language`` is one the ``holidays`` package knows (``zh_CN``, ``en_US``);
    ``en`` means ``en_US``."""
    named = _breaks(day.year, country).get(day)
    if named is None:
        return None
    language = "en_US" if language == "en" else language
    return _holiday_names(named.year, language, country).get(named)


class WorkCalendar:
    """Which days are working days. ``exceptions`` maps a day to working (True) or not."""

    def __init__(self, exceptions: Mapping[date, bool] | None = None, country: str = COUNTRY):
        self._country = country
        self._exceptions = dict(exceptions or {})
        self._prefix: dict[int, tuple[int, ...]] = {}
        self._extra = sorted(self._exceptions)

    def is_working(self, day: date) -> bool:
        if day in self._exceptions:
            return self._exceptions[day]
        return _statutory_year(day.year, self._country)[day_of_year(day)]

    def exception(self, day: date) -> bool | None:
        """The project's own exception on ``day``: working (True), not (False), or None."""
        return self._exceptions.get(day)

    def kind(self, day: date) -> DayKind:
        """What ``day`` is: the project's exception if it has one, else the law's kind."""
        found = self._exceptions.get(day)
        if found is not None:
            return DayKind.PROJECT_WORKED if found else DayKind.PROJECT_OFF
        return statutory_kind(day, self._country)

    def working_days(self, start: date, end: date) -> int:
        """Working days from ``start`` to ``end``, both included (0 if end is before start)."""
        total = 0
        for year in range(start.year, end.year + 1):
            prefix = self._year_prefix(year)
            first = start if year == start.year else date(year, 1, 1)
            last = end if year == end.year else date(year, 12, 31)
            low, high = day_of_year(first), day_of_year(last)
            total += prefix[high] - (prefix[low - 1] if low else 0)
        return total

    def _year_prefix(self, year: int) -> tuple[int, ...]:
        found = self._prefix.get(year)
        if found is None:
            flags = list(_statutory_year(year, self._country))
            first = date(year, 1, 1)
            low = bisect_right(self._extra, first - timedelta(days=1))
            high = bisect_right(self._extra, date(year, 12, 31))
            for day in self._extra[low:high]:
                flags[(day - first).days] = self._exceptions[day]
            found = tuple(accumulate(int(flag) for flag in flags))
            self._prefix[year] = found
        return found

    def add_working_days(self, start: date, count: int) -> date:
        """The day ``count`` working days after ``start`` (``count`` 0: the first working day
        on or after ``start``)."""
        day = start
        while not self.is_working(day):
            day += timedelta(days=1)
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working(day):
                remaining -= 1
        return day


@cache
def announced(year: int, country: str = COUNTRY) -> bool:
    """Whether the State Council's holiday arrangement of ``year`` is known: it always moves
    some weekend days to working days (调休), so a year without any is the package's estimate
    (statutory dates only) and plans in it may be wrong by days."""
    working = _statutory_year(year, country)
    first = date(year, 1, 1)
    return any(
        working[n] and (first + timedelta(days=n)).weekday() >= SATURDAY
        for n in range(len(working))
    )
