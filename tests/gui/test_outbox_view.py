"""The mail outbox as a PM sees it: queued minutes, and every recipient's state."""

from __future__ import annotations

import re
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
from pm_desktop.ui.outbox_model import STATE_COLORS, Column, Look, OutboxModel
from pm_desktop.ui.outbox_view import OutboxView
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
    assert "until the mail server accepts them" in outbox.note.text()
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
    assert texts(model, root, Column.STATE) == ["Waiting to be sent · 2 recipient(s)"]

    message = model.index(0, 0)
    assert outbox.tree.isExpanded(message)
    assert texts(model, message, Column.SUBJECT) == [
        "刘洋 <liuyang@qiming.example>",
        "李红梅 <li.hongmei@client.example>",
    ]
    assert texts(model, message, Column.STATE) == ["Waiting to be sent"] * 2
    state = model.index(0, Column.STATE, message)
    assert state.data(Qt.ItemDataRole.ForegroundRole) == STATE_COLORS[MailState.WAITING]
    assert not state.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "within a few minutes" in outbox.note.text()  # online, or not known: no "network"


def test_waiting_for_the_network_is_said_only_when_offline(
    qtbot: QtBot, services: Services, tmp_path: Path, sender: MailSender
) -> None:
    project_id = queue_minutes(services, tmp_path)
    view = sending_view(qtbot, services, sender)
    view.set_project(project_id)
    message = view.model.index(0, 0)
    assert texts(view.model, message, Column.STATE) == ["Waiting to be sent"] * 2

    sender.on_network("offline")
    assert texts(view.model, message, Column.STATE) == ["Waiting for network"] * 2
    assert view.model.index(0, Column.STATE).data() == "Waiting for network · 2 recipient(s)"
    assert "back online" in view.note.text()

    sender.on_network("online")  # mail is not set up: nothing is tried
    assert texts(view.model, message, Column.STATE) == ["Waiting to be sent"] * 2
    assert "back online" not in view.note.text()


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
                    RecipientState(
                        "", "bad@x.example", MailState.FAILED, "[recipient] 550 mailbox unknown"
                    ),
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
        "Failed: recipient refused",
        "Waiting to be sent",
    ]
    tooltip = model.index(1, Column.STATE, message).data(Qt.ItemDataRole.ToolTipRole)
    assert "Details: 550 mailbox unknown" in tooltip  # the server's words, in the tooltip
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
    next_try = datetime.now().astimezone().replace(hour=12, minute=4, second=0, microsecond=0)
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
                        "[deferred] 451 mailbox busy",
                        attempts=2,
                        next_attempt_at=next_try,
                    ),
                ),
            )
        ]
    )
    qtmodeltester.check(model)
    state = model.index(0, Column.STATE, model.index(0, 0))
    assert state.data() == "Retry at 12:04: server asked to try later"
    assert model.index(0, Column.STATE).data() == (
        "Retry at 12:04: server asked to try later · 1 recipient(s)"
    )
    local = next_try.strftime("%Y-%m-%d %H:%M")
    assert state.data(Qt.ItemDataRole.ToolTipRole).splitlines()[1:] == [
        "Retry at 12:04: server asked to try later",
        "2 attempt(s) failed",
        f"Next try: {local}",
        "Details: 451 mailbox busy",
    ]


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
    message = view.model.index(0, 0)
    states = texts(view.model, message, Column.STATE)
    assert len(states) == 2
    assert all(re.fullmatch(r"Retry at \d\d:\d\d: login refused", s) for s in states)
    assert "535" not in view.model.index(0, Column.STATE, message).data()
    assert view.note.text().startswith("The last try failed: login refused.")
    assert view.note_icon.property("look") == Look.RETRY
    assert "Waiting for network" not in view.model.index(0, Column.STATE).data()

    view.tree.setCurrentIndex(view.model.index(0, Column.SUBJECT, message))
    assert view.details.isVisible()
    assert "1 attempt(s) failed" in view.details.text()
    assert "the SMTP server refused the login" in view.details.text()  # the mailer's words
    assert "535" in view.details.text()  # and the server's


def assert_names_and_states_fit(view: OutboxView, *, subject_at_least: int) -> None:
    header = view.tree.header()
    assert not view.tree.horizontalScrollBar().isVisible()
    assert header.length() <= view.tree.viewport().width()
    assert header.sectionSize(Column.SUBJECT) >= subject_at_least
    state = header.sectionViewportPosition(Column.STATE) + header.sectionSize(Column.STATE)
    assert 0 < state <= view.tree.viewport().width()


def test_long_failure_reasons_leave_names_and_states_readable_side_by_side(
    *,
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    sender: MailSender,
    mail_settings: QSettings,
    certs: Certificates,
) -> None:
    long_reply = "550 5.1.1 " + "the mailbox of this recipient does not exist here " * 6
    recorder = Recorder(refusals={"liuyang@qiming.example": long_reply.strip()})
    project_id = queue_minutes(services, tmp_path)
    with smtp_server(certs, recorder) as port:
        set_up_mail(mail_settings, port, certs, PASSWORD)
        view = sending_view(qtbot, services, sender)
        view.set_project(project_id)
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    message = view.model.index(0, 0)
    assert texts(view.model, message, Column.STATE) == ["Failed: recipient refused", "Sent"]
    assert_names_and_states_fit(view, subject_at_least=300)
    for width in (700, 1180, 1600):
        view.resize(width, 400)
        qtbot.wait(10)
        assert_names_and_states_fit(view, subject_at_least=int(width * 0.3))
    tooltip = view.model.index(0, Column.STATE, message).data(Qt.ItemDataRole.ToolTipRole)
    assert "does not exist here" in tooltip


def test_send_now_retries_a_recipient_in_its_wait_and_never_one_already_sent(
    *,
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    sender: MailSender,
    mail_settings: QSettings,
    certs: Certificates,
) -> None:
    recorder = Recorder(refusals={"liuyang@qiming.example": "451 4.2.1 mailbox busy"})
    project_id = queue_minutes(services, tmp_path)
    with smtp_server(certs, recorder) as port:
        set_up_mail(mail_settings, port, certs, PASSWORD)
        view = sending_view(qtbot, services, sender)
        view.set_project(project_id)
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
        message = view.model.index(0, 0)
        liu = texts(view.model, message, Column.STATE)[0]
        assert liu.startswith("Retry at ")
        assert liu.endswith(": server asked to try later")
        recipients = services.outbox.messages()[0].recipients
        [waiting] = [r for r in recipients if r.state == MailState.WAITING]
        assert waiting.next_attempt_at is not None
        assert waiting.next_attempt_at > datetime.now(UTC)  # in its retry wait

        del recorder.refusals["liuyang@qiming.example"]
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
        assert view.send_status.text() == "1 recipient(s) sent"
        assert texts(view.model, view.model.index(0, 0), Column.STATE) == ["Sent", "Sent"]

        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
        assert view.send_status.text() == "Nothing is waiting to be sent."
    assert sorted(recorder.delivered_to()) == [
        "li.hongmei@client.example",
        "liuyang@qiming.example",
    ]  # each once


def test_send_now_while_mail_is_being_sent_says_so(
    qtbot: QtBot, services: Services, sender: MailSender
) -> None:
    view = sending_view(qtbot, services, sender)
    sender._running = True  # an automatic run in its thread
    try:
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    finally:
        sender._running = False
    assert view.send_status.isVisible()
    assert view.send_status.text() == "Mail is already being sent."


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
