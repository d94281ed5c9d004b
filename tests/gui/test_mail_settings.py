"""The mail settings dialog: fields in QSettings, the password in the keyring (or this session
only when there is none), and a connection test against a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pm_desktop.core.outbox import SmtpSecurity, SmtpSettings
from pm_desktop.sync.credentials import SESSION, SMTP_SERVICE
from pm_desktop.ui.mail_settings import MailSettingsDialog, load_smtp_settings, save_smtp_settings
from tests.mail_server import (
    HOST,
    PASSWORD,
    USER,
    Authenticator,
    Certificates,
    MemoryKeyring,
    Recorder,
    keyring_backend,
    make_certificates,
    smtp_server,
)

FROM = "wang.lei@qiming.example"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certs"))


def open_dialog(qtbot: QtBot, settings: QSettings) -> MailSettingsDialog:
    dialog = MailSettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(dialog: MailSettingsDialog, port: int = 587, ca_file: str = "") -> None:
    dialog.host.setText(HOST)
    dialog.security.setCurrentIndex(dialog.security.findData(SmtpSecurity.STARTTLS.value))
    dialog.port.setValue(port)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.from_address.setText(FROM)
    dialog.ca_file.setText(ca_file)


def test_settings_go_to_qsettings_and_the_password_to_the_keyring(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, settings)
    assert not dialog.keyring_note.isVisible()
    fill(dialog)
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = load_smtp_settings(settings)
    assert saved == SmtpSettings(HOST, 587, SmtpSecurity.STARTTLS, USER, FROM, "")
    assert memory_keyring.secrets == {(SMTP_SERVICE, saved.account): PASSWORD}
    assert PASSWORD.encode() not in (tmp_path / "settings.ini").read_bytes()
    assert dialog.password.text() == ""

    again = open_dialog(qtbot, settings)
    assert again.host.text() == HOST
    assert again.password.text() == ""
    assert again.password.placeholderText() == "Saved (type to change)"


def test_choosing_ssl_moves_a_default_port(qtbot: QtBot, settings: QSettings) -> None:
    with keyring_backend(MemoryKeyring()):
        dialog = open_dialog(qtbot, settings)
    assert dialog.port.value() == 587
    dialog.security.setCurrentIndex(dialog.security.findData(SmtpSecurity.SSL.value))
    assert dialog.port.value() == 465
    dialog.port.setValue(2525)
    dialog.security.setCurrentIndex(dialog.security.findData(SmtpSecurity.STARTTLS.value))
    assert dialog.port.value() == 2525


def test_bad_input_is_named_and_nothing_is_saved(
    qtbot: QtBot, settings: QSettings, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, settings)
    fill(dialog)
    dialog.from_address.setText("wang.lei")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The from address is not an e-mail address."
    assert load_smtp_settings(settings) is None
    assert memory_keyring.secrets == {}


def test_without_a_keyring_the_dialog_says_so_and_keeps_the_password_in_memory(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    with keyring_backend(fail.Keyring()):
        dialog = open_dialog(qtbot, settings)
        assert dialog.keyring_note.isVisible()
        assert "kept only until PM Desktop quits" in dialog.keyring_note.text()
        fill(dialog)
        dialog.accept()
        saved = load_smtp_settings(settings)
        assert saved is not None
        assert SESSION.get(SMTP_SERVICE, saved.account) == PASSWORD
    assert SESSION.get(SMTP_SERVICE, saved.account) is None  # gone with the session
    assert not any(PASSWORD.encode() in f.read_bytes() for f in tmp_path.rglob("*") if f.is_file())


def test_the_connection_test_logs_in_off_the_gui_thread(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    with smtp_server(certs, Recorder()) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port, str(certs.ca_file))
        dialog.test_connection()
        assert dialog.test_result.text() == "Connected and logged in: the settings work."

        dialog.password.setText("wrong")
        dialog.test_connection()
        assert dialog.test_result.text().startswith("The SMTP server refused the login")
        assert load_smtp_settings(settings) is None  # a test saves nothing


def test_the_connection_test_explains_an_unverified_certificate(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    with smtp_server(certs, Recorder(), authenticator=Authenticator()) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port)
        dialog.test_connection()
    assert "choose its CA file" in dialog.test_result.text()
    assert "could not be verified" in dialog.test_result.text()


def test_saved_settings_round_trip(settings: QSettings) -> None:
    smtp = SmtpSettings("smtp.qiming.example", 465, SmtpSecurity.SSL, USER, FROM, "/etc/ca.pem")
    save_smtp_settings(settings, smtp)
    assert load_smtp_settings(settings) == smtp
