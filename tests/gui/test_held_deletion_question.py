"""The question before a sync deletes many rows: which project, how many, and of what kinds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pm_desktop.services.container import Services
from pm_desktop.sync.engine import HeldDeletion
from pm_desktop.ui.sync_runner import SyncRunner
from tests.gui.conftest import answer_next_dialog


def test_the_question_names_the_kinds_of_rows_and_not_now_keeps_them(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    runner = SyncRunner(lambda: services, settings, parent)
    held = HeldDeletion(
        "p1", "华东制造 MES 二期", 52, 180, (("action_items", 40), ("stakeholders", 12))
    )
    seen: list[tuple[str, str, str]] = []

    def answer(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        box.reject()  # Esc: Not Now

    answer_next_dialog(answer)
    assert runner.confirm_deletion(held) is False
    [(title, text, detail)] = seen
    assert title == "Delete Rows of “华东制造 MES 二期”?"
    assert "52 of 180 rows would be deleted" in text
    assert detail.startswith("Action item: 40 · Stakeholder: 12\n\n")
