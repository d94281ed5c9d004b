"""The mail outbox as a PM sees it: queued minutes, and every recipient's state."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import MailState, MeetingType
from pm_desktop.core.errors import StorageError
from pm_desktop.core.outbox import OutboxEntry, Recipient, RecipientState
from pm_desktop.services.container import Services
from pm_desktop.ui.outbox_view import STATE_COLORS, Column, OutboxModel, OutboxView

SUBJECT = "【会议纪要】华东制造 周例会 2026-11-23"


def queue_minutes(services: Services, tmp_path: Path, project_name: str = "华东制造") -> str:
    """A project whose weekly meeting's minutes wait in the outbox for two recipients."""
    project = services.projects.create(project_name)
    meeting = services.meetings.create(
        project.id, MeetingType.WEEKLY_STATUS, "周例会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    )
    pdf = tmp_path / f"{project_name}-minutes.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    services.outbox.queue(
        meeting.id,
        subject=SUBJECT if project_name == "华东制造" else f"{project_name} 纪要",
        body="请查收。",
        attachment=pdf,
        recipients=[
            Recipient("李红梅", "li.hongmei@client.example"),
            Recipient("刘洋", "liuyang@qiming.example"),
        ],
    )
    return project.id


@pytest.fixture
def outbox(qtbot: QtBot, services: Services) -> OutboxView:
    view = OutboxView(lambda: services)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def texts(model: OutboxModel, parent: QModelIndex, column: Column) -> list[str]:
    return [model.index(row, column, parent).data() for row in range(model.rowCount(parent))]


def test_an_empty_outbox_says_so(outbox: OutboxView) -> None:
    outbox.set_project(None)
    assert outbox.pages.currentWidget() is outbox.empty
    assert "back online" in outbox.note.text()
    assert outbox.summary.text() == "0 message(s) waiting to be sent"


def test_queued_minutes_show_with_their_waiting_recipients(
    services: Services, tmp_path: Path, outbox: OutboxView, qtmodeltester: ModelTester
) -> None:
    project_id = queue_minutes(services, tmp_path)
    outbox.set_project(project_id)
    assert outbox.pages.currentWidget() is outbox.tree
    model = outbox.model
    qtmodeltester.check(model)
    root = QModelIndex()
    assert texts(model, root, Column.SUBJECT) == [SUBJECT]
    assert texts(model, root, Column.ATTACHMENT) == ["华东制造-minutes.pdf"]
    queued = services.outbox.messages(project_id)[0].queued_at.astimezone()
    assert texts(model, root, Column.QUEUED) == [queued.strftime("%Y-%m-%d %H:%M")]
    assert texts(model, root, Column.STATE) == ["Waiting for network · 2 recipient(s)"]

    message = model.index(0, 0)
    assert outbox.tree.isExpanded(message)
    assert texts(model, message, Column.SUBJECT) == [
        "刘洋 <liuyang@qiming.example>",
        "李红梅 <li.hongmei@client.example>",
    ]
    assert texts(model, message, Column.STATE) == ["Waiting for network"] * 2
    state = model.index(0, Column.STATE, message)
    assert state.data(Qt.ItemDataRole.ForegroundRole) == STATE_COLORS[MailState.WAITING]
    assert not state.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_the_outbox_follows_the_project(
    services: Services, tmp_path: Path, outbox: OutboxView
) -> None:
    first = queue_minutes(services, tmp_path)
    second = queue_minutes(services, tmp_path, "西南物流")
    outbox.set_project(second)
    assert texts(outbox.model, QModelIndex(), Column.SUBJECT) == ["西南物流 纪要"]
    outbox.set_project(None)
    assert len(texts(outbox.model, QModelIndex(), Column.SUBJECT)) == 2
    outbox.set_project(first)
    assert texts(outbox.model, QModelIndex(), Column.SUBJECT) == [SUBJECT]


def test_a_message_queued_later_shows_on_refresh(
    services: Services, tmp_path: Path, outbox: OutboxView
) -> None:
    outbox.set_project(None)
    assert outbox.pages.currentWidget() is outbox.empty
    queue_minutes(services, tmp_path)
    outbox.refresh()
    assert outbox.pages.currentWidget() is outbox.tree
    assert outbox.model.rowCount() == 1


def test_sent_and_failed_recipients_read_differently(qtmodeltester: ModelTester) -> None:
    sent_at = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)
    model = OutboxModel()
    model.set_entries(
        [
            OutboxEntry(
                id="m1",
                subject="纪要",
                attachment_name="",
                queued_at=datetime(2026, 11, 23, 8, tzinfo=UTC),
                meeting_id=None,
                recipients=(
                    RecipientState("张伟", "zhang@x.example", MailState.SENT, sent_at=sent_at),
                    RecipientState("", "bad@x.example", MailState.FAILED, "550 mailbox unknown"),
                    RecipientState("赵敏", "zhao@x.example", MailState.WAITING),
                ),
            )
        ]
    )
    qtmodeltester.check(model)
    message = model.index(0, 0)
    assert model.index(0, Column.ATTACHMENT).data() == "No attachment"
    assert model.index(0, Column.STATE).data() == "Failed · 1 of 3 sent"
    assert texts(model, message, Column.SUBJECT)[1] == "bad@x.example"
    assert texts(model, message, Column.STATE) == [
        "Sent",
        "Failed: 550 mailbox unknown",
        "Waiting for network",
    ]
    local = sent_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert texts(model, message, Column.QUEUED)[0] == f"Sent {local}"
    colors = [
        model.index(row, Column.STATE, message).data(Qt.ItemDataRole.ForegroundRole)
        for row in range(3)
    ]
    assert len({color.name() for color in colors}) == 3  # three states, three colours
    icons = [
        model.index(row, Column.STATE, message).data(Qt.ItemDataRole.DecorationRole)
        for row in range(3)
    ]
    assert len({icon.cacheKey() for icon in icons}) == 3  # and three icons


def test_a_read_error_is_explained(
    services: Services, outbox: OutboxView, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_project_id: str | None = None) -> list[OutboxEntry]:
        raise StorageError("disk I/O error", reason="io")

    monkeypatch.setattr(services.outbox, "messages", broken)
    outbox.set_project(None)
    assert outbox.pages.currentWidget() is outbox.failure
    assert outbox.failure.text().startswith("The outbox could not be read.")
