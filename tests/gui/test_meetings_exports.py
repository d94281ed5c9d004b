"""From the Meetings workspace: send the minutes to the outbox, the PDF logo, the tabs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import Attendance, MailState, MeetingType
from pm_desktop.services.container import Services
from pm_desktop.ui.meetings.page import MeetingsPage
from pm_desktop.ui.services_loader import ServicesLoader
from tests.gui.conftest import answer_next_dialog


@pytest.fixture(autouse=True)
def test_paths() -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)  # the outbox folder goes under ~/.qttest
    yield
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def page(qtbot: QtBot, services: Services, settings_path: Path) -> Iterator[MeetingsPage]:
    project = services.projects.create("华东制造集团数字化转型")
    meeting = services.meetings.create(
        project.id, MeetingType.KICKOFF, "项目启动会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    )
    services.meetings.add_attendee(
        meeting.id, "王建国", email="wang@client.example", attendance=Attendance.PRESENT
    )
    services.meetings.add_action(meeting.id, "提交调研计划", who="刘洋")
    stack = QUndoStack()
    built = MeetingsPage(
        ServicesLoader.of(services),
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        stack,
    )
    qtbot.addWidget(built)
    built.resize(1180, 720)
    built.show()
    built.set_project(project.id)
    _ = built.workspace
    qtbot.waitUntil(lambda: built.workspace.editor.meeting is not None)
    yield built
    stack.clear()


def test_send_minutes_writes_the_pdf_and_queues_it_for_the_chosen_recipients(
    page: MeetingsPage, services: Services, qtbot: QtBot
) -> None:
    workspace = page.workspace
    assert workspace.send_action.isEnabled()
    answer_next_dialog(lambda dialog: dialog.accept())  # the attendee is ticked already
    with qtbot.waitSignal(workspace.minutesQueued, timeout=20_000):
        workspace.send_action.trigger()
    [message] = services.outbox.messages()
    assert [(r.name, r.state) for r in message.recipients] == [("王建国", MailState.WAITING)]
    assert message.attachment_name.endswith(".pdf")
    assert "项目启动会" in message.attachment_name


def test_cancelling_the_send_dialog_queues_nothing(
    page: MeetingsPage, services: Services, qtbot: QtBot
) -> None:
    seen: list[str] = []

    def reject(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    answer_next_dialog(reject)
    page.workspace.send_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert services.outbox.messages() == []


def test_the_pdf_logo_is_remembered(
    page: MeetingsPage, tmp_path: Path, settings_path: Path, qtbot: QtBot, services: Services
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(60, 20, QImage.Format.Format_RGB32)
    image.fill(0x1F5FAF)
    assert image.save(str(logo))
    page.workspace.set_logo(logo)
    again = MeetingsPage(
        ServicesLoader.of(services),
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        QUndoStack(),
    )
    qtbot.addWidget(again)
    assert again.workspace.exporter.logo == logo
    out = tmp_path / "with-logo.pdf"
    with qtbot.waitSignal(again.workspace.exporter.exported, timeout=20_000):
        again.workspace.exporter.export_pdf(page.workspace.editor.meeting.id, out)  # type: ignore[union-attr]
    assert out.stat().st_size > 0


def test_a_tracker_row_opens_its_meeting(page: MeetingsPage, qtbot: QtBot) -> None:
    meeting_id = page.workspace.editor.meeting.id  # type: ignore[union-attr]
    page.tabs.setCurrentWidget(page.tracker)
    page.tracker.actionActivated.emit(meeting_id, "")
    assert page.tabs.currentWidget() is page.workspace
    assert page.workspace.editor.meeting is not None
    assert page.workspace.editor.meeting.id == meeting_id


def test_meeting_details_are_corrected_through_the_dialog(
    page: MeetingsPage, services: Services
) -> None:
    def rename(dialog: QDialog) -> None:
        title = dialog.findChild(QLineEdit, "meetingTitle")
        place = dialog.findChild(QLineEdit, "meetingPlace")
        assert title.text() == "项目启动会"
        title.setText("项目启动会（更正）")
        place.setText("客户总部5楼")
        dialog.accept()

    answer_next_dialog(rename)
    page.workspace.details_action.trigger()
    meeting = page.workspace.editor.meeting
    assert meeting is not None
    assert (meeting.title, meeting.location) == ("项目启动会（更正）", "客户总部5楼")
    assert services.meetings.get(meeting.id).title == "项目启动会（更正）"
