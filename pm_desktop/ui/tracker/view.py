"""The action tracker: every 5W1H action item of a project, or of all projects, at a glance.

A filter change re-queries at once through the action tracker service (one page, and the total
for "Showing 500 of 20,000"); the table reads further pages as the user scrolls. Selected rows
can be marked open, in progress, done or cancelled together, undoably when an undo stack is
given. Double-click (or Enter) on a row emits :attr:`ActionTrackerView.actionActivated`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontMetrics, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.errors import PmError
from pm_desktop.core.tracker import TrackedAction, TrackerFilter, TrackerSort
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.tracker.commands import SetActionStatusesCommand
from pm_desktop.ui.tracker.empty_page import EmptyPage
from pm_desktop.ui.tracker.filter_bar import TrackerFilterBar
from pm_desktop.ui.tracker.labels import due_text, number_text, status_label
from pm_desktop.ui.tracker.model import Column, TrackerModel

if TYPE_CHECKING:
    from pm_desktop.services.container import Services

#: Column widths in Chinese characters of the table's font ("What" takes the rest).
COLUMN_EMS = {
    Column.NUMBER: 2.5,
    Column.WHO: 5,
    Column.STATUS: 5,
    Column.WHERE: 7,
    Column.MEETING: 11,
    Column.PROJECT: 11,
}
#: The sort order a click on a column's header picks.
HEADER_SORTS = {
    Column.WHO: TrackerSort.OWNER,
    Column.WHEN: TrackerSort.DUE,
    Column.STATUS: TrackerSort.STATUS,
    Column.MEETING: TrackerSort.NEWEST,
}


class ActionTrackerView(QWidget):
    """Filter bar, result count, bulk status buttons and the table of tracked actions."""

    actionActivated = Signal(str, str)  # meeting id ("" if none), action id
    statusesChanged = Signal()  # a bulk change (or its undo) was saved

    def __init__(
        self,
        services_getter: Callable[[], Services],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        """Nothing is read until :meth:`set_project` is called and the view is shown."""
        super().__init__(parent)
        self._services = services_getter
        self._today = today
        self._undo_stack = undo_stack
        self._project_id: str | None = None
        self._stale = True
        self._total = 0
        self._failed = False
        self.model = TrackerModel(today, self)
        self._build()
        self.filter_bar.set_scope(has_project=False)

    # --- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self._build_actions()
        self._build_table()
        self._build_layout()
        self._on_selection_changed()

    def _build_actions(self) -> None:
        self.filter_bar = TrackerFilterBar(self._today)
        self.filter_bar.changed.connect(self._on_filter_changed)
        self.filter_bar.scopeChanged.connect(self._on_scope_changed)

        self.mark_actions: dict[ActionStatus, QAction] = {}
        for status in ActionStatus:
            action = QAction(status_label(status), self)
            action.setToolTip(
                self.tr("Mark the selected action items “{status}”").format(
                    status=status_label(status)
                )
            )
            action.triggered.connect(lambda _on=False, s=status: self.set_status(s))
            self.mark_actions[status] = action
        self.context_menu = QMenu(self)
        self.context_menu.addSection(self.tr("Mark as"))
        self.context_menu.addActions(list(self.mark_actions.values()))

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("trackerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.activated.connect(self._on_activated)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fast with thousands of rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionClicked.connect(self._on_header_clicked)
        self.model.modelReset.connect(self._layout_columns)
        self.model.modelReset.connect(self._on_selection_changed)
        self.model.rowsInserted.connect(self._show_count)
        self.model.loadFailed.connect(self._on_load_failed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.empty_page = EmptyPage()
        self.empty_page.button.clicked.connect(self.filter_bar.clear_filters)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_page)

    def _build_layout(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("trackerCount")
        self.notice_label = QLabel()
        self.notice_label.setObjectName("trackerNotice")
        self.notice_label.setStyleSheet("color: palette(placeholder-text);")
        self.selection_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        bar.addWidget(self.notice_label, 1)
        bar.addWidget(self.selection_label)
        bar.addSpacing(6)
        bar.addWidget(QLabel(self.tr("Mark as:")))
        for action in self.mark_actions.values():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    @Slot()
    def _layout_columns(self) -> None:
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("中")
        for column, ems in COLUMN_EMS.items():
            if column < self.model.columnCount():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, round(ems * em) + 16)
        bold = QFont(self.table.font())
        bold.setBold(True)
        longest = due_text(date(2026, 12, 30), date(2000, 1, 1))  # another year: the full date
        header.resizeSection(Column.WHEN, QFontMetrics(bold).horizontalAdvance(longest) + 16)
        header.setSectionResizeMode(Column.WHAT, QHeaderView.ResizeMode.Stretch)
        self._show_sort_indicator()

    # --- scope --------------------------------------------------------------------------------

    def set_project(self, project_id: str | None) -> None:
        """The current project; None (or "") shows every project."""
        self._project_id = project_id or None
        self.filter_bar.set_scope(has_project=self._project_id is not None)
        self._requery(scope_changed=True)

    @property
    def project_id(self) -> str | None:
        """The project shown, None when every project is."""
        return None if self.filter_bar.shows_all_projects else self._project_id

    def set_undo_stack(self, stack: QUndoStack | None) -> None:
        """Where bulk status changes go (None: they are done at once, without undo)."""
        self._undo_stack = stack

    def criteria(self) -> TrackerFilter:
        """The query the table shows (its first page)."""
        return replace(self.filter_bar.criteria(), project_id=self.project_id)

    @Slot()
    def refresh(self) -> None:
        """Read again, keeping the rows already scrolled to and the selection."""
        self._requery(scope_changed=True, keep=True)

    # --- querying -------------------------------------------------------------------------------

    @Slot()
    def _on_filter_changed(self) -> None:
        self.notice_label.clear()
        self._requery()

    @Slot()
    def _on_scope_changed(self) -> None:
        self.notice_label.clear()
        self._requery(scope_changed=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._requery(scope_changed=True)

    def _requery(self, *, scope_changed: bool = False, keep: bool = False) -> None:
        """Load the first page and the total; a hidden view waits until it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        selected = {t.action.id for t in self.selected_actions()} if keep else set()
        at_least = self.model.rowCount() if keep else 0
        wanted = self.criteria()
        try:
            services = self._services()
            if scope_changed:
                actions = services.actions
                self.filter_bar.set_owners(actions.owners(self.project_id))
                self.filter_bar.set_overdue_count(
                    actions.count_overdue(self.project_id, self._today())
                )
            self.model.load(
                services.actions.find,
                wanted,
                show_project=self.project_id is None,
                at_least=at_least,
            )
            self._total = services.actions.count(wanted)
            if not self._total:
                self._show_empty(services, wanted)
        except PmError as error:
            self.model.clear()
            self._total = 0
            self._show_failure(error)
            return
        self.pages.setCurrentWidget(self.table if self._total else self.empty_page)
        self._show_count()
        if selected:
            self._select(selected)

    def _show_empty(self, services: Services, wanted: TrackerFilter) -> None:
        if services.actions.count(TrackerFilter(project_id=wanted.project_id)):
            self.empty_page.show_message(
                self.tr("No action items match"),
                self.tr(
                    "Nothing in this scope matches the filters. Clear them to see every open item."
                ),
                button=True,
            )
        else:
            self.empty_page.show_message(
                self.tr("No action items yet"),
                self.tr(
                    "Action items assigned in meetings appear here, with their owner and due "
                    "date, so you can follow them up across meetings."
                ),
                button=False,
            )

    def _show_failure(self, error: PmError) -> None:
        self.empty_page.show_message(
            self.tr("The action items could not be read"), describe_error(error), button=False
        )
        self.pages.setCurrentWidget(self.empty_page)
        self.count_label.clear()

    @Slot(object)
    def _on_load_failed(self, error: PmError) -> None:
        QMessageBox.warning(self, self.tr("Action Tracker"), describe_error(error))

    @Slot()
    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if not self._total:
            self.count_label.setText(self.tr("No action items"))
        elif shown >= self._total:
            self.count_label.setText(self.tr("%n action item(s)", "", self._total))
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total}").format(
                    shown=number_text(shown), total=number_text(self._total)
                )
            )

    # --- sorting from the header -----------------------------------------------------------------

    @Slot(int)
    def _on_header_clicked(self, section: int) -> None:
        order = HEADER_SORTS.get(Column(section)) if section < len(Column) else None
        if order is not None:
            self.filter_bar.set_sort(order)
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        order = self.filter_bar.criteria().sort
        column = next(c for c, o in HEADER_SORTS.items() if o == order)
        direction = (
            Qt.SortOrder.DescendingOrder
            if order == TrackerSort.NEWEST
            else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicator(column, direction)

    # --- selection and bulk status ----------------------------------------------------------

    def selected_actions(self) -> list[TrackedAction]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.tracked(row) for row in rows]

    def _select(self, action_ids: set[str]) -> None:
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.model.rowCount()):
            if self.model.tracked(row).action.id in action_ids:
                selection.select(self.model.index(row, 0), flags)

    @Slot()
    def _on_selection_changed(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.selection_label.setText(self.tr("%n selected", "", count) if count else "")
        for action in self.mark_actions.values():
            action.setEnabled(count > 0)

    def set_status(self, status: ActionStatus) -> None:
        """Give the selected items ``status`` (one undo step)."""
        chosen = [t.action for t in self.selected_actions()]
        if not chosen:
            return
        try:
            meetings = self._services().meetings
        except PmError as error:
            QMessageBox.warning(self, self.tr("Action Tracker"), describe_error(error))
            return
        command = SetActionStatusesCommand(meetings, chosen, status, self._after_change)
        if not command.changes:
            self.notice_label.setText(self.tr("Nothing to change."))
            return
        self._failed = False
        if self._undo_stack is not None:
            self._undo_stack.push(command)
        else:
            command.redo()
        if not self._failed:
            self.notice_label.setText(
                self.tr("%n item(s) marked “{status}”.", "", command.changes).format(
                    status=status_label(status)
                )
            )

    def _after_change(self, error: PmError | None) -> None:
        self._failed = error is not None
        self.refresh()
        if error is not None:
            QMessageBox.warning(self, self.tr("Action Tracker"), describe_error(error))
            return
        self.statusesChanged.emit()

    @Slot(QPoint)
    def _show_menu(self, at: QPoint) -> None:
        if self.table.indexAt(at).isValid():
            self.context_menu.popup(self.table.viewport().mapToGlobal(at))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        action = self.model.tracked(index.row()).action
        self.actionActivated.emit(action.meeting_id or "", action.id)
