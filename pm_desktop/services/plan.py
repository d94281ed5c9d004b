"""The master plan: WBS tasks, finish-to-start links, scheduling from T, baselines and templates.

Every change is followed by a reschedule in the same transaction (core.schedule), so the dates
stored with the tasks always match the links, the offsets and the project's calendar. A link
that would close a loop is refused and nothing is saved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pm_desktop.core.enums import PoolEventKind
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.plan_exchange import (
    PlanDependency,
    PlanDocument,
    PlanEntry,
    PlanFileError,
    PlanResource,
)
from pm_desktop.core.schedule import Link, Schedule, TaskSpec, rolled_up_percent, schedule
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.locations import resources_dir
from pm_desktop.services.team import TeamService
from pm_desktop.storage.base import Synced
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    CalendarException,
    Person,
    PlanTask,
    PoolEvent,
    Project,
    TaskAssignment,
    TaskDependency,
    WorkingCalendar,
)

MAX_DURATION_DAYS = 5_000
"""About twenty years of working days: more is a typing error, and dates must stay real."""
TASK_FIELDS = (
    "name",
    "parent_id",
    "duration_days",
    "offset_days",
    "is_milestone",
    "percent_complete",
    "notes",
)


@cache
def plan_templates() -> list[dict[str, Any]]:
    """The plan templates shipped in resources/templates/plans.json."""
    path = resources_dir() / "templates" / "plans.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["templates"])


@dataclass(frozen=True, slots=True)
class PlanTaskRecord:
    id: str
    name: str
    wbs_code: str
    parent_id: str | None
    duration_days: int
    offset_days: int | None
    is_milestone: bool
    start_on: date | None
    finish_on: date | None
    percent_complete: int
    baseline_start_on: date | None = None
    baseline_finish_on: date | None = None
    critical: bool = False
    total_float: int = 0
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PlanLinkRecord:
    """A finish-to-start link: the successor starts ``lag_days`` working days after."""

    id: str
    predecessor_id: str
    successor_id: str
    lag_days: int


@dataclass(frozen=True, slots=True)
class TaskAssignmentRecord:
    id: str
    task_id: str
    person_id: str
    person_name: str
    units_pct: int


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """An exception of the project's calendar: a day worked or not against the statutory one."""

    on_date: date
    is_working: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RemovedRows:
    """What a removal tombstoned, so that undo can bring exactly that back."""

    task_ids: tuple[str, ...] = ()
    link_ids: tuple[str, ...] = ()
    assignment_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    """People an import added to the pool, with their "entered" events."""


@dataclass(frozen=True, slots=True)
class PlanImportSummary:
    task_ids: tuple[str, ...]
    links: int
    assignments: int
    people_added: tuple[str, ...]
    replaced: RemovedRows
    person_ids: tuple[str, ...] = ()
    """The ids of ``people_added``."""
    moved_to_t: tuple[str, ...] = ()
    """Tasks whose date in the file was before the plan's start: they start at T."""


def _get(session: Session, model: Any, row_id: str, *, live: bool = True) -> Any:
    row = session.get(model, row_id)
    if row is None or (live and row.deleted):
        raise NotFoundError(f"no {model.__tablename__} row {row_id}")
    return row


def _clean(field: str, value: Any) -> Any:
    if field == "name":
        text = " ".join(str(value).split())
        if not text:
            raise ValidationError("A task needs a name.", field="name")
        return text
    if field == "duration_days":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(
                f"A duration is a whole number of working days, 0 or more (was {value}).",
                field="duration_days",
            )
        if value > MAX_DURATION_DAYS:
            raise ValidationError(f"{value} working days is too long.", field="duration_days")
        return value
    if field == "offset_days":
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError(
                "A task cannot start before T, the contract signing.", field="offset_days"
            )
        if value is not None and value > MAX_DURATION_DAYS:
            raise ValidationError(f"{value} working days after T is too far.", field="offset_days")
        return value
    if field == "percent_complete":
        if not isinstance(value, int) or not 0 <= value <= 100:
            raise ValidationError("Percent complete is from 0 to 100.", field="percent_complete")
        return value
    if field in ("is_milestone",):
        return bool(value)
    if field in ("parent_id", "notes"):
        return value
    raise ValueError(f"not a task field: {field}")


