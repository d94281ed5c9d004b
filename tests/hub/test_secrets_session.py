"""Secrets: after a whole session no file, database, log or bundle holds the hub secret or the
SMTP password.

The session is the user's: the Team Server and Mail Settings dialogs keep their settings in
QSettings (an ini file under the test's HOME) and the secrets in the keyring (an in-memory
backend); a wrong secret and a wrong password are tried first; the sync runner syncs with the
real hub, the mail sender sends queued minutes through aiosmtpd with a login; a backup is
made. Everything is logged at DEBUG to a log file (the app itself configures no logging: its
modules log to the root logger, so a log file is whatever handler a user or packager adds; the
hub's uvicorn loggers are added too). Then every file under the test's HOME/XDG folders and
the PostgreSQL cluster's folder (after a CHECKPOINT, so its WAL and tables are on disk) is
searched for each secret in UTF-8, UTF-16 and base64 (alone and as the Basic and AUTH PLAIN
credentials carry it). Positive controls show the search sees the data it should.
"""

from __future__ import annotations

import base64
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pm_desktop.__main__ import default_database_path
from pm_desktop.core.enums import MailState, MeetingType
from pm_desktop.core.outbox import Recipient as To
from pm_desktop.core.outbox import SmtpSecurity
from pm_desktop.hub import admin
from pm_desktop.hub.auth import hash_secret
from pm_desktop.services.container import Services
from pm_desktop.storage.backup import backup_database
from pm_desktop.ui.mail_sending import MailSender
from pm_desktop.ui.mail_settings import MailSettingsDialog
from pm_desktop.ui.sync_runner import SyncRunner
from pm_desktop.ui.sync_settings import SyncSettingsDialog
from tests.hub.hubserver import HubThread
from tests.hub.postgres import TempPostgres
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

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
HUB_SECRET = "Hub-Tok-9fQ2-密钥-Zx81kP"
WRONG_HUB_SECRET = "Wrong-Hub-Tok-7Rk3-vQ"
WRONG_SMTP_PASSWORD = "Wrong-SMTP-Pw-4Lm9-密"
PROJECT_NAME = "Secret-Session-Line-7"


def needles(user: str) -> dict[bytes, str]:
    """Every byte form a secret could take on disk -> what it is."""
    found: dict[bytes, str] = {}
    for secret, account in (
        (HUB_SECRET, user),
        (WRONG_HUB_SECRET, user),
        (PASSWORD, USER),
        (WRONG_SMTP_PASSWORD, USER),
    ):
        forms = {
            "UTF-8": secret.encode(),
            "UTF-16-LE": secret.encode("utf-16-le"),
            "UTF-16-BE": secret.encode("utf-16-be"),
            "base64": base64.b64encode(secret.encode()),
            "base64 user:secret (Basic)": base64.b64encode(f"{account}:{secret}".encode()),
            "base64 \\0user\\0secret (AUTH PLAIN)": base64.b64encode(
                f"\0{account}\0{secret}".encode()
            ),
        }
        for form, data in forms.items():
            found[data] = f"{secret!r} as {form}"
    return found


def files_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    yield path


def secrets_in(paths: Iterable[Path], wanted: dict[bytes, str]) -> list[str]:
    hits = []
    for path in paths:
        data = path.read_bytes()
        hits += [f"{path}: {what}" for needle, what in wanted.items() if needle in data]
    return hits


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME and XDG folders of the test's own, as ``make test`` sets them."""
    root = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (root / sub).mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(name, str(root / sub))
    monkeypatch.setenv("HOME", str(root))
    return root


