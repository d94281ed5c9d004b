"""The decisions and notes of a meeting, in the order they were taken; the text is editable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from pm_desktop.core.enums import MinuteKind
from pm_desktop.core.meetings import MinuteNote
from pm_desktop.ui.meetings.labels import minute_kind_label
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import ACCENT, MUTED


class NotesModel(IdRowsModel):
    KIND, TEXT = range(2)
    COLUMNS = 2

    editRequested = Signal(object, str)  # the MinuteNote, its new text

    def note(self, row: int) -> MinuteNote:
        entry: MinuteNote = self._rows[row]
        return entry

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Kind"), self.tr("Decision or note"))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() == self.TEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def role_handlers(self) -> dict[int, Callable[[MinuteNote, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._display,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
        }

    def _display(self, note: MinuteNote, column: int) -> str:
        return minute_kind_label(note.kind) if column == self.KIND else note.text

    def _tooltip(self, note: MinuteNote, column: int) -> str | None:
        return note.text if column == self.TEXT else None

    def _foreground(self, note: MinuteNote, column: int) -> QColor | None:
        if column != self.KIND:
            return None
        return ACCENT if note.kind == MinuteKind.DECISION else MUTED

    def _font(self, note: MinuteNote, column: int) -> QFont | None:
        if column != self.KIND or note.kind != MinuteKind.DECISION:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        note = self.note(index.row())
        text = str(value or "").strip()
        if not text or text == note.text:
            return False  # an empty decision is not saved: keep the old text
        self.editRequested.emit(note, text)
        return True
