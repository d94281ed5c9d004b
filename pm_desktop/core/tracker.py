"""What the action tracker asks for: filters and sort orders over 5W1H action items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.meetings import ActionEntry


class TrackerSort(StrEnum):
    DUE = "due"  # soonest first, items without a due date last
    OWNER = "owner"
    STATUS = "status"
    NEWEST = "newest"  # latest meeting first


@dataclass(frozen=True, slots=True)
class TrackerFilter:
    """Empty fields filter nothing. ``project_id`` None means every project."""

    project_id: str | None = None
    owner: str = ""
    """Part of the owner's name, ignoring case."""
    statuses: frozenset[ActionStatus] = field(default_factory=frozenset)
    due_from: date | None = None
    due_to: date | None = None
    overdue_on: date | None = None
    """Only open items due before this day."""
    text: str = ""
    """Part of What, ignoring case."""
    sort: TrackerSort = TrackerSort.DUE
    offset: int = 0
    limit: int = 1000
    """One page: the table fetches more as the user scrolls."""


@dataclass(frozen=True, slots=True)
class TrackedAction:
    """An action with where it came from, for the tracker's table."""

    action: ActionEntry
    project_id: str
    project_name: str
    meeting_title: str
