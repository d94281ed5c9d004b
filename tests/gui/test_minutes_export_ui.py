"""Exporting minutes from the UI: background PDF with cancel, .ics, and the send dialog."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import Attendance, MailState, MeetingType
from pm_desktop.services.container import Services
from pm_desktop.ui.distribute_dialog import DistributeDialog
from pm_desktop.ui.minutes_export import MinutesExporter, suggested_file_name
from tests.gui.conftest import answer_next_dialog


@pytest.fixture
def meeting_id(services: Services) -> str:
    project = services.projects.create("华东制造集团数字化转型")
    meeting = services.meetings.create(
        project.id, MeetingType.KICKOFF, "项目启动会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    )
    services.meetings.add_attendee(
        meeting.id, "王建国", email="wang@client.example", attendance=Attendance.PRESENT
    )
    for number in range(40):
        services.meetings.add_action(
            meeting.id, f"第{number + 1}项待办", who="刘洋", due_on=date(2026, 12, 1)
        )
    return meeting.id


@pytest.fixture
def exporter(qtbot: QtBot, services: Services) -> MinutesExporter:
    parent = QWidget()
    qtbot.addWidget(parent)
    return MinutesExporter(lambda: services, parent)


def test_the_pdf_is_written_in_the_background(
    exporter: MinutesExporter, meeting_id: str, tmp_path: Path, qtbot: QtBot
) -> None:
    out = tmp_path / "纪要.pdf"
    with qtbot.waitSignal(exporter.exported, timeout=20_000) as done:
        exporter.export_pdf(meeting_id, out)
        assert exporter.busy  # the GUI thread is free while the PDF is built
    assert done.args == [out]
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "项目启动会" in text
    assert "第40项待办" in text
    assert not exporter.busy


def test_a_cancelled_export_leaves_nothing(
    exporter: MinutesExporter, meeting_id: str, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with qtbot.waitSignal(exporter.stopped, timeout=20_000):
        exporter.export_pdf(meeting_id, folder / "纪要.pdf")
        exporter.cancel()
    assert list(folder.iterdir()) == []


def test_an_unwritable_folder_is_reported(
    exporter: MinutesExporter, meeting_id: str, tmp_path: Path, qtbot: QtBot
) -> None:
    seen: list[str] = []

    def read_and_close(dialog: QDialog) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.accept()

    answer_next_dialog(read_and_close)
    with qtbot.waitSignal(exporter.stopped, timeout=20_000):
        exporter.export_pdf(meeting_id, tmp_path / "missing" / "纪要.pdf")
    qtbot.waitUntil(lambda: bool(seen))
    assert "missing" in seen[0]


def test_an_invitation_is_written(
    exporter: MinutesExporter, meeting_id: str, tmp_path: Path
) -> None:
    out = exporter.export_invitation(meeting_id, tmp_path / "invite.ics")
    assert out is not None
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert "项目启动会" in str(event["summary"])


def test_file_names_are_dated_and_safe(services: Services, meeting_id: str) -> None:
    name = suggested_file_name(services.meetings.minutes(meeting_id), ".pdf")
    assert name.endswith("项目启动会.pdf")
    assert name[:4] == "2026"


def test_the_send_dialog_queues_the_pdf_for_the_chosen_recipients(
    services: Services, meeting_id: str, tmp_path: Path, qtbot: QtBot
) -> None:
    pdf = tmp_path / "纪要.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    dialog = DistributeDialog(services, meeting_id, pdf)
    qtbot.addWidget(dialog)
    first = dialog.recipients.item(0)
    assert "王建国" in first.text()
    assert first.checkState() == Qt.CheckState.Checked
    dialog.new_address.setText("not an address")
    dialog.new_address.returnPressed.emit()
    assert "is not an e-mail address" in dialog.error.text()
    dialog.new_address.setText("李红梅 <li@client.example>")
    dialog.new_address.returnPressed.emit()
    assert dialog.recipients.count() == 2
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [message] = services.outbox.messages()
    assert sorted((r.name, r.state) for r in message.recipients) == [
        ("李红梅", MailState.WAITING),
        ("王建国", MailState.WAITING),
    ]


def test_sending_to_nobody_is_refused_at_the_field(
    services: Services, meeting_id: str, tmp_path: Path, qtbot: QtBot
) -> None:
    pdf = tmp_path / "纪要.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    dialog = DistributeDialog(services, meeting_id, pdf)
    qtbot.addWidget(dialog)
    dialog.recipients.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert dialog.error.text() == "Choose at least one recipient."
    assert services.outbox.messages() == []
