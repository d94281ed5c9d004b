"""GUI fixtures: the real main window on a real database, with settings in a temp file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from pm_desktop.services.container import Services
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(
    qtbot: QtBot, services: Services, settings_path: Path
) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(
            ServicesLoader.of(services),
            QSettings(str(settings_path), QSettings.Format.IniFormat),
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def answer_next_dialog(fill: Callable[[QDialog], None]) -> None:
    """When the next modal dialog opens, let ``fill`` act on it (it must accept or reject)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, act)
            return
        fill(dialog)

    QTimer.singleShot(0, act)


def type_name_and_accept(name: str) -> Callable[[QDialog], None]:
    def fill(dialog: QDialog) -> None:
        field = dialog.findChildren(QLineEdit)[0]
        field.setText(name)
        dialog.accept()

    return fill
