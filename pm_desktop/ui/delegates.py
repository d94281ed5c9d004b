"""Cell editors: a calendar date editor for When, and a drop-down for a fixed set of values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: object) -> date | None:
    if isinstance(value, QDate) and value.isValid():
        return date(value.year(), value.month(), value.day())
    if isinstance(value, date):
        return value
    return None


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar; its lowest value reads "None" and clears the date."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setMinimumDate(QDate(2000, 1, 1))
        editor.setSpecialValueText(self.tr("None"))
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, QDate) and value.isValid():
            editor.setDate(value)
        else:
            today = self._today()
            editor.setDate(QDate(today.year, today.month, today.day))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        editor.interpretText()
        chosen = editor.date()
        model.setData(index, QDate() if chosen == editor.minimumDate() else chosen)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of ``choices`` (stored value, label); the model's EditRole is the value."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        for value, label in self._choices:
            editor.addItem(label, value)
        editor.activated.connect(lambda _row: self._commit(editor))
        return editor

    def _commit(self, editor: QComboBox) -> None:
        """A choice made in the list is saved at once, as the scribe expects."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(str(value))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class NumberDelegate(QStyledItemDelegate):
    """A spin box limited to ``minimum``..``maximum`` (e.g. power and interest, 1 to 5)."""

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._range = (minimum, maximum)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(*self._range)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(value) if isinstance(value, int) else self._range[0])

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value())
