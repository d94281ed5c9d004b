"""The resource calendar (资源规划): each person's load per day or week, and their site visits.

The load rule. Within one project a person's load on a day is
``max(team allocation that day, sum of their task units that day)``: the team assignment is
the reservation and the task assignments are the detailed work inside it, so they never
double count. Across projects the loads add up. Non-working days (weekends, statutory
holidays, but not the adjusted working weekends, 调休) carry no load.

Daily loads come from difference arrays summed once, so a period of any length costs one pass
per person and project. No storage here.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from itertools import accumulate, islice
from operator import add, mul

from pm_desktop.core.team import MAX_ALLOCATION_PCT
from pm_desktop.core.work_calendar import WorkCalendar

NOTICE_WORKING_DAYS = 5
"""How many working days before arrival a person is told (the "tell by" date)."""


class BookingKind(StrEnum):
    TASK = "task"
    """A task assignment: the detailed work, ``units_pct`` of the task's scheduled span."""
    TEAM = "team"
    """A team assignment: the reservation on the project, ``allocation_pct`` of its period."""


@dataclass(frozen=True, slots=True)
class Booking:
    """A person booked on a project from ``starts_on`` to ``ends_on`` (inclusive)."""

    person_id: str
    project_id: str
    starts_on: date
    ends_on: date
    percent: int
    label: str = ""
    """The task's name, or the role of a team assignment."""
    kind: BookingKind = BookingKind.TASK
    source_id: str = ""
    """The id of the task or team assignment it comes from."""


@dataclass(frozen=True, slots=True)
class Absence:
    """Time away (leave, training...), inclusive dates."""

    id: str
    person_id: str
    starts_on: date
    ends_on: date
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    name: str
    on: date
    project_id: str
    project_name: str = ""


@dataclass(frozen=True, slots=True)
class DailyLoad:
    """One person's load in percent for each day of a period, and each project's share."""

    person_id: str
    start: date
    loads: tuple[int, ...]
    by_project: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def over(self) -> tuple[bool, ...]:
        return tuple(load > MAX_ALLOCATION_PCT for load in self.loads)

    @property
    def peak(self) -> int:
        return max(self.loads, default=0)

    @property
    def projects(self) -> tuple[str, ...]:
        """The projects that load this person in the period, heaviest first."""
        return _projects(self.by_project)


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """An ISO week (Monday to Sunday) clipped to the period."""

    monday: date
    first: date
    last: date
    working_days: int
    average: int
    """The mean load over the week's working days in the period, rounded half up."""
    peak: int

    @property
    def over(self) -> bool:
        return self.peak > MAX_ALLOCATION_PCT

    @property
    def iso_week(self) -> tuple[int, int]:
        year, week, _ = self.monday.isocalendar()
        return year, week


@dataclass(frozen=True, slots=True)
class Visit:
    """When a person is needed at one project's site: consecutive booked working days."""

    person_id: str
    project_id: str
    starts_on: date
    ends_on: date
    labels: tuple[str, ...]
    """Roles and task names, in the order they start."""
    peak_percent: int
    working_days: int
    source_ids: tuple[str, ...] = ()
    """The bookings' sources, the first one starting the visit (a stable anchor)."""
    project_name: str = ""
    tell_by: date | None = None
    """The last day to tell them, so they can prepare (see :func:`tell_by`)."""


@dataclass(frozen=True, slots=True)
class HeatmapRow:
    """One person's line of the heatmap: a cell per day, or per ISO week."""

    person_id: str
    name: str
    loads: tuple[int, ...]
    """The day's load, or the week's average load."""
    peaks: tuple[int, ...]
    """The day's load, or the week's peak."""
    away: tuple[bool, ...]
    """Away that day (any day, to hatch the whole span), or on a working day of the week."""
    conflicts: tuple[bool, ...]
    """Booked on a working day they are away."""
    projects: tuple[str, ...]
    """Every project that loads them in the period (all projects, not only the one shown)."""
    by_project: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def over(self) -> tuple[bool, ...]:
        return tuple(peak > MAX_ALLOCATION_PCT for peak in self.peaks)

    @property
    def peak(self) -> int:
        return max(self.peaks, default=0)


@dataclass(frozen=True, slots=True)
class ResourceHeatmap:
    start: date
    end: date
    weekly: bool
    columns: tuple[date, ...]
    """Each day, or the Monday of each ISO week."""
    working: tuple[bool, ...]
    """Whether the day is a working day, or the week has one in the period."""
    rows: tuple[HeatmapRow, ...]
    project_names: Mapping[str, str] = field(default_factory=dict)


