"""Shared fixtures: a migrated template database copied per test, services on it, Qt settings."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pm_desktop.services.container import Services
from pm_desktop.storage.database import open_store

ROOT = Path(__file__).resolve().parent.parent


_pinned: list[Any] = []  # the MainThreadCollector while Qt tests run one after another


@pytest.fixture(autouse=True)
def gc_in_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests collect garbage as the app does: only in the GUI thread, between events (see
    pm_desktop.ui.main_thread_gc). Their windows, which pytest-qt closes and deletes later,
    are deleted right after each test; before the first test without Qt, one full pass here
    clears what they left, and automatic collection is back."""
    from PySide6.QtCore import QCoreApplication, QEvent

    qt = "qtbot" in request.fixturenames or "qapp" in request.fixturenames
    if qt and not _pinned:
        from pm_desktop.ui.main_thread_gc import MainThreadCollector

        _pinned.append(MainThreadCollector(request.getfixturevalue("qapp")).start())
    elif not qt and _pinned:
        collector = _pinned.pop()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collector.stop()
        collector.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield
    if qt:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # closed windows
        _pinned[0].collect_if_due()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    gui_dir = ROOT / "tests" / "gui"
    for item in items:
        if gui_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per run; tests get copies (migrating is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_store(path).close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh, migrated database file for one test."""
    path = tmp_path / "pm.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    opened = Services.open(db_path)
    yield opened
    opened.close()
