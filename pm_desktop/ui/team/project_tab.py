"""The project's team: its team model (组队模型), the assignments edited in place, and the
checks (unfilled roles, over-allocation across projects, people out of the pool)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.cost import CostEstimate, parse_yuan
from pm_desktop.core.enums import ServiceOrderType
from pm_desktop.core.errors import PmError
from pm_desktop.core.team import (
    MAX_ALLOCATION_PCT,
    AssignmentRecord,
    PersonRecord,
    TeamCheck,
    TemplateRecord,
)
from pm_desktop.ui.delegates import ChoiceDelegate, DateDelegate, NumberDelegate
from pm_desktop.ui.style import ERROR, MUTED, SUCCESS, WARNING, section_title
from pm_desktop.ui.team.commands import (
    ApplyTemplateCommand,
    AssignCommand,
    EditAssignmentCommand,
    RemoveAssignmentsCommand,
)
from pm_desktop.ui.team.context import TeamContext
from pm_desktop.ui.team.dialogs import AssignDialog, default_period
from pm_desktop.ui.team.labels import (
    amount_refused_text,
    field_error_text,
    order_type_label,
    project_type_label,
    texts,
)
from pm_desktop.ui.team.models import AssignmentsModel
from pm_desktop.ui.team.template_editor import TemplateListDialog

Index = QModelIndex | QPersistentModelIndex


class CheckLabel(QLabel):
    """One line of the checks panel; clicking it (or Enter) leads to what it is about."""

    activated = Signal(object)  # the target: ("role", name) or ("person", id)

    def __init__(
        self,
        text: str,
        target: tuple[str, str] | None,
        colour: QColor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.target = target
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {colour.name()}; padding: 2px 0;")
        if target is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.target is not None and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.target is not None and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Space,
        ):
            self.activated.emit(self.target)
            return
        super().keyPressEvent(event)


@dataclass
class TeamSnapshot:
    """What the workspace read for the project after the last change."""

    assignments: list[AssignmentRecord] = field(default_factory=list)
    template: TemplateRecord | None = None
    templates: list[TemplateRecord] = field(default_factory=list)
    check: TeamCheck = field(default_factory=TeamCheck)
    estimate: CostEstimate | None = None
    people: dict[str, PersonRecord] = field(default_factory=dict)


class RoleDelegate(QStyledItemDelegate):
    """A role typed freely or picked from the team model's roles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles: list[str] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor.addItems(self.roles)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class ProjectTeamTab(QWidget):
    personRequested = Signal(str)  # show this person in the resource pool

    def __init__(self, context: TeamContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamProjectTab")
        self._ctx = context
        self._snapshot = TeamSnapshot()
        self._pending_dialog: AssignDialog | None = None
        self.model = AssignmentsModel(self)
        self.model.editRequested.connect(self._edit_from_table)
        self._build_template_bar()
        self._build_table()
        self._build_checks()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._template_bar)
        left_layout.addWidget(self.template_note)
        left_layout.addLayout(self._toolbar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.checks_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 280])
        splitter.setChildrenCollapsible(False)
        self.checks_panel.setMinimumWidth(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

    # --- construction -------------------------------------------------------------------

    def _build_template_bar(self) -> None:
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("teamTemplateCombo")
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(26)
        self.apply_button = QPushButton(self.tr("Apply Model…"))
        self.apply_button.setObjectName("applyTeamTemplate")
        self.apply_button.clicked.connect(self.apply_selected_template)
        self.manage_button = QPushButton(self.tr("Manage Models…"))
        self.manage_button.setObjectName("manageTeamTemplates")
        self.manage_button.setToolTip(
            self.tr("Create, edit, duplicate or delete the team models (组队模型).")
        )
        self.manage_button.clicked.connect(self._manage_clicked)
        self.template_label = QLabel()
        self.template_label.setObjectName("projectTemplateLabel")
        self.template_label.setTextFormat(Qt.TextFormat.PlainText)
        self.template_note = QLabel()
        self.template_note.setObjectName("projectTemplateNote")
        self.template_note.setWordWrap(True)
        self.template_note.setStyleSheet(f"color: {MUTED.name()};")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Team model (组队模型):")))
        bar.addWidget(self.template_label)
        bar.addStretch(1)
        bar.addWidget(self.template_combo)
        bar.addWidget(self.apply_button)
        bar.addWidget(self.manage_button)
        self._template_bar = bar

    def _build_table(self) -> None:
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.setObjectName("assignPerson")
        self.assign_button.clicked.connect(self._assign_clicked)
        self.remove_button = QPushButton(self.tr("Remove from Team"))
        self.remove_button.setObjectName("removeAssignment")
        self.remove_button.clicked.connect(self.remove_selected)
        self.summary = QLabel()
        self.summary.setObjectName("teamSummary")
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.assign_button)
        toolbar.addWidget(self.remove_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.summary)
        self._toolbar = toolbar

        table = QTableView()
        table.setObjectName("assignmentsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        column = self.model.column_of
        self.role_delegate = RoleDelegate(table)
        table.setItemDelegateForColumn(column("role_name"), self.role_delegate)
        dates = DateDelegate(self._ctx.today, table)
        table.setItemDelegateForColumn(column("starts_on"), dates)
        table.setItemDelegateForColumn(column("ends_on"), dates)
        table.setItemDelegateForColumn(
            column("allocation_pct"), NumberDelegate(1, MAX_ALLOCATION_PCT, table)
        )
        table.setItemDelegateForColumn(
            column("order_type"),
            ChoiceDelegate([(k.value, order_type_label(k)) for k in ServiceOrderType], table),
        )
        table.setItemDelegateForColumn(column("service_days"), NumberDelegate(0, 3650, table))
        widths = {
            "person_name": 80,
            "role_name": 140,
            "starts_on": 92,
            "ends_on": 92,
            "allocation_pct": 76,
            "order_type": 118,
            "package_price_fen": 116,
            "service_days": 108,
        }
        for name, width in widths.items():
            table.setColumnWidth(column(name), width)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        table.doubleClicked.connect(self._double_clicked)
        self.table = table
        self.message = QLabel()
        self.message.setObjectName("assignmentMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR.name()};")
        self.message.hide()

    def _build_checks(self) -> None:
        # Labels rather than a list view: a list's rows do not grow for wrapped Chinese text.
        self.checks = QWidget()
        self.checks.setObjectName("teamChecks")
        self._checks_layout = QVBoxLayout(self.checks)
        self._checks_layout.setContentsMargins(6, 6, 6, 6)
        self._checks_layout.addStretch(1)
        self.check_items: list[CheckLabel] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.checks)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Checks")))
        layout.addWidget(scroll, 1)
        self.checks_panel = panel

    # --- showing ------------------------------------------------------------------------

    def show_snapshot(self, snapshot: TeamSnapshot) -> None:
        self._snapshot = snapshot
        costs = {}
        if snapshot.estimate is not None:
            costs = {line.assignment_id: line.amount_fen for line in snapshot.estimate.lines}
        self.model.set_data(snapshot.assignments, costs, self._person_flags(snapshot))
        self._show_template(snapshot)
        self._show_checks(snapshot)
        people = {a.person_id for a in snapshot.assignments}
        self.summary.setText(texts().people(len(people)) if people else "")
        self._update_actions()

    def _person_flags(self, snapshot: TeamSnapshot) -> dict[str, str]:
        flags: dict[str, list[str]] = {}
        for over in snapshot.check.over:
            flags.setdefault(over.person_id, []).append(self._over_text(over.person_id, over))
        for person in snapshot.check.left_pool:
            flags.setdefault(person.id, []).append(
                self.tr("{name} has left the resource pool.").format(name=person.name)
            )
        return {person_id: "\n".join(lines) for person_id, lines in flags.items()}

    def _show_template(self, snapshot: TeamSnapshot) -> None:
        template = snapshot.template
        if template is None:
            self.template_label.setText(self.tr("none applied"))
            self.template_label.setStyleSheet(f"color: {MUTED.name()};")
            self.template_label.setToolTip("")
            self.template_note.setText(
                self.tr(
                    "Apply the standard staffing for this kind of project: the checks then "
                    "list the required roles not yet filled."
                )
            )
        else:
            self.template_label.setText(
                self.tr("{name} ({type})").format(
                    name=template.name, type=project_type_label(template.project_type)
                )
            )
            self.template_label.setStyleSheet("font-weight: 600;")
            roles = [
                self.tr("{role} × {count}").format(role=r.name, count=r.headcount)
                + ("" if r.required else self.tr(" (optional)"))
                for r in template.roles
            ]
            self.template_note.setText(
                self.tr("Roles: {roles}").format(roles=self.tr(", ").join(roles))
            )
            self.template_label.setToolTip(template.description)
        self.role_delegate.roles = [r.name for r in template.roles] if template else []
        current = self.template_combo.currentData()
        self.template_combo.clear()
        for choice in snapshot.templates:
            self.template_combo.addItem(
                self.tr("{name} ({type})").format(
                    name=choice.name, type=project_type_label(choice.project_type)
                ),
                choice.id,
            )
            self.template_combo.setItemData(
                self.template_combo.count() - 1, choice.description, Qt.ItemDataRole.ToolTipRole
            )
        if current is not None and self.template_combo.findData(current) >= 0:
            self.template_combo.setCurrentIndex(self.template_combo.findData(current))
        elif template is not None:
            same = [t.id for t in snapshot.templates if t.name == template.name]
            if same:
                self.template_combo.setCurrentIndex(self.template_combo.findData(same[0]))

    def _name(self, person_id: str) -> str:
        person = self._snapshot.people.get(person_id)
        if person is not None:
            return person.name
        return next(
            (a.person_name for a in self._snapshot.assignments if a.person_id == person_id), "?"
        )

    def _over_text(self, person_id: str, over: Any) -> str:
        return self.tr("{name}: booked {peak}% from {start} to {end}").format(
            name=self._name(person_id),
            peak=over.peak_pct,
            start=over.starts_on.isoformat(),
            end=over.ends_on.isoformat(),
        )

    def _show_checks(self, snapshot: TeamSnapshot) -> None:
        for label in self.check_items:
            self._checks_layout.removeWidget(label)
            label.deleteLater()
        self.check_items = []
        check = snapshot.check
        for unfilled in check.unfilled:
            text = texts().missing(unfilled.missing).format(role=unfilled.role.name)
            if unfilled.candidates:
                text += self.tr(" — proposed: {names}").format(
                    names=self.tr(", ").join(p.name for p in unfilled.candidates)
                )
            self._add_check(
                text,
                ("role", unfilled.role.name),
                WARNING,
                self.tr("Click to assign someone as {role}.").format(role=unfilled.role.name),
            )
        for over in check.over:
            self._add_check(
                self._over_text(over.person_id, over),
                ("person", over.person_id),
                ERROR,
                self.tr("Over 100% across projects. Click to show their assignments."),
            )
        for person in check.left_pool:
            self._add_check(
                self.tr("{name} has left the resource pool.").format(name=person.name),
                ("person", person.id),
                WARNING,
                self.tr("Click to show their assignments."),
            )
        for assignment in check.unpriced:
            self._add_check(
                self.tr("{name}: type B without a package price, so it costs nothing yet.").format(
                    name=assignment.person_name
                ),
                ("person", assignment.person_id),
                WARNING,
                self.tr("Type the package price in the table."),
            )
        if check.clean:
            text = (
                self.tr("Every required role is filled and nobody is booked over 100%.")
                if snapshot.template is not None
                else self.tr("Nobody is booked over 100%. Apply a team model to check roles.")
            )
            self._insert_check(
                CheckLabel(text, None, SUCCESS if snapshot.template is not None else MUTED)
            )

    def _add_check(self, text: str, target: tuple[str, str], colour: QColor, tip: str) -> None:
        label = CheckLabel("● " + text, target, colour)
        label.setToolTip(tip)
        label.activated.connect(self.go_to_check)
        self._insert_check(label)

    def _insert_check(self, label: CheckLabel) -> None:
        self._checks_layout.insertWidget(len(self.check_items), label)
        self.check_items.append(label)

    def check_texts(self) -> list[str]:
        return [label.text() for label in self.check_items]

    # --- selection and actions ----------------------------------------------------------

    def selected_records(self) -> list[AssignmentRecord]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    def select_person(self, person_id: str) -> None:
        rows = [i for i, a in enumerate(self.model.records()) if a.person_id == person_id]
        selection = QItemSelection()
        for row in rows:
            selection.select(
                self.model.index(row, 0), self.model.index(row, self.model.COLUMNS - 1)
            )
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(rows[0], 0))
            self.table.setFocus()

    def go_to_check(self, target: object) -> None:
        if not isinstance(target, tuple):
            return
        kind, value = target
        if kind == "role":
            self.assign(role=value)
        else:
            self.select_person(value)

    def _update_actions(self) -> None:
        has_project = bool(self._ctx.project_id)
        self.assign_button.setEnabled(has_project)
        self.apply_button.setEnabled(has_project and self.template_combo.count() > 0)
        self.manage_button.setEnabled(self._ctx.ready)
        self.remove_button.setEnabled(bool(self.selected_records()))
        self.model.set_editable(has_project)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == self.model.column_of("person_name"):
            self.personRequested.emit(self.model.record(index.row()).person_id)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- edits --------------------------------------------------------------------------

    def apply_selected_template(self) -> None:
        template_id = self.template_combo.currentData()
        template = next((t for t in self._snapshot.templates if t.id == template_id), None)
        if template is None or not self._ctx.project_id:
            return
        if self._snapshot.assignments:
            answer = QMessageBox.question(
                self,
                self.tr("Apply team model"),
                self.tr(
                    "Apply “{name}” to this project? The team already assigned stays as it "
                    "is; the checks then compare it with the roles of this model."
                ).format(name=template.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        command = ApplyTemplateCommand(
            self._ctx.service(),
            self._ctx.project_id,
            template,
            self._snapshot.template,
            self._ctx.done,
        )
        self._report(self._ctx.push(command))

    def manage_templates(self) -> TemplateListDialog:
        """Open the list of team models (new, edit, duplicate, delete); returns it once closed.
        The model chosen there is the one offered to apply."""
        dialog = TemplateListDialog(self._ctx, parent=self)
        current = self.template_combo.currentData()
        if current is not None:
            dialog.select(str(current))
        dialog.exec()
        chosen = dialog.selected_id()
        if chosen and self.template_combo.findData(chosen) >= 0:
            self.template_combo.setCurrentIndex(self.template_combo.findData(chosen))
        return dialog

    def _manage_clicked(self) -> None:
        self.manage_templates()

    def assign(self, role: str = "", person_id: str = "") -> AssignDialog | None:
        """Open the Assign dialog (``role`` and ``person_id`` preset); returns it once closed."""
        if not self._ctx.project_id:
            return None
        service = self._ctx.service()
        people = [p for p in service.people(include_left=True)]
        template = self._snapshot.template
        dialog = AssignDialog(
            people,
            template.roles if template else (),
            self._period(),
            self._submit_assignment,
            role=role,
            parent=self,
        )
        if person_id:
            dialog.select_person(person_id)
        self._pending_dialog = dialog
        dialog.exec()
        return dialog

    def _assign_clicked(self) -> None:
        self.assign()

    def _period(self) -> tuple[Any, Any]:
        if self._snapshot.assignments:
            starts = min(a.starts_on for a in self._snapshot.assignments)
            ends = max(a.ends_on for a in self._snapshot.assignments)
            return starts, ends
        return default_period(self._ctx.today())

    def _submit_assignment(self, values: dict[str, Any]) -> PmError | None:
        dialog = self._pending_dialog
        assert dialog is not None
        command = AssignCommand(
            self._ctx.service(), self._ctx.project_id, dialog.person_name(), values, self._ctx.done
        )
        return self._ctx.push(command)

    def remove_selected(self) -> None:
        records = self.selected_records()
        if records:
            self._report(
                self._ctx.push(
                    RemoveAssignmentsCommand(self._ctx.service(), records, self._ctx.done)
                )
            )

    def _edit_from_table(self, record: AssignmentRecord, field: str, value: object) -> None:
        if field == "package_price_fen":
            text = str(value).strip()
            try:
                value = parse_yuan(text) if text else None
            except ValueError:
                self.show_message(
                    self.tr("{name}: {problem}").format(
                        name=record.person_name, problem=amount_refused_text()
                    )
                )
                return
        changes: Mapping[str, object] = {field: value}
        error = self._ctx.push(
            EditAssignmentCommand(self._ctx.service(), record, changes, self._ctx.done)
        )
        self._report(error, record.person_name)

    def _report(self, error: PmError | None, name: str = "") -> None:
        if error is None:
            self.show_message("")
            return
        text = field_error_text(error)
        self.show_message(
            self.tr("{name}: {problem}").format(name=name, problem=text) if name else text
        )

    def records_of(self, person_id: str) -> Sequence[AssignmentRecord]:
        return [a for a in self.model.records() if a.person_id == person_id]
