"""The team server UI against a real hub: the settings dialog (secret in the keyring, a
connection test) and the main window's sync runner (push, pull, a hub that is down).

``PM_UI_SHOTS=<dir>`` saves the dialog and the status bar as PNGs there, to look at.
"""

from __future__ import annotations

import http.server
import os
import socketserver
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.credentials import SESSION, store_secret
from pm_desktop.sync.engine import HeldDeletion, sync_once
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.sync_settings import (
    HUB_SERVICE,
    HubSettings,
    SecretDialog,
    SyncSettingsDialog,
    load_hub_settings,
    save_hub_settings,
)
from tests.hub.conftest import UserFactory, new_project
from tests.hub.hubserver import HubThread
from tests.hub.postgres import free_port
from tests.mail_server import MemoryKeyring, keyring_backend
from tests.settings_dialogs import assert_details_out_of_the_way, unknown_host

pytestmark = pytest.mark.gui


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
    assert dialog.test_result.text() == (
        "The team server refused the user name or secret: check them and test again."
    )
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


def test_the_connection_test_lists_projects_in_order_and_counts_those_not_here_yet(
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    line3, alpha, elsewhere = new_project(), new_project(), new_project()
    name, secret = make_user(line3, alpha, elsewhere)
    names = {line3: "Line 3 retrofit", alpha: "Alpha warehouse"}
    dialog = open_dialog(qtbot, settings, project_names=names)
    dialog.url.setText(hub.url)
    dialog.user.setText(name)
    dialog.secret.setText(secret)
    dialog.test_connection()
    assert dialog.test_result.text() == (
        f"Connected as {name}. Projects shared with you: Alpha warehouse, Line 3 retrofit, "
        "and 1 project(s) not yet on this computer."
    )
    assert elsewhere not in dialog.test_result.text()
    assert dialog.details_button.isHidden()

    only_new, secret = make_user(new_project())
    dialog.user.setText(only_new)
    dialog.secret.setText(secret)
    dialog.test_connection()
    assert dialog.test_result.text() == (
        f"Connected as {only_new}. Shared with you: 1 project(s) not yet on this computer."
    )


@pytest.fixture
def not_a_hub() -> Iterator[str]:
    """A web server on loopback that is not a team server; yields its address (host:port)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

    server = socketserver.TCPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def no_such_host(monkeypatch: pytest.MonkeyPatch) -> str:
    return unknown_host(monkeypatch, "pm-hub.qiming.invalid")


def test_a_failed_connection_test_says_what_to_check_and_keeps_the_detail_aside(
    qtbot: QtBot,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
    not_a_hub: str,
    no_such_host: str,
) -> None:
    dialog = open_dialog(qtbot, settings)
    dialog.user.setText("wang.lei")
    dialog.secret.setText("s3cret")

    closed = f"127.0.0.1:{free_port()}"
    dialog.url.setText(f"http://{closed}")
    dialog.test_connection()
    assert dialog.test_result.text() == (
        f"{closed} refused the connection: check the server address and its port, and that "
        "the team server is running."
    )
    assert_details_out_of_the_way(dialog, "Connection refused")
    shot(dialog, "sync_settings_refused_connection")

    dialog.url.setText(f"https://{no_such_host}")
    dialog.test_connection()
    assert dialog.test_result.text() == (
        f"The server name {no_such_host} was not found: check the server address."
    )
    assert_details_out_of_the_way(dialog, "Name or service not known")

    dialog.url.setText(f"https://{not_a_hub}")  # https to a plain http server
    dialog.test_connection()
    assert dialog.test_result.text() == (
        "The server at this address does not use https on this port: check the server "
        "address and its port."
    )
    assert "CA file" not in dialog.test_result.text()
    assert_details_out_of_the_way(dialog, "WRONG_VERSION_NUMBER")

    dialog.url.setText(f"http://{not_a_hub}")
    dialog.test_connection()
    assert dialog.test_result.text() == (
        "The server at this address is not a team server: check the server address."
    )

    dialog.url.setText("ftp://x")
    dialog.test_connection()
    assert dialog.error.text() == "Enter the server address, starting with https://."
    assert dialog.test_result.text() == ""  # the last result is gone
    assert dialog.details_button.isHidden()
    assert dialog.test_details.isHidden()


def test_an_empty_secret_is_asked_for_before_connecting(
    qtbot: QtBot, settings: QSettings, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, settings)
    dialog.url.setText(f"http://127.0.0.1:{free_port()}")
    dialog.user.setText("wang.lei")
    dialog.test_connection()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Enter the secret."
    assert dialog.focusWidget() is dialog.secret
    assert dialog.test_result.text() == ""  # nothing was tried

    dialog.secret.setText("s3cret")
    dialog.test_connection()
    assert dialog.error.isHidden()
    assert "refused the connection" in dialog.test_result.text()


def test_a_ca_file_that_is_no_certificate_is_named(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    not_pem = tmp_path / "company-ca.pem"
    not_pem.write_text("not a certificate", encoding="utf-8")
    dialog = open_dialog(qtbot, settings)
    dialog.url.setText("https://pm-hub.qiming.example")
    dialog.user.setText("wang.lei")
    dialog.secret.setText("s3cret")
    dialog.ca_file.setText(str(not_pem))
    dialog.test_connection()
    assert dialog.test_result.text() == (
        "The CA file cannot be used: choose a CA certificate in PEM format."
    )
    assert dialog.details_button.isVisible()


def make_window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    window = MainWindow(ServicesLoader.of(services), settings)
    window.sync.wait_seconds = 5  # a closed window's last long poll ends soon after the test
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


# --- Sync Now without a secret -----------------------------------------------------------


def answer_secret_dialog(secret: str, seen: dict[str, bool], *, shot_name: str = "") -> None:
    """When the secret dialog opens (modal, inside Sync Now), note what it shows in ``seen``,
    type ``secret`` and press Sync."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SecretDialog):
            QTimer.singleShot(20, answer)
            return
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok enabled before typing"] = ok.isEnabled()
        seen["remember shown"] = dialog.remember.isVisible()
        seen["remember ticked"] = dialog.remember.isChecked()
        seen["no-keyring note"] = dialog.note.isVisible() and "never written to disk" in (
            dialog.note.text()
        )
        dialog.secret.setText(secret)
        if shot_name:
            shot(dialog, shot_name)
        ok.click()

    QTimer.singleShot(0, answer)


def set_up_without_secret(
    settings: QSettings, hub: HubThread, db: psycopg.Connection[Any], desk: Services, name: str
) -> HubSettings:
    project = desk.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, name, project.id)
    hub_settings = HubSettings(hub.url, name)
    save_hub_settings(settings, hub_settings)
    return hub_settings


