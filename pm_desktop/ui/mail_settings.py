"""The mail (SMTP) settings: server, security, user and sender in QSettings; the password in the
OS keyring, or for this session only when the computer has no keyring. Never on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.outbox import DEFAULT_PORTS, SmtpSecurity, SmtpSettings, check_smtp_settings
from pm_desktop.ui.server_settings import ServerSettingsDialog, connection_failure

# ``sync.credentials`` (the keyring) and ``sync.mailer`` (smtplib, ssl) are imported when used:
# start-up never loads them (tests/unit/test_startup_imports.py).

GROUP = "mail"
TEST_TIMEOUT_S = 15.0
"""How long a connection test waits for the server (a server that says nothing on a port
meant for SSL/TLS keeps a STARTTLS test waiting this long)."""
translate = QCoreApplication.translate


def load_smtp_settings(settings: QSettings) -> SmtpSettings | None:
    """The saved SMTP settings, None when mail is not set up (no host)."""
    settings.beginGroup(GROUP)
    try:
        host = str(settings.value("host", "", str))
        if not host:
            return None
        security = str(settings.value("security", SmtpSecurity.STARTTLS.value, str))
        return SmtpSettings(
            host=host,
            port=int(settings.value("port", 587, int)),  # type: ignore[call-overload]
            security=SmtpSecurity(security)
            if security in set(SmtpSecurity)
            else SmtpSecurity.STARTTLS,
            user=str(settings.value("user", "", str)),
            from_address=str(settings.value("from", "", str)),
            ca_file=str(settings.value("ca_file", "", str)),
        )
    finally:
        settings.endGroup()


def save_smtp_settings(settings: QSettings, smtp: SmtpSettings) -> None:
    """Keep ``smtp`` in QSettings (it holds no secret)."""
    settings.beginGroup(GROUP)
    settings.setValue("host", smtp.host)
    settings.setValue("port", smtp.port)
    settings.setValue("security", smtp.security.value)
    settings.setValue("user", smtp.user)
    settings.setValue("from", smtp.from_address)
    settings.setValue("ca_file", smtp.ca_file)
    settings.endGroup()
    settings.sync()


def password_for(smtp: SmtpSettings) -> str | None:
    """The password from the keyring or this session; "" when the server needs no login."""
    from pm_desktop.sync.credentials import SMTP_SERVICE, lookup_secret

    if not smtp.user:
        return ""
    return lookup_secret(SMTP_SERVICE, smtp.account)


def describe_mail_problem(code: str, detail: str, reply: str = "") -> str:
    """What stopped a sending run, in the UI language, then the server's reply (or, when it
    said nothing, the technical detail)."""
    messages = {
        "auth": translate(
            "MailSettings",
            "The SMTP server refused the login: check the user and password in Mail Settings. "
            "Nothing was sent; every message stays in the outbox for later.",
        ),
        "tls": translate(
            "MailSettings",
            "The secure connection to the mail server failed. If the server uses a company "
            "certificate, choose its CA file in Mail Settings. Nothing was sent.",
        ),
        "starttls": translate(
            "MailSettings",
            "The mail server does not offer STARTTLS, and mail is never sent unencrypted. "
            "Try SSL/TLS (usually port 465) in Mail Settings.",
        ),
        "connect": translate(
            "MailSettings",
            "The mail server could not be reached. The outbox will try again later.",
        ),
        "sender": translate(
            "MailSettings",
            "The mail server refused the sender address. Check it in Mail Settings.",
        ),
        "busy": translate("MailSettings", "Mail is already being sent."),
        "password": translate("MailSettings", "Enter the mail password to send the outbox."),
        "not_set_up": translate("MailSettings", "Mail is not set up yet: open Mail Settings."),
    }
    text = messages.get(code, translate("MailSettings", "Mail could not be sent."))
    if reply:
        text += "\n" + translate("MailSettings", "The server said: {reply}").format(reply=reply)
    elif detail:
        text += "\n" + translate("MailSettings", "Details: {details}").format(details=detail)
    return text


def describe_test_problem(error: PmError, smtp: SmtpSettings) -> tuple[str, str]:
    """Why a connection test from Mail Settings failed, in the UI language, and the technical
    detail (for the Details disclosure, not the sentence)."""
    code = getattr(error, "code", "")
    failure = connection_failure(error)
    texts = {
        "auth": translate(
            "MailSettings", "The SMTP server refused the login: check the user and password."
        ),
        "ca_file": translate(
            "MailSettings", "The CA file cannot be used: choose a CA certificate in PEM format."
        ),
        "tls": translate("MailSettings", "The secure connection to the mail server failed."),
        "certificate": translate(
            "MailSettings",
            "The mail server's certificate could not be verified. If the server uses a company "
            "certificate, choose its CA file.",
        ),
        "starttls": translate(
            "MailSettings",
            "The mail server does not offer STARTTLS, and mail is never sent unencrypted: "
            "choose SSL/TLS (usually port 465).",
        ),
        "ssl_on_plain": translate(
            "MailSettings",
            "Port {port} does not use SSL/TLS: choose STARTTLS (usually port 587), or the "
            "server's SSL/TLS port (usually 465).",
        ),
        "plain_on_ssl": translate(
            "MailSettings",
            "The mail server did not answer on port {port} as STARTTLS expects. If this port "
            "uses SSL/TLS (usually 465), choose SSL/TLS; STARTTLS usually uses port 587.",
        ),
        "dns": translate(
            "MailSettings", "The mail server {host} was not found: check the SMTP server name."
        ),
        "lookup": translate(
            "MailSettings",
            "The mail server {host} could not be looked up: check the network connection.",
        ),
        "refused": translate(
            "MailSettings",
            "{host} refused the connection on port {port}: check the port and the SMTP server "
            "name.",
        ),
        "timeout": translate(
            "MailSettings",
            "The mail server did not answer in time: check the SMTP server name, the port and "
            "the network connection.",
        ),
        "connect": translate(
            "MailSettings", "The mail server could not be reached: check the network connection."
        ),
        "smtp": translate("MailSettings", "The mail server refused the session: see the details."),
    }
    # mailer raises a connection's errors "from None"; the CA file's failure "from" its error
    ca_file_failed = code == "tls" and error.__cause__ is not None
    key = _test_problem_key(code, failure, smtp.security, ca_file_failed=ca_file_failed)
    text = texts.get(key, translate("MailSettings", "The connection test failed."))
    return text.format(host=smtp.host, port=smtp.port), str(error)


def _test_problem_key(
    code: str, failure: str, security: SmtpSecurity, *, ca_file_failed: bool
) -> str:
    """Which of ``describe_test_problem``'s sentences fits."""
    if ca_file_failed:
        return "ca_file"
    if failure == "tls_mode" and security == SmtpSecurity.SSL:
        return "ssl_on_plain"
    if failure == "disconnected" and security == SmtpSecurity.STARTTLS:
        return "plain_on_ssl"
    if code in {"tls", "connect"} and failure in {"certificate", "dns", "lookup", "refused"}:
        return failure
    if code == "connect" and failure in {"timeout", "disconnected"}:
        return "timeout"
    return code


