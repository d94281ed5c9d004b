"""All tables. Importing this package registers every model on ``Base.metadata``."""

from functools import cache

from pm_desktop.storage.base import Base, Synced
from pm_desktop.storage.models.local import ChangeLogEntry, LocalMeta
from pm_desktop.storage.models.mail import OutboxMessage, OutboxRecipient
from pm_desktop.storage.models.meetings import (
    ActionItem,
    ActionStatusChange,
    AgendaItem,
    Meeting,
    MeetingAttendee,
    MinuteEntry,
)
from pm_desktop.storage.models.plan import (
    CalendarException,
    PlanTask,
    TaskAssignment,
    TaskDependency,
    WorkingCalendar,
)
from pm_desktop.storage.models.pool import Person, PoolEvent, Unavailability
from pm_desktop.storage.models.projects import Project
from pm_desktop.storage.models.stakeholders import Demand, Stakeholder, Touchpoint
from pm_desktop.storage.models.sync import FieldStamp, RowStamp, StampShape, SyncConflict
from pm_desktop.storage.models.team import RaciEntry, TeamAssignment, TeamTemplate, TemplateRole

__all__ = [
    "ActionItem",
    "ActionStatusChange",
    "AgendaItem",
    "CalendarException",
    "ChangeLogEntry",
    "Demand",
    "FieldStamp",
    "LocalMeta",
    "Meeting",
    "MeetingAttendee",
    "MinuteEntry",
    "OutboxMessage",
    "OutboxRecipient",
    "Person",
    "PlanTask",
    "PoolEvent",
    "Project",
    "RaciEntry",
    "RowStamp",
    "Stakeholder",
    "StampShape",
    "SyncConflict",
    "TaskAssignment",
    "TaskDependency",
    "TeamAssignment",
    "TeamTemplate",
    "TemplateRole",
    "Touchpoint",
    "Unavailability",
    "WorkingCalendar",
    "synced_models",
]


@cache
def synced_models() -> dict[str, type[Synced]]:
    """Synced table name -> its model."""
    return {
        mapper.class_.__tablename__: mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced)
    }
