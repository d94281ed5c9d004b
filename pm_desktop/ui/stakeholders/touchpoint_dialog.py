"""Logging a touchpoint: when, how, who from our side, what was said, and a follow-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import TouchpointChannel
from pm_desktop.core.stakeholders import FollowUp, NewTouchpoint
from pm_desktop.ui.stakeholders.labels import channel_label
from pm_desktop.ui.style import ERROR


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TouchpointDialog(QDialog):
    def __init__(
        self,
        stakeholder_name: str,
        today: date,
        our_people: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("touchpointDialog")
        self.setWindowTitle(self.tr("Log a touchpoint with {name}").format(name=stakeholder_name))
        self._today = today
        self.occurred_on = QDateEdit(_qdate(today))
        self.occurred_on.setObjectName("touchpointDate")
        self.occurred_on.setCalendarPopup(True)
        self.occurred_on.setDisplayFormat("yyyy-MM-dd")
        self.occurred_on.setMaximumDate(_qdate(today))
        self.channel = QComboBox()
        self.channel.setObjectName("touchpointChannel")
        for channel in TouchpointChannel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.channel.setCurrentIndex(self.channel.findData(TouchpointChannel.CALL.value))
        self.our_people = QLineEdit(our_people)
        self.our_people.setObjectName("touchpointOurPeople")
        self.our_people.setPlaceholderText(self.tr("Who from our side, e.g. 陈经理, 李架构师"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("touchpointSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What was said, what they want, what worries them"))
        self.summary.setMinimumHeight(90)

        self._build_follow_up(today)
        self.error = QLabel()
        self.error.setObjectName("touchpointError")
        self.error.setStyleSheet(f"color: {ERROR.name()};")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.occurred_on)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("&Our side"), self.our_people)
        form.addRow(self.tr("&Summary"), self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _build_follow_up(self, today: date) -> None:
        self.follow_up = QGroupBox(self.tr("Follow-up action"))
        self.follow_up.setObjectName("touchpointFollowUp")
        self.follow_up.setCheckable(True)
        self.follow_up.setChecked(False)
        self.follow_what = QLineEdit()
        self.follow_what.setObjectName("followUpWhat")
        self.follow_who = QLineEdit()
        self.follow_who.setObjectName("followUpWho")
        self.follow_due = QDateEdit(_qdate(today).addDays(7))
        self.follow_due.setObjectName("followUpDue")
        self.follow_due.setCalendarPopup(True)
        self.follow_due.setDisplayFormat("yyyy-MM-dd")
        follow_form = QFormLayout(self.follow_up)
        follow_form.addRow(self.tr("What"), self.follow_what)
        follow_form.addRow(self.tr("Who"), self.follow_who)
        follow_form.addRow(self.tr("When"), self.follow_due)
        follow_form.addRow(
            QLabel(self.tr("It becomes an open action item in the project's action tracker."))
        )

    def fields(self) -> NewTouchpoint:
        day = self.occurred_on.date()
        follow_up = None
        if self.follow_up.isChecked():
            due = self.follow_due.date()
            follow_up = FollowUp(
                what=self.follow_what.text().strip(),
                who=self.follow_who.text().strip(),
                due_on=date(due.year(), due.month(), due.day()),
            )
        return NewTouchpoint(
            occurred_on=date(day.year(), day.month(), day.day()),
            channel=TouchpointChannel(self.channel.currentData()),
            our_people=self.our_people.text().strip(),
            summary=self.summary.toPlainText().strip(),
            follow_up=follow_up,
        )

    def accept(self) -> None:
        """Only a complete touchpoint closes the dialog; what is missing is said here."""
        fields = self.fields()
        problem = ""
        if not fields.summary:
            problem = self.tr("Say in a few words what was discussed.")
            self.summary.setFocus()
        elif fields.follow_up is not None and not fields.follow_up.what:
            problem = self.tr("Say what the follow-up is, or untick it.")
            self.follow_what.setFocus()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
