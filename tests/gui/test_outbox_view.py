"""The mail outbox as a PM sees it: queued minutes, and every recipient's state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import MailState, MeetingType
from pm_desktop.core.errors import StorageError
from pm_desktop.core.outbox import (
    OutboxEntry,
    Recipient,
    RecipientState,
    SendReport,
    SmtpSecurity,
    SmtpSettings,
)
from pm_desktop.services.container import Services
from pm_desktop.sync.credentials import SMTP_SERVICE, store_secret
from pm_desktop.ui.mail_sending import MailSender
from pm_desktop.ui.mail_settings import save_smtp_settings
from pm_desktop.ui.outbox_view import STATE_COLORS, Column, OutboxModel, OutboxView
from tests.mail_server import (
    HOST,
    PASSWORD,
    USER,
    Certificates,
    MemoryKeyring,
    Recorder,
    keyring_backend,
    make_certificates,
    smtp_server,
)

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


# --- sending ---------------------------------------------------------------------------------


def test_a_waiting_recipient_shows_its_failed_attempts_and_next_try(
    qtmodeltester: ModelTester,
) -> None:
    next_try = datetime(2026, 11, 23, 8, 4, tzinfo=UTC)
    model = OutboxModel()
    model.set_entries(
        [
            OutboxEntry(
                id="m1",
                subject="纪要",
                attachment_name="纪要.pdf",
                queued_at=datetime(2026, 11, 23, 8, tzinfo=UTC),
                meeting_id=None,
                recipients=(
                    RecipientState(
                        "赵敏",
                        "zhao@x.example",
                        MailState.WAITING,
                        "451 mailbox busy",
                        attempts=2,
                        next_attempt_at=next_try,
                    ),
                ),
            )
        ]
    )
    qtmodeltester.check(model)
    local = next_try.astimezone().strftime("%Y-%m-%d %H:%M")
    assert model.index(0, Column.STATE, model.index(0, 0)).data() == (
        f"Waiting · 2 attempt(s) failed · next try {local}: 451 mailbox busy"
    )


@pytest.fixture
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certs"))


@pytest.fixture
def mail_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def sender(services: Services, mail_settings: QSettings) -> Iterator[MailSender]:
    with keyring_backend(MemoryKeyring()):
        yield MailSender(lambda: services, mail_settings)


def set_up_mail(settings: QSettings, port: int, certs: Certificates, password: str) -> None:
    smtp = SmtpSettings(
        HOST, port, SmtpSecurity.STARTTLS, USER, "wang.lei@qiming.example", str(certs.ca_file)
    )
    save_smtp_settings(settings, smtp)
    store_secret(SMTP_SERVICE, smtp.account, password)


def sending_view(qtbot: QtBot, services: Services, sender: MailSender) -> OutboxView:
    view = OutboxView(lambda: services, sender=sender)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_send_now_sends_and_shows_every_recipient_sent(
    *,
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    sender: MailSender,
    mail_settings: QSettings,
    certs: Certificates,
) -> None:
    recorder = Recorder()
    project_id = queue_minutes(services, tmp_path)
    with smtp_server(certs, recorder) as port:
        set_up_mail(mail_settings, port, certs, PASSWORD)
        view = sending_view(qtbot, services, sender)
        view.set_project(project_id)
        assert view.send_button.isVisible()
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    assert len(recorder.received) == 1
    message = view.model.index(0, 0)
    assert texts(view.model, message, Column.STATE) == ["Sent", "Sent"]
    assert view.model.index(0, Column.STATE).data() == "Sent · 2 recipient(s)"
    assert view.send_status.text() == "2 recipient(s) sent"


def test_a_refused_login_is_explained_and_the_outbox_kept(
    *,
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    sender: MailSender,
    mail_settings: QSettings,
    certs: Certificates,
) -> None:
    project_id = queue_minutes(services, tmp_path)
    with smtp_server(certs, Recorder()) as port:
        set_up_mail(mail_settings, port, certs, "wrong password")
        view = sending_view(qtbot, services, sender)
        view.set_project(project_id)
        report = sender.send_now(view)
    assert report is not None
    assert report.problem == "auth"
    assert view.send_status.text().startswith("The SMTP server refused the login")
    states = texts(view.model, view.model.index(0, 0), Column.STATE)
    assert all(s.startswith("Waiting · 1 attempt(s) failed · next try") for s in states)


def test_the_outbox_is_sent_when_the_network_comes_back(
    *,
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    sender: MailSender,
    mail_settings: QSettings,
    certs: Certificates,
) -> None:
    recorder = Recorder()
    queue_minutes(services, tmp_path)
    view = sending_view(qtbot, services, sender)
    sender.on_network("offline")
    assert not sender.running
    with smtp_server(certs, recorder) as port:
        set_up_mail(mail_settings, port, certs, PASSWORD)
        with qtbot.waitSignal(sender.finished, timeout=10000) as finished:
            sender.on_network("online")
        assert finished.args is not None
        assert finished.args[0].sent == 2
    assert len(recorder.received) == 1
    assert "2 recipient(s) sent" in view.send_status.text()


def test_automatic_sending_never_asks_for_a_password(
    services: Services, tmp_path: Path, sender: MailSender, mail_settings: QSettings
) -> None:
    queue_minutes(services, tmp_path)
    assert sender.send_automatically() is False  # mail not set up: nothing, silently
    save_smtp_settings(
        mail_settings,
        SmtpSettings(HOST, 587, SmtpSecurity.STARTTLS, USER, "wang.lei@qiming.example"),
    )
    reports: list[SendReport] = []
    sender.finished.connect(reports.append)
    assert sender.send_automatically() is False
    assert [r.problem for r in reports] == ["password"]
