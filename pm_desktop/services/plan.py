"""The master plan: WBS tasks, finish-to-start links, scheduling from T, baselines and templates.

Every change is followed by a reschedule in the same transaction (core.schedule), so the dates
stored with the tasks always match the links, the offsets and the project's calendar. A link
that would close a loop is refused and nothing is saved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.schedule import Link, Schedule, TaskSpec, schedule
from pm_desktop.locations import resources_dir
from pm_desktop.services.team import TeamService
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import PlanTask, Project, TaskDependency

MAX_DURATION_DAYS = 5_000
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
            plan = self._schedule(session, project_id)
            rows = self._rows(session, project_id)
        return [self._record(row, plan) for row in rows]

    def links(self, project_id: str) -> list[Link]:
        with self._store.read() as session:
            return [
                Link(d.predecessor_id, d.successor_id, d.lag_days)
                for d in self._links(session, project_id)
            ]

    # --- editing ------------------------------------------------------------------------

    def add_task(self, project_id: str, name: str, **fields: Any) -> PlanTaskRecord:
        values = {k: _clean(k, v) for k, v in {"name": name, **fields}.items()}
        if values.get("is_milestone"):
            values["duration_days"] = 0
        with self._store.write() as session:
            _get(session, Project, project_id)
            if values.get("parent_id"):
                _get(session, PlanTask, values["parent_id"])
            last = session.scalar(
                select(func.max(PlanTask.sort_order)).where(PlanTask.project_id == project_id)
            )
            row = PlanTask(project_id=project_id, sort_order=(last or 0) + 1, **values)
            session.add(row)
            session.flush()
            plan = self._reschedule(session, project_id)
            return self._record(row, plan)

    def update_task(self, task_id: str, **changes: Any) -> PlanTaskRecord:
        values = {k: _clean(k, v) for k, v in changes.items()}
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            session.flush()
            plan = self._reschedule(session, row.project_id or "")
            return self._record(row, plan)

    def remove_task(self, task_id: str) -> None:
        """Tombstone a task, its sub-tasks and their links."""
        with self._store.write() as session:
            row: PlanTask = _get(session, PlanTask, task_id)
            project_id = row.project_id or ""
            doomed = self._subtree(session, project_id, task_id)
            for task in doomed:
                tombstone(task)
            ids = {t.id for t in doomed}
            for link in self._links(session, project_id):
                if link.predecessor_id in ids or link.successor_id in ids:
                    tombstone(link)
            session.flush()
            self._reschedule(session, project_id)

    def add_link(self, predecessor_id: str, successor_id: str, lag_days: int = 0) -> str:
        """Link two tasks finish-to-start; a link that closes a loop is refused
        (DependencyCycleError names the tasks) and nothing is saved."""
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
            self._reschedule(session, before.project_id or "")  # raises on a loop: rolled back
            return row.id

    def remove_link(self, link_id: str) -> None:
        with self._store.write() as session:
            row: TaskDependency = _get(session, TaskDependency, link_id)
            tombstone(row)
            session.flush()
            self._reschedule(session, row.project_id or "")

    def set_contract_date(self, project_id: str, signed_on: date) -> None:
        """Move T: the whole plan re-flows with it."""
        with self._store.write() as session:
            project: Project = _get(session, Project, project_id)
            project.contract_signed_on = signed_on
            session.flush()
            self._reschedule(session, project_id)

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

    def _subtree(self, session: Session, project_id: str, task_id: str) -> list[PlanTask]:
        rows = self._rows(session, project_id)
        found = [r for r in rows if r.id == task_id]
        frontier = {task_id}
        while frontier:
            kids = [r for r in rows if r.parent_id in frontier]
            found.extend(kids)
            frontier = {r.id for r in kids}
        return found

    def _schedule(self, session: Session, project_id: str) -> Schedule:
        project: Project = _get(session, Project, project_id)
        rows = self._rows(session, project_id)
        specs = [TaskSpec(r.id, r.name, r.parent_id, r.duration_days, r.offset_days) for r in rows]
        links = [
            Link(d.predecessor_id, d.successor_id, d.lag_days)
            for d in self._links(session, project_id)
        ]
        t = project.contract_signed_on or date.today()
        return schedule(specs, links, t, TeamService.calendar_of(session, project_id))

    def _reschedule(self, session: Session, project_id: str) -> Schedule:
        """Compute the plan and store the dates and WBS codes that changed."""
        plan = self._schedule(session, project_id)
        rows = self._rows(session, project_id)
        codes = _wbs_codes(rows)
        for row in rows:
            placed = plan.placements.get(row.id)
            start = placed.start_on if placed else None
            finish = placed.finish_on if placed else None
            if (row.start_on, row.finish_on) != (start, finish):
                row.start_on, row.finish_on = start, finish
            if row.wbs_code != codes[row.id]:
                row.wbs_code = codes[row.id]
        return plan

    @staticmethod
    def _record(row: PlanTask, plan: Schedule) -> PlanTaskRecord:
        placed = plan.placements.get(row.id)
        return PlanTaskRecord(
            id=row.id,
            name=row.name,
            wbs_code=row.wbs_code,
            parent_id=row.parent_id,
            duration_days=row.duration_days,
            offset_days=row.offset_days,
            is_milestone=row.is_milestone,
            start_on=placed.start_on if placed else row.start_on,
            finish_on=placed.finish_on if placed else row.finish_on,
            percent_complete=row.percent_complete,
            baseline_start_on=row.baseline_start_on,
            baseline_finish_on=row.baseline_finish_on,
            critical=placed.critical if placed else False,
            total_float=placed.total_float if placed else 0,
        )


def _wbs_codes(rows: Sequence[PlanTask]) -> dict[str, str]:
    """``1``, ``1.1``, ``1.2``, ``2``… from the hierarchy and the order of the rows."""
    ids = {r.id for r in rows}
    children: dict[str | None, list[PlanTask]] = {}
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
