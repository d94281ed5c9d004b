"""What the mail and team-server settings dialogs share: a CA file chooser, the note shown
when the computer has no keyring, a place for refusals, and "Test Connection" run off the GUI
thread with its outcome shown in the dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import PmError
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.style import ERROR, SUCCESS, WARNING

T = TypeVar("T")
translate = QCoreApplication.translate


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
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
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
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @Slot()
    def test_connection(self) -> None:
        raise NotImplementedError

    def run_test(
        self, server: str, work: Callable[[], T], describe: Callable[[PmError], str]
    ) -> T | None:
        """Run ``work`` off the GUI thread with a busy dialog; a refusal is shown (by
        ``describe``) and gives None, as does Cancel."""
        self.test_result.setStyleSheet("")
        self.test_result.setText(translate("ServerSettings", "Connecting…"))
        try:
            return run_in_background(
                self,
                translate("ServerSettings", "Connecting to {server}…").format(server=server),
                work,
            )
        except Cancelled:
            self.test_result.setText(translate("ServerSettings", "Test cancelled."))
        except PmError as error:
            self.test_result.setStyleSheet(f"color: {ERROR.name()};")
            self.test_result.setText(describe(error))
        return None

    def show_success(self, text: str) -> None:
        self.test_result.setStyleSheet(f"color: {SUCCESS.name()};")
        self.test_result.setText(text)

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
