"""The main window's status bar as a user reads it: the sync state, the changes not yet sent
(only with a team server), the network; each a piece of its own, "Offline" said once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel

from pm_desktop.services.container import Services
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.sync_settings import HubSettings, save_hub_settings
from tests.gui.conftest import answer_next_dialog, type_name_and_accept
from tests.mail_server import MemoryKeyring, keyring_backend

#: A team server nobody answers at; without a secret for it no run ever connects.
HUB = HubSettings("http://127.0.0.1:9", "wang.lei")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture
def team_window(
    make_window: Callable[[], MainWindow], settings_path: Path, services: Services
) -> MainWindow:
    """The window of a user who set up a team server, with a project not yet sent."""
    save_hub_settings(QSettings(str(settings_path), QSettings.Format.IniFormat), HUB)
    services.projects.create("华东制造 MES 二期")
    return make_window()


def shown_texts(window: MainWindow) -> list[str]:
    """The permanent labels of the status bar a user sees, left to right."""
    labels = [
        label
        for label in window.statusBar().findChildren(QLabel)
        if label in (window.sync_label, window.pending_label, window.network_label)
        and label.isVisible()
    ]
    return [label.text() for label in sorted(labels, key=lambda label: label.x())]


def test_without_a_team_server_no_unsynced_count_shows(
    window: MainWindow, services: Services
) -> None:
    answer_next_dialog(type_name_and_accept("项目"))
    window.new_action.trigger()  # a change no team server will ever receive
    assert services.sync_status.pending_changes() > 0
    window.network.changed.emit("online")
    assert shown_texts(window) == ["● Online"]
    assert window.pending_label.isHidden()


def test_with_a_team_server_the_unsynced_count_shows(
    team_window: MainWindow, services: Services
) -> None:
    team_window.network.changed.emit("online")
    count = services.sync_status.pending_changes()
    assert count > 0
    assert shown_texts(team_window) == [
        "Not synced: secret needed",
        f"{count} change(s) not synced",
        "● Online",
    ]


def test_setting_up_a_team_server_shows_the_count_and_removing_it_hides_it(
    window: MainWindow, settings_path: Path
) -> None:
    assert window.pending_label.isHidden()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    save_hub_settings(settings, HUB)
    window._settings.sync()  # the window's QSettings reads the file again
    window.sync.refresh_state()  # as after the Team Server dialog
    assert window.pending_label.isVisible()
    assert window.pending_label.text() == "0 change(s) not synced"
    settings.remove("sync")
    settings.sync()
    window._settings.sync()
    window.sync.refresh_state()
    assert window.pending_label.isHidden()
    assert window.sync_label.isHidden()


def test_offline_is_said_once(team_window: MainWindow, services: Services) -> None:
    count = services.sync_status.pending_changes()
    team_window.network.changed.emit("offline")
    texts = shown_texts(team_window)
    assert texts == ["Offline: sync waits", f"{count} change(s) not synced"]
    assert sum("Offline" in text for text in texts) == 1
    team_window.network.changed.emit("online")  # back: a run starts (and needs the secret)
    assert shown_texts(team_window)[-1] == "● Online"
    assert not any("Offline" in text for text in shown_texts(team_window))


def test_offline_without_a_team_server_says_it_in_the_network_label(window: MainWindow) -> None:
    window.network.changed.emit("offline")
    assert shown_texts(window) == ["○ Offline"]


def test_each_state_is_set_apart_by_a_rule(team_window: MainWindow) -> None:
    team_window.network.changed.emit("online")
    QApplication.processEvents()
    bar = team_window.statusBar()
    image = bar.grab().toImage()
    ratio = image.devicePixelRatio()
    background = bar.palette().window().color()
    labels = [team_window.sync_label, team_window.pending_label, team_window.network_label]
    for before, label in pairwise(labels):
        top_left = label.mapTo(bar, label.rect().topLeft())
        assert before.mapTo(bar, before.rect().topRight()).x() < top_left.x()  # no overlap
        middle = top_left.y() + label.height() // 2
        rule = image.pixelColor(int(top_left.x() * ratio), int(middle * ratio))
        assert rule != background, f"no rule before {label.text()!r}"
        assert label.contentsRect().left() >= 8  # and room between the rule and the text
