"""The task table beside the Gantt chart: one row per task in outline (WBS) order.

Names are indented by level and summaries are bold. Predecessors read and are typed as WBS codes
with an optional lag (``1.2, 3+2``); resources as names with an optional share (``张三, 李四 50%``).
Edits are reported through ``editRequested`` and become undoable commands in the tab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from pm_desktop.core.errors import ValidationError
from pm_desktop.core.schedule import rolled_up_percent
from pm_desktop.ui.delegates import pydate, qdate
from pm_desktop.ui.rows_model import IdRowsModel, Index
from pm_desktop.ui.style import ERROR, MUTED

_READ_ONLY = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable  # made once: flags() runs per cell painted
SUMMARY_DERIVED = frozenset({"duration_days", "start_on", "percent_complete", "resources"})
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
INDENT = "\u2003"  # an em space per outline level


@dataclass(frozen=True, slots=True)
class PlanRow:
    """What one row shows: a task with its place in the outline, links and people."""

    id: str
    wbs_code: str
    name: str
    level: int
    is_summary: bool
    is_milestone: bool
    duration_days: int
    start_on: date | None
    finish_on: date | None
    percent_complete: int
    critical: bool
    total_float: int
    predecessors: str
    resources: str
    slip_days: int | None
    """Working days the finish moved since the baseline (None: no baseline)."""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PredecessorRef:
    wbs_code: str
    lag_days: int


_PREDECESSOR = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)*)\s*(?:([+-])\s*([0-9]+)\s*[dD天]?)?\s*$")
_RESOURCE = re.compile(r"^\s*(.+?)\s*(?:[\[(（]?\s*([0-9]{1,3})\s*%\s*[\])）]?)?\s*$")
_SEPARATORS = re.compile(r"[,，;；、]")


def parse_predecessors(text: str) -> list[PredecessorRef]:
    """``"1.2, 3+2"`` → refs; a part that is not a WBS code with a lag raises ValidationError."""
    refs = []
    for part in _SEPARATORS.split(text):
        if not part.strip():
            continue
        found = _PREDECESSOR.match(part)
        if found is None:
            raise ValidationError(
                f"“{part.strip()}” is not a WBS code with an optional lag, such as 1.2 or 3+2.",
                field="links",
            )
        code, sign, lag = found.groups()
        days = int(lag or 0) * (-1 if sign == "-" else 1)
        refs.append(PredecessorRef(code, days))
    return refs


def parse_resources(text: str) -> list[tuple[str, int]]:
    """``"张三, 李四 50%"`` → [(name, units)]."""
    people = []
    for part in _SEPARATORS.split(text):
        if not part.strip():
            continue
        found = _RESOURCE.match(part)
        assert found is not None  # the pattern matches any non-blank text
        name, units = found.groups()
        people.append((" ".join(name.split()), int(units) if units else 100))
    return people


def predecessor_text(refs: Sequence[PredecessorRef]) -> str:
    return ", ".join(ref.wbs_code + (f"{ref.lag_days:+d}" if ref.lag_days else "") for ref in refs)


class PlanTasksModel(IdRowsModel):
    FIELDS: ClassVar[tuple[str, ...]] = (
        "wbs_code",
        "name",
        "duration_days",
        "start_on",
        "finish_on",
        "predecessors",
        "resources",
        "percent_complete",
        "slip_days",
        "notes",
    )
    COLUMNS = len(FIELDS)
    ROWS_SELF_CONTAINED = True
    EDITABLE: ClassVar[frozenset[str]] = frozenset(
        {
            "name",
            "duration_days",
            "start_on",
            "predecessors",
            "resources",
            "percent_complete",
            "notes",
        }
    )
    #: A task's row, the field and the new value (a date, an int or text).
    editRequested = Signal(object, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def record(self, row: int) -> PlanRow:
        return self._rows[row]  # type: ignore[no-any-return]

    def records(self) -> list[PlanRow]:
        return list(self._rows)

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("WBS"),
            self.tr("Task"),
            self.tr("Duration"),
            self.tr("Start"),
            self.tr("Finish"),
            self.tr("Predecessors"),
            self.tr("Resources"),
            self.tr("% Done"),
            self.tr("Slip"),
            self.tr("Notes"),
        )

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._edit_value,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
        }

    def _display(self, row: PlanRow, column: int) -> Any:  # noqa: PLR0911
        field = self.FIELDS[column]
        if field == "name":
            return INDENT * (row.level - 1) + ("◆ " if row.is_milestone else "") + row.name
        if field == "duration_days":
            if row.is_milestone:
                return self.tr("Milestone")
            return self.tr("%n day(s)", "", row.duration_days)
        if field in ("start_on", "finish_on"):
            value = getattr(row, field)
            return "" if value is None else value.isoformat()
        if field == "percent_complete":
            return f"{row.percent_complete} %"
        if field == "notes":
            return " ".join(row.notes.split())
        if field == "slip_days":
            if not row.slip_days:
                return ""
            return (
                self.tr("%n day(s) late", "", row.slip_days)
                if row.slip_days > 0
                else (self.tr("%n day(s) early", "", -row.slip_days))
            )
        return getattr(row, field)

    def _edit_value(self, row: PlanRow, column: int) -> Any:
        field = self.FIELDS[column]
        if field in ("start_on", "finish_on"):
            value = getattr(row, field)
            return None if value is None else qdate(value)
        if field == "slip_days":
            return row.slip_days or 0
        return getattr(row, field)

    def _font(self, row: PlanRow, column: int) -> Any:
        return self._bold if row.is_summary else None

    def _foreground(self, row: PlanRow, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "slip_days" and row.slip_days and row.slip_days > 0:
            return QBrush(ERROR)
        if field == "finish_on" and row.critical:
            return QBrush(ERROR)
        if field == "wbs_code":
            return QBrush(MUTED)
        return None

    def _alignment(self, row: PlanRow, column: int) -> Any:
        field = self.FIELDS[column]
        return RIGHT if field in ("duration_days", "percent_complete", "slip_days") else None

    def _tooltip(self, row: PlanRow, column: int) -> Any:
        if self.FIELDS[column] == "notes" and row.notes:
            return row.notes
        if row.critical:
            return self.tr("On the critical path: any delay moves the end of the project.")
        if row.total_float > 0 and not row.is_summary:
            return self.tr(
                "Can slip %n working day(s) without moving the end.", "", row.total_float
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.editable:
            return _READ_ONLY
        row = self.record(index.row())
        field = self.FIELDS[index.column()]
        if field not in self.EDITABLE:
            return _READ_ONLY
        if row.is_summary and field in SUMMARY_DERIVED:
            return _READ_ONLY  # a phase spans its tasks, which carry the work and the people
        return _EDITABLE

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self.record(index.row())
        field = self.FIELDS[index.column()]
        new: Any
        if field == "start_on":
            new = pydate(value)
            if new is None:
                return False
        elif field in ("duration_days", "percent_complete"):
            new = int(value)
        elif field == "notes":
            new = str(value).strip()
        else:
            new = " ".join(str(value).split())
        if new == getattr(row, field):
            return False
        self.editRequested.emit(row, field, new)
        return True


def rows_of(
    tasks: Sequence[Any],
    predecessors: Mapping[str, Sequence[PredecessorRef]],
    resources: Mapping[str, str],
    slips: Mapping[str, int | None],
    span_days: Callable[[date, date], int],
) -> list[PlanRow]:
    """Table rows from the service's task records (PlanTaskRecord), in outline order. A
    summary's duration is the working days it spans (``span_days``) and its percent complete
    is its sub-tasks' work done, weighted by their durations."""
    parents = {t.parent_id for t in tasks if t.parent_id}
    done = rolled_up_percent(tasks)

    def duration(t: Any) -> int:
        if t.id in parents and t.start_on and t.finish_on:
            return span_days(t.start_on, t.finish_on)
        return int(t.duration_days)

    return [
        PlanRow(
            id=t.id,
            wbs_code=t.wbs_code,
            name=t.name,
            level=t.wbs_code.count(".") + 1,
            is_summary=t.id in parents,
            is_milestone=t.is_milestone,
            duration_days=duration(t),
            start_on=t.start_on,
            finish_on=t.finish_on,
            percent_complete=done.get(t.id, t.percent_complete),
            critical=t.critical,
            total_float=t.total_float,
            predecessors=predecessor_text(predecessors.get(t.id, ())),
            resources=resources.get(t.id, ""),
            slip_days=slips.get(t.id),
            notes=t.notes,
        )
        for t in tasks
    ]
