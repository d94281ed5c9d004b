"""Responsibilities (RACI): work items against team members, R writes and A reviews.

A work item exists through its cells; a new one is kept on screen (flagged: no A, no R) until
its first letter is set.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import Raci
from pm_desktop.core.errors import PmError
from pm_desktop.core.team import (
    AssignmentRecord,
    PersonRecord,
    RaciCell,
    RaciProblemKind,
    RaciRow,
    raci_rows,
)
from pm_desktop.ui.delegates import ChoiceDelegate
from pm_desktop.ui.style import ERROR, MUTED, WARNING
from pm_desktop.ui.team.commands import (
    RenameWorkItemCommand,
    SetRaciCommand,
    set_cell_command,
)
from pm_desktop.ui.team.context import TeamContext
from pm_desktop.ui.team.labels import field_error_text, raci_choices
from pm_desktop.ui.team.models import Member, RaciModel

Index = QModelIndex | QPersistentModelIndex


class RaciDelegate(ChoiceDelegate):
    """The R/A/C/I drop-down in a member's column; plain text for the work item."""

    def __init__(self, model: RaciModel, parent: QWidget | None = None) -> None:
        super().__init__(raci_choices(), parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if self._model.member_at(index.column()) is None:
            return QStyledItemDelegate.createEditor(self, parent, option, index)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
        else:
            QStyledItemDelegate.setEditorData(self, editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            super().setModelData(editor, model, index)
        else:
            QStyledItemDelegate.setModelData(self, editor, model, index)


class RaciTab(QWidget):
    def __init__(self, context: TeamContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamRaciTab")
        self._ctx = context
        self._pending: list[str] = []
        self._cells: list[RaciCell] = []
        self._assignments: list[AssignmentRecord] = []
        self._people: dict[str, PersonRecord] = {}
        self.model = RaciModel(self)
        self.model.cellEditRequested.connect(self.set_cell)
        self.model.renameRequested.connect(self.rename_item)
        toolbar, legend = self._build_toolbar()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._update_actions()

    def _build_toolbar(self) -> tuple[QHBoxLayout, QLabel]:
        self.add_button = QPushButton(self.tr("Add Work Item…"))
        self.add_button.setObjectName("addWorkItem")
        self.add_button.clicked.connect(self._add_clicked)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("renameWorkItem")
        self.rename_button.clicked.connect(self._rename_current)
        self.remove_button = QPushButton(self.tr("Remove Work Item"))
        self.remove_button.setObjectName("removeWorkItem")
        self.remove_button.clicked.connect(self.remove_current)
        self.summary = QLabel()
        self.summary.setObjectName("raciSummary")
        legend = QLabel(
            self.tr(
                "R writes it · A answers for it and reviews it (exactly one) · "
                "C is consulted · I is informed"
            )
        )
        legend.setStyleSheet(f"color: {MUTED.name()};")
        legend.setWordWrap(True)
        toolbar = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            toolbar.addWidget(button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.summary, 1)
        return toolbar, legend

    def _build_table(self) -> None:
        table = QTableView()
        table.setObjectName("raciTable")
        table.setModel(self.model)
        table.setItemDelegate(RaciDelegate(self.model, table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setWordWrap(True)
        table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._size_columns)
        self.table = table
        self.message = QLabel()
        self.message.setObjectName("raciMessage")
        self.message.setStyleSheet(f"color: {ERROR.name()};")
        self.message.setWordWrap(True)
        self.message.hide()

    # --- showing ------------------------------------------------------------------------

    def set_project_changed(self) -> None:
        self._pending = []

    def show_data(
        self,
        cells: Sequence[RaciCell],
        assignments: Sequence[AssignmentRecord],
        people: dict[str, PersonRecord],
    ) -> None:
        self._cells, self._assignments, self._people = list(cells), list(assignments), people
        rows = raci_rows(cells)
        known = {r.work_item for r in rows}
        self._pending = [item for item in self._pending if item not in known]
        rows += [
            RaciRow(
                item,
                (),
                (),
                (),
                (),
                (RaciProblemKind.NO_ACCOUNTABLE, RaciProblemKind.NO_RESPONSIBLE),
            )
            for item in self._pending
        ]
        grid = {(c.work_item, c.person_id): c.raci for c in cells}
        self.model.set_matrix(rows, self._members(cells, assignments, people), grid)
        failing = sum(1 for r in rows if r.problems)
        if failing:
            self.summary.setText(
                self.tr("%n work item(s) need attention (highlighted)", "", failing)
            )
            self.summary.setStyleSheet(f"color: {WARNING.name()};")
        else:
            self.summary.setText(self.tr("Every work item has one A and an R.") if rows else "")
            self.summary.setStyleSheet(f"color: {MUTED.name()};")
        self._update_actions()

    def _members(
        self,
        cells: Sequence[RaciCell],
        assignments: Sequence[AssignmentRecord],
        people: dict[str, PersonRecord],
    ) -> list[Member]:
        roles: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for assignment in assignments:
            names.setdefault(assignment.person_id, assignment.person_name)
            found = roles.setdefault(assignment.person_id, [])
            if assignment.role_name not in found:
                found.append(assignment.role_name)
        members = [
            Member(person_id, names[person_id], self.tr(", ").join(roles[person_id]))
            for person_id in names
        ]
        for cell in cells:  # someone with a part in RACI but no longer on the team
            if cell.person_id not in names:
                person = people.get(cell.person_id)
                names[cell.person_id] = person.name if person else "?"
                members.append(
                    Member(cell.person_id, names[cell.person_id], self.tr("Not on the team"))
                )
        return members

    def _size_columns(self) -> None:
        self.table.setColumnWidth(0, 170)
        for column in range(1, self.model.duties_column):
            self.table.setColumnWidth(column, 64)
        self.table.setColumnWidth(self.model.duties_column, 260)

    def _update_actions(self) -> None:
        has_project = bool(self._ctx.project_id)
        self.add_button.setEnabled(has_project and bool(self.model.members))
        current = self.current_item()
        self.rename_button.setEnabled(bool(current))
        self.remove_button.setEnabled(bool(current))

    def current_item(self) -> str:
        index = self.table.currentIndex()
        rows = self.model.rows
        return rows[index.row()].work_item if index.isValid() and index.row() < len(rows) else ""

    def select_item(self, work_item: str, person_id: str = "") -> None:
        row = self.model.row_of(work_item)
        if row >= 0:
            column = max(self.model.column_of(person_id), 0) if person_id else 0
            self.table.setCurrentIndex(self.model.index(row, column))

    def show_message(self, error: PmError | None) -> None:
        self.message.setText("" if error is None else field_error_text(error))
        self.message.setVisible(error is not None)

    # --- edits --------------------------------------------------------------------------

    def add_item(self, name: str = "") -> None:
        if not name:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Add work item"),
                self.tr("Work item or deliverable, e.g. 调研报告:"),
            )
            if not ok:
                return
        name = " ".join(name.split())
        if not name:
            return
        if self.model.row_of(name) < 0:
            self._pending.append(name)
            self.show_data(self._cells, self._assignments, self._people)
        self.select_item(name, self.model.members[0].person_id if self.model.members else "")

    def _add_clicked(self) -> None:
        self.add_item()

    def set_cell(self, work_item: str, person_id: str, raci: Raci | None) -> None:
        member = next((m for m in self.model.members if m.person_id == person_id), None)
        before = self.model.cell(work_item, person_id)
        command = set_cell_command(
            self._ctx.service(),
            self._ctx.project_id,
            (work_item, person_id, raci, before),
            member.name if member else "",
            self._ctx.done,
        )
        self.show_message(self._ctx.push(command))
        self.select_item(work_item, person_id)

    def rename_item(self, old: str, new: str) -> None:
        if old in self._pending:
            self._pending[self._pending.index(old)] = new
            self.show_data(self._cells, self._assignments, self._people)
        else:
            command = RenameWorkItemCommand(
                self._ctx.service(), self._ctx.project_id, old, new, self._ctx.done
            )
            self.show_message(self._ctx.push(command))
        self.select_item(new)

    def _rename_current(self) -> None:
        old = self.current_item()
        if not old:
            return
        new, ok = QInputDialog.getText(
            self, self.tr("Rename work item"), self.tr("New name:"), text=old
        )
        new = " ".join(new.split())
        if ok and new and new != old:
            self.rename_item(old, new)

    def remove_current(self) -> None:
        item = self.current_item()
        if not item:
            return
        if item in self._pending:
            self._pending.remove(item)
            self.show_data(self._cells, self._assignments, self._people)
            return
        changes = [
            (item, cell.person_id, None, cell.raci)
            for cell in self._cells
            if cell.work_item == item
        ]
        command = SetRaciCommand(
            self._ctx.service(),
            self._ctx.project_id,
            changes,
            self.tr("Remove work item “{item}”").format(item=item),
            self._ctx.done,
        )
        self.show_message(self._ctx.push(command))
