"""When the main window syncs, against a real hub: half a second after a burst of edits (one
run), when the network comes back, periodically, and when the long poll hears of another
computer's change, with no local trigger at all. Also: what pulled changes do to the undo
history, and the count of unsent changes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.credentials import store_secret
from pm_desktop.sync.engine import SyncReport, sync_once
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.project_commands import RenameProjectCommand
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.sync_settings import HUB_SERVICE, HubSettings, save_hub_settings
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread
from tests.mail_server import MemoryKeyring, keyring_backend

pytestmark = pytest.mark.gui


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Services]:
    """A teammate's computer (same user, another device)."""
    services = Services.open(tmp_path / "other.sqlite")
    yield services
    services.close()


@pytest.fixture
def account(
    hub: HubThread, make_user: UserFactory, settings: QSettings
) -> Iterator[tuple[str, str]]:
    """(user, secret) of a new hub user, set up in ``settings`` with the secret in a keyring."""
    name, secret = make_user()
    hub_settings = HubSettings(hub.url, name)
    save_hub_settings(settings, hub_settings)
    with keyring_backend(MemoryKeyring()):
        store_secret(HUB_SERVICE, hub_settings.account, secret)
        yield name, secret


def line_3(desk: Services, db: psycopg.Connection[Any], user: str) -> str:
    project = desk.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, user, project.id)
    return project.id


def make_window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    window = MainWindow(ServicesLoader.of(services), settings)
    window.sync.wait_seconds = 5  # a closed window's last long poll ends soon after the test
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def reports_of(window: MainWindow) -> list[object]:
    """Every outcome the window's runner reports from now on."""
    outcomes: list[object] = []
    window.sync.finished.connect(outcomes.append)
    return outcomes


def rename(window: MainWindow, name: str) -> None:
    """Rename the current project as the user does: a command on the undo stack."""
    project = window.current_project
    assert project is not None
    window.undo_stack.push(
        RenameProjectCommand(
            window._loader.get().projects,
            project,
            name,
            lambda project_id, _error: window.reload_projects(project_id),
        )
    )


def push_from(other: Services, hub: HubThread, account: tuple[str, str]) -> None:
    with HubClient(hub.url, *account, timeout=10) as client:
        sync_once(other.store, client)


def test_a_burst_of_edits_is_sent_in_one_run_half_a_second_after_the_last(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    db: psycopg.Connection[Any],
    account: tuple[str, str],
    desk: Services,
    other: Services,
    settings: QSettings,
) -> None:
    project = line_3(desk, db, account[0])
    window = make_window(qtbot, desk, settings)
    window.sync.timer.stop()
    outcomes = reports_of(window)
    started: list[float] = []
    window.sync.stateChanged.connect(
        lambda state: started.append(time.monotonic()) if state == "syncing" else None
    )
    assert window.pending_label.text() != "0 change(s) not synced"

    for n in (1, 2, 3):
        rename(window, f"Line 3 v{n}")
        qtbot.wait(150)  # typing speed: well inside the half second
    last_edit = time.monotonic() - 0.15
    assert started == []  # nothing sent during the burst

    qtbot.waitUntil(lambda: len(outcomes) >= 1, timeout=15000)
    window.sync.wait()
    qtbot.wait(1500)  # any second run would have started by now
    window.sync.wait()
    sent = [o for o in outcomes if isinstance(o, SyncReport) and o.pushed]
    assert len(sent) == 1, outcomes  # one run sent the burst (later ones only echo it back)
    assert 0.45 <= started[0] - last_edit < 1.5
    assert window.sync.state == "synced"
    assert window.sync_label.text().startswith("Synced at ")
    qtbot.waitUntil(lambda: window.pending_label.text() == "0 change(s) not synced")

    push_from(other, hub, account)
    assert other.projects.get(project).name == "Line 3 v3"


def test_the_network_coming_back_sends_what_was_edited_offline(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    db: psycopg.Connection[Any],
    account: tuple[str, str],
    desk: Services,
    other: Services,
    settings: QSettings,
) -> None:
    project = line_3(desk, db, account[0])
    window = make_window(qtbot, desk, settings)
    window.sync.timer.stop()
    outcomes = reports_of(window)
    window.network.state = "offline"
    window.network.changed.emit("offline")
    assert window.sync_label.text() == "Offline: sync waits"

    rename(window, "Line 3 offline edit")
    qtbot.wait(1200)  # the debounce ran out: offline, so nothing was tried
    assert outcomes == []
    assert window.sync_label.text() == "Offline: sync waits"
    assert not window.sync.watching

    window.network.state = "online"
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.network.changed.emit("online")
    window.sync.wait()
    assert window.sync.state == "synced", window.sync.tooltip
    qtbot.waitUntil(lambda: window.pending_label.text() == "0 change(s) not synced")
    assert window.sync.watching
    push_from(other, hub, account)
    assert other.projects.get(project).name == "Line 3 offline edit"


