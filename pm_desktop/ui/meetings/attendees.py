"""Who attends: picked from the project's stakeholders and team, or typed in; each marked present,
absent or excused in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import Attendance
from pm_desktop.core.meetings import Attendee, AttendeeCandidate
from pm_desktop.ui.delegates import ChoiceDelegate
from pm_desktop.ui.meetings.labels import attendance_label
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import ERROR, MUTED, SUCCESS, section_title

ATTENDANCE_COLORS = {
    Attendance.INVITED: MUTED,
    Attendance.PRESENT: SUCCESS,
    Attendance.ABSENT: ERROR,
    Attendance.EXCUSED: MUTED,
}


class AttendeesModel(IdRowsModel):
    NAME, ATTENDANCE = range(2)
    COLUMNS = 2

    attendanceRequested = Signal(object, object)  # the Attendee, the new Attendance

    def attendee(self, row: int) -> Attendee:
        entry: Attendee = self._rows[row]
        return entry

    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Attendance"))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() == self.ATTENDANCE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def role_handlers(self) -> dict[int, Callable[[Attendee, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.EditRole: self._edit_value,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
        }

    def _display(self, attendee: Attendee, column: int) -> str:
        return attendee.name if column == self.NAME else attendance_label(attendee.attendance)

    def _edit_value(self, attendee: Attendee, column: int) -> str:
        return attendee.name if column == self.NAME else attendee.attendance.value

    def _foreground(self, attendee: Attendee, column: int) -> QColor | None:
        return ATTENDANCE_COLORS[attendee.attendance] if column == self.ATTENDANCE else None

    def _tooltip(self, attendee: Attendee, column: int) -> str | None:
        return attendee.email or None if column == self.NAME else None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        attendee = self.attendee(index.row())
        attendance = Attendance(str(value))
        if attendance == attendee.attendance:
            return False
        self.attendanceRequested.emit(attendee, attendance)
        return True


class AttendeesPanel(QWidget):
    """The attendee table with a line to add a name; removing is in the context menu."""

    addRequested = Signal(str)  # a name typed in
    candidateRequested = Signal(object)  # an AttendeeCandidate picked from the suggestions
    removeRequested = Signal(object)  # the Attendee

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttendeesModel(self)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.dataChanged.connect(self._update_count)

        self.count_label = QLabel()
        self.count_label.setObjectName("attendeeCount")
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        heading = QHBoxLayout()
        heading.addWidget(section_title(self.tr("Attendees")))
        heading.addStretch(1)
        heading.addWidget(self.count_label)

        self.view = QTableView()
        self.view.setObjectName("attendeesView")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(
            AttendeesModel.ATTENDANCE,
            ChoiceDelegate([(a.value, attendance_label(a)) for a in Attendance], self.view),
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AttendeesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            AttendeesModel.ATTENDANCE, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setHighlightSections(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.remove_action = QAction(self.tr("Remove from the attendees"), self.view)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._remove_current)
        self.view.addAction(self.remove_action)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("attendeeName")
        self.name_edit.setPlaceholderText(self.tr("Add an attendee: type a name, Enter"))
        self.name_edit.setToolTip(
            self.tr(
                "The project's stakeholders and team members are suggested as you type;"
                " any other name can be typed in."
            )
        )
        self.name_edit.setClearButtonEnabled(True)
        self._candidates: dict[str, AttendeeCandidate] = {}  # by label
        self.completer = self._build_completer()
        self.name_edit.returnPressed.connect(self._add)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.name_edit)
        self._update_count()

    def set_attendees(self, attendees: tuple[Attendee, ...] | list[Attendee]) -> None:
        self.model.set_rows(attendees)

    def _build_completer(self) -> QCompleter:
        """Suggestions of the add line: any part of a name or an organisation matches."""
        completer = QCompleter(QStringListModel(self), self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.name_edit.setCompleter(completer)
        # The line takes the chosen label first (it connected first), then it is added.
        completer.activated.connect(self._picked)  # the str overload: see the slot
        return completer

    def set_candidates(self, candidates: list[AttendeeCandidate]) -> None:
        """Who the add line suggests (stakeholders and team members not attending yet)."""
        self._candidates = {c.label: c for c in candidates}
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(self._candidates))

    def candidate_for(self, text: str) -> AttendeeCandidate | None:
        """The candidate ``text`` names: its label, or a name only one candidate has."""
        text = " ".join(text.split())
        if text in self._candidates:
            return self._candidates[text]
        named = [c for c in self._candidates.values() if c.name.casefold() == text.casefold()]
        return named[0] if len(named) == 1 else None

    def set_editable(self, editable: bool) -> None:
        self.model.set_editable(editable)
        self.name_edit.setEnabled(editable)
        self.remove_action.setEnabled(editable)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        present = sum(
            self.model.attendee(row).attendance == Attendance.PRESENT for row in range(total)
        )
        self.count_label.setText(
            self.tr("{present} of {total} present").format(present=present, total=total)
            if total
            else ""
        )

    @Slot(str)
    def _picked(self, label: str) -> None:
        candidate = self._candidates.get(label)
        if candidate is not None and self.name_edit.isEnabled():
            self.candidateRequested.emit(candidate)

    def _add(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            return
        candidate = self.candidate_for(name)
        if candidate is not None:
            self.candidateRequested.emit(candidate)
        else:
            self.addRequested.emit(name)

    def _remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and self.model.editable:
            self.removeRequested.emit(self.model.attendee(index.row()))

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid() or not self.model.editable:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.remove_action)
        menu.exec(self.view.viewport().mapToGlobal(position))
