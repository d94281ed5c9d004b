"""The action tracker's table: one page of tracked actions at a time, more as the user scrolls.

The model never holds all 20,000 items of a large database: :meth:`TrackerModel.load` reads the
first page, and Qt's ``canFetchMore``/``fetchMore`` read the next one when the view scrolls near
the end. Overdue rows are tinted, with a bold red due date; a missing Who or When says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from pm_desktop.core.errors import PmError
from pm_desktop.core.tracker import TrackedAction, TrackerFilter
from pm_desktop.ui.tracker.labels import (
    INCOMPLETE,
    INCOMPLETE_BACKGROUND,
    OVERDUE,
    OVERDUE_BACKGROUND,
    STATUS_COLORS,
    due_text,
    status_label,
)

Index = QModelIndex | QPersistentModelIndex
#: Reads one page of actions: the filter's offset and limit say which.
PageReader = Callable[[TrackerFilter], list[TrackedAction]]

#: The role giving a row's :class:`TrackedAction`.
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    NUMBER = 0
    WHAT = 1
    WHO = 2
    WHEN = 3
    STATUS = 4
    WHERE = 5
    MEETING = 6
    PROJECT = 7  # only when the tracker shows every project


class TrackerModel(QAbstractTableModel):
    """Tracked actions, read page by page through a :data:`PageReader`."""

    PAGE_SIZE = 500

    loadFailed = Signal(object)  # the PmError met while reading a further page

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._reader: PageReader | None = None
        self._wanted = TrackerFilter()
        self._rows: list[TrackedAction] = []
        self._ids: set[str] = set()
        self._has_more = False
        self._show_project = False
        self._columns = len(Column) - 1
        self._day = today()
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._cells: dict[int, Callable[[TrackedAction, int], Any]] = {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.FontRole: self._font,
        }

    # --- contents -------------------------------------------------------------------------

    def load(
        self,
        reader: PageReader,
        wanted: TrackerFilter,
        *,
        show_project: bool,
        at_least: int = 0,
    ) -> None:
        """Show the first page of ``wanted`` (at least ``at_least`` rows, to keep what was
        scrolled to after a refresh). Raises PmError; the model is then empty."""
        pages = max(1, -(-at_least // self.PAGE_SIZE))
        limit = pages * self.PAGE_SIZE
        self.beginResetModel()
        self._reader = reader
        self._wanted = replace(wanted, offset=0, limit=self.PAGE_SIZE)
        self._show_project = show_project
        self._columns = len(Column) if show_project else len(Column) - 1
        self._day = self._today()
        self._rows, self._ids, self._has_more = [], set(), False
        try:
            self._append(reader(replace(self._wanted, limit=limit)), limit)
        finally:
            self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._reader = None
        self._rows, self._ids, self._has_more = [], set(), False
        self.endResetModel()

    def _append(self, rows: list[TrackedAction], asked: int) -> None:
        """Add a page, skipping rows already shown (the data may have moved between pages)."""
        fresh = [row for row in rows if row.action.id not in self._ids]
        self._rows.extend(fresh)
        self._ids.update(row.action.id for row in fresh)
        self._has_more = len(rows) == asked

    def tracked(self, row: int) -> TrackedAction:
        return self._rows[row]

    def row_of(self, action_id: str) -> int:
        """The row showing ``action_id``, or -1."""
        return next((i for i, t in enumerate(self._rows) if t.action.id == action_id), -1)

    # --- paging ---------------------------------------------------------------------------

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and self._reader is not None

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._reader is not None
        try:
            page = self._reader(replace(self._wanted, offset=len(self._rows)))
        except PmError as error:
            self._has_more = False
            self.loadFailed.emit(error)
            return
        fresh = [row for row in page if row.action.id not in self._ids]
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._append(page, self.PAGE_SIZE)
            self.endInsertRows()
        else:
            self._has_more = False

    # --- QAbstractItemModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.NUMBER:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("No."),
                self.tr("What"),
                self.tr("Who"),
                self.tr("When"),
                self.tr("Status"),
                self.tr("Where"),
                self.tr("Meeting"),
                self.tr("Project"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Number of the item in its meeting's minutes"),
                self.tr("What is to be done"),
                self.tr("Who owns it"),
                self.tr("When it is due"),
                self.tr("Where it stands"),
                self.tr("Where it happens: a place or a system"),
                self.tr("The meeting that assigned it"),
                self.tr("The project it belongs to"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times a repaint: the cheapest checks first.
        cell = self._cells.get(role)
        if cell is None:
            if role == ACTION_ROLE and index.isValid():
                return self._rows[index.row()]
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == Column.NUMBER:
                return Qt.AlignmentFlag.AlignCenter
            return None
        row, column = index.row(), index.column()
        if not index.isValid() or row >= len(self._rows) or column >= self._columns:
            return None
        return cell(self._rows[row], column)

    # --- cells ------------------------------------------------------------------------------

    def _display(self, tracked: TrackedAction, column: int) -> str | int:
        action = tracked.action
        if column == Column.NUMBER:
            return action.number
        if column == Column.WHEN:
            if action.due_on is None:
                return self.tr("To be set")
            return due_text(action.due_on, self._day)
        texts: dict[int, str] = {
            Column.WHAT: action.what,
            Column.WHO: action.who or self.tr("To be set"),
            Column.STATUS: status_label(action.status),
            Column.WHERE: action.where,
            Column.MEETING: tracked.meeting_title,
            Column.PROJECT: tracked.project_name,
        }
        return texts[column]

    def _tooltip(self, tracked: TrackedAction, column: int) -> str:
        action = tracked.action
        lines = [action.what]
        if action.why:
            lines.append(self.tr("Why: {why}").format(why=action.why))
        if action.how:
            lines.append(self.tr("How: {how}").format(how=action.how))
        if action.where:
            lines.append(self.tr("Where: {where}").format(where=action.where))
        if tracked.meeting_title:
            lines.append(self.tr("Meeting: {title}").format(title=tracked.meeting_title))
        if self._show_project:
            lines.append(self.tr("Project: {name}").format(name=tracked.project_name))
        notes = []
        if column == Column.WHEN and action.is_overdue(self._day) and action.due_on is not None:
            days = (self._day - action.due_on).days
            notes.append(self.tr("Overdue by %n day(s).", "", days))
        if column in (Column.WHO, Column.WHEN) and not action.is_complete:
            notes.append(
                self.tr(
                    "Without a Who and a When, this is not an action yet: set them in the minutes."
                )
            )
        return "\n".join([*notes, *([""] if notes else []), *lines])

    def _foreground(self, tracked: TrackedAction, column: int) -> Any:
        action = tracked.action
        if column == Column.WHEN and action.is_overdue(self._day):
            return OVERDUE
        if column in (Column.WHO, Column.WHEN) and self._missing(tracked, column):
            return INCOMPLETE
        if column == Column.STATUS:
            return STATUS_COLORS[action.status]
        return None

    def _background(self, tracked: TrackedAction, column: int) -> Any:
        if column in (Column.WHO, Column.WHEN) and self._missing(tracked, column):
            return INCOMPLETE_BACKGROUND
        if tracked.action.is_overdue(self._day):
            return OVERDUE_BACKGROUND
        return None

    def _font(self, tracked: TrackedAction, column: int) -> QFont | None:
        if column == Column.WHEN and tracked.action.is_overdue(self._day):
            return self._bold
        if column in (Column.WHO, Column.WHEN) and self._missing(tracked, column):
            return self._italic
        return None

    @staticmethod
    def _missing(tracked: TrackedAction, column: int) -> bool:
        action = tracked.action
        if column == Column.WHO:
            return not action.who.strip()
        return action.due_on is None
