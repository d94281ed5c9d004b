"""The team server UI against a real hub: the settings dialog (secret in the keyring, a
connection test) and the main window's sync runner (push, pull, a hub that is down).

``PM_UI_SHOTS=<dir>`` saves the dialog and the status bar as PNGs there, to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.credentials import SESSION, store_secret
from pm_desktop.sync.engine import sync_once
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.sync_settings import (
    HUB_SERVICE,
    HubSettings,
    SyncSettingsDialog,
    load_hub_settings,
    save_hub_settings,
)
from tests.hub.conftest import UserFactory, new_project
from tests.hub.hubserver import HubThread
from tests.hub.postgres import free_port
from tests.mail_server import MemoryKeyring, keyring_backend

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Services]:
    """This computer's database: a new file, so a device id of its own (the hub remembers
    every device's operation numbers)."""
    services = Services.open(tmp_path / "desk.sqlite")
    yield services
    services.close()


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("PM_UI_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()  # the status bar lays its labels out again
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))


def open_dialog(qtbot: QtBot, settings: QSettings, **options: Any) -> SyncSettingsDialog:
    dialog = SyncSettingsDialog(settings, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_connection_test_names_the_granted_project_and_the_secret_goes_to_the_keyring(
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    project = new_project()
    name, secret = make_user(project)
    dialog = open_dialog(qtbot, settings, project_names={project: "Line 3 retrofit"})
    assert dialog.keyring_note.isHidden()
    dialog.url.setText(hub.url + "/")
    dialog.user.setText(name)
    dialog.secret.setText(secret)

    dialog.test_connection()  # waits in a local event loop; the request runs in a thread

    assert f"Connected as {name}." in dialog.test_result.text()
    assert "Line 3 retrofit" in dialog.test_result.text()
    shot(dialog, "sync_settings_ok")
    dialog.accept()
    saved = load_hub_settings(settings)
    assert saved == HubSettings(hub.url, name, "")
    assert memory_keyring.secrets == {(HUB_SERVICE, saved.account): secret}
    assert secret not in Path(settings.fileName()).read_text(encoding="utf-8")

    again = open_dialog(qtbot, settings)
    assert again.secret.placeholderText() == "Saved (type to change)"
    again.test_connection()  # with the saved secret
    assert f"Connected as {name}." in again.test_result.text()


def test_a_wrong_secret_is_named_plainly(
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    name, _secret = make_user()
    dialog = open_dialog(qtbot, settings)
    dialog.url.setText(hub.url)
    dialog.user.setText(name)
    dialog.secret.setText("not the secret")
    dialog.test_connection()
    assert "refused the user name or secret" in dialog.test_result.text()
    shot(dialog, "sync_settings_refused")


def test_without_a_keyring_the_secret_is_kept_for_this_session_only(
    qtbot: QtBot, settings: QSettings
) -> None:
    with keyring_backend(fail.Keyring()):  # type: ignore[no-untyped-call]
        dialog = open_dialog(qtbot, settings)
        assert dialog.keyring_note.isVisible()
        assert "never written to disk" in dialog.keyring_note.text()
        dialog.url.setText("https://hub.example.com")
        dialog.user.setText("wang.lei")
        dialog.secret.setText("s3cret")
        shot(dialog, "sync_settings_no_keyring")
        dialog.accept()
        assert SESSION.get(HUB_SERVICE, "wang.lei@https://hub.example.com") == "s3cret"
    assert "s3cret" not in Path(settings.fileName()).read_text(encoding="utf-8")


def test_incomplete_settings_are_refused_in_the_dialog(qtbot: QtBot, settings: QSettings) -> None:
    dialog = open_dialog(qtbot, settings)
    dialog.url.setText("hub.example.com")
    dialog.accept()
    assert dialog.error.isVisible()
    assert load_hub_settings(settings) is None


def make_window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    window = MainWindow(ServicesLoader.of(services), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def sync_and_wait(qtbot: QtBot, window: MainWindow) -> object:
    with qtbot.waitSignal(window.sync.finished, timeout=30000) as blocker:
        window.sync_now()
    return blocker.args[0] if blocker.args else None


def test_sync_now_sends_an_edit_to_the_hub_and_brings_back_others_changes(  # noqa: PLR0917 (pytest passes fixtures by position)
    qtbot: QtBot,
    tmp_path: Path,
    hub: HubThread,
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    desk: Services,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    name, secret = make_user()
    project = desk.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, name, project.id)
    hub_settings = HubSettings(hub.url, name)
    save_hub_settings(settings, hub_settings)
    store_secret(HUB_SERVICE, hub_settings.account, secret)
    window = make_window(qtbot, desk, settings)
    assert window.sync_label.isVisible()
    assert window.pending_label.text() != "0 change(s) not synced"

    sync_and_wait(qtbot, window)
    window.sync.wait()

    assert window.sync.state == "synced", window.sync.tooltip
    assert window.sync_label.text().startswith("Synced at ")
    assert window.pending_label.text() == "0 change(s) not synced"
    shot(window.statusBar(), "status_bar_synced")

    # A second computer of the same user gets the project, renames it and syncs.
    other = Services.open(tmp_path / "other.sqlite")
    try:
        with HubClient(hub.url, name, secret, timeout=10) as client:
            sync_once(other.store, client)
            assert [p.name for p in other.projects.list()] == ["Line 3"]
            other.projects.rename(project.id, "Line 3 retrofit")
            sync_once(other.store, client)
    finally:
        other.close()

    with qtbot.waitSignal(window.sync.pulled, timeout=30000):
        window.sync_now()
    window.sync.wait()
    qtbot.waitUntil(lambda: window.project_switcher.currentText() == "Line 3 retrofit")
    assert window.current_project is not None
    assert window.current_project.name == "Line 3 retrofit"
    assert window.sync.state == "synced"


def test_a_hub_that_is_down_is_an_error_with_its_reason_and_local_data_stays(
    qtbot: QtBot,
    desk: Services,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    project = desk.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    down = HubSettings(f"http://127.0.0.1:{free_port()}", "wang.lei")
    save_hub_settings(settings, down)
    store_secret(HUB_SERVICE, down.account, "s3cret")
    window = make_window(qtbot, desk, settings)
    pending_before = desk.sync_status.pending_changes()
    assert pending_before > 0

    sync_and_wait(qtbot, window)

    assert window.sync.state == "error"
    assert window.sync_label.text() == "Not synced: team server unreachable"
    assert "could not be reached" in window.sync_label.toolTip()
    assert desk.sync_status.pending_changes() == pending_before
    assert [p.id for p in desk.projects.list()] == [project.id]
    shot(window.statusBar(), "status_bar_error")


def test_without_a_team_server_the_sync_state_is_hidden(
    qtbot: QtBot, desk: Services, settings: QSettings
) -> None:
    window = make_window(qtbot, desk, settings)
    assert window.sync.state == "not_set_up"
    assert window.sync_label.isHidden()
    assert not window.sync.sync_automatically()
