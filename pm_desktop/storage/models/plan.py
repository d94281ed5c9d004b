"""Master plan: WBS tasks, dependencies, assignments, working calendars and their exceptions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import DependencyKind
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class PlanTask(Synced, Base):
    """A WBS node. Durations are in working days; ``offset_days`` is from T (contract signing)."""

    __tablename__ = "plan_tasks"
    #: Computed from the synced columns by the scheduler on every replica; not change-logged.
    __derived__ = frozenset({"wbs_code", "start_on", "finish_on", "total_float"})
    __table_args__ = (
        CheckConstraint("duration_days >= 0", name="duration_not_negative"),
        CheckConstraint("percent_complete BETWEEN 0 AND 100", name="percent_0_to_100"),
    )

    parent_id: Mapped[str | None] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    wbs_code: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[Name]
    sort_order: Mapped[int] = mapped_column(default=0)
    is_milestone: Mapped[bool] = mapped_column(default=False)
    duration_days: Mapped[int] = mapped_column(default=1)
    offset_days: Mapped[int | None]
    """Earliest start as working days after T; none means driven by dependencies only."""
    start_on: Mapped[date | None]
    finish_on: Mapped[date | None]
    total_float: Mapped[int | None]
    """Working days the task can slip without moving the plan's end (none: not yet computed)."""
    baseline_start_on: Mapped[date | None]
    baseline_finish_on: Mapped[date | None]
    baseline_duration_days: Mapped[int | None]
    percent_complete: Mapped[int] = mapped_column(default=0)
    notes: Mapped[LongText]


class TaskDependency(Synced, Base):
    __tablename__ = "task_dependencies"

    predecessor_id: Mapped[str] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    successor_id: Mapped[str] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    kind: Mapped[DependencyKind] = mapped_column(
        enum_column(DependencyKind), default=DependencyKind.FINISH_TO_START
    )
    lag_days: Mapped[int] = mapped_column(default=0)


class TaskAssignment(Synced, Base):
    __tablename__ = "task_assignments"
    __table_args__ = (CheckConstraint("units_pct BETWEEN 1 AND 100", name="units_1_to_100"),)

    task_id: Mapped[str] = mapped_column(ForeignKey("plan_tasks.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    units_pct: Mapped[int] = mapped_column(default=100)


class WorkingCalendar(Synced, Base):
    """Statutory holidays and adjusted weekends of ``country`` plus this calendar's exceptions."""

    __tablename__ = "working_calendars"
    __team_scope__ = True

    name: Mapped[Name]
    country: Mapped[str] = mapped_column(String(8), default="CN")
    notes: Mapped[LongText]


class CalendarException(Synced, Base):
    """A day that differs from the statutory calendar: a site closed, a weekend worked."""

    __tablename__ = "calendar_exceptions"
    __team_scope__ = True

    calendar_id: Mapped[str] = mapped_column(ForeignKey("working_calendars.id"), index=True)
    on_date: Mapped[date]
    is_working: Mapped[bool]
    reason: Mapped[LongText]
