"""The Conflicts panel: the open conflicts, and for the selected one both versions side by side
with one-click buttons to keep one, the other, or both."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import ConflictKind, ConflictResolution
from pm_desktop.core.errors import PmError
from pm_desktop.ui.conflicts.labels import (
    field_label,
    keep_button_text,
    project_text,
    record_kind,
    record_labels,
    record_text,
    side_title,
    what_text,
    when_text,
    who_text,
)
from pm_desktop.ui.empty_state import EmptyState
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.style import ERROR, MUTED, SUCCESS, WARNING, chip_style, scaled_font

if TYPE_CHECKING:
    from pm_desktop.services.conflicts import ConflictEntry, ConflictSide
    from pm_desktop.services.container import Services

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PROJECT = 0
    RECORD = 1
    FIELD = 2
    WHEN = 3


class ConflictListModel(QAbstractTableModel):
    """One row per open conflict."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ConflictEntry] = []
        self._records: dict[str, str] = {}

    def set_entries(self, entries: list[ConflictEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._records = record_labels(entries)
        self.endResetModel()

    def entry(self, row: int) -> ConflictEntry:
        return self._entries[row]

    def record(self, entry: ConflictEntry) -> str:
        """The record as the list names it: two minute entries of one meeting read apart."""
        return self._records.get(entry.id) or record_text(entry)

    def row_of(self, conflict_id: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e.id == conflict_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (self.tr("Project"), self.tr("Record"), self.tr("Field"), self.tr("When"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                Column.PROJECT: project_text(entry),
                Column.RECORD: self.record(entry),
                Column.FIELD: what_text(entry),
                Column.WHEN: when_text(entry.when),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.FIELD and entry.kind == ConflictKind.DELETE:
                return ERROR
            if column in (Column.PROJECT, Column.WHEN):
                return MUTED
        return None


class SidePane(QFrame):
    """One version: a caption, who wrote it and when, a tag, and the text (read-only)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel()
        self.title.setObjectName(f"{name}Title")
        self.title.setFont(scaled_font(self.title, 1.1, bold=True))
        self.tag = QLabel()
        self.tag.setObjectName(f"{name}Tag")
        self.meta = QLabel()
        self.meta.setObjectName(f"{name}Meta")
        self.meta.setStyleSheet(f"color: {MUTED.name()};")
        self.meta.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"{name}Text")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.tag)
        heading.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.meta)
        layout.addWidget(self.text, 1)

    def show_side(self, title: str, meta: str, tag: str, tag_style: str, text: str) -> None:
        self.title.setText(title)
        self.meta.setText(meta)
        self.tag.setText(tag)
        self.tag.setStyleSheet(tag_style)
        self.tag.setVisible(bool(tag))
        self.text.setPlainText(text)


class ConflictsPanel(QWidget):
    """Lists the open conflicts and resolves the selected one (through ``resolveRequested``,
    which the owner turns into an undoable command)."""

    #: The ConflictEntry, the ConflictResolution, and whether the user agreed to overwrite a
    #: change made after the conflict.
    resolveRequested = Signal(object, object, bool)

    def __init__(self, services: Callable[[], Services], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = ConflictListModel(self)
        self._resolutions: dict[QPushButton, ConflictResolution] = {}
        self.confirm_overwrite: Callable[[ConflictEntry, QPushButton], bool] = (
            self._confirm_overwrite
        )
        """Asks before a choice overwrites a later change (a message box; tests put their
        own)."""
        self._build()

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("conflictsSummary")
        self.summary.setFont(scaled_font(self.summary, 1.0, bold=True))
        intro = QLabel(
            self.tr(
                "Two computers changed the same thing while apart. The later change is in the "
                "record now; the other is kept here, so nothing is lost. Choose what to keep."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {MUTED.name()};")

        self.list = QTreeView()
        self.list.setObjectName("conflictList")
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setStyleSheet("QTreeView#conflictList::item { padding: 3px 0px; }")
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.RECORD, QHeaderView.ResizeMode.Stretch)
        for column in (Column.PROJECT, Column.FIELD, Column.WHEN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.selectionModel().currentRowChanged.connect(self._show_current)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 430])

        self.empty = EmptyState(
            self.tr("No conflicts"),
            [
                self.tr("Nothing to resolve: every change from other computers fitted with yours."),
                self.tr(
                    "When two people change the same text while apart, or one deletes what "
                    "another edits, both versions show here and you choose which to keep."
                ),
            ],
        )
        self.empty.setObjectName("conflictsEmpty")
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)

    def _build_detail(self) -> QWidget:
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setFont(scaled_font(self.heading, 1.2, bold=True))
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("conflictSubheading")
        self.subheading.setWordWrap(True)
        self.subheading.setStyleSheet(f"color: {MUTED.name()};")
        self.warning = QLabel()
        self.warning.setObjectName("conflictWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING.name()};")
        self.left = SidePane("leftSide")
        self.right = SidePane("rightSide")
        font = QFont(self.left.text.font())  # the same font on both sides
        font.setPointSizeF(font.pointSizeF() * 1.05)
        for pane in (self.left, self.right):
            pane.text.setFont(font)
        sides = QHBoxLayout()
        sides.setSpacing(16)
        sides.addWidget(self.left, 1)
        sides.addWidget(self.right, 1)

        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR.name()};")
        self.message.hide()
        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.warning)
        layout.addLayout(sides, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        return detail

    def _build_buttons(self) -> QHBoxLayout:
        self.keep_left = QPushButton()
        self.keep_left.setObjectName("keepLeft")
        self.keep_right = QPushButton()
        self.keep_right.setObjectName("keepRight")
        self.keep_both = QPushButton(self.tr("Keep Both"))
        self.keep_both.setObjectName("keepBoth")
        self.keep_both.setToolTip(
            self.tr("The text in the record now first, then the other one after it")
        )
        for button in (self.keep_left, self.keep_right, self.keep_both):
            button.setAutoDefault(False)
            button.setMinimumWidth(130)
            button.clicked.connect(self._button_clicked)
        # Each keep button under its own version, "Keep Both" between the two.
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_left)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_both)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_right)
        return buttons

    # --- showing ------------------------------------------------------------------------

    def current(self) -> ConflictEntry | None:
        index = self.list.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    @Slot()
    def reload(self) -> None:
        """Read the open conflicts again; keep the selected one, or select the one that took
        its place (the next) when it was resolved."""
        shown = self.current()
        row = self.list.currentIndex().row()
        try:
            entries = self._services().conflicts.open_conflicts()
        except PmError as error:
            entries = []
            self.show_error(error)
        self.model.set_entries(entries)
        self.summary.setText(self.tr("%n conflict(s) to resolve", "", len(entries)))
        self.summary.setVisible(bool(entries))
        self.pages.setCurrentIndex(0 if entries else 1)
        if not entries:
            self._show(None)
            return
        wanted = self.model.row_of(shown.id) if shown is not None else -1
        if wanted < 0:
            wanted = min(max(row, 0), len(entries) - 1)
        self.select_row(wanted)
        self._show(self.model.entry(wanted))  # fresh values even when the row stays

    def select_row(self, row: int) -> None:
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def show_error(self, error: PmError | None) -> None:
        """Say why the last resolution was not made (None: clear)."""
        if error is None:
            self.message.hide()
            return
        if error.code == "conflict_changed":
            text = self.tr(
                "Someone changed this after the conflict, so nothing was overwritten. Look at "
                "the record as it is now, then choose again."
            )
        else:
            text = describe_error(error)
        self.message.setText(text)
        self.message.show()

    @Slot(QModelIndex, QModelIndex)
    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_error(None)
        self._show(self.model.entry(current.row()) if current.isValid() else None)

    def _show(self, entry: ConflictEntry | None) -> None:
        for button in (self.keep_left, self.keep_right, self.keep_both):
            button.setVisible(entry is not None)
        if entry is None:
            self.heading.clear()
            self.subheading.clear()
            self.warning.hide()
            return
        self.heading.setText(self.model.record(entry))
        self.subheading.setText(
            self.tr("{what} · {project}").format(what=what_text(entry), project=project_text(entry))
        )
        left, right = self._sides(entry)
        for pane, side in ((self.left, left), (self.right, right)):
            self._show_side(pane, entry, side)
        self._resolutions = {
            self.keep_left: entry.resolution_keeping(left),
            self.keep_right: entry.resolution_keeping(right),
            self.keep_both: ConflictResolution.BOTH,
        }
        self.keep_left.setText(keep_button_text(entry, left))
        self.keep_right.setText(keep_button_text(entry, right))
        self.keep_both.setVisible(entry.can_keep_both)
        for button, resolution in self._resolutions.items():
            button.setEnabled(entry.allows(resolution, overwriting=True))  # asks first then
        self._show_warning(entry)

    @staticmethod
    def _sides(entry: ConflictEntry) -> tuple[ConflictSide, ConflictSide]:
        """Mine on the left when one side is; else the version in the record now."""
        if entry.kind == ConflictKind.EDIT and entry.lost.mine and not entry.kept.mine:
            return entry.lost, entry.kept
        return entry.kept, entry.lost

    def _show_side(self, pane: SidePane, entry: ConflictEntry, side: ConflictSide) -> None:
        meta = self.tr("{who} · {when}").format(who=who_text(side), when=when_text(side.at))
        kept = side is entry.kept
        if entry.kind == ConflictKind.DELETE:
            if kept:
                tag = self.tr("Kept")
                text = "\n".join(
                    self.tr("{field}: {value}").format(
                        field=field_label(entry.table, column), value=value
                    )
                    for column, value in entry.row_fields
                )
            else:
                tag = self.tr("Deletion undone")
                text = self.tr(
                    "{who} deleted this record while it was being edited elsewhere. The record "
                    "was kept; “Delete It” deletes it after all."
                ).format(who=who_text(side))
        else:
            tag = self.tr("In the record now") if kept else self.tr("Overwritten")
            text = side.text
        title, replaced = side_title(entry, side), ""
        current = kept and not entry.changed_since
        if kept and entry.changed_since:
            tag = self.tr("Changed since")
        if kept and entry.changed_since and entry.kind == ConflictKind.EDIT:
            # What the record holds now, in full: what "Keep the Current Value" keeps.
            title = self.tr("Current value")
            meta = self.tr(
                "Changed after the conflict, replacing the version of {who} · {when}"
            ).format(who=who_text(side), when=when_text(side.at))
            replaced = self.tr("The version the change replaced:\n{text}").format(text=side.text)
            text = entry.current
        style = chip_style(SUCCESS if current else WARNING)
        pane.show_side(title, meta, tag, style, text)
        pane.meta.setToolTip(replaced)

    def _show_warning(self, entry: ConflictEntry) -> None:
        text = ""
        if entry.row_missing and entry.kind == ConflictKind.EDIT:
            text = self.tr("The record is not on this computer: only the value it has can stay.")
        elif entry.changed_since and entry.kind == ConflictKind.DELETE:
            text = self.tr("The record was deleted again after the conflict.")
        elif entry.deleted_within:
            text = self.tr(
                "It belongs to {parents}, deleted too: “Keep the Row” brings that back as well."
            ).format(
                parents=self.tr(", ").join(
                    self.tr("the {kind} “{name}”").format(kind=record_kind(t).lower(), name=n)
                    if n
                    else self.tr("the {kind}").format(kind=record_kind(t).lower())
                    for t, n in entry.deleted_within
                )
            )
        elif entry.changed_since:
            text = self.tr(
                "Changed after the conflict: “{current}” shows what the record holds now. "
                "Keeping the other version overwrites that change (you are asked first)."
            ).format(current=self.tr("Current value"))
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    @Slot()
    def _button_clicked(self) -> None:
        entry = self.current()
        button = self.sender()
        if entry is None or not isinstance(button, QPushButton):
            return
        resolution = self._resolutions[button]
        overwriting = entry.overwrites(resolution)
        if overwriting and not self.confirm_overwrite(entry, button):
            return
        self.resolveRequested.emit(entry, resolution, overwriting)

    def _confirm_overwrite(self, entry: ConflictEntry, button: QPushButton) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Overwrite a Later Change?"))
        current = _shortened(entry.current)
        box.setText(
            self.tr(
                "“{field}” was changed after the conflict and now reads “{value}”. "
                "“{choice}” replaces that."
            ).format(
                field=field_label(entry.table, entry.column),
                value=current,
                choice=button.text().replace("&", ""),
            )
        )
        box.setInformativeText(self.tr("Undo puts the current value back."))
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is overwrite


class ConflictsDialog(QDialog):
    """The panel in a window of its own; stays open beside the main window. Undo and redo
    (buttons and shortcuts) go through the window's history, where resolutions are steps."""

    def __init__(
        self,
        services: Callable[[], Services],
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Conflicts"))
        self.panel = ConflictsPanel(services, self)
        self.undo_action = undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("conflictsUndo")
        self.undo_button.setDefaultAction(self.undo_action)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(buttons, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addLayout(row)
        self.resize(980, 660)


def _shortened(text: str, limit: int = 120) -> str:
    """``text`` cut to ``limit`` characters (an ellipsis marks the cut), for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
