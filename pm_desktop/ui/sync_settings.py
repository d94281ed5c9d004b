"""The team server (hub) settings: URL, user and CA file in QSettings; the secret in the OS
keyring, or for this session only when the computer has no keyring. Never on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCollator, QCoreApplication, QSettings, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import PmError
from pm_desktop.ui.server_settings import (
    ServerSettingsDialog,
    connection_failure,
    keyring_problem_text,
)
from pm_desktop.ui.style import WARNING

if TYPE_CHECKING:
    from pm_desktop.sync.client import Hello, HubClient

# ``sync.client`` (httpx) and ``sync.credentials`` (the keyring) are imported when used:
# start-up never loads them (tests/unit/test_startup_imports.py).

GROUP = "sync"
HUB_SERVICE = "PM Desktop Hub"
translate = QCoreApplication.translate


@dataclass(frozen=True)
class HubSettings:
    """Where the team server is and who we are on it (the secret is kept apart)."""

    url: str
    user: str
    ca_file: str = ""

    @property
    def account(self) -> str:
        """The keyring account the secret is kept under."""
        return f"{self.user}@{self.url}"

    def client(self, secret: str, *, timeout: float = 30.0) -> HubClient:
        from pm_desktop.sync.client import HubClient

        return HubClient(
            self.url,
            self.user,
            secret,
            ca_file=Path(self.ca_file) if self.ca_file else None,
            timeout=timeout,
        )


def load_hub_settings(settings: QSettings) -> HubSettings | None:
    """The saved hub settings, None when no team server is set up."""
    settings.beginGroup(GROUP)
    try:
        url = str(settings.value("url", "", str))
        user = str(settings.value("user", "", str))
        if not url or not user:
            return None
        return HubSettings(url, user, str(settings.value("ca_file", "", str)))
    finally:
        settings.endGroup()


def save_hub_settings(settings: QSettings, hub: HubSettings) -> None:
    """Keep ``hub`` in QSettings (it holds no secret)."""
    settings.beginGroup(GROUP)
    settings.setValue("url", hub.url)
    settings.setValue("user", hub.user)
    settings.setValue("ca_file", hub.ca_file)
    settings.endGroup()
    settings.sync()


def secret_for(hub: HubSettings) -> str | None:
    """The secret from the keyring or this session; None when neither has it."""
    from pm_desktop.sync.credentials import lookup_secret

    return lookup_secret(HUB_SERVICE, hub.account)


def describe_sync_problem(code: str, detail: str) -> str:
    """What stopped a sync, in the UI language, then the technical detail."""
    messages = {
        "unauthorized": translate(
            "SyncSettings",
            "The team server refused the user name or secret: check them in Team Server settings.",
        ),
        "network": translate(
            "SyncSettings",
            "The team server could not be reached. Changes stay on this computer until it can.",
        ),
        "timeout": translate("SyncSettings", "The team server did not answer in time."),
        "tls": translate(
            "SyncSettings",
            "The team server's certificate could not be verified. If it uses a company "
            "certificate, choose its CA file in Team Server settings.",
        ),
        "not_a_hub": translate("SyncSettings", "The server at this address is not a team server."),
        "unavailable": translate(
            "SyncSettings", "The team server is busy or down: it will be tried again later."
        ),
        "client_too_old": translate(
            "SyncSettings", "This version of PM Desktop is too old for the team server: update it."
        ),
        "password": translate(
            "SyncSettings",
            "This computer does not know your team server secret: choose File > Sync Now "
            "to enter it.",
        ),
        "not_set_up": translate(
            "SyncSettings", "No team server is set up yet: open File > Team Server."
        ),
        "device_conflict": translate(
            "SyncSettings",
            "The team server has this database registered to another user: sync it with "
            "that user's account, or ask the team server's administrator.",
        ),
    }
    text = messages.get(code, translate("SyncSettings", "Syncing with the team server failed."))
    if detail:
        text += "\n" + translate("SyncSettings", "Details: {details}").format(details=detail)
    return text


def describe_test_problem(error: PmError, hub: HubSettings) -> tuple[str, str]:
    """Why a connection test from the Team Server dialog failed, in the UI language, and the
    technical detail (for the Details disclosure, not the sentence)."""
    code = getattr(error, "code", "")
    failure = connection_failure(error) if code in {"network", "timeout", "tls"} else ""
    parts = urlsplit(hub.url)
    if type(error) is PmError and hub.ca_file and isinstance(error.__cause__, OSError):
        # not the hub's answer (a SyncError) but the CA file that did not load (ssl.SSLError),
        # as run_in_background passes on an error that is not a PmError
        code = "ca_file"
    by_failure = {
        "dns": translate(
            "SyncSettings", "The server name {host} was not found: check the server address."
        ),
        "lookup": translate(
            "SyncSettings",
            "The server name {host} could not be looked up: check the network connection.",
        ),
        "refused": translate(
            "SyncSettings",
            "{address} refused the connection: check the server address and its port, and "
            "that the team server is running.",
        ),
        "tls_mode": translate(
            "SyncSettings",
            "The server at this address does not use https on this port: check the server "
            "address and its port.",
        ),
        "certificate": translate(
            "SyncSettings",
            "The team server's certificate could not be verified. If it uses a company "
            "certificate, choose its CA file.",
        ),
    }
    by_code = {
        "unauthorized": translate(
            "SyncSettings",
            "The team server refused the user name or secret: check them and test again.",
        ),
        "network": translate(
            "SyncSettings", "The team server could not be reached: check the network connection."
        ),
        "timeout": translate(
            "SyncSettings",
            "The team server did not answer in time: check the server address and the network "
            "connection.",
        ),
        "tls": by_failure["certificate"],
        "not_a_hub": translate(
            "SyncSettings",
            "The server at this address is not a team server: check the server address.",
        ),
        "unavailable": translate(
            "SyncSettings", "The team server is busy or down: try again later."
        ),
        "client_too_old": translate(
            "SyncSettings", "This version of PM Desktop is too old for the team server: update it."
        ),
        "ca_file": translate(
            "SyncSettings", "The CA file cannot be used: choose a CA certificate in PEM format."
        ),
        "schema_unknown": translate(
            "SyncSettings",
            "The team server is older than this PM Desktop: ask its administrator to update it.",
        ),
    }
    by_code["protocol_unknown"] = by_code["schema_unknown"]
    text = by_failure.get(failure) or by_code.get(
        code, translate("SyncSettings", "The connection test failed.")
    )
    return text.format(host=parts.hostname or hub.url, address=parts.netloc or hub.url), str(error)


class SyncSettingsDialog(ServerSettingsDialog):
    """Edit the team server settings, store the secret, and test the connection."""

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        project_names: dict[str, str] | None = None,
    ) -> None:
        """``project_names``: this computer's projects by id, to name the granted ones."""
        super().__init__(parent)
        self.setObjectName("syncSettings")
        self.project_names = dict(project_names or {})
        self.setWindowTitle(self.tr("Team Server"))
        self._settings = settings
        self.finish(
            self._build_fields(),
            self.tr("The connection's certificate is always checked; an https address is advised."),
            self.tr(
                "This computer has no keyring ({reason}). The secret is kept only until "
                "PM Desktop quits, and you will be asked for it again next time. It is never "
                "written to disk."
            ),
        )
        self._fill(load_hub_settings(settings))

    def _build_fields(self) -> QFormLayout:
        self.url = QLineEdit()
        self.url.setObjectName("hubUrl")
        self.url.setPlaceholderText("https://pm-hub.example.com")
        self.user = QLineEdit()
        self.user.setObjectName("hubUser")
        self.secret = QLineEdit()
        self.secret.setObjectName("hubSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        ca_row = self.ca_file_row()
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Secret:"), self.secret)
        form.addRow(self.tr("CA file:"), ca_row)
        return form

    def _fill(self, hub: HubSettings | None) -> None:
        if hub is None:
            return
        self.url.setText(hub.url)
        self.user.setText(hub.user)
        self.ca_file.setText(hub.ca_file)
        if secret_for(hub):
            self.secret.setPlaceholderText(self.tr("Saved (type to change)"))

    def hub_settings(self) -> HubSettings | None:
        """The settings as typed, or None (with the problem shown) when they are incomplete."""
        url = self.url.text().strip().rstrip("/")
        user = self.user.text().strip()
        ca_file = self.ca_file.text().strip()
        problem, widget = "", None
        if not url.startswith(("https://", "http://")):
            problem = self.tr("Enter the server address, starting with https://.")
            widget = self.url
        elif not user:
            problem, widget = self.tr("Enter your user name on the team server."), self.user
        elif ca_file and not Path(ca_file).is_file():
            problem, widget = self.tr("The CA file does not exist."), self.ca_file
        if widget is not None:
            self.show_problem(problem, widget)
            return None
        self.hide_problem()
        return HubSettings(url, user, ca_file)

    @Slot()
    def test_connection(self) -> None:
        """Say hello to the hub off the GUI thread, with a busy dialog; show the outcome."""
        self.start_test()
        hub = self.hub_settings()
        if hub is None:
            return
        secret = self.secret.text().strip() or secret_for(hub) or ""
        if not secret:
            self.show_problem(self.tr("Enter the secret."), self.secret)
            return
        hello = self.run_test(
            hub.url,
            lambda: _hello(hub, secret),
            lambda error: describe_test_problem(error, hub),
        )
        if hello is not None:
            self.show_success(self._describe_hello(hello))

    def _describe_hello(self, hello: Hello) -> str:
        """Who the hub says we are, and the projects it shares: by name, in the UI language's
        order; those this computer does not have yet (the next sync brings them) counted."""
        known = [self.project_names[p] for p in hello.projects if p in self.project_names]
        unknown = len(hello.projects) - len(known)
        collator = QCollator()
        collator.setNumericMode(True)
        names = self.tr(", ", "between the names of projects").join(
            sorted(known, key=collator.sortKey)
        )
        if known and unknown:
            text = self.tr(
                "Connected as {user}. Projects shared with you: {projects}, and %n project(s) "
                "not yet on this computer.",
                "",
                unknown,
            )
        elif known:
            text = self.tr("Connected as {user}. Projects shared with you: {projects}.")
        elif unknown:
            text = self.tr(
                "Connected as {user}. Shared with you: %n project(s) not yet on this computer.",
                "",
                unknown,
            )
        else:
            text = self.tr("Connected as {user}. No project is shared with you yet.")
        return text.format(user=hello.user, projects=names)

    def accept(self) -> None:
        """Save the settings and the secret (keyring, else this session); stay open on bad
        input."""
        from pm_desktop.sync.credentials import store_secret

        hub = self.hub_settings()
        if hub is None:
            return
        save_hub_settings(self._settings, hub)
        if secret := self.secret.text().strip():
            store_secret(HUB_SERVICE, hub.account, secret)
        self.secret.clear()
        super().accept()


def _hello(hub: HubSettings, secret: str) -> Hello:
    with hub.client(secret, timeout=15.0) as client:
        return client.hello()


class SecretDialog(QDialog):
    """Ask for the team server secret this computer does not know; on OK it is kept in the
    keyring ("Remember" ticked, and a keyring works) or for this session only."""

    def __init__(self, hub: HubSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubSecretDialog")
        self.setWindowTitle(self.tr("Team Server Secret"))
        self.hub = hub
        problem = keyring_problem_text()
        prompt = QLabel(
            self.tr("Enter the secret of {user} on {url} to sync:").format(
                user=hub.user, url=hub.url
            )
        )
        prompt.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setObjectName("hubSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember in the keyring"))
        self.remember.setObjectName("rememberSecret")
        self.remember.setChecked(not problem)
        self.remember.setVisible(not problem)
        self.note = QLabel(
            self.tr(
                "This computer has no keyring ({reason}). The secret is kept only until "
                "PM Desktop quits, and is never written to disk."
            ).format(reason=problem)
        )
        self.note.setObjectName("keyringNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {WARNING.name()};")
        self.note.setVisible(bool(problem))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sync"))
        ok.setEnabled(False)
        self.secret.textChanged.connect(lambda text: ok.setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.secret)
        layout.addWidget(self.remember)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        """Keep the secret as chosen (never on disk), then close."""
        from pm_desktop.sync.credentials import SESSION, store_secret

        text = self.secret.text().strip()
        if not text:
            return
        if self.remember.isVisible() and self.remember.isChecked():
            store_secret(HUB_SERVICE, self.hub.account, text)  # the session if the keyring fails
        else:
            SESSION.set(HUB_SERVICE, self.hub.account, text)
        super().accept()


def ask_hub_secret(hub: HubSettings, parent: QWidget | None = None) -> str | None:
    """Ask for the secret of ``hub`` (kept as the user chose); None when the user cancels."""
    dialog = SecretDialog(hub, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.secret.text().strip()
    finally:
        dialog.secret.clear()
        dialog.deleteLater()
