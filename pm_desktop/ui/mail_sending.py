"""When the outbox is sent: on "Send now", when the network comes back, and every few minutes.

"Send now" waits with a busy dialog (and asks for a password it does not know); automatic
sending runs in a thread without a dialog and never asks. Either reports by ``finished``.
Cheap to import and build: the keyring and smtplib load only when mail is set up and sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.core.outbox import SendReport, SmtpSettings
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.mail_settings import MailSettingsDialog, load_smtp_settings, password_for
from pm_desktop.ui.relay import Relay

if TYPE_CHECKING:
    from pm_desktop.services.container import Services

AUTO_SEND_MS = 2 * 60 * 1000


class MailSender(QObject):
    """Sends this device's outbox through the SMTP server in the settings."""

    finished = Signal(object)  # the SendReport of a run
    networkChanged = Signal(str)  # "online", "offline" or "unknown", as on_network heard it

    def __init__(
        self,
        services: Callable[[], Services],
        settings: QSettings,
        parent: QObject | None = None,
        *,
        is_ready: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._is_ready = is_ready
        self._running = False
        self.network = "unknown"
        """The network's state as last heard by :meth:`on_network`."""
        self._done = Relay(self)  # the thread reports here, never holding the sender
        self._done.delivered.connect(self._finish)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SEND_MS)
        self.timer.timeout.connect(self.send_automatically)

    @property
    def running(self) -> bool:
        return self._running

    @Slot(str)
    def on_network(self, state: str) -> None:
        """Send when the network comes back."""
        if state != self.network:
            self.network = state
            self.networkChanged.emit(state)
        if state == "online":
            self.send_automatically()

    @Slot()
    def send_automatically(self) -> bool:
        """Start a run in a thread if mail is set up and its password known; True if started."""
        smtp = load_smtp_settings(self._settings)
        if self._running or not self._is_ready() or smtp is None:
            return False
        password = password_for(smtp)
        if password is None:
            self.finished.emit(SendReport(problem="password"))
            return False
        services = self._services()
        self._running = True
        threading.Thread(
            target=_send_in_thread,
            args=(services, smtp, password, self._done.post),
            name="mail-outbox",
            daemon=True,
        ).start()
        return True

    @Slot(object)
    def _finish(self, report: SendReport) -> None:
        self._running = False
        self.finished.emit(report)

    def send_now(self, parent: QWidget | None) -> SendReport | None:
        """Send every waiting recipient now, even those waiting for their retry delay, with a
        busy dialog, asking for what is missing; None when the user gave up."""
        smtp = load_smtp_settings(self._settings)
        if smtp is None:
            smtp = self._set_up(parent)
            if smtp is None:
                return None
        password = password_for(smtp)
        if password is None:
            password = self._ask_password(parent, smtp)
            if password is None:
                return None
        services = self._services()
        self._running = True
        try:
            report = run_in_background(
                parent,
                self.tr("Sending mail…"),
                lambda: _send(services, smtp, password, everything=True),
            )
        except Cancelled:
            return None
        except PmError as error:
            report = SendReport(problem="storage", detail=str(error))
        finally:
            self._running = False
        self.finished.emit(report)
        return report

    def _set_up(self, parent: QWidget | None) -> SmtpSettings | None:
        answer = QMessageBox.question(
            parent,
            self.tr("Mail Settings"),
            self.tr("Mail is not set up yet. Set up the mail server now?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        if MailSettingsDialog(self._settings, parent).exec() != QDialog.DialogCode.Accepted:
            return None
        return load_smtp_settings(self._settings)

    def _ask_password(self, parent: QWidget | None, smtp: SmtpSettings) -> str | None:
        from pm_desktop.sync.credentials import SMTP_SERVICE, keyring_problem, store_secret

        note = ""
        if keyring_problem():
            note = "\n\n" + self.tr(
                "This computer has no keyring: the password is kept only until PM Desktop "
                "quits, never on disk."
            )
        text, ok = QInputDialog.getText(
            parent,
            self.tr("Mail Password"),
            self.tr("Password of {user} on {host}:").format(user=smtp.user, host=smtp.host) + note,
            QLineEdit.EchoMode.Password,
        )
        if not ok or not text:
            return None
        store_secret(SMTP_SERVICE, smtp.account, text)
        return text


def _send(
    services: Services, smtp: SmtpSettings, password: str, *, everything: bool = False
) -> SendReport:
    from pm_desktop.sync.mailer import send_due

    return send_due(
        services.outbox,
        smtp,
        password,
        device_id=services.store.device_id,
        everything=everything,
    )


def _send_in_thread(
    services: Services, smtp: SmtpSettings, password: str, report: Callable[[object], None]
) -> None:
    """An automatic run, in its thread; always reports a SendReport."""
    try:
        outcome = _send(services, smtp, password)
    except PmError as error:  # the database failed: nothing more was recorded
        outcome = SendReport(problem="storage", detail=str(error))
    except Exception as error:  # never leave the sender stuck "running"
        outcome = SendReport(problem="error", detail=str(error))
    report(outcome)