def test_sync_now_without_a_keyring_asks_for_the_secret_and_keeps_it_for_this_session(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    desk: Services,
    settings: QSettings,
) -> None:
    name, secret = make_user()
    with keyring_backend(fail.Keyring()):  # type: ignore[no-untyped-call]
        hub_settings = set_up_without_secret(settings, hub, db, desk, name)
        window = make_window(qtbot, desk, settings)
        assert not window.sync.sync_automatically()  # automatic runs never ask
        assert window.sync_label.text() == "Not synced: secret needed"
        assert "File > Sync Now" in window.sync_label.toolTip()

        seen: dict[str, bool] = {}
        # pasted with spaces around it: the hub's secrets have none, so they are dropped
        answer_secret_dialog(f"  {secret} ", seen, shot_name="secret_dialog_no_keyring")
        sync_and_wait(qtbot, window)
        window.sync.wait()

        assert seen == {
            "ok enabled before typing": False,
            "remember shown": False,
            "remember ticked": False,
            "no-keyring note": True,
        }
        assert window.sync.state == "synced", window.sync.tooltip
        assert window.pending_label.text() == "0 change(s) not synced"
        assert SESSION.get(HUB_SERVICE, hub_settings.account) == secret
        # Known for this session now: the next Sync Now does not ask.
        window.sync.ask_secret = lambda _hub: pytest.fail("asked twice")
        sync_and_wait(qtbot, window)
        window.sync.wait()
        assert window.sync.state == "synced"
    assert secret not in Path(settings.fileName()).read_text(encoding="utf-8")
    assert not any(
        secret.encode() in p.read_bytes() for p in Path(desk.database_path).parent.glob("*")
    )