class PlanService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- reading ------------------------------------------------------------------------

    def tasks(self, project_id: str) -> list[PlanTaskRecord]:
        """The project's tasks in WBS order, with their scheduled dates and float."""
        with self._store.read() as session:
            rows = self._plan_rows(session, project_id)
            fresh = all(row.total_float is not None for row in rows)
            plan = None if fresh else self._schedule(session, project_id, rows)
        summaries = {row.parent_id for row in rows if row.parent_id}
        return sorted(
            (self._record(row, plan, summary=row.id in summaries) for row in rows),
            key=lambda r: wbs_key(r.wbs_code),
        )

    def get_task(self, task_id: str) -> PlanTaskRecord:
        with self._store.read() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            return self._record(row, self._schedule(session, row.project_id or ""))

    @staticmethod
    def templates() -> list[tuple[str, str]]:
        """The plan templates: (key, name)."""
        return [(t["key"], t["name"]) for t in plan_templates()]

    def contract_date(self, project_id: str) -> date | None:
        """T, the contract signing the plan is scheduled from (None: today is used)."""
        with self._store.read() as session:
            project: Project = _get(session, Project, project_id)
            return project.contract_signed_on

    def links(self, project_id: str) -> list[PlanLinkRecord]:
        with self._store.read() as session:
            return [
                PlanLinkRecord(*row)
                for row in session.execute(
                    select(
                        TaskDependency.id,
                        TaskDependency.predecessor_id,
                        TaskDependency.successor_id,
                        TaskDependency.lag_days,
                    ).where(
                        TaskDependency.project_id == project_id,
                        TaskDependency.deleted.is_(False),
                    )
                )
            ]

    # --- editing ------------------------------------------------------------------------

    def add_task(
        self, project_id: str, name: str, *, after_id: str | None = None, **fields: Any
    ) -> PlanTaskRecord:
        """Add a task at the end of its level, or right after ``after_id`` (on that task's
        level, unless ``parent_id`` says otherwise)."""
        values = {k: _clean(k, v) for k, v in {"name": name, **fields}.items()}
        if values.get("is_milestone"):
            values["duration_days"] = 0
        with self._store.write() as session:
            _get(session, Project, project_id)
            if after_id:
                after: PlanTask = _get(session, PlanTask, after_id)
                order = self._make_room_after(session, after)
                values.setdefault("parent_id", after.parent_id)
            else:
                last = session.scalar(
                    select(func.max(PlanTask.sort_order)).where(PlanTask.project_id == project_id)
                )
                order = (last or 0) + 1
            if values.get("parent_id"):
                self._check_parent(session, None, values["parent_id"])
            row = PlanTask(project_id=project_id, sort_order=order, **values)
            session.add(row)
            session.flush()
            plan = self._reschedule(session, project_id)
            return self._record(row, plan)

    def update_task(self, task_id: str, **changes: Any) -> PlanTaskRecord:
        values = {k: _clean(k, v) for k, v in changes.items()}
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            if values.get("parent_id"):
                self._check_parent(session, row, values["parent_id"])
            if values.get("is_milestone"):
                values["duration_days"] = 0
                if any(r.parent_id == row.id for r in self._rows(session, row.project_id or "")):
                    raise ValidationError(
                        f"“{row.name}” has sub-tasks: it cannot be a milestone.",
                        field="is_milestone",
                    )
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            session.flush()
            plan = self._reschedule(session, row.project_id or "", outline="parent_id" in values)
            return self._record(row, plan)

    def reschedule(self, project_id: str) -> None:
        """Recompute and store the project's derived dates, float and WBS codes (e.g. after
        sync wrote plan changes made on another device)."""
        with self._store.write() as session:
            self._reschedule(session, project_id)

    def remove_task(self, task_id: str) -> RemovedRows:
        """Tombstone a task, its sub-tasks, their links and assignments."""
        return self.remove_tasks([task_id])

    def remove_tasks(self, task_ids: Sequence[str]) -> RemovedRows:
        if not task_ids:
            return RemovedRows()
        with self._store.write() as session:
            rows = [_get(session, PlanTask, task_id) for task_id in task_ids]
            project_id = rows[0].project_id or ""
            removed = self._tombstone_tasks(session, project_id, task_ids)
            self._reschedule(session, project_id)
            return removed

    def forget_people(self, person_ids: Sequence[str]) -> RemovedRows:
        """Take out of the pool the people an import added (its undo); restore() brings
        them back."""
        with self._store.write() as session:
            for person_id in person_ids:
                tombstone(_get(session, Person, person_id))
            for event in self._pool_events(session, person_ids):
                tombstone(event)
        return RemovedRows(person_ids=tuple(person_ids))

    @staticmethod
    def _pool_events(session: Session, person_ids: Sequence[str]) -> Sequence[PoolEvent]:
        if not person_ids:
            return []
        return session.scalars(select(PoolEvent).where(PoolEvent.person_id.in_(person_ids))).all()

    def restore(self, removed: RemovedRows) -> None:
        """Bring back what a removal tombstoned (undo)."""
        with self._store.write() as session:
            project_ids: set[str] = set()
            for model, ids in (
                (Person, removed.person_ids),
                (PlanTask, removed.task_ids),
                (TaskDependency, removed.link_ids),
                (TaskAssignment, removed.assignment_ids),
            ):
                for row_id in ids:
                    row = _get(session, model, row_id, live=False)
                    row.deleted = False
                    if model is not Person:
                        project_ids.add(row.project_id or "")
            for event in self._pool_events(session, removed.person_ids):
                event.deleted = False
            session.flush()
            for project_id in project_ids:
                self._reschedule(session, project_id)

    def add_link(self, predecessor_id: str, successor_id: str, lag_days: int = 0) -> str:
        """Link two tasks finish-to-start; a link that closes a loop is refused
        (DependencyCycleError names the tasks) and nothing is saved."""
        lag_days = _lag(lag_days)
        with self._store.write() as session:
            before: PlanTask = _get(session, PlanTask, predecessor_id)
            after: PlanTask = _get(session, PlanTask, successor_id)
            if before.project_id != after.project_id:
                raise ValidationError("Both tasks must be in the same plan.", field="links")
            row = TaskDependency(
                project_id=before.project_id,
                predecessor_id=before.id,
                successor_id=after.id,
                lag_days=lag_days,
            )
            session.add(row)
            session.flush()
            self._reschedule(
                session, before.project_id or "", outline=False
            )  # raises on a loop: rolled back
            return row.id

    def remove_link(self, link_id: str) -> None:
        with self._store.write() as session:
            row: TaskDependency = _get(session, TaskDependency, link_id)
            tombstone(row)
            session.flush()
            self._reschedule(session, row.project_id or "", outline=False)

    def set_contract_date(self, project_id: str, signed_on: date | None) -> None:
        """Move T: the whole plan re-flows with it (None: not signed yet, today is used)."""
        with self._store.write() as session:
            project: Project = _get(session, Project, project_id)
            project.contract_signed_on = signed_on
            session.flush()
            self._reschedule(session, project_id, outline=False)

    def save_baseline(self, project_id: str) -> None:
        """Keep the current dates and durations as the baseline to compare with."""
        with self._store.write() as session:
            for row in self._rows(session, project_id):
                row.baseline_start_on = row.start_on
                row.baseline_finish_on = row.finish_on
                row.baseline_duration_days = row.duration_days

    def apply_template(self, project_id: str, key: str) -> list[str]:
        """Add a plan template's tasks and links (see resources/templates/plans.json)."""
        spec = next((t for t in plan_templates() if t["key"] == key), None)
        if spec is None:
            raise NotFoundError(f"no plan template {key}")
        with self._store.write() as session:
            _get(session, Project, project_id)
            last = session.scalar(
                select(func.max(PlanTask.sort_order)).where(PlanTask.project_id == project_id)
            )
            made: dict[str, PlanTask] = {}
            for order, task in enumerate(spec["tasks"], start=(last or 0) + 1):
                row = PlanTask(
                    project_id=project_id,
                    name=task["name"],
                    duration_days=task["duration"],
                    is_milestone=task["duration"] == 0,
                    offset_days=task.get("offset"),
                    sort_order=order,
                )
                session.add(row)
                made[task["key"]] = row
            session.flush()
            for task in spec["tasks"]:
                if "after" in task:
                    session.add(
                        TaskDependency(
                            project_id=project_id,
                            predecessor_id=made[task["after"]].id,
                            successor_id=made[task["key"]].id,
                            lag_days=task.get("lag", 0),
                        )
                    )
            session.flush()
            self._reschedule(session, project_id)
            return [made[t["key"]].id for t in spec["tasks"]]

    def move_task(self, task_id: str, start_on: date) -> PlanTaskRecord:
        """Let a task start no earlier than ``start_on`` (a Gantt drag): its offset from T
        becomes the working days before that day; its links may still hold it later."""
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            project: Project = _get(session, Project, row.project_id or "")
            t = project.contract_signed_on or date.today()
            if start_on < t:
                raise ValidationError(
                    f"“{row.name}” cannot start before T, the contract signing ({t}).",
                    field="offset_days",
                )
            calendar = TeamService.calendar_of(session, project.id)
            offset = calendar.working_days(t, start_on - timedelta(days=1))
            if row.offset_days != offset:
                row.offset_days = offset
            session.flush()
            return self._record(row, self._reschedule(session, project.id, outline=False))

    def move_in_order(self, task_id: str, step: int) -> bool:
        """Move a task (with its sub-tasks) one place up (-1) or down (+1) among the tasks of
        its level; False when it is already first or last."""
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            siblings = self._siblings(session, row)
            at = [r.id for r in siblings].index(row.id) + step
            if not 0 <= at < len(siblings):
                return False
            other = siblings[at]
            if len({s.sort_order for s in siblings}) < len(siblings):  # ties: distinct first
                for n, sibling in enumerate(siblings):
                    sibling.sort_order = siblings[0].sort_order + n
            row.sort_order, other.sort_order = other.sort_order, row.sort_order
            session.flush()
            self._reschedule(session, row.project_id or "")
            return True

    def _siblings(self, session: Session, row: PlanTask) -> list[PlanTask]:
        parent = (
            PlanTask.parent_id.is_(None) if row.parent_id is None
            else PlanTask.parent_id == row.parent_id
        )  # fmt: skip
        return list(
            session.scalars(
                select(PlanTask)
                .where(PlanTask.project_id == row.project_id, PlanTask.deleted.is_(False), parent)
                .order_by(PlanTask.sort_order, PlanTask.id)
            )
        )

    def _make_room_after(self, session: Session, after: PlanTask) -> int:
        """The sort order right after ``after`` among its siblings (later ones move down)."""
        siblings = self._siblings(session, after)
        if len({s.sort_order for s in siblings}) < len(siblings):  # ties: make them distinct
            for n, sibling in enumerate(siblings):
                sibling.sort_order = siblings[0].sort_order + n
        for sibling in siblings:
            if sibling.sort_order > after.sort_order:
                sibling.sort_order += 1
        return after.sort_order + 1

    def indent(self, task_id: str) -> str | None:
        """Make a task a sub-task of the task above it on its level; returns the old parent."""
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            siblings = [
                r for r in self._rows(session, row.project_id or "") if r.parent_id == row.parent_id
            ]
            place = [r.id for r in siblings].index(row.id)
            if place == 0:
                raise ValidationError(
                    f"“{row.name}” has no task above it on its level to go under.",
                    field="parent_id",
                )
            old = row.parent_id
            self._check_parent(session, row, siblings[place - 1].id)
            row.parent_id = siblings[place - 1].id
            session.flush()
            self._reschedule(session, row.project_id or "")
            return old

    def outdent(self, task_id: str) -> str | None:
        """Move a sub-task up one level, after its parent; returns the old parent."""
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            if row.parent_id is None:
                raise ValidationError(
                    f"“{row.name}” is already at the top level.", field="parent_id"
                )
            old = row.parent_id
            parent: PlanTask = _get(session, PlanTask, old)
            row.parent_id = parent.parent_id
            session.flush()
            self._reschedule(session, row.project_id or "")
            return old

    def update_link(self, link_id: str, lag_days: int) -> None:
        lag_days = _lag(lag_days)
        with self._store.write() as session:
            row: TaskDependency = _get(session, TaskDependency, link_id)
            if row.lag_days != lag_days:
                row.lag_days = lag_days
            session.flush()
            self._reschedule(session, row.project_id or "", outline=False)

    def restore_link(self, link_id: str) -> None:
        with self._store.write() as session:
            row: TaskDependency = _get(session, TaskDependency, link_id, live=False)
            row.deleted = False
            session.flush()
            self._reschedule(
                session, row.project_id or "", outline=False
            )  # a loop since: refused, rolled back

    # --- who works on which task ---------------------------------------------------------

    def task_assignments(self, project_id: str) -> list[TaskAssignmentRecord]:
        with self._store.read() as session:
            rows = session.execute(
                select(
                    TaskAssignment.id,
                    TaskAssignment.task_id,
                    TaskAssignment.person_id,
                    Person.name,
                    TaskAssignment.units_pct,
                )
                .join(Person, Person.id == TaskAssignment.person_id)
                .where(TaskAssignment.project_id == project_id, TaskAssignment.deleted.is_(False))
                .order_by(Person.name)
            ).all()
            return [TaskAssignmentRecord(*row) for row in rows]

    def assign_task(self, task_id: str, person_id: str, units_pct: int = 100) -> str:
        units = _units(units_pct)
        with self._store.write() as session:
            task: PlanTask = _get(session, PlanTask, task_id)
            person: Person = _get(session, Person, person_id)
            taken = session.scalar(
                select(TaskAssignment.id).where(
                    TaskAssignment.task_id == task_id,
                    TaskAssignment.person_id == person_id,
                    TaskAssignment.deleted.is_(False),
                )
            )
            if taken:
                raise ValidationError(
                    f"{person.name} already works on “{task.name}”.", field="person_id"
                )
            row = TaskAssignment(
                project_id=task.project_id, task_id=task_id, person_id=person_id, units_pct=units
            )
            session.add(row)
            session.flush()
            return row.id

    def update_task_assignment(self, assignment_id: str, units_pct: int) -> None:
        units = _units(units_pct)
        with self._store.write() as session:
            row: TaskAssignment = _get(session, TaskAssignment, assignment_id)
            if row.units_pct != units:
                row.units_pct = units

    def unassign_task(self, assignment_id: str) -> None:
        with self._store.write() as session:
            tombstone(_get(session, TaskAssignment, assignment_id))

    def restore_task_assignment(self, assignment_id: str) -> None:
        with self._store.write() as session:
            _get(session, TaskAssignment, assignment_id, live=False).deleted = False

    # --- the project's working calendar -------------------------------------------------

    def calendar(self, project_id: str) -> WorkCalendar:
        with self._store.read() as session:
            return TeamService.calendar_of(session, project_id)

    def calendar_days(self, project_id: str) -> list[CalendarDay]:
        """The project's exceptions to the statutory calendar, by date."""
        with self._store.read() as session:
            project: Project = _get(session, Project, project_id)
            if not project.calendar_id:
                return []
            return [
                CalendarDay(row.on_date, row.is_working, row.reason)
                for row in self._exceptions(session, project.calendar_id)
            ]

    def set_calendar_day(
        self, project_id: str, day: date, is_working: bool | None, reason: str = ""
    ) -> CalendarDay | None:
        """Make ``day`` a working day or not for this project (None: as the law says).
        Returns the exception it replaces, for undo. The plan re-flows."""
        with self._store.write() as session:
            project: Project = _get(session, Project, project_id)
            if not project.calendar_id:
                if is_working is None:
                    return None
                made = WorkingCalendar(project_id=project.id, name=project.name)
                session.add(made)
                session.flush()
                project.calendar_id = made.id
            found = {r.on_date: r for r in self._exceptions(session, project.calendar_id)}
            old = found.get(day)
            previous = CalendarDay(old.on_date, old.is_working, old.reason) if old else None
            if is_working is None:
                if old is not None:
                    tombstone(old)
            elif old is None:
                session.add(
                    CalendarException(
                        project_id=project.id,
                        calendar_id=project.calendar_id,
                        on_date=day,
                        is_working=is_working,
                        reason=reason.strip(),
                    )
                )
            else:
                old.is_working, old.reason = is_working, reason.strip()
            session.flush()
            self._reschedule(session, project.id, outline=False)
            return previous

    # --- files --------------------------------------------------------------------------

    def export_document(self, project_id: str) -> PlanDocument:
        """The plan as a format-neutral document for the CSV and MSPDI writers."""
        with self._store.read() as session:
            project: Project = _get(session, Project, project_id)
            plan = self._schedule(session, project_id)
            calendar = TeamService.calendar_of(session, project_id)
            rows = self._rows(session, project_id)
            links = self._links(session, project_id)
            people = session.execute(
                select(TaskAssignment.task_id, Person.name, TaskAssignment.units_pct)
                .join(Person, Person.id == TaskAssignment.person_id)
                .where(TaskAssignment.project_id == project_id, TaskAssignment.deleted.is_(False))
                .order_by(Person.name)
            ).all()
        working: dict[str, list[PlanResource]] = {}
        for task_id, name, units in people:
            working.setdefault(task_id, []).append(PlanResource(name, units))
        notes = {row.id: row.notes or "" for row in rows}
        records = sorted(
            (self._record(row, plan) for row in rows), key=lambda r: wbs_key(r.wbs_code)
        )
        summaries = {r.parent_id for r in records if r.parent_id}
        done = rolled_up_percent(records)
        key = {r.id: r.wbs_code for r in records}  # the ids of a file are the WBS codes
        entries = []
        for record in records:
            summary = record.id in summaries
            span = record.duration_days
            if summary and record.start_on and record.finish_on:
                span = calendar.working_days(record.start_on, record.finish_on)
            entries.append(
                PlanEntry(
                    key=key[record.id],
                    name=record.name,
                    outline_level=record.wbs_code.count(".") + 1,
                    duration_days=span,
                    is_milestone=record.is_milestone,
                    offset_days=record.offset_days,
                    start_on=record.start_on,
                    finish_on=record.finish_on,
                    percent_complete=done.get(record.id, record.percent_complete)
                    if summary
                    else record.percent_complete,
                    notes=notes[record.id],
                    wbs_code=record.wbs_code,
                    resources=tuple(working.get(record.id, ())),
                )
            )
        return PlanDocument(
            entries=tuple(entries),
            dependencies=tuple(
                PlanDependency(key[d.predecessor_id], key[d.successor_id], d.lag_days)
                for d in links
                if d.predecessor_id in key and d.successor_id in key
            ),
            name=project.name,
            contract_signed_on=project.contract_signed_on,
            resources=tuple(sorted({name for _, name, _ in people})),
        )

    def import_document(
        self, project_id: str, document: PlanDocument, *, replace: bool = False
    ) -> PlanImportSummary:
        """Add a document's tasks, links and assignments to the plan (or replace the plan),
        all or nothing: a bad entry raises PlanFileError naming it, a loop
        DependencyCycleError, and the plan is unchanged. People not in the pool by name
        are added to it."""
        _check_document(document)
        with self._store.write() as session:
            project: Project = _get(session, Project, project_id)
            t = project.contract_signed_on or date.today()
            calendar = TeamService.calendar_of(session, project_id)
            replaced = RemovedRows()
            current = [r.id for r in self._rows(session, project_id) if r.parent_id is None]
            last = session.scalar(
                select(func.max(PlanTask.sort_order)).where(PlanTask.project_id == project_id)
            )
            has_predecessor = {d.successor_key for d in document.dependencies}
            # a file that says where its plan starts (MSPDI) moves with T; dates of a file
            # that does not (CSV) are taken as they are, counted from T
            start = document.contract_signed_on or t
            early: list[str] = []
            made: dict[str, PlanTask] = {}
            parents: list[PlanTask] = []
            for order, entry in enumerate(document.entries, start=(last or 0) + 1):
                level = max(1, min(entry.outline_level, len(parents) + 1))
                del parents[level - 1 :]
                offset = entry.offset_days
                free = entry.key not in has_predecessor
                if offset is None and free and entry.start_on:
                    if entry.start_on > start:
                        offset = calendar.working_days(start, entry.start_on - timedelta(days=1))
                    elif entry.start_on < start:
                        early.append(entry.name)
                row = PlanTask(
                    project_id=project_id,
                    parent_id=parents[-1].id if parents else None,
                    name=entry.name,
                    duration_days=0 if entry.is_milestone else entry.duration_days,
                    is_milestone=entry.is_milestone,
                    offset_days=offset,
                    percent_complete=entry.percent_complete,
                    notes=entry.notes,
                    sort_order=order,
                )
                session.add(row)
                session.flush()
                made[entry.key] = row
                parents.append(row)
            for dependency in document.dependencies:
                session.add(
                    TaskDependency(
                        project_id=project_id,
                        predecessor_id=made[dependency.predecessor_key].id,
                        successor_id=made[dependency.successor_key].id,
                        lag_days=dependency.lag_days,
                    )
                )
            people = {
                p.name: p.id
                for p in session.scalars(select(Person).where(Person.deleted.is_(False)))
            }
            added: list[str] = []
            added_ids: list[str] = []
            assignments = 0
            for entry in document.entries:
                for resource in {r.name: r for r in entry.resources}.values():
                    if resource.name not in people:
                        person = Person(name=resource.name)
                        session.add(person)
                        session.flush()
                        session.add(
                            PoolEvent(
                                person_id=person.id,
                                kind=PoolEventKind.ENTERED,
                                occurred_on=date.today(),
                                note="",
                            )
                        )
                        people[resource.name] = person.id
                        added.append(resource.name)
                        added_ids.append(person.id)
                    session.add(
                        TaskAssignment(
                            project_id=project_id,
                            task_id=made[entry.key].id,
                            person_id=people[resource.name],
                            units_pct=_units(resource.units_pct),
                        )
                    )
                    assignments += 1
            session.flush()
            if replace:
                replaced = self._tombstone_tasks(session, project_id, current)
            self._reschedule(session, project_id)  # a loop: DependencyCycleError, rolled back
            return PlanImportSummary(
                tuple(made[e.key].id for e in document.entries),
                len(document.dependencies),
                assignments,
                tuple(added),
                replaced,
                tuple(added_ids),
                tuple(early),
            )

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _rows(session: Session, project_id: str) -> Sequence[PlanTask]:
        return session.scalars(
            select(PlanTask)
            .where(PlanTask.project_id == project_id, PlanTask.deleted.is_(False))
            .order_by(PlanTask.sort_order, PlanTask.id)
        ).all()

    @staticmethod
    def _links(session: Session, project_id: str) -> Sequence[TaskDependency]:
        return session.scalars(
            select(TaskDependency).where(
                TaskDependency.project_id == project_id, TaskDependency.deleted.is_(False)
            )
        ).all()

    def _tombstone_tasks(
        self, session: Session, project_id: str, task_ids: Sequence[str]
    ) -> RemovedRows:
        doomed: dict[str, PlanTask] = {}
        for task_id in task_ids:
            doomed.update((t.id, t) for t in self._subtree(session, project_id, task_id))
        links = [
            link
            for link in self._links(session, project_id)
            if link.predecessor_id in doomed or link.successor_id in doomed
        ]
        assignments = session.scalars(
            select(TaskAssignment).where(
                TaskAssignment.task_id.in_(doomed), TaskAssignment.deleted.is_(False)
            )
        ).all()
        gone: list[Synced] = [*doomed.values(), *links, *assignments]
        for row in gone:
            tombstone(row)
        session.flush()
        return RemovedRows(
            tuple(doomed), tuple(x.id for x in links), tuple(x.id for x in assignments)
        )

    @staticmethod
    def _exceptions(session: Session, calendar_id: str) -> Sequence[CalendarException]:
        return session.scalars(
            select(CalendarException)
            .where(
                CalendarException.calendar_id == calendar_id, CalendarException.deleted.is_(False)
            )
            .order_by(CalendarException.on_date)
        ).all()

    def _check_parent(self, session: Session, row: PlanTask | None, parent_id: str) -> None:
        parent: PlanTask = _get(session, PlanTask, parent_id)
        if parent.is_milestone:
            raise ValidationError(
                f"“{parent.name}” is a milestone: it cannot have sub-tasks.", field="parent_id"
            )
        if row is None:
            return
        if parent.project_id != row.project_id:
            raise ValidationError("A sub-task must be in the same plan.", field="parent_id")
        below = {t.id for t in self._subtree(session, row.project_id or "", row.id)}
        if parent_id in below:
            raise ValidationError(
                f"“{row.name}” cannot go under itself or one of its sub-tasks.", field="parent_id"
            )

    def _subtree(self, session: Session, project_id: str, task_id: str) -> list[PlanTask]:
        rows = self._rows(session, project_id)
        found = [r for r in rows if r.id == task_id]
        frontier = {task_id}
        while frontier:
            kids = [r for r in rows if r.parent_id in frontier]
            found.extend(kids)
            frontier = {r.id for r in kids}
        return found

    @staticmethod
    def _plan_rows(session: Session, project_id: str, columns: Sequence[Any] = ()) -> Sequence[Any]:
        """The live tasks' ``columns`` (default: all a record shows) in outline-sibling order,
        read without ORM objects (a plan may have thousands of tasks, read after every change)."""
        return session.execute(
            select(*(columns or _PLAN_COLUMNS))
            .where(PlanTask.project_id == project_id, PlanTask.deleted.is_(False))
            .order_by(PlanTask.sort_order, PlanTask.id)
        ).all()

    def _schedule(
        self, session: Session, project_id: str, rows: Sequence[Any] | None = None
    ) -> Schedule:
        project: Project = _get(session, Project, project_id)
        if rows is None:
            rows = self._plan_rows(session, project_id)
        specs = [TaskSpec(r.id, r.name, r.parent_id, r.duration_days, r.offset_days) for r in rows]
        links = [
            Link(*link)
            for link in session.execute(
                select(
                    TaskDependency.predecessor_id,
                    TaskDependency.successor_id,
                    TaskDependency.lag_days,
                ).where(TaskDependency.project_id == project_id, TaskDependency.deleted.is_(False))
            )
        ]
        t = project.contract_signed_on or date.today()
        return schedule(specs, links, t, TeamService.calendar_of(session, project_id))

    def _reschedule(self, session: Session, project_id: str, *, outline: bool = True) -> Schedule:
        """Compute the plan and store the dates and WBS codes that changed (the codes only
        when the ``outline`` may have: tasks added, removed or moved in the hierarchy).

        These columns are derived (``PlanTask.__derived__``): every replica computes them
        from the synced inputs, so they are written in one statement and not change-logged."""
        session.flush()
        rows = self._plan_rows(session, project_id, _SCHEDULE_COLUMNS)
        plan = self._schedule(session, project_id, rows)
        codes = _wbs_codes(rows) if outline else {row.id: row.wbs_code for row in rows}
        changed: list[tuple[str | None, str | None, str, int | None, str]] = []
        for row in rows:
            placed = plan.placements.get(row.id)
            start = placed.start_on if placed else None
            finish = placed.finish_on if placed else None
            slack = placed.total_float if placed else None
            stored = (row.start_on, row.finish_on, row.wbs_code, row.total_float)
            if stored != (start, finish, codes[row.id], slack):
                changed.append((_iso(start), _iso(finish), codes[row.id], slack, row.id))
        if changed:
            # The driver's executemany: a whole plan's dates after a download or an import,
            # without SQLAlchemy's per-row parameter processing (dates stored as it stores them).
            session.connection().exec_driver_sql(
                "UPDATE plan_tasks SET start_on = ?, finish_on = ?, wbs_code = ?, total_float = ?"
                " WHERE id = ?",
                changed,
            )
            refreshed = {c[-1] for c in changed}
            for obj in session.identity_map.values():
                if isinstance(obj, PlanTask) and obj.id in refreshed:
                    session.expire(obj, ["start_on", "finish_on", "wbs_code", "total_float"])
        return plan

    @staticmethod
    def _record(row: Any, plan: Schedule | None, *, summary: bool = False) -> PlanTaskRecord:
        """A task's record, with the dates and float of ``plan`` (None: as stored)."""
        placed = plan.placements.get(row.id) if plan is not None else None
        if placed is not None:
            start, finish = placed.start_on, placed.finish_on
            slack, critical = placed.total_float, placed.critical
        else:
            start, finish, slack = row.start_on, row.finish_on, row.total_float or 0
            critical = row.total_float == 0 and not summary
        return PlanTaskRecord(
            id=row.id,
            name=row.name,
            wbs_code=row.wbs_code,
            parent_id=row.parent_id,
            duration_days=row.duration_days,
            offset_days=row.offset_days,
            is_milestone=row.is_milestone,
            start_on=start,
            finish_on=finish,
            percent_complete=row.percent_complete,
            baseline_start_on=row.baseline_start_on,
            baseline_finish_on=row.baseline_finish_on,
            critical=critical,
            total_float=slack,
            notes=row.notes or "",
        )


