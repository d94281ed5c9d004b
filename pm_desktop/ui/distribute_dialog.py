"""Choose who receives the PDF minutes; they wait in the outbox until the laptop is online."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.outbox import OutboxEntry, Recipient, clean_address
from pm_desktop.ui.errors import describe_error

if TYPE_CHECKING:
    from pm_desktop.services.container import Services

_ADDRESS_ROLE = Qt.ItemDataRole.UserRole


class DistributeDialog(QDialog):
    """Pick recipients among attendees, stakeholders and team (or type an address) and queue."""

    def __init__(
        self, services: Services, meeting_id: str, pdf: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._meeting_id = meeting_id
        self._pdf = pdf
        self.queued: OutboxEntry | None = None
        minutes = services.meetings.minutes(meeting_id)
        self.setWindowTitle(self.tr("Send minutes"))
        self.setMinimumWidth(560)

        self.recipients = QListWidget()
        self.recipients.setObjectName("recipients")
        sources = {
            "attendee": self.tr("attendee"),
            "stakeholder": self.tr("stakeholder"),
            "team": self.tr("team"),
            "": self.tr("added"),
        }
        self._sources = sources
        for candidate in services.outbox.recipient_candidates(meeting_id):
            self._add_item(candidate, checked=candidate.source == "attendee")
        self.new_address = QLineEdit()
        self.new_address.setObjectName("newAddress")
        self.new_address.setPlaceholderText(self.tr("Name <name@example.com> or an address"))
        self.new_address.returnPressed.connect(self._add_typed)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_typed)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_address, 1)
        add_row.addWidget(add)

        self.subject = QLineEdit(
            self.tr("Minutes: {title} ({project})").format(
                title=minutes.meeting.title, project=minutes.project_name
            )
        )
        self.body = QPlainTextEdit(
            self.tr("Please find attached the minutes of {title}.").format(
                title=minutes.meeting.title
            )
        )
        self.body.setFixedHeight(90)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel(
            self.tr(
                "The message waits in the outbox and is sent when this computer is back online."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")

        form = QFormLayout()
        form.addRow(self.tr("Attachment:"), QLabel(pdf.name))
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Message:"), self.body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Put in outbox"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Recipients:")))
        layout.addWidget(self.recipients, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _add_item(self, recipient: Recipient, *, checked: bool) -> None:
        source = self._sources.get(recipient.source, "")
        item = QListWidgetItem(f"{recipient.name} <{recipient.address}>  · {source}")
        item.setData(_ADDRESS_ROLE, recipient)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.recipients.addItem(item)

    def _add_typed(self) -> None:
        text = self.new_address.text().strip()
        if not text:
            return
        name, _, address = text.rpartition("<")
        address = address.rstrip(">").strip() if name else text
        try:
            address = clean_address(address)
        except ValidationError:
            self._show_error(self.tr("“{text}” is not an e-mail address.").format(text=text))
            return
        self._add_item(Recipient(name.strip() or address, address), checked=True)
        self.new_address.clear()
        self.error.hide()

    def chosen(self) -> list[Recipient]:
        found = []
        for row in range(self.recipients.count()):
            item = self.recipients.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(_ADDRESS_ROLE))
        return found

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        if not self.chosen():
            self._show_error(self.tr("Choose at least one recipient."))
            return
        try:
            self.queued = self._services.outbox.queue(
                self._meeting_id,
                subject=self.subject.text(),
                body=self.body.toPlainText(),
                attachment=self._pdf,
                recipients=self.chosen(),
            )
        except ValidationError as error:
            field_messages = {"subject": self.tr("A message needs a subject.")}
            self._show_error(field_messages.get(error.field or "", describe_error(error)))
            return
        except PmError as error:
            self._show_error(describe_error(error))
            return
        super().accept()
