"""Sending the mail outbox to a real SMTP server (aiosmtpd) on loopback, over verified TLS."""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import keyring
import keyring.core
import pytest

from pm_desktop.core.enums import MailState, MeetingType
from pm_desktop.core.errors import ValidationError
from pm_desktop.core.outbox import Recipient as To
from pm_desktop.core.outbox import (
    RecipientState,
    SendReport,
    SmtpSecurity,
    SmtpSettings,
    check_smtp_settings,
    retry_delay,
)
from pm_desktop.services.container import Services
from pm_desktop.sync import credentials
from pm_desktop.sync.mailer import (
    AUTH_REFUSED,
    MailError,
    check_login,
    scrub,
    send_due,
    split_reason,
    tag_reason,
)
from tests.mail_server import (
    HOST,
    PASSWORD,
    USER,
    Authenticator,
    Certificates,
    MemoryKeyring,
    Recorder,
    free_port,
    make_certificates,
    smtp_server,
)

SUBJECT = "【会议纪要】华东制造 周例会 2026-11-23"
BODY = "各位好：\n\n附件是本次周例会的会议纪要，请查收。\n\n项目经理 王磊"
PDF_NAME = "华东制造-周例会纪要.pdf"
PDF_BYTES = b"%PDF-1.4\n% \xe4\xbc\x9a\xe8\xae\xae\n1 0 obj <<>> endobj\n%%EOF\n"
LI = To("李红梅", "li.hongmei@client.example")
LIU = To("刘洋", "liuyang@qiming.example")
NOBODY = "nobody@client.example"
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certs"))


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def port(certs: Certificates, recorder: Recorder) -> Iterator[int]:
    with smtp_server(certs, recorder) as running:
        yield running


