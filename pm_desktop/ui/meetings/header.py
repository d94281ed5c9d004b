"""The head of an open meeting: title, facts, status, the running timer and the status buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import MeetingStatus
from pm_desktop.core.meetings import MeetingSummary
from pm_desktop.ui.formatting import datetime_text, elapsed_text, weekday_name
from pm_desktop.ui.meetings.labels import meeting_status_label, meeting_type_label
from pm_desktop.ui.meetings.widgets import ElidedLabel
from pm_desktop.ui.style import MEETING_STATUS_COLORS, chip_style, scaled_font

TICK_MS = 1000


class MeetingHeader(QWidget):
    startRequested = Signal()
    closeRequested = Signal()
    reopenRequested = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._meeting: MeetingSummary | None = None
        self._build_labels()
        self._build_buttons()
        self._build_layout()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

    def _build_labels(self) -> None:
        self.title = ElidedLabel()
        self.title.setObjectName("meetingTitle")
        self.title.setFont(scaled_font(self.title, 1.5, bold=True))
        self.status = QLabel()
        self.status.setObjectName("meetingStatus")
        self.facts = ElidedLabel()
        self.facts.setObjectName("meetingFacts")
        self.facts.setStyleSheet("color: palette(placeholder-text);")

        self.timer_caption = QLabel()
        self.timer_caption.setStyleSheet("color: palette(placeholder-text);")
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("meetingTimer")
        font = scaled_font(self.timer_label, 1.6, bold=True)
        font.setStyleHint(font.StyleHint.Monospace)
        font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.timer_label.setFont(font)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _build_buttons(self) -> None:
        self.start_button = QPushButton(self.tr("Start meeting"))
        self.start_button.setObjectName("startMeeting")
        self.start_button.setToolTip(self.tr("Start the meeting now: the timer starts"))
        self.start_button.clicked.connect(self.startRequested)
        self.close_button = QPushButton(self.tr("Close minutes"))
        self.close_button.setObjectName("closeMeeting")
        self.close_button.setToolTip(self.tr("End the meeting; the minutes become read-only"))
        self.close_button.clicked.connect(self.closeRequested)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopenMeeting")
        self.reopen_button.setToolTip(self.tr("Reopen the minutes to change them"))
        self.reopen_button.clicked.connect(self.reopenRequested)
        for button in (self.start_button, self.close_button, self.reopen_button):
            button.setMinimumHeight(32)
            button.hide()  # set_meeting shows the one the status calls for
        self.start_button.setStyleSheet(
            "QPushButton#startMeeting { background: palette(highlight);"
            " color: palette(highlighted-text); border: none; border-radius: 4px;"
            " padding: 4px 14px; font-weight: 600; }"
        )

    def _build_layout(self) -> None:
        timer_box = QVBoxLayout()
        timer_box.setSpacing(0)
        timer_box.addWidget(self.timer_caption)
        timer_box.addWidget(self.timer_label)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addLayout(title_row)
        text.addWidget(self.facts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(text, 1)
        layout.addLayout(timer_box)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_meeting(self, meeting: MeetingSummary) -> None:
        self._meeting = meeting
        self.title.set_full_text(meeting.title)
        self.status.setText(meeting_status_label(meeting.status))
        self.status.setStyleSheet(chip_style(MEETING_STATUS_COLORS[meeting.status]))
        local = meeting.starts_at.astimezone()
        facts = [
            meeting_type_label(meeting.meeting_type),
            f"{datetime_text(meeting.starts_at)} {weekday_name(local)}",
        ]
        if meeting.location:
            facts.append(meeting.location)
        if meeting.scribe:
            facts.append(self.tr("Scribe: {name}").format(name=meeting.scribe))
        if meeting.series:
            facts.append(self.tr("Series: {name}").format(name=meeting.series))
        self.facts.set_full_text(self.tr(" · ").join(facts))
        status = meeting.status
        self.start_button.setVisible(status == MeetingStatus.PLANNED)
        self.close_button.setVisible(status == MeetingStatus.IN_PROGRESS)
        self.reopen_button.setVisible(status == MeetingStatus.CLOSED)
        if status == MeetingStatus.IN_PROGRESS and self.isVisible():
            self._ticker.start()
        else:
            self._ticker.stop()
        self._tick()

    def _tick(self) -> None:
        meeting = self._meeting
        running = meeting is not None and meeting.status == MeetingStatus.IN_PROGRESS
        closed = meeting is not None and meeting.status == MeetingStatus.CLOSED
        if meeting is not None and running:
            seconds = (self._clock() - meeting.starts_at).total_seconds()
            self.timer_caption.setText(self.tr("Elapsed"))
            self.timer_label.setText(elapsed_text(seconds))
            self.timer_label.setToolTip(self.tr("Time since the meeting started"))
        elif meeting is not None and closed and meeting.ends_at is not None:
            seconds = (meeting.ends_at - meeting.starts_at).total_seconds()
            self.timer_caption.setText(self.tr("Duration"))
            self.timer_label.setText(elapsed_text(seconds))
            self.timer_label.setToolTip(self.tr("How long the meeting lasted"))
        else:
            self.timer_caption.setText("")
            self.timer_label.setText("")
        self.timer_caption.setVisible(bool(self.timer_label.text()))
        self.timer_label.setVisible(bool(self.timer_label.text()))

    @property
    def ticking(self) -> bool:
        return self._ticker.isActive()

    def hideEvent(self, event: QHideEvent) -> None:
        self._ticker.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._meeting is not None and self._meeting.status == MeetingStatus.IN_PROGRESS:
            self._ticker.start()
            self._tick()
        super().showEvent(event)
