"""Editing the team-wide team-composition models (组队模型): one model in
:class:`TemplateEditorDialog` (name, project type, description and its roles), and the list of
models in :class:`TemplateListDialog` (new, edit, duplicate, delete; every change undoable).

The editor checks what it can before anything is saved (a name, role names that are given and
differ); the caller saves through an undoable command, and a refusal of the service is shown
in the editor, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import ProjectType
from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.team import RoleSpec, TemplateRecord, name_key
from pm_desktop.ui.delegates import NumberDelegate
from pm_desktop.ui.style import ERROR, MUTED
from pm_desktop.ui.team.commands import (
    TEMPLATE_COMMANDS,
    CreateTemplateCommand,
    RemoveTemplateCommand,
    UpdateTemplateCommand,
)
from pm_desktop.ui.team.context import TeamContext
from pm_desktop.ui.team.dialogs import FieldForm
from pm_desktop.ui.team.labels import field_error_text, project_type_label

Index = QModelIndex | QPersistentModelIndex

MAX_HEADCOUNT = 50
FLAGGED_BACKGROUND = QColor(198, 40, 40, 48)  # a light red wash over a refused row
TEMPLATE_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class TemplateValues:
    """What the editor returns: a model as the service takes it (roles in order)."""

    name: str
    project_type: ProjectType
    description: str
    roles: tuple[RoleSpec, ...]

    def changes_from(self, before: TemplateRecord) -> dict[str, Any]:
        """Only the fields that differ from ``before`` (roles compared as a whole list)."""
        changes: dict[str, Any] = {}
        if self.name != before.name:
            changes["name"] = self.name
        if self.project_type is not before.project_type:
            changes["project_type"] = self.project_type
        if self.description != before.description:
            changes["description"] = self.description
        if self.roles != before.roles:
            changes["roles"] = self.roles
        return changes


def clean_name(text: str) -> str:
    """A name as the service stores it: trimmed, runs of spaces made one."""
    return " ".join(text.split())


# --- the roles table ------------------------------------------------------------------------


class RolesModel(QAbstractTableModel):
    """The roles of the model being edited, in order; nothing is saved until the dialog's OK."""

    NAME, REQUIRED, HEADCOUNT, REVIEWS, RESPONSIBILITIES = range(5)
    COLUMNS = 5

    def __init__(self, roles: Sequence[RoleSpec] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles: list[RoleSpec] = list(roles)
        self._flagged: dict[int, str] = {}  # row -> why it is refused

    # --- contents -----------------------------------------------------------------------

    def roles(self) -> list[RoleSpec]:
        return list(self._roles)

    def role(self, row: int) -> RoleSpec:
        return self._roles[row]

    def insert_role(self, row: int, role: RoleSpec | None = None) -> int:
        """Insert ``role`` (a new, unnamed one by default) at ``row``; returns its row."""
        row = max(0, min(row, len(self._roles)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._roles.insert(row, role or RoleSpec(id="", name=""))
        self.endInsertRows()
        self.set_flagged({})
        return row

    def remove_role(self, row: int) -> None:
        if 0 <= row < len(self._roles):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._roles[row]
            self.endRemoveRows()
            self.set_flagged({})

    def move_role(self, row: int, delta: int) -> int:
        """Move the role at ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + delta
        if not (0 <= row < len(self._roles) and 0 <= target < len(self._roles)) or delta == 0:
            return row
        # beginMoveRows takes the row *before which* the moved one lands.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (delta > 0))
        self._roles.insert(target, self._roles.pop(row))
        self.endMoveRows()
        self.set_flagged({})
        return target

    def set_flagged(self, rows: dict[int, str]) -> None:
        """Highlight ``rows`` (row -> the reason, shown as the tooltip); {} clears."""
        changed = set(rows) | set(self._flagged)
        self._flagged = dict(rows)
        for row in sorted(changed):
            if 0 <= row < len(self._roles):
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def flagged_rows(self) -> list[int]:
        return sorted(self._flagged)

    # --- QAbstractItemModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._roles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Role"),
                self.tr("Required"),
                self.tr("Headcount"),
                self.tr("Reviews or writes"),
                self.tr("Responsibilities"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("The role's name; two roles cannot have the same name."),
                self.tr("A required role not filled is listed in the project's checks."),
                self.tr("How many people the role needs (1 to 50)."),
                self.tr("Checked: reviews deliverables (评审); unchecked: writes them (执笔)."),
                self.tr("What the role is responsible for."),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        if not index.isValid() or not 0 <= index.row() < len(self._roles):
            return None
        spec = self._roles[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(spec, column, edit=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole:
            if column == self.REQUIRED:
                return _check(spec.required)
            if column == self.REVIEWS:
                return _check(spec.reviews)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self._flagged:
            return FLAGGED_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.row() in self._flagged:
                return self._flagged[index.row()]
            if column == self.RESPONSIBILITIES and spec.responsibilities:
                return spec.responsibilities
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NAME and not spec.name:
            return MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HEADCOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, spec: RoleSpec, column: int, *, edit: bool) -> Any:  # noqa: PLR0911
        if column == self.NAME:
            return spec.name if edit or spec.name else self.tr("(name the role)")
        if column == self.REQUIRED:
            return None if edit else (self.tr("Required") if spec.required else self.tr("Optional"))
        if column == self.HEADCOUNT:
            return spec.headcount
        if column == self.REVIEWS:
            if edit:
                return None
            return (
                self.tr("Reviews", "the role reviews deliverables: 评审")
                if spec.reviews
                else self.tr("Writes", "the role writes deliverables: 执笔")
            )
        if column == self.RESPONSIBILITIES:
            return spec.responsibilities if edit else " ".join(spec.responsibilities.split())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() in (self.REQUIRED, self.REVIEWS):
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._roles):
            return False
        spec = self._roles[index.row()]
        new = self._changed(spec, index.column(), value, role)
        if new is None:
            return False
        if new != spec:
            self._roles[index.row()] = new
            if index.row() in self._flagged:  # being corrected: no longer shown as refused
                self._flagged.pop(index.row())
                self.dataChanged.emit(
                    self.index(index.row(), 0), self.index(index.row(), self.COLUMNS - 1)
                )
            else:
                self.dataChanged.emit(index, index)
        return True

    def _changed(  # noqa: PLR0911
        self, spec: RoleSpec, column: int, value: Any, role: int
    ) -> RoleSpec | None:
        """``spec`` with ``value`` set in ``column``, or None when that cannot be set."""
        if role == Qt.ItemDataRole.CheckStateRole:
            if column == self.REQUIRED:
                return replace(spec, required=_checked(value))
            if column == self.REVIEWS:
                return replace(spec, reviews=_checked(value))
            return None
        if role != Qt.ItemDataRole.EditRole:
            return None
        if column == self.NAME:
            return replace(spec, name=clean_name(str(value or "")))
        if column == self.HEADCOUNT:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return None
            return replace(spec, headcount=max(1, min(MAX_HEADCOUNT, count)))
        if column == self.RESPONSIBILITIES:
            return replace(spec, responsibilities=str(value or "").strip())
        return None


def _check(value: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value or value is True


# --- one model ------------------------------------------------------------------------------

#: Saves the values (through an undoable command); the error it met, or None.
SubmitTemplate = Callable[[TemplateValues], PmError | None]


class TemplateEditorDialog(FieldForm):
    """One team model: name, project type, description and the roles, edited in place."""

    def __init__(
        self,
        template: TemplateRecord | None,
        submit: SubmitTemplate | None = None,
        *,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``template`` None: a new model. ``submit`` None: OK only checks and closes (read
        the result with :meth:`values`)."""
        super().__init__(parent)
        self.setObjectName("templateEditorDialog")
        self._template = template
        self._submit = submit
        self._values: TemplateValues | None = None
        if title:
            self.setWindowTitle(title)
        elif template is None:
            self.setWindowTitle(self.tr("New team model"))
        else:
            self.setWindowTitle(self.tr("Edit the team model “{name}”").format(name=template.name))

        self.name = QLineEdit(template.name if template else "")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. 产品二开项目"))
        self.project_type = QComboBox()
        for kind in ProjectType:
            self.project_type.addItem(project_type_label(kind), kind.value)
        kind = template.project_type if template else ProjectType.IMPLEMENTATION
        self.project_type.setCurrentIndex(self.project_type.findData(kind.value))
        self.description = QPlainTextEdit(template.description if template else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(60)  # the roles table takes the height left
        self.description.setPlaceholderText(
            self.tr("When to use this model, and what it insists on.")
        )
        self.roles_model = RolesModel(template.roles if template else (), self)
        roles_box = self._build_roles()
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("project_type", self.tr("Project &type"), self.project_type)
        self.add_field("description", self.tr("&Description"), self.description)
        self.add_field("roles", self.tr("&Roles"), roles_box)
        # The roles table takes the height there is; the other rows keep theirs.
        for field, vertical in (
            ("name", QSizePolicy.Policy.Maximum),
            ("project_type", QSizePolicy.Policy.Maximum),
            ("description", QSizePolicy.Policy.Maximum),
            ("roles", QSizePolicy.Policy.Expanding),
        ):
            box = self.fields[field].parentWidget()
            if box is not None:
                box.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self.message = self.errors["roles"]
        self.message.setObjectName("rolesMessage")
        self.builtin_note = QLabel()
        self.builtin_note.setObjectName("builtinNote")
        self.builtin_note.setWordWrap(True)
        self.builtin_note.setStyleSheet(f"color: {MUTED.name()};")
        if template is not None and template.builtin_key:
            self.builtin_note.setText(
                self.tr(
                    "A built-in model: your edits stay in this database; the model shipped "
                    "with PM Desktop is not changed."
                )
            )
        else:
            self.builtin_note.hide()
        self.finish_layout(self.builtin_note)
        self._update_buttons()
        self.resize(880, 640)

    def _build_roles(self) -> QWidget:
        table = QTableView()
        table.setObjectName("rolesTable")
        table.setModel(self.roles_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.setMinimumHeight(200)
        table.setItemDelegateForColumn(
            RolesModel.HEADCOUNT, NumberDelegate(1, MAX_HEADCOUNT, table)
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (RolesModel.NAME, 150),
            (RolesModel.REQUIRED, 96),
            (RolesModel.HEADCOUNT, 76),
            (RolesModel.REVIEWS, 120),
        ):
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.roles_model.rowsInserted.connect(lambda *_: self._update_buttons())
        self.roles_model.rowsRemoved.connect(lambda *_: self._update_buttons())
        self.roles_model.rowsMoved.connect(lambda *_: self._update_buttons())
        self.table = table

        self.add_role_button = QPushButton(self.tr("&Add Role"))
        self.add_role_button.setObjectName("addRole")
        self.add_role_button.clicked.connect(self.add_role)
        self.remove_role_button = QPushButton(self.tr("Re&move Role"))
        self.remove_role_button.setObjectName("removeRole")
        self.remove_role_button.clicked.connect(self.remove_role)
        self.up_button = QPushButton(self.tr("Move &Up"))
        self.up_button.setObjectName("moveRoleUp")
        self.up_button.clicked.connect(lambda: self.move_role(-1))
        self.down_button = QPushButton(self.tr("Move Do&wn"))
        self.down_button.setObjectName("moveRoleDown")
        self.down_button.clicked.connect(lambda: self.move_role(1))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.add_role_button,
            self.remove_role_button,
            self.up_button,
            self.down_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        return box

    # --- the roles ------------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int, column: int = 0, *, highlight: bool = True) -> None:
        """Make ``row`` current; without ``highlight`` it is not selected, so that its red
        wash (a refused row) stays visible."""
        index = self.roles_model.index(row, column)
        if highlight:
            self.table.setCurrentIndex(index)
        else:
            selection = self.table.selectionModel()
            selection.clearSelection()
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(index)

    def add_role(self) -> int:
        """Add an unnamed role under the current one (at the end when none) and edit its name."""
        current = self.current_row()
        row = self.roles_model.insert_role(
            current + 1 if current >= 0 else self.roles_model.rowCount()
        )
        self._select(row, RolesModel.NAME)
        self.table.setFocus()
        if self.isVisible():
            self.table.edit(self.roles_model.index(row, RolesModel.NAME))
        return row

    def remove_role(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.roles_model.remove_role(row)
        if self.roles_model.rowCount():
            self._select(min(row, self.roles_model.rowCount() - 1))

    def move_role(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            column = self.table.currentIndex().column()
            self._select(self.roles_model.move_role(row, delta), column)

    def _update_buttons(self) -> None:
        row = self.current_row()
        count = self.roles_model.rowCount()
        self.remove_role_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    # --- checking and saving --------------------------------------------------------------

    def check_roles(self) -> bool:
        """Role names given and all different; otherwise flag the rows, say why, and False."""
        roles = self.roles_model.roles()
        unnamed = [row for row, spec in enumerate(roles) if not spec.name]
        if unnamed:
            reason = self.tr("This role has no name.")
            self.roles_model.set_flagged(dict.fromkeys(unnamed, reason))
            self.show_error(
                "roles",
                self.tr("Give every role a name (row {rows}), or remove the row.").format(
                    rows=self.tr(", ").join(str(r + 1) for r in unnamed)
                ),
            )
            self._select(unnamed[0], RolesModel.NAME, highlight=False)
            return False
        groups: dict[str, list[int]] = {}
        for row, spec in enumerate(roles):
            groups.setdefault(name_key(spec.name), []).append(row)
        collisions = [rows for rows in groups.values() if len(rows) > 1]
        if not collisions:
            self.roles_model.set_flagged({})
            return True
        flagged: dict[int, str] = {}
        parts: list[str] = []
        for rows in collisions:
            spelled = self.tr(" / ").join(
                dict.fromkeys(f"“{roles[r].name}”" for r in rows)  # each spelling once
            )
            numbers = self.tr(", ").join(str(r + 1) for r in rows)
            parts.append(self.tr("{names} (rows {rows})").format(names=spelled, rows=numbers))
            for row in rows:
                flagged[row] = self.tr("Same name as row {rows}.").format(
                    rows=self.tr(", ").join(str(r + 1) for r in rows if r != row)
                )
        self.roles_model.set_flagged(flagged)
        self.show_error(
            "roles",
            self.tr(
                "Two roles cannot have the same name (spaces, width and case do not count): "
                "{collisions}. Rename or remove one."
            ).format(collisions=self.tr("; ").join(parts)),
        )
        self._select(collisions[0][-1], RolesModel.NAME, highlight=False)
        return False

    def show_error(self, field: str, text: str) -> None:
        super().show_error(field, text)
        if field == "roles":
            self.table.setFocus()

    def collect(self) -> TemplateValues | None:
        """The values typed, or None (with messages at the fields) when they cannot be saved."""
        self.clear_errors()
        name = clean_name(self.name.text())
        if not name:
            self.show_error("name", self.tr("The model needs a name."))
        roles_ok = self.check_roles()
        if not name or not roles_ok:
            return None
        return TemplateValues(
            name=name,
            project_type=ProjectType(self.project_type.currentData()),
            description=self.description.toPlainText().strip(),
            roles=tuple(self.roles_model.roles()),
        )

    def values(self) -> TemplateValues | None:
        """What was accepted (None until OK succeeded)."""
        return self._values

    def show_refusal(self, error: PmError) -> None:
        if isinstance(error, ValidationError) and error.field == "roles":
            self.show_error("roles", field_error_text(error))
        else:
            super().show_refusal(error)

    def _commit_open_editor(self) -> None:
        """A cell still being typed in (OK pressed with Enter) counts as typed."""
        editor = QApplication.focusWidget()
        if (
            self.table.state() == QAbstractItemView.State.EditingState
            and editor is not None
            and self.table.viewport().isAncestorOf(editor)
        ):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def accept(self) -> None:
        self._commit_open_editor()
        values = self.collect()
        if values is None:
            return
        if self._submit is not None:
            error = self._submit(values)
            if error is not None:
                self.show_refusal(error)
                return
        self._values = values
        super().accept()


# --- the list of models ---------------------------------------------------------------------


class TemplateListDialog(QDialog):
    """The team-wide models: built-in ones and the team's own; each change is undoable."""

    def __init__(self, context: TeamContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateListDialog")
        self.setWindowTitle(self.tr("Team Models (组队模型)"))
        self._ctx = context
        self._templates: list[TemplateRecord] = []
        self.editor: TemplateEditorDialog | None = None  # the editor open (or last opened)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("templateList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Project type"), self.tr("Roles"), self.tr("Source")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(2, 60)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_template())

        side = self._build_buttons()

        self.message = QLabel()
        self.message.setObjectName("templateListMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        hint = QLabel(
            self.tr(
                "A project keeps the copy of the model it applied: apply the model again to "
                "bring in later changes. Built-in models can be edited and deleted here; the "
                "change stays in this database."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED.name()};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 400)
        self.reload()

    def _build_buttons(self) -> QVBoxLayout:
        self.new_button = QPushButton(self.tr("&New…"))
        self.new_button.setObjectName("newTemplate")
        self.new_button.clicked.connect(self.new_template)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editTemplate")
        self.edit_button.clicked.connect(self.edit_template)
        self.duplicate_button = QPushButton(self.tr("Du&plicate…"))
        self.duplicate_button.setObjectName("duplicateTemplate")
        self.duplicate_button.clicked.connect(self.duplicate_template)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("deleteTemplate")
        self.delete_button.clicked.connect(self.delete_template)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setObjectName("undoTemplateChange")
        self.undo_button.clicked.connect(self.undo)
        side = QVBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.duplicate_button,
            self.delete_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.undo_button)
        return side

    # --- showing --------------------------------------------------------------------------

    def templates(self) -> list[TemplateRecord]:
        return list(self._templates)

    def reload(self, select: str = "") -> None:
        """Read the models again; keep (or move to ``select``) the selection."""
        select = select or self.selected_id()
        self._templates = self._ctx.service().templates() if self._ctx.ready else []
        self.table.setRowCount(len(self._templates))
        for row, template in enumerate(self._templates):
            source = (
                self.tr("Built-in")
                if template.builtin_key
                else self.tr("Team's own", "a team model made by the users")
            )
            cells = (
                template.name,
                project_type_label(template.project_type),
                str(len(template.roles)),
                source,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(TEMPLATE_ID_ROLE, template.id)
                if template.description:
                    item.setToolTip(template.description)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        ids = [t.id for t in self._templates]
        if select in ids:
            self.table.selectRow(ids.index(select))
        elif ids:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_id(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return ""
        item = self.table.item(rows[0].row(), 0)
        return "" if item is None else str(item.data(TEMPLATE_ID_ROLE))

    def select(self, template_id: str) -> None:
        ids = [t.id for t in self._templates]
        if template_id in ids:
            self.table.selectRow(ids.index(template_id))

    def _selected(self) -> TemplateRecord | None:
        template_id = self.selected_id()
        return next((t for t in self._templates if t.id == template_id), None)

    def _update_buttons(self) -> None:
        selected = self._selected() is not None
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            button.setEnabled(selected)
        self.new_button.setEnabled(self._ctx.ready)
        # Only a change of the models: the stack is the window's, shared by every workspace.
        stack = self._ctx.undo_stack
        last = stack.command(stack.index() - 1) if stack.index() > 0 else None
        ours = isinstance(last, TEMPLATE_COMMANDS)
        self.undo_button.setEnabled(ours)
        self.undo_button.setToolTip(stack.undoText() if ours else "")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR.name()};" if error else "")
        self.message.setVisible(bool(text))

    # --- changes --------------------------------------------------------------------------

    def _open_editor(
        self, template: TemplateRecord | None, submit: SubmitTemplate, title: str = ""
    ) -> TemplateEditorDialog:
        editor = TemplateEditorDialog(template, submit, title=title, parent=self)
        self.editor = editor
        editor.exec()
        return editor

    def new_template(self) -> TemplateEditorDialog:
        return self._open_editor(None, self._create)

    def duplicate_template(self) -> TemplateEditorDialog | None:
        source = self._selected()
        if source is None:
            return None
        copy = replace(
            source,
            id="",
            name=self.tr("{name} (copy)").format(name=source.name),
            builtin_key=None,
            roles=tuple(replace(role, id="") for role in source.roles),
        )
        return self._open_editor(
            copy,
            self._create,
            self.tr("Duplicate the team model “{name}”").format(name=source.name),
        )

    def _create(self, values: TemplateValues) -> PmError | None:
        command = CreateTemplateCommand(
            self._ctx.service(),
            values.name,
            values.project_type,
            values.description,
            values.roles,
            done=self._ctx.done,
        )
        error = self._ctx.push(command)
        if error is None:
            self.reload(select=command.template_id)
            self._say(self.tr("Saved “{name}”.").format(name=values.name))
        return error

    def edit_template(self) -> TemplateEditorDialog | None:
        before = self._selected()
        if before is None:
            return None

        def save(values: TemplateValues) -> PmError | None:
            changes = values.changes_from(before)
            if not changes:
                return None
            error = self._ctx.push(
                UpdateTemplateCommand(self._ctx.service(), before, changes, self._ctx.done)
            )
            if error is None:
                self.reload(select=before.id)
                self._say(self.tr("Saved “{name}”.").format(name=values.name))
            return error

        return self._open_editor(before, save)

    def delete_template(self) -> None:
        template = self._selected()
        if template is None:
            return
        error = self._ctx.push(RemoveTemplateCommand(self._ctx.service(), template, self._ctx.done))
        self.reload()
        if error is not None:
            self._say(field_error_text(error), error=True)
        else:
            self._say(self.tr("Deleted “{name}”. Undo brings it back.").format(name=template.name))

    def undo(self) -> None:
        """Undo the last change of the models (the Edit menu cannot be reached from here)."""
        if not self.undo_button.isEnabled():
            return
        self._ctx.undo_stack.undo()
        self.reload()
        self._say("")