# --- working days ---------------------------------------------------------------------------


def working_mask(calendar: WorkCalendar, start: date, end: date) -> tuple[int, ...]:
    """1 for each working day from ``start`` to ``end``, 0 for the others."""
    days = (end - start).days + 1
    return tuple(int(calendar.is_working(start + timedelta(days=n))) for n in range(days))


def working_days_before(calendar: WorkCalendar, day: date, count: int) -> date:
    """The working day ``count`` working days before ``day``."""
    while count > 0:
        day -= timedelta(days=1)
        if calendar.is_working(day):
            count -= 1
    return day


def tell_by(calendar: WorkCalendar, arrival: date, notice: int = NOTICE_WORKING_DAYS) -> date:
    """The day to tell someone at the latest: ``notice`` working days before they arrive."""
    return working_days_before(calendar, arrival, notice)


def _first_working(calendar: WorkCalendar, start: date, end: date) -> date | None:
    day = start
    while day <= end and not calendar.is_working(day):
        day += timedelta(days=1)
    return day if day <= end else None


def _last_working(calendar: WorkCalendar, start: date, end: date) -> date | None:
    day = end
    while day >= start and not calendar.is_working(day):
        day -= timedelta(days=1)
    return day if day >= start else None


# --- daily loads ----------------------------------------------------------------------------


class _ProjectDiffs:
    """Difference arrays of one person on one project: team allocations and task units,
    and the span [low, high) they cover (the load is zero outside it)."""

    __slots__ = ("high", "low", "task", "team")

    def __init__(self) -> None:
        self.team: list[int] | None = None
        self.task: list[int] | None = None
        self.low, self.high = sys.maxsize, 0

    def add(self, kind: BookingKind, low: int, high: int, percent: int, days: int) -> None:
        if kind is BookingKind.TEAM:
            if self.team is None:
                self.team = [0] * (days + 1)
            diff = self.team
        else:
            if self.task is None:
                self.task = [0] * (days + 1)
            diff = self.task
        diff[low] += percent
        diff[high] -= percent
        self.low, self.high = min(self.low, low), max(self.high, high)

    def loads(self, mask: Sequence[int]) -> tuple[int, ...]:
        """max(team, tasks) each day, zero on non-working days."""
        low, high = self.low, self.high
        team = None if self.team is None else accumulate(self.team[low:high])
        task = None if self.task is None else accumulate(self.task[low:high])
        if team is not None and task is not None:
            span = tuple(map(mul, map(max, team, task), mask[low:high]))
        else:
            only = team if team is not None else task
            assert only is not None  # made by add()
            span = tuple(map(mul, only, mask[low:high]))
        return (0,) * low + span + (0,) * (len(mask) - high)


def _diffs(
    bookings: Iterable[Booking], start: date, end: date
) -> dict[str, dict[str, _ProjectDiffs]]:
    days = (end - start).days + 1
    found: defaultdict[str, dict[str, _ProjectDiffs]] = defaultdict(dict)
    for booking in bookings:
        first, last = max(booking.starts_on, start), min(booking.ends_on, end)
        if first > last or booking.percent <= 0:
            continue
        projects = found[booking.person_id]
        diffs = projects.get(booking.project_id)
        if diffs is None:
            diffs = projects[booking.project_id] = _ProjectDiffs()
        low, high = (first - start).days, (last - start).days + 1
        diffs.add(booking.kind, low, high, booking.percent, days)
    return found


def daily_loads(
    bookings: Iterable[Booking],
    start: date,
    end: date,
    calendar: WorkCalendar,
    *,
    mask: Sequence[int] | None = None,
) -> dict[str, DailyLoad]:
    """Each booked person's load per day from ``start`` to ``end`` (see the module's rule).

    People with no booking in the period are left out. ``mask`` is
    ``working_mask(calendar, start, end)`` when the caller has it already.
    """
    if end < start:
        return {}
    mask = working_mask(calendar, start, end) if mask is None else mask
    found: dict[str, DailyLoad] = {}
    for person_id, projects in _diffs(bookings, start, end).items():
        by_project = {p: diffs.loads(mask) for p, diffs in projects.items()}
        parts = iter(by_project.values())
        total = next(parts)
        for part in parts:
            total = tuple(map(add, total, part))
        found[person_id] = DailyLoad(person_id, start, total, by_project)
    return found


