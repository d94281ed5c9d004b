"""The resource calendar (资源规划): who is loaded how much each day or week, across projects,
when each person is needed on site, and their time away.

Loads follow core.resource_load: within a project, max(team allocation, sum of task units);
across projects they add up. A project's heatmap counts every project of its people, since
over-allocation is across projects, and uses the project's working calendar; the whole pool's
uses the statutory one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.resource_load import (
    Absence,
    Booking,
    BookingKind,
    Milestone,
    ResourceHeatmap,
    Visit,
    build_heatmap,
    on_site_spans,
    tell_by,
)
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.services.team import TeamService
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    CalendarException,
    Person,
    PlanTask,
    Project,
    TaskAssignment,
    TeamAssignment,
    Unavailability,
)

MAX_PERIOD_DAYS = 3 * 366
"""The longest heatmap period (three years)."""
MAX_ABSENCE_DAYS = 2 * 366
"""Time away longer than this is taken for a typing error in a year."""
MAX_REASON_CHARS = 500


def _get(session: Session, model: Any, row_id: str, *, live: bool = True) -> Any:
    row = session.get(model, row_id)
    if row is None or (live and row.deleted):
        raise NotFoundError(f"no {model.__tablename__} row {row_id}")
    return row


def _check_date(field: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(f"{field} must be a date (was {value!r}).", field=field)
    return value


def _check_period(start: object, end: object, *, names: tuple[str, str] = ("start", "end")) -> None:
    first, last = _check_date(names[0], start), _check_date(names[1], end)
    if last < first:
        raise ValidationError(
            f"{names[1]} ({last}) is before {names[0]} ({first}).", field=names[1]
        )


def _clean_reason(reason: object) -> str:
    text = " ".join(str(reason).split())
    if len(text) > MAX_REASON_CHARS:
        raise ValidationError(
            f"reason is too long (at most {MAX_REASON_CHARS} characters).", field="reason"
        )
    return text


def _absence_of(row: Unavailability) -> Absence:
    return Absence(row.id, row.person_id, row.starts_on, row.ends_on, row.reason)


class ResourceService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- load ---------------------------------------------------------------------------

    def heatmap(
        self, project_id: str | None, start: date, end: date, *, weekly: bool = False
    ) -> ResourceHeatmap:
        """A row per person of the project (its team and the assignees of its tasks), or of
        the whole pool with None, loaded by all their projects from ``start`` to ``end``."""
        _check_period(start, end)
        if (end - start).days >= MAX_PERIOD_DAYS:
            raise ValidationError(f"A heatmap covers at most {MAX_PERIOD_DAYS} days.", field="end")
        with self._store.read() as session:
            if project_id is None:
                calendar, ids = WorkCalendar(), None
            else:
                calendar = TeamService.calendar_of(session, project_id)
                ids = self._members(session, project_id)
            people = self._people(session, ids)
            bookings, names = self._bookings(session, ids, start, end)
            absences = self._absences(session, ids, start, end)
        return build_heatmap(
            people,
            bookings,
            absences,
            start,
            end,
            calendar=calendar,
            weekly=weekly,
            project_names=names,
        )

    def bookings(
        self, start: date, end: date, *, person_ids: Sequence[str] | None = None
    ) -> list[Booking]:
        """Every team and task booking overlapping the period (of those people only)."""
        _check_period(start, end)
        with self._store.read() as session:
            return self._bookings(session, person_ids, start, end)[0]

    def absences(
        self, start: date, end: date, *, person_ids: Sequence[str] | None = None
    ) -> list[Absence]:
        """Everyone's time away overlapping the period (of those people only)."""
        _check_period(start, end)
        with self._store.read() as session:
            return self._absences(session, person_ids, start, end)

    def visits(self, person_id: str, *, from_day: date) -> list[Visit]:
        """When the person is needed on site, by date: every visit not over by ``from_day``,
        with its project's name and the day to tell them by (5 working days before)."""
        with self._store.read() as session:
            _get(session, Person, person_id)
            bookings, names = self._bookings(session, [person_id])
            calendars = self._calendars(session, names)
        by_project: defaultdict[str, list[Booking]] = defaultdict(list)
        for booking in bookings:
            by_project[booking.project_id].append(booking)
        found = [
            replace(visit, project_name=names[p], tell_by=tell_by(calendars[p], visit.starts_on))
            for p, items in by_project.items()
            for visit in on_site_spans(items, calendars[p]).get(person_id, [])
            if visit.ends_on >= from_day
        ]
        return sorted(found, key=lambda v: (v.starts_on, v.ends_on, v.project_name))

    def milestones(
        self, project_ids: Iterable[str], *, from_day: date | None = None
    ) -> list[Milestone]:
        """The scheduled milestones of those projects (from ``from_day`` on), by date."""
        query = (
            select(PlanTask.id, PlanTask.name, PlanTask.start_on, Project.id, Project.name)
            .join(Project, Project.id == PlanTask.project_id)
            .where(
                PlanTask.project_id.in_(list(project_ids)),
                PlanTask.is_milestone.is_(True),
                PlanTask.deleted.is_(False),
                PlanTask.start_on.is_not(None),
                Project.deleted.is_(False),
            )
            .order_by(PlanTask.start_on, PlanTask.sort_order, PlanTask.id)
        )
        if from_day is not None:
            query = query.where(PlanTask.start_on >= from_day)
        with self._store.read() as session:
            rows = session.execute(query)
            return [Milestone(i, n, on, p, pn) for i, n, on, p, pn in rows if on is not None]

    # --- time away ----------------------------------------------------------------------

    def unavailability(self, person_id: str) -> list[Absence]:
        """The person's time away, by date."""
        with self._store.read() as session:
            rows = session.scalars(
                select(Unavailability)
                .where(Unavailability.person_id == person_id, Unavailability.deleted.is_(False))
                .order_by(Unavailability.starts_on, Unavailability.id)
            ).all()
            return [_absence_of(r) for r in rows]

    def add_unavailability(
        self, person_id: str, starts_on: date, ends_on: date, reason: str = ""
    ) -> str:
        """Record time away (inclusive dates); returns its id."""
        _check_period(starts_on, ends_on, names=("starts_on", "ends_on"))
        if (ends_on - starts_on).days >= MAX_ABSENCE_DAYS:
            raise ValidationError(
                f"Time away of more than {MAX_ABSENCE_DAYS} days: check the dates.",
                field="ends_on",
            )
        text = _clean_reason(reason)
        with self._store.write() as session:
            _get(session, Person, person_id)
            row = Unavailability(
                person_id=person_id, starts_on=starts_on, ends_on=ends_on, reason=text
            )
            session.add(row)
            session.flush()
            return row.id

    def remove_unavailability(self, absence_id: str) -> None:
        with self._store.write() as session:
            tombstone(_get(session, Unavailability, absence_id))

    def restore_unavailability(self, absence_id: str) -> None:
        with self._store.write() as session:
            _get(session, Unavailability, absence_id, live=False).deleted = False

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _members(session: Session, project_id: str) -> list[str]:
        """Who is on the project's team or assigned one of its tasks."""
        team = select(TeamAssignment.person_id).where(
            TeamAssignment.project_id == project_id, TeamAssignment.deleted.is_(False)
        )
        tasks = (
            select(TaskAssignment.person_id)
            .join(PlanTask, PlanTask.id == TaskAssignment.task_id)
            .where(
                PlanTask.project_id == project_id,
                PlanTask.deleted.is_(False),
                TaskAssignment.deleted.is_(False),
            )
        )
        return list(session.scalars(team.union(tasks)))

    @staticmethod
    def _people(session: Session, ids: Collection[str] | None) -> list[tuple[str, str]]:
        query = select(Person.id, Person.name).where(Person.deleted.is_(False))
        if ids is not None:
            query = query.where(Person.id.in_(list(ids)))
        return [(i, n) for i, n in session.execute(query.order_by(Person.name, Person.id))]

    @staticmethod
    def _bookings(
        session: Session,
        person_ids: Sequence[str] | None,
        start: date | None = None,
        end: date | None = None,
    ) -> tuple[list[Booking], dict[str, str]]:
        """Team and task bookings of those people (all with None) overlapping the period
        (all time with None), and the names of their projects. Two queries."""
        names: dict[str, str] = {}
        bookings = _team_bookings(session, person_ids, start, end, names)
        bookings += _task_bookings(session, person_ids, start, end, names)
        return bookings, names

    @staticmethod
    def _absences(
        session: Session, person_ids: Sequence[str] | None, start: date, end: date
    ) -> list[Absence]:
        query = select(Unavailability).where(
            Unavailability.deleted.is_(False),
            Unavailability.starts_on <= end,
            Unavailability.ends_on >= start,
        )
        if person_ids is not None:
            query = query.where(Unavailability.person_id.in_(list(person_ids)))
        return [_absence_of(r) for r in session.scalars(query)]

    @staticmethod
    def _calendars(session: Session, project_ids: Iterable[str]) -> dict[str, WorkCalendar]:
        """Each project's working calendar (as TeamService.calendar_of), in two queries."""
        query = select(Project.id, Project.calendar_id).where(Project.id.in_(list(project_ids)))
        chosen = {project: calendar for project, calendar in session.execute(query)}
        exceptions: defaultdict[str, dict[date, bool]] = defaultdict(dict)
        calendar_ids = {c for c in chosen.values() if c}
        if calendar_ids:
            for calendar_id, day, working in session.execute(
                select(
                    CalendarException.calendar_id,
                    CalendarException.on_date,
                    CalendarException.is_working,
                ).where(
                    CalendarException.calendar_id.in_(calendar_ids),
                    CalendarException.deleted.is_(False),
                )
            ):
                exceptions[calendar_id][day] = working
        default = WorkCalendar()
        made = {c: WorkCalendar(exceptions[c]) for c in calendar_ids}
        return {p: made[c] if c else default for p, c in chosen.items()}


