"""The resource pool (资源池): who is in it, their rates and skills, who is free when, and each
person's history (entered, trained, assigned, left, settled, red and black records)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.cost import yuan_text
from pm_desktop.core.errors import PmError
from pm_desktop.core.team import PersonRecord
from pm_desktop.ui.collated_proxy import CollatedProxy
from pm_desktop.ui.delegates import pydate, qdate
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.style import MUTED, scaled_font, section_title
from pm_desktop.ui.team.commands import (
    AddEventCommand,
    AddPersonCommand,
    EditPersonCommand,
    RemovePersonCommand,
)
from pm_desktop.ui.team.context import TeamContext
from pm_desktop.ui.team.dialogs import EventDialog, PersonDialog
from pm_desktop.ui.team.labels import person_kind_label, texts
from pm_desktop.ui.team.models import EventsModel, PeopleModel


class PoolTab(QWidget):
    def __init__(self, context: TeamContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPoolTab")
        self._ctx = context
        self._current_id = ""
        self.model = PeopleModel(self)
        self.proxy = CollatedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.events_model = EventsModel(self)
        self.last_dialog: QWidget | None = None
        self._build_filters()
        self._build_table()
        self._build_detail()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._filters)
        left_layout.addLayout(self._buttons)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 440])
        splitter.setChildrenCollapsible(False)
        self.detail.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

    # --- construction -------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.skill = QLineEdit()
        self.skill.setObjectName("poolSkill")
        self.skill.setPlaceholderText(self.tr("Skill, e.g. ERP or 运维"))
        self.skill.setClearButtonEnabled(True)
        self.skill.textChanged.connect(lambda _t: self.reload())
        self.free = QCheckBox(self.tr("Free from"))
        self.free.setObjectName("poolFreeBetween")
        self.free.setToolTip(
            self.tr("In the pool then, not away, and not booked to 100% or more in the period.")
        )
        self.free_from = QDateEdit()
        self.free_to = QDateEdit()
        for edit in (self.free_from, self.free_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.free_from.setObjectName("poolFreeFrom")
        self.free_to.setObjectName("poolFreeTo")
        today = self._ctx.today()
        self.free_from.setDate(qdate(today))
        self.free_to.setDate(qdate(today + timedelta(days=30)))
        for edit in (self.free_from, self.free_to):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.free.toggled.connect(self._free_toggled)
        self.show_left = QCheckBox(self.tr("Show who left"))
        self.show_left.setObjectName("poolShowLeft")
        self.show_left.setChecked(True)
        self.show_left.toggled.connect(lambda _on: self.reload())
        self.count = QLabel()
        self.count.setObjectName("poolCount")
        self.count.setStyleSheet(f"color: {MUTED.name()};")
        filters = QHBoxLayout()
        filters.addWidget(self.skill, 1)
        filters.addWidget(self.free)
        filters.addWidget(self.free_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.free_to)
        filters.addWidget(self.show_left)
        self._filters = filters

    def _build_table(self) -> None:
        self.add_button = QPushButton(self.tr("Add Person…"))
        self.add_button.setObjectName("addPerson")
        self.add_button.clicked.connect(self._add_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editPerson")
        self.edit_button.clicked.connect(self._edit_clicked)
        self.remove_button = QPushButton(self.tr("Delete"))
        self.remove_button.setObjectName("removePerson")
        self.remove_button.setToolTip(
            self.tr(
                "Deletes an entry made by mistake. Someone who leaves the pool gets a "
                "“left the pool” event."
            )
        )
        self.remove_button.clicked.connect(self.remove_person)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        self._buttons = buttons
        table = QTableView()
        table.setObjectName("poolTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        column = self.model.column_of
        widths = {
            "name": 64,
            "company": 130,
            "kind": 80,
            "day_rate_fen": 80,
            "month_rate_fen": 90,
            "in_pool": 60,
            "red": 40,
            "black": 40,
        }
        for name, width in widths.items():
            table.setColumnWidth(column(name), width)
        header.setSectionResizeMode(column("skills"), QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.doubleClicked.connect(lambda _i: self.edit_person())
        self.table = table

    def _build_detail(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("personHeading")
        self.heading.setFont(scaled_font(self.heading, 1.3, bold=True))
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("personFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_event_button = QPushButton(self.tr("Add Event…"))
        self.add_event_button.setObjectName("addPoolEvent")
        self.add_event_button.clicked.connect(self._add_event_clicked)
        self.events = QTableView()
        self.events.setObjectName("poolEvents")
        self.events.setModel(self.events_model)
        self.events.verticalHeader().hide()
        self.events.horizontalHeader().setStretchLastSection(True)
        self.events.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events.setWordWrap(True)
        self.events.setColumnWidth(0, 92)
        self.events.setColumnWidth(1, 120)
        self.empty = QLabel(self.tr("Select someone to see their history."))
        self.empty.setStyleSheet(f"color: {MUTED.name()};")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        events_head = QHBoxLayout()
        events_head.addWidget(section_title(self.tr("Pool history")))
        events_head.addStretch(1)
        events_head.addWidget(self.add_event_button)
        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(events_head)
        layout.addWidget(self.events, 1)
        layout.addWidget(self.empty, 1)
        self.detail = detail

    # --- showing ------------------------------------------------------------------------

    def _free_toggled(self, on: bool) -> None:
        self.free_from.setEnabled(on)
        self.free_to.setEnabled(on)
        self.reload()

    def reload(self) -> None:
        people: list[PersonRecord] = []
        if self._ctx.ready:
            free = self.free.isChecked()
            people = self._ctx.service().people(
                skill=self.skill.text().strip(),
                available_from=pydate(self.free_from.date()) if free else None,
                available_to=pydate(self.free_to.date()) if free else None,
                include_left=self.show_left.isChecked(),
            )
        self.model.set_rows(people)
        self.count.setText(texts().people(len(people)))
        self._show_person()

    def names(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def current(self) -> PersonRecord | None:
        row = self.model.row_of(self._current_id)
        return self.model.record(row) if row >= 0 else None

    def select_person(self, person_id: str) -> None:
        row = self.model.row_of(person_id)
        if row < 0 and person_id:  # hidden by the filters: show everyone
            self.skill.clear()
            self.free.setChecked(False)
            self.show_left.setChecked(True)
            row = self.model.row_of(person_id)
        if row < 0:
            return
        self._current_id = person_id
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show_person()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._current_id = self.model.record(self.proxy.mapToSource(current).row()).id
            self._show_person()

    def _show_person(self) -> None:
        person = self.current()
        shown = person is not None
        for widget in (self.heading, self.facts, self.events, self.add_event_button):
            widget.setVisible(shown)
        self.empty.setVisible(not shown)
        self.edit_button.setEnabled(shown)
        self.remove_button.setEnabled(shown)
        self.add_button.setEnabled(self._ctx.ready)
        if person is None:
            self.events_model.set_rows([])
            return
        status = "" if person.in_pool else self.tr(" (left the pool)")
        self.heading.setText(person.name + status)
        lines = [
            self.tr("{kind} · {company}").format(
                kind=person_kind_label(person.kind), company=person.company or "—"
            ),
            self.tr("Day rate ¥{day} · month rate ¥{month}").format(
                day=yuan_text(person.day_rate_fen), month=yuan_text(person.month_rate_fen)
            ),
        ]
        if person.skills:
            lines.append(
                self.tr("Skills: {skills}").format(skills=self.tr(", ").join(person.skills))
            )
        contact = " · ".join(x for x in (person.phone, person.email) if x)
        if contact:
            lines.append(contact)
        if person.notes:
            lines.append(person.notes)
        self.facts.setText("\n".join(lines))
        self.events_model.set_rows(self._ctx.service().events(person.id))
        self.events.resizeRowsToContents()

    # --- edits --------------------------------------------------------------------------

    def _add_clicked(self) -> None:
        self.add_person()

    def _edit_clicked(self) -> None:
        self.edit_person()

    def _add_event_clicked(self) -> None:
        self.add_event()

    def add_person(self, accept: bool = True) -> PersonDialog:
        dialog = PersonDialog(None, self._submit_new, parent=self)
        self.last_dialog = dialog
        if accept:
            dialog.exec()
        return dialog

    def _submit_new(self, values: dict[str, Any]) -> PmError | None:
        fields = dict(values)
        name = str(fields.pop("name"))
        command = AddPersonCommand(self._ctx.service(), name, fields, self._ctx.done)
        error = self._ctx.push(command)
        if error is None and command.person_id:
            self.select_person(command.person_id)
        return error

    def edit_person(self, accept: bool = True) -> PersonDialog | None:
        person = self.current()
        if person is None:
            return None
        dialog = PersonDialog(
            person,
            lambda changes: self._ctx.push(
                EditPersonCommand(self._ctx.service(), person, changes, self._ctx.done)
            ),
            parent=self,
        )
        self.last_dialog = dialog
        if accept:
            dialog.exec()
        return dialog

    def remove_person(self) -> None:
        person = self.current()
        if person is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete from the pool list"),
            self.tr(
                "Delete {name} from the list? Use this for an entry made by mistake; when "
                "someone leaves the pool, add a “left the pool” event instead. Undo brings "
                "them back."
            ).format(name=person.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            error = self._ctx.push(RemovePersonCommand(self._ctx.service(), person, self._ctx.done))
            if error is not None:
                QMessageBox.warning(self, self.tr("Resource pool"), describe_error(error))

    def add_event(self, accept: bool = True) -> EventDialog | None:
        person = self.current()
        if person is None:
            return None
        project_name = ""
        if self._ctx.project_id:
            project_name = self._ctx.loader.get().projects.get(self._ctx.project_id).name

        def submit(values: dict[str, Any]) -> PmError | None:
            return self._ctx.push(
                AddEventCommand(
                    self._ctx.service(),
                    person,
                    values["kind"],
                    values["occurred_on"],
                    note=values["note"],
                    done=self._ctx.done,
                    about_project_id=self._ctx.project_id if values["about"] else None,
                )
            )

        dialog = EventDialog(person, self._ctx.today(), project_name, submit, parent=self)
        self.last_dialog = dialog
        if accept:
            dialog.exec()
        return dialog

    def set_dates(self, start: QDate, end: QDate) -> None:
        self.free_from.setDate(start)
        self.free_to.setDate(end)
