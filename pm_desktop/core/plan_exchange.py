"""A master plan as it travels through files (CSV, Microsoft Project XML), format-neutral.

Readers of a file format produce a :class:`PlanDocument`; the plan service turns it into tasks,
links and assignments (and a plan into a document for the writers). The hierarchy is carried
the way both formats carry it: entries in outline order, each with its outline level (1 = top).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pm_desktop.core.errors import ValidationError


@dataclass(frozen=True, slots=True)
class PlanResource:
    """A person working on a task, by name, with the share of their day (1–100 %)."""

    name: str
    units_pct: int = 100


@dataclass(frozen=True, slots=True)
class PlanEntry:
    key: str
    """Unique within the document: the file's task id (MSPDI UID, CSV row id)."""
    name: str
    outline_level: int = 1
    duration_days: int = 1
    """Working days; 0 for a milestone. Ignored for a summary (it spans its children)."""
    is_milestone: bool = False
    offset_days: int | None = None
    """Earliest start in working days after T; None: driven by links (or by ``start_on``)."""
    start_on: date | None = None
    """The scheduled start (written on export; on import used for an entry without offset and
    without predecessors, so a plan from another tool keeps its dates)."""
    finish_on: date | None = None
    percent_complete: int = 0
    notes: str = ""
    wbs_code: str = ""
    resources: tuple[PlanResource, ...] = ()
    source: str = ""
    """Where the entry came from, for messages: "line 7", "task UID 12"."""


@dataclass(frozen=True, slots=True)
class PlanDependency:
    predecessor_key: str
    successor_key: str
    lag_days: int = 0


@dataclass(frozen=True, slots=True)
class PlanDocument:
    entries: tuple[PlanEntry, ...]
    dependencies: tuple[PlanDependency, ...] = ()
    name: str = ""
    contract_signed_on: date | None = None
    """T of the plan the document was written from (informative on import)."""
    resources: tuple[str, ...] = field(default=())
    """Every resource name of the document, including those without tasks."""
    warnings: tuple[str, ...] = ()
    """What a reader changed to fit (e.g. start-to-start links read as finish-to-start)."""


class PlanFileError(ValidationError):
    """A plan file that cannot be read: the message names the line or the task."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message, field="file")
        self.where = where
