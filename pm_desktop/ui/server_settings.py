"""What the mail and team-server settings dialogs share: a CA file chooser, the note shown
when the computer has no keyring, a place for refusals, and "Test Connection" run off the GUI
thread with its outcome shown in the dialog: a plain sentence, and the technical detail out of
the way (the sentence's tooltip and a "Details" disclosure)."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Iterator
from typing import Literal, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import PmError
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.style import ERROR, MUTED, SUCCESS, WARNING

T = TypeVar("T")
translate = QCoreApplication.translate

Failure = Literal[
    "dns", "lookup", "refused", "timeout", "disconnected", "tls_mode", "certificate", ""
]

# OpenSSL's reasons when one side speaks TLS and the other does not (yet): e.g. SSL/TLS chosen
# for a STARTTLS port, or https:// for a plain http server.
_NOT_TLS_REASONS = frozenset(
    {
        "WRONG_VERSION_NUMBER",
        "UNKNOWN_PROTOCOL",
        "HTTP_REQUEST",
        "HTTPS_PROXY_REQUEST",
        "PACKET_LENGTH_TOO_LONG",
        "RECORD_LAYER_FAILURE",
    }
)
# getaddrinfo's "no such name" (POSIX, then Windows' WSAHOST_NOT_FOUND and WSANO_DATA); its other
# errors (e.g. EAI_AGAIN) mean the name could not be looked up at all, as when offline.
_NO_SUCH_NAME = frozenset(
    code
    for code in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None), 11001, 11004)
    if code is not None
)


def error_chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and the errors behind it (its cause, or the one being handled when it rose)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def connection_failure(error: BaseException) -> Failure:
    """What went wrong underneath a connection error, as far as the standard library tells:
    "dns" (no such host name), "lookup" (names could not be looked up), "refused",
    "timeout", "disconnected" (the server closed or said nothing), "tls_mode" (TLS spoken to a
    server that does not speak it there), "certificate", or "" (none of these)."""
    for link in error_chain(error):
        failure = _failure_of(link)
        if failure:
            return failure
    return ""


def _failure_of(link: BaseException) -> Failure:
    import smtplib  # the standard library's; light

    kinds: list[tuple[type[BaseException], Failure]] = [
        (ConnectionRefusedError, "refused"),
        (ssl.SSLCertVerificationError, "certificate"),
        (smtplib.SMTPServerDisconnected, "disconnected"),
        (TimeoutError, "timeout"),
    ]
    if isinstance(link, socket.gaierror):
        return "dns" if link.errno in _NO_SUCH_NAME else "lookup"
    if isinstance(link, ssl.SSLError) and (link.reason or "") in _NOT_TLS_REASONS:
        return "tls_mode"
    return next((kind for cls, kind in kinds if isinstance(link, cls)), "")


def keyring_problem_text() -> str:
    """Why this computer's keyring cannot keep secrets, in the UI's language ("": it can)."""
    from pm_desktop.sync.credentials import keyring_unavailable  # the keyring: when used

    problem = keyring_unavailable()
    if problem is None:
        return ""
    if problem.kind == "missing":
        return translate("ServerSettings", "no keyring service runs on this computer")
    if problem.kind == "unsafe":
        return translate(
            "ServerSettings", "its keyring ({backend}) would keep secrets in plain files"
        ).format(backend=problem.detail)
    return translate("ServerSettings", "the keyring does not work: {error}").format(
        error=problem.detail or str(problem)
    )


class ServerSettingsDialog(QDialog):
    """Subclasses build their fields (with :meth:`ca_file_row`), then call :meth:`finish`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keyring_problem = keyring_problem_text()
        self._fitted_height = 0

    def ca_file_row(self) -> QHBoxLayout:
        """The CA file field (``self.ca_file``) with its Choose… button."""
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(
            translate("ServerSettings", "Optional: the company CA (PEM)")
        )
        browse = QPushButton(translate("ServerSettings", "Choose…"))
        browse.clicked.connect(self._choose_ca_file)
        row = QHBoxLayout()
        row.addWidget(self.ca_file, 1)
        row.addWidget(browse)
        return row

    def finish(self, form: QFormLayout, tls_note: str, keyring_note: str) -> None:
        """Lay out ``form``, the notes, the error line, Test Connection, OK and Cancel."""
        self.keyring_note = QLabel(keyring_note.format(reason=self.keyring_problem))
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(bool(self.keyring_problem))
        self.keyring_note.setStyleSheet(f"color: {WARNING.name()};")
        tls = QLabel(tls_note)
        tls.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet(f"color: {ERROR.name()};")
        self.error.setWordWrap(True)
        self.error.hide()
        self.test_button = QPushButton(translate("ServerSettings", "Test Connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tls)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addLayout(self._result_column(), 1)
        layout.addLayout(test_row)
        layout.addStretch(1)  # a taller dialog than its text needs: the room goes here
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _result_column(self) -> QVBoxLayout:
        """The test's outcome; under it, for a failure, "Details" opening the technical text."""
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.details_button = QToolButton()
        self.details_button.setObjectName("testDetailsButton")
        self.details_button.setText(translate("ServerSettings", "Details"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.toggled.connect(self._show_details)
        self.details_button.hide()
        self.test_details = QLabel()
        self.test_details.setObjectName("testDetails")
        self.test_details.setWordWrap(True)
        self.test_details.setTextFormat(Qt.TextFormat.PlainText)
        self.test_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_details.setStyleSheet(f"color: {MUTED.name()};")
        self.test_details.hide()
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.test_result)
        column.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.test_details)
        return column

    @Slot()
    def test_connection(self) -> None:
        raise NotImplementedError

    def start_test(self) -> None:
        """A new test: the last one's outcome and the last refusal go."""
        self.clear_test_result()
        self.error.hide()
        self.fit_height()

    def show_problem(self, text: str, widget: QWidget | None = None) -> None:
        """Refuse what was typed: ``text`` over the buttons (no older test result beside it),
        the focus in ``widget``."""
        self.clear_test_result()
        self.error.setText(text)
        self.error.show()
        if widget is not None:
            widget.setFocus()
        self.fit_height()

    def hide_problem(self) -> None:
        self.error.hide()
        self.fit_height()

    def clear_test_result(self) -> None:
        self._set_result("", "", "")

    def run_test(
        self,
        server: str,
        work: Callable[[], T],
        describe: Callable[[PmError], tuple[str, str]],
    ) -> T | None:
        """Run ``work`` off the GUI thread with a busy dialog; a refusal is shown (``describe``
        gives the sentence and the technical detail) and gives None, as does Cancel."""
        self._set_result(translate("ServerSettings", "Connecting…"), "", "")
        try:
            return run_in_background(
                self,
                translate("ServerSettings", "Connecting to {server}…").format(server=server),
                work,
            )
        except Cancelled:
            self._set_result(translate("ServerSettings", "Test cancelled."), "", "")
        except PmError as error:
            text, details = describe(error)
            self._set_result(text, details, f"color: {ERROR.name()};")
        return None

    def show_success(self, text: str) -> None:
        self._set_result(text, "", f"color: {SUCCESS.name()};")

    def _set_result(self, text: str, details: str, style: str) -> None:
        self.test_result.setStyleSheet(style)
        self.test_result.setText(text)
        self.test_result.setToolTip(details)
        self.test_details.setText(details)
        self.details_button.setChecked(False)
        self.details_button.setVisible(bool(details))
        self.fit_height()

    @Slot(bool)
    def _show_details(self, shown: bool) -> None:
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.test_details.setVisible(shown)
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as the wrapped texts need at this width, never squeezing the fields: taller
        when they need more; back to that when they need less, unless the user resized."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return  # showing the dialog sizes it to its texts
        layout.activate()
        needed = max(layout.totalHeightForWidth(self.width()), layout.totalMinimumSize().height())
        fitted = self.height() == self._fitted_height
        self.setMinimumHeight(needed)
        if fitted or self.height() < needed:
            self.resize(self.width(), needed)
            self._fitted_height = needed

    def showEvent(self, event: QShowEvent) -> None:
        """Shown at the height its texts need (until the user resizes it)."""
        super().showEvent(event)
        self._fitted_height = self.height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrower dialog wraps the texts into more lines: it may not get lower than that."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            layout = self.layout()
            if layout is not None and layout.hasHeightForWidth():
                self.setMinimumHeight(layout.totalHeightForWidth(event.size().width()))

    @Slot()
    def _choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("ServerSettings", "Choose the CA Certificate"),
            self.ca_file.text(),
            translate("ServerSettings", "Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)