def settings_for(port: int, certs: Certificates | None, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": HOST,
        "port": port,
        "security": SmtpSecurity.STARTTLS,
        "user": USER,
        "from_address": "wang.lei@qiming.example",
        "ca_file": str(certs.ca_file) if certs else "",
    }
    values.update(changes)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def queue(services: Services, tmp_path: Path, *recipients: To, pdf: str = PDF_NAME) -> str:
    """Minutes of a weekly meeting queued for ``recipients``; returns the project id."""
    project = services.projects.create("华东制造")
    meeting = services.meetings.create(
        project.id, MeetingType.WEEKLY_STATUS, "周例会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    )
    attachment = tmp_path / pdf
    attachment.write_bytes(PDF_BYTES)
    services.outbox.queue(
        meeting.id,
        subject=SUBJECT,
        body=BODY,
        attachment=attachment,
        recipients=list(recipients or (LI, LIU)),
    )
    return project.id


def send(
    services: Services,
    settings: SmtpSettings,
    now: datetime = T0,
    password: str = PASSWORD,
    *,
    everything: bool = False,
) -> SendReport:
    return send_due(
        services.outbox,
        settings,
        password,
        device_id=services.store.device_id,
        now=now,
        timeout=5,
        everything=everything,
    )


def states(services: Services) -> dict[str, RecipientState]:
    [entry] = services.outbox.messages()
    return {r.address: r for r in entry.recipients}


# --- success ---------------------------------------------------------------------------------


def test_minutes_reach_every_recipient_with_a_chinese_subject_and_pdf(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    queue(services, tmp_path)
    report = send(services, settings_for(port, certs))

    assert report == SendReport(sent=2)
    assert sorted(recorder.delivered_to()) == sorted([LI.address, LIU.address])
    [message] = recorder.messages()
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == SUBJECT
    assert "李红梅" in str(message["To"])
    body = message.get_body(("plain",))
    assert body is not None
    assert body.get_content().replace("\r\n", "\n").strip() == BODY
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == PDF_NAME
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == PDF_BYTES
    raw = recorder.received[0][1]
    # RFC 2231 (here with continuations), not raw UTF-8 in the header
    assert re.search(rb"filename\*(0\*)?=utf-8''%E5%8D%8E", raw)
    for state in states(services).values():
        assert state.state == MailState.SENT
        assert state.sent_at == T0
        assert state.attempts == 1


def test_implicit_tls_works_too(
    services: Services, tmp_path: Path, certs: Certificates, recorder: Recorder
) -> None:
    queue(services, tmp_path)
    with smtp_server(certs, recorder, implicit_tls=True) as ssl_port:
        report = send(services, settings_for(ssl_port, certs, security=SmtpSecurity.SSL))
    assert report.sent == 2
    assert len(recorder.received) == 1


def test_accepted_mail_is_never_sent_again(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    queue(services, tmp_path)
    settings = settings_for(port, certs)
    assert send(services, settings).sent == 2
    for later in (T0, T0 + timedelta(minutes=5), T0 + timedelta(days=3)):
        assert send(services, settings, later) == SendReport()
    assert len(recorder.received) == 1


def test_only_the_device_that_queued_a_message_sends_it(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    queue(services, tmp_path)
    report = send_due(
        services.outbox, settings_for(port, certs), PASSWORD, device_id="another-laptop", now=T0
    )
    assert report == SendReport()
    assert recorder.received == []


# --- refusals --------------------------------------------------------------------------------


def test_a_recipient_refused_for_good_fails_with_the_reason_and_the_others_are_sent(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    recorder.refusals[NOBODY] = "550 5.1.1 mailbox unknown"
    queue(services, tmp_path, LI, To("", NOBODY))
    report = send(services, settings_for(port, certs))

    assert (report.sent, report.failed, report.retrying) == (1, 1, 0)
    assert recorder.delivered_to() == [LI.address]
    found = states(services)
    assert found[LI.address].state == MailState.SENT
    assert found[NOBODY].state == MailState.FAILED
    assert "550" in found[NOBODY].last_error
    assert "mailbox unknown" in found[NOBODY].last_error
    assert send(services, settings_for(port, certs), T0 + timedelta(hours=2)) == SendReport()


def test_a_temporary_refusal_is_retried_later_and_nobody_gets_it_twice(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    recorder.refusals[LIU.address] = "451 4.3.0 mailbox busy, try later"
    queue(services, tmp_path)
    settings = settings_for(port, certs)

    assert (send(services, settings).sent, send(services, settings).sent) == (1, 0)
    waiting = states(services)[LIU.address]
    assert waiting.state == MailState.WAITING
    assert waiting.attempts == 1
    assert waiting.next_attempt_at == T0 + timedelta(minutes=1)
    assert "451" in waiting.last_error

    assert send(services, settings, T0 + timedelta(seconds=30)) == SendReport()
    del recorder.refusals[LIU.address]
    assert send(services, settings, T0 + timedelta(minutes=1)) == SendReport(sent=1)
    assert sorted(recorder.delivered_to()) == sorted([LI.address, LIU.address])
    assert states(services)[LIU.address].state == MailState.SENT


def test_send_now_tries_a_recipient_in_its_retry_wait_and_never_one_already_sent(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    recorder.refusals[LIU.address] = "451 4.3.0 mailbox busy, try later"
    queue(services, tmp_path)
    settings = settings_for(port, certs)
    assert send(services, settings) == SendReport(sent=1, retrying=1)
    assert states(services)[LIU.address].next_attempt_at == T0 + timedelta(minutes=1)

    del recorder.refusals[LIU.address]
    soon = T0 + timedelta(seconds=10)
    assert send(services, settings, soon) == SendReport()  # automatic: not due yet
    assert send(services, settings, soon, everything=True) == SendReport(sent=1)
    assert sorted(recorder.delivered_to()) == sorted([LI.address, LIU.address])
    assert states(services)[LIU.address].sent_at == soon

    assert send(services, settings, soon, everything=True) == SendReport()
    assert len(recorder.received) == 2  # LI's once, LIU's once: nobody got it twice


def test_every_recorded_reason_names_its_kind(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    recorder.refusals[NOBODY] = "550 5.1.1 mailbox unknown"
    recorder.refusals[LIU.address] = "451 4.3.0 mailbox busy, try later"
    queue(services, tmp_path, LIU, To("", NOBODY))
    send(services, settings_for(port, certs))
    found = states(services)
    assert split_reason(found[NOBODY].last_error) == ("recipient", "550 5.1.1 mailbox unknown")
    assert split_reason(found[LIU.address].last_error)[0] == "deferred"

    send(services, settings_for(port, None), T0 + timedelta(hours=1))  # no CA file
    assert split_reason(states(services)[LIU.address].last_error)[0] == "tls"
    send(services, settings_for(free_port(), certs), T0 + timedelta(hours=2))  # nobody listens
    kind, text = split_reason(states(services)[LIU.address].last_error)
    assert kind == "connect"
    assert text.startswith("could not talk to the SMTP server")


def test_a_reason_without_a_known_kind_is_kept_whole() -> None:
    assert split_reason(tag_reason("auth", "refused (535 no)")) == ("auth", "refused (535 no)")
    assert split_reason("550 mailbox unknown") == ("", "550 mailbox unknown")
    assert split_reason("[nonsense] text") == ("", "[nonsense] text")


def test_a_refused_login_sends_nothing_and_keeps_the_outbox_for_later(
    services: Services, tmp_path: Path, certs: Certificates, recorder: Recorder
) -> None:
    project_id = queue(services, tmp_path)
    before = services.projects.list()
    authenticator = Authenticator(refuse_all=True)
    with smtp_server(certs, recorder, authenticator=authenticator) as refusing:
        report = send(services, settings_for(refusing, certs))
        with pytest.raises(MailError, match="refused the login") as error:
            check_login(settings_for(refusing, certs), PASSWORD, timeout=5)
    assert error.value.code == "auth"
    assert report.problem == "auth"
    assert AUTH_REFUSED in report.detail
    assert report.reply.startswith("535")
    assert (report.sent, report.retrying) == (0, 2)
    assert authenticator.tries == 2
    assert recorder.received == []
    for state in states(services).values():
        assert state.state == MailState.WAITING
        assert state.attempts == 1
        assert state.next_attempt_at == T0 + timedelta(minutes=1)
        assert AUTH_REFUSED in state.last_error
        assert split_reason(state.last_error)[0] == "auth"
    assert services.projects.list() == before
    assert services.outbox.messages(project_id)[0].attachment_name == PDF_NAME


def test_a_server_that_is_down_is_tried_again_with_growing_delays(
    services: Services, tmp_path: Path, certs: Certificates
) -> None:
    queue(services, tmp_path)
    settings = settings_for(free_port(), certs)  # nothing listens there
    now = T0
    for attempt, delay in enumerate((1, 2, 4, 8), start=1):
        report = send(services, settings, now)
        assert report.problem == "connect"
        assert report.retrying == 2
        state = states(services)[LI.address]
        assert (state.state, state.attempts) == (MailState.WAITING, attempt)
        assert state.next_attempt_at == now + timedelta(minutes=delay)
        assert send(services, settings, now + timedelta(minutes=delay, seconds=-1)) == SendReport()
        now += timedelta(minutes=delay)


def test_the_delay_doubles_up_to_an_hour() -> None:
    minutes = [retry_delay(n) / timedelta(minutes=1) for n in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_missing_attachment_fails_its_recipients_with_a_clear_reason(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    queue(services, tmp_path)
    (tmp_path / PDF_NAME).unlink()
    report = send(services, settings_for(port, certs))
    assert report == SendReport(failed=2)
    assert recorder.received == []
    for state in states(services).values():
        assert state.state == MailState.FAILED
        assert "no longer on this computer" in state.last_error
        assert split_reason(state.last_error)[0] == "attachment"


# --- TLS -------------------------------------------------------------------------------------


def test_a_certificate_from_an_unknown_ca_is_refused_until_its_ca_file_is_given(
    services: Services, tmp_path: Path, certs: Certificates, port: int, recorder: Recorder
) -> None:
    queue(services, tmp_path)
    report = send(services, settings_for(port, None))
    assert report.problem == "tls"
    assert "could not be verified" in report.detail
    assert recorder.received == []
    assert {s.state for s in states(services).values()} == {MailState.WAITING}

    report = send(services, settings_for(port, certs), T0 + timedelta(minutes=1))
    assert report == SendReport(sent=2)


def test_a_server_without_starttls_is_never_used_in_plain_text(
    services: Services, tmp_path: Path, recorder: Recorder
) -> None:
    from aiosmtpd.controller import Controller

    queue(services, tmp_path)
    plain_port = free_port()
    controller = Controller(recorder, hostname=HOST, port=plain_port)
    controller.start()
    try:
        report = send(services, settings_for(plain_port, None, user=""))
    finally:
        controller.stop()
    assert report.problem == "starttls"
    assert recorder.received == []


def test_a_bad_ca_file_is_a_clear_tls_problem(
    services: Services, tmp_path: Path, port: int
) -> None:
    queue(services, tmp_path)
    report = send(services, settings_for(port, None, ca_file=str(tmp_path / "missing.pem")))
    assert report.problem == "tls"
    assert "CA file" in report.detail


# --- settings and secrets --------------------------------------------------------------------


def test_settings_are_checked_field_by_field() -> None:
    good = settings_for(587, None, host="  smtp.qiming.example ")
    assert check_smtp_settings(good).host == "smtp.qiming.example"
    cases: tuple[tuple[str, dict[str, object]], ...] = (
        ("host", {"host": " "}),
        ("port", {"port": 70000}),
        ("address", {"from_address": "wang.lei"}),
    )
    for field, changes in cases:
        with pytest.raises(ValidationError) as error:
            check_smtp_settings(settings_for(changes.pop("port", 587), None, **changes))
        assert error.value.field == field


def test_the_password_is_scrubbed_from_reasons() -> None:
    encoded = base64.b64encode(PASSWORD.encode()).decode()
    assert PASSWORD not in scrub(f"535 bad {PASSWORD} / {encoded}", PASSWORD)
    assert encoded not in scrub(f"535 bad {encoded}", PASSWORD)


def test_after_a_whole_session_the_password_is_in_no_file_nor_log(
    *,
    db_path: Path,
    tmp_path: Path,
    certs: Certificates,
    port: int,
    recorder: Recorder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    previous = keyring.core._keyring_backend  # type: ignore[attr-defined]
    keyring.set_keyring(MemoryKeyring())
    try:
        settings = settings_for(port, certs)
        services = Services.open(db_path)
        try:
            recorder.refusals[NOBODY] = "550 5.1.1 mailbox unknown"
            queue(services, tmp_path, LI, To("", NOBODY))
            send(services, settings, T0, password="wrong-" + PASSWORD)  # a refused login
            assert credentials.store_secret(credentials.SMTP_SERVICE, settings.account, PASSWORD)
            password = credentials.lookup_secret(credentials.SMTP_SERVICE, settings.account)
            assert password == PASSWORD
            assert send(services, settings, T0 + timedelta(minutes=1), password).sent == 1
        finally:
            services.close()
    finally:
        keyring.core._keyring_backend = previous  # type: ignore[attr-defined]
    needles = [PASSWORD.encode(), base64.b64encode(PASSWORD.encode())]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert db_path in files
    for file in files:
        data = file.read_bytes()
        assert not any(needle in data for needle in needles), file
    assert PASSWORD not in caplog.text