def away_days(absences: Iterable[Absence], start: date, end: date) -> dict[str, tuple[bool, ...]]:
    """For each person with time away in the period: whether they are away each day."""
    if end < start:
        return {}
    days = (end - start).days + 1
    diffs: dict[str, list[int]] = {}
    for absence in absences:
        first, last = max(absence.starts_on, start), min(absence.ends_on, end)
        if first > last:
            continue
        diff = diffs.setdefault(absence.person_id, [0] * (days + 1))
        diff[(first - start).days] += 1
        diff[(last - start).days + 1] -= 1
    return {
        person: tuple(count > 0 for count in islice(accumulate(diff), days))
        for person, diff in diffs.items()
    }


def conflicts(loads: Sequence[int], away: Sequence[bool]) -> tuple[bool, ...]:
    """Days someone is booked while away (loads are zero on non-working days already)."""
    return tuple(load > 0 and gone for load, gone in zip(loads, away, strict=True))


# --- weeks ----------------------------------------------------------------------------------


def _week_slices(start: date, days: int) -> list[tuple[date, int, int]]:
    """(Monday, first index, index after the last) of each ISO week touching the period."""
    slices = []
    low = 0
    while low < days:
        day = start + timedelta(days=low)
        monday = day - timedelta(days=day.weekday())
        high = min(days, low + 7 - day.weekday())
        slices.append((monday, low, high))
        low = high
    return slices


def _average(total: int, count: int) -> int:
    return (2 * total + count) // (2 * count) if count else 0


def weekly_loads(loads: Sequence[int], start: date, working: Sequence[int]) -> list[WeekLoad]:
    """The loads of a period (one per day from ``start``) by ISO week, Monday first: the
    average over the week's working days in the period, and the peak."""
    weeks = []
    for monday, low, high in _week_slices(start, len(loads)):
        part = loads[low:high]
        count = sum(working[low:high])
        weeks.append(
            WeekLoad(
                monday=monday,
                first=start + timedelta(days=low),
                last=start + timedelta(days=high - 1),
                working_days=count,
                average=_average(sum(part), count),
                peak=max(part, default=0),
            )
        )
    return weeks


# --- the heatmap ----------------------------------------------------------------------------


def build_heatmap(
    people: Sequence[tuple[str, str]],
    bookings: Iterable[Booking],
    absences: Iterable[Absence],
    start: date,
    end: date,
    *,
    calendar: WorkCalendar,
    weekly: bool = False,
    project_names: Mapping[str, str] | None = None,
) -> ResourceHeatmap:
    """A row for each of ``people`` (id, name), in that order, loaded by every booking given."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    mask = working_mask(calendar, start, end)
    loads = daily_loads(bookings, start, end, calendar, mask=mask)
    away = away_days(absences, start, end)
    weeks = _Weeks(start, mask) if weekly else None
    rows = tuple(
        _row(person_id, name, loads.get(person_id), away.get(person_id), mask=mask, weeks=weeks)
        for person_id, name in people
    )
    if weeks is not None:
        columns, working = weeks.mondays, tuple(n > 0 for n in weeks.counts)
    else:
        columns = tuple(start + timedelta(days=n) for n in range(len(mask)))
        working = tuple(bool(flag) for flag in mask)
    return ResourceHeatmap(start, end, weekly, columns, working, rows, dict(project_names or {}))


class _Weeks:
    """The ISO weeks of a period, to fold its daily values by week."""

    __slots__ = ("counts", "mondays", "slices")

    def __init__(self, start: date, mask: Sequence[int]) -> None:
        parts = _week_slices(start, len(mask))
        self.mondays = tuple(monday for monday, _, _ in parts)
        self.slices = tuple((low, high) for _, low, high in parts)
        self.counts = tuple(sum(mask[low:high]) for low, high in self.slices)
        """Working days of each week in the period."""

    def averages(self, values: Sequence[int]) -> tuple[int, ...]:
        return tuple(
            _average(sum(values[low:high]), count)
            for (low, high), count in zip(self.slices, self.counts, strict=True)
        )

    def peaks(self, values: Sequence[int]) -> tuple[int, ...]:
        return tuple(max(values[low:high]) for low, high in self.slices)

    def any(self, flags: Sequence[bool]) -> tuple[bool, ...]:
        return tuple(any(flags[low:high]) for low, high in self.slices)


def _row(
    person_id: str,
    name: str,
    load: DailyLoad | None,
    away: tuple[bool, ...] | None,
    *,
    mask: Sequence[int],
    weeks: _Weeks | None,
) -> HeatmapRow:
    """One person's row: by day, or folded by week when ``weeks`` is given."""
    days = len(mask)
    loads = load.loads if load is not None else (0,) * days
    gone = away if away is not None else (False,) * days
    clashes = conflicts(loads, gone) if away is not None else gone
    by_project = load.by_project if load is not None else {}
    if weeks is None:
        return HeatmapRow(
            person_id, name, loads, loads, gone, clashes, _projects(by_project), by_project
        )
    if away is not None:
        gone = tuple(bool(flag and working) for flag, working in zip(gone, mask, strict=True))
    return HeatmapRow(
        person_id=person_id,
        name=name,
        loads=weeks.averages(loads),
        peaks=weeks.peaks(loads),
        away=weeks.any(gone),
        conflicts=weeks.any(clashes),
        projects=_projects(by_project),
        by_project={p: weeks.averages(v) for p, v in by_project.items()},
    )


