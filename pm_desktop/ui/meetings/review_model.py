"""The open actions carried from the previous meeting of the series, reviewed first.

Only the status is edited here: :attr:`ReviewModel.statusRequested` asks the editor to record the
change with this meeting (as an undoable command); the other fields belong to the meeting the
item was taken in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.meetings import ActionEntry
from pm_desktop.ui.formatting import date_text, due_text
from pm_desktop.ui.meetings.labels import action_status_label
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import ACTION_STATUS_COLORS, ERROR, MUTED

HISTORY_SHOWN = 3  # the latest changes shown in the cell; the tooltip has them all


def history_text(action: ActionEntry, today: date, limit: int = HISTORY_SHOWN) -> str:
    """``11-20 Open → 11-23 In progress``: the latest ``limit`` status changes, oldest first."""
    changes = action.history[-limit:] if limit > 0 else action.history
    text = " → ".join(
        f"{date_text(c.changed_at, today)} {action_status_label(c.status)}" for c in changes
    )
    return f"… → {text}" if len(changes) < len(action.history) else text


class ReviewModel(IdRowsModel):
    NUMBER, WHAT, WHO, WHEN, STATUS, HISTORY = range(6)
    COLUMNS = 6

    statusRequested = Signal(object, object)  # the ActionEntry, the new ActionStatus

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def action(self, row: int) -> ActionEntry:
        entry: ActionEntry = self._rows[row]
        return entry

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("No."),
                self.tr("What"),
                self.tr("Who"),
                self.tr("When"),
                self.tr("Status"),
                self.tr("History"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Number of the item in the minutes it was taken in"),
                self.tr("What is to be done"),
                self.tr("Who: the owner"),
                self.tr("When: the due date"),
                self.tr("Status of the item: the change is recorded with this meeting"),
                self.tr("How the status changed, oldest first"),
            )[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() == self.STATUS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def role_handlers(self) -> dict[int, Callable[[ActionEntry, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._edit_value,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _edit_value(self, action: ActionEntry, column: int) -> str | None:
        return str(action.status.value) if column == self.STATUS else None

    def _font(self, action: ActionEntry, column: int) -> QFont | None:
        if action.status != ActionStatus.CANCELLED or column == self.STATUS:
            return None
        font = QFont()
        font.setStrikeOut(True)
        return font

    def _alignment(self, action: ActionEntry, column: int) -> int | None:
        return int(Qt.AlignmentFlag.AlignCenter) if column == self.NUMBER else None

    def _display(self, action: ActionEntry, column: int) -> str:
        if column == self.NUMBER:
            return str(action.number)
        if column == self.WHAT:
            return action.what
        if column == self.WHO:
            return action.who or "—"
        if column == self.WHEN:
            return due_text(action.due_on, self._today()) if action.due_on else "—"
        if column == self.STATUS:
            return action_status_label(action.status)
        return history_text(action, self._today())

    def _tooltip(self, action: ActionEntry, column: int) -> str | None:
        if column == self.WHAT:
            return action.what or None
        if column == self.WHEN and action.is_overdue(self._today()):
            return self.tr("Overdue")
        if column == self.HISTORY and action.history:
            lines = []
            for change in action.history:
                line = f"{date_text(change.changed_at, self._today())} "
                line += action_status_label(change.status)
                if change.note:
                    line += f": {change.note}"
                lines.append(line)
            return "\n".join(lines)
        return None

    def _foreground(self, action: ActionEntry, column: int) -> QColor | None:
        if column == self.STATUS:
            return ACTION_STATUS_COLORS[action.status]
        if column == self.WHEN and action.is_overdue(self._today()):
            return ERROR
        if column == self.HISTORY or action.status == ActionStatus.CANCELLED:
            return MUTED
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            status = ActionStatus(str(value))
        except ValueError:
            return False
        action = self.action(index.row())
        if status == action.status:
            return False
        self.statusRequested.emit(action, status)
        return True
