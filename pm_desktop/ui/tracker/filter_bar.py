"""The tracker's filter bar: search, owner, status, due dates, overdue, sort and scope.

It only says what the user wants (:meth:`TrackerFilterBar.criteria`); the view queries. A
choice re-queries at once; typing waits until the user pauses (``DEBOUNCE_MS``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.tracker import TrackerFilter, TrackerSort
from pm_desktop.ui.tracker.labels import number_text, sort_choices, status_choices

DEBOUNCE_MS = 150
#: The lowest date of a date edit, shown as "Any": no bound.
NO_DATE = QDate(1900, 1, 1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _AnyDateEdit(QDateEdit):
    """A date edit whose lowest value reads "Any"; stepping or the calendar start from today."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("Any"))
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:
            self.setDate(_qdate(self._today()))
            return
        super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show:
            shown = _qdate(self._today()) if self.date() == NO_DATE else self.date()
            self.calendarWidget().setCurrentPage(shown.year(), shown.month())
        return super().eventFilter(watched, event)


class OptionalDateEdit(QWidget):
    """A date or none ("Any"), with a button that clears it."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _AnyDateEdit(today)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton)
        )
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip(self.tr("Any date"))
        self.clear_button.setAccessibleName(self.tr("Clear the date"))
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        keep_place = self.clear_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the bar does not jump when a date is chosen
        self.clear_button.setSizePolicy(keep_place)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        self.edit.dateChanged.connect(self._on_changed)
        self._show_clear()

    def value(self) -> date | None:
        chosen = self.edit.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(NO_DATE if value is None else _qdate(value))

    @Slot()
    def _on_changed(self) -> None:
        self._show_clear()
        self.changed.emit()

    def _show_clear(self) -> None:
        self.clear_button.setVisible(self.value() is not None)


class TrackerFilterBar(QWidget):
    """What the tracker shows: filters, sort order and whether every project is in scope."""

    changed = Signal()  # re-query with :meth:`criteria`
    scopeChanged = Signal()  # "All projects" was switched: the owners' list changes too

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._wants_all = False  # the user's own choice, kept while there is no project
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(DEBOUNCE_MS)
        self._typing.timeout.connect(self.changed)
        self._build()

    def _build(self) -> None:
        self._build_fields()
        self._build_choices()
        self._build_layout()

    def _build_fields(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search in What…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search in What"))
        self.search.textChanged.connect(self._typed)

        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner.setMinimumContentsLength(8)
        self.owner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        owner_line = self.owner.lineEdit()
        assert owner_line is not None
        owner_line.setPlaceholderText(self.tr("Anyone"))
        owner_line.setClearButtonEnabled(True)
        self.owner.setToolTip(self.tr("Actions whose owner's name contains this"))
        completer = QCompleter(self.owner.model(), self.owner)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.owner.setCompleter(completer)
        self.owner.editTextChanged.connect(self._typed)
        self.owner.activated.connect(self._chosen)

        self.due_from = OptionalDateEdit(self._today)
        self.due_from.edit.setAccessibleName(self.tr("Due from"))
        self.due_from.changed.connect(self._chosen)
        self.due_to = OptionalDateEdit(self._today)
        self.due_to.edit.setAccessibleName(self.tr("Due until"))
        self.due_to.changed.connect(self._chosen)

    def _build_choices(self) -> None:
        self.status = QComboBox()
        for text, statuses in status_choices():
            self.status.addItem(text, statuses)
        self.status.setCurrentIndex(1)  # open and in progress: what a PM chases
        self.status.currentIndexChanged.connect(self._chosen)

        self.sort = QComboBox()
        for text, order in sort_choices():
            self.sort.addItem(text, order)
        self.sort.currentIndexChanged.connect(self._chosen)

        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setToolTip(self.tr("Open or in progress, and due before today"))
        self.overdue_only.toggled.connect(self._chosen)
        self.all_projects = QCheckBox(self.tr("All projects"))
        self.all_projects.setToolTip(self.tr("Show the action items of every project"))
        self.all_projects.toggled.connect(self._scope_switched)

        self.clear_button = QPushButton(self.tr("Clear Filters"))
        self.clear_button.setToolTip(self.tr("Show every action item of the scope again"))
        self.clear_button.clicked.connect(self.clear_filters)

    def _build_layout(self) -> None:
        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addSpacing(8)
        first.addWidget(_buddy(self.tr("&Owner:"), self.owner))
        first.addWidget(self.owner, 1)
        first.addSpacing(8)
        first.addWidget(_buddy(self.tr("&Status:"), self.status))
        first.addWidget(self.status)
        first.addSpacing(8)
        first.addWidget(_buddy(self.tr("Sort &by:"), self.sort))
        first.addWidget(self.sort)
        second = QHBoxLayout()
        second.addWidget(_buddy(self.tr("&Due:"), self.due_from.edit))
        second.addWidget(self.due_from)
        second.addWidget(QLabel(self.tr("to", "between two due dates")))
        second.addWidget(self.due_to)
        second.addSpacing(12)
        second.addWidget(self.overdue_only)
        second.addSpacing(12)
        second.addWidget(self.all_projects)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)

    # --- what the user wants ----------------------------------------------------------------

    def criteria(self) -> TrackerFilter:
        """The filter and sort chosen, for every project (the view sets the project)."""
        statuses: frozenset[ActionStatus] = self.status.currentData()
        order: TrackerSort = self.sort.currentData()
        return TrackerFilter(
            owner=self.owner.currentText().strip(),
            statuses=statuses,
            due_from=self.due_from.value(),
            due_to=self.due_to.value(),
            overdue_on=self._today() if self.overdue_only.isChecked() else None,
            text=self.search.text().strip(),
            sort=order,
        )

    def set_sort(self, order: TrackerSort) -> None:
        self.sort.setCurrentIndex(self.sort.findData(order))

    @Slot()
    def clear_filters(self) -> None:
        """Back to every open item of the scope, in one re-query."""
        with _quiet(self.search, self.owner, self.status, self.overdue_only):
            self.search.clear()
            self.owner.setEditText("")
            self.status.setCurrentIndex(1)
            self.overdue_only.setChecked(False)
        with _quiet(self.due_from, self.due_to):
            self.due_from.set_value(None)
            self.due_to.set_value(None)
        self._chosen()

    # --- scope and choices ------------------------------------------------------------------

    @property
    def shows_all_projects(self) -> bool:
        return self.all_projects.isChecked()

    def set_scope(self, *, has_project: bool) -> None:
        """Without a current project every project is shown; with one, what the user chose."""
        with _quiet(self.all_projects):
            self.all_projects.setChecked(self._wants_all or not has_project)
        self.all_projects.setEnabled(has_project)

    def set_owners(self, names: list[str]) -> None:
        """The owner choices, keeping what is typed."""
        typed = self.owner.currentText()
        with _quiet(self.owner):
            self.owner.clear()
            self.owner.addItem("")
            self.owner.addItems(names)
            self.owner.setCurrentIndex(-1)
            self.owner.setEditText(typed)

    def set_overdue_count(self, count: int) -> None:
        if count:
            self.overdue_only.setText(
                self.tr("Overdue only ({count})").format(count=number_text(count))
            )
        else:
            self.overdue_only.setText(self.tr("Overdue only"))

    # --- signals ------------------------------------------------------------------------------

    @Slot()
    def _typed(self) -> None:
        self._typing.start()

    @Slot()
    def _chosen(self) -> None:
        self._typing.stop()
        self.changed.emit()

    @Slot()
    def _scope_switched(self) -> None:
        self._wants_all = self.all_projects.isChecked()
        self._typing.stop()
        self.scopeChanged.emit()


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class _quiet:  # noqa: N801 - used like a function: ``with _quiet(a, b):``
    """Block the signals of some widgets for the duration of a ``with``."""

    def __init__(self, *widgets: QObject) -> None:
        self._widgets = widgets
        self._before: list[bool] = []

    def __enter__(self) -> None:
        self._before = [w.blockSignals(True) for w in self._widgets]

    def __exit__(self, *_exc: object) -> None:
        for widget, before in zip(self._widgets, self._before, strict=True):
            widget.blockSignals(before)
