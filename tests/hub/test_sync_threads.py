"""The sync runner's threads never hold the runner: a runner the window lets go while a round is
in flight, or while its long poll is open, is deleted in the GUI thread at once (a Qt object
deleted by a worker thread crashed the app), and the orphaned threads end by themselves."""

from __future__ import annotations

import gc
import socket
import threading
import weakref
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
from pm_desktop.sync.engine import sync_once
from pm_desktop.ui.sync_runner import SyncRunner
from pm_desktop.ui.sync_settings import HUB_SERVICE, HubSettings, save_hub_settings
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread
from tests.mail_server import MemoryKeyring

pytestmark = pytest.mark.gui


def set_up(settings: QSettings, url: str, user: str, secret: str) -> None:
    hub = HubSettings(url, user)
    save_hub_settings(settings, hub)
    store_secret(HUB_SERVICE, hub.account, secret)


def sync_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "hub-sync"]


def test_a_runner_let_go_mid_round_is_deleted_at_once_and_its_round_ends_quietly(
    qtbot: QtBot, desk: Services, settings: QSettings, memory_keyring: MemoryKeyring
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never answers
        set_up(settings, f"http://127.0.0.1:{silent.getsockname()[1]}", "ana", "s3cret")
        runner = SyncRunner(lambda: desk, settings)
        assert runner.sync_now()
        silent.settimeout(10)
        connection, _address = silent.accept()  # the round waits for the hub's answer
        in_flight = sync_threads()
        assert in_flight

        gone = weakref.ref(runner)
        del runner  # the window lets it go
        gc.collect()

        assert gone() is None  # deleted here, not later by the round's thread
        connection.close()  # the round fails now and reports to no one
    for thread in in_flight:
        thread.join(10)
        assert not thread.is_alive()


def test_a_runner_let_go_while_listening_is_deleted_and_its_long_poll_stops_at_the_next_news(  # noqa: PLR0917 (pytest passes fixtures by position)
    qtbot: QtBot,
    hub: HubThread,
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    desk: Services,
    tmp_path: Path,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    name, secret = make_user()
    project = desk.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, name, project.id)
    set_up(settings, hub.url, name, secret)
    runner = SyncRunner(lambda: desk, settings)
    with qtbot.waitSignal(runner.finished, timeout=20_000):
        assert runner.sync_now()
    for _ in range(100):  # (not waitUntil: a lambda would keep ``runner``, deleted below)
        if runner.watching:
            break
        qtbot.wait(50)
    watcher = runner.watcher
    assert watcher is not None
    qtbot.waitUntil(lambda: watcher.waits >= 1, timeout=5_000)  # its long poll is open

    gone = weakref.ref(runner)
    del runner  # the window lets it go
    gc.collect()
    assert gone() is None

    # A teammate's change: the long poll hears of it, finds no one listening, and ends.
    other = Services.open(tmp_path / "other.sqlite")
    try:
        with HubClient(hub.url, name, secret) as client:
            sync_once(other.store, client)
            other.projects.rename(project.id, "Line 3 (retrofit)")
            sync_once(other.store, client)
    finally:
        other.close()
    assert watcher.join(15)
    assert watcher.reports == 1
