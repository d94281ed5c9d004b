"""The 5W1H action items of a meeting as an editable table.

Edits are not written here: :attr:`ActionsModel.editRequested` asks the editor to commit them
(as undoable commands), and the editor then hands the saved rows back with :meth:`set_rows`.
An item without Who or When is not an action yet: those cells say so, tinted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.meetings import ActionEntry
from pm_desktop.ui.formatting import due_text
from pm_desktop.ui.meetings.labels import action_status_label
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import (
    ACTION_STATUS_COLORS,
    ERROR,
    INCOMPLETE_BACKGROUND,
    MUTED,
)

# The role giving a cell's value as the service takes it (a ``date`` or None for When).
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class ActionsModel(IdRowsModel):
    NUMBER, WHAT, WHY, WHO, WHEN, WHERE, HOW, STATUS = range(8)
    COLUMNS = 8
    # Text columns and the service field each edits.
    TEXT_FIELDS: ClassVar[dict[int, str]] = {
        WHAT: "what",
        WHY: "why",
        WHO: "who",
        WHERE: "where",
        HOW: "how",
    }

    editRequested = Signal(object, str, object)  # the ActionEntry, the field, the new value

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def action(self, row: int) -> ActionEntry:
        entry: ActionEntry = self._rows[row]
        return entry

    def actions(self) -> list[ActionEntry]:
        return list(self._rows)

    # --- headers and flags --------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("No."),
                self.tr("What"),
                self.tr("Why"),
                self.tr("Who"),
                self.tr("When"),
                self.tr("Where"),
                self.tr("How"),
                self.tr("Status"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Number of the item in the minutes"),
                self.tr("What is to be done"),
                self.tr("Why: its purpose"),
                self.tr("Who: the owner"),
                self.tr("When: the due date"),
                self.tr("Where: the place or system"),
                self.tr("How: the method"),
                self.tr("Status of the item"),
            )[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() != self.NUMBER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- data ---------------------------------------------------------------------------------

    def role_handlers(self) -> dict[int, Callable[[ActionEntry, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._edit_value,
            VALUE_ROLE: self._value,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _missing(self, action: ActionEntry, column: int) -> bool:
        """Whether this cell is the missing Who or When of an incomplete item."""
        if column == self.WHO:
            return not action.who.strip()
        return column == self.WHEN and action.due_on is None

    def _display(self, action: ActionEntry, column: int) -> str:
        if self._missing(action, column):
            return self.tr("To be set")
        if column == self.NUMBER:
            return str(action.number)
        if column == self.WHEN:
            assert action.due_on is not None
            return due_text(action.due_on, self._today())
        if column == self.STATUS:
            return action_status_label(action.status)
        return str(getattr(action, self.TEXT_FIELDS[column]))

    def _value(self, action: ActionEntry, column: int) -> Any:
        if column == self.NUMBER:
            return action.number
        if column == self.WHEN:
            return action.due_on
        if column == self.STATUS:
            return action.status
        return getattr(action, self.TEXT_FIELDS[column])

    def _edit_value(self, action: ActionEntry, column: int) -> Any:
        value = self._value(action, column)
        if column == self.WHEN:
            return QDate(value.year, value.month, value.day) if value is not None else QDate()
        if column == self.STATUS:
            return str(value.value)
        return value

    def _tooltip(self, action: ActionEntry, column: int) -> str | None:
        if not action.is_complete and column in (self.NUMBER, self.WHO, self.WHEN):
            return self.tr("Not an action yet: it needs a Who and a When.")
        if column == self.WHEN and action.is_overdue(self._today()):
            return self.tr("Overdue")
        if column in self.TEXT_FIELDS:
            text = str(getattr(action, self.TEXT_FIELDS[column]))
            return text or None
        return None

    def _foreground(self, action: ActionEntry, column: int) -> QColor | None:
        if self._missing(action, column):
            return MUTED
        if column == self.WHEN and action.is_overdue(self._today()):
            return ERROR
        if column == self.STATUS:
            return ACTION_STATUS_COLORS[action.status]
        if action.status == ActionStatus.CANCELLED:
            return MUTED
        return None

    def _background(self, action: ActionEntry, column: int) -> QColor | None:
        if self._missing(action, column):
            return INCOMPLETE_BACKGROUND
        return None

    def _font(self, action: ActionEntry, column: int) -> QFont | None:
        if self._missing(action, column):
            font = QFont()
            font.setItalic(True)
            return font
        if action.status == ActionStatus.CANCELLED and column != self.STATUS:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _alignment(self, action: ActionEntry, column: int) -> int | None:
        if column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # --- editing ------------------------------------------------------------------------------

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        action = self.action(index.row())
        column = index.column()
        new: object
        if column == self.WHEN:
            field, new = "due_on", _as_date(value)
        elif column == self.STATUS:
            field, new = "status", ActionStatus(str(value))
        else:
            field, new = self.TEXT_FIELDS[column], " ".join(str(value or "").split())
            if field == "what" and not new:
                return False  # an action needs a What: keep the old one
        if new == self._value(action, column):
            return False
        self.editRequested.emit(action, field, new)
        return True


def _as_date(value: Any) -> date | None:
    if isinstance(value, QDate):
        converted = value.toPython() if value.isValid() else None
        return converted if isinstance(converted, date) else None
    if isinstance(value, date):
        return value
    return None
