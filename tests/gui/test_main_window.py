"""The app shell as a user meets it: projects, workspaces, undo/redo, status bar, memory."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from pm_desktop import __version__
from pm_desktop.core.errors import PmError
from pm_desktop.services.container import Services
from pm_desktop.services.startup import quick_start
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader
from tests.gui.conftest import answer_next_dialog, type_name_and_accept


def switcher_names(window: MainWindow) -> list[str]:
    box = window.project_switcher
    return [box.itemText(i) for i in range(box.count())]


def test_an_empty_database_invites_to_create_a_project(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.no_project_page
    assert not window.rename_action.isEnabled()
    assert window.windowTitle() == "PM Desktop"


def test_creating_a_project_through_the_dialog_saves_it_at_once(
    window: MainWindow, services: Services
) -> None:
    answer_next_dialog(type_name_and_accept("  华东制造集团  数字化转型 "))
    window.new_action.trigger()
    assert switcher_names(window) == ["华东制造集团 数字化转型"]
    assert [p.name for p in services.projects.list()] == ["华东制造集团 数字化转型"]
    assert window.windowTitle().startswith("华东制造集团 数字化转型")
    assert window.pages.currentIndex() == 1


def test_the_dialog_explains_an_empty_name_and_will_not_accept_it(
    window: MainWindow, services: Services
) -> None:
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        name = dialog.findChildren(QLineEdit)[0]
        name.setText("x")
        name.setText("   ")
        seen["error"] = dialog.findChild(QLabel, "fieldError").text()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_enabled"] = ok.isEnabled()
        dialog.reject()

    answer_next_dialog(fill)
    window.new_action.trigger()
    assert seen == {"error": "A project needs a name.", "ok_enabled": False}
    assert services.projects.list() == []


def test_undo_and_redo_a_creation_a_rename_and_an_archive(
    window: MainWindow, services: Services
) -> None:
    answer_next_dialog(type_name_and_accept("项目甲"))
    window.new_action.trigger()
    answer_next_dialog(type_name_and_accept("项目乙"))
    window.rename_action.trigger()
    assert [p.name for p in services.projects.list()] == ["项目乙"]
    window.archive_action.trigger()
    assert services.projects.list() == []
    assert window.pages.currentWidget() is window.no_project_page

    window.undo_action.trigger()  # un-archive
    assert switcher_names(window) == ["项目乙"]
    window.undo_action.trigger()  # un-rename
    assert [p.name for p in services.projects.list()] == ["项目甲"]
    window.undo_action.trigger()  # un-create
    assert services.projects.list(include_archived=True) == []
    assert not window.undo_action.isEnabled()

    for _ in range(3):
        window.redo_action.trigger()
    assert services.projects.list() == []
    assert [p.name for p in services.projects.list(include_archived=True)] == ["项目乙"]


def test_archived_projects_show_only_on_request_and_can_be_restored(
    window: MainWindow, services: Services
) -> None:
    services.projects.create("在建项目")
    old = services.projects.create("已结项目")
    services.projects.set_archived(old.id, True)
    window.reload_projects()
    assert switcher_names(window) == ["在建项目"]
    window.show_archived_action.setChecked(True)
    assert switcher_names(window) == ["在建项目", "已结项目 (archived)"]
    window.select_project(old.id)
    assert window.archive_action.text() == "Restore &Archived Project"
    window.archive_action.trigger()
    assert not services.projects.get(old.id).archived


def test_switching_projects_changes_the_title_and_emits_the_project(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    services.projects.create("甲")
    second = services.projects.create("乙")
    window.reload_projects()
    with qtbot.waitSignal(window.projectChanged) as blocker:
        index = window.project_switcher.findData(second.id)
        window.project_switcher.setCurrentIndex(index)
        window.project_switcher.activated.emit(index)
    assert blocker.args == [second.id]
    assert window.windowTitle().startswith("乙")


def test_four_workspaces_each_built_when_first_shown(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    services.projects.create("项目")
    window.reload_projects()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    # A new project has no 1W yet: the Stakeholders entry counts that warning.
    assert titles == ["Stakeholders (1)", "Team", "Plan & Calendar", "Meetings"]
    for row, key in enumerate(["stakeholders", "team", "plan", "meetings"]):
        window.navigation.setCurrentRow(row)
        page = window.workspace_stack.currentWidget()
        assert page.objectName() == f"workspace-{key}"
        qtbot.waitUntil(lambda page=page: page.built)  # tests/gui/test_{…}_*.py test them


def test_status_bar_counts_changes_not_yet_synced(window: MainWindow, services: Services) -> None:
    assert window.pending_label.text() == "0 change(s) not synced"
    answer_next_dialog(type_name_and_accept("项目"))
    window.new_action.trigger()
    count = services.sync_status.pending_changes()
    assert count > 0
    assert window.pending_label.text() == f"{count} change(s) not synced"


def test_status_bar_shows_the_network_state(window: MainWindow) -> None:
    window.network.changed.emit("offline")
    assert "Offline" in window.network_label.text()
    window.network.changed.emit("online")
    assert "Online" in window.network_label.text()


def test_geometry_workspace_and_last_project_are_remembered(
    make_window: Callable[[], MainWindow], services: Services
) -> None:
    services.projects.create("甲")
    second = services.projects.create("乙")
    first_window = make_window()
    first_window.select_project(second.id)
    first_window.navigation.setCurrentRow(3)
    first_window.resize(760, 540)  # the offscreen screen is 800 x 600
    first_window.close()

    again = make_window()
    assert again.current_project is not None
    assert again.current_project.id == second.id
    assert again.navigation.currentRow() == 3
    assert (again.width(), again.height()) == (760, 540)


def test_the_window_opens_on_a_snapshot_and_loads_services_when_needed(
    services: Services, settings_path: Path, qtbot: QtBot
) -> None:
    services.projects.create("甲")
    path = services.database_path
    services.close()
    snapshot = quick_start(path)
    loader = ServicesLoader(path)
    window = MainWindow(loader, QSettings(str(settings_path), QSettings.Format.IniFormat), snapshot)
    qtbot.addWidget(window)
    try:
        assert switcher_names(window) == ["甲"]
        assert not loader.is_ready
        with qtbot.waitSignal(loader.ready, timeout=10_000):
            loader.start()
        answer_next_dialog(type_name_and_accept("甲（改）"))
        window.rename_action.trigger()
        assert switcher_names(window) == ["甲（改）"]
        assert loader.get().projects.list()[0].name == "甲（改）"
    finally:
        window.close()
        loader.get().close()


def test_about_shows_the_version(window: MainWindow) -> None:
    seen: list[str] = []

    def read_and_close(dialog: QDialog) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.accept()

    answer_next_dialog(read_and_close)
    window.about_action.trigger()
    assert f"PM Desktop {__version__}" in seen[0]


def test_a_change_the_database_refuses_shows_a_message_and_leaves_no_undo_step(
    window: MainWindow, services: Services
) -> None:
    services.projects.create("项目")
    window.reload_projects()
    blocker = sqlite3.connect(services.database_path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    services.store.engine.pool.dispose()
    with services.store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA busy_timeout = 100")
    messages: list[str] = []

    def read_and_close(dialog: QDialog) -> None:
        messages.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.accept()

    try:
        answer_next_dialog(type_name_and_accept("改不了"))
        QTimer.singleShot(50, lambda: answer_next_dialog(read_and_close))
        window.rename_action.trigger()
    finally:
        blocker.rollback()
        blocker.close()
    assert "Another program is holding the database locked" in messages[0]
    assert window.undo_stack.count() == 0
    assert [p.name for p in services.projects.list()] == ["项目"]


def test_the_archived_view_and_an_archived_last_project_are_remembered(
    make_window: Callable[[], MainWindow], services: Services
) -> None:
    services.projects.create("在建")
    old = services.projects.create("已结")
    services.projects.set_archived(old.id, True)
    first = make_window()
    first.show_archived_action.setChecked(True)
    first.select_project(old.id)
    first.close()
    again = make_window()
    assert again.show_archived_action.isChecked()
    assert again.current_project is not None
    assert again.current_project.id == old.id


def test_a_damaged_file_is_reported_after_opening(services: Services, qtbot: QtBot) -> None:
    path = services.database_path
    services.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.executemany(
            "INSERT INTO minute_entries (id, project_id, hlc, deleted, meeting_id, kind, text,"
            " sort_order) VALUES (?, 'p', '', 0, 'm', 'note', ?, 0)",
            [(f"n{i}", "x" * 900) for i in range(300)],
        )
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        [root] = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'minute_entries'"
        ).fetchone()
    data = bytearray(path.read_bytes())
    start = 4096 * (root - 1) + 8
    data[start : start + 4000] = b"\x0d" * 4000  # a table the start-up does not read
    path.write_bytes(bytes(data))

    loader = ServicesLoader(path)
    with qtbot.waitSignal(loader.damaged, timeout=10_000) as blocker:
        loader.start()
    assert "invalid page number" in "\n".join(blocker.args[0])
    loader.get().close()


def test_a_database_that_fails_to_open_after_the_window_shows_is_reported(
    services: Services, qtbot: QtBot
) -> None:
    path = services.database_path
    services.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE local_meta SET value = 'ab-cd' WHERE key = 'device_id'")
    loader = ServicesLoader(path)
    with qtbot.waitSignal(loader.failed, timeout=10_000) as blocker:
        loader.start()
    assert "invalid device identity" in str(blocker.args[0])
    with pytest.raises(PmError):
        loader.get()


def test_copy_project_id_gives_the_id_the_hub_administrator_needs(
    window: MainWindow, services: Services
) -> None:
    assert not window.copy_id_action.isEnabled()  # no project yet
    project = services.projects.create("华东制造 MES 二期", client="ACME")
    window.reload_projects(project.id)
    assert window.copy_id_action.isEnabled()
    window.copy_id_action.trigger()
    assert QGuiApplication.clipboard().text() == project.id
    assert window.statusBar().currentMessage() == (
        f"Copied the project id {project.id} (for: pm-desktop hub grant)"
    )
