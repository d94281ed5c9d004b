"""The Qt binding itself must not lose references: PySide6 6.12.0 on Python 3.11 drops one
reference to None per void call, and the app aborts ("none_dealloc") after a few thousand."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    combo = QComboBox()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setEnabled(True)
        combo.currentData()
    assert before - sys.getrefcount(None) < 50