def test_sync_now_asks_when_the_keyring_lost_the_secret_and_can_remember_it_there(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    desk: Services,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    name, secret = make_user()
    hub_settings = set_up_without_secret(settings, hub, db, desk, name)
    window = make_window(qtbot, desk, settings)
    seen: dict[str, bool] = {}
    answer_secret_dialog(secret, seen, shot_name="secret_dialog")
    sync_and_wait(qtbot, window)
    window.sync.wait()
    assert seen == {
        "ok enabled before typing": False,
        "remember shown": True,
        "remember ticked": True,
        "no-keyring note": False,
    }
    assert window.sync.state == "synced", window.sync.tooltip
    assert memory_keyring.secrets == {(HUB_SERVICE, hub_settings.account): secret}


def test_cancelling_the_secret_dialog_syncs_nothing_and_says_so(
    qtbot: QtBot, hub: HubThread, desk: Services, settings: QSettings, memory_keyring: MemoryKeyring
) -> None:
    save_hub_settings(settings, HubSettings(hub.url, "wang.lei"))
    window = make_window(qtbot, desk, settings)
    asked: list[HubSettings] = []

    def cancel(hub_settings: HubSettings) -> None:
        asked.append(hub_settings)

    window.sync.ask_secret = cancel
    assert not window.sync.sync_now()
    assert asked == [HubSettings(hub.url, "wang.lei")]
    assert window.sync.state == "error"
    assert window.sync_label.text() == "Not synced: secret needed"
    assert not window.sync.running


# --- a project the hub refuses ---------------------------------------------------------


def test_a_project_not_shared_with_the_user_is_named_and_local_data_stays(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    desk: Services,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    name, secret = make_user()  # granted nothing
    project = desk.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    hub_settings = HubSettings(hub.url, name)
    save_hub_settings(settings, hub_settings)
    store_secret(HUB_SERVICE, hub_settings.account, secret)
    window = make_window(qtbot, desk, settings)
    pending = desk.sync_status.pending_changes()

    sync_and_wait(qtbot, window)
    window.sync.wait()

    # The rest synced (the team-wide stream); this project's changes wait here.
    assert window.sync.state == "synced"
    assert window.sync_label.text().endswith("; 1 project(s) not sent")
    tooltip = window.sync_label.toolTip()
    assert "Not sent: “Line 3”: it is not shared with you." in tooltip
    assert "changes stay here" in tooltip
    assert desk.sync_status.pending_changes() == pending
    assert window.pending_label.text() == f"{pending} change(s) not synced"
    assert [(p.id, p.name) for p in desk.projects.list()] == [(project.id, "Line 3")]
    shot(window.statusBar(), "status_bar_not_granted")


def test_a_revoked_project_says_since_when(  # noqa: PLR0917
    qtbot: QtBot,
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
    sync_and_wait(qtbot, window)
    window.sync.wait()
    assert window.sync.state == "synced"
    admin.revoke(db, name, project.id)
    desk.projects.rename(project.id, "Line 3 retrofit")

    sync_and_wait(qtbot, window)
    window.sync.wait()

    assert window.sync_label.text().endswith("; 1 project(s) not sent")
    assert "“Line 3 retrofit”: your access to it was revoked on 20" in window.sync_label.toolTip()
    assert desk.projects.get(project.id).name == "Line 3 retrofit"
    assert desk.sync_status.pending_changes() == 1


# --- deletions the engine holds back -------------------------------------------------------


def answer_message_box(seen: list[str], button: str) -> None:
    """When a message box opens, note its text and press the button labelled ``button``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        shot(box, "held_deletions_question")
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)


def teammate_removes(path: Path, client: HubClient, stakeholders: list[str]) -> None:
    other = Services.open(path)
    try:
        with client:
            sync_once(other.store, client)
            other.stakeholders.remove(stakeholders)
            sync_once(other.store, client)
    finally:
        other.close()


def test_held_deletions_are_asked_once_per_project_and_again_on_sync_now(  # noqa: PLR0917
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
    people = [desk.stakeholders.create(project.id, f"Person {n}").id for n in range(60)]
    admin.grant(db, name, project.id)
    hub_settings = HubSettings(hub.url, name)
    save_hub_settings(settings, hub_settings)
    store_secret(HUB_SERVICE, hub_settings.account, secret)
    window = make_window(qtbot, desk, settings)
    window.sync.timer.stop()
    sync_and_wait(qtbot, window)
    window.sync.wait()
    # A teammate deletes half of the stakeholders (over a fifth of the project's rows).
    teammate_removes(tmp_path / "other.sqlite", HubClient(hub.url, name, secret), people[:30])

    def live() -> int:
        return len(desk.stakeholders.of_project(project.id))

    questions: list[str] = []
    answer_message_box(questions, "Not Now")
    qtbot.waitUntil(lambda: not window.sync.running)
    sync_and_wait(qtbot, window)
    window.sync.wait()
    assert questions == [
        "In project “Line 3”, 30 of 61 rows would be deleted by changes from the team "
        "server. Delete them?"
    ]
    assert window.sync_label.text().endswith("; deletions held")
    assert "30 of 61 rows of “Line 3” would be deleted" in window.sync_label.toolTip()
    assert live() == 60  # Not now: nothing deleted here

    asked: list[HeldDeletion] = []

    def record(deletion: HeldDeletion, answer: bool) -> bool:
        asked.append(deletion)
        return answer

    window.sync.confirm_deletion = lambda d: record(d, False)
    outcomes: list[object] = []
    window.sync.finished.connect(outcomes.append)
    window.sync.sync_automatically()  # (or the long poll's run is already on its way)
    qtbot.waitUntil(lambda: len(outcomes) >= 1, timeout=30000)
    window.sync.wait()
    assert asked == []  # automatic runs do not ask again this session
    assert window.sync_label.text().endswith("; deletions held")
    assert live() == 60

    window.sync.confirm_deletion = lambda d: record(d, True)
    qtbot.waitUntil(lambda: not window.sync.running)
    window.sync_now()  # asks again; "Delete Them" runs again allowing Line 3's deletions
    qtbot.waitUntil(lambda: live() == 30, timeout=30000)
    qtbot.waitUntil(lambda: not window.sync.running and window.sync.state == "synced")
    assert [(d.project_id, d.deleting) for d in asked] == [(project.id, 30)]
    assert window.sync_label.text().startswith("Synced at ")
    assert not window.sync_label.text().endswith("held")
    assert window.sync.held_deletions == []