def test_the_periodic_sync_brings_in_a_teammates_project(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    db: psycopg.Connection[Any],
    account: tuple[str, str],
    desk: Services,
    other: Services,
    settings: QSettings,
) -> None:
    project = line_3(other, db, account[0])
    push_from(other, hub, account)
    window = make_window(qtbot, desk, settings)
    assert window.current_project is None
    assert window.sync_label.text() == "Team server: not synced yet"

    window.sync.timer.start(300)  # every minute in the app
    with qtbot.waitSignal(window.sync.pulled, timeout=15000):
        pass
    window.sync.timer.stop()
    window.sync.wait()
    assert [p.id for p in desk.projects.list()] == [project]
    qtbot.waitUntil(lambda: window.project_switcher.currentText() == "Line 3")
    assert window.sync_label.text().startswith("Synced at ")


def test_the_long_poll_brings_in_a_teammates_change_with_no_local_trigger(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    db: psycopg.Connection[Any],
    account: tuple[str, str],
    desk: Services,
    other: Services,
    settings: QSettings,
) -> None:
    project = line_3(desk, db, account[0])
    window = make_window(qtbot, desk, settings)
    window.sync.timer.stop()
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_now()
    window.sync.wait()
    push_from(other, hub, account)  # the teammate gets the project
    qtbot.waitUntil(lambda: window.sync.watching and not window.sync.running, timeout=10000)
    qtbot.wait(300)  # the echo of our own push has come and gone; the long poll is open

    other.projects.rename(project, "Line 3 retrofit")
    started = time.monotonic()
    push_from(other, hub, account)
    qtbot.waitUntil(lambda: desk.projects.get(project).name == "Line 3 retrofit", timeout=10000)
    arrived = time.monotonic() - started
    qtbot.waitUntil(lambda: window.project_switcher.currentText() == "Line 3 retrofit")
    window.sync.wait()
    assert not window.sync.timer.isActive()
    assert not window.sync.after_edit.isActive()
    assert arrived < 2.0, f"the change took {arrived:.2f} s"
    qtbot.waitUntil(lambda: window.sync.state == "synced")
    assert window.sync_label.text().startswith("Synced at ")
    assert "Received changes of 1 record(s)." in window.sync_label.toolTip().splitlines()


def test_the_long_poll_stops_offline_and_closing_does_not_wait_for_it(
    qtbot: QtBot,
    db: psycopg.Connection[Any],
    account: tuple[str, str],
    desk: Services,
    settings: QSettings,
) -> None:
    line_3(desk, db, account[0])
    window = make_window(qtbot, desk, settings)
    window.sync.wait_seconds = 25  # as in the app
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_now()
    window.sync.wait()
    assert window.sync.watching
    watcher = window.sync.watcher
    assert watcher is not None

    window.network.state = "offline"
    window.network.changed.emit("offline")
    assert not window.sync.watching
    assert not watcher.alive
    window.network.state = "online"
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.network.changed.emit("online")
    window.sync.wait()
    assert window.sync.watching
    qtbot.waitUntil(lambda: window.sync.watcher is not None and window.sync.watcher.waits >= 1)

    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 0.5  # a 25 s wait is open, and not waited for
    assert not window.sync.watching


def test_pulled_changes_of_a_record_undo_would_change_clear_the_undo_history(  # noqa: PLR0917
    qtbot: QtBot,
    hub: HubThread,
    db: psycopg.Connection[Any],
    account: tuple[str, str],
    desk: Services,
    other: Services,
    settings: QSettings,
) -> None:
    project = line_3(desk, db, account[0])
    window = make_window(qtbot, desk, settings)
    window.sync.timer.stop()
    # A first sync brings in what other tests left on the shared hub (the team stream).
    if not window.sync.running:
        window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.state == "synced", timeout=15000)
    window.sync.wait()
    rename(window, "Line 3 (mine)")
    assert window.undo_action.isEnabled()
    qtbot.waitUntil(lambda: window.pending_label.text() == "0 change(s) not synced", timeout=15000)
    window.sync.wait()
    assert window.undo_stack.count() == 1  # our own change coming back is not a teammate's

    push_from(other, hub, account)
    other.stakeholders.create(project, "王芳")  # a teammate's change elsewhere: undo stays
    push_from(other, hub, account)
    qtbot.waitUntil(lambda: len(desk.stakeholders.of_project(project)) == 1, timeout=10000)
    window.sync.wait()
    assert window.undo_stack.count() == 1

    other.projects.rename(project, "Line 3 (theirs)")  # the record our undo would change
    push_from(other, hub, account)
    qtbot.waitUntil(lambda: desk.projects.get(project).name == "Line 3 (theirs)", timeout=10000)

    qtbot.waitUntil(lambda: window.undo_stack.count() == 0)
    assert not window.undo_action.isEnabled()
    assert "can no longer be undone" in window.statusBar().currentMessage()
    window.undo()  # Ctrl+Z now changes nothing
    assert desk.projects.get(project).name == "Line 3 (theirs)"
    qtbot.wait(800)
    assert not window.sync.after_edit.isActive()  # clearing the history is not an edit