class MailSettingsDialog(ServerSettingsDialog):
    """Edit the SMTP settings, store the password, and test the connection."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailSettings")
        self.setWindowTitle(self.tr("Mail Settings"))
        self._settings = settings
        self.finish(
            self._build_fields(),
            self.tr("Mail is always encrypted and the server's certificate checked."),
            self.tr(
                "This computer has no keyring ({reason}). The password is kept only until "
                "PM Desktop quits, and you will be asked for it again next time. It is never "
                "written to disk."
            ),
        )
        self._fill(load_smtp_settings(settings))

    def _build_fields(self) -> QFormLayout:
        self.host = QLineEdit()
        self.host.setPlaceholderText("smtp.example.com")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS (usually port 587)"), SmtpSecurity.STARTTLS.value)
        self.security.addItem(self.tr("SSL/TLS (usually port 465)"), SmtpSecurity.SSL.value)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.user = QLineEdit()
        self.from_address = QLineEdit()
        self.from_address.setPlaceholderText("name@example.com")
        ca_row = self.ca_file_row()
        self.password = QLineEdit()
        self.password.setObjectName("mailPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("SMTP server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Security:"), self.security)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("From address:"), self.from_address)
        form.addRow(self.tr("CA file:"), ca_row)
        return form

    def _fill(self, smtp: SmtpSettings | None) -> None:
        if smtp is None:
            self.port.setValue(DEFAULT_PORTS[SmtpSecurity.STARTTLS])
            return
        self.host.setText(smtp.host)
        self.security.setCurrentIndex(self.security.findData(smtp.security.value))
        self.port.setValue(smtp.port)
        self.user.setText(smtp.user)
        self.from_address.setText(smtp.from_address)
        self.ca_file.setText(smtp.ca_file)
        if password_for(smtp):
            self.password.setPlaceholderText(self.tr("Saved (type to change)"))

    @Slot(int)
    def _security_changed(self, _index: int) -> None:
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[SmtpSecurity(self.security.currentData())])

    def smtp_settings(self) -> SmtpSettings:
        """The settings as typed, checked; raises ValidationError naming the field."""
        return check_smtp_settings(
            SmtpSettings(
                host=self.host.text(),
                port=self.port.value(),
                security=SmtpSecurity(self.security.currentData()),
                user=self.user.text(),
                from_address=self.from_address.text(),
                ca_file=self.ca_file.text(),
            )
        )

    def _checked(self) -> SmtpSettings | None:
        try:
            smtp = self.smtp_settings()
        except ValidationError as error:
            self._show_error(error)
            return None
        if smtp.ca_file and not Path(smtp.ca_file).is_file():
            self.show_problem(self.tr("The CA file does not exist."), self.ca_file)
            return None
        self.hide_problem()
        return smtp

    def _show_error(self, error: ValidationError) -> None:
        fields = {"host": self.host, "port": self.port, "address": self.from_address}
        messages = {
            "host": self.tr("Enter the SMTP server's host name."),
            "port": self.tr("The port must be between 1 and 65535."),
            "address": self.tr("The from address is not an e-mail address."),
        }
        self.show_problem(
            messages.get(error.field or "", str(error)), fields.get(error.field or "")
        )

    @Slot()
    def test_connection(self) -> None:
        """Connect and log in off the GUI thread, with a busy dialog; show the outcome."""
        from pm_desktop.sync.mailer import check_login

        self.start_test()
        smtp = self._checked()
        if smtp is None:
            return
        password = self.password.text() or password_for(smtp) or ""
        if smtp.user and not password:
            self.show_problem(self.tr("Enter the password."), self.password)
            return
        worked = self.run_test(
            smtp.host,
            lambda: _logged_in(check_login, smtp, password),
            lambda error: describe_test_problem(error, smtp),
        )
        if worked:
            self.show_success(self.tr("Connected and logged in: the settings work."))

    def accept(self) -> None:
        """Save the settings and the password (keyring, else this session); stay open on bad
        input."""
        from pm_desktop.sync.credentials import SMTP_SERVICE, store_secret

        smtp = self._checked()
        if smtp is None:
            return
        save_smtp_settings(self._settings, smtp)
        if self.password.text() and smtp.user:
            store_secret(SMTP_SERVICE, smtp.account, self.password.text())
        self.password.clear()
        super().accept()


def _logged_in(check: Callable[..., None], smtp: SmtpSettings, password: str) -> bool:
    """True once ``check`` logged in (it raises when the server refuses)."""
    check(smtp, password, timeout=TEST_TIMEOUT_S)
    return True
