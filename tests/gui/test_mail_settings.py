"""The mail settings dialog: fields in QSettings, the password in the keyring (or this session
only when there is none), and a connection test against a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from pm_desktop.core.outbox import SmtpSecurity, SmtpSettings
from pm_desktop.sync.credentials import SESSION, SMTP_SERVICE
from pm_desktop.ui import mail_settings
from pm_desktop.ui.mail_settings import MailSettingsDialog, load_smtp_settings, save_smtp_settings
from tests.mail_server import (
    HOST,
    PASSWORD,
    USER,
    Authenticator,
    Certificates,
    MemoryKeyring,
    Recorder,
    free_port,
    keyring_backend,
    make_certificates,
    smtp_server,
)
from tests.settings_dialogs import assert_details_out_of_the_way, unknown_host

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
    with keyring_backend(fail.Keyring()):  # type: ignore[no-untyped-call]
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


# --- what a failed test says, and where --------------------------------------------------


@pytest.fixture
def no_such_host(monkeypatch: pytest.MonkeyPatch) -> str:
    return unknown_host(monkeypatch, "smtp.qiming.invalid")


def assert_nothing_squeezed(dialog: MailSettingsDialog) -> None:
    """Every field has its full height, and the texts the lines they wrap into."""
    QApplication.processEvents()
    for field in (dialog.host, dialog.port, dialog.security, dialog.user, dialog.password):
        assert field.height() >= field.sizeHint().height(), field
    for label in (dialog.test_result, dialog.test_details, dialog.error):
        if label.isVisible():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_ssl_on_a_starttls_port_advises_the_security_or_the_port_not_a_ca_file(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    with smtp_server(certs, Recorder()) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port, str(certs.ca_file))
        dialog.security.setCurrentIndex(dialog.security.findData(SmtpSecurity.SSL.value))
        dialog.port.setValue(port)
        dialog.test_connection()
    assert dialog.test_result.text() == (
        f"Port {port} does not use SSL/TLS: choose STARTTLS (usually port 587), or the "
        "server's SSL/TLS port (usually 465)."
    )
    assert "CA file" not in dialog.test_result.text()
    assert_details_out_of_the_way(dialog, "WRONG_VERSION_NUMBER")
    assert_nothing_squeezed(dialog)


def test_starttls_on_an_ssl_port_advises_ssl(
    qtbot: QtBot,
    settings: QSettings,
    certs: Certificates,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mail_settings, "TEST_TIMEOUT_S", 1.0)  # the server waits for TLS
    with smtp_server(certs, Recorder(), implicit_tls=True) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port, str(certs.ca_file))
        dialog.test_connection()
    assert dialog.test_result.text() == (
        f"The mail server did not answer on port {port} as STARTTLS expects. If this port "
        "uses SSL/TLS (usually 465), choose SSL/TLS; STARTTLS usually uses port 587."
    )
    assert_details_out_of_the_way(dialog, "timed out")


def test_an_unknown_host_name_is_named_and_a_closed_port_too(
    qtbot: QtBot, settings: QSettings, no_such_host: str, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, settings)
    fill(dialog)
    dialog.host.setText(no_such_host)
    dialog.test_connection()
    assert dialog.test_result.text() == (
        "The mail server smtp.qiming.invalid was not found: check the SMTP server name."
    )
    assert "network" not in dialog.test_result.text()
    assert_details_out_of_the_way(dialog, "Name or service not known")

    closed = free_port()
    dialog.host.setText(HOST)
    dialog.port.setValue(closed)
    dialog.test_connection()
    assert dialog.test_result.text() == (
        f"{HOST} refused the connection on port {closed}: check the port and the SMTP server name."
    )
    assert dialog.test_details.isHidden()  # a new result starts with its details closed
    assert_details_out_of_the_way(dialog, "Connection refused")


def test_the_result_of_a_test_speaks_of_the_test_not_of_the_outbox(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    with smtp_server(certs, Recorder()) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port, str(certs.ca_file))
        dialog.password.setText("wrong")
        dialog.test_connection()
    assert dialog.test_result.text() == (
        "The SMTP server refused the login: check the user and password."
    )
    assert "535" in dialog.test_result.toolTip()  # the server's words, behind Details


def test_a_new_test_or_a_refusal_clears_the_last_result(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    with smtp_server(certs, Recorder()) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port, str(certs.ca_file))
        dialog.password.setText("wrong")
        dialog.test_connection()
        assert dialog.test_result.text().startswith("The SMTP server refused the login")

        dialog.from_address.setText("wang.lei")
        dialog.test_connection()
        assert dialog.error.text() == "The from address is not an e-mail address."
        assert dialog.test_result.text() == ""
        assert dialog.details_button.isHidden()

        dialog.from_address.setText(FROM)
        dialog.password.setText(PASSWORD)
        dialog.test_connection()
        assert dialog.error.isHidden()
        assert dialog.test_result.text() == "Connected and logged in: the settings work."
        assert dialog.details_button.isHidden()

        dialog.ca_file.setText(str(certs.ca_file) + ".missing")
        dialog.accept()  # OK refuses it too, and the success no longer stands beside it
        assert dialog.isVisible()
        assert dialog.error.text() == "The CA file does not exist."
        assert dialog.test_result.text() == ""


def test_an_empty_password_is_asked_for_before_connecting(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    authenticator = Authenticator()
    with smtp_server(certs, Recorder(), authenticator=authenticator) as port:
        dialog = open_dialog(qtbot, settings)
        fill(dialog, port, str(certs.ca_file))
        dialog.password.clear()
        dialog.test_connection()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Enter the password."
    assert dialog.focusWidget() is dialog.password
    assert dialog.test_result.text() == ""
    assert authenticator.tries == 0


def test_a_long_message_makes_the_dialog_taller_and_a_short_one_lower_again(
    qtbot: QtBot, settings: QSettings, certs: Certificates, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, settings)
    shown_height = dialog.height()
    dialog.show_success("Connected " * 60)
    assert dialog.height() > shown_height
    assert_nothing_squeezed(dialog)
    dialog.show_success("Connected.")
    assert dialog.height() <= shown_height
    assert_nothing_squeezed(dialog)
