"""The meetings of a project as a table, newest first (the order the service gives)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from pm_desktop.core.meetings import MeetingSummary
from pm_desktop.ui.formatting import date_text, datetime_text, weekday_name
from pm_desktop.ui.meetings.labels import meeting_status_label, meeting_type_label
from pm_desktop.ui.meetings.list_delegate import SUBTITLE_ROLE
from pm_desktop.ui.rows_model import IdRowsModel
from pm_desktop.ui.style import MEETING_STATUS_COLORS, WARNING


class MeetingListModel(IdRowsModel):
    WHEN, TITLE, TYPE, STATUS, OPEN_ACTIONS = range(5)
    COLUMNS = 5

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def meeting(self, row: int) -> MeetingSummary:
        summary: MeetingSummary = self._rows[row]
        return summary

    def set_meetings(self, meetings: list[MeetingSummary]) -> None:
        self.set_rows(meetings)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Date"),
                self.tr("Title"),
                self.tr("Type"),
                self.tr("Status"),
                self.tr("Open", "column header: how many of the meeting's actions are open"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.OPEN_ACTIONS:
            return self.tr("Action items of the meeting that are still open")
        return None

    def role_handlers(self) -> dict[int, Callable[[MeetingSummary, int], Any]]:
        return {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
            SUBTITLE_ROLE: self._subtitle,
        }

    def _display(self, meeting: MeetingSummary, column: int) -> str:
        if column == self.WHEN:
            return date_text(meeting.starts_at, self._today())
        if column == self.TITLE:
            return meeting.title
        if column == self.TYPE:
            return meeting_type_label(meeting.meeting_type)
        if column == self.STATUS:
            return meeting_status_label(meeting.status)
        return str(meeting.open_actions) if meeting.open_actions else "–"

    def _subtitle(self, meeting: MeetingSummary, column: int) -> str | None:
        """Under the date: the weekday and the time; under the title: the type and the place."""
        if column == self.WHEN:
            local = meeting.starts_at.astimezone()
            return f"{weekday_name(local)} {local:%H:%M}"
        if column != self.TITLE:
            return None
        parts = [meeting_type_label(meeting.meeting_type)]
        if meeting.location:
            parts.append(meeting.location)
        return self.tr(" · ").join(parts)

    def _foreground(self, meeting: MeetingSummary, column: int) -> QColor | None:
        if column == self.STATUS:
            return MEETING_STATUS_COLORS[meeting.status]
        if column == self.OPEN_ACTIONS and meeting.open_actions:
            return WARNING
        return None

    def _font(self, meeting: MeetingSummary, column: int) -> QFont | None:
        if column != self.OPEN_ACTIONS or not meeting.open_actions:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def _alignment(self, meeting: MeetingSummary, column: int) -> int | None:
        return int(Qt.AlignmentFlag.AlignCenter) if column == self.OPEN_ACTIONS else None

    def _tooltip(self, meeting: MeetingSummary, column: int) -> str:
        lines = [
            meeting.title,
            f"{datetime_text(meeting.starts_at)} {weekday_name(meeting.starts_at.astimezone())}",
        ]
        if meeting.location:
            lines.append(self.tr("Place: {place}").format(place=meeting.location))
        lines.append(self.tr("%n open action item(s)", "", meeting.open_actions))
        return "\n".join(lines)