def _projects(by_project: Mapping[str, Sequence[int]]) -> tuple[str, ...]:
    """The projects with some load, heaviest first."""
    totals = {p: sum(v) for p, v in by_project.items() if any(v)}
    return tuple(sorted(totals, key=lambda p: (-totals[p], p)))


# --- site visits ----------------------------------------------------------------------------


def on_site_spans(bookings: Iterable[Booking], calendar: WorkCalendar) -> dict[str, list[Visit]]:
    """For each person, when they are needed at each project's site, sorted by date.

    A visit is a run of booked working days on one project: bookings separated only by
    non-working days (a weekend, a holiday) make one visit; a working day with no booking
    splits it. Each visit's peak follows the load rule of the module (within its project).
    """
    groups: defaultdict[tuple[str, str], list[Booking]] = defaultdict(list)
    for booking in bookings:
        trimmed = _trim(booking, calendar)
        if trimmed is not None:
            groups[booking.person_id, booking.project_id].append(trimmed)
    found: defaultdict[str, list[Visit]] = defaultdict(list)
    for (person_id, _), items in groups.items():
        found[person_id].extend(_visits(items, calendar))
    for visits in found.values():
        visits.sort(key=lambda v: (v.starts_on, v.ends_on, v.project_id))
    return dict(found)


def _trim(booking: Booking, calendar: WorkCalendar) -> Booking | None:
    """The booking from its first to its last working day; None if it has none."""
    if booking.percent <= 0:
        return None
    first = _first_working(calendar, booking.starts_on, booking.ends_on)
    if first is None:
        return None
    last = _last_working(calendar, first, booking.ends_on)
    assert last is not None  # first is a working day
    return replace(booking, starts_on=first, ends_on=last)


def _visits(items: list[Booking], calendar: WorkCalendar) -> list[Visit]:
    """One person's visits to one project, from bookings trimmed to working days."""
    items.sort(key=lambda b: (b.starts_on, b.kind is not BookingKind.TEAM, b.ends_on))
    runs: list[list[Booking]] = []
    end = date.min
    for booking in items:
        if runs and _adjacent(end, booking.starts_on, calendar):
            runs[-1].append(booking)
            end = max(end, booking.ends_on)
        else:
            runs.append([booking])
            end = booking.ends_on
    return [_visit(run, calendar) for run in runs]


def _adjacent(end: date, start: date, calendar: WorkCalendar) -> bool:
    """Whether a booking from ``start`` continues a run ending on ``end`` (only non-working
    days, if any, between them)."""
    if start <= end + timedelta(days=1):
        return True
    return calendar.working_days(end + timedelta(days=1), start - timedelta(days=1)) == 0


def _visit(run: list[Booking], calendar: WorkCalendar) -> Visit:
    first = run[0]
    starts_on = first.starts_on
    ends_on = max(b.ends_on for b in run)
    mask = working_mask(calendar, starts_on, ends_on)
    load = daily_loads(run, starts_on, ends_on, calendar, mask=mask)[first.person_id]
    return Visit(
        person_id=first.person_id,
        project_id=first.project_id,
        starts_on=starts_on,
        ends_on=ends_on,
        labels=tuple(dict.fromkeys(b.label for b in run if b.label)),
        peak_percent=load.peak,
        working_days=sum(mask),
        source_ids=tuple(dict.fromkeys(b.source_id for b in run if b.source_id)),
    )
