"""Work off the GUI thread: its result, its errors, and cancelling it from the busy dialog."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pm_desktop.core.errors import ExportError
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.relay import Relay


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_result_comes_back_and_the_work_ran_in_another_thread(parent: QWidget) -> None:
    ran_in: list[threading.Thread] = []

    def work() -> int:
        ran_in.append(threading.current_thread())
        return 42

    assert run_in_background(parent, "…", work) == 42
    assert ran_in[0] is not threading.main_thread()


def test_an_error_of_the_work_is_raised_to_the_caller(parent: QWidget, tmp_path: Path) -> None:
    def work() -> None:
        raise ExportError(tmp_path / "x.pdf", "the disk is full")

    with pytest.raises(ExportError, match="disk is full"):
        run_in_background(parent, "…", work)


def test_cancelling_returns_at_once_and_what_the_work_made_is_removed(
    parent: QWidget, tmp_path: Path, qtbot: QtBot
) -> None:
    made = tmp_path / "slow.pdf"

    def work() -> Path:
        time.sleep(1.0)
        made.write_bytes(b"%PDF")
        return made

    def cancel_when_shown() -> None:
        shown = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(20, cancel_when_shown)
            return
        labels.append(shown[0].labelText())
        button = shown[0].findChild(QPushButton)
        assert button is not None
        button.click()  # the Cancel button

    labels: list[str] = []
    QTimer.singleShot(0, cancel_when_shown)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        run_in_background(parent, "Saving slow.pdf…", work, discard=lambda p: p.unlink())
    assert time.monotonic() - started < 0.9  # the caller did not wait for the work
    assert labels == ["Saving slow.pdf…"]
    time.sleep(1.2)  # the abandoned work finishes and cleans up after itself
    assert not made.exists()
    settle(qtbot)
    assert no_work_left()  # its thread ended and nothing of it is left in the application


def settle(qtbot: QtBot) -> None:
    """Let the GUI thread handle what the threads reported, and delete what was let go."""
    for _ in range(3):
        qtbot.wait(20)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def no_work_left() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    threads = [t for t in threading.enumerate() if t.name == "background-work"]
    return not threads and not app.findChildren(Relay)


def test_many_quick_jobs_in_a_row_leave_no_thread_and_no_qt_object_behind(
    parent: QWidget, qtbot: QtBot
) -> None:
    """Each job's thread reports through a relay that the GUI thread deletes after the thread
    ended: a thread never deletes a Qt object (that crashed the app now and then)."""
    results = [run_in_background(parent, "…", lambda n=n: n * n) for n in range(50)]
    assert results == [n * n for n in range(50)]
    settle(qtbot)
    assert no_work_left()
