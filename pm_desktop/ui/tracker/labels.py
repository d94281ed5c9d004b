"""Texts and colours of the action tracker: statuses, sort orders, due dates.

Status names use the same translation keys (context, text, comment) as the meeting editor, so
one translation serves both screens.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.meetings import OPEN_STATUSES
from pm_desktop.core.tracker import TrackerSort

translate = QCoreApplication.translate

OVERDUE = QColor("#c62828")
OVERDUE_BACKGROUND = QColor(198, 40, 40, 22)  # a faint red wash over the row
INCOMPLETE = QColor("#b45309")
INCOMPLETE_BACKGROUND = QColor(245, 158, 11, 40)  # a light amber wash over the cell
STATUS_COLORS: dict[ActionStatus, QColor | None] = {
    ActionStatus.OPEN: None,
    ActionStatus.IN_PROGRESS: QColor("#1565c0"),
    ActionStatus.DONE: QColor("#2e7d32"),
    ActionStatus.CANCELLED: QColor("#808080"),
}


def status_label(status: ActionStatus) -> str:
    labels = {
        ActionStatus.OPEN: translate("MeetingLabels", "Open", "action status"),
        ActionStatus.IN_PROGRESS: translate("MeetingLabels", "In progress", "action status"),
        ActionStatus.DONE: translate("MeetingLabels", "Done", "action status"),
        ActionStatus.CANCELLED: translate("MeetingLabels", "Cancelled", "action status"),
    }
    return labels[status]


def status_choices() -> list[tuple[str, frozenset[ActionStatus]]]:
    """The status filter's choices: a label and the statuses it keeps (empty: all)."""
    return [
        (translate("TrackerLabels", "All statuses"), frozenset()),
        (translate("TrackerLabels", "Open and in progress"), OPEN_STATUSES),
        *((status_label(s), frozenset({s})) for s in ActionStatus),
    ]


def sort_choices() -> list[tuple[str, TrackerSort]]:
    return [
        (translate("TrackerLabels", "Due date"), TrackerSort.DUE),
        (translate("TrackerLabels", "Owner"), TrackerSort.OWNER),
        (translate("TrackerLabels", "Status"), TrackerSort.STATUS),
        (translate("TrackerLabels", "Newest meeting"), TrackerSort.NEWEST),
    ]


def weekday_name(day: date) -> str:
    """The short weekday name in the UI language (``周五``, ``Fri``)."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def due_text(day: date, today: date) -> str:
    """A due date for a table cell: ``11-27 Fri`` this year, ``2027-01-05 Tue`` otherwise."""
    shown = day.strftime("%m-%d") if day.year == today.year else day.isoformat()
    return translate("MeetingFormatting", "{date} {weekday}").format(
        date=shown, weekday=weekday_name(day)
    )


def number_text(count: int) -> str:
    """``20,000``: a count with the UI language's digit grouping."""
    return QLocale().toString(count)
