"""The Team workspace's table models: assignments, people, pool events, cost lines and RACI.

An edit is not applied in a model: it emits a request, the workspace runs it as an undoable
command and the model is refreshed from the service.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from pm_desktop.core.cost import CostLine, yuan_text
from pm_desktop.core.enums import PoolEventKind, Raci, ServiceOrderType
from pm_desktop.core.team import AssignmentRecord, PersonRecord, PoolEventEntry, RaciRow
from pm_desktop.ui.collated_proxy import SORT_ROLE
from pm_desktop.ui.delegates import pydate, qdate
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import ACCENT, INCOMPLETE_BACKGROUND, MUTED
from pm_desktop.ui.team.labels import (
    RED_COLOUR,
    basis_label,
    event_colour,
    event_kind_label,
    order_type_hint,
    order_type_label,
    person_kind_label,
    quantity_text,
    raci_problem_label,
)

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


# --- assignments ----------------------------------------------------------------------------


class AssignmentsModel(IdRowsModel):
    editRequested = Signal(object, str, object)  # AssignmentRecord, field, value

    FIELDS: ClassVar[tuple[str, ...]] = (
        "person_name",
        "role_name",
        "starts_on",
        "ends_on",
        "allocation_pct",
        "order_type",
        "package_price_fen",
        "service_days",
        "cost",
    )
    COLUMNS = len(FIELDS)
    EDITABLE: ClassVar[frozenset[str]] = frozenset(
        {"role_name", "starts_on", "ends_on", "allocation_pct", "order_type"}
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._costs: dict[str, int] = {}
        self._flags: dict[str, str] = {}

    def set_data(
        self,
        rows: Sequence[AssignmentRecord],
        costs: Mapping[str, int],
        flags: Mapping[str, str],
    ) -> None:
        """``costs`` by assignment id (fen); ``flags``: a warning per person id."""
        self._costs, self._flags = dict(costs), dict(flags)
        self.set_rows(rows)

    def record(self, row: int) -> AssignmentRecord:
        found: AssignmentRecord = self._rows[row]
        return found

    def records(self) -> list[AssignmentRecord]:
        return list(self._rows)

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Person"),
            self.tr("Role"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Allocation"),
            self.tr("Service order"),
            self.tr("Package price (B)"),
            self.tr("Service days (C)"),
            self.tr("Cost (yuan)"),
        )

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._edit_value,
            SORT_ROLE: self._sort_value,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _applies(self, record: AssignmentRecord, field: str) -> bool:
        if field == "package_price_fen":
            return record.order_type is ServiceOrderType.B
        if field == "service_days":
            return record.order_type is ServiceOrderType.C
        return True

    def _display(self, record: AssignmentRecord, column: int) -> Any:  # noqa: PLR0911
        field = self.FIELDS[column]
        if field in ("starts_on", "ends_on"):
            return getattr(record, field).isoformat()
        if field == "allocation_pct":
            return f"{record.allocation_pct}%"
        if field == "order_type":
            return order_type_label(record.order_type)
        if field == "package_price_fen":
            if not self._applies(record, field):
                return "—"
            return "" if record.package_price_fen is None else yuan_text(record.package_price_fen)
        if field == "service_days":
            if not self._applies(record, field):
                return "—"
            return self.tr("by dates") if record.service_days is None else record.service_days
        if field == "cost":
            fen = self._costs.get(record.id)
            return "" if fen is None else yuan_text(fen)
        return getattr(record, field)

    def _edit_value(self, record: AssignmentRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field in ("starts_on", "ends_on"):
            return qdate(getattr(record, field))
        if field == "order_type":
            return record.order_type.value
        if field == "package_price_fen":
            return "" if record.package_price_fen is None else yuan_text(record.package_price_fen)
        if field == "service_days":
            return record.service_days or 0
        if field == "cost":
            return None
        return getattr(record, field)

    def _sort_value(self, record: AssignmentRecord, column: int) -> Any:  # noqa: PLR0911
        field = self.FIELDS[column]
        if field in ("starts_on", "ends_on"):
            return getattr(record, field).toordinal()
        if field == "order_type":
            return record.order_type.value
        if field in ("allocation_pct",):
            return record.allocation_pct
        if field == "package_price_fen":
            return record.package_price_fen or 0
        if field == "service_days":
            return record.service_days or 0
        if field == "cost":
            return self._costs.get(record.id, 0)
        return str(getattr(record, field))

    def _foreground(self, record: AssignmentRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if not self._applies(record, field) or (
            field == "service_days" and record.service_days is None
        ):
            return MUTED
        return None

    def _background(self, record: AssignmentRecord, column: int) -> Any:
        if self.FIELDS[column] == "person_name" and record.person_id in self._flags:
            return INCOMPLETE_BACKGROUND
        return None

    def _tooltip(self, record: AssignmentRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "person_name":
            return self._flags.get(record.person_id)
        if field == "order_type":
            return order_type_hint(record.order_type)
        if field == "package_price_fen" and self._applies(record, field):
            return self.tr("Type the amount in yuan, e.g. 180,000 or 1200.50.")
        if field == "service_days" and self._applies(record, field):
            return self.tr("0: count the working days of the period instead.")
        return None

    def _alignment(self, record: AssignmentRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field in ("allocation_pct", "package_price_fen", "service_days", "cost"):
            return RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or not self.editable:
            return flags
        record = self.record(index.row())
        field = self.FIELDS[index.column()]
        if field in self.EDITABLE or (
            field in ("package_price_fen", "service_days") and self._applies(record, field)
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        record = self.record(index.row())
        field = self.FIELDS[index.column()]
        new: Any
        if field in ("starts_on", "ends_on"):
            new = pydate(value)
            if new is None:
                return False
        elif field == "allocation_pct":
            new = int(value)
        elif field == "order_type":
            new = ServiceOrderType(str(value))
        elif field == "service_days":
            new = int(value) or None
        elif field == "package_price_fen":
            new = str(value)  # parsed (and refused) by the workspace, which says why
            if new.strip() == self._edit_value(record, index.column()):
                return False
        else:
            new = " ".join(str(value).split())
        if new == getattr(record, field, None):
            return False
        self.editRequested.emit(record, field, new)
        return True


# --- the resource pool ----------------------------------------------------------------------


class PeopleModel(IdRowsModel):
    FIELDS: ClassVar[tuple[str, ...]] = (
        "name",
        "company",
        "kind",
        "skills",
        "day_rate_fen",
        "month_rate_fen",
        "in_pool",
        "red",
        "black",
    )
    COLUMNS = len(FIELDS)
    ROWS_SELF_CONTAINED = True

    def record(self, row: int) -> PersonRecord:
        found: PersonRecord = self._rows[row]
        return found

    def records(self) -> list[PersonRecord]:
        return list(self._rows)

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Kind"),
            self.tr("Skills"),
            self.tr("Day rate"),
            self.tr("Month rate"),
            self.tr("In pool"),
            self.tr("Red"),
            self.tr("Black"),
        )

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            SORT_ROLE: self._sort_value,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _display(self, person: PersonRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "kind":
            return person_kind_label(person.kind)
        if field == "skills":
            return self.tr(", ").join(person.skills)
        if field in ("day_rate_fen", "month_rate_fen"):
            return yuan_text(getattr(person, field))
        if field == "in_pool":
            return self.tr("Yes") if person.in_pool else self.tr("Left")
        if field in ("red", "black"):
            return getattr(person, field) or ""
        return getattr(person, field)

    def _sort_value(self, person: PersonRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field in ("day_rate_fen", "month_rate_fen", "red", "black"):
            return getattr(person, field)
        if field == "in_pool":
            return int(person.in_pool)
        return str(self._display(person, column))

    def _foreground(self, person: PersonRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "red" and person.red:
            return RED_COLOUR
        if not person.in_pool:
            return MUTED
        return None

    def _font(self, person: PersonRecord, column: int) -> Any:
        if self.FIELDS[column] in ("red", "black") and getattr(person, self.FIELDS[column]):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, person: PersonRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "red":
            return self.tr("Red records: good conduct")
        if field == "black":
            return self.tr("Black records: bad conduct")
        if field == "skills" and person.skills:
            return self.tr(", ").join(person.skills)
        return None

    def _alignment(self, person: PersonRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field in ("day_rate_fen", "month_rate_fen"):
            return RIGHT
        if field in ("red", "black", "in_pool"):
            return CENTER
        return None


class EventsModel(IdRowsModel):
    COLUMNS = 3

    def record(self, row: int) -> PoolEventEntry:
        found: PoolEventEntry = self._rows[row]
        return found

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Event"), self.tr("Note"))

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
        }

    def _display(self, event: PoolEventEntry, column: int) -> Any:
        if column == 0:
            return event.occurred_on.isoformat()
        if column == 1:
            return event_kind_label(event.kind)
        return event.note

    def _foreground(self, event: PoolEventEntry, column: int) -> Any:
        if event.kind is PoolEventKind.BLACK:
            return QColor("#ffffff")
        return event_colour(event.kind) if column == 1 else None

    def _background(self, event: PoolEventEntry, column: int) -> Any:
        if event.kind is PoolEventKind.BLACK:
            return QColor("#303030")
        if event.kind is PoolEventKind.RED:
            return QColor(198, 40, 40, 40)
        return None

    def _font(self, event: PoolEventEntry, column: int) -> Any:
        if event.kind in (PoolEventKind.RED, PoolEventKind.BLACK) and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, event: PoolEventEntry, column: int) -> Any:
        return event.note if column == 2 and event.note else None


# --- cost -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CostRow:
    id: str
    line: CostLine


class CostLinesModel(IdRowsModel):
    COLUMNS = 7
    ROWS_SELF_CONTAINED = True

    def set_lines(self, lines: Sequence[CostLine]) -> None:
        self.set_rows([CostRow(line.assignment_id, line) for line in lines])

    def line(self, row: int) -> CostLine:
        found: CostRow = self._rows[row]
        return found.line

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Person"),
            self.tr("Role"),
            self.tr("Type"),
            self.tr("Basis"),
            self.tr("Quantity"),
            self.tr("Rate (yuan)"),
            self.tr("Amount (yuan)"),
        )

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            SORT_ROLE: self._sort_value,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _display(self, row: CostRow, column: int) -> Any:
        line = row.line
        values = (
            line.person_name,
            line.role_name,
            line.order_type.value,
            basis_label(line.basis),
            quantity_text(line.quantity),
            yuan_text(line.rate_fen),
            yuan_text(line.amount_fen),
        )
        return values[column]

    def _sort_value(self, row: CostRow, column: int) -> Any:
        line = row.line
        numbers: dict[int, Any] = {4: line.quantity, 5: line.rate_fen, 6: line.amount_fen}
        return numbers.get(column, str(self._display(row, column)))

    def _tooltip(self, row: CostRow, column: int) -> Any:
        line = row.line
        if column == 2:
            return order_type_label(line.order_type) + "\n" + order_type_hint(line.order_type)
        if column == 4:
            return self.tr("%n working day(s) in the period", "", line.working_days)
        return None

    def _alignment(self, row: CostRow, column: int) -> Any:
        if column == 2:
            return CENTER
        return RIGHT if column >= 4 else None


# --- RACI -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    person_id: str
    name: str
    roles: str


class RaciModel(QAbstractTableModel):
    """Rows: work items. Columns: the work item, one per team member, who writes and reviews,
    and what is wrong with the row."""

    cellEditRequested = Signal(str, str, object)  # work item, person id, Raci | None
    renameRequested = Signal(str, str)  # old, new

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RaciRow] = []
        self._members: list[Member] = []
        self._cells: dict[tuple[str, str], Raci] = {}

    def set_matrix(
        self,
        rows: Sequence[RaciRow],
        members: Sequence[Member],
        cells: Mapping[tuple[str, str], Raci],
    ) -> None:
        same_shape = [r.work_item for r in rows] == [r.work_item for r in self._rows] and [
            m.person_id for m in members
        ] == [m.person_id for m in self._members]
        if same_shape:
            self._rows, self._members, self._cells = list(rows), list(members), dict(cells)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        self._rows, self._members, self._cells = list(rows), list(members), dict(cells)
        self.endResetModel()

    @property
    def rows(self) -> list[RaciRow]:
        return list(self._rows)

    @property
    def members(self) -> list[Member]:
        return list(self._members)

    def row_of(self, work_item: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.work_item == work_item), -1)

    def member_at(self, column: int) -> Member | None:
        return self._members[column - 1] if 1 <= column <= len(self._members) else None

    def column_of(self, person_id: str) -> int:
        found = [i for i, m in enumerate(self._members) if m.person_id == person_id]
        return found[0] + 1 if found else -1

    @property
    def duties_column(self) -> int:
        return len(self._members) + 1

    @property
    def check_column(self) -> int:
        return len(self._members) + 2

    def cell(self, work_item: str, person_id: str) -> Raci | None:
        return self._cells.get((work_item, person_id))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members) + 3

    def headerData(  # noqa: PLR0911
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        member = self.member_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if member is not None:
                return member.name
            if section == 0:
                return self.tr("Work item / deliverable")
            if section == self.duties_column:
                return self.tr("Who writes, who reviews")
            return self.tr("Check")
        if role == Qt.ItemDataRole.ToolTipRole and member is not None:
            return member.roles
        return None

    def _names(self, ids: Sequence[str]) -> str:
        names = {m.person_id: m.name for m in self._members}
        return self.tr(", ").join(names.get(i, "?") for i in ids) or "—"

    def duties_text(self, row: RaciRow) -> str:
        return self.tr("Writes: {writers}; Reviews: {reviewers}").format(
            writers=self._names(row.writers), reviewers=self._names(row.reviewers)
        )

    def check_text(self, row: RaciRow) -> str:
        return "; ".join(raci_problem_label(p) for p in row.problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, index.column(), role == Qt.ItemDataRole.EditRole)
        return self._decoration(row, index.column(), role)

    def _text(self, row: RaciRow, column: int, editing: bool) -> Any:
        member = self.member_at(column)
        if column == 0:
            return row.work_item
        if member is not None:
            value = self._cells.get((row.work_item, member.person_id))
            return "" if value is None else value.value
        if editing:
            return None
        if column == self.duties_column:
            return self.duties_text(row)
        return self.check_text(row) or "✓"

    def _decoration(self, row: RaciRow, column: int, role: int) -> Any:  # noqa: PLR0911
        member = self.member_at(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and member is not None:
            return CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.problems and (column in (0, self.check_column)):
                return INCOMPLETE_BACKGROUND
            if member is not None:
                return _raci_tint(self._cells.get((row.work_item, member.person_id)))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.check_column:
            return QColor("#b45309") if row.problems else MUTED
        if role == Qt.ItemDataRole.FontRole and member is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.problems:
                return self.check_text(row)
            if member is not None:
                return member.roles
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == 0 or self.member_at(index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self._rows[index.row()]
        if index.column() == 0:
            new = " ".join(str(value).split())
            if not new or new == row.work_item:
                return False
            self.renameRequested.emit(row.work_item, new)
            return True
        member = self.member_at(index.column())
        assert member is not None
        text = str(value or "").strip().upper()
        if text not in ("", *(r.value for r in Raci)):
            return False
        raci = Raci(text) if text else None
        if raci == self._cells.get((row.work_item, member.person_id)):
            return False
        self.cellEditRequested.emit(row.work_item, member.person_id, raci)
        return True


RACI_TINTS = {
    Raci.RESPONSIBLE: QColor(46, 125, 50, 45),
    Raci.ACCOUNTABLE: QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 45),
    Raci.CONSULTED: QColor(128, 128, 128, 30),
    Raci.INFORMED: None,
}


def _raci_tint(value: Raci | None) -> QColor | None:
    return None if value is None else RACI_TINTS[value]