def _team_bookings(
    session: Session,
    person_ids: Sequence[str] | None,
    start: date | None,
    end: date | None,
    names: dict[str, str],
) -> list[Booking]:
    """Team assignments as bookings (the reservation); adds their projects' names."""
    query = (
        select(
            TeamAssignment.person_id,
            TeamAssignment.project_id,
            TeamAssignment.starts_on,
            TeamAssignment.ends_on,
            TeamAssignment.allocation_pct,
            TeamAssignment.role_name,
            TeamAssignment.id,
            Project.name,
        )
        .join(Project, Project.id == TeamAssignment.project_id)
        .where(TeamAssignment.deleted.is_(False), Project.deleted.is_(False))
    )
    if person_ids is not None:
        query = query.where(TeamAssignment.person_id.in_(list(person_ids)))
    if start is not None:
        query = query.where(TeamAssignment.ends_on >= start)
    if end is not None:
        query = query.where(TeamAssignment.starts_on <= end)
    found = []
    for person, project, first, last, pct, role, source, name in session.execute(query):
        if project:
            found.append(Booking(person, project, first, last, pct, role, BookingKind.TEAM, source))
            names[project] = name
    return found


def _task_bookings(
    session: Session,
    person_ids: Sequence[str] | None,
    start: date | None,
    end: date | None,
    names: dict[str, str],
) -> list[Booking]:
    """Task assignments of live, scheduled tasks as bookings over the tasks' dates; adds
    their projects' names. A summary's own assignments are left out: its sub-tasks carry
    the work (counting both would book the person twice)."""
    child = aliased(PlanTask)
    has_children = (
        select(child.id).where(child.parent_id == PlanTask.id, child.deleted.is_(False)).exists()
    )
    query = (
        select(
            TaskAssignment.person_id,
            PlanTask.project_id,
            PlanTask.start_on,
            PlanTask.finish_on,
            TaskAssignment.units_pct,
            PlanTask.name,
            TaskAssignment.id,
            Project.name,
        )
        .join(PlanTask, PlanTask.id == TaskAssignment.task_id)
        .join(Project, Project.id == PlanTask.project_id)
        .where(
            TaskAssignment.deleted.is_(False),
            PlanTask.deleted.is_(False),
            PlanTask.start_on.is_not(None),
            PlanTask.finish_on.is_not(None),
            Project.deleted.is_(False),
            ~has_children,
        )
    )
    if person_ids is not None:
        query = query.where(TaskAssignment.person_id.in_(list(person_ids)))
    if start is not None:
        query = query.where(PlanTask.finish_on >= start)
    if end is not None:
        query = query.where(PlanTask.start_on <= end)
    found = []
    for person, project, first, last, pct, task, source, name in session.execute(query):
        if project and first and last:
            found.append(Booking(person, project, first, last, pct, task, source_id=source))
            names[project] = name
    return found
