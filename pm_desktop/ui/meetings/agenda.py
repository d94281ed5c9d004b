"""The agenda: items ticked off as the meeting goes, with the progress ("2/5")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.meetings import AgendaEntry
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import MUTED, section_title


class AgendaModel(IdRowsModel):
    TITLE, MINUTES = range(2)
    COLUMNS = 2

    doneRequested = Signal(object, bool)  # the AgendaEntry, whether it is done now

    def item(self, row: int) -> AgendaEntry:
        entry: AgendaEntry = self._rows[row]
        return entry

    def progress(self) -> tuple[int, int]:
        """(items done, items)."""
        return sum(row.done for row in self._rows), len(self._rows)

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Item"), self.tr("Time"))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def role_handlers(self) -> dict[int, Callable[[AgendaEntry, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.CheckStateRole: self._check_state,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    def _display(self, item: AgendaEntry, column: int) -> str:
        if column == self.TITLE:
            return item.title
        return (
            self.tr("{minutes} min").format(minutes=item.duration_min) if item.duration_min else ""
        )

    def _check_state(self, item: AgendaEntry, column: int) -> Qt.CheckState | None:
        if column != self.TITLE:
            return None
        return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked

    def _foreground(self, item: AgendaEntry, column: int) -> QColor | None:
        return MUTED if item.done or column == self.MINUTES else None

    def _tooltip(self, item: AgendaEntry, column: int) -> str | None:
        if column != self.TITLE:
            return None
        if item.presenter:
            return self.tr("{title} (presented by {presenter})").format(
                title=item.title, presenter=item.presenter
            )
        return item.title

    def _alignment(self, item: AgendaEntry, column: int) -> int | None:
        if column != self.MINUTES:
            return None
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (
            self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        item = self.item(index.row())
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done == item.done:
            return False
        self.doneRequested.emit(item, done)
        return True


class AgendaPanel(QWidget):
    """The agenda checklist, its progress, and a line to add an item."""

    addRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaModel(self)
        for signal in (
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
        ):
            signal.connect(self._update_progress)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("agendaProgress")
        self.progress_label.setStyleSheet("color: palette(placeholder-text);")
        heading = QHBoxLayout()
        heading.addWidget(section_title(self.tr("Agenda")))
        heading.addStretch(1)
        heading.addWidget(self.progress_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(4)

        self.view = QTableView()
        self.view.setObjectName("agendaView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AgendaModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaModel.MINUTES, QHeaderView.ResizeMode.ResizeToContents)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("agendaTitle")
        self.title_edit.setPlaceholderText(self.tr("Add an agenda item, Enter"))
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.returnPressed.connect(self._add)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.title_edit)
        self._update_progress()

    def set_agenda(self, agenda: tuple[AgendaEntry, ...] | list[AgendaEntry]) -> None:
        self.model.set_rows(agenda)

    def set_editable(self, editable: bool) -> None:
        self.model.set_editable(editable)
        self.title_edit.setEnabled(editable)

    def _update_progress(self) -> None:
        done, total = self.model.progress()
        self.progress_label.setText(f"{done}/{total}" if total else "")
        self.progress_label.setToolTip(self.tr("%n agenda item(s) done", "", done) if total else "")
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setVisible(bool(total))

    def _add(self) -> None:
        title = " ".join(self.title_edit.text().split())
        if title:
            self.addRequested.emit(title)
