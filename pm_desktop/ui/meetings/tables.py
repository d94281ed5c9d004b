"""Table views of the editor, set up alike: compact rows, keyboard editing, sensible widths."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pm_desktop.core.enums import ActionStatus
from pm_desktop.ui.delegates import ChoiceDelegate, DateDelegate
from pm_desktop.ui.meetings.actions_model import ActionsModel
from pm_desktop.ui.meetings.labels import action_status_label
from pm_desktop.ui.meetings.notes_model import NotesModel
from pm_desktop.ui.meetings.review_model import ReviewModel

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.SelectedClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


def _table(model: QAbstractItemModel, name: str, parent: QWidget | None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(EDIT_TRIGGERS)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table: the capture line is one Tab away
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(36)
    return view


class ColumnShares(QObject):
    """Keeps fixed-width columns as they are and shares the rest of a table's width among the
    others by weight, whenever the table is resized (What gets most, Why, Where, How some)."""

    def __init__(
        self, view: QTableView, fixed: dict[int, int], weights: dict[int, tuple[int, int]]
    ) -> None:
        super().__init__(view)
        self._view = view
        self._fixed = fixed
        self._weights = weights  # column -> (weight, minimum width)
        for column, width in fixed.items():
            view.setColumnWidth(column, width)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False

    def share(self) -> None:
        free = self._view.viewport().width() - sum(self._fixed.values())
        total = sum(weight for weight, _minimum in self._weights.values())
        for column, (weight, minimum) in self._weights.items():
            self._view.setColumnWidth(column, max(minimum, free * weight // total))


def actions_view(
    model: ActionsModel, today: Callable[[], date], parent: QWidget | None = None
) -> QTableView:
    """The 5W1H table: No., Who, When and Status keep a readable width; What, Why, Where and
    How share the rest, What the most."""
    view = _table(model, "actionsView", parent)
    view.setItemDelegateForColumn(ActionsModel.WHEN, DateDelegate(today, view))
    view.setItemDelegateForColumn(
        ActionsModel.STATUS,
        ChoiceDelegate([(s.value, action_status_label(s)) for s in ActionStatus], view),
    )
    metrics = view.fontMetrics()
    pad = 18  # cell margins, and room for the editor's frame

    def fit(*texts: str) -> int:
        return max(metrics.horizontalAdvance(text) for text in texts) + pad

    em = metrics.horizontalAdvance("M")
    to_be_set = QCoreApplication.translate("ActionsModel", "To be set")
    fixed = {
        ActionsModel.NUMBER: fit("No.", "99"),
        ActionsModel.WHO: max(fit(to_be_set), 5 * em),
        ActionsModel.WHEN: fit(to_be_set, "12-30 Wed", "12-30 周三"),
        ActionsModel.STATUS: fit(*(action_status_label(s) for s in ActionStatus)) + pad,
    }
    weights = {
        ActionsModel.WHAT: (10, 10 * em),
        ActionsModel.WHY: (4, 5 * em),
        ActionsModel.WHERE: (3, 4 * em),
        ActionsModel.HOW: (3, 4 * em),
    }
    ColumnShares(view, fixed, weights)  # kept alive by its parent, the view
    return view


def review_view(model: ReviewModel, parent: QWidget | None = None) -> QTableView:
    """The previous actions under review: No., Who, When and Status as in the 5W1H table; What
    and the status history share the rest. Only Status is edited (a drop-down)."""
    view = _table(model, "reviewView", parent)
    view.setItemDelegateForColumn(
        ReviewModel.STATUS,
        ChoiceDelegate([(s.value, action_status_label(s)) for s in ActionStatus], view),
    )
    metrics = view.fontMetrics()
    pad = 18

    def fit(*texts: str) -> int:
        return max(metrics.horizontalAdvance(text) for text in texts) + pad

    em = metrics.horizontalAdvance("M")
    fixed = {
        ReviewModel.NUMBER: fit("No.", "99"),
        ReviewModel.WHO: 5 * em + pad,
        ReviewModel.WHEN: fit("12-30 Wed", "12-30 周三"),
        ReviewModel.STATUS: fit(*(action_status_label(s) for s in ActionStatus)) + pad,
    }
    weights = {ReviewModel.WHAT: (3, 10 * em), ReviewModel.HISTORY: (2, 8 * em)}
    ColumnShares(view, fixed, weights)
    return view


def notes_view(model: NotesModel, parent: QWidget | None = None) -> QTableView:
    """Decisions and notes: the text wraps, so a long note reads whole."""
    view = _table(model, "notesView", parent)
    view.setWordWrap(True)
    rows = view.verticalHeader()
    rows.setMinimumSectionSize(rows.defaultSectionSize())
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(NotesModel.KIND, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(NotesModel.TEXT, QHeaderView.ResizeMode.Stretch)
    return view
