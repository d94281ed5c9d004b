"""One PM Desktop window per database file (the mail outbox and sync run once per file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pm_desktop.core.errors import DatabaseInUseError
from pm_desktop.ui.database_lock import lock_database
from pm_desktop.ui.errors import describe_error


def test_a_second_window_on_the_same_database_is_refused_with_a_clear_message(
    qtbot: QtBot, tmp_path: Path
) -> None:
    database = tmp_path / "项目.sqlite"
    first = lock_database(database)
    assert first is not None
    try:
        with pytest.raises(DatabaseInUseError) as caught:
            lock_database(database)
        assert "already open in another PM Desktop window" in describe_error(caught.value)
        second = subprocess.run(
            [sys.executable, "-m", "pm_desktop", "--smoke-test", "--db", str(database)],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert second.returncode == 1  # the app stops before opening the file
        assert "open in another PM Desktop window" in second.stderr
        assert not database.exists()
    finally:
        first.unlock()
    again = lock_database(database)  # once the first window closed
    assert again is not None
    again.unlock()


def test_the_lock_of_a_window_that_crashed_is_taken_over(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite"
    crashed = (
        "import os, sys; from PySide6.QtCore import QLockFile;"
        f"lock = QLockFile({str(database)!r} + '.lock'); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", crashed], check=True)
    assert Path(f"{database}.lock").exists()  # left behind
    lock = lock_database(database)
    assert lock is not None
    lock.unlock()
    assert not Path(f"{database}.lock").exists()
