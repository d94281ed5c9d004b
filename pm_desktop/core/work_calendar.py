"""Working days: mainland China's statutory holidays and adjusted working weekends (调休),
from the ``holidays`` package, plus a project's own exceptions (a site closed, a weekend worked).

Counting is done on per-year prefix sums, so a span of any length costs two look-ups.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

import holidays

COUNTRY = "CN"


@cache
def _statutory_year(year: int, country: str = COUNTRY) -> tuple[bool, ...]:
    """Whether each day of ``year`` is a working day by law (weekends, holidays, 调休)."""
    calendar = holidays.country_holidays(country, years=year)
    first = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - first).days
    return tuple(calendar.is_working_day(first + timedelta(days=n)) for n in range(days))


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
        return _statutory_year(day.year, self._country)[day.timetuple().tm_yday - 1]

    def working_days(self, start: date, end: date) -> int:
        """Working days from ``start`` to ``end``, both included (0 if end is before start)."""
        total = 0
        for year in range(start.year, end.year + 1):
            prefix = self._year_prefix(year)
            first = start if year == start.year else date(year, 1, 1)
            last = end if year == end.year else date(year, 12, 31)
            low, high = first.timetuple().tm_yday - 1, last.timetuple().tm_yday - 1
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