@pytest.fixture
def debug_log(home: Path) -> Iterator[Path]:
    """Everything logged at DEBUG, the hub's uvicorn loggers included, into a log file;
    aiosmtpd's own logger ("mail.log", the test's SMTP server, not the app) left out."""
    path = home / ".local/state/PM Desktop/log/pm-desktop.log"
    path.parent.mkdir(parents=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.addFilter(lambda record: not record.name.startswith("mail.log"))
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.access", "uvicorn.error")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)
    try:
        yield path
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
        handler.close()


@pytest.fixture
def certs(tmp_path: Path) -> Certificates:
    return make_certificates(tmp_path / "certs")


def test_after_a_whole_session_no_file_database_or_log_holds_a_secret(
    *,
    qtbot: QtBot,
    home: Path,
    debug_log: Path,
    certs: Certificates,
    hub: HubThread,
    db: psycopg.Connection[Any],
    postgres: TempPostgres,
) -> None:
    user = f"pm{uuid.uuid4().hex[:8]}"
    admin.add_user(db, user)
    db.execute("UPDATE users SET secret_hash = %s WHERE name = %s", [hash_secret(HUB_SECRET), user])
    database = default_database_path()
    assert home in database.parents
    database.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(
        str(home / ".config/PM Desktop/PM Desktop.conf"), QSettings.Format.IniFormat
    )
    recorder = Recorder()
    memory = MemoryKeyring()
    with keyring_backend(memory), smtp_server(certs, recorder) as smtp_port:
        services = Services.open(database)
        try:
            project = services.projects.create(PROJECT_NAME, client="ACME")
            admin.grant(db, user, project.id)
            runner = SyncRunner(lambda: services, settings)
            sender = MailSender(lambda: services, settings)

            # Team server: a wrong secret first, then the right one.
            for secret, outcome in ((WRONG_HUB_SECRET, "error"), (HUB_SECRET, "synced")):
                dialog = SyncSettingsDialog(settings)
                qtbot.addWidget(dialog)
                dialog.url.setText(hub.url)
                dialog.user.setText(user)
                dialog.secret.setText(secret)
                dialog.accept()
                with qtbot.waitSignal(runner.finished, timeout=20000):
                    assert runner.sync_now()
                assert runner.state == outcome, runner.tooltip
                assert secret not in runner.tooltip

            queue_minutes(services, project.id, home)
            set_up_mail(qtbot, settings, smtp_port, certs)
            with qtbot.waitSignal(sender.finished, timeout=20000) as sent:
                assert sender.send_automatically()
            assert sent.args is not None
            assert sent.args[0].sent == 2, sent.args
            with qtbot.waitSignal(runner.finished, timeout=20000):
                assert runner.sync_now()  # the recipients' sent states go to the hub
            assert runner.state == "synced", runner.tooltip
            assert {s.state for s in services.outbox.messages()[0].recipients} == {MailState.SENT}
            assert len(memory.secrets) == 2  # both secrets are in the keyring, nowhere else
            backup_database(database, database.parent / "backups" / "pm-desktop-backup.sqlite")
        finally:
            runner.stop()
            runner.wait()
            services.close()
            settings.sync()
    assert len(recorder.received) == 1
    for handler in logging.getLogger().handlers:
        handler.flush()
    with psycopg.connect(postgres.url(), autocommit=True) as superuser:
        superuser.execute("CHECKPOINT")  # the WAL and the tables are on disk now

    assert_no_secret_anywhere(home, database, postgres, user)
    assert_the_search_sees_the_data(database, debug_log, Path(settings.fileName()), postgres, user)


def assert_no_secret_anywhere(
    home: Path, database: Path, postgres: TempPostgres, user: str
) -> None:
    wanted = needles(user)
    local = list(files_under(home))
    assert {database.name, "pm-desktop-backup.sqlite"} <= {p.name for p in local}
    assert secrets_in(local, wanted) == []
    assert postgres.root is not None
    assert secrets_in(files_under(postgres.root), wanted) == []  # data, WAL, server log


def assert_the_search_sees_the_data(
    database: Path, debug_log: Path, settings_file: Path, postgres: TempPostgres, user: str
) -> None:
    """Positive controls: the search reads what it should."""
    assert PROJECT_NAME.encode() in database.read_bytes() + _wal(database)
    log_text = debug_log.read_text(encoding="utf-8")
    assert "HTTP Request: POST" in log_text
    assert "/v1/push" in log_text
    assert user in settings_file.read_text(encoding="utf-8")
    assert postgres.root is not None
    assert any(
        user.encode() in p.read_bytes() for p in files_under(postgres.root / "data" / "base")
    )


def queue_minutes(services: Services, project_id: str, home: Path) -> None:
    """A meeting's minutes (a PDF in ~/Documents) queued for two people."""
    services.stakeholders.create(project_id, "王芳", title="CIO")
    meeting = services.meetings.create(
        project_id,
        MeetingType.WEEKLY_STATUS,
        "周例会",
        datetime(2026, 11, 23, 6, tzinfo=UTC),
    )
    pdf = home / "Documents" / "周例会纪要.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")
    services.outbox.queue(
        meeting.id,
        subject="【会议纪要】周例会",
        body="附件是会议纪要。",
        attachment=pdf,
        recipients=[To("李红梅", "li@client.example"), To("刘洋", "liu@qiming.example")],
    )


def set_up_mail(qtbot: QtBot, settings: QSettings, port: int, certs: Certificates) -> None:
    """Mail Settings as a user fills them in: a wrong password, refused by the connection
    test, then the right one, saved."""
    dialog = MailSettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText(HOST)
    dialog.security.setCurrentIndex(dialog.security.findData(SmtpSecurity.STARTTLS.value))
    dialog.port.setValue(port)
    dialog.user.setText(USER)
    dialog.from_address.setText("wang.lei@qiming.example")
    dialog.ca_file.setText(str(certs.ca_file))
    dialog.password.setText(WRONG_SMTP_PASSWORD)
    dialog.test_connection()
    assert "refused the login" in dialog.test_result.text()
    assert WRONG_SMTP_PASSWORD not in dialog.test_result.text()
    dialog.password.setText(PASSWORD)
    dialog.accept()


def _wal(database: Path) -> bytes:
    wal = database.with_name(database.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_the_bundle_holds_no_secret_and_no_user_data() -> None:
    """The built app (dist/pm-desktop, ``make bundle``) carries none of these secrets, no
    database and no settings file: a build must never pick up a developer's data."""
    bundle = REPO / "dist" / "pm-desktop"
    if not bundle.is_dir():
        pytest.skip("no dist/pm-desktop: the bundle is not built here (make bundle builds it)")
    files = list(files_under(bundle))
    assert secrets_in(files, needles("any-user")) == []
    for path in files:
        with path.open("rb") as head:
            start = head.read(16)
        assert start != b"SQLite format 3\0", f"a database in the bundle: {path}"
        if path.suffix in (".ini", ".conf", ".cfg"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "[sync]" not in text, path
            assert "[mail]" not in text, path
