"""Dialogs of the meetings workspace: a new meeting, and deleting one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from pm_desktop.core.enums import MeetingType
from pm_desktop.core.meetings import MeetingSummary
from pm_desktop.ui.meetings.labels import default_series, default_title, meeting_type_label
from pm_desktop.ui.style import ERROR

TITLE_MAX = 200


@dataclass(frozen=True)
class MeetingFields:
    meeting_type: MeetingType
    title: str
    starts_at: datetime  # UTC-aware
    location: str
    series: str
    scribe: str


def next_half_hour(now: QDateTime) -> QDateTime:
    """The next full or half hour after ``now`` (a sensible default start)."""
    time = now.time()
    minutes = 30 if time.minute() < 30 else 60
    start = QDateTime(now.date(), QTime(time.hour(), 0))
    return start.addSecs(minutes * 60)


class NewMeetingDialog(QDialog):
    """Type, title, start (local time), place, series and scribe of a new meeting.

    The title and the series follow the type until the user types their own.
    """

    def __init__(self, parent: QWidget | None = None, *, scribe: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New meeting"))
        self.setObjectName("newMeetingDialog")
        self._type = QComboBox()
        self._type.setObjectName("meetingType")
        for kind in MeetingType:
            self._type.addItem(meeting_type_label(kind), kind.value)
        self._title = QLineEdit()
        self._title.setObjectName("meetingTitle")
        self._title.setMaxLength(TITLE_MAX)
        self._error = QLabel()
        self._error.setObjectName("fieldError")
        self._error.setStyleSheet(f"color: {ERROR.name()};")
        self._error.hide()
        self._starts = QDateTimeEdit(next_half_hour(QDateTime.currentDateTime()))
        self._starts.setObjectName("meetingStart")
        self._starts.setCalendarPopup(True)
        self._starts.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._location = QLineEdit()
        self._location.setObjectName("meetingPlace")
        self._location.setPlaceholderText(self.tr("e.g. client headquarters, room 301"))
        self._series = QLineEdit()
        self._series.setObjectName("meetingSeries")
        self._series.setPlaceholderText(self.tr("Meetings of a series review each other's actions"))
        self._scribe = QLineEdit(scribe)
        self._scribe.setObjectName("meetingScribe")
        self._auto_title = ""
        self._auto_series = ""

        form = QFormLayout(self)
        form.addRow(self.tr("&Type:"), self._type)
        form.addRow(self.tr("T&itle:"), self._title)
        form.addRow("", self._error)
        form.addRow(self.tr("&Starts:"), self._starts)
        form.addRow(self.tr("&Place:"), self._location)
        form.addRow(self.tr("S&eries:"), self._series)
        form.addRow(self.tr("Scri&be:"), self._scribe)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        form.addRow(self._buttons)

        self._type.currentIndexChanged.connect(self._follow_type)
        self._title.textChanged.connect(self._validate)
        self._type.setCurrentIndex(self._type.findData(MeetingType.WEEKLY_STATUS.value))
        self._follow_type()
        self.setMinimumWidth(480)

    @classmethod
    def for_meeting(
        cls, meeting: MeetingSummary, parent: QWidget | None = None
    ) -> NewMeetingDialog:
        """The same form, filled with ``meeting``'s details, to correct them."""
        dialog = cls(parent, scribe=meeting.scribe)
        dialog.setWindowTitle(QCoreApplication.translate("NewMeetingDialog", "Meeting details"))
        dialog._type.setCurrentIndex(dialog._type.findData(meeting.meeting_type.value))
        dialog._title.setText(meeting.title)
        dialog._series.setText(meeting.series)
        dialog._location.setText(meeting.location)
        local = meeting.starts_at.astimezone()
        dialog._starts.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        ok = dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("NewMeetingDialog", "Save"))
        return dialog

    def _follow_type(self) -> None:
        kind = MeetingType(self._type.currentData())
        if self._title.text().strip() in ("", self._auto_title):
            self._auto_title = default_title(kind)
            self._title.setText(self._auto_title)
        else:
            self._auto_title = default_title(kind)
        if self._series.text().strip() in ("", self._auto_series):
            self._auto_series = default_series(kind)
            self._series.setText(self._auto_series)
        else:
            self._auto_series = default_series(kind)
        self._validate()

    def _validate(self) -> bool:
        valid = bool(self._title.text().strip())
        self._error.setText("" if valid else self.tr("A meeting needs a title."))
        self._error.setVisible(not valid and (self._title.isModified() or self.isVisible()))
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        return valid

    def accept(self) -> None:
        if self._validate():
            super().accept()

    def fields(self) -> MeetingFields:
        local = self._starts.dateTime().toPython()
        assert isinstance(local, datetime)
        return MeetingFields(
            meeting_type=MeetingType(self._type.currentData()),
            title=" ".join(self._title.text().split()),
            starts_at=local.astimezone().astimezone(UTC),  # naive local -> aware UTC
            location=self._location.text().strip(),
            series=self._series.text().strip(),
            scribe=self._scribe.text().strip(),
        )


def ask_to_remove(parent: QWidget, title: str, actions: int) -> bool | None:
    """Confirm deleting the meeting ``title``: None to cancel, else whether to keep its
    ``actions`` action items in the tracker."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("removeMeetingBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("MeetingDialogs", "Delete meeting"))
    box.setText(translate("MeetingDialogs", "Delete the meeting “{title}”?").format(title=title))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    keep: QPushButton | None = None
    if actions:
        box.setInformativeText(
            translate(
                "MeetingDialogs",
                "It has %n action item(s). Keep them in the action tracker, "
                "or delete them with the meeting?",
                "",
                actions,
            )
        )
        keep = box.addButton(
            translate("MeetingDialogs", "Delete the meeting, keep its actions"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        keep.setObjectName("keepActions")
        drop = box.addButton(
            translate("MeetingDialogs", "Delete the meeting and its actions"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        drop.setObjectName("deleteActions")
        box.setDefaultButton(keep)
    else:
        box.setInformativeText(translate("MeetingDialogs", "Its minutes are deleted with it."))
        drop = box.addButton(
            translate("MeetingDialogs", "Delete"), QMessageBox.ButtonRole.DestructiveRole
        )
        drop.setObjectName("deleteMeeting")
        box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if keep is not None and clicked is keep:
        return True
    if clicked is drop:
        return False
    return None