_PLAN_COLUMNS = (
    PlanTask.id,
    PlanTask.name,
    PlanTask.parent_id,
    PlanTask.duration_days,
    PlanTask.offset_days,
    PlanTask.is_milestone,
    PlanTask.percent_complete,
    PlanTask.wbs_code,
    PlanTask.start_on,
    PlanTask.finish_on,
    PlanTask.total_float,
    PlanTask.baseline_start_on,
    PlanTask.baseline_finish_on,
    PlanTask.notes,
)


_SCHEDULE_COLUMNS = (
    PlanTask.id,
    PlanTask.name,
    PlanTask.parent_id,
    PlanTask.duration_days,
    PlanTask.offset_days,
    PlanTask.wbs_code,
    PlanTask.start_on,
    PlanTask.finish_on,
    PlanTask.total_float,
)
"""What a reschedule reads: its inputs and the derived values it compares."""


def wbs_key(code: str) -> tuple[int, ...]:
    """Sorts WBS codes in outline order: 1, 1.1, 1.2, 2, 10."""
    return tuple(int(part) if part.isdigit() else 1 << 30 for part in code.split("."))


def _lag(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_DURATION_DAYS:
        raise ValidationError(
            f"A lag is a whole number of working days up to {MAX_DURATION_DAYS} (was {value}).",
            field="lag_days",
        )
    return value


def _units(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise ValidationError(
            f"A share of a person's day is from 1 to 100 % (was {value}).", field="units_pct"
        )
    return value


def _check_document(document: PlanDocument) -> None:
    """The checks a file reader may have left to us: names, numbers, keys of links."""
    keys: set[str] = set()
    for entry in document.entries:
        if entry.key in keys:
            raise PlanFileError(
                f"the id {entry.key} is used twice", where=entry.source or f"task {entry.key}"
            )
        keys.add(entry.key)
        _check_entry(entry)
    for dependency in document.dependencies:
        if abs(dependency.lag_days) > MAX_DURATION_DAYS:
            raise PlanFileError(
                f"the lag of {dependency.lag_days} working days after task "
                f"{dependency.predecessor_key} is too long",
                where=f"task {dependency.successor_key}",
            )
        for key in (dependency.predecessor_key, dependency.successor_key):
            if key not in keys:
                raise PlanFileError(f"a dependency names the task {key}, which is not in the file")


def _check_entry(entry: PlanEntry) -> None:
    where = entry.source or f"task {entry.key}"
    if not " ".join(entry.name.split()):
        raise PlanFileError("a task needs a name", where=where)
    if entry.duration_days < 0 or entry.duration_days > MAX_DURATION_DAYS:
        raise PlanFileError(f"{entry.duration_days} is not a duration in working days", where=where)
    if not 0 <= entry.percent_complete <= 100:
        raise PlanFileError("percent complete is from 0 to 100", where=where)
    offset = entry.offset_days
    if offset is not None and not 0 <= offset <= MAX_DURATION_DAYS:
        raise PlanFileError(
            f"an offset of {offset} working days from T is not possible", where=where
        )
    for resource in entry.resources:
        if not resource.name.strip() or not 1 <= resource.units_pct <= 100:
            raise PlanFileError(f"the resource “{resource.name}” is not valid", where=where)


def _wbs_codes(rows: Sequence[Any]) -> dict[str, str]:
    """``1``, ``1.1``, ``1.2``, ``2``… from the hierarchy and the order of the rows."""
    ids = {r.id for r in rows}
    children: dict[str | None, list[Any]] = {}
    for row in rows:
        parent = row.parent_id if row.parent_id in ids else None
        children.setdefault(parent, []).append(row)
    codes: dict[str, str] = {}
    stack: list[tuple[str | None, str]] = [(None, "")]
    while stack:
        parent, prefix = stack.pop()
        for number, row in enumerate(children.get(parent, []), start=1):
            if row.id in codes:
                continue
            codes[row.id] = f"{prefix}{number}"
            stack.append((row.id, f"{prefix}{number}."))
    for row in rows:  # a looping parent chain: number what is left at the top
        codes.setdefault(row.id, "?")
    return codes


def _iso(day: date | None) -> str | None:
    """A date as SQLAlchemy stores it in SQLite (``YYYY-MM-DD``)."""
    return None if day is None else day.isoformat()
