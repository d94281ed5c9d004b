"""The stakeholder register as a table: edited in place, searched, filtered and sorted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.stakeholders import StakeholderRecord
from pm_desktop.ui.collated_proxy import SORT_ROLE, CollatedProxy
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.stakeholders.labels import (
    attitude_colour,
    attitude_label,
    role_class_label,
)
from pm_desktop.ui.style import MUTED

Index = QModelIndex | QPersistentModelIndex


class RegisterModel(IdRowsModel):
    """One row per stakeholder. An edit is not applied here: ``editRequested`` asks the
    workspace to run it (undoably) and the model is then refreshed from the service."""

    editRequested = Signal(object, str, object)  # the StakeholderRecord, the field, the value

    FIELDS: ClassVar[tuple[str, ...]] = (
        "name",
        "role_class",
        "organisation",
        "title",
        "power",
        "interest",
        "attitude",
        "demands",
        "reports_to_id",
        "email",
        "phone",
    )
    COLUMNS = len(FIELDS)
    EDITABLE: ClassVar[frozenset[str]] = frozenset(
        {"name", "role_class", "organisation", "title", "power", "interest", "attitude"}
        | {"email", "phone"}
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}

    ROWS_SELF_CONTAINED = True  # but for the manager's name: see set_rows

    def set_rows(self, rows: Any) -> None:
        names = {r.id: r.name for r in rows}
        renamed = names != self._names and self._names.keys() == names.keys()
        self._names = names
        super().set_rows(rows)
        if renamed and self._rows:  # "Reports to" shows names of other rows
            column = self.column_of("reports_to_id")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def record(self, row: int) -> StakeholderRecord:
        found: StakeholderRecord = self._rows[row]
        return found

    def records(self) -> list[StakeholderRecord]:
        return list(self._rows)

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Organisation"),
            self.tr("Title"),
            self.tr("Power"),
            self.tr("Interest"),
            self.tr("Attitude"),
            self.tr("Demands (open)"),
            self.tr("Reports to"),
            self.tr("E-mail"),
            self.tr("Phone"),
        )

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._edit_value,
            SORT_ROLE: self._sort_value,
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _display(self, record: StakeholderRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "role_class":
            return role_class_label(record.role_class)
        if field == "attitude":
            return attitude_label(record.attitude)
        if field == "demands":
            total, still_open = len(record.demands), len(record.open_demands)
            return f"{total} ({still_open})" if total else "—"
        if field == "reports_to_id":
            return self._names.get(record.reports_to_id or "", "")
        if field == "name" and record.deleted:
            return self.tr("{name} (deleted)").format(name=record.name)
        return getattr(record, field)

    def _edit_value(self, record: StakeholderRecord, column: int) -> Any:
        field = self.FIELDS[column]
        value = getattr(record, field, None)
        if isinstance(value, RoleClass | Attitude):
            return value.value
        return value if field != "demands" else None

    def _sort_value(self, record: StakeholderRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field in ("power", "interest"):
            return getattr(record, field)
        if field == "demands":
            return len(record.open_demands) * 1000 + len(record.demands)
        if field == "role_class":
            return list(RoleClass).index(record.role_class)
        if field == "attitude":
            return list(Attitude).index(record.attitude)
        return str(self._display(record, column)).casefold()

    def _background(self, record: StakeholderRecord, column: int) -> Any:
        if self.FIELDS[column] == "attitude" and not record.deleted:
            return attitude_colour(record.attitude)
        return None

    def _foreground(self, record: StakeholderRecord, column: int) -> Any:
        if record.deleted:
            return MUTED
        if self.FIELDS[column] == "attitude":
            return QColor("#1f1f1f")  # dark on the light attitude colours, in any theme
        return None

    def _font(self, record: StakeholderRecord, column: int) -> Any:
        if self.FIELDS[column] == "name" and record.role_class in (
            RoleClass.ONE_W,
            RoleClass.STRONG_C,
        ):
            font = QFont()
            font.setBold(True)
            return font
        if record.deleted:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, record: StakeholderRecord, column: int) -> Any:
        field = self.FIELDS[column]
        if field == "demands" and record.demands:
            return "\n".join(("✓ " if d.addressed else "• ") + d.text for d in record.demands)
        if field == "name" and record.notes:
            return record.notes
        return None

    def _alignment(self, _record: StakeholderRecord, column: int) -> Any:
        if self.FIELDS[column] in ("power", "interest", "demands"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (
            index.isValid()
            and self.editable
            and self.FIELDS[index.column()] in self.EDITABLE
            and not self.record(index.row()).deleted
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        record = self.record(index.row())
        field = self.FIELDS[index.column()]
        if field in ("power", "interest"):
            value = int(value)
        elif field == "role_class":
            value = RoleClass(value)
        elif field == "attitude":
            value = Attitude(value)
        else:
            value = str(value)
        if value == getattr(record, field):
            return False
        self.editRequested.emit(record, field, value)
        return True


class RegisterFilter(CollatedProxy):
    """Search text (name, organisation, title, notes, demands), a role class, an attitude."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._role: RoleClass | None = None
        self._attitude: Attitude | None = None

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_role(self, role: RoleClass | None) -> None:
        self._refilter(lambda: setattr(self, "_role", role))

    def set_attitude(self, attitude: Attitude | None) -> None:
        self._refilter(lambda: setattr(self, "_attitude", attitude))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to the criteria and filter again (Qt 6.9 replaced
        ``invalidateFilter`` by a begin/end pair)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    @property
    def active(self) -> bool:
        return bool(self._text) or self._role is not None or self._attitude is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RegisterModel)
        record = model.record(source_row)
        if self._role is not None and record.role_class is not self._role:
            return False
        if self._attitude is not None and record.attitude is not self._attitude:
            return False
        if not self._text:
            return True
        haystack = " ".join(
            [record.name, record.organisation, record.title, record.notes, record.email]
            + [d.text for d in record.demands]
        ).casefold()
        return all(word in haystack for word in self._text.split())
