"""The action tracker: every action item of a project, or of all projects, filtered and sorted."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select

from pm_desktop.core.meetings import OPEN_STATUSES, ActionEntry
from pm_desktop.core.tracker import TrackedAction, TrackerFilter, TrackerSort
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import ActionItem, Meeting, Project

_COLUMNS = (
    ActionItem.id,
    ActionItem.number,
    ActionItem.what,
    ActionItem.why,
    ActionItem.who,
    ActionItem.due_on,
    ActionItem.where,
    ActionItem.how,
    ActionItem.status,
    ActionItem.meeting_id,
    ActionItem.project_id,
    Project.name,
    Meeting.title,
)


def _query(wanted: TrackerFilter) -> Select[*tuple[Any, ...]]:
    """Plain columns, not ORM entities: thousands of rows come back several times faster."""
    query = (
        select(*_COLUMNS)
        .join(Project, Project.id == ActionItem.project_id)
        .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(ActionItem.deleted.is_(False), Project.deleted.is_(False))
    )
    if wanted.project_id is not None:
        query = query.where(ActionItem.project_id == wanted.project_id)
    if wanted.owner.strip():
        query = query.where(func.lower(ActionItem.who).contains(wanted.owner.strip().lower()))
    if wanted.text.strip():
        query = query.where(func.lower(ActionItem.what).contains(wanted.text.strip().lower()))
    if wanted.statuses:
        query = query.where(ActionItem.status.in_(wanted.statuses))
    if wanted.due_from is not None:
        query = query.where(ActionItem.due_on >= wanted.due_from)
    if wanted.due_to is not None:
        query = query.where(ActionItem.due_on <= wanted.due_to)
    if wanted.overdue_on is not None:
        query = query.where(
            ActionItem.status.in_(OPEN_STATUSES), ActionItem.due_on < wanted.overdue_on
        )
    no_due_last = case((ActionItem.due_on.is_(None), 1), else_=0)
    orders = {
        TrackerSort.DUE: (no_due_last, ActionItem.due_on, ActionItem.number),
        TrackerSort.OWNER: (ActionItem.who, no_due_last, ActionItem.due_on),
        TrackerSort.STATUS: (ActionItem.status, no_due_last, ActionItem.due_on),
        TrackerSort.NEWEST: (Meeting.starts_at.desc(), ActionItem.number),
    }
    return query.order_by(*orders[wanted.sort]).offset(wanted.offset).limit(wanted.limit)


class ActionTracker:
    def __init__(self, store: Store) -> None:
        self._store = store

    def find(self, wanted: TrackerFilter) -> list[TrackedAction]:
        """Actions matching ``wanted`` (at most ``wanted.limit``), without their history."""
        with self._store.read() as session:
            return [
                TrackedAction(
                    ActionEntry(*row[:10]),
                    project_id=row[10],
                    project_name=row[11],
                    meeting_title=row[12] or "",
                )
                for row in session.execute(_query(wanted))
            ]

    def count(self, wanted: TrackerFilter) -> int:
        """How many actions match ``wanted`` in all (``find`` returns one page of them)."""
        matching = _query(wanted).limit(None).offset(None).order_by(None).subquery()
        with self._store.read() as session:
            return session.scalar(select(func.count()).select_from(matching)) or 0

    def owners(self, project_id: str | None = None) -> list[str]:
        """Distinct owner names, for the owner filter's choices."""
        query = select(ActionItem.who).where(ActionItem.deleted.is_(False), ActionItem.who != "")
        if project_id is not None:
            query = query.where(ActionItem.project_id == project_id)
        with self._store.read() as session:
            return sorted(set(session.scalars(query.distinct())))

    def count_overdue(self, project_id: str | None, today: date) -> int:
        query = select(func.count()).where(
            ActionItem.deleted.is_(False),
            ActionItem.status.in_(OPEN_STATUSES),
            ActionItem.due_on < today,
        )
        if project_id is not None:
            query = query.where(ActionItem.project_id == project_id)
        with self._store.read() as session:
            return session.scalar(query) or 0
